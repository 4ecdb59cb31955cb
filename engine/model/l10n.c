/* Reading translations: libgettextpo parses each PO file (we never parse
 * PO ourselves), and the translated, non-fuzzy entries that carry a context
 * go into one sorted table per language. */
#include <gettext-po.h>
#include <math.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "arena.h"
#include "bounds.h"
#include "l10n.h"

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

/* libgettextpo reports through a handler that must not return on a fatal
 * error: the first error is kept, and a fatal one jumps back. The library
 * is not thread-safe and the handler's state is global, while the batch
 * runner's workers each load their packs: every use of the library holds
 * po_lock. */
static pthread_mutex_t po_lock = PTHREAD_MUTEX_INITIALIZER;

static struct {
	struct err *e;
	const char *path;
	int errors;
	jmp_buf fatal;
} rd;

static void on_xerror(int severity, po_message_t m, const char *file, size_t line, size_t col,
		      int multiline, const char *text)
{
	(void)m, (void)multiline;
	if (severity == PO_SEVERITY_WARNING)
		return;
	if (!rd.errors++) {
		char msg[512];
		size_t k;

		snprintf(msg, sizeof msg, "%s", text ? text : "cannot read the file");
		k = strlen(msg);
		while (k && msg[k - 1] == '\n')
			msg[--k] = '\0';
		if (file && line != (size_t)-1)
			err_at(rd.e, ERR_PACK, file, (int)line, col == (size_t)-1 ? 0 : (int)col + 1,
			       "%s", msg);
		else
			err_at(rd.e, ERR_PACK, rd.path, 0, 0, "%s", msg);
	}
	if (severity == PO_SEVERITY_FATAL_ERROR)
		longjmp(rd.fatal, 1);
}

static void on_xerror2(int severity, po_message_t m1, const char *f1, size_t l1, size_t c1,
		       int ml1, const char *t1, po_message_t m2, const char *f2, size_t l2,
		       size_t c2, int ml2, const char *t2)
{
	(void)m2, (void)f2, (void)l2, (void)c2, (void)ml2, (void)t2;
	on_xerror(severity, m1, f1, l1, c1, ml1, t1);
}

static const struct po_xerror_handler handler = { on_xerror, on_xerror2 };

/* An entry's key: its context, EOT and its English text, as gettext's
 * own catalogues key them; a changed English text finds no translation. */
static void add(struct l10n *t, const char *ctx, const char *id, const char *str)
{
	GROW(t->e, t->n + 1, t->cap);
	t->e[t->n].ctx = arena_printf(t->arena, "%s\x04%s", ctx, id);
	t->e[t->n].str = arena_strdup(t->arena, str);
	t->n++;
	t->sorted = false;
}

static int add_po(struct l10n *t, const char *path, struct err *e);

int l10n_add_po(struct l10n *t, const char *path, struct err *e)
{
	int rc;

	pthread_mutex_lock(&po_lock);
	rc = add_po(t, path, e);
	pthread_mutex_unlock(&po_lock);
	return rc;
}

static int add_po(struct l10n *t, const char *path, struct err *e)
{
	struct stat st;
	po_file_t volatile f = NULL;
	struct l10n_domain d = { 0 };
	po_message_iterator_t it;
	po_message_t m;
	const char *header;

	if (stat(path, &st) != 0)
		return 0;
	if (st.st_size > DILIGO_MAX_PO_BYTES)
		return err_at(e, ERR_PACK, path, 0, 0, "translation file larger than %d MiB",
			      DILIGO_MAX_PO_BYTES >> 20);
	rd.e = e;
	rd.path = path;
	rd.errors = 0;
	if (setjmp(rd.fatal))
		return ERR_PACK;
	f = po_file_read(path, &handler);
	if (!f || rd.errors) {
		if (f)
			po_file_free(f);
		if (!rd.errors)
			err_at(e, ERR_PACK, path, 0, 0, "cannot read the translation file");
		return ERR_PACK;
	}
	d.path = arena_strdup(t->arena, path);
	d.review = "";
	header = po_file_domain_header(f, NULL);
	if (header) {
		char *review = po_header_field(header, "X-Review-Status");

		if (review) {
			d.review = arena_strdup(t->arena, review);
			free(review);
		}
	}
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
		add(t, ctx, po_message_msgid(m), str);
	}
	po_message_iterator_free(it);
	po_file_free(f);
	GROW(t->dom, t->ndom + 1, t->capdom);
	t->dom[t->ndom++] = d;
	return 0;
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

/* ---- formatting ----------------------------------------------------- */

int l10n_format(char *out, size_t n, const char *tmpl, const struct l10n_arg *args, int nargs,
		const char **why)
{
	size_t len = 0;
	int used = 0;

	if (n)
		out[0] = '\0';
	for (const char *s = tmpl; *s; s++) {
		char spec[32], piece[512];
		size_t k = 0;
		int w;

		if (*s != '%') {
			if (len + 1 < n) {
				out[len++] = *s;
				out[len] = '\0';
			}
			continue;
		}
		if (s[1] == '%') {
			if (len + 1 < n) {
				out[len++] = '%';
				out[len] = '\0';
			}
			s++;
			continue;
		}
		spec[k++] = *s++;
		while (*s && strchr("-+ #0123456789.", *s) && k < sizeof spec - 3)
			spec[k++] = *s++;
		if (!*s || !strchr("digfeEs", *s)) {
			*why = "a conversion other than %d, %i, %g, %f, %e or %s";
			return -1;
		}
		if (used >= nargs) {
			*why = "more conversions than the rule gives values";
			return -1;
		}
		const struct l10n_arg *a = &args[used++];

		if (*s == 's') {
			spec[k++] = 's';
			spec[k] = '\0';
			w = snprintf(piece, sizeof piece, spec,
				     a->is_num ? "" : (a->str ? a->str : ""));
			if (a->is_num) {
				char num[64];

				snprintf(num, sizeof num, "%.14g", a->num);
				w = snprintf(piece, sizeof piece, spec, num);
			}
		} else if (*s == 'd' || *s == 'i') {
			if (!a->is_num || a->num != floor(a->num) || fabs(a->num) > 9e15) {
				*why = "%d given a value that is not a whole number";
				return -1;
			}
			spec[k++] = 'l';
			spec[k++] = 'l';
			spec[k++] = 'd';
			spec[k] = '\0';
			w = snprintf(piece, sizeof piece, spec, (long long)a->num);
		} else {
			if (!a->is_num) {
				*why = "a number conversion given a text";
				return -1;
			}
			spec[k++] = *s;
			spec[k] = '\0';
			w = snprintf(piece, sizeof piece, spec, a->num);
		}
		for (int i = 0; w > 0 && piece[i] && len + 1 < n; i++) {
			out[len++] = piece[i];
			out[len] = '\0';
		}
	}
	return used;
}

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
		add(p->seen, ctx, msgid, num);
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

	pthread_mutex_lock(&po_lock);
	rc = pot_write(p, path, e);
	pthread_mutex_unlock(&po_lock);
	return rc;
}

static int pot_write(struct l10n_pot *p, const char *path, struct err *e)
{
	rd.e = e;
	rd.path = path;
	rd.errors = 0;
	if (setjmp(rd.fatal))
		return ERR_IO;
	po_message_iterator_free(p->it);
	p->it = NULL;
	if (!po_file_write(p->file, path, &handler) || rd.errors) {
		if (!rd.errors)
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
	add(known, ctx, english, "1"); /* the text */
	add(known, ctx, "", "1");      /* its context, whatever the English */
	known->nknown++;
}

/* The conversions of s, "%d%s", into out. */
static void conversions(const char *s, char *out, size_t n)
{
	size_t k = 0;

	for (; *s && k + 3 < n; s++) {
		if (*s != '%')
			continue;
		if (s[1] == '%') {
			s++;
			continue;
		}
		s++;
		while (*s && strchr("-+ #0123456789.", *s))
			s++;
		if (!*s)
			break;
		out[k++] = '%';
		out[k++] = *s;
	}
	out[k] = '\0';
}

bool l10n_same_conversions(const char *a, const char *b)
{
	char ca[256], cb[256];

	conversions(a, ca, sizeof ca);
	conversions(b, cb, sizeof cb);
	return !strcmp(ca, cb);
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
		longjmp(rd.fatal, 1);
	snprintf(msg, sizeof msg, "%s", text ? text : "");
	k = strlen(msg);
	while (k && msg[k - 1] == '\n')
		msg[--k] = '\0';
	ck.st->problems++;
	ck.cb(ck.ud, file ? file : rd.path, line == (size_t)-1 ? 0 : (int)line, msg);
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
	add(seen, key, low, "1");
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

	pthread_mutex_lock(&po_lock);
	rc = check_po(path, known, cb, ud, st, e);
	pthread_mutex_unlock(&po_lock);
	return rc;
}

static int check_po(const char *path, const struct l10n *known, l10n_problem_cb cb, void *ud,
		    struct l10n_stats *st, struct err *e)
{
	po_file_t volatile f = NULL;
	po_message_iterator_t it;
	po_message_t m;
	char *volatile text = NULL;
	struct l10n *volatile labels = NULL;
	const char *header;
	struct stat sb;

	memset(st, 0, sizeof *st);
	st->review = st->review_buf;
	st->texts = known->nknown;
	if (stat(path, &sb) != 0)
		return 0;
	st->exists = true;
	if (sb.st_size > DILIGO_MAX_PO_BYTES)
		return err_at(e, ERR_PACK, path, 0, 0, "translation file larger than %d MiB",
			      DILIGO_MAX_PO_BYTES >> 20);
	ck.cb = cb;
	ck.ud = ud;
	ck.st = st;
	rd.e = e;
	rd.path = path;
	rd.errors = 0;
	if (setjmp(rd.fatal)) {
		free(text);
		l10n_free(labels);
		return ERR_PACK;
	}
	f = po_file_read(path, &handler);
	if (!f || rd.errors) {
		if (f)
			po_file_free(f);
		return ERR_PACK;
	}
	text = slurp(path);
	header = po_file_domain_header(f, NULL);
	if (header) {
		char *review = po_header_field(header, "X-Review-Status");

		if (review) {
			snprintf(st->review_buf, sizeof st->review_buf, "%s", review);
			free(review);
		}
	}
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

const char *l10n_text(const struct l10n *t, const char *id, const char *english)
{
	const char *s = l10n_get3(t, "report", id, NULL, english);

	return s && l10n_same_conversions(s, english) ? s : english;
}
