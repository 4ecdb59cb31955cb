#include <dirent.h>
#include <stdint.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "alloc.h"
#include "cli.h"
#include "l10n.h"
#include "report_text.h"
#include "text.h"

/* ---- options -------------------------------------------------------- */

enum { HELP_COLUMN = 25 }; /* where `diligo help CMD` starts the help lines */

static void hint(const char *cmd)
{
	if (cmd)
		fprintf(stderr, "Try 'diligo help %s'.\n", cmd);
	else
		fputs("See 'diligo help'.\n", stderr);
}

/* ---- printing ---------------------------------------------------------- */

/* What could forge a line or hide text on a terminal: control characters
 * (C0, DEL, C1), line and paragraph separators, bidirectional overrides. */
static bool forges(int32_t cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 ||
	       cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

void cli_put(FILE *f, const char *s)
{
	const char *p = s, *run = s;
	size_t len;
	int32_t cp;

	while ((len = text_utf8_char(p, &cp))) {
		if (cp >= 0 && !forges(cp)) {
			p += len;
			continue;
		}
		fwrite(run, 1, (size_t)(p - run), f);
		if (cp == '\n')
			fputs("\\n", f);
		else if (cp == '\r')
			fputs("\\r", f);
		else if (cp == '\t')
			fputs("\\t", f);
		else if (cp >= 0x80)
			fprintf(f, "\\u%04x", (unsigned)cp);
		else /* a byte that is no character, or a C0 control */
			for (size_t i = 0; i < len; i++)
				fprintf(f, "\\x%02x", (unsigned char)p[i]);
		run = p += len;
	}
	fwrite(run, 1, (size_t)(p - run), f);
}

static void vsay(FILE *f, const char *prefix, const char *fmt, va_list ap)
{
	char small[1024], *buf = small;
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(small, sizeof small, fmt, ap);
	if (n >= (int)sizeof small) {
		buf = xmalloc((size_t)n + 1);
		vsnprintf(buf, (size_t)n + 1, fmt, ap2);
	}
	va_end(ap2);
	fputs(prefix, f);
	cli_put(f, n < 0 ? fmt : buf);
	fputc('\n', f);
	if (buf != small)
		free(buf);
}

void cli_say(FILE *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(f, "", fmt, ap);
	va_end(ap);
}

void cli_getopt_init(struct cli_getopt *g, const char *cmd, const struct cli_opt *opts,
		     struct cli_common *common)
{
	char *s;

	memset(g, 0, sizeof *g);
	g->cmd = cmd;
	g->opts = opts;
	g->common = common;
	s = g->shortopts;
	*s++ = ':'; /* a missing argument returns ':', an unknown option '?' */
	for (int i = 0; opts[i].name; i++) {
		if (i == DILIGO_MAX_OPTIONS) {
			fprintf(stderr, "diligo: the option table of '%s' is over DILIGO_MAX_OPTIONS\n",
				cmd);
			abort();
		}
		g->longopts[i].name = opts[i].name;
		g->longopts[i].has_arg = opts[i].arg ? required_argument : no_argument;
		g->longopts[i].val = opts[i].code;
		if (opts[i].letter) {
			*s++ = (char)opts[i].letter;
			if (opts[i].arg)
				*s++ = ':';
		}
	}
	*s = '\0';
	optind = 0; /* glibc: start over */
	opterr = 0; /* cli_getopt reports, once */
}

static int row_of(const struct cli_getopt *g, int code)
{
	for (int i = 0; g->opts[i].name; i++)
		if (g->opts[i].code == code)
			return i;
	return -1;
}

static bool parse_number(const struct cli_opt *o, const char *s, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = o->integer ? (double)strtoll(s, &end, 10) : strtod(s, &end);
	if (errno || end == s || *end || !(v >= o->min && v <= o->max))
		return false;
	*out = v;
	return true;
}

static bool is_common(int code)
{
	return code == 's' || code == OPT_PLUGIN_PATH || code == OPT_MAX_INSTR || code == OPT_MAX_MEM ||
	       code == OPT_REGIME || code == OPT_LANG;
}

static void store_common(struct cli_common *c, const struct cli_getopt *g)
{
	switch (g->row->code) {
	case 's':
		c->sector = g->arg;
		break;
	case OPT_PLUGIN_PATH: /* the row's repeat limit is DILIGO_MAX_CLI_PATHS */
		if (c->npaths < DILIGO_MAX_CLI_PATHS)
			c->paths[c->npaths++] = g->arg;
		break;
	case OPT_MAX_INSTR:
		c->max_instructions = (long)g->num;
		break;
	case OPT_MAX_MEM:
		c->max_memory = (size_t)(g->num * 1024 * 1024);
		break;
	case OPT_REGIME:
		c->regime = g->arg;
		break;
	case OPT_LANG:
		c->lang = strcmp(g->arg, "en") ? g->arg : NULL;
		break;
	default:
		break;
	}
}

int cli_opt_usage(const struct cli_getopt *g, const char *fmt, ...)
{
	va_list ap;
	char prefix[64];

	if (g->as_long)
		snprintf(prefix, sizeof prefix, "diligo: option '--%s' ", g->row->name);
	else
		snprintf(prefix, sizeof prefix, "diligo: option '-%c' ", g->row->letter);
	va_start(ap, fmt);
	vsay(stderr, prefix, fmt, ap); /* the argument given, escaped */
	va_end(ap);
	hint(g->cmd);
	return EXIT_USAGE;
}

/* getopt_long returned '?' */
static int bad_option(struct cli_getopt *g, char **argv)
{
	int i = optopt ? row_of(g, optopt) : -1;
	char letter[3] = { '-', (char)optopt, '\0' };

	if (i >= 0) { /* a known option that takes none given one: --quiet=yes */
		g->row = &g->opts[i];
		g->as_long = true;
		cli_opt_usage(g, "takes no argument");
	} else if (optopt) {
		cli_unknown_option(g->cmd, g->opts, letter);
	} else { /* a long option, unknown or ambiguous: glibc has stepped past it */
		cli_unknown_option(g->cmd, g->opts, argv[optind - 1]);
	}
	return CLI_OPT_BAD;
}

int cli_getopt(struct cli_getopt *g, int argc, char **argv)
{
	for (;;) {
		int li = -1, opt = getopt_long(argc, argv, g->shortopts, g->longopts, &li);
		int i;

		g->row = NULL;
		g->arg = NULL;
		g->num = 0;
		g->as_long = false;
		if (opt == -1)
			return CLI_OPT_END;
		if (opt == '?')
			return bad_option(g, argv);
		i = row_of(g, opt == ':' ? optopt : opt);
		if (i < 0) /* not from this table: cannot happen */
			return cli_unknown_option(g->cmd, g->opts, argv[optind - 1]), CLI_OPT_BAD;
		g->row = &g->opts[i];
		if (opt == ':') { /* the missing argument was due last, so argv[optind - 1] is the option */
			g->as_long = !strncmp(argv[optind - 1], "--", 2);
			cli_opt_usage(g, "needs an argument");
			return CLI_OPT_BAD;
		}
		g->as_long = li >= 0;
		g->arg = optarg;
		if (g->row->repeat && ++g->times[i] > g->row->repeat) {
			cli_opt_usage(g, "is given more than %d times", g->row->repeat);
			return CLI_OPT_BAD;
		}
		if (g->row->min < g->row->max && !parse_number(g->row, g->arg, &g->num)) {
			cli_opt_usage(g, "takes a %s from %.0f to %.0f, not '%s'",
				      g->row->integer ? "whole number" : "number", g->row->min, g->row->max,
				      g->arg);
			return CLI_OPT_BAD;
		}
		if (opt == OPT_LANG && !l10n_known(g->arg)) {
			cli_opt_usage(g, "takes en, " L10N_LANGS ", not '%s'", g->arg);
			return CLI_OPT_BAD;
		}
		if (g->common && is_common(opt)) {
			store_common(g->common, g);
			continue;
		}
		return opt;
	}
}

int cli_parse_common(int argc, char **argv, const char *cmd, const struct cli_opt *opts,
		     struct cli_common *c)
{
	struct cli_getopt g;
	int opt;

	cli_getopt_init(&g, cmd, opts, c);
	while ((opt = cli_getopt(&g, argc, argv)) >= 0)
		; /* a table of shared rows: cli_getopt stores them all */
	return opt == CLI_OPT_BAD ? EXIT_USAGE : 0;
}

const struct cli_opt *cli_opt_named(const struct cli_opt *opts, const char *arg)
{
	for (; opts->name; opts++)
		if ((!strncmp(arg, "--", 2) && !strcmp(arg + 2, opts->name)) ||
		    (opts->letter && arg[0] == '-' && arg[1] == opts->letter && !arg[2]))
			return opts;
	return NULL;
}

int cli_unknown_option(const char *cmd, const struct cli_opt *opts, const char *arg)
{
	const char *near = NULL;
	size_t len = strlen(arg);

	if (!strncmp(arg, "--", 2)) {
		const char *names[DILIGO_MAX_OPTIONS];
		int n = 0, nprefix = 0;
		char *name;

		len = 2 + strcspn(arg + 2, "="); /* --name=value */
		name = xstrdup(arg + 2);
		name[len - 2] = '\0';
		for (; n < DILIGO_MAX_OPTIONS && opts[n].name; n++) {
			names[n] = opts[n].name;
			nprefix += *name && !strncmp(opts[n].name, name, len - 2);
		}
		if (nprefix > 1) { /* glibc refuses an abbreviation of several */
			fprintf(stderr, "diligo: option '%.*s' is ambiguous (", (int)len, arg);
			for (int i = 0, k = 0; i < n; i++)
				if (!strncmp(names[i], name, len - 2))
					fprintf(stderr, "%s--%s", k++ ? ", " : "", names[i]);
			fputs(")\n", stderr);
			free(name);
			hint(cmd);
			return EXIT_USAGE;
		}
		near = text_closest(name, names, n);
		free(name);
	}
	if (near)
		cli_say(stderr, "diligo: unknown option '%.*s' (did you mean '--%s'?)", (int)len, arg,
			near);
	else
		cli_say(stderr, "diligo: unknown option '%.*s'", (int)len, arg);
	hint(cmd);
	return EXIT_USAGE;
}

void cli_opt_write_help(FILE *f, const struct cli_opt *o, int indent)
{
	static const char def[] = "{default}";

	for (const char *p = o->help; p && *p; p++) {
		if (!strncmp(p, def, sizeof def - 1)) {
			fprintf(f, "%lld", o->def);
			p += sizeof def - 2;
		} else if (*p == '\n' && indent < 0) {
			fputc(' ', f);
		} else if (*p == '\n') {
			fprintf(f, "\n%*s", indent, "");
		} else {
			fputc(*p, f);
		}
	}
}

void cli_opt_print(FILE *f, const struct cli_opt *o)
{
	int n;

	if (o->letter)
		n = fprintf(f, "  -%c, --%s", o->letter, o->name);
	else
		n = fprintf(f, "      --%s", o->name);
	if (o->arg)
		n += fprintf(f, " %s", o->arg);
	fprintf(f, "%*s", n < HELP_COLUMN - 2 ? HELP_COLUMN - n : 2, "");
	cli_opt_write_help(f, o, HELP_COLUMN);
	fputc('\n', f);
}

/* The per-user pack directory, $XDG_DATA_HOME/diligo (default
 * ~/.local/share/diligo), when it exists; malloc'd. */
static char *user_pack_dir(void)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	char dir[DILIGO_MAX_PATH];
	struct stat st;

	if (xdg && xdg[0] == '/') /* the XDG rule: a relative value is ignored */
		snprintf(dir, sizeof dir, "%s/diligo", xdg);
	else if (home && home[0] == '/')
		snprintf(dir, sizeof dir, "%s/.local/share/diligo", home);
	else
		return NULL;
	if (stat(dir, &st) || !S_ISDIR(st.st_mode))
		return NULL;
	return xstrdup(dir);
}

void cli_resolve(struct cli_common *c)
{
	const char *env = getenv("DILIGO_PATH");
	char *save = NULL;

	if (c->resolved)
		return;
	c->resolved = true;
	c->env_copy = env ? xstrdup(env) : NULL; /* freed by cli_common_free */
	for (char *tok = c->env_copy ? strtok_r(c->env_copy, ":", &save) : NULL;
	     tok && c->npaths < DILIGO_MAX_CLI_PATHS; tok = strtok_r(NULL, ":", &save))
		if (*tok)
			c->paths[c->npaths++] = tok;
	c->user_dir = user_pack_dir();
	if (c->user_dir && c->npaths < DILIGO_MAX_CLI_PATHS)
		c->paths[c->npaths++] = c->user_dir;
}

void cli_common_free(struct cli_common *c)
{
	free(c->env_copy);
	c->env_copy = NULL;
	free(c->user_dir);
	c->user_dir = NULL;
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
	o.regime = c->regime;
	o.lang = c->lang;
	return o;
}

/* The reports' translations into lang (the PO domain "diligo" on the
 * search path), read once for the life of the process: report_texts and
 * the baseline reader point into them. NULL with e filled on an error. */
static const struct l10n *reports_l10n(struct cli_common *c, int lang, struct err *e)
{
	static struct l10n *cache[L10N_NLANGS];
	char name[64], path[DILIGO_MAX_PATH];
	struct lhost_opts o;
	struct lhost *h;
	bool found;

	if (cache[lang])
		return cache[lang];
	o = cli_lhost_opts(c);
	o.lang = NULL;
	if (!(h = lhost_new(&o, e)))
		return NULL;
	snprintf(name, sizeof name, "po/diligo/%s.po", l10n_langs[lang]);
	found = lhost_find_data(h, name, path, sizeof path);
	lhost_free(h);
	cache[lang] = l10n_new(l10n_langs[lang]);
	if (found && l10n_add_po(cache[lang], path, e)) {
		l10n_free(cache[lang]);
		cache[lang] = NULL;
	}
	return cache[lang];
}

int cli_baseline_languages(struct cli_common *c, struct err *e)
{
	static bool done;

	for (int i = 0; i < L10N_NLANGS && !done; i++) {
		const struct l10n *t = reports_l10n(c, i, e);

		if (!t)
			return e->code;
		report_text_baseline_language(t);
	}
	done = true;
	return 0;
}

int cli_use_lang(struct cli_common *c, struct err *e)
{
	const struct l10n *t;

	for (int i = 0; c->lang && i < L10N_NLANGS; i++)
		if (!strcmp(c->lang, l10n_langs[i])) {
			if (!(t = reports_l10n(c, i, e)))
				return e->code;
			report_text_use(t);
		}
	return 0;
}

struct lhost *cli_lhost(struct cli_common *c, struct err *e)
{
	struct lhost_opts o = cli_lhost_opts(c);

	return lhost_new(&o, e);
}

/* ---- inputs --------------------------------------------------------- */

struct list {
	char **v;
	int n;
	size_t cap;
};

static void push(struct list *l, char *s)
{
	GROW(l->v, l->n + 1, l->cap);
	l->v[l->n++] = s;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A questionnaire's name in a directory: *.yaml, *.yml or *.xlsx, but not
 * the owner file Excel keeps beside a workbook it has open (~$q.xlsx). */
static bool is_questionnaire(const char *name)
{
	size_t n = strlen(name);

	return (n > 5 && !strcmp(name + n - 5, ".yaml")) || (n > 4 && !strcmp(name + n - 4, ".yml")) ||
	       (n > 5 && !strcmp(name + n - 5, ".xlsx") && strncmp(name, "~$", 2));
}

/* Directories already walked, by (device, inode): each is walked once,
 * whatever the links that lead to it (three `x -> .` links in one
 * directory would otherwise make 3^16 paths). */
struct seen {
	struct { dev_t dev; ino_t ino; } *v;
	size_t n, cap;
};

static bool first_visit(struct seen *s, const struct stat *st)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].dev == st->st_dev && s->v[i].ino == st->st_ino)
			return false;
	GROW(s->v, s->n + 1, s->cap);
	s->v[s->n].dev = st->st_dev;
	s->v[s->n++].ino = st->st_ino;
	return true;
}

static int cmp_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* The questionnaires under dir, entries in name order (so that when two
 * paths lead to one directory, the same one is taken on every run). A
 * *.yaml that is not a regular file (a FIFO) is listed too: reading it
 * refuses it with a message, without blocking. */
static int walk(const char *dir, struct list *l, int depth, struct seen *seen, struct err *e)
{
	struct dirent **names;
	int first = l->n, n = scandir(dir, &names, NULL, cmp_name), rc = 0;

	if (n < 0)
		return err_set(e, ERR_IO, "cannot open '%s': %s", dir, strerror(errno));
	for (int i = 0; i < n; i++) {
		const char *name = names[i]->d_name;
		char path[DILIGO_MAX_PATH];
		struct stat st;

		if (rc || name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, name);
		if (stat(path, &st))
			continue;
		if (S_ISDIR(st.st_mode)) {
			if (depth < DILIGO_MAX_DIR_DEPTH && first_visit(seen, &st))
				rc = walk(path, l, depth + 1, seen, e);
		} else if (is_questionnaire(name)) {
			push(l, xstrdup(path));
		}
	}
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (l->n > first)
		qsort(l->v + first, (size_t)(l->n - first), sizeof *l->v, cmp);
	return rc ? ERR_IO : 0;
}

int cli_inputs(char *const *args, int n, char ***out, int *nout, struct err *e)
{
	struct list l = { 0 };
	struct seen seen = { 0 };
	int rc = 0;

	for (int i = 0; i < n && !rc; i++) {
		struct stat st;
		size_t len = strlen(args[i]);
		char *a = xstrdup(args[i]);

		while (len > 1 && a[len - 1] == '/')
			a[--len] = '\0';
		if (stat(a, &st) == 0 && S_ISDIR(st.st_mode)) {
			int before = l.n;

			if (first_visit(&seen, &st)) { /* named twice: listed once */
				rc = walk(a, &l, 0, &seen, e);
				if (!rc && l.n == before)
					rc = err_set(e, ERR_USAGE,
						     "no questionnaire (*.yaml, *.yml, *.xlsx) in '%s'", a);
			}
			free(a);
		} else {
			push(&l, a); /* a missing file, a FIFO: reported when it is read */
		}
	}
	free(seen.v);
	if (rc) {
		cli_inputs_free(l.v, l.n);
		return rc;
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
	char buf[sizeof e->file + sizeof ":-2147483648:-2147483648: " + sizeof e->msg];

	err_format(e, buf, sizeof buf);
	if (!(e->file[0] && e->line))
		fputs("diligo: ", stderr);
	cli_put(stderr, buf); /* a newline in a file name is \n: it forges no line */
	fputc('\n', stderr);
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(stderr, "diligo: ", fmt, ap);
	va_end(ap);
	hint(cmd);
	return EXIT_USAGE;
}

long long cli_now(void)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");

	if (s && *s)
		return strtoll(s, NULL, 10);
	return (long long)time(NULL);
}

void cli_print_load_errors(struct lhost *h, const struct err *e)
{
	const struct err *all;
	int nall = lhost_errors(h, &all);

	if (!nall)
		cli_print_err(e);
	for (int k = 0; k < nall; k++)
		cli_print_err(&all[k]);
}
