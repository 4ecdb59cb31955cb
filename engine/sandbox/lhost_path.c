/* The search path: where packs, modules and the catalogue are found. The
 * user's directories (--plugin-path, DILIGO_PATH) come first, then the
 * built-in one; files found there are named relative to their directory in
 * every message and report. Plain C: no Lua here. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "config.h"
#include "lhost_int.h"

bool lhost_is_file(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

void lhost_add_builtin_path(struct lhost *h)
{
	char exe[PATH_MAX], cand[PATH_MAX + 64];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	const char *dir = DILIGO_DATADIR;
	char *slash;

	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')))
			*slash = '\0';
		snprintf(cand, sizeof cand, "%s/../share/diligo/plugins/duties.lua", exe);
		if (!strncmp(exe, DILIGO_BINARY_DIR, strlen(DILIGO_BINARY_DIR)))
			dir = DILIGO_SOURCE_DIR; /* the build tree uses the source tree */
		else if (lhost_is_file(cand)) {
			cand[strlen(cand) - strlen("/plugins/duties.lua")] = '\0';
			dir = cand;
		}
	}
	if (!strcmp(dir, DILIGO_DATADIR) && !lhost_is_file(DILIGO_DATADIR "/plugins/duties.lua"))
		dir = DILIGO_SOURCE_DIR;
	h->paths[h->npaths++] = xstrdup(dir);
	h->bundled_dir = realpath(dir, NULL); /* malloc'd by libc; freed with h */
}

bool lhost_bundled(const struct lhost *h, const char *path)
{
	static const char *const subdirs[] = { "/plugins/", "/sectors/" };
	char *real = realpath(path, NULL);
	size_t n = h->bundled_dir ? strlen(h->bundled_dir) : 0;
	bool in = false;

	/* only the two pack directories: the build tree's source directory also
	 * holds tests/packs, which are third-party packs for the tests */
	for (size_t i = 0; real && n && i < 2 && !in; i++)
		in = !strncmp(real, h->bundled_dir, n) &&
		     !strncmp(real + n, subdirs[i], strlen(subdirs[i])) &&
		     !strchr(real + n + strlen(subdirs[i]), '/');
	free(real);
	return in;
}

bool lhost_valid_name(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > DILIGO_MAX_ID || !islower((unsigned char)s[0]))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!islower((unsigned char)s[i]) && !isdigit((unsigned char)s[i]) && s[i] != '_')
			return false;
	return true;
}

bool lhost_find_file(struct lhost *h, const char *sub, const char *name, char *out, size_t n)
{
	for (int i = 0; i < h->npaths; i++) {
		snprintf(out, n, "%s/%s/%s.lua", h->paths[i], sub, name);
		if (lhost_is_file(out))
			return true;
		snprintf(out, n, "%s/%s.lua", h->paths[i], name);
		if (lhost_is_file(out))
			return true;
	}
	return false;
}

const char *lhost_builtin_dir(const struct lhost *h)
{
	return h->bundled_dir ? h->bundled_dir : DILIGO_SOURCE_DIR;
}

bool lhost_find_data(struct lhost *h, const char *file, char *out, size_t n)
{
	for (int i = 0; i < h->npaths; i++) {
		snprintf(out, n, "%s/plugins/%s", h->paths[i], file);
		if (lhost_is_file(out))
			return true;
	}
	return false;
}

const char *lhost_display_path(struct lhost *h, const char *path)
{
	for (int i = 0; i < h->npaths; i++) {
		size_t n = strlen(h->paths[i]);

		if (!strncmp(path, h->paths[i], n) && path[n] == '/')
			return path + n + 1;
	}
	return path;
}
