/* diligo convert: one questionnaire from YAML to a workbook or back, so
 * that answers collected as workbooks can be archived and diffed as text
 * (and the other way round). The input is checked first, as validate
 * checks it: an invalid questionnaire is not converted. */
#include <stdio.h>

#include "assess.h"
#include "cli.h"
#include "cmd.h"

const struct cli_opt convert_options[] = {
	{ .name = "output", .letter = 'o', .arg = "FILE", .code = 'o',
	  .help = "the converted questionnaire, written atomically;\n"
		  "its name (.xlsx, .yaml, .yml) says the format" },
	CLI_OPT_FORMAT,
	CLI_OPT_CONTACT,
	CLI_OPT_LANG,
	CLI_OPT_SECTOR, CLI_OPT_PLUGIN_PATH, CLI_OPT_MAX_INSTRUCTIONS, CLI_OPT_MAX_MEMORY,
	{ .name = NULL },
};

int cmd_convert(int argc, char **argv)
{
	struct cli_common c = { 0 };
	struct cli_getopt g;
	struct err e = { 0 };
	const char *out = NULL, *format = NULL, *contact = NULL;
	struct qn *q = NULL;
	struct lhost *h;
	int opt, fmt, st, rc;

	cli_getopt_init(&g, "convert", convert_options, &c);
	while ((opt = cli_getopt(&g, argc, argv)) >= 0) {
		if (opt == 'o')
			out = g.arg;
		else if (opt == OPT_FORMAT)
			format = g.arg;
		else if (opt == OPT_CONTACT)
			contact = g.arg;
	}
	if (opt == CLI_OPT_BAD)
		return EXIT_USAGE;
	if (optind >= argc)
		return cli_usage("convert", "no questionnaire given");
	if (optind + 1 < argc)
		return cli_usage("convert", "one questionnaire at a time, not '%s' too", argv[optind + 1]);
	if (!out)
		return cli_usage("convert", "name the output with -o FILE (.xlsx or .yaml)");
	if ((rc = cli_qn_format(&g, format, out, &fmt)))
		return rc;
	if (fmt < 0)
		return cli_usage("convert", "cannot tell the format of '%s': name it .xlsx or .yaml, "
					    "or use --format", out);
	if (contact && fmt != CLI_QN_XLSX)
		return cli_usage("convert", "option '--contact' is for workbooks (-o FILE.xlsx)");
	h = cli_use_lang(&c, &e) ? NULL : cli_lhost(&c, &e);
	cli_common_free(&c);
	if (!h) {
		cli_print_err(&e);
		return err_exit_code(e.code);
	}
	st = assess_load(h, argv[optind], c.sector, false, &q, &e);
	if (st && (!q || !q->pack)) {
		cli_print_err(&e);
		rc = st == ERR_INPUT ? EXIT_INVALID : err_exit_code(st);
	} else if (st) {
		for (int i = 0; i < q->ndiags; i++)
			cli_print_err(&q->diags[i]);
		if (q->ndropped)
			fprintf(stderr, "%s: %d more problem%s not shown\n", argv[optind], q->ndropped,
				q->ndropped == 1 ? "" : "s");
		fprintf(stderr, "diligo: %s is not valid: not converted\n", argv[optind]);
		rc = EXIT_INVALID;
	} else {
		rc = cli_write_qn(out, fmt, q->pack, q, contact);
	}
	qn_free(q);
	lhost_free(h);
	return rc;
}
