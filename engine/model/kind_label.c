/* kind_label: the labels a workbook shows for the fixed answers (kind.h):
 * English by default, a language's once kind_labels_use sets them. */
#include <stddef.h>
#include <strings.h>

#include "kind.h"

static const char *const english[KL__COUNT] = {
	[KL_YES] = "Yes",
	[KL_PARTIAL] = "Partial",
	[KL_NO] = "No",
	[KL_UNKNOWN] = KIND_UNKNOWN_LABEL,
	[KL_NA] = KIND_NA_LABEL,
	[KL_LIST_NONE] = KIND_LIST_NONE,
};

static const char *labels[KL__COUNT]; /* NULL: the English */

void kind_labels_use(const char *const l[KL__COUNT])
{
	for (int i = 0; i < KL__COUNT; i++)
		labels[i] = l && l[i] && *l[i] ? l[i] : NULL;
}

const char *kind_label(enum kind_label k)
{
	return labels[k] ? labels[k] : english[k];
}


const char *kind_label_english(const char *label)
{
	for (int i = 0; label && i < KL__COUNT; i++)
		if (kind_label((enum kind_label)i) == label) /* the one in use, as kind.c hands it out */
			return english[i];
	return NULL;
}

bool kind_is_unknown_text(const char *s)
{
	return !strcasecmp(s, "unknown") || !strcasecmp(s, english[KL_UNKNOWN]) ||
	       !strcasecmp(s, kind_label(KL_UNKNOWN));
}

bool kind_is_na_text(const char *s)
{
	return !strcasecmp(s, "na") || !strcasecmp(s, english[KL_NA]) ||
	       !strcasecmp(s, kind_label(KL_NA));
}

static const char *const english_texts[KT__COUNT] = {
	[KT_ONE_OF] = KIND_TXT_ONE_OF,
	[KT_LIST_OF] = KIND_TXT_LIST_OF,
	[KT_NUMBER] = KIND_TXT_NUMBER,
	[KT_FMT_AT_LEAST] = KIND_TXT_FMT_AT_LEAST,
	[KT_FMT_AT_MOST] = KIND_TXT_FMT_AT_MOST,
	[KT_PERCENT] = KIND_TXT_PERCENT,
	[KT_DATE] = KIND_TXT_DATE,
	[KT_FREE_TEXT] = KIND_TXT_FREE_TEXT,
	[KT_ERR_MATURITY] = KIND_TXT_ERR_MATURITY,
	[KT_ERR_MATURITY_NA] = KIND_TXT_ERR_MATURITY_NA,
	[KT_ERR_CHOICE] = KIND_TXT_ERR_CHOICE,
	[KT_ERR_MULTI] = KIND_TXT_ERR_MULTI,
	[KT_FMT_ERR_ENTER] = KIND_TXT_FMT_ERR_ENTER,
	[KT_ERR_PERCENT] = KIND_TXT_ERR_PERCENT,
	[KT_ERR_DATE] = KIND_TXT_ERR_DATE,
	[KT_FMT_ERR_TEXT] = KIND_TXT_FMT_ERR_TEXT,
};
static const char *texts_in_use[KT__COUNT];

void kind_texts_use(const char *const t[KT__COUNT])
{
	for (int i = 0; i < KT__COUNT; i++)
		texts_in_use[i] = t && t[i] && *t[i] ? t[i] : NULL;
}

const char *kind_text(enum kind_text k)
{
	return texts_in_use[k] ? texts_in_use[k] : english_texts[k];
}

