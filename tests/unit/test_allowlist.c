/* One allow-list. The sandbox says which globals and library fields packs
 * may use (lhost_allowed, read from the sandbox itself); three files repeat
 * it for authors: .luacheckrc (the luacheck std), docs/plugin-api.md (the
 * reference, section "Sandbox") and docs/lua/diligo.lua (editor
 * annotations). Every name one of them has and the sandbox lacks, or the
 * other way round, is named in the failure.
 *
 * diligo.lua declares only what lua-language-server does not already know
 * from Lua 5.4: the pack API (each one must be there) and sandbox versions
 * of base functions; its "-- blocked:" lines, like the "Not available" list
 * of plugin-api.md, must name nothing the sandbox allows. Runs from the
 * source root. */
#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "lhost.h"

enum { MAX_NAMES = 512, MAX_NAME = 96 };

struct names {
	char v[MAX_NAMES][MAX_NAME];
	int n;
};

static void add(struct names *s, const char *prefix, const char *name, size_t len)
{
	char buf[MAX_NAME];

	snprintf(buf, sizeof buf, "%s%s%.*s", prefix ? prefix : "", prefix ? "." : "", (int)len,
		 name);
	for (int i = 0; i < s->n; i++)
		if (!strcmp(s->v[i], buf))
			return;
	assert_true(s->n < MAX_NAMES);
	snprintf(s->v[s->n++], MAX_NAME, "%s", buf);
}

static bool has(const struct names *s, const char *name)
{
	for (int i = 0; i < s->n; i++)
		if (!strcmp(s->v[i], name))
			return true;
	return false;
}

/* name, or a field of the library name ("io" covers "io.open") */
static bool has_under(const struct names *s, const char *name)
{
	size_t n = strlen(name);

	for (int i = 0; i < s->n; i++)
		if (!strcmp(s->v[i], name) || (!strncmp(s->v[i], name, n) && s->v[i][n] == '.'))
			return true;
	return false;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f)
		fail_msg("cannot open %s (run from the source root)", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static int problems;

__attribute__((format(printf, 1, 2)))
static void problem(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	problems++;
}

/* Every name of a that b lacks: "<a_what> has 'x', which <b_what> lacks". */
static void missing(const struct names *a, const char *a_what, const struct names *b,
		    const char *b_what)
{
	for (int i = 0; i < a->n; i++)
		if (!has(b, a->v[i]))
			problem("%s has '%s', which %s lacks", a_what, a->v[i], b_what);
}

/* ---- the sandbox ---------------------------------------------------- */

struct sandbox {
	struct names all, base, lib, api;
};

static void on_name(void *ud, const char *name, enum lhost_name_kind kind)
{
	struct sandbox *sb = ud;

	add(&sb->all, NULL, name, strlen(name));
	add(kind == LHOST_NAME_BASE ? &sb->base : kind == LHOST_NAME_LIB ? &sb->lib : &sb->api,
	    NULL, name, strlen(name));
}

static struct sandbox *sandbox(void)
{
	static struct sandbox sb;
	struct lhost_opts o = { 0 };
	struct err e = { 0 };
	struct lhost *h;

	if (sb.all.n)
		return &sb;
	h = lhost_new(&o, &e);
	if (!h)
		fail_msg("lhost_new: %s", e.msg);
	if (lhost_allowed(h, on_name, &sb, &e) < 0)
		fail_msg("lhost_allowed: %s", e.msg);
	lhost_free(h);
	assert_true(sb.base.n > 0 && sb.lib.n > 0 && sb.api.n > 0);
	return &sb;
}

/* ---- .luacheckrc ------------------------------------------------------ */

/* read_globals = { "name", ..., lib = { fields = { "field", ... } }, ... }:
 * strings one level in are globals, three levels in fields of the last key
 * written one level in. Comments are skipped. */
static void parse_luacheckrc(const char *src, struct names *globals, struct names *fields)
{
	const char *s = strstr(src, "read_globals");
	char lib[MAX_NAME] = "";
	int depth = 0;

	if (!s)
		fail_msg(".luacheckrc: no read_globals");
	s = strchr(s, '{');
	assert_non_null(s);
	for (; *s; s++) {
		if (s[0] == '-' && s[1] == '-') {
			while (*s && *s != '\n')
				s++;
			if (!*s)
				break;
		} else if (*s == '{') {
			depth++;
		} else if (*s == '}') {
			if (--depth == 0)
				return;
		} else if (*s == '"' || *s == '\'') {
			const char *end = strchr(s + 1, *s);

			assert_non_null(end);
			if (depth == 1)
				add(globals, NULL, s + 1, (size_t)(end - s - 1));
			else if (depth == 3)
				add(fields, lib, s + 1, (size_t)(end - s - 1));
			s = end;
		} else if (depth == 1 && (isalpha((unsigned char)*s) || *s == '_')) {
			size_t n = 0;

			while (isalnum((unsigned char)s[n]) || s[n] == '_')
				n++;
			snprintf(lib, sizeof lib, "%.*s", (int)n, s);
			s += n - 1;
		}
	}
	fail_msg(".luacheckrc: read_globals is not closed");
}

static void test_luacheckrc(void **state)
{
	struct sandbox *sb = sandbox();
	static struct names globals, fields, sb_globals;
	char *src = slurp(".luacheckrc");

	(void)state;
	parse_luacheckrc(src, &globals, &fields);
	free(src);
	for (int i = 0; i < sb->base.n; i++)
		add(&sb_globals, NULL, sb->base.v[i], strlen(sb->base.v[i]));
	for (int i = 0; i < sb->api.n; i++)
		add(&sb_globals, NULL, sb->api.v[i], strlen(sb->api.v[i]));
	problems = 0;
	missing(&globals, ".luacheckrc (read_globals)", &sb_globals, "the sandbox");
	missing(&sb_globals, "the sandbox", &globals, ".luacheckrc (read_globals)");
	missing(&fields, ".luacheckrc (fields)", &sb->lib, "the sandbox");
	missing(&sb->lib, "the sandbox", &fields, ".luacheckrc (fields)");
	assert_int_equal(problems, 0);
}

/* ---- docs/plugin-api.md ------------------------------------------------ */

/* The identifiers written in backquotes in text[0, n), split at spaces. */
static void backquoted(const char *text, size_t n, const char *prefix, struct names *out)
{
	const char *end = text + n;

	for (const char *s = memchr(text, '`', n); s && s < end; s = memchr(s, '`', (size_t)(end - s))) {
		const char *close = memchr(s + 1, '`', (size_t)(end - s - 1));

		if (!close)
			break;
		for (const char *w = s + 1; w < close;) {
			size_t k = 0;

			while (w + k < close && w[k] != ' ')
				k++;
			if (k && (isalpha((unsigned char)w[0]) || w[0] == '_'))
				add(out, prefix, w, k);
			w += k + 1;
		}
		s = close + 1;
	}
}

struct api_doc {
	struct names base, lib, api, blocked;
	bool saw_base, saw_api, saw_blocked;
};

/* The bullets of "## Sandbox": "- Base:", "- `lib`:", "- Pack API:",
 * "- Not available:", each running on over indented lines. */
static void parse_plugin_api(const char *src, struct api_doc *d)
{
	const char *sec = strstr(src, "\n## Sandbox");
	const char *stop;

	if (!sec)
		fail_msg("docs/plugin-api.md: no section '## Sandbox'");
	stop = strstr(sec + 1, "\n## ");
	if (!stop)
		stop = sec + strlen(sec);
	for (const char *line = strstr(sec, "\n- "); line && line < stop;
	     line = strstr(line + 1, "\n- ")) {
		const char *b = line + 3, *end = b;

		while (*end && end < stop && !(end[0] == '\n' && end[1] != ' '))
			end++;
		if (!strncmp(b, "Base:", 5)) {
			d->saw_base = true;
			backquoted(b + 5, (size_t)(end - b - 5), NULL, &d->base);
		} else if (!strncmp(b, "Pack API:", 9)) {
			d->saw_api = true;
			backquoted(b + 9, (size_t)(end - b - 9), NULL, &d->api);
		} else if (!strncmp(b, "Not available:", 14)) {
			d->saw_blocked = true;
			backquoted(b + 14, (size_t)(end - b - 14), NULL, &d->blocked);
		} else if (b[0] == '`') {
			const char *close = strchr(b + 1, '`');
			char lib[MAX_NAME];

			if (!close || close[1] != ':')
				continue;
			snprintf(lib, sizeof lib, "%.*s", (int)(close - b - 1), b + 1);
			backquoted(close + 2, (size_t)(end - close - 2), lib, &d->lib);
		}
	}
}

static void test_plugin_api(void **state)
{
	struct sandbox *sb = sandbox();
	static struct api_doc d;
	char *src = slurp("docs/plugin-api.md");
	const char *doc = "docs/plugin-api.md";

	(void)state;
	parse_plugin_api(src, &d);
	free(src);
	if (!d.saw_base || !d.saw_api || !d.saw_blocked || !d.lib.n)
		fail_msg("%s: section '## Sandbox' must list '- Base:', '- `lib`:' (one per "
			 "library), '- Pack API:' and '- Not available:'", doc);
	problems = 0;
	missing(&d.base, "docs/plugin-api.md (Base)", &sb->base, "the sandbox's base names");
	missing(&sb->base, "the sandbox (base)", &d.base, "docs/plugin-api.md (Base)");
	missing(&d.lib, "docs/plugin-api.md (libraries)", &sb->lib, "the sandbox");
	missing(&sb->lib, "the sandbox", &d.lib, "docs/plugin-api.md (libraries)");
	missing(&d.api, "docs/plugin-api.md (Pack API)", &sb->api, "the sandbox's pack API");
	missing(&sb->api, "the sandbox (pack API)", &d.api, "docs/plugin-api.md (Pack API)");
	for (int i = 0; i < d.blocked.n; i++)
		if (has_under(&sb->all, d.blocked.v[i]))
			problem("%s lists '%s' as not available, but the sandbox allows it", doc,
				d.blocked.v[i]);
	assert_int_equal(problems, 0);
}

/* ---- docs/lua/diligo.lua ----------------------------------------------- */

static void parse_annotations(const char *src, struct names *declared, struct names *blocked)
{
	for (const char *line = src; line; line = strchr(line, '\n')) {
		size_t n = 0;

		if (*line == '\n')
			line++;
		if (!strncmp(line, "-- blocked:", 11)) {
			const char *end = strchr(line, '\n');

			for (const char *w = line + 11; w < (end ? end : w + strlen(w));) {
				size_t k;

				while (*w == ' ')
					w++;
				for (k = 0; w[k] && w[k] != ' ' && w[k] != '\n'; k++)
					;
				if (k)
					add(blocked, NULL, w, k);
				w += k;
				if (!*w || *w == '\n')
					break;
			}
			continue;
		}
		if (!strncmp(line, "function ", 9))
			line += 9;
		else if (!(isalpha((unsigned char)*line) || *line == '_'))
			continue;
		while (isalnum((unsigned char)line[n]) || line[n] == '_')
			n++;
		if (n && (line[n] == '(' || !strncmp(line + n, " = ", 3)))
			add(declared, NULL, line, n);
	}
}

static void test_annotations(void **state)
{
	struct sandbox *sb = sandbox();
	static struct names declared, blocked;
	char *src = slurp("docs/lua/diligo.lua");
	const char *doc = "docs/lua/diligo.lua";

	(void)state;
	parse_annotations(src, &declared, &blocked);
	free(src);
	if (!declared.n || !blocked.n)
		fail_msg("%s: no global declared, or no '-- blocked:' line", doc);
	problems = 0;
	missing(&declared, "docs/lua/diligo.lua (declared globals)", &sb->all, "the sandbox");
	missing(&sb->api, "the sandbox (pack API)", &declared, "docs/lua/diligo.lua");
	for (int i = 0; i < blocked.n; i++)
		if (has_under(&sb->all, blocked.v[i]))
			problem("%s says '%s' is blocked, but the sandbox allows it", doc,
				blocked.v[i]);
	assert_int_equal(problems, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_luacheckrc),
		cmocka_unit_test(test_plugin_api),
		cmocka_unit_test(test_annotations),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
