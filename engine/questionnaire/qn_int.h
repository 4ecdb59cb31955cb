/* qn_int.h: what the files binding a questionnaire to a pack share
 * (qn_check.c binds the answers and the whole; qn_bind_meta.c the supplier,
 * respondent, period and evidence): the binding's context and the helpers
 * that record problems. Internal: callers use qn.h. */
#ifndef DILIGO_QN_INT_H
#define DILIGO_QN_INT_H

#include <stdbool.h>

#include "qn.h"

struct ctx {
	struct qn *q;
	const struct pack *p;
	const char **ev_sorted; /* evidence ids, sorted (evidence_exists) */
};

/* ---- problems (qn_check.c) ---------------------------------------------- */

/* Record a problem at a node; keeps going. */
__attribute__((format(printf, 3, 4)))
void qn_diag(struct ctx *c, const struct ynode *n, const char *fmt, ...);
/* Whether n is a single value (a mapping), else a problem recorded. */
bool qn_is_scalar(struct ctx *c, const struct ynode *n, const char *what);
bool qn_is_map(struct ctx *c, const struct ynode *n, const char *what);
/* The value at key, NULL when absent or blank (a key with nothing after it). */
const struct ynode *qn_get(const struct ynode *map, const char *key);

/* ---- supplier, respondent, period, evidence (qn_bind_meta.c) ------------- */

/* A problem for each key of map not in allowed (NULL-terminated). */
void qn_check_keys(struct ctx *c, const struct ynode *map, const char *const *allowed,
		   const char *what);
void qn_bind_supplier(struct ctx *c, const struct ynode *n);
void qn_bind_respondent(struct ctx *c, const struct ynode *n);
void qn_bind_period(struct ctx *c, const struct ynode *n);
void qn_bind_evidence(struct ctx *c, const struct ynode *n);
/* Whether the questionnaire has an evidence item with this id. */
bool qn_evidence_exists(struct ctx *c, const char *id);

#endif
