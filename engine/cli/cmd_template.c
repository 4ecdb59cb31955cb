/* diligo template: a questionnaire for suppliers to fill in, as YAML (every
 * question a key with its text, help, allowed values and duties as
 * comments) or as a workbook (reports/xlsx_template.c), blank or pre-filled
 * from earlier answers. Also what diligo convert writes with. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "assess.h"
#include "cli.h"
#include "cmd.h"
#include "report.h"

const struct cli_opt template_options[] = {
	CLI_OPT_SECTOR,
	{ .name = "output", .letter = 'o', .arg = "FILE", .code = 'o',
	  .help = "written atomically (default: standard output);\n"
		  "a name ending in .xlsx makes a workbook" },
	CLI_OPT_FORMAT,
	CLI_OPT_CONTACT,
	CLI_OPT_LANG,
	{ .name = "from", .arg = "ANSWERS", .code = OPT_FROM,
	  .help = "pre-fill from earlier answers (YAML or a filled workbook)" },
	CLI_OPT_PLUGIN_PATH, CLI_OPT_MAX_INSTRUCTIONS, CLI_OPT_MAX_MEMORY,
	{ .name = NULL },
};

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n > k && !strcasecmp(s + n - k, suffix);
}

int cli_qn_format(const struct cli_getopt *g, const char *arg, const char *path, int *fmt)
{
	if (arg) {
		if (!strcmp(arg, "yaml"))
			*fmt = CLI_QN_YAML;
		else if (!strcmp(arg, "xlsx"))
			*fmt = CLI_QN_XLSX;
		else
			return cli_usage(g->cmd, "option '--format' takes yaml or xlsx, not '%s'", arg);
		return 0;
	}
	if (path && ends_with(path, ".xlsx"))
		*fmt = CLI_QN_XLSX;
	else if (path && (ends_with(path, ".yaml") || ends_with(path, ".yml")))
		*fmt = CLI_QN_YAML;
	else
		*fmt = -1; /* the caller decides */
	return 0;
}

int cli_write_qn(const char *out, int fmt, const struct pack *p, const struct qn *q,
		 const char *contact)
{
	struct err e = { 0 };
	struct outfile of;
	FILE *f;

	if (fmt == CLI_QN_XLSX) {
		struct template_opts to = { .contact = contact, .now = (time_t)cli_now() };

		to.countries = getenv("DILIGO_ISO_CODES");
		if (report_template_xlsx(out, p, q, &to, &e)) {
			cli_print_err(&e);
			return err_exit_code(e.code);
		}
		return EXIT_OK;
	}
	if (!out) {
		qn_write_yaml(stdout, p, q);
		return EXIT_OK;
	}
	if (outfile_begin(&of, out, &e) || !(f = fopen(of.tmp, "w"))) {
		if (!e.code) {
			err_set(&e, ERR_IO, "cannot write '%s': %s", out, strerror(errno));
			outfile_discard(&of);
		}
		cli_print_err(&e);
		return EXIT_IO;
	}
	qn_write_yaml(f, p, q);
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
		return EXIT_IO;
	}
	return EXIT_OK;
}

/* The earlier answers, bound to the pack (forced, else theirs): what no
 * longer fits is printed and left out. NULL when they cannot be read. */
static struct qn *load_from(struct lhost *h, const char *path, const char *sector,
			    const struct pack **p, int *rc)
{
	struct err e = { 0 };
	struct qn *q = qn_load(path, false, &e);

	if (!q || !(*p = assess_pack_for(h, sector, q, &e))) {
		cli_print_err(&e);
		*rc = e.code == ERR_INPUT ? EXIT_INVALID : err_exit_code(e.code);
		qn_free(q);
		return NULL;
	}
	q->form_any = true;
	if (qn_bind(q, *p, &e)) {
		for (int i = 0; i < q->ndiags; i++)
			cli_print_err(&q->diags[i]);
		fprintf(stderr, "diligo: %s: %d problem%s above: %s not carried over\n", path,
			q->ndiags + q->ndropped, q->ndiags + q->ndropped == 1 ? "" : "s",
			q->ndiags + q->ndropped == 1 ? "what it concerns is" : "what they concern is");
	}
	return q;
}

int cmd_template(int argc, char **argv)
{
	struct cli_common c = { 0 };
	struct cli_getopt g;
	struct err e = { 0 };
	const char *out = NULL, *format = NULL, *contact = NULL, *from = NULL;
	const struct pack *p = NULL;
	struct qn *q = NULL;
	struct lhost *h;
	int opt, fmt, rc = EXIT_OK;

	cli_getopt_init(&g, "template", template_options, &c);
	while ((opt = cli_getopt(&g, argc, argv)) >= 0) {
		if (opt == 'o')
			out = g.arg;
		else if (opt == OPT_FORMAT)
			format = g.arg;
		else if (opt == OPT_CONTACT)
			contact = g.arg;
		else if (opt == OPT_FROM)
			from = g.arg;
	}
	if (opt == CLI_OPT_BAD)
		return EXIT_USAGE;
	if (optind < argc)
		return cli_usage("template", "unexpected argument '%s'", argv[optind]);
	if (!c.sector && !from)
		return cli_usage("template", "name a sector pack with -s NAME (see diligo sectors)");
	if ((rc = cli_qn_format(&g, format, out, &fmt)))
		return rc;
	if (fmt < 0)
		fmt = CLI_QN_YAML;
	if (fmt == CLI_QN_XLSX && !out)
		return cli_usage("template", "a workbook needs a file: -o FILE.xlsx");
	if (contact && fmt != CLI_QN_XLSX)
		return cli_usage("template", "option '--contact' is for workbooks (-o FILE.xlsx)");
	h = cli_use_lang(&c, &e) ? NULL : cli_lhost(&c, &e);
	cli_common_free(&c);
	if (!h) {
		cli_print_err(&e);
		return err_exit_code(e.code);
	}
	if (from)
		q = load_from(h, from, c.sector, &p, &rc);
	else if (!(p = lhost_pack(h, c.sector, &e)))
		cli_print_err(&e), rc = err_exit_code(e.code);
	if (p && (!from || q))
		rc = cli_write_qn(out, fmt, p, q, contact);
	qn_free(q);
	lhost_free(h);
	return rc;
}
