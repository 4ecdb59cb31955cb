/* Composing a pack's questions: each question table read into struct
 * question and checked against the contract of docs/plugin-api.md (its
 * kind, options, bounds and na_when), and once the pack is indexed, every
 * na_when checked against the question it reads. lhost_compose.c reads the
 * rest of the pack. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "kind.h"
#include "lhost_int.h"
#include "text.h"

static const char *const question_fields[] = {
	"id", "kind", "weight", "required", "section", "text", "help", "duties", "options",
	"min", "max", "unit", "score", "evidence", "na_when", NULL,
};

static void options_field(struct build *b, int qidx, struct question *q, int line)
{
	lua_State *L = b->h->L;
	lua_Integer n;
	struct qoption *o;

	if (lua_getfield(L, qidx, "options") != LUA_TTABLE) {
		if (kind_ops(q->kind)->options)
			lhost_cerr(b, line, "missing required field: 'options' (for kind '%s')",
				   qkind_name(q->kind));
		lua_pop(L, 1);
		return;
	}
	n = lhost_rawlen(L, -1);
	if (n < 1 || n > DILIGO_MAX_QUESTION_OPTIONS) {
		lhost_cerr(b, line, "'options' must list from 1 to %d options", DILIGO_MAX_QUESTION_OPTIONS);
		lua_pop(L, 1);
		return;
	}
	q->opts = o = arena_alloc(b->p->arena, (size_t)n * sizeof *o);
	for (lua_Integer i = 1; i <= n; i++, q->nopts++) {
		int t = lua_geti(L, -1, i);

		if (t == LUA_TSTRING) {
			o[i - 1].value = lhost_copy_text(L, b->p->arena, -1, DILIGO_MAX_TEXT_BYTES);
			o[i - 1].label = o[i - 1].value;
		} else if (t == LUA_TTABLE) {
			int top = lua_gettop(L);

			o[i - 1].value = lhost_sfield(b, top, "value", true, line);
			o[i - 1].label = lhost_sfield(b, top, "label", false, line);
			if (!o[i - 1].label)
				o[i - 1].label = o[i - 1].value;
			if (lua_getfield(L, top, "score") != LUA_TNIL) {
				double s = lua_tonumber(L, -1);

				if (!lua_isnumber(L, -1) || s < 0 || s > 1)
					lhost_cerr(b, line,
						   "option score must be a number from 0 to 1");
				o[i - 1].score = s;
				o[i - 1].has_score = true;
			}
			lua_pop(L, 1);
		} else {
			lhost_cerr(b, line, "options[%d] must be a string or a table", (int)i);
		}
		if (!o[i - 1].value)
			o[i - 1].value = o[i - 1].label = "";
		if (!strcmp(o[i - 1].value, "unknown") || !strcmp(o[i - 1].value, "na"))
			lhost_cerr(b, line, "option '%s' is an answer every question takes (%s): remove "
				   "it from 'options'", o[i - 1].value,
				   o[i - 1].value[0] == 'u' ? "a gap, that rules see as \"unknown\""
							    : "where na_when allows it");
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
}

static void number_bound(struct build *b, int qidx, const char *key, double *v, bool *has,
			 int line)
{
	lua_State *L = b->h->L;
	int t = lua_getfield(L, qidx, key);

	if (t == LUA_TNUMBER) {
		*v = lua_tonumber(L, -1);
		*has = true;
	} else if (t != LUA_TNIL) {
		lhost_cerr(b, line, "field '%s' must be a number", key);
	}
	lua_pop(L, 1);
}

static int cmp_cond(const void *x, const void *y)
{
	const struct na_cond *a = x, *b = y;

	if (!a->qid || !b->qid)
		return !a->qid - !b->qid;
	return strcmp(a->qid, b->qid);
}

/* [-0, +0] one value of an na_when condition at the top, as text. */
static const char *cond_value(struct build *b, int line, const char *key)
{
	lua_State *L = b->h->L;

	if (lua_type(L, -1) == LUA_TNUMBER) {
		char buf[64];

		snprintf(buf, sizeof buf, "%.17g", lua_tonumber(L, -1));
		return arena_strdup(b->p->arena, buf);
	}
	if (lua_type(L, -1) == LUA_TSTRING)
		return arena_strdup(b->p->arena, lua_tostring(L, -1));
	lhost_cerr(b, line, "na_when['%s'] must be an answer value or a list of them", key);
	return NULL;
}

/* na_when = { ["question.id"] = value | { value, ... } | { none_of = { value, ... } },
 * small = true }:
 * when the question does not apply. The ids and values are checked once
 * the whole composition is known (lhost_check_conditions). */
static void na_when_field(struct build *b, int qidx, struct question *q, int line)
{
	lua_State *L = b->h->L;
	struct na_cond *conds;
	int n = 0;

	if (lua_getfield(L, qidx, "na_when") == LUA_TNIL) {
		lua_pop(L, 1);
		return;
	}
	if (!lua_istable(L, -1)) {
		lhost_cerr(b, line, "field 'na_when' must be a table of conditions");
		lua_pop(L, 1);
		return;
	}
	conds = arena_alloc(b->p->arena, DILIGO_MAX_CONDITIONS * sizeof *conds);
	lua_pushnil(L);
	while (lua_next(L, -2)) {
		const char *key = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
		struct na_cond *c = &conds[n];

		if (!key || n == DILIGO_MAX_CONDITIONS) {
			lhost_cerr(b, line, "na_when: keys are question ids or 'small' (at most %d)",
				   DILIGO_MAX_CONDITIONS);
			lua_pop(L, 1);
			continue;
		}
		memset(c, 0, sizeof *c);
		if (!strcmp(key, "small")) {
			if (lua_type(L, -1) != LUA_TBOOLEAN || !lua_toboolean(L, -1))
				lhost_cerr(b, line, "na_when.small must be true");
			c->question = -1;
			n++;
		} else if (lua_istable(L, -1)) {
			lua_Integer len;

			if (lua_getfield(L, -1, "none_of") == LUA_TTABLE) {
				c->none_of = true;
				lua_remove(L, -2); /* the none_of list stands for the value */
			} else {
				lua_pop(L, 1);
			}
			len = luaL_len(L, -1);
			c->qid = arena_strdup(b->p->arena, key);
			c->values = arena_alloc(b->p->arena, (size_t)(len > 0 ? len : 1) * sizeof *c->values);
			for (lua_Integer i = 1; i <= len && i <= DILIGO_MAX_QUESTION_OPTIONS; i++) {
				lua_geti(L, -1, i);
				if ((c->values[c->nvalues] = cond_value(b, line, key)))
					c->nvalues++;
				lua_pop(L, 1);
			}
			if (!c->nvalues)
				lhost_cerr(b, line, "na_when['%s'] lists no value", key);
			n++;
		} else {
			c->qid = arena_strdup(b->p->arena, key);
			c->values = arena_alloc(b->p->arena, sizeof *c->values);
			if ((c->values[0] = cond_value(b, line, key)))
				c->nvalues = 1;
			n++;
		}
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
	if (!n)
		lhost_cerr(b, line, "field 'na_when' lists no condition");
	qsort(conds, (size_t)n, sizeof *conds, cmp_cond);
	q->na_when = conds;
	q->nna_when = n;
}

void lhost_question_read(struct build *b, int qidx, const char *module, const char *title)
{
	lua_State *L = b->h->L;
	struct question *q = &b->p->questions[b->p->nquestions];
	const char *kind;
	int line = b->specline;
	char what[200];

	memset(q, 0, sizeof *q);
	q->id = lhost_sfield(b, qidx, "id", true, line);
	if (!q->id)
		return;
	line = lhost_id_line(b, q->id);
	snprintf(what, sizeof what, "question '%s'", q->id);
	b->what = what;
	q->line = line;
	q->file = lhost_files(b->h)->f[b->file].path;
	q->module = module;
	lhost_check_fields(b, qidx, question_fields, line);
	lhost_compose_check_prefix(b, "question", q->id, module, line);
	q->text = lhost_sfield(b, qidx, "text", true, line);
	q->help = lhost_sfield(b, qidx, "help", false, line);
	q->section = lhost_sfield(b, qidx, "section", false, line);
	if (!q->section)
		q->section = title;
	q->unit = lhost_sfield(b, qidx, "unit", false, line);
	kind = lhost_sfield(b, qidx, "kind", true, line);
	if (kind && qkind_parse(kind) < 0) {
		char names[256];

		lhost_cerr(b, line, "unknown kind '%s' (%s)", kind, kind_names(names, sizeof names));
	}
	q->kind = kind && qkind_parse(kind) >= 0 ? (enum qkind)qkind_parse(kind) : QK_TEXT;
	q->weight = 1;
	if (lua_getfield(L, qidx, "weight") != LUA_TNIL) {
		q->weight = lua_tonumber(L, -1);
		if (!lua_isnumber(L, -1) || !(q->weight > 0 && q->weight <= 100))
			lhost_cerr(b, line,
				   "field 'weight' must be a number above 0 and at most 100");
	}
	lua_pop(L, 1);
	lua_getfield(L, qidx, "required");
	q->required = lua_toboolean(L, -1);
	lua_pop(L, 1);
	lua_getfield(L, qidx, "evidence");
	q->evidence = lua_toboolean(L, -1);
	lua_pop(L, 1);
	na_when_field(b, qidx, q, line);
	lhost_compose_duties(b, qidx, (const char ***)&q->duties, &q->nduties, line);
	options_field(b, qidx, q, line);
	number_bound(b, qidx, "min", &q->min, &q->has_min, line);
	number_bound(b, qidx, "max", &q->max, &q->has_max, line);
	if (lua_getfield(L, qidx, "score") == LUA_TFUNCTION) {
		q->has_score_fn = true;
		lhost_compose_keep_ref(b, "scores", b->p->nquestions);
	} else {
		if (!lua_isnil(L, -1))
			lhost_cerr(b, line, "field 'score' must be a function");
		lua_pop(L, 1);
	}
	q->informational = !q->has_score_fn && !kind_ops(q->kind)->scored(q);
	if (lhost_compose_seen_id(b, "question", q->id, line)) {
		lua_rawgeti(L, LUA_REGISTRYINDEX, b->h->packs[b->h->npacks].ref);
		lua_getfield(L, -1, "known");
		lua_pushinteger(L, b->p->nquestions);
		lua_setfield(L, -2, q->id);
		lua_pop(L, 2);
		b->p->nquestions++;
	}
	b->what = NULL;
}


/* The file index of a path the build recorded (questions keep the pointer). */
static int file_of(struct build *b, const char *path)
{
	struct files *fs = lhost_files(b->h);

	for (int i = 0; i < fs->n; i++)
		if (fs->f[i].path == path)
			return i;
	return -1;
}

/* One value of a condition on question ref: an answer ref can have. */
static bool valid_cond_value(const struct question *ref, const char *v, double *num)
{
	static const char *const maturity[] = { "yes", "partial", "no" };

	switch (kind_ops(ref->kind)->lua) {
	case KIND_LUA_NUMBER:
		return text_parse_number(v, num);
	case KIND_LUA_LIST:
		return kind_find_option(ref, v) != NULL;
	case KIND_LUA_STRING:
		if (kind_ops(ref->kind)->options)
			return kind_find_option(ref, v) != NULL;
		if (ref->kind == QK_MATURITY) {
			for (int i = 0; i < 3; i++)
				if (!strcmp(v, maturity[i]))
					return true;
			return false;
		}
		return true;
	}
	return false;
}

void lhost_check_conditions(struct build *b)
{
	struct pack *p = b->p;
	const char *bad = NULL;
	const struct question *q;
	char what[200];

	while ((q = pack_resolve(p, &bad))) {
		b->file = file_of(b, q->file);
		lhost_cerr(b, q->line, "question '%s': na_when names no question '%s' in this pack",
			   q->id, bad);
		for (int k = 0; k < q->nna_when; k++)
			((struct na_cond *)q->na_when)[k].qid = NULL;
	}
	for (int i = 0; i < p->nquestions; i++) {
		q = &p->questions[i];
		snprintf(what, sizeof what, "question '%s'", q->id);
		for (int k = 0; k < q->nna_when; k++) {
			struct na_cond *c = (struct na_cond *)&q->na_when[k];
			const struct question *ref;
			double *nums;

			if (c->question < 0)
				continue;
			ref = &p->questions[c->question];
			c->nums = nums = arena_alloc(p->arena, (size_t)(c->nvalues ? c->nvalues : 1) *
							      sizeof *nums);
			for (int j = 0; j < c->nvalues; j++)
				if (!valid_cond_value(ref, c->values[j], &nums[j])) {
					b->file = file_of(b, q->file);
					b->what = what;
					lhost_cerr(b, q->line, "na_when['%s']: '%s' is not an answer of %s "
						   "(a %s question)", c->qid, c->values[j], c->qid,
						   qkind_name(ref->kind));
					b->what = NULL;
				}
		}
	}
}
