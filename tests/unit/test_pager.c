/* test_pager.c — the pager's pure parts: byte ↔ character offsets (the
 * store keeps characters, the layout bytes), the key table's lookups, and
 * the help generated from it; which quotation `s` acts on; a library
 * search's hit (block, offset) turned into its match and screen line, its
 * terms found with case and diacritics folded, marked snippet rows, and
 * quotation attributions. The screens themselves are tested in a real
 * terminal by tests/t_pager.sh, t_pager_cite.sh and t_pager_search.sh. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/pager/internal.h"
#include "search.h"
#include "test.h"
#include "util.h"

/* Add a quotation over blocks first..last, with a source when url. */
static void
add_quote(struct article *a, size_t first, size_t last, const char *url)
{
	struct quote *q = article_add_quote(a, QUOTE_INLINE, "words", first, last);
	q->cite_url = url != NULL ? xstrdup(url) : NULL;
}

static void
test_quote_at(void)
{
	struct article *a = article_create();
	for (int i = 0; i < 30; i++)
		article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "text");
	add_quote(a, 2, 9, NULL);                       /* 0: outer, no source */
	add_quote(a, 4, 5, "https://a.example/");       /* 1: inner, with one */
	add_quote(a, 4, 4, NULL);                       /* 2: innermost, none */
	add_quote(a, 12, 14, NULL);                     /* 3 */
	add_quote(a, 16, 16, "https://b.example/");     /* 4 */
	add_quote(a, 20, 20, NULL);                     /* 5 */
	static const struct { size_t top, bottom; long want; } cases[] = {
		{ 0, 1, -1 },     /* nothing on screen */
		{ 0, 3, 0 },      /* the first that starts on screen */
		{ 2, 3, 0 },      /* the one holding the top */
		{ 4, 6, 1 },      /* of those holding the top, the innermost with a source */
		{ 6, 8, 0 },
		{ 10, 18, 4 },    /* starting on screen: one with a source first */
		{ 10, 13, 3 },    /* else the first */
		{ 17, 25, 5 },
		{ 21, 29, -1 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		long got = cite_quote_at(a, cases[i].top, cases[i].bottom);
		if (got != cases[i].want)
			fprintf(stderr, "quote_at case %zu: got %ld\n", i, got);
		CHECK_INT(got, cases[i].want);
	}
	article_free(a);
}

/* Check that row r of m has text and one mark over the bytes of marked. */
static void
check_marked(const struct menu *m, size_t r, const char *text, const char *marked)
{
	CHECK_STR(m->rows[r].text, text);
	CHECK_INT(m->rows[r].nmarks, 1);
	if (m->rows[r].nmarks == 1) {
		const struct range *g = &m->rows[r].marks[0];
		CHECK_INT(g->end - g->start, strlen(marked));
		CHECK(strncmp(m->rows[r].text + g->start, marked, strlen(marked)) == 0);
	}
}

/* Test the menu rows that carry marked matches. */
static void
test_marked_rows(void)
{
	struct menu m = {0};
	menu_add_marked(&m, ROLE_TEXT, 2, 7, false, "…the \x02naïve\x03 gardener…");
	check_marked(&m, 0, "…the naïve gardener…", "naïve");
	CHECK_INT(m.rows[0].value, 7);
	CHECK(!m.rows[0].cont);
	/* Control characters are dropped piece by piece; the marks follow. */
	menu_add_marked(&m, ROLE_TEXT, 0, 3, true, "a\033[2J b \x02w\x07ord\x03 c");
	check_marked(&m, 1, "a[2J b word c", "word");
	CHECK(m.rows[1].cont);
	CHECK_INT(m.rows[1].value, -1);          /* continuations are never selected */
	/* Two marks, an empty one (dropped), a stray close, one left open. */
	menu_add_marked(&m, ROLE_TEXT, 0, 0, false, "\x03x \x02one\x03 \x02\x03 \x02two");
	CHECK_STR(m.rows[2].text, "x one  two");
	CHECK_INT(m.rows[2].nmarks, 2);
	if (m.rows[2].nmarks == 2) {
		CHECK_INT(m.rows[2].marks[0].start, 2);
		CHECK_INT(m.rows[2].marks[0].end, 5);
		CHECK_INT(m.rows[2].marks[1].start, 7);
		CHECK_INT(m.rows[2].marks[1].end, 10);
	}
	menu_add_marked(&m, ROLE_TEXT, 0, 0, false, NULL);
	CHECK_STR(m.rows[3].text, "");
	CHECK_INT(m.rows[3].nmarks, 0);
	menu_clear(&m);
	CHECK_INT(m.n, 0);
}

/* Check snippet_wrap's rows for s at width and rows (want: NULL-ended). */
static void
check_wrap(const char *s, int width, int rows, const char *const *want)
{
	size_t n, k = 0;
	char **got = snippet_wrap(s, width, rows, &n);
	for (; want[k] != NULL; k++)
		CHECK_STR(k < n ? got[k] : "(missing)", want[k]);
	CHECK_INT(n, k);
	for (size_t i = 0; i < n; i++)
		free(got[i]);
	free(got);
}

/* Test wrapping marked snippets into list rows. */
static void
test_snippet_wrap(void)
{
	/* Fits: unchanged. */
	check_wrap("a \x02" "b\x03 c", 20, 2, (const char *const[]){ "a \x02" "b\x03 c", NULL });
	/* Two rows broken at a space; a mark across the break is closed and
	 * opened again; the end is cut with "…" and no space before it. */
	check_wrap("one two \x02three four\x03 five", 12, 2,
	    (const char *const[]){ "one two", "\x02three four\x03…", NULL });
	check_wrap("\x02one two three\x03", 8, 2,
	    (const char *const[]){ "\x02one two\x03", "\x02three\x03", NULL });
	/* A long lead-in is cut so the first mark shows on the first row. */
	check_wrap("alpha beta gamma delta epsilon zeta eta theta iota kappa \x02lambda\x03 mu nu xi "
	    "omicron pi rho sigma tau upsilon phi chi psi omega", 30, 2,
	    (const char *const[]){ "…kappa \x02lambda\x03 mu nu xi omicron", "pi rho sigma tau upsilon phi…",
	    NULL });
	/* Widths are columns: wide characters take two. */
	check_wrap("灯台守の日誌 \x02灯台\x03", 10, 1, (const char *const[]){ "…\x02灯台\x03", NULL });
	check_wrap("\x02灯台\x03守の日誌", 7, 1, (const char *const[]){ "\x02灯台\x03守…", NULL });
	/* A word longer than a row is cut hard; nothing is lost between rows. */
	check_wrap("abcdefghijkl", 8, 2, (const char *const[]){ "abcdefgh", "ijkl", NULL });
	check_wrap("", 10, 2, (const char *const[]){ NULL });
	check_wrap(NULL, 10, 2, (const char *const[]){ NULL });
}

/* Test the attribution line and where a quotation starts in its block. */
static void
test_quotes(void)
{
	char *s = quote_attribution("Eliza Marrow", "The Pomona Gazette", NULL, 0);
	CHECK_STR(s, "— Eliza Marrow, The Pomona Gazette");
	free(s);
	s = quote_attribution("Voltaire", NULL, "Questions sur les miracles", 1765);
	CHECK_STR(s, "— Voltaire, “Questions sur les miracles”, 1765");
	free(s);
	s = quote_attribution(NULL, "The Guardian", "The Guardian", 0);   /* said once */
	CHECK_STR(s, "— The Guardian");
	free(s);
	s = quote_attribution("", "", "", 0);
	CHECK(s == NULL);
	s = quote_attribution(NULL, NULL, NULL, 1912);
	CHECK_STR(s, "— 1912");
	free(s);

	const char *block = "As Jonas Whitlow wrote, \"she would taste every barrel twice\" and more.";
	CHECK_INT(quote_start(block, "she would taste every barrel twice"), 25);
	CHECK_INT(quote_start(block, "not in this block at all"), 0);
	CHECK_INT(quote_start(NULL, "x"), 0);
	CHECK_INT(quote_start(block, ""), 0);
	/* A long quotation is looked for by its first 40 bytes, cut between
	 * characters: "é" straddles byte 40 here. */
	const char *longq = "abcdefghij abcdefghij abcdefghij abcdefgé and on past the block";
	char *b2 = xasprintf("lead-in: %.45s", longq);
	CHECK_INT(quote_start(b2, longq), 9);
	free(b2);
}

/* An article of three paragraphs for the search tests. */
static struct article *
sample(void)
{
	struct article *a = article_create();
	article_add_block(a, BLOCK_HEADING, 2, 0, "Losses and the naïve gardener");
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0,
	    "The second spring is a list of failures, and she calls herself a NAIVE gardener "
	    "who trusted the almanac over her own eyes, grafting in the frost.");
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "Grafting again in the autumn; the grafts took.");
	return a;
}

/* Check that find_run finds in a's blocks what one search_matcher_find
 * after another over each whole block finds. */
static void
check_same_as_matcher(struct article *a, const char *query)
{
	struct view v = { .a = a, .cur_match = -1 };
	v.matcher = search_matcher_create(query);
	size_t n = find_run(&v), k = 0;
	bool same = true;
	for (size_t b = 0; b < a->nblocks; b++) {
		const char *t = a->blocks[b].text;
		size_t from = 0, start, end;
		while (search_matcher_find(v.matcher, t, from, &start, &end) && end > start) {
			if (k >= n || v.matches[k].block != b || v.matches[k].start != start ||
			    v.matches[k].end != end)
				same = false;
			k++;
			from = end;
		}
	}
	CHECK(same);
	CHECK_INT(n, k);
	CHECK(n > 0);
	search_matcher_free(v.matcher);
	free(v.matches);
}

/* Test that long blocks, searched through windows, lose and repeat nothing. */
static void
test_find_windows(void)
{
	struct article *a = article_create();
	struct buf b = {0};
	/* Words of varying length, so phrases fall across every window edge. */
	static const char *const words[] = { "the", "quick", "brown", "fox", "jumps", "over",
	    "a", "lazy", "dog", "Café", "naïve", "x", "overwhelmingly" };
	for (size_t i = 0; i < 6000; i++)
		buf_printf(&b, "%s%s", i ? " " : "", words[(i * 7 + i / 13) % 13]);
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, buf_str(&b));
	buf_truncate(&b, 0);
	/* A block with newlines and a long word at a window edge. */
	for (size_t i = 0; i < 400; i++)
		buf_printf(&b, "%s\nfox%s\n", i % 50 ? "line" : "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		    i % 3 ? " jumps" : "");
	article_add_block(a, BLOCK_PREFORMATTED, 0, 0, buf_str(&b));
	buf_free(&b);
	check_same_as_matcher(a, "fox");
	check_same_as_matcher(a, "the");
	check_same_as_matcher(a, "\"fox jumps\"");
	check_same_as_matcher(a, "\"the lazy quick\"");
	check_same_as_matcher(a, "\"NAIVE jumps\" dog");
	/* A phrase cut by a window's end must not be taken as its first word. */
	check_same_as_matcher(a, "\"naive jumps x over\" naive");
	check_same_as_matcher(a, "over*");
	check_same_as_matcher(a, "cafe x");
	article_free(a);
}

/* Test finding a query's terms in an article and going to a hit. */
static void
test_find(void)
{
	struct match ms[] = { { 1, 5, 9 }, { 1, 20, 25 }, { 3, 0, 4 } };
	CHECK_INT(find_nearest(ms, 3, 0, 0), 0);
	CHECK_INT(find_nearest(ms, 3, 1, 5), 0);     /* at a match's start */
	CHECK_INT(find_nearest(ms, 3, 1, 8), 0);     /* inside it */
	CHECK_INT(find_nearest(ms, 3, 1, 9), 1);     /* just after it: the next */
	CHECK_INT(find_nearest(ms, 3, 2, 0), 2);     /* a block without matches */
	CHECK_INT(find_nearest(ms, 3, 3, 4), 3);     /* past the last */
	CHECK_INT(find_nearest(NULL, 0, 0, 0), 0);

	struct article *a = sample();
	struct view v = { .a = a, .cur_match = -1, .link_sel = -1 };
	/* The library query's terms: case and diacritics folded both ways. */
	v.matcher = search_matcher_create("Naïve grafting");
	CHECK_INT(find_run(&v), 4);
	if (v.nmatches == 4) {
		const char *h = a->blocks[0].text, *p1 = a->blocks[1].text;
		CHECK_INT(v.matches[0].block, 0);
		CHECK_INT(v.matches[0].start, strstr(h, "naïve") - h);
		CHECK_INT(v.matches[0].end, strstr(h, "naïve") - h + strlen("naïve"));
		CHECK_INT(v.matches[1].block, 1);
		CHECK_INT(v.matches[1].start, strstr(p1, "NAIVE") - p1);
		CHECK_INT(v.matches[2].start, strstr(p1, "grafting") - p1);
		CHECK_INT(v.matches[3].block, 2);
		CHECK_INT(v.matches[3].start, 0);          /* "Grafting", not "grafts" */
	}
	size_t hint = 0;
	CHECK(find_hit(&v, 1, v.matches[1].start + 2, &hint));
	CHECK(!find_hit(&v, 1, v.matches[1].end, &hint));

	/* A hit's (block, character offset) becomes its match and screen line. */
	struct layout_opts o = { 20, 0 };
	v.l = layout_build(a, &o);
	v.width = 20;
	v.nheader = 3;                             /* title, byline, blank */
	struct pager p = { .max_width = 20 };
	const char *p1 = a->blocks[1].text;
	size_t off = bytes_of_chars(p1, chars_of_bytes(p1, (size_t)(strstr(p1, "grafting") - p1)));
	find_goto(&p, &v, 1, off);
	CHECK_INT(v.cur_match, 2);
	size_t line = find_line(v.l, 1, off);
	CHECK_INT(v.top, v.nheader + line);
	CHECK(v.l->lines[line].start <= off && off < v.l->lines[line].end);
	CHECK(v.l->lines[line].kind == LINE_TEXT);
	CHECK(p.msg != NULL && strstr(p.msg, "Match 3 of 4") != NULL);
	/* The start of a block is its first text line, not the blank before it. */
	line = find_line(v.l, 2, 0);
	CHECK(v.l->lines[line].kind == LINE_TEXT && v.l->lines[line].block == 2);
	CHECK(line > 0 && v.l->lines[line - 1].kind == LINE_BLANK);
	find_goto(&p, &v, 2, 0);
	CHECK_INT(v.cur_match, 3);
	CHECK_INT(v.top, v.nheader + line);
	/* A place with no match there: its line, no current match. */
	v.cur_match = -1;
	find_goto(&p, &v, 2, 12);
	CHECK_INT(v.cur_match, -1);
	CHECK_INT(v.top, v.nheader + find_line(v.l, 2, 12));
	/* A term that is not there finds nothing; a phrase must be whole. */
	search_matcher_free(v.matcher);
	v.matcher = search_matcher_create("\"naive gardener who\"");
	CHECK_INT(find_run(&v), 1);
	search_matcher_free(v.matcher);
	v.matcher = search_matcher_create("orchard");
	CHECK_INT(find_run(&v), 0);
	search_matcher_free(v.matcher);
	free(v.matches);
	free(p.msg);
	layout_free(v.l);
	article_free(a);
}

/* Return whether some help row contains s. */
static bool
help_has(const struct menu *m, const char *s)
{
	for (size_t i = 0; i < m->n; i++)
		if (strstr(m->rows[i].text, s) != NULL)
			return true;
	return false;
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const char *t = "café 灯台";
	CHECK_INT(chars_of_bytes(t, 0), 0);
	CHECK_INT(chars_of_bytes(t, 5), 4);          /* "café" is 5 bytes, 4 characters */
	CHECK_INT(chars_of_bytes(t, 100), 7);        /* clamped to the end */
	CHECK_INT(bytes_of_chars(t, 4), 5);
	CHECK_INT(bytes_of_chars(t, 6), 9);          /* after "灯" */
	CHECK_INT(bytes_of_chars(t, 99), strlen(t));
	for (size_t i = 0; i <= strlen(t); i++)
		if ((t[i] & 0xc0) != 0x80)
			CHECK_INT(bytes_of_chars(t, chars_of_bytes(t, i)), i);

	struct pager kp = {0};   /* the default keymap: no configuration */
	keys_init(&kp);
	CHECK_INT(key_action(&kp, SCREEN_VIEW, 'j'), ACT_DOWN);
	CHECK_INT(key_action(&kp, SCREEN_VIEW, KEY_DOWN | KEY_FUNC), ACT_DOWN);
	CHECK_INT(key_action(&kp, SCREEN_VIEW, 'd'), ACT_HALF_DOWN);
	CHECK_INT(key_action(&kp, SCREEN_LIBRARY, 'd'), ACT_DELETE);
	CHECK_INT(key_action(&kp, SCREEN_VIEW, '\n'), ACT_DOWN);
	CHECK_INT(key_action(&kp, SCREEN_LIST, '\n'), ACT_OPEN);
	CHECK_INT(key_action(&kp, SCREEN_VIEW, ']'), ACT_NEXT_HEADING);
	CHECK_INT(key_action(&kp, SCREEN_VIEW, 'z'), ACT_NONE);
	CHECK_INT(key_action(&kp, SCREEN_VIEW, KEY_DOWN), ACT_NONE);   /* a code point, not the key */

	CHECK_INT(key_action(&kp, SCREEN_VIEW, 'S'), ACT_LIBRARY_SEARCH);
	CHECK_INT(key_action(&kp, SCREEN_LIBRARY, 'S'), ACT_LIBRARY_SEARCH);
	CHECK_INT(key_action(&kp, SCREEN_VIEW, 'Q'), ACT_QUOTES);
	CHECK_INT(key_action(&kp, SCREEN_LIST, 'Q'), ACT_QUIT);
	CHECK_INT(key_action(&kp, SCREEN_LIBRARY, 'Q'), ACT_QUIT);
	CHECK_INT(key_action(&kp, SCREEN_LIST | SCREEN_RESULTS, 't'), ACT_TOGGLE_QUOTES);
	CHECK_INT(key_action(&kp, SCREEN_LIST | SCREEN_RESULTS, '\t'), ACT_TOGGLE_QUOTES);
	CHECK_INT(key_action(&kp, SCREEN_LIST | SCREEN_RESULTS, 'S'), ACT_LIBRARY_SEARCH);
	CHECK_INT(key_action(&kp, SCREEN_LIST | SCREEN_RESULTS, '\n'), ACT_OPEN);
	CHECK_INT(key_action(&kp, SCREEN_LIST | SCREEN_RESULTS, 127), ACT_QUIT);   /* Backspace */
	CHECK_INT(key_action(&kp, SCREEN_LIST, 't'), ACT_NONE);
	CHECK_INT(key_action(&kp, SCREEN_VIEW, 't'), ACT_TOC);
	CHECK_INT(key_action(&kp, SCREEN_VIEW, 127), ACT_BACK_ARTICLE);

	struct menu m = {0};
	key_help(&kp, &m);
	CHECK(help_has(&m, "search the library"));
	CHECK(help_has(&m, "list the article's quotations"));
	CHECK(help_has(&m, "Search results"));
	CHECK(help_has(&m, "t, Tab"));
	CHECK(help_has(&m, "Reading an article"));
	CHECK(help_has(&m, "The library"));
	CHECK(help_has(&m, "next heading"));
	CHECK(help_has(&m, "Space, f, PgDn"));
	CHECK(help_has(&m, "Shift-Tab"));
	CHECK(!help_has(&m, "(null)"));
	CHECK(help_has(&m, "open the source of the quotation"));
	CHECK(help_has(&m, "cite this one"));
	menu_clear(&m);

	CHECK_INT(key_action(&kp, SCREEN_VIEW, 's'), ACT_SOURCE);
	CHECK_INT(key_action(&kp, SCREEN_VIEW, 'c'), ACT_CITED_BY);
	CHECK_INT(key_action(&kp, SCREEN_LIBRARY, 's'), ACT_SORT);   /* s still sorts the library */
	free(kp.keys);
	test_quote_at();
	test_marked_rows();
	test_snippet_wrap();
	test_quotes();
	test_find();
	test_find_windows();
	return test_done("test_pager");
}
