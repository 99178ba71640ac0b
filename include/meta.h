/* meta.h — article metadata from a page: title, author, dates, site name,
 * canonical URL, language, tags; from WordPress markup, <meta>, <link> and
 * JSON-LD. */
#ifndef QUIRE_META_H
#define QUIRE_META_H

#include <libxml/HTMLparser.h>

#include "article.h"

/* Fill a's metadata fields from doc, which must still be whole (run before
 * content_extract prunes it). url is the page's address or NULL. */
void meta_extract(htmlDocPtr doc, const char *url, struct article *a);

#endif
