/* The table library packs get: Lua 5.4's ltablib.c, whose loops run in C
 * where the count hook does not see them, with every loop charged to the
 * instruction budget (lhost_charge) before it starts, or element by element
 * where its length is not known in advance. A __len that lies (a length of
 * 2^62) makes table.insert, remove, move, unpack, concat and sort fail on
 * the budget at once, not run for hours. The pivot of sort never depends on
 * the time, so the order of equal elements is the same on every run.
 *
 * Derived from ltablib.c of Lua 5.4.4:
 * Copyright (C) 1994-2022 Lua.org, PUC-Rio. MIT license: permission is
 * hereby granted, free of charge, to any person obtaining a copy of this
 * software and associated documentation files (the "Software"), to deal in
 * the Software without restriction, including without limitation the rights
 * to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
 * copies of the Software, subject to the following conditions: the above
 * copyright notice and this permission notice shall be included in all
 * copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED
 * "AS IS", WITHOUT WARRANTY OF ANY KIND. */
#include <limits.h>

#include "lhost_int.h"

#define TAB_R 1 /* read */
#define TAB_W 2 /* write */
#define TAB_L 4 /* length */
#define TAB_RW (TAB_R | TAB_W)

static int checkfield(lua_State *L, const char *key, int n)
{
	lua_pushstring(L, key);
	return lua_rawget(L, -n) != LUA_TNIL;
}

/* arg is a table, or has the metamethods asked for */
static void checktab(lua_State *L, int arg, int what)
{
	if (lua_type(L, arg) != LUA_TTABLE) {
		int n = 1;

		if (lua_getmetatable(L, arg) &&
		    (!(what & TAB_R) || checkfield(L, "__index", ++n)) &&
		    (!(what & TAB_W) || checkfield(L, "__newindex", ++n)) &&
		    (!(what & TAB_L) || checkfield(L, "__len", ++n)))
			lua_pop(L, n);
		else
			luaL_checktype(L, arg, LUA_TTABLE);
	}
}

static lua_Integer aux_getn(lua_State *L, int n, int w)
{
	checktab(L, n, w | TAB_L);
	return luaL_len(L, n);
}

static int tinsert(lua_State *L)
{
	lua_Integer pos, e = aux_getn(L, 1, TAB_RW);

	e = (lua_Integer)((lua_Unsigned)e + 1u); /* first empty element */
	switch (lua_gettop(L)) {
	case 2:
		pos = e;
		break;
	case 3:
		pos = luaL_checkinteger(L, 2);
		luaL_argcheck(L, (lua_Unsigned)pos - 1u < (lua_Unsigned)e, 2,
			      "position out of bounds");
		lhost_charge(L, e - pos, "table.insert");
		for (lua_Integer i = e; i > pos; i--) {
			lua_geti(L, 1, i - 1);
			lua_seti(L, 1, i);
		}
		break;
	default:
		return luaL_error(L, "wrong number of arguments to 'insert'");
	}
	lua_seti(L, 1, pos);
	return 0;
}

static int tremove(lua_State *L)
{
	lua_Integer size = aux_getn(L, 1, TAB_RW);
	lua_Integer pos = luaL_optinteger(L, 2, size);

	if (pos != size)
		luaL_argcheck(L, (lua_Unsigned)pos - 1u <= (lua_Unsigned)size, 1,
			      "position out of bounds");
	if (pos < size)
		lhost_charge(L, size - pos, "table.remove");
	lua_geti(L, 1, pos);
	for (; pos < size; pos++) {
		lua_geti(L, 1, pos + 1);
		lua_seti(L, 1, pos);
	}
	lua_pushnil(L);
	lua_seti(L, 1, pos);
	return 1;
}

static int tmove(lua_State *L)
{
	lua_Integer f = luaL_checkinteger(L, 2);
	lua_Integer e = luaL_checkinteger(L, 3);
	lua_Integer t = luaL_checkinteger(L, 4);
	int tt = !lua_isnoneornil(L, 5) ? 5 : 1;

	checktab(L, 1, TAB_R);
	checktab(L, tt, TAB_W);
	if (e >= f) {
		lua_Integer n, i;

		luaL_argcheck(L, f > 0 || e < LUA_MAXINTEGER + f, 3, "too many elements to move");
		n = e - f + 1;
		luaL_argcheck(L, t <= LUA_MAXINTEGER - n + 1, 4, "destination wrap around");
		lhost_charge(L, n, "table.move");
		if (t > e || t <= f || (tt != 1 && !lua_compare(L, 1, tt, LUA_OPEQ))) {
			for (i = 0; i < n; i++) {
				lua_geti(L, 1, f + i);
				lua_seti(L, tt, t + i);
			}
		} else {
			for (i = n - 1; i >= 0; i--) {
				lua_geti(L, 1, f + i);
				lua_seti(L, tt, t + i);
			}
		}
	}
	lua_pushvalue(L, tt);
	return 1;
}

static void addfield(lua_State *L, luaL_Buffer *b, lua_Integer i, size_t lsep)
{
	size_t len;

	lua_geti(L, 1, i);
	if (!lua_isstring(L, -1))
		luaL_error(L, "invalid value (%s) at index %I in table for 'concat'",
			   luaL_typename(L, -1), (lua_Integer)i);
	lua_tolstring(L, -1, &len);
	lhost_charge(L, 1 + (lua_Integer)((len + lsep) / DILIGO_WORK_BYTES), "table.concat");
	luaL_addvalue(b);
}

static int tconcat(lua_State *L)
{
	luaL_Buffer b;
	lua_Integer last = aux_getn(L, 1, TAB_R);
	size_t lsep;
	const char *sep = luaL_optlstring(L, 2, "", &lsep);
	lua_Integer i = luaL_optinteger(L, 3, 1);

	last = luaL_optinteger(L, 4, last);
	luaL_buffinit(L, &b);
	for (; i < last; i++) {
		addfield(L, &b, i, lsep);
		luaL_addlstring(&b, sep, lsep);
	}
	if (i == last)
		addfield(L, &b, i, 0);
	luaL_pushresult(&b);
	return 1;
}

static int tpack(lua_State *L)
{
	int n = lua_gettop(L);

	lhost_charge(L, n, "table.pack");
	lua_createtable(L, n, 1);
	lua_insert(L, 1);
	for (int i = n; i >= 1; i--)
		lua_seti(L, 1, i);
	lua_pushinteger(L, n);
	lua_setfield(L, 1, "n");
	return 1;
}

static int tunpack(lua_State *L)
{
	lua_Unsigned n;
	lua_Integer i = luaL_optinteger(L, 2, 1);
	lua_Integer e = lua_isnoneornil(L, 3) ? luaL_len(L, 1) : luaL_checkinteger(L, 3);

	if (i > e)
		return 0;
	n = (lua_Unsigned)e - (lua_Unsigned)i;
	if (n >= (unsigned int)INT_MAX)
		return luaL_error(L, "too many results to unpack");
	lhost_charge(L, (lua_Integer)n + 1, "table.unpack");
	if (!lua_checkstack(L, (int)(++n)))
		return luaL_error(L, "too many results to unpack");
	for (; i < e; i++)
		lua_geti(L, 1, i);
	lua_geti(L, 1, e);
	return (int)n;
}

/* ---- sort: Lua's quicksort, every comparison charged ------------------ */

typedef unsigned int IdxT;

#define RANLIMIT 100u

static void set2(lua_State *L, IdxT i, IdxT j)
{
	lua_seti(L, 1, i);
	lua_seti(L, 1, j);
}

static int sort_comp(lua_State *L, int a, int b)
{
	int res;

	lhost_charge(L, 1, "table.sort");
	if (lua_isnil(L, 2))
		return lua_compare(L, a, b, LUA_OPLT);
	lua_pushvalue(L, 2);
	lua_pushvalue(L, a - 1);
	lua_pushvalue(L, b - 2);
	lua_call(L, 2, 1);
	res = lua_toboolean(L, -1);
	lua_pop(L, 1);
	return res;
}

static IdxT partition(lua_State *L, IdxT lo, IdxT up)
{
	IdxT i = lo, j = up - 1;

	for (;;) {
		while ((void)lua_geti(L, 1, ++i), sort_comp(L, -1, -2)) {
			if (i == up - 1)
				luaL_error(L, "invalid order function for sorting");
			lua_pop(L, 1);
		}
		while ((void)lua_geti(L, 1, --j), sort_comp(L, -3, -1)) {
			if (j < i)
				luaL_error(L, "invalid order function for sorting");
			lua_pop(L, 1);
		}
		if (j < i) {
			lua_pop(L, 1);
			set2(L, up - 1, i);
			return i;
		}
		set2(L, i, j);
	}
}

static IdxT choosePivot(IdxT lo, IdxT up, unsigned int rnd)
{
	IdxT r4 = (up - lo) / 4;

	return rnd % (r4 * 2) + (lo + r4);
}

/* Lua draws a new "random" pivot from the time when a partition is too
 * unbalanced; this one is a function of the interval, so a sort gives the
 * same order every time. */
static unsigned int next_pivot(unsigned int rnd, IdxT lo, IdxT up)
{
	return (rnd ^ (lo * 2654435761u) ^ up) * 1103515245u + 12345u;
}

static void auxsort(lua_State *L, IdxT lo, IdxT up, unsigned int rnd)
{
	while (lo < up) {
		IdxT p, n;

		lua_geti(L, 1, lo);
		lua_geti(L, 1, up);
		if (sort_comp(L, -1, -2))
			set2(L, lo, up);
		else
			lua_pop(L, 2);
		if (up - lo == 1)
			return;
		if (up - lo < RANLIMIT || rnd == 0)
			p = (lo + up) / 2;
		else
			p = choosePivot(lo, up, rnd);
		lua_geti(L, 1, p);
		lua_geti(L, 1, lo);
		if (sort_comp(L, -2, -1)) {
			set2(L, p, lo);
		} else {
			lua_pop(L, 1);
			lua_geti(L, 1, up);
			if (sort_comp(L, -1, -2))
				set2(L, p, up);
			else
				lua_pop(L, 2);
		}
		if (up - lo == 2)
			return;
		lua_geti(L, 1, p);
		lua_pushvalue(L, -1);
		lua_geti(L, 1, up - 1);
		set2(L, p, up - 1);
		p = partition(L, lo, up);
		if (p - lo < up - p) {
			auxsort(L, lo, p - 1, rnd);
			n = p - lo;
			lo = p + 1;
		} else {
			auxsort(L, p + 1, up, rnd);
			n = up - p;
			up = p - 1;
		}
		if ((up - lo) / 128 > n)
			rnd = next_pivot(rnd, lo, up) | 1u;
	}
}

static int sort(lua_State *L)
{
	lua_Integer n = aux_getn(L, 1, TAB_RW);

	if (n > 1) {
		luaL_argcheck(L, n < INT_MAX, 1, "array too big");
		if (!lua_isnoneornil(L, 2))
			luaL_checktype(L, 2, LUA_TFUNCTION);
		lua_settop(L, 2);
		auxsort(L, 1, (IdxT)n, 0);
	}
	return 0;
}

int lhost_open_table(lua_State *L)
{
	static const luaL_Reg funcs[] = {
		{ "concat", tconcat }, { "insert", tinsert }, { "pack", tpack },
		{ "unpack", tunpack }, { "remove", tremove }, { "move", tmove },
		{ "sort", sort },      { NULL, NULL },
	};

	luaL_newlib(L, funcs);
	return 1;
}
