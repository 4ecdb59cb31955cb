/* Shared by the XLSX writers: formats, safe cell writers, the row-height
 * estimate and the page setup every sheet gets.
 *
 * Printing. libxlsxwriter cannot autofit, and a wrapped cell does not grow
 * its row by itself in LibreOffice or in Excel when the row was written
 * without a height, so lines of one row print over the next. Each writer
 * therefore measures the text it writes into wrapped columns (xlsx_layout.c:
 * Carlito/Calibri advance widths, the column's width, greedy word wrap as
 * the spreadsheets do it) and sets the row's height. Every sheet gets the
 * same paper, margins, a header with the audience's marking, the supplier
 * or portfolio and the sheet's name, and a "Page X of Y" footer.
 *
 * Strings from data reach libxlsxwriter only through these writers
 * (report_cell_text); a literal may be passed to libxlsxwriter directly. */
#ifndef DILIGO_XLSX_COMMON_H
#define DILIGO_XLSX_COMMON_H

#include <stdbool.h>
#include <xlsxwriter.h>

#include "report.h"
#include "report_text.h"

/* The body font: every format uses it (the workbook default, which sets
 * the unit of column widths, stays Calibri 11). */
#define XW_FONT "Calibri"
#define XW_SIZE 10.0
/* A row of one line of XW_SIZE text (Excel needs 12.75 points). */
#define XW_ONE_LINE_PT 13.5

struct xfmt {
	lxw_format *title, *mark, *section;
	lxw_format *head, *head_r;         /* table headings: text columns, number columns */
	lxw_format *text, *wrap, *num, *num1, *pct; /* table cells, top-aligned */
	lxw_format *label, *value, *value_wrap, *value_num, *value_num1, *value_pct; /* key: value */
	lxw_format *bold; /* a label (the Changes sheet) */
	lxw_format *big;                    /* the rating on Summary */
	lxw_format *muted;
	lxw_format *level[4];               /* low .. critical */
	lxw_format *flag, *flag_value;      /* a red flag: in a table, as a value */
};

enum colkind {
	COL_TEXT, /* one line: ids and short values (the width must hold them) */
	COL_WRAP, /* wrapped; the row grows to hold it */
	COL_NUM,  /* numbers, right-aligned under a right-aligned heading */
};

/* A column of a report table: its heading from the text table. */
struct tcol {
	enum rtext head;
	double width; /* Excel units: characters of the default font's digit */
	enum colkind kind;
};

/* Paper and marking, the same for every sheet of one workbook. */
struct xpage {
	int paper;          /* libxlsxwriter paper index: 9 = A4, 1 = Letter */
	char header[256];   /* the header string, built by xpage_init */
	const char *marking; /* "Company confidential" ... */
	const char *who;    /* supplier name (or pseudonym) or the portfolio's title */
};

enum xorient { XW_PORTRAIT, XW_LANDSCAPE };

void xfmt_init(lxw_workbook *wb, struct xfmt *f);
void xpage_init(struct xpage *pg, const struct report_opts *o, const char *who);
/* Paper, orientation, margins, header and footer; fit to fit_w pages wide
 * and fit_h tall (0 = as many as needed; both 0: no fitting). */
void xw_page(lxw_worksheet *ws, const struct xpage *pg, enum xorient orient, int fit_w, int fit_h);
/* Row 0: "<sheet> — <who> — <marking>", on screen and on the first page. */
void xw_mark_row(lxw_worksheet *ws, const struct xfmt *f, const struct xpage *pg,
		 const char *sheet);

/* A string cell, made safe (report_cell_text); NULL writes nothing. */
void xw_text(lxw_worksheet *ws, int row, int col, const char *s, lxw_format *fmt);
/* A number, or an empty cell for NAN. */
void xw_num(lxw_worksheet *ws, int row, int col, double v, lxw_format *fmt);

/* A column of the questionnaire template (xlsx_template.c), whose heading
 * is the reader's key, and its table: the heading on row 0, widths,
 * frozen, an autofilter over nrows, landscape A4 one page wide. */
struct column {
	const char *head;
	double width;
	int wrap; /* wrap text in this column */
};
void xw_table(lxw_worksheet *ws, const struct xfmt *f, const struct column *cols, int ncols,
	      int nrows);

/* A report table: the heading row at row `head` (its height from the wrapped
 * headings), column widths, frozen below the heading, heading repeated on
 * every printed page. The autofilter is the caller's (it knows the rows). */
void xw_heading(lxw_worksheet *ws, const struct xfmt *f, const struct tcol *cols, int ncols,
	      int head);

/* One table row being written: cells measured as they are written, then
 * xr_end sets the row's height when a wrapped cell needs more than one
 * line. Works in constant-memory mode (the row is still the current one). */
struct xrow {
	lxw_worksheet *ws;
	const struct xfmt *f;
	const struct tcol *cols;
	int row;
	int lines; /* the most lines any cell of the row needs */
};
void xr_begin(struct xrow *r, lxw_worksheet *ws, const struct xfmt *f,
	      const struct tcol *cols, int row);
/* Text in the column's format (fmt NULL) or fmt; measured when wrapped. */
void xr_text(struct xrow *r, int col, const char *s, lxw_format *fmt);
/* The same for text a pack owns (questions, duties, rules), which lives as
 * long as the run and recurs in every supplier's workbook: its line count
 * is remembered (per thread) instead of measured again. */
void xr_pack_text(struct xrow *r, int col, const char *s);
void xr_num(struct xrow *r, int col, double v, lxw_format *fmt); /* fmt NULL: f->num */
void xr_end(struct xrow *r);

/* ---- measuring (xlsx_layout.c) ---- */
/* Width of text in points at size, bold or not (Carlito = Calibri metrics). */
double xl_text_pt(const char *s, size_t len, double size, bool bold);
/* Lines text needs in a wrapped cell of width units (Excel column units). */
int xl_lines(const char *s, double width, double size, bool bold);
/* Row height in points for lines of text at size. */
double xl_row_pt(int lines, double size);
/* Column width (Excel units) that holds s on one line. */
double xl_units(const char *s, double size, bool bold);
/* Set row's height for lines of XW_SIZE text (nothing for one line). */
void xw_row_lines(lxw_worksheet *ws, int row, int lines);

/* Document properties and creation time (fixed when SOURCE_DATE_EPOCH);
 * marking (the audience's) may be NULL. */
void xw_properties(lxw_workbook *wb, const char *title, const char *marking, time_t now);
/* Close wb and move the temporary file into place. */
int xw_finish(lxw_workbook *wb, struct outfile *of, struct err *e);

#endif
