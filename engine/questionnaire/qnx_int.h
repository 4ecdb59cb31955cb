/* qnx_int.h: what the files reading a questionnaire workbook share
 * (qn_xlsx.c: nodes, cells, the meta and Answers sheets and the workbook;
 * qn_xlsx_sheets.c: the Supplier and Evidence sheets) — the reader's state,
 * the collections it builds, and the helpers one file calls in the other.
 * Internal: callers use qn_xlsx.h. */
#ifndef DILIGO_QNX_INT_H
#define DILIGO_QNX_INT_H

#include <stdbool.h>

#include "bounds.h"
#include "qn.h"
#include "xlsx_read.h"

struct rd {
	struct qn *q;
	struct xlsx *x;
	struct err *e;
	const char *name;
	const char *sheet_ref[DILIGO_XLSX_MAX_SHEETS]; /* each sheet as a reference writes it */
};

/* A collection being built: kids appended with add(), counted by done(). */
struct coll {
	struct ynode *n;
	int len, cap;
};

/* ---- qn_xlsx.c ---------------------------------------------------------- */

struct coll qnx_coll(struct rd *r, enum ytype t, const struct xlsx_sheet *s, int row, int col);
/* A scalar node holding text, at the cell row, col of sheet s. */
struct ynode *qnx_scalar(struct rd *r, const struct xlsx_sheet *s, int row, int col,
			 const char *text);
/* key: value, the key at the key's cell */
void qnx_add_pair(struct rd *r, struct coll *c, struct ynode *k, struct ynode *v);
/* A cell as the kinds see it; NULL cell: blank. Returns 0 or an error. */
int qnx_read_cell(struct rd *r, const struct xlsx_sheet *s, const struct xlsx_cell *c,
		  struct kind_cell *k);
/* A field's text: a number formatted as a date reads as its date. */
const char *qnx_field_text(const struct kind_cell *k);
/* Whether the cell at row, col says want. */
bool qnx_says(const struct xlsx_sheet *s, int row, int col, const char *want);
/* The heading row: the first of the top 20 rows holding first_head; each
 * heading's column into cols (-1 when absent). */
int qnx_headings(struct rd *r, const struct xlsx_sheet *s, const char *const *heads, int n,
		 int *cols, int *head_row);
/* An error at the second of two keys of map that are the same (what names
 * them). */
int qnx_check_unique(struct rd *r, const struct xlsx_sheet *s, struct coll *map,
		     const char *what);

/* ---- qn_xlsx_sheets.c --------------------------------------------------- */

int qnx_read_supplier(struct rd *r, const struct xlsx_sheet *s, struct coll *root);
int qnx_read_evidence(struct rd *r, const struct xlsx_sheet *s, struct coll *root);

#endif
