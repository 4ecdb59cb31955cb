/* optdump: the command table and every command's option table, for
 * tests/manpage/check.py. One line per command, "command<TAB>NAME", then
 * one per option row, tab-separated: "option", command, letter ("-" =
 * none), long name, argument name ("" = none), range min and max ("" = not
 * numeric), default, repeat limit, help line (on one line). The options
 * before a command are those of the command "global". */
#include <stdio.h>

#include "cmd.h"

static void dump(const char *cmd, const struct cli_opt *o)
{
	for (; o && o->name; o++) {
		printf("option\t%s\t%c\t%s\t%s\t", cmd, o->letter ? o->letter : '-', o->name,
		       o->arg ? o->arg : "");
		if (o->min < o->max)
			printf("%.0f\t%.0f\t", o->min, o->max);
		else
			printf("\t\t");
		printf("%lld\t%d\t", o->def, o->repeat);
		cli_opt_write_help(stdout, o, -1);
		putchar('\n');
	}
}

int main(void)
{
	for (const struct cmd *c = commands; c->name; c++) {
		printf("command\t%s\n", c->name);
		dump(c->name, c->options);
	}
	printf("command\tglobal\n");
	dump("global", global_options);
	return ferror(stdout) ? 1 : 0;
}
