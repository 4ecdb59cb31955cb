/* baseline: earlier assessments read back (`assess --baseline PATH`), to
 * compare each supplier with (change.h).
 *
 * A path is an earlier run's JSON results (--json), a supplier workbook
 * (-o; as people edited it in Excel or LibreOffice), or a directory of them
 * (its *.json and *.xlsx files, in name order; files that are neither are
 * passed over). baseline_open indexes every supplier (id and period) of
 * every file; baseline_find picks, for one supplier of the run, the entry
 * of the most recent period before the run's (for one supplier and period,
 * a workbook wins over JSON: it holds what people typed); baseline_load
 * reads that entry into a prior. After baseline_open the index is read-only:
 * worker threads call baseline_find and baseline_load at once. */
#ifndef DILIGO_BASELINE_H
#define DILIGO_BASELINE_H

#include <stdbool.h>

#include "change.h"
#include "err.h"

struct arena;
struct baseline;
struct baseline_entry;

/* Index paths. A file that cannot be read or is not an earlier run's
 * output fails the whole (ERR_IO, ERR_USAGE); in a directory, a file that
 * is neither JSON results nor a supplier workbook is passed over, and one
 * that is damaged is reported through warn (then passed over). */
struct baseline *baseline_open(const char *const *paths, int n,
			       void (*warn)(void *ud, const struct err *e), void *ud, struct err *e);
void baseline_free(struct baseline *b);
/* Suppliers indexed (for messages). */
int baseline_size(const struct baseline *b);

/* The entry for supplier id to compare an assessment of period with: the
 * latest period before it (when period is 0, or an entry has none: any
 * period), a workbook before JSON for one period; NULL when none. */
const struct baseline_entry *baseline_find(const struct baseline *b, const char *id, int period);
/* Read entry into a prior allocated in ar. 0, or ERR_INPUT / ERR_IO. */
int baseline_load(const struct baseline *b, const struct baseline_entry *entry, struct arena *ar,
		  struct prior **out, struct err *e);

/* The questionnaire a prior carries (p->questionnaire, not NULL) as a qn to
 * bind to a pack and score again; free with qn_free. The tree stays p's. */
struct qn *baseline_qn(const struct prior *p);

/* What the reader of supplier workbooks looks for (baseline_xlsx.c): sheet
 * names, labels, headings and values as the reports write them. It always
 * accepts the English ones; baseline_texts_use adds those of the language
 * the run's reports are written in (report_text_use sets them), so that a
 * workbook written in that language, or in English, reads back. */
enum bl_text {
	BL_SHEET_SUMMARY,
	BL_SHEET_FINDINGS,
	BL_SHEET_ACTIONS,
	BL_SHEET_ANSWERS,
	BL_SHEET_METHOD,
	/* labels, their value in the next cell to the right */
	BL_K_SUPPLIER_ID,
	BL_K_NAME,
	BL_K_PERIOD,
	BL_K_OVERALL, /* a prefix: "Overall score (0-100)" */
	BL_K_COVERAGE,
	BL_K_RATING,
	BL_K_RED_FLAG,
	BL_FMT_K_FINDINGS_LEVEL, /* "Findings: %s", the level's name */
	BL_K_SECTOR,
	BL_K_PACK_ID,
	BL_K_PACK_VERSION,
	BL_K_METHOD_VERSION,
	BL_K_AUDIENCE,
	/* headings */
	BL_H_LEVEL,
	BL_H_PRIORITY,
	BL_H_FINDING,
	BL_H_ACTION,
	BL_H_LEGAL_BASIS,
	BL_H_DEADLINE,
	BL_H_OWNER,
	BL_H_DUE,
	BL_H_STATUS,
	BL_H_NOTES,
	BL_H_OPEN_SINCE,
	BL_H_RULE_ID,
	BL_H_QUESTION_ID,
	BL_H_ANSWER,
	BL_H_DUTY_AREA,
	/* values */
	BL_V_YES,
	BL_V_STAKEHOLDER,
	BL_V_OPEN,
	BL_V_CONFIDENTIAL,
	BL_V_LEVEL_LOW, /* the level names, in enum level's order */
	BL_V_LEVEL_MEDIUM,
	BL_V_LEVEL_HIGH,
	BL_V_LEVEL_CRITICAL,
	BL__COUNT
};
/* The texts of another language per enum bl_text (NULL: English only). */
void baseline_texts_use(const char *const texts[BL__COUNT]);
/* The texts of one more language a baseline workbook may be written in
 * (at most three; call before any workbook is read). */
void baseline_texts_add(const char *const texts[BL__COUNT]);

/* A supplier workbook read into a prior (baseline_xlsx.c): its Summary,
 * Findings, Action plan and Answers sheets. */
int baseline_read_workbook(const char *path, struct arena *ar, struct prior **out, struct err *e);
/* Whether the file at path is a supplier workbook; its supplier id and
 * period (allocated in ar) when it is. 1 yes, 0 not one, <0 unreadable
 * (e set). */
int baseline_probe_workbook(const char *path, struct arena *ar, const char **id, int *period,
			    struct err *e);

#endif
