#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"

static bool parse_size(const char *s, double lo, double hi, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || *end || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

bool cli_common_opt(struct cli_common *c, int opt, const char *arg, struct err *e)
{
	double v = 0;

	switch (opt) {
	case OPT_PLUGIN_PATH:
		if (c->npaths == DILIGO_MAX_CLI_PATHS)
			err_set(e, ERR_USAGE, "too many --plugin-path options");
		else
			c->paths[c->npaths++] = arg;
		return true;
	case OPT_MAX_INSTR:
		if (!parse_size(arg, 1000, 1e12, &v))
			err_set(e, ERR_USAGE, "--max-instructions takes a number from 1000, not '%s'", arg);
		c->max_instructions = (long)v;
		return true;
	case OPT_MAX_MEM:
		if (!parse_size(arg, 1, 65536, &v))
			err_set(e, ERR_USAGE, "--max-memory takes MiB from 1 to 65536, not '%s'", arg);
		c->max_memory = (size_t)(v * 1024 * 1024);
		return true;
	case 's':
		c->sector = arg;
		return true;
	default:
		return false;
	}
}

void cli_resolve(struct cli_common *c)
{
	const char *env = getenv("DILIGO_PATH");
	char *save = NULL;

	if (c->resolved)
		return;
	c->resolved = true;
	c->env_copy = env ? strdup(env) : NULL; /* lives as long as the process */
	for (char *tok = c->env_copy ? strtok_r(c->env_copy, ":", &save) : NULL;
	     tok && c->npaths < DILIGO_MAX_CLI_PATHS; tok = strtok_r(NULL, ":", &save))
		if (*tok)
			c->paths[c->npaths++] = tok;
}

void cli_common_free(struct cli_common *c)
{
	free(c->env_copy);
	c->env_copy = NULL;
}

struct lhost_opts cli_lhost_opts(struct cli_common *c)
{
	struct lhost_opts o = { 0 };

	if (!c->resolved)
		cli_resolve(c);
	o.paths = c->paths;
	o.npaths = c->npaths;
	o.max_instructions = c->max_instructions;
	o.max_memory = c->max_memory;
	o.hash_files = c->hash_files;
	return o;
}

struct lhost *cli_lhost(struct cli_common *c, struct err *e)
{
	struct lhost_opts o = cli_lhost_opts(c);

	return lhost_new(&o, e);
}

/* ---- inputs --------------------------------------------------------- */

struct list {
	char **v;
	int n, cap;
};

static void push(struct list *l, char *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = realloc(l->v, (size_t)l->cap * sizeof *l->v);
		if (!l->v)
			abort();
	}
	l->v[l->n++] = s;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_yaml(const char *name)
{
	size_t n = strlen(name);

	return (n > 5 && !strcmp(name + n - 5, ".yaml")) || (n > 4 && !strcmp(name + n - 4, ".yml"));
}

static int walk(const char *dir, struct list *l, int depth, struct err *e)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int first = l->n;

	if (!d)
		return err_set(e, ERR_IO, "cannot open '%s': %s", dir, strerror(errno));
	while ((de = readdir(d))) {
		char path[4096];
		struct stat st;

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		if (stat(path, &st))
			continue;
		if (S_ISDIR(st.st_mode) && depth < 16) {
			if (walk(path, l, depth + 1, e)) {
				closedir(d);
				return ERR_IO;
			}
		} else if (S_ISREG(st.st_mode) && is_yaml(de->d_name)) {
			push(l, strdup(path));
		}
	}
	closedir(d);
	if (l->n > first)
		qsort(l->v + first, (size_t)(l->n - first), sizeof *l->v, cmp);
	return 0;
}

int cli_inputs(char *const *args, int n, char ***out, int *nout, struct err *e)
{
	struct list l = { 0 };

	for (int i = 0; i < n; i++) {
		struct stat st;
		size_t len = strlen(args[i]);
		char *a = strdup(args[i]);

		while (len > 1 && a[len - 1] == '/')
			a[--len] = '\0';
		if (stat(a, &st) == 0 && S_ISDIR(st.st_mode)) {
			int before = l.n, rc = walk(a, &l, 0, e);

			if (!rc && l.n == before)
				rc = err_set(e, ERR_USAGE, "no questionnaire (*.yaml, *.yml) in '%s'", a);
			free(a);
			if (rc) {
				cli_inputs_free(l.v, l.n);
				return rc;
			}
		} else {
			push(&l, a); /* a missing file is reported when it is read */
		}
	}
	*out = l.v;
	*nout = l.n;
	return 0;
}

void cli_inputs_free(char **v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void cli_print_err(const struct err *e)
{
	char buf[2400];

	err_format(e, buf, sizeof buf);
	if (e->file[0] && e->line)
		fprintf(stderr, "%s\n", buf);
	else
		fprintf(stderr, "diligo: %s\n", buf);
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fputs("diligo: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'diligo help %s'.\n", cmd);
	return EXIT_USAGE;
}

long long cli_now(void)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");

	if (s && *s)
		return strtoll(s, NULL, 10);
	return (long long)time(NULL);
}
