#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "keyfile.h"

static int create(const char *path, bool *created, struct err *e)
{
	unsigned char raw[KEYFILE_NEW];
	char hex[2 * KEYFILE_NEW + 2];
	int fd;
	size_t got = 0;

	while (got < sizeof raw) {
		ssize_t n = getrandom(raw + got, sizeof raw - got, 0);

		if (n < 0 && errno != EINTR)
			return err_set(e, ERR_IO, "cannot create key file '%s': no random bytes: %s",
				       path, strerror(errno));
		got += n > 0 ? (size_t)n : 0;
	}
	for (size_t i = 0; i < sizeof raw; i++)
		snprintf(hex + 2 * i, 3, "%02x", raw[i]);
	hex[2 * KEYFILE_NEW] = '\n';
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0)
		return errno == EEXIST ? 0 /* another run made it first: read theirs */
				       : err_set(e, ERR_IO, "cannot create key file '%s': %s", path,
						 strerror(errno));
	if (write(fd, hex, 2 * KEYFILE_NEW + 1) != 2 * KEYFILE_NEW + 1 || fsync(fd)) {
		int saved = errno;

		close(fd);
		unlink(path);
		return err_set(e, ERR_IO, "cannot write key file '%s': %s", path, strerror(saved));
	}
	close(fd);
	*created = true;
	return 0;
}

int keyfile_load(const char *path, unsigned char key[KEYFILE_MAX], size_t *len, bool *created,
		 struct err *e)
{
	struct stat st;
	ssize_t n;
	size_t got = 0;
	int fd, rc;

	*created = false;
	*len = 0;
	if (access(path, F_OK) && errno == ENOENT && (rc = create(path, created, e)))
		return rc;
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return err_set(e, ERR_IO, "cannot read key file '%s': %s", path, strerror(errno));
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		close(fd);
		return err_set(e, ERR_USAGE, "key file '%s' is not a regular file", path);
	}
	if (st.st_mode & 077) {
		close(fd);
		return err_set(e, ERR_USAGE, "key file '%s' may be read or written by others (mode %04o); "
			       "chmod 600 it", path, (unsigned)(st.st_mode & 07777));
	}
	while (got < KEYFILE_MAX && (n = read(fd, key + got, KEYFILE_MAX - got)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int saved = errno;

			close(fd);
			return err_set(e, ERR_IO, "cannot read key file '%s': %s", path, strerror(saved));
		}
		got += (size_t)n;
	}
	close(fd);
	while (got && (key[got - 1] == '\n' || key[got - 1] == '\r' || key[got - 1] == ' ' ||
		       key[got - 1] == '\t'))
		got--;
	if (got < KEYFILE_MIN)
		return err_set(e, ERR_USAGE, "key file '%s' holds %zu bytes; a key needs at least %d",
			       path, got, KEYFILE_MIN);
	*len = got;
	return 0;
}
