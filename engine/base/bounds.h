/* bounds: every bound diligo sets itself, in one place. Sizes that come from
 * an input or a pack are checked against these before anything is
 * allocated; exceeding one fails that input (or pack) with a message that
 * names the limit, never the process. Report text longer than its bound is
 * cut, never refused; the limits of the XLSX format are here too.
 * docs/plugin-api.md ("Limits") lists the ones pack authors meet;
 * docs/questionnaire.md and docs/security.md the ones of questionnaires. */
#ifndef DILIGO_BOUNDS_H
#define DILIGO_BOUNDS_H

enum {
	/* questionnaires */
	DILIGO_MAX_QN_BYTES = 4 * 1024 * 1024, /* one questionnaire file */
	DILIGO_MAX_QN_DEPTH = 32,              /* nesting of YAML collections */
	DILIGO_MAX_DIAGS = 100,                /* problems listed per input or pack */
	/* workbooks read (questionnaires in .xlsx; engine/questionnaire/xlsx_read.h).
	 * The file itself is capped like any questionnaire (DILIGO_MAX_QN_BYTES);
	 * these bound what its zip and XML may unfold into. */
	DILIGO_XLSX_MAX_PART = 32 * 1024 * 1024,  /* one zip member, inflated */
	DILIGO_XLSX_MAX_TOTAL = 64 * 1024 * 1024, /* every member read, inflated */
	DILIGO_XLSX_MAX_RATIO = 100,      /* inflated / compressed size of a member past 1 MiB */
	DILIGO_XLSX_MAX_ENTRIES = 10000,  /* members of the zip */
	DILIGO_XLSX_MAX_SHEETS = 256,     /* sheets of the workbook */
	DILIGO_XLSX_MAX_STRINGS = 250000, /* entries of the shared-string table, number formats, styles */
	DILIGO_XLSX_MAX_CELLS = 250000,   /* cells with a value, over the sheets read */
	DILIGO_XLSX_MAX_XML_DEPTH = 64,   /* nesting of XML elements in a part */
	/* baselines (--baseline): earlier runs read back */
	DILIGO_MAX_JSON_DEPTH = 64,                 /* nesting of a JSON document */
	DILIGO_MAX_BASELINE_BYTES = 1024 * 1024 * 1024, /* one baseline JSON file */
	DILIGO_MAX_BASELINE_FILES = 100000,         /* files read from --baseline paths */
	DILIGO_MAX_BASELINES = 16,                  /* --baseline given this many times at most */
	/* workbooks read back (supplier workbooks as baselines; wbread.h) */
	DILIGO_WB_MAX_PART = 64 * 1024 * 1024,   /* one zip member, inflated */
	DILIGO_WB_MAX_TOTAL = 256 * 1024 * 1024, /* all members read, inflated */
	DILIGO_WB_MAX_CELLS = 2000000,           /* cells of one sheet */
	DILIGO_WB_MAX_STRINGS = 1000000,         /* shared strings */
	DILIGO_WB_MAX_SHEETS = 256,              /* sheets of one workbook */
	/* packs */
	DILIGO_MAX_LUA_FILE = 1024 * 1024, /* one Lua source file */
	DILIGO_MAX_PACK_FILES = 256,       /* Lua files one Lua host runs (catalogue, modules, packs) */
	DILIGO_MAX_REQUIRE_DEPTH = 32,     /* nested require */
	DILIGO_MAX_PACKS = 64,             /* packs cached by one Lua host */
	DILIGO_MAX_SECTORS = 64,           /* sector names listed */
	DILIGO_MAX_SEARCH_PATHS = 32,      /* pack directories searched */
	DILIGO_MAX_FILE_DEPS = 32,         /* files one Lua file requires, recorded for provenance */
	DILIGO_MAX_MODULES = 64,           /* modules one sector lists (the rest are not read) */
	DILIGO_MAX_EXTENDS = 8,            /* sectors in one chain of `extends` */
	DILIGO_MAX_FRAMEWORKS = 64,        /* frameworks that plugin files add to one host's catalogue */
	DILIGO_MAX_LIST = 2000,            /* questions, or rules, that one module or sector lists */
	DILIGO_MAX_QUESTION_OPTIONS = 200, /* options of one question */
	DILIGO_MAX_DUTIES_CITED = 64,      /* duty ids one question or rule cites */
	DILIGO_MAX_ID = 64,                /* length of a question, rule or duty id; of a module name */
	DILIGO_MAX_DUTIES = 5000,          /* entries of the duty catalogue */
	DILIGO_MAX_AREAS = 32,             /* duty areas in the catalogue */
	DILIGO_MAX_DETAIL_BYTES = 4000,    /* a finding's detail as a rule returns it (longer is cut,
					      DILIGO_CUT_MARK included) */
	DILIGO_MAX_TEXT_BYTES = 4000,      /* a title, text, help, label ... a pack declares (cut);
					      a longer translation is not used */
	DILIGO_MAX_PO_BYTES = 16 << 20,    /* a translation (PO) file */
	DILIGO_MAX_PRINT_BYTES = 4000,     /* one line a pack prints (cut) */
	DILIGO_MAX_NAME_IN_MESSAGE = 64,   /* bytes of a pack's name quoted in an error message */
	DILIGO_PATTERN_WORK = 1000 * 1000 * 1000, /* n^(k+1) for a pattern with k quantifiers
						     on n characters (docs/security.md) */
	DILIGO_WORK_BYTES = 8,             /* bytes a library function copies, scans or builds
					      that count as one Lua instruction */
	DILIGO_MAX_FINDING_QUESTIONS = 1000, /* questions a rule names in a finding */
	DILIGO_MAX_CONDITIONS = 16,        /* na_when conditions of a question; risks of a rule */
	DILIGO_MAX_COUNTERFACTUALS = 4096, /* calls of one rule that try the answers a supplier left
					      unknown or blank (docs/scoring.md) */
	DILIGO_MAX_TEST_LIST = 1000,       /* values of one list answer in a pack's test */
	DILIGO_MAX_TEST_ANSWERS = 5000,    /* answers one pack test gives (the rest are ignored) */
	DILIGO_MAX_TEST_EXPECT = 200,      /* findings a test expects present, or absent */
	/* runs */
	DILIGO_MAX_JOBS = 256,         /* worker threads (-j) */
	DILIGO_DEFAULT_JOBS_CAP = 64,  /* default -j: online cores, at most this */
	DILIGO_MAX_CLI_PATHS = 16,   /* --plugin-path plus DILIGO_PATH entries */
	DILIGO_BATCH_WINDOW = 256,   /* inputs a worker may run ahead of the writer */
	/* temporary file names that exist at once (a workbook per worker, the
	 * portfolio, the JSON; engine/base/outfile.c) */
	DILIGO_MAX_LIVE_TEMPS = DILIGO_MAX_JOBS + 8,
	/* reports: what they show, and text composed for one cell or field
	 * (bytes with the terminating NUL; longer text is cut) */
	DILIGO_TOP_FINDINGS = 5,            /* findings on a supplier's Summary sheet */
	DILIGO_MAX_PORTFOLIO_PACKS = 32,    /* packs listed on the portfolio Method sheet, sectors on its Overview */
	DILIGO_PORTFOLIO_RISKIEST = 50,     /* the riskiest suppliers on the portfolio Overview */
	DILIGO_REPORT_LIST_TEXT = 16384,    /* a joined list, or one answer, in a supplier workbook */
	DILIGO_REPORT_ANSWER_TEXT = 1024,   /* one answer among a finding's triggering answers */
	DILIGO_JSON_ANSWER_TEXT = 4096,     /* one answer among a finding's questions in JSON */
	DILIGO_REPORT_DUTIES_TEXT = 2048,   /* a rule's duties on the portfolio Rules sheet */
	DILIGO_REPORT_SOURCE_TEXT = 600,    /* a rule's "file:line" */
	DILIGO_REPORT_LINE_TEXT = 512,      /* a composed heading or label (title, pack, respondent) */
	DILIGO_REPORT_PACK_TEXT = 256,      /* "id version" of a pack on the portfolio Method sheet */
	/* the XLSX format (Excel's limits, not diligo's) */
	DILIGO_XLSX_ROWS = 1048576,      /* rows of one sheet, header included */
	DILIGO_XLSX_CELL_CHARS = 32767,  /* characters (UTF-16 code units) of one cell */
	DILIGO_XLSX_COLS = 16384,        /* columns of one sheet */
	DILIGO_XLSX_SHEET_NAME = 31,     /* characters of a sheet name */
	/* budgets a run may ask for (--max-instructions, --max-memory) */
	DILIGO_MIN_INSTRUCTIONS = 1000, /* Lua instructions per assessment, at least */
	DILIGO_MAX_MEMORY_MB = 65536,   /* Lua memory per assessment, MiB */
	/* command line */
	DILIGO_MAX_OPTIONS = 32,   /* rows of one command's option table */
	DILIGO_MAX_DIR_DEPTH = 16, /* directories below an input directory searched */
	DILIGO_MAX_PATH = 4096,    /* a directory and a name joined into one path */
};

/* What marks text that diligo cut at its bound. */
#define DILIGO_CUT_MARK " [cut]"

/* Lua instructions per assessment, at most: beyond an int, so not above. */
#define DILIGO_MAX_INSTRUCTIONS 1e12

#endif
