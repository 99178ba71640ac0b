/* content.c — find the article root (placeholder: .entry-content or body). */
#include "content.h"

#include "dom.h"

static bool
is_entry_content(const xmlNode *n, const void *arg)
{
	return dom_has_class(n, "entry-content");
}

xmlNode *
content_extract(htmlDocPtr doc, const struct article *a)
{
	xmlNode *r = dom_find(dom_root(doc), is_entry_content, NULL);
	return r ? r : dom_body(doc);
}
