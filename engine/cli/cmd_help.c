/* The command table and the help texts (docs/diligo.1 carries the same). */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "err.h"

const struct cmd commands[] = {
	{ "assess", cmd_assess, "assess questionnaires and write workbooks",
	  "usage: diligo assess [options] INPUT...\n"
	  "  INPUT: questionnaire files, or directories (searched for *.yaml, *.yml)\n"
	  "  -s, --sector NAME      sector pack (default: each questionnaire's supplier.sector)\n"
	  "  -o, --output PATH      one input: the workbook path; several: a directory\n"
	  "  -p, --portfolio PATH   one portfolio workbook over all inputs\n"
	  "      --json PATH        machine-readable results (\"-\" = stdout)\n"
	  "  -a, --audience company|stakeholder   (stakeholder = redacted)\n"
	  "  -j, --jobs N           worker threads (default: online cores)\n"
	  "      --plugin-path DIR  searched before the built-in packs (repeatable; also DILIGO_PATH)\n"
	  "      --fail-on LEVEL    exit 1 when any finding is at or above LEVEL\n"
	  "                         (low|medium|high|critical)\n"
	  "      --max-instructions N  Lua instruction budget per assessment (default 10000000)\n"
	  "      --max-memory MIB   Lua memory cap per assessment (default 64)\n"
	  "  -q, --quiet            no progress or summary\n" },
	{ "validate", cmd_validate, "check questionnaires only",
	  "usage: diligo validate [-s NAME] [--plugin-path DIR] INPUT...\n"
	  "  Prints one line per problem, file:line:col: message; exit 1 when any input is invalid.\n" },
	{ "template", cmd_template, "write a blank questionnaire for suppliers",
	  "usage: diligo template -s NAME [-o FILE]\n"
	  "  Every question of the pack as a key, with its text, help, allowed values and duties\n"
	  "  as YAML comments.\n" },
	{ "sectors", cmd_sectors, "list the installed sector packs",
	  "usage: diligo sectors [--plugin-path DIR]\n" },
	{ "duties", cmd_duties, "print the duty catalogue",
	  "usage: diligo duties [--framework F]\n"
	  "  F: UNGP, CSDDD, OECD, or a sector standard such as GISTM.\n" },
	{ "plugin", cmd_plugin, "check packs and modules, run their tests",
	  "usage: diligo plugin check FILE...\n"
	  "       diligo plugin test FILE|DIR...\n"
	  "  check: load each pack or module and report every contract error (exit 3).\n"
	  "  test: run the tests embedded in packs and modules, in the real sandbox;\n"
	  "        one line per test, exit 1 when any fails.\n" },
	{ "help", cmd_help, "show help for a command",
	  "usage: diligo help [COMMAND]\n" },
	{ NULL, NULL, NULL, NULL },
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

	if (!c) {
		fprintf(stderr, "diligo: no help for '%s': not a diligo command\n", name);
		return EXIT_USAGE;
	}
	fputs(c->usage, stdout);
	return EXIT_OK;
}

int cmd_help(int argc, char **argv)
{
	if (argc > 1)
		return cmd_print_help(argv[1]);
	printf("diligo %s: supplier human-rights and environmental due-diligence assessment\n\n"
	       "usage: diligo COMMAND [options]\n\n", DILIGO_VERSION);
	for (const struct cmd *c = commands; c->name; c++)
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
