/* Scoring, exactly as published in docs/scoring.md and the Method sheet. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "score.h"

static const char *const level_names[LVL__COUNT] = { "low", "medium", "high", "critical" };

const char *level_name(enum level l)
{
	return l < LVL__COUNT ? level_names[l] : "?";
}

int level_parse(const char *s)
{
	for (int i = 0; i < LVL__COUNT; i++)
		if (!strcmp(s, level_names[i]))
			return i;
	return -1;
}

void score_init(struct assessment *a, const struct qn *q)
{
	int n = q->pack->nquestions ? q->pack->nquestions : 1;

	memset(a, 0, sizeof *a);
	a->qn = q;
	a->pack = q->pack;
	a->fn_score = arena_alloc(q->arena, (size_t)n * sizeof *a->fn_score);
	a->qscore = arena_alloc(q->arena, (size_t)n * sizeof *a->qscore);
	for (int i = 0; i < n; i++)
		a->fn_score[i] = NAN;
}

char score_rating(double s)
{
	if (isnan(s))
		return 'E';
	return s >= 80 ? 'A' : s >= 60 ? 'B' : s >= 40 ? 'C' : s >= 20 ? 'D' : 'E';
}

static double option_score(const struct question *q, const char *v)
{
	for (int i = 0; i < q->nopts; i++)
		if (!strcmp(q->opts[i].value, v))
			return q->opts[i].has_score ? q->opts[i].score : 0;
	return 0;
}

/* s in [0,1], or NAN when the question does not count (na, informational,
 * a score function that said n/a). Unanswered and unknown score 0. */
static double question_score(const struct assessment *a, int i)
{
	const struct question *q = &a->pack->questions[i];
	const struct answer *ans = &a->qn->answers[i];
	double s = 0;

	if (q->informational || ans->state == ANS_NA)
		return NAN;
	if (ans->state != ANS_VALUE)
		return 0;
	if (q->has_score_fn)
		return a->fn_score[i];
	switch (q->kind) {
	case QK_MATURITY:
		return !strcmp(ans->str, "yes") ? 1 : !strcmp(ans->str, "partial") ? 0.5 : 0;
	case QK_CHOICE:
		return option_score(q, ans->str);
	case QK_MULTI:
		for (int k = 0; k < ans->nlist; k++)
			s += option_score(q, ans->list[k]);
		return s > 1 ? 1 : s;
	default:
		return NAN;
	}
}

static bool answered(const struct answer *ans)
{
	return ans->state == ANS_VALUE;
}

static void score_questions(struct assessment *a)
{
	double sum = 0, wsum = 0, answered_w = 0;

	for (int i = 0; i < a->pack->nquestions; i++) {
		double s = question_score(a, i), w = a->pack->questions[i].weight;

		a->qscore[i] = s;
		if (isnan(s))
			continue;
		sum += w * s;
		wsum += w;
		if (answered(&a->qn->answers[i]))
			answered_w += w;
	}
	a->overall = wsum > 0 ? 100 * sum / wsum : NAN;
	a->coverage = wsum > 0 ? answered_w / wsum : NAN;
}

static int cmp_duty_score(const void *x, const void *y)
{
	return strcmp(((const struct duty_score *)x)->duty->id,
		      ((const struct duty_score *)y)->duty->id);
}

static struct duty_score *duty_slot(struct assessment *a, const char *id)
{
	const struct duty *d = pack_find_duty(a->pack, id);

	for (int i = 0; i < a->nduties; i++)
		if (a->duties[i].duty == d)
			return &a->duties[i];
	a->duties[a->nduties].duty = d;
	a->duties[a->nduties].score = NAN;
	return &a->duties[a->nduties++];
}

/* Every duty cited by a question or a finding's rule, with its score over the
 * applicable questions that cite it. */
static void score_duties(struct assessment *a)
{
	const struct pack *p = a->pack;
	int cap = 0;
	double *sum, *wsum;

	for (int i = 0; i < p->nquestions; i++)
		cap += p->questions[i].nduties;
	for (int i = 0; i < p->nrules; i++)
		cap += p->rules[i].nduties;
	a->duties = arena_alloc(a->qn->arena, (size_t)(cap ? cap : 1) * sizeof *a->duties);
	for (int i = 0; i < p->nquestions; i++)
		for (int k = 0; k < p->questions[i].nduties; k++) {
			struct duty_score *d = duty_slot(a, p->questions[i].duties[k]);

			d->nquestions++;
			if (!isnan(a->qscore[i]) && !answered(&a->qn->answers[i]))
				d->gaps++;
		}
	for (int f = 0; f < a->nfindings; f++)
		for (int k = 0; k < a->findings[f].rule->nduties; k++)
			duty_slot(a, a->findings[f].rule->duties[k])->nfindings++;
	qsort(a->duties, (size_t)a->nduties, sizeof *a->duties, cmp_duty_score);
	sum = calloc((size_t)a->nduties + 1, sizeof *sum);
	wsum = calloc((size_t)a->nduties + 1, sizeof *wsum);
	for (int i = 0; i < p->nquestions; i++) {
		if (isnan(a->qscore[i]))
			continue;
		for (int k = 0; k < p->questions[i].nduties; k++) {
			struct duty_score key = { .duty = pack_find_duty(p, p->questions[i].duties[k]) };
			struct duty_score *d = bsearch(&key, a->duties, (size_t)a->nduties,
						       sizeof key, cmp_duty_score);
			size_t j = (size_t)(d - a->duties);

			sum[j] += p->questions[i].weight * a->qscore[i];
			wsum[j] += p->questions[i].weight;
		}
	}
	for (int j = 0; j < a->nduties; j++)
		a->duties[j].score = wsum[j] > 0 ? 100 * sum[j] / wsum[j] : NAN;
	free(sum);
	free(wsum);
}

static int cmp_finding(const void *x, const void *y)
{
	const struct finding *a = x, *b = y;

	if (a->level != b->level)
		return (int)b->level - (int)a->level;
	if (a->priority != b->priority)
		return b->priority - a->priority;
	return strcmp(a->rule->id, b->rule->id);
}

static void score_findings(struct assessment *a)
{
	for (int i = 0; i < a->nfindings; i++) {
		struct finding *f = &a->findings[i];
		const struct rule *r = f->rule;
		int sev = r->scale;

		if (r->scope > sev)
			sev = r->scope;
		if (r->irremediable > sev)
			sev = r->irremediable;
		f->severity = sev;
		f->priority = sev * f->likelihood;
		f->level = (f->priority >= 20 || r->red_flag) ? LVL_CRITICAL
			   : f->priority >= 12			  ? LVL_HIGH
			   : f->priority >= 6			  ? LVL_MEDIUM
								  : LVL_LOW;
		a->per_level[f->level]++;
		a->red_flag |= r->red_flag;
	}
	qsort(a->findings, (size_t)a->nfindings, sizeof *a->findings, cmp_finding);
}

void score_assessment(struct assessment *a)
{
	score_questions(a);
	score_findings(a);
	score_duties(a);
	a->rating = score_rating(a->overall);
	if (a->red_flag && a->rating < 'D')
		a->rating = 'D';
}

static int cmp_area(const void *x, const void *y)
{
	return strcmp(((const struct area_score *)x)->area, ((const struct area_score *)y)->area);
}

int score_areas(const struct assessment *a, struct area_score *out, int max)
{
	const struct pack *p = a->pack;
	double sum[64] = { 0 }, wsum[64] = { 0 };
	int n = 0;

	for (int i = 0; i < p->nquestions; i++) {
		const struct question *q = &p->questions[i];
		bool counted[64] = { false };

		for (int k = 0; k < q->nduties; k++) {
			const struct duty *d = pack_find_duty(p, q->duties[k]);
			int j;

			for (j = 0; j < n && strcmp(out[j].area, d->area); j++)
				;
			if (j == n) {
				if (n == max || n == 64)
					continue;
				out[n].area = d->area;
				out[n].nquestions = 0;
				n++;
			}
			if (counted[j])
				continue;
			counted[j] = true;
			out[j].nquestions++;
			if (!isnan(a->qscore[i])) {
				sum[j] += q->weight * a->qscore[i];
				wsum[j] += q->weight;
			}
		}
	}
	for (int j = 0; j < n; j++)
		out[j].score = wsum[j] > 0 ? 100 * sum[j] / wsum[j] : NAN;
	/* sort together with nothing else depending on the order of sum[] */
	qsort(out, (size_t)n, sizeof *out, cmp_area);
	return n;
}
