/* countries: the ISO 3166-1 list of Debian's iso-codes package, for the
 * country dropdown of questionnaire workbooks. */
#ifndef DILIGO_COUNTRIES_H
#define DILIGO_COUNTRIES_H

#include "err.h"

struct arena;

struct country {
	char code[3]; /* alpha-2 */
	const char *name; /* the common name when the list has one, else the name */
};

/* Read the JSON file at path (iso-codes' iso_3166-1.json) into *out (in a),
 * sorted by name. ERR_IO with a message naming the package when the file
 * is missing or not that list. */
int countries_load(const char *path, struct country **out, int *n, struct arena *a,
		   struct err *e);
/* The names in lang (fr, es, pt), from iso-codes' own translations (the
 * message catalogue iso_3166-1 under /usr/share/locale), sorted again; a
 * name without a translation stays English. Single-threaded: it sets the
 * process's LANGUAGE while it runs. */
void countries_translate(struct country *c, int n, const char *lang, struct arena *a);

#endif
