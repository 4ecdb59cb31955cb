/* assess: the result of assessing one questionnaire — a plain C struct that
 * report writers read. lhost fills the Lua-decided parts (rule hits, scores
 * from question score functions); score.c computes everything else. All
 * memory lives in the questionnaire's arena. */
#ifndef DILIGO_ASSESSMENT_H
#define DILIGO_ASSESSMENT_H

#include <stdbool.h>

#include "pack.h"
#include "answers.h"

struct change;

enum level { LVL_LOW, LVL_MEDIUM, LVL_HIGH, LVL_CRITICAL, LVL__COUNT };

/* A finding: what one rule found in one questionnaire. The rule decides
 * the fields marked (rule); lhost_evaluate sets them, score.c the rest. */
struct finding {
	const struct rule *rule;
	int likelihood; /* (rule) the rule's, or its override; score.c adds context */
	int scale, scope, irremediable; /* (rule) the rule's, or its overrides */
	const char *detail; /* (rule) */
	const int *questions; /* (rule) indexes into pack->questions */
	int nquestions;
	/* (engine, while evaluating) missing answers could make this rule fire:
	 * info = an information-needed finding standing for what they could
	 * hide; assumed = the rule's own finding, raised because its unknown =
	 * "assume" (the risk cannot be ruled out). Either is at the level the
	 * worst completion of the missing answers would give. */
	bool info, assumed;
	/* score.c */
	int context; /* likelihood added by country risk (0 or 1) */
	const char *context_risk; /* the country-risk column that added it */
	double severity, priority;
	enum level level;
	bool red_flag; /* the rule is a red flag and the finding is not an information request */
	int lead; /* index of the finding that leads its group; its own index when it leads */
	char cap; /* the rating this finding caps at, or 0 */
};

struct duty_score {
	const struct duty *duty;
	double score; /* NAN when no applicable question cites the duty */
	int nquestions, gaps, nfindings;
};

struct area_score {
	const char *area;
	double score; /* NAN when nothing applicable */
	int nquestions;
};

struct assessment {
	const struct qn *qn;
	const struct pack *pack;
	double *fn_score; /* per question, from a Lua score function: NAN = n/a */
	double *qscore; /* per question: [0,1], or NAN when excluded */
	double overall, coverage; /* NAN when nothing applies */
	/* evidence: over the applicable questions that need it (weights), the
	 * share answered positively (claimed) and the share of those backed by
	 * cited, current evidence (evidenced); NAN when no question needs it */
	double claimed, evidenced;
	char process_rating; /* 'A'..'E' from the score alone */
	char rating; /* 'A'..'E': the process rating capped (score_caps) */
	const char *rating_reason; /* why the rating is what it is, one sentence */
	bool red_flag; /* a red-flag finding leads a group (confirmed or assumed) */
	int red_flags, red_flags_unresolved; /* red-flag groups; information requests on red-flag rules */
	bool small; /* the supplier counts as small (proportionality) */
	struct finding *findings; /* sorted: see score.c */
	int nfindings;
	int per_level[LVL__COUNT]; /* groups (lead findings) per level */
	int info_findings; /* information-needed findings */
	struct duty_score *duties; /* every duty cited, sorted by id */
	int nduties;
	struct area_score areas[DILIGO_MAX_AREAS]; /* per duty area, sorted by area */
	int nareas;
	/* compared with an earlier assessment (change.h); NULL when the run
	 * compares nothing */
	const struct change *change;
};

const char *level_name(enum level l); /* "low" ... "critical" */
int level_parse(const char *s); /* -1 when unknown */

#endif
