/* The batch runner. Workers take inputs in order from a shared counter and
 * may run at most WINDOW inputs ahead of the consumer, which receives the
 * finished items strictly in input order (for the portfolio and JSON, and
 * so that memory stays flat). Supplier ids are registered as soon as an
 * input is parsed; a worker writes a workbook only once every earlier input
 * has registered, so "the second one is the duplicate" holds whatever the
 * thread timing. */
#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "arena.h"
#include "assess.h"
#include "batch.h"
#include "report.h"
#include "sink.h"

enum { WINDOW = DILIGO_BATCH_WINDOW };

struct slot {
	int index; /* which input this slot holds, -1 = empty */
	bool done;
	struct qn *q;
	struct assessment a;
	int status; /* 0 or an err code */
	struct err err;
};

struct batch {
	const struct batch_opts *o;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int next_in;  /* next input a worker takes */
	int next_out; /* next input the consumer hands on */
	int frontier; /* every input below has registered its id */
	bool *registered;
	/* supplier ids, as 64-bit hashes (memory stays small at 100,000
	 * inputs; two ids colliding is a 1 in 10^9 event at that size), with
	 * the first input that used each */
	uint64_t *ids;
	int *owner;
	size_t idcap;
	struct slot slots[WINDOW];
	/* each worker's Lua host: the packs in it are read by the consumer, so
	 * they are freed only after the consumer is done */
	struct lhost *hosts[DILIGO_MAX_JOBS];
	int nhosts;
};

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	h ^= h >> 31; /* mix the high bits into the slot index */
	return h ? h : 1; /* 0 marks an empty slot */
}

/* Under mu: the first input index that used id (registering i if new). */
static int id_owner(struct batch *b, const char *id, int i)
{
	uint64_t key = hash(id);
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

static void register_input(struct batch *b, int i, const char *id)
{
	pthread_mutex_lock(&b->mu);
	if (id)
		id_owner(b, id, i);
	b->registered[i] = true;
	while (b->frontier < b->o->ninputs && b->registered[b->frontier])
		b->frontier++;
	pthread_cond_broadcast(&b->cv);
	pthread_mutex_unlock(&b->mu);
}

/* Wait until every input before i registered; then the owner of id. */
static int settled_owner(struct batch *b, int i, const char *id)
{
	int owner;

	pthread_mutex_lock(&b->mu);
	while (b->frontier < i)
		pthread_cond_wait(&b->cv, &b->mu);
	owner = id_owner(b, id, i);
	pthread_mutex_unlock(&b->mu);
	return owner;
}

/* A file name from a supplier id: letters, digits, - _ . kept; the rest _. */
static void safe_name(const char *id, char *out, size_t n)
{
	size_t k = 0;

	for (const char *p = id; *p && k + 6 < n && k < 120; p++)
		out[k++] = isalnum((unsigned char)*p) || *p == '-' || *p == '_' ? *p : '_';
	if (!k || out[0] == '.')
		out[k++] = '_';
	out[k] = '\0';
	strcat(out, ".xlsx");
}

static void write_workbook(struct batch *b, struct slot *s)
{
	const struct batch_opts *o = b->o;
	struct report_opts ro = { .stakeholder = o->stakeholder, .now = o->now };
	char path[4096], name[160];

	if (o->output && !o->output_is_dir) {
		snprintf(path, sizeof path, "%s", o->output);
	} else {
		safe_name(s->q->supplier.id, name, sizeof name);
		snprintf(path, sizeof path, "%s/%s", o->output ? o->output : ".", name);
	}
	if (report_supplier_xlsx(path, &s->a, &ro, &s->err))
		s->status = ERR_IO;
}

/* One input, start to end, in the worker's own Lua host. */
static void assess(struct batch *b, struct lhost *h, int i, struct slot *s)
{
	const struct batch_opts *o = b->o;
	int owner;

	s->status = assess_load(h, o->inputs[i], o->sector, o->per_supplier, &s->q, &s->err);
	if (s->status) {
		register_input(b, i, NULL);
		if (s->status == ERR_USAGE) /* -s names no pack: each input says so */
			s->status = ERR_INPUT;
		return;
	}
	register_input(b, i, s->q->supplier.id);
	if ((s->status = assess_run(h, s->q, &s->a, &s->err)))
		return;
	owner = settled_owner(b, i, s->q->supplier.id);
	if (owner != i) {
		const struct ynode *id = ynode_get(ynode_get(s->q->root, "supplier"), "id");

		s->status = qn_err_at(&s->err, ERR_INPUT, s->q, id,
				      "supplier id '%s' is already used by %s", s->q->supplier.id,
				      o->inputs[owner]);
		return;
	}
	if (o->per_supplier)
		write_workbook(b, s);
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
			register_input(b, i, NULL);
		} else {
			assess(b, h, i, &local);
		}
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
	count(sum, s, b->o);
	for (int k = 0; k < nsinks; k++)
		sink_item(sinks[k], b->o->inputs[i], s->status ? NULL : &s->a,
			  s->status ? &s->err : NULL);
	qn_free(s->q);
	s->q = NULL;
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
			register_input(b, i, NULL);
		} else {
			assess(b, h, i, s);
		}
		hand_on(b, s, i, sinks, nsinks, sum);
	}
}

static int open_sinks(const struct batch_opts *o, struct sink **sinks, int *n)
{
	struct err e = { 0 };

	*n = 0;
	if (o->portfolio) {
		sinks[*n] = sink_portfolio_new(o->portfolio, o->stakeholder, o->now, &e);
		if (!sinks[*n])
			goto fail;
		(*n)++;
	}
	if (o->json) {
		sinks[*n] = sink_json_new(o->json, o->stakeholder, o->now, &e);
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
	pthread_mutex_destroy(&b->mu);
	pthread_cond_destroy(&b->cv);
	free(b);
	return 0;
}
