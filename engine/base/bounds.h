/* bounds: every bound diligo sets itself, in one place. Sizes that come from
 * an input or a pack are checked against these before anything is
 * allocated; exceeding one fails that input (or pack) with a message that
 * names the limit, never the process. docs/plugin-api.md ("Limits") lists
 * the ones pack authors meet; docs/questionnaire.md and docs/security.md
 * the ones of questionnaires. */
#ifndef DILIGO_BOUNDS_H
#define DILIGO_BOUNDS_H

enum {
	/* questionnaires */
	DILIGO_MAX_QN_BYTES = 4 * 1024 * 1024, /* one questionnaire file */
	DILIGO_MAX_QN_DEPTH = 32,              /* nesting of YAML collections */
	DILIGO_MAX_DIAGS = 100,                /* problems listed per input or pack */
	/* packs */
	DILIGO_MAX_LUA_FILE = 1024 * 1024, /* one Lua source file */
	DILIGO_MAX_PACK_FILES = 256,       /* Lua files one Lua host runs (catalogue, modules, packs) */
	DILIGO_MAX_REQUIRE_DEPTH = 32,     /* nested require */
	DILIGO_MAX_PACKS = 64,             /* packs cached by one Lua host */
	DILIGO_MAX_SECTORS = 64,           /* sector names listed */
	DILIGO_MAX_SEARCH_PATHS = 32,      /* pack directories searched */
	DILIGO_MAX_FILE_DEPS = 32,         /* files one Lua file requires, recorded for provenance */
	DILIGO_MAX_MODULES = 64,           /* modules one sector lists (the rest are not read) */
	DILIGO_MAX_LIST = 2000,            /* questions, or rules, that one module or sector lists */
	DILIGO_MAX_OPTIONS = 200,          /* options of one question */
	DILIGO_MAX_DUTIES_CITED = 64,      /* duty ids one question or rule cites */
	DILIGO_MAX_ID = 64,                /* length of a question, rule or duty id; of a module name */
	DILIGO_MAX_DUTIES = 5000,          /* entries of the duty catalogue */
	DILIGO_MAX_AREAS = 32,             /* duty areas in the catalogue */
	DILIGO_PATTERN_WORK = 1000 * 1000 * 1000, /* n^(k+1) for a pattern with k quantifiers
						     on n characters (docs/security.md) */
	DILIGO_MAX_SNAPSHOT_DEPTH = 50,    /* upvalues and tables walked to freeze a rule's world */
	DILIGO_MAX_FINDING_QUESTIONS = 1000, /* questions a rule names in a finding */
	DILIGO_MAX_TEST_LIST = 1000,       /* values of one list answer in a pack's test */
	DILIGO_MAX_TEST_ANSWERS = 5000,    /* answers one pack test gives (the rest are ignored) */
	DILIGO_MAX_TEST_EXPECT = 200,      /* findings a test expects present, or absent */
	/* runs */
	DILIGO_MAX_JOBS = 256,         /* worker threads (-j) */
	DILIGO_DEFAULT_JOBS_CAP = 64,  /* default -j: online cores, at most this */
	DILIGO_MAX_CLI_PATHS = 16,   /* --plugin-path plus DILIGO_PATH entries */
	DILIGO_BATCH_WINDOW = 256,   /* inputs a worker may run ahead of the writer */
};

#endif
