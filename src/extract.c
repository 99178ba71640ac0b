/* extract.c — the importer's pipeline from page bytes to an article, with no
 * store: parse, read metadata from the whole page, find and prune the
 * article root, walk it into blocks, then find quotations. */
#include "extract.h"

#include <string.h>

#include "blocks.h"
#include "content.h"
#include "html.h"
#include "meta.h"
#include "quotes.h"
#include "util.h"

struct article *
extract_page(const char *bytes, size_t len, const char *url, const char *charset, char **errp)
{
	htmlDocPtr doc = html_parse(bytes, len, charset, url, errp);
	if (doc == NULL)
		return NULL;
	struct article *a = article_create();
	article_set(&a->url, url);
	meta_extract(doc, url, a);
	xmlNode *root = content_extract(doc, a);
	if (root == NULL) {
		set_error(errp, "no article found in the page");
		goto fail;
	}
	/* A saved page without its address lives at its canonical URL. */
	const char *base = a->url != NULL ? a->url : a->canonical_url;
	xmlChar *docbase = xmlNodeGetBase(doc, root);
	if (docbase != NULL)
		base = (const char *)docbase;
	blocks_build(root, base, a);
	xmlFree(docbase);
	if (a->nblocks == 0) {
		set_error(errp, "no article found in the page");
		goto fail;
	}
	quotes_find(a);
	xmlFreeDoc(doc);
	return a;
fail:
	article_free(a);
	xmlFreeDoc(doc);
	return NULL;
}
