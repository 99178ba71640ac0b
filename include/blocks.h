/* blocks.h — walk an article root into the article's blocks, inline spans,
 * links, and the quotations the markup itself marks (<blockquote>, pull
 * quotes, <q>), with a tag → handler table. */
#ifndef QUIRE_BLOCKS_H
#define QUIRE_BLOCKS_H

#include <libxml/tree.h>

#include "article.h"

/* Append root's content to a as blocks; links are resolved against base_url
 * (may be NULL). Quotes marked up in HTML are added with cite_raw set from
 * their <cite> or trailing attribution line. */
void blocks_build(xmlNode *root, const char *base_url, struct article *a);

#endif
