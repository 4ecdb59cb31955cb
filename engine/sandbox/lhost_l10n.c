/* Packs in the run's language: after a pack loads, the translations of
 * every Lua file it was built from (and of the reports' texts, which
 * carry the fixed answer labels) replace its texts, and how much each
 * shipped language covers is kept for the Method sheet. */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "l10n.h"
#include "l10n_pack.h"
#include "lhost_int.h"

/* The PO files' review status: the one they share, "mixed" or "". */
static const char *review_of(const struct l10n *t)
{
	const char *r = NULL;

	for (int i = 0; i < l10n_ndomains(t); i++) {
		const char *x = l10n_domain(t, i)->review;

		if (!*x)
			continue;
		if (r && strcmp(r, x))
			return "mixed";
		r = x;
	}
	return r ? r : "";
}

static const char *resolve(void *ud, const char *file)
{
	return lhost_full_path(ud, file);
}

static struct l10n *load(struct lhost *h, struct pack *p, const char *lang, struct err *e)
{
	char reports[4200], name[64];
	bool found;

	snprintf(name, sizeof name, "po/diligo/%s.po", lang);
	found = lhost_find_data(h, name, reports, sizeof reports);
	return pack_l10n_load(p, lang, found ? reports : NULL, resolve, h, e);
}

const char *lhost_full_path(struct lhost *h, const char *file)
{
	struct files *fs = lhost_files(h);

	for (int i = 0; i < fs->n; i++)
		if (fs->f[i].path == file || !strcmp(fs->f[i].path, file))
			return fs->f[i].full;
	return NULL;
}

/* pack->l10n_for: the pack's translations into lang, loaded on first use
 * (a PO file that cannot be read gives none: its labels stay unread). */
static const struct l10n *l10n_for(const struct pack *p, const char *lang)
{
	struct lhost *h = p->l10n_host;

	if (p->l10n && !strcmp(l10n_lang(p->l10n), lang))
		return p->l10n;
	for (int i = 0; i < h->npacks; i++) {
		struct loaded_pack *lp = &h->packs[i];

		if (lp->pack != p)
			continue;
		for (int k = 0; k < L10N_NLANGS; k++) {
			struct err e = { 0 };

			if (strcmp(l10n_langs[k], lang))
				continue;
			if (!lp->other[k])
				lp->other[k] = load(h, lp->pack, lang, &e);
			return lp->other[k];
		}
	}
	return NULL;
}

int lhost_translate(struct lhost *h, struct pack *p, struct l10n **out, struct err *e)
{
	struct l10n *use = NULL;

	*out = NULL;
	p->l10n_for = l10n_for;
	p->l10n_host = h;
	if (!h->lang && !h->hash_files) /* no Method sheet: nothing to measure */
		return 0;
	for (int i = 0; i < L10N_NLANGS; i++) {
		struct l10n *t = load(h, p, l10n_langs[i], e);
		struct pack_coverage c;

		if (!t) {
			l10n_free(use);
			return ERR_PACK;
		}
		c = pack_l10n_coverage(p, t);
		p->langs[p->nlangs].lang = l10n_langs[i];
		p->langs[p->nlangs].total = c.total;
		p->langs[p->nlangs].translated = c.translated;
		p->langs[p->nlangs].review = arena_strdup(p->arena, review_of(t));
		p->nlangs++;
		if (h->lang && !strcmp(h->lang, l10n_langs[i]))
			use = t;
		else
			l10n_free(t);
	}
	if (use)
		pack_translate(p, use);
	*out = use;
	return 0;
}
