/* series: several periods of one supplier in one run. Each period is
 * assessed, and each is compared with the supplier's previous period in
 * the run. So that the earlier period is always assessed first, the
 * questionnaires of one supplier are taken in period order, at the places
 * in the input order that they hold together (inputs b-2026, x, b-2025 run
 * as b-2025, x, b-2026); every other input keeps its place. The same id
 * and period twice stays a duplicate; a questionnaire without a period
 * whose supplier id has questionnaires with a period clashes with them. */
#ifndef DILIGO_SERIES_H
#define DILIGO_SERIES_H

#include <stdbool.h>

#include "names.h"

struct series {
	int n;
	int *order;  /* position in the run -> input index */
	int *prev;   /* position -> position of the previous period of its supplier, or -1 */
	bool *next;  /* position: a later period of its supplier follows in the run */
	int *clash;  /* position -> the input with a period it clashes with, or -1 */
	bool any;    /* a supplier has several periods */
};

/* From the ids and periods planned for n inputs (names.h). */
struct series *series_plan(const struct names *nm, int n);
void series_free(struct series *s);

#endif
