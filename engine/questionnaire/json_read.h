/* json_read: a JSON document (RFC 8259) read into the questionnaire tree
 * (struct ynode, qn.h), so that what an earlier run wrote can be read back
 * with the same accessors as a questionnaire, and its answers bound to a
 * pack by qn_bind. Strings are scalars with plain = false; numbers, true and
 * false are plain scalars as written ("12.5", "true"); null is a blank plain
 * scalar (qn_bind reads it as "unanswered"). Objects are maps (key, value
 * pairs; a duplicate key is an error), arrays are sequences. line and col
 * are those of the value's first character.
 *
 * Strict and bounded: nesting deeper than DILIGO_MAX_JSON_DEPTH, invalid
 * UTF-8, a NUL (escaped or not), a lone surrogate escape, control
 * characters in strings, anything after the document: an error with
 * name:line:col (ERR_INPUT). All nodes are allocated in ar. */
#ifndef DILIGO_JSON_READ_H
#define DILIGO_JSON_READ_H

#include <stddef.h>

#include "err.h"
#include "qn.h"

struct arena;

struct ynode *json_parse(struct arena *ar, const char *name, const char *buf, size_t len,
			 struct err *e);

#endif
