/* Workbook file names; the scheme is in names.h and docs/workbooks.md. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "names.h"
#include "qn.h"
#include "report.h"
#include "sha256.h"
#include "text.h"

/* hex digits of the suffix at each level: 0 = none */
static const int suffix_digits[] = { 0, 8, 16, 64 };
enum { TOP_LEVEL = 3 };

struct key {
	const char *id;
	int period, index, level;
	bool exact; /* the id is its own safe form: nothing replaced or cut */
	bool fixed; /* another output of the run (the portfolio): its name stays */
	char *base; /* safe id and -PERIOD */
	char *name; /* base, -HASH at level > 0, .xlsx */
};

static bool safe_char(int32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '_' || c == '.';
}

/* The id made safe, then -PERIOD; *exact when nothing was changed. */
static char *safe_base(const char *id, int period, bool *exact)
{
	char buf[NAMES_ID_CHARS + 32];
	size_t k = 0, len;
	int32_t cp;

	*exact = true;
	for (const char *p = id; (len = text_utf8_char(p, &cp)); p += len) {
		char c = cp >= 0 && safe_char(cp) && !(k == 0 && cp == '.') ? (char)cp : '_';

		if (k == NAMES_ID_CHARS) {
			*exact = false; /* cut */
			break;
		}
		*exact &= len == 1 && c == *p;
		buf[k++] = c;
	}
	if (!k) {
		buf[k++] = '_';
		*exact = false;
	}
	if (period)
		k += (size_t)snprintf(buf + k, sizeof buf - k, "-%d", period);
	buf[k] = '\0';
	return xstrdup(buf);
}

/* ASCII case-insensitive comparison (safe names are ASCII): the file
 * systems that matter (macOS, Windows shares) fold case. */
static int foldcmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		int x = *a >= 'A' && *a <= 'Z' ? *a + 32 : *a, y = *b >= 'A' && *b <= 'Z' ? *b + 32 : *b;

		if (x != y || !x)
			return x - y;
	}
}

static int by_key(const void *x, const void *y)
{
	const struct key *a = *(struct key *const *)x, *b = *(struct key *const *)y;
	int c = strcmp(a->id, b->id);

	if (!c)
		c = (a->period > b->period) - (a->period < b->period);
	return c ? c : a->index - b->index;
}

static int by_name(const void *x, const void *y)
{
	const struct key *a = *(struct key *const *)x, *b = *(struct key *const *)y;
	int c = foldcmp(a->name, b->name);

	return c ? c : a->index - b->index;
}

static void make_name(struct key *k)
{
	char hex[65] = "", buf[NAMES_ID_CHARS + 32 + 72];
	int digits = suffix_digits[k->level];

	if (digits)
		sha256_hex(k->id, strlen(k->id), hex);
	snprintf(buf, sizeof buf, "%s%s%.*s.xlsx", k->base, digits ? "-" : "", digits, hex);
	free(k->name);
	k->name = xstrdup(buf);
}

/* A group that would share a name: all take a hash, but for the one member
 * whose id is exactly its safe form, if there is exactly one and the name
 * is not another output's. */
static void split_group(struct key **g, int n)
{
	int exact = 0, fixed = 0;

	for (int i = 0; i < n; i++) {
		exact += g[i]->exact;
		fixed += g[i]->fixed;
	}
	for (int i = 0; i < n; i++)
		if (!g[i]->fixed) {
			g[i]->level = exact == 1 && !fixed && g[i]->exact ? 0 : 1;
			make_name(g[i]);
		}
}

/* Names still equal after the hashes (an id written to look like another's
 * hashed name): every member of such a group takes a longer hash. Returns
 * whether anything changed. */
static bool lengthen(struct key **v, int n)
{
	bool changed = false;

	qsort(v, (size_t)n, sizeof *v, by_name);
	for (int i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && !foldcmp(v[i]->name, v[j]->name); j++)
			;
		for (int k = i; j - i > 1 && k < j; k++)
			if (!v[k]->fixed && v[k]->level < TOP_LEVEL) {
				v[k]->level++;
				make_name(v[k]);
				changed = true;
			}
	}
	return changed;
}

void names_assign(const char *const *ids, const int *periods, int n, const char *const *reserved,
		  int nreserved, char **out)
{
	struct key *keys = xcalloc((size_t)(n + nreserved), sizeof *keys);
	struct key **v = xcalloc((size_t)(n + nreserved), sizeof *v);
	int m = 0, live = 0;

	for (int i = 0; i < n; i++) {
		out[i] = NULL;
		if (!ids[i])
			continue;
		keys[m] = (struct key){ .id = ids[i], .period = periods[i], .index = i };
		v[m] = &keys[m];
		m++;
	}
	/* a key seen before (the same id and period) is a duplicate: no name */
	qsort(v, (size_t)m, sizeof *v, by_key);
	for (int i = 0; i < m; i++)
		if (!i || strcmp(v[i]->id, v[live - 1]->id) || v[i]->period != v[live - 1]->period)
			v[live++] = v[i];
	for (int i = 0; i < live; i++) {
		v[i]->base = safe_base(v[i]->id, v[i]->period, &v[i]->exact);
		make_name(v[i]);
	}
	for (int i = 0; i < nreserved; i++) { /* the portfolio beside the workbooks */
		keys[m + i] = (struct key){ .id = "", .index = n + i, .fixed = true,
					    .name = xstrdup(reserved[i]) };
		v[live++] = &keys[m + i];
	}
	qsort(v, (size_t)live, sizeof *v, by_name);
	for (int i = 0, j; i < live; i = j) {
		for (j = i + 1; j < live && !foldcmp(v[i]->name, v[j]->name); j++)
			;
		if (j - i > 1)
			split_group(v + i, j - i);
	}
	while (lengthen(v, live))
		;
	for (int i = 0; i < live; i++) {
		if (v[i]->fixed)
			free(v[i]->name);
		else
			out[v[i]->index] = v[i]->name;
		free(v[i]->base);
	}
	free(v);
	free(keys);
}

struct names {
	int n;
	char **ids, **out;
	int *periods;
};

struct reader {
	struct names *nm;
	const char *const *inputs;
	int first, step;
};

/* Every step-th input from first: its id and period (each thread its own). */
static void *read_keys(void *arg)
{
	struct reader *r = arg;

	for (int i = r->first; i < r->nm->n; i += r->step) {
		struct err e = { 0 };
		char *id;
		int period;

		/* an error is reported by the run */
		if (!qn_load_keys(r->inputs[i], &id, &period, &e) && id) {
			r->nm->ids[i] = id;
			r->nm->periods[i] = period;
		}
	}
	return NULL;
}

struct names *names_plan_jobs(const char *const *inputs, int n, const char *const *reserved,
			      int nreserved, int jobs)
{
	return names_plan_keyed(inputs, n, reserved, nreserved, jobs, NULL, 0);
}

struct names *names_plan_keyed(const char *const *inputs, int n, const char *const *reserved,
			       int nreserved, int jobs, const unsigned char *key, size_t keylen)
{
	struct names *nm = xcalloc(1, sizeof *nm);
	struct reader r[DILIGO_MAX_JOBS] = { 0 };
	pthread_t t[DILIGO_MAX_JOBS];

	nm->n = n;
	nm->ids = xcalloc((size_t)(n ? n : 1), sizeof *nm->ids);
	nm->out = xcalloc((size_t)(n ? n : 1), sizeof *nm->out);
	nm->periods = xcalloc((size_t)(n ? n : 1), sizeof *nm->periods);
	if (jobs > n)
		jobs = n;
	if (jobs < 1)
		jobs = 1;
	if (jobs > DILIGO_MAX_JOBS)
		jobs = DILIGO_MAX_JOBS;
	for (int k = 0; k < jobs; k++) {
		r[k] = (struct reader){ nm, inputs, k, jobs };
		if (k && pthread_create(&t[k], NULL, read_keys, &r[k]))
			abort();
	}
	r[0] = (struct reader){ nm, inputs, 0, jobs };
	read_keys(&r[0]);
	for (int k = 1; k < jobs; k++)
		pthread_join(t[k], NULL);
	if (key) { /* name by pseudonym: the ids stay for names_get and the series */
		char **pseud = xcalloc((size_t)(n ? n : 1), sizeof *pseud);

		for (int i = 0; i < n; i++)
			if (nm->ids[i]) {
				pseud[i] = xmalloc(REPORT_PSEUDONYM);
				report_pseudonym(key, keylen, nm->ids[i], pseud[i]);
			}
		names_assign((const char *const *)pseud, nm->periods, n, reserved, nreserved, nm->out);
		for (int i = 0; i < n; i++)
			free(pseud[i]);
		free(pseud);
		return nm;
	}
	names_assign((const char *const *)nm->ids, nm->periods, n, reserved, nreserved, nm->out);
	return nm;
}

struct names *names_plan(const char *const *inputs, int n, const char *const *reserved,
			 int nreserved)
{
	return names_plan_jobs(inputs, n, reserved, nreserved, 1);
}

const char *names_get(const struct names *nm, int i, const char *id, int period)
{
	if (!nm || i < 0 || i >= nm->n || !nm->out[i] || !id || strcmp(nm->ids[i], id) ||
	    nm->periods[i] != period)
		return NULL;
	return nm->out[i];
}

const char *names_id(const struct names *nm, int i)
{
	return nm && i >= 0 && i < nm->n ? nm->ids[i] : NULL;
}

int names_period(const struct names *nm, int i)
{
	return nm && i >= 0 && i < nm->n ? nm->periods[i] : 0;
}

void names_free(struct names *nm)
{
	if (!nm)
		return;
	for (int i = 0; i < nm->n; i++) {
		free(nm->ids[i]);
		free(nm->out[i]);
	}
	free(nm->ids);
	free(nm->out);
	free(nm->periods);
	free(nm);
}
