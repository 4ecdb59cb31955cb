/* The batch runner. Workers take inputs in order from a shared counter and
 * may run at most WINDOW inputs ahead of the consumer, which receives the
 * finished items strictly in input order (for the portfolio and JSON, and
 * so that memory stays flat). Supplier ids are registered as soon as an
 * input is parsed; a worker writes a workbook only once every earlier input
 * has registered, so "the second one is the duplicate" holds whatever the
 * thread timing. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "arena.h"
#include "assess.h"
#include "batch.h"
#include "baseline.h"
#include "compare.h"
#include "names.h"
#include "report.h"
#include "series.h"
#include "sink.h"

enum { WINDOW = DILIGO_BATCH_WINDOW };

struct slot {
	int index; /* which input this slot holds, -1 = empty */
	bool done;
	struct qn *q;
	struct assessment a;
	int status; /* 0 or an err code */
	struct err err;
	char workbook[DILIGO_MAX_PATH]; /* the supplier workbook written, or "" */
	bool warned; /* assessed, but warn says what went wrong on the way */
	struct err warn;
};

/* What a later period of a supplier in the run compares with. */
struct handoff {
	bool done;
	struct prior *prior; /* NULL when the earlier period failed */
	struct arena *ar;
	int readers; /* later periods that compare with it, not handed on yet */
};

struct batch {
	const struct batch_opts *o;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int next_in;  /* next input a worker takes */
	int next_out; /* next input the consumer hands on */
	int frontier; /* every input below has registered its id */
	bool *registered;
	/* supplier ids with their period, as 64-bit hashes (memory stays small
	 * at 100,000 inputs; two colliding is a 1 in 10^9 event at that size),
	 * with the first input that used each */
	uint64_t *ids;
	int *owner;
	size_t idcap;
	struct slot slots[WINDOW];
	/* each worker's Lua host: the packs in it are read by the consumer, so
	 * they are freed only after the consumer is done */
	struct lhost *hosts[DILIGO_MAX_JOBS];
	int nhosts;
	struct names *names; /* ids, periods and workbook file names, planned before the run */
	struct series *series; /* the run's order: a supplier's periods in period order */
	const char **inputs;   /* the inputs in that order */
	bool compare;          /* a baseline, or a supplier with several periods */
	struct handoff *handoffs; /* per position with a later period in the run */
};

/* A supplier: its id and period (one supplier, two years: two suppliers). */
static uint64_t hash(const char *s, int period)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	for (int i = 0; i < 4; i++, period >>= 8)
		h = (h ^ (unsigned char)(period & 0xFF)) * 1099511628211ULL;
	h ^= h >> 31; /* mix the high bits into the slot index */
	return h ? h : 1; /* 0 marks an empty slot */
}

/* Under mu: the first input index that used id and period (registering i
 * if new). */
static int id_owner(struct batch *b, const char *id, int period, int i)
{
	uint64_t key = hash(id, period);
	size_t h = (size_t)key & (b->idcap - 1);

	while (b->ids[h]) {
		if (b->ids[h] == key) {
			if (i < b->owner[h])
				b->owner[h] = i;
			return b->owner[h];
		}
		h = (h + 1) & (b->idcap - 1);
	}
	b->ids[h] = key;
	b->owner[h] = i;
	return i;
}

static void register_input(struct batch *b, int i, const char *id, int period)
{
	pthread_mutex_lock(&b->mu);
	if (id)
		id_owner(b, id, period, i);
	b->registered[i] = true;
	while (b->frontier < b->o->ninputs && b->registered[b->frontier])
		b->frontier++;
	pthread_cond_broadcast(&b->cv);
	pthread_mutex_unlock(&b->mu);
}

/* Wait until every input before i registered; then the owner of id. */
static int settled_owner(struct batch *b, int i, const char *id, int period)
{
	int owner;

	pthread_mutex_lock(&b->mu);
	while (b->frontier < i)
		pthread_cond_wait(&b->cv, &b->mu);
	owner = id_owner(b, id, period, i);
	pthread_mutex_unlock(&b->mu);
	return owner;
}

/* Is file (a path) in the directory dir? */
static bool in_dir(const char *file, const char *dir)
{
	const char *slash = strrchr(file, '/');
	char parent[DILIGO_MAX_PATH];
	struct stat a, b;

	if (!slash)
		snprintf(parent, sizeof parent, ".");
	else if (slash == file)
		snprintf(parent, sizeof parent, "/");
	else
		snprintf(parent, sizeof parent, "%.*s", (int)(slash - file), file);
	return !stat(parent, &a) && !stat(dir, &b) && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

static struct report_opts report_opts(const struct batch_opts *o)
{
	return (struct report_opts){ .stakeholder = o->stakeholder,
				     .pseudonymise = o->stakeholder && o->pseudonymise,
				     .key = o->key, .keylen = o->keylen, .paper = o->paper,
				     .now = o->now };
}

/* Workbook names for every input, keeping clear of the portfolio's and the
 * JSON file's names when they go into the same directory. */
static void plan_names(struct batch *b, int jobs)
{
	const struct batch_opts *o = b->o;
	const char *dir = o->output ? o->output : ".", *reserved[2];
	const char *others[2] = { o->portfolio, o->json && strcmp(o->json, "-") ? o->json : NULL };
	int n = 0;

	for (int k = 0; k < 2; k++)
		if (others[k] && in_dir(others[k], dir))
			reserved[n++] = strrchr(others[k], '/') ? strrchr(others[k], '/') + 1 : others[k];
	/* pseudonymised copies are named by pseudonym, never by id (names.h) */
	b->names = names_plan_keyed(o->inputs, o->ninputs, reserved, n, jobs,
				    o->stakeholder && o->pseudonymise ? o->key : NULL, o->keylen);
	b->series = series_plan(b->names, o->ninputs);
	b->inputs = xcalloc((size_t)o->ninputs, sizeof *b->inputs);
	for (int i = 0; i < o->ninputs; i++)
		b->inputs[i] = o->inputs[b->series->order[i]];
	b->compare = o->baseline || b->series->any;
	if (b->series->any) {
		b->handoffs = xcalloc((size_t)o->ninputs, sizeof *b->handoffs);
		for (int i = 0; i < o->ninputs; i++)
			if (b->series->prev[i] >= 0)
				b->handoffs[b->series->prev[i]].readers++;
	}
}

/* The supplier workbook of input i: at -o FILE (one input), else under the
 * name planned for it (names.h) in the -o directory. */
static void write_workbook(struct batch *b, int i, struct slot *s)
{
	const struct batch_opts *o = b->o;
	struct report_opts ro = report_opts(o);
	const char *name;

	if (o->output && !o->output_is_dir) {
		snprintf(s->workbook, sizeof s->workbook, "%s", o->output);
	} else if ((name = names_get(b->names, b->series->order[i], s->q->supplier.id,
				     s->q->period))) {
		snprintf(s->workbook, sizeof s->workbook, "%s/%s", o->output ? o->output : ".", name);
	} else { /* its id or period is not what it was when the names were planned */
		s->status = err_set(&s->err, ERR_IO, "%s: changed while diligo was running; "
				    "no workbook written", b->inputs[i]);
		return;
	}
	if (report_supplier_xlsx(s->workbook, &s->a, &ro, &s->err)) {
		s->status = ERR_IO;
		s->workbook[0] = '\0';
	}
}

/* Wait for the earlier period at position k to be assessed: its prior, or
 * NULL when it failed. */
static struct prior *wait_prior(struct batch *b, int k)
{
	struct prior *p;

	pthread_mutex_lock(&b->mu);
	while (!b->handoffs[k].done)
		pthread_cond_wait(&b->cv, &b->mu);
	p = b->handoffs[k].prior;
	pthread_mutex_unlock(&b->mu);
	return p;
}

/* Hand what input i compares as on to its supplier's next period. */
static void publish(struct batch *b, int i, const struct slot *s)
{
	struct arena *ar = NULL;
	struct prior *p = NULL;

	if (!b->handoffs || !b->series->next[i])
		return;
	if (s->status == 0) {
		ar = arena_new();
		p = change_prior_from(&s->a, s->a.change, b->inputs[i], ar);
	}
	pthread_mutex_lock(&b->mu);
	b->handoffs[i].done = true;
	b->handoffs[i].prior = p;
	b->handoffs[i].ar = ar;
	pthread_cond_broadcast(&b->cv);
	pthread_mutex_unlock(&b->mu);
}

/* The prior of input i: its supplier's previous period in the run, or the
 * baseline's latest earlier period, whichever is more recent (for one
 * period, a baseline workbook: it holds what people typed). */
static struct prior *find_prior(struct batch *b, int i, struct slot *s)
{
	const struct baseline_entry *x = baseline_find(b->o->baseline, s->q->supplier.id,
						       s->q->period);
	int k = b->series->prev[i];
	struct prior *in_run = k >= 0 ? wait_prior(b, k) : NULL, *p = NULL;

	if (x) {
		if (baseline_load(b->o->baseline, x, s->q->arena, &p, &s->warn)) {
			s->warned = true;
			p = NULL;
		} else if (in_run && (in_run->period > p->period ||
				      (in_run->period == p->period && p->source != PRIOR_WORKBOOK))) {
			p = NULL;
		}
	}
	return p ? p : in_run;
}

/* Compare input i with its prior (change.h). */
static void compare(struct batch *b, struct lhost *h, int i, struct slot *s)
{
	struct change *c = arena_alloc(s->q->arena, sizeof *c);
	struct prior *p = find_prior(b, i, s);

	if (p)
		assess_compare(h, &s->a, p, &b->o->isolate, s->q->arena, c);
	else
		change_none(c, &s->a, s->q->arena);
	s->a.change = c;
}

/* One input, start to end, in the worker's own Lua host. */
static void assess(struct batch *b, struct lhost *h, int i, struct slot *s)
{
	const struct batch_opts *o = b->o;
	int owner, clash = b->series->clash[i];

	s->status = assess_load(h, b->inputs[i], o->sector, o->per_supplier, &s->q, &s->err);
	if (s->status) {
		register_input(b, i, NULL, 0);
		if (s->status == ERR_USAGE) /* -s names no pack: each input says so */
			s->status = ERR_INPUT;
		return;
	}
	register_input(b, i, s->q->supplier.id, s->q->period);
	s->q->crisk = o->crisk;
	if ((s->status = assess_run(h, s->q, &s->a, &o->isolate, &s->err)))
		return;
	owner = settled_owner(b, i, s->q->supplier.id, s->q->period);
	if (owner != i || (clash >= 0 && !s->q->period)) {
		const struct ynode *id = ynode_get(ynode_get(s->q->root, "supplier"), "id");

		if (owner != i)
			s->status = qn_err_at(&s->err, ERR_INPUT, s->q, id,
					      "supplier id '%s' is already used by %s",
					      s->q->supplier.id, b->inputs[owner]);
		else
			s->status = qn_err_at(&s->err, ERR_INPUT, s->q, id,
					      "supplier id '%s' is already used by %s, which has a "
					      "period: give this questionnaire its period too",
					      s->q->supplier.id, o->inputs[clash]);
		return;
	}
	if (b->compare)
		compare(b, h, i, s);
	if (o->per_supplier)
		write_workbook(b, i, s);
}

static struct slot *take(struct batch *b, int *index)
{
	struct slot *s = NULL;

	pthread_mutex_lock(&b->mu);
	while (b->next_in < b->o->ninputs && b->next_in >= b->next_out + WINDOW)
		pthread_cond_wait(&b->cv, &b->mu);
	if (b->next_in < b->o->ninputs) {
		*index = b->next_in++;
		s = &b->slots[*index % WINDOW];
	}
	pthread_mutex_unlock(&b->mu);
	return s;
}

static void *worker(void *arg)
{
	struct batch *b = arg;
	struct err e = { 0 };
	struct lhost *h = lhost_new(&b->o->lhost, &e);
	struct slot *s;
	int i;

	pthread_mutex_lock(&b->mu);
	b->hosts[b->nhosts++] = h;
	pthread_mutex_unlock(&b->mu);
	while ((s = take(b, &i))) {
		struct slot local = { .index = i };

		if (!h) {
			local.status = e.code ? e.code : ERR_PACK;
			local.err = e;
			register_input(b, i, NULL, 0);
		} else {
			assess(b, h, i, &local);
		}
		publish(b, i, &local);
		pthread_mutex_lock(&b->mu);
		*s = local;
		s->done = true;
		pthread_cond_broadcast(&b->cv);
		pthread_mutex_unlock(&b->mu);
	}
	return NULL;
}

static void count(struct batch_summary *sum, const struct slot *s, const struct batch_opts *o)
{
	if (s->warned) {
		o->diag(o->ud, &s->warn);
		sum->invalid++;
	}
	if (s->status == 0) {
		sum->assessed++;
		sum->red_flags += s->a.red_flag;
		sum->workbooks += o->per_supplier;
		for (int f = 0; f < s->a.nfindings; f++)
			if ((int)s->a.findings[f].level > sum->max_level)
				sum->max_level = (int)s->a.findings[f].level;
		return;
	}
	o->diag(o->ud, &s->err);
	if (s->status == ERR_PACK)
		sum->pack_errors++;
	else if (s->status == ERR_IO)
		sum->io_errors++;
	else
		sum->invalid++;
}

/* One finished item, in input order: counted, to the sinks, then freed. */
static void hand_on(struct batch *b, struct slot *s, int i, struct sink **sinks, int nsinks,
		    struct batch_summary *sum)
{
	int k0 = b->series->prev[i];

	count(sum, s, b->o);
	for (int k = 0; k < nsinks; k++)
		sink_item(sinks[k], b->inputs[i], s->workbook[0] ? s->workbook : NULL,
			  s->status ? NULL : &s->a, s->status ? &s->err : NULL);
	qn_free(s->q);
	s->q = NULL;
	if (k0 >= 0 && !--b->handoffs[k0].readers) { /* its last reader is done */
		arena_free(b->handoffs[k0].ar);
		b->handoffs[k0].ar = NULL;
	}
	if (b->o->progress)
		b->o->progress(b->o->ud, i + 1, b->o->ninputs);
}

/* The consumer: waits for each item in input order. */
static void consume(struct batch *b, struct sink **sinks, int nsinks, struct batch_summary *sum)
{
	for (int i = 0; i < b->o->ninputs; i++) {
		struct slot *s = &b->slots[i % WINDOW];

		pthread_mutex_lock(&b->mu);
		while (!(s->done && s->index == i))
			pthread_cond_wait(&b->cv, &b->mu);
		pthread_mutex_unlock(&b->mu);
		hand_on(b, s, i, sinks, nsinks, sum);
		pthread_mutex_lock(&b->mu);
		s->done = false;
		s->index = -1;
		b->next_out = i + 1;
		pthread_cond_broadcast(&b->cv);
		pthread_mutex_unlock(&b->mu);
	}
}

/* -j 1: no threads at all; each input is assessed and handed on in turn. */
static void run_inline(struct batch *b, struct sink **sinks, int nsinks, struct batch_summary *sum)
{
	struct err e = { 0 };
	struct lhost *h = lhost_new(&b->o->lhost, &e);

	b->hosts[b->nhosts++] = h;
	for (int i = 0; i < b->o->ninputs; i++) {
		struct slot *s = &b->slots[0];

		memset(s, 0, sizeof *s);
		s->index = i;
		if (!h) {
			s->status = e.code ? e.code : ERR_PACK;
			s->err = e;
			register_input(b, i, NULL, 0);
		} else {
			assess(b, h, i, s);
		}
		publish(b, i, s);
		hand_on(b, s, i, sinks, nsinks, sum);
	}
}

static int open_sinks(const struct batch_opts *o, struct sink **sinks, int *n)
{
	struct err e = { 0 };
	struct report_opts ro = report_opts(o);

	*n = 0;
	if (o->portfolio) {
		sinks[*n] = sink_portfolio_new(o->portfolio, &ro, &e);
		if (!sinks[*n])
			goto fail;
		(*n)++;
	}
	if (o->json) {
		sinks[*n] = sink_json_new(o->json, &ro, &e);
		if (!sinks[*n])
			goto fail;
		(*n)++;
	}
	return 0;
fail:
	o->diag(o->ud, &e);
	for (int i = 0; i < *n; i++)
		sink_abort(sinks[i]);
	return err_exit_code(e.code);
}

static int online_cores(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > DILIGO_DEFAULT_JOBS_CAP ? DILIGO_DEFAULT_JOBS_CAP : (int)n;
}

int batch_run(const struct batch_opts *o, struct batch_summary *sum)
{
	struct batch *b = xcalloc(1, sizeof *b);
	struct sink *sinks[2];
	pthread_t tids[DILIGO_MAX_JOBS];
	int nsinks, jobs = o->jobs ? o->jobs : online_cores(), rc;

	if (jobs > o->ninputs)
		jobs = o->ninputs;
	if ((rc = open_sinks(o, sinks, &nsinks))) {
		free(b);
		return rc;
	}
	b->o = o;
	plan_names(b, jobs); /* before any workbook: ids, periods, series, names */
	pthread_mutex_init(&b->mu, NULL);
	pthread_cond_init(&b->cv, NULL);
	b->registered = xcalloc((size_t)o->ninputs, sizeof *b->registered);
	for (b->idcap = 64; b->idcap < (size_t)o->ninputs * 2; b->idcap <<= 1)
		;
	b->ids = xcalloc(b->idcap, sizeof *b->ids);
	b->owner = xcalloc(b->idcap, sizeof *b->owner);
	for (int i = 0; i < WINDOW; i++)
		b->slots[i].index = -1;
	sum->max_level = -1;
	if (jobs == 1) {
		run_inline(b, sinks, nsinks, sum);
	} else {
		for (int t = 0; t < jobs; t++)
			pthread_create(&tids[t], NULL, worker, b);
		consume(b, sinks, nsinks, sum);
		for (int t = 0; t < jobs; t++)
			pthread_join(tids[t], NULL);
	}
	for (int k = 0; k < nsinks; k++) {
		struct err e = { 0 };

		if (sink_close(sinks[k], &e)) {
			o->diag(o->ud, &e);
			sum->outputs_failed++;
		}
	}
	for (int t = 0; t < b->nhosts; t++) /* after the sinks: they read the packs */
		lhost_free(b->hosts[t]);
	free(b->ids);
	free(b->owner);
	free(b->registered);
	names_free(b->names);
	for (int i = 0; b->handoffs && i < o->ninputs; i++)
		arena_free(b->handoffs[i].ar);
	free(b->handoffs);
	free(b->inputs);
	series_free(b->series);
	pthread_mutex_destroy(&b->mu);
	pthread_cond_destroy(&b->cv);
	free(b);
	return 0;
}
