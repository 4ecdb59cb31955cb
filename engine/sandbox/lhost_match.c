/* The matcher behind lhost_pattern.c's string functions: Lua's, with every
 * step counted (each match call, character tried, character a %b or a plain
 * search scans and byte a capture copies) and the count charged to the
 * instruction budget as it goes (lhost_charge), so that a match stops within
 * the budget whatever the pattern. See lhost_pattern.c for why.
 *
 * It is derived from lstrlib.c of Lua 5.4.4:
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
#include <stddef.h>
#include <string.h>

#include "lhost_int.h"

#define MAXCCALLS 200
#define L_ESC '%'
#define PATTERN_MAGIC "^$*+?.([%-"
#define CAP_UNFINISHED (-1)
#define uchar(c) ((unsigned char)(c))

enum { FLUSH = 4096 }; /* steps counted before they are charged */

void lhost_match_charge(struct lhost_match *ms)
{
	lua_Integer n = ms->steps;

	ms->steps = 0;
	lhost_charge(ms->L, n, ms->what);
}

/* n steps of work; charged every FLUSH steps */
static void tick(struct lhost_match *ms, size_t n)
{
	ms->steps += (lua_Integer)n;
	if (ms->steps >= FLUSH)
		lhost_match_charge(ms);
}

/* bytes copied or scanned in bulk (memchr, memcmp, a capture) */
void lhost_match_tick_bytes(struct lhost_match *ms, size_t n)
{
	tick(ms, 1 + n / DILIGO_WORK_BYTES);
}

static int check_capture(struct lhost_match *ms, int l)
{
	l -= '1';
	if (l < 0 || l >= ms->level || ms->capture[l].len == CAP_UNFINISHED)
		return luaL_error(ms->L, "invalid capture index %%%d", l + 1);
	return l;
}

static int capture_to_close(struct lhost_match *ms)
{
	int level = ms->level;

	for (level--; level >= 0; level--)
		if (ms->capture[level].len == CAP_UNFINISHED)
			return level;
	return luaL_error(ms->L, "invalid pattern capture");
}

static const char *classend(struct lhost_match *ms, const char *p)
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
static int singlematch(struct lhost_match *ms, const char *s, const char *p, const char *ep)
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

static const char *matchbalance(struct lhost_match *ms, const char *s, const char *p)
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

static const char *max_expand(struct lhost_match *ms, const char *s, const char *p, const char *ep)
{
	ptrdiff_t i = 0;

	while (singlematch(ms, s + i, p, ep))
		i++;
	while (i >= 0) {
		const char *res = lhost_match(ms, s + i, ep + 1);

		if (res)
			return res;
		i--;
	}
	return NULL;
}

static const char *min_expand(struct lhost_match *ms, const char *s, const char *p, const char *ep)
{
	for (;;) {
		const char *res = lhost_match(ms, s, ep + 1);

		if (res != NULL)
			return res;
		else if (singlematch(ms, s, p, ep))
			s++;
		else
			return NULL;
	}
}

static const char *start_capture(struct lhost_match *ms, const char *s, const char *p, int what)
{
	const char *res;
	int level = ms->level;

	if (level >= LHOST_MAXCAPTURES)
		luaL_error(ms->L, "too many captures");
	ms->capture[level].init = s;
	ms->capture[level].len = what;
	ms->level = (unsigned char)(level + 1);
	if ((res = lhost_match(ms, s, p)) == NULL)
		ms->level--;
	return res;
}

static const char *end_capture(struct lhost_match *ms, const char *s, const char *p)
{
	int l = capture_to_close(ms);
	const char *res;

	ms->capture[l].len = s - ms->capture[l].init;
	if ((res = lhost_match(ms, s, p)) == NULL)
		ms->capture[l].len = CAP_UNFINISHED;
	return res;
}

static const char *match_capture(struct lhost_match *ms, const char *s, int l)
{
	size_t len;

	l = check_capture(ms, l);
	len = (size_t)ms->capture[l].len;
	lhost_match_tick_bytes(ms, len);
	if ((size_t)(ms->src_end - s) >= len && memcmp(ms->capture[l].init, s, len) == 0)
		return s + len;
	return NULL;
}

const char *lhost_match(struct lhost_match *ms, const char *s, const char *p)
{
	if (ms->matchdepth-- == 0)
		luaL_error(ms->L, "pattern too complex");
init:
	tick(ms, 1);
	if (p != ms->p_end) {
		switch (*p) {
		case '(':
			if (*(p + 1) == ')')
				s = start_capture(ms, s, p + 2, LHOST_CAP_POSITION);
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

					if ((res = lhost_match(ms, s + 1, ep + 1)) != NULL) {
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
const char *lhost_match_memfind(struct lhost_match *ms, const char *s1, size_t l1, const char *s2,
				size_t l2)
{
	const char *init;

	if (l2 == 0)
		return s1;
	if (l2 > l1)
		return NULL;
	l2--;
	l1 = l1 - l2;
	while (l1 > 0 && (init = memchr(s1, *s2, l1)) != NULL) {
		lhost_match_tick_bytes(ms, (size_t)(init - s1) + l2);
		init++;
		if (memcmp(init, s2 + 1, l2) == 0)
			return init - 1;
		l1 -= (size_t)(init - s1);
		s1 = init;
	}
	lhost_match_tick_bytes(ms, l1);
	return NULL;
}

size_t lhost_match_capture(struct lhost_match *ms, int i, const char *s, const char *e,
			   const char **cap)
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
		else if (capl == LHOST_CAP_POSITION)
			lua_pushinteger(ms->L, (ms->capture[i].init - ms->src_init) + 1);
		return (size_t)capl;
	}
}

void lhost_match_push_capture(struct lhost_match *ms, int i, const char *s, const char *e)
{
	const char *cap;
	ptrdiff_t l = (ptrdiff_t)lhost_match_capture(ms, i, s, e, &cap);

	if (l != LHOST_CAP_POSITION) {
		lhost_match_tick_bytes(ms, (size_t)l);
		lua_pushlstring(ms->L, cap, (size_t)l);
	}
}

int lhost_match_push_captures(struct lhost_match *ms, const char *s, const char *e)
{
	int nlevels = (ms->level == 0 && s) ? 1 : ms->level;

	luaL_checkstack(ms->L, nlevels, "too many captures");
	for (int i = 0; i < nlevels; i++)
		lhost_match_push_capture(ms, i, s, e);
	return nlevels;
}

int lhost_match_nospecials(const char *p, size_t l)
{
	size_t upto = 0;

	do {
		if (strpbrk(p + upto, PATTERN_MAGIC))
			return 0;
		upto += strlen(p + upto) + 1;
	} while (upto <= l);
	return 1;
}

void lhost_match_prepare(struct lhost_match *ms, lua_State *L, const char *what, const char *s,
			 size_t ls, const char *p, size_t lp)
{
	ms->L = L;
	ms->what = what;
	ms->steps = 0;
	ms->matchdepth = MAXCCALLS;
	ms->src_init = s;
	ms->src_end = s + ls;
	ms->p_end = p + lp;
}

void lhost_match_reset(struct lhost_match *ms)
{
	ms->level = 0;
}
