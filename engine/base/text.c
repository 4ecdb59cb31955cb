#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

size_t text_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[257];

	if (la > 256 || lb > 256)
		return (size_t)-1;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	return row[lb];
}

const char *text_nearest(const char *s, int n, const char *(*at)(const void *ctx, int i),
			 const void *ctx)
{
	const char *best = NULL;
	size_t best_d = strlen(s) / 3 + 2; /* a third of the length, plus two */

	for (int i = 0; i < n; i++) {
		const char *c = at(ctx, i);
		size_t d = text_distance(s, c);

		if (d < best_d) {
			best_d = d;
			best = c;
		}
	}
	return best;
}

static const char *array_at(const void *ctx, int i)
{
	return ((const char *const *)ctx)[i];
}

const char *text_closest(const char *s, const char *const *cands, int n)
{
	return text_nearest(s, n, array_at, cands);
}

bool text_parse_number(const char *s, double *out)
{
	char *end;
	double v;

	if (!*s || isspace((unsigned char)*s) || s[strspn(s, "0123456789+-.eE")])
		return false; /* no hex, inf or nan: strtod takes them all */
	v = strtod(s, &end);
	if (*end || !isfinite(v))
		return false;
	*out = v;
	return true;
}

const char *text_number(double x, char *buf, size_t n)
{
	for (int digits = 15; digits <= 17; digits++) {
		snprintf(buf, n, "%.*g", digits, x);
		if (strtod(buf, NULL) == x)
			break;
	}
	return buf;
}

bool text_parse_date(const char *s, int *y, int *m, int *d)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int max;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return false;
	*y = atoi(s);
	*m = atoi(s + 5);
	*d = atoi(s + 8);
	if (*y < 1900 || *m < 1 || *m > 12)
		return false;
	max = mdays[*m - 1];
	if (*m == 2 && !((*y % 4 == 0 && *y % 100) || *y % 400 == 0))
		max = 28;
	return *d >= 1 && *d <= max;
}

const char *text_date_problem(const char *s, char *buf, size_t n)
{
	int y, m, d;

	if (strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d", &y, &m, &d) == 3 && s[4] == '-' &&
	    s[7] == '-' && y >= 1900)
		snprintf(buf, n, "there is no %s in the calendar", s);
	else
		snprintf(buf, n, "'%s' is not a date (YYYY-MM-DD)", s);
	return buf;
}

size_t text_utf8_char(const char *str, int32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c = s[0], lo = 0x80, hi = 0xBF;
	size_t n;
	uint32_t v;

	*cp = (int32_t)c;
	if (c < 0x80)
		return c ? 1 : 0;
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		v = c & 0x0F;
		lo = c == 0xE0 ? 0xA0 : 0x80; /* E0 80..9F: overlong */
		hi = c == 0xED ? 0x9F : 0xBF; /* ED A0..BF: surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		v = c & 0x07;
		lo = c == 0xF0 ? 0x90 : 0x80; /* F0 80..8F: overlong */
		hi = c == 0xF4 ? 0x8F : 0xBF; /* F4 90..: above U+10FFFF */
	} else {
		*cp = -1;
		return 1;
	}
	for (size_t i = 1; i < n; i++) {
		if (s[i] < lo || s[i] > hi) { /* the NUL too: a sequence cut short */
			*cp = -1;
			return i;
		}
		v = v << 6 | (s[i] & 0x3F);
		lo = 0x80;
		hi = 0xBF;
	}
	*cp = (v >= 0xFDD0 && v <= 0xFDEF) || (v & 0xFFFE) == 0xFFFE ? -1 : (int32_t)v;
	return n;
}

void text_fit(char *dst, size_t n, const char *src)
{
	size_t len = strlen(src), mark = sizeof TEXT_ELIDED - 1, head, tail;

	if (!n)
		return;
	if (len < n || n < 2 * mark) {
		snprintf(dst, n, "%s", src);
		return;
	}
	head = (n - 1 - mark) / 2;
	tail = len - (n - 1 - mark - head);
	while (head && (src[head] & 0xC0) == 0x80) /* not inside a character */
		head--;
	while ((src[tail] & 0xC0) == 0x80)
		tail++;
	memcpy(dst, src, head);
	memcpy(dst + head, TEXT_ELIDED, mark);
	memcpy(dst + head + mark, src + tail, len - tail + 1);
}
