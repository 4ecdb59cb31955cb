/* Read-only proxies: what packs get instead of every shared table (the
 * libraries, the catalogue, answers' lists, context, frozen upvalues). A
 * proxy is an empty table whose metatable reads through to its target,
 * wraps nested tables in proxies on access, and refuses every write. One
 * proxy per target, cached in a weak table. See docs/security.md. */
#include "lhost_int.h"

static const char K_PROXIES, K_CACHE, K_PROXY_MT;

int lhost_readonly_newindex(lua_State *L)
{
	return luaL_error(L, "attempt to modify a read-only table");
}

void lhost_frozen_target(lua_State *L, int idx)
{
	idx = lua_absindex(L, idx);
	lua_rawgetp(L, LUA_REGISTRYINDEX, &K_PROXIES);
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
	lhost_frozen_target(L, 1); /* [p, k, t] */
	lua_pushvalue(L, 2);
	lua_gettable(L, -2); /* [p, k, t, v] */
	proxy_value(L);
	return 1;
}

static int proxy_len(lua_State *L)
{
	lhost_frozen_target(L, 1);
	lua_len(L, -1);
	return 1;
}

static int proxy_next(lua_State *L)
{
	lhost_frozen_target(L, 1); /* [p, k, t] */
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
	lua_rawgetp(L, LUA_REGISTRYINDEX, &K_PROXIES); /* [P] */
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

void lhost_freeze_init(lua_State *L)
{
	static const luaL_Reg mt[] = {
		{ "__index", proxy_index },   { "__newindex", lhost_readonly_newindex },
		{ "__len", proxy_len },       { "__pairs", proxy_pairs },
		{ NULL, NULL },
	};

	luaL_newlib(L, mt);
	lua_pushliteral(L, "locked");
	lua_setfield(L, -2, "__metatable");
	lua_rawsetp(L, LUA_REGISTRYINDEX, &K_PROXY_MT);
	new_weak(L, &K_PROXIES);
	new_weak(L, &K_CACHE);
}
