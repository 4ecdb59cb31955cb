/* Year over year: the JSON reader, the workbook reader on hostile and odd
 * files, a supplier workbook written in another language read back, the
 * series plan, and the comparison of findings. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "arena.h"
#include "baseline.h"
#include "change.h"
#include "json_read.h"
#include "l10n.h"
#include "names.h"
#include "report_text.h"
#include "series.h"
#include "wbread.h"

static struct ynode *parse(struct arena *ar, const char *s, struct err *e)
{
	return json_parse(ar, "t.json", s, strlen(s), e);
}

static void json_error(const char *s, const char *msg, int line, int col)
{
	struct arena *ar = arena_new();
	struct err e = { 0 };

	assert_null(parse(ar, s, &e));
	assert_string_equal(e.msg, msg);
	assert_int_equal(e.line, line);
	assert_int_equal(e.col, col);
	arena_free(ar);
}

static void test_json_values(void **st)
{
	struct arena *ar = arena_new();
	struct err e = { 0 };
	struct ynode *r = parse(ar, "{\"a\": [1, -2.5e3, true, null, \"x\\u00e9\\ud83d\\ude00\\n\"],"
				    " \"b\": {}}", &e);
	const struct ynode *a;

	(void)st;
	assert_non_null(r);
	a = ynode_get(r, "a");
	assert_int_equal(a->n, 5);
	assert_string_equal(a->kids[0]->str, "1");
	assert_true(a->kids[0]->plain);
	assert_string_equal(a->kids[1]->str, "-2.5e3");
	assert_string_equal(a->kids[2]->str, "true");
	assert_int_equal(a->kids[3]->len, 0); /* null: blank, as qn_bind reads "unanswered" */
	assert_true(a->kids[3]->plain);
	assert_string_equal(a->kids[4]->str, "x\xC3\xA9\xF0\x9F\x98\x80\n");
	assert_false(a->kids[4]->plain);
	assert_int_equal(ynode_get(r, "b")->n, 0);
	arena_free(ar);
}

static void test_json_errors(void **st)
{
	char deep[200] = "";

	(void)st;
	json_error("{\"a\": 1, \"a\": 2}", "duplicate key \"a\"", 1, 10);
	json_error("{\"a\": 1,}", "expected a key in quotes", 1, 9);
	json_error("[1 2]", "expected ',' or ']'", 1, 4);
	json_error("\"\\ud800\"", "a high surrogate \\uD800 without its low half", 1, 8);
	json_error("\"a\\u0000\"", "a string holds a NUL character", 1, 9);
	json_error("\"\xC3\x28\"", "invalid UTF-8 or a noncharacter in a string", 1, 2);
	json_error("\"a\nb\"", "a control character (0x0A) in a string; write it as an escape", 1, 3);
	json_error("{} x", "something follows the end of the JSON document", 1, 4);
	json_error("01", "something follows the end of the JSON document", 1, 2);
	json_error("", "the document ends where a value was expected", 1, 1);
	for (int i = 0; i < 70; i++)
		strcat(deep, "[");
	json_error(deep, "nested deeper than 64 levels", 1, 65);
}

/* A minimal workbook from parts written here (zip -q needs no library). */
static char *zip_parts(const char *const *names, const char *const *parts, int n)
{
	char dir[] = "/tmp/diligo-wbtest-XXXXXX";
	char cmd[4096], path[512];
	static char out[600];

	if (!mkdtemp(dir))
		return NULL;
	for (int i = 0; i < n; i++) {
		FILE *f;

		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		snprintf(cmd, sizeof cmd, "mkdir -p \"$(dirname '%s')\"", path);
		assert_int_equal(system(cmd), 0);
		f = fopen(path, "w");
		fputs(parts[i], f);
		fclose(f);
	}
	snprintf(out, sizeof out, "%s.xlsx", dir);
	snprintf(cmd, sizeof cmd, "cd %s && python3 -c \"import zipfile,os,sys; z=zipfile.ZipFile('%s','w'); "
		 "[z.write(os.path.join(r,f), os.path.relpath(os.path.join(r,f))) for r,_,fs in os.walk('.') "
		 "for f in fs]\" && rm -rf %s", dir, out, dir);
	assert_int_equal(system(cmd), 0);
	return out;
}

static const char *const wb_names[] = { "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
					"xl/sharedStrings.xml", "xl/worksheets/s1.xml" };

static void test_workbook_cells(void **st)
{
	const char *parts[] = {
		"<workbook xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main' "
		"xmlns:r='http://schemas.openxmlformats.org/officeDocument/2006/relationships'>"
		"<workbookPr date1904='false'/><sheets><sheet name='Action plan' sheetId='1' "
		"r:id='rId7'/></sheets></workbook>",
		"<Relationships><Relationship Id='rId7' Target='/xl/worksheets/s1.xml'/></Relationships>",
		"<sst><si><t>Rule id</t></si><si><r><t>ru</t></r><r><t>le</t></r><rPh><t>x</t></rPh></si></sst>",
		"<worksheet><sheetData><row r='1'><c r='B1' t='s'><v>0</v></c></row>"
		"<row><c t='s'><v>1</v></c><c t='inlineStr'><is><t>in &amp; line</t></is></c>"
		"<c><v>46112</v></c></row></sheetData><mergeCells/></worksheet>",
	};
	char *path = zip_parts(wb_names, parts, 4);
	struct err e = { 0 };
	struct wbread *w = wbread_open(path, &e);
	const struct wbsheet *s;
	char date[11];

	(void)st;
	assert_non_null(w);
	assert_true(wbread_has(w, "action PLAN"));
	assert_int_equal(wbread_sheet(w, "Action plan", &s, &e), 0);
	assert_string_equal(wbread_text(s, 0, 1), "Rule id");
	assert_string_equal(wbread_text(s, 1, 0), "rule"); /* runs joined, phonetic left out */
	assert_string_equal(wbread_text(s, 1, 1), "in & line");
	assert_true(wbread_cell(s, 1, 2)->is_num);
	assert_true(wbread_date(w, wbread_cell(s, 1, 2)->num, date));
	assert_string_equal(date, "2026-03-31");
	assert_null(wbread_text(s, 5, 5));
	wbread_close(w);
	unlink(path);
}

static void test_workbook_hostile(void **st)
{
	const char *parts[] = {
		"<!DOCTYPE x [<!ENTITY a 'aaaa'>]><workbook><sheets/></workbook>", "<Relationships/>",
		"<sst/>", "<worksheet/>",
	};
	char *path = zip_parts(wb_names, parts, 4);
	struct err e = { 0 };

	(void)st;
	assert_null(wbread_open(path, &e));
	assert_non_null(strstr(e.msg, "a DOCTYPE is not allowed"));
	unlink(path);
	assert_null(wbread_open("/dev/null", &e));
	assert_non_null(strstr(e.msg, "not a workbook"));
}

static void test_series_plan(void **st)
{
	/* inputs: b-2026, x, b-2025, b (no period), b-2026 again */
	const char *ids[] = { "b", "x", "b", "b", "b" };
	int periods[] = { 2026, 2026, 2025, 0, 2026 };
	char *names[5];
	struct names *nm;
	struct series *s;
	FILE *f;
	char paths[5][64];
	const char *inputs[5];

	(void)st;
	names_assign(ids, periods, 5, NULL, 0, names);
	for (int i = 0; i < 5; i++) {
		free(names[i]);
		snprintf(paths[i], sizeof paths[i], "/tmp/diligo-series-%d-%d.yaml", (int)getpid(), i);
		f = fopen(paths[i], "w");
		fprintf(f, "diligo: 1\nsupplier: { id: %s, name: n }\n", ids[i]);
		if (periods[i])
			fprintf(f, "period: %d\n", periods[i]);
		fclose(f);
		inputs[i] = paths[i];
	}
	nm = names_plan(inputs, 5, NULL, 0);
	s = series_plan(nm, 5);
	/* b's places 0, 2, 3, 4 in period order: none, 2025, 2026, 2026 */
	assert_int_equal(s->order[0], 3);
	assert_int_equal(s->order[1], 1);
	assert_int_equal(s->order[2], 2);
	assert_int_equal(s->order[3], 0);
	assert_int_equal(s->order[4], 4);
	assert_int_equal(s->clash[0], 0); /* no period: clashes with the first that has one */
	assert_int_equal(s->prev[3], 2);
	assert_int_equal(s->prev[4], 2);
	assert_int_equal(s->prev[2], -1);
	assert_true(s->next[2]);
	assert_true(s->any);
	series_free(s);
	names_free(nm);
	for (int i = 0; i < 5; i++)
		unlink(paths[i]);
}

static void test_change_findings(void **st)
{
	struct arena *ar = arena_new();
	struct rule rules[2] = { { .id = "r.a", .title = "A" }, { .id = "r.b", .title = "B" } };
	struct pack pk = { .id = "p", .version = "1", .rules = rules, .nrules = 2 };
	struct qn q = { .period = 2026, .pack = &pk };
	struct finding f[1] = { { .rule = &rules[0], .level = LVL_HIGH } };
	struct assessment a = { .qn = &q, .pack = &pk, .findings = f, .nfindings = 1,
				.overall = 60, .coverage = 1, .rating = 'B' };
	struct prior_finding pf[2] = { { .rule = "r.a", .level = LVL_HIGH, .open_since = 2024 },
				       { .rule = "r.gone", .title = "Gone", .level = LVL_LOW } };
	struct prior p = { .sector = "p", .pack_version = "1", .period = 2025, .score = 50,
			   .rating = 'C', .findings = pf, .nfindings = 2 };
	struct change c;

	(void)st;
	change_compute(&c, &a, &p, NULL, NULL, 0, ar);
	assert_int_equal(c.status[0], FST_PERSISTING);
	assert_int_equal(c.open_since[0], 2024);
	assert_int_equal(c.nresolved, 1);
	assert_string_equal(c.resolved[0]->rule, "r.gone");
	assert_int_equal(change_trend(&a, &c), TREND_BETTER);
	assert_true(fabs(c.score_then - 50) < 1e-9);
	p.findings[0].open_since = 0; /* not known: open since the baseline's period */
	change_compute(&c, &a, &p, NULL, NULL, 0, ar);
	assert_int_equal(c.open_since[0], 2025);
	arena_free(ar);
}

/* A supplier workbook in French (sheet names, labels, headings and values
 * as the run's reports write them) reads as the English one does; an
 * English one still reads in a French run. */
static void test_workbook_language(void **st)
{
	static const char *const po[][3] = {
		{ "SHEET_SUMMARY", "Summary", "Synth\xc3\xa8se" },
		{ "SHEET_ACTIONS", "Action plan", "Plan d'action" },
		{ "K_SUPPLIER_ID", "Supplier id", "Identifiant fournisseur" },
		{ "K_PERIOD", "Period", "P\xc3\xa9riode" },
		{ "K_RED_FLAG", "Red flag", "Signal d'alerte" },
		{ "YES", "yes", "oui" },
		{ "H_RULE_ID", "Rule id", "R\xc3\xa8gle" },
		{ "H_OWNER", "Owner", "Responsable" },
		{ "H_STATUS", "Status", "Statut" },
	};
	const char *parts[] = {
		"<workbook xmlns:r='http://schemas.openxmlformats.org/officeDocument/2006/relationships'>"
		"<sheets><sheet name='%s' sheetId='1' r:id='rId1'/><sheet name=\"%s\" sheetId='2' "
		"r:id='rId2'/></sheets></workbook>",
		"<Relationships><Relationship Id='rId1' Target='worksheets/s1.xml'/>"
		"<Relationship Id='rId2' Target='worksheets/s2.xml'/></Relationships>",
		"<sst><si><t>%s</t></si><si><t>SUP-1</t></si><si><t>%s</t></si><si><t>%s</t></si>"
		"<si><t>%s</t></si><si><t>%s</t></si><si><t>%s</t></si><si><t>Budget</t></si>"
		"<si><t>r.one</t></si><si><t>Ana</t></si><si><t>En cours</t></si></sst>",
		"<worksheet><sheetData><row r='1'><c r='A1' t='s'><v>0</v></c><c r='B1' t='s'><v>1</v></c>"
		"</row><row r='2'><c r='A2' t='s'><v>2</v></c><c r='B2'><v>2025</v></c></row>"
		"<row r='3'><c r='A3' t='s'><v>3</v></c><c r='B3' t='s'><v>4</v></c></row>"
		"</sheetData></worksheet>",
		"<worksheet><sheetData><row r='1'><c r='A1' t='s'><v>5</v></c><c r='B1' t='s'><v>6</v>"
		"</c><c r='C1' t='s'><v>7</v></c></row><row r='2'><c r='A2' t='s'><v>8</v></c>"
		"<c r='B2' t='s'><v>9</v></c><c r='C2'><v>5000</v></c></row></sheetData></worksheet>",
	};
	static const char *const names[] = { "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
					     "xl/sharedStrings.xml", "xl/worksheets/s1.xml",
					     "xl/worksheets/s2.xml" };
	char pofile[] = "/tmp/diligo-po-XXXXXX", wb[512], sst[1024], sheet[2][512];
	struct l10n *t = l10n_new("fr");
	struct err e = { 0 };
	int fd = mkstemp(pofile);
	FILE *f = fdopen(fd, "w");

	(void)st;
	fprintf(f, "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n");
	for (size_t i = 0; i < sizeof po / sizeof *po; i++)
		fprintf(f, "\nmsgctxt \"report|%s\"\nmsgid \"%s\"\nmsgstr \"%s\"\n", po[i][0],
			po[i][1], po[i][2]);
	fclose(f);
	assert_int_equal(l10n_add_po(t, pofile, &e), 0);
	unlink(pofile);
	assert_int_equal(report_text_use(t), (int)(sizeof po / sizeof *po));
	for (int lang = 0; lang < 2; lang++) { /* French, then English */
		const char *parts_l[5];
		struct arena *ar = arena_new();
		struct prior *p = NULL;
		const char *id, *path;
		int period;
		int k = lang ? 1 : 2; /* the column of po */

		snprintf(sheet[0], sizeof sheet[0], parts[0], po[0][k], po[1][k]);
		snprintf(sst, sizeof sst, parts[2], po[2][k], po[3][k], po[4][k], po[5][k], po[6][k],
			 po[7][k]);
		parts_l[0] = sheet[0];
		parts_l[1] = parts[1];
		parts_l[2] = sst;
		parts_l[3] = parts[3];
		parts_l[4] = parts[4];
		path = zip_parts(names, parts_l, 5);
		snprintf(wb, sizeof wb, "%s", path);
		assert_int_equal(baseline_probe_workbook(wb, ar, &id, &period, &e), 1);
		assert_string_equal(id, "SUP-1");
		assert_int_equal(period, 2025);
		assert_int_equal(baseline_read_workbook(wb, ar, &p, &e), 0);
		assert_true(p->red_flag);
		assert_int_equal(p->nextra_actions, 1);
		assert_string_equal(p->extra_actions[0]->owner, "Ana");
		assert_string_equal(p->extra_actions[0]->notes, "Budget: 5000");
		unlink(wb);
		arena_free(ar);
	}
	report_text_use(NULL);
	l10n_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_values),      cmocka_unit_test(test_json_errors),
		cmocka_unit_test(test_workbook_cells),   cmocka_unit_test(test_workbook_hostile),
		cmocka_unit_test(test_series_plan),      cmocka_unit_test(test_change_findings),
		cmocka_unit_test(test_workbook_language),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
