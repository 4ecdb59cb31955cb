/* The ISO 3166-1 country list of Debian's iso-codes package, read at run
 * time from its JSON file (report.h: REPORT_ISO3166_JSON). The file is an
 * object whose "3166-1" member is an array of flat objects with string
 * members: alpha_2, name, and sometimes common_name ("Bolivia" rather than
 * "Bolivia, Plurinational State of"). This reader takes exactly that shape
 * (strings with JSON escapes, numbers and nesting skipped) and nothing
 * more. The same package's translations (the gettext domain iso_3166-1)
 * name the countries in other languages, read with the C library's
 * gettext. */
#include <errno.h>
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"
#include "countries.h"

enum { MAX_FILE = 4 * 1024 * 1024, MAX_COUNTRIES = 1000 };

struct scan {
	const char *p, *end;
	struct arena *a;
};

static void put_utf8(char *out, size_t *o, unsigned cp)
{
	if (cp < 0x80) {
		out[(*o)++] = (char)cp;
	} else if (cp < 0x800) {
		out[(*o)++] = (char)(0xC0 | (cp >> 6));
		out[(*o)++] = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		out[(*o)++] = (char)(0xE0 | (cp >> 12));
		out[(*o)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[(*o)++] = (char)(0x80 | (cp & 0x3F));
	} else {
		out[(*o)++] = (char)(0xF0 | (cp >> 18));
		out[(*o)++] = (char)(0x80 | ((cp >> 12) & 0x3F));
		out[(*o)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[(*o)++] = (char)(0x80 | (cp & 0x3F));
	}
}

static int hex4(const char *p, const char *end, unsigned *v)
{
	*v = 0;
	if (end - p < 4)
		return -1;
	for (int i = 0; i < 4; i++) {
		char c = p[i];

		*v <<= 4;
		if (c >= '0' && c <= '9')
			*v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			*v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*v |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	return 0;
}

/* The string at s->p (just past its opening quote), decoded; NULL when
 * malformed. */
static char *string(struct scan *s)
{
	const char *p = s->p;
	char *out = arena_alloc(s->a, (size_t)(s->end - p) < 4096 ? (size_t)(s->end - p) + 1 : 4097);
	size_t o = 0;

	while (p < s->end && *p != '"') {
		unsigned cp, lo;

		if (o > 4090)
			return NULL;
		if (*p != '\\') {
			out[o++] = *p++;
			continue;
		}
		if (++p >= s->end)
			return NULL;
		switch (*p) {
		case 'n': out[o++] = '\n'; p++; break;
		case 't': out[o++] = '\t'; p++; break;
		case 'r': out[o++] = '\r'; p++; break;
		case 'b': out[o++] = '\b'; p++; break;
		case 'f': out[o++] = '\f'; p++; break;
		case 'u':
			if (hex4(p + 1, s->end, &cp))
				return NULL;
			p += 5;
			if (cp >= 0xD800 && cp <= 0xDBFF && s->end - p >= 6 && p[0] == '\\' &&
			    p[1] == 'u' && !hex4(p + 2, s->end, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				p += 6;
			}
			put_utf8(out, &o, cp);
			break;
		default: out[o++] = *p++; break;
		}
	}
	if (p >= s->end)
		return NULL;
	out[o] = '\0';
	s->p = p + 1;
	return out;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(((const struct country *)a)->name, ((const struct country *)b)->name);
}

int countries_load(const char *path, struct country **out, int *n, struct arena *a,
		   struct err *e)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t len;
	struct scan s = { 0 };
	struct country *v = arena_alloc(a, MAX_COUNTRIES * sizeof *v);
	int count = 0, depth = 0;
	char *key = NULL, *code = NULL, *name = NULL, *common = NULL;

	if (!f)
		return err_set(e, ERR_IO, "cannot read the country list '%s': %s (it comes with "
					  "Debian's iso-codes package)",
			       path, strerror(errno));
	buf = xmalloc(MAX_FILE + 1);
	len = fread(buf, 1, MAX_FILE + 1, f);
	fclose(f);
	s.p = buf;
	s.end = buf + (len > MAX_FILE ? MAX_FILE : len);
	s.a = a;
	while (s.p < s.end) {
		char c = *s.p++;

		if (c == '{' || c == '[') {
			depth++;
			key = NULL;
			if (depth == 3)
				code = name = common = NULL;
		} else if (c == '}' || c == ']') {
			if (depth == 3 && code && name && count < MAX_COUNTRIES && strlen(code) == 2) {
				memcpy(v[count].code, code, 3);
				v[count].name = common ? common : name;
				count++;
			}
			depth--;
		} else if (c == '"') {
			char *str = string(&s);

			if (!str)
				break;
			if (!key) {
				key = str;
				continue;
			}
			if (depth == 3 && !strcmp(key, "alpha_2"))
				code = str;
			else if (depth == 3 && !strcmp(key, "name"))
				name = str;
			else if (depth == 3 && !strcmp(key, "common_name"))
				common = str;
			key = NULL;
		} else if (c == ',') {
			key = NULL;
		}
	}
	free(buf);
	if (count < 100)
		return err_set(e, ERR_IO, "the country list '%s' is not iso-codes' ISO 3166-1 "
					  "JSON (%d countries found)",
			       path, count);
	qsort(v, (size_t)count, sizeof *v, cmp_name);
	*out = v;
	*n = count;
	return 0;
}

void countries_translate(struct country *c, int n, const char *lang, struct arena *a)
{
	const char *was = getenv("LANGUAGE");
	char *saved = was ? xstrdup(was) : NULL;

	/* gettext translates only outside the "C" locale; C.UTF-8 is built
	 * into the C library and changes nothing else we use */
	if (!setlocale(LC_MESSAGES, "C.UTF-8")) {
		free(saved);
		return;
	}
	setenv("LANGUAGE", lang, 1);
	bind_textdomain_codeset("iso_3166-1", "UTF-8");
	for (int i = 0; i < n; i++) {
		const char *t = dgettext("iso_3166-1", c[i].name);

		if (t != c[i].name && strcmp(t, c[i].name))
			c[i].name = arena_strdup(a, t);
	}
	if (saved)
		setenv("LANGUAGE", saved, 1);
	else
		unsetenv("LANGUAGE");
	free(saved);
	setlocale(LC_MESSAGES, "C");
	qsort(c, (size_t)n, sizeof *c, cmp_name);
}
