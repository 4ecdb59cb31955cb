/* The string, utf8 and math functions whose work grows with their input,
 * wrapped: each computes the work the original will do from its arguments
 * (bytes built or scanned, values pushed, repetitions) and charges it to the
 * instruction budget (lhost_charge), then runs the original in its own call
 * frame, so error messages are Lua's. string.rep("", 2^60) does no copying
 * but loops 2^60 times: the loop is charged, and fails at once. What a
 * result can never fit in the memory cap fails as "memory budget exceeded"
 * before the work. The patterns are in lhost_pattern.c. See
 * docs/security.md, "Work the hook cannot see". */
#include <ctype.h>
#include <string.h>

#include "lhost_int.h"

/* The function the wrapper replaces, in its upvalue: a C function of Lua's
 * libraries with no upvalues of its own, so it runs in the wrapper's frame. */
#define ORIGINAL(L) (lua_tocfunction((L), lua_upvalueindex(1))(L))

static size_t str_len(lua_State *L, int i)
{
	size_t n = 0;

	if (lua_type(L, i) == LUA_TSTRING)
		lua_tolstring(L, i, &n);
	return n;
}

/* lstrlib.c's position rules, to know a result's size before the call */
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

static size_t end_pos(lua_State *L, int arg, lua_Integer def, size_t len)
{
	lua_Integer pos = luaL_optinteger(L, arg, def);

	if (pos > (lua_Integer)len)
		return len;
	if (pos >= 0)
		return (size_t)pos;
	if (pos < -(lua_Integer)len)
		return 0;
	return len + (size_t)pos + 1;
}

/* ---- string ----------------------------------------------------------- */

static int w_rep(lua_State *L)
{
	struct lhost *h = lhost_from(L);
	size_t l, lsep;
	lua_Integer n;

	luaL_checklstring(L, 1, &l);
	n = luaL_checkinteger(L, 2);
	luaL_optlstring(L, 3, "", &lsep);
	if (n > 0) {
		size_t unit = l + lsep;

		if (unit && (lua_Unsigned)n > h->max_memory / unit)
			return lhost_memory_error(L); /* never fits, whatever is collected */
		lhost_charge(L, n, "string.rep"); /* the loop runs n times, even for "" */
		lhost_charge_bytes(L, (size_t)n * unit, "string.rep");
	}
	return ORIGINAL(L);
}

static int w_sub(lua_State *L)
{
	size_t l, start, end;

	luaL_checklstring(L, 1, &l);
	start = posrelat_i(luaL_checkinteger(L, 2), l);
	end = end_pos(L, 3, -1, l);
	if (start <= end)
		lhost_charge_bytes(L, end - start + 1, "string.sub");
	return ORIGINAL(L);
}

static int w_bytewise(lua_State *L) /* upper, lower, reverse */
{
	size_t l;

	luaL_checklstring(L, 1, &l);
	lhost_charge_bytes(L, l, lua_tostring(L, lua_upvalueindex(2)));
	return ORIGINAL(L);
}

static int w_byte(lua_State *L)
{
	size_t l, posi, pose;
	lua_Integer pi;

	luaL_checklstring(L, 1, &l);
	pi = luaL_optinteger(L, 2, 1);
	pose = end_pos(L, 3, pi, l);
	posi = posrelat_i(pi, l);
	if (posi <= pose)
		lhost_charge(L, (lua_Integer)(pose - posi + 1), "string.byte");
	return ORIGINAL(L);
}

static int w_nargs(lua_State *L) /* string.char, utf8.char, math.max, math.min */
{
	lhost_charge(L, lua_gettop(L), lua_tostring(L, lua_upvalueindex(2)));
	return ORIGINAL(L);
}

/* string.format: the result is at most the format, each %s or %q argument
 * (four times for %q, whose escapes grow it) and a bounded field for every
 * other conversion (widths are two digits at most). A %s of a table or
 * function is converted first by the sandbox's tostring, so no address
 * reaches a report; %p is refused for the same reason. */
static int w_format(lua_State *L)
{
	size_t fl, out;
	const char *f = luaL_checklstring(L, 1, &fl), *e = f + fl;
	int arg = 1, top = lua_gettop(L);

	out = fl;
	while (f < e) {
		size_t k = 0;
		char conv;

		if (*f++ != '%')
			continue;
		if (f < e && *f == '%') {
			f++;
			continue;
		}
		while (f + k < e && f[k] && strchr("-+#0 123456789.", f[k]))
			k++;
		conv = f + k < e ? f[k] : '\0';
		f += k + 1;
		if (++arg > top)
			break; /* the original says "no value" */
		if (conv == 'p')
			return luaL_error(L, "bad argument #%d to 'format' (%%p is not available to "
					     "packs: addresses differ from run to run)", arg);
		if (conv == 's' && lua_type(L, arg) != LUA_TSTRING &&
		    lua_type(L, arg) != LUA_TNUMBER) {
			lua_pushcfunction(L, lhost_tostring);
			lua_pushvalue(L, arg);
			lua_call(L, 1, 1);
			lua_replace(L, arg);
		}
		out += (conv == 'q' ? 4 : 1) * str_len(L, arg) + 512;
	}
	lhost_charge_bytes(L, out, "string.format");
	return ORIGINAL(L);
}

/* string.pack: sixteen bytes at most per option, plus the sizes written
 * after 'c' (padding, byte by byte), plus the strings packed. */
static int w_pack(lua_State *L)
{
	struct lhost *h = lhost_from(L);
	size_t fl, out;
	const char *f = luaL_checklstring(L, 1, &fl);

	out = 16 * fl;
	for (size_t i = 0; i < fl; i++) {
		size_t n = 0;

		if (f[i] != 'c')
			continue;
		while (i + 1 < fl && isdigit((unsigned char)f[i + 1]) && n < h->max_memory)
			n = n * 10 + (size_t)(f[++i] - '0');
		if (n >= h->max_memory)
			return lhost_memory_error(L);
		out += n;
	}
	for (int i = 2; i <= lua_gettop(L); i++)
		out += str_len(L, i);
	if (out > h->max_memory)
		return lhost_memory_error(L);
	lhost_charge_bytes(L, out, "string.pack");
	return ORIGINAL(L);
}

/* string.unpack and packsize: the options, and the data read once. */
static int w_unpack(lua_State *L)
{
	size_t fl;

	luaL_checklstring(L, 1, &fl);
	lhost_charge(L, (lua_Integer)fl, lua_tostring(L, lua_upvalueindex(2)));
	lhost_charge_bytes(L, str_len(L, 2), lua_tostring(L, lua_upvalueindex(2)));
	return ORIGINAL(L);
}

/* The string metatable's arithmetic ("10" + 1) converts its strings. */
static int w_arith(lua_State *L)
{
	lhost_charge_bytes(L, str_len(L, 1) + str_len(L, 2), "string arithmetic");
	return ORIGINAL(L);
}

/* ---- utf8 ------------------------------------------------------------- */

static lua_Integer u_posrelat(lua_Integer pos, size_t len)
{
	if (pos >= 0)
		return pos;
	if (0u - (size_t)pos > len)
		return 0;
	return (lua_Integer)len + pos + 1;
}

static int w_codepoint(lua_State *L)
{
	size_t len;
	lua_Integer posi, pose;

	luaL_checklstring(L, 1, &len);
	posi = u_posrelat(luaL_optinteger(L, 2, 1), len);
	pose = u_posrelat(luaL_optinteger(L, 3, posi), len);
	if (posi >= 1 && pose <= (lua_Integer)len && posi <= pose)
		lhost_charge(L, pose - posi + 1, "utf8.codepoint");
	return ORIGINAL(L);
}

static int w_utf8len(lua_State *L)
{
	size_t len;

	luaL_checklstring(L, 1, &len);
	lhost_charge_bytes(L, len, "utf8.len");
	return ORIGINAL(L);
}

/* utf8.offset walks character by character from its start: charged for the
 * distance it went, once it knows (the walk is bounded by the string). */
static int w_offset(lua_State *L)
{
	size_t len;
	lua_Integer n, posi;
	int top;

	luaL_checklstring(L, 1, &len);
	n = luaL_checkinteger(L, 2);
	posi = u_posrelat(luaL_optinteger(L, 3, n >= 0 ? 1 : (lua_Integer)len + 1), len);
	top = lua_gettop(L);
	ORIGINAL(L);
	if (lua_isinteger(L, -1)) {
		lua_Integer d = lua_tointeger(L, -1) - posi;

		lhost_charge_bytes(L, (size_t)(d < 0 ? -d : d), "utf8.offset");
	} else {
		lhost_charge_bytes(L, len, "utf8.offset");
	}
	return lua_gettop(L) - top;
}

/* utf8.codes: its iterator skips continuation bytes from the position it is
 * given, which a pack may call it with directly. */
static int w_codes_iter(lua_State *L)
{
	size_t len, n = 0;
	const char *s = luaL_checklstring(L, 1, &len);
	lua_Integer at = lua_tointeger(L, 2);

	for (size_t i = (size_t)at; at >= 0 && i < len && (s[i] & 0xc0) == 0x80; i++)
		n++;
	lhost_charge_bytes(L, n, "utf8.codes");
	return ORIGINAL(L);
}

static int w_codes(lua_State *L)
{
	ORIGINAL(L); /* [s, lax, iter, s, 0] */
	lua_pushvalue(L, -3);
	lua_pushcclosure(L, w_codes_iter, 1);
	lua_replace(L, -4);
	return 3;
}

/* ---- installing ------------------------------------------------------- */

/* [-0, +0] lib[name] = wrapper with the original (and the name) as upvalues */
static void wrap(lua_State *L, const char *lib, const char *name, lua_CFunction w)
{
	char full[64];

	snprintf(full, sizeof full, "%s.%s", lib, name);
	lua_getfield(L, -1, name);
	lua_pushstring(L, full);
	lua_pushcclosure(L, w, 2);
	lua_setfield(L, -2, name);
}

void lhost_bound_string(lua_State *L)
{
	wrap(L, "string", "rep", w_rep);
	wrap(L, "string", "sub", w_sub);
	wrap(L, "string", "upper", w_bytewise);
	wrap(L, "string", "lower", w_bytewise);
	wrap(L, "string", "reverse", w_bytewise);
	wrap(L, "string", "byte", w_byte);
	wrap(L, "string", "char", w_nargs);
	wrap(L, "string", "format", w_format);
	wrap(L, "string", "pack", w_pack);
	wrap(L, "string", "unpack", w_unpack);
	wrap(L, "string", "packsize", w_unpack);
}

void lhost_bound_utf8(lua_State *L)
{
	wrap(L, "utf8", "char", w_nargs);
	wrap(L, "utf8", "codepoint", w_codepoint);
	wrap(L, "utf8", "len", w_utf8len);
	wrap(L, "utf8", "offset", w_offset);
	wrap(L, "utf8", "codes", w_codes);
}

void lhost_bound_math(lua_State *L)
{
	wrap(L, "math", "max", w_nargs);
	wrap(L, "math", "min", w_nargs);
}

void lhost_bound_string_meta(lua_State *L)
{
	static const char *const ops[] = { "__add", "__sub", "__mul", "__mod", "__pow",
					   "__div", "__idiv", "__unm" };

	lua_pushliteral(L, "");
	lua_getmetatable(L, -1); /* ["", mt] */
	for (size_t i = 0; i < sizeof ops / sizeof *ops; i++) {
		if (lua_getfield(L, -1, ops[i]) != LUA_TFUNCTION) {
			lua_pop(L, 1);
			continue;
		}
		lua_pushstring(L, ops[i]);
		lua_pushcclosure(L, w_arith, 2);
		lua_setfield(L, -2, ops[i]);
	}
	lua_pop(L, 2);
}
