/* test_layout.c — the layout on articles built by hand: wrapping at the exact
 * width, hanging indents of list items, quote bars on every line (nested and
 * across blank lines), attribution lines, <pre> cut with a marker and tabs,
 * wide and combining characters, long words, forced breaks, link numbers,
 * style runs, images and rules, headings, positions kept across widths, an
 * empty article, absurdly narrow widths, ill-formed text, and speed. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "article.h"
#include "layout.h"
#include "test.h"
#include "util.h"

/* Return line i as drawn (prefix, indent, segments), in a static buffer. */
static const char *
show(const struct layout *l, size_t i)
{
	static char out[4096];
	if (i >= l->nlines)
		return "(no line)";
	const struct layout_line *ln = &l->lines[i];
	size_t n = 0;
	n += (size_t)snprintf(out + n, sizeof out - n, "%s", ln->prefix);
	for (int k = 0; k < ln->indent && n + 1 < sizeof out; k++)
		out[n++] = ' ';
	for (size_t s = ln->seg; s < ln->seg + ln->nsegs && n < sizeof out; s++) {
		const struct layout_seg *sg = &l->segs[s];
		size_t len = sg->len < sizeof out - n - 1 ? sg->len : sizeof out - n - 1;
		memcpy(out + n, sg->text, len);
		n += len;
	}
	out[n] = '\0';
	return out;
}

/* Lay a out at width w with flags. */
static struct layout *
lay(const struct article *a, int w, int flags)
{
	struct layout_opts o = { w, flags };
	return layout_build(a, &o);
}

/* Whether every block's lines tile its bytes, in order, and no line is wider
 * than the layout (when it can be). */
static bool
well_formed(const struct article *a, const struct layout *l)
{
	for (size_t b = 0; b < a->nblocks; b++) {
		size_t first, count;
		layout_block_lines(l, b, &first, &count);
		if (count == 0)
			return false;
		size_t pos = 0;
		for (size_t i = first; i < first + count; i++) {
			if (l->lines[i].block != b || l->lines[i].start != pos || l->lines[i].end < pos)
				return false;
			pos = l->lines[i].end;
		}
		if (pos != strlen(a->blocks[b].text))
			return false;
	}
	for (size_t i = 0; i < l->nlines; i++) {
		int w = l->lines[i].prefix_width + l->lines[i].indent;
		for (size_t s = l->lines[i].seg; s < l->lines[i].seg + l->lines[i].nsegs; s++)
			w += l->segs[s].width;
		if (w != l->lines[i].width)
			return false;
	}
	return true;
}

/* Return the widest line. */
static int
widest(const struct layout *l)
{
	int w = 0;
	for (size_t i = 0; i < l->nlines; i++)
		if (l->lines[i].width > w)
			w = l->lines[i].width;
	return w;
}

static void
test_wrap_exact(void)
{
	struct article *a = article_create();
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "aaaaaaaaa bbbbbbbbbb");      /* 20 columns */
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "aaaaaaaaa bbbbbbbbbbc");     /* 21 */
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "one two three four five six seven eight");
	struct layout *l = lay(a, 20, 0);
	CHECK_INT(l->nlines, 1 + 1 + 2 + 1 + 2);
	CHECK_STR(show(l, 0), "aaaaaaaaa bbbbbbbbbb");
	CHECK_INT(l->lines[0].width, 20);
	CHECK_INT(l->lines[1].kind, LINE_BLANK);
	CHECK_STR(show(l, 2), "aaaaaaaaa");
	CHECK_STR(show(l, 3), "bbbbbbbbbbc");
	CHECK_INT(l->lines[2].end, 10);          /* the space at the break belongs to the first line */
	CHECK_INT(l->lines[3].start, 10);
	CHECK_STR(show(l, 5), "one two three four");
	CHECK_STR(show(l, 6), "five six seven eight");
	CHECK_STR(show(l, 7), "(no line)");
	CHECK(well_formed(a, l));
	CHECK(widest(l) <= 20);
	layout_free(l);
	article_free(a);

	/* a word that fills the line, then a space */
	a = article_create();
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "aaaaaaaaaa bbb");
	article_add_block(a, BLOCK_PREFORMATTED, 0, 0, "x");
	a->blocks[1].kind = BLOCK_PARAGRAPH;
	free(a->blocks[1].text);
	a->blocks[1].text = xstrdup("              many leading spaces");   /* not normalised */
	l = lay(a, 10, 0);
	CHECK_STR(show(l, 0), "aaaaaaaaaa");
	CHECK_STR(show(l, 1), "bbb");
	CHECK_STR(show(l, 3), "          ");
	CHECK_STR(show(l, 4), "    many");
	CHECK_STR(show(l, 5), "leading");
	CHECK_INT(l->nlines, 7);
	CHECK(well_formed(a, l));
	CHECK(widest(l) <= 10);
	layout_free(l);
	article_free(a);
}

static void
test_newline_and_spaces(void)
{
	struct article *a = article_create();
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "first line\nsecond\n\nafter a gap\n");
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "trailing   ");
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "");
	struct layout *l = lay(a, 40, 0);
	CHECK_STR(show(l, 0), "first line");
	CHECK_STR(show(l, 1), "second");
	CHECK_STR(show(l, 2), "");
	CHECK_STR(show(l, 3), "after a gap");
	CHECK_INT(l->lines[3].end, strlen(a->blocks[0].text));   /* the final '\n' makes no line */
	CHECK_STR(show(l, 5), "trailing");
	CHECK_INT(l->lines[7].kind, LINE_TEXT);                   /* an empty block still has a line */
	CHECK_STR(show(l, 7), "");
	CHECK_INT(l->nlines, 8);
	CHECK(well_formed(a, l));
	layout_free(l);
	article_free(a);

	/* spaces before a line break are not shown, so they cannot overflow */
	a = article_create();
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "aaaaaaaaaa \t\nb");
	l = lay(a, 10, 0);
	CHECK_STR(show(l, 0), "aaaaaaaaaa");
	CHECK_INT(l->lines[0].width, 10);
	CHECK_INT(l->lines[0].end, 13);
	CHECK_STR(show(l, 1), "b");
	CHECK(well_formed(a, l));
	layout_free(l);
	article_free(a);
}

static void
test_lists(void)
{
	struct article *a = article_create();
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "Intro.");
	article_add_block(a, BLOCK_LIST_ITEM, 1, 0, "alpha beta gamma delta epsilon zeta");
	article_add_block(a, BLOCK_LIST_ITEM, 2, 0, "one two three four five six seven");
	article_add_block(a, BLOCK_LIST_ITEM, 1, 0, "short");
	size_t o = article_add_block(a, BLOCK_LIST_ITEM, 1, 0, "first second third fourth fifth");
	article_block(a, o)->ordered = true;
	article_block(a, o)->number = 12;
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "Outro.");
	struct layout *l = lay(a, 20, 0);
	CHECK_STR(show(l, 0), "Intro.");
	CHECK_INT(l->lines[1].kind, LINE_BLANK);
	CHECK_STR(show(l, 2), "• alpha beta gamma");
	CHECK_STR(show(l, 3), "  delta epsilon zeta");
	CHECK_INT(l->lines[2].kind, LINE_LIST_ITEM);
	CHECK_INT(l->lines[2].level, 1);
	CHECK_STR(l->lines[3].prefix, "  ");
	CHECK_STR(show(l, 4), "  ◦ one two three");   /* no blank line between items */
	CHECK_STR(show(l, 5), "    four five six");
	CHECK_STR(show(l, 6), "    seven");
	CHECK_INT(l->lines[4].level, 2);
	CHECK_INT(l->lines[4].prefix_width, 4);
	CHECK_STR(show(l, 7), "• short");
	CHECK_STR(show(l, 8), "12. first second");
	CHECK_STR(show(l, 9), "    third fourth");
	CHECK_STR(show(l, 10), "    fifth");
	CHECK_INT(l->lines[11].kind, LINE_BLANK);
	CHECK_STR(show(l, 12), "Outro.");
	CHECK_INT(l->nlines, 13);
	CHECK(well_formed(a, l));
	CHECK(widest(l) <= 20);
	layout_free(l);

	l = lay(a, 10, 0);   /* "12. " leaves no room: a bullet instead */
	size_t first, count;
	layout_block_lines(l, o, &first, &count);
	CHECK_STR(show(l, first), "• first");
	CHECK(widest(l) <= 10);
	layout_free(l);

	l = lay(a, 20, LAYOUT_ASCII);
	CHECK_STR(show(l, 2), "* alpha beta gamma");
	CHECK_STR(show(l, 4), "  - one two three");
	layout_free(l);
	article_free(a);
}

/* Whether every line from first to last starts with prefix. */
static bool
all_start_with(const struct layout *l, size_t first, size_t last, const char *prefix)
{
	for (size_t i = first; i <= last; i++)
		if (strncmp(show(l, i), prefix, strlen(prefix)) != 0) {
			fprintf(stderr, "line %zu: \"%s\" lacks \"%s\"\n", i, show(l, i), prefix);
			return false;
		}
	return true;
}

static void
test_quotes(void)
{
	struct article *a = article_create();
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "Before the quote.");
	article_add_block(a, BLOCK_PARAGRAPH, 0, 1, "Outer words that run on long enough to wrap twice over.");
	article_add_block(a, BLOCK_PARAGRAPH, 0, 2, "Inner words that also wrap onto a second line.");
	article_add_block(a, BLOCK_PARAGRAPH, 0, 1, "Outer again.");
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "After the quote.");
	struct quote *q = article_add_quote(a, QUOTE_BLOCK, "Outer words…", 1, 3);
	q->author = xstrdup("Jason Burke");
	q->publication = xstrdup("The Guardian");
	struct layout *l = lay(a, 30, 0);
	CHECK_STR(show(l, 0), "Before the quote.");
	CHECK_STR(show(l, 1), "");                       /* no bar before the quote */
	size_t first, count, inner, inner_n, last, last_n;
	layout_block_lines(l, 1, &first, &count);
	layout_block_lines(l, 2, &inner, &inner_n);
	layout_block_lines(l, 3, &last, &last_n);
	CHECK_INT(first, 2);
	CHECK(count >= 2);
	CHECK(inner_n >= 2);
	CHECK(all_start_with(l, first, last + last_n, "│ "));
	CHECK(all_start_with(l, inner, inner + inner_n - 1, "│ │ "));
	CHECK_STR(show(l, inner - 1), "│ ");            /* the blank line inside the quote has its bar */
	CHECK_INT(l->lines[inner - 1].kind, LINE_BLANK);
	CHECK_INT(l->lines[inner - 1].quote, 1);
	CHECK_STR(show(l, inner + inner_n), "│ ");
	CHECK_INT(l->lines[inner].quote, 2);
	CHECK_STR(show(l, last), "│ Outer again.");
	CHECK_STR(show(l, last + 1), "│ — Jason Burke, The Guardian");
	CHECK_INT(l->lines[last + 1].kind, LINE_ATTRIBUTION);
	CHECK_INT(l->lines[last + 1].block, 3);
	CHECK_INT(l->lines[last + 1].start, strlen(a->blocks[3].text));
	CHECK_STR(show(l, last + 2), "");
	CHECK_STR(show(l, last + 3), "After the quote.");
	CHECK(well_formed(a, l));
	CHECK(widest(l) <= 30);
	/* the attribution line maps back to the end of the quote */
	CHECK_INT(layout_line_of(l, 3, strlen(a->blocks[3].text)), last);
	layout_free(l);

	l = lay(a, 30, LAYOUT_ASCII);
	CHECK_STR(show(l, 2), "| Outer words that run on long");
	CHECK_STR(show(l, last + 1), "| -- Jason Burke, The Guardian");
	layout_free(l);
	article_free(a);
}

static void
test_inline_quotes(void)
{
	struct article *a = article_create();
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "As written by Jane Roe in The Paper; “The first paragraph.");
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "The second paragraph of the same quotation ends here.”");
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "She said “a few words” and went on with a long sentence after.");
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "As Seneca put it; “We suffer more often in imagination than in reality.”");
	struct quote *q = article_add_quote(a, QUOTE_INLINE, "The first paragraph. The second…", 0, 1);
	q->author = xstrdup("Jane Roe");
	q->publication = xstrdup("The Paper");
	q->title = xstrdup("A title not shown when the publication is known");
	q = article_add_quote(a, QUOTE_INLINE, "a few words", 2, 2);
	q->author = xstrdup("Someone");
	q = article_add_quote(a, QUOTE_INLINE, "We suffer more often in imagination than in reality.", 3, 3);
	q->author = xstrdup("Seneca");
	q->title = xstrdup("Letters");
	q->year = 65;
	struct layout *l = lay(a, 40, 0);
	size_t f0, n0, f1, n1, f2, n2, f3, n3;
	layout_block_lines(l, 0, &f0, &n0);
	layout_block_lines(l, 1, &f1, &n1);
	layout_block_lines(l, 2, &f2, &n2);
	layout_block_lines(l, 3, &f3, &n3);
	CHECK(all_start_with(l, f0, f1 + n1 - 1, "│ "));     /* across the paragraphs and the blank between */
	CHECK_STR(show(l, f1 + n1), "│ — Jane Roe, The Paper");
	CHECK_STR(show(l, f1 + n1 + 1), "");
	CHECK_STR(show(l, f2), "She said “a few words” and went on with");   /* a short quotation stays inline */
	CHECK_INT(l->lines[f2].quote, 0);
	CHECK(all_start_with(l, f3, f3 + n3 - 1, "│ "));
	CHECK_STR(show(l, f3 + n3), "│ — Seneca, Letters (65)");
	CHECK_INT(l->nlines, f3 + n3 + 1);
	CHECK(well_formed(a, l));
	layout_free(l);
	article_free(a);
}

static void
test_attribution_forms(void)
{
	struct article *a = article_create();
	article_add_block(a, BLOCK_PARAGRAPH, 0, 1, "Quoted.");
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "Between.");
	article_add_block(a, BLOCK_PARAGRAPH, 0, 1, "Unattributed.");
	article_add_block(a, BLOCK_PARAGRAPH, 0, 1, "Attributed at length.");
	struct quote *q = article_add_quote(a, QUOTE_BLOCK, "Quoted.", 0, 0);
	q->cite_raw = xstrdup("from an old\nnotebook");
	article_add_quote(a, QUOTE_BLOCK, "Unattributed.", 2, 2);
	q = article_add_quote(a, QUOTE_PULL, "Attributed at length.", 3, 3);
	q->author = xstrdup("A writer with a name long enough to need a second line");
	struct layout *l = lay(a, 30, 0);
	CHECK_STR(show(l, 0), "│ Quoted.");
	CHECK_STR(show(l, 1), "│ — from an old notebook");
	CHECK_STR(show(l, 2), "");
	CHECK_STR(show(l, 3), "Between.");
	CHECK_STR(show(l, 5), "│ Unattributed.");
	CHECK_STR(show(l, 6), "");                      /* two quotes, not one */
	CHECK_STR(show(l, 7), "│ Attributed at length.");
	CHECK_STR(show(l, 8), "│ — A writer with a name long");
	CHECK_STR(show(l, 9), "│   enough to need a second");   /* hangs under the name */
	CHECK_STR(show(l, 10), "│   line");
	CHECK_INT(l->nlines, 11);
	CHECK(well_formed(a, l));
	layout_free(l);
	article_free(a);
}

/* A cite that writes a full date: the work stays and the date is written
 * out after it, not "(year)" glued to a day and month. */
static void
test_attribution_dates(void)
{
	struct article *a = article_create();
	article_add_block(a, BLOCK_PARAGRAPH, 0, 1, "Quoted.");
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "Between.");
	article_add_block(a, BLOCK_PARAGRAPH, 0, 1, "Also quoted.");
	struct quote *q = article_add_quote(a, QUOTE_BLOCK, "Quoted.", 0, 0);
	q->cite_raw = xstrdup("Edith Varco, harbourmaster's daybook, 14 March 1908");
	q->author = xstrdup("Edith Varco");
	q->title = xstrdup("harbourmaster's daybook");
	q->year = 1908;
	q = article_add_quote(a, QUOTE_BLOCK, "Also quoted.", 2, 2);
	q->cite_raw = xstrdup("Ines Calder, The Drowned Atlas, 1971");
	q->author = xstrdup("Ines Calder");
	q->title = xstrdup("The Drowned Atlas");
	q->year = 1971;
	struct layout *l = lay(a, 80, 0);
	CHECK_STR(show(l, 1), "│ — Edith Varco, harbourmaster's daybook, 14 March 1908");
	CHECK_STR(show(l, 6), "│ — Ines Calder, The Drowned Atlas (1971)");
	CHECK(well_formed(a, l));
	layout_free(l);
	l = lay(a, 80, LAYOUT_ASCII);
	CHECK_STR(show(l, 1), "| -- Edith Varco, harbourmaster's daybook, 14 March 1908");
	layout_free(l);
	article_free(a);
}

static void
test_pre(void)
{
	struct article *a = article_create();
	article_add_block(a, BLOCK_PREFORMATTED, 0, 0,
	    "short\n0123456789abcdefghijklmnop\n\tx\ta\n  indented   words\n");
	article_add_block(a, BLOCK_PREFORMATTED, 0, 0, "日本語日本語日本語日本語");   /* 24 columns */
	struct layout *l = lay(a, 20, 0);
	CHECK_STR(show(l, 0), "short");
	CHECK_STR(show(l, 1), "0123456789abcdefghi→");
	CHECK_INT(l->lines[1].width, 20);
	CHECK_INT(l->lines[1].kind, LINE_PRE);
	CHECK_INT(l->lines[1].start, 6);
	CHECK_INT(l->lines[1].end, 33);       /* the hidden tail is still in the range */
	CHECK_INT(layout_line_of(l, 0, 30), 1);
	const struct layout_seg *mark = &l->segs[l->lines[1].seg + l->lines[1].nsegs - 1];
	CHECK(mark->synthetic);
	CHECK(mark->style & LAYOUT_STYLE_MARK);
	CHECK_STR(show(l, 2), "        x       a");
	CHECK_STR(show(l, 3), "  indented   words");   /* spaces kept, nothing wrapped */
	CHECK_INT(l->lines[3].end, strlen(a->blocks[0].text));
	CHECK_INT(l->lines[4].kind, LINE_BLANK);
	CHECK_STR(show(l, 5), "日本語日本語日本語 →");   /* a wide character that would cross the marker */
	CHECK_INT(l->lines[5].width, 20);
	CHECK_INT(l->nlines, 6);
	CHECK(well_formed(a, l));
	CHECK(widest(l) <= 20);
	layout_free(l);
	article_free(a);
}

static void
test_wide_and_combining(void)
{
	struct article *a = article_create();
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "日本語");
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "日本語日本語");
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "ab 日本語です");
	/* twelve e + U+0301: twelve columns */
	char buf[64] = "";
	for (int i = 0; i < 12; i++)
		strcat(buf, "e\xcc\x81");
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, buf);
	struct layout *l = lay(a, 10, 0);
	CHECK_INT(l->lines[0].width, 6);
	CHECK_STR(show(l, 2), "日本語日本");
	CHECK_INT(l->lines[2].width, 10);
	CHECK_STR(show(l, 3), "語");
	CHECK_STR(show(l, 5), "ab 日本語");
	CHECK_STR(show(l, 6), "です");           /* CJK breaks without spaces */
	size_t f, n;
	layout_block_lines(l, 3, &f, &n);
	CHECK_INT(n, 2);
	CHECK_INT(l->lines[f].width, 10);
	CHECK_INT(l->lines[f].end, 30);          /* ten e + mark pairs, mark kept with its base */
	CHECK_INT(l->lines[f + 1].width, 2);
	CHECK(a->blocks[3].text[l->lines[f + 1].start] == 'e');
	CHECK(well_formed(a, l));
	CHECK(widest(l) <= 10);
	layout_free(l);

	uint32_t cp;
	int w;
	CHECK_INT(layout_next_char("\xcc\x81", 2, &cp, &w), 2);
	CHECK_INT(w, 0);
	CHECK_INT(layout_next_char("\xff", 1, &cp, &w), 1);
	CHECK_INT(cp, 0xfffd);
	CHECK_INT(w, 1);
	CHECK_INT(layout_next_char("\x1b[", 2, &cp, &w), 1);
	CHECK_INT(cp, 0xfffd);
	CHECK_INT(layout_text_width("日本語", strlen("日本語")), 6);
	CHECK_INT(layout_text_width("\xe2\x82", 2), 2);    /* a truncated sequence: two bad bytes */
	article_free(a);
}

static void
test_long_word(void)
{
	struct article *a = article_create();
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "go xxxxxxxxxxxxxxxxxxxxxxxxx end");
	struct layout *l = lay(a, 10, 0);
	CHECK_STR(show(l, 0), "go");
	CHECK_STR(show(l, 1), "xxxxxxxxxx");
	CHECK_STR(show(l, 2), "xxxxxxxxxx");
	CHECK_STR(show(l, 3), "xxxxx end");
	CHECK_INT(l->nlines, 4);
	CHECK(well_formed(a, l));
	layout_free(l);
	article_free(a);
}

static void
test_links_and_styles(void)
{
	struct article *a = article_create();
	size_t b = article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "See the docs here and bold words there.");
	for (int i = 0; i < 2; i++)
		article_add_link(a, "https://example.org/x", "x", b, -1);
	article_add_link(a, "https://example.org/docs", "the docs", b, -1);
	article_add_span(a, b, 4, 12, SPAN_LINK, 2);          /* "the docs" */
	article_add_span(a, b, 22, 32, SPAN_STRONG, -1);      /* "bold words" */
	article_add_span(a, b, 27, 32, SPAN_EMPHASIS, -1);    /* "words" */
	struct layout *l = lay(a, 80, 0);
	CHECK_STR(show(l, 0), "See the docs[3] here and bold words there.");
	const struct layout_line *ln = &l->lines[0];
	CHECK_INT(ln->nsegs, 7);
	const struct layout_seg *s = &l->segs[ln->seg];
	CHECK_INT(s[1].style, SPAN_LINK);
	CHECK_INT(s[1].link, 2);
	CHECK_INT(s[1].start, 4);
	CHECK_INT(s[1].end, 12);
	CHECK(!s[1].synthetic);
	CHECK(s[2].synthetic);
	CHECK_INT(s[2].start, 12);
	CHECK_INT(s[2].end, 12);
	CHECK_INT(s[2].link, 2);
	CHECK(s[2].style & LAYOUT_STYLE_MARK);
	CHECK_INT(s[4].style, SPAN_STRONG);
	CHECK_INT(s[5].style, SPAN_STRONG | SPAN_EMPHASIS);
	CHECK_INT(s[5].len, 5);
	CHECK_INT(ln->width, 42);
	CHECK(well_formed(a, l));
	layout_free(l);

	/* the number sticks to its word when wrapping */
	l = lay(a, 14, 0);
	CHECK_STR(show(l, 0), "See the");
	CHECK_STR(show(l, 1), "docs[3] here");
	CHECK(well_formed(a, l));
	layout_free(l);

	/* a word too long for the line is broken, but not inside its number */
	struct article *u = article_create();
	b = article_add_block(u, BLOCK_PARAGRAPH, 0, 0, "https://example.org/abcdefghijklmn");
	for (int i = 0; i < 25; i++)
		article_add_link(u, "https://example.org/", "x", b, -1);
	article_add_span(u, b, 0, strlen(u->blocks[b].text), SPAN_LINK, 24);
	l = lay(u, 12, 0);
	CHECK_STR(show(l, 0), "https://exam");
	CHECK_STR(show(l, 1), "ple.org/abcd");
	CHECK_STR(show(l, 2), "efghijklmn");
	CHECK_STR(show(l, 3), "[25]");
	CHECK_INT(l->lines[3].start, strlen(u->blocks[b].text));
	CHECK(well_formed(u, l));
	article_free(u);
	layout_free(l);

	l = lay(a, 80, LAYOUT_NO_LINK_NUMBERS);
	CHECK_STR(show(l, 0), "See the docs here and bold words there.");
	layout_free(l);
	article_free(a);
}

static void
test_images_rules_headings(void)
{
	struct article *a = article_create();
	article_add_block(a, BLOCK_HEADING, 1, 0, "Title");
	article_add_block(a, BLOCK_IMAGE, 0, 0, "a harbour at dusk");
	article_add_block(a, BLOCK_IMAGE, 0, 0, "");
	article_add_block(a, BLOCK_RULE, 0, 0, "");
	article_add_block(a, BLOCK_HEADING, 2, 0, "Second section");
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "Body.");
	struct layout *l = lay(a, 20, 0);
	CHECK_STR(show(l, 0), "Title");
	CHECK_INT(l->lines[0].kind, LINE_HEADING);
	CHECK_INT(l->lines[0].level, 1);
	CHECK_STR(show(l, 2), "[image: a harbour at");
	CHECK_STR(show(l, 3), "dusk]");
	CHECK_INT(l->lines[2].kind, LINE_IMAGE);
	CHECK_INT(l->lines[2].start, 0);
	CHECK_STR(show(l, 5), "[image]");
	CHECK_STR(show(l, 7), "     ──────────");
	CHECK_INT(l->lines[7].kind, LINE_RULE);
	CHECK_INT(l->lines[7].width, 15);
	CHECK_STR(show(l, 9), "Second section");
	CHECK_INT(l->nheadings, 2);
	CHECK_INT(l->headings[0], 0);
	CHECK_INT(l->headings[1], 9);
	CHECK_INT(layout_section_of(l, 0), 0);
	CHECK_INT(layout_section_of(l, 8), 0);
	CHECK_INT(layout_section_of(l, 11), 1);
	CHECK(well_formed(a, l));
	layout_free(l);

	l = lay(a, 20, LAYOUT_HEADING_MARKS);
	CHECK_STR(show(l, 0), "# Title");
	CHECK_STR(show(l, 9), "## Second section");
	layout_free(l);
	article_free(a);
}

/* Whether line i of l holds offset off of block b. */
static bool
holds(const struct layout *l, size_t i, size_t b, size_t off, size_t len)
{
	const struct layout_line *ln = &l->lines[i];
	return ln->block == b && ln->start <= off && (off < ln->end || (off == len && ln->end == len));
}

static void
test_positions(void)
{
	struct article *a = article_create();
	const char *words[] = { "reading ", "a ", "terminal ", "essay ", "日本 ", "naïve ", "long-form ", "x " };
	for (int p = 0; p < 12; p++) {
		struct buf t = { 0 };
		for (int w = 0; w < 40 + p * 7; w++)
			buf_puts(&t, words[(w * 7 + p) % 8]);
		article_add_block(a, p % 5 == 3 ? BLOCK_LIST_ITEM : BLOCK_PARAGRAPH, 1, p % 4 == 1, buf_str(&t));
		buf_free(&t);
	}
	struct layout *ls[3] = { lay(a, 40, 0), lay(a, 80, 0), lay(a, 120, 0) };
	bool ok = true;
	for (size_t b = 0; b < a->nblocks; b++) {
		size_t len = strlen(a->blocks[b].text);
		for (size_t off = 0; off <= len; off++)
			for (int k = 0; k < 3; k++)
				if (!holds(ls[k], layout_line_of(ls[k], b, off), b, off, len))
					ok = false;
	}
	CHECK(ok);
	/* a top line at width 40 is found again at 80 and 120, and back */
	ok = true;
	for (size_t i = 0; i < ls[0]->nlines; i++) {
		size_t b, off;
		layout_position_of(ls[0], i, &b, &off);
		size_t len = strlen(a->blocks[b].text);
		for (int k = 1; k < 3; k++) {
			size_t j = layout_line_of(ls[k], b, off);
			if (!holds(ls[k], j, b, off, len))
				ok = false;
			size_t b2, off2;
			layout_position_of(ls[k], j, &b2, &off2);
			if (ls[0]->lines[i].kind != LINE_BLANK && !holds(ls[0], layout_line_of(ls[0], b2, off2), b, off2, len))
				ok = false;
		}
		if (ls[0]->lines[i].kind != LINE_BLANK && layout_line_of(ls[0], b, off) != i)
			ok = false;
	}
	CHECK(ok);
	for (int k = 0; k < 3; k++) {
		CHECK(well_formed(a, ls[k]));
		CHECK_INT(layout_line_of(ls[k], 99, 0), ls[k]->nlines - 1);
		CHECK(widest(ls[k]) <= ls[k]->width);
		layout_free(ls[k]);
	}
	article_free(a);
}

static void
test_empty_and_defaults(void)
{
	layout_free(NULL);
	struct article *a = article_create();
	struct layout *l = layout_build(a, NULL);
	CHECK_INT(l->nlines, 0);
	CHECK_INT(l->width, LAYOUT_DEFAULT_WIDTH);
	CHECK_INT(layout_line_of(l, 0, 0), 0);
	size_t b = 9, off = 9;
	layout_position_of(l, 3, &b, &off);
	CHECK_INT(b, 0);
	CHECK_INT(off, 0);
	CHECK_INT(layout_section_of(l, 0), -1);
	layout_free(l);
	article_free(a);
}

static void
test_narrow(void)
{
	struct article *a = article_create();
	article_add_block(a, BLOCK_PARAGRAPH, 0, 9, "deeply quoted words that go on and on");
	article_add_block(a, BLOCK_LIST_ITEM, 12, 3, "a deep item with words");
	article_add_block(a, BLOCK_PREFORMATTED, 0, 40, "code\tline that is long");
	article_add_block(a, BLOCK_HEADING, 6, 0, "A heading");
	article_add_block(a, BLOCK_RULE, 0, 50, "");
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "日本語日本語日本語");
	for (int w = -5; w <= 24; w++) {
		struct layout *l = lay(a, w, LAYOUT_HEADING_MARKS);
		CHECK(l->width >= LAYOUT_MIN_WIDTH);
		CHECK(l->nlines > 0 && l->nlines < 200);
		CHECK(well_formed(a, l));
		CHECK(widest(l) <= l->width);
		layout_free(l);
	}
	article_free(a);
}

static void
test_hostile_text(void)
{
	struct article *a = article_create();
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "bad \xff\xfe bytes \xe2\x82 and \x1b[31mescapes\x07 and \xcc\x81 lone");
	size_t b = article_add_block(a, BLOCK_PREFORMATTED, 0, 0, "\xf0\x9f\x98\x80\t\xff\n\x01 and more");
	article_add_span(a, b, 1, 2, SPAN_CODE, -1);    /* inside a sequence */
	article_add_span(a, b, 3, 14, SPAN_LINK, 0);
	article_add_span(a, b, 9, 12, SPAN_EMPHASIS, -1);
	a->blocks[b].spans[2].start = 13;              /* backwards */
	a->blocks[b].text[9] = '\0';                   /* spans now run past the end */
	struct layout *l = lay(a, 12, 0);
	CHECK(well_formed(a, l));
	CHECK(widest(l) <= 12);
	CHECK_STR(show(l, 0), "bad \xff\xfe bytes");
	layout_free(l);
	article_free(a);
}

/* Return the display width of the word at s (up to a space, '\n' or the end). */
static int
word_width(const char *s)
{
	size_t n = strcspn(s, " \n");
	return layout_text_width(s, n);
}

/* Whether the lines of paragraph block b show its bytes as they are, hide
 * only spaces and line breaks, and break greedily: a line that ends at a
 * space could not have taken the next word. */
static bool
honest(const struct article *a, const struct layout *l, size_t b, bool greedy)
{
	const char *text = a->blocks[b].text;
	size_t first, count;
	layout_block_lines(l, b, &first, &count);
	for (size_t i = first; i < first + count; i++) {
		const struct layout_line *ln = &l->lines[i];
		size_t pos = ln->start;
		for (size_t s = ln->seg; s < ln->seg + ln->nsegs; s++) {
			const struct layout_seg *sg = &l->segs[s];
			if (sg->synthetic)
				continue;
			if (sg->text != text + sg->start || sg->len != sg->end - sg->start || sg->start != pos)
				return false;
			pos = sg->end;
		}
		bool hid_space = false;
		for (; pos < ln->end; pos++) {
			if (text[pos] != ' ' && text[pos] != '\n' && text[pos] != '\t')
				return false;
			hid_space |= text[pos] == ' ';
		}
		int avail = l->width - ln->prefix_width - ln->indent;
		if (greedy && hid_space && i + 1 < first + count && text[ln->end] != '\n' &&
		    ln->width - ln->prefix_width - ln->indent + 1 + word_width(text + ln->end) <= avail) {
			fprintf(stderr, "line %zu (width %d, avail %d) \"%s\" could have taken \"%.*s\"\n", i, ln->width, avail, show(l, i),
			    (int)strcspn(text + ln->end, " \n"), text + ln->end);
			return false;
		}
	}
	return true;
}

static void
test_random_text(void)
{
	static const char *words[] = { "a", "of", "the", "reader", "column", "naïve", "café", "e\xcc\x81t\xcc\x81\xc3\xa9",
	    "“quoted”", "—", "x", "supercalifragilistic", "abcdefghijklmnopqrstuvwxyz0123", "日本語", "語", "😀",
	    "tab\there", "line\nbreak", "  ", "ok" };
	unsigned seed = 12345;
	int bad = 0;
	for (int round = 0; round < 300; round++) {
		struct article *a = article_create();
		bool cjk = round % 3 == 0;
		for (int p = 0; p < 3; p++) {
			struct buf t = { 0 };
			int n = 1 + (int)((seed = seed * 1103515245 + 12345) >> 16) % 60;
			for (int w = 0; w < n; w++) {
				seed = seed * 1103515245 + 12345;
				int k = (int)(seed >> 16) % (cjk ? 20 : 13);
				if (w > 0)
					buf_putc(&t, ' ');
				buf_puts(&t, words[k]);
			}
			size_t b = article_add_block(a, BLOCK_PARAGRAPH, 0, p, buf_str(&t));
			size_t half = t.len / 2;
			while (half > 1 && (t.data[half] & 0xc0) == 0x80)
				half--;   /* spans end on character boundaries */
			size_t from = 1;
			while (from < half && (t.data[from] & 0xc0) == 0x80)
				from++;
			if (t.len > 4)
				article_add_span(a, b, from, half, SPAN_EMPHASIS, -1);
			buf_free(&t);
		}
		int width = 10 + round % 50;
		struct layout *l = lay(a, width, 0);
		if (!well_formed(a, l) || widest(l) > width) {
			fprintf(stderr, "round %d: width %d: %s %d\n", round, width, well_formed(a, l) ? "wide" : "ill-formed", widest(l));
			bad++;
		}
		for (size_t b = 0; b < a->nblocks; b++)
			if (!honest(a, l, b, !cjk)) {
				fprintf(stderr, "round %d: block %zu dishonest\n", round, b);
				bad++;
			}
		layout_free(l);
		article_free(a);
	}
	CHECK_INT(bad, 0);
}

/* Return the CPU seconds this process has used (the machine may be busy). */
static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
test_speed(void)
{
	struct article *a = article_create();
	const char *para = "The reader’s column is eighty characters wide, and the text flows into it one word at a "
	    "time; long essays have thousands of paragraphs like this one, with a link here and there and "
	    "some emphasis, and laying all of them out again on a resize must not be noticed.";
	size_t bytes = 0;
	for (int i = 0; i < 10000; i++) {
		size_t b = article_add_block(a, i % 50 == 0 ? BLOCK_HEADING : BLOCK_PARAGRAPH, 2, i % 7 == 0, para);
		if (i % 3 == 0) {
			size_t k = article_add_link(a, "https://example.org/", "column", b, -1);
			article_add_span(a, b, 17, 23, SPAN_LINK, (int)k);
			article_add_span(a, b, 60, 70, SPAN_EMPHASIS, -1);
		}
		bytes += strlen(para);
	}
	double best = 1e9;
	size_t lines = 0;
	for (int r = 0; r < 3; r++) {
		double t0 = now();
		struct layout *l = lay(a, 80, 0);
		double t = now() - t0;
		if (t < best)
			best = t;
		lines = l->nlines;
		layout_free(l);
	}
	double limit = getenv("QUIRE_SANITIZED") ? 1.0 : 0.1;
	printf("layout: 10000 paragraphs (%zu KB) into %zu lines at width 80 in %.1f ms\n",
	    bytes / 1024, lines, best * 1e3);
	CHECK(best < limit);
	article_free(a);
}

int
main(void)
{
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL && setlocale(LC_CTYPE, "en_US.UTF-8") == NULL) {
		printf("test_layout: 0 passed, 0 failed, 1 skipped (no UTF-8 locale)\n");
		return 0;
	}
	test_wrap_exact();
	test_newline_and_spaces();
	test_lists();
	test_quotes();
	test_inline_quotes();
	test_attribution_forms();
	test_attribution_dates();
	test_pre();
	test_wide_and_combining();
	test_long_word();
	test_links_and_styles();
	test_images_rules_headings();
	test_positions();
	test_empty_and_defaults();
	test_narrow();
	test_hostile_text();
	test_random_text();
	test_speed();
	return test_done("test_layout");
}
