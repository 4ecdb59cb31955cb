/* isolate: the untrusted part of an assessment — a pack's rules and score
 * functions — run in a child process forked for that one assessment.
 *
 * The child is a copy-on-write image of the worker's Lua host as the pack
 * left it after loading, so nothing one assessment changes can survive into
 * the next, whatever the pack hides where (coroutines, upvalues, metatables,
 * weak tables). Before it runs any pack code the child closes every
 * descriptor but the result pipe and stderr, sets RLIMIT_AS (not in
 * sanitizer builds, whose shadow memory it would break) and RLIMIT_CORE,
 * and installs a seccomp filter that kills it on any system call but
 * read/write, memory management, futex, clock_gettime, rt_sigreturn and
 * exit. The parent enforces a wall-clock limit (SIGKILL), reads the result
 * message (evalmsg.h) up to a bound, validates it, and turns a crash, a
 * hang, running out of memory or a forbidden call into an error for that
 * supplier naming the pack and the rule that was running. */
#ifndef DILIGO_ISOLATE_H
#define DILIGO_ISOLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "assessment.h"
#include "err.h"
#include "lhost.h"
#include "qn.h"

struct isolate_opts {
	double max_seconds;       /* wall clock per assessment; 0 = default */
	size_t max_address_space; /* RLIMIT_AS headroom of the child in bytes; 0 = default */
	bool always;              /* bundled packs too (else they run in-process) */
};

enum { ISOLATE_DEFAULT_SECONDS = 5 };

/* Like lhost_evaluate, in a child process: fills a->fn_score and
 * a->findings (a set up by score_init). Returns 0 or ERR_PACK with e set. */
int isolate_evaluate(struct lhost *h, const struct qn *q, struct assessment *a,
		     const struct isolate_opts *o, struct err *e);

#endif
