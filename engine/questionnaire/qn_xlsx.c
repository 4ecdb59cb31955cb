/* A questionnaire workbook (qn_xlsx.h) into the tree qn_yaml.c builds from
 * YAML, so that qn_bind applies every rule to both alike. Each node keeps
 * its cell ("Answers!E17") for messages. Answer cells are kept as cells
 * (ynode.xcell) for the question's kind to read when it is known, at
 * binding; everything else is text here:
 *  - strings are trimmed (spaces, tabs, line breaks, no-break spaces);
 *    control characters other than tab and line breaks are refused as in
 *    YAML;
 *  - a number is its decimal to the 15 significant digits Excel shows
 *    ("2025", "0.3" for 0.30000000000000004), or its date where a date is
 *    expected (evidence dates) or formatted (any field);
 *  - booleans read TRUE/FALSE; Confidential takes Yes/No, TRUE/FALSE in any
 *    letter case;
 *  - the supplier's country may be "Norway (NO)" as its dropdown shows it:
 *    the two letters are kept;
 *  - evidence ids in one cell are separated by commas, semicolons, spaces
 *    or line breaks. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "qn.h"
#include "qn_xlsx.h"
#include "text.h"
#include "xlsx_read.h"
#include "qnx_int.h"

const struct qnx_field qnx_fields[] = {
	{ "supplier.id", "Supplier id", "Required: your id as your customer gave it to you.", true },
	{ "supplier.name", "Supplier name", "Required: the legal name of your company.", true },
	{ "supplier.country", "Country", "Where your company is registered: choose from the list.",
	  false },
	{ "supplier.sector", "Sector", "The sector pack of this questionnaire (filled in).", false },
	{ "supplier.employees", "Employees",
	  "Required: the number of people you employ, a whole number (it decides which questions "
	  "apply to a small supplier).",
	  true },
	{ "supplier.tier", "Tier", "1 if you supply your customer directly, 2 if you supply one of "
				   "its suppliers, and so on.",
	  false },
	{ "period", "Reporting period", "The year your answers describe, such as 2025.", false },
	{ "respondent.name", "Respondent name", "Who answered (confidential: never shown in "
						"shared reports).",
	  false },
	{ "respondent.role", "Respondent role", "Their position (confidential).", false },
	{ "respondent.email", "Respondent email", "Their email address (confidential).", false },
};
const int qnx_nfields = (int)(sizeof qnx_fields / sizeof *qnx_fields);

const char *const qnx_heads[QNX_NCOLS] = {
	[QNX_SECTION] = "Section",
	[QNX_ID] = "Question id",
	[QNX_QUESTION] = "Question",
	[QNX_HELP] = "Help",
	[QNX_ANSWER] = "Answer",
	[QNX_EVIDENCE] = "Evidence ids",
	[QNX_COMMENT] = "Comment",
	[QNX_CONFIDENTIAL] = "Confidential",
	[QNX_REQUIRED] = "Required",
	[QNX_ALLOWED] = "Allowed answers",
};

const char *const qnx_ev_heads[QNX_EV_NCOLS] = {
	[QNX_EV_ID] = "Evidence id", [QNX_EV_TITLE] = "Title", [QNX_EV_KIND] = "Kind",
	[QNX_EV_DATE] = "Date",	     [QNX_EV_URL] = "URL",
};

/* ---- nodes ------------------------------------------------------------ */

static struct ynode *node(struct rd *r, enum ytype t, const struct xlsx_sheet *s, int row,
			  int col)
{
	struct ynode *n = arena_alloc(r->q->arena, sizeof *n);

	if (!r->sheet_ref[s->index]) { /* "Answers" from "Answers!A1" */
		char where[600];

		xlsx_where(s, 0, 0, where, sizeof where);
		*strrchr(where, '!') = '\0';
		r->sheet_ref[s->index] = arena_strdup(r->q->arena, where);
	}
	n->type = t;
	n->line = row + 1;
	n->col = col + 1;
	n->part = s->index + 1;
	n->sheet = r->sheet_ref[s->index];
	n->plain = true;
	n->str = "";
	return n;
}

struct ynode *qnx_scalar(struct rd *r, const struct xlsx_sheet *s, int row, int col,
			 const char *text)
{
	struct ynode *n = node(r, Y_SCALAR, s, row, col);

	n->str = text;
	n->len = strlen(text);
	return n;
}

struct coll qnx_coll(struct rd *r, enum ytype t, const struct xlsx_sheet *s, int row, int col)
{
	struct coll c = { node(r, t, s, row, col), 0, 0 };

	return c;
}

static void add(struct rd *r, struct coll *c, struct ynode *kid)
{
	if (c->len == c->cap) {
		struct ynode **k;

		c->cap = c->cap ? 2 * c->cap : 8;
		k = arena_alloc(r->q->arena, (size_t)c->cap * sizeof *k);
		if (c->len)
			memcpy(k, c->n->kids, (size_t)c->len * sizeof *k);
		c->n->kids = k;
	}
	c->n->kids[c->len++] = kid;
	c->n->n = c->n->type == Y_MAP ? c->len / 2 : c->len;
}

/* key: value, the key at the key's cell */
void qnx_add_pair(struct rd *r, struct coll *c, struct ynode *k, struct ynode *v)
{
	add(r, c, k);
	add(r, c, v);
}

/* ---- cells ------------------------------------------------------------ */

__attribute__((format(printf, 5, 6)))
static int fail_at(struct rd *r, const struct xlsx_sheet *s, int row, int col, const char *fmt,
		   ...)
{
	va_list ap;

	err_set(r->e, ERR_INPUT, "%s", "");
	snprintf(r->e->file, sizeof r->e->file, "%s", r->name);
	if (s) {
		xlsx_where(s, row, col, r->e->where, sizeof r->e->where);
		r->e->line = row + 1;
		r->e->col = col + 1;
		r->e->part = s->index + 1;
	}
	va_start(ap, fmt);
	vsnprintf(r->e->msg, sizeof r->e->msg, fmt, ap);
	va_end(ap);
	return ERR_INPUT;
}

static bool space_at(const unsigned char *p)
{
	return *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || (p[0] == 0xC2 && p[1] == 0xA0);
}

/* s without surrounding spaces, copied into the questionnaire's arena (the
 * workbook's memory goes when it is closed). */
static const char *trim(struct rd *r, const char *s)
{
	const unsigned char *b = (const unsigned char *)s, *e;

	while (*b && space_at(b))
		b += *b == 0xC2 ? 2 : 1;
	e = b + strlen((const char *)b);
	for (;;) {
		if (e > b && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
			e--;
		else if (e - b >= 2 && e[-2] == 0xC2 && e[-1] == 0xA0)
			e -= 2;
		else
			break;
	}
	return arena_strndup(r->q->arena, (const char *)b, (size_t)(e - b));
}

/* Control characters are refused as YAML refuses them. */
static int check_text(struct rd *r, const struct xlsx_sheet *s, const struct xlsx_cell *c)
{
	const unsigned char *p = (const unsigned char *)c->text;

	for (; *p; p++) {
		if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7F)
			return fail_at(r, s, c->row, c->col,
				       "control character 0x%02X in a string is not allowed", *p);
		if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] < 0xA0)
			return fail_at(r, s, c->row, c->col,
				       "control character U+%04X in a string is not allowed", p[1]);
	}
	return 0;
}

/* A cell as the kinds see it; NULL cell: blank. Returns 0 or an error. */
int qnx_read_cell(struct rd *r, const struct xlsx_sheet *s, const struct xlsx_cell *c,
		  struct kind_cell *k)
{
	char buf[40], date[11];

	memset(k, 0, sizeof *k);
	k->text = "";
	if (!c)
		return 0;
	if (c->type == XLSX_NUMBER) {
		k->number = true;
		k->num = c->num;
		snprintf(buf, sizeof buf, "%.15g", c->num); /* the digits Excel shows */
		k->text = arena_strdup(r->q->arena, buf);
		if (xlsx_serial_date(r->x, c->num, date))
			k->date = arena_strdup(r->q->arena, date);
		k->date_format = c->fmt & XLSX_FMT_DATE;
		k->percent_format = c->fmt & XLSX_FMT_PERCENT;
		return 0;
	}
	if (check_text(r, s, c))
		return ERR_INPUT;
	k->text = trim(r, c->text);
	return 0;
}

/* A field's text: a number formatted as a date reads as its date. */
const char *qnx_field_text(const struct kind_cell *k)
{
	return k->number && k->date_format && k->date ? k->date : k->text;
}

/* ---- sheets ----------------------------------------------------------- */

/* The sheets a questionnaire is read from, loaded together (the shared
 * strings are read once); out[k] NULL for a sheet not required and absent. */
static int load(struct rd *r, const char *const *names, const bool *required, int n,
		const struct xlsx_sheet **out)
{
	int which[8], m = 0;

	for (int k = 0; k < n; k++) {
		int i = xlsx_find_sheet(r->x, names[k]);

		out[k] = NULL;
		if (i < 0 && required[k]) {
			err_set(r->e, ERR_INPUT, "the workbook has no sheet '%s': is it a diligo "
						 "questionnaire? (diligo template -s SECTOR -o FILE.xlsx "
						 "makes one)",
				names[k]);
			snprintf(r->e->file, sizeof r->e->file, "%s", r->name);
			return ERR_INPUT;
		}
		if (i >= 0) {
			which[m++] = i;
			out[k] = xlsx_sheet(r->x, i);
		}
	}
	return xlsx_load_sheets(r->x, which, m, r->e);
}

static bool same(const char *cell_text, const char *want)
{
	return !strcasecmp(cell_text, want);
}

/* Whether cell c is a string that says want (letter case and surrounding
 * spaces aside), without copying it. */
static bool cell_says(const struct xlsx_cell *c, const char *want)
{
	const unsigned char *t;
	size_t n = strlen(want);

	if (!c || c->type != XLSX_STRING)
		return false;
	for (t = (const unsigned char *)c->text; *t && space_at(t);)
		t += *t == 0xC2 ? 2 : 1;
	if (strncasecmp((const char *)t, want, n))
		return false;
	for (t += n; *t && space_at(t);)
		t += *t == 0xC2 ? 2 : 1;
	return !*t;
}

bool qnx_says(const struct xlsx_sheet *s, int row, int col, const char *want)
{
	return cell_says(xlsx_cell(s, row, col), want);
}

/* The trimmed text of a string cell, "" for anything else. */
static const char *label_at(struct rd *r, const struct xlsx_sheet *s, int row, int col)
{
	const struct xlsx_cell *c = xlsx_cell(s, row, col);

	return c && c->type == XLSX_STRING ? trim(r, c->text) : "";
}

/* The heading row: the first of the top 20 rows holding first_head; each
 * heading's column into cols (-1 when absent). */
int qnx_headings(struct rd *r, const struct xlsx_sheet *s, const char *const *heads, int n,
		 int *cols, int *head_row)
{
	for (int row = 0; row < s->nrows && row < 20; row++) {
		int nc;
		const struct xlsx_cell *c = xlsx_row(s, row, &nc);
		bool found = false;

		for (int i = 0; i < nc && !found; i++)
			found = cell_says(&c[i], heads[0]);
		if (!found)
			continue;
		for (int k = 0; k < n; k++) {
			cols[k] = -1;
			for (int i = 0; i < nc && cols[k] < 0; i++)
				if (cell_says(&c[i], heads[k]))
					cols[k] = c[i].col;
		}
		*head_row = row;
		return 0;
	}
	return fail_at(r, s, 0, 0, "no heading row: the sheet has no cell '%s' in its top rows",
		       heads[0]);
}

/* ---- the meta sheet --------------------------------------------------- */

static int read_meta(struct rd *r, const struct xlsx_sheet *s, struct coll *root)
{
	struct qn *q = r->q;
	struct kind_cell k;

	for (int ci = 0; ci < s->ncells; ci++) { /* the rows with a key in column A */
		int row = s->cells[ci].row;
		const char *key;

		if (s->cells[ci].col != 0)
			continue;
		key = label_at(r, s, row, 0);
		const struct xlsx_cell *c = xlsx_cell(s, row, 1);

		if (!*key)
			continue;
		if (qnx_read_cell(r, s, c, &k))
			return ERR_INPUT;
		if (same(key, QNX_META_FORMAT))
			qnx_add_pair(r, root, qnx_scalar(r, s, row, 0, "diligo"), qnx_scalar(r, s, row, 1, k.text));
		else if (same(key, QNX_META_PACK))
			q->form_pack = k.text;
		else if (same(key, QNX_META_VERSION))
			q->form_version = k.text;
		else if (same(key, QNX_META_LANGUAGE) && *k.text)
			q->form_lang = k.text;
		else if (same(key, QNX_META_QUESTIONS) && *k.text) {
			q->form_questions = k.text;
			q->form_at = qnx_scalar(r, s, row, 1, k.text);
		}
	}
	return 0;
}

/* ---- the Answers sheet ------------------------------------------------ */

static bool is_id_separator(char c)
{
	return c == ',' || c == ';' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* "E1, E2" -> [E1, E2], every item at the cell. */
static struct ynode *evidence_list(struct rd *r, const struct xlsx_sheet *s, int row, int col,
				   const char *text)
{
	struct coll seq = qnx_coll(r, Y_SEQ, s, row, col);

	for (const char *p = text; *p;) {
		size_t n;

		while (*p && is_id_separator(*p))
			p++;
		for (n = 0; p[n] && !is_id_separator(p[n]); n++)
			;
		if (n)
			add(r, &seq, qnx_scalar(r, s, row, col, arena_strndup(r->q->arena, p, n)));
		p += n;
	}
	return seq.len ? seq.n : NULL;
}

/* Confidential: yes/true -> "true", no/false -> "false", anything else as
 * written (binding names the problem). */
static const char *flag_text(const char *v)
{
	if (!strcasecmp(v, "yes") || !strcasecmp(v, "true"))
		return "true";
	if (!strcasecmp(v, "no") || !strcasecmp(v, "false"))
		return "false";
	return v;
}

/* A duplicate id: where the first one is. */
struct seen_id {
	const char *id;
	const struct ynode *at;
};

static int cmp_seen(const void *a, const void *b)
{
	const struct seen_id *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	if (c)
		return c;
	return x->at->line - y->at->line;
}

int qnx_check_unique(struct rd *r, const struct xlsx_sheet *s, struct coll *map,
		     const char *what)
{
	int n = map->n->n;
	struct seen_id *v;
	char first[160];
	int rc = 0;

	if (n < 2)
		return 0;
	v = arena_alloc(r->q->arena, (size_t)n * sizeof *v);
	for (int i = 0; i < n; i++) {
		v[i].id = map->n->kids[2 * i]->str;
		v[i].at = map->n->kids[2 * i];
	}
	qsort(v, (size_t)n, sizeof *v, cmp_seen);
	for (int i = 1; i < n && !rc; i++)
		if (!strcmp(v[i - 1].id, v[i].id))
			rc = fail_at(r, s, v[i].at->line - 1, v[i].at->col - 1,
				     "%s '%s' is listed twice (first at %s)", what, v[i].id,
				     ynode_where(v[i - 1].at, first, sizeof first));
	return rc;
}

static int read_answers(struct rd *r, const struct xlsx_sheet *s, struct coll *root)
{
	struct coll answers = qnx_coll(r, Y_MAP, s, 0, 0);
	int cols[QNX_NCOLS], head = 0;
	/* the heading row is found by the id column's heading */
	const char *heads[QNX_NCOLS];
	int order[QNX_NCOLS];

	heads[0] = qnx_heads[QNX_ID];
	order[0] = QNX_ID;
	for (int k = 0, n = 1; k < QNX_NCOLS; k++)
		if (k != QNX_ID) {
			heads[n] = qnx_heads[k];
			order[n++] = k;
		}
	{
		int found[QNX_NCOLS];

		if (qnx_headings(r, s, heads, QNX_NCOLS, found, &head))
			return ERR_INPUT;
		for (int k = 0; k < QNX_NCOLS; k++)
			cols[order[k]] = found[k];
	}
	if (cols[QNX_ANSWER] < 0)
		return fail_at(r, s, head, 0, "no column '%s' in the heading row",
			       qnx_heads[QNX_ANSWER]);
	for (int ci = 0; ci < s->ncells; ci++) { /* the rows with a question id */
		const struct xlsx_cell *idc = &s->cells[ci];
		int row = idc->row;
		struct kind_cell kid, kv, kx;
		struct ynode *k, *v, *ev = NULL;
		const char *comment = "", *conf = "";

		if (idc->col != cols[QNX_ID] || row <= head)
			continue;
		if (qnx_read_cell(r, s, idc, &kid))
			return ERR_INPUT;
		if (!*kid.text)
			continue;
		k = qnx_scalar(r, s, row, cols[QNX_ID], kid.text);
		if (qnx_read_cell(r, s, xlsx_cell(s, row, cols[QNX_ANSWER]), &kv))
			return ERR_INPUT;
		v = qnx_scalar(r, s, row, cols[QNX_ANSWER], kv.text);
		if (*kv.text) {
			struct kind_cell *keep = arena_alloc(r->q->arena, sizeof *keep);

			*keep = kv;
			v->xcell = keep;
		}
		if (cols[QNX_EVIDENCE] >= 0) {
			if (qnx_read_cell(r, s, xlsx_cell(s, row, cols[QNX_EVIDENCE]), &kx))
				return ERR_INPUT;
			ev = evidence_list(r, s, row, cols[QNX_EVIDENCE], kx.text);
		}
		if (cols[QNX_COMMENT] >= 0) {
			if (qnx_read_cell(r, s, xlsx_cell(s, row, cols[QNX_COMMENT]), &kx))
				return ERR_INPUT;
			comment = qnx_field_text(&kx);
		}
		if (cols[QNX_CONFIDENTIAL] >= 0) {
			if (qnx_read_cell(r, s, xlsx_cell(s, row, cols[QNX_CONFIDENTIAL]), &kx))
				return ERR_INPUT;
			conf = flag_text(kx.text);
		}
		if (ev || *comment || (*conf && strcmp(conf, "false"))) {
			/* the long form, placed at the answer cell */
			struct coll lf = qnx_coll(r, Y_MAP, s, row, cols[QNX_ANSWER]);

			if (*kv.text)
				qnx_add_pair(r, &lf, qnx_scalar(r, s, row, cols[QNX_ANSWER], "value"), v);
			if (ev)
				qnx_add_pair(r, &lf, qnx_scalar(r, s, row, cols[QNX_EVIDENCE], "evidence"), ev);
			if (*comment)
				qnx_add_pair(r, &lf, qnx_scalar(r, s, row, cols[QNX_COMMENT], "comment"),
					 qnx_scalar(r, s, row, cols[QNX_COMMENT], comment));
			if (*conf)
				qnx_add_pair(r, &lf, qnx_scalar(r, s, row, cols[QNX_CONFIDENTIAL], "confidential"),
					 qnx_scalar(r, s, row, cols[QNX_CONFIDENTIAL], conf));
			v = lf.n;
		}
		qnx_add_pair(r, &answers, k, v);
	}
	if (qnx_check_unique(r, s, &answers, "question"))
		return ERR_INPUT;
	qnx_add_pair(r, root, qnx_scalar(r, s, 0, 0, "answers"), answers.n);
	return 0;
}

/* ---- the workbook ----------------------------------------------------- */

static struct qn *parse(const char *name, const char *buf, size_t len, bool supplier_only,
			struct err *e)
{
	struct rd r = { .e = e, .name = name };
	static const char *const names[] = { QNX_SHEET_META, QNX_SHEET_SUPPLIER, QNX_SHEET_ANSWERS,
					      QNX_SHEET_EVIDENCE };
	static const bool required[] = { true, true, true, false };
	const struct xlsx_sheet *sh[4] = { NULL }, *meta, *sup, *ans, *ev;
	struct arena *a;
	struct coll root;
	int rc;

	if (len > DILIGO_MAX_QN_BYTES) {
		err_at(e, ERR_INPUT, name, 1, 1, "file is larger than 4 MiB (%zu bytes)", len);
		return NULL;
	}
	r.x = xlsx_open(name, buf, len, e);
	if (!r.x)
		return NULL;
	a = arena_new();
	r.q = arena_alloc(a, sizeof *r.q);
	r.q->arena = a;
	r.q->path = arena_strdup(a, name);
	r.q->workbook = true;
	if (supplier_only)
		rc = load(&r, names + 1, required + 1, 1, sh + 1);
	else
		rc = load(&r, names, required, 4, sh);
	meta = sh[0], sup = sh[1], ans = sh[2], ev = sh[3];
	if (!rc) {
		root = qnx_coll(&r, Y_MAP, sup, 0, 0);
		r.q->root = root.n;
	}
	if (!rc && !supplier_only)
		rc = read_meta(&r, meta, &root);
	if (!rc)
		rc = qnx_read_supplier(&r, sup, &root);
	if (!rc && !supplier_only)
		rc = read_answers(&r, ans, &root);
	if (!rc && !supplier_only && ev)
		rc = qnx_read_evidence(&r, ev, &root);
	xlsx_close(r.x);
	if (rc) {
		qn_free(r.q);
		return NULL;
	}
	return r.q;
}

struct qn *qn_parse_xlsx(const char *name, const char *buf, size_t len, struct err *e)
{
	return parse(name, buf, len, false, e);
}

struct qn *qn_parse_xlsx_supplier(const char *name, const char *buf, size_t len, struct err *e)
{
	return parse(name, buf, len, true, e);
}
