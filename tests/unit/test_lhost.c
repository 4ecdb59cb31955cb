/* The sandbox: hostile rules fail with a message naming what they tried,
 * nothing they do reaches the next assessment, and a clean probe pack run
 * after them in the same Lua state sees an untouched world. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "lhost.h"
#include "qn.h"
#include "score.h"

static char dir[] = "/tmp/diligo-test-lhost-XXXXXX";

static const char *write_pack(const char *id, const char *when)
{
	static char path[256];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s.lua", dir, id);
	f = fopen(path, "w");
	fprintf(f, "return sector { id = '%s', title = 't', version = '1',\n"
		   "  questions = { { id = '%s.q', kind = 'maturity', text = 'Q?', duties = { 'UNGP.GP16' } } },\n"
		   "  rules = { { id = '%s.r', title = 'R', duties = { 'UNGP.GP16' },\n"
		   "    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = 'a',\n"
		   "    when = function(a, ctx)\n%s\n    end } } }\n", id, id, id, when);
	fclose(f);
	return path;
}

/* Assess a one-answer questionnaire with pack; returns 0 or the error. */
static int run(struct lhost *h, const struct pack *p, struct assessment *a, struct err *e,
	       struct qn **out)
{
	char y[512];
	struct qn *q;

	snprintf(y, sizeof y, "diligo: 1\nsupplier: {id: S, name: N, sector: x, employees: 9}\nanswers:\n  %s: yes\n",
		 p->questions[0].id);
	q = qn_parse("t.yaml", y, strlen(y), e);
	assert_non_null(q);
	assert_int_equal(qn_bind(q, p, e), 0);
	score_init(a, q);
	*out = q;
	if (lhost_evaluate(h, p, q, a, e))
		return ERR_PACK;
	score_assessment(a);
	return 0;
}

static struct lhost *host(void)
{
	const char *paths[] = { "tests/packs/hostile" };
	struct lhost_opts o = { .paths = paths, .npaths = 1, .max_instructions = 2000000,
				.max_memory = 16u << 20 };
	struct err e = { 0 };
	struct lhost *h = lhost_new(&o, &e);

	if (!h)
		fail_msg("lhost_new: %s", e.msg);
	return h;
}

static const struct {
	const char *when, *message;
} hostile[] = {
	{ "string.upper = nil", "attempt to modify a read-only table" },
	{ "getmetatable('').__index = {}", "blocked function 'getmetatable' on a string" },
	{ "duties['UNGP.GP16'].title = 'changed'", "attempt to modify a read-only table" },
	{ "a['h3.q'] = 'no'", "answers are read-only" }, /* index 3: pack h3 */
	{ "ctx.supplier.id = 'other'", "attempt to modify a read-only table" },
	{ "rawset(string, 'upper', nil)", "blocked function 'rawset'" },
	{ "setmetatable(math, {})", "cannot change a protected metatable" },
	{ "setmetatable({}, { __gc = function() end })", "metamethod '__gc' is not allowed" },
	{ "local t <close> = setmetatable({}, { __close = print })", "metamethod '__close' is not allowed" },
	{ "coroutine.close(coroutine.create(print))", "blocked function 'coroutine.close'" },
	{ "error(setmetatable({}, { __tostring = function() while true do end end }))",
	  "error object is a table value" },
	{ "local co = coroutine.create(function() while true do end end) coroutine.resume(co)",
	  "instruction budget exceeded" },
	{ "local ok = pcall(function() local s = {} for i = 1, 1e8 do s[i] = {} end end) return ok",
	  "memory budget exceeded" },
	{ "xpcall(function() while true do end end, function() while true do end end)",
	  "instruction budget exceeded" },
	{ "local t = {} for i = 1, 200 do t[i] = ('x'):rep(1e6) end return table.concat(t)",
	  "memory budget exceeded" },
	{ "return ('x'):rep(1e9)", "memory budget exceeded" },
	{ "os.exit(1)", "blocked function 'os.exit'" },
	{ "debug.sethook()", "blocked function 'debug.sethook'" },
	{ "package.loadlib('x', 'y')", "blocked function 'package.loadlib'" },
	{ "load('return 1')", "blocked function 'load'" },
	{ "dofile('/etc/passwd')", "blocked function 'dofile'" },
	{ "collectgarbage()", "blocked function 'collectgarbage'" },
	{ "x = 1", "assignment to global 'x'" },
	{ "return a['no.such.question']", "no question 'no.such.question' in this pack" },
	{ "return ('x'):rep(100):find(('x?'):rep(10) .. 'y')", "string.find: a pattern with 10 quantifiers" },
};

static void test_hostile_rules(void **s)
{
	struct lhost *h = host();
	char id[32];

	(void)s;
	for (size_t i = 0; i < sizeof hostile / sizeof *hostile; i++) {
		struct assessment a;
		struct err e = { 0 };
		struct qn *q;
		const struct pack *p;
		char when[512];

		snprintf(id, sizeof id, "h%zu", i);
		snprintf(when, sizeof when, "%s", hostile[i].when);
		p = lhost_pack(h, write_pack(id, when), &e);
		if (!p)
			fail_msg("case %zu does not load: %s", i, e.msg);
		assert_int_equal(run(h, p, &a, &e, &q), ERR_PACK);
		if (!strstr(e.msg, hostile[i].message))
			fail_msg("case %zu: '%s' does not contain '%s'", i, e.msg, hostile[i].message);
		assert_non_null(strstr(e.msg, "(rule 'h"));
		qn_free(q);
	}
	lhost_free(h);
}

/* After all of the above in one state, the world is intact. */
static void test_world_intact_after_hostile(void **s)
{
	struct lhost *h = host();
	struct assessment a;
	struct err e = { 0 };
	struct qn *q;
	const struct pack *p;

	(void)s;
	for (size_t i = 0; i < sizeof hostile / sizeof *hostile; i++) {
		char id[32];

		snprintf(id, sizeof id, "w%zu", i);
		p = lhost_pack(h, write_pack(id, hostile[i].when), &e);
		assert_non_null(p);
		run(h, p, &a, &e, &q);
		qn_free(q);
	}
	p = lhost_pack(h, write_pack("probe",
		"return string.upper('a') == 'A' and duties['UNGP.GP16'].title ~= 'changed'\n"
		"  and getmetatable(setmetatable({}, {})) ~= nil and ('b'):rep(2) == 'bb'"), &e);
	assert_non_null(p);
	assert_int_equal(run(h, p, &a, &e, &q), 0);
	assert_int_equal(a.nfindings, 1);
	qn_free(q);
	lhost_free(h);
}

/* Nothing carries from one supplier's assessment into the next. */
static void test_no_leak_between_assessments(void **s)
{
	struct lhost *h = host();
	struct err e = { 0 };
	const struct pack *p = lhost_pack(h, "leak", &e);

	(void)s;
	assert_non_null(p);
	for (int i = 0; i < 3; i++) {
		struct assessment a;
		struct qn *q;

		assert_int_equal(run(h, p, &a, &e, &q), 0);
		assert_int_equal(a.nfindings, 0);
		qn_free(q);
	}
	lhost_free(h);
}

/* A top-level loop in a pack fails its load, quickly, naming the file. */
static void test_load_budget(void **s)
{
	struct lhost *h = host();
	struct err e = { 0 };
	FILE *f;
	char path[256];

	(void)s;
	snprintf(path, sizeof path, "%s/spin.lua", dir);
	f = fopen(path, "w");
	fputs("while true do end\n", f);
	fclose(f);
	assert_null(lhost_pack(h, path, &e));
	assert_int_equal(e.code, ERR_PACK);
	assert_non_null(strstr(e.msg, "spin.lua: instruction budget exceeded"));
	lhost_free(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hostile_rules),
		cmocka_unit_test(test_world_intact_after_hostile),
		cmocka_unit_test(test_no_leak_between_assessments),
		cmocka_unit_test(test_load_budget),
	};
	int rc;

	if (!mkdtemp(dir))
		return 1;
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	return rc;
}
