/* Atomic writes: an unnamed (O_TMPFILE) or a registered temporary file in the
 * target's directory, put in place on commit; see outfile.h. */
#define _GNU_SOURCE /* O_TMPFILE */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bounds.h"
#include "outfile.h"

/* ---- the registry of temporary names ---------------------------------
 * A slot goes FREE -> WRITING (its path being copied in) -> LIVE -> FREE.
 * The signal handler takes LIVE slots to CLAIMED before it reads their path,
 * so that no thread reuses a slot while the handler reads it; a claimed
 * slot is never freed (the process is dying). A name is registered before
 * the file exists and unregistered after it is gone (renamed or unlinked),
 * so no temporary name is ever on disk unregistered. */
enum { FREE, WRITING, LIVE, CLAIMED };

static struct {
	_Atomic int state;
	char path[sizeof ((struct outfile *)0)->named];
} slots[DILIGO_MAX_LIVE_TEMPS];
static _Atomic int dying; /* a signal is removing the temporary files */
static int named_only;    /* tests: no O_TMPFILE */

static int reg(const char *path)
{
	for (int i = 0; i < DILIGO_MAX_LIVE_TEMPS; i++) {
		int want = FREE;

		if (atomic_compare_exchange_strong(&slots[i].state, &want, WRITING)) {
			snprintf(slots[i].path, sizeof slots[i].path, "%s", path);
			atomic_store(&slots[i].state, LIVE);
			return i;
		}
	}
	return -1;
}

static void unreg(int i)
{
	int want = LIVE;

	if (i >= 0)
		atomic_compare_exchange_strong(&slots[i].state, &want, FREE);
}

static void on_signal(int sig)
{
	int saved = errno;
	struct sigaction dfl;

	atomic_store(&dying, 1);
	for (int i = 0; i < DILIGO_MAX_LIVE_TEMPS; i++) {
		int want = LIVE;

		if (atomic_compare_exchange_strong(&slots[i].state, &want, CLAIMED))
			unlink(slots[i].path);
	}
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(sig, &dfl, NULL);
	errno = saved;
	raise(sig); /* pending while the handler runs; then the default action */
}

static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };

void outfile_signals_default(void)
{
	struct sigaction dfl;

	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
		struct sigaction old;

		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == on_signal)
			sigaction(sigs[i], &dfl, NULL);
	}
}

void outfile_cleanup_on_signals(void)
{
	struct sigaction sa, old;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
		sigaddset(&sa.sa_mask, sigs[i]);
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(sigs[i], &sa, NULL); /* nohup's ignored SIGHUP stays ignored */
}

void outfile_test_named_only(int on)
{
	named_only = on;
}

/* ---- one output file -------------------------------------------------- */

/* The directory of target: "dir" of "dir/name", "." of "name", "/" of "/name". */
static void dir_of(const char *target, char *dir, size_t n)
{
	const char *slash = strrchr(target, '/');

	if (!slash)
		snprintf(dir, n, ".");
	else if (slash == target)
		snprintf(dir, n, "/");
	else
		snprintf(dir, n, "%.*s", (int)(slash - target), target);
}

static void proc_path(char *buf, size_t n, int fd)
{
	snprintf(buf, n, "/proc/self/fd/%d", fd);
}

/* Can the file be opened again through /proc/self/fd (writers that take a
 * name, libxlsxwriter, open it there: no name to leave behind)? */
static bool reopens(const char *path)
{
	int t = open(path, O_WRONLY | O_CLOEXEC);

	if (t < 0)
		return false;
	close(t);
	return true;
}

/* A registered temporary name beside the target, for the file at fd (-1: a
 * name only). */
static int make_named(struct outfile *f, const char *dir, const char *base, struct err *e)
{
	static _Atomic unsigned counter;

	snprintf(f->named, sizeof f->named, "%s/.%s.%ld.%u.tmp", dir, base, (long)getpid(),
		 counter++);
	if ((f->slot = reg(f->named)) < 0) {
		f->named[0] = '\0';
		return err_set(e, ERR_IO, "cannot write '%s': too many output files at once",
			       f->target);
	}
	return 0;
}

static void drop_named(struct outfile *f)
{
	if (f->named[0]) {
		unlink(f->named);
		unreg(f->slot);
	}
	f->named[0] = '\0';
	f->slot = -1;
}

static int io_error(struct outfile *f, struct err *e, int errnum)
{
	return err_set(e, ERR_IO, "cannot write '%s': %s", f->target, strerror(errnum));
}

int outfile_begin(struct outfile *f, const char *target, struct err *e)
{
	const char *slash = strrchr(target, '/');
	const char *base = slash ? slash + 1 : target;
	struct stat st;
	char dir[4096];

	f->fd = f->slot = -1;
	f->named[0] = f->tmp[0] = '\0';
	if (strlen(target) >= sizeof f->target)
		return err_set(e, ERR_IO, "output path is too long");
	snprintf(f->target, sizeof f->target, "%s", target);
	dir_of(target, dir, sizeof dir);
	if (stat(dir, &st) || !S_ISDIR(st.st_mode))
		return err_set(e, ERR_IO, "cannot write '%s': %s", target,
			       errno ? strerror(errno) : "not a directory");
	if (stat(target, &st) == 0 && S_ISDIR(st.st_mode))
		return err_set(e, ERR_IO, "cannot write '%s': Is a directory", target);
	/* a device or pipe, or a name in /dev or /proc (/dev/stdout is a link
	 * to /proc/self/fd/1, a regular file when stdout is redirected to one):
	 * written in place, never replaced by a renamed temporary file */
	f->direct = (stat(target, &st) == 0 && !S_ISREG(st.st_mode)) ||
		    !strncmp(dir, "/dev", 4) || !strncmp(dir, "/proc", 5);
	if (f->direct) {
		snprintf(f->tmp, sizeof f->tmp, "%s", target);
		return 0;
	}
	if (access(dir, W_OK))
		return io_error(f, e, errno);
#ifdef O_TMPFILE
	if (!named_only && (f->fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0666)) >= 0) {
		proc_path(f->tmp, sizeof f->tmp, f->fd);
		if (reopens(f->tmp))
			return 0;
		close(f->fd); /* no /proc: a named file */
		f->fd = -1;
	}
#endif
	if (make_named(f, dir, base, e))
		return ERR_IO;
	if ((f->fd = open(f->named, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0666)) < 0) {
		int saved = errno;

		unreg(f->slot);
		f->named[0] = '\0';
		return io_error(f, e, saved);
	}
	if (atomic_load(&dying)) { /* the handler may have run before the file existed */
		drop_named(f);
		close(f->fd);
		f->fd = -1;
		return err_set(e, ERR_IO, "cannot write '%s': interrupted", target);
	}
	proc_path(f->tmp, sizeof f->tmp, f->fd);
	if (!reopens(f->tmp))
		snprintf(f->tmp, sizeof f->tmp, "%s", f->named);
	return 0;
}

static void close_fd(struct outfile *f)
{
	if (f->fd >= 0)
		close(f->fd);
	f->fd = -1;
}

int outfile_commit(struct outfile *f, struct err *e)
{
	int rc = 0;

	if (f->direct)
		return 0;
	if (!f->named[0]) { /* unnamed: link it in under the target's name */
		const char *slash = strrchr(f->target, '/');
		char dir[4096];

		if (linkat(AT_FDCWD, f->tmp, AT_FDCWD, f->target, AT_SYMLINK_FOLLOW) == 0) {
			close_fd(f);
			return 0;
		}
		if (errno != EEXIST) {
			rc = io_error(f, e, errno);
			close_fd(f);
			return rc;
		}
		/* the target exists: a name beside it, renamed over it at once */
		dir_of(f->target, dir, sizeof dir);
		if (make_named(f, dir, slash ? slash + 1 : f->target, e)) {
			close_fd(f);
			return ERR_IO;
		}
		if (linkat(AT_FDCWD, f->tmp, AT_FDCWD, f->named, AT_SYMLINK_FOLLOW)) {
			rc = io_error(f, e, errno);
			unreg(f->slot);
			f->named[0] = '\0';
			close_fd(f);
			return rc;
		}
	}
	if (atomic_load(&dying)) {
		rc = err_set(e, ERR_IO, "cannot write '%s': interrupted", f->target);
	} else if (rename(f->named, f->target)) {
		rc = io_error(f, e, errno);
	} else {
		unreg(f->slot);
		f->named[0] = '\0';
	}
	drop_named(f); /* after a failure; nothing left to do after a rename */
	close_fd(f);
	return rc;
}

void outfile_discard(struct outfile *f)
{
	if (f->direct)
		return;
	drop_named(f);
	close_fd(f);
}
