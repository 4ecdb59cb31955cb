/* text: small string helpers shared by the loader and the pack checker. */
#ifndef DILIGO_TEXT_H
#define DILIGO_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Levenshtein distance; (size_t)-1 for strings over 256 bytes. */
size_t text_distance(const char *a, const char *b);
/* The candidate closest to s, if close enough to be a likely typo; else
 * NULL. Candidates are at(ctx, 0) .. at(ctx, n - 1). */
const char *text_nearest(const char *s, int n, const char *(*at)(const void *ctx, int i),
			 const void *ctx);
/* The same over an array of strings. */
const char *text_closest(const char *s, const char *const *cands, int n);

/* A whole-string decimal number: no hex, inf, nan or spaces. */
bool text_parse_number(const char *s, double *out);
/* x in its shortest decimal form that reads back as x ("35", "0.35",
 * "1e+20"), into buf (32 bytes are enough). */
const char *text_number(double x, char *buf, size_t n);
/* YYYY-MM-DD, a real calendar date from 1900 on. */
bool text_parse_date(const char *s, int *y, int *m, int *d);
/* Why s is not a date: "there is no 2025-02-30 in the calendar" when only
 * the calendar is wrong, else "'s' is not a date (YYYY-MM-DD)". */
const char *text_date_problem(const char *s, char *buf, size_t n);

#endif
