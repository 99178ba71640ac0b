/* html.h — bytes to DOM: find the page's character encoding, decode it to
 * UTF-8, and parse it with libxml2's HTML parser with network access off. */
#ifndef QUIRE_HTML_H
#define QUIRE_HTML_H

#include <stddef.h>
#include <libxml/HTMLparser.h>

/* Parse len bytes of an HTML page. transport_charset is the charset from the
 * HTTP Content-Type (or NULL); url is the page's address (or NULL), used as
 * the document's base. Returns a document to free with xmlFreeDoc, or NULL
 * with *errp set. */
htmlDocPtr html_parse(const char *bytes, size_t len, const char *transport_charset,
    const char *url, char **errp);

#endif
