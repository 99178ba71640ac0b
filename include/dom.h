/* dom.h — small helpers over libxml2's HTML tree shared by the extraction
 * stages: tag and class tests, attribute lookup, text gathering. */
#ifndef QUIRE_DOM_H
#define QUIRE_DOM_H

#include <stdbool.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "util.h"

/* Whether n is an element named name (lower case, as libxml2's HTML parser
 * stores names). */
bool dom_is(const xmlNode *n, const char *name);
/* Return the value of attribute name on n, or NULL. Points into the tree;
 * valid while n lives. */
const char *dom_attr(const xmlNode *n, const char *name);
/* Whether n's class attribute holds the whole word cls. */
bool dom_has_class(const xmlNode *n, const char *cls);
/* Whether n's class or id attribute contains the substring part,
 * ASCII case-insensitively. */
bool dom_class_id_contains(const xmlNode *n, const char *part);
/* Append the text under n to out, raw (entities decoded, white space as is). */
void dom_text_append(const xmlNode *n, struct buf *out);
/* Return the text under n, white space normalised; newly allocated. */
char *dom_text(const xmlNode *n);
/* First element child / next element sibling, or NULL. */
xmlNode *dom_first_element(const xmlNode *n);
xmlNode *dom_next_element(const xmlNode *n);
/* The next element in document order after n (depth first), not descending
 * into n's children when skip_children; stops at (does not leave) top. */
xmlNode *dom_next_in(const xmlNode *n, const xmlNode *top, bool skip_children);
/* Depth-first search under n (n included) for the first element for which
 * match returns true. */
xmlNode *dom_find(xmlNode *n, bool (*match)(const xmlNode *, const void *), const void *arg);
/* The <html>, <head>, <body> elements of doc, or NULL. */
xmlNode *dom_root(xmlDoc *doc);
xmlNode *dom_head(xmlDoc *doc);
xmlNode *dom_body(xmlDoc *doc);
/* Unlink n from the tree and free it. */
void dom_remove(xmlNode *n);

/* Resolve href against base (may be NULL) with xmlBuildURI; an href that is
 * already absolute is kept as written. Returns a newly allocated string. */
char *dom_resolve_url(const char *base, const char *href);
/* The real address of an <img>, unresolved: lazy-loading attributes
 * (data-lazy-src, data-src, ...) win over src, which often holds a
 * placeholder; data: URIs never count; srcset is the last resort. Returns a
 * newly allocated string, or NULL. */
char *dom_image_src(const xmlNode *img);

#endif
