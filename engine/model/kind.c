/* The table of question kinds; see kind.h. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "kind.h"
#include "l10n.h"
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
	options_hint(kind_text(KT_ONE_OF), q, buf, n);
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
	options_hint(kind_text(KT_LIST_OF), q, buf, n);
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
	size_t used = (size_t)snprintf(buf, n, "%s", kind_text(KT_NUMBER));

	if (q->has_min && used < n)
		used += (size_t)snprintf(buf + used, n - used, kind_text(KT_FMT_AT_LEAST), q->min);
	if (q->has_max && used < n)
		used += (size_t)snprintf(buf + used, n - used, kind_text(KT_FMT_AT_MOST), q->max);
	if (q->unit && used < n)
		snprintf(buf + used, n - used, " (%s)", q->unit);
}

static void percent_hint(const struct question *q, char *buf, size_t n)
{
	(void)q;
	snprintf(buf, n, "%s", kind_text(KT_PERCENT));
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
	snprintf(buf, n, "%s", kind_text(KT_DATE));
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
	snprintf(buf, n, "%s", kind_text(KT_FREE_TEXT));
}

/* ---- workbooks ------------------------------------------------------- */

/* their labels: kind_label(KL_YES + i) */
static const char *const maturity_choices[] = { "yes", "partial", "no", "unknown", "na" };

/* Whether the kind adds "unknown" to the options (no option is named so). */
static bool adds_unknown(const struct question *q)
{
	return !kind_find_option(q, "unknown");
}

/* Whether the kind adds "na": only where the question declares when it
 * does not apply, and no option is named so. */
static bool adds_na(const struct question *q)
{
	return q->nna_when && !kind_find_option(q, "na");
}

/* Entry i of an options kind before any label is checked: the options,
 * then (multi) the empty list, then "unknown" unless an option has it,
 * then "na" where the question may not apply. */
static struct kind_choice raw_choice(const struct question *q, int i)
{
	struct kind_choice c;

	if (i < q->nopts) {
		c.value = q->opts[i].value;
		c.label = q->opts[i].label && *q->opts[i].label ? q->opts[i].label : c.value;
		return c;
	}
	i -= q->nopts;
	if (kind_ops(q->kind)->list && i-- == 0) {
		c.value = KIND_LIST_NONE;
		c.label = strcmp(kind_label(KL_LIST_NONE), c.value) ? kind_label(KL_LIST_NONE) : c.value;
		return c;
	}
	if (adds_unknown(q) && i-- == 0) {
		c.value = "unknown";
		c.label = kind_label(KL_UNKNOWN);
		return c;
	}
	c.value = "na";
	c.label = kind_label(KL_NA);
	return c;
}

static int options_nchoices(const struct question *q)
{
	return q->nopts + (kind_ops(q->kind)->list ? 1 : 0) + (adds_unknown(q) ? 1 : 0) +
	       (adds_na(q) ? 1 : 0);
}

/* Entry i, its label replaced by its value when reading the label back
 * could be mistaken: the label is another entry's value or label (letter
 * case aside), or holds the list separator. */
static struct kind_choice options_choice(const struct question *q, int i)
{
	struct kind_choice c = raw_choice(q, i);
	int n = options_nchoices(q);

	if (strchr(c.label, KIND_LIST_SEPARATOR) || strchr(c.label, '\n'))
		c.label = c.value;
	for (int k = 0; k < n && c.label != c.value; k++) {
		struct kind_choice o = raw_choice(q, k);

		if (k != i && (!strcasecmp(o.value, c.label) || !strcasecmp(o.label, c.label)))
			c.label = c.value;
	}
	return c;
}

/* Not applicable last, offered only where the question may not apply. */
static int maturity_nchoices(const struct question *q)
{
	return (int)(sizeof maturity_choices / sizeof *maturity_choices) - (q->nna_when ? 0 : 1);
}

static struct kind_choice maturity_choice(const struct question *q, int i)
{
	struct kind_choice c = { maturity_choices[i], kind_label((enum kind_label)(KL_YES + i)) };

	(void)q;
	return c;
}

static int no_choices(const struct question *q)
{
	(void)q;
	return 0;
}

static struct kind_choice no_choice(const struct question *q, int i)
{
	struct kind_choice c = { "", "" };

	(void)q, (void)i;
	return c;
}

static void read_one(struct kind_read *out, const char *text, struct arena *ar)
{
	out->list = false;
	out->n = 1;
	out->items = arena_alloc(ar, sizeof *out->items);
	out->items[0] = text;
}

/* The text of a choice cell: a label becomes its value. */
static void choice_from_cell(const struct question *q, const struct kind_cell *c,
			     struct kind_read *out, struct arena *ar)
{
	struct kind_choice m;

	read_one(out, kind_match_label(q, c->text, c->l10n, &m) ? m.value : c->text, ar);
}

/* "a; b" -> [a, b], each a value; the whole text first, since a label
 * may hold the separator; "(none)" is the empty list; "unknown" and na
 * (or Not applicable) stay one text, the answer unknown or na, as in YAML. */
static void multi_from_cell(const struct question *q, const struct kind_cell *c,
			    struct kind_read *out, struct arena *ar)
{
	struct kind_choice m;
	const char *p = c->text;
	int n = 1;

	if (kind_is_na_text(p)) {
		read_one(out, "na", ar);
		return;
	}
	if (kind_match_label(q, c->text, c->l10n, &m)) {
		if (!strcmp(m.value, "unknown") && adds_unknown(q)) {
			read_one(out, m.value, ar);
			return;
		}
		out->list = true;
		out->n = strcmp(m.value, KIND_LIST_NONE) ? 1 : 0;
		out->items = arena_alloc(ar, sizeof *out->items);
		out->items[0] = m.value;
		return;
	}
	for (const char *s = p; *s; s++)
		n += *s == KIND_LIST_SEPARATOR || *s == '\n';
	out->list = true;
	out->n = 0;
	out->items = arena_alloc(ar, (size_t)n * sizeof *out->items);
	while (*p) {
		size_t len = strcspn(p, ";\n");
		const char *b = p, *e = p + len;
		char *item;

		while (b < e && isspace((unsigned char)*b))
			b++;
		while (e > b && isspace((unsigned char)e[-1]))
			e--;
		if (e > b) {
			item = arena_strndup(ar, b, (size_t)(e - b));
			out->items[out->n++] = kind_match_label(q, item, c->l10n, &m) ? m.value : item;
		}
		p += len + (p[len] != '\0');
	}
}

static void text_from_cell(const struct question *q, const struct kind_cell *c,
			   struct kind_read *out, struct arena *ar)
{
	(void)q;
	read_one(out, c->date_format && c->date ? c->date : c->text, ar);
}

static void number_from_cell(const struct question *q, const struct kind_cell *c,
			     struct kind_read *out, struct arena *ar)
{
	(void)q;
	read_one(out, c->text, ar);
}

/* A cell formatted as a percentage holds a fraction: 0.35 is 35. */
static void percent_from_cell(const struct question *q, const struct kind_cell *c,
			      struct kind_read *out, struct arena *ar)
{
	char buf[40];

	(void)q;
	if (c->number && c->percent_format) { /* to the 15 digits Excel shows: 0.07 is 7 */
		snprintf(buf, sizeof buf, "%.15g", c->num * 100);
		read_one(out, arena_strdup(ar, buf), ar);
	} else {
		read_one(out, c->text, ar);
	}
}

/* A number in a date cell is a serial day, whatever its format. */
static void date_from_cell(const struct question *q, const struct kind_cell *c,
			   struct kind_read *out, struct arena *ar)
{
	(void)q;
	read_one(out, c->number && c->date ? c->date : c->text, ar);
}

static void list_check(const struct question *q, struct kind_check *c)
{
	c->type = KIND_CHECK_LIST;
	snprintf(c->error, sizeof c->error, "%s",
		 kind_text(q->kind != QK_MATURITY ? KT_ERR_CHOICE
			   : q->nna_when	     ? KT_ERR_MATURITY_NA
						     : KT_ERR_MATURITY));
}

static void multi_check(const struct question *q, struct kind_check *c)
{
	(void)q;
	c->type = KIND_CHECK_LIST_OPEN;
	snprintf(c->error, sizeof c->error, "%s", kind_text(KT_ERR_MULTI));
}

static void number_check(const struct question *q, struct kind_check *c)
{
	char buf[128];

	c->type = KIND_CHECK_DECIMAL;
	c->min = q->min;
	c->max = q->max;
	c->has_min = q->has_min;
	c->has_max = q->has_max;
	number_hint(q, buf, sizeof buf);
	snprintf(c->error, sizeof c->error, kind_text(KT_FMT_ERR_ENTER), buf);
}

static void percent_check(const struct question *q, struct kind_check *c)
{
	(void)q;
	c->type = KIND_CHECK_DECIMAL;
	c->min = 0;
	c->max = 100;
	c->has_min = c->has_max = true;
	snprintf(c->error, sizeof c->error, "%s", kind_text(KT_ERR_PERCENT));
}

static void date_check(const struct question *q, struct kind_check *c)
{
	(void)q;
	c->type = KIND_CHECK_DATE;
	snprintf(c->error, sizeof c->error, "%s", kind_text(KT_ERR_DATE));
}

static void text_check(const struct question *q, struct kind_check *c)
{
	(void)q;
	c->type = KIND_CHECK_TEXT;
	snprintf(c->error, sizeof c->error, kind_text(KT_FMT_ERR_TEXT), DILIGO_XLSX_CELL_CHARS);
}

/* The label of the choice with value v (v itself when none). */
static const char *label_of(const struct question *q, const char *v)
{
	const struct kind_ops *k = kind_ops(q->kind);
	int n = k->nchoices(q);

	for (int i = 0; i < n; i++) {
		struct kind_choice c = k->choice(q, i);

		if (!strcmp(c.value, v))
			return c.label;
	}
	return v;
}

static void choice_to_cell(const struct question *q, const struct answer *a, struct kind_cell *c,
			   char *buf, size_t n)
{
	(void)buf, (void)n;
	c->text = label_of(q, a->str);
}

static void multi_to_cell(const struct question *q, const struct answer *a, struct kind_cell *c,
			  char *buf, size_t n)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int i = 0; i < a->nlist && used < n; i++)
		used += (size_t)snprintf(buf + used, n - used, "%s%s", i ? "; " : "",
					 label_of(q, a->list[i]));
	c->text = a->nlist ? buf : KIND_LIST_NONE;
}

static void number_to_cell(const struct question *q, const struct answer *a, struct kind_cell *c,
			   char *buf, size_t n)
{
	(void)q;
	c->number = true;
	c->num = a->num;
	c->text = text_number(a->num, buf, n);
}

static void date_to_cell(const struct question *q, const struct answer *a, struct kind_cell *c,
			 char *buf, size_t n)
{
	(void)q, (void)buf, (void)n;
	c->date = c->text = a->str;
}

static void text_to_cell(const struct question *q, const struct answer *a, struct kind_cell *c,
			 char *buf, size_t n)
{
	(void)q, (void)buf, (void)n;
	c->text = a->str;
}

/* ---- the table -------------------------------------------------------- */

static const struct kind_ops kinds[QK__COUNT] = {
	[QK_MATURITY] = { "maturity", KIND_LUA_STRING, false, false, maturity_parse,
			  maturity_score, as_string, maturity_hint, always, maturity_nchoices,
			  maturity_choice, list_check, choice_from_cell, choice_to_cell },
	[QK_CHOICE] = { "choice", KIND_LUA_STRING, false, true, choice_parse, choice_score,
			as_string, choice_hint, any_option_scored, options_nchoices, options_choice,
			list_check, choice_from_cell, choice_to_cell },
	[QK_MULTI] = { "multi", KIND_LUA_LIST, true, true, multi_parse, multi_score,
		       multi_text, multi_hint, any_option_scored, options_nchoices, options_choice,
		       multi_check, multi_from_cell, multi_to_cell },
	[QK_NUMBER] = { "number", KIND_LUA_NUMBER, false, false, number_parse, not_scored,
			number_text, number_hint, never, no_choices, no_choice, number_check,
			number_from_cell, number_to_cell },
	[QK_PERCENT] = { "percent", KIND_LUA_NUMBER, false, false, percent_parse,
			 not_scored, percent_text, percent_hint, never, no_choices, no_choice,
			 percent_check, percent_from_cell, number_to_cell },
	[QK_DATE] = { "date", KIND_LUA_STRING, false, false, date_parse, not_scored,
		      as_string, date_hint, never, no_choices, no_choice, date_check,
		      date_from_cell, date_to_cell },
	[QK_TEXT] = { "text", KIND_LUA_STRING, false, false, text_parse, not_scored,
		      as_string, text_hint, never, no_choices, no_choice, text_check,
		      text_from_cell, text_to_cell },
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
