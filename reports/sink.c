/* Dispatch to the sink implementations (a row in a table per kind). */
#include <stdio.h>
#include <string.h>

#include "sink_int.h"

void sink_item(struct sink *s, const char *input, const struct assessment *a, const struct err *e)
{
	s->vt->item(s, input, a, e);
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
	size_t used = 0;

	switch (an->state) {
	case ANS_NONE: return "(unanswered)";
	case ANS_UNKNOWN: return "unknown";
	case ANS_NA: return "na";
	default: break;
	}
	if (qu->kind == QK_NUMBER || qu->kind == QK_PERCENT) {
		snprintf(buf, n, "%g%s%s%s", an->num, qu->kind == QK_PERCENT ? "%" : "",
			 qu->unit && qu->kind == QK_NUMBER ? " " : "",
			 qu->unit && qu->kind == QK_NUMBER ? qu->unit : "");
		return buf;
	}
	if (qu->kind != QK_MULTI)
		return an->str;
	buf[0] = '\0';
	for (int i = 0; i < an->nlist && used + 4 < n; i++)
		used += (size_t)snprintf(buf + used, n - used, "%s%s", i ? ", " : "", an->list[i]);
	return an->nlist ? buf : "(none)";
}
