/* build.c — the article into lines: blocks in order, one blank line between
 * them (none between items of one list), quote bars on every line of a quote
 * (blank lines inside it too), an attribution line after a quote that names
 * its source, list bullets or numbers with hanging indents, and the lookups
 * between positions (block, byte offset) and lines.
 *
 * Invariants: lines of a block are contiguous and their byte ranges tile
 * [0, strlen(text)] of the block in order; every block has at least one line;
 * strings the lines point to (prefixes, markers) live in the layout's chunks,
 * which never move, and are freed with it. */
#include "internal.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quotes.h"
#include "text.h"
#include "util.h"

#define CHUNK_SIZE 16384
#define LIST_DEPTH_MAX 16
#define QUOTE_DEPTH_MAX 1000   /* deeper is nonsense; keeps sums from overflowing */

/* A block of the layout's own strings; never moved once made. */
struct layout_chunk {
	struct layout_chunk *next;
	size_t used, cap;
	char data[];
};

char *
layout_alloc(struct layout *l, size_t n)
{
	struct layout_chunk *c = l->chunks;
	if (c == NULL || c->cap - c->used < n) {
		size_t cap = n > CHUNK_SIZE ? n : CHUNK_SIZE;
		c = xmalloc(sizeof *c + cap);
		c->used = 0;
		c->cap = cap;
		/* keep a chunk with room at the head */
		if (l->chunks != NULL && n > CHUNK_SIZE) {
			c->next = l->chunks->next;
			l->chunks->next = c;
		} else {
			c->next = l->chunks;
			l->chunks = c;
		}
	}
	char *p = c->data + c->used;
	c->used += n;
	return p;
}

/* Return a NUL-terminated copy of s[0, n) owned by the layout. */
static const char *
keep(struct layout *l, const char *s, size_t n)
{
	char *p = layout_alloc(l, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

struct layout_line *
layout_add_line(struct layout *l)
{
	if (l->nlines == l->lines_cap) {
		l->lines_cap = l->lines_cap ? l->lines_cap * 2 : 256;
		l->lines = xreallocarray(l->lines, l->lines_cap, sizeof *l->lines);
	}
	struct layout_line *ln = &l->lines[l->nlines++];
	memset(ln, 0, sizeof *ln);
	ln->prefix = "";
	return ln;
}

struct layout_seg *
layout_add_seg(struct layout *l)
{
	if (l->nsegs == l->segs_cap) {
		l->segs_cap = l->segs_cap ? l->segs_cap * 2 : 256;
		l->segs = xreallocarray(l->segs, l->segs_cap, sizeof *l->segs);
	}
	return &l->segs[l->nsegs++];
}

/* Return the quote bars for depth d (fewer when they would not fit) and set
 * *width to their columns. */
static const char *
bars(struct builder *b, int d, int *width)
{
	if (d > b->max_bars)
		d = b->max_bars;
	if (d < 0)
		d = 0;
	*width = 2 * d;
	if (b->bars[d] == NULL) {
		const char *bar = (b->l->flags & LAYOUT_ASCII) ? "| " : "│ ";
		struct buf s = { 0 };
		for (int i = 0; i < d; i++)
			buf_puts(&s, bar);
		b->bars[d] = keep(b->l, buf_str(&s), s.len);
		buf_free(&s);
	}
	return b->bars[d];
}

/* Return the bars for depth d leaving need columns beside them and the
 * minimum text, fewer on narrow widths; set *width to their columns. */
static const char *
bars_fit(struct builder *b, int d, int need, int *width)
{
	int fit = (b->width - LAYOUT_MIN_TEXT - need) / 2;
	return bars(b, d < fit ? d : fit, width);
}

/* Return bars followed by n spaces and text (may be NULL), owned by the layout. */
static const char *
compose(struct builder *b, const char *bar, int n, const char *text)
{
	struct buf s = { 0 };
	buf_puts(&s, bar);
	for (int i = 0; i < n; i++)
		buf_putc(&s, ' ');
	if (text != NULL)
		buf_puts(&s, text);
	const char *p = keep(b->l, buf_str(&s), s.len);
	buf_free(&s);
	return p;
}

/* Emit a blank line before block i with d quote bars. */
static void
blank_line(struct builder *b, size_t i, int d)
{
	int w;
	const char *bar = bars(b, d, &w);
	struct layout_line *ln = layout_add_line(b->l);
	ln->kind = LINE_BLANK;
	ln->quote = d;
	ln->block = i;
	ln->prefix = bar;
	ln->prefix_width = w;
	ln->seg = b->l->nsegs;
	ln->width = w;
}

/* Fill t's prefixes for list item bl: bullet by depth or number, indented
 * under the text of the item above it, continuation lines hanging. */
static void
list_prefix(struct builder *b, const struct block *bl, struct tmpl *t)
{
	static const char *bullets[] = { "•", "◦", "▪" };
	static const char *ascii[] = { "*", "-", "+" };
	int depth = bl->level < 1 ? 1 : bl->level > LIST_DEPTH_MAX ? LIST_DEPTH_MAX : bl->level;
	char marker[32];
	snprintf(marker, sizeof marker, "%d. ", bl->number > 0 ? bl->number : 1);
	int mw = layout_text_width(marker, strlen(marker)), bw;
	if (!bl->ordered || mw > b->width - LAYOUT_MIN_TEXT) {
		/* a number too wide for the column becomes a bullet */
		snprintf(marker, sizeof marker, "%s ", ((b->l->flags & LAYOUT_ASCII) ? ascii : bullets)[(depth - 1) % 3]);
		mw = 2;
	}
	const char *bar = bars_fit(b, t->quote, mw, &bw);
	int indent = depth == 1 ? 0 : b->list_col[depth - 1] > 0 ? b->list_col[depth - 1] : 2 * (depth - 1);
	int room = b->width - bw - LAYOUT_MIN_TEXT - mw;
	if (indent > room)
		indent = room > 0 ? room : 0;
	b->list_col[depth] = indent + mw;
	for (int d = depth + 1; d <= LIST_DEPTH_MAX; d++)
		b->list_col[d] = 0;
	t->kind = LINE_LIST_ITEM;
	t->level = depth;
	t->prefix_first = compose(b, bar, indent, marker);
	t->prefix_rest = compose(b, bar, indent + mw, NULL);
	t->pw_first = t->pw_rest = bw + indent + mw;
}

/* Emit the one line of a rule: a centred run of "─". */
static void
rule_line(struct builder *b, const struct tmpl *t)
{
	int avail = layout_avail(b, t->pw_first, 0);
	int n = avail / 2 > 0 ? avail / 2 : 1;
	const char *dash = (b->l->flags & LAYOUT_ASCII) ? "-" : "─";
	struct buf s = { 0 };
	for (int i = 0; i < n; i++)
		buf_puts(&s, dash);
	struct layout_line *ln = layout_add_line(b->l);
	ln->kind = LINE_RULE;
	ln->quote = t->quote;
	ln->block = t->block;
	ln->start = 0;
	ln->end = t->len;
	ln->prefix = t->prefix_first;
	ln->prefix_width = t->pw_first;
	ln->indent = (avail - n) / 2;
	ln->seg = b->l->nsegs;
	struct layout_seg *sg = layout_add_seg(b->l);
	*sg = (struct layout_seg){ keep(b->l, buf_str(&s), s.len), s.len, 0, 0, n, LAYOUT_STYLE_MARK, -1, true };
	ln->nsegs = 1;
	ln->width = ln->prefix_width + ln->indent + n;
	buf_free(&s);
}

/* Lay out block i at quote depth depth. */
static void
lay_block(struct builder *b, size_t i, int depth)
{
	struct layout *l = b->l;
	const struct block *bl = &b->a->blocks[i];
	bool list = bl->kind == BLOCK_LIST_ITEM;
	if (b->any_lines && !(list && b->prev_list)) {
		int d = depth < b->depth_prev ? depth : b->depth_prev;
		blank_line(b, i, d < b->depth_open ? d : b->depth_open);
	}
	b->depth_open = INT_MAX;
	if (!list)
		memset(b->list_col, 0, sizeof b->list_col);

	struct tmpl t = { 0 };
	int bw;
	const char *bar = bars(b, depth, &bw);
	t.kind = LINE_TEXT;
	t.quote = depth;
	t.block = i;
	t.len = strlen(bl->text);
	t.prefix_first = t.prefix_rest = bar;
	t.pw_first = t.pw_rest = bw;
	l->block_first[i] = l->nlines;

	switch (bl->kind) {
	case BLOCK_HEADING:
		t.kind = LINE_HEADING;
		t.level = bl->level < 1 ? 1 : bl->level > 6 ? 6 : bl->level;
		if (l->flags & LAYOUT_HEADING_MARKS) {
			char mark[8];
			int n = t.level < l->width - LAYOUT_MIN_TEXT - 1 ? t.level : l->width - LAYOUT_MIN_TEXT - 1;
			bar = bars_fit(b, depth, n + 1, &bw);
			memset(mark, '#', (size_t)n);
			mark[n] = ' ';
			mark[n + 1] = '\0';
			t.prefix_first = compose(b, bar, 0, mark);
			t.prefix_rest = compose(b, bar, n + 1, NULL);
			t.pw_first = t.pw_rest = bw + n + 1;
		}
		if (l->nheadings == l->headings_cap) {
			l->headings_cap = l->headings_cap ? l->headings_cap * 2 : 16;
			l->headings = xreallocarray(l->headings, l->headings_cap, sizeof *l->headings);
		}
		l->headings[l->nheadings++] = l->nlines;
		layout_pieces_block(b, i, NULL, NULL);
		layout_wrap(b, &t);
		break;
	case BLOCK_LIST_ITEM:
		list_prefix(b, bl, &t);
		layout_pieces_block(b, i, NULL, NULL);
		layout_wrap(b, &t);
		break;
	case BLOCK_PREFORMATTED:
		t.kind = LINE_PRE;
		layout_pieces_block(b, i, NULL, NULL);
		layout_pre(b, &t);
		break;
	case BLOCK_IMAGE:
		t.kind = LINE_IMAGE;
		layout_pieces_block(b, i, bl->text[0] != '\0' ? "[image: " : "[image", "]");
		layout_wrap(b, &t);
		break;
	case BLOCK_RULE:
		t.kind = LINE_RULE;
		rule_line(b, &t);
		break;
	default:
		layout_pieces_block(b, i, NULL, NULL);
		layout_wrap(b, &t);
		break;
	}
	l->block_count[i] = l->nlines - l->block_first[i];
	b->depth_prev = depth;
	b->any_lines = true;
	b->prev_list = list;
}

/* Return the attribution line's text for q ("— Author, Publication (1765)"),
 * newly allocated, or NULL when the page names no source. */
static char *
attribution(const struct quote *q, bool ascii)
{
	const char *who = q->author, *where = q->publication ? q->publication : q->title;
	if (who != NULL && who[0] == '\0')
		who = NULL;
	if (where != NULL && where[0] == '\0')
		where = NULL;
	struct buf s = { 0 };
	buf_puts(&s, ascii ? "-- " : "— ");
	if (who != NULL || where != NULL) {
		buf_puts(&s, who ? who : "");
		buf_puts(&s, who && where ? ", " : "");
		buf_puts(&s, where ? where : "");
		/* A full date is written as the cite wrote it, after the work;
		 * a year alone goes in parentheses. */
		char *date = quotes_full_date(q->cite_raw, q->year);
		if (date != NULL)
			buf_printf(&s, ", %s", date);
		else if (q->year > 0)
			buf_printf(&s, " (%d)", q->year);
		free(date);
	} else if (q->cite_raw != NULL && q->cite_raw[0] != '\0') {
		buf_puts(&s, q->cite_raw);
	} else {
		buf_free(&s);
		return NULL;
	}
	for (size_t i = 0; i < s.len; i++)
		if (s.data[i] == '\n' || s.data[i] == '\t')
			s.data[i] = ' ';
	return buf_detach(&s);
}

/* Emit q's attribution after its last block, at quote depth d. */
static void
attribution_lines(struct builder *b, const struct quote *q, int d)
{
	char *text = attribution(q, b->l->flags & LAYOUT_ASCII);
	if (text == NULL)
		return;
	const char *kept = keep(b->l, text, strlen(text));
	free(text);
	struct tmpl t = { 0 };
	int bw;
	const char *bar = bars_fit(b, d, 2, &bw);
	t.kind = LINE_ATTRIBUTION;
	t.quote = d;
	t.block = q->last_block;
	t.len = strlen(b->a->blocks[q->last_block].text);
	t.synthetic = true;
	t.prefix_first = bar;
	t.pw_first = bw;
	t.prefix_rest = compose(b, bar, 2, NULL);
	t.pw_rest = bw + 2;
	layout_pieces_text(b, kept, t.len);
	layout_wrap(b, &t);
	b->depth_prev = d;
}

/* Whether quote q is shown set apart (bars and attribution): a block or pull
 * quote, or a quotation in running text that spans paragraphs or makes up at
 * least half of its one paragraph. <q> stays inline. */
static bool
set_apart(const struct article *a, const struct quote *q)
{
	if (q->first_block > q->last_block || q->last_block >= a->nblocks || q->kind == QUOTE_Q)
		return false;
	if (q->kind != QUOTE_INLINE || q->last_block > q->first_block)
		return true;
	return 2 * strlen(q->text) >= strlen(a->blocks[q->first_block].text);
}

struct layout *
layout_build(const struct article *a, const struct layout_opts *o)
{
	struct layout *l = xcalloc(1, sizeof *l);
	int width = o != NULL && o->width > 0 ? o->width : LAYOUT_DEFAULT_WIDTH;
	l->width = width < LAYOUT_MIN_WIDTH ? LAYOUT_MIN_WIDTH : width;
	l->flags = o != NULL ? o->flags : 0;
	size_t n = a->nblocks;
	l->nblocks = n;
	l->block_first = xcalloc(n + 1, sizeof *l->block_first);
	l->block_count = xcalloc(n + 1, sizeof *l->block_count);

	struct builder b = { 0 };
	b.l = l;
	b.a = a;
	b.width = l->width;
	b.max_bars = (l->width - LAYOUT_MIN_TEXT) / 2;
	b.bars = xcalloc((size_t)b.max_bars + 1, sizeof *b.bars);

	/* Quote depth per block: the blockquote depth, plus one inside a
	 * quotation the markup did not indent. Quotes set apart are listed by
	 * their last block, in article order, for their attribution. */
	int *extra = xcalloc(n + 1, sizeof *extra);
	size_t *ends = xmalloc((n + 1) * sizeof *ends);
	size_t *next = xmalloc((a->nquotes + 1) * sizeof *next);
	for (size_t i = 0; i <= n; i++)
		ends[i] = SIZE_MAX;
	for (size_t k = a->nquotes; k-- > 0;) {
		const struct quote *q = &a->quotes[k];
		if (!set_apart(a, q))
			continue;
		if (a->blocks[q->first_block].quote <= 0) {
			extra[q->first_block]++;
			extra[q->last_block + 1]--;
		}
		next[k] = ends[q->last_block];
		ends[q->last_block] = k;
	}
	int run = 0;
	for (size_t i = 0; i < n; i++) {
		run += extra[i];
		int q = a->blocks[i].quote;
		extra[i] = (q < 0 ? 0 : q > QUOTE_DEPTH_MAX ? QUOTE_DEPTH_MAX : q) + run;
	}

	for (size_t i = 0; i < n; i++) {
		lay_block(&b, i, extra[i]);
		for (size_t k = ends[i]; k != SIZE_MAX; k = next[k]) {
			const struct quote *q = &a->quotes[k];
			int d = extra[q->first_block];
			for (size_t j = q->first_block; j <= q->last_block; j++)
				if (extra[j] < d)
					d = extra[j];
			attribution_lines(&b, q, d);
			/* the next quote, even as deep, is another one */
			if (d - 1 < b.depth_open)
				b.depth_open = d - 1;
		}
	}

	free(extra);
	free(ends);
	free(next);
	free(b.pieces);
	free(b.edges);
	free(b.bars);
	return l;
}

void
layout_free(struct layout *l)
{
	if (l == NULL)
		return;
	free(l->lines);
	free(l->segs);
	free(l->headings);
	free(l->block_first);
	free(l->block_count);
	for (struct layout_chunk *c = l->chunks, *nx; c != NULL; c = nx) {
		nx = c->next;
		free(c);
	}
	free(l);
}

size_t
layout_line_of(const struct layout *l, size_t block, size_t offset)
{
	if (l->nlines == 0)
		return 0;
	if (block >= l->nblocks)
		return l->nlines - 1;
	size_t lo = l->block_first[block], count = l->block_count[block];
	if (count == 0)
		return lo < l->nlines ? lo : l->nlines - 1;
	/* the last line of the block starting at or before offset */
	size_t hi = lo + count;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (l->lines[mid].start <= offset)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

void
layout_position_of(const struct layout *l, size_t line, size_t *block, size_t *offset)
{
	if (l->nlines == 0) {
		*block = *offset = 0;
		return;
	}
	if (line >= l->nlines)
		line = l->nlines - 1;
	*block = l->lines[line].block;
	*offset = l->lines[line].start;
}

void
layout_block_lines(const struct layout *l, size_t block, size_t *first, size_t *count)
{
	if (block >= l->nblocks) {
		*first = l->nlines;
		*count = 0;
		return;
	}
	*first = l->block_first[block];
	*count = l->block_count[block];
}

long
layout_section_of(const struct layout *l, size_t line)
{
	size_t lo = 0, hi = l->nheadings;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (l->headings[mid] <= line)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (long)lo - 1;
}
