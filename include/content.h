/* content.h — find the element that holds the article body, and prune from
 * it everything that is not the article (share and like buttons, related
 * posts, author boxes, comment forms, ads, scripts). WordPress markup first,
 * a generic scorer for other pages. */
#ifndef QUIRE_CONTENT_H
#define QUIRE_CONTENT_H

#include <libxml/HTMLparser.h>

#include "article.h"

/* Return the article root inside doc, pruned in place, or NULL when no
 * article can be found. a holds the metadata already found: its title
 * helps drop a repeated headline, its canonical URL (else url) tells links
 * to the same site apart. The node belongs to doc; doc is changed (chrome
 * removed, a lead paragraph moved into the root). */
xmlNode *content_extract(htmlDocPtr doc, const struct article *a);

#endif
