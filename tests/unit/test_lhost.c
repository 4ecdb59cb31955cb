/* The sandbox: hostile rules fail with a message naming what they tried,
 * nothing they do reaches the next assessment, and a clean probe pack run
 * after them in the same Lua state sees an untouched world. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "lhost.h"
#include "qn.h"
#include "score.h"

static char dir[] = "/tmp/diligo-test-lhost-XXXXXX";

static const char *write_pack(const char *id, const char *when)
{
	static char path[256];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s.lua", dir, id);
	f = fopen(path, "w");
	fprintf(f, "return sector { id = '%s', title = 't', version = '1',\n"
		   "  questions = { { id = '%s.q', kind = 'maturity', text = 'Q?', duties = { 'UNGP.GP16' } } },\n"
		   "  rules = { { id = '%s.r', title = 'R', duties = { 'UNGP.GP16' },\n"
		   "    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = 'a',\n"
		   "    when = function(a, ctx)\n%s\n    end } } }\n", id, id, id, when);
	fclose(f);
	return path;
}

/* Assess a one-answer questionnaire with pack; returns 0 or the error. */
static int run(struct lhost *h, const struct pack *p, struct assessment *a, struct err *e,
	       struct qn **out)
{
	char y[512];
	struct qn *q;

	snprintf(y, sizeof y, "diligo: 1\nsupplier: {id: S, name: N, sector: x, employees: 9}\nanswers:\n  %s: yes\n",
		 p->questions[0].id);
	q = qn_parse("t.yaml", y, strlen(y), e);
	assert_non_null(q);
	assert_int_equal(qn_bind(q, p, e), 0);
	score_init(a, q);
	*out = q;
	if (lhost_evaluate(h, p, q, a, e))
		return ERR_PACK;
	score_assessment(a);
	return 0;
}

static struct lhost *host(void)
{
	const char *paths[] = { "tests/packs/hostile" };
	struct lhost_opts o = { .paths = paths, .npaths = 1, .max_instructions = 2000000,
				.max_memory = 16u << 20 };
	struct err e = { 0 };
	struct lhost *h = lhost_new(&o, &e);

	if (!h)
		fail_msg("lhost_new: %s", e.msg);
	return h;
}

static const struct {
	const char *when, *message;
} hostile[] = {
	{ "string.upper = nil", "attempt to modify a read-only table" },
	{ "getmetatable('').__index = {}", "blocked function 'getmetatable' on a string" },
	{ "duties['UNGP.GP16'].title = 'changed'", "attempt to modify a read-only table" },
	{ "a['h3.q'] = 'no'", "answers are read-only" }, /* index 3: pack h3 */
	{ "ctx.supplier.id = 'other'", "attempt to modify a read-only table" },
	{ "rawset(string, 'upper', nil)", "blocked function 'rawset'" },
	{ "setmetatable(math, {})", "cannot change a protected metatable" },
	{ "setmetatable({}, { __gc = function() end })", "metamethod '__gc' is not allowed" },
	{ "local t <close> = setmetatable({}, { __close = print })", "metamethod '__close' is not allowed" },
	{ "coroutine.close(coroutine.create(print))", "blocked function 'coroutine.close'" },
	{ "error(setmetatable({}, { __tostring = function() while true do end end }))",
	  "error object is a table value" },
	{ "local co = coroutine.create(function() while true do end end) coroutine.resume(co)",
	  "instruction budget exceeded" },
	{ "local ok = pcall(function() local s = {} for i = 1, 1e8 do s[i] = {} end end) return ok",
	  "memory budget exceeded" },
	{ "xpcall(function() while true do end end, function() while true do end end)",
	  "instruction budget exceeded" },
	{ "local t, s = {}, ('x'):rep(1000):rep(1000) for i = 1, 200 do t[i] = s .. i end return table.concat(t)",
	  "memory budget exceeded" },
	{ "return ('x'):rep(1e9)", "memory budget exceeded" },
	{ "os.exit(1)", "blocked function 'os.exit'" },
	{ "debug.sethook()", "blocked function 'debug.sethook'" },
	{ "package.loadlib('x', 'y')", "blocked function 'package.loadlib'" },
	{ "load('return 1')", "blocked function 'load'" },
	{ "dofile('/etc/passwd')", "blocked function 'dofile'" },
	{ "collectgarbage()", "blocked function 'collectgarbage'" },
	{ "x = 1", "assignment to global 'x'" },
	{ "return a['no.such.question']", "no question 'no.such.question' in this pack" },
	{ "return ('x'):rep(100):find(('x?'):rep(10) .. 'y')", "string.find: a pattern with 10 quantifiers" },
	/* work in C the count hook does not see: charged before it starts */
	{ "table.move({}, 1, 2^53, 2)", "table.move: instruction budget exceeded" },
	{ "return #string.rep('', 2^60)", "string.rep: instruction budget exceeded" },
	{ "return #string.rep('', 2^40, '')", "string.rep: instruction budget exceeded" },
	{ "return #string.rep('x', 2^40, ',')", "memory budget exceeded" },
	{ "local t = setmetatable({}, { __len = function() return 2^53 end }) table.insert(t, 1, 'x')",
	  "table.insert: instruction budget exceeded" },
	{ "local t = setmetatable({}, { __len = function() return 2^53 end }) table.remove(t, 1)",
	  "table.remove: instruction budget exceeded" },
	{ "table.sort(setmetatable({}, { __len = function() return 2^30 end, __index = function(_, i) return -i end }))",
	  "instruction budget exceeded" },
	{ "return select('#', table.unpack({}, 1, 1e8))", "table.unpack: instruction budget exceeded" },
	{ "local t = {} for i = 1, 1e5 do t[i] = 'x' end for _ = 1, 1e3 do local _ = table.concat(t, ', ') end",
	  "table.concat: instruction budget exceeded" },
	{ "for _ = 1, 1e6 do local _ = table.pack(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15) end",
	  "instruction budget exceeded" },
	/* patterns: every step of the matcher is charged */
	{ "local s = ('a'):rep(1e5) return s:find(('a'):rep(5e4) .. 'b')", "string.find: instruction budget exceeded" },
	{ "local s = ('a'):rep(1e5) return s:find(('a'):rep(5e4) .. 'b', 1, true)",
	  "string.find: instruction budget exceeded" },
	{ "return (('('):rep(1e5)):find('%b()')", "string.find: instruction budget exceeded" },
	{ "return (('a'):rep(2e4)):match('(.-)%1b')", "string.match: instruction budget exceeded" },
	{ "for _ in (('a'):rep(1e5)):gmatch(('a'):rep(5e4) .. 'b') do end", "string.gmatch: instruction budget exceeded" },
	{ "return (('a'):rep(1e5)):gsub(('a'):rep(5e4) .. 'b', '')", "string.gsub: instruction budget exceeded" },
	{ "return (('a'):rep(1e4)):gsub('a', ('b'):rep(1e4))", "budget exceeded" },
	{ "return (('a'):rep(1e3)):find('[' .. ('b'):rep(1e5) .. ']*c')", "string.find: instruction budget exceeded" },
	/* string functions whose work grows with their arguments */
	{ "local s = ('x'):rep(1e5) for _ = 1, 1e6 do local _ = string.format('%s%s', s, s) end",
	  "string.format: instruction budget exceeded" },
	{ "return string.format('%5p', {})", "%p is not available to packs" },
	{ "return string.format('%s %s', {}, print) == 'table function' and error('no address')", "no address" },
	{ "local s = ('x'):rep(1e5) for _ = 1, 1e6 do local _ = s:sub(2) end", "string.sub: instruction budget exceeded" },
	{ "local s = ('x'):rep(1e5) for _ = 1, 1e6 do local _ = s:lower() end", "string.lower: instruction budget exceeded" },
	{ "local s = ('x'):rep(1e5) for _ = 1, 1e6 do local _ = s:reverse() end",
	  "string.reverse: instruction budget exceeded" },
	{ "local s = ('x'):rep(1e5) for _ = 1, 1e4 do local _ = { s:byte(1, -1) } end",
	  "string.byte: instruction budget exceeded" },
	{ "return string.pack('c1000000000', '')", "memory budget exceeded" },
	{ "for _ = 1, 1e6 do local _ = string.pack('c100000', '') end", "string.pack: instruction budget exceeded" },
	{ "local s = ('x'):rep(1e5) for _ = 1, 1e6 do pcall(string.unpack, 'z', s) end", "instruction budget exceeded" },
	{ "local s = ('1'):rep(1e5) for _ = 1, 1e6 do pcall(tonumber, s) end", "instruction budget exceeded" },
	{ "local s = ('1'):rep(1e5) for _ = 1, 1e6 do pcall(function() return s + 1 end) end",
	  "instruction budget exceeded" },
	{ "local s = ('x'):rep(1e5) for _ = 1, 1e6 do pcall(error, s) end", "instruction budget exceeded" },
	{ "local a, b = ('x'):rep(1e5) .. 'y', ('x'):rep(1e5) .. 'y' for _ = 1, 1e6 do local _ = rawequal(a, b) end",
	  "rawequal: instruction budget exceeded" },
	{ "local t = {} for i = 1, 1e4 do t[i] = i end local function f(...) for _ = 1, 1e6 do local _ = select('#', ...) end end f(table.unpack(t))",
	  "select: instruction budget exceeded" },
	{ "local t = {} for i = 1, 1e4 do t[i] = i end local function f(...) for _ = 1, 1e6 do local _ = math.max(...) end end f(table.unpack(t))",
	  "math.max: instruction budget exceeded" },
	{ "local s = ('x'):rep(1e5) for _ = 1, 1e6 do local _ = utf8.len(s) end", "utf8.len: instruction budget exceeded" },
	{ "local s = ('x'):rep(1e5) for _ = 1, 1e4 do local _ = { utf8.codepoint(s, 1, -1) } end",
	  "utf8.codepoint: instruction budget exceeded" },
	{ "local s = ('x'):rep(1e5) for _ = 1, 1e6 do local _ = utf8.offset(s, 1e5) end",
	  "utf8.offset: instruction budget exceeded" },
	{ "local s = ('\\x80'):rep(1e5) local it = utf8.codes(s) for _ = 1, 1e6 do pcall(it, s, 0) end",
	  "instruction budget exceeded" },
	{ "local mt = {} for i = 1, 1e4 do mt['__x' .. i] = i end for _ = 1, 1e6 do setmetatable({}, mt) end",
	  "setmetatable: instruction budget exceeded" },
	/* metatables are checked when set, and cannot change after */
	{ "local mt = {} local t = setmetatable({}, mt) mt.__close = print local x <close> = t",
	  "got a non-closable value" },
	{ "local t = setmetatable({}, {}) getmetatable(t).__gc = print getmetatable(t).__mode = 'k' "
	  "local x <close> = t", "got a non-closable value" },
	{ "return require 'leak'", "require is available only while a pack loads" },
	{ "return sector {}", "sector{} is available only while a pack loads" },
	{ "local t = setmetatable({}, { __index = function(t, k) return ('x'):gsub('x', t) end }) return t.y",
	  "stack overflow" },
	{ "local co = coroutine.wrap(function(...) coroutine.yield(select('#', ...)) end)\n"
	  "assert(co(1, 2, 3) == 3) error('coroutines work')", "coroutines work" },
	{ "return a[('q'):rep(1e5)]", "no question 'qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq...' in this pack" },
};

enum { BATCH = 50 }; /* packs one host loads here (at most DILIGO_MAX_PACKS) */

static void test_hostile_rules(void **s)
{
	struct lhost *h = NULL;
	char id[32];

	(void)s;
	for (size_t i = 0; i < sizeof hostile / sizeof *hostile; i++) {
		struct assessment a;
		struct err e = { 0 };
		struct qn *q;
		const struct pack *p;

		if (i % BATCH == 0) {
			lhost_free(h);
			h = host();
		}
		snprintf(id, sizeof id, "h%zu", i);
		p = lhost_pack(h, write_pack(id, hostile[i].when), &e);
		if (!p)
			fail_msg("case %zu does not load: %s", i, e.msg);
		if (run(h, p, &a, &e, &q) != ERR_PACK)
			fail_msg("case %zu did not fail", i);
		if (!strstr(e.msg, hostile[i].message))
			fail_msg("case %zu: '%s' does not contain '%s'", i, e.msg, hostile[i].message);
		assert_non_null(strstr(e.msg, "(rule 'h"));
		qn_free(q);
	}
	lhost_free(h);
}

/* [-] a pack whose rule checks that the world is as the host made it */
static const char probe[] =
	"return string.upper('a') == 'A' and duties['UNGP.GP16'].title ~= 'changed'\n"
	"  and getmetatable(setmetatable({}, {})) ~= nil and ('b'):rep(2) == 'bb'\n"
	"  and table.concat({ 'x', 'y' }) == 'xy' and ('abc'):find('b') == 2";

/* After all of the above in one state, the world is intact. */
static void test_world_intact_after_hostile(void **s)
{
	(void)s;
	for (size_t from = 0; from < sizeof hostile / sizeof *hostile; from += BATCH) {
		struct lhost *h = host();
		struct assessment a;
		struct err e = { 0 };
		struct qn *q;
		const struct pack *p;
		char id[32];

		for (size_t i = from; i < from + BATCH && i < sizeof hostile / sizeof *hostile; i++) {
			snprintf(id, sizeof id, "w%zu", i);
			p = lhost_pack(h, write_pack(id, hostile[i].when), &e);
			assert_non_null(p);
			run(h, p, &a, &e, &q);
			qn_free(q);
		}
		snprintf(id, sizeof id, "probe%zu", from);
		p = lhost_pack(h, write_pack(id, probe), &e);
		assert_non_null(p);
		if (run(h, p, &a, &e, &q))
			fail_msg("probe after cases from %zu: %s", from, e.msg);
		assert_int_equal(a.nfindings, 1);
		qn_free(q);
		lhost_free(h);
	}
}

/* Nothing carries from one supplier's assessment into the next. */
static void test_no_leak_between_assessments(void **s)
{
	struct lhost *h = host();
	struct err e = { 0 };
	const struct pack *p = lhost_pack(h, "leak", &e);

	(void)s;
	assert_non_null(p);
	for (int i = 0; i < 3; i++) {
		struct assessment a;
		struct qn *q;

		assert_int_equal(run(h, p, &a, &e, &q), 0);
		assert_int_equal(a.nfindings, 0);
		qn_free(q);
	}
	lhost_free(h);
}

/* A top-level loop in a pack fails its load, quickly, naming the file. */
static void test_load_budget(void **s)
{
	struct lhost *h = host();
	struct err e = { 0 };
	FILE *f;
	char path[256];

	(void)s;
	snprintf(path, sizeof path, "%s/spin.lua", dir);
	f = fopen(path, "w");
	fputs("while true do end\n", f);
	fclose(f);
	assert_null(lhost_pack(h, path, &e));
	assert_int_equal(e.code, ERR_PACK);
	assert_non_null(strstr(e.msg, "spin.lua: instruction budget exceeded"));
	lhost_free(h);
}

/* [-] write src to dir/name.lua; the path */
static const char *write_file(const char *name, const char *src)
{
	static char path[256];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s.lua", dir, name);
	f = fopen(path, "w");
	fputs(src, f);
	fclose(f);
	return path;
}

/* One assessment of a one-rule pack; 0 or ERR_PACK, the message in e. */
static int assess_once(struct lhost *h, const char *id, const char *when, struct assessment *a,
		       struct err *e, struct qn **q)
{
	const struct pack *p = lhost_pack(h, write_pack(id, when), e);

	if (!p)
		fail_msg("%s does not load: %s", id, e->msg);
	return run(h, p, a, e, q);
}

/* setmetatable copies the metamethods: what Lua uses cannot change after
 * the check, and packs still see their own metatable. */
static void test_metatables(void **s)
{
	struct lhost *h = host();
	struct assessment a;
	struct err e = { 0 };
	struct qn *q;

	(void)s;
	assert_int_equal(assess_once(h, "mt1",
		"local Class = {} Class.__index = Class\n"
		"local o = setmetatable({}, Class)\n"
		"function Class.hello() return 'hi' end -- a method added after: found through __index\n"
		"local p = setmetatable({}, Class)\n"
		"assert(getmetatable(o) == Class and getmetatable(p) == Class, 'identity')\n"
		"assert(o.hello() == 'hi', 'method')\n"
		"local S = setmetatable({}, { __tostring = function() return 'S!' end })\n"
		"assert(tostring(S) == 'S!', 'tostring')\n"
		"assert(getmetatable(setmetatable({}, { __metatable = 'mine' })) == 'mine', '__metatable')\n"
		"local w = setmetatable({}, {}) getmetatable(w).__mode = 'k' w[{}] = 1\n"
		"for i = 1, 1e5 do local _ = { i } end\n"
		"assert(next(w) ~= nil, 'never weak')\n"
		"return true", &a, &e, &q), 0);
	assert_int_equal(a.nfindings, 1);
	qn_free(q);
	lhost_free(h);
}

/* A class made while loading is read-only, and still works as a metatable. */
static void test_frozen_metatable(void **s)
{
	struct lhost *h = host();
	struct assessment a;
	struct err e = { 0 };
	struct qn *q;
	const struct pack *p;

	(void)s;
	p = lhost_pack(h, write_file("frozen_class",
		"local Class = { kind = 'k' } Class.__index = Class\n"
		"function Class.new() return setmetatable({}, Class) end\n"
		"return sector { id = 'frozen_class', title = 't', version = '1',\n"
		"  questions = { { id = 'frozen_class.q', kind = 'maturity', text = 'Q?', duties = { 'UNGP.GP16' } } },\n"
		"  rules = { { id = 'frozen_class.r', title = 'R', duties = { 'UNGP.GP16' },\n"
		"    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = 'a',\n"
		"    when = function() local o = Class.new()\n"
		"      assert(not pcall(function() Class.kind = 'changed' end), 'read-only')\n"
		"      return o.kind == 'k' end } } }\n"), &e);
	assert_non_null(p);
	for (int i = 0; i < 2; i++) {
		assert_int_equal(run(h, p, &a, &e, &q), 0);
		assert_int_equal(a.nfindings, 1);
		qn_free(q);
	}
	lhost_free(h);
}

/* A frozen table's __index chain is followed by the proxy as Lua follows
 * it, loops included. */
static void test_proxy_chain(void **s)
{
	struct lhost *h = host();
	struct assessment a;
	struct err e = { 0 };
	struct qn *q;
	const struct pack *p;

	(void)s;
	p = lhost_pack(h, write_file("chain",
		"local a, b = {}, { y = 'found' }\n"
		"setmetatable(a, { __index = setmetatable({}, { __index = b }) })\n"
		"local c, d = {}, {}\n"
		"setmetatable(c, { __index = d }) setmetatable(d, { __index = c })\n"
		"return sector { id = 'chain', title = 't', version = '1',\n"
		"  questions = { { id = 'chain.q', kind = 'maturity', text = 'Q?', duties = { 'UNGP.GP16' } } },\n"
		"  rules = { { id = 'chain.r', title = 'R', duties = { 'UNGP.GP16' },\n"
		"    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = 'a',\n"
		"    when = function() assert(a.y == 'found' and a.z == nil) return c.x end } } }\n"), &e);
	assert_non_null(p);
	assert_int_equal(run(h, p, &a, &e, &q), ERR_PACK);
	assert_non_null(strstr(e.msg, "'__index' chain too long; possible loop"));
	qn_free(q);
	lhost_free(h);
}

/* What C copies out of Lua is cut at its bound, between characters. */
static void test_cut_copies(void **s)
{
	struct lhost *h = host();
	struct assessment a;
	struct err e = { 0 };
	struct qn *q;
	const struct pack *p;
	const char *d;
	size_t n;

	(void)s;
	assert_int_equal(assess_once(h, "cut1", "return { detail = 'a' .. ('\xc3\xa9'):rep(1e5) }",
				     &a, &e, &q), 0);
	d = a.findings[0].detail;
	n = strlen(d);
	assert_true(n <= 4000 && n > 3990);
	assert_string_equal(d + n - 8, "\xc3\xa9 [cut]");
	qn_free(q);
	p = lhost_pack(h, write_file("cut2",
		"return sector { id = 'cut2', title = ('t'):rep(5000), version = '1',\n"
		"  questions = { { id = 'cut2.q', kind = 'maturity', text = ('\xe2\x82\xac'):rep(3000),\n"
		"    duties = { 'UNGP.GP16' } } } }\n"), &e);
	assert_non_null(p);
	assert_int_equal(strlen(p->title), 4000);
	n = strlen(p->questions[0].text);
	assert_true(n <= 4000 && n > 3990);
	assert_string_equal(p->questions[0].text + n - 9, "\xe2\x82\xac [cut]");
	lhost_free(h);
}

/* An allocation that succeeds after the emergency collection is no error,
 * and no later pcall reports one. */
static void test_no_false_memory_error(void **s)
{
	const char *paths[] = { "tests/packs/hostile" };
	struct lhost_opts o = { .paths = paths, .npaths = 1, .max_memory = 16u << 20 };
	struct err e = { 0 };
	struct lhost *h = lhost_new(&o, &e);
	struct assessment a;
	struct qn *q;

	(void)s;
	assert_non_null(h);
	if (assess_once(h, "oom1",
		"local big for _ = 1, 10 do big = ('x'):rep(1000):rep(5000) end\n"
		"return #big == 5000000 and pcall(function() return 1 end)", &a, &e, &q))
		fail_msg("%s", e.msg);
	assert_int_equal(a.nfindings, 1);
	qn_free(q);
	lhost_free(h);
}

/* A long message keeps its end: "C stack overflow" after a chain of
 * positions. */
static void test_message_keeps_end(void **s)
{
	struct lhost *h = host();
	struct assessment a;
	struct err e = { 0 };
	struct qn *q;

	(void)s;
	assert_int_equal(assess_once(h, "cstack1",
		"local function f() local _, m = pcall(f) error(m) end f()", &a, &e, &q), ERR_PACK);
	assert_non_null(strstr(e.msg, "C stack overflow (rule 'cstack1.r')"));
	assert_non_null(strstr(e.msg, " ... "));
	qn_free(q);
	lhost_free(h);
}

/* Work no budget counts (comparing long strings) stops at the wall clock,
 * and the host goes on. */
static void test_wall_clock(void **s)
{
	const char *paths[] = { "tests/packs/hostile" };
	struct lhost_opts o = { .paths = paths, .npaths = 1, .max_seconds = 0.2 };
	struct err e = { 0 };
	struct lhost *h = lhost_new(&o, &e);
	struct assessment a;
	struct qn *q;

	(void)s;
	assert_non_null(h);
	assert_int_equal(assess_once(h, "clock1",
		"local x, y = ('x'):rep(4096):rep(2048) .. 'y', ('x'):rep(4096):rep(2048) .. 'y'\n"
		"local n = 0 for _ = 1, 1e7 do if x == y then n = n + 1 end end return n > 0",
		&a, &e, &q), ERR_PACK);
	assert_non_null(strstr(e.msg, "time limit exceeded (0.2 seconds; see --max-seconds)"));
	qn_free(q);
	assert_int_equal(assess_once(h, "clock2", "return true", &a, &e, &q), 0);
	assert_int_equal(a.nfindings, 1);
	qn_free(q);
	/* inside a coroutine too */
	assert_int_equal(assess_once(h, "clock3",
		"local x, y = ('x'):rep(4096):rep(2048) .. 'y', ('x'):rep(4096):rep(2048) .. 'y'\n"
		"local co = coroutine.wrap(function() for _ = 1, 1e7 do local _ = x == y end end)\n"
		"return pcall(co)", &a, &e, &q), ERR_PACK);
	assert_non_null(strstr(e.msg, "time limit exceeded"));
	qn_free(q);
	lhost_free(h);
}

/* What a rule could keep for the next supplier is refused at load, or
 * restored before each assessment. */
static void test_snapshot(void **s)
{
	static const struct {
		const char *prelude, *when, *refused;
	} cases[] = {
		{ "local co = coroutine.create(print)", "return coroutine.status(co)", "a coroutine made" },
		{ "local f = coroutine.wrap(print)", "return f", "a coroutine made" },
		{ "local t = { { { coroutine.create(print) } } }", "return t", "a coroutine made" },
		{ "local it = ('a b'):gmatch('%a')", "return it", "a string.gmatch iterator" },
		{ "local mt = { __index = function() return coroutine.create(print) end }\n"
		  "local t = setmetatable({}, { __index = { x = coroutine.create(print) } })",
		  "return t.x", "a coroutine made" },
		{ "local main = coroutine.running()", "return coroutine.status(main) == 'running'", NULL },
	};
	struct lhost *h = host();

	(void)s;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char name[32], src[2048];
		struct err e = { 0 };
		const struct pack *p;

		snprintf(name, sizeof name, "snap%zu", i);
		snprintf(src, sizeof src, "%s\n"
			 "return sector { id = '%s', title = 't', version = '1',\n"
			 "  questions = { { id = '%s.q', kind = 'maturity', text = 'Q?', duties = { 'UNGP.GP16' } } },\n"
			 "  rules = { { id = '%s.r', title = 'R', duties = { 'UNGP.GP16' },\n"
			 "    severity = { scale = 1, scope = 1, irremediable = 1 }, likelihood = 1, action = 'a',\n"
			 "    when = function() %s end } } }\n", cases[i].prelude, name, name, name,
			 cases[i].when);
		p = lhost_pack(h, write_file(name, src), &e);
		if (!cases[i].refused) {
			if (!p)
				fail_msg("case %zu: %s", i, e.msg);
			continue;
		}
		if (p)
			fail_msg("case %zu loaded", i);
		if (!strstr(e.msg, cases[i].refused))
			fail_msg("case %zu: '%s' lacks '%s'", i, e.msg, cases[i].refused);
	}
	lhost_free(h);
}

/* A pack loaded after another cannot change the modules the first one's
 * rules read (tests/packs/hostile: uses_shared, module_tamper). */
static void test_modules_frozen(void **s)
{
	struct lhost *h = host();
	struct err e = { 0 };
	struct assessment a;
	struct qn *q;
	const struct pack *p = lhost_pack(h, "uses_shared", &e);

	(void)s;
	if (!p)
		fail_msg("uses_shared: %s", e.msg);
	assert_null(lhost_pack(h, "module_tamper", &e));
	assert_non_null(strstr(e.msg, "module_tamper.lua:3: attempt to modify 'shared_mod' (shared_mod.lua), which is read-only to other files"));
	assert_int_equal(run(h, p, &a, &e, &q), 0);
	assert_int_equal(a.nfindings, 0);
	qn_free(q);
	lhost_free(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hostile_rules),
		cmocka_unit_test(test_world_intact_after_hostile),
		cmocka_unit_test(test_no_leak_between_assessments),
		cmocka_unit_test(test_load_budget),
		cmocka_unit_test(test_metatables),
		cmocka_unit_test(test_frozen_metatable),
		cmocka_unit_test(test_proxy_chain),
		cmocka_unit_test(test_cut_copies),
		cmocka_unit_test(test_no_false_memory_error),
		cmocka_unit_test(test_message_keeps_end),
		cmocka_unit_test(test_wall_clock),
		cmocka_unit_test(test_snapshot),
		cmocka_unit_test(test_modules_frozen),
	};
	int rc;

	if (!mkdtemp(dir))
		return 1;
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	return rc;
}
