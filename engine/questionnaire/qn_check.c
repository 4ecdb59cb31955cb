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
#include "qn.h"
#include "text.h"

struct ctx {
	struct qn *q;
	const struct pack *p;
};

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

static bool parse_num(const char *s, double *out)
{
	char *end;
	double v;

	if (!*s || isspace((unsigned char)*s) || s[strspn(s, "0123456789+-.eE")])
		return false; /* no hex, inf or nan: strtod takes them all */
	v = strtod(s, &end);
	if (*end || !isfinite(v))
		return false;
	*out = v;
	return true;
}

/* YYYY-MM-DD, a real calendar date. */
static bool parse_date(const char *s, int *y, int *m, int *d)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int max;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return false;
	*y = atoi(s);
	*m = atoi(s + 5);
	*d = atoi(s + 8);
	if (*y < 1900 || *m < 1 || *m > 12)
		return false;
	max = mdays[*m - 1];
	if (*m == 2 && !((*y % 4 == 0 && *y % 100) || *y % 400 == 0))
		max = 28;
	return *d >= 1 && *d <= max;
}

/* "'x' is not a date (YYYY-MM-DD)", or "there is no 2025-02-30" when only
 * the calendar is wrong. */
static void bad_date(struct ctx *c, const struct ynode *n, const char *v)
{
	int y, m, d;

	if (strlen(v) == 10 && sscanf(v, "%4d-%2d-%2d", &y, &m, &d) == 3 && v[4] == '-' &&
	    v[7] == '-' && y >= 1900)
		diag(c, n, "there is no %s in the calendar", v);
	else
		diag(c, n, "'%s' is not a date (YYYY-MM-DD)", v);
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
	const struct ynode *v = get(map, key);

	if (!v) {
		if (required)
			diag(c, map, "missing required key '%s' in %s", key, what);
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

static void bind_period(struct ctx *c, const struct ynode *n)
{
	long y;

	if (!n || !is_scalar(c, n, "period"))
		return;
	if (parse_int(n->str, 1990, 2100, &y))
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
	static const char *const kinds[] = { "policy", "procedure", "audit", "certificate",
					     "report", "other", NULL };
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
		if (!parse_date(ev->date, &y, &m, &d)) {
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

static bool evidence_exists(const struct qn *q, const char *id)
{
	for (int i = 0; i < q->nevidence; i++)
		if (!strcmp(q->evidence[i].id, id))
			return true;
	return false;
}

/* ---- answers -------------------------------------------------------- */

static const char *const maturity_values[] = { "yes", "partial", "no", "unknown", "na" };

static const struct qoption *find_option(const struct question *qu, const char *v)
{
	for (int i = 0; i < qu->nopts; i++)
		if (!strcmp(qu->opts[i].value, v))
			return &qu->opts[i];
	return NULL;
}

static const char *option_list(struct ctx *c, const struct question *qu)
{
	size_t n = 1;
	char *s;

	for (int i = 0; i < qu->nopts; i++)
		n += strlen(qu->opts[i].value) + 2;
	s = arena_alloc(c->q->arena, n);
	for (int i = 0; i < qu->nopts; i++) {
		if (i)
			strcat(s, ", ");
		strcat(s, qu->opts[i].value);
	}
	return s;
}

static void bind_maturity(struct ctx *c, const struct question *qu, const struct ynode *v,
			  struct answer *a)
{
	char low[16];
	size_t i;

	for (i = 0; i < sizeof low - 1 && v->str[i]; i++)
		low[i] = (char)tolower((unsigned char)v->str[i]);
	low[i] = '\0';
	for (size_t k = 0; k < sizeof maturity_values / sizeof *maturity_values; k++)
		if (!v->str[i] && !strcmp(low, maturity_values[k])) {
			a->str = maturity_values[k];
			a->state = k == 3 ? ANS_UNKNOWN : k == 4 ? ANS_NA : ANS_VALUE;
			return;
		}
	diag(c, v, "'%s' is not an answer to %s (expected yes, partial, no, unknown or na)",
	     v->str, qu->id);
}

static void bind_multi(struct ctx *c, const struct question *qu, const struct ynode *v,
		       struct answer *a)
{
	if (v->type != Y_SEQ) {
		if (v->type == Y_SCALAR && find_option(qu, v->str))
			diag(c, v, "%s takes a list of options: write [%s]", qu->id, v->str);
		else
			diag(c, v, "%s takes a list of options, such as [%s]", qu->id,
			     qu->nopts ? qu->opts[0].value : "");
		return;
	}
	a->list = arena_alloc(c->q->arena, (size_t)(v->n ? v->n : 1) * sizeof *a->list);
	for (int i = 0; i < v->n; i++) {
		const struct ynode *it = v->kids[i];

		if (!is_scalar(c, it, "an option"))
			return;
		if (!find_option(qu, it->str)) {
			diag(c, it, "'%s' is not an option of %s (expected any of: %s)", it->str,
			     qu->id, option_list(c, qu));
			return;
		}
		for (int j = 0; j < i; j++)
			if (!strcmp(a->list[j], it->str)) {
				diag(c, it, "option '%s' is listed twice", it->str);
				return;
			}
		a->list[a->nlist++] = it->str;
	}
	a->state = ANS_VALUE;
}

static void bind_number(struct ctx *c, const struct question *qu, const struct ynode *v,
			struct answer *a)
{
	double x;
	char buf[64];
	size_t len = strlen(v->str);
	bool pct = qu->kind == QK_PERCENT;

	snprintf(buf, sizeof buf, "%s", v->str);
	if (pct && len && len < sizeof buf && buf[len - 1] == '%')
		buf[len - 1] = '\0';
	if (!parse_num(buf, &x)) {
		diag(c, v, "%s takes a number, not '%s'", qu->id, v->str);
		return;
	}
	if ((pct && (x < 0 || x > 100)) || (qu->has_min && x < qu->min) ||
	    (qu->has_max && x > qu->max)) {
		double lo = pct ? 0 : qu->min, hi = pct ? 100 : qu->max;

		if (pct || (qu->has_min && qu->has_max))
			diag(c, v, "%s must be between %g and %g, not %g", qu->id, lo, hi, x);
		else if (qu->has_min)
			diag(c, v, "%s must be at least %g, not %g", qu->id, lo, x);
		else
			diag(c, v, "%s must be at most %g, not %g", qu->id, hi, x);
		return;
	}
	a->num = x;
	a->state = ANS_VALUE;
}

/* The value of one answer, converted by kind. */
static void bind_value(struct ctx *c, const struct question *qu, const struct ynode *v,
		       struct answer *a)
{
	int y, m, d;

	if (qu->kind != QK_MULTI && !is_scalar(c, v, arena_printf(c->q->arena, "the answer to %s", qu->id)))
		return;
	if (qu->kind != QK_MATURITY && v->type == Y_SCALAR && !strcmp(v->str, "unknown") &&
	    !find_option(qu, "unknown")) {
		a->state = ANS_UNKNOWN;
		return;
	}
	switch (qu->kind) {
	case QK_MATURITY:
		bind_maturity(c, qu, v, a);
		break;
	case QK_CHOICE:
		if (!find_option(qu, v->str)) {
			diag(c, v, "'%s' is not an option of %s (expected one of: %s)", v->str,
			     qu->id, option_list(c, qu));
			return;
		}
		a->str = v->str;
		a->state = ANS_VALUE;
		break;
	case QK_MULTI:
		bind_multi(c, qu, v, a);
		break;
	case QK_NUMBER:
	case QK_PERCENT:
		bind_number(c, qu, v, a);
		break;
	case QK_DATE:
		if (!parse_date(v->str, &y, &m, &d)) {
			bad_date(c, v, v->str);
			return;
		}
		a->str = v->str;
		a->state = ANS_VALUE;
		break;
	default:
		a->str = v->str;
		a->state = ANS_VALUE;
		break;
	}
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
		if (!evidence_exists(c->q, one->str)) {
			const char *near = NULL;

			for (int k = 0; k < c->q->nevidence && !near; k++)
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
			const char *near = closest_question(p, k->str);

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

/* ---- top level ------------------------------------------------------ */

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

		while (j > 0 && (q->diags[j - 1].line > d.line ||
				 (q->diags[j - 1].line == d.line && q->diags[j - 1].col > d.col))) {
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
	struct ctx c = { q, p };
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
	}
	if (!q->ndiags)
		return 0;
	sort_diags(q);
	if (e)
		*e = q->diags[0];
	return ERR_INPUT;
}
