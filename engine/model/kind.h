/* kind: the question kinds, one row each in one table (kind.c). Everything
 * that differs between kinds is here: how a text is converted into an
 * answer, how an answer scores, how it reads in a report, what the blank
 * questionnaire says is allowed, what a pack must declare, and the shape of
 * the value rules see in Lua. The loader, the sandbox, scoring and the
 * writers ask this table and never switch on a kind. A new kind is one row
 * (plus its documentation in docs/questionnaire.md and docs/plugin-api.md).
 *
 * Text is converted here, not in the loaders, so that every source of
 * answers (a YAML scalar, a workbook cell) gets the same values and the same
 * messages. A workbook cell is first turned into the text(s) parse takes by
 * the kind's from_cell (labels become values, a date cell becomes
 * YYYY-MM-DD, a list is split); the workbook writer asks choices, check and
 * to_cell what an answer cell offers and shows. */
#ifndef DILIGO_KIND_H
#define DILIGO_KIND_H

#include <stdbool.h>
#include <stddef.h>

#include "answers.h"
#include "pack.h"

struct arena;

/* Every kind also takes "unknown" (a gap, and a distinct value rules see)
 * and, where the question declares when it does not apply (na_when),
 * "na": qn_bind handles both before a kind's parse is asked.
 *
 * How rules see a value in Lua. */
enum kind_lua { KIND_LUA_STRING, KIND_LUA_NUMBER, KIND_LUA_LIST };

/* One entry of an answer cell's dropdown: the value parse takes, the label
 * the workbook shows (both are accepted when it is read back). */
struct kind_choice {
	const char *value, *label;
};

/* The items of a list answer typed into one cell are separated by this. */
#define KIND_LIST_SEPARATOR ';'
/* A list answer with no item, as a workbook cell writes it. */
#define KIND_LIST_NONE "(none)"

/* What a workbook accepts in an answer cell (the writer makes it Excel's
 * data validation): one of the choices (LIST); the choices, or several of
 * them separated by KIND_LIST_SEPARATOR, which Excel lets through after an
 * information message (LIST_OPEN); a decimal number within [min, max]; a
 * date; any text up to a cell's length. */
enum kind_check_type {
	KIND_CHECK_LIST,
	KIND_CHECK_LIST_OPEN,
	KIND_CHECK_DECIMAL,
	KIND_CHECK_DATE,
	KIND_CHECK_TEXT
};
struct kind_check {
	enum kind_check_type type;
	double min, max; /* DECIMAL */
	bool has_min, has_max;
	char error[256]; /* the message shown when Excel refuses an entry */
};

/* A workbook cell as the kinds see it, read (from_cell) or written
 * (to_cell). Reading, text is the cell's text, trimmed (a number cell's
 * number to the 15 significant digits Excel shows, "35" or "0.35"); number, num, date
 * and the formats tell a number cell apart. Writing, the kind sets text, or
 * number and num, or date. */
struct kind_cell {
	const char *text;
	bool number;        /* a number cell: num holds it */
	double num;
	const char *date;   /* a number cell read as a calendar date, YYYY-MM-DD (NULL when none) */
	bool date_format;   /* the cell is formatted as a date */
	bool percent_format; /* the cell is formatted as a percentage: 0.35 shows as 35 % */
	/* the translations of the language the workbook was written in, whose
	 * labels read back as values too (NULL: none) */
	const struct l10n *l10n;
};

/* What one cell says, as parse takes it: one text (items[0]), or for list
 * kinds the items (list true; n may be 0: the empty list). */
struct kind_read {
	bool list;
	int n;
	const char **items;
};

struct kind_ops {
	const char *name;       /* as packs write it: kind = "maturity" */
	enum kind_lua lua;      /* the Lua value of an answer */
	bool list;              /* answered by a list (a YAML sequence) of option values */
	bool options;           /* a pack must declare options */
	/* Convert one text (one item for list kinds: appended to a->list, whose
	 * room the caller made) into a; NULL when valid, else the problem as a
	 * sentence, allocated in ar. */
	const char *(*parse)(const struct question *q, const char *text, struct answer *a,
			     struct arena *ar);
	/* An answered value's score in [0, 1]; NAN when the kind is not scored. */
	double (*score)(const struct question *q, const struct answer *a);
	/* An answered value as a report shows it (in buf, or a string a holds). */
	const char *(*text)(const struct question *q, const struct answer *a, char *buf,
			    size_t n);
	/* What the blank questionnaire says is allowed, into buf. */
	void (*hint)(const struct question *q, char *buf, size_t n);
	/* Whether an answer can earn points without a Lua score function. */
	bool (*scored)(const struct question *q);
	/* ---- workbooks ---- */
	/* The dropdown of an answer cell: how many entries (0: none), and
	 * entry i. */
	int (*nchoices)(const struct question *q);
	struct kind_choice (*choice)(const struct question *q, int i);
	/* What an answer cell accepts. */
	void (*check)(const struct question *q, struct kind_check *c);
	/* A cell's content as parse takes it (allocated in ar). What it does not
	 * recognise goes through as written, so that parse gives its message. */
	void (*from_cell)(const struct question *q, const struct kind_cell *c, struct kind_read *out,
			  struct arena *ar);
	/* An answered value (state ANS_VALUE, or a value of the kind) as a cell
	 * shows it: labels for options; text may point into buf. */
	void (*to_cell)(const struct question *q, const struct answer *a, struct kind_cell *c,
			char *buf, size_t n);
};

const struct kind_ops *kind_ops(enum qkind k);
/* The kinds' names, "maturity, choice, ..." (for messages). */
const char *kind_names(char *buf, size_t n);
/* The label a workbook shows for "unknown" when the kind has no such value
 * (English: kind_label(KL_UNKNOWN) is the run's language). */
#define KIND_UNKNOWN_LABEL "Unknown"
/* The label a workbook shows for "na" (offered only where the question
 * declares na_when, as in YAML; English, as above). */
#define KIND_NA_LABEL "Not applicable"

/* The labels a workbook shows for the fixed answers (kind_label.c):
 * English until kind_labels_use sets a language's (the reports' texts
 * RT_KIND_*, set by report_text_use). The values behind them ("yes",
 * "na", "(none)" ...) never change, and reading accepts the English
 * labels whatever the language, so that a workbook filled in English
 * reads the same in every run. */
enum kind_label {
	KL_YES, /* the maturity answers, in their order */
	KL_PARTIAL,
	KL_NO,
	KL_UNKNOWN, /* also every other kind's "unknown" */
	KL_NA,      /* "na" */
	KL_LIST_NONE, /* a list answer with no item (value KIND_LIST_NONE) */
	KL__COUNT
};
/* The words of the kinds' hints (the Allowed answers column, YAML
 * "allowed:") and of a workbook's input errors, English until
 * kind_texts_use puts them in the run's language (FMT_ ones are printf
 * formats: %g for the bound, %s for the hint, %d for the length). */
enum kind_text {
	KT_ONE_OF, KT_LIST_OF, KT_NUMBER, KT_FMT_AT_LEAST, KT_FMT_AT_MOST, KT_PERCENT, KT_DATE,
	KT_FREE_TEXT, KT_ERR_MATURITY, KT_ERR_MATURITY_NA, KT_ERR_CHOICE, KT_ERR_MULTI,
	KT_FMT_ERR_ENTER, KT_ERR_PERCENT, KT_ERR_DATE, KT_FMT_ERR_TEXT, KT__COUNT
};
/* Their English, which reports/report_text.def lists too (as KIND_*). */
#define KIND_TXT_ONE_OF "one of: "
#define KIND_TXT_LIST_OF "a list of: "
#define KIND_TXT_NUMBER "a number"
#define KIND_TXT_FMT_AT_LEAST ", at least %g"
#define KIND_TXT_FMT_AT_MOST ", at most %g"
#define KIND_TXT_PERCENT "a percentage, 0-100"
#define KIND_TXT_DATE "a date, YYYY-MM-DD"
#define KIND_TXT_FREE_TEXT "free text"
#define KIND_TXT_ERR_MATURITY "Choose Yes, Partial, No or Unknown from the list."
#define KIND_TXT_ERR_MATURITY_NA "Choose Yes, Partial, No, Unknown or Not applicable from the list."
#define KIND_TXT_ERR_CHOICE "Choose one of the options from the list."
#define KIND_TXT_ERR_MULTI "Choose an option from the list. To give several, type them separated by " \
	"semicolons (Option A; Option B) and press OK to keep them."
#define KIND_TXT_FMT_ERR_ENTER "Enter %s."
#define KIND_TXT_ERR_PERCENT "Enter a percentage from 0 to 100 (35 means 35 %)."
#define KIND_TXT_ERR_DATE "Enter a date, such as 2025-01-31."
#define KIND_TXT_FMT_ERR_TEXT "Text of at most %d characters."
void kind_texts_use(const char *const texts[KT__COUNT]);
const char *kind_text(enum kind_text k);
/* Labels per enum kind_label (NULL or "" entries: English; labels NULL:
 * all English). */
void kind_labels_use(const char *const labels[KL__COUNT]);
const char *kind_label(enum kind_label k);
/* The English label of label, when label is the one in use (the very
 * string kind_label returns); NULL otherwise. */
const char *kind_label_english(const char *label);
/* Whether a cell's text says unknown or na: the value, the English label
 * or the label in use (letter case aside). */
bool kind_is_unknown_text(const char *s);
bool kind_is_na_text(const char *s);
/* The choice of q whose value or label is text (a value as written first,
 * then values and labels in any letter case, then the English label of a
 * fixed answer) into out; false when none is. */
bool kind_match_choice(const struct question *q, const char *text, struct kind_choice *out);
/* kind_match_choice, then the options' English labels and their labels in
 * t (the translations of the language a workbook was written in; NULL:
 * none), and the fixed entries' labels in English and in t. A label two
 * options share is neither. */
struct l10n;
/* Whether text is the label, in t's language, of the fixed answer value
 * ("unknown", "na"): what kind_is_unknown_text misses in a workbook
 * written in another language than the run's. */
bool kind_is_fixed_text(const char *text, const char *value, const struct l10n *t);
bool kind_match_label(const struct question *q, const char *text, const struct l10n *t,
		      struct kind_choice *out);
/* Any answer as the reports show it: "(unanswered)", "unknown", "na", or
 * the kind's text of the value (in buf, or a string a holds). */
const char *kind_answer_text(const struct question *q, const struct answer *a, char *buf,
			     size_t n);
/* The option of q with value v, or NULL. */
const struct qoption *kind_find_option(const struct question *q, const char *v);

#endif
