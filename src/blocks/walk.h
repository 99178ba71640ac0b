/* walk.h — private to the blocks module (src/blocks.c and src/blocks/):
 * the state of one walk over an article root. blocks.c walks the tree and
 * turns text into blocks; blocks/attrib.c keeps the quote frames and collects
 * attributions and captions, which are not body text. */
#ifndef QUIRE_BLOCKS_WALK_H
#define QUIRE_BLOCKS_WALK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "article.h"
#include "util.h"

#define UNSET SIZE_MAX
#define SPAN_BITS 5   /* SPAN_EMPHASIS .. SPAN_QUOTE (1 << 4) */
#define OPEN_MAX 256  /* open spans tracked; deeper ones are inert */

enum soft { SOFT_NONE, SOFT_LINE, SOFT_CELL };
enum table_mode { TABLE_NONE, TABLE_DATA, TABLE_LAYOUT };

/* What a flush produces, and how nested blocks behave: set by block
 * elements on entry, restored on leaving them. */
struct ctx {
	block_kind kind;
	int level;          /* heading level, list depth for items */
	int quote;          /* blockquote depth */
	int number;         /* list item ordinal, 0 when not numbered */
	bool ordered;
	bool anon;          /* text straight in a container: <br><br> splits it */
	bool pre;           /* keep white space exactly */
	unsigned char soft; /* enum soft: how nested blocks join inside li / table rows */
	unsigned char table;
};

/* An open inline element that styles text. */
struct open_span {
	int style;
	size_t start;       /* UNSET until its first character is written */
	int link;           /* link index, or -1 */
	bool link_text_set; /* link text already taken (the link crossed a block) */
	int q;              /* quote index of a <q>, or -1 */
};

struct pending_span {
	size_t start, end;
	int style, link;
};

struct pending_image {
	char *src, *alt;
};

/* A <blockquote> or pull quote being walked. */
struct quote_frame {
	xmlNode *node;
	quote_kind kind;
	size_t first_block;
	bool absorbed;      /* a pull quote already took its inner <blockquote> */
	char *cite_raw, *cite_url;
};

struct frame {
	xmlNode *node;
	const struct tag *tag;
	struct ctx saved;
	size_t nspans;      /* open spans below this element */
	unsigned flags;
};

enum {
	F_SOFT = 1,         /* entered as a soft break, not a flush */
	F_QUOTE = 2,        /* pushed a quote frame */
	F_CITE = 4,         /* collects attribution instead of body text */
	F_SPAN = 8,         /* opened a span */
	F_CAPTION = 16,     /* an image caption (collected like an attribution) */
	F_MARKS = 32,       /* a <q> that wrote its opening quotation mark */
};

struct list {
	bool ordered;
	int next;
};

struct walk {
	struct article *a;
	const char *base;
	struct ctx ctx;

	struct buf text;
	bool pending_space, pending_newline, pending_sep;

	struct open_span *open;
	size_t nopen, open_cap, unset;   /* unset: open spans still waiting for a start */
	size_t style_open[SPAN_BITS];     /* open spans per style bit */
	struct pending_span *spans;
	size_t nspans, spans_cap;
	struct pending_image *images;
	size_t nimages, images_cap;

	size_t links_from;   /* links added since the last flush start here */
	size_t links_start;  /* the article's links from this walk start here */
	size_t anchors_from; /* anchors noted by this walk start here */
	size_t quotes_from;  /* likewise <q> quotes */
	int last_heading;

	struct frame *frames;
	size_t nframes, frames_cap;
	struct quote_frame *quotes;
	size_t nquotes, quotes_cap;
	struct list *lists;
	size_t nlists, lists_cap;

	/* Attribution being collected (<cite>, <footer>, a figcaption). */
	xmlNode *cite_node;
	struct buf cite;
	char **cite_raw_to, **cite_url_to;
	char *caption, *caption_url;   /* a <figcaption> being read */
	int last_quote;          /* index of the last outermost quote added, or -1 */
	xmlNode *last_quote_node;
};

enum role {
	R_INLINE,     /* descend, no flush */
	R_SKIP,       /* no text from it at all */
	R_BLOCK,      /* a block of its own: flush before and after */
	R_CONTAINER,  /* holds blocks; text straight inside is an anonymous paragraph */
	R_VOID,       /* handled entirely on entry (br, hr, img) */
};

struct tag {
	const char *name;
	enum role role;
	/* Called on entry; returns false to skip the element's children. */
	bool (*enter)(struct walk *, xmlNode *, struct frame *);
	void (*leave)(struct walk *, xmlNode *, struct frame *);
	int style;    /* span style for inline styling tags */
};

/* blocks.c */
/* Turn the inline buffer into a block (or drop it when empty). */
void walk_flush(struct walk *w);
/* Links and <q>s opened since the last settled block sit in block i. */
void walk_settle_links(struct walk *w, size_t i);
/* Return n's entry in the tag table (unlisted tags are inline). */
const struct tag *walk_tag(const xmlNode *n);

/* blocks/attrib.c */
/* Open a quote frame for a <blockquote> or pull quote. */
void attrib_push_quote(struct walk *w, xmlNode *n, quote_kind kind);
/* Close the innermost quote frame; the outermost one becomes a quote. */
void attrib_pop_quote(struct walk *w);
/* Whether n is a pull quote by its class. */
bool attrib_is_pullquote(const xmlNode *n);
/* Whether there is visible text after n inside top. */
bool attrib_text_after(const xmlNode *n, const xmlNode *top);
/* Whether the current line holds nothing but a dash (or nothing). */
bool attrib_line_is_empty_or_dash(struct walk *w);
/* Start collecting attribution text into *raw (and a link into *url). */
void attrib_begin(struct walk *w, xmlNode *n, struct frame *f, char **raw, char **url);
/* Finish an attribution: store its text where attrib_begin said. */
void attrib_end(struct walk *w);
/* Finish a caption: the alt text of the image before it, or nothing. */
void attrib_end_caption(struct walk *w);

#endif
