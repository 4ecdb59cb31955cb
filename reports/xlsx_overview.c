/* The portfolio workbook's summaries (split from xlsx_portfolio.c, which
 * owns the streamed sheets and the workbook's life): the risk key and the
 * heap of the riskiest suppliers, and the sheets written when the run
 * ends from what was gathered: Rules, Overview, Method. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "change.h"
#include "redact.h"
#include "score.h"
#include "sink_int.h"
#include "xlsx_common.h"
#include "xlsx_portfolio_int.h"

static const struct tcol rule_cols[] = {
	{ RT_H_RULE_ID, 26, COL_WRAP },    { RT_H_FINDING, 30, COL_WRAP },
	{ RT_H_PACK, 10, COL_WRAP },       { RT_H_TIMES, 8, COL_NUM },
	{ RT_H_RED_FLAG, 8, COL_TEXT },    { RT_H_DUTIES, 24, COL_WRAP },
	{ RT_H_ACTION_REC, 36, COL_WRAP },
	/* on screen only */
	{ RT_H_SCALE, 7, COL_NUM },        { RT_H_SCOPE, 7, COL_NUM },
	{ RT_H_IRREMEDIABLE, 12, COL_NUM }, { RT_H_LIKELIHOOD, 11, COL_NUM },
	{ RT_H_LEGAL_BASIS, 12, COL_WRAP }, { RT_H_RULE_SOURCE, 26, COL_WRAP },
};
enum { NRULE_COLS = 13, NRULE_PRINTED = 7 };

/* ---- risk ----------------------------------------------------------- */

/* Red flags: the groups a red-flag finding leads (docs/scoring.md). */
int pf_red_flags(const struct assessment *a)
{
	return a->red_flags;
}

/* Higher is riskier: red-flag findings (10 bits), critical findings (12),
 * then the score, lowest first, in tenths (10; no score is the riskiest).
 * Within equal red flags the rating follows the score, so ordering by the
 * score orders by rating too. Counts beyond their bits count as the most. */
uint32_t pf_risk_key(const struct assessment *a, int flags)
{
	uint32_t f = flags > 1023 ? 1023 : (uint32_t)flags;
	uint32_t c = a->per_level[LVL_CRITICAL] > 4095 ? 4095 : (uint32_t)a->per_level[LVL_CRITICAL];
	uint32_t s = isnan(a->overall) ? 1023 : (uint32_t)(1000 - lround(a->overall * 10));

	return f << 22 | c << 10 | (s > 1023 ? 1023 : s);
}

/* x is riskier than y */
static bool riskier(const struct risky *x, const struct risky *y)
{
	return x->key != y->key ? x->key > y->key : x->index < y->index;
}

void pf_risky_free(struct risky *r)
{
	free(r->id);
	free(r->name);
	free(r->sector);
	free(r->top);
}

static void heap_down(struct risky *h, int n, int i)
{
	for (;;) {
		int l = 2 * i + 1, m = i;
		struct risky t;

		if (l < n && riskier(&h[m], &h[l]))
			m = l;
		if (l + 1 < n && riskier(&h[m], &h[l + 1]))
			m = l + 1;
		if (m == i)
			return;
		t = h[i];
		h[i] = h[m];
		h[m] = t;
		i = m;
	}
}

static void heap_up(struct risky *h, int i)
{
	while (i > 0 && riskier(&h[(i - 1) / 2], &h[i])) {
		struct risky t = h[i];

		h[i] = h[(i - 1) / 2];
		h[(i - 1) / 2] = t;
		i = (i - 1) / 2;
	}
}

/* Keep the supplier if it is among the RISKIEST riskiest so far. */
void pf_keep_risky(struct portfolio *p, const struct risky *cand, const struct assessment *a,
		   const struct who *w, const char *top)
{
	struct risky *r;

	if (p->nheap == RISKIEST && !riskier(cand, &p->heap[0]))
		return;
	if (p->nheap == RISKIEST) {
		pf_risky_free(&p->heap[0]);
		r = &p->heap[0];
	} else {
		r = &p->heap[p->nheap++];
	}
	*r = *cand;
	r->id = xstrdup(w->id);
	r->name = xstrdup(w->name ? w->name : "");
	r->sector = xstrdup(a->pack->id);
	r->top = top ? xstrdup(top) : NULL;
	if (r == &p->heap[0] && p->nheap == RISKIEST)
		heap_down(p->heap, p->nheap, 0);
	else
		heap_up(p->heap, p->nheap - 1);
}

static int cmp_risky(const void *x, const void *y)
{
	return riskier(x, y) ? -1 : riskier(y, x) ? 1 : 0;
}

static int cmp_seen(const void *x, const void *y)
{
	const struct rule *a = *(const struct rule *const *)x, *b = *(const struct rule *const *)y;

	return strcmp(a->id, b->id);
}

/* Rules: every rule that fired, once, with what is the same for each finding. */
void pf_rules_sheet(struct portfolio *p)
{
	char duties[DILIGO_REPORT_DUTIES_TEXT], src[DILIGO_REPORT_SOURCE_TEXT];
	const struct rule **sorted = xcalloc(p->nseen ? p->nseen : 1, sizeof *sorted);

	if (p->nseen) /* seen_rules is NULL when nothing was found */
		memcpy(sorted, p->seen_rules, p->nseen * sizeof *sorted);
	qsort(sorted, p->nseen, sizeof *sorted, cmp_seen);
	pf_table_sheet(p, p->rules, RT(SHEET_RULES), rule_cols, NRULE_COLS, NRULE_PRINTED, XW_LANDSCAPE);
	worksheet_autofilter(p->rules, HEAD, 0, (lxw_row_t)(HEAD + (p->nseen ? p->nseen : 1)),
			     NRULE_COLS - 1);
	for (size_t i = 0; i < p->nseen; i++) {
		const struct rule *r = sorted[i];
		size_t k = 0, used = 0;
		struct xrow x;

		while (p->seen_rules[k] != r)
			k++;
		duties[0] = '\0';
		for (int d = 0; d < r->nduties && used + 2 < sizeof duties; d++)
			used += (size_t)snprintf(duties + used, sizeof duties - used, "%s%s",
						 d ? ", " : "", r->duties[d]);
		snprintf(src, sizeof src, "%s:%d", r->file, r->line);
		xr_begin(&x, p->rules, &p->f, rule_cols, FIRST + (int)i);
		xr_text(&x, 0, r->id, NULL);
		xr_text(&x, 1, r->title, NULL);
		xr_text(&x, 2, p->seen_pack[k], NULL);
		xr_num(&x, 3, p->seen_count[k], NULL);
		xr_text(&x, 4, r->red_flag ? RT(YES) : RT(NO), NULL);
		xr_text(&x, 5, duties, NULL);
		xr_text(&x, 6, r->action, NULL);
		xr_num(&x, 7, r->scale, NULL);
		xr_num(&x, 8, r->scope, NULL);
		xr_num(&x, 9, r->irremediable, NULL);
		xr_num(&x, 10, r->likelihood, NULL);
		xr_text(&x, 11, r->actual ? SCORE_BASIS_ACTUAL : SCORE_BASIS_POTENTIAL, NULL);
		xr_text(&x, 12, src, NULL);
		xr_end(&x);
	}
	free(sorted);
}

/* ---- Overview ---------------------------------------------------------- */

/* The grid: A rank | B id | C name | D sector | E rating | F score | G red
 * flags | H critical | I high | J top finding (the riskiest suppliers'
 * table, the widest, on a page of its own). Above it, the counts' tables
 * on the left (label over A..C, numbers from D) and their charts on the
 * right (from E). */
static const double ov_widths[] = { 7, 14, 26, 12, 8, 9, 9, 9, 8, 30 };
enum { OV_COLS = 10, OV_CHART_COL = 4, OV_CHART_W = 260, OV_CHART_H = 220 };

static void ov_kv(struct portfolio *p, int r, const char *k, double v, lxw_format *fmt)
{
	worksheet_merge_range(p->over, (lxw_row_t)r, 0, (lxw_row_t)r, 2, k, p->f.label);
	xw_num(p->over, r, 3, v, fmt);
}

static void ov_section(struct portfolio *p, int r, int c1, const char *t)
{
	worksheet_write_string(p->over, (lxw_row_t)r, 0, t, p->f.section);
	for (int c = 1; c <= c1; c++)
		worksheet_write_blank(p->over, (lxw_row_t)r, (lxw_col_t)c, p->f.section);
}

static lxw_chart *ov_chart(struct portfolio *p, uint8_t type, const char *title)
{
	lxw_chart *c = workbook_add_chart(p->wb, type);
	lxw_chart_font font = { .size = 8 }, tfont = { .size = 10, .bold = LXW_TRUE };

	chart_title_set_name(c, title);
	chart_title_set_name_font(c, &tfont);
	chart_axis_set_num_font(c->x_axis, &font);
	chart_axis_set_num_font(c->y_axis, &font);
	chart_legend_set_font(c, &font);
	return c;
}

static void ov_insert(struct portfolio *p, lxw_chart *c, int row, int col, int x_off, double w_px,
		      double h_px)
{
	lxw_chart_options co = { .x_scale = w_px / 480.0, .y_scale = h_px / 288.0,
				 .x_offset = x_off, .y_offset = 2 };

	worksheet_insert_chart_opt(p->over, (lxw_row_t)row, (lxw_col_t)col, c, &co);
}

/* A table of counts: a label column (A..C) and one number column per
 * series; returns the row after it. */
static int ov_counts(struct portfolio *p, int r, enum rtext head, const char *const *labels,
		     int n, const enum rtext *cols, int ncols, const int *values /* n x ncols */)
{
	worksheet_merge_range(p->over, (lxw_row_t)r, 0, (lxw_row_t)r, 2, report_texts[head],
			      p->f.head);
	for (int c = 0; c < ncols; c++)
		worksheet_write_string(p->over, (lxw_row_t)r, (lxw_col_t)(3 + c),
				       report_texts[cols[c]], p->f.head_r);
	worksheet_set_row(p->over, (lxw_row_t)r,
			  xl_row_pt(ncols > 1 ? 2 : 1, XW_SIZE), NULL);
	for (int i = 0; i < n; i++) {
		xw_text(p->over, r + 1 + i, 0, labels[i], p->f.text);
		for (int c = 0; c < ncols; c++)
			worksheet_write_number(p->over, (lxw_row_t)(r + 1 + i), (lxw_col_t)(3 + c),
					       values[i * ncols + c], p->f.num);
	}
	return r + 1 + n;
}

static void ov_series(lxw_chart *c, int r0, int r1, int col, const char *name_sheet, int name_row,
		      uint32_t color)
{
	lxw_chart_series *s = chart_add_series(c, NULL, NULL);
	lxw_chart_fill fill = { .color = color };

	chart_series_set_categories(s, name_sheet, (lxw_row_t)r0, 0, (lxw_row_t)r1, 0);
	chart_series_set_values(s, name_sheet, (lxw_row_t)r0, (lxw_col_t)col, (lxw_row_t)r1,
				(lxw_col_t)col);
	if (name_row >= 0)
		chart_series_set_name_range(s, name_sheet, (lxw_row_t)name_row, (lxw_col_t)col);
	chart_series_set_fill(s, &fill);
}

static const uint32_t level_colors[LVL__COUNT] = { 0xA9D08E, 0xFFD966, 0xF4B183, 0xC00000 };

static int ov_riskiest(struct portfolio *p, int r)
{
	static const struct tcol cols[] = {
		{ RT_H_RANK, 7, COL_NUM },       { RT_H_SUPPLIER_ID, 14, COL_WRAP },
		{ RT_H_NAME, 26, COL_WRAP },     { RT_H_SECTOR, 12, COL_WRAP },
		{ RT_H_RATING, 8, COL_TEXT },    { RT_H_SCORE, 9, COL_NUM },
		{ RT_H_RED_FLAGS, 9, COL_NUM },  { RT_H_CRITICAL, 9, COL_NUM },
		{ RT_H_HIGH, 8, COL_NUM },       { RT_H_TOP_FINDING, 30, COL_WRAP },
	};
	char t[128];
	int lines = 1;

	qsort(p->heap, (size_t)p->nheap, sizeof *p->heap, cmp_risky);
	snprintf(t, sizeof t, RT(FMT_SEC_RISKIEST), RISKIEST);
	worksheet_set_h_pagebreaks(p->over, (lxw_row_t[]){ (lxw_row_t)r, 0 });
	ov_section(p, r++, 9, t);
	for (int c = 0; c < 10; c++) {
		int n = xl_lines(report_texts[cols[c].head], cols[c].width, XW_SIZE, true);

		worksheet_write_string(p->over, (lxw_row_t)r, (lxw_col_t)c, report_texts[cols[c].head],
				       cols[c].kind == COL_NUM ? p->f.head_r : p->f.head);
		lines = n > lines ? n : lines;
	}
	worksheet_set_row(p->over, (lxw_row_t)r, xl_row_pt(lines, XW_SIZE), NULL);
	r++;
	for (int i = 0; i < p->nheap; i++) {
		const struct risky *k = &p->heap[i];
		char rating[2] = { k->rating, 0 };
		struct xrow x;

		xr_begin(&x, p->over, &p->f, cols, r++);
		xr_num(&x, 0, i + 1, NULL);
		xr_text(&x, 1, k->id, NULL);
		xr_text(&x, 2, k->name, NULL);
		xr_text(&x, 3, k->sector, NULL);
		xr_text(&x, 4, rating, NULL);
		xr_num(&x, 5, k->score, p->f.num1);
		xr_num(&x, 6, k->flags, k->flags ? p->f.flag : NULL);
		xr_num(&x, 7, k->per_level[LVL_CRITICAL], NULL);
		xr_num(&x, 8, k->per_level[LVL_HIGH], NULL);
		xr_text(&x, 9, k->top, NULL);
		xr_end(&x);
	}
	if (!p->nheap)
		worksheet_write_string(p->over, (lxw_row_t)r++, 1, RT(NO_SUPPLIERS), p->f.muted);
	return r;
}

void pf_overview_sheet(struct portfolio *p)
{
	static const enum rtext one[] = { RT_H_SUPPLIERS }, findings[] = { RT_H_FINDINGS };
	static const enum rtext by_level[] = { RT_H_CRITICAL, RT_H_HIGH, RT_H_MEDIUM, RT_H_LOW };
	const char *rl[SCORE_NRATINGS], *ll[LVL__COUNT], *sheet = RT(SHEET_OVERVIEW);
	char letters[SCORE_NRATINGS][2];
	int rv[SCORE_NRATINGS], lv[LVL__COUNT], sv[MAX_PACKS * LVL__COUNT];
	int r, top, end, chart_top;
	double chart_h;
	lxw_chart *c;

	for (int i = 0; i < OV_COLS; i++)
		worksheet_set_column(p->over, (lxw_col_t)i, (lxw_col_t)i, ov_widths[i], NULL);
	xw_mark_row(p->over, &p->f, &p->pg, sheet);
	xw_text(p->over, 1, 0, RT(DOC_PORTFOLIO_TITLE), p->f.title);
	worksheet_set_row(p->over, 1, xl_row_pt(1, 14), NULL);
	worksheet_set_row(p->over, 2, 6, NULL);
	/* at a glance */
	ov_section(p, 3, 3, RT(SEC_COUNTS));
	ov_kv(p, 4, RT(K_ASSESSED), p->nsup, p->f.value_num);
	ov_kv(p, 5, RT(K_FAILED), p->nerr, p->f.value_num);
	ov_kv(p, 6, RT(K_WITH_RED_FLAG), p->flagged, p->f.value_num);
	ov_kv(p, 7, RT(K_FINDINGS_TOTAL), p->nfind, p->f.value_num);
	ov_kv(p, 8, RT(K_MEAN_SCORE), p->nscored ? p->score_sum / p->nscored : NAN, p->f.value_num1);
	/* ratings and levels: tables on the left, their charts side by side on
	 * the right, the sectors' chart below them */
	for (int i = 0; i < SCORE_NRATINGS; i++) {
		letters[i][0] = score_rating_bands[i].letter;
		letters[i][1] = '\0';
		rl[i] = letters[i];
		rv[i] = p->ratings[i];
	}
	ov_section(p, 10, 3, RT(SEC_RATINGS));
	top = 11;
	r = ov_counts(p, top, RT_H_RATING, rl, SCORE_NRATINGS, one, 1, rv);
	c = ov_chart(p, LXW_CHART_COLUMN, RT(CHART_RATINGS));
	ov_series(c, top + 1, r - 1, 3, sheet, -1, 0x1F4E79);
	chart_legend_set_position(c, LXW_CHART_LEGEND_NONE);
	ov_insert(p, c, 3, OV_CHART_COL, 12, OV_CHART_W, OV_CHART_H);
	for (int l = 0; l < LVL__COUNT; l++) { /* critical first */
		ll[l] = report_level((int)(LVL_CRITICAL - l));
		lv[l] = p->levels[LVL_CRITICAL - l];
	}
	ov_section(p, r + 1, 3, RT(SEC_LEVELS));
	top = r + 2;
	r = ov_counts(p, top, RT_H_LEVEL, ll, LVL__COUNT, findings, 1, lv);
	c = ov_chart(p, LXW_CHART_COLUMN, RT(CHART_LEVELS));
	ov_series(c, top + 1, r - 1, 3, sheet, -1, 0xC55A11);
	chart_legend_set_position(c, LXW_CHART_LEGEND_NONE);
	ov_insert(p, c, 3, OV_CHART_COL, 22 + OV_CHART_W, OV_CHART_W, OV_CHART_H);
	/* sectors x levels: the table below, its stacked bar chart above it on
	 * the right, under the small charts (rows of about 20 pixels) */
	chart_top = 3 + OV_CHART_H / 20 + 1;
	chart_h = 70 + 18.0 * (p->nsectors ? p->nsectors : 1);
	chart_h = chart_h < 150 ? 150 : chart_h;
	for (int i = 0; i < p->nsectors; i++)
		for (int l = 0; l < LVL__COUNT; l++)
			sv[i * LVL__COUNT + l] = p->sector_levels[i][LVL_CRITICAL - l];
	r = r + 1 > chart_top + (int)(chart_h / 20) + 1 ? r + 1 : chart_top + (int)(chart_h / 20) + 1;
	ov_section(p, r, 9, RT(SEC_BY_SECTOR));
	top = r + 1;
	end = ov_counts(p, top, RT_H_SECTOR, (const char *const *)p->sectors, p->nsectors, by_level,
			LVL__COUNT, sv);
	if (p->nsectors) {
		c = ov_chart(p, LXW_CHART_BAR_STACKED, RT(CHART_SECTORS));
		for (int l = 0; l < LVL__COUNT; l++)
			ov_series(c, top + 1, end - 1, 3 + l, sheet, top, level_colors[LVL_CRITICAL - l]);
		chart_axis_set_reverse(c->y_axis); /* the table's order, top to bottom */
		chart_axis_set_crossing_max(c->y_axis);
		chart_axis_set_interval_unit(c->y_axis, 1);
		chart_legend_set_position(c, LXW_CHART_LEGEND_RIGHT);
		ov_insert(p, c, chart_top, OV_CHART_COL, 12, 2 * OV_CHART_W + 10, chart_h);
	}
	r = end + 1;
	end = ov_riskiest(p, r);
	xw_page(p->over, &p->pg, XW_LANDSCAPE, 1, 0);
	worksheet_print_area(p->over, 0, 0, (lxw_row_t)end, OV_COLS - 1);
	worksheet_gridlines(p->over, LXW_HIDE_ALL_GRIDLINES);
	worksheet_activate(p->over);
}

/* ---- Method, close ------------------------------------------------------ */

static int m_kv(struct portfolio *p, int r, const char *k, const char *v)
{
	int a = xl_lines(k, 26, XW_SIZE, true), b = xl_lines(v ? v : "", 66, XW_SIZE, false);

	xw_text(p->method, r, 0, k, p->f.label);
	xw_text(p->method, r, 1, v, p->f.value_wrap);
	xw_row_lines(p->method, r, a > b ? a : b);
	return r + 1;
}

void pf_method_sheet(struct portfolio *p)
{
	lxw_worksheet *ws = p->method;
	char when[64], buf[DILIGO_REPORT_LINE_TEXT];
	struct tm tm;
	int r = 1, total = 0;

	gmtime_r(&p->o.now, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	worksheet_set_column(ws, 0, 0, 26, NULL);
	worksheet_set_column(ws, 1, 1, 66, NULL);
	xw_mark_row(ws, &p->f, &p->pg, RT(SHEET_METHOD));
	xw_text(ws, r, 0, RT(SEC_METHOD), p->f.title);
	worksheet_set_row(ws, (lxw_row_t)r++, xl_row_pt(1, 14), NULL);
	r = m_kv(p, r, RT(K_VERSION), DILIGO_VERSION);
	r = m_kv(p, r, RT(K_GENERATED), when);
	r = m_kv(p, r, RT(K_AUDIENCE), !p->o.stakeholder ? RT(AUDIENCE_COMPANY)
				       : p->o.pseudonymise ? RT(AUDIENCE_PSEUDONYMISED)
				       : RT(AUDIENCE_STAKEHOLDER));
	snprintf(buf, sizeof buf, RT(FMT_SUPPLIER_COUNTS), p->nsup, p->nerr, p->nfind);
	r = m_kv(p, r, RT(K_SUPPLIERS), buf);
	if (p->trends[0] + p->trends[1] + p->trends[2]) {
		snprintf(buf, sizeof buf, RT(FMT_TRENDS), p->trends[2], p->trends[0], p->trends[1],
			 p->uncompared);
		r = m_kv(p, r, RT(K_TRENDS), buf);
	}
	for (int i = 0; i < p->npacks; i++)
		r = m_kv(p, r, i ? "" : RT(K_PACKS), p->packs[i]);
	r = m_kv(p, r, RT(K_RISK_ORDER), RT(RISK_ORDER));
	snprintf(buf, sizeof buf, RT(FMT_PORTFOLIO_SCORING), SCORE_Q_MAX, SCORE_SCALE);
	r = m_kv(p, r, RT(K_SCORING), buf);
	xw_text(ws, ++r, 0, RT(SEC_REDACTED), p->f.section);
	worksheet_write_blank(ws, (lxw_row_t)r++, 1, p->f.section);
	if (!p->o.stakeholder) {
		r = m_kv(p, r, RT(K_ITEMS_REDACTED), RT(ITEMS_REDACTED_COMPANY));
	} else {
		p->redacted[RD_ERRORS] = p->nerr;
		p->redacted[RD_PATHS] = p->ninputs; /* every input's path */
		for (int c = 0; c < RD__COUNT; c++) {
			bool pseudo = c == RD_PSEUDONYMS || c == RD_MENTIONS || c == RD_URLS ||
				      c == RD_EMPLOYEES;

			if (pseudo && !p->o.pseudonymise)
				continue;
			xw_text(ws, r, 0, report_texts[RT_RD_RESPONDENT + c], p->f.label);
			worksheet_write_number(ws, (lxw_row_t)r, 1, p->redacted[c], p->f.value_num);
			xw_row_lines(ws, r++, xl_lines(report_texts[RT_RD_RESPONDENT + c], 26, XW_SIZE,
						       true));
			total += p->redacted[c];
		}
		snprintf(buf, sizeof buf, RT(FMT_TOTAL_REDACTED), total);
		r = m_kv(p, r, RT(K_ITEMS_REDACTED), buf);
	}
	xw_page(ws, &p->pg, XW_PORTRAIT, 1, 0);
	worksheet_gridlines(ws, LXW_HIDE_ALL_GRIDLINES);
}
