/* lhost: the sandboxed Lua host — the only module family that includes lua.h.
 * One lhost owns one lua_State (one per worker thread). It loads the duty
 * catalogue and sector packs into C descriptions (struct pack, owned by the
 * lhost and freed with it), runs a pack's rules and score functions on a
 * bound questionnaire under an instruction budget and a memory cap, and runs
 * packs' embedded tests. Nothing a pack does can reach files, the process or
 * another assessment's view of the data. */
#ifndef DILIGO_LHOST_H
#define DILIGO_LHOST_H

#include <stddef.h>

#include "assessment.h"
#include "err.h"
#include "pack.h"
#include "qn.h"

enum {
	LHOST_DEFAULT_INSTRUCTIONS = 10 * 1000 * 1000,
	LHOST_DEFAULT_MEMORY_MB = 64,
	LHOST_DEFAULT_SECONDS = 5,
};

struct lhost_opts {
	const char *const *paths; /* searched first, in order; then the built-in packs */
	int npaths;
	long max_instructions; /* 0 = default, per assessment and per pack load */
	size_t max_memory; /* bytes; 0 = default */
	double max_seconds; /* wall clock per load or assessment in this process; 0 = default */
	bool hash_files; /* SHA-256 of every Lua file (pack->files), for provenance */
	const char *regime; /* the catalogue regime (NULL: its default); unknown: lhost_new fails */
	/* the language of every pack's texts ("fr", "es", "pt"; NULL or "en":
	 * as the packs write them); each pack's coverage is measured for
	 * every language whenever lang is given */
	const char *lang;
};

struct lhost;

struct lhost *lhost_new(const struct lhost_opts *o, struct err *e);
void lhost_free(struct lhost *h); /* NULL is a no-op; frees its packs */

/* A sector pack by name (sectors/NAME.lua on the search path) or by file
 * path (anything containing '/' or ending in .lua). Cached: the same name
 * returns the same pack. NULL with e set (ERR_PACK or ERR_IO). */
const struct pack *lhost_pack(struct lhost *h, const char *name_or_file, struct err *e);
/* The path of file (such as "country-risk.csv") in plugins/ on the search
 * path, into out; false when no directory has it. */
bool lhost_find_data(struct lhost *h, const char *file, char *out, size_t n);
/* The path a Lua file the host ran was read from, for the name packs and
 * messages give it (pack->files[i].path, question->file); NULL if none. */
const char *lhost_full_path(struct lhost *h, const char *file);
/* The built-in packs' directory (holding plugins/ and sectors/). */
const char *lhost_builtin_dir(const struct lhost *h);
/* Whether name (a sector name or a .lua path) can be found. */
bool lhost_sector_exists(struct lhost *h, const char *name);
/* A module or sector file, composed alone (for plugin check and test). */
const struct pack *lhost_load_file(struct lhost *h, const char *file, struct err *e);
/* Every contract error of the last load that failed (0 after a load that
 * did not fail on contract errors). */
int lhost_errors(struct lhost *h, const struct err **errs);
/* Whether the last load failed because the file is not a pack but one that
 * packs use: the duty catalogue (it returns catalogue { ... }) or a helper
 * module (helper { ... }, docs/plugin-api.md). plugin check and plugin test
 * pass over those. */
bool lhost_loaded_helper(const struct lhost *h);
/* Then: "catalogue", "helper" or "framework"; else NULL. */
const char *lhost_loaded_kind(const struct lhost *h);
/* The duty catalogue (duties sorted by id). */
const struct pack *lhost_catalogue(struct lhost *h);
/* Names of the sector packs on the search path, sorted, deduplicated;
 * returns the count (at most max). Names point into h. */
int lhost_sector_names(struct lhost *h, const char **names, int max);

/* A framework that a plugin file adds to the catalogue (framework { ... }). */
struct lhost_framework {
	const char *id, *title, *source, *url, *verified, *status;
	const char *file; /* the file that declares it, as displayed */
	const struct duty *duties; /* its duties, in declaration order */
	int nduties;
};
/* Require every plugin file on the search path that declares a framework,
 * so that the catalogue holds them all (for diligo duties). Returns the
 * number of files that failed, their errors in errs (at most max). */
int lhost_load_frameworks(struct lhost *h, struct err *errs, int max);
/* The frameworks plugin files have added so far, in the order added. */
int lhost_frameworks(struct lhost *h, const struct lhost_framework **out);
/* The framework of the last file loaded with lhost_load_file, when it is a
 * framework file (then lhost_loaded_helper is true), else NULL. */
const struct lhost_framework *lhost_loaded_framework(const struct lhost *h);
/* The duty catalogue's file, as displayed (plugins/duties.lua). */
const char *lhost_catalogue_file(struct lhost *h);

/* What the names lhost_allowed lists are. */
enum lhost_name_kind {
	LHOST_NAME_BASE, /* a base function or value of Lua: "pairs", "_VERSION" */
	LHOST_NAME_LIB,  /* a field of a standard library: "string.format", "math.pi" */
	LHOST_NAME_API,  /* the pack API the loader adds: "require", "sector", "duties" ... */
};
typedef void (*lhost_name_cb)(void *ud, const char *name, enum lhost_name_kind kind);
/* The allow-list, read from h's sandbox itself: calls cb once for every
 * global and library field a pack may use (blocked stubs and blocked
 * libraries are left out), sorted by kind, then name. Returns the number of
 * names, or -1 with e set. The one source that .luacheckrc, docs/plugin-api.md
 * and docs/lua/diligo.lua are tested against (tests/unit/test_allowlist.c). */
int lhost_allowed(struct lhost *h, lhost_name_cb cb, void *ud, struct err *e);

/* Run pack rules and score functions on a bound questionnaire; fills
 * a->fn_score and a->findings (unsorted; score_assessment finishes them). */
int lhost_evaluate(struct lhost *h, const struct pack *p, const struct qn *q,
		   struct assessment *a, struct err *e);

/* While evaluating, write to *slot the index of the rule running (>= 0)
 * or -2 - i while question i's score function runs (-1 between them);
 * slot may be shared memory that outlives a crashed child. NULL stops. */
void lhost_watch(struct lhost *h, volatile int *slot);

/* In a child forked for one assessment: no garbage collection but the
 * emergency one at the memory cap. */
void lhost_in_child(struct lhost *h);

struct test_result {
	char name[256];
	int passed; /* 1 pass, 0 fail, -1 the pack failed to run (error) */
	char detail[1024]; /* why it failed */
};
typedef void (*test_cb)(void *ud, const struct pack *p, const struct test_result *r);
/* Run the embedded tests of a pack loaded by lhost_load_file or lhost_pack.
 * Calls cb per test; returns the number of failures, or <0 with e set. */
int lhost_run_tests(struct lhost *h, const struct pack *p, test_cb cb, void *ud, struct err *e);

#endif
