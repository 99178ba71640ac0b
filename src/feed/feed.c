/* feed.c — read an RSS 2.0, RDF/RSS 1.0 or Atom 1.0 feed into a blog. An
 * entry's body is its full content (RSS content:encoded, Atom <content>),
 * else its summary (RSS <description>, Atom <summary>) marked summary_only
 * so that --full can fetch the page instead. WordPress pages its feeds with
 * ?paged=N; feed_page_url makes those URLs, and an Atom or atom:link
 * rel="next" is kept as the blog's next_page when a feed names one. */
#include "feed.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/uri.h>

#include "../blog/xml.h"
#include "util.h"

/* ref resolved against base (either may be NULL), newly allocated. */
static char *
resolve(const char *ref, const char *base)
{
	if (ref == NULL)
		return NULL;
	if (base == NULL)
		return xstrdup(ref);
	xmlChar *u = xmlBuildURI((const xmlChar *)ref, (const xmlChar *)base);
	char *s = xstrdup(u != NULL ? (const char *)u : ref);
	xmlFree(u);
	return s;
}

/* Append s with HTML's special characters escaped. */
static void
put_escaped(struct buf *out, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&': buf_puts(out, "&amp;"); break;
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		default: buf_putc(out, *s);
		}
	}
}

/* The first child link of n with rel (NULL: alternate or none), as an
 * absolute URL, newly allocated, or NULL. */
static char *
atom_link(const xmlNode *n, const char *ns, const char *rel, const char *base)
{
	for (xmlNode *l = blogxml_child(n, ns, "link"); l != NULL; l = blogxml_next(l, ns, "link")) {
		char *r = blogxml_attr(l, "rel");
		bool match = rel == NULL ? r == NULL || strcmp(r, "alternate") == 0 :
		    r != NULL && strcmp(r, rel) == 0;
		free(r);
		if (!match)
			continue;
		char *href = blogxml_attr(l, "href");
		if (href == NULL)
			continue;
		char *abs = resolve(href, base);
		free(href);
		return abs;
	}
	return NULL;
}

/* An Atom text construct as HTML: html as is, xhtml serialised, text
 * escaped. Newly allocated, or NULL when empty. */
static char *
atom_html(const xmlNode *n)
{
	if (n == NULL)
		return NULL;
	char *type = blogxml_attr(n, "type");
	char *out = NULL;
	if (type != NULL && strcmp(type, "xhtml") == 0) {
		xmlBufferPtr xb = xmlBufferCreate();
		for (xmlNode *c = n->children; c != NULL; c = c->next)
			if (c->type == XML_ELEMENT_NODE)
				for (xmlNode *d = c->children; d != NULL; d = d->next)
					xmlNodeDump(xb, n->doc, d, 0, 0);
		if (xmlBufferLength(xb) > 0)
			out = xstrdup((const char *)xmlBufferContent(xb));
		xmlBufferFree(xb);
	} else {
		char *text = blogxml_text(n);
		if (text != NULL && (type == NULL || strcmp(type, "text") == 0)) {
			struct buf b = {0};
			buf_puts(&b, "<p>");
			put_escaped(&b, text);
			buf_puts(&b, "</p>");
			free(text);
			text = buf_detach(&b);
		}
		out = text;
	}
	free(type);
	return out;
}

/* Read an Atom <entry>. */
static void
read_entry(struct blog *b, const xmlNode *e, const char *base)
{
	struct blog_item *it = blog_add_item(b);
	it->title = blogxml_child_text(e, NS_ATOM, "title");
	it->link = atom_link(e, NS_ATOM, NULL, base);
	it->guid = blogxml_child_text(e, NS_ATOM, "id");
	xmlNode *au = blogxml_child(e, NS_ATOM, "author");
	it->author = blogxml_child_text(au, NS_ATOM, "name");
	char *d = blogxml_child_text(e, NS_ATOM, "published");
	it->published = blogxml_date(d);
	free(d);
	d = blogxml_child_text(e, NS_ATOM, "updated");
	it->modified = blogxml_date(d);
	free(d);
	if (it->published == NULL && it->modified != NULL)
		it->published = xstrdup(it->modified);
	for (xmlNode *c = blogxml_child(e, NS_ATOM, "category"); c != NULL;
	    c = blogxml_next(c, NS_ATOM, "category")) {
		char *term = blogxml_attr(c, "label");
		if (term == NULL)
			term = blogxml_attr(c, "term");
		blog_item_add_tag(it, term);
		free(term);
	}
	xmlNode *content = blogxml_child(e, NS_ATOM, "content");
	char *src = content != NULL ? blogxml_attr(content, "src") : NULL;
	if (src == NULL)
		it->html = atom_html(content);
	free(src);
	if (it->html == NULL) {
		it->html = atom_html(blogxml_child(e, NS_ATOM, "summary"));
		it->summary_only = true;
	}
}

/* Read an RSS <item>. */
static void
read_item(struct blog *b, const xmlNode *item, const char *base)
{
	struct blog_item *it = blog_add_item(b);
	it->title = blogxml_child_text(item, NULL, "title");
	char *link = blogxml_child_text(item, NULL, "link");
	it->link = resolve(link, base);
	free(link);
	it->guid = blogxml_child_text(item, NULL, "guid");
	if (it->link == NULL && it->guid != NULL && strncmp(it->guid, "http", 4) == 0) {
		char *perma = blogxml_attr(blogxml_child(item, NULL, "guid"), "isPermaLink");
		if (perma == NULL || strcmp(perma, "false") != 0)
			it->link = xstrdup(it->guid);
		free(perma);
	}
	it->author = blogxml_child_text(item, NS_DC, "creator");
	if (it->author == NULL)
		it->author = blogxml_child_text(item, NULL, "author");
	char *d = blogxml_child_text(item, NULL, "pubDate");
	if (d == NULL)
		d = blogxml_child_text(item, NS_DC, "date");
	it->published = blogxml_date(d);
	free(d);
	for (xmlNode *c = blogxml_child(item, NULL, "category"); c != NULL;
	    c = blogxml_next(c, NULL, "category")) {
		char *tag = blogxml_text(c);
		blog_item_add_tag(it, tag);
		free(tag);
	}
	for (xmlNode *c = blogxml_child(item, NS_DC, "subject"); c != NULL;
	    c = blogxml_next(c, NS_DC, "subject")) {
		char *tag = blogxml_text(c);
		blog_item_add_tag(it, tag);
		free(tag);
	}
	it->html = blogxml_child_text(item, NS_CONTENT, "encoded");
	if (it->html == NULL) {
		it->html = blogxml_child_text(item, NULL, "description");
		it->summary_only = true;
	}
}

struct blog *
feed_parse(const char *data, size_t len, const char *url, char **errp)
{
	blog_kind kind = blog_detect(data, len);
	if (kind != BLOG_RSS && kind != BLOG_ATOM) {
		set_error(errp, "not an RSS or Atom feed");
		return NULL;
	}
	struct blog *b = blog_create(kind);
	xmlDocPtr doc = blogxml_parse(data, len, url, b, errp);
	if (doc == NULL) {
		blog_free(b);
		return NULL;
	}
	xmlNode *root = xmlDocGetRootElement(doc);
	if (blogxml_is(root, NS_ATOM, "feed")) {
		b->kind = BLOG_ATOM;
		b->site_title = blogxml_child_text(root, NS_ATOM, "title");
		b->site_url = atom_link(root, NS_ATOM, NULL, url);
		b->next_page = atom_link(root, NS_ATOM, "next", url);
		char *lang = blogxml_attr(root, "lang");
		b->language = lang;
		for (xmlNode *e = blogxml_child(root, NS_ATOM, "entry"); e != NULL;
		    e = blogxml_next(e, NS_ATOM, "entry"))
			read_entry(b, e, url);
	} else {
		b->kind = BLOG_RSS;
		xmlNode *channel = blogxml_child(root, NULL, "channel");
		if (channel == NULL) {
			set_error(errp, "not an RSS feed (no <channel>)");
			xmlFreeDoc(doc);
			blog_free(b);
			return NULL;
		}
		b->site_title = blogxml_child_text(channel, NULL, "title");
		char *link = blogxml_child_text(channel, NULL, "link");
		b->site_url = resolve(link, url);
		free(link);
		b->language = blogxml_child_text(channel, NULL, "language");
		b->next_page = atom_link(channel, NS_ATOM, "next", url);
		/* RSS 2.0 keeps items in the channel, RSS 1.0 beside it. */
		xmlNode *holder = blogxml_child(channel, NULL, "item") != NULL ? channel : root;
		for (xmlNode *item = blogxml_child(holder, NULL, "item"); item != NULL;
		    item = blogxml_next(item, NULL, "item"))
			read_item(b, item, url);
	}
	xmlFreeDoc(doc);
	return b;
}

char *
feed_page_url(const char *url, int n)
{
	size_t frag = strcspn(url, "#");
	const char *q = memchr(url, '?', frag);
	struct buf out = {0};
	if (q == NULL) {
		buf_append(&out, url, frag);
		buf_printf(&out, "?paged=%d", n);
		return buf_detach(&out);
	}
	/* Copy the query without any paged parameter, then add ours. */
	buf_append(&out, url, (size_t)(q - url) + 1);
	const char *p = q + 1, *end = url + frag;
	bool any = false;
	while (p < end) {
		const char *amp = memchr(p, '&', (size_t)(end - p));
		const char *e = amp != NULL ? amp : end;
		if (!((size_t)(e - p) >= 6 && strncmp(p, "paged=", 6) == 0) && e > p) {
			if (any)
				buf_putc(&out, '&');
			buf_append(&out, p, (size_t)(e - p));
			any = true;
		}
		p = amp != NULL ? amp + 1 : end;
	}
	buf_printf(&out, "%spaged=%d", any ? "&" : "", n);
	return buf_detach(&out);
}
