/* The supplier workbook's tables (split from xlsx_supplier.c, which owns
 * the Summary and the workbook): Duties, Findings, Action plan, Answers and
 * Evidence. */
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

void sw_sheet_duties(struct sw *w)
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
	cols[1].width = sw_fit(idw, 8, 22);
	ws = table_sheet(w, RT(SHEET_DUTIES), cols, 11, a->nduties, 10);
	for (int i = 0; i < a->nduties; i++) {
		const struct duty_score *d = &a->duties[i];
		struct xrow r;

		xr_begin(&r, ws, &w->f, cols, FIRST + i);
		xr_pack_text(&r, 0, d->duty->framework);
		xr_pack_text(&r, 1, d->duty->id);
		xr_pack_text(&r, 2, d->duty->title);
		xr_pack_text(&r, 3, d->duty->text);
		xr_pack_text(&r, 4, pack_area(a->pack, d->duty->area));
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
	return sw_fit(wmax, 10, 34);
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

void sw_sheet_findings(struct sw *w)
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
		xr_text(&r, 0, report_level(f->level), w->f.level[f->level]);
		xr_num(&r, 1, f->priority, w->f.num1);
		xr_text(&r, 2, finding_title(w->o, a, f, title, sizeof title), NULL);
		if (f->detail)
			xr_text(&r, 3, secret ? RT(CONFIDENTIAL) : sw_shown(w, f->detail, buf2, sizeof buf2),
				NULL);
		xr_text(&r, 4, secret ? RT(CONFIDENTIAL)
				      : sw_shown(w, triggers(w, f, buf, sizeof buf), buf2, sizeof buf2), NULL);
		xr_pack_text(&r, 5, secret ? RT(CONFIDENTIAL) : ru->action);
		xr_text(&r, 6, sw_join(ru->duties, ru->nduties, ", ", buf, sizeof buf), NULL);
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

void sw_sheet_actions(struct sw *w)
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
		xr_text(&r, 0, report_level(f->level), w->f.level[f->level]);
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
		xr_text(&r, 2, sw_shown(w, x->title, t, sizeof t), NULL);
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
		snprintf(none, sizeof none, RT(FMT_NO_ACTIONS), report_level(SCORE_ACTION_LEVEL));
		worksheet_write_string(ws, FIRST, 0, none, w->f.muted);
	}
}

/* ---- Answers and Evidence ------------------------------------------- */

enum { A_PRINTED = 8 };

void sw_sheet_answers(struct sw *w)
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
	cols[0].width = sw_fit(idw, 12, 30);
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
				 : sw_shown(w, report_answer_text(qu, an, buf, sizeof buf), buf2, sizeof buf2),
			NULL);
		if (!h)
			xr_num(&r, 3, w->a->qscore[i], w->f.num1);
		xr_num(&r, 4, qu->weight, NULL);
		if (an->nevidence)
			xr_text(&r, 5, h ? RT(CONFIDENTIAL)
					 : sw_join(an->evidence, an->nevidence, ", ", buf, sizeof buf), NULL);
		if (an->comment)
			xr_text(&r, 6, h ? RT(CONFIDENTIAL) : sw_shown(w, an->comment, buf2, sizeof buf2),
				NULL);
		xr_text(&r, 7, sw_join(qu->duties, qu->nduties, ", ", buf, sizeof buf), NULL);
		xr_pack_text(&r, 8, qu->section);
		xr_text(&r, 9, qkind_name(qu->kind), NULL);
		xr_text(&r, 10, qu->evidence ? RT(YES) : RT(NO), NULL);
		if (w->a->qn->applies)
			xr_text(&r, 11, applies[w->a->qn->applies[i]], NULL);
		xr_end(&r);
	}
}

void sw_sheet_evidence(struct sw *w)
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
	cols[0].width = sw_fit(idw, 6, 16);
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
		xr_text(&r, 1, h ? RT(CONFIDENTIAL) : sw_shown(w, ev->title, buf, sizeof buf), NULL);
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
