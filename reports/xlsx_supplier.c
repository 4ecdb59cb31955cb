/* The supplier workbook (docs/workbooks.md): Summary, Duties, Findings,
 * Action plan, Answers, Evidence, Method. Every number can be followed back:
 * a finding lists its rule, duties and the answers that triggered it; the
 * Method sheet names every Lua file by SHA-256 and states the scoring method,
 * written from the constants of score.h.
 *
 * Printed, each sheet is legible on its own paper (xlsx_common.h): Summary
 * is a one-page landscape dashboard; the tables are landscape, one page
 * wide, their heading repeated, their rows as tall as their wrapped text;
 * Findings and Answers print their reading columns first and leave the
 * technical ones (severity components, rule id and source; section, kind)
 * to the screen; Method is a two-column portrait page. What a stakeholder
 * copy withholds is decided in redact.c. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "bounds.h"
#include "change.h"
#include "crisk.h"
#include "l10n_pack.h"
#include "redact.h"
#include "score.h"
#include "sink.h"
#include "xlsx_changes.h"
#include "xlsx_common.h"
#include "xlsx_supplier_int.h"

const char *sw_join(const char **v, int n, const char *sep, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int i = 0; i < n && used + 1 < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? sep : "", v[i]);
	return buf;
}

/* Free text as this copy shows it (mentions of the supplier replaced). */
const char *sw_shown(struct sw *w, const char *s, char *buf, size_t n)
{
	return redact_free(&w->who, s, buf, n, NULL);
}

/* The width (Excel units) a column needs for the widest of texts, between
 * min and max: columns of ids are as wide as their longest id. */
double sw_fit(double width, double min, double max)
{
	return width < min ? min : width > max ? max : width;
}

/* ---- Summary -------------------------------------------------------- */

/* The dashboard's grid: A label | B value | C gap | D label | E value |
 * F gap | G duty area | H score | the chart from I; provenance from G. */
enum {
	S_A = 16, S_B = 24, S_C = 2, S_D = 20, S_E = 12, S_F = 2, S_G = 22, S_H = 7, S_I = 8,
	S_TOP = 3,      /* row of the section headings */
	S_LIST = 18,    /* row of the red flags' section */
	S_LIST_MAX = DILIGO_TOP_FINDINGS, /* rows per list */
	S_CHART_W = 340,
};

static void label(struct sw *w, lxw_worksheet *ws, int row, int col, const char *k)
{
	worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, k, w->f.label);
}

void sw_section(struct sw *w, lxw_worksheet *ws, int row, int c0, int c1, const char *title)
{
	worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)c0, title, w->f.section);
	for (int c = c0 + 1; c <= c1; c++)
		worksheet_write_blank(ws, (lxw_row_t)row, (lxw_col_t)c, w->f.section);
}

/* A value over columns c0..c1 (merged when more than one), wrapped;
 * returns the lines it needs. */
static int span(lxw_worksheet *ws, int row, int c0, int c1, double width, const char *s,
		lxw_format *fmt)
{
	char buf[DILIGO_XLSX_CELL_CHARS / 8];

	if (!s)
		s = "";
	s = report_cell_text(s, buf, sizeof buf);
	if (c1 > c0)
		worksheet_merge_range(ws, (lxw_row_t)row, (lxw_col_t)c0, (lxw_row_t)row,
				      (lxw_col_t)c1, s, fmt);
	else
		worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)c0, s, fmt);
	return xl_lines(s, width, XW_SIZE, false);
}

static void summary_profile(struct sw *w, lxw_worksheet *ws, int *lines)
{
	const struct qn *q = w->a->qn;
	char buf[DILIGO_REPORT_LINE_TEXT];
	int r = S_TOP + 1;

	sw_section(w, ws, S_TOP, 0, 1, RT(SEC_SUPPLIER));
	label(w, ws, r, 0, RT(K_SUPPLIER_ID));
	lines[r] = span(ws, r, 1, 1, S_B, w->who.id, w->f.value_wrap);
	label(w, ws, ++r, 0, RT(K_NAME));
	lines[r] = span(ws, r, 1, 1, S_B, w->who.name, w->f.value_wrap);
	label(w, ws, ++r, 0, RT(K_COUNTRY));
	xw_text(ws, r, 1, q->supplier.country, w->f.value);
	label(w, ws, ++r, 0, RT(K_SECTOR));
	lines[r] = span(ws, r, 1, 1, S_B, q->supplier.sector, w->f.value_wrap);
	label(w, ws, ++r, 0, RT(K_EMPLOYEES));
	if (q->supplier.employees >= 0 && w->o->stakeholder && w->o->pseudonymise)
		xw_text(ws, r, 1, employees_band(q->supplier.employees, buf, sizeof buf), w->f.value);
	else if (q->supplier.employees >= 0)
		worksheet_write_number(ws, (lxw_row_t)r, 1, (double)q->supplier.employees,
				       w->f.value_num);
	label(w, ws, ++r, 0, RT(K_TIER));
	if (q->supplier.tier)
		worksheet_write_number(ws, (lxw_row_t)r, 1, q->supplier.tier, w->f.value_num);
	label(w, ws, ++r, 0, RT(K_PERIOD));
	if (q->period)
		worksheet_write_number(ws, (lxw_row_t)r, 1, q->period, w->f.value_num);
	label(w, ws, ++r, 0, RT(K_RESPONDENT));
	if (w->o->stakeholder) {
		xw_text(ws, r, 1, RT(CONFIDENTIAL), w->f.value);
	} else {
		snprintf(buf, sizeof buf, "%s%s%s", q->respondent_name ? q->respondent_name : "",
			 q->respondent_name && q->respondent_role ? ", " : "",
			 q->respondent_role ? q->respondent_role : "");
		lines[r] = span(ws, r, 1, 1, S_B, buf, w->f.value_wrap);
	}
}

/* Red flags: the groups a confirmed red-flag finding leads. */
static int red_flag_groups(const struct assessment *a)
{
	int n = 0;

	for (int i = 0; i < a->nfindings; i++)
		n += a->findings[i].red_flag && a->findings[i].lead == i;
	return n;
}

static void summary_result(struct sw *w, lxw_worksheet *ws, int *lines)
{
	const struct assessment *a = w->a;
	char r1[2] = { a->rating, 0 }, r2[2] = { a->process_rating, 0 }, k[64];
	char why[DILIGO_REPORT_LINE_TEXT];
	int r = S_TOP + 1;

	sw_section(w, ws, S_TOP, 3, 4, RT(SEC_RESULT));
	label(w, ws, r, 3, RT(K_OVERALL));
	xw_num(ws, r, 4, a->overall, w->f.value_num1);
	label(w, ws, ++r, 3, RT(K_RATING));
	worksheet_write_string(ws, (lxw_row_t)r, 4, r1, w->f.big);
	lines[r] = 2; /* the big letter */
	label(w, ws, ++r, 3, RT(K_PROCESS_RATING));
	worksheet_write_string(ws, (lxw_row_t)r, 4, r2, w->f.value);
	label(w, ws, ++r, 3, RT(K_COVERAGE));
	xw_num(ws, r, 4, a->coverage, w->f.value_pct);
	label(w, ws, ++r, 3, RT(K_CLAIMED));
	xw_num(ws, r, 4, a->claimed, w->f.value_pct);
	label(w, ws, ++r, 3, RT(K_EVIDENCED));
	xw_num(ws, r, 4, a->evidenced, w->f.value_pct);
	label(w, ws, ++r, 3, RT(K_RED_FLAG));
	worksheet_write_string(ws, (lxw_row_t)r, 4, a->red_flag ? RT(YES)
				       : a->red_flags_unresolved ? RT(UNRESOLVED) : RT(NO),
			       a->red_flag ? w->f.flag_value : w->f.value);
	label(w, ws, ++r, 3, RT(K_UNRESOLVED));
	worksheet_write_number(ws, (lxw_row_t)r, 4, a->red_flags_unresolved, w->f.value_num);
	for (int l = LVL_CRITICAL; l >= LVL_LOW; l--) {
		snprintf(k, sizeof k, RT(FMT_K_FINDINGS_LEVEL), report_level((int)l));
		label(w, ws, ++r, 3, k);
		worksheet_write_number(ws, (lxw_row_t)r, 4, a->per_level[l], w->f.value_num);
	}
	/* why, under both blocks: the engine's sentence (score, caps that applied) */
	r = S_LIST - 2 > r + 1 ? S_LIST - 2 : r + 1;
	label(w, ws, r, 0, RT(K_RATING_WHY));
	lines[r] = span(ws, r, 1, 4, S_B + S_C + S_D + S_E, redact_reason(w->o, a, why, sizeof why),
			w->f.value_wrap);
}

/* The most pressing first: level, then priority, then the order of the
 * Findings sheet. */
static _Thread_local const struct finding *order_base; /* qsort has no context argument */

static int by_urgency(const void *x, const void *y)
{
	const struct finding *a = &order_base[*(const int *)x], *b = &order_base[*(const int *)y];

	if (a->level != b->level)
		return (int)b->level - (int)a->level;
	if (a->priority != b->priority)
		return a->priority < b->priority ? 1 : -1;
	return *(const int *)x - *(const int *)y;
}

/* A list of findings under a section heading: Level | Finding | Priority,
 * one line per impact group (its lead), the most pressing first. */
static int summary_list(struct sw *w, lxw_worksheet *ws, int r, const char *title, bool flags,
			bool skip_flags, const char *none, int *lines)
{
	const struct assessment *a = w->a;
	char buf[DILIGO_REPORT_LINE_TEXT], more[128];
	int *pick = xcalloc((size_t)(a->nfindings ? a->nfindings : 1), sizeof *pick), n = 0;

	sw_section(w, ws, r, 0, 4, title);
	r++;
	worksheet_write_string(ws, (lxw_row_t)r, 0, RT(H_LEVEL), w->f.head);
	worksheet_merge_range(ws, (lxw_row_t)r, 1, (lxw_row_t)r, 3, RT(H_FINDING), w->f.head);
	worksheet_write_string(ws, (lxw_row_t)r, 4, RT(H_PRIORITY), w->f.head_r);
	r++;
	for (int i = 0; i < a->nfindings; i++) {
		const struct finding *f = &a->findings[i];

		if (f->lead != i) /* corroborating findings are on the Findings sheet */
			continue;
		if ((flags && !f->red_flag) || (skip_flags && f->red_flag))
			continue;
		pick[n++] = i;
	}
	order_base = a->findings;
	qsort(pick, (size_t)n, sizeof *pick, by_urgency);
	for (int k = 0; k < n && k < S_LIST_MAX; k++) {
		const struct finding *f = &a->findings[pick[k]];

		worksheet_write_string(ws, (lxw_row_t)r, 0, report_level(f->level), w->f.level[f->level]);
		lines[r] = span(ws, r, 1, 3, S_B + S_C + S_D,
				finding_title(w->o, a, f, buf, sizeof buf), w->f.value_wrap);
		worksheet_write_number(ws, (lxw_row_t)r, 4, f->priority, w->f.num1);
		r++;
	}
	if (!n) {
		lines[r] = span(ws, r, 1, 3, S_B + S_C + S_D, none, w->f.muted);
		r++;
	}
	if (n > S_LIST_MAX) {
		snprintf(more, sizeof more, RT(FMT_MORE_FINDINGS), n - S_LIST_MAX);
		lines[r] = span(ws, r, 1, 3, S_B + S_C + S_D, more, w->f.muted);
		r++;
	}
	free(pick);
	return r;
}

/* The height of Summary row i in points, as sheet_summary sets it. */
static double summary_row_pt(const int *lines, int i)
{
	if (i == 0)
		return xl_row_pt(1, 11);
	if (i == 1)
		return xl_row_pt(1, 14);
	if (i == 2)
		return 6;
	return xl_row_pt(lines[i], XW_SIZE);
}

/* Scores per duty area, as a table (G..H) and a bar chart beside it whose
 * bars run top to bottom in the table's order, every area labelled.
 * Returns the height of the chart in points. */
static double summary_chart(struct sw *w, lxw_worksheet *ws, int *lines)
{
	const struct area_score *areas = w->a->areas;
	int n = w->a->nareas, first = S_TOP + 2;
	lxw_chart *chart;
	lxw_chart_series *s;
	lxw_chart_font font = { .size = 8 };
	lxw_chart_font tfont = { .size = 10, .bold = LXW_TRUE };
	lxw_chart_fill fill = { .color = 0x1F4E79 };
	lxw_chart_options co = { 0 };
	const char *sheet = RT(SHEET_SUMMARY);
	double height = 0;

	sw_section(w, ws, S_TOP, 6, 7, RT(SEC_AREAS));
	worksheet_write_string(ws, S_TOP + 1, 6, RT(H_DUTY_AREA), w->f.head);
	worksheet_write_string(ws, S_TOP + 1, 7, RT(H_SCORE), w->f.head_r);
	for (int i = 0; i < n; i++) {
		const char *name = pack_area(w->a->pack, areas[i].area);
		int l = xl_lines(name, S_G, XW_SIZE, false);

		xw_text(ws, first + i, 6, name, w->f.wrap);
		xw_num(ws, first + i, 7, areas[i].score, w->f.num1);
		lines[first + i] = l > lines[first + i] ? l : lines[first + i];
	}
	if (!n)
		return 0;
	/* as tall as the blocks beside it, taller when there are many areas */
	for (int i = S_TOP; i < S_LIST - 1; i++)
		height += summary_row_pt(lines, i);
	if (height < 45 + 16.0 * n)
		height = 45 + 16.0 * n;
	chart = workbook_add_chart(w->wb, LXW_CHART_BAR);
	s = chart_add_series(chart, NULL, NULL);
	chart_series_set_categories(s, sheet, (lxw_row_t)first, 6, (lxw_row_t)(first + n - 1), 6);
	chart_series_set_values(s, sheet, (lxw_row_t)first, 7, (lxw_row_t)(first + n - 1), 7);
	chart_series_set_fill(s, &fill);
	chart_set_series_gap(chart, 60);
	chart_title_set_name(chart, RT(CHART_AREAS));
	chart_title_set_name_font(chart, &tfont);
	chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
	/* bar charts: x is the value axis, y the category axis */
	chart_axis_set_min(chart->x_axis, 0);
	chart_axis_set_max(chart->x_axis, SCORE_SCALE);
	chart_axis_set_major_unit(chart->x_axis, SCORE_SCALE / 4.0);
	chart_axis_set_num_font(chart->x_axis, &font);
	chart_axis_set_num_font(chart->y_axis, &font);
	chart_axis_set_reverse(chart->y_axis);          /* first area on top, as in the table */
	chart_axis_set_crossing_max(chart->y_axis);     /* and the values along the bottom */
	chart_axis_set_interval_unit(chart->y_axis, 1); /* every label */
	co.x_scale = S_CHART_W / 480.0;
	co.y_scale = height * 4 / 3 / 288.0; /* points to pixels at 96 dpi */
	co.x_offset = 6;
	worksheet_insert_chart_opt(ws, S_TOP, 8, chart, &co);
	return height;
}

/* Provenance, right of the lists and below the area table and the chart:
 * label in G, value over H..N. Returns the row after it. */
static int summary_provenance(struct sw *w, lxw_worksheet *ws, int *lines, int r)
{
	const struct assessment *a = w->a;
	char buf[DILIGO_REPORT_LINE_TEXT], when[64];
	const double width = S_H + 6 * S_I;
	struct tm tm;

	gmtime_r(&w->o->now, &tm);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", &tm);
	sw_section(w, ws, r++, 6, 13, RT(SEC_PROVENANCE));
	snprintf(buf, sizeof buf, "%s %s (%s)", a->pack->id, a->pack->version ? a->pack->version : "",
		 a->pack->title ? a->pack->title : "");
	label(w, ws, r, 6, RT(K_SECTOR_PACK));
	lines[r] = span(ws, r, 7, 13, width, buf, w->f.value_wrap);
	label(w, ws, ++r, 6, RT(K_QN_SHA));
	lines[r] = span(ws, r, 7, 13, width, a->qn->sha256, w->f.value_wrap);
	label(w, ws, ++r, 6, RT(K_GENERATED));
	snprintf(buf, sizeof buf, "%s, diligo %s", when, DILIGO_VERSION);
	lines[r] = span(ws, r, 7, 13, width, buf, w->f.value_wrap);
	label(w, ws, ++r, 6, RT(K_AUDIENCE));
	lines[r] = span(ws, r, 7, 13, width,
			!w->o->stakeholder ? RT(AUDIENCE_COMPANY)
			: w->o->pseudonymise ? RT(AUDIENCE_PSEUDONYMISED) : RT(AUDIENCE_STAKEHOLDER),
			w->f.value_wrap);
	label(w, ws, ++r, 6, RT(K_METHOD));
	lines[r] = span(ws, r, 7, 13, width, RT(METHOD_POINTER), w->f.value_wrap);
	return r + 1;
}

enum { S_ROWS = S_LIST + 2 * (S_LIST_MAX + 4) + DILIGO_MAX_AREAS + 16 };

static void sheet_summary(struct sw *w)
{
	lxw_worksheet *ws = workbook_add_worksheet(w->wb, RT(SHEET_SUMMARY));
	static const double widths[] = { S_A, S_B, S_C, S_D, S_E, S_F, S_G, S_H };
	int lines[S_ROWS], r, p, nflags = red_flag_groups(w->a);
	int area_end = S_TOP + 2 + w->a->nareas; /* the row after the area table */
	char title[DILIGO_REPORT_LINE_TEXT];
	double chart, top = 0;

	for (int i = 0; i < S_ROWS; i++)
		lines[i] = 1;
	for (int c = 0; c < 8; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL);
	worksheet_set_column(ws, 8, 13, S_I, NULL);
	xw_mark_row(ws, &w->f, &w->pg, RT(SHEET_SUMMARY));
	snprintf(title, sizeof title, RT(FMT_DOC_TITLE), w->who.name);
	xw_text(ws, 1, 0, title, w->f.title);
	summary_profile(w, ws, lines);
	summary_result(w, ws, lines);
	if (area_end <= S_LIST - 1)
		lines[S_LIST - 1] = 0; /* a thin gap before the lists */
	r = summary_list(w, ws, S_LIST, nflags ? RT(SEC_RED_FLAGS) : RT(SEC_TOP), nflags > 0, false,
			 nflags ? RT(NO_RED_FLAGS) : RT(NO_FINDINGS), lines);
	if (nflags)
		r = summary_list(w, ws, r + 1, RT(SEC_TOP_OTHER), false, true, RT(NO_OTHER_FINDINGS),
				 lines);
	chart = summary_chart(w, ws, lines);
	/* provenance: below the area table and below the chart's bottom */
	for (p = 0; p < S_TOP; p++)
		top += summary_row_pt(lines, p);
	chart += top;
	for (p = 0, top = 0; p < S_ROWS - 8; p++) {
		if (p >= S_LIST && p > area_end && top >= chart)
			break;
		top += lines[p] ? summary_row_pt(lines, p) : 6;
	}
	p = summary_provenance(w, ws, lines, p);
	r = r > p ? r : p;
	worksheet_set_row(ws, 1, xl_row_pt(1, 14), NULL);
	worksheet_set_row(ws, 2, 6, NULL);
	for (int i = S_TOP; i < r && i < S_ROWS; i++)
		if (lines[i] != 1)
			worksheet_set_row(ws, (lxw_row_t)i, lines[i] ? xl_row_pt(lines[i], XW_SIZE) : 6,
					  NULL);
	xw_page(ws, &w->pg, XW_LANDSCAPE, 1, 1);
	worksheet_print_area(ws, 0, 0, (lxw_row_t)(r - 1), 13);
	worksheet_gridlines(ws, LXW_HIDE_ALL_GRIDLINES);
	worksheet_activate(ws);
}


int report_supplier_xlsx(const char *path, const struct assessment *a,
			 const struct report_opts *o, struct err *e)
{
	struct sw w = { .a = a, .o = o };
	struct outfile of;
	lxw_workbook_options wo = { 0 };
	char title[DILIGO_REPORT_LINE_TEXT];

	if (outfile_begin(&of, path, e))
		return ERR_IO;
	w.wb = workbook_new_opt(of.tmp, &wo);
	if (!w.wb) {
		outfile_discard(&of);
		return err_set(e, ERR_IO, "cannot write '%s'", path);
	}
	redact_who(o, &a->qn->supplier, &w.who);
	redact_count(o, a, &w.who, w.counts);
	xfmt_init(w.wb, &w.f);
	w.due = workbook_add_format(w.wb);
	format_set_num_format(w.due, "yyyy-mm-dd");
	format_set_font_name(w.due, XW_FONT);
	format_set_font_size(w.due, XW_SIZE);
	format_set_align(w.due, LXW_ALIGN_VERTICAL_TOP);
	xpage_init(&w.pg, o, w.who.name);
	snprintf(title, sizeof title, RT(FMT_DOC_TITLE), w.who.name);
	xw_properties(w.wb, title, w.pg.marking, o->now);
	sheet_summary(&w);
	xlsx_sheet_changes(w.wb, &w.f, &w.pg, a, o, &w.who);
	sw_sheet_duties(&w);
	sw_sheet_findings(&w);
	sw_sheet_actions(&w);
	sw_sheet_answers(&w);
	sw_sheet_evidence(&w);
	sw_sheet_method(&w);
	return xw_finish(w.wb, &of, e);
}
