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
