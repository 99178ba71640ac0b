/* store.h — the library: articles kept in one SQLite file with their blocks,
 * spans, links, quotations, tags, bookmarks, reading positions, the original
 * page bytes, and FTS5 indexes over whole articles (title, headings, body)
 * and quotations. Only the store module (src/store/: store.c, search.c,
 * schema.c, and rank.c, its ranking function) touches the sqlite3 handle;
 * search.h builds on the search calls at the end of this header. */
#ifndef QUIRE_STORE_H
#define QUIRE_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "article.h"

/* The schema version this quire writes; a newer library is refused. */
#define STORE_SCHEMA_VERSION 6

struct store;

/* Open (creating it and its parent directories on first use) the library at
 * path, migrating its schema to STORE_SCHEMA_VERSION in one transaction.
 * Returns a handle for store_close, or NULL with *errp set. */
struct store *store_open(const char *path, char **errp);
void store_close(struct store *st);   /* store_close(NULL) does nothing */
/* Whether the library was opened read-only, because the file or its folder
 * is not writable by us: everything reads, every write fails with
 * "attempt to write a readonly database", and a library that would need a
 * schema upgrade is refused at open. */
bool store_readonly(const struct store *st);

/* Store article a with the page it came from (raw[0..rawlen), its transport
 * charset or NULL) in one transaction. Its identity is a->canonical_url, else
 * a->url, else a hash of raw: storing the same identity again replaces the
 * article in place, keeping its id, bookmarks and reading position (clamped to
 * the new text). Sets *idp and *createdp (true for a new article) when not
 * NULL. Returns 0, or -1 with *errp set and the library unchanged. */
int store_article_put(struct store *st, const struct article *a, const char *raw, size_t rawlen,
    const char *charset, long long *idp, bool *createdp, char **errp);

/* store_article_put for a page fetched from requested (may be NULL), which
 * redirected elsewhere: the requested URL is recorded as another name of the
 * article in the same transaction, so store_find_by_url and links find it. */
int store_article_put_from(struct store *st, const struct article *a, const char *raw,
    size_t rawlen, const char *charset, const char *requested, long long *idp, bool *createdp,
    char **errp);

/* Return the article with id, newly allocated (free with article_free), or
 * NULL with *errp set ("no article N"). */
struct article *store_article_get(struct store *st, long long id, char **errp);

/* Delete the article with id and everything that hangs off it. Returns 0, or
 * -1 with *errp set ("no article N"). */
int store_article_delete(struct store *st, long long id, char **errp);

/* One row of the library listing; the strings (NULL where unknown) point into
 * the store and are valid only during the callback. */
struct store_summary {
	long long id;
	const char *title;
	const char *author;
	const char *site_name;
	const char *published;
	const char *url;
	const char *canonical_url;
	const char *added;      /* ISO 8601 UTC, when first imported */
	const char *updated;    /* ISO 8601 UTC, when last imported */
	long long word_count;
	long long nblocks;
};

/* Call fn for each article in id order; a non-zero return from fn stops the
 * walk and is returned. Returns 0, or -1 with *errp set. */
int store_article_list(struct store *st, int (*fn)(const struct store_summary *s, void *ctx),
    void *ctx, char **errp);

/* Find the article whose identity, canonical or source URL, or a URL that
 * redirected to it, is the same page as url (url.h's url_key). Returns 1
 * with *idp set, 0 when there is none, or -1 with *errp set. */
int store_find_by_url(struct store *st, const char *url, long long *idp, char **errp);

/* Whether article id exists: 1, 0, or -1 with *errp set. */
int store_article_exists(struct store *st, long long id, char **errp);

/* One link of an article, with where it sits and what it names. */
struct store_link {
	size_t idx;           /* its number in the article, from 0 */
	char *url;            /* owned by the array; free with store_links_free */
	char *text;
	size_t block;         /* the block it is in */
	int heading;          /* the block of the heading it sits under, or -1 */
	char *heading_text;   /* that heading's text, or NULL */
	long long target;     /* the library article it names, or 0 */
};

/* Return article id's links in order as a newly allocated array of *n (free
 * with store_links_free). Returns 0, or -1 with *errp set ("no article N"). */
int store_links_get(struct store *st, long long id, struct store_link **out, size_t *n,
    char **errp);
void store_links_free(struct store_link *l, size_t n);

/* Call fn for each other library article with a link to article id (by URL
 * identity), in id order; a non-zero return from fn stops the walk and is
 * returned. Returns 0, or -1 with *errp set ("no article N"). */
int store_citing_list(struct store *st, long long id,
    int (*fn)(const struct store_summary *s, void *ctx), void *ctx, char **errp);

/* Fetch the page article id was extracted from: *data (newly allocated,
 * NUL-terminated) and *len, and newly allocated *charset and *url (either may
 * be NULL). Returns 0, or -1 with *errp set. */
int store_page_get(struct store *st, long long id, char **data, size_t *len, char **charset,
    char **url, char **errp);

/* A place in an article: block index and character offset in its text. */
struct store_bookmark {
	long long id;
	char *name;         /* owned by the array; free with store_bookmarks_free */
	size_t block;
	size_t offset;
	char *created;
};

/* Add a bookmark to article id. Sets *bookmark_id when not NULL. Returns 0,
 * or -1 with *errp set. */
int store_bookmark_add(struct store *st, long long id, const char *name, size_t block,
    size_t offset, long long *bookmark_id, char **errp);
/* Return article id's bookmarks in creation order as a newly allocated array
 * of *n (free with store_bookmarks_free), or -1 with *errp set. */
int store_bookmarks_get(struct store *st, long long id, struct store_bookmark **out, size_t *n,
    char **errp);
void store_bookmarks_free(struct store_bookmark *b, size_t n);

/* Record or read where the reader left article id. store_position_get
 * returns 1 with *block and *offset set, 0 when none is recorded, -1 on
 * error. */
int store_position_set(struct store *st, long long id, size_t block, size_t offset, char **errp);
int store_position_get(struct store *st, long long id, size_t *block, size_t *offset, char **errp);
/* Record or read how far through article id the reader has got, in percent
 * (0–100); set only after a position exists. store_progress_get returns 1
 * with *percent set, 0 when no position is recorded, -1 on error. */
int store_progress_set(struct store *st, long long id, int percent, char **errp);
int store_progress_get(struct store *st, long long id, int *percent, char **errp);

/* A hit as the index ranks it (search.h turns it into a search_hit). */
struct store_hit {
	long long article_id;
	long long idx;           /* quotes: the quote's index; text search: -1 */
	double score;            /* weighted bm25, lower is better */
};

/* Run the FTS5 expression match (valid syntax: see search_query_sanitize)
 * over whole articles — title weighted above headings, headings above body
 * text; one hit per article — or, when quotes, over quoted passages and
 * their attribution, one hit per quote. Sets *hits (newly allocated, best
 * first) and *n, at most limit. Returns 0, or -1 with *errp set. */
int store_search(struct store *st, const char *match, bool quotes, size_t limit,
    struct store_hit **hits, size_t *n, char **errp);

/* What a hit needs to be shown; strings newly allocated, NULL when unknown. */
struct store_hit_info {
	char *title, *site;
	char *heading;           /* quotes: the nearest heading at or above first_block */
	size_t first_block;      /* 0, or the quote's first block */
	char **texts;            /* text of blocks first_block..: all of the
	                            article's for a text hit, the quote's own */
	bool *is_heading;        /* per text: whether that block is a heading */
	size_t ntexts;
	char *quote_text, *author, *publication, *work, *cite_url;
	char *cite_raw;          /* the attribution as the page printed it */
	int year;
};
/* Fill *info for hit h (a quote hit when quote). Returns 0, or -1 with *errp
 * set and *info empty. Free with store_hit_info_clear. */
int store_hit_info_get(struct store *st, const struct store_hit *h, bool quote,
    struct store_hit_info *info, char **errp);
void store_hit_info_clear(struct store_hit_info *info);

/* One quotation for a listing; strings point into the store, valid only
 * during the callback, NULL where unknown. */
struct store_quote_row {
	long long article_id;
	const char *article_title;
	long long idx;
	const char *kind;
	const char *text;
	const char *author, *publication, *work, *cite_url;
	const char *cite_raw;    /* the attribution as the page printed it */
	int year;                /* 0 when unknown */
	long long first_block, last_block;
};
/* Call fn for each quotation of article id (0: of every article) in article
 * and quote order; a non-zero return from fn stops the walk and is returned.
 * Returns 0, or -1 with *errp set. */
int store_quotes_list(struct store *st, long long id,
    int (*fn)(const struct store_quote_row *q, void *ctx), void *ctx, char **errp);

#endif
