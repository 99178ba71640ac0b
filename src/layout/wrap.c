/* wrap.c — one block's text into lines. The text is first cut into pieces:
 * runs of one style taken from the block's spans, with synthetic pieces
 * (link numbers, "[image: ") inserted where they show. Lines are then made
 * from the pieces, either word-wrapped (greedy, breaking at spaces and around
 * CJK characters, a word longer than the line broken) or, for <pre>, one
 * line per source line, cut with a marker. Widths come from wcwidth; a break
 * never falls inside a UTF-8 sequence or before a zero-width mark, since
 * only a character of width > 0 can start a new line. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "text.h"
#include "util.h"

#define TAB_STOP 8

size_t
layout_next_char(const char *s, size_t n, uint32_t *cp, int *width)
{
	unsigned char c = (unsigned char)s[0];
	if (c < 0x80) {
		if (c >= 0x20 && c < 0x7f)
			*cp = c;
		else
			*cp = c == '\t' ? ' ' : 0xfffd;
		*width = 1;
		return 1;
	}
	uint32_t u;
	size_t len = utf8_decode(s, n, &u);
	if (len == 0) {
		*cp = 0xfffd;
		*width = 1;
		return 1;
	}
	int w = u < 0xa0 ? -1 : wcwidth((wchar_t)u);
	if (w < 0) {
		*cp = 0xfffd;
		*width = 1;
	} else {
		*cp = u;
		*width = w > 2 ? 2 : w;
	}
	return len;
}

int
layout_text_width(const char *s, size_t n)
{
	int width = 0;
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f) {
			width++;
			i++;
			continue;
		}
		uint32_t cp;
		int w;
		i += layout_next_char(s + i, n - i, &cp, &w);
		width += w;
	}
	return width;
}

/* Whether a line may break before or after cp (CJK ideographs, kana, hangul,
 * full-width forms): such text has no spaces between words. */
static bool
is_cjk(uint32_t cp)
{
	return (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7a3) ||
	    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xff60) ||
	    (cp >= 0x20000 && cp <= 0x3fffd);
}

/* Append a piece unless empty. */
static void
push_piece(struct builder *b, const char *text, size_t len, size_t src, int style, int link, bool synthetic)
{
	if (len == 0)
		return;
	if (b->npieces == b->pieces_cap) {
		b->pieces_cap = b->pieces_cap ? b->pieces_cap * 2 : 64;
		b->pieces = xreallocarray(b->pieces, b->pieces_cap, sizeof *b->pieces);
	}
	b->pieces[b->npieces++] = (struct piece){ text, len, src, style, link, synthetic };
}

/* Append a span edge. */
static void
push_edge(struct builder *b, size_t pos, int open, int style, int link)
{
	if (b->nedges == b->edges_cap) {
		b->edges_cap = b->edges_cap ? b->edges_cap * 2 : 64;
		b->edges = xreallocarray(b->edges, b->edges_cap, sizeof *b->edges);
	}
	b->edges[b->nedges++] = (struct span_edge){ pos, open, style, link };
}

/* Order edges by position, closing before opening. */
static int
edge_cmp(const void *x, const void *y)
{
	const struct span_edge *p = x, *q = y;
	if (p->pos != q->pos)
		return p->pos < q->pos ? -1 : 1;
	return p->open - q->open;
}

/* Append the "[n]" after a link's text. */
static void
push_link_number(struct builder *b, size_t pos, int link)
{
	char tmp[32];
	int n = snprintf(tmp, sizeof tmp, "[%d]", link + 1);
	char *s = layout_alloc(b->l, (size_t)n + 1);
	memcpy(s, tmp, (size_t)n + 1);
	push_piece(b, s, (size_t)n, pos, LAYOUT_STYLE_MARK | SPAN_LINK, link, true);
}

void
layout_pieces_block(struct builder *b, size_t bi, const char *prelude, const char *coda)
{
	const struct block *bl = &b->a->blocks[bi];
	const char *t = bl->text;
	size_t len = strlen(t);
	b->npieces = 0;
	if (prelude != NULL)
		push_piece(b, prelude, strlen(prelude), 0, LAYOUT_STYLE_MARK, -1, true);
	if (bl->nspans == 0) {
		push_piece(b, t, len, 0, 0, -1, false);
	} else {
		b->nedges = 0;
		for (size_t i = 0; i < bl->nspans; i++) {
			const struct span *sp = &bl->spans[i];
			size_t s = sp->start < len ? sp->start : len, e = sp->end < len ? sp->end : len;
			int link = (sp->style & SPAN_LINK) ? sp->link : -1;
			if (s > e || (s == e && link < 0))
				continue;
			push_edge(b, s, 1, sp->style, link);
			push_edge(b, e, 0, sp->style, link);
		}
		if (b->nedges > 1)
			qsort(b->edges, b->nedges, sizeof *b->edges, edge_cmp);
		int count[8] = { 0 }, links_open = 0, cur_link = -1;
		size_t pos = 0;
		for (size_t i = 0; i < b->nedges; i++) {
			const struct span_edge *e = &b->edges[i];
			if (e->pos > pos) {
				int style = 0;
				for (int k = 0; k < 8; k++)
					if (count[k] > 0)
						style |= 1 << k;
				push_piece(b, t + pos, e->pos - pos, pos, style, cur_link, false);
				pos = e->pos;
			}
			int delta = e->open ? 1 : -1;
			for (int k = 0; k < 8; k++)
				if (e->style & (1 << k))
					count[k] += delta;
			if (e->link < 0)
				continue;
			if (e->open) {
				links_open++;
				cur_link = e->link;
			} else {
				if (--links_open <= 0) {
					links_open = 0;
					cur_link = -1;
				}
				if (!(b->l->flags & LAYOUT_NO_LINK_NUMBERS))
					push_link_number(b, pos, e->link);
			}
		}
		if (pos < len) {
			int style = 0;
			for (int k = 0; k < 8; k++)
				if (count[k] > 0)
					style |= 1 << k;
			push_piece(b, t + pos, len - pos, pos, style, cur_link, false);
		}
	}
	if (coda != NULL)
		push_piece(b, coda, strlen(coda), len, LAYOUT_STYLE_MARK, -1, true);
}

void
layout_pieces_text(struct builder *b, const char *text, size_t src)
{
	b->npieces = 0;
	push_piece(b, text, strlen(text), src, 0, -1, true);
}

int
layout_avail(const struct builder *b, int prefix_width, int indent)
{
	int avail = b->width - prefix_width - indent;
	return avail < LAYOUT_MIN_TEXT ? LAYOUT_MIN_TEXT : avail;
}

/* Return the cursor n bytes after c, moved past the end of its piece. */
static struct cursor
advance(const struct builder *b, struct cursor c, size_t n)
{
	c.off += n;
	if (c.off >= b->pieces[c.pi].len) {
		c.pi++;
		c.off = 0;
	}
	return c;
}

/* The block offset a cursor stands for. */
static size_t
src_of(const struct builder *b, struct cursor c, const struct tmpl *t)
{
	if (t->synthetic || c.pi >= b->npieces)
		return t->len;
	const struct piece *p = &b->pieces[c.pi];
	return p->synthetic ? p->src : p->src + c.off;
}

/* Append one segment. */
static void
add_seg(struct layout *l, const char *text, size_t len, size_t start, size_t end, int style, int link,
    bool synthetic)
{
	struct layout_seg *s = layout_add_seg(l);
	*s = (struct layout_seg){ text, len, start, end, layout_text_width(text, len), style, link, synthetic };
}

/* Append the segments for pieces [from, to), whose width is known (when
 * width >= 0) or measured; returns it. */
static int
add_segs(struct builder *b, struct cursor from, struct cursor to, int width)
{
	bool one = from.pi == to.pi || (to.pi == from.pi + 1 && to.off == 0);
	int sum = 0;
	for (size_t pi = from.pi; pi < b->npieces && pi <= to.pi; pi++) {
		const struct piece *p = &b->pieces[pi];
		size_t s = pi == from.pi ? from.off : 0, e = pi == to.pi ? to.off : p->len;
		if (e <= s)
			continue;
		size_t start = p->synthetic ? p->src : p->src + s, end = p->synthetic ? p->src : p->src + e;
		struct layout_seg *sg = layout_add_seg(b->l);
		int w = one && width >= 0 ? width : layout_text_width(p->text + s, e - s);
		*sg = (struct layout_seg){ p->text + s, e - s, start, end, w, p->style, p->link, p->synthetic };
		sum += w;
	}
	return sum;
}

/* Start the nth line of a block from t, covering block bytes [start, end). */
static struct layout_line *
start_line(struct builder *b, const struct tmpl *t, size_t nth, size_t start, size_t end)
{
	struct layout_line *ln = layout_add_line(b->l);
	ln->kind = t->kind;
	ln->level = t->level;
	ln->quote = t->quote;
	ln->block = t->block;
	ln->start = t->synthetic ? t->len : start;
	ln->end = t->synthetic ? t->len : end;
	ln->prefix = nth == 0 ? t->prefix_first : t->prefix_rest;
	ln->prefix_width = nth == 0 ? t->pw_first : t->pw_rest;
	ln->indent = t->indent;
	ln->seg = b->l->nsegs;
	return ln;
}

/* Emit the nth line: pieces [from, vis) shown (width columns, or -1 if not
 * known), [vis, next) hidden. */
static void
emit(struct builder *b, const struct tmpl *t, size_t nth, struct cursor from, struct cursor vis,
    struct cursor next, int width)
{
	struct layout_line *ln = start_line(b, t, nth, nth == 0 ? 0 : src_of(b, from, t), src_of(b, next, t));
	int w = add_segs(b, from, vis, width);
	ln->nsegs = b->l->nsegs - ln->seg;
	ln->width = ln->prefix_width + ln->indent + w;
}

/* Whether two cursors are the same place. */
static bool
same(struct cursor x, struct cursor y)
{
	return x.pi == y.pi && x.off == y.off;
}

void
layout_wrap(struct builder *b, const struct tmpl *t)
{
	int avail_first = layout_avail(b, t->pw_first, t->indent);
	int avail_rest = layout_avail(b, t->pw_rest, t->indent);
	struct cursor c = { 0, 0 }, line = c, brk_vis = c, brk_next = c;
	size_t nth = 0;
	int col = 0, brk_vis_col = 0, brk_next_col = 0;
	bool have_brk = false, prev_space = false, prev_cjk = false;

	while (c.pi < b->npieces) {
		const struct piece *p = &b->pieces[c.pi];
		int avail = nth == 0 ? avail_first : avail_rest;
		if (!prev_cjk) {
			/* fast path: printable ASCII and spaces while they fit */
			const unsigned char *s = (const unsigned char *)p->text;
			size_t j = c.off;
			while (j < p->len) {
				if (s[j] > 0x20 && s[j] < 0x7f) {
					if (col >= avail)
						break;
					size_t k = j + 1, stop = j + (size_t)(avail - col);
					if (stop > p->len)
						stop = p->len;
					while (k < stop && s[k] > 0x20 && s[k] < 0x7f)
						k++;
					col += (int)(k - j);
					j = k;
					prev_space = false;
					continue;
				} else if (s[j] == ' ') {
					if (prev_space && brk_vis_col == 0 && col >= avail)
						break;
					if (!prev_space) {
						brk_vis = (struct cursor){ c.pi, j };
						brk_vis_col = col;
					}
					prev_space = true;
					col++;
					j++;
					if (brk_vis_col > 0) {
						brk_next = j < p->len ? (struct cursor){ c.pi, j } : (struct cursor){ c.pi + 1, 0 };
						brk_next_col = col;
						have_brk = true;
					}
				} else {
					break;
				}
			}
			if (j > c.off) {
				c = j < p->len ? (struct cursor){ c.pi, j } : (struct cursor){ c.pi + 1, 0 };
				continue;
			}
		}
		char raw = p->text[c.off];
		uint32_t cp;
		int w;
		size_t n = layout_next_char(p->text + c.off, p->len - c.off, &cp, &w);
		struct cursor next = advance(b, c, n);
		if (raw == '\n' && !p->synthetic) {
			/* trailing spaces before the break are not shown */
			emit(b, t, nth++, line, prev_space ? brk_vis : c, next, prev_space ? brk_vis_col : col);
			line = next;
			col = 0;
			have_brk = prev_space = prev_cjk = false;
		} else if (raw == ' ' || raw == '\t') {
			if (prev_space && brk_vis_col == 0 && col + 1 > avail) {
				/* leading spaces wider than the line */
				emit(b, t, nth++, line, c, c, col);
				line = c;
				col = 0;
				prev_space = false;
			}
			if (!prev_space) {
				brk_vis = c;
				brk_vis_col = col;
			}
			col++;
			if (brk_vis_col > 0) {
				brk_next = next;
				brk_next_col = col;
				have_brk = true;
			}
			prev_space = true;
			prev_cjk = false;
		} else {
			bool cjk = is_cjk(cp);
			if (w > 0 && !prev_space && col > 0 && (cjk || prev_cjk)) {
				brk_vis = brk_next = c;
				brk_vis_col = brk_next_col = col;
				have_brk = true;
			}
			while (w > 0 && col > 0 && col + w > avail) {
				if (have_brk) {
					emit(b, t, nth++, line, brk_vis, brk_next, brk_vis_col);
					line = brk_next;
					col -= brk_next_col;
					have_brk = false;
				} else if (p->synthetic && c.off > 0 && line.pi != c.pi) {
					/* keep a marker such as "[26]" whole */
					struct cursor at = { c.pi, 0 };
					emit(b, t, nth++, line, at, at, -1);
					line = at;
					col = layout_text_width(p->text, c.off);
				} else {
					emit(b, t, nth++, line, c, c, col);
					line = c;
					col = 0;
				}
				avail = avail_rest;
			}
			col += w;
			if (w > 0) {
				prev_space = false;
				prev_cjk = cjk;
			}
		}
		c = next;
	}
	if (nth > 0 && same(line, c)) {
		/* the text ended with a line break: the last line takes the rest */
		b->l->lines[b->l->nlines - 1].end = src_of(b, c, t);
		return;
	}
	emit(b, t, nth, line, prev_space ? brk_vis : c, c, prev_space ? brk_vis_col : col);
}

/* Return the columns a tab at col takes. */
static int
tab_width(int col)
{
	return TAB_STOP - col % TAB_STOP;
}

/* Return the cursor at the end of the source line starting at c (its '\n'
 * or the end) and set *width to the line's display width. */
static struct cursor
pre_line_end(const struct builder *b, struct cursor c, int *width)
{
	int col = 0;
	while (c.pi < b->npieces) {
		const struct piece *p = &b->pieces[c.pi];
		char raw = p->text[c.off];
		if (raw == '\n' && !p->synthetic)
			break;
		uint32_t cp;
		int w;
		size_t n = layout_next_char(p->text + c.off, p->len - c.off, &cp, &w);
		col += raw == '\t' && !p->synthetic ? tab_width(col) : w;
		c = advance(b, c, n);
	}
	*width = col;
	return c;
}

/* Append n columns of spaces standing for block bytes [start, end). */
static void
add_spaces(struct layout *l, int n, size_t start, size_t end, bool synthetic)
{
	static const char spaces[] = "        ";
	while (n > 0) {
		int k = n < TAB_STOP ? n : TAB_STOP;
		add_seg(l, spaces, (size_t)k, start, end, 0, -1, synthetic);
		n -= k;
	}
}

/* Append the shown part of one <pre> source line [c, e) in at most limit
 * columns; returns the columns used and sets *cut to where showing stopped. */
static int
pre_segs(struct builder *b, struct cursor c, struct cursor e, int limit, struct cursor *cut)
{
	struct cursor run = c;
	int col = 0;
	while (!same(c, e)) {
		const struct piece *p = &b->pieces[c.pi];
		uint32_t cp;
		int w;
		size_t n = layout_next_char(p->text + c.off, p->len - c.off, &cp, &w);
		bool tab = p->text[c.off] == '\t' && !p->synthetic;
		if (tab)
			w = tab_width(col);
		if (col + w > limit && !(tab && col < limit))
			break;
		if (tab) {
			/* a tab is drawn as spaces up to the next stop */
			add_segs(b, run, c, -1);
			if (col + w > limit)
				w = limit - col;
			add_spaces(b->l, w, p->src + c.off, p->src + c.off + 1, false);
		}
		col += w;
		c = advance(b, c, n);
		if (tab)
			run = c;
	}
	add_segs(b, run, c, -1);
	*cut = c;
	return col;
}

void
layout_pre(struct builder *b, const struct tmpl *t)
{
	int avail = layout_avail(b, t->pw_first, t->indent);
	const char *mark = (b->l->flags & LAYOUT_ASCII) ? ">" : "→";
	struct cursor c = { 0, 0 };
	size_t nth = 0;
	do {
		int total;
		struct cursor e = pre_line_end(b, c, &total);
		struct cursor next = e.pi < b->npieces ? advance(b, e, 1) : e;
		struct layout_line *ln = start_line(b, t, nth, nth == 0 ? 0 : src_of(b, c, t), src_of(b, next, t));
		struct cursor cut;
		int col = pre_segs(b, c, e, total > avail ? avail - 1 : avail, &cut);
		if (total > avail) {
			size_t at = src_of(b, cut, t);
			if (col < avail - 1)
				add_spaces(b->l, avail - 1 - col, at, at, true);
			add_seg(b->l, mark, strlen(mark), at, at, LAYOUT_STYLE_MARK, -1, true);
			col = avail;
		}
		ln->nsegs = b->l->nsegs - ln->seg;
		ln->width = ln->prefix_width + ln->indent + col;
		nth++;
		c = next;
	} while (c.pi < b->npieces);
}
