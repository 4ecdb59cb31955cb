#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"
#include "pack.h"
#include "sha256.h"

static int cmp_duty(const void *a, const void *b)
{
	return strcmp(((const struct duty *)a)->id, ((const struct duty *)b)->id);
}

const struct duty *pack_find_duty(const struct pack *p, const char *id)
{
	struct duty key = { .id = id };

	if (!p->duties)
		return NULL;
	return bsearch(&key, p->duties, (size_t)p->nduties, sizeof key, cmp_duty);
}

static size_t hash_str(const char *s)
{
	size_t h = 1469598103934665603UL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211UL;
	return h;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static const int *resolve(struct pack *p, const char **ids, int n)
{
	int *ix = arena_alloc(p->arena, (size_t)(n ? n : 1) * sizeof *ix);

	for (int k = 0; k < n; k++)
		ix[k] = (int)(pack_find_duty(p, ids[k]) - p->duties);
	return ix;
}

/* Scoring runs per questionnaire: everything it looks up by name is turned
 * into indexes here, once per pack. */
static void index_duties(struct pack *p)
{
	const char *seen[DILIGO_MAX_AREAS] = { 0 };
	int n = 0;

	for (int i = 0; i < p->nquestions; i++)
		p->questions[i].duty_ix = resolve(p, p->questions[i].duties, p->questions[i].nduties);
	for (int i = 0; i < p->nrules; i++)
		p->rules[i].duty_ix = resolve(p, p->rules[i].duties, p->rules[i].nduties);
	for (int d = 0; d < p->nduties; d++) {
		bool dup = false;

		for (int k = 0; k < n && !dup; k++)
			dup = !strcmp(seen[k], p->duties[d].area);
		if (!dup && n < DILIGO_MAX_AREAS)
			seen[n++] = p->duties[d].area;
	}
	qsort(seen, (size_t)n, sizeof *seen, cmp_str);
	p->areas = arena_alloc(p->arena, (size_t)(n ? n : 1) * sizeof *p->areas);
	memcpy(p->areas, seen, (size_t)n * sizeof *seen);
	p->nareas = n;
	p->duty_area = arena_alloc(p->arena, (size_t)(p->nduties ? p->nduties : 1) * sizeof(int));
	for (int d = 0; d < p->nduties; d++) {
		p->duty_area[d] = -1;
		for (int k = 0; k < n; k++)
			if (!strcmp(p->areas[k], p->duties[d].area))
				p->duty_area[d] = k;
	}
}

/* Validation looks up every answer's id: hash them once per pack. */
void pack_index(struct pack *p)
{
	size_t size = 16;

	for (int d = 1; d < p->nduties; d++)
		if (cmp_duty(&p->duties[d - 1], &p->duties[d]) > 0) { /* only if unsorted */
			qsort((void *)p->duties, (size_t)p->nduties, sizeof *p->duties, cmp_duty);
			break;
		}
	while (size < (size_t)p->nquestions * 4)
		size <<= 1;
	p->qhash = arena_alloc(p->arena, size * sizeof *p->qhash);
	p->qhash_size = size;
	for (size_t i = 0; i < size; i++)
		p->qhash[i] = -1;
	for (int q = 0; q < p->nquestions; q++) {
		size_t h = hash_str(p->questions[q].id) & (size - 1);

		while (p->qhash[h] >= 0)
			h = (h + 1) & (size - 1);
		p->qhash[h] = q;
	}
	if (p->duties)
		index_duties(p);
}

const struct question *pack_resolve(struct pack *p, const char **bad_id)
{
	for (int i = 0; i < p->nquestions; i++)
		for (int k = 0; k < p->questions[i].nna_when; k++) {
			struct na_cond *c = (struct na_cond *)&p->questions[i].na_when[k];

			if (!c->qid) {
				c->question = -1;
				continue;
			}
			c->question = pack_find_question(p, c->qid);
			if (c->question < 0) {
				*bad_id = c->qid;
				return &p->questions[i];
			}
		}
	return NULL;
}

int pack_find_question(const struct pack *p, const char *id)
{
	size_t h;

	if (!p->qhash)
		return -1;
	h = hash_str(id) & (p->qhash_size - 1);
	while (p->qhash[h] >= 0) {
		if (!strcmp(p->questions[p->qhash[h]].id, id))
			return p->qhash[h];
		h = (h + 1) & (p->qhash_size - 1);
	}
	return -1;
}

void pack_free(struct pack *p)
{
	if (p)
		arena_free(p->arena); /* the pack itself lives in its arena */
}

/* Appends s and a newline to the growing buffer *b (used of cap bytes). */
static void put(char **b, size_t *used, size_t *cap, const char *s)
{
	size_t n = strlen(s) + 1; /* with a separator */

	if (*used + n + 1 > *cap) {
		*cap = (*used + n + 1) * 2;
		*b = xrealloc(*b, *cap);
	}
	memcpy(*b + *used, s, n - 1);
	(*b)[*used + n - 1] = '\n';
	*used += n;
}

void pack_fingerprint(const struct pack *p, char out[17])
{
	char *b = NULL, hex[65], num[64];
	size_t used = 0, cap = 0;

	for (int i = 0; i < p->nquestions; i++) {
		const struct question *q = &p->questions[i];

		put(&b, &used, &cap, q->id);
		put(&b, &used, &cap, qkind_name(q->kind));
		for (int k = 0; k < q->nopts; k++)
			put(&b, &used, &cap, q->opts[k].value);
		snprintf(num, sizeof num, "%d %.17g %d %.17g", q->has_min, q->has_min ? q->min : 0,
			 q->has_max, q->has_max ? q->max : 0);
		put(&b, &used, &cap, num);
	}
	sha256_hex(b ? b : "", used, hex);
	free(b);
	memcpy(out, hex, 16);
	out[16] = '\0';
}
