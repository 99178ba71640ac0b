/* test_blocks.c — the tag handlers of blocks_build on small HTML fragments:
 * paragraphs (plain and anonymous), headings, lists, <pre>, images (lazy,
 * <noscript>, emoji), rules, tables, quotes and their attribution, spans and
 * their offsets, links with their blocks and headings, URL resolution, a very
 * deep tree, and a WordPress block-theme page. */
#include <stdlib.h>

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>

#include "blocks.h"
#include "dom.h"
#include "test.h"
#include "util.h"

#define BASE "https://example.org/2024/05/post/"

/* Parse html and walk its body (or the element with class root_class). */
static struct article *
build_in(const char *html, const char *root_class)
{
	htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
	    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | XML_PARSE_HUGE);
	struct article *a = article_create();
	xmlNode *root = dom_body(doc);
	if (root_class != NULL) {
		for (xmlNode *n = root; n != NULL; n = dom_next_in(n, dom_body(doc), false))
			if (dom_has_class(n, root_class)) {
				root = n;
				break;
			}
	}
	blocks_build(root, BASE, a);
	xmlFreeDoc(doc);
	return a;
}

static struct article *
build(const char *html)
{
	return build_in(html, NULL);
}

static const char *
text(const struct article *a, size_t i)
{
	return i < a->nblocks ? a->blocks[i].text : "(no block)";
}

static int
kind(const struct article *a, size_t i)
{
	return i < a->nblocks ? (int)a->blocks[i].kind : -1;
}

static void
test_paragraphs(void)
{
	struct article *a = build("<div><p>&nbsp;&nbsp; One  two\n three.&nbsp;</p><p>&nbsp;</p>"
	    "<p><span id=\"more-12\"></span></p>Loose text <b>here</b><div>inner</div>tail"
	    "<br><br>after break<br>same para</div>");
	CHECK_INT(a->nblocks, 5);
	CHECK_STR(text(a, 0), "One two three.");
	CHECK_STR(text(a, 1), "Loose text here");
	CHECK_STR(text(a, 2), "inner");
	CHECK_STR(text(a, 3), "tail");
	CHECK_STR(text(a, 4), "after break\nsame para");
	CHECK_INT(kind(a, 4), BLOCK_PARAGRAPH);
	article_free(a);

	a = build("<p>line one <br> line two<br><br>  line three <br> </p><h2> Head<br>two </h2>");
	CHECK_STR(text(a, 0), "line one\nline two\nline three");
	CHECK_INT(kind(a, 1), BLOCK_HEADING);
	CHECK_INT(a->blocks[1].level, 2);
	CHECK_STR(text(a, 1), "Head\ntwo");
	article_free(a);

	a = build("<p>keep<script>var x = 1;</script><style>p{}</style> this<noscript>no</noscript>"
	    "<button>Click</button><select><option>o</option></select><textarea>t</textarea>"
	    "<iframe src=x>f</iframe><svg><text>s</text></svg><template>tt</template></p>"
	    "<p>x<math alttext=\"E = mc^2\"><mi>E</mi><annotation>E=mc^2</annotation></math></p>"
	    "<p>y <math><mi>a</mi><annotation encoding=\"TeX\">\\alpha</annotation></math></p>"
	    "<p>soft\xc2\xadhyphen and <span class=\"screen-reader-text\">hidden</span>shown"
	    "<span style=\"display: none\">gone</span></p>");
	CHECK_INT(a->nblocks, 4);
	CHECK_STR(text(a, 0), "keep this");
	CHECK_STR(text(a, 1), "xE = mc^2");
	CHECK_STR(text(a, 2), "y a");
	CHECK_STR(text(a, 3), "softhyphen and shown");
	article_free(a);
}

/* A number label loose before a heading numbers it; a number in a
 * paragraph of its own, or one with words, stays a paragraph. */
static void
test_numbered_headings(void)
{
	struct article *a = build("<div class=\"faq\"><span class=\"rank\">1.</span> <h3>Why keep a "
	    "log?</h3><p>Because.</p></div><div><span>#2</span><h3>Who reads it?</h3></div>"
	    "<p>3.</p><h3>Third</h3><div>4 ways<h3>Fourth</h3></div><div>2024<h2>Year</h2></div>");
	CHECK_INT(a->nblocks, 9);
	CHECK_STR(text(a, 0), "1. Why keep a log?");
	CHECK_INT(kind(a, 0), BLOCK_HEADING);
	CHECK_INT(a->blocks[0].level, 3);
	CHECK_STR(text(a, 1), "Because.");
	CHECK_STR(text(a, 2), "#2 Who reads it?");
	CHECK_STR(text(a, 3), "3.");
	CHECK_INT(kind(a, 3), BLOCK_PARAGRAPH);
	CHECK_STR(text(a, 4), "Third");
	CHECK_STR(text(a, 5), "4 ways");
	CHECK_STR(text(a, 6), "Fourth");
	CHECK_STR(text(a, 7), "2024");
	CHECK_STR(text(a, 8), "Year");
	article_free(a);
}

/* The places the article's own links point to (footnotes, sections) are
 * kept as anchors with the block they start in; ids no link names are not. */
static void
test_anchors(void)
{
	struct article *a = build("<p>A claim<sup id=\"ref1\"><a href=\"#fn1\">1</a></sup> and "
	    "another<sup><a href=\"" BASE "#fn%3A2\">2</a></sup>.</p>"
	    "<h2 id=\"later\">Later</h2><p id=\"unlinked\">More, and <a href=\"#later\">back up"
	    "</a> or <a href=\"https://other.example/#fn1\">elsewhere</a>.</p>"
	    "<ol class=\"footnotes\"><li id=\"fn1\">The first note. <a href=\"#ref1\">back</a></li>"
	    "<li id=\"fn:2\">The second note.</li><li id=\"fn1\">A repeated id.</li></ol>"
	    "<p><a name=\"end\"></a></p><p><a href=\"#end\">to the end</a></p>");
	size_t block = 99;
	CHECK(article_find_anchor(a, "fn1", &block));
	CHECK_STR(text(a, block), "The first note. back");
	CHECK(article_find_anchor(a, "fn%3A2", &block));
	CHECK_STR(text(a, block), "The second note.");
	CHECK(article_find_anchor(a, "ref1", &block));
	CHECK_INT(block, 0);
	CHECK(article_find_anchor(a, "later", &block));
	CHECK_STR(text(a, block), "Later");
	CHECK(article_find_anchor(a, "end", &block));   /* at the end: the last block */
	CHECK_INT(block, a->nblocks - 1);
	CHECK(!article_find_anchor(a, "unlinked", &block));
	CHECK_INT(a->nanchors, 5);
	article_free(a);
}

static void
test_headings_and_links(void)
{
	struct article *a = build("<p>Intro <a href=\"/about\">about  us</a> and "
	    "<a href=\"https://other.example/x?a=1&amp;b=2#:~:text=Hi%20there\">other</a>.</p>"
	    "<h2>First <a href=\"#sec\">anchor</a></h2>"
	    "<p><a name=\"x\">no href</a> <a href=\"javascript:void(0)\">js</a> "
	    "<a href=\"../up.html\">up</a> <a href=\"//cdn.example/i\">cdn</a></p>"
	    "<h3>Second</h3><ul><li>item <a href=\"https://ex.com/%e2%80%8bz\">z</a></li></ul>"
	    "<blockquote><p>Quoted <a href=\"q.html\">q</a></p></blockquote>");
	CHECK_INT(a->nlinks, 7);
	CHECK_STR(a->links[0].url, "https://example.org/about");
	CHECK_STR(a->links[0].text, "about us");
	CHECK_INT(a->links[0].block, 0);
	CHECK_INT(a->links[0].heading, -1);
	CHECK_STR(a->links[1].url, "https://other.example/x?a=1&b=2#:~:text=Hi%20there");
	CHECK_STR(a->links[2].url, BASE "#sec");
	CHECK_INT(a->links[2].block, 1);
	CHECK_INT(a->links[2].heading, 1);
	CHECK_STR(a->links[3].url, "https://example.org/2024/05/up.html");
	CHECK_INT(a->links[3].heading, 1);
	CHECK_INT(a->links[3].block, 2);
	CHECK_STR(a->links[4].url, "https://cdn.example/i");
	CHECK_STR(a->links[5].url, "https://ex.com/%e2%80%8bz");
	CHECK_INT(a->links[5].heading, 3);
	CHECK_INT(a->links[5].block, 4);
	CHECK_STR(a->links[6].text, "q");
	CHECK_INT(a->links[6].block, 5);
	CHECK_STR(text(a, 2), "no href js up cdn");
	article_free(a);
}

static void
test_urls(void)
{
	char *u = dom_resolve_url(NULL, " /rel/x ");
	CHECK_STR(u, "/rel/x");
	free(u);
	u = dom_resolve_url(BASE, "\n https://Example.COM/a b#frag \t");
	CHECK_STR(u, "https://Example.COM/a b#frag");
	free(u);
	u = dom_resolve_url(BASE, "with space.html?q=1");
	CHECK_STR(u, BASE "with%20space.html?q=1");
	free(u);
	u = dom_resolve_url(BASE, "mailto:someone@example.org");
	CHECK_STR(u, "mailto:someone@example.org");
	free(u);
	u = dom_resolve_url(BASE, "/\xc3\xbc" "ber/a%zz");
	CHECK_STR(u, "https://example.org/%C3%BCber/a%25zz");
	free(u);
	u = dom_resolve_url(BASE, "?page=2");
	CHECK_STR(u, BASE "?page=2");
	free(u);

	struct article *a = build("<blockquote><p>Q.</p><cite>Attributed</cite><script>x()</script>\n</blockquote>");
	CHECK_INT(a->nblocks, 1);
	CHECK_STR(a->nquotes ? a->quotes[0].cite_raw : NULL, "Attributed");
	article_free(a);
}

static void
test_spans(void)
{
	struct article *a = build("<p>  \xc2\xa0" "Caf\xc3\xa9 <em> emphasised  words </em>then"
	    "<strong><i>both</i></strong> <code>x  = 1</code> <a href=\"/l\"> link\n text </a>"
	    "<q>quoted</q>.</p>");
	CHECK_STR(text(a, 0), "Caf\xc3\xa9 emphasised words then" "both x = 1 link text "
	    "\xe2\x80\x9cquoted\xe2\x80\x9d.");
	const struct block *b = &a->blocks[0];
	const char *t = b->text;
	CHECK_INT(b->nspans, 6);
	/* Spans in closing order: em, i, strong, code, a, q. */
	int want_style[] = { SPAN_EMPHASIS, SPAN_EMPHASIS, SPAN_STRONG, SPAN_CODE, SPAN_LINK, SPAN_QUOTE };
	const char *want_text[] = { "emphasised words", "both", "both", "x = 1", "link text", "quoted" };
	for (size_t i = 0; i < 6 && i < b->nspans; i++) {
		CHECK_INT(b->spans[i].style, want_style[i]);
		char *got = xstrndup(t + b->spans[i].start, b->spans[i].end - b->spans[i].start);
		CHECK_STR(got, want_text[i]);
		free(got);
	}
	CHECK_INT(b->spans[4].link, 0);
	CHECK_INT(a->nquotes, 1);
	CHECK_INT(a->quotes[0].kind, QUOTE_Q);
	CHECK_STR(a->quotes[0].text, "quoted");
	CHECK_INT(a->quotes[0].first_block, 0);
	article_free(a);

	/* A link around blocks, and spans across a <br>. */
	a = build("<p>a</p><a href=\"/x\"><h3>Title</h3><p>desc</p></a><p><em>one<br>two</em></p>");
	CHECK_INT(a->nlinks, 1);
	CHECK_STR(a->links[0].text, "Title");
	CHECK_INT(a->links[0].block, 1);
	CHECK_INT(a->blocks[2].nspans, 1);
	CHECK_INT(a->blocks[3].nspans, 1);
	CHECK_INT(a->blocks[3].spans[0].start, 0);
	CHECK_INT(a->blocks[3].spans[0].end, 7);
	article_free(a);
}

static void
test_lists(void)
{
	struct article *a = build("<ul><li>One</li><li>Two<br>lines<ul><li>Two.a</li>"
	    "<li><p>Two.b para</p><p>second para</p></li></ul>after nested</li></ul>"
	    "<ol start=\"3\"><li>three</li><li>four</li><li value=\"9\">nine</li></ol><li>stray</li>");
	CHECK_INT(a->nblocks, 9);
	CHECK_STR(text(a, 0), "One");
	CHECK_INT(a->blocks[0].level, 1);
	CHECK(!a->blocks[0].ordered);
	CHECK_STR(text(a, 1), "Two\nlines");
	CHECK_STR(text(a, 2), "Two.a");
	CHECK_INT(a->blocks[2].level, 2);
	CHECK_STR(text(a, 3), "Two.b para\nsecond para");
	CHECK_STR(text(a, 4), "after nested");
	CHECK_INT(a->blocks[4].level, 1);
	CHECK_INT(kind(a, 4), BLOCK_LIST_ITEM);
	CHECK_STR(text(a, 5), "three");
	CHECK(a->blocks[5].ordered);
	CHECK_INT(a->blocks[5].number, 3);
	CHECK_INT(a->blocks[6].number, 4);
	CHECK_INT(a->blocks[7].number, 9);
	CHECK_STR(text(a, 8), "stray");
	CHECK_INT(a->blocks[8].level, 1);
	article_free(a);

	a = build("<ol><li>first<ol><li>inner</li></ol>rest</li><li>second</li></ol>");
	CHECK_INT(a->nblocks, 4);
	CHECK_INT(a->blocks[0].number, 1);
	CHECK_INT(a->blocks[1].number, 1);
	CHECK_INT(a->blocks[2].number, 0);   /* continuation of item 1 */
	CHECK_INT(a->blocks[3].number, 2);
	article_free(a);

	a = build("<dl><dt>Term</dt><dd>Definition <em>here</em></dd></dl>"
	    "<details><summary>More</summary><p>Hidden text</p></details>");
	CHECK_INT(a->nblocks, 4);
	CHECK_STR(text(a, 0), "Term");
	CHECK_STR(text(a, 1), "Definition here");
	CHECK_STR(text(a, 2), "More");
	CHECK_STR(text(a, 3), "Hidden text");
	article_free(a);
}

static void
test_pre(void)
{
	struct article *a = build("<pre>\n  int x;\n\n  if (x)  <b>y</b>();\n</pre>"
	    "<pre class=\"wp-block-code\"><code>a  b<br>c</code></pre><pre> \n </pre>");
	CHECK_INT(a->nblocks, 2);
	CHECK_INT(kind(a, 0), BLOCK_PREFORMATTED);
	CHECK_STR(text(a, 0), "  int x;\n\n  if (x)  y();");
	CHECK_STR(text(a, 1), "a  b\nc");
	CHECK_INT(a->blocks[1].nspans, 1);
	CHECK_INT(a->blocks[1].spans[0].style, SPAN_CODE);
	CHECK_INT(a->blocks[1].spans[0].end, 6);
	article_free(a);

	/* Blocks inside a <pre> are more lines of it. */
	a = build("<pre><p> t</p><div>a</div><div>b</div>  x<br><br>y</pre>");
	CHECK_INT(a->nblocks, 1);
	CHECK_STR(text(a, 0), " t\na\nb\n  x\n\ny");
	article_free(a);
}

static void
test_images(void)
{
	struct article *a = build("<p><img src=\"data:image/gif;base64,R0lGOD\" data-src=\"/img/a.jpg\" alt=\" A  cat \">"
	    "</p><p><img src=\"https://s0.wp.com/lazy/1x1.trans.gif\" data-lazy-src=\"https://ex.com/b.jpg?w=1&amp;h=2\""
	    " alt=\"B\"><noscript><img src=\"https://ex.com/b.jpg\" alt=\"B\"></noscript></p>"
	    "<p><img src=\"data:,\" data-lazy-srcset=\"c-300.jpg 300w, c-600.jpg 600w\" alt=\"C\"></p>"
	    "<p>Text <img class=\"wp-smiley emoji\" alt=\"\xf0\x9f\x99\x82\" src=\"s.svg\"> with an "
	    "<img src=\"d.png\" alt=\"D\"> inline image.</p>"
	    "<div class=\"lazy\"></div><noscript><img src=\"e.png\" alt=\"E\"></noscript>"
	    "<img src=\"data:x\"><noscript><img src=\"f.png\" alt=\"F\"></noscript>"
	    "<img src=\"pixel.gif\" width=\"1\" height=\"1\">"
	    "<figure class=\"wp-block-image\"><a href=\"g-full.png\"><img src=\"g.png\" alt=\"G\"></a>"
	    "<figcaption>The <a href=\"/c\">caption</a></figcaption></figure><hr class=\"wp-block-separator\">"
	    "<figure><img src=\"h.png\" alt=\"\"><figcaption>Caption as alt</figcaption></figure>");
	CHECK_INT(a->nblocks, 10);
	CHECK_INT(kind(a, 0), BLOCK_IMAGE);
	CHECK_STR(text(a, 0), "A cat");
	CHECK_STR(a->blocks[0].src, "https://example.org/img/a.jpg");
	CHECK_STR(a->blocks[1].src, "https://ex.com/b.jpg?w=1&h=2");
	CHECK_STR(a->blocks[2].src, BASE "c-300.jpg");
	CHECK_STR(text(a, 3), "Text \xf0\x9f\x99\x82 with an inline image.");
	CHECK_INT(kind(a, 4), BLOCK_IMAGE);
	CHECK_STR(text(a, 4), "D");
	CHECK_STR(text(a, 5), "E");
	CHECK_STR(text(a, 6), "F");
	CHECK_STR(a->blocks[6].src, BASE "f.png");
	CHECK_STR(text(a, 7), "G");
	CHECK_INT(kind(a, 8), BLOCK_RULE);
	CHECK_STR(text(a, 9), "Caption as alt");
	CHECK_INT(kind(a, 9), BLOCK_IMAGE);
	CHECK_INT(a->nlinks, 2);
	CHECK_INT(a->links[0].block, 7);   /* the image it wraps */
	CHECK_STR(a->links[0].text, "");
	CHECK_INT(a->links[1].block, 7);   /* in the caption of that image */
	CHECK_STR(a->links[1].text, "caption");
	article_free(a);

	a = build("<div class=\"wp-caption\"><img src=\"i.png\" alt=\"\"><p class=\"wp-caption-text\">Classic "
	    "<em>caption</em></p></div><dl class=\"gallery-item\"><dt><img src=\"j.png\" alt=\"J\"></dt>"
	    "<dd class=\"wp-caption-text gallery-caption\">Gallery caption</dd></dl><p>Body</p>");
	CHECK_INT(a->nblocks, 3);
	CHECK_STR(text(a, 0), "Classic caption");
	CHECK_INT(kind(a, 0), BLOCK_IMAGE);
	CHECK_STR(text(a, 1), "J");
	CHECK_STR(text(a, 2), "Body");
	article_free(a);
}

static void
test_tables(void)
{
	struct article *a = build("<table><caption>Scores</caption><thead><tr><th>Team</th><th>Points</th></tr></thead>"
	    "<tbody><tr><td> Reds </td><td></td><td>3<br>(won)</td></tr></tbody></table>"
	    "<table><tr><td><p>Layout para one</p><p>two</p></td><td><h2>Side</h2></td></tr></table>");
	CHECK_INT(a->nblocks, 6);
	CHECK_STR(text(a, 0), "Scores");
	CHECK_STR(text(a, 1), "Team | Points");
	CHECK_STR(text(a, 2), "Reds | 3 (won)");
	CHECK_STR(text(a, 3), "Layout para one");
	CHECK_STR(text(a, 4), "two");
	CHECK_INT(kind(a, 5), BLOCK_HEADING);
	article_free(a);
}

static void
test_quotes(void)
{
	struct article *a = build("<p>Before</p><blockquote cite=\"/src\"><p>First para.</p><p>Second "
	    "<q>inner</q>.</p><blockquote><p>Nested.</p></blockquote><cite>Ann Author, "
	    "<a href=\"https://ex.com/book\">The Book</a></cite></blockquote>"
	    "<blockquote><p>Only words.</p><p>\xe2\x80\x94 Bo Writer, Daily Sheet</p></blockquote>"
	    "<blockquote><p>Said plainly.<br>- Cy Person</p></blockquote>"
	    "<figure class=\"wp-block-pullquote\"><blockquote><p>Pulled out.</p><cite>Di</cite></blockquote></figure>"
	    "<aside class=\"pullquote\">Aside pull</aside>"
	    "<figure><blockquote><p>Figure quote.</p></blockquote><figcaption>\xe2\x80\x94 Ed</figcaption></figure>"
	    "<blockquote><p>Quote with <cite>a Title</cite> inside.</p></blockquote>"
	    "<p>After</p>");
	/* Blocks: Before, First, Second, Nested, Only, Said, Pulled, Aside, Figure, Quote with, After */
	CHECK_INT(a->nblocks, 11);
	CHECK_INT(a->blocks[0].quote, 0);
	CHECK_INT(a->blocks[1].quote, 1);
	CHECK_INT(a->blocks[3].quote, 2);
	CHECK_STR(text(a, 2), "Second \xe2\x80\x9cinner\xe2\x80\x9d.");
	CHECK_STR(text(a, 4), "Only words.");
	CHECK_STR(text(a, 5), "Said plainly.");
	CHECK_INT(a->blocks[6].quote, 1);
	CHECK_STR(text(a, 7), "Aside pull");
	CHECK_INT(a->blocks[7].quote, 1);
	CHECK_STR(text(a, 9), "Quote with a Title inside.");
	CHECK_INT(a->blocks[10].quote, 0);
	/* Quotes: q, bq1, bq2, bq3, pull, aside, fig, bq with inline cite. */
	CHECK_INT(a->nquotes, 8);
	if (a->nquotes == 8) {
		struct quote *q = a->quotes;
		CHECK_INT(q[0].kind, QUOTE_Q);
		CHECK_STR(q[0].text, "inner");
		CHECK_INT(q[0].first_block, 2);
		CHECK_INT(q[1].kind, QUOTE_BLOCK);
		CHECK_STR(q[1].text, "First para. Second \xe2\x80\x9cinner\xe2\x80\x9d. Nested.");
		CHECK_INT(q[1].first_block, 1);
		CHECK_INT(q[1].last_block, 3);
		CHECK_STR(q[1].cite_raw, "Ann Author, The Book");
		CHECK_STR(q[1].cite_url, "https://example.org/src");
		CHECK_STR(q[2].text, "Only words.");
		CHECK_STR(q[2].cite_raw, "Bo Writer, Daily Sheet");
		CHECK_INT(q[2].last_block, 4);
		CHECK_STR(q[3].cite_raw, "Cy Person");
		CHECK_INT(q[4].kind, QUOTE_PULL);
		CHECK_STR(q[4].text, "Pulled out.");
		CHECK_STR(q[4].cite_raw, "Di");
		CHECK_INT(q[5].kind, QUOTE_PULL);
		CHECK_STR(q[6].cite_raw, "Ed");
		CHECK_STR(q[7].cite_raw, NULL);
	}
	/* The link in the attribution is kept, on the quote's last block. */
	CHECK_INT(a->nlinks, 1);
	CHECK_STR(a->links[0].url, "https://ex.com/book");
	CHECK_INT(a->links[0].block, 3);
	article_free(a);

	/* Cite link as the cite URL when there is no cite= attribute. */
	a = build("<blockquote><p>Words.</p><footer>\xe2\x80\x94 <cite><a href=\"/w\">Wu</a></cite></footer></blockquote>");
	CHECK_INT(a->nblocks, 1);
	CHECK_INT(a->nquotes, 1);
	CHECK_STR(a->quotes[0].cite_raw, "Wu");
	CHECK_STR(a->quotes[0].cite_url, "https://example.org/w");
	article_free(a);

	a = build("<blockquote><p>Text.</p><p>\xe2\x80\x94 <cite>Name</cite></p></blockquote>"
	    "<blockquote><p>Words<br>\xe2\x80\x94 <cite>Zed</cite></p></blockquote>"
	    "<ul><li>Item <div class=\"wp-caption-text\">cap</div> more</li></ul>");
	CHECK_INT(a->nblocks, 3);
	CHECK_STR(text(a, 0), "Text.");
	CHECK_STR(text(a, 1), "Words");
	CHECK_STR(text(a, 2), "Item more");
	CHECK_INT(a->nquotes, 2);
	CHECK_STR(a->nquotes > 1 ? a->quotes[0].cite_raw : NULL, "Name");
	CHECK_STR(a->nquotes > 1 ? a->quotes[1].cite_raw : NULL, "Zed");
	article_free(a);

	a = build("<p><q>out <q>in</q> end</q></p>");
	CHECK_STR(text(a, 0), "\xe2\x80\x9cout \xe2\x80\x9cin\xe2\x80\x9d end\xe2\x80\x9d");
	CHECK_INT(a->nquotes, 1);
	CHECK_STR(a->nquotes ? a->quotes[0].text : NULL, "out \xe2\x80\x9cin\xe2\x80\x9d end");
	article_free(a);
}

/* 10,000 nested elements must not exhaust the C stack. */
static void
test_deep(void)
{
	htmlDocPtr doc = htmlNewDocNoDtD(NULL, NULL);
	xmlNode *html = xmlNewDocNode(doc, NULL, (const xmlChar *)"html", NULL);
	xmlDocSetRootElement(doc, html);
	xmlNode *body = xmlNewChild(html, NULL, (const xmlChar *)"body", NULL);
	xmlNode *n = body;
	static const char *const names[] = { "div", "blockquote", "span", "ul", "li", "em", "a" };
	for (int i = 0; i < 10000; i++) {
		n = xmlNewChild(n, NULL, (const xmlChar *)names[i % 7], (const xmlChar *)(i % 100 == 0 ? "w" : NULL));
		if (i % 7 == 6)
			xmlNewProp(n, (const xmlChar *)"href", (const xmlChar *)"/d");
	}
	xmlNewChild(n, NULL, (const xmlChar *)"p", (const xmlChar *)"bottom");
	struct article *a = article_create();
	blocks_build(body, BASE, a);
	CHECK(a->nblocks > 0);
	CHECK_STR(a->nblocks ? a->blocks[a->nblocks - 1].text : NULL, "bottom");
	CHECK(a->nlinks > 1000);
	article_free(a);
	xmlFreeDoc(doc);

	/* Styles nested in themselves add no spans: no quadratic span count. */
	struct buf nest = {0};
	for (int i = 0; i < 3000; i++)
		buf_puts(&nest, "<em><a href=\"/n\"><p>x");
	a = build(buf_str(&nest));
	buf_free(&nest);
	size_t spans = 0;
	for (size_t i = 0; i < a->nblocks; i++)
		spans += a->blocks[i].nspans;
	CHECK(a->nblocks >= 3000);
	CHECK(spans <= 2 * a->nblocks);
	CHECK_INT(a->nlinks, 3000);
	article_free(a);

	/* And through the parser, as a page would arrive. */
	struct buf b = {0};
	for (int i = 0; i < 10000; i++)
		buf_puts(&b, "<div><span>");
	buf_puts(&b, "deep text");
	a = build(buf_str(&b));
	CHECK_INT(a->nblocks, 1);
	CHECK_STR(text(a, 0), "deep text");
	article_free(a);
	buf_free(&b);
}

static void
test_block_theme(void)
{
	struct article *a = build_in(
	    "<div class=\"wp-site-blocks\"><header class=\"wp-block-template-part\"><p class=\"wp-block-site-title\">"
	    "<a href=\"/\">Site</a></p></header><main class=\"wp-block-group\">"
	    "<h1 class=\"wp-block-post-title\">Title</h1>"
	    "<div class=\"entry-content wp-block-post-content is-layout-constrained\">"
	    "<p>Opening <strong>words</strong>.</p>"
	    "<h2 class=\"wp-block-heading\" id=\"part\">Part one</h2>"
	    "<ul class=\"wp-block-list\"><li>Alpha</li><li>Beta</li></ul>"
	    "<blockquote class=\"wp-block-quote is-layout-flow\"><p>Quoted line.</p><cite>Someone, "
	    "<em>A Work</em></cite></blockquote>"
	    "<figure class=\"wp-block-pullquote\"><blockquote><p>Pull line.</p><cite>Puller</cite></blockquote></figure>"
	    "<pre class=\"wp-block-code\"><code>make  check</code></pre>"
	    "<hr class=\"wp-block-separator has-alpha-channel-opacity\"/>"
	    "<figure class=\"wp-block-image size-large\"><img decoding=\"async\" src=\"/wp-content/uploads/x.jpg\" alt=\"X\"/></figure>"
	    "<div class=\"wp-block-buttons\"><div class=\"wp-block-button\"><a class=\"wp-block-button__link\" "
	    "href=\"https://ex.com/go\">Go there</a></div></div>"
	    "</div></main><footer class=\"wp-block-template-part\"><p>Footer</p></footer></div>",
	    "wp-block-post-content");
	CHECK_INT(a->nblocks, 10);
	CHECK_STR(text(a, 0), "Opening words.");
	CHECK_INT(kind(a, 1), BLOCK_HEADING);
	CHECK_STR(text(a, 2), "Alpha");
	CHECK_STR(text(a, 4), "Quoted line.");
	CHECK_INT(a->blocks[4].quote, 1);
	CHECK_STR(text(a, 5), "Pull line.");
	CHECK_INT(a->blocks[5].quote, 1);
	CHECK_STR(text(a, 6), "make  check");
	CHECK_INT(kind(a, 7), BLOCK_RULE);
	CHECK_STR(a->blocks[8].src, "https://example.org/wp-content/uploads/x.jpg");
	CHECK_STR(text(a, 9), "Go there");
	CHECK_INT(a->nquotes, 2);
	CHECK_STR(a->nquotes > 0 ? a->quotes[0].cite_raw : NULL, "Someone, A Work");
	CHECK_STR(a->nquotes > 1 ? a->quotes[1].cite_raw : NULL, "Puller");
	CHECK_INT(a->nlinks, 1);
	CHECK_INT(a->links[0].heading, 1);
	article_free(a);
}

/* The block-theme page under tests/fixtures/blocks, whole. */
static void
test_block_theme_page(void)
{
	char *html;
	size_t len;
	char *err = NULL;
	const char *top = getenv("TOP");
	char *path = xasprintf("%s/tests/fixtures/blocks/block-theme.html", top ? top : ".");
	if (read_file(path, 1 << 20, &html, &len, &err) != 0) {
		fprintf(stderr, "%s\n", err);
		free(err);
		free(path);
		test_failed++;
		return;
	}
	free(path);
	struct article *a = build_in(html, "wp-block-post-content");
	free(html);
	size_t heads = 0, items = 0, images = 0, rules = 0, pre = 0, paras = 0;
	for (size_t i = 0; i < a->nblocks; i++) {
		switch (a->blocks[i].kind) {
		case BLOCK_HEADING: heads++; break;
		case BLOCK_LIST_ITEM: items++; break;
		case BLOCK_IMAGE: images++; break;
		case BLOCK_RULE: rules++; break;
		case BLOCK_PREFORMATTED: pre++; break;
		case BLOCK_PARAGRAPH: paras++; break;
		}
	}
	CHECK_INT(heads, 3);
	CHECK_INT(items, 5);
	CHECK_INT(images, 1);
	CHECK_INT(rules, 1);
	CHECK_INT(pre, 1);
	CHECK_INT(paras, 11);   /* the figcaption is not one */
	CHECK_STR(text(a, 0), "Every spring the river below our house forgets its manners. For eleven months "
	    "it is a polite thing, brown and slow; in April it remembers it was once a glacier.");
	CHECK_INT(a->nquotes, 2);
	if (a->nquotes == 2) {
		CHECK_INT(a->quotes[0].kind, QUOTE_BLOCK);
		CHECK_STR(a->quotes[0].cite_raw, "Hester Vale, The Ferryman\xe2\x80\x99s Almanac (1911)");
		CHECK_INT(a->quotes[0].last_block - a->quotes[0].first_block, 1);
		CHECK_INT(a->quotes[1].kind, QUOTE_PULL);
		CHECK_STR(a->quotes[1].cite_raw, "from the harbour log");
	}
	CHECK_INT(a->nlinks, 3);
	if (a->nlinks == 3) {
		CHECK_STR(a->links[0].url, "https://riverwatch.example.org/gauges/lower-ferry");
		CHECK_INT(a->links[0].heading, -1);
		CHECK_STR(a->links[1].url, "https://slowwater.example.com/2019/04/the-thaw/");
		CHECK_STR(a->blocks[a->links[1].heading].text, "Reading the gauge");
		CHECK_STR(a->links[2].url, "https://slowwater.example.com/about/");
	}
	for (size_t i = 0; i < a->nblocks; i++) {
		CHECK(strstr(a->blocks[i].text, "Proudly powered") == NULL);
		CHECK(strstr(a->blocks[i].text, "Slow Water") == NULL);
	}
	article_free(a);
}

int
main(void)
{
	test_paragraphs();
	test_numbered_headings();
	test_anchors();
	test_headings_and_links();
	test_urls();
	test_spans();
	test_lists();
	test_pre();
	test_images();
	test_tables();
	test_quotes();
	test_deep();
	test_block_theme();
	test_block_theme_page();
	return test_done("blocks");
}
