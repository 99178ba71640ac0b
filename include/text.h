/* text.h — UTF-8 text helpers shared by every stage: validation, decoding,
 * white-space folding and removal of terminal control characters. */
#ifndef QUIRE_TEXT_H
#define QUIRE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decode one UTF-8 sequence at s (n bytes available). Sets *cp and returns its
 * length (1–4), or returns 0 if the bytes are not well-formed UTF-8 (overlong,
 * surrogate, out of range or truncated). */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Encode cp into out (4 bytes at least); returns the length. */
size_t utf8_encode(uint32_t cp, char *out);
/* Whether s[0..n) is entirely well-formed UTF-8. */
bool utf8_valid(const char *s, size_t n);

/* Whether cp is white space in the HTML/Unicode sense, including U+00A0 and
 * the other Unicode space characters and zero-width space. */
bool text_is_space(uint32_t cp);

/* Return a newly allocated copy of s with every run of white space folded to
 * one U+0020, leading and trailing space removed, and control characters
 * (C0 except none, DEL, C1) dropped. Ill-formed bytes become U+FFFD. */
char *text_normalize(const char *s);

/* Return a newly allocated copy of s safe to print on a terminal: control
 * characters (ESC, CSI, OSC and other C0/C1 bytes) removed except '\n' and
 * '\t' when keep_newlines, ill-formed UTF-8 replaced by U+FFFD. */
char *text_sanitize(const char *s, bool keep_newlines);

/* Count words (runs of letters/digits) in s. */
size_t text_word_count(const char *s);

/* ASCII case-insensitive prefix/equality helpers. */
bool text_starts_with_ci(const char *s, const char *prefix);
bool text_eq_ci(const char *a, const char *b);
/* Whether needle occurs in hay, ASCII case-insensitively. */
bool text_contains_ci(const char *hay, const char *needle);
/* Whether s, cut into words at any byte of seps, has a word equal (ASCII
 * case-insensitively) to one of the count words. */
bool text_has_word_ci(const char *s, const char *seps, const char *const *words, size_t count);

#endif
