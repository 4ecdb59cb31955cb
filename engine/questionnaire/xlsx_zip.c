/* xlsx_zip.c: the zip layer of the workbook reader (see xlsx_read.h) — the
 * zip read from memory through minizip's I/O callbacks, its directory
 * (member count, unsafe paths, encryption, compression methods, duplicate
 * names), member lookup, and the XML driver: each member is inflated in
 * chunks straight into an expat parser, with the caps on a member's size,
 * its inflation ratio and the workbook's total checked as the bytes come,
 * and DOCTYPEs, entities and deep nesting refused. Errors for the whole
 * reader (xlsx_fail) are set here too. */
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
#include "xlsx_int.h"

enum { CHUNK = 16 * 1024, MAX_NAME = 1024, MAX_TEXT = DILIGO_XLSX_CELL_CHARS * 4 + 4 };

/* ---- errors ------------------------------------------------------------- */

__attribute__((format(printf, 5, 6)))
int xlsx_fail(struct xlsx *x, struct err *e, const char *part, int line, const char *fmt, ...)
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

/* x's zip, through the callbacks above. */
unzFile xlsx_unz_open(struct xlsx *x, const char *name)
{
	zlib_filefunc64_def io = { 0 };

	io.zopen64_file = mem_open;
	io.zread_file = mem_read;
	io.zwrite_file = mem_write;
	io.ztell64_file = mem_tell;
	io.zseek64_file = mem_seek;
	io.zclose_file = mem_close;
	io.zerror_file = mem_error;
	io.opaque = x;
	return unzOpen2_64(name, &io);
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

int xlsx_read_directory(struct xlsx *x, struct err *e)
{
	unz_global_info64 gi;
	char name[MAX_NAME];
	int rc;

	if (unzGetGlobalInfo64(x->zip, &gi) != UNZ_OK)
		return xlsx_fail(x, e, NULL, 0,
				 "damaged zip archive (its directory cannot be read)");
	if (gi.number_entry > DILIGO_XLSX_MAX_ENTRIES)
		return xlsx_fail(x, e, NULL, 0, "the zip archive has %llu members, more than %d",
			    (unsigned long long)gi.number_entry, DILIGO_XLSX_MAX_ENTRIES);
	x->members = arena_alloc(x->arena, (size_t)(gi.number_entry + 1) * sizeof *x->members);
	for (rc = unzGoToFirstFile(x->zip); rc == UNZ_OK; rc = unzGoToNextFile(x->zip)) {
		unz_file_info64 fi;
		struct member *m;

		if (x->nmembers == (int)gi.number_entry)
			return xlsx_fail(x, e, NULL, 0,
					 "damaged zip archive (more members than its "
					 "directory counts)");
		if (unzGetCurrentFileInfo64(x->zip, &fi, name, sizeof name, NULL, 0, NULL, 0) !=
		    UNZ_OK)
			return xlsx_fail(x, e, NULL, 0,
					 "damaged zip archive (a member cannot be read)");
		if (fi.size_filename >= sizeof name)
			return xlsx_fail(x, e, NULL, 0,
					 "a zip member's name is longer than %d bytes",
					 MAX_NAME - 1);
		if (strlen(name) != fi.size_filename || unsafe_name(name))
			return xlsx_fail(x, e, NULL, 0, "unsafe path in the zip archive: '%.200s'",
					 name);
		if (fi.flag & 1)
			return xlsx_fail(x, e, name, 0,
					 "the member is encrypted: save the workbook "
					 "without a password");
		if (fi.compression_method != 0 && fi.compression_method != Z_DEFLATED)
			return xlsx_fail(x, e, name, 0, "unsupported zip compression method %lu",
				    (unsigned long)fi.compression_method);
		m = &x->members[x->nmembers++];
		m->name = arena_strdup(x->arena, name);
		m->csize = fi.compressed_size;
		m->usize = fi.uncompressed_size;
		if (unzGetFilePos64(x->zip, &m->pos) != UNZ_OK)
			return xlsx_fail(x, e, name, 0, "damaged zip archive");
	}
	if (rc != UNZ_END_OF_LIST_OF_FILE)
		return xlsx_fail(x, e, NULL, 0, "damaged zip archive (its directory ends early)");
	qsort(x->members, (size_t)x->nmembers, sizeof *x->members, cmp_member);
	for (int i = 1; i < x->nmembers; i++)
		if (!strcasecmp(x->members[i - 1].name, x->members[i].name))
			return xlsx_fail(x, e, NULL, 0, "the zip archive holds '%.200s' twice",
				    x->members[i].name);
	return 0;
}

/* Part names are compared without letter case (Open Packaging Conventions). */
const struct member *xlsx_find_member(const struct xlsx *x, const char *name)
{
	struct member key = { .name = name };

	if (!x->nmembers)
		return NULL;
	return bsearch(&key, x->members, (size_t)x->nmembers, sizeof key, cmp_member);
}

/* ---- XML ---------------------------------------------------------------- */

const char *xlsx_local(const char *name)
{
	const char *c = strrchr(name, ':');

	return c ? c + 1 : name;
}

/* The attribute with this local name ("r:id" answers "id"), or NULL. */
const char *xlsx_attr(const char **atts, const char *name)
{
	for (int i = 0; atts[i]; i += 2)
		if (!strcmp(xlsx_local(atts[i]), name))
			return atts[i + 1];
	return NULL;
}

__attribute__((format(printf, 2, 3)))
void xlsx_xml_fail(struct xml *m, const char *fmt, ...)
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
	m->rc = xlsx_fail(m->x, m->e, where, (int)XML_GetCurrentLineNumber(m->p), "%s", msg);
	XML_StopParser(m->p, XML_FALSE);
}

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xml *m = ud;

	if (m->rc)
		return;
	if (++m->depth > DILIGO_XLSX_MAX_XML_DEPTH) {
		xlsx_xml_fail(m, "XML nested deeper than %d elements", DILIGO_XLSX_MAX_XML_DEPTH);
		return;
	}
	m->start(m, xlsx_local(name), atts);
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
	struct xml *m = ud;

	if (m->rc)
		return;
	m->depth--;
	if (m->end)
		m->end(m, xlsx_local(name));
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
	struct xml *m = ud;

	if (m->rc || !m->collect || len <= 0)
		return;
	if (m->tlen + (size_t)len >= MAX_TEXT) {
		xlsx_xml_fail(m, "a string longer than a cell holds (%d characters)",
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
	xlsx_xml_fail(ud, "a DOCTYPE is not allowed in a workbook (entities are refused)");
}

static void XMLCALL on_entity(void *ud, const XML_Char *name, int param, const XML_Char *value,
			      int len, const XML_Char *base, const XML_Char *sysid,
			      const XML_Char *pubid, const XML_Char *notation)
{
	(void)name, (void)param, (void)value, (void)len, (void)base, (void)sysid, (void)pubid;
	(void)notation;
	xlsx_xml_fail(ud, "XML entities are not allowed in a workbook");
}

void xlsx_text_reset(struct xml *m)
{
	m->tlen = 0;
	if (m->text)
		m->text[0] = '\0';
}

/* Inflate member name into an XML parser with these handlers. Returns 0,
 * or ERR_INPUT with e set. A missing member is an error only if required
 * (returns 1 when missing and not required). */
int xlsx_parse_member(struct xlsx *x, const char *name, bool required, xml_start start,
		      xml_end end, void *ud, struct err *e)
{
	const struct member *mb = xlsx_find_member(x, name);
	struct xml m = { .x = x, .e = e, .start = start, .end = end, .ud = ud };
	char *chunk;
	uint64_t out = 0;
	int n, rc = 0;

	if (!mb) {
		if (required)
			return xlsx_fail(x, e, NULL, 0, "the workbook has no part '%.200s'", name);
		return 1;
	}
	m.part = mb->name;
	if (mb->usize > DILIGO_XLSX_MAX_PART)
		return xlsx_fail(
			x, e, mb->name, 0, "the member inflates to %llu bytes, more than %d MiB",
			(unsigned long long)mb->usize, DILIGO_XLSX_MAX_PART / (1024 * 1024));
	if (unzGoToFilePos64(x->zip, &mb->pos) != UNZ_OK || unzOpenCurrentFile(x->zip) != UNZ_OK)
		return xlsx_fail(x, e, mb->name, 0, "damaged zip member");
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
			rc = xlsx_fail(x, e, mb->name, 0, "the member inflates to more than %d MiB",
				  DILIGO_XLSX_MAX_PART / (1024 * 1024));
			break;
		}
		if (out > 1024 * 1024 && out > (uint64_t)DILIGO_XLSX_MAX_RATIO * (mb->csize + 1)) {
			rc = xlsx_fail(x, e, mb->name, 0,
				       "the member inflates more than %d times its "
				       "compressed size (a zip bomb?)",
				       DILIGO_XLSX_MAX_RATIO);
			break;
		}
		if (x->inflated > DILIGO_XLSX_MAX_TOTAL) {
			rc = xlsx_fail(x, e, mb->name, 0,
				       "the workbook inflates to more than %d MiB",
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
		rc = xlsx_fail(x, e, mb->name, 0, "damaged zip member (%s)",
			  n == UNZ_CRCERROR ? "checksum mismatch" : "it cannot be inflated");
	if (!rc && !m.rc && n == 0 && XML_Parse(m.p, chunk, 0, 1) != XML_STATUS_OK && !m.rc) {
		char where[128];
		unsigned long line = (unsigned long)XML_GetCurrentLineNumber(m.p);

		snprintf(where, sizeof where, "%s:%lu:%lu", mb->name, line,
			 (unsigned long)XML_GetCurrentColumnNumber(m.p) + 1);
		rc = xlsx_fail(x, e, where, (int)line, "malformed XML (%s)",
			  XML_ErrorString(XML_GetErrorCode(m.p)));
	}
	if (!rc && !m.rc && n > 0) { /* XML_Parse failed mid-stream */
		char where[128];
		unsigned long line = (unsigned long)XML_GetCurrentLineNumber(m.p);

		snprintf(where, sizeof where, "%s:%lu:%lu", mb->name, line,
			 (unsigned long)XML_GetCurrentColumnNumber(m.p) + 1);
		rc = xlsx_fail(x, e, where, (int)line, "malformed XML (%s)",
			  XML_ErrorString(XML_GetErrorCode(m.p)));
	}
	if (unzCloseCurrentFile(x->zip) == UNZ_CRCERROR && !rc && !m.rc)
		rc = xlsx_fail(x, e, mb->name, 0, "damaged zip member (checksum mismatch)");
	free(chunk);
	free(m.text);
	XML_ParserFree(m.p);
	return rc ? rc : m.rc;
}
