/* test_feed.c — RSS 2.0, RDF and Atom parsing, WordPress feed page URLs,
 * and the safe XML reader's handling of entities and broken markup. */
#include <stdlib.h>
#include <string.h>

#include "blog.h"
#include "feed.h"
#include "test.h"

static const char rss[] =
    "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
    " xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
    "<channel><title>Feed &amp; Co</title><link>https://f.example/</link>"
    "<atom:link rel=\"next\" href=\"/feed/?paged=2\"/>"
    "<item><title>Full</title><link>/a/</link><author>x@f.example (Ex)</author>"
    "<pubDate>Tue, 10 Nov 2020 12:00:00 GMT</pubDate><category>One</category>"
    "<description>short</description><content:encoded><![CDATA[<p>long</p>]]></content:encoded></item>"
    "<item><title>Short</title><guid>https://f.example/b/</guid><dc:creator>Dee</dc:creator>"
    "<dc:date>2020-11-09T08:00:00Z</dc:date><dc:subject>Two</dc:subject>"
    "<description>&lt;p&gt;only this&lt;/p&gt;</description></item>"
    "<item><title>NoLink</title><guid isPermaLink=\"false\">id-42</guid><description>d</description></item>"
    "</channel></rss>";

static const char rdf[] =
    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">"
    "<channel><title>Old</title><link>https://o.example/</link></channel>"
    "<item><title>Item</title><link>https://o.example/1</link><description>text</description></item>"
    "</rdf:RDF>";

static const char atom[] =
    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title>"
    "<link href=\"https://a.example/\"/><link rel=\"next\" href=\"https://a.example/feed?page=2\"/>"
    "<entry><title>E</title><id>urn:e</id><updated>2021-01-02T03:04:05-05:00</updated>"
    "<link rel=\"enclosure\" href=\"https://a.example/e.mp3\"/><link href=\"e.html\"/>"
    "<content type=\"text\">1 &lt; 2</content></entry>"
    "<entry><title>Ext</title><id>urn:x</id><content src=\"https://a.example/x\"/>"
    "<summary type=\"html\">&lt;b&gt;s&lt;/b&gt;</summary></entry></feed>";

static void
test_rss(void)
{
	char *err = NULL;
	struct blog *b = feed_parse(rss, sizeof rss - 1, "https://f.example/feed/", &err);
	CHECK(b != NULL);
	if (b == NULL)
		return;
	CHECK_INT(b->kind, BLOG_RSS);
	CHECK_STR(b->site_title, "Feed & Co");
	CHECK_STR(b->next_page, "https://f.example/feed/?paged=2");
	CHECK_INT(b->nitems, 3);
	CHECK_STR(b->items[0].link, "https://f.example/a/");
	CHECK_STR(b->items[0].html, "<p>long</p>");
	CHECK(!b->items[0].summary_only);
	CHECK_STR(b->items[0].author, "x@f.example (Ex)");
	CHECK_STR(b->items[0].published, "2020-11-10T12:00:00+00:00");
	CHECK_STR(b->items[1].link, "https://f.example/b/");   /* a permalink guid */
	CHECK_STR(b->items[1].html, "<p>only this</p>");
	CHECK(b->items[1].summary_only);
	CHECK_STR(b->items[1].author, "Dee");
	CHECK_STR(b->items[1].published, "2020-11-09T08:00:00+00:00");
	CHECK_INT(b->items[1].ntags, 1);
	CHECK(b->items[2].link == NULL);
	CHECK_STR(b->items[2].guid, "id-42");
	blog_free(b);

	b = feed_parse(rdf, sizeof rdf - 1, NULL, &err);
	CHECK(b != NULL && b->nitems == 1);
	if (b != NULL) {
		CHECK_STR(b->site_title, "Old");
		CHECK_STR(b->items[0].link, "https://o.example/1");
	}
	blog_free(b);
}

static void
test_atom(void)
{
	char *err = NULL;
	struct blog *b = feed_parse(atom, sizeof atom - 1, "https://a.example/feed", &err);
	CHECK(b != NULL);
	if (b == NULL)
		return;
	CHECK_INT(b->kind, BLOG_ATOM);
	CHECK_STR(b->site_url, "https://a.example/");
	CHECK_STR(b->next_page, "https://a.example/feed?page=2");
	CHECK_INT(b->nitems, 2);
	CHECK_STR(b->items[0].link, "https://a.example/e.html");
	CHECK_STR(b->items[0].html, "<p>1 &lt; 2</p>");
	CHECK_STR(b->items[0].published, "2021-01-02T03:04:05-05:00");
	CHECK_STR(b->items[1].html, "<b>s</b>");   /* out-of-line content: the summary */
	CHECK(b->items[1].summary_only);
	blog_free(b);
}

static void
test_safety(void)
{
	static const char xxe[] =
	    "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY e SYSTEM \"file:///etc/passwd\">"
	    "<!ENTITY i \"inner\">]><rss version=\"2.0\"><channel><title>T &e; &i;</title>"
	    "<item><title>x&e;</title><description>d &e;</description></item></channel></rss>";
	char *err = NULL;
	struct blog *b = feed_parse(xxe, sizeof xxe - 1, NULL, &err);
	CHECK(b != NULL);
	if (b != NULL) {
		CHECK_STR(b->site_title, "T");   /* neither entity expanded */
		CHECK_STR(b->items[0].title, "x");
		CHECK(strstr(buf_str(&b->warnings), "not expanded") != NULL);
	}
	blog_free(b);

	static const char broken[] =
	    "<rss version=\"2.0\"><channel><title>B</title><item><title>ok</title></item>"
	    "<item><title>bad</titl></item><item><title>\x01</title></item></channel></rss>";
	b = feed_parse(broken, sizeof broken - 1, NULL, &err);
	CHECK(b != NULL);
	if (b != NULL) {
		CHECK(b->nitems >= 1);
		CHECK_STR(b->items[0].title, "ok");
		CHECK(b->nwarnings >= 1);
		CHECK(strstr(buf_str(&b->warnings), "XML line") != NULL);
	}
	blog_free(b);

	CHECK(feed_parse("<html></html>", 13, NULL, &err) == NULL);
	CHECK_STR(err, "not an RSS or Atom feed");
	free(err);
}

static void
test_page_url(void)
{
	static const struct {
		const char *url;
		int n;
		const char *want;
	} cases[] = {
		{ "https://b.example/feed/", 2, "https://b.example/feed/?paged=2" },
		{ "https://b.example/?feed=rss2", 3, "https://b.example/?feed=rss2&paged=3" },
		{ "https://b.example/feed/?paged=2", 3, "https://b.example/feed/?paged=3" },
		{ "https://b.example/feed/?a=1&paged=9&b=2#top", 4, "https://b.example/feed/?a=1&b=2&paged=4" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = feed_page_url(cases[i].url, cases[i].n);
		CHECK_STR(got, cases[i].want);
		free(got);
	}
}

int
main(void)
{
	test_rss();
	test_atom();
	test_safety();
	test_page_url();
	return test_done("test_feed");
}
