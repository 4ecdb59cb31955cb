/* diligo sectors and diligo duties: what is installed. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "cmd.h"

/* Duties cited by the questions and rules of p. */
static int duties_covered(const struct pack *p)
{
	int n = 0;

	for (int d = 0; d < p->nduties; d++) {
		bool hit = false;

		for (int i = 0; i < p->nquestions && !hit; i++)
			for (int k = 0; k < p->questions[i].nduties && !hit; k++)
				hit = p->questions[i].duties[k] == p->duties[d].id;
		for (int i = 0; i < p->nrules && !hit; i++)
			for (int k = 0; k < p->rules[i].nduties && !hit; k++)
				hit = p->rules[i].duties[k] == p->duties[d].id;
		n += hit;
	}
	return n;
}

const struct cli_opt sectors_options[] = {
	CLI_OPT_SECTOR, CLI_OPT_PLUGIN_PATH, CLI_OPT_MAX_INSTRUCTIONS, CLI_OPT_MAX_MEMORY,
	{ .name = NULL },
};

int cmd_sectors(int argc, char **argv)
{
	struct cli_common c = { 0 };
	struct err e = { 0 };
	const char *names[DILIGO_MAX_SECTORS];
	struct lhost *h;
	int n, rc = cli_parse_common(argc, argv, "sectors", sectors_options, &c), worst = EXIT_OK;

	if (rc)
		return rc;
	h = cli_lhost(&c, &e);
	cli_common_free(&c);
	if (!h) {
		cli_print_err(&e);
		return err_exit_code(e.code);
	}
	n = lhost_sector_names(h, names, DILIGO_MAX_SECTORS);
	printf("%-14s %-9s %9s %6s %6s %6s  %s\n", "SECTOR", "VERSION", "QUESTIONS", "RULES",
	       "FLAGS", "DUTIES", "TITLE");
	for (int i = 0; i < n; i++) {
		const struct pack *p = lhost_pack(h, names[i], &e);
		int flags = 0;

		if (!p) {
			cli_print_err(&e);
			worst = EXIT_PACK;
			continue;
		}
		for (int r = 0; r < p->nrules; r++)
			flags += p->rules[r].red_flag;
		cli_say(stdout, "%-14s %-9s %9d %6d %6d %6d  %s", p->id, p->version, p->nquestions,
			p->nrules, flags, duties_covered(p), p->title); /* a pack's text, escaped */
	}
	lhost_free(h);
	return worst;
}

const struct cli_opt duties_options[] = {
	{ .name = "framework", .arg = "F", .code = OPT_FRAMEWORK,
	  .help = "only the duties of framework F (exit 2 when there is none)" },
	{ .name = "frameworks", .code = OPT_FRAMEWORKS,
	  .help = "list the frameworks and the file that declares each" },
	CLI_OPT_REGIME,
	CLI_OPT_PLUGIN_PATH,
	{ .name = NULL },
};

/* The frameworks of the built-in catalogue, then those plugin files add:
 * one line each with its duty count and the file that declares it. */
static void list_frameworks(struct lhost *h, const struct pack *cat)
{
	const struct lhost_framework *fw;
	int nfw = lhost_frameworks(h, &fw);

	printf("%-10s %6s  %-28s %s\n", "FRAMEWORK", "DUTIES", "FILE", "TITLE");
	for (int i = 0; i < cat->nduties; i++) {
		const char *f = cat->duties[i].framework;
		bool first = true, added = false;
		int n = 0;

		for (int k = 0; k < i && first; k++)
			first = strcmp(cat->duties[k].framework, f) != 0;
		for (int k = 0; k < nfw && !added; k++)
			added = !strcmp(fw[k].id, f);
		if (!first || added)
			continue;
		for (int k = i; k < cat->nduties; k++)
			n += !strcmp(cat->duties[k].framework, f);
		cli_say(stdout, "%-10s %6d  %-28s %s", f, n, lhost_catalogue_file(h), "-");
	}
	for (int k = 0; k < nfw; k++)
		cli_say(stdout, "%-10s %6d  %-28s %s", fw[k].id, fw[k].nduties, fw[k].file,
			fw[k].title);
}

/* "UNGP, CSDDD, ..." for the message about a framework that does not exist */
static void framework_names(const struct pack *cat, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int i = 0; i < cat->nduties && used + 1 < size; i++) {
		const char *f = cat->duties[i].framework;
		bool seen = false;

		for (int k = 0; k < i && !seen; k++)
			seen = !strcmp(cat->duties[k].framework, f);
		if (!seen)
			used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? ", " : "", f);
	}
}

int cmd_duties(int argc, char **argv)
{
	struct cli_common c = { 0 };
	struct cli_getopt g;
	struct err e = { 0 }, errs[16];
	const char *framework = NULL;
	const struct pack *cat;
	struct lhost *h;
	int opt, shown = 0, nerr, rc = EXIT_OK;
	bool frameworks = false;

	cli_getopt_init(&g, "duties", duties_options, &c);
	while ((opt = cli_getopt(&g, argc, argv)) >= 0)
		if (opt == OPT_FRAMEWORK)
			framework = g.arg;
		else if (opt == OPT_FRAMEWORKS)
			frameworks = true;
	if (opt == CLI_OPT_BAD)
		return EXIT_USAGE;
	h = cli_lhost(&c, &e);
	cli_common_free(&c);
	if (!h) {
		cli_print_err(&e);
		return err_exit_code(e.code);
	}
	nerr = lhost_load_frameworks(h, errs, 16); /* every framework file on the path */
	for (int i = 0; i < nerr && i < 16; i++)
		cli_print_err(&errs[i]);
	if (nerr)
		rc = EXIT_PACK;
	cat = lhost_catalogue(h);
	if (frameworks) {
		list_frameworks(h, cat);
		lhost_free(h);
		return rc;
	}
	for (int i = 0; i < cat->nduties; i++) {
		const struct duty *d = &cat->duties[i];

		if (framework && strcasecmp(framework, d->framework))
			continue;
		cli_say(stdout, "%-22s %-8s %-10s %s: %s [%s]", d->id, d->framework, d->status,
			d->title, d->text, d->verified);
		shown++;
	}
	if (framework && !shown) {
		char names[1024];

		framework_names(cat, names, sizeof names);
		cli_say(stderr, "diligo: no framework '%s' (the frameworks are: %s; diligo duties "
			"--frameworks lists them with their files)", framework, names);
		rc = EXIT_USAGE;
	}
	lhost_free(h);
	return rc;
}
