/* qn_bind: the questionnaire tree checked against the format of
 * docs/questionnaire.md and a pack's questions. Every problem is collected
 * (validate prints them all); values are converted by the question's kind,
 * so YAML 1.1 quirks never apply: `no` is the answer "no" and the country NO
 * stays Norway. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "arena.h"
#include "kind.h"
#include "qn.h"
#include "score.h"
#include "text.h"
#include "qn_int.h"
#include "xlsx_read.h"

/* Whether no more problem will be listed: what would only word one (a
 * did-you-mean over every id) is not worked out. */
static bool diags_full(const struct ctx *c)
{
	return c->q->ndiags >= DILIGO_MAX_DIAGS;
}

/* Record a problem at a node; keeps going. */
__attribute__((format(printf, 3, 4)))
void qn_diag(struct ctx *c, const struct ynode *n, const char *fmt, ...)
{
	struct qn *q = c->q;
	struct err *d;
	va_list ap;

	if (q->ndiags == DILIGO_MAX_DIAGS) {
		q->ndropped++;
		return;
	}
	if (!q->diags)
		q->diags = arena_alloc(q->arena, DILIGO_MAX_DIAGS * sizeof *q->diags);
	d = &q->diags[q->ndiags++];
	d->code = ERR_INPUT;
	snprintf(d->file, sizeof d->file, "%s", q->path);
	d->line = n ? n->line : 1;
	d->col = n ? n->col : 1;
	if (n)
		ynode_where(n, d->where, sizeof d->where);
	d->part = n ? n->part : 0;
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof d->msg, fmt, ap);
	va_end(ap);
}

bool qn_is_scalar(struct ctx *c, const struct ynode *n, const char *what)
{
	if (n->type == Y_SCALAR)
		return true;
	qn_diag(c, n, "%s must be a single value, not a %s", what,
	     n->type == Y_MAP ? "mapping" : "list");
	return false;
}

bool qn_is_map(struct ctx *c, const struct ynode *n, const char *what)
{
	if (n->type == Y_MAP)
		return true;
	qn_diag(c, n, "%s must be a mapping", what);
	return false;
}

/* ---- did you mean ---------------------------------------------------- */

static const char *question_at(const void *p, int i)
{
	return ((const struct pack *)p)->questions[i].id;
}

static const char *closest_question(const struct pack *p, const char *id)
{
	return text_nearest(id, p->nquestions, question_at, p);
}

/* A key with nothing after it: as if it were left out, so a template's
 * blank answers and empty sections are simply unanswered. (`~` and `null`
 * are text like any other plain scalar: no YAML 1.1 typing.) */
static bool blank(const struct ynode *n)
{
	return n && n->type == Y_SCALAR && n->plain && !n->len;
}

const struct ynode *qn_get(const struct ynode *map, const char *key)
{
	const struct ynode *v = ynode_get(map, key);

	return blank(v) ? NULL : v;
}

/* ---- answers -------------------------------------------------------- */

/* A list answer: a sequence, each item converted by the kind. */
static void bind_list(struct ctx *c, const struct question *qu, const struct ynode *v,
		      struct answer *a)
{
	const struct kind_ops *k = kind_ops(qu->kind);

	if (v->type != Y_SEQ) {
		if (v->type == Y_SCALAR && kind_find_option(qu, v->str))
			qn_diag(c, v, "%s takes a list of options: write [%s]", qu->id, v->str);
		else
			qn_diag(c, v, "%s takes a list of options, such as [%s]", qu->id,
			     qu->nopts ? qu->opts[0].value : "");
		return;
	}
	a->list = arena_alloc(c->q->arena, (size_t)(v->n ? v->n : 1) * sizeof *a->list);
	for (int i = 0; i < v->n; i++) {
		const struct ynode *it = v->kids[i];
		const char *problem;

		if (!qn_is_scalar(c, it, "an option"))
			return;
		if ((problem = k->parse(qu, it->str, a, c->q->arena))) {
			qn_diag(c, it, "%s", problem);
			return;
		}
	}
	a->state = ANS_VALUE;
}

/* A workbook's answer cell: the kind reads it (labels, dates, lists in one
 * cell), then converts it as it converts YAML. */
static void bind_cell(struct ctx *c, const struct question *qu, const struct ynode *v,
		      struct answer *a)
{
	const struct kind_ops *k = kind_ops(qu->kind);
	struct kind_read r = { 0 };
	struct kind_cell cell = *v->xcell;
	const char *problem, *lang = c->q->form_lang;

	/* labels in the language the workbook was written in read back too */
	if (lang && strcmp(lang, "en") && c->p->l10n_for)
		cell.l10n = c->p->l10n_for(c->p, lang);
	k->from_cell(qu, &cell, &r, c->q->arena);
	if (!r.list) {
		/* every kind, as in YAML: unknown is a gap; na (a cell may say Not
		 * applicable even where the kind offers no such choice) is checked
		 * later */
		if (kind_is_unknown_text(r.items[0]) ||
		    kind_is_fixed_text(r.items[0], "unknown", cell.l10n)) {
			a->state = ANS_UNKNOWN;
			a->str = "unknown";
			return;
		}
		if (kind_is_na_text(r.items[0]) || kind_is_fixed_text(r.items[0], "na", cell.l10n)) {
			a->state = ANS_NA;
			a->str = "na";
			return;
		}
		if (k->list) /* from_cell gives one text only for unknown and na */
			return;
		if ((problem = k->parse(qu, r.items[0], a, c->q->arena)))
			qn_diag(c, v, "%s", problem);
		return;
	}
	a->list = arena_alloc(c->q->arena, (size_t)(r.n ? r.n : 1) * sizeof *a->list);
	for (int i = 0; i < r.n; i++)
		if ((problem = k->parse(qu, r.items[i], a, c->q->arena))) {
			qn_diag(c, v, "%s", problem);
			return;
		}
	a->state = ANS_VALUE;
}

/* The value of one answer, converted by kind. */
static void bind_value(struct ctx *c, const struct question *qu, const struct ynode *v,
		       struct answer *a)
{
	const struct kind_ops *k = kind_ops(qu->kind);
	const char *problem;

	if (v->xcell) {
		bind_cell(c, qu, v, a);
		return;
	}
	if (!k->list && !qn_is_scalar(c, v, arena_printf(c->q->arena, "the answer to %s", qu->id)))
		return;
	/* every kind: unknown is a gap; na is checked against na_when later */
	if (v->type == Y_SCALAR && !strcasecmp(v->str, "unknown")) {
		a->state = ANS_UNKNOWN;
		a->str = "unknown";
		return;
	}
	if (v->type == Y_SCALAR && !strcasecmp(v->str, "na")) {
		a->state = ANS_NA;
		a->str = "na";
		return;
	}
	if (k->list) {
		bind_list(c, qu, v, a);
		return;
	}
	if ((problem = k->parse(qu, v->str, a, c->q->arena)))
		qn_diag(c, v, "%s", problem);
}

static void bind_evidence_refs(struct ctx *c, const char *qid, const struct ynode *n,
			       struct answer *a)
{
	const struct ynode *one = n;
	int count = n->type == Y_SEQ ? n->n : 1;

	if (n->type == Y_MAP) {
		qn_diag(c, n, "evidence of %s must be a list of evidence ids", qid);
		return;
	}
	a->evidence = arena_alloc(c->q->arena, (size_t)count * sizeof *a->evidence);
	for (int i = 0; i < count; i++) {
		if (n->type == Y_SEQ)
			one = n->kids[i];
		if (!qn_is_scalar(c, one, "an evidence id"))
			return;
		if (!qn_evidence_exists(c, one->str)) {
			const char *near = NULL;

			for (int k = 0; k < c->q->nevidence && !near && !diags_full(c); k++)
				if (!strcasecmp(c->q->evidence[k].id, one->str))
					near = c->q->evidence[k].id;
			if (near)
				qn_diag(c, one, "%s cites unknown evidence '%s'; did you mean '%s'?", qid,
				     one->str, near);
			else
				qn_diag(c, one, "%s cites unknown evidence '%s'", qid, one->str);
			continue;
		}
		a->evidence[a->nevidence++] = one->str;
	}
}

static void bind_long_form(struct ctx *c, const struct question *qu, const struct ynode *n,
			   struct answer *a)
{
	static const char *const keys[] = { "value", "evidence", "comment", "confidential", NULL };
	const struct ynode *v = ynode_get(n, "value"), *x;

	qn_check_keys(c, n, keys, arena_printf(c->q->arena, "the answer to %s", qu->id));
	if (v)
		bind_value(c, qu, v, a);
	else
		qn_diag(c, n, "answer to %s has no 'value'", qu->id);
	if ((x = ynode_get(n, "evidence")))
		bind_evidence_refs(c, qu->id, x, a);
	if ((x = ynode_get(n, "comment")) && qn_is_scalar(c, x, "comment"))
		a->comment = x->str;
	if ((x = ynode_get(n, "confidential")) && qn_is_scalar(c, x, "confidential")) {
		if (!strcmp(x->str, "true") || !strcmp(x->str, "yes"))
			a->confidential = true;
		else if (strcmp(x->str, "false") && strcmp(x->str, "no"))
			qn_diag(c, x, "confidential must be true or false, not '%s'", x->str);
	}
}

static void bind_answers(struct ctx *c, const struct ynode *n)
{
	const struct pack *p = c->p;

	c->q->answers = arena_alloc(c->q->arena, (size_t)(p->nquestions ? p->nquestions : 1) *
						   sizeof *c->q->answers);
	if (!n) {
		qn_diag(c, c->q->root, "missing required key 'answers'");
		return;
	}
	if (!qn_is_map(c, n, "answers"))
		return;
	for (int i = 0; i < n->n; i++) {
		const struct ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		int qi = pack_find_question(p, k->str);
		struct answer *a;

		if (blank(v) && qi >= 0)
			continue; /* unanswered */
		if (qi < 0) {
			const char *near = diags_full(c) ? NULL : closest_question(p, k->str);

			if (near)
				qn_diag(c, k, "unknown question '%s' in pack '%s'; did you mean '%s'?",
				     k->str, p->id, near);
			else
				qn_diag(c, k, "unknown question '%s' in pack '%s'", k->str, p->id);
			continue;
		}
		a = &c->q->answers[qi];
		a->given = true;
		a->line = k->line;
		a->col = k->col;
		if (v->type == Y_MAP)
			bind_long_form(c, &p->questions[qi], v, a);
		else
			bind_value(c, &p->questions[qi], v, a);
	}
}

/* ---- applicability and required answers ---------------------------- */

/* Whether the bound answer a equals (or lists) one of the condition's values. */
static bool cond_any(const struct question *ref, const struct answer *a, const struct na_cond *c)
{
	for (int k = 0; k < c->nvalues; k++) {
		if (kind_ops(ref->kind)->lua == KIND_LUA_NUMBER) {
			if (a->num == c->nums[k])
				return true;
		} else if (kind_ops(ref->kind)->list) {
			for (int j = 0; j < a->nlist; j++)
				if (!strcmp(a->list[j], c->values[k]))
					return true;
		} else if (a->str && !strcmp(a->str, c->values[k])) {
			return true;
		}
	}
	return false;
}

/* APPL_NO when a condition holds; APPL_UNKNOWN when none holds but one
 * reads a missing or unknown answer; else APPL_YES. */
static enum applic applicability(const struct qn *q, const struct question *qu)
{
	bool unknown = false;

	for (int k = 0; k < qu->nna_when; k++) {
		const struct na_cond *c = &qu->na_when[k];
		const struct answer *a;

		if (c->question < 0) {
			if (score_small(q->supplier.employees))
				return APPL_NO;
			continue;
		}
		a = &q->answers[c->question];
		if (a->state == ANS_VALUE &&
		    cond_any(&q->pack->questions[c->question], a, c) != c->none_of)
			return APPL_NO;
		unknown |= a->state == ANS_NONE || a->state == ANS_UNKNOWN;
	}
	return unknown ? APPL_UNKNOWN : APPL_YES;
}

/* "a is 0, or the supplier is small": the conditions, for messages. */
static const char *conditions_text(struct arena *ar, const struct question *qu)
{
	const char *s = "";

	for (int k = 0; k < qu->nna_when; k++) {
		const struct na_cond *c = &qu->na_when[k];
		const char *one = "the supplier is small";

		if (c->qid) {
			one = arena_printf(ar, "%s is %s", c->qid, c->none_of ? "none of " : "");
			for (int j = 0; j < c->nvalues; j++)
				one = arena_printf(ar, "%s%s%s", one, j ? " or " : "", c->values[j]);
		}
		s = arena_printf(ar, "%s%s%s", s, k ? ", or " : "", one);
	}
	return s;
}

/* One problem for every required question left blank: the first few ids,
 * then a count. */
static void missing_required(struct ctx *c, const struct ynode *at, const char **ids, int n)
{
	enum { SHOWN = 4 };
	const char *list = "";

	if (!n)
		return;
	for (int i = 0; i < n && i < SHOWN; i++)
		list = arena_printf(c->q->arena, "%s%s%s", list, i ? ", " : "", ids[i]);
	if (n > SHOWN)
		list = arena_printf(c->q->arena, "%s and %d more", list, n - SHOWN);
	qn_diag(c, at, "missing required answer%s: %s (answer unknown if you do not know; diligo "
		    "template lists them)", n == 1 ? "" : "s", list);
}

/* Where a problem with the answer to qid is shown: in a workbook its
 * answer cell (as for every other answer problem), else the key's line. */
static const struct ynode *answer_at(struct ctx *c, const struct ynode *answers, const char *qid,
				     const struct ynode *key_at)
{
	const struct ynode *v = diags_full(c) ? NULL : ynode_get(answers, qid);

	if (v && v->type == Y_MAP)
		v = ynode_get(v, "value");
	return v && v->sheet ? v : key_at;
}

static void check_answers(struct ctx *c, const struct ynode *answers)
{
	struct qn *q = c->q;
	const struct pack *p = c->p;
	const char **missing = arena_alloc(q->arena, (size_t)(p->nquestions ? p->nquestions : 1) *
							 sizeof *missing);
	int nmissing = 0;

	q->applies = arena_alloc(q->arena, (size_t)(p->nquestions ? p->nquestions : 1));
	for (int i = 0; i < p->nquestions; i++)
		q->applies[i] = (unsigned char)applicability(q, &p->questions[i]);
	for (int i = 0; i < p->nquestions; i++) {
		const struct question *qu = &p->questions[i];
		struct answer *a = &q->answers[i];
		struct ynode at = { .line = a->line, .col = a->col };

		if (a->state == ANS_NA && q->applies[i] == APPL_YES) {
			if (qu->nna_when)
				qn_diag(c, answer_at(c, answers, qu->id, &at), "%s applies here, so it cannot be answered na (it does not "
					     "apply only when %s); answer unknown if you do not know",
				     qu->id, conditions_text(q->arena, qu));
			else
				qn_diag(c, answer_at(c, answers, qu->id, &at), "%s applies to every supplier: 'na' is not an answer to it "
					     "(answer unknown if you do not know)", qu->id);
		}
		/* an answer given but not valid has its own message: not missing too */
		if (a->state == ANS_NONE && !a->given && qu->required && q->applies[i] == APPL_YES &&
		    !q->partial)
			missing[nmissing++] = qu->id;
	}
	missing_required(c, answers, missing, nmissing);
}

/* ---- top level ------------------------------------------------------ */

/* A workbook made from a template for another question set: its answers
 * may not mean what this pack's questions ask. */
static void bind_form(struct ctx *c)
{
	const struct qn *q = c->q;
	char fp[17];

	if (!q->form_questions || q->form_any)
		return;
	pack_fingerprint(c->p, fp);
	if (!strcmp(fp, q->form_questions))
		return;
	qn_diag(c, q->form_at, "this workbook was made for pack '%s' %s, whose questions differ from "
			    "those of '%s' %s: carry the answers over with diligo template --from %s "
			    "-o NEW.xlsx",
	     q->form_pack ? q->form_pack : "?", q->form_version ? q->form_version : "?", c->p->id,
	     c->p->version, q->path);
}

static void bind_version(struct ctx *c, const struct ynode *n)
{
	if (!n) {
		qn_diag(c, c->q->root, "missing required key 'diligo' (the format version: diligo: 1)");
		return;
	}
	if (qn_is_scalar(c, n, "diligo") && strcmp(n->str, "1"))
		qn_diag(c, n, "unsupported format version '%s' (this diligo reads version 1)", n->str);
}

/* Problems in file order, as a reader goes through the file (stable). */
static void sort_diags(struct qn *q)
{
	for (int i = 1; i < q->ndiags; i++) {
		struct err d = q->diags[i];
		int j = i;

		while (j > 0 && (q->diags[j - 1].part > d.part ||
				 (q->diags[j - 1].part == d.part && q->diags[j - 1].line > d.line) ||
				 (q->diags[j - 1].part == d.part && q->diags[j - 1].line == d.line &&
				  q->diags[j - 1].col > d.col))) {
			q->diags[j] = q->diags[j - 1];
			j--;
		}
		q->diags[j] = d;
	}
}

int qn_bind(struct qn *q, const struct pack *p, struct err *e)
{
	static const char *const top[] = { "diligo", "supplier", "period", "respondent",
					   "answers", "evidence", NULL };
	struct ctx c = { q, p, NULL };
	const struct ynode *r = q->root;

	q->pack = p;
	q->ndiags = 0;
	q->ndropped = 0;
	if (r->type != Y_MAP) {
		qn_diag(&c, r, "a questionnaire must be a mapping with the keys diligo, supplier "
			    "and answers");
		q->answers = arena_alloc(q->arena, (size_t)(p->nquestions ? p->nquestions : 1) *
							    sizeof *q->answers);
	} else {
		for (int i = 0; i < r->n; i++) {
			const struct ynode *k = r->kids[2 * i];
			bool ok = false;

			for (const char *const *t = top; *t && !ok; t++)
				ok = !strcmp(*t, k->str);
			if (!ok)
				qn_diag(&c, k, "unknown top-level key '%s' (expected diligo, supplier, "
					    "period, respondent, answers, evidence)", k->str);
		}
		bind_version(&c, qn_get(r, "diligo"));
		qn_bind_period(&c, qn_get(r, "period"));
		qn_bind_supplier(&c, qn_get(r, "supplier"));
		qn_bind_respondent(&c, qn_get(r, "respondent"));
		qn_bind_evidence(&c, qn_get(r, "evidence"));
		bind_answers(&c, qn_get(r, "answers"));
		if (qn_get(r, "answers") && qn_get(r, "answers")->type == Y_MAP)
			check_answers(&c, qn_get(r, "answers"));
		bind_form(&c);
	}
	if (!q->ndiags)
		return 0;
	sort_diags(q);
	if (e)
		*e = q->diags[0];
	return ERR_INPUT;
}

int qn_err_at(struct err *e, int code, const struct qn *q, const struct ynode *n,
	      const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return code;
	err_set(e, code, "%s", "");
	snprintf(e->file, sizeof e->file, "%s", q->path);
	e->line = n ? n->line : 1;
	e->col = n ? n->col : 1;
	if (n)
		ynode_where(n, e->where, sizeof e->where);
	e->part = n ? n->part : 0;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return code;
}

const char *ynode_where(const struct ynode *n, char *buf, size_t len)
{
	char ref[16];

	if (!n->sheet) {
		if (len)
			buf[0] = '\0';
		return NULL;
	}
	snprintf(buf, len, "%s!%s", n->sheet, xlsx_ref(n->line - 1, n->col - 1, ref));
	return buf;
}
