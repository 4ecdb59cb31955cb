/* Internal to the JSON writer (json.c, json_change.c). */
#ifndef DILIGO_JSON_INT_H
#define DILIGO_JSON_INT_H

#include <stdbool.h>
#include <stdio.h>

#include "assessment.h"

/* A JSON string (valid UTF-8, control characters escaped); NULL as "". */
void jstr(FILE *f, const char *s);
/* A number with JSON_DIGITS significant digits, or null for NAN. */
void jnum(FILE *f, double v);

/* After a finding's fields: ,"status","open_since","action_plan". */
void json_finding_change(FILE *f, const struct assessment *a, int i, bool stakeholder);
/* After a supplier's findings: ,"method","employees","tier","answers",
 * "evidence","change","resolved" (docs/json.md). */
void json_supplier_change(FILE *f, const struct assessment *a, bool stakeholder);

#endif
