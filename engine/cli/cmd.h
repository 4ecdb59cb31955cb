/* cmd: the subcommands. Each takes argc/argv starting at its own name and
 * returns a process exit code (enum exit_code). */
#ifndef DILIGO_CMD_H
#define DILIGO_CMD_H

struct cmd {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
	const char *usage; /* full help text */
};

int cmd_assess(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_template(int argc, char **argv);
int cmd_sectors(int argc, char **argv);
int cmd_duties(int argc, char **argv);
int cmd_plugin(int argc, char **argv);
int cmd_help(int argc, char **argv);
int cmd_version(int argc, char **argv);

extern const struct cmd commands[];
const struct cmd *cmd_find(const char *name);
/* Print a command's help to stdout (for --help and diligo help). */
int cmd_print_help(const char *name);

#endif
