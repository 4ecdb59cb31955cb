/* xlsx_read: a workbook (.xlsx, Office Open XML spreadsheet) read back —
 * its sheets, and the cells of the sheets asked for — with Debian's
 * libraries: minizip for the zip, expat (streaming) for the XML. It knows
 * nothing of questionnaires (qn_xlsx.c maps a questionnaire workbook onto a
 * questionnaire) and serves any reader of a workbook, such as one reading
 * the sheets of a supplier report back.
 *
 * What it reads, as Excel, LibreOffice and other tools write it:
 *  - the sheets by name, in workbook order, with their visibility;
 *  - cells: shared strings (rich-text runs joined, phonetic runs left out),
 *    inline strings, cached results of formulas, numbers, booleans, errors
 *    (#N/A) and ISO 8601 dates (t="d"); whether a number is formatted as a
 *    date or a percentage, from its style (built-in and custom number
 *    formats); the workbook's date system (1900, with Excel's fictitious
 *    1900-02-29, or 1904);
 *  - cells and rows without a reference (they follow the previous one),
 *    rows and cells in any order (the later of two cells at one reference
 *    wins), the _xHHHH_ escapes of OOXML strings, Transitional and Strict
 *    namespaces (elements are matched by their local name), relationship
 *    targets absolute or relative, percent-encoded, in any letter case.
 * Not read: formulas themselves (only their cached values), comments,
 * styles beyond number formats, merged cells, drawings, hidden rows (their
 * cells are read like any other).
 *
 * Hostile files fail with a message, never a crash, in bounded time and
 * memory (limits in bounds.h): a file that is not a zip, is truncated, an
 * old .xls or encrypted file (an OLE container), a binary .xlsb; zip
 * members with absolute paths, "." or ".." segments, backslashes or drive
 * letters, duplicate names, encryption or an unknown compression method;
 * members that inflate past DILIGO_XLSX_MAX_PART, past DILIGO_XLSX_MAX_RATIO
 * times their compressed size, or all together past DILIGO_XLSX_MAX_TOTAL
 * (checked on the declared sizes first, then while inflating); XML with a
 * DOCTYPE (so no entity can be declared or expanded), malformed XML, XML
 * nested deeper than DILIGO_XLSX_MAX_XML_DEPTH; more than
 * DILIGO_XLSX_MAX_ENTRIES members, DILIGO_XLSX_MAX_SHEETS sheets,
 * DILIGO_XLSX_MAX_STRINGS shared strings or DILIGO_XLSX_MAX_CELLS cells; a
 * string longer than a cell holds; a cell reference beyond the sheet; a
 * relationship leading out of the package. The error's file is the name
 * given to xlsx_open; its where names the zip member (and the XML line and
 * column when the problem is in one), and its code is ERR_INPUT.
 *
 * Not thread-safe per workbook; separate workbooks may be read in parallel.
 * All memory belongs to the workbook and is freed by xlsx_close. */
#ifndef DILIGO_XLSX_READ_H
#define DILIGO_XLSX_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"

struct xlsx;

enum xlsx_type {
	XLSX_STRING, /* shared, inline or formula string */
	XLSX_NUMBER, /* also dates: a serial day number with XLSX_FMT_DATE */
	XLSX_BOOL,
	XLSX_ERROR, /* a formula error such as #N/A, #DIV/0! */
};

/* The number format of a cell's style (flags). */
enum { XLSX_FMT_DATE = 1, XLSX_FMT_PERCENT = 2 };

struct xlsx_cell {
	int row, col; /* 0-based */
	enum xlsx_type type;
	/* STRING: the text (valid UTF-8; may hold any character a file can
	 * carry, control characters included); NUMBER: the number as the file
	 * writes it ("35", "0.35"); BOOL: "TRUE" or "FALSE"; ERROR: its code */
	const char *text;
	double num; /* NUMBER; BOOL: 1 or 0 */
	unsigned fmt; /* XLSX_FMT_* */
};

enum xlsx_state { XLSX_VISIBLE, XLSX_HIDDEN, XLSX_VERY_HIDDEN };

struct xlsx_sheet {
	const char *name;
	int index; /* position in the workbook, from 0 */
	enum xlsx_state state;
	bool loaded; /* cells read (xlsx_load_sheet) */
	const struct xlsx_cell *cells; /* sorted by row, then column */
	int ncells;
	int nrows, ncols; /* one past the last row and column holding a cell */
};

/* Open the workbook held in buf (len bytes; the caller caps the size): reads
 * the zip directory, the workbook part, its relationships, shared strings
 * and number formats. name is used in messages. buf must stay valid until
 * xlsx_close. NULL with e set (ERR_INPUT) when it is not a workbook or
 * breaks a limit. */
struct xlsx *xlsx_open(const char *name, const void *buf, size_t len, struct err *e);
void xlsx_close(struct xlsx *x); /* NULL is a no-op */

/* Whether buf starts like a zip archive (what xlsx_open reads). */
bool xlsx_is_zip(const void *buf, size_t len);

int xlsx_nsheets(const struct xlsx *x);
/* Sheet i (0 <= i < xlsx_nsheets); cells only once loaded. */
const struct xlsx_sheet *xlsx_sheet(const struct xlsx *x, int i);
/* The index of the sheet called name (letter case aside, as Excel compares
 * sheet names), or -1. */
int xlsx_find_sheet(const struct xlsx *x, const char *name);
/* Read the cells of sheet i (once; later calls return the same). Returns 0
 * or ERR_INPUT with e set. */
int xlsx_load_sheet(struct xlsx *x, int i, const struct xlsx_sheet **out, struct err *e);
/* The same for n sheets at once (xlsx_sheet gives them): the shared-string
 * table is read once, as far as the cells of all of them need (it is read
 * only that far: writing the strings a reader needs first makes reading
 * fast), rather than once per sheet when each needs more than the last. */
int xlsx_load_sheets(struct xlsx *x, const int *which, int n, struct err *e);
/* The cells of row (0-based) of a loaded sheet, left to right: the first,
 * and their number in *n; NULL when the row has none. */
const struct xlsx_cell *xlsx_row(const struct xlsx_sheet *s, int row, int *n);
/* The cell of a loaded sheet at row, col (0-based), or NULL when empty. */
const struct xlsx_cell *xlsx_cell(const struct xlsx_sheet *s, int row, int col);

/* Whether the workbook counts dates from 1904 (else 1900). */
bool xlsx_date1904(const struct xlsx *x);
/* A serial day number in x's date system as YYYY-MM-DD in out (the time of
 * day dropped). Excel's 1900 system has a 1900-02-29 (serial 60), which is
 * returned as such. false when serial is before the system's first day or
 * after 9999-12-31. */
bool xlsx_serial_date(const struct xlsx *x, double serial, char out[11]);

/* "E17" for row 16, column 4 (0-based). */
const char *xlsx_ref(int row, int col, char out[16]);
/* "Answers!E17"; a sheet name with characters other than letters, digits
 * and _ is quoted as Excel does: 'Action plan'!B2. */
const char *xlsx_where(const struct xlsx_sheet *s, int row, int col, char *buf, size_t n);

#endif
