/* quotes.h — find the quotations in an article's blocks that the markup does
 * not mark (long inline quotations, possibly across paragraphs) and fill in
 * every quotation's attribution: author, publication, work title, year, and
 * the source URL when a link in the article names the work. */
#ifndef QUIRE_QUOTES_H
#define QUIRE_QUOTES_H

#include "article.h"

/* Add inline quotations to a and parse attribution for all of a's quotes.
 * Quotes end up in block order. Running it again replaces the inline
 * quotations of the earlier run. */
void quotes_find(struct article *a);

/* Whether a work's title and a link's name (its text, or the headline
 * before a bare URL) name the same thing: equal, or one a prefix of the
 * other, once case, punctuation, dashes and quotation marks are set aside. */
bool quotes_title_matches(const char *work, const char *name);

/* Return the full date (day, month and year) that cite text writes, as
 * written ("9 January 1912", "January 9, 1912"), newly allocated (caller
 * frees); NULL when cite is NULL or writes none (a year alone is none). */
char *quotes_cite_date(const char *cite);

/* quotes_cite_date(cite) when that date is in year (a quotation's year, as
 * the attribution gives it), else NULL: how an attribution is dated, a full
 * date written as the cite wrote it, a year alone in parentheses. */
char *quotes_full_date(const char *cite, int year);

#endif
