/* diligo template: a questionnaire for suppliers to fill in. Each question
 * is a key with an empty value, preceded by its text, help, allowed values
 * and duties as comments. Filled in with allowed values, it validates. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cmd.h"
#include "kind.h"
#include "report.h"

/* A comment block: each line of text prefixed with "  # ". */
static void comment(FILE *f, const char *label, const char *text)
{
	const char *p = text;

	if (!text)
		return;
	fprintf(f, "  # %s", label);
	for (; *p; p++) {
		if (*p == '\n')
			fputs("\n  #   ", f);
		else if (*p != '\r')
			fputc(*p, f);
	}
	fputc('\n', f);
}

static void allowed(FILE *f, const struct question *q)
{
	char buf[16384];

	kind_ops(q->kind)->hint(q, buf, sizeof buf);
	fprintf(f, "  # allowed: %s | unknown", buf);
	if (q->nna_when) {
		fputs(" | na (only when ", f);
		for (int k = 0; k < q->nna_when; k++) {
			const struct na_cond *c = &q->na_when[k];

			if (k)
				fputs(", or ", f);
			if (!c->qid) {
				fputs("the supplier is small", f);
				continue;
			}
			fprintf(f, "%s is %s", c->qid, c->none_of ? "none of " : "");
			for (int j = 0; j < c->nvalues; j++)
				fprintf(f, "%s%s", j ? " or " : "", c->values[j]);
		}
		fputc(')', f);
	}
	fputc('\n', f);
	if (q->evidence)
		fputs("  # evidence: a positive answer earns full credit only with cited, current "
		      "evidence\n", f);
}

/* The labels the pack's author wrote for the options, one per line, when
 * any says more than its value: what the supplier chooses between. */
static void option_labels(FILE *f, const struct question *q)
{
	bool any = false;

	for (int i = 0; i < q->nopts && !any; i++)
		any = q->opts[i].label && strcmp(q->opts[i].label, q->opts[i].value);
	if (!any)
		return;
	fputs("  # options:\n", f);
	for (int i = 0; i < q->nopts; i++)
		fprintf(f, "  #   %s = %s\n", q->opts[i].value,
			q->opts[i].label ? q->opts[i].label : q->opts[i].value);
}

static void write_template(FILE *f, const struct pack *p)
{
	const char *section = NULL;

	fprintf(f, "# diligo questionnaire, sector pack '%s' %s: %s\n", p->id, p->version, p->title);
	fprintf(f, "# Answer each question after its key. Every question takes 'unknown' (a gap in\n"
		   "# the score); leaving an answer out never scores better than 'unknown', and a\n"
		   "# required question must be answered.\n"
		   "# Long form: key: { value: ..., evidence: [E1], comment: \"...\", confidential: true }\n"
		   "diligo: 1\nsupplier:\n  id: \"\"        # your supplier id, as given by your customer\n"
		   "  name: \"\"\n  country: \"\"   # ISO 3166-1 alpha-2, such as CD or NO\n"
		   "  sector: %s\n  employees: 0   # required: the number of employees\n  tier: 1\n"
		   "period: 2025\nrespondent:   "
		   "# confidential: never shown in shared reports\n  name: \"\"\n  role: \"\"\n"
		   "answers:\n", p->id);
	for (int i = 0; i < p->nquestions; i++) {
		const struct question *q = &p->questions[i];

		if (!section || strcmp(section, q->section))
			fprintf(f, "\n  # ==== %s ====\n", section = q->section);
		fputc('\n', f);
		comment(f, "", q->text);
		comment(f, "help: ", q->help);
		allowed(f, q);
		option_labels(f, q);
		fputs("  # duties: ", f);
		for (int k = 0; k < q->nduties; k++)
			fprintf(f, "%s%s", k ? ", " : "", q->duties[k]);
		fprintf(f, "%s\n  %s:\n", q->required ? "\n  # required" : "", q->id);
	}
	fputs("\nevidence:\n  # E1: { title: \"...\", kind: policy, date: 2025-01-31, url: \"...\" }\n", f);
}

const struct cli_opt template_options[] = {
	CLI_OPT_SECTOR,
	{ .name = "output", .letter = 'o', .arg = "FILE", .code = 'o',
	  .help = "written atomically (default: standard output)" },
	CLI_OPT_PLUGIN_PATH, CLI_OPT_MAX_INSTRUCTIONS, CLI_OPT_MAX_MEMORY,
	{ .name = NULL },
};

int cmd_template(int argc, char **argv)
{
	struct cli_common c = { 0 };
	struct cli_getopt g;
	struct err e = { 0 };
	const char *out = NULL;
	const struct pack *p;
	struct lhost *h;
	int opt, rc = EXIT_OK;

	cli_getopt_init(&g, "template", template_options, &c);
	while ((opt = cli_getopt(&g, argc, argv)) >= 0)
		if (opt == 'o')
			out = g.arg;
	if (opt == CLI_OPT_BAD)
		return EXIT_USAGE;
	if (!c.sector)
		return cli_usage("template", "name a sector pack with -s NAME (see diligo sectors)");
	h = cli_lhost(&c, &e);
	cli_common_free(&c);
	if (!h || !(p = lhost_pack(h, c.sector, &e))) {
		cli_print_err(&e);
		lhost_free(h);
		return err_exit_code(e.code);
	}
	if (!out) {
		write_template(stdout, p);
	} else {
		struct outfile of;
		FILE *f;

		if (outfile_begin(&of, out, &e) || !(f = fopen(of.tmp, "w"))) {
			if (!e.code) {
				err_set(&e, ERR_IO, "cannot write '%s': %s", out, strerror(errno));
				outfile_discard(&of);
			}
			cli_print_err(&e);
			rc = EXIT_IO;
		} else {
			write_template(f, p);
			errno = 0;
			if (fflush(f) | ferror(f) | fclose(f)) {
				int saved = errno; /* ENOSPC, EDQUOT: named as such */

				outfile_discard(&of);
				err_set(&e, ERR_IO, "cannot write '%s': %s", out,
					saved ? strerror(saved) : "write error");
			} else {
				outfile_commit(&of, &e);
			}
			if (e.code) {
				cli_print_err(&e);
				rc = EXIT_IO;
			}
		}
	}
	lhost_free(h);
	return rc;
}
