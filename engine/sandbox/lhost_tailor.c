/* Tailoring: how a sector changes what the modules it reuses (and the
 * sector it extends) contribute, and nothing else can — those tables are
 * read-only to it (lhost_freeze_from). A sector's `tailoring` list drops
 * questions or rules, or overrides a question's weight or a rule's severity
 * and likelihood, each with a reason; the changes are applied to the
 * composition here and recorded in struct pack for the Method sheet and the
 * JSON output. Rules declare the questions they read (`reads`): a kept rule
 * must not read a dropped question, and the tests check the declaration
 * (lhost_check_read). See docs/plugin-api.md, "Tailoring". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "lhost_int.h"
#include "text.h"

static const char *const tailor_fields[] = {
	"drop", "question", "rule", "weight", "severity", "likelihood", "reason", NULL,
};
static const char *const severity_fields[] = { "scale", "scope", "irremediable", NULL };

/* ---- reads ----------------------------------------------------------- */

void lhost_rule_reads(struct build *b, int ridx, struct rule *r, int line)
{
	lua_State *L = b->h->L;
	lua_Integer n;

	if (lua_getfield(L, ridx, "reads") == LUA_TNIL) {
		lua_pop(L, 1);
		return;
	}
	lhost_unwrap(L, -1);
	if (!lua_istable(L, -1) || (n = lhost_rawlen(L, -1)) < 1 ||
	    n > DILIGO_MAX_FINDING_QUESTIONS) {
		lhost_cerr(b, line, "field 'reads' must list from 1 to %d question ids",
			   DILIGO_MAX_FINDING_QUESTIONS);
		lua_pop(L, 1);
		return;
	}
	r->reads = arena_alloc(b->p->arena, (size_t)n * sizeof *r->reads);
	for (lua_Integer i = 1; i <= n; i++) {
		if (lua_geti(L, -1, i) == LUA_TSTRING && lua_rawlen(L, -1) <= DILIGO_MAX_ID)
			r->reads[r->nreads++] = arena_strdup(b->p->arena, lua_tostring(L, -1));
		else
			lhost_cerr(b, line, "reads[%d] is not a question id", (int)i);
		lua_pop(L, 1);
	}
	r->has_reads = true;
	lua_pop(L, 1);
}

/* While tests run, a rule that declares `reads` may read nothing else. */
void lhost_check_read(lua_State *L, struct lhost *h, int qi)
{
	const struct pack *p = h->reads_check;
	const struct rule *r = NULL;
	const char *id;

	if (!p || !h->current_rule || qi < 0 || qi >= p->nquestions)
		return;
	for (int i = 0; i < p->nrules && !r; i++)
		if (p->rules[i].id == h->current_rule)
			r = &p->rules[i];
	if (!r || !r->has_reads)
		return;
	id = p->questions[qi].id;
	for (int i = 0; i < r->nreads; i++)
		if (!strcmp(r->reads[i], id))
			return;
	luaL_error(L, "reads '%s', which the rule's 'reads' does not list", id);
}

/* ---- the composition so far ----------------------------------------- */

struct target {
	const char *what; /* "question" or "rule" */
	int index;
	const char *module, *file;
	int line;
};

static bool find_target(struct build *b, const char *id, const char *want, struct target *t)
{
	struct pack *p = b->p;

	if (!want || !strcmp(want, "question"))
		for (int i = 0; i < p->nquestions; i++)
			if (!strcmp(p->questions[i].id, id)) {
				*t = (struct target){ "question", i, p->questions[i].module,
						      p->questions[i].file, p->questions[i].line };
				return true;
			}
	if (!want || !strcmp(want, "rule"))
		for (int i = 0; i < p->nrules; i++)
			if (!strcmp(p->rules[i].id, id)) {
				*t = (struct target){ "rule", i, p->rules[i].module, p->rules[i].file,
						      p->rules[i].line };
				return true;
			}
	return false;
}

static const char *question_at(const void *ctx, int i)
{
	return ((const struct pack *)ctx)->questions[i].id;
}

static const char *rule_at(const void *ctx, int i)
{
	return ((const struct pack *)ctx)->rules[i].id;
}

/* "no question 'x' among the modules this sector reuses" with a did-you-mean */
static void no_target(struct build *b, int line, const char *id, const char *want)
{
	bool q = want[0] == 'q';
	const char *near = text_nearest(id, q ? b->p->nquestions : b->p->nrules,
					q ? question_at : rule_at, b->p);

	lhost_cerr(b, line, "no %s '%s' among the modules this sector reuses%s%s%s", want, id, near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
}

/* ---- one entry ------------------------------------------------------- */

struct tlevel {
	struct tailoring *list; /* this level's records */
	int n, cap;
	bool *qdrop, *rdrop;
	const char *own; /* the sector's id: its own items are not tailored */
};

static struct tailoring *record(struct build *b, struct tlevel *lv, const char *change,
				const struct target *t, const char *id, int line)
{
	struct tailoring *x;

	if (lv->n == lv->cap) {
		struct tailoring *bigger;

		lv->cap = lv->cap ? 2 * lv->cap : 16;
		bigger = arena_alloc(b->p->arena, (size_t)lv->cap * sizeof *bigger);
		if (lv->n)
			memcpy(bigger, lv->list, (size_t)lv->n * sizeof *bigger);
		lv->list = bigger;
	}
	x = &lv->list[lv->n++];
	memset(x, 0, sizeof *x);
	x->change = change;
	x->what = t->what;
	x->target = arena_strdup(b->p->arena, id);
	x->module = t->module;
	x->file = lhost_files(b->h)->f[b->file].path;
	x->line = line;
	return x;
}

static const char *num_text(struct build *b, double v)
{
	return arena_printf(b->p->arena, "%g", v);
}

static const char *severity_text(struct build *b, const struct rule *r)
{
	return arena_printf(b->p->arena, "scale %d, scope %d, irremediable %d", r->scale, r->scope,
			    r->irremediable);
}

/* weight = w of a question */
static void tailor_question(struct build *b, struct tlevel *lv, int e, const struct target *t,
			    const char *id, const char *reason, int line)
{
	lua_State *L = b->h->L;
	struct question *q = &b->p->questions[t->index];
	struct tailoring *x;
	double w;

	if (lua_getfield(L, e, "weight") == LUA_TNIL) {
		lhost_cerr(b, line, "give the 'weight' it takes");
	} else if (!lua_isnumber(L, -1) || !((w = lua_tonumber(L, -1)) > 0 && w <= 100)) {
		lhost_cerr(b, line, "field 'weight' must be a number above 0 and at most 100");
	} else if (w == q->weight) {
		lhost_cerr(b, line, "its weight is %g already", w);
	} else {
		x = record(b, lv, "weight", t, id, line);
		x->from = num_text(b, q->weight);
		x->to = num_text(b, w);
		x->reason = reason;
		q->weight = w;
	}
	lua_pop(L, 1);
	lua_getfield(L, e, "severity");
	lua_getfield(L, e, "likelihood");
	if (!lua_isnil(L, -1) || !lua_isnil(L, -2))
		lhost_cerr(b, line, "severity and likelihood are a rule's; a question takes a "
			   "'weight'");
	lua_pop(L, 2);
}

static bool given(lua_State *L, int e, const char *key)
{
	bool yes = lua_getfield(L, e, key) != LUA_TNIL;

	lua_pop(L, 1);
	return yes;
}

/* severity = { scale =, scope =, irremediable = } (any of them) and
 * likelihood = n of a rule */
static void tailor_rule(struct build *b, struct tlevel *lv, int e, const struct target *t,
			const char *id, const char *reason, int line)
{
	lua_State *L = b->h->L;
	struct rule *r = &b->p->rules[t->index], nr = *r;
	bool sev = false, lik = false;

	if (lua_getfield(L, e, "severity") == LUA_TTABLE) {
		int s = lua_gettop(L);

		lhost_check_fields(b, s, severity_fields, line);
		sev |= lhost_ifield(b, s, "scale", 1, 5, &nr.scale, false, line);
		sev |= lhost_ifield(b, s, "scope", 1, 5, &nr.scope, false, line);
		sev |= lhost_ifield(b, s, "irremediable", 1, 5, &nr.irremediable, false, line);
	} else if (!lua_isnil(L, -1)) {
		lhost_cerr(b, line, "field 'severity' must be a table { scale =, scope =, "
			   "irremediable = }");
	}
	lua_pop(L, 1);
	lik = lhost_ifield(b, e, "likelihood", 1, 5, &nr.likelihood, false, line);
	if (given(L, e, "weight")) {
		lhost_cerr(b, line, "a rule has no weight; give its 'severity' or 'likelihood'");
		return;
	}
	if (sev && nr.scale == r->scale && nr.scope == r->scope &&
	    nr.irremediable == r->irremediable) {
		lhost_cerr(b, line, "its severity is %s already", severity_text(b, r));
		sev = false;
	}
	if (lik && nr.likelihood == r->likelihood) {
		lhost_cerr(b, line, "its likelihood is %d already", r->likelihood);
		lik = false;
	}
	if (!given(L, e, "severity") && !given(L, e, "likelihood")) {
		lhost_cerr(b, line, "give the 'severity' or 'likelihood' it takes");
		return;
	}
	if (!sev && !lik)
		return;
	if (sev) {
		struct tailoring *x = record(b, lv, "severity", t, id, line);

		x->from = severity_text(b, r);
		x->to = severity_text(b, &nr);
		x->reason = reason;
	}
	if (lik) {
		struct tailoring *x = record(b, lv, "likelihood", t, id, line);

		x->from = arena_printf(b->p->arena, "%d", r->likelihood);
		x->to = arena_printf(b->p->arena, "%d", nr.likelihood);
		x->reason = reason;
	}
	*r = nr;
}

/* The target of an entry (exactly one of question and rule) and the line
 * where it is written. */
static const char *entry_target(struct build *b, int e, const char **key, int *line)
{
	static const char *const keys[] = { "question", "rule" };
	lua_State *L = b->h->L;
	const char *id = NULL;
	int n = 0;

	for (int i = 0; i < 2; i++) {
		int t = lua_getfield(L, e, keys[i]);

		if (t != LUA_TNIL)
			n++;
		if (t == LUA_TSTRING && lua_rawlen(L, -1) > DILIGO_MAX_ID) {
			lhost_cerr(b, *line, "tailoring: field '%s' is longer than %d characters",
				   keys[i], DILIGO_MAX_ID);
		} else if (t == LUA_TSTRING && !id) {
			id = arena_strdup(b->p->arena, lua_tostring(L, -1));
			*key = keys[i];
			*line = lhost_id_line_at(b, keys[i], id);
		} else if (t != LUA_TNIL && t != LUA_TSTRING) {
			lhost_cerr(b, *line, "tailoring: field '%s' must be a %s id", keys[i], keys[i]);
		}
		lua_pop(L, 1);
	}
	if (n != 1) {
		lhost_cerr(b, *line, "tailoring: each entry names one question (question = \"id\") "
			   "or one rule (rule = \"id\")");
		return NULL;
	}
	return id;
}

/* A reason a reviewer can read: not empty, not blank. */
static const char *entry_reason(struct build *b, int e, int line)
{
	const char *reason = lhost_sfield(b, e, "reason", false, line);
	const char *s = reason;

	while (s && (*s == ' ' || *s == '\t' || *s == '\n'))
		s++;
	if (!s || !*s) {
		if (!reason)
			lhost_cerr(b, line, "missing required field: 'reason' (say why the sector "
				   "changes what it reuses)");
		else
			lhost_cerr(b, line, "field 'reason' is empty");
		return NULL;
	}
	return reason;
}

/* Whether the entry may change t: not the sector's own, not twice. */
static bool changeable(struct build *b, struct tlevel *lv, const struct target *t,
		       const char *id, int line)
{
	if (lv->own && t->module && !strcmp(t->module, lv->own)) {
		lhost_cerr(b, line, "it is this sector's own %s: change it where it is defined "
			   "(%s:%d)", t->what, t->file, t->line);
		return false;
	}
	if (t->what[0] == 'q' ? lv->qdrop[t->index] : lv->rdrop[t->index]) {
		lhost_cerr(b, line, "it is dropped above");
		return false;
	}
	for (int i = 0; i < lv->n; i++)
		if (!strcmp(lv->list[i].target, id) && !strcmp(lv->list[i].what, t->what)) {
			lhost_cerr(b, line, "tailored twice (first at line %d)", lv->list[i].line);
			return false;
		}
	return true;
}

/* drop = true: nothing else to change */
static void tailor_drop(struct build *b, struct tlevel *lv, int e, const struct target *t,
			const char *id, const char *reason, int line)
{
	static const char *const changes[] = { "weight", "severity", "likelihood" };

	for (int i = 0; i < 3; i++)
		if (given(b->h->L, e, changes[i])) {
			lhost_cerr(b, line, "a dropped %s takes no '%s'", t->what, changes[i]);
			return;
		}
	(t->what[0] == 'q' ? lv->qdrop : lv->rdrop)[t->index] = true;
	record(b, lv, "drop", t, id, line)->reason = reason;
}

static void apply_entry(struct build *b, struct tlevel *lv, int e, const char *key,
			const char *id, int line)
{
	lua_State *L = b->h->L;
	const char *reason = entry_reason(b, e, line);
	struct target t;
	int dt = lua_getfield(L, e, "drop");
	bool drop = lua_toboolean(L, -1);

	lua_pop(L, 1);
	if (!find_target(b, id, key, &t)) {
		no_target(b, line, id, key);
		return;
	}
	if (dt != LUA_TNIL && (dt != LUA_TBOOLEAN || !drop)) {
		lhost_cerr(b, line, "field 'drop' must be true");
		return;
	}
	if (!changeable(b, lv, &t, id, line) || !reason)
		return;
	if (drop)
		tailor_drop(b, lv, e, &t, id, reason, line);
	else if (key[0] == 'q')
		tailor_question(b, lv, e, &t, id, reason, line);
	else
		tailor_rule(b, lv, e, &t, id, reason, line);
}

static void tailor_entry(struct build *b, struct tlevel *lv, int e)
{
	const char *key = NULL, *id;
	char what[200];
	int line = b->specline;

	if (!(id = entry_target(b, e, &key, &line))) {
		lhost_check_fields(b, e, tailor_fields, line);
		return;
	}
	snprintf(what, sizeof what, "tailoring of %s '%s'", key, id);
	b->what = what;
	lhost_check_fields(b, e, tailor_fields, line);
	apply_entry(b, lv, e, key, id, line);
	b->what = NULL;
}

/* ---- dropping -------------------------------------------------------- */

/* [-0, +0] the list P[key] without the dropped entries (1-based, by index). */
static void compact_list(lua_State *L, int P, const char *key, const bool *drop, int n)
{
	int k = 0;

	lua_getfield(L, P, key); /* [old] */
	lua_newtable(L);         /* [old, new] */
	for (int i = 0; i < n; i++) {
		if (drop[i])
			continue;
		k++;
		lua_rawgeti(L, -2, i + 1);
		lua_rawseti(L, -2, k);
	}
	lua_setfield(L, P, key);
	lua_pop(L, 1);
}

/* Remove what this level dropped: from the C arrays and from the Lua
 * lists indexed like them (rules, scores) and the id -> index map (known).
 * What was dropped stays known by id in P.dropped, for the reads check. */
static void compact(struct build *b, struct tlevel *lv)
{
	lua_State *L = b->h->L;
	struct pack *p = b->p;
	int P, k = 0;

	lua_rawgeti(L, LUA_REGISTRYINDEX, b->h->packs[b->h->npacks].ref);
	P = lua_gettop(L);
	if (lua_getfield(L, P, "dropped") != LUA_TTABLE) {
		lua_pop(L, 1);
		lua_newtable(L);
		lua_pushvalue(L, -1);
		lua_setfield(L, P, "dropped");
	}
	for (int i = 0; i < lv->n; i++)
		if (!strcmp(lv->list[i].change, "drop")) {
			lua_pushfstring(L, "%s:%d", lv->list[i].file, lv->list[i].line);
			lua_setfield(L, -2, lv->list[i].target);
		}
	lua_pop(L, 1);
	compact_list(L, P, "scores", lv->qdrop, p->nquestions);
	compact_list(L, P, "rules", lv->rdrop, p->nrules);
	lua_newtable(L); /* known */
	for (int i = 0; i < p->nquestions; i++) {
		if (lv->qdrop[i])
			continue;
		p->questions[k] = p->questions[i];
		lua_pushinteger(L, k++);
		lua_setfield(L, -2, p->questions[i].id);
	}
	p->nquestions = k;
	lua_setfield(L, P, "known");
	k = 0;
	for (int i = 0; i < p->nrules; i++)
		if (!lv->rdrop[i])
			p->rules[k++] = p->rules[i];
	p->nrules = k;
	lua_pop(L, 1);
}

/* Append this level's records to the pack's list. */
static void keep_records(struct build *b, struct tlevel *lv)
{
	struct pack *p = b->p;
	struct tailoring *all;

	if (!lv->n)
		return;
	all = arena_alloc(p->arena, (size_t)(p->ntailoring + lv->n) * sizeof *all);
	if (p->ntailoring)
		memcpy(all, p->tailoring, (size_t)p->ntailoring * sizeof *all);
	memcpy(all + p->ntailoring, lv->list, (size_t)lv->n * sizeof *all);
	p->tailoring = all;
	p->ntailoring += lv->n;
}

void lhost_tailor(struct build *b, int sidx, const char *own)
{
	lua_State *L = b->h->L;
	struct tlevel lv = { .own = own };
	lua_Integer n;

	if (lua_getfield(L, sidx, "tailoring") == LUA_TNIL) {
		lua_pop(L, 1);
		return;
	}
	lhost_unwrap(L, -1);
	if (!lua_istable(L, -1) || (n = lhost_rawlen(L, -1)) > DILIGO_MAX_LIST) {
		lhost_cerr(b, b->specline, "field 'tailoring' must be a list of at most %d entries",
			   DILIGO_MAX_LIST);
		lua_pop(L, 1);
		return;
	}
	lv.qdrop = arena_alloc(b->p->arena, (size_t)(b->p->nquestions + 1) * sizeof *lv.qdrop);
	lv.rdrop = arena_alloc(b->p->arena, (size_t)(b->p->nrules + 1) * sizeof *lv.rdrop);
	memset(lv.qdrop, 0, (size_t)(b->p->nquestions + 1) * sizeof *lv.qdrop);
	memset(lv.rdrop, 0, (size_t)(b->p->nrules + 1) * sizeof *lv.rdrop);
	lhost_seek_field(b, "tailoring");
	for (lua_Integer i = 1; i <= n; i++) {
		lua_geti(L, -1, i);
		lhost_unwrap(L, -1);
		if (lua_istable(L, -1))
			tailor_entry(b, &lv, lua_gettop(L));
		else
			lhost_cerr(b, b->specline, "tailoring[%d] must be a table", (int)i);
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
	compact(b, &lv);
	keep_records(b, &lv);
}

/* ---- after the whole composition ------------------------------------ */

/* The file index of a path the build recorded. */
static int file_index(struct build *b, const char *path)
{
	struct files *fs = lhost_files(b->h);

	for (int i = 0; i < fs->n; i++)
		if (fs->f[i].path == path)
			return i;
	return -1;
}

/* Every rule's `reads` names a question of the composition; none names a
 * dropped one; when questions were dropped, every rule says what it reads. */
void lhost_check_reads(struct build *b)
{
	lua_State *L = b->h->L;
	struct pack *p = b->p;
	const struct tailoring *first_drop = NULL;
	int file = b->file, nlacking = 0;
	char lacking[400];
	size_t used = 0;

	for (int i = 0; i < p->ntailoring && !first_drop; i++)
		if (!strcmp(p->tailoring[i].change, "drop") &&
		    !strcmp(p->tailoring[i].what, "question"))
			first_drop = &p->tailoring[i];
	lua_rawgeti(L, LUA_REGISTRYINDEX, b->h->packs[b->h->npacks].ref);
	lua_getfield(L, -1, "known");
	lua_getfield(L, -2, "dropped"); /* [P, known, dropped|nil] */
	for (int i = 0; i < p->nrules; i++) {
		const struct rule *r = &p->rules[i];

		if (!r->has_reads && first_drop && nlacking++ < 3)
			used += (size_t)snprintf(lacking + used, used < sizeof lacking ?
					sizeof lacking - used : 0, "%s'%s' (%s:%d)", used ? ", " : "",
					r->id, r->file, r->line);
		for (int k = 0; k < r->nreads; k++) {
			bool known = lua_getfield(L, -2, r->reads[k]) != LUA_TNIL;

			lua_pop(L, 1);
			if (known)
				continue;
			if (lua_istable(L, -1)) {
				known = lua_getfield(L, -1, r->reads[k]) == LUA_TSTRING; /* dropped */
				lua_pop(L, 1);
			}
			if (known) {
				const struct tailoring *t = NULL;

				for (int j = 0; j < p->ntailoring && !t; j++)
					if (!strcmp(p->tailoring[j].target, r->reads[k]))
						t = &p->tailoring[j];
				b->file = t ? file_index(b, t->file) : -1;
				lhost_cerr(b, t ? t->line : 0, "tailoring drops question '%s', which "
					   "rule '%s' reads (%s:%d): drop the rule too, or keep the "
					   "question", r->reads[k], r->id, r->file, r->line);
			} else {
				b->file = file_index(b, r->file);
				lhost_cerr(b, r->line, "rule '%s': 'reads' names no question '%s' in "
					   "this pack", r->id, r->reads[k]);
			}
		}
	}
	lua_pop(L, 3);
	if (nlacking) {
		b->file = file_index(b, first_drop->file);
		lhost_cerr(b, first_drop->line, "tailoring drops question '%s', but %d rule%s of the "
			   "composition %s ('reads'): %s%s",
			   first_drop->target, nlacking, nlacking > 1 ? "s" : "",
			   nlacking > 1 ? "do not declare the questions they read"
					: "does not declare the questions it reads", lacking,
			   nlacking > 3 ? ", ..." : "");
	}
	b->file = file;
}
