/* xlsx_parts.c: the XML parts of a workbook other than its sheets (see
 * xlsx_read.h) — relationships (targets resolved within the package), the
 * workbook part (sheets, their visibility, the date system), shared strings
 * (read lazily, as far as the cells need), styles (which cell styles are
 * dates or percentages) and the dates of both date systems. */
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
	const char *id = xlsx_attr(atts, "Id"), *type = xlsx_attr(atts, "Type"),
		   *target = xlsx_attr(atts, "Target"), *mode = xlsx_attr(atts, "TargetMode");
	const char *resolved;

	if (strcmp(el, "Relationship") || !id || !type || !target ||
	    (mode && !strcmp(mode, "External")))
		return;
	if (r->n == DILIGO_XLSX_MAX_ENTRIES) {
		xlsx_xml_fail(m, "more than %d relationships", DILIGO_XLSX_MAX_ENTRIES);
		return;
	}
	resolved = resolve_target(m->x->arena, r->base, target);
	if (!resolved) {
		xlsx_xml_fail(m, "relationship target '%.200s' leads out of the package", target);
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
	rc = xlsx_parse_member(x, name, false, rels_start, NULL, r, e);
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
		m->x->date1904 = truthy(xlsx_attr(atts, "date1904"));
	} else if (!strcmp(el, "sheet")) {
		const char *name = xlsx_attr(atts, "name"), *rid = xlsx_attr(atts, "id"),
			   *state = xlsx_attr(atts, "state");

		if (!name || !rid) {
			xlsx_xml_fail(m, "a sheet without a name or relationship id");
			return;
		}
		if (w->n == DILIGO_XLSX_MAX_SHEETS) {
			xlsx_xml_fail(m, "more than %d sheets", DILIGO_XLSX_MAX_SHEETS);
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

const char *xlsx_keep_text(struct xml *m)
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
		xlsx_text_reset(m);
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
			xlsx_xml_fail(m, "more than %d shared strings", DILIGO_XLSX_MAX_STRINGS);
			return;
		}
		GROW(x->strings, x->nstrings + 1, x->capstrings);
		x->strings[x->nstrings++] = xlsx_keep_text(m);
		if (x->nstrings >= x->sst_want) { /* enough: the rest is not read */
			m->done = true;
			XML_StopParser(m->p, XML_FALSE);
		}
	}
	m->collect = s->in_si && s->in_t && !s->in_rph;
}

/* The first want shared strings (fewer if the table is shorter), read from
 * the start of the table when more are wanted than were read. */
int xlsx_read_strings(struct xlsx *x, int want, struct err *e)
{
	struct sst sst = { 0 };
	int rc;

	if (want <= x->nstrings || x->sst_all || !x->sst_part)
		return 0;
	x->nstrings = 0;
	x->sst_want = want;
	rc = xlsx_parse_member(x, x->sst_part, false, sst_start, sst_end, &sst, e);
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
	const char *id = xlsx_attr(atts, "numFmtId");

	if (!strcmp(el, "cellXfs")) {
		s->in_xfs = 1;
	} else if (!strcmp(el, "numFmt") && id && xlsx_attr(atts, "formatCode")) {
		if (s->nfmts == DILIGO_XLSX_MAX_STRINGS) {
			xlsx_xml_fail(m, "more than %d number formats", DILIGO_XLSX_MAX_STRINGS);
			return;
		}
		GROW(s->fmts, s->nfmts + 1, s->capfmts);
		s->fmts[s->nfmts].id = atoi(id);
		s->fmts[s->nfmts].flags = code_flags(xlsx_attr(atts, "formatCode"));
		s->nfmts++;
	} else if (!strcmp(el, "xf") && s->in_xfs) {
		if (s->nxf == DILIGO_XLSX_MAX_STRINGS) {
			xlsx_xml_fail(m, "more than %d cell styles", DILIGO_XLSX_MAX_STRINGS);
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
double xlsx_iso_serial(const struct xlsx *x, const char *s)
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

/* ---- the workbook ------------------------------------------------------- */

int xlsx_read_workbook(struct xlsx *x, struct err *e)
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
	if (!xlsx_find_member(x, part)) {
		if (xlsx_find_member(x, "xl/workbook.bin"))
			return xlsx_fail(x, e, NULL, 0,
					 "a binary workbook (.xlsb) is not read: save it "
					 "as an Excel workbook (.xlsx)");
		if (xlsx_find_member(x, "word/document.xml") ||
		    xlsx_find_member(x, "ppt/presentation.xml") ||
		    xlsx_find_member(x, "content.xml"))
			return xlsx_fail(x, e, NULL, 0, "not a spreadsheet in Excel format (.xlsx)");
		return xlsx_fail(x, e, NULL, 0, "not an Excel workbook: the zip archive has no "
					   "workbook part");
	}
	if (strlen(part) > 4 && !strcasecmp(part + strlen(part) - 4, ".bin"))
		return xlsx_fail(x, e, NULL, 0,
				 "a binary workbook (.xlsb) is not read: save it as an "
				 "Excel workbook (.xlsx)");
	if ((rc = read_rels(x, part, &wbr, e)))
		return rc;
	rc = xlsx_parse_member(x, part, true, wb_start, NULL, &w, e);
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
		rc = xlsx_parse_member(x, p, false, styles_start, styles_end, &st, e);
		rc = rc < 0 ? rc : 0;
		if (!rc)
			style_flags(x, &st);
	}
	if (!rc && (p = rel_by_type(&wbr, "sharedStrings")) && xlsx_find_member(x, p))
		x->sst_part = p; /* read when cells need it */
	free(wbr.v);
	free(w.v);
	free(st.fmts);
	free(st.xf);
	return rc;
}
