/* qn_xlsx_sheets.c: the Supplier and Evidence sheets of a questionnaire
 * workbook (qn_xlsx.h) into the questionnaire tree: the supplier's and the
 * respondent's fields by their labels, the country from its dropdown
 * entry, and the evidence items by their headings. The rest of the
 * workbook is read in qn_xlsx.c. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "qn.h"
#include "qn_xlsx.h"
#include "text.h"
#include "xlsx_read.h"
#include "qnx_int.h"

/* ---- the Supplier sheet ----------------------------------------------- */

/* "Norway (NO)" (the dropdown's entry) -> "NO"; anything else as is. */
static const char *country_code(struct rd *r, const char *v)
{
	size_t n = strlen(v);

	if (n > 5 && v[n - 1] == ')' && isupper((unsigned char)v[n - 2]) &&
	    isupper((unsigned char)v[n - 3]) && v[n - 4] == '(' && v[n - 5] == ' ')
		return arena_strndup(r->q->arena, v + n - 3, 2);
	return v;
}

int qnx_read_supplier(struct rd *r, const struct xlsx_sheet *s, struct coll *root)
{
	struct coll sup = qnx_coll(r, Y_MAP, s, 0, 0), resp = qnx_coll(r, Y_MAP, s, 0, 0);
	bool seen[64] = { false };
	struct kind_cell k;

	for (int ci = 0; ci < s->ncells; ci++) { /* the rows with a label in column A */
		const struct qnx_field *f = NULL;
		int row = s->cells[ci].row;
		struct ynode *v;
		const char *text, *dot;
		int i;

		if (s->cells[ci].col != 0)
			continue;
		for (i = 0; i < qnx_nfields && !f; i++)
			if (qnx_says(s, row, 0, qnx_fields[i].label))
				f = &qnx_fields[i];
		if (!f || seen[i - 1])
			continue;
		seen[i - 1] = true;
		if (qnx_read_cell(r, s, xlsx_cell(s, row, 1), &k))
			return ERR_INPUT;
		text = qnx_field_text(&k);
		if (!*text && !f->required && strcmp(f->path, "supplier.sector"))
			continue; /* left empty: as if the key were left out */
		dot = strchr(f->path, '.');
		if (!strcmp(f->path, "supplier.country"))
			text = country_code(r, text);
		v = qnx_scalar(r, s, row, 1, text);
		if (!dot)
			qnx_add_pair(r, root, qnx_scalar(r, s, row, 0, f->path), v);
		else
			qnx_add_pair(r, !strncmp(f->path, "supplier.", 9) ? &sup : &resp,
				 qnx_scalar(r, s, row, 0, dot + 1), v);
	}
	qnx_add_pair(r, root, qnx_scalar(r, s, 0, 0, "supplier"), sup.n);
	if (resp.len)
		qnx_add_pair(r, root, qnx_scalar(r, s, 0, 0, "respondent"), resp.n);
	return 0;
}

/* ---- the Evidence sheet ----------------------------------------------- */

int qnx_read_evidence(struct rd *r, const struct xlsx_sheet *s, struct coll *root)
{
	static const char *const keys[QNX_EV_NCOLS] = { "", "title", "kind", "date", "url" };
	struct coll evidence = qnx_coll(r, Y_MAP, s, 0, 0);
	int cols[QNX_EV_NCOLS], head = 0;

	if (qnx_headings(r, s, qnx_ev_heads, QNX_EV_NCOLS, cols, &head))
		return ERR_INPUT;
	for (int ci = 0; ci < s->ncells; ci++) { /* the rows with an evidence id */
		const char *text[QNX_EV_NCOLS];
		int row = s->cells[ci].row;
		struct kind_cell k;
		struct coll item;
		bool any = false;

		if (s->cells[ci].col != cols[QNX_EV_ID] || row <= head)
			continue;
		for (int f = 0; f < QNX_EV_NCOLS; f++) {
			text[f] = "";
			if (cols[f] < 0)
				continue;
			if (qnx_read_cell(r, s, xlsx_cell(s, row, cols[f]), &k))
				return ERR_INPUT;
			text[f] = f == QNX_EV_DATE && k.number && k.date ? k.date : qnx_field_text(&k);
			if (f == QNX_EV_KIND) {
				char *low = arena_strdup(r->q->arena, text[f]);

				for (char *p = low; *p; p++)
					*p = (char)tolower((unsigned char)*p);
				text[f] = low;
			}
			any |= f != QNX_EV_ID && *text[f];
		}
		if (!*text[QNX_EV_ID] || !any)
			continue; /* an unused row (its id is filled in beforehand) */
		/* placed at the title: where a missing title goes */
		item = qnx_coll(r, Y_MAP, s, row, cols[QNX_EV_TITLE] >= 0 ? cols[QNX_EV_TITLE] : 0);
		for (int f = 1; f < QNX_EV_NCOLS; f++)
			if (*text[f])
				qnx_add_pair(r, &item, qnx_scalar(r, s, row, cols[f], keys[f]),
					 qnx_scalar(r, s, row, cols[f], text[f]));
		qnx_add_pair(r, &evidence, qnx_scalar(r, s, row, cols[QNX_EV_ID], text[QNX_EV_ID]), item.n);
	}
	if (qnx_check_unique(r, s, &evidence, "evidence id"))
		return ERR_INPUT;
	if (evidence.len)
		qnx_add_pair(r, root, qnx_scalar(r, s, 0, 0, "evidence"), evidence.n);
	return 0;
}

