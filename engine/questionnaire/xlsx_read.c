/* The workbook reader; see xlsx_read.h. This file reads the sheets and
 * their cells and opens and closes the workbook; the zip layer and the XML
 * driver are in xlsx_zip.c, the other XML parts (workbook, relationships,
 * shared strings, styles, dates) in xlsx_parts.c, and xlsx_int.h declares
 * what crosses the files. The zip is read from memory through minizip's I/O
 * callbacks; each member is inflated in chunks straight into an expat
 * parser, so nothing bigger than a chunk is held besides what the handlers
 * keep (strings, cells), and every limit is checked as the bytes come. */
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

		if ((r = xlsx_attr(atts, "r"))) {
			char *end;
			long v = strtol(r, &end, 10);

			if (*end || v < 1 || v > DILIGO_XLSX_ROWS) {
				xlsx_xml_fail(m, "row number '%.40s' is not one of a sheet", r);
				return;
			}
			row = (int)v - 1;
		} else if (row >= DILIGO_XLSX_ROWS) {
			xlsx_xml_fail(m, "more rows than a sheet holds");
			return;
		}
		w->row = row;
		w->col = -1;
	} else if (el[0] == 'c' && !el[1]) {
		const char *t = NULL, *s = NULL;

		r = NULL;
		for (int i = 0; atts[i]; i += 2) { /* r, t and s in one pass */
			const char *a = xlsx_local(atts[i]);

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
				xlsx_xml_fail(m, "cell reference '%.40s' is not one of a sheet", r);
				return;
			}
		} else {
			if (w->row < 0)
				w->row = 0;
			if (++w->col >= DILIGO_XLSX_COLS) {
				xlsx_xml_fail(m, "more cells in a row than a sheet holds");
				return;
			}
		}
		w->type = cell_type(t);
		w->style = s ? atoi(s) : 0;
		w->in_c = true;
		w->has_v = false;
		xlsx_text_reset(m);
	} else if (w->in_c && el[0] == 'v' && !el[1]) {
		w->in_v = true;
		w->has_v = true;
		xlsx_text_reset(m);
	} else if (w->in_c && !strcmp(el, "is")) {
		w->in_is = true;
		w->has_v = true;
		xlsx_text_reset(m);
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
		xlsx_xml_fail(m, "more than %d cells", DILIGO_XLSX_MAX_CELLS);
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
			xlsx_xml_fail(m, "cell %s refers to shared string '%.20s'",
				 xlsx_ref(w->row, w->col, (char[16]){ 0 }), m->text ? m->text : "");
			return;
		}
		if (i >= DILIGO_XLSX_MAX_STRINGS) {
			xlsx_xml_fail(
				m,
				"cell %s refers to shared string %ld: more than %d shared strings",
				xlsx_ref(w->row, w->col, (char[16]){ 0 }), i,
				DILIGO_XLSX_MAX_STRINGS);
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
		c->text = xlsx_keep_text(m);
		break;
	case CT_BOOL:
		c->type = XLSX_BOOL;
		c->num = m->tlen && m->text[0] == '1';
		c->text = c->num ? "TRUE" : "FALSE";
		break;
	case CT_ERROR:
		c->type = XLSX_ERROR;
		c->text = xlsx_keep_text(m);
		break;
	case CT_DATE:
		c->num = xlsx_iso_serial(x, m->text ? m->text : "");
		c->text = xlsx_keep_text(m);
		if (isnan(c->num)) {
			c->type = XLSX_STRING;
		} else {
			c->type = XLSX_NUMBER;
			c->fmt = XLSX_FMT_DATE;
		}
		break;
	case CT_NUMBER: { /* also a type this reader does not know: a number if it is one */
		double v = m->tlen ? strtod(m->text, &end) : NAN;

		c->text = xlsx_keep_text(m);
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
		return xlsx_fail(x, e, NULL, 0, "sheet '%s' has no part in the workbook", s->name);
	rc = xlsx_parse_member(x, x->sheet_part[i], true, ws_start, ws_end, &w, e);
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

			return xlsx_fail(x, e, x->sheet_part[i], 0,
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
		rc = xlsx_read_strings(x, want, e);
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

struct xlsx *xlsx_open(const char *name, const void *buf, size_t len, struct err *e)
{
	struct arena *a;
	struct xlsx *x;

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
	x->zip = xlsx_unz_open(x, name);
	if (!x->zip) {
		xlsx_fail(x, e, NULL, 0,
			  "damaged or truncated workbook: its zip directory cannot be "
			  "found");
		xlsx_close(x);
		return NULL;
	}
	if (xlsx_read_directory(x, e) || xlsx_read_workbook(x, e)) {
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
