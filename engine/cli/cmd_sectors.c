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
	CLI_OPT_PLUGIN_PATH,
	{ .name = NULL },
};

int cmd_duties(int argc, char **argv)
{
	struct cli_common c = { 0 };
	struct cli_getopt g;
	struct err e = { 0 };
	const char *framework = NULL;
	const struct pack *cat;
	struct lhost *h;
	int opt, shown = 0;

	cli_getopt_init(&g, "duties", duties_options, &c);
	while ((opt = cli_getopt(&g, argc, argv)) >= 0)
		if (opt == OPT_FRAMEWORK)
			framework = g.arg;
	if (opt == CLI_OPT_BAD)
		return EXIT_USAGE;
	h = cli_lhost(&c, &e);
	cli_common_free(&c);
	if (!h) {
		cli_print_err(&e);
		return err_exit_code(e.code);
	}
	cat = lhost_catalogue(h);
	for (int i = 0; i < cat->nduties; i++) {
		const struct duty *d = &cat->duties[i];

		if (framework && strcasecmp(framework, d->framework))
			continue;
		cli_say(stdout, "%-22s %-8s %-10s %s: %s", d->id, d->framework, d->status, d->title,
			d->text);
		shown++;
	}
	lhost_free(h);
	if (framework && !shown) {
		cli_say(stderr, "diligo: no duties in framework '%s'", framework);
		return EXIT_USAGE;
	}
	return EXIT_OK;
}
