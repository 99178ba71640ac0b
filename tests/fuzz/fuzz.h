/* fuzz.h — what every libFuzzer harness in tests/fuzz/ shares: an assertion
 * that reports the broken property and aborts (so libFuzzer keeps the input
 * as a crash), and checks of the text invariants quire promises: well-formed
 * UTF-8, no NUL, no terminal control characters. */
#ifndef QUIRE_FUZZ_H
#define QUIRE_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* Abort with the failed property and where it was checked. */
#define FUZZ_CHECK(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #cond); \
		abort(); \
	} \
} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Return a newly allocated NUL-terminated copy of data[0..size). */
static inline char *
fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (s == NULL)
		abort();
	if (size > 0)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* Whether s[0..n) holds a C0 control other than the ones allowed (a string
 * of allowed ones such as "\n\t"), DEL, or a C1 control (U+0080–U+009F). */
static inline bool
fuzz_has_control(const char *s, size_t n, const char *allowed)
{
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (k == 0)
			return true;   /* ill-formed counts too; callers check that first */
		if ((cp < 0x20 && (cp == 0 || strchr(allowed, (int)cp) == NULL)) ||
		    (cp >= 0x7f && cp <= 0x9f))
			return true;
		i += k;
	}
	return false;
}

/* Print what s holds, escaped, to stderr (first 300 bytes). */
static inline void
fuzz_dump(const char *s)
{
	for (size_t i = 0; s[i] != '\0' && i < 300; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f && c != '\\')
			fputc(c, stderr);
		else
			fprintf(stderr, "\\x%02x", c);
	}
	fputc('\n', stderr);
}

/* Check that s (may be NULL) is well-formed UTF-8 with no control
 * characters but those in allowed; what names s in the report. */
static inline void
fuzz_check_clean_at(const char *what, const char *file, int line, const char *s,
    const char *allowed)
{
	if (s == NULL)
		return;
	size_t n = strlen(s);
	if (utf8_valid(s, n) && !fuzz_has_control(s, n, allowed))
		return;
	fprintf(stderr, "%s:%d: property failed: %s is %s: ", file, line, what,
	    utf8_valid(s, n) ? "not free of control characters" : "ill-formed UTF-8");
	fuzz_dump(s);
	abort();
}
#define fuzz_check_clean(s, allowed) fuzz_check_clean_at(#s, __FILE__, __LINE__, (s), (allowed))

#endif
