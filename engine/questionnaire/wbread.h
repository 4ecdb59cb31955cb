/* wbread: the cells of a workbook's sheets (.xlsx), as Excel, LibreOffice
 * and openpyxl write them — minizip for the zip, expat for the XML. The
 * minimal reader a supplier workbook needs to come back as a baseline
 * (baseline_xlsx.c): sheets by name, shared, inline and formula strings
 * (rich-text runs joined, phonetic runs left out), numbers and booleans, the
 * 1900 or 1904 date system. Not read: styles (a date is a number; the
 * caller knows which columns hold dates), formulas (only their cached
 * values), comments, merged cells.
 *
 * Hostile files fail with a message, never a crash, in bounded memory: a
 * zip member (or all together) inflating past DILIGO_WB_MAX_PART
 * (DILIGO_WB_MAX_TOTAL), more than DILIGO_WB_MAX_CELLS cells or
 * DILIGO_WB_MAX_STRINGS shared strings, XML with a DOCTYPE (no entity can
 * be declared), malformed XML, a cell reference beyond the sheet. Errors
 * are ERR_INPUT naming the file and the zip member. One workbook is not
 * thread-safe; separate ones may be read in parallel. */
#ifndef DILIGO_WBREAD_H
#define DILIGO_WBREAD_H

#include <stdbool.h>

#include "err.h"

struct wbread;

struct wbcell {
	int row, col;     /* 0-based */
	const char *text; /* the text; for a number, as written ("35", "0.35") */
	double num;
	bool is_num;      /* a number (or a boolean, 1 or 0) */
};

struct wbsheet {
	const char *name;
	const struct wbcell *cells; /* sorted by row, then column */
	int ncells;
	int nrows; /* one past the last row holding a cell */
};

struct wbread *wbread_open(const char *path, struct err *e);
void wbread_close(struct wbread *w); /* NULL is a no-op */
/* Whether the workbook has a sheet called name (letter case aside). */
bool wbread_has(const struct wbread *w, const char *name);
/* The cells of the sheet called name: 0, or ERR_INPUT (also when there is
 * no such sheet). The sheet belongs to w. */
int wbread_sheet(struct wbread *w, const char *name, const struct wbsheet **out, struct err *e);
/* The cell at row, col, or NULL when empty. */
const struct wbcell *wbread_cell(const struct wbsheet *s, int row, int col);
/* Its text, or NULL when empty (a blank string counts as empty). */
const char *wbread_text(const struct wbsheet *s, int row, int col);
/* A serial day number in the workbook's date system as YYYY-MM-DD (out: 11
 * bytes); false when out of range (before 1900 or after 9999). */
bool wbread_date(const struct wbread *w, double serial, char out[11]);

#endif
