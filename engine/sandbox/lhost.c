/* The host: one lua_State with its budgets (a counting allocator and an
 * instruction hook that a pcall inside a pack cannot swallow), the way
 * errors become messages, and lhost_new/lhost_free, which put the sandbox
 * (lhost_sandbox.c), the loader (lhost_require.c) and the catalogue
 * (lhost_catalogue.c) together. See docs/security.md, "Budgets". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "l10n.h"
#include "lhost_int.h"

const char LHOST_K_BASE, LHOST_K_MARKS, LHOST_K_FILES, LHOST_K_SEED, LHOST_K_ENVS,
	LHOST_K_MODULES, LHOST_K_BUDGETMSG;

enum { HOOK_STEP = 1000 };

/* ---- budgets -------------------------------------------------------- */

/* The allocator counts every byte; growth past the limit fails, which Lua
 * turns into a memory error (LUA_ERRMEM) after an emergency collection and
 * a second try. A refusal sets no flag: the second try may succeed, and
 * Lua gives up quietly on some growth (its string table) that it can do
 * without. The memory error itself is what counts, where a pcall inside a
 * pack returns it (lhost_sandbox.c) or at the top (lhost_error). Shrinking
 * never fails. When ptr is NULL, osize is a type tag, not a size. */
static void *budget_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
	struct lhost *h = ud;
	size_t old = ptr ? osize : 0;
	void *p;

	if (nsize == 0) {
		free(ptr);
		h->used -= old;
		return NULL;
	}
	if (nsize > old && (h->used > h->limit || nsize - old > h->limit - h->used))
		return NULL;
	p = realloc(ptr, nsize);
	if (!p)
		return NULL;
	h->used = h->used - old + nsize;
	return p;
}

/* Raised every HOOK_STEP instructions once the budget is gone, so a pack
 * that catches the error meets it again at once. */
static void count_hook(lua_State *L, lua_Debug *ar)
{
	struct lhost *h = lhost_from(L);

	(void)ar;
	h->instructions += HOOK_STEP;
	if (h->instructions > h->max_instructions)
		h->out_of_instructions = true;
	if (h->out_of_time) {
		char buf[200];

		luaL_error(L, "%s", lhost_clock_message(h, buf, sizeof buf));
	}
	if (h->out_of_instructions)
		luaL_error(L, "instruction budget exceeded (%I instructions; see --max-instructions)",
			   (lua_Integer)h->max_instructions);
}

struct lhost *lhost_from(lua_State *L)
{
	void *ud;

	lua_getallocf(L, &ud);
	return ud;
}

void lhost_budget_start(struct lhost *h)
{
	h->instructions = 0;
	h->out_of_instructions = false;
	h->out_of_memory = false;
	h->limit = h->used + h->max_memory;
	h->running = h->L;
	lhost_clock_start(h);
	lua_sethook(h->L, count_hook, LUA_MASKCOUNT, HOOK_STEP);
}

/* ---- calls and errors ----------------------------------------------- */

int lhost_pcall(struct lhost *h, int nargs, int nres)
{
	int status;

	lhost_clock_arm(h);
	status = lua_pcall(h->L, nargs, nres, 0);
	lhost_clock_disarm(h);
	h->running = h->L;
	h->loading = false;
	return status;
}

/* s (len bytes) into buf: whole, or its head and its tail around " ... ",
 * so that the end of a long message survives (Lua puts "C stack overflow"
 * or "stack overflow" at the end of a chain of positions). */
static void fit_message(char *buf, size_t n, const char *s, size_t len)
{
	static const char gap[] = " ... ";
	size_t head, from;

	len = strnlen(s, len);
	if (len < n) {
		memcpy(buf, s, len);
		buf[len] = '\0';
		return;
	}
	head = (n - sizeof gap) / 2;
	from = len - (n - sizeof gap - head);
	while (head > 0 && ((unsigned char)s[head] & 0xc0) == 0x80)
		head--;
	while (from < len && ((unsigned char)s[from] & 0xc0) == 0x80)
		from++;
	snprintf(buf, n, "%.*s%s%.*s", (int)head, s, gap, (int)(len - from), s + from);
}

int lhost_error(struct lhost *h, int status, struct err *e)
{
	lua_State *L = h->L;
	char msg[sizeof e->msg], rule[DILIGO_MAX_NAME_IN_MESSAGE + 32] = "";
	char where[sizeof h->where + 2] = "";
	size_t len = 0, room;
	const char *s = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &len) : NULL;

	if (h->current_rule)
		snprintf(rule, sizeof rule, " (rule '%s')", h->current_rule);
	if (h->out_of_time)
		lhost_clock_message(h, msg, sizeof msg);
	else if (h->out_of_memory || status == LUA_ERRMEM)
		snprintf(msg, sizeof msg, "memory budget exceeded (%zu MiB; see --max-memory)",
			 h->max_memory >> 20);
	else if (!s)
		snprintf(msg, sizeof msg, "error object is a %s value", luaL_typename(L, -1));
	if (h->where[0] && !(s && !h->out_of_time && !h->out_of_memory && status != LUA_ERRMEM &&
			     strstr(s, ".lua:"))) /* name the file when Lua did not */
		snprintf(where, sizeof where, "%s: ", h->where);
	room = sizeof msg - strlen(where) - strlen(rule);
	if (s && !h->out_of_time && !h->out_of_memory && status != LUA_ERRMEM)
		fit_message(msg, room, s, len);
	lua_pop(L, 1);
	return err_set(e, ERR_PACK, "%s%s%s", where, msg, rule);
}

static int panic(lua_State *L)
{
	fprintf(stderr, "diligo: unprotected Lua error: %s\n",
		lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "?");
	abort();
}

static int init_state(lua_State *L)
{
	lhost_sandbox(L);
	return 0;
}

struct lhost *lhost_new(const struct lhost_opts *o, struct err *e)
{
	struct lhost *h = xcalloc(1, sizeof *h);

	h->max_instructions = o && o->max_instructions ? o->max_instructions
						       : LHOST_DEFAULT_INSTRUCTIONS;
	h->max_memory = o && o->max_memory ? o->max_memory
					   : (size_t)LHOST_DEFAULT_MEMORY_MB << 20;
	h->limit = h->max_memory;
	h->max_seconds = o && o->max_seconds > 0 ? o->max_seconds : LHOST_DEFAULT_SECONDS;
	h->hash_files = o && o->hash_files;
	h->regime = o && o->regime ? xstrdup(o->regime) : NULL;
	h->lang = o && o->lang ? xstrdup(o->lang) : NULL;
	for (int i = 0; o && i < o->npaths && h->npaths < DILIGO_MAX_SEARCH_PATHS - 1; i++)
		h->paths[h->npaths++] = xstrdup(o->paths[i]);
	lhost_add_builtin_path(h);
	h->L = lua_newstate(budget_alloc, h);
	if (!h->L) {
		err_set(e, ERR_NOMEM, "cannot create a Lua state");
		lhost_free(h);
		return NULL;
	}
	lua_atpanic(h->L, panic);
	lua_pushcfunction(h->L, init_state);
	if (lua_pcall(h->L, 0, 0, 0) != LUA_OK) {
		lhost_error(h, LUA_ERRRUN, e);
		lhost_free(h);
		return NULL;
	}
	lua_pushcfunction(h->L, lhost_init_loader);
	if (lua_pcall(h->L, 0, 0, 0) != LUA_OK) {
		lhost_error(h, LUA_ERRRUN, e);
		lhost_free(h);
		return NULL;
	}
	if (lhost_load_catalogue(h, e)) {
		lhost_free(h);
		return NULL;
	}
	return h;
}

void lhost_free(struct lhost *h)
{
	if (!h)
		return;
	if (h->L)
		lua_close(h->L);
	for (int i = 0; i < h->npacks; i++) {
		free(h->packs[i].key);
		pack_free(h->packs[i].pack);
		l10n_free(h->packs[i].l10n);
		for (int k = 0; k < L10N_NLANGS; k++)
			l10n_free(h->packs[i].other[k]);
	}
	pack_free(h->catalogue);
	lhost_clock_free(h);
	for (int i = 0; i < h->npaths; i++)
		free(h->paths[i]);
	free(h->bundled_dir);
	for (int i = 0; i < h->nnames; i++)
		free(h->names[i]);
	free(h->touched);
	free(h->order);
	free(h->regime);
	free(h->lang);
	free(h);
}
