#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "err.h"
#include "text.h"

/* A message longer than e->msg keeps its beginning and its end (text_fit). */
static void err_vset(struct err *e, int code, const char *file, int line,
		     int col, const char *fmt, va_list ap)
{
	va_list again;
	int n;

	e->code = code;
	snprintf(e->file, sizeof e->file, "%s", file ? file : "");
	e->line = line;
	e->col = col;
	e->where[0] = '\0';
	e->part = 0;
	va_copy(again, ap);
	n = vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	if (n >= (int)sizeof e->msg) {
		char *full = xmalloc((size_t)n + 1);

		vsnprintf(full, (size_t)n + 1, fmt, again);
		text_fit(e->msg, sizeof e->msg, full);
		free(full);
	}
	va_end(again);
}

int err_set(struct err *e, int code, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return code;
	va_start(ap, fmt);
	err_vset(e, code, NULL, 0, 0, fmt, ap);
	va_end(ap);
	return code;
}

int err_at(struct err *e, int code, const char *file, int line, int col,
	   const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return code;
	va_start(ap, fmt);
	err_vset(e, code, file, line, col, fmt, ap);
	va_end(ap);
	return code;
}

const char *err_format(const struct err *e, char *buf, size_t n)
{
	if (!e->file[0])
		snprintf(buf, n, "%s", e->msg);
	else if (e->where[0])
		snprintf(buf, n, "%s: %s: %s", e->file, e->where, e->msg);
	else if (e->line && e->col)
		snprintf(buf, n, "%s:%d:%d: %s", e->file, e->line, e->col, e->msg);
	else if (e->line)
		snprintf(buf, n, "%s:%d: %s", e->file, e->line, e->msg);
	else
		snprintf(buf, n, "%s: %s", e->file, e->msg);
	return buf;
}

int err_exit_code(int code)
{
	switch (code) {
	case ERR_NONE: return EXIT_OK;
	case ERR_INPUT: return EXIT_INVALID;
	case ERR_PACK: return EXIT_PACK;
	case ERR_USAGE: return EXIT_USAGE;
	default: return EXIT_IO;
	}
}

void err_clear(struct err *e)
{
	memset(e, 0, sizeof *e);
}
