/* The baseline index and JSON baselines (baseline.h); supplier workbooks
 * are read in baseline_xlsx.c. */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "arena.h"
#include "baseline.h"
#include "infile.h"
#include "json_read.h"

enum bkind { B_JSON, B_WORKBOOK };

struct baseline_entry {
	const char *id;
	int period;
	enum bkind kind;
	const char *file;
	const struct ynode *node; /* JSON: the supplier object */
	bool stakeholder;         /* JSON: a redacted copy */
	int order;                /* in the order read */
};

struct baseline {
	struct arena *ar; /* the parsed JSON documents and the index */
	struct baseline_entry *v;
	int n;
	size_t cap;
	int nfiles;
};

int baseline_size(const struct baseline *b)
{
	return b ? b->n : 0;
}

void baseline_free(struct baseline *b)
{
	if (!b)
		return;
	arena_free(b->ar);
	free(b->v);
	free(b);
}

static int read_all(const char *path, size_t max, char **buf, size_t *len, struct err *e)
{
	struct stat st;
	char *p;
	size_t n = 0;
	int fd;

	if (infile_open(path, &fd, e))
		return ERR_IO;
	if (fstat(fd, &st) || (size_t)st.st_size > max) {
		close(fd);
		return err_set(e, ERR_INPUT, "%s: larger than %zu MiB", path, max >> 20);
	}
	p = xmalloc((size_t)st.st_size + 1);
	while (n < (size_t)st.st_size) {
		ssize_t r = read(fd, p + n, (size_t)st.st_size - n);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int saved = errno;

			close(fd);
			free(p);
			return err_set(e, ERR_IO, "cannot read '%s': %s", path, strerror(saved));
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	p[n] = '\0';
	*buf = p;
	*len = n;
	return 0;
}

static const char *scalar(const struct ynode *map, const char *key)
{
	const struct ynode *v = ynode_get(map, key);

	return v && v->type == Y_SCALAR && v->len ? v->str : NULL;
}

static int int_of(const struct ynode *map, const char *key)
{
	const char *s = scalar(map, key);
	char *end;
	long v;

	if (!s)
		return 0;
	v = strtol(s, &end, 10);
	return *end || v < 0 || v > 100000 ? 0 : (int)v;
}

static double num_of(const struct ynode *map, const char *key)
{
	const char *s = scalar(map, key);
	const struct ynode *v = ynode_get(map, key);
	char *end;
	double d;

	if (!s || !v->plain)
		return NAN;
	d = strtod(s, &end);
	return *end ? NAN : d;
}

static void add(struct baseline *b, const char *id, int period, enum bkind kind, const char *file,
		const struct ynode *node, bool stakeholder)
{
	GROW(b->v, b->n + 1, b->cap);
	b->v[b->n] = (struct baseline_entry){ id, period, kind, file, node, stakeholder, b->n };
	b->n++;
}

/* An earlier run's JSON results: every supplier it assessed. */
static int index_json(struct baseline *b, const char *path, const char *buf, size_t len,
		      struct err *e)
{
	const struct ynode *root = json_parse(b->ar, path, buf, len, e), *sup;
	const char *file = arena_strdup(b->ar, path);

	if (!root)
		return ERR_INPUT;
	sup = ynode_get(root, "suppliers");
	if (root->type != Y_MAP || !scalar(root, "diligo") || !sup || sup->type != Y_SEQ)
		return err_set(e, ERR_USAGE, "%s: not the JSON results of diligo assess "
			       "(no \"diligo\" and \"suppliers\")", path);
	for (int i = 0; i < sup->n; i++) {
		const struct ynode *s = sup->kids[i];
		const char *id = scalar(s, "id"), *aud = scalar(root, "audience");

		if (s->type == Y_MAP && id)
			add(b, id, int_of(s, "period"), B_JSON, file, s,
			    aud && !strcmp(aud, "stakeholder"));
	}
	return 0;
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), m = strlen(tail);

	return n >= m && !strcasecmp(s + n - m, tail);
}

/* One file; in a directory (quiet), what is not an earlier run's output is
 * passed over. */
static int index_file(struct baseline *b, const char *path, bool quiet,
		      void (*warn)(void *, const struct err *), void *ud, struct err *e)
{
	char *buf = NULL;
	size_t len = 0;
	int rc;

	if (++b->nfiles > DILIGO_MAX_BASELINE_FILES)
		return err_set(e, ERR_USAGE, "more than %d baseline files", DILIGO_MAX_BASELINE_FILES);
	if (ends_with(path, ".xlsx")) {
		const char *id;
		int period;

		rc = baseline_probe_workbook(path, b->ar, &id, &period, e);
		if (rc == 1) {
			add(b, id, period, B_WORKBOOK, arena_strdup(b->ar, path), NULL, false);
			return 0;
		}
		if (rc == 0 && !quiet)
			return err_set(e, ERR_USAGE, "%s: not a supplier workbook of diligo assess "
				       "(no Summary sheet with a Supplier id)", path);
		if (rc < 0 && quiet) {
			warn(ud, e);
			err_clear(e);
			return 0;
		}
		return rc < 0 ? rc : 0;
	}
	if ((rc = read_all(path, DILIGO_MAX_BASELINE_BYTES, &buf, &len, e)))
		return rc;
	if (quiet && (len == 0 || buf[strspn(buf, " \t\r\n")] != '{')) {
		free(buf);
		return 0;
	}
	rc = index_json(b, path, buf, len, e);
	free(buf);
	if (rc && quiet) {
		warn(ud, e);
		err_clear(e);
		return 0;
	}
	return rc;
}

static int cmp_name(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* A directory: its *.json and *.xlsx files, in name order (not below). */
static int index_dir(struct baseline *b, const char *dir, void (*warn)(void *, const struct err *),
		     void *ud, struct err *e)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t cap = 0;
	int n = 0, rc = 0;

	if (!d)
		return err_set(e, ERR_IO, "cannot read directory '%s': %s", dir, strerror(errno));
	while ((de = readdir(d))) {
		const char *s = de->d_name;

		if (s[0] == '.' || !strncmp(s, "~$", 2) || !(ends_with(s, ".json") || ends_with(s, ".xlsx")))
			continue; /* hidden, lock files (.~lock.x#, ~$x.xlsx), others */
		GROW(names, n + 1, cap);
		names[n++] = xstrdup(s);
	}
	closedir(d);
	qsort(names, (size_t)n, sizeof *names, cmp_name);
	for (int i = 0; i < n; i++) {
		char path[DILIGO_MAX_PATH];
		struct stat st;

		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		if (!rc && stat(path, &st) == 0 && S_ISREG(st.st_mode))
			rc = index_file(b, path, true, warn, ud, e);
		free(names[i]);
	}
	free(names);
	return rc;
}

static int cmp_entry(const void *x, const void *y)
{
	const struct baseline_entry *a = x, *b = y;
	int c = strcmp(a->id, b->id);

	if (!c)
		c = (a->period > b->period) - (a->period < b->period);
	if (!c)
		c = (a->kind == B_JSON) - (b->kind == B_JSON); /* workbooks first */
	return c ? c : a->order - b->order;
}

struct baseline *baseline_open(const char *const *paths, int n,
			       void (*warn)(void *ud, const struct err *e), void *ud, struct err *e)
{
	struct baseline *b = xcalloc(1, sizeof *b);
	int rc = 0;

	b->ar = arena_new();
	for (int i = 0; i < n && !rc; i++) {
		struct stat st;

		if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode))
			rc = index_dir(b, paths[i], warn, ud, e);
		else
			rc = index_file(b, paths[i], false, warn, ud, e);
	}
	if (rc) {
		baseline_free(b);
		return NULL;
	}
	if (b->n)
		qsort(b->v, (size_t)b->n, sizeof *b->v, cmp_entry);
	return b;
}

const struct baseline_entry *baseline_find(const struct baseline *b, const char *id, int period)
{
	int lo = 0, hi, best = -1;

	if (!b || !b->n || !id)
		return NULL;
	hi = b->n;
	while (lo < hi) { /* the first entry of id */
		int mid = (lo + hi) / 2;

		if (strcmp(b->v[mid].id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (int i = lo; i < b->n && !strcmp(b->v[i].id, id); i++) {
		const struct baseline_entry *x = &b->v[i];

		if (period && x->period && x->period >= period)
			continue;
		/* sorted by period, workbooks first: the first of the latest period */
		if (best < 0 || x->period > b->v[best].period)
			best = i;
	}
	return best < 0 ? NULL : &b->v[best];
}

/* The JSON entry of the same supplier and period as a workbook entry. */
static const struct baseline_entry *json_twin(const struct baseline *b,
					      const struct baseline_entry *x)
{
	for (const struct baseline_entry *y = x + 1;
	     y < b->v + b->n && !strcmp(y->id, x->id) && y->period == x->period; y++)
		if (y->kind == B_JSON)
			return y;
	return NULL;
}

static const char *dup_scalar(struct arena *ar, const struct ynode *map, const char *key)
{
	const char *s = scalar(map, key);

	return s ? arena_strdup(ar, s) : NULL;
}

static struct ynode *ynew(struct arena *ar, enum ytype t, const char *str, int n)
{
	struct ynode *y = arena_alloc(ar, sizeof *y);

	y->type = t;
	y->line = y->col = 1;
	y->str = str ? str : "";
	y->len = strlen(y->str);
	y->plain = true;
	y->kids = arena_alloc(ar, (size_t)(n > 0 ? 2 * n : 1) * sizeof *y->kids);
	return y;
}

static void yput(struct ynode *map, struct arena *ar, const char *key, const struct ynode *v)
{
	map->kids[2 * map->n] = ynew(ar, Y_SCALAR, key, 0);
	map->kids[2 * map->n + 1] = (struct ynode *)v;
	map->n++;
}

/* The questionnaire a JSON supplier object carries, shaped like a
 * questionnaire file (for qn_bind): the answers a stakeholder copy
 * redacted are left out (prior->answers says which). */
static const struct ynode *questionnaire(const struct ynode *s, struct arena *ar)
{
	static const char *const prof[] = { "id", "name", "country", "sector", "employees", "tier" };
	const struct ynode *ans = ynode_get(s, "answers"), *ev = ynode_get(s, "evidence"), *x;
	struct ynode *root = ynew(ar, Y_MAP, NULL, 5), *sup = ynew(ar, Y_MAP, NULL, 6), *am;

	yput(root, ar, "diligo", ynew(ar, Y_SCALAR, "1", 0));
	for (int i = 0; i < 6; i++)
		if ((x = ynode_get(s, prof[i])) && x->type == Y_SCALAR && x->len)
			yput(sup, ar, prof[i], x);
	yput(root, ar, "supplier", sup);
	if ((x = ynode_get(s, "period")) && x->type == Y_SCALAR && x->len)
		yput(root, ar, "period", x);
	am = ynew(ar, Y_MAP, NULL, ans->n);
	for (int i = 0; i < ans->n; i++) {
		const struct ynode *v = ans->kids[2 * i + 1];

		if (ynode_get(v, "redacted"))
			continue;
		am->kids[2 * am->n] = ans->kids[2 * i];
		am->kids[2 * am->n + 1] = (struct ynode *)v;
		am->n++;
	}
	yput(root, ar, "answers", am);
	if (ev && ev->type == Y_MAP)
		yput(root, ar, "evidence", ev);
	return root;
}

static const struct prior_action *json_action(const struct ynode *x, const char *rule,
					      struct arena *ar)
{
	struct prior_action *a;

	if (!x || x->type != Y_MAP)
		return NULL;
	a = arena_alloc(ar, sizeof *a);
	a->rule = rule;
	a->status = dup_scalar(ar, x, "status");
	a->owner = dup_scalar(ar, x, "owner");
	a->due = dup_scalar(ar, x, "due");
	a->notes = dup_scalar(ar, x, "notes");
	return a;
}

/* A supplier object of an earlier run's JSON. */
static struct prior *json_prior(const struct baseline_entry *x, struct arena *ar)
{
	const struct ynode *s = x->node, *v;
	struct prior *p = arena_alloc(ar, sizeof *p);
	const char *r;

	p->source = PRIOR_JSON;
	p->file = arena_strdup(ar, x->file);
	p->id = arena_strdup(ar, x->id);
	p->name = dup_scalar(ar, s, "name");
	p->sector = dup_scalar(ar, s, "sector");
	p->pack_version = dup_scalar(ar, s, "pack_version");
	p->method = int_of(s, "method");
	p->period = x->period;
	p->score = num_of(s, "score");
	p->coverage = num_of(s, "coverage");
	p->rating = (r = scalar(s, "rating")) && strlen(r) == 1 ? r[0] : 0;
	p->red_flag = (r = scalar(s, "red_flag")) && !strcmp(r, "true");
	if ((v = ynode_get(s, "findings_per_level")))
		for (int l = 0; l < LVL__COUNT; l++)
			p->per_level[l] = int_of(v, level_name((enum level)l));
	if ((v = ynode_get(s, "areas")) && v->type == Y_SEQ) {
		p->areas = arena_alloc(ar, (size_t)(v->n ? v->n : 1) * sizeof *p->areas);
		for (int i = 0; i < v->n; i++)
			if (scalar(v->kids[i], "area"))
				p->areas[p->nareas++] = (struct prior_score){
					dup_scalar(ar, v->kids[i], "area"), num_of(v->kids[i], "score") };
	}
	if ((v = ynode_get(s, "findings")) && v->type == Y_SEQ) {
		p->findings = arena_alloc(ar, (size_t)(v->n ? v->n : 1) * sizeof *p->findings);
		for (int i = 0; i < v->n; i++) {
			const struct ynode *f = v->kids[i];
			struct prior_finding *pf;

			if (!scalar(f, "rule"))
				continue;
			pf = &p->findings[p->nfindings++];
			pf->rule = dup_scalar(ar, f, "rule");
			pf->group = dup_scalar(ar, f, "group");
			pf->title = dup_scalar(ar, f, "title");
			pf->level = scalar(f, "level") ? level_parse(scalar(f, "level")) : -1;
			pf->open_since = int_of(f, "open_since");
			pf->action = json_action(ynode_get(f, "action_plan"), pf->rule, ar);
		}
	}
	p->stakeholder = x->stakeholder;
	if ((v = ynode_get(s, "answers")) && v->type == Y_MAP) {
		p->has_answers = true;
		p->questionnaire = questionnaire(s, ar);
		p->answers = arena_alloc(ar, (size_t)(v->n ? v->n : 1) * sizeof *p->answers);
		for (int i = 0; i < v->n; i++) { /* texts filled in when bound (compare.c) */
			const struct ynode *a = v->kids[2 * i + 1];
			const char *c = scalar(a, "confidential");

			p->answers[p->nanswers++] = (struct prior_answer){
				.question = v->kids[2 * i]->str,
				.text = ynode_get(a, "redacted") ? NULL : "",
				.confidential = c && !strcmp(c, "true"),
			};
		}
	}
	return p;
}

int baseline_load(const struct baseline *b, const struct baseline_entry *x, struct arena *ar,
		  struct prior **out, struct err *e)
{
	const struct baseline_entry *twin;
	struct prior *j;
	int rc;

	(void)b;
	if (x->kind == B_JSON) {
		*out = json_prior(x, ar);
		return 0;
	}
	if ((rc = baseline_read_workbook(x->file, ar, out, e)))
		return rc;
	/* the JSON of the same run holds the answers as they can be re-scored */
	if ((twin = json_twin(b, x)) && (j = json_prior(twin, ar))->has_answers) {
		(*out)->questionnaire = j->questionnaire;
		if (!(*out)->has_answers) {
			(*out)->answers = j->answers;
			(*out)->nanswers = j->nanswers;
			(*out)->has_answers = true;
		}
	}
	return 0;
}

struct qn *baseline_qn(const struct prior *p)
{
	struct arena *a = arena_new();
	struct qn *q = arena_alloc(a, sizeof *q);

	q->arena = a;
	q->path = arena_strdup(a, p->file ? p->file : "baseline");
	q->root = (struct ynode *)p->questionnaire;
	return q;
}
