/* Workbook cells (wbread.h): minizip reads the members, expat parses them. */
#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unzip.h>

#include "alloc.h"
#include "arena.h"
#include "bounds.h"
#include "wbread.h"

struct sheetref {
	const char *name, *rid, *target;
	struct wbsheet *loaded;
};

struct wbread {
	unzFile zip;
	const char *path;
	struct arena *ar;
	struct sheetref *sheets;
	int nsheets;
	size_t cap;
	const char **strings; /* shared strings */
	int nstrings;
	size_t scap;
	size_t inflated; /* bytes inflated so far */
	bool date1904;
};

/* ---- zip members ---------------------------------------------------- */

/* The member called name (NULL, 0 when missing), inflated into the heap. */
static int member(struct wbread *w, const char *name, char **buf, size_t *len, bool required,
		  struct err *e)
{
	unz_file_info64 info;
	size_t n = 0;
	char *p;
	int r;

	*buf = NULL;
	*len = 0;
	if (unzLocateFile(w->zip, name, 2) != UNZ_OK) {
		if (required)
			return err_set(e, ERR_INPUT, "%s: not a workbook (no %s)", w->path, name);
		return 0;
	}
	if (unzGetCurrentFileInfo64(w->zip, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK)
		return err_set(e, ERR_INPUT, "%s: %s: damaged zip entry", w->path, name);
	if (info.flag & 1)
		return err_set(e, ERR_INPUT, "%s: %s is encrypted", w->path, name);
	if (info.compression_method != 0 && info.compression_method != 8)
		return err_set(e, ERR_INPUT, "%s: %s: unknown compression method %lu", w->path, name,
			       (unsigned long)info.compression_method);
	if (info.uncompressed_size > DILIGO_WB_MAX_PART ||
	    w->inflated + info.uncompressed_size > DILIGO_WB_MAX_TOTAL)
		return err_set(e, ERR_INPUT, "%s: %s inflates past %d MiB", w->path, name,
			       DILIGO_WB_MAX_PART >> 20);
	if (unzOpenCurrentFile(w->zip) != UNZ_OK)
		return err_set(e, ERR_INPUT, "%s: %s: damaged zip entry", w->path, name);
	p = xmalloc((size_t)info.uncompressed_size + 1);
	/* read one byte past the declared size: a member that lies about it fails */
	while ((r = unzReadCurrentFile(w->zip, p + n, (unsigned)(info.uncompressed_size + 1 - n))) > 0) {
		n += (size_t)r;
		if (n > info.uncompressed_size)
			break;
	}
	unzCloseCurrentFile(w->zip);
	if (r < 0 || n != info.uncompressed_size) {
		free(p);
		return err_set(e, ERR_INPUT, "%s: %s: damaged zip entry (%s)", w->path, name,
			       r < 0 ? "inflate error" : "size differs from the directory");
	}
	w->inflated += n;
	p[n] = '\0';
	*buf = p;
	*len = n;
	return 0;
}

/* ---- XML ------------------------------------------------------------ */

struct px {
	struct wbread *w;
	XML_Parser xp;
	const char *part;
	struct err *e;
	int failed;
	/* text being gathered */
	char *text;
	size_t tlen, tcap;
	bool collect;
	int depth_rph; /* inside a phonetic run (left out) */
	/* shared strings */
	bool in_si;
	/* sheet cells */
	struct wbcell *cells;
	int ncells;
	size_t ccap;
	int row, col;
	char ctype[16];
	bool in_cell, in_is;
};

static const char *local(const char *name)
{
	const char *bar = strrchr(name, '|'), *colon;

	if (bar)
		return bar + 1;
	colon = strrchr(name, ':');
	return colon ? colon + 1 : name;
}

static const char *attr(const char **atts, const char *name)
{
	for (int i = 0; atts[i]; i += 2)
		if (!strcmp(local(atts[i]), name))
			return atts[i + 1];
	return NULL;
}

static void pfail(struct px *p, const char *msg)
{
	if (p->failed)
		return;
	p->failed = 1;
	err_set(p->e, ERR_INPUT, "%s: %s: %s (line %lu)", p->w->path, p->part, msg,
		(unsigned long)XML_GetCurrentLineNumber(p->xp));
	XML_StopParser(p->xp, XML_FALSE);
}

static void chars(void *ud, const XML_Char *s, int len)
{
	struct px *p = ud;

	if (!p->collect || p->depth_rph || p->failed)
		return;
	if (p->tlen + (size_t)len > DILIGO_XLSX_CELL_CHARS * 4) {
		pfail(p, "a string longer than a cell holds");
		return;
	}
	GROW(p->text, p->tlen + (size_t)len + 1, p->tcap);
	memcpy(p->text + p->tlen, s, (size_t)len);
	p->tlen += (size_t)len;
	p->text[p->tlen] = '\0';
}

static void doctype(void *ud, const XML_Char *name, const XML_Char *sysid, const XML_Char *pubid,
		    int internal)
{
	(void)name, (void)sysid, (void)pubid, (void)internal;
	pfail(ud, "a DOCTYPE is not allowed");
}

/* "AB12" -> row 11, col 27; false when malformed or beyond the sheet. */
static bool parse_ref(const char *s, int *row, int *col)
{
	long c = 0, r = 0;

	if (!(*s >= 'A' && *s <= 'Z'))
		return false;
	while (*s >= 'A' && *s <= 'Z' && c <= 16384)
		c = c * 26 + (*s++ - 'A' + 1);
	while (*s >= '0' && *s <= '9' && r <= DILIGO_XLSX_ROWS)
		r = r * 10 + (*s++ - '0');
	if (*s || c < 1 || c > 16384 || r < 1 || r > DILIGO_XLSX_ROWS)
		return false;
	*row = (int)r - 1;
	*col = (int)c - 1;
	return true;
}

static void start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct px *p = ud;
	const char *n = local(name), *v;

	if (p->failed)
		return;
	if (!strcmp(n, "sheet") && attr(atts, "name") && attr(atts, "id")) {
		struct wbread *w = p->w;

		if (w->nsheets == DILIGO_WB_MAX_SHEETS) {
			pfail(p, "too many sheets");
			return;
		}
		GROW(w->sheets, w->nsheets + 1, w->cap);
		w->sheets[w->nsheets++] = (struct sheetref){ arena_strdup(w->ar, attr(atts, "name")),
							     arena_strdup(w->ar, attr(atts, "id")), NULL, NULL };
	} else if (!strcmp(n, "workbookPr") && (v = attr(atts, "date1904"))) {
		p->w->date1904 = !strcmp(v, "1") || !strcmp(v, "true");
	} else if (!strcmp(n, "Relationship") && attr(atts, "Id") && attr(atts, "Target")) {
		for (int i = 0; i < p->w->nsheets; i++)
			if (!strcmp(p->w->sheets[i].rid, attr(atts, "Id")))
				p->w->sheets[i].target = arena_strdup(p->w->ar, attr(atts, "Target"));
	} else if (!strcmp(n, "si")) {
		p->in_si = true;
		p->tlen = 0;
	} else if (!strcmp(n, "rPh")) {
		p->depth_rph++;
	} else if (!strcmp(n, "t") && (p->in_si || p->in_is)) {
		p->collect = true;
	} else if (!strcmp(n, "row")) {
		if ((v = attr(atts, "r"))) {
			char *end;
			long r = strtol(v, &end, 10);

			if (*end || r < 1 || r > DILIGO_XLSX_ROWS) {
				pfail(p, "a row number beyond the sheet");
				return;
			}
			p->row = (int)r - 1;
		} else {
			p->row++;
		}
		p->col = -1;
	} else if (!strcmp(n, "c")) {
		p->in_cell = true;
		p->tlen = 0;
		if ((v = attr(atts, "r"))) {
			if (!parse_ref(v, &p->row, &p->col)) {
				pfail(p, "a cell reference beyond the sheet");
				return;
			}
		} else {
			p->col++;
		}
		snprintf(p->ctype, sizeof p->ctype, "%s", (v = attr(atts, "t")) ? v : "n");
	} else if (!strcmp(n, "v") && p->in_cell) {
		p->collect = true;
	} else if (!strcmp(n, "is") && p->in_cell) {
		p->in_is = true;
	}
}

static void push_cell(struct px *p)
{
	struct wbread *w = p->w;
	struct wbcell c = { .row = p->row, .col = p->col };
	const char *t = p->text ? p->text : "";

	if (!p->tlen)
		return;
	if (p->ncells == DILIGO_WB_MAX_CELLS) {
		pfail(p, "too many cells");
		return;
	}
	if (!strcmp(p->ctype, "s")) {
		char *end;
		long k = strtol(t, &end, 10);

		if (*end || k < 0 || k >= w->nstrings) {
			pfail(p, "a shared string that does not exist");
			return;
		}
		c.text = w->strings[k];
	} else if (!strcmp(p->ctype, "n") || !strcmp(p->ctype, "b")) {
		char *end;

		c.num = strtod(t, &end);
		if (*end) {
			pfail(p, "a number cell that holds no number");
			return;
		}
		c.is_num = true;
		c.text = arena_strndup(w->ar, t, p->tlen);
	} else { /* inlineStr, str (a formula's string), e (an error), d (ISO date) */
		c.text = arena_strndup(w->ar, t, p->tlen);
	}
	GROW(p->cells, p->ncells + 1, p->ccap);
	p->cells[p->ncells++] = c;
}

static void end(void *ud, const XML_Char *name)
{
	struct px *p = ud;
	const char *n = local(name);
	struct wbread *w = p->w;

	if (p->failed)
		return;
	if (!strcmp(n, "rPh")) {
		p->depth_rph--;
	} else if (!strcmp(n, "t") || !strcmp(n, "v")) {
		p->collect = false;
	} else if (!strcmp(n, "si")) {
		if (w->nstrings == DILIGO_WB_MAX_STRINGS) {
			pfail(p, "too many shared strings");
			return;
		}
		GROW(w->strings, w->nstrings + 1, w->scap);
		w->strings[w->nstrings++] = arena_strndup(w->ar, p->text ? p->text : "", p->tlen);
		p->in_si = false;
		p->tlen = 0;
	} else if (!strcmp(n, "is")) {
		p->in_is = false;
	} else if (!strcmp(n, "c")) {
		push_cell(p);
		p->in_cell = false;
	} else if (!strcmp(n, "sheetData")) {
		XML_StopParser(p->xp, XML_FALSE); /* what follows is not cells */
	}
}

static int parse(struct wbread *w, struct px *p, const char *part, const char *buf, size_t len,
		 struct err *e)
{
	XML_Parser xp = XML_ParserCreateNS(NULL, '|');
	enum XML_Status st;

	if (!xp)
		xalloc_die();
	p->w = w;
	p->xp = xp;
	p->part = part;
	p->e = e;
	XML_SetUserData(xp, p);
	XML_SetElementHandler(xp, start, end);
	XML_SetCharacterDataHandler(xp, chars);
	XML_SetStartDoctypeDeclHandler(xp, doctype);
	st = XML_Parse(xp, buf, (int)len, 1);
	if (st == XML_STATUS_ERROR && !p->failed &&
	    XML_GetErrorCode(xp) != XML_ERROR_ABORTED) {
		err_set(e, ERR_INPUT, "%s: %s: %s (line %lu)", w->path, part,
			XML_ErrorString(XML_GetErrorCode(xp)), (unsigned long)XML_GetCurrentLineNumber(xp));
		p->failed = 1;
	}
	XML_ParserFree(xp);
	free(p->text);
	p->text = NULL;
	return p->failed ? ERR_INPUT : 0;
}

static int load_part(struct wbread *w, const char *name, bool required, struct px *p,
		     struct err *e)
{
	char *buf;
	size_t len;
	int rc;

	if ((rc = member(w, name, &buf, &len, required, e)))
		return rc;
	if (!buf)
		return 0;
	if (len > (size_t)0x7FFFFFFF) {
		free(buf);
		return err_set(e, ERR_INPUT, "%s: %s is too large", w->path, name);
	}
	rc = parse(w, p, name, buf, len, e);
	free(buf);
	return rc;
}

struct wbread *wbread_open(const char *path, struct err *e)
{
	struct wbread *w = xcalloc(1, sizeof *w);
	struct px p = { 0 };

	w->ar = arena_new();
	w->path = arena_strdup(w->ar, path);
	if (!(w->zip = unzOpen64(path))) {
		err_set(e, ERR_INPUT, "%s: not a workbook (not a zip archive)", path);
		goto fail;
	}
	if (load_part(w, "xl/workbook.xml", true, &p, e))
		goto fail;
	memset(&p, 0, sizeof p);
	if (load_part(w, "xl/_rels/workbook.xml.rels", true, &p, e))
		goto fail;
	memset(&p, 0, sizeof p);
	if (load_part(w, "xl/sharedStrings.xml", false, &p, e))
		goto fail;
	return w;
fail:
	wbread_close(w);
	return NULL;
}

void wbread_close(struct wbread *w)
{
	if (!w)
		return;
	if (w->zip)
		unzClose(w->zip);
	for (int i = 0; i < w->nsheets; i++)
		if (w->sheets[i].loaded)
			free((void *)w->sheets[i].loaded->cells);
	free(w->sheets);
	free(w->strings);
	arena_free(w->ar);
	free(w);
}

static int find(const struct wbread *w, const char *name)
{
	for (int i = 0; i < w->nsheets; i++)
		if (!strcasecmp(w->sheets[i].name, name))
			return i;
	return -1;
}

bool wbread_has(const struct wbread *w, const char *name)
{
	return find(w, name) >= 0;
}

static int cmp_cell(const void *x, const void *y)
{
	const struct wbcell *a = x, *b = y;

	if (a->row != b->row)
		return a->row - b->row;
	return a->col - b->col;
}

int wbread_sheet(struct wbread *w, const char *name, const struct wbsheet **out, struct err *e)
{
	int i = find(w, name), k = 0;
	struct sheetref *s;
	struct px p = { .row = -1 };
	char part[DILIGO_MAX_PATH];
	struct wbsheet *sh;

	if (i < 0)
		return err_set(e, ERR_INPUT, "%s: no sheet '%s'", w->path, name);
	s = &w->sheets[i];
	if (s->loaded) {
		*out = s->loaded;
		return 0;
	}
	if (!s->target)
		return err_set(e, ERR_INPUT, "%s: sheet '%s' has no part", w->path, name);
	if (strstr(s->target, ".."))
		return err_set(e, ERR_INPUT, "%s: sheet '%s' leads out of the package", w->path, name);
	if (s->target[0] == '/')
		snprintf(part, sizeof part, "%s", s->target + 1);
	else
		snprintf(part, sizeof part, "xl/%s", s->target);
	if (load_part(w, part, true, &p, e)) {
		free(p.cells);
		return ERR_INPUT;
	}
	qsort(p.cells, (size_t)p.ncells, sizeof *p.cells, cmp_cell);
	for (int j = 0; j < p.ncells; j++) /* the later of two cells at one reference wins */
		if (k && !cmp_cell(&p.cells[k - 1], &p.cells[j]))
			p.cells[k - 1] = p.cells[j];
		else
			p.cells[k++] = p.cells[j];
	sh = arena_alloc(w->ar, sizeof *sh);
	sh->name = s->name;
	sh->cells = p.cells;
	sh->ncells = k;
	sh->nrows = k ? p.cells[k - 1].row + 1 : 0;
	s->loaded = sh;
	*out = sh;
	return 0;
}

const struct wbcell *wbread_cell(const struct wbsheet *s, int row, int col)
{
	struct wbcell key = { .row = row, .col = col };

	if (!s->ncells)
		return NULL;
	return bsearch(&key, s->cells, (size_t)s->ncells, sizeof key, cmp_cell);
}

const char *wbread_text(const struct wbsheet *s, int row, int col)
{
	const struct wbcell *c = wbread_cell(s, row, col);

	return c && c->text && c->text[strspn(c->text, " \t\r\n")] ? c->text : NULL;
}

bool wbread_date(const struct wbread *w, double serial, char out[11])
{
	/* days from 1970-01-01 to the serial's epoch: 1899-12-30 (1900 system,
	 * valid from serial 61, after Excel's fictitious 1900-02-29), 1904-01-01 */
	long days = (long)serial - (w->date1904 ? 24107 : 25569);
	long z, era, doe, yoe, y, doy, mp, d, m;

	if (serial < (w->date1904 ? 0 : 61) || serial > 2958465)
		return false;
	z = days + 719468; /* civil from days (H. Hinnant) */
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	snprintf(out, 11, "%04ld-%02ld-%02ld", y % 10000, m, d);
	return true;
}
