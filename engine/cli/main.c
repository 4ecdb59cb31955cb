/* diligo: main only sets up and dispatches through the command table. */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "err.h"
#include "outfile.h"

int main(int argc, char **argv)
{
	const struct cmd *c;

	outfile_cleanup_on_signals(); /* before any thread: no temporary file outlives a signal */
	if (argc < 2)
		return cmd_help(1, argv), EXIT_USAGE;
	if (argv[1][0] == '-' && argv[1][1]) { /* --version, -V, --help, -h */
		const struct cli_opt *o;

		if (!(o = cli_opt_named(global_options, argv[1])))
			return cli_unknown_option(NULL, global_options, argv[1]);
		return o->code == 'V' ? cmd_version(argc - 1, argv + 1) : cmd_help(1, argv + 1);
	}
	c = cmd_find(argv[1]);
	if (!c)
		return cmd_unknown(argv[1]);
	for (int i = 2; i < argc && strcmp(argv[i], "--"); i++) { /* CMD ... --help */
		const struct cli_opt *o = cli_opt_named(global_options, argv[i]);

		if (o && o->code == 'h')
			return cmd_print_help(c->name);
	}
	return c->run(argc - 1, argv + 1);
}
