/* Loader limits and value conversion, without a pack. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
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

/* The key scanner (qn_keys.c) is sure only of what the parser says, and
 * sure of the plain layout. */
static void check_scan(const char *y, bool sure)
{
	struct err e = { 0 };
	struct qn *q = qn_parse("t.yaml", y, strlen(y), &e);
	char *id;
	int period;
	bool got = qn_scan_keys(y, strlen(y), &id, &period);

	assert_int_equal(got, sure);
	if (got) {
		assert_non_null(q);
		assert_string_equal(id, qn_supplier_id(q));
		assert_int_equal(period, qn_period(q));
	} else {
		assert_null(id);
	}
	free(id);
	qn_free(q);
}

static void test_scan_keys(void **s)
{
	(void)s;
	check_scan("# c\ndiligo: 1\nsupplier:\n  id: SUP-MX-000001\n  name: \"A \\\" B\"\n"
		   "  employees: 3\nperiod: 2025\nanswers:\n  a.b: yes\n", true);
	check_scan("supplier:\n  name: x\n  id: A.1 # a comment\n", true); /* no period: 0 */
	check_scan("supplier:\n    id: S1\nperiod: 1980\n", true); /* out of range: 0 */
	check_scan("supplier:\n  id: \"S1\"\nperiod: 2025\n", false);    /* quoted id */
	check_scan("supplier:\n  id: S1\n  id: S2\n", false);               /* twice */
	check_scan("supplier:\n  id: S1\nsupplier:\n  id: S2\n", false);   /* key twice */
	check_scan("supplier: {id: S1}\n", false);                             /* flow */
	check_scan("supplier:\n  id: S1\n    -2\n", false);                  /* continued */
	check_scan("supplier:\n  id: S1\r\nperiod: 2025\r\n", false);      /* CR */
	check_scan("supplier:\n  id: S1\nperiod: 2025 # c\n", false);
	check_scan("supplier:\n  id: S1\n  name: a: b\n", false);           /* refused */
	check_scan("---\nsupplier:\n  id: S1\n", false);
	check_scan("supplier:\n  id: S1\x01\n", false);                      /* control */
	check_scan("supplier:\n  name: x\n", false);                          /* no id */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_duplicate_key),
		cmocka_unit_test(test_alias),
		cmocka_unit_test(test_depth),
		cmocka_unit_test(test_parses_plain_no_as_string),
		cmocka_unit_test(test_scan_keys),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
