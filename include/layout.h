/* layout.h — lay an article out into lines for a given text width. Pure: no
 * curses, no SQLite. Every line points back to the bytes of the block it
 * shows, so a position (block, byte offset) survives a different width. */
#ifndef QUIRE_LAYOUT_H
#define QUIRE_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "article.h"

#define LAYOUT_DEFAULT_WIDTH 80   /* used when opts->width <= 0 */
#define LAYOUT_MIN_WIDTH 10       /* narrower widths are raised to this */
#define LAYOUT_MIN_TEXT 8         /* columns of text a line always gets */

/* layout_opts.flags */
enum {
	LAYOUT_ASCII = 1 << 0,            /* ASCII bars, bullets and markers (C locale) */
	LAYOUT_NO_LINK_NUMBERS = 1 << 1,  /* no "[3]" after link text */
	LAYOUT_HEADING_MARKS = 1 << 2,    /* "## " before headings, by level */
};

struct layout_opts {
	int width;       /* text column width; the pager centres it */
	int flags;
};

/* Style bit of synthetic markers (link numbers, cut marks, image brackets),
 * beside the SPAN_* bits of article.h. */
enum { LAYOUT_STYLE_MARK = 1 << 8 };

typedef enum line_kind {
	LINE_BLANK,         /* between blocks; may carry quote bars */
	LINE_TEXT,          /* a paragraph */
	LINE_HEADING,       /* level 1–6 */
	LINE_LIST_ITEM,     /* level = list depth */
	LINE_PRE,           /* preformatted, unwrapped */
	LINE_IMAGE,         /* "[image: alt]" */
	LINE_RULE,          /* a centred line of "─" */
	LINE_ATTRIBUTION,   /* "— Jason Burke, The Guardian" after a quote */
} line_kind;

/* A run of visible text with one style. text is what to draw (len bytes,
 * not NUL-terminated). When synthetic, it is not in the block (a link number,
 * a cut mark, "[image: ") and start == end is where it was inserted; else it
 * shows block bytes [start, end), and when len == end - start it is exactly
 * those bytes (a tab in <pre> is drawn as spaces and differs). Draw it with
 * layout_next_char so widths match the layout's. */
struct layout_seg {
	const char *text;
	size_t len;
	size_t start, end;
	int width;          /* display columns */
	int style;          /* SPAN_* bits | LAYOUT_STYLE_MARK */
	int link;           /* index into the article's links, or -1 */
	bool synthetic;
};

/* One screen line: prefix (quote bars, list bullet or hanging indent,
 * heading mark), then indent spaces, then segs[seg, seg + nsegs). The lines of
 * a block cover its bytes [start, end) without gaps or overlap, in order;
 * bytes not shown (the space at a wrap, a '\n', the tail of a cut <pre> line)
 * still belong to a line. Blank lines carry the block after them and an empty
 * range at 0; attribution lines carry the quote's last block and an empty
 * range at its end. */
struct layout_line {
	line_kind kind;
	int level;          /* heading level, list depth; 0 otherwise */
	int quote;          /* quote depth (bars drawn may be fewer on narrow widths) */
	size_t block;
	size_t start, end;
	const char *prefix; /* NUL-terminated, never NULL; owned by the layout */
	int prefix_width;
	int indent;
	size_t seg, nsegs;
	int width;          /* columns of prefix + indent + segments */
};

struct layout_chunk;

/* The laid-out article. Read the public fields; do not change them. Segment
 * text points into the article's blocks: valid while both the layout and the
 * unchanged article live. */
struct layout {
	int width;                  /* the width laid out for, after clamping */
	int flags;
	struct layout_line *lines;
	size_t nlines;
	struct layout_seg *segs;
	size_t nsegs;
	size_t *headings;           /* first line of each heading, in order */
	size_t nheadings;

	/* private */
	size_t nblocks;
	size_t *block_first;        /* first line of block i */
	size_t *block_count;        /* its number of lines */
	size_t lines_cap, segs_cap, headings_cap;
	struct layout_chunk *chunks;
};

/* Lay a out at o's width (o may be NULL for the defaults). Returns a new
 * layout; free it with layout_free. */
struct layout *layout_build(const struct article *a, const struct layout_opts *o);
void layout_free(struct layout *l);   /* layout_free(NULL) does nothing */

/* Return the line of block that holds byte offset; an offset past the block's
 * end gives its last line, a block past the end the last line. 0 when the
 * layout has no lines. */
size_t layout_line_of(const struct layout *l, size_t block, size_t offset);
/* Set *block and *offset to the position line starts at (for a blank line,
 * the start of the block after it). */
void layout_position_of(const struct layout *l, size_t line, size_t *block, size_t *offset);
/* Set *first and *count to the lines of block (count 0 if none). */
void layout_block_lines(const struct layout *l, size_t block, size_t *first, size_t *count);
/* Return the index into l->headings of the last heading at or above line, or
 * -1 when line comes before every heading. */
long layout_section_of(const struct layout *l, size_t line);

/* Decode the character at s (n > 0 bytes) as the layout measures it: returns
 * its length in bytes (at least 1), sets *cp to what to draw (U+FFFD for
 * ill-formed bytes, control characters and what wcwidth cannot measure; a
 * space for a tab) and *width to its columns (0 for combining marks, 2 for
 * wide characters). Depends on the LC_CTYPE locale. */
size_t layout_next_char(const char *s, size_t n, uint32_t *cp, int *width);
/* Return the display width of s[0, n). */
int layout_text_width(const char *s, size_t n);

#endif
