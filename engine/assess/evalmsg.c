/* The evaluation message; see evalmsg.h. Layout, native byte order (both
 * ends are the same binary on the same machine):
 *   u32 magic "DLGE", u32 status
 *   status != 0: u32 line, u32 col, str file, str msg
 *   status == 0: u32 nquestions, f64 fn_score[nquestions], u32 nfindings,
 *                per finding: u32 rule, i32 likelihood, u32 scale, scope,
 *                irremediable, u32 flags (1 = info, 2 = assumed), str
 *                detail (len 0xffffffff = none), u32 nq, u32 question[nq]
 *   str = u32 length, bytes (no NUL). */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"
#include "bounds.h"
#include "evalmsg.h"
#include "score.h"

enum { MAGIC = 0x45474c44, NO_STRING = 0xffffffffu, FLAG_INFO = 1, FLAG_ASSUMED = 2 };

struct wbuf {
	unsigned char *p;
	size_t n, cap;
};

static void put(struct wbuf *w, const void *v, size_t n)
{
	GROW(w->p, w->n + n, w->cap);
	memcpy(w->p + w->n, v, n);
	w->n += n;
}

static void put_u32(struct wbuf *w, uint32_t v)
{
	put(w, &v, sizeof v);
}

static void put_str(struct wbuf *w, const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (!s) {
		put_u32(w, NO_STRING);
		return;
	}
	if (n > DILIGO_MAX_DETAIL_BYTES) { /* the sandbox caps first; this only guards */
		n = DILIGO_MAX_DETAIL_BYTES;
		while (n && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--; /* not inside a UTF-8 sequence */
	}
	put_u32(w, (uint32_t)n);
	put(w, s, n);
}

unsigned char *evalmsg_encode(const struct assessment *a, int status, const struct err *e,
			      size_t *len)
{
	struct wbuf w = { 0 };

	put_u32(&w, MAGIC);
	put_u32(&w, (uint32_t)(status ? 1 : 0));
	if (status) {
		put_u32(&w, (uint32_t)e->line);
		put_u32(&w, (uint32_t)e->col);
		put_str(&w, e->file);
		put_str(&w, e->msg);
	} else {
		put_u32(&w, (uint32_t)a->pack->nquestions);
		put(&w, a->fn_score, (size_t)a->pack->nquestions * sizeof *a->fn_score);
		put_u32(&w, (uint32_t)a->nfindings);
		for (int i = 0; i < a->nfindings; i++) {
			const struct finding *f = &a->findings[i];

			put_u32(&w, (uint32_t)(f->rule - a->pack->rules));
			put_u32(&w, (uint32_t)f->likelihood);
			put_u32(&w, (uint32_t)f->scale);
			put_u32(&w, (uint32_t)f->scope);
			put_u32(&w, (uint32_t)f->irremediable);
			put_u32(&w, (f->info ? FLAG_INFO : 0) | (f->assumed ? FLAG_ASSUMED : 0));
			put_str(&w, f->detail);
			put_u32(&w, (uint32_t)f->nquestions);
			for (int k = 0; k < f->nquestions; k++)
				put_u32(&w, (uint32_t)f->questions[k]);
		}
	}
	*len = w.n;
	return w.p;
}

size_t evalmsg_max(const struct pack *p)
{
	size_t per_finding = 32 + DILIGO_MAX_DETAIL_BYTES + 4 * (size_t)DILIGO_MAX_FINDING_QUESTIONS;

	return 64 + sizeof(struct err) + 8 * (size_t)p->nquestions +
	       per_finding * (size_t)p->nrules;
}

struct rbuf {
	const unsigned char *p;
	size_t n, at;
	bool bad;
};

static uint32_t get_u32(struct rbuf *r)
{
	uint32_t v = 0;

	if (r->n - r->at < sizeof v) {
		r->bad = true;
		return 0;
	}
	memcpy(&v, r->p + r->at, sizeof v);
	r->at += sizeof v;
	return v;
}

/* A string of at most max bytes, copied into ar (NULL for none or bad). */
static const char *get_str(struct rbuf *r, size_t max, struct arena *ar)
{
	uint32_t n = get_u32(r);

	if (r->bad || n == NO_STRING)
		return NULL;
	if (n > max || r->n - r->at < n) {
		r->bad = true;
		return NULL;
	}
	r->at += n;
	return arena_strndup(ar, (const char *)r->p + r->at - n, n);
}

static int bad(struct err *e, const char *what)
{
	return err_set(e, ERR_PACK, "the isolated evaluation sent an invalid result (%s)", what);
}

static int decode_error(struct rbuf *r, struct arena *ar, struct err *e)
{
	uint32_t line = get_u32(r), col = get_u32(r);
	const char *file = get_str(r, sizeof e->file - 1, ar);
	const char *msg = get_str(r, sizeof e->msg - 1, ar);

	if (r->bad || !msg || line > INT32_MAX || col > INT32_MAX)
		return bad(e, "error");
	err_at(e, ERR_PACK, file ? file : "", (int)line, (int)col, "%s", msg);
	return ERR_PACK;
}

static int decode_scores(struct rbuf *r, struct assessment *a, struct err *e)
{
	const struct pack *p = a->pack;

	if (get_u32(r) != (uint32_t)p->nquestions || r->bad)
		return bad(e, "question count");
	if (r->n - r->at < (size_t)p->nquestions * sizeof(double))
		return bad(e, "scores");
	for (int i = 0; i < p->nquestions; i++) {
		double s;

		memcpy(&s, r->p + r->at, sizeof s);
		r->at += sizeof s;
		if (!isnan(s) && (!(s >= 0 && s <= 1) || !p->questions[i].has_score_fn))
			return bad(e, "score");
		a->fn_score[i] = isnan(s) ? NAN : s;
	}
	return 0;
}

static int decode_finding(struct rbuf *r, struct assessment *a, int prev, struct err *e)
{
	const struct pack *p = a->pack;
	struct finding *f = &a->findings[a->nfindings];
	uint32_t rule = get_u32(r), nq, c[3], flags;
	int32_t lik = (int32_t)get_u32(r);
	int *qs;

	for (int k = 0; k < 3; k++)
		c[k] = get_u32(r);
	flags = get_u32(r);
	if (r->bad || rule >= (uint32_t)p->nrules || (int)rule <= prev)
		return bad(e, "rule");
	if (lik < SCORE_COMPONENT_MIN || lik > SCORE_COMPONENT_MAX)
		return bad(e, "likelihood");
	for (int k = 0; k < 3; k++)
		if (c[k] < SCORE_COMPONENT_MIN || c[k] > SCORE_COMPONENT_MAX)
			return bad(e, "severity");
	if (flags & ~(uint32_t)(FLAG_INFO | FLAG_ASSUMED))
		return bad(e, "flags");
	memset(f, 0, sizeof *f);
	f->rule = &p->rules[rule];
	f->likelihood = lik;
	f->scale = (int)c[0];
	f->scope = (int)c[1];
	f->irremediable = (int)c[2];
	f->info = flags & FLAG_INFO;
	f->assumed = flags & FLAG_ASSUMED;
	f->detail = get_str(r, DILIGO_MAX_DETAIL_BYTES, a->qn->arena);
	nq = get_u32(r);
	if (r->bad || nq > DILIGO_MAX_FINDING_QUESTIONS || r->n - r->at < (size_t)nq * 4)
		return bad(e, "questions");
	qs = arena_alloc(a->qn->arena, (size_t)(nq ? nq : 1) * sizeof *qs);
	for (uint32_t k = 0; k < nq; k++) {
		uint32_t qi = get_u32(r);

		if (qi >= (uint32_t)p->nquestions)
			return bad(e, "question");
		qs[k] = (int)qi;
	}
	f->questions = qs;
	f->nquestions = (int)nq;
	a->nfindings++;
	return 0;
}

int evalmsg_decode(const unsigned char *buf, size_t len, struct assessment *a, struct err *e)
{
	struct rbuf r = { buf, len, 0, false };
	uint32_t status, n;
	int prev = -1;

	if (get_u32(&r) != MAGIC || r.bad)
		return bad(e, "header");
	status = get_u32(&r);
	if (status > 1 || r.bad)
		return bad(e, "status");
	if (status)
		return decode_error(&r, a->qn->arena, e);
	if (decode_scores(&r, a, e))
		return ERR_PACK;
	n = get_u32(&r);
	if (r.bad || n > (uint32_t)a->pack->nrules)
		return bad(e, "finding count");
	a->findings = arena_alloc(a->qn->arena, (size_t)(n ? n : 1) * sizeof *a->findings);
	a->nfindings = 0;
	for (uint32_t i = 0; i < n; i++) {
		if (decode_finding(&r, a, prev, e))
			return ERR_PACK;
		prev = (int)(a->findings[a->nfindings - 1].rule - a->pack->rules);
	}
	if (r.at != r.n)
		return bad(e, "trailing bytes");
	return 0;
}
