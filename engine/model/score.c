/* Scoring, exactly as published in docs/scoring.md and the Method sheet;
 * every constant is in score.h. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"
#include "kind.h"
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

const struct maturity_score score_maturity[SCORE_NMATURITY] = {
	{ "yes", 1 },
	{ "partial", 0.5 },
	{ "no", 0 },
};

const struct level_band score_level_bands[LVL__COUNT] = {
	{ LVL_CRITICAL, 20 },
	{ LVL_HIGH, 12 },
	{ LVL_MEDIUM, 6 },
	{ LVL_LOW, SCORE_PRIORITY_MIN },
};

const struct rating_band score_rating_bands[SCORE_NRATINGS] = {
	{ 'A', 80 }, { 'B', 60 }, { 'C', 40 }, { 'D', 20 }, { 'E', -INFINITY },
};

static const char *const deadlines[LVL__COUNT] = {
	[LVL_MEDIUM] = "within 12 months",
	[LVL_HIGH] = "within 6 months",
	[LVL_CRITICAL] = "immediately; plan within 30 days",
};

const char *score_deadline(enum level l)
{
	return l < LVL__COUNT && l >= SCORE_ACTION_LEVEL ? deadlines[l] : NULL;
}

char score_rating(double s)
{
	for (int i = 0; i < SCORE_NRATINGS - 1; i++)
		if (s >= score_rating_bands[i].min) /* false for NAN */
			return score_rating_bands[i].letter;
	return score_rating_bands[SCORE_NRATINGS - 1].letter;
}

enum level score_level(int priority, bool red_flag)
{
	enum level l = score_level_bands[LVL__COUNT - 1].level;

	for (int i = 0; i < LVL__COUNT - 1; i++)
		if (priority >= score_level_bands[i].min_priority) {
			l = score_level_bands[i].level;
			break;
		}
	return red_flag && l < SCORE_RED_FLAG_LEVEL ? SCORE_RED_FLAG_LEVEL : l;
}

/* s in [0,SCORE_Q_MAX], or NAN when the question does not count (na,
 * informational, a score function that said n/a). Unanswered and unknown
 * score SCORE_GAP. */
static double question_score(const struct assessment *a, int i)
{
	const struct question *q = &a->pack->questions[i];
	const struct answer *ans = &a->qn->answers[i];
	if (q->informational || ans->state == ANS_NA)
		return NAN;
	if (ans->state != ANS_VALUE)
		return SCORE_GAP;
	if (q->has_score_fn)
		return a->fn_score[i];
	return kind_ops(q->kind)->score(q, ans);
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
	a->overall = wsum > 0 ? SCORE_SCALE * sum / wsum : NAN;
	a->coverage = wsum > 0 ? answered_w / wsum : NAN;
}

/* Every duty cited by a question or a finding's rule, in catalogue (id)
 * order, with its score over the applicable questions that cite it. The
 * pack resolved duty ids to indexes, so this is array arithmetic. */
static void score_duties(struct assessment *a)
{
	const struct pack *p = a->pack;
	int nd = p->nduties;
	double *sum = xcalloc((size_t)nd + 1, 2 * sizeof *sum), *wsum = sum + nd + 1;
	int *cnt = xcalloc((size_t)nd + 1, 3 * sizeof *cnt), *gaps = cnt + nd + 1,
	    *nf = gaps + nd + 1, n = 0;

	for (int i = 0; i < p->nquestions; i++) {
		const struct question *q = &p->questions[i];
		bool applicable = !isnan(a->qscore[i]);

		for (int k = 0; k < q->nduties; k++) {
			int j = q->duty_ix[k];

			cnt[j]++;
			if (!applicable)
				continue;
			sum[j] += q->weight * a->qscore[i];
			wsum[j] += q->weight;
			gaps[j] += !answered(&a->qn->answers[i]);
		}
	}
	for (int f = 0; f < a->nfindings; f++)
		for (int k = 0; k < a->findings[f].rule->nduties; k++)
			nf[a->findings[f].rule->duty_ix[k]]++;
	for (int j = 0; j < nd; j++)
		n += cnt[j] || nf[j];
	a->duties = arena_alloc(a->qn->arena, (size_t)(n ? n : 1) * sizeof *a->duties);
	for (int j = 0; j < nd; j++) {
		struct duty_score *d;

		if (!cnt[j] && !nf[j])
			continue;
		d = &a->duties[a->nduties++];
		d->duty = &p->duties[j];
		d->score = wsum[j] > 0 ? SCORE_SCALE * sum[j] / wsum[j] : NAN;
		d->nquestions = cnt[j];
		d->gaps = gaps[j];
		d->nfindings = nf[j];
	}
	free(sum);
	free(cnt);
}

/* Scores per duty area: each question counts once per area it serves. */
static void score_areas_of(struct assessment *a)
{
	const struct pack *p = a->pack;
	double sum[DILIGO_MAX_AREAS] = { 0 }, wsum[DILIGO_MAX_AREAS] = { 0 };
	int cnt[DILIGO_MAX_AREAS] = { 0 };

	for (int i = 0; i < p->nquestions; i++) {
		const struct question *q = &p->questions[i];
		unsigned hit = 0;

		for (int k = 0; k < q->nduties; k++) {
			int ar = p->duty_area[q->duty_ix[k]];

			if (ar < 0 || (hit & (1u << ar)))
				continue;
			hit |= 1u << ar;
			cnt[ar]++;
			if (!isnan(a->qscore[i])) {
				sum[ar] += q->weight * a->qscore[i];
				wsum[ar] += q->weight;
			}
		}
	}
	for (int k = 0; k < p->nareas; k++) {
		if (!cnt[k])
			continue;
		a->areas[a->nareas].area = p->areas[k];
		a->areas[a->nareas].nquestions = cnt[k];
		a->areas[a->nareas].score = wsum[k] > 0 ? SCORE_SCALE * sum[k] / wsum[k] : NAN;
		a->nareas++;
	}
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
		f->level = score_level(f->priority, r->red_flag);
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
	score_areas_of(a);
	a->rating = score_rating(a->overall);
	if (a->red_flag && a->rating < SCORE_RED_FLAG_CAP)
		a->rating = SCORE_RED_FLAG_CAP;
}

