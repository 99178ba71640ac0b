/* attrib.h — private to the quote finder (src/quotes.c and src/quotes/):
 * reading who is quoted from the text around a quotation or from a printed
 * attribution, and the character helpers both halves share. Offsets are
 * byte offsets into UTF-8 text; ranges are [b, e). */
#ifndef QUIRE_QUOTES_ATTRIB_H
#define QUIRE_QUOTES_ATTRIB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "article.h"

enum {
	ATTRIB_MAX_TRAIL = 300,       /* bytes after a quotation read for "said X" */
	ATTRIB_MAX_TRAIL_WORDS = 30,  /* a "— X, P" line after a quotation is short */
};

/* Attribution being gathered; the strings are owned by it (attrib_clear). */
struct attrib {
	char *author, *publication, *title;
	int year;
};

/* Decode the code point at s[i] of s[0..n) (0 at or past n, or when
 * ill-formed); *len (if not NULL) gets its length, at least 1. */
uint32_t qt_cp_at(const char *s, size_t n, size_t i, size_t *len);
/* Decode the code point that ends just before s[i] (0 at the start). */
uint32_t qt_cp_before(const char *s, size_t i);
/* Whether cp is a letter (Latin, Greek, Cyrillic). */
bool qt_is_letter(uint32_t cp);
/* Whether cp is an upper-case letter of those scripts. */
bool qt_is_upper(uint32_t cp);
bool qt_is_digit(uint32_t cp);
/* Whether cp is white space, '\n' included. */
bool qt_is_space(uint32_t cp);
/* Whether cp is a dash that introduces an attribution (— – ― ~). */
bool qt_is_dash(uint32_t cp);
/* Narrow [*b, *e) of s past white space at both ends. */
void qt_trim(const char *s, size_t *b, size_t *e);
/* Whether s[0..n) is one of the words of list (NULL-terminated), ASCII
 * case-insensitively. */
bool qt_word_in(const char *s, size_t n, const char *const *list);

/* Read a lead-in that ends right before a quotation, s[b, e) without the
 * ':' or ';' before the mark. Returns true and fills what at lacks when it
 * names an author. */
bool attrib_leadin(const char *s, size_t b, size_t e, struct attrib *at);
/* Read the words right after a quotation, s[b, e) ("…,” said X"; "” —
 * X, P"). Returns true and fills what at lacks when they name an author. */
bool attrib_trailing(const char *s, size_t b, size_t e, struct attrib *at);
/* Read a "— X, P" line into at when it names a person; returns whether it
 * did. A dash before anything else is punctuation and leaves at alone. */
bool attrib_dash(const char *s, size_t b, size_t e, struct attrib *at);
/* Read a printed attribution (a <cite>, a "— X" line) by the shape of its
 * parts, filling what at lacks. */
void attrib_cite(const char *s, size_t b, size_t e, struct attrib *at);
/* Give q the fields of at it lacks; leaves at empty. */
void attrib_apply(struct quote *q, struct attrib *at);
/* Free at's strings and empty it. */
void attrib_clear(struct attrib *at);

/* source.c */
/* Give each quotation of a without a cite_url the URL of the link in a that
 * is named like the work its attribution cites. */
void quotes_link_sources(struct article *a);

#endif
