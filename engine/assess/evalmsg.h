/* evalmsg: what an isolated evaluation sends back to the parent — the parts
 * of an assessment that the pack's Lua decided (score-function results and
 * rule hits) or the pack error that stopped it. The child encodes; the
 * parent decodes and validates every field against the pack before any of
 * it reaches scoring or a report: sizes, indexes, ranges, lengths. A message
 * that fails validation fails that supplier, never the run. */
#ifndef DILIGO_EVALMSG_H
#define DILIGO_EVALMSG_H

#include <stddef.h>

#include "assessment.h"
#include "err.h"

/* Encode a's fn_score and findings (status 0) or e (status != 0) into a
 * malloc'd buffer; *len is its size. */
unsigned char *evalmsg_encode(const struct assessment *a, int status, const struct err *e,
			      size_t *len);

/* Decode buf into a (set up by score_init for a->qn, whose arena receives
 * the findings). Returns 0 with a filled, or ERR_PACK with e set: the error
 * the child reported, or what is wrong with the message. */
int evalmsg_decode(const unsigned char *buf, size_t len, struct assessment *a, struct err *e);

/* The largest valid message for pack p (a bound the parent reads up to). */
size_t evalmsg_max(const struct pack *p);

#endif
