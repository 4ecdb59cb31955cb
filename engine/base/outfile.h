/* outfile: every output file is written where no reader can see it and put
 * in place under its name only when complete, so a failed or interrupted
 * run leaves no partial file and never clobbers an existing one.
 *
 * Where the file system supports O_TMPFILE, the data goes to an unnamed
 * file in the target's directory, which a signal, a crash or SIGKILL simply
 * frees; commit links it in under the target's name (or, when the target
 * exists, under a temporary name renamed over it at once). Elsewhere, a
 * temporary file `.NAME.PID.N.tmp` beside the target. Every temporary name
 * that exists is in a registry that outfile_cleanup_on_signals empties on
 * SIGINT, SIGTERM, SIGHUP and SIGPIPE (docs/security.md, Outputs). */
#ifndef DILIGO_OUTFILE_H
#define DILIGO_OUTFILE_H

#include "err.h"

struct outfile {
	char target[4096];
	/* What the writer opens by name ("w", "wb": it exists, truncate it):
	 * /proc/self/fd/N for the unnamed or the already created temporary file,
	 * the temporary name itself when /proc is not there, or the target. */
	char tmp[4200];
	char named[4200]; /* the temporary name while one exists, else "" */
	int fd;           /* the file being written, or -1 */
	int slot;         /* registry slot of named, or -1 */
	int direct; /* the target is a device or a pipe (/dev/stdout, /dev/full):
		       written in place, since it cannot be replaced */
};
int outfile_begin(struct outfile *f, const char *target, struct err *e);
int outfile_commit(struct outfile *f, struct err *e);
void outfile_discard(struct outfile *f);

/* On SIGINT, SIGTERM, SIGHUP and SIGPIPE (`--json - | head`): unlink every registered temporary name
 * (async-signal-safe calls only), then die of the same signal. Call once,
 * before any thread starts. */
void outfile_cleanup_on_signals(void);
/* In a child process that will not write files: the default action for
 * every signal outfile_cleanup_on_signals handles (async-signal-safe; call
 * right after fork, before anything else can run). */
void outfile_signals_default(void);
/* Tests: pretend the file system has no O_TMPFILE (named temporary files). */
void outfile_test_named_only(int on);

#endif
