/* libFuzzer target: the JSON reader of baselines (json_read.h). Any bytes go
 * through json_parse; what parses is walked as a baseline would be. */
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "json_read.h"

static int walk(const struct ynode *n, int depth)
{
	int k = 0;

	if (!n || depth > DILIGO_MAX_JSON_DEPTH + 1)
		return 0;
	if (n->type == Y_SCALAR)
		return (int)n->len;
	for (int i = 0; i < (n->type == Y_MAP ? 2 * n->n : n->n); i++)
		k += walk(n->kids[i], depth + 1);
	return k + (ynode_get(n, "suppliers") != NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *ar = arena_new();
	struct err e = { 0 };
	struct ynode *r = json_parse(ar, "fuzz.json", (const char *)data, size, &e);

	walk(r, 0);
	arena_free(ar);
	return 0;
}
