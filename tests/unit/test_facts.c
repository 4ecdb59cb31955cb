/* One source for every fact: the scoring constants of engine/model/score.h,
 * the evidence age of answers.h, the bounds of bounds.h and the JSON digits
 * of sink.h are what docs/scoring.md, questionnaire.md, json.md, security.md
 * and workbooks.md state. Each check builds, from the constants, the
 * sentence or table row the document must contain (whitespace and line
 * breaks collapsed), so a number changed on either side fails here with the
 * expected text. Run from the source root (ctest does). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "bounds.h"
#include "report.h"
#include "score.h"
#include "sink.h"

enum { SCORING, QUESTIONNAIRE, JSON, SECURITY, WORKBOOKS, NDOCS };
static const char *const doc_path[NDOCS] = {
	"docs/scoring.md", "docs/questionnaire.md", "docs/json.md", "docs/security.md",
	"docs/workbooks.md",
};
static char *doc[NDOCS];

/* The file with every run of whitespace collapsed to one space. */
static char *read_doc(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *s;
	size_t n = 0;
	int c;
	bool space = false;

	if (!f) {
		fprintf(stderr, "cannot open %s (run from the source root)\n", path);
		return NULL;
	}
	fseek(f, 0, SEEK_END);
	s = malloc((size_t)ftell(f) + 1);
	rewind(f);
	while (s && (c = fgetc(f)) != EOF) {
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = true;
			continue;
		}
		if (space && n)
			s[n++] = ' ';
		space = false;
		s[n++] = (char)c;
	}
	if (s)
		s[n] = '\0';
	fclose(f);
	return s;
}

static int setup(void **st)
{
	(void)st;
	for (int i = 0; i < NDOCS; i++)
		if (!(doc[i] = read_doc(doc_path[i])))
			return -1;
	return 0;
}

static int teardown(void **st)
{
	(void)st;
	for (int i = 0; i < NDOCS; i++)
		free(doc[i]);
	return 0;
}

/* Append to an expected text. */
static void add(char *buf, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void add(char *buf, size_t n, const char *fmt, ...)
{
	size_t used = strlen(buf);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf + used, n - used, fmt, ap);
	va_end(ap);
}

static void expect(int d, const char *want)
{
	if (!strstr(doc[d], want)) {
		print_error("%s does not say what the C constants say; expected the text:\n  %s\n",
			    doc_path[d], want);
		fail();
	}
}

/* expect(d, printf(...)) */
#define EXPECT(d, ...)                                           \
	do {                                                     \
		char want_[1024];                                \
		snprintf(want_, sizeof want_, __VA_ARGS__);      \
		expect(d, want_);                                \
	} while (0)
#define EXPECT_SCORING(...) EXPECT(SCORING, __VA_ARGS__)

/* 32767 as "32,767" (static buffer: one use per expression). */
static const char *thousands(long v)
{
	static char out[2][32];
	static int k;
	char digits[32], *o = out[k ^= 1];
	int n = snprintf(digits, sizeof digits, "%ld", v), j = 0;

	for (int i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			o[j++] = ',';
		o[j++] = digits[i];
	}
	o[j] = '\0';
	return o;
}

static const char *number_word(int n)
{
	static const char *const w[] = { "zero", "one", "two", "three", "four", "five",
					 "six", "seven", "eight", "nine", "ten" };

	return n >= 0 && n <= 10 ? w[n] : "(a number)";
}

static void test_tables_are_ordered(void **st)
{
	(void)st;
	for (int i = 1; i < SCORE_NRATINGS; i++)
		assert_true(score_rating_bands[i].min < score_rating_bands[i - 1].min);
	for (int i = 0; i < SCORE_NRATINGS - 1; i++) {
		assert_int_equal(score_rating(score_rating_bands[i].min), score_rating_bands[i].letter);
		assert_int_equal(score_rating(nextafter(score_rating_bands[i].min, -INFINITY)),
				 score_rating_bands[i + 1].letter);
	}
	assert_int_equal(score_rating(NAN), score_rating_bands[SCORE_NRATINGS - 1].letter);
	for (int i = 1; i < LVL__COUNT; i++) {
		assert_true(score_level_bands[i].min_priority < score_level_bands[i - 1].min_priority);
		assert_true(score_level_bands[i].level < score_level_bands[i - 1].level);
	}
	for (int i = 0; i < LVL__COUNT; i++) {
		assert_int_equal(score_level(score_level_bands[i].min_priority, false),
				 score_level_bands[i].level);
		assert_int_equal(score_level(score_level_bands[i].min_priority, true),
				 SCORE_RED_FLAG_LEVEL > score_level_bands[i].level
					 ? SCORE_RED_FLAG_LEVEL : score_level_bands[i].level);
	}
	assert_int_equal(score_level(SCORE_PRIORITY_MIN, false),
			 score_level_bands[LVL__COUNT - 1].level);
	for (int l = 0; l < LVL__COUNT; l++)
		assert_true((score_deadline((enum level)l) != NULL) == (l >= SCORE_ACTION_LEVEL));
}

/* Section 1: question scores. */
static void test_question_scores(void **st)
{
	char want[512] = "| maturity ";

	(void)st;
	for (int i = 0; i < SCORE_NMATURITY; i++)
		add(want, sizeof want, "%s`%s`", i ? " / " : "", score_maturity[i].answer);
	add(want, sizeof want, " |");
	for (int i = 0; i < SCORE_NMATURITY; i++)
		add(want, sizeof want, "%s%g", i ? " / " : " ", score_maturity[i].s);
	add(want, sizeof want, " |");
	expect(SCORING, want);
	EXPECT_SCORING("gets a score *s* from 0 to %d,", SCORE_Q_MAX);
	EXPECT_SCORING("| `unknown` (any kind) | %d, and a gap |", SCORE_GAP);
	EXPECT_SCORING("| unanswered | %d, and a gap |", SCORE_GAP);
	EXPECT_SCORING("| `multi` | the sum of the chosen options' scores, at most %d |", SCORE_Q_MAX);
	EXPECT_SCORING("`unknown` and unanswered are %d before any function is asked", SCORE_GAP);
}

/* Section 2: the scale of scores. */
static void test_scale(void **st)
{
	(void)st;
	EXPECT_SCORING("**Overall score** = %d x sum(w x s) / sum(w)", SCORE_SCALE);
}

/* Section 3: severity, priority, level; the action plan. */
static void test_levels(void **st)
{
	char want[512] = "**level** = ";

	(void)st;
	EXPECT_SCORING("each as a whole number from %d to %d", SCORE_COMPONENT_MIN,
		       SCORE_COMPONENT_MAX);
	EXPECT_SCORING("**priority** = severity x likelihood, from %d to %d", SCORE_PRIORITY_MIN,
		       SCORE_PRIORITY_MAX);
	for (int i = 0; i < LVL__COUNT - 1; i++) {
		const struct level_band *b = &score_level_bands[i];

		add(want, sizeof want, "%s**%s** if %s>= %d%s", i == 0 ? "" : i == 1 ? ", else " : ", ",
		    level_name(b->level), i < 2 ? "priority " : "", b->min_priority,
		    b->level == SCORE_RED_FLAG_LEVEL ? " *or the rule is a red flag*" : "");
	}
	add(want, sizeof want, ", else **%s**.", level_name(score_level_bands[LVL__COUNT - 1].level));
	expect(SCORING, want);
	EXPECT_SCORING("a red flag is always **%s**", level_name(SCORE_RED_FLAG_LEVEL));
}

static void test_action_plan(void **st)
{
	char want[512] = "a suggested deadline: ";

	(void)st;
	EXPECT_SCORING("The **action plan** takes every group whose level is %s and above",
		       level_name(SCORE_ACTION_LEVEL));
	EXPECT_SCORING("(%s, bringing an actual impact to an end, for rules declared "
		       "`impact = \"actual\"`; %s, prevention, otherwise)", SCORE_BASIS_ACTUAL,
		       SCORE_ART_POTENTIAL);
	for (int l = LVL__COUNT - 1; l >= SCORE_ACTION_LEVEL; l--)
		add(want, sizeof want, "%s%s \"%s\"", l == LVL__COUNT - 1 ? "" : ", ",
		    level_name((enum level)l), score_deadline((enum level)l));
	add(want, sizeof want, ".");
	expect(SCORING, want);
}

/* Section 4: the rating table and the caps. */
static void test_ratings(void **st)
{
	const struct rating_band *b = score_rating_bands;
	int last = SCORE_NRATINGS - 1;
	char row[128];

	(void)st;
	EXPECT_SCORING("| %c | %g or more |", b[0].letter, b[0].min);
	for (int i = 1; i < last; i++)
		EXPECT_SCORING("| %c | %g to below %g |", b[i].letter, b[i].min, b[i - 1].min);
	EXPECT_SCORING("| %c | below %g (or no applicable question) |", b[last].letter,
		       b[last - 1].min);
	EXPECT_SCORING("the score is empty (`null` in JSON) and the process rating is %c.",
		       b[last].letter);
	for (int i = 0; i < SCORE_NFINDING_CAPS; i++)
		EXPECT_SCORING("| %s |", score_cap_text(i, row, sizeof row));
	for (int i = 0; i < SCORE_NCOVERAGE_CAPS; i++)
		EXPECT_SCORING("| %c: coverage below %g |", score_coverage_caps[i].cap,
			       score_coverage_caps[i].below);
	for (int i = 0; i < SCORE_NEVIDENCE_CAPS; i++)
		EXPECT_SCORING("| %c: evidenced share below %g |", score_evidence_caps[i].cap,
			       score_evidence_caps[i].below);
	for (int i = 1; i < SCORE_NFINDING_CAPS; i++)
		assert_true(score_finding_caps[i].cap <= score_finding_caps[i - 1].cap);
}

/* Evidence, severity, context and missing information. */
static void test_v2_constants(void **st)
{
	(void)st;
	EXPECT_SCORING("earns its score x %g", SCORE_UNEVIDENCED);
	EXPECT_SCORING("**severity** = (scale + scope + irremediable + %d x the largest of the "
		       "three) / %d", SCORE_SEVERITY_EXTRA, 3 + SCORE_SEVERITY_EXTRA);
	EXPECT_SCORING("an actual impact of severity %g or more", SCORE_SEVERE);
	EXPECT_SCORING("likelihood goes up by %d (to at most %d)", SCORE_CONTEXT_STEP,
		       SCORE_COMPONENT_MAX);
	EXPECT_SCORING("a value of at least %g", SCORE_CONTEXT_MIN);
	EXPECT_SCORING("from 1 to %d employees", SCORE_SMALL_EMPLOYEES - 1);
	EXPECT_SCORING("at most %d calls of the rule", DILIGO_MAX_COUNTERFACTUALS);
}

/* docs/questionnaire.md: stale evidence. */
static void test_stale_evidence(void **st)
{
	char want[256];

	(void)st;
	snprintf(want, sizeof want, "An item whose date is more than %d months before the end of "
		 "the period", EVIDENCE_STALE_MONTHS);
	expect(QUESTIONNAIRE, want);
}

/* Limits that the documentation states (engine/base/bounds.h). */
static void test_bounds(void **st)
{
	(void)st;
	EXPECT(QUESTIONNAIRE, "| at most %d MiB (%s bytes) |", DILIGO_MAX_QN_BYTES >> 20,
	       thousands(DILIGO_MAX_QN_BYTES));
	EXPECT(QUESTIONNAIRE, "| nesting of at most %d mappings and lists |", DILIGO_MAX_QN_DEPTH);
	EXPECT(QUESTIONNAIRE, "(up to %d per file)", DILIGO_MAX_DIAGS);
	EXPECT(SECURITY, "files over %d MiB, nesting deeper than %d,", DILIGO_MAX_QN_BYTES >> 20,
	       DILIGO_MAX_QN_DEPTH);
	EXPECT(SECURITY, "cut at Excel's %s-character limit", thousands(DILIGO_XLSX_CELL_CHARS));
	/* what a workbook may unfold into */
	EXPECT(QUESTIONNAIRE, "| a member inflates to at most %d MiB |", DILIGO_XLSX_MAX_PART >> 20);
	EXPECT(QUESTIONNAIRE, "| past 1 MiB, at most %d times its compressed size |",
	       DILIGO_XLSX_MAX_RATIO);
	EXPECT(QUESTIONNAIRE, "| all members read inflate to at most %d MiB |",
	       DILIGO_XLSX_MAX_TOTAL >> 20);
	EXPECT(QUESTIONNAIRE, "| at most %s members, %d sheets |", thousands(DILIGO_XLSX_MAX_ENTRIES),
	       DILIGO_XLSX_MAX_SHEETS);
	EXPECT(QUESTIONNAIRE, "| at most %s shared strings and ", thousands(DILIGO_XLSX_MAX_STRINGS));
	EXPECT(QUESTIONNAIRE, " shared strings and %s cells |", thousands(DILIGO_XLSX_MAX_CELLS));
	EXPECT(QUESTIONNAIRE, "well-formed XML, nested at most %d elements deep",
	       DILIGO_XLSX_MAX_XML_DEPTH);
	EXPECT(QUESTIONNAIRE, "a string fits a cell (%s characters)",
	       thousands(DILIGO_XLSX_CELL_CHARS));
}

static void test_json(void **st)
{
	(void)st;
	EXPECT(JSON, "Numbers are written with %s significant digits", number_word(JSON_DIGITS));
	EXPECT_SCORING("written with %s significant digits", number_word(JSON_DIGITS));
	EXPECT(JSON, "`score` (0-%d, null when nothing applies), `rating` (%c-%c), `coverage` (0-%d)",
	       SCORE_SCALE, score_rating_bands[0].letter,
	       score_rating_bands[SCORE_NRATINGS - 1].letter, SCORE_Q_MAX);
	EXPECT(JSON, "`impact` (`potential` = %s, `actual` = %s)", SCORE_BASIS_POTENTIAL,
	       SCORE_ART_ACTUAL);
}

static void test_workbooks(void **st)
{
	(void)st;
	EXPECT(WORKBOOKS, "cut at Excel's %s-character limit with the visible marker `%s`",
	       thousands(DILIGO_XLSX_CELL_CHARS), REPORT_TRUNCATED + 1);
	EXPECT(WORKBOOKS, "Colour scales on scores run red (0), yellow (%d), green (%d).",
	       SCORE_SCALE / 2, SCORE_SCALE);
	EXPECT(WORKBOOKS, "overall score (0-%d)", SCORE_SCALE);
	EXPECT(WORKBOOKS, "the top %d findings", DILIGO_TOP_FINDINGS);
	EXPECT(WORKBOOKS, "| Action plan | one row per impact group of level %s and above (its lead "
	       "finding): Level, Priority, "
	       "Finding, Action, Legal basis (%s or %s)", level_name(SCORE_ACTION_LEVEL),
	       SCORE_BASIS_POTENTIAL, SCORE_ART_ACTUAL);
	EXPECT(WORKBOOKS, "Score (the question score *s*, 0 to %d;", SCORE_Q_MAX);
	EXPECT(WORKBOOKS, "Stale (over %d months,", EVIDENCE_STALE_MONTHS);
	EXPECT(WORKBOOKS, "Past Excel's %s rows a sheet", thousands(DILIGO_XLSX_ROWS));
	EXPECT(WORKBOOKS, "(id and version, up to %d)", DILIGO_MAX_PORTFOLIO_PACKS);
	EXPECT(WORKBOOKS, "the %d riskiest suppliers: Risk rank", DILIGO_PORTFOLIO_RISKIEST);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tables_are_ordered),
		cmocka_unit_test(test_question_scores),
		cmocka_unit_test(test_scale),
		cmocka_unit_test(test_levels),
		cmocka_unit_test(test_action_plan),
		cmocka_unit_test(test_ratings),
		cmocka_unit_test(test_v2_constants),
		cmocka_unit_test(test_stale_evidence),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_workbooks),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
