/* The pattern functions packs get: string.find, match, gmatch and gsub.
 *
 * Lua's matcher runs in C, where the count hook never fires, and its work
 * has no bound but the input: it backtracks (a pattern with k quantifiers
 * can take n^(k+1) steps on n characters), a literal pattern costs subject
 * times pattern, %b() rescans the subject from every start (quadratic on a
 * run of brackets), a back-reference compares whole captures, a long [set]
 * is scanned for every character it is tried on. So this is Lua's matcher
 * with every step counted: each match call, character tried, character a %b
 * or a plain search scans and byte a capture or a replacement copies, and
 * the count is charged to the instruction budget as it goes
 * (lhost_charge). Whatever the pattern, a call stops within the budget.
 *
 * Before that, a guard refuses up front a subject too long for the number
 * of quantifiers in the pattern, with a message that says what to change:
 * n^(k+1) <= DILIGO_PATTERN_WORK. Both rules are deterministic, unlike a
 * timer, so a pack gives the same result on every machine. See
 * docs/security.md, "Work the hook cannot see".
 *
 * The matcher, in lhost_match.c, and these functions are derived from
 * lstrlib.c of Lua 5.4.4:
 * Copyright (C) 1994-2022 Lua.org, PUC-Rio. MIT license: permission is
 * hereby granted, free of charge, to any person obtaining a copy of this
 * software and associated documentation files (the "Software"), to deal in
 * the Software without restriction, including without limitation the rights
 * to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
 * copies of the Software, subject to the following conditions: the above
 * copyright notice and this permission notice shall be included in all
 * copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED
 * "AS IS", WITHOUT WARRANTY OF ANY KIND. */
#include <ctype.h>
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "lhost_int.h"

#define L_ESC '%'
#define uchar(c) ((unsigned char)(c))

static size_t posrelat_i(lua_Integer pos, size_t len)
{
	if (pos > 0)
		return (size_t)pos;
	if (pos == 0)
		return 1;
	if (pos < -(lua_Integer)len)
		return 1;
	return len + (size_t)pos + 1;
}

/* ---- the guard on quantifiers ----------------------------------------- */

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

/* Refuse a subject of n characters when n^(k+1) > DILIGO_PATTERN_WORK for
 * a pattern with k quantifiers (what is "string.find" ...). A plain find has
 * none. Reading the pattern is charged first, as the matcher reads it too. */
static void guard(lua_State *L, const char *what, size_t n, const char *p, size_t pn, bool plain)
{
	int k;
	double limit;

	lhost_charge_bytes(L, pn, what);
	k = plain ? 0 : quantifiers(p, pn);
	limit = pow((double)DILIGO_PATTERN_WORK, 1.0 / (k + 1));
	if (k > 0 && (double)n > limit)
		luaL_error(L, "%s: a pattern with %d quantifiers may take too long on %d "
			      "characters (at most %d): simplify the pattern or shorten the text",
			   what, k, (int)(n < 2000000000 ? n : 2000000000), (int)limit);
}

/* ---- the functions ---------------------------------------------------- */

static int find_aux(lua_State *L, int find)
{
	size_t ls, lp;
	const char *s = luaL_checklstring(L, 1, &ls);
	const char *p = luaL_checklstring(L, 2, &lp);
	size_t init = posrelat_i(luaL_optinteger(L, 3, 1), ls) - 1;
	const char *what = find ? "string.find" : "string.match";
	bool plain = find && lua_toboolean(L, 4);
	struct lhost_match ms;

	guard(L, what, ls, p, lp, plain);
	if (init > ls) {
		lua_pushnil(L);
		return 1;
	}
	lhost_match_prepare(&ms, L, what, s, ls, p, lp);
	if (find && (plain || lhost_match_nospecials(p, lp))) {
		const char *s2 = lhost_match_memfind(&ms, s + init, ls - init, p, lp);

		lhost_match_charge(&ms);
		if (s2) {
			lua_pushinteger(L, (s2 - s) + 1);
			lua_pushinteger(L, (lua_Integer)((size_t)(s2 - s) + lp));
			return 2;
		}
	} else {
		const char *s1 = s + init;
		int anchor = (*p == '^');

		if (anchor) {
			p++;
			lp--;
			ms.p_end = p + lp;
		}
		do {
			const char *res;

			lhost_match_reset(&ms);
			if ((res = lhost_match(&ms, s1, p)) != NULL) {
				int n;

				if (find) {
					lua_pushinteger(L, (s1 - s) + 1);
					lua_pushinteger(L, res - s);
					n = lhost_match_push_captures(&ms, NULL, 0) + 2;
				} else {
					n = lhost_match_push_captures(&ms, s1, res);
				}
				lhost_match_charge(&ms);
				return n;
			}
		} while (s1++ < ms.src_end && !anchor);
		lhost_match_charge(&ms);
	}
	lua_pushnil(L);
	return 1;
}

static int sb_find(lua_State *L)
{
	return find_aux(L, 1);
}

static int sb_match(lua_State *L)
{
	return find_aux(L, 0);
}

typedef struct GMatchState {
	const char *src, *p, *lastmatch;
	struct lhost_match ms;
} GMatchState;

static int gmatch_aux(lua_State *L)
{
	GMatchState *gm = lua_touserdata(L, lua_upvalueindex(3));

	gm->ms.L = L;
	for (const char *src = gm->src; src <= gm->ms.src_end; src++) {
		const char *e;

		lhost_match_reset(&gm->ms);
		if ((e = lhost_match(&gm->ms, src, gm->p)) != NULL && e != gm->lastmatch) {
			int n;

			gm->src = gm->lastmatch = e;
			n = lhost_match_push_captures(&gm->ms, src, e);
			lhost_match_charge(&gm->ms);
			return n;
		}
	}
	lhost_match_charge(&gm->ms);
	return 0;
}

static int sb_gmatch(lua_State *L)
{
	size_t ls, lp;
	const char *s = luaL_checklstring(L, 1, &ls);
	const char *p = luaL_checklstring(L, 2, &lp);
	size_t init = posrelat_i(luaL_optinteger(L, 3, 1), ls) - 1;
	GMatchState *gm;

	guard(L, "string.gmatch", ls, p, lp, false);
	lua_settop(L, 2);
	gm = lua_newuserdatauv(L, sizeof(GMatchState), 0);
	if (init > ls)
		init = ls + 1;
	lhost_match_prepare(&gm->ms, L, "string.gmatch", s, ls, p, lp);
	gm->src = s + init;
	gm->p = p;
	gm->lastmatch = NULL;
	lua_pushcclosure(L, gmatch_aux, 3);
	return 1;
}

static void add_s(struct lhost_match *ms, luaL_Buffer *b, const char *s, const char *e)
{
	size_t l;
	lua_State *L = ms->L;
	const char *news = lua_tolstring(L, 3, &l);
	const char *p;

	lhost_match_tick_bytes(ms, l);
	while ((p = memchr(news, L_ESC, l)) != NULL) {
		luaL_addlstring(b, news, (size_t)(p - news));
		p++;
		if (*p == L_ESC) {
			luaL_addchar(b, *p);
		} else if (*p == '0') {
			lhost_match_tick_bytes(ms, (size_t)(e - s));
			luaL_addlstring(b, s, (size_t)(e - s));
		} else if (isdigit(uchar(*p))) {
			const char *cap;
			ptrdiff_t resl = (ptrdiff_t)lhost_match_capture(ms, *p - '1', s, e, &cap);

			if (resl == LHOST_CAP_POSITION) {
				luaL_addvalue(b);
			} else {
				lhost_match_tick_bytes(ms, (size_t)resl);
				luaL_addlstring(b, cap, (size_t)resl);
			}
		} else {
			luaL_error(L, "invalid use of '%c' in replacement string", L_ESC);
		}
		l -= (size_t)(p + 1 - news);
		news = p + 1;
	}
	luaL_addlstring(b, news, l);
}

static int add_value(struct lhost_match *ms, luaL_Buffer *b, const char *s, const char *e, int tr)
{
	lua_State *L = ms->L;

	switch (tr) {
	case LUA_TFUNCTION: {
		int n;

		lhost_match_charge(ms); /* before running the pack's function */
		lua_pushvalue(L, 3);
		n = lhost_match_push_captures(ms, s, e);
		lua_call(L, n, 1);
		break;
	}
	case LUA_TTABLE:
		lhost_match_push_capture(ms, 0, s, e);
		lua_gettable(L, 3);
		break;
	default:
		add_s(ms, b, s, e);
		return 1;
	}
	if (!lua_toboolean(L, -1)) {
		lua_pop(L, 1);
		lhost_match_tick_bytes(ms, (size_t)(e - s));
		luaL_addlstring(b, s, (size_t)(e - s));
		return 0;
	} else if (!lua_isstring(L, -1)) {
		return luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
	} else {
		size_t n;

		lua_tolstring(L, -1, &n);
		lhost_match_tick_bytes(ms, n);
		luaL_addvalue(b);
		return 1;
	}
}

static int sb_gsub(lua_State *L)
{
	size_t srcl, lp;
	const char *src = luaL_checklstring(L, 1, &srcl);
	const char *p = luaL_checklstring(L, 2, &lp);
	const char *lastmatch = NULL;
	int tr = lua_type(L, 3);
	lua_Integer max_s = luaL_optinteger(L, 4, (lua_Integer)srcl + 1);
	int anchor = (*p == '^');
	lua_Integer n = 0;
	int changed = 0;
	struct lhost_match ms;
	luaL_Buffer b;

	luaL_argexpected(L, tr == LUA_TNUMBER || tr == LUA_TSTRING || tr == LUA_TFUNCTION ||
			 tr == LUA_TTABLE, 3, "string/function/table");
	guard(L, "string.gsub", srcl, p, lp, false);
	luaL_buffinit(L, &b);
	if (anchor) {
		p++;
		lp--;
	}
	lhost_match_prepare(&ms, L, "string.gsub", src, srcl, p, lp);
	while (n < max_s) {
		const char *e;

		lhost_match_reset(&ms);
		if ((e = lhost_match(&ms, src, p)) != NULL && e != lastmatch) {
			n++;
			changed = add_value(&ms, &b, src, e, tr) | changed;
			src = lastmatch = e;
		} else if (src < ms.src_end) {
			luaL_addchar(&b, *src++);
		} else {
			break;
		}
		if (anchor)
			break;
	}
	if (!changed) {
		lua_pushvalue(L, 1);
	} else {
		lhost_match_tick_bytes(&ms, (size_t)(ms.src_end - src));
		luaL_addlstring(&b, src, (size_t)(ms.src_end - src));
		luaL_pushresult(&b);
	}
	lhost_match_charge(&ms);
	lua_pushinteger(L, n);
	return 2;
}

bool lhost_gmatch_iterator(lua_CFunction f)
{
	return f == gmatch_aux;
}

void lhost_pattern_wrap(lua_State *L)
{
	static const luaL_Reg fns[] = {
		{ "find", sb_find },     { "match", sb_match }, { "gmatch", sb_gmatch },
		{ "gsub", sb_gsub },     { NULL, NULL },
	};

	luaL_setfuncs(L, fns, 0);
}
