/* The Changes sheet of a supplier workbook (xlsx_changes.c). */
#ifndef DILIGO_XLSX_CHANGES_H
#define DILIGO_XLSX_CHANGES_H

#include "xlsx_common.h"

/* Add the Changes sheet when a->change is set (the run compares); returns
 * how many items it redacted for the stakeholder audience. */
int xlsx_sheet_changes(lxw_workbook *wb, const struct xfmt *f, const struct assessment *a,
		       bool stakeholder);

#endif
