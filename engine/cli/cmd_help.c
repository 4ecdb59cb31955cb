/* The command table and the help texts. Each command's option lines come
 * from its option table; docs/diligo.1 says the same (tests/manpage/check.py). */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "err.h"
#include "text.h"

const struct cli_opt global_options[] = {
	{ .name = "version", .letter = 'V', .code = 'V', .help = "print the version" },
	{ .name = "help", .letter = 'h', .code = 'h', .help = "print the list of commands" },
	{ .name = NULL },
};

const struct cmd commands[] = {
	{ "assess", cmd_assess, "assess questionnaires and write workbooks",
	  "usage: diligo assess [options] INPUT...\n"
	  "  INPUT: questionnaire files, or directories (searched for *.yaml, *.yml, *.xlsx)\n",
	  assess_options },
	{ "validate", cmd_validate, "check questionnaires only",
	  "usage: diligo validate [-s NAME] [--plugin-path DIR] INPUT...\n"
	  "  Prints one line per problem, file:line:col: message; exit 1 when any input is invalid.\n",
	  validate_options },
	{ "template", cmd_template, "write a questionnaire for suppliers (YAML or a workbook)",
	  "usage: diligo template -s NAME [-o FILE] [--from ANSWERS]\n"
	  "  Every question of the pack: as YAML, a key with its text, help, allowed values and\n"
	  "  duties as comments; as a workbook (-o FILE.xlsx), a row with a dropdown or a checked\n"
	  "  cell for the answer. --from fills in earlier answers.\n",
	  template_options },
	{ "convert", cmd_convert, "convert a questionnaire between YAML and a workbook",
	  "usage: diligo convert [-s NAME] INPUT -o OUTPUT\n"
	  "  INPUT is checked first; the format of OUTPUT comes from its name (.xlsx, .yaml).\n",
	  convert_options },
	{ "sectors", cmd_sectors, "list the installed sector packs",
	  "usage: diligo sectors [--plugin-path DIR]\n", sectors_options },
	{ "duties", cmd_duties, "print the duty catalogue",
	  "usage: diligo duties [--framework F | --frameworks]\n"
	  "  F: UNGP, CSDDD, OECD, a sector standard such as GISTM, or a framework that a\n"
	  "  plugin file adds (framework { ... }); --frameworks lists them all.\n", duties_options },
	{ "plugin", cmd_plugin, "check packs and modules, run their tests",
	  "usage: diligo plugin check FILE|DIR...\n"
	  "       diligo plugin test FILE|DIR...\n"
	  "  check: load each pack or module and report every contract error (exit 3).\n"
	  "  test: run the tests embedded in packs and modules, in the real sandbox;\n"
	  "        one line per test, exit 1 when any fails.\n"
	  "  DIR: a plugin-path root (its plugins/ and sectors/) or a directory of Lua files;\n"
	  "  nothing to check or no test found is exit 2.\n",
	  plugin_options },
	{ "i18n", cmd_i18n, "write translation templates (POT) for packs and reports",
	  "usage: diligo i18n extract FILE.lua [-o FILE.pot]\n"
	  "       diligo i18n extract --update FILE.lua...\n"
	  "       diligo i18n extract --reports [-o FILE.pot | --update]\n"
	  "  The texts a Lua file declares (questions, options, rules, detail templates,\n"
	  "  duties), each with a context naming its id and field; or the reports' own texts.\n"
	  "  Translations go in DIR/po/NAME/LANG.po next to the template (docs/translating.md).\n",
	  i18n_options },
	{ "help", cmd_help, "show help for a command",
	  "usage: diligo help [COMMAND]\n", NULL },
	{ "version", cmd_version, NULL, /* an alias of --version and -V */
	  "usage: diligo version\n"
	  "       diligo --version | -V\n", NULL },
	{ NULL, NULL, NULL, NULL, NULL },
};

const struct cmd *cmd_find(const char *name)
{
	for (const struct cmd *c = commands; c->name; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

int cmd_print_help(const char *name)
{
	const struct cmd *c = cmd_find(name);

	if (!c)
		return cmd_unknown(name);
	fputs(c->usage, stdout);
	for (const struct cli_opt *o = c->options; o && o->name; o++)
		cli_opt_print(stdout, o);
	return EXIT_OK;
}

int cmd_unknown(const char *name)
{
	enum { NCOMMANDS = sizeof commands / sizeof *commands - 1 };
	const char *names[NCOMMANDS], *near;

	for (int i = 0; i < NCOMMANDS; i++)
		names[i] = commands[i].name;
	near = text_closest(name, names, NCOMMANDS);
	fprintf(stderr, "diligo: unknown command '%s'", name);
	if (near)
		fprintf(stderr, " (did you mean '%s'?)", near);
	fputs("\nSee 'diligo help'.\n", stderr);
	return EXIT_USAGE;
}

int cmd_help(int argc, char **argv)
{
	if (argc > 1)
		return cmd_print_help(argv[1]);
	printf("diligo %s: supplier human-rights and environmental due-diligence assessment\n\n"
	       "usage: diligo COMMAND [options]\n\n", DILIGO_VERSION);
	for (const struct cmd *c = commands; c->name; c++)
		if (c->summary)
			printf("  %-10s %s\n", c->name, c->summary);
	printf("\n'diligo help COMMAND' or 'diligo COMMAND --help' for details; "
	       "'diligo --version'.\n");
	return EXIT_OK;
}

int cmd_version(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("diligo %s\n", DILIGO_VERSION);
	return EXIT_OK;
}
