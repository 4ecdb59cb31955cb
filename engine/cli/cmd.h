/* cmd: the subcommands. Each takes argc/argv starting at its own name and
 * returns a process exit code (enum exit_code). */
#ifndef DILIGO_CMD_H
#define DILIGO_CMD_H

#include "cli.h"

struct cmd {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary; /* in the command list; NULL: an alias, not listed */
	const char *usage;   /* synopsis and description; the option lines follow */
	const struct cli_opt *options; /* the option table, or NULL */
};

int cmd_assess(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_template(int argc, char **argv);
int cmd_convert(int argc, char **argv);
int cmd_sectors(int argc, char **argv);
int cmd_duties(int argc, char **argv);
int cmd_plugin(int argc, char **argv);
int cmd_i18n(int argc, char **argv);
/* plugin check: the translations of file (p: the pack it made, or NULL
 * for the catalogue and framework files) against its texts: coverage per
 * language on stdout, each problem on stderr; EXIT_PACK when any. */
struct lhost;
int cli_check_translations(struct lhost *h, const struct pack *p, const char *file);
int cmd_help(int argc, char **argv);
int cmd_version(int argc, char **argv);

/* The option tables, each next to the command that parses it. */
extern const struct cli_opt assess_options[], validate_options[], template_options[],
	convert_options[], sectors_options[], duties_options[], plugin_options[],
	i18n_options[];
/* Options before any command: --version, --help (main matches them). */
extern const struct cli_opt global_options[];

extern const struct cmd commands[];
const struct cmd *cmd_find(const char *name);
/* "diligo: unknown command 'NAME' (did you mean ...?)" and the hint;
 * returns EXIT_USAGE. */
int cmd_unknown(const char *name);
/* Print a command's help to stdout (for --help and diligo help). */
int cmd_print_help(const char *name);

/* template and convert (cmd_template.c): a questionnaire's format from
 * --format (arg) or else the name of path (.xlsx, .yaml, .yml; -1 when it
 * tells nothing), and writing one, blank or with q's answers, to out (NULL:
 * standard output, YAML only). Both return 0 or an exit code after
 * printing why. */
enum { CLI_QN_YAML, CLI_QN_XLSX };
int cli_qn_format(const struct cli_getopt *g, const char *arg, const char *path, int *fmt);
int cli_write_qn(const char *out, int fmt, const struct pack *p, const struct qn *q,
		 const char *contact);

#endif
