/* text: small string helpers shared by the loader and the pack checker. */
#ifndef DILIGO_TEXT_H
#define DILIGO_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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

/* src into dst (n bytes): whole when it fits, else its beginning and its end
 * joined by TEXT_ELIDED, cut between characters. The end of a message often
 * says what happened ("... C stack overflow"), the beginning where. */
#define TEXT_ELIDED " [...] "
void text_fit(char *dst, size_t n, const char *src);

/* One character of the NUL-terminated UTF-8 text at s, for the writers that
 * put text into a file (workbook cells and properties, JSON strings). Returns
 * how many bytes it takes (0 at the terminating NUL) and sets *cp to its code
 * point, or to -1 when those bytes are no character a file may hold:
 *  - invalid UTF-8: a stray continuation byte, a byte that never starts a
 *    sequence (C0, C1, F5-FF), an overlong form, a surrogate (U+D800-DFFF),
 *    a value above U+10FFFF, a sequence cut short; the bytes returned are
 *    then the longest prefix of a valid sequence (at least one), so that one
 *    broken sequence becomes one replacement character;
 *  - a noncharacter: U+FDD0-U+FDEF, and U+xFFFE, U+xFFFF in every plane.
 * The writers write U+FFFD (TEXT_REPLACEMENT) for each -1. */
size_t text_utf8_char(const char *s, int32_t *cp);
#define TEXT_REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD in UTF-8 */

#endif
