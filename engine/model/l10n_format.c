/* Filling in a detail template the way Lua's string.format does, and
 * comparing the %-conversions of a text and its translation (l10n.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "l10n.h"

int l10n_format(char *out, size_t n, const char *tmpl, const struct l10n_arg *args, int nargs,
		const char **why)
{
	size_t len = 0;
	int used = 0;

	if (n)
		out[0] = '\0';
	for (const char *s = tmpl; *s; s++) {
		char spec[32], piece[512];
		size_t k = 0;
		int w;

		if (*s != '%') {
			if (len + 1 < n) {
				out[len++] = *s;
				out[len] = '\0';
			}
			continue;
		}
		if (s[1] == '%') {
			if (len + 1 < n) {
				out[len++] = '%';
				out[len] = '\0';
			}
			s++;
			continue;
		}
		spec[k++] = *s++;
		while (*s && strchr("-+ #0123456789.", *s) && k < sizeof spec - 3)
			spec[k++] = *s++;
		if (!*s || !strchr("digfeEs", *s)) {
			*why = "a conversion other than %d, %i, %g, %f, %e or %s";
			return -1;
		}
		if (used >= nargs) {
			*why = "more conversions than the rule gives values";
			return -1;
		}
		const struct l10n_arg *a = &args[used++];

		if (*s == 's') {
			spec[k++] = 's';
			spec[k] = '\0';
			w = snprintf(piece, sizeof piece, spec,
				     a->is_num ? "" : (a->str ? a->str : ""));
			if (a->is_num) {
				char num[64];

				snprintf(num, sizeof num, "%.14g", a->num);
				w = snprintf(piece, sizeof piece, spec, num);
			}
		} else if (*s == 'd' || *s == 'i') {
			if (!a->is_num || a->num != floor(a->num) || fabs(a->num) > 9e15) {
				*why = "%d given a value that is not a whole number";
				return -1;
			}
			spec[k++] = 'l';
			spec[k++] = 'l';
			spec[k++] = 'd';
			spec[k] = '\0';
			w = snprintf(piece, sizeof piece, spec, (long long)a->num);
		} else {
			if (!a->is_num) {
				*why = "a number conversion given a text";
				return -1;
			}
			spec[k++] = *s;
			spec[k] = '\0';
			w = snprintf(piece, sizeof piece, spec, a->num);
		}
		for (int i = 0; w > 0 && piece[i] && len + 1 < n; i++) {
			out[len++] = piece[i];
			out[len] = '\0';
		}
	}
	return used;
}

/* The conversions of s, "%d%s", into out. */
static void conversions(const char *s, char *out, size_t n)
{
	size_t k = 0;

	for (; *s && k + 3 < n; s++) {
		if (*s != '%')
			continue;
		if (s[1] == '%') {
			s++;
			continue;
		}
		s++;
		while (*s && strchr("-+ #0123456789.", *s))
			s++;
		if (!*s)
			break;
		out[k++] = '%';
		out[k++] = *s;
	}
	out[k] = '\0';
}

bool l10n_same_conversions(const char *a, const char *b)
{
	char ca[256], cb[256];

	conversions(a, ca, sizeof ca);
	conversions(b, cb, sizeof cb);
	return !strcmp(ca, cb);
}
