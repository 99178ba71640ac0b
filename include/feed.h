/* feed.h — RSS 2.0 (and RDF/RSS 1.0) and Atom 1.0 feeds, WordPress's
 * /feed/ among them: each entry's title, author, dates, link, categories and
 * content (content:encoded or Atom content, else the summary). */
#ifndef QUIRE_FEED_H
#define QUIRE_FEED_H

#include <stddef.h>

#include "blog.h"

/* Parse len bytes of a feed into a new blog (free with blog_free). url is
 * where it came from (NULL for a file), for relative links. Read as
 * leniently and safely as wxr_parse. Returns NULL with *errp set when it is
 * not a feed or nothing readable is left. */
struct blog *feed_parse(const char *data, size_t len, const char *url, char **errp);

/* The URL of page n (n ≥ 2) of a WordPress feed at url: its paged query
 * parameter set to n. Newly allocated. */
char *feed_page_url(const char *url, int n);

#endif
