/* internal.h — what the layout's files share: the builder that walks the
 * article, the pieces a block's text is cut into (runs of one style, plus
 * synthetic markers), and the line template a block's lines are made from. */
#ifndef QUIRE_LAYOUT_INTERNAL_H
#define QUIRE_LAYOUT_INTERNAL_H

#include "layout.h"

/* A run of text of one style: block bytes [src, src + len) when not
 * synthetic, else layout-owned text inserted at block offset src. Never
 * empty. */
struct piece {
	const char *text;
	size_t len;
	size_t src;
	int style;
	int link;
	bool synthetic;
};

/* A place in the piece list; pi == npieces is the end. */
struct cursor {
	size_t pi, off;
};

/* What every line of one block (or one attribution) shares. */
struct tmpl {
	line_kind kind;
	int level, quote;
	size_t block;
	size_t len;                 /* the block's text length */
	const char *prefix_first, *prefix_rest;
	int pw_first, pw_rest;      /* their widths */
	int indent;
	bool synthetic;             /* lines show no block bytes (attribution) */
};

/* A span edge, for cutting text into pieces. */
struct span_edge {
	size_t pos;
	int open;                   /* 1 opens, 0 closes */
	int style;
	int link;
};

struct builder {
	struct layout *l;
	const struct article *a;
	int width;
	struct piece *pieces;
	size_t npieces, pieces_cap;
	struct span_edge *edges;
	size_t nedges, edges_cap;
	const char **bars;          /* bars[d]: d quote bars, built on demand */
	int max_bars;               /* most bars that fit */
	int list_col[17];           /* text column of the last item at each list depth */
	int depth_prev;             /* quote depth of the last line laid out */
	int depth_open;             /* bars a blank line may keep: fewer after a quote ends */
	bool any_lines;
	bool prev_list;
};

/* build.c */
/* Return n bytes owned by the layout that never move; freed with it. */
char *layout_alloc(struct layout *l, size_t n);
/* Append a zeroed line (prefix "") or an uninitialised segment; the pointer
 * is valid until the next call. */
struct layout_line *layout_add_line(struct layout *l);
struct layout_seg *layout_add_seg(struct layout *l);

/* wrap.c */
/* Return the text columns a line gets after a prefix and indent. */
int layout_avail(const struct builder *b, int prefix_width, int indent);
/* Cut block bi's text into pieces (with link numbers), after prelude and
 * before coda (synthetic, may be NULL). */
void layout_pieces_block(struct builder *b, size_t bi, const char *prelude, const char *coda);
/* Make the pieces one synthetic run of text inserted at offset src. */
void layout_pieces_text(struct builder *b, const char *text, size_t src);
/* Word-wrap the pieces into lines made from t. */
void layout_wrap(struct builder *b, const struct tmpl *t);
/* Lay the pieces out as preformatted lines, cut with a marker. */
void layout_pre(struct builder *b, const struct tmpl *t);

#endif
