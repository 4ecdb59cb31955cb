/* Building on what exists: a sector that extends another sector
 * (`extends = require "mining"`), and the modules a composition already
 * holds (a module that the base and the extension both list is composed
 * once). The order of a composition is: the sector extended (its own
 * composition, tailoring included), the modules, the sector's own
 * questions and rules, then its tailoring (lhost_tailor.c). */
#include <string.h>

#include "arena.h"
#include "lhost_int.h"

/* [-0, +1 when true] the sector the table at sidx extends. */
bool lhost_extends(struct build *b, int sidx, int depth)
{
	lua_State *L = b->h->L;
	const char *kind = NULL;
	int file = b->file, line = b->specline;

	if (lua_getfield(L, sidx, "extends") == LUA_TNIL) {
		lua_pop(L, 1);
		return false;
	}
	lhost_unwrap(L, -1);
	if (!lua_istable(L, -1) || !lhost_mark_info(b, lua_gettop(L), &kind) ||
	    strcmp(kind, "sector")) {
		b->file = file;
		b->specline = line;
		if (lhost_seek_field(b, "extends"))
			line = b->cur_line;
		lhost_cerr(b, line, "field 'extends' must be a sector pack (local base = require "
			   "\"name\" of a file in sectors/, then extends = base)");
		lua_pop(L, 1);
		return false;
	}
	if (depth + 1 >= DILIGO_MAX_EXTENDS) {
		b->file = file;
		lhost_cerr(b, line, "more than %d sectors extend one another", DILIGO_MAX_EXTENDS);
		lua_pop(L, 1);
		return false;
	}
	if (depth == 0) {
		lua_getfield(L, -1, "id");
		if (lua_type(L, -1) == LUA_TSTRING)
			b->p->extends = arena_strdup(b->p->arena, lua_tostring(L, -1));
		lua_pop(L, 1);
	}
	return true;
}

/* Whether the module table at midx is already in the composition; if not,
 * it is now. */
bool lhost_module_seen(struct build *b, int midx)
{
	lua_State *L = b->h->L;
	bool seen;

	midx = lua_absindex(L, midx);
	lua_rawgeti(L, LUA_REGISTRYINDEX, b->h->packs[b->h->npacks].ref); /* [P] */
	if (lua_getfield(L, -1, "composed") != LUA_TTABLE) {
		lua_pop(L, 1);
		lua_newtable(L);
		lua_pushvalue(L, -1);
		lua_setfield(L, -3, "composed");
	}
	lua_pushvalue(L, midx);
	seen = lua_rawget(L, -2) != LUA_TNIL;
	lua_pop(L, 1);
	if (!seen) {
		lua_pushvalue(L, midx);
		lua_pushboolean(L, 1);
		lua_rawset(L, -3);
	}
	lua_pop(L, 2);
	return seen;
}

/* Only a sector tailors or extends: a module is reused as it is. */
void lhost_module_extras(struct build *b, int midx, int line)
{
	static const char *const keys[] = { "tailoring", "extends" };
	lua_State *L = b->h->L;

	for (int i = 0; i < 2; i++) {
		if (lua_getfield(L, midx, keys[i]) != LUA_TNIL)
			lhost_cerr(b, lhost_seek_field(b, keys[i]) ? b->cur_line : line,
				   "field '%s' is for sectors: a module is reused as it is", keys[i]);
		lua_pop(L, 1);
	}
}

/* What a file that is no pack returned, said at its last line (where its
 * `return` is, or is missing): nothing, a table no constructor made, or the
 * catalogue or a helper module. */
void lhost_not_a_pack(struct build *b, const char *kind)
{
	lua_State *L = b->h->L;
	struct files *fs = lhost_files(b->h);
	const char *src, *what;
	int line = 1;

	if (b->root < 0 || b->root >= fs->n) {
		b->file = -1;
		lhost_cerr(b, 0, "a pack file must return sector { ... } or module { ... }");
		return;
	}
	b->file = b->root;
	src = fs->f[b->root].src;
	for (const char *s = src; *s; s++)
		line += *s == '\n' && s[1];
	if (kind)
		what = !strcmp(kind, "catalogue") ? "it returns the duty catalogue"
						  : "it returns a helper module";
	else if (lua_isnil(L, 1))
		what = "it returns nothing: is `return sector { ... }` missing?";
	else if (lua_istable(L, 1))
		what = "it returns a table that sector { ... } or module { ... } did not make";
	else
		what = lua_pushfstring(L, "it returns a %s", luaL_typename(L, 1));
	lhost_cerr(b, line, "a pack file must return sector { ... } or module { ... }; %s", what);
}
