/* xml.c — the safe XML reader behind WXR and feeds. Exports and feeds are
 * hostile and often broken: libxml2 reads them with recovery, never touches
 * the network, never loads a DTD or an external entity, and never
 * substitutes entities, so an entity reference stays a node that
 * blogxml_text skips; libxml2's own amplification limits (no
 * XML_PARSE_HUGE) bound what checking a nested entity may cost. Every error
 * libxml2 reports becomes a warning line on the blog (the first few in full,
 * then a count). */
#include "xml.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "../meta/date.h"
#include "text.h"
#include "util.h"

#define PARSE_OPTIONS (XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOWARNING | \
	XML_PARSE_COMPACT)
/* Errors quoted in full before the rest are only counted. */
#define MAX_QUOTED_ERRORS 5

/* Where one parse collects its errors. */
struct report {
	struct blog *b;
	size_t nerrors;
	size_t nentities;
	size_t nloops;     /* entity expansions libxml2's limits refused */
};

/* Collect a libxml2 error into the blog's warnings. */
static void
on_error(void *data, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = data;
	struct report *r = ctxt->_private;
	if (e == NULL || e->level == XML_ERR_WARNING)
		return;
	if (e->code == XML_WAR_UNDECLARED_ENTITY || e->code == XML_ERR_UNDECLARED_ENTITY)
		r->nentities++;
	if (e->code == XML_ERR_ENTITY_LOOP)
		r->nloops++;
	if (++r->nerrors > MAX_QUOTED_ERRORS)
		return;
	char *msg = xstrdup(e->message != NULL ? e->message : "error");
	msg[strcspn(msg, "\r\n")] = '\0';
	blog_warn(r->b, "XML line %d: %s (skipped)", e->line, msg);
	free(msg);
}

/* Refuse every external resource: DTDs and entities alike. */
static xmlParserInputPtr
refuse_entity(void *ctx, const xmlChar *public_id, const xmlChar *system_id)
{
	(void)ctx;
	(void)public_id;
	(void)system_id;
	return NULL;
}

/* Load no external subset, whatever the document asks. */
static void
no_external_subset(void *ctx, const xmlChar *name, const xmlChar *external_id,
    const xmlChar *system_id)
{
	(void)ctx;
	(void)name;
	(void)external_id;
	(void)system_id;
}

/* Count the entity references left unexpanded under n. */
static size_t
count_entity_refs(const xmlNode *n)
{
	size_t k = 0;
	for (const xmlNode *c = n; c != NULL; c = c->next) {
		if (c->type == XML_ENTITY_REF_NODE)
			k++;
		else if (c->type == XML_ELEMENT_NODE)
			k += count_entity_refs(c->children);
	}
	return k;
}

xmlDocPtr
blogxml_parse(const char *data, size_t len, const char *url, struct blog *b, char **errp)
{
	if (len > INT_MAX) {
		set_error(errp, "file too large");
		return NULL;
	}
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (ctxt == NULL)
		fatal("out of memory");
	struct report r = { .b = b };
	ctxt->_private = &r;
	ctxt->sax->serror = on_error;
	ctxt->sax->resolveEntity = refuse_entity;
	ctxt->sax->externalSubset = no_external_subset;
	xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)len, url, NULL, PARSE_OPTIONS);
	xmlFreeParserCtxt(ctxt);
	if (r.nerrors > MAX_QUOTED_ERRORS)
		blog_warn(b, "%zu more XML errors (skipped)", r.nerrors - MAX_QUOTED_ERRORS);
	if (r.nloops > 0)
		blog_warn(b, "nested entity expansion refused %zu times (the text around it is dropped)",
		    r.nloops);
	if (doc == NULL || xmlDocGetRootElement(doc) == NULL) {
		xmlFreeDoc(doc);
		set_error(errp, "cannot parse as XML");
		return NULL;
	}
	size_t refs = count_entity_refs(xmlDocGetRootElement(doc));
	if (refs > 0)
		blog_warn(b, "%zu entity references not expanded (quire expands no declared entity)",
		    refs);
	return doc;
}

bool
blogxml_is(const xmlNode *n, const char *ns, const char *name)
{
	if (n == NULL || n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, name) != 0)
		return false;
	const char *uri = n->ns != NULL && n->ns->href != NULL ? (const char *)n->ns->href : NULL;
	if (ns == NULL)
		return uri == NULL || (strstr(uri, NS_RSS1) != NULL && strstr(uri, "modules") == NULL);
	return uri != NULL && strstr(uri, ns) != NULL;
}

xmlNode *
blogxml_child(const xmlNode *n, const char *ns, const char *name)
{
	if (n == NULL)
		return NULL;
	for (xmlNode *c = n->children; c != NULL; c = c->next)
		if (blogxml_is(c, ns, name))
			return c;
	return NULL;
}

xmlNode *
blogxml_next(const xmlNode *n, const char *ns, const char *name)
{
	for (xmlNode *c = n->next; c != NULL; c = c->next)
		if (blogxml_is(c, ns, name))
			return c;
	return NULL;
}

/* Append the text and CDATA under n; entity references are skipped. */
static void
gather_text(const xmlNode *n, struct buf *out)
{
	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
		    c->content != NULL)
			buf_puts(out, (const char *)c->content);
		else if (c->type == XML_ELEMENT_NODE)
			gather_text(c, out);
	}
}

char *
blogxml_text(const xmlNode *n)
{
	if (n == NULL)
		return NULL;
	struct buf b = {0};
	gather_text(n, &b);
	const char *s = buf_str(&b);
	size_t start = strspn(s, " \t\r\n"), end = b.len;
	while (end > start && strchr(" \t\r\n", s[end - 1]) != NULL)
		end--;
	char *out = end > start ? xstrndup(s + start, end - start) : NULL;
	buf_free(&b);
	return out;
}

char *
blogxml_child_text(const xmlNode *n, const char *ns, const char *name)
{
	return blogxml_text(blogxml_child(n, ns, name));
}

char *
blogxml_attr(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	if (v == NULL)
		return NULL;
	char *s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

char *
blogxml_date(const char *s)
{
	if (s == NULL || s[0] == '\0' || strncmp(s, "0000-00-00", 10) == 0)
		return NULL;
	return meta_date_normalize(s, false, 0);
}
