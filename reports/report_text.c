/* The texts of the reports: English from report_text.def, or a language's
 * translations from the PO domain "diligo" (report_text.h says how); and
 * those of them the model and the baseline reader need (the fixed answers'
 * labels, what a supplier workbook is read by). */
#include <string.h>

#include "assessment.h"
#include "baseline.h"
#include "change.h"
#include "compare.h"
#include "kind.h"
#include "l10n.h"
#include "qn.h"
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

/* What the baseline reader looks for, as the reports write it. */
static const enum rtext baseline_ids[BL__COUNT] = {
	[BL_SHEET_SUMMARY] = RT_SHEET_SUMMARY,
	[BL_SHEET_FINDINGS] = RT_SHEET_FINDINGS,
	[BL_SHEET_ACTIONS] = RT_SHEET_ACTIONS,
	[BL_SHEET_ANSWERS] = RT_SHEET_ANSWERS,
	[BL_SHEET_METHOD] = RT_SHEET_METHOD,
	[BL_K_SUPPLIER_ID] = RT_K_SUPPLIER_ID,
	[BL_K_NAME] = RT_K_NAME,
	[BL_K_PERIOD] = RT_K_PERIOD,
	[BL_K_OVERALL] = RT_K_OVERALL,
	[BL_K_COVERAGE] = RT_K_COVERAGE,
	[BL_K_RATING] = RT_K_RATING,
	[BL_K_RED_FLAG] = RT_K_RED_FLAG,
	[BL_FMT_K_FINDINGS_LEVEL] = RT_FMT_K_FINDINGS_LEVEL,
	[BL_K_SECTOR] = RT_K_SECTOR,
	[BL_K_PACK_ID] = RT_K_PACK_ID,
	[BL_K_PACK_VERSION] = RT_K_PACK_VERSION,
	[BL_K_METHOD_VERSION] = RT_K_METHOD_VERSION,
	[BL_K_AUDIENCE] = RT_K_AUDIENCE,
	[BL_H_LEVEL] = RT_H_LEVEL,
	[BL_H_PRIORITY] = RT_H_PRIORITY,
	[BL_H_FINDING] = RT_H_FINDING,
	[BL_H_ACTION] = RT_H_ACTION,
	[BL_H_LEGAL_BASIS] = RT_H_LEGAL_BASIS,
	[BL_H_DEADLINE] = RT_H_DEADLINE,
	[BL_H_OWNER] = RT_H_OWNER,
	[BL_H_DUE] = RT_H_DUE,
	[BL_H_STATUS] = RT_H_STATUS,
	[BL_H_NOTES] = RT_H_NOTES,
	[BL_H_OPEN_SINCE] = RT_H_OPEN_SINCE,
	[BL_H_RULE_ID] = RT_H_RULE_ID,
	[BL_H_QUESTION_ID] = RT_H_QUESTION_ID,
	[BL_H_ANSWER] = RT_H_ANSWER,
	[BL_H_DUTY_AREA] = RT_H_DUTY_AREA,
	[BL_V_YES] = RT_YES,
	[BL_V_STAKEHOLDER] = RT_AUDIENCE_PLAIN_STAKEHOLDER,
	[BL_V_OPEN] = RT_STATUS_OPEN,
	[BL_V_CONFIDENTIAL] = RT_CONFIDENTIAL,
	[BL_V_LEVEL_LOW] = RT_LEVEL_LOW,
	[BL_V_LEVEL_MEDIUM] = RT_LEVEL_MEDIUM,
	[BL_V_LEVEL_HIGH] = RT_LEVEL_HIGH,
	[BL_V_LEVEL_CRITICAL] = RT_LEVEL_CRITICAL,
};

void report_text_baseline_language(const struct l10n *t)
{
	const char *texts[BL__COUNT];

	for (int i = 0; i < BL__COUNT; i++) {
		enum rtext id = baseline_ids[i];
		const char *s = l10n_get3(t, "report", report_text_ids[id], NULL, english[id]);

		texts[i] = s ? s : english[id];
	}
	baseline_texts_add(texts);
}

_Static_assert(RT_LEVEL_CRITICAL - RT_LEVEL_LOW == LVL_CRITICAL - LVL_LOW,
	       "the level names follow enum level");

const char *report_level(int level)
{
	return report_texts[RT_LEVEL_LOW + level];
}

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

		/* a format whose conversions differ from its English never
		 * reaches printf (the PO file may come from a plugin path) */
		if (s && (strchr(english[i], '%') || strstr(report_text_ids[i], "FMT_")) &&
		    !l10n_same_conversions(s, english[i]))
			s = NULL;
		report_texts[i] = s ? s : english[i];
		n += s != NULL;
	}
	/* the fixed answers' labels, which the model layer keeps */
	const char *labels[KL__COUNT] = {
		[KL_YES] = RT(KIND_YES),	 [KL_PARTIAL] = RT(KIND_PARTIAL),
		[KL_NO] = RT(KIND_NO),		 [KL_UNKNOWN] = RT(KIND_UNKNOWN),
		[KL_NA] = RT(KIND_NA),		 [KL_LIST_NONE] = RT(KIND_LIST_NONE),
	};

	const char *baseline[BL__COUNT];

	const char *yaml[QW__COUNT] = {
		[QW_HOW_TO_ANSWER] = RT(YAML_HOW_TO_ANSWER), [QW_FMT_HEADER] = RT(FMT_YAML_HEADER),
		[QW_HELP] = RT(YAML_HELP), [QW_ALLOWED] = RT(YAML_ALLOWED),
		[QW_NA_ONLY_WHEN] = RT(YAML_NA_ONLY_WHEN), [QW_OR] = RT(YAML_OR),
		[QW_SMALL] = RT(YAML_SMALL), [QW_IS] = RT(YAML_IS), [QW_NONE_OF] = RT(YAML_NONE_OF),
		[QW_EVIDENCE] = RT(YAML_EVIDENCE), [QW_OPTIONS] = RT(YAML_OPTIONS),
		[QW_DUTIES] = RT(YAML_DUTIES), [QW_REQUIRED] = RT(YAML_REQUIRED),
		[QW_NOTE_ID] = RT(YAML_NOTE_ID), [QW_NOTE_COUNTRY] = RT(YAML_NOTE_COUNTRY),
		[QW_NOTE_EMPLOYEES] = RT(YAML_NOTE_EMPLOYEES),
		[QW_NOTE_RESPONDENT] = RT(YAML_NOTE_RESPONDENT),
	};

	const char *kinds[KT__COUNT] = {
		[KT_ONE_OF] = RT(KIND_ONE_OF),
		[KT_LIST_OF] = RT(KIND_LIST_OF),
		[KT_NUMBER] = RT(KIND_NUMBER),
		[KT_FMT_AT_LEAST] = RT(FMT_KIND_AT_LEAST),
		[KT_FMT_AT_MOST] = RT(FMT_KIND_AT_MOST),
		[KT_PERCENT] = RT(KIND_PERCENT),
		[KT_DATE] = RT(KIND_DATE),
		[KT_FREE_TEXT] = RT(KIND_FREE_TEXT),
		[KT_ERR_MATURITY] = RT(KIND_ERR_MATURITY),
		[KT_ERR_MATURITY_NA] = RT(KIND_ERR_MATURITY_NA),
		[KT_ERR_CHOICE] = RT(KIND_ERR_CHOICE),
		[KT_ERR_MULTI] = RT(KIND_ERR_MULTI),
		[KT_FMT_ERR_ENTER] = RT(FMT_KIND_ERR_ENTER),
		[KT_ERR_PERCENT] = RT(KIND_ERR_PERCENT),
		[KT_ERR_DATE] = RT(KIND_ERR_DATE),
		[KT_FMT_ERR_TEXT] = RT(FMT_KIND_ERR_TEXT),
	};

	kind_texts_use(kinds);
	qn_write_texts_use(yaml);
	kind_labels_use(labels);
	/* the baseline reader: these as well as English */
	for (int i = 0; i < BL__COUNT; i++)
		baseline[i] = report_texts[baseline_ids[i]];
	baseline_texts_use(baseline);
	return n;
}
