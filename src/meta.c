/* meta.c — article metadata (placeholder: <title> only). */
#include "meta.h"

#include <stdlib.h>

#include "dom.h"

static bool
is_title(const xmlNode *n, const void *arg)
{
	return dom_is(n, "title");
}

void
meta_extract(htmlDocPtr doc, const char *url, struct article *a)
{
	xmlNode *t = dom_find(dom_root(doc), is_title, NULL);
	if (t != NULL) {
		char *s = dom_text(t);
		article_set(&a->title, s);
		free(s);
	}
}
