/* The table of question kinds; see kind.h. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "kind.h"
#include "score.h"
#include "text.h"

static const char *const maturity_values[] = { "yes", "partial", "no" };

const struct qoption *kind_find_option(const struct question *q, const char *v)
{
	for (int i = 0; i < q->nopts; i++)
		if (!strcmp(q->opts[i].value, v))
			return &q->opts[i];
	return NULL;
}

/* "a, b, c": the option values of q, in ar. */
static const char *option_list(const struct question *q, struct arena *ar)
{
	size_t n = 1;
	char *s;

	for (int i = 0; i < q->nopts; i++)
		n += strlen(q->opts[i].value) + 2;
	s = arena_alloc(ar, n);
	for (int i = 0; i < q->nopts; i++) {
		if (i)
			strcat(s, ", ");
		strcat(s, q->opts[i].value);
	}
	return s;
}

static double option_score(const struct question *q, const char *v)
{
	const struct qoption *o = kind_find_option(q, v);

	return o && o->has_score ? o->score : 0; /* not an option: binding reported it */
}

static bool always(const struct question *q)
{
	(void)q;
	return true;
}

static bool never(const struct question *q)
{
	(void)q;
	return false;
}

static bool any_option_scored(const struct question *q)
{
	for (int i = 0; i < q->nopts; i++)
		if (q->opts[i].has_score)
			return true;
	return false;
}

static double not_scored(const struct question *q, const struct answer *a)
{
	(void)q, (void)a;
	return NAN;
}

static const char *as_string(const struct question *q, const struct answer *a, char *buf,
			     size_t n)
{
	(void)q, (void)buf, (void)n;
	return a->str;
}

/* ---- maturity: yes | partial | no | unknown | na ---------------------- */

static const char *maturity_parse(const struct question *q, const char *text, struct answer *a,
				  struct arena *ar)
{
	char low[16];
	size_t i;

	for (i = 0; i < sizeof low - 1 && text[i]; i++)
		low[i] = (char)tolower((unsigned char)text[i]);
	low[i] = '\0';
	for (size_t k = 0; k < sizeof maturity_values / sizeof *maturity_values; k++)
		if (!text[i] && !strcmp(low, maturity_values[k])) {
			a->str = maturity_values[k];
			a->state = ANS_VALUE;
			return NULL;
		}
	return arena_printf(ar, "'%s' is not an answer to %s (expected yes, partial, no or unknown%s)",
			    text, q->id, q->nna_when ? ", or na where it does not apply" : "");
}

static double maturity_score(const struct question *q, const struct answer *a)
{
	(void)q;
	for (int i = 0; i < SCORE_NMATURITY; i++)
		if (!strcmp(a->str, score_maturity[i].answer))
			return score_maturity[i].s;
	return SCORE_GAP; /* no other value gets past binding */
}

static void maturity_hint(const struct question *q, char *buf, size_t n)
{
	(void)q;
	snprintf(buf, n, "yes | partial | no");
}

/* ---- choice and multi: the pack's options ----------------------------- */

static const char *choice_parse(const struct question *q, const char *text, struct answer *a,
				struct arena *ar)
{
	if (!kind_find_option(q, text))
		return arena_printf(ar, "'%s' is not an option of %s (expected one of: %s)", text,
				    q->id, option_list(q, ar));
	a->str = text;
	a->state = ANS_VALUE;
	return NULL;
}

static double choice_score(const struct question *q, const struct answer *a)
{
	return option_score(q, a->str);
}

static void options_hint(const char *lead, const struct question *q, char *buf, size_t n)
{
	size_t used = (size_t)snprintf(buf, n, "%s", lead);

	for (int i = 0; i < q->nopts && used < n; i++)
		used += (size_t)snprintf(buf + used, n - used, "%s%s", i ? " | " : "",
					 q->opts[i].value);
}

static void choice_hint(const struct question *q, char *buf, size_t n)
{
	options_hint("one of: ", q, buf, n);
}

static const char *multi_parse(const struct question *q, const char *text, struct answer *a,
			       struct arena *ar)
{
	if (!kind_find_option(q, text))
		return arena_printf(ar, "'%s' is not an option of %s (expected any of: %s)", text,
				    q->id, option_list(q, ar));
	for (int j = 0; j < a->nlist; j++)
		if (!strcmp(a->list[j], text))
			return arena_printf(ar, "option '%s' is listed twice", text);
	a->list[a->nlist++] = text;
	a->state = ANS_VALUE;
	return NULL;
}

static double multi_score(const struct question *q, const struct answer *a)
{
	double s = 0;

	for (int k = 0; k < a->nlist; k++)
		s += option_score(q, a->list[k]);
	return s > SCORE_Q_MAX ? SCORE_Q_MAX : s;
}

static const char *multi_text(const struct question *q, const struct answer *a, char *buf,
			      size_t n)
{
	size_t used = 0;

	(void)q;
	buf[0] = '\0';
	for (int i = 0; i < a->nlist && used + 4 < n; i++)
		used += (size_t)snprintf(buf + used, n - used, "%s%s", i ? ", " : "", a->list[i]);
	return a->nlist ? buf : "(none)";
}

static void multi_hint(const struct question *q, char *buf, size_t n)
{
	options_hint("a list of: ", q, buf, n);
}

/* ---- number and percent ----------------------------------------------- */

static const char *number_in(const struct question *q, const char *text, bool pct,
			     struct answer *a, struct arena *ar)
{
	char buf[64];
	size_t len = strlen(text);
	double x;

	snprintf(buf, sizeof buf, "%s", text);
	if (pct && len && len < sizeof buf && buf[len - 1] == '%')
		buf[len - 1] = '\0';
	if (!text_parse_number(buf, &x))
		return arena_printf(ar, "%s takes a number, not '%s'", q->id, text);
	if ((pct && (x < 0 || x > 100)) || (q->has_min && x < q->min) ||
	    (q->has_max && x > q->max)) {
		double lo = pct ? 0 : q->min, hi = pct ? 100 : q->max;

		if (pct || (q->has_min && q->has_max))
			return arena_printf(ar, "%s must be between %g and %g, not %g", q->id, lo, hi, x);
		if (q->has_min)
			return arena_printf(ar, "%s must be at least %g, not %g", q->id, lo, x);
		return arena_printf(ar, "%s must be at most %g, not %g", q->id, hi, x);
	}
	a->num = x;
	a->state = ANS_VALUE;
	return NULL;
}

static const char *number_parse(const struct question *q, const char *text, struct answer *a,
				struct arena *ar)
{
	return number_in(q, text, false, a, ar);
}

static const char *percent_parse(const struct question *q, const char *text, struct answer *a,
				 struct arena *ar)
{
	return number_in(q, text, true, a, ar);
}

static const char *number_text(const struct question *q, const struct answer *a, char *buf,
			       size_t n)
{
	snprintf(buf, n, "%g%s%s", a->num, q->unit ? " " : "", q->unit ? q->unit : "");
	return buf;
}

static const char *percent_text(const struct question *q, const struct answer *a, char *buf,
				size_t n)
{
	(void)q;
	snprintf(buf, n, "%g%%", a->num);
	return buf;
}

static void number_hint(const struct question *q, char *buf, size_t n)
{
	size_t used = (size_t)snprintf(buf, n, "a number");

	if (q->has_min && used < n)
		used += (size_t)snprintf(buf + used, n - used, ", at least %g", q->min);
	if (q->has_max && used < n)
		used += (size_t)snprintf(buf + used, n - used, ", at most %g", q->max);
	if (q->unit && used < n)
		snprintf(buf + used, n - used, " (%s)", q->unit);
}

static void percent_hint(const struct question *q, char *buf, size_t n)
{
	(void)q;
	snprintf(buf, n, "a percentage, 0-100");
}

/* ---- date and text ---------------------------------------------------- */

static const char *date_parse(const struct question *q, const char *text, struct answer *a,
			      struct arena *ar)
{
	char buf[1024];
	int y, m, d;

	(void)q;
	if (!text_parse_date(text, &y, &m, &d))
		return arena_strdup(ar, text_date_problem(text, buf, sizeof buf));
	a->str = text;
	a->state = ANS_VALUE;
	return NULL;
}

static void date_hint(const struct question *q, char *buf, size_t n)
{
	(void)q;
	snprintf(buf, n, "a date, YYYY-MM-DD");
}

static const char *text_parse(const struct question *q, const char *text, struct answer *a,
			      struct arena *ar)
{
	(void)q, (void)ar;
	a->str = text;
	a->state = ANS_VALUE;
	return NULL;
}

static void text_hint(const struct question *q, char *buf, size_t n)
{
	(void)q;
	snprintf(buf, n, "free text");
}

/* ---- the table -------------------------------------------------------- */

static const struct kind_ops kinds[QK__COUNT] = {
	[QK_MATURITY] = { "maturity", KIND_LUA_STRING, false, false, maturity_parse,
			  maturity_score, as_string, maturity_hint, always },
	[QK_CHOICE] = { "choice", KIND_LUA_STRING, false, true, choice_parse, choice_score,
			as_string, choice_hint, any_option_scored },
	[QK_MULTI] = { "multi", KIND_LUA_LIST, true, true, multi_parse, multi_score,
		       multi_text, multi_hint, any_option_scored },
	[QK_NUMBER] = { "number", KIND_LUA_NUMBER, false, false, number_parse, not_scored,
			number_text, number_hint, never },
	[QK_PERCENT] = { "percent", KIND_LUA_NUMBER, false, false, percent_parse,
			 not_scored, percent_text, percent_hint, never },
	[QK_DATE] = { "date", KIND_LUA_STRING, false, false, date_parse, not_scored,
		      as_string, date_hint, never },
	[QK_TEXT] = { "text", KIND_LUA_STRING, false, false, text_parse, not_scored,
		      as_string, text_hint, never },
};

const struct kind_ops *kind_ops(enum qkind k)
{
	return &kinds[k < QK__COUNT ? k : QK_TEXT];
}

const char *kind_names(char *buf, size_t n)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int i = 0; i < QK__COUNT && used < n; i++)
		used += (size_t)snprintf(buf + used, n - used, "%s%s", i ? ", " : "", kinds[i].name);
	return buf;
}

const char *qkind_name(enum qkind k)
{
	return k < QK__COUNT ? kinds[k].name : "?";
}

int qkind_parse(const char *s)
{
	for (int i = 0; i < QK__COUNT; i++)
		if (!strcmp(s, kinds[i].name))
			return i;
	return -1;
}

const char *kind_answer_text(const struct question *q, const struct answer *a, char *buf,
			     size_t n)
{
	switch (a->state) {
	case ANS_NONE: return "(unanswered)";
	case ANS_UNKNOWN: return "unknown";
	case ANS_NA: return "na";
	default: break;
	}
	return kind_ops(q->kind)->text(q, a, buf, n);
}
