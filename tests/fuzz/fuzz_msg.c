/* libFuzzer target: the message an isolated evaluation sends back to the
 * parent (engine/assess/evalmsg.c). Any bytes are decoded against the
 * isolation test pack (tests/packs/isolation) for a small bound
 * questionnaire; what decodes is scored, so
 * that a message that passes validation cannot upset scoring either. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "evalmsg.h"
#include "lhost.h"
#include "qn.h"
#include "score.h"

static const char questionnaire[] = "diligo: 1\n"
				    "supplier: { id: FUZZ-1, name: Fuzz, country: FR, sector: isolation, employees: 120 }\n"
				    "answers:\n  isolation.policy: no\n  isolation.workers: 12\n";

static const struct pack *pack(void)
{
	static struct lhost *h;
	static const struct pack *p;
	struct err e = { 0 };

	if (!h) {
		struct lhost_opts o = { 0 };

		h = lhost_new(&o, &e);
		if (!h || !(p = lhost_pack(h, DILIGO_SOURCE_DIR "/tests/packs/isolation/isolation.lua", &e)))
			abort();
	}
	return p;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct err e = { 0 };
	struct qn *q = qn_parse("fuzz.yaml", questionnaire, strlen(questionnaire), &e);
	struct assessment a;

	if (!q || qn_bind(q, pack(), &e))
		abort(); /* the fixed questionnaire is valid */
	score_init(&a, q);
	if (!evalmsg_decode(data, size, &a, &e))
		score_assessment(&a);
	qn_free(q);
	return 0;
}
