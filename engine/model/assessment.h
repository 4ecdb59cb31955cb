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

struct finding {
	const struct rule *rule;
	int likelihood, severity, priority;
	enum level level;
	const char *detail;
	const int *questions; /* indexes into pack->questions */
	int nquestions;
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
	char rating; /* 'A'..'E' */
	bool red_flag;
	struct finding *findings; /* sorted by priority, then rule id */
	int nfindings;
	int per_level[LVL__COUNT];
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
