/* blocks.h — walk an article root into the article's blocks, inline spans,
 * links, and the quotations the markup itself marks (<blockquote>, pull
 * quotes, <q>), with a tag → handler table. */
#ifndef QUIRE_BLOCKS_H
#define QUIRE_BLOCKS_H

#include <libxml/tree.h>

#include "article.h"

/* Append root's content to a as blocks; links are resolved against base_url
 * (may be NULL; an href that is already absolute is kept as written). Quotes
 * marked up in HTML are added with cite_raw set from their <cite>, <footer>,
 * figcaption or trailing "— Name" line, which are not body text.
 *
 * Text is white-space normalised per block, a <br> kept as '\n' (<pre> keeps
 * its white space exactly); empty blocks are dropped; no text comes from
 * script, style, noscript, template, svg, iframe, form controls, math
 * annotations or hidden elements. Choices where HTML leaves room:
 * - an <li> gives one list item, its inner paragraphs joined by '\n'; text
 *   after a nested list is a continuation item with number 0;
 * - a data table gives one paragraph per row, cells joined by " | "; a table
 *   whose cells hold blocks is walked as layout;
 * - dt, dd and summary are paragraphs;
 * - a <figcaption> is not body text: it becomes the text of the image before
 *   it when that has no alt, or the attribution of the quote before it;
 * - an image in running text comes after its paragraph; an emoji image is
 *   its alt text inline; a <noscript> copy of an image is not a second one;
 * - <q> is shown between curly quotation marks. */
void blocks_build(xmlNode *root, const char *base_url, struct article *a);

#endif
