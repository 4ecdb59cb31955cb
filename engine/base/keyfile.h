/* keyfile: the secret key of keyed pseudonyms (--pseudonym-key FILE). The
 * company keeps it; whoever has it can recompute which supplier a
 * pseudonym stands for, whoever has not cannot (docs/security.md). */
#ifndef DILIGO_KEYFILE_H
#define DILIGO_KEYFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"

enum {
	KEYFILE_MIN = 16,   /* bytes of key, at least */
	KEYFILE_MAX = 4096, /* bytes read, at most */
	KEYFILE_NEW = 32,   /* random bytes of a new key (written as 64 hex digits) */
};

/* Read the key in path into key (KEYFILE_MAX bytes), its length in *len;
 * trailing white space is not part of it. When path does not exist, create
 * it (mode 0600, exclusively: a concurrent run reads the winner's key) with
 * KEYFILE_NEW random bytes from the system, and say so in *created.
 * Refused: a key file that others than its owner may read or write, one
 * shorter than KEYFILE_MIN, one that is not a regular file. */
int keyfile_load(const char *path, unsigned char key[KEYFILE_MAX], size_t *len, bool *created,
		 struct err *e);

#endif
