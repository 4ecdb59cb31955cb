/* cli: what the cmd_* files share — the option tables and their parser,
 * option values common to several commands, building the Lua host from
 * them, expanding inputs, printing errors. Only main and cmd_* print. */
#ifndef DILIGO_CLI_H
#define DILIGO_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "bounds.h"
#include "err.h"
#include "lhost.h"
#include "qn.h"

/* ---- option tables ----------------------------------------------------
 * Each command has one table of struct cli_opt, ended by { NULL }. It is
 * the one source of the command's options: cli_getopt builds getopt_long's
 * struct option[] and short-option string from it, `diligo help CMD` prints
 * its option lines from it, and tests/manpage/check.py checks the
 * OPTIONS of docs/diligo.1 against it (tests/manpage/optdump.c prints it). */
struct cli_opt {
	const char *name; /* long name, without "--" */
	int letter;       /* short option letter; 0 = long only */
	const char *arg;  /* argument name shown in the help; NULL = takes none */
	const char *help; /* help line: "\n" continues it below, "{default}" is def */
	int code;         /* what cli_getopt returns: the letter, or an OPT_* code */
	/* a numeric argument (min < max): its range, checked by cli_getopt */
	double min, max;
	bool integer;   /* whole numbers only */
	long long def;  /* the default, as the help line quotes it */
	int repeat;     /* at most this many times (0: any; the last one wins) */
};

/* getopt codes of long-only options */
enum { OPT_PLUGIN_PATH = 1000, OPT_MAX_INSTR, OPT_MAX_MEM, OPT_JSON, OPT_FAIL_ON, OPT_FRAMEWORK,
       OPT_FRAMEWORKS, OPT_REGIME, OPT_COUNTRY_RISK };
enum { OPT_MAX_SECONDS = 1100, OPT_ISOLATE };
enum { OPT_BASELINE = 1200 };
enum { OPT_FORMAT = 1300, OPT_CONTACT, OPT_FROM };
enum { OPT_PAPER = 1400, OPT_PSEUDONYMISE, OPT_PSEUDONYM_KEY };
enum { OPT_LANG = 1600 };

/* The rows several commands share; cli_getopt stores them in struct
 * cli_common itself. */
#define CLI_OPT_SECTOR                                                                       \
	{ .name = "sector", .letter = 's', .arg = "NAME", .code = 's',                      \
	  .help = "sector pack (default: each questionnaire's supplier.sector)" }
#define CLI_OPT_PLUGIN_PATH                                                                  \
	{ .name = "plugin-path", .arg = "DIR", .code = OPT_PLUGIN_PATH,                      \
	  .help = "searched before the built-in packs (repeatable; also DILIGO_PATH)",       \
	  .repeat = DILIGO_MAX_CLI_PATHS }
#define CLI_OPT_MAX_INSTRUCTIONS                                                             \
	{ .name = "max-instructions", .arg = "N", .code = OPT_MAX_INSTR,                     \
	  .help = "Lua instruction budget per assessment (default {default})",               \
	  .min = DILIGO_MIN_INSTRUCTIONS, .max = DILIGO_MAX_INSTRUCTIONS,                     \
	  .def = LHOST_DEFAULT_INSTRUCTIONS }
#define CLI_OPT_MAX_MEMORY                                                                   \
	{ .name = "max-memory", .arg = "MIB", .code = OPT_MAX_MEM,                           \
	  .help = "Lua memory cap per assessment (default {default})",                       \
	  .min = 1, .max = DILIGO_MAX_MEMORY_MB, .def = LHOST_DEFAULT_MEMORY_MB }

#define CLI_OPT_REGIME                                                                       \
	{ .name = "regime", .arg = "NAME", .code = OPT_REGIME,                               \
	  .help = "legal regime of the duty catalogue (default: the CSDDD as amended\n"       \
		  "by Omnibus I; csddd-2024: as first adopted)" }
#define CLI_OPT_LANG                                                                         \
	{ .name = "lang", .arg = "LANG", .code = OPT_LANG,                                   \
	  .help = "the language of questionnaires and reports: en (default), fr, es, pt" }
/* template and convert: the questionnaire's format, and the workbook's
 * contact */
#define CLI_OPT_FORMAT                                                                       \
	{ .name = "format", .arg = "yaml|xlsx", .code = OPT_FORMAT,                          \
	  .help = "the output's format (default: from its name)" }
#define CLI_OPT_CONTACT                                                                      \
	{ .name = "contact", .arg = "TEXT", .code = OPT_CONTACT,                             \
	  .help = "whom suppliers return the workbook to (its Instructions sheet)" }

/* Option values common to several commands. */
struct cli_common {
	const char *paths[DILIGO_MAX_CLI_PATHS]; /* --plugin-path, DILIGO_PATH, the user's */
	int npaths;
	long max_instructions;
	size_t max_memory;
	const char *sector;
	const char *regime; /* --regime */
	const char *lang; /* --lang (NULL: English, as the packs are written) */
	bool resolved; /* DILIGO_PATH appended (cli_resolve) */
	bool hash_files; /* Lua files' SHA-256 needed (supplier workbooks) */
	char *env_copy;
	char *user_dir; /* $XDG_DATA_HOME/diligo, searched after DILIGO_PATH */
};

/* The parser over one command's table. */
struct cli_getopt {
	const char *cmd;            /* named in the hint after a usage error */
	const struct cli_opt *opts; /* the table */
	struct cli_common *common;  /* where the shared rows go; NULL: returned */
	struct option longopts[DILIGO_MAX_OPTIONS + 1];
	char shortopts[2 + 2 * DILIGO_MAX_OPTIONS]; /* ":" then "x" or "x:" per letter */
	int times[DILIGO_MAX_OPTIONS];              /* how often each row was given */
	/* the option just returned */
	const struct cli_opt *row;
	bool as_long;    /* given by its long name (else by its letter) */
	const char *arg; /* its argument, or NULL */
	double num;      /* a numeric argument, within the row's range */
};

enum { CLI_OPT_END = -1, CLI_OPT_BAD = -2 };

/* Start parsing argv[1..] for cmd with its table; shared rows are stored
 * in common (when not NULL). */
void cli_getopt_init(struct cli_getopt *g, const char *cmd, const struct cli_opt *opts,
		     struct cli_common *common);
/* The next option's code (g->row, g->arg, g->num describe it), CLI_OPT_END
 * after the last one (optind is then the first operand), or CLI_OPT_BAD
 * after printing a usage error that names the option. */
int cli_getopt(struct cli_getopt *g, int argc, char **argv);
/* A usage error about the option just returned: "diligo: option '-j' ...",
 * then the hint. Returns EXIT_USAGE. */
int cli_opt_usage(const struct cli_getopt *g, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* getopt over a table of shared rows only (validate, sectors, plugin):
 * 0, or EXIT_USAGE after printing why. */
int cli_parse_common(int argc, char **argv, const char *cmd, const struct cli_opt *opts,
		     struct cli_common *c);

/* The row arg names exactly ("--name" or "-x"), or NULL. */
const struct cli_opt *cli_opt_named(const struct cli_opt *opts, const char *arg);
/* "diligo: unknown option 'ARG' (did you mean '--NAME'?)" and the hint
 * for cmd (NULL: the command list). Returns EXIT_USAGE. */
int cli_unknown_option(const char *cmd, const struct cli_opt *opts, const char *arg);
/* A row's option line as `diligo help CMD` prints it. */
void cli_opt_print(FILE *f, const struct cli_opt *o);
/* A row's help text alone, "{default}" replaced; each "\n" starts a line
 * indented by indent spaces (indent < 0: a space, all on one line). */
void cli_opt_write_help(FILE *f, const struct cli_opt *o, int indent);

/* Append DILIGO_PATH to the search path; once, before any thread starts. */
void cli_resolve(struct cli_common *c);
/* With --lang: the reports' texts in that language (the PO domain
 * "diligo" on the search path); 0, or an err code with e filled. */
int cli_use_lang(struct cli_common *c, struct err *e);
/* With --baseline: supplier workbooks in every shipped language read back
 * (the reports' texts of each language for the baseline reader). */
int cli_baseline_languages(struct cli_common *c, struct err *e);
/* Release what cli_resolve kept (after every Lua host is built). */
void cli_common_free(struct cli_common *c);
/* The Lua host options c gives (search path resolved). */
struct lhost_opts cli_lhost_opts(struct cli_common *c);
/* A Lua host with c's search path and budgets (thread-safe after cli_resolve). */
struct lhost *cli_lhost(struct cli_common *c, struct err *e);

/* Files named, and *.yaml / *.yml / *.xlsx under directories named
 * (recursive, sorted; names starting with a dot or ~$ skipped). The list
 * is allocated; free with cli_inputs_free. */
int cli_inputs(char *const *args, int n, char ***out, int *nout, struct err *e);
void cli_inputs_free(char **v, int n);

/* "diligo: message" on stderr; input errors as file:line:col: message.
 * Everything diligo prints that holds a path or text from an input or a
 * pack goes through cli_put or cli_say, so that a newline in a file name
 * cannot forge a diagnostic line. */
void cli_print_err(const struct err *e);
/* A Lua file that failed to load: every contract error the host found, or
 * else e. */
struct lhost;
void cli_print_load_errors(struct lhost *h, const struct err *e);
/* s with control characters (\n, \r, \t, \xHH, \u0085), bytes that are not
 * UTF-8 (\xHH), line separators and bidirectional overrides (\u202e)
 * escaped. */
void cli_put(FILE *f, const char *s);
/* One line: the formatted text through cli_put, then a newline. */
void cli_say(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Usage error: prints message and a hint, returns EXIT_USAGE. */
int cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Generation time: SOURCE_DATE_EPOCH when set, else now. */
long long cli_now(void);

#endif
