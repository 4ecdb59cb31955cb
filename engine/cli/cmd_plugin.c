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

/* Lua files named, and *.lua in directories named (sorted). */
static int lua_files(char *const *args, int n, char ***out, int *nout)
{
	char **v = NULL;
	int count = 0;
	size_t cap = 0;

	for (int i = 0; i < n; i++) {
		struct stat st;
		struct dirent **list;
		int m;

		if (stat(args[i], &st) || !S_ISDIR(st.st_mode)) {
			GROW(v, count + 1, cap);
			v[count++] = xstrdup(args[i]);
			continue;
		}
		m = scandir(args[i], &list, NULL, alphasort);
		for (int k = 0; k < m; k++) {
			size_t len = strlen(list[k]->d_name);

			if (len > 4 && !strcmp(list[k]->d_name + len - 4, ".lua") &&
			    list[k]->d_name[0] != '.') {
				char path[DILIGO_MAX_PATH];

				snprintf(path, sizeof path, "%s/%s", args[i], list[k]->d_name);
				GROW(v, count + 1, cap);
				v[count++] = xstrdup(path);
			}
			free(list[k]);
		}
		if (m >= 0)
			free(list);
	}
	*out = v;
	*nout = count;
	return 0;
}

/* The catalogue and helper modules are not packs: loading them is all there
 * is to check. The sandbox knows them by what they return (catalogue { ... },
 * helper { ... }) when it refuses to load them as packs. */
static bool is_plain_helper(struct lhost *h, const struct pack *p)
{
	return !p && lhost_loaded_helper(h);
}

static int check(struct lhost *h, char **files, int n)
{
	int worst = EXIT_OK;

	for (int i = 0; i < n; i++) {
		struct err e = { 0 };
		const struct pack *p;

		p = lhost_load_file(h, files[i], &e);
		if (is_plain_helper(h, p) && lhost_loaded_framework(h)) {
			const struct lhost_framework *fw = lhost_loaded_framework(h);

			cli_say(stdout, "%s: ok (framework %s: %d duties)", files[i], fw->id,
				fw->nduties);
			continue;
		}
		if (is_plain_helper(h, p))
			continue;
		if (!p) {
			const struct err *all;
			int nall = lhost_errors(h, &all);

			if (!nall)
				cli_print_err(&e);
			for (int k = 0; k < nall; k++)
				cli_print_err(&all[k]);
			worst = err_exit_code(e.code) > worst ? err_exit_code(e.code) : worst;
			continue;
		}
		cli_say(stdout, "%s: ok (%s %s: %d questions, %d rules)", files[i], p->id,
			p->version ? p->version : "", p->nquestions, p->nrules);
	}
	return worst;
}

struct tally {
	int passed, failed, errors;
};

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
		t->failed++;
		cli_say(stdout, "FAIL %s: %s: %s", p->id, r->name, r->detail);
	}
}

static int test(struct lhost *h, char **files, int n)
{
	struct tally t = { 0 };
	int worst = EXIT_OK;

	for (int i = 0; i < n; i++) {
		struct err e = { 0 };
		const struct pack *p;

		p = lhost_load_file(h, files[i], &e);
		if (is_plain_helper(h, p))
			continue;
		if (!p || lhost_run_tests(h, p, on_test, &t, &e) < 0) {
			cli_print_err(&e);
			worst = EXIT_PACK;
		}
	}
	printf("%d passed, %d failed\n", t.passed, t.failed + t.errors);
	if (worst || t.errors)
		return EXIT_PACK;
	return t.failed ? EXIT_INVALID : EXIT_OK;
}

const struct cli_opt plugin_options[] = {
	CLI_OPT_SECTOR, CLI_OPT_PLUGIN_PATH, CLI_OPT_MAX_INSTRUCTIONS, CLI_OPT_MAX_MEMORY,
	{ .name = NULL },
};

int cmd_plugin(int argc, char **argv)
{
	struct cli_common c = { 0 };
	struct err e = { 0 };
	struct lhost *h;
	char **files;
	int n, rc;

	if (argc < 2 || (strcmp(argv[1], "check") && strcmp(argv[1], "test")))
		return cli_usage("plugin", "say 'plugin check FILE...' or 'plugin test FILE|DIR...'");
	if ((rc = cli_parse_common(argc - 1, argv + 1, "plugin", plugin_options, &c)))
		return rc;
	if (optind >= argc - 1)
		return cli_usage("plugin", "no Lua file given");
	h = cli_lhost(&c, &e);
	cli_common_free(&c);
	if (!h) {
		cli_print_err(&e);
		return err_exit_code(e.code);
	}
	lua_files(argv + 1 + optind, argc - 1 - optind, &files, &n);
	rc = !strcmp(argv[1], "check") ? check(h, files, n) : test(h, files, n);
	cli_inputs_free(files, n);
	lhost_free(h);
	return rc;
}
