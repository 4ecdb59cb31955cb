/* kind: the question kinds, one row each in one table (kind.c). Everything
 * that differs between kinds is here: how a text is converted into an
 * answer, how an answer scores, how it reads in a report, what the blank
 * questionnaire says is allowed, what a pack must declare, and the shape of
 * the value rules see in Lua. The loader, the sandbox, scoring and the
 * writers ask this table and never switch on a kind. A new kind is one row
 * (plus its documentation in docs/questionnaire.md and docs/plugin-api.md).
 *
 * Text is converted here, not in the YAML loader, so that every source of
 * answers (YAML today, a workbook cell tomorrow) gets the same values and
 * the same messages. */
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
};

const struct kind_ops *kind_ops(enum qkind k);
/* The kinds' names, "maturity, choice, ..." (for messages). */
const char *kind_names(char *buf, size_t n);
/* Any answer as the reports show it: "(unanswered)", "unknown", "na", or
 * the kind's text of the value (in buf, or a string a holds). */
const char *kind_answer_text(const struct question *q, const struct answer *a, char *buf,
			     size_t n);
/* The option of q with value v, or NULL. */
const struct qoption *kind_find_option(const struct question *q, const char *v);

#endif
