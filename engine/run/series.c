/* Several periods of one supplier in one run (series.h). */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "series.h"

struct member {
	const char *id;
	int period, input;
};

static int by_id(const void *x, const void *y)
{
	const struct member *a = x, *b = y;
	int c = strcmp(a->id, b->id);

	return c ? c : a->input - b->input;
}

static int by_period(const void *x, const void *y)
{
	const struct member *a = x, *b = y;

	if (a->period != b->period)
		return (a->period > b->period) - (a->period < b->period);
	return a->input - b->input;
}

/* One supplier's questionnaires g[0..n) (in input order). */
static void plan_group(struct series *s, struct member *g, int n, int *pos)
{
	int *places = xcalloc((size_t)n, sizeof *places), with_period = -1;

	for (int k = 0; k < n; k++) {
		places[k] = g[k].input;
		if (g[k].period && with_period < 0)
			with_period = g[k].input;
	}
	qsort(g, (size_t)n, sizeof *g, by_period);
	for (int k = 0; k < n; k++) { /* the same places, in period order */
		s->order[places[k]] = g[k].input;
		pos[g[k].input] = places[k];
	}
	for (int k = 0; k < n; k++) {
		int at = pos[g[k].input], best = -1;

		if (!g[k].period) {
			s->clash[at] = with_period;
			continue;
		}
		for (int m = 0; m < k; m++) /* the first of the latest earlier period */
			if (g[m].period && g[m].period < g[k].period &&
			    (best < 0 || g[m].period > g[best].period))
				best = m;
		if (best >= 0) {
			s->prev[at] = pos[g[best].input];
			s->next[pos[g[best].input]] = true;
			s->any = true;
		}
	}
	free(places);
}

struct series *series_plan(const struct names *nm, int n)
{
	struct series *s = xcalloc(1, sizeof *s);
	struct member *v = xcalloc((size_t)(n ? n : 1), sizeof *v);
	int *pos = xcalloc((size_t)(n ? n : 1), sizeof *pos);
	int m = 0;

	s->n = n;
	s->order = xcalloc((size_t)(n ? n : 1), sizeof *s->order);
	s->prev = xcalloc((size_t)(n ? n : 1), sizeof *s->prev);
	s->next = xcalloc((size_t)(n ? n : 1), sizeof *s->next);
	s->clash = xcalloc((size_t)(n ? n : 1), sizeof *s->clash);
	for (int i = 0; i < n; i++) {
		s->order[i] = i;
		s->prev[i] = s->clash[i] = -1;
		if (names_id(nm, i))
			v[m++] = (struct member){ names_id(nm, i), names_period(nm, i), i };
	}
	qsort(v, (size_t)m, sizeof *v, by_id);
	for (int i = 0, j; i < m; i = j) {
		for (j = i + 1; j < m && !strcmp(v[i].id, v[j].id); j++)
			;
		if (j - i > 1)
			plan_group(s, v + i, j - i, pos);
	}
	free(v);
	free(pos);
	return s;
}

void series_free(struct series *s)
{
	if (!s)
		return;
	free(s->order);
	free(s->prev);
	free(s->next);
	free(s->clash);
	free(s);
}
