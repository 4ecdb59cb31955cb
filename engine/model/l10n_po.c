/* Writing a translation template (diligo i18n extract) and checking a PO
 * file against the texts it translates (diligo plugin check), both with
 * libgettextpo (l10n.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "l10n_int.h"


/* ---- writing a POT ---------------------------------------------------- */

struct l10n_pot {
	po_file_t file;
	po_message_iterator_t it;
	struct l10n *seen; /* ctx + msgid -> the message, to merge positions */
	po_message_t *msgs;
	size_t n, cap;
};

struct l10n_pot *l10n_pot_new(const char *project)
{
	struct l10n_pot *p = xcalloc(1, sizeof *p);
	po_message_t h = po_message_create();
	char header[512];

	p->file = po_file_create();
	p->it = po_message_iterator(p->file, NULL);
	p->seen = l10n_new("");
	snprintf(header, sizeof header,
		 "Project-Id-Version: %s\n"
		 "Language: \n"
		 "MIME-Version: 1.0\n"
		 "Content-Type: text/plain; charset=UTF-8\n"
		 "Content-Transfer-Encoding: 8bit\n"
		 "X-Review-Status: \n",
		 project);
	po_message_set_msgid(h, "");
	po_message_set_msgstr(h, header);
	po_message_insert(p->it, h);
	return p;
}

void l10n_pot_add(struct l10n_pot *p, const char *ctx, const char *msgid, const char *file,
		  int line, const char *comment, const char *format)
{
	const char *idx = l10n_get(p->seen, ctx, msgid);
	po_message_t m;
	char num[32];

	if (idx) {
		m = p->msgs[strtoul(idx, NULL, 10)];
	} else {
		m = po_message_create();
		po_message_set_msgctxt(m, ctx);
		po_message_set_msgid(m, msgid);
		po_message_set_msgstr(m, "");
		if (comment)
			po_message_set_extracted_comments(m, comment);
		if (format)
			po_message_set_format(m, format, 1);
		po_message_insert(p->it, m);
		GROW(p->msgs, p->n + 1, p->cap);
		p->msgs[p->n] = m;
		snprintf(num, sizeof num, "%zu", p->n++);
		l10n_add(p->seen, ctx, msgid, num);
	}
	if (file)
		po_message_add_filepos(m, file, line > 0 ? (size_t)line : (size_t)-1);
}

int l10n_pot_count(const struct l10n_pot *p)
{
	return (int)p->n;
}

static int pot_write(struct l10n_pot *p, const char *path, struct err *e);

int l10n_pot_write(struct l10n_pot *p, const char *path, struct err *e)
{
	int rc;

	pthread_mutex_lock(&l10n_po_lock);
	rc = pot_write(p, path, e);
	pthread_mutex_unlock(&l10n_po_lock);
	return rc;
}

static int pot_write(struct l10n_pot *p, const char *path, struct err *e)
{
	l10n_rd.e = e;
	l10n_rd.path = path;
	l10n_rd.errors = 0;
	if (setjmp(l10n_rd.fatal))
		return ERR_IO;
	po_message_iterator_free(p->it);
	p->it = NULL;
	if (!po_file_write(p->file, path, &l10n_handler) || l10n_rd.errors) {
		if (!l10n_rd.errors)
			err_at(e, ERR_IO, path, 0, 0, "cannot write the file");
		e->code = ERR_IO;
		return ERR_IO;
	}
	return 0;
}

void l10n_pot_free(struct l10n_pot *p)
{
	if (!p)
		return;
	if (p->it)
		po_message_iterator_free(p->it);
	po_file_free(p->file);
	l10n_free(p->seen);
	free(p->msgs);
	free(p);
}

/* ---- checking a PO file ------------------------------------------------ */

void l10n_known_add(struct l10n *known, const char *ctx, const char *english)
{
	if (l10n_get(known, ctx, english))
		return; /* a section heading, met again */
	l10n_add(known, ctx, english, "1"); /* the text */
	l10n_add(known, ctx, "", "1");      /* its context, whatever the English */
	known->nknown++;
}

/* The line of `msgctxt "ctx"` in the PO text (0 when not found). */
static int line_of(const char *text, const char *ctx)
{
	char needle[600];
	const char *hit;
	int line = 1;

	snprintf(needle, sizeof needle, "msgctxt \"%s\"", ctx);
	if (!text || !(hit = strstr(text, needle)))
		return 0;
	for (const char *s = text; s < hit; s++)
		line += *s == '\n';
	return line;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0, got;

	if (!f)
		return NULL;
	do {
		GROW(buf, n + 65536 + 1, cap);
		got = fread(buf + n, 1, 65536, f);
		n += got;
	} while (got == 65536);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

static struct {
	l10n_problem_cb cb;
	void *ud;
	struct l10n_stats *st;
} ck;

static void on_check(int severity, po_message_t m, const char *file, size_t line, size_t col,
		     int multiline, const char *text)
{
	char msg[512];
	size_t k;

	(void)m, (void)col, (void)multiline;
	if (severity == PO_SEVERITY_FATAL_ERROR)
		longjmp(l10n_rd.fatal, 1);
	snprintf(msg, sizeof msg, "%s", text ? text : "");
	k = strlen(msg);
	while (k && msg[k - 1] == '\n')
		msg[--k] = '\0';
	ck.st->problems++;
	ck.cb(ck.ud, file ? file : l10n_rd.path, line == (size_t)-1 ? 0 : (int)line, msg);
}

static void on_check2(int severity, po_message_t m1, const char *f1, size_t l1, size_t c1,
		      int ml1, const char *t1, po_message_t m2, const char *f2, size_t l2,
		      size_t c2, int ml2, const char *t2)
{
	(void)m2, (void)f2, (void)l2, (void)c2, (void)ml2, (void)t2;
	on_check(severity, m1, f1, l1, c1, ml1, t1);
}

static const struct po_xerror_handler check_handler = { on_check, on_check2 };

/* A text filled in with values: a rule's detail template, or a printf
 * format of the reports (whatever flags the PO file kept). Elsewhere a
 * '%' is plain text ("90% of the volume"). */
static bool is_template(po_message_t m, const char *ctx)
{
	return po_message_is_format(m, "lua-format") || po_message_is_format(m, "c-format") ||
	       strstr(ctx, L10N_SEP "detail.") || !strncmp(ctx, "report" L10N_SEP "FMT_", 11) ||
	       (!strncmp(ctx, "report" L10N_SEP, 7) && strstr(ctx, "_FMT_"));
}

/* Whether another option of the question of ctx ("option|Q|V") has the
 * label str already (letter case aside); remembers it in seen. */
static bool same_label(struct l10n *seen, const char *ctx, const char *str)
{
	const char *end = strrchr(ctx, L10N_SEP[0]);
	char key[600], low[600];
	size_t k = 0;

	for (const char *s = str; *s && k + 1 < sizeof low; s++)
		low[k++] = (char)((*s >= 'A' && *s <= 'Z') ? *s - 'A' + 'a' : *s);
	low[k] = '\0';
	snprintf(key, sizeof key, "%.*s", (int)(end - ctx), ctx);
	if (l10n_get(seen, key, low))
		return true;
	l10n_add(seen, key, low, "1");
	return false;
}

static void problem(const char *path, const char *text, const char *ctx, const char *fmt,
		    const char *arg)
{
	char msg[700];

	snprintf(msg, sizeof msg, fmt, arg);
	ck.st->problems++;
	ck.cb(ck.ud, path, line_of(text, ctx), msg);
}

static int check_po(const char *path, const struct l10n *known, l10n_problem_cb cb, void *ud,
		    struct l10n_stats *st, struct err *e);

int l10n_check_po(const char *path, const struct l10n *known, l10n_problem_cb cb, void *ud,
		  struct l10n_stats *st, struct err *e)
{
	int rc;

	pthread_mutex_lock(&l10n_po_lock);
	rc = check_po(path, known, cb, ud, st, e);
	pthread_mutex_unlock(&l10n_po_lock);
	return rc;
}

static int check_po(const char *path, const struct l10n *known, l10n_problem_cb cb, void *ud,
		    struct l10n_stats *st, struct err *e)
{
	po_file_t volatile f;
	po_message_iterator_t it;
	po_message_t m;
	char *volatile text = NULL;
	struct l10n *volatile labels = NULL;
	bool exists;

	memset(st, 0, sizeof *st);
	st->review = st->review_buf;
	st->texts = known->nknown;
	f = l10n_po_read(path, &exists, e);
	st->exists = exists;
	if (!f)
		return exists ? ERR_PACK : 0;
	ck.cb = cb;
	ck.ud = ud;
	ck.st = st;
	if (setjmp(l10n_rd.fatal)) { /* a fatal error in a format check */
		free(text);
		l10n_free(labels);
		return ERR_PACK;
	}
	text = slurp(path);
	l10n_po_review(f, st->review_buf, sizeof st->review_buf);
	labels = l10n_new("");
	it = po_message_iterator(f, NULL);
	while ((m = po_next_message(it))) {
		const char *ctx = po_message_msgctxt(m), *id = po_message_msgid(m);
		const char *str = po_message_msgstr(m), *english;

		if (po_message_is_obsolete(m) || (!ctx && !*id))
			continue; /* the header */
		english = ctx ? l10n_get(known, ctx, id) : NULL;
		if (!ctx || !l10n_get(known, ctx, "")) {
			problem(path, text, ctx ? ctx : "", "unknown context '%s': no text of the file "
				"has it", ctx ? ctx : "(none)");
			continue;
		}
		if (!english) {
			problem(path, text, ctx, "the English of '%s' changed since it was translated "
				"(run msgmerge with the new template)", ctx);
			continue;
		}
		if (po_message_is_fuzzy(m)) {
			st->fuzzy++;
			continue;
		}
		if (!str || !*str)
			continue;
		if (is_template(m, ctx) && !l10n_same_conversions(id, str)) {
			problem(path, text, ctx, "the translation of '%s' has other %%-conversions "
				"than the English (keep them, in the same order)", ctx);
			continue;
		}
		if (!strncmp(ctx, "option" L10N_SEP, 7) && strpbrk(str, ";\n")) {
			problem(path, text, ctx, "the option label of '%s' holds ';' or a line break, "
				"which a workbook cannot read back", ctx);
			continue;
		}
		if (!strncmp(ctx, "option" L10N_SEP, 7) && same_label(labels, ctx, str)) {
			problem(path, text, ctx, "the option label of '%s' is the label of another option "
				"of the same question: a workbook cannot tell them apart", ctx);
			continue;
		}
		po_message_check_format(m, &check_handler);
		st->translated++;
	}
	po_message_iterator_free(it);
	po_file_free(f);
	l10n_free(labels);
	free(text);
	return 0;
}

