/* Replays a fuzz corpus without libFuzzer (gcc builds, ctest): calls the
 * target on every file named or found in the directories named. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int one(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	uint8_t *buf;
	size_t n;

	if (!f || fstat(fileno(f), &st))
		return fprintf(stderr, "replay: cannot read %s\n", path), 1;
	buf = malloc((size_t)st.st_size + 1);
	n = fread(buf, 1, (size_t)st.st_size, f);
	fclose(f);
	LLVMFuzzerTestOneInput(buf, n);
	free(buf);
	return 0;
}

int main(int argc, char **argv)
{
	int files = 0, rc = 0;

	for (int i = 1; i < argc; i++) {
		struct dirent **list;
		int m = scandir(argv[i], &list, NULL, alphasort);

		if (m < 0) {
			rc |= one(argv[i]);
			files++;
			continue;
		}
		for (int k = 0; k < m; k++) {
			char path[4096];

			if (list[k]->d_name[0] != '.') {
				snprintf(path, sizeof path, "%s/%s", argv[i], list[k]->d_name);
				rc |= one(path);
				files++;
			}
			free(list[k]);
		}
		free(list);
	}
	printf("replayed %d inputs\n", files);
	return rc || !files;
}
