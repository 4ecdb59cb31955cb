#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "pack.h"

static const char *const kind_names[QK__COUNT] = {
	"maturity", "choice", "multi", "number", "percent", "date", "text",
};

const char *qkind_name(enum qkind k)
{
	return k < QK__COUNT ? kind_names[k] : "?";
}

int qkind_parse(const char *s)
{
	for (int i = 0; i < QK__COUNT; i++)
		if (!strcmp(s, kind_names[i]))
			return i;
	return -1;
}

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

/* Validation looks up every answer's id: hash them once per pack. */
void pack_index(struct pack *p)
{
	size_t size = 16;

	if (p->duties)
		qsort((void *)p->duties, (size_t)p->nduties, sizeof *p->duties, cmp_duty);
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
