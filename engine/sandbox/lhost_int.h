/* Internal to the lhost_* files: the state shared by sandbox, loader and
 * evaluator, and every function one of them calls in another, grouped by
 * the file that defines it. */
#ifndef DILIGO_LHOST_INT_H
#define DILIGO_LHOST_INT_H

#include <lauxlib.h>
#include <lua.h>
#include <signal.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "bounds.h"
#include "lhost.h"

struct loaded_pack {
	char *key; /* name or file as asked */
	struct pack *pack;
	struct l10n *l10n; /* its translations (lhost_opts.lang), or NULL */
	struct l10n *other[L10N_NLANGS]; /* loaded to read workbooks (lhost_l10n.c) */
	int ref; /* registry: { rules = {fn...}, scores = {fn|false...}, known = {id=idx},
		    tests = {...}, question = {id="file:line"}, rule = {...}, snap = {...} } */
};

struct lhost {
	lua_State *L;
	/* budgets */
	long max_instructions, instructions;
	size_t max_memory, used, limit;
	bool hash_files;
	char *regime; /* asked for (NULL: the catalogue's default) */
	char *lang; /* the language packs are put in (NULL: as written) */
	bool out_of_instructions, out_of_memory;
	bool loading; /* a Lua file is loading: require and sector{} ... work only then */
	/* the wall clock (lhost_clock.c): a backstop for work no budget counts */
	double max_seconds, deadline; /* per load or assessment; CLOCK_MONOTONIC seconds */
	bool clock_off;               /* in a child (isolate.c): its parent keeps the time */
	volatile sig_atomic_t out_of_time;
	lua_State *volatile running; /* the thread running pack code (a coroutine or L) */
	timer_t timer;               /* signals thread timer_tid at the deadline */
	pid_t timer_tid;
	bool have_timer;
	/* search path: user dirs, then the built-in dir */
	char *paths[DILIGO_MAX_SEARCH_PATHS];
	char *bundled_dir; /* the built-in directory, symbolic links resolved, or NULL */
	int npaths;
	/* the catalogue, loaded once */
	struct pack *catalogue; /* only duties and files are used */
	struct loaded_pack packs[DILIGO_MAX_PACKS];
	int npacks;
	/* evaluation scratch: which questions the running rule read, and in
	 * which order (the first norder of order) */
	unsigned *touched;
	int *order;
	int norder;
	int ntouched_cap;
	unsigned stamp;
	const char *current_rule;
	const struct pack *reads_check; /* while its tests run: rules' `reads` are checked */
	volatile int *watch; /* lhost_watch */
	char where[600]; /* file:line of the rule, question or file running */
	struct err errs[DILIGO_MAX_DIAGS]; /* contract errors of the last failed load */
	int nerrs;
	bool loaded_helper; /* the last failed load found the catalogue or a helper */
	char *names[DILIGO_MAX_PACKS];
	int nnames;
	/* frameworks plugin files added to the catalogue (lhost_framework.c) */
	struct lhost_framework frameworks[DILIGO_MAX_FRAMEWORKS];
	int nframeworks;
	const struct lhost_framework *last_framework;
	const char *loaded_kind; /* what the last file loaded returned, when not a pack */
};

/* One Lua file run by the host (lhost_require.c). */
struct lfile {
	bool bundled; /* inside h->bundled_dir once symbolic links are resolved */
	char *path, *src;
	char *full; /* the path it was read from (path is as messages show it) */
	size_t len;
	char sha256[65];
	int deps[DILIGO_MAX_FILE_DEPS];
	int ndeps;
};

/* Every Lua file a host has run, in the registry as a full userdata (h has
 * no field for it, to keep this header small). */
struct files {
	struct lfile f[DILIGO_MAX_PACK_FILES];
	int n;
	int stack[DILIGO_MAX_REQUIRE_DEPTH]; /* files being loaded (require nesting) */
	int depth;
};

/* One contract check: the pack being built and its errors. */
struct build {
	struct lhost *h;
	struct pack *p;
	struct err errs[DILIGO_MAX_DIAGS];
	int nerrs;
	int file;     /* file index of the table being read */
	int specline; /* line of its sector{}/module{} call */
	const char *what; /* "question 'x'" for messages */
	int qcap, rcap;
	int cur_file, cur_line; /* id_line's cursor */
	const char *cur_pos;
	size_t scanned[DILIGO_MAX_PACK_FILES], charged[DILIGO_MAX_PACK_FILES]; /* by id_line */
	bool helper; /* the file returned catalogue{} or helper{}, not a pack */
	int root; /* the file whose table is composed (lhost_find_duty) */
	char regimes[256]; /* the catalogue's regime ids, for the unknown-regime message */
};

/* Registry keys (addresses of these statics, defined in lhost.c): BASE the
 * globals packs see; MARKS table -> {kind, file, line} left by sector{},
 * module{}, catalogue{}, helper{}; FILES the file table; SEED the real
 * math.randomseed; ENVS the files' environments (weak); MODULES name ->
 * {value, file} of required modules; BUDGETMSG the out-of-memory message. */
extern const char LHOST_K_BASE, LHOST_K_MARKS, LHOST_K_FILES, LHOST_K_SEED, LHOST_K_ENVS,
	LHOST_K_MODULES, LHOST_K_BUDGETMSG;

/* [-0, +1] a number answer as people write it: a whole number is a Lua
 * integer (tostring gives "1", not "1.0"), any other a float. */
static inline void lhost_push_number(lua_State *L, double x)
{
	if (x > -9007199254740992.0 && x < 9007199254740992.0 && x == (double)(long long)x)
		lua_pushinteger(L, (lua_Integer)x);
	else
		lua_pushnumber(L, x);
}

/* ---- lhost.c: the host, its budgets, calls and errors ------------------ */

/* The host that owns L (the allocator's userdata). */
struct lhost *lhost_from(lua_State *L);
/* Arm the budgets for one assessment or one load. */
void lhost_budget_start(struct lhost *h);
/* lua_pcall on h's state, with no message handler (lhost_error makes the
 * message). Returns a Lua status. */
int lhost_pcall(struct lhost *h, int nargs, int nres);
/* Message of the error on top of the stack, popped, into e (ERR_PACK): names
 * the file or the rule running, and says which budget ran out. */
int lhost_error(struct lhost *h, int status, struct err *e);

/* ---- lhost_clock.c: the wall clock ------------------------------------ */

/* A load or assessment starts: its deadline is max_seconds from now. */
void lhost_clock_start(struct lhost *h);
/* Arm the clock for a protected call into pack code (until h->deadline), or
 * disarm it after. Pack code still running at the deadline fails with
 * "time limit exceeded" at its next instruction. */
void lhost_clock_arm(struct lhost *h);
void lhost_clock_disarm(struct lhost *h);
/* Delete h's timer. */
void lhost_clock_free(struct lhost *h);
/* The message of that error. */
const char *lhost_clock_message(struct lhost *h, char *buf, size_t n);

/* ---- lhost_work.c: work and memory the count hook cannot see ---------- */

/* Charge units of work that C does for a pack (one per element moved or
 * compared, one per DILIGO_WORK_BYTES bytes copied, scanned or built) to
 * the instruction budget; when it runs out, raise "what: instruction budget
 * exceeded". [-0, +0, e] */
void lhost_charge(lua_State *L, lua_Integer units, const char *what);
void lhost_charge_bytes(lua_State *L, size_t bytes, const char *what);
/* Raise the memory budget error (out_of_memory set, so no pcall catches
 * it). [-0, +0, e] */
int lhost_memory_error(lua_State *L);
/* Count n bytes that C copies out of Lua (into an arena) against the memory
 * cap of the load or assessment running. [-0, +0, e] */
void lhost_count_copy(lua_State *L, size_t n);
/* [-0, +0, e] The string at idx (up to its first NUL) copied into a: at most
 * max bytes, cut at a UTF-8 boundary and ended by DILIGO_CUT_MARK when
 * longer; counted against the memory cap. */
const char *lhost_copy_text(lua_State *L, struct arena *a, int idx, size_t max);
/* The length of the table at idx without metamethods (of its target for a
 * read-only proxy): what C reads from a pack, whatever __len says. */
lua_Integer lhost_rawlen(lua_State *L, int idx);
/* At most DILIGO_MAX_NAME_IN_MESSAGE bytes of s (with "..." when cut), for
 * quoting a pack's string in a message. */
const char *lhost_msgname(const char *s, char *buf, size_t n);

/* ---- lhost_strlib.c, lhost_tablib.c: bounded libraries ----------------- */

/* [-0, +0] replace the functions of the string (utf8, math) library table
 * on top of the stack by versions that charge their work; the string
 * metatable's arithmetic too. */
void lhost_bound_string(lua_State *L);
void lhost_bound_utf8(lua_State *L);
void lhost_bound_math(lua_State *L);
void lhost_bound_string_meta(lua_State *L);
/* The table library, charging its work (luaopen_table's signature). */
int lhost_open_table(lua_State *L);

/* ---- lhost_sandbox.c: the allow-list and the wrapped functions --------- */

/* [-0, +0] install the sandbox into a fresh state. */
void lhost_sandbox(lua_State *L);
/* [-0, +1] a fresh environment for one Lua file. */
void lhost_sandbox_env(lua_State *L);
/* tostring as packs have it: never an address. */
int lhost_tostring(lua_State *L);

/* ---- lhost_bounded.c: the bounded base functions ---------------------- */

/* Raise the error of the budget that ran out, if one did (after a pcall
 * inside a pack returned, so that the pack cannot catch it). [-0, +0, e] */
void lhost_rethrow_budget(lua_State *L);
/* 'w' if f is the function coroutine.wrap returns, 'g' if string.gmatch's
 * iterator (they carry state in their upvalues), else 0. */
int lhost_stateful_cfunction(lua_CFunction f);
/* pcall, xpcall, coroutine.resume and wrap: no budget error is caught. */
int lhost_bounded_pcall(lua_State *L);
int lhost_bounded_xpcall(lua_State *L);
int lhost_bounded_resume(lua_State *L);
int lhost_bounded_wrap(lua_State *L);
/* Lua's own (upvalue 1; upvalue 2 names it for lhost_bounded_nargs), with
 * their work charged: select, assert and coroutine.yield by their
 * arguments, tonumber, error and rawequal by their strings. */
int lhost_bounded_nargs(lua_State *L);
int lhost_bounded_tonumber(lua_State *L);
int lhost_bounded_error(lua_State *L);
int lhost_bounded_rawequal(lua_State *L);

/* ---- lhost_pattern.c: the guard on pattern functions ------------------ */

/* [-0, +0] replace find, match, gmatch and gsub of the string library table
 * on top of the stack by diligo's matcher, which charges every step. */
void lhost_pattern_wrap(lua_State *L);
/* Whether f is the iterator string.gmatch returns. */
bool lhost_gmatch_iterator(lua_CFunction f);

/* ---- lhost_match.c: the matcher, every step charged ------------------- */

#define LHOST_MAXCAPTURES 32
#define LHOST_CAP_POSITION (-2)

/* One match of a pattern against a subject (Lua's MatchState). */
struct lhost_match {
	const char *src_init, *src_end, *p_end;
	lua_State *L;
	const char *what; /* "string.find" ... for the budget message */
	lua_Integer steps; /* counted, not yet charged */
	int matchdepth;
	unsigned char level;
	struct {
		const char *init;
		ptrdiff_t len;
	} capture[LHOST_MAXCAPTURES];
};

/* Start a match of p (lp bytes) against s (ls bytes) for what ("string.find"
 * ...); reset its captures before each try. */
void lhost_match_prepare(struct lhost_match *ms, lua_State *L, const char *what, const char *s,
			 size_t ls, const char *p, size_t lp);
void lhost_match_reset(struct lhost_match *ms);
/* The end of the match of p at s, or NULL. [-0, +0, e] */
const char *lhost_match(struct lhost_match *ms, const char *s, const char *p);
/* A plain search for s2 in s1, or NULL. */
const char *lhost_match_memfind(struct lhost_match *ms, const char *s1, size_t l1, const char *s2,
				size_t l2);
/* Whether pattern p has no special characters. */
int lhost_match_nospecials(const char *p, size_t l);
/* Capture i (the whole match s..e when there are none) into *cap, its length
 * returned (LHOST_CAP_POSITION, the position pushed, for a position capture). */
size_t lhost_match_capture(struct lhost_match *ms, int i, const char *s, const char *e,
			   const char **cap);
/* [-0, +1 or +n] push capture i, or all of them (returns how many). */
void lhost_match_push_capture(struct lhost_match *ms, int i, const char *s, const char *e);
int lhost_match_push_captures(struct lhost_match *ms, const char *s, const char *e);
/* Count n bytes copied or scanned; charge the steps counted so far. */
void lhost_match_tick_bytes(struct lhost_match *ms, size_t n);
void lhost_match_charge(struct lhost_match *ms);

/* ---- lhost_freeze.c: read-only proxies --------------------------------- */

/* [-0, +0] the proxies' metatable and caches, into the registry. */
void lhost_freeze_init(lua_State *L);
/* [-0, +1] a read-only proxy of the table at idx (deep: nested tables are
 * proxied on access). */
void lhost_freeze(lua_State *L, int idx);
/* [-0, +1] the same, for a value another file returns (require): writes to
 * it or to any table reached through it name origin ("module 'labour'
 * (plugins/labour.lua)"). */
void lhost_freeze_from(lua_State *L, int idx, const char *origin);
/* [-0, +1] the table the proxy at idx reads, or nil if it is no proxy. */
void lhost_frozen_target(lua_State *L, int idx);
/* __newindex of read-only tables: raises "attempt to modify a read-only
 * table". */
int lhost_readonly_newindex(lua_State *L);

/* ---- lhost_path.c: the search path ------------------------------------- */

/* Whether p is a regular file. */
bool lhost_is_file(const char *p);
/* Append the built-in directory (the source tree for a build-tree binary,
 * else PREFIX/share/diligo beside the binary, else DATADIR). */
void lhost_add_builtin_path(struct lhost *h);
/* Whether s is a sector or module name: [a-z][a-z0-9_]*, at most
 * DILIGO_MAX_ID characters. */
bool lhost_valid_name(const char *s);
/* dir/sub/name.lua, then dir/name.lua, over the search path, into out. */
bool lhost_find_file(struct lhost *h, const char *sub, const char *name, char *out, size_t n);
/* path relative to the search directory it was found in (sectors/mining.lua),
 * so that messages and reports do not depend on where diligo is installed. */
const char *lhost_display_path(struct lhost *h, const char *path);
/* Whether path resolves inside the built-in pack directory. */
bool lhost_bundled(const struct lhost *h, const char *path);

/* ---- lhost_require.c: running files, require, the constructors --------- */

/* The host's file table. */
struct files *lhost_files(struct lhost *h);
/* Protected, [-0, +0]: install the file table, require and the constructors
 * sector, module, catalogue and helper into a sandboxed state. */
int lhost_init_loader(lua_State *L);
/* Protected: run the file named by the light userdata at 1 in a fresh
 * environment; push the value it returns. */
int lhost_run_file(lua_State *L);

/* ---- lhost_contract.c: the contract toolkit ---------------------------- */

/* Record a contract error at line of the file being read (at most
 * DILIGO_MAX_DIAGS), prefixed by b->what. */
__attribute__((format(printf, 3, 4)))
void lhost_cerr(struct build *b, int line, const char *fmt, ...);
/* [-0, +0, e] string field of the table at idx, in the pack's arena; NULL
 * (with an error when required) if absent or not a string. */
const char *lhost_sfield(struct build *b, int idx, const char *key, bool required, int line);
/* [-0, +0] whole-number field from lo to hi into *out; false if absent or
 * wrong (with an error when wrong, or absent and required). */
bool lhost_ifield(struct build *b, int idx, const char *key, int lo, int hi, int *out,
		  bool required, int line);
/* An error for every string key of the table at idx not in allowed (NULL-
 * terminated), with a did-you-mean. */
void lhost_check_fields(struct build *b, int idx, const char *const *allowed, int line);
/* The line of the current file where id is written in quotes (ids are read
 * in source order); b->specline when not found. */
int lhost_id_line(struct build *b, const char *id);
/* The same for an id written as `key = "id"` (drop = "x" in tailoring). */
int lhost_id_line_at(struct build *b, const char *key, const char *id);
/* Put the id-line cursor at `field =` of the table whose constructor is at
 * b->specline of the current file (unchanged when not found), so that ids
 * are looked for in that field first, not in helper tables above it.
 * Returns the line of the field, 0 when not found. */
int lhost_seek_field(struct build *b, const char *field);
/* [-0, +0] the kind ("sector", "module", "catalogue", "helper"), file and line that
 * the constructor left on the table at idx, into *kind, b->file and
 * b->specline; false if no constructor made it. */
bool lhost_mark_info(struct build *b, int idx, const char **kind);
/* [-0, +0] replace a read-only proxy at idx by the table it reads (the
 * engine reads what files returned as they returned it). */
void lhost_unwrap(lua_State *L, int idx);
/* A new empty pack in its own arena. */
struct pack *lhost_new_pack(void);
/* Copy b's errors to the host (lhost_errors); the first into e, with a
 * count of the others. Returns ERR_PACK. */
int lhost_fail_build(struct build *b, struct err *e);

/* ---- lhost_compose.c: sector{} and module{} into struct pack ----------- */

/* Protected: compose the table at 1 (what a pack file returned) into the
 * pack of the struct build (light userdata at 2). Contract errors go to the
 * build; the Lua functions and tests to the pack's table in the registry. */
int lhost_compose(lua_State *L);
/* The duties field of the table at idx (question or rule) into *out, *n;
 * an unknown duty is an error with a did-you-mean. */
void lhost_compose_duties(struct build *b, int idx, const char ***out, int *n, int line);
/* An error when id (of kind "question", "rule") does not start with
 * "part." (part: the module's id, or NULL). */
void lhost_compose_check_prefix(struct build *b, const char *kind, const char *id,
				const char *part, int line);
/* Store the value at top in the pack's Lua table under list[i]. [-1, +0] */
void lhost_compose_keep_ref(struct build *b, const char *list, int i);
/* Whether id (of kind) is new, recorded then; an error when a duplicate. */
bool lhost_compose_seen_id(struct build *b, const char *kind, const char *id, int line);

/* ---- lhost_question.c: questions into struct question ------------------ */

/* Read the question table at qidx (of module, in section title by default)
 * into the next question of b->p; errors go to the build. */
void lhost_question_read(struct build *b, int qidx, const char *module, const char *title);
/* After pack_index: resolve every na_when to question indexes and check its
 * values against the question it reads; errors go to the build. */
void lhost_check_conditions(struct build *b);

/* ---- lhost_tailor.c: tailoring and rules' `reads` ---------------------- */

/* [-0, +0] the `reads` list of the rule table at ridx into r. */
void lhost_rule_reads(struct build *b, int ridx, struct rule *r, int line);
/* Apply the `tailoring` list of the sector table at sidx (own: its id, whose
 * questions and rules it may not tailor) to the composition so far. */
void lhost_tailor(struct build *b, int sidx, const char *own);
/* Once the composition is complete: every rule's `reads` against it. */
void lhost_check_reads(struct build *b);
/* While tests run (h->reads_check): raise an error when the running rule
 * declares `reads` and question qi is not among them. */
void lhost_check_read(lua_State *L, struct lhost *h, int qi);

/* ---- lhost_framework.c: catalogue extension --------------------------- */

/* Protected, from require: register the framework table at idx that file
 * (at line) returned; a contract error is a Lua error naming file:line. */
void lhost_framework_required(lua_State *L, int idx, int file, int line);
/* The framework table at idx (a file plugin check loads) checked and
 * registered; errors go to b. */
void lhost_framework_check(struct build *b, int idx);
/* A duty a pack may cite: in the catalogue, and when a framework file added
 * it, one the pack's files require; else NULL. *hint is then the whole
 * message when there is more to say than "unknown duty id": the framework
 * file the pack lacks the require of, or that no framework has the prefix. */
const struct duty *lhost_find_duty(struct build *b, const char *id, const char **hint);

/* ---- lhost_eval.c: running a pack on a questionnaire ------------------ */

/* One evaluation of a questionnaire. */
struct lhost_eval {
	struct lhost *h;
	const struct pack *p;
	const struct qn *q;
	struct assessment *a;
	int ref;
	int overlay; /* stack index of the table of tried completions */
};

/* Whether question i's answer is missing information: unanswered, unknown,
 * or na where its applicability rests on a missing answer. */
bool lhost_eval_missing(const struct qn *q, int i);
/* Call rule i (its function at the top of the "rules" list at index fns)
 * once; true with *f filled when it fires. ev->h->order lists what it
 * read. */
bool lhost_eval_call_rule(lua_State *L, struct lhost_eval *ev, int fns, int answers, int ctx,
			  int i, struct finding *f);

/* ---- lhost_missing.c: what missing answers could hide ----------------- */

/* Whether the last call read a missing answer. */
bool lhost_missing_read(struct lhost_eval *ev);
/* Rule i has run once (fired: *f, the call's reads in h->order); search
 * the completions of the missing answers it read. Returns whether a
 * finding stands (in *f). */
bool lhost_missing_search(lua_State *L, struct lhost_eval *ev, int fns, int answers, int ctx,
			  int i, struct finding *f, bool fired);

/* ---- lhost_overrides.c ------------------------------------------------ */

/* [-0, +0] whether the rule function at idx could return a finding worse
 * than the rule declares (conservative: true when unsure). */
bool lhost_may_override(lua_State *L, int idx);

/* ---- lhost_extend.c: extends, and modules composed once ---------------- */

/* [-0, +1 when true] the sector pack the sector table at sidx extends. */
bool lhost_extends(struct build *b, int sidx, int depth);
/* Whether the module table at midx is in the composition already (it is
 * afterwards). */
bool lhost_module_seen(struct build *b, int midx);
/* Errors for a module table that tailors or extends. */
void lhost_module_extras(struct build *b, int midx, int line);
/* The error for a file whose value (at 1) is not a pack, with what it is,
 * at the file's last line. */
void lhost_not_a_pack(struct build *b, const char *kind);

/* ---- lhost_snapshot.c: the loaded state every assessment starts from --- */

/* Protected: freeze the tables reachable from the rules and score functions
 * of the pack table at 1 and record the other upvalues in its "snap". */
int lhost_snapshot(lua_State *L);

/* Tables the host made read-only that hold no pack function (the
 * libraries, the duty catalogue): the snapshot does not walk them. */
bool lhost_host_data(lua_State *L, int idx);
void lhost_mark_host_data(lua_State *L, int idx);
/* NULL when the table at idx holds only data (strings, numbers, booleans,
 * tables without metatables, at any depth), else what it holds ("function",
 * "metatable"). Charged. */
const char *lhost_plain_data(lua_State *L, int idx);

/* ---- lhost_catalogue.c: the duty catalogue ----------------------------- */

/* Find, run and check plugins/duties.lua into h->catalogue; set the global
 * `duties`. */
int lhost_load_catalogue(struct lhost *h, struct err *e);

/* ---- lhost_load.c: loading packs (the public API is in lhost.h) -------- */

/* The registry ref of a pack's Lua table (LUA_NOREF if p is not h's). */
int lhost_pack_ref(struct lhost *h, const struct pack *p);

/* lhost_l10n.c: put p in h->lang (when set), measure every language's
 * coverage; *out is the translations p now points to (freed with h). */
struct l10n;
int lhost_translate(struct lhost *h, struct pack *p, struct l10n **out, struct err *e);

#endif
