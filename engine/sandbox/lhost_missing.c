/* What missing answers could hide: the search lhost_eval.c runs after a
 * rule read an answer left unknown or blank.
 *
 * A rule that read an answer the supplier left unknown or blank is tried
 * again with every value that answer could have (and, when that makes it
 * read other missing answers, theirs), breadth first, at most
 * DILIGO_MAX_COUNTERFACTUALS calls. The worst finding any completion gives
 * stands in for the missing information (docs/scoring.md): evasion never
 * pays. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"
#include "kind.h"
#include "lhost_int.h"
#include "score.h"

enum { GRID_NUMBER = 36, GRID_PERCENT = 28, MAX_PICKS = 16, MAX_NODES = 4096 };
static const double number_grid[GRID_NUMBER] = {
	0, 0.5, 1, 2, 3, 4, 5, 6, 9, 10, 11, 14, 15, 16, 17, 18, 19, 20, 21, 24, 25, 26,
	30, 40, 49, 50, 51, 60, 75, 99, 100, 101, 500, 1000, 10000, 1e6,
};
static const double percent_grid[GRID_PERCENT] = {
	0, 1, 2, 5, 6, 9, 10, 11, 15, 20, 24, 25, 26, 30, 40, 49, 50, 51, 60, 70, 74, 75, 76,
	80, 90, 95, 99, 100,
};
static const char *const maturity_grid[] = { "no", "partial", "yes" };

/* How many values question q can take in the search. */
static int ncandidates(const struct question *q)
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

/* [-0, +1] candidate c of question q, or nil when it is outside q's bounds */
static void push_candidate(lua_State *L, const struct qn *qn, const struct question *q, int c)
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

/* A completion: values tried for some missing questions. */
struct node {
	int n;
	int q[MAX_PICKS], c[MAX_PICKS];
};

struct search {
	struct node *nodes;
	int head, tail;
	uint64_t *seen; /* hashes of the completions queued (2 x MAX_NODES slots) */
	struct finding best;
	double best_key;
	struct node best_node;
	bool found;
};

/* A hash of the set of values of nd (never 0): a sum, so that the order of
 * the picks does not matter. */
static uint64_t node_hash(const struct node *nd)
{
	uint64_t h = 0;

	for (int k = 0; k < nd->n; k++)
		h += ((uint64_t)(unsigned)nd->q[k] * 0x9E3779B97F4A7C15ULL) ^
		     ((uint64_t)(unsigned)nd->c[k] * 0xC2B2AE3D27D4EB4FULL + 0x165667B19E3779F9ULL);
	return h ? h : 1;
}

/* Whether the set of values of nd was queued before (else records it). */
static bool queued(struct search *s, const struct node *nd)
{
	uint64_t h = node_hash(nd);
	size_t slot;

	slot = (size_t)(h % (2 * MAX_NODES));
	while (s->seen[slot]) {
		if (s->seen[slot] == h)
			return true;
		slot = (slot + 1) % (2 * MAX_NODES);
	}
	s->seen[slot] = h;
	return false;
}

/* Unmark the set of values of nd (the search's end). */
static void forget(struct search *s, const struct node *nd)
{
	size_t slot = (size_t)(node_hash(nd) % (2 * MAX_NODES));

	while (s->seen[slot]) {
		s->seen[slot] = 0;
		slot = (slot + 1) % (2 * MAX_NODES);
	}
}

/* Queue every completion of node that adds one value for a missing
 * question the last call read; a set of values is tried once. */
static void expand(struct lhost_eval *ev, struct search *s, const struct node *from)
{
	for (int k = 0; k < ev->h->norder && from->n < MAX_PICKS; k++) {
		int qi = ev->h->order[k];
		bool picked = false;

		for (int j = 0; j < from->n; j++)
			picked |= from->q[j] == qi;
		if (picked || !lhost_eval_missing(ev->q, qi))
			continue;
		for (int c = 0; c < ncandidates(&ev->p->questions[qi]) && s->tail < MAX_NODES; c++) {
			struct node *nd = &s->nodes[s->tail];

			*nd = *from;
			nd->q[nd->n] = qi;
			nd->c[nd->n++] = c;
			if (!queued(s, nd))
				s->tail++;
		}
	}
}

/* [-0, +0] set (or with clear, unset) node's values in the overlay; false
 * when a value is out of bounds (the node is skipped). */
static bool apply(lua_State *L, struct lhost_eval *ev, const struct node *nd, bool clear)
{
	for (int k = 0; k < nd->n; k++) {
		const struct question *q = &ev->p->questions[nd->q[k]];

		if (clear)
			lua_pushnil(L);
		else
			push_candidate(L, ev->q, q, nd->c[k]);
		if (!clear && lua_isnil(L, -1)) {
			lua_pop(L, 1);
			for (int j = 0; j < k; j++) {
				lua_pushnil(L);
				lua_setfield(L, ev->overlay, ev->p->questions[nd->q[j]].id);
			}
			return false;
		}
		lua_setfield(L, ev->overlay, q->id);
	}
	return true;
}

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
	int n = 0;

	*f = s->best;
	for (int k = 0; k < nd->n; k++) {
		qs[n++] = nd->q[k];
		ids = arena_printf(ev->q->arena, "%s%s%s", ids, k ? ", " : "",
				   ev->p->questions[nd->q[k]].id);
	}
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
	f->detail = arena_printf(ev->q->arena, "%s %s %s unknown or not answered, and %s%s%s",
				 f->info ? "Information needed:" : "Assumed:", ids,
				 nd->n == 1 ? "is" : "are",
				 f->info ? "the answer could show this finding: ask for it."
					 : "the risk cannot be ruled out.",
				 s->best.detail ? " " : "", s->best.detail ? s->best.detail : "");
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

/* Before the breadth-first search: completions that give every missing
 * answer the rule reads the same candidate (all "no", all the first
 * option, ...), growing as the rule reads more. A rule that counts gaps (3
 * of 8 criteria not met) needs many answers at once, which breadth first
 * reaches late. Returns the calls made. */
static int uniform(lua_State *L, struct lhost_eval *ev, struct search *s, int fns, int answers,
		   int ctx, int i)
{
	int calls = 0, widest = 0;
	int reads[DILIGO_MAX_COUNTERFACTUALS];
	int nreads = 0;

	for (int k = 0; k < ev->h->norder && nreads < DILIGO_MAX_COUNTERFACTUALS; k++)
		if (lhost_eval_missing(ev->q, ev->h->order[k])) {
			int n = ncandidates(&ev->p->questions[ev->h->order[k]]);

			reads[nreads++] = ev->h->order[k];
			widest = n > widest ? n : widest;
		}
	for (int t = 0; t < 2 * widest && calls < DILIGO_MAX_COUNTERFACTUALS / 4; t++) {
		/* c for the answers read first; the answers read later get c too (even t)
		 * or the first candidate (odd t): "partial" mechanism, every criterion "no" */
		int c = t / 2, later = t % 2 ? 0 : c;
		struct node nd = { 0 };
		struct finding g;
		bool grew = true;

		for (int k = 0; k < nreads && nd.n < MAX_PICKS; k++) {
			int n = ncandidates(&ev->p->questions[reads[k]]);

			nd.q[nd.n] = reads[k];
			nd.c[nd.n++] = c < n ? c : n - 1;
		}
		while (grew && calls < DILIGO_MAX_COUNTERFACTUALS / 4) {
			bool hit;

			if (!apply(L, ev, &nd, false))
				break;
			calls++;
			hit = lhost_eval_call_rule(L, ev, fns, answers, ctx, i, &g);
			apply(L, ev, &nd, true);
			if (hit)
				consider(s, &g, &nd);
			grew = false;
			for (int k = 0; k < ev->h->norder && nd.n < MAX_PICKS; k++) {
				int q = ev->h->order[k], n = ncandidates(&ev->p->questions[q]);
				bool picked = false;

				for (int j = 0; j < nd.n; j++)
					picked |= nd.q[j] == q;
				if (!picked && lhost_eval_missing(ev->q, q)) {
					nd.q[nd.n] = q;
					nd.c[nd.n++] = later < n ? later : n - 1;
					grew = true;
				}
			}
		}
	}
	return calls;
}

/* Rule i has run once (fired: *f, the call's reads in h->order); search
 * the completions of the missing answers it read. Returns whether a
 * finding stands (in *f). */
bool lhost_missing_search(lua_State *L, struct lhost_eval *ev, int fns, int answers, int ctx,
			  int i, struct finding *f, bool fired)
{
	struct search s = { 0 };
	struct node root = { 0 };
	int calls = 0;

	if (!ev->h->search_nodes) { /* once per host: a search runs for many rules */
		ev->h->search_nodes = xmalloc(MAX_NODES * sizeof *s.nodes);
		ev->h->search_seen = xcalloc(2 * MAX_NODES, sizeof *s.seen);
	}
	s.nodes = ev->h->search_nodes;
	s.seen = ev->h->search_seen;
	s.best_key = fired ? finding_key(f) : -1;
	if (fired)
		s.best = *f;
	expand(ev, &s, &root); /* the reads of the call on the actual answers */
	calls = uniform(L, ev, &s, fns, answers, ctx, i);
	while (s.head < s.tail && calls < DILIGO_MAX_COUNTERFACTUALS) {
		struct node nd = s.nodes[s.head++];
		struct finding g;
		bool hit;

		if (!apply(L, ev, &nd, false))
			continue;
		calls++;
		hit = lhost_eval_call_rule(L, ev, fns, answers, ctx, i, &g);
		apply(L, ev, &nd, true);
		if (hit)
			consider(&s, &g, &nd);
		expand(ev, &s, &nd);
	}
	if (s.found)
		stand_in(ev, &s, f);
	for (int k = 0; k < s.tail; k++) /* clear what this search marked, nothing more */
		forget(&s, &s.nodes[k]);
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
