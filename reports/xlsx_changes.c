/* The Changes sheet of a supplier workbook (docs/workbooks.md, Year over
 * year): score and rating then and now, each duty area with an arrow and a
 * colour, the findings new, persisting and resolved (with the last status
 * people gave them in the earlier Action plan), the answers that changed,
 * and what could not be compared and why. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "change.h"
#include "l10n_pack.h"
#include "score.h"
#include "xlsx_changes.h"

#define REDACTED RT(CONFIDENTIAL)

struct cw {
	lxw_worksheet *ws;
	const struct xfmt *f;
	const struct report_opts *o;
	const struct who *who;
	lxw_format *up, *down, *same, *up1, *down1;
	int row;
};

static const char *source_name(enum prior_source s)
{
	return s == PRIOR_WORKBOOK ? RT(CHG_SRC_WORKBOOK) : s == PRIOR_RUN ? RT(CHG_SRC_RUN)
									    : RT(CHG_SRC_JSON);
}

static lxw_format *colour(lxw_workbook *wb, uint32_t font, const char *num)
{
	lxw_format *x = workbook_add_format(wb);

	format_set_font_name(x, "Calibri");
	format_set_font_size(x, 10);
	format_set_font_color(x, font);
	format_set_bold(x);
	if (num)
		format_set_num_format(x, num);
	return x;
}

/* A difference: "+3.1" in green, "-2.0" in red, "0.0" grey (for counts of
 * findings, fewer is better: the colours swap); an arrow beside. */
static void delta(struct cw *w, int col, double now, double then, bool arrow)
{
	double d = now - then;
	bool fewer = !arrow && col < 0;

	if (fewer) {
		col = -col;
		d = then - now;
	}

	if (isnan(d))
		return;
	d = round(d * 10) / 10;
	worksheet_write_number(w->ws, (lxw_row_t)w->row, (lxw_col_t)col, fewer ? -d : d,
			       d > 0 ? w->up1 : d < 0 ? w->down1 : w->same);
	if (arrow)
		worksheet_write_string(w->ws, (lxw_row_t)w->row, (lxw_col_t)(col + 1),
				       d > 0 ? RT(CHG_BETTER) : d < 0 ? RT(CHG_WORSE) : RT(CHG_SAME),
				       d > 0 ? w->up : d < 0 ? w->down : w->same);
}

static void head(struct cw *w, const char *const *cols, int n)
{
	for (int i = 0; i < n; i++)
		worksheet_write_string(w->ws, (lxw_row_t)w->row, (lxw_col_t)i, cols[i], w->f->head);
	w->row++;
}

static void title(struct cw *w, const char *s)
{
	w->row++;
	worksheet_write_string(w->ws, (lxw_row_t)w->row++, 0, s, w->f->title);
}

static void overview(struct cw *w, const struct assessment *a, const struct change *c)
{
	const char *const cols[] = { "", RT(CHG_H_THEN), RT(CHG_H_NOW), RT(CHG_H_CHANGE), "" };
	char then[2] = { c->rating_then, 0 }, now[2] = { a->rating, 0 }, buf[64];
	enum trend t = change_trend(a, c);

	snprintf(buf, sizeof buf, RT(FMT_CHG_H_THEN), c->from_period);
	head(w, cols, 5);
	if (c->from_period)
		worksheet_write_string(w->ws, (lxw_row_t)(w->row - 1), 1, buf, w->f->head);
	if (a->qn->period) {
		snprintf(buf, sizeof buf, RT(FMT_CHG_H_NOW), a->qn->period);
		worksheet_write_string(w->ws, (lxw_row_t)(w->row - 1), 2, buf, w->f->head);
	}
	worksheet_write_string(w->ws, (lxw_row_t)w->row, 0, RT(K_OVERALL), w->f->bold);
	xw_num(w->ws, w->row, 1, c->score_then, w->f->num1);
	xw_num(w->ws, w->row, 2, a->overall, w->f->num1);
	delta(w, 3, a->overall, c->score_then, false);
	w->row++;
	worksheet_write_string(w->ws, (lxw_row_t)w->row, 0, RT(K_RATING), w->f->bold);
	if (then[0])
		worksheet_write_string(w->ws, (lxw_row_t)w->row, 1, then, NULL);
	worksheet_write_string(w->ws, (lxw_row_t)w->row, 2, now, NULL);
	worksheet_write_string(w->ws, (lxw_row_t)w->row, 3,
			       t == TREND_BETTER ? RT(CHG_IMPROVED) : t == TREND_WORSE
			       ? RT(CHG_WORSENED) : RT(CHG_STAYED),
			       t == TREND_BETTER ? w->up : t == TREND_WORSE ? w->down : w->same);
	w->row++;
	worksheet_write_string(w->ws, (lxw_row_t)w->row, 0, RT(K_COVERAGE), w->f->bold);
	xw_num(w->ws, w->row, 1, c->coverage_then, w->f->pct);
	xw_num(w->ws, w->row, 2, a->coverage, w->f->pct);
	w->row++;
	worksheet_write_string(w->ws, (lxw_row_t)w->row, 0, RT(K_RED_FLAG), w->f->bold);
	worksheet_write_string(w->ws, (lxw_row_t)w->row, 1, c->red_flag_then ? RT(YES) : RT(NO), NULL);
	worksheet_write_string(w->ws, (lxw_row_t)w->row, 2, a->red_flag ? RT(YES) : RT(NO), NULL);
	w->row++;
	for (int l = LVL_CRITICAL; l >= LVL_LOW; l--) {
		snprintf(buf, sizeof buf, RT(FMT_K_FINDINGS_LEVEL), report_level((int)l));
		worksheet_write_string(w->ws, (lxw_row_t)w->row, 0, buf, w->f->bold);
		worksheet_write_number(w->ws, (lxw_row_t)w->row, 1, c->per_level_then[l], NULL);
		worksheet_write_number(w->ws, (lxw_row_t)w->row, 2, a->per_level[l], NULL);
		delta(w, -3, a->per_level[l], c->per_level_then[l], false);
		w->row++;
	}
	snprintf(buf, sizeof buf, RT(FMT_CHG_FINDING_COUNTS), c->nnew, c->npersisting, c->nresolved);
	worksheet_write_string(w->ws, (lxw_row_t)w->row, 0, RT(CHG_K_SINCE), w->f->bold);
	worksheet_write_string(w->ws, (lxw_row_t)w->row++, 1, buf, NULL);
}

static void areas(struct cw *w, const struct assessment *a, const struct change *c)
{
	const char *const cols[] = { RT(H_DUTY_AREA), RT(CHG_H_THEN), RT(CHG_H_NOW), RT(CHG_H_CHANGE),
				     RT(H_TREND) };

	title(w, RT(CHG_SEC_AREAS));
	head(w, cols, 5);
	for (int i = 0; i < c->nareas; i++) {
		const struct area_change *x = &c->areas[i];

		xw_text(w->ws, w->row, 0, pack_area(a->pack, x->area), w->f->text);
		xw_num(w->ws, w->row, 1, x->then, w->f->num1);
		xw_num(w->ws, w->row, 2, x->now, w->f->num1);
		if (isnan(x->then) || isnan(x->now))
			worksheet_write_string(w->ws, (lxw_row_t)w->row, 4, isnan(x->then)
					       ? RT(CHG_NOT_SCORED_THEN) : RT(CHG_NOT_SCORED_NOW), w->f->muted);
		else
			delta(w, 3, x->now, x->then, true);
		w->row++;
	}
}

enum { NAME_WIDTH = 44 }; /* the Finding column, wrapped */

static void finding_row(struct cw *w, const char *status, lxw_format *sf, const char *level,
			const char *rule, const char *name, int since,
			const struct prior_action *act, bool stakeholder)
{
	worksheet_write_string(w->ws, (lxw_row_t)w->row, 0, status, sf);
	xw_text(w->ws, w->row, 1, level, NULL);
	xw_text(w->ws, w->row, 2, rule, NULL);
	xw_text(w->ws, w->row, 3, name, w->f->wrap);
	xw_row_lines(w->ws, w->row, xl_lines(name ? name : "", NAME_WIDTH, XW_SIZE, false));
	if (since)
		worksheet_write_number(w->ws, (lxw_row_t)w->row, 4, since, NULL);
	if (act) {
		xw_text(w->ws, w->row, 5, act->status, NULL);
		if (!stakeholder)
			xw_text(w->ws, w->row, 6, act->owner, NULL);
	}
	w->row++;
}

static void findings(struct cw *w, const struct assessment *a, const struct change *c,
		     bool stakeholder)
{
	const char *const cols[] = { RT(H_STATUS),	  RT(H_LEVEL),		 RT(H_RULE_ID),
				     RT(H_FINDING),	  RT(H_OPEN_SINCE),	 RT(CHG_H_LAST_STATUS),
				     RT(H_OWNER) };

	title(w, RT(CHG_SEC_FINDINGS));
	head(w, cols, 7);
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < a->nfindings; i++) {
			const struct finding *f = &a->findings[i];
			const struct prior_finding *m = c->match[i];

			bool secret = redact_finding(w->o, a, f);
			char title[DILIGO_REPORT_LINE_TEXT];

			if (c->status[i] != (pass ? FST_PERSISTING : FST_NEW))
				continue;
			finding_row(w, pass ? RT(CHG_PERSISTING) : RT(CHG_NEW), pass ? w->down : w->f->bold,
				    report_level(f->level), secret ? REDACTED : f->rule->id,
				    finding_title(w->o, a, f, title, sizeof title), c->open_since[i],
				    m ? m->action : NULL, stakeholder);
		}
	for (int i = 0; i < c->nresolved; i++) {
		const struct prior_finding *r = c->resolved[i];

		/* stakeholder copies: whether an answer it rested on was confidential
		 * is not known from the earlier run, so neither rule nor title shows */
		finding_row(w, RT(CHG_RESOLVED), w->up, r->level >= 0 ? report_level((int)r->level) : NULL,
			    stakeholder ? REDACTED : r->rule, stakeholder ? REDACTED : r->title,
			    r->open_since, r->action, stakeholder);
	}
	if (!a->nfindings && !c->nresolved)
		worksheet_write_string(w->ws, (lxw_row_t)w->row++, 0, RT(CHG_NO_FINDINGS),
				       w->f->muted);
}

static void answers(struct cw *w, const struct change *c, bool stakeholder)
{
	const char *const cols[] = { RT(H_QUESTION_ID), RT(CHG_H_THEN), RT(CHG_H_NOW) };

	title(w, RT(CHG_SEC_ANSWERS));
	head(w, cols, 3);
	for (int i = 0; i < c->nanswers; i++) {
		const struct answer_change *x = &c->answers[i];
		bool hide = stakeholder && x->confidential;

		char then[DILIGO_REPORT_LIST_TEXT], now[DILIGO_REPORT_LIST_TEXT];
		int a = hide ? 1 : xl_lines(x->then ? x->then : "", 14, XW_SIZE, false);
		int b = hide ? 1 : xl_lines(x->now ? x->now : "", 14, XW_SIZE, false);

		xw_text(w->ws, w->row, 0, x->question, NULL);
		xw_text(w->ws, w->row, 1, hide ? REDACTED : redact_free(w->who, x->then, then, sizeof then,
									 NULL), w->f->wrap);
		xw_text(w->ws, w->row, 2, hide ? REDACTED : redact_free(w->who, x->now, now, sizeof now,
									 NULL), w->f->wrap);
		xw_row_lines(w->ws, w->row, a > b ? a : b);
		w->row++;
	}
	if (!c->nanswers)
		worksheet_write_string(w->ws, (lxw_row_t)w->row++, 0,
				       c->from->has_answers ? RT(CHG_NO_ANSWER_CHANGED)
							    : RT(CHG_NO_BASELINE_ANSWERS),
				       w->f->muted);
}

void xlsx_sheet_changes(lxw_workbook *wb, const struct xfmt *f, const struct xpage *pg,
			const struct assessment *a, const struct report_opts *o,
			const struct who *who)
{
	const struct change *c = a->change;
	struct cw w = { .f = f, .o = o, .who = who };
	bool stakeholder = o->stakeholder;
	char buf[DILIGO_REPORT_LINE_TEXT];

	if (!c)
		return;
	w.ws = workbook_add_worksheet(wb, RT(SHEET_CHANGES));
	w.up = colour(wb, 0x1E7B34, NULL);
	w.down = colour(wb, 0xC0392B, NULL);
	w.same = colour(wb, 0x7F7F7F, "0.0");
	w.up1 = colour(wb, 0x1E7B34, "+0.0;-0.0;0.0");
	w.down1 = colour(wb, 0xC0392B, "+0.0;-0.0;0.0");
	worksheet_set_column(w.ws, 0, 0, 30, NULL);
	worksheet_set_column(w.ws, 1, 2, 14, NULL);
	worksheet_set_column(w.ws, 3, 3, 44, NULL);
	worksheet_set_column(w.ws, 4, 4, 11, NULL);
	worksheet_set_column(w.ws, 5, 6, 16, NULL);
	xw_page(w.ws, pg, XW_LANDSCAPE, 1, 0);
	xw_text(w.ws, 0, 3, pg->marking, f->mark); /* the copy's marking, on screen too */
	if (!c->from) {
		worksheet_write_string(w.ws, 0, 0, RT(CHG_TITLE), f->title);
		worksheet_write_string(w.ws, 2, 0, RT(CHG_NO_EARLIER), f->muted);
		return;
	}
	if (c->from_period)
		snprintf(buf, sizeof buf, RT(FMT_CHG_SINCE), c->from_period);
	else
		snprintf(buf, sizeof buf, "%s", RT(CHG_SINCE_EARLIER));
	worksheet_write_string(w.ws, 0, 0, buf, f->title);
	w.row = 2;
	snprintf(buf, sizeof buf, "%s %s", c->from->sector ? c->from->sector : "",
		 c->from->pack_version ? c->from->pack_version : "");
	worksheet_write_string(w.ws, (lxw_row_t)w.row, 0, RT(CHG_K_COMPARED), f->bold);
	xw_text(w.ws, w.row++, 1, stakeholder ? source_name(c->from->source) : c->from->file, NULL);
	worksheet_write_string(w.ws, (lxw_row_t)w.row, 0, RT(CHG_K_PACK), f->bold);
	xw_text(w.ws, w.row++, 1, buf, NULL);
	worksheet_write_string(w.ws, (lxw_row_t)w.row, 0, RT(CHG_K_RESCORED), f->bold);
	worksheet_write_string(w.ws, (lxw_row_t)w.row++, 1, c->rescored ? RT(CHG_RESCORED_YES) : RT(NO),
			       NULL);
	w.row++;
	overview(&w, a, c);
	areas(&w, a, c);
	findings(&w, a, c, stakeholder);
	answers(&w, c, stakeholder);
	title(&w, RT(CHG_SEC_NOT_COMPARED));
	for (int i = 0; i < c->nnotes; i++)
		xw_text(w.ws, w.row++, 0, redact_free(who, c->notes[i], buf, sizeof buf, NULL), NULL);
	if (!c->nnotes)
		worksheet_write_string(w.ws, (lxw_row_t)w.row++, 0, RT(CHG_ALL_COMPARED), f->muted);
}
