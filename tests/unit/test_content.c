/* test_content.c — the content finder on small pages written for the
 * purpose: a non-WordPress article (the readability scorer), a classic
 * theme post with Jetpack share, like and related-post blocks inside
 * .entry-content, a page whose post sits beside a list of excerpts that
 * reuse .entry-content, and inline cases for hidden elements, the repeated
 * headline, chrome by class, and a paragraph that merely mentions sharing;
 * then embedded-post cards with their lead-in lines, schema.org cards of
 * other articles, prose asides, responsive duplicates, trailing thumbnail
 * grids and a standfirst printed outside the <article>. */
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "dom.h"
#include "html.h"
#include "test.h"
#include "util.h"

/* The text of the article root found in html, or NULL; newly allocated.
 * The page's metadata is as if read from https://example.org/post/. */
static char *
root_text(const char *html, size_t len, const char *title)
{
	htmlDocPtr doc = html_parse(html, len, "UTF-8", "https://example.org/post/", NULL);
	if (doc == NULL)
		return NULL;
	struct article *a = article_create();
	article_set(&a->title, title);
	article_set(&a->url, "https://example.org/post/");
	xmlNode *root = content_extract(doc, a);
	char *t = root != NULL ? dom_text(root) : NULL;
	article_free(a);
	xmlFreeDoc(doc);
	return t;
}

/* The root text of fixture file name under tests/fixtures/content. */
static char *
fixture_text(const char *name, const char *title)
{
	const char *top = getenv("TOP");
	char *path = xasprintf("%s/tests/fixtures/content/%s", top ? top : ".", name);
	char *data = NULL, *err = NULL;
	size_t len = 0;
	char *t = NULL;
	if (read_file(path, 1 << 20, &data, &len, &err) == 0)
		t = root_text(data, len, title);
	else
		fprintf(stderr, "%s\n", err);
	free(err);
	free(data);
	free(path);
	return t;
}

#define HAS(t, s) CHECK((t) != NULL && strstr((t), (s)) != NULL)
#define LACKS(t, s) CHECK((t) != NULL && strstr((t), (s)) == NULL)

static void
test_generic(void)
{
	char *t = fixture_text("generic.html", "The Lighthouse Keeper's Ledger");
	HAS(t, "For forty-one winters the keeper");
	HAS(t, "What the entries say");
	HAS(t, "which fishing family owned the first motor boat");
	LACKS(t, "Ten knots you should know");       /* sidebar */
	LACKS(t, "harbour letter");                  /* newsletter box */
	LACKS(t, "Copyright Harbour Notes");         /* footer */
	LACKS(t, "Tides");                           /* menu */
	LACKS(t, "The Lighthouse Keeper's Ledger");  /* headline */
	free(t);
}

static void
test_classic_jetpack(void)
{
	char *t = fixture_text("classic-jetpack.html", "Mending a Dry-Stone Wall");
	HAS(t, "A gap in a dry-stone wall grows every winter");
	HAS(t, "Building back up");
	HAS(t, "If you share the job with a friend");  /* talks about sharing: content */
	HAS(t, "outlast the fence posts by a century");
	LACKS(t, "Mending a Dry-Stone Wall");         /* the title */
	LACKS(t, "Ellis Pike");                       /* byline */
	LACKS(t, "Share this:");
	LACKS(t, "Twitter");
	LACKS(t, "Like this:");
	LACKS(t, "Loading...");
	LACKS(t, "Related");
	LACKS(t, "Laying a hedge in February");
	LACKS(t, "Advertisements");
	LACKS(t, "Buy our gloves");
	LACKS(t, "window.ads");
	LACKS(t, "Posted in");
	LACKS(t, "Leave a Reply");
	LACKS(t, "Sharpening a billhook");
	LACKS(t, "powered by WordPress");
	free(t);
}

static void
test_two_entries(void)
{
	char *t = fixture_text("two-entries.html", "Winter Sowing in Milk Jugs");
	HAS(t, "Winter sowing means planting seeds outdoors");
	HAS(t, "tomatoes and peppers are better left");
	LACKS(t, "Thirty neighbours");
	LACKS(t, "downpipe diverter");
	LACKS(t, "Also in the garden diary");
	free(t);
}

/* Wrap body paragraphs into a classic-theme page. */
static char *
page(const char *inside)
{
	return xasprintf("<html><head><title>T</title></head><body><article class=\"post\">"
	    "<div class=\"entry-content\">"
	    "<p>The first paragraph of the post is long enough to count as prose, with a comma, and more.</p>"
	    "%s"
	    "<p>The last paragraph of the post closes the argument, with a comma or two, and ends here.</p>"
	    "</div></article></body></html>", inside);
}

static void
test_inline(void)
{
	static const struct {
		const char *inside;
		const char *kept;      /* substring that must stay, or NULL */
		const char *dropped;   /* substring that must go, or NULL */
	} cases[] = {
		{"<p hidden>secret hidden words</p>", NULL, "secret hidden"},
		{"<div style=\"display: none\">invisible block text</div>", NULL, "invisible block"},
		{"<span aria-hidden=\"true\">icon label</span>", NULL, "icon label"},
		{"<p class=\"screen-reader-text\">Continue reading</p>", NULL, "Continue reading"},
		{"<div class=\"author-box\"><p>About the author: gardens a lot.</p></div>", NULL, "About the author"},
		{"<div class=\"post-tags\"><a href=\"/t/a\">alpha</a> <a href=\"/t/b\">beta</a></div>", NULL, "alpha"},
		{"<div class=\"addtoany_share_save_container\"><a href=\"/s\">Share on Mastodon</a></div>", NULL, "Mastodon"},
		{"<form class=\"mc4wp-form\"><p>Join the list for news.</p><input type=\"email\"></form>", NULL, "Join the list"},
		{"<h1 class=\"entry-title\">T</h1>", NULL, "T The first"},
		{"<p>Please share this recipe with anyone who bakes; sharing is how it reached us.</p>",
		    "Please share this recipe", NULL},
		{"<blockquote><p>A quoted line that matters.</p><footer>— Someone Quoted</footer></blockquote>",
		    "Someone Quoted", NULL},
		{"<h2>A section heading</h2><ul><li>first point of the list</li><li>second point</li></ul>",
		    "second point", NULL},
		/* An embedded post card takes its lead-in line with it. */
		{"<p><strong>Already read this?</strong></p><blockquote class=\"wp-embedded-content\">"
		    "<p><a href=\"https://example.org/owls/\">Owls of the valley</a></p></blockquote>",
		    NULL, "Already read this"},
		{"<p>Follow-up reading:</p><div class=\"c-embed-article\"><a href=\"/owls/\">Owls again</a></div>",
		    NULL, "Follow-up reading"},
		/* A sentence around a link to the same site is prose, not a teaser. */
		{"<p>Yes, it even does <a href=\"/cold-brew/\">cold brew</a>.</p>", "it even does", NULL},
		{"<div class=\"recipe-call-to-action\">Tried it? Tag us!</div>", NULL, "Tag us"},
		{"<div class=\"post--category\"><span>Orchards</span></div>", NULL, "Orchards"},
		/* A card marked up as another article, inside the body. */
		{"<ul><li itemscope itemtype=\"https://schema.org/Article\"><h3><a href=\"/pears/\">"
		    "Pruning pears</a></h3><p>In winter.</p></li></ul>", NULL, "Pruning pears"},
		/* An <aside> of prose inside the body is part of the article. */
		{"<aside class=\"note\"><p>A boxed note inside the post, with a paragraph of prose in it.</p>"
		    "<p>And a second paragraph in the box, long enough to count as one.</p></aside>",
		    "A boxed note inside", NULL},
		{"<aside><p><a href=\"/a/\">Elsewhere on the site</a></p></aside>", NULL, "Elsewhere"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *html = page(cases[i].inside);
		char *t = root_text(html, strlen(html), "T");
		HAS(t, "The first paragraph");
		HAS(t, "closes the argument");
		if (cases[i].kept != NULL)
			HAS(t, cases[i].kept);
		if (cases[i].dropped != NULL)
			LACKS(t, cases[i].dropped);
		if (test_failed > 0 && t != NULL && (cases[i].kept ? strstr(t, cases[i].kept) == NULL :
		    strstr(t, cases[i].dropped) != NULL))
			fprintf(stderr, "case %zu: %s\n", i, t);
		free(t);
		free(html);
	}
}

/* The lead paragraph printed in the article header joins the body; a
 * paragraph that is only a link to another post of the site goes, while a
 * link paragraph to another site stays. */
static void
test_lead_and_teasers(void)
{
	static const char html[] =
	    "<html><head><title>Pond</title><link rel=\"canonical\" href=\"https://www.example.org/pond/\">"
	    "</head><body><main><article class=\"post\">"
	    "<header class=\"entry-header\"><h1 class=\"entry-title\">Digging a wildlife pond</h1>"
	    "<div class=\"entry-excerpt\"><p>A small pond brings more life to a garden than any other single change.</p></div>"
	    "</header><div class=\"entry-content\">"
	    "<p>Choose a spot that gets sun for half the day, away from overhanging trees, and mark the outline with a hose.</p>"
	    "<p><a href=\"https://example.org/frogs/\">Which frogs will come to my pond?</a></p>"
	    "<p>Dig in shelves, so that creatures can climb out, and line the hole with old carpet before the liner.</p>"
	    "<p><a href=\"https://pond-society.example.net/guide\">The pond society's planting guide</a></p>"
	    "<p>Fill it with rain water, never tap water, and wait a season before adding plants from a friend's pond.</p>"
	    "</div></article></main></body></html>";
	char *t = root_text(html, strlen(html), "Digging a wildlife pond");
	HAS(t, "A small pond brings more life");
	CHECK(t != NULL && strstr(t, "A small pond") < strstr(t, "Choose a spot"));
	HAS(t, "planting guide");
	LACKS(t, "Which frogs will come");
	LACKS(t, "Digging a wildlife pond");
	free(t);
}

/* A responsive layout prints a block twice, once for phones: one copy
 * stays. Paragraphs that repeat on purpose stay twice. */
static void
test_responsive_copy(void)
{
	char *html = page("<div class=\"slide desktop\"><p>Ferries leave the north pier every hour in "
	    "summer.</p></div><div class=\"slide mobile\"><p>Ferries leave the north pier every hour in "
	    "summer.</p></div><p>Say it again: the tide waits for nobody at all.</p>"
	    "<p>Say it again: the tide waits for nobody at all.</p>");
	char *t = root_text(html, strlen(html), "T");
	const char *first = t != NULL ? strstr(t, "Ferries leave") : NULL;
	CHECK(first != NULL && strstr(first + 1, "Ferries leave") == NULL);
	const char *say = t != NULL ? strstr(t, "Say it again") : NULL;
	CHECK(say != NULL && strstr(say + 1, "Say it again") != NULL);
	free(t);
	free(html);
}

/* After the body: a heading over a grid of linked thumbnails (related
 * posts whose captions were chrome) goes with the grid; a photo linked to
 * its own file stays. */
static void
test_thumbnail_tail(void)
{
	static const char html[] =
	    "<html><head><title>Bees</title></head><body><article class=\"post\"><div class=\"entry-content\">"
	    "<p>Bees need water as much as flowers, so a shallow dish with pebbles helps them in a dry summer.</p>"
	    "<p>They drink from the wet edges of the pebbles without drowning, and come back every day.</p>"
	    "<p><a href=\"https://example.org/wp-content/uploads/dish.jpg\"><img src=\"/d.jpg\" alt=\"\"></a></p>"
	    "<h2>More from the garden</h2><div class=\"grid\">"
	    "<a href=\"https://example.org/wasps/\"><img src=\"/w.jpg\" alt=\"\"></a>"
	    "<a href=\"https://example.org/ants/\"><img src=\"/a.jpg\" alt=\"\"></a></div>"
	    "</div></article></body></html>";
	htmlDocPtr doc = html_parse(html, strlen(html), "UTF-8", "https://example.org/bees/", NULL);
	CHECK(doc != NULL);
	if (doc == NULL)
		return;
	struct article *a = article_create();
	xmlNode *root = content_extract(doc, a);
	char *t = root != NULL ? dom_text(root) : NULL;
	HAS(t, "come back every day");
	LACKS(t, "More from the garden");
	bool photo = false, thumbs = false;
	for (xmlNode *e = root; e != NULL; e = dom_next_in(e, root, false)) {
		const char *src = dom_is(e, "img") ? dom_attr(e, "src") : NULL;
		photo = photo || (src != NULL && strcmp(src, "/d.jpg") == 0);
		thumbs = thumbs || (src != NULL && strcmp(src, "/w.jpg") == 0);
	}
	CHECK(photo);
	CHECK(!thumbs);
	free(t);
	article_free(a);
	xmlFreeDoc(doc);
}

/* A standfirst printed above the <article>, in the page header of the
 * post, joins the body. */
static void
test_lead_outside_article(void)
{
	static const char html[] =
	    "<html><head><title>Moss</title></head><body><section id=\"primary\">"
	    "<div class=\"post-head\"><h1>Moss lawns</h1><div class=\"lead\"><p>Why fight the moss, when a "
	    "lawn of it stays green all winter and never needs a mower?</p></div></div>"
	    "<div class=\"main-content\"><article class=\"post hentry\"><div class=\"entry-content\">"
	    "<p>Moss grows where grass struggles: in shade, on compacted soil, and where the rain lingers.</p>"
	    "<p>Rake out the grass in autumn, keep the leaves off, and the moss fills the gaps by spring.</p>"
	    "</div></article></div></section></body></html>";
	char *t = root_text(html, strlen(html), "Moss lawns");
	HAS(t, "Why fight the moss");
	CHECK(t != NULL && strstr(t, "Why fight the moss") < strstr(t, "Moss grows where"));
	free(t);
}

/* Elementor's theme builder: header and footer templates around the
 * post-content widget, and a share-buttons widget after it. */
static void
test_elementor(void)
{
	static const char html[] =
	    "<html><head><title>Kites</title></head><body>"
	    "<div data-elementor-type=\"header\" class=\"elementor elementor-9\"><div class=\"elementor-widget "
	    "elementor-widget-text-editor\"><div class=\"elementor-widget-container\"><p>Kite Club, "
	    "flying since the windy spring of a year nobody quite remembers, and proud of it.</p></div></div></div>"
	    "<div data-elementor-type=\"single-post\" class=\"elementor elementor-12\">"
	    "<div class=\"elementor-widget elementor-widget-theme-post-content\"><div class=\"elementor-widget-container\">"
	    "<p>A two-line kite turns when one line is pulled shorter than the other, so steering is a matter of hands, "
	    "not wrists, and of patience more than strength.</p>"
	    "<p>Launch with the wind at your back, walk backwards a few steps, and let the kite climb on its own.</p>"
	    "</div></div>"
	    "<div class=\"elementor-widget elementor-widget-share-buttons\"><div class=\"elementor-widget-container\">"
	    "<a href=\"/s\">Share on Facebook</a></div></div></div>"
	    "<div data-elementor-type=\"footer\" class=\"elementor elementor-10\"><p>All kites reserved.</p></div>"
	    "</body></html>";
	char *t = root_text(html, strlen(html), "Kites");
	HAS(t, "A two-line kite turns");
	HAS(t, "let the kite climb on its own");
	LACKS(t, "Kite Club");
	LACKS(t, "Share on Facebook");
	LACKS(t, "All kites reserved");
	free(t);
}

/* Nesting far deeper than any real page neither exhausts the stack nor
 * takes quadratic time: the finder walks the tree without recursion. */
static void
test_deep_nesting(void)
{
	enum { DEPTH = 100000 };
	struct buf b = {0};
	buf_puts(&b, "<html><body>");
	for (int i = 0; i < DEPTH; i++)
		buf_puts(&b, "<div>");
	buf_puts(&b, "<p>A paragraph at the bottom of a very deep page, with commas, and words.</p>");
	for (int i = 0; i < DEPTH; i++)
		buf_puts(&b, "</div>");
	buf_puts(&b, "</body></html>");
	htmlDocPtr doc = html_parse(buf_str(&b), b.len, "UTF-8", NULL, NULL);
	CHECK(doc != NULL);
	if (doc != NULL) {
		struct article *a = article_create();
		CHECK(content_extract(doc, a) != NULL);
		article_free(a);
		xmlFreeDoc(doc);
	}
	buf_free(&b);
}

static void
test_no_article(void)
{
	static const char html[] = "<html><head><title>x</title></head><body></body></html>";
	char *t = root_text(html, strlen(html), NULL);
	CHECK(t == NULL || t[0] == '\0');
	free(t);
	/* Bare text with no markup: the body itself is the best candidate,
	 * and the scorer must not climb to the unmeasured <html>. */
	static const char bare[] = "'ie\rIDRhoeRdy\"://oeRdy\"hoR";
	t = root_text(bare, strlen(bare), NULL);
	CHECK(t == NULL || strstr(t, "oeRdy") != NULL);
	free(t);
}

/* A page that is no article (a portfolio: a grid of names, a heading and a
 * call to action) keeps what text it has, but never its site menu, even a
 * mega menu mixing links with a promotion inside a header. */
static void
test_landing_menu(void)
{
	static const char html[] =
	    "<html><body><header class=\"site-header\"><ul class=\"menu\">"
	    "<li class=\"menu-item\"><a href=\"/services/\">Services</a>"
	    "<ul class=\"sub-menu\"><li class=\"menu-item\"><a href=\"/seo/\">Search Engine "
	    "Optimisation Services</a></li><li class=\"menu-item\"><a href=\"/ppc/\">Pay Per "
	    "Click Advertising Management</a></li><li class=\"menu-item\"><a href=\"/web/\">Web "
	    "Design and Development</a></li><li><div><p>Grow with us.</p></div></li></ul></li>"
	    "<li class=\"menu-item\"><a href=\"/about/\">About Our Agency</a></li></ul></header>"
	    "<div class=\"content-sidebar-wrap\"><main><div class=\"entry-content\">"
	    "<ul class=\"filters\"><li><a href=\"#a\">All</a></li><li><a href=\"#b\">Healthcare"
	    "</a></li></ul><div class=\"grid\"><a href=\"/work/1/\">Harbour Dental</a>"
	    "<a href=\"/work/2/\">Riverside Bakery</a></div></div></main></div>"
	    "<footer><p>Call us now at 555-0100.</p></footer></body></html>";
	char *t = root_text(html, strlen(html), "Our Work");
	HAS(t, "Riverside Bakery");
	LACKS(t, "Search Engine Optimisation");
	LACKS(t, "Pay Per Click");
	LACKS(t, "About Our Agency");
	free(t);
}

/* A row of links to share and print services goes, whatever its classes
 * say; a paragraph that cites such a site stays. */
static void
test_share_links(void)
{
	static const char html[] =
	    "<html><body><article><div class=\"entry-content\">"
	    "<p>The harbour log was kept for ninety years, and every entry in it was written by "
	    "a keeper who expected no reader but the inspector, which is why it is honest.</p>"
	    "<p>The trust announced the archive <a href=\"https://www.facebook.com/harbourtrust/"
	    "posts/1\">on its page</a> last spring, with scans of every volume.</p>"
	    "<div class=\"links-row\">Pass it on: <a href=\"https://www.facebook.com/sharer/"
	    "sharer.php?u=x\">Facebook</a> <a href=\"https://twitter.com/intent/tweet?url=x\">"
	    "Twitter</a> <a href=\"mailto:?subject=Log\">Email</a></div>"
	    "<div class=\"appendix\"><a href=\"https://www.printfriendly.com/print/?url=x\">"
	    "DOWNLOAD PDF</a></div></div></article></body></html>";
	char *t = root_text(html, strlen(html), "Log");
	HAS(t, "on its page");
	LACKS(t, "Pass it on");
	LACKS(t, "Twitter");
	LACKS(t, "DOWNLOAD PDF");
	free(t);
}

/* A list of links at the end of the post: kept when it cites other sites
 * (the post's sources), dropped when it points back at the same site (its
 * related posts), with the label above it. */
static void
test_sources_tail(void)
{
	static const char fmt[] =
	    "<html><head><title>Wells</title></head><body><article class=\"post\"><div class=\"entry-content\">"
	    "<p>Old wells were dug by hand, lined with stone, and kept clean by the whole street in turn.</p>"
	    "<p>Most of them were filled in when piped water came, but a few still stand in back gardens.</p>"
	    "<h2>%s</h2><ul>"
	    "<li><a href=\"%s/a\">A history of village water</a></li>"
	    "<li><a href=\"%s/b\">Stone lining, a survey</a></li>"
	    "<li><a href=\"%s/c\">Street rotas</a></li></ul>"
	    "</div></article></body></html>";
	static const char *const cases[][2] = {
		{ "Sources", "https://archive.example.net" },
		{ "You may also like", "https://example.org" },
	};
	for (size_t i = 0; i < 2; i++) {
		char *html = xasprintf(fmt, cases[i][0], cases[i][1], cases[i][1], cases[i][1]);
		htmlDocPtr doc = html_parse(html, strlen(html), "UTF-8", "https://example.org/wells/", NULL);
		CHECK(doc != NULL);
		struct article *a = article_create();
		article_set(&a->canonical_url, "https://www.example.org/wells/");
		xmlNode *root = doc ? content_extract(doc, a) : NULL;
		char *t = root != NULL ? dom_text(root) : NULL;
		HAS(t, "back gardens");
		if (i == 0) {
			HAS(t, "Sources");
			HAS(t, "Stone lining, a survey");
		} else {
			LACKS(t, "You may also like");
			LACKS(t, "Stone lining, a survey");
		}
		free(t);
		article_free(a);
		xmlFreeDoc(doc);
		free(html);
	}
}

int
main(void)
{
	test_generic();
	test_classic_jetpack();
	test_two_entries();
	test_inline();
	test_lead_and_teasers();
	test_responsive_copy();
	test_thumbnail_tail();
	test_sources_tail();
	test_lead_outside_article();
	test_elementor();
	test_deep_nesting();
	test_no_article();
	test_landing_menu();
	test_share_links();
	return test_done("test_content");
}
