/* test_wxr.c — WordPress exports: wpautop against the outputs WordPress's
 * own function gives, shortcodes, block comments, detection, and parsing a
 * small export (types, statuses, authors, dates, tags, attachments). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "blog.h"
#include "test.h"
#include "wxr.h"

/* wpautop input → output, as WordPress's wpautop($text) returns it. */
static const struct {
	const char *in, *out;
} autop_cases[] = {
	{ "", "" },
	{ "  \n\t ", "" },
	{ "One.", "<p>One.</p>\n" },
	{ "a\n\nb", "<p>a</p>\n<p>b</p>\n" },
	{ "a\n \n\n\nb", "<p>a</p>\n<p>b</p>\n" },
	{ "Hello\nWorld", "<p>Hello<br />\nWorld</p>\n" },
	{ "a\r\n\r\nb", "<p>a</p>\n<p>b</p>\n" },
	{ "<blockquote>Quote</blockquote>", "<blockquote><p>Quote</p></blockquote>\n" },
	{ "Text\n<div>x</div>\nmore", "<p>Text</p>\n<div>x</div>\n<p>more</p>\n" },
	{ "<ul>\n<li>one</li>\n<li>two</li>\n</ul>", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n" },
	{ "a <br> <br/> b", "<p>a </p>\n<p> b</p>\n" },
	{ "<p>already</p>\n\nnext", "<p>already</p>\n<p>next</p>\n" },
	{ "<pre>a\n\nb</pre>", "<pre>a\n\nb</pre>\n" },
	{ "x\n<pre>k\n\n  v</pre>\ny", "<p>x</p>\n<pre>k\n\n  v</pre>\n<p>y</p>\n" },
	{ "<script>a\nb</script>", "<p><script>a\nb</script></p>\n" },
	{ "x <a\nhref=\"y\">z</a>", "<p>x <a\nhref=\"y\">z</a></p>\n" },
	{ "<h2>Head</h2>\nBody", "<h2>Head</h2>\n<p>Body</p>\n" },
	{ "a<hr>b", "<p>a</p>\n<hr>\n<p>b</p>\n" },
	{ "<div>Inside</div>", "<div>Inside</div>\n" },
	{ "<div>\nInside\n</div>", "<div>\nInside\n</div>\n" },
	{ "<div>\n\nInside\n\n</div>", "<div>\n<p>Inside</p>\n</div>\n" },
	{ "a<!--more-->\nb", "<p>a<!--more--><br />\nb</p>\n" },
	{ "<figure><img src=\"x\">\n<figcaption>Cap</figcaption></figure>",
	  "<figure><img src=\"x\"><figcaption>Cap</figcaption></figure>\n" },
};

/* Shortcode input → output. */
static const struct {
	const char *in, *out;
} shortcode_cases[] = {
	{ "no codes", "no codes" },
	{ "a [sic] b", "a [sic] b" },
	{ "[citation needed]", "[citation needed]" },
	{ "[[gallery]]", "[gallery]" },
	{ "[[anything at all]]", "[anything at all]" },
	{ "[[x]]", "[x]" },
	{ "[highlight color=\"red\"]Key[/highlight] text", "Key text" },
	{ "[box]inner [b]bold[/b][/box]", "inner bold" },
	{ "[note /]after", "after" },
	{ "[unknown a=1]", "" },
	{ "[caption id=\"a1\" width=\"300\"]<img src=\"i.jpg\" alt=\"\" /> The caption[/caption]",
	  "<figure class=\"wp-caption\"><img src=\"i.jpg\" alt=\"\" /><figcaption class=\"wp-caption-text\"> "
	  "The caption</figcaption></figure>" },
	{ "[caption caption=\"Attr cap\"]<a href=\"big.jpg\"><img src=\"i.jpg\"></a>[/caption]",
	  "<figure class=\"wp-caption\"><a href=\"big.jpg\"><img src=\"i.jpg\"></a><figcaption "
	  "class=\"wp-caption-text\">Attr cap</figcaption></figure>" },
	{ "[embed]https://v.example/x[/embed]",
	  "<p><a href=\"https://v.example/x\">https://v.example/x</a></p>" },
	{ "[video mp4=\"https://v.example/a.mp4\"][/video]",
	  "<p><a href=\"https://v.example/a.mp4\">https://v.example/a.mp4</a></p>" },
	{ "[audio]", "" },
	{ "[audio https://a.example/s.mp3]",
	  "<p><a href=\"https://a.example/s.mp3\">https://a.example/s.mp3</a></p>" },
	{ "[video width=\"640\" 'https://a.example/v.mp4']",
	  "<p><a href=\"https://a.example/v.mp4\">https://a.example/v.mp4</a></p>" },
	{ "[embed]javascript:alert(1)[/embed]", "" },
	{ "[gallery]", "" },
	{ "a [ b ] c [", "a [ b ] c [" },
	{ "[x y=\"[1]\"]", "[x y=\"[1]\"]" },
};

/* Attachment lookups for the gallery test: ids 5 and 6, children of 9. */
static const char *
fake_url(const struct wxr_media *m, long long id)
{
	(void)m;
	return id == 5 ? "https://e.example/5.jpg" : id == 6 ? "https://e.example/6.jpg" : NULL;
}

static size_t
fake_children(const struct wxr_media *m, long long parent, long long *ids, size_t max)
{
	(void)m;
	if (parent != 9 || max < 2)
		return 0;
	ids[0] = 6;
	ids[1] = 5;
	return 2;
}

static void
test_autop(void)
{
	struct wxr_autop *ap = wxr_autop_create();
	for (size_t i = 0; i < sizeof autop_cases / sizeof autop_cases[0]; i++) {
		char *got = wxr_autop_run(ap, autop_cases[i].in);
		CHECK_STR(got, autop_cases[i].out);
		free(got);
	}
	wxr_autop_free(ap);
	wxr_autop_free(NULL);
}

static void
test_shortcodes(void)
{
	for (size_t i = 0; i < sizeof shortcode_cases / sizeof shortcode_cases[0]; i++) {
		char *got = wxr_shortcodes(shortcode_cases[i].in, NULL);
		CHECK_STR(got, shortcode_cases[i].out);
		free(got);
	}
	struct wxr_shortcode_env env = { .url = fake_url, .children = fake_children, .post_id = 9 };
	char *g = wxr_shortcodes("[gallery ids=\"5, 6,7\"]", &env);
	CHECK_STR(g, "<figure class=\"gallery\"><img src=\"https://e.example/5.jpg\" alt=\"\">"
	    "<img src=\"https://e.example/6.jpg\" alt=\"\"></figure>");
	free(g);
	g = wxr_shortcodes("[gallery columns=\"2\"]", &env);
	CHECK_STR(g, "<figure class=\"gallery\"><img src=\"https://e.example/6.jpg\" alt=\"\">"
	    "<img src=\"https://e.example/5.jpg\" alt=\"\"></figure>");
	free(g);
	/* Deep nesting ends; it never recurses without bound. */
	struct buf deep = {0};
	for (int i = 0; i < 5000; i++)
		buf_puts(&deep, "[n a=1]");
	buf_puts(&deep, "core");
	for (int i = 0; i < 5000; i++)
		buf_puts(&deep, "[/n]");
	g = wxr_shortcodes(buf_str(&deep), NULL);
	CHECK(strstr(g, "core") != NULL);
	free(g);
	buf_free(&deep);
}

static void
test_blocks_and_render(void)
{
	int had;
	char *s = wxr_strip_blocks("<!-- wp:paragraph -->\n<p>x</p>\n<!-- /wp:paragraph -->"
	    "<!-- wp:separator /--><!--more--><!-- wp:image {\"id\":3} -->", &had);
	CHECK_STR(s, "\n<p>x</p>\n<!--more-->");
	CHECK_INT(had, 1);
	free(s);
	s = wxr_strip_blocks("plain <!-- note --> text", &had);
	CHECK_STR(s, "plain <!-- note --> text");
	CHECK_INT(had, 0);
	free(s);
	/* Blocks: no wpautop (WordPress removes it for block content). */
	s = wxr_render("<!-- wp:paragraph --><p>a\nb</p><!-- /wp:paragraph -->", NULL);
	CHECK_STR(s, "<p>a\nb</p>");
	free(s);
	s = wxr_render("a\n\n[b x=1]c[/b]", NULL);
	CHECK_STR(s, "<p>a</p>\n<p>c</p>\n");
	free(s);
}

static void
test_detect(void)
{
	static const char wxr[] = "\xef\xbb\xbf<?xml version=\"1.0\"?>\n<!-- c -->\n"
	    "<rss version=\"2.0\" xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel/></rss>";
	CHECK_INT(blog_detect(wxr, sizeof wxr - 1), BLOG_WXR);
	static const char rss[] = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"]>\">]>"
	    "<rss version=\"2.0\"><channel/></rss>";
	CHECK_INT(blog_detect(rss, sizeof rss - 1), BLOG_RSS);
	static const char atom[] = "<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>";
	CHECK_INT(blog_detect(atom, sizeof atom - 1), BLOG_ATOM);
	static const char html[] = "<!DOCTYPE html><html><body><rss></rss></body></html>";
	CHECK_INT(blog_detect(html, sizeof html - 1), BLOG_NONE);
	CHECK_INT(blog_detect("", 0), BLOG_NONE);
	CHECK_INT(blog_detect("<!--", 4), BLOG_NONE);
	CHECK_STR(blog_kind_name(BLOG_WXR), "WordPress export");
}

static const char export_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:wp=\"http://wordpress.org/export/1.1/\">"
    "<channel><title>Site</title><language>de</language>"
    "<wp:author><wp:author_login>al</wp:author_login>"
    "<wp:author_display_name><![CDATA[Al Bee]]></wp:author_display_name></wp:author>"
    "<item><title>One &lt;em&gt;x&lt;/em&gt; &amp;amp; y</title><link>https://s.example/one/</link><dc:creator>al</dc:creator>"
    "<content:encoded><![CDATA[Para one.\n\nPara two.]]></content:encoded>"
    "<wp:post_id>1</wp:post_id><wp:post_date_gmt>2020-02-03 04:05:06</wp:post_date_gmt>"
    "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
    "<category domain=\"category\">News</category><category domain=\"post_tag\">news</category>"
    "<category domain=\"post_tag\">Misc</category></item>"
    "<item><title>Two</title><link>https://s.example/two/</link><dc:creator>nobody</dc:creator>"
    "<pubDate>Mon, 02 Mar 2020 10:00:00 +0100</pubDate>"
    "<wp:post_date_gmt>0000-00-00 00:00:00</wp:post_date_gmt>"
    "<wp:status>private</wp:status><wp:post_type>page</wp:post_type></item>"
    "<item><title>Pic</title><wp:post_id>7</wp:post_id><wp:post_parent>1</wp:post_parent>"
    "<wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type>"
    "<wp:attachment_url>https://s.example/p.jpg</wp:attachment_url></item>"
    "</channel></rss>";

static void
test_parse(void)
{
	char *err = NULL;
	struct blog *b = wxr_parse(export_xml, sizeof export_xml - 1, NULL, &err);
	CHECK(b != NULL);
	if (b == NULL)
		return;
	CHECK_STR(b->site_title, "Site");
	CHECK_STR(b->language, "de");
	CHECK_INT(b->nitems, 1);
	CHECK_INT(b->nskipped, 2);
	CHECK_STR(buf_str(&b->skipped), "1 private, 1 attachment");
	struct blog_item *it = &b->items[0];
	CHECK_STR(it->title, "One <em>x</em> &amp; y");
	CHECK_STR(it->author, "Al Bee");
	CHECK_STR(it->published, "2020-02-03T04:05:06+00:00");
	CHECK_STR(it->link, "https://s.example/one/");
	CHECK_INT(it->ntags, 2);   /* "news" repeats "News" */
	CHECK_STR(it->html, "<p>Para one.</p>\n<p>Para two.</p>\n");
	size_t len;
	char *page = blog_item_page(b, it, &len);
	CHECK(strstr(page, "<link rel=\"canonical\" href=\"https://s.example/one/\">") != NULL);
	struct article *a = blog_item_article(b, it, page, len);
	CHECK_INT(a->nblocks, 2);
	CHECK_STR(a->title, "One x & y");   /* as a theme shows it */
	CHECK_STR(a->author, "Al Bee");
	CHECK_STR(a->site_name, "Site");
	CHECK_STR(a->canonical_url, "https://s.example/one/");
	article_free(a);
	free(page);
	blog_free(b);

	struct wxr_options opt = { .statuses = "publish,private" };
	b = wxr_parse(export_xml, sizeof export_xml - 1, &opt, &err);
	CHECK(b != NULL && b->nitems == 2);
	if (b != NULL && b->nitems == 2) {
		CHECK_STR(b->items[1].author, "nobody");   /* no wp:author: the login */
		CHECK_STR(b->items[1].published, "2020-03-02T10:00:00+01:00");
		CHECK(b->items[1].html != NULL && b->items[1].html[0] == '\0');
	}
	blog_free(b);
	blog_free(NULL);

	CHECK(wxr_parse("<html/>", 7, NULL, &err) == NULL);
	CHECK(err != NULL);
	free(err);
	err = NULL;
	CHECK(wxr_parse("", 0, NULL, &err) == NULL);
	free(err);
}

/* What a wxr_read callback saw. */
struct seen_batches {
	int calls, stop_after;
	size_t firsts[8], totals[8];
	char *titles[8];
};

/* Record one batch (of one item); stop when asked to. */
static int
on_batch(struct blog *b, void *arg)
{
	struct seen_batches *s = arg;
	if (s->calls < 8) {
		s->firsts[s->calls] = b->first;
		s->totals[s->calls] = b->total;
		s->titles[s->calls] = b->nitems > 0 && b->items[0].title ? strdup(b->items[0].title) : NULL;
	}
	s->calls++;
	return s->stop_after > 0 && s->calls >= s->stop_after;
}

/* Write len bytes to a new temporary file; returns its path (free it). */
static char *
temp_file(const char *data, size_t len)
{
	char *path = strdup("/tmp/quire-test-wxr-XXXXXX");
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd >= 0) {
		CHECK(write(fd, data, len) == (ssize_t)len);
		close(fd);
	}
	return path;
}

/* wxr_read streams a file (or walks bytes in memory) a batch at a time:
 * the same items as wxr_parse, each batch knowing where it stands, a
 * callback that stops the read, and a stream broken half-way that keeps
 * what came before and says where it stopped. */
static void
test_stream(void)
{
	char *path = temp_file(export_xml, sizeof export_xml - 1);
	struct wxr_options opt = { .statuses = "publish,private" };
	for (int from_file = 0; from_file < 2; from_file++) {
		struct seen_batches s = {0};
		struct blog *b = NULL;
		char *err = NULL;
		int rc = from_file ? wxr_read(path, NULL, 0, &opt, 1, on_batch, &s, &b, &err) :
		    wxr_read(NULL, export_xml, sizeof export_xml - 1, &opt, 1, on_batch, &s, &b, &err);
		CHECK_INT(rc, 0);
		CHECK_INT(s.calls, 2);
		CHECK_INT(s.firsts[0], 0);
		CHECK_INT(s.firsts[1], 1);
		CHECK_INT(s.totals[0], 2);
		CHECK_INT(s.totals[1], 2);
		CHECK_STR(s.titles[0], "One <em>x</em> &amp; y");
		CHECK_STR(s.titles[1], "Two");
		CHECK(b != NULL && b->nitems == 0 && b->total == 2);
		if (b != NULL) {
			CHECK_STR(b->site_title, "Site");
			CHECK_STR(buf_str(&b->skipped), "1 attachment");
		}
		blog_free(b);
		for (int i = 0; i < 2; i++)
			free(s.titles[i]);
		/* A callback that says stop is not called again. */
		struct seen_batches once = { .stop_after = 1 };
		CHECK_INT(wxr_read(from_file ? path : NULL, export_xml, sizeof export_xml - 1, &opt, 1,
		    on_batch, &once, &b, &err), 0);
		CHECK_INT(once.calls, 1);
		free(once.titles[0]);
		blog_free(b);
	}
	unlink(path);
	free(path);

	/* Broken half-way: streamed, the items before the damage are read and
	 * a warning says where the read stopped. */
	static const char broken[] =
	    "<?xml version=\"1.0\"?><rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel>"
	    "<title>S</title><item><title>Before</title><wp:post_type>post</wp:post_type></item>\n"
	    "<item><title>Filler</title><wp:post_type>revision</wp:post_type></item>\n";
	struct buf big = {0};
	buf_puts(&big, broken);
	for (int i = 0; i < 2000; i++)   /* room, so that the damage is read after the first item */
		buf_puts(&big, "<item><title>Filler</title><wp:post_type>revision</wp:post_type></item>\n");
	buf_puts(&big, "<item><title>Bad</titel></item></channel></rss>");
	path = temp_file(big.data, big.len);
	struct seen_batches s = {0};
	struct blog *b = NULL;
	char *err = NULL;
	CHECK_INT(wxr_read(path, NULL, 0, NULL, 1, on_batch, &s, &b, &err), 0);
	CHECK_INT(s.calls, 1);
	CHECK_STR(s.titles[0], "Before");
	free(s.titles[0]);
	CHECK(b != NULL && strstr(buf_str(&b->warnings), "cannot be read past line") != NULL);
	blog_free(b);
	unlink(path);
	free(path);
	buf_free(&big);

	/* Not XML at all: refused, the callback never called. */
	path = temp_file("\x89PNG\r\n", 6);
	struct seen_batches none = {0};
	CHECK_INT(wxr_read(path, NULL, 0, NULL, 1, on_batch, &none, &b, &err), -1);
	CHECK(err != NULL && b == NULL && none.calls == 0);
	free(err);
	unlink(path);
	free(path);
}

int
main(void)
{
	test_autop();
	test_shortcodes();
	test_blocks_and_render();
	test_detect();
	test_parse();
	test_stream();
	return test_done("test_wxr");
}
