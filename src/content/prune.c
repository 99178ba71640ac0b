/* prune.c — remove from the article root what is not the article. Three
 * passes over the root, each linear: chrome by tag, landmark role, hidden
 * state and class/id names (classes.c); the headline and byline lines that
 * sit above the body; and link lists trailing after the body (related posts,
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
	for (size_t i = 0; s != NULL && i < count; i++)
		if (strcmp(s, list[i]) == 0)
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
	return link != NULL && same_site_page(dom_attr(link, "href"), host);
}

/* Whether element n (not the root) is chrome. */
static bool
is_chrome(xmlNode *n, unsigned total, const char *host)
{
	const struct nstat *s = nstat_of(n);
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
	if (is_teaser_link(n, host))
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
			if (n == cap) {
				cap = cap ? 2 * cap : 64;
				plan = xreallocarray(plan, cap, sizeof *plan);
			}
			plan[n++] = e;
			removed += nstat_of(e) != NULL ? nstat_of(e)->text : 0;
			e = dom_next_in(e, root, true);
		} else {
			e = dom_next_in(e, root, false);
		}
	}
	bool gentle = rs != NULL && rs->text > 0 && removed >= rs->text;
	for (size_t i = 0; i < n; i++)
		if (!gentle || is_certain_chrome(plan[i]))
			dom_remove(plan[i]);
	free(plan);
}

/* Whether n is a heading element h1–h6. */
static bool
is_heading(const xmlNode *n)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->name[0] == 'h' &&
	    n->name[1] >= '1' && n->name[1] <= '6' && n->name[2] == '\0';
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

/* Pass 3: from the end of root backwards, remove link blocks, and a label
 * right before a removed link block. Descends into a last child wrapper. */
static void
drop_tail(xmlNode *root)
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
			if (is_link_block(last) && !dom_is(last, "p")) {
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

void
prune(struct cx *cx, xmlNode *root)
{
	drop_chrome(cx, root);
	measure(cx, root);
	drop_header(cx, root);
	drop_tail(root);
}
