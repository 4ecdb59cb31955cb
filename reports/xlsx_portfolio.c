/* The portfolio workbook (docs/workbooks.md): Suppliers, Heatmap, Findings,
 * Errors, Rules, Method — in libxlsxwriter's constant-memory mode, one row at
 * a time, so memory stays flat from ten suppliers to a hundred thousand. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "change.h"
#include "score.h"
#include "sink_int.h"
#include "xlsx_common.h"

/* RULE_MAP: slots of the rule pointer map (a cache: rules beyond half of it
 * are found by name) */
enum { MAX_AREAS = DILIGO_MAX_AREAS, MAX_PACKS = DILIGO_MAX_PORTFOLIO_PACKS, RULE_MAP = 8192 };

struct portfolio {
	struct sink base;
	lxw_workbook *wb;
	struct outfile of;
	struct xfmt f;
	lxw_worksheet *sup, *heat, *find, *errs, *rules, *method;
	int nsup, nheat, nfind, nerr;
	int find_rows, find_sheets; /* rows on the current Findings sheet; sheets */
	/* rules seen, with how often they fired, for the Rules sheet */
	const struct rule **seen_rules;
	const char **seen_pack;
	int *seen_count;
	int nseen;
	size_t cap_rules, cap_pack, cap_count; /* GROW keeps one per array */
	/* rule pointer -> index in seen_*: each worker has its own copy of a
	 * pack, so one rule arrives under several pointers */
	const struct rule *ptr_key[RULE_MAP];
	int ptr_val[RULE_MAP];
	bool stakeholder;
	time_t now;
	const char *areas[MAX_AREAS]; /* heatmap columns, fixed by the first supplier */
	int nareas;
	char *packs[MAX_PACKS]; /* "id version" seen, for Method */
	int npacks;
	int trends[3]; /* suppliers compared with an earlier period: worse, same, better */
	int uncompared;
};

static const struct column sup_cols[] = {
	{ "Supplier id", 14, 0 }, { "Name", 28, 0 },     { "Country", 8, 0 },
	{ "Sector", 12, 0 },      { "Score", 7, 0 },     { "Rating", 7, 0 },
	{ "Coverage", 9, 0 },     { "Red flag", 8, 0 },  { "Critical", 8, 0 },
	{ "High", 6, 0 },         { "Medium", 8, 0 },    { "Low", 6, 0 },
	{ "Top finding", 40, 0 }, { "Input", 30, 0 },     { "Workbook", 30, 0 },
	/* year over year (--baseline, series): empty when not compared */
	{ "Period", 7, 0 },       { "Compared with", 9, 0 }, { "Score change", 8, 0 },
	{ "Rating then", 7, 0 },  { "Trend", 10, 0 },       { "New findings", 8, 0 },
	{ "Resolved findings", 9, 0 },
	/* the rating's two dimensions and its evidence (docs/scoring.md) */
	{ "Process rating", 8, 0 }, { "Claimed", 8, 0 }, { "Evidenced", 9, 0 },
	{ "Unresolved red flags", 10, 0 }, { "Rating reason", 60, 0 },
};
/* Findings rows stay short (they can number millions); what is the same
 * for every finding of a rule — duties, action, severity — is on Rules. */
static const struct column find_cols[] = {
	{ "Supplier id", 16, 0 }, { "Level", 9, 0 }, { "Priority", 8, 0 },
	{ "Rule id", 34, 0 },     { "Finding", 60, 0 },
};
static const struct column rule_cols[] = {
	{ "Rule id", 30, 0 },   { "Finding", 40, 1 },     { "Pack", 12, 0 },
	{ "Scale", 6, 0 },      { "Scope", 6, 0 },        { "Irremediable", 9, 0 },
	{ "Likelihood", 9, 0 }, { "Red flag", 8, 0 },     { "Legal basis", 12, 0 },
	{ "Duties", 30, 1 },    { "Recommended action", 60, 1 }, { "Rule source", 26, 0 },
	{ "Times found", 10, 0 },
};
enum { NSUP_COLS = 27, NFIND_COLS = 5, NRULE_COLS = 13, SHEET_ROWS = DILIGO_XLSX_ROWS - 1 /* under a header */ };
static const struct column err_cols[] = {
	{ "Input", 40, 0 }, { "Line", 6, 0 }, { "Column", 7, 0 }, { "Message", 90, 0 },
};

static void heat_header(struct portfolio *p, const struct assessment *a)
{
	static const struct column first[] = { { "Supplier id", 14, 0 }, { "Name", 28, 0 },
						{ "Score", 7, 0 } };
	struct column cols[MAX_AREAS + 3];

	p->nareas = a->pack->nareas < MAX_AREAS ? a->pack->nareas : MAX_AREAS;
	memcpy(cols, first, sizeof first);
	for (int i = 0; i < p->nareas; i++) {
		p->areas[i] = xstrdup(a->pack->areas[i]);
		cols[3 + i] = (struct column){ p->areas[i], 14, 1 };
	}
	xw_table(p->heat, &p->f, cols, 3 + p->nareas, 0);
}

static void heat_row(struct portfolio *p, const struct assessment *a)
{
	const struct area_score *areas = a->areas;
	int n = a->nareas, r = ++p->nheat;

	xw_text(p->heat, r, 0, a->qn->supplier.id, NULL);
	xw_text(p->heat, r, 1, a->qn->supplier.name, NULL);
	xw_num(p->heat, r, 2, a->overall, p->f.num1);
	for (int c = 0; c < p->nareas; c++)
		for (int k = 0; k < n; k++)
			if (!strcmp(areas[k].area, p->areas[c]))
				xw_num(p->heat, r, 3 + c, areas[k].score, p->f.num1);
}

static void note_pack(struct portfolio *p, const struct pack *pk)
{
	char buf[DILIGO_REPORT_PACK_TEXT];

	snprintf(buf, sizeof buf, "%s %s", pk->id, pk->version ? pk->version : "");
	for (int i = 0; i < p->npacks; i++)
		if (!strcmp(p->packs[i], buf))
			return;
	if (p->npacks < MAX_PACKS)
		p->packs[p->npacks++] = xstrdup(buf);
}

/* Period, and the comparison with the earlier period (change.h). */
static void change_cells(struct portfolio *p, int r, const struct assessment *a)
{
	static const char *const trend[] = { "worsened", "stayed", "improved" };
	const struct change *c = a->change;
	char then[2] = { c ? c->rating_then : 0, 0 };
	enum trend t = change_trend(a, c);

	if (a->qn->period)
		worksheet_write_number(p->sup, (lxw_row_t)r, 15, a->qn->period, NULL);
	if (t == TREND_NONE) {
		p->uncompared++;
		return;
	}
	p->trends[t + 1]++;
	if (c->from_period)
		worksheet_write_number(p->sup, (lxw_row_t)r, 16, c->from_period, NULL);
	xw_num(p->sup, r, 17, round((a->overall - c->score_then) * 100) / 100, p->f.num1);
	if (then[0])
		worksheet_write_string(p->sup, (lxw_row_t)r, 18, then, NULL);
	worksheet_write_string(p->sup, (lxw_row_t)r, 19, trend[t + 1], NULL);
	worksheet_write_number(p->sup, (lxw_row_t)r, 20, c->nnew, NULL);
	worksheet_write_number(p->sup, (lxw_row_t)r, 21, c->nresolved, NULL);
}

/* A finding's title as reports show it: "Information needed: ..." when it
 * stands for what missing answers could hide. */
static const char *finding_title(const struct finding *f, char *buf, size_t n)
{
	if (!f->info)
		return f->rule->title;
	snprintf(buf, n, "Information needed: %s", f->rule->title);
	return buf;
}

static void supplier_row(struct portfolio *p, const char *input, const char *workbook,
			 const struct assessment *a)
{
	char title[DILIGO_REPORT_LINE_TEXT];
	const struct qn *q = a->qn;
	char rating[2] = { a->rating, 0 }, process[2] = { a->process_rating, 0 };
	int r = ++p->nsup;

	xw_text(p->sup, r, 0, q->supplier.id, NULL);
	xw_text(p->sup, r, 1, q->supplier.name, NULL);
	xw_text(p->sup, r, 2, q->supplier.country, NULL);
	xw_text(p->sup, r, 3, a->pack->id, NULL);
	xw_num(p->sup, r, 4, a->overall, p->f.num1);
	worksheet_write_string(p->sup, (lxw_row_t)r, 5, rating, NULL);
	xw_num(p->sup, r, 6, a->coverage, p->f.pct);
	worksheet_write_string(p->sup, (lxw_row_t)r, 7, a->red_flag ? "yes" : "no",
			       a->red_flag ? p->f.level[3] : NULL);
	for (int l = LVL_CRITICAL; l >= LVL_LOW; l--)
		worksheet_write_number(p->sup, (lxw_row_t)r, (lxw_col_t)(8 + LVL_CRITICAL - l),
				       a->per_level[l], NULL);
	if (a->nfindings)
		xw_text(p->sup, r, 12, finding_title(&a->findings[0], title, sizeof title), NULL);
	xw_text(p->sup, r, 13, input, NULL);
	xw_text(p->sup, r, 14, workbook, NULL); /* which file holds this supplier */
	change_cells(p, r, a);
	worksheet_write_string(p->sup, (lxw_row_t)r, 22, process, NULL);
	xw_num(p->sup, r, 23, a->claimed, p->f.pct);
	xw_num(p->sup, r, 24, a->evidenced, p->f.pct);
	worksheet_write_number(p->sup, (lxw_row_t)r, 25, a->red_flags_unresolved, NULL);
	xw_text(p->sup, r, 26, a->rating_reason, NULL);
}

static void count_rule(struct portfolio *p, const struct rule *r, const char *pack)
{
	size_t h = ((size_t)r >> 4) & (RULE_MAP - 1);

	while (p->ptr_key[h] && p->ptr_key[h] != r)
		h = (h + 1) & (RULE_MAP - 1);
	if (p->ptr_key[h]) {
		p->seen_count[p->ptr_val[h]]++;
		return;
	}
	for (int i = 0; i < p->nseen; i++)
		if (!strcmp(p->seen_rules[i]->id, r->id) && !strcmp(p->seen_pack[i], pack)) {
			p->seen_count[i]++;
			if (p->nseen < RULE_MAP / 2) {
				p->ptr_key[h] = r;
				p->ptr_val[h] = i;
			}
			return;
		}
	if (p->nseen < RULE_MAP / 2) {
		p->ptr_key[h] = r;
		p->ptr_val[h] = p->nseen;
	}
	GROW(p->seen_rules, p->nseen + 1, p->cap_rules);
	GROW(p->seen_pack, p->nseen + 1, p->cap_pack);
	GROW(p->seen_count, p->nseen + 1, p->cap_count);
	p->seen_rules[p->nseen] = r;
	p->seen_pack[p->nseen] = pack;
	p->seen_count[p->nseen++] = 1;
}

/* Excel holds 1,048,576 rows a sheet: a portfolio of many suppliers goes on
 * over "Findings 2", "Findings 3" ... */
static void next_findings_sheet(struct portfolio *p)
{
	char name[DILIGO_XLSX_SHEET_NAME + 1];

	if (p->find)
		worksheet_autofilter(p->find, 0, 0, (lxw_row_t)p->find_rows, NFIND_COLS - 1);
	snprintf(name, sizeof name, p->find_sheets ? "Findings %d" : "Findings", p->find_sheets + 1);
	p->find = workbook_add_worksheet(p->wb, name);
	xw_table(p->find, &p->f, find_cols, NFIND_COLS, 0);
	p->find_sheets++;
	p->find_rows = 0;
}

static void finding_rows(struct portfolio *p, const struct assessment *a)
{
	char title[DILIGO_REPORT_LINE_TEXT];

	for (int i = 0; i < a->nfindings; i++) {
		const struct finding *f = &a->findings[i];
		int r;

		if (p->find_rows == SHEET_ROWS)
			next_findings_sheet(p);
		r = ++p->find_rows;
		p->nfind++;
		count_rule(p, f->rule, a->pack->id);
		xw_text(p->find, r, 0, a->qn->supplier.id, NULL);
		worksheet_write_string(p->find, (lxw_row_t)r, 1, level_name(f->level),
				       p->f.level[f->level]);
		worksheet_write_number(p->find, (lxw_row_t)r, 2, f->priority, NULL);
		xw_text(p->find, r, 3, f->rule->id, NULL);
		xw_text(p->find, r, 4, finding_title(f, title, sizeof title), NULL);
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
	const struct rule **sorted = xcalloc((size_t)p->nseen, sizeof *sorted);

	if (p->nseen) /* seen_rules is NULL when nothing was found */
		memcpy(sorted, p->seen_rules, (size_t)p->nseen * sizeof *sorted);
	qsort(sorted, (size_t)p->nseen, sizeof *sorted, cmp_seen);
	xw_table(p->rules, &p->f, rule_cols, NRULE_COLS, p->nseen);
	for (int i = 0; i < p->nseen; i++) {
		const struct rule *r = sorted[i];
		int k = 0, row = i + 1;
		size_t used = 0;

		while (p->seen_rules[k] != r)
			k++;
		duties[0] = '\0';
		for (int d = 0; d < r->nduties && used + 2 < sizeof duties; d++)
			used += (size_t)snprintf(duties + used, sizeof duties - used, "%s%s",
						 d ? ", " : "", r->duties[d]);
		snprintf(src, sizeof src, "%s:%d", r->file, r->line);
		xw_text(p->rules, row, 0, r->id, NULL);
		xw_text(p->rules, row, 1, r->title, NULL);
		xw_text(p->rules, row, 2, p->seen_pack[k], NULL);
		worksheet_write_number(p->rules, (lxw_row_t)row, 3, r->scale, NULL);
		worksheet_write_number(p->rules, (lxw_row_t)row, 4, r->scope, NULL);
		worksheet_write_number(p->rules, (lxw_row_t)row, 5, r->irremediable, NULL);
		worksheet_write_number(p->rules, (lxw_row_t)row, 6, r->likelihood, NULL);
		worksheet_write_string(p->rules, (lxw_row_t)row, 7, r->red_flag ? "yes" : "no", NULL);
		worksheet_write_string(p->rules, (lxw_row_t)row, 8,
				       r->actual ? SCORE_BASIS_ACTUAL : SCORE_BASIS_POTENTIAL, NULL);
		xw_text(p->rules, row, 9, duties, NULL);
		xw_text(p->rules, row, 10, r->action, NULL);
		xw_text(p->rules, row, 11, src, NULL);
		worksheet_write_number(p->rules, (lxw_row_t)row, 12, p->seen_count[k], NULL);
	}
	free(sorted);
}

static void pf_item(struct sink *s, const char *input, const char *workbook,
		    const struct assessment *a, const struct err *e)
{
	struct portfolio *p = (struct portfolio *)s;

	if (!a) {
		int r = ++p->nerr;

		xw_text(p->errs, r, 0, input, NULL);
		if (e->line)
			worksheet_write_number(p->errs, (lxw_row_t)r, 1, e->line, NULL);
		if (e->col)
			worksheet_write_number(p->errs, (lxw_row_t)r, 2, e->col, NULL);
		xw_text(p->errs, r, 3, e->msg, NULL);
		return;
	}
	if (!p->nheat && !p->nareas)
		heat_header(p, a);
	note_pack(p, a->pack);
	supplier_row(p, input, workbook, a);
	heat_row(p, a);
	finding_rows(p, a);
}

static void method_sheet(struct portfolio *p)
{
	lxw_worksheet *ws = p->method;
	char when[64], buf[64];
	struct tm tm;
	int r = 0;

	gmtime_r(&p->now, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	worksheet_set_column(ws, 0, 0, 30, NULL);
	worksheet_set_column(ws, 1, 1, 100, p->f.wrap);
	worksheet_write_string(ws, (lxw_row_t)r++, 0, "Method and provenance", p->f.title);
	worksheet_write_string(ws, (lxw_row_t)r, 0, "diligo version", p->f.bold);
	worksheet_write_string(ws, (lxw_row_t)r++, 1, DILIGO_VERSION, NULL);
	worksheet_write_string(ws, (lxw_row_t)r, 0, "Generated", p->f.bold);
	worksheet_write_string(ws, (lxw_row_t)r++, 1, when, NULL);
	worksheet_write_string(ws, (lxw_row_t)r, 0, "Audience", p->f.bold);
	worksheet_write_string(ws, (lxw_row_t)r++, 1, p->stakeholder ? "stakeholder" : "company", NULL);
	snprintf(buf, sizeof buf, "%d assessed, %d failed, %d findings", p->nsup, p->nerr, p->nfind);
	worksheet_write_string(ws, (lxw_row_t)r, 0, "Suppliers", p->f.bold);
	worksheet_write_string(ws, (lxw_row_t)r++, 1, buf, NULL);
	if (p->trends[0] + p->trends[1] + p->trends[2]) {
		char line[160];

		snprintf(line, sizeof line, "%d improved, %d worsened, %d stayed; %d not compared "
			 "(no earlier period)", p->trends[2], p->trends[0], p->trends[1], p->uncompared);
		worksheet_write_string(ws, (lxw_row_t)r, 0, "Since the earlier period", p->f.bold);
		worksheet_write_string(ws, (lxw_row_t)r++, 1, line, NULL);
	}
	for (int i = 0; i < p->npacks; i++) {
		worksheet_write_string(ws, (lxw_row_t)r, 0, i ? "" : "Sector packs", p->f.bold);
		xw_text(ws, r++, 1, p->packs[i], NULL);
	}
	worksheet_write_string(ws, (lxw_row_t)r, 0, "Scoring", p->f.bold);
	worksheet_write_string(ws, (lxw_row_t)r++, 1,
			       "As published in each supplier workbook's Method sheet and in "
			       "docs/scoring.md: question scores in [0," SCORE_STR(SCORE_Q_MAX) "], "
			       "duty and overall scores = " SCORE_STR(SCORE_SCALE) " x sum(w x s) / "
			       "sum(w), priority = severity x likelihood.", NULL);
}

static void pf_free(struct portfolio *p)
{
	free(p->seen_rules);
	free(p->seen_pack);
	free(p->seen_count);
	for (int i = 0; i < p->nareas; i++)
		free((char *)p->areas[i]);
	for (int i = 0; i < p->npacks; i++)
		free(p->packs[i]);
	free(p);
}

static int pf_close(struct sink *s, struct err *e)
{
	struct portfolio *p = (struct portfolio *)s;
	lxw_conditional_format cf = { 0 };
	int rc;

	worksheet_autofilter(p->sup, 0, 0, (lxw_row_t)(p->nsup ? p->nsup : 1), NSUP_COLS - 1);
	worksheet_autofilter(p->find, 0, 0, (lxw_row_t)(p->find_rows ? p->find_rows : 1),
			     NFIND_COLS - 1);
	worksheet_autofilter(p->errs, 0, 0, (lxw_row_t)(p->nerr ? p->nerr : 1), 3);
	if (p->nheat) {
		cf.type = LXW_CONDITIONAL_3_COLOR_SCALE;
		cf.min_color = 0xF8696B;
		cf.mid_color = 0xFFEB84;
		cf.max_color = 0x63BE7B;
		cf.min_rule_type = cf.mid_rule_type = cf.max_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
		cf.min_value = 0;
		cf.mid_value = SCORE_SCALE / 2;
		cf.max_value = SCORE_SCALE;
		worksheet_conditional_format_range(p->heat, 1, 2, (lxw_row_t)p->nheat,
						   (lxw_col_t)(2 + p->nareas), &cf);
		worksheet_autofilter(p->heat, 0, 0, (lxw_row_t)p->nheat, (lxw_col_t)(2 + p->nareas));
	} else {
		static const struct column none[] = { { "Supplier id", 14, 0 } };

		xw_table(p->heat, &p->f, none, 1, 0);
	}
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

struct sink *sink_portfolio_new(const char *path, bool stakeholder, time_t now, struct err *e)
{
	struct portfolio *p = xcalloc(1, sizeof *p);
	lxw_workbook_options wo = { .constant_memory = LXW_TRUE };

	p->base.vt = &portfolio_vt;
	p->stakeholder = stakeholder;
	p->now = now;
	if (outfile_begin(&p->of, path, e)) {
		free(p);
		return NULL;
	}
	if (!(p->wb = workbook_new_opt(p->of.tmp, &wo))) {
		err_set(e, ERR_IO, "cannot write '%s'", path);
		outfile_discard(&p->of);
		free(p);
		return NULL;
	}
	xfmt_init(p->wb, &p->f);
	xw_properties(p->wb, "diligo portfolio", now);
	p->sup = workbook_add_worksheet(p->wb, "Suppliers");
	p->heat = workbook_add_worksheet(p->wb, "Heatmap");
	next_findings_sheet(p);
	p->errs = workbook_add_worksheet(p->wb, "Errors");
	p->rules = workbook_add_worksheet(p->wb, "Rules");
	p->method = workbook_add_worksheet(p->wb, "Method");
	xw_table(p->sup, &p->f, sup_cols, NSUP_COLS, 0);
	xw_table(p->errs, &p->f, err_cols, 4, 0);
	return &p->base;
}
