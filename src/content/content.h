/* content/content.h — private to the content finder (src/content.c and
 * the files beside this one). Per-element measurements hang off each element's
 * _private pointer while the finder runs; they live in a pool owned by a
 * struct cx and are cleared before content_extract returns, so no other
 * stage ever sees them. */
#ifndef QUIRE_CONTENT_PRIVATE_H
#define QUIRE_CONTENT_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <libxml/tree.h>

#include "article.h"

/* What one element holds, counted over its whole subtree. Text is counted in
 * code points with each run of white space as one. */
struct nstat {
	unsigned text;        /* characters of visible text */
	unsigned link;        /* of which inside <a href> */
	unsigned commas;      /* commas in the text */
	unsigned own;         /* characters in direct inline runs (not inside a block child) */
	unsigned own_commas;  /* commas in those runs */
	unsigned paras;       /* <p> elements (and <pre>) with 25+ characters */
	unsigned ptext;       /* characters of scored paragraphs below (score.c) */
	double score;         /* readability score, once initialised */
	bool scored;          /* score initialised */
	bool in_link;         /* inside <a href> (while measuring) */
	bool in_quote;        /* under a <blockquote> */
	bool in_figure;       /* under a <figure> */
	bool space;           /* last character counted was white space (while measuring) */
	/* What the class and id say, worked out once (classes.c): names do
	 * not change, so these survive a new measure(). */
	unsigned char known;  /* KNOWN_* bits of the fields below that are set */
	unsigned char chrome; /* chrome_kind */
	bool unlikely;        /* readability's unlikely candidate */
	bool aside;           /* class_aside */
	signed char weight;   /* readability class weight */
	bool hidden;          /* is_hidden */
	unsigned char tag;    /* TAG_* bits of the element's name, set when the record is made */
	struct names *names;  /* the finder's memo of class and id verdicts (classes.c) */
};

enum {
	KNOWN_CHROME = 1 << 0,
	KNOWN_UNLIKELY = 1 << 1,
	KNOWN_WEIGHT = 1 << 2,
	KNOWN_ASIDE = 1 << 3,
	KNOWN_HIDDEN = 1 << 4,
};

/* What an element's tag name is, as bits (measure.c). */
enum {
	TAG_BLOCK = 1 << 0,      /* starts a new block of text (is_block_tag) */
	TAG_INVISIBLE = 1 << 1,  /* content never read as text (is_invisible_tag) */
	TAG_PARA = 1 << 2,       /* <p> or <pre>: counts as a paragraph */
	TAG_A = 1 << 3,
	TAG_BLOCKQUOTE = 1 << 4,
	TAG_FIGURE = 1 << 5,
};

/* Verdicts on class and id values, remembered per distinct value for one
 * document: pages repeat the same few class strings on thousands of
 * elements (classes.c). An open-addressing hash table; keys are copies. */
struct name_entry;
struct names {
	struct name_entry *slots;
	size_t cap;             /* a power of two, or 0 */
	size_t count;
};

/* A pool of nstat records, allocated in chunks so pointers stay valid. */
struct stat_chunk;

struct cx {
	const struct article *a;   /* metadata found so far: title, URLs */
	struct stat_chunk *chunks;
	size_t used;            /* records used in the newest chunk */
	struct names names;     /* verdicts on class and id values */
};

/* measure.c */
/* Measure the subtree under n (n included), attaching a record to every
 * element; existing records are reused and recounted. */
void measure(struct cx *cx, xmlNode *n);
/* Return n's record, or NULL if n was never measured. */
struct nstat *nstat_of(const xmlNode *n);
/* Share of n's text inside links, 0..1. */
double link_density(const xmlNode *n);
/* Forget the readability scores under n, keeping the counts. */
void scores_reset(xmlNode *n);
/* Detach every record under n from its element. */
void measure_clear(xmlNode *n);
/* Free the pool and the memo of class and id verdicts. */
void measure_free(struct cx *cx);
/* Whether n is a block-level element (breaks an inline run). */
bool is_block_tag(const xmlNode *n);
/* Whether n is an element whose content is never visible text (script,
 * style, template, svg, ...). */
bool is_invisible_tag(const xmlNode *n);

/* classes.c — what class and id names say about an element. */
typedef enum chrome_kind {
	CHROME_NONE,
	CHROME_LIGHT,     /* chrome if it holds no paragraph or is mostly links */
	CHROME_WEAK,      /* chrome if it is small or mostly links */
	CHROME_STRONG,    /* chrome unless it holds most of the article */
	CHROME_HARD,      /* always chrome (comments, Jetpack flair, screen-reader text) */
} chrome_kind;

/* Classify n's class and id tokens as page chrome. */
chrome_kind class_chrome(const xmlNode *n);
/* readability: +25 for a positive class or id, -25 for a negative one, each. */
int class_weight(const xmlNode *n);
/* readability: whether the class or id marks an unlikely candidate (and not
 * an "ok, maybe" one). */
bool class_unlikely(const xmlNode *n);
/* Whether n's class holds token, ASCII case-insensitively. */
bool class_has_token(const xmlNode *n, const char *token);
/* Whether n is named as a side area of the page (sidebar, widget area,
 * comment list, related posts, site footer). */
bool class_aside(const xmlNode *n);
/* Whether n is hidden by a hidden attribute or an inline display:none or
 * visibility:hidden style. */
bool is_hidden(const xmlNode *n);
/* Free the memo of verdicts on class and id values; names_free of an
 * empty memo does nothing. */
void names_free(struct names *m);

/* score.c */
/* readability: find the best candidate for the article under body by
 * scoring paragraphs and their ancestors; returns NULL if nothing scores.
 * With strip_unlikely, paragraphs inside elements whose names look like
 * chrome do not count. Leaves the tree as it is; scores stay on the
 * records until the next measure(). */
xmlNode *score_find(struct cx *cx, xmlNode *body, bool strip_unlikely);
/* Prose characters of top plus the siblings score_gather would add. */
unsigned score_gathered_prose(xmlNode *top);
/* readability: join to top the siblings that score well enough, removing
 * the others from their common parent; returns the new root (the parent,
 * or top itself when no sibling joins). */
xmlNode *score_gather(struct cx *cx, xmlNode *top);

/* prune.c */
/* Remove from root everything that is not the article: chrome by tag, class
 * and position, the repeated headline, byline lines, trailing link lists.
 * root must have been measured since the tree last changed. */
void prune(struct cx *cx, xmlNode *root);

#endif
