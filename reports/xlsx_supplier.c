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
#include "redact.h"
#include "score.h"
#include "sink.h"
#include "xlsx_changes.h"
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

static const char *join(const char **v, int n, const char *sep, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int i = 0; i < n && used + 1 < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? sep : "", v[i]);
	return buf;
}

/* Free text as this copy shows it (mentions of the supplier replaced). */
static const char *shown(struct sw *w, const char *s, char *buf, size_t n)
{
	return redact_free(&w->who, s, buf, n, NULL);
}

/* The width (Excel units) a column needs for the widest of texts, between
 * min and max: columns of ids are as wide as their longest id. */
static double fit(double width, double min, double max)
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

static void section(struct sw *w, lxw_worksheet *ws, int row, int c0, int c1, const char *title)
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

	section(w, ws, S_TOP, 0, 1, RT(SEC_SUPPLIER));
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

	section(w, ws, S_TOP, 3, 4, RT(SEC_RESULT));
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
		snprintf(k, sizeof k, RT(FMT_K_FINDINGS_LEVEL), level_name((enum level)l));
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

	section(w, ws, r, 0, 4, title);
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

		worksheet_write_string(ws, (lxw_row_t)r, 0, level_name(f->level), w->f.level[f->level]);
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

	section(w, ws, S_TOP, 6, 7, RT(SEC_AREAS));
	worksheet_write_string(ws, S_TOP + 1, 6, RT(H_DUTY_AREA), w->f.head);
	worksheet_write_string(ws, S_TOP + 1, 7, RT(H_SCORE), w->f.head_r);
	for (int i = 0; i < n; i++) {
		int l = xl_lines(areas[i].area, S_G, XW_SIZE, false);

		xw_text(ws, first + i, 6, areas[i].area, w->f.wrap);
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
	section(w, ws, r++, 6, 13, RT(SEC_PROVENANCE));
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

/* ---- Duties --------------------------------------------------------- */

static void conditional_scores(lxw_worksheet *ws, int r0, int c0, int r1, int c1)
{
	lxw_conditional_format cf = { 0 };

	if (r1 < r0)
		return;
	cf.type = LXW_CONDITIONAL_3_COLOR_SCALE;
	cf.min_color = 0xF8696B;
	cf.mid_color = 0xFFEB84;
	cf.max_color = 0x63BE7B;
	cf.min_rule_type = cf.mid_rule_type = cf.max_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
	cf.min_value = 0;
	cf.mid_value = SCORE_SCALE / 2;
	cf.max_value = SCORE_SCALE;
	worksheet_conditional_format_range(ws, (lxw_row_t)r0, (lxw_col_t)c0, (lxw_row_t)r1,
					   (lxw_col_t)c1, &cf);
}

/* Every table sheet: row 0 the marking, row 1 the heading, data from 2. */
enum { HEAD = 1, FIRST = 2 };

static lxw_worksheet *table_sheet(struct sw *w, const char *name, const struct tcol *cols,
				  int ncols, int nrows, int print_cols)
{
	lxw_worksheet *ws = workbook_add_worksheet(w->wb, name);

	xw_mark_row(ws, &w->f, &w->pg, name);
	xw_heading(ws, &w->f, cols, ncols, HEAD);
	worksheet_autofilter(ws, HEAD, 0, (lxw_row_t)(HEAD + (nrows > 0 ? nrows : 1)),
			     (lxw_col_t)(ncols - 1));
	xw_page(ws, &w->pg, XW_LANDSCAPE, 1, 0);
	if (print_cols < ncols)
		worksheet_print_area(ws, 0, 0, (lxw_row_t)(HEAD + (nrows > 0 ? nrows : 1)),
				     (lxw_col_t)(print_cols - 1));
	return ws;
}

static void sheet_duties(struct sw *w)
{
	struct tcol cols[] = {
		{ RT_H_FRAMEWORK, 9, COL_WRAP },  { RT_H_DUTY_ID, 8, COL_WRAP },
		{ RT_H_TITLE, 22, COL_WRAP },     { RT_H_REQUIRES, 46, COL_WRAP },
		{ RT_H_AREA, 14, COL_WRAP },      { RT_H_STATUS, 9, COL_WRAP },
		{ RT_H_SCORE, 7, COL_NUM },       { RT_H_QUESTIONS, 10, COL_NUM },
		{ RT_H_GAPS, 6, COL_NUM },        { RT_H_FINDINGS, 9, COL_NUM },
		/* on screen only */
		{ RT_H_VERIFIED, 16, COL_WRAP },
	};
	const struct assessment *a = w->a;
	lxw_worksheet *ws;
	double idw = 0;

	for (int i = 0; i < a->nduties; i++) {
		double u = xl_units(a->duties[i].duty->id, XW_SIZE, false);

		idw = u > idw ? u : idw;
	}
	cols[1].width = fit(idw, 8, 22);
	ws = table_sheet(w, RT(SHEET_DUTIES), cols, 11, a->nduties, 10);
	for (int i = 0; i < a->nduties; i++) {
		const struct duty_score *d = &a->duties[i];
		struct xrow r;

		xr_begin(&r, ws, &w->f, cols, FIRST + i);
		xr_pack_text(&r, 0, d->duty->framework);
		xr_pack_text(&r, 1, d->duty->id);
		xr_pack_text(&r, 2, d->duty->title);
		xr_pack_text(&r, 3, d->duty->text);
		xr_pack_text(&r, 4, d->duty->area);
		xr_pack_text(&r, 5, d->duty->status);
		xr_num(&r, 6, d->score, w->f.num1);
		xr_num(&r, 7, d->nquestions, NULL);
		xr_num(&r, 8, d->gaps, NULL);
		xr_num(&r, 9, d->nfindings, NULL);
		xr_pack_text(&r, 10, d->duty->verified);
		xr_end(&r);
	}
	conditional_scores(ws, FIRST, 6, FIRST + a->nduties - 1, 6);
}

/* ---- Findings ------------------------------------------------------- */

/* "id = answer; id = answer" for the questions that triggered a finding
 * (a shown finding's: none of them is confidential). */
static const char *triggers(struct sw *w, const struct finding *f, char *buf, size_t n)
{
	size_t used = 0;
	char v[DILIGO_REPORT_ANSWER_TEXT];

	buf[0] = '\0';
	for (int i = 0; i < f->nquestions && used + 8 < n; i++) {
		const struct question *qu = &w->a->pack->questions[f->questions[i]];
		const struct answer *an = &w->a->qn->answers[f->questions[i]];

		used += (size_t)snprintf(buf + used, n - used, "%s%s = %s", i ? "; " : "", qu->id,
					 report_answer_text(qu, an, v, sizeof v));
	}
	return buf;
}

/* The rule ids' and sources' width: as wide as the longest, within reason. */
static double findings_width(const struct assessment *a, bool source)
{
	double wmax = 0;
	char src[DILIGO_REPORT_SOURCE_TEXT];

	for (int i = 0; i < a->nfindings; i++) {
		const struct rule *r = a->findings[i].rule;
		double u;

		snprintf(src, sizeof src, "%s:%d", r->file, r->line);
		u = xl_units(source ? src : r->id, XW_SIZE, false);
		wmax = u > wmax ? u : wmax;
	}
	return fit(wmax, 10, 34);
}

enum { F_PRINTED = 7 };

/* Status (new, persisting) and open since of finding i: without a
 * comparison every finding is new, open since this period. */
static void since(struct sw *w, struct xrow *r, int scol, int pcol, int i)
{
	const struct change *c = w->a->change;
	int period = c ? c->open_since[i] : w->a->qn->period;

	if (scol >= 0)
		xr_text(r, scol, change_status_name(c ? (enum fstatus)c->status[i] : FST_NEW), NULL);
	if (period)
		xr_num(r, pcol, period, NULL);
}

static void sheet_findings(struct sw *w)
{
	struct tcol cols[] = {
		{ RT_H_LEVEL, 8, COL_TEXT },          { RT_H_PRIORITY, 8, COL_NUM },
		{ RT_H_FINDING, 26, COL_WRAP },       { RT_H_DETAIL, 28, COL_WRAP },
		{ RT_H_TRIGGERS, 28, COL_WRAP },      { RT_H_ACTION_REC, 30, COL_WRAP },
		{ RT_H_DUTIES, 18, COL_WRAP },
		/* on screen only */
		{ RT_H_RULE_ID, 24, COL_WRAP },       { RT_H_SCALE, 7, COL_NUM },
		{ RT_H_SCOPE, 7, COL_NUM },           { RT_H_IRREMEDIABLE, 12, COL_NUM },
		{ RT_H_LIKELIHOOD, 11, COL_NUM },     { RT_H_RED_FLAG, 10, COL_TEXT },
		{ RT_H_RULE_SOURCE, 22, COL_WRAP },   { RT_H_STATUS, 10, COL_TEXT },
		{ RT_H_OPEN_SINCE, 9, COL_NUM },      { RT_H_SEVERITY, 9, COL_NUM },
		{ RT_H_COUNTRY_RISK, 16, COL_WRAP },  { RT_H_CORROBORATES, 24, COL_WRAP },
		{ RT_H_CAPS, 9, COL_TEXT },
	};
	const struct assessment *a = w->a;
	static _Thread_local char buf[DILIGO_REPORT_LIST_TEXT], buf2[DILIGO_REPORT_LIST_TEXT];
	lxw_worksheet *ws;

	cols[7].width = findings_width(a, false);
	cols[13].width = findings_width(a, true);
	ws = table_sheet(w, RT(SHEET_FINDINGS), cols, 20, a->nfindings, F_PRINTED);
	for (int i = 0; i < a->nfindings; i++) {
		const struct finding *f = &a->findings[i];
		const struct rule *ru = f->rule;
		bool secret = redact_finding(w->o, a, f);
		char src[DILIGO_REPORT_SOURCE_TEXT], title[DILIGO_REPORT_LINE_TEXT];
		char cap[2] = { f->cap, 0 };
		struct xrow r;

		xr_begin(&r, ws, &w->f, cols, FIRST + i);
		xr_text(&r, 0, level_name(f->level), w->f.level[f->level]);
		xr_num(&r, 1, f->priority, w->f.num1);
		xr_text(&r, 2, finding_title(w->o, a, f, title, sizeof title), NULL);
		if (f->detail)
			xr_text(&r, 3, secret ? RT(CONFIDENTIAL) : shown(w, f->detail, buf2, sizeof buf2),
				NULL);
		xr_text(&r, 4, secret ? RT(CONFIDENTIAL)
				      : shown(w, triggers(w, f, buf, sizeof buf), buf2, sizeof buf2), NULL);
		xr_pack_text(&r, 5, secret ? RT(CONFIDENTIAL) : ru->action);
		xr_text(&r, 6, join(ru->duties, ru->nduties, ", ", buf, sizeof buf), NULL);
		xr_pack_text(&r, 7, secret ? RT(CONFIDENTIAL) : ru->id);
		xr_num(&r, 8, f->scale, NULL);
		xr_num(&r, 9, f->scope, NULL);
		xr_num(&r, 10, f->irremediable, NULL);
		xr_num(&r, 11, f->likelihood, NULL);
		xr_text(&r, 12, f->red_flag ? RT(YES) : ru->red_flag ? RT(UNRESOLVED) : RT(NO), NULL);
		snprintf(src, sizeof src, "%s:%d", ru->file, ru->line);
		xr_text(&r, 13, secret ? RT(CONFIDENTIAL) : src, NULL);
		since(w, &r, 14, 15, i);
		xr_num(&r, 16, f->severity, w->f.num1);
		if (f->context_risk) {
			snprintf(src, sizeof src, RT(FMT_CONTEXT), f->context, f->context_risk);
			xr_text(&r, 17, src, NULL);
		}
		if (f->lead != i) /* the lead's rule, unless this copy withholds it */
			xr_text(&r, 18, redact_finding(w->o, a, &a->findings[f->lead]) ? RT(CONFIDENTIAL)
					: a->findings[f->lead].rule->id, NULL);
		if (f->cap > 'A')
			xr_text(&r, 19, cap, NULL);
		xr_end(&r);
	}
}

/* ---- Action plan ---------------------------------------------------- */

/* Owner, Due date, Status and Notes as people left them in the earlier
 * Action plan (x), or Status "Open"; stakeholder copies show no names
 * and no notes. */
static void carried(struct sw *w, struct xrow *r, const struct prior_action *x)
{
	bool company = !w->o->stakeholder;

	if (!x) {
		xr_text(r, 8, RT(STATUS_OPEN), NULL);
		return;
	}
	if (company)
		xr_text(r, 6, x->owner, NULL);
	if (x->due_serial > 0)
		worksheet_write_number(r->ws, (lxw_row_t)r->row, 7, x->due_serial, w->due);
	else
		xr_text(r, 7, x->due, NULL);
	xr_text(r, 8, x->status && *x->status ? x->status : RT(STATUS_OPEN), NULL);
	if (company)
		xr_text(r, 9, x->notes, NULL);
}

enum { AP_PRINTED = 10 };

static void sheet_actions(struct sw *w)
{
	static const struct tcol cols[] = {
		{ RT_H_LEVEL, 8, COL_TEXT },     { RT_H_PRIORITY, 8, COL_NUM },
		{ RT_H_FINDING, 24, COL_WRAP },  { RT_H_ACTION, 30, COL_WRAP },
		{ RT_H_LEGAL_BASIS, 18, COL_WRAP }, { RT_H_DEADLINE, 14, COL_WRAP },
		{ RT_H_OWNER, 12, COL_WRAP },    { RT_H_DUE, 10, COL_TEXT },
		{ RT_H_STATUS, 11, COL_WRAP },   { RT_H_NOTES, 18, COL_WRAP },
		/* on screen only */
		{ RT_H_OPEN_SINCE, 9, COL_NUM }, { RT_H_RULE_ID, 24, COL_WRAP },
	};
	const char *statuses[] = { RT(STATUS_OPEN), RT(STATUS_PROGRESS), RT(STATUS_DONE),
				   RT(STATUS_NA), NULL };
	const struct assessment *a = w->a;
	const struct prior *from = a->change ? a->change->from : NULL;
	lxw_data_validation dv = { 0 };
	lxw_worksheet *ws;
	char none[128], basis[DILIGO_REPORT_LINE_TEXT], title[DILIGO_REPORT_LINE_TEXT];
	int n = 0, row = FIRST;

	for (int i = 0; i < a->nfindings; i++)
		n += a->findings[i].level >= SCORE_ACTION_LEVEL && a->findings[i].lead == i;
	n += from ? from->nextra_actions : 0;
	ws = table_sheet(w, RT(SHEET_ACTIONS), cols, 12, n, AP_PRINTED);
	for (int i = 0; i < a->nfindings; i++) {
		const struct finding *f = &a->findings[i];
		bool secret = redact_finding(w->o, a, f);
		struct xrow r;

		if (f->level < SCORE_ACTION_LEVEL || f->lead != i)
			continue; /* one action per impact: the group's lead */
		xr_begin(&r, ws, &w->f, cols, row++);
		xr_text(&r, 0, level_name(f->level), w->f.level[f->level]);
		xr_num(&r, 1, f->priority, w->f.num1);
		xr_text(&r, 2, finding_title(w->o, a, f, title, sizeof title), NULL);
		xr_pack_text(&r, 3, secret ? RT(CONFIDENTIAL) : f->rule->action);
		snprintf(basis, sizeof basis, "%s %s",
			 f->rule->actual ? SCORE_BASIS_ACTUAL : SCORE_BASIS_POTENTIAL,
			 f->rule->actual ? RT(BASIS_ACTUAL) : RT(BASIS_POTENTIAL));
		xr_text(&r, 4, basis, NULL);
		xr_pack_text(&r, 5, score_deadline(f->level));
		carried(w, &r, a->change && a->change->match[i] ? a->change->match[i]->action : NULL);
		since(w, &r, -1, 10, i);
		xr_pack_text(&r, 11, secret ? RT(CONFIDENTIAL) : f->rule->id);
		xr_end(&r);
	}
	for (int i = 0; from && i < from->nextra_actions; i++) { /* rows people added */
		const struct prior_action *x = from->extra_actions[i];
		char t[DILIGO_REPORT_LIST_TEXT];
		struct xrow r;

		xr_begin(&r, ws, &w->f, cols, row++);
		xr_text(&r, 2, shown(w, x->title, t, sizeof t), NULL);
		carried(w, &r, x);
		xr_text(&r, 11, x->rule, NULL);
		xr_end(&r);
	}
	if (n) {
		/* ASCII-only list (libxlsxwriter 1.1.4 overflows on UTF-8 lists):
		 * the English statuses are; a translation keeps them so or uses a range */
		dv.validate = LXW_VALIDATION_TYPE_LIST;
		dv.value_list = (char **)statuses;
		worksheet_data_validation_range(ws, FIRST, 8, (lxw_row_t)(FIRST + n - 1), 8, &dv);
	} else {
		snprintf(none, sizeof none, RT(FMT_NO_ACTIONS), level_name(SCORE_ACTION_LEVEL));
		worksheet_write_string(ws, FIRST, 0, none, w->f.muted);
	}
}

/* ---- Answers and Evidence ------------------------------------------- */

enum { A_PRINTED = 8 };

static void sheet_answers(struct sw *w)
{
	struct tcol cols[] = {
		{ RT_H_QUESTION_ID, 24, COL_WRAP }, { RT_H_QUESTION, 36, COL_WRAP },
		{ RT_H_ANSWER, 18, COL_WRAP },      { RT_H_SCORE, 7, COL_NUM },
		{ RT_H_WEIGHT, 8, COL_NUM },        { RT_H_EVIDENCE, 10, COL_WRAP },
		{ RT_H_COMMENT, 28, COL_WRAP },     { RT_H_DUTIES, 18, COL_WRAP },
		/* on screen only */
		{ RT_H_SECTION, 18, COL_WRAP },     { RT_H_KIND, 10, COL_TEXT },
		{ RT_H_EVIDENCE_NEEDED, 9, COL_TEXT }, { RT_H_APPLIES, 8, COL_TEXT },
	};
	const char *applies[] = { RT(YES), RT(NO), RT(UNKNOWN) };
	const struct pack *p = w->a->pack;
	static _Thread_local char buf[DILIGO_REPORT_LIST_TEXT], buf2[DILIGO_REPORT_LIST_TEXT];
	lxw_worksheet *ws;
	double idw = 0;

	for (int i = 0; i < p->nquestions; i++) {
		double u = xl_units(p->questions[i].id, XW_SIZE, false);

		idw = u > idw ? u : idw;
	}
	cols[0].width = fit(idw, 12, 30);
	ws = table_sheet(w, RT(SHEET_ANSWERS), cols, 12, p->nquestions, A_PRINTED);
	for (int i = 0; i < p->nquestions; i++) {
		const struct question *qu = &p->questions[i];
		const struct answer *an = &w->a->qn->answers[i];
		bool h = redact_answer(w->o, an);
		struct xrow r;

		xr_begin(&r, ws, &w->f, cols, FIRST + i);
		xr_pack_text(&r, 0, qu->id);
		xr_pack_text(&r, 1, qu->text);
		xr_text(&r, 2, h ? RT(CONFIDENTIAL)
				 : shown(w, report_answer_text(qu, an, buf, sizeof buf), buf2, sizeof buf2),
			NULL);
		if (!h)
			xr_num(&r, 3, w->a->qscore[i], w->f.num1);
		xr_num(&r, 4, qu->weight, NULL);
		if (an->nevidence)
			xr_text(&r, 5, h ? RT(CONFIDENTIAL)
					 : join(an->evidence, an->nevidence, ", ", buf, sizeof buf), NULL);
		if (an->comment)
			xr_text(&r, 6, h ? RT(CONFIDENTIAL) : shown(w, an->comment, buf2, sizeof buf2),
				NULL);
		xr_text(&r, 7, join(qu->duties, qu->nduties, ", ", buf, sizeof buf), NULL);
		xr_pack_text(&r, 8, qu->section);
		xr_text(&r, 9, qkind_name(qu->kind), NULL);
		xr_text(&r, 10, qu->evidence ? RT(YES) : RT(NO), NULL);
		if (w->a->qn->applies)
			xr_text(&r, 11, applies[w->a->qn->applies[i]], NULL);
		xr_end(&r);
	}
}

static void sheet_evidence(struct sw *w)
{
	char stale[64];
	struct tcol cols[] = {
		{ RT_H_ID, 8, COL_WRAP },      { RT_H_TITLE, 40, COL_WRAP }, { RT_H_KIND, 12, COL_WRAP },
		{ RT_H_DATE, 11, COL_TEXT },   { RT_H_AGE, 9, COL_NUM },     { RT_FMT_H_STALE, 10, COL_TEXT },
		{ RT_H_URL, 40, COL_WRAP },
	};
	const struct qn *q = w->a->qn;
	static _Thread_local char buf[DILIGO_REPORT_LIST_TEXT];
	lxw_worksheet *ws;
	double idw = 0;

	for (int i = 0; i < q->nevidence; i++) {
		double u = xl_units(q->evidence[i].id, XW_SIZE, false);

		idw = u > idw ? u : idw;
	}
	cols[0].width = fit(idw, 6, 16);
	ws = table_sheet(w, RT(SHEET_EVIDENCE), cols, 7, q->nevidence, 7);
	/* the heading names the threshold (a number of answers.h) */
	snprintf(stale, sizeof stale, RT(FMT_H_STALE), EVIDENCE_STALE_MONTHS);
	worksheet_write_string(ws, HEAD, 5, stale, w->f.head);
	for (int i = 0; i < q->nevidence; i++) {
		const struct evidence *ev = &q->evidence[i];
		bool h = redact_evidence(w->o, w->a, ev->id);
		struct xrow r;

		xr_begin(&r, ws, &w->f, cols, FIRST + i);
		xr_text(&r, 0, ev->id, NULL);
		xr_text(&r, 1, h ? RT(CONFIDENTIAL) : shown(w, ev->title, buf, sizeof buf), NULL);
		xr_text(&r, 2, ev->kind, NULL);
		xr_text(&r, 3, ev->date, NULL);
		if (ev->age_months >= 0) {
			xr_num(&r, 4, ev->age_months, NULL);
			xr_text(&r, 5, ev->stale ? RT(STALE) : RT(CURRENT),
				ev->stale ? w->f.level[2] : NULL);
		}
		if (ev->url) /* text, never a live link */
			xr_text(&r, 6, h ? RT(CONFIDENTIAL)
				       : w->o->stakeholder && w->o->pseudonymise ? RT(CONFIDENTIAL)
				       : ev->url, NULL);
		xr_end(&r);
	}
}

/* ---- Method --------------------------------------------------------- */

/* The scoring method in paragraphs, every number from score.h. */
enum { METHOD_PARAS = 8, METHOD_TEXT = 1536 };

static size_t cat(char *buf, size_t used, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (used >= METHOD_TEXT)
		return used;
	va_start(ap, fmt);
	n = vsnprintf(buf + used, METHOD_TEXT - used, fmt, ap);
	va_end(ap);
	return n < 0 ? used : used + (size_t)n;
}

static void method_text(char text[METHOD_PARAS][METHOD_TEXT])
{
	size_t u = 0;
	char row[128];

	u = cat(text[0], u, RT(FMT_M_Q), SCORE_Q_MAX);
	for (int i = 0; i < SCORE_NMATURITY; i++)
		u = cat(text[0], u, RT(FMT_M_Q_ITEM), score_maturity[i].answer, score_maturity[i].s);
	cat(text[0], u, RT(FMT_M_Q_END), SCORE_GAP, SCORE_GAP, SCORE_UNEVIDENCED);
	cat(text[1], 0, RT(FMT_M_SCORES), SCORE_SCALE);
	u = cat(text[2], 0, RT(FMT_M_FINDINGS), SCORE_COMPONENT_MIN, SCORE_COMPONENT_MAX,
		SCORE_COMPONENT_MIN, SCORE_COMPONENT_MAX, SCORE_SEVERITY_EXTRA,
		3 + SCORE_SEVERITY_EXTRA, SCORE_PRIORITY_MIN, SCORE_PRIORITY_MAX);
	for (int i = 0; i < LVL__COUNT - 1; i++)
		u = cat(text[2], u, i ? RT(FMT_M_LEVEL) : RT(FMT_M_LEVEL_FIRST),
			level_name(score_level_bands[i].level), score_level_bands[i].min_priority,
			score_level_bands[i].level == SCORE_RED_FLAG_LEVEL ? RT(M_OR_RED_FLAG) : "");
	cat(text[2], u, RT(FMT_M_LEVEL_LAST), level_name(score_level_bands[LVL__COUNT - 1].level));
	cat(text[3], 0, RT(FMT_M_MISSING), DILIGO_MAX_COUNTERFACTUALS);
	cat(text[4], 0, RT(FMT_M_CONTEXT), SCORE_CONTEXT_STEP, SCORE_CONTEXT_MIN,
	    SCORE_SMALL_EMPLOYEES - 1);
	u = cat(text[5], 0, "%s", RT(M_RATING));
	for (int i = 0; i < SCORE_NRATINGS - 1; i++)
		u = cat(text[5], u, RT(FMT_M_RATING_ITEM), score_rating_bands[i].letter,
			score_rating_bands[i].min);
	u = cat(text[5], u, RT(FMT_M_RATING_CAPS), score_rating_bands[SCORE_NRATINGS - 1].letter);
	for (int i = 0; i < SCORE_NFINDING_CAPS; i++)
		u = cat(text[5], u, "%s%s", i ? "; " : "", score_cap_text(i, row, sizeof row));
	u = cat(text[5], u, "%s", RT(M_RATING_COVERAGE));
	for (int i = 0; i < SCORE_NCOVERAGE_CAPS; i++)
		u = cat(text[5], u, RT(FMT_M_CAP_ITEM), i ? "; " : "", score_coverage_caps[i].cap,
			score_coverage_caps[i].below);
	u = cat(text[5], u, "%s", RT(M_RATING_EVIDENCE));
	for (int i = 0; i < SCORE_NEVIDENCE_CAPS; i++)
		u = cat(text[5], u, RT(FMT_M_CAP_ITEM), i ? "; " : "", score_evidence_caps[i].cap,
			score_evidence_caps[i].below);
	cat(text[5], u, "%s", RT(M_RATING_END));
	cat(text[6], 0, RT(FMT_M_ACTIONS), level_name(SCORE_ACTION_LEVEL), SCORE_BASIS_POTENTIAL,
	    SCORE_ART_ACTUAL);
	cat(text[7], 0, "%s", RT(M_REGIME));
}

/* Method: two columns, portrait; a label and its value share a row. */
enum { M_A = 26, M_B = 66 };

static int kv(struct sw *w, lxw_worksheet *ws, int row, const char *k, const char *v)
{
	int a = xl_lines(k, M_A, XW_SIZE, true), b = xl_lines(v ? v : "", M_B, XW_SIZE, false);

	xw_text(ws, row, 0, k, w->f.label);
	xw_text(ws, row, 1, v, w->f.value_wrap);
	xw_row_lines(ws, row, a > b ? a : b);
	return row + 1;
}

static int kv_num(struct sw *w, lxw_worksheet *ws, int row, const char *k, int v)
{
	xw_text(ws, row, 0, k, w->f.label);
	worksheet_write_number(ws, (lxw_row_t)row, 1, v, w->f.value_num);
	xw_row_lines(ws, row, xl_lines(k, M_A, XW_SIZE, true));
	return row + 1;
}

static int heading(struct sw *w, lxw_worksheet *ws, int row, const char *t)
{
	section(w, ws, row, 0, 1, t);
	worksheet_set_row(ws, (lxw_row_t)row, xl_row_pt(1, 11), NULL);
	return row + 1;
}

/* The categories a supplier workbook can withhold (not RD_ERRORS). */
static int method_redactions(struct sw *w, lxw_worksheet *ws, int r)
{
	int total = 0;
	char buf[64];

	r = heading(w, ws, r + 1, RT(SEC_REDACTED));
	if (!w->o->stakeholder)
		return kv(w, ws, r, RT(K_ITEMS_REDACTED), RT(ITEMS_REDACTED_COMPANY));
	for (int c = 0; c < RD__COUNT; c++) {
		bool pseudo = c == RD_PSEUDONYMS || c == RD_MENTIONS || c == RD_URLS ||
			      c == RD_EMPLOYEES;

		if (c == RD_ERRORS || (pseudo && !w->o->pseudonymise))
			continue;
		r = kv_num(w, ws, r, report_texts[RT_RD_RESPONDENT + c], w->counts[c]);
		total += w->counts[c];
	}
	snprintf(buf, sizeof buf, RT(FMT_TOTAL_REDACTED), total);
	return kv(w, ws, r, RT(K_ITEMS_REDACTED), buf);
}

/* The catalogue's regime and the verification status of the duties cited. */
static int method_duties(struct sw *w, lxw_worksheet *ws, int r)
{
	const struct assessment *a = w->a;
	const struct regime *rg = a->pack->regime;
	static const char *const statuses[] = { "official text", "secondary source", "not verified" };
	int count[4] = { 0 };
	char buf[DILIGO_REPORT_LINE_TEXT];

	r = heading(w, ws, r + 1, RT(SEC_REGIME));
	if (rg) {
		snprintf(buf, sizeof buf, "%s (%s)", rg->title, rg->id);
		r = kv(w, ws, r, RT(K_REGIME), buf);
		for (int i = 0; i < rg->nnotes; i++)
			r = kv(w, ws, r, i ? "" : RT(K_FOR_BUYER), rg->notes[i]);
		if (rg->verified)
			r = kv(w, ws, r, RT(K_REGIME_VERIFIED), rg->verified);
	}
	for (int i = 0; i < a->nduties; i++) {
		const char *v = a->duties[i].duty->verified;
		int k = 3;

		for (int j = 0; j < 3 && v; j++)
			if (!strncmp(v, statuses[j], strlen(statuses[j])))
				k = j;
		count[k]++;
	}
	snprintf(buf, sizeof buf, RT(FMT_DUTY_WORDING), a->nduties, count[0], count[1], count[2],
		 count[3] ? RT(DUTY_WORDING_NONE) : "");
	return kv(w, ws, r, RT(K_DUTY_WORDING), buf);
}

/* The country-risk file, its columns and their sources (stakeholder
 * copies name the file, not its directory). */
static int method_context(struct sw *w, lxw_worksheet *ws, int r)
{
	const struct crisk *c = w->a->qn->crisk;
	char buf[DILIGO_REPORT_LINE_TEXT * 2];

	r = heading(w, ws, r + 1, RT(SEC_CRISK));
	if (!c)
		return kv(w, ws, r, RT(K_FILE), RT(CRISK_NONE));
	r = kv(w, ws, r, RT(K_FILE), w->o->stakeholder && strrchr(c->path, '/')
				       ? strrchr(c->path, '/') + 1 : c->path);
	r = kv(w, ws, r, RT(K_FILE_SHA), c->sha256);
	if (!c->ncols)
		r = kv(w, ws, r, RT(K_COLUMNS), RT(CRISK_NONE));
	for (int i = 0; i < c->ncols; i++) {
		snprintf(buf, sizeof buf, RT(FMT_CRISK_COLUMN), c->cols[i].source, c->cols[i].year,
			 c->cols[i].licence);
		r = kv(w, ws, r, c->cols[i].name, buf);
	}
	return r;
}

/* Every change the pack makes to what it reuses, with its reason: a
 * reader sees that a module's question or rule is not as the module
 * wrote it, and why. Returns the next free row. */
static int method_tailoring(struct sw *w, lxw_worksheet *ws, int r)
{
	const struct pack *p = w->a->pack;
	char k[DILIGO_REPORT_LINE_TEXT], v[DILIGO_REPORT_LINE_TEXT];

	if (p->extends)
		r = kv(w, ws, r, RT(K_EXTENDS), p->extends);
	if (!p->ntailoring)
		return r;
	r = heading(w, ws, r + 1, RT(SEC_TAILORING));
	for (int i = 0; i < p->ntailoring; i++) {
		const struct tailoring *t = &p->tailoring[i];

		if (!strcmp(t->change, "drop")) {
			snprintf(k, sizeof k, RT(FMT_TAILOR_DROP_K), t->what, t->target);
			snprintf(v, sizeof v, RT(FMT_TAILOR_DROP_V), t->module, t->reason, t->file, t->line);
		} else {
			snprintf(k, sizeof k, RT(FMT_TAILOR_K), t->change, t->what, t->target);
			snprintf(v, sizeof v, RT(FMT_TAILOR_V), t->from, t->to, t->module, t->reason, t->file,
				 t->line);
		}
		r = kv(w, ws, r, k, v);
	}
	return r;
}

static void sheet_method(struct sw *w)
{
	static const enum rtext para[METHOD_PARAS] = { RT_K_M_QUESTIONS, RT_K_M_SCORES,
						       RT_K_M_FINDINGS, RT_K_M_MISSING,
						       RT_K_M_CONTEXT, RT_K_M_RATING,
						       RT_K_M_ACTIONS, RT_K_M_REGIME };
	lxw_worksheet *ws = workbook_add_worksheet(w->wb, RT(SHEET_METHOD));
	const struct pack *p = w->a->pack;
	char when[64], buf[DILIGO_REPORT_LINE_TEXT], k[64];
	char text[METHOD_PARAS][METHOD_TEXT];
	struct tm tm;
	int r = 1;

	gmtime_r(&w->o->now, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	worksheet_set_column(ws, 0, 0, M_A, NULL);
	worksheet_set_column(ws, 1, 1, M_B, NULL);
	xw_mark_row(ws, &w->f, &w->pg, RT(SHEET_METHOD));
	xw_text(ws, r, 0, RT(SEC_METHOD), w->f.title);
	worksheet_set_row(ws, (lxw_row_t)r++, xl_row_pt(1, 14), NULL);
	r = kv(w, ws, r, RT(K_VERSION), DILIGO_VERSION);
	r = kv(w, ws, r, RT(K_PACK_ID), p->id);
	r = kv(w, ws, r, RT(K_PACK_VERSION), p->version);
	r = kv(w, ws, r, RT(K_PACK_TITLE), p->title);
	r = kv(w, ws, r, RT(K_PACK_LICENSE), p->license);
	r = kv(w, ws, r, RT(K_QUESTIONNAIRE), w->o->stakeholder ? RT(WITHHELD_PATH) : w->a->qn->path);
	r = kv(w, ws, r, RT(K_QN_SHA), w->a->qn->sha256);
	r = kv(w, ws, r, RT(K_GENERATED), when);
	/* "company" or "stakeholder", as a later run reads it (--baseline) */
	r = kv(w, ws, r, RT(K_AUDIENCE), w->o->stakeholder ? RT(AUDIENCE_PLAIN_STAKEHOLDER)
							   : RT(AUDIENCE_COMPANY));
	if (w->o->stakeholder)
		r = kv(w, ws, r, RT(K_PSEUDONYMISED), w->o->pseudonymise ? RT(YES) : RT(NO));
	r = kv(w, ws, r, RT(K_METHOD_VERSION), SCORE_STR(SCORE_METHOD_VERSION));
	r = method_redactions(w, ws, r);
	r = heading(w, ws, r + 1, RT(SEC_LUA_FILES));
	for (int i = 0; i < p->nfiles; i++) {
		snprintf(k, sizeof k, RT(FMT_K_FILE), i + 1);
		snprintf(buf, sizeof buf, "%s\n%s", p->files[i].path, p->files[i].sha256);
		r = kv(w, ws, r, k, buf);
	}
	r = method_tailoring(w, ws, r);
	r = heading(w, ws, r + 1, RT(SEC_SCORING));
	method_text(text);
	for (int i = 0; i < METHOD_PARAS; i++)
		r = kv(w, ws, r, report_texts[para[i]], text[i]);
	r = method_context(w, ws, r);
	method_duties(w, ws, r);
	xw_page(ws, &w->pg, XW_PORTRAIT, 1, 0);
	worksheet_gridlines(ws, LXW_HIDE_ALL_GRIDLINES);
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
	sheet_duties(&w);
	sheet_findings(&w);
	sheet_actions(&w);
	sheet_answers(&w);
	sheet_evidence(&w);
	sheet_method(&w);
	return xw_finish(w.wb, &of, e);
}
