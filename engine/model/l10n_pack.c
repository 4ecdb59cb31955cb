/* A pack's translatable texts and their translations: one walk over the
 * pack (pack_strings) serves extraction (the POT), coverage and applying a
 * language. The contexts are docs/translating.md's table:
 *
 *   pack|ID|title            the sector's or module's title
 *   question|ID|text, help   a question
 *   section|MODULE           a section heading (the English text tells
 *                            sections of one module apart)
 *   option|QUESTION|VALUE    an option's label
 *   rule|ID|title, action    a rule
 *   rule|ID|detail.KEY       one of a rule's detail templates (lua-format)
 *   duty|ID|title            a duty of the catalogue
 *   area|catalogue           a duty area (the English tells them apart;
 *                            shown translated, kept English as a key)
 *   report|ID                a heading or fixed text of the reports */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "bounds.h"
#include "l10n.h"
#include "l10n_pack.h"
#include "pack.h"

/* One text; english is what the pack wrote (the slot may hold a
 * translation already: option labels and duty titles keep their English). */
static void en(struct pack_string *s, const char *kind, const char *id, const char *field,
	       const char **slot, const char *english, const char *file, int line, bool format,
	       void (*fn)(void *ud, const struct pack_string *s), void *ud)
{
	if (!english || !*english)
		return;
	s->kind = kind;
	s->id = id;
	s->field = field;
	s->english = english;
	s->slot = slot;
	s->file = file;
	s->line = line;
	s->format = format;
	fn(ud, s);
}

static void one(struct pack_string *s, const char *kind, const char *id, const char *field,
		const char **slot, const char *file, int line, bool format,
		void (*fn)(void *ud, const struct pack_string *s), void *ud)
{
	en(s, kind, id, field, slot, *slot, file, line, format, fn, ud);
}

void pack_strings(struct pack *p, void (*fn)(void *ud, const struct pack_string *s), void *ud)
{
	struct pack_string s;
	char field[200];

	one(&s, "pack", p->id, "title", &p->title,
	    p->file ? p->file : p->nfiles ? p->files[0].path : NULL, 0, false, fn, ud);
	for (int i = 0; i < p->nquestions; i++) {
		struct question *q = &p->questions[i];

		one(&s, "section", q->module, NULL, &q->section, q->file, q->line, false, fn, ud);
		one(&s, "question", q->id, "text", &q->text, q->file, q->line, false, fn, ud);
		one(&s, "question", q->id, "help", &q->help, q->file, q->line, false, fn, ud);
		for (int k = 0; k < q->nopts; k++) {
			struct qoption *o = (struct qoption *)&q->opts[k];

			if (!o->label_en)
				o->label_en = o->label;
			en(&s, "option", q->id, o->value, &o->label, o->label_en, q->file, q->line,
			   false, fn, ud);
		}
	}
	for (int i = 0; i < p->nrules; i++) {
		struct rule *r = &p->rules[i];

		one(&s, "rule", r->id, "title", &r->title, r->file, r->line, false, fn, ud);
		one(&s, "rule", r->id, "action", &r->action, r->file, r->line, false, fn, ud);
		for (int k = 0; k < r->ndetails; k++) {
			snprintf(field, sizeof field, "detail.%s", r->detail_keys[k]);
			/* the field lives as long as the call: fn copies what it keeps */
			one(&s, "rule", r->id, field, &r->detail_texts[k], r->file, r->line,
			    strchr(r->detail_texts[k], '%') != NULL, fn, ud);
		}
	}
	for (int i = 0; i < p->nduties; i++) {
		struct duty *d = (struct duty *)&p->duties[i];

		if (!d->title_en)
			d->title_en = d->title;
		en(&s, "duty", d->id, "title", &d->title, d->title_en, d->file, 0, false, fn, ud);
	}
	for (int i = 0; i < p->nareas; i++) {
		const char *file = NULL;

		for (int k = 0; k < p->nduties && !file; k++)
			if (p->duty_area && p->duty_area[k] == i)
				file = p->duties[k].file;
		en(&s, "area", "catalogue", NULL, (const char **)&p->areas[i], p->areas[i], file, 0,
		   false, fn, ud);
	}
}

const char *pack_area(const struct pack *p, const char *area)
{
	const char *t = area ? l10n_get3(p->l10n, "area", "catalogue", NULL, area) : NULL;

	return t ? t : area;
}

const char *pack_area_key(const struct pack *p, const char *shown)
{
	for (int i = 0; shown && i < p->nareas; i++)
		if (!strcmp(p->areas[i], shown))
			return p->areas[i];
	for (int i = 0; shown && i < p->nareas; i++) {
		for (int k = 0; p->l10n_for && k < L10N_NLANGS; k++) {
			const char *t = l10n_get3(p->l10n_for(p, l10n_langs[k]), "area", "catalogue",
						  NULL, p->areas[i]);

			if (t && !strcmp(t, shown))
				return p->areas[i];
		}
	}
	return shown;
}

void pack_string_ctx(const struct pack_string *s, char *out, size_t n)
{
	if (s->field)
		snprintf(out, n, "%s" L10N_SEP "%s" L10N_SEP "%s", s->kind, s->id, s->field);
	else
		snprintf(out, n, "%s" L10N_SEP "%s", s->kind, s->id);
}

/* ---- loading --------------------------------------------------------- */

struct load {
	struct l10n *t;
	struct err *e;
	int rc;
	const char **seen;
	int nseen, cap;
	const char *lang;
	pack_file_resolver resolve;
	void *rud;
};

static void load_file(struct load *ld, const char *file)
{
	char po[4200];

	if (!file || ld->rc)
		return;
	for (int i = 0; i < ld->nseen; i++)
		if (!strcmp(ld->seen[i], file))
			return;
	if (ld->nseen == ld->cap) {
		ld->cap = ld->cap ? ld->cap * 2 : 32;
		ld->seen = realloc(ld->seen, (size_t)ld->cap * sizeof *ld->seen);
		if (!ld->seen)
			abort();
	}
	ld->seen[ld->nseen++] = file;
	if (ld->resolve && !(file = ld->resolve(ld->rud, file)))
		return;
	if (l10n_po_path(file, ld->lang, po, sizeof po))
		ld->rc = l10n_add_po(ld->t, po, ld->e);
}

static void load_one(void *ud, const struct pack_string *s)
{
	load_file(ud, s->file);
}

struct l10n *pack_l10n_load(struct pack *p, const char *lang, const char *reports_po,
			    pack_file_resolver resolve, void *rud, struct err *e)
{
	struct load ld = { .t = l10n_new(lang), .e = e, .lang = lang, .resolve = resolve,
			   .rud = rud };

	for (int i = 0; i < p->nfiles; i++)
		load_file(&ld, p->files[i].path);
	pack_strings(p, load_one, &ld);
	free(ld.seen);
	if (!ld.rc && reports_po)
		ld.rc = l10n_add_po(ld.t, reports_po, e);
	if (ld.rc) {
		l10n_free(ld.t);
		return NULL;
	}
	return ld.t;
}

/* ---- applying and counting ------------------------------------------- */

struct apply {
	const struct l10n *t;
	struct arena *a;
	struct pack_coverage *cov;
	bool write;
};

static void apply_one(void *ud, const struct pack_string *s)
{
	struct apply *ap = ud;
	char ctx[512];
	const char *tr;

	pack_string_ctx(s, ctx, sizeof ctx);
	tr = l10n_get(ap->t, ctx, s->english);
	/* one line where the English is one line (labels, headings, titles):
	 * a workbook reads labels back, and YAML comments keep them on a line */
	if (tr && !strchr(s->english, '\n') && strpbrk(tr, "\r\n"))
		tr = NULL;
	if (tr && !strcmp(s->kind, "option") && strchr(tr, ';'))
		tr = NULL;
	if (tr && strlen(tr) > DILIGO_MAX_TEXT_BYTES)
		tr = NULL;
	if (ap->cov) {
		ap->cov->total++;
		ap->cov->translated += tr != NULL;
	}
	/* detail templates stay English in the pack: a rule fills in the
	 * translation when it runs, and the English when the translation
	 * cannot take its values */
	if (tr && ap->write && !(s->field && !strncmp(s->field, "detail.", 7)) &&
	    strcmp(s->kind, "area")) /* areas are keys: shown through pack_area */
		*s->slot = arena_strdup(ap->a, tr);
}

void pack_translate(struct pack *p, const struct l10n *t)
{
	struct apply ap = { .t = t, .a = p->arena, .write = true };

	pack_strings(p, apply_one, &ap);
	p->lang = l10n_lang(t);
	p->l10n = t;
}

struct pack_coverage pack_l10n_coverage(struct pack *p, const struct l10n *t)
{
	struct pack_coverage cov = { 0 };
	struct apply ap = { .t = t, .cov = &cov };

	pack_strings(p, apply_one, &ap);
	return cov;
}
