/* The workbook reader (engine/questionnaire/xlsx_read.h) on workbooks built
 * here part by part with minizip: what Excel, LibreOffice and other tools
 * write, and hostile files, each refused with its message. Then the kinds'
 * workbook side (from_cell, to_cell, choices). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <minizip/zip.h>

#include "arena.h"
#include "bounds.h"
#include "kind.h"
#include "xlsx_read.h"

struct part {
	const char *name, *data;
	size_t len; /* 0: strlen(data) */
	int method; /* 0 stored, else deflated */
};

/* A zip of the parts, in memory (malloc'd). */
static char *make_zip(const struct part *parts, int n, size_t *len)
{
	char path[] = "/tmp/diligo-test-xlsx-XXXXXX";
	int fd = mkstemp(path);
	zipFile z;
	FILE *f;
	char *buf;

	assert_true(fd >= 0);
	close(fd);
	z = zipOpen64(path, APPEND_STATUS_CREATE);
	assert_non_null(z);
	for (int i = 0; i < n; i++) {
		zip_fileinfo zi = { 0 };
		size_t l = parts[i].len ? parts[i].len : strlen(parts[i].data);

		assert_int_equal(zipOpenNewFileInZip64(z, parts[i].name, &zi, NULL, 0, NULL, 0, NULL,
						       parts[i].method ? Z_DEFLATED : 0,
						       parts[i].method ? 6 : 0, l > 0xFFFFFFF),
				 ZIP_OK);
		assert_int_equal(zipWriteInFileInZip(z, parts[i].data, (unsigned)l), ZIP_OK);
		assert_int_equal(zipCloseFileInZip(z), ZIP_OK);
	}
	assert_int_equal(zipClose(z, NULL), ZIP_OK);
	f = fopen(path, "rb");
	fseek(f, 0, SEEK_END);
	*len = (size_t)ftell(f);
	rewind(f);
	buf = malloc(*len);
	assert_int_equal(fread(buf, 1, *len, f), *len);
	fclose(f);
	unlink(path);
	return buf;
}

static const char RELS[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	"relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";

static const char WB_RELS[] =
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"http://x/sharedStrings\" Target=\"sharedStrings.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"http://x/styles\" Target=\"/xl/styles.xml\"/>"
	"<Relationship Id=\"rId4\" Type=\"http://x/worksheet\" Target=\"worksheets/sheet%202.xml\"/>"
	"</Relationships>";

static const char WB[] =
	"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
	"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
	"<workbookPr%s/><sheets><sheet name=\"Answers\" sheetId=\"1\" r:id=\"rId1\"/>"
	"<sheet name=\"Lists\" sheetId=\"2\" state=\"hidden\" r:id=\"rId4\"/></sheets></workbook>";

static const char STYLES[] =
	"<styleSheet><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"
	"<numFmt numFmtId=\"165\" formatCode=\"0.0&quot;d&quot;\"/></numFmts>"
	"<cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs>"
	"<cellXfs count=\"5\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"9\"/>"
	"<xf numFmtId=\"164\"/><xf numFmtId=\"165\"/></cellXfs></styleSheet>";

static const char SST[] =
	"<sst><si><t>plain</t></si>"
	"<si><r><t>rich </t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">text </t></r>"
	"<rPh><t>PHONETIC</t></rPh></si>"
	"<si><t>line_x000D__x000A_break _x005F_x0041_ _xZZZZ_</t></si></sst>";

static const char SHEET1[] =
	"<worksheet><sheetData>"
	"<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
	"<c r=\"C1\" t=\"s\"><v>2</v></c></row>"
	"<row r=\"3\"><c r=\"A3\"><v>35</v></c><c r=\"B3\" s=\"2\"><v>0.35</v></c>"
	"<c r=\"C3\" s=\"1\"><v>45352</v></c><c r=\"D3\" s=\"3\"><v>60</v></c>"
	"<c r=\"E3\" s=\"4\"><v>1.5</v></c><c r=\"F3\" t=\"b\"><v>1</v></c>"
	"<c r=\"G3\" t=\"e\"><v>#N/A</v></c><c r=\"H3\" t=\"str\"><f>A1</f><v>formula</v></c>"
	"<c r=\"I3\" t=\"inlineStr\"><is><r><t>in</t></r><r><t>line</t></r></is></c>"
	"<c r=\"J3\" t=\"d\"><v>2024-03-01T00:00:00</v></c><c r=\"K3\" s=\"9\"><v>7</v></c>"
	"<c r=\"L3\" s=\"1\"/></row>"
	/* no references: the row after 3, cells from A */
	"<row><c t=\"inlineStr\"><is><t>a4</t></is></c><c><v>2</v></c></row>"
	/* rows out of order, and two cells at one reference: the later wins */
	"<row r=\"2\"><c r=\"B2\"><v>1</v></c><c r=\"B2\"><v>2</v></c></row>"
	"</sheetData></worksheet>";

static const char SHEET2[] = "<x:worksheet xmlns:x=\"http://purl.oclc.org/ooxml/spreadsheetml/main\">"
			     "<x:sheetData><x:row><x:c t=\"inlineStr\"><x:is><x:t>strict</x:t>"
			     "</x:is></x:c></x:row></x:sheetData></x:worksheet>";

static char wb1900[512], wb1904[512];

static struct xlsx *open_parts(const struct part *parts, int n, char **buf, struct err *e)
{
	size_t len;

	*buf = make_zip(parts, n, &len);
	return xlsx_open("t.xlsx", *buf, len, e);
}

static int sheet_method = 1; /* sheet1 deflated; 0: stored */

/* The standard workbook with sheet1 replaced (NULL: SHEET1) and workbook. */
static struct xlsx *open_book(const char *sheet, const char *wb, char **buf, struct err *e)
{
	struct part parts[] = {
		{ "_rels/.rels", RELS, 0, 1 },
		{ "xl/workbook.xml", wb ? wb : wb1900, 0, 1 },
		{ "xl/_rels/workbook.xml.rels", WB_RELS, 0, 1 },
		{ "xl/styles.xml", STYLES, 0, 1 },
		{ "xl/sharedStrings.xml", SST, 0, 1 },
		{ "xl/worksheets/sheet1.xml", sheet ? sheet : SHEET1, 0, sheet_method },
		{ "xl/worksheets/sheet 2.xml", SHEET2, 0, 0 },
	};

	return open_parts(parts, (int)(sizeof parts / sizeof *parts), buf, e);
}

static const struct xlsx_cell *at(const struct xlsx_sheet *s, const char *ref)
{
	int col = ref[0] - 'A', row = atoi(ref + 1) - 1;

	return xlsx_cell(s, row, col);
}

static void test_cells(void **st)
{
	struct err e = { 0 };
	char *buf, date[11];
	struct xlsx *x = open_book(NULL, NULL, &buf, &e);
	const struct xlsx_sheet *s;

	(void)st;
	assert_non_null(x);
	assert_int_equal(xlsx_nsheets(x), 2);
	assert_int_equal(xlsx_find_sheet(x, "answers"), 0);
	assert_int_equal(xlsx_sheet(x, 1)->state, XLSX_HIDDEN);
	assert_int_equal(xlsx_load_sheet(x, 0, &s, &e), 0);
	assert_string_equal(at(s, "A1")->text, "plain");
	assert_string_equal(at(s, "B1")->text, "rich text ");
	assert_string_equal(at(s, "C1")->text, "line\r\nbreak _x0041_ _xZZZZ_");
	assert_int_equal(at(s, "A3")->type, XLSX_NUMBER);
	assert_true(at(s, "A3")->num == 35);
	assert_int_equal(at(s, "B3")->fmt, XLSX_FMT_PERCENT);
	assert_int_equal(at(s, "C3")->fmt, XLSX_FMT_DATE);
	assert_true(xlsx_serial_date(x, at(s, "C3")->num, date));
	assert_string_equal(date, "2024-03-01");
	assert_int_equal(at(s, "D3")->fmt, XLSX_FMT_DATE); /* custom dd/mm/yyyy */
	assert_true(xlsx_serial_date(x, 60, date));
	assert_string_equal(date, "1900-02-29"); /* Excel's own day */
	assert_true(xlsx_serial_date(x, 61, date));
	assert_string_equal(date, "1900-03-01");
	assert_true(xlsx_serial_date(x, 1, date));
	assert_string_equal(date, "1900-01-01");
	assert_false(xlsx_serial_date(x, 0, date));
	assert_int_equal(at(s, "E3")->fmt, 0); /* "d" in quotes is text */
	assert_int_equal(at(s, "F3")->type, XLSX_BOOL);
	assert_string_equal(at(s, "F3")->text, "TRUE");
	assert_int_equal(at(s, "G3")->type, XLSX_ERROR);
	assert_string_equal(at(s, "G3")->text, "#N/A");
	assert_string_equal(at(s, "H3")->text, "formula");
	assert_string_equal(at(s, "I3")->text, "inline");
	assert_int_equal(at(s, "J3")->fmt, XLSX_FMT_DATE);
	assert_true(xlsx_serial_date(x, at(s, "J3")->num, date));
	assert_string_equal(date, "2024-03-01");
	assert_int_equal(at(s, "K3")->fmt, 0); /* a style that does not exist */
	assert_null(at(s, "L3"));              /* styled, no value */
	assert_string_equal(at(s, "A4")->text, "a4");
	assert_true(at(s, "B4")->num == 2);
	assert_true(at(s, "B2")->num == 2);
	assert_int_equal(s->nrows, 4);
	assert_int_equal(s->ncols, 11);
	assert_int_equal(xlsx_load_sheet(x, 1, &s, &e), 0);
	assert_string_equal(at(s, "A1")->text, "strict");
	xlsx_close(x);
	free(buf);
}

static void test_1904(void **st)
{
	struct err e = { 0 };
	char *buf, date[11];
	struct xlsx *x = open_book(NULL, wb1904, &buf, &e);
	const struct xlsx_sheet *s;

	(void)st;
	assert_non_null(x);
	assert_true(xlsx_date1904(x));
	assert_true(xlsx_serial_date(x, 0, date));
	assert_string_equal(date, "1904-01-01");
	assert_true(xlsx_serial_date(x, 43890, date));
	assert_string_equal(date, "2024-03-01");
	assert_int_equal(xlsx_load_sheet(x, 0, &s, &e), 0);
	assert_true(xlsx_serial_date(x, at(s, "J3")->num, date)); /* t="d" in the 1904 system */
	assert_string_equal(date, "2024-03-01");
	xlsx_close(x);
	free(buf);
}

static void test_refs(void **st)
{
	char ref[16], buf[64];
	struct xlsx_sheet s = { .name = "Action plan" };

	(void)st;
	assert_string_equal(xlsx_ref(16, 4, ref), "E17");
	assert_string_equal(xlsx_ref(0, 26, ref), "AA1");
	assert_string_equal(xlsx_ref(1048575, 16383, ref), "XFD1048576");
	assert_string_equal(xlsx_where(&s, 1, 1, buf, sizeof buf), "'Action plan'!B2");
	s.name = "Answers";
	assert_string_equal(xlsx_where(&s, 16, 4, buf, sizeof buf), "Answers!E17");
}

/* ---- hostile files ------------------------------------------------------- */

static void expect_open_error(const char *buf, size_t len, const char *where, const char *msg)
{
	struct err e = { 0 };
	struct xlsx *x = xlsx_open("t.xlsx", buf, len, &e);

	assert_null(x);
	assert_int_equal(e.code, ERR_INPUT);
	assert_string_equal(e.file, "t.xlsx");
	assert_string_equal(e.where, where);
	assert_string_equal(e.msg, msg);
}

static void expect_sheet_error(const char *sheet, const char *where, const char *msg)
{
	struct err e = { 0 };
	char *buf;
	struct xlsx *x = open_book(sheet, NULL, &buf, &e);
	const struct xlsx_sheet *s;

	assert_non_null(x);
	assert_int_equal(xlsx_load_sheet(x, 0, &s, &e), ERR_INPUT);
	assert_string_equal(e.where, where);
	assert_string_equal(e.msg, msg);
	xlsx_close(x);
	free(buf);
}

static void test_not_a_workbook(void **st)
{
	static const char ole[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest of an old .xls";
	struct part doc[] = { { "word/document.xml", "<w/>", 0, 1 } };
	size_t len;
	char *buf;

	(void)st;
	expect_open_error("diligo: 1\n", 10, "", "not an Excel workbook (.xlsx): it is not a zip archive");
	expect_open_error(ole, sizeof ole, "",
			  "an encrypted workbook or an old Excel 97-2003 file (.xls): save it as an "
			  "Excel workbook (.xlsx) without a password");
	buf = make_zip(doc, 1, &len);
	expect_open_error(buf, len, "", "not a spreadsheet in Excel format (.xlsx)");
	free(buf);
}

static void test_truncated(void **st)
{
	struct part parts[] = { { "_rels/.rels", RELS, 0, 1 }, { "xl/workbook.xml", WB, 0, 1 } };
	size_t len;
	char *buf = make_zip(parts, 2, &len);

	(void)st;
	expect_open_error(buf, len / 2, "",
			  "damaged or truncated workbook: its zip directory cannot be found");
	free(buf);
}

static void test_unsafe_paths(void **st)
{
	static const char *const names[] = { "../evil.xml", "/abs.xml", "xl\\a.xml", "C:x.xml",
					     "xl/./a.xml", "xl//a.xml", "xl/../../a.xml" };

	(void)st;
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		struct part parts[] = { { "_rels/.rels", RELS, 0, 1 }, { names[i], "<x/>", 0, 1 } };
		size_t len;
		char *buf = make_zip(parts, 2, &len), msg[200];

		snprintf(msg, sizeof msg, "unsafe path in the zip archive: '%s'", names[i]);
		expect_open_error(buf, len, "", msg);
		free(buf);
	}
}

static void test_duplicate_member(void **st)
{
	struct part parts[] = { { "_rels/.rels", RELS, 0, 1 }, { "xl/workbook.xml", "<a/>", 0, 1 },
				{ "XL/Workbook.xml", "<b/>", 0, 1 } };
	size_t len;
	char *buf = make_zip(parts, 3, &len);

	(void)st;
	expect_open_error(buf, len, "", "the zip archive holds 'XL/Workbook.xml' twice");
	free(buf);
}

static void test_encrypted_member(void **st)
{
	struct part parts[] = { { "_rels/.rels", RELS, 0, 1 } };
	size_t len;
	char *buf = make_zip(parts, 1, &len);

	(void)st;
	/* set "encrypted" (bit 0 of the flags) in the central directory entry */
	for (size_t i = 0; i + 10 < len; i++)
		if (!memcmp(buf + i, "PK\1\2", 4))
			buf[i + 8] |= 1;
	expect_open_error(buf, len, "_rels/.rels", "the member is encrypted: save the workbook "
						   "without a password");
	free(buf);
}

static void test_doctype(void **st)
{
	(void)st;
	expect_sheet_error("<?xml version=\"1.0\"?><!DOCTYPE lol [<!ENTITY a \"aaaa\">]>"
			   "<worksheet><sheetData/></worksheet>",
			   "xl/worksheets/sheet1.xml:1:36",
			   "a DOCTYPE is not allowed in a workbook (entities are refused)");
	expect_sheet_error("<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&lol;</t></is></c>"
			   "</row></sheetData></worksheet>",
			   "xl/worksheets/sheet1.xml:1:52", "malformed XML (undefined entity)");
	expect_sheet_error("<worksheet><sheetData>", "xl/worksheets/sheet1.xml:1:23",
			   "malformed XML (no element found)");
}

static void test_depth(void **st)
{
	char xml[2000] = "<worksheet>";

	(void)st;
	for (int i = 0; i < 80; i++)
		strcat(xml, "<a>");
	expect_sheet_error(xml, "xl/worksheets/sheet1.xml:1:201",
			   "XML nested deeper than 64 elements");
}

static void test_bad_refs(void **st)
{
	(void)st;
	expect_sheet_error("<worksheet><sheetData><row><c r=\"XFE1\"><v>1</v></c></row></sheetData>"
			   "</worksheet>",
			   "xl/worksheets/sheet1.xml:1:28", "cell reference 'XFE1' is not one of a sheet");
	expect_sheet_error("<worksheet><sheetData><row r=\"1048577\"/></sheetData></worksheet>",
			   "xl/worksheets/sheet1.xml:1:23", "row number '1048577' is not one of a sheet");
	expect_sheet_error("<worksheet><sheetData><row><c t=\"s\"><v>9</v></c></row></sheetData>"
			   "</worksheet>",
			   "xl/worksheets/sheet1.xml", "cell A1 refers to shared string 9 of 3");
}

static void test_zip_bomb(void **st)
{
	size_t n = 8 * 1024 * 1024, len;
	char *zeros = calloc(1, n), *buf;
	struct err e = { 0 };
	struct xlsx *x;
	const struct xlsx_sheet *s;

	(void)st;
	memcpy(zeros, "<worksheet>", 11);
	memset(zeros + 11, ' ', n - 11);
	{
		struct part parts[] = {
			{ "_rels/.rels", RELS, 0, 1 },
			{ "xl/workbook.xml", wb1900, 0, 1 },
			{ "xl/_rels/workbook.xml.rels", WB_RELS, 0, 1 },
			{ "xl/worksheets/sheet1.xml", zeros, n, 1 },
		};

		buf = make_zip(parts, 4, &len);
		x = xlsx_open("t.xlsx", buf, len, &e);
	}
	assert_non_null(x);
	assert_int_equal(xlsx_load_sheet(x, 0, &s, &e), ERR_INPUT);
	assert_string_equal(e.where, "xl/worksheets/sheet1.xml");
	assert_string_equal(e.msg, "the member inflates more than 100 times its compressed size "
				   "(a zip bomb?)");
	xlsx_close(x);
	free(buf);
	free(zeros);
}

static void test_part_too_big(void **st)
{
	size_t n = 33 * 1024 * 1024, len;
	char *big = malloc(n), *buf;
	struct part parts[] = { { "_rels/.rels", RELS, 0, 1 }, { "xl/workbook.xml", big, n, 0 } };

	(void)st;
	memset(big, ' ', n);
	buf = make_zip(parts, 2, &len);
	expect_open_error(buf, len, "xl/workbook.xml",
			  "the member inflates to 34603008 bytes, more than 32 MiB");
	free(buf);
	free(big);
}

/* A table of more shared strings than allowed is read only as far as the
 * cells need; a cell past the limit is refused. */
static void test_too_many_strings(void **st)
{
	size_t n = DILIGO_XLSX_MAX_STRINGS + 1, len;
	char *sst = malloc(n * 5 + 64), *buf, *p = sst;
	struct err e = { 0 };
	struct xlsx *x;
	const struct xlsx_sheet *s;

	(void)st;
	p += sprintf(p, "<sst><si><t>first</t></si>");
	for (size_t i = 1; i < n; i++)
		p += sprintf(p, "<si/>");
	p += sprintf(p, "</sst>");
	{
		struct part parts[] = {
			{ "_rels/.rels", RELS, 0, 1 },
			{ "xl/workbook.xml", wb1900, 0, 1 },
			{ "xl/_rels/workbook.xml.rels", WB_RELS, 0, 1 },
			{ "xl/sharedStrings.xml", sst, (size_t)(p - sst), 0 },
			{ "xl/worksheets/sheet1.xml",
			  "<worksheet><sheetData><row><c t=\"s\"><v>0</v></c></row></sheetData></worksheet>",
			  0, 1 },
			{ "xl/worksheets/sheet 2.xml",
			  "<worksheet><sheetData><row><c t=\"s\"><v>250000</v></c></row></sheetData>"
			  "</worksheet>",
			  0, 1 },
		};

		buf = make_zip(parts, 6, &len);
	}
	x = xlsx_open("t.xlsx", buf, len, &e);
	assert_non_null(x);
	assert_int_equal(xlsx_load_sheet(x, 0, &s, &e), 0);
	assert_string_equal(at(s, "A1")->text, "first");
	assert_int_equal(xlsx_load_sheet(x, 1, &s, &e), ERR_INPUT);
	assert_string_equal(e.where, "xl/worksheets/sheet 2.xml:1:50");
	assert_string_equal(e.msg, "cell A1 refers to shared string 250000: more than 250000 shared "
				   "strings");
	xlsx_close(x);
	free(buf);
	free(sst);
}

static void test_too_many_cells(void **st)
{
	size_t n = DILIGO_XLSX_MAX_CELLS + 1;
	char *xml = malloc(n * 16 + 100), *p = xml;

	(void)st;
	p += sprintf(p, "<worksheet><sheetData><row>");
	for (size_t i = 0; i < n; i++) {
		if (i % 1000 == 999)
			p += sprintf(p, "</row><row>");
		p += sprintf(p, "<c><v>1</v></c>");
	}
	sprintf(p, "</row></sheetData></worksheet>");
	sheet_method = 0; /* stored: deflated, it would be a zip bomb */
	expect_sheet_error(xml, "xl/worksheets/sheet1.xml:1:3752789", "more than 250000 cells");
	sheet_method = 1;
	free(xml);
}

/* Many number formats and cell styles: matched by sorting, not pair by pair. */
static void test_many_styles(void **st)
{
	size_t n = 100000, len;
	char *xml = malloc(n * 80 + 200), *p = xml, *buf;
	struct err e = { 0 };
	struct xlsx *x;
	const struct xlsx_sheet *s;

	(void)st;
	p += sprintf(p, "<styleSheet><numFmts>");
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "<numFmt numFmtId=\"%zu\" formatCode=\"%s\"/>", 164 + i,
			     i == 7 ? "0.0%" : "yyyy");
	p += sprintf(p, "</numFmts><cellXfs>");
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "<xf numFmtId=\"%zu\"/>", 164 + (i + 7) % n);
	sprintf(p, "</cellXfs></styleSheet>");
	{
		struct part parts[] = {
			{ "_rels/.rels", RELS, 0, 1 },
			{ "xl/workbook.xml", wb1900, 0, 1 },
			{ "xl/_rels/workbook.xml.rels", WB_RELS, 0, 1 },
			{ "xl/styles.xml", xml, 0, 1 },
			{ "xl/sharedStrings.xml", SST, 0, 1 },
			{ "xl/worksheets/sheet1.xml",
			  "<worksheet><sheetData><row><c s=\"0\"><v>1</v></c><c s=\"1\"><v>1</v></c>"
			  "</row></sheetData></worksheet>", 0, 1 },
		};

		buf = make_zip(parts, 6, &len);
	}
	x = xlsx_open("t.xlsx", buf, len, &e);
	assert_non_null(x);
	assert_int_equal(xlsx_load_sheet(x, 0, &s, &e), 0);
	assert_int_equal(at(s, "A1")->fmt, XLSX_FMT_PERCENT);
	assert_int_equal(at(s, "B1")->fmt, XLSX_FMT_DATE);
	{
		int nc;
		const struct xlsx_cell *row = xlsx_row(s, 0, &nc);

		assert_int_equal(nc, 2);
		assert_int_equal(row[1].col, 1);
		assert_null(xlsx_row(s, 1, &nc));
		assert_int_equal(nc, 0);
	}
	xlsx_close(x);
	free(buf);
	free(xml);
}

static void test_long_string(void **st)
{
	size_t n = 140000;
	char *xml = malloc(n + 200);

	(void)st;
	strcpy(xml, "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>");
	memset(xml + strlen(xml), 'a', n);
	strcpy(xml + 51 + n, "</t></is></c></row></sheetData></worksheet>");
	expect_sheet_error(xml, "xl/worksheets/sheet1.xml:1:131073",
			   "a string longer than a cell holds (32767 characters)");
	free(xml);
}

static void test_rels_escape(void **st)
{
	static const char rels[] =
		"<Relationships><Relationship Id=\"rId1\" Type=\"http://x/officeDocument\" "
		"Target=\"../../etc/passwd\"/></Relationships>";
	struct part parts[] = { { "_rels/.rels", rels, 0, 1 } };
	size_t len;
	char *buf = make_zip(parts, 1, &len);

	(void)st;
	expect_open_error(buf, len, "_rels/.rels:1:16",
			  "relationship target '../../etc/passwd' leads out of the package");
	free(buf);
}

/* ---- the kinds' workbook side ------------------------------------------ */

static const struct qoption opts[] = {
	{ "rmap", "RMAP conformant", 1, true, NULL },
	{ "none", "Not assessed", 0, true, NULL },
	{ "dup", "rmap", 0, true, NULL }, /* a label that is another option's value */
	{ "semi", "A; B", 0, true, NULL }, /* a label with the separator */
};

static const char *read_one(const struct question *q, struct kind_cell *c, struct arena *a,
			    int *n)
{
	struct kind_read r = { 0 };

	kind_ops(q->kind)->from_cell(q, c, &r, a);
	*n = r.list ? r.n : -1;
	return r.n ? r.items[r.n - 1] : "";
}

static void test_kind_cells(void **st)
{
	struct arena *a = arena_new();
	static const struct na_cond cond = { 0 };
	struct question q = { .id = "x", .kind = QK_MATURITY };
	struct kind_cell c = { .text = "Not applicable" };
	struct kind_choice ch;
	int n;

	(void)st;
	/* Not applicable is a choice only where the question may not apply
	 * (na_when); elsewhere the text stays, and qn_bind reads it as na */
	assert_string_equal(read_one(&q, &c, a, &n), "Not applicable");
	assert_int_equal(kind_ops(QK_MATURITY)->nchoices(&q), 4);
	q.na_when = &cond;
	q.nna_when = 1;
	assert_string_equal(read_one(&q, &c, a, &n), "na");
	assert_int_equal(kind_ops(QK_MATURITY)->nchoices(&q), 5);
	q.na_when = NULL;
	q.nna_when = 0;
	c.text = "PARTIAL";
	assert_string_equal(read_one(&q, &c, a, &n), "partial");
	assert_int_equal(n, -1);
	q.kind = QK_CHOICE;
	q.opts = opts;
	q.nopts = 4;
	c.text = "rmap conformant";
	assert_string_equal(read_one(&q, &c, a, &n), "rmap");
	c.text = "Unknown";
	assert_string_equal(read_one(&q, &c, a, &n), "unknown");
	c.text = "maybe";
	assert_string_equal(read_one(&q, &c, a, &n), "maybe"); /* parse says why */
	/* a label that reads as another value is shown as its own value */
	assert_string_equal(kind_ops(QK_CHOICE)->choice(&q, 2).label, "dup");
	assert_string_equal(kind_ops(QK_CHOICE)->choice(&q, 3).label, "semi");
	assert_int_equal(kind_ops(QK_CHOICE)->nchoices(&q), 5);
	assert_true(kind_match_choice(&q, "NOT ASSESSED", &ch));
	assert_string_equal(ch.value, "none");
	q.na_when = &cond;
	q.nna_when = 1;
	assert_int_equal(kind_ops(QK_CHOICE)->nchoices(&q), 6);
	assert_string_equal(kind_ops(QK_CHOICE)->choice(&q, 5).label, "Not applicable");
	c.text = "not applicable";
	assert_string_equal(read_one(&q, &c, a, &n), "na");
	q.na_when = NULL;
	q.nna_when = 0;
	q.kind = QK_MULTI;
	c.text = "RMAP conformant; none ;\nNot assessed";
	assert_string_equal(read_one(&q, &c, a, &n), "none");
	assert_int_equal(n, 3);
	c.text = "(none)";
	read_one(&q, &c, a, &n);
	assert_int_equal(n, 0);
	c.text = "Unknown";
	assert_string_equal(read_one(&q, &c, a, &n), "unknown");
	assert_int_equal(n, -1);
	c.text = "NA"; /* one text, as YAML's scalar na, not a list of one option */
	assert_string_equal(read_one(&q, &c, a, &n), "na");
	assert_int_equal(n, -1);
	c.text = "Not applicable";
	assert_string_equal(read_one(&q, &c, a, &n), "na");
	assert_int_equal(n, -1);
	q.kind = QK_PERCENT;
	c = (struct kind_cell){ .text = "0.35", .number = true, .num = 0.35, .percent_format = true };
	assert_string_equal(read_one(&q, &c, a, &n), "35");
	c.percent_format = false;
	assert_string_equal(read_one(&q, &c, a, &n), "0.35");
	q.kind = QK_DATE;
	c = (struct kind_cell){ .text = "45352", .number = true, .num = 45352, .date = "2024-03-01" };
	assert_string_equal(read_one(&q, &c, a, &n), "2024-03-01");
	q.kind = QK_TEXT;
	assert_string_equal(read_one(&q, &c, a, &n), "45352"); /* not formatted as a date */
	c.date_format = true;
	assert_string_equal(read_one(&q, &c, a, &n), "2024-03-01");
	arena_free(a);
}

static void test_kind_to_cell(void **st)
{
	struct question q = { .id = "x", .kind = QK_MULTI, .opts = opts, .nopts = 4 };
	const char *list[] = { "rmap", "semi" };
	struct answer an = { .state = ANS_VALUE, .list = list, .nlist = 2 };
	struct kind_cell c = { 0 };
	char buf[256];

	(void)st;
	kind_ops(q.kind)->to_cell(&q, &an, &c, buf, sizeof buf);
	assert_string_equal(c.text, "RMAP conformant; semi");
	an.nlist = 0;
	kind_ops(q.kind)->to_cell(&q, &an, &c, buf, sizeof buf);
	assert_string_equal(c.text, "(none)");
	q.kind = QK_NUMBER;
	an.num = 0.1;
	memset(&c, 0, sizeof c);
	kind_ops(q.kind)->to_cell(&q, &an, &c, buf, sizeof buf);
	assert_true(c.number);
	assert_string_equal(c.text, "0.1");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cells),
		cmocka_unit_test(test_1904),
		cmocka_unit_test(test_refs),
		cmocka_unit_test(test_not_a_workbook),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_unsafe_paths),
		cmocka_unit_test(test_duplicate_member),
		cmocka_unit_test(test_encrypted_member),
		cmocka_unit_test(test_doctype),
		cmocka_unit_test(test_depth),
		cmocka_unit_test(test_bad_refs),
		cmocka_unit_test(test_zip_bomb),
		cmocka_unit_test(test_part_too_big),
		cmocka_unit_test(test_too_many_strings),
		cmocka_unit_test(test_too_many_cells),
		cmocka_unit_test(test_many_styles),
		cmocka_unit_test(test_long_string),
		cmocka_unit_test(test_rels_escape),
		cmocka_unit_test(test_kind_cells),
		cmocka_unit_test(test_kind_to_cell),
	};

	snprintf(wb1900, sizeof wb1900, WB, "");
	snprintf(wb1904, sizeof wb1904, WB, " date1904=\"1\"");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
