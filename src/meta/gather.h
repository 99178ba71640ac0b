/* meta/gather.h — the metadata stage's gathering context, shared by
 * meta.c (the walk and the choosing) and meta/visible.c (what the reader
 * sees: dates and bylines in text, kickers, short names); private to meta. */
#ifndef QUIRE_META_GATHER_H
#define QUIRE_META_GATHER_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "article.h"

struct jvalue;

enum field { F_TITLE, F_AUTHOR, F_PUBLISHED, F_MODIFIED, F_SITE, F_CANONICAL, F_LANG, F_DESC, F_TAG, F_COUNT };

/* Ranks: lower is trusted more. */
enum {
	R_NOISE = 1000,           /* added to an author that looks like a login or a URL */
	MAX_CANDIDATES = 4096,
	MAX_LD_OBJECTS = 20000,
	MAX_WALK_DEPTH = 512,
	MAX_TAGS = 64,
	MAX_FIELD_TEXT = 600,     /* bytes of element text a field may take */
};

/* Where a date candidate came from: a statement about the whole page
 * (<meta>, JSON-LD), an attribute of an element in it (<time datetime>),
 * or the text the reader sees. */
enum cand_from { FROM_PAGE, FROM_ELEMENT, FROM_TEXT };

struct cand {
	enum field field;
	int rank;
	size_t order;             /* document order, to break ties */
	char *value;              /* normalised, owned */
	enum cand_from from;      /* where a date came from */
};

/* A byline naming several people, each in an element of their own. */
enum { META_MAX_LISTS = 8, META_MAX_NAMES = 8 };
struct meta_name_list {
	char *text;               /* "A, B & C", with the page's separators */
	char *names[META_MAX_NAMES];
	size_t n;
};

struct ctx {
	struct article *a;
	const char *url;
	struct cand *c;
	size_t n, cap, order;
	struct jvalue **ld;       /* parsed JSON-LD scripts */
	size_t nld;
	const struct jvalue **obj;   /* every JSON-LD object, pre-order */
	size_t nobj, obj_cap;
	int ld_budget;            /* name lookups left, so hostile nesting stays cheap */
	int post_checks;          /* holds_post searches left, for the same reason */
	char **h1;                /* texts of the page's h1 and h2 elements, for <title> splitting */
	size_t nh1;
	bool *h1_site;            /* whether each is the site's own heading (logo, site title) */
	bool have_h1;             /* the first plain h1 is a candidate already */
	bool have_title_date;     /* the first title heading's neighbours were read for a date */
	bool have_lead_date;      /* a "Posted on <date>" text gave a candidate */
	bool have_byline_text;    /* a "Posted by <name>" text gave a candidate */
	char *tw_data[4];         /* twitter:data1..4, paired with labels at the end */
	bool tw_author[4];        /* whether twitter:labelN says "Written by" */
	struct meta_name_list lists[META_MAX_LISTS];   /* bylines of several names */
	size_t nlists;
};

/* meta.c */
/* Add a candidate for field f; value is normalised and copied. */
void meta_cand_add(struct ctx *x, enum field f, int rank, const char *value);
/* Add a candidate as meta_cand_add does, saying where it came from. */
void meta_cand_add_from(struct ctx *x, enum field f, int rank, const char *value, enum cand_from from);
/* Whether n is a link to an author's page (a dom_find matcher). */
bool meta_is_author_link(const xmlNode *n, const void *arg);
/* Return the normalised text under n (newly allocated), or NULL when it is
 * longer than max bytes; spaced puts a space around each element. */
char *meta_bounded_text(const xmlNode *n, size_t max, bool spaced);

/* visible.c */
/* Look beside the post's title heading h for the date its header shows. */
void meta_read_title_date(struct ctx *x, const xmlNode *h);
/* Read a text node that names publication before a date. */
void meta_read_lead_date(struct ctx *x, const xmlNode *t);
/* Read a text node that is a byline ("Posted by Jo") into an author. */
void meta_read_byline_text(struct ctx *x, const xmlNode *t);
/* Return the title candidate without the kicker t opens with, else t. */
struct cand *meta_drop_kicker(struct ctx *x, struct cand *t);
/* Return the title candidate written in upper and lower case that says what
 * title t says in capitals only (a heading styled as a shout), else t. */
struct cand *meta_unshout(struct ctx *x, struct cand *t);
/* Return the candidate giving author c's full name when c is a first name. */
struct cand *meta_fuller_name(struct ctx *x, struct cand *c);
/* Whether the text just before element n labels it as an update. */
bool meta_labelled_updated(const xmlNode *n);
/* Return the published-date candidate to take when the page's sources
 * disagree and the date the reader sees settles it, else best. */
struct cand *meta_shown_agrees(struct ctx *x, struct cand *best, bool have_off, int off);

/* coauthors.c */
/* Record element n when it is a list of two or more names set apart by
 * separators (and perhaps a short label before them). */
void meta_read_name_list(struct ctx *x, const xmlNode *n);
/* The text of a recorded list that has name among its names, or NULL;
 * points into x. */
const char *meta_coauthors(const struct ctx *x, const char *name);
void meta_name_lists_free(struct ctx *x);

#endif
