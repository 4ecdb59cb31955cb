/* l10n_pack: a pack's translatable texts (l10n_pack.c lists the contexts),
 * loading a language's translations for a pack and applying them. */
#ifndef DILIGO_L10N_PACK_H
#define DILIGO_L10N_PACK_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"

struct pack;
struct l10n;

/* One translatable text of a pack, as pack_strings hands it over. */
struct pack_string {
	const char *kind, *id, *field; /* the context's parts; field may be NULL */
	const char *english;           /* the text as the pack writes it */
	const char **slot;             /* where the pack keeps it */
	const char *file;              /* the Lua file that declares it */
	int line;                      /* 0 when not known */
	bool format;                   /* a template with %-conversions (lua-format) */
};

/* Call fn for every translatable text of p, in a stable order: the pack's
 * title, each question (section, text, help, option labels), each rule
 * (title, action, detail templates), each duty's title. */
void pack_strings(struct pack *p, void (*fn)(void *ud, const struct pack_string *s), void *ud);
/* "kind|id|field" */
void pack_string_ctx(const struct pack_string *s, char *out, size_t n);

/* The translations into lang of every Lua file p was built from (each
 * file's po/NAME/LANG.po, the file's path as resolve gives it for the name
 * the pack records), and of reports_po when not NULL. NULL with e
 * filled when a PO file exists but cannot be read. */
typedef const char *(*pack_file_resolver)(void *ud, const char *file);
struct l10n *pack_l10n_load(struct pack *p, const char *lang, const char *reports_po,
			    pack_file_resolver resolve, void *rud, struct err *e);

/* How many of p's texts t translates (p still in English). */
struct pack_coverage {
	int total, translated;
};
struct pack_coverage pack_l10n_coverage(struct pack *p, const struct l10n *t);

/* A duty area as the pack's language names it (p->areas keep the English,
 * which is the key the JSON, the charts and year-over-year use). */
const char *pack_area(const struct pack *p, const char *area);
/* The area (p->areas[i]) that shown names in English or in any shipped
 * language; shown itself when none (a baseline written in French). */
const char *pack_area_key(const struct pack *p, const char *shown);
/* Put t's translations in place of p's texts (option labels keep their
 * English in label_en); p->lang and p->l10n name t, which must outlive p. */
void pack_translate(struct pack *p, const struct l10n *t);

#endif
