/* Running a pack on one questionnaire, and running a pack's embedded tests.
 * Each assessment starts from the same Lua-visible state: answers and
 * context are fresh read-only tables, the upvalues rules can reach are reset
 * from the snapshot taken at load, math.random is reseeded. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"
#include "kind.h"
#include "lhost_int.h"
#include "score.h"

struct eval {
	struct lhost *h;
	const struct pack *p;
	const struct qn *q;
	struct assessment *a;
	int ref;
	int overlay; /* stack index of the table of tried completions */
};

/* [-0, +1] the Lua value of a typed answer value */
static void push_value(lua_State *L, const struct question *qu, const struct answer *an)
{
	switch (kind_ops(qu->kind)->lua) {
	case KIND_LUA_NUMBER:
		lhost_push_number(L, an->num);
		break;
	case KIND_LUA_LIST:
		lua_createtable(L, an->nlist, 0);
		for (int i = 0; i < an->nlist; i++) {
			lua_pushstring(L, an->list[i]);
			lua_rawseti(L, -2, i + 1);
		}
		lhost_freeze(L, -1);
		lua_remove(L, -2);
		break;
	case KIND_LUA_STRING:
		lua_pushstring(L, an->str);
		break;
	}
}

/* [-0, +1] what a rule sees for question i: its value; "unknown" for an
 * unknown answer of any kind; "na" when it does not apply; nil when
 * unanswered. */
static void push_answer(lua_State *L, const struct qn *q, int i)
{
	const struct question *qu = &q->pack->questions[i];
	const struct answer *an = &q->answers[i];

	if (q->applies && q->applies[i] == APPL_NO)
		lua_pushliteral(L, "na");
	else if (an->state == ANS_UNKNOWN)
		lua_pushliteral(L, "unknown");
	else if (an->state == ANS_NA)
		lua_pushliteral(L, "na");
	else if (an->state == ANS_VALUE)
		push_value(L, qu, an);
	else
		lua_pushnil(L);
}

/* Whether question i's answer is missing information: unanswered, unknown,
 * or na where its applicability rests on a missing answer. */
static bool missing(const struct qn *q, int i)
{
	const struct answer *an = &q->answers[i];
	int appl = q->applies ? q->applies[i] : APPL_YES;

	if (appl == APPL_NO)
		return false;
	return an->state == ANS_NONE || an->state == ANS_UNKNOWN ||
	       (an->state == ANS_NA && appl == APPL_UNKNOWN);
}

/* answers[id]: the value; records that the running rule read it; an id
 * outside the composition is an error (a typo in a rule). */
static int answers_index(lua_State *L)
{
	struct lhost *h = lhost_from(L);
	lua_Integer qi;

	lua_pushvalue(L, 2);
	if (lua_rawget(L, lua_upvalueindex(2)) != LUA_TNUMBER) { /* known[id] */
		char shown[DILIGO_MAX_NAME_IN_MESSAGE + 8];

		return luaL_error(L, "no question '%s' in this pack",
				  lua_type(L, 2) == LUA_TSTRING
					  ? lhost_msgname(lua_tostring(L, 2), shown, sizeof shown) : "?");
	}
	qi = lua_tointeger(L, -1);
	if (h->reads_check)
		lhost_check_read(L, h, (int)qi);
	if (qi >= 0 && qi < h->ntouched_cap && h->touched[qi] != h->stamp) {
		h->touched[qi] = h->stamp;
		h->order[h->norder++] = (int)qi;
	}
	lua_pushvalue(L, 2);
	if (lua_rawget(L, lua_upvalueindex(3)) != LUA_TNIL) /* overlay[id]: a completion tried */
		return 1;
	lua_pop(L, 1);
	lua_pushvalue(L, 2);
	lua_rawget(L, lua_upvalueindex(1)); /* values[id] */
	return 1;
}

static int answers_newindex(lua_State *L)
{
	return luaL_error(L, "answers are read-only");
}

static int answers_next(lua_State *L)
{
	lua_settop(L, 2);
	if (!lua_next(L, lua_upvalueindex(1)))
		return 0;
	return 2;
}

static int answers_pairs(lua_State *L)
{
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_pushcclosure(L, answers_next, 1);
	lua_pushnil(L);
	lua_pushnil(L);
	return 3;
}

/* [-0, +1] the read-only answers table of the questionnaire */
static void push_answers(lua_State *L, struct eval *ev)
{
	lua_createtable(L, 0, ev->p->nquestions); /* values */
	for (int i = 0; i < ev->p->nquestions; i++) {
		push_answer(L, ev->q, i);
		lua_setfield(L, -2, ev->p->questions[i].id);
	}
	lua_newtable(L); /* [values, proxy] */
	lua_createtable(L, 0, 5); /* [values, proxy, mt] */
	lua_pushvalue(L, -3);
	lua_rawgeti(L, LUA_REGISTRYINDEX, ev->ref);
	lua_getfield(L, -1, "known");
	lua_remove(L, -2); /* [values, proxy, mt, values, known] */
	lua_pushvalue(L, ev->overlay); /* [values, proxy, mt, values, known, overlay] */
	lua_pushcclosure(L, answers_index, 3);
	lua_setfield(L, -2, "__index");
	lua_pushcfunction(L, answers_newindex);
	lua_setfield(L, -2, "__newindex");
	lua_pushvalue(L, -3);
	lua_pushcclosure(L, answers_pairs, 1);
	lua_setfield(L, -2, "__pairs");
	lua_pushliteral(L, "locked");
	lua_setfield(L, -2, "__metatable");
	lua_setmetatable(L, -2);
	lua_remove(L, -2); /* [proxy] */
}

static void set_str(lua_State *L, const char *k, const char *v)
{
	if (v) {
		lua_pushstring(L, v);
		lua_setfield(L, -2, k);
	}
}

/* [-0, +1] ctx = { supplier = {...}, period = n }, read-only */
static void push_ctx(lua_State *L, const struct qn *q)
{
	lua_createtable(L, 0, 2);
	lua_createtable(L, 0, 6);
	set_str(L, "id", q->supplier.id);
	set_str(L, "name", q->supplier.name);
	set_str(L, "country", q->supplier.country);
	set_str(L, "sector", q->supplier.sector);
	if (q->supplier.employees >= 0) {
		lua_pushinteger(L, q->supplier.employees);
		lua_setfield(L, -2, "employees");
	}
	if (q->supplier.tier) {
		lua_pushinteger(L, q->supplier.tier);
		lua_setfield(L, -2, "tier");
	}
	lua_pushboolean(L, score_small(q->supplier.employees));
	lua_setfield(L, -2, "small");
	lua_setfield(L, -2, "supplier");
	if (q->period) {
		lua_pushinteger(L, q->period);
		lua_setfield(L, -2, "period");
	}
	lhost_freeze(L, -1);
	lua_remove(L, -2);
}

/* Every assessment starts from the state the pack had after loading. */
static void reset_state(lua_State *L, int pack)
{
	lua_Integer n;

	lua_getfield(L, pack, "snap");
	n = luaL_len(L, -1);
	for (lua_Integer i = 1; i <= n; i++) {
		int up;

		lua_geti(L, -1, i);    /* [snap, rec] */
		lua_rawgeti(L, -1, 1); /* [snap, rec, fn] */
		lua_rawgeti(L, -2, 2); /* [snap, rec, fn, n] */
		up = (int)lua_tointeger(L, -1);
		lua_pop(L, 1);
		lua_rawgeti(L, -2, 3);    /* [snap, rec, fn, v] */
		lua_setupvalue(L, -2, up); /* [snap, rec, fn] */
		lua_pop(L, 2);
	}
	lua_pop(L, 1);
	lua_rawgetp(L, LUA_REGISTRYINDEX, &LHOST_K_SEED);
	lua_pushinteger(L, 20240613); /* the CSDDD's adoption date: any fixed seed */
	lua_call(L, 1, 0);
}

static void score_functions(lua_State *L, struct eval *ev, int pack, int answers, int ctx)
{
	lua_getfield(L, pack, "scores");
	for (int i = 0; i < ev->p->nquestions; i++) {
		const struct question *qu = &ev->p->questions[i];
		double s;

		if (!qu->has_score_fn || ev->q->answers[i].state != ANS_VALUE ||
		    (ev->q->applies && ev->q->applies[i] != APPL_YES))
			continue; /* not applicable, or a gap: scored without the function */
		ev->h->current_rule = qu->id;
		if (ev->h->watch)
			*ev->h->watch = -2 - i;
		snprintf(ev->h->where, sizeof ev->h->where, "%s:%d", qu->file, qu->line);
		lua_rawgeti(L, -1, i + 1);
		lua_pushvalue(L, answers);
		lua_getfield(L, -1, qu->id);
		lua_remove(L, -2);
		lua_pushvalue(L, ctx);
		lua_call(L, 2, 1);
		if (lua_isnil(L, -1)) {
			s = NAN;
		} else {
			s = lua_tonumber(L, -1);
			if (!lua_isnumber(L, -1) || !(s >= 0 && s <= 1))
				luaL_error(L, "%s:%d: the score function of question '%s' must "
					      "return a number from 0 to 1 or nil", qu->file,
					   qu->line, qu->id);
		}
		ev->a->fn_score[i] = s;
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
}

/* [-0, +0] an integer override 1-5 of the table at t into *v */
static void override_component(lua_State *L, int t, const char *key, const struct rule *r, int *v)
{
	if (lua_getfield(L, t, key) != LUA_TNIL) {
		lua_Integer l = lua_tointeger(L, -1);

		if (!lua_isinteger(L, -1) || l < SCORE_COMPONENT_MIN || l > SCORE_COMPONENT_MAX)
			luaL_error(L, "%s:%d: rule '%s' returned a %s that is not a whole number from "
				      "%d to %d", r->file, r->line, r->id, key, SCORE_COMPONENT_MIN,
				   SCORE_COMPONENT_MAX);
		*v = (int)l;
	}
	lua_pop(L, 1);
}

/* [-1, +0] a table returned by a rule: overrides of the finding */
static void finding_overrides(lua_State *L, struct eval *ev, struct finding *f, const struct rule *r)
{
	int t = lua_gettop(L);

	override_component(L, t, "likelihood", r, &f->likelihood);
	override_component(L, t, "scale", r, &f->scale);
	override_component(L, t, "scope", r, &f->scope);
	override_component(L, t, "irremediable", r, &f->irremediable);
	if (lua_getfield(L, t, "detail") == LUA_TSTRING) /* cut, and counted as memory */
		f->detail = lhost_copy_text(L, ev->q->arena, -1, DILIGO_MAX_DETAIL_BYTES);
	if (lua_getfield(L, t, "questions") == LUA_TTABLE) {
		lua_Integer n = lhost_rawlen(L, -1); /* not what a __len says */
		int *qs;

		if (n > DILIGO_MAX_FINDING_QUESTIONS) /* a size from the pack: check it */
			luaL_error(L, "%s:%d: rule '%s' returned more than %d questions in "
				      "'questions'", r->file, r->line, r->id,
				   DILIGO_MAX_FINDING_QUESTIONS);
		qs = arena_alloc(ev->q->arena, (size_t)(n > 0 ? n : 1) * sizeof *qs);
		for (lua_Integer i = 1; i <= n; i++) {
			int qi;

			lua_geti(L, -1, i);
			qi = lua_type(L, -1) == LUA_TSTRING
				     ? pack_find_question(ev->p, lua_tostring(L, -1)) : -1;
			if (qi < 0)
				luaL_error(L, "%s:%d: rule '%s' returned an unknown question in "
					      "'questions'", r->file, r->line, r->id);
			qs[f->nquestions++] = qi;
			lua_pop(L, 1);
		}
		f->questions = qs;
	}
	lua_settop(L, t - 1);
}

static void touched_questions(struct eval *ev, struct finding *f)
{
	int n = ev->h->norder, *qs = arena_alloc(ev->q->arena, (size_t)(n ? n : 1) * sizeof *qs);

	memcpy(qs, ev->h->order, (size_t)n * sizeof *qs);
	f->questions = qs;
	f->nquestions = n;
}

/* Call rule i (its function at the top of the "rules" list at index fns)
 * once; true with *f filled when it fires. ev->h->order lists what it
 * read. */
static bool call_rule(lua_State *L, struct eval *ev, int fns, int answers, int ctx, int i,
		      struct finding *f)
{
	const struct rule *r = &ev->p->rules[i];
	int t;

	ev->h->stamp++;
	ev->h->norder = 0;
	lua_rawgeti(L, fns, i + 1);
	lua_pushvalue(L, answers);
	lua_pushvalue(L, ctx);
	lua_call(L, 2, 1);
	t = lua_type(L, -1);
	if (t == LUA_TNIL || (t == LUA_TBOOLEAN && !lua_toboolean(L, -1))) {
		lua_pop(L, 1);
		return false;
	}
	memset(f, 0, sizeof *f);
	f->rule = r;
	f->likelihood = r->likelihood;
	f->scale = r->scale;
	f->scope = r->scope;
	f->irremediable = r->irremediable;
	if (t == LUA_TTABLE)
		finding_overrides(L, ev, f, r);
	else if (t == LUA_TBOOLEAN)
		lua_pop(L, 1);
	else
		luaL_error(L, "%s:%d: rule '%s' returned a %s (expected nil, true, false or "
			      "a table)", r->file, r->line, r->id, luaL_typename(L, -1));
	if (!f->questions)
		touched_questions(ev, f);
	return true;
}

/* ---- what missing answers could hide ---------------------------------
 *
 * A rule that read an answer the supplier left unknown or blank is tried
 * again with every value that answer could have (and, when that makes it
 * read other missing answers, theirs), breadth first, at most
 * DILIGO_MAX_COUNTERFACTUALS calls. The worst finding any completion gives
 * stands in for the missing information (docs/scoring.md): evasion never
 * pays. */

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
static void expand(struct eval *ev, struct search *s, const struct node *from)
{
	for (int k = 0; k < ev->h->norder && from->n < MAX_PICKS; k++) {
		int qi = ev->h->order[k];
		bool picked = false;

		for (int j = 0; j < from->n; j++)
			picked |= from->q[j] == qi;
		if (picked || !missing(ev->q, qi))
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
static bool apply(lua_State *L, struct eval *ev, const struct node *nd, bool clear)
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
static void stand_in(struct eval *ev, struct search *s, struct finding *f)
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
static int uniform(lua_State *L, struct eval *ev, struct search *s, int fns, int answers,
		   int ctx, int i)
{
	int calls = 0, widest = 0;
	int reads[DILIGO_MAX_COUNTERFACTUALS];
	int nreads = 0;

	for (int k = 0; k < ev->h->norder && nreads < DILIGO_MAX_COUNTERFACTUALS; k++)
		if (missing(ev->q, ev->h->order[k])) {
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
			hit = call_rule(L, ev, fns, answers, ctx, i, &g);
			apply(L, ev, &nd, true);
			if (hit)
				consider(s, &g, &nd);
			grew = false;
			for (int k = 0; k < ev->h->norder && nd.n < MAX_PICKS; k++) {
				int q = ev->h->order[k], n = ncandidates(&ev->p->questions[q]);
				bool picked = false;

				for (int j = 0; j < nd.n; j++)
					picked |= nd.q[j] == q;
				if (!picked && missing(ev->q, q)) {
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
static bool search_missing(lua_State *L, struct eval *ev, int fns, int answers, int ctx, int i,
			   struct finding *f, bool fired)
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
		hit = call_rule(L, ev, fns, answers, ctx, i, &g);
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
static bool read_missing(struct eval *ev)
{
	for (int k = 0; k < ev->h->norder; k++)
		if (missing(ev->q, ev->h->order[k]))
			return true;
	return false;
}

static void run_rules(lua_State *L, struct eval *ev, int pack, int answers, int ctx)
{
	struct assessment *a = ev->a;
	int fns;

	a->findings = arena_alloc(ev->q->arena, (size_t)(ev->p->nrules ? ev->p->nrules : 1) *
							 sizeof *a->findings);
	lua_getfield(L, pack, "rules");
	fns = lua_gettop(L);
	for (int i = 0; i < ev->p->nrules; i++) {
		const struct rule *r = &ev->p->rules[i];
		struct finding *f = &a->findings[a->nfindings];
		bool fired;

		ev->h->current_rule = r->id;
		if (ev->h->watch)
			*ev->h->watch = i;
		snprintf(ev->h->where, sizeof ev->h->where, "%s:%d", r->file, r->line);
		fired = call_rule(L, ev, fns, answers, ctx, i, f);
		if (read_missing(ev))
			fired = search_missing(L, ev, fns, answers, ctx, i, f, fired);
		a->nfindings += fired;
	}
	lua_pop(L, 1);
}

/* Protected: the whole evaluation of one questionnaire. */
static int evaluate(lua_State *L)
{
	struct eval *ev = lua_touserdata(L, 1);

	lua_rawgeti(L, LUA_REGISTRYINDEX, ev->ref); /* 2: pack */
	reset_state(L, 2);
	lua_newtable(L); /* 3: the overlay of completions tried */
	ev->overlay = 3;
	push_answers(L, ev); /* 4 */
	push_ctx(L, ev->q);  /* 5 */
	score_functions(L, ev, 2, 4, 5);
	run_rules(L, ev, 2, 4, 5);
	ev->h->current_rule = NULL;
	return 0;
}

void lhost_watch(struct lhost *h, volatile int *slot)
{
	h->watch = slot;
}

void lhost_in_child(struct lhost *h)
{
	/* a short-lived copy-on-write image: collecting would touch (and so
	 * copy) every page of the heap; the memory cap still holds, since the
	 * allocator collects in an emergency before it refuses */
	lua_gc(h->L, LUA_GCSTOP);
	h->clock_off = true; /* the parent keeps the time; the filter allows no timer calls */
}

int lhost_evaluate(struct lhost *h, const struct pack *p, const struct qn *q,
		   struct assessment *a, struct err *e)
{
	struct eval ev = { h, p, q, a, lhost_pack_ref(h, p), 0 };
	int status;

	if (p->nquestions > h->ntouched_cap) {
		free(h->touched);
		free(h->order);
		h->touched = xcalloc((size_t)p->nquestions, sizeof *h->touched);
		h->order = xcalloc((size_t)p->nquestions, sizeof *h->order);
		h->ntouched_cap = p->nquestions;
	}
	h->current_rule = NULL;
	h->where[0] = '\0';
	lhost_budget_start(h);
	lua_pushcfunction(h->L, evaluate);
	lua_pushlightuserdata(h->L, &ev);
	status = lhost_pcall(h, 1, 0);
	if (status != LUA_OK) {
		lhost_error(h, status, e);
		h->current_rule = NULL;
		return ERR_PACK;
	}
	return 0;
}
