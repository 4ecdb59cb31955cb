/* score: SPEC section 6.1 in C — question scores, duty scores, overall score,
 * coverage, finding severity/priority/level, rating. Pure arithmetic on a
 * bound questionnaire and the rule hits lhost found; never touches Lua. */
#ifndef DILIGO_SCORE_H
#define DILIGO_SCORE_H

#include "assessment.h"

/* Fill a (whose fn_score and findings lhost_evaluate set) completely. */
void score_assessment(struct assessment *a);
/* Set up an empty assessment for q in q's arena. */
void score_init(struct assessment *a, const struct qn *q);
/* Rating letter for a score (NAN gives 'E'). */
char score_rating(double score);

#endif
