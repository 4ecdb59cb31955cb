/* The sandbox: the allow-listed globals and libraries packs get, the
 * wrapped base functions (pcall, xpcall, coroutine.resume, setmetatable,
 * getmetatable, tostring, print), stubs for every blocked name, the
 * environment each Lua file runs in, and lhost_allowed, which lists what
 * packs may use. See docs/plugin-api.md for what packs may use and
 * docs/security.md for why each decision was taken. */
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "lhost_int.h"

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

static void push_blocked_lib(lua_State *L, const char *lib)
{
	lua_newtable(L);                    /* [t] */
	lua_newtable(L);                    /* [t, mt] */
	lua_pushstring(L, lib);
	lua_pushcclosure(L, blocked_index, 1);
	lua_setfield(L, -2, "__index");
	lua_pushcfunction(L, lhost_readonly_newindex);
	lua_setfield(L, -2, "__newindex");
	lua_pushliteral(L, "locked");
	lua_setfield(L, -2, "__metatable");
	lua_setmetatable(L, -2);            /* [t] */
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
		lhost_pattern_wrap(L);
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
	lhost_freeze_init(L);
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

void lhost_sandbox_env(lua_State *L)
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


/* ---- listing the allow-list ----------------------------------------- */

struct allowed {
	const char *name; /* xstrdup'd */
	enum lhost_name_kind kind;
};

struct allowed_list {
	struct allowed *v;
	size_t n, cap;
};

static void add_allowed(struct allowed_list *al, enum lhost_name_kind kind, const char *lib,
			const char *name)
{
	char buf[128];

	snprintf(buf, sizeof buf, "%s%s%s", lib ? lib : "", lib ? "." : "", name);
	GROW(al->v, al->n + 1, al->cap);
	al->v[al->n].name = xstrdup(buf);
	al->v[al->n++].kind = kind;
}

static bool listed(const char *s, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (!strcmp(s, list[i]))
			return true;
	return false;
}

static bool wrapped(const char *s)
{
	for (int i = 0; base_wrapped[i].name; i++)
		if (!strcmp(s, base_wrapped[i].name))
			return true;
	return false;
}

static bool is_lib(const char *s)
{
	for (size_t i = 0; i < sizeof libs / sizeof *libs; i++)
		if (!strcmp(s, libs[i].name))
			return true;
	return false;
}

/* Protected: every name of the base table packs see, but the blocked ones,
 * into the list (light userdata at 1). No Lua allocation. */
static int collect_allowed(lua_State *L)
{
	struct allowed_list *al = lua_touserdata(L, 1);

	lua_rawgetp(L, LUA_REGISTRYINDEX, &LHOST_K_BASE); /* [al, base] */
	lua_pushnil(L);
	while (lua_next(L, 2)) { /* [al, base, k, v] */
		const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;

		if (!k || lua_tocfunction(L, -1) == blocked || listed(k, blocked_libs)) {
			/* not for packs */
		} else if (is_lib(k)) {
			lhost_frozen_target(L, -1); /* [al, base, k, proxy, lib] */
			lua_pushnil(L);
			while (lua_next(L, -2)) {
				if (lua_type(L, -2) == LUA_TSTRING && lua_tocfunction(L, -1) != blocked)
					add_allowed(al, LHOST_NAME_LIB, k, lua_tostring(L, -2));
				lua_pop(L, 1);
			}
			lua_pop(L, 1);
		} else {
			add_allowed(al, listed(k, base_allowed) || wrapped(k) ? LHOST_NAME_BASE
									    : LHOST_NAME_API, NULL, k);
		}
		lua_pop(L, 1);
	}
	return 0;
}

static int cmp_allowed(const void *a, const void *b)
{
	const struct allowed *x = a, *y = b;

	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return strcmp(x->name, y->name);
}

int lhost_allowed(struct lhost *h, lhost_name_cb cb, void *ud, struct err *e)
{
	struct allowed_list al = { 0 };
	int status, n = -1;

	lua_pushcfunction(h->L, collect_allowed);
	lua_pushlightuserdata(h->L, &al);
	status = lhost_pcall(h, 1, 0);
	if (status != LUA_OK) {
		lhost_error(h, status, e);
	} else {
		qsort(al.v, al.n, sizeof *al.v, cmp_allowed);
		for (size_t i = 0; i < al.n; i++)
			cb(ud, al.v[i].name, al.v[i].kind);
		n = (int)al.n;
	}
	for (size_t i = 0; i < al.n; i++)
		free((char *)al.v[i].name);
	free(al.v);
	return n;
}
