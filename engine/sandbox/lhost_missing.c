/* What missing answers could hide: the search lhost_eval.c runs after a
 * rule read an answer left unknown or blank.
 *
 * A rule that read an answer the supplier left unknown or blank is tried
 * again with every value that answer could have, jointly with every value
 * of the other missing answers the rule then reads: depth first, each
 * call saying which missing answer the rule reads next, so that the rule
 * runs once per combination of the missing answers it actually reads, at
 * most DILIGO_MAX_COUNTERFACTUALS calls (deterministic: the same order on
 * every run). A question whose applicability rests on a missing answer
 * could also be "na". The worst finding any completion gives stands in for
 * the missing information (docs/scoring.md): evasion never pays. */
#include <stdbool.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"
#include "kind.h"
#include "l10n.h"
#include "lhost_int.h"
#include "score.h"

enum { GRID_NUMBER = 36, GRID_PERCENT = 28, MAX_PICKS = 24, UNIFORM_CALLS = 32 };
static const double number_grid[GRID_NUMBER] = {
	0, 0.5, 1, 2, 3, 4, 5, 6, 9, 10, 11, 14, 15, 16, 17, 18, 19, 20, 21, 24, 25, 26,
	30, 40, 49, 50, 51, 60, 75, 99, 100, 101, 500, 1000, 10000, 1e6,
};
static const double percent_grid[GRID_PERCENT] = {
	0, 1, 2, 5, 6, 9, 10, 11, 15, 20, 24, 25, 26, 30, 40, 49, 50, 51, 60, 70, 74, 75, 76,
	80, 90, 95, 99, 100,
};
static const char *const maturity_grid[] = { "no", "partial", "yes" };

/* How many values question q can take for its kind. */
static int kind_candidates(const struct question *q)
{
	switch (q->kind) {
	case QK_MATURITY: return 3;
	case QK_CHOICE: return q->nopts;
	case QK_MULTI: return q->nopts <= 5 ? 1 << q->nopts : q->nopts + 2;
	case QK_NUMBER: return GRID_NUMBER + 2;
	case QK_PERCENT: return GRID_PERCENT;
	case QK_DATE: return 2;
	default: return 1;
	}
}

/* Whether question qi applies rests on a missing answer: "na" is one of
 * the values it could have (rules see "na" where it does not apply). */
static bool appl_unknown(const struct lhost_eval *ev, int qi)
{
	return ev->q->applies && ev->q->applies[qi] == APPL_UNKNOWN;
}

/* An answered question whose applicability is unknown keeps its answer
 * (candidate 0) or is "na" (candidate 1). */
static bool answered(const struct lhost_eval *ev, int qi)
{
	return ev->q->answers[qi].state == ANS_VALUE;
}

/* How many values question qi can take in the search. */
static int ncandidates(const struct lhost_eval *ev, int qi)
{
	if (!appl_unknown(ev, qi))
		return kind_candidates(&ev->p->questions[qi]);
	return answered(ev, qi) ? 2 : kind_candidates(&ev->p->questions[qi]) + 1;
}

/* [-0, +1] candidate c of question q for its kind, or nil when it is
 * outside q's bounds */
static void push_kind_candidate(lua_State *L, const struct qn *qn, const struct question *q, int c)
{
	double x;

	switch (q->kind) {
	case QK_MATURITY:
		lua_pushstring(L, maturity_grid[c]);
		return;
	case QK_CHOICE:
		lua_pushstring(L, q->opts[c].value);
		return;
	case QK_MULTI: {
		int n = 0;

		lua_createtable(L, q->nopts, 0);
		for (int k = 0; k < q->nopts; k++) {
			bool in = q->nopts <= 5 ? (c >> k) & 1 : c == q->nopts + 1 || c == k;

			if (in) {
				lua_pushstring(L, q->opts[k].value);
				lua_rawseti(L, -2, ++n);
			}
		}
		lhost_freeze(L, -1);
		lua_remove(L, -2);
		return;
	}
	case QK_NUMBER:
		x = c < GRID_NUMBER ? number_grid[c] : c == GRID_NUMBER ? q->min : q->max;
		if ((c == GRID_NUMBER && !q->has_min) || (c == GRID_NUMBER + 1 && !q->has_max) ||
		    (q->has_min && x < q->min) || (q->has_max && x > q->max))
			lua_pushnil(L);
		else
			lhost_push_number(L, x);
		return;
	case QK_PERCENT:
		lhost_push_number(L, percent_grid[c]);
		return;
	case QK_DATE:
		lua_pushfstring(L, "%d-12-31", (qn->period ? qn->period : 2025) - (c ? 0 : 10));
		return;
	default:
		lua_pushliteral(L, "");
		return;
	}
}

enum { CAND_SKIP, CAND_SET, CAND_ACTUAL };

/* [-0, +0] set question qi to candidate c in the overlay: CAND_SET,
 * CAND_ACTUAL (the answer given stays), or CAND_SKIP (out of bounds). */
static int set_pick(lua_State *L, struct lhost_eval *ev, int qi, int c)
{
	const struct question *q = &ev->p->questions[qi];

	if (appl_unknown(ev, qi) && answered(ev, qi) && c == 0)
		return CAND_ACTUAL;
	if (appl_unknown(ev, qi) && c == ncandidates(ev, qi) - 1)
		lua_pushliteral(L, "na");
	else
		push_kind_candidate(L, ev->q, q, c);
	if (lua_isnil(L, -1)) {
		lua_pop(L, 1);
		return CAND_SKIP;
	}
	lua_setfield(L, ev->overlay, q->id);
	return CAND_SET;
}

/* [-0, +0] question qi is no longer tried */
static void unset_pick(lua_State *L, struct lhost_eval *ev, int qi)
{
	lua_pushnil(L);
	lua_setfield(L, ev->overlay, ev->p->questions[qi].id);
}

/* A completion: values tried for some missing questions. */
struct node {
	int n;
	int q[MAX_PICKS], c[MAX_PICKS];
};

struct search {
	struct node path; /* the completion being tried, in the order read */
	int calls;
	bool truncated; /* the bound or MAX_PICKS cut the search */
	struct finding best;
	double best_key, max_key;
	struct node best_node;
	bool found;
};

static double finding_key(const struct finding *f)
{
	return score_finding_key(f->rule, f->scale, f->scope, f->irremediable, f->likelihood);
}

/* The finding standing for what the missing answers of best_node could
 * hide, into f. */
static void stand_in(struct lhost_eval *ev, struct search *s, struct finding *f)
{
	const struct rule *r = s->best.rule;
	const struct node *nd = &s->best_node;
	int *qs = arena_alloc(ev->q->arena, (size_t)(nd->n + s->best.nquestions + 1) * sizeof *qs);
	const char *ids = "";
	int n = 0, named;

	*f = s->best;
	for (int k = 0; k < nd->n; k++) {
		if (appl_unknown(ev, nd->q[k]) && answered(ev, nd->q[k]) && nd->c[k] == 0)
			continue; /* the answer given: not what is missing */
		qs[n++] = nd->q[k];
		ids = arena_printf(ev->q->arena, "%s%s%s", ids, n > 1 ? ", " : "",
				   ev->p->questions[nd->q[k]].id);
	}
	named = n;
	for (int k = 0; k < s->best.nquestions; k++) {
		bool dup = false;

		for (int j = 0; j < n; j++)
			dup |= qs[j] == s->best.questions[k];
		if (!dup)
			qs[n++] = s->best.questions[k];
	}
	f->questions = qs;
	f->nquestions = n;
	f->info = !r->assume_unknown;
	f->assumed = r->assume_unknown;
	{
		const struct l10n *t = ev->p->l10n;
		char said[1024];

		if (f->info)
			snprintf(said, sizeof said,
				 named == 1 ? l10n_text(t, "FMT_INFO_ONE", L10N_INFO_ONE)
					    : l10n_text(t, "FMT_INFO_MANY", L10N_INFO_MANY), ids);
		else
			snprintf(said, sizeof said,
				 named == 1 ? l10n_text(t, "FMT_ASSUMED_ONE", L10N_ASSUMED_ONE)
					    : l10n_text(t, "FMT_ASSUMED_MANY", L10N_ASSUMED_MANY), ids);
		f->detail = arena_printf(ev->q->arena, "%s%s%s", said, s->best.detail ? " " : "",
					 s->best.detail ? s->best.detail : "");
	}
}

/* Keep g when it is worse than the best so far. */
static void consider(struct search *s, const struct finding *g, const struct node *nd)
{
	if (finding_key(g) > s->best_key) {
		s->best_key = finding_key(g);
		s->best = *g;
		s->best_node = *nd;
		s->found = true;
	}
}

/* A rule call: the "rules" list at fns, the answers and ctx tables, the
 * rule's index. */
struct call {
	int fns, answers, ctx, i;
};

/* [-0, +0] set (or with clear, unset) node's values in the overlay; false
 * when a value is out of bounds (nothing is left set). */
static bool apply(lua_State *L, struct lhost_eval *ev, const struct node *nd, bool clear)
{
	for (int k = 0; k < nd->n; k++) {
		if (clear) {
			unset_pick(L, ev, nd->q[k]);
		} else if (set_pick(L, ev, nd->q[k], nd->c[k]) == CAND_SKIP) {
			for (int j = 0; j < k; j++)
				unset_pick(L, ev, nd->q[j]);
			return false;
		}
	}
	return true;
}

/* Whether node nd gives question qi a value. */
static bool picked(const struct node *nd, int qi)
{
	for (int j = 0; j < nd->n; j++)
		if (nd->q[j] == qi)
			return true;
	return false;
}

/* The first missing answer the last call read that nd gives no value, or
 * -1. */
static int next_missing(const struct lhost_eval *ev, const struct node *nd)
{
	for (int k = 0; k < ev->h->norder; k++) {
		int qi = ev->h->order[k];

		if (lhost_eval_missing(ev->q, qi) && !picked(nd, qi))
			return qi;
	}
	return -1;
}

/* Call the rule on node nd (set in the overlay) and keep a worse finding. */
static void try_node(lua_State *L, struct lhost_eval *ev, struct search *s,
		     const struct call *cl, const struct node *nd)
{
	struct finding g;

	s->calls++;
	if (lhost_eval_call_rule(L, ev, cl->fns, cl->answers, cl->ctx, cl->i, &g))
		consider(s, &g, nd);
}

/* Depth first over the joint values of the missing answers the rule reads:
 * qi is the first missing answer the call on s->path read without a value.
 * Each of its values is tried, and each call says which missing answer the
 * rule reads next (a value after which it reads none ends the branch), so
 * the rule runs once per combination of the missing answers it actually
 * reads on a branch. The search stops when nothing worse can be found
 * (s->max_key), or after DILIGO_MAX_COUNTERFACTUALS calls. */
static void depth_first(lua_State *L, struct lhost_eval *ev, struct search *s,
			const struct call *cl, int qi)
{
	int n = ncandidates(ev, qi);

	if (s->path.n == MAX_PICKS) {
		s->truncated = true;
		return;
	}
	s->path.q[s->path.n++] = qi;
	for (int c = 0; c < n && s->best_key < s->max_key; c++) {
		int next;

		if (s->calls >= DILIGO_MAX_COUNTERFACTUALS) {
			s->truncated = true;
			break;
		}
		if (set_pick(L, ev, qi, c) == CAND_SKIP)
			continue;
		s->path.c[s->path.n - 1] = c;
		try_node(L, ev, s, cl, &s->path);
		next = next_missing(ev, &s->path);
		if (next >= 0)
			depth_first(L, ev, s, cl, next);
		unset_pick(L, ev, qi);
	}
	s->path.n--;
}

/* Only when the bound cut the search: completions that give every missing
 * answer the rule reads the same candidate (all "no", all the first
 * option, ...), growing as the rule reads more. A rule that counts gaps (3
 * of 8 criteria not met) needs many answers at once. */
static void uniform(lua_State *L, struct lhost_eval *ev, struct search *s,
		    const struct call *cl, const struct node *reads)
{
	int widest = 0, calls = 0;

	for (int k = 0; k < reads->n; k++) {
		int n = ncandidates(ev, reads->q[k]);

		widest = n > widest ? n : widest;
	}
	for (int t = 0; t < 2 * widest && calls < UNIFORM_CALLS; t++) {
		/* c for the answers read first; the answers read later get c too (even t)
		 * or the first candidate (odd t): "partial" mechanism, every criterion "no" */
		int c = t / 2, later = t % 2 ? 0 : c;
		struct node nd = { 0 };
		bool grew = true;

		for (int k = 0; k < reads->n; k++) {
			int n = ncandidates(ev, reads->q[k]);

			nd.q[nd.n] = reads->q[k];
			nd.c[nd.n++] = c < n ? c : n - 1;
		}
		while (grew && calls < UNIFORM_CALLS && apply(L, ev, &nd, false)) {
			calls++;
			try_node(L, ev, s, cl, &nd);
			apply(L, ev, &nd, true);
			grew = false;
			for (int k = 0; k < ev->h->norder && nd.n < MAX_PICKS; k++) {
				int q = ev->h->order[k], n = ncandidates(ev, q);

				if (!picked(&nd, q) && lhost_eval_missing(ev->q, q)) {
					nd.q[nd.n] = q;
					nd.c[nd.n++] = later < n ? later : n - 1;
					grew = true;
				}
			}
		}
	}
}

/* Rule i has run once (fired: *f, the call's reads in h->order); search
 * the completions of the missing answers it read. Returns whether a
 * finding stands (in *f). */
bool lhost_missing_search(lua_State *L, struct lhost_eval *ev, int fns, int answers, int ctx,
			  int i, struct finding *f, bool fired)
{
	const struct rule *r = &ev->p->rules[i];
	const int top = SCORE_COMPONENT_MAX;
	struct search s = { 0 };
	struct call cl = { fns, answers, ctx, i };
	struct node reads = { 0 };

	s.best_key = fired ? finding_key(f) : -1;
	s.max_key = r->may_override ? score_finding_key(r, top, top, top, top)
				    : score_finding_key(r, r->scale, r->scope, r->irremediable,
							r->likelihood); /* nothing can be worse */
	if (fired)
		s.best = *f;
	for (int k = 0; k < ev->h->norder && reads.n < MAX_PICKS; k++)
		if (lhost_eval_missing(ev->q, ev->h->order[k]))
			reads.q[reads.n++] = ev->h->order[k];
	depth_first(L, ev, &s, &cl, next_missing(ev, &s.path));
	if (s.truncated && s.best_key < s.max_key)
		uniform(L, ev, &s, &cl, &reads);
	if (s.found)
		stand_in(ev, &s, f);
	return fired || s.found;
}

/* Whether the last call read a missing answer. */
bool lhost_missing_read(struct lhost_eval *ev)
{
	for (int k = 0; k < ev->h->norder; k++)
		if (lhost_eval_missing(ev->q, ev->h->order[k]))
			return true;
	return false;
}
