/* Running a pack on one questionnaire, and running a pack's embedded tests.
 * Each assessment starts from the same Lua-visible state: answers and
 * context are fresh read-only tables, the upvalues rules can reach are reset
 * from the snapshot taken at load, math.random is reseeded. */
#include <math.h>
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
};

/* [-0, +1] the Lua value of answer i, or nil */
static void push_answer(lua_State *L, const struct question *qu, const struct answer *an)
{
	const struct kind_ops *k = kind_ops(qu->kind);

	if (an->state == ANS_NONE || (an->state != ANS_VALUE && !k->own_unknown)) {
		lua_pushnil(L);
		return;
	}
	switch (k->lua) {
	case KIND_LUA_NUMBER:
		lua_pushnumber(L, an->num);
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

/* answers[id]: the value; records that the running rule read it; an id
 * outside the composition is an error (a typo in a rule). */
static int answers_index(lua_State *L)
{
	struct lhost *h = lhost_from(L);
	lua_Integer qi;

	lua_pushvalue(L, 2);
	if (lua_rawget(L, lua_upvalueindex(2)) != LUA_TNUMBER) /* known[id] */
		return luaL_error(L, "no question '%s' in this pack",
				  lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?");
	qi = lua_tointeger(L, -1);
	if (h->reads_check)
		lhost_check_read(L, h, (int)qi);
	if (qi >= 0 && qi < h->ntouched_cap)
		h->touched[qi] = h->stamp;
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
		push_answer(L, &ev->p->questions[i], &ev->q->answers[i]);
		lua_setfield(L, -2, ev->p->questions[i].id);
	}
	lua_newtable(L); /* [values, proxy] */
	lua_createtable(L, 0, 5); /* [values, proxy, mt] */
	lua_pushvalue(L, -3);
	lua_rawgeti(L, LUA_REGISTRYINDEX, ev->ref);
	lua_getfield(L, -1, "known");
	lua_remove(L, -2); /* [values, proxy, mt, values, known] */
	lua_pushcclosure(L, answers_index, 2);
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

		if (!qu->has_score_fn || ev->q->answers[i].state != ANS_VALUE)
			continue;
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

/* [-1, +0] a table returned by a rule: overrides of the finding */
static void finding_overrides(lua_State *L, struct eval *ev, struct finding *f, const struct rule *r)
{
	int t = lua_gettop(L);

	if (lua_getfield(L, t, "likelihood") != LUA_TNIL) {
		lua_Integer l = lua_tointeger(L, -1);

		if (!lua_isinteger(L, -1) || l < 1 || l > 5)
			luaL_error(L, "%s:%d: rule '%s' returned a likelihood that is not a whole "
				      "number from 1 to 5", r->file, r->line, r->id);
		f->likelihood = (int)l;
	}
	if (lua_getfield(L, t, "detail") == LUA_TSTRING)
		f->detail = arena_strdup(ev->q->arena, lua_tostring(L, -1));
	if (lua_getfield(L, t, "questions") == LUA_TTABLE) {
		lua_Integer n = luaL_len(L, -1);
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
	int n = 0, *qs;

	for (int i = 0; i < ev->p->nquestions; i++)
		n += ev->h->touched[i] == ev->h->stamp;
	qs = arena_alloc(ev->q->arena, (size_t)(n ? n : 1) * sizeof *qs);
	for (int i = 0; i < ev->p->nquestions; i++)
		if (ev->h->touched[i] == ev->h->stamp)
			qs[f->nquestions++] = i;
	f->questions = qs;
}

static void run_rules(lua_State *L, struct eval *ev, int pack, int answers, int ctx)
{
	struct assessment *a = ev->a;

	a->findings = arena_alloc(ev->q->arena, (size_t)(ev->p->nrules ? ev->p->nrules : 1) *
							 sizeof *a->findings);
	lua_getfield(L, pack, "rules");
	for (int i = 0; i < ev->p->nrules; i++) {
		const struct rule *r = &ev->p->rules[i];
		struct finding *f = &a->findings[a->nfindings];
		int t;

		ev->h->current_rule = r->id;
		if (ev->h->watch)
			*ev->h->watch = i;
		snprintf(ev->h->where, sizeof ev->h->where, "%s:%d", r->file, r->line);
		ev->h->stamp++;
		lua_rawgeti(L, -1, i + 1);
		lua_pushvalue(L, answers);
		lua_pushvalue(L, ctx);
		lua_call(L, 2, 1);
		t = lua_type(L, -1);
		if (t == LUA_TNIL || (t == LUA_TBOOLEAN && !lua_toboolean(L, -1))) {
			lua_pop(L, 1);
			continue;
		}
		memset(f, 0, sizeof *f);
		f->rule = r;
		f->likelihood = r->likelihood;
		if (t == LUA_TTABLE)
			finding_overrides(L, ev, f, r);
		else if (t == LUA_TBOOLEAN)
			lua_pop(L, 1);
		else
			luaL_error(L, "%s:%d: rule '%s' returned a %s (expected nil, true, false or "
				      "a table)", r->file, r->line, r->id, luaL_typename(L, -1));
		if (!f->questions)
			touched_questions(ev, f);
		a->nfindings++;
	}
	lua_pop(L, 1);
}

/* Protected: the whole evaluation of one questionnaire. */
static int evaluate(lua_State *L)
{
	struct eval *ev = lua_touserdata(L, 1);

	lua_rawgeti(L, LUA_REGISTRYINDEX, ev->ref); /* 2: pack */
	reset_state(L, 2);
	push_answers(L, ev); /* 3 */
	push_ctx(L, ev->q);  /* 4 */
	score_functions(L, ev, 2, 3, 4);
	run_rules(L, ev, 2, 3, 4);
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
}

int lhost_evaluate(struct lhost *h, const struct pack *p, const struct qn *q,
		   struct assessment *a, struct err *e)
{
	struct eval ev = { h, p, q, a, lhost_pack_ref(h, p) };
	int status;

	if (p->nquestions > h->ntouched_cap) {
		free(h->touched);
		h->touched = xcalloc((size_t)p->nquestions, sizeof *h->touched);
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
