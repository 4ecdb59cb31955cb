/* compare: an assessment compared with its prior (change.h), re-scoring the
 * earlier answers with today's pack and method when the prior was scored
 * with another pack version or method and carries its answers (drift), and
 * saying what could not be compared and why. */
#ifndef DILIGO_COMPARE_H
#define DILIGO_COMPARE_H

#include "change.h"
#include "isolate.h"
#include "lhost.h"

/* Fill c (allocated in ar, like everything it points to) from a and p;
 * p's answer texts are completed on the way. h runs the re-scoring. */
void assess_compare(struct lhost *h, const struct assessment *a, struct prior *p,
		    const struct isolate_opts *iso, struct arena *ar, struct change *c);

/* The notes assess_compare writes on the Changes sheet, in English; in
 * another language, their translations as reports' texts (report_text.def:
 * FMT_CMP_*), through the pack's translations (l10n_text). */
#define CMP_REMOVED_ONE "%d earlier finding came from rules that pack %s %s no longer has (%s): %s"
#define CMP_REMOVED_MANY "%d earlier findings came from rules that pack %s %s no longer has (%s): %s"
#define CMP_REMOVED_RESCORED "not compared."
#define CMP_REMOVED_RESOLVED "listed as resolved, though nothing assessed them again."
#define CMP_OTHER_PACK "The baseline assessed this supplier with pack %s, this run with pack %s."
#define CMP_MISFIT_ONE \
	"%d earlier answer did not fit pack %s %s and was left out of the re-scoring (first: %s)."
#define CMP_MISFIT_MANY \
	"%d earlier answers did not fit pack %s %s and were left out of the re-scoring (first: %s)."
#define CMP_METHOD ", method %d"
#define CMP_RESCORED                                                                           \
	"The baseline was scored with pack %s %s%s; its answers were scored again with pack %s "   \
	"%s, method %d, so that both periods are compared by the same rules (recorded then: "      \
	"score %.1f, rating %c)."
#define CMP_NOT_RESCORED \
	"The baseline's answers could not be scored again (%s): its recorded results are compared."
#define CMP_NO_ANSWERS                                                                         \
	"The baseline was scored with pack %s %s%s and does not carry its answers: its recorded "  \
	"results are compared with today's pack %s %s, method %d, so a difference may come from "  \
	"the method rather than the supplier."

#endif
