/* meta/classes.h — class attribute words for markup rules (private to meta). */
#ifndef QUIRE_META_CLASSES_H
#define QUIRE_META_CLASSES_H

#include <stdbool.h>
#include <stddef.h>

/* An element's class attribute split into words, once per element. */
struct classes {
	const char *cls;          /* the attribute, or NULL */
	const char *word[24];
	size_t len[24];
	size_t n;
	char *lower;              /* cls folded to lower case, or NULL when not made */
	char lbuf[256];           /* holds lower when it fits */
};

/* Split class attribute cls into c (words past the 24th are not kept). */
void meta_classes_split(struct classes *c, const char *cls);
/* Fold c's class text to lower case once, for meta_classes_contain. */
void meta_classes_fold(struct classes *c);
/* Free what meta_classes_fold allocated. */
void meta_classes_release(struct classes *c);
/* Whether the split class list holds word w. */
bool meta_classes_have(const struct classes *c, const char *w);
/* Whether the class text holds needle (lower-case letters), ignoring case. */
bool meta_classes_contain(const struct classes *c, const char *needle);

#endif
