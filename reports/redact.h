/* redact: what a stakeholder copy withholds, in one place for the three
 * writers (supplier workbook, portfolio, JSON). docs/security.md
 * ("Stakeholder copies") states the threat model these rules serve.
 *
 * Every stakeholder copy (-a stakeholder):
 * - respondent details, confidential answers with their comments and the
 *   evidence they cite (the citation, and the item's title and URL) become
 *   "[confidential]";
 * - a finding any of whose triggering answers is confidential keeps its
 *   level, priority, severity, red flag, area and duties; its title becomes
 *   a neutral one naming the area, and its rule id, detail, triggering
 *   answers, action and rule source are withheld: each of them could say
 *   what the confidential answer was;
 * - file paths (questionnaire, inputs) and the inputs that failed are left
 *   out.
 * With --pseudonymise, also: the supplier's id and name become a keyed
 * pseudonym (report_pseudonym) wherever they appear, including document
 * properties, headers and file names; free text that is shown (comments
 * and text answers not marked confidential, evidence titles, finding
 * details) has every mention of the name, of the name without its legal
 * form, of that stem's first two words (when it has more) and of the id
 * replaced; evidence URLs are withheld; the employee
 * count is shown as a band. */
#ifndef DILIGO_REDACT_H
#define DILIGO_REDACT_H

#include <stdbool.h>
#include <stddef.h>

#include "report.h"

/* The categories the Method sheets count, in the order of their texts
 * (RT_RD_RESPONDENT ...). */
enum redaction {
	RD_RESPONDENT,
	RD_ANSWERS,
	RD_COMMENTS,
	RD_CITATIONS,
	RD_EVIDENCE,
	RD_FINDINGS,
	RD_DETAILS,
	RD_PATHS,
	RD_PSEUDONYMS,
	RD_MENTIONS,
	RD_URLS,
	RD_EMPLOYEES,
	RD_ERRORS,
	RD__COUNT
};

enum { WHO_NEEDLES = 4, WHO_TEXT = 160 };

/* A supplier as one report shows it. */
struct who {
	const char *id, *name; /* as printed: the real ones or the pseudonym */
	char pid[REPORT_PSEUDONYM], pname[64];
	/* pseudonymised copies: what free text must not say, longest first */
	const char *needle[WHO_NEEDLES];
	size_t nlen[WHO_NEEDLES];
	const char *repl[WHO_NEEDLES];
	int nneedles;
	char stem[WHO_TEXT];  /* the name without its legal form */
	char short_[WHO_TEXT]; /* the stem's first two words, when it has more */
};

void redact_who(const struct report_opts *o, const struct supplier *s, struct who *w);
/* text as it may be printed: in pseudonymised copies with each mention of
 * the supplier replaced (whole words, ASCII case-insensitive); *mentions
 * (if not NULL) counts the replacements. Returns text itself or buf. */
const char *redact_free(const struct who *w, const char *text, char *buf, size_t n, int *mentions);

/* Whether an answer is withheld from this copy. */
bool redact_answer(const struct report_opts *o, const struct answer *an);
/* Whether evidence id is withheld (a confidential answer cites it). */
bool redact_evidence(const struct report_opts *o, const struct assessment *a, const char *id);
/* Whether finding f is made neutral (a triggering answer is confidential). */
bool redact_finding(const struct report_opts *o, const struct assessment *a,
		    const struct finding *f);
/* The duty area of a finding: its rule's first duty's area, or NULL. */
const char *finding_area(const struct assessment *a, const struct finding *f);
/* A finding's title for this copy: the rule's ("Information needed: ..."
 * for an information request), or the neutral one. */
const char *finding_title(const struct report_opts *o, const struct assessment *a,
			  const struct finding *f, char *buf, size_t n);
/* The rating's reason for this copy: it names the group of a finding that
 * caps the rating, and a group made neutral is named "[confidential]". */
const char *redact_reason(const struct report_opts *o, const struct assessment *a,
			  char *buf, size_t n);
/* Employee count as a band ("1,000 to 4,999"). */
const char *employees_band(long n, char *buf, size_t size);
/* Count what this copy withholds for one supplier (adds to counts). */
void redact_count(const struct report_opts *o, const struct assessment *a, const struct who *w,
		  int counts[RD__COUNT]);

#endif
