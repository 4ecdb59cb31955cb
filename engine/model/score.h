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

#include "assessment.h"

/* The version of the scoring method below; written into every JSON result
 * so that a later run knows whether an earlier result was scored the same
 * way (change.h: drift). Raise it whenever a number or rule of the method
 * changes. */
#define SCORE_METHOD_VERSION 1

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

/* Each of a rule's scale, scope, irremediable and likelihood is a whole
 * number in [SCORE_COMPONENT_MIN, SCORE_COMPONENT_MAX]; severity is the
 * largest of the first three; priority = severity x likelihood. */
enum {
	SCORE_COMPONENT_MIN = 1,
	SCORE_COMPONENT_MAX = 5,
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

/* Rating from the unrounded overall score: the first band whose min the
 * score reaches, best first; the last band (E) takes every lower score and
 * an empty one (no applicable question). */
struct rating_band {
	char letter;
	double min;
};
enum { SCORE_NRATINGS = 5 };
extern const struct rating_band score_rating_bands[SCORE_NRATINGS];
/* A red-flag finding caps the rating here: a better letter becomes this one. */
#define SCORE_RED_FLAG_CAP 'D'

/* The action plan: findings of SCORE_ACTION_LEVEL and above, each with a
 * suggested deadline by level and a legal basis by the rule's impact. */
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
/* Level of a priority; red_flag gives SCORE_RED_FLAG_LEVEL at least. */
enum level score_level(int priority, bool red_flag);

#endif
