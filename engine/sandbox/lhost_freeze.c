/* Read-only proxies: what packs get instead of every shared table (the
 * libraries, the catalogue, answers' lists, context, frozen upvalues,
 * modules). A proxy is an empty table whose metatable reads through to its
 * target, wraps nested tables (values and keys) in proxies on access, and
 * refuses every write; the target's own __index and __len run with the
 * proxy, so no pack code ever holds the target. One proxy per target,
 * cached in a weak table. See docs/security.md. */
#include "lhost_int.h"

static const char K_PROXIES, K_CACHE, K_PROXY_MT, K_ORIGIN;

/* [-0, +1] the origin recorded for the target of the proxy at idx, or nil */
static int push_origin(lua_State *L, int idx)
{
	lhost_frozen_target(L, idx);
	lua_rawgetp(L, LUA_REGISTRYINDEX, &K_ORIGIN);
	lua_insert(L, -2);
	lua_rawget(L, -2);
	lua_remove(L, -2);
	return lua_type(L, -1);
}

/* Writes to what another file returned say whose value it is and what to
 * do instead: a module changes only through the sector's tailoring. */
int lhost_readonly_newindex(lua_State *L)
{
	lua_Debug ar;
	const char *origin;
	int level = 1;

	if (!lua_istable(L, 1) || push_origin(L, 1) != LUA_TSTRING)
		return luaL_error(L, "attempt to modify a read-only table");
	origin = lua_tostring(L, -1);
	/* the Lua line that wrote, even through table.insert or table.sort */
	while (lua_getstack(L, level, &ar) && !(lua_getinfo(L, "l", &ar) && ar.currentline > 0))
		level++;
	luaL_where(L, level);
	lua_pushfstring(L, "attempt to modify %s, which is read-only to other files (change "
			   "what a module contributes with the sector's 'tailoring' list)", origin);
	lua_concat(L, 2);
	return lua_error(L);
}

void lhost_frozen_target(lua_State *L, int idx)
{
	idx = lua_absindex(L, idx);
	lua_rawgetp(L, LUA_REGISTRYINDEX, &K_PROXIES);
	lua_pushvalue(L, idx);
	lua_rawget(L, -2);
	lua_remove(L, -2);
}

/* [-0, +0] a nested table read through the proxy at 1 inherits its origin,
 * so that a write deep inside a module names the module. */
static void inherit_origin(lua_State *L)
{
	int top = lua_gettop(L); /* the value */

	lua_rawgetp(L, LUA_REGISTRYINDEX, &K_ORIGIN); /* [v, O] */
	lua_pushvalue(L, top);
	if (lua_rawget(L, -2) == LUA_TNIL && push_origin(L, 1) == LUA_TSTRING) {
		lua_pushvalue(L, top); /* [v, O, nil, origin, v] */
		lua_insert(L, -2);
		lua_rawset(L, top + 1); /* O[v] = origin */
	}
	lua_settop(L, top);
}

/* [-1, +1] replace a table on top by its proxy (other values unchanged);
 * the proxy whose field it is, is at 1 */
static void proxy_value(lua_State *L)
{
	if (lua_type(L, -1) == LUA_TTABLE) {
		inherit_origin(L);
		lhost_freeze(L, -1), lua_remove(L, -2);
	}
}

/* [-0, +1] t[k] raw, t at -1, k at idx; a proxy used as a key also finds
 * the entry of the table it stands for (keys are proxied when iterated) */
static int rawget_key(lua_State *L, int k)
{
	lua_pushvalue(L, k);
	if (lua_rawget(L, -2) != LUA_TNIL || lua_type(L, k) != LUA_TTABLE)
		return lua_type(L, -1);
	lua_pop(L, 1);
	lhost_frozen_target(L, k);
	if (lua_isnil(L, -1))
		return LUA_TNIL;
	return lua_rawget(L, -2);
}

/* p[k]: the target's value, read-only. Lua's chain of __index is followed
 * here, not by lua_gettable, so that an __index function gets the proxy,
 * never the table itself (which it could change for the next supplier). */
static int proxy_index(lua_State *L)
{
	lua_settop(L, 2);
	lhost_frozen_target(L, 1); /* [p, k, t] */
	for (int loop = 0; loop < 2000; loop++) {
		int h;

		if (loop)
			lhost_charge(L, 1, "indexing"); /* a chain of __index tables */
		if (rawget_key(L, 2) != LUA_TNIL) { /* [p, k, t, v] */
			proxy_value(L);
			return 1;
		}
		lua_pop(L, 1);
		if (!lua_getmetatable(L, -1))
			return 0;
		lua_pushliteral(L, "__index");
		h = lua_rawget(L, -2); /* [p, k, t, mt, h] */
		if (h == LUA_TNIL)
			return 0;
		if (h == LUA_TFUNCTION) {
			lhost_freeze(L, -3); /* [p, k, t, mt, h, proxy of t] */
			lua_pushvalue(L, 2);
			lua_call(L, 2, 1);
			proxy_value(L);
			return 1;
		}
		if (h != LUA_TTABLE) { /* a string's methods, or Lua's error */
			lua_pushvalue(L, 2);
			lua_gettable(L, -2);
			proxy_value(L);
			return 1;
		}
		lhost_frozen_target(L, -1); /* [p, k, t, mt, h, target of h] */
		if (lua_isnil(L, -1))
			lua_pop(L, 1);
		lua_replace(L, 3);
		lua_settop(L, 3);
	}
	return luaL_error(L, "'__index' chain too long; possible loop");
}

/* #p: the target's __len, given the proxy, or its raw length */
static int proxy_len(lua_State *L)
{
	lhost_frozen_target(L, 1); /* [p, ?, t] */
	if (lua_getmetatable(L, -1)) {
		lua_pushliteral(L, "__len");
		if (lua_rawget(L, -2) != LUA_TNIL) {
			lua_pushvalue(L, 1);
			lua_pushvalue(L, 1);
			lua_call(L, 2, 1);
			return 1;
		}
		lua_pop(L, 2);
	}
	lua_pushinteger(L, (lua_Integer)lua_rawlen(L, -1));
	return 1;
}

static int proxy_next(lua_State *L)
{
	lua_settop(L, 2);
	lhost_frozen_target(L, 1); /* [p, k, t] */
	if (lua_type(L, 2) == LUA_TTABLE) { /* a proxied key: the table's own, or its target */
		lua_pushvalue(L, 2);
		if (lua_rawget(L, 3) == LUA_TNIL) {
			lhost_frozen_target(L, 2);
			if (!lua_isnil(L, -1))
				lua_replace(L, 2);
			else
				lua_pop(L, 1);
		}
		lua_pop(L, 1);
	}
	lua_pushvalue(L, 2); /* [p, k, t, k] */
	if (!lua_next(L, 3))
		return 0;
	proxy_value(L); /* [p, k, t, k', v'] */
	if (lua_type(L, -2) == LUA_TTABLE) { /* keys are read-only too */
		lhost_freeze(L, -2);
		lua_replace(L, -3);
	}
	return 2;
}

static int proxy_pairs(lua_State *L)
{
	lua_pushcfunction(L, proxy_next);
	lua_pushvalue(L, 1);
	lua_pushnil(L);
	return 3;
}

void lhost_freeze_from(lua_State *L, int idx, const char *origin)
{
	idx = lua_absindex(L, idx);
	lhost_freeze(L, idx); /* [proxy] */
	lua_rawgetp(L, LUA_REGISTRYINDEX, &K_ORIGIN);
	lhost_frozen_target(L, -2);
	lua_pushstring(L, origin);
	lua_rawset(L, -3);
	lua_pop(L, 1);
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
	new_weak(L, &K_ORIGIN);
}
