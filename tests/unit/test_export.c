/* test_export.c — the export formats on articles built by hand: every block
 * kind, inline styles and reference links, nested lists and block quotes,
 * a quotation in running text over several paragraphs, Markdown escaping,
 * HTML escaping, JSON with bookmarks, file names and the atomic write. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <dirent.h>

#include "../../src/export/internal.h"
#include "export.h"
#include "jsonparse.h"
#include "test.h"
#include "text.h"

/* Append a block and return its index. */
static size_t
add(struct article *a, block_kind kind, int level, int quote, const char *text)
{
	return article_add_block(a, kind, level, quote, text);
}

/* Add a span over the first occurrence of word in block i. */
static void
span(struct article *a, size_t i, const char *word, int style, int link)
{
	const char *t = a->blocks[i].text;
	const char *p = strstr(t, word);
	if (p == NULL) {
		fprintf(stderr, "no '%s' in block %zu\n", word, i);
		exit(1);
	}
	article_add_span(a, i, (size_t)(p - t), (size_t)(p - t) + strlen(word), style, link);
}

/* An article with every block kind, styles, links and quotations. */
static struct article *
sample(void)
{
	struct article *a = article_create();
	article_set(&a->title, "Lamps & Ledgers: a \"field\" guide");
	article_set(&a->author, "Ada Quill");
	article_set(&a->published, "2025-02-14T09:30:00+00:00");
	article_set(&a->site_name, "The Margin Gazette");
	article_set(&a->url, "https://margin.example/lamps");
	article_set(&a->canonical_url, "https://margin.example/lamps/");
	article_add_tag(a, "lamps");
	article_add_tag(a, "ink \"wells\"");
	size_t b;
	b = add(a, BLOCK_PARAGRAPH, 0, 0, "Light the lamp with care, then read the old guide.");
	span(a, b, "care", SPAN_EMPHASIS, -1);
	span(a, b, "lamp", SPAN_STRONG, -1);
	article_add_link(a, "https://notes.example/guide?a=1&b=2", "the old guide", b, -1);
	span(a, b, "the old guide", SPAN_LINK, 0);
	b = add(a, BLOCK_HEADING, 2, 0, "Stars *and* _bars_");                      /* 1 */
	b = add(a, BLOCK_PARAGRAPH, 0, 0, "# not a heading, [x] <b>&amp; 2*3 a\\b `t`");  /* 2 */
	b = add(a, BLOCK_PARAGRAPH, 0, 0, "12. not a list either");                 /* 3 */
	add(a, BLOCK_LIST_ITEM, 1, 0, "wick");                                       /* 4 */
	add(a, BLOCK_LIST_ITEM, 2, 0, "trimmed");                                    /* 5 */
	add(a, BLOCK_LIST_ITEM, 1, 0, "oil");                                        /* 6 */
	b = add(a, BLOCK_LIST_ITEM, 1, 0, "first");                                  /* 7 */
	a->blocks[b].ordered = true;
	a->blocks[b].number = 1;
	b = add(a, BLOCK_LIST_ITEM, 1, 0, "second");                                 /* 8 */
	a->blocks[b].ordered = true;
	a->blocks[b].number = 2;
	b = add(a, BLOCK_LIST_ITEM, 2, 0, "nested bullet");                          /* 9 */
	add(a, BLOCK_PARAGRAPH, 0, 1, "A lamp is a promise kept at night.");         /* 10 */
	add(a, BLOCK_PARAGRAPH, 0, 2, "So is a ledger.");                            /* 11 */
	struct quote *q = article_add_quote(a, QUOTE_BLOCK,
	    "A lamp is a promise kept at night. So is a ledger.", 10, 11);
	q->author = xstrdup("Mabel Thorn");
	q->publication = xstrdup("Commonplace Quarterly");
	add(a, BLOCK_PREFORMATTED, 0, 0, "  wick 1\n```\n  oil  2");                /* 12 */
	b = add(a, BLOCK_IMAGE, 0, 0, "a [lit] lamp");                               /* 13 */
	a->blocks[b].src = xstrdup("https://margin.example/lamp (1).jpg");
	add(a, BLOCK_RULE, 0, 0, "");                                                /* 14 */
	/* A quotation in running text over two paragraphs, with an introduction. */
	add(a, BLOCK_PARAGRAPH, 0, 0,
	    "As Rowan Vale wrote in The Lampkeeper: \342\200\234Every wick remembers the hand that trimmed it, "
	    "and every flame the breath that spared it.");                            /* 15 */
	add(a, BLOCK_PARAGRAPH, 0, 0, "A keeper keeps the light, not the lamp.\xe2\x80\x9d");  /* 16 */
	q = article_add_quote(a, QUOTE_INLINE,
	    "Every wick remembers the hand that trimmed it, and every flame the breath that spared it. "
	    "A keeper keeps the light, not the lamp.", 15, 16);
	q->author = xstrdup("Rowan Vale");
	q->publication = xstrdup("The Lampkeeper");
	q->year = 1911;
	/* A short quotation inside a sentence stays there. */
	add(a, BLOCK_PARAGRAPH, 0, 0, "She said \xe2\x80\x9cnot yet\xe2\x80\x9d and went on trimming.");  /* 17 */
	q = article_add_quote(a, QUOTE_INLINE, "not yet", 17, 17);
	q->author = xstrdup("Someone");
	b = add(a, BLOCK_PARAGRAPH, 0, 0, "Use grep, or see the guide again.");      /* 18 */
	span(a, b, "grep", SPAN_CODE, -1);
	article_add_link(a, "javascript:alert(1)", "the guide", b, -1);
	span(a, b, "the guide", SPAN_LINK, 1);
	b = add(a, BLOCK_IMAGE, 0, 0, "a drawn lamp");                               /* 19 */
	a->blocks[b].src = xstrdup("javascript:alert(2)");
	return a;
}

/* Whether hay holds needle. */
static bool
has(const char *hay, const char *needle)
{
	return strstr(hay, needle) != NULL;
}

/* Markdown: front matter, blocks, quotations, escaping, references. */
static void
test_markdown(void)
{
	struct article *a = sample();
	struct export_bookmark bm[] = { { "where the wick is", 4, 2, "2025-03-01 10:00:00" } };
	struct export_input in = { a, 7, bm, 1 };
	struct buf out = {0};
	export_article(&in, EXPORT_MARKDOWN, &out);
	const char *md = buf_str(&out);
	CHECK(strncmp(md, "---\ntitle: \"Lamps & Ledgers: a \\\"field\\\" guide\"\n", 48) == 0);
	CHECK(has(md, "\nauthor: \"Ada Quill\"\n"));
	CHECK(has(md, "\ndate: \"2025-02-14T09:30:00+00:00\"\n"));
	CHECK(has(md, "\nsite: \"The Margin Gazette\"\n"));
	CHECK(has(md, "\nurl: \"https://margin.example/lamps\"\n"));
	CHECK(has(md, "\ncanonical_url: \"https://margin.example/lamps/\"\n"));
	CHECK(has(md, "\ntags: [\"lamps\", \"ink \\\"wells\\\"\"]\n"));
	CHECK(has(md, "\nbookmarks:\n  - block: 4\n    offset: 2\n    name: \"where the wick is\"\n"));
	CHECK(has(md, "\n---\n\n# Lamps & Ledgers: a \"field\" guide\n\n"));
	CHECK(has(md, "\nLight the **lamp** with *care*, then read [the old guide][1].\n"));
	CHECK(has(md, "\n## Stars \\*and\\* \\_bars\\_\n"));
	CHECK(has(md, "\n\\# not a heading, \\[x\\] \\<b\\>\\&amp; 2\\*3 a\\\\b \\`t\\`\n"));
	CHECK(has(md, "\n12\\. not a list either\n"));
	CHECK(has(md, "\n- wick\n  - trimmed\n- oil\n\n1. first\n2. second\n   - nested bullet\n"));
	CHECK(has(md, "\n> A lamp is a promise kept at night.\n>\n> > So is a ledger.\n>\n"
	    "> — Mabel Thorn, Commonplace Quarterly\n"));
	CHECK(has(md, "\n```\n  wick 1\n```\n  oil  2\n```\n") == false);
	CHECK(has(md, "\n````\n  wick 1\n```\n  oil  2\n````\n"));
	CHECK(has(md, "\n![a \\[lit\\] lamp](<https://margin.example/lamp%20(1).jpg>)\n"));
	CHECK(has(md, "\n* * *\n"));
	CHECK(has(md, "\nAs Rowan Vale wrote in The Lampkeeper:\n\n> Every wick remembers"));
	CHECK(has(md, "spared it.\n>\n> A keeper keeps the light, not the lamp.\n>\n"
	    "> — Rowan Vale, The Lampkeeper (1911)\n"));
	CHECK(has(md, "\nShe said \xe2\x80\x9cnot yet\xe2\x80\x9d and went on trimming.\n"));
	CHECK(!has(md, "> — Someone"));
	/* A javascript: link is no link. */
	CHECK(has(md, "\nUse `grep`, or see the guide again.\n"));
	CHECK(has(md, "\n[1]: https://notes.example/guide?a=1&b=2\n"));
	CHECK(!has(md, "javascript"));
	CHECK(has(md, "\n\na drawn lamp\n"));
	CHECK(utf8_valid(md, out.len));
	buf_free(&out);
	article_free(a);
}

/* HTML: escaping, structure, quotations with footer and cite, safe links. */
static void
test_html(void)
{
	struct article *a = sample();
	struct export_bookmark bm[] = { { "wick <here>", 4, 0, NULL } };
	struct export_input in = { a, 0, bm, 1 };
	struct buf out = {0};
	export_article(&in, EXPORT_HTML, &out);
	const char *h = buf_str(&out);
	CHECK(strncmp(h, "<!DOCTYPE html>\n", 16) == 0);
	CHECK(has(h, "<title>Lamps &amp; Ledgers: a &quot;field&quot; guide</title>"));
	CHECK(has(h, "<style>"));
	CHECK(has(h, "<p id=\"b0\">Light the <strong>lamp</strong> with <em>care</em>, then read "
	    "<a href=\"https://notes.example/guide?a=1&amp;b=2\">the old guide</a>.</p>"));
	CHECK(has(h, "<p id=\"b2\"># not a heading, [x] &lt;b&gt;&amp;amp; 2*3 a\\b `t`</p>"));
	CHECK(has(h, "<ul>\n<li id=\"b4\">wick<ul>\n<li id=\"b5\">trimmed</li></ul>\n</li>\n"
	    "<li id=\"b6\">oil</li></ul>\n<ol>\n<li id=\"b7\">first</li>\n"));
	CHECK(has(h, "<blockquote>\n<p id=\"b10\">A lamp is a promise kept at night.</p>\n"
	    "<blockquote>\n<p id=\"b11\">So is a ledger.</p>\n</blockquote>\n"
	    "<footer>— Mabel Thorn, <cite>Commonplace Quarterly</cite></footer>\n</blockquote>\n"));
	CHECK(has(h, "<pre id=\"b12\"><code>  wick 1\n```\n  oil  2</code></pre>"));
	CHECK(has(h, "<img src=\"https://margin.example/lamp (1).jpg\" alt=\"a [lit] lamp\">"));
	CHECK(has(h, "<footer>— Rowan Vale, <cite>The Lampkeeper</cite> (1911)</footer>"));
	CHECK(has(h, "<code>grep</code>"));
	CHECK(!has(h, "href=\"javascript") && !has(h, "src=\"javascript"));
	CHECK(has(h, "<figure id=\"b19\">a drawn lamp</figure>"));
	CHECK(has(h, "<a href=\"#b4\">wick &lt;here&gt;</a>"));
	CHECK(has(h, "</article>\n</body>\n</html>\n"));
	buf_free(&out);
	article_free(a);
}

/* JSON: the extract object plus bookmarks, parseable. */
static void
test_json(void)
{
	struct article *a = sample();
	struct export_bookmark bm[] = { { "one", 4, 2, "2025-03-01" }, { NULL, 10, 0, NULL } };
	struct export_input in = { a, 3, bm, 2 };
	struct buf out = {0};
	export_article(&in, EXPORT_JSON, &out);
	char *err = NULL;
	struct jvalue *v = jsonparse(out.data, out.len, &err);
	CHECK(v != NULL && v->type == JSON_OBJECT);
	if (v != NULL) {
		CHECK_STR(jsonparse_get_str(v, "title"), "Lamps & Ledgers: a \"field\" guide");
		const struct jvalue *id = jsonparse_get(v, "id");
		CHECK(id != NULL && id->number == 3);
		const struct jvalue *blocks = jsonparse_get(v, "blocks");
		CHECK(blocks != NULL && blocks->n == a->nblocks);
		const struct jvalue *b = jsonparse_get(v, "bookmarks");
		CHECK(b != NULL && b->type == JSON_ARRAY && b->n == 2);
		if (b != NULL && b->n == 2) {
			CHECK_STR(jsonparse_get_str(b->items[0], "name"), "one");
			CHECK(jsonparse_get(b->items[1], "block")->number == 10);
		}
	}
	jsonparse_free(v);
	free(err);
	/* Without bookmarks: still an array. */
	buf_truncate(&out, 0);
	in.nbookmarks = 0;
	export_article(&in, EXPORT_JSON, &out);
	CHECK(has(buf_str(&out), "\"bookmarks\": []\n}\n"));
	buf_free(&out);
	article_free(a);
}

/* Text: the header and the body as `quire show` prints them. */
static void
test_text(void)
{
	struct article *a = sample();
	article_set(&a->blocks[18].text, "Bell\x1b[31m red");
	struct export_input in = { a, 0, NULL, 0 };
	struct buf out = {0};
	export_article(&in, EXPORT_TEXT, &out);
	const char *t = buf_str(&out);
	CHECK(strncmp(t, "Lamps & Ledgers: a \"field\" guide\nby Ada Quill · 2025-02-14 · "
	    "The Margin Gazette\nhttps://margin.example/lamps/\n\nLight the lamp", 110) == 0);
	CHECK(!has(t, "\x1b"));
	buf_free(&out);
	article_free(a);
}

/* File names: ASCII slugs, bounded, never hidden, never a path. */
static void
test_file_names(void)
{
	char *n;
	n = export_file_name("Lamps & Ledgers: a \"field\" guide", 7, "md");
	CHECK_STR(n, "lamps-ledgers-a-field-guide-7.md");
	free(n);
	n = export_file_name("../../etc/passwd", 2, "md");
	CHECK_STR(n, "etc-passwd-2.md");
	free(n);
	n = export_file_name(".hidden", 0, "html");
	CHECK_STR(n, "hidden.html");
	free(n);
	n = export_file_name("\xc3\x89t\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac", 4, "md");
	CHECK_STR(n, "t-4.md");
	free(n);
	n = export_file_name("", 9, "txt");
	CHECK_STR(n, "article-9.txt");
	free(n);
	n = export_file_name(NULL, 0, "json");
	CHECK_STR(n, "article.json");
	free(n);
	char long_title[400];
	memset(long_title, 'a', sizeof long_title - 1);
	long_title[sizeof long_title - 1] = '\0';
	n = export_file_name(long_title, 123, "md");
	CHECK(strlen(n) <= 60 + strlen("-123.md"));
	CHECK(strchr(n, '/') == NULL && n[0] != '.');
	free(n);
	CHECK_INT(export_format_parse("markdown"), EXPORT_MARKDOWN);
	CHECK_INT(export_format_parse("html"), EXPORT_HTML);
	CHECK_INT(export_format_parse("yaml"), -1);
}

/* The atomic write: content lands, no temporary file stays, errors say so. */
static void
test_write(void)
{
	char dir[] = "/tmp/quire-test-export.XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	char *path = xasprintf("%s/out.md", dir);
	char *err = NULL;
	CHECK_INT(export_write_file(path, "one\n", 4, &err), 0);
	CHECK_INT(export_write_file(path, "two\n", 4, &err), 0);
	char *data = NULL;
	size_t len = 0;
	CHECK_INT(read_file(path, 1000, &data, &len, &err), 0);
	CHECK_STR(data, "two\n");
	free(data);
	int files = 0;
	DIR *d = opendir(dir);
	for (struct dirent *e; d != NULL && (e = readdir(d)) != NULL;)
		files += e->d_name[0] != '.';
	if (d != NULL)
		closedir(d);
	CHECK_INT(files, 1);
	char *bad = xasprintf("%s/no/such/folder/x.md", dir);
	CHECK_INT(export_write_file(bad, "x", 1, &err), -1);
	CHECK(err != NULL && strstr(err, "x.md") != NULL);
	free(err);
	free(bad);
	unlink(path);
	rmdir(dir);
	free(path);
}

/* Runs: overlapping spans split the text where the set of styles changes. */
static void
test_runs(void)
{
	struct article *a = article_create();
	add(a, BLOCK_PARAGRAPH, 0, 0, "abcdefghijklmnopqrst");
	article_add_link(a, "https://x.example/", "ijkl", 0, -1);
	article_add_span(a, 0, 0, 10, SPAN_EMPHASIS, -1);
	article_add_span(a, 0, 5, 15, SPAN_STRONG, -1);
	article_add_span(a, 0, 8, 12, SPAN_LINK, 0);
	article_add_span(a, 0, 18, 20, SPAN_CODE, -1);
	size_t n;
	struct export_run *r = export_runs(&a->blocks[0], 2, 20, &n);
	struct export_run want[] = {
		{ 2, 5, SPAN_EMPHASIS, -1 },
		{ 5, 8, SPAN_EMPHASIS | SPAN_STRONG, -1 },
		{ 8, 10, SPAN_EMPHASIS | SPAN_STRONG | SPAN_LINK, 0 },
		{ 10, 12, SPAN_STRONG | SPAN_LINK, 0 },
		{ 12, 15, SPAN_STRONG, -1 },
		{ 15, 18, 0, -1 },
		{ 18, 20, SPAN_CODE, -1 },
	};
	CHECK_INT(n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < n && i < sizeof want / sizeof want[0]; i++) {
		CHECK_INT(r[i].start, want[i].start);
		CHECK_INT(r[i].end, want[i].end);
		CHECK_INT(r[i].style, want[i].style);
		CHECK_INT(r[i].link, want[i].link);
	}
	free(r);
	r = export_runs(&a->blocks[0], 0, 20, &n);
	CHECK(n == 7 && r[0].start == 0);
	free(r);
	/* A block with no spans is one plain run. */
	add(a, BLOCK_PARAGRAPH, 0, 0, "plain");
	r = export_runs(&a->blocks[1], 0, 5, &n);
	CHECK(n == 1 && r[0].start == 0 && r[0].end == 5 && r[0].style == 0 && r[0].link == -1);
	free(r);
	article_free(a);
}

/* A '!' ending the text before a link is escaped, or the link would read
 * back as an image ("stronger![8]" is the image syntax). */
static void
test_bang_before_link(void)
{
	struct article *a = article_create();
	add(a, BLOCK_PARAGRAPH, 0, 0, "Get stronger!8 then rest.");
	article_add_link(a, "https://x.example/note", "8", 0, -1);
	article_add_span(a, 0, 13, 14, SPAN_LINK, 0);
	struct export_input in = { a, 1, NULL, 0 };
	struct buf out = {0};
	export_article(&in, EXPORT_MARKDOWN, &out);
	const char *md = buf_str(&out);
	CHECK(has(md, "Get stronger\\![8][1] then rest."));
	CHECK(!has(md, "stronger![8]"));
	buf_free(&out);
	article_free(a);
}

int
main(void)
{
	test_bang_before_link();
	test_runs();
	test_markdown();
	test_html();
	test_json();
	test_text();
	test_file_names();
	test_write();
	return test_done("test_export");
}
