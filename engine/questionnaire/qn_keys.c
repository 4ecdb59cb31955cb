/* A questionnaire's supplier id and period without parsing it all.
 *
 * Before a run assesses anything, every input's supplier id and period are
 * read to plan workbook names and year-over-year series (engine/run/names.c);
 * a full YAML parse for that cost a fifth of a JSON-only run. This scanner
 * reads the two keys from the plain block layout that questionnaires have
 * (the template's and gen.py's), and says "not sure" for anything else: then
 * the full parse decides, so that the answer is always the parser's. It is
 * sure only when the file is printable UTF-8 without carriage returns, every
 * line at column 0 is blank, a comment or a plain `key:` with no key twice,
 * the supplier block holds one plain `id:` on one line (values beside it are
 * plain or quoted on their line), and the period, if any, is four digits. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "qn.h"
#include "text.h"

enum { MAX_TOP_KEYS = 64 };

/* Printable as YAML requires (no C0 but tab and newline, no DEL, no C1),
 * valid UTF-8, no carriage return, no byte order mark. */
static bool printable(const char *buf, size_t len)
{
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)buf[i];
		char tail[5] = { 0 };
		int32_t cp;
		size_t n;

		if (c < 0x80) {
			if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F)
				return false;
			i++;
			continue;
		}
		memcpy(tail, buf + i, len - i < 4 ? len - i : 4);
		n = text_utf8_char(tail, &cp);
		if (cp < 0xA0 || cp == 0xFEFF)
			return false;
		i += n;
	}
	return true;
}

struct line {
	const char *s;
	size_t len, indent;
};

/* The line at *pos (without its newline); false at the end. */
static bool next_line(const char *buf, size_t len, size_t *pos, struct line *l)
{
	const char *nl;

	if (*pos >= len)
		return false;
	l->s = buf + *pos;
	nl = memchr(l->s, '\n', len - *pos);
	l->len = nl ? (size_t)(nl - l->s) : len - *pos;
	*pos += l->len + 1;
	for (l->indent = 0; l->indent < l->len && l->s[l->indent] == ' '; l->indent++)
		;
	return true;
}

static bool blank_or_comment(const struct line *l)
{
	return l->indent == l->len || l->s[l->indent] == '#';
}

static bool key_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '.';
}

/* A plain `key:` at the line's indentation: its key length, and the value
 * after ": " trimmed (or empty) in *v, *vlen; 0 when the line is anything
 * else. */
static size_t plain_key(const struct line *l, const char **v, size_t *vlen)
{
	size_t k = l->indent, e;

	while (k < l->len && key_char(l->s[k]))
		k++;
	if (k == l->indent || k >= l->len || l->s[k] != ':' ||
	    (k + 1 < l->len && l->s[k + 1] != ' '))
		return 0;
	*v = l->s + k + 1;
	e = l->len - (k + 1);
	while (e && (**v == ' ')) {
		(*v)++;
		e--;
	}
	while (e && (*v)[e - 1] == ' ')
		e--;
	*vlen = e;
	return k - l->indent;
}

/* A value the scanner reads as the parser would: plain characters only,
 * an optional " # comment" cut off (into *n). */
static bool plain_value(const char *v, size_t *n)
{
	size_t k = 0, rest;

	if (!*n || !key_char(v[0]))
		return false;
	while (k < *n && (key_char(v[k]) || v[k] == '-' || v[k] == '/'))
		k++;
	rest = k + strspn(v + k, " ");
	if (k < *n && (rest == k || rest >= *n || v[rest] != '#'))
		return false;
	*n = k;
	return true;
}

/* A value beside the id in the supplier block: empty (a nested block is
 * refused by the caller), plain on its line, or quoted on its line. */
static bool simple_value(const char *v, size_t n)
{
	if (!n)
		return false;
	if (v[0] == '"' || v[0] == '\'') {
		size_t bs = 0;

		if (n < 2 || v[n - 1] != v[0])
			return false;
		for (size_t k = n - 1; k > 1 && v[k - 1] == '\\'; k--)
			bs++;
		return v[0] == '\'' || bs % 2 == 0;
	}
	for (size_t k = 0; k + 1 < n; k++)
		if (v[k] == ':' && v[k + 1] == ' ')
			return false; /* the parser refuses it */
	return !strchr("&*!|>{[%@`?-,#:", v[0]) && v[n - 1] != ':';
}

/* The supplier block after its `supplier:` line: its id into *id. */
static bool scan_supplier(const char *buf, size_t len, size_t *pos, char **id)
{
	size_t child = 0, save;
	struct line l;

	for (save = *pos; next_line(buf, len, pos, &l); save = *pos) {
		const char *v;
		size_t n, klen;

		if (blank_or_comment(&l))
			continue;
		if (!l.indent) { /* the next top-level key */
			*pos = save;
			return *id != NULL;
		}
		if (!child)
			child = l.indent;
		if (l.indent != child || !(klen = plain_key(&l, &v, &n)) || !simple_value(v, n))
			return false; /* nested or continued values, flow, anchors: not sure */
		if (klen == 2 && !memcmp(l.s + l.indent, "id", 2)) {
			if (*id || !plain_value(v, &n))
				return false;
			*id = xmalloc(n + 1);
			memcpy(*id, v, n);
			(*id)[n] = '\0';
		}
	}
	return *id != NULL;
}

bool qn_scan_keys(const char *buf, size_t len, char **id, int *period)
{
	const char *keys[MAX_TOP_KEYS];
	size_t klens[MAX_TOP_KEYS], pos = 0;
	int nkeys = 0;
	struct line l;

	*id = NULL;
	*period = 0;
	if (!printable(buf, len))
		return false;
	while (next_line(buf, len, &pos, &l)) {
		const char *v;
		size_t n, klen;

		if (blank_or_comment(&l) || l.indent)
			continue; /* inside a top-level value */
		if (!(klen = plain_key(&l, &v, &n)) || nkeys == MAX_TOP_KEYS)
			goto unsure;
		for (int k = 0; k < nkeys; k++)
			if (klens[k] == klen && !memcmp(keys[k], l.s, klen))
				goto unsure; /* twice: the parser reports it */
		keys[nkeys] = l.s;
		klens[nkeys++] = klen;
		if (n && strchr("\"'&*!|>{[%@`?", v[0]))
			goto unsure; /* may span lines */
		if (klen == 8 && !memcmp(l.s, "supplier", 8)) {
			if (n || !scan_supplier(buf, len, &pos, id))
				goto unsure;
		} else if (klen == 6 && !memcmp(l.s, "period", 6)) {
			if (n != 4 || strspn(v, "0123456789") < 4)
				goto unsure;
			*period = atoi(v) >= 1990 && atoi(v) <= 2100 ? atoi(v) : 0;
		}
	}
	if (*id)
		return true;
unsure:
	free(*id);
	*id = NULL;
	*period = 0;
	return false;
}
