/* Supplier workbooks as baselines (baseline.h), read with wbread.h.
 *
 * A supplier workbook is found by what it says, not where: labels (Supplier
 * id, Period, Rating ...) anywhere on its Summary and Method sheets with
 * their value in the next cell to the right, and the tables of Findings,
 * Action plan and Answers by the row that holds their headings (Rule id,
 * Question id) and their columns by heading. So people may sort the rows,
 * insert rows and columns, or add a sheet, and the workbook still reads.
 * Every name is read in English and in the language of the run's reports
 * (baseline_texts_use): a workbook written in either reads back. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "baseline.h"
#include "wbread.h"

enum { HEAD_ROWS = 12 }; /* a table's heading is within its first rows */

/* What the reports write in English (reports/report_text.def), always
 * read; and in the run's language (baseline_texts_use). */
static const char *const english[BL__COUNT] = {
	[BL_SHEET_SUMMARY] = "Summary",
	[BL_SHEET_FINDINGS] = "Findings",
	[BL_SHEET_ACTIONS] = "Action plan",
	[BL_SHEET_ANSWERS] = "Answers",
	[BL_SHEET_METHOD] = "Method",
	[BL_K_SUPPLIER_ID] = "Supplier id",
	[BL_K_NAME] = "Name",
	[BL_K_PERIOD] = "Period",
	[BL_K_OVERALL] = "Overall score",
	[BL_K_COVERAGE] = "Coverage",
	[BL_K_RATING] = "Rating",
	[BL_K_RED_FLAG] = "Red flag",
	[BL_FMT_K_FINDINGS_LEVEL] = "Findings: %s",
	[BL_K_SECTOR] = "Sector",
	[BL_K_PACK_ID] = "Pack id",
	[BL_K_PACK_VERSION] = "Pack version",
	[BL_K_METHOD_VERSION] = "Scoring method version",
	[BL_K_AUDIENCE] = "Audience",
	[BL_H_LEVEL] = "Level",
	[BL_H_PRIORITY] = "Priority",
	[BL_H_FINDING] = "Finding",
	[BL_H_ACTION] = "Action",
	[BL_H_LEGAL_BASIS] = "Legal basis",
	[BL_H_DEADLINE] = "Suggested deadline",
	[BL_H_OWNER] = "Owner",
	[BL_H_DUE] = "Due date",
	[BL_H_STATUS] = "Status",
	[BL_H_NOTES] = "Notes",
	[BL_H_OPEN_SINCE] = "Open since",
	[BL_H_RULE_ID] = "Rule id",
	[BL_H_QUESTION_ID] = "Question id",
	[BL_H_ANSWER] = "Answer",
	[BL_H_DUTY_AREA] = "Duty area",
	[BL_V_YES] = "yes",
	[BL_V_STAKEHOLDER] = "stakeholder",
	[BL_V_OPEN] = "Open",
	[BL_V_CONFIDENTIAL] = "[confidential]",
	[BL_V_LEVEL_LOW] = "low",
	[BL_V_LEVEL_MEDIUM] = "medium",
	[BL_V_LEVEL_HIGH] = "high",
	[BL_V_LEVEL_CRITICAL] = "critical",
};
/* The texts of other languages: set 0 the run's (baseline_texts_use),
 * then those baseline_texts_add gave. A workbook is read with the set
 * whose Summary sheet it has (pick_language); other points at it while
 * that workbook is read, in this thread. */
enum { BL_SETS = 4 };
static const char *sets[BL_SETS][BL__COUNT];
static int nsets = 1;
static _Thread_local const char *const *other = sets[0];

static void set_texts(const char **to, const char *const texts[BL__COUNT])
{
	for (int i = 0; i < BL__COUNT; i++)
		to[i] = texts && texts[i] && *texts[i] && strcasecmp(texts[i], english[i]) ? texts[i]
											: NULL;
}

void baseline_texts_use(const char *const texts[BL__COUNT])
{
	set_texts(sets[0], texts);
}

void baseline_texts_add(const char *const texts[BL__COUNT])
{
	if (nsets < BL_SETS)
		set_texts(sets[nsets++], texts);
}

/* Read w with the language whose Summary sheet it has (English first). */
static void pick_language(const struct wbread *w)
{
	other = sets[0];
	if (wbread_has(w, english[BL_SHEET_SUMMARY]))
		return;
	for (int s = 0; s < nsets; s++)
		if (sets[s][BL_SHEET_SUMMARY] && wbread_has(w, sets[s][BL_SHEET_SUMMARY])) {
			other = sets[s];
			return;
		}
}

/* A finding's level as a workbook names it: in English or in its language. */
static int parse_level(const char *s)
{
	int l = level_parse(s);

	for (int k = 0; l < 0 && k < LVL__COUNT; k++)
		if (other[BL_V_LEVEL_LOW + k] && !strcasecmp(s, other[BL_V_LEVEL_LOW + k]))
			l = k;
	return l;
}

/* Whether s says text k, in English or in the run's language. */
static bool says(const char *s, enum bl_text k)
{
	return s && (!strcasecmp(s, english[k]) || (other[k] && !strcasecmp(s, other[k])));
}

/* The name sheet k has in w, or NULL. */
static const char *sheet_name(const struct wbread *w, enum bl_text k)
{
	return wbread_has(w, english[k]) ? english[k] : other[k] && wbread_has(w, other[k]) ? other[k]
											     : NULL;
}

static bool says_label(const char *s, const char *label, bool prefix)
{
	return label && !(prefix ? strncasecmp(s, label, strlen(label)) : strcasecmp(s, label));
}

/* The value beside a label (alt: the same in the run's language, or NULL):
 * the first cell right of it holding something. */
static const struct wbcell *labelled(const struct wbsheet *s, const char *label, const char *alt,
				     bool prefix)
{
	for (int i = 0; i < s->ncells; i++) {
		const struct wbcell *c = &s->cells[i];

		if (c->is_num || !c->text ||
		    !(says_label(c->text, label, prefix) || says_label(c->text, alt, prefix)))
			continue;
		for (int k = i + 1; k < s->ncells && s->cells[k].row == c->row; k++)
			if (s->cells[k].text && *s->cells[k].text)
				return &s->cells[k];
		return NULL;
	}
	return NULL;
}

static const char *label_text(const struct wbsheet *s, enum bl_text k, struct arena *ar)
{
	const struct wbcell *c = labelled(s, english[k], other[k], false);

	return c ? arena_strdup(ar, c->text) : NULL;
}

static double label_num(const struct wbsheet *s, const char *label, const char *alt, bool prefix)
{
	const struct wbcell *c = labelled(s, label, alt, prefix);
	char *end;
	double v;

	if (!c)
		return NAN;
	if (c->is_num)
		return c->num;
	v = strtod(c->text, &end);
	return *end ? NAN : v;
}

static int label_int(const struct wbsheet *s, const char *label, const char *alt)
{
	double v = label_num(s, label, alt, false);

	return isnan(v) || v < 0 || v > 100000 ? 0 : (int)v;
}

struct table {
	const struct wbsheet *s;
	int head; /* the heading row, or -1 */
	int ncols;
	const char *names[64];
	int cols[64];
};

/* The heading row of the table on s: the first row (of the first ones)
 * holding key; every heading's column. */
static bool find_table(const struct wbsheet *s, enum bl_text key, struct table *t)
{
	t->s = s;
	t->head = -1;
	t->ncols = 0;
	for (int i = 0; i < s->ncells && s->cells[i].row < HEAD_ROWS; i++)
		if (!s->cells[i].is_num && says(s->cells[i].text, key)) {
			t->head = s->cells[i].row;
			break;
		}
	if (t->head < 0)
		return false;
	for (int i = 0; i < s->ncells; i++) {
		const struct wbcell *c = &s->cells[i];

		if (c->row == t->head && c->text && *c->text && t->ncols < 64) {
			t->names[t->ncols] = c->text;
			t->cols[t->ncols++] = c->col;
		}
	}
	return true;
}

static int column(const struct table *t, enum bl_text name)
{
	for (int i = 0; i < t->ncols; i++)
		if (says(t->names[i], name))
			return t->cols[i];
	return -1;
}

static const char *cell(const struct table *t, int row, enum bl_text name, struct arena *ar)
{
	int col = column(t, name);
	const char *s = col < 0 ? NULL : wbread_text(t->s, row, col);

	return s ? arena_strdup(ar, s) : NULL;
}

int baseline_probe_workbook(const char *path, struct arena *ar, const char **id, int *period,
			    struct err *e)
{
	struct wbread *w = wbread_open(path, e);
	const struct wbsheet *s;
	int rc = 0;

	*id = NULL;
	*period = 0;
	if (!w)
		return -1;
	pick_language(w);
	if (sheet_name(w, BL_SHEET_SUMMARY) && sheet_name(w, BL_SHEET_ACTIONS)) {
		if (wbread_sheet(w, sheet_name(w, BL_SHEET_SUMMARY), &s, e)) {
			rc = -1;
		} else if ((*id = label_text(s, BL_K_SUPPLIER_ID, ar))) {
			*period = label_int(s, english[BL_K_PERIOD], other[BL_K_PERIOD]);
			rc = 1;
		}
	}
	wbread_close(w);
	return rc;
}

/* Headings diligo writes on its Action plan: any other column is a note. */
static bool own_heading(const char *h)
{
	for (int k = BL_H_LEVEL; k <= BL_H_RULE_ID; k++)
		if (says(h, (enum bl_text)k))
			return true;
	return false;
}

/* One Action plan row as people left it; NULL when it holds nothing. */
static struct prior_action *action_row(const struct wbread *w, const struct table *t, int row,
				       struct arena *ar)
{
	struct prior_action *x = arena_alloc(ar, sizeof *x);
	int due = column(t, BL_H_DUE);
	const struct wbcell *d = due < 0 ? NULL : wbread_cell(t->s, row, due);
	char buf[DILIGO_REPORT_LIST_TEXT], date[11];
	size_t used = 0;

	x->rule = cell(t, row, BL_H_RULE_ID, ar);
	x->title = cell(t, row, BL_H_FINDING, ar);
	x->owner = cell(t, row, BL_H_OWNER, ar);
	x->status = cell(t, row, BL_H_STATUS, ar);
	if (d && d->is_num && wbread_date(w, d->num, date)) {
		x->due = arena_strdup(ar, date);
		x->due_serial = d->num;
	} else if (d && d->text && *d->text) {
		x->due = arena_strdup(ar, d->text);
	}
	buf[0] = '\0';
	if (cell(t, row, BL_H_NOTES, ar))
		used = (size_t)snprintf(buf, sizeof buf, "%s", cell(t, row, BL_H_NOTES, ar));
	for (int i = 0; i < t->ncols && used + 4 < sizeof buf; i++) { /* columns people added */
		const char *v = wbread_text(t->s, row, t->cols[i]);

		if (v && !own_heading(t->names[i]))
			used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s: %s",
						 used ? "; " : "", t->names[i], v);
	}
	if (used)
		x->notes = arena_strdup(ar, buf);
	if (!x->rule && !x->title && !x->owner && !x->due && !x->notes &&
	    (!x->status || says(x->status, BL_V_OPEN)))
		return NULL;
	return x;
}

static void read_actions(const struct wbread *w, const struct wbsheet *s, struct prior *p,
			 struct arena *ar)
{
	struct table t;
	int n = 0;

	if (!find_table(s, BL_H_RULE_ID, &t))
		return;
	p->extra_actions = arena_alloc(ar, (size_t)(s->nrows + 1) * sizeof *p->extra_actions);
	for (int row = t.head + 1; row < s->nrows; row++) {
		struct prior_action *x = action_row(w, &t, row, ar);
		bool matched = false;

		if (!x)
			continue;
		for (int k = 0; k < p->nfindings && x->rule && !matched; k++)
			if (p->findings[k].rule && !strcmp(p->findings[k].rule, x->rule)) {
				matched = true;
				if (!p->findings[k].action) /* the first row of a rule counts */
					p->findings[k].action = x;
			}
		if (!matched && x->rule && !x->title && !x->owner && !x->notes)
			continue;
		if (!matched)
			p->extra_actions[n++] = x;
	}
	p->nextra_actions = n;
}

static void read_findings(const struct wbsheet *s, struct prior *p, struct arena *ar)
{
	struct table t;

	if (!find_table(s, BL_H_RULE_ID, &t))
		return;
	p->findings = arena_alloc(ar, (size_t)(s->nrows + 1) * sizeof *p->findings);
	for (int row = t.head + 1; row < s->nrows; row++) {
		struct prior_finding *f;
		const char *rule = cell(&t, row, BL_H_RULE_ID, ar), *lvl = cell(&t, row, BL_H_LEVEL, ar);
		const char *since = cell(&t, row, BL_H_OPEN_SINCE, ar);

		if (!rule)
			continue;
		f = &p->findings[p->nfindings++];
		f->rule = rule;
		f->title = cell(&t, row, BL_H_FINDING, ar);
		f->level = lvl ? parse_level(lvl) : -1;
		f->open_since = since ? atoi(since) : 0;
		if (f->open_since < 1900 || f->open_since > 9999)
			f->open_since = 0;
	}
}

static void read_answers(const struct wbsheet *s, struct prior *p, struct arena *ar)
{
	struct table t;

	if (!find_table(s, BL_H_QUESTION_ID, &t) || column(&t, BL_H_ANSWER) < 0)
		return;
	p->answers = arena_alloc(ar, (size_t)(s->nrows + 1) * sizeof *p->answers);
	for (int row = t.head + 1; row < s->nrows; row++) {
		const char *q = cell(&t, row, BL_H_QUESTION_ID, ar), *a = cell(&t, row, BL_H_ANSWER, ar);
		bool redacted = a && (!strcmp(a, english[BL_V_CONFIDENTIAL]) ||
				      (other[BL_V_CONFIDENTIAL] && !strcmp(a, other[BL_V_CONFIDENTIAL])));

		if (!q)
			continue;
		p->answers[p->nanswers++] = (struct prior_answer){
			.question = q, .text = redacted ? NULL : a ? a : "(unanswered)",
			.confidential = redacted,
		};
	}
	p->has_answers = p->nanswers > 0;
}

static void read_areas(const struct wbsheet *s, struct prior *p, struct arena *ar)
{
	const struct wbcell *h = NULL;

	for (int i = 0; i < s->ncells && !h; i++)
		if (!s->cells[i].is_num && says(s->cells[i].text, BL_H_DUTY_AREA))
			h = &s->cells[i];
	if (!h)
		return;
	p->areas = arena_alloc(ar, (size_t)(s->nrows + 1) * sizeof *p->areas);
	for (int row = h->row + 1; row < s->nrows; row++) {
		const char *area = wbread_text(s, row, h->col);
		const struct wbcell *v = wbread_cell(s, row, h->col + 1);

		if (!area)
			break;
		p->areas[p->nareas++] = (struct prior_score){ arena_strdup(ar, area),
							      v && v->is_num ? v->num : NAN };
	}
}

int baseline_read_workbook(const char *path, struct arena *ar, struct prior **out, struct err *e)
{
	struct wbread *w = wbread_open(path, e);
	const struct wbsheet *sum, *s;
	struct prior *p;
	const char *v;

	if (!w)
		return ERR_INPUT;
	pick_language(w);
	if (wbread_sheet(w, sheet_name(w, BL_SHEET_SUMMARY) ? sheet_name(w, BL_SHEET_SUMMARY)
							    : english[BL_SHEET_SUMMARY],
			 &sum, e)) {
		wbread_close(w);
		return ERR_INPUT;
	}
	p = arena_alloc(ar, sizeof *p);
	p->source = PRIOR_WORKBOOK;
	p->file = arena_strdup(ar, path);
	p->id = label_text(sum, BL_K_SUPPLIER_ID, ar);
	p->name = label_text(sum, BL_K_NAME, ar);
	p->period = label_int(sum, english[BL_K_PERIOD], other[BL_K_PERIOD]);
	p->score = label_num(sum, english[BL_K_OVERALL], other[BL_K_OVERALL], true);
	p->coverage = label_num(sum, english[BL_K_COVERAGE], other[BL_K_COVERAGE], false);
	p->rating = (v = label_text(sum, BL_K_RATING, ar)) && strlen(v) == 1 ? v[0] : 0;
	p->red_flag = says(label_text(sum, BL_K_RED_FLAG, ar), BL_V_YES);
	for (int l = 0; l < LVL__COUNT; l++) {
		char k[64], alt[128];

		const char *fmt = other[BL_FMT_K_FINDINGS_LEVEL], *word = other[BL_V_LEVEL_LOW + l];

		snprintf(k, sizeof k, english[BL_FMT_K_FINDINGS_LEVEL], level_name((enum level)l));
		if (fmt || word)
			snprintf(alt, sizeof alt, fmt ? fmt : english[BL_FMT_K_FINDINGS_LEVEL],
				 word ? word : level_name((enum level)l));
		p->per_level[l] = label_int(sum, k, fmt || word ? alt : NULL);
	}
	read_areas(sum, p, ar);
	if ((v = sheet_name(w, BL_SHEET_METHOD)) && !wbread_sheet(w, v, &s, e)) {
		p->sector = label_text(s, BL_K_PACK_ID, ar);
		p->pack_version = label_text(s, BL_K_PACK_VERSION, ar);
		p->method = label_int(s, english[BL_K_METHOD_VERSION], other[BL_K_METHOD_VERSION]);
		p->stakeholder = says(label_text(s, BL_K_AUDIENCE, ar), BL_V_STAKEHOLDER);
	}
	if (!p->sector)
		p->sector = label_text(sum, BL_K_SECTOR, ar);
	if ((v = sheet_name(w, BL_SHEET_FINDINGS)) && !wbread_sheet(w, v, &s, e))
		read_findings(s, p, ar);
	if ((v = sheet_name(w, BL_SHEET_ACTIONS)) && !wbread_sheet(w, v, &s, e))
		read_actions(w, s, p, ar);
	if ((v = sheet_name(w, BL_SHEET_ANSWERS)) && !wbread_sheet(w, v, &s, e))
		read_answers(s, p, ar);
	wbread_close(w);
	if (e->code) /* a sheet that did not read */
		return e->code;
	if (!p->id)
		return err_set(e, ERR_INPUT, "%s: no Supplier id on its Summary sheet", path);
	*out = p;
	return 0;
}
