/* measure.c — per-element text measurements for the content finder. Each
 * element under the measured subtree gets an nstat record through its
 * _private pointer: visible characters, characters inside links, commas, the
 * characters of its own inline runs and its count of paragraphs. Records are
 * pooled in chunks owned by struct cx, so their addresses never move; one
 * post-order walk measures a subtree in time linear in its size. */
#include "content.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dom.h"
#include "text.h"
#include "util.h"

#define CHUNK 1024

struct stat_chunk {
	struct stat_chunk *next;
	struct nstat rec[CHUNK];
};

/* Tags that start a new block of text; everything else is inline. Sorted. */
static const char *const block_tags[] = {
	"address", "article", "aside", "blockquote", "body", "br", "center", "dd", "details", "dialog",
	"div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
	"h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
	"table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
};

/* Tags whose content is never read as text. Sorted. */
static const char *const invisible_tags[] = {
	"canvas", "embed", "head", "iframe", "math", "noscript", "object", "script", "select",
	"style", "svg", "template", "textarea", "title",
};

/* bsearch comparison of a tag name with a list entry. */
static int
cmp_name(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

/* Whether n's tag is in tags, a sorted list. */
static bool
tag_in(const xmlNode *n, const char *const *tags, size_t count)
{
	if (n == NULL || n->type != XML_ELEMENT_NODE || n->name == NULL)
		return false;
	return bsearch(n->name, tags, count, sizeof tags[0], cmp_name) != NULL;
}

bool
is_block_tag(const xmlNode *n)
{
	return tag_in(n, block_tags, sizeof block_tags / sizeof block_tags[0]);
}

bool
is_invisible_tag(const xmlNode *n)
{
	return tag_in(n, invisible_tags, sizeof invisible_tags / sizeof invisible_tags[0]);
}

/* Return a zeroed record from the pool. */
static struct nstat *
stat_new(struct cx *cx)
{
	if (cx->chunks == NULL || cx->used == CHUNK) {
		struct stat_chunk *c = xmalloc(sizeof *c);
		c->next = cx->chunks;
		cx->chunks = c;
		cx->used = 0;
	}
	struct nstat *s = &cx->chunks->rec[cx->used++];
	memset(s, 0, sizeof *s);
	return s;
}

struct nstat *
nstat_of(const xmlNode *n)
{
	return n != NULL && n->type == XML_ELEMENT_NODE ? n->_private : NULL;
}

double
link_density(const xmlNode *n)
{
	const struct nstat *s = nstat_of(n);
	if (s == NULL || s->text == 0)
		return 0;
	return (double)s->link / s->text;
}

/* Count characters (white-space runs as one) and commas of a text node.
 * *space carries whether the previous character was white space. */
static void
count_text(const char *t, unsigned *chars, unsigned *commas, bool *space)
{
	size_t n = strlen(t), i = 0;
	while (i < n) {
		unsigned char b = (unsigned char)t[i];
		if (b < 0x80) {     /* ASCII: no decoding needed */
			if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f') {
				if (!*space)
					(*chars)++;
				*space = true;
			} else {
				(*chars)++;
				*space = false;
				if (b == ',')
					(*commas)++;
			}
			i++;
			continue;
		}
		uint32_t cp;
		size_t k = utf8_decode(t + i, n - i, &cp);
		if (k == 0) {
			cp = 0xfffd;
			k = 1;
		}
		if (text_is_space(cp)) {
			if (!*space)
				(*chars)++;
			*space = true;
		} else {
			(*chars)++;
			*space = false;
			if (cp == ',' || cp == 0xff0c || cp == 0x060c)
				(*commas)++;
		}
		i += k;
	}
}

/* Start measuring element n: a fresh or reset record; in_link says
 * whether n sits inside a link. */
static struct nstat *
open_record(struct cx *cx, xmlNode *n, bool in_link, bool in_quote, bool in_figure)
{
	struct nstat *s = n->_private;
	if (s == NULL) {
		s = stat_new(cx);
		n->_private = s;
	} else {
		s->text = s->link = s->commas = s->own = s->own_commas = s->paras = s->ptext = 0;
		s->score = 0;
		s->scored = false;
	}
	s->in_link = in_link || (dom_is(n, "a") && dom_attr(n, "href") != NULL);
	s->in_quote = in_quote;
	s->in_figure = in_figure;
	s->space = true;
	return s;
}

/* Count a text node's characters into its parent's record. */
static void
add_text(struct nstat *s, const xmlNode *t)
{
	unsigned chars = 0, commas = 0;
	if (t->content != NULL)
		count_text((const char *)t->content, &chars, &commas, &s->space);
	s->text += chars;
	s->commas += commas;
	s->own += chars;
	s->own_commas += commas;
	if (s->in_link)
		s->link += chars;
}

/* Fold finished child c into its parent's record. */
static void
fold(struct nstat *s, const xmlNode *c)
{
	const struct nstat *k = c->_private;
	s->text += k->text;
	s->link += k->link;
	s->commas += k->commas;
	s->paras += k->paras;
	if (is_block_tag(c)) {
		s->space = true;
	} else {
		s->own += k->own;
		s->own_commas += k->own_commas;
	}
}

void
measure(struct cx *cx, xmlNode *top)
{
	if (top == NULL || top->type != XML_ELEMENT_NODE)
		return;
	bool in_link = false, in_quote = false, in_figure = false;
	for (const xmlNode *p = top->parent; p != NULL; p = p->parent) {
		if (dom_is(p, "a") && dom_attr(p, "href") != NULL)
			in_link = true;
		in_quote = in_quote || dom_is(p, "blockquote");
		in_figure = in_figure || dom_is(p, "figure");
	}
	/* Post-order without recursion, so that no depth of nesting can
	 * exhaust the stack: go down to the first child, count text nodes on
	 * the way, and fold each element into its parent when it is done. */
	xmlNode *n = top;
	struct nstat *s = open_record(cx, n, in_link, in_quote, in_figure);
	xmlNode *c = is_invisible_tag(n) ? NULL : n->children;
	for (;;) {
		if (c != NULL) {
			if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
				add_text(s, c);
				c = c->next;
			} else if (c->type == XML_ELEMENT_NODE) {
				s = open_record(cx, c, s->in_link, s->in_quote || dom_is(n, "blockquote"),
				    s->in_figure || dom_is(n, "figure"));
				n = c;
				c = is_invisible_tag(n) ? NULL : n->children;
			} else {
				c = c->next;
			}
			continue;
		}
		if ((dom_is(n, "p") || dom_is(n, "pre")) && s->text >= 25)
			s->paras++;
		if (n == top)
			break;
		xmlNode *parent = n->parent;
		struct nstat *ps = parent->_private;
		fold(ps, n);
		c = n->next;
		n = parent;
		s = ps;
	}
}

void
scores_reset(xmlNode *n)
{
	for (xmlNode *c = n; c != NULL; c = dom_next_in(c, n, false)) {
		struct nstat *s = c->_private;
		if (s != NULL) {
			s->score = 0;
			s->scored = false;
			s->ptext = 0;
		}
	}
}

void
measure_clear(xmlNode *n)
{
	for (xmlNode *c = n; c != NULL; c = dom_next_in(c, n, false))
		c->_private = NULL;
}

void
measure_free(struct cx *cx)
{
	while (cx->chunks != NULL) {
		struct stat_chunk *next = cx->chunks->next;
		free(cx->chunks);
		cx->chunks = next;
	}
	cx->used = 0;
}
