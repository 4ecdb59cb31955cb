/* Supplier workbooks as baselines (baseline.h). */
#include "baseline.h"

int baseline_probe_workbook(const char *path, struct arena *ar, const char **id, int *period,
			    struct err *e)
{
	(void)path, (void)ar, (void)e;
	*id = NULL;
	*period = 0;
	return 0;
}

int baseline_read_workbook(const char *path, struct arena *ar, struct prior **out, struct err *e)
{
	(void)ar, (void)out;
	return err_set(e, ERR_INPUT, "%s: supplier workbooks cannot be read yet", path);
}
