/* The allocation wrappers of alloc.h: abort rather than return NULL. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"

static int oom_exit; /* isolated children: _exit with this instead of abort */

void xalloc_exit_on_failure(int status)
{
	oom_exit = status;
}

static _Noreturn void out_of_memory(void)
{
	if (oom_exit)
		_exit(oom_exit); /* abort() needs system calls a sandboxed child lacks */
	fputs("diligo: out of memory\n", stderr);
	abort();
}

void xalloc_die(void)
{
	out_of_memory();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		out_of_memory();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p;

	if (size && n > SIZE_MAX / size)
		out_of_memory();
	p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		out_of_memory(); /* p is still valid, but the process ends */
	return q;
}

void *xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		out_of_memory();
	return xrealloc(p, n * size);
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

void *grow_array(void *v, size_t size, size_t need, size_t *cap)
{
	size_t c = *cap ? *cap : 16;

	if (need <= *cap)
		return v;
	while (c < need) {
		if (c > SIZE_MAX / 2)
			out_of_memory();
		c *= 2;
	}
	v = xreallocarray(v, c, size);
	*cap = c;
	return v;
}
