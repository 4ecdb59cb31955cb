/* The host: one lua_State with its budgets (a counting allocator and an
 * instruction hook that a pcall inside a pack cannot swallow), the way
 * errors become messages, and lhost_new/lhost_free, which put the sandbox
 * (lhost_sandbox.c), the loader (lhost_require.c) and the catalogue
 * (lhost_catalogue.c) together. See docs/security.md, "Budgets". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "lhost_int.h"

const char LHOST_K_BASE, LHOST_K_MARKS, LHOST_K_FILES, LHOST_K_SEED, LHOST_K_ENVS,
	LHOST_K_MODULES, LHOST_K_BUDGETMSG;

enum { HOOK_STEP = 1000 };

/* ---- budgets -------------------------------------------------------- */

/* The allocator counts every byte; growth past the limit fails, which Lua
 * turns into a memory error after an emergency collection. Shrinking never
 * fails. When ptr is NULL, osize is a type tag, not a size. */
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
	if (nsize > old && h->used + (nsize - old) > h->limit) {
		h->out_of_memory = true;
		return NULL;
	}
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
	lua_sethook(h->L, count_hook, LUA_MASKCOUNT, HOOK_STEP);
}

/* ---- calls and errors ----------------------------------------------- */

int lhost_pcall(struct lhost *h, int nargs, int nres)
{
	return lua_pcall(h->L, nargs, nres, 0);
}

int lhost_error(struct lhost *h, int status, struct err *e)
{
	lua_State *L = h->L;
	const char *msg = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
	char buf[900];

	if (h->out_of_memory || status == LUA_ERRMEM)
		snprintf(buf, sizeof buf, "memory budget exceeded (%zu MiB; see --max-memory)",
			 h->max_memory >> 20);
	else if (msg)
		snprintf(buf, sizeof buf, "%s", msg);
	else
		snprintf(buf, sizeof buf, "error object is a %s value", luaL_typename(L, -1));
	lua_pop(L, 1);
	if (h->where[0] && !strstr(buf, ".lua:")) { /* name the file when Lua did not */
		char tmp[900];

		snprintf(tmp, sizeof tmp, "%s: %s", h->where, buf);
		snprintf(buf, sizeof buf, "%s", tmp);
	}
	if (h->current_rule)
		return err_set(e, ERR_PACK, "%s (rule '%s')", buf, h->current_rule);
	return err_set(e, ERR_PACK, "%s", buf);
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
	h->hash_files = o && o->hash_files;
	h->regime = o && o->regime ? xstrdup(o->regime) : NULL;
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
	}
	pack_free(h->catalogue);
	for (int i = 0; i < h->npaths; i++)
		free(h->paths[i]);
	free(h->bundled_dir);
	for (int i = 0; i < h->nnames; i++)
		free(h->names[i]);
	free(h->touched);
	free(h->order);
	free(h->search_nodes);
	free(h->search_seen);
	free(h->regime);
	free(h);
}
