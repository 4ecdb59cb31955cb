/* The questionnaire template's sheets (split from xlsx_template.c, which
 * owns the formats, the Lists sheet and the workbook): data validation of
 * answer cells, cell helpers, and the Instructions, Supplier, Answers,
 * Evidence and hidden diligo sheets. */

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"
#include "countries.h"
#include "kind.h"
#include "qn.h"
#include "qn_xlsx.h"
#include "report_text.h"
#include "text.h"
#include "xlsx_common.h"
#include "xlsx_template_int.h"

enum { EVIDENCE_SPARE_ROWS = 50 };

/* ---- data validation -------------------------------------------------- */

static void validate(lxw_worksheet *ws, int row, int col, lxw_data_validation *dv,
		     const char *title, const char *input, const char *error)
{
	char in[1100], er[1100];

	dv->ignore_blank = LXW_VALIDATION_ON;
	if (input && *input) {
		dv->show_input = LXW_VALIDATION_ON;
		dv->input_title = (char *)title;
		dv->input_message = (char *)tpl_message(in, sizeof in, input);
	}
	if (error) {
		dv->show_error = LXW_VALIDATION_ON;
		dv->error_title = (char *)RT(TPL_CHECK_ENTRY);
		dv->error_message = (char *)tpl_message(er, sizeof er, error);
	}
	worksheet_data_validation_cell(ws, (lxw_row_t)row, (lxw_col_t)col, dv);
}

static void validate_list(lxw_worksheet *ws, int row, int col, const char *range,
			  const char *title, const char *input, const char *error, bool open)
{
	lxw_data_validation dv = { 0 };

	dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
	dv.value_formula = (char *)range;
	if (open)
		dv.error_type = LXW_VALIDATION_ERROR_TYPE_INFORMATION;
	validate(ws, row, col, &dv, title, input, error);
}

static void validate_text(lxw_worksheet *ws, int row, int col, const char *title,
			  const char *input)
{
	lxw_data_validation dv = { 0 };
	char error[128];

	dv.validate = LXW_VALIDATION_TYPE_LENGTH;
	dv.criteria = LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO;
	dv.value_number = DILIGO_XLSX_CELL_CHARS;
	snprintf(error, sizeof error, RT(FMT_TPL_TEXT_MAX), DILIGO_XLSX_CELL_CHARS);
	validate(ws, row, col, &dv, title, input, error);
}

static void validate_whole(lxw_worksheet *ws, int row, int col, double lo, double hi,
			   const char *title, const char *input)
{
	lxw_data_validation dv = { 0 };
	char error[128];

	dv.validate = LXW_VALIDATION_TYPE_INTEGER;
	dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
	dv.minimum_number = lo;
	dv.maximum_number = hi;
	snprintf(error, sizeof error, RT(FMT_TPL_WHOLE), lo, hi);
	validate(ws, row, col, &dv, title, input, error);
}

/* An answer cell: what its kind accepts. */
static void validate_answer(struct tpl *t, lxw_worksheet *ws, int row, int col, int qi)
{
	const struct question *q = &t->p->questions[qi];
	struct kind_check c = { 0 };
	lxw_data_validation dv = { 0 };
	const char *input = q->help && *q->help ? q->help : q->text;

	kind_ops(q->kind)->check(q, &c);
	switch (c.type) {
	case KIND_CHECK_LIST:
	case KIND_CHECK_LIST_OPEN:
		validate_list(ws, row, col, t->question_list[qi], RT(TPL_HOW_TO_ANSWER), input, c.error,
			      c.type == KIND_CHECK_LIST_OPEN);
		return;
	case KIND_CHECK_DECIMAL:
		dv.validate = LXW_VALIDATION_TYPE_DECIMAL;
		if (c.has_min && c.has_max) {
			dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
			dv.minimum_number = c.min;
			dv.maximum_number = c.max;
		} else if (c.has_min) {
			dv.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
			dv.value_number = c.min;
		} else if (c.has_max) {
			dv.criteria = LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO;
			dv.value_number = c.max;
		} else {
			dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
			dv.minimum_number = -1e300;
			dv.maximum_number = 1e300;
		}
		break;
	case KIND_CHECK_DATE:
		dv.validate = LXW_VALIDATION_TYPE_DATE;
		dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		dv.minimum_datetime = (lxw_datetime){ 1900, 1, 1, 0, 0, 0 };
		dv.maximum_datetime = (lxw_datetime){ 9999, 12, 31, 0, 0, 0 };
		break;
	case KIND_CHECK_TEXT:
		dv.validate = LXW_VALIDATION_TYPE_LENGTH;
		dv.criteria = LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO;
		dv.value_number = DILIGO_XLSX_CELL_CHARS;
		break;
	}
	validate(ws, row, col, &dv, RT(TPL_HOW_TO_ANSWER), input, c.error);
}

/* ---- cells ------------------------------------------------------------ */

/* A kind_cell (to_cell's) into a cell: a number, a date or text. */
static void write_value(struct tpl *t, lxw_worksheet *ws, int row, int col,
			const struct kind_cell *c, lxw_format *fmt)
{
	int y, m, d;

	if (c->date && text_parse_date(c->date, &y, &m, &d)) {
		lxw_datetime dt = { y, m, d, 0, 0, 0 };

		worksheet_write_datetime(ws, (lxw_row_t)row, (lxw_col_t)col, &dt, t->input_date);
	} else if (c->number) {
		worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, c->num, fmt);
	} else if (c->text && *c->text) {
		xw_text(ws, row, col, c->text, fmt);
	} else {
		worksheet_write_blank(ws, (lxw_row_t)row, (lxw_col_t)col, fmt);
	}
}

static void write_text_or_blank(lxw_worksheet *ws, int row, int col, const char *s,
				lxw_format *fmt)
{
	if (s && *s)
		xw_text(ws, row, col, s, fmt);
	else
		worksheet_write_blank(ws, (lxw_row_t)row, (lxw_col_t)col, fmt);
}

/* Row height for wrapped text: lines of the longest cell at its width. */
static double row_height(const char *const *texts, const double *widths, int n)
{
	int lines = 1;

	for (int i = 0; i < n; i++) {
		int chars = 0, l = 1, per = (int)(widths[i] * 1.1);

		if (!texts[i])
			continue;
		for (const unsigned char *p = (const unsigned char *)texts[i]; *p; p++) {
			if ((*p & 0xC0) == 0x80)
				continue;
			if (*p == '\n' || ++chars > per) {
				l++;
				chars = 0;
			}
		}
		if (l > lines)
			lines = l;
	}
	return lines * 13.0 > 409 ? 409 : lines * 13.0 + 2;
}

/* ---- Instructions ----------------------------------------------------- */

void tpl_instructions(struct tpl *t)
{
	lxw_worksheet *ws = t->instructions;
	const struct pack *p = t->p;
	char line[DILIGO_REPORT_LINE_TEXT];
	int r = 0;
	char evidence_para[1024];
	const char *paras[] = { RT(TPL_INTRO),   RT(TPL_FILL),	RT(TPL_ANSWERS), RT(TPL_UNKNOWN),
				evidence_para,   RT(TPL_COMMENT), RT(TPL_KEEP) };

	snprintf(evidence_para, sizeof evidence_para, RT(FMT_TPL_EVIDENCE), EVIDENCE_STALE_MONTHS);
	xw_text(ws, r++, 0, report_cell_text(p->title, line, sizeof line), t->title);
	snprintf(line, sizeof line, RT(FMT_TPL_SUBTITLE), p->id, p->version);
	xw_text(ws, r++, 0, line, t->bold);
	r++;
	for (size_t i = 0; i < sizeof paras / sizeof *paras; i++) {
		double w = 80;

		xw_text(ws, r, 0, paras[i], t->para);
		worksheet_set_row(ws, (lxw_row_t)r, row_height(&paras[i], &w, 1), NULL);
		r += 2;
	}
	if (t->o->contact && *t->o->contact) {
		xw_text(ws, r++, 0, RT(TPL_RETURN_TO), t->bold);
		xw_text(ws, r++, 0, t->o->contact, t->para);
	} else {
		xw_text(ws, r++, 0, RT(TPL_RETURN_SENDER), t->bold);
	}
	worksheet_set_column(ws, 0, 0, 80, NULL);
	worksheet_set_paper(ws, 9);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_gridlines(ws, LXW_HIDE_ALL_GRIDLINES);
	tpl_protect(ws);
}

/* ---- Supplier --------------------------------------------------------- */

/* A field's note in the run's language (its label stays English: the
 * reader finds the field by it). */
static const char *field_note(const struct qnx_field *f)
{
	static const struct {
		const char *path;
		enum rtext note;
	} notes[] = {
		{ "supplier.id", RT_TPL_NOTE_SUPPLIER_ID },
		{ "supplier.name", RT_TPL_NOTE_SUPPLIER_NAME },
		{ "supplier.country", RT_TPL_NOTE_COUNTRY },
		{ "supplier.sector", RT_TPL_NOTE_SECTOR },
		{ "supplier.employees", RT_TPL_NOTE_EMPLOYEES },
		{ "supplier.tier", RT_TPL_NOTE_TIER },
		{ "period", RT_TPL_NOTE_PERIOD },
		{ "respondent.name", RT_TPL_NOTE_RESPONDENT_NAME },
		{ "respondent.role", RT_TPL_NOTE_RESPONDENT_ROLE },
		{ "respondent.email", RT_TPL_NOTE_RESPONDENT_EMAIL },
	};

	for (size_t i = 0; i < sizeof notes / sizeof *notes; i++)
		if (!strcmp(notes[i].path, f->path))
			return report_texts[notes[i].note];
	return f->note;
}

static const char *prefill_field(struct tpl *t, const char *path)
{
	const struct qn *q = t->q;
	char *s;

	if (!strcmp(path, "supplier.sector"))
		return t->p->id;
	if (!q)
		return NULL;
	if (!strcmp(path, "supplier.id"))
		return q->supplier.id;
	if (!strcmp(path, "supplier.name"))
		return q->supplier.name;
	if (!strcmp(path, "supplier.country")) {
		for (int i = 0; q->supplier.country && i < t->ncountries; i++)
			if (!strcmp(t->countries[i].code, q->supplier.country))
				return arena_printf(t->a, "%s (%s)", t->countries[i].name,
						    t->countries[i].code);
		return q->supplier.country;
	}
	if (!strcmp(path, "supplier.employees") && q->supplier.employees >= 0)
		return s = arena_printf(t->a, "%ld", q->supplier.employees), s;
	if (!strcmp(path, "supplier.tier") && q->supplier.tier)
		return arena_printf(t->a, "%d", q->supplier.tier);
	if (!strcmp(path, "period") && q->period)
		return arena_printf(t->a, "%d", q->period);
	if (!strcmp(path, "respondent.name"))
		return q->respondent_name;
	if (!strcmp(path, "respondent.role"))
		return q->respondent_role;
	if (!strcmp(path, "respondent.email"))
		return q->respondent_email;
	return NULL;
}

/* Pass 0 writes what the reader reads (labels, values), pass 1 the rest. */
void tpl_supplier(struct tpl *t, int pass)
{
	lxw_worksheet *ws = t->supplier;
	const struct column cols[] = { { RT(TPL_H_FIELD), 22, 0 }, { RT(TPL_H_VALUE), 44, 1 },
				       { RT(TPL_H_NOTES), 70, 1 } };

	if (pass) {
		for (int i = 0; i < qnx_nfields; i++)
			xw_text(ws, i + 1, 2, field_note(&qnx_fields[i]), t->locked_wrap);
		worksheet_set_selection(ws, 1, 1, 1, 1);
		tpl_protect(ws);
		return;
	}
	for (int c = 0; c < 3; c++) {
		xw_text(ws, 0, c, cols[c].head, t->f.head);
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, cols[c].width, NULL);
	}
	worksheet_freeze_panes(ws, 1, 0);
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);
	worksheet_fit_to_pages(ws, 1, 0);
	for (int i = 0; i < qnx_nfields; i++) {
		const struct qnx_field *f = &qnx_fields[i];
		const char *v = prefill_field(t, f->path);
		int r = i + 1;
		bool whole = !strcmp(f->path, "supplier.employees") || !strcmp(f->path, "supplier.tier") ||
			     !strcmp(f->path, "period");

		xw_text(ws, r, 0, f->label, t->locked);
		if (!strcmp(f->path, "supplier.sector")) {
			xw_text(ws, r, 1, v, t->locked);
			continue;
		}
		if (whole && v)
			worksheet_write_number(ws, (lxw_row_t)r, 1, atof(v), t->input);
		else
			write_text_or_blank(ws, r, 1, v, t->input_wrap);
		if (!strcmp(f->path, "supplier.country"))
			validate_list(ws, r, 1, t->country_list, f->label, field_note(f),
				      RT(TPL_CHOOSE_COUNTRY), false);
		else if (!strcmp(f->path, "supplier.employees"))
			validate_whole(ws, r, 1, 0, 100000000, f->label, field_note(f));
		else if (!strcmp(f->path, "supplier.tier"))
			validate_whole(ws, r, 1, 1, 99, f->label, field_note(f));
		else if (!strcmp(f->path, "period"))
			validate_whole(ws, r, 1, 1990, 2100, f->label, field_note(f));
		else
			validate_text(ws, r, 1, f->label, field_note(f));
		if (f->required) {
			lxw_conditional_format cf = { .type = LXW_CONDITIONAL_TYPE_BLANKS,
						      .format = t->cf_required };

			worksheet_conditional_format_cell(ws, (lxw_row_t)r, 1, &cf);
		}
	}
}

/* ---- Answers ---------------------------------------------------------- */

/* s as a string inside a formula's quotes (quotes doubled), ASCII letters
 * in lower case when lower. */
static void formula_text(char *buf, size_t n, const char *s, bool lower)
{
	size_t k = 0;

	for (; *s && k + 3 < n; s++) {
		if (*s == '"')
			buf[k++] = '"';
		buf[k++] = lower && *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
	}
	buf[k] = '\0';
}

/* Pass 0 writes what the reader reads (id, answer, evidence, comment,
 * confidential), pass 1 the texts for the supplier. */
static void answer_row(struct tpl *t, lxw_worksheet *ws, int r, int qi, int pass)
{
	static const double widths[] = { 60, 60 };
	const struct question *q = &t->p->questions[qi];
	const struct kind_ops *k = kind_ops(q->kind);
	const struct answer *a = t->q ? qn_answer_for(t->q, q) : NULL;
	char hint[1024], buf[DILIGO_REPORT_LIST_TEXT];
	struct kind_choice na;
	const char *texts[2] = { q->text, q->help };
	lxw_format *in = q->kind == QK_DATE ? t->input_date : t->input_wrap;

	if (pass) {
		k->hint(q, hint, sizeof hint);
		xw_text(ws, r, QNX_SECTION, q->section, t->locked_wrap);
		xw_text(ws, r, QNX_QUESTION, q->text, t->locked_wrap);
		write_text_or_blank(ws, r, QNX_HELP, q->help, t->locked_wrap);
		write_text_or_blank(ws, r, QNX_REQUIRED, q->required ? RT(TPL_REQUIRED_MARK) : NULL,
				    t->locked);
		xw_text(ws, r, QNX_ALLOWED, hint, t->locked_wrap);
		worksheet_set_row(ws, (lxw_row_t)r, row_height(texts, widths, 2), NULL);
		return;
	}
	xw_text(ws, r, QNX_ID, q->id, t->locked_wrap);
	if (a && a->state == ANS_UNKNOWN) {
		xw_text(ws, r, QNX_ANSWER, kind_label(KL_UNKNOWN), in);
	} else if (a && a->state == ANS_NA) { /* its label where the kind offers na */
		xw_text(ws, r, QNX_ANSWER, kind_match_choice(q, "na", &na) ? na.label : "na", in);
	} else if (a) {
		struct kind_cell c = { 0 };

		k->to_cell(q, a, &c, buf, sizeof buf);
		write_value(t, ws, r, QNX_ANSWER, &c, in);
	} else {
		worksheet_write_blank(ws, (lxw_row_t)r, QNX_ANSWER, in);
	}
	validate_answer(t, ws, r, QNX_ANSWER, qi);
	buf[0] = '\0';
	for (int i = 0; a && i < a->nevidence; i++)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", i ? ", " : "",
			 a->evidence[i]);
	write_text_or_blank(ws, r, QNX_EVIDENCE, buf, t->input_wrap);
	validate_text(ws, r, QNX_EVIDENCE, RT(TPL_V_EVIDENCE_IDS), RT(TPL_IN_EVIDENCE_IDS));
	write_text_or_blank(ws, r, QNX_COMMENT, a ? a->comment : NULL, t->input_wrap);
	validate_text(ws, r, QNX_COMMENT, RT(TPL_V_COMMENT), RT(TPL_IN_COMMENT));
	write_text_or_blank(ws, r, QNX_CONFIDENTIAL, a && a->confidential ? QNX_YES : NULL,
			    t->input);
	validate_list(ws, r, QNX_CONFIDENTIAL, t->yes_no, RT(TPL_V_CONFIDENTIAL),
		      RT(TPL_IN_CONFIDENTIAL), RT(TPL_ER_YES_NO), false);
}

void tpl_answers(struct tpl *t, int pass)
{
	lxw_worksheet *ws = t->answers;
	static const struct column cols[QNX_NCOLS] = {
		[QNX_SECTION] = { NULL, 16, 1 },      [QNX_ID] = { NULL, 26, 1 },
		[QNX_QUESTION] = { NULL, 60, 1 },     [QNX_HELP] = { NULL, 60, 1 },
		[QNX_ANSWER] = { NULL, 28, 1 },       [QNX_EVIDENCE] = { NULL, 12, 1 },
		[QNX_COMMENT] = { NULL, 36, 1 },      [QNX_CONFIDENTIAL] = { NULL, 12, 0 },
		[QNX_REQUIRED] = { NULL, 10, 0 },     [QNX_ALLOWED] = { NULL, 30, 1 },
	};
	struct column named[QNX_NCOLS];
	int n = t->p->nquestions;
	char cond[400], mark[120];
	lxw_conditional_format cf = { 0 };

	if (!pass) {
		for (int c = 0; c < QNX_NCOLS; c++) {
			named[c] = cols[c];
			named[c].head = qnx_heads[c];
		}
		xw_table(ws, &t->f, named, QNX_NCOLS, n);
	}
	for (int i = 0; i < n; i++)
		answer_row(t, ws, i + 1, i, pass);
	if (!pass)
		return;
	if (n) {
		/* a required answer left empty: orange */
		cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
		formula_text(mark, sizeof mark, RT(TPL_REQUIRED_MARK), false);
		snprintf(cond, sizeof cond, "=AND($I2=\"%s\",LEN(TRIM($E2))=0)", mark);
		cf.value_string = cond;
		cf.format = t->cf_required;
		worksheet_conditional_format_range(ws, 1, QNX_ANSWER, (lxw_row_t)n, QNX_ANSWER, &cf);
		/* a question that does not apply: the row grey */
		/* the English label too, and the run's if it is another */
		formula_text(mark, sizeof mark, kind_label(KL_NA), true);
		snprintf(cond, sizeof cond,
			 "=OR(LOWER(TRIM($E2))=\"not applicable\",LOWER(TRIM($E2))=\"na\"%s%s%s)",
			 strcmp(mark, "not applicable") ? ",LOWER(TRIM($E2))=LOWER(\"" : "",
			 strcmp(mark, "not applicable") ? mark : "",
			 strcmp(mark, "not applicable") ? "\")" : "");
		cf.value_string = cond;
		cf.format = t->cf_na;
		worksheet_conditional_format_range(ws, 1, 0, (lxw_row_t)n, QNX_NCOLS - 1, &cf);
	}
	worksheet_set_selection(ws, 1, QNX_ANSWER, 1, QNX_ANSWER);
	tpl_protect(ws);
}

/* ---- Evidence --------------------------------------------------------- */

static bool id_used(const struct qn *q, const char *id)
{
	for (int i = 0; q && i < q->nevidence; i++)
		if (!strcmp(q->evidence[i].id, id))
			return true;
	return false;
}

void tpl_evidence(struct tpl *t)
{
	lxw_worksheet *ws = t->evidence;
	static const struct column cols[QNX_EV_NCOLS] = {
		[QNX_EV_ID] = { NULL, 12, 0 }, [QNX_EV_TITLE] = { NULL, 50, 1 },
		[QNX_EV_KIND] = { NULL, 14, 0 }, [QNX_EV_DATE] = { NULL, 12, 0 },
		[QNX_EV_URL] = { NULL, 50, 1 },
	};
	struct column named[QNX_EV_NCOLS];
	int have = t->q ? t->q->nevidence : 0, rows = have + EVIDENCE_SPARE_ROWS, next = 1;

	for (int c = 0; c < QNX_EV_NCOLS; c++) {
		named[c] = cols[c];
		named[c].head = qnx_ev_heads[c];
	}
	xw_table(ws, &t->f, named, QNX_EV_NCOLS, rows);
	for (int i = 0; i < rows; i++) {
		const struct evidence *ev = i < have ? &t->q->evidence[i] : NULL;
		int r = i + 1, y, m, d;
		const char *id;

		if (ev) {
			id = ev->id;
		} else {
			do
				id = arena_printf(t->a, "E%d", next++);
			while (id_used(t->q, id));
		}
		xw_text(ws, r, QNX_EV_ID, id, t->input);
		validate_text(ws, r, QNX_EV_ID, RT(TPL_V_EVIDENCE_ID), RT(TPL_IN_EVIDENCE_ID));
		write_text_or_blank(ws, r, QNX_EV_TITLE, ev ? ev->title : NULL, t->input_wrap);
		validate_text(ws, r, QNX_EV_TITLE, RT(TPL_V_TITLE), RT(TPL_IN_TITLE));
		write_text_or_blank(ws, r, QNX_EV_KIND, ev ? ev->kind : NULL, t->input);
		validate_list(ws, r, QNX_EV_KIND, t->kinds, RT(TPL_V_KIND), RT(TPL_IN_KIND),
			      RT(TPL_ER_KIND), false);
		if (ev && ev->date && text_parse_date(ev->date, &y, &m, &d)) {
			lxw_datetime dt = { y, m, d, 0, 0, 0 };

			worksheet_write_datetime(ws, (lxw_row_t)r, QNX_EV_DATE, &dt, t->input_date);
		} else {
			write_text_or_blank(ws, r, QNX_EV_DATE, ev ? ev->date : NULL, t->input_date);
		}
		{
			lxw_data_validation dv = { 0 };

			dv.validate = LXW_VALIDATION_TYPE_DATE;
			dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
			dv.minimum_datetime = (lxw_datetime){ 1900, 1, 1, 0, 0, 0 };
			dv.maximum_datetime = (lxw_datetime){ 9999, 12, 31, 0, 0, 0 };
			validate(ws, r, QNX_EV_DATE, &dv, RT(TPL_V_DATE), RT(TPL_IN_DATE),
				 RT(TPL_ER_DATE));
		}
		write_text_or_blank(ws, r, QNX_EV_URL, ev ? ev->url : NULL, t->input_wrap);
		validate_text(ws, r, QNX_EV_URL, RT(TPL_V_URL), RT(TPL_IN_URL));
	}
	tpl_protect(ws);
}

/* ---- the hidden diligo sheet ------------------------------------------ */

void tpl_meta(struct tpl *t)
{
	lxw_worksheet *ws = t->meta;
	char fp[17];

	pack_fingerprint(t->p, fp);
	xw_text(ws, 0, 0, QNX_META_FORMAT, NULL);
	xw_text(ws, 0, 1, QNX_FORMAT, NULL);
	xw_text(ws, 1, 0, QNX_META_PACK, NULL);
	xw_text(ws, 1, 1, t->p->id, NULL);
	xw_text(ws, 2, 0, QNX_META_VERSION, NULL);
	xw_text(ws, 2, 1, t->p->version, NULL);
	xw_text(ws, 3, 0, QNX_META_QUESTIONS, NULL);
	xw_text(ws, 3, 1, fp, NULL);
	xw_text(ws, 4, 0, "made by", NULL); /* a key: English, as the others */
	xw_text(ws, 4, 1, "diligo " DILIGO_VERSION, NULL);
	xw_text(ws, 5, 0, QNX_META_LANGUAGE, NULL);
	xw_text(ws, 5, 1, t->p->lang ? t->p->lang : "en", NULL);
	worksheet_set_column(ws, 0, 1, 24, NULL);
	worksheet_hide(ws);
	tpl_protect(ws);
}
