/* Reading a cell's text back as an answer value: the values, the labels
 * in the language the run shows, in English, and in the language the
 * workbook was written in (kind.h: kind_match_choice, kind_match_label). */
#include <string.h>
#include <strings.h>

#include "kind.h"
#include "l10n.h"

bool kind_match_choice(const struct question *q, const char *text, struct kind_choice *out)
{
	const struct kind_ops *k = kind_ops(q->kind);
	int n = k->nchoices(q);

	/* values as written, then values and labels in any letter case, then
	 * the English labels of fixed answers shown in another language */
	for (int pass = 0; pass < 4; pass++)
		for (int i = 0; i < n; i++) {
			struct kind_choice c = k->choice(q, i);
			const char *en = pass == 3 ? kind_label_english(c.label) : NULL;

			if ((pass == 0 && !strcmp(c.value, text)) ||
			    (pass == 1 && !strcasecmp(c.value, text)) ||
			    (pass == 2 && !strcasecmp(c.label, text)) ||
			    (pass == 3 && en && !strcasecmp(en, text))) {
				*out = c;
				return true;
			}
		}
	return false;
}

/* The entries every workbook shows whatever the pack (maturity levels,
 * Unknown, Not applicable, the empty list): their English labels, and the
 * reports' text ids that translate them (context report|ID). */
static const struct {
	const char *value, *english, *id;
} fixed[] = {
	{ "yes", "Yes", "KIND_YES" },
	{ "partial", "Partial", "KIND_PARTIAL" },
	{ "no", "No", "KIND_NO" },
	{ "unknown", KIND_UNKNOWN_LABEL, "KIND_UNKNOWN" },
	{ "na", KIND_NA_LABEL, "KIND_NA" },
	{ KIND_LIST_NONE, KIND_LIST_NONE, "KIND_LIST_NONE" },
};

/* text as the English or t's label of one of q's entries that is not an
 * option of the pack. */
static bool kind_match_fixed(const struct question *q, const char *text, const struct l10n *t,
			     struct kind_choice *out)
{
	const struct kind_ops *k = kind_ops(q->kind);
	int n = k->nchoices(q);

	for (int i = 0; i < n; i++) {
		struct kind_choice c = k->choice(q, i);

		if (kind_find_option(q, c.value))
			continue;
		for (size_t f = 0; f < sizeof fixed / sizeof *fixed; f++) {
			const char *l;

			if (strcmp(fixed[f].value, c.value))
				continue;
			l = l10n_get3(t, "report", fixed[f].id, NULL, fixed[f].english);
			if (!strcasecmp(fixed[f].english, text) || (l && !strcasecmp(l, text))) {
				*out = c;
				return true;
			}
		}
	}
	return false;
}

/* kind_match_choice, then the labels in English and in the workbook's
 * language (t): a workbook reads the same whatever language wrote it and
 * whatever language reads it. An option's label in t is its translation
 * with the context option|QUESTION|VALUE. */
bool kind_match_label(const struct question *q, const char *text, const struct l10n *t,
		      struct kind_choice *out)
{
	if (kind_match_choice(q, text, out))
		return true;
	for (int pass = 0; pass < 2; pass++) {
		int hits = 0;

		for (int i = 0; i < q->nopts; i++) {
			const struct qoption *o = &q->opts[i];
			const char *en = o->label_en ? o->label_en : o->label;
			const char *l = pass == 0 ? en : l10n_get3(t, "option", q->id, o->value, en);

			if (l && !strcasecmp(l, text) && !hits++) {
				out->value = o->value;
				out->label = o->label;
			}
		}
		if (hits == 1) /* two options with one label: the text says neither */
			return true;
	}
	return kind_match_fixed(q, text, t, out);
}


bool kind_is_fixed_text(const char *text, const char *value, const struct l10n *t)
{
	for (size_t f = 0; f < sizeof fixed / sizeof *fixed; f++) {
		const char *l;

		if (strcmp(fixed[f].value, value))
			continue;
		l = l10n_get3(t, "report", fixed[f].id, NULL, fixed[f].english);
		return l && !strcasecmp(l, text);
	}
	return false;
}
