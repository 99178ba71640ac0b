/* blog.h — a whole blog at once: the items a WordPress export (wxr.h) or an
 * RSS/Atom feed (feed.h) gives, each one an article's HTML body with its
 * metadata, and the bulk importer that turns them into stored articles, one
 * transaction per item, with progress and a summary. */
#ifndef QUIRE_BLOG_H
#define QUIRE_BLOG_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "article.h"
#include "store.h"

/* What a document is, judged by its content. */
typedef enum blog_kind {
	BLOG_NONE,   /* not a blog document (a page, probably) */
	BLOG_WXR,    /* a WordPress export (WXR) */
	BLOG_RSS,    /* RSS 2.0 (or 0.9x, or RDF/RSS 1.0) */
	BLOG_ATOM,   /* Atom 1.0 */
} blog_kind;

/* One post, page or feed entry. Every string is owned by the item (NULL
 * where the source does not say). */
struct blog_item {
	char *title;
	char *author;      /* display name */
	char *published;   /* ISO 8601 with offset */
	char *modified;
	char *link;        /* permalink: the article's canonical URL */
	char *guid;        /* identity when there is no link */
	char *html;        /* the body as HTML, ready for block extraction */
	bool summary_only; /* feeds: html is a summary, not the whole text */
	char **tags;
	size_t ntags;
};

/* The items of one document and what parsing it had to skip. */
struct blog {
	blog_kind kind;
	char *site_title;
	char *site_url;
	char *language;
	char *next_page;         /* feeds: rel="next" link, or NULL */
	struct blog_item *items;
	size_t nitems, items_cap;
	size_t first;            /* the document's index of items[0]: a large
	                            export comes in batches (wxr_read) */
	size_t total;            /* items the whole document gives, 0: nitems */
	size_t nskipped;         /* items not imported (type or status), see skipped */
	struct buf skipped;      /* "N attachment, N draft, …", one line */
	struct buf warnings;     /* what recovery dropped: one line per problem */
	size_t nwarnings;
};

/* Whether len bytes look like a WordPress export, a feed, or neither; only
 * the first few kilobytes are read. */
blog_kind blog_detect(const char *data, size_t len);
/* The name of a kind ("WordPress export", "RSS feed", "Atom feed"). */
const char *blog_kind_name(blog_kind kind);

/* Return a new empty blog; free with blog_free. */
struct blog *blog_create(blog_kind kind);
void blog_free(struct blog *b);   /* blog_free(NULL) does nothing */
/* Append an empty item and return it; valid until the next blog_add_item. */
struct blog_item *blog_add_item(struct blog *b);
/* Free b's items, moving first past them: the next batch follows. */
void blog_clear_items(struct blog *b);
/* Add a tag (copied) to it unless it has it (case-insensitively). */
void blog_item_add_tag(struct blog_item *it, const char *tag);
/* Record a parse problem (one line; copied) for the summary. */
void blog_warn(struct blog *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The page quire keeps for item it of b: a small HTML document holding its
 * body and its metadata in <meta> and <link> elements, so that the page
 * alone gives the same article again. Newly allocated. */
char *blog_item_page(const struct blog *b, const struct blog_item *it, size_t *lenp);
/* Build item it's article from page (blog_item_page's output): blocks and
 * quotations from its body, metadata from the item. Returns a new article
 * (an item with an empty body gives one without blocks). */
struct article *blog_item_article(const struct blog *b, const struct blog_item *it,
    const char *page, size_t len);

/* How the bulk importer went. */
struct blog_tally {
	size_t added, updated, unchanged, failed;
	double started;   /* when the document's first item began (blog_import) */
};

/* Store every item of b in st, one transaction per item (b may be one batch
 * of a document: progress counts items b->first onwards of b->total): an item already in
 * the library (by permalink, else guid) whose page is unchanged is left
 * alone, a changed one is updated in place, a new one added. With full, an
 * item that carries only a summary is fetched from its link and extracted
 * as a page (the item's metadata fills what the page lacks). out (may be
 * NULL) gets one line per stored item "ID<TAB>TITLE"; progress (may be
 * NULL, a terminal) gets "items done/total, rate" as it goes. Adds to *t. A
 * failed item is reported on stderr and counted; the rest go on. When
 * *stop (may be NULL) becomes non-zero, it returns after the item in hand,
 * which is either committed or not at all. */
void blog_import(struct store *st, const struct blog *b, bool full, FILE *out, FILE *progress,
    const volatile sig_atomic_t *stop, struct blog_tally *t);

#endif
