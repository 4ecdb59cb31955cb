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

enum { RESULT_FD = 3, DEFAULT_HEADROOM_MB = 1024 };

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
			_exit(3);
		p += k;
		n -= (size_t)k;
	}
}

static _Noreturn void child(struct lhost *h, const struct qn *q, struct assessment *a, int wfd,
			    const struct isolate_opts *o)
{
	struct err e = { 0 };
	unsigned char *msg;
	size_t len;
	int st;

	if (wfd != RESULT_FD && dup2(wfd, RESULT_FD) < 0)
		_exit(2);
	/* nothing but stdin, stdout, stderr and the result pipe */
	if (syscall(SYS_close_range, RESULT_FD + 1, ~0U, 0) < 0)
		for (int fd = RESULT_FD + 1; fd < 1024; fd++)
			close(fd);
	limit_resources(o);
	if (install_filter())
		_exit(2);
	lhost_in_child(h);
	st = lhost_evaluate(h, q->pack, q, a, &e);
	msg = evalmsg_encode(a, st, &e, &len);
	write_all(RESULT_FD, msg, len);
	_exit(0);
}

/* ---- the parent ------------------------------------------------------- */

static double now_s(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

struct reading {
	unsigned char *buf;
	size_t n, cap, max;
	bool timed_out, too_long;
};

/* Read the child's message until end of file, the deadline or the bound. */
static void read_result(int fd, double deadline, struct reading *r)
{
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
		GROW(r->buf, r->n + 65536, r->cap);
		k = read(fd, r->buf + r->n, 65536);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return;
		r->n += (size_t)k;
		if (r->n > r->max) {
			r->too_long = true;
			return;
		}
	}
}

/* "rule 'x'" or "the score function of question 'y'" the child was in. */
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

static int child_failed(const struct qn *q, const struct reading *r, int status, int w,
			double secs, struct err *e)
{
	const struct pack *p = q->pack;
	char where[200], why[200];

	running(p, w, where, sizeof where);
	if (r->timed_out)
		snprintf(why, sizeof why, "did not finish within %g seconds (see --max-seconds)", secs);
	else if (r->too_long)
		snprintf(why, sizeof why, "sent a result larger than any valid one");
	else if (WIFSIGNALED(status) && WTERMSIG(status) == SIGSYS)
		snprintf(why, sizeof why, "made a system call the sandbox forbids");
	else if (WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT)
		snprintf(why, sizeof why, "ran out of memory or aborted");
	else if (WIFSIGNALED(status))
		snprintf(why, sizeof why, "crashed (signal %d, %s)", WTERMSIG(status),
			 strsignal(WTERMSIG(status)));
	else
		snprintf(why, sizeof why, "stopped with status %d before its result",
			 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	snprintf(e->file, sizeof e->file, "%s", q->path);
	e->line = e->col = 0;
	return err_set(e, ERR_PACK, "pack '%s'%s %s while assessing supplier '%s'", p->id, where,
		       why, q->supplier.id ? q->supplier.id : "?");
}

int isolate_evaluate(struct lhost *h, const struct qn *q, struct assessment *a,
		     const struct isolate_opts *o, struct err *e)
{
	double secs = o->max_seconds > 0 ? o->max_seconds : ISOLATE_DEFAULT_SECONDS;
	struct reading r = { .max = evalmsg_max(q->pack) };
	volatile int *w = watch_slot();
	int fds[2], status = 0, rc;
	pid_t pid;

	pthread_once(&filter_once, build_filter);
	if (!filter.filter)
		return err_set(e, ERR_PACK, "cannot isolate the pack: no seccomp filter");
	if (!w || pipe2(fds, O_CLOEXEC))
		return err_set(e, ERR_PACK, "cannot isolate the pack: %s", strerror(errno));
	*w = -1;
	lhost_watch(h, w);
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		child(h, q, a, fds[1], o);
	}
	lhost_watch(h, NULL);
	close(fds[1]);
	if (pid < 0) {
		close(fds[0]);
		return err_set(e, ERR_PACK, "cannot isolate the pack: %s", strerror(errno));
	}
	read_result(fds[0], now_s() + secs, &r);
	if (r.timed_out || r.too_long)
		kill(pid, SIGKILL);
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (r.timed_out || r.too_long || !WIFEXITED(status) || WEXITSTATUS(status))
		rc = child_failed(q, &r, status, *w, secs, e);
	else if ((rc = evalmsg_decode(r.buf, r.n, a, e)) && !e->file[0])
		snprintf(e->file, sizeof e->file, "%s", q->path);
	free(r.buf);
	return rc;
}
