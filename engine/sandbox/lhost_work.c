/* Work and memory that the count hook cannot see. The hook counts Lua
 * instructions; what C does for one of them (copy a string, move a table's
 * elements, match a pattern) is charged here to the same budget, before the
 * work when its size is known, as it goes when not. What C copies out of
 * Lua (titles, details, a test's answers) is counted against the memory
 * cap and cut at its bound. See docs/security.md, "Work the hook cannot
 * see". */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "lhost_int.h"

void lhost_charge(lua_State *L, lua_Integer units, const char *what)
{
	struct lhost *h = lhost_from(L);

	if (units <= 0)
		return;
	if (h->out_of_instructions || units > h->max_instructions - h->instructions) {
		h->instructions = h->max_instructions;
		h->out_of_instructions = true;
		luaL_error(L, "%s: instruction budget exceeded (%I instructions; see "
			      "--max-instructions)", what, (lua_Integer)h->max_instructions);
	}
	h->instructions += (long)units;
}

void lhost_charge_bytes(lua_State *L, size_t bytes, const char *what)
{
	lhost_charge(L, (lua_Integer)(bytes / DILIGO_WORK_BYTES), what);
}

int lhost_memory_error(lua_State *L)
{
	lhost_from(L)->out_of_memory = true;
	lua_rawgetp(L, LUA_REGISTRYINDEX, &LHOST_K_BUDGETMSG); /* no allocation */
	return lua_error(L);
}

void lhost_count_copy(lua_State *L, size_t n)
{
	struct lhost *h = lhost_from(L);

	/* the cap is h->limit for Lua's allocations and these copies together:
	 * a copy lowers what Lua may still allocate */
	if (n > h->limit || h->limit - n < h->used)
		lhost_memory_error(L);
	h->limit -= n;
}

const char *lhost_copy_text(lua_State *L, struct arena *a, int idx, size_t max)
{
	static const char mark[] = DILIGO_CUT_MARK;
	size_t len, keep;
	const char *s = lua_tolstring(L, idx, &len);
	char *out;

	len = strnlen(s, len < max + 1 ? len : max + 1); /* C strings end at a NUL */
	if (len <= max) {
		lhost_count_copy(L, len + 1);
		return arena_strndup(a, s, len);
	}
	keep = max - (sizeof mark - 1);
	while (keep > 0 && ((unsigned char)s[keep] & 0xc0) == 0x80)
		keep--; /* not inside a UTF-8 sequence */
	lhost_count_copy(L, keep + sizeof mark);
	out = arena_alloc(a, keep + sizeof mark);
	memcpy(out, s, keep);
	memcpy(out + keep, mark, sizeof mark);
	return out;
}

lua_Integer lhost_rawlen(lua_State *L, int idx)
{
	lua_Integer n;

	idx = lua_absindex(L, idx);
	lhost_frozen_target(L, idx);
	n = (lua_Integer)lua_rawlen(L, lua_isnil(L, -1) ? idx : -1);
	lua_pop(L, 1);
	return n;
}

const char *lhost_msgname(const char *s, char *buf, size_t n)
{
	size_t len = strnlen(s, DILIGO_MAX_NAME_IN_MESSAGE + 1), keep = len;

	if (len > DILIGO_MAX_NAME_IN_MESSAGE) {
		keep = DILIGO_MAX_NAME_IN_MESSAGE - 3;
		while (keep > 0 && ((unsigned char)s[keep] & 0xc0) == 0x80)
			keep--;
	}
	snprintf(buf, n, "%.*s%s", (int)keep, s, keep < len ? "..." : "");
	return buf;
}
