/* diligo: main only sets up and dispatches through the command table. */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "err.h"

int main(int argc, char **argv)
{
	const struct cmd *c;

	if (argc < 2)
		return cmd_help(1, argv), EXIT_USAGE;
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V"))
		return cmd_version(argc - 1, argv + 1);
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return cmd_help(1, argv + 1);
	c = cmd_find(argv[1]);
	if (!c) {
		fprintf(stderr, "diligo: '%s' is not a diligo command. See 'diligo help'.\n", argv[1]);
		return EXIT_USAGE;
	}
	for (int i = 2; i < argc && strcmp(argv[i], "--"); i++)
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return cmd_print_help(c->name);
	return c->run(argc - 1, argv + 1);
}
