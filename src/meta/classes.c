/* classes.c — an element's class attribute split into words and folded to
 * lower case once, for the metadata stage's markup rules to test. */
#include "classes.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

/* Split class attribute cls into c (words past the 24th are not kept). */
void
meta_classes_split(struct classes *c, const char *cls)
{
	c->cls = cls;
	c->n = 0;
	c->lower = NULL;
	for (const char *p = cls; p != NULL && *p && c->n < 24; ) {
		while (isspace((unsigned char)*p))
			p++;
		const char *w = p;
		while (*p && !isspace((unsigned char)*p))
			p++;
		if (p > w) {
			c->word[c->n] = w;
			c->len[c->n++] = (size_t)(p - w);
		}
	}
}

/* Fold c's class text to lower case once (as tolower folds it), so each
 * substring test is a strstr. */
void
meta_classes_fold(struct classes *c)
{
	if (c->cls == NULL || c->lower != NULL)
		return;
	size_t len = strlen(c->cls);
	c->lower = len < sizeof c->lbuf ? c->lbuf : xmalloc(len + 1);
	for (size_t i = 0; i <= len; i++)
		c->lower[i] = (char)tolower((unsigned char)c->cls[i]);
}

/* Free what classes_fold allocated. */
void
meta_classes_release(struct classes *c)
{
	if (c->lower != NULL && c->lower != c->lbuf)
		free(c->lower);
	c->lower = NULL;
}

/* Whether the split class list holds word w. */
bool
meta_classes_have(const struct classes *c, const char *w)
{
	size_t len = strlen(w);
	for (size_t i = 0; i < c->n; i++)
		if (c->len[i] == len && memcmp(c->word[i], w, len) == 0)
			return true;
	return false;
}

/* Whether hay holds needle, ignoring ASCII case: a plain scan, cheaper
 * than strcasestr's set-up for the short needles of class tests. */
static bool
contains_ci(const char *hay, const char *needle)
{
	int first = tolower((unsigned char)needle[0]);
	size_t k = strlen(needle);
	for (const char *p = hay; *p; p++)
		if (tolower((unsigned char)*p) == first && strncasecmp(p, needle, k) == 0)
			return true;
	return false;
}

/* Whether the class text, folded once by classes_fold, holds needle (whose
 * letters are lower case, as all cls_part and cls_not words are). */
bool
meta_classes_contain(const struct classes *c, const char *needle)
{
	if (c->lower == NULL)
		return contains_ci(c->cls, needle);
	return strstr(c->lower, needle) != NULL;
}
