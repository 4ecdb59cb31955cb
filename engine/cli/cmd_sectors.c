/* diligo sectors and diligo duties: what is installed. */
#include <getopt.h>
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

int cmd_sectors(int argc, char **argv)
{
	struct cli_common c = { 0 };
	struct err e = { 0 };
	const char *names[DILIGO_MAX_SECTORS];
	struct lhost *h;
	int n, rc = cli_parse_common(argc, argv, "sectors", &c), worst = EXIT_OK;

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
		printf("%-14s %-9s %9d %6d %6d %6d  %s\n", p->id, p->version, p->nquestions,
		       p->nrules, flags, duties_covered(p), p->title);
	}
	lhost_free(h);
	return worst;
}

int cmd_duties(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "framework", required_argument, NULL, OPT_FRAMEWORK },
		{ "plugin-path", required_argument, NULL, OPT_PLUGIN_PATH },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_common c = { 0 };
	struct err e = { 0 };
	const char *framework = NULL;
	const struct pack *cat;
	struct lhost *h;
	int opt, shown = 0;

	optind = 0;
	while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (opt == OPT_FRAMEWORK)
			framework = optarg;
		else if (!cli_common_opt(&c, opt, optarg, &e))
			return cli_usage("duties", "unknown option");
	}
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
		printf("%-22s %-8s %-10s %s: %s\n", d->id, d->framework, d->status, d->title, d->text);
		shown++;
	}
	lhost_free(h);
	if (framework && !shown) {
		fprintf(stderr, "diligo: no duties in framework '%s'\n", framework);
		return EXIT_USAGE;
	}
	return EXIT_OK;
}
