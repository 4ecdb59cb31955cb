/* Whether a rule can return a finding worse than its declaration.
 *
 * A rule that fires gives its declared scale, scope, irremediable and
 * likelihood unless it returns a table that overrides them. When it cannot
 * override, every finding it gives weighs the same, and the search over
 * missing answers (lhost_missing.c) can stop at the first completion that
 * fires: nothing worse is left to find. Knowing "cannot" must never be
 * wrong (the search would stop too early and evasion could pay), so the
 * answer is conservative: the rule's function and every Lua function it can
 * reach through its upvalues (and the tables in them, read-only proxies
 * included) are dumped, and if any dump names a component, or require or
 * load (code the walk cannot see), or the walk is too large, the rule may
 * override. Computed once per rule when the pack is composed. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "lhost_int.h"

enum { SCAN_DEPTH = 32, SCAN_BUDGET = 16384 };

/* Words whose presence in a function's constants means it may override. */
static const char *const suspect[] = {
	"likelihood", "scale", "scope", "irremediable", "require", "load", NULL,
};

struct scan {
	char *buf;
	size_t len, cap;
	int budget;
	bool may;
};

static int collect(lua_State *L, const void *p, size_t sz, void *ud)
{
	struct scan *sc = ud;

	(void)L;
	if (sc->len + sz > sc->cap) {
		sc->cap = (sc->len + sz) * 2;
		sc->buf = xrealloc(sc->buf, sc->cap);
	}
	memcpy(sc->buf + sc->len, p, sz);
	sc->len += sz;
	return 0;
}

static bool names_suspect(const struct scan *sc)
{
	for (int k = 0; suspect[k]; k++) {
		size_t n = strlen(suspect[k]);

		for (size_t i = 0; i + n <= sc->len; i++)
			if (sc->buf[i] == suspect[k][0] && !memcmp(sc->buf + i, suspect[k], n)) {
				return true;
			}
	}
	return false;
}

/* The registry key of the objects found clean by earlier scans (weak keys):
 * rules share their helpers and environment, walked once. */
static const char CLEAN_KEY = 'c';

/* Whether the object at idx was seen by this scan or found clean before
 * (else marks it), in the table at seen. */
static bool seen_before(lua_State *L, int idx, int seen)
{
	lua_pushvalue(L, idx);
	if (lua_rawget(L, seen) != LUA_TNIL) {
		lua_pop(L, 1);
		return true;
	}
	lua_pop(L, 1);
	lua_pushvalue(L, idx);
	if (lua_rawget(L, seen + 1) != LUA_TNIL) {
		lua_pop(L, 1);
		return true;
	}
	lua_pop(L, 1);
	lua_pushvalue(L, idx);
	lua_pushboolean(L, 1);
	lua_rawset(L, seen);
	return false;
}

static void visit(lua_State *L, int idx, int seen, int depth, struct scan *sc);

static void visit_function(lua_State *L, int idx, int seen, int depth, struct scan *sc)
{
	if (lua_iscfunction(L, idx))
		return; /* the host's library: gives no finding */
	sc->len = 0;
	lua_pushvalue(L, idx);
	if (lua_dump(L, collect, sc, 1) != 0 || names_suspect(sc))
		sc->may = true;
	lua_pop(L, 1);
	for (int n = 1; !sc->may && lua_getupvalue(L, idx, n); n++) {
		visit(L, lua_gettop(L), seen, depth + 1, sc);
		lua_pop(L, 1);
	}
}

static void visit_table(lua_State *L, int idx, int seen, int depth, struct scan *sc)
{
	lua_pushvalue(L, idx);
	lhost_unwrap(L, -1); /* a read-only proxy: what it reads */
	idx = lua_gettop(L);
	if (seen_before(L, idx, seen)) {
		lua_pop(L, 1);
		return;
	}
	if (lua_getmetatable(L, idx)) {
		visit(L, lua_gettop(L), seen, depth + 1, sc);
		lua_pop(L, 1);
	}
	lua_pushnil(L);
	while (!sc->may && lua_next(L, idx)) {
		visit(L, lua_gettop(L), seen, depth + 1, sc);
		lua_pop(L, 1);
	}
	if (sc->may)
		lua_settop(L, idx);
	lua_pop(L, 1);
}

/* [-0, +0] walk the value at idx (absolute) */
static void visit(lua_State *L, int idx, int seen, int depth, struct scan *sc)
{
	int t = lua_type(L, idx);

	if (sc->may || (t != LUA_TFUNCTION && t != LUA_TTABLE))
		return;
	if (depth > SCAN_DEPTH || --sc->budget < 0) {
		sc->may = true;
		return;
	}
	luaL_checkstack(L, 8, "rule scan");
	if (t == LUA_TFUNCTION) {
		if (!seen_before(L, idx, seen))
			visit_function(L, idx, seen, depth, sc);
	} else {
		visit_table(L, idx, seen, depth, sc);
	}
}

bool lhost_may_override(lua_State *L, int idx)
{
	struct scan sc = { NULL, 0, 0, SCAN_BUDGET, false };
	int seen;

	idx = lua_absindex(L, idx);
	lua_newtable(L);
	seen = lua_gettop(L);
	if (lua_rawgetp(L, LUA_REGISTRYINDEX, &CLEAN_KEY) != LUA_TTABLE) { /* [seen, clean] */
		lua_pop(L, 1);
		lua_newtable(L);
		lua_createtable(L, 0, 1);
		lua_pushliteral(L, "k");
		lua_setfield(L, -2, "__mode");
		lua_setmetatable(L, -2);
		lua_pushvalue(L, -1);
		lua_rawsetp(L, LUA_REGISTRYINDEX, &CLEAN_KEY);
	}
	visit(L, idx, seen, 0, &sc);
	lua_settop(L, seen + 1);
	lua_pushnil(L);
	while (!sc.may && lua_next(L, seen)) { /* all it reaches is clean */
		lua_pop(L, 1);
		lua_pushvalue(L, -1);
		lua_pushboolean(L, 1);
		lua_rawset(L, seen + 1);
	}
	lua_settop(L, seen - 1);
	free(sc.buf);
	return sc.may;
}
