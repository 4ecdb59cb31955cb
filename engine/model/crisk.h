/* crisk: country risk, the context data of an assessment (docs/scoring.md,
 * "Context"). A CSV file holds one row per country (ISO 3166-1 alpha-2) and
 * one column per risk; three rows name each column's source, year and
 * licence, so that every number a report shows can be traced and its reuse
 * is lawful. A rule lists the risk columns that concern it (`risks`); when
 * the supplier's country has the risk, the finding's likelihood goes up.
 * A missing file, column, country or cell is neutral: it never lowers a
 * likelihood. Parsed once per run, read-only afterwards, so worker threads
 * share it. Everything lives in the crisk's arena, freed by crisk_free. */
#ifndef DILIGO_CRISK_H
#define DILIGO_CRISK_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"

struct crisk_col {
	const char *name, *source, *year, *licence;
};

struct crisk_row {
	char country[3];
	const double *v; /* one per column; NAN = no value (neutral) */
};

struct crisk {
	struct arena *arena;
	const char *path;
	char sha256[65];
	struct crisk_col *cols;
	int ncols;
	struct crisk_row *rows; /* sorted by country */
	int nrows;
};

/* Read and check a country-risk CSV. NULL with e set (ERR_IO, or ERR_INPUT
 * with file:line:col). */
struct crisk *crisk_load(const char *path, struct err *e);
/* The same from memory; name is used in messages. */
struct crisk *crisk_parse(const char *name, const char *buf, size_t len, struct err *e);
void crisk_free(struct crisk *c); /* NULL is a no-op */
/* The value of column for country (0-1), NAN when absent (c may be NULL). */
double crisk_value(const struct crisk *c, const char *country, const char *column);
/* The column named name, or NULL. */
const struct crisk_col *crisk_column(const struct crisk *c, const char *name);

#endif
