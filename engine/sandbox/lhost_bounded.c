/* The bounded base functions packs get in place of Lua's: pcall, xpcall,
 * coroutine.resume and wrap, which let no budget error be caught, and those
 * whose work grows with their arguments (select, assert, error, rawequal,
 * tonumber, coroutine.yield), which charge it. lhost_sandbox.c installs
 * them. */
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "lhost_int.h"

void lhost_rethrow_budget(lua_State *L)
{
	struct lhost *h = lhost_from(L);

	if (h->out_of_time) {
		char buf[200];

		luaL_error(L, "%s", lhost_clock_message(h, buf, sizeof buf));
	}
	if (h->out_of_instructions)
		luaL_error(L, "instruction budget exceeded (%I instructions; see --max-instructions)",
			   (lua_Integer)h->max_instructions);
	if (h->out_of_memory) {
		lua_rawgetp(L, LUA_REGISTRYINDEX, &LHOST_K_BUDGETMSG); /* no allocation */
		lua_error(L);
	}
}

/* After a protected call inside a pack: a memory error is the budget's
 * (only the allocator raises one), and no budget error may be caught. */
static void after_pcall(lua_State *L, int status)
{
	if (status == LUA_ERRMEM)
		lhost_from(L)->out_of_memory = true;
	lhost_rethrow_budget(L);
}

/* ---- wrapped base functions ----------------------------------------- */

int lhost_bounded_pcall(lua_State *L)
{
	int status;

	luaL_checkany(L, 1);
	lhost_charge(L, lua_gettop(L), "pcall");
	status = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
	after_pcall(L, status);
	lua_pushboolean(L, status == LUA_OK); /* [results..., ok] */
	lua_insert(L, 1);                     /* [ok, results...] */
	return lua_gettop(L);
}

/* The message handler of xpcall: once a budget is gone the pack's handler
 * is not run again, or a handler that loops would be re-entered for every
 * error it raises. */
static int xpcall_handler(lua_State *L)
{
	struct lhost *h = lhost_from(L);

	if (h->out_of_instructions || h->out_of_memory || h->out_of_time)
		return 1; /* the error object as it is */
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_call(L, lua_gettop(L) - 1, 1);
	return 1;
}

int lhost_bounded_xpcall(lua_State *L)
{
	int status, n = lua_gettop(L);

	luaL_checktype(L, 2, LUA_TFUNCTION);
	lhost_charge(L, n, "xpcall");
	lua_pushvalue(L, 2);
	lua_pushcclosure(L, xpcall_handler, 1);
	lua_replace(L, 2);
	lua_pushvalue(L, 1); /* [f, h, args..., f] */
	lua_copy(L, 2, 1);   /* [h, h, args..., f] */
	lua_replace(L, 2);   /* [h, f, args...] */
	status = lua_pcall(L, n - 2, LUA_MULTRET, 1);
	after_pcall(L, status);
	lua_pushboolean(L, status == LUA_OK);
	lua_replace(L, 1); /* [ok, results...] */
	return lua_gettop(L);
}

/* coroutine.resume and wrap, as lcorolib.c has them, with the status of
 * lua_resume in hand: a memory error inside a coroutine is the budget's,
 * and the clock knows which thread runs (h->running). */
static lua_State *getco(lua_State *L, int idx)
{
	lua_State *co = lua_tothread(L, idx);

	luaL_argexpected(L, co, idx, "coroutine");
	return co;
}

static int auxresume(lua_State *L, lua_State *co, int narg)
{
	struct lhost *h = lhost_from(L);
	lua_State *was = h->running;
	int status, nres;

	lhost_charge(L, narg, "coroutine.resume");
	if (!lua_checkstack(co, narg)) {
		lua_pushliteral(L, "too many arguments to resume");
		return -1;
	}
	lua_xmove(L, co, narg);
	h->running = co;
	status = lua_resume(co, L, narg, &nres);
	h->running = was;
	if (status == LUA_ERRMEM)
		h->out_of_memory = true;
	if (status == LUA_OK || status == LUA_YIELD) {
		if (!lua_checkstack(L, nres + 1)) {
			lua_pop(co, nres);
			lua_pushliteral(L, "too many results to resume");
			return -1;
		}
		lua_xmove(co, L, nres);
		return nres;
	}
	lua_xmove(co, L, 1);
	return -1;
}

int lhost_bounded_resume(lua_State *L)
{
	lua_State *co = getco(L, 1);
	int r = auxresume(L, co, lua_gettop(L) - 1);

	lhost_rethrow_budget(L);
	if (r < 0) {
		lua_pushboolean(L, 0);
		lua_insert(L, -2);
		return 2;
	}
	lua_pushboolean(L, 1);
	lua_insert(L, -(r + 1));
	return r + 1;
}

static int auxwrap(lua_State *L)
{
	lua_State *co = lua_tothread(L, lua_upvalueindex(1));
	int r = auxresume(L, co, lua_gettop(L));

	lhost_rethrow_budget(L);
	if (r < 0) {
		int stat = lua_status(co);

		if (stat != LUA_OK && stat != LUA_YIELD) {
			stat = lua_resetthread(co);
			lua_xmove(co, L, 1);
		}
		if (stat != LUA_ERRMEM && lua_type(L, -1) == LUA_TSTRING) {
			luaL_where(L, 1);
			lua_insert(L, -2);
			lua_concat(L, 2);
		}
		return lua_error(L);
	}
	return r;
}

int lhost_stateful_cfunction(lua_CFunction f)
{
	return f == auxwrap ? 'w' : lhost_gmatch_iterator(f) ? 'g' : 0;
}

int lhost_bounded_wrap(lua_State *L)
{
	lua_State *co;

	luaL_checktype(L, 1, LUA_TFUNCTION);
	co = lua_newthread(L);
	lua_pushvalue(L, 1);
	lua_xmove(L, co, 1);
	lua_pushcclosure(L, auxwrap, 1);
	return 1;
}

/* Base and coroutine functions that only need their work charged: the
 * original in upvalue 1 runs in this frame (see lhost_strlib.c). */
#define ORIGINAL(L) (lua_tocfunction((L), lua_upvalueindex(1))(L))

static size_t slen(lua_State *L, int i)
{
	size_t n = 0;

	if (lua_type(L, i) == LUA_TSTRING)
		lua_tolstring(L, i, &n);
	return n;
}

int lhost_bounded_nargs(lua_State *L) /* select, assert, coroutine.yield */
{
	lhost_charge(L, lua_gettop(L), lua_tostring(L, lua_upvalueindex(2)));
	return ORIGINAL(L);
}

int lhost_bounded_tonumber(lua_State *L) /* scans its string */
{
	lhost_charge_bytes(L, slen(L, 1), "tonumber");
	return ORIGINAL(L);
}

int lhost_bounded_error(lua_State *L) /* prefixes the position: copies the message */
{
	lhost_charge_bytes(L, slen(L, 1), "error");
	return ORIGINAL(L);
}

int lhost_bounded_rawequal(lua_State *L) /* compares two long strings byte by byte */
{
	size_t a = slen(L, 1), b = slen(L, 2);

	lhost_charge_bytes(L, a < b ? a : b, "rawequal");
	return ORIGINAL(L);
}
