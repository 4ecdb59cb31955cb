/* The sandbox: a Lua state with an allow-listed library set, read-only
 * proxies for everything shared, and budgets that a pcall inside a pack
 * cannot swallow. See docs/plugin-api.md for what packs may use and
 * docs/security.md for why each decision was taken. */
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lhost_int.h"

const char LHOST_K_BASE, LHOST_K_PROXIES, LHOST_K_SPECS, LHOST_K_FILES, LHOST_K_SEED,
	LHOST_K_ENVS, LHOST_K_MODULES, LHOST_K_BUDGETMSG;
static const char K_CACHE, K_PROXY_MT;

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

/* After a protected call inside a pack returns: if a budget is gone, the
 * error goes on up. [-0, +0, e] */
static void rethrow_budget(lua_State *L)
{
	struct lhost *h = lhost_from(L);

	if (h->out_of_instructions)
		luaL_error(L, "instruction budget exceeded (%I instructions; see --max-instructions)",
			   (lua_Integer)h->max_instructions);
	if (h->out_of_memory) {
		lua_rawgetp(L, LUA_REGISTRYINDEX, &LHOST_K_BUDGETMSG); /* no allocation */
		lua_error(L);
	}
}

/* ---- pattern functions --------------------------------------------- */

/* The count hook never fires inside C, and Lua's matcher backtracks: a
 * pattern with k quantifiers can take about n^(k+1) steps on n characters
 * (string.find(("a"):rep(40), ("a*"):rep(20) .. "b") runs for hours). So
 * the pattern functions refuse a subject longer than the pattern allows:
 * n^(k+1) <= PATTERN_WORK. Deterministic, unlike a timer, so a pack gives
 * the same result on every machine. */
#define PATTERN_WORK 1e9

static int quantifiers(const char *p, size_t n)
{
	int k = 0;

	for (size_t i = 0; i < n; i++) {
		if (p[i] == '%' && i + 1 < n) {
			i++;
			if (p[i] == 'b')
				i += 2;
			continue;
		}
		if (p[i] == '[') { /* a set: skip to its closing ']' */
			i++;
			if (i < n && p[i] == '^')
				i++;
			do {
				if (i < n && p[i] == '%')
					i++;
				i++;
			} while (i < n && p[i] != ']');
			continue;
		}
		if (i > 0 && (p[i] == '*' || p[i] == '+' || p[i] == '-' || p[i] == '?'))
			k++;
	}
	return k;
}

/* upvalue 1: the real function; upvalue 2: its name */
static int sb_pattern(lua_State *L)
{
	size_t n, pn;
	const char *subject = luaL_checklstring(L, 1, &n);
	const char *pat = luaL_checklstring(L, 2, &pn);
	bool plain = !strcmp(lua_tostring(L, lua_upvalueindex(2)), "find") &&
		     lua_toboolean(L, 4);
	int k = plain ? 0 : quantifiers(pat, pn);
	double limit = pow(PATTERN_WORK, 1.0 / (k + 1));

	(void)subject;
	if (k > 0 && (double)n > limit)
		return luaL_error(L, "string.%s: a pattern with %d quantifiers may take too long "
				     "on %d characters (at most %d): simplify the pattern or "
				     "shorten the text", lua_tostring(L, lua_upvalueindex(2)), k,
				  (int)n, (int)limit);
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
	return lua_gettop(L);
}

static void wrap_patterns(lua_State *L)
{
	static const char *const names[] = { "find", "match", "gmatch", "gsub" };

	for (int i = 0; i < 4; i++) {
		lua_getfield(L, -1, names[i]);
		lua_pushstring(L, names[i]);
		lua_pushcclosure(L, sb_pattern, 2);
		lua_setfield(L, -2, names[i]);
	}
}

/* ---- wrapped base functions ----------------------------------------- */

static int sb_pcall(lua_State *L)
{
	int status;

	luaL_checkany(L, 1);
	status = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
	rethrow_budget(L);
	lua_pushboolean(L, status == LUA_OK); /* [results..., ok] */
	lua_insert(L, 1);                     /* [ok, results...] */
	return lua_gettop(L);
}

/* The message handler of xpcall: once a budget is gone the pack's handler
 * is not run again, or a handler that loops would be re-entered for every
 * error it raises. */
static int xpcall_handler(lua_State *L)
{
	struct lhost *h = lhost_from(L);

	if (h->out_of_instructions || h->out_of_memory)
		return 1; /* the error object as it is */
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_call(L, lua_gettop(L) - 1, 1);
	return 1;
}

static int sb_xpcall(lua_State *L)
{
	int status, n = lua_gettop(L);

	luaL_checktype(L, 2, LUA_TFUNCTION);
	lua_pushvalue(L, 2);
	lua_pushcclosure(L, xpcall_handler, 1);
	lua_replace(L, 2);
	lua_pushvalue(L, 1); /* [f, h, args..., f] */
	lua_copy(L, 2, 1);   /* [h, h, args..., f] */
	lua_replace(L, 2);   /* [h, f, args...] */
	status = lua_pcall(L, n - 2, LUA_MULTRET, 1);
	rethrow_budget(L);
	lua_pushboolean(L, status == LUA_OK);
	lua_replace(L, 1); /* [ok, results...] */
	return lua_gettop(L);
}

static int sb_resume(lua_State *L)
{
	int n = lua_gettop(L);

	lua_pushvalue(L, lua_upvalueindex(1)); /* the real coroutine.resume */
	lua_insert(L, 1);
	lua_call(L, n, LUA_MULTRET);
	rethrow_budget(L);
	return lua_gettop(L);
}

static int sb_setmetatable(lua_State *L)
{
	static const char *const refused[] = { "__gc", "__close", "__mode" };

	luaL_checktype(L, 1, LUA_TTABLE);
	if (!lua_isnoneornil(L, 2)) {
		luaL_checktype(L, 2, LUA_TTABLE);
		for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
			if (lua_getfield(L, 2, refused[i]) != LUA_TNIL) /* raw enough: a fresh mt */
				return luaL_error(L, "setmetatable: metamethod '%s' is not "
						     "allowed in packs", refused[i]);
			lua_pop(L, 1);
		}
	}
	if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
		return luaL_error(L, "cannot change a protected metatable");
	lua_settop(L, 2);
	lua_setmetatable(L, 1);
	return 1;
}

static int sb_getmetatable(lua_State *L)
{
	if (lua_type(L, 1) != LUA_TTABLE)
		return luaL_error(L, "blocked function 'getmetatable' on a %s (only tables)",
				  luaL_typename(L, 1));
	if (!lua_getmetatable(L, 1))
		return 0;
	luaL_getmetafield(L, 1, "__metatable");
	return 1;
}

/* tostring without addresses, so reports never depend on the allocator. */
static int sb_tostring(lua_State *L)
{
	int t = lua_type(L, 1);

	luaL_checkany(L, 1);
	if ((t == LUA_TTABLE || t == LUA_TFUNCTION || t == LUA_TTHREAD || t == LUA_TUSERDATA) &&
	    luaL_getmetafield(L, 1, "__tostring") == LUA_TNIL) {
		lua_pushstring(L, lua_typename(L, t));
		return 1;
	}
	luaL_tolstring(L, 1, NULL);
	return 1;
}

/* print goes to stderr as "file:line: text": for authors debugging tests. */
static int sb_print(lua_State *L)
{
	luaL_Buffer b;
	int n = lua_gettop(L);

	luaL_where(L, 1);
	luaL_buffinit(L, &b);
	for (int i = 1; i <= n; i++) {
		if (i > 1)
			luaL_addchar(&b, '\t');
		lua_pushcfunction(L, sb_tostring);
		lua_pushvalue(L, i);
		lua_call(L, 1, 1);
		luaL_addvalue(&b);
	}
	luaL_pushresult(&b);
	fprintf(stderr, "%s%s\n", lua_tostring(L, -2), lua_tostring(L, -1));
	return 0;
}

static int blocked(lua_State *L)
{
	return luaL_error(L, "blocked function '%s' is not available to packs",
			  lua_tostring(L, lua_upvalueindex(1)));
}

/* [-0, +1] a stub that raises "blocked function 'name'" */
static void push_blocked(lua_State *L, const char *name)
{
	lua_pushstring(L, name);
	lua_pushcclosure(L, blocked, 1);
}

/* io, os, debug, package: tables whose every field is a blocked stub. */
static int blocked_index(lua_State *L)
{
	const char *lib = lua_tostring(L, lua_upvalueindex(1));

	lua_pushfstring(L, "%s.%s", lib, luaL_optstring(L, 2, "?"));
	lua_pushcclosure(L, blocked, 1);
	return 1;
}

static int readonly_newindex(lua_State *L)
{
	return luaL_error(L, "attempt to modify a read-only table");
}

static void push_blocked_lib(lua_State *L, const char *lib)
{
	lua_newtable(L);                    /* [t] */
	lua_newtable(L);                    /* [t, mt] */
	lua_pushstring(L, lib);
	lua_pushcclosure(L, blocked_index, 1);
	lua_setfield(L, -2, "__index");
	lua_pushcfunction(L, readonly_newindex);
	lua_setfield(L, -2, "__newindex");
	lua_pushliteral(L, "locked");
	lua_setfield(L, -2, "__metatable");
	lua_setmetatable(L, -2);            /* [t] */
}

/* ---- read-only proxies ---------------------------------------------- */

/* [-0, +1] the target of proxy at idx */
static void proxy_target(lua_State *L, int idx)
{
	idx = lua_absindex(L, idx);
	lua_rawgetp(L, LUA_REGISTRYINDEX, &LHOST_K_PROXIES);
	lua_pushvalue(L, idx);
	lua_rawget(L, -2);
	lua_remove(L, -2);
}

/* [-1, +1] replace a table on top by its proxy (other values unchanged) */
static void proxy_value(lua_State *L)
{
	if (lua_type(L, -1) == LUA_TTABLE)
		lhost_freeze(L, -1), lua_remove(L, -2);
}

static int proxy_index(lua_State *L)
{
	proxy_target(L, 1); /* [p, k, t] */
	lua_pushvalue(L, 2);
	lua_gettable(L, -2); /* [p, k, t, v] */
	proxy_value(L);
	return 1;
}

static int proxy_len(lua_State *L)
{
	proxy_target(L, 1);
	lua_len(L, -1);
	return 1;
}

static int proxy_next(lua_State *L)
{
	proxy_target(L, 1); /* [p, k, t] */
	lua_pushvalue(L, 2); /* [p, k, t, k] */
	if (!lua_next(L, -2))
		return 0;
	proxy_value(L); /* [p, k, t, k', v'] */
	return 2;
}

static int proxy_pairs(lua_State *L)
{
	lua_pushcfunction(L, proxy_next);
	lua_pushvalue(L, 1);
	lua_pushnil(L);
	return 3;
}

void lhost_freeze(lua_State *L, int idx)
{
	idx = lua_absindex(L, idx);
	/* already a proxy? */
	lua_rawgetp(L, LUA_REGISTRYINDEX, &LHOST_K_PROXIES); /* [P] */
	lua_pushvalue(L, idx);
	if (lua_rawget(L, -2) != LUA_TNIL) { /* [P, target] */
		lua_pop(L, 2);
		lua_pushvalue(L, idx);
		return;
	}
	lua_pop(L, 1);
	lua_rawgetp(L, LUA_REGISTRYINDEX, &K_CACHE); /* [P, C] */
	lua_pushvalue(L, idx);
	if (lua_rawget(L, -2) == LUA_TTABLE) { /* [P, C, proxy] */
		lua_replace(L, -3);
		lua_pop(L, 1);
		return;
	}
	lua_pop(L, 1);
	lua_newtable(L); /* [P, C, proxy] */
	lua_rawgetp(L, LUA_REGISTRYINDEX, &K_PROXY_MT);
	lua_setmetatable(L, -2);
	lua_pushvalue(L, idx);
	lua_pushvalue(L, -2);
	lua_rawset(L, -4); /* C[target] = proxy */
	lua_pushvalue(L, -1);
	lua_pushvalue(L, idx);
	lua_rawset(L, -5); /* P[proxy] = target */
	lua_replace(L, -3);
	lua_pop(L, 1); /* [proxy] */
}

/* [-0, +0] a weak-keyed table in the registry under key */
static void new_weak(lua_State *L, const void *key)
{
	lua_newtable(L);
	lua_newtable(L);
	lua_pushliteral(L, "k");
	lua_setfield(L, -2, "__mode");
	lua_setmetatable(L, -2);
	lua_rawsetp(L, LUA_REGISTRYINDEX, key);
}

static void make_proxy_mt(lua_State *L)
{
	static const luaL_Reg mt[] = {
		{ "__index", proxy_index },   { "__newindex", readonly_newindex },
		{ "__len", proxy_len },       { "__pairs", proxy_pairs },
		{ NULL, NULL },
	};

	luaL_newlib(L, mt);
	lua_pushliteral(L, "locked");
	lua_setfield(L, -2, "__metatable");
	lua_rawsetp(L, LUA_REGISTRYINDEX, &K_PROXY_MT);
	new_weak(L, &LHOST_K_PROXIES);
	new_weak(L, &K_CACHE);
}

/* ---- the allow-list ------------------------------------------------- */

static const char *const base_allowed[] = {
	"assert", "error", "ipairs", "next", "pairs", "select", "tonumber", "type",
	"rawequal", "rawlen", "_VERSION", NULL,
};

static const luaL_Reg base_wrapped[] = {
	{ "pcall", sb_pcall },
	{ "xpcall", sb_xpcall },
	{ "setmetatable", sb_setmetatable },
	{ "getmetatable", sb_getmetatable },
	{ "tostring", sb_tostring },
	{ "print", sb_print },
	{ NULL, NULL },
};

static const char *const base_blocked[] = {
	"load", "loadstring", "loadfile", "dofile", "collectgarbage", "rawget", "rawset",
	"require_raw", "warn", NULL,
};

/* library name, fields replaced by blocked stubs */
static const struct {
	const char *name;
	lua_CFunction open;
	const char *blocked[3];
} libs[] = {
	{ "string", luaopen_string, { "dump", NULL } },
	{ "table", luaopen_table, { NULL } },
	{ "math", luaopen_math, { "randomseed", NULL } },
	{ "utf8", luaopen_utf8, { NULL } },
	{ "coroutine", luaopen_coroutine, { "close", NULL } },
};

static const char *const blocked_libs[] = { "io", "os", "debug", "package", NULL };

/* [-0, +0] open lib, block fields, freeze it into base[name] (base at -1) */
static void add_lib(lua_State *L, int i)
{
	luaL_requiref(L, libs[i].name, libs[i].open, 0); /* [base, lib] */
	if (!strcmp(libs[i].name, "math")) {
		lua_getfield(L, -1, "randomseed");
		lua_rawsetp(L, LUA_REGISTRYINDEX, &LHOST_K_SEED);
	}
	if (!strcmp(libs[i].name, "string"))
		wrap_patterns(L);
	if (!strcmp(libs[i].name, "coroutine")) {
		lua_getfield(L, -1, "resume");
		lua_pushcclosure(L, sb_resume, 1);
		lua_setfield(L, -2, "resume");
	}
	for (int j = 0; libs[i].blocked[j]; j++) {
		char full[64];

		snprintf(full, sizeof full, "%s.%s", libs[i].name, libs[i].blocked[j]);
		push_blocked(L, full);
		lua_setfield(L, -2, libs[i].blocked[j]);
	}
	lhost_freeze(L, -1); /* [base, lib, proxy] */
	lua_setfield(L, -3, libs[i].name);
	lua_pop(L, 1);
}

/* The string metatable's __index is the real string table: point it at the
 * frozen one, or ("").rep = nil would reach every pack. */
static void lock_string_metatable(lua_State *L)
{
	lua_pushliteral(L, "");
	lua_getmetatable(L, -1); /* ["", mt] */
	lua_getfield(L, -3, "string"); /* [base, "", mt, proxy] */
	lua_setfield(L, -2, "__index");
	lua_pushliteral(L, "locked");
	lua_setfield(L, -2, "__metatable");
	lua_pop(L, 2);
}

void lhost_sandbox(lua_State *L)
{
	make_proxy_mt(L);
	luaL_requiref(L, "_G", luaopen_base, 0); /* [G] */
	lua_newtable(L); /* [G, base] */
	for (int i = 0; base_allowed[i]; i++) {
		lua_getfield(L, -2, base_allowed[i]);
		lua_setfield(L, -2, base_allowed[i]);
	}
	luaL_setfuncs(L, base_wrapped, 0);
	for (int i = 0; base_blocked[i]; i++) {
		push_blocked(L, base_blocked[i]);
		lua_setfield(L, -2, base_blocked[i]);
	}
	for (size_t i = 0; i < sizeof libs / sizeof *libs; i++)
		add_lib(L, (int)i);
	for (int i = 0; blocked_libs[i]; i++) {
		push_blocked_lib(L, blocked_libs[i]);
		lua_setfield(L, -2, blocked_libs[i]);
	}
	lock_string_metatable(L);
	lua_rawsetp(L, LUA_REGISTRYINDEX, &LHOST_K_BASE); /* [G] */
	lua_pop(L, 1);
	/* the real globals table is never given to a pack: empty it */
	lua_pushglobaltable(L);
	lua_pushnil(L);
	while (lua_next(L, -2)) {
		lua_pop(L, 1);
		lua_pushvalue(L, -1);
		lua_pushnil(L);
		lua_rawset(L, -4);
	}
	lua_pop(L, 1);
	lua_pushliteral(L, "memory budget exceeded");
	lua_rawsetp(L, LUA_REGISTRYINDEX, &LHOST_K_BUDGETMSG);
}

static int env_newindex(lua_State *L)
{
	if (lua_type(L, 2) == LUA_TSTRING)
		return luaL_error(L, "assignment to global '%s': declare it local",
				  lua_tostring(L, 2));
	return luaL_error(L, "assignment to a global: declare it local");
}

void lhost_new_env(lua_State *L)
{
	lua_newtable(L); /* [env] */
	lua_newtable(L); /* [env, mt] */
	lua_rawgetp(L, LUA_REGISTRYINDEX, &LHOST_K_BASE);
	lua_setfield(L, -2, "__index");
	lua_pushcfunction(L, env_newindex);
	lua_setfield(L, -2, "__newindex");
	lua_pushliteral(L, "locked");
	lua_setfield(L, -2, "__metatable");
	lua_setmetatable(L, -2);
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
	struct lhost *h = calloc(1, sizeof *h);

	if (!h) {
		err_set(e, ERR_NOMEM, "out of memory");
		return NULL;
	}
	h->max_instructions = o && o->max_instructions ? o->max_instructions
						       : LHOST_DEFAULT_INSTRUCTIONS;
	h->max_memory = o && o->max_memory ? o->max_memory
					   : (size_t)LHOST_DEFAULT_MEMORY_MB << 20;
	h->limit = h->max_memory;
	h->hash_files = o && o->hash_files;
	for (int i = 0; o && i < o->npaths && h->npaths < DILIGO_MAX_SEARCH_PATHS - 1; i++)
		h->paths[h->npaths++] = strdup(o->paths[i]);
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
	for (int i = 0; i < h->nnames; i++)
		free(h->names[i]);
	free(h->touched);
	free(h);
}
