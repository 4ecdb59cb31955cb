/* The JSON document (docs/json.md): streamed supplier by supplier; errors
 * are kept until the end, where they form their own array. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>

#include "alloc.h"
#include "redact.h"
#include "report_text.h"
#include "report.h"
#include "text.h"
#include "sink_int.h"
#include "json_int.h"

struct json {
	struct sink base;
	FILE *f;
	bool to_stdout, stakeholder;
	struct report_opts o;
	struct outfile of;
	int nsuppliers;
	char *errors; /* the errors array's body, built in memory */
	size_t nerr_bytes, errcap;
	int nerrors;
};

/* A JSON string: control characters escaped, invalid UTF-8 and
 * noncharacters replaced by U+FFFD (text_utf8_char), other UTF-8 passed
 * through. Runs of plain bytes go out in one fwrite: per-character stdio
 * calls lock the stream each time and were a third of a JSON run. */
void jstr(FILE *f, const char *s)
{
	const char *p = s ? s : "", *run = p;

	putc_unlocked('"', f);
	while (*p) {
		unsigned char c = (unsigned char)*p;
		int32_t cp;
		size_t len;

		if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
			p++;
			continue;
		}
		if (c >= 0x80) {
			len = text_utf8_char(p, &cp);
			if (cp >= 0) {
				p += len;
				continue;
			}
			fwrite(run, 1, (size_t)(p - run), f);
			fputs(TEXT_REPLACEMENT, f);
			run = p += len;
			continue;
		}
		fwrite(run, 1, (size_t)(p - run), f);
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c == '\t')
			fputs("\\t", f);
		else
			fprintf(f, "\\u%04x", c);
		run = ++p;
	}
	fwrite(run, 1, (size_t)(p - run), f);
	putc_unlocked('"', f);
}

void jint(FILE *f, long v)
{
	char buf[24], *p = buf + sizeof buf;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;

	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	fwrite(p, 1, (size_t)(buf + sizeof buf - p), f);
}

/* A key (with its punctuation) and a whole number: ,"key":n */
static void jkint(FILE *f, const char *key, long v)
{
	fputs(key, f);
	jint(f, v);
}

void jnum(FILE *f, double v)
{
	if (isnan(v))
		fputs("null", f);
	else if (v == (double)(long)v && fabs(v) < JSON_INT_EXACT && (v != 0 || !signbit(v)))
		jint(f, (long)v); /* what %.*g writes for it, without printf */
	else
		fprintf(f, "%.*g", JSON_DIGITS, v);
}

static void header(struct json *j, time_t now)
{
	char when[64];
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	fprintf(j->f, "{\"format\":2,\"diligo\":\"%s\",\"generated\":\"%s\",\"audience\":\"%s\","
		      "\"pseudonymised\":%s,\n\"suppliers\":[", DILIGO_VERSION, when,
		j->stakeholder ? "stakeholder" : "company",
		j->o.stakeholder && j->o.pseudonymise ? "true" : "false");
}

static void duties(FILE *f, const struct assessment *a)
{
	fputs(",\"duties\":[", f);
	for (int i = 0; i < a->nduties; i++) {
		const struct duty_score *d = &a->duties[i];

		fputs(i ? ",{\"id\":" : "{\"id\":", f);
		jstr(f, d->duty->id);
		fputs(",\"framework\":", f);
		jstr(f, d->duty->framework);
		fputs(",\"score\":", f);
		jnum(f, d->score);
		jkint(f, ",\"questions\":", d->nquestions);
		jkint(f, ",\"gaps\":", d->gaps);
		jkint(f, ",\"findings\":", d->nfindings);
		fputc('}', f);
	}
	fputc(']', f);
}

/* A finding; in stakeholder copies one that rests on a confidential
 * answer shows neither its rule nor what it found (redact.h). */
static void finding(struct json *j, const struct assessment *a, const struct who *w,
		    const struct finding *fd)
{
	FILE *f = j->f;
	const struct rule *r = fd->rule;
	bool secret = redact_finding(&j->o, a, fd);
	char buf[DILIGO_JSON_ANSWER_TEXT], shown[DILIGO_JSON_ANSWER_TEXT];
	char title[DILIGO_REPORT_LINE_TEXT];

	fputs("{\"rule\":", f);
	jstr(f, secret ? RT(CONFIDENTIAL) : r->id);
	fputs(",\"title\":", f);
	jstr(f, secret ? finding_title(&j->o, a, fd, title, sizeof title) : r->title);
	fputs(",\"level\":\"", f);
	fputs(level_name(fd->level), f);
	fputs("\",\"priority\":", f);
	jnum(f, fd->priority);
	fputs(",\"severity\":", f);
	jnum(f, fd->severity);
	jkint(f, ",\"scale\":", fd->scale);
	jkint(f, ",\"scope\":", fd->scope);
	jkint(f, ",\"irremediable\":", fd->irremediable);
	jkint(f, ",\"likelihood\":", fd->likelihood);
	fputs(",\"context\":", f);
	if (fd->context_risk) {
		fprintf(f, "{\"risk\":");
		jstr(f, fd->context_risk);
		fprintf(f, ",\"likelihood_added\":%d}", fd->context);
	} else {
		fputs("null", f);
	}
	fputs(fd->red_flag ? ",\"red_flag\":true" : ",\"red_flag\":false", f);
	fputs(fd->info ? ",\"information_needed\":true" : ",\"information_needed\":false", f);
	fputs(fd->assumed ? ",\"assumed\":true" : ",\"assumed\":false", f);
	fputs(r->actual ? ",\"impact\":\"actual\",\"group\":" : ",\"impact\":\"potential\",\"group\":",
	      f);
	jstr(f, secret ? RT(CONFIDENTIAL) : r->group ? r->group : r->id);
	fputs(",\"corroborates\":", f);
	if (fd->lead != fd - a->findings)
		jstr(f, redact_finding(&j->o, a, &a->findings[fd->lead]) ? RT(CONFIDENTIAL)
									: a->findings[fd->lead].rule->id);
	else
		fputs("null", f);
	fputs(",\"caps\":", f);
	if (fd->cap > 'A')
		fprintf(f, "\"%c\"", fd->cap);
	else
		fputs("null", f);
	fputs(",\"duties\":[", f);
	for (int k = 0; k < r->nduties; k++) {
		if (k)
			fputc(',', f);
		jstr(f, r->duties[k]);
	}
	fputs("],\"questions\":[", f);
	for (int k = 0; k < fd->nquestions && !secret; k++) {
		const struct answer *an = &a->qn->answers[fd->questions[k]];
		const struct question *qu = &a->pack->questions[fd->questions[k]];

		fputs(k ? ",{\"id\":" : "{\"id\":", f);
		jstr(f, qu->id);
		fputs(",\"answer\":", f);
		jstr(f, redact_free(w, report_answer_text(qu, an, buf, sizeof buf), shown,
				    sizeof shown, NULL));
		fputc('}', f);
	}
	fputs("],\"detail\":", f);
	if (fd->detail)
		jstr(f, secret ? RT(CONFIDENTIAL) : redact_free(w, fd->detail, shown, sizeof shown, NULL));
	else
		fputs("null", f);
	fputs(",\"action\":", f);
	jstr(f, secret ? RT(CONFIDENTIAL) : r->action);
	json_finding_change(f, a, (int)(fd - a->findings), j->stakeholder);
	fputc('}', f);
}

/* "extends" and "tailoring": what the pack changed in the modules it reuses. */
static void tailoring(FILE *f, const struct pack *p)
{
	fputs(",\"extends\":", f);
	p->extends ? jstr(f, p->extends) : (void)fputs("null", f);
	fputs(",\"tailoring\":[", f);
	for (int i = 0; i < p->ntailoring; i++) {
		const struct tailoring *t = &p->tailoring[i];

		fprintf(f, "%s{\"change\":", i ? "," : "");
		jstr(f, t->change);
		fputs(",\"kind\":", f);
		jstr(f, t->what);
		fputs(",\"id\":", f);
		jstr(f, t->target);
		fputs(",\"module\":", f);
		jstr(f, t->module);
		fputs(",\"from\":", f);
		t->from ? jstr(f, t->from) : (void)fputs("null", f);
		fputs(",\"to\":", f);
		t->to ? jstr(f, t->to) : (void)fputs("null", f);
		fputs(",\"reason\":", f);
		jstr(f, t->reason);
		fputs(",\"file\":", f);
		jstr(f, t->file);
		fprintf(f, ",\"line\":%d}", t->line);
	}
	fputc(']', f);
}

static void supplier(struct json *j, const char *input, const char *workbook,
		     const struct assessment *a)
{
	FILE *f = j->f;
	const struct qn *q = a->qn;
	char rating[2] = { a->rating, 0 }, process[2] = { a->process_rating, 0 };
	const char *base = workbook && strrchr(workbook, '/') ? strrchr(workbook, '/') + 1 : workbook;
	char reason[DILIGO_REPORT_LINE_TEXT];
	struct who w;

	redact_who(&j->o, &q->supplier, &w);
	fprintf(f, "%s\n{\"input\":", j->nsuppliers++ ? "," : "");
	j->stakeholder ? (void)fputs("null", f) : jstr(f, input); /* no paths in stakeholder copies */
	fputs(",\"workbook\":", f);
	workbook ? jstr(f, j->stakeholder ? base : workbook) : (void)fputs("null", f);
	fputs(",\"id\":", f);
	jstr(f, w.id);
	fputs(",\"name\":", f);
	jstr(f, w.name);
	fputs(",\"country\":", f);
	q->supplier.country ? jstr(f, q->supplier.country) : (void)fputs("null", f);
	fputs(",\"sector\":", f);
	jstr(f, a->pack->id);
	fputs(",\"pack_version\":", f);
	jstr(f, a->pack->version);
	/* the language of titles, actions and details (ids and values never change) */
	fputs(",\"language\":", f);
	jstr(f, a->pack->lang ? a->pack->lang : "en");
	tailoring(f, a->pack);
	fprintf(f, ",\"period\":");
	q->period ? jint(f, q->period) : (void)fputs("null", f);
	fputs(",\"score\":", f);
	jnum(f, a->overall);
	fprintf(f, ",\"rating\":\"%s\",\"process_rating\":\"%s\",\"rating_reason\":", rating,
		process);
	jstr(f, redact_reason(&j->o, a, reason, sizeof reason));
	fputs(",\"coverage\":", f);
	jnum(f, a->coverage);
	fputs(",\"claimed\":", f);
	jnum(f, a->claimed);
	fputs(",\"evidenced\":", f);
	jnum(f, a->evidenced);
	fputs(a->small ? ",\"small\":true" : ",\"small\":false", f);
	fputs(a->red_flag ? ",\"red_flag\":true" : ",\"red_flag\":false", f);
	jkint(f, ",\"red_flags\":", a->red_flags);
	jkint(f, ",\"red_flags_unresolved\":", a->red_flags_unresolved);
	jkint(f, ",\"information_needed\":", a->info_findings);
	jkint(f, ",\"findings_per_level\":{\"critical\":", a->per_level[LVL_CRITICAL]);
	jkint(f, ",\"high\":", a->per_level[LVL_HIGH]);
	jkint(f, ",\"medium\":", a->per_level[LVL_MEDIUM]);
	jkint(f, ",\"low\":", a->per_level[LVL_LOW]);
	fputc('}', f);
	duties(f, a);
	fputs(",\"areas\":[", f);
	for (int i = 0; i < a->nareas; i++) {
		fputs(i ? ",{\"area\":" : "{\"area\":", f);
		jstr(f, a->areas[i].area);
		fputs(",\"score\":", f);
		jnum(f, a->areas[i].score);
		jkint(f, ",\"questions\":", a->areas[i].nquestions);
		fputc('}', f);
	}
	fputs("],\"findings\":[", f);
	for (int i = 0; i < a->nfindings; i++) {
		if (i)
			fputc(',', f);
		finding(j, a, &w, &a->findings[i]);
	}
	fputc(']', f);
	json_supplier_change(f, a, &j->o, &w);
	fputc('}', f);
}

static void error_entry(struct json *j, const char *input, const struct err *e)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);

	if (!m)
		xalloc_die();
	fprintf(m, "%s\n{\"input\":", j->nerrors++ ? "," : "");
	/* stakeholder copies: paths, cells and messages can name a supplier */
	j->stakeholder ? (void)fputs("null", m) : jstr(m, input);
	fprintf(m, ",\"line\":%d,\"col\":%d,", e->line, e->col);
	if (e->where[0] && !j->stakeholder) { /* a workbook: the cell, or the part of the file */
		fputs("\"where\":", m);
		jstr(m, e->where);
		fputc(',', m);
	}
	fputs("\"message\":", m);
	jstr(m, j->stakeholder ? RT(CONFIDENTIAL) : e->msg);
	fputc('}', m);
	if (fclose(m) || !buf)
		xalloc_die(); /* a memory stream fails only for want of memory */
	GROW(j->errors, j->nerr_bytes + len + 1, j->errcap);
	memcpy(j->errors + j->nerr_bytes, buf, len + 1);
	j->nerr_bytes += len;
	free(buf);
}

static void json_item(struct sink *s, const char *input, const char *workbook,
		      const struct assessment *a, const struct err *e)
{
	struct json *j = (struct json *)s;

	if (a)
		supplier(j, input, workbook, a);
	else
		error_entry(j, input, e);
}

static void json_free(struct json *j)
{
	free(j->errors);
	free(j);
}

static int json_close(struct sink *s, struct err *e)
{
	struct json *j = (struct json *)s;
	int rc = 0;

	fprintf(j->f, "],\n\"errors\":[%s]}\n", j->errors ? j->errors : "");
	errno = 0;
	if (j->to_stdout) {
		fflush(stdout);
	} else if (fflush(j->f) | ferror(j->f) | fclose(j->f)) {
		int saved = errno; /* ENOSPC, EDQUOT: named as such */

		outfile_discard(&j->of);
		rc = err_set(e, ERR_IO, "cannot write '%s': %s", j->of.target,
			     saved ? strerror(saved) : "write error");
	} else {
		rc = outfile_commit(&j->of, e);
	}
	json_free(j);
	return rc;
}

static void json_abort(struct sink *s)
{
	struct json *j = (struct json *)s;

	if (!j->to_stdout) {
		fclose(j->f);
		outfile_discard(&j->of);
	}
	json_free(j);
}

static const struct sink_vt json_vt = { json_item, json_close, json_abort };

struct sink *sink_json_new(const char *path, const struct report_opts *o, struct err *e)
{
	struct json *j = xcalloc(1, sizeof *j);
	time_t now = o->now;

	j->base.vt = &json_vt;
	j->o = *o;
	j->stakeholder = o->stakeholder;
	if (!strcmp(path, "-")) {
		j->f = stdout;
		j->to_stdout = true;
	} else {
		if (outfile_begin(&j->of, path, e)) {
			free(j);
			return NULL;
		}
		if (!(j->f = fopen(j->of.tmp, "w"))) {
			err_set(e, ERR_IO, "cannot write '%s': %s", path, strerror(errno));
			outfile_discard(&j->of);
			free(j);
			return NULL;
		}
	}
	header(j, now);
	return &j->base;
}
