/* batch: runs many assessments — loading, binding, evaluating, scoring and
 * handing each finished assessment to the report writers in input order,
 * whatever the thread timing. Each worker thread owns its Lua host. */
#ifndef DILIGO_BATCH_H
#define DILIGO_BATCH_H

#include <stdbool.h>
#include <time.h>

#include "err.h"
#include "crisk.h"
#include "isolate.h"
#include "lhost.h"

struct baseline;

struct batch_opts {
	struct lhost_opts lhost; /* each worker builds its own Lua host from this */
	const char *sector;      /* -s NAME: one pack for every input, or NULL */
	struct isolate_opts isolate; /* third-party packs run in a child per assessment */
	const char *const *inputs;
	int ninputs;
	const char *output; /* file or directory for per-supplier workbooks */
	bool output_is_dir, per_supplier;
	const char *portfolio, *json;
	const struct baseline *baseline; /* --baseline, or NULL */
	const struct crisk *crisk; /* country risk for every input, or NULL */
	bool stakeholder, quiet;
	int jobs; /* 0 = online cores */
	time_t now;
	/* Every problem of an input or an output, in input order, from the
	 * calling thread; the caller prints. */
	void (*diag)(void *ud, const struct err *e);
	/* After each input is handed on (done of total); may be NULL. */
	void (*progress)(void *ud, int done, int total);
	void *ud;
};

struct batch_summary {
	int assessed, invalid, pack_errors, io_errors, red_flags;
	int max_level; /* -1 when no finding */
	int workbooks;
	int outputs_failed; /* portfolio or JSON that could not be written */
};

/* Returns 0, or an exit code when the run could not start (usage, no pack). */
int batch_run(const struct batch_opts *o, struct batch_summary *s);

#endif
