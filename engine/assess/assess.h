/* assess: one questionnaire through the pipeline — read the file, find its
 * sector pack, bind the answers to the pack's questions, run the pack's
 * rules in the sandbox and score. `diligo validate` stops after binding;
 * the batch runner goes on to the end. Neither prints: problems come back
 * in a struct err (and, for binding, in q->diags). */
#ifndef DILIGO_ASSESS_H
#define DILIGO_ASSESS_H

#include <stdbool.h>

#include "assessment.h"
#include "err.h"
#include "isolate.h"
#include "lhost.h"
#include "qn.h"

/* The pack for q: forced (-s NAME) when given, else supplier.sector. An
 * unknown or missing sector is an input error at the sector's position
 * (ERR_USAGE when forced names no pack). */
const struct pack *assess_pack_for(struct lhost *h, const char *forced, const struct qn *q,
				   struct err *e);

/* Read path, find its pack and bind. Returns 0 or an err code (ERR_IO,
 * ERR_INPUT, ERR_PACK, ERR_USAGE for an unknown forced sector). *qp is the
 * questionnaire whenever the file parsed, even when binding failed (its
 * diags list every problem), else NULL. With hash, q->sha256 is filled. */
int assess_load(struct lhost *h, const char *path, const char *sector, bool hash,
		struct qn **qp, struct err *e);

/* Run the bound questionnaire's rules and score it: a is complete.
 * A third-party pack (not pack->trusted), or any pack with iso->always,
 * runs in a child process (isolate.h); a bundled one in this process.
 * Returns 0 or ERR_PACK with e naming the input. */
int assess_run(struct lhost *h, const struct qn *q, struct assessment *a,
	       const struct isolate_opts *iso, struct err *e);

#endif
