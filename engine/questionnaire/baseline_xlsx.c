/* Supplier workbooks as baselines (baseline.h), read with wbread.h.
 *
 * A supplier workbook is found by what it says, not where: labels (Supplier
 * id, Period, Rating ...) anywhere on its Summary and Method sheets with
 * their value in the next cell to the right, and the tables of Findings,
 * Action plan and Answers by the row that holds their headings (Rule id,
 * Question id) and their columns by heading. So people may sort the rows,
 * insert rows and columns, or add a sheet, and the workbook still reads. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "baseline.h"
#include "wbread.h"

enum { HEAD_ROWS = 12 }; /* a table's heading is within its first rows */

/* The value beside a label: the first cell right of it holding something. */
static const struct wbcell *labelled(const struct wbsheet *s, const char *label, bool prefix)
{
	for (int i = 0; i < s->ncells; i++) {
		const struct wbcell *c = &s->cells[i];

		if (c->is_num || !c->text ||
		    (prefix ? strncasecmp(c->text, label, strlen(label)) : strcasecmp(c->text, label)))
			continue;
		for (int k = i + 1; k < s->ncells && s->cells[k].row == c->row; k++)
			if (s->cells[k].text && *s->cells[k].text)
				return &s->cells[k];
		return NULL;
	}
	return NULL;
}

static const char *label_text(const struct wbsheet *s, const char *label, struct arena *ar)
{
	const struct wbcell *c = labelled(s, label, false);

	return c ? arena_strdup(ar, c->text) : NULL;
}

static double label_num(const struct wbsheet *s, const char *label, bool prefix)
{
	const struct wbcell *c = labelled(s, label, prefix);
	char *end;
	double v;

	if (!c)
		return NAN;
	if (c->is_num)
		return c->num;
	v = strtod(c->text, &end);
	return *end ? NAN : v;
}

static int label_int(const struct wbsheet *s, const char *label)
{
	double v = label_num(s, label, false);

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
static bool find_table(const struct wbsheet *s, const char *key, struct table *t)
{
	t->s = s;
	t->head = -1;
	t->ncols = 0;
	for (int i = 0; i < s->ncells && s->cells[i].row < HEAD_ROWS; i++)
		if (!s->cells[i].is_num && s->cells[i].text && !strcasecmp(s->cells[i].text, key)) {
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

static int column(const struct table *t, const char *name)
{
	for (int i = 0; i < t->ncols; i++)
		if (!strcasecmp(t->names[i], name))
			return t->cols[i];
	return -1;
}

static const char *cell(const struct table *t, int row, const char *name, struct arena *ar)
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
	if (wbread_has(w, "Summary") && wbread_has(w, "Action plan")) {
		if (wbread_sheet(w, "Summary", &s, e)) {
			rc = -1;
		} else if ((*id = label_text(s, "Supplier id", ar))) {
			*period = label_int(s, "Period");
			rc = 1;
		}
	}
	wbread_close(w);
	return rc;
}

/* Headings diligo writes on its Action plan: any other column is a note. */
static bool own_heading(const char *h)
{
	static const char *const own[] = { "Level", "Priority", "Finding", "Action", "Legal basis",
					   "Suggested deadline", "Owner", "Due date", "Status",
					   "Notes", "Open since", "Rule id", NULL };

	for (const char *const *o = own; *o; o++)
		if (!strcasecmp(*o, h))
			return true;
	return false;
}

/* One Action plan row as people left it; NULL when it holds nothing. */
static struct prior_action *action_row(const struct wbread *w, const struct table *t, int row,
				       struct arena *ar)
{
	struct prior_action *x = arena_alloc(ar, sizeof *x);
	int due = column(t, "Due date");
	const struct wbcell *d = due < 0 ? NULL : wbread_cell(t->s, row, due);
	char buf[DILIGO_REPORT_LIST_TEXT], date[11];
	size_t used = 0;

	x->rule = cell(t, row, "Rule id", ar);
	x->title = cell(t, row, "Finding", ar);
	x->owner = cell(t, row, "Owner", ar);
	x->status = cell(t, row, "Status", ar);
	if (d && d->is_num && wbread_date(w, d->num, date)) {
		x->due = arena_strdup(ar, date);
		x->due_serial = d->num;
	} else if (d && d->text && *d->text) {
		x->due = arena_strdup(ar, d->text);
	}
	buf[0] = '\0';
	if (cell(t, row, "Notes", ar))
		used = (size_t)snprintf(buf, sizeof buf, "%s", cell(t, row, "Notes", ar));
	for (int i = 0; i < t->ncols && used + 4 < sizeof buf; i++) { /* columns people added */
		const char *v = wbread_text(t->s, row, t->cols[i]);

		if (v && !own_heading(t->names[i]))
			used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s: %s",
						 used ? "; " : "", t->names[i], v);
	}
	if (used)
		x->notes = arena_strdup(ar, buf);
	if (!x->rule && !x->title && !x->owner && !x->due && !x->notes &&
	    (!x->status || !strcasecmp(x->status, "Open")))
		return NULL;
	return x;
}

static void read_actions(const struct wbread *w, const struct wbsheet *s, struct prior *p,
			 struct arena *ar)
{
	struct table t;
	int n = 0;

	if (!find_table(s, "Rule id", &t))
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

	if (!find_table(s, "Rule id", &t))
		return;
	p->findings = arena_alloc(ar, (size_t)(s->nrows + 1) * sizeof *p->findings);
	for (int row = t.head + 1; row < s->nrows; row++) {
		struct prior_finding *f;
		const char *rule = cell(&t, row, "Rule id", ar), *lvl = cell(&t, row, "Level", ar);
		const char *since = cell(&t, row, "Open since", ar);

		if (!rule)
			continue;
		f = &p->findings[p->nfindings++];
		f->rule = rule;
		f->title = cell(&t, row, "Finding", ar);
		f->level = lvl ? level_parse(lvl) : -1;
		f->open_since = since ? atoi(since) : 0;
		if (f->open_since < 1900 || f->open_since > 9999)
			f->open_since = 0;
	}
}

static void read_answers(const struct wbsheet *s, struct prior *p, struct arena *ar)
{
	struct table t;

	if (!find_table(s, "Question id", &t) || column(&t, "Answer") < 0)
		return;
	p->answers = arena_alloc(ar, (size_t)(s->nrows + 1) * sizeof *p->answers);
	for (int row = t.head + 1; row < s->nrows; row++) {
		const char *q = cell(&t, row, "Question id", ar), *a = cell(&t, row, "Answer", ar);
		bool redacted = a && !strcmp(a, "[confidential]");

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
		if (!s->cells[i].is_num && s->cells[i].text && !strcasecmp(s->cells[i].text, "Duty area"))
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
	if (wbread_sheet(w, "Summary", &sum, e)) {
		wbread_close(w);
		return ERR_INPUT;
	}
	p = arena_alloc(ar, sizeof *p);
	p->source = PRIOR_WORKBOOK;
	p->file = arena_strdup(ar, path);
	p->id = label_text(sum, "Supplier id", ar);
	p->name = label_text(sum, "Name", ar);
	p->period = label_int(sum, "Period");
	p->score = label_num(sum, "Overall score", true);
	p->coverage = label_num(sum, "Coverage", false);
	p->rating = (v = label_text(sum, "Rating", ar)) && strlen(v) == 1 ? v[0] : 0;
	p->red_flag = (v = label_text(sum, "Red flag", ar)) && !strcasecmp(v, "yes");
	for (int l = 0; l < LVL__COUNT; l++) {
		char k[64];

		snprintf(k, sizeof k, "Findings: %s", level_name((enum level)l));
		p->per_level[l] = label_int(sum, k);
	}
	read_areas(sum, p, ar);
	if (wbread_has(w, "Method") && !wbread_sheet(w, "Method", &s, e)) {
		p->sector = label_text(s, "Pack id", ar);
		p->pack_version = label_text(s, "Pack version", ar);
		p->method = label_int(s, "Scoring method version");
		p->stakeholder = (v = label_text(s, "Audience", ar)) && !strcasecmp(v, "stakeholder");
	}
	if (!p->sector)
		p->sector = label_text(sum, "Sector", ar);
	if (wbread_has(w, "Findings") && !wbread_sheet(w, "Findings", &s, e))
		read_findings(s, p, ar);
	if (wbread_has(w, "Action plan") && !wbread_sheet(w, "Action plan", &s, e))
		read_actions(w, s, p, ar);
	if (wbread_has(w, "Answers") && !wbread_sheet(w, "Answers", &s, e))
		read_answers(s, p, ar);
	wbread_close(w);
	if (e->code) /* a sheet that did not read */
		return e->code;
	if (!p->id)
		return err_set(e, ERR_INPUT, "%s: no Supplier id on its Summary sheet", path);
	*out = p;
	return 0;
}
