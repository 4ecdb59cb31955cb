/* Internal to the sink implementations. */
#ifndef DILIGO_SINK_INT_H
#define DILIGO_SINK_INT_H

#include "sink.h"

struct sink_vt {
	void (*item)(struct sink *s, const char *input, const char *workbook,
		     const struct assessment *a, const struct err *e);
	int (*close)(struct sink *s, struct err *e);
	void (*abort)(struct sink *s);
};

struct sink {
	const struct sink_vt *vt;
};

#endif
