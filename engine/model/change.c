/* The comparison of an assessment with an earlier one (change.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "change.h"
#include "kind.h"
#include "l10n.h"
#include "l10n_pack.h"
#include "score.h"

const char *change_group(const struct rule *r)
{
	return r->group; /* NULL: the rule is an impact of its own */
}

bool change_same(const struct rule *r, const char *rule, const char *group)
{
	const char *g = change_group(r);

	return (rule && !strcmp(r->id, rule)) || (g && group && !strcmp(g, group));
}

const char *change_status_name(enum fstatus s)
{
	return s == FST_PERSISTING ? "persisting" : "new";
}

static void *alloc_n(struct arena *ar, int n, size_t size)
{
	return arena_alloc(ar, (size_t)(n > 0 ? n : 1) * size);
}

void change_none(struct change *c, const struct assessment *a, struct arena *ar)
{
	memset(c, 0, sizeof *c);
	c->score_then = c->coverage_then = NAN;
	c->status = alloc_n(ar, a->nfindings, sizeof *c->status);
	c->open_since = alloc_n(ar, a->nfindings, sizeof *c->open_since);
	c->match = alloc_n(ar, a->nfindings, sizeof *c->match);
	for (int i = 0; i < a->nfindings; i++)
		c->open_since[i] = a->qn->period;
	c->nnew = a->nfindings;
}

/* The earlier finding of src that is finding r now, not taken yet: the same
 * rule id first, then the same group. */
static int find_match(const struct prior *src, const struct rule *r, const bool *taken)
{
	for (int k = 0; k < src->nfindings; k++)
		if (!taken[k] && src->findings[k].rule && !strcmp(src->findings[k].rule, r->id))
			return k;
	for (int k = 0; k < src->nfindings; k++)
		if (!taken[k] && change_same(r, NULL, src->findings[k].group))
			return k;
	return -1;
}

/* The recorded finding of p for an earlier finding f of a re-scored prior
 * (the same rule id or group), or NULL. */
static const struct prior_finding *recorded(const struct prior *p, const struct prior_finding *f)
{
	for (int k = 0; k < p->nfindings; k++)
		if (f->rule && p->findings[k].rule && !strcmp(p->findings[k].rule, f->rule))
			return &p->findings[k];
	for (int k = 0; k < p->nfindings; k++)
		if (f->group && p->findings[k].group && !strcmp(p->findings[k].group, f->group))
			return &p->findings[k];
	return NULL;
}

static void compare_findings(struct change *c, const struct assessment *a, const struct prior *p,
			     const struct prior *src, struct arena *ar)
{
	bool *taken = alloc_n(ar, src->nfindings, sizeof *taken);
	int period = a->qn->period;

	for (int i = 0; i < a->nfindings; i++) {
		int k = find_match(src, a->findings[i].rule, taken);
		const struct prior_finding *m, *rec;

		if (k < 0) {
			c->status[i] = FST_NEW;
			c->open_since[i] = period;
			c->nnew++;
			continue;
		}
		taken[k] = true;
		m = &src->findings[k];
		rec = src == p ? m : recorded(p, m);
		c->status[i] = FST_PERSISTING;
		c->match[i] = rec ? rec : m;
		c->open_since[i] = rec && rec->open_since ? rec->open_since : p->period;
		if (period && c->open_since[i] > period)
			c->open_since[i] = period;
		c->npersisting++;
	}
	c->resolved = alloc_n(ar, src->nfindings, sizeof *c->resolved);
	for (int k = 0; k < src->nfindings; k++) {
		const struct prior_finding *rec;

		if (taken[k])
			continue;
		rec = src == p ? &src->findings[k] : recorded(p, &src->findings[k]);
		c->resolved[c->nresolved++] = rec ? rec : &src->findings[k];
	}
}

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static void compare_areas(struct change *c, const struct assessment *a, const struct prior *src,
			  struct arena *ar)
{
	const char **keys = alloc_n(ar, a->nareas + src->nareas, sizeof *keys);
	const char **then = alloc_n(ar, src->nareas, sizeof *then);
	int n = 0;

	for (int i = 0; i < a->nareas; i++)
		keys[n++] = a->areas[i].area;
	for (int i = 0; i < src->nareas; i++) /* a workbook in French names them in French */
		keys[n++] = then[i] = pack_area_key(a->pack, src->areas[i].key);
	qsort(keys, (size_t)n, sizeof *keys, cmp_str);
	c->areas = alloc_n(ar, n, sizeof *c->areas);
	for (int i = 0; i < n; i++) {
		struct area_change *ac;

		if (i && !strcmp(keys[i], keys[i - 1]))
			continue;
		ac = &c->areas[c->nareas++];
		ac->area = keys[i];
		ac->then = ac->now = NAN;
		for (int k = 0; k < a->nareas; k++)
			if (!strcmp(a->areas[k].area, keys[i]))
				ac->now = a->areas[k].score;
		for (int k = 0; k < src->nareas; k++)
			if (!strcmp(then[k], keys[i]))
				ac->then = src->areas[k].score;
	}
}

static void note(struct change *c, struct arena *ar, int cap, const char *text)
{
	if (c->nnotes < cap)
		c->notes[c->nnotes++] = arena_strdup(ar, text);
}

static int cmp_answer(const void *x, const void *y)
{
	return strcmp((*(const struct prior_answer *const *)x)->question,
		      (*(const struct prior_answer *const *)y)->question);
}

/* The answers that changed, by question id; questions asked on one side
 * only are counted in a note. */
static void compare_answers(struct change *c, const struct assessment *a, const struct prior *p,
			    struct arena *ar, int cap)
{
	const struct pack *pk = a->pack;
	const struct prior_answer **idx = alloc_n(ar, p->nanswers, sizeof *idx);
	bool *seen = alloc_n(ar, p->nanswers, sizeof *seen);
	int added = 0, removed = 0, redacted = 0;
	char buf[DILIGO_REPORT_LIST_TEXT];

	for (int i = 0; i < p->nanswers; i++)
		idx[i] = &p->answers[i];
	qsort(idx, (size_t)p->nanswers, sizeof *idx, cmp_answer);
	c->answers = alloc_n(ar, pk->nquestions, sizeof *c->answers);
	for (int i = 0; i < pk->nquestions; i++) {
		const struct question *qu = &pk->questions[i];
		const struct answer *an = &a->qn->answers[i];
		struct prior_answer key = { .question = qu->id };
		const struct prior_answer *kp = &key, **hit;
		const char *now;

		hit = p->nanswers ? bsearch(&kp, idx, (size_t)p->nanswers, sizeof *idx, cmp_answer)
				  : NULL;
		if (!hit) {
			added++;
			continue;
		}
		seen[hit - idx] = true;
		if (!(*hit)->text) {
			redacted++;
			continue;
		}
		now = kind_answer_text(qu, an, buf, sizeof buf);
		if (!strcmp(now, (*hit)->text))
			continue;
		c->answers[c->nanswers++] = (struct answer_change){
			.question = qu->id, .then = (*hit)->text, .now = arena_strdup(ar, now),
			.confidential = an->confidential || (*hit)->confidential,
		};
	}
	for (int i = 0; i < p->nanswers; i++)
		removed += !seen[i];
	if (added) {
		snprintf(buf, sizeof buf, "%d question%s of pack %s %s %s not asked in the baseline "
			 "(%s %s): %s no earlier answer to compare with.", added, added == 1 ? "" : "s",
			 pk->id, pk->version ? pk->version : "", added == 1 ? "was" : "were",
			 p->sector ? p->sector : "another pack",
			 p->pack_version ? p->pack_version : "", added == 1 ? "it has" : "they have");
		note(c, ar, cap, buf);
	}
	if (removed) {
		snprintf(buf, sizeof buf, "%d question%s answered in the baseline %s no longer in "
			 "pack %s %s: not compared.", removed, removed == 1 ? "" : "s",
			 removed == 1 ? "is" : "are", pk->id, pk->version ? pk->version : "");
		note(c, ar, cap, buf);
	}
	if (redacted) {
		snprintf(buf, sizeof buf, "%d answer%s redacted in the baseline (a stakeholder "
			 "copy): not compared.", redacted, redacted == 1 ? " was" : "s were");
		note(c, ar, cap, buf);
	}
}

enum { MAX_NOTES = 16 };

void change_compute(struct change *c, const struct assessment *a, const struct prior *p,
		    const struct prior *then, const char *const *notes, int nnotes,
		    struct arena *ar)
{
	const struct prior *src = then ? then : p;
	int cap = nnotes + MAX_NOTES;

	change_none(c, a, ar);
	c->nnew = 0;
	c->from = p;
	c->from_period = p->period;
	c->rescored = then != NULL;
	c->score_then = src->score;
	c->coverage_then = src->coverage;
	c->rating_then = src->rating;
	c->red_flag_then = src->red_flag;
	memcpy(c->per_level_then, src->per_level, sizeof c->per_level_then);
	c->notes = alloc_n(ar, cap, sizeof *c->notes);
	for (int i = 0; i < nnotes; i++)
		note(c, ar, cap, notes[i]);
	compare_findings(c, a, p, src, ar);
	compare_areas(c, a, src, ar);
	if (p->has_answers)
		compare_answers(c, a, p, ar, cap);
	else
		note(c, ar, cap, l10n_text(a->pack->l10n, "CHANGE_NO_ANSWERS", CHANGE_NO_ANSWERS));
}

enum trend change_trend(const struct assessment *a, const struct change *c)
{
	double d;

	if (!c || !c->from)
		return TREND_NONE;
	if (c->rating_then && c->rating_then != a->rating)
		return a->rating < c->rating_then ? TREND_BETTER : TREND_WORSE;
	d = a->overall - c->score_then;
	if (isnan(d) || fabs(d) <= CHANGE_SCORE_EPS)
		return TREND_SAME;
	return d > 0 ? TREND_BETTER : TREND_WORSE;
}

static const char *dup(struct arena *ar, const char *s)
{
	return s ? arena_strdup(ar, s) : NULL;
}

static const struct prior_action *dup_action(struct arena *ar, const struct prior_action *x)
{
	struct prior_action *y;

	if (!x)
		return NULL;
	y = arena_alloc(ar, sizeof *y);
	*y = (struct prior_action){ dup(ar, x->rule), dup(ar, x->title), dup(ar, x->owner),
				    dup(ar, x->status), dup(ar, x->notes), dup(ar, x->due),
				    x->due_serial };
	return y;
}

struct prior *change_prior_from(const struct assessment *a, const struct change *c,
				const char *file, struct arena *ar)
{
	struct prior *p = arena_alloc(ar, sizeof *p);
	const struct qn *q = a->qn;
	const struct pack *pk = a->pack;
	char buf[DILIGO_REPORT_LIST_TEXT];

	p->source = PRIOR_RUN;
	p->file = dup(ar, file);
	p->id = dup(ar, q->supplier.id);
	p->name = dup(ar, q->supplier.name);
	p->sector = dup(ar, pk->id);
	p->pack_version = dup(ar, pk->version);
	p->method = SCORE_METHOD_VERSION;
	p->period = q->period;
	p->score = a->overall;
	p->coverage = a->coverage;
	p->rating = a->rating;
	p->red_flag = a->red_flag;
	memcpy(p->per_level, a->per_level, sizeof p->per_level);
	p->areas = alloc_n(ar, a->nareas, sizeof *p->areas);
	for (int i = 0; i < a->nareas; i++)
		p->areas[p->nareas++] = (struct prior_score){ dup(ar, a->areas[i].area),
							      a->areas[i].score };
	p->findings = alloc_n(ar, a->nfindings, sizeof *p->findings);
	for (int i = 0; i < a->nfindings; i++) {
		const struct rule *r = a->findings[i].rule;
		const struct prior_finding *m = c && c->match ? c->match[i] : NULL;

		p->findings[p->nfindings++] = (struct prior_finding){
			.rule = dup(ar, r->id), .group = dup(ar, change_group(r)),
			.title = dup(ar, r->title), .level = (int)a->findings[i].level,
			.open_since = c && c->open_since ? c->open_since[i] : q->period,
			.action = m ? dup_action(ar, m->action) : NULL,
		};
	}
	if (c && c->from) { /* rows people added by hand stay with the supplier */
		p->extra_actions = alloc_n(ar, c->from->nextra_actions, sizeof *p->extra_actions);
		for (int i = 0; i < c->from->nextra_actions; i++)
			p->extra_actions[p->nextra_actions++] = dup_action(ar, c->from->extra_actions[i]);
	}
	p->answers = alloc_n(ar, pk->nquestions, sizeof *p->answers);
	for (int i = 0; i < pk->nquestions; i++)
		p->answers[p->nanswers++] = (struct prior_answer){
			.question = dup(ar, pk->questions[i].id),
			.text = dup(ar, kind_answer_text(&pk->questions[i], &q->answers[i], buf,
							 sizeof buf)),
			.confidential = q->answers[i].confidential,
		};
	p->has_answers = true;
	return p;
}
