/* diligo i18n extract: the translation template (POT) of a Lua file of a
 * pack, or of the reports' own texts, for translators and their tools
 * (msgmerge, Poedit, Weblate). docs/translating.md describes the contexts
 * and the workflow. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "cmd.h"
#include "l10n.h"
#include "l10n_pack.h"
#include "lhost.h"
#include "outfile.h"
#include "report_text.h"

enum { OPT_REPORTS = 1500, OPT_UPDATE };

const struct cli_opt i18n_options[] = {
	{ .name = "output", .letter = 'o', .arg = "FILE", .code = 'o',
	  .help = "where the template goes (default: standard output)" },
	{ .name = "reports", .code = OPT_REPORTS,
	  .help = "the reports' own texts (headings, labels), not a Lua file's" },
	{ .name = "update", .code = OPT_UPDATE,
	  .help = "write each file's template where its translations are kept\n"
		  "(DIR/po/NAME/NAME.pot; for --reports, plugins/po/diligo/diligo.pot)" },
	CLI_OPT_PLUGIN_PATH,
	{ .name = NULL },
};

/* "plugins/labour.lua" for ".../plugins/labour.lua": the position a POT
 * names is the same on every machine. */
static const char *shown(const char *path)
{
	const char *last = strrchr(path, '/'), *prev = last;

	if (!last)
		return path;
	while (prev > path && prev[-1] != '/')
		prev--;
	return prev > path ? prev : path;
}

struct extract {
	struct lhost *h;
	struct l10n_pot *pot; /* extracting: the template */
	struct l10n *known;   /* checking: the file's texts by context */
	const char *file;     /* the Lua file asked for */
};

/* Whether a file the pack names (as messages show it) is the file asked for. */
static bool same_file(struct lhost *h, const char *named, const char *asked)
{
	char ra[PATH_MAX], rb[PATH_MAX];
	const char *full = named ? lhost_full_path(h, named) : NULL;

	return full && realpath(full, ra) && realpath(asked, rb) && !strcmp(ra, rb);
}

static void add_string(void *ud, const struct pack_string *s)
{
	struct extract *x = ud;
	char ctx[512], note[600];
	const char *comment = NULL;

	if (!same_file(x->h, s->file, x->file))
		return;
	pack_string_ctx(s, ctx, sizeof ctx);
	if (x->known) {
		l10n_known_add(x->known, ctx, s->english);
		return;
	}
	if (!strcmp(s->kind, "option")) {
		snprintf(note, sizeof note, "An answer to the question %s.", s->id);
		comment = note;
	} else if (!strcmp(s->kind, "section")) {
		snprintf(note, sizeof note, "A section heading of the module %s.", s->id);
		comment = note;
	} else if (s->format) {
		comment = "A detail template: keep every %-conversion, in the same order.";
	}
	l10n_pot_add(x->pot, ctx, s->english, shown(s->file), s->line, comment,
		     s->format ? "lua-format" : NULL);
}

/* The duties the file declares (the catalogue or a framework file). */
static void add_duties(struct lhost *h, struct extract *x)
{
	const struct pack *cat = lhost_catalogue(h);
	char ctx[512];

	for (int i = 0; cat && i < cat->nduties; i++) {
		const struct duty *d = &cat->duties[i];

		if (!same_file(h, d->file, x->file))
			continue;
		snprintf(ctx, sizeof ctx, "duty" L10N_SEP "%s" L10N_SEP "title", d->id);
		if (x->known)
			l10n_known_add(x->known, ctx, d->title_en ? d->title_en : d->title);
		else
			l10n_pot_add(x->pot, ctx, d->title, shown(d->file), 0, NULL, NULL);
	}
	/* the duty areas, which the catalogue declares */
	for (int i = 0; cat && i < cat->nareas; i++) {
		const char *file = lhost_catalogue_file(h);

		if (!file || !same_file(h, file, x->file))
			continue;
		if (x->known)
			l10n_known_add(x->known, "area" L10N_SEP "catalogue", cat->areas[i]);
		else
			l10n_pot_add(x->pot, "area" L10N_SEP "catalogue", cat->areas[i], shown(file), 0,
				     "A duty area: a heading of the Summary, the Duties sheet and the "
				     "portfolio's heatmap.", NULL);
	}
}

/* The directories of path that do not exist yet (po/ and po/NAME/). */
static void make_parents(const char *path)
{
	char dir[PATH_MAX];

	snprintf(dir, sizeof dir, "%s", path);
	for (char *s = strchr(dir + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		mkdir(dir, 0777); /* exists already: the write says what is wrong */
		*s = '/';
	}
}

static int write_pot(struct l10n_pot *pot, const char *out)
{
	struct outfile f;
	struct err e = { 0 };

	if (!out || !strcmp(out, "-")) {
		if (l10n_pot_write(pot, "/dev/stdout", &e)) {
			cli_print_err(&e);
			return EXIT_IO;
		}
		return EXIT_OK;
	}
	make_parents(out);
	if (outfile_begin(&f, out, &e) || l10n_pot_write(pot, f.tmp, &e) ||
	    outfile_commit(&f, &e)) {
		outfile_discard(&f);
		cli_print_err(&e);
		return EXIT_IO;
	}
	return EXIT_OK;
}

static int extract_reports(const char *out, bool update, struct lhost *h)
{
	struct l10n_pot *pot = l10n_pot_new("diligo reports");
	char path[PATH_MAX];
	int rc;

	for (int i = 0; i < RT__COUNT; i++) {
		char ctx[128];
		const char *en = report_text_en((enum rtext)i);

		snprintf(ctx, sizeof ctx, "report" L10N_SEP "%s", report_text_ids[i]);
		l10n_pot_add(pot, ctx, en, "reports/report_text.def", 0,
			     strncmp(report_text_ids[i], "FMT_", 4) &&
					     !strstr(report_text_ids[i], "_FMT_")
				     ? NULL
				     : "A printf format: keep every %-conversion, in the same order.",
			     strchr(en, '%') && (!strncmp(report_text_ids[i], "FMT_", 4) ||
						 strstr(report_text_ids[i], "_FMT_"))
				     ? "c-format"
				     : NULL);
	}
	if (update) {
		snprintf(path, sizeof path, "%s/plugins/po/diligo/diligo.pot", lhost_builtin_dir(h));
		out = path;
	}
	rc = write_pot(pot, out);
	l10n_pot_free(pot);
	return rc;
}

static int extract_file(struct lhost *h, const char *file, const char *out, bool update)
{
	struct err e = { 0 };
	const struct pack *p = lhost_load_file(h, file, &e);
	struct extract x = { .h = h, .pot = l10n_pot_new(shown(file)), .file = file };
	char path[PATH_MAX];
	int rc;

	if (!p && !lhost_loaded_kind(h)) {
		cli_print_load_errors(h, &e);
		l10n_pot_free(x.pot);
		return err_exit_code(e.code);
	}
	if (p)
		pack_strings((struct pack *)p, add_string, &x);
	add_duties(h, &x);
	if (update) {
		if (!l10n_po_path(file, NULL, path, sizeof path)) {
			l10n_pot_free(x.pot);
			return EXIT_IO;
		}
		out = path;
	}
	if (!l10n_pot_count(x.pot) && update) {
		l10n_pot_free(x.pot);
		return EXIT_OK; /* a helper module: nothing to translate */
	}
	rc = write_pot(x.pot, out);
	if (!rc && update)
		cli_say(stdout, "%s: %d texts", out, l10n_pot_count(x.pot));
	l10n_pot_free(x.pot);
	return rc;
}

int cmd_i18n(int argc, char **argv)
{
	struct cli_common c = { 0 };
	struct cli_getopt g;
	struct err e = { 0 };
	const char *out = NULL;
	bool reports = false, update = false;
	struct lhost *h;
	int code, rc = EXIT_OK;

	if (argc < 2 || strcmp(argv[1], "extract"))
		return cli_usage("i18n", "say 'i18n extract FILE.lua...' or 'i18n extract --reports'");
	cli_getopt_init(&g, "i18n", i18n_options, &c);
	while ((code = cli_getopt(&g, argc - 1, argv + 1)) != CLI_OPT_END) {
		if (code == CLI_OPT_BAD)
			return EXIT_USAGE;
		if (code == 'o')
			out = g.arg;
		else if (code == OPT_REPORTS)
			reports = true;
		else if (code == OPT_UPDATE)
			update = true;
	}
	if (update && out)
		return cli_usage("i18n", "--update writes each template in its place: no -o");
	if (!reports && optind >= argc - 1)
		return cli_usage("i18n", "no Lua file given");
	if (!update && !reports && argc - 1 - optind > 1)
		return cli_usage("i18n", "one Lua file at a time, or --update");
	cli_resolve(&c);
	h = cli_lhost(&c, &e);
	if (!h) {
		cli_common_free(&c);
		cli_print_err(&e);
		return err_exit_code(e.code);
	}
	if (reports)
		rc = extract_reports(out, update, h);
	for (int i = 1 + optind; i < argc && rc == EXIT_OK; i++)
		rc = extract_file(h, argv[i], out, update);
	lhost_free(h);
	cli_common_free(&c);
	return rc;
}

/* ---- diligo plugin check: the file's translations --------------------- */

static void print_problem(void *ud, const char *file, int line, const char *msg)
{
	(void)ud;
	if (line > 0)
		cli_say(stderr, "%s:%d: %s", file, line, msg);
	else
		cli_say(stderr, "%s: %s", file, msg);
}

int cli_check_translations(struct lhost *h, const struct pack *p, const char *file)
{
	struct extract x = { .h = h, .known = l10n_new("en"), .file = file };
	char line[512], po[PATH_MAX];
	size_t u = 0;
	int rc = EXIT_OK, texts = 0;

	if (p)
		pack_strings((struct pack *)p, add_string, &x);
	add_duties(h, &x);
	line[0] = '\0';
	for (int i = 0; i < L10N_NLANGS; i++) {
		struct l10n_stats st;
		struct err e = { 0 };

		if (!l10n_po_path(file, l10n_langs[i], po, sizeof po))
			continue;
		if (l10n_check_po(po, x.known, print_problem, NULL, &st, &e)) {
			cli_print_err(&e);
			rc = EXIT_PACK;
			continue;
		}
		texts = st.texts;
		if (st.problems)
			rc = EXIT_PACK;
		if (!st.exists)
			u += (size_t)snprintf(line + u, sizeof line - u, "%s%s none", u ? "; " : "",
					      l10n_langs[i]);
		else
			u += (size_t)snprintf(line + u, sizeof line - u, "%s%s %d/%d", u ? "; " : "",
					      l10n_langs[i], st.translated, st.texts);
		if (st.exists && st.fuzzy)
			u += (size_t)snprintf(line + u, sizeof line - u, ", %d fuzzy", st.fuzzy);
		if (st.exists)
			u += (size_t)snprintf(line + u, sizeof line - u, " (review: %s)",
					      *st.review ? st.review : "not stated");
		if (u >= sizeof line)
			u = sizeof line - 1;
	}
	if (texts)
		cli_say(stdout, "%s: translations: %s", file, line);
	l10n_free(x.known);
	return rc;
}
