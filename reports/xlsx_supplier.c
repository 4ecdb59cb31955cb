/* The supplier workbook (docs/workbooks.md): Summary, Duties, Findings,
 * Action plan, Answers, Evidence, Method. Every number can be followed back:
 * a finding lists its rule, duties and the answers that triggered it; the
 * Method sheet names every Lua file by SHA-256 and states the scoring method,
 * written from the constants of score.h. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "bounds.h"
#include "change.h"
#include "crisk.h"
#include "score.h"
#include "sink.h"
#include "xlsx_changes.h"
#include "xlsx_common.h"

#define REDACTED "[confidential]"

struct sw {
	lxw_workbook *wb;
	struct xfmt f;
	const struct assessment *a;
	const struct report_opts *o;
	int redacted;
	lxw_format *due; /* a date as people type it in the Action plan */
};

static bool hidden(struct sw *w, const struct answer *an)
{
	return w->o->stakeholder && an->confidential;
}

/* Evidence is confidential when a confidential answer cites it. */
static bool evidence_hidden(struct sw *w, const char *id)
{
	const struct qn *q = w->a->qn;

	if (!w->o->stakeholder)
		return false;
	for (int i = 0; i < w->a->pack->nquestions; i++)
		for (int k = 0; k < q->answers[i].nevidence; k++)
			if (q->answers[i].confidential && !strcmp(q->answers[i].evidence[k], id))
				return true;
	return false;
}

static const char *join(const char **v, int n, const char *sep, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int i = 0; i < n && used + 1 < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? sep : "", v[i]);
	return buf;
}

/* ---- Summary -------------------------------------------------------- */

static void kv(struct sw *w, lxw_worksheet *ws, int row, const char *k, const char *v)
{
	xw_text(ws, row, 0, k, w->f.bold); /* a Lua file's path on Method */
	xw_text(ws, row, 1, v, w->f.text);
}

static void summary_profile(struct sw *w, lxw_worksheet *ws)
{
	const struct qn *q = w->a->qn;
	char buf[DILIGO_REPORT_LINE_TEXT];

	snprintf(buf, sizeof buf, "Due-diligence assessment: %s", q->supplier.name);
	xw_text(ws, 0, 0, buf, w->f.title);
	kv(w, ws, 2, "Supplier id", q->supplier.id);
	kv(w, ws, 3, "Name", q->supplier.name);
	kv(w, ws, 4, "Country", q->supplier.country);
	kv(w, ws, 5, "Sector", q->supplier.sector);
	worksheet_write_string(ws, 6, 0, "Employees", w->f.bold);
	if (q->supplier.employees >= 0)
		worksheet_write_number(ws, 6, 1, (double)q->supplier.employees, NULL);
	worksheet_write_string(ws, 7, 0, "Tier", w->f.bold);
	if (q->supplier.tier)
		worksheet_write_number(ws, 7, 1, q->supplier.tier, NULL);
	worksheet_write_string(ws, 8, 0, "Period", w->f.bold);
	if (q->period)
		worksheet_write_number(ws, 8, 1, q->period, NULL);
	if (w->o->stakeholder) {
		kv(w, ws, 9, "Respondent", REDACTED);
		w->redacted += q->respondent_name || q->respondent_role || q->respondent_email;
	} else {
		snprintf(buf, sizeof buf, "%s%s%s", q->respondent_name ? q->respondent_name : "",
			 q->respondent_role ? ", " : "", q->respondent_role ? q->respondent_role : "");
		kv(w, ws, 9, "Respondent", buf);
	}
}

/* "Claimed 80%, evidenced 45% of the answers that need evidence". */
static const char *claims_text(const struct assessment *a, char *buf, size_t n)
{
	if (isnan(a->claimed))
		snprintf(buf, n, "No question of this pack needs evidence.");
	else
		snprintf(buf, n, "Claims needing evidence: %.0f%% claimed, %.0f%% evidenced "
				 "(cited, current evidence)", 100 * a->claimed, 100 * a->evidenced);
	return buf;
}

static const char *red_flag_text(const struct assessment *a, char *buf, size_t n)
{
	snprintf(buf, n, "%d red flag%s; %d that missing information cannot rule out",
		 a->red_flags, a->red_flags == 1 ? "" : "s", a->red_flags_unresolved);
	return buf;
}

/* A finding's title as reports show it. */
static const char *finding_title(const struct finding *f, char *buf, size_t n)
{
	if (!f->info)
		return f->rule->title;
	snprintf(buf, n, "Information needed: %s", f->rule->title);
	return buf;
}

static void summary_scores(struct sw *w, lxw_worksheet *ws)
{
	const struct assessment *a = w->a;
	char r[2] = { a->rating, 0 }, buf[DILIGO_REPORT_LINE_TEXT];

	worksheet_write_string(ws, 11, 0, "Overall score (0-" SCORE_STR(SCORE_SCALE) ")", w->f.bold);
	xw_num(ws, 11, 1, a->overall, w->f.num1);
	kv(w, ws, 12, "Rating", r);
	xw_text(ws, 12, 2, a->rating_reason, w->f.text);
	worksheet_write_string(ws, 13, 0, "Coverage", w->f.bold);
	xw_num(ws, 13, 1, a->coverage, w->f.pct);
	xw_text(ws, 13, 2, claims_text(a, buf, sizeof buf), w->f.text);
	kv(w, ws, 14, "Red flag", a->red_flag ? "yes" : a->red_flags_unresolved ? "unresolved" : "no");
	xw_text(ws, 14, 2, red_flag_text(a, buf, sizeof buf), w->f.text);
	for (int l = LVL_CRITICAL; l >= LVL_LOW; l--) {
		char k[64];

		snprintf(k, sizeof k, "Findings: %s", level_name((enum level)l));
		worksheet_write_string(ws, (lxw_row_t)(15 + LVL_CRITICAL - l), 0, k, w->f.bold);
		worksheet_write_number(ws, (lxw_row_t)(15 + LVL_CRITICAL - l), 1, a->per_level[l], NULL);
	}
}

static void summary_top(struct sw *w, lxw_worksheet *ws)
{
	const struct assessment *a = w->a;

	worksheet_write_string(ws, 20, 0, "Top findings", w->f.title);
	worksheet_write_string(ws, 21, 0, "Level", w->f.head);
	worksheet_write_string(ws, 21, 1, "Priority", w->f.head);
	worksheet_write_string(ws, 21, 2, "Finding", w->f.head);
	if (!a->nfindings)
		worksheet_write_string(ws, 22, 0, "No findings.", w->f.muted);
	for (int i = 0, row = 22; i < a->nfindings && row < 22 + DILIGO_TOP_FINDINGS; i++) {
		const struct finding *f = &a->findings[i];
		char t[DILIGO_REPORT_LINE_TEXT];

		if (f->lead != i)
			continue; /* one line per impact: corroborating findings are in Findings */
		worksheet_write_string(ws, (lxw_row_t)row, 0, level_name(f->level),
				       w->f.level[f->level]);
		worksheet_write_number(ws, (lxw_row_t)row, 1, f->priority, NULL);
		xw_text(ws, row++, 2, finding_title(f, t, sizeof t), w->f.text);
	}
}

/* Scores per duty area, as a table (D3:E..) and a bar chart beside it. */
static void summary_chart(struct sw *w, lxw_worksheet *ws)
{
	const struct area_score *areas = w->a->areas;
	int n = w->a->nareas;
	lxw_chart *chart;
	lxw_chart_series *s;

	worksheet_write_string(ws, 2, 3, "Duty area", w->f.head);
	worksheet_write_string(ws, 2, 4, "Score", w->f.head);
	for (int i = 0; i < n; i++) {
		xw_text(ws, 3 + i, 3, areas[i].area, w->f.text);
		xw_num(ws, 3 + i, 4, areas[i].score, w->f.num1);
	}
	if (!n)
		return;
	chart = workbook_add_chart(w->wb, LXW_CHART_BAR);
	s = chart_add_series(chart, NULL, NULL);
	chart_series_set_categories(s, "Summary", 3, 3, (lxw_row_t)(2 + n), 3);
	chart_series_set_values(s, "Summary", 3, 4, (lxw_row_t)(2 + n), 4);
	chart_title_set_name(chart, "Score per duty area (0-" SCORE_STR(SCORE_SCALE) ")");
	chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
	chart_axis_set_min(chart->x_axis, 0);
	chart_axis_set_max(chart->x_axis, SCORE_SCALE);
	worksheet_insert_chart(ws, 2, 6, chart);
}

static void summary_provenance(struct sw *w, lxw_worksheet *ws)
{
	const struct assessment *a = w->a;
	char buf[DILIGO_REPORT_LINE_TEXT], when[64];
	struct tm tm;

	gmtime_r(&w->o->now, &tm);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", &tm);
	worksheet_write_string(ws, 28, 0, "Provenance", w->f.title);
	snprintf(buf, sizeof buf, "%s %s (%s)", a->pack->id, a->pack->version ? a->pack->version : "",
		 a->pack->title ? a->pack->title : "");
	kv(w, ws, 29, "Sector pack", buf);
	kv(w, ws, 30, "Questionnaire SHA-256", a->qn->sha256);
	kv(w, ws, 31, "Generated", when);
	kv(w, ws, 32, "Generator", "diligo " DILIGO_VERSION);
	kv(w, ws, 33, "Audience", w->o->stakeholder ? "stakeholder (redacted)" : "company");
	kv(w, ws, 34, "Method", "See the Method sheet: every score follows from the answers, "
				"the question weights and the rules listed there.");
}

static void sheet_summary(struct sw *w)
{
	lxw_worksheet *ws = workbook_add_worksheet(w->wb, "Summary");

	worksheet_set_column(ws, 0, 0, 26, NULL);
	worksheet_set_column(ws, 1, 1, 22, NULL);
	worksheet_set_column(ws, 2, 2, 50, NULL);
	worksheet_set_column(ws, 3, 3, 26, NULL);
	worksheet_set_column(ws, 4, 4, 8, NULL);
	summary_profile(w, ws);
	summary_scores(w, ws);
	summary_top(w, ws);
	summary_chart(w, ws);
	summary_provenance(w, ws);
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 1);
	worksheet_activate(ws);
}

/* ---- Duties --------------------------------------------------------- */

static void sheet_duties(struct sw *w)
{
	static const struct column cols[] = {
		{ "Framework", 10, 0 }, { "Duty id", 18, 0 }, { "Title", 36, 1 },
		{ "Area", 22, 0 },      { "Status", 10, 0 },  { "Score", 8, 0 },
		{ "Questions", 10, 0 }, { "Gaps", 8, 0 },     { "Findings", 9, 0 },
		{ "What it requires", 60, 1 }, { "Verified", 16, 1 },
	};
	lxw_worksheet *ws = workbook_add_worksheet(w->wb, "Duties");
	const struct assessment *a = w->a;
	lxw_conditional_format cf = { 0 };

	xw_table(ws, &w->f, cols, 11, a->nduties);
	for (int i = 0; i < a->nduties; i++) {
		const struct duty_score *d = &a->duties[i];
		int r = i + 1;

		xw_text(ws, r, 0, d->duty->framework, NULL);
		xw_text(ws, r, 1, d->duty->id, NULL);
		xw_text(ws, r, 2, d->duty->title, NULL);
		xw_text(ws, r, 3, d->duty->area, NULL);
		xw_text(ws, r, 4, d->duty->status, NULL);
		xw_num(ws, r, 5, d->score, w->f.num1);
		worksheet_write_number(ws, (lxw_row_t)r, 6, d->nquestions, NULL);
		worksheet_write_number(ws, (lxw_row_t)r, 7, d->gaps, NULL);
		worksheet_write_number(ws, (lxw_row_t)r, 8, d->nfindings, NULL);
		xw_text(ws, r, 9, d->duty->text, NULL);
		xw_text(ws, r, 10, d->duty->verified, NULL);
	}
	if (a->nduties) {
		cf.type = LXW_CONDITIONAL_3_COLOR_SCALE;
		cf.min_color = 0xF8696B;
		cf.mid_color = 0xFFEB84;
		cf.max_color = 0x63BE7B;
		cf.min_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
		cf.min_value = 0;
		cf.mid_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
		cf.mid_value = SCORE_SCALE / 2;
		cf.max_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
		cf.max_value = SCORE_SCALE;
		worksheet_conditional_format_range(ws, 1, 5, (lxw_row_t)a->nduties, 5, &cf);
	}
}

/* ---- Findings ------------------------------------------------------- */

/* Status (new, persisting; at scol unless it is -1) and open since (at
 * pcol) of finding i: without a comparison every finding is new, open
 * since this period. */
static void since(struct sw *w, lxw_worksheet *ws, int row, int scol, int pcol, int i)
{
	const struct change *c = w->a->change;
	int period = c ? c->open_since[i] : w->a->qn->period;

	if (scol >= 0)
		worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)scol,
				       change_status_name(c ? (enum fstatus)c->status[i] : FST_NEW),
				       NULL);
	if (period)
		worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)pcol, period, NULL);
}

/* "id = answer; id = answer" for the questions that triggered a finding. */
static const char *triggers(struct sw *w, const struct finding *f, char *buf, size_t n,
			    bool *any_hidden)
{
	size_t used = 0;
	char v[DILIGO_REPORT_ANSWER_TEXT];

	buf[0] = '\0';
	for (int i = 0; i < f->nquestions && used + 8 < n; i++) {
		const struct question *qu = &w->a->pack->questions[f->questions[i]];
		const struct answer *an = &w->a->qn->answers[f->questions[i]];
		const char *t = hidden(w, an) ? REDACTED : report_answer_text(qu, an, v, sizeof v);

		*any_hidden |= hidden(w, an);
		used += (size_t)snprintf(buf + used, n - used, "%s%s = %s", i ? "; " : "", qu->id, t);
	}
	return buf;
}

static void sheet_findings(struct sw *w)
{
	static const struct column cols[] = {
		{ "Level", 9, 0 },        { "Priority", 8, 0 },     { "Scale", 6, 0 },
		{ "Scope", 6, 0 },        { "Irremediable", 9, 0 }, { "Likelihood", 9, 0 },
		{ "Red flag", 8, 0 },     { "Rule id", 24, 0 },     { "Finding", 36, 1 },
		{ "Detail", 36, 1 },      { "Duties", 24, 1 },      { "Triggering answers", 44, 1 },
		{ "Recommended action", 50, 1 }, { "Rule source", 22, 0 },
		{ "Status", 10, 0 },      { "Open since", 9, 0 },
		{ "Severity", 8, 0 },     { "Country risk", 14, 1 }, { "Corroborates", 24, 0 },
		{ "Caps rating at", 8, 0 },
	};
	lxw_worksheet *ws = workbook_add_worksheet(w->wb, "Findings");
	const struct assessment *a = w->a;
	static _Thread_local char buf[DILIGO_REPORT_LIST_TEXT];

	xw_table(ws, &w->f, cols, 20, a->nfindings);
	for (int i = 0; i < a->nfindings; i++) {
		const struct finding *f = &a->findings[i];
		const struct rule *r = f->rule;
		int row = i + 1;
		bool secret = false;
		char src[DILIGO_REPORT_SOURCE_TEXT];

		worksheet_write_string(ws, (lxw_row_t)row, 0, level_name(f->level), w->f.level[f->level]);
		worksheet_write_number(ws, (lxw_row_t)row, 1, f->priority, NULL);
		worksheet_write_number(ws, (lxw_row_t)row, 2, f->scale, NULL);
		worksheet_write_number(ws, (lxw_row_t)row, 3, f->scope, NULL);
		worksheet_write_number(ws, (lxw_row_t)row, 4, f->irremediable, NULL);
		worksheet_write_number(ws, (lxw_row_t)row, 5, f->likelihood, NULL);
		worksheet_write_string(ws, (lxw_row_t)row, 6, f->red_flag ? "yes"
					       : r->red_flag ? "unresolved" : "no", NULL);
		xw_text(ws, row, 7, r->id, NULL);
		xw_text(ws, row, 8, finding_title(f, src, sizeof src), NULL);
		worksheet_write_number(ws, (lxw_row_t)row, 16, f->severity, NULL);
		if (f->context_risk) {
			snprintf(src, sizeof src, "+%d likelihood: %s", f->context, f->context_risk);
			xw_text(ws, row, 17, src, NULL);
		}
		if (f->lead != i)
			xw_text(ws, row, 18, a->findings[f->lead].rule->id, NULL);
		if (f->cap > 'A') {
			char cap[2] = { f->cap, 0 };

			worksheet_write_string(ws, (lxw_row_t)row, 19, cap, NULL);
		}
		xw_text(ws, row, 10, join(r->duties, r->nduties, ", ", buf, sizeof buf), NULL);
		xw_text(ws, row, 11, triggers(w, f, buf, sizeof buf, &secret), NULL);
		if (f->detail) {
			xw_text(ws, row, 9, secret ? REDACTED : f->detail, NULL);
			w->redacted += secret;
		}
		w->redacted += secret;
		xw_text(ws, row, 12, r->action, NULL);
		snprintf(src, sizeof src, "%s:%d", r->file, r->line);
		xw_text(ws, row, 13, src, NULL);
		since(w, ws, row, 14, 15, i);
	}
}

/* ---- Action plan ---------------------------------------------------- */

/* Owner, Due date, Status and Notes as people left them in the earlier
 * Action plan (x), or Status "Open". */
static void carried(struct sw *w, lxw_worksheet *ws, int row, const struct prior_action *x)
{
	if (!x) {
		worksheet_write_string(ws, (lxw_row_t)row, 8, "Open", NULL);
		return;
	}
	xw_text(ws, row, 6, x->owner, NULL);
	if (x->due_serial > 0)
		worksheet_write_number(ws, (lxw_row_t)row, 7, x->due_serial, w->due);
	else
		xw_text(ws, row, 7, x->due, NULL);
	xw_text(ws, row, 8, x->status && *x->status ? x->status : "Open", NULL);
	xw_text(ws, row, 9, x->notes, NULL);
}

static void sheet_actions(struct sw *w)
{
	static const struct column cols[] = {
		{ "Level", 9, 0 },   { "Priority", 8, 0 }, { "Finding", 34, 1 },
		{ "Action", 54, 1 }, { "Legal basis", 34, 1 }, { "Suggested deadline", 20, 1 },
		{ "Owner", 16, 0 },  { "Due date", 12, 0 }, { "Status", 14, 0 },
		{ "Notes", 30, 1 },  { "Open since", 9, 0 }, { "Rule id", 24, 0 },
	};
	static char *statuses[] = { "Open", "In progress", "Done", "Not applicable", NULL };
	lxw_worksheet *ws = workbook_add_worksheet(w->wb, "Action plan");
	const struct assessment *a = w->a;
	lxw_data_validation dv = { 0 };
	char none[64];
	int row = 0;

	for (int i = 0; i < a->nfindings; i++)
		row += a->findings[i].level >= SCORE_ACTION_LEVEL && a->findings[i].lead == i;
	row += a->change && a->change->from ? a->change->from->nextra_actions : 0;
	xw_table(ws, &w->f, cols, 12, row);
	row = 0;
	for (int i = 0; i < a->nfindings; i++) {
		const struct finding *f = &a->findings[i];
		char t[DILIGO_REPORT_LINE_TEXT];

		if (f->level < SCORE_ACTION_LEVEL || f->lead != i)
			continue; /* one action per impact: the group's lead */
		row++;
		worksheet_write_string(ws, (lxw_row_t)row, 0, level_name(f->level), w->f.level[f->level]);
		worksheet_write_number(ws, (lxw_row_t)row, 1, f->priority, NULL);
		xw_text(ws, row, 2, finding_title(f, t, sizeof t), NULL);
		xw_text(ws, row, 3, f->rule->action, NULL);
		worksheet_write_string(ws, (lxw_row_t)row, 4, f->rule->actual
			? SCORE_BASIS_ACTUAL " (bring actual adverse impacts to an end)"
			: SCORE_BASIS_POTENTIAL " (prevent potential adverse impacts)", NULL);
		worksheet_write_string(ws, (lxw_row_t)row, 5, score_deadline(f->level), NULL);
		carried(w, ws, row, a->change && a->change->match[i] ? a->change->match[i]->action
								     : NULL);
		since(w, ws, row, -1, 10, i);
		xw_text(ws, row, 11, f->rule->id, NULL);
	}
	for (int i = 0; a->change && a->change->from && i < a->change->from->nextra_actions; i++) {
		const struct prior_action *x = a->change->from->extra_actions[i];

		row++;
		xw_text(ws, row, 2, x->title, NULL);
		carried(w, ws, row, x);
		xw_text(ws, row, 11, x->rule, NULL);
	}
	if (row) {
		dv.validate = LXW_VALIDATION_TYPE_LIST;
		dv.value_list = statuses;
		worksheet_data_validation_range(ws, 1, 8, (lxw_row_t)row, 8, &dv);
	} else {
		snprintf(none, sizeof none, "No findings of level %s or above.",
			 level_name(SCORE_ACTION_LEVEL));
		worksheet_write_string(ws, 1, 0, none, w->f.muted);
	}
}

/* ---- Answers and Evidence ------------------------------------------- */

static void sheet_answers(struct sw *w)
{
	static const struct column cols[] = {
		{ "Question id", 30, 0 }, { "Section", 20, 1 }, { "Question", 50, 1 },
		{ "Kind", 9, 0 },         { "Answer", 22, 1 },  { "Score", 7, 0 },
		{ "Weight", 7, 0 },       { "Duties", 26, 1 },  { "Evidence", 12, 1 },
		{ "Comment", 40, 1 },     { "Evidence needed", 9, 0 }, { "Applies", 10, 0 },
	};
	static const char *const applies[] = { "yes", "no", "unknown" };
	lxw_worksheet *ws = workbook_add_worksheet(w->wb, "Answers");
	const struct pack *p = w->a->pack;
	static _Thread_local char buf[DILIGO_REPORT_LIST_TEXT];

	xw_table(ws, &w->f, cols, 12, p->nquestions);
	for (int i = 0; i < p->nquestions; i++) {
		const struct question *qu = &p->questions[i];
		const struct answer *an = &w->a->qn->answers[i];
		int r = i + 1;
		bool h = hidden(w, an);

		xw_text(ws, r, 0, qu->id, NULL);
		xw_text(ws, r, 1, qu->section, NULL);
		xw_text(ws, r, 2, qu->text, NULL);
		worksheet_write_string(ws, (lxw_row_t)r, 3, qkind_name(qu->kind), NULL);
		xw_text(ws, r, 4, h ? REDACTED : report_answer_text(qu, an, buf, sizeof buf), NULL);
		if (!h)
			xw_num(ws, r, 5, w->a->qscore[i], w->f.num1);
		worksheet_write_number(ws, (lxw_row_t)r, 6, qu->weight, NULL);
		xw_text(ws, r, 7, join(qu->duties, qu->nduties, ", ", buf, sizeof buf), NULL);
		if (an->nevidence)
			xw_text(ws, r, 8, h ? REDACTED : join(an->evidence, an->nevidence, ", ", buf,
							      sizeof buf), NULL);
		if (an->comment)
			xw_text(ws, r, 9, h ? REDACTED : an->comment, NULL);
		worksheet_write_string(ws, (lxw_row_t)r, 10, qu->evidence ? "yes" : "no", NULL);
		if (w->a->qn->applies)
			worksheet_write_string(ws, (lxw_row_t)r, 11, applies[w->a->qn->applies[i]], NULL);
		w->redacted += h ? 1 + (an->comment != NULL) + (an->nevidence > 0) : 0;
	}
}

static void sheet_evidence(struct sw *w)
{
	static const struct column cols[] = {
		{ "Id", 8, 0 },   { "Title", 40, 1 }, { "Kind", 12, 0 }, { "Date", 11, 0 },
		{ "Age (months)", 10, 0 },
		{ "Stale (over " SCORE_STR(EVIDENCE_STALE_MONTHS) " months)", 12, 0 },
		{ "URL", 50, 0 },
	};
	lxw_worksheet *ws = workbook_add_worksheet(w->wb, "Evidence");
	const struct qn *q = w->a->qn;

	xw_table(ws, &w->f, cols, 7, q->nevidence);
	for (int i = 0; i < q->nevidence; i++) {
		const struct evidence *ev = &q->evidence[i];
		int r = i + 1;
		bool h = evidence_hidden(w, ev->id);

		xw_text(ws, r, 0, ev->id, NULL);
		xw_text(ws, r, 1, h ? REDACTED : ev->title, NULL);
		xw_text(ws, r, 2, ev->kind, NULL);
		xw_text(ws, r, 3, ev->date, NULL);
		if (ev->age_months >= 0) {
			worksheet_write_number(ws, (lxw_row_t)r, 4, ev->age_months, NULL);
			worksheet_write_string(ws, (lxw_row_t)r, 5, ev->stale ? "stale" : "current",
					       ev->stale ? w->f.level[2] : NULL);
		}
		if (ev->url)
			xw_text(ws, r, 6, h ? REDACTED : ev->url, NULL); /* text, never a live link */
		w->redacted += h;
	}
}

/* ---- Method --------------------------------------------------------- */

/* The scoring method in paragraphs, every number from score.h. */
enum { METHOD_PARAS = 8, METHOD_TEXT = 1536 };

static size_t cat(char *buf, size_t used, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Append to buf (METHOD_TEXT bytes) at used; returns the new length. */
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

	u = cat(text[0], u, "Question score s in [0,%d]: maturity ", SCORE_Q_MAX);
	for (int i = 0; i < SCORE_NMATURITY; i++)
		u = cat(text[0], u, "%s = %g, ", score_maturity[i].answer, score_maturity[i].s);
	cat(text[0], u, "unknown = %d (a gap); na only where the pack says when a question does not "
		"apply (then excluded), else an error; choice and multi through their options' "
		"scores; other kinds through the question's own score function; unanswered = %d and "
		"a gap. A positive answer to a question that needs evidence earns s x %g unless it "
		"cites current evidence.", SCORE_GAP, SCORE_GAP, SCORE_UNEVIDENCED);
	cat(text[1], 0, "Duty score = %d x sum(w x s) / sum(w) over the applicable questions that "
		"cite the duty. Overall (process) score = the same over all applicable questions. "
		"Coverage = answered weight / applicable weight (unknown and unanswered count as "
		"gaps). Claimed and evidenced: the weight of positive answers, and of those with "
		"current evidence, over the applicable questions that need evidence.", SCORE_SCALE);
	u = cat(text[2], 0, "A finding has scale, scope and irremediable character (%d-%d each; UNGP "
		"14, 24) and likelihood (%d-%d; CSDDD Art 9). Severity = (scale + scope + "
		"irremediable + %d x the largest) / %d; priority = severity x likelihood (%d-%d). "
		"Level: ", SCORE_COMPONENT_MIN, SCORE_COMPONENT_MAX, SCORE_COMPONENT_MIN,
		SCORE_COMPONENT_MAX, SCORE_SEVERITY_EXTRA, 3 + SCORE_SEVERITY_EXTRA,
		SCORE_PRIORITY_MIN, SCORE_PRIORITY_MAX);
	for (int i = 0; i < LVL__COUNT - 1; i++)
		u = cat(text[2], u, "%s (%s>= %d%s), ", level_name(score_level_bands[i].level),
			i ? "" : "priority ", score_level_bands[i].min_priority,
			score_level_bands[i].level == SCORE_RED_FLAG_LEVEL ? ", or a red flag" : "");
	u = cat(text[2], u, "%s. Findings are ordered by severity, then likelihood. Rules about one "
		"impact form a group: the most severe finding leads, the others corroborate; caps, "
		"counts and the action plan use groups.", level_name(score_level_bands[LVL__COUNT - 1].level));
	cat(text[3], 0, "Missing information: a rule that reads an unknown or unanswered answer is "
		"tried with every value that answer could take (at most %d tries per rule); the "
		"worst finding any of them gives is raised as 'Information needed' at that level (or, "
		"for rules that assume the worst, as the finding itself). Leaving an answer out or "
		"answering unknown never improves a score, a rating or a finding.",
		DILIGO_MAX_COUNTERFACTUALS);
	cat(text[4], 0, "Context: a rule that names country-risk columns gets likelihood +%d when "
		"the supplier's country has a value of at least %g in one of them (the file and "
		"its sources are listed below); a missing country or value changes nothing. A "
		"supplier with 1 to %d employees is small: questions marked so do not apply to it.",
		SCORE_CONTEXT_STEP, SCORE_CONTEXT_MIN, SCORE_SMALL_EMPLOYEES - 1);
	u = cat(text[5], 0, "Rating: the process rating (");
	for (int i = 0; i < SCORE_NRATINGS - 1; i++)
		u = cat(text[5], u, "%c >= %g, ", score_rating_bands[i].letter,
			score_rating_bands[i].min);
	u = cat(text[5], u, "%c below), capped by the worst that applies of: findings (",
		score_rating_bands[SCORE_NRATINGS - 1].letter);
	for (int i = 0; i < SCORE_NFINDING_CAPS; i++)
		u = cat(text[5], u, "%s%s", i ? "; " : "", score_cap_text(i, row, sizeof row));
	u = cat(text[5], u, "); coverage (");
	for (int i = 0; i < SCORE_NCOVERAGE_CAPS; i++)
		u = cat(text[5], u, "%s%c below %g", i ? "; " : "", score_coverage_caps[i].cap,
			score_coverage_caps[i].below);
	u = cat(text[5], u, "); evidenced claims (");
	for (int i = 0; i < SCORE_NEVIDENCE_CAPS; i++)
		u = cat(text[5], u, "%s%c below %g", i ? "; " : "", score_evidence_caps[i].cap,
			score_evidence_caps[i].below);
	cat(text[5], u, "). Red flags are reported apart from the letter.");
	cat(text[6], 0, "Action plan: one entry per group whose level is %s or above; legal basis "
		"%s for potential impacts (prevention), %s for actual impacts (bringing them to an "
		"end).", level_name(SCORE_ACTION_LEVEL), SCORE_BASIS_POTENTIAL, SCORE_ART_ACTUAL);
	cat(text[7], 0, "The rating concerns the supplier's due diligence; what concerns the buyer "
		"under the chosen regime (scope, penalties, liability, dates) is listed below and "
		"never enters a score.");
}

/* The catalogue's regime and the verification status of the duties cited. */
static int method_duties(struct sw *w, lxw_worksheet *ws, int r)
{
	const struct assessment *a = w->a;
	const struct regime *rg = a->pack->regime;
	static const char *const statuses[] = { "official text", "secondary source", "not verified" };
	int count[4] = { 0 };
	char buf[DILIGO_REPORT_LINE_TEXT];

	worksheet_write_string(ws, (lxw_row_t)r++, 0, "Duties and regime", w->f.title);
	if (rg) {
		snprintf(buf, sizeof buf, "%s (%s)", rg->title, rg->id);
		kv(w, ws, r++, "Regime", buf);
		for (int i = 0; i < rg->nnotes; i++)
			kv(w, ws, r++, i ? "" : "For the buyer", rg->notes[i]);
		if (rg->verified)
			kv(w, ws, r++, "Regime verified", rg->verified);
	}
	for (int i = 0; i < a->nduties; i++) {
		const char *v = a->duties[i].duty->verified;
		int k = 3;

		for (int j = 0; j < 3 && v; j++)
			if (!strncmp(v, statuses[j], strlen(statuses[j])))
				k = j;
		count[k]++;
	}
	snprintf(buf, sizeof buf, "%d cited: %d checked against the official text, %d from "
		 "secondary sources, %d not verified%s", a->nduties, count[0], count[1], count[2],
		 count[3] ? " (and some with no status)" : "");
	kv(w, ws, r++, "Duty wording", buf);
	return r;
}

/* The country-risk file, its columns and their sources. */
static int method_context(struct sw *w, lxw_worksheet *ws, int r)
{
	const struct crisk *c = w->a->qn->crisk;
	char buf[DILIGO_REPORT_LINE_TEXT * 2];

	worksheet_write_string(ws, (lxw_row_t)r++, 0, "Country risk", w->f.title);
	if (!c) {
		kv(w, ws, r++, "File", "none: no likelihood was adjusted for country risk");
		return r;
	}
	kv(w, ws, r++, "File", c->path);
	kv(w, ws, r++, "File SHA-256", c->sha256);
	if (!c->ncols)
		kv(w, ws, r++, "Columns", "none: no likelihood was adjusted for country risk");
	for (int i = 0; i < c->ncols; i++) {
		snprintf(buf, sizeof buf, "%s (%s); licence: %s", c->cols[i].source, c->cols[i].year,
			 c->cols[i].licence);
		kv(w, ws, r++, c->cols[i].name, buf);
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
		kv(w, ws, r++, "Extends", p->extends);
	if (!p->ntailoring)
		return r;
	r++;
	worksheet_write_string(ws, (lxw_row_t)r++, 0, "Tailoring of reused modules", w->f.title);
	for (int i = 0; i < p->ntailoring; i++) {
		const struct tailoring *t = &p->tailoring[i];

		if (!strcmp(t->change, "drop")) {
			snprintf(k, sizeof k, "drop %s %s", t->what, t->target);
			snprintf(v, sizeof v, "Dropped from %s: %s [%s:%d]", t->module, t->reason,
				 t->file, t->line);
		} else {
			snprintf(k, sizeof k, "%s of %s %s", t->change, t->what, t->target);
			snprintf(v, sizeof v, "%s -> %s (%s): %s [%s:%d]", t->from, t->to, t->module,
				 t->reason, t->file, t->line);
		}
		kv(w, ws, r++, k, v);
	}
	return r;
}

static void sheet_method(struct sw *w)
{
	lxw_worksheet *ws = workbook_add_worksheet(w->wb, "Method");
	const struct pack *p = w->a->pack;
	char when[64], buf[256];
	char text[METHOD_PARAS][METHOD_TEXT];
	struct tm tm;
	int r = 0;

	gmtime_r(&w->o->now, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	worksheet_set_column(ws, 0, 0, 30, NULL);
	worksheet_set_column(ws, 1, 1, 100, w->f.wrap);
	worksheet_write_string(ws, (lxw_row_t)r++, 0, "Method and provenance", w->f.title);
	kv(w, ws, r++, "diligo version", DILIGO_VERSION);
	kv(w, ws, r++, "Pack id", p->id);
	kv(w, ws, r++, "Pack version", p->version);
	kv(w, ws, r++, "Pack title", p->title);
	kv(w, ws, r++, "Pack license", p->license);
	kv(w, ws, r++, "Questionnaire", w->a->qn->path);
	kv(w, ws, r++, "Questionnaire SHA-256", w->a->qn->sha256);
	kv(w, ws, r++, "Generated", when);
	kv(w, ws, r++, "Audience", w->o->stakeholder ? "stakeholder" : "company");
	snprintf(buf, sizeof buf, "%d", w->redacted);
	kv(w, ws, r++, "Items redacted", w->o->stakeholder ? buf : "0 (company audience)");
	kv(w, ws, r++, "Scoring method version", SCORE_STR(SCORE_METHOD_VERSION));
	r++;
	worksheet_write_string(ws, (lxw_row_t)r++, 0, "Lua files (SHA-256)", w->f.title);
	for (int i = 0; i < p->nfiles; i++)
		kv(w, ws, r++, p->files[i].path, p->files[i].sha256);
	r = method_tailoring(w, ws, r);
	r++;
	worksheet_write_string(ws, (lxw_row_t)r++, 0, "Scoring", w->f.title);
	method_text(text);
	for (int i = 0; i < METHOD_PARAS; i++)
		kv(w, ws, r++, i == 0 ? "Formula" : "", text[i]);
	r++;
	r = method_context(w, ws, r);
	r++;
	method_duties(w, ws, r);
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
	xfmt_init(w.wb, &w.f);
	w.due = workbook_add_format(w.wb);
	format_set_num_format(w.due, "yyyy-mm-dd");
	format_set_font_size(w.due, 10);
	snprintf(title, sizeof title, "Due-diligence assessment: %s", a->qn->supplier.name);
	xw_properties(w.wb, title, o->now);
	sheet_summary(&w);
	w.redacted += xlsx_sheet_changes(w.wb, &w.f, a, o->stakeholder);
	sheet_duties(&w);
	sheet_findings(&w);
	sheet_actions(&w);
	sheet_answers(&w);
	sheet_evidence(&w);
	sheet_method(&w); /* last: it reports the redaction count */
	return xw_finish(w.wb, &of, e);
}
