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
#include "redact.h"
#include "score.h"
#include "sink_int.h"
#include "xlsx_common.h"

/* RULE_MAP: slots of the rule pointer map (a cache: rules beyond half of it
 * are found by name) */
enum {
	MAX_AREAS = DILIGO_MAX_AREAS,
	MAX_PACKS = DILIGO_MAX_PORTFOLIO_PACKS,
	RULE_MAP = 8192,
	RISKIEST = DILIGO_PORTFOLIO_RISKIEST,
	HEAD = 1,  /* every table: row 0 the marking, row 1 the heading */
	FIRST = 2, /* first data row */
	SHEET_ROWS = DILIGO_XLSX_ROWS - FIRST,
};

/* One of the riskiest suppliers, kept for the Overview. */
struct risky {
	uint32_t key;
	int index; /* input order: the earlier is riskier on equal keys */
	char *id, *name, *sector, *top;
	char rating;
	double score;
	int flags, per_level[LVL__COUNT];
};

struct portfolio {
	struct sink base;
	lxw_workbook *wb;
	struct outfile of;
	struct xfmt f;
	struct xpage pg;
	struct report_opts o;
	lxw_worksheet *over, *sup, *heat, *find, *errs, *rules, *method;
	int nsup, nheat, nfind, nerr, ninputs;
	int find_rows, find_sheets; /* rows on the current Findings sheet; sheets */
	/* rules seen, with how often they fired and their title's lines, for
	 * the Rules sheet */
	const struct rule **seen_rules;
	const char **seen_pack;
	int *seen_count, *seen_lines;
	size_t nseen, capseen;
	/* rule pointer -> index in seen_*: each worker has its own copy of a
	 * pack, so one rule arrives under several pointers */
	const struct rule *ptr_key[RULE_MAP];
	int ptr_val[RULE_MAP];
	const char *areas[MAX_AREAS]; /* heatmap columns, fixed by the first supplier */
	int nareas;
	char *packs[MAX_PACKS]; /* "id version" seen, for Method */
	int npacks;
	/* the Overview's counts */
	int ratings[SCORE_NRATINGS], levels[LVL__COUNT], flagged, nscored;
	double score_sum;
	char *sectors[MAX_PACKS]; /* the last one also holds every sector beyond */
	int sector_levels[MAX_PACKS][LVL__COUNT], nsectors;
	struct risky heap[RISKIEST]; /* a min-heap: the least risky of the kept on top */
	int nheap;
	/* risk rank: every supplier's key, and its row spilled until the end */
	uint32_t *keys;
	size_t nkeys, capkeys;
	FILE *spill;
	int redacted[RD__COUNT];
	int trends[3]; /* suppliers compared with an earlier period: worse, same, better */
	int uncompared;
};

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
static const struct tcol err_cols[] = {
	{ RT_H_INPUT, 40, COL_WRAP }, { RT_H_LINE, 7, COL_NUM },
	{ RT_H_COLUMN, 8, COL_NUM },  { RT_H_MESSAGE, 80, COL_WRAP },
};

/* A table sheet's marking row, heading and paper (the autofilter comes
 * when its rows are known). */
static void table_sheet(struct portfolio *p, lxw_worksheet *ws, const char *name,
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
		n = xl_lines(p->areas[i], 10, XW_SIZE, true);
		lines = n > lines ? n : lines;
		xw_text(p->heat, HEAD, 3 + i, p->areas[i], p->f.head_r);
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

/* ---- risk ----------------------------------------------------------- */

/* Red flags: the groups a red-flag finding leads (docs/scoring.md). */
static int red_flags(const struct assessment *a)
{
	return a->red_flags;
}

/* Higher is riskier: red-flag findings (10 bits), critical findings (12),
 * then the score, lowest first, in tenths (10; no score is the riskiest).
 * Within equal red flags the rating follows the score, so ordering by the
 * score orders by rating too. Counts beyond their bits count as the most. */
static uint32_t risk_key(const struct assessment *a, int flags)
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

static void risky_free(struct risky *r)
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
static void keep_risky(struct portfolio *p, const struct risky *cand, const struct assessment *a,
		       const struct who *w, const char *top)
{
	struct risky *r;

	if (p->nheap == RISKIEST && !riskier(cand, &p->heap[0]))
		return;
	if (p->nheap == RISKIEST) {
		risky_free(&p->heap[0]);
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
	static const char *const trend[] = { "worsened", "stayed", "improved" };
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
	table_sheet(p, p->find, name, find_cols, NFIND_COLS, NFIND_PRINTED, XW_PORTRAIT);
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
		xw_text(p->find, r.row, 1, level_name(f->level), p->f.level[f->level]);
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

static int cmp_seen(const void *x, const void *y)
{
	const struct rule *a = *(const struct rule *const *)x, *b = *(const struct rule *const *)y;

	return strcmp(a->id, b->id);
}

/* Rules: every rule that fired, once, with what is the same for each finding. */
static void rules_sheet(struct portfolio *p)
{
	char duties[DILIGO_REPORT_DUTIES_TEXT], src[DILIGO_REPORT_SOURCE_TEXT];
	const struct rule **sorted = xcalloc(p->nseen ? p->nseen : 1, sizeof *sorted);

	if (p->nseen) /* seen_rules is NULL when nothing was found */
		memcpy(sorted, p->seen_rules, p->nseen * sizeof *sorted);
	qsort(sorted, p->nseen, sizeof *sorted, cmp_seen);
	table_sheet(p, p->rules, RT(SHEET_RULES), rule_cols, NRULE_COLS, NRULE_PRINTED, XW_LANDSCAPE);
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
	cand.flags = red_flags(a);
	cand.key = risk_key(a, cand.flags);
	cand.index = p->nsup++;
	cand.rating = a->rating;
	cand.score = a->overall;
	memcpy(cand.per_level, a->per_level, sizeof cand.per_level);
	keep_risky(p, &cand, a, &w, top);
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

static void overview_sheet(struct portfolio *p)
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
		ll[l] = level_name((enum level)(LVL_CRITICAL - l));
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

static void method_sheet(struct portfolio *p)
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
		risky_free(&p->heap[i]);
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
	overview_sheet(p);
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

		table_sheet(p, p->heat, RT(SHEET_HEATMAP), none, 1, 1, XW_LANDSCAPE);
	}
	errors_close(p);
	rules_sheet(p);
	method_sheet(p);
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
	table_sheet(p, p->sup, RT(SHEET_SUPPLIERS), sup_cols, NSUP_COLS, NSUP_PRINTED, XW_LANDSCAPE);
	table_sheet(p, p->errs, RT(SHEET_ERRORS), err_cols, 4, 4, XW_LANDSCAPE);
	return &p->base;
}
