/* qn: one supplier questionnaire (docs/questionnaire.md), from file to typed
 * answers. qn_load reads and parses the YAML into a tree that keeps line:col
 * for every node, enforcing the size, depth, alias, duplicate-key, UTF-8 and
 * control character limits; qn_bind checks the tree against a pack's
 * questions and fills typed answers, collecting every problem. All memory of
 * one questionnaire lives in its arena, freed by qn_free. Only qn_yaml.c
 * includes yaml.h; this module never touches Lua. */
#ifndef DILIGO_QN_H
#define DILIGO_QN_H

#include <stdbool.h>
#include <stddef.h>

#include "bounds.h"
#include "answers.h"
#include "err.h"
#include "pack.h"


enum ytype { Y_SCALAR, Y_MAP, Y_SEQ };

struct ynode {
	enum ytype type;
	int line, col;
	const char *str; /* scalar text, NUL-terminated (NULs inside are rejected) */
	size_t len;
	bool plain; /* an unquoted scalar */
	struct ynode **kids; /* seq: items; map: key, value, key, value ... */
	int n; /* items, or key/value pairs for a map */
};

/* Read and parse path. NULL with err set (code ERR_IO or ERR_INPUT).
 * With hash, q->sha256 holds the file's SHA-256 (for provenance blocks);
 * else it is empty, which saves a tenth of a portfolio run. */
struct qn *qn_load(const char *path, bool hash, struct err *e);
/* Same from memory (fuzzing, tests); name is used in messages. */
struct qn *qn_parse(const char *name, const char *buf, size_t len, struct err *e);
/* supplier.sector as written, or NULL. Usable before qn_bind. */
const char *qn_sector(const struct qn *q);
/* supplier.id and period as qn_bind reads them (NULL, 0 when missing or
 * invalid). Usable before qn_bind: workbook names are planned from them. */
const char *qn_supplier_id(const struct qn *q);
int qn_period(const struct qn *q);
/* Check against pack and fill the typed fields. Returns 0, or ERR_INPUT with
 * q->diags holding every problem (the first one copied to e). */
int qn_bind(struct qn *q, const struct pack *p, struct err *e);
void qn_free(struct qn *q);

/* The map value under key, or NULL. */
const struct ynode *ynode_get(const struct ynode *map, const char *key);

#endif
