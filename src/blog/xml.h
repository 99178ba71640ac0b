/* xml.h — the safe XML reader the WXR and feed parsers share (private to
 * src/blog, src/wxr and src/feed): libxml2 with recovery, no network, no DTD
 * loading, no entity substitution, errors collected into the blog's
 * warnings; and helpers that read elements by namespace and local name. */
#ifndef QUIRE_BLOG_XML_H
#define QUIRE_BLOG_XML_H

#include <stdbool.h>
#include <stddef.h>
#include <libxml/tree.h>

#include "blog.h"

/* Namespaces, matched by substring so every version and scheme counts. */
#define NS_WP "wordpress.org/export/"
#define NS_DC "purl.org/dc/elements/1.1/"
#define NS_CONTENT "purl.org/rss/1.0/modules/content/"
#define NS_ATOM "www.w3.org/2005/Atom"
#define NS_RSS1 "purl.org/rss/1.0/"
#define NS_EXCERPT "wordpress.org/export/1.2/excerpt/"

/* Parse len bytes of XML for b: recovery on, NONET, no DTD or external
 * entity loading, no entity substitution, libxml2's expansion limits (no
 * XML_PARSE_HUGE). Errors go to b's warnings. Returns the document (free
 * with xmlFreeDoc), or NULL with *errp set. */
xmlDocPtr blogxml_parse(const char *data, size_t len, const char *url, struct blog *b,
    char **errp);

/* A walk over the elements at depth 0 to 2 (the root, its children, and
 * theirs) of an XML document: len bytes at data, parsed whole as
 * blogxml_parse does (libxml2's full recovery), or the file at path,
 * streamed so that a file of any size is never in memory whole (a fatal
 * error then ends the walk, with a warning saying where). Errors go to b's
 * warnings (b NULL: nowhere). Returns a reader, or NULL with *errp set. */
struct blogxml_reader;
struct blogxml_reader *blogxml_reader_open(const char *path, const char *data, size_t len,
    struct blog *b, char **errp);
/* The next element at depth 0, 1 or 2 in document order, with *depth set;
 * one at depth 2 has its subtree, valid until the next call (which, when
 * streaming, frees it); those above may come without their children. NULL
 * at the end. */
xmlNode *blogxml_reader_next(struct blogxml_reader *x, int *depth);
/* Start the walk again from the root; a stream is read again, reporting
 * nothing more. Returns 0, or -1 with *errp set. */
int blogxml_reader_rewind(struct blogxml_reader *x, char **errp);
/* Free the reader, adding the stream's warnings to its blog. Returns 0, or
 * -1 with *errp set when a stream gave not one element.
 * blogxml_reader_close(NULL, ...) returns 0. */
int blogxml_reader_close(struct blogxml_reader *x, char **errp);

/* Whether n is an element called name in a namespace whose URI contains ns
 * (ns NULL: no namespace, or RSS 1.0's). */
bool blogxml_is(const xmlNode *n, const char *ns, const char *name);
/* The first element child of n that blogxml_is(ns, name), or NULL. */
xmlNode *blogxml_child(const xmlNode *n, const char *ns, const char *name);
/* The next element sibling after n that blogxml_is(ns, name), or NULL. */
xmlNode *blogxml_next(const xmlNode *n, const char *ns, const char *name);
/* n's text: its text and CDATA children and theirs, never an entity's
 * replacement text, white space trimmed. Newly allocated, or NULL when
 * empty or n is NULL. */
char *blogxml_text(const xmlNode *n);
/* blogxml_text of blogxml_child(n, ns, name). */
char *blogxml_child_text(const xmlNode *n, const char *ns, const char *name);
/* Attribute name of n, newly allocated, or NULL. */
char *blogxml_attr(const xmlNode *n, const char *name);

/* An RFC 822 date (RSS pubDate), "YYYY-MM-DD HH:MM:SS" in UTC
 * (wp:post_date_gmt) or ISO 8601 (Atom) as ISO 8601 with an offset.
 * Newly allocated, or NULL when it is none of these (or WordPress's
 * "0000-00-00 00:00:00"). */
char *blogxml_date(const char *s);

#endif
