/* err: the one shape of an error. Actions return 0 or a negative code and fill a
 * struct err; constructors return NULL and fill it. Only main and cmd_* print. */
#ifndef DILIGO_ERR_H
#define DILIGO_ERR_H

#include <stdarg.h>

/* The process's exit status, as README.md ("Exit codes") and docs/diligo.1
 * (EXIT STATUS) state it. */
enum exit_code {
	EXIT_OK = 0,
	EXIT_INVALID = 1, /* finished, but inputs were invalid or --fail-on fired */
	EXIT_USAGE = 2,
	EXIT_PACK = 3, /* a pack or plugin failed to load or run */
	EXIT_IO = 4,
};

enum err_code {
	ERR_NONE = 0,
	ERR_INPUT = -1, /* a questionnaire is invalid */
	ERR_PACK = -2,  /* a Lua file broke its contract or the sandbox */
	ERR_IO = -3,
	ERR_USAGE = -4,
	ERR_NOMEM = -5,
};

struct err {
	int code;
	char file[512];
	int line, col; /* 1-based; 0 = unknown */
	/* A position that is not a line of text: a workbook's cell, "Answers!E17"
	 * (line and col are then its row and column, 1-based), or a part of the
	 * workbook's zip, "xl/worksheets/sheet2.xml:1:345". Empty for text files. */
	char where[128];
	int part; /* orders positions across the sheets of a workbook; 0 for text */
	char msg[1024];
};

/* Set err (if not NULL) and return code. */
int err_set(struct err *e, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Same, with a position: file:line:col (col 0 = file:line). */
int err_at(struct err *e, int code, const char *file, int line, int col,
	   const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* "file:line:col: msg", "file: where: msg", "file: msg" or "msg" into buf. */
const char *err_format(const struct err *e, char *buf, size_t n);
/* Map an err code to the process exit code. */
int err_exit_code(int code);
void err_clear(struct err *e);

#endif
