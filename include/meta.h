/* meta.h — article metadata from a page: title, author, dates, site name,
 * canonical URL, language, description, tags; from WordPress markup,
 * <meta>, <link>, microdata and JSON-LD. */
#ifndef QUIRE_META_H
#define QUIRE_META_H

#include <libxml/HTMLparser.h>

#include "article.h"

/* Fill a's metadata fields from doc, which must still be whole (run before
 * content_extract prunes it). url is the page's address or NULL; a relative
 * canonical URL is resolved against it. Fields the page does not give stay
 * NULL; none is ever set to an empty string.
 *
 * Dates (published, modified) are ISO 8601 with an offset,
 * 2024-03-23T19:05:31+00:00. A page time without an offset takes the offset
 * another date on the same page states, else +00:00. A date without a time
 * of day stays a bare date, 2024-03-23: quire does not invent a time. When a
 * page gives only a modified date, published takes it too. */
void meta_extract(htmlDocPtr doc, const char *url, struct article *a);

#endif
