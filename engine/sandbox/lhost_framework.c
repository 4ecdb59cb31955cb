/* Catalogue extension: a plugin file that returns framework { ... } adds a
 * framework and its duties (EUDR, RSPO, ...) to the duty catalogue of the
 * host that requires it, without forking plugins/duties.lua. Its duty ids
 * carry the framework's prefix; an id or a framework that exists already is
 * an error. A pack cites the duties of a framework that one of its files
 * requires, like any duty (lhost_find_duty). The catalogue's duty array is
 * replaced by a merged copy at each addition: packs loaded before keep the
 * array they indexed (the arena keeps it), packs loaded after see the new
 * one. See docs/plugin-api.md, "Catalogue extension". */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"
#include "lhost_int.h"
#include "text.h"

static const char *const framework_fields[] = {
	"id", "title", "source", "url", "verified", "status", "duties", NULL,
};
static const char *const fduty_fields[] = {
	"id", "title", "text", "area", "status", "verified", "source", NULL,
};
/* the values docs/plugin-api.md lists for the catalogue's entries */
static const char *const statuses[] = { "in force", "guidance", "deleted", "proposed", NULL };
static const char *const verifications[] = { "official text", "secondary source", "not verified",
					     NULL };

static bool one_of(const char *v, const char *const *ok)
{
	for (int i = 0; ok[i]; i++)
		if (!strcmp(v, ok[i]))
			return true;
	return false;
}

/* UNGP, CSDDD, EUDR, OECD-FAO: capitals, digits and '-', at most 32. */
static bool valid_framework_id(const char *s)
{
	size_t n = strlen(s);

	if (n < 2 || n > 32 || s[0] < 'A' || s[0] > 'Z')
		return false;
	for (size_t i = 1; i < n; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return false;
	return true;
}

/* The file that declared framework id: plugins/duties.lua for the built-in
 * catalogue's, else the framework file; NULL when none did. */
static const char *declared_by(struct lhost *h, const char *id)
{
	const struct pack *cat = h->catalogue;

	for (int i = 0; i < h->nframeworks; i++)
		if (!strcmp(h->frameworks[i].id, id))
			return h->frameworks[i].file;
	for (int i = 0; i < cat->nduties; i++)
		if (!strcmp(cat->duties[i].framework, id))
			return lhost_files(h)->f[0].path;
	return NULL;
}

static bool known_area(struct lhost *h, const char *area)
{
	for (int i = 0; i < h->catalogue->nareas; i++)
		if (!strcmp(h->catalogue->areas[i], area))
			return true;
	return false;
}

/* [-0, +0] one duty of the framework: the entry at idx into d. */
static bool read_duty(struct build *b, struct lhost_framework *fw, int idx, struct duty *d)
{
	char what[200];
	bool ok;

	memset(d, 0, sizeof *d);
	d->id = lhost_sfield(b, idx, "id", true, b->specline);
	if (!d->id)
		return false;
	snprintf(what, sizeof what, "duty '%s'", d->id);
	b->what = what;
	b->specline = lhost_id_line(b, d->id);
	lhost_check_fields(b, idx, fduty_fields, b->specline);
	d->framework = fw->id;
	d->title = lhost_sfield(b, idx, "title", true, b->specline);
	d->file = lhost_files(b->h)->f[b->file].path;
	d->text = lhost_sfield(b, idx, "text", true, b->specline);
	d->area = lhost_sfield(b, idx, "area", true, b->specline);
	d->status = lhost_sfield(b, idx, "status", false, b->specline);
	d->verified = lhost_sfield(b, idx, "verified", false, b->specline);
	d->source = lhost_sfield(b, idx, "source", false, b->specline);
	d->status = d->status ? d->status : fw->status;
	d->verified = d->verified ? d->verified : fw->verified;
	d->source = d->source ? d->source : fw->source;
	if (strncmp(d->id, fw->id, strlen(fw->id)) || d->id[strlen(fw->id)] != '.')
		lhost_cerr(b, b->specline, "the id must start with the framework's prefix '%s.'",
			   fw->id);
	if (d->area && !known_area(b->h, d->area)) {
		const char *near = text_closest(d->area, b->h->catalogue->areas,
						b->h->catalogue->nareas);

		lhost_cerr(b, b->specline, "area '%s' is not one of the catalogue's areas%s%s%s",
			   d->area, near ? " (did you mean '" : " (docs/plugin-api.md lists them)",
			   near ? near : "", near ? "'?)" : "");
	}
	if (!one_of(d->status, statuses))
		lhost_cerr(b, b->specline, "status '%s' is not one of: in force, guidance, deleted, "
			   "proposed", d->status);
	if (!one_of(d->verified, verifications))
		lhost_cerr(b, b->specline, "verified '%s' is not one of: official text, secondary "
			   "source, not verified", d->verified);
	if (pack_find_duty(b->h->catalogue, d->id))
		lhost_cerr(b, b->specline, "duty id '%s' is in the catalogue already (%s)", d->id,
			   declared_by(b->h, pack_find_duty(b->h->catalogue, d->id)->framework));
	ok = d->title && d->text && d->area;
	b->what = NULL;
	return ok;
}

/* [-0, +0] framework fields of the table at idx into fw */
static void read_head(struct build *b, int idx, struct lhost_framework *fw)
{
	const char *other;

	lhost_check_fields(b, idx, framework_fields, b->specline);
	fw->id = lhost_sfield(b, idx, "id", true, b->specline);
	fw->title = lhost_sfield(b, idx, "title", true, b->specline);
	fw->source = lhost_sfield(b, idx, "source", true, b->specline);
	fw->url = lhost_sfield(b, idx, "url", false, b->specline);
	fw->verified = lhost_sfield(b, idx, "verified", false, b->specline);
	fw->status = lhost_sfield(b, idx, "status", false, b->specline);
	fw->verified = fw->verified ? fw->verified : "not verified";
	fw->status = fw->status ? fw->status : "in force";
	fw->file = lhost_files(b->h)->f[b->file].path;
	if (fw->id && !valid_framework_id(fw->id))
		lhost_cerr(b, b->specline, "framework id '%s' must be capital letters, digits and "
			   "'-' (2 to 32, such as EUDR or OECD-FAO)", fw->id);
	else if (fw->id && (other = declared_by(b->h, fw->id)) && strcmp(other, fw->file))
		lhost_cerr(b, b->specline, "framework '%s' is declared already, in %s", fw->id,
			   other);
}

/* Protected: the framework table at 1 into the build's framework (light
 * userdata at 3); its duties' Lua entries into the table at 4. */
static int build_framework(lua_State *L)
{
	struct build *b = lua_touserdata(L, 2);
	struct lhost_framework *fw = lua_touserdata(L, 3);
	struct arena *a = b->h->catalogue->arena;
	lua_Integer n;
	struct duty *d;

	read_head(b, 1, fw);
	if (lua_getfield(L, 1, "duties") != LUA_TTABLE || (n = lhost_rawlen(L, -1)) < 1 ||
	    n > DILIGO_MAX_DUTIES) {
		lhost_cerr(b, b->specline, "missing required field: 'duties' (a list of 1 to %d "
			   "duties)", DILIGO_MAX_DUTIES);
		return 0;
	}
	fw->duties = d = arena_alloc(a, (size_t)n * sizeof *d);
	for (lua_Integer i = 1; i <= n && fw->id; i++) {
		lua_geti(L, 5, i);
		if (!lua_istable(L, -1)) {
			lhost_cerr(b, b->specline, "duties[%d] must be a table", (int)i);
		} else if (read_duty(b, fw, lua_gettop(L), &d[fw->nduties])) {
			for (int k = 0; k < fw->nduties; k++)
				if (!strcmp(d[k].id, d[fw->nduties].id))
					lhost_cerr(b, b->specline, "duplicate duty id '%s'", d[k].id);
			lua_pushvalue(L, -1);
			lua_setfield(L, 4, d[fw->nduties].id);
			fw->nduties++;
		}
		lua_pop(L, 1);
	}
	return 0;
}

/* ---- registering ----------------------------------------------------- */

static int cmp_duty(const void *x, const void *y)
{
	return strcmp(((const struct duty *)x)->id, ((const struct duty *)y)->id);
}

/* The catalogue's duties and fw's, sorted, as the catalogue's new array;
 * its entries into the `duties` that packs read. */
static void add_to_catalogue(struct lhost *h, const struct lhost_framework *fw, int entries)
{
	lua_State *L = h->L;
	struct pack *cat = h->catalogue;
	struct duty *all = arena_alloc(cat->arena, (size_t)(cat->nduties + fw->nduties) * sizeof *all);

	memcpy(all, cat->duties, (size_t)cat->nduties * sizeof *all);
	memcpy(all + cat->nduties, fw->duties, (size_t)fw->nduties * sizeof *all);
	qsort(all, (size_t)(cat->nduties + fw->nduties), sizeof *all, cmp_duty);
	cat->duties = all;
	cat->nduties += fw->nduties;
	lua_rawgetp(L, LUA_REGISTRYINDEX, &LHOST_K_BASE);
	lua_getfield(L, -1, "duties"); /* [B, proxy] */
	lhost_frozen_target(L, -1);    /* [B, proxy, map] */
	lua_pushnil(L);
	while (lua_next(L, entries)) {
		lua_pushvalue(L, -2);
		lua_insert(L, -2);
		lua_rawset(L, -4);
	}
	lua_pop(L, 3);
}

/* Check the framework table at idx (what the file b->file returned) and
 * register it. Errors go to b. */
static void take(struct build *b, int idx)
{
	struct lhost *h = b->h;
	lua_State *L = h->L;
	struct lhost_framework fw = { 0 };
	int entries;

	for (int i = 0; i < h->nframeworks; i++)
		if (!strcmp(h->frameworks[i].file, lhost_files(h)->f[b->file].path)) {
			h->last_framework = &h->frameworks[i]; /* the same file again */
			return;
		}
	if (h->nframeworks == DILIGO_MAX_FRAMEWORKS) {
		lhost_cerr(b, b->specline, "more than %d frameworks", DILIGO_MAX_FRAMEWORKS);
		return;
	}
	lua_newtable(L); /* the entries, for `duties` */
	entries = lua_gettop(L);
	lua_pushcfunction(L, build_framework);
	lua_pushvalue(L, idx);
	lua_pushlightuserdata(L, b);
	lua_pushlightuserdata(L, &fw);
	lua_pushvalue(L, entries);
	if (lua_pcall(L, 4, 0, 0) != LUA_OK) {
		lhost_cerr(b, b->specline, "%s", lua_tostring(L, -1));
		lua_pop(L, 1);
	} else if (!b->nerrs) {
		add_to_catalogue(h, &fw, entries);
		h->frameworks[h->nframeworks] = fw;
		h->last_framework = &h->frameworks[h->nframeworks++];
	}
	lua_pop(L, 1);
}

/* Protected, from require: the framework table at idx that file returned;
 * a contract error is raised as a Lua error naming the file and line. */
void lhost_framework_required(lua_State *L, int idx, int file, int line)
{
	struct build b = { .h = lhost_from(L), .p = lhost_from(L)->catalogue, .file = file,
			   .specline = line };

	take(&b, lua_absindex(L, idx));
	if (b.nerrs) { /* where the framework is wrong, not where it was required */
		lua_pushfstring(L, "%s:%d: %s%s%s%s", b.errs[0].file, b.errs[0].line, b.errs[0].msg,
				b.nerrs > 1 ? " (and more: see diligo plugin check " : "",
				b.nerrs > 1 ? b.errs[0].file : "", b.nerrs > 1 ? ")" : "");
		lua_error(L);
	}
}

void lhost_framework_check(struct build *b, int idx)
{
	/* what the catalogue keeps lives in its arena, not in the pack's */
	struct build fb = { .h = b->h, .p = b->h->catalogue, .file = b->file,
			    .specline = b->specline };

	b->h->last_framework = NULL;
	take(&fb, idx);
	for (int i = 0; i < fb.nerrs && b->nerrs < DILIGO_MAX_DIAGS; i++)
		b->errs[b->nerrs++] = fb.errs[i];
}

/* ---- citing ---------------------------------------------------------- */

/* Whether path is the file root or one that root requires, at any depth. */
static bool in_closure(struct files *fs, int root, const char *path, int depth)
{
	if (root < 0 || depth > DILIGO_MAX_REQUIRE_DEPTH)
		return false;
	if (!strcmp(fs->f[root].path, path))
		return true;
	for (int i = 0; i < fs->f[root].ndeps; i++)
		if (in_closure(fs, fs->f[root].deps[i], path, depth + 1))
			return true;
	return false;
}

/* Whether some duty of the catalogue belongs to framework fw (the first n
 * characters of an id). */
static bool framework_known(const struct pack *cat, const char *fw, size_t n)
{
	for (int i = 0; i < cat->nduties; i++)
		if (strlen(cat->duties[i].framework) == n && !strncmp(cat->duties[i].framework, fw, n))
			return true;
	return false;
}

const struct duty *lhost_find_duty(struct build *b, const char *id, const char **hint)
{
	struct lhost *h = b->h;
	const struct duty *d = pack_find_duty(h->catalogue, id);
	const char *dot = strchr(id, '.');

	*hint = NULL;
	for (int i = 0; d && i < h->nframeworks; i++)
		if (!strcmp(h->frameworks[i].id, d->framework) &&
		    !in_closure(lhost_files(h), b->root, h->frameworks[i].file, 0)) {
			*hint = arena_printf(b->p->arena, "duty id '%s' is added by %s: require it in "
					     "this file or a module it uses", id, h->frameworks[i].file);
			return NULL;
		}
	if (!d && dot && dot > id && !framework_known(h->catalogue, id, (size_t)(dot - id)))
		*hint = arena_printf(b->p->arena, "unknown duty id '%s': the catalogue has no "
				     "framework '%.*s' (a framework file adds one when a pack requires "
				     "it; diligo duties --frameworks lists them)", id, (int)(dot - id), id);
	return d;
}

/* ---- listing --------------------------------------------------------- */

/* Whether the Lua source at path calls framework { ... } or framework(...). */
static bool declares_framework(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;
	bool yes = false;

	if (!f)
		return false;
	buf = xmalloc(DILIGO_MAX_LUA_FILE + 1);
	n = fread(buf, 1, DILIGO_MAX_LUA_FILE, f);
	fclose(f);
	buf[n] = '\0';
	for (const char *s = strstr(buf, "framework"); s && !yes; s = strstr(s + 1, "framework")) {
		const char *t = s + strlen("framework");

		while (*t == ' ' || *t == '\t')
			t++;
		yes = (*t == '{' || *t == '(') && (s == buf || !strchr("_.abcdefghijklmnopqrstuvwxyz"
								       "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
								       s[-1]));
	}
	free(buf);
	return yes;
}

/* Protected: require "name" (the string at 1). */
static int require_one(lua_State *L)
{
	lhost_from(L)->loading = true; /* as while a pack loads (lhost_pcall ends it) */
	lua_rawgetp(L, LUA_REGISTRYINDEX, &LHOST_K_BASE);
	lua_getfield(L, -1, "require");
	lua_pushvalue(L, 1);
	lua_call(L, 1, 0);
	return 0;
}

int lhost_load_frameworks(struct lhost *h, struct err *errs, int max)
{
	int nerr = 0;

	for (int i = 0; i < h->npaths; i++) {
		char dir[PATH_MAX], path[PATH_MAX + 300];
		struct dirent **list;
		int m;

		snprintf(dir, sizeof dir, "%s/plugins", h->paths[i]);
		m = scandir(dir, &list, NULL, alphasort);
		for (int k = 0; k < m; k++) {
			size_t len = strlen(list[k]->d_name);
			char name[128], found[PATH_MAX];

			snprintf(name, sizeof name, "%.*s", len > 4 ? (int)(len - 4) : 0,
				 list[k]->d_name);
			snprintf(path, sizeof path, "%s/%s", dir, list[k]->d_name);
			/* the file require would find under that name, once */
			if (len > 4 && !strcmp(list[k]->d_name + len - 4, ".lua") &&
			    lhost_valid_name(name) &&
			    lhost_find_file(h, "plugins", name, found, sizeof found) &&
			    !strcmp(found, path) && declares_framework(path)) {
				int status;

				lhost_budget_start(h);
				lua_pushcfunction(h->L, require_one);
				lua_pushstring(h->L, name);
				status = lhost_pcall(h, 1, 0);
				if (status != LUA_OK && nerr < max)
					lhost_error(h, status, &errs[nerr++]);
				else if (status != LUA_OK)
					lua_pop(h->L, 1);
			}
			free(list[k]);
		}
		if (m >= 0)
			free(list);
	}
	return nerr;
}

int lhost_frameworks(struct lhost *h, const struct lhost_framework **out)
{
	*out = h->frameworks;
	return h->nframeworks;
}

const struct lhost_framework *lhost_loaded_framework(const struct lhost *h)
{
	return h->last_framework;
}

const char *lhost_catalogue_file(struct lhost *h)
{
	return lhost_files(h)->f[0].path;
}
