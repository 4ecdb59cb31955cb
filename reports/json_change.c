/* The year-over-year part of the JSON document (docs/json.md): each
 * finding's status and open_since, the supplier's answers and evidence (as a
 * later run needs them to compare answers and re-score), the change object
 * and the resolved findings. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "change.h"
#include "json_int.h"
#include "kind.h"
#include "score.h"

#define REDACTED "[confidential]"

/* A whole number, or null for 0 (no period, no tier). */
static void jint0(FILE *f, int v)
{
	v ? jint(f, v) : (void)fputs("null", f);
}

static void jopt(FILE *f, const char *s)
{
	s ? jstr(f, s) : (void)fputs("null", f);
}

/* A difference rounded to 2 decimals (no "-0.00"). */
static void jdelta(FILE *f, double now, double then)
{
	double d = now - then;

	if (isnan(d)) {
		fputs("null", f);
		return;
	}
	d = round(d * 100) / 100;
	fprintf(f, "%.2f", d == 0 ? 0.0 : d);
}

/* A number an answer holds: the shortest text that reads back the same. */
static void jexact(FILE *f, double v)
{
	char buf[40];

	snprintf(buf, sizeof buf, "%.15g", v);
	if (strtod(buf, NULL) != v)
		snprintf(buf, sizeof buf, "%.17g", v);
	fputs(buf, f);
}

static void action_plan(FILE *f, const struct prior_action *x, bool stakeholder)
{
	if (!x) {
		fputs("null", f);
		return;
	}
	fputs("{\"status\":", f);
	jopt(f, x->status);
	if (!stakeholder) { /* names and notes stay in the company */
		fputs(",\"owner\":", f);
		jopt(f, x->owner);
		fputs(",\"due\":", f);
		jopt(f, x->due);
		fputs(",\"notes\":", f);
		jopt(f, x->notes);
	}
	fputc('}', f);
}

void json_finding_change(FILE *f, const struct assessment *a, int i, bool stakeholder)
{
	const struct change *c = a->change;
	const struct prior_finding *m = c && c->match ? c->match[i] : NULL;

	fprintf(f, ",\"status\":\"%s\",\"open_since\":",
		change_status_name(c ? (enum fstatus)c->status[i] : FST_NEW));
	jint0(f, c ? c->open_since[i] : a->qn->period);
	fputs(",\"action_plan\":", f);
	action_plan(f, m ? m->action : NULL, stakeholder);
}

static bool evidence_hidden(const struct assessment *a, const char *id, bool stakeholder)
{
	if (!stakeholder)
		return false;
	for (int i = 0; i < a->pack->nquestions; i++)
		for (int k = 0; k < a->qn->answers[i].nevidence; k++)
			if (a->qn->answers[i].confidential && !strcmp(a->qn->answers[i].evidence[k], id))
				return true;
	return false;
}

/* A string as this copy shows it: mentions of a pseudonymised supplier
 * replaced (redact_free). */
static void jfree(FILE *f, const struct who *w, const char *s)
{
	char buf[DILIGO_REPORT_LIST_TEXT];

	jstr(f, redact_free(w, s, buf, sizeof buf, NULL));
}

static void answer_value(FILE *f, const struct question *qu, const struct answer *an,
			 const struct who *w)
{
	const struct kind_ops *k = kind_ops(qu->kind);

	if (an->state == ANS_UNKNOWN || an->state == ANS_NA) {
		fputs(an->state == ANS_NA ? "\"na\"" : "\"unknown\"", f);
	} else if (k->lua == KIND_LUA_NUMBER) {
		jexact(f, an->num);
	} else if (k->lua == KIND_LUA_LIST) {
		fputc('[', f);
		for (int i = 0; i < an->nlist; i++) {
			if (i)
				fputc(',', f);
			jstr(f, an->list[i]);
		}
		fputc(']', f);
	} else {
		jfree(f, w, an->str); /* a text answer is free text */
	}
}

/* The answers, shaped as a questionnaire's answers: a value, or the long
 * form with evidence, comment and confidential; null when unanswered. */
static void answers(FILE *f, const struct assessment *a, bool stakeholder, const struct who *w)
{
	const struct pack *p = a->pack;

	fputs(",\"answers\":{", f);
	for (int i = 0; i < p->nquestions; i++) {
		const struct answer *an = &a->qn->answers[i];

		if (i)
			fputc(',', f);
		jstr(f, p->questions[i].id);
		fputc(':', f);
		if (an->state == ANS_NONE) {
			fputs("null", f);
			continue;
		}
		if (stakeholder && an->confidential) {
			fputs("{\"confidential\":true,\"redacted\":true}", f);
			continue;
		}
		if (!an->nevidence && !an->comment && !an->confidential) {
			answer_value(f, &p->questions[i], an, w);
			continue;
		}
		fputs("{\"value\":", f);
		answer_value(f, &p->questions[i], an, w);
		if (an->nevidence) {
			fputs(",\"evidence\":[", f);
			for (int k = 0; k < an->nevidence; k++) {
				if (k)
					fputc(',', f);
				jstr(f, an->evidence[k]);
			}
			fputc(']', f);
		}
		if (an->comment) {
			fputs(",\"comment\":", f);
			jfree(f, w, an->comment);
		}
		if (an->confidential)
			fputs(",\"confidential\":true", f);
		fputc('}', f);
	}
	fputc('}', f);
}

static void evidence(FILE *f, const struct assessment *a, const struct report_opts *o,
		     const struct who *w)
{
	bool stakeholder = o->stakeholder;
	const struct qn *q = a->qn;

	fputs(",\"evidence\":{", f);
	for (int i = 0; i < q->nevidence; i++) {
		const struct evidence *ev = &q->evidence[i];
		bool hide = evidence_hidden(a, ev->id, stakeholder);

		if (i)
			fputc(',', f);
		jstr(f, ev->id);
		fputs(":{\"title\":", f);
		hide ? jstr(f, REDACTED) : jfree(f, w, ev->title);
		if (ev->kind) {
			fputs(",\"kind\":", f);
			jstr(f, ev->kind);
		}
		if (ev->date) {
			fputs(",\"date\":", f);
			jstr(f, ev->date);
		}
		if (ev->url && !hide && !o->pseudonymise) { /* a domain names its owner */
			fputs(",\"url\":", f);
			jstr(f, ev->url);
		}
		fputc('}', f);
	}
	fputc('}', f);
}

static void per_level(FILE *f, const int *n)
{
	fprintf(f, "{\"critical\":%d,\"high\":%d,\"medium\":%d,\"low\":%d}", n[LVL_CRITICAL],
		n[LVL_HIGH], n[LVL_MEDIUM], n[LVL_LOW]);
}

static const char *trend_name(enum trend t)
{
	return t == TREND_BETTER ? "improved" : t == TREND_WORSE ? "worsened" : "stayed";
}

static const char *source_name(enum prior_source s)
{
	return s == PRIOR_WORKBOOK ? "workbook" : s == PRIOR_RUN ? "run" : "json";
}

static void change(FILE *f, const struct assessment *a, const struct change *c, bool stakeholder,
		   const struct who *w)
{
	const struct prior *p = c->from;
	char r[2] = { c->rating_then, 0 };

	fputs(",\"change\":{\"from_period\":", f);
	jint0(f, c->from_period);
	fprintf(f, ",\"from\":{\"source\":\"%s\",\"file\":", source_name(p->source));
	stakeholder ? (void)fputs("null", f) : jopt(f, p->file);
	fputs(",\"sector\":", f);
	jopt(f, p->sector);
	fputs(",\"pack_version\":", f);
	jopt(f, p->pack_version);
	fputs(",\"method\":", f);
	jint0(f, p->method);
	fprintf(f, "},\"rescored\":%s,\"trend\":\"%s\",\"score\":", c->rescored ? "true" : "false",
		trend_name(change_trend(a, c)));
	jdelta(f, a->overall, c->score_then);
	fputs(",\"score_from\":", f);
	jnum(f, c->score_then);
	fputs(",\"rating_from\":", f);
	c->rating_then ? jstr(f, r) : (void)fputs("null", f);
	fputs(",\"coverage\":", f);
	jdelta(f, a->coverage, c->coverage_then);
	fputs(",\"coverage_from\":", f);
	jnum(f, c->coverage_then);
	fprintf(f, ",\"red_flag_from\":%s,\"findings_per_level_from\":",
		c->red_flag_then ? "true" : "false");
	per_level(f, c->per_level_then);
	fprintf(f, ",\"new\":%d,\"persisting\":%d,\"resolved\":%d,\"areas\":[", c->nnew,
		c->npersisting, c->nresolved);
	for (int i = 0; i < c->nareas; i++) {
		fprintf(f, "%s{\"area\":", i ? "," : "");
		jstr(f, c->areas[i].area);
		fputs(",\"from\":", f);
		jnum(f, c->areas[i].then);
		fputs(",\"to\":", f);
		jnum(f, c->areas[i].now);
		fputs(",\"delta\":", f);
		jdelta(f, c->areas[i].now, c->areas[i].then);
		fputc('}', f);
	}
	fputs("],\"answers\":[", f);
	for (int i = 0; i < c->nanswers; i++) {
		const struct answer_change *x = &c->answers[i];
		bool hide = stakeholder && x->confidential;

		fprintf(f, "%s{\"id\":", i ? "," : "");
		jstr(f, x->question);
		fputs(",\"from\":", f);
		hide ? jstr(f, REDACTED) : jfree(f, w, x->then);
		fputs(",\"to\":", f);
		hide ? jstr(f, REDACTED) : jfree(f, w, x->now);
		fputc('}', f);
	}
	fputs("],\"notes\":[", f);
	for (int i = 0; i < c->nnotes; i++) {
		if (i)
			fputc(',', f);
		jfree(f, w, c->notes[i]);
	}
	fputs("]}", f);
}

void json_supplier_change(FILE *f, const struct assessment *a, const struct report_opts *o,
			  const struct who *w)
{
	const struct qn *q = a->qn;
	const struct change *c = a->change;
	bool stakeholder = o->stakeholder;

	fprintf(f, ",\"method\":%d,\"employees\":", SCORE_METHOD_VERSION);
	/* pseudonymised copies: an exact head count can name a supplier */
	q->supplier.employees >= 0 && !(stakeholder && o->pseudonymise)
		? (void)fprintf(f, "%ld", q->supplier.employees) : (void)fputs("null", f);
	fputs(",\"tier\":", f);
	jint0(f, q->supplier.tier);
	answers(f, a, stakeholder, w);
	evidence(f, a, o, w);
	if (c && c->from)
		change(f, a, c, stakeholder, w);
	else
		fputs(",\"change\":null", f);
	fputs(",\"resolved\":[", f);
	for (int i = 0; c && i < c->nresolved; i++) {
		const struct prior_finding *r = c->resolved[i];

		fprintf(f, "%s{\"rule\":", i ? "," : "");
		jopt(f, r->rule);
		fputs(",\"group\":", f);
		jopt(f, r->group);
		fputs(",\"title\":", f);
		jopt(f, r->title);
		fputs(",\"level\":", f);
		r->level >= 0 ? jstr(f, level_name((enum level)r->level)) : (void)fputs("null", f);
		fputs(",\"open_since\":", f);
		jint0(f, r->open_since);
		fputs(",\"action_plan\":", f);
		action_plan(f, r->action, stakeholder);
		fputc('}', f);
	}
	fputc(']', f);
}
