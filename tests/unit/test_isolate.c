/* Isolation (engine/assess/isolate.c, evalmsg.c): a child that crashes,
 * hangs, runs out of memory or makes a forbidden system call fails with a
 * message and never takes the parent down; an isolated evaluation gives
 * exactly what the same evaluation gives in-process; the result message
 * round-trips and a damaged one is refused. */
#include <fcntl.h>
#include <math.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "alloc.h"
#include "evalmsg.h"
#include "isolate.h"
#include "score.h"

static const struct isolate_opts quick = { .max_seconds = 0.3 };
static const struct isolate_opts roomy = { .max_seconds = 20 };

static const char *outcome(isolate_fn fn, const struct isolate_opts *o)
{
	static char buf[256];
	struct isolate_outcome r;
	struct err e = { 0 };
	const char *why;

	assert_int_equal(isolate_run(fn, NULL, 1 << 20, o, &r, &e), 0);
	why = isolate_failure(&r, o, buf, sizeof buf);
	free(r.msg);
	return why ? why : "ok";
}

static unsigned char *fine(void *ud, size_t *len)
{
	(void)ud;
	*len = 2;
	return (unsigned char *)xstrdup("ok");
}

static unsigned char *opens(void *ud, size_t *len)
{
	(void)ud, (void)len;
	open("/etc/passwd", O_RDONLY); /* seccomp kills the child here */
	return NULL;
}

static unsigned char *forks(void *ud, size_t *len)
{
	(void)ud, (void)len;
	fork();
	return NULL;
}

static unsigned char *segfaults(void *ud, size_t *len)
{
	(void)len;
	*(volatile int *)ud = 1; /* ud is NULL */
	return NULL;
}

static unsigned char *spins(void *ud, size_t *len)
{
	(void)ud, (void)len;
	for (volatile unsigned long i = 0;; i++)
		;
	return NULL;
}

static unsigned char *grabs(void *ud, size_t *len) __attribute__((unused));
static unsigned char *grabs(void *ud, size_t *len)
{
	(void)ud, (void)len;
	for (;;)
		memset(xmalloc(64 << 20), 1, 64 << 20); /* RLIMIT_AS stops it */
	return NULL;
}

static unsigned char *floods(void *ud, size_t *len)
{
	(void)ud;
	*len = 4 << 20; /* more than the bound the parent reads */
	return calloc(1, *len);
}

static void test_children(void **state)
{
	(void)state;
	assert_string_equal(outcome(fine, &quick), "ok");
	assert_string_equal(outcome(opens, &quick), "made a system call the sandbox forbids");
	assert_string_equal(outcome(forks, &quick), "made a system call the sandbox forbids");
#if defined(__SANITIZE_ADDRESS__) /* its report needs calls the filter forbids */
	assert_string_not_equal(outcome(segfaults, &quick), "ok");
#else
	assert_string_equal(outcome(segfaults, &quick), "crashed (signal 11, Segmentation fault)");
#endif
	assert_string_equal(outcome(spins, &quick),
			    "did not finish within 0.3 seconds (see --max-seconds)");
	assert_string_equal(outcome(floods, &quick), "sent a result larger than any valid one");
#if !defined(__SANITIZE_ADDRESS__)
	{
		struct isolate_opts small = { .max_seconds = 5, .max_address_space = 256 << 20 };

		assert_string_equal(outcome(grabs, &small), "ran out of memory");
	}
#endif
}

/* ---- evaluations of the isolation test pack ------------------------------ */

static struct lhost *host;
static const struct pack *pack;

static int setup(void **state)
{
	struct lhost_opts o = { 0 };
	struct err e = { 0 };

	(void)state;
	host = lhost_new(&o, &e);
	pack = host ? lhost_pack(host, "tests/packs/isolation/isolation.lua", &e) : NULL;
	if (!pack)
		fprintf(stderr, "%s\n", e.msg);
	return pack ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	lhost_free(host);
	return 0;
}

static struct qn *questionnaire(const char *id, const char *policy)
{
	char buf[512];
	struct err e = { 0 };
	struct qn *q;

	snprintf(buf, sizeof buf,
		 "diligo: 1\nsupplier: { id: %s, name: N, country: FR, sector: isolation, employees: 120 }\n"
		 "answers:\n  isolation.policy: %s\n  isolation.workers: 3\n", id, policy);
	q = qn_parse("q.yaml", buf, strlen(buf), &e);
	assert_non_null(q);
	assert_int_equal(qn_bind(q, pack, &e), 0);
	return q;
}

static void assert_same(const struct assessment *x, const struct assessment *y)
{
	assert_int_equal(x->nfindings, y->nfindings);
	for (int i = 0; i < x->nfindings; i++) {
		assert_ptr_equal(x->findings[i].rule, y->findings[i].rule);
		assert_int_equal(x->findings[i].likelihood, y->findings[i].likelihood);
		assert_string_equal(x->findings[i].detail ? x->findings[i].detail : "-",
				    y->findings[i].detail ? y->findings[i].detail : "-");
		assert_int_equal(x->findings[i].nquestions, y->findings[i].nquestions);
	}
	assert_true(x->overall == y->overall || (isnan(x->overall) && isnan(y->overall)));
	assert_int_equal(x->rating, y->rating);
}

static void test_same_as_in_process(void **state)
{
	const char *policies[] = { "yes", "no", "partial", "unknown" };

	(void)state;
	/* each on a fresh host: in-process, the pack's counter counts the
	 * assessments (a leak the child never has) */
	for (int i = 0; i < 4; i++) {
		struct assessment in, out;
		struct err e = { 0 };
		struct qn *q;

		teardown(state);
		assert_int_equal(setup(state), 0);
		q = questionnaire("GOOD-1", policies[i]);
		/* the child first: it leaves the host as it was */
		score_init(&out, q);
		assert_int_equal(isolate_evaluate(host, q, &out, &roomy, &e), 0);
		score_assessment(&out);
		score_init(&in, q);
		assert_int_equal(lhost_evaluate(host, pack, q, &in, &e), 0);
		score_assessment(&in);
		assert_same(&in, &out);
		qn_free(q);
	}
}

static void test_hostile_assessments(void **state)
{
	static const struct {
		const char *id, *message;
	} cases[] = {
		{ "EVIL-H1", "pack 'isolation' in rule 'isolation.attack' did not finish within 0.3 "
			     "seconds (see --max-seconds) while assessing supplier 'EVIL-H1'" },
		/* the first wall also holds in the child: the budget stops it */
		{ "EVIL-M1", "tests/packs/isolation/isolation.lua:20: table.move: instruction budget "
			     "exceeded (10000000 instructions; see --max-instructions) (rule "
			     "'isolation.attack')" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct qn *q = questionnaire(cases[i].id, "no");
		struct assessment a;
		struct err e = { 0 };

		score_init(&a, q);
		assert_int_equal(isolate_evaluate(host, q, &a, &quick, &e), ERR_PACK);
		assert_string_equal(e.msg, cases[i].message);
		assert_string_equal(e.file, "q.yaml");
		qn_free(q);
	}
}

static void test_message_round_trip(void **state)
{
	struct qn *q = questionnaire("EVIL-D1", "no");
	struct assessment a, b;
	struct err e = { 0 };
	unsigned char *msg;
	size_t len;

	(void)state;
	score_init(&a, q);
	assert_int_equal(lhost_evaluate(host, pack, q, &a, &e), 0);
	msg = evalmsg_encode(&a, 0, NULL, &len);
	score_init(&b, q);
	assert_int_equal(evalmsg_decode(msg, len, &b, &e), 0);
	assert_int_equal(b.nfindings, 2);
	assert_int_equal((int)strlen(b.findings[0].detail), DILIGO_MAX_DETAIL_BYTES);
	/* every shorter prefix is refused, never read past */
	for (size_t n = 0; n < len; n += 1 + n / 64) {
		score_init(&b, q);
		assert_int_equal(evalmsg_decode(msg, n, &b, &e), ERR_PACK);
	}
	/* a rule index out of range */
	score_init(&b, q);
	msg[4 * 4 + 8 * (size_t)pack->nquestions] = 0xff;
	assert_int_equal(evalmsg_decode(msg, len, &b, &e), ERR_PACK);
	assert_string_equal(e.msg, "the isolated evaluation sent an invalid result (rule)");
	free(msg);
	qn_free(q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_children),
		cmocka_unit_test(test_same_as_in_process),
		cmocka_unit_test(test_hostile_assessments),
		cmocka_unit_test(test_message_round_trip),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
