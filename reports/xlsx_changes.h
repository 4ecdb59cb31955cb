/* The Changes sheet of a supplier workbook (xlsx_changes.c). */
#ifndef DILIGO_XLSX_CHANGES_H
#define DILIGO_XLSX_CHANGES_H

#include "redact.h"
#include "xlsx_common.h"

/* Add the Changes sheet when a->change is set (the run compares), on the
 * workbook's paper and marking (pg); what a stakeholder copy withholds as
 * redact.h says (who: the supplier as this copy names it). */
void xlsx_sheet_changes(lxw_workbook *wb, const struct xfmt *f, const struct xpage *pg,
			const struct assessment *a, const struct report_opts *o,
			const struct who *who);

#endif
