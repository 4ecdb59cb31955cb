/* text: small string helpers shared by the loader and the pack checker. */
#ifndef DILIGO_TEXT_H
#define DILIGO_TEXT_H

#include <stddef.h>

/* Levenshtein distance; (size_t)-1 for strings over 256 bytes. */
size_t text_distance(const char *a, const char *b);
/* The candidate closest to s, if close enough to be a likely typo; else
 * NULL. Candidates are at(ctx, 0) .. at(ctx, n - 1). */
const char *text_nearest(const char *s, int n, const char *(*at)(const void *ctx, int i),
			 const void *ctx);
/* The same over an array of strings. */
const char *text_closest(const char *s, const char *const *cands, int n);

#endif
