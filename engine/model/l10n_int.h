/* l10n_int: what the translation files (l10n.c, l10n_po.c) share: the
 * catalogue's layout and the one reader of PO files. */
#ifndef DILIGO_L10N_INT_H
#define DILIGO_L10N_INT_H

#include <gettext-po.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>

#include "l10n.h"

struct entry {
	const char *ctx, *str;
};

struct l10n {
	struct arena *arena;
	const char *lang;
	struct entry *e;
	size_t n, cap;
	bool sorted;
	struct l10n_domain *dom;
	size_t ndom, capdom;
	int nknown; /* l10n_known_add: texts added */
};

/* libgettextpo reports through a handler that must not return on a fatal
 * error: the first error is kept in l10n_rd, and a fatal one jumps back to
 * l10n_rd.fatal. The library is not thread-safe and the handler's state is
 * global, while the batch runner's workers each load their packs: every
 * use of the library holds l10n_po_lock. */
extern pthread_mutex_t l10n_po_lock;
struct l10n_reader {
	struct err *e;
	const char *path;
	int errors;
	jmp_buf fatal;
};
extern struct l10n_reader l10n_rd;
extern const struct po_xerror_handler l10n_handler; /* reports into l10n_rd */

/* The PO file at path, read (l10n_po_lock held). NULL with *exists false
 * when there is no such file; NULL with e filled (file:line:col) when it is
 * larger than DILIGO_MAX_PO_BYTES or not a PO file. */
po_file_t l10n_po_read(const char *path, bool *exists, struct err *e);
/* Its X-Review-Status header into out ("" when none). */
void l10n_po_review(po_file_t f, char *out, size_t n);
/* Add the translation str of (ctx, id) to t. */
void l10n_add(struct l10n *t, const char *ctx, const char *id, const char *str);

#endif
