/* Running Lua files, and require: the file table (every Lua file a host has
 * run, with its source, SHA-256 and the files it required), one fresh
 * environment per file, text-only loading, plugin modules loaded once per
 * state, and the constructors sector{}, module{}, catalogue{} and helper{}
 * that mark a table for the contract check. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "lhost_int.h"
#include "sha256.h"

struct files *lhost_files(struct lhost *h)
{
	struct files *fs;

	lua_rawgetp(h->L, LUA_REGISTRYINDEX, &LHOST_K_FILES);
	fs = lua_touserdata(h->L, -1);
	lua_pop(h->L, 1);
	return fs;
}

static int read_source(const char *path, char **src, size_t *len, struct err *e)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;

	if (!f)
		return err_set(e, ERR_IO, "cannot open '%s': %s", path, strerror(errno));
	buf = xmalloc(DILIGO_MAX_LUA_FILE + 1);
	n = fread(buf, 1, DILIGO_MAX_LUA_FILE + 1, f);
	fclose(f);
	if (n > DILIGO_MAX_LUA_FILE) {
		free(buf);
		return err_at(e, ERR_PACK, path, 0, 0, "Lua file is larger than %d MiB",
			      DILIGO_MAX_LUA_FILE >> 20);
	}
	buf[n] = '\0';
	*src = buf;
	*len = n;
	return 0;
}

/* [-0, +1, e] load and run path in a fresh environment; push its value. */
static int run_file(lua_State *L, struct lhost *h, const char *path)
{
	struct files *fs = lhost_files(h);
	struct lfile *lf;
	struct err e;
	int idx;

	if (fs->n == DILIGO_MAX_PACK_FILES || fs->depth == DILIGO_MAX_REQUIRE_DEPTH)
		return luaL_error(L, "too many Lua files or require levels");
	idx = fs->n++;
	lf = &fs->f[idx];
	memset(lf, 0, sizeof *lf);
	lf->path = xstrdup(lhost_display_path(h, path));
	lf->full = xstrdup(path);
	lf->bundled = lhost_bundled(h, path);
	if (read_source(path, &lf->src, &lf->len, &e))
		return luaL_error(L, "%s", e.msg);
	if (h->hash_files) /* for the Method sheet; a quarter of load time otherwise */
		sha256_hex(lf->src, lf->len, lf->sha256);
	if (fs->depth) {
		struct lfile *parent = &fs->f[fs->stack[fs->depth - 1]];

		if (parent->ndeps < DILIGO_MAX_FILE_DEPS)
			parent->deps[parent->ndeps++] = idx;
	}
	lua_pushfstring(L, "@%s", lf->path);
	if (luaL_loadbufferx(L, lf->src, lf->len, lua_tostring(L, -1), "t") != LUA_OK)
		return lua_error(L); /* "path:line: syntax message" */
	lua_remove(L, -2);
	lhost_sandbox_env(L); /* [chunk, env] */
	lua_rawgetp(L, LUA_REGISTRYINDEX, &LHOST_K_ENVS);
	lua_pushvalue(L, -2);
	lua_pushboolean(L, 1);
	lua_rawset(L, -3);
	lua_pop(L, 1);
	lua_setupvalue(L, -2, 1); /* _ENV of the chunk */
	fs->stack[fs->depth++] = idx;
	lua_call(L, 0, 1);
	fs->depth--;
	return idx;
}

/* [-0, +0] when the value on top was made by framework { ... } (file idx
 * returned it), its framework joins the catalogue. */
static void framework_added(lua_State *L, int idx)
{
	lua_rawgetp(L, LUA_REGISTRYINDEX, &LHOST_K_MARKS);
	lua_pushvalue(L, -2);
	if (lua_rawget(L, -2) == LUA_TTABLE) { /* [v, S, {kind, file, line}] */
		lua_rawgeti(L, -1, 1);
		if (!strcmp(lua_tostring(L, -1), "framework")) {
			lua_rawgeti(L, -2, 3);
			lhost_framework_required(L, -5, idx, (int)lua_tointeger(L, -1));
			lua_pop(L, 1);
		}
		lua_pop(L, 1);
	}
	lua_pop(L, 2);
}

/* require "name": plugin modules (plugins/name.lua), else a sector pack to
 * extend (sectors/name.lua), as text, once per state. */
static int sb_require(lua_State *L)
{
	struct lhost *h = lhost_from(L);
	const char *name = luaL_checkstring(L, 1);
	char path[PATH_MAX], shown[DILIGO_MAX_NAME_IN_MESSAGE + 8];
	struct files *fs = lhost_files(h);
	int idx;

	if (!h->loading) /* a rule would get the module's shared state */
		return luaL_error(L, "require is available only while a pack loads: call it at "
				     "the top of the file");
	if (!lhost_valid_name(name))
		return luaL_error(L, "require: '%s' is not a plugin module name "
				     "(lowercase letters, digits, _)",
				  lhost_msgname(name, shown, sizeof shown));
	lua_rawgetp(L, LUA_REGISTRYINDEX, &LHOST_K_MODULES); /* [name, M] */
	if (lua_getfield(L, -1, name) == LUA_TTABLE) {   /* [name, M, {value, file}] */
		struct lfile *parent = fs->depth ? &fs->f[fs->stack[fs->depth - 1]] : NULL;

		lua_rawgeti(L, -1, 2);
		idx = (int)lua_tointeger(L, -1);
		if (idx < 0)
			return luaL_error(L, "require: circular require of '%s'", name);
		if (parent && parent->ndeps < DILIGO_MAX_FILE_DEPS)
			parent->deps[parent->ndeps++] = idx;
		lua_rawgeti(L, -2, 1);
		return 1;
	}
	lua_pop(L, 1);
	if (!lhost_find_file(h, "plugins", name, path, sizeof path) &&
	    !lhost_find_file(h, "sectors", name, path, sizeof path)) /* a sector to extend */
		return luaL_error(L, "require: no plugin module or sector pack '%s' on the search "
				     "path", name);
	lua_createtable(L, 2, 0); /* [name, M, rec] mark as loading */
	lua_pushinteger(L, -1);
	lua_rawseti(L, -2, 2);
	lua_setfield(L, -2, name);
	idx = run_file(L, h, path); /* [name, M, value] */
	if (lua_isnil(L, -1)) {
		lua_pop(L, 1);
		lua_pushboolean(L, 1);
	} else if (lua_istable(L, -1)) { /* read-only to every other file */
		framework_added(L, idx);
		lua_pushfstring(L, "'%s' (%s)", name, fs->f[idx].path);
		lhost_freeze_from(L, -2, lua_tostring(L, -1));
		lua_replace(L, -3);
		lua_pop(L, 1);
	}
	lua_createtable(L, 2, 0);
	lua_pushvalue(L, -2);
	lua_rawseti(L, -2, 1);
	lua_pushinteger(L, idx);
	lua_rawseti(L, -2, 2);
	lua_setfield(L, -3, name);
	return 1;
}

int lhost_run_file(lua_State *L)
{
	const char *path = lua_touserdata(L, 1);
	struct lhost *h = lhost_from(L);

	h->loading = true; /* until the file returns, or fails */
	run_file(L, h, path);
	h->loading = false;
	return 1;
}

/* sector{...}, module{...}, catalogue{...}, helper{...}: mark the table with
 * its kind, file and line, and return it; the loader checks the contract
 * afterwards. helper{} asks for nothing more: a helper module is a table of
 * functions for rules, and marking it says that the file is not a pack. */
static int mark(lua_State *L)
{
	struct lhost *h = lhost_from(L);
	struct files *fs = lhost_files(h);
	lua_Debug ar;
	int line = 0;

	if (!h->loading)
		return luaL_error(L, "%s{} is available only while a pack loads",
				  lua_tostring(L, lua_upvalueindex(1)));
	luaL_checktype(L, 1, LUA_TTABLE);
	if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "l", &ar))
		line = ar.currentline;
	lua_rawgetp(L, LUA_REGISTRYINDEX, &LHOST_K_MARKS); /* [t, S] */
	lua_pushvalue(L, 1);
	lua_createtable(L, 3, 0);
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_rawseti(L, -2, 1); /* kind */
	lua_pushinteger(L, fs->depth ? fs->stack[fs->depth - 1] : -1);
	lua_rawseti(L, -2, 2); /* file */
	lua_pushinteger(L, line);
	lua_rawseti(L, -2, 3);
	lua_rawset(L, -3);
	lua_settop(L, 1);
	return 1;
}

static int free_files(lua_State *L)
{
	struct files *fs = lua_touserdata(L, 1);

	for (int i = 0; i < fs->n; i++) {
		free(fs->f[i].path);
		free(fs->f[i].full);
		free(fs->f[i].src);
	}
	fs->n = 0;
	return 0;
}

int lhost_init_loader(lua_State *L)
{
	static const char *const kinds[] = { "sector", "module", "catalogue", "helper",
					     "framework" };
	struct files *fs = lua_newuserdatauv(L, sizeof *fs, 0);

	memset(fs, 0, sizeof *fs);
	lua_newtable(L); /* the host's own finalizer, never a pack's */
	lua_pushcfunction(L, free_files);
	lua_setfield(L, -2, "__gc");
	lua_setmetatable(L, -2);
	lua_rawsetp(L, LUA_REGISTRYINDEX, &LHOST_K_FILES);
	lua_newtable(L);
	lua_rawsetp(L, LUA_REGISTRYINDEX, &LHOST_K_MODULES);
	lua_newtable(L);
	lua_rawsetp(L, LUA_REGISTRYINDEX, &LHOST_K_MARKS);
	lua_newtable(L);
	lua_newtable(L);
	lua_pushliteral(L, "k");
	lua_setfield(L, -2, "__mode");
	lua_setmetatable(L, -2);
	lua_rawsetp(L, LUA_REGISTRYINDEX, &LHOST_K_ENVS);
	lua_rawgetp(L, LUA_REGISTRYINDEX, &LHOST_K_BASE);
	lua_pushcfunction(L, sb_require);
	lua_setfield(L, -2, "require");
	for (int i = 0; i < 5; i++) {
		lua_pushstring(L, kinds[i]);
		lua_pushcclosure(L, mark, 1);
		lua_setfield(L, -2, kinds[i]);
	}
	lua_pop(L, 1);
	return 0;
}

