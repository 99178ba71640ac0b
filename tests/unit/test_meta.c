/* test_meta.c — metadata extraction: each source of each field, the order
 * of trust between them, date normalisation, and hostile pages (broken or
 * deeply nested JSON-LD, authors that are URLs or logins), and what only
 * the visible text says (date lines, "Posted on/by", kickers). Small pages are
 * written inline; two whole pages live in tests/fixtures/meta/. */
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "article.h"
#include "meta.h"
#include "test.h"
#include "util.h"

/* Parse html, run meta_extract with url, and return the article. */
static struct article *
meta_of(const char *html, const char *url)
{
	htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), url, "UTF-8",
	    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	struct article *a = article_create();
	meta_extract(doc, url, a);
	xmlFreeDoc(doc);
	return a;
}

/* Whether a has tag t. */
static bool
has_tag(const struct article *a, const char *t)
{
	for (size_t i = 0; i < a->ntags; i++)
		if (strcmp(a->tags[i], t) == 0)
			return true;
	return false;
}

static void
test_title(void)
{
	struct article *a;
	/* <title> alone: the site suffix goes when it is the site's name. */
	a = meta_of("<html><head><title>A Winter Walk | Tom's Rambles</title>"
	    "<meta property='og:site_name' content=\"Tom's Rambles\"></head><body></body></html>", NULL);
	CHECK_STR(a->title, "A Winter Walk");
	CHECK_STR(a->site_name, "Tom's Rambles");
	article_free(a);
	/* No site name: a separator pattern splits it, the site part is the site name. */
	a = meta_of("<html><head><title>Notes on Salting Cod Slowly &#8211; Harbour Kitchen</title></head></html>", NULL);
	CHECK_STR(a->title, "Notes on Salting Cod Slowly");
	CHECK_STR(a->site_name, "Harbour Kitchen");
	article_free(a);
	/* Site first, the old default theme's "Blog Archive" in the middle. */
	a = meta_of("<html><head><title>Rambles &raquo; Blog Archive &raquo; Up the Long Hill</title></head><body>"
	    "<h1><a href='https://rambles.example/'>Rambles</a></h1><h2>Up the Long Hill</h2></body></html>", NULL);
	CHECK_STR(a->title, "Up the Long Hill");
	article_free(a);
	/* og:title over <title>, with its suffix stripped too. */
	a = meta_of("<html><head><title>Whatever | Site</title><meta property='og:title' content='The Real Title - Site'>"
	    "<meta property='og:site_name' content='Site'></head></html>", NULL);
	CHECK_STR(a->title, "The Real Title");
	article_free(a);
	/* JSON-LD headline over og:title. */
	a = meta_of("<html><head><meta property='og:title' content='SEO Title for Clicks'>"
	    "<script type='application/ld+json'>{\"@type\":\"BlogPosting\",\"headline\":\"The Headline\"}</script>"
	    "</head></html>", NULL);
	CHECK_STR(a->title, "The Headline");
	article_free(a);
	/* The visible post title (h1.entry-title, with a link and &nbsp;) over them all. */
	a = meta_of("<html><head><meta property='og:title' content='SEO Title'>"
	    "<script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"LD Title\"}</script></head>"
	    "<body><article><h1 class='entry-title'><a href='/x/'>Visible&nbsp;Post\n  Title</a></h1></article></body></html>",
	    NULL);
	CHECK_STR(a->title, "Visible Post Title");
	article_free(a);
	/* Block themes. */
	a = meta_of("<html><body><h1 class='wp-block-post-title'>Block Title</h1></body></html>", NULL);
	CHECK_STR(a->title, "Block Title");
	article_free(a);
	/* A logo h1 is not the title; twitter:title comes before <title>. */
	a = meta_of("<html><head><title>Site</title><meta name='twitter:title' content='Tweet Title'></head>"
	    "<body><h1 class='site-logo'>Site</h1></body></html>", NULL);
	CHECK_STR(a->title, "Tweet Title");
	article_free(a);
	/* A post heading a theme styles as .site-title is still the post's. */
	a = meta_of("<html><head><title>Asking for a Raise &#8211; Careers Office | College</title>"
	    "<meta property='og:title' content='Asking for a Raise - Careers Office'>"
	    "<meta property='og:site_name' content='Careers Office'></head>"
	    "<body><div class='site-title'><h1>Asking for a Raise</h1></div></body></html>", NULL);
	CHECK_STR(a->title, "Asking for a Raise");
	CHECK_STR(a->site_name, "Careers Office");
	article_free(a);
	/* A headline cut short loses to the whole title. */
	a = meta_of("<html><head><meta property='og:title' content='Ten Ways to Fold a Map (Including the Hard One) - Site'>"
	    "<meta property='og:site_name' content='Site'>"
	    "<script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"Ten Ways to Fold a Map (Including\"}"
	    "</script></head></html>", NULL);
	CHECK_STR(a->title, "Ten Ways to Fold a Map (Including the Hard One)");
	article_free(a);
	/* Guillemets and inner dashes survive; a dangling separator does not. */
	a = meta_of("<html><head><meta property='og:title' content='\xc2\xab" "Quoted \xe2\x80\x93 Title\xc2\xbb |'></head></html>",
	    NULL);
	CHECK_STR(a->title, "\xc2\xab" "Quoted \xe2\x80\x93 Title\xc2\xbb");
	article_free(a);
	/* Nothing at all. */
	a = meta_of("<html><body><p>text</p></body></html>", NULL);
	CHECK(a->title == NULL);
	CHECK(a->author == NULL && a->published == NULL && a->site_name == NULL);
	article_free(a);
}

static void
test_author(void)
{
	struct article *a;
	/* JSON-LD author by @id into @graph. */
	a = meta_of("<html><head><script type='application/ld+json'>{\"@graph\":["
	    "{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"author\":{\"@id\":\"#jane\"}},"
	    "{\"@type\":\"Person\",\"@id\":\"#jane\",\"name\":\"Jane Q. Writer\"}]}</script>"
	    "<meta name='author' content='Someone Else'></head></html>", NULL);
	CHECK_STR(a->author, "Jane Q. Writer");
	article_free(a);
	/* Arrays of authors, as strings and objects. */
	a = meta_of("<html><head><script type='application/ld+json'>[{\"@type\":\"Article\",\"headline\":\"H\","
	    "\"author\":[{\"@type\":\"Person\",\"name\":\"Ann Lee\"},\"Bo Chan\",{\"name\":\"Cy Diaz\"}]}]</script></head></html>",
	    NULL);
	CHECK_STR(a->author, "Ann Lee, Bo Chan, Cy Diaz");
	article_free(a);
	a = meta_of("<html><head><script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"H\","
	    "\"author\":[{\"name\":\"Ann Lee\"},{\"name\":\"Bo Chan\"}]}</script></head></html>", NULL);
	CHECK_STR(a->author, "Ann Lee and Bo Chan");
	article_free(a);
	/* An author that is a URL is skipped for the next source. */
	a = meta_of("<html><head><script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"H\","
	    "\"author\":\"https://example.com/author/jane/\"}</script>"
	    "<meta property='article:author' content='https://facebook.com/jane'>"
	    "<meta name='author' content='Jane Doe'></head></html>", NULL);
	CHECK_STR(a->author, "Jane Doe");
	article_free(a);
	/* "admin" loses to the theme's byline; a commenter never counts. */
	a = meta_of("<html><head><meta name='author' content='admin'></head><body><article>"
	    "<span class='byline'>by <span class='author vcard'><a class='url fn n' href='/author/kim/'>Kim Park</a></span></span>"
	    "</article><div id='comments'><div class='comment-author vcard'><cite class='fn'>Troll</cite></div></div>"
	    "</body></html>", NULL);
	CHECK_STR(a->author, "Kim Park");
	article_free(a);
	a = meta_of("<html><body><div id='comments' class='comments-area'><span class='author vcard'><b class='fn'>Troll</b>"
	    "</span></div><span class='byline'>By Ravi Menon on March 3, 2024</span></body></html>", NULL);
	CHECK_STR(a->author, "Ravi Menon");
	article_free(a);
	/* Only noise: better than nothing, but never an empty string. */
	a = meta_of("<html><head><meta name='author' content='admin'><meta name='description' content=''></head></html>", NULL);
	CHECK_STR(a->author, "admin");
	article_free(a);
	a = meta_of("<html><head><meta name='author' content='   '></head></html>", NULL);
	CHECK(a->author == NULL);
	article_free(a);
	/* Block theme author block; a rel=author link; a login loses to a name. */
	a = meta_of("<html><body><div class='wp-block-post-author__name'>Mira Sol</div></body></html>", NULL);
	CHECK_STR(a->author, "Mira Sol");
	article_free(a);
	a = meta_of("<html><head><script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"H\","
	    "\"author\":{\"name\":\"msol\"}}</script></head><body><a rel='author' href='/about/'>Mira Sol</a></body></html>", NULL);
	CHECK_STR(a->author, "Mira Sol");
	article_free(a);
	/* Byline lead-ins go, a name's own first word stays. */
	a = meta_of("<html><body><span class='byline'>von Max Muster | 3. Mai 2021</span></body></html>", NULL);
	CHECK_STR(a->author, "Max Muster");
	article_free(a);
	a = meta_of("<html><body><span class='author-name'>Di Stefano Lucia</span></body></html>", NULL);
	CHECK_STR(a->author, "Di Stefano Lucia");
	article_free(a);
	a = meta_of("<html><body><div class='post-author'>Written by <span class='user-name'>Ola Berg</span>"
	    "<span>Staff Writer</span></div></body></html>", NULL);
	CHECK_STR(a->author, "Ola Berg");
	article_free(a);
	/* A handle after the name is dropped. */
	a = meta_of("<html><head><meta name='author' content='Lu Wen @luwen'></head></html>", NULL);
	CHECK_STR(a->author, "Lu Wen");
	article_free(a);
}

static void
test_dates(void)
{
	struct article *a;
	a = meta_of("<html><head><script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"H\","
	    "\"datePublished\":\"2024-03-23T19:05:31Z\",\"dateModified\":\"2024-03-24T08:00:00.123+0000\"}</script>"
	    "</head></html>", NULL);
	CHECK_STR(a->published, "2024-03-23T19:05:31+00:00");
	CHECK_STR(a->modified, "2024-03-24T08:00:00+00:00");
	article_free(a);
	/* A time without offset takes the offset another date gives. */
	a = meta_of("<html><head><meta property='article:published_time' content='2024-03-23 19:05:31'>"
	    "<meta property='article:modified_time' content='2024-03-25T10:00:00-05:00'></head></html>", NULL);
	CHECK_STR(a->published, "2024-03-23T19:05:31-05:00");
	article_free(a);
	a = meta_of("<html><head><meta property='article:published_time' content='2024-03-23 19:05'></head></html>", NULL);
	CHECK_STR(a->published, "2024-03-23T19:05:00+00:00");
	article_free(a);
	/* Published wins over updated in theme markup. */
	a = meta_of("<html><body><article><time class='updated' datetime='2024-05-01T00:00:00+02:00'>May</time>"
	    "<time class='entry-date published' datetime='2024-04-01T09:30:00+02:00'>April</time></article></body></html>",
	    NULL);
	CHECK_STR(a->published, "2024-04-01T09:30:00+02:00");
	CHECK_STR(a->modified, "2024-05-01T00:00:00+02:00");
	article_free(a);
	/* Date-only stays a date; written dates in several languages. */
	a = meta_of("<html><head><meta name='dc.date' content='2021-06-30'></head></html>", NULL);
	CHECK_STR(a->published, "2021-06-30");
	article_free(a);
	a = meta_of("<html><body><span class='posted-on'>Posted on March 3rd, 2024</span></body></html>", NULL);
	CHECK_STR(a->published, "2024-03-03");
	article_free(a);
	a = meta_of("<html><body><span class='entry-date'>23. M\xc3\xa4rz 2024</span></body></html>", NULL);
	CHECK_STR(a->published, "2024-03-23");
	article_free(a);
	a = meta_of("<html><body><div class='meta-date'>19.11.2021</div></body></html>", NULL);
	CHECK_STR(a->published, "2021-11-19");
	article_free(a);
	a = meta_of("<html><body><abbr class='published' title='2017-07-23T17:06:45+0000'>23. Juli 2017</abbr></body></html>",
	    NULL);
	CHECK_STR(a->published, "2017-07-23T17:06:45+00:00");
	article_free(a);
	/* The URL's /yyyy/mm/dd/ as a last resort; nonsense is not a date. */
	a = meta_of("<html><body><span class='date'>Decided later</span></body></html>",
	    "https://blog.example/2019/02/14/a-post/");
	CHECK_STR(a->published, "2019-02-14");
	article_free(a);
	a = meta_of("<html><head><meta property='article:published_time' content='2024-13-45T99:00:00Z'>"
	    "<meta property='article:published_time' content='soon'></head></html>", NULL);
	CHECK(a->published == NULL);
	article_free(a);
	/* Microdata of other posts' teasers is not this post's date. */
	a = meta_of("<html><head><meta name='date' content='2020-01-02'></head><body>"
	    "<div itemscope itemtype='https://schema.org/Product'><meta itemprop='datePublished' content='2010-01-01'></div>"
	    "</body></html>", NULL);
	CHECK_STR(a->published, "2020-01-02");
	article_free(a);
	/* Only a modified date: used for published too. */
	a = meta_of("<html><head><meta property='article:modified_time' content='2023-01-01T00:00:00+00:00'></head></html>",
	    NULL);
	CHECK_STR(a->published, "2023-01-01T00:00:00+00:00");
	article_free(a);
}

/* Dates as a reader sees them: beside the post's title, in its byline, in
 * a date badge, after "Posted on"; and what must not pass for one. */
static void
test_visible_dates(void)
{
	struct article *a;
	/* A short element right after the title that is only a date. */
	a = meta_of("<html><body><div class='post'><h1>Ten Walks by the Sea</h1><p>January 22, 2014</p>"
	    "<p>We set out early.</p></div></body></html>", NULL);
	CHECK_STR(a->published, "2014-01-22");
	article_free(a);
	/* A header line: date, then a separator and the author. */
	a = meta_of("<html><body><h1>Mending Nets</h1><div class='single-head'>26 Mai, 2008 | <a>Jo</a> | "
	    "<a>Kommentare 4</a></div></body></html>", NULL);
	CHECK_STR(a->published, "2008-05-26");
	article_free(a);
	a = meta_of("<html><body><h1>Soup</h1><div class='detail'>September 1st, 2023 <span>By Ann Lee</span></div>"
	    "</body></html>", NULL);
	CHECK_STR(a->published, "2023-09-01");
	article_free(a);
	/* The date after the author in the same line; a lead-in before it. */
	a = meta_of("<html><body><header><h1>Soup</h1></header><p><a href='/a/'>Ann Lee</a> \xe2\x80\xa2 "
	    "Posted on November 4th, 2025</p></body></html>", NULL);
	CHECK_STR(a->published, "2025-11-04");
	article_free(a);
	/* A paragraph after the title that merely mentions a date is no date. */
	a = meta_of("<html><body><h1>Soup</h1><p>On March 3, 2019 we cooked soup.</p></body></html>", NULL);
	CHECK(a->published == NULL);
	article_free(a);
	/* A byline in a meta area. */
	a = meta_of("<html><body><div class='article-meta'>Ann Lee | 3 Comments | 12. April 2021</div></body></html>",
	    NULL);
	CHECK_STR(a->published, "2021-04-12");
	article_free(a);
	/* A date badge built from spans without spaces between them. */
	a = meta_of("<html><body><div class='datum'><span>Feb</span><span>18</span><span>2009</span></div>"
	    "</body></html>", NULL);
	CHECK_STR(a->published, "2009-02-18");
	article_free(a);
	/* itemprop=datePublished as visible text. */
	a = meta_of("<html><body><article itemscope itemtype='https://schema.org/Article'>"
	    "<span itemprop='datePublished'>28. Dezember 2022</span></article></body></html>", NULL);
	CHECK_STR(a->published, "2022-12-28");
	article_free(a);
	/* <time pubdate> and a <time> whose datetime holds a written date. */
	a = meta_of("<html><body><time datetime='2011-02-03T10:00:00+01:00'>x</time>"
	    "<time pubdate datetime='2011-01-02T10:00:00+01:00'>y</time></body></html>", NULL);
	CHECK_STR(a->published, "2011-01-02T10:00:00+01:00");
	article_free(a);
	a = meta_of("<html><body><article><time datetime='24. Januar 2022'>gestern</time></article></body></html>", NULL);
	CHECK_STR(a->published, "2022-01-24");
	article_free(a);
	/* A time's text in the post header, when it has no datetime. */
	a = meta_of("<html><body><article><header><h2>x</h2><time>Tuesday, 5 March 2019</time></header>"
	    "</article></body></html>", NULL);
	CHECK_STR(a->published, "2019-03-05");
	article_free(a);
	/* "Veröffentlicht am" anywhere in the post, also before an element. */
	a = meta_of("<html><body><div><p>Ver\xc3\xb6" "ffentlicht am 16.08.2019<br>Dauer: 1 Stunde</p></div></body></html>",
	    NULL);
	CHECK_STR(a->published, "2019-08-16");
	article_free(a);
	a = meta_of("<html><body><p>Published on <b>7 June 2018</b></p></body></html>", NULL);
	CHECK_STR(a->published, "2018-06-07");
	article_free(a);
	/* The old default theme's sentence, and a lead-in before an element. */
	a = meta_of("<html><body><p><small>This entry was posted on Wednesday, May 19th, 2010 at 11:03 pm and is "
	    "filed under <a href='/c/'>Notes</a>.</small></p></body></html>", NULL);
	CHECK_STR(a->published, "2010-05-19T23:03:00+00:00");
	article_free(a);
	a = meta_of("<html><body><div id='sidebar'><p><a rel='bookmark' href='/p/'>Lettern</a> wurde am "
	    "<nobr>19. Mai 2010</nobr> um <nobr>23:03</nobr> Uhr gepostet</p></div></body></html>", NULL);
	CHECK_STR(a->published, "2010-05-19");
	article_free(a);
	a = meta_of("<html><body><p>The essay, published on May 3, 2019 in the Times, was long.</p></body></html>", NULL);
	CHECK(a->published == NULL);
	article_free(a);
	/* A weak lead-in in running text is not enough. */
	a = meta_of("<html><body><p>On 7 June 2018</p></body></html>", NULL);
	CHECK(a->published == NULL);
	article_free(a);
	/* Comments are not the post: their dates do not count. */
	a = meta_of("<html><body><div id='comments'><h1>Soup</h1><p>January 2, 2015</p>"
	    "<p>Posted on January 3, 2015</p></div></body></html>", NULL);
	CHECK(a->published == NULL);
	article_free(a);
	/* Markup dates outrank what the header text shows. */
	a = meta_of("<html><head><meta property='article:published_time' content='2020-01-17T21:08:00+00:00'></head>"
	    "<body><h1>Forests</h1><p>January 19, 2020</p></body></html>", NULL);
	CHECK_STR(a->published, "2020-01-17T21:08:00+00:00");
	article_free(a);
}

/* When the page's own statements of publication disagree, the date the
 * reader sees decides between them; alone, it overrules none of them. */
static void
test_shown_date_agreement(void)
{
	struct article *a;
	/* JSON-LD says the 3rd, article:published_time and the byline the 6th. */
	a = meta_of("<html><head><meta property='article:published_time' content='2023-11-06T14:25:00+00:00'>"
	    "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Tides\","
	    "\"datePublished\":\"2023-11-03T10:25:56+00:00\"}</script></head><body><article><h1>Tides</h1>"
	    "<div class='byline'>Von Ina Berg <time datetime='2023-11-06T15:25:00+01:00'>6. November 2023, "
	    "15:25 Uhr</time></div><p>Text.</p></article></body></html>", NULL);
	CHECK_STR(a->published, "2023-11-06T14:25:00+00:00");
	article_free(a);
	/* The same without the byline: the JSON-LD stands. */
	a = meta_of("<html><head><meta property='article:published_time' content='2023-11-06T14:25:00+00:00'>"
	    "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Tides\","
	    "\"datePublished\":\"2023-11-03T10:25:56+00:00\"}</script></head><body><h1>Tides</h1></body></html>", NULL);
	CHECK_STR(a->published, "2023-11-03T10:25:56+00:00");
	article_free(a);
	/* <meta name=date> backs the shown date; the shown one gives the time. */
	a = meta_of("<html><head><meta name='date' content='November 25, 2025'>"
	    "<script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"Best Kettles\","
	    "\"datePublished\":\"2024-08-29T10:00:00+00:00\"}</script></head><body><h1>Best Kettles</h1>"
	    "<span class='posted-on'>Nov 25, 2025 5:00 am PST</span></body></html>", NULL);
	CHECK_STR(a->published, "2025-11-25T05:00:00-08:00");
	article_free(a);
	/* A shown date that only the modified time backs does not win. */
	a = meta_of("<html><head><meta property='article:published_time' content='2024-09-06T13:12:36+00:00'>"
	    "<meta property='article:modified_time' content='2025-11-14T06:49:57+00:00'></head><body>"
	    "<h1>Sorting Seeds</h1><div class='post-date'>November 14, 2025</div></body></html>", NULL);
	CHECK_STR(a->published, "2024-09-06T13:12:36+00:00");
	CHECK_STR(a->modified, "2025-11-14T06:49:57+00:00");
	article_free(a);
	/* A shown date labelled as an update does not settle a disagreement,
	 * nor does a <time datetime> inside the post count as a page statement. */
	a = meta_of("<html><head><meta name='date' content='2025-08-05'>"
	    "<script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"Knots\","
	    "\"datePublished\":\"2024-03-17T01:58:00-04:00\"}</script></head><body><h1>Knots</h1>"
	    "<time class='entry-date updated' datetime='2025-08-05T13:21:57-04:00'>Last Updated: August 5, 2025</time>"
	    "</body></html>", NULL);
	CHECK_STR(a->published, "2024-03-17T01:58:00-04:00");
	article_free(a);
}

/* A shown date labelled as an update is the modified date, however its
 * element is classed; a later label does not make it one. */
static void
test_update_labels(void)
{
	struct article *a;
	a = meta_of("<html><body><h1>Kelp</h1><span class='entry-date'>Last updated: June 2, 2025</span></body></html>",
	    "https://blog.example/2019/02/14/kelp/");
	CHECK_STR(a->published, "2019-02-14");
	CHECK_STR(a->modified, "2025-06-02");
	article_free(a);
	a = meta_of("<html><body><h1>Kelp</h1><div class='post-date'>Aktualisiert am 3. April 2024</div></body></html>", NULL);
	CHECK_STR(a->published, "2024-04-03");   /* the only date: published falls back to it */
	CHECK_STR(a->modified, "2024-04-03");
	article_free(a);
	/* A <time> after an update label, in a text node or a label element. */
	a = meta_of("<html><body><h1>Kelp</h1><p class='note'>Last updated: <time datetime='2026-01-12'>January 12, "
	    "2026</time></p></body></html>", "https://blog.example/2017/03/16/kelp/");
	CHECK_STR(a->published, "2017-03-16");
	CHECK_STR(a->modified, "2026-01-12");
	article_free(a);
	a = meta_of("<html><body><h1>Kelp</h1><span><span class='label'>Updated</span> <time class='entry-date "
	    "published updated' datetime='2026-01-25T12:56:29-07:00'>January 25, 2026</time></span></body></html>",
	    "https://blog.example/2015/05/12/kelp/");
	CHECK_STR(a->published, "2015-05-12");
	CHECK_STR(a->modified, "2026-01-25T12:56:29-07:00");
	article_free(a);
	a = meta_of("<html><body><h1>Kelp</h1><p>Published: <time datetime='2019-02-01'>1 Feb 2019</time> "
	    "(updated later)</p></body></html>", "https://blog.example/2015/05/12/kelp/");
	CHECK_STR(a->published, "2019-02-01");
	article_free(a);
	a = meta_of("<html><body><h1>Kelp</h1><span class='entry-date'>Published Oct 10, 2023 - [Updated Dec 3, 2025]"
	    "</span></body></html>", "https://blog.example/2019/02/14/kelp/");
	CHECK_STR(a->published, "2023-10-10");
	article_free(a);
}

/* Portuguese month names and the Romance and Dutch abbreviations. */
static void
test_more_months(void)
{
	static const struct { const char *text, *want; } cases[] = {
		{ "12 de mar\xc3\xa7o de 2024", "2024-03-12" },
		{ "Ter\xc3\xa7" "a-feira, 5 de novembro de 2019", "2019-11-05" },
		{ "1er janv. 2022", "2022-01-01" },
		{ "14 juil. 2021", "2021-07-14" },
		{ "3 ene 2020", "2020-01-03" },
		{ "9 ott 2018", "2018-10-09" },
		{ "28 mrt 2017", "2017-03-28" },
		{ "7 d\xc3\xa9" "c. 2016", "2016-12-07" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *html = xasprintf("<html><body><h1>Mar</h1><p>%s</p></body></html>", cases[i].text);
		struct article *a = meta_of(html, NULL);
		CHECK_STR(a->published, cases[i].want);
		article_free(a);
		free(html);
	}
	/* An English word is no month: "out" and "ago" stay words. */
	struct article *a = meta_of("<html><body><h1>Mar</h1><p>Sold out 3 2019</p><p>2 ago 2019</p></body></html>", NULL);
	CHECK(a->published == NULL);
	article_free(a);
}

/* Zone abbreviations after a written time. */
static void
test_zone_names(void)
{
	struct article *a;
	a = meta_of("<html><body><h1>Ferries</h1><p>March 3, 2024 at 9:15 pm EDT</p></body></html>", NULL);
	CHECK_STR(a->published, "2024-03-03T21:15:00-04:00");
	article_free(a);
	a = meta_of("<html><body><span class='entry-date'>3. M\xc3\xa4rz 2024, 08:05 MEZ</span></body></html>", NULL);
	CHECK_STR(a->published, "2024-03-03T08:05:00+01:00");
	article_free(a);
	a = meta_of("<html><body><span class='entry-date'>4 May 2024 10:00 AEST</span></body></html>", NULL);
	CHECK_STR(a->published, "2024-05-04T10:00:00+10:00");
	article_free(a);
	/* A zone word without a time is no zone; an unknown one leaves UTC. */
	a = meta_of("<html><body><span class='entry-date'>PST May 4, 2024</span></body></html>", NULL);
	CHECK_STR(a->published, "2024-05-04");
	article_free(a);
}

/* Titles: a host name standing for the site, a kicker before the title. */
static void
test_title_parts(void)
{
	struct article *a;
	/* A host name as the site part, even when the title is short. */
	a = meta_of("<html><head><title>harbour-notes.example //  &raquo; Jo Brandt</title></head><body></body></html>",
	    NULL);
	CHECK_STR(a->title, "Jo Brandt");
	article_free(a);
	a = meta_of("<html><head><title>Jo Brandt | harbour-notes.example</title></head><body></body></html>", NULL);
	CHECK_STR(a->title, "Jo Brandt");
	article_free(a);
	/* A kicker inside the heading that og:title and the headline leave out. */
	a = meta_of("<html><head><meta property='og:title' content='Harbour Dues Rise Again - What Owners Pay'>"
	    "<script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"Harbour Dues Rise Again "
	    "&#8211; What Owners Pay\"}</script></head><body><h1 class='entry-title'><span class='roofline'>Fishing "
	    "</span>Harbour Dues Rise Again &#8211; What Owners Pay</h1></body></html>", NULL);
	CHECK_STR(a->title, "Harbour Dues Rise Again \xe2\x80\x93 What Owners Pay");
	article_free(a);
	/* A kicker with a colon needs one source to agree. */
	a = meta_of("<html><head><meta property='og:title' content='Twelve Knots Every Sailor Ties'></head><body>"
	    "<h1><strong>Blog:</strong> Twelve Knots Every Sailor Ties</h1></body></html>", NULL);
	CHECK_STR(a->title, "Twelve Knots Every Sailor Ties");
	article_free(a);
	/* One source and no colon is not enough; nor is an article word. */
	a = meta_of("<html><head><meta property='og:title' content='Twelve Knots Every Sailor Ties'></head><body>"
	    "<h1>Sailing Twelve Knots Every Sailor Ties</h1></body></html>", NULL);
	CHECK_STR(a->title, "Sailing Twelve Knots Every Sailor Ties");
	article_free(a);
	a = meta_of("<html><head><meta property='og:title' content='Knots Every Sailor Ties'><meta name='twitter:title' "
	    "content='Knots Every Sailor Ties'></head><body><h1>The Knots Every Sailor Ties</h1></body></html>", NULL);
	CHECK_STR(a->title, "The Knots Every Sailor Ties");
	article_free(a);
}

/* Authors: the SEO plugins' "Written by" label, bylines in plain text,
 * logins with digits. */
static void
test_author_sources(void)
{
	struct article *a;
	a = meta_of("<html><head><meta name='twitter:label1' content='Verfasst von'>"
	    "<meta name='twitter:data1' content='Ida Marsh'><meta name='twitter:label2' content='Est. reading time'>"
	    "<meta name='twitter:data2' content='4 minutes'></head><body></body></html>", NULL);
	CHECK_STR(a->author, "Ida Marsh");
	article_free(a);
	/* A label on another entry names no author; a login is no name. */
	a = meta_of("<html><head><meta name='twitter:label1' content='Est. reading time'>"
	    "<meta name='twitter:data1' content='4 minutes'></head><body></body></html>", NULL);
	CHECK(a->author == NULL);
	article_free(a);
	a = meta_of("<html><head><meta name='twitter:label1' content='Written by'>"
	    "<meta name='twitter:data1' content='admin'></head><body></body></html>", NULL);
	CHECK(a->author == NULL);
	article_free(a);
	/* Twitter's early card markup puts the value in value=, not content=. */
	a = meta_of("<html><head><meta name='twitter:label1' value='Written by'>"
	    "<meta name='twitter:data1' value='Joan Rusk'></head><body></body></html>", NULL);
	CHECK_STR(a->author, "Joan Rusk");
	article_free(a);
	/* "Posted by" as plain text, alone or before the author's link. */
	a = meta_of("<html><body><div class='postdata'><span class='cat'>Posted by Konrad</span></div></body></html>",
	    NULL);
	CHECK_STR(a->author, "Konrad");
	article_free(a);
	a = meta_of("<html><body><h2>x</h2>Posted by Nessa under <a href='/c/'>Fun</a></body></html>", NULL);
	CHECK_STR(a->author, "Nessa");
	article_free(a);
	a = meta_of("<html><body><p>Written by <a href='/p/'>Ida Marsh</a></p></body></html>", NULL);
	CHECK_STR(a->author, "Ida Marsh");
	article_free(a);
	/* A bare "By" before a link to the author's page; not before another link. */
	a = meta_of("<html><body><div class='header'><h1>Gulls</h1><address>By <a href='/author/ihale/'> Ines Hale "
	    "</a></address></div></body></html>", NULL);
	CHECK_STR(a->author, "Ines Hale");
	article_free(a);
	a = meta_of("<html><body><h1>Gulls</h1><p>Von <span><a href='/autor/jkrell/'>Jonas Krell</a></span></p>"
	    "</body></html>", NULL);
	CHECK_STR(a->author, "Jonas Krell");
	article_free(a);
	a = meta_of("<html><body><h1>Gulls</h1><p>Photo by <a href='/shop/'>Sea Prints Ltd</a></p>"
	    "<p>By <a href='/tag/boats/'>Boats</a></p></body></html>", NULL);
	CHECK(a->author == NULL);
	article_free(a);
	/* An embedded post in a block quote is another page's byline. */
	a = meta_of("<html><body><blockquote><p>Posted by <a href='/x/'>Some Party</a> on "
	    "<a href='/y/'>Monday, February 7, 2022</a></p></blockquote></body></html>", NULL);
	CHECK(a->author == NULL);
	CHECK(a->published == NULL);
	article_free(a);
	/* The site's name before the author's goes. */
	a = meta_of("<html><head><meta property='og:site_name' content='Harbour Notes'>"
	    "<meta name='author' content='Harbour Notes - Ida Marsh'></head><body></body></html>", NULL);
	CHECK_STR(a->author, "Ida Marsh");
	article_free(a);
	/* A first name alone gives way to the full name another source states. */
	a = meta_of("<html><head><script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"H\","
	    "\"author\":{\"name\":\"Henrik\"}}</script></head><body><span class='byline'>By Henrik Sommer</span>"
	    "</body></html>", NULL);
	CHECK_STR(a->author, "Henrik Sommer");
	article_free(a);
	/* A one-word handle with digits ranks below a display name. */
	a = meta_of("<html><head><meta name='author' content='CC7567'></head><body>"
	    "<span class='author vcard'><span class='fn'>Jules Amery</span></span></body></html>", NULL);
	CHECK_STR(a->author, "Jules Amery");
	article_free(a);
}

/* A heading set in capitals gives way to the same title in upper and lower
 * case from another source, give or take a word; a capitals heading with
 * no such match, and a short acronym title, stay as they are. */
static void
test_shouted_title(void)
{
	static const struct {
		const char *html, *title;
	} cases[] = {
		{ "<html><head><title>Best Drip Coffee Maker 2026: Buying Tips From Pros</title></head>"
		  "<body><h1>BEST DRIP COFFEE MAKER IN 2026: BUYING TIPS FROM PROS</h1></body></html>",
		  "Best Drip Coffee Maker 2026: Buying Tips From Pros" },
		{ "<html><head><title>Notes | Harbour Blog</title></head>"
		  "<body><h1>THE LAST KEEPER OF THE NORTH LIGHT</h1></body></html>",
		  "THE LAST KEEPER OF THE NORTH LIGHT" },
		{ "<html><head><meta property='og:title' content='Nasa at sixty'></head>"
		  "<body><h1>NASA AT SIXTY</h1></body></html>", "Nasa at sixty" },
		{ "<html><head><title>The FAQ</title></head><body><h1>FAQ</h1></body></html>", "FAQ" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct article *a = meta_of(cases[i].html, NULL);
		CHECK_STR(a->title, cases[i].title);
		article_free(a);
	}
}

/* A byline of several names, each in its own element, is the author when
 * the chosen author is one of them; a job title after a name is no name. */
static void
test_coauthors(void)
{
	static const struct {
		const char *html, *author;
	} cases[] = {
		/* Co-Authors Plus: links to each author's page, ", " and " and ". */
		{ "<html><head><meta name='author' content='Jane Roe'></head><body><article>"
		  "<h1>Post</h1><div class='byline'>By <a href='/author/jane/'>Jane Roe</a>, "
		  "<a href='/author/john/'>John Doe</a> and <a href='/author/ann/'>Ann Lee</a></div>"
		  "</article></body></html>", "Jane Roe, John Doe and Ann Lee" },
		/* Separators in spans of their own, a title before a name. */
		{ "<html><head><script type='application/ld+json'>{\"@type\":\"Article\","
		  "\"headline\":\"H\",\"author\":{\"name\":\"Rui Maas\"}}</script></head><body>"
		  "<div class='authors'><a href='/a/'>Dr Rui Maas</a><span>, </span><a href='/b/'>Heba "
		  "Ledwon</a><span> &amp;</span> <a href='/c/'>Suparna Patel</a></div></body></html>",
		  "Dr Rui Maas, Heba Ledwon & Suparna Patel" },
		/* A name and a job title is one author. */
		{ "<html><head><meta name='author' content='Audrey Hale'></head><body>"
		  "<p class='byline'>By <a href='/author/audrey/'>Audrey Hale</a>, <span>Print Managing "
		  "Editor</span></p></body></html>", "Audrey Hale" },
		/* A list of other people's names leaves the author alone, and so
		 * does one in a sidebar that names her. */
		{ "<html><head><meta name='author' content='Mira Holt'></head><body>"
		  "<p>With thanks to <a href='/x/'>Tom Gale</a>, <a href='/y/'>Ida Marsh</a></p>"
		  "<aside class='sidebar'><div><a href='/m/'>Mira Holt</a>, <a href='/n/'>Noor Vance</a>"
		  "</div></aside></body></html>", "Mira Holt" },
		/* Names that a sentence goes on from are no byline. */
		{ "<html><head><meta name='author' content='Jane Roe'></head><body><p>"
		  "<a href='/a/'>Jane Roe</a>, <a href='/b/'>John Doe</a> and the rest of the crew "
		  "kept the light burning through the whole of that winter, writing in the log every "
		  "four hours whatever the weather did.</p></body></html>", "Jane Roe" },
		/* Names with nothing between them are no list. */
		{ "<html><head><meta name='author' content='Mira Holt'></head><body>"
		  "<div><a href='/m/'>Mira Holt</a><a href='/n/'>Noor Vance</a></div></body></html>",
		  "Mira Holt" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct article *a = meta_of(cases[i].html, NULL);
		CHECK_STR(a->author, cases[i].author);
		article_free(a);
	}
}

static void
test_other_fields(void)
{
	struct article *a;
	a = meta_of("<html lang='fr'><head><link rel='canonical' href='/b/post/'>"
	    "<meta property='og:url' content='https://other.example/'>"
	    "<meta name='description' content='A &amp; B'></head></html>", "https://a.example/x/y?z=1");
	CHECK_STR(a->canonical_url, "https://a.example/b/post/");
	CHECK_STR(a->language, "fr");
	CHECK_STR(a->description, "A & B");
	article_free(a);
	a = meta_of("<html><head><meta property='og:url' content='https://o.example/p/'>"
	    "<meta property='og:locale' content='pt_BR'></head></html>", NULL);
	CHECK_STR(a->canonical_url, "https://o.example/p/");
	CHECK_STR(a->language, "pt-BR");
	article_free(a);
	/* Site name from JSON-LD publisher, then from the theme's site title. */
	a = meta_of("<html><head><script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"H\","
	    "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Pub House\"}}</script></head></html>", NULL);
	CHECK_STR(a->site_name, "Pub House");
	article_free(a);
	a = meta_of("<html><body><p class='site-title'><a href='/'>Small Blog</a></p></body></html>", NULL);
	CHECK_STR(a->site_name, "Small Blog");
	article_free(a);
	/* Tags from metas, JSON-LD and the post footer, not the sidebar's cloud. */
	a = meta_of("<html><head><meta property='article:tag' content='one'>"
	    "<script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"H\",\"keywords\":\"two, three\","
	    "\"articleSection\":\"Four\"}</script></head><body><article><footer class='entry-footer'>"
	    "<a rel='category tag' href='/c/'>Five</a> <a rel='tag' href='/t/'>ONE</a></footer></article>"
	    "<aside class='widget-area'><a rel='tag' href='/t/x/'>cloud</a></aside></body></html>", NULL);
	CHECK_INT(a->ntags, 5);
	CHECK(has_tag(a, "one") && has_tag(a, "two") && has_tag(a, "three") && has_tag(a, "Four") && has_tag(a, "Five"));
	CHECK(!has_tag(a, "cloud"));
	article_free(a);
}

static void
test_hostile(void)
{
	struct article *a;
	/* Broken JSON-LD: the other sources still answer. */
	a = meta_of("<html><head><script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"Bro"
	    "</script><meta property='og:title' content='Fallback'></head></html>", NULL);
	CHECK_STR(a->title, "Fallback");
	article_free(a);
	/* Deep nesting: refused without a crash. */
	struct buf b = {0};
	buf_puts(&b, "<html><head><script type='application/ld+json'>");
	for (int i = 0; i < 200000; i++)
		buf_puts(&b, "[");
	buf_puts(&b, "</script><meta property='og:title' content='Still Here'></head></html>");
	a = meta_of(buf_str(&b), NULL);
	CHECK_STR(a->title, "Still Here");
	article_free(a);
	buf_free(&b);
	/* An @id cycle does not loop. */
	a = meta_of("<html><head><script type='application/ld+json'>{\"@graph\":["
	    "{\"@type\":\"Article\",\"headline\":\"H\",\"author\":{\"@id\":\"#a\"}},"
	    "{\"@id\":\"#a\",\"author\":{\"@id\":\"#b\"}},{\"@id\":\"#b\",\"x\":{\"@id\":\"#a\"}}]}</script></head></html>", NULL);
	CHECK_STR(a->title, "H");
	CHECK(a->author == NULL);
	article_free(a);
	/* Wrong types where strings belong. */
	a = meta_of("<html><head><script type='application/ld+json'>{\"@type\":[1,null,{}],\"headline\":[\"x\"]}</script>"
	    "<script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":{},\"author\":42,"
	    "\"datePublished\":7,\"keywords\":{\"a\":1}}</script></head></html>", NULL);
	CHECK(a->title == NULL && a->author == NULL && a->published == NULL);
	article_free(a);
	/* Control characters and bad bytes never reach the article. */
	a = meta_of("<html><head><meta property='og:title' content='Bell\x07 and \x1b[31mred\xff'></head></html>", NULL);
	CHECK(a->title != NULL && strchr(a->title, '\x1b') == NULL && strchr(a->title, '\x07') == NULL);
	article_free(a);
	/* Many JSON-LD objects. */
	buf_puts(&b, "<html><head><script type='application/ld+json'>[");
	for (int i = 0; i < 30000; i++)
		buf_printf(&b, "{\"@id\":\"#%d\",\"name\":\"n\"},", i);
	buf_puts(&b, "{\"@type\":\"Article\",\"headline\":\"Last\",\"author\":{\"@id\":\"#nope\"}}]</script></head></html>");
	a = meta_of(buf_str(&b), NULL);
	CHECK(a->title == NULL || strcmp(a->title, "Last") == 0);
	article_free(a);
	buf_free(&b);
	/* Author arrays nested four deep, each entry an @id among many objects:
	 * the lookups are budgeted, so this stays quick. */
	buf_puts(&b, "<html><head><script type='application/ld+json'>{\"@graph\":[");
	for (int i = 0; i < 5000; i++)
		buf_printf(&b, "{\"@id\":\"#x%d\",\"y\":1},", i);
	buf_puts(&b, "{\"@type\":\"Article\",\"headline\":\"Deep\",\"author\":");
	for (int d = 0; d < 4; d++)
		buf_puts(&b, "[");
	for (int i = 0; i < 16; i++)
		buf_printf(&b, "%s{\"@id\":\"#missing\"}", i ? "," : "");
	for (int d = 0; d < 4; d++)
		buf_puts(&b, "]");
	buf_puts(&b, "}]}</script></head></html>");
	a = meta_of(buf_str(&b), NULL);
	CHECK_STR(a->title, "Deep");
	CHECK(a->author == NULL);
	article_free(a);
	buf_free(&b);
	/* Menus nested in menus, the post at the bottom. */
	for (int i = 0; i < 200; i++)
		buf_puts(&b, "<nav class='sidebar'>");
	buf_puts(&b, "<main><h1 class='entry-title'>Buried</h1></main>");
	a = meta_of(buf_str(&b), NULL);
	CHECK(a->title == NULL || strcmp(a->title, "Buried") == 0);
	article_free(a);
	buf_free(&b);
	/* An empty document. */
	a = meta_of("", NULL);
	CHECK(a->title == NULL);
	article_free(a);
	meta_extract(NULL, NULL, a = article_create());
	CHECK(a->title == NULL);
	article_free(a);
}

/* Read tests/fixtures/meta/NAME under $TOP (or the working directory). */
static struct article *
fixture(const char *name, const char *url)
{
	const char *top = getenv("TOP");
	char *path = xasprintf("%s/tests/fixtures/meta/%s", top ? top : ".", name);
	char *data = NULL, *err = NULL;
	size_t len = 0;
	struct article *a = NULL;
	if (read_file(path, 1 << 20, &data, &len, &err) == 0)
		a = meta_of(data, url);
	else
		fprintf(stderr, "%s\n", err);
	free(err);
	free(data);
	free(path);
	return a;
}

static void
test_fixtures(void)
{
	struct article *a = fixture("classic.html", "https://fellnotes.example/2023/04/09/on-mending-dry-stone-walls/");
	CHECK(a != NULL);
	if (a != NULL) {
		CHECK_STR(a->title, "On Mending Dry-Stone Walls");
		CHECK_STR(a->author, "Rhiannon Pryce");
		CHECK_STR(a->published, "2023-04-09T08:15:00+01:00");
		CHECK_STR(a->modified, "2023-05-02T17:40:12+01:00");
		CHECK_STR(a->site_name, "Field Notes from the Fells");
		CHECK_STR(a->canonical_url, "https://fellnotes.example/2023/04/09/on-mending-dry-stone-walls/");
		CHECK_STR(a->language, "en-GB");
		CHECK(has_tag(a, "walling") && has_tag(a, "Landscape") && has_tag(a, "Crafts") && has_tag(a, "sheep"));
		CHECK(!has_tag(a, "cheese"));
	}
	article_free(a);
	a = fixture("block.html", NULL);
	CHECK(a != NULL);
	if (a != NULL) {
		CHECK_STR(a->title, "Warum Sauerteig Zeit braucht");
		CHECK_STR(a->author, "Lena Hofbauer and Jonas Weidinger");
		CHECK_STR(a->published, "2022-11-02T07:30:00+01:00");
		CHECK_STR(a->site_name, "Brotzeit Journal");
		CHECK_STR(a->canonical_url, "https://brotzeit.example/warum-sauerteig-zeit-braucht/");
		CHECK_STR(a->language, "de-DE");
		CHECK(has_tag(a, "Sauerteig") && has_tag(a, "Backen") && has_tag(a, "Brot") && has_tag(a, "Roggen"));
	}
	article_free(a);
}

int
main(void)
{
	test_title();
	test_author();
	test_dates();
	test_visible_dates();
	test_shown_date_agreement();
	test_zone_names();
	test_update_labels();
	test_more_months();
	test_title_parts();
	test_author_sources();
	test_coauthors();
	test_shouted_title();
	test_other_fields();
	test_hostile();
	test_fixtures();
	return test_done("test_meta");
}
