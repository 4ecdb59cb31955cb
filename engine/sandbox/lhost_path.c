/* The search path: where packs, modules and the catalogue are found. The
 * user's directories (--plugin-path, DILIGO_PATH) come first, then the
 * built-in one; files found there are named relative to their directory in
 * every message and report. Plain C: no Lua here. */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
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

const char *lhost_display_path(struct lhost *h, const char *path)
{
	for (int i = 0; i < h->npaths; i++) {
		size_t n = strlen(h->paths[i]);

		if (!strncmp(path, h->paths[i], n) && path[n] == '/')
			return path + n + 1;
	}
	return path;
}
