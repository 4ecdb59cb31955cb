/* sink: outputs fed one finished item at a time, in input order — the
 * portfolio workbook (constant-memory) and the JSON document. Memory stays
 * flat however many suppliers pass through. Each is written to a temporary
 * file and moved into place by sink_close. */
#ifndef DILIGO_SINK_H
#define DILIGO_SINK_H

#include <stdbool.h>
#include <time.h>

#include "assessment.h"
#include "err.h"

struct sink;

struct sink *sink_portfolio_new(const char *path, bool stakeholder, time_t now, struct err *e);
struct sink *sink_json_new(const char *path, bool stakeholder, time_t now, struct err *e);
/* Scores and coverage in JSON: this many significant digits (docs/json.md). */
enum { JSON_DIGITS = 4 };
/* a is NULL for an input that failed; then e says why. workbook is the
 * supplier workbook written for it, or NULL. */
void sink_item(struct sink *s, const char *input, const char *workbook,
	       const struct assessment *a, const struct err *e);
int sink_close(struct sink *s, struct err *e); /* commits the file and frees s */
void sink_abort(struct sink *s); /* discards the file and frees s */

/* Shared with the writers: the text of an answer for reports. */
const char *report_answer_text(const struct question *q, const struct answer *a, char *buf,
			       size_t n);

#endif
