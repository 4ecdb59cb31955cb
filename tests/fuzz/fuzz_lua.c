/* libFuzzer target: the sandbox. The input is the body of a rule's `when`
 * function (and, failing that, a whole pack file), run under small budgets
 * on a fixed questionnaire. Whatever it is, diligo must not crash, leak or
 * hang. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lhost.h"
#include "qn.h"
#include "score.h"

static const char head[] =
	"return sector { id = 'fz', title = 'fuzz', version = '1',\n"
	"  questions = { { id = 'fz.q', kind = 'maturity', text = 'Q?', duties = { 'UNGP.GP16' } },\n"
	"                { id = 'fz.n', kind = 'number', text = 'N?', duties = { 'UNGP.GP17' },\n"
	"                  score = function(v) return v > 3 and 1 or 0 end } },\n"
	"  rules = { { id = 'fz.r', title = 'R', duties = { 'UNGP.GP16' },\n"
	"    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = 'a',\n"
	"    when = function(a, ctx)\n";
static const char tail[] = "\n    end } } }\n";
static const char answers[] =
	"diligo: 1\nsupplier: {id: S, name: N, sector: fz}\nanswers: {fz.q: partial, fz.n: 5}\n";

static struct lhost *host(void)
{
	static struct lhost *h;
	static int uses;
	struct lhost_opts o = { .max_instructions = 200000, .max_memory = 8u << 20 };
	struct err e = { 0 };

	if (h && ++uses % 40 == 0) { /* packs are cached per path: start afresh */
		lhost_free(h);
		h = NULL;
	}
	if (!h && !(h = lhost_new(&o, &e)))
		abort();
	return h;
}

static void run(const char *src, size_t len)
{
	static unsigned n;
	char path[64];
	struct err e = { 0 };
	struct lhost *h = host();
	const struct pack *p;
	FILE *f;

	snprintf(path, sizeof path, "/tmp/diligo-fuzz-%d-%u.lua", (int)getpid(), n++);
	if (!(f = fopen(path, "wb")))
		return;
	fwrite(src, 1, len, f);
	fclose(f);
	p = lhost_load_file(h, path, &e);
	unlink(path);
	if (p && p->nquestions) {
		struct qn *q = qn_parse("fuzz.yaml", answers, sizeof answers - 1, &e);
		struct assessment a;

		if (q && !qn_bind(q, p, &e)) {
			score_init(&a, q);
			if (!lhost_evaluate(h, p, q, &a, &e))
				score_assessment(&a);
		}
		qn_free(q);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t n = sizeof head - 1 + size + sizeof tail - 1;
	char *src;

	if (size > 64 * 1024)
		return 0;
	src = malloc(n);
	memcpy(src, head, sizeof head - 1);
	memcpy(src + sizeof head - 1, data, size);
	memcpy(src + sizeof head - 1 + size, tail, sizeof tail - 1);
	run(src, n); /* as a rule body */
	run((const char *)data, size); /* as a whole file */
	free(src);
	return 0;
}
