/* Writing a questionnaire as YAML: the blank template for suppliers, and
 * the same filled with the answers of a bound questionnaire (template
 * --from, convert). Each question is a key preceded by its text, help,
 * allowed values and duties as comments; filled in with allowed values, it
 * validates. What qn_load reads back from the filled form is what was
 * written: values are written plain when they are simple words or numbers
 * and double-quoted (with escapes) otherwise. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "kind.h"
#include "qn.h"
#include "text.h"

/* ---- the template's own words ----------------------------------------- */

/* English until qn_write_texts_use puts them in the run's language (the
 * reports' texts YAML_*); keys, values and ids are never translated. */
static const char *const english[QW__COUNT] = {
	[QW_HOW_TO_ANSWER] = QW_TXT_HOW_TO_ANSWER,
	[QW_FMT_HEADER] = QW_TXT_FMT_HEADER,
	[QW_HELP] = QW_TXT_HELP,
	[QW_ALLOWED] = QW_TXT_ALLOWED,
	[QW_NA_ONLY_WHEN] = QW_TXT_NA_ONLY_WHEN,
	[QW_OR] = QW_TXT_OR,
	[QW_SMALL] = QW_TXT_SMALL,
	[QW_IS] = QW_TXT_IS,
	[QW_NONE_OF] = QW_TXT_NONE_OF,
	[QW_EVIDENCE] = QW_TXT_EVIDENCE,
	[QW_OPTIONS] = QW_TXT_OPTIONS,
	[QW_DUTIES] = QW_TXT_DUTIES,
	[QW_REQUIRED] = QW_TXT_REQUIRED,
	[QW_NOTE_ID] = QW_TXT_NOTE_ID,
	[QW_NOTE_COUNTRY] = QW_TXT_NOTE_COUNTRY,
	[QW_NOTE_EMPLOYEES] = QW_TXT_NOTE_EMPLOYEES,
	[QW_NOTE_RESPONDENT] = QW_TXT_NOTE_RESPONDENT,
};
static const char *words[QW__COUNT];

void qn_write_texts_use(const char *const texts[QW__COUNT])
{
	for (int i = 0; i < QW__COUNT; i++)
		words[i] = texts && texts[i] && *texts[i] ? texts[i] : NULL;
}

#define W(id) (words[QW_##id] ? words[QW_##id] : english[QW_##id])

/* Lines of text, each as a comment "# ". */
static void comment_lines(FILE *f, const char *text)
{
	fputs("# ", f);
	for (const char *p = text; *p; p++) {
		if (*p == '\n')
			fputs("\n# ", f);
		else if (*p != '\r')
			fputc(*p, f);
	}
	fputc('\n', f);
}

static void header(FILE *f, const struct pack *p)
{
	char line[1024];

	snprintf(line, sizeof line, W(FMT_HEADER), p->id, p->version, p->title);
	comment_lines(f, line);
	comment_lines(f, W(HOW_TO_ANSWER));
}

/* ---- scalars ---------------------------------------------------------- */

static bool plain_ok(const char *s)
{
	if (!isalnum((unsigned char)s[0]))
		return false;
	for (const char *p = s; *p; p++)
		if (!isalnum((unsigned char)*p) && !strchr("_.-@/+", *p))
			return false;
	return true;
}

/* s as a YAML scalar: plain when it is a simple word, else double-quoted
 * with the escapes that keep it one line and the same text (YAML 1.1 also
 * breaks lines at U+0085, U+2028 and U+2029). */
static void scalar(FILE *f, const char *s)
{
	if (plain_ok(s)) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", f);
		else if (*p == '\t')
			fputs("\\t", f);
		else if (*p == '\r')
			fputs("\\r", f);
		else if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) {
			fputs(p[2] == 0xA8 ? "\\L" : "\\P", f);
			p += 2;
		} else if (p[0] == 0xC2 && p[1] == 0x85) {
			fputs("\\N", f);
			p++;
		} else if (p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
			fputs("\\uFEFF", f);
			p += 2;
		} else
			fputc(*p, f);
	}
	fputc('"', f);
}

/* ---- answers across pack versions ------------------------------------ */

const struct answer *qn_answer_for(const struct qn *q, const struct question *qu)
{
	int i = q->pack ? pack_find_question(q->pack, qu->id) : -1;
	const struct question *from;
	const struct answer *a;
	const struct kind_ops *k = kind_ops(qu->kind);
	struct answer tmp = { 0 };
	char buf[40];

	if (i < 0 || q->answers[i].state == ANS_NONE)
		return NULL;
	a = &q->answers[i];
	from = &q->pack->questions[i];
	if (from == qu || a->state == ANS_UNKNOWN)
		return a;
	if (from->kind != qu->kind)
		return NULL;
	/* the value converted again by the question it now answers */
	if (k->lua == KIND_LUA_LIST) {
		tmp.list = arena_alloc(q->arena, (size_t)(a->nlist ? a->nlist : 1) * sizeof *tmp.list);
		for (int n = 0; n < a->nlist; n++)
			if (k->parse(qu, a->list[n], &tmp, q->arena))
				return NULL;
		return a;
	}
	if (k->lua == KIND_LUA_NUMBER)
		return k->parse(qu, text_number(a->num, buf, sizeof buf), &tmp, q->arena) ? NULL : a;
	return k->parse(qu, a->str, &tmp, q->arena) ? NULL : a;
}

/* The value of an answer as YAML writes it (after "key: "). */
static void value(FILE *f, const struct question *qu, const struct answer *a)
{
	const struct kind_ops *k = kind_ops(qu->kind);
	char buf[40];

	if (a->state == ANS_UNKNOWN) {
		fputs("unknown", f);
	} else if (a->state == ANS_NA) {
		fputs("na", f);
	} else if (k->lua == KIND_LUA_LIST) {
		fputc('[', f);
		for (int i = 0; i < a->nlist; i++) {
			if (i)
				fputs(", ", f);
			scalar(f, a->list[i]);
		}
		fputc(']', f);
	} else if (k->lua == KIND_LUA_NUMBER) {
		fputs(text_number(a->num, buf, sizeof buf), f);
	} else {
		scalar(f, a->str);
	}
}

static void answer(FILE *f, const struct question *qu, const struct answer *a)
{
	if (!a->nevidence && !a->comment && !a->confidential) {
		fprintf(f, "  %s: ", qu->id);
		value(f, qu, a);
		fputc('\n', f);
		return;
	}
	fprintf(f, "  %s:\n    value: ", qu->id);
	value(f, qu, a);
	fputc('\n', f);
	if (a->nevidence) {
		fputs("    evidence: [", f);
		for (int i = 0; i < a->nevidence; i++) {
			if (i)
				fputs(", ", f);
			scalar(f, a->evidence[i]);
		}
		fputs("]\n", f);
	}
	if (a->comment) {
		fputs("    comment: ", f);
		scalar(f, a->comment);
		fputc('\n', f);
	}
	if (a->confidential)
		fputs("    confidential: true\n", f);
}

/* ---- the form --------------------------------------------------------- */

/* A comment block: each line of text prefixed with "  # ". */
static void comment(FILE *f, const char *label, const char *text)
{
	const char *p = text;

	if (!text)
		return;
	fprintf(f, "  # %s", label);
	for (; *p; p++) {
		if (*p == '\n')
			fputs("\n  #   ", f);
		else if (*p != '\r')
			fputc(*p, f);
	}
	fputc('\n', f);
}

static void allowed(FILE *f, const struct question *q)
{
	char buf[16384];

	kind_ops(q->kind)->hint(q, buf, sizeof buf);
	fprintf(f, "  # %s: %s | unknown", W(ALLOWED), buf);
	if (q->nna_when) {
		fprintf(f, " | na (%s ", W(NA_ONLY_WHEN));
		for (int k = 0; k < q->nna_when; k++) {
			const struct na_cond *c = &q->na_when[k];

			if (k)
				fprintf(f, ", %s ", W(OR));
			if (!c->qid) {
				fputs(W(SMALL), f);
				continue;
			}
			fprintf(f, "%s %s %s", c->qid, W(IS), c->none_of ? W(NONE_OF) : "");
			if (c->none_of)
				fputc(' ', f);
			for (int j = 0; j < c->nvalues; j++)
				fprintf(f, "%s%s%s%s", j ? " " : "", j ? W(OR) : "", j ? " " : "",
					c->values[j]);
		}
		fputc(')', f);
	}
	fputc('\n', f);
	if (q->evidence)
		fprintf(f, "  # %s\n", W(EVIDENCE));
}

/* The labels the pack's author wrote for the options, one per line, when
 * any says more than its value: what the supplier chooses between. */
static void option_labels(FILE *f, const struct question *q)
{
	bool any = false;

	for (int i = 0; i < q->nopts && !any; i++)
		any = q->opts[i].label && strcmp(q->opts[i].label, q->opts[i].value);
	if (!any)
		return;
	fprintf(f, "  # %s:\n", W(OPTIONS));
	for (int i = 0; i < q->nopts; i++)
		fprintf(f, "  #   %s = %s\n", q->opts[i].value,
			q->opts[i].label ? q->opts[i].label : q->opts[i].value);
}

static void field(FILE *f, const char *indent, const char *key, const char *v, const char *note)
{
	if (!v)
		return;
	fprintf(f, "%s%s: ", indent, key);
	scalar(f, v);
	fprintf(f, "%s%s\n", note ? "   # " : "", note ? note : "");
}

static void filled_header(FILE *f, const struct pack *p, const struct qn *q)
{
	const struct supplier *s = &q->supplier;

	header(f, p);
	fputs("diligo: 1\nsupplier:\n", f);
	field(f, "  ", "id", s->id ? s->id : "", W(NOTE_ID));
	field(f, "  ", "name", s->name ? s->name : "", NULL);
	field(f, "  ", "country", s->country, W(NOTE_COUNTRY));
	fprintf(f, "  sector: %s\n", p->id);
	if (s->employees >= 0)
		fprintf(f, "  employees: %ld\n", s->employees);
	if (s->tier)
		fprintf(f, "  tier: %d\n", s->tier);
	if (q->period)
		fprintf(f, "period: %d\n", q->period);
	if (q->respondent_name || q->respondent_role || q->respondent_email) {
		fprintf(f, "respondent:   # %s\n", W(NOTE_RESPONDENT));
		field(f, "  ", "name", q->respondent_name, NULL);
		field(f, "  ", "role", q->respondent_role, NULL);
		field(f, "  ", "email", q->respondent_email, NULL);
	}
	fputs("answers:\n", f);
}

static void filled_evidence(FILE *f, const struct qn *q)
{
	if (!q->nevidence) {
		fputs("\nevidence:\n  # E1: { title: \"...\", kind: policy, date: 2025-01-31, url: \"...\" }\n", f);
		return;
	}
	fputs("\nevidence:\n", f);
	for (int i = 0; i < q->nevidence; i++) {
		const struct evidence *ev = &q->evidence[i];

		fputs("  ", f);
		scalar(f, ev->id);
		fputs(":\n", f);
		field(f, "    ", "title", ev->title, NULL);
		field(f, "    ", "kind", ev->kind, NULL);
		field(f, "    ", "date", ev->date, NULL);
		field(f, "    ", "url", ev->url, NULL);
	}
}

int qn_write_yaml(FILE *f, const struct pack *p, const struct qn *q)
{
	const char *section = NULL;

	if (!q) {
		header(f, p);
		fprintf(f, "diligo: 1\nsupplier:\n  id: \"\"        # %s\n"
			   "  name: \"\"\n  country: \"\"   # %s\n"
			   "  sector: %s\n  employees: 0   # %s\n  tier: 1\nperiod: 2025\nrespondent:   "
			   "# %s\n  name: \"\"\n  role: \"\"\n"
			   "answers:\n", W(NOTE_ID), W(NOTE_COUNTRY), p->id, W(NOTE_EMPLOYEES),
			W(NOTE_RESPONDENT));
	} else {
		filled_header(f, p, q);
	}
	for (int i = 0; i < p->nquestions; i++) {
		const struct question *qu = &p->questions[i];
		const struct answer *a = q ? qn_answer_for(q, qu) : NULL;

		if (!section || strcmp(section, qu->section))
			fprintf(f, "\n  # ==== %s ====\n", section = qu->section);
		fputc('\n', f);
		comment(f, "", qu->text);
		if (qu->help) {
			char label[64];

			snprintf(label, sizeof label, "%s: ", W(HELP));
			comment(f, label, qu->help);
		}
		allowed(f, qu);
		option_labels(f, qu);
		fprintf(f, "  # %s: ", W(DUTIES));
		for (int k = 0; k < qu->nduties; k++)
			fprintf(f, "%s%s", k ? ", " : "", qu->duties[k]);
		if (qu->required)
			fprintf(f, "\n  # %s", W(REQUIRED));
		fputc('\n', f);
		if (a)
			answer(f, qu, a);
		else
			fprintf(f, "  %s:\n", qu->id);
	}
	if (q)
		filled_evidence(f, q);
	else
		fputs("\nevidence:\n  # E1: { title: \"...\", kind: policy, date: 2025-01-31, url: \"...\" }\n", f);
	return ferror(f) ? ERR_IO : 0;
}
