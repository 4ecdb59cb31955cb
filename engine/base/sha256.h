/* sha256: FIPS 180-4 SHA-256, for the provenance block of reports. */
#ifndef DILIGO_SHA256_H
#define DILIGO_SHA256_H

#include <stddef.h>

/* Hex digest of buf into out (65 bytes with the NUL). */
void sha256_hex(const void *buf, size_t len, char out[65]);
/* Hex digest of a file; -1 when it cannot be read. */
int sha256_file(const char *path, char out[65]);

#endif
