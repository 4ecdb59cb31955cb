/* The snapshot taken once a pack has loaded: every table a rule or score
 * function can reach through its upvalues becomes a read-only proxy, and
 * every other upvalue is remembered, so that each assessment starts from
 * the loaded state (lhost_eval.c restores it). See docs/security.md,
 * "Isolation between assessments". */
#include "lhost_int.h"

/* Walk what a rule can reach through upvalues: tables become read-only
 * proxies, scalars are remembered so each assessment starts from them. */
static void snapshot_value(lua_State *L, int vidx, int snap, int seen, int depth)
{
	int t = lua_type(L, vidx);
	const char *name;

	if ((t != LUA_TTABLE && t != LUA_TFUNCTION) || depth > DILIGO_MAX_SNAPSHOT_DEPTH)
		return;
	lua_pushvalue(L, vidx);
	if (lua_rawget(L, seen) != LUA_TNIL) {
		lua_pop(L, 1);
		return;
	}
	lua_pop(L, 1);
	lua_pushvalue(L, vidx);
	lua_pushboolean(L, 1);
	lua_rawset(L, seen);
	luaL_checkstack(L, 8, "snapshot");
	if (t == LUA_TTABLE) {
		lua_pushnil(L);
		while (lua_next(L, vidx)) {
			snapshot_value(L, lua_gettop(L), snap, seen, depth + 1);
			lua_pop(L, 1);
		}
		return;
	}
	if (lua_iscfunction(L, vidx))
		return;
	for (int n = 1; (name = lua_getupvalue(L, vidx, n)); n++) {
		int ut = lua_type(L, -1);

		if (ut == LUA_TTABLE) {
			lua_rawgetp(L, LUA_REGISTRYINDEX, &LHOST_K_ENVS);
			lua_pushvalue(L, -2);
			if (lua_rawget(L, -2) == LUA_TNIL) {
				lua_pop(L, 2);
				snapshot_value(L, lua_gettop(L), snap, seen, depth + 1);
				lhost_freeze(L, -1);
				lua_setupvalue(L, vidx, n);
			} else {
				lua_pop(L, 2);
			}
		} else if (ut == LUA_TFUNCTION) {
			snapshot_value(L, lua_gettop(L), snap, seen, depth + 1);
		} else {
			lua_createtable(L, 3, 0); /* [v, rec] */
			lua_pushvalue(L, vidx);
			lua_rawseti(L, -2, 1);
			lua_pushinteger(L, n);
			lua_rawseti(L, -2, 2);
			lua_pushvalue(L, -2);
			lua_rawseti(L, -2, 3);
			lua_rawseti(L, snap, (lua_Integer)luaL_len(L, snap) + 1);
		}
		lua_pop(L, 1);
	}
}

int lhost_snapshot(lua_State *L)
{
	lua_newtable(L); /* 2: snap */
	lua_newtable(L); /* 3: seen */
	lua_getfield(L, 1, "rules");
	snapshot_value(L, 4, 2, 3, 0);
	lua_getfield(L, 1, "scores");
	snapshot_value(L, 5, 2, 3, 0);
	lua_pushvalue(L, 2);
	lua_setfield(L, 1, "snap");
	return 0;
}
