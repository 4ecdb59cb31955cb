/* pack: the C-side description of a composed sector pack (its questions, rules,
 * the duty catalogue and the Lua files it came from). Built by lhost when a pack
 * loads; read by validation, scoring and the report writers, none of which may
 * touch Lua. Everything lives in the pack's arena, freed by pack_free. */
#ifndef DILIGO_PACK_H
#define DILIGO_PACK_H

#include <stdbool.h>
#include <stddef.h>

#include "bounds.h"
#include "l10n.h"

struct arena;

enum qkind { QK_MATURITY, QK_CHOICE, QK_MULTI, QK_NUMBER, QK_PERCENT, QK_DATE, QK_TEXT, QK__COUNT };

struct qoption {
	const char *value, *label;
	double score;
	bool has_score;
	const char *label_en; /* the pack's own (English) label, kept when translated */
};

/* One condition of a question's `na_when`: the question does not apply
 * when the answer to another question equals one of `values` (for a multi
 * answer: lists one of them), or, for the profile condition `small`, when
 * the supplier is small (score.h, SCORE_SMALL_EMPLOYEES). An answer that
 * is unknown or missing never satisfies a condition. */
struct na_cond {
	const char *qid;      /* the question it reads, as written; NULL for `small` */
	int question;         /* its index (pack_resolve), -1 for `small` */
	const char **values;  /* as written: option values, maturity words */
	const double *nums;   /* the same as numbers, for number and percent questions */
	int nvalues;
	bool none_of; /* holds when the answer is (or lists) none of the values instead */
};

struct question {
	const char *id, *text, *help, *section, *module;
	enum qkind kind;
	double weight;
	bool required;
	bool evidence; /* a positive answer needs cited, current evidence (full credit) */
	const struct na_cond *na_when; /* when `na` is a valid answer; none: never */
	int nna_when;
	const struct qoption *opts;
	int nopts;
	double min, max;
	bool has_min, has_max;
	const char *unit;
	const char **duties;
	const int *duty_ix; /* the same duties as indexes into pack->duties (pack_index) */
	int nduties;
	bool has_score_fn; /* a Lua `score` function decides */
	bool informational; /* no way to score: not counted */
	const char *file;
	int line;
};

struct rule {
	const char *id, *title, *action, *module;
	const char **duties;
	const int *duty_ix;
	int nduties;
	int scale, scope, irremediable, likelihood;
	bool red_flag;
	bool actual; /* impact = "actual": CSDDD Art 11; else Art 10 */
	/* `reads`: the questions the rule declares it reads (checked against
	 * what it reads when tests run); has_reads false when not declared */
	const char **reads;
	int nreads;
	bool has_reads;
	/* unknown = "assume": when missing answers could make the rule fire,
	 * the finding itself is raised (the risk cannot be ruled out); else
	 * ("ask") an information-needed finding at the same level. */
	bool assume_unknown;
	/* whether the rule's function could return a finding worse than its
	 * declaration (lhost_overrides.c): else every finding it gives weighs
	 * the same */
	bool may_override;
	const char *group; /* impact group: findings of one group count once; NULL = its own */
	const char **risks; /* country-risk columns that raise its likelihood */
	int nrisks;
	/* `details`: the templates its findings' details are written from
	 * (`detail = { "key", value, ... }`), each translatable */
	const char **detail_keys, **detail_texts;
	int ndetails;
	const char *file;
	int line;
};

struct duty {
	const char *id, *framework, *title, *text, *area, *status;
	/* how its wording and numbering were checked: "official text",
	 * "secondary source" or "not verified" (the catalogue's `verified`),
	 * and what it was checked against */
	const char *verified, *source;
	const char *file; /* the Lua file that declares it (its translations' domain) */
	const char *title_en; /* the title as written, once translated (else NULL) */
};

/* One change a sector makes to what a reused module (or the sector it
 * extends) contributes, declared in its `tailoring` list with a reason;
 * listed in the Method sheet and the JSON output. */
struct tailoring {
	const char *change; /* "drop", "weight", "severity", "likelihood" */
	const char *what;   /* "question" or "rule" */
	const char *target; /* its id */
	const char *module; /* the module or sector that defines it */
	const char *from, *to; /* the value before and after, as text; NULL for drop */
	const char *reason;
	const char *file; /* where the tailoring is declared */
	int line;
};

/* A legal regime the catalogue describes (the CSDDD as amended, or as
 * first adopted): what differs for the buyer (scope, penalties, liability,
 * dates), stated in the Method sheet, never in supplier scores. */
struct regime {
	const char *id, *title, *verified;
	const char **notes;
	int nnotes;
};

struct pack_file {
	const char *path;
	char sha256[65];
	bool bundled; /* resolves inside the bundled (installed or build-tree) pack directory */
};

struct pack {
	struct arena *arena;
	const char *id, *title, *version, *license, *description, *file;
	const char **authors;
	int nauthors;
	struct question *questions;
	int nquestions;
	struct rule *rules;
	int nrules;
	const struct duty *duties; /* the catalogue, sorted by id */
	int nduties;
	bool sector; /* made by sector { ... } (else module { ... }) */
	const char *extends; /* the sector pack it builds on, or NULL */
	const struct tailoring *tailoring; /* in declaration order, bases first */
	int ntailoring;
	const struct regime *regime; /* the catalogue's regime in force for this run */
	/* the language its texts are in ("en" unless pack_translate ran) and
	 * the translations applied (NULL for English) */
	const char *lang;
	const struct l10n *l10n;
	/* how much of the pack each language translates (measured when a run
	 * asks for a language), for the Method sheet */
	struct pack_lang {
		const char *lang;
		int total, translated;
		const char *review; /* the PO files' X-Review-Status, "mixed" or "" */
	} langs[L10N_NLANGS];
	int nlangs;
	/* the translations into lang, for reading a workbook written in that
	 * language whatever the pack's own (set by the host that loaded the
	 * pack; NULL when it offers none) */
	const struct l10n *(*l10n_for)(const struct pack *p, const char *lang);
	void *l10n_host;
	struct pack_file *files; /* every Lua file loaded, in load order */
	int nfiles;
	/* every file is bundled: the pack may run in-process; any other pack
	 * (--plugin-path, DILIGO_PATH, -s FILE) is third-party and runs isolated */
	bool trusted;
	int *qhash; /* pack_index: open-addressing table of question indexes */
	size_t qhash_size;
	/* duty areas (pack_index): distinct catalogue areas, sorted, and the
	 * area of each duty */
	const char **areas;
	int nareas;
	int *duty_area;
};


const char *qkind_name(enum qkind k);
int qkind_parse(const char *s); /* -1 when unknown */
/* Index of a question by id, or -1 (needs pack_index). */
int pack_find_question(const struct pack *p, const char *id);
const struct duty *pack_find_duty(const struct pack *p, const char *id);
/* Sort the catalogue (when p owns it), hash question ids, resolve duty ids
 * to indexes and list the duty areas; call once after building. */
void pack_index(struct pack *p);
/* Resolve the question ids of na_when conditions (after pack_index); the
 * first id that names no question, or NULL. */
const struct question *pack_resolve(struct pack *p, const char **bad_id);
void pack_free(struct pack *p);
/* A fingerprint of the question set: 16 hex digits of the SHA-256 of every
 * question's id, kind, options and bounds, in order (texts, weights and
 * duties aside). Answers given against one set read the same against any
 * pack with the same fingerprint; a questionnaire workbook records it. */
void pack_fingerprint(const struct pack *p, char out[17]);

#endif
