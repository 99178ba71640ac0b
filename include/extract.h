/* extract.h — page to article: the importer's pipeline without the store.
 * bytes → DOM (html) → metadata (meta) → article root (content) → blocks
 * (blocks) → quotations (quotes). */
#ifndef QUIRE_EXTRACT_H
#define QUIRE_EXTRACT_H

#include <stddef.h>

#include "article.h"

/* Extract the article from len bytes of a page. url is where the page came
 * from (final URL after redirects, or NULL for a local file); charset is the
 * transport charset (or NULL). Returns a new article, or NULL with *errp set
 * (not HTML, no article found). */
struct article *extract_page(const char *bytes, size_t len, const char *url,
    const char *charset, char **errp);

#endif
