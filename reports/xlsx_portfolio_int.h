/* What the portfolio workbook's files share (internal to reports/): the
 * streamed workbook's state (struct portfolio), the table helper
 * xlsx_portfolio.c keeps, and the risk heap and the sheets written at close
 * that xlsx_overview.c owns. */
#ifndef DILIGO_XLSX_PORTFOLIO_INT_H
#define DILIGO_XLSX_PORTFOLIO_INT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "change.h"
#include "redact.h"
#include "score.h"
#include "sink_int.h"
#include "xlsx_common.h"

/* RULE_MAP: slots of the rule pointer map (a cache: rules beyond half of it
 * are found by name) */
enum {
	MAX_AREAS = DILIGO_MAX_AREAS,
	MAX_PACKS = DILIGO_MAX_PORTFOLIO_PACKS,
	RULE_MAP = 8192,
	RISKIEST = DILIGO_PORTFOLIO_RISKIEST,
	HEAD = 1,  /* every table: row 0 the marking, row 1 the heading */
	FIRST = 2, /* first data row */
	SHEET_ROWS = DILIGO_XLSX_ROWS - FIRST,
};

/* One of the riskiest suppliers, kept for the Overview. */
struct risky {
	uint32_t key;
	int index; /* input order: the earlier is riskier on equal keys */
	char *id, *name, *sector, *top;
	char rating;
	double score;
	int flags, per_level[LVL__COUNT];
};

struct portfolio {
	struct sink base;
	lxw_workbook *wb;
	struct outfile of;
	struct xfmt f;
	struct xpage pg;
	struct report_opts o;
	lxw_worksheet *over, *sup, *heat, *find, *errs, *rules, *method;
	int nsup, nheat, nfind, nerr, ninputs;
	int find_rows, find_sheets; /* rows on the current Findings sheet; sheets */
	/* rules seen, with how often they fired and their title's lines, for
	 * the Rules sheet */
	const struct rule **seen_rules;
	const char **seen_pack;
	int *seen_count, *seen_lines;
	size_t nseen, capseen;
	/* rule pointer -> index in seen_*: each worker has its own copy of a
	 * pack, so one rule arrives under several pointers */
	const struct rule *ptr_key[RULE_MAP];
	int ptr_val[RULE_MAP];
	const char *areas[MAX_AREAS]; /* heatmap columns, fixed by the first supplier */
	int nareas;
	char *packs[MAX_PACKS]; /* "id version" seen, for Method */
	int npacks;
	/* the Overview's counts */
	int ratings[SCORE_NRATINGS], levels[LVL__COUNT], flagged, nscored;
	double score_sum;
	char *sectors[MAX_PACKS]; /* the last one also holds every sector beyond */
	int sector_levels[MAX_PACKS][LVL__COUNT], nsectors;
	struct risky heap[RISKIEST]; /* a min-heap: the least risky of the kept on top */
	int nheap;
	/* risk rank: every supplier's key, and its row spilled until the end */
	uint32_t *keys;
	size_t nkeys, capkeys;
	FILE *spill;
	int redacted[RD__COUNT];
	int trends[3]; /* suppliers compared with an earlier period: worse, same, better */
	int uncompared;
};

/* xlsx_portfolio.c */
void pf_table_sheet(struct portfolio *p, lxw_worksheet *ws, const char *name,
		    const struct tcol *cols, int ncols, int print_cols, enum xorient orient);

/* xlsx_overview.c */
void pf_rules_sheet(struct portfolio *p);
int pf_red_flags(const struct assessment *a);
void pf_method_sheet(struct portfolio *p);
uint32_t pf_risk_key(const struct assessment *a, int flags);
void pf_risky_free(struct risky *r);
void pf_overview_sheet(struct portfolio *p);
void pf_keep_risky(struct portfolio *p, const struct risky *cand, const struct assessment *a,
		   const struct who *w, const char *top);

#endif
