/* sha256.h — SHA-256 (FIPS 180-4), private to the store: it names a page by
 * the hash of its bytes when the page has no URL. */
#ifndef QUIRE_STORE_SHA256_H
#define QUIRE_STORE_SHA256_H

#include <stddef.h>

/* Write the SHA-256 of data[0..len) as 64 lower-case hex digits and a NUL. */
void sha256_hex(const void *data, size_t len, char out[65]);

#endif
