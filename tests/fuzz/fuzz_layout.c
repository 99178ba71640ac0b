/* fuzz_layout.c — the layout (layout_build) on an article built from the
 * input, at two widths chosen by the input. Byte 0 is the first width and
 * byte 1 the second (each minus 8, so widths below the minimum and 0 occur),
 * byte 2 the flags; the rest is one block per line, marked by a prefix:
 *   ">"… quote depth (any number, before the rest)
 *   "#"… heading (level = count)  "- " / "-- " list item (depth = dashes)
 *   "1. " ordered list item       "` " preformatted (0x01 is a '\n')
 *   "! " image (the text is its alt)   "---" rule   else a paragraph.
 * Inside a line "*…*" is emphasis, "_…_" strong, "[…]" a link; the markers
 * are dropped from the text. Bytes are left as they come (ill-formed UTF-8,
 * controls, tabs): the layout must cope with any block text.
 * Properties: each block's lines tile its bytes in order; every line's
 * width is the sum of its parts and fits the layout's width; shown segments
 * are the block's bytes; a position goes to a line that holds it and back;
 * a top line at one width is found again at the other. */
#include <locale.h>

#include "article.h"
#include "fuzz.h"
#include "layout.h"
#include "util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Use a UTF-8 locale, as the pager does, so wcwidth measures wide text. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	return 0;
}

/* Add line[0, n) as a block of kind, with its span markers turned into
 * spans (and links) unless pre. */
static void
add_line(struct article *a, block_kind kind, int level, int quote, const char *line, size_t n,
    bool pre)
{
	struct buf text = {0};
	buf_puts(&text, "");
	size_t open[3] = { SIZE_MAX, SIZE_MAX, SIZE_MAX };   /* '*', '_', '[' */
	struct { size_t s, e; int style; } found[64];
	size_t nfound = 0;
	for (size_t i = 0; i < n; i++) {
		char c = line[i];
		int m = pre ? -1 : c == '*' ? 0 : c == '_' ? 1 : c == '[' ? 2 : c == ']' ? 3 : -1;
		if (pre && c == '\x01')
			c = '\n';
		if (m < 0) {
			buf_putc(&text, c != '\0' ? c : ' ');
			continue;
		}
		int k = m == 3 ? 2 : m;
		if (m != 2 && open[k] != SIZE_MAX) {
			if (nfound < sizeof found / sizeof found[0]) {
				found[nfound].s = open[k];
				found[nfound].e = text.len;
				found[nfound].style = k == 0 ? SPAN_EMPHASIS : k == 1 ? SPAN_STRONG : SPAN_LINK;
				nfound++;
			}
			open[k] = SIZE_MAX;
		} else if (m != 3) {
			open[k] = text.len;
		}
	}
	size_t bi = article_add_block(a, kind, level, quote, buf_str(&text));
	for (size_t i = 0; i < nfound; i++) {
		int link = -1;
		if (found[i].style == SPAN_LINK) {
			char *t = xstrndup(buf_str(&text) + found[i].s, found[i].e - found[i].s);
			link = (int)article_add_link(a, "https://example.org/x", t, bi, -1);
			free(t);
		}
		article_add_span(a, bi, found[i].s, found[i].e, found[i].style, link);
	}
	buf_free(&text);
}

/* Build the article from the line format above. */
static struct article *
build(const char *s, size_t n)
{
	struct article *a = article_create();
	size_t i = 0;
	while (i < n) {
		size_t e = i;
		while (e < n && s[e] != '\n')
			e++;
		const char *line = s + i;
		size_t len = e - i;
		i = e + 1;
		int quote = 0;
		while ((size_t)quote < len && line[quote] == '>')
			quote++;
		line += quote;
		len -= (size_t)quote;
		if (len >= 3 && memcmp(line, "---", 3) == 0) {
			article_add_block(a, BLOCK_RULE, 0, quote, "");
		} else if (len >= 1 && line[0] == '#') {
			int level = 0;
			while ((size_t)level < len && level < 6 && line[level] == '#')
				level++;
			add_line(a, BLOCK_HEADING, level, quote, line + level, len - (size_t)level, false);
		} else if (len >= 2 && line[0] == '-') {
			int depth = 0;
			while ((size_t)depth < len && line[depth] == '-')
				depth++;
			add_line(a, BLOCK_LIST_ITEM, depth, quote, line + depth, len - (size_t)depth, false);
		} else if (len >= 3 && line[0] >= '0' && line[0] <= '9' && line[1] == '.') {
			add_line(a, BLOCK_LIST_ITEM, 1, quote, line + 2, len - 2, false);
			a->blocks[a->nblocks - 1].ordered = true;
			a->blocks[a->nblocks - 1].number = line[0] - '0';
		} else if (len >= 2 && line[0] == '`' && line[1] == ' ') {
			add_line(a, BLOCK_PREFORMATTED, 0, quote, line + 2, len - 2, true);
		} else if (len >= 2 && line[0] == '!' && line[1] == ' ') {
			add_line(a, BLOCK_IMAGE, 0, quote, line + 2, len - 2, false);
			a->blocks[a->nblocks - 1].src = xstrdup("https://example.org/i.png");
		} else {
			add_line(a, BLOCK_PARAGRAPH, 0, quote, line, len, false);
		}
	}
	if (a->nblocks > 0 && a->blocks[0].quote > 0)
		article_add_quote(a, QUOTE_BLOCK, "q", 0, 0)->author = xstrdup("Ann Example");
	return a;
}

/* Check what must hold of one layout of a. */
static void
check_layout(const struct article *a, const struct layout *l)
{
	FUZZ_CHECK(l->width >= LAYOUT_MIN_WIDTH);
	FUZZ_CHECK(a->nblocks == 0 || l->nlines >= a->nblocks);
	for (size_t b = 0; b < a->nblocks; b++) {
		size_t first, count, pos = 0;
		layout_block_lines(l, b, &first, &count);
		FUZZ_CHECK(count > 0 && first + count <= l->nlines);
		for (size_t i = first; i < first + count; i++) {
			const struct layout_line *ln = &l->lines[i];
			FUZZ_CHECK(ln->block == b && ln->start == pos && ln->end >= pos);
			pos = ln->end;
		}
		FUZZ_CHECK(pos == strlen(a->blocks[b].text));
	}
	for (size_t i = 0; i < l->nlines; i++) {
		const struct layout_line *ln = &l->lines[i];
		FUZZ_CHECK(ln->prefix != NULL && ln->indent >= 0);
		FUZZ_CHECK(ln->seg + ln->nsegs <= l->nsegs && ln->block < a->nblocks);
		int w = ln->prefix_width + ln->indent;
		const char *text = a->blocks[ln->block].text;
		for (size_t k = ln->seg; k < ln->seg + ln->nsegs; k++) {
			const struct layout_seg *sg = &l->segs[k];
			FUZZ_CHECK(sg->width >= 0 && sg->width == layout_text_width(sg->text, sg->len));
			w += sg->width;
			if (sg->synthetic) {
				FUZZ_CHECK(sg->start == sg->end);
				continue;
			}
			FUZZ_CHECK(sg->start >= ln->start && sg->end <= ln->end && sg->start <= sg->end);
			/* Same length: the block's bytes, but that a tab drawn as
			 * one space differs. */
			if (sg->len == sg->end - sg->start)
				for (size_t c = 0; c < sg->len; c++)
					FUZZ_CHECK(sg->text[c] == text[sg->start + c] ||
					    (sg->text[c] == ' ' && text[sg->start + c] == '\t'));
			FUZZ_CHECK(sg->link < (int)a->nlinks);
		}
		FUZZ_CHECK(w == ln->width);
		FUZZ_CHECK(ln->width <= l->width);
	}
	for (size_t h = 0; h < l->nheadings; h++) {
		FUZZ_CHECK(l->headings[h] < l->nlines && l->lines[l->headings[h]].kind == LINE_HEADING);
		FUZZ_CHECK(h == 0 || l->headings[h - 1] < l->headings[h]);
		FUZZ_CHECK(layout_section_of(l, l->headings[h]) == (long)h);
	}
}

/* Whether line j of l holds byte offset off of block b (whose text is len
 * bytes): off lies in its range, or is the end of the block and of the line. */
static bool
holds(const struct layout *l, size_t j, size_t b, size_t off, size_t len)
{
	if (j >= l->nlines)
		return false;
	const struct layout_line *ln = &l->lines[j];
	return ln->block == b && ln->start <= off && (off < ln->end || (off == len && ln->end == len));
}

/* Check positions: every non-blank line's position comes back to it, and is
 * held by a line of the other layout; offsets inside blocks find their line. */
static void
check_positions(const struct article *a, const struct layout *l, const struct layout *m)
{
	for (size_t i = 0; i < l->nlines; i++) {
		size_t b, off;
		layout_position_of(l, i, &b, &off);
		FUZZ_CHECK(b < a->nblocks);
		size_t len = strlen(a->blocks[b].text);
		FUZZ_CHECK(off <= len);
		if (l->lines[i].kind != LINE_BLANK && l->lines[i].kind != LINE_ATTRIBUTION &&
		    l->lines[i].start < l->lines[i].end)
			FUZZ_CHECK(layout_line_of(l, b, off) == i);
		FUZZ_CHECK(holds(m, layout_line_of(m, b, off), b, off, len));
	}
	for (size_t b = 0; b < a->nblocks; b++) {
		size_t len = strlen(a->blocks[b].text);
		size_t step = len / 64 + 1;
		for (size_t off = 0; off <= len; off += step)
			FUZZ_CHECK(holds(l, layout_line_of(l, b, off), b, off, len));
	}
	if (l->nlines > 0)
		FUZZ_CHECK(layout_line_of(l, a->nblocks + 5, 0) == l->nlines - 1);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 3)
		return 0;
	struct layout_opts o1 = { (int)data[0] - 8, data[2] & 7 };
	struct layout_opts o2 = { (int)data[1] - 8, data[2] & 7 };
	struct article *a = build((const char *)data + 3, size - 3);
	struct layout *l1 = layout_build(a, &o1);
	struct layout *l2 = layout_build(a, &o2);
	check_layout(a, l1);
	check_layout(a, l2);
	check_positions(a, l1, l2);
	check_positions(a, l2, l1);
	/* The same width lays out the same lines. */
	struct layout *again = layout_build(a, &o1);
	FUZZ_CHECK(again->nlines == l1->nlines && again->nsegs == l1->nsegs);
	for (size_t i = 0; i < l1->nlines; i++)
		FUZZ_CHECK(again->lines[i].start == l1->lines[i].start &&
		    again->lines[i].end == l1->lines[i].end && again->lines[i].width == l1->lines[i].width);
	layout_free(again);
	layout_free(l1);
	layout_free(l2);
	article_free(a);
	return 0;
}
