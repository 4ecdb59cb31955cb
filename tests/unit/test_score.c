/* Scoring (docs/scoring.md) on a pack and answers built in C: every number
 * checked against a hand calculation. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "arena.h"
#include "score.h"
#include "sha256.h"

static const struct duty catalogue[] = {
	{ "A.1", "X", "first", "t", "Labour rights", "in force", NULL, NULL, NULL, NULL },
	{ "A.2", "X", "second", "t", "Environment", "in force", NULL, NULL, NULL, NULL },
	{ "A.3", "X", "third", "t", "Environment", "in force", NULL, NULL, NULL, NULL },
};
static const char *d1[] = { "A.1" }, *d12[] = { "A.1", "A.2" }, *d3[] = { "A.3" };
static const struct qoption opts[] = { { "good", "Good", 1, true, NULL }, { "some", "Some", 0.25, true, NULL },
				       { "bad", "Bad", 0, true, NULL } };

struct fixture {
	struct arena *a;
	struct pack p;
	struct question q[4];
	struct rule r[4];
	struct qn qn;
	struct answer ans[4];
	struct assessment as;
};

static struct fixture fx;

/* q0 maturity w3 yes; q1 maturity w1 partial; q2 choice w2 'some'; q3 maturity w2 na */
static void build(const char *q0, const char *q1, const char *q2, const char *q3)
{
	memset(&fx, 0, sizeof fx);
	fx.a = arena_new();
	fx.p.arena = fx.a;
	fx.p.id = "t";
	fx.p.duties = catalogue;
	fx.p.nduties = 3;
	fx.q[0] = (struct question){ .id = "t.a", .kind = QK_MATURITY, .weight = 3, .duties = d1, .nduties = 1 };
	fx.q[1] = (struct question){ .id = "t.b", .kind = QK_MATURITY, .weight = 1, .duties = d12, .nduties = 2 };
	fx.q[2] = (struct question){ .id = "t.c", .kind = QK_CHOICE, .weight = 2, .opts = opts, .nopts = 3,
				     .duties = d3, .nduties = 1 };
	fx.q[3] = (struct question){ .id = "t.d", .kind = QK_MATURITY, .weight = 2, .duties = d3, .nduties = 1 };
	fx.r[0] = (struct rule){ .id = "t.r1", .duties = d3, .nduties = 1, .scale = 4, .scope = 2,
				 .irremediable = 3, .likelihood = 3 };
	fx.r[1] = (struct rule){ .id = "t.r2", .duties = d1, .nduties = 1, .scale = 1, .scope = 1,
				 .irremediable = 2, .likelihood = 1, .red_flag = true };
	fx.p.questions = fx.q;
	fx.p.nquestions = 4;
	fx.r[2] = (struct rule){ .id = "t.r3", .duties = d1, .nduties = 1, .scale = 5, .scope = 4,
				 .irremediable = 5, .likelihood = 5, .red_flag = true, .actual = true,
				 .group = "g" };
	fx.r[3] = (struct rule){ .id = "t.r4", .duties = d1, .nduties = 1, .scale = 4, .scope = 4,
				 .irremediable = 4, .likelihood = 4, .group = "g" };
	fx.p.rules = fx.r;
	fx.p.nrules = 4;
	pack_index(&fx.p);
	fx.qn.arena = fx.a;
	fx.qn.pack = &fx.p;
	fx.qn.answers = fx.ans;
	const char *v[4] = { q0, q1, q2, q3 };
	for (int i = 0; i < 4; i++) {
		if (!v[i])
			continue;
		fx.ans[i].str = v[i];
		fx.ans[i].state = !strcmp(v[i], "na") ? ANS_NA : !strcmp(v[i], "unknown") ? ANS_UNKNOWN
										      : ANS_VALUE;
	}
	score_init(&fx.as, &fx.qn);
}

/* Findings of the rules listed (indexes into fx.r), -1 ends. */
static void finish_with(const int *rules)
{
	int n = 0;

	fx.as.findings = arena_alloc(fx.a, 4 * sizeof *fx.as.findings);
	for (; rules[n] >= 0; n++) {
		struct finding *f = &fx.as.findings[n];
		const struct rule *r = &fx.r[rules[n]];

		f->rule = r;
		f->likelihood = r->likelihood;
		f->scale = r->scale;
		f->scope = r->scope;
		f->irremediable = r->irremediable;
	}
	fx.as.nfindings = n;
	score_assessment(&fx.as);
}

static void finish(int nfindings)
{
	int rules[] = { 0, 1, -1 };

	rules[nfindings] = -1;
	finish_with(rules);
}

static void test_overall_and_coverage(void **s)
{
	(void)s;
	build("yes", "partial", "some", "na");
	finish(0);
	/* applicable: a (3 x 1), b (1 x 0.5), c (2 x 0.25); d is na
	 * overall = 100 x (3 + 0.5 + 0.5) / 6 = 66.67 -> B; coverage 6/6 */
	assert_true(fabs(fx.as.overall - 400.0 / 6) < 1e-9);
	assert_int_equal(fx.as.rating, 'B');
	assert_true(fabs(fx.as.coverage - 1) < 1e-9);
	assert_false(fx.as.red_flag);
}

static void test_unanswered_and_unknown_are_gaps(void **s)
{
	(void)s;
	build("yes", "unknown", NULL, "no");
	finish(0);
	/* a 3 x 1, b 1 x 0 (unknown), c 2 x 0 (unanswered), d 2 x 0: 3 / 8 = 37.5 -> D
	 * coverage: answered weight a + d = 5 of 8 */
	assert_true(fabs(fx.as.overall - 37.5) < 1e-9);
	assert_int_equal(fx.as.rating, 'D');
	assert_true(fabs(fx.as.coverage - 5.0 / 8) < 1e-9);
}

static void test_duty_scores(void **s)
{
	(void)s;
	build("yes", "partial", "some", "no");
	finish(0);
	/* A.1: a and b: (3 + 0.5) / 4 = 87.5; A.2: b only: 50; A.3: c and d: (0.5 + 0) / 4 = 12.5 */
	assert_int_equal(fx.as.nduties, 3);
	assert_string_equal(fx.as.duties[0].duty->id, "A.1");
	assert_true(fabs(fx.as.duties[0].score - 87.5) < 1e-9);
	assert_true(fabs(fx.as.duties[1].score - 50) < 1e-9);
	assert_true(fabs(fx.as.duties[2].score - 12.5) < 1e-9);
	assert_int_equal(fx.as.duties[2].nquestions, 2);
	/* areas: Environment = b, c, d (b via A.2): (0.5 + 0.5 + 0) / 5 = 20; Labour = a, b: 87.5 */
	assert_int_equal(fx.as.nareas, 2);
	assert_string_equal(fx.as.areas[0].area, "Environment");
	assert_true(fabs(fx.as.areas[0].score - 20) < 1e-9);
	assert_true(fabs(fx.as.areas[1].score - 87.5) < 1e-9);
}

static void test_findings_levels_and_red_flag_cap(void **s)
{
	(void)s;
	build("yes", "yes", "good", "yes");
	finish(2);
	/* r1: severity (4 + 2 + 3 + 4) / 4 = 3.25, priority x 3 = 9.75 -> medium;
	 * r2: severity (1 + 1 + 2 + 2) / 4 = 1.5, priority 1.5 -> low, but a red flag ->
	 * critical. Ordered by severity: r1 first. */
	assert_int_equal(fx.as.nfindings, 2);
	assert_string_equal(fx.as.findings[0].rule->id, "t.r1");
	assert_true(fabs(fx.as.findings[0].severity - 3.25) < 1e-9);
	assert_true(fabs(fx.as.findings[0].priority - 9.75) < 1e-9);
	assert_int_equal(fx.as.findings[0].level, LVL_MEDIUM);
	assert_int_equal(fx.as.findings[1].level, LVL_CRITICAL);
	assert_int_equal(fx.as.per_level[LVL_CRITICAL], 1);
	/* 100 would be A; the (potential) red flag caps it at D */
	assert_true(fabs(fx.as.overall - 100) < 1e-9);
	assert_int_equal(fx.as.process_rating, 'A');
	assert_int_equal(fx.as.rating, 'D');
	assert_true(fx.as.red_flag);
	assert_int_equal(fx.as.duties[0].nfindings, 1); /* A.1 cited by t.r2 */
}

static void test_groups_and_e_cap(void **s)
{
	int rules[] = { 3, 2, 0, -1 };

	(void)s;
	build("yes", "yes", "good", "yes");
	finish_with(rules);
	/* r3 (5,4,5) severity 4.75 leads group g; r4 (4,4,4) severity 4 corroborates it;
	 * r1 (severity 3.25) is its own group. r3 is an actual red flag of severity >= 4: E. */
	assert_int_equal(fx.as.nfindings, 3);
	assert_string_equal(fx.as.findings[0].rule->id, "t.r3");
	assert_string_equal(fx.as.findings[1].rule->id, "t.r4");
	assert_int_equal(fx.as.findings[1].lead, 0);
	assert_int_equal(fx.as.findings[2].lead, 2);
	assert_int_equal(fx.as.per_level[LVL_CRITICAL], 1); /* one group */
	assert_int_equal(fx.as.per_level[LVL_MEDIUM], 1);
	assert_int_equal(fx.as.rating, 'E');
	assert_int_equal(fx.as.red_flags, 1);
}

static void test_info_finding_caps_like_the_finding(void **s)
{
	int rules[] = { 2, -1 };

	(void)s;
	build("yes", "yes", "good", "yes");
	fx.as.findings = NULL;
	finish_with(rules);
	assert_int_equal(fx.as.rating, 'E');
	arena_free(fx.a); /* a second fixture in the same test */
	build("yes", "yes", "good", "yes");
	fx.as.findings = arena_alloc(fx.a, sizeof *fx.as.findings);
	fx.as.findings[0] = (struct finding){ .rule = &fx.r[2], .likelihood = 5, .scale = 5,
					      .scope = 4, .irremediable = 5, .info = true };
	fx.as.nfindings = 1;
	score_assessment(&fx.as);
	/* an information request on the same rule caps the same, but is no confirmed red flag */
	assert_int_equal(fx.as.rating, 'E');
	assert_false(fx.as.red_flag);
	assert_int_equal(fx.as.red_flags_unresolved, 1);
}

static void test_evidence_and_caps(void **s)
{
	(void)s;
	build("yes", "yes", "good", "yes");
	fx.q[0].evidence = true;
	fx.q[3].evidence = true;
	finish(0);
	/* a (w3) and d (w2) need evidence and have none: s = 0.5 each;
	 * (1.5 + 1 + 2 + 1) / 8 = 68.75 -> B; evidenced share 0 -> capped at C */
	assert_true(fabs(fx.as.overall - 68.75) < 1e-9);
	assert_int_equal(fx.as.process_rating, 'B');
	assert_true(fabs(fx.as.claimed - 1) < 1e-9);
	assert_true(fabs(fx.as.evidenced - 0) < 1e-9);
	assert_int_equal(fx.as.rating, 'C');
}

static void test_ratings(void **s)
{
	(void)s;
	assert_int_equal(score_rating(80), 'A');
	assert_int_equal(score_rating(79.99), 'B');
	assert_int_equal(score_rating(60), 'B');
	assert_int_equal(score_rating(40), 'C');
	assert_int_equal(score_rating(20), 'D');
	assert_int_equal(score_rating(19.99), 'E');
	assert_int_equal(score_rating(NAN), 'E');
}

static void test_sha256_vectors(void **s)
{
	char out[65];
	static char million[1000000];

	(void)s;
	sha256_hex("", 0, out);
	assert_string_equal(out, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	sha256_hex("abc", 3, out);
	assert_string_equal(out, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	memset(million, 'a', sizeof million);
	sha256_hex(million, sizeof million, out);
	assert_string_equal(out, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

static int teardown(void **s)
{
	(void)s;
	arena_free(fx.a);
	fx.a = NULL;
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_overall_and_coverage, teardown),
		cmocka_unit_test_teardown(test_unanswered_and_unknown_are_gaps, teardown),
		cmocka_unit_test_teardown(test_duty_scores, teardown),
		cmocka_unit_test_teardown(test_findings_levels_and_red_flag_cap, teardown),
		cmocka_unit_test_teardown(test_groups_and_e_cap, teardown),
		cmocka_unit_test_teardown(test_info_finding_caps_like_the_finding, teardown),
		cmocka_unit_test_teardown(test_evidence_and_caps, teardown),
		cmocka_unit_test(test_ratings),
		cmocka_unit_test(test_sha256_vectors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
