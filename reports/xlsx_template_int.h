/* What the questionnaire template's files share (internal to reports/):
 * the workbook being written (struct tpl), the helpers xlsx_template.c
 * keeps and the sheets xlsx_template_sheets.c writes. */
#ifndef DILIGO_XLSX_TEMPLATE_INT_H
#define DILIGO_XLSX_TEMPLATE_INT_H

#include <stddef.h>

#include "countries.h"
#include "xlsx_common.h"

struct tpl {
	lxw_workbook *wb;
	struct xfmt f;
	lxw_format *locked, *locked_wrap, *input, *input_wrap, *input_date, *title, *para, *bold;
	lxw_format *cf_required, *cf_na;
	const struct pack *p;
	const struct qn *q; /* answers to pre-fill, or NULL */
	const struct template_opts *o;
	struct arena *a;
	struct country *countries;
	int ncountries;
	lxw_worksheet *instructions, *supplier, *answers, *evidence, *meta;
	/* the Lists sheet: the range of each dropdown (planned first, written
	 * last: see report_template_xlsx) */
	lxw_worksheet *lists;
	int lists_col;
	struct list_col {
		const char *head;
		const char *const *entries;
		int n;
	} *cols;
	const char *yes_no, *kinds, *country_list, *maturity, *maturity_na;
	const char **question_list; /* per question, NULL without a dropdown */
};

/* xlsx_template.c */
void tpl_protect(lxw_worksheet *ws);
const char *tpl_message(char *buf, size_t n, const char *s);

/* xlsx_template_sheets.c: pass 0 writes what the reader reads, pass 1 the rest */
void tpl_instructions(struct tpl *t);
void tpl_supplier(struct tpl *t, int pass);
void tpl_answers(struct tpl *t, int pass);
void tpl_evidence(struct tpl *t);
void tpl_meta(struct tpl *t);

#endif
