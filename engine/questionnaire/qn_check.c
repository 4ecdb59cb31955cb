/* qn_bind: the questionnaire tree checked against the format of
 * docs/questionnaire.md and a pack's questions. Every problem is collected
 * (validate prints them all); values are converted by the question's kind,
 * so YAML 1.1 quirks never apply: `no` is the answer "no" and the country NO
 * stays Norway. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "arena.h"
#include "kind.h"
#include "qn.h"
#include "score.h"
#include "text.h"
#include "xlsx_read.h"

const char *const qn_evidence_kinds[] = { "policy", "procedure", "audit", "certificate",
					  "report", "other", NULL };

struct ctx {
	struct qn *q;
	const struct pack *p;
	const char **ev_sorted; /* evidence ids, sorted (evidence_exists) */
};

/* Whether no more problem will be listed: what would only word one (a
 * did-you-mean over every id) is not worked out. */
static bool diags_full(const struct ctx *c)
{
	return c->q->ndiags >= DILIGO_MAX_DIAGS;
}

/* Record a problem at a node; keeps going. */
__attribute__((format(printf, 3, 4)))
static void diag(struct ctx *c, const struct ynode *n, const char *fmt, ...)
{
	struct qn *q = c->q;
	struct err *d;
	va_list ap;

	if (q->ndiags == DILIGO_MAX_DIAGS) {
		q->ndropped++;
		return;
	}
	if (!q->diags)
		q->diags = arena_alloc(q->arena, DILIGO_MAX_DIAGS * sizeof *q->diags);
	d = &q->diags[q->ndiags++];
	d->code = ERR_INPUT;
	snprintf(d->file, sizeof d->file, "%s", q->path);
	d->line = n ? n->line : 1;
	d->col = n ? n->col : 1;
	if (n)
		ynode_where(n, d->where, sizeof d->where);
	d->part = n ? n->part : 0;
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof d->msg, fmt, ap);
	va_end(ap);
}

static bool is_scalar(struct ctx *c, const struct ynode *n, const char *what)
{
	if (n->type == Y_SCALAR)
		return true;
	diag(c, n, "%s must be a single value, not a %s", what,
	     n->type == Y_MAP ? "mapping" : "list");
	return false;
}

static bool is_map(struct ctx *c, const struct ynode *n, const char *what)
{
	if (n->type == Y_MAP)
		return true;
	diag(c, n, "%s must be a mapping", what);
	return false;
}

/* A whole-string integer in [lo, hi]. */
static bool parse_int(const char *s, long lo, long hi, long *out)
{
	char *end;
	long v;

	if (!*s || isspace((unsigned char)*s))
		return false;
	v = strtol(s, &end, 10);
	if (*end || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

/* "'x' is not a date (YYYY-MM-DD)", or "there is no 2025-02-30" when only
 * the calendar is wrong. */
static void bad_date(struct ctx *c, const struct ynode *n, const char *v)
{
	char buf[1024];

	diag(c, n, "%s", text_date_problem(v, buf, sizeof buf));
}

/* ---- did you mean ---------------------------------------------------- */

static const char *question_at(const void *p, int i)
{
	return ((const struct pack *)p)->questions[i].id;
}

static const char *closest_question(const struct pack *p, const char *id)
{
	return text_nearest(id, p->nquestions, question_at, p);
}

/* A key with nothing after it: as if it were left out, so a template's
 * blank answers and empty sections are simply unanswered. (`~` and `null`
 * are text like any other plain scalar: no YAML 1.1 typing.) */
static bool blank(const struct ynode *n)
{
	return n && n->type == Y_SCALAR && n->plain && !n->len;
}

static const struct ynode *get(const struct ynode *map, const char *key)
{
	const struct ynode *v = ynode_get(map, key);

	return blank(v) ? NULL : v;
}

/* ---- supplier, respondent, period ----------------------------------- */

static const char *scalar_field(struct ctx *c, const struct ynode *map, const char *key,
				const char *what, bool required)
{
	const struct ynode *v = get(map, key), *empty;

	if (!v) {
		/* a workbook's empty cell is where to write the value */
		empty = ynode_get(map, key);
		if (required)
			diag(c, empty && empty->sheet ? empty : map, "missing required key '%s' in %s",
			     key, what);
		return NULL;
	}
	return is_scalar(c, v, arena_printf(c->q->arena, "%s of %s", key, what)) ? v->str : NULL;
}

static void check_keys(struct ctx *c, const struct ynode *map, const char *const *allowed,
		       const char *what)
{
	for (int i = 0; i < map->n; i++) {
		const struct ynode *k = map->kids[2 * i];
		bool ok = false;

		for (const char *const *a = allowed; *a && !ok; a++)
			ok = !strcmp(*a, k->str);
		if (!ok)
			diag(c, k, "unknown key '%s' in %s", k->str, what);
	}
}

static void bind_supplier(struct ctx *c, const struct ynode *n)
{
	static const char *const keys[] = { "id", "name", "country", "sector", "employees", "tier", NULL };
	struct supplier *s = &c->q->supplier;
	const char *v;
	long l;

	s->employees = -1;
	if (!n) {
		diag(c, c->q->root, "missing required key 'supplier'");
		return;
	}
	if (!is_map(c, n, "supplier"))
		return;
	check_keys(c, n, keys, "supplier");
	s->id = scalar_field(c, n, "id", "supplier", true);
	if (s->id && !*s->id)
		diag(c, ynode_get(n, "id"), "supplier id must not be empty");
	s->name = scalar_field(c, n, "name", "supplier", true);
	s->sector = scalar_field(c, n, "sector", "supplier", false);
	s->country = v = scalar_field(c, n, "country", "supplier", false);
	if (v && (strlen(v) != 2 || !isupper((unsigned char)v[0]) || !isupper((unsigned char)v[1])))
		diag(c, ynode_get(n, "country"),
		     "country '%s' is not an ISO 3166-1 alpha-2 code (two capital letters)", v);
	if (!get(n, "employees") && !c->q->partial)
		/* a workbook's empty cell is where to write the value */
		diag(c, ynode_get(n, "employees") && ynode_get(n, "employees")->sheet ?
			     ynode_get(n, "employees") : n, "missing required key 'employees' in supplier (the number of employees: "
			   "it decides which questions apply to a small supplier)");
	if ((v = scalar_field(c, n, "employees", "supplier", false))) {
		if (parse_int(v, 0, 100000000, &l))
			s->employees = l;
		else
			diag(c, ynode_get(n, "employees"), "employees must be a whole number, not '%s'", v);
	}
	if ((v = scalar_field(c, n, "tier", "supplier", false))) {
		if (parse_int(v, 1, 99, &l))
			s->tier = (int)l;
		else
			diag(c, ynode_get(n, "tier"), "tier must be a whole number from 1, not '%s'", v);
	}
}

static void bind_respondent(struct ctx *c, const struct ynode *n)
{
	static const char *const keys[] = { "name", "role", "email", NULL };

	if (!n || !is_map(c, n, "respondent"))
		return;
	check_keys(c, n, keys, "respondent");
	c->q->respondent_name = scalar_field(c, n, "name", "respondent", false);
	c->q->respondent_role = scalar_field(c, n, "role", "respondent", false);
	c->q->respondent_email = scalar_field(c, n, "email", "respondent", false);
}

static bool parse_period(const char *s, long *y)
{
	return parse_int(s, 1990, 2100, y);
}

const char *qn_supplier_id(const struct qn *q)
{
	const struct ynode *n = ynode_get(ynode_get(q->root, "supplier"), "id");

	return n && n->type == Y_SCALAR && *n->str ? n->str : NULL;
}

int qn_period(const struct qn *q)
{
	const struct ynode *n = ynode_get(q->root, "period");
	long y;

	return n && n->type == Y_SCALAR && parse_period(n->str, &y) ? (int)y : 0;
}

static void bind_period(struct ctx *c, const struct ynode *n)
{
	long y;

	if (!n || !is_scalar(c, n, "period"))
		return;
	if (parse_period(n->str, &y))
		c->q->period = (int)y;
	else
		diag(c, n, "period must be a year such as 2025, not '%s'", n->str);
}

/* ---- evidence ------------------------------------------------------- */

/* Months from date to the end of the period (or to today without a period). */
static int age_in_months(int y, int m, int d, int period)
{
	int ey, em, ed, months;

	if (period) {
		ey = period;
		em = 12;
		ed = 31;
	} else {
		time_t now = time(NULL);
		struct tm tm;
		const char *sde = getenv("SOURCE_DATE_EPOCH");

		if (sde)
			now = (time_t)strtoll(sde, NULL, 10);
		gmtime_r(&now, &tm);
		ey = tm.tm_year + 1900;
		em = tm.tm_mon + 1;
		ed = tm.tm_mday;
	}
	months = (ey - y) * 12 + (em - m);
	if (ed < d)
		months--;
	return months;
}

static bool in_future(int y, int m, int d)
{
	time_t now = time(NULL);
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	struct tm tm;

	if (sde)
		now = (time_t)strtoll(sde, NULL, 10);
	gmtime_r(&now, &tm);
	return (y * 10000 + m * 100 + d) > ((tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 +
					    tm.tm_mday);
}

static void bind_one_evidence(struct ctx *c, const struct ynode *key, const struct ynode *n,
			      struct evidence *ev)
{
	static const char *const keys[] = { "title", "kind", "date", "url", NULL };
	const char *const *kinds = qn_evidence_kinds;
	int y, m, d;
	const char *what;

	ev->id = key->str;
	ev->line = key->line;
	ev->age_months = -1;
	if (!is_map(c, n, arena_printf(c->q->arena, "evidence item %s", ev->id)))
		return;
	check_keys(c, n, keys, arena_printf(c->q->arena, "evidence item %s", ev->id));
	what = arena_printf(c->q->arena, "evidence item %s", ev->id);
	ev->title = scalar_field(c, n, "title", what, true);
	ev->kind = scalar_field(c, n, "kind", what, false);
	ev->url = scalar_field(c, n, "url", what, false);
	ev->date = scalar_field(c, n, "date", what, false);
	if (ev->kind) {
		bool ok = false;

		for (const char *const *k = kinds; *k && !ok; k++)
			ok = !strcmp(*k, ev->kind);
		if (!ok)
			diag(c, ynode_get(n, "kind"), "evidence kind '%s' is not one of policy, "
			     "procedure, audit, certificate, report, other", ev->kind);
	}
	if (ev->date) {
		if (!text_parse_date(ev->date, &y, &m, &d)) {
			bad_date(c, ynode_get(n, "date"), ev->date);
			return;
		}
		ev->age_months = age_in_months(y, m, d, c->q->period);
		ev->stale = ev->age_months > EVIDENCE_STALE_MONTHS;
		if (age_in_months(y, m, d, 0) < 0 || (age_in_months(y, m, d, 0) == 0 && in_future(y, m, d)))
			diag(c, ynode_get(n, "date"), "evidence %s is dated %s, in the future", ev->id,
			     ev->date);
	}
}

static void bind_evidence(struct ctx *c, const struct ynode *n)
{
	if (!n || !is_map(c, n, "evidence"))
		return;
	c->q->nevidence = n->n;
	c->q->evidence = arena_alloc(c->q->arena, (size_t)(n->n ? n->n : 1) * sizeof *c->q->evidence);
	for (int i = 0; i < n->n; i++)
		bind_one_evidence(c, n->kids[2 * i], n->kids[2 * i + 1], &c->q->evidence[i]);
}

static int cmp_id(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* By binary search: a questionnaire may hold many items and many citations. */
static bool evidence_exists(struct ctx *c, const char *id)
{
	struct qn *q = c->q;

	if (!q->nevidence)
		return false;
	if (!c->ev_sorted) {
		c->ev_sorted = arena_alloc(q->arena, (size_t)q->nevidence * sizeof *c->ev_sorted);
		for (int i = 0; i < q->nevidence; i++)
			c->ev_sorted[i] = q->evidence[i].id;
		qsort(c->ev_sorted, (size_t)q->nevidence, sizeof *c->ev_sorted, cmp_id);
	}
	return bsearch(&id, c->ev_sorted, (size_t)q->nevidence, sizeof id, cmp_id) != NULL;
}

/* ---- answers -------------------------------------------------------- */

/* A list answer: a sequence, each item converted by the kind. */
static void bind_list(struct ctx *c, const struct question *qu, const struct ynode *v,
		      struct answer *a)
{
	const struct kind_ops *k = kind_ops(qu->kind);

	if (v->type != Y_SEQ) {
		if (v->type == Y_SCALAR && kind_find_option(qu, v->str))
			diag(c, v, "%s takes a list of options: write [%s]", qu->id, v->str);
		else
			diag(c, v, "%s takes a list of options, such as [%s]", qu->id,
			     qu->nopts ? qu->opts[0].value : "");
		return;
	}
	a->list = arena_alloc(c->q->arena, (size_t)(v->n ? v->n : 1) * sizeof *a->list);
	for (int i = 0; i < v->n; i++) {
		const struct ynode *it = v->kids[i];
		const char *problem;

		if (!is_scalar(c, it, "an option"))
			return;
		if ((problem = k->parse(qu, it->str, a, c->q->arena))) {
			diag(c, it, "%s", problem);
			return;
		}
	}
	a->state = ANS_VALUE;
}

/* A workbook's answer cell: the kind reads it (labels, dates, lists in one
 * cell), then converts it as it converts YAML. */
static void bind_cell(struct ctx *c, const struct question *qu, const struct ynode *v,
		      struct answer *a)
{
	const struct kind_ops *k = kind_ops(qu->kind);
	struct kind_read r = { 0 };
	const char *problem;

	k->from_cell(qu, v->xcell, &r, c->q->arena);
	if (!r.list) {
		/* every kind, as in YAML: unknown is a gap; na (a cell may say Not
		 * applicable even where the kind offers no such choice) is checked
		 * later */
		if (!strcasecmp(r.items[0], "unknown")) {
			a->state = ANS_UNKNOWN;
			a->str = "unknown";
			return;
		}
		if (!strcasecmp(r.items[0], "na") || !strcasecmp(r.items[0], KIND_NA_LABEL)) {
			a->state = ANS_NA;
			a->str = "na";
			return;
		}
		if (k->list) /* from_cell gives one text only for unknown and na */
			return;
		if ((problem = k->parse(qu, r.items[0], a, c->q->arena)))
			diag(c, v, "%s", problem);
		return;
	}
	a->list = arena_alloc(c->q->arena, (size_t)(r.n ? r.n : 1) * sizeof *a->list);
	for (int i = 0; i < r.n; i++)
		if ((problem = k->parse(qu, r.items[i], a, c->q->arena))) {
			diag(c, v, "%s", problem);
			return;
		}
	a->state = ANS_VALUE;
}

/* The value of one answer, converted by kind. */
static void bind_value(struct ctx *c, const struct question *qu, const struct ynode *v,
		       struct answer *a)
{
	const struct kind_ops *k = kind_ops(qu->kind);
	const char *problem;

	if (v->xcell) {
		bind_cell(c, qu, v, a);
		return;
	}
	if (!k->list && !is_scalar(c, v, arena_printf(c->q->arena, "the answer to %s", qu->id)))
		return;
	/* every kind: unknown is a gap; na is checked against na_when later */
	if (v->type == Y_SCALAR && !strcasecmp(v->str, "unknown")) {
		a->state = ANS_UNKNOWN;
		a->str = "unknown";
		return;
	}
	if (v->type == Y_SCALAR && !strcasecmp(v->str, "na")) {
		a->state = ANS_NA;
		a->str = "na";
		return;
	}
	if (k->list) {
		bind_list(c, qu, v, a);
		return;
	}
	if ((problem = k->parse(qu, v->str, a, c->q->arena)))
		diag(c, v, "%s", problem);
}

static void bind_evidence_refs(struct ctx *c, const char *qid, const struct ynode *n,
			       struct answer *a)
{
	const struct ynode *one = n;
	int count = n->type == Y_SEQ ? n->n : 1;

	if (n->type == Y_MAP) {
		diag(c, n, "evidence of %s must be a list of evidence ids", qid);
		return;
	}
	a->evidence = arena_alloc(c->q->arena, (size_t)count * sizeof *a->evidence);
	for (int i = 0; i < count; i++) {
		if (n->type == Y_SEQ)
			one = n->kids[i];
		if (!is_scalar(c, one, "an evidence id"))
			return;
		if (!evidence_exists(c, one->str)) {
			const char *near = NULL;

			for (int k = 0; k < c->q->nevidence && !near && !diags_full(c); k++)
				if (!strcasecmp(c->q->evidence[k].id, one->str))
					near = c->q->evidence[k].id;
			if (near)
				diag(c, one, "%s cites unknown evidence '%s'; did you mean '%s'?", qid,
				     one->str, near);
			else
				diag(c, one, "%s cites unknown evidence '%s'", qid, one->str);
			continue;
		}
		a->evidence[a->nevidence++] = one->str;
	}
}

static void bind_long_form(struct ctx *c, const struct question *qu, const struct ynode *n,
			   struct answer *a)
{
	static const char *const keys[] = { "value", "evidence", "comment", "confidential", NULL };
	const struct ynode *v = ynode_get(n, "value"), *x;

	check_keys(c, n, keys, arena_printf(c->q->arena, "the answer to %s", qu->id));
	if (v)
		bind_value(c, qu, v, a);
	else
		diag(c, n, "answer to %s has no 'value'", qu->id);
	if ((x = ynode_get(n, "evidence")))
		bind_evidence_refs(c, qu->id, x, a);
	if ((x = ynode_get(n, "comment")) && is_scalar(c, x, "comment"))
		a->comment = x->str;
	if ((x = ynode_get(n, "confidential")) && is_scalar(c, x, "confidential")) {
		if (!strcmp(x->str, "true") || !strcmp(x->str, "yes"))
			a->confidential = true;
		else if (strcmp(x->str, "false") && strcmp(x->str, "no"))
			diag(c, x, "confidential must be true or false, not '%s'", x->str);
	}
}

static void bind_answers(struct ctx *c, const struct ynode *n)
{
	const struct pack *p = c->p;

	c->q->answers = arena_alloc(c->q->arena, (size_t)(p->nquestions ? p->nquestions : 1) *
						   sizeof *c->q->answers);
	if (!n) {
		diag(c, c->q->root, "missing required key 'answers'");
		return;
	}
	if (!is_map(c, n, "answers"))
		return;
	for (int i = 0; i < n->n; i++) {
		const struct ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		int qi = pack_find_question(p, k->str);
		struct answer *a;

		if (blank(v) && qi >= 0)
			continue; /* unanswered */
		if (qi < 0) {
			const char *near = diags_full(c) ? NULL : closest_question(p, k->str);

			if (near)
				diag(c, k, "unknown question '%s' in pack '%s'; did you mean '%s'?",
				     k->str, p->id, near);
			else
				diag(c, k, "unknown question '%s' in pack '%s'", k->str, p->id);
			continue;
		}
		a = &c->q->answers[qi];
		a->line = k->line;
		a->col = k->col;
		if (v->type == Y_MAP)
			bind_long_form(c, &p->questions[qi], v, a);
		else
			bind_value(c, &p->questions[qi], v, a);
	}
}

/* ---- applicability and required answers ---------------------------- */

/* Whether the bound answer a equals (or lists) one of the condition's values. */
static bool cond_any(const struct question *ref, const struct answer *a, const struct na_cond *c)
{
	for (int k = 0; k < c->nvalues; k++) {
		if (kind_ops(ref->kind)->lua == KIND_LUA_NUMBER) {
			if (a->num == c->nums[k])
				return true;
		} else if (kind_ops(ref->kind)->list) {
			for (int j = 0; j < a->nlist; j++)
				if (!strcmp(a->list[j], c->values[k]))
					return true;
		} else if (a->str && !strcmp(a->str, c->values[k])) {
			return true;
		}
	}
	return false;
}

/* APPL_NO when a condition holds; APPL_UNKNOWN when none holds but one
 * reads a missing or unknown answer; else APPL_YES. */
static enum applic applicability(const struct qn *q, const struct question *qu)
{
	bool unknown = false;

	for (int k = 0; k < qu->nna_when; k++) {
		const struct na_cond *c = &qu->na_when[k];
		const struct answer *a;

		if (c->question < 0) {
			if (score_small(q->supplier.employees))
				return APPL_NO;
			continue;
		}
		a = &q->answers[c->question];
		if (a->state == ANS_VALUE &&
		    cond_any(&q->pack->questions[c->question], a, c) != c->none_of)
			return APPL_NO;
		unknown |= a->state == ANS_NONE || a->state == ANS_UNKNOWN;
	}
	return unknown ? APPL_UNKNOWN : APPL_YES;
}

/* "a is 0, or the supplier is small": the conditions, for messages. */
static const char *conditions_text(struct arena *ar, const struct question *qu)
{
	const char *s = "";

	for (int k = 0; k < qu->nna_when; k++) {
		const struct na_cond *c = &qu->na_when[k];
		const char *one = "the supplier is small";

		if (c->qid) {
			one = arena_printf(ar, "%s is %s", c->qid, c->none_of ? "none of " : "");
			for (int j = 0; j < c->nvalues; j++)
				one = arena_printf(ar, "%s%s%s", one, j ? " or " : "", c->values[j]);
		}
		s = arena_printf(ar, "%s%s%s", s, k ? ", or " : "", one);
	}
	return s;
}

/* One problem for every required question left blank: the first few ids,
 * then a count. */
static void missing_required(struct ctx *c, const struct ynode *at, const char **ids, int n)
{
	enum { SHOWN = 4 };
	const char *list = "";

	if (!n)
		return;
	for (int i = 0; i < n && i < SHOWN; i++)
		list = arena_printf(c->q->arena, "%s%s%s", list, i ? ", " : "", ids[i]);
	if (n > SHOWN)
		list = arena_printf(c->q->arena, "%s and %d more", list, n - SHOWN);
	diag(c, at, "missing required answer%s: %s (answer unknown if you do not know; diligo "
		    "template lists them)", n == 1 ? "" : "s", list);
}

/* Where a problem with the answer to qid is shown: in a workbook its
 * answer cell (as for every other answer problem), else the key's line. */
static const struct ynode *answer_at(struct ctx *c, const struct ynode *answers, const char *qid,
				     const struct ynode *key_at)
{
	const struct ynode *v = diags_full(c) ? NULL : ynode_get(answers, qid);

	if (v && v->type == Y_MAP)
		v = ynode_get(v, "value");
	return v && v->sheet ? v : key_at;
}

static void check_answers(struct ctx *c, const struct ynode *answers)
{
	struct qn *q = c->q;
	const struct pack *p = c->p;
	const char **missing = arena_alloc(q->arena, (size_t)(p->nquestions ? p->nquestions : 1) *
							 sizeof *missing);
	int nmissing = 0;

	q->applies = arena_alloc(q->arena, (size_t)(p->nquestions ? p->nquestions : 1));
	for (int i = 0; i < p->nquestions; i++)
		q->applies[i] = (unsigned char)applicability(q, &p->questions[i]);
	for (int i = 0; i < p->nquestions; i++) {
		const struct question *qu = &p->questions[i];
		struct answer *a = &q->answers[i];
		struct ynode at = { .line = a->line, .col = a->col };

		if (a->state == ANS_NA && q->applies[i] == APPL_YES) {
			if (qu->nna_when)
				diag(c, answer_at(c, answers, qu->id, &at), "%s applies here, so it cannot be answered na (it does not "
					     "apply only when %s); answer unknown if you do not know",
				     qu->id, conditions_text(q->arena, qu));
			else
				diag(c, answer_at(c, answers, qu->id, &at), "%s applies to every supplier: 'na' is not an answer to it "
					     "(answer unknown if you do not know)", qu->id);
		}
		if (a->state == ANS_NONE && qu->required && q->applies[i] == APPL_YES && !q->partial)
			missing[nmissing++] = qu->id;
	}
	missing_required(c, answers, missing, nmissing);
}

/* ---- top level ------------------------------------------------------ */

/* A workbook made from a template for another question set: its answers
 * may not mean what this pack's questions ask. */
static void bind_form(struct ctx *c)
{
	const struct qn *q = c->q;
	char fp[17];

	if (!q->form_questions || q->form_any)
		return;
	pack_fingerprint(c->p, fp);
	if (!strcmp(fp, q->form_questions))
		return;
	diag(c, q->form_at, "this workbook was made for pack '%s' %s, whose questions differ from "
			    "those of '%s' %s: carry the answers over with diligo template --from %s "
			    "-o NEW.xlsx",
	     q->form_pack ? q->form_pack : "?", q->form_version ? q->form_version : "?", c->p->id,
	     c->p->version, q->path);
}

static void bind_version(struct ctx *c, const struct ynode *n)
{
	if (!n) {
		diag(c, c->q->root, "missing required key 'diligo' (the format version: diligo: 1)");
		return;
	}
	if (is_scalar(c, n, "diligo") && strcmp(n->str, "1"))
		diag(c, n, "unsupported format version '%s' (this diligo reads version 1)", n->str);
}

/* Problems in file order, as a reader goes through the file (stable). */
static void sort_diags(struct qn *q)
{
	for (int i = 1; i < q->ndiags; i++) {
		struct err d = q->diags[i];
		int j = i;

		while (j > 0 && (q->diags[j - 1].part > d.part ||
				 (q->diags[j - 1].part == d.part && q->diags[j - 1].line > d.line) ||
				 (q->diags[j - 1].part == d.part && q->diags[j - 1].line == d.line &&
				  q->diags[j - 1].col > d.col))) {
			q->diags[j] = q->diags[j - 1];
			j--;
		}
		q->diags[j] = d;
	}
}

int qn_bind(struct qn *q, const struct pack *p, struct err *e)
{
	static const char *const top[] = { "diligo", "supplier", "period", "respondent",
					   "answers", "evidence", NULL };
	struct ctx c = { q, p, NULL };
	const struct ynode *r = q->root;

	q->pack = p;
	q->ndiags = 0;
	q->ndropped = 0;
	if (r->type != Y_MAP) {
		diag(&c, r, "a questionnaire must be a mapping with the keys diligo, supplier "
			    "and answers");
		q->answers = arena_alloc(q->arena, (size_t)(p->nquestions ? p->nquestions : 1) *
							    sizeof *q->answers);
	} else {
		for (int i = 0; i < r->n; i++) {
			const struct ynode *k = r->kids[2 * i];
			bool ok = false;

			for (const char *const *t = top; *t && !ok; t++)
				ok = !strcmp(*t, k->str);
			if (!ok)
				diag(&c, k, "unknown top-level key '%s' (expected diligo, supplier, "
					    "period, respondent, answers, evidence)", k->str);
		}
		bind_version(&c, get(r, "diligo"));
		bind_period(&c, get(r, "period"));
		bind_supplier(&c, get(r, "supplier"));
		bind_respondent(&c, get(r, "respondent"));
		bind_evidence(&c, get(r, "evidence"));
		bind_answers(&c, get(r, "answers"));
		if (get(r, "answers") && get(r, "answers")->type == Y_MAP)
			check_answers(&c, get(r, "answers"));
		bind_form(&c);
	}
	if (!q->ndiags)
		return 0;
	sort_diags(q);
	if (e)
		*e = q->diags[0];
	return ERR_INPUT;
}

int qn_err_at(struct err *e, int code, const struct qn *q, const struct ynode *n,
	      const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return code;
	err_set(e, code, "%s", "");
	snprintf(e->file, sizeof e->file, "%s", q->path);
	e->line = n ? n->line : 1;
	e->col = n ? n->col : 1;
	if (n)
		ynode_where(n, e->where, sizeof e->where);
	e->part = n ? n->part : 0;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return code;
}

const char *ynode_where(const struct ynode *n, char *buf, size_t len)
{
	char ref[16];

	if (!n->sheet) {
		if (len)
			buf[0] = '\0';
		return NULL;
	}
	snprintf(buf, len, "%s!%s", n->sheet, xlsx_ref(n->line - 1, n->col - 1, ref));
	return buf;
}
