/* dom.c — helpers over libxml2's HTML tree. libxml2 keeps element and
 * attribute names lower-cased for HTML, and attribute values as text-node
 * children; these helpers read them without copying where they can. */
#include "dom.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/uri.h>

#include "text.h"

bool
dom_is(const xmlNode *n, const char *name)
{
	/* Called for nearly every node by every stage: test the first byte
	 * before paying for a call to strcmp. */
	return n != NULL && n->type == XML_ELEMENT_NODE && n->name != NULL &&
	    n->name[0] == (unsigned char)name[0] && strcmp((const char *)n->name, name) == 0;
}

const char *
dom_attr(const xmlNode *n, const char *name)
{
	if (n == NULL || n->type != XML_ELEMENT_NODE)
		return NULL;
	/* Most attributes differ in their first byte: test it (folded as
	 * strcasecmp folds it) before calling strcasecmp. */
	int first = tolower((unsigned char)name[0]);
	for (const xmlAttr *a = n->properties; a != NULL; a = a->next) {
		if (a->name == NULL || tolower(a->name[0]) != first ||
		    strcasecmp((const char *)a->name, name) != 0)
			continue;
		if (a->children == NULL)
			return "";
		if (a->children->type == XML_TEXT_NODE && a->children->next == NULL)
			return a->children->content ? (const char *)a->children->content : "";
		return "";
	}
	return NULL;
}

bool
dom_has_class(const xmlNode *n, const char *cls)
{
	const char *c = dom_attr(n, "class");
	if (c == NULL)
		return false;
	size_t len = strlen(cls);
	for (const char *p = c; (p = strstr(p, cls)) != NULL; p += len) {
		bool start = p == c || p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n';
		char e = p[len];
		if (start && (e == '\0' || e == ' ' || e == '\t' || e == '\n'))
			return true;
	}
	return false;
}

bool
dom_class_id_contains(const xmlNode *n, const char *part)
{
	const char *c = dom_attr(n, "class");
	const char *i = dom_attr(n, "id");
	return (c && strcasestr(c, part)) || (i && strcasestr(i, part));
}

void
dom_text_append(const xmlNode *n, struct buf *out)
{
	if (n == NULL)
		return;
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content)
			buf_puts(out, (const char *)n->content);
		return;
	}
	if (n->type != XML_ELEMENT_NODE && n->type != XML_DOCUMENT_NODE &&
	    n->type != XML_HTML_DOCUMENT_NODE)
		return;
	if (dom_is(n, "script") || dom_is(n, "style") || dom_is(n, "template"))
		return;
	for (const xmlNode *c = n->children; c != NULL; c = c->next)
		dom_text_append(c, out);
}

char *
dom_text(const xmlNode *n)
{
	struct buf b = {0};
	dom_text_append(n, &b);
	char *s = text_normalize(buf_str(&b));
	buf_free(&b);
	return s;
}

xmlNode *
dom_first_element(const xmlNode *n)
{
	for (xmlNode *c = n ? n->children : NULL; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return c;
	return NULL;
}

xmlNode *
dom_next_element(const xmlNode *n)
{
	for (xmlNode *c = n ? n->next : NULL; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return c;
	return NULL;
}

xmlNode *
dom_next_in(const xmlNode *n, const xmlNode *top, bool skip_children)
{
	if (!skip_children) {
		xmlNode *c = dom_first_element(n);
		if (c != NULL)
			return c;
	}
	while (n != NULL && n != top) {
		xmlNode *s = dom_next_element(n);
		if (s != NULL)
			return s;
		n = n->parent;
	}
	return NULL;
}

xmlNode *
dom_find(xmlNode *n, bool (*match)(const xmlNode *, const void *), const void *arg)
{
	for (xmlNode *c = n; c != NULL; c = dom_next_in(c, n, false))
		if (c->type == XML_ELEMENT_NODE && match(c, arg))
			return c;
	return NULL;
}

xmlNode *
dom_root(xmlDoc *doc)
{
	return doc ? xmlDocGetRootElement(doc) : NULL;
}

static xmlNode *
root_child(xmlDoc *doc, const char *name)
{
	xmlNode *r = dom_root(doc);
	if (r == NULL)
		return NULL;
	if (dom_is(r, name))
		return r;
	for (xmlNode *c = r->children; c != NULL; c = c->next)
		if (dom_is(c, name))
			return c;
	return NULL;
}

xmlNode *
dom_head(xmlDoc *doc)
{
	return root_child(doc, "head");
}

xmlNode *
dom_body(xmlDoc *doc)
{
	return root_child(doc, "body");
}

void
dom_remove(xmlNode *n)
{
	if (n == NULL)
		return;
	xmlUnlinkNode(n);
	xmlFreeNode(n);
}

/* URL standard: return a newly allocated copy of href without leading and
 * trailing C0 controls and spaces, without any tab or newline, and with the
 * other C0 and C1 controls percent-encoded, so no control byte from a page
 * survives into a stored link. */
static char *
clean_href(const char *href)
{
	const unsigned char *s = (const unsigned char *)href;
	while (*s != '\0' && *s <= ' ')
		s++;
	size_t n = strlen((const char *)s);
	while (n > 0 && s[n - 1] <= ' ')
		n--;
	struct buf b = {0};
	buf_puts(&b, "");
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
			continue;
		if (s[i] < 0x20 || s[i] == 0x7f)
			buf_printf(&b, "%%%02X", s[i]);
		else if (s[i] == 0xc2 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0x9f) {
			buf_printf(&b, "%%C2%%%02X", s[i + 1]);
			i++;
		} else
			buf_putc(&b, (char)s[i]);
	}
	return buf_detach(&b);
}

/* Resolve href against the base; an absolute href is kept as written but
 * for controls (clean_href). Returns a newly allocated string. */
char *
dom_resolve_url(const char *base, const char *href)
{
	char *h = clean_href(href);
	size_t scheme = strspn(h, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");
	bool absolute = scheme > 0 && h[scheme] == ':' &&
	    ((h[0] >= 'a' && h[0] <= 'z') || (h[0] >= 'A' && h[0] <= 'Z'));
	if (absolute || base == NULL || *base == '\0')
		return h;
	xmlChar *u = xmlBuildURI((const xmlChar *)h, (const xmlChar *)base);
	if (u == NULL) {
		/* libxml2 refuses raw spaces, non-ASCII bytes and stray '%'s: escape
		 * them as a browser would and try once more. */
		struct buf b = {0};
		for (const unsigned char *p = (const unsigned char *)h; *p; p++) {
			bool stray = *p == '%' && !(isxdigit(p[1]) && isxdigit(p[2]));
			if (*p <= ' ' || *p >= 0x7f || stray || strchr("\"<>\\^`{|}", *p) != NULL)
				buf_printf(&b, "%%%02X", *p);
			else
				buf_putc(&b, (char)*p);
		}
		u = xmlBuildURI((const xmlChar *)buf_str(&b), (const xmlChar *)base);
		buf_free(&b);
	}
	if (u == NULL)
		return h;
	free(h);
	char *r = xstrdup((const char *)u);
	xmlFree(u);
	return r;
}

/* Whether s is a usable image address (not empty, not an inline placeholder). */
static bool
usable_src(const char *s)
{
	if (s == NULL)
		return false;
	s += strspn(s, " \t\n");
	return *s != '\0' && strncasecmp(s, "data:", 5) != 0;
}

/* Return a newly allocated copy of the first URL in a srcset, or NULL. */
static char *
srcset_first(const char *s)
{
	if (s == NULL)
		return NULL;
	s += strspn(s, " \t\n,");
	size_t n = strcspn(s, " \t\n,");
	return n > 0 && strncasecmp(s, "data:", 5) != 0 ? xstrndup(s, n) : NULL;
}

/* The real address of an image: lazy-loading attributes win over src,
 * which often holds a placeholder. Newly allocated, or NULL. */
char *
dom_image_src(const xmlNode *img)
{
	static const char *const lazy[] = { "data-lazy-src", "data-src", "data-original", "data-orig-src" };
	for (size_t i = 0; i < sizeof lazy / sizeof lazy[0]; i++) {
		const char *v = dom_attr(img, lazy[i]);
		if (usable_src(v))
			return xstrdup(v);
	}
	const char *src = dom_attr(img, "src");
	if (usable_src(src))
		return xstrdup(src);
	static const char *const sets[] = { "data-lazy-srcset", "data-srcset", "srcset" };
	for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++) {
		char *v = srcset_first(dom_attr(img, sets[i]));
		if (v != NULL)
			return v;
	}
	return NULL;
}
