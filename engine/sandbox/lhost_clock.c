/* The wall clock of a load or an assessment in this process: a backstop,
 * not a budget. The budgets are deterministic and count what they can: Lua
 * instructions, the work of library functions (lhost_work.c), memory. Some
 * work of the Lua VM itself is not visible to them: one instruction can
 * compare two 30 MB strings byte by byte, convert one to a number, copy a
 * million arguments or scan the free slots of a large table, and a pack
 * can repeat such an instruction millions of times within its instruction
 * budget. So every protected call into pack code also runs against a
 * deadline (--max-seconds; LHOST_DEFAULT_SECONDS): a per-thread POSIX timer
 * sends a signal at the deadline, and its handler sets a hook that fails
 * the pack at its next instruction with "time limit exceeded" (lua_sethook
 * is the one Lua call meant for a signal handler). A pack that stays within
 * its budgets never comes near it. In a child (isolate.c) the parent keeps
 * the time and this clock is off. See docs/security.md. */
#define _GNU_SOURCE /* gettid, SIGEV_THREAD_ID */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "lhost_int.h"

static _Thread_local struct lhost *armed; /* whose deadline this thread's timer keeps */
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int signo;

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

void lhost_clock_start(struct lhost *h)
{
	h->out_of_time = 0;
	h->deadline = h->clock_off ? 0 : now() + h->max_seconds;
}

const char *lhost_clock_message(struct lhost *h, char *buf, size_t n)
{
	snprintf(buf, n, "time limit exceeded (%g seconds; see --max-seconds)", h->max_seconds);
	return buf;
}

/* Set by the handler on the thread running pack code: raise at once, and
 * again at every instruction, so that no pcall catches it for long. */
static void time_hook(lua_State *L, lua_Debug *ar)
{
	char buf[200];

	(void)ar;
	luaL_error(L, "%s", lhost_clock_message(lhost_from(L), buf, sizeof buf));
}

static void on_alarm(int sig, siginfo_t *si, void *uc)
{
	struct lhost *h = armed;
	int saved = errno;

	(void)sig, (void)si, (void)uc;
	if (h && now() >= h->deadline) { /* not a signal from an earlier arming */
		lua_State *r = h->running;

		h->out_of_time = 1;
		lua_sethook(h->L, time_hook, LUA_MASKCOUNT, 1);
		if (r && r != h->L)
			lua_sethook(r, time_hook, LUA_MASKCOUNT, 1);
	}
	errno = saved;
}

static void install(void)
{
	struct sigaction sa = { 0 };

	signo = SIGRTMIN + 3;
	sa.sa_sigaction = on_alarm;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	sigemptyset(&sa.sa_mask);
	if (sigaction(signo, &sa, NULL))
		signo = 0;
}

/* The host's timer, signalling this thread; false when there is none. */
static bool timer_here(struct lhost *h)
{
	pid_t tid = gettid();
	struct sigevent ev = { 0 };

	if (h->have_timer && h->timer_tid == tid)
		return true;
	if (h->have_timer) {
		timer_delete(h->timer);
		h->have_timer = false;
	}
	pthread_once(&once, install);
	if (!signo)
		return false;
	ev.sigev_notify = SIGEV_THREAD_ID;
	ev.sigev_signo = signo;
	ev._sigev_un._tid = tid;
	if (timer_create(CLOCK_MONOTONIC, &ev, &h->timer))
		return false;
	h->have_timer = true;
	h->timer_tid = tid;
	return true;
}

void lhost_clock_arm(struct lhost *h)
{
	struct itimerspec it = { 0 };
	double left;

	if (h->clock_off || h->max_seconds <= 0 || h->deadline <= 0 || !timer_here(h))
		return;
	left = h->deadline - now();
	if (left < 1e-6)
		left = 1e-6;
	it.it_value.tv_sec = (time_t)left;
	it.it_value.tv_nsec = (long)((left - (double)(time_t)left) * 1e9);
	armed = h;
	timer_settime(h->timer, 0, &it, NULL);
}

void lhost_clock_disarm(struct lhost *h)
{
	struct itimerspec it = { 0 };

	if (armed != h)
		return;
	armed = NULL;
	timer_settime(h->timer, 0, &it, NULL);
}

void lhost_clock_free(struct lhost *h)
{
	if (h->have_timer)
		timer_delete(h->timer);
	h->have_timer = false;
}
