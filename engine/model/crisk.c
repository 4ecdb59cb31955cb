/* The country-risk file; see crisk.h and docs/scoring.md ("Context").
 *
 *   country,conflict,aml_high_risk          the header: 'country', then the risk columns
 *   source,"...","..."                      where each column's values come from
 *   year,2025,2025                          the year (or date) of that source
 *   licence,"...","..."                     the licence under which it is redistributed
 *   CD,1,1                                  one row per country: 0-1, or empty (no value)
 *
 * Lines starting with '#' and blank lines are ignored. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"
#include "bounds.h"
#include "crisk.h"
#include "sha256.h"
#include "text.h"

enum { MAX_CELLS = 64 };


struct csv {
	const char *name, *p, *end;
	int line;
	struct arena *ar;
	struct err *e;
};

/* One field at c->p (quoted or not) into ar; advances past it. NULL with e
 * set on a malformed quote. */
static const char *field(struct csv *c, int col)
{
	const char *s = c->p;
	char *out;
	size_t n = 0;

	if (s < c->end && *s == '"') {
		out = arena_alloc(c->ar, (size_t)(c->end - s) + 1);
		for (s++; s < c->end; s++) {
			if (*s == '"' && s + 1 < c->end && s[1] == '"')
				out[n++] = *s++;
			else if (*s == '"')
				break;
			else
				out[n++] = *s;
		}
		if (s >= c->end) {
			err_at(c->e, ERR_INPUT, c->name, c->line, col, "unterminated quoted field");
			return NULL;
		}
		c->p = s + 1;
		return out;
	}
	while (s < c->end && *s != ',' && *s != '\n' && *s != '\r')
		s++;
	out = arena_strndup(c->ar, c->p, (size_t)(s - c->p));
	c->p = s;
	return out;
}

/* The fields of the next non-blank, non-comment line; -1 at the end, -2 on
 * an error. cols[i] is the column (1-based byte) where field i starts. */
static int row(struct csv *c, const char **cells, int *cols)
{
	const char *start;
	int n = 0;

	for (;;) {
		if (c->p >= c->end)
			return -1;
		c->line++;
		if (*c->p != '#' && *c->p != '\n' && *c->p != '\r')
			break;
		while (c->p < c->end && *c->p != '\n')
			c->p++;
		c->p += c->p < c->end;
	}
	start = c->p;
	for (;;) {
		const char *f;

		cols[n] = (int)(c->p - start) + 1;
		if (n == MAX_CELLS) {
			err_at(c->e, ERR_INPUT, c->name, c->line, cols[n], "more than %d columns",
			       MAX_CELLS);
			return -2;
		}
		if (!(f = field(c, cols[n])))
			return -2;
		cells[n++] = f;
		if (c->p < c->end && *c->p == ',') {
			c->p++;
			continue;
		}
		if (c->p < c->end && *c->p == '\r')
			c->p++;
		if (c->p < c->end && *c->p != '\n') {
			err_at(c->e, ERR_INPUT, c->name, c->line, (int)(c->p - start) + 1,
			       "text after a quoted field");
			return -2;
		}
		c->p += c->p < c->end;
		return n;
	}
}

static int cmp_row(const void *a, const void *b)
{
	return strcmp(((const struct crisk_row *)a)->country, ((const struct crisk_row *)b)->country);
}

static bool is_country(const char *s)
{
	return strlen(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

/* The header row: 'country' and the column names. */
static int header(struct csv *c, struct crisk *k, const char **cells, const int *cols, int n)
{
	if (n < 1 || strcmp(cells[0], "country"))
		return err_at(c->e, ERR_INPUT, c->name, c->line, 1,
			      "the first row must be 'country' followed by the risk columns");
	k->ncols = n - 1; /* none is a valid file: no country risk known yet */
	k->cols = arena_alloc(c->ar, (size_t)(k->ncols ? k->ncols : 1) * sizeof *k->cols);
	for (int i = 1; i < n; i++) {
		if (!*cells[i])
			return err_at(c->e, ERR_INPUT, c->name, c->line, cols[i], "empty column name");
		for (int j = 1; j < i; j++)
			if (!strcmp(cells[i], cells[j]))
				return err_at(c->e, ERR_INPUT, c->name, c->line, cols[i],
					      "duplicate column '%s'", cells[i]);
		k->cols[i - 1].name = cells[i];
	}
	return 0;
}

/* A source, year or licence row. */
static int meta(struct csv *c, struct crisk *k, const char **cells, const int *cols, int n)
{
	for (int i = 1; i < n && i <= k->ncols; i++) {
		struct crisk_col *col = &k->cols[i - 1];
		const char **slot = !strcmp(cells[0], "source") ? &col->source
				    : !strcmp(cells[0], "year") ? &col->year : &col->licence;

		if (*slot)
			return err_at(c->e, ERR_INPUT, c->name, c->line, cols[0], "a second '%s' row",
				      cells[0]);
		*slot = cells[i];
	}
	return 0;
}

static int data_row(struct csv *c, struct crisk *k, const char **cells, const int *cols, int n,
		    size_t *cap)
{
	struct crisk_row *r;
	double *v;

	if (!is_country(cells[0]))
		return err_at(c->e, ERR_INPUT, c->name, c->line, 1,
			      "'%s' is not an ISO 3166-1 alpha-2 country code, nor source, year or "
			      "licence", cells[0]);
	if (n - 1 > k->ncols)
		return err_at(c->e, ERR_INPUT, c->name, c->line, cols[k->ncols + 1],
			      "more cells than columns");
	GROW(k->rows, (size_t)k->nrows + 1, *cap);
	r = &k->rows[k->nrows++];
	memcpy(r->country, cells[0], 3);
	r->v = v = arena_alloc(c->ar, (size_t)(k->ncols ? k->ncols : 1) * sizeof *v);
	for (int i = 0; i < k->ncols; i++) {
		v[i] = NAN;
		if (i + 1 >= n || !*cells[i + 1])
			continue;
		if (!text_parse_number(cells[i + 1], &v[i]) || v[i] < 0 || v[i] > 1)
			return err_at(c->e, ERR_INPUT, c->name, c->line, cols[i + 1],
				      "'%s' is not a value from 0 to 1 (or empty: no value)",
				      cells[i + 1]);
	}
	return 0;
}

/* Every column needs its provenance; a country appears once. */
static int check(struct csv *c, struct crisk *k)
{
	for (int i = 0; i < k->ncols; i++) {
		const struct crisk_col *col = &k->cols[i];
		const char *missing = !col->source || !*col->source ? "source"
				      : !col->year || !*col->year ? "year"
				      : !col->licence || !*col->licence ? "licence" : NULL;

		if (missing)
			return err_at(c->e, ERR_INPUT, c->name, 1, 0,
				      "column '%s' has no %s (every column names its source, year "
				      "and licence)", col->name, missing);
	}
	for (int i = 1; i < k->nrows; i++)
		if (!strcmp(k->rows[i - 1].country, k->rows[i].country))
			return err_at(c->e, ERR_INPUT, c->name, 0, 0, "country %s is listed twice",
				      k->rows[i].country);
	return 0;
}

struct crisk *crisk_parse(const char *name, const char *buf, size_t len, struct err *e)
{
	struct crisk *k;
	struct arena *ar = arena_new();
	struct csv c = { name, buf, buf + len, 0, ar, e };
	const char *cells[MAX_CELLS + 1];
	int cols[MAX_CELLS + 1], n, rc = 0;
	size_t cap = 0;
	struct crisk_row *rows = NULL;

	k = arena_alloc(ar, sizeof *k);
	k->arena = ar;
	k->path = arena_strdup(ar, name);
	sha256_hex(buf, len, k->sha256);
	if ((n = row(&c, cells, cols)) < 0) {
		if (n == -1)
			err_at(e, ERR_INPUT, name, 1, 1, "empty file: expected a 'country' header row");
		arena_free(ar);
		return NULL;
	}
	rc = header(&c, k, cells, cols, n);
	while (!rc && (n = row(&c, cells, cols)) >= 0) {
		if (!strcmp(cells[0], "source") || !strcmp(cells[0], "year") ||
		    !strcmp(cells[0], "licence"))
			rc = meta(&c, k, cells, cols, n);
		else
			rc = data_row(&c, k, cells, cols, n, &cap);
	}
	if (n == -2)
		rc = ERR_INPUT;
	if (!rc && k->nrows) {
		rows = arena_alloc(ar, (size_t)k->nrows * sizeof *rows);
		memcpy(rows, k->rows, (size_t)k->nrows * sizeof *rows);
		qsort(rows, (size_t)k->nrows, sizeof *rows, cmp_row);
	}
	free(k->rows);
	k->rows = rows;
	if (!rc)
		rc = check(&c, k);
	if (rc) {
		arena_free(ar);
		return NULL;
	}
	return k;
}

struct crisk *crisk_load(const char *path, struct err *e)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;
	struct crisk *k;

	if (!f) {
		err_set(e, ERR_IO, "cannot open '%s': %s", path, strerror(errno));
		return NULL;
	}
	buf = xmalloc(DILIGO_MAX_QN_BYTES + 1);
	n = fread(buf, 1, DILIGO_MAX_QN_BYTES + 1, f);
	fclose(f);
	if (n > DILIGO_MAX_QN_BYTES) {
		free(buf);
		err_set(e, ERR_INPUT, "'%s' is larger than %d bytes", path, DILIGO_MAX_QN_BYTES);
		return NULL;
	}
	k = crisk_parse(path, buf, n, e);
	free(buf);
	return k;
}

void crisk_free(struct crisk *c)
{
	if (c)
		arena_free(c->arena);
}

const struct crisk_col *crisk_column(const struct crisk *c, const char *name)
{
	for (int i = 0; c && i < c->ncols; i++)
		if (!strcmp(c->cols[i].name, name))
			return &c->cols[i];
	return NULL;
}

double crisk_value(const struct crisk *c, const char *country, const char *column)
{
	struct crisk_row key = { { 0 }, NULL }, *r;
	const struct crisk_col *col;

	if (!c || !country || !is_country(country) || !(col = crisk_column(c, column)))
		return NAN;
	memcpy(key.country, country, 3);
	r = bsearch(&key, c->rows, (size_t)c->nrows, sizeof key, cmp_row);
	return r ? r->v[col - c->cols] : NAN;
}
