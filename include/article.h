/* article.h — the article model every stage shares: metadata, ordered blocks
 * with inline spans, links, and quotations. Nothing here knows about HTML,
 * SQLite or curses. */
#ifndef QUIRE_ARTICLE_H
#define QUIRE_ARTICLE_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

typedef enum block_kind {
	BLOCK_PARAGRAPH,
	BLOCK_HEADING,
	BLOCK_LIST_ITEM,
	BLOCK_PREFORMATTED,
	BLOCK_IMAGE,
	BLOCK_RULE,
} block_kind;

/* Inline styles; a span may carry several. */
enum {
	SPAN_EMPHASIS = 1 << 0,
	SPAN_STRONG = 1 << 1,
	SPAN_CODE = 1 << 2,
	SPAN_LINK = 1 << 3,
	SPAN_QUOTE = 1 << 4,     /* <q> */
};

/* Style over text[start, end) (byte offsets); link is an index into the
 * article's links when style has SPAN_LINK, else -1. */
struct span {
	size_t start, end;
	int style;
	int link;
};

struct block {
	block_kind kind;
	int level;       /* heading level 1–6, list depth (1 = top) */
	int quote;       /* <blockquote> nesting depth, 0 outside */
	bool ordered;    /* list items: in an <ol> */
	int number;      /* list items: ordinal in an ordered list (1-based), 0 otherwise */
	char *text;      /* UTF-8, white space normalised; a <br> is kept as '\n' */
	char *src;       /* images: absolute source URL, else NULL */
	struct span *spans;
	size_t nspans;
};

struct link {
	char *url;       /* absolute */
	char *text;      /* normalised anchor text */
	size_t block;    /* index of the block it sits in */
	int heading;     /* index of the nearest preceding heading block, or -1 */
};

/* A place in the article a link of the same page points to (a footnote, a
 * section): the element's id or <a name>, and the block it starts in. Only
 * the anchors the article's own links name are kept. */
struct anchor {
	char *name;      /* as the page wrote it (a fragment, percent-decoded) */
	size_t block;
};

typedef enum quote_kind {
	QUOTE_BLOCK,     /* <blockquote> */
	QUOTE_PULL,      /* pull quote (wp-block-pullquote, .pullquote) */
	QUOTE_INLINE,    /* quotation marks in running text, maybe across paragraphs */
	QUOTE_Q,         /* <q> */
} quote_kind;

/* A quoted passage. text is the passage (paragraphs joined by one space);
 * first_block..last_block are the blocks it spans. Attribution fields are
 * NULL (year 0) when the page does not give them. cite_raw is the
 * attribution text as the page printed it (a <cite>, a "— X" line), kept for
 * the quote finder to parse. */
struct quote {
	quote_kind kind;
	char *text;
	size_t first_block, last_block;
	char *author;
	char *publication;
	char *title;
	int year;
	char *cite_url;
	char *cite_raw;
};

struct article {
	char *title;
	char *author;
	char *published;     /* ISO 8601 with offset, e.g. 2024-03-23T19:05:31+00:00 */
	char *modified;
	char *site_name;
	char *url;           /* where it was read from (final URL after redirects) */
	char *canonical_url;
	char *language;
	char *description;
	char **tags;
	size_t ntags;

	struct block *blocks;
	size_t nblocks, blocks_cap;
	struct link *links;
	size_t nlinks, links_cap;
	struct quote *quotes;
	size_t nquotes, quotes_cap;
	struct anchor *anchors;
	size_t nanchors, anchors_cap;
};

/* Return a new empty article; free with article_free. */
struct article *article_create(void);
void article_free(struct article *a);   /* article_free(NULL) does nothing */

/* Append a block; text is copied. Returns its index. The returned pointer from
 * article_block is valid until the next article_add_block. */
size_t article_add_block(struct article *a, block_kind kind, int level, int quote, const char *text);
struct block *article_block(struct article *a, size_t i);
/* Add a span to block i. */
void article_add_span(struct article *a, size_t block, size_t start, size_t end, int style, int link);
/* Append a link; url and text are copied. Returns its index. */
size_t article_add_link(struct article *a, const char *url, const char *text, size_t block, int heading);
/* Append an anchor; name is copied. */
void article_add_anchor(struct article *a, const char *name, size_t block);
/* The block that anchor name (a URL fragment, percent-encoded or not)
 * starts in; returns whether a has it. */
bool article_find_anchor(const struct article *a, const char *name, size_t *block);
/* Append a quote with kind and text (copied); returns a pointer valid until the
 * next article_add_quote. */
struct quote *article_add_quote(struct article *a, quote_kind kind, const char *text,
    size_t first_block, size_t last_block);
/* Add a tag (copied) unless already present (case-insensitively). */
void article_add_tag(struct article *a, const char *tag);
/* Replace *field with a copy of value (NULL clears it). */
void article_set(char **field, const char *value);

/* Number of words in the body (paragraphs, headings, list items, preformatted). */
size_t article_word_count(const struct article *a);

/* Whether a block kind counts as body text (not images or rules). */
bool block_is_text(block_kind kind);
const char *block_kind_name(block_kind kind);
/* Parse a block kind name; returns -1 if unknown. */
int block_kind_parse(const char *name);
const char *quote_kind_name(quote_kind kind);
int quote_kind_parse(const char *name);

/* Append the body as plain text: text blocks in order, separated by one blank
 * line, no markup, no image text. */
void article_to_text(const struct article *a, struct buf *out);
/* Append the article as one JSON object (the `extract --format json` shape).
 * id > 0 adds an "id" member first. */
void article_to_json(const struct article *a, long long id, struct buf *out);

#endif
