/* The guard on Lua's pattern functions: string.find, match, gmatch and gsub
 * refuse a subject too long for the number of quantifiers in the pattern,
 * since the matcher backtracks in C, where the instruction budget does not
 * count. See docs/security.md, "Time the hook cannot see". */
#include <math.h>
#include <string.h>

#include "lhost_int.h"

/* The count hook never fires inside C, and Lua's matcher backtracks: a
 * pattern with k quantifiers can take about n^(k+1) steps on n characters
 * (string.find(("a"):rep(40), ("a*"):rep(20) .. "b") runs for hours). So
 * the pattern functions refuse a subject longer than the pattern allows:
 * n^(k+1) <= DILIGO_PATTERN_WORK. Deterministic, unlike a timer, so a pack
 * gives the same result on every machine. */

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

/* upvalue 1: the real function; upvalue 2: its name */
static int sb_pattern(lua_State *L)
{
	size_t n, pn;
	const char *subject = luaL_checklstring(L, 1, &n);
	const char *pat = luaL_checklstring(L, 2, &pn);
	bool plain = !strcmp(lua_tostring(L, lua_upvalueindex(2)), "find") &&
		     lua_toboolean(L, 4);
	int k = plain ? 0 : quantifiers(pat, pn);
	double limit = pow((double)DILIGO_PATTERN_WORK, 1.0 / (k + 1));

	(void)subject;
	if (k > 0 && (double)n > limit)
		return luaL_error(L, "string.%s: a pattern with %d quantifiers may take too long "
				     "on %d characters (at most %d): simplify the pattern or "
				     "shorten the text", lua_tostring(L, lua_upvalueindex(2)), k,
				  (int)n, (int)limit);
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
	return lua_gettop(L);
}

void lhost_pattern_wrap(lua_State *L)
{
	static const char *const names[] = { "find", "match", "gmatch", "gsub" };

	for (int i = 0; i < 4; i++) {
		lua_getfield(L, -1, names[i]);
		lua_pushstring(L, names[i]);
		lua_pushcclosure(L, sb_pattern, 2);
		lua_setfield(L, -2, names[i]);
	}
}
