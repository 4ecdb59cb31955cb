/* The Changes sheet of a supplier workbook (docs/workbooks.md, Year over
 * year): score and rating then and now, each duty area with an arrow and a
 * colour, the findings new, persisting and resolved (with the last status
 * people gave them in the earlier Action plan), the answers that changed,
 * and what could not be compared and why. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "change.h"
#include "score.h"
#include "xlsx_changes.h"

#define REDACTED "[confidential]"

struct cw {
	lxw_worksheet *ws;
	const struct xfmt *f;
	lxw_format *up, *down, *same, *up1, *down1;
	int row;
};

static const char *source_name(enum prior_source s)
{
	return s == PRIOR_WORKBOOK ? "supplier workbook" : s == PRIOR_RUN ? "earlier period in this run"
									   : "JSON results";
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
				       d > 0 ? "\xE2\x96\xB2 better" : d < 0 ? "\xE2\x96\xBC worse"
									   : "\xE2\x97\x8F same",
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
	static const char *const cols[] = { "", "Then", "Now", "Change", "" };
	char then[2] = { c->rating_then, 0 }, now[2] = { a->rating, 0 }, buf[64];
	enum trend t = change_trend(a, c);

	snprintf(buf, sizeof buf, "Then (%d)", c->from_period);
	head(w, cols, 5);
	if (c->from_period)
		worksheet_write_string(w->ws, (lxw_row_t)(w->row - 1), 1, buf, w->f->head);
	if (a->qn->period) {
		snprintf(buf, sizeof buf, "Now (%d)", a->qn->period);
		worksheet_write_string(w->ws, (lxw_row_t)(w->row - 1), 2, buf, w->f->head);
	}
	worksheet_write_string(w->ws, (lxw_row_t)w->row, 0, "Overall score (0-" SCORE_STR(SCORE_SCALE) ")",
			       w->f->bold);
	xw_num(w->ws, w->row, 1, c->score_then, w->f->num1);
	xw_num(w->ws, w->row, 2, a->overall, w->f->num1);
	delta(w, 3, a->overall, c->score_then, false);
	w->row++;
	worksheet_write_string(w->ws, (lxw_row_t)w->row, 0, "Rating", w->f->bold);
	if (then[0])
		worksheet_write_string(w->ws, (lxw_row_t)w->row, 1, then, NULL);
	worksheet_write_string(w->ws, (lxw_row_t)w->row, 2, now, NULL);
	worksheet_write_string(w->ws, (lxw_row_t)w->row, 3,
			       t == TREND_BETTER ? "\xE2\x96\xB2 improved" : t == TREND_WORSE
			       ? "\xE2\x96\xBC worsened" : "\xE2\x97\x8F stayed",
			       t == TREND_BETTER ? w->up : t == TREND_WORSE ? w->down : w->same);
	w->row++;
	worksheet_write_string(w->ws, (lxw_row_t)w->row, 0, "Coverage", w->f->bold);
	xw_num(w->ws, w->row, 1, c->coverage_then, w->f->pct);
	xw_num(w->ws, w->row, 2, a->coverage, w->f->pct);
	w->row++;
	worksheet_write_string(w->ws, (lxw_row_t)w->row, 0, "Red flag", w->f->bold);
	worksheet_write_string(w->ws, (lxw_row_t)w->row, 1, c->red_flag_then ? "yes" : "no", NULL);
	worksheet_write_string(w->ws, (lxw_row_t)w->row, 2, a->red_flag ? "yes" : "no", NULL);
	w->row++;
	for (int l = LVL_CRITICAL; l >= LVL_LOW; l--) {
		snprintf(buf, sizeof buf, "Findings: %s", level_name((enum level)l));
		worksheet_write_string(w->ws, (lxw_row_t)w->row, 0, buf, w->f->bold);
		worksheet_write_number(w->ws, (lxw_row_t)w->row, 1, c->per_level_then[l], NULL);
		worksheet_write_number(w->ws, (lxw_row_t)w->row, 2, a->per_level[l], NULL);
		delta(w, -3, a->per_level[l], c->per_level_then[l], false);
		w->row++;
	}
	snprintf(buf, sizeof buf, "%d new, %d persisting, %d resolved", c->nnew, c->npersisting,
		 c->nresolved);
	worksheet_write_string(w->ws, (lxw_row_t)w->row, 0, "Findings since then", w->f->bold);
	worksheet_write_string(w->ws, (lxw_row_t)w->row++, 1, buf, NULL);
}

static void areas(struct cw *w, const struct change *c)
{
	static const char *const cols[] = { "Duty area", "Then", "Now", "Change", "Trend" };

	title(w, "Score per duty area");
	head(w, cols, 5);
	for (int i = 0; i < c->nareas; i++) {
		const struct area_change *x = &c->areas[i];

		xw_text(w->ws, w->row, 0, x->area, w->f->text);
		xw_num(w->ws, w->row, 1, x->then, w->f->num1);
		xw_num(w->ws, w->row, 2, x->now, w->f->num1);
		if (isnan(x->then) || isnan(x->now))
			worksheet_write_string(w->ws, (lxw_row_t)w->row, 4, isnan(x->then)
					       ? "not scored then" : "not scored now", w->f->muted);
		else
			delta(w, 3, x->now, x->then, true);
		w->row++;
	}
}

static void finding_row(struct cw *w, const char *status, lxw_format *sf, const char *level,
			const char *rule, const char *name, int since,
			const struct prior_action *act, bool stakeholder)
{
	worksheet_write_string(w->ws, (lxw_row_t)w->row, 0, status, sf);
	xw_text(w->ws, w->row, 1, level, NULL);
	xw_text(w->ws, w->row, 2, rule, NULL);
	xw_text(w->ws, w->row, 3, name, w->f->text);
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
	static const char *const cols[] = { "Status", "Level", "Rule id", "Finding", "Open since",
					    "Last status (Action plan)", "Owner" };

	title(w, "Findings: new, persisting and resolved");
	head(w, cols, 7);
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < a->nfindings; i++) {
			const struct finding *f = &a->findings[i];
			const struct prior_finding *m = c->match[i];

			if (c->status[i] != (pass ? FST_PERSISTING : FST_NEW))
				continue;
			finding_row(w, pass ? "persisting" : "new", pass ? w->down : w->f->bold,
				    level_name(f->level), f->rule->id, f->rule->title, c->open_since[i],
				    m ? m->action : NULL, stakeholder);
		}
	for (int i = 0; i < c->nresolved; i++) {
		const struct prior_finding *r = c->resolved[i];

		finding_row(w, "resolved", w->up, r->level >= 0 ? level_name((enum level)r->level) : NULL,
			    r->rule, r->title, r->open_since, r->action, stakeholder);
	}
	if (!a->nfindings && !c->nresolved)
		worksheet_write_string(w->ws, (lxw_row_t)w->row++, 0, "No findings, then or now.",
				       w->f->muted);
}

static void answers(struct cw *w, const struct change *c, bool stakeholder)
{
	static const char *const cols[] = { "Question id", "Then", "Now" };

	title(w, "Answers that changed");
	head(w, cols, 3);
	for (int i = 0; i < c->nanswers; i++) {
		const struct answer_change *x = &c->answers[i];
		bool hide = stakeholder && x->confidential;

		xw_text(w->ws, w->row, 0, x->question, NULL);
		xw_text(w->ws, w->row, 1, hide ? REDACTED : x->then, w->f->text);
		xw_text(w->ws, w->row, 2, hide ? REDACTED : x->now, w->f->text);
		w->row++;
	}
	if (!c->nanswers)
		worksheet_write_string(w->ws, (lxw_row_t)w->row++, 0,
				       c->from->has_answers ? "No answer changed."
							    : "The baseline does not carry the answers.",
				       w->f->muted);
}

int xlsx_sheet_changes(lxw_workbook *wb, const struct xfmt *f, const struct assessment *a,
		       bool stakeholder)
{
	const struct change *c = a->change;
	struct cw w = { .f = f };
	char buf[DILIGO_REPORT_LINE_TEXT];
	int redacted = 0;

	if (!c)
		return 0;
	w.ws = workbook_add_worksheet(wb, "Changes");
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
	worksheet_set_landscape(w.ws);
	worksheet_fit_to_pages(w.ws, 1, 0);
	if (!c->from) {
		worksheet_write_string(w.ws, 0, 0, "Changes", f->title);
		worksheet_write_string(w.ws, 2, 0, "No earlier assessment of this supplier was found: "
				       "every finding is new.", f->muted);
		return 0;
	}
	if (c->from_period)
		snprintf(buf, sizeof buf, "Changes since %d", c->from_period);
	else
		snprintf(buf, sizeof buf, "Changes since the earlier assessment");
	worksheet_write_string(w.ws, 0, 0, buf, f->title);
	w.row = 2;
	snprintf(buf, sizeof buf, "%s %s", c->from->sector ? c->from->sector : "",
		 c->from->pack_version ? c->from->pack_version : "");
	worksheet_write_string(w.ws, (lxw_row_t)w.row, 0, "Compared with", f->bold);
	xw_text(w.ws, w.row++, 1, stakeholder ? source_name(c->from->source) : c->from->file, NULL);
	worksheet_write_string(w.ws, (lxw_row_t)w.row, 0, "Its pack", f->bold);
	xw_text(w.ws, w.row++, 1, buf, NULL);
	worksheet_write_string(w.ws, (lxw_row_t)w.row, 0, "Earlier answers scored again", f->bold);
	worksheet_write_string(w.ws, (lxw_row_t)w.row++, 1, c->rescored
			       ? "yes, with this run's pack and method (see Not compared)" : "no", NULL);
	w.row++;
	overview(&w, a, c);
	areas(&w, c);
	findings(&w, a, c, stakeholder);
	answers(&w, c, stakeholder);
	title(&w, "Not compared, and why");
	for (int i = 0; i < c->nnotes; i++)
		xw_text(w.ws, w.row++, 0, c->notes[i], NULL);
	if (!c->nnotes)
		worksheet_write_string(w.ws, (lxw_row_t)w.row++, 0, "Everything was compared: the same "
				       "pack version and scoring method.", f->muted);
	for (int i = 0; stakeholder && i < c->nanswers; i++)
		redacted += c->answers[i].confidential ? 2 : 0;
	return redacted;
}
