/* What the supplier workbook's files share (internal to reports/): the
 * workbook being written (struct sw), the helpers xlsx_supplier.c keeps,
 * and the sheets xlsx_supplier_sheets.c and xlsx_supplier_method.c write. */
#ifndef DILIGO_XLSX_SUPPLIER_INT_H
#define DILIGO_XLSX_SUPPLIER_INT_H

#include <stddef.h>

#include "redact.h"
#include "sink.h"
#include "xlsx_common.h"

struct sw {
	lxw_workbook *wb;
	struct xfmt f;
	struct xpage pg;
	const struct assessment *a;
	const struct report_opts *o;
	struct who who;
	int counts[RD__COUNT];
	lxw_format *due; /* a date as people type it in the Action plan */
};

/* xlsx_supplier.c */
double sw_fit(double width, double min, double max);
const char *sw_join(const char **v, int n, const char *sep, char *buf, size_t size);
void sw_section(struct sw *w, lxw_worksheet *ws, int row, int c0, int c1, const char *title);
const char *sw_shown(struct sw *w, const char *s, char *buf, size_t n);

/* xlsx_supplier_sheets.c */
void sw_sheet_actions(struct sw *w);
void sw_sheet_answers(struct sw *w);
void sw_sheet_duties(struct sw *w);
void sw_sheet_evidence(struct sw *w);
void sw_sheet_findings(struct sw *w);

/* xlsx_supplier_method.c */
void sw_sheet_method(struct sw *w);

#endif
