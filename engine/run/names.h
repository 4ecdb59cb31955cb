/* names: the file name of each supplier's workbook in a run, the one scheme
 * of docs/workbooks.md ("File names"):
 *
 *   the id made safe (letters, digits, - _ . kept, any other character _,
 *   at most NAMES_ID_CHARS, no leading dot), then -PERIOD when the
 *   questionnaire has a period, then .xlsx;
 *   unique within the run compared case-insensitively: when several
 *   suppliers would get one name, or one would get the name of the
 *   portfolio or JSON file in the same directory, each gets -HASH appended
 *   (the first 8 hex digits of the SHA-256 of its exact id), except the
 *   one whose id is already safe, if there is exactly one such and the name
 *   is no other output's;
 *   in the rare case that this still leaves two names equal (an id written
 *   to look like another's hashed name), both take a longer hash, 16 then
 *   64 digits.
 *
 * The names are a function of the set of (id, period) in the run, not of
 * input order or thread timing: a run plans them from every input before
 * writing any workbook. */
#ifndef DILIGO_NAMES_H
#define DILIGO_NAMES_H

#include <stdbool.h>
#include <stddef.h>

enum { NAMES_ID_CHARS = 120 };

/* Names for n keys (ids[i], periods[i]; a NULL id or a key equal to an
 * earlier one gets NULL): out[i] is allocated ("SUP-1-2025.xlsx"). The
 * reserved names (other outputs in the same directory: the portfolio) are
 * never given to a supplier: one that would get such a name takes a hash. */
void names_assign(const char *const *ids, const int *periods, int n, const char *const *reserved,
		  int nreserved, char **out);

struct names;
/* The plan of a run: reads the supplier id and period of every input
 * (qn_load_keys: a scan of a plain YAML layout, else a parse; no pack) and
 * assigns the names. A YAML file whose supplier block scans cleanly is
 * planned even if a later part of it then fails to parse, as a file that
 * fails validation is. */
struct names *names_plan(const char *const *inputs, int n, const char *const *reserved,
			 int nreserved);
/* The same, reading the inputs in jobs threads. */
struct names *names_plan_jobs(const char *const *inputs, int n, const char *const *reserved,
			      int nreserved, int jobs);
/* The same for pseudonymised stakeholder copies when key is not NULL: each
 * name is made from the supplier's pseudonym (report_pseudonym) instead of
 * its id, by the same scheme, so that no file name holds an id or a hash
 * of one. names_get and names_id still take and give the real ids. */
struct names *names_plan_keyed(const char *const *inputs, int n, const char *const *reserved,
			       int nreserved, int jobs, const unsigned char *key, size_t keylen);
/* The name planned for input i, if it is still the supplier (id, period)
 * it was when planned; NULL when it did not parse then, was a duplicate, or
 * changed since. */
const char *names_get(const struct names *nm, int i, const char *id, int period);
/* The supplier id (NULL when it did not parse) and period of input i as
 * planned. */
const char *names_id(const struct names *nm, int i);
int names_period(const struct names *nm, int i);
void names_free(struct names *nm);

#endif
