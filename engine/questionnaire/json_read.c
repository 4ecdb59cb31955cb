/* JSON into the questionnaire tree (json_read.h): recursive descent, at most
 * DILIGO_MAX_JSON_DEPTH levels deep. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"
#include "json_read.h"
#include "text.h"

struct jp {
	struct arena *ar;
	const char *name;
	const char *p, *end;
	int line, col;
	struct err *e;
	int failed;
	char *sbuf; /* a string being decoded */
	size_t scap;
};

__attribute__((format(printf, 2, 3)))
static int fail(struct jp *j, const char *fmt, ...)
{
	va_list ap;

	if (j->failed)
		return -1;
	j->failed = 1;
	err_at(j->e, ERR_INPUT, j->name, j->line, j->col, "%s", "");
	va_start(ap, fmt);
	vsnprintf(j->e->msg, sizeof j->e->msg, fmt, ap);
	va_end(ap);
	return -1;
}

static void step(struct jp *j)
{
	if (*j->p == '\n') {
		j->line++;
		j->col = 1;
	} else if (((unsigned char)*j->p & 0xC0) != 0x80) {
		j->col++;
	}
	j->p++;
}

static void skip_ws(struct jp *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
		step(j);
}

static struct ynode *node(struct jp *j, enum ytype t, int line, int col)
{
	struct ynode *n = arena_alloc(j->ar, sizeof *n);

	n->type = t;
	n->line = line;
	n->col = col;
	return n;
}

static void put(struct jp *j, size_t *len, const char *s, size_t n)
{
	GROW(j->sbuf, *len + n + 1, j->scap);
	memcpy(j->sbuf + *len, s, n);
	*len += n;
}

static int hex4(struct jp *j, unsigned *out)
{
	*out = 0;
	for (int i = 0; i < 4; i++) {
		char c = j->p < j->end ? *j->p : 0;

		*out <<= 4;
		if (c >= '0' && c <= '9')
			*out |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			*out |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*out |= (unsigned)(c - 'A' + 10);
		else
			return fail(j, "\\u must be followed by four hex digits");
		step(j);
	}
	return 0;
}

static void put_cp(struct jp *j, size_t *len, unsigned cp)
{
	char u[4];
	size_t n;

	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	put(j, len, u, n);
}

static int escape(struct jp *j, size_t *len)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *k;
	unsigned cp, lo;

	step(j); /* the backslash */
	if (j->p >= j->end)
		return fail(j, "a string is not closed");
	if (*j->p != 'u') {
		if (!*j->p || !(k = strchr(from, *j->p)))
			return fail(j, "unknown escape '\\%c'", *j->p);
		put(j, len, &to[k - from], 1);
		step(j);
		return 0;
	}
	step(j);
	if (hex4(j, &cp))
		return -1;
	if (cp >= 0xDC00 && cp <= 0xDFFF)
		return fail(j, "a lone low surrogate \\u%04X", cp);
	if (cp >= 0xD800 && cp <= 0xDBFF) {
		if (j->end - j->p < 2 || j->p[0] != '\\' || j->p[1] != 'u')
			return fail(j, "a high surrogate \\u%04X without its low half", cp);
		step(j);
		step(j);
		if (hex4(j, &lo))
			return -1;
		if (lo < 0xDC00 || lo > 0xDFFF)
			return fail(j, "a high surrogate \\u%04X without its low half", cp);
		cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
	}
	if (!cp)
		return fail(j, "a string holds a NUL character");
	put_cp(j, len, cp);
	return 0;
}

/* A string at j->p (the opening quote): its text in the arena. */
static const char *string(struct jp *j, size_t *outlen)
{
	size_t len = 0;

	step(j);
	for (;;) {
		const char *run = j->p;
		unsigned char c;

		while (j->p < j->end && (c = (unsigned char)*j->p) >= 0x20 && c != '"' && c != '\\' &&
		       c < 0x80)
			step(j);
		put(j, &len, run, (size_t)(j->p - run));
		if (j->p >= j->end) {
			fail(j, "a string is not closed");
			return NULL;
		}
		c = (unsigned char)*j->p;
		if (c == '"') {
			step(j);
			break;
		}
		if (c == '\\') {
			if (escape(j, &len))
				return NULL;
		} else if (c < 0x20) {
			fail(j, "a control character (0x%02X) in a string; write it as an escape", c);
			return NULL;
		} else { /* UTF-8: one whole, valid character */
			char tmp[5] = { 0 };
			size_t n = (size_t)(j->end - j->p) < 4 ? (size_t)(j->end - j->p) : 4;
			int32_t cp;
			size_t k;

			memcpy(tmp, j->p, n);
			k = text_utf8_char(tmp, &cp);
			if (cp < 0) {
				fail(j, "invalid UTF-8 or a noncharacter in a string");
				return NULL;
			}
			put(j, &len, j->p, k);
			for (size_t i = 0; i < k; i++)
				step(j);
		}
	}
	*outlen = len;
	return arena_strndup(j->ar, j->sbuf ? j->sbuf : "", len);
}

static struct ynode *value(struct jp *j, int depth);

static int cmp_key(const void *x, const void *y)
{
	const struct ynode *a = *(struct ynode *const *)x, *b = *(struct ynode *const *)y;

	return strcmp(a->str, b->str);
}

/* Kids gathered in the heap, then copied into the arena. */
static void finish(struct jp *j, struct ynode *n, struct ynode **kids, int count)
{
	n->kids = arena_alloc(j->ar, (size_t)(count ? count : 1) * sizeof *n->kids);
	if (count)
		memcpy(n->kids, kids, (size_t)count * sizeof *kids);
}

static struct ynode *collection(struct jp *j, int depth, bool map)
{
	struct ynode *n = node(j, map ? Y_MAP : Y_SEQ, j->line, j->col);
	struct ynode **kids = NULL, **keys = NULL;
	size_t cap = 0, kcap = 0;
	int count = 0, nkeys = 0;
	char close = map ? '}' : ']';

	if (depth >= DILIGO_MAX_JSON_DEPTH) {
		fail(j, "nested deeper than %d levels", DILIGO_MAX_JSON_DEPTH);
		return NULL;
	}
	step(j);
	skip_ws(j);
	if (j->p < j->end && *j->p == close) {
		step(j);
		finish(j, n, NULL, 0);
		return n;
	}
	for (;;) {
		struct ynode *k = NULL, *v;

		skip_ws(j);
		if (map) {
			size_t len;

			if (j->p >= j->end || *j->p != '"') {
				fail(j, "expected a key in quotes");
				goto out;
			}
			k = node(j, Y_SCALAR, j->line, j->col);
			if (!(k->str = string(j, &len)))
				goto out;
			k->len = len;
			skip_ws(j);
			if (j->p >= j->end || *j->p != ':') {
				fail(j, "expected ':' after the key \"%s\"", k->str);
				goto out;
			}
			step(j);
			GROW(kids, count + 1, cap);
			kids[count++] = k;
			GROW(keys, nkeys + 1, kcap);
			keys[nkeys++] = k;
		}
		if (!(v = value(j, depth + 1)))
			goto out;
		GROW(kids, count + 1, cap);
		kids[count++] = v;
		skip_ws(j);
		if (j->p < j->end && *j->p == ',') {
			step(j);
			continue;
		}
		if (j->p < j->end && *j->p == close) {
			step(j);
			break;
		}
		fail(j, "expected ',' or '%c'", close);
		goto out;
	}
	if (map && nkeys > 1) {
		qsort(keys, (size_t)nkeys, sizeof *keys, cmp_key);
		for (int i = 1; i < nkeys; i++)
			if (!strcmp(keys[i]->str, keys[i - 1]->str)) {
				const struct ynode *a = keys[i], *b = keys[i - 1], *later;

				later = a->line > b->line || (a->line == b->line && a->col > b->col) ? a : b;
				j->line = later->line;
				j->col = later->col;
				fail(j, "duplicate key \"%s\"", keys[i]->str);
				goto out;
			}
	}
	finish(j, n, kids, count);
	n->n = map ? count / 2 : count;
	free(kids);
	free(keys);
	return n;
out:
	free(kids);
	free(keys);
	return NULL;
}

static bool digit(const struct jp *j)
{
	return j->p < j->end && *j->p >= '0' && *j->p <= '9';
}

static struct ynode *number(struct jp *j)
{
	struct ynode *n = node(j, Y_SCALAR, j->line, j->col);
	const char *start = j->p;

	if (*j->p == '-')
		step(j);
	if (!digit(j)) {
		fail(j, "a number needs a digit");
		return NULL;
	}
	if (*j->p == '0')
		step(j);
	else
		while (digit(j))
			step(j);
	if (j->p < j->end && *j->p == '.') {
		step(j);
		if (!digit(j)) {
			fail(j, "a number needs a digit after '.'");
			return NULL;
		}
		while (digit(j))
			step(j);
	}
	if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
		step(j);
		if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
			step(j);
		if (!digit(j)) {
			fail(j, "a number needs a digit in its exponent");
			return NULL;
		}
		while (digit(j))
			step(j);
	}
	n->len = (size_t)(j->p - start);
	n->str = arena_strndup(j->ar, start, n->len);
	n->plain = true;
	return n;
}

static struct ynode *literal(struct jp *j, const char *word, const char *text)
{
	struct ynode *n;
	size_t len = strlen(word);

	if ((size_t)(j->end - j->p) < len || memcmp(j->p, word, len)) {
		fail(j, "unexpected character '%c'", *j->p);
		return NULL;
	}
	n = node(j, Y_SCALAR, j->line, j->col);
	for (size_t i = 0; i < len; i++)
		step(j);
	n->str = text;
	n->len = strlen(text);
	n->plain = true;
	return n;
}

static struct ynode *value(struct jp *j, int depth)
{
	struct ynode *n;
	size_t len;

	skip_ws(j);
	if (j->p >= j->end) {
		fail(j, "the document ends where a value was expected");
		return NULL;
	}
	switch (*j->p) {
	case '{': return collection(j, depth, true);
	case '[': return collection(j, depth, false);
	case '"':
		n = node(j, Y_SCALAR, j->line, j->col);
		if (!(n->str = string(j, &len)))
			return NULL;
		n->len = len;
		return n;
	case 't': return literal(j, "true", "true");
	case 'f': return literal(j, "false", "false");
	case 'n': return literal(j, "null", "");
	default:
		if (*j->p == '-' || (*j->p >= '0' && *j->p <= '9'))
			return number(j);
		if ((unsigned char)*j->p < 0x20 || (unsigned char)*j->p >= 0x7F)
			fail(j, "unexpected byte 0x%02X", (unsigned char)*j->p);
		else
			fail(j, "unexpected character '%c'", *j->p);
		return NULL;
	}
}

struct ynode *json_parse(struct arena *ar, const char *name, const char *buf, size_t len,
			 struct err *e)
{
	struct jp j = { .ar = ar, .name = name, .p = buf, .end = buf + len, .line = 1, .col = 1,
			.e = e };
	struct ynode *root;

	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
		j.p += 3;
	root = value(&j, 0);
	if (root) {
		skip_ws(&j);
		if (j.p < j.end) {
			fail(&j, "something follows the end of the JSON document");
			root = NULL;
		}
	}
	free(j.sbuf);
	return root;
}
