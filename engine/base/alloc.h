/* alloc: the one allocation policy outside arenas.
 *
 * Sizes diligo bounds itself (a list of inputs, a table sized from a
 * limit in bounds.h) go through these wrappers, which abort with
 * "diligo: out of memory" when the system refuses: running out of memory
 * there is not anybody's input error, and every caller would handle it the
 * same way. A size that comes from a pack or an input is checked against a
 * limit first, and exceeding it fails that input with a message; it never
 * reaches these functions unchecked. Products are checked for overflow.
 *
 * Only alloc.c, arena.c and the Lua allocator (sandbox/lhost.c) call the C
 * library's malloc family directly. */
#ifndef DILIGO_ALLOC_H
#define DILIGO_ALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size); /* zeroed; aborts on overflow */
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t n, size_t size); /* aborts on overflow */
char *xstrdup(const char *s);
/* For an allocation made elsewhere (open_memstream) that failed. */
void xalloc_die(void) __attribute__((noreturn));
/* From now on this process ends with _exit(status), not abort(), when the
 * system refuses memory (a sandboxed child, which may not call abort). */
void xalloc_exit_on_failure(int status);

/* Grow the array v (with *cap elements) so that it holds at least need;
 * doubles from a minimum of 16. Use through GROW. */
void *grow_array(void *v, size_t size, size_t need, size_t *cap);
#define GROW(v, need, cap) ((v) = grow_array((v), sizeof *(v), (size_t)(need), &(cap)))

#endif
