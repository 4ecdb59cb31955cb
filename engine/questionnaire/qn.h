/* qn: one supplier questionnaire (docs/questionnaire.md), from file to typed
 * answers. qn_load reads a file — YAML, or a questionnaire workbook (.xlsx),
 * told apart by content — into one tree whose every node keeps its place
 * (line:col, or a workbook cell such as Answers!E17), enforcing the reading
 * limits (size, depth, aliases, duplicate keys, UTF-8, control characters;
 * for workbooks those of xlsx_read.h); qn_bind checks the tree against a
 * pack's questions and fills typed answers, collecting every problem, the
 * same way whichever the file. All memory of one questionnaire lives in its
 * arena, freed by qn_free. Only qn_yaml.c includes yaml.h, only xlsx_read.c
 * minizip and expat; this module never touches Lua. */
#ifndef DILIGO_QN_H
#define DILIGO_QN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "bounds.h"
#include "answers.h"
#include "err.h"
#include "kind.h"
#include "pack.h"


enum ytype { Y_SCALAR, Y_MAP, Y_SEQ };

struct ynode {
	enum ytype type;
	int line, col; /* 1-based; in a workbook the cell's row and column */
	/* in a workbook: the sheet, as a cell reference writes it (Answers,
	 * 'Action plan'), and its position + 1 (orders problems across sheets);
	 * NULL and 0 for YAML. ynode_where makes the cell, "Answers!E17". */
	const char *sheet;
	int part;
	/* an answer cell of a workbook: read through the question kind's
	 * from_cell when bound (str is its text) */
	const struct kind_cell *xcell;
	const char *str; /* scalar text, NUL-terminated (NULs inside are rejected) */
	size_t len;
	bool plain; /* an unquoted scalar (every workbook value is one) */
	struct ynode **kids; /* seq: items; map: key, value, key, value ... */
	int n; /* items, or key/value pairs for a map */
};

/* Read and parse path. NULL with err set (code ERR_IO or ERR_INPUT).
 * With hash, q->sha256 holds the file's SHA-256 (for provenance blocks);
 * else it is empty, which saves a tenth of a portfolio run. */
struct qn *qn_load(const char *path, bool hash, struct err *e);
/* Same from memory (fuzzing, tests); name is used in messages. A buffer
 * that starts like a zip archive (or an OLE file: an old .xls or an
 * encrypted workbook), or whose name ends in .xlsx, goes to qn_parse_xlsx. */
struct qn *qn_parse(const char *name, const char *buf, size_t len, struct err *e);
/* A questionnaire workbook (qn_xlsx.h) into the same tree. */
struct qn *qn_parse_xlsx(const char *name, const char *buf, size_t len, struct err *e);
/* What qn_supplier_id, qn_period and qn_sector read, before a run plans
 * its workbooks: a workbook's Supplier sheet alone (a third of reading it
 * all). Not for binding. */
struct qn *qn_parse_xlsx_supplier(const char *name, const char *buf, size_t len, struct err *e);
/* The supplier id (malloc'd, NULL when none) and period (0 when none) of
 * the file at path, as qn_supplier_id and qn_period read them after a full
 * parse; a YAML file in the plain layout is scanned instead (qn_keys.c).
 * Nonzero when the file cannot be read or parsed. */
int qn_load_keys(const char *path, char **id, int *period, struct err *e);
/* qn_load_keys' scanner: true when sure (then *id is set), false when only
 * a full parse can tell. */
bool qn_scan_keys(const char *buf, size_t len, char **id, int *period);
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
/* A workbook node's cell, "Answers!E17", into buf; NULL for YAML. */
const char *ynode_where(const struct ynode *n, char *buf, size_t len);
/* Set e to a problem of q at node n (its line:col or cell; 1:1 when n is
 * NULL) and return code. */
int qn_err_at(struct err *e, int code, const struct qn *q, const struct ynode *n,
	      const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* ---- writing (qn_write.c) ---- */

/* The questionnaire for pack p as YAML: the blank template for suppliers
 * (every question with its text, help, allowed values and duties as
 * comments) when q is NULL, else the same filled with q's supplier,
 * answers and evidence. q is bound, to p or to another version of it: an
 * answer is carried over when p has a question of its id that takes it
 * (qn_answer_for). Returns 0 or ERR_IO (f's error flag). */
int qn_write_yaml(FILE *f, const struct pack *p, const struct qn *q);
/* The words the YAML template writes around the pack's texts (comments
 * only: keys and values stay as they are), in the run's language. */
enum qw_text {
	QW_HOW_TO_ANSWER, QW_FMT_HEADER, QW_HELP, QW_ALLOWED, QW_NA_ONLY_WHEN, QW_OR, QW_SMALL,
	QW_IS, QW_NONE_OF, QW_EVIDENCE, QW_OPTIONS, QW_DUTIES, QW_REQUIRED, QW_NOTE_ID,
	QW_NOTE_COUNTRY, QW_NOTE_EMPLOYEES, QW_NOTE_RESPONDENT, QW__COUNT
};
/* texts[i] replaces the English of i (NULL or NULL entries: English). */
void qn_write_texts_use(const char *const texts[QW__COUNT]);
/* Their English, which reports/report_text.def lists too (as YAML_*). */
#define QW_TXT_HOW_TO_ANSWER "Answer each question after its key. Every question takes 'unknown' (a gap in\n" \
	"the score); leaving an answer out never scores better than 'unknown', and a\n" \
	"required question must be answered.\n" \
	"Long form: key: { value: ..., evidence: [E1], comment: \"...\", confidential: true }"
#define QW_TXT_FMT_HEADER "diligo questionnaire, sector pack '%s' %s: %s"
#define QW_TXT_HELP "help"
#define QW_TXT_ALLOWED "allowed"
#define QW_TXT_NA_ONLY_WHEN "only when"
#define QW_TXT_OR "or"
#define QW_TXT_SMALL "the supplier is small"
#define QW_TXT_IS "is"
#define QW_TXT_NONE_OF "none of"
#define QW_TXT_EVIDENCE "evidence: a positive answer earns full credit only with cited, current evidence"
#define QW_TXT_OPTIONS "options"
#define QW_TXT_DUTIES "duties"
#define QW_TXT_REQUIRED "required"
#define QW_TXT_NOTE_ID "your supplier id, as given by your customer"
#define QW_TXT_NOTE_COUNTRY "ISO 3166-1 alpha-2, such as CD or NO"
#define QW_TXT_NOTE_EMPLOYEES "required: the number of employees"
#define QW_TXT_NOTE_RESPONDENT "confidential: never shown in shared reports"
/* q's answer to the question of qu's id, or NULL when q has none or qu no
 * longer takes it (another kind, or the value converted again by qu's kind
 * fails: an option gone, a bound moved). q is bound to any pack. */
const struct answer *qn_answer_for(const struct qn *q, const struct question *qu);

/* The kinds of evidence, as written in a questionnaire; NULL-terminated. */
extern const char *const qn_evidence_kinds[];

#endif
