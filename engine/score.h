/* score: SPEC section 6.1 in C — question scores, duty scores, overall score,
 * coverage, finding severity/priority/level, rating. Pure arithmetic on a
 * bound questionnaire and the rule hits lhost found; never touches Lua. */
#ifndef DILIGO_SCORE_H
#define DILIGO_SCORE_H

#include "assess.h"

/* Fill a (whose fn_score and findings lhost_evaluate set) completely. */
void score_assessment(struct assessment *a);
/* Set up an empty assessment for q in q's arena. */
void score_init(struct assessment *a, const struct qn *q);
struct area_score {
	const char *area;
	double score; /* NAN when nothing applicable */
	int nquestions;
};
/* Scores per duty area (catalogue `area`): 100 x sum(w s) / sum(w) over the
 * applicable questions citing a duty of the area; sorted by area name.
 * Returns the count (at most max). */
int score_areas(const struct assessment *a, struct area_score *out, int max);
/* Rating letter for a score (NAN gives 'E'). */
char score_rating(double score);

#endif
