/* quotes.h — find the quotations in an article's blocks that the markup does
 * not mark (long inline quotations, possibly across paragraphs) and fill in
 * every quotation's attribution: author, publication, work title, year. */
#ifndef QUIRE_QUOTES_H
#define QUIRE_QUOTES_H

#include "article.h"

/* Add inline quotations to a and parse attribution for all of a's quotes.
 * Quotes end up in block order. Running it again replaces the inline
 * quotations of the earlier run. */
void quotes_find(struct article *a);

#endif
