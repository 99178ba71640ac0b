/* dom.c — helpers over libxml2's HTML tree. libxml2 keeps element and
 * attribute names lower-cased for HTML, and attribute values as text-node
 * children; these helpers read them without copying where they can. */
#include "dom.h"

#include <string.h>
#include <strings.h>

#include "text.h"

bool
dom_is(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->name != NULL &&
	    strcmp((const char *)n->name, name) == 0;
}

const char *
dom_attr(const xmlNode *n, const char *name)
{
	if (n == NULL || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (const xmlAttr *a = n->properties; a != NULL; a = a->next) {
		if (a->name == NULL || strcasecmp((const char *)a->name, name) != 0)
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
