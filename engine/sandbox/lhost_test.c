/* diligo plugin test: a pack's embedded tests, each run as a real
 * assessment — the test's answers become a questionnaire that goes through
 * the same validation, sandbox and scoring as a supplier's. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "lhost_int.h"
#include "score.h"

struct test {
	struct lhost *h;
	const struct pack *p;
	int index; /* 1-based in the tests list */
	struct qn *q;
	const char *name;
	const char *findings[DILIGO_MAX_TEST_EXPECT], *absent[DILIGO_MAX_TEST_EXPECT],
		*info[DILIGO_MAX_TEST_EXPECT];
	int nfindings, nabsent, ninfo;
	const char *rating;
	int red_flag; /* -1 = not checked */
	double score; /* NAN = not checked */
	char problem[512];
};

static struct ynode *scalar(struct arena *a, const char *s)
{
	struct ynode *n = arena_alloc(a, sizeof *n);

	n->type = Y_SCALAR;
	n->str = arena_strdup(a, s);
	n->len = strlen(s);
	n->plain = true;
	n->line = n->col = 1;
	return n;
}

static struct ynode *map(struct arena *a, int cap)
{
	struct ynode *n = arena_alloc(a, sizeof *n);

	n->type = Y_MAP;
	n->kids = arena_alloc(a, (size_t)(cap ? cap : 1) * 2 * sizeof *n->kids);
	n->line = n->col = 1;
	return n;
}

static void put(struct ynode *m, struct ynode *k, struct ynode *v)
{
	m->kids[2 * m->n] = k;
	m->kids[2 * m->n + 1] = v;
	m->n++;
}

/* [-0, +0, e] the string at idx as a scalar: cut at the size of a whole
 * questionnaire file, and counted against the memory cap */
static struct ynode *scalar_at(lua_State *L, struct arena *a, int idx)
{
	struct ynode *n = arena_alloc(a, sizeof *n);

	n->type = Y_SCALAR;
	n->str = lhost_copy_text(L, a, idx, DILIGO_MAX_QN_BYTES);
	n->len = strlen(n->str);
	n->plain = true;
	n->line = n->col = 1;
	return n;
}

/* [-0, +0, e] the Lua value at idx as a questionnaire node: a scalar, or a
 * list of scalars (an answer is no deeper) */
static struct ynode *to_node(lua_State *L, struct arena *a, int idx, const char *what, bool in_list)
{
	struct ynode *n;
	lua_Integer len;

	switch (lua_type(L, idx)) {
	case LUA_TSTRING:
		return scalar_at(L, a, idx);
	case LUA_TNUMBER: {
		char buf[64];

		if (lua_isinteger(L, idx))
			snprintf(buf, sizeof buf, "%lld", (long long)lua_tointeger(L, idx));
		else
			snprintf(buf, sizeof buf, "%.17g", lua_tonumber(L, idx));
		return scalar(a, buf);
	}
	case LUA_TBOOLEAN:
		return scalar(a, lua_toboolean(L, idx) ? "true" : "false");
	case LUA_TTABLE:
		if (in_list)
			luaL_error(L, "%s: a list holds strings, numbers or booleans, not lists",
				   what);
		len = lhost_rawlen(L, idx);
		if (len < 0 || len > DILIGO_MAX_TEST_LIST)
			luaL_error(L, "%s: a list of at most %d values", what, DILIGO_MAX_TEST_LIST);
		n = arena_alloc(a, sizeof *n);
		n->type = Y_SEQ;
		n->line = n->col = 1;
		n->kids = arena_alloc(a, (size_t)(len ? len : 1) * sizeof *n->kids);
		for (lua_Integer i = 1; i <= len; i++) {
			lua_geti(L, idx, i);
			n->kids[n->n++] = to_node(L, a, lua_gettop(L), what, true);
			lua_pop(L, 1);
		}
		return n;
	default:
		luaL_error(L, "%s: a %s cannot be an answer", what, luaL_typename(L, idx));
		return NULL;
	}
}

/* [-0, +0, e] a key of the answers, for messages and as a node */
static const char *key_at(lua_State *L, struct arena *a, int idx)
{
	return lhost_copy_text(L, a, idx, DILIGO_MAX_TEXT_BYTES);
}

/* The answer node v in long form, citing evidence E1. */
static struct ynode *with_evidence(struct arena *a, struct ynode *v)
{
	struct ynode *m = map(a, 2), *list = arena_alloc(a, sizeof *list);

	list->type = Y_SEQ;
	list->line = list->col = 1;
	list->kids = arena_alloc(a, sizeof *list->kids);
	list->kids[list->n++] = scalar(a, "E1");
	put(m, scalar(a, "value"), v);
	put(m, scalar(a, "evidence"), list);
	return m;
}

/* test.evidence = true: every answer cites one current evidence item. */
static struct ynode *evidence_node(struct arena *a, int period)
{
	struct ynode *items = map(a, 1), *e1 = map(a, 3);

	put(e1, scalar(a, "title"), scalar(a, "Evidence given in the test"));
	put(e1, scalar(a, "kind"), scalar(a, "report"));
	put(e1, scalar(a, "date"), scalar(a, arena_printf(a, "%d-01-01", period ? period : 2025)));
	put(items, scalar(a, "E1"), e1);
	return items;
}

static struct ynode *answers_node(lua_State *L, struct arena *a, int t, bool evidenced)
{
	struct ynode *m;
	int n = 0, tab;

	if (lua_getfield(L, t, "answers") != LUA_TTABLE)
		luaL_error(L, "test has no 'answers' table");
	lhost_frozen_target(L, -1); /* a read-only table: its own entries */
	if (lua_isnil(L, -1))
		lua_pop(L, 1);
	else
		lua_replace(L, -2);
	tab = lua_gettop(L);
	lua_pushnil(L);
	while (n < DILIGO_MAX_TEST_ANSWERS && lua_next(L, tab)) {
		n++;
		lua_pop(L, 1);
	}
	lua_settop(L, tab); /* the key lua_next may have left */
	m = map(a, n);
	lua_pushnil(L);
	while (m->n < n && lua_next(L, tab)) {
		const char *k;
		struct ynode *v;

		if (lua_type(L, -2) != LUA_TSTRING)
			luaL_error(L, "test answers must be keyed by question id");
		k = key_at(L, a, -2);
		v = to_node(L, a, lua_gettop(L), k, false);
		put(m, scalar(a, k), evidenced ? with_evidence(a, v) : v);
		lua_pop(L, 1);
	}
	lua_settop(L, tab - 1);
	return m;
}

/* Supplier block from test.context.supplier, with defaults. */
static struct ynode *supplier_node(lua_State *L, struct test *t, int ctx)
{
	static const char *const keys[] = { "country", "sector", "employees", "tier" };
	struct arena *a = t->q->arena;
	struct ynode *s = map(a, 6);

	put(s, scalar(a, "id"), scalar(a, "TEST"));
	put(s, scalar(a, "name"), scalar(a, t->name));
	if (lua_type(L, ctx) == LUA_TTABLE && lua_getfield(L, ctx, "supplier") == LUA_TTABLE) {
		for (int i = 0; i < 4; i++) {
			if (lua_getfield(L, -1, keys[i]) != LUA_TNIL)
				put(s, scalar(a, keys[i]), to_node(L, a, lua_gettop(L), keys[i], false));
			lua_pop(L, 1);
		}
	}
	return s;
}

static int read_list(lua_State *L, int idx, const char *key, const char **out, struct arena *a)
{
	int n = 0;

	if (lua_getfield(L, idx, key) == LUA_TTABLE) {
		lua_Integer len = lhost_rawlen(L, -1);

		for (lua_Integer i = 1; i <= len && n < DILIGO_MAX_TEST_EXPECT; i++) {
			if (lua_geti(L, -1, i) == LUA_TSTRING)
				out[n++] = lhost_copy_text(L, a, -1, DILIGO_MAX_TEXT_BYTES);
			lua_pop(L, 1);
		}
	}
	lua_pop(L, 1);
	return n;
}

static void read_expect(lua_State *L, struct test *t, int tt)
{
	struct arena *a = t->q->arena;

	t->red_flag = -1;
	t->score = NAN;
	if (lua_getfield(L, tt, "expect") != LUA_TTABLE)
		luaL_error(L, "test '%s' has no 'expect' table", t->name);
	t->nfindings = read_list(L, -1, "findings", t->findings, a);
	t->nabsent = read_list(L, -1, "absent", t->absent, a);
	t->ninfo = read_list(L, -1, "info", t->info, a);
	if (lua_getfield(L, -1, "rating") == LUA_TSTRING)
		t->rating = lhost_copy_text(L, a, -1, DILIGO_MAX_ID);
	if (lua_getfield(L, -2, "red_flag") == LUA_TBOOLEAN)
		t->red_flag = lua_toboolean(L, -1);
	if (lua_getfield(L, -3, "score") == LUA_TNUMBER)
		t->score = lua_tonumber(L, -1);
	lua_pop(L, 4);
}

/* Protected: test number t->index into t->q and the expectations. */
static int read_test(lua_State *L)
{
	struct test *t = lua_touserdata(L, 1);
	struct arena *a = t->q->arena;
	struct ynode *root = map(a, 5);
	int tt, ctx, period = 0;
	bool evidenced;

	lua_rawgeti(L, LUA_REGISTRYINDEX, lhost_pack_ref(t->h, t->p));
	lua_getfield(L, -1, "tests");
	lua_rawgeti(L, -1, 1);
	if (lua_geti(L, -1, t->index) != LUA_TTABLE)
		luaL_error(L, "tests[%d] must be a table", t->index);
	tt = lua_gettop(L);
	t->name = lua_getfield(L, tt, "name") == LUA_TSTRING
			  ? lhost_copy_text(L, a, -1, sizeof ((struct test_result *)0)->name - 1)
			  : arena_printf(a, "test %d", t->index);
	lua_getfield(L, tt, "context");
	ctx = lua_gettop(L);
	put(root, scalar(a, "diligo"), scalar(a, "1"));
	put(root, scalar(a, "supplier"), supplier_node(L, t, ctx));
	lua_settop(L, ctx);
	if (lua_type(L, ctx) == LUA_TTABLE && lua_getfield(L, ctx, "period") != LUA_TNIL) {
		period = (int)lua_tointeger(L, -1);
		put(root, scalar(a, "period"), to_node(L, a, lua_gettop(L), "period", false));
	}
	lua_settop(L, ctx);
	lua_getfield(L, tt, "evidence");
	evidenced = lua_toboolean(L, -1);
	lua_pop(L, 1);
	if (evidenced)
		put(root, scalar(a, "evidence"), evidence_node(a, period));
	put(root, scalar(a, "answers"), answers_node(L, a, tt, evidenced));
	t->q->root = root;
	read_expect(L, t, tt);
	return 0;
}

/* Whether rule id gave a finding (info: an information-needed one; else
 * the rule's own finding, found or assumed). */
static bool fired(const struct assessment *as, const char *id, bool info)
{
	for (int i = 0; i < as->nfindings; i++)
		if (!strcmp(as->findings[i].rule->id, id) && as->findings[i].info == info)
			return true;
	return false;
}

static void check(struct test *t, const struct assessment *as, struct test_result *r)
{
	size_t n = 0;

#define FAIL(...) (r->passed = 0, n += (size_t)snprintf(r->detail + n, n < sizeof r->detail ? sizeof r->detail - n : 0, __VA_ARGS__))
	for (int i = 0; i < t->nfindings; i++)
		if (!fired(as, t->findings[i], false))
			FAIL("%sexpected finding '%s' did not fire%s", n ? "; " : "", t->findings[i],
			     fired(as, t->findings[i], true) ? " (it asks for information)" : "");
	for (int i = 0; i < t->ninfo; i++)
		if (!fired(as, t->info[i], true))
			FAIL("%sexpected an information request from '%s'%s", n ? "; " : "",
			     t->info[i], fired(as, t->info[i], false) ? " (it fired)" : "");
	for (int i = 0; i < t->nabsent; i++)
		if (fired(as, t->absent[i], false))
			FAIL("%sfinding '%s' fired but the test expects it absent", n ? "; " : "",
			     t->absent[i]);
	if (t->rating && (strlen(t->rating) != 1 || t->rating[0] != as->rating))
		FAIL("%sexpected rating %s, got %c", n ? "; " : "", t->rating, as->rating);
	if (t->red_flag >= 0 && t->red_flag != as->red_flag)
		FAIL("%sexpected red_flag = %s", n ? "; " : "", t->red_flag ? "true" : "false");
	if (!isnan(t->score) && !(fabs(t->score - as->overall) < 0.05))
		FAIL("%sexpected score %.1f, got %.1f", n ? "; " : "", t->score, as->overall);
#undef FAIL
}

static int tests_count(struct lhost *h, const struct pack *p)
{
	lua_State *L = h->L;
	int n = 0;

	lua_rawgeti(L, LUA_REGISTRYINDEX, lhost_pack_ref(h, p));
	lua_getfield(L, -1, "tests");
	if (lua_rawgeti(L, -1, 1) == LUA_TTABLE)
		n = (int)lhost_rawlen(L, -1);
	lua_pop(L, 3);
	return n;
}

/* One test, start to end; fills r. Returns <0 only when the pack broke. */
static int run_one(struct lhost *h, const struct pack *p, int i, struct test_result *r,
		   struct err *e)
{
	struct arena *a = arena_new();
	struct test t = { .h = h, .p = p, .index = i };
	struct assessment as;
	struct err be;
	int rc = 0, status;

	t.q = arena_alloc(a, sizeof *t.q);
	t.q->arena = a;
	t.q->path = arena_printf(a, "%s (tests[%d])", p->files ? p->files[0].path : p->id, i);
	t.q->partial = true; /* a test gives the answers it tests, not a whole questionnaire */
	r->passed = 1;
	r->detail[0] = '\0';
	snprintf(h->where, sizeof h->where, "%s", t.q->path); /* names the file in messages */
	lhost_budget_start(h);
	lua_pushcfunction(h->L, read_test);
	lua_pushlightuserdata(h->L, &t);
	if ((status = lhost_pcall(h, 1, 0)) != LUA_OK) {
		rc = lhost_error(h, status, e);
		h->where[0] = '\0';
		goto out;
	}
	h->where[0] = '\0';
	snprintf(r->name, sizeof r->name, "%s", t.name);
	if (qn_bind(t.q, p, &be)) {
		r->passed = 0;
		snprintf(r->detail, sizeof r->detail, "answers do not validate: %s", be.msg);
		goto out;
	}
	score_init(&as, t.q);
	if (lhost_evaluate(h, p, t.q, &as, &be)) {
		r->passed = -1; /* the pack failed to run: not a test result */
		snprintf(r->detail, sizeof r->detail, "%s", be.msg);
		goto out;
	}
	score_assessment(&as);
	check(&t, &as, r);
out:
	arena_free(a);
	return rc;
}

int lhost_run_tests(struct lhost *h, const struct pack *p, test_cb cb, void *ud, struct err *e)
{
	int n = tests_count(h, p), failures = 0, rc;

	for (int i = 1; i <= n; i++) {
		struct test_result r = { 0 };

		h->reads_check = p;
		rc = run_one(h, p, i, &r, e);
		h->reads_check = NULL;
		if (rc)
			return ERR_PACK;
		failures += r.passed != 1;
		if (r.passed < 0)
			e->code = ERR_PACK; /* remembered: the run ends with exit 3 */
		cb(ud, p, &r);
	}
	return failures;
}
