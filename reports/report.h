/* report: the writers of diligo's outputs (XLSX with libxlsxwriter; JSON).
 * They read finished assessments and never run Lua. Every file is written
 * to a temporary name beside its target and renamed into place only when
 * complete, so a failed run leaves no partial file and never clobbers an
 * existing report. Only files in reports/ include xlsxwriter.h. */
#ifndef DILIGO_REPORT_H
#define DILIGO_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "assessment.h"
#include "outfile.h"
#include "err.h"

enum report_paper { REPORT_PAPER_A4, REPORT_PAPER_LETTER };

struct report_opts {
	bool stakeholder; /* redact confidential answers, comments, evidence, respondent */
	/* stakeholder copies only: suppliers named by a pseudonym derived from
	 * key (HMAC-SHA256; report_pseudonym) instead of their id and name */
	bool pseudonymise;
	const unsigned char *key;
	size_t keylen;
	enum report_paper paper; /* every sheet of every workbook */
	time_t now;       /* generation time (SOURCE_DATE_EPOCH when set) */
};

/* A supplier's pseudonym in stakeholder copies: "P-" and ten characters
 * of Crockford's base32 (50 bits) of HMAC-SHA256(key, id), so the same id
 * gets the same pseudonym in every run that uses the same key. */
enum { REPORT_PSEUDONYM = 16 };
void report_pseudonym(const unsigned char *key, size_t keylen, const char *id,
		      char out[REPORT_PSEUDONYM]);

/* The supplier workbook of docs/workbooks.md at path. */
int report_supplier_xlsx(const char *path, const struct assessment *a,
			 const struct report_opts *o, struct err *e);

/* The questionnaire workbook for suppliers (template). */
struct template_opts {
	const char *contact; /* whom to return it to (Instructions sheet), or NULL */
	const char *countries; /* the ISO 3166-1 list; NULL: REPORT_ISO3166_JSON */
	time_t now;
};
/* Debian's iso-codes: the country list of the Supplier sheet's dropdown,
 * read when a workbook is made (a missing file is an I/O error naming the
 * package). */
#define REPORT_ISO3166_JSON "/usr/share/iso-codes/json/iso_3166-1.json"
struct pack;
struct qn;
/* The questionnaire workbook of docs/questionnaire.md ("Workbooks") for
 * pack p at path, pre-filled with q's answers when q is not NULL (q bound,
 * to p or another version of it: see qn_answer_for). */
int report_template_xlsx(const char *path, const struct pack *p, const struct qn *q,
			 const struct template_opts *o, struct err *e);

/* Text made safe for a workbook: invalid UTF-8 and noncharacters replaced
 * by U+FFFD (text_utf8_char), no control characters but tab and newline, at
 * most DILIGO_XLSX_CELL_CHARS characters (cut, ending with REPORT_TRUNCATED).
 * Returns s itself when it is already safe, else buf. Every string that
 * reaches libxlsxwriter from a questionnaire, a pack or a path goes through
 * it: cells (xw_text), table heads (xw_table), document properties
 * (xw_properties); headers, footers, sheet and chart names made from data
 * must too. */
#define REPORT_TRUNCATED " [... truncated by diligo]"
const char *report_cell_text(const char *s, char *buf, size_t n);

#endif
