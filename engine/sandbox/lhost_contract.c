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
 * is not NULL), or NULL. */
static const char *find_quoted(const char *src, const char *from, const char *id,
			       const char *key)
{
	size_t n = strlen(id);

	for (const char *hit = strstr(from, id); hit; hit = strstr(hit + 1, id))
		if (hit > src && (hit[-1] == '"' || hit[-1] == '\'') && hit[n] == hit[-1] &&
		    (!key || after_key(src, hit - 1, key)))
			return hit;
	return NULL;
}

/* Move the cursor over src to hit, counting lines. */
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

int lhost_id_line_at(struct build *b, const char *key, const char *id)
{
	struct files *fs = lhost_files(b->h);
	const char *src, *hit;

	if (b->file < 0 || !*id) /* an empty id would match everywhere */
		return b->specline;
	src = fs->f[b->file].src;
	if (b->cur_file != b->file || !b->cur_pos) {
		b->cur_file = b->file;
		b->cur_pos = src;
		b->cur_line = 1;
	}
	/* where it is defined (key = "id") after the cursor, then before it;
	 * then any quoted mention */
	if (!(hit = find_quoted(src, b->cur_pos, id, key)) &&
	    !(hit = find_quoted(src, src, id, key)) &&
	    !(hit = find_quoted(src, b->cur_pos, id, NULL)) && !(hit = find_quoted(src, src, id, NULL)))
		return b->specline;
	return cursor_to(b, src, hit);
}

/* The line where id is written. Ids are read in source order, so the search
 * goes on from the last hit (which also finds the second of two duplicates)
 * and lines are counted only over the new stretch. */
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

static const char *pstr(struct build *b, const char *s)
{
	return arena_strdup(b->p->arena, s);
}

/* [-0, +0, e] string field of the table at idx; NULL (with an error when
 * required) if absent or not a string. */
const char *lhost_sfield(struct build *b, int idx, const char *key, bool required, int line)
{
	lua_State *L = b->h->L;
	const char *v = NULL;
	int t = lua_getfield(L, idx, key);

	if (t == LUA_TSTRING)
		v = pstr(b, lua_tostring(L, -1));
	else if (t != LUA_TNIL)
		lhost_cerr(b, line, "field '%s' is of improper type '%s', expected type 'string'",
			   key, lua_typename(L, t));
	else if (required)
		lhost_cerr(b, line, "missing required field: '%s'", key);
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

/* A misspelt field would otherwise be ignored in silence ("requried"). */
void lhost_check_fields(struct build *b, int idx, const char *const *allowed, int line)
{
	lua_State *L = b->h->L;
	int n = 0;

	while (allowed[n])
		n++;
	lua_pushvalue(L, idx); /* what another file returned is read through its proxy */
	lhost_unwrap(L, -1);
	idx = lua_gettop(L);
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
					lhost_cerr(b, line, "unknown field '%s' (did you mean '%s'?)",
						   k, near);
				else
					lhost_cerr(b, line, "unknown field '%s'", k);
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
	lua_rawgetp(L, LUA_REGISTRYINDEX, &LHOST_K_MARKS);
	lua_pushvalue(L, idx);
	lhost_unwrap(L, -1);
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

