/* What leaves diligo for a file or a terminal, and what it reads: text
 * hygiene (text_utf8_char, report_cell_text), workbook names (names_assign),
 * temporary files and signals (outfile), inputs that are not regular files
 * (infile), escaped printing (cli_put). */
#define _GNU_SOURCE /* mkdtemp */
#include <dirent.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "cli.h"
#include "infile.h"
#include "names.h"
#include "outfile.h"
#include "report.h"
#include "sha256.h"
#include "text.h"

/* ---- text_utf8_char ------------------------------------------------- */

static void test_utf8_char(void **state)
{
	static const struct {
		const char *s;
		size_t len;
		int32_t cp;
	} cases[] = {
		{ "A", 1, 'A' },
		{ "\xc3\xa9", 2, 0xE9 },
		{ "\xe2\x82\xac", 3, 0x20AC },
		{ "\xf0\x9f\x98\x80", 4, 0x1F600 },
		{ "\xef\xbf\xbd", 3, 0xFFFD },       /* U+FFFD itself is fine */
		{ "\xf4\x8f\xbf\xbd", 4, 0x10FFFD }, /* the last character */
		{ "\xef\xbf\xbe", 3, -1 },           /* U+FFFE */
		{ "\xef\xbf\xbf", 3, -1 },           /* U+FFFF */
		{ "\xef\xb7\x90", 3, -1 },           /* U+FDD0 */
		{ "\xef\xb7\xaf", 3, -1 },           /* U+FDEF */
		{ "\xef\xb7\xb0", 3, 0xFDF0 },       /* just after the block */
		{ "\xf0\x9f\xbf\xbe", 4, -1 },       /* U+1FFFE */
		{ "\xf4\x8f\xbf\xbf", 4, -1 },       /* U+10FFFF */
		{ "\xff", 1, -1 },                   /* never starts a sequence */
		{ "\x80", 1, -1 },                   /* stray continuation */
		{ "\xc0\xaf", 1, -1 },               /* overlong '/' */
		{ "\xe0\x80\xaf", 1, -1 },           /* overlong, 3 bytes */
		{ "\xed\xa0\x80", 1, -1 },           /* surrogate U+D800 */
		{ "\xf4\x90\x80\x80", 1, -1 },       /* U+110000 */
		{ "\xe2\x82", 2, -1 },               /* cut short by the end */
		{ "\xe2\x82x", 2, -1 },              /* cut short by a character */
		{ "\xf0\x9f\x98", 3, -1 },
		{ "", 0, 0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		int32_t cp = 7;
		size_t len = text_utf8_char(cases[i].s, &cp);

		if (len != cases[i].len || cp != cases[i].cp)
			fail_msg("case %zu: len %zu cp %d, expected %zu %d", i, len, cp, cases[i].len,
				 cases[i].cp);
	}
}

static void test_cell_text(void **state)
{
	static char buf[DILIGO_XLSX_CELL_CHARS * 4 + 64];
	const char *plain = "Déjà vu \xf0\x9f\x98\x80\ttab";
	char *big;

	(void)state;
	assert_ptr_equal(report_cell_text(plain, buf, sizeof buf), plain); /* untouched */
	assert_string_equal(report_cell_text("a\xef\xbf\xbe" "b\xff\xc0\xaf" "c\x01" "d", buf, sizeof buf),
			    "a\xef\xbf\xbd" "b\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" "cd");
	assert_string_equal(report_cell_text("\xe2\x82", buf, sizeof buf), "\xef\xbf\xbd");
	/* 40,000 bytes that are no character: cut at the cell limit, marker kept */
	big = malloc(40001);
	memset(big, 0xff, 40000);
	big[40000] = '\0';
	report_cell_text(big, buf, sizeof buf);
	assert_int_equal(strlen(buf), (DILIGO_XLSX_CELL_CHARS - (sizeof REPORT_TRUNCATED - 1)) * 3 +
					       (sizeof REPORT_TRUNCATED - 1));
	assert_string_equal(buf + strlen(buf) - (sizeof REPORT_TRUNCATED - 1), REPORT_TRUNCATED);
	free(big);
}

/* A long message keeps its end: what Lua appended last, the rule. */
static void test_err_long(void **state)
{
	struct err e = { 0 };
	char pad[3000], small[24];

	(void)state;
	memset(pad, 'p', sizeof pad - 1);
	pad[sizeof pad - 1] = '\0';
	err_set(&e, ERR_PACK, "x.lua:8: %s x.lua:4: C stack overflow (rule '%s')", pad, "r.id");
	assert_int_equal(strlen(e.msg), sizeof e.msg - 1);
	assert_memory_equal(e.msg, "x.lua:8: ppp", 12);
	assert_non_null(strstr(e.msg, "p" TEXT_ELIDED "p"));
	{
		static const char end[] = "x.lua:4: C stack overflow (rule 'r.id')";

		assert_string_equal(e.msg + strlen(e.msg) - (sizeof end - 1), end);
	}
	/* cut between characters, never inside one */
	text_fit(small, sizeof small, "x\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
				      "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9");
	for (const char *p = small; *p;) {
		int32_t cp;
		size_t len = text_utf8_char(p, &cp);

		assert_true(cp >= 0);
		p += len;
	}
	assert_non_null(strstr(small, TEXT_ELIDED));
}

/* ---- names_assign ---------------------------------------------------- */

static char *hashed(const char *base, const char *id, int digits)
{
	static char buf[512];
	char hex[65];

	sha256_hex(id, strlen(id), hex);
	snprintf(buf, sizeof buf, "%s-%.*s.xlsx", base, digits, hex);
	return buf;
}

static void assign(const char *const *ids, const int *periods, int n, char **out)
{
	names_assign(ids, periods, n, NULL, 0, out);
}

static void free_names(char **out, int n)
{
	for (int i = 0; i < n; i++)
		free(out[i]);
}

static void test_names(void **state)
{
	char long1[200], long2[200], cut[121];
	const char *ids[] = { "a/b", "a_b", "Case-1", "case-1", "SUP-9", "SUP-9", "SUP-9",
			      long1, long2, ".x", "M\xc3\xbcller", NULL, "SUP-9", "" };
	int periods[] = { 2025, 2025, 0, 0, 2024, 2025, 0, 2025, 2025, 0, 0, 0, 2025, 0 };
	enum { N = sizeof ids / sizeof *ids };
	char *out[N];

	(void)state;
	memset(long1, 'x', 150);
	memcpy(long2, long1, 150);
	strcpy(long1 + 150, "1");
	strcpy(long2 + 150, "2");
	memcpy(cut, long1, 120);
	cut[120] = '\0';
	assign(ids, periods, N, out);
	assert_string_equal(out[0], hashed("a_b-2025", "a/b", 8));
	assert_string_equal(out[1], "a_b-2025.xlsx"); /* the one exact id keeps its name */
	assert_string_equal(out[2], hashed("Case-1", "Case-1", 8));
	assert_string_equal(out[3], hashed("case-1", "case-1", 8));
	assert_string_equal(out[4], "SUP-9-2024.xlsx");
	assert_string_equal(out[5], "SUP-9-2025.xlsx");
	assert_string_equal(out[6], "SUP-9.xlsx");
	{
		char base[200];

		snprintf(base, sizeof base, "%s-2025", cut);
		assert_string_equal(out[7], hashed(base, long1, 8));
		assert_string_equal(out[8], hashed(base, long2, 8));
	}
	assert_string_equal(out[9], "_x.xlsx");
	assert_string_equal(out[10], "M_ller.xlsx"); /* one _ per character */
	assert_null(out[11]);                        /* no id */
	assert_null(out[12]);                        /* the same supplier again */
	assert_string_equal(out[13], "_.xlsx");      /* (a questionnaire refuses it) */
	free_names(out, N);
}

/* The names do not depend on the order of the inputs. */
static void test_names_order(void **state)
{
	const char *ids[] = { "A", "a", "a/b", "a_b", "a b", "x", "X-1", "x-1", "Z" };
	int periods[] = { 1, 1, 1, 1, 1, 1, 1, 1, 1 };
	enum { N = sizeof ids / sizeof *ids };
	char *first[N], *out[N];
	const char *rev[N];
	int rperiods[N];

	(void)state;
	assign(ids, periods, N, first);
	for (int i = 0; i < N; i++) {
		rev[i] = ids[N - 1 - i];
		rperiods[i] = periods[N - 1 - i];
	}
	assign(rev, rperiods, N, out);
	for (int i = 0; i < N; i++) {
		assert_string_equal(out[N - 1 - i], first[i]);
		for (int k = 0; k < i; k++)
			assert_true(strcasecmp(first[i], first[k]) != 0);
	}
	free_names(first, N);
	free_names(out, N);
}

/* An id written to equal another supplier's hashed name: both take a
 * longer hash, and the names stay distinct. */
static void test_names_lengthen(void **state)
{
	char crafted[64], hex[65];
	const char *ids[] = { "a/b", "a_b", crafted };
	int periods[] = { 1, 1, 0 };
	char *out[3];

	(void)state;
	sha256_hex("a/b", 3, hex);
	snprintf(crafted, sizeof crafted, "a_b-1-%.8s", hex);
	assign(ids, periods, 3, out);
	assert_string_equal(out[0], hashed("a_b-1", "a/b", 16));
	assert_string_equal(out[1], "a_b-1.xlsx");
	assert_string_equal(out[2], hashed(crafted, crafted, 8));
	free_names(out, 3);
}

/* ---- outfile --------------------------------------------------------- */

static char *scratch(void)
{
	static char dir[256];
	const char *t = getenv("TMPDIR");

	snprintf(dir, sizeof dir, "%s/diligo-test-XXXXXX", t && *t ? t : "/tmp");
	assert_non_null(mkdtemp(dir));
	return dir;
}

/* The names in dir, sorted, joined with spaces. */
static const char *listing(const char *dir)
{
	static char buf[4096];
	struct dirent **v;
	int n = scandir(dir, &v, NULL, alphasort);

	buf[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (strcmp(v[i]->d_name, ".") && strcmp(v[i]->d_name, ".."))
			snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", buf[0] ? " " : "",
				 v[i]->d_name);
		free(v[i]);
	}
	free(v);
	return buf;
}

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static void rmdir_all(const char *dir)
{
	char cmd[512];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/* A supplier never gets the name of the portfolio in its directory. */
static void test_names_reserved(void **state)
{
	const char *ids[] = { "Portfolio", "p" }, *reserved[] = { "portfolio.xlsx", "r.json" };
	int periods[] = { 0, 0 };
	char *out[2];

	(void)state;
	names_assign(ids, periods, 2, reserved, 2, out);
	assert_string_equal(out[0], hashed("Portfolio", "Portfolio", 8));
	assert_string_equal(out[1], "p.xlsx");
	free_names(out, 2);
}

/* The plan reads each input once; an input whose supplier changed since
 * gets no name (the run refuses to write it under another's). */
static void test_names_plan(void **state)
{
	char *dir = scratch(), a[300], b[300];
	const char *inputs[] = { a, b };
	struct names *nm;

	(void)state;
	snprintf(a, sizeof a, "%s/a.yaml", dir);
	snprintf(b, sizeof b, "%s/b.yaml", dir);
	write_text(a, "diligo: 1\nsupplier: { id: A/1, name: A }\nperiod: 2025\n");
	write_text(b, "not: [valid\n");
	nm = names_plan(inputs, 2, NULL, 0);
	assert_string_equal(names_get(nm, 0, "A/1", 2025), "A_1-2025.xlsx");
	assert_null(names_get(nm, 0, "A/1", 2024)); /* changed since */
	assert_null(names_get(nm, 0, "A/2", 2025));
	assert_null(names_get(nm, 1, "B", 0)); /* did not parse then */
	assert_null(names_get(nm, 2, "A/1", 2025));
	names_free(nm);
	rmdir_all(dir);
}

/* Begin, write and commit (over an existing file too), or discard: only
 * the committed targets are left, in both modes. */
static void commit_and_discard(int named_only)
{
	char *dir = scratch(), a[300], b[300], c[300];
	struct outfile fa, fb, fc;
	struct err e = { 0 };

	outfile_test_named_only(named_only);
	snprintf(a, sizeof a, "%s/a.txt", dir);
	snprintf(b, sizeof b, "%s/b.txt", dir);
	snprintf(c, sizeof c, "%s/c.txt", dir);
	write_text(b, "old");
	assert_int_equal(outfile_begin(&fa, a, &e), 0);
	assert_int_equal(outfile_begin(&fb, b, &e), 0);
	assert_int_equal(outfile_begin(&fc, c, &e), 0);
	assert_int_equal(named_only ? 1 : 0, fa.named[0] != '\0');
	write_text(fa.tmp, "new a");
	write_text(fb.tmp, "new b");
	write_text(fc.tmp, "new c");
	assert_int_equal(outfile_commit(&fa, &e), 0);
	assert_int_equal(outfile_commit(&fb, &e), 0);
	outfile_discard(&fc);
	assert_string_equal(listing(dir), "a.txt b.txt");
	{
		char got[16] = "";
		FILE *f = fopen(b, "r");

		assert_non_null(fgets(got, sizeof got, f));
		fclose(f);
		assert_string_equal(got, "new b");
	}
	outfile_test_named_only(0);
	rmdir_all(dir);
}

static void test_outfile_tmpfile(void **state)
{
	(void)state;
	commit_and_discard(0);
}

static void test_outfile_named(void **state)
{
	(void)state;
	commit_and_discard(1);
}

/* A child begins outputs, commits one, and is stopped by sig: only the
 * committed file is left, and the child died of sig. */
static void interrupted(int named_only, int sig)
{
	char *dir = scratch();
	pid_t pid = fork();
	int status;

	assert_true(pid >= 0);
	if (pid == 0) {
		struct outfile f[4];
		struct err e = { 0 };
		char path[300];

		outfile_test_named_only(named_only);
		outfile_cleanup_on_signals();
		for (int i = 0; i < 4; i++) {
			snprintf(path, sizeof path, "%s/f%d.xlsx", dir, i);
			if (i == 3)
				write_text(path, "old"); /* a target that exists */
			if (outfile_begin(&f[i], path, &e))
				_exit(10);
			write_text(f[i].tmp, "partial");
		}
		if (outfile_commit(&f[0], &e))
			_exit(11);
		if (sig == SIGUSR1) { /* a child that forgets the handlers dies as is */
			outfile_signals_default();
			sig = SIGTERM;
		}
		kill(getpid(), sig);
		_exit(12); /* not reached */
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	if (sig == SIGUSR1) { /* no cleanup: the named temporary files stay */
		assert_int_equal(WTERMSIG(status), SIGTERM);
		assert_int_equal(named_only, 1);
		assert_non_null(strstr(listing(dir), ".tmp"));
		rmdir_all(dir);
		return;
	}
	assert_int_equal(WTERMSIG(status), sig);
	assert_string_equal(listing(dir), "f0.xlsx f3.xlsx");
	rmdir_all(dir);
}

static void test_outfile_signals(void **state)
{
	(void)state;
	interrupted(1, SIGTERM); /* named temporary files: the handler removes them */
	interrupted(1, SIGINT);
	interrupted(1, SIGHUP);
	interrupted(1, SIGPIPE);
	interrupted(1, SIGUSR1); /* outfile_signals_default, then SIGTERM */
	interrupted(0, SIGTERM); /* O_TMPFILE: nothing had a name */
	interrupted(0, SIGKILL); /* no handler runs, and still nothing is left */
}

/* ---- infile ---------------------------------------------------------- */

static void test_infile(void **state)
{
	char *dir = scratch(), fifo[300], file[300];
	struct err e = { 0 };
	int fd;

	(void)state;
	snprintf(fifo, sizeof fifo, "%s/q.yaml", dir);
	snprintf(file, sizeof file, "%s/r.yaml", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_int_equal(infile_open(fifo, &fd, &e), ERR_IO); /* no writer, yet no wait */
	assert_non_null(strstr(e.msg, "not a regular file (a FIFO)"));
	assert_int_equal(infile_open("/dev/zero", &fd, &e), ERR_IO);
	assert_non_null(strstr(e.msg, "not a regular file (a character device)"));
	assert_int_equal(infile_open(dir, &fd, &e), ERR_IO);
	assert_non_null(strstr(e.msg, "Is a directory"));
	write_text(file, "x");
	assert_int_equal(infile_open(file, &fd, &e), 0);
	assert_true(fd >= 0 && !(fcntl(fd, F_GETFL) & O_NONBLOCK));
	close(fd);
	rmdir_all(dir);
}

/* ---- cli_put ---------------------------------------------------------- */

static void test_cli_put(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);

	(void)state;
	cli_put(m, "a\nb\rc\td\x1b[2Ke\xe2\x80\xae" "f\xff" "g\xc2\x85h \xc3\xa9\\");
	fclose(m);
	assert_string_equal(buf, "a\\nb\\rc\\td\\x1b[2Ke\\u202ef\\xffg\\u0085h \xc3\xa9\\");
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_char),
		cmocka_unit_test(test_cell_text),
		cmocka_unit_test(test_err_long),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_names_order),
		cmocka_unit_test(test_names_lengthen),
		cmocka_unit_test(test_names_reserved),
		cmocka_unit_test(test_names_plan),
		cmocka_unit_test(test_outfile_tmpfile),
		cmocka_unit_test(test_outfile_named),
		cmocka_unit_test(test_outfile_signals),
		cmocka_unit_test(test_infile),
		cmocka_unit_test(test_cli_put),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
