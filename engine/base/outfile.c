/* Atomic writes: temp file in the target's directory, rename on success. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outfile.h"

int outfile_begin(struct outfile *f, const char *target, struct err *e)
{
	static _Atomic unsigned counter;
	const char *slash = strrchr(target, '/');
	struct stat st;
	char dir[4096];

	if (strlen(target) >= sizeof f->target)
		return err_set(e, ERR_IO, "output path is too long");
	snprintf(f->target, sizeof f->target, "%s", target);
	if (slash)
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - target), target);
	else
		snprintf(dir, sizeof dir, ".");
	if (!dir[0])
		snprintf(dir, sizeof dir, "/");
	if (stat(dir, &st) || !S_ISDIR(st.st_mode))
		return err_set(e, ERR_IO, "cannot write '%s': %s", target,
			       errno ? strerror(errno) : "not a directory");
	if (stat(target, &st) == 0 && S_ISDIR(st.st_mode))
		return err_set(e, ERR_IO, "cannot write '%s': Is a directory", target);
	f->direct = stat(target, &st) == 0 && !S_ISREG(st.st_mode);
	if (f->direct) {
		snprintf(f->tmp, sizeof f->tmp, "%s", target);
		return 0;
	}
	if (access(dir, W_OK))
		return err_set(e, ERR_IO, "cannot write '%s': %s", target, strerror(errno));
	snprintf(f->tmp, sizeof f->tmp, "%s/.%s.%ld.%u.tmp", dir, slash ? slash + 1 : target,
		 (long)getpid(), counter++);
	return 0;
}

int outfile_commit(struct outfile *f, struct err *e)
{
	if (f->direct)
		return 0;
	if (rename(f->tmp, f->target)) {
		int saved = errno;

		unlink(f->tmp);
		return err_set(e, ERR_IO, "cannot write '%s': %s", f->target, strerror(saved));
	}
	return 0;
}

void outfile_discard(struct outfile *f)
{
	if (!f->direct)
		unlink(f->tmp);
}
