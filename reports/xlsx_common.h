/* Shared by the XLSX writers: formats and safe cell writers. Strings from
 * data reach libxlsxwriter only through these (report_cell_text); a literal
 * may be passed to libxlsxwriter directly. */
#ifndef DILIGO_XLSX_COMMON_H
#define DILIGO_XLSX_COMMON_H

#include <xlsxwriter.h>

#include "report.h"

struct xfmt {
	lxw_format *title, *head, *text, *wrap, *num1, *pct, *bold, *date, *muted;
	lxw_format *level[4]; /* low .. critical */
};

struct column {
	const char *head;
	double width;
	int wrap; /* wrap text in this column */
};

void xfmt_init(lxw_workbook *wb, struct xfmt *f);
/* A string cell, made safe (report_cell_text); NULL writes nothing. */
void xw_text(lxw_worksheet *ws, int row, int col, const char *s, lxw_format *fmt);
/* A number, or an empty cell for NAN. */
void xw_num(lxw_worksheet *ws, int row, int col, double v, lxw_format *fmt);
/* Header row, widths, frozen header, autofilter over nrows data rows, print
 * setup (landscape, fit to width, repeated header). */
void xw_table(lxw_worksheet *ws, const struct xfmt *f, const struct column *cols, int ncols,
	      int nrows);
/* Document properties and creation time (fixed when SOURCE_DATE_EPOCH). */
void xw_properties(lxw_workbook *wb, const char *title, time_t now);
/* Close wb and move the temporary file into place. */
int xw_finish(lxw_workbook *wb, struct outfile *of, struct err *e);

#endif
