/* libFuzzer target: the questionnaire loader and validation. Any bytes go
 * through qn_parse, and what parses is bound against the mining pack. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "lhost.h"
#include "qn.h"

static const struct pack *mining(void)
{
	static struct lhost *h;
	static const struct pack *p;
	struct err e = { 0 };

	if (!h) {
		struct lhost_opts o = { 0 };

		h = lhost_new(&o, &e);
		if (!h || !(p = lhost_pack(h, "mining", &e)))
			abort();
	}
	return p;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct err e = { 0 };
	struct qn *q = qn_parse("fuzz.yaml", (const char *)data, size, &e);

	if (q) {
		qn_bind(q, mining(), &e);
		qn_free(q);
	}
	return 0;
}
