/* Dispatch to the sink implementations (a row in a table per kind). */
#include <stdio.h>
#include <string.h>

#include "kind.h"
#include "sink_int.h"

void sink_item(struct sink *s, const char *input, const char *workbook,
	       const struct assessment *a, const struct err *e)
{
	s->vt->item(s, input, workbook, a, e);
}

int sink_close(struct sink *s, struct err *e)
{
	return s->vt->close(s, e);
}

void sink_abort(struct sink *s)
{
	s->vt->abort(s);
}

const char *report_answer_text(const struct question *qu, const struct answer *an, char *buf,
			       size_t n)
{
	return kind_answer_text(qu, an, buf, n);
}
