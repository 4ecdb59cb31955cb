/* The loader's public API (lhost.h): a sector pack by name or a Lua file
 * by path, loaded once and cached per host. One load runs the file under
 * the budgets (lhost_require.c), composes and checks it (lhost_compose.c),
 * then snapshots what its rules can reach (lhost_snapshot.c). Also the
 * sector listing and the evaluator's way back to a pack's Lua table. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "lhost_int.h"

int lhost_errors(struct lhost *h, const struct err **errs)
{
	*errs = h->errs;
	return h->nerrs;
}

bool lhost_loaded_helper(const struct lhost *h)
{
	return h->loaded_helper;
}

const char *lhost_loaded_kind(const struct lhost *h)
{
	return h->loaded_helper ? h->loaded_kind : NULL;
}

/* A new load starts: what lhost_errors and lhost_loaded_helper say is about
 * it, even when it fails before reading any Lua. */
static void forget_last_load(struct lhost *h)
{
	h->nerrs = 0;
	h->loaded_helper = false;
	h->last_framework = NULL;
	h->loaded_kind = NULL;
}

/* The pack cached under key, or: run path under the budgets, compose what
 * it returns, snapshot it and cache it under key. */
static const struct pack *load_pack(struct lhost *h, const char *key, const char *path,
				    struct err *e)
{
	lua_State *L = h->L;
	struct build *b;
	struct pack *p;
	struct loaded_pack *lp;
	int status;

	forget_last_load(h);
	for (int i = 0; i < h->npacks; i++)
		if (!strcmp(h->packs[i].key, key))
			return h->packs[i].pack;
	if (h->npacks == DILIGO_MAX_PACKS) {
		err_set(e, ERR_PACK, "too many packs loaded");
		return NULL;
	}
	lp = &h->packs[h->npacks];
	lua_createtable(L, 0, 8);
	for (int i = 0; i < 6; i++) {
		static const char *const lists[] = { "rules", "scores", "known", "tests",
						     "question", "rule" };
		lua_newtable(L);
		lua_setfield(L, -2, lists[i]);
	}
	lp->ref = luaL_ref(L, LUA_REGISTRYINDEX);
	p = lhost_new_pack();
	b = xcalloc(1, sizeof *b);
	b->h = h;
	b->p = p;
	b->root = lhost_files(h)->n; /* the file about to run */
	h->current_rule = NULL;
	snprintf(h->where, sizeof h->where, "%s", lhost_display_path(h, path));
	lhost_budget_start(h);
	lua_pushcfunction(L, lhost_run_file);
	lua_pushlightuserdata(L, (void *)path);
	status = lhost_pcall(h, 1, 1);
	if (status != LUA_OK) {
		lhost_error(h, status, e);
		goto fail;
	}
	lua_pushcfunction(L, lhost_compose); /* [value, f] */
	lua_insert(L, -2);                   /* [f, value] */
	lua_pushlightuserdata(L, b);
	status = lhost_pcall(h, 2, 0);
	if (status != LUA_OK) {
		lhost_error(h, status, e);
		goto fail;
	}
	if (b->nerrs) {
		lhost_fail_build(b, e);
		h->loaded_helper = b->helper;
		goto fail;
	}
	p->duties = h->catalogue->duties;
	p->nduties = h->catalogue->nduties;
	p->regime = h->catalogue->regime;
	pack_index(p);
	lhost_check_conditions(b);
	if (b->nerrs) {
		lhost_fail_build(b, e);
		goto fail;
	}
	lua_pushcfunction(L, lhost_snapshot);
	lua_rawgeti(L, LUA_REGISTRYINDEX, lp->ref);
	status = lhost_pcall(h, 1, 0);
	if (status != LUA_OK) {
		lhost_error(h, status, e);
		goto fail;
	}
	if (lhost_translate(h, p, &lp->l10n, e))
		goto fail;
	h->where[0] = '\0';
	lp->key = xstrdup(key);
	lp->pack = p;
	h->npacks++;
	free(b);
	return p;
fail:
	h->where[0] = '\0';
	luaL_unref(L, LUA_REGISTRYINDEX, lp->ref);
	pack_free(p);
	free(b);
	return NULL;
}

const struct pack *lhost_pack(struct lhost *h, const char *name, struct err *e)
{
	char path[PATH_MAX];
	size_t n = strlen(name);

	forget_last_load(h);
	if (strchr(name, '/') || (n > 4 && !strcmp(name + n - 4, ".lua")))
		return lhost_load_file(h, name, e);
	if (!lhost_valid_name(name)) {
		err_set(e, ERR_USAGE, "'%s' is not a sector name", name);
		return NULL;
	}
	if (!lhost_find_file(h, "sectors", name, path, sizeof path)) {
		err_set(e, ERR_PACK, "no sector pack '%s' (see diligo sectors)", name);
		return NULL;
	}
	return load_pack(h, name, path, e);
}

bool lhost_sector_exists(struct lhost *h, const char *name)
{
	char path[PATH_MAX];
	size_t n = strlen(name);

	if (strchr(name, '/') || (n > 4 && !strcmp(name + n - 4, ".lua")))
		return lhost_is_file(name);
	return lhost_valid_name(name) && lhost_find_file(h, "sectors", name, path, sizeof path);
}

const struct pack *lhost_load_file(struct lhost *h, const char *file, struct err *e)
{
	forget_last_load(h);
	if (!lhost_is_file(file)) {
		err_set(e, ERR_IO, "cannot open '%s': %s", file,
			access(file, F_OK) ? strerror(errno) : "not a regular file");
		return NULL;
	}
	return load_pack(h, file, file, e);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int lhost_sector_names(struct lhost *h, const char **names, int max)
{
	int n = 0;

	for (int i = 0; i < h->nnames; i++)
		free(h->names[i]);
	h->nnames = 0;
	for (int i = 0; i < h->npaths; i++) {
		char dir[PATH_MAX];
		struct dirent *de;
		DIR *d;

		snprintf(dir, sizeof dir, "%s/sectors", h->paths[i]);
		if (!(d = opendir(dir)))
			continue;
		while ((de = readdir(d)) && h->nnames < DILIGO_MAX_PACKS) {
			size_t len = strlen(de->d_name);
			char name[128];
			bool dup = false;

			if (len < 5 || len > 100 || strcmp(de->d_name + len - 4, ".lua"))
				continue;
			snprintf(name, sizeof name, "%.*s", (int)(len - 4), de->d_name);
			if (!lhost_valid_name(name))
				continue;
			for (int j = 0; j < h->nnames && !dup; j++)
				dup = !strcmp(h->names[j], name);
			if (!dup)
				h->names[h->nnames++] = xstrdup(name);
		}
		closedir(d);
	}
	qsort(h->names, (size_t)h->nnames, sizeof *h->names, cmp_str);
	for (int i = 0; i < h->nnames && n < max; i++)
		names[n++] = h->names[i];
	return n;
}

int lhost_pack_ref(struct lhost *h, const struct pack *p)
{
	for (int i = 0; i < h->npacks; i++)
		if (h->packs[i].pack == p)
			return h->packs[i].ref;
	return LUA_NOREF;
}

const struct pack *lhost_catalogue(struct lhost *h)
{
	return h->catalogue;
}
