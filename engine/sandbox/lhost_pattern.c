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
 * The matcher is derived from lstrlib.c of Lua 5.4.4:
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

#define MAXCAPTURES 32
#define MAXCCALLS 200
#define L_ESC '%'
#define SPECIALS "^$*+?.([%-"
#define CAP_UNFINISHED (-1)
#define CAP_POSITION (-2)
#define uchar(c) ((unsigned char)(c))

enum { FLUSH = 4096 }; /* steps counted before they are charged */

typedef struct MatchState {
	const char *src_init, *src_end, *p_end;
	lua_State *L;
	const char *what; /* "string.find" ... for the budget message */
	lua_Integer steps; /* counted, not yet charged */
	int matchdepth;
	unsigned char level;
	struct {
		const char *init;
		ptrdiff_t len;
	} capture[MAXCAPTURES];
} MatchState;

static void charge(MatchState *ms)
{
	lua_Integer n = ms->steps;

	ms->steps = 0;
	lhost_charge(ms->L, n, ms->what);
}

/* n steps of work; charged every FLUSH steps */
static void tick(MatchState *ms, size_t n)
{
	ms->steps += (lua_Integer)n;
	if (ms->steps >= FLUSH)
		charge(ms);
}

/* bytes copied or scanned in bulk (memchr, memcmp, a capture) */
static void tick_bytes(MatchState *ms, size_t n)
{
	tick(ms, 1 + n / DILIGO_WORK_BYTES);
}

static const char *match(MatchState *ms, const char *s, const char *p);

static int check_capture(MatchState *ms, int l)
{
	l -= '1';
	if (l < 0 || l >= ms->level || ms->capture[l].len == CAP_UNFINISHED)
		return luaL_error(ms->L, "invalid capture index %%%d", l + 1);
	return l;
}

static int capture_to_close(MatchState *ms)
{
	int level = ms->level;

	for (level--; level >= 0; level--)
		if (ms->capture[level].len == CAP_UNFINISHED)
			return level;
	return luaL_error(ms->L, "invalid pattern capture");
}

static const char *classend(MatchState *ms, const char *p)
{
	switch (*p++) {
	case L_ESC:
		if (p == ms->p_end)
			luaL_error(ms->L, "malformed pattern (ends with '%%')");
		return p + 1;
	case '[':
		if (*p == '^')
			p++;
		do {
			if (p == ms->p_end)
				luaL_error(ms->L, "malformed pattern (missing ']')");
			if (*(p++) == L_ESC && p < ms->p_end)
				p++;
		} while (*p != ']');
		return p + 1;
	default:
		return p;
	}
}

static int match_class(int c, int cl)
{
	int res;

	switch (tolower(cl)) {
	case 'a': res = isalpha(c); break;
	case 'c': res = iscntrl(c); break;
	case 'd': res = isdigit(c); break;
	case 'g': res = isgraph(c); break;
	case 'l': res = islower(c); break;
	case 'p': res = ispunct(c); break;
	case 's': res = isspace(c); break;
	case 'u': res = isupper(c); break;
	case 'w': res = isalnum(c); break;
	case 'x': res = isxdigit(c); break;
	case 'z': res = (c == 0); break;
	default: return cl == c;
	}
	return islower(cl) ? res : !res;
}

static int matchbracketclass(int c, const char *p, const char *ec)
{
	int sig = 1;

	if (*(p + 1) == '^') {
		sig = 0;
		p++;
	}
	while (++p < ec) {
		if (*p == L_ESC) {
			p++;
			if (match_class(c, uchar(*p)))
				return sig;
		} else if (*(p + 1) == '-' && p + 2 < ec) {
			p += 2;
			if (uchar(*(p - 2)) <= c && c <= uchar(*p))
				return sig;
		} else if (uchar(*p) == c) {
			return sig;
		}
	}
	return !sig;
}

/* one step, and a [set] costs its length: it is scanned for each try */
static int singlematch(MatchState *ms, const char *s, const char *p, const char *ep)
{
	int c;

	tick(ms, *p == '[' ? 1 + (size_t)(ep - p) / DILIGO_WORK_BYTES : 1);
	if (s >= ms->src_end)
		return 0;
	c = uchar(*s);
	switch (*p) {
	case '.': return 1;
	case L_ESC: return match_class(c, uchar(*(p + 1)));
	case '[': return matchbracketclass(c, p, ep - 1);
	default: return uchar(*p) == c;
	}
}

static const char *matchbalance(MatchState *ms, const char *s, const char *p)
{
	const char *from = s;
	int b, e, cont = 1;

	if (p >= ms->p_end - 1)
		luaL_error(ms->L, "malformed pattern (missing arguments to '%%b')");
	if (*s != *p)
		return NULL;
	b = *p;
	e = *(p + 1);
	while (++s < ms->src_end) {
		if (*s == e) {
			if (--cont == 0) {
				tick(ms, (size_t)(s - from));
				return s + 1;
			}
		} else if (*s == b) {
			cont++;
		}
	}
	tick(ms, (size_t)(s - from)); /* a character compared is a step */
	return NULL;
}

static const char *max_expand(MatchState *ms, const char *s, const char *p, const char *ep)
{
	ptrdiff_t i = 0;

	while (singlematch(ms, s + i, p, ep))
		i++;
	while (i >= 0) {
		const char *res = match(ms, s + i, ep + 1);

		if (res)
			return res;
		i--;
	}
	return NULL;
}

static const char *min_expand(MatchState *ms, const char *s, const char *p, const char *ep)
{
	for (;;) {
		const char *res = match(ms, s, ep + 1);

		if (res != NULL)
			return res;
		else if (singlematch(ms, s, p, ep))
			s++;
		else
			return NULL;
	}
}

static const char *start_capture(MatchState *ms, const char *s, const char *p, int what)
{
	const char *res;
	int level = ms->level;

	if (level >= MAXCAPTURES)
		luaL_error(ms->L, "too many captures");
	ms->capture[level].init = s;
	ms->capture[level].len = what;
	ms->level = (unsigned char)(level + 1);
	if ((res = match(ms, s, p)) == NULL)
		ms->level--;
	return res;
}

static const char *end_capture(MatchState *ms, const char *s, const char *p)
{
	int l = capture_to_close(ms);
	const char *res;

	ms->capture[l].len = s - ms->capture[l].init;
	if ((res = match(ms, s, p)) == NULL)
		ms->capture[l].len = CAP_UNFINISHED;
	return res;
}

static const char *match_capture(MatchState *ms, const char *s, int l)
{
	size_t len;

	l = check_capture(ms, l);
	len = (size_t)ms->capture[l].len;
	tick_bytes(ms, len);
	if ((size_t)(ms->src_end - s) >= len && memcmp(ms->capture[l].init, s, len) == 0)
		return s + len;
	return NULL;
}

static const char *match(MatchState *ms, const char *s, const char *p)
{
	if (ms->matchdepth-- == 0)
		luaL_error(ms->L, "pattern too complex");
init:
	tick(ms, 1);
	if (p != ms->p_end) {
		switch (*p) {
		case '(':
			if (*(p + 1) == ')')
				s = start_capture(ms, s, p + 2, CAP_POSITION);
			else
				s = start_capture(ms, s, p + 1, CAP_UNFINISHED);
			break;
		case ')':
			s = end_capture(ms, s, p + 1);
			break;
		case '$':
			if ((p + 1) != ms->p_end)
				goto dflt;
			s = (s == ms->src_end) ? s : NULL;
			break;
		case L_ESC:
			switch (*(p + 1)) {
			case 'b':
				s = matchbalance(ms, s, p + 2);
				if (s != NULL) {
					p += 4;
					goto init;
				}
				break;
			case 'f': {
				const char *ep;
				char previous;

				p += 2;
				if (*p != '[')
					luaL_error(ms->L, "missing '[' after '%%f' in pattern");
				ep = classend(ms, p);
				tick(ms, 1 + (size_t)(ep - p) / DILIGO_WORK_BYTES);
				previous = (s == ms->src_init) ? '\0' : *(s - 1);
				if (!matchbracketclass(uchar(previous), p, ep - 1) &&
				    matchbracketclass(uchar(*s), p, ep - 1)) {
					p = ep;
					goto init;
				}
				s = NULL;
				break;
			}
			case '0': case '1': case '2': case '3': case '4':
			case '5': case '6': case '7': case '8': case '9':
				s = match_capture(ms, s, uchar(*(p + 1)));
				if (s != NULL) {
					p += 2;
					goto init;
				}
				break;
			default:
				goto dflt;
			}
			break;
		default:
dflt: {
			const char *ep = classend(ms, p);

			if (!singlematch(ms, s, p, ep)) {
				if (*ep == '*' || *ep == '?' || *ep == '-') {
					p = ep + 1;
					goto init;
				}
				s = NULL;
			} else {
				switch (*ep) {
				case '?': {
					const char *res;

					if ((res = match(ms, s + 1, ep + 1)) != NULL) {
						s = res;
					} else {
						p = ep + 1;
						goto init;
					}
					break;
				}
				case '+':
					s++;
					/* fall through */
				case '*':
					s = max_expand(ms, s, p, ep);
					break;
				case '-':
					s = min_expand(ms, s, p, ep);
					break;
				default:
					s++;
					p = ep;
					goto init;
				}
			}
			break;
		}
		}
	}
	ms->matchdepth++;
	return s;
}

/* A plain search; memchr and memcmp counted by the bytes they may read. */
static const char *lmemfind(MatchState *ms, const char *s1, size_t l1, const char *s2, size_t l2)
{
	const char *init;

	if (l2 == 0)
		return s1;
	if (l2 > l1)
		return NULL;
	l2--;
	l1 = l1 - l2;
	while (l1 > 0 && (init = memchr(s1, *s2, l1)) != NULL) {
		tick_bytes(ms, (size_t)(init - s1) + l2);
		init++;
		if (memcmp(init, s2 + 1, l2) == 0)
			return init - 1;
		l1 -= (size_t)(init - s1);
		s1 = init;
	}
	tick_bytes(ms, l1);
	return NULL;
}

static size_t get_onecapture(MatchState *ms, int i, const char *s, const char *e, const char **cap)
{
	if (i >= ms->level) {
		if (i != 0)
			luaL_error(ms->L, "invalid capture index %%%d", i + 1);
		*cap = s;
		return (size_t)(e - s);
	} else {
		ptrdiff_t capl = ms->capture[i].len;

		*cap = ms->capture[i].init;
		if (capl == CAP_UNFINISHED)
			luaL_error(ms->L, "unfinished capture");
		else if (capl == CAP_POSITION)
			lua_pushinteger(ms->L, (ms->capture[i].init - ms->src_init) + 1);
		return (size_t)capl;
	}
}

static void push_onecapture(MatchState *ms, int i, const char *s, const char *e)
{
	const char *cap;
	ptrdiff_t l = (ptrdiff_t)get_onecapture(ms, i, s, e, &cap);

	if (l != CAP_POSITION) {
		tick_bytes(ms, (size_t)l);
		lua_pushlstring(ms->L, cap, (size_t)l);
	}
}

static int push_captures(MatchState *ms, const char *s, const char *e)
{
	int nlevels = (ms->level == 0 && s) ? 1 : ms->level;

	luaL_checkstack(ms->L, nlevels, "too many captures");
	for (int i = 0; i < nlevels; i++)
		push_onecapture(ms, i, s, e);
	return nlevels;
}

static int nospecials(const char *p, size_t l)
{
	size_t upto = 0;

	do {
		if (strpbrk(p + upto, SPECIALS))
			return 0;
		upto += strlen(p + upto) + 1;
	} while (upto <= l);
	return 1;
}

static void prepstate(MatchState *ms, lua_State *L, const char *what, const char *s, size_t ls,
		      const char *p, size_t lp)
{
	ms->L = L;
	ms->what = what;
	ms->steps = 0;
	ms->matchdepth = MAXCCALLS;
	ms->src_init = s;
	ms->src_end = s + ls;
	ms->p_end = p + lp;
}

static void reprepstate(MatchState *ms)
{
	ms->level = 0;
}

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
	MatchState ms;

	guard(L, what, ls, p, lp, plain);
	if (init > ls) {
		lua_pushnil(L);
		return 1;
	}
	prepstate(&ms, L, what, s, ls, p, lp);
	if (find && (plain || nospecials(p, lp))) {
		const char *s2 = lmemfind(&ms, s + init, ls - init, p, lp);

		charge(&ms);
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

			reprepstate(&ms);
			if ((res = match(&ms, s1, p)) != NULL) {
				int n;

				if (find) {
					lua_pushinteger(L, (s1 - s) + 1);
					lua_pushinteger(L, res - s);
					n = push_captures(&ms, NULL, 0) + 2;
				} else {
					n = push_captures(&ms, s1, res);
				}
				charge(&ms);
				return n;
			}
		} while (s1++ < ms.src_end && !anchor);
		charge(&ms);
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
	MatchState ms;
} GMatchState;

static int gmatch_aux(lua_State *L)
{
	GMatchState *gm = lua_touserdata(L, lua_upvalueindex(3));

	gm->ms.L = L;
	for (const char *src = gm->src; src <= gm->ms.src_end; src++) {
		const char *e;

		reprepstate(&gm->ms);
		if ((e = match(&gm->ms, src, gm->p)) != NULL && e != gm->lastmatch) {
			int n;

			gm->src = gm->lastmatch = e;
			n = push_captures(&gm->ms, src, e);
			charge(&gm->ms);
			return n;
		}
	}
	charge(&gm->ms);
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
	prepstate(&gm->ms, L, "string.gmatch", s, ls, p, lp);
	gm->src = s + init;
	gm->p = p;
	gm->lastmatch = NULL;
	lua_pushcclosure(L, gmatch_aux, 3);
	return 1;
}

static void add_s(MatchState *ms, luaL_Buffer *b, const char *s, const char *e)
{
	size_t l;
	lua_State *L = ms->L;
	const char *news = lua_tolstring(L, 3, &l);
	const char *p;

	tick_bytes(ms, l);
	while ((p = memchr(news, L_ESC, l)) != NULL) {
		luaL_addlstring(b, news, (size_t)(p - news));
		p++;
		if (*p == L_ESC) {
			luaL_addchar(b, *p);
		} else if (*p == '0') {
			tick_bytes(ms, (size_t)(e - s));
			luaL_addlstring(b, s, (size_t)(e - s));
		} else if (isdigit(uchar(*p))) {
			const char *cap;
			ptrdiff_t resl = (ptrdiff_t)get_onecapture(ms, *p - '1', s, e, &cap);

			if (resl == CAP_POSITION) {
				luaL_addvalue(b);
			} else {
				tick_bytes(ms, (size_t)resl);
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

static int add_value(MatchState *ms, luaL_Buffer *b, const char *s, const char *e, int tr)
{
	lua_State *L = ms->L;

	switch (tr) {
	case LUA_TFUNCTION: {
		int n;

		charge(ms); /* before running the pack's function */
		lua_pushvalue(L, 3);
		n = push_captures(ms, s, e);
		lua_call(L, n, 1);
		break;
	}
	case LUA_TTABLE:
		push_onecapture(ms, 0, s, e);
		lua_gettable(L, 3);
		break;
	default:
		add_s(ms, b, s, e);
		return 1;
	}
	if (!lua_toboolean(L, -1)) {
		lua_pop(L, 1);
		tick_bytes(ms, (size_t)(e - s));
		luaL_addlstring(b, s, (size_t)(e - s));
		return 0;
	} else if (!lua_isstring(L, -1)) {
		return luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
	} else {
		size_t n;

		lua_tolstring(L, -1, &n);
		tick_bytes(ms, n);
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
	MatchState ms;
	luaL_Buffer b;

	luaL_argexpected(L, tr == LUA_TNUMBER || tr == LUA_TSTRING || tr == LUA_TFUNCTION ||
			 tr == LUA_TTABLE, 3, "string/function/table");
	guard(L, "string.gsub", srcl, p, lp, false);
	luaL_buffinit(L, &b);
	if (anchor) {
		p++;
		lp--;
	}
	prepstate(&ms, L, "string.gsub", src, srcl, p, lp);
	while (n < max_s) {
		const char *e;

		reprepstate(&ms);
		if ((e = match(&ms, src, p)) != NULL && e != lastmatch) {
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
		tick_bytes(&ms, (size_t)(ms.src_end - src));
		luaL_addlstring(&b, src, (size_t)(ms.src_end - src));
		luaL_pushresult(&b);
	}
	charge(&ms);
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
