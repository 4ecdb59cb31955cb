/* score: the scoring method of docs/scoring.md in C — question scores, duty
 * scores, overall score, coverage, finding severity/priority/level, rating.
 * Pure arithmetic on a bound questionnaire and the rule hits lhost found;
 * never touches Lua.
 *
 * Every number of the method is declared here, once: score.c computes with
 * these constants, the workbooks' Method sheets write their text from them,
 * and tests/unit/test_facts.c fails when docs/scoring.md states another
 * value. Change a number here and in docs/scoring.md together. */
#ifndef DILIGO_SCORE_H
#define DILIGO_SCORE_H

#include <stddef.h>

#include "assessment.h"

/* The version of the scoring method below; written into every JSON result
 * so that a later run knows whether an earlier result was scored the same
 * way (change.h: drift). Raise it whenever a number or rule of the method
 * changes. */
#define SCORE_METHOD_VERSION 2

/* A number of this header as text, for labels built at compile time. */
#define SCORE_STR(x) SCORE_STR_(x)
#define SCORE_STR_(x) #x

/* Scores: overall, duty and area scores run from 0 to SCORE_SCALE;
 * = SCORE_SCALE x sum(w x s) / sum(w). A macro so labels can print it. */
#define SCORE_SCALE 100
/* A question's score s runs from 0 to SCORE_Q_MAX; a multi answer's summed
 * option scores are capped there. */
#define SCORE_Q_MAX 1

/* What a maturity answer scores; "na" is not applicable, "unknown" and an
 * unanswered question score SCORE_GAP. */
struct maturity_score {
	const char *answer;
	double s;
};
enum { SCORE_NMATURITY = 3 };
extern const struct maturity_score score_maturity[SCORE_NMATURITY]; /* yes, partial, no */
#define SCORE_GAP 0

/* A positive answer (score above 0) to a question that needs evidence
 * (`evidence = true`) earns its score times SCORE_UNEVIDENCED unless it
 * cites at least one evidence item that is not stale. A macro so labels
 * can print it. */
#define SCORE_UNEVIDENCED 0.5

/* Each of a finding's scale, scope, irremediable and likelihood is a whole
 * number in [SCORE_COMPONENT_MIN, SCORE_COMPONENT_MAX]. Severity counts all
 * three, the largest SCORE_SEVERITY_EXTRA more times, so that one grave
 * dimension is not averaged away:
 *   severity = (scale + scope + irremediable + EXTRA x largest) / (3 + EXTRA)
 * priority = severity x likelihood. */
enum {
	SCORE_COMPONENT_MIN = 1,
	SCORE_COMPONENT_MAX = 5,
	SCORE_SEVERITY_EXTRA = 1,
	SCORE_PRIORITY_MIN = SCORE_COMPONENT_MIN * SCORE_COMPONENT_MIN,
	SCORE_PRIORITY_MAX = SCORE_COMPONENT_MAX * SCORE_COMPONENT_MAX,
};

/* Level from priority: the first band whose min_priority the priority
 * reaches, highest level first; the last band takes every other priority.
 * A red-flag finding is at least SCORE_RED_FLAG_LEVEL whatever its
 * priority. */
struct level_band {
	enum level level;
	int min_priority;
};
extern const struct level_band score_level_bands[LVL__COUNT];
#define SCORE_RED_FLAG_LEVEL LVL_CRITICAL

/* Rating from the unrounded overall score (the process rating): the first
 * band whose min the score reaches, best first; the last band (E) takes
 * every lower score and an empty one (no applicable question). */
struct rating_band {
	char letter;
	double min;
};
enum { SCORE_NRATINGS = 5 };
extern const struct rating_band score_rating_bands[SCORE_NRATINGS];

/* Caps on the rating from the findings, counted by group (the lead
 * finding of each impact group; docs/scoring.md): a row applies when at
 * least `count` groups lead with a finding of at least `level` (and, where
 * the row says so, a red flag; an actual impact of severity SCORE_SEVERE
 * or more). The rating is the process rating or the worst cap that
 * applies, whichever is worse. */
struct finding_cap {
	enum level level;
	bool red_flag, actual_severe;
	int count;
	char cap;
};
enum { SCORE_NFINDING_CAPS = 6 };
extern const struct finding_cap score_finding_caps[SCORE_NFINDING_CAPS];
/* Row i of score_finding_caps in words: "D: a red flag", "C: 3 high
 * findings or worse". */
const char *score_cap_text(int i, char *buf, size_t n);
/* A severity at or above this is severe (the E cap of an actual red flag). */
#define SCORE_SEVERE 4.5

/* Caps from missing information and missing evidence: below `below` the
 * rating is at most `cap`. Coverage counts every unknown and unanswered
 * applicable question as a gap; the evidenced share is the weight of
 * evidence-needing questions answered positively with current evidence,
 * over all applicable questions that need evidence. */
struct share_cap {
	double below;
	char cap;
};
enum { SCORE_NCOVERAGE_CAPS = 3, SCORE_NEVIDENCE_CAPS = 2 };
extern const struct share_cap score_coverage_caps[SCORE_NCOVERAGE_CAPS];
extern const struct share_cap score_evidence_caps[SCORE_NEVIDENCE_CAPS];

/* Context (UNGP 14, CSDDD Art 8-9): a finding whose rule lists a country-
 * risk column takes SCORE_CONTEXT_STEP more likelihood (at most
 * SCORE_COMPONENT_MAX) when the supplier's country has a value of at least
 * SCORE_CONTEXT_MIN in that column. A missing value never lowers it. */
#define SCORE_CONTEXT_MIN 0.5
#define SCORE_CONTEXT_STEP 1
/* A supplier with from 1 to SCORE_SMALL_EMPLOYEES - 1 employees is small
 * (the small enterprise of Commission Recommendation 2003/361/EC): the
 * questions a pack marks `na_when = { small = true }` do not apply to it.
 * A missing or zero count is never small. */
#define SCORE_SMALL_EMPLOYEES 50

/* The action plan: lead findings of SCORE_ACTION_LEVEL and above, each with
 * a suggested deadline by level and a legal basis by the rule's impact. */
#define SCORE_ACTION_LEVEL LVL_MEDIUM
/* Suggested deadline of a finding's level; NULL below SCORE_ACTION_LEVEL. */
const char *score_deadline(enum level l);
#define SCORE_LAW "CSDDD"
#define SCORE_ART_ACTUAL "Art 11"    /* impact = "actual": bring it to an end */
#define SCORE_ART_POTENTIAL "Art 10" /* otherwise: prevention */
#define SCORE_BASIS_ACTUAL SCORE_LAW " " SCORE_ART_ACTUAL
#define SCORE_BASIS_POTENTIAL SCORE_LAW " " SCORE_ART_POTENTIAL

/* Fill a (whose fn_score and findings lhost_evaluate set) completely. */
void score_assessment(struct assessment *a);
/* Set up an empty assessment for q in q's arena. */
void score_init(struct assessment *a, const struct qn *q);
/* Rating letter for a score (NAN gives the last band's, 'E'). */
char score_rating(double score);
/* Severity of the three components. */
double score_severity(int scale, int scope, int irremediable);
/* Level of a priority; red_flag gives SCORE_RED_FLAG_LEVEL at least. */
enum level score_level(double priority, bool red_flag);
/* The cap one lead finding alone puts on the rating ('A' = none). */
char score_finding_cap(const struct finding *f);
/* Whether employees counts as small. */
bool score_small(long employees);
/* What a finding weighs when two findings of one rule are compared: the
 * worse of two possible findings has the higher key (cap, then level,
 * then priority). */
double score_finding_key(const struct rule *r, int scale, int scope, int irremediable,
			 int likelihood);

#endif
