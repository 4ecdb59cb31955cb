/* arena: bump allocation for everything one questionnaire or one pack owns;
 * freed in one call. Allocation failure aborts: diligo's inputs are capped
 * (4 MiB per questionnaire), so running out of memory is not an input error. */
#ifndef DILIGO_ARENA_H
#define DILIGO_ARENA_H

#include <stddef.h>

struct arena;

struct arena *arena_new(void);
void arena_free(struct arena *a); /* NULL is a no-op */
void *arena_alloc(struct arena *a, size_t n); /* zeroed, 16-byte aligned */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Bytes handed out so far. */
size_t arena_used(const struct arena *a);

#endif
