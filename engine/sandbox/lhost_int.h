/* Internal to the lhost_* files: the state shared by sandbox, loader and
 * evaluator. */
#ifndef DILIGO_LHOST_INT_H
#define DILIGO_LHOST_INT_H

#include <lauxlib.h>
#include <lua.h>
#include <stdbool.h>

#include "bounds.h"
#include "lhost.h"


struct loaded_pack {
	char *key; /* name or file as asked */
	struct pack *pack;
	int ref; /* registry: { rules = {fn...}, scores = {fn|false...}, known = {id=idx},
		    tests = {...}, snapshot = {...} } */
};

struct lhost {
	lua_State *L;
	/* budgets */
	long max_instructions, instructions;
	size_t max_memory, used, limit;
	bool hash_files;
	bool out_of_instructions, out_of_memory;
	/* search path: user dirs, then the built-in dir */
	char *paths[DILIGO_MAX_SEARCH_PATHS];
	int npaths;
	/* the catalogue, loaded once */
	struct pack *catalogue; /* only duties and files are used */
	struct loaded_pack packs[DILIGO_MAX_PACKS];
	int npacks;
	/* evaluation scratch: which questions the running rule read */
	unsigned *touched;
	int ntouched_cap;
	unsigned stamp;
	const char *current_rule;
	volatile int *watch; /* lhost_watch */
	char where[600];
	struct err errs[DILIGO_MAX_DIAGS]; /* contract errors of the last failed load */
	int nerrs; /* file:line of the rule, question or file running */
	char *names[DILIGO_MAX_PACKS];
	int nnames;
};

/* registry keys (addresses of these statics) */
extern const char LHOST_K_BASE, LHOST_K_PROXIES, LHOST_K_SPECS, LHOST_K_FILES,
	LHOST_K_SEED, LHOST_K_ENVS, LHOST_K_MODULES, LHOST_K_BUDGETMSG;

struct lhost *lhost_from(lua_State *L);
/* Arm the budgets for one assessment or one load. */
void lhost_budget_start(struct lhost *h);
/* [-0, +1] a read-only proxy of the table at idx (deep: nested tables are
 * proxied on access). */
void lhost_freeze(lua_State *L, int idx);
/* [-0, +0] install the sandbox into a fresh state. */
void lhost_sandbox(lua_State *L);
/* [-0, +1] a fresh environment for one Lua file. */
void lhost_new_env(lua_State *L);
/* pcall with a traceback-free message handler that adds the rule id;
 * maps budget exhaustion to a clear message. Returns a Lua status. */
int lhost_pcall(struct lhost *h, int nargs, int nres);
/* Message of the error on top of the stack, popped, into e (ERR_PACK). */
int lhost_error(struct lhost *h, int status, struct err *e);

#endif
