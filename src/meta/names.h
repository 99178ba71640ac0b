/* meta/names.h — the metadata stage's text clean-ups (private to meta). */
#ifndef QUIRE_META_NAMES_H
#define QUIRE_META_NAMES_H

#include <stdbool.h>

/* Return a newly allocated copy of s with HTML character references decoded. */
char *meta_decode_entities(const char *s);
/* Drop "@handle" words from an author name that has other words, in place. */
void meta_drop_handles(char *v);
/* Whether s looks like a URL rather than a name. */
bool meta_is_url(const char *s);
/* Whether an author string is noise: a URL, a login like "admin", a handle. */
bool meta_author_is_noise(const char *s);
/* Whether an author string looks like a login: one word, no capital or a digit. */
bool meta_author_is_login(const char *s);
/* Return a newly allocated name from byline text ("By Jane Doe on March 3"
 * gives "Jane Doe"), or NULL when nothing name-like is left. */
char *meta_clean_byline(const char *text);
/* Trim separator marks standing apart, and space, from both ends of t, in place. */
void meta_trim_separators(char *t);

#endif
