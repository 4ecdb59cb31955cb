/* Composing a pack: the table a sector{} or module{} file returns, with the
 * modules it lists, read field by field into struct pack (questions, rules,
 * the Lua files it came from) and checked against the contract of
 * docs/plugin-api.md. The Lua values C does not keep (when and score
 * functions, tests) go into the pack's Lua table. Questions are read by
 * lhost_question.c. */
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
void lhost_compose_duties(struct build *b, int idx, const char ***out, int *n, int line)
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

static const char *const rule_fields[] = {
	"id", "title", "duties", "severity", "likelihood", "red_flag", "impact", "action", "when",
	"unknown", "group", "risks", "reads", "details", NULL,
};
static const char *const part_fields[] = {
	"id", "title", "version", "authors", "license", "description", "modules", "questions",
	"rules", "tests", "tailoring", "extends", NULL,
};
static const char *const severity_fields[] = { "scale", "scope", "irremediable", NULL };

/* Ids carry their module's name, so a reader knows where to look. */
void lhost_compose_check_prefix(struct build *b, const char *kind, const char *id,
				const char *part, int line)
{
	size_t n = part ? strlen(part) : 0;

	if (part && (strncmp(id, part, n) || id[n] != '.'))
		lhost_cerr(b, line, "%s id '%s' must start with '%s.'", kind, id, part);
}

/* Store value at top in the pack's Lua table under list[key][i]. [-1, +0] */
void lhost_compose_keep_ref(struct build *b, const char *list, int i)
{
	lua_State *L = b->h->L;

	lua_rawgeti(L, LUA_REGISTRYINDEX, b->h->packs[b->h->npacks].ref); /* [v, P] */
	lua_getfield(L, -1, list); /* [v, P, list] */
	lua_pushvalue(L, -3);
	lua_rawseti(L, -2, i + 1);
	lua_pop(L, 3);
}

bool lhost_compose_seen_id(struct build *b, const char *kind, const char *id, int line)
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

/* details = { key = "template", ... }: the texts a finding's detail is
 * written from, sorted by key so that reports and translations are stable */
static void rule_details(struct build *b, int ridx, struct rule *r, int line)
{
	lua_State *L = b->h->L;
	int n = 0;

	if (lua_getfield(L, ridx, "details") == LUA_TNIL) {
		lua_pop(L, 1);
		return;
	}
	if (!lua_istable(L, -1)) {
		lhost_cerr(b, line, "field 'details' must be a table of detail templates "
			   "(key = \"text\")");
		lua_pop(L, 1);
		return;
	}
	lua_pushnil(L);
	while (lua_next(L, -2)) {
		n++;
		lua_pop(L, 1);
	}
	if (n > DILIGO_MAX_CONDITIONS)
		lhost_cerr(b, line, "'details' may hold at most %d templates", DILIGO_MAX_CONDITIONS);
	r->detail_keys = arena_alloc(b->p->arena, (size_t)(n ? n : 1) * sizeof *r->detail_keys);
	r->detail_texts = arena_alloc(b->p->arena, (size_t)(n ? n : 1) * sizeof *r->detail_texts);
	lua_pushnil(L);
	while (lua_next(L, -2)) {
		if (lua_type(L, -2) != LUA_TSTRING || !lhost_valid_name(lua_tostring(L, -2)) ||
		    lua_type(L, -1) != LUA_TSTRING) {
			lhost_cerr(b, line, "'details' entries must be key = \"text\" (keys "
				   "lowercase letters, digits and _)");
		} else if (r->ndetails < n && r->ndetails < DILIGO_MAX_CONDITIONS) {
			int k = r->ndetails++;
			const char *key = arena_strdup(b->p->arena, lua_tostring(L, -2));
			const char *text = arena_strdup(b->p->arena, lua_tostring(L, -1));

			while (k > 0 && strcmp(r->detail_keys[k - 1], key) > 0) {
				r->detail_keys[k] = r->detail_keys[k - 1];
				r->detail_texts[k] = r->detail_texts[k - 1];
				k--;
			}
			r->detail_keys[k] = key;
			r->detail_texts[k] = text;
		}
		lua_pop(L, 1);
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
	lhost_compose_check_prefix(b, "rule", r->id, module, line);
	r->title = lhost_sfield(b, ridx, "title", true, line);
	r->action = lhost_sfield(b, ridx, "action", true, line);
	lhost_compose_duties(b, ridx, (const char ***)&r->duties, &r->nduties, line);
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
	rule_details(b, ridx, r, line);
	lhost_rule_reads(b, ridx, r, line);
	if (lua_getfield(L, ridx, "when") != LUA_TFUNCTION) {
		lhost_cerr(b, line,
			   "missing required field: 'when' (a function of answers and context)");
		lua_pop(L, 1);
	} else {
		r->may_override = lhost_may_override(L, -1);
		lhost_compose_keep_ref(b, "rules", b->p->nrules);
	}
	if (lhost_compose_seen_id(b, "rule", r->id, line))
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
			lhost_question_read(b, lua_gettop(L), module, title);
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
	lhost_compose_keep_ref(b, "tests", 0);
	p->files = arena_alloc(p->arena, DILIGO_MAX_PACK_FILES * sizeof *p->files);
	p->trusted = true; /* until a file that is not bundled */
	record_files(b, root_file);
	record_files(b, 0); /* the catalogue */
	return 0;
}
