/* An assessment compared with its prior (compare.h). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "assess.h"
#include "baseline.h"
#include "compare.h"
#include "kind.h"
#include "l10n.h"
#include "score.h"

enum { MAX_NOTES = 16 };

struct notes {
	const char *v[MAX_NOTES];
	int n;
	struct arena *ar;
};

__attribute__((format(printf, 2, 3)))
/* A note's words in the pack's language (the reports' text ID), checked to
 * take the same values as the English. */
#define T(id, english) l10n_text(pk->l10n, id, english)

static void note(struct notes *ns, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	if (ns->n == MAX_NOTES)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	ns->v[ns->n++] = arena_strdup(ns->ar, buf);
}

/* An answer as the baseline wrote it (a value, a list, or the long form). */
static const char *raw_text(const struct ynode *v, struct arena *ar)
{
	char buf[DILIGO_REPORT_LIST_TEXT];
	size_t used = 0;

	if (!v)
		return "(unanswered)";
	if (v->type == Y_MAP)
		return raw_text(ynode_get(v, "value"), ar);
	if (v->type == Y_SCALAR)
		return v->len || !v->plain ? v->str : "(unanswered)";
	buf[0] = '\0';
	for (int i = 0; i < v->n && used + 1 < sizeof buf; i++)
		if (v->kids[i]->type == Y_SCALAR)
			used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s", i ? ", " : "",
						 v->kids[i]->str);
	return arena_strdup(ar, buf);
}

/* The earlier answers as today's reports show them, bound to today's pack:
 * an answer that no longer fits (an option removed) as it was written. */
static void answer_texts(struct prior *p, const struct qn *q, const struct pack *pk,
			 struct arena *ar)
{
	const struct ynode *ans = ynode_get(p->questionnaire, "answers");
	char buf[DILIGO_REPORT_LIST_TEXT];

	for (int i = 0; i < p->nanswers; i++) {
		struct prior_answer *x = &p->answers[i];
		int qi = pack_find_question(pk, x->question);
		const struct ynode *v = ynode_get(ans, x->question);

		if (!x->text)
			continue; /* redacted */
		if (qi >= 0 && (q->answers[qi].state != ANS_NONE || !v ||
				(v->type == Y_SCALAR && v->plain && !v->len)))
			x->text = arena_strdup(ar, kind_answer_text(&pk->questions[qi], &q->answers[qi],
								    buf, sizeof buf));
		else
			x->text = raw_text(v, ar);
	}
}

static bool same_text(const char *a, const char *b)
{
	return a && b ? !strcmp(a, b) : a == b;
}

/* Earlier findings whose rule today's pack no longer has (by id or group). */
static void removed_rules(struct notes *ns, const struct prior *p, const struct pack *pk,
			  bool rescored)
{
	char list[512];
	size_t used = 0;
	int n = 0;

	list[0] = '\0';
	for (int i = 0; i < p->nfindings; i++) {
		bool found = false;

		for (int r = 0; r < pk->nrules && !found; r++)
			found = change_same(&pk->rules[r], p->findings[i].rule, p->findings[i].group);
		if (found)
			continue;
		if (used + 2 < sizeof list)
			used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", n ? ", " : "",
						 p->findings[i].rule);
		n++;
	}
	if (n)
		note(ns, n == 1 ? T("FMT_CMP_REMOVED_ONE", CMP_REMOVED_ONE)
				: T("FMT_CMP_REMOVED_MANY", CMP_REMOVED_MANY),
		     n, pk->id, pk->version ? pk->version : "", list,
		     rescored ? T("CMP_REMOVED_RESCORED", CMP_REMOVED_RESCORED)
			      : T("CMP_REMOVED_RESOLVED", CMP_REMOVED_RESOLVED));
}

void assess_compare(struct lhost *h, const struct assessment *a, struct prior *p,
		    const struct isolate_opts *iso, struct arena *ar, struct change *c)
{
	const struct pack *pk = a->pack;
	struct notes ns = { .ar = ar };
	bool other_pack = !same_text(p->sector, pk->id);
	bool drift = other_pack || !same_text(p->pack_version, pk->version) ||
		     (p->method && p->method != SCORE_METHOD_VERSION);
	const struct prior *then = NULL;
	struct qn *q = NULL;
	char method[32] = "";
	const char *misfit[DILIGO_MAX_DIAGS];
	int nmisfit = 0;

	if (p->method)
		snprintf(method, sizeof method, T("FMT_CMP_METHOD", CMP_METHOD), p->method);
	if (other_pack)
		note(&ns, T("FMT_CMP_OTHER_PACK", CMP_OTHER_PACK), p->sector ? p->sector : "(unknown)",
		     pk->id);
	if (p->questionnaire) {
		q = baseline_qn(p);
		qn_bind(q, pk, NULL);
		answer_texts(p, q, pk, ar);
		for (int i = 0; drift && i < q->ndiags; i++) /* questions removed: noted below */
			if (strncmp(q->diags[i].msg, "unknown question", 16))
				misfit[nmisfit++] = q->diags[i].msg;
		if (nmisfit)
			note(&ns, nmisfit == 1 ? T("FMT_CMP_MISFIT_ONE", CMP_MISFIT_ONE)
					       : T("FMT_CMP_MISFIT_MANY", CMP_MISFIT_MANY),
			     nmisfit, pk->id, pk->version ? pk->version : "", misfit[0]);
	}
	if (drift && q) {
		struct assessment b = { 0 };
		struct err e = { 0 };

		if (assess_run(h, q, &b, iso, &e) == 0) {
			struct prior *r = change_prior_from(&b, NULL, p->file, ar);

			r->period = p->period;
			then = r;
			note(&ns, T("FMT_CMP_RESCORED", CMP_RESCORED), p->sector ? p->sector : "", p->pack_version ? p->pack_version : "?", method,
			     pk->id, pk->version ? pk->version : "", SCORE_METHOD_VERSION,
			     isnan(p->score) ? 0.0 : p->score, p->rating ? p->rating : '?');
		} else {
			note(&ns, T("FMT_CMP_NOT_RESCORED", CMP_NOT_RESCORED), e.msg);
		}
	} else if (drift) {
		note(&ns, T("FMT_CMP_NO_ANSWERS", CMP_NO_ANSWERS), p->sector ? p->sector : "", p->pack_version ? p->pack_version : "?", method,
		     pk->id, pk->version ? pk->version : "", SCORE_METHOD_VERSION);
	}
	if (drift)
		removed_rules(&ns, p, pk, then != NULL);
	change_compute(c, a, p, then, ns.v, ns.n, ar);
	qn_free(q);
}
