/* The supplier workbook's Method sheet (split from xlsx_supplier.c): the
 * scoring method in words from the constants of score.h, the packs' Lua
 * files by SHA-256, redactions, duties, context and tailoring. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "bounds.h"
#include "change.h"
#include "crisk.h"
#include "l10n.h"
#include "redact.h"
#include "score.h"
#include "sink.h"
#include "xlsx_changes.h"
#include "xlsx_common.h"
#include "xlsx_supplier_int.h"

/* ---- Method --------------------------------------------------------- */

/* The scoring method in paragraphs, every number from score.h. */
enum { METHOD_PARAS = 8, METHOD_TEXT = 1536 };

static size_t cat(char *buf, size_t used, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (used >= METHOD_TEXT)
		return used;
	va_start(ap, fmt);
	n = vsnprintf(buf + used, METHOD_TEXT - used, fmt, ap);
	va_end(ap);
	return n < 0 ? used : used + (size_t)n;
}

/* score_cap_text in the report's language (the same words in English). */
static const char *cap_text(int i, char *buf, size_t n)
{
	const struct finding_cap *c = &score_finding_caps[i];

	if (c->actual_severe)
		snprintf(buf, n, RT(FMT_M_CAP_SEVERE), c->cap, SCORE_SEVERE);
	else if (c->red_flag)
		snprintf(buf, n, RT(FMT_M_CAP_RED_FLAG), c->cap);
	else
		snprintf(buf, n, c->count == 1 ? RT(FMT_M_CAP_COUNT_ONE) : RT(FMT_M_CAP_COUNT_MANY),
			 c->cap, c->count, report_level(c->level));
	return buf;
}

static void method_text(char text[METHOD_PARAS][METHOD_TEXT])
{
	size_t u = 0;
	char row[128];

	u = cat(text[0], u, RT(FMT_M_Q), SCORE_Q_MAX);
	for (int i = 0; i < SCORE_NMATURITY; i++)
		u = cat(text[0], u, RT(FMT_M_Q_ITEM), score_maturity[i].answer, score_maturity[i].s);
	cat(text[0], u, RT(FMT_M_Q_END), SCORE_GAP, SCORE_GAP, SCORE_UNEVIDENCED);
	cat(text[1], 0, RT(FMT_M_SCORES), SCORE_SCALE);
	u = cat(text[2], 0, RT(FMT_M_FINDINGS), SCORE_COMPONENT_MIN, SCORE_COMPONENT_MAX,
		SCORE_COMPONENT_MIN, SCORE_COMPONENT_MAX, SCORE_SEVERITY_EXTRA,
		3 + SCORE_SEVERITY_EXTRA, SCORE_PRIORITY_MIN, SCORE_PRIORITY_MAX);
	for (int i = 0; i < LVL__COUNT - 1; i++)
		u = cat(text[2], u, i ? RT(FMT_M_LEVEL) : RT(FMT_M_LEVEL_FIRST),
			report_level(score_level_bands[i].level), score_level_bands[i].min_priority,
			score_level_bands[i].level == SCORE_RED_FLAG_LEVEL ? RT(M_OR_RED_FLAG) : "");
	cat(text[2], u, RT(FMT_M_LEVEL_LAST), report_level(score_level_bands[LVL__COUNT - 1].level));
	cat(text[3], 0, RT(FMT_M_MISSING), DILIGO_MAX_COUNTERFACTUALS);
	cat(text[4], 0, RT(FMT_M_CONTEXT), SCORE_CONTEXT_STEP, SCORE_CONTEXT_MIN,
	    SCORE_SMALL_EMPLOYEES - 1);
	u = cat(text[5], 0, "%s", RT(M_RATING));
	for (int i = 0; i < SCORE_NRATINGS - 1; i++)
		u = cat(text[5], u, RT(FMT_M_RATING_ITEM), score_rating_bands[i].letter,
			score_rating_bands[i].min);
	u = cat(text[5], u, RT(FMT_M_RATING_CAPS), score_rating_bands[SCORE_NRATINGS - 1].letter);
	for (int i = 0; i < SCORE_NFINDING_CAPS; i++)
		u = cat(text[5], u, "%s%s", i ? "; " : "", cap_text(i, row, sizeof row));
	u = cat(text[5], u, "%s", RT(M_RATING_COVERAGE));
	for (int i = 0; i < SCORE_NCOVERAGE_CAPS; i++)
		u = cat(text[5], u, RT(FMT_M_CAP_ITEM), i ? "; " : "", score_coverage_caps[i].cap,
			score_coverage_caps[i].below);
	u = cat(text[5], u, "%s", RT(M_RATING_EVIDENCE));
	for (int i = 0; i < SCORE_NEVIDENCE_CAPS; i++)
		u = cat(text[5], u, RT(FMT_M_CAP_ITEM), i ? "; " : "", score_evidence_caps[i].cap,
			score_evidence_caps[i].below);
	cat(text[5], u, "%s", RT(M_RATING_END));
	cat(text[6], 0, RT(FMT_M_ACTIONS), report_level(SCORE_ACTION_LEVEL), SCORE_BASIS_POTENTIAL,
	    SCORE_ART_ACTUAL);
	cat(text[7], 0, "%s", RT(M_REGIME));
}

/* Method: two columns, portrait; a label and its value share a row. */
enum { M_A = 26, M_B = 66 };

static int kv(struct sw *w, lxw_worksheet *ws, int row, const char *k, const char *v)
{
	int a = xl_lines(k, M_A, XW_SIZE, true), b = xl_lines(v ? v : "", M_B, XW_SIZE, false);

	xw_text(ws, row, 0, k, w->f.label);
	xw_text(ws, row, 1, v, w->f.value_wrap);
	xw_row_lines(ws, row, a > b ? a : b);
	return row + 1;
}

static int kv_num(struct sw *w, lxw_worksheet *ws, int row, const char *k, int v)
{
	xw_text(ws, row, 0, k, w->f.label);
	worksheet_write_number(ws, (lxw_row_t)row, 1, v, w->f.value_num);
	xw_row_lines(ws, row, xl_lines(k, M_A, XW_SIZE, true));
	return row + 1;
}

static int heading(struct sw *w, lxw_worksheet *ws, int row, const char *t)
{
	sw_section(w, ws, row, 0, 1, t);
	worksheet_set_row(ws, (lxw_row_t)row, xl_row_pt(1, 11), NULL);
	return row + 1;
}

/* The categories a supplier workbook can withhold (not RD_ERRORS). */
static int method_redactions(struct sw *w, lxw_worksheet *ws, int r)
{
	int total = 0;
	char buf[64];

	r = heading(w, ws, r + 1, RT(SEC_REDACTED));
	if (!w->o->stakeholder)
		return kv(w, ws, r, RT(K_ITEMS_REDACTED), RT(ITEMS_REDACTED_COMPANY));
	for (int c = 0; c < RD__COUNT; c++) {
		bool pseudo = c == RD_PSEUDONYMS || c == RD_MENTIONS || c == RD_URLS ||
			      c == RD_EMPLOYEES;

		if (c == RD_ERRORS || (pseudo && !w->o->pseudonymise))
			continue;
		r = kv_num(w, ws, r, report_texts[RT_RD_RESPONDENT + c], w->counts[c]);
		total += w->counts[c];
	}
	snprintf(buf, sizeof buf, RT(FMT_TOTAL_REDACTED), total);
	return kv(w, ws, r, RT(K_ITEMS_REDACTED), buf);
}

/* The catalogue's regime and the verification status of the duties cited. */
static int method_duties(struct sw *w, lxw_worksheet *ws, int r)
{
	const struct assessment *a = w->a;
	const struct regime *rg = a->pack->regime;
	static const char *const statuses[] = { "official text", "secondary source", "not verified" };
	int count[4] = { 0 };
	char buf[DILIGO_REPORT_LINE_TEXT];

	r = heading(w, ws, r + 1, RT(SEC_REGIME));
	if (rg) {
		snprintf(buf, sizeof buf, "%s (%s)", rg->title, rg->id);
		r = kv(w, ws, r, RT(K_REGIME), buf);
		for (int i = 0; i < rg->nnotes; i++)
			r = kv(w, ws, r, i ? "" : RT(K_FOR_BUYER), rg->notes[i]);
		if (rg->verified)
			r = kv(w, ws, r, RT(K_REGIME_VERIFIED), rg->verified);
	}
	for (int i = 0; i < a->nduties; i++) {
		const char *v = a->duties[i].duty->verified;
		int k = 3;

		for (int j = 0; j < 3 && v; j++)
			if (!strncmp(v, statuses[j], strlen(statuses[j])))
				k = j;
		count[k]++;
	}
	snprintf(buf, sizeof buf, RT(FMT_DUTY_WORDING), a->nduties, count[0], count[1], count[2],
		 count[3] ? RT(DUTY_WORDING_NONE) : "");
	return kv(w, ws, r, RT(K_DUTY_WORDING), buf);
}

/* The country-risk file, its columns and their sources (stakeholder
 * copies name the file, not its directory). */
static int method_context(struct sw *w, lxw_worksheet *ws, int r)
{
	const struct crisk *c = w->a->qn->crisk;
	char buf[DILIGO_REPORT_LINE_TEXT * 2];

	r = heading(w, ws, r + 1, RT(SEC_CRISK));
	if (!c)
		return kv(w, ws, r, RT(K_FILE), RT(CRISK_NONE));
	r = kv(w, ws, r, RT(K_FILE), w->o->stakeholder && strrchr(c->path, '/')
				       ? strrchr(c->path, '/') + 1 : c->path);
	r = kv(w, ws, r, RT(K_FILE_SHA), c->sha256);
	if (!c->ncols)
		r = kv(w, ws, r, RT(K_COLUMNS), RT(CRISK_NONE));
	for (int i = 0; i < c->ncols; i++) {
		snprintf(buf, sizeof buf, RT(FMT_CRISK_COLUMN), c->cols[i].source, c->cols[i].year,
			 c->cols[i].licence);
		r = kv(w, ws, r, c->cols[i].name, buf);
	}
	return r;
}

/* Every change the pack makes to what it reuses, with its reason: a
 * reader sees that a module's question or rule is not as the module
 * wrote it, and why. Returns the next free row. */
static int method_tailoring(struct sw *w, lxw_worksheet *ws, int r)
{
	const struct pack *p = w->a->pack;
	char k[DILIGO_REPORT_LINE_TEXT], v[DILIGO_REPORT_LINE_TEXT];

	if (p->extends)
		r = kv(w, ws, r, RT(K_EXTENDS), p->extends);
	if (!p->ntailoring)
		return r;
	r = heading(w, ws, r + 1, RT(SEC_TAILORING));
	for (int i = 0; i < p->ntailoring; i++) {
		const struct tailoring *t = &p->tailoring[i];

		if (!strcmp(t->change, "drop")) {
			snprintf(k, sizeof k, RT(FMT_TAILOR_DROP_K), t->what, t->target);
			snprintf(v, sizeof v, RT(FMT_TAILOR_DROP_V), t->module, t->reason, t->file, t->line);
		} else {
			snprintf(k, sizeof k, RT(FMT_TAILOR_K), t->change, t->what, t->target);
			snprintf(v, sizeof v, RT(FMT_TAILOR_V), t->from, t->to, t->module, t->reason, t->file,
				 t->line);
		}
		r = kv(w, ws, r, k, v);
	}
	return r;
}

/* The report's language, what stays in the language it was written in,
 * and how much of the pack each language translates. */
static int method_languages(struct sw *w, lxw_worksheet *ws, int r)
{
	const struct pack *p = w->a->pack;
	char buf[DILIGO_REPORT_LINE_TEXT];

	r = heading(w, ws, r + 1, RT(SEC_LANGUAGES));
	r = kv(w, ws, r, RT(K_LANGUAGE), l10n_name(p->lang ? p->lang : "en"));
	r = kv(w, ws, r, RT(K_LANGUAGE_REST), RT(LANGUAGE_REST));
	if (!p->nlangs)
		return kv(w, ws, r, RT(K_TRANSLATIONS), RT(TRANSLATIONS_NOT_LOADED));
	for (int i = 0; i < p->nlangs; i++) {
		const struct pack_lang *l = &p->langs[i];

		snprintf(buf, sizeof buf, RT(FMT_TRANSLATION_COVERAGE), l->translated, l->total,
			 l->total ? 100.0 * l->translated / l->total : 0.0,
			 *l->review ? l->review : RT(REVIEW_NOT_STATED));
		r = kv(w, ws, r, l10n_name(l->lang), buf);
	}
	return r;
}

void sw_sheet_method(struct sw *w)
{
	static const enum rtext para[METHOD_PARAS] = { RT_K_M_QUESTIONS, RT_K_M_SCORES,
						       RT_K_M_FINDINGS, RT_K_M_MISSING,
						       RT_K_M_CONTEXT, RT_K_M_RATING,
						       RT_K_M_ACTIONS, RT_K_M_REGIME };
	lxw_worksheet *ws = workbook_add_worksheet(w->wb, RT(SHEET_METHOD));
	const struct pack *p = w->a->pack;
	char when[64], buf[DILIGO_REPORT_LINE_TEXT], k[64];
	char text[METHOD_PARAS][METHOD_TEXT];
	struct tm tm;
	int r = 1;

	gmtime_r(&w->o->now, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	worksheet_set_column(ws, 0, 0, M_A, NULL);
	worksheet_set_column(ws, 1, 1, M_B, NULL);
	xw_mark_row(ws, &w->f, &w->pg, RT(SHEET_METHOD));
	xw_text(ws, r, 0, RT(SEC_METHOD), w->f.title);
	worksheet_set_row(ws, (lxw_row_t)r++, xl_row_pt(1, 14), NULL);
	r = kv(w, ws, r, RT(K_VERSION), DILIGO_VERSION);
	r = kv(w, ws, r, RT(K_PACK_ID), p->id);
	r = kv(w, ws, r, RT(K_PACK_VERSION), p->version);
	r = kv(w, ws, r, RT(K_PACK_TITLE), p->title);
	r = kv(w, ws, r, RT(K_PACK_LICENSE), p->license);
	r = kv(w, ws, r, RT(K_QUESTIONNAIRE), w->o->stakeholder ? RT(WITHHELD_PATH) : w->a->qn->path);
	r = kv(w, ws, r, RT(K_QN_SHA), w->a->qn->sha256);
	r = kv(w, ws, r, RT(K_GENERATED), when);
	/* "company" or "stakeholder", as a later run reads it (--baseline) */
	r = kv(w, ws, r, RT(K_AUDIENCE), w->o->stakeholder ? RT(AUDIENCE_PLAIN_STAKEHOLDER)
							   : RT(AUDIENCE_COMPANY));
	if (w->o->stakeholder)
		r = kv(w, ws, r, RT(K_PSEUDONYMISED), w->o->pseudonymise ? RT(YES) : RT(NO));
	r = kv(w, ws, r, RT(K_METHOD_VERSION), SCORE_STR(SCORE_METHOD_VERSION));
	r = method_redactions(w, ws, r);
	r = heading(w, ws, r + 1, RT(SEC_LUA_FILES));
	for (int i = 0; i < p->nfiles; i++) {
		snprintf(k, sizeof k, RT(FMT_K_FILE), i + 1);
		snprintf(buf, sizeof buf, "%s\n%s", p->files[i].path, p->files[i].sha256);
		r = kv(w, ws, r, k, buf);
	}
	r = method_tailoring(w, ws, r);
	r = heading(w, ws, r + 1, RT(SEC_SCORING));
	method_text(text);
	for (int i = 0; i < METHOD_PARAS; i++)
		r = kv(w, ws, r, report_texts[para[i]], text[i]);
	r = method_context(w, ws, r);
	r = method_languages(w, ws, r);
	method_duties(w, ws, r);
	xw_page(ws, &w->pg, XW_PORTRAIT, 1, 0);
	worksheet_gridlines(ws, LXW_HIDE_ALL_GRIDLINES);
}
