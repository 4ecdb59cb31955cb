/* The reports' own logic, without writing a workbook: HMAC-SHA256 (RFC 4231)
 * and keyed pseudonyms, what free text a pseudonymised copy rewrites, the
 * row-height estimate, the table of report texts, and the fixed answers'
 * labels in another language (English still read). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "kind.h"
#include "redact.h"
#include "report_text.h"
#include "score.h"
#include "sha256.h"
#include "xlsx_common.h"

static void hex(const unsigned char *b, size_t n, char *out)
{
	for (size_t i = 0; i < n; i++)
		snprintf(out + 2 * i, 3, "%02x", b[i]);
}

/* RFC 4231 test cases 1, 2 and 6 (a key longer than the block) */
static void test_hmac_vectors(void **s)
{
	unsigned char key[131], mac[SHA256_LEN];
	char out[2 * SHA256_LEN + 1];
	static const char big[] = "Test Using Larger Than Block-Size Key - Hash Key First";

	(void)s;
	memset(key, 0x0b, 20);
	hmac_sha256(key, 20, "Hi There", 8, mac);
	hex(mac, sizeof mac, out);
	assert_string_equal(out, "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
	hmac_sha256("Jefe", 4, "what do ya want for nothing?", 28, mac);
	hex(mac, sizeof mac, out);
	assert_string_equal(out, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	memset(key, 0xaa, sizeof key);
	hmac_sha256(key, sizeof key, big, sizeof big - 1, mac);
	hex(mac, sizeof mac, out);
	assert_string_equal(out, "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

static const unsigned char KEY[] = "a key of at least sixteen bytes";

static void test_pseudonym(void **s)
{
	char a[REPORT_PSEUDONYM], b[REPORT_PSEUDONYM], c[REPORT_PSEUDONYM];

	(void)s;
	report_pseudonym(KEY, sizeof KEY - 1, "SUP-CD-0042", a);
	report_pseudonym(KEY, sizeof KEY - 1, "SUP-CD-0042", b);
	report_pseudonym(KEY, sizeof KEY - 2, "SUP-CD-0042", c);
	assert_string_equal(a, b);        /* stable */
	assert_string_not_equal(a, c);    /* keyed */
	assert_int_equal(strlen(a), 12);  /* P- and ten characters */
	assert_true(a[0] == 'P' && a[1] == '-');
	assert_null(strpbrk(a + 2, "ILOU-")); /* Crockford's alphabet */
	report_pseudonym(KEY, sizeof KEY - 1, "SUP-CD-0043", c);
	assert_string_not_equal(a, c);
}

static void test_mentions_replaced(void **s)
{
	struct report_opts o = { .stakeholder = true, .pseudonymise = true, .key = KEY,
				 .keylen = sizeof KEY - 1 };
	struct supplier sup = { .id = "SUP-CD-0042", .name = "Lwembe Cobalt Processing SARL" };
	struct who w;
	char buf[512], expect[512];
	int n = 0;

	(void)s;
	redact_who(&o, &sup, &w);
	assert_string_equal(w.stem, "Lwembe Cobalt Processing");
	snprintf(expect, sizeof expect, "%s and %s (%s); %s's depots; Lwembes; xSUP-CD-0042",
		 w.pname, w.pname, w.pid, w.pname);
	assert_string_equal(redact_free(&w, "lwembe cobalt processing sarl and Lwembe Cobalt "
					    "(SUP-CD-0042); LWEMBE COBALT's depots; Lwembes; "
					    "xSUP-CD-0042", buf, sizeof buf, &n), expect);
	assert_int_equal(n, 4);
	/* a rewritten text longer than the buffer ends with the visible marker */
	{
		char small[48];
		const char *r = redact_free(&w, "SUP-CD-0042 and a long tail of words that cannot fit",
					    small, sizeof small, NULL);

		assert_ptr_equal(r, small);
		assert_true(strlen(r) < sizeof small);
		assert_non_null(strstr(r, REPORT_TRUNCATED));
		assert_memory_equal(r, w.pid, strlen(w.pid));
	}
	/* nothing to replace: the text itself */
	const char *t = "no mention here";
	assert_ptr_equal(redact_free(&w, t, buf, sizeof buf, NULL), t);
	/* company copies and plain stakeholder copies name the supplier */
	o.pseudonymise = false;
	redact_who(&o, &sup, &w);
	assert_string_equal(w.name, sup.name);
	assert_int_equal(w.nneedles, 0);
}

static void test_legal_forms(void **s)
{
	struct report_opts o = { .stakeholder = true, .pseudonymise = true, .key = KEY,
				 .keylen = sizeof KEY - 1 };
	struct supplier sup = { .id = "TECH-002", .name = "Kestrel Precision Components Sdn. Bhd." };
	struct who w;

	(void)s;
	redact_who(&o, &sup, &w);
	assert_string_equal(w.stem, "Kestrel Precision Components");
	assert_string_equal(w.short_, "Kestrel Precision");
	sup.name = "Acme"; /* one word: no stem, no shorter form */
	redact_who(&o, &sup, &w);
	assert_string_equal(w.stem, "");
	assert_string_equal(w.short_, "");
}

/* A rating's reason that names a group made neutral names it no more. */
/* The Method sheet words the finding caps with report texts (so that they
 * are translated); in English they are score_cap_text's, which
 * docs/scoring.md quotes (test_facts). */
static void test_cap_words(void **s)
{
	(void)s;
	for (int i = 0; i < SCORE_NFINDING_CAPS; i++) {
		const struct finding_cap *c = &score_finding_caps[i];
		char want[256], got[256];

		score_cap_text(i, want, sizeof want);
		if (c->actual_severe)
			snprintf(got, sizeof got, report_text_en(RT_FMT_M_CAP_SEVERE), c->cap, SCORE_SEVERE);
		else if (c->red_flag)
			snprintf(got, sizeof got, report_text_en(RT_FMT_M_CAP_RED_FLAG), c->cap);
		else
			snprintf(got, sizeof got,
				 report_text_en(c->count == 1 ? RT_FMT_M_CAP_COUNT_ONE
							      : RT_FMT_M_CAP_COUNT_MANY),
				 c->cap, c->count, level_name(c->level));
		assert_string_equal(got, want);
	}
}

static void test_reason(void **s)
{
	struct answer ans[1] = { { .confidential = true } };
	struct qn q = { .answers = ans };
	struct rule r = { .id = "x.secret", .group = "grp.child" };
	static const int qi[1] = { 0 };
	struct finding f = { .rule = &r, .questions = qi, .nquestions = 1 };
	struct assessment a = { .qn = &q, .findings = &f, .nfindings = 1,
				.rating_reason = "E: capped by 1 red-flag finding (grp.child)" };
	struct report_opts company = { 0 }, stake = { .stakeholder = true };
	char buf[128];

	(void)s;
	assert_ptr_equal(redact_reason(&company, &a, buf, sizeof buf), a.rating_reason);
	assert_string_equal(redact_reason(&stake, &a, buf, sizeof buf),
			    "E: capped by 1 red-flag finding ([confidential])");
	ans[0].confidential = false; /* a finding from open answers keeps its name */
	assert_ptr_equal(redact_reason(&stake, &a, buf, sizeof buf), a.rating_reason);
	a.rating_reason = "E: capped by 1 red-flag finding (grp.children)"; /* whole ids only */
	ans[0].confidential = true;
	assert_ptr_equal(redact_reason(&stake, &a, buf, sizeof buf), a.rating_reason);
}

static void test_employee_bands(void **s)
{
	char b[64];

	(void)s;
	assert_string_equal(employees_band(310, b, sizeof b), "250 to 999");
	assert_string_equal(employees_band(1, b, sizeof b), "1 to 49");
	assert_string_equal(employees_band(0, b, sizeof b), "1 to 49");
	assert_string_equal(employees_band(12000, b, sizeof b), "10000 or more");
}

/* The estimate errs towards more lines, never fewer: a column of 10 units
 * holds about 50 points of text. */
static void test_lines(void **s)
{
	(void)s;
	assert_int_equal(xl_lines("", 10, 10, false), 1);
	assert_int_equal(xl_lines("short", 10, 10, false), 1);
	assert_int_equal(xl_lines("one\ntwo\nthree", 40, 10, false), 3);
	assert_true(xl_lines("a rather longer sentence that needs several lines here", 10, 10, false) >= 4);
	/* a word wider than the column is cut by characters */
	assert_true(xl_lines("0123456789012345678901234567890123456789", 10, 10, false) >= 3);
	/* bold is wider */
	assert_true(xl_text_pt("Headings", 8, 10, true) > xl_text_pt("Headings", 8, 10, false));
	/* a CJK character counts as an em */
	assert_true(xl_text_pt("\xe4\xb8\xad", 3, 10, false) >= 10);
	assert_true(xl_row_pt(3, 10) > 3 * 10 * 1.22 && xl_row_pt(1000, 10) <= 409);
}

static void test_every_text(void **s)
{
	(void)s;
	for (int i = 0; i < RT__COUNT; i++) {
		if (!report_texts[i])
			fail_msg("report text %d has no text", i);
	}
	for (int i = RT_SHEET_SUMMARY; i <= RT_SHEET_CHANGES; i++)
		assert_true(strlen(report_texts[i]) <= DILIGO_XLSX_SHEET_NAME);
	/* the redaction categories follow enum redaction */
	assert_int_equal(RT_RD_ERRORS - RT_RD_RESPONDENT, RD_ERRORS - RD_RESPONDENT);
}

/* French labels shown; the English labels and the values still read. */
static void test_kind_labels(void **s)
{
	const char *fr[KL__COUNT] = { [KL_YES] = "Oui", [KL_PARTIAL] = "Partiel", [KL_NO] = "Non",
				      [KL_UNKNOWN] = "Inconnu", [KL_NA] = "Sans objet",
				      [KL_LIST_NONE] = "(aucun)" };
	struct question q = { .id = "x", .kind = QK_MATURITY, .nna_when = 1 };
	struct question m = { .id = "m", .kind = QK_MULTI };
	struct kind_choice c;

	(void)s;
	kind_labels_use(fr);
	assert_string_equal(kind_ops(QK_MATURITY)->choice(&q, 0).label, "Oui");
	assert_string_equal(kind_ops(QK_MATURITY)->choice(&q, 4).label, "Sans objet");
	for (int i = 0; i < 2; i++) {
		assert_true(kind_match_choice(&q, i ? "Yes" : "oui", &c));
		assert_string_equal(c.value, "yes");
		assert_true(kind_match_choice(&q, i ? "Not applicable" : "sans objet", &c));
		assert_string_equal(c.value, "na");
		assert_true(kind_match_choice(&q, i ? "Unknown" : "Inconnu", &c));
		assert_string_equal(c.value, "unknown");
		assert_true(kind_match_choice(&m, i ? "(none)" : "(aucun)", &c));
		assert_string_equal(c.value, KIND_LIST_NONE);
	}
	assert_false(kind_match_choice(&q, "Partial yes", &c));
	assert_true(kind_is_na_text("Not applicable") && kind_is_na_text("Sans objet") &&
		    kind_is_na_text("NA"));
	assert_true(kind_is_unknown_text("Inconnu") && kind_is_unknown_text("unknown"));
	/* report_text_use sets them from the report texts: English here */
	report_text_use(NULL);
	assert_string_equal(kind_label(KL_NA), KIND_NA_LABEL);
	assert_string_equal(kind_ops(QK_MATURITY)->choice(&q, 1).label, "Partial");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hmac_vectors),     cmocka_unit_test(test_pseudonym),
		cmocka_unit_test(test_mentions_replaced), cmocka_unit_test(test_legal_forms),
		cmocka_unit_test(test_employee_bands),   cmocka_unit_test(test_lines),
		cmocka_unit_test(test_reason),
		cmocka_unit_test(test_cap_words),
		cmocka_unit_test(test_every_text),	 cmocka_unit_test(test_kind_labels),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
