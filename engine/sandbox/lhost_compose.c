/* Composing a pack: the table a sector{} or module{} file returns, with the
 * modules it lists, read field by field into struct pack (questions, rules,
 * the Lua files it came from) and checked against the contract of
 * docs/plugin-api.md. The Lua values C does not keep (when and score
 * functions, tests) go into the pack's Lua table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "kind.h"
#include "lhost_int.h"
#include "text.h"

static const char *duty_at(const void *cat, int i)
{
	return ((const struct pack *)cat)->duties[i].id;
}

static const char *closest_duty(const struct pack *cat, const char *id)
{
	return text_nearest(id, cat->nduties, duty_at, cat);
}

/* duties = { "id", ... }: each one in the catalogue. */
static void duties_field(struct build *b, int idx, const char ***out, int *n, int line)
{
	lua_State *L = b->h->L;
	const struct pack *cat = b->h->catalogue;
	const char *hint;
	lua_Integer len;

	if (lua_getfield(L, idx, "duties") != LUA_TTABLE) {
		lhost_cerr(b, line, "missing required field: 'duties' (a list of duty ids)");
		lua_pop(L, 1);
		return;
	}
	len = lhost_rawlen(L, -1);
	if (len < 1 || len > DILIGO_MAX_DUTIES_CITED) {
		lhost_cerr(b, line, "'duties' must list from 1 to %d duty ids",
			   DILIGO_MAX_DUTIES_CITED);
		lua_pop(L, 1);
		return;
	}
	lhost_charge(L, len, "loading"); /* a lookup each, in C */
	*out = arena_alloc(b->p->arena, (size_t)len * sizeof **out);
	for (lua_Integer i = 1; i <= len; i++) {
		const char *id;

		if (lua_geti(L, -1, i) != LUA_TSTRING) {
			lhost_cerr(b, line, "duties[%d] is not a string", (int)i);
		} else if (lua_rawlen(L, -1) > DILIGO_MAX_ID) {
			lhost_cerr(b, line, "duties[%d] is longer than %d characters", (int)i,
				   DILIGO_MAX_ID);
		} else if (!lhost_find_duty(b, id = lua_tostring(L, -1), &hint)) {
			const char *near =
				b->nerrs < DILIGO_MAX_DIAGS ? closest_duty(cat, id) : NULL;

			if (hint)
				lhost_cerr(b, line, "%s", hint);
			else if (near)
				lhost_cerr(b, line, "unknown duty id '%s' (did you mean '%s'?)", id,
					   near);
			else
				lhost_cerr(b, line, "unknown duty id '%s' (see diligo duties)", id);
		} else {
			(*out)[(*n)++] = pack_find_duty(cat, id)->id;
		}
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
}

static const char *const question_fields[] = {
	"id", "kind", "weight", "required", "section", "text", "help", "duties", "options",
	"min", "max", "unit", "score", "evidence", "na_when", NULL,
};
static const char *const rule_fields[] = {
	"id", "title", "duties", "severity", "likelihood", "red_flag", "impact", "action", "when",
	"unknown", "group", "risks", "reads", NULL,
};
static const char *const part_fields[] = {
	"id", "title", "version", "authors", "license", "description", "modules", "questions",
	"rules", "tests", "tailoring", "extends", NULL,
};
static const char *const severity_fields[] = { "scale", "scope", "irremediable", NULL };

/* Ids carry their module's name, so a reader knows where to look. */
static void check_prefix(struct build *b, const char *kind, const char *id, const char *part,
			 int line)
{
	size_t n = part ? strlen(part) : 0;

	if (part && (strncmp(id, part, n) || id[n] != '.'))
		lhost_cerr(b, line, "%s id '%s' must start with '%s.'", kind, id, part);
}

/* Store value at top in the pack's Lua table under list[key][i]. [-1, +0] */
static void keep_ref(struct build *b, const char *list, int i)
{
	lua_State *L = b->h->L;

	lua_rawgeti(L, LUA_REGISTRYINDEX, b->h->packs[b->h->npacks].ref); /* [v, P] */
	lua_getfield(L, -1, list); /* [v, P, list] */
	lua_pushvalue(L, -3);
	lua_rawseti(L, -2, i + 1);
	lua_pop(L, 3);
}

static bool seen_id(struct build *b, const char *kind, const char *id, int line)
{
	lua_State *L = b->h->L;
	bool dup;

	lua_rawgeti(L, LUA_REGISTRYINDEX, b->h->packs[b->h->npacks].ref);
	lua_getfield(L, -1, kind); /* [P, seen] */
	dup = lua_getfield(L, -1, id) != LUA_TNIL;
	if (dup)
		lhost_cerr(b, line, "duplicate %s id '%s' (first defined at %s)", kind, id,
			   lua_tostring(L, -1));
	lua_pop(L, 1);
	if (!dup) {
		struct files *fs = lhost_files(b->h);

		lua_pushfstring(L, "%s:%d", b->file >= 0 ? fs->f[b->file].path : "?", line);
		lua_setfield(L, -2, id);
	}
	lua_pop(L, 2);
	return !dup;
}

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

static void read_question(struct build *b, int qidx, const char *module, const char *title)
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
	check_prefix(b, "question", q->id, module, line);
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
	duties_field(b, qidx, (const char ***)&q->duties, &q->nduties, line);
	options_field(b, qidx, q, line);
	number_bound(b, qidx, "min", &q->min, &q->has_min, line);
	number_bound(b, qidx, "max", &q->max, &q->has_max, line);
	if (lua_getfield(L, qidx, "score") == LUA_TFUNCTION) {
		q->has_score_fn = true;
		keep_ref(b, "scores", b->p->nquestions);
	} else {
		if (!lua_isnil(L, -1))
			lhost_cerr(b, line, "field 'score' must be a function");
		lua_pop(L, 1);
	}
	q->informational = !q->has_score_fn && !kind_ops(q->kind)->scored(q);
	if (seen_id(b, "question", q->id, line)) {
		lua_rawgeti(L, LUA_REGISTRYINDEX, b->h->packs[b->h->npacks].ref);
		lua_getfield(L, -1, "known");
		lua_pushinteger(L, b->p->nquestions);
		lua_setfield(L, -2, q->id);
		lua_pop(L, 2);
		b->p->nquestions++;
	}
	b->what = NULL;
}

/* unknown = "ask" | "assume", group = "name", risks = { "column", ... } */
static void rule_unknown_group_risks(struct build *b, int ridx, struct rule *r, int line)
{
	lua_State *L = b->h->L;
	const char *unknown = lhost_sfield(b, ridx, "unknown", false, line);

	if (unknown && strcmp(unknown, "ask") && strcmp(unknown, "assume"))
		lhost_cerr(b, line, "field 'unknown' must be \"ask\" or \"assume\"");
	r->assume_unknown = unknown && !strcmp(unknown, "assume");
	r->group = lhost_sfield(b, ridx, "group", false, line);
	if (r->group && !lhost_valid_name(r->group))
		lhost_cerr(b, line, "group '%s' must be lowercase letters, digits and _", r->group);
	if (lua_getfield(L, ridx, "risks") == LUA_TTABLE) {
		lua_Integer n = luaL_len(L, -1);

		if (n < 1 || n > DILIGO_MAX_CONDITIONS)
			lhost_cerr(b, line, "'risks' must list from 1 to %d country-risk columns",
				   DILIGO_MAX_CONDITIONS);
		r->risks = arena_alloc(b->p->arena, (size_t)(n > 0 ? n : 1) * sizeof *r->risks);
		for (lua_Integer i = 1; i <= n && i <= DILIGO_MAX_CONDITIONS; i++) {
			if (lua_geti(L, -1, i) == LUA_TSTRING && lhost_valid_name(lua_tostring(L, -1)))
				r->risks[r->nrisks++] = arena_strdup(b->p->arena, lua_tostring(L, -1));
			else
				lhost_cerr(b, line, "risks[%d] must be a column name (lowercase letters, "
					   "digits and _)", (int)i);
			lua_pop(L, 1);
		}
	} else if (!lua_isnil(L, -1)) {
		lhost_cerr(b, line, "field 'risks' must be a list of country-risk columns");
	}
	lua_pop(L, 1);
}

static void read_rule(struct build *b, int ridx, const char *module)
{
	lua_State *L = b->h->L;
	struct rule *r = &b->p->rules[b->p->nrules];
	const char *impact;
	int line = b->specline;
	char what[200];

	memset(r, 0, sizeof *r);
	r->id = lhost_sfield(b, ridx, "id", true, line);
	if (!r->id)
		return;
	line = lhost_id_line(b, r->id);
	snprintf(what, sizeof what, "rule '%s'", r->id);
	b->what = what;
	r->line = line;
	r->file = lhost_files(b->h)->f[b->file].path;
	r->module = module;
	lhost_check_fields(b, ridx, rule_fields, line);
	check_prefix(b, "rule", r->id, module, line);
	r->title = lhost_sfield(b, ridx, "title", true, line);
	r->action = lhost_sfield(b, ridx, "action", true, line);
	duties_field(b, ridx, (const char ***)&r->duties, &r->nduties, line);
	if (lua_getfield(L, ridx, "severity") == LUA_TTABLE) {
		int s = lua_gettop(L);

		lhost_check_fields(b, s, severity_fields, line);
		lhost_ifield(b, s, "scale", 1, 5, &r->scale, true, line);
		lhost_ifield(b, s, "scope", 1, 5, &r->scope, true, line);
		lhost_ifield(b, s, "irremediable", 1, 5, &r->irremediable, true, line);
	} else {
		lhost_cerr(b, line, "missing required field: 'severity' ({ scale =, scope =, "
			   "irremediable = }, each 1-5)");
	}
	lua_pop(L, 1);
	lhost_ifield(b, ridx, "likelihood", 1, 5, &r->likelihood, true, line);
	lua_getfield(L, ridx, "red_flag");
	r->red_flag = lua_toboolean(L, -1);
	lua_pop(L, 1);
	impact = lhost_sfield(b, ridx, "impact", false, line);
	if (impact && strcmp(impact, "potential") && strcmp(impact, "actual"))
		lhost_cerr(b, line, "field 'impact' must be \"potential\" or \"actual\"");
	r->actual = impact && !strcmp(impact, "actual");
	rule_unknown_group_risks(b, ridx, r, line);
	lhost_rule_reads(b, ridx, r, line);
	if (lua_getfield(L, ridx, "when") != LUA_TFUNCTION) {
		lhost_cerr(b, line,
			   "missing required field: 'when' (a function of answers and context)");
		lua_pop(L, 1);
	} else {
		keep_ref(b, "rules", b->p->nrules);
	}
	if (seen_id(b, "rule", r->id, line))
		b->p->nrules++;
	b->what = NULL;
}

static void grow(struct build *b, int nq, int nr)
{
	if (b->p->nquestions + nq > b->qcap) {
		struct question *q;

		b->qcap = (b->p->nquestions + nq) * 2;
		q = arena_alloc(b->p->arena, (size_t)b->qcap * sizeof *q);
		if (b->p->nquestions)
			memcpy(q, b->p->questions, (size_t)b->p->nquestions * sizeof *q);
		b->p->questions = q;
	}
	if (b->p->nrules + nr > b->rcap) {
		struct rule *r;

		b->rcap = (b->p->nrules + nr) * 2;
		r = arena_alloc(b->p->arena, (size_t)b->rcap * sizeof *r);
		if (b->p->nrules)
			memcpy(r, b->p->rules, (size_t)b->p->nrules * sizeof *r);
		b->p->rules = r;
	}
}

static void read_list(struct build *b, int sidx, const char *key, const char *module,
		      const char *title)
{
	lua_State *L = b->h->L;
	lua_Integer n;
	int t = lua_getfield(L, sidx, key);

	if (t == LUA_TNIL) {
		lua_pop(L, 1);
		return;
	}
	if (t != LUA_TTABLE) {
		lhost_cerr(b, b->specline, "field '%s' must be a list", key);
		lua_pop(L, 1);
		return;
	}
	n = lhost_rawlen(L, -1);
	if (n > DILIGO_MAX_LIST)
		luaL_error(L, "field '%s' lists more than %d entries", key, DILIGO_MAX_LIST);
	grow(b, key[0] == 'q' ? (int)n : 0, key[0] == 'r' ? (int)n : 0);
	lhost_seek_field(b, key);
	for (lua_Integer i = 1; i <= n; i++) {
		lua_geti(L, -1, i);
		lhost_unwrap(L, -1);
		if (!lua_istable(L, -1))
			lhost_cerr(b, b->specline, "%s[%d] must be a table", key, (int)i);
		else if (key[0] == 'q')
			read_question(b, lua_gettop(L), module, title);
		else
			read_rule(b, lua_gettop(L), module);
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
}

/* The questions and rules of one module or sector table at sidx. */
static void read_part(struct build *b, int sidx, const char *kind)
{
	const char *id, *title;
	int file = b->file;

	lhost_check_fields(b, sidx, part_fields, b->specline);
	id = lhost_sfield(b, sidx, "id", true, b->specline);
	title = lhost_sfield(b, sidx, "title", true, b->specline);
	if (id && !lhost_valid_name(id))
		lhost_cerr(b, b->specline, "%s id '%s' must be lowercase letters, digits and _",
			   kind, id);
	read_list(b, sidx, "questions", id, title ? title : id);
	read_list(b, sidx, "rules", id, title ? title : id);
	b->file = file;
}

static void record_files(struct build *b, int file)
{
	struct files *fs = lhost_files(b->h);
	struct pack *p = b->p;

	for (int i = 0; i < p->nfiles; i++)
		if (!strcmp(p->files[i].path, fs->f[file].path))
			return;
	p->files[p->nfiles].path = fs->f[file].path;
	memcpy(p->files[p->nfiles].sha256, fs->f[file].sha256, 65);
	p->files[p->nfiles].bundled = fs->f[file].bundled;
	p->trusted &= fs->f[file].bundled;
	p->nfiles++;
	for (int i = 0; i < fs->f[file].ndeps; i++)
		record_files(b, fs->f[file].deps[i]);
}

/* What the table at idx contributes, in order: the sector it extends, its
 * modules, its own questions and rules, then its tailoring. */
static void compose_table(struct build *b, int idx, const char *kind, int depth)
{
	lua_State *L = b->h->L;
	int file = b->file, line = b->specline;
	bool sector = !strcmp(kind, "sector");

	if (!sector)
		lhost_module_extras(b, idx, line);
	if (sector && lhost_extends(b, idx, depth)) { /* [base] */
		compose_table(b, lua_gettop(L), "sector", depth + 1);
		lua_pop(L, 1);
		b->file = file;
		b->specline = line;
	}
	if (lua_getfield(L, idx, "modules") == LUA_TTABLE) {
		lua_Integer n = lhost_rawlen(L, -1);

		for (lua_Integer i = 1; i <= n && i <= DILIGO_MAX_MODULES; i++) {
			const char *mk = NULL;

			lua_geti(L, -1, i);
			lhost_unwrap(L, -1); /* require returned a read-only proxy */
			if (!lua_istable(L, -1) || !lhost_mark_info(b, lua_gettop(L), &mk) ||
			    strcmp(mk, "module")) {
				b->file = file;
				lhost_cerr(b, line, "modules[%d] is not a module (use "
					   "require \"name\" of a file returning module { ... })",
					   (int)i);
			} else if (!lhost_module_seen(b, lua_gettop(L))) {
				lhost_module_extras(b, lua_gettop(L), b->specline);
				read_part(b, lua_gettop(L), "module");
			}
			lua_pop(L, 1);
		}
	} else if (!lua_isnil(L, -1)) {
		lhost_cerr(b, line, "field 'modules' must be a list");
	}
	lua_pop(L, 1);
	b->file = file;
	b->specline = line;
	read_part(b, idx, kind);
	b->file = file;
	b->specline = line;
	if (sector)
		lhost_tailor(b, idx, lhost_sfield(b, idx, "id", false, line));
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

int lhost_compose(lua_State *L)
{
	struct build *b = lua_touserdata(L, 2);
	struct pack *p = b->p;
	const char *kind = NULL;
	int root_file, root_line;

	if (lua_istable(L, 1) && lhost_mark_info(b, 1, &kind) && !strcmp(kind, "framework")) {
		lhost_framework_check(b, 1); /* a catalogue extension, not a pack */
		if (!b->nerrs) {
			b->helper = true;
			b->h->loaded_kind = "framework";
			lhost_cerr(b, 0, "a framework file is not a pack");
		}
		return 0;
	}
	if (!lua_istable(L, 1) || !lhost_mark_info(b, 1, &kind) || !strcmp(kind, "catalogue") ||
	    !strcmp(kind, "helper")) {
		b->helper = kind != NULL; /* the catalogue or a helper module: not a pack */
		b->h->loaded_kind = kind && !strcmp(kind, "catalogue") ? "catalogue" : "helper";
		lhost_not_a_pack(b, kind);
		return 0;
	}
	root_file = b->root = b->file;
	root_line = b->specline;
	p->id = lhost_sfield(b, 1, "id", true, root_line);
	p->title = lhost_sfield(b, 1, "title", true, root_line);
	p->sector = !strcmp(kind, "sector");
	p->version = lhost_sfield(b, 1, "version", p->sector, root_line);
	p->license = lhost_sfield(b, 1, "license", false, root_line);
	p->description = lhost_sfield(b, 1, "description", false, root_line);
	compose_table(b, 1, kind, 0);
	lhost_check_reads(b);
	b->file = root_file;
	b->specline = root_line;
	lua_getfield(L, 1, "tests");
	keep_ref(b, "tests", 0);
	p->files = arena_alloc(p->arena, DILIGO_MAX_PACK_FILES * sizeof *p->files);
	p->trusted = true; /* until a file that is not bundled */
	record_files(b, root_file);
	record_files(b, 0); /* the catalogue */
	return 0;
}
