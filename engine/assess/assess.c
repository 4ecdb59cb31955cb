/* One questionnaire from file to finished assessment; see assess.h. */
#include <stdio.h>
#include <string.h>

#include "assess.h"
#include "bounds.h"
#include "score.h"
#include "text.h"

const struct pack *assess_pack_for(struct lhost *h, const char *forced, const struct qn *q,
				   struct err *e)
{
	const struct ynode *s = ynode_get(ynode_get(q->root, "supplier"), "sector");
	const char *name = forced ? forced : qn_sector(q);
	const char *names[DILIGO_MAX_SECTORS], *near;
	char list[512] = "";
	int n;

	if (!name || (!*name && s && s->sheet)) { /* a workbook's empty Sector cell */
		qn_err_at(e, ERR_INPUT, q, s && s->sheet ? s : NULL,
			  "no sector: set supplier.sector or use -s NAME");
		return NULL;
	}
	if (lhost_sector_exists(h, name))
		return lhost_pack(h, name, e);
	n = lhost_sector_names(h, names, DILIGO_MAX_SECTORS);
	for (int i = 0; i < n; i++)
		snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", names[i]);
	if ((near = text_closest(name, names, n)))
		snprintf(list + strlen(list), sizeof list - strlen(list), "; did you mean '%s'?", near);
	if (forced)
		err_set(e, ERR_USAGE, "no sector pack '%s' (installed: %s)", name, list);
	else
		qn_err_at(e, ERR_INPUT, q, s, "no sector pack '%s' (installed: %s)", name, list);
	return NULL;
}

int assess_load(struct lhost *h, const char *path, const char *sector, bool hash,
		struct qn **qp, struct err *e)
{
	const struct pack *p;

	*qp = qn_load(path, hash, e);
	if (!*qp)
		return e->code;
	if (!(p = assess_pack_for(h, sector, *qp, e)))
		return e->code;
	if (qn_bind(*qp, p, e))
		return ERR_INPUT;
	return 0;
}

int assess_run(struct lhost *h, const struct qn *q, struct assessment *a,
	       const struct isolate_opts *iso, struct err *e)
{
	static const struct isolate_opts defaults = { 0 };
	int rc;

	if (!iso)
		iso = &defaults;
	score_init(a, q);
	if (iso->always || !q->pack->trusted)
		rc = isolate_evaluate(h, q, a, iso, e);
	else
		rc = lhost_evaluate(h, q->pack, q, a, e);
	if (rc) {
		snprintf(e->file, sizeof e->file, "%s", q->path);
		return ERR_PACK;
	}
	score_assessment(a);
	return 0;
}
