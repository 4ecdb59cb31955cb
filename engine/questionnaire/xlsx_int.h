/* xlsx_int.h: what the files of the workbook reader share (xlsx_zip.c,
 * xlsx_parts.c, xlsx_read.c) — the workbook's state, the XML driver's state,
 * and the functions one file calls in another. Internal: readers of a
 * workbook use xlsx_read.h. */
#ifndef DILIGO_XLSX_INT_H
#define DILIGO_XLSX_INT_H

#include <expat.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <minizip/unzip.h>

#include "err.h"
#include "xlsx_read.h"

struct member {
	const char *name;
	unz64_file_pos pos;
	uint64_t csize, usize;
};

struct rel {
	const char *id, *type, *target; /* target resolved to a member name */
};

struct xlsx {
	struct arena *arena;
	const char *name;
	/* the zip, in memory */
	const unsigned char *buf;
	size_t len, off;
	unzFile zip;
	struct member *members;
	int nmembers;
	size_t inflated; /* bytes inflated so far, all members */
	/* the workbook */
	struct xlsx_sheet *sheets;
	const char **sheet_part; /* member of each sheet, NULL when missing */
	int nsheets;
	bool date1904;
	/* shared strings, read lazily: only as far as the cells read need
	 * (a table is often mostly text no reader asks for) */
	const char *sst_part; /* NULL: the workbook has none */
	const char **strings;
	int nstrings;
	size_t capstrings;
	int sst_want; /* read up to this many */
	bool sst_all; /* the whole table is read */
	unsigned *xf_fmt; /* XLSX_FMT_* of each cell style */
	int nxf;
	int ncells; /* cells kept, every sheet */
};

/* ---- errors (xlsx_zip.c) ------------------------------------------------ */

/* e set to ERR_INPUT: file x's name, where part (may be NULL), line; returns
 * ERR_INPUT. */
__attribute__((format(printf, 5, 6)))
int xlsx_fail(struct xlsx *x, struct err *e, const char *part, int line, const char *fmt, ...);

/* ---- the zip (xlsx_zip.c) ----------------------------------------------- */

/* x's zip, opened from x->buf through minizip's I/O callbacks; NULL when its
 * directory cannot be found. */
unzFile xlsx_unz_open(struct xlsx *x, const char *name);
int xlsx_read_directory(struct xlsx *x, struct err *e);
const struct member *xlsx_find_member(const struct xlsx *x, const char *name);

/* ---- XML (xlsx_zip.c) --------------------------------------------------- */

struct xml;
typedef void (*xml_start)(struct xml *, const char *el, const char **atts);
typedef void (*xml_end)(struct xml *, const char *el);

struct xml {
	XML_Parser p;
	struct xlsx *x;
	struct err *e;
	const char *part;
	int depth;
	int rc; /* set by a handler to stop the parse */
	bool done; /* a handler has all it wants: the rest is not read */
	xml_start start;
	xml_end end;
	bool collect; /* character data is wanted */
	char *text;
	size_t tlen, tcap;
	void *ud;
};

/* A name without its namespace prefix. */
const char *xlsx_local(const char *name);
/* The attribute with this local name ("r:id" answers "id"), or NULL. */
const char *xlsx_attr(const char **atts, const char *name);
/* Stop the parse with e set at the current XML line and column. */
__attribute__((format(printf, 2, 3)))
void xlsx_xml_fail(struct xml *m, const char *fmt, ...);
void xlsx_text_reset(struct xml *m);
/* Inflate member name into an XML parser with these handlers. Returns 0,
 * or ERR_INPUT with e set. A missing member is an error only if required
 * (returns 1 when missing and not required). */
int xlsx_parse_member(struct xlsx *x, const char *name, bool required, xml_start start,
		      xml_end end, void *ud, struct err *e);

/* ---- parts (xlsx_parts.c) ----------------------------------------------- */

/* The workbook part, its relationships and styles; notes where the shared
 * strings are. */
int xlsx_read_workbook(struct xlsx *x, struct err *e);
/* The first want shared strings (fewer if the table is shorter). */
int xlsx_read_strings(struct xlsx *x, int want, struct err *e);
/* The text collected, _xHHHH_ escapes decoded, into the arena. */
const char *xlsx_keep_text(struct xml *m);
/* An ISO 8601 date as a serial day of x's date system; NAN when it is none. */
double xlsx_iso_serial(const struct xlsx *x, const char *s);

#endif
