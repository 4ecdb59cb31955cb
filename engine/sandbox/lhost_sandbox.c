/* The sandbox: the allow-listed globals and libraries packs get, the
 * wrapped base functions (setmetatable, getmetatable, tostring, print;
 * pcall, xpcall, coroutine.resume and wrap, and those whose work grows with
 * their arguments, are lhost_bounded.c's), stubs for every blocked name, the environment each
 * Lua file runs in, and lhost_allowed, which lists what packs may use. See
 * docs/plugin-api.md for what packs may use and docs/security.md for why
 * each decision was taken. */
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "lhost_int.h"

/* ---- metatables ------------------------------------------------------- */

/* setmetatable gives the table an immutable copy of the metatable's
 * metamethods (its "__" fields), made by the host and reachable from no
 * pack code: what was checked when it was set is what Lua uses, so no
 * __close, __mode or __gc can be added to it later. getmetatable returns
 * the table the pack gave. Copies are shared while the metatable does not
 * change. */
static const char K_MT_ORIGINAL, K_MT_COUNT, K_MT_COPIES;

static bool is_metamethod_key(lua_State *L, int idx)
{
	const char *k = lua_type(L, idx) == LUA_TSTRING ? lua_tostring(L, idx) : NULL;

	return k && k[0] == '_' && k[1] == '_';
}

/* [-0, +1] the copy for the metatable at mt (a read-only proxy is copied
 * from its target, with its tables as proxies) */
static void push_metatable_copy(lua_State *L, int mt)
{
	static const char *const refused[] = { "__gc", "__close", "__mode" };
	int src, copy, n = 0;
	bool frozen;

	mt = lua_absindex(L, mt);
	lhost_frozen_target(L, mt); /* [target or nil] */
	frozen = !lua_isnil(L, -1);
	if (!frozen)
		lua_copy(L, mt, -1);
	src = lua_gettop(L);
	for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
		lua_pushstring(L, refused[i]);
		if (lua_rawget(L, src) != LUA_TNIL) /* as Lua reads metamethods: raw */
			luaL_error(L, "setmetatable: metamethod '%s' is not allowed in packs",
				   refused[i]);
		lua_pop(L, 1);
	}
	/* the cached copy, if every metamethod is still the same */
	lua_rawgetp(L, LUA_REGISTRYINDEX, &K_MT_COPIES);
	lua_pushvalue(L, mt);
	if (lua_rawget(L, -2) == LUA_TTABLE) { /* [src, C, copy] */
		bool same = true;

		copy = lua_gettop(L);
		lua_pushnil(L);
		while (same && lua_next(L, src)) {
			lhost_charge(L, 1, "setmetatable");
			if (is_metamethod_key(L, -2)) {
				n++;
				if (frozen && lua_istable(L, -1)) {
					lhost_freeze(L, -1);
					lua_remove(L, -2);
				}
				lua_pushvalue(L, -2);
				lua_rawget(L, copy);
				same = lua_rawequal(L, -1, -2);
				lua_pop(L, 1);
			}
			lua_pop(L, 1);
		}
		if (same) {
			lua_rawgetp(L, copy, &K_MT_COUNT);
			same = lua_tointeger(L, -1) == n;
			lua_pop(L, 1);
		} else {
			lua_pop(L, 1); /* the key lua_next left */
		}
		if (same) {
			lua_replace(L, src);
			lua_settop(L, src);
			return;
		}
	}
	lua_pop(L, 1); /* [src, C] */
	lua_newtable(L);
	copy = lua_gettop(L);
	n = 0;
	lua_pushnil(L);
	while (lua_next(L, src)) {
		lhost_charge(L, 1, "setmetatable");
		if (is_metamethod_key(L, -2)) {
			n++;
			if (frozen && lua_istable(L, -1)) {
				lhost_freeze(L, -1);
				lua_remove(L, -2);
			}
			lua_pushvalue(L, -2);
			lua_insert(L, -2);
			lua_rawset(L, copy);
		} else {
			lua_pop(L, 1);
		}
	}
	lua_pushvalue(L, mt);
	lua_rawsetp(L, copy, &K_MT_ORIGINAL);
	lua_pushinteger(L, n);
	lua_rawsetp(L, copy, &K_MT_COUNT);
	lua_pushvalue(L, mt);
	lua_pushvalue(L, copy);
	lua_rawset(L, -4); /* C[mt] = copy */
	lua_replace(L, src);
	lua_settop(L, src);
}

static int sb_setmetatable(lua_State *L)
{
	int t = lua_type(L, 2);

	luaL_checktype(L, 1, LUA_TTABLE);
	luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
	if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
		return luaL_error(L, "cannot change a protected metatable");
	lua_settop(L, 2);
	if (t == LUA_TTABLE)
		push_metatable_copy(L, 2);
	lua_setmetatable(L, 1);
	lua_settop(L, 1);
	return 1;
}

static int sb_getmetatable(lua_State *L)
{
	if (lua_type(L, 1) != LUA_TTABLE)
		return luaL_error(L, "blocked function 'getmetatable' on a %s (only tables)",
				  luaL_typename(L, 1));
	if (!lua_getmetatable(L, 1))
		return 0;
	if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
		return 1;
	if (lua_rawgetp(L, -1, &K_MT_ORIGINAL) == LUA_TNIL)
		lua_pop(L, 1); /* a metatable the host set */
	return 1;
}

/* tostring without addresses, so reports never depend on the allocator. */
int lhost_tostring(lua_State *L)
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

/* print goes to stderr as "file:line: text": for authors debugging tests.
 * One line per call: control characters are escaped (a pack cannot forge
 * a line of diligo's own), and the text is cut at DILIGO_MAX_PRINT_BYTES. */
static int sb_print(lua_State *L)
{
	luaL_Buffer b;
	const char *s;
	size_t len, out = 0;
	int n = lua_gettop(L);

	luaL_where(L, 1);
	luaL_buffinit(L, &b);
	for (int i = 1; i <= n; i++) {
		if (i > 1)
			luaL_addchar(&b, '\t');
		lua_pushcfunction(L, lhost_tostring);
		lua_pushvalue(L, i);
		lua_call(L, 1, 1);
		lua_tolstring(L, -1, &len);
		lhost_charge_bytes(L, len, "print");
		luaL_addvalue(&b);
	}
	luaL_pushresult(&b);
	s = lua_tolstring(L, -1, &len);
	luaL_buffinit(L, &b);
	for (size_t i = 0; i < len && out < DILIGO_MAX_PRINT_BYTES; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 && c != '\t') {
			char esc[8];

			snprintf(esc, sizeof esc, c == '\n' ? "\\n" : "\\x%02x", c);
			luaL_addstring(&b, esc);
			out += strlen(esc);
		} else {
			luaL_addchar(&b, (char)(c == 0x7f ? '?' : c));
			out++;
		}
	}
	if (out >= DILIGO_MAX_PRINT_BYTES)
		luaL_addstring(&b, DILIGO_CUT_MARK);
	luaL_pushresult(&b);
	fprintf(stderr, "%s%s\n", lua_tostring(L, -3), lua_tostring(L, -1));
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
	char name[DILIGO_MAX_NAME_IN_MESSAGE + 8];

	lua_pushfstring(L, "%s.%s", lib,
			lua_type(L, 2) == LUA_TSTRING ? lhost_msgname(lua_tostring(L, 2), name,
								      sizeof name) : "?");
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
	"ipairs", "next", "pairs", "type", "rawlen", "_VERSION", NULL,
};

static const luaL_Reg base_wrapped[] = {
	{ "pcall", lhost_bounded_pcall },
	{ "xpcall", lhost_bounded_xpcall },
	{ "setmetatable", sb_setmetatable },
	{ "getmetatable", sb_getmetatable },
	{ "tostring", lhost_tostring },
	{ "print", sb_print },
	{ NULL, NULL },
};

/* Lua's own, with their work charged (the original is the upvalue) */
static const luaL_Reg base_bounded[] = {
	{ "assert", lhost_bounded_nargs },
	{ "error", lhost_bounded_error },
	{ "rawequal", lhost_bounded_rawequal },
	{ "select", lhost_bounded_nargs },
	{ "tonumber", lhost_bounded_tonumber },
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
	{ "table", lhost_open_table, { NULL } },
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
	if (!strcmp(libs[i].name, "math"))
		lhost_bound_math(L);
	if (!strcmp(libs[i].name, "string")) {
		lhost_pattern_wrap(L);
		lhost_bound_string(L);
	}
	if (!strcmp(libs[i].name, "utf8"))
		lhost_bound_utf8(L);
	if (!strcmp(libs[i].name, "coroutine")) {
		lua_pushcfunction(L, lhost_bounded_resume);
		lua_setfield(L, -2, "resume");
		lua_pushcfunction(L, lhost_bounded_wrap);
		lua_setfield(L, -2, "wrap");
		lua_getfield(L, -1, "yield");
		lua_pushliteral(L, "coroutine.yield");
		lua_pushcclosure(L, lhost_bounded_nargs, 2);
		lua_setfield(L, -2, "yield");
	}
	for (int j = 0; libs[i].blocked[j]; j++) {
		char full[64];

		snprintf(full, sizeof full, "%s.%s", libs[i].name, libs[i].blocked[j]);
		push_blocked(L, full);
		lua_setfield(L, -2, libs[i].blocked[j]);
	}
	lhost_mark_host_data(L, -1); /* C functions only */
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
	lhost_bound_string_meta(L);
}

void lhost_sandbox(lua_State *L)
{
	lhost_freeze_init(L);
	lua_newtable(L); /* metatable copies by original, weak: the host's own */
	lua_newtable(L);
	lua_pushliteral(L, "k");
	lua_setfield(L, -2, "__mode");
	lua_setmetatable(L, -2);
	lua_rawsetp(L, LUA_REGISTRYINDEX, &K_MT_COPIES);
	luaL_requiref(L, "_G", luaopen_base, 0); /* [G] */
	lua_newtable(L); /* [G, base] */
	for (int i = 0; base_allowed[i]; i++) {
		lua_getfield(L, -2, base_allowed[i]);
		lua_setfield(L, -2, base_allowed[i]);
	}
	luaL_setfuncs(L, base_wrapped, 0);
	for (int i = 0; base_bounded[i].name; i++) {
		lua_getfield(L, -2, base_bounded[i].name);
		lua_pushstring(L, base_bounded[i].name);
		lua_pushcclosure(L, base_bounded[i].func, 2);
		lua_setfield(L, -2, base_bounded[i].name);
	}
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
	char name[DILIGO_MAX_NAME_IN_MESSAGE + 8];

	if (lua_type(L, 2) == LUA_TSTRING)
		return luaL_error(L, "assignment to global '%s': declare it local",
				  lhost_msgname(lua_tostring(L, 2), name, sizeof name));
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
	for (int i = 0; base_bounded[i].name; i++)
		if (!strcmp(s, base_bounded[i].name))
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

	lhost_budget_start(h);
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
