/* Loader limits and value conversion, without a pack. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "qn.h"

static void expect_error(const char *yaml, const char *msg, int line, int col)
{
	struct err e = { 0 };
	struct qn *q = qn_parse("t.yaml", yaml, strlen(yaml), &e);

	assert_null(q);
	assert_string_equal(e.msg, msg);
	assert_int_equal(e.line, line);
	assert_int_equal(e.col, col);
}

static void test_duplicate_key(void **s)
{
	(void)s;
	expect_error("a: 1\nb:\n  c: 1\n  c: 2\n", "duplicate key 'c' (first at line 3)", 4, 3);
}

static void test_alias(void **s)
{
	(void)s;
	expect_error("a: &x 1\nb: *x\n", "anchors are not allowed (&x)", 1, 4);
}

static void test_depth(void **s)
{
	char buf[200] = "a: ";

	(void)s;
	for (int i = 0; i < 40; i++)
		strcat(buf, "[");
	for (int i = 0; i < 40; i++)
		strcat(buf, "]");
	expect_error(buf, "nesting deeper than 32 levels", 1, 35);
}

static void test_parses_plain_no_as_string(void **s)
{
	struct err e = { 0 };
	const char *y = "supplier:\n  country: NO\n  sector: mining\n";
	struct qn *q = qn_parse("t.yaml", y, strlen(y), &e);

	(void)s;
	assert_non_null(q);
	assert_string_equal(qn_sector(q), "mining");
	assert_string_equal(ynode_get(ynode_get(q->root, "supplier"), "country")->str, "NO");
	qn_free(q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_duplicate_key),
		cmocka_unit_test(test_alias),
		cmocka_unit_test(test_depth),
		cmocka_unit_test(test_parses_plain_no_as_string),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
