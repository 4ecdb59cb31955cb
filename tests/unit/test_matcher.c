/* diligo's copies of Lua's matcher (lhost_pattern.c) and table library
 * (lhost_tablib.c) count their work; otherwise they must be Lua's. This
 * compares them with the functions of Lua itself on random subjects,
 * patterns, replacements, positions and tables (the budget is stubbed out:
 * the copies are compiled into this test). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "lhost_int.h"

void lhost_charge(lua_State *L, lua_Integer u, const char *w);
void lhost_charge_bytes(lua_State *L, size_t b, const char *w);

void lhost_charge(lua_State *L, lua_Integer u, const char *w)
{
	(void)L, (void)u, (void)w;
}

void lhost_charge_bytes(lua_State *L, size_t b, const char *w)
{
	(void)L, (void)b, (void)w;
}

#include "lhost_pattern.c"
#include "lhost_tablib.c"

#include <lualib.h>

static const char *script =
"local mine, stock, seed, n = ...\n"
"local function ser(...) local n = select('#', ...) local t = {} for i = 1, n do t[i] = tostring((select(i, ...))) end return n .. ':' .. table.concat(t, '|') end\n"
"local function cmp(name, f1, f2, ...)\n"
"  local a = ser(pcall(f1, ...)) local b = ser(pcall(f2, ...))\n"
"  if a ~= b then print('DIFF', name, a, b, ...) return 1 end return 0 end\n"
"local alpha = { 'a', 'b', '(', ')', '%', '.', '[', ']', '^', '$', '*', '+', '-', '?', 'x', '1', ' ', '%a', '%d', '%b()', '%f[%a]', '%1', '(a)', '[^a]', '[a-c]' }\n"
"local salpha = { 'a', 'b', '(', ')', 'x', '1', ' ', 'ab', '\\0' }\n"
"math.randomseed(seed)\n"
"local function rnd(set, n) local t = {} for i = 1, math.random(0, n) do t[i] = set[math.random(#set)] end return table.concat(t) end\n"
"local diffs = 0\n"
"for i = 1, n do\n"
"  local s, p = rnd(salpha, 12), rnd(alpha, 6)\n"
"  local init = math.random(-5, 10)\n"
"  diffs = diffs + cmp('find', mine.find, stock.find, s, p, init)\n"
"  diffs = diffs + cmp('findp', mine.find, stock.find, s, p, init, true)\n"
"  diffs = diffs + cmp('match', mine.match, stock.match, s, p, init)\n"
"  local r = rnd({'%0', '%1', 'z', '%%', '%2'}, 3)\n"
"  diffs = diffs + cmp('gsub', mine.gsub, stock.gsub, s, p, r, math.random(0, 3) == 0 and math.random(0, 3) or nil)\n"
"  diffs = diffs + cmp('gsubf', mine.gsub, stock.gsub, s, p, function(...) return select('#', ...) > 1 and 'M' or nil end)\n"
"  diffs = diffs + cmp('gsubt', mine.gsub, stock.gsub, s, p, { a = 'A', ['('] = false })\n"
"  local function all(g, ...) local ok, it = pcall(g, ...) if not ok then return 'E' end local out = {} for _ = 1, 50 do local r = ser(pcall(it)) out[#out+1] = r if r:match('^[12]:true$') or r:match('^1:') then break end end return table.concat(out, ';') end\n"
"  local a, b = all(mine.gmatch, s, p, init), all(stock.gmatch, s, p, init)\n"
"  if a ~= b then print('DIFF gmatch', s, p, init, a, b) diffs = diffs + 1 end\n"
"end\n"
"-- tables\n"
"for i = 1, 3000 do\n"
"  local t = {} for k = 1, math.random(0, 12) do t[k] = math.random(1, 9) end\n"
"  local u = {} for k, v in ipairs(t) do u[k] = v end\n"
"  local f, e, to = math.random(-2, 8), math.random(-2, 8), math.random(-2, 8)\n"
"  local a = ser(pcall(mine.move, t, f, e, to)) local b = ser(pcall(stock.move, u, f, e, to))\n"
"  if ser(table.unpack(t)) ~= ser(table.unpack(u)) then print('DIFF move', f, e, to) diffs = diffs + 1 end\n"
"  local pos = math.random(-1, 14)\n"
"  pcall(mine.insert, t, pos, 7) pcall(stock.insert, u, pos, 7)\n"
"  pcall(mine.remove, t, pos) pcall(stock.remove, u, pos)\n"
"  if ser(pcall(mine.concat, t, ',')) ~= ser(pcall(stock.concat, u, ',')) then print('DIFF insert/remove', pos) diffs = diffs + 1 end\n"
"  diffs = diffs + cmp('concat', mine.concat, stock.concat, t, '-', math.random(-1, 5), math.random(-1, 14))\n"
"  diffs = diffs + cmp('unpack', mine.unpack, stock.unpack, t, math.random(-1, 5), math.random(-1, 14))\n"
"  local t2, u2 = {}, {} for k = 1, math.random(0, 300) do local v = math.random(1, 50) t2[k] = v u2[k] = v end\n"
"  mine.sort(t2) stock.sort(u2) if mine.concat(t2, ',') ~= stock.concat(u2, ',') then print('DIFF sort') diffs = diffs + 1 end\n"
"  mine.sort(t2, function(x, y) return x > y end) stock.sort(u2, function(x, y) return x > y end)\n"
"  if mine.concat(t2, ',') ~= stock.concat(u2, ',') then print('DIFF sortf') diffs = diffs + 1 end\n"
"end\n"
"assert(mine.find ~= stock.find and mine.sort ~= stock.sort)\n"
"return diffs\n";

/* [-0, +1] a table with the fields of the library tables named */
static void merge(lua_State *L, const char *const *names)
{
	lua_newtable(L);
	for (int i = 0; names[i]; i++) {
		lua_getglobal(L, names[i]);
		lua_pushnil(L);
		while (lua_next(L, -2)) {
			lua_pushvalue(L, -2);
			lua_insert(L, -2);
			lua_settable(L, -5);
		}
		lua_pop(L, 1);
	}
}

static void test_same_as_lua(void **s)
{
	static const char *const stock[] = { "string", "table", NULL };
	lua_State *L = luaL_newstate();

	(void)s;
	luaL_openlibs(L);
	lua_newtable(L);
	lhost_pattern_wrap(L);
	lua_setglobal(L, "patterns");
	lhost_open_table(L);
	lua_setglobal(L, "tables");
	for (int seed = 1; seed <= 3; seed++) {
		static const char *const mine[] = { "patterns", "tables", NULL };

		assert_int_equal(luaL_loadstring(L, script), LUA_OK);
		merge(L, mine);
		merge(L, stock);
		lua_pushinteger(L, seed);
		lua_pushinteger(L, 1000);
		if (lua_pcall(L, 4, 1, 0) != LUA_OK)
			fail_msg("%s", lua_tostring(L, -1));
		assert_int_equal(lua_tointeger(L, -1), 0);
		lua_pop(L, 1);
	}
	lua_close(L);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_as_lua),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
