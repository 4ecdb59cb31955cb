/* change: one supplier compared with an earlier assessment of it — year over
 * year monitoring (CSDDD Art 15, UNGP 20).
 *
 * A prior is what an earlier assessment left behind, whichever way it comes
 * back: an earlier run's JSON, a supplier workbook people edited in Excel
 * (with its Action plan: owner, due date, status, notes), or an earlier
 * period of the same supplier assessed in the same run. A change is the
 * comparison of a finished assessment with its prior: score and rating then
 * and now, per duty area, each finding new or persisting (and since when it
 * is open), the findings resolved since, the answers that changed, and what
 * could not be compared and why (drift: another pack version or method).
 *
 * Findings are matched by the key change_key gives (the rule id, or the
 * rule's impact group where the pack groups rules), so that a rule renamed
 * within its group still matches. Everything here is plain data and
 * arithmetic; the readers (engine/questionnaire/baseline.c) fill priors,
 * engine/assess/compare.c re-scores earlier answers when it must, and the
 * report writers print changes. */
#ifndef DILIGO_CHANGE_H
#define DILIGO_CHANGE_H

#include <stdbool.h>

#include "assessment.h"

struct arena;
struct ynode;

/* An Action plan row as people left it in a supplier workbook. */
struct prior_action {
	const char *rule, *title;
	const char *owner, *status, *notes;
	const char *due;  /* the due date as text (YYYY-MM-DD when it was a date) */
	double due_serial; /* when the cell held a date: its serial day number, else 0 */
};

struct prior_finding {
	const char *rule, *group, *title;
	int level;      /* enum level; -1 when the baseline does not say */
	int open_since; /* the period it first fired; 0 = not known */
	const struct prior_action *action; /* its Action plan row, or NULL */
};

struct prior_score {
	const char *key; /* a duty area */
	double score;    /* NAN when nothing applied */
};

struct prior_answer {
	const char *question;
	const char *text;  /* as the reports show it; NULL when redacted */
	bool confidential; /* marked confidential by the supplier */
};

enum prior_source { PRIOR_JSON, PRIOR_WORKBOOK, PRIOR_RUN };

struct prior {
	enum prior_source source;
	const char *file; /* where it came from (the earlier input in a run) */
	const char *id, *name, *sector, *pack_version;
	int method;       /* the scoring method's version; 0 = not known */
	int period;       /* 0 = none */
	bool stakeholder; /* a redacted copy */
	double score, coverage; /* NAN when not known */
	char rating;            /* 0 when not known */
	bool red_flag;
	int per_level[LVL__COUNT];
	struct prior_score *areas;
	int nareas;
	struct prior_finding *findings;
	int nfindings;
	/* Action plan rows whose rule fired no finding listed (or rows without
	 * a rule id that people added): carried as they are */
	const struct prior_action **extra_actions;
	int nextra_actions;
	struct prior_answer *answers; /* as shown (every question of its pack when known) */
	int nanswers;
	bool has_answers;
	/* the questionnaire as the baseline carries it (JSON baselines), to
	 * re-score with today's pack: a map shaped like a questionnaire file */
	const struct ynode *questionnaire;
};

enum fstatus { FST_NEW, FST_PERSISTING };

struct area_change {
	const char *area;
	double then, now; /* NAN when not scored on that side */
};

struct answer_change {
	const char *question;
	const char *then, *now;
	bool confidential; /* confidential then or now: redacted in stakeholder copies */
};

struct change {
	const struct prior *from;
	int from_period;
	/* then: the prior's recorded results, or the earlier answers re-scored
	 * with today's pack and method (rescored) */
	double score_then, coverage_then;
	char rating_then;
	bool red_flag_then, rescored;
	int per_level_then[LVL__COUNT];
	/* one per finding of the assessment, same index */
	unsigned char *status;    /* enum fstatus */
	int *open_since;          /* a period, 0 when the assessment has none */
	const struct prior_finding **match; /* the earlier finding, or NULL */
	/* earlier findings that no longer fire */
	const struct prior_finding **resolved;
	int nresolved;
	int nnew, npersisting;
	struct area_change *areas; /* the union of both sides' areas, sorted */
	int nareas;
	struct answer_change *answers; /* questions whose answer changed */
	int nanswers;
	/* what could not be compared, and why (one sentence each) */
	const char **notes;
	int nnotes;
};

/* Which way a supplier moved: by rating first, then by score (more than
 * CHANGE_SCORE_EPS points). */
enum trend { TREND_NONE = -2, TREND_WORSE = -1, TREND_SAME = 0, TREND_BETTER = 1 };
#define CHANGE_SCORE_EPS 0.005

/* Whether an earlier finding (rule id, group) is the same finding as one
 * of rule r now: the same rule id, or the same impact group. */
bool change_same(const struct rule *r, const char *rule, const char *group);
/* The impact group of a rule, or NULL when the pack does not group it. */
const char *change_group(const struct rule *r);

/* Compare a (complete) with p; then, when not NULL, holds p's findings and
 * scores re-derived with today's pack (earlier answers re-scored); the
 * change and everything it points to are allocated in ar. notes (n of them)
 * are copied in front of the notes the comparison adds. */
void change_compute(struct change *c, const struct assessment *a, const struct prior *p,
		    const struct prior *then, const char *const *notes, int nnotes,
		    struct arena *ar);
/* Every finding new, open since the assessment's period: an assessment
 * without a prior in a run that compares. */
void change_none(struct change *c, const struct assessment *a, struct arena *ar);
/* Which way the supplier moved. */
enum trend change_trend(const struct assessment *a, const struct change *c);
const char *change_status_name(enum fstatus s); /* "new", "persisting" */

/* A prior made from a finished assessment (and its change, which may be
 * NULL): what the next period of the same supplier in the run compares
 * with. Copies everything into ar. */
struct prior *change_prior_from(const struct assessment *a, const struct change *c,
				const char *file, struct arena *ar);

/* Its note when the baseline holds no answers (translated as the reports'
 * text CHANGE_NO_ANSWERS). */
#define CHANGE_NO_ANSWERS "The baseline does not carry the answers: answers not compared."

#endif
