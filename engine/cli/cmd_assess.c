/* diligo assess: questionnaires in, workbooks out. A batch never stops at
 * the first bad questionnaire: each input ends as assessed or as an error
 * with its message, and the exit code sums them up. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "baseline.h"
#include "batch.h"
#include "crisk.h"
#include "cli.h"
#include "cmd.h"
#include "keyfile.h"
#include "report.h"

struct assess_opts {
	struct cli_common c;
	const char *output, *portfolio, *json, *country_risk, *key_file;
	bool stakeholder, quiet, pseudonymise;
	enum report_paper paper;
	int jobs;
	int fail_on; /* -1 = off */
	struct isolate_opts isolate;
	const char *baselines[DILIGO_MAX_BASELINES];
	int nbaselines;
};

const struct cli_opt assess_options[] = {
	CLI_OPT_SECTOR,
	{ .name = "output", .letter = 'o', .arg = "PATH", .code = 'o',
	  .help = "one input: the workbook path; several: a directory" },
	{ .name = "portfolio", .letter = 'p', .arg = "PATH", .code = 'p',
	  .help = "one portfolio workbook over all inputs" },
	{ .name = "json", .arg = "PATH", .code = OPT_JSON,
	  .help = "machine-readable results (\"-\" = stdout)" },
	{ .name = "audience", .letter = 'a', .arg = "company|stakeholder", .code = 'a',
	  .help = "(stakeholder = redacted)" },
	{ .name = "pseudonymise", .code = OPT_PSEUDONYMISE,
	  .help = "stakeholder copies name suppliers by a keyed pseudonym" },
	{ .name = "pseudonym-key", .arg = "FILE", .code = OPT_PSEUDONYM_KEY,
	  .help = "the pseudonyms' secret key (created, mode 0600, when missing)" },
	{ .name = "paper", .arg = "a4|letter", .code = OPT_PAPER,
	  .help = "paper size of every printed sheet (the first is the default)" },
	{ .name = "jobs", .letter = 'j', .arg = "N", .code = 'j',
	  .help = "worker threads (default: online cores)",
	  .min = 1, .max = DILIGO_MAX_JOBS, .integer = true },
	CLI_OPT_PLUGIN_PATH,
	{ .name = "country-risk", .arg = "FILE", .code = OPT_COUNTRY_RISK,
	  .help = "country-risk CSV that raises likelihoods (default: plugins/country-risk.csv\n"
		  "on the search path; none: no country risk)" },
	CLI_OPT_REGIME,
	CLI_OPT_LANG,
	{ .name = "fail-on", .arg = "LEVEL", .code = OPT_FAIL_ON,
	  .help = "exit 1 when any finding is at or above LEVEL\n(low|medium|high|critical)" },
	{ .name = "baseline", .arg = "PATH", .code = OPT_BASELINE,
	  .help = "an earlier run: its --json file, supplier workbooks or their\n"
		  "directory (repeatable): changes, new/persisting/resolved findings,\n"
		  "Action plan entries carried over",
	  .repeat = DILIGO_MAX_BASELINES },
	CLI_OPT_MAX_INSTRUCTIONS,
	CLI_OPT_MAX_MEMORY,
	{ .name = "max-seconds", .arg = "S", .code = OPT_MAX_SECONDS,
	  .help = "wall clock per assessment and per pack load, in seconds\n(default {default})",
	  .min = 0.1, .max = 3600, .def = ISOLATE_DEFAULT_SECONDS },
	{ .name = "isolate", .code = OPT_ISOLATE,
	  .help = "run bundled packs in a child process too\n(third-party packs always are)" },
	{ .name = "quiet", .letter = 'q', .code = 'q', .help = "no progress or summary" },
	{ .name = NULL },
};

static int parse(int argc, char **argv, struct assess_opts *o)
{
	struct cli_getopt g;
	int opt;

	o->fail_on = -1;
	cli_getopt_init(&g, "assess", assess_options, &o->c);
	while ((opt = cli_getopt(&g, argc, argv)) >= 0) {
		switch (opt) {
		case 'o': o->output = g.arg; break;
		case 'p': o->portfolio = g.arg; break;
		case OPT_JSON: o->json = g.arg; break;
		case OPT_BASELINE: o->baselines[o->nbaselines++] = g.arg; break;
		case OPT_COUNTRY_RISK: o->country_risk = g.arg; break;
		case 'q': o->quiet = true; break;
		case 'j': o->jobs = (int)g.num; break;
		case OPT_MAX_SECONDS: o->isolate.max_seconds = g.num; break;
		case OPT_ISOLATE: o->isolate.always = true; break;
		case 'a':
			if (strcmp(g.arg, "company") && strcmp(g.arg, "stakeholder"))
				return cli_opt_usage(&g, "takes company or stakeholder, not '%s'", g.arg);
			o->stakeholder = !strcmp(g.arg, "stakeholder");
			break;
		case OPT_PSEUDONYMISE: o->pseudonymise = true; break;
		case OPT_PSEUDONYM_KEY: o->key_file = g.arg; break;
		case OPT_PAPER:
			if (strcmp(g.arg, "a4") && strcmp(g.arg, "letter"))
				return cli_opt_usage(&g, "takes a4 or letter, not '%s'", g.arg);
			o->paper = !strcmp(g.arg, "letter") ? REPORT_PAPER_LETTER : REPORT_PAPER_A4;
			break;
		case OPT_FAIL_ON:
			o->fail_on = level_parse(g.arg);
			if (o->fail_on < 0)
				return cli_opt_usage(&g, "takes low, medium, high or critical, not '%s'",
						     g.arg);
			break;
		default: /* every row has its case */
			break;
		}
	}
	if (opt == CLI_OPT_BAD)
		return EXIT_USAGE;
	if (optind >= argc)
		return cli_usage("assess", "no questionnaire given");
	if (o->pseudonymise && !o->stakeholder)
		return cli_usage("assess", "--pseudonymise is for stakeholder copies: add -a stakeholder");
	if (o->pseudonymise && !o->key_file)
		return cli_usage("assess", "--pseudonymise needs --pseudonym-key FILE (the secret that "
					   "keeps pseudonyms stable and unguessable)");
	if (o->key_file && !o->pseudonymise)
		return cli_usage("assess", "--pseudonym-key is used only with --pseudonymise");
	return 0;
}

/* The pseudonyms' key: read, or created with mode 0600 when missing. */
static int load_key(const struct assess_opts *o, unsigned char *key, size_t *len, bool quiet)
{
	struct err e = { 0 };
	bool created;

	if (keyfile_load(o->key_file, key, len, &created, &e)) {
		cli_print_err(&e);
		return err_exit_code(e.code);
	}
	if (created && !quiet)
		fprintf(stderr, "diligo: created pseudonym key %s (mode 0600); keep it to get the same "
				"pseudonyms next time\n", o->key_file);
	return 0;
}

/* Where per-supplier workbooks go: a file, a directory, or nowhere (a
 * portfolio or JSON run without -o). */
static int plan_output(struct assess_opts *o, int ninputs, bool *to_dir, struct err *e)
{
	struct stat st;
	size_t n;

	*to_dir = false;
	if (!o->output)
		return 0;
	n = strlen(o->output);
	if (stat(o->output, &st) == 0 && S_ISDIR(st.st_mode)) {
		*to_dir = true;
		return 0;
	}
	if (ninputs == 1 && !(n && o->output[n - 1] == '/'))
		return 0;
	if (n > 5 && !strcmp(o->output + n - 5, ".xlsx"))
		return err_set(e, ERR_USAGE, "with several inputs, -o names a directory, not '%s'",
			       o->output);
	if (mkdir(o->output, 0777) && errno != EEXIST)
		return err_set(e, ERR_IO, "cannot create directory '%s': %s", o->output, strerror(errno));
	*to_dir = true;
	return 0;
}

static void print_diag(void *ud, const struct err *e)
{
	(void)ud;
	cli_print_err(e);
}

static int baseline_problems;

/* A damaged file in a baseline directory: said, then passed over. */
static void print_warning(void *ud, const struct err *e)
{
	(void)ud;
	cli_print_err(e);
	baseline_problems++;
}

/* Count, rate and ETA on stderr (set only when it is a terminal). */
static void progress(void *ud, int done, int total)
{
	static struct timespec t0;
	struct timespec now;
	double secs, rate;

	(void)ud;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (done == 1)
		t0 = now;
	if (done % 100 && done != total)
		return;
	secs = (double)(now.tv_sec - t0.tv_sec) + (double)(now.tv_nsec - t0.tv_nsec) / 1e9;
	rate = secs > 0 ? done / secs : 0;
	fprintf(stderr, "\rdiligo: %d/%d questionnaires, %.0f/s, ETA %.0f s   ", done, total, rate,
		rate > 0 ? (total - done) / rate : 0);
	if (done == total)
		fputc('\n', stderr);
}

static void print_summary(const struct batch_opts *o, const struct batch_summary *s)
{
	int failed = s->invalid + s->pack_errors + s->io_errors;
	char *line = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&line, &len);

	if (!m)
		return;
	fprintf(m, "diligo: assessed %d of %d questionnaire%s", s->assessed, o->ninputs,
		o->ninputs == 1 ? "" : "s");
	if (failed)
		fprintf(m, " (%d failed)", failed);
	if (s->outputs_failed)
		fprintf(m, "; %d output%s not written", s->outputs_failed,
			s->outputs_failed == 1 ? "" : "s");
	if (s->red_flags)
		fprintf(m, ", %d red flag%s", s->red_flags, s->red_flags == 1 ? "" : "s");
	if (s->workbooks && o->output && !o->output_is_dir)
		fprintf(m, "; workbook: %s", o->output);
	else if (s->workbooks)
		fprintf(m, "; workbooks in %s/", o->output ? o->output : ".");
	if (o->portfolio && !s->outputs_failed)
		fprintf(m, "; portfolio: %s", o->portfolio);
	if (o->json && strcmp(o->json, "-") && !s->outputs_failed)
		fprintf(m, "; JSON: %s", o->json);
	if (fclose(m) == 0 && line)
		cli_say(stderr, "%s", line); /* the paths escaped */
	free(line);
}

/* The country-risk file: the one named, none, or plugins/country-risk.csv
 * on the search path (absent: none). NULL with *e set on an error. */
static struct crisk *country_risk(struct assess_opts *o, bool *failed, struct err *e)
{
	char path[DILIGO_MAX_PATH];
	struct lhost *h;
	bool found;

	*failed = false;
	if (o->country_risk && !strcmp(o->country_risk, "none"))
		return NULL;
	if (o->country_risk) {
		struct crisk *c = crisk_load(o->country_risk, e);

		*failed = !c;
		if (!c && e->code == ERR_INPUT)
			e->code = ERR_USAGE; /* the option's file, not a questionnaire, is wrong */
		return c;
	}
	if (!(h = cli_lhost(&o->c, e))) {
		*failed = true;
		return NULL;
	}
	found = lhost_find_data(h, "country-risk.csv", path, sizeof path);
	lhost_free(h);
	if (!found)
		return NULL;
	{
		struct crisk *c = crisk_load(path, e);

		*failed = !c;
		if (c) /* as the reports name the built-in Lua files: wherever diligo is installed */
			c->path = "plugins/country-risk.csv";
		return c;
	}
}

int cmd_assess(int argc, char **argv)
{
	struct assess_opts o = { 0 };
	struct batch_opts bo = { 0 };
	struct batch_summary sum = { 0 };
	struct err e = { 0 };
	static unsigned char key[KEYFILE_MAX];
	size_t keylen = 0;
	char **inputs;
	int ninputs, rc = parse(argc, argv, &o);
	bool to_dir, failed;
	struct crisk *crisk;

	if (rc)
		return rc;
	if (o.pseudonymise && (rc = load_key(&o, key, &keylen, o.quiet)))
		return rc;
	if (cli_inputs(argv + optind, argc - optind, &inputs, &ninputs, &e)) {
		cli_print_err(&e);
		return err_exit_code(e.code);
	}
	if (!ninputs) {
		cli_inputs_free(inputs, ninputs);
		return cli_usage("assess", "no *.yaml or *.yml questionnaire found in the inputs");
	}
	if (plan_output(&o, ninputs, &to_dir, &e)) {
		cli_inputs_free(inputs, ninputs);
		cli_print_err(&e);
		return err_exit_code(e.code);
	}
	/* the reports' texts in --lang first: the baseline reader knows a
	 * report's sheets and headings in English and in that language */
	if (cli_use_lang(&o.c, &e) || (o.nbaselines && cli_baseline_languages(&o.c, &e))) {
		cli_common_free(&o.c);
		cli_inputs_free(inputs, ninputs);
		cli_print_err(&e);
		return err_exit_code(e.code);
	}
	if (o.nbaselines && !(bo.baseline = baseline_open(o.baselines, o.nbaselines, print_warning,
							       NULL, &e))) {
		cli_common_free(&o.c);
		cli_inputs_free(inputs, ninputs);
		cli_print_err(&e);
		return err_exit_code(e.code);
	}
	o.c.hash_files = o.output || (!o.portfolio && !o.json);
	bo.lhost = cli_lhost_opts(&o.c); /* DILIGO_PATH read once, before any thread */
	crisk = country_risk(&o, &failed, &e);
	bo.crisk = crisk;
	if (failed) {
		cli_common_free(&o.c);
		cli_inputs_free(inputs, ninputs);
		cli_print_err(&e);
		return err_exit_code(e.code);
	}
	bo.lhost.max_seconds = o.isolate.max_seconds; /* loads and bundled packs too */
	bo.sector = o.c.sector;
	bo.isolate = o.isolate;
	bo.diag = print_diag;
	bo.progress = o.quiet || !isatty(2) ? NULL : progress;
	bo.inputs = (const char *const *)inputs;
	bo.ninputs = ninputs;
	bo.output = o.output;
	bo.output_is_dir = to_dir;
	bo.per_supplier = o.output || (!o.portfolio && !o.json);
	bo.portfolio = o.portfolio;
	bo.json = o.json;
	bo.stakeholder = o.stakeholder;
	bo.pseudonymise = o.pseudonymise;
	bo.key = key;
	bo.keylen = keylen;
	bo.paper = o.paper;
	bo.jobs = o.jobs;
	bo.quiet = o.quiet;
	bo.now = (time_t)cli_now();
	rc = batch_run(&bo, &sum);
	memset(key, 0, sizeof key);
	baseline_free((struct baseline *)bo.baseline);
	crisk_free(crisk);
	cli_common_free(&o.c);
	cli_inputs_free(inputs, ninputs);
	if (rc)
		return rc;
	if (!o.quiet)
		print_summary(&bo, &sum);
	if (sum.pack_errors)
		return EXIT_PACK;
	if (sum.io_errors || sum.outputs_failed)
		return EXIT_IO;
	if (sum.invalid || baseline_problems || (o.fail_on >= 0 && sum.max_level >= o.fail_on))
		return EXIT_INVALID;
	return EXIT_OK;
}
