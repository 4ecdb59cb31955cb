/* Internal to the JSON writer (json.c, json_change.c). */
#ifndef DILIGO_JSON_INT_H
#define DILIGO_JSON_INT_H

#include <stdbool.h>
#include <stdio.h>

#include "assessment.h"
#include "redact.h"

/* A JSON string (valid UTF-8, control characters escaped); NULL as "". */
void jstr(FILE *f, const char *s);
/* A number with JSON_DIGITS significant digits, or null for NAN. */
void jnum(FILE *f, double v);
/* A whole number, as printf's %ld writes it. */
void jint(FILE *f, long v);
/* Whole numbers below this in magnitude are written by jnum as %.*g with
 * JSON_DIGITS writes them: in full (10^JSON_DIGITS). */
enum { JSON_INT_EXACT = 10000 };

/* After a finding's fields: ,"status","open_since","action_plan". */
void json_finding_change(FILE *f, const struct assessment *a, int i, bool stakeholder);
/* After a supplier's findings: ,"method","employees","tier","answers",
 * "evidence","change","resolved" (docs/json.md); what a stakeholder copy
 * withholds as redact.h says (w: the supplier as this copy names it). */
void json_supplier_change(FILE *f, const struct assessment *a, const struct report_opts *o,
			  const struct who *w);

#endif
