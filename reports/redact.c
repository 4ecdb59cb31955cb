/* What stakeholder copies withhold (redact.h). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "l10n_pack.h"
#include "redact.h"
#include "report_text.h"
#include "sha256.h"
#include "sink.h"

void report_pseudonym(const unsigned char *key, size_t keylen, const char *id,
		      char out[REPORT_PSEUDONYM])
{
	static const char b32[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; /* Crockford */
	static const char domain[] = "diligo supplier pseudonym 1\n";
	unsigned char mac[SHA256_LEN], msg[sizeof domain + 4 * DILIGO_MAX_ID];
	size_t n = strlen(id), m = sizeof domain - 1;
	unsigned long long bits = 0;

	if (n > sizeof msg - m)
		n = sizeof msg - m; /* ids are far shorter (the questionnaire checks) */
	memcpy(msg, domain, m);
	memcpy(msg + m, id, n);
	hmac_sha256(key, keylen, msg, m + n, mac);
	for (int i = 0; i < 7; i++)
		bits = bits << 8 | mac[i];
	bits >>= 6; /* 56 bits -> the first 50 */
	out[0] = 'P';
	out[1] = '-';
	for (int i = 0; i < 10; i++)
		out[2 + i] = b32[(bits >> (45 - 5 * i)) & 31];
	out[12] = '\0';
}

/* Legal forms dropped from the end of a name to find its stem (a comment
 * may say "Kivu Minerals" for "Kivu Minerals SARL"). Compared without case
 * and without dots. */
static const char *const legal_forms[] = {
	"sarl", "sa", "sas", "sasu", "sprl", "srl", "spa", "ltd", "limited", "llc", "llp", "inc",
	"incorporated", "corp", "corporation", "co", "company", "gmbh", "ag", "kg", "bv", "nv",
	"plc", "pty", "pte", "sdn", "bhd", "berhad", "tbk", "pt", "oy", "ab", "as", "a/s", "aps",
	"kk", "ltda", "cv", "de", "jsc", "ojsc", "pjsc", "ooo", "zao", "sl", "slu", "eirl", "group",
};

static bool is_legal_form(const char *w, size_t n)
{
	char buf[32];
	size_t k = 0;

	for (size_t i = 0; i < n && k + 1 < sizeof buf; i++)
		if (w[i] != '.' && w[i] != ',')
			buf[k++] = (char)tolower((unsigned char)w[i]);
	buf[k] = '\0';
	for (size_t i = 0; i < sizeof legal_forms / sizeof *legal_forms; i++)
		if (!strcmp(buf, legal_forms[i]))
			return true;
	return false;
}

/* The name without trailing legal forms ("Kestrel Precision Components
 * Sdn. Bhd." -> "Kestrel Precision Components"); empty when nothing is left
 * or nothing was dropped. */
static void name_stem(const char *name, char *out, size_t n)
{
	size_t len = strlen(name), orig;

	if (len >= n)
		len = n - 1;
	memcpy(out, name, len);
	out[len] = '\0';
	orig = len;
	for (;;) {
		size_t end = len, start;

		while (end && (out[end - 1] == ' ' || out[end - 1] == ','))
			end--;
		start = end;
		while (start && out[start - 1] != ' ' && out[start - 1] != ',')
			start--;
		if (start == 0 || !is_legal_form(out + start, end - start))
			break;
		len = start;
	}
	while (len && (out[len - 1] == ' ' || out[len - 1] == ','))
		len--;
	out[len == orig ? 0 : len] = '\0';
}

/* The first n words of s when it has more than n ("Lwembe Cobalt" of
 * "Lwembe Cobalt Processing"), else empty. */
static void first_words(const char *s, int n, char *out, size_t size)
{
	size_t k = 0;
	int words = 0;

	out[0] = '\0';
	while (s[k] && k + 1 < size) {
		if (s[k] == ' ' && k && s[k - 1] != ' ' && ++words == n) {
			if (s[k + 1]) {
				memcpy(out, s, k);
				out[k] = '\0';
			}
			return;
		}
		k++;
	}
}

static void add_needle(struct who *w, const char *s, const char *repl)
{
	size_t n = s ? strlen(s) : 0;
	int i;

	if (n < 2 || w->nneedles == WHO_NEEDLES)
		return;
	for (i = w->nneedles; i > 0 && w->nlen[i - 1] < n; i--) { /* longest first */
		w->needle[i] = w->needle[i - 1];
		w->nlen[i] = w->nlen[i - 1];
		w->repl[i] = w->repl[i - 1];
	}
	w->needle[i] = s;
	w->nlen[i] = n;
	w->repl[i] = repl;
	w->nneedles++;
}

void redact_who(const struct report_opts *o, const struct supplier *s, struct who *w)
{
	memset(w, 0, sizeof *w);
	w->id = s->id;
	w->name = s->name;
	if (!o->stakeholder || !o->pseudonymise)
		return;
	report_pseudonym(o->key, o->keylen, s->id, w->pid);
	snprintf(w->pname, sizeof w->pname, RT(FMT_PSEUDONYM_NAME), w->pid);
	w->id = w->pid;
	w->name = w->pname;
	name_stem(s->name ? s->name : "", w->stem, sizeof w->stem);
	first_words(*w->stem ? w->stem : s->name ? s->name : "", 2, w->short_, sizeof w->short_);
	add_needle(w, s->name, w->pname);
	add_needle(w, w->stem, w->pname);
	add_needle(w, w->short_, w->pname);
	add_needle(w, s->id, w->pid);
}

static bool word_char(unsigned char c)
{
	return isalnum(c) || c >= 0x80 || c == '_';
}

static bool match_at(const char *text, size_t at, size_t len, const char *needle, size_t n)
{
	if (at + n > len || strncasecmp(text + at, needle, n))
		return false;
	/* whole words only, where the needle itself starts or ends a word */
	if (at && word_char((unsigned char)text[at - 1]) && word_char((unsigned char)needle[0]))
		return false;
	if (at + n < len && word_char((unsigned char)text[at + n]) &&
	    word_char((unsigned char)needle[n - 1]))
		return false;
	return true;
}

const char *redact_free(const struct who *w, const char *text, char *buf, size_t n, int *mentions)
{
	static const char cut_mark[] = REPORT_TRUNCATED;
	size_t len, out = 0, i = 0, room;
	bool hit = false, cut = false;

	if (!text || !w->nneedles || n <= sizeof cut_mark)
		return text;
	room = n - sizeof cut_mark; /* what fits before the marker and the NUL */
	len = strlen(text);
	while (i < len) {
		int k;

		for (k = 0; k < w->nneedles; k++)
			if (match_at(text, i, len, w->needle[k], w->nlen[k]))
				break;
		if (k < w->nneedles) {
			size_t r = strlen(w->repl[k]);

			if (out + r <= room) {
				memcpy(buf + out, w->repl[k], r);
				out += r;
			} else {
				cut = true;
			}
			i += w->nlen[k];
			hit = true;
			if (mentions)
				++*mentions;
			continue;
		}
		if (out < room)
			buf[out++] = text[i];
		else
			cut = true;
		i++;
	}
	if (!hit)
		return text;
	if (cut) { /* no broken sequence before the marker */
		while (out && ((unsigned char)buf[out - 1] & 0xC0) == 0x80)
			out--;
		if (out && ((unsigned char)buf[out - 1] & 0xC0) == 0xC0)
			out--;
		memcpy(buf + out, cut_mark, sizeof cut_mark);
		return buf;
	}
	buf[out] = '\0';
	return buf;
}

bool redact_answer(const struct report_opts *o, const struct answer *an)
{
	return o->stakeholder && an->confidential;
}

bool redact_evidence(const struct report_opts *o, const struct assessment *a, const char *id)
{
	const struct qn *q = a->qn;

	if (!o->stakeholder)
		return false;
	for (int i = 0; i < a->pack->nquestions; i++)
		if (q->answers[i].confidential)
			for (int k = 0; k < q->answers[i].nevidence; k++)
				if (!strcmp(q->answers[i].evidence[k], id))
					return true;
	return false;
}

bool redact_finding(const struct report_opts *o, const struct assessment *a,
		    const struct finding *f)
{
	if (!o->stakeholder)
		return false;
	for (int i = 0; i < f->nquestions; i++)
		if (a->qn->answers[f->questions[i]].confidential)
			return true;
	return false;
}

const char *finding_area(const struct assessment *a, const struct finding *f)
{
	const struct rule *r = f->rule;
	int ar;

	if (!r->nduties || !r->duty_ix || r->duty_ix[0] < 0 || !a->pack->duty_area)
		return NULL;
	ar = a->pack->duty_area[r->duty_ix[0]];

	return ar >= 0 && ar < a->pack->nareas ? a->pack->areas[ar] : NULL;
}

const char *finding_title(const struct report_opts *o, const struct assessment *a,
			  const struct finding *f, char *buf, size_t n)
{
	const char *area;

	if (!redact_finding(o, a, f)) {
		if (!f->info)
			return f->rule->title;
		/* it stands for what missing answers could hide (docs/scoring.md) */
		snprintf(buf, n, RT(FMT_INFO_NEEDED), f->rule->title);
		return buf;
	}
	area = finding_area(a, f);
	snprintf(buf, n, RT(FMT_NEUTRAL_TITLE), area ? pack_area(a->pack, area) : RT(NEUTRAL_NO_AREA));
	return buf;
}

static bool id_char(unsigned char c)
{
	return isalnum(c) || c == '.' || c == '_' || c == '-';
}

const char *redact_reason(const struct report_opts *o, const struct assessment *a,
			  char *buf, size_t n)
{
	const char *text = a->rating_reason;
	static const char hide[] = "[confidential]";
	size_t len, out = 0;
	bool hit = false;

	if (!text || !o->stakeholder)
		return text;
	len = strlen(text);
	for (size_t i = 0; i < len;) {
		size_t k = 0;

		if (!i || !id_char((unsigned char)text[i - 1]))
			for (int f = 0; f < a->nfindings && !k; f++) {
				const struct rule *r = a->findings[f].rule;
				const char *ids[2] = { r->group, r->id };

				if (!redact_finding(o, a, &a->findings[f]))
					continue;
				for (int j = 0; j < 2 && !k; j++) {
					size_t m = ids[j] ? strlen(ids[j]) : 0;

					if (m && i + m <= len && !strncmp(text + i, ids[j], m) &&
					    !id_char((unsigned char)text[i + m]))
						k = m;
				}
			}
		if (k) {
			if (out + sizeof hide < n) {
				memcpy(buf + out, hide, sizeof hide - 1);
				out += sizeof hide - 1;
			}
			i += k;
			hit = true;
		} else {
			if (out + 1 < n)
				buf[out++] = text[i];
			i++;
		}
	}
	if (!hit)
		return text;
	buf[out] = '\0';
	return buf;
}

const char *employees_band(long n, char *buf, size_t size)
{
	static const long bands[] = { 1, 50, 250, 1000, 5000, 10000 };
	enum { NBANDS = sizeof bands / sizeof *bands };
	char lo[32], hi[32];
	int i = 0;

	while (i + 1 < NBANDS && n >= bands[i + 1])
		i++;
	snprintf(lo, sizeof lo, "%ld", bands[i]);
	if (i + 1 == NBANDS) {
		snprintf(buf, size, RT(FMT_BAND_EMPLOYEES_TOP), lo);
	} else {
		snprintf(hi, sizeof hi, "%ld", bands[i + 1] - 1);
		snprintf(buf, size, RT(FMT_BAND_EMPLOYEES), lo, hi);
	}
	return buf;
}

void redact_count(const struct report_opts *o, const struct assessment *a, const struct who *w,
		  int c[RD__COUNT])
{
	const struct qn *q = a->qn;
	char buf[DILIGO_REPORT_LIST_TEXT], tmp[DILIGO_REPORT_LIST_TEXT];

	if (!o->stakeholder)
		return;
	c[RD_RESPONDENT] += q->respondent_name || q->respondent_role || q->respondent_email;
	c[RD_PATHS]++; /* the questionnaire's (or the input's) path */
	for (int i = 0; i < a->pack->nquestions; i++) {
		const struct answer *an = &q->answers[i];

		if (an->confidential) {
			c[RD_ANSWERS] += an->state != ANS_NONE;
			c[RD_COMMENTS] += an->comment != NULL;
			c[RD_CITATIONS] += an->nevidence;
			continue;
		}
		if (w->nneedles && an->state == ANS_VALUE)
			redact_free(w, report_answer_text(&a->pack->questions[i], an, tmp, sizeof tmp),
				    buf, sizeof buf, &c[RD_MENTIONS]);
		if (w->nneedles && an->comment)
			redact_free(w, an->comment, buf, sizeof buf, &c[RD_MENTIONS]);
	}
	for (int i = 0; i < q->nevidence; i++) {
		const struct evidence *ev = &q->evidence[i];

		if (redact_evidence(o, a, ev->id)) {
			c[RD_EVIDENCE]++;
			continue;
		}
		if (w->nneedles && ev->title)
			redact_free(w, ev->title, buf, sizeof buf, &c[RD_MENTIONS]);
		c[RD_URLS] += o->pseudonymise && ev->url;
	}
	for (int i = 0; i < a->nfindings; i++) {
		const struct finding *f = &a->findings[i];

		if (redact_finding(o, a, f)) {
			c[RD_FINDINGS]++;
			c[RD_DETAILS] += f->detail != NULL;
		} else if (w->nneedles && f->detail) {
			redact_free(w, f->detail, buf, sizeof buf, &c[RD_MENTIONS]);
		}
	}
	if (o->pseudonymise) {
		c[RD_PSEUDONYMS]++;
		c[RD_EMPLOYEES] += q->supplier.employees >= 0;
	}
}
