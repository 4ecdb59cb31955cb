/* diligo validate: every problem of every questionnaire, one line each. */
#include <stdio.h>

#include "assess.h"
#include "cli.h"
#include "cmd.h"

const struct cli_opt validate_options[] = {
	CLI_OPT_SECTOR, CLI_OPT_PLUGIN_PATH, CLI_OPT_MAX_INSTRUCTIONS, CLI_OPT_MAX_MEMORY,
	{ .name = NULL },
};

/* 0 valid, else the exit code this input calls for. */
static int validate_one(struct lhost *h, const char *sector, const char *path)
{
	struct err e = { 0 };
	struct qn *q;
	int rc = EXIT_OK, st = assess_load(h, path, sector, false, &q, &e);

	if (st && (!q || !q->pack)) { /* unreadable, or no pack for it */
		cli_print_err(&e);
		qn_free(q);
		return st == ERR_INPUT ? EXIT_INVALID : err_exit_code(st);
	}
	if (st) {
		for (int i = 0; i < q->ndiags; i++)
			cli_print_err(&q->diags[i]);
		if (q->ndropped)
			cli_say(stderr, "%s: %d more problem%s not shown", path, q->ndropped,
				q->ndropped == 1 ? "" : "s");
		rc = EXIT_INVALID;
	}
	qn_free(q);
	return rc;
}

int cmd_validate(int argc, char **argv)
{
	struct cli_common c = { 0 };
	struct err e = { 0 };
	struct lhost *h;
	char **inputs;
	int n, worst = EXIT_OK, bad = 0;
	int rc = cli_parse_common(argc, argv, "validate", validate_options, &c);

	if (rc)
		return rc;
	if (optind >= argc)
		return cli_usage("validate", "no questionnaire given");
	if (cli_inputs(argv + optind, argc - optind, &inputs, &n, &e)) {
		cli_print_err(&e);
		return err_exit_code(e.code);
	}
	h = cli_lhost(&c, &e);
	cli_common_free(&c);
	if (!h) {
		cli_print_err(&e);
		cli_inputs_free(inputs, n);
		return err_exit_code(e.code);
	}
	for (int i = 0; i < n; i++) {
		rc = validate_one(h, c.sector, inputs[i]);
		bad += rc != EXIT_OK;
		if (rc > worst)
			worst = rc;
	}
	if (!bad)
		fprintf(stderr, "diligo: %d questionnaire%s valid\n", n, n == 1 ? "" : "s");
	lhost_free(h);
	cli_inputs_free(inputs, n);
	return worst;
}
