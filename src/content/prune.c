/* prune.c — remove from the article root what is not the article. Four
 * passes over the root, each linear: chrome by tag, landmark role, hidden
 * state and class/id names (classes.c), with teasers for other posts and
 * their lead-in lines; the second copy of a block that a responsive layout
 * prints twice; the headline and byline lines that sit above the body; and
 * link lists and thumbnail grids trailing after the body (related posts,
 * tag lists, "share this" rows that carry no recognisable class). Structure
 * decides, not words: a paragraph that talks about sharing stays. The
 * measurements of measure.c let a large element that looks like chrome by
 * name, but holds most of the article, survive. */
#include "content.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dom.h"
#include "text.h"
#include "util.h"

/* Elements that never carry body text. */
static const char *const drop_tags[] = {
	"script", "style", "template", "link", "meta", "button", "input", "select", "textarea",
	"nav", "aside", "iframe", "object", "embed", "svg", "canvas", "dialog", "label", "fieldset",
	"map", "audio", "video", "source", "track", "menu",
};

/* Landmark roles that are never the article. */
static const char *const drop_roles[] = {
	"navigation", "complementary", "banner", "contentinfo", "search", "dialog", "alertdialog",
	"menu", "menubar", "toolbar", "button",
};

/* Whether s is one of the count strings in list. */
static bool
in_list(const char *s, const char *const *list, size_t count)
{
	/* Called for every element: test the first byte before strcmp. */
	for (size_t i = 0; s != NULL && i < count; i++)
		if (s[0] == list[i][0] && strcmp(s, list[i]) == 0)
			return true;
	return false;
}

/* Whether n sits inside (under, not at) an element named tag, below root. */
static bool
inside(const xmlNode *n, const xmlNode *root, const char *tag)
{
	for (const xmlNode *p = n->parent; p != NULL && p != root; p = p->parent)
		if (dom_is(p, tag))
			return true;
	return false;
}

/* Whether n holds an element named tag. */
static bool
holds(xmlNode *n, const char *tag)
{
	for (xmlNode *c = dom_first_element(n); c != NULL; c = dom_next_in(c, n, false))
		if (dom_is(c, tag))
			return true;
	return false;
}

/* Whether a <noscript> is only a fallback copy of an image already shown
 * (or holds nothing readable at all). */
static bool
noscript_redundant(xmlNode *n)
{
	/* libxml2 parses noscript content as markup; measure.c counts none of
	 * it, so look at the text directly. */
	char *t = dom_text(n);
	bool empty = t[0] == '\0';
	free(t);
	if (!empty)
		return false;
	if (!holds(n, "img"))
		return true;
	for (xmlNode *p = n->parent; p != NULL; p = p->parent) {
		for (xmlNode *c = dom_first_element(p); c != NULL; c = dom_next_in(c, p, false))
			if (dom_is(c, "img") && !inside(c, p, "noscript"))
				return true;
		if (!dom_is(p, "a") && !dom_is(p, "span") && !dom_is(p, "picture"))
			break;
	}
	return false;
}

/* Whether chrome of the given kind should go: names can mislead, so an
 * element holding most of the article stays unless the name is certain. */
static bool
chrome_goes(chrome_kind k, const xmlNode *n, unsigned total)
{
	const struct nstat *s = nstat_of(n);
	if (k == CHROME_NONE || s == NULL)
		return false;
	if (k == CHROME_HARD)
		return true;
	bool major = total > 400 && s->text - s->link >= total / 2 && s->paras >= 2;
	if (k == CHROME_STRONG)
		return !major;
	if (k == CHROME_LIGHT)
		return !major && (link_density(n) > 0.5 || s->paras == 0);
	return !major && (s->text < 300 || link_density(n) > 0.5 || s->paras == 0);
}

/* Copy the host of an absolute http(s) URL into out, without "www.";
 * returns false when url has none. */
static bool
url_host(const char *url, char *out, size_t size)
{
	const char *p = url != NULL ? strstr(url, "://") : NULL;
	if (p == NULL || (strncasecmp(url, "http", 4) != 0) || size == 0)
		return false;
	p += 3;
	if (strncasecmp(p, "www.", 4) == 0)
		p += 4;
	size_t n = strcspn(p, "/?#:");
	if (n == 0 || n >= size)
		return false;
	for (size_t i = 0; i < n; i++)
		out[i] = (char)tolower((unsigned char)p[i]);
	out[n] = '\0';
	return true;
}

/* Whether href points to another page of the site whose host is given:
 * relative, or absolute on the same host, and not a file (an upload, a
 * PDF) that the post offers. */
static bool
same_site_page(const char *href, const char *host)
{
	if (href == NULL || host == NULL || *href == '#' || *href == '\0')
		return false;
	if (strstr(href, "/wp-content/") != NULL || strcasestr(href, ".pdf") != NULL)
		return false;
	char h[256];
	if (url_host(href, h, sizeof h))
		return strcmp(h, host) == 0;
	return strncmp(href, "//", 2) != 0 && strchr(href, ':') == NULL;
}

/* Whether paragraph n is one link to another page of the same site and
 * at most a few words around it ("Related:", "Read our review of"): a
 * teaser for another post set between paragraphs. */
static bool
is_teaser_link(xmlNode *n, const char *host)
{
	const struct nstat *s = nstat_of(n);
	if (host == NULL || !dom_is(n, "p") || s == NULL || s->link == 0 || s->text > 200 ||
	    s->text - s->link > 20)
		return false;
	xmlNode *link = NULL;
	for (xmlNode *c = dom_first_element(n); c != NULL; c = dom_next_in(c, n, false))
		if (dom_is(c, "a")) {
			if (link != NULL)
				return false;
			link = c;
		}
	if (link == NULL || !same_site_page(dom_attr(link, "href"), host))
		return false;
	/* A sentence that ends outside its link is prose ("Yep, it does
	 * <a>cold brew</a>."); a teaser is a bare title. */
	char *t = dom_text(n);
	size_t len = strlen(t);
	bool sentence = len > 0 && (t[len - 1] == '.' || t[len - 1] == '!') && s->text - s->link > 1;
	free(t);
	return !sentence;
}

/* Addresses of the web's share and print services: a link to one offers
 * to pass the page on, it never cites anything. */
static const char *const share_urls[] = {
	"facebook.com/sharer", "facebook.com/share.php", "twitter.com/intent/", "twitter.com/share",
	"x.com/intent/", "linkedin.com/sharearticle", "linkedin.com/shareArticle",
	"linkedin.com/share", "pinterest.com/pin/create", "reddit.com/submit", "api.whatsapp.com/send",
	"wa.me/?text", "t.me/share", "telegram.me/share", "tumblr.com/share", "getpocket.com/save",
	"getpocket.com/edit", "printfriendly.com/print", "pdfcrowd.com/url_to_pdf", "xing.com/spi/shares",
	"xing.com/app/user?op=share", "vk.com/share.php", "bsky.app/intent/", "mastodonshare.com",
	"news.ycombinator.com/submitlink", "flipboard.com/bookmarklet", "addtoany.com/share",
};

/* Whether href goes to a share or print service, or is a mail to be
 * written ("mailto:?subject=…"). */
static bool
share_url(const char *href)
{
	if (href == NULL)
		return false;
	if (strncasecmp(href, "mailto:?", 8) == 0)
		return true;
	for (size_t i = 0; i < sizeof share_urls / sizeof share_urls[0]; i++)
		if (strcasestr(href, share_urls[i]) != NULL)
			return true;
	return false;
}

/* Whether n holds links and nothing but links to share or print services,
 * with at most a few words around them ("Share:", "Download PDF"). */
static bool
is_share_links(xmlNode *n)
{
	const struct nstat *s = nstat_of(n);
	if (s == NULL || s->text - s->link > 20 || s->paras > 1)
		return false;
	bool any = false;
	for (xmlNode *c = dom_first_element(n); c != NULL; c = dom_next_in(c, n, false))
		if (dom_is(c, "a")) {
			if (!share_url(dom_attr(c, "href")))
				return false;
			any = true;
		}
	return any;
}

/* Whether n is a card for another post: schema.org marks it as an
 * article of its own, it links somewhere, and it is a small part of the
 * root (the post's own microdata wraps the body, not a corner of it). */
static bool
is_teaser_card(xmlNode *n, unsigned total)
{
	const struct nstat *s = nstat_of(n);
	const char *type = dom_attr(n, "itemtype");
	if (type == NULL || s == NULL || s->link == 0 || (unsigned long)s->text * 4 > total)
		return false;
	const char *t = strstr(type, "schema.org/");
	return t != NULL && (strstr(t, "Article") != NULL || strstr(t, "BlogPosting") != NULL);
}

/* Whether element n (not the root) is chrome. */
static bool
is_chrome(xmlNode *n, unsigned total, const char *host)
{
	const struct nstat *s = nstat_of(n);
	/* An <aside> set inside the post body that holds paragraphs of prose
	 * is a box of the article (a sidebar story, a note), not page chrome. */
	if (dom_is(n, "aside") && s != NULL && s->paras >= 2 && link_density(n) < 0.3 &&
	    class_chrome(n) < CHROME_STRONG)
		return false;
	if (in_list((const char *)n->name, drop_tags, sizeof drop_tags / sizeof drop_tags[0]))
		return true;
	if (dom_is(n, "noscript"))
		return noscript_redundant(n);
	if (dom_is(n, "figcaption") || dom_has_class(n, "wp-caption-text"))
		return true;
	if (dom_is(n, "form"))
		return s == NULL || s->paras < 2;
	if (dom_is(n, "footer"))
		return s == NULL || (!s->in_quote && !s->in_figure);
	if (dom_is(n, "header"))
		return s == NULL || s->paras < 2;
	if (is_hidden(n))
		return true;
	const char *aria = dom_attr(n, "aria-hidden");
	if (aria != NULL && strcmp(aria, "true") == 0 && (s == NULL || s->paras == 0))
		return true;
	if (in_list(dom_attr(n, "role"), drop_roles, sizeof drop_roles / sizeof drop_roles[0]))
		return true;
	/* schema.org marks the author's card: a Person, or the post's author. */
	const char *itemprop = dom_attr(n, "itemprop"), *itemtype = dom_attr(n, "itemtype");
	if (((itemprop != NULL && strcmp(itemprop, "author") == 0) ||
	    (itemtype != NULL && strstr(itemtype, "schema.org/Person") != NULL)) &&
	    (s == NULL || (s->paras <= 3 && s->text < 1500)))
		return true;
	if (is_teaser_link(n, host) || is_teaser_card(n, total) || is_share_links(n))
		return true;
	/* A quotation's attribution may carry author names in its classes. */
	if (s != NULL && s->in_quote)
		return false;
	/* A figure named for its caption (wp-caption) holds the image: only
	 * the caption text inside it goes. */
	if (dom_class_id_contains(n, "caption") && holds(n, "img"))
		return false;
	return chrome_goes(class_chrome(n), n, total);
}

/* Whether n is a heading element h1–h6. */
static bool
is_heading(const xmlNode *n)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->name[0] == 'h' &&
	    n->name[1] >= '1' && n->name[1] <= '6' && n->name[2] == '\0';
}

/* Whether removed chrome n is a pointer to other posts: a teaser link,
 * an embedded post card or a related-posts block. */
static bool
is_teaser(xmlNode *n, const char *host)
{
	return is_teaser_link(n, host) || dom_class_id_contains(n, "embedded") || dom_class_id_contains(n, "embed-article") ||
	    dom_class_id_contains(n, "related");
}

/* Whether n is a short lead-in line with no link ("Read also:", a bold
 * "Already read?", a small heading) that introduces what follows. */
static bool
is_lead_in(xmlNode *n)
{
	const struct nstat *s = nstat_of(n);
	if (n == NULL || s == NULL || s->text == 0 || s->text > 60 || s->link > 0 || s->paras > 1)
		return false;
	if (is_heading(n) && !dom_is(n, "h1"))
		return true;
	if (!dom_is(n, "p"))
		return false;
	char *t = dom_text(n);
	size_t len = strlen(t);
	bool colon = len > 0 && t[len - 1] == ':';
	free(t);
	if (colon)
		return true;
	/* All of it in one <strong> or <b>. */
	xmlNode *only = dom_first_element(n);
	const struct nstat *os = nstat_of(only);
	return only != NULL && dom_next_element(only) == NULL && (dom_is(only, "strong") ||
	    dom_is(only, "b")) && os != NULL && os->text == s->text;
}

/* The element before n among its siblings, or NULL. */
static xmlNode *
prev_element(const xmlNode *n)
{
	xmlNode *p = n->prev;
	while (p != NULL && p->type != XML_ELEMENT_NODE)
		p = p->prev;
	return p;
}

/* Whether n is chrome beyond doubt: never text, hidden, or named as
 * comments, Jetpack flair or screen-reader text. */
static bool
is_certain_chrome(xmlNode *n)
{
	if (in_list((const char *)n->name, drop_tags, sizeof drop_tags / sizeof drop_tags[0]) ||
	    is_hidden(n))
		return true;
	return class_chrome(n) == CHROME_HARD;
}

/* Whether n is a site menu: a list or list item named for a menu
 * (WordPress prints every nav menu as ul.menu, li.menu-item, ul.sub-menu)
 * that is mostly links. Even a page with no article text shows none of it. */
static bool
is_menu(xmlNode *n)
{
	if (!dom_is(n, "ul") && !dom_is(n, "ol") && !dom_is(n, "li"))
		return false;
	return dom_class_id_contains(n, "menu") && link_density(n) > 0.5;
}

/* Whether any of the count planned removals is n or inside it. */
static bool
plan_touches(xmlNode *const *plan, size_t count, const xmlNode *n)
{
	for (size_t i = 0; i < count; i++)
		for (const xmlNode *p = plan[i]; p != NULL; p = p->parent)
			if (p == n)
				return true;
	return false;
}

/* Append e to the growing list *plan of *n (room for *cap). */
static void
plan_add(xmlNode ***plan, size_t *n, size_t *cap, xmlNode *e)
{
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 64;
		*plan = xreallocarray(*plan, *cap, sizeof **plan);
	}
	(*plan)[(*n)++] = e;
}

/* Pass 1: remove chrome elements anywhere under root. When that would
 * leave no text at all (a page that is not an article), remove only what
 * is chrome beyond doubt, so the reader still gets the page's text. */
static void
drop_chrome(struct cx *cx, xmlNode *root)
{
	char hostbuf[256];
	const char *page = NULL;
	if (cx->a != NULL)
		page = cx->a->canonical_url != NULL ? cx->a->canonical_url : cx->a->url;
	const char *host = url_host(page, hostbuf, sizeof hostbuf) ? hostbuf : NULL;
	const struct nstat *rs = nstat_of(root);
	unsigned total = rs ? rs->text - rs->link : 0, removed = 0;
	xmlNode **plan = NULL;
	size_t n = 0, cap = 0;
	for (xmlNode *e = dom_first_element(root); e != NULL; ) {
		if (is_chrome(e, total, host)) {
			plan_add(&plan, &n, &cap, e);
			removed += nstat_of(e) != NULL ? nstat_of(e)->text : 0;
			e = dom_next_in(e, root, true);
		} else {
			e = dom_next_in(e, root, false);
		}
	}
	bool gentle = rs != NULL && rs->text > 0 && removed >= rs->text;
	/* The lead-in line of a teaser goes with it. */
	for (size_t i = 0, count = n; !gentle && i < count; i++) {
		xmlNode *prev = prev_element(plan[i]);
		if (prev != NULL && is_teaser(plan[i], host) && is_lead_in(prev) &&
		    (!is_heading(prev) || !dom_is(plan[i], "p")) &&
		    !plan_touches(plan, n, prev)) {
			plan_add(&plan, &n, &cap, prev);
		}
	}
	if (gentle) {
		/* Walk again: what is certain chrome may sit inside chrome that
		 * was only likely, which now stays. */
		n = 0;
		for (xmlNode *e = dom_first_element(root); e != NULL; ) {
			if (is_certain_chrome(e) || is_menu(e)) {
				plan_add(&plan, &n, &cap, e);
				e = dom_next_in(e, root, true);
			} else {
				e = dom_next_in(e, root, false);
			}
		}
	}
	for (size_t i = 0; i < n; i++)
		dom_remove(plan[i]);
	free(plan);
}

/* Whether two texts are the same headline, ignoring case and a site suffix
 * on the second ("Title | Blog", "Title – Blog"). */
static bool
same_headline(const char *h, const char *title)
{
	if (h == NULL || title == NULL || h[0] == '\0')
		return false;
	size_t n = strlen(h);
	if (strncasecmp(h, title, n) != 0)
		return false;
	const char *rest = title + n;
	return *rest == '\0' || *rest == ' ' || *rest == '|' || *rest == '-';
}

/* Whether a heading's class names it the post's title (entry-title,
 * post-title, ...), not a section heading that merely has "title" in a
 * page builder's class (elementor-heading-title). */
static bool
title_class(const xmlNode *n)
{
	static const char *const names[] = {
		"entry-title", "post-title", "page-title", "article-title", "single-title", "headline",
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (dom_class_id_contains(n, names[i]))
			return true;
	return false;
}

/* Pass 2: the headline and byline lines above the body. Before the first
 * paragraph of text, a heading that repeats the title, any h1, a heading
 * named as a title, and short lines carrying a <time> are metadata. */
static void
drop_header(struct cx *cx, xmlNode *root)
{
	xmlNode *n = dom_first_element(root);
	while (n != NULL) {
		const struct nstat *s = nstat_of(n);
		if (dom_is(n, "p") && s != NULL && s->text >= 25 && !holds(n, "time"))
			break;
		bool drop = false;
		if (is_heading(n)) {
			char *t = dom_text(n);
			drop = dom_is(n, "h1") || same_headline(t, cx->a ? cx->a->title : NULL) ||
			    title_class(n);
			free(t);
		} else if ((dom_is(n, "p") || dom_is(n, "div") || dom_is(n, "span")) && s != NULL &&
		    s->text < 120 && s->paras == 0 && holds(n, "time")) {
			drop = true;
		}
		if (drop) {
			xmlNode *next = dom_next_in(n, root, true);
			dom_remove(n);
			n = next;
		} else {
			n = dom_next_in(n, root, false);
		}
	}
}

/* Whether a block is a short label such as a heading over a list of links
 * ("Related", "Tags:", "Share this:"): short, no sentence in it. */
static bool
is_label(xmlNode *n)
{
	const struct nstat *s = nstat_of(n);
	if (s == NULL || s->text == 0 || s->text > 60)
		return false;
	if (!is_heading(n) && !dom_is(n, "p") && !dom_is(n, "div") && !dom_is(n, "strong") &&
	    !dom_is(n, "b") && !dom_is(n, "span"))
		return false;
	char *t = dom_text(n);
	size_t len = strlen(t);
	bool sentence = len > 0 && (t[len - 1] == '.' || t[len - 1] == '!' || t[len - 1] == '?');
	free(t);
	return !sentence;
}

/* Whether n is a trailing block of links: mostly link text, and no
 * paragraph of prose in it. */
static bool
is_link_block(const xmlNode *n)
{
	const struct nstat *s = nstat_of(n);
	if (s == NULL || s->text == 0)
		return false;
	return link_density(n) > 0.6 && s->text - s->link < 200;
}

/* Whether href leads to an image file (a linked photo's full size)
 * rather than to a page. */
static bool
image_href(const char *href)
{
	static const char *const exts[] = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"};
	if (href == NULL || strstr(href, "/wp-content/") != NULL)
		return true;
	size_t n = strcspn(href, "?#");
	for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
		size_t k = strlen(exts[i]);
		if (n >= k && strncasecmp(href + n - k, exts[i], k) == 0)
			return true;
	}
	return false;
}

/* Whether n is a grid of thumbnails once its captions are gone: no text,
 * and every image a link to another page (the teaser cards of related
 * posts). */
static bool
is_thumb_block(xmlNode *n)
{
	const struct nstat *s = nstat_of(n);
	if (s == NULL || s->text > 0)
		return false;
	size_t images = 0;
	for (xmlNode *c = dom_first_element(n); c != NULL; c = dom_next_in(c, n, false)) {
		if (!dom_is(c, "img"))
			continue;
		const xmlNode *a = c->parent;
		while (a != NULL && a != n && !dom_is(a, "a"))
			a = a->parent;
		if (a == NULL || !dom_is(a, "a") || image_href(dom_attr(a, "href")))
			return false;
		images++;
	}
	return images > 0;
}

/* Whether the links in n mostly cite other sites: a list of sources or
 * further reading under the post, not the site's own related posts, tags or
 * archives, which point back to the same host. A link that carries the
 * page's host in its query is a share button, not a citation. */
static bool
cites_elsewhere(xmlNode *n, const char *host)
{
	size_t off = 0, all = 0;
	for (xmlNode *c = n; c != NULL; c = dom_next_in(c, n, false)) {
		if (!dom_is(c, "a"))
			continue;
		const char *href = dom_attr(c, "href");
		char h[256];
		if (href == NULL || *href == '\0' || *href == '#')
			continue;
		all++;
		if (url_host(href, h, sizeof h) && strcmp(h, host) != 0 &&
		    strcasestr(href + strcspn(href, "?"), host) == NULL)
			off++;
	}
	return off >= 2 && off * 3 >= all * 2;
}

/* Pass 3: from the end of root backwards, remove link blocks, and a label
 * right before a removed link block. Descends into a last child wrapper.
 * host is the page's own host ("" when unknown). */
static void
drop_tail(xmlNode *root, const char *host)
{
	const struct nstat *rs = nstat_of(root);
	unsigned total = rs != NULL ? rs->text : 0;
	xmlNode *box = root;
	for (int depth = 0; box != NULL && depth < 8; depth++) {
		xmlNode *last = NULL;
		for (xmlNode *c = dom_first_element(box); c != NULL; c = dom_next_element(c))
			last = c;
		bool removed_links = false;
		while (last != NULL) {
			xmlNode *prev = last->prev;
			while (prev != NULL && prev->type != XML_ELEMENT_NODE)
				prev = prev->prev;
			const struct nstat *s = nstat_of(last);
			if (s != NULL && s->text == 0 && !holds(last, "img") && !dom_is(last, "img")) {
				last = prev;     /* empty: look past it */
				continue;
			}
			/* A block holding half the text is the post itself. */
			if (s != NULL && s->text * 2 >= total)
				break;
			if (host[0] != '\0' && is_link_block(last) && cites_elsewhere(last, host))
				break;   /* the post's sources: content */
			if ((is_link_block(last) && !dom_is(last, "p")) || is_thumb_block(last)) {
				dom_remove(last);
				removed_links = true;
			} else if (removed_links && is_label(last)) {
				dom_remove(last);
				removed_links = false;
			} else {
				break;
			}
			last = prev;
		}
		/* Step into the last element if it wraps further blocks. */
		if (last == NULL || (!dom_is(last, "div") && !dom_is(last, "section")))
			break;
		box = last;
	}
}

/* Whether two measured elements have the same counts (a cheap test
 * before comparing their text). */
static bool
same_counts(const struct nstat *a, const struct nstat *b)
{
	return a->text == b->text && a->link == b->link && a->commas == b->commas &&
	    a->paras == b->paras;
}

/* Whether n is a container that a layout might print twice; paragraphs
 * and headings may repeat on purpose ("Let's repeat that"). */
static bool
is_layout_box(const xmlNode *n)
{
	static const char *const boxes[] = {
		"div", "section", "article", "figure", "ul", "ol", "dl", "table",
	};
	return in_list((const char *)n->name, boxes, sizeof boxes / sizeof boxes[0]);
}

/* Pass 1b: responsive layouts print a block twice, once for wide screens
 * and once for phones, and hide one copy with a stylesheet. Of sibling
 * containers with the same text, keep the first (looking back a bounded
 * number of siblings, so that long lists cost no more than linear). */
static void
drop_duplicates(xmlNode *root)
{
	for (xmlNode *e = root; e != NULL; e = dom_next_in(e, root, false)) {
		xmlNode *c = dom_first_element(e);
		if (c == NULL || dom_next_element(c) == NULL)
			continue;
		for (; c != NULL; ) {
			xmlNode *next = dom_next_element(c);
			const struct nstat *cs = nstat_of(c);
			bool dup = false;
			if (cs == NULL || cs->text < 30 || !is_layout_box(c)) {
				c = next;
				continue;
			}
			int seen = 0;
			for (xmlNode *p = prev_element(c); p != NULL && !dup && seen < 64;
			    p = prev_element(p), seen++) {
				const struct nstat *ps = nstat_of(p);
				if (ps == NULL || !same_counts(ps, cs))
					continue;
				char *a = dom_text(p), *b = dom_text(c);
				dup = strcmp(a, b) == 0;
				free(a);
				free(b);
			}
			if (dup)
				dom_remove(c);
			c = next;
		}
	}
}

void
prune(struct cx *cx, xmlNode *root)
{
	drop_chrome(cx, root);
	drop_duplicates(root);
	measure(cx, root);
	drop_header(cx, root);
	char host[256] = "";
	if (!url_host(cx->a->canonical_url, host, sizeof host))
		url_host(cx->a->url, host, sizeof host);
	drop_tail(root, host);
}
