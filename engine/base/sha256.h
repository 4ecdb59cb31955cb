/* sha256: FIPS 180-4 SHA-256, for the provenance block of reports, and
 * HMAC-SHA256 (RFC 2104), for the keyed pseudonyms of stakeholder copies. */
#ifndef DILIGO_SHA256_H
#define DILIGO_SHA256_H

#include <stddef.h>

enum { SHA256_LEN = 32 };

/* Hex digest of buf into out (65 bytes with the NUL). */
void sha256_hex(const void *buf, size_t len, char out[65]);
/* Hex digest of a file; -1 when it cannot be read. */
int sha256_file(const char *path, char out[65]);
/* HMAC-SHA256 of msg under key (any length), raw 32 bytes. */
void hmac_sha256(const void *key, size_t klen, const void *msg, size_t mlen,
		 unsigned char out[SHA256_LEN]);

#endif
