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
#include <libxml/xmlreader.h>

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

/* Collect a libxml2 error into the blog's warnings (b NULL: count only). */
static void
report_error(struct report *r, xmlErrorPtr e)
{
	if (e == NULL || e->level == XML_ERR_WARNING)
		return;
	if (e->code == XML_WAR_UNDECLARED_ENTITY || e->code == XML_ERR_UNDECLARED_ENTITY)
		r->nentities++;
	if (e->code == XML_ERR_ENTITY_LOOP)
		r->nloops++;
	if (++r->nerrors > MAX_QUOTED_ERRORS || r->b == NULL)
		return;
	char *msg = xstrdup(e->message != NULL ? e->message : "error");
	msg[strcspn(msg, "\r\n")] = '\0';
	blog_warn(r->b, "XML line %d: %s (skipped)", e->line, msg);
	free(msg);
}

/* report_error for a parser context, whose _private is the report. */
static void
on_error(void *data, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = data;
	report_error(ctxt->_private, e);
}

/* report_error for a reader, whose argument is the report. */
static void
on_reader_error(void *data, xmlErrorPtr e)
{
	report_error(data, e);
}

/* The warnings a finished parse leaves: errors beyond the quoted ones,
 * refused expansions, and entity references left as they are. */
static void
report_done(const struct report *r, struct blog *b, size_t refs)
{
	if (b == NULL)
		return;
	if (r->nerrors > MAX_QUOTED_ERRORS)
		blog_warn(b, "%zu more XML errors (skipped)", r->nerrors - MAX_QUOTED_ERRORS);
	if (r->nloops > 0)
		blog_warn(b, "nested entity expansion refused %zu times (the text around it is dropped)",
		    r->nloops);
	if (refs > 0)
		blog_warn(b, "%zu entity references not expanded (quire expands no declared entity)",
		    refs);
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
	bool ok = doc != NULL && xmlDocGetRootElement(doc) != NULL;
	report_done(&r, b, ok ? count_entity_refs(xmlDocGetRootElement(doc)) : 0);
	if (!ok) {
		xmlFreeDoc(doc);
		set_error(errp, "cannot parse as XML");
		return NULL;
	}
	return doc;
}

/* A walk over the elements of depth 0 to 2: a DOM parsed whole (doc, with
 * libxml2's full recovery) or a file streamed by an xmlTextReader (r). */
struct blogxml_reader {
	xmlDocPtr doc;
	xmlNode *cur;         /* DOM: the element last returned */
	int depth;            /* DOM: its depth */
	bool started;         /* DOM: the root has been returned */
	xmlTextReaderPtr r;
	char *path;           /* stream: the file, to read again on rewind */
	struct report rep;
	size_t refs;          /* stream: entity references in expanded elements */
	bool skip;            /* stream: the last element was expanded: skip past it */
	bool any;             /* stream: an element was read */
	bool broken;          /* stream: an error stopped the read early */
	int broken_line;
};

/* Open the stream of x->path, reporting into b (NULL: nowhere). */
static int
stream_open(struct blogxml_reader *x, struct blog *b, char **errp)
{
	memset(&x->rep, 0, sizeof x->rep);
	x->rep.b = b;
	x->skip = x->any = x->broken = false;
	/* The options of blogxml_parse: without XML_PARSE_NOENT and
	 * XML_PARSE_DTDLOAD no external entity or DTD is ever fetched. */
	x->r = xmlReaderForFile(x->path, NULL, PARSE_OPTIONS);
	if (x->r == NULL)
		return set_error(errp, "cannot read as XML");
	xmlTextReaderSetStructuredErrorHandler(x->r, on_reader_error, &x->rep);
	return 0;
}

struct blogxml_reader *
blogxml_reader_open(const char *path, const char *data, size_t len, struct blog *b, char **errp)
{
	struct blogxml_reader *x = xcalloc(1, sizeof *x);
	if (path != NULL) {
		x->path = xstrdup(path);
		if (stream_open(x, b, errp) < 0) {
			free(x->path);
			free(x);
			return NULL;
		}
		return x;
	}
	if ((x->doc = blogxml_parse(data, len, NULL, b, errp)) == NULL) {
		free(x);
		return NULL;
	}
	return x;
}

/* The next element of the DOM at depth 2 or less, in document order. */
static xmlNode *
dom_next(struct blogxml_reader *x, int *depth)
{
	xmlNode *n = x->cur;
	if (!x->started) {
		x->started = true;
		n = xmlDocGetRootElement(x->doc);
		x->depth = 0;
	} else if (n == NULL) {
		return NULL;
	} else {
		xmlNode *down = x->depth < 2 ? n->children : NULL;
		while (down != NULL && down->type != XML_ELEMENT_NODE)
			down = down->next;
		if (down != NULL) {
			n = down;
			x->depth++;
		} else {
			for (;;) {
				xmlNode *next = n->next;
				while (next != NULL && next->type != XML_ELEMENT_NODE)
					next = next->next;
				if (next != NULL) {
					n = next;
					break;
				}
				n = n->parent;
				if (n == NULL || n->type != XML_ELEMENT_NODE || --x->depth < 0) {
					n = NULL;
					break;
				}
			}
		}
	}
	x->cur = n;
	*depth = x->depth;
	return n;
}

/* The next element of the stream at depth 2 or less. */
static xmlNode *
stream_next(struct blogxml_reader *x, int *depth)
{
	for (;;) {
		int rc = x->skip ? xmlTextReaderNext(x->r) : xmlTextReaderRead(x->r);
		x->skip = false;
		if (rc != 1) {
			if (rc < 0 && !x->broken) {
				x->broken = true;
				x->broken_line = xmlTextReaderGetParserLineNumber(x->r);
			}
			return NULL;
		}
		if (xmlTextReaderNodeType(x->r) != XML_READER_TYPE_ELEMENT)
			continue;
		int d = xmlTextReaderDepth(x->r);
		if (d > 2)
			continue;
		x->any = true;
		*depth = d;
		if (d < 2)
			return xmlTextReaderCurrentNode(x->r);
		xmlNode *n = xmlTextReaderExpand(x->r);
		if (n == NULL)
			continue;   /* the error is reported; the next read says whether to go on */
		x->refs += count_entity_refs(n->children);
		x->skip = true;
		return n;
	}
}

xmlNode *
blogxml_reader_next(struct blogxml_reader *x, int *depth)
{
	return x->doc != NULL ? dom_next(x, depth) : stream_next(x, depth);
}

/* Free the stream of x, adding its warnings to its blog. */
static void
stream_close(struct blogxml_reader *x)
{
	xmlFreeTextReader(x->r);
	x->r = NULL;
	report_done(&x->rep, x->rep.b, x->refs);
	if (x->broken && x->rep.b != NULL)
		blog_warn(x->rep.b, "the XML cannot be read past line %d: what follows is not imported",
		    x->broken_line);
}

int
blogxml_reader_rewind(struct blogxml_reader *x, char **errp)
{
	if (x->doc != NULL) {
		x->started = false;
		x->cur = NULL;
		return 0;
	}
	/* Read again, reporting nothing: the first read said it all. */
	stream_close(x);
	return stream_open(x, NULL, errp);
}

int
blogxml_reader_close(struct blogxml_reader *x, char **errp)
{
	if (x == NULL)
		return 0;
	int rc = 0;
	if (x->doc != NULL) {
		xmlFreeDoc(x->doc);
	} else {
		stream_close(x);
		if (!x->any)
			rc = set_error(errp, "cannot parse as XML");
	}
	free(x->path);
	free(x);
	return rc;
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
