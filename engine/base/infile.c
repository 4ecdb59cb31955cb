/* Inputs opened without blocking; see infile.h. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "infile.h"

const char *infile_kind(unsigned mode)
{
	switch (mode & S_IFMT) {
	case S_IFREG: return "a regular file";
	case S_IFDIR: return "a directory";
	case S_IFIFO: return "a FIFO";
	case S_IFCHR: return "a character device";
	case S_IFBLK: return "a block device";
	case S_IFSOCK: return "a socket";
	default: return "not a file";
	}
}

static int refuse(const char *path, const struct stat *st, struct err *e)
{
	if (S_ISDIR(st->st_mode))
		return err_set(e, ERR_IO, "cannot read '%s': Is a directory", path);
	return err_set(e, ERR_IO, "cannot read '%s': not a regular file (%s)", path,
		       infile_kind(st->st_mode));
}

int infile_open(const char *path, int *fd, struct err *e)
{
	struct stat st = { 0 };

	*fd = -1;
	/* Look before opening: opening a device can have effects of its own. */
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
		return refuse(path, &st, e);
	/* O_NONBLOCK: if a FIFO took the file's place since, open and read do
	 * not wait for a writer; fstat below sees it. */
	*fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (*fd < 0)
		return err_set(e, ERR_IO, "cannot open '%s': %s", path, strerror(errno));
	if (fstat(*fd, &st) || !S_ISREG(st.st_mode)) {
		int rc = S_ISREG(st.st_mode) ? err_set(e, ERR_IO, "cannot read '%s': %s", path,
						       strerror(errno))
					     : refuse(path, &st, e);

		close(*fd);
		*fd = -1;
		return rc;
	}
	fcntl(*fd, F_SETFL, fcntl(*fd, F_GETFL) & ~O_NONBLOCK);
	return 0;
}
