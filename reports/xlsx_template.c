/* The questionnaire workbook a supplier fills in (docs/questionnaire.md,
 * "Workbooks"; the names it uses are engine/questionnaire/qn_xlsx.h, which
 * the reader looks for). Sheets: Instructions, Supplier, Answers, Evidence;
 * hidden, Lists (the dropdowns' entries: inline lists stop at 255
 * characters and at ASCII in libxlsxwriter 1.1.4, ranges do not) and
 * diligo (format, pack, pack version, question-set fingerprint). Every
 * sheet is protected without a password; only the cells to fill are
 * unlocked; the workbook's structure is locked (libxlsxwriter 1.1.4 cannot
 * say so: the workbook part is patched after it is written, below). What
 * an answer cell offers, accepts and shows comes from the question's kind
 * (kind.h: choices, check, to_cell). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <minizip/unzip.h>
#include <minizip/zip.h>

#include "alloc.h"
#include "arena.h"
#include "countries.h"
#include "kind.h"
#include "qn.h"
#include "qn_xlsx.h"
#include "report_text.h"
#include "text.h"
#include "xlsx_common.h"
#include "xlsx_template_int.h"

/* libxlsxwriter 1.1.4 leaks a copy of each list-formula dropdown's range:
 * engine/base/alloc.c tells LeakSanitizer builds so. */

/* ---- formats ---------------------------------------------------------- */

static lxw_format *format(lxw_workbook *wb, bool locked, bool wrap, uint32_t bg)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_font_name(f, "Calibri");
	format_set_font_size(f, 10);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	if (wrap)
		format_set_text_wrap(f);
	if (!locked) {
		format_set_unlocked(f);
		format_set_border(f, LXW_BORDER_THIN);
		format_set_border_color(f, 0xA6A6A6);
	}
	if (bg) {
		format_set_bg_color(f, bg);
		format_set_pattern(f, LXW_PATTERN_SOLID);
	}
	return f;
}

static void formats(struct tpl *t)
{
	lxw_workbook *wb = t->wb;

	xfmt_init(wb, &t->f);
	t->locked = format(wb, true, false, 0xF2F2F2);
	t->locked_wrap = format(wb, true, true, 0xF2F2F2);
	t->input = format(wb, false, false, 0);
	t->input_wrap = format(wb, false, true, 0);
	t->input_date = format(wb, false, false, 0);
	format_set_num_format(t->input_date, "yyyy-mm-dd");
	t->title = format(wb, true, false, 0);
	format_set_bold(t->title);
	format_set_font_size(t->title, 14);
	t->para = format(wb, true, true, 0);
	t->bold = format(wb, true, true, 0);
	format_set_bold(t->bold);
	t->cf_required = workbook_add_format(wb);
	format_set_bg_color(t->cf_required, 0xF8CBAD);
	t->cf_na = workbook_add_format(wb);
	format_set_bg_color(t->cf_na, 0xD9D9D9);
	format_set_font_color(t->cf_na, 0x7F7F7F);
}

void tpl_protect(lxw_worksheet *ws)
{
	/* set: the user may (resize columns and rows, filter) */
	lxw_protection prot = { .format_columns = 1, .format_rows = 1, .autofilter = 1 };

	worksheet_protect(ws, NULL, &prot);
}

/* Text cut to what an input or error message holds (255 characters,
 * counted as Excel counts them), on a character boundary. */
const char *tpl_message(char *buf, size_t n, const char *s)
{
	size_t units = 0, i = 0, cut = 0;
	const unsigned char *p = (const unsigned char *)(s ? s : "");

	while (p[i]) {
		size_t len = p[i] < 0x80 ? 1 : p[i] < 0xE0 ? 2 : p[i] < 0xF0 ? 3 : 4;
		size_t u = len == 4 ? 2 : 1;

		if (units + u > 250) {
			snprintf(buf, n, "%.*s...", (int)cut, s);
			return buf;
		}
		units += u;
		i += len;
		cut = i;
	}
	snprintf(buf, n, "%s", s ? s : "");
	return buf;
}

/* ---- the Lists sheet -------------------------------------------------- */

/* One dropdown's entries in the next column of Lists; its range as a
 * formula ("=Lists!$D$2:$D$7"). The column is written by lists_write. */
static const char *list_column(struct tpl *t, const char *head, const char *const *entries,
			       int n)
{
	char col[8];
	int c = t->lists_col++;

	t->cols[c].head = head;
	t->cols[c].entries = entries;
	t->cols[c].n = n;
	lxw_col_to_name(col, (lxw_col_t)c, 1);
	return arena_printf(t->a, "=%s!%s$2:%s$%d", QNX_SHEET_LISTS, col, col, n + 1);
}

static void lists_write(struct tpl *t)
{
	for (int c = 0; c < t->lists_col; c++) {
		xw_text(t->lists, 0, c, t->cols[c].head, t->f.head);
		for (int i = 0; i < t->cols[c].n; i++)
			xw_text(t->lists, i + 1, c, t->cols[c].entries[i], NULL);
		worksheet_set_column(t->lists, (lxw_col_t)c, (lxw_col_t)c, 30, NULL);
	}
	worksheet_hide(t->lists);
	tpl_protect(t->lists);
}

static const char *choice_list(struct tpl *t, const struct question *q, const char *head)
{
	const struct kind_ops *k = kind_ops(q->kind);
	int n = k->nchoices(q);
	const char **v = arena_alloc(t->a, (size_t)(n ? n : 1) * sizeof *v);

	for (int i = 0; i < n; i++)
		v[i] = k->choice(q, i).label;
	return list_column(t, head, v, n);
}

static void lists_plan(struct tpl *t)
{
	static const char *const yes_no[] = { QNX_YES, QNX_NO };
	const char **names = arena_alloc(t->a, (size_t)t->ncountries * sizeof *names);
	int nkinds = 0;

	t->cols = arena_alloc(t->a, (size_t)(t->p->nquestions + 4) * sizeof *t->cols);
	t->yes_no = list_column(t, RT(TPL_LIST_YES_NO), yes_no, 2);
	while (qn_evidence_kinds[nkinds])
		nkinds++;
	t->kinds = list_column(t, RT(TPL_LIST_KINDS), qn_evidence_kinds, nkinds);
	for (int i = 0; i < t->ncountries; i++)
		names[i] = arena_printf(t->a, "%s (%s)", t->countries[i].name, t->countries[i].code);
	t->country_list = list_column(t, RT(TPL_LIST_COUNTRIES), names, t->ncountries);
	t->question_list = arena_alloc(t->a, (size_t)(t->p->nquestions + 1) * sizeof *t->question_list);
	for (int i = 0; i < t->p->nquestions; i++) {
		const struct question *q = &t->p->questions[i];

		if (!kind_ops(q->kind)->nchoices(q))
			continue;
		if (q->kind == QK_MATURITY && q->nna_when) { /* one list for these, */
			if (!t->maturity_na)
				t->maturity_na = choice_list(t, q, RT(TPL_LIST_MATURITY_NA));
			t->question_list[i] = t->maturity_na;
		} else if (q->kind == QK_MATURITY) { /* one for those that always apply */
			if (!t->maturity)
				t->maturity = choice_list(t, q, RT(TPL_LIST_MATURITY));
			t->question_list[i] = t->maturity;
		} else {
			t->question_list[i] = choice_list(t, q, q->id);
		}
	}
}

/* ---- locking the structure -------------------------------------------- */

/* A zip in memory, for minizip to read or write. */
struct mem {
	char *buf;
	size_t len, cap, pos;
};

static voidpf mem_open(voidpf opaque, const void *name, int mode)
{
	(void)name, (void)mode;
	return opaque;
}

static uLong mem_read(voidpf opaque, voidpf stream, void *buf, uLong size)
{
	struct mem *m = stream;
	size_t n = m->pos < m->len ? m->len - m->pos : 0;

	(void)opaque;
	if (n > size)
		n = size;
	memcpy(buf, m->buf + m->pos, n);
	m->pos += n;
	return (uLong)n;
}

static uLong mem_write(voidpf opaque, voidpf stream, const void *buf, uLong size)
{
	struct mem *m = stream;

	(void)opaque;
	if (m->pos + size > m->cap) {
		m->cap = (m->pos + size) * 2;
		m->buf = xrealloc(m->buf, m->cap);
	}
	memcpy(m->buf + m->pos, buf, size);
	m->pos += size;
	if (m->pos > m->len)
		m->len = m->pos;
	return size;
}

static ZPOS64_T mem_tell(voidpf opaque, voidpf stream)
{
	(void)opaque;
	return ((struct mem *)stream)->pos;
}

static long mem_seek(voidpf opaque, voidpf stream, ZPOS64_T off, int origin)
{
	struct mem *m = stream;
	size_t base = origin == ZLIB_FILEFUNC_SEEK_CUR ? m->pos
		      : origin == ZLIB_FILEFUNC_SEEK_END ? m->len
							 : 0;

	(void)opaque;
	if (off > m->len || base + off > m->len) /* only within what is there */
		return -1;
	m->pos = base + (size_t)off;
	return 0;
}

static int mem_close(voidpf opaque, voidpf stream)
{
	(void)opaque, (void)stream;
	return 0;
}

static int mem_error(voidpf opaque, voidpf stream)
{
	(void)opaque, (void)stream;
	return 0;
}

static void mem_io(zlib_filefunc64_def *io, struct mem *m)
{
	*io = (zlib_filefunc64_def){ mem_open, mem_read, mem_write, mem_tell, mem_seek,
				     mem_close, mem_error, m };
}

/* The zip in in, member by member (compressed data as is) into out, with
 * <workbookProtection lockStructure="1"/> put into xl/workbook.xml after
 * its workbookPr (where the schema orders it). libxlsxwriter 1.1.4 cannot
 * lock a workbook's structure. 0 or -1. */
static int lock_structure(struct mem *in, struct mem *out)
{
	zlib_filefunc64_def ri, wi;
	unzFile uz;
	zipFile zf;
	char name[512];
	int rc, ok = 1;

	mem_io(&ri, in);
	mem_io(&wi, out);
	uz = unzOpen2_64("in", &ri);
	zf = uz ? zipOpen2_64("out", APPEND_STATUS_CREATE, NULL, &wi) : NULL;
	rc = uz && zf ? unzGoToFirstFile(uz) : UNZ_ERRNO;
	while (rc == UNZ_OK && ok) {
		unz_file_info64 fi;
		zip_fileinfo zi = { 0 };
		int method = 0, level = 0;
		bool patch;

		ok = unzGetCurrentFileInfo64(uz, &fi, name, sizeof name, NULL, 0, NULL, 0) == UNZ_OK;
		patch = ok && !strcmp(name, "xl/workbook.xml");
		zi.dosDate = fi.dosDate;
		zi.internal_fa = fi.internal_fa;
		zi.external_fa = fi.external_fa;
		if (ok && patch) {
			const char *lock = "<workbookProtection lockStructure=\"1\"/>";
			size_t len = (size_t)fi.uncompressed_size, k = strlen(lock);
			char *xml = xmalloc(len + k + 1), *at;

			ok = unzOpenCurrentFile(uz) == UNZ_OK &&
			     unzReadCurrentFile(uz, xml, (unsigned)len) == (int)len &&
			     unzCloseCurrentFile(uz) == UNZ_OK;
			if (ok) {
				xml[len] = '\0';
				at = strstr(xml, "<workbookPr");
				at = at && strstr(at, "/>") ? strstr(at, "/>") + 2 : strstr(xml, "<bookViews");
				ok = at != NULL;
			}
			if (ok) {
				memmove(at + k, at, len - (size_t)(at - xml) + 1);
				memcpy(at, lock, k);
				ok = zipOpenNewFileInZip64(zf, name, &zi, NULL, 0, NULL, 0, NULL, Z_DEFLATED,
							   Z_DEFAULT_COMPRESSION, 0) == ZIP_OK &&
				     zipWriteInFileInZip(zf, xml, (unsigned)(len + k)) == ZIP_OK &&
				     zipCloseFileInZip(zf) == ZIP_OK;
			}
			free(xml);
		} else if (ok) {
			char *raw = xmalloc((size_t)fi.compressed_size + 1);

			ok = unzOpenCurrentFile2(uz, &method, &level, 1) == UNZ_OK &&
			     unzReadCurrentFile(uz, raw, (unsigned)fi.compressed_size) ==
				     (int)fi.compressed_size &&
			     unzCloseCurrentFile(uz) == UNZ_OK &&
			     zipOpenNewFileInZip2_64(zf, name, &zi, NULL, 0, NULL, 0, NULL, method, level,
						     1, 0) == ZIP_OK &&
			     zipWriteInFileInZip(zf, raw, (unsigned)fi.compressed_size) == ZIP_OK &&
			     zipCloseFileInZipRaw64(zf, fi.uncompressed_size, fi.crc) == ZIP_OK;
			free(raw);
		}
		if (ok)
			rc = unzGoToNextFile(uz);
	}
	if (zf && zipClose(zf, NULL) != ZIP_OK)
		ok = 0;
	if (uz)
		unzClose(uz);
	return ok && rc == UNZ_END_OF_LIST_OF_FILE ? 0 : -1;
}

/* The file at path into m. 0 or an errno. */
static int slurp(const char *path, struct mem *m)
{
	FILE *f = fopen(path, "rb");
	size_t got;

	if (!f)
		return errno ? errno : EIO;
	m->cap = 256 * 1024;
	m->buf = xmalloc(m->cap);
	while ((got = fread(m->buf + m->len, 1, m->cap - m->len, f)) > 0) {
		m->len += got;
		if (m->len == m->cap)
			m->buf = xrealloc(m->buf, m->cap *= 2);
	}
	got = (size_t)ferror(f);
	fclose(f);
	return got ? EIO : 0;
}

/* ---- the workbook ----------------------------------------------------- */

int report_template_xlsx(const char *path, const struct pack *p, const struct qn *q,
			 const struct template_opts *o, struct err *e)
{
	struct tpl t = { .p = p, .q = q, .o = o };
	struct outfile of;
	lxw_workbook_options wo = { 0 };
	struct mem first = { 0 }, locked = { 0 };
	char scratch[64] = "";
	const char *countries = o->countries ? o->countries : REPORT_ISO3166_JSON;
	const char *written;
	lxw_error lrc;
	FILE *f;
	int rc, errnum;

	t.a = arena_new();
	if ((rc = countries_load(countries, &t.countries, &t.ncountries, t.a, e))) {
		arena_free(t.a);
		return rc;
	}
	if (p->lang)
		countries_translate(t.countries, t.ncountries, p->lang, t.a);
	if (outfile_begin(&of, path, e)) {
		arena_free(t.a);
		return e->code;
	}
	/* libxlsxwriter writes a file that is then read back and patched (the
	 * structure lock): the output file itself, or for a device or a pipe,
	 * a scratch file that is removed at once */
	written = of.tmp;
	if (of.direct) {
		int fd;

		snprintf(scratch, sizeof scratch, "/tmp/diligo-template-XXXXXX");
		if ((fd = mkstemp(scratch)) < 0) {
			outfile_discard(&of);
			arena_free(t.a);
			return err_set(e, ERR_IO, "cannot write '%s': %s", path, strerror(errno));
		}
		close(fd);
		written = scratch;
	}
	t.wb = workbook_new_opt(written, &wo);
	if (!t.wb) {
		if (*scratch)
			unlink(scratch);
		outfile_discard(&of);
		arena_free(t.a);
		return err_set(e, ERR_IO, "cannot write '%s'", path);
	}
	formats(&t);
	/* the sheets in their order */
	t.instructions = workbook_add_worksheet(t.wb, QNX_SHEET_INSTRUCTIONS);
	t.supplier = workbook_add_worksheet(t.wb, QNX_SHEET_SUPPLIER);
	t.answers = workbook_add_worksheet(t.wb, QNX_SHEET_ANSWERS);
	t.evidence = workbook_add_worksheet(t.wb, QNX_SHEET_EVIDENCE);
	t.lists = workbook_add_worksheet(t.wb, QNX_SHEET_LISTS);
	t.meta = workbook_add_worksheet(t.wb, QNX_SHEET_META);
	/* Cells in the order that puts the text the reader reads first in the
	 * shared-string table, which it then reads only that far (xlsx_read.h):
	 * the hidden sheet, supplier fields and values, question ids and
	 * answers, evidence; then what only suppliers read. */
	lists_plan(&t);
	tpl_meta(&t);
	tpl_supplier(&t, 0);
	tpl_answers(&t, 0);
	tpl_evidence(&t);
	tpl_instructions(&t);
	tpl_supplier(&t, 1);
	tpl_answers(&t, 1);
	lists_write(&t);
	xw_properties(t.wb, p->title, NULL, o->now);
	errno = 0;
	lrc = workbook_close(t.wb);
	errnum = errno;
	arena_free(t.a);
	if (lrc == LXW_NO_ERROR)
		errnum = slurp(written, &first);
	if (*scratch)
		unlink(scratch);
	if (lrc != LXW_NO_ERROR || errnum) {
		free(first.buf);
		outfile_discard(&of);
		return err_set(e, ERR_IO, "cannot write '%s': %s", path,
			       errnum ? strerror(errnum) : lxw_strerror(lrc));
	}
	rc = lock_structure(&first, &locked);
	free(first.buf);
	if (rc) {
		free(locked.buf);
		outfile_discard(&of);
		return err_set(e, ERR_IO, "cannot write '%s': the workbook cannot be locked", path);
	}
	errno = 0;
	f = fopen(of.tmp, "wb");
	if (!f || fwrite(locked.buf, 1, locked.len, f) != locked.len || fflush(f) | ferror(f)) {
		errnum = errno;
		if (f)
			fclose(f);
		free(locked.buf);
		outfile_discard(&of);
		return err_set(e, ERR_IO, "cannot write '%s': %s", path,
			       errnum ? strerror(errnum) : "write error");
	}
	free(locked.buf);
	if (fclose(f)) {
		errnum = errno;
		outfile_discard(&of);
		return err_set(e, ERR_IO, "cannot write '%s': %s", path, strerror(errnum));
	}
	return outfile_commit(&of, e);
}
