/* outfile: every output file is written to a temporary name beside its
 * target and renamed into place only when complete, so a failed run leaves
 * no partial file and never clobbers an existing one. */
#ifndef DILIGO_OUTFILE_H
#define DILIGO_OUTFILE_H

#include "err.h"

/* Atomic output: a temporary path beside target, then commit or discard. */
struct outfile {
	char target[4096], tmp[4200];
	int direct; /* the target is a device or a pipe (/dev/stdout, /dev/full):
		       written in place, since it cannot be replaced */
};
int outfile_begin(struct outfile *f, const char *target, struct err *e);
int outfile_commit(struct outfile *f, struct err *e);
void outfile_discard(struct outfile *f);

#endif
