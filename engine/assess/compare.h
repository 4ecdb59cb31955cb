/* compare: an assessment compared with its prior (change.h), re-scoring the
 * earlier answers with today's pack and method when the prior was scored
 * with another pack version or method and carries its answers (drift), and
 * saying what could not be compared and why. */
#ifndef DILIGO_COMPARE_H
#define DILIGO_COMPARE_H

#include "change.h"
#include "isolate.h"
#include "lhost.h"

/* Fill c (allocated in ar, like everything it points to) from a and p;
 * p's answer texts are completed on the way. h runs the re-scoring. */
void assess_compare(struct lhost *h, const struct assessment *a, struct prior *p,
		    const struct isolate_opts *iso, struct arena *ar, struct change *c);

#endif
