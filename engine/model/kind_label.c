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

static const char *labels[KL__COUNT] = {
	[KL_YES] = "Yes",
	[KL_PARTIAL] = "Partial",
	[KL_NO] = "No",
	[KL_UNKNOWN] = KIND_UNKNOWN_LABEL,
	[KL_NA] = KIND_NA_LABEL,
	[KL_LIST_NONE] = KIND_LIST_NONE,
};

void kind_labels_use(const char *const l[KL__COUNT])
{
	for (int i = 0; i < KL__COUNT; i++)
		labels[i] = l && l[i] && *l[i] ? l[i] : english[i];
}

const char *kind_label(enum kind_label k)
{
	return labels[k];
}

const char *kind_label_en(enum kind_label k)
{
	return english[k];
}

const char *kind_label_english(const char *label)
{
	for (int i = 0; label && i < KL__COUNT; i++)
		if (labels[i] == label) /* the label in use itself, as kind.c hands it out */
			return english[i];
	return NULL;
}

bool kind_is_unknown_text(const char *s)
{
	return !strcasecmp(s, "unknown") || !strcasecmp(s, english[KL_UNKNOWN]) ||
	       !strcasecmp(s, labels[KL_UNKNOWN]);
}

bool kind_is_na_text(const char *s)
{
	return !strcasecmp(s, "na") || !strcasecmp(s, english[KL_NA]) ||
	       !strcasecmp(s, labels[KL_NA]);
}
