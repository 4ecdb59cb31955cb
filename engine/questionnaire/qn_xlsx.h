/* qn_xlsx: the questionnaire workbook (docs/questionnaire.md, "Workbooks"):
 * the sheet names, headings, labels and keys that the writer
 * (reports/xlsx_template.c) puts in and the reader (qn_xlsx.c) looks for.
 * They are the format: change one and old workbooks no longer read.
 *
 * The reader finds columns by their heading and supplier fields by their
 * label (letter case and surrounding spaces aside), so rows may be sorted
 * or hidden, columns and sheets added; it reads the sheets below and
 * ignores the rest (Instructions, Lists, anything a supplier adds). */
#ifndef DILIGO_QN_XLSX_H
#define DILIGO_QN_XLSX_H

#include <stdbool.h>

#define QNX_FORMAT "1" /* the format version, as YAML's `diligo: 1` */

#define QNX_SHEET_INSTRUCTIONS "Instructions"
#define QNX_SHEET_SUPPLIER "Supplier"
#define QNX_SHEET_ANSWERS "Answers"
#define QNX_SHEET_EVIDENCE "Evidence"
#define QNX_SHEET_LISTS "Lists" /* hidden: the dropdowns' entries */
#define QNX_SHEET_META "diligo" /* hidden: key in column A, value in B */

/* The meta sheet's keys. */
#define QNX_META_FORMAT "format"
#define QNX_META_PACK "pack"
#define QNX_META_VERSION "pack version"
#define QNX_META_QUESTIONS "questions" /* pack_fingerprint */
#define QNX_META_LANGUAGE "language"   /* en, fr, es, pt: its labels' language */

/* The Supplier sheet: a heading row, then one row per field, its label in
 * column A and its value in column B (a note in C). path is where the
 * value goes in the questionnaire: "supplier.id", "period". */
struct qnx_field {
	const char *path, *label, *note;
	bool required;
};
extern const struct qnx_field qnx_fields[];
extern const int qnx_nfields;

/* The Answers sheet's columns, in the writer's order; the headings are in
 * one row (the reader takes the first of the top rows holding the id's). */
enum qnx_col {
	QNX_SECTION,
	QNX_ID,
	QNX_QUESTION,
	QNX_HELP,
	QNX_ANSWER,
	QNX_EVIDENCE,
	QNX_COMMENT,
	QNX_CONFIDENTIAL,
	QNX_REQUIRED,
	QNX_ALLOWED,
	QNX_NCOLS
};
extern const char *const qnx_heads[QNX_NCOLS];

/* The Evidence sheet's columns. */
enum qnx_ev_col { QNX_EV_ID, QNX_EV_TITLE, QNX_EV_KIND, QNX_EV_DATE, QNX_EV_URL, QNX_EV_NCOLS };
extern const char *const qnx_ev_heads[QNX_EV_NCOLS];

/* Confidential: what the dropdown offers. */
#define QNX_YES "Yes"
#define QNX_NO "No"
/* "required" in the Answers sheet's Required column */
#define QNX_REQUIRED_MARK "required"

#endif
