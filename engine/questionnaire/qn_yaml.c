/* The questionnaire reader: bytes -> checked tree (workbooks go to
 * qn_xlsx.c). libyaml's event parser does
 * the syntax; this file adds the limits libyaml 0.2.5 lacks (depth, duplicate
 * keys, aliases) and reports everything as file:line:col. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "alloc.h"
#include "arena.h"
#include "infile.h"
#include "qn.h"
#include "sha256.h"
#include "xlsx_read.h"

struct builder {
	struct qn *q;
	struct err *e;
	const char *name;
	struct ynode *stack[DILIGO_MAX_QN_DEPTH + 1];
	/* children collected so far per open node; grown in the heap, then
	 * copied into the arena when the node closes; how many is bounded by
	 * the file's size, which qn_parse caps at DILIGO_MAX_QN_BYTES */
	struct ynode **kids[DILIGO_MAX_QN_DEPTH + 1];
	int nkids[DILIGO_MAX_QN_DEPTH + 1];
	size_t capkids[DILIGO_MAX_QN_DEPTH + 1];
	int depth;
	int docs;
};

static int line_of(const yaml_mark_t *m) { return (int)m->line + 1; }
static int col_of(const yaml_mark_t *m) { return (int)m->column + 1; }

/* Line and column of a byte offset, for errors found before libyaml runs. */
static void locate(const char *buf, size_t len, size_t off, int *line, int *col)
{
	const char *bol = buf;

	*line = 1;
	if (off > len)
		off = len;
	for (size_t i = 0; i < off; i++)
		if (buf[i] == '\n' || (buf[i] == '\r' && (i + 1 == len || buf[i + 1] != '\n'))) {
			(*line)++; /* LF, CRLF or a lone CR, as libyaml counts them */
			bol = buf + i + 1;
		}
	if (bol == buf && off >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
		bol += 3; /* a byte-order mark is not a column */
	*col = 1;
	for (const char *p = bol; p < buf + off; p++)
		if (((unsigned char)*p & 0xC0) != 0x80)
			(*col)++;
}

/* Length of the UTF-8 sequence at s (at most n bytes), or 0 if invalid. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	size_t len;
	unsigned cp;

	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xE0) == 0xC0) { len = 2; cp = s[0] & 0x1F; }
	else if ((s[0] & 0xF0) == 0xE0) { len = 3; cp = s[0] & 0x0F; }
	else if ((s[0] & 0xF8) == 0xF0) { len = 4; cp = s[0] & 0x07; }
	else return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
	    (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

/* Raw bytes: valid UTF-8, no control characters but tab, LF and CR. */
static int check_bytes(const char *name, const char *buf, size_t len, struct err *e)
{
	const unsigned char *s = (const unsigned char *)buf;
	int line, col;

	for (size_t i = 0; i < len;) {
		size_t n = utf8_seq(s + i, len - i);

		if (!n) {
			locate(buf, len, i, &line, &col);
			return err_at(e, ERR_INPUT, name, line, col,
				      "invalid UTF-8 (byte 0x%02X)", s[i]);
		}
		if (n == 1 && (s[i] < 0x20 || s[i] == 0x7F) && s[i] != '\t' &&
		    s[i] != '\n' && s[i] != '\r') {
			locate(buf, len, i, &line, &col);
			return err_at(e, ERR_INPUT, name, line, col,
				      "control character 0x%02X is not allowed", s[i]);
		}
		if (n == 2 && s[i] == 0xC2 && s[i + 1] < 0xA0) {
			locate(buf, len, i, &line, &col);
			return err_at(e, ERR_INPUT, name, line, col,
				      "control character U+%04X is not allowed", s[i + 1]);
		}
		i += n;
	}
	return 0;
}

/* Escapes in double-quoted scalars ("\0", "\x07") bypass check_bytes. */
static int check_scalar(struct builder *b, const yaml_event_t *ev)
{
	const unsigned char *s = ev->data.scalar.value;

	for (size_t i = 0; i < ev->data.scalar.length; i++) {
		if ((s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\r') || s[i] == 0x7F)
			return err_at(b->e, ERR_INPUT, b->name, line_of(&ev->start_mark),
				      col_of(&ev->start_mark),
				      "control character 0x%02X in a string is not allowed", s[i]);
		if (s[i] == 0xC2 && i + 1 < ev->data.scalar.length && s[i + 1] >= 0x80 &&
		    s[i + 1] < 0xA0)
			return err_at(b->e, ERR_INPUT, b->name, line_of(&ev->start_mark),
				      col_of(&ev->start_mark),
				      "control character U+%04X in a string is not allowed", s[i + 1]);
	}
	return 0;
}

static struct ynode *node_new(struct builder *b, enum ytype t, const yaml_event_t *ev)
{
	struct ynode *n = arena_alloc(b->q->arena, sizeof *n);

	n->type = t;
	n->line = line_of(&ev->start_mark);
	n->col = col_of(&ev->start_mark);
	return n;
}

static void push_kid(struct builder *b, struct ynode *n)
{
	int d = b->depth;

	if (d == 0) {
		b->q->root = n;
		return;
	}
	GROW(b->kids[d], b->nkids[d] + 1, b->capkids[d]);
	b->kids[d][b->nkids[d]++] = n;
}

static int cmp_key(const void *a, const void *b)
{
	const struct ynode *x = *(struct ynode *const *)a, *y = *(struct ynode *const *)b;
	int c = strcmp(x->str, y->str);

	if (c)
		return c;
	return x->line != y->line ? x->line - y->line : x->col - y->col;
}

/* Duplicate keys: libyaml does not report them (libyaml#238). Sort a copy of
 * the keys, then equal neighbours are duplicates; report the later one. */
static int check_duplicates(struct builder *b, struct ynode *map)
{
	struct ynode **keys;
	int rc = 0;

	if (map->n < 2)
		return 0;
	keys = xcalloc((size_t)map->n, sizeof *keys);
	for (int i = 0; i < map->n; i++)
		keys[i] = map->kids[2 * i];
	qsort(keys, (size_t)map->n, sizeof *keys, cmp_key);
	for (int i = 1; i < map->n && !rc; i++)
		if (!strcmp(keys[i - 1]->str, keys[i]->str))
			rc = err_at(b->e, ERR_INPUT, b->name, keys[i]->line, keys[i]->col,
				    "duplicate key '%s' (first at line %d)", keys[i]->str,
				    keys[i - 1]->line);
	free(keys);
	return rc;
}

static int open_node(struct builder *b, enum ytype t, const yaml_event_t *ev)
{
	struct ynode *n;

	if (b->depth == DILIGO_MAX_QN_DEPTH)
		return err_at(b->e, ERR_INPUT, b->name, line_of(&ev->start_mark),
			      col_of(&ev->start_mark), "nesting deeper than %d levels",
			      DILIGO_MAX_QN_DEPTH);
	n = node_new(b, t, ev);
	push_kid(b, n);
	b->depth++;
	b->stack[b->depth] = n;
	b->nkids[b->depth] = 0;
	return 0;
}

static int close_node(struct builder *b)
{
	int d = b->depth;
	struct ynode *n = b->stack[d];
	size_t bytes = (size_t)b->nkids[d] * sizeof *n->kids;

	n->kids = arena_alloc(b->q->arena, bytes ? bytes : 1);
	if (bytes)
		memcpy(n->kids, b->kids[d], bytes);
	n->n = n->type == Y_MAP ? b->nkids[d] / 2 : b->nkids[d];
	b->depth--;
	if (n->type == Y_MAP) {
		for (int i = 0; i < n->n; i++)
			if (n->kids[2 * i]->type != Y_SCALAR)
				return err_at(b->e, ERR_INPUT, b->name, n->kids[2 * i]->line,
					      n->kids[2 * i]->col, "a key must be a plain string");
		return check_duplicates(b, n);
	}
	return 0;
}

static int add_scalar(struct builder *b, const yaml_event_t *ev)
{
	struct ynode *n;
	int rc = check_scalar(b, ev);

	if (rc)
		return rc;
	n = node_new(b, Y_SCALAR, ev);
	n->len = ev->data.scalar.length;
	n->str = arena_strndup(b->q->arena, (const char *)ev->data.scalar.value, n->len);
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	push_kid(b, n);
	return 0;
}

static const char *anchor_of(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT: return (const char *)ev->data.scalar.anchor;
	case YAML_SEQUENCE_START_EVENT: return (const char *)ev->data.sequence_start.anchor;
	case YAML_MAPPING_START_EVENT: return (const char *)ev->data.mapping_start.anchor;
	default: return NULL;
	}
}

static const char *tag_of(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT: return (const char *)ev->data.scalar.tag;
	case YAML_SEQUENCE_START_EVENT: return (const char *)ev->data.sequence_start.tag;
	case YAML_MAPPING_START_EVENT: return (const char *)ev->data.mapping_start.tag;
	default: return NULL;
	}
}

/* One parser event. Returns 0, 1 at the end of the stream, or an error. */
static int on_event(struct builder *b, const yaml_event_t *ev)
{
	int line = line_of(&ev->start_mark), col = col_of(&ev->start_mark);

	if (anchor_of(ev))
		return err_at(b->e, ERR_INPUT, b->name, line, col,
			      "anchors are not allowed (&%s)", anchor_of(ev));
	if (tag_of(ev))
		return err_at(b->e, ERR_INPUT, b->name, line, col,
			      "tags are not allowed (%s)", tag_of(ev));
	switch (ev->type) {
	case YAML_STREAM_END_EVENT:
		return 1;
	case YAML_DOCUMENT_START_EVENT:
		if (++b->docs > 1)
			return err_at(b->e, ERR_INPUT, b->name, line, col,
				      "more than one YAML document in a questionnaire");
		return 0;
	case YAML_ALIAS_EVENT:
		return err_at(b->e, ERR_INPUT, b->name, line, col,
			      "aliases are not allowed (*%s)", ev->data.alias.anchor);
	case YAML_SCALAR_EVENT:
		return add_scalar(b, ev);
	case YAML_SEQUENCE_START_EVENT:
		return open_node(b, Y_SEQ, ev);
	case YAML_MAPPING_START_EVENT:
		return open_node(b, Y_MAP, ev);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return close_node(b);
	default:
		return 0;
	}
}

static int parser_error(struct builder *b, const yaml_parser_t *p, const char *buf, size_t len)
{
	int line, col;
	const char *problem = p->problem ? p->problem : "malformed YAML";
	size_t at = p->problem_mark.index;

	if (p->error == YAML_SCANNER_ERROR && at < len && buf[at] == '\t')
		return err_at(b->e, ERR_INPUT, b->name, line_of(&p->problem_mark),
			      col_of(&p->problem_mark), "a tab cannot indent YAML; indent with spaces");

	if (p->error == YAML_READER_ERROR) {
		locate(buf, len, p->problem_offset, &line, &col);
		return err_at(b->e, ERR_INPUT, b->name, line, col, "%s", problem);
	}
	if (p->context)
		return err_at(b->e, ERR_INPUT, b->name, line_of(&p->problem_mark),
			      col_of(&p->problem_mark), "%s %s (line %d)", problem,
			      p->context, line_of(&p->context_mark));
	return err_at(b->e, ERR_INPUT, b->name, line_of(&p->problem_mark),
		      col_of(&p->problem_mark), "%s", problem);
}

static int run_parser(struct builder *b, const char *buf, size_t len)
{
	yaml_parser_t p;
	yaml_event_t ev;
	int rc = 0;

	if (!yaml_parser_initialize(&p))
		return err_set(b->e, ERR_NOMEM, "cannot initialise the YAML parser");
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	while (!rc) {
		if (!yaml_parser_parse(&p, &ev)) {
			rc = parser_error(b, &p, buf, len);
			break;
		}
		rc = on_event(b, &ev);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	for (int d = 0; d <= DILIGO_MAX_QN_DEPTH; d++)
		free(b->kids[d]);
	return rc < 0 ? rc : 0;
}

struct qn *qn_parse(const char *name, const char *buf, size_t len, struct err *e)
{
	struct qn *q;
	struct arena *a;
	struct builder b = { 0 };
	size_t i;

	if (len > DILIGO_MAX_QN_BYTES) {
		err_at(e, ERR_INPUT, name, 1, 1, "file is larger than 4 MiB (%zu bytes)", len);
		return NULL;
	}
	if (xlsx_is_zip(buf, len) || (len >= 4 && !memcmp(buf, "\xD0\xCF\x11\xE0", 4)) ||
	    (strlen(name) > 5 && !strcasecmp(name + strlen(name) - 5, ".xlsx")))
		return qn_parse_xlsx(name, buf, len, e); /* a workbook, whatever its name */
	if (len >= 2 && (((unsigned char)buf[0] == 0xFF && (unsigned char)buf[1] == 0xFE) ||
			 ((unsigned char)buf[0] == 0xFE && (unsigned char)buf[1] == 0xFF))) {
		err_at(e, ERR_INPUT, name, 1, 1, "the file is UTF-16: save it as UTF-8");
		return NULL;
	}
	if (check_bytes(name, buf, len, e))
		return NULL;
	for (i = 0; i < len && strchr(" \t\r\n", buf[i]); i++)
		;
	if (i == len) {
		err_at(e, ERR_INPUT, name, 1, 1, "empty questionnaire");
		return NULL;
	}
	a = arena_new();
	q = arena_alloc(a, sizeof *q);
	q->arena = a;
	q->path = arena_strdup(a, name);
	b.q = q;
	b.e = e;
	b.name = name;
	if (run_parser(&b, buf, len)) {
		qn_free(q);
		return NULL;
	}
	if (!q->root) { /* only comments, or a bare --- */
		err_at(e, ERR_INPUT, name, 1, 1, "empty questionnaire");
		qn_free(q);
		return NULL;
	}
	return q;
}

static int read_file(const char *path, char **buf, size_t *len, struct err *e)
{
	FILE *f;
	size_t cap = 64 * 1024, n = 0;
	struct stat st;
	char *p;
	int fd;

	if (infile_open(path, &fd, e)) /* a regular file, or refused without blocking */
		return ERR_IO;
	if (!(f = fdopen(fd, "rb"))) {
		close(fd);
		return err_set(e, ERR_IO, "cannot open '%s': %s", path, strerror(errno));
	}
	if (fstat(fileno(f), &st) == 0 && st.st_size > DILIGO_MAX_QN_BYTES) {
		fclose(f);
		return err_at(e, ERR_INPUT, path, 1, 1, "file is larger than 4 MiB (%lld bytes)",
			      (long long)st.st_size);
	}
	p = xmalloc(cap); /* cap ends at most twice DILIGO_MAX_QN_BYTES */
	for (;;) {
		n += fread(p + n, 1, cap - n, f);
		if (n < cap)
			break;
		if (n > DILIGO_MAX_QN_BYTES)
			break; /* qn_parse reports the size */
		GROW(p, n + 1, cap); /* doubles cap */
	}
	if (ferror(f)) {
		int saved = errno;

		fclose(f);
		free(p);
		return err_set(e, ERR_IO, "cannot read '%s': %s", path, strerror(saved));
	}
	fclose(f);
	*buf = p;
	*len = n;
	return 0;
}

struct qn *qn_load(const char *path, bool hash, struct err *e)
{
	char *buf = NULL;
	size_t len = 0;
	struct qn *q;

	if (read_file(path, &buf, &len, e))
		return NULL;
	q = qn_parse(path, buf, len, e);
	if (q && hash)
		sha256_hex(buf, len, q->sha256);
	free(buf);
	return q;
}

int qn_load_keys(const char *path, char **id, int *period, struct err *e)
{
	char *buf = NULL;
	size_t len = 0;
	struct qn *q;
	bool zip;

	*id = NULL;
	*period = 0;
	if (read_file(path, &buf, &len, e))
		return ERR_IO;
	zip = len <= DILIGO_MAX_QN_BYTES && xlsx_is_zip(buf, len);
	if (!zip && len <= DILIGO_MAX_QN_BYTES && qn_scan_keys(buf, len, id, period)) {
		free(buf);
		return 0;
	}
	q = zip ? qn_parse_xlsx_supplier(path, buf, len, e) : qn_parse(path, buf, len, e);
	free(buf);
	if (!q)
		return ERR_INPUT;
	if (qn_supplier_id(q)) {
		*id = xstrdup(qn_supplier_id(q));
		*period = qn_period(q);
	}
	qn_free(q);
	return 0;
}

void qn_free(struct qn *q)
{
	if (q)
		arena_free(q->arena);
}

const struct ynode *ynode_get(const struct ynode *map, const char *key)
{
	if (!map || map->type != Y_MAP)
		return NULL;
	for (int i = 0; i < map->n; i++)
		if (!strcmp(map->kids[2 * i]->str, key))
			return map->kids[2 * i + 1];
	return NULL;
}

const char *qn_sector(const struct qn *q)
{
	const struct ynode *s = ynode_get(ynode_get(q->root, "supplier"), "sector");

	return s && s->type == Y_SCALAR ? s->str : NULL;
}
