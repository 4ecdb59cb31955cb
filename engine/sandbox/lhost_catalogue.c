/* The duty catalogue: plugins/duties.lua, found on the search path and
 * loaded once per host before any pack. Its entries become the C duty list
 * every pack shares and the read-only global `duties` that packs read; its
 * `areas` list is the one source of the duty areas an entry may name. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"
#include "lhost_int.h"
#include "text.h"

/* docs/plugin-api.md lists them (and so does the catalogue's header) */
static const char *const duty_statuses[] = { "in force", "guidance", "deleted", "proposed", NULL };
static const char *const duty_fields[] = {
	"id", "framework", "title", "text", "area", "status", "verified", "source", "regimes", NULL,
};
/* How an entry's wording and numbering were checked (docs/plugin-api.md). */
static const char *const verifications[] = { "official text", "secondary source", "not verified",
					     NULL };
static const char *const regime_fields[] = { "id", "title", "default", "verified", "notes", NULL };
static const char *const override_fields[] = { "title", "text", "status", "verified", "source",
					       NULL };

static bool one_of(const char *v, const char *const *ok)
{
	for (int i = 0; ok[i]; i++)
		if (!strcmp(v, ok[i]))
			return true;
	return false;
}

/* An area the catalogue's list lacks, with a did-you-mean. */
static void check_area(struct build *b, const char *area, const char *const *areas)
{
	const char *near;
	int n = 0;

	if (!area || !areas[0] || one_of(area, areas))
		return;
	while (areas[n])
		n++;
	near = text_closest(area, areas, n);
	if (near)
		lhost_cerr(b, b->specline, "area '%s' is not one of the catalogue's 'areas' (did "
					   "you mean '%s'?)", area, near);
	else
		lhost_cerr(b, b->specline, "area '%s' is not one of the catalogue's 'areas'", area);
}

/* areas = { "name", ... } of the catalogue at idx into areas (NULL-
 * terminated; empty, with an error, when the list is wrong): the duty areas,
 * one column each in charts and the heatmap. */
static void read_areas(struct build *b, int idx, const char **areas)
{
	lua_State *L = b->h->L;
	lua_Integer n;
	int k = 0;

	areas[0] = NULL;
	if (lua_getfield(L, idx, "areas") != LUA_TTABLE) {
		lhost_cerr(b, b->specline, "missing required field: 'areas' (the list of duty areas)");
		lua_pop(L, 1);
		return;
	}
	n = lhost_rawlen(L, -1);
	if (n < 1 || n > DILIGO_MAX_AREAS) {
		lhost_cerr(b, b->specline, "'areas' must list from 1 to %d duty areas",
			   DILIGO_MAX_AREAS);
		lua_pop(L, 1);
		return;
	}
	for (lua_Integer i = 1; i <= n; i++) {
		const char *area;
		bool dup = false;

		if (lua_geti(L, -1, i) != LUA_TSTRING) {
			lhost_cerr(b, b->specline, "areas[%d] is not a string", (int)i);
			lua_pop(L, 1);
			continue;
		}
		if (lua_rawlen(L, -1) > DILIGO_MAX_ID) {
			lhost_cerr(b, b->specline, "areas[%d] is longer than %d characters", (int)i,
				   DILIGO_MAX_ID);
			lua_pop(L, 1);
			continue;
		}
		area = lua_tostring(L, -1);
		for (int j = 0; j < k && !dup; j++)
			dup = !strcmp(areas[j], area);
		if (dup)
			lhost_cerr(b, b->specline, "duplicate area '%s' in 'areas'", area);
		else
			areas[k++] = lhost_copy_text(L, b->p->arena, -1, DILIGO_MAX_ID); /* fits */
		lua_pop(L, 1);
	}
	areas[k] = NULL;
	lua_pop(L, 1);
}

/* regimes = { { id =, title =, default = true, verified =, notes = { ... } }, ... } of the
 * catalogue at idx: the one asked for (or the default) into p->regime. */
static void read_regimes(struct build *b, int idx, const char *asked)
{
	lua_State *L = b->h->L;
	struct regime *found = NULL, *dflt = NULL;
	char names[256] = "";
	lua_Integer n;

	if (lua_getfield(L, idx, "regimes") != LUA_TTABLE) {
		lua_pop(L, 1);
		snprintf(b->regimes, sizeof b->regimes, "none");
		return;
	}
	n = luaL_len(L, -1);
	for (lua_Integer i = 1; i <= n && i <= DILIGO_MAX_CONDITIONS; i++) {
		struct regime *r = arena_alloc(b->p->arena, sizeof *r);
		int t;

		if (lua_geti(L, -1, i) != LUA_TTABLE) {
			lhost_cerr(b, b->specline, "regimes[%d] must be a table", (int)i);
			lua_pop(L, 1);
			continue;
		}
		t = lua_gettop(L);
		lhost_check_fields(b, t, regime_fields, b->specline);
		r->id = lhost_sfield(b, t, "id", true, b->specline);
		r->title = lhost_sfield(b, t, "title", true, b->specline);
		r->verified = lhost_sfield(b, t, "verified", false, b->specline);
		if (lua_getfield(L, t, "notes") == LUA_TTABLE) {
			lua_Integer k = luaL_len(L, -1);

			r->notes = arena_alloc(b->p->arena, (size_t)(k > 0 ? k : 1) * sizeof *r->notes);
			for (lua_Integer j = 1; j <= k && j <= DILIGO_MAX_LIST; j++) {
				if (lua_geti(L, -1, j) == LUA_TSTRING)
					r->notes[r->nnotes++] = arena_strdup(b->p->arena,
									     lua_tostring(L, -1));
				lua_pop(L, 1);
			}
		}
		lua_pop(L, 1);
		lua_getfield(L, t, "default");
		if (lua_toboolean(L, -1))
			dflt = r;
		lua_pop(L, 2);
		if (r->id) {
			snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s",
				 names[0] ? ", " : "", r->id);
			if (asked && !strcmp(asked, r->id))
				found = r;
		}
	}
	lua_pop(L, 1);
	snprintf(b->regimes, sizeof b->regimes, "%s", names[0] ? names : "none");
	b->p->regime = asked ? found : dflt; /* unknown: lhost_load_catalogue says so */
}

static const char *either(const char *v, const char *otherwise)
{
	return v ? v : otherwise;
}

/* [-0, +0] the entry at idx under the chosen regime: its regimes[id] table
 * overrides title, text, status, verified and source. */
static void apply_regime(struct build *b, int idx, struct duty *x)
{
	lua_State *L = b->h->L;
	const struct regime *rg = b->p->regime;
	int t;

	if (lua_getfield(L, idx, "regimes") != LUA_TTABLE || !rg ||
	    lua_getfield(L, -1, rg->id) != LUA_TTABLE) {
		lua_settop(L, idx);
		return;
	}
	t = lua_gettop(L);
	lhost_check_fields(b, t, override_fields, b->specline);
	x->title = either(lhost_sfield(b, t, "title", false, b->specline), x->title);
	x->text = either(lhost_sfield(b, t, "text", false, b->specline), x->text);
	x->status = either(lhost_sfield(b, t, "status", false, b->specline), x->status);
	x->verified = either(lhost_sfield(b, t, "verified", false, b->specline), x->verified);
	x->source = either(lhost_sfield(b, t, "source", false, b->specline), x->source);
	lua_settop(L, idx);
}

/* Protected: the catalogue list at 1 into the pack (light userdata at 2). */
static int build_catalogue(lua_State *L)
{
	struct build *b = lua_touserdata(L, 2);
	struct pack *p = b->p;
	const char *kind = NULL, *areas[DILIGO_MAX_AREAS + 1], *bad;
	lua_Integer n;
	struct duty *d;

	if (!lua_istable(L, 1) || !lhost_mark_info(b, 1, &kind) || strcmp(kind, "catalogue")) {
		b->file = 0;
		lhost_cerr(b, 0, "the duty catalogue must return catalogue { ... }");
		return 0;
	}
	read_areas(b, 1, areas);
	read_regimes(b, 1, b->h->regime);
	n = lhost_rawlen(L, 1);
	if (n < 1 || n > DILIGO_MAX_DUTIES)
		luaL_error(L, "the catalogue must hold from 1 to %d duties", DILIGO_MAX_DUTIES);
	p->duties = d = arena_alloc(p->arena, (size_t)n * sizeof *d);
	lua_newtable(L); /* 3: map id -> entry, given to packs as `duties` */
	for (lua_Integer i = 1; i <= n; i++) {
		struct duty *x = &d[p->nduties];

		if (lua_geti(L, 1, i) != LUA_TTABLE) {
			lhost_cerr(b, b->specline, "catalogue[%d] must be a table", (int)i);
			lua_pop(L, 1);
			continue;
		}
		x->id = lhost_sfield(b, 4, "id", true, b->specline);
		if (x->id)
			b->specline = lhost_id_line(b, x->id);
		lhost_check_fields(b, 4, duty_fields, b->specline);
		x->framework = lhost_sfield(b, 4, "framework", true, b->specline);
		x->title = lhost_sfield(b, 4, "title", true, b->specline);
		x->file = lhost_files(b->h)->f[b->file].path;
		x->text = lhost_sfield(b, 4, "text", true, b->specline);
		x->area = lhost_sfield(b, 4, "area", true, b->specline);
		x->status = lhost_sfield(b, 4, "status", false, b->specline);
		if (!x->status)
			x->status = "in force";
		x->verified = lhost_sfield(b, 4, "verified", false, b->specline);
		x->source = lhost_sfield(b, 4, "source", false, b->specline);
		apply_regime(b, 4, x);
		if (!x->verified)
			x->verified = "not verified";
		if (!one_of(x->verified, verifications))
			lhost_cerr(b, b->specline, "verified '%s' is not one of: official text, "
						   "secondary source, not verified", x->verified);
		check_area(b, x->area, areas);
		if (!one_of(x->status, duty_statuses))
			lhost_cerr(b, b->specline, "status '%s' is not one of the values in "
						   "docs/plugin-api.md", x->status);
		if (x->id) {
			lua_pushvalue(L, 3);
			if (lua_getfield(L, -1, x->id) != LUA_TNIL)
				lhost_cerr(b, b->specline, "duplicate duty id '%s'", x->id);
			lua_pop(L, 2);
		}
		if (x->id && x->framework && x->title && x->text && x->area) {
			lua_pushvalue(L, 4);
			lua_setfield(L, 3, x->id);
			p->nduties++;
		}
		lua_pop(L, 1);
	}
	if ((bad = lhost_plain_data(L, 3)))
		lhost_cerr(b, b->specline, "the catalogue's entries hold a %s: they are data (strings "
			   "and numbers) only", bad);
	lhost_mark_host_data(L, 3); /* no pack function: the snapshot does not walk it */
	lhost_freeze(L, 3);
	lua_rawgetp(L, LUA_REGISTRYINDEX, &LHOST_K_BASE);
	lua_insert(L, -2);
	lua_setfield(L, -2, "duties");
	return 0;
}

int lhost_load_catalogue(struct lhost *h, struct err *e)
{
	lua_State *L = h->L;
	char path[PATH_MAX];
	struct build *b;
	int status;

	if (!lhost_find_file(h, "plugins", "duties", path, sizeof path))
		return err_set(e, ERR_PACK, "cannot find the duty catalogue plugins/duties.lua "
			       "on the search path");
	h->catalogue = lhost_new_pack();
	snprintf(h->where, sizeof h->where, "%s", lhost_display_path(h, path));
	lhost_budget_start(h);
	lua_pushcfunction(L, lhost_run_file);
	lua_pushlightuserdata(L, path);
	status = lhost_pcall(h, 1, 1);
	if (status != LUA_OK)
		return lhost_error(h, status, e);
	b = xcalloc(1, sizeof *b);
	b->h = h;
	b->p = h->catalogue;
	lua_pushcfunction(L, build_catalogue);
	lua_insert(L, -2);
	lua_pushlightuserdata(L, b);
	status = lhost_pcall(h, 2, 0);
	if (status != LUA_OK) {
		free(b);
		return lhost_error(h, status, e);
	}
	if (b->nerrs) {
		lhost_fail_build(b, e);
		free(b);
		return ERR_PACK;
	}
	if (h->regime && !h->catalogue->regime) {
		err_set(e, ERR_USAGE, "unknown regime '%s' (the catalogue has: %s)", h->regime,
			b->regimes);
		free(b);
		return ERR_USAGE;
	}
	free(b);
	pack_index(h->catalogue);
	h->where[0] = '\0';
	return 0;
}
