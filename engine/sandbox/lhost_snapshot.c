/* The snapshot taken once a pack has loaded, which makes the state every
 * assessment starts from the same whatever the assessments before it did.
 *
 * Everything a rule or score function can reach is walked, breadth first
 * and to any depth: the upvalues of Lua functions, the keys and values of
 * tables, metatables (so a function reachable only through an __index is
 * found), the targets of read-only proxies, the upvalues of C closures.
 * Then
 * - every table held in an upvalue becomes a read-only proxy (nested tables
 *   are proxied as they are read, lhost_freeze.c), so no assessment can
 *   change a table another one reads;
 * - every upvalue is recorded (once per upvalue, however many functions
 *   share it), and each assessment starts by restoring them all
 *   (lhost_eval.c), so a counter, or a table or function a rule puts in an
 *   upvalue, is back to its loaded value for the next supplier;
 * - a coroutine, or an iterator of string.gmatch or coroutine.wrap, that a
 *   rule can reach fails the load: they hold state no snapshot can restore
 *   (C functions are not walked further: the others hold no pack value).
 * Then the modules loaded so far are frozen the same way (without the
 * record): require returns read-only modules, and no function of a module
 * holds a writable table, so loading another pack cannot change what this
 * one's rules read. See docs/security.md, "Isolation between assessments". */
#include "lhost_int.h"

struct walk {
	lua_State *L;
	int snap, seen, ups, queue; /* stack indexes */
	lua_Integer head, tail, nsnap;
	bool record; /* the rules' world (record, refuse) or the modules (freeze only) */
};

/* [-0, +0] v (at idx) into the queue, unless seen */
static void enqueue(struct walk *w, int idx)
{
	lua_State *L = w->L;
	int t = lua_type(L, idx);

	if (t != LUA_TTABLE && t != LUA_TFUNCTION && t != LUA_TTHREAD && t != LUA_TUSERDATA)
		return;
	idx = lua_absindex(L, idx);
	lua_pushvalue(L, idx);
	if (lua_rawget(L, w->seen) != LUA_TNIL) {
		lua_pop(L, 1);
		return;
	}
	lua_pop(L, 1);
	lua_pushvalue(L, idx);
	lua_pushboolean(L, 1);
	lua_rawset(L, w->seen);
	lua_pushvalue(L, idx);
	lua_rawseti(L, w->queue, ++w->tail);
}

/* A coroutine, or a function whose C state moves as it is called (the
 * iterators of string.gmatch and coroutine.wrap), at idx: no snapshot can
 * restore them. */
static void refuse(struct walk *w, int idx)
{
	lua_State *L = w->L;
	lua_CFunction f = lua_tocfunction(L, idx);

	if (!w->record || (lua_type(L, idx) == LUA_TTHREAD && lua_tothread(L, idx) == L))
		return; /* not this pack's world, or the main thread (no state of its own) */
	if (f && lhost_stateful_cfunction(f) == 'g')
		luaL_error(L, "rules can reach a string.gmatch iterator made while the pack loaded "
			      "(it would carry its position from one supplier to the next): call "
			      "string.gmatch inside the rule");
	if (f && !lhost_stateful_cfunction(f))
		return;
	luaL_error(L, "rules can reach a coroutine made while the pack loaded (it would carry "
		      "state from one supplier to the next): make it inside the rule");
}

/* [-1, +0] record upvalue n of the function at f with the value on top */
static void record(struct walk *w, int f, int n)
{
	lua_State *L = w->L;

	if (!w->record) {
		lua_pop(L, 1);
		return;
	}
	lua_createtable(L, 3, 0); /* [v, rec] */
	lua_pushvalue(L, f);
	lua_rawseti(L, -2, 1);
	lua_pushinteger(L, n);
	lua_rawseti(L, -2, 2);
	lua_insert(L, -2); /* [rec, v] */
	lua_rawseti(L, -2, 3);
	lua_rawseti(L, w->snap, ++w->nsnap);
}

static bool is_env(lua_State *L, int idx)
{
	bool env;

	idx = lua_absindex(L, idx);
	lua_rawgetp(L, LUA_REGISTRYINDEX, &LHOST_K_ENVS);
	lua_pushvalue(L, idx);
	env = lua_rawget(L, -2) != LUA_TNIL;
	lua_pop(L, 2);
	return env;
}

/* upvalues of the Lua function at f: walk, freeze tables, record */
static void visit_lua_function(struct walk *w, int f)
{
	lua_State *L = w->L;

	for (int n = 1; lua_getupvalue(L, f, n); n++) { /* [v] */
		lhost_charge(L, 1, "loading");
		lua_pushlightuserdata(L, lua_upvalueid(L, f, n));
		if (lua_rawget(L, w->ups) != LUA_TNIL) { /* shared, and done */
			lua_pop(L, 2);
			continue;
		}
		lua_pop(L, 1);
		lua_pushlightuserdata(L, lua_upvalueid(L, f, n));
		lua_pushboolean(L, 1);
		lua_rawset(L, w->ups);
		switch (lua_type(L, -1)) {
		case LUA_TTHREAD:
			refuse(w, -1);
			lua_pop(L, 1);
			break;
		case LUA_TTABLE:
			enqueue(w, -1);
			if (!is_env(L, -1)) { /* an environment refuses writes itself */
				lhost_freeze(L, -1); /* [v, proxy] */
				lua_remove(L, -2);
				lua_pushvalue(L, -1);
				lua_setupvalue(L, f, n);
			}
			record(w, f, n);
			break;
		default:
			enqueue(w, -1);
			record(w, f, n);
			break;
		}
	}
}

static void visit(struct walk *w, int v)
{
	lua_State *L = w->L;

	lhost_charge(L, 1, "loading");
	switch (lua_type(L, v)) {
	case LUA_TTABLE:
		lhost_frozen_target(L, v);
		if (!lua_isnil(L, -1)) { /* a proxy: what it reads (its metatable is the host's) */
			if (!lhost_host_data(L, -1))
				enqueue(w, -1);
			lua_pop(L, 1);
			return;
		}
		lua_pop(L, 1);
		lua_pushnil(L);
		while (lua_next(L, v)) {
			lhost_charge(L, 1, "loading");
			enqueue(w, -2);
			enqueue(w, -1);
			lua_pop(L, 1);
		}
		if (lua_getmetatable(L, v)) {
			enqueue(w, -1);
			lua_pop(L, 1);
		}
		break;
	case LUA_TFUNCTION:
		if (!lua_iscfunction(L, v)) {
			visit_lua_function(w, v);
			break;
		}
		/* the library's and the host's C functions hold no pack value */
		refuse(w, v);
		break;
	case LUA_TTHREAD:
		refuse(w, v);
		break;
	default:
		break;
	}
}

static void run(struct walk *w)
{
	lua_State *L = w->L;

	luaL_checkstack(L, 16, "snapshot");
	while (w->head < w->tail) {
		lua_rawgeti(L, w->queue, ++w->head);
		lua_pushnil(L);
		lua_rawseti(L, w->queue, w->head);
		visit(w, lua_gettop(L));
		lua_pop(L, 1);
	}
}

int lhost_snapshot(lua_State *L)
{
	struct walk w = { .L = L, .record = true };

	lua_settop(L, 1);
	lua_newtable(L); /* 2: snap */
	lua_newtable(L); /* 3: seen */
	lua_newtable(L); /* 4: upvalues seen (by id) */
	lua_newtable(L); /* 5: queue */
	w.snap = 2, w.seen = 3, w.ups = 4, w.queue = 5;
	lua_getfield(L, 1, "rules");
	enqueue(&w, -1);
	lua_getfield(L, 1, "scores");
	enqueue(&w, -1);
	lua_pop(L, 2);
	run(&w);
	/* the modules: freeze what this pack's rules could not reach */
	w.record = false;
	lua_rawgetp(L, LUA_REGISTRYINDEX, &LHOST_K_MODULES); /* 6 */
	lua_pushnil(L);
	while (lua_next(L, 6)) { /* [name, {value, file}] */
		lua_rawgeti(L, -1, 1);
		lhost_frozen_target(L, -1);
		if (!lua_isnil(L, -1)) { /* frozen with the pack that loaded it first */
			lua_pop(L, 3);
			continue;
		}
		lua_pop(L, 1);
		if (lua_type(L, -1) == LUA_TTABLE) {
			enqueue(&w, -1);
			lhost_freeze(L, -1);
			lua_rawseti(L, -3, 1); /* require returns the read-only module */
		} else {
			enqueue(&w, -1);
		}
		lua_pop(L, 2);
	}
	run(&w);
	lua_pushvalue(L, 2);
	lua_setfield(L, 1, "snap");
	return 0;
}

/* ---- host data -------------------------------------------------------- */

static const char K_HOST_DATA;

bool lhost_host_data(lua_State *L, int idx)
{
	bool host;

	idx = lua_absindex(L, idx);
	if (lua_rawgetp(L, LUA_REGISTRYINDEX, &K_HOST_DATA) != LUA_TTABLE) {
		lua_pop(L, 1);
		return false;
	}
	lua_pushvalue(L, idx);
	host = lua_rawget(L, -2) != LUA_TNIL;
	lua_pop(L, 2);
	return host;
}

void lhost_mark_host_data(lua_State *L, int idx)
{
	idx = lua_absindex(L, idx);
	if (lua_rawgetp(L, LUA_REGISTRYINDEX, &K_HOST_DATA) != LUA_TTABLE) {
		lua_pop(L, 1);
		lua_newtable(L);
		lua_pushvalue(L, -1);
		lua_rawsetp(L, LUA_REGISTRYINDEX, &K_HOST_DATA);
	}
	lua_pushvalue(L, idx);
	lua_pushboolean(L, 1);
	lua_rawset(L, -3);
	lua_pop(L, 1);
}

const char *lhost_plain_data(lua_State *L, int idx)
{
	lua_Integer head = 0, tail = 0;
	const char *bad = NULL;
	int seen, queue;

	idx = lua_absindex(L, idx);
	lua_newtable(L);
	seen = lua_gettop(L);
	lua_newtable(L);
	queue = lua_gettop(L);
	lua_pushvalue(L, idx);
	lua_rawseti(L, queue, ++tail);
	while (!bad && head < tail) {
		int t = lua_rawgeti(L, queue, ++head);

		if (t == LUA_TTABLE) {
			lua_pushvalue(L, -1);
			if (lua_rawget(L, seen) != LUA_TNIL) {
				lua_pop(L, 2);
				continue;
			}
			lua_pop(L, 1);
			lua_pushvalue(L, -1);
			lua_pushboolean(L, 1);
			lua_rawset(L, seen);
			if (lua_getmetatable(L, -1)) {
				bad = "metatable";
				lua_pop(L, 1);
			}
			lua_pushnil(L);
			while (!bad && lua_next(L, -2)) {
				lhost_charge(L, 1, "loading");
				lua_pushvalue(L, -2);
				lua_rawseti(L, queue, ++tail);
				lua_rawseti(L, queue, ++tail);
			}
		} else if (t == LUA_TFUNCTION || t == LUA_TTHREAD || t == LUA_TUSERDATA) {
			bad = lua_typename(L, t);
		}
		lua_pop(L, 1);
	}
	lua_settop(L, seen - 1);
	return bad;
}
