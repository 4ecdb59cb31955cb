/* cli: what the cmd_* files share — option values common to several
 * commands, building the Lua host from them, expanding inputs, printing
 * errors. Only main and cmd_* print. */
#ifndef DILIGO_CLI_H
#define DILIGO_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "bounds.h"
#include "err.h"
#include "lhost.h"
#include "qn.h"


struct cli_common {
	const char *paths[DILIGO_MAX_CLI_PATHS]; /* --plugin-path, then DILIGO_PATH */
	int npaths;
	long max_instructions;
	size_t max_memory;
	const char *sector;
	bool resolved; /* DILIGO_PATH appended (cli_resolve) */
	bool hash_files; /* Lua files' SHA-256 needed (supplier workbooks) */
	char *env_copy;
};

/* Long options shared by assess, validate, plugin, template, sectors:
 * returns true when opt was one of them (and consumed optarg). */
bool cli_common_opt(struct cli_common *c, int opt, const char *arg, struct err *e);
/* getopt codes of the shared long options */
enum { OPT_PLUGIN_PATH = 1000, OPT_MAX_INSTR, OPT_MAX_MEM, OPT_JSON, OPT_FAIL_ON, OPT_FRAMEWORK };
#define CLI_COMMON_LONGOPTS                                                          \
	{ "plugin-path", required_argument, NULL, OPT_PLUGIN_PATH },                     \
	{ "max-instructions", required_argument, NULL, OPT_MAX_INSTR },                  \
	{ "max-memory", required_argument, NULL, OPT_MAX_MEM },                          \
	{ "sector", required_argument, NULL, 's' }

/* Append DILIGO_PATH to the search path; once, before any thread starts. */
void cli_resolve(struct cli_common *c);
/* Release what cli_resolve kept (after every Lua host is built). */
void cli_common_free(struct cli_common *c);
/* The Lua host options c gives (search path resolved). */
struct lhost_opts cli_lhost_opts(struct cli_common *c);
/* A Lua host with c's search path and budgets (thread-safe after cli_resolve). */
struct lhost *cli_lhost(struct cli_common *c, struct err *e);
/* getopt over the shared options only (validate, sectors, template). */
int cli_parse_common(int argc, char **argv, const char *cmd, struct cli_common *c);

/* Files named, and *.yaml / *.yml under directories named (recursive,
 * sorted). The list is malloc'd; free with cli_inputs_free. */
int cli_inputs(char *const *args, int n, char ***out, int *nout, struct err *e);
void cli_inputs_free(char **v, int n);

/* "diligo: message" on stderr; input errors as file:line:col: message */
void cli_print_err(const struct err *e);
/* Usage error: prints message and a hint, returns EXIT_USAGE. */
int cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Generation time: SOURCE_DATE_EPOCH when set, else now. */
long long cli_now(void);

#endif
