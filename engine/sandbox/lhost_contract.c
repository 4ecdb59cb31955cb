/* The contract toolkit shared by the pack and catalogue builders: the list
 * of contract errors of one load (file:line, the question or rule named),
 * typed field readers, the unknown-field check, the source line of an id,
 * and the mark that sector{}, module{} and catalogue{} leave on a table. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "lhost_int.h"
#include "text.h"

static bool ident_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_';
}

/* Whether the opening quote at q follows `key =` (spaces allowed). */
static bool after_key(const char *src, const char *q, const char *key)
{
	size_t n = strlen(key);
	const char *s = q - 1;

	while (s >= src && (*s == ' ' || *s == '\t'))
		s--;
	if (s < src || *s != '=' || (s > src && strchr("=~<>", s[-1])))
		return false;
	s--;
	while (s >= src && (*s == ' ' || *s == '\t'))
		s--;
	s -= n - 1;
	return s >= src && !strncmp(s, key, n) && (s == src || !ident_char(s[-1]));
}

/* A quoted occurrence of id in src at or after from (after `key =` when key
 * is not NULL), or NULL; *scanned grows by the bytes searched. */
static const char *find_quoted(const char *src, const char *from, const char *id,
			       const char *key, size_t *scanned)
{
	size_t n = strlen(id);
	const char *hit;

	for (hit = strstr(from, id); hit; hit = strstr(hit + 1, id)) {
		if (hit > src && (hit[-1] == '"' || hit[-1] == '\'') && hit[n] == hit[-1] &&
		    (!key || after_key(src, hit - 1, key))) {
			*scanned += (size_t)(hit - from) + n;
			return hit;
		}
	}
	*scanned += strlen(from);
	return NULL;
}

/* Move the cursor over src to hit, counting lines; the line of hit. */
static int cursor_to(struct build *b, const char *src, const char *hit)
{
	if (hit < b->cur_pos) {
		b->cur_pos = src;
		b->cur_line = 1;
	}
	for (const char *s = b->cur_pos; s < hit; s++)
		b->cur_line += *s == '\n';
	b->cur_pos = hit + 1;
	return b->cur_line;
}

/* The line where id is written as `key = "id"` (where it is defined),
 * else quoted anywhere. Ids are read in source order, so the search goes
 * on from the last hit (which also finds the second of two duplicates) and
 * lines are counted only over the new stretch. Ids a file does not spell
 * out (made in a loop) would cost a search of the whole file each: the
 * searches are charged, and once they have read a file four times over its
 * ids get the line of its sector{} or module{} call. */
int lhost_id_line_at(struct build *b, const char *key, const char *id)
{
	struct files *fs = lhost_files(b->h);
	const char *src, *hit = NULL;
	size_t *scanned, allowed;

	if (b->file < 0 || !*id) /* an empty id would match everywhere */
		return b->specline;
	src = fs->f[b->file].src;
	scanned = &b->scanned[b->file];
	allowed = 4 * fs->f[b->file].len + 65536;
	if (*scanned > allowed)
		return b->specline;
	if (b->cur_file != b->file || !b->cur_pos) {
		b->cur_file = b->file;
		b->cur_pos = src;
		b->cur_line = 1;
	}
	/* where it is defined after the cursor, then before it; then any mention */
	for (int pass = 0; pass < 4 && !hit && *scanned <= allowed; pass++)
		hit = find_quoted(src, pass % 2 ? src : b->cur_pos, id, pass < 2 ? key : NULL,
				  scanned);
	lhost_charge_bytes(b->h->L, *scanned - b->charged[b->file], "loading");
	b->charged[b->file] = *scanned;
	if (!hit)
		return b->specline;
	return cursor_to(b, src, hit);
}

int lhost_id_line(struct build *b, const char *id)
{
	return lhost_id_line_at(b, "id", id);
}

int lhost_seek_field(struct build *b, const char *field)
{
	struct files *fs = lhost_files(b->h);
	const char *src, *from, *hit;
	size_t n = strlen(field);

	if (b->file < 0)
		return 0;
	src = fs->f[b->file].src;
	from = src;
	for (int line = 1; *from && line < b->specline; from++)
		line += *from == '\n';
	for (hit = strstr(from, field); hit; hit = strstr(hit + 1, field)) {
		const char *s = hit + n;

		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '=' && s[1] != '=' && (hit == src || !ident_char(hit[-1])))
			break;
	}
	if (!hit)
		return 0;
	b->cur_file = b->file;
	b->cur_pos = src;
	b->cur_line = 1;
	return cursor_to(b, src, hit);
}

void lhost_cerr(struct build *b, int line, const char *fmt, ...)
		{
		struct files *fs = lhost_files(b->h);
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

/* Fields that name something (matched, compared, used as keys): longer
 * than DILIGO_MAX_ID is a contract error. Every other string field is
 * prose, cut at DILIGO_MAX_TEXT_BYTES. */
static bool names_something(const char *key)
{
	static const char *const keys[] = { "id", "kind", "impact", "status", "area",
					    "framework", "version", NULL };

	for (int i = 0; keys[i]; i++)
		if (!strcmp(key, keys[i]))
			return true;
	return false;
}

/* [-0, +0, e] string field of the table at idx; NULL (with an error when
 * required) if absent or not a string. Copied into the pack's arena, cut
 * and counted against the memory cap (lhost_copy_text). */
const char *lhost_sfield(struct build *b, int idx, const char *key, bool required, int line)
{
	lua_State *L = b->h->L;
	const char *v = NULL;
	int t = lua_getfield(L, idx, key);

	lhost_charge(L, 1, "loading");
	if (t == LUA_TSTRING) {
		if (names_something(key) && lua_rawlen(L, -1) > DILIGO_MAX_ID)
			lhost_cerr(b, line, "field '%s' is longer than %d characters", key,
				   DILIGO_MAX_ID);
		else
			v = lhost_copy_text(L, b->p->arena, -1, DILIGO_MAX_TEXT_BYTES);
	} else if (t != LUA_TNIL) {
		lhost_cerr(b, line, "field '%s' is of improper type '%s', expected type 'string'",
			   key, lua_typename(L, t));
	} else if (required) {
		lhost_cerr(b, line, "missing required field: '%s'", key);
	}
	lua_pop(L, 1);
	return v;
}

bool lhost_ifield(struct build *b, int idx, const char *key, int lo, int hi, int *out,
		  bool required, int line)
{
	lua_State *L = b->h->L;
	int t = lua_getfield(L, idx, key), ok = 0;
	lua_Integer v = lua_tointegerx(L, -1, &ok);

	lua_pop(L, 1);
	if (t == LUA_TNIL) {
		if (required)
			lhost_cerr(b, line, "missing required field: '%s'", key);
		return false;
	}
	if (!ok || v < lo || v > hi) {
		lhost_cerr(b, line, "field '%s' must be a whole number from %d to %d", key, lo, hi);
		return false;
	}
	*out = (int)v;
	return true;
}

/* A misspelt field would otherwise be ignored in silence ("requried"). The
 * table's own fields, even behind a read-only proxy (a required module). */
void lhost_check_fields(struct build *b, int idx, const char *const *allowed, int line)
{
	lua_State *L = b->h->L;
	char shown[DILIGO_MAX_NAME_IN_MESSAGE + 8];
	int n = 0, t;

	while (allowed[n])
		n++;
	lhost_frozen_target(L, idx);
	if (lua_isnil(L, -1))
		lua_copy(L, idx, -1);
	t = lua_gettop(L);
	lua_pushnil(L);
	while (lua_next(L, t)) {
		lua_pop(L, 1);
		lhost_charge(L, 1, "loading");
		if (lua_type(L, -1) == LUA_TSTRING) {
			const char *k = lua_tostring(L, -1);
			bool ok = false;

			for (int i = 0; i < n && !ok; i++)
				ok = !strcmp(k, allowed[i]);
			if (!ok && b->nerrs < DILIGO_MAX_DIAGS) {
				const char *near = lua_rawlen(L, -1) <= DILIGO_MAX_ID
							   ? text_closest(k, allowed, n) : NULL;

				lhost_msgname(k, shown, sizeof shown);
				if (near)
					lhost_cerr(b, line, "unknown field '%s' (did you mean '%s'?)",
						   shown, near);
				else
					lhost_cerr(b, line, "unknown field '%s'", shown);
			}
		}
	}
	lua_pop(L, 1);
}

void lhost_unwrap(lua_State *L, int idx)
{
	idx = lua_absindex(L, idx);
	lhost_frozen_target(L, idx);
	if (lua_istable(L, -1))
		lua_replace(L, idx);
	else
		lua_pop(L, 1);
}

/* [-0, +0] the kind, file, line of the table's mark; false if not made by
 * sector{} etc. */
bool lhost_mark_info(struct build *b, int idx, const char **kind)
{
	lua_State *L = b->h->L;

	idx = lua_absindex(L, idx);
	lhost_frozen_target(L, idx); /* a module that require made read-only: read it itself */
	if (lua_isnil(L, -1))
		lua_pop(L, 1);
	else
		lua_replace(L, idx);
	lua_rawgetp(L, LUA_REGISTRYINDEX, &LHOST_K_MARKS);
	lua_pushvalue(L, idx);
	if (lua_rawget(L, -2) != LUA_TTABLE) {
		lua_pop(L, 2);
		return false;
	}
	lua_rawgeti(L, -1, 1);
	*kind = lua_tostring(L, -1); /* kept alive by the MARKS table */
	lua_rawgeti(L, -2, 2);
	b->file = (int)lua_tointeger(L, -1);
	lua_rawgeti(L, -3, 3);
	b->specline = (int)lua_tointeger(L, -1);
	lua_pop(L, 5);
	return true;
}

struct pack *lhost_new_pack(void)
{
	struct arena *a = arena_new();
	struct pack *p = arena_alloc(a, sizeof *p);

	p->arena = a;
	return p;
}

/* The first contract error goes to e, with a count of the others; all of
 * them stay on the host for plugin check (lhost_errors). */
int lhost_fail_build(struct build *b, struct err *e)
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

