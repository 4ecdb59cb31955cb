/* answers: one supplier questionnaire as data — the supplier, its typed
 * answers (one per pack question, same index) and its evidence. The
 * questionnaire module fills it (from YAML or a workbook); scoring, the sandbox and
 * the report writers read it. All memory lives in q->arena. */
#ifndef DILIGO_ANSWERS_H
#define DILIGO_ANSWERS_H

#include <stdbool.h>

#include "err.h"
#include "pack.h"

struct ynode; /* the parsed file (questionnaire module) */
struct crisk; /* country risk (crisk.h) */

enum astate { ANS_NONE, ANS_VALUE, ANS_UNKNOWN, ANS_NA };

/* Whether a question applies to this supplier (its na_when conditions,
 * qn_bind): a question that does not apply leaves every sum; one whose
 * conditions rest on a missing or unknown answer counts as a gap, whatever
 * its own answer, so that hiding the condition never pays. */
enum applic { APPL_YES, APPL_NO, APPL_UNKNOWN };

struct answer {
	enum astate state;
	const char *str; /* maturity, choice, date, text; maturity also for unknown/na */
	double num; /* number, percent */
	const char **list; /* multi */
	int nlist;
	const char **evidence;
	int nevidence;
	const char *comment;
	bool confidential;
	bool given; /* written in the questionnaire (state ANS_NONE: not valid) */
	int line, col;
};

/* Evidence dated more than this many whole months before the end of the
 * period is stale (docs/questionnaire.md, Evidence). A macro so labels can
 * print it. */
#define EVIDENCE_STALE_MONTHS 24

struct evidence {
	const char *id, *title, *kind, *date, *url;
	int line;
	int age_months; /* at the end of the period; -1 without a date */
	bool stale; /* age_months > EVIDENCE_STALE_MONTHS */
};

struct supplier {
	const char *id, *name, *country, *sector;
	long employees; /* -1 when not given (an error, except in pack tests) */
	int tier; /* 0 when not given */
};

struct qn {
	struct arena *arena;
	const char *path;
	char sha256[65];
	struct ynode *root;
	struct supplier supplier;
	int period; /* 0 when not given */
	const char *respondent_name, *respondent_role, *respondent_email;
	const struct pack *pack;
	struct answer *answers; /* one per pack question, same index */
	unsigned char *applies; /* enum applic, one per pack question */
	bool partial; /* a pack's test: required answers and employees not enforced */
	const struct crisk *crisk; /* country risk for this run, or NULL (neutral) */
	struct evidence *evidence;
	int nevidence;
	/* read from a workbook: the pack, pack version and question-set
	 * fingerprint (pack_fingerprint) its template was made for, from its
	 * hidden sheet, and the node of the fingerprint (NULL for YAML) */
	bool workbook;
	const char *form_pack, *form_version, *form_questions;
	const char *form_lang; /* the language the workbook was written in (NULL: English) */
	const struct ynode *form_at;
	bool form_any; /* set before qn_bind: another question set is no problem
			  (template --from carries what still fits over) */
	struct err *diags; /* problems found by qn_bind */
	int ndiags;
	int ndropped; /* problems beyond DILIGO_MAX_DIAGS, counted only */
};

#endif
