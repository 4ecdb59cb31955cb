/* qn_bind_meta.c: the questionnaire's supplier, respondent, period and
 * evidence bound to their places in struct qn (see qn_bind in qn_check.c,
 * which binds the answers and the whole), with the problems they have. */
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
#include "qn_int.h"

const char *const qn_evidence_kinds[] = { "policy", "procedure", "audit", "certificate",
					  "report", "other", NULL };

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

	qn_diag(c, n, "%s", text_date_problem(v, buf, sizeof buf));
}

/* ---- supplier, respondent, period ----------------------------------- */

static const char *scalar_field(struct ctx *c, const struct ynode *map, const char *key,
				const char *what, bool required)
{
	const struct ynode *v = qn_get(map, key), *empty;

	if (!v) {
		/* a workbook's empty cell is where to write the value */
		empty = ynode_get(map, key);
		if (required)
			qn_diag(c, empty && empty->sheet ? empty : map, "missing required key '%s' in %s",
			     key, what);
		return NULL;
	}
	return qn_is_scalar(c, v, arena_printf(c->q->arena, "%s of %s", key, what)) ? v->str : NULL;
}

void qn_check_keys(struct ctx *c, const struct ynode *map, const char *const *allowed,
		   const char *what)
{
	for (int i = 0; i < map->n; i++) {
		const struct ynode *k = map->kids[2 * i];
		bool ok = false;

		for (const char *const *a = allowed; *a && !ok; a++)
			ok = !strcmp(*a, k->str);
		if (!ok)
			qn_diag(c, k, "unknown key '%s' in %s", k->str, what);
	}
}

void qn_bind_supplier(struct ctx *c, const struct ynode *n)
{
	static const char *const keys[] = { "id", "name", "country", "sector", "employees", "tier", NULL };
	struct supplier *s = &c->q->supplier;
	const char *v;
	long l;

	s->employees = -1;
	if (!n) {
		qn_diag(c, c->q->root, "missing required key 'supplier'");
		return;
	}
	if (!qn_is_map(c, n, "supplier"))
		return;
	qn_check_keys(c, n, keys, "supplier");
	s->id = scalar_field(c, n, "id", "supplier", true);
	if (s->id && !*s->id)
		qn_diag(c, ynode_get(n, "id"), "supplier id must not be empty");
	s->name = scalar_field(c, n, "name", "supplier", true);
	s->sector = scalar_field(c, n, "sector", "supplier", false);
	s->country = v = scalar_field(c, n, "country", "supplier", false);
	if (v && (strlen(v) != 2 || !isupper((unsigned char)v[0]) || !isupper((unsigned char)v[1])))
		qn_diag(c, ynode_get(n, "country"),
		     "country '%s' is not an ISO 3166-1 alpha-2 code (two capital letters)", v);
	if (!qn_get(n, "employees") && !c->q->partial)
		/* a workbook's empty cell is where to write the value */
		qn_diag(c, ynode_get(n, "employees") && ynode_get(n, "employees")->sheet ?
			     ynode_get(n, "employees") : n, "missing required key 'employees' in supplier (the number of employees: "
			   "it decides which questions apply to a small supplier)");
	if ((v = scalar_field(c, n, "employees", "supplier", false))) {
		if (parse_int(v, 0, 100000000, &l))
			s->employees = l;
		else
			qn_diag(c, ynode_get(n, "employees"), "employees must be a whole number, not '%s'", v);
	}
	if ((v = scalar_field(c, n, "tier", "supplier", false))) {
		if (parse_int(v, 1, 99, &l))
			s->tier = (int)l;
		else
			qn_diag(c, ynode_get(n, "tier"), "tier must be a whole number from 1, not '%s'", v);
	}
}

void qn_bind_respondent(struct ctx *c, const struct ynode *n)
{
	static const char *const keys[] = { "name", "role", "email", NULL };

	if (!n || !qn_is_map(c, n, "respondent"))
		return;
	qn_check_keys(c, n, keys, "respondent");
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

void qn_bind_period(struct ctx *c, const struct ynode *n)
{
	long y;

	if (!n || !qn_is_scalar(c, n, "period"))
		return;
	if (parse_period(n->str, &y))
		c->q->period = (int)y;
	else
		qn_diag(c, n, "period must be a year such as 2025, not '%s'", n->str);
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
	if (!qn_is_map(c, n, arena_printf(c->q->arena, "evidence item %s", ev->id)))
		return;
	qn_check_keys(c, n, keys, arena_printf(c->q->arena, "evidence item %s", ev->id));
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
			qn_diag(c, ynode_get(n, "kind"), "evidence kind '%s' is not one of policy, "
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
			qn_diag(c, ynode_get(n, "date"), "evidence %s is dated %s, in the future", ev->id,
			     ev->date);
	}
}

void qn_bind_evidence(struct ctx *c, const struct ynode *n)
{
	if (!n || !qn_is_map(c, n, "evidence"))
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
bool qn_evidence_exists(struct ctx *c, const char *id)
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
