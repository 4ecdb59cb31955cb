/* l10n: translations of packs and reports, read from gettext PO files with
 * libgettextpo (docs/translating.md).
 *
 * Every translatable text has a message context naming what it is and
 * whose it is, "question|labour.forced.debt_bondage|text", so that a
 * translation can only ever attach to the text it was made for. A Lua file
 * DIR/NAME.lua keeps its translations in DIR/po/NAME/LANG.po (and the
 * template in DIR/po/NAME/NAME.pot); the reports' own texts are the domain
 * "diligo" in po/diligo/ of the data directory. A fuzzy, obsolete or empty
 * entry is not a translation: its text stays English. */
#ifndef DILIGO_L10N_H
#define DILIGO_L10N_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"

/* The languages the bundled packs are translated into, besides English. */
#define L10N_LANGS "fr, es, pt"
enum { L10N_NLANGS = 3 };
extern const char *const l10n_langs[L10N_NLANGS];
/* Whether lang is "en" or one of l10n_langs. */
bool l10n_known(const char *lang);
/* The language's name in English and in itself: "French (français)". */
const char *l10n_name(const char *lang);

/* Context separator and the kinds of context. */
#define L10N_SEP "|"

/* One PO file read into a catalogue, for coverage and the Method sheet. */
struct l10n_domain {
	const char *path;   /* the PO file */
	const char *review; /* its X-Review-Status header, or "" */
	int entries;        /* messages with a context */
	int translated;     /* of them: translated and not fuzzy */
	int fuzzy;
};

struct l10n;

struct l10n *l10n_new(const char *lang);
void l10n_free(struct l10n *t);
const char *l10n_lang(const struct l10n *t);
/* Read one PO file into t. A file that does not exist adds nothing and is
 * no error (the texts stay English). A file that cannot be read or parsed
 * fills e (file:line:col: message) and returns ERR_PACK. */
int l10n_add_po(struct l10n *t, const char *path, struct err *e);
/* The translation of the English text with context ctx, or NULL (t may be
 * NULL: English). */
const char *l10n_get(const struct l10n *t, const char *ctx, const char *english);
/* The same for a context built from parts: "kind|id|field" ("kind|id"
 * when field is NULL). */
const char *l10n_get3(const struct l10n *t, const char *kind, const char *id,
		      const char *field, const char *english);
int l10n_ndomains(const struct l10n *t);
const struct l10n_domain *l10n_domain(const struct l10n *t, int i);

/* DIR/po/NAME/LANG.po for the Lua file DIR/NAME.lua (lang NULL: the POT,
 * DIR/po/NAME/NAME.pot) into out; false when it does not fit. */
bool l10n_po_path(const char *luafile, const char *lang, char *out, size_t n);

/* Format tmpl the way Lua's string.format does for the conversions a
 * translated template may use (%d %i %g %f %e %s %% with flags, width and
 * precision), taking args in order; "%2$s" is not supported. Returns the
 * number of conversions used, or -1 with *why set when tmpl uses another
 * conversion or more arguments than given. */
struct l10n_arg {
	bool is_num;
	double num;
	const char *str;
};
int l10n_format(char *out, size_t n, const char *tmpl, const struct l10n_arg *args,
		int nargs, const char **why);


/* Writing a POT (diligo i18n extract), with libgettextpo: entries in the
 * order added, one per context and English text. */
struct l10n_pot;
struct l10n_pot *l10n_pot_new(const char *project);
/* file and line: where the text is declared ("plugins/labour.lua", 67;
 * line 0: the file alone); comment: for translators (#.); format:
 * "lua-format", "c-format" or NULL. A second entry with the same context
 * and text only adds its position. */
void l10n_pot_add(struct l10n_pot *p, const char *ctx, const char *msgid, const char *file,
		  int line, const char *comment, const char *format);
int l10n_pot_count(const struct l10n_pot *p);
/* Write it to path (opened by name); ERR_IO with e filled on failure. */
int l10n_pot_write(struct l10n_pot *p, const char *path, struct err *e);
void l10n_pot_free(struct l10n_pot *p);

/* Checking a PO file against the texts it translates (diligo plugin
 * check): known holds every text of the Lua file, added with
 * l10n_known_add. Each problem goes to cb with the PO file's line: an entry
 * whose context no text has, an entry whose English changed since it was
 * translated, a translation whose %-conversions differ from the English
 * (the same conversions in the same order), an option label with the list
 * separator. libgettextpo's own checks (lua-format, c-format) run too. */
struct l10n_stats {
	int texts;      /* texts of the Lua file */
	int translated; /* of them: translated, not fuzzy, English unchanged */
	int fuzzy, problems;
	const char *review; /* X-Review-Status, or "" (in stats' own storage) */
	char review_buf[200];
	bool exists;    /* the PO file is there */
};
typedef void (*l10n_problem_cb)(void *ud, const char *file, int line, const char *msg);
void l10n_known_add(struct l10n *known, const char *ctx, const char *english);
int l10n_check_po(const char *path, const struct l10n *known, l10n_problem_cb cb, void *ud,
		  struct l10n_stats *st, struct err *e);
/* Whether two texts hold the same %-conversions in the same order. */
bool l10n_same_conversions(const char *a, const char *b);

/* The texts the engine itself writes into findings, below the reports
 * (report_text.def lists them as FMT_INFO_ONE ... so that they are
 * translated with the reports' texts, which a pack's translations hold). */
#define L10N_INFO_ONE \
	"Information needed: %s is unknown or not answered, and the answer could show this finding: ask for it."
#define L10N_INFO_MANY \
	"Information needed: %s are unknown or not answered, and the answer could show this finding: ask for it."
#define L10N_ASSUMED_ONE "Assumed: %s is unknown or not answered, and the risk cannot be ruled out."
#define L10N_ASSUMED_MANY "Assumed: %s are unknown or not answered, and the risk cannot be ruled out."
/* The translation of the reports' text id (context report|ID) when it has
 * the same %-conversions as english, else english: a format string from a
 * PO file never reaches printf with other conversions than its English. */
const char *l10n_text(const struct l10n *t, const char *id, const char *english);

#endif
