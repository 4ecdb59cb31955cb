/* diligo plugin check | test: for the people who write packs. */
#include <dirent.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "cli.h"
#include "cmd.h"

struct walk {
	char **files;
	int n;
	size_t cap;
	bool many; /* a directory or several files: say what was checked */
	char *parents[DILIGO_MAX_CLI_PATHS]; /* directories added to the search path */
	int nparents;
};

static bool is_dir(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISDIR(st.st_mode);
}

/* *.lua in dir, sorted (not recursive); how many. */
static int add_dir(struct walk *w, const char *dir)
{
	struct dirent **list;
	int m = scandir(dir, &list, NULL, alphasort), added = 0;

	for (int k = 0; k < m; k++) {
		size_t len = strlen(list[k]->d_name);

		if (len > 4 && !strcmp(list[k]->d_name + len - 4, ".lua") &&
		    list[k]->d_name[0] != '.') {
			char path[DILIGO_MAX_PATH];

			snprintf(path, sizeof path, "%s/%s", dir, list[k]->d_name);
			GROW(w->files, w->n + 1, w->cap);
			w->files[w->n++] = xstrdup(path);
			added++;
		}
		free(list[k]);
	}
	if (m >= 0)
		free(list);
	return added;
}

/* Whether dir (without a trailing slash) is named name. */
static bool named(const char *dir, const char *name)
{
	const char *base = strrchr(dir, '/');

	return !strcmp(base ? base + 1 : dir, name);
}

/* Put dir at the front of the search path, so that what its packs require
 * is found there. */
static void search_first(struct cli_common *c, const char *dir)
{
	if (c->npaths == DILIGO_MAX_CLI_PATHS)
		return;
	memmove(c->paths + 1, c->paths, (size_t)c->npaths * sizeof *c->paths);
	c->paths[0] = dir;
	c->npaths++;
}

/* One argument: a Lua file; a plugin-path root (it holds plugins/ or
 * sectors/): their *.lua, and the root searched first; a pack directory:
 * its *.lua, and its parent searched first when it is plugins/ or sectors/.
 * Directories are stripped of trailing slashes in place. */
static void add_arg(struct walk *w, struct cli_common *c, char *arg)
{
	size_t len = strlen(arg);
	char sub[DILIGO_MAX_PATH];
	bool root = false;

	if (!is_dir(arg)) {
		GROW(w->files, w->n + 1, w->cap);
		w->files[w->n++] = xstrdup(arg);
		return;
	}
	w->many = true;
	while (len > 1 && arg[len - 1] == '/')
		arg[--len] = '\0';
	for (int i = 0; i < 2; i++) {
		snprintf(sub, sizeof sub, "%s/%s", arg, i ? "sectors" : "plugins");
		if (is_dir(sub)) {
			add_dir(w, sub);
			root = true;
		}
	}
	if (root) {
		search_first(c, arg);
		return;
	}
	add_dir(w, arg);
	if (named(arg, "plugins") || named(arg, "sectors")) {
		char *parent = xstrdup(arg);
		char *slash = strrchr(parent, '/');

		if (slash && slash != parent)
			*slash = '\0';
		else
			strcpy(parent, ".");
		if (w->nparents < DILIGO_MAX_CLI_PATHS) {
			w->parents[w->nparents++] = parent;
			search_first(c, parent);
		} else {
			free(parent);
		}
	}
}

/* What the files loaded were, for the closing line. */
struct tally {
	int sectors, modules, frameworks, helpers, catalogues, failed;
	int passed, tfailed, errors, tested, untested;
};

static void count_pack(struct tally *t, const struct pack *p)
{
	if (p->sector)
		t->sectors++;
	else
		t->modules++;
}

/* "3 sectors, 7 modules, 1 framework, 1 helper module, the duty catalogue" */
static void say_checked(const struct tally *t, int nfiles)
{
	char buf[512];
	size_t u = 0;

#define PART(n, one, many)                                                                 \
	if (n)                                                                             \
		u += (size_t)snprintf(buf + u, sizeof buf - u, "%s%d %s", u ? ", " : "", n,  \
				      n == 1 ? one : many)
	buf[0] = '\0';
	PART(t->sectors, "sector", "sectors");
	PART(t->modules, "module", "modules");
	PART(t->frameworks, "framework", "frameworks");
	PART(t->helpers, "helper module", "helper modules");
	if (t->catalogues)
		u += (size_t)snprintf(buf + u, sizeof buf - u, "%sthe duty catalogue", u ? ", " : "");
	PART(t->failed, "file that failed to load", "files that failed to load");
#undef PART
	printf("checked %d Lua file%s: %s\n", nfiles, nfiles == 1 ? "" : "s", buf);
}

/* A file that is not a pack: the catalogue, a helper module or a framework
 * file. Returns false when the file is a pack (or failed). */
static bool not_a_pack(struct lhost *h, const struct pack *p, const char *file, struct tally *t,
		       bool say)
{
	const char *kind = p ? NULL : lhost_loaded_kind(h);

	if (!kind)
		return false;
	if (!strcmp(kind, "framework")) {
		const struct lhost_framework *fw = lhost_loaded_framework(h);

		t->frameworks++;
		if (say)
			cli_say(stdout, "%s: ok (framework %s: %d duties)", file, fw->id,
				fw->nduties);
	} else if (!strcmp(kind, "catalogue")) {
		t->catalogues++;
		if (say)
			cli_say(stdout, "%s: ok (the duty catalogue)", file);
	} else {
		t->helpers++;
		if (say)
			cli_say(stdout, "%s: ok (a helper module)", file);
	}
	return true;
}

static int check(struct lhost *h, struct walk *w)
{
	struct tally t = { 0 };
	int worst = EXIT_OK;

	for (int i = 0; i < w->n; i++) {
		struct err e = { 0 };
		const struct pack *p = lhost_load_file(h, w->files[i], &e);

		if (not_a_pack(h, p, w->files[i], &t, true)) {
			int trc = cli_check_translations(h, NULL, w->files[i]);

			worst = trc > worst ? trc : worst;
			continue;
		}
		if (!p) {
			cli_print_load_errors(h, &e);
			worst = err_exit_code(e.code) > worst ? err_exit_code(e.code) : worst;
			t.failed++;
			continue;
		}
		count_pack(&t, p);
		cli_say(stdout, "%s: ok (%s %s: %d questions, %d rules%s)", w->files[i], p->id,
			p->version ? p->version : "", p->nquestions, p->nrules,
			p->ntailoring ? "; tailored" : "");
		{
			int trc = cli_check_translations(h, p, w->files[i]);

			worst = trc > worst ? trc : worst;
		}
	}
	if (w->many)
		say_checked(&t, w->n);
	return worst;
}

static void on_test(void *ud, const struct pack *p, const struct test_result *r)
{
	struct tally *t = ud;

	if (r->passed > 0) {
		t->passed++;
		cli_say(stdout, "ok   %s: %s", p->id, r->name);
	} else if (r->passed < 0) {
		t->errors++;
		cli_say(stdout, "ERROR %s: %s: %s", p->id, r->name, r->detail);
	} else {
		t->tfailed++;
		cli_say(stdout, "FAIL %s: %s: %s", p->id, r->name, r->detail);
	}
}

static int test(struct lhost *h, struct walk *w)
{
	struct tally t = { 0 };
	int worst = EXIT_OK;

	for (int i = 0; i < w->n; i++) {
		struct err e = { 0 };
		const struct pack *p = lhost_load_file(h, w->files[i], &e);
		int before = t.passed + t.tfailed + t.errors;

		if (not_a_pack(h, p, w->files[i], &t, false))
			continue;
		if (!p || lhost_run_tests(h, p, on_test, &t, &e) < 0) {
			cli_print_err(&e);
			worst = EXIT_PACK;
			t.failed++;
			continue;
		}
		if (t.passed + t.tfailed + t.errors > before)
			t.tested++;
		else
			t.untested++;
	}
	printf("%d passed, %d failed\n", t.passed, t.tfailed + t.errors);
	if (w->many || !t.tested)
		printf("tested %d pack%s and module%s; %d without tests; %d helper, catalogue and "
		       "framework file%s passed over\n", t.tested, t.tested == 1 ? "" : "s",
		       t.tested == 1 ? "" : "s", t.untested,
		       t.helpers + t.catalogues + t.frameworks,
		       t.helpers + t.catalogues + t.frameworks == 1 ? "" : "s");
	if (worst || t.errors)
		return EXIT_PACK;
	if (!t.tested) {
		cli_say(stderr, "diligo: plugin test: no tests found");
		return EXIT_USAGE;
	}
	return t.tfailed ? EXIT_INVALID : EXIT_OK;
}

const struct cli_opt plugin_options[] = {
	CLI_OPT_SECTOR, CLI_OPT_PLUGIN_PATH, CLI_OPT_MAX_INSTRUCTIONS, CLI_OPT_MAX_MEMORY,
	{ .name = NULL },
};

int cmd_plugin(int argc, char **argv)
{
	struct cli_common c = { 0 };
	struct err e = { 0 };
	struct walk w = { 0 };
	struct lhost *h;
	int rc;

	if (argc < 2 || (strcmp(argv[1], "check") && strcmp(argv[1], "test")))
		return cli_usage("plugin", "say 'plugin check FILE|DIR...' or 'plugin test FILE|DIR...'");
	if ((rc = cli_parse_common(argc - 1, argv + 1, "plugin", plugin_options, &c)))
		return rc;
	if (optind >= argc - 1)
		return cli_usage("plugin", "no Lua file or directory given");
	cli_resolve(&c); /* DILIGO_PATH now, so that the directories given go before it */
	for (int i = 1 + optind; i < argc; i++)
		add_arg(&w, &c, argv[i]);
	w.many |= w.n > 1;
	if (!w.n) {
		cli_common_free(&c);
		for (int i = 0; i < w.nparents; i++)
			free(w.parents[i]);
		cli_say(stderr, "diligo: plugin %s: no Lua files in %s%s", argv[1], argv[1 + optind],
			argc - optind > 2 ? " and the other directories given" : "");
		return EXIT_USAGE;
	}
	h = cli_lhost(&c, &e);
	if (!h) {
		cli_common_free(&c);
		cli_inputs_free(w.files, w.n);
		for (int i = 0; i < w.nparents; i++)
			free(w.parents[i]);
		cli_print_err(&e);
		return err_exit_code(e.code);
	}
	rc = !strcmp(argv[1], "check") ? check(h, &w) : test(h, &w);
	cli_common_free(&c);
	cli_inputs_free(w.files, w.n);
	for (int i = 0; i < w.nparents; i++)
		free(w.parents[i]);
	lhost_free(h);
	return rc;
}
