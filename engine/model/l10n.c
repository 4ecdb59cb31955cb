/* Reading translations: libgettextpo parses each PO file (we never parse
 * PO ourselves), and the translated, non-fuzzy entries that carry a context
 * go into one sorted table per language. Writing a POT and checking a PO
 * file are l10n_po.c; filling in a template, l10n_format.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "arena.h"
#include "bounds.h"
#include "l10n_int.h"

const char *const l10n_langs[L10N_NLANGS] = { "fr", "es", "pt" };

bool l10n_known(const char *lang)
{
	if (!strcmp(lang, "en"))
		return true;
	for (int i = 0; i < L10N_NLANGS; i++)
		if (!strcmp(lang, l10n_langs[i]))
			return true;
	return false;
}

const char *l10n_name(const char *lang)
{
	static const char *const names[][2] = {
		{ "en", "English" },
		{ "fr", "French (fran\xc3\xa7" "ais)" },
		{ "es", "Spanish (espa\xc3\xb1ol)" },
		{ "pt", "Portuguese (portugu\xc3\xaas)" },
	};

	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (!strcmp(lang, names[i][0]))
			return names[i][1];
	return lang;
}


struct l10n *l10n_new(const char *lang)
{
	struct l10n *t = xcalloc(1, sizeof *t);

	t->arena = arena_new();
	t->lang = arena_strdup(t->arena, lang);
	t->sorted = true;
	return t;
}

void l10n_free(struct l10n *t)
{
	if (!t)
		return;
	free(t->e);
	free(t->dom);
	arena_free(t->arena);
	free(t);
}

const char *l10n_lang(const struct l10n *t)
{
	return t->lang;
}

pthread_mutex_t l10n_po_lock = PTHREAD_MUTEX_INITIALIZER;
struct l10n_reader l10n_rd;

static void on_xerror(int severity, po_message_t m, const char *file, size_t line, size_t col,
		      int multiline, const char *text)
{
	(void)m, (void)multiline;
	if (severity == PO_SEVERITY_WARNING)
		return;
	if (!l10n_rd.errors++) {
		char msg[512];
		size_t k;

		snprintf(msg, sizeof msg, "%s", text ? text : "cannot read the file");
		k = strlen(msg);
		while (k && msg[k - 1] == '\n')
			msg[--k] = '\0';
		if (file && line != (size_t)-1)
			err_at(l10n_rd.e, ERR_PACK, file, (int)line, col == (size_t)-1 ? 0 : (int)col + 1,
			       "%s", msg);
		else
			err_at(l10n_rd.e, ERR_PACK, l10n_rd.path, 0, 0, "%s", msg);
	}
	if (severity == PO_SEVERITY_FATAL_ERROR)
		longjmp(l10n_rd.fatal, 1);
}

static void on_xerror2(int severity, po_message_t m1, const char *f1, size_t l1, size_t c1,
		       int ml1, const char *t1, po_message_t m2, const char *f2, size_t l2,
		       size_t c2, int ml2, const char *t2)
{
	(void)m2, (void)f2, (void)l2, (void)c2, (void)ml2, (void)t2;
	on_xerror(severity, m1, f1, l1, c1, ml1, t1);
}

const struct po_xerror_handler l10n_handler = { on_xerror, on_xerror2 };

/* An entry's key: its context, EOT and its English text, as gettext's
 * own catalogues key them; a changed English text finds no translation. */
void l10n_add(struct l10n *t, const char *ctx, const char *id, const char *str)
{
	GROW(t->e, t->n + 1, t->cap);
	t->e[t->n].ctx = arena_printf(t->arena, "%s\x04%s", ctx, id);
	t->e[t->n].str = arena_strdup(t->arena, str);
	t->n++;
	t->sorted = false;
}

po_file_t l10n_po_read(const char *path, bool *exists, struct err *e)
{
	struct stat st;
	po_file_t volatile f = NULL;

	*exists = stat(path, &st) == 0;
	if (!*exists)
		return NULL;
	if (st.st_size > DILIGO_MAX_PO_BYTES) {
		err_at(e, ERR_PACK, path, 0, 0, "translation file larger than %d MiB",
		       DILIGO_MAX_PO_BYTES >> 20);
		return NULL;
	}
	l10n_rd.e = e;
	l10n_rd.path = path;
	l10n_rd.errors = 0;
	if (setjmp(l10n_rd.fatal))
		return NULL;
	f = po_file_read(path, &l10n_handler);
	if (f && l10n_rd.errors) {
		po_file_free(f);
		f = NULL;
	}
	if (!f && !l10n_rd.errors)
		err_at(e, ERR_PACK, path, 0, 0, "cannot read the translation file");
	return f;
}

void l10n_po_review(po_file_t f, char *out, size_t n)
{
	const char *header = po_file_domain_header(f, NULL);
	char *review = header ? po_header_field(header, "X-Review-Status") : NULL;

	snprintf(out, n, "%s", review ? review : "");
	free(review);
}

static int add_po(struct l10n *t, const char *path, struct err *e)
{
	struct l10n_domain d = { 0 };
	po_message_iterator_t it;
	po_message_t m;
	char review[200];
	bool exists;
	po_file_t f = l10n_po_read(path, &exists, e);

	if (!f)
		return exists ? ERR_PACK : 0;
	d.path = arena_strdup(t->arena, path);
	l10n_po_review(f, review, sizeof review);
	d.review = arena_strdup(t->arena, review);
	it = po_message_iterator(f, NULL);
	while ((m = po_next_message(it))) {
		const char *ctx = po_message_msgctxt(m), *str = po_message_msgstr(m);

		if (!ctx || po_message_is_obsolete(m))
			continue;
		d.entries++;
		if (po_message_is_fuzzy(m)) {
			d.fuzzy++;
			continue;
		}
		if (!str || !*str)
			continue;
		d.translated++;
		l10n_add(t, ctx, po_message_msgid(m), str);
	}
	po_message_iterator_free(it);
	po_file_free(f);
	GROW(t->dom, t->ndom + 1, t->capdom);
	t->dom[t->ndom++] = d;
	return 0;
}

int l10n_add_po(struct l10n *t, const char *path, struct err *e)
{
	int rc;

	pthread_mutex_lock(&l10n_po_lock);
	rc = add_po(t, path, e);
	pthread_mutex_unlock(&l10n_po_lock);
	return rc;
}

static int cmp_entry(const void *x, const void *y)
{
	return strcmp(((const struct entry *)x)->ctx, ((const struct entry *)y)->ctx);
}

const char *l10n_get(const struct l10n *t, const char *ctx, const char *english)
{
	struct entry key = { NULL, NULL }, *hit;
	char buf[8192];

	if (!t || !t->n || !english)
		return NULL;
	if ((size_t)snprintf(buf, sizeof buf, "%s\x04%s", ctx, english) >= sizeof buf)
		return NULL; /* longer than any text a pack may have */
	key.ctx = buf;
	if (!t->sorted) {
		struct l10n *w = (struct l10n *)t; /* sorting is not a change */

		qsort(w->e, w->n, sizeof *w->e, cmp_entry);
		w->sorted = true;
	}
	hit = bsearch(&key, t->e, t->n, sizeof *t->e, cmp_entry);
	return hit ? hit->str : NULL;
}

const char *l10n_get3(const struct l10n *t, const char *kind, const char *id, const char *field,
		      const char *english)
{
	char ctx[512];

	if (!t)
		return NULL;
	if (field)
		snprintf(ctx, sizeof ctx, "%s" L10N_SEP "%s" L10N_SEP "%s", kind, id, field);
	else
		snprintf(ctx, sizeof ctx, "%s" L10N_SEP "%s", kind, id);
	return l10n_get(t, ctx, english);
}

int l10n_ndomains(const struct l10n *t)
{
	return t ? (int)t->ndom : 0;
}

const struct l10n_domain *l10n_domain(const struct l10n *t, int i)
{
	return &t->dom[i];
}

bool l10n_po_path(const char *luafile, const char *lang, char *out, size_t n)
{
	const char *slash = strrchr(luafile, '/'), *base = slash ? slash + 1 : luafile;
	size_t dirlen = slash ? (size_t)(slash - luafile) : 1, stemlen = strlen(base);
	int k;

	if (stemlen > 4 && !strcmp(base + stemlen - 4, ".lua"))
		stemlen -= 4;
	if (!slash)
		dirlen = 0;
	k = snprintf(out, n, "%.*s%spo/%.*s/", (int)dirlen, luafile, slash ? "/" : "", (int)stemlen,
		     base);
	if (k > 0 && (size_t)k < n) {
		if (lang)
			k += snprintf(out + k, n - (size_t)k, "%s.po", lang);
		else
			k += snprintf(out + k, n - (size_t)k, "%.*s.pot", (int)stemlen, base);
	}
	return k > 0 && (size_t)k < n;
}

const char *l10n_text(const struct l10n *t, const char *id, const char *english)
{
	const char *s = l10n_get3(t, "report", id, NULL, english);

	return s && l10n_same_conversions(s, english) ? s : english;
}
