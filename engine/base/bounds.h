/* bounds: every bound diligo sets itself, in one place. Sizes that come from
 * an input or a pack are checked against these before anything is
 * allocated; exceeding one fails that input (or pack) with a message that
 * names the limit, never the process. */
#ifndef DILIGO_BOUNDS_H
#define DILIGO_BOUNDS_H

enum {
	/* questionnaires */
	DILIGO_MAX_QN_BYTES = 4 * 1024 * 1024, /* one questionnaire file */
	DILIGO_MAX_QN_DEPTH = 32,              /* nesting of YAML collections */
	DILIGO_MAX_DIAGS = 100,                /* problems listed per input or pack */
	/* packs */
	DILIGO_MAX_LUA_FILE = 1024 * 1024, /* one Lua source file */
	DILIGO_MAX_PACK_FILES = 256,       /* Lua files one pack loads */
	DILIGO_MAX_REQUIRE_DEPTH = 32,     /* nested require */
	DILIGO_MAX_PACKS = 64,             /* packs cached by one Lua host */
	DILIGO_MAX_SECTORS = 64,           /* sector names listed */
	DILIGO_MAX_SEARCH_PATHS = 32,      /* pack directories searched */
	DILIGO_MAX_DUTIES_CITED = 64,      /* duty ids one question or rule cites */
	DILIGO_MAX_ID = 64,                /* length of a question, rule or duty id */
	DILIGO_MAX_AREAS = 32,             /* duty areas in the catalogue */
	/* runs */
	DILIGO_MAX_JOBS = 256,         /* worker threads (-j) */
	DILIGO_DEFAULT_JOBS_CAP = 64,  /* default -j: online cores, at most this */
	DILIGO_MAX_CLI_PATHS = 16,   /* --plugin-path plus DILIGO_PATH entries */
	DILIGO_BATCH_WINDOW = 256,   /* inputs a worker may run ahead of the writer */
	/* budgets a run may ask for (--max-instructions, --max-memory) */
	DILIGO_MIN_INSTRUCTIONS = 1000, /* Lua instructions per assessment, at least */
	DILIGO_MAX_MEMORY_MB = 65536,   /* Lua memory per assessment, MiB */
	/* command line */
	DILIGO_MAX_OPTIONS = 32,   /* rows of one command's option table */
	DILIGO_MAX_DIR_DEPTH = 16, /* directories below an input directory searched */
	DILIGO_MAX_PATH = 4096,    /* a directory and a name joined into one path */
};

/* Lua instructions per assessment, at most: beyond an int, so not above. */
#define DILIGO_MAX_INSTRUCTIONS 1e12

#endif
