/* The workbook reader; see xlsx_read.h. The zip is read from memory through
 * minizip's I/O callbacks; each member is inflated in chunks straight into
 * an expat parser, so nothing bigger than a chunk is held besides what the
 * handlers keep (strings, cells), and every limit is checked as the bytes
 * come. */
#include <ctype.h>
#include <expat.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <minizip/unzip.h>

#include "alloc.h"
#include "arena.h"
#include "bounds.h"
#include "xlsx_read.h"

enum { CHUNK = 16 * 1024, MAX_NAME = 1024, MAX_TEXT = DILIGO_XLSX_CELL_CHARS * 4 + 4 };

struct member {
	const char *name;
	unz64_file_pos pos;
	uint64_t csize, usize;
};

struct rel {
	const char *id, *type, *target; /* target resolved to a member name */
};

struct xlsx {
	struct arena *arena;
	const char *name;
	/* the zip, in memory */
	const unsigned char *buf;
	size_t len, off;
	unzFile zip;
	struct member *members;
	int nmembers;
	size_t inflated; /* bytes inflated so far, all members */
	/* the workbook */
	struct xlsx_sheet *sheets;
	const char **sheet_part; /* member of each sheet, NULL when missing */
	int nsheets;
	bool date1904;
	/* shared strings, read lazily: only as far as the cells read need
	 * (a table is often mostly text no reader asks for) */
	const char *sst_part; /* NULL: the workbook has none */
	const char **strings;
	int nstrings;
	size_t capstrings;
	int sst_want; /* read up to this many */
	bool sst_all; /* the whole table is read */
	unsigned *xf_fmt; /* XLSX_FMT_* of each cell style */
	int nxf;
	int ncells; /* cells kept, every sheet */
};

/* ---- errors ------------------------------------------------------------- */

__attribute__((format(printf, 5, 6)))
static int fail(struct xlsx *x, struct err *e, const char *part, int line, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return ERR_INPUT;
	err_set(e, ERR_INPUT, "%s", "");
	snprintf(e->file, sizeof e->file, "%s", x->name);
	if (part)
		snprintf(e->where, sizeof e->where, "%s", part);
	e->line = line;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return ERR_INPUT;
}

/* ---- the zip, from memory (minizip I/O callbacks) ----------------------- */

static voidpf mem_open(voidpf opaque, const void *filename, int mode)
{
	(void)filename, (void)mode;
	return opaque;
}

static uLong mem_read(voidpf opaque, voidpf stream, void *buf, uLong size)
{
	struct xlsx *x = stream;
	size_t n = x->off < x->len ? x->len - x->off : 0;

	(void)opaque;
	if (n > size)
		n = size;
	memcpy(buf, x->buf + x->off, n);
	x->off += n;
	return (uLong)n;
}

static uLong mem_write(voidpf opaque, voidpf stream, const void *buf, uLong size)
{
	(void)opaque, (void)stream, (void)buf, (void)size;
	return 0;
}

static ZPOS64_T mem_tell(voidpf opaque, voidpf stream)
{
	(void)opaque;
	return ((struct xlsx *)stream)->off;
}

static long mem_seek(voidpf opaque, voidpf stream, ZPOS64_T offset, int origin)
{
	struct xlsx *x = stream;
	uint64_t base;

	(void)opaque;
	switch (origin) {
	case ZLIB_FILEFUNC_SEEK_SET: base = 0; break;
	case ZLIB_FILEFUNC_SEEK_CUR: base = x->off; break;
	case ZLIB_FILEFUNC_SEEK_END: base = x->len; break;
	default: return -1;
	}
	if (offset > x->len || base + offset > x->len)
		return -1;
	x->off = (size_t)(base + offset);
	return 0;
}

static int mem_close(voidpf opaque, voidpf stream)
{
	(void)opaque, (void)stream;
	return 0;
}

static int mem_error(voidpf opaque, voidpf stream)
{
	(void)opaque, (void)stream;
	return 0;
}

bool xlsx_is_zip(const void *buf, size_t len)
{
	return len >= 4 && !memcmp(buf, "PK", 2) &&
	       ((((const unsigned char *)buf)[2] == 3 && ((const unsigned char *)buf)[3] == 4) ||
		(((const unsigned char *)buf)[2] == 5 && ((const unsigned char *)buf)[3] == 6));
}

/* A member name that could reach outside the package when extracted, or
 * be read two ways: absolute, with a drive letter or a backslash, with
 * empty, "." or ".." segments. */
static bool unsafe_name(const char *s)
{
	const char *seg = s;

	if (!*s || *s == '/' || strchr(s, '\\') || (isalpha((unsigned char)s[0]) && s[1] == ':'))
		return true;
	for (const char *p = s;; p++) {
		if (*p == '/' || !*p) {
			size_t n = (size_t)(p - seg);

			/* a trailing slash (a directory entry) is fine */
			if ((n == 0 && *p) || (n == 1 && seg[0] == '.') ||
			    (n == 2 && seg[0] == '.' && seg[1] == '.'))
				return true;
			if (!*p)
				return false;
			seg = p + 1;
		}
	}
}

static int cmp_member(const void *a, const void *b)
{
	return strcasecmp(((const struct member *)a)->name, ((const struct member *)b)->name);
}

static int read_directory(struct xlsx *x, struct err *e)
{
	unz_global_info64 gi;
	char name[MAX_NAME];
	int rc;

	if (unzGetGlobalInfo64(x->zip, &gi) != UNZ_OK)
		return fail(x, e, NULL, 0, "damaged zip archive (its directory cannot be read)");
	if (gi.number_entry > DILIGO_XLSX_MAX_ENTRIES)
		return fail(x, e, NULL, 0, "the zip archive has %llu members, more than %d",
			    (unsigned long long)gi.number_entry, DILIGO_XLSX_MAX_ENTRIES);
	x->members = arena_alloc(x->arena, (size_t)(gi.number_entry + 1) * sizeof *x->members);
	for (rc = unzGoToFirstFile(x->zip); rc == UNZ_OK; rc = unzGoToNextFile(x->zip)) {
		unz_file_info64 fi;
		struct member *m;

		if (x->nmembers == (int)gi.number_entry)
			return fail(x, e, NULL, 0, "damaged zip archive (more members than its "
					       "directory counts)");
		if (unzGetCurrentFileInfo64(x->zip, &fi, name, sizeof name, NULL, 0, NULL, 0) !=
		    UNZ_OK)
			return fail(x, e, NULL, 0, "damaged zip archive (a member cannot be read)");
		if (fi.size_filename >= sizeof name)
			return fail(x, e, NULL, 0, "a zip member's name is longer than %d bytes",
				    MAX_NAME - 1);
		if (strlen(name) != fi.size_filename || unsafe_name(name))
			return fail(x, e, NULL, 0, "unsafe path in the zip archive: '%.200s'", name);
		if (fi.flag & 1)
			return fail(x, e, name, 0, "the member is encrypted: save the workbook "
						   "without a password");
		if (fi.compression_method != 0 && fi.compression_method != Z_DEFLATED)
			return fail(x, e, name, 0, "unsupported zip compression method %lu",
				    (unsigned long)fi.compression_method);
		m = &x->members[x->nmembers++];
		m->name = arena_strdup(x->arena, name);
		m->csize = fi.compressed_size;
		m->usize = fi.uncompressed_size;
		if (unzGetFilePos64(x->zip, &m->pos) != UNZ_OK)
			return fail(x, e, name, 0, "damaged zip archive");
	}
	if (rc != UNZ_END_OF_LIST_OF_FILE)
		return fail(x, e, NULL, 0, "damaged zip archive (its directory ends early)");
	qsort(x->members, (size_t)x->nmembers, sizeof *x->members, cmp_member);
	for (int i = 1; i < x->nmembers; i++)
		if (!strcasecmp(x->members[i - 1].name, x->members[i].name))
			return fail(x, e, NULL, 0, "the zip archive holds '%.200s' twice",
				    x->members[i].name);
	return 0;
}

/* Part names are compared without letter case (Open Packaging Conventions). */
static const struct member *find_member(const struct xlsx *x, const char *name)
{
	struct member key = { .name = name };

	if (!x->nmembers)
		return NULL;
	return bsearch(&key, x->members, (size_t)x->nmembers, sizeof key, cmp_member);
}

/* ---- XML ---------------------------------------------------------------- */

struct xml;
typedef void (*xml_start)(struct xml *, const char *el, const char **atts);
typedef void (*xml_end)(struct xml *, const char *el);

struct xml {
	XML_Parser p;
	struct xlsx *x;
	struct err *e;
	const char *part;
	int depth;
	int rc; /* set by a handler to stop the parse */
	bool done; /* a handler has all it wants: the rest is not read */
	xml_start start;
	xml_end end;
	bool collect; /* character data is wanted */
	char *text;
	size_t tlen, tcap;
	void *ud;
};

static const char *local(const char *name)
{
	const char *c = strrchr(name, ':');

	return c ? c + 1 : name;
}

/* The attribute with this local name ("r:id" answers "id"), or NULL. */
static const char *attr(const char **atts, const char *name)
{
	for (int i = 0; atts[i]; i += 2)
		if (!strcmp(local(atts[i]), name))
			return atts[i + 1];
	return NULL;
}

__attribute__((format(printf, 2, 3)))
static void xml_fail(struct xml *m, const char *fmt, ...)
{
	char msg[512], where[128];
	va_list ap;

	if (m->rc)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(where, sizeof where, "%s:%lu:%lu", m->part,
		 (unsigned long)XML_GetCurrentLineNumber(m->p),
		 (unsigned long)XML_GetCurrentColumnNumber(m->p) + 1);
	m->rc = fail(m->x, m->e, where, (int)XML_GetCurrentLineNumber(m->p), "%s", msg);
	XML_StopParser(m->p, XML_FALSE);
}

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xml *m = ud;

	if (m->rc)
		return;
	if (++m->depth > DILIGO_XLSX_MAX_XML_DEPTH) {
		xml_fail(m, "XML nested deeper than %d elements", DILIGO_XLSX_MAX_XML_DEPTH);
		return;
	}
	m->start(m, local(name), atts);
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
	struct xml *m = ud;

	if (m->rc)
		return;
	m->depth--;
	if (m->end)
		m->end(m, local(name));
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
	struct xml *m = ud;

	if (m->rc || !m->collect || len <= 0)
		return;
	if (m->tlen + (size_t)len >= MAX_TEXT) {
		xml_fail(m, "a string longer than a cell holds (%d characters)",
			 DILIGO_XLSX_CELL_CHARS);
		return;
	}
	if (m->tlen + (size_t)len + 1 > m->tcap) {
		m->tcap = (m->tlen + (size_t)len + 1) * 2;
		m->text = xrealloc(m->text, m->tcap);
	}
	memcpy(m->text + m->tlen, s, (size_t)len);
	m->tlen += (size_t)len;
	m->text[m->tlen] = '\0';
}

static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
			       const XML_Char *pubid, int internal)
{
	(void)name, (void)sysid, (void)pubid, (void)internal;
	xml_fail(ud, "a DOCTYPE is not allowed in a workbook (entities are refused)");
}

static void XMLCALL on_entity(void *ud, const XML_Char *name, int param, const XML_Char *value,
			      int len, const XML_Char *base, const XML_Char *sysid,
			      const XML_Char *pubid, const XML_Char *notation)
{
	(void)name, (void)param, (void)value, (void)len, (void)base, (void)sysid, (void)pubid;
	(void)notation;
	xml_fail(ud, "XML entities are not allowed in a workbook");
}

static void text_reset(struct xml *m)
{
	m->tlen = 0;
	if (m->text)
		m->text[0] = '\0';
}

/* Inflate member name into an XML parser with these handlers. Returns 0,
 * or ERR_INPUT with e set. A missing member is an error only if required
 * (returns 1 when missing and not required). */
static int parse_member(struct xlsx *x, const char *name, bool required, xml_start start,
			xml_end end, void *ud, struct err *e)
{
	const struct member *mb = find_member(x, name);
	struct xml m = { .x = x, .e = e, .start = start, .end = end, .ud = ud };
	char *chunk;
	uint64_t out = 0;
	int n, rc = 0;

	if (!mb) {
		if (required)
			return fail(x, e, NULL, 0, "the workbook has no part '%.200s'", name);
		return 1;
	}
	m.part = mb->name;
	if (mb->usize > DILIGO_XLSX_MAX_PART)
		return fail(x, e, mb->name, 0, "the member inflates to %llu bytes, more than %d MiB",
			    (unsigned long long)mb->usize, DILIGO_XLSX_MAX_PART / (1024 * 1024));
	if (unzGoToFilePos64(x->zip, &mb->pos) != UNZ_OK || unzOpenCurrentFile(x->zip) != UNZ_OK)
		return fail(x, e, mb->name, 0, "damaged zip member");
	m.p = XML_ParserCreate("UTF-8");
	if (!m.p)
		abort();
	XML_SetUserData(m.p, &m);
	XML_SetElementHandler(m.p, on_start, on_end);
	XML_SetCharacterDataHandler(m.p, on_text);
	XML_SetStartDoctypeDeclHandler(m.p, on_doctype);
	XML_SetEntityDeclHandler(m.p, on_entity);
	XML_SetParamEntityParsing(m.p, XML_PARAM_ENTITY_PARSING_NEVER);
	chunk = xmalloc(CHUNK);
	while (!m.done && (n = unzReadCurrentFile(x->zip, chunk, CHUNK)) > 0) {
		out += (uint64_t)n;
		x->inflated += (size_t)n;
		if (out > DILIGO_XLSX_MAX_PART) {
			rc = fail(x, e, mb->name, 0, "the member inflates to more than %d MiB",
				  DILIGO_XLSX_MAX_PART / (1024 * 1024));
			break;
		}
		if (out > 1024 * 1024 && out > (uint64_t)DILIGO_XLSX_MAX_RATIO * (mb->csize + 1)) {
			rc = fail(x, e, mb->name, 0, "the member inflates more than %d times its "
						     "compressed size (a zip bomb?)",
				  DILIGO_XLSX_MAX_RATIO);
			break;
		}
		if (x->inflated > DILIGO_XLSX_MAX_TOTAL) {
			rc = fail(x, e, mb->name, 0, "the workbook inflates to more than %d MiB",
				  DILIGO_XLSX_MAX_TOTAL / (1024 * 1024));
			break;
		}
		if (XML_Parse(m.p, chunk, n, 0) != XML_STATUS_OK)
			break;
	}
	if (m.done && !m.rc) { /* stopped on purpose: neither the rest nor its checksum */
		unzCloseCurrentFile(x->zip);
		free(chunk);
		free(m.text);
		XML_ParserFree(m.p);
		return 0;
	}
	if (!rc && !m.rc && n < 0)
		rc = fail(x, e, mb->name, 0, "damaged zip member (%s)",
			  n == UNZ_CRCERROR ? "checksum mismatch" : "it cannot be inflated");
	if (!rc && !m.rc && n == 0 && XML_Parse(m.p, chunk, 0, 1) != XML_STATUS_OK && !m.rc) {
		char where[128];
		unsigned long line = (unsigned long)XML_GetCurrentLineNumber(m.p);

		snprintf(where, sizeof where, "%s:%lu:%lu", mb->name, line,
			 (unsigned long)XML_GetCurrentColumnNumber(m.p) + 1);
		rc = fail(x, e, where, (int)line, "malformed XML (%s)",
			  XML_ErrorString(XML_GetErrorCode(m.p)));
	}
	if (!rc && !m.rc && n > 0) { /* XML_Parse failed mid-stream */
		char where[128];
		unsigned long line = (unsigned long)XML_GetCurrentLineNumber(m.p);

		snprintf(where, sizeof where, "%s:%lu:%lu", mb->name, line,
			 (unsigned long)XML_GetCurrentColumnNumber(m.p) + 1);
		rc = fail(x, e, where, (int)line, "malformed XML (%s)",
			  XML_ErrorString(XML_GetErrorCode(m.p)));
	}
	if (unzCloseCurrentFile(x->zip) == UNZ_CRCERROR && !rc && !m.rc)
		rc = fail(x, e, mb->name, 0, "damaged zip member (checksum mismatch)");
	free(chunk);
	free(m.text);
	XML_ParserFree(m.p);
	return rc ? rc : m.rc;
}

/* ---- relationships ------------------------------------------------------ */

struct rels {
	const char *base; /* directory of the source part, with its slash */
	struct rel *v;
	int n;
	size_t cap;
	bool bad; /* a target leads out of the package */
	const char *bad_target;
};

static int hexval(int c)
{
	return isdigit(c) ? c - '0' : isxdigit(c) ? (tolower(c) - 'a' + 10) : -1;
}

/* base + target, percent-decoded, "." and ".." resolved; NULL when it leads
 * out of the package. */
static const char *resolve_target(struct arena *a, const char *base, const char *target)
{
	size_t n = strlen(base) + strlen(target) + 1;
	char *joined = arena_alloc(a, n + 1), *out = arena_alloc(a, n + 1);
	size_t k = 0, o = 0;

	if (target[0] == '/')
		snprintf(joined, n + 1, "%s", target + 1);
	else
		snprintf(joined, n + 1, "%s%s", base, target);
	/* percent-decoding */
	for (size_t i = 0; joined[i]; i++) {
		if (joined[i] == '%' && hexval((unsigned char)joined[i + 1]) >= 0 &&
		    hexval((unsigned char)joined[i + 2]) >= 0) {
			joined[k++] = (char)(hexval((unsigned char)joined[i + 1]) * 16 +
					     hexval((unsigned char)joined[i + 2]));
			i += 2;
		} else {
			joined[k++] = joined[i];
		}
	}
	joined[k] = '\0';
	/* segments */
	for (char *seg = joined; seg && *seg;) {
		char *slash = strchr(seg, '/');
		size_t len = slash ? (size_t)(slash - seg) : strlen(seg);

		if (len == 0 || (len == 1 && seg[0] == '.')) {
			/* nothing */
		} else if (len == 2 && seg[0] == '.' && seg[1] == '.') {
			if (!o)
				return NULL;
			while (o && out[o - 1] != '/')
				o--;
			if (o)
				o--; /* the slash */
			while (o && out[o - 1] != '/')
				o--;
		} else {
			memcpy(out + o, seg, len);
			o += len;
			if (slash)
				out[o++] = '/';
		}
		seg = slash ? slash + 1 : NULL;
	}
	out[o] = '\0';
	return out;
}

static void rels_start(struct xml *m, const char *el, const char **atts)
{
	struct rels *r = m->ud;
	const char *id = attr(atts, "Id"), *type = attr(atts, "Type"),
		   *target = attr(atts, "Target"), *mode = attr(atts, "TargetMode");
	const char *resolved;

	if (strcmp(el, "Relationship") || !id || !type || !target ||
	    (mode && !strcmp(mode, "External")))
		return;
	if (r->n == DILIGO_XLSX_MAX_ENTRIES) {
		xml_fail(m, "more than %d relationships", DILIGO_XLSX_MAX_ENTRIES);
		return;
	}
	resolved = resolve_target(m->x->arena, r->base, target);
	if (!resolved) {
		xml_fail(m, "relationship target '%.200s' leads out of the package", target);
		return;
	}
	GROW(r->v, r->n + 1, r->cap);
	r->v[r->n].id = arena_strdup(m->x->arena, id);
	r->v[r->n].type = arena_strdup(m->x->arena, type);
	r->v[r->n].target = resolved;
	r->n++;
}

/* The relationships of part (its _rels/NAME.rels), into r (heap array). */
static int read_rels(struct xlsx *x, const char *part, struct rels *r, struct err *e)
{
	const char *slash = strrchr(part, '/');
	size_t dir = slash ? (size_t)(slash - part) + 1 : 0;
	char *base = arena_strndup(x->arena, part, dir);
	char *name = arena_printf(x->arena, "%s_rels/%s.rels", base, part + dir);
	int rc;

	memset(r, 0, sizeof *r);
	r->base = base;
	rc = parse_member(x, name, false, rels_start, NULL, r, e);
	if (rc < 0) {
		free(r->v);
		r->v = NULL;
		r->n = 0;
		return rc;
	}
	return 0;
}

/* The target of the first relationship whose type ends with "/suffix". */
static const char *rel_by_type(const struct rels *r, const char *suffix)
{
	size_t n = strlen(suffix);

	for (int i = 0; i < r->n; i++) {
		size_t t = strlen(r->v[i].type);

		if (t > n && r->v[i].type[t - n - 1] == '/' && !strcmp(r->v[i].type + t - n, suffix))
			return r->v[i].target;
	}
	return NULL;
}

static const char *rel_by_id(const struct rels *r, const char *id)
{
	for (int i = 0; i < r->n; i++)
		if (!strcmp(r->v[i].id, id))
			return r->v[i].target;
	return NULL;
}

/* ---- workbook part ------------------------------------------------------ */

struct wb_sheet {
	const char *name, *rid;
	enum xlsx_state state;
};

struct wb {
	struct wb_sheet *v;
	int n;
	size_t cap;
};

static bool truthy(const char *v)
{
	return v && (!strcmp(v, "1") || !strcmp(v, "true"));
}

static void wb_start(struct xml *m, const char *el, const char **atts)
{
	struct wb *w = m->ud;

	if (!strcmp(el, "workbookPr")) {
		m->x->date1904 = truthy(attr(atts, "date1904"));
	} else if (!strcmp(el, "sheet")) {
		const char *name = attr(atts, "name"), *rid = attr(atts, "id"),
			   *state = attr(atts, "state");

		if (!name || !rid) {
			xml_fail(m, "a sheet without a name or relationship id");
			return;
		}
		if (w->n == DILIGO_XLSX_MAX_SHEETS) {
			xml_fail(m, "more than %d sheets", DILIGO_XLSX_MAX_SHEETS);
			return;
		}
		GROW(w->v, w->n + 1, w->cap);
		w->v[w->n].name = arena_strdup(m->x->arena, name);
		w->v[w->n].rid = arena_strdup(m->x->arena, rid);
		w->v[w->n].state = !state || !strcmp(state, "visible") ? XLSX_VISIBLE
				   : !strcmp(state, "veryHidden")	  ? XLSX_VERY_HIDDEN
									  : XLSX_HIDDEN;
		w->n++;
	}
}

/* ---- shared strings ----------------------------------------------------- */

struct sst {
	int in_si, in_t, in_rph;
};

/* Decode the _xHHHH_ escapes of OOXML strings in place (a character of the
 * BMP other than NUL and surrogates; other escapes stay as written). */
static void unescape(char *s)
{
	char *o = s;

	for (char *p = s; *p;) {
		unsigned v = 0;
		bool ok = p[0] == '_' && p[1] == 'x' && p[6] == '_';

		for (int i = 2; ok && i < 6; i++) {
			int h = hexval((unsigned char)p[i]);

			ok = h >= 0;
			v = v * 16 + (unsigned)(h < 0 ? 0 : h);
		}
		if (ok && v && (v < 0xD800 || v > 0xDFFF)) {
			if (v < 0x80) {
				*o++ = (char)v;
			} else if (v < 0x800) {
				*o++ = (char)(0xC0 | (v >> 6));
				*o++ = (char)(0x80 | (v & 0x3F));
			} else {
				*o++ = (char)(0xE0 | (v >> 12));
				*o++ = (char)(0x80 | ((v >> 6) & 0x3F));
				*o++ = (char)(0x80 | (v & 0x3F));
			}
			p += 7;
		} else {
			*o++ = *p++;
		}
	}
	*o = '\0';
}

static const char *keep_text(struct xml *m)
{
	char *s = arena_strndup(m->x->arena, m->text ? m->text : "", m->tlen);

	if (strchr(s, '_'))
		unescape(s);
	return s;
}

static void sst_start(struct xml *m, const char *el, const char **atts)
{
	struct sst *s = m->ud;

	(void)atts;
	if (!strcmp(el, "si")) {
		s->in_si = 1;
		text_reset(m);
	} else if (!strcmp(el, "rPh")) {
		s->in_rph++;
	} else if (!strcmp(el, "t") && s->in_si) {
		s->in_t = 1;
	}
	m->collect = s->in_si && s->in_t && !s->in_rph;
}

static void sst_end(struct xml *m, const char *el)
{
	struct sst *s = m->ud;
	struct xlsx *x = m->x;

	if (!strcmp(el, "t")) {
		s->in_t = 0;
	} else if (!strcmp(el, "rPh")) {
		s->in_rph--;
	} else if (!strcmp(el, "si") && s->in_si) {
		s->in_si = 0;
		if (x->nstrings == DILIGO_XLSX_MAX_STRINGS) {
			xml_fail(m, "more than %d shared strings", DILIGO_XLSX_MAX_STRINGS);
			return;
		}
		GROW(x->strings, x->nstrings + 1, x->capstrings);
		x->strings[x->nstrings++] = keep_text(m);
		if (x->nstrings >= x->sst_want) { /* enough: the rest is not read */
			m->done = true;
			XML_StopParser(m->p, XML_FALSE);
		}
	}
	m->collect = s->in_si && s->in_t && !s->in_rph;
}

/* The first want shared strings (fewer if the table is shorter), read from
 * the start of the table when more are wanted than were read. */
static int read_strings(struct xlsx *x, int want, struct err *e)
{
	struct sst sst = { 0 };
	int rc;

	if (want <= x->nstrings || x->sst_all || !x->sst_part)
		return 0;
	x->nstrings = 0;
	x->sst_want = want;
	rc = parse_member(x, x->sst_part, false, sst_start, sst_end, &sst, e);
	if (rc < 0)
		return rc;
	x->sst_all = x->nstrings < want; /* it ended before want */
	return 0;
}

/* ---- styles: which cell styles are dates or percentages ----------------- */

struct fmt {
	int id;
	unsigned flags;
	int order; /* in the file */
};

struct styles {
	struct fmt *fmts;
	int nfmts;
	size_t capfmts;
	int *xf; /* numFmtId of each cellXfs entry */
	int nxf;
	size_t capxf;
	int in_xfs;
};

/* A format code's flags: what is left after quoted text, escapes and
 * bracketed sections ([Red], [$-409]) holds d, m, y, h or s (a date or
 * time), or % (a percentage). */
static unsigned code_flags(const char *code)
{
	unsigned f = 0;

	for (const char *p = code; *p; p++) {
		if (*p == '"') {
			const char *q = strchr(p + 1, '"');

			if (!q)
				break;
			p = q;
		} else if (*p == '\\' || *p == '_' || *p == '*') {
			if (!p[1])
				break;
			p++;
		} else if (*p == '[') {
			const char *q = strchr(p, ']');

			if (!q)
				break;
			/* elapsed time [h], [mm], [ss] is a time */
			if (q - p >= 2 && strchr("hHmMsS", p[1]) && strspn(p + 1, "hHmMsS") ==
									  (size_t)(q - p - 1))
				f |= XLSX_FMT_DATE;
			p = q;
		} else if (*p == '%') {
			f |= XLSX_FMT_PERCENT;
		} else if (strchr("dDmMyYhHsS", *p)) {
			f |= XLSX_FMT_DATE;
		} else if (*p == ';') {
			break; /* the first section decides */
		}
	}
	if (!strcasecmp(code, "General"))
		f = 0;
	return f;
}

/* Flags of the built-in number formats (ECMA-376 18.8.30, and the ids East
 * Asian versions of Excel use for dates). */
static unsigned builtin_flags(int id)
{
	if (id == 9 || id == 10)
		return XLSX_FMT_PERCENT;
	if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
	    (id >= 50 && id <= 58) || (id >= 71 && id <= 81))
		return XLSX_FMT_DATE;
	return 0;
}

static void styles_start(struct xml *m, const char *el, const char **atts)
{
	struct styles *s = m->ud;
	const char *id = attr(atts, "numFmtId");

	if (!strcmp(el, "cellXfs")) {
		s->in_xfs = 1;
	} else if (!strcmp(el, "numFmt") && id && attr(atts, "formatCode")) {
		if (s->nfmts == DILIGO_XLSX_MAX_STRINGS) {
			xml_fail(m, "more than %d number formats", DILIGO_XLSX_MAX_STRINGS);
			return;
		}
		GROW(s->fmts, s->nfmts + 1, s->capfmts);
		s->fmts[s->nfmts].id = atoi(id);
		s->fmts[s->nfmts].flags = code_flags(attr(atts, "formatCode"));
		s->nfmts++;
	} else if (!strcmp(el, "xf") && s->in_xfs) {
		if (s->nxf == DILIGO_XLSX_MAX_STRINGS) {
			xml_fail(m, "more than %d cell styles", DILIGO_XLSX_MAX_STRINGS);
			return;
		}
		GROW(s->xf, s->nxf + 1, s->capxf);
		s->xf[s->nxf++] = id ? atoi(id) : 0;
	}
}

static void styles_end(struct xml *m, const char *el)
{
	if (!strcmp(el, "cellXfs"))
		((struct styles *)m->ud)->in_xfs = 0;
}

static int cmp_fmt(const void *a, const void *b)
{
	const struct fmt *x = a, *y = b;

	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Each cell style's flags: its number format's, the last custom format of
 * that id (a custom format may redefine a built-in id) or the built-in one. */
static void style_flags(struct xlsx *x, struct styles *s)
{
	for (int k = 0; k < s->nfmts; k++)
		s->fmts[k].order = k;
	if (s->nfmts)
		qsort(s->fmts, (size_t)s->nfmts, sizeof *s->fmts, cmp_fmt);
	x->nxf = s->nxf;
	x->xf_fmt = arena_alloc(x->arena, (size_t)(s->nxf + 1) * sizeof *x->xf_fmt);
	for (int i = 0; i < s->nxf; i++) {
		unsigned f = builtin_flags(s->xf[i]);
		int lo = 0, hi = s->nfmts - 1, last = -1;

		while (lo <= hi) { /* the last entry with this id */
			int mid = lo + (hi - lo) / 2;

			if (s->fmts[mid].id <= s->xf[i]) {
				if (s->fmts[mid].id == s->xf[i])
					last = mid;
				lo = mid + 1;
			} else {
				hi = mid - 1;
			}
		}
		if (last >= 0)
			f = s->fmts[last].flags;
		x->xf_fmt[i] = f;
	}
}

/* ---- dates -------------------------------------------------------------- */

/* Days from 1970-01-01 of a civil date, and back (H. Hinnant's algorithms). */
static long days_from_civil(long y, unsigned m, unsigned d)
{
	long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
	long era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	*y = (long)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y += *m <= 2;
}

bool xlsx_serial_date(const struct xlsx *x, double serial, char out[11])
{
	long day, y;
	unsigned m, d;

	if (!isfinite(serial) || serial < (x->date1904 ? 0 : 1) || serial >= 2958466)
		return false;
	day = (long)floor(serial);
	if (x->date1904) {
		day += days_from_civil(1904, 1, 1);
	} else if (day == 60) {
		snprintf(out, 11, "1900-02-29"); /* Excel's, not the calendar's */
		return true;
	} else {
		day += days_from_civil(1899, 12, day < 60 ? 31 : 30);
	}
	civil_from_days(day, &y, &m, &d);
	if (y > 9999)
		return false;
	snprintf(out, 11, "%04ld-%02u-%02u", y, m, d);
	return true;
}

/* An ISO 8601 date (t="d" cells: "2024-03-01" or "2024-03-01T10:00:00") as
 * a serial day of x's date system; NAN when it is none. */
static double iso_serial(const struct xlsx *x, const char *s)
{
	int y, m, d, n = 0;
	long day;

	if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 || m < 1 || m > 12 ||
	    d < 1 || d > 31 || y < 1900)
		return NAN;
	day = days_from_civil(y, (unsigned)m, (unsigned)d);
	if (x->date1904)
		return (double)(day - days_from_civil(1904, 1, 1));
	day -= days_from_civil(1899, 12, 30);
	return (double)(day < 61 ? day - 1 : day);
}

/* ---- cell references ---------------------------------------------------- */

/* "AB12" -> row 11, col 27. false when malformed or beyond a sheet. */
static bool parse_ref(const char *s, int *row, int *col)
{
	long c = 0, r = 0;
	const char *p = s;

	while (isupper((unsigned char)*p) && c <= DILIGO_XLSX_COLS)
		c = c * 26 + (*p++ - 'A' + 1);
	if (p == s || !isdigit((unsigned char)*p))
		return false;
	while (isdigit((unsigned char)*p) && r <= DILIGO_XLSX_ROWS)
		r = r * 10 + (*p++ - '0');
	if (*p || c < 1 || c > DILIGO_XLSX_COLS || r < 1 || r > DILIGO_XLSX_ROWS)
		return false;
	*row = (int)r - 1;
	*col = (int)c - 1;
	return true;
}

const char *xlsx_ref(int row, int col, char out[16])
{
	char letters[8];
	int n = 0;

	for (int c = col + 1; c > 0 && n < 7; c = (c - 1) / 26)
		letters[n++] = (char)('A' + (c - 1) % 26);
	for (int i = 0; i < n; i++)
		out[i] = letters[n - 1 - i];
	snprintf(out + n, (size_t)(16 - n), "%d", row + 1);
	return out;
}

const char *xlsx_where(const struct xlsx_sheet *s, int row, int col, char *buf, size_t n)
{
	char ref[16];
	bool plain = true;

	for (const char *p = s->name; *p; p++)
		plain &= isalnum((unsigned char)*p) || *p == '_';
	xlsx_ref(row, col, ref);
	if (plain)
		snprintf(buf, n, "%s!%s", s->name, ref);
	else
		snprintf(buf, n, "'%s'!%s", s->name, ref);
	return buf;
}

/* ---- worksheets --------------------------------------------------------- */

struct ws {
	struct xlsx_cell *cells;
	int n;
	size_t cap;
	int row, col; /* of the current (or last) row and cell */
	bool in_c, in_v, in_is, in_t;
	int in_rph; /* inside phonetic runs, left out */
	bool has_v; /* the cell has a value (<v> or <is>) */
	int style;
	int want; /* shared strings the cells refer to: 1 + the highest index */
	enum ctype { CT_NUMBER, CT_SHARED, CT_STR, CT_INLINE, CT_BOOL, CT_ERROR, CT_DATE } type;
};

/* A cell's t attribute (absent: a number; unknown: read as a number if it
 * is one, else as text). */
static enum ctype cell_type(const char *t)
{
	if (!t)
		return CT_NUMBER;
	if (!strcmp(t, "s"))
		return CT_SHARED;
	if (!strcmp(t, "str"))
		return CT_STR;
	if (!strcmp(t, "inlineStr"))
		return CT_INLINE;
	if (!strcmp(t, "b"))
		return CT_BOOL;
	if (!strcmp(t, "e"))
		return CT_ERROR;
	if (!strcmp(t, "d"))
		return CT_DATE;
	return CT_NUMBER;
}

static void ws_start(struct xml *m, const char *el, const char **atts)
{
	struct ws *w = m->ud;
	const char *r;

	if (!strcmp(el, "row")) {
		int row = w->row + 1;

		if ((r = attr(atts, "r"))) {
			char *end;
			long v = strtol(r, &end, 10);

			if (*end || v < 1 || v > DILIGO_XLSX_ROWS) {
				xml_fail(m, "row number '%.40s' is not one of a sheet", r);
				return;
			}
			row = (int)v - 1;
		} else if (row >= DILIGO_XLSX_ROWS) {
			xml_fail(m, "more rows than a sheet holds");
			return;
		}
		w->row = row;
		w->col = -1;
	} else if (el[0] == 'c' && !el[1]) {
		const char *t = NULL, *s = NULL;

		r = NULL;
		for (int i = 0; atts[i]; i += 2) { /* r, t and s in one pass */
			const char *a = local(atts[i]);

			if (a[0] && !a[1]) {
				if (a[0] == 'r')
					r = atts[i + 1];
				else if (a[0] == 't')
					t = atts[i + 1];
				else if (a[0] == 's')
					s = atts[i + 1];
			}
		}
		if (r) {
			if (!parse_ref(r, &w->row, &w->col)) {
				xml_fail(m, "cell reference '%.40s' is not one of a sheet", r);
				return;
			}
		} else {
			if (w->row < 0)
				w->row = 0;
			if (++w->col >= DILIGO_XLSX_COLS) {
				xml_fail(m, "more cells in a row than a sheet holds");
				return;
			}
		}
		w->type = cell_type(t);
		w->style = s ? atoi(s) : 0;
		w->in_c = true;
		w->has_v = false;
		text_reset(m);
	} else if (w->in_c && el[0] == 'v' && !el[1]) {
		w->in_v = true;
		w->has_v = true;
		text_reset(m);
	} else if (w->in_c && !strcmp(el, "is")) {
		w->in_is = true;
		w->has_v = true;
		text_reset(m);
	} else if (w->in_is && !strcmp(el, "rPh")) {
		w->in_rph++;
	} else if (w->in_is && !strcmp(el, "t")) {
		w->in_t = true;
	}
	m->collect = w->in_v || (w->in_is && w->in_t && !w->in_rph);
}

static void add_cell(struct xml *m, struct ws *w)
{
	struct xlsx *x = m->x;
	struct xlsx_cell *c;
	char *end;

	if (x->ncells == DILIGO_XLSX_MAX_CELLS) {
		xml_fail(m, "more than %d cells", DILIGO_XLSX_MAX_CELLS);
		return;
	}
	GROW(w->cells, w->n + 1, w->cap);
	c = &w->cells[w->n];
	memset(c, 0, sizeof *c);
	c->row = w->row;
	c->col = w->col;
	switch (w->type) {
	case CT_SHARED: { /* the text is looked up once the sheet is read */
		long i = strtol(m->text ? m->text : "", &end, 10);

		if (!m->tlen || *end || i < 0) {
			xml_fail(m, "cell %s refers to shared string '%.20s'",
				 xlsx_ref(w->row, w->col, (char[16]){ 0 }), m->text ? m->text : "");
			return;
		}
		if (i >= DILIGO_XLSX_MAX_STRINGS) {
			xml_fail(m, "cell %s refers to shared string %ld: more than %d shared strings",
				 xlsx_ref(w->row, w->col, (char[16]){ 0 }), i, DILIGO_XLSX_MAX_STRINGS);
			return;
		}
		c->type = XLSX_STRING;
		c->text = NULL;
		c->num = (double)i;
		if (i + 1 > w->want)
			w->want = (int)i + 1;
		break;
	}
	case CT_INLINE:
	case CT_STR:
		c->type = XLSX_STRING;
		c->text = keep_text(m);
		break;
	case CT_BOOL:
		c->type = XLSX_BOOL;
		c->num = m->tlen && m->text[0] == '1';
		c->text = c->num ? "TRUE" : "FALSE";
		break;
	case CT_ERROR:
		c->type = XLSX_ERROR;
		c->text = keep_text(m);
		break;
	case CT_DATE:
		c->num = iso_serial(x, m->text ? m->text : "");
		c->text = keep_text(m);
		if (isnan(c->num)) {
			c->type = XLSX_STRING;
		} else {
			c->type = XLSX_NUMBER;
			c->fmt = XLSX_FMT_DATE;
		}
		break;
	case CT_NUMBER: { /* also a type this reader does not know: a number if it is one */
		double v = m->tlen ? strtod(m->text, &end) : NAN;

		c->text = keep_text(m);
		if (m->tlen && !*end && isfinite(v) && !strchr(m->text, 'x') &&
		    !strchr(m->text, 'X')) {
			c->type = XLSX_NUMBER;
			c->num = v;
			if (w->style >= 0 && w->style < x->nxf)
				c->fmt = x->xf_fmt[w->style];
		} else {
			c->type = XLSX_STRING;
		}
		break;
	}
	}
	w->n++;
	x->ncells++;
}

static void ws_end(struct xml *m, const char *el)
{
	struct ws *w = m->ud;

	if (el[0] == 'c' && !el[1] && w->in_c) {
		if (w->has_v)
			add_cell(m, w);
		w->in_c = w->in_v = w->in_is = w->in_t = false;
		w->in_rph = 0;
	} else if (el[0] == 'v' && !el[1]) {
		w->in_v = false;
	} else if (!strcmp(el, "is")) {
		w->in_is = false;
	} else if (!strcmp(el, "t")) {
		w->in_t = false;
	} else if (!strcmp(el, "rPh") && w->in_rph) {
		w->in_rph--;
	} else if (!strcmp(el, "sheetData")) {
		/* the cells are all read; what follows (validations, formats) is
		 * not needed, and is most of a questionnaire's sheet */
		m->done = true;
		XML_StopParser(m->p, XML_FALSE);
	}
	m->collect = w->in_v || (w->in_is && w->in_t && !w->in_rph);
}

struct item {
	const struct xlsx_cell *c;
	int i; /* file order */
};

static int cmp_item(const void *a, const void *b)
{
	const struct item *x = a, *y = b;

	if (x->c->row != y->c->row)
		return x->c->row < y->c->row ? -1 : 1;
	if (x->c->col != y->c->col)
		return x->c->col < y->c->col ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* Sorted by position into the arena; of two cells at one position, the
 * later in the file is kept. */
static void finish_cells(struct xlsx *x, struct ws *w, struct xlsx_sheet *s)
{
	struct item *items = xreallocarray(NULL, (size_t)(w->n ? w->n : 1), sizeof *items);
	struct xlsx_cell *out = arena_alloc(x->arena, (size_t)(w->n ? w->n : 1) * sizeof *out);
	int n = 0;

	for (int i = 0; i < w->n; i++) {
		items[i].c = &w->cells[i];
		items[i].i = i;
	}
	qsort(items, (size_t)w->n, sizeof *items, cmp_item);
	for (int i = 0; i < w->n; i++) {
		if (n && out[n - 1].row == items[i].c->row && out[n - 1].col == items[i].c->col)
			n--; /* the later one replaces it */
		out[n++] = *items[i].c;
	}
	free(items);
	s->cells = out;
	s->ncells = n;
	for (int i = 0; i < n; i++) {
		if (out[i].row + 1 > s->nrows)
			s->nrows = out[i].row + 1;
		if (out[i].col + 1 > s->ncols)
			s->ncols = out[i].col + 1;
	}
	s->loaded = true;
}

/* The cells of sheet i, shared strings not yet looked up; *want raised to
 * what they need. */
static int read_cells(struct xlsx *x, int i, int *want, struct err *e)
{
	struct xlsx_sheet *s = &x->sheets[i];
	struct ws w = { .row = -1, .col = -1 };
	int rc;

	if (!x->sheet_part[i])
		return fail(x, e, NULL, 0, "sheet '%s' has no part in the workbook", s->name);
	rc = parse_member(x, x->sheet_part[i], true, ws_start, ws_end, &w, e);
	if (!rc)
		finish_cells(x, &w, s);
	free(w.cells);
	if (w.want > *want)
		*want = w.want;
	return rc;
}

/* Shared strings into the cells of sheet i that refer to them. */
static int resolve(struct xlsx *x, int i, struct err *e)
{
	struct xlsx_sheet *s = &x->sheets[i];
	struct xlsx_cell *c = (struct xlsx_cell *)s->cells;

	for (int k = 0; k < s->ncells; k++) {
		if (c[k].type != XLSX_STRING || c[k].text)
			continue;
		if ((int)c[k].num >= x->nstrings) {
			char ref[16];

			return fail(x, e, x->sheet_part[i], 0,
				    "cell %s refers to shared string %d of %d",
				    xlsx_ref(c[k].row, c[k].col, ref), (int)c[k].num, x->nstrings);
		}
		c[k].text = x->strings[(int)c[k].num];
		c[k].num = 0;
	}
	return 0;
}

int xlsx_load_sheets(struct xlsx *x, const int *which, int n, struct err *e)
{
	int want = 0, rc = 0;

	for (int k = 0; k < n && !rc; k++)
		if (!x->sheets[which[k]].loaded)
			rc = read_cells(x, which[k], &want, e);
	if (!rc)
		rc = read_strings(x, want, e);
	for (int k = 0; k < n && !rc; k++)
		rc = resolve(x, which[k], e);
	return rc;
}

int xlsx_load_sheet(struct xlsx *x, int i, const struct xlsx_sheet **out, struct err *e)
{
	*out = &x->sheets[i];
	return xlsx_load_sheets(x, &i, 1, e);
}

const struct xlsx_cell *xlsx_row(const struct xlsx_sheet *s, int row, int *n)
{
	int lo = 0, hi = s->ncells; /* the first cell at or after row */

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;

		if (s->cells[mid].row < row)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (*n = 0; lo + *n < s->ncells && s->cells[lo + *n].row == row; (*n)++)
		;
	return *n ? &s->cells[lo] : NULL;
}

const struct xlsx_cell *xlsx_cell(const struct xlsx_sheet *s, int row, int col)
{
	int lo = 0, hi = s->ncells - 1;

	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;
		const struct xlsx_cell *c = &s->cells[mid];

		if (c->row == row && c->col == col)
			return c;
		if (c->row < row || (c->row == row && c->col < col))
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

/* ---- the workbook ------------------------------------------------------- */

static int read_workbook(struct xlsx *x, struct err *e)
{
	struct rels top, wbr;
	struct wb w = { 0 };
	struct styles st = { 0 };
	const char *part, *p;
	int rc;

	if ((rc = read_rels(x, "", &top, e)))
		return rc;
	part = rel_by_type(&top, "officeDocument");
	free(top.v);
	if (!part)
		part = "xl/workbook.xml"; /* no package relationships: where Excel puts it */
	if (!find_member(x, part)) {
		if (find_member(x, "xl/workbook.bin"))
			return fail(x, e, NULL, 0, "a binary workbook (.xlsb) is not read: save it "
						   "as an Excel workbook (.xlsx)");
		if (find_member(x, "word/document.xml") || find_member(x, "ppt/presentation.xml") ||
		    find_member(x, "content.xml"))
			return fail(x, e, NULL, 0, "not a spreadsheet in Excel format (.xlsx)");
		return fail(x, e, NULL, 0, "not an Excel workbook: the zip archive has no "
					   "workbook part");
	}
	if (strlen(part) > 4 && !strcasecmp(part + strlen(part) - 4, ".bin"))
		return fail(x, e, NULL, 0, "a binary workbook (.xlsb) is not read: save it as an "
					   "Excel workbook (.xlsx)");
	if ((rc = read_rels(x, part, &wbr, e)))
		return rc;
	rc = parse_member(x, part, true, wb_start, NULL, &w, e);
	if (!rc) {
		x->nsheets = w.n;
		x->sheets = arena_alloc(x->arena, (size_t)(w.n + 1) * sizeof *x->sheets);
		x->sheet_part = arena_alloc(x->arena, (size_t)(w.n + 1) * sizeof *x->sheet_part);
		for (int i = 0; i < w.n; i++) {
			x->sheets[i].name = w.v[i].name;
			x->sheets[i].index = i;
			x->sheets[i].state = w.v[i].state;
			x->sheet_part[i] = rel_by_id(&wbr, w.v[i].rid);
		}
	}
	if (!rc && (p = rel_by_type(&wbr, "styles"))) {
		rc = parse_member(x, p, false, styles_start, styles_end, &st, e);
		rc = rc < 0 ? rc : 0;
		if (!rc)
			style_flags(x, &st);
	}
	if (!rc && (p = rel_by_type(&wbr, "sharedStrings")) && find_member(x, p))
		x->sst_part = p; /* read when cells need it */
	free(wbr.v);
	free(w.v);
	free(st.fmts);
	free(st.xf);
	return rc;
}

struct xlsx *xlsx_open(const char *name, const void *buf, size_t len, struct err *e)
{
	struct arena *a;
	struct xlsx *x;
	zlib_filefunc64_def io = { 0 };

	if (len >= 8 && !memcmp(buf, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
		err_set(e, ERR_INPUT, "an encrypted workbook or an old Excel 97-2003 file (.xls): "
				      "save it as an Excel workbook (.xlsx) without a password");
		snprintf(e->file, sizeof e->file, "%s", name);
		return NULL;
	}
	if (!xlsx_is_zip(buf, len)) {
		err_set(e, ERR_INPUT, "not an Excel workbook (.xlsx): it is not a zip archive");
		snprintf(e->file, sizeof e->file, "%s", name);
		return NULL;
	}
	a = arena_new();
	x = arena_alloc(a, sizeof *x);
	x->arena = a;
	x->name = arena_strdup(a, name);
	x->buf = buf;
	x->len = len;
	io.zopen64_file = mem_open;
	io.zread_file = mem_read;
	io.zwrite_file = mem_write;
	io.ztell64_file = mem_tell;
	io.zseek64_file = mem_seek;
	io.zclose_file = mem_close;
	io.zerror_file = mem_error;
	io.opaque = x;
	x->zip = unzOpen2_64(name, &io);
	if (!x->zip) {
		fail(x, e, NULL, 0, "damaged or truncated workbook: its zip directory cannot be "
				    "found");
		xlsx_close(x);
		return NULL;
	}
	if (read_directory(x, e) || read_workbook(x, e)) {
		xlsx_close(x);
		return NULL;
	}
	return x;
}

void xlsx_close(struct xlsx *x)
{
	if (!x)
		return;
	if (x->zip)
		unzClose(x->zip);
	free(x->strings);
	arena_free(x->arena);
}

int xlsx_nsheets(const struct xlsx *x)
{
	return x->nsheets;
}

const struct xlsx_sheet *xlsx_sheet(const struct xlsx *x, int i)
{
	return &x->sheets[i];
}

int xlsx_find_sheet(const struct xlsx *x, const char *name)
{
	for (int i = 0; i < x->nsheets; i++)
		if (!strcmp(x->sheets[i].name, name))
			return i;
	for (int i = 0; i < x->nsheets; i++)
		if (!strcasecmp(x->sheets[i].name, name))
			return i;
	return -1;
}

bool xlsx_date1904(const struct xlsx *x)
{
	return x->date1904;
}
