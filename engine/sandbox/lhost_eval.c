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
#include "l10n.h"
#include "lhost_int.h"
#include "score.h"

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
 * or any answer where its applicability rests on a missing answer (it
 * could be "na"). */
bool lhost_eval_missing(const struct qn *q, int i)
{
	const struct answer *an = &q->answers[i];
	int appl = q->applies ? q->applies[i] : APPL_YES;

	if (appl == APPL_NO)
		return false;
	return an->state == ANS_NONE || an->state == ANS_UNKNOWN || appl == APPL_UNKNOWN;
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
static void push_answers(lua_State *L, struct lhost_eval *ev)
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

static void score_functions(lua_State *L, struct lhost_eval *ev, int pack, int answers, int ctx)
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

/* The text of a rule's detail template key in the pack's language: its
 * translation when there is one, else the pack's own; NULL when the rule
 * has no template of that name. */
static const char *detail_text(const struct pack *p, const struct rule *r, const char *key)
{
	for (int i = 0; i < r->ndetails; i++)
		if (!strcmp(r->detail_keys[i], key)) {
			char field[200];
			const char *t;

			snprintf(field, sizeof field, "detail.%s", key);
			t = l10n_get3(p->l10n, "rule", r->id, field, r->detail_texts[i]);
			return t ? t : r->detail_texts[i];
		}
	return NULL;
}

/* [-0, +0] value idx of a detail table as a template argument: a number; a
 * text, which a key of the rule's details replaces with that template's
 * text; or a list of such texts, joined with ", ". */
static void detail_arg(lua_State *L, const struct pack *p, const struct rule *r, int idx,
		       struct l10n_arg *a, struct arena *ar)
{
	a->is_num = false;
	a->str = "";
	if (lua_type(L, idx) == LUA_TNUMBER) {
		a->is_num = true;
		a->num = lua_tonumber(L, idx);
	} else if (lua_type(L, idx) == LUA_TSTRING) {
		const char *t = detail_text(p, r, lua_tostring(L, idx));

		a->str = t ? t : lhost_copy_text(L, ar, idx, DILIGO_MAX_DETAIL_BYTES);
	} else if (lua_type(L, idx) == LUA_TTABLE) {
		lua_Integer n = lhost_rawlen(L, idx);
		char buf[DILIGO_MAX_DETAIL_BYTES];
		size_t len = 0;

		buf[0] = '\0';
		for (lua_Integer i = 1; i <= n && i <= DILIGO_MAX_FINDING_QUESTIONS; i++) {
			const char *t;

			if (lua_rawgeti(L, idx, i) != LUA_TSTRING)
				luaL_error(L, "%s:%d: rule '%s' returned a detail list holding a %s "
					      "(texts only)", r->file, r->line, r->id,
					   luaL_typename(L, -1));
			t = detail_text(p, r, lua_tostring(L, -1));
			len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", i > 1 ? ", " : "",
						t ? t : lua_tostring(L, -1));
			if (len >= sizeof buf)
				len = sizeof buf - 1;
			lua_pop(L, 1);
		}
		a->str = arena_strdup(ar, buf);
	} else {
		luaL_error(L, "%s:%d: rule '%s' returned a detail value that is a %s (numbers, "
			      "texts and lists of texts only)", r->file, r->line, r->id,
			   luaL_typename(L, idx));
	}
}

/* [-0, +0] detail = { "key", value, ... }: the rule's template `key`, in
 * the pack's language, filled in with the values (docs/plugin-api.md). */
static const char *detail_from_template(lua_State *L, struct lhost_eval *ev, const struct rule *r,
					int idx)
{
	struct l10n_arg args[DILIGO_MAX_CONDITIONS];
	lua_Integer n = lhost_rawlen(L, idx);
	const char *tmpl, *own = NULL, *why = NULL;
	char out[DILIGO_MAX_DETAIL_BYTES];
	int used;

	if (lua_rawgeti(L, idx, 1) != LUA_TSTRING ||
	    !(tmpl = detail_text(ev->p, r, lua_tostring(L, -1))))
		luaL_error(L, "%s:%d: rule '%s' returned a detail whose first entry names none of "
			      "its 'details'", r->file, r->line, r->id);
	for (int i = 0; i < r->ndetails; i++)
		if (!strcmp(r->detail_keys[i], lua_tostring(L, -1)))
			own = r->detail_texts[i];
	lua_pop(L, 1);
	if (n - 1 > DILIGO_MAX_CONDITIONS)
		luaL_error(L, "%s:%d: rule '%s' returned more than %d detail values", r->file,
			   r->line, r->id, DILIGO_MAX_CONDITIONS);
	for (lua_Integer i = 2; i <= n; i++) {
		lua_rawgeti(L, idx, i);
		detail_arg(L, ev->p, r, lua_gettop(L), &args[i - 2], ev->q->arena);
		lua_pop(L, 1);
	}
	used = l10n_format(out, sizeof out, tmpl, args, (int)(n - 1), &why);
	if (used < 0 && tmpl != own) /* a translation the checks missed: the pack's own */
		used = l10n_format(out, sizeof out, own, args, (int)(n - 1), &why);
	if (used < 0)
		luaL_error(L, "%s:%d: rule '%s' returned a detail its template cannot take: %s",
			   r->file, r->line, r->id, why);
	return arena_strdup(ev->q->arena, out);
}

/* [-1, +0] a table returned by a rule: overrides of the finding */
static void finding_overrides(lua_State *L, struct lhost_eval *ev, struct finding *f,
			      const struct rule *r)
{
	int t = lua_gettop(L);

	override_component(L, t, "likelihood", r, &f->likelihood);
	override_component(L, t, "scale", r, &f->scale);
	override_component(L, t, "scope", r, &f->scope);
	override_component(L, t, "irremediable", r, &f->irremediable);
	if (lua_getfield(L, t, "detail") == LUA_TSTRING) /* cut, and counted as memory */
		f->detail = lhost_copy_text(L, ev->q->arena, -1, DILIGO_MAX_DETAIL_BYTES);
	else if (lua_istable(L, -1))
		f->detail = detail_from_template(L, ev, r, lua_gettop(L));
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

static void touched_questions(struct lhost_eval *ev, struct finding *f)
{
	int n = ev->h->norder, *qs = arena_alloc(ev->q->arena, (size_t)(n ? n : 1) * sizeof *qs);

	memcpy(qs, ev->h->order, (size_t)n * sizeof *qs);
	f->questions = qs;
	f->nquestions = n;
}

/* Call rule i (its function at the top of the "rules" list at index fns)
 * once; true with *f filled when it fires. ev->h->order lists what it
 * read. */
bool lhost_eval_call_rule(lua_State *L, struct lhost_eval *ev, int fns, int answers, int ctx,
			  int i, struct finding *f)
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

static void run_rules(lua_State *L, struct lhost_eval *ev, int pack, int answers, int ctx)
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
		fired = lhost_eval_call_rule(L, ev, fns, answers, ctx, i, f);
		if (lhost_missing_read(ev))
			fired = lhost_missing_search(L, ev, fns, answers, ctx, i, f, fired);
		a->nfindings += fired;
	}
	lua_pop(L, 1);
}

/* Protected: the whole evaluation of one questionnaire. */
static int evaluate(lua_State *L)
{
	struct lhost_eval *ev = lua_touserdata(L, 1);

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
	struct lhost_eval ev = { h, p, q, a, lhost_pack_ref(h, p), 0 };
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
