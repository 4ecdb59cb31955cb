/* One assessment's pack code in a child process; see isolate.h. */
#define _GNU_SOURCE /* close_range, pipe2 */
#include <errno.h>
#include <fcntl.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <pthread.h>
#include <seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "evalmsg.h"
#include "isolate.h"
#include "outfile.h"

#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif
#ifndef SANITIZED
#define SANITIZED 0
#endif

enum { RESULT_FD = 3, DEFAULT_HEADROOM_MB = 1024, EXIT_OUT_OF_MEMORY = 86 };

/* Which rule (>= 0) or question score function (-2 - index) the child is
 * running, in memory shared with it: what the parent names after a crash.
 * One page per worker thread, kept for the life of the process. */
static _Thread_local volatile int *watch;

static volatile int *watch_slot(void)
{
	if (!watch) {
		void *m = mmap(NULL, sizeof *watch, PROT_READ | PROT_WRITE,
			       MAP_SHARED | MAP_ANONYMOUS, -1, 0);

		watch = m == MAP_FAILED ? NULL : m;
	}
	return watch;
}

/* ---- the child -------------------------------------------------------- */

/* The address space in use now, in bytes (0 when unknown). */
static size_t address_space(void)
{
	unsigned long pages = 0;
	FILE *f = fopen("/proc/self/statm", "r");

	if (f) {
		if (fscanf(f, "%lu", &pages) != 1)
			pages = 0;
		fclose(f);
	}
	return (size_t)pages * (size_t)sysconf(_SC_PAGESIZE);
}

static void limit_resources(const struct isolate_opts *o)
{
	struct rlimit none = { 0, 0 };

	setrlimit(RLIMIT_CORE, &none);
	if (!SANITIZED) {
		size_t extra = o->max_address_space ? o->max_address_space
						    : (size_t)DEFAULT_HEADROOM_MB << 20;
		struct rlimit as = { address_space() + extra, address_space() + extra };

		setrlimit(RLIMIT_AS, &as);
	}
}

/* Kill the process on anything but the calls pack code needs to compute
 * and answer: no open, no socket, no exec, no executable memory. Built
 * once per process (libseccomp compiles it to BPF); children only load it. */
static struct sock_fprog filter;
static pthread_once_t filter_once = PTHREAD_ONCE_INIT;

static void build_filter(void)
{
	static const int allowed[] = {
		SCMP_SYS(read), SCMP_SYS(write), SCMP_SYS(munmap), SCMP_SYS(mremap),
		SCMP_SYS(brk), SCMP_SYS(madvise), SCMP_SYS(futex), SCMP_SYS(clock_gettime),
		SCMP_SYS(rt_sigreturn), SCMP_SYS(exit), SCMP_SYS(exit_group),
	};
	scmp_filter_ctx f = seccomp_init(SCMP_ACT_KILL_PROCESS);
	int rc = f ? 0 : -1, fd = -1;
	off_t size;

	for (size_t i = 0; !rc && i < sizeof allowed / sizeof *allowed; i++)
		rc = seccomp_rule_add(f, SCMP_ACT_ALLOW, allowed[i], 0);
	/* AddressSanitizer reads the signal stack (sigaltstack(NULL, &old)) before
	 * every call that does not return, _exit and longjmp included */
	if (!rc && SANITIZED)
		rc = seccomp_rule_add(f, SCMP_ACT_ALLOW, SCMP_SYS(sigaltstack), 1,
				      SCMP_A0(SCMP_CMP_EQ, 0, 0));
	/* memory, but never executable memory */
	if (!rc)
		rc = seccomp_rule_add(f, SCMP_ACT_ALLOW, SCMP_SYS(mmap), 1,
				      SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0));
	if (!rc)
		rc = seccomp_rule_add(f, SCMP_ACT_ALLOW, SCMP_SYS(mprotect), 1,
				      SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0));
	if (!rc && (fd = memfd_create("diligo-seccomp", MFD_CLOEXEC)) >= 0 &&
	    !seccomp_export_bpf(f, fd) && (size = lseek(fd, 0, SEEK_END)) > 0 &&
	    size % (off_t)sizeof(struct sock_filter) == 0) {
		struct sock_filter *prog = xmalloc((size_t)size);

		if (pread(fd, prog, (size_t)size, 0) == size) {
			filter.filter = prog; /* kept for the life of the process */
			filter.len = (unsigned short)(size / (off_t)sizeof *prog);
		} else {
			free(prog);
		}
	}
	if (fd >= 0)
		close(fd);
	seccomp_release(f);
}

static int install_filter(void)
{
	if (!filter.filter)
		return -1;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
		return -1;
	return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &filter);
}

static void write_all(int fd, const unsigned char *p, size_t n)
{
	while (n) {
		ssize_t k = write(fd, p, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			syscall(SYS_exit_group, 3);
		p += k;
		n -= (size_t)k;
	}
}

static const int fatal[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGSYS };

static _Noreturn void child(isolate_fn fn, void *ud, int wfd, const struct isolate_opts *o)
{
	unsigned char *msg;
	size_t len = 0;

	if (wfd != RESULT_FD && dup2(wfd, RESULT_FD) < 0)
		_exit(2);
	/* nothing but stdin, stdout, stderr and the result pipe */
	if (syscall(SYS_close_range, RESULT_FD + 1, ~0U, 0) < 0)
		for (int fd = RESULT_FD + 1; fd < 1024; fd++)
			close(fd);
	/* the parent's handlers (temporary-file cleanup, a test harness's
	 * crash reports) are not the child's business; sanitizers keep theirs */
	outfile_signals_default();
	if (!SANITIZED)
		for (size_t i = 0; i < sizeof fatal / sizeof *fatal; i++)
			signal(fatal[i], SIG_DFL);
	xalloc_exit_on_failure(EXIT_OUT_OF_MEMORY);
	limit_resources(o);
	if (install_filter())
		_exit(2);
	msg = fn(ud, &len);
	write_all(RESULT_FD, msg, len);
	syscall(SYS_exit_group, 0); /* not _exit: sanitizers' teardown needs more calls */
	_exit(0);
}

/* ---- the parent ------------------------------------------------------- */

static double now_s(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double seconds(const struct isolate_opts *o)
{
	return o->max_seconds > 0 ? o->max_seconds : ISOLATE_DEFAULT_SECONDS;
}

/* Read the child's message until end of file, the deadline or the bound. */
static void read_result(int fd, double deadline, size_t max, struct isolate_outcome *r)
{
	size_t cap = 0;

	for (;;) {
		struct pollfd pfd = { fd, POLLIN, 0 };
		double left = deadline - now_s();
		ssize_t k;
		int rc;

		if (left <= 0) {
			r->timed_out = true;
			return;
		}
		rc = poll(&pfd, 1, (int)(left * 1000) + 1);
		if (rc < 0 && errno == EINTR)
			continue;
		if (rc == 0)
			continue; /* the deadline is checked above */
		GROW(r->msg, r->len + 65536, cap);
		k = read(fd, r->msg + r->len, 65536);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return;
		r->len += (size_t)k;
		if (r->len > max) {
			r->too_long = true;
			return;
		}
	}
}

int isolate_run(isolate_fn fn, void *ud, size_t max, const struct isolate_opts *o,
		struct isolate_outcome *out, struct err *e)
{
	int fds[2];
	pid_t pid;

	memset(out, 0, sizeof *out);
	pthread_once(&filter_once, build_filter);
	if (!filter.filter)
		return err_set(e, ERR_PACK, "cannot isolate the pack: no seccomp filter");
	if (pipe2(fds, O_CLOEXEC))
		return err_set(e, ERR_PACK, "cannot isolate the pack: %s", strerror(errno));
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		child(fn, ud, fds[1], o);
	}
	close(fds[1]);
	if (pid < 0) {
		close(fds[0]);
		return err_set(e, ERR_PACK, "cannot isolate the pack: %s", strerror(errno));
	}
	read_result(fds[0], now_s() + seconds(o), max, out);
	if (out->timed_out || out->too_long)
		kill(pid, SIGKILL);
	close(fds[0]);
	while (waitpid(pid, &out->status, 0) < 0 && errno == EINTR)
		;
	return 0;
}

const char *isolate_failure(const struct isolate_outcome *r, const struct isolate_opts *o,
			    char *buf, size_t n)
{
	int sig = WIFSIGNALED(r->status) ? WTERMSIG(r->status) : 0;

	if (r->timed_out)
		snprintf(buf, n, "did not finish within %g seconds (see --max-seconds)", seconds(o));
	else if (r->too_long)
		snprintf(buf, n, "sent a result larger than any valid one");
	else if (sig == SIGSYS)
		snprintf(buf, n, "made a system call the sandbox forbids");
	else if (sig == SIGABRT || (WIFEXITED(r->status) && WEXITSTATUS(r->status) == EXIT_OUT_OF_MEMORY))
		snprintf(buf, n, "ran out of memory");
	else if (sig)
		snprintf(buf, n, "crashed (signal %d, %s)", sig, strsignal(sig));
	else if (!WIFEXITED(r->status) || WEXITSTATUS(r->status))
		snprintf(buf, n, "stopped with status %d before its result",
			 WIFEXITED(r->status) ? WEXITSTATUS(r->status) : -1);
	else
		return NULL;
	return buf;
}

/* ---- one assessment --------------------------------------------------- */

struct evaluation {
	struct lhost *h;
	const struct qn *q;
	struct assessment *a;
};

static unsigned char *evaluate(void *ud, size_t *len)
{
	struct evaluation *ev = ud;
	struct err e = { 0 };
	int st;

	lhost_in_child(ev->h);
	st = lhost_evaluate(ev->h, ev->q->pack, ev->q, ev->a, &e);
	return evalmsg_encode(ev->a, st, &e, len);
}

/* "in rule 'x'" or "in the score function of question 'y'". */
static const char *running(const struct pack *p, int w, char *buf, size_t n)
{
	if (w >= 0 && w < p->nrules)
		snprintf(buf, n, " in rule '%s'", p->rules[w].id);
	else if (w <= -2 && -w - 2 < p->nquestions)
		snprintf(buf, n, " in the score function of question '%s'", p->questions[-w - 2].id);
	else
		buf[0] = '\0';
	return buf;
}

int isolate_evaluate(struct lhost *h, const struct qn *q, struct assessment *a,
		     const struct isolate_opts *o, struct err *e)
{
	struct evaluation ev = { h, q, a };
	struct isolate_outcome r;
	volatile int *w = watch_slot();
	char where[200], why[200];
	int rc;

	if (!w)
		return err_set(e, ERR_PACK, "cannot isolate the pack: %s", strerror(errno));
	*w = -1;
	lhost_watch(h, w);
	rc = isolate_run(evaluate, &ev, evalmsg_max(q->pack), o, &r, e);
	lhost_watch(h, NULL);
	if (rc)
		return rc;
	if (isolate_failure(&r, o, why, sizeof why)) {
		e->line = e->col = 0;
		rc = err_set(e, ERR_PACK, "pack '%s'%s %s while assessing supplier '%s'", q->pack->id,
			     running(q->pack, *w, where, sizeof where), why,
			     q->supplier.id ? q->supplier.id : "?");
		snprintf(e->file, sizeof e->file, "%s", q->path);
	} else if ((rc = evalmsg_decode(r.msg, r.len, a, e)) && !e->file[0]) {
		snprintf(e->file, sizeof e->file, "%s", q->path);
	}
	free(r.msg);
	return rc;
}
