/* The portfolio workbook (docs/workbooks.md): Overview, Suppliers, Heatmap,
 * Findings, Errors, Rules, Method — in libxlsxwriter's constant-memory mode,
 * one row at a time, so memory stays flat from ten suppliers to a hundred
 * thousand.
 *
 * What needs every supplier is gathered while they stream past, in memory
 * that does not grow with their number: counts for the Overview (ratings,
 * findings by level and by sector), the RISKIEST riskiest suppliers in a
 * bounded heap, the rules that fired. The one exception is the risk rank
 * of the Suppliers sheet, which needs every supplier's risk key: 4 bytes
 * each (8 while the ranks are computed at the end). Suppliers' rows are
 * spilled to a temporary file in input order as they arrive and written,
 * in that order and with their rank, when the run ends; the Overview,
 * first in the workbook, is written then too. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "change.h"
#include "l10n_pack.h"
#include "redact.h"
#include "score.h"
#include "sink_int.h"
#include "xlsx_common.h"
#include "xlsx_portfolio_int.h"

static const struct tcol sup_cols[] = {
	{ RT_H_RANK, 7, COL_NUM },       { RT_H_SUPPLIER_ID, 14, COL_WRAP },
	{ RT_H_NAME, 24, COL_WRAP },     { RT_H_COUNTRY, 8, COL_TEXT },
	{ RT_H_SECTOR, 11, COL_WRAP },   { RT_H_SCORE, 7, COL_NUM },
	{ RT_H_RATING, 7, COL_TEXT },    { RT_H_COVERAGE, 9, COL_NUM },
	{ RT_H_RED_FLAGS, 7, COL_NUM },  { RT_H_CRITICAL, 8, COL_NUM },
	{ RT_H_HIGH, 6, COL_NUM },       { RT_H_MEDIUM, 8, COL_NUM },
	{ RT_H_LOW, 6, COL_NUM },        { RT_H_TOP_FINDING, 28, COL_WRAP },
	/* on screen only */
	{ RT_H_INPUT, 30, COL_WRAP }, /* empty in stakeholder copies */
	{ RT_H_WORKBOOK, 30, COL_WRAP },
	/* year over year (--baseline, series): empty when not compared */
	{ RT_H_PERIOD, 8, COL_NUM },      { RT_H_COMPARED_WITH, 10, COL_NUM },
	{ RT_H_SCORE_CHANGE, 9, COL_NUM }, { RT_H_RATING_THEN, 8, COL_TEXT },
	{ RT_H_TREND, 10, COL_TEXT },      { RT_H_NEW_FINDINGS, 9, COL_NUM },
	{ RT_H_RESOLVED_FINDINGS, 10, COL_NUM },
	/* the rating's two dimensions and its evidence (docs/scoring.md) */
	{ RT_H_PROCESS_RATING, 9, COL_TEXT }, { RT_H_CLAIMED, 9, COL_NUM },
	{ RT_H_EVIDENCED, 10, COL_NUM },      { RT_H_UNRESOLVED, 11, COL_NUM },
	{ RT_H_RATING_REASON, 60, COL_WRAP },
};
enum { NSUP_PRINTED = 14, NSUP_COLS = 28 };
/* Findings rows stay short (they can number millions); what is the same
 * for every finding of a rule — duties, action, severity — is on Rules. */
static const struct tcol find_cols[] = {
	{ RT_H_SUPPLIER_ID, 14, COL_WRAP }, { RT_H_LEVEL, 8, COL_TEXT },
	{ RT_H_PRIORITY, 8, COL_NUM },      { RT_H_FINDING, 56, COL_WRAP },
	{ RT_H_RULE_ID, 30, COL_WRAP }, /* on screen only */
};
enum { NFIND_COLS = 5, NFIND_PRINTED = 4 };
static const struct tcol err_cols[] = {
	{ RT_H_INPUT, 40, COL_WRAP }, { RT_H_LINE, 7, COL_NUM },
	{ RT_H_COLUMN, 8, COL_NUM },  { RT_H_MESSAGE, 80, COL_WRAP },
};

/* A table sheet's marking row, heading and paper (the autofilter comes
 * when its rows are known). */
void pf_table_sheet(struct portfolio *p, lxw_worksheet *ws, const char *name,
		    const struct tcol *cols, int ncols, int print_cols, enum xorient orient)
{
	xw_mark_row(ws, &p->f, &p->pg, name);
	xw_heading(ws, &p->f, cols, ncols, HEAD);
	xw_page(ws, &p->pg, orient, 1, 0);
	if (print_cols < ncols) /* the print area's rows: all of them */
		worksheet_print_area(ws, 0, 0, DILIGO_XLSX_ROWS - 1, (lxw_col_t)(print_cols - 1));
}

static void heat_header(struct portfolio *p, const struct assessment *a)
{
	static const struct tcol first[] = { { RT_H_SUPPLIER_ID, 14, COL_WRAP },
						{ RT_H_NAME, 24, COL_WRAP },
						{ RT_H_SCORE, 7, COL_NUM } };
	int lines = 1;

	p->nareas = a->pack->nareas < MAX_AREAS ? a->pack->nareas : MAX_AREAS;
	xw_mark_row(p->heat, &p->f, &p->pg, RT(SHEET_HEATMAP));
	xw_heading(p->heat, &p->f, first, 3, HEAD);
	for (int i = 0; i < p->nareas; i++) {
		int n;

		p->areas[i] = xstrdup(a->pack->areas[i]);
		n = xl_lines(pack_area(a->pack, p->areas[i]), 10, XW_SIZE, true);
		lines = n > lines ? n : lines;
		xw_text(p->heat, HEAD, 3 + i, pack_area(a->pack, p->areas[i]), p->f.head_r);
		worksheet_set_column(p->heat, (lxw_col_t)(3 + i), (lxw_col_t)(3 + i), 10, NULL);
	}
	if (lines > 2)
		worksheet_set_row(p->heat, HEAD, xl_row_pt(lines, XW_SIZE), NULL);
	xw_page(p->heat, &p->pg, XW_LANDSCAPE, 1, 0);
}

static void heat_row(struct portfolio *p, const struct assessment *a, const struct who *w)
{
	static const struct tcol cols[] = { { RT_H_SUPPLIER_ID, 14, COL_WRAP },
					       { RT_H_NAME, 24, COL_WRAP } };
	const struct area_score *areas = a->areas;
	int n = a->nareas;
	struct xrow r;

	xr_begin(&r, p->heat, &p->f, cols, FIRST + p->nheat++);
	xr_text(&r, 0, w->id, NULL);
	xr_text(&r, 1, w->name, NULL);
	xw_num(p->heat, r.row, 2, a->overall, p->f.num1);
	for (int c = 0; c < p->nareas; c++)
		for (int k = 0; k < n; k++)
			if (!strcmp(areas[k].area, p->areas[c]))
				xw_num(p->heat, r.row, 3 + c, areas[k].score, p->f.num1);
	xr_end(&r);
}

static void note_pack(struct portfolio *p, const struct pack *pk)
{
	char buf[DILIGO_REPORT_PACK_TEXT];
	int i;

	snprintf(buf, sizeof buf, "%s %s", pk->id, pk->version ? pk->version : "");
	for (i = 0; i < p->npacks; i++)
		if (!strcmp(p->packs[i], buf))
			break;
	if (i == p->npacks && p->npacks < MAX_PACKS)
		p->packs[p->npacks++] = xstrdup(buf);
}

/* The sector's slot in the Overview's table (the last slot takes every
 * sector beyond MAX_PACKS). */
static int sector_slot(struct portfolio *p, const char *id)
{
	for (int i = 0; i < p->nsectors; i++)
		if (!strcmp(p->sectors[i], id))
			return i;
	if (p->nsectors == MAX_PACKS) {
		free(p->sectors[MAX_PACKS - 1]);
		p->sectors[MAX_PACKS - 1] = xstrdup(RT(OTHER_SECTORS));
		return MAX_PACKS - 1;
	}
	p->sectors[p->nsectors] = xstrdup(id);
	return p->nsectors++;
}

/* ---- the spilled Suppliers rows -------------------------------------- */

struct spilled {
	uint32_t key;
	char rating, process, rating_then;
	double score, coverage, claimed, evidenced, score_change;
	int flags, unresolved, per_level[LVL__COUNT];
	int period, from_period, trend, nnew, nresolved; /* trend: TREND_NONE when not compared */
};
enum { SP_ID, SP_NAME, SP_COUNTRY, SP_SECTOR, SP_TOP, SP_INPUT, SP_WORKBOOK, SP_REASON, SP__COUNT };

static void spill_str(FILE *f, const char *s)
{
	uint32_t n = s ? (uint32_t)strlen(s) : UINT32_MAX;

	fwrite(&n, sizeof n, 1, f);
	if (s)
		fwrite(s, 1, n, f);
}

/* Read one string of a spilled row into a malloc'd buffer (NULL for none). */
static char *unspill_str(FILE *f)
{
	uint32_t n;
	char *s;

	if (fread(&n, sizeof n, 1, f) != 1 || n == UINT32_MAX)
		return NULL;
	s = xmalloc((size_t)n + 1);
	if (fread(s, 1, n, f) != n)
		n = 0;
	s[n] = '\0';
	return s;
}

static void supplier_row(struct portfolio *p, const char *input, const char *workbook,
			 const struct assessment *a, const struct who *w, const char *top, int flags,
			 uint32_t key)
{
	const struct change *c = a->change;
	struct spilled sp = { .key = key, .rating = a->rating, .process = a->process_rating,
			      .score = a->overall, .coverage = a->coverage, .claimed = a->claimed,
			      .evidenced = a->evidenced, .flags = flags,
			      .unresolved = a->red_flags_unresolved, .period = a->qn->period,
			      .trend = change_trend(a, c) };
	const char *base = workbook && strrchr(workbook, '/') ? strrchr(workbook, '/') + 1 : workbook;
	char reason[DILIGO_REPORT_LIST_TEXT];

	memcpy(sp.per_level, a->per_level, sizeof sp.per_level);
	if (sp.trend == TREND_NONE) {
		p->uncompared++;
	} else {
		p->trends[sp.trend + 1]++;
		sp.from_period = c->from_period;
		sp.score_change = round((a->overall - c->score_then) * 100) / 100;
		sp.rating_then = c->rating_then;
		sp.nnew = c->nnew;
		sp.nresolved = c->nresolved;
	}
	fwrite(&sp, sizeof sp, 1, p->spill);
	spill_str(p->spill, w->id);
	spill_str(p->spill, w->name);
	spill_str(p->spill, a->qn->supplier.country);
	spill_str(p->spill, a->pack->id);
	spill_str(p->spill, top);
	spill_str(p->spill, p->o.stakeholder ? NULL : input);
	spill_str(p->spill, p->o.stakeholder ? base : workbook); /* no paths in stakeholder copies */
	/* the reason may name a finding's group, which a stakeholder copy may withhold */
	spill_str(p->spill, redact_reason(&p->o, a, reason, sizeof reason));
	GROW(p->keys, p->nkeys + 1, p->capkeys);
	p->keys[p->nkeys++] = key;
}

static int cmp_key_desc(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;

	return a < b ? 1 : a > b ? -1 : 0;
}

/* The first index of key in sorted (descending): the number of riskier keys. */
static size_t riskier_than(const uint32_t *sorted, size_t n, uint32_t key)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (sorted[mid] > key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The Suppliers sheet, from the spill, in input order, with each one's
 * rank: 1 + the riskier keys + the equal keys of earlier suppliers. */
static void suppliers_sheet(struct portfolio *p)
{
	const char *const trend[] = { RT(TREND_WORSENED), RT(TREND_STAYED), RT(TREND_IMPROVED) };
	uint32_t *seen = xcalloc(p->nkeys ? p->nkeys : 1, sizeof *seen);
	struct spilled sp;

	if (p->nkeys) /* keys is NULL when no supplier was assessed */
		qsort(p->keys, p->nkeys, sizeof *p->keys, cmp_key_desc);
	rewind(p->spill);
	for (int i = 0; i < p->nsup && fread(&sp, sizeof sp, 1, p->spill) == 1; i++) {
		char *s[SP__COUNT], rating[2] = { sp.rating, 0 }, process[2] = { sp.process, 0 };
		char then[2] = { sp.rating_then, 0 };
		size_t at = riskier_than(p->keys, p->nkeys, sp.key);
		struct xrow r;

		for (int k = 0; k < SP__COUNT; k++)
			s[k] = unspill_str(p->spill);
		xr_begin(&r, p->sup, &p->f, sup_cols, FIRST + i);
		xr_num(&r, 0, (double)(1 + at + seen[at]++), NULL);
		xr_text(&r, 1, s[SP_ID], NULL);
		xr_text(&r, 2, s[SP_NAME], NULL);
		xr_text(&r, 3, s[SP_COUNTRY], NULL);
		xr_text(&r, 4, s[SP_SECTOR], NULL);
		xr_num(&r, 5, sp.score, p->f.num1);
		xr_text(&r, 6, rating, NULL);
		xr_num(&r, 7, sp.coverage, p->f.pct);
		xr_num(&r, 8, sp.flags, sp.flags ? p->f.flag : NULL);
		for (int l = LVL_CRITICAL; l >= LVL_LOW; l--)
			xr_num(&r, 9 + LVL_CRITICAL - l, sp.per_level[l], NULL);
		xr_text(&r, 13, s[SP_TOP], NULL);
		xr_text(&r, 14, s[SP_INPUT], NULL);
		xr_text(&r, 15, s[SP_WORKBOOK], NULL); /* which file holds this supplier */
		if (sp.period)
			xr_num(&r, 16, sp.period, NULL);
		if (sp.trend != TREND_NONE) {
			if (sp.from_period)
				xr_num(&r, 17, sp.from_period, NULL);
			xr_num(&r, 18, sp.score_change, p->f.num1);
			xr_text(&r, 19, then, NULL);
			xr_text(&r, 20, trend[sp.trend + 1], NULL);
			xr_num(&r, 21, sp.nnew, NULL);
			xr_num(&r, 22, sp.nresolved, NULL);
		}
		xr_text(&r, 23, process, NULL);
		xr_num(&r, 24, sp.claimed, p->f.pct);
		xr_num(&r, 25, sp.evidenced, p->f.pct);
		xr_num(&r, 26, sp.unresolved, NULL);
		xr_text(&r, 27, s[SP_REASON], NULL);
		xr_end(&r);
		for (int k = 0; k < SP__COUNT; k++)
			free(s[k]);
	}
	free(seen);
	worksheet_autofilter(p->sup, HEAD, 0, (lxw_row_t)(HEAD + (p->nsup ? p->nsup : 1)),
			     NSUP_COLS - 1);
}

/* ---- rules and findings ----------------------------------------------- */

static int count_rule(struct portfolio *p, const struct rule *r, const char *pack)
{
	size_t h = ((size_t)r >> 4) & (RULE_MAP - 1), i;

	while (p->ptr_key[h] && p->ptr_key[h] != r)
		h = (h + 1) & (RULE_MAP - 1);
	if (p->ptr_key[h]) {
		p->seen_count[p->ptr_val[h]]++;
		return p->ptr_val[h];
	}
	for (i = 0; i < p->nseen; i++)
		if (!strcmp(p->seen_rules[i]->id, r->id) && !strcmp(p->seen_pack[i], pack))
			break;
	if (i == p->nseen) {
		GROW(p->seen_rules, p->nseen + 1, p->capseen);
		p->seen_pack = xreallocarray(p->seen_pack, p->capseen, sizeof *p->seen_pack);
		p->seen_count = xreallocarray(p->seen_count, p->capseen, sizeof *p->seen_count);
		p->seen_lines = xreallocarray(p->seen_lines, p->capseen, sizeof *p->seen_lines);
		p->seen_rules[i] = r;
		p->seen_pack[i] = pack;
		p->seen_count[i] = 0;
		p->seen_lines[i] = xl_lines(r->title, find_cols[3].width, XW_SIZE, false);
		p->nseen++;
	}
	p->seen_count[i]++;
	if (p->nseen < RULE_MAP / 2) {
		p->ptr_key[h] = r;
		p->ptr_val[h] = (int)i;
	}
	return (int)i;
}

/* Excel holds 1,048,576 rows a sheet: a portfolio of many suppliers goes on
 * over "Findings 2", "Findings 3" ... */
static void next_findings_sheet(struct portfolio *p)
{
	char name[DILIGO_XLSX_SHEET_NAME + 1];

	if (p->find)
		worksheet_autofilter(p->find, HEAD, 0, (lxw_row_t)(HEAD + p->find_rows),
				     NFIND_COLS - 1);
	if (p->find_sheets)
		snprintf(name, sizeof name, RT(FMT_SHEET_FINDINGS_N), p->find_sheets + 1);
	else
		snprintf(name, sizeof name, "%s", RT(SHEET_FINDINGS));
	p->find = workbook_add_worksheet(p->wb, name);
	pf_table_sheet(p, p->find, name, find_cols, NFIND_COLS, NFIND_PRINTED, XW_PORTRAIT);
	p->find_sheets++;
	p->find_rows = 0;
}

static void finding_rows(struct portfolio *p, const struct assessment *a, const struct who *w)
{
	int id_lines = a->nfindings ? xl_lines(w->id, find_cols[0].width, XW_SIZE, false) : 1;

	for (int i = 0; i < a->nfindings; i++) {
		const struct finding *f = &a->findings[i];
		bool secret = redact_finding(&p->o, a, f);
		char title[DILIGO_REPORT_LINE_TEXT];
		struct xrow r;
		int seen;

		if (p->find_rows == SHEET_ROWS)
			next_findings_sheet(p);
		xr_begin(&r, p->find, &p->f, find_cols, FIRST + p->find_rows++);
		p->nfind++;
		xw_text(p->find, r.row, 0, w->id, p->f.wrap);
		r.lines = id_lines;
		xw_text(p->find, r.row, 1, report_level(f->level), p->f.level[f->level]);
		worksheet_write_number(p->find, (lxw_row_t)r.row, 2, f->priority, p->f.num);
		if (secret) { /* stakeholder copies: not on Rules, titled by area */
			xr_text(&r, 3, finding_title(&p->o, a, f, title, sizeof title), NULL);
			xr_text(&r, 4, RT(CONFIDENTIAL), NULL);
		} else if (f->info) { /* "Information needed: ...": measured, not cached */
			count_rule(p, f->rule, a->pack->id);
			xr_text(&r, 3, finding_title(&p->o, a, f, title, sizeof title), NULL);
			xr_text(&r, 4, f->rule->id, NULL);
		} else {
			seen = count_rule(p, f->rule, a->pack->id);
			xw_text(p->find, r.row, 3, f->rule->title, p->f.wrap);
			xw_text(p->find, r.row, 4, f->rule->id, p->f.wrap);
			if (p->seen_lines[seen] > r.lines)
				r.lines = p->seen_lines[seen];
		}
		xr_end(&r);
	}
}

/* ---- one supplier ---------------------------------------------------- */

static void error_row(struct portfolio *p, const char *input, const struct err *e)
{
	struct xrow r;

	p->nerr++;
	if (p->o.stakeholder) /* paths and messages can name a supplier: counted only */
		return;
	xr_begin(&r, p->errs, &p->f, err_cols, FIRST + p->nerr - 1);
	xr_text(&r, 0, input, NULL);
	if (e->line)
		xr_num(&r, 1, e->line, NULL);
	if (e->col)
		xr_num(&r, 2, e->col, NULL);
	if (e->where[0]) { /* a workbook: the cell first */
		char msg[sizeof e->where + sizeof e->msg + 2];

		snprintf(msg, sizeof msg, "%s: %s", e->where, e->msg);
		xr_text(&r, 3, msg, NULL);
	} else {
		xr_text(&r, 3, e->msg, NULL);
	}
	xr_end(&r);
}

static void pf_item(struct sink *s, const char *input, const char *workbook,
		    const struct assessment *a, const struct err *e)
{
	struct portfolio *p = (struct portfolio *)s;
	struct who w;
	struct risky cand = { 0 };
	char title[DILIGO_REPORT_LINE_TEXT];
	const char *top = NULL;
	int sec;

	p->ninputs++;
	if (!a) {
		error_row(p, input, e);
		return;
	}
	if (!p->nheat && !p->nareas)
		heat_header(p, a);
	redact_who(&p->o, &a->qn->supplier, &w);
	redact_count(&p->o, a, &w, p->redacted);
	note_pack(p, a->pack);
	if (a->nfindings)
		top = finding_title(&p->o, a, &a->findings[0], title, sizeof title);
	cand.flags = pf_red_flags(a);
	cand.key = pf_risk_key(a, cand.flags);
	cand.index = p->nsup++;
	cand.rating = a->rating;
	cand.score = a->overall;
	memcpy(cand.per_level, a->per_level, sizeof cand.per_level);
	pf_keep_risky(p, &cand, a, &w, top);
	supplier_row(p, input, workbook, a, &w, top, cand.flags, cand.key);
	/* the Overview's counts */
	for (int i = 0; i < SCORE_NRATINGS; i++)
		p->ratings[i] += score_rating_bands[i].letter == a->rating;
	sec = sector_slot(p, a->pack->id);
	for (int l = 0; l < LVL__COUNT; l++) {
		p->levels[l] += a->per_level[l];
		p->sector_levels[sec][l] += a->per_level[l];
	}
	p->flagged += a->red_flag;
	if (!isnan(a->overall)) {
		p->score_sum += a->overall;
		p->nscored++;
	}
	heat_row(p, a, &w);
	finding_rows(p, a, &w);
}

static void errors_close(struct portfolio *p)
{
	char buf[DILIGO_REPORT_LINE_TEXT];

	if (p->o.stakeholder && p->nerr) {
		snprintf(buf, sizeof buf, RT(FMT_ERRORS_WITHHELD), p->nerr);
		worksheet_write_string(p->errs, FIRST, 0, buf, p->f.muted);
	} else if (!p->nerr) {
		/* says so on screen, and is left out of printing */
		worksheet_write_string(p->errs, FIRST, 0, RT(NO_ERRORS), p->f.muted);
		worksheet_hide(p->errs);
	}
	worksheet_autofilter(p->errs, HEAD, 0,
			     (lxw_row_t)(HEAD + (!p->o.stakeholder && p->nerr ? p->nerr : 1)), 3);
}

static void pf_free(struct portfolio *p)
{
	free(p->seen_rules);
	free(p->seen_pack);
	free(p->seen_count);
	free(p->seen_lines);
	for (int i = 0; i < p->nareas; i++)
		free((char *)p->areas[i]);
	for (int i = 0; i < p->npacks; i++)
		free(p->packs[i]);
	for (int i = 0; i < p->nsectors; i++)
		free(p->sectors[i]);
	for (int i = 0; i < p->nheap; i++)
		pf_risky_free(&p->heap[i]);
	free(p->keys);
	if (p->spill)
		fclose(p->spill);
	free(p);
}

static int pf_close(struct sink *s, struct err *e)
{
	struct portfolio *p = (struct portfolio *)s;
	int rc;

	if (ferror(p->spill)) {
		workbook_close(p->wb);
		outfile_discard(&p->of);
		rc = err_set(e, ERR_IO, "cannot write '%s': the temporary file failed", p->of.target);
		pf_free(p);
		return rc;
	}
	pf_overview_sheet(p);
	suppliers_sheet(p);
	worksheet_autofilter(p->find, HEAD, 0, (lxw_row_t)(HEAD + (p->find_rows ? p->find_rows : 1)),
			     NFIND_COLS - 1);
	if (p->nheat) {
		lxw_conditional_format cf = { 0 };

		cf.type = LXW_CONDITIONAL_3_COLOR_SCALE;
		cf.min_color = 0xF8696B;
		cf.mid_color = 0xFFEB84;
		cf.max_color = 0x63BE7B;
		cf.min_rule_type = cf.mid_rule_type = cf.max_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
		cf.min_value = 0;
		cf.mid_value = SCORE_SCALE / 2;
		cf.max_value = SCORE_SCALE;
		worksheet_conditional_format_range(p->heat, FIRST, 2, (lxw_row_t)(FIRST + p->nheat - 1),
						   (lxw_col_t)(2 + p->nareas), &cf);
		worksheet_autofilter(p->heat, HEAD, 0, (lxw_row_t)(HEAD + p->nheat),
				     (lxw_col_t)(2 + p->nareas));
	} else {
		static const struct tcol none[] = { { RT_H_SUPPLIER_ID, 14, COL_WRAP } };

		pf_table_sheet(p, p->heat, RT(SHEET_HEATMAP), none, 1, 1, XW_LANDSCAPE);
	}
	errors_close(p);
	pf_rules_sheet(p);
	pf_method_sheet(p);
	rc = xw_finish(p->wb, &p->of, e);
	pf_free(p);
	return rc;
}

static void pf_abort(struct sink *s)
{
	struct portfolio *p = (struct portfolio *)s;

	workbook_close(p->wb);
	outfile_discard(&p->of);
	pf_free(p);
}

static const struct sink_vt portfolio_vt = { pf_item, pf_close, pf_abort };

struct sink *sink_portfolio_new(const char *path, const struct report_opts *o, struct err *e)
{
	struct portfolio *p = xcalloc(1, sizeof *p);
	lxw_workbook_options wo = { .constant_memory = LXW_TRUE };

	p->base.vt = &portfolio_vt;
	p->o = *o;
	if (outfile_begin(&p->of, path, e)) {
		free(p);
		return NULL;
	}
	if (!(p->spill = tmpfile())) {
		err_set(e, ERR_IO, "cannot write '%s': no temporary file", path);
		outfile_discard(&p->of);
		free(p);
		return NULL;
	}
	if (!(p->wb = workbook_new_opt(p->of.tmp, &wo))) {
		err_set(e, ERR_IO, "cannot write '%s'", path);
		fclose(p->spill);
		free(p);
		return NULL;
	}
	xfmt_init(p->wb, &p->f);
	xpage_init(&p->pg, o, RT(PORTFOLIO));
	xw_properties(p->wb, RT(DOC_PORTFOLIO_TITLE), p->pg.marking, o->now);
	p->over = workbook_add_worksheet(p->wb, RT(SHEET_OVERVIEW));
	p->sup = workbook_add_worksheet(p->wb, RT(SHEET_SUPPLIERS));
	p->heat = workbook_add_worksheet(p->wb, RT(SHEET_HEATMAP));
	next_findings_sheet(p);
	p->errs = workbook_add_worksheet(p->wb, RT(SHEET_ERRORS));
	p->rules = workbook_add_worksheet(p->wb, RT(SHEET_RULES));
	p->method = workbook_add_worksheet(p->wb, RT(SHEET_METHOD));
	pf_table_sheet(p, p->sup, RT(SHEET_SUPPLIERS), sup_cols, NSUP_COLS, NSUP_PRINTED, XW_LANDSCAPE);
	pf_table_sheet(p, p->errs, RT(SHEET_ERRORS), err_cols, 4, 4, XW_LANDSCAPE);
	return &p->base;
}
