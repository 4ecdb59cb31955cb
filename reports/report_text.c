/* The texts of the reports: English from report_text.def, or a language's
 * translations from the PO domain "diligo" (report_text.h says how). */
#include <string.h>

#include "kind.h"
#include "l10n.h"
#include "report_text.h"

#define T(id, text) [RT_##id] = text,
static const char *const english[RT__COUNT] = {
#include "report_text.def"
};
#undef T

#define T(id, text) [RT_##id] = #id,
const char *const report_text_ids[RT__COUNT] = {
#include "report_text.def"
};
#undef T

#define T(id, text) [RT_##id] = text,
const char *report_texts[RT__COUNT] = {
#include "report_text.def"
};
#undef T

const char *report_text_en(enum rtext id)
{
	return english[id];
}

int report_text_use(const struct l10n *t)
{
	int n = 0;

	for (int i = 0; i < RT__COUNT; i++) {
		const char *s = t ? l10n_get3(t, "report", report_text_ids[i], NULL, english[i])
				  : NULL;

		report_texts[i] = s ? s : english[i];
		n += s != NULL;
	}
	/* the fixed answers' labels, which the model layer keeps */
	const char *labels[KL__COUNT] = {
		[KL_YES] = RT(KIND_YES),	 [KL_PARTIAL] = RT(KIND_PARTIAL),
		[KL_NO] = RT(KIND_NO),		 [KL_UNKNOWN] = RT(KIND_UNKNOWN),
		[KL_NA] = RT(KIND_NA),		 [KL_LIST_NONE] = RT(KIND_LIST_NONE),
	};

	kind_labels_use(labels);
	return n;
}
