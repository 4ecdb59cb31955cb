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

/* What a child sent and how it ended. */
struct isolate_outcome {
	unsigned char *msg; /* malloc'd; the caller frees */
	size_t len;
	bool timed_out, too_long;
	int status; /* as waitpid gives it */
};

/* Run in the child: returns the message (malloc'd) and its length. */
typedef unsigned char *(*isolate_fn)(void *ud, size_t *len);

/* Fork a child under the limits above that runs fn(ud) and sends back what
 * it returns; read at most max bytes. Returns 0 (then see out) or ERR_PACK
 * when no child could be started. */
int isolate_run(isolate_fn fn, void *ud, size_t max, const struct isolate_opts *o,
		struct isolate_outcome *out, struct err *e);
/* Why the child failed ("crashed (signal 11, ...)"), in buf; NULL when it
 * ended normally after sending its message. */
const char *isolate_failure(const struct isolate_outcome *r, const struct isolate_opts *o,
			    char *buf, size_t n);

/* Like lhost_evaluate, in a child process: fills a->fn_score and
 * a->findings (a set up by score_init). Returns 0 or ERR_PACK with e set. */
int isolate_evaluate(struct lhost *h, const struct qn *q, struct assessment *a,
		     const struct isolate_opts *o, struct err *e);

#endif
