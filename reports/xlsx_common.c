#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xlsx_common.h"

enum { CELL_MAX = DILIGO_XLSX_CELL_CHARS };

static const char TRUNCATED[] = REPORT_TRUNCATED;

/* A C0 control character other than tab and newline, or DEL: dropped
 * (XML 1.0 cannot hold most of them; libxlsxwriter would write _xHHHH_). */
static bool dropped(int32_t cp)
{
	return (cp >= 0 && cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F;
}

/* Two passes: count the characters that survive, then copy at most what
 * fits in a cell, with a visible marker when cut. Invalid UTF-8 and
 * noncharacters become U+FFFD (text_utf8_char). Excel counts UTF-16 code
 * units, so a character outside the BMP counts twice. */
const char *report_cell_text(const char *s, char *buf, size_t n)
{
	const char *p;
	size_t total = 0, keep, out = 0, chars = 0, len;
	bool changed = false;
	int32_t cp;

	for (p = s; (len = text_utf8_char(p, &cp)); p += len) {
		changed |= cp < 0 || dropped(cp);
		total += dropped(cp) ? 0 : cp >= 0x10000 ? 2 : 1;
	}
	if (!changed && total <= CELL_MAX)
		return s;
	keep = total > CELL_MAX ? CELL_MAX - (sizeof TRUNCATED - 1) : total;
	for (p = s; chars < keep && (len = text_utf8_char(p, &cp)); p += len) {
		const char *from = cp < 0 ? TEXT_REPLACEMENT : p;
		size_t bytes = cp < 0 ? sizeof TEXT_REPLACEMENT - 1 : len;
		size_t units = cp >= 0x10000 ? 2 : 1;

		if (dropped(cp))
			continue;
		if (out + bytes + sizeof TRUNCATED >= n || chars + units > keep)
			break;
		memcpy(buf + out, from, bytes);
		out += bytes;
		chars += units;
	}
	buf[out] = '\0';
	if (total > keep && total > CELL_MAX)
		memcpy(buf + out, TRUNCATED, sizeof TRUNCATED);
	return buf;
}

void xw_text(lxw_worksheet *ws, int row, int col, const char *s, lxw_format *fmt)
{
	static _Thread_local char buf[CELL_MAX * 4 + 64];

	if (!s)
		return;
	worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col,
			       report_cell_text(s, buf, sizeof buf), fmt);
}

void xw_num(lxw_worksheet *ws, int row, int col, double v, lxw_format *fmt)
{
	if (!isnan(v))
		worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, v, fmt);
}

static lxw_format *fmt(lxw_workbook *wb, int bold, int wrap, const char *num, uint32_t bg)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_font_name(f, XW_FONT);
	format_set_font_size(f, XW_SIZE);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	if (bold)
		format_set_bold(f);
	if (wrap)
		format_set_text_wrap(f);
	if (num)
		format_set_num_format(f, num);
	if (bg) {
		format_set_bg_color(f, bg);
		format_set_pattern(f, LXW_PATTERN_SOLID);
	}
	return f;
}

/* Numbers in tables: right-aligned, indented from the right edge so that
 * they keep clear of the next column's text. */
static lxw_format *right(lxw_format *f)
{
	format_set_align(f, LXW_ALIGN_RIGHT);
	format_set_indent(f, 1);
	return f;
}

static lxw_format *left(lxw_format *f)
{
	format_set_align(f, LXW_ALIGN_LEFT);
	return f;
}

void xfmt_init(lxw_workbook *wb, struct xfmt *f)
{
	f->title = fmt(wb, 1, 0, NULL, 0);
	format_set_font_size(f->title, 14);
	f->mark = fmt(wb, 1, 0, NULL, 0);
	format_set_font_color(f->mark, 0x7F1F1F);
	f->section = fmt(wb, 1, 0, NULL, 0);
	format_set_font_size(f->section, 11);
	format_set_font_color(f->section, 0x1F4E79);
	format_set_bottom(f->section, LXW_BORDER_THIN);
	format_set_bottom_color(f->section, 0x1F4E79);
	f->head = fmt(wb, 1, 1, NULL, 0x1F4E79);
	format_set_font_color(f->head, LXW_COLOR_WHITE);
	format_set_bottom(f->head, LXW_BORDER_THIN);
	f->head_r = fmt(wb, 1, 1, NULL, 0x1F4E79);
	format_set_font_color(f->head_r, LXW_COLOR_WHITE);
	format_set_bottom(f->head_r, LXW_BORDER_THIN);
	format_set_align(f->head_r, LXW_ALIGN_RIGHT);
	format_set_indent(f->head_r, 1); /* numbers keep clear of the next column's text */
	f->text = fmt(wb, 0, 0, NULL, 0);
	f->wrap = fmt(wb, 0, 1, NULL, 0);
	f->num = right(fmt(wb, 0, 0, NULL, 0));
	f->num1 = right(fmt(wb, 0, 0, "0.0", 0));
	f->pct = right(fmt(wb, 0, 0, "0%", 0));
	f->label = fmt(wb, 1, 1, NULL, 0);
	f->bold = f->label;
	/* values beside labels: left-aligned, numbers too (text is anyway;
	 * fewer formats, since every one costs each workbook its styles) */
	f->value = f->text;
	f->value_wrap = f->wrap;
	f->value_num = left(fmt(wb, 0, 0, "0", 0));
	f->value_num1 = left(fmt(wb, 0, 0, "0.0", 0));
	f->value_pct = left(fmt(wb, 0, 0, "0%", 0));
	f->big = f->title;
	f->muted = fmt(wb, 0, 1, NULL, 0);
	format_set_font_color(f->muted, 0x595959);
	f->level[0] = fmt(wb, 0, 0, NULL, 0xE2EFDA);
	f->level[1] = fmt(wb, 0, 0, NULL, 0xFFF2CC);
	f->level[2] = fmt(wb, 1, 0, NULL, 0xF8CBAD);
	f->level[3] = fmt(wb, 1, 0, NULL, 0xC00000);
	format_set_font_color(f->level[3], LXW_COLOR_WHITE);
	f->flag = right(fmt(wb, 1, 0, NULL, 0xC00000));
	format_set_font_color(f->flag, LXW_COLOR_WHITE);
	f->flag_value = left(fmt(wb, 1, 0, NULL, 0xC00000));
	format_set_font_color(f->flag_value, LXW_COLOR_WHITE);
}

/* Header text: '&' starts a code in Excel's header language, so doubled;
 * cut (on a UTF-8 boundary) to leave room in the 255-byte header. */
static size_t header_escape(char *out, size_t n, const char *s, size_t room)
{
	size_t k = 0;

	for (; *s && k + 2 < n && k + 2 < room; s++) {
		unsigned char c = (unsigned char)*s;

		if (c < 0x20)
			c = ' ';
		if (c == '&')
			out[k++] = '&';
		out[k++] = (char)c;
	}
	while (k && ((unsigned char)out[k - 1] & 0xC0) == 0x80) /* no cut sequence at the end */
		k--;
	if (k && ((unsigned char)out[k - 1] & 0xC0) == 0xC0)
		k--;
	out[k] = '\0';
	return k;
}

void xpage_init(struct xpage *pg, const struct report_opts *o, const char *who)
{
	char m[64], w[128];

	pg->paper = o->paper == REPORT_PAPER_LETTER ? 1 : 9;
	pg->marking = o->stakeholder ? RT(MARK_STAKEHOLDER) : RT(MARK_COMPANY);
	pg->who = who;
	char safe[DILIGO_REPORT_LINE_TEXT];

	header_escape(m, sizeof m, pg->marking, sizeof m);
	/* a name from data: made safe first (valid UTF-8, no noncharacters) */
	header_escape(w, sizeof w, report_cell_text(who ? who : "", safe, sizeof safe), sizeof w);
	/* left: the marking; centre: whose; right: the sheet (&A) */
	snprintf(pg->header, sizeof pg->header, "&L&8&\"" XW_FONT ",Bold\"%s&C&8%s&R&8&A", m, w);
}

void xw_page(lxw_worksheet *ws, const struct xpage *pg, enum xorient orient, int fit_w, int fit_h)
{
	char footer[128];
	lxw_header_footer_options hf = { .margin = 0.3 };
	char pages[64];

	worksheet_set_paper(ws, (uint8_t)pg->paper);
	if (orient == XW_LANDSCAPE)
		worksheet_set_landscape(ws);
	else
		worksheet_set_portrait(ws);
	worksheet_set_margins(ws, 0.5, 0.5, 0.75, 0.75);
	worksheet_set_header_opt(ws, pg->header, &hf);
	snprintf(pages, sizeof pages, RT(FMT_PAGE), "&P", "&N");
	snprintf(footer, sizeof footer, "&C&8%s", pages);
	worksheet_set_footer_opt(ws, footer, &hf);
	if (fit_w || fit_h)
		worksheet_fit_to_pages(ws, (uint16_t)fit_w, (uint16_t)fit_h);
}

void xw_mark_row(lxw_worksheet *ws, const struct xfmt *f, const struct xpage *pg,
		 const char *sheet)
{
	char buf[DILIGO_REPORT_LINE_TEXT];

	snprintf(buf, sizeof buf, RT(FMT_SHEET_LINE), sheet, pg->who ? pg->who : "", pg->marking);
	xw_text(ws, 0, 0, buf, f->mark);
	worksheet_set_row(ws, 0, xl_row_pt(1, 11), NULL);
}

void xw_heading(lxw_worksheet *ws, const struct xfmt *f, const struct tcol *cols, int ncols,
	      int head)
{
	int lines = 1;

	for (int c = 0; c < ncols; c++) {
		const char *h = report_texts[cols[c].head];
		int n = xl_lines(h, cols[c].width, XW_SIZE, true);

		worksheet_write_string(ws, (lxw_row_t)head, (lxw_col_t)c, h,
				       cols[c].kind == COL_NUM ? f->head_r : f->head);
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, cols[c].width, NULL);
		lines = n > lines ? n : lines;
	}
	worksheet_set_row(ws, (lxw_row_t)head, xl_row_pt(lines, XW_SIZE), NULL);
	worksheet_freeze_panes(ws, (lxw_row_t)(head + 1), 0);
	worksheet_repeat_rows(ws, (lxw_row_t)head, (lxw_row_t)head);
}

void xw_table(lxw_worksheet *ws, const struct xfmt *f, const struct column *cols, int ncols,
	      int nrows)
{
	for (int c = 0; c < ncols; c++) {
		xw_text(ws, 0, c, cols[c].head, f->head);
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, cols[c].width,
				     cols[c].wrap ? f->wrap : NULL);
	}
	worksheet_set_row(ws, 0, 30, NULL);
	worksheet_freeze_panes(ws, 1, 0);
	worksheet_autofilter(ws, 0, 0, (lxw_row_t)(nrows > 0 ? nrows : 1),
			     (lxw_col_t)(ncols - 1));
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_repeat_rows(ws, 0, 0);
}

void xr_begin(struct xrow *r, lxw_worksheet *ws, const struct xfmt *f,
	      const struct tcol *cols, int row)
{
	r->ws = ws;
	r->f = f;
	r->cols = cols;
	r->row = row;
	r->lines = 1;
}

void xr_text(struct xrow *r, int col, const char *s, lxw_format *fmt)
{
	const struct tcol *c = &r->cols[col];

	if (!s || !*s)
		return;
	if (!fmt)
		fmt = c->kind == COL_WRAP ? r->f->wrap : c->kind == COL_NUM ? r->f->num : r->f->text;
	xw_text(r->ws, r->row, col, s, fmt);
	if (c->kind == COL_WRAP) {
		int n = xl_lines(s, c->width, XW_SIZE, false);

		r->lines = n > r->lines ? n : r->lines;
	}
}

/* Line counts of pack text, by address: a pack's strings stay where they
 * are for the whole run (each worker has its own packs, hence per thread).
 * The length and both ends are checked too, so a reused address with other
 * text is measured again. */
enum { PACK_LINES = 1 << 14 };

struct pack_lines {
	const char *s;
	size_t len;
	uint64_t ends;
	float width;
	int lines;
};

static uint64_t ends_of(const char *s, size_t len)
{
	uint64_t a = 0, b = 0;

	memcpy(&a, s, len < 8 ? len : 8);
	if (len > 8)
		memcpy(&b, s + len - 8, 8);
	return a ^ (b * 0x9E3779B97F4A7C15ULL);
}

static int pack_lines(const char *s, double width)
{
	static _Thread_local struct pack_lines cache[PACK_LINES];
	uint64_t key = ((uint64_t)(uintptr_t)s ^ (uint64_t)(width * 4) << 48) * 0x9E3779B97F4A7C15ULL;
	size_t len = strlen(s), h = (size_t)(key >> 50); /* the top 14 bits: PACK_LINES slots */
	struct pack_lines *c = &cache[h];
	uint64_t ends = ends_of(s, len);

	if (c->s == s && c->len == len && c->ends == ends && c->width == (float)width)
		return c->lines;
	c->s = s;
	c->len = len;
	c->ends = ends;
	c->width = (float)width;
	c->lines = xl_lines(s, width, XW_SIZE, false);
	return c->lines;
}

void xr_pack_text(struct xrow *r, int col, const char *s)
{
	const struct tcol *c = &r->cols[col];

	if (!s || !*s)
		return;
	xw_text(r->ws, r->row, col, s, c->kind == COL_WRAP ? r->f->wrap : r->f->text);
	if (c->kind == COL_WRAP) {
		int n = pack_lines(s, c->width);

		r->lines = n > r->lines ? n : r->lines;
	}
}

void xr_num(struct xrow *r, int col, double v, lxw_format *fmt)
{
	xw_num(r->ws, r->row, col, v, fmt ? fmt : r->f->num);
}

void xr_end(struct xrow *r)
{
	xw_row_lines(r->ws, r->row, r->lines);
}

void xw_properties(lxw_workbook *wb, const char *title, const char *marking, time_t now)
{
	lxw_doc_properties p = { 0 };
	char t[DILIGO_REPORT_LINE_TEXT], c[DILIGO_REPORT_LINE_TEXT];

	if (marking)
		snprintf(c, sizeof c, RT(FMT_DOC_COMMENTS), DILIGO_VERSION, marking);
	else
		snprintf(c, sizeof c, RT(FMT_DOC_GENERATED), DILIGO_VERSION);
	p.title = (char *)report_cell_text(title, t, sizeof t);
	p.subject = (char *)marking;
	p.author = "diligo";
	p.comments = c;
	p.created = now;
	workbook_set_properties(wb, &p);
}

/* Why libxlsxwriter could not write a workbook: the system's reason when
 * it left one in errno ("No space left on device", "Disk quota exceeded"),
 * never its guess "usually a permissions error". */
static const char *close_error(lxw_error rc, int errnum, char *buf, size_t n)
{
	if (rc == LXW_ERROR_CREATING_TMPFILE || rc == LXW_ERROR_READING_TMPFILE)
		snprintf(buf, n, "cannot use a temporary file in the system's temporary directory%s%s",
			 errnum ? ": " : "", errnum ? strerror(errnum) : "");
	else if (errnum)
		snprintf(buf, n, "%s", strerror(errnum));
	else if (rc == LXW_ERROR_CREATING_XLSX_FILE)
		snprintf(buf, n, "cannot create the file");
	else
		snprintf(buf, n, "%s", lxw_strerror(rc));
	return buf;
}

int xw_finish(lxw_workbook *wb, struct outfile *of, struct err *e)
{
	lxw_error rc;
	int errnum;
	char why[256];

	errno = 0;
	rc = workbook_close(wb);
	errnum = errno;
	if (rc != LXW_NO_ERROR) {
		outfile_discard(of);
		return err_set(e, ERR_IO, "cannot write '%s': %s", of->target,
			       close_error(rc, errnum, why, sizeof why));
	}
	return outfile_commit(of, e);
}
