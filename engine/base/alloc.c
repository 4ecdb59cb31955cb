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

/* Leaks of the Debian 12 libraries, which LeakSanitizer builds are told of
 * here (alloc.c is in every program and test, and a program has one list)
 * rather than in every test's environment. Neither library has frame
 * pointers, so a leak's stack ends at the library's allocator: the
 * suppressions name it (memory diligo owns is never allocated by either).
 *  - libxlsxwriter 1.1.4 keeps a copy of a list-formula data validation's
 *    range (lxw_strdup in worksheet_data_validation_range) and never frees
 *    it: 17 bytes per dropdown of a questionnaire workbook; fixed upstream.
 *  - libgettextpo 0.21 (po_file_read, then po_file_free) leaks about one
 *    allocation per message of a PO file, as a ten-line program that reads
 *    and frees one file shows: some 100 KB per run that reads translations. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DILIGO_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(DILIGO_ASAN)
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:lxw_strdup\nleak:libgettextpo_xmalloc\n";
}

const char *__lsan_default_options(void); /* stderr stays the program's */
const char *__lsan_default_options(void)
{
	return "print_suppressions=0";
}
#endif
