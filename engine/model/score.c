/* Scoring, exactly as published in docs/scoring.md and the Method sheet;
 * every constant is in score.h. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"
#include "crisk.h"
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

/* Worst first: the first row that applies is the binding cap. */
const struct finding_cap score_finding_caps[SCORE_NFINDING_CAPS] = {
	{ LVL_CRITICAL, true, true, 1, 'E' },
	{ LVL_CRITICAL, true, false, 1, 'D' },
	{ LVL_CRITICAL, false, false, 2, 'D' },
	{ LVL_CRITICAL, false, false, 1, 'C' },
	{ LVL_HIGH, false, false, 3, 'C' },
	{ LVL_HIGH, false, false, 1, 'B' },
};

const struct share_cap score_coverage_caps[SCORE_NCOVERAGE_CAPS] = {
	{ 0.6, 'D' }, { 0.8, 'C' }, { 0.9, 'B' },
};

const struct share_cap score_evidence_caps[SCORE_NEVIDENCE_CAPS] = {
	{ 0.5, 'C' }, { 0.75, 'B' },
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

bool score_small(long employees)
{
	return employees >= 1 && employees < SCORE_SMALL_EMPLOYEES;
}

double score_severity(int scale, int scope, int irremediable)
{
	int top = scale;

	if (scope > top)
		top = scope;
	if (irremediable > top)
		top = irremediable;
	return (double)(scale + scope + irremediable + SCORE_SEVERITY_EXTRA * top) /
	       (3 + SCORE_SEVERITY_EXTRA);
}

enum level score_level(double priority, bool red_flag)
{
	enum level l = score_level_bands[LVL__COUNT - 1].level;

	for (int i = 0; i < LVL__COUNT - 1; i++)
		if (priority >= score_level_bands[i].min_priority) {
			l = score_level_bands[i].level;
			break;
		}
	return red_flag && l < SCORE_RED_FLAG_LEVEL ? SCORE_RED_FLAG_LEVEL : l;
}

const char *score_cap_text(int i, char *buf, size_t n)
{
	const struct finding_cap *c = &score_finding_caps[i];

	if (c->actual_severe)
		snprintf(buf, n, "%c: a red flag on an actual impact of severity %g or more", c->cap,
			 SCORE_SEVERE);
	else if (c->red_flag)
		snprintf(buf, n, "%c: a red flag", c->cap);
	else
		snprintf(buf, n, "%c: %d %s finding%s or worse", c->cap, c->count, level_name(c->level),
			 c->count == 1 ? "" : "s");
	return buf;
}

/* Whether one finding (or group aggregate) meets a cap row's kind. */
static bool cap_row_fits(const struct finding_cap *c, enum level level, bool red_flag,
			 bool actual_severe)
{
	return level >= c->level && (!c->red_flag || red_flag) &&
	       (!c->actual_severe || actual_severe);
}

static bool actual_severe(const struct rule *r, double severity)
{
	return r->red_flag && r->actual && severity >= SCORE_SEVERE;
}

char score_finding_cap(const struct finding *f)
{
	for (int i = 0; i < SCORE_NFINDING_CAPS; i++) {
		const struct finding_cap *c = &score_finding_caps[i];

		if (c->count == 1 &&
		    cap_row_fits(c, f->level, f->rule->red_flag, actual_severe(f->rule, f->severity)))
			return c->cap;
	}
	return score_rating_bands[0].letter;
}

double score_finding_key(const struct rule *r, int scale, int scope, int irremediable,
			 int likelihood)
{
	double sev = score_severity(scale, scope, irremediable), pri = sev * likelihood;
	enum level l = score_level(pri, r->red_flag);
	struct finding f = { .rule = r, .severity = sev, .level = l };
	char cap = score_finding_cap(&f);

	return (double)(cap - 'A') * 10000 + (double)l * 1000 + pri;
}

/* s in [0,SCORE_Q_MAX], or NAN when the question does not count (not
 * applicable, informational, a score function that said n/a). Unanswered,
 * unknown and applicability unknown score SCORE_GAP. */
static double raw_score(const struct assessment *a, int i)
{
	const struct question *q = &a->pack->questions[i];
	const struct answer *ans = &a->qn->answers[i];
	int appl = a->qn->applies ? a->qn->applies[i] : APPL_YES;

	if (q->informational || appl == APPL_NO || ans->state == ANS_NA)
		return appl == APPL_UNKNOWN && !q->informational ? SCORE_GAP : NAN;
	if (ans->state != ANS_VALUE || appl == APPL_UNKNOWN)
		return SCORE_GAP;
	if (q->has_score_fn)
		return a->fn_score[i];
	return kind_ops(q->kind)->score(q, ans);
}

/* Whether an answer cites evidence that exists and is not stale. */
static bool evidenced(const struct qn *q, const struct answer *ans)
{
	for (int k = 0; k < ans->nevidence; k++)
		for (int j = 0; j < q->nevidence; j++)
			if (!strcmp(q->evidence[j].id, ans->evidence[k]) && !q->evidence[j].stale)
				return true;
	return false;
}

static bool answered(const struct assessment *a, int i)
{
	return a->qn->answers[i].state == ANS_VALUE &&
	       (!a->qn->applies || a->qn->applies[i] != APPL_UNKNOWN);
}

static void score_questions(struct assessment *a)
{
	double sum = 0, wsum = 0, answered_w = 0, ev_w = 0, claim_w = 0, backed_w = 0;

	for (int i = 0; i < a->pack->nquestions; i++) {
		const struct question *q = &a->pack->questions[i];
		double s = raw_score(a, i), w = q->weight;

		if (!isnan(s) && q->evidence) {
			bool claim = s > 0 && answered(a, i);
			bool backed = claim && evidenced(a->qn, &a->qn->answers[i]);

			ev_w += w;
			claim_w += claim ? w : 0;
			backed_w += backed ? w : 0;
			if (claim && !backed)
				s *= SCORE_UNEVIDENCED;
		}
		a->qscore[i] = s;
		if (isnan(s))
			continue;
		sum += w * s;
		wsum += w;
		if (answered(a, i))
			answered_w += w;
	}
	a->overall = wsum > 0 ? SCORE_SCALE * sum / wsum : NAN;
	a->coverage = wsum > 0 ? answered_w / wsum : NAN;
	a->claimed = ev_w > 0 ? claim_w / ev_w : NAN;
	a->evidenced = ev_w > 0 ? backed_w / ev_w : NAN;
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
			gaps[j] += !answered(a, i);
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

/* Severity first (UNGP 24), then likelihood, then level (red flags
 * first), then rule id: the same order on any machine. */
static int cmp_finding(const void *x, const void *y)
{
	const struct finding *a = x, *b = y;

	if (a->severity != b->severity)
		return a->severity < b->severity ? 1 : -1;
	if (a->likelihood != b->likelihood)
		return b->likelihood - a->likelihood;
	if (a->level != b->level)
		return (int)b->level - (int)a->level;
	return strcmp(a->rule->id, b->rule->id);
}

/* Country risk: one step more likelihood for the first of the rule's risk
 * columns the supplier's country has. */
static void context(const struct assessment *a, struct finding *f)
{
	const struct rule *r = f->rule;

	for (int k = 0; k < r->nrisks && !f->context; k++) {
		double v = crisk_value(a->qn->crisk, a->qn->supplier.country, r->risks[k]);

		if (v >= SCORE_CONTEXT_MIN && f->likelihood < SCORE_COMPONENT_MAX) {
			f->likelihood += SCORE_CONTEXT_STEP;
			if (f->likelihood > SCORE_COMPONENT_MAX)
				f->likelihood = SCORE_COMPONENT_MAX;
			f->context = SCORE_CONTEXT_STEP;
			f->context_risk = r->risks[k];
		}
	}
}

static const char *group_of(const struct finding *f)
{
	return f->rule->group ? f->rule->group : f->rule->id;
}

/* One impact, one entry: the most severe finding of a group leads and the
 * others follow it as corroborating findings. */
static void group_findings(struct assessment *a)
{
	int n = a->nfindings, k = 0;
	struct finding *out = arena_alloc(a->qn->arena, (size_t)(n ? n : 1) * sizeof *out);
	bool *done = xcalloc((size_t)(n ? n : 1), sizeof *done);

	for (int i = 0; i < n; i++) {
		int lead = k;

		if (done[i])
			continue;
		for (int j = i; j < n; j++) {
			if (done[j] || strcmp(group_of(&a->findings[i]), group_of(&a->findings[j])))
				continue;
			done[j] = true;
			out[k] = a->findings[j];
			out[k++].lead = lead;
		}
	}
	free(done);
	a->findings = out;
}

struct group {
	enum level level;
	bool red_flag, confirmed, actual_severe;
	const char *lead;
};

/* The groups' worst level and kinds, into g (one per lead); returns the count. */
static int groups(const struct assessment *a, struct group *g)
{
	int n = 0;

	for (int i = 0; i < a->nfindings; i++) {
		const struct finding *f = &a->findings[i];
		struct group *x;

		if (f->lead == i)
			g[n++] = (struct group){ .lead = f->rule->id };
		x = &g[n - 1];
		if (f->level > x->level)
			x->level = f->level;
		x->red_flag |= f->rule->red_flag;
		x->confirmed |= f->red_flag;
		x->actual_severe |= actual_severe(f->rule, f->severity);
	}
	return n;
}

static void score_findings(struct assessment *a)
{
	for (int i = 0; i < a->nfindings; i++) {
		struct finding *f = &a->findings[i];

		context(a, f);
		f->severity = score_severity(f->scale, f->scope, f->irremediable);
		f->priority = f->severity * f->likelihood;
		f->red_flag = f->rule->red_flag && !f->info;
		f->level = score_level(f->priority, f->rule->red_flag);
		f->cap = score_finding_cap(f);
		a->info_findings += f->info;
	}
	qsort(a->findings, (size_t)a->nfindings, sizeof *a->findings, cmp_finding);
	group_findings(a);
}

/* The worst cap of the findings' groups into *cap, with its reason. */
static void finding_caps(struct assessment *a, char *cap, const char **why)
{
	struct group *g = xcalloc((size_t)(a->nfindings ? a->nfindings : 1), sizeof *g);
	int n = groups(a, g);

	for (int i = 0; i < n; i++) {
		a->per_level[g[i].level]++;
		a->red_flags += g[i].confirmed;
		a->red_flags_unresolved += g[i].red_flag && !g[i].confirmed;
	}
	a->red_flag = a->red_flags > 0;
	for (int r = 0; r < SCORE_NFINDING_CAPS; r++) {
		const struct finding_cap *c = &score_finding_caps[r];
		int count = 0, asked = 0;
		const char *first = NULL;

		for (int i = 0; i < n; i++)
			if (cap_row_fits(c, g[i].level, g[i].red_flag, g[i].actual_severe)) {
				count++;
				asked += c->red_flag && !g[i].confirmed;
				first = first ? first : g[i].lead;
			}
		if (count >= c->count && c->cap > *cap) {
			*cap = c->cap;
			*why = arena_printf(a->qn->arena, "%d %s%s finding%s%s (%s%s)%s", count,
					    c->actual_severe ? "severe actual " : "",
					    c->red_flag ? "red-flag" : level_name(c->level),
					    count == 1 ? "" : "s", c->red_flag ? "" : " or worse", first,
					    count > 1 ? ", ..." : "",
					    asked == count ? ", all of them information that missing answers hide"
					    : asked ? ", some of them information that missing answers hide" : "");
			break;
		}
	}
	free(g);
}

/* A share below a cap's threshold caps the rating there. */
static void share_cap(struct assessment *a, double share, const struct share_cap *caps, int n,
		      const char *what, char *cap, const char **why)
{
	if (isnan(share))
		return;
	for (int i = 0; i < n; i++)
		if (share < caps[i].below && caps[i].cap > *cap) {
			*cap = caps[i].cap;
			*why = arena_printf(a->qn->arena, "%s %.0f%% (below %.0f%%)", what,
					    100 * share, 100 * caps[i].below);
			return;
		}
}

static void rate(struct assessment *a)
{
	char cap = 'A', fcap = 'A', letter;
	const char *why = NULL, *fwhy = NULL;

	a->process_rating = score_rating(a->overall);
	finding_caps(a, &fcap, &fwhy);
	share_cap(a, a->coverage, score_coverage_caps, SCORE_NCOVERAGE_CAPS, "coverage", &cap, &why);
	share_cap(a, a->evidenced, score_evidence_caps, SCORE_NEVIDENCE_CAPS,
		  "evidenced claims", &cap, &why);
	if (fcap >= cap) {
		cap = fcap;
		why = fwhy;
	}
	letter = a->process_rating > cap ? a->process_rating : cap;
	a->rating = letter;
	if (isnan(a->overall))
		a->rating_reason = arena_printf(a->qn->arena, "%c: no applicable question", letter);
	else if (cap > a->process_rating)
		a->rating_reason = arena_printf(a->qn->arena, "%c: process score %.1f (%c), capped "
					       "by %s", letter, a->overall, a->process_rating, why);
	else /* a cap at the same letter holds it there too; a looser one is not mentioned */
		a->rating_reason = arena_printf(a->qn->arena, "%c: process score %.1f%s%s", letter,
					       a->overall, cap == letter && why ? "; also limited by " : "",
					       cap == letter && why ? why : "");
}

void score_assessment(struct assessment *a)
{
	a->small = score_small(a->qn->supplier.employees);
	score_questions(a);
	score_findings(a);
	score_duties(a);
	score_areas_of(a);
	rate(a);
}
