/* Loading Lua files into the sandbox and composing packs into struct pack.
 * Every file is text-only ("t" mode), runs in its own environment under the
 * budgets, and is read field by field with exact contract messages. */
#include <ctype.h>
#include <dirent.h>
#include <stdarg.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "config.h"
#include "lhost_int.h"
#include "sha256.h"
#include "text.h"


/* Per-lhost file table, kept in the registry as userdata-free C arrays on h?
 * Lua files are few (tens): a simple list in a registry table maps path ->
 * index; C keeps the records. */
struct lfile {
	char *path, *src;
	size_t len;
	char sha256[65];
	int deps[32];
	int ndeps;
};

/* h has no field for files to keep lhost_int.h small: they hang off a
 * registry light userdata. */
struct files {
	struct lfile f[256];
	int n;
	int stack[32]; /* files being loaded (require nesting) */
	int depth;
};

static struct files *files_of(struct lhost *h)
{
	struct files *fs;

	lua_rawgetp(h->L, LUA_REGISTRYINDEX, &LHOST_K_FILES);
	fs = lua_touserdata(h->L, -1);
	lua_pop(h->L, 1);
	return fs;
}

/* ---- search path ---------------------------------------------------- */

static bool is_file(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

void lhost_add_builtin_path(struct lhost *h)
{
	char exe[PATH_MAX], cand[PATH_MAX + 64];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	const char *dir = DILIGO_DATADIR;

	if (n > 0) {
		exe[n] = '\0';
		*strrchr(exe, '/') = '\0';
		snprintf(cand, sizeof cand, "%s/../share/diligo/plugins/duties.lua", exe);
		if (!strncmp(exe, DILIGO_BINARY_DIR, strlen(DILIGO_BINARY_DIR)))
			dir = DILIGO_SOURCE_DIR; /* the build tree uses the source tree */
		else if (is_file(cand)) {
			cand[strlen(cand) - strlen("/plugins/duties.lua")] = '\0';
			dir = cand;
		}
	}
	if (!strcmp(dir, DILIGO_DATADIR) && !is_file(DILIGO_DATADIR "/plugins/duties.lua"))
		dir = DILIGO_SOURCE_DIR;
	h->paths[h->npaths++] = strdup(dir);
}

static bool valid_name(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 64 || !islower((unsigned char)s[0]))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!islower((unsigned char)s[i]) && !isdigit((unsigned char)s[i]) && s[i] != '_')
			return false;
	return true;
}

/* dir/sub/name.lua, then dir/name.lua, over the search path. */
static bool find_file(struct lhost *h, const char *sub, const char *name, char *out, size_t n)
{
	for (int i = 0; i < h->npaths; i++) {
		snprintf(out, n, "%s/%s/%s.lua", h->paths[i], sub, name);
		if (is_file(out))
			return true;
		snprintf(out, n, "%s/%s.lua", h->paths[i], name);
		if (is_file(out))
			return true;
	}
	return false;
}

/* Files found on the search path are named relative to their search
 * directory (sectors/mining.lua), so reports and messages do not depend on
 * where diligo is installed. */
static const char *display_path(struct lhost *h, const char *path)
{
	for (int i = 0; i < h->npaths; i++) {
		size_t n = strlen(h->paths[i]);

		if (!strncmp(path, h->paths[i], n) && path[n] == '/')
			return path + n + 1;
	}
	return path;
}

/* ---- running one file ----------------------------------------------- */

static int read_source(const char *path, char **src, size_t *len, struct err *e)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;

	if (!f)
		return err_set(e, ERR_IO, "cannot open '%s': %s", path, strerror(errno));
	buf = malloc(DILIGO_MAX_LUA_FILE + 1);
	if (!buf)
		abort();
	n = fread(buf, 1, DILIGO_MAX_LUA_FILE + 1, f);
	fclose(f);
	if (n > DILIGO_MAX_LUA_FILE) {
		free(buf);
		return err_at(e, ERR_PACK, path, 0, 0, "Lua file is larger than 1 MiB");
	}
	buf[n] = '\0';
	*src = buf;
	*len = n;
	return 0;
}

/* [-0, +1, e] load and run path in a fresh environment; push its value. */
static int run_file(lua_State *L, struct lhost *h, const char *path)
{
	struct files *fs = files_of(h);
	struct lfile *lf;
	struct err e;
	int idx;

	if (fs->n == 256 || fs->depth == 32)
		return luaL_error(L, "too many Lua files or require levels");
	idx = fs->n++;
	lf = &fs->f[idx];
	memset(lf, 0, sizeof *lf);
	lf->path = strdup(display_path(h, path));
	if (read_source(path, &lf->src, &lf->len, &e))
		return luaL_error(L, "%s", e.msg);
	if (h->hash_files) /* for the Method sheet; a quarter of load time otherwise */
		sha256_hex(lf->src, lf->len, lf->sha256);
	if (fs->depth) {
		struct lfile *parent = &fs->f[fs->stack[fs->depth - 1]];

		if (parent->ndeps < 32)
			parent->deps[parent->ndeps++] = idx;
	}
	lua_pushfstring(L, "@%s", lf->path);
	if (luaL_loadbufferx(L, lf->src, lf->len, lua_tostring(L, -1), "t") != LUA_OK)
		return lua_error(L); /* "path:line: syntax message" */
	lua_remove(L, -2);
	lhost_new_env(L); /* [chunk, env] */
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

/* require "name": plugin modules only, as text, once per state. */
static int sb_require(lua_State *L)
{
	struct lhost *h = lhost_from(L);
	const char *name = luaL_checkstring(L, 1);
	char path[PATH_MAX];
	struct files *fs = files_of(h);
	int idx;

	if (!valid_name(name))
		return luaL_error(L, "require: '%s' is not a plugin module name "
				     "(lowercase letters, digits, _)", name);
	lua_rawgetp(L, LUA_REGISTRYINDEX, &LHOST_K_MODULES); /* [name, M] */
	if (lua_getfield(L, -1, name) == LUA_TTABLE) {   /* [name, M, {value, file}] */
		struct lfile *parent = fs->depth ? &fs->f[fs->stack[fs->depth - 1]] : NULL;

		lua_rawgeti(L, -1, 2);
		idx = (int)lua_tointeger(L, -1);
		if (idx < 0)
			return luaL_error(L, "require: circular require of '%s'", name);
		if (parent && parent->ndeps < 32)
			parent->deps[parent->ndeps++] = idx;
		lua_rawgeti(L, -2, 1);
		return 1;
	}
	lua_pop(L, 1);
	if (!find_file(h, "plugins", name, path, sizeof path))
		return luaL_error(L, "require: no plugin module '%s' on the search path", name);
	lua_createtable(L, 2, 0); /* [name, M, rec] mark as loading */
	lua_pushinteger(L, -1);
	lua_rawseti(L, -2, 2);
	lua_setfield(L, -2, name);
	idx = run_file(L, h, path); /* [name, M, value] */
	if (lua_isnil(L, -1)) {
		lua_pop(L, 1);
		lua_pushboolean(L, 1);
	}
	lua_createtable(L, 2, 0);
	lua_pushvalue(L, -2);
	lua_rawseti(L, -2, 1);
	lua_pushinteger(L, idx);
	lua_rawseti(L, -2, 2);
	lua_setfield(L, -3, name);
	return 1;
}

/* Protected: run the file named by the light userdata at 1; push its value. */
static int run_file_protected(lua_State *L)
{
	const char *path = lua_touserdata(L, 1);

	run_file(L, lhost_from(L), path);
	return 1;
}

/* sector{...}, module{...}, catalogue{...}: mark the table with its kind,
 * file and line; the loader checks the contract afterwards. */
static int mark(lua_State *L)
{
	struct lhost *h = lhost_from(L);
	struct files *fs = files_of(h);
	lua_Debug ar;
	int line = 0;

	luaL_checktype(L, 1, LUA_TTABLE);
	if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "l", &ar))
		line = ar.currentline;
	lua_rawgetp(L, LUA_REGISTRYINDEX, &LHOST_K_SPECS); /* [t, S] */
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
		free(fs->f[i].src);
	}
	fs->n = 0;
	return 0;
}

static int init_loader(lua_State *L)
{
	static const char *const kinds[] = { "sector", "module", "catalogue" };
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
	lua_rawsetp(L, LUA_REGISTRYINDEX, &LHOST_K_SPECS);
	lua_newtable(L);
	lua_newtable(L);
	lua_pushliteral(L, "k");
	lua_setfield(L, -2, "__mode");
	lua_setmetatable(L, -2);
	lua_rawsetp(L, LUA_REGISTRYINDEX, &LHOST_K_ENVS);
	lua_rawgetp(L, LUA_REGISTRYINDEX, &LHOST_K_BASE);
	lua_pushcfunction(L, sb_require);
	lua_setfield(L, -2, "require");
	for (int i = 0; i < 3; i++) {
		lua_pushstring(L, kinds[i]);
		lua_pushcclosure(L, mark, 1);
		lua_setfield(L, -2, kinds[i]);
	}
	lua_pop(L, 1);
	return 0;
}

/* ---- contract checking ---------------------------------------------- */

struct build {
	struct lhost *h;
	struct pack *p;
	struct err errs[DILIGO_MAX_DIAGS];
	int nerrs;
	int file;     /* file index of the spec being read */
	int specline; /* line of its sector{}/module{} call */
	const char *what; /* "question 'x'" for messages */
	int qcap, rcap;
	int cur_file, cur_line; /* id_line's cursor */
	const char *cur_pos;
};

/* A quoted occurrence of id in src at or after from, or NULL. */
static const char *find_quoted(const char *src, const char *from, const char *id)
{
	size_t n = strlen(id);

	for (const char *hit = strstr(from, id); hit; hit = strstr(hit + 1, id))
		if (hit > src && (hit[-1] == '"' || hit[-1] == '\'') && hit[n] == hit[-1])
			return hit;
	return NULL;
}

/* The line where id is written. Ids are read in source order, so the search
 * goes on from the last hit (which also finds the second of two duplicates)
 * and lines are counted only over the new stretch. */
static int id_line(struct build *b, const char *id)
{
	struct files *fs = files_of(b->h);
	const char *src, *hit;

	if (b->file < 0 || !*id) /* an empty id would match everywhere */
		return b->specline;
	src = fs->f[b->file].src;
	if (b->cur_file != b->file || !b->cur_pos) {
		b->cur_file = b->file;
		b->cur_pos = src;
		b->cur_line = 1;
	}
	hit = find_quoted(src, b->cur_pos, id);
	if (!hit) { /* out of order: from the top */
		b->cur_pos = src;
		b->cur_line = 1;
		hit = find_quoted(src, src, id);
	}
	if (!hit)
		return b->specline;
	for (const char *s = b->cur_pos; s < hit; s++)
		b->cur_line += *s == '\n';
	b->cur_pos = hit + 1;
	return b->cur_line;
}

__attribute__((format(printf, 3, 4)))
static void cerr(struct build *b, int line, const char *fmt, ...)
{
	struct files *fs = files_of(b->h);
	struct err *e;
	va_list ap;
	char msg[900];

	if (b->nerrs == DILIGO_MAX_DIAGS)
		return;
	e = &b->errs[b->nerrs++];
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	err_at(e, ERR_PACK, b->file >= 0 ? fs->f[b->file].path : "?", line, 0, "%s%s%s",
	       b->what ? b->what : "", b->what ? ": " : "", msg);
}

static const char *pstr(struct build *b, const char *s)
{
	return arena_strdup(b->p->arena, s);
}

/* [-0, +0, e] string field of the table at idx; NULL (with an error when
 * required) if absent or not a string. */
static const char *sfield(struct build *b, int idx, const char *key, bool required, int line)
{
	lua_State *L = b->h->L;
	const char *v = NULL;
	int t = lua_getfield(L, idx, key);

	if (t == LUA_TSTRING)
		v = pstr(b, lua_tostring(L, -1));
	else if (t != LUA_TNIL)
		cerr(b, line, "field '%s' is of improper type '%s', expected type 'string'", key,
		     lua_typename(L, t));
	else if (required)
		cerr(b, line, "missing required field: '%s'", key);
	lua_pop(L, 1);
	return v;
}

static bool ifield(struct build *b, int idx, const char *key, int lo, int hi, int *out,
		   bool required, int line)
{
	lua_State *L = b->h->L;
	int t = lua_getfield(L, idx, key), ok = 0;
	lua_Integer v = lua_tointegerx(L, -1, &ok);

	lua_pop(L, 1);
	if (t == LUA_TNIL) {
		if (required)
			cerr(b, line, "missing required field: '%s'", key);
		return false;
	}
	if (!ok || v < lo || v > hi) {
		cerr(b, line, "field '%s' must be a whole number from %d to %d", key, lo, hi);
		return false;
	}
	*out = (int)v;
	return true;
}

static const char *duty_at(const void *cat, int i)
{
	return ((const struct pack *)cat)->duties[i].id;
}

static const char *closest_duty(const struct pack *cat, const char *id)
{
	return text_nearest(id, cat->nduties, duty_at, cat);
}

/* duties = { "id", ... }: each one in the catalogue. */
static void duties_field(struct build *b, int idx, const char ***out, int *n, int line)
{
	lua_State *L = b->h->L;
	const struct pack *cat = b->h->catalogue;
	lua_Integer len;

	if (lua_getfield(L, idx, "duties") != LUA_TTABLE) {
		cerr(b, line, "missing required field: 'duties' (a list of duty ids)");
		lua_pop(L, 1);
		return;
	}
	len = luaL_len(L, -1);
	if (len < 1 || len > 64) {
		cerr(b, line, "'duties' must list from 1 to 64 duty ids");
		lua_pop(L, 1);
		return;
	}
	*out = arena_alloc(b->p->arena, (size_t)len * sizeof **out);
	for (lua_Integer i = 1; i <= len; i++) {
		const char *id;

		if (lua_geti(L, -1, i) != LUA_TSTRING) {
			cerr(b, line, "duties[%d] is not a string", (int)i);
		} else if (!pack_find_duty(cat, id = lua_tostring(L, -1))) {
			const char *near = closest_duty(cat, id);

			if (near)
				cerr(b, line, "unknown duty id '%s' (did you mean '%s'?)", id, near);
			else
				cerr(b, line, "unknown duty id '%s' (see diligo duties)", id);
		} else {
			(*out)[(*n)++] = pack_find_duty(cat, id)->id;
		}
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
}

static const char *const question_fields[] = {
	"id", "kind", "weight", "required", "section", "text", "help", "duties", "options",
	"min", "max", "unit", "score", NULL,
};
static const char *const rule_fields[] = {
	"id", "title", "duties", "severity", "likelihood", "red_flag", "impact", "action", "when", NULL,
};
static const char *const part_fields[] = {
	"id", "title", "version", "authors", "license", "description", "modules", "questions",
	"rules", "tests", NULL,
};
static const char *const severity_fields[] = { "scale", "scope", "irremediable", NULL };
static const char *const duty_fields[] = { "id", "framework", "title", "text", "area", "status", NULL };

/* A misspelt field would otherwise be ignored in silence ("requried"). */
static void check_fields(struct build *b, int idx, const char *const *allowed, int line)
{
	lua_State *L = b->h->L;
	int n = 0;

	while (allowed[n])
		n++;
	idx = lua_absindex(L, idx);
	lua_pushnil(L);
	while (lua_next(L, idx)) {
		lua_pop(L, 1);
		if (lua_type(L, -1) == LUA_TSTRING) {
			const char *k = lua_tostring(L, -1);
			bool ok = false;

			for (int i = 0; i < n && !ok; i++)
				ok = !strcmp(k, allowed[i]);
			if (!ok) {
				const char *near = text_closest(k, allowed, n);

				if (near)
					cerr(b, line, "unknown field '%s' (did you mean '%s'?)", k, near);
				else
					cerr(b, line, "unknown field '%s'", k);
			}
		}
	}
}

/* Ids carry their module's name, so a reader knows where to look. */
static void check_prefix(struct build *b, const char *kind, const char *id, const char *part,
			 int line)
{
	size_t n = part ? strlen(part) : 0;

	if (part && (strncmp(id, part, n) || id[n] != '.'))
		cerr(b, line, "%s id '%s' must start with '%s.'", kind, id, part);
}

/* Store value at top in the pack's Lua table under list[key][i]. [-1, +0] */
static void keep_ref(struct build *b, const char *list, int i)
{
	lua_State *L = b->h->L;

	lua_rawgeti(L, LUA_REGISTRYINDEX, b->h->packs[b->h->npacks].ref); /* [v, P] */
	lua_getfield(L, -1, list); /* [v, P, list] */
	lua_pushvalue(L, -3);
	lua_rawseti(L, -2, i + 1);
	lua_pop(L, 3);
}

static bool seen_id(struct build *b, const char *kind, const char *id, int line)
{
	lua_State *L = b->h->L;
	bool dup;

	lua_rawgeti(L, LUA_REGISTRYINDEX, b->h->packs[b->h->npacks].ref);
	lua_getfield(L, -1, kind); /* [P, seen] */
	dup = lua_getfield(L, -1, id) != LUA_TNIL;
	if (dup)
		cerr(b, line, "duplicate %s id '%s' (first defined at %s)", kind, id,
		     lua_tostring(L, -1));
	lua_pop(L, 1);
	if (!dup) {
		struct files *fs = files_of(b->h);

		lua_pushfstring(L, "%s:%d", b->file >= 0 ? fs->f[b->file].path : "?", line);
		lua_setfield(L, -2, id);
	}
	lua_pop(L, 2);
	return !dup;
}

static void options_field(struct build *b, int qidx, struct question *q, int line)
{
	lua_State *L = b->h->L;
	lua_Integer n;
	struct qoption *o;

	if (lua_getfield(L, qidx, "options") != LUA_TTABLE) {
		if (q->kind == QK_CHOICE || q->kind == QK_MULTI)
			cerr(b, line, "missing required field: 'options' (for kind '%s')",
			     qkind_name(q->kind));
		lua_pop(L, 1);
		return;
	}
	n = luaL_len(L, -1);
	if (n < 1 || n > 200) {
		cerr(b, line, "'options' must list from 1 to 200 options");
		lua_pop(L, 1);
		return;
	}
	q->opts = o = arena_alloc(b->p->arena, (size_t)n * sizeof *o);
	for (lua_Integer i = 1; i <= n; i++, q->nopts++) {
		int t = lua_geti(L, -1, i);

		if (t == LUA_TSTRING) {
			o[i - 1].value = o[i - 1].label = pstr(b, lua_tostring(L, -1));
		} else if (t == LUA_TTABLE) {
			int top = lua_gettop(L);

			o[i - 1].value = sfield(b, top, "value", true, line);
			o[i - 1].label = sfield(b, top, "label", false, line);
			if (!o[i - 1].label)
				o[i - 1].label = o[i - 1].value;
			if (lua_getfield(L, top, "score") != LUA_TNIL) {
				double s = lua_tonumber(L, -1);

				if (!lua_isnumber(L, -1) || s < 0 || s > 1)
					cerr(b, line, "option score must be a number from 0 to 1");
				o[i - 1].score = s;
				o[i - 1].has_score = true;
			}
			lua_pop(L, 1);
		} else {
			cerr(b, line, "options[%d] must be a string or a table", (int)i);
		}
		if (!o[i - 1].value)
			o[i - 1].value = o[i - 1].label = "";
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
}

static void number_bound(struct build *b, int qidx, const char *key, double *v, bool *has,
			 int line)
{
	lua_State *L = b->h->L;
	int t = lua_getfield(L, qidx, key);

	if (t == LUA_TNUMBER) {
		*v = lua_tonumber(L, -1);
		*has = true;
	} else if (t != LUA_TNIL) {
		cerr(b, line, "field '%s' must be a number", key);
	}
	lua_pop(L, 1);
}

static void read_question(struct build *b, int qidx, const char *module, const char *title)
{
	lua_State *L = b->h->L;
	struct question *q = &b->p->questions[b->p->nquestions];
	const char *kind;
	int line = b->specline;
	char what[200];
	bool any_score = false;

	memset(q, 0, sizeof *q);
	q->id = sfield(b, qidx, "id", true, line);
	if (!q->id)
		return;
	line = id_line(b, q->id);
	snprintf(what, sizeof what, "question '%s'", q->id);
	b->what = what;
	q->line = line;
	q->file = files_of(b->h)->f[b->file].path;
	q->module = module;
	check_fields(b, qidx, question_fields, line);
	check_prefix(b, "question", q->id, module, line);
	q->text = sfield(b, qidx, "text", true, line);
	q->help = sfield(b, qidx, "help", false, line);
	q->section = sfield(b, qidx, "section", false, line);
	if (!q->section)
		q->section = title;
	q->unit = sfield(b, qidx, "unit", false, line);
	kind = sfield(b, qidx, "kind", true, line);
	if (kind && qkind_parse(kind) < 0)
		cerr(b, line, "unknown kind '%s' (maturity, choice, multi, number, percent, "
			      "date, text)", kind);
	q->kind = kind && qkind_parse(kind) >= 0 ? (enum qkind)qkind_parse(kind) : QK_TEXT;
	q->weight = 1;
	if (lua_getfield(L, qidx, "weight") != LUA_TNIL) {
		q->weight = lua_tonumber(L, -1);
		if (!lua_isnumber(L, -1) || !(q->weight > 0 && q->weight <= 100))
			cerr(b, line, "field 'weight' must be a number above 0 and at most 100");
	}
	lua_pop(L, 1);
	lua_getfield(L, qidx, "required");
	q->required = lua_toboolean(L, -1);
	lua_pop(L, 1);
	duties_field(b, qidx, (const char ***)&q->duties, &q->nduties, line);
	options_field(b, qidx, q, line);
	number_bound(b, qidx, "min", &q->min, &q->has_min, line);
	number_bound(b, qidx, "max", &q->max, &q->has_max, line);
	if (lua_getfield(L, qidx, "score") == LUA_TFUNCTION) {
		q->has_score_fn = true;
		keep_ref(b, "scores", b->p->nquestions);
	} else {
		if (!lua_isnil(L, -1))
			cerr(b, line, "field 'score' must be a function");
		lua_pop(L, 1);
	}
	for (int i = 0; i < q->nopts; i++)
		any_score |= q->opts[i].has_score;
	q->informational = !q->has_score_fn && q->kind != QK_MATURITY &&
			   !((q->kind == QK_CHOICE || q->kind == QK_MULTI) && any_score);
	if (seen_id(b, "question", q->id, line)) {
		lua_rawgeti(L, LUA_REGISTRYINDEX, b->h->packs[b->h->npacks].ref);
		lua_getfield(L, -1, "known");
		lua_pushinteger(L, b->p->nquestions);
		lua_setfield(L, -2, q->id);
		lua_pop(L, 2);
		b->p->nquestions++;
	}
	b->what = NULL;
}

static void read_rule(struct build *b, int ridx, const char *module)
{
	lua_State *L = b->h->L;
	struct rule *r = &b->p->rules[b->p->nrules];
	const char *impact;
	int line = b->specline;
	char what[200];

	memset(r, 0, sizeof *r);
	r->id = sfield(b, ridx, "id", true, line);
	if (!r->id)
		return;
	line = id_line(b, r->id);
	snprintf(what, sizeof what, "rule '%s'", r->id);
	b->what = what;
	r->line = line;
	r->file = files_of(b->h)->f[b->file].path;
	r->module = module;
	check_fields(b, ridx, rule_fields, line);
	check_prefix(b, "rule", r->id, module, line);
	r->title = sfield(b, ridx, "title", true, line);
	r->action = sfield(b, ridx, "action", true, line);
	duties_field(b, ridx, (const char ***)&r->duties, &r->nduties, line);
	if (lua_getfield(L, ridx, "severity") == LUA_TTABLE) {
		int s = lua_gettop(L);

		check_fields(b, s, severity_fields, line);
		ifield(b, s, "scale", 1, 5, &r->scale, true, line);
		ifield(b, s, "scope", 1, 5, &r->scope, true, line);
		ifield(b, s, "irremediable", 1, 5, &r->irremediable, true, line);
	} else {
		cerr(b, line, "missing required field: 'severity' ({ scale =, scope =, "
			      "irremediable = }, each 1-5)");
	}
	lua_pop(L, 1);
	ifield(b, ridx, "likelihood", 1, 5, &r->likelihood, true, line);
	lua_getfield(L, ridx, "red_flag");
	r->red_flag = lua_toboolean(L, -1);
	lua_pop(L, 1);
	impact = sfield(b, ridx, "impact", false, line);
	if (impact && strcmp(impact, "potential") && strcmp(impact, "actual"))
		cerr(b, line, "field 'impact' must be \"potential\" or \"actual\"");
	r->actual = impact && !strcmp(impact, "actual");
	if (lua_getfield(L, ridx, "when") != LUA_TFUNCTION) {
		cerr(b, line, "missing required field: 'when' (a function of answers and context)");
		lua_pop(L, 1);
	} else {
		keep_ref(b, "rules", b->p->nrules);
	}
	if (seen_id(b, "rule", r->id, line))
		b->p->nrules++;
	b->what = NULL;
}

/* [-0, +0] the spec's kind, file, line; false if not made by sector{} etc. */
static bool spec_info(struct build *b, int idx, const char **kind)
{
	lua_State *L = b->h->L;

	lua_rawgetp(L, LUA_REGISTRYINDEX, &LHOST_K_SPECS);
	lua_pushvalue(L, idx);
	if (lua_rawget(L, -2) != LUA_TTABLE) {
		lua_pop(L, 2);
		return false;
	}
	lua_rawgeti(L, -1, 1);
	*kind = lua_tostring(L, -1); /* kept alive by the SPECS table */
	lua_rawgeti(L, -2, 2);
	b->file = (int)lua_tointeger(L, -1);
	lua_rawgeti(L, -3, 3);
	b->specline = (int)lua_tointeger(L, -1);
	lua_pop(L, 5);
	return true;
}

static void grow(struct build *b, int nq, int nr)
{
	if (b->p->nquestions + nq > b->qcap) {
		struct question *q;

		b->qcap = (b->p->nquestions + nq) * 2;
		q = arena_alloc(b->p->arena, (size_t)b->qcap * sizeof *q);
		if (b->p->nquestions)
			memcpy(q, b->p->questions, (size_t)b->p->nquestions * sizeof *q);
		b->p->questions = q;
	}
	if (b->p->nrules + nr > b->rcap) {
		struct rule *r;

		b->rcap = (b->p->nrules + nr) * 2;
		r = arena_alloc(b->p->arena, (size_t)b->rcap * sizeof *r);
		if (b->p->nrules)
			memcpy(r, b->p->rules, (size_t)b->p->nrules * sizeof *r);
		b->p->rules = r;
	}
}

static void read_list(struct build *b, int sidx, const char *key, const char *module,
		      const char *title)
{
	lua_State *L = b->h->L;
	lua_Integer n;
	int t = lua_getfield(L, sidx, key);

	if (t == LUA_TNIL) {
		lua_pop(L, 1);
		return;
	}
	if (t != LUA_TTABLE) {
		cerr(b, b->specline, "field '%s' must be a list", key);
		lua_pop(L, 1);
		return;
	}
	n = luaL_len(L, -1);
	if (n > 2000)
		luaL_error(L, "field '%s' lists more than 2000 entries", key);
	grow(b, key[0] == 'q' ? (int)n : 0, key[0] == 'r' ? (int)n : 0);
	for (lua_Integer i = 1; i <= n; i++) {
		if (lua_geti(L, -1, i) != LUA_TTABLE)
			cerr(b, b->specline, "%s[%d] must be a table", key, (int)i);
		else if (key[0] == 'q')
			read_question(b, lua_gettop(L), module, title);
		else
			read_rule(b, lua_gettop(L), module);
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
}

/* The questions and rules of one module or sector table at sidx. */
static void read_part(struct build *b, int sidx, const char *kind)
{
	const char *id, *title;
	int file = b->file;

	check_fields(b, sidx, part_fields, b->specline);
	id = sfield(b, sidx, "id", true, b->specline);
	title = sfield(b, sidx, "title", true, b->specline);
	if (id && !valid_name(id))
		cerr(b, b->specline, "%s id '%s' must be lowercase letters, digits and _", kind, id);
	read_list(b, sidx, "questions", id, title ? title : id);
	read_list(b, sidx, "rules", id, title ? title : id);
	b->file = file;
}

static void record_files(struct build *b, int file)
{
	struct files *fs = files_of(b->h);
	struct pack *p = b->p;

	for (int i = 0; i < p->nfiles; i++)
		if (!strcmp(p->files[i].path, fs->f[file].path))
			return;
	p->files[p->nfiles].path = fs->f[file].path;
	memcpy(p->files[p->nfiles].sha256, fs->f[file].sha256, 65);
	p->nfiles++;
	for (int i = 0; i < fs->f[file].ndeps; i++)
		record_files(b, fs->f[file].deps[i]);
}

/* Protected: compose the spec at index 1 into b->p. */
static int build_pack(lua_State *L)
{
	struct build *b = lua_touserdata(L, 2);
	struct pack *p = b->p;
	const char *kind = NULL;
	int root_file, root_line;

	if (!lua_istable(L, 1) || !spec_info(b, 1, &kind) || !strcmp(kind, "catalogue")) {
		b->file = -1;
		cerr(b, 0, "a pack file must return sector { ... } or module { ... }");
		return 0;
	}
	root_file = b->file;
	root_line = b->specline;
	p->id = sfield(b, 1, "id", true, root_line);
	p->title = sfield(b, 1, "title", true, root_line);
	p->version = sfield(b, 1, "version", !strcmp(kind, "sector"), root_line);
	p->license = sfield(b, 1, "license", false, root_line);
	p->description = sfield(b, 1, "description", false, root_line);
	if (lua_getfield(L, 1, "modules") == LUA_TTABLE) {
		lua_Integer n = luaL_len(L, -1);

		for (lua_Integer i = 1; i <= n && i <= 64; i++) {
			const char *mk = NULL;

			lua_geti(L, -1, i);
			if (!lua_istable(L, -1) || !spec_info(b, lua_gettop(L), &mk) ||
			    strcmp(mk, "module")) {
				b->file = root_file;
				cerr(b, root_line, "modules[%d] is not a module (use "
						   "require \"name\" of a file returning module { ... })",
				     (int)i);
			} else {
				read_part(b, lua_gettop(L), "module");
			}
			lua_pop(L, 1);
		}
	} else if (!lua_isnil(L, -1)) {
		cerr(b, root_line, "field 'modules' must be a list");
	}
	lua_pop(L, 1);
	b->file = root_file;
	b->specline = root_line;
	read_part(b, 1, kind);
	lua_getfield(L, 1, "tests");
	keep_ref(b, "tests", 0);
	p->files = arena_alloc(p->arena, 256 * sizeof *p->files);
	record_files(b, root_file);
	record_files(b, 0); /* the catalogue */
	return 0;
}

/* Walk what a rule can reach through upvalues: tables become read-only
 * proxies, scalars are remembered so each assessment starts from them. */
static void snapshot_value(lua_State *L, int vidx, int snap, int seen, int depth);

static void snapshot_fn(lua_State *L, int fidx, int snap, int seen, int depth)
{
	const char *name;

	if (lua_iscfunction(L, fidx) || depth > 50)
		return;
	for (int n = 1; (name = lua_getupvalue(L, fidx, n)); n++) {
		int t = lua_type(L, -1);

		if (t == LUA_TTABLE) {
			lua_rawgetp(L, LUA_REGISTRYINDEX, &LHOST_K_ENVS);
			lua_pushvalue(L, -2);
			if (lua_rawget(L, -2) == LUA_TNIL) {
				lua_pop(L, 2);
				snapshot_value(L, lua_gettop(L), snap, seen, depth + 1);
				lhost_freeze(L, -1);
				lua_setupvalue(L, fidx, n);
			} else {
				lua_pop(L, 2);
			}
		} else if (t == LUA_TFUNCTION) {
			snapshot_value(L, lua_gettop(L), snap, seen, depth + 1);
		} else {
			lua_createtable(L, 3, 0); /* [v, rec] */
			lua_pushvalue(L, fidx);
			lua_rawseti(L, -2, 1);
			lua_pushinteger(L, n);
			lua_rawseti(L, -2, 2);
			lua_pushvalue(L, -2);
			lua_rawseti(L, -2, 3);
			lua_rawseti(L, snap, (lua_Integer)luaL_len(L, snap) + 1);
		}
		lua_pop(L, 1);
	}
}

static void snapshot_value(lua_State *L, int vidx, int snap, int seen, int depth)
{
	int t = lua_type(L, vidx);

	if ((t != LUA_TTABLE && t != LUA_TFUNCTION) || depth > 50)
		return;
	lua_pushvalue(L, vidx);
	if (lua_rawget(L, seen) != LUA_TNIL) {
		lua_pop(L, 1);
		return;
	}
	lua_pop(L, 1);
	lua_pushvalue(L, vidx);
	lua_pushboolean(L, 1);
	lua_rawset(L, seen);
	luaL_checkstack(L, 8, "snapshot");
	if (t == LUA_TFUNCTION) {
		snapshot_fn(L, vidx, snap, seen, depth);
		return;
	}
	lua_pushnil(L);
	while (lua_next(L, vidx)) {
		snapshot_value(L, lua_gettop(L), snap, seen, depth + 1);
		lua_pop(L, 1);
	}
}

/* Protected: snapshot every rule and score function of pack table at 1. */
static int snapshot_pack(lua_State *L)
{
	lua_newtable(L); /* 2: snap */
	lua_newtable(L); /* 3: seen */
	lua_getfield(L, 1, "rules");
	snapshot_value(L, 4, 2, 3, 0);
	lua_getfield(L, 1, "scores");
	snapshot_value(L, 5, 2, 3, 0);
	lua_pushvalue(L, 2);
	lua_setfield(L, 1, "snap");
	return 0;
}

static struct pack *new_pack(void)
{
	struct arena *a = arena_new();
	struct pack *p = arena_alloc(a, sizeof *p);

	p->arena = a;
	return p;
}

/* The first contract error goes to e, with a count of the others; all of
 * them stay on the host for plugin check (lhost_errors). */
static int fail_build(struct build *b, struct err *e)
{
	struct lhost *h = b->h;

	h->nerrs = b->nerrs < DILIGO_MAX_DIAGS ? b->nerrs : DILIGO_MAX_DIAGS;
	memcpy(h->errs, b->errs, (size_t)h->nerrs * sizeof *h->errs);
	*e = b->errs[0];
	if (b->nerrs > 1) {
		size_t used = strlen(e->msg);

		snprintf(e->msg + used, sizeof e->msg - used,
			 " (and %d more contract errors: see diligo plugin check)", b->nerrs - 1);
	}
	return ERR_PACK;
}

int lhost_errors(struct lhost *h, const struct err **errs)
{
	*errs = h->errs;
	return h->nerrs;
}

/* Load file (or the pack found for name) and compose it. */
static const struct pack *compose(struct lhost *h, const char *key, const char *path,
				  struct err *e)
{
	lua_State *L = h->L;
	struct build *b;
	struct pack *p;
	struct loaded_pack *lp;
	int status;

	h->nerrs = 0;
	for (int i = 0; i < h->npacks; i++)
		if (!strcmp(h->packs[i].key, key))
			return h->packs[i].pack;
	if (h->npacks == DILIGO_MAX_PACKS) {
		err_set(e, ERR_PACK, "too many packs loaded");
		return NULL;
	}
	lp = &h->packs[h->npacks];
	lua_createtable(L, 0, 8);
	for (int i = 0; i < 6; i++) {
		static const char *const lists[] = { "rules", "scores", "known", "tests",
						     "question", "rule" };
		lua_newtable(L);
		lua_setfield(L, -2, lists[i]);
	}
	lp->ref = luaL_ref(L, LUA_REGISTRYINDEX);
	p = new_pack();
	b = calloc(1, sizeof *b);
	b->h = h;
	b->p = p;
	h->current_rule = NULL;
	snprintf(h->where, sizeof h->where, "%s", display_path(h, path));
	lhost_budget_start(h);
	lua_pushcfunction(L, run_file_protected);
	lua_pushlightuserdata(L, (void *)path);
	status = lhost_pcall(h, 1, 1);
	if (status != LUA_OK) {
		lhost_error(h, status, e);
		goto fail;
	}
	lua_pushcfunction(L, build_pack); /* [spec, f] */
	lua_insert(L, -2);                /* [f, spec] */
	lua_pushlightuserdata(L, b);
	status = lhost_pcall(h, 2, 0);
	if (status != LUA_OK) {
		lhost_error(h, status, e);
		goto fail;
	}
	if (b->nerrs) {
		fail_build(b, e);
		goto fail;
	}
	p->duties = h->catalogue->duties;
	p->nduties = h->catalogue->nduties;
	pack_index(p);
	lua_pushcfunction(L, snapshot_pack);
	lua_rawgeti(L, LUA_REGISTRYINDEX, lp->ref);
	status = lhost_pcall(h, 1, 0);
	if (status != LUA_OK) {
		lhost_error(h, status, e);
		goto fail;
	}
	h->where[0] = '\0';
	lp->key = strdup(key);
	lp->pack = p;
	h->npacks++;
	free(b);
	return p;
fail:
	h->where[0] = '\0';
	luaL_unref(L, LUA_REGISTRYINDEX, lp->ref);
	pack_free(p);
	free(b);
	return NULL;
}

/* ---- the catalogue -------------------------------------------------- */

/* docs/plugin-api.md lists them: charts and heatmaps have one column each */
static const char *const duty_areas[] = {
	"Policy & governance", "Risk identification", "Prevention & remediation",
	"Stakeholders & grievance", "Labour rights", "Civil & political rights",
	"Land & communities", "Environment", "Responsible sourcing", "Transparency", NULL,
};
static const char *const duty_statuses[] = { "in force", "guidance", "deleted", "proposed", NULL };

static void check_enum(struct build *b, const char *field, const char *v, const char *const *ok)
{
	for (int i = 0; v && ok[i]; i++)
		if (!strcmp(v, ok[i]))
			return;
	if (v)
		cerr(b, b->specline, "%s '%s' is not one of the values in docs/plugin-api.md", field, v);
}

/* Protected: the catalogue list at 1 into the pack (light userdata at 2). */
static int build_catalogue(lua_State *L)
{
	struct build *b = lua_touserdata(L, 2);
	struct pack *p = b->p;
	const char *kind = NULL;
	lua_Integer n;
	struct duty *d;

	if (!lua_istable(L, 1) || !spec_info(b, 1, &kind) || strcmp(kind, "catalogue")) {
		b->file = 0;
		cerr(b, 0, "the duty catalogue must return catalogue { ... }");
		return 0;
	}
	n = luaL_len(L, 1);
	if (n < 1 || n > 5000)
		luaL_error(L, "the catalogue must hold from 1 to 5000 duties");
	p->duties = d = arena_alloc(p->arena, (size_t)n * sizeof *d);
	lua_newtable(L); /* 3: map id -> entry, given to packs as `duties` */
	for (lua_Integer i = 1; i <= n; i++) {
		struct duty *x = &d[p->nduties];

		if (lua_geti(L, 1, i) != LUA_TTABLE) {
			cerr(b, b->specline, "catalogue[%d] must be a table", (int)i);
			lua_pop(L, 1);
			continue;
		}
		x->id = sfield(b, 4, "id", true, b->specline);
		if (x->id)
			b->specline = id_line(b, x->id);
		check_fields(b, 4, duty_fields, b->specline);
		x->framework = sfield(b, 4, "framework", true, b->specline);
		x->title = sfield(b, 4, "title", true, b->specline);
		x->text = sfield(b, 4, "text", true, b->specline);
		x->area = sfield(b, 4, "area", true, b->specline);
		x->status = sfield(b, 4, "status", false, b->specline);
		if (!x->status)
			x->status = "in force";
		check_enum(b, "area", x->area, duty_areas);
		check_enum(b, "status", x->status, duty_statuses);
		if (x->id) {
			lua_pushvalue(L, 3);
			if (lua_getfield(L, -1, x->id) != LUA_TNIL)
				cerr(b, b->specline, "duplicate duty id '%s'", x->id);
			lua_pop(L, 2);
		}
		if (x->id && x->framework && x->title && x->text && x->area) {
			lua_pushvalue(L, 4);
			lua_setfield(L, 3, x->id);
			p->nduties++;
		}
		lua_pop(L, 1);
	}
	lhost_freeze(L, 3);
	lua_rawgetp(L, LUA_REGISTRYINDEX, &LHOST_K_BASE);
	lua_insert(L, -2);
	lua_setfield(L, -2, "duties");
	return 0;
}

int lhost_load_catalogue(struct lhost *h, struct err *e)
{
	lua_State *L = h->L;
	char path[PATH_MAX];
	struct build *b;
	int status;

	lua_pushcfunction(L, init_loader);
	if (lua_pcall(L, 0, 0, 0) != LUA_OK)
		return lhost_error(h, LUA_ERRRUN, e);
	if (!find_file(h, "plugins", "duties", path, sizeof path))
		return err_set(e, ERR_PACK, "cannot find the duty catalogue plugins/duties.lua "
			       "on the search path");
	h->catalogue = new_pack();
	snprintf(h->where, sizeof h->where, "%s", display_path(h, path));
	lhost_budget_start(h);
	lua_pushcfunction(L, run_file_protected);
	lua_pushlightuserdata(L, path);
	status = lhost_pcall(h, 1, 1);
	if (status != LUA_OK)
		return lhost_error(h, status, e);
	b = calloc(1, sizeof *b);
	b->h = h;
	b->p = h->catalogue;
	lua_pushcfunction(L, build_catalogue);
	lua_insert(L, -2);
	lua_pushlightuserdata(L, b);
	status = lhost_pcall(h, 2, 0);
	if (status != LUA_OK) {
		free(b);
		return lhost_error(h, status, e);
	}
	if (b->nerrs) {
		fail_build(b, e);
		free(b);
		return ERR_PACK;
	}
	free(b);
	pack_index(h->catalogue);
	h->where[0] = '\0';
	return 0;
}

/* ---- public --------------------------------------------------------- */

const struct pack *lhost_pack(struct lhost *h, const char *name, struct err *e)
{
	char path[PATH_MAX];
	size_t n = strlen(name);

	if (strchr(name, '/') || (n > 4 && !strcmp(name + n - 4, ".lua")))
		return lhost_load_file(h, name, e);
	if (!valid_name(name)) {
		err_set(e, ERR_USAGE, "'%s' is not a sector name", name);
		return NULL;
	}
	if (!find_file(h, "sectors", name, path, sizeof path)) {
		err_set(e, ERR_PACK, "no sector pack '%s' (see diligo sectors)", name);
		return NULL;
	}
	return compose(h, name, path, e);
}

bool lhost_sector_exists(struct lhost *h, const char *name)
{
	char path[PATH_MAX];
	size_t n = strlen(name);

	if (strchr(name, '/') || (n > 4 && !strcmp(name + n - 4, ".lua")))
		return is_file(name);
	return valid_name(name) && find_file(h, "sectors", name, path, sizeof path);
}

const struct pack *lhost_load_file(struct lhost *h, const char *file, struct err *e)
{
	if (!is_file(file)) {
		err_set(e, ERR_IO, "cannot open '%s': %s", file,
			access(file, F_OK) ? strerror(errno) : "not a regular file");
		return NULL;
	}
	return compose(h, file, file, e);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int lhost_sector_names(struct lhost *h, const char **names, int max)
{
	int n = 0;

	for (int i = 0; i < h->nnames; i++)
		free(h->names[i]);
	h->nnames = 0;
	for (int i = 0; i < h->npaths; i++) {
		char dir[PATH_MAX];
		struct dirent *de;
		DIR *d;

		snprintf(dir, sizeof dir, "%s/sectors", h->paths[i]);
		if (!(d = opendir(dir)))
			continue;
		while ((de = readdir(d)) && h->nnames < DILIGO_MAX_PACKS) {
			size_t len = strlen(de->d_name);
			char name[128];
			bool dup = false;

			if (len < 5 || len > 100 || strcmp(de->d_name + len - 4, ".lua"))
				continue;
			snprintf(name, sizeof name, "%.*s", (int)(len - 4), de->d_name);
			if (!valid_name(name))
				continue;
			for (int j = 0; j < h->nnames && !dup; j++)
				dup = !strcmp(h->names[j], name);
			if (!dup)
				h->names[h->nnames++] = strdup(name);
		}
		closedir(d);
	}
	qsort(h->names, (size_t)h->nnames, sizeof *h->names, cmp_str);
	for (int i = 0; i < h->nnames && n < max; i++)
		names[n++] = h->names[i];
	return n;
}

/* For the evaluator: the registry ref of a pack's Lua table. */
int lhost_pack_ref(struct lhost *h, const struct pack *p)
{
	for (int i = 0; i < h->npacks; i++)
		if (h->packs[i].pack == p)
			return h->packs[i].ref;
	return LUA_NOREF;
}

const struct pack *lhost_catalogue(struct lhost *h)
{
	return h->catalogue;
}
