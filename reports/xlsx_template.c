/* The questionnaire workbook a supplier fills in (docs/questionnaire.md,
 * "Workbooks"; the names it uses are engine/questionnaire/qn_xlsx.h, which
 * the reader looks for). Sheets: Instructions, Supplier, Answers, Evidence;
 * hidden, Lists (the dropdowns' entries: inline lists stop at 255
 * characters and at ASCII in libxlsxwriter 1.1.4, ranges do not) and
 * diligo (format, pack, pack version, question-set fingerprint). Every
 * sheet is protected without a password; only the cells to fill are
 * unlocked; the workbook's structure is locked (libxlsxwriter 1.1.4 cannot
 * say so: the workbook part is patched after it is written, below). What
 * an answer cell offers, accepts and shows comes from the question's kind
 * (kind.h: choices, check, to_cell). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <minizip/unzip.h>
#include <minizip/zip.h>

#include "alloc.h"
#include "arena.h"
#include "countries.h"
#include "kind.h"
#include "qn.h"
#include "qn_xlsx.h"
#include "text.h"
#include "xlsx_common.h"

enum { EVIDENCE_SPARE_ROWS = 50 };

/* libxlsxwriter 1.1.4 (Debian 12) keeps a copy of a list-formula data
 * validation's range (lxw_strdup in worksheet_data_validation_range) that
 * it never frees: 17 bytes per dropdown, until the process ends; fixed
 * upstream. LeakSanitizer builds are told so here, where the dropdowns are
 * made, rather than in every test's environment. The library has no frame
 * pointers, so a leak's stack ends at lxw_strdup: the suppression names it
 * (memory diligo owns is never allocated by lxw_strdup). */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DILIGO_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(DILIGO_ASAN)
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:lxw_strdup\n";
}

const char *__lsan_default_options(void); /* stderr stays the program's */
const char *__lsan_default_options(void)
{
	return "print_suppressions=0";
}
#endif

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

/* ---- formats ---------------------------------------------------------- */

static lxw_format *format(lxw_workbook *wb, bool locked, bool wrap, uint32_t bg)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_font_name(f, "Calibri");
	format_set_font_size(f, 10);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	if (wrap)
		format_set_text_wrap(f);
	if (!locked) {
		format_set_unlocked(f);
		format_set_border(f, LXW_BORDER_THIN);
		format_set_border_color(f, 0xA6A6A6);
	}
	if (bg) {
		format_set_bg_color(f, bg);
		format_set_pattern(f, LXW_PATTERN_SOLID);
	}
	return f;
}

static void formats(struct tpl *t)
{
	lxw_workbook *wb = t->wb;

	xfmt_init(wb, &t->f);
	t->locked = format(wb, true, false, 0xF2F2F2);
	t->locked_wrap = format(wb, true, true, 0xF2F2F2);
	t->input = format(wb, false, false, 0);
	t->input_wrap = format(wb, false, true, 0);
	t->input_date = format(wb, false, false, 0);
	format_set_num_format(t->input_date, "yyyy-mm-dd");
	t->title = format(wb, true, false, 0);
	format_set_bold(t->title);
	format_set_font_size(t->title, 14);
	t->para = format(wb, true, true, 0);
	t->bold = format(wb, true, true, 0);
	format_set_bold(t->bold);
	t->cf_required = workbook_add_format(wb);
	format_set_bg_color(t->cf_required, 0xF8CBAD);
	t->cf_na = workbook_add_format(wb);
	format_set_bg_color(t->cf_na, 0xD9D9D9);
	format_set_font_color(t->cf_na, 0x7F7F7F);
}

static void protect(lxw_worksheet *ws)
{
	/* set: the user may (resize columns and rows, filter) */
	lxw_protection prot = { .format_columns = 1, .format_rows = 1, .autofilter = 1 };

	worksheet_protect(ws, NULL, &prot);
}

/* Text cut to what an input or error message holds (255 characters,
 * counted as Excel counts them), on a character boundary. */
static const char *message(char *buf, size_t n, const char *s)
{
	size_t units = 0, i = 0, cut = 0;
	const unsigned char *p = (const unsigned char *)(s ? s : "");

	while (p[i]) {
		size_t len = p[i] < 0x80 ? 1 : p[i] < 0xE0 ? 2 : p[i] < 0xF0 ? 3 : 4;
		size_t u = len == 4 ? 2 : 1;

		if (units + u > 250) {
			snprintf(buf, n, "%.*s...", (int)cut, s);
			return buf;
		}
		units += u;
		i += len;
		cut = i;
	}
	snprintf(buf, n, "%s", s ? s : "");
	return buf;
}

/* ---- the Lists sheet -------------------------------------------------- */

/* One dropdown's entries in the next column of Lists; its range as a
 * formula ("=Lists!$D$2:$D$7"). The column is written by lists_write. */
static const char *list_column(struct tpl *t, const char *head, const char *const *entries,
			       int n)
{
	char col[8];
	int c = t->lists_col++;

	t->cols[c].head = head;
	t->cols[c].entries = entries;
	t->cols[c].n = n;
	lxw_col_to_name(col, (lxw_col_t)c, 1);
	return arena_printf(t->a, "=%s!%s$2:%s$%d", QNX_SHEET_LISTS, col, col, n + 1);
}

static void lists_write(struct tpl *t)
{
	for (int c = 0; c < t->lists_col; c++) {
		xw_text(t->lists, 0, c, t->cols[c].head, t->f.head);
		for (int i = 0; i < t->cols[c].n; i++)
			xw_text(t->lists, i + 1, c, t->cols[c].entries[i], NULL);
		worksheet_set_column(t->lists, (lxw_col_t)c, (lxw_col_t)c, 30, NULL);
	}
	worksheet_hide(t->lists);
	protect(t->lists);
}

static const char *choice_list(struct tpl *t, const struct question *q, const char *head)
{
	const struct kind_ops *k = kind_ops(q->kind);
	int n = k->nchoices(q);
	const char **v = arena_alloc(t->a, (size_t)(n ? n : 1) * sizeof *v);

	for (int i = 0; i < n; i++)
		v[i] = k->choice(q, i).label;
	return list_column(t, head, v, n);
}

static void lists_plan(struct tpl *t)
{
	static const char *const yes_no[] = { QNX_YES, QNX_NO };
	const char **names = arena_alloc(t->a, (size_t)t->ncountries * sizeof *names);
	int nkinds = 0;

	t->cols = arena_alloc(t->a, (size_t)(t->p->nquestions + 4) * sizeof *t->cols);
	t->yes_no = list_column(t, "Yes or no", yes_no, 2);
	while (qn_evidence_kinds[nkinds])
		nkinds++;
	t->kinds = list_column(t, "Evidence kinds", qn_evidence_kinds, nkinds);
	for (int i = 0; i < t->ncountries; i++)
		names[i] = arena_printf(t->a, "%s (%s)", t->countries[i].name, t->countries[i].code);
	t->country_list = list_column(t, "Countries (ISO 3166-1)", names, t->ncountries);
	t->question_list = arena_alloc(t->a, (size_t)(t->p->nquestions + 1) * sizeof *t->question_list);
	for (int i = 0; i < t->p->nquestions; i++) {
		const struct question *q = &t->p->questions[i];

		if (!kind_ops(q->kind)->nchoices(q))
			continue;
		if (q->kind == QK_MATURITY && q->nna_when) { /* one list for these, */
			if (!t->maturity_na)
				t->maturity_na = choice_list(t, q, "Maturity or not applicable");
			t->question_list[i] = t->maturity_na;
		} else if (q->kind == QK_MATURITY) { /* one for those that always apply */
			if (!t->maturity)
				t->maturity = choice_list(t, q, "Maturity");
			t->question_list[i] = t->maturity;
		} else {
			t->question_list[i] = choice_list(t, q, q->id);
		}
	}
}

/* ---- data validation -------------------------------------------------- */

static void validate(lxw_worksheet *ws, int row, int col, lxw_data_validation *dv,
		     const char *title, const char *input, const char *error)
{
	char in[1100], er[1100];

	dv->ignore_blank = LXW_VALIDATION_ON;
	if (input && *input) {
		dv->show_input = LXW_VALIDATION_ON;
		dv->input_title = (char *)title;
		dv->input_message = (char *)message(in, sizeof in, input);
	}
	if (error) {
		dv->show_error = LXW_VALIDATION_ON;
		dv->error_title = "Check the entry";
		dv->error_message = (char *)message(er, sizeof er, error);
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
	snprintf(error, sizeof error, "Text of at most %d characters.", DILIGO_XLSX_CELL_CHARS);
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
	snprintf(error, sizeof error, "Enter a whole number from %.0f to %.0f.", lo, hi);
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
		validate_list(ws, row, col, t->question_list[qi], "How to answer", input, c.error,
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
	validate(ws, row, col, &dv, "How to answer", input, c.error);
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

static void instructions(struct tpl *t)
{
	lxw_worksheet *ws = t->instructions;
	const struct pack *p = t->p;
	char line[DILIGO_REPORT_LINE_TEXT], evidence_para[512];
	int r = 0;
	const char *paras[] = {
		"Your customer asks how your company identifies, prevents and remedies harm to "
		"people and the environment in its operations and supply chain (human-rights and "
		"environmental due diligence). Describe your company on the Supplier sheet, answer "
		"the questions on the Answers sheet and list the documents behind your answers on "
		"the Evidence sheet.",
		"What to fill: only the white cells; everything else is locked. Required questions "
		"say required in the Required column and stay orange until they are answered. "
		"Each answer cell shows its help when you select it; the Allowed answers column "
		"says what it takes.",
		"Answers: choose from the dropdown where there is one. Where several options may "
		"apply, choose one from the list or type several separated by semicolons, as in: "
		"Option A; Option B. Numbers, percentages (35 means 35 %) and dates (such as "
		"2025-01-31) are checked as you type.",
		"Unknown: choose it when you do not know the answer. It counts as a gap, like an "
		"empty answer, but tells your customer that you looked. Not applicable (in the "
		"dropdown of the questions that do not concern every company): choose it when the "
		"question does not concern yours; its help says when. Rows answered Not applicable "
		"turn grey.",
		evidence_para,
		"Comment: anything your customer should know about an answer. Confidential: Yes "
		"keeps the answer, its comment and its evidence out of reports shared beyond your "
		"customer. The respondent's name, role and email are always confidential.",
		("Keep the file an Excel workbook (.xlsx), in Excel or LibreOffice; do not rename "
		 "its sheets."),
	};

	snprintf(evidence_para, sizeof evidence_para,
		 "Evidence: give each supporting document a row on the Evidence sheet (the ids E1, "
		 "E2 ... are ready, and may be changed) with its title, kind, date and web address, "
		 "and write its id in the Evidence ids column of every answer it supports, "
		 "separated by commas. Documents dated more than %d months before the end of the "
		 "reporting period count as out of date.",
		 EVIDENCE_STALE_MONTHS);
	xw_text(ws, r++, 0, report_cell_text(p->title, line, sizeof line), t->title);
	snprintf(line, sizeof line, "Due-diligence questionnaire, sector pack %s %s", p->id,
		 p->version);
	xw_text(ws, r++, 0, line, t->bold);
	r++;
	for (size_t i = 0; i < sizeof paras / sizeof *paras; i++) {
		double w = 80;

		xw_text(ws, r, 0, paras[i], t->para);
		worksheet_set_row(ws, (lxw_row_t)r, row_height(&paras[i], &w, 1), NULL);
		r += 2;
	}
	if (t->o->contact && *t->o->contact) {
		xw_text(ws, r++, 0, "Return the completed workbook to:", t->bold);
		xw_text(ws, r++, 0, t->o->contact, t->para);
	} else {
		xw_text(ws, r++, 0, "Return the completed workbook to the person who sent it to you.",
			t->bold);
	}
	worksheet_set_column(ws, 0, 0, 80, NULL);
	worksheet_set_paper(ws, 9);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_gridlines(ws, LXW_HIDE_ALL_GRIDLINES);
	protect(ws);
}

/* ---- Supplier --------------------------------------------------------- */

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
static void supplier(struct tpl *t, int pass)
{
	lxw_worksheet *ws = t->supplier;
	static const struct column cols[] = { { "Field", 22, 0 }, { "Value", 44, 1 },
					      { "Notes", 70, 1 } };

	if (pass) {
		for (int i = 0; i < qnx_nfields; i++)
			xw_text(ws, i + 1, 2, qnx_fields[i].note, t->locked_wrap);
		worksheet_set_selection(ws, 1, 1, 1, 1);
		protect(ws);
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
			validate_list(ws, r, 1, t->country_list, f->label, f->note,
				      "Choose a country from the list.", false);
		else if (!strcmp(f->path, "supplier.employees"))
			validate_whole(ws, r, 1, 0, 100000000, f->label, f->note);
		else if (!strcmp(f->path, "supplier.tier"))
			validate_whole(ws, r, 1, 1, 99, f->label, f->note);
		else if (!strcmp(f->path, "period"))
			validate_whole(ws, r, 1, 1990, 2100, f->label, f->note);
		else
			validate_text(ws, r, 1, f->label, f->note);
		if (f->required) {
			lxw_conditional_format cf = { .type = LXW_CONDITIONAL_TYPE_BLANKS,
						      .format = t->cf_required };

			worksheet_conditional_format_cell(ws, (lxw_row_t)r, 1, &cf);
		}
	}
}

/* ---- Answers ---------------------------------------------------------- */

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
		write_text_or_blank(ws, r, QNX_REQUIRED, q->required ? QNX_REQUIRED_MARK : NULL,
				    t->locked);
		xw_text(ws, r, QNX_ALLOWED, hint, t->locked_wrap);
		worksheet_set_row(ws, (lxw_row_t)r, row_height(texts, widths, 2), NULL);
		return;
	}
	xw_text(ws, r, QNX_ID, q->id, t->locked_wrap);
	if (a && a->state == ANS_UNKNOWN) {
		xw_text(ws, r, QNX_ANSWER, KIND_UNKNOWN_LABEL, in);
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
	validate_text(ws, r, QNX_EVIDENCE, "Evidence ids",
		      "The ids of the documents on the Evidence sheet that support this answer, "
		      "separated by commas: E1, E3.");
	write_text_or_blank(ws, r, QNX_COMMENT, a ? a->comment : NULL, t->input_wrap);
	validate_text(ws, r, QNX_COMMENT, "Comment", "Anything your customer should know about "
						     "this answer.");
	write_text_or_blank(ws, r, QNX_CONFIDENTIAL, a && a->confidential ? QNX_YES : NULL,
			    t->input);
	validate_list(ws, r, QNX_CONFIDENTIAL, t->yes_no, "Confidential",
		      "Yes keeps this answer, its comment and its evidence out of reports shared "
		      "beyond your customer.",
		      "Choose Yes or No.", false);
}

static void answers(struct tpl *t, int pass)
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
	char cond[160];
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
		snprintf(cond, sizeof cond, "=AND($I2=\"%s\",LEN(TRIM($E2))=0)", QNX_REQUIRED_MARK);
		cf.value_string = cond;
		cf.format = t->cf_required;
		worksheet_conditional_format_range(ws, 1, QNX_ANSWER, (lxw_row_t)n, QNX_ANSWER, &cf);
		/* a question that does not apply: the row grey */
		snprintf(cond, sizeof cond,
			 "=OR(LOWER(TRIM($E2))=\"not applicable\",LOWER(TRIM($E2))=\"na\")");
		cf.value_string = cond;
		cf.format = t->cf_na;
		worksheet_conditional_format_range(ws, 1, 0, (lxw_row_t)n, QNX_NCOLS - 1, &cf);
	}
	worksheet_set_selection(ws, 1, QNX_ANSWER, 1, QNX_ANSWER);
	protect(ws);
}

/* ---- Evidence --------------------------------------------------------- */

static bool id_used(const struct qn *q, const char *id)
{
	for (int i = 0; q && i < q->nevidence; i++)
		if (!strcmp(q->evidence[i].id, id))
			return true;
	return false;
}

static void evidence(struct tpl *t)
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
		validate_text(ws, r, QNX_EV_ID, "Evidence id",
			      "The id to cite in the Evidence ids column of the Answers sheet.");
		write_text_or_blank(ws, r, QNX_EV_TITLE, ev ? ev->title : NULL, t->input_wrap);
		validate_text(ws, r, QNX_EV_TITLE, "Title", "The document's title (required).");
		write_text_or_blank(ws, r, QNX_EV_KIND, ev ? ev->kind : NULL, t->input);
		validate_list(ws, r, QNX_EV_KIND, t->kinds, "Kind", "What the document is.",
			      "Choose a kind from the list.", false);
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
			validate(ws, r, QNX_EV_DATE, &dv, "Date", "The document's date, such as "
								  "2025-01-31.",
				 "Enter a date, such as 2025-01-31.");
		}
		write_text_or_blank(ws, r, QNX_EV_URL, ev ? ev->url : NULL, t->input_wrap);
		validate_text(ws, r, QNX_EV_URL, "URL", "Where the document can be read, if it is "
							"online (kept as text, never as a link).");
	}
	protect(ws);
}

/* ---- the hidden diligo sheet ------------------------------------------ */

static void meta(struct tpl *t)
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
	xw_text(ws, 4, 0, "made by", NULL);
	xw_text(ws, 4, 1, "diligo " DILIGO_VERSION, NULL);
	worksheet_set_column(ws, 0, 1, 24, NULL);
	worksheet_hide(ws);
	protect(ws);
}

/* ---- locking the structure -------------------------------------------- */

/* A zip in memory, for minizip to read or write. */
struct mem {
	char *buf;
	size_t len, cap, pos;
};

static voidpf mem_open(voidpf opaque, const void *name, int mode)
{
	(void)name, (void)mode;
	return opaque;
}

static uLong mem_read(voidpf opaque, voidpf stream, void *buf, uLong size)
{
	struct mem *m = stream;
	size_t n = m->pos < m->len ? m->len - m->pos : 0;

	(void)opaque;
	if (n > size)
		n = size;
	memcpy(buf, m->buf + m->pos, n);
	m->pos += n;
	return (uLong)n;
}

static uLong mem_write(voidpf opaque, voidpf stream, const void *buf, uLong size)
{
	struct mem *m = stream;

	(void)opaque;
	if (m->pos + size > m->cap) {
		m->cap = (m->pos + size) * 2;
		m->buf = xrealloc(m->buf, m->cap);
	}
	memcpy(m->buf + m->pos, buf, size);
	m->pos += size;
	if (m->pos > m->len)
		m->len = m->pos;
	return size;
}

static ZPOS64_T mem_tell(voidpf opaque, voidpf stream)
{
	(void)opaque;
	return ((struct mem *)stream)->pos;
}

static long mem_seek(voidpf opaque, voidpf stream, ZPOS64_T off, int origin)
{
	struct mem *m = stream;
	size_t base = origin == ZLIB_FILEFUNC_SEEK_CUR ? m->pos
		      : origin == ZLIB_FILEFUNC_SEEK_END ? m->len
							 : 0;

	(void)opaque;
	if (off > m->len || base + off > m->len) /* only within what is there */
		return -1;
	m->pos = base + (size_t)off;
	return 0;
}

static int mem_close(voidpf opaque, voidpf stream)
{
	(void)opaque, (void)stream;
	return 0;
}

static int mem_error(voidpf opaque, voidpf stream)
{
	(void)opaque, (void)stream;
	return 0;
}

static void mem_io(zlib_filefunc64_def *io, struct mem *m)
{
	*io = (zlib_filefunc64_def){ mem_open, mem_read, mem_write, mem_tell, mem_seek,
				     mem_close, mem_error, m };
}

/* The zip in in, member by member (compressed data as is) into out, with
 * <workbookProtection lockStructure="1"/> put into xl/workbook.xml after
 * its workbookPr (where the schema orders it). libxlsxwriter 1.1.4 cannot
 * lock a workbook's structure. 0 or -1. */
static int lock_structure(struct mem *in, struct mem *out)
{
	zlib_filefunc64_def ri, wi;
	unzFile uz;
	zipFile zf;
	char name[512];
	int rc, ok = 1;

	mem_io(&ri, in);
	mem_io(&wi, out);
	uz = unzOpen2_64("in", &ri);
	zf = uz ? zipOpen2_64("out", APPEND_STATUS_CREATE, NULL, &wi) : NULL;
	rc = uz && zf ? unzGoToFirstFile(uz) : UNZ_ERRNO;
	while (rc == UNZ_OK && ok) {
		unz_file_info64 fi;
		zip_fileinfo zi = { 0 };
		int method = 0, level = 0;
		bool patch;

		ok = unzGetCurrentFileInfo64(uz, &fi, name, sizeof name, NULL, 0, NULL, 0) == UNZ_OK;
		patch = ok && !strcmp(name, "xl/workbook.xml");
		zi.dosDate = fi.dosDate;
		zi.internal_fa = fi.internal_fa;
		zi.external_fa = fi.external_fa;
		if (ok && patch) {
			const char *lock = "<workbookProtection lockStructure=\"1\"/>";
			size_t len = (size_t)fi.uncompressed_size, k = strlen(lock);
			char *xml = xmalloc(len + k + 1), *at;

			ok = unzOpenCurrentFile(uz) == UNZ_OK &&
			     unzReadCurrentFile(uz, xml, (unsigned)len) == (int)len &&
			     unzCloseCurrentFile(uz) == UNZ_OK;
			if (ok) {
				xml[len] = '\0';
				at = strstr(xml, "<workbookPr");
				at = at && strstr(at, "/>") ? strstr(at, "/>") + 2 : strstr(xml, "<bookViews");
				ok = at != NULL;
			}
			if (ok) {
				memmove(at + k, at, len - (size_t)(at - xml) + 1);
				memcpy(at, lock, k);
				ok = zipOpenNewFileInZip64(zf, name, &zi, NULL, 0, NULL, 0, NULL, Z_DEFLATED,
							   Z_DEFAULT_COMPRESSION, 0) == ZIP_OK &&
				     zipWriteInFileInZip(zf, xml, (unsigned)(len + k)) == ZIP_OK &&
				     zipCloseFileInZip(zf) == ZIP_OK;
			}
			free(xml);
		} else if (ok) {
			char *raw = xmalloc((size_t)fi.compressed_size + 1);

			ok = unzOpenCurrentFile2(uz, &method, &level, 1) == UNZ_OK &&
			     unzReadCurrentFile(uz, raw, (unsigned)fi.compressed_size) ==
				     (int)fi.compressed_size &&
			     unzCloseCurrentFile(uz) == UNZ_OK &&
			     zipOpenNewFileInZip2_64(zf, name, &zi, NULL, 0, NULL, 0, NULL, method, level,
						     1, 0) == ZIP_OK &&
			     zipWriteInFileInZip(zf, raw, (unsigned)fi.compressed_size) == ZIP_OK &&
			     zipCloseFileInZipRaw64(zf, fi.uncompressed_size, fi.crc) == ZIP_OK;
			free(raw);
		}
		if (ok)
			rc = unzGoToNextFile(uz);
	}
	if (zf && zipClose(zf, NULL) != ZIP_OK)
		ok = 0;
	if (uz)
		unzClose(uz);
	return ok && rc == UNZ_END_OF_LIST_OF_FILE ? 0 : -1;
}

/* The file at path into m. 0 or an errno. */
static int slurp(const char *path, struct mem *m)
{
	FILE *f = fopen(path, "rb");
	size_t got;

	if (!f)
		return errno ? errno : EIO;
	m->cap = 256 * 1024;
	m->buf = xmalloc(m->cap);
	while ((got = fread(m->buf + m->len, 1, m->cap - m->len, f)) > 0) {
		m->len += got;
		if (m->len == m->cap)
			m->buf = xrealloc(m->buf, m->cap *= 2);
	}
	got = (size_t)ferror(f);
	fclose(f);
	return got ? EIO : 0;
}

/* ---- the workbook ----------------------------------------------------- */

int report_template_xlsx(const char *path, const struct pack *p, const struct qn *q,
			 const struct template_opts *o, struct err *e)
{
	struct tpl t = { .p = p, .q = q, .o = o };
	struct outfile of;
	lxw_workbook_options wo = { 0 };
	struct mem first = { 0 }, locked = { 0 };
	char scratch[64] = "";
	const char *countries = o->countries ? o->countries : REPORT_ISO3166_JSON;
	const char *written;
	lxw_error lrc;
	FILE *f;
	int rc, errnum;

	t.a = arena_new();
	if ((rc = countries_load(countries, &t.countries, &t.ncountries, t.a, e))) {
		arena_free(t.a);
		return rc;
	}
	if (outfile_begin(&of, path, e)) {
		arena_free(t.a);
		return e->code;
	}
	/* libxlsxwriter writes a file that is then read back and patched (the
	 * structure lock): the output file itself, or for a device or a pipe,
	 * a scratch file that is removed at once */
	written = of.tmp;
	if (of.direct) {
		int fd;

		snprintf(scratch, sizeof scratch, "/tmp/diligo-template-XXXXXX");
		if ((fd = mkstemp(scratch)) < 0) {
			outfile_discard(&of);
			arena_free(t.a);
			return err_set(e, ERR_IO, "cannot write '%s': %s", path, strerror(errno));
		}
		close(fd);
		written = scratch;
	}
	t.wb = workbook_new_opt(written, &wo);
	if (!t.wb) {
		if (*scratch)
			unlink(scratch);
		outfile_discard(&of);
		arena_free(t.a);
		return err_set(e, ERR_IO, "cannot write '%s'", path);
	}
	formats(&t);
	/* the sheets in their order */
	t.instructions = workbook_add_worksheet(t.wb, QNX_SHEET_INSTRUCTIONS);
	t.supplier = workbook_add_worksheet(t.wb, QNX_SHEET_SUPPLIER);
	t.answers = workbook_add_worksheet(t.wb, QNX_SHEET_ANSWERS);
	t.evidence = workbook_add_worksheet(t.wb, QNX_SHEET_EVIDENCE);
	t.lists = workbook_add_worksheet(t.wb, QNX_SHEET_LISTS);
	t.meta = workbook_add_worksheet(t.wb, QNX_SHEET_META);
	/* Cells in the order that puts the text the reader reads first in the
	 * shared-string table, which it then reads only that far (xlsx_read.h):
	 * the hidden sheet, supplier fields and values, question ids and
	 * answers, evidence; then what only suppliers read. */
	lists_plan(&t);
	meta(&t);
	supplier(&t, 0);
	answers(&t, 0);
	evidence(&t);
	instructions(&t);
	supplier(&t, 1);
	answers(&t, 1);
	lists_write(&t);
	xw_properties(t.wb, p->title, NULL, o->now);
	errno = 0;
	lrc = workbook_close(t.wb);
	errnum = errno;
	arena_free(t.a);
	if (lrc == LXW_NO_ERROR)
		errnum = slurp(written, &first);
	if (*scratch)
		unlink(scratch);
	if (lrc != LXW_NO_ERROR || errnum) {
		free(first.buf);
		outfile_discard(&of);
		return err_set(e, ERR_IO, "cannot write '%s': %s", path,
			       errnum ? strerror(errnum) : lxw_strerror(lrc));
	}
	rc = lock_structure(&first, &locked);
	free(first.buf);
	if (rc) {
		free(locked.buf);
		outfile_discard(&of);
		return err_set(e, ERR_IO, "cannot write '%s': the workbook cannot be locked", path);
	}
	errno = 0;
	f = fopen(of.tmp, "wb");
	if (!f || fwrite(locked.buf, 1, locked.len, f) != locked.len || fflush(f) | ferror(f)) {
		errnum = errno;
		if (f)
			fclose(f);
		free(locked.buf);
		outfile_discard(&of);
		return err_set(e, ERR_IO, "cannot write '%s': %s", path,
			       errnum ? strerror(errnum) : "write error");
	}
	free(locked.buf);
	if (fclose(f)) {
		errnum = errno;
		outfile_discard(&of);
		return err_set(e, ERR_IO, "cannot write '%s': %s", path, strerror(errnum));
	}
	return outfile_commit(&of, e);
}
