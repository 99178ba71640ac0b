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

/* Tag names that mean something to the measurements, sorted: block tags
 * start a new block of text (everything else is inline); invisible ones
 * hold content that is never read as text. */
static const struct {
	const char *name;
	unsigned char bits;
} tag_table[] = {
	{"a", TAG_A}, {"address", TAG_BLOCK}, {"article", TAG_BLOCK}, {"aside", TAG_BLOCK},
	{"blockquote", TAG_BLOCK | TAG_BLOCKQUOTE}, {"body", TAG_BLOCK}, {"br", TAG_BLOCK},
	{"canvas", TAG_INVISIBLE}, {"center", TAG_BLOCK}, {"dd", TAG_BLOCK}, {"details", TAG_BLOCK},
	{"dialog", TAG_BLOCK}, {"div", TAG_BLOCK}, {"dl", TAG_BLOCK}, {"dt", TAG_BLOCK},
	{"embed", TAG_INVISIBLE}, {"fieldset", TAG_BLOCK}, {"figcaption", TAG_BLOCK},
	{"figure", TAG_BLOCK | TAG_FIGURE}, {"footer", TAG_BLOCK}, {"form", TAG_BLOCK},
	{"h1", TAG_BLOCK}, {"h2", TAG_BLOCK}, {"h3", TAG_BLOCK}, {"h4", TAG_BLOCK}, {"h5", TAG_BLOCK},
	{"h6", TAG_BLOCK}, {"head", TAG_INVISIBLE}, {"header", TAG_BLOCK}, {"hr", TAG_BLOCK},
	{"html", TAG_BLOCK}, {"iframe", TAG_INVISIBLE}, {"li", TAG_BLOCK}, {"main", TAG_BLOCK},
	{"math", TAG_INVISIBLE}, {"nav", TAG_BLOCK}, {"noscript", TAG_INVISIBLE},
	{"object", TAG_INVISIBLE}, {"ol", TAG_BLOCK}, {"p", TAG_BLOCK | TAG_PARA},
	{"pre", TAG_BLOCK | TAG_PARA}, {"script", TAG_INVISIBLE}, {"section", TAG_BLOCK},
	{"select", TAG_INVISIBLE}, {"style", TAG_INVISIBLE}, {"summary", TAG_BLOCK},
	{"svg", TAG_INVISIBLE}, {"table", TAG_BLOCK}, {"tbody", TAG_BLOCK}, {"td", TAG_BLOCK},
	{"template", TAG_INVISIBLE}, {"textarea", TAG_INVISIBLE}, {"tfoot", TAG_BLOCK},
	{"th", TAG_BLOCK}, {"thead", TAG_BLOCK}, {"title", TAG_INVISIBLE}, {"tr", TAG_BLOCK},
	{"ul", TAG_BLOCK},
};

/* The TAG_* bits of element n's name, by binary search in tag_table. */
static unsigned
tag_bits(const xmlNode *n)
{
	if (n == NULL || n->type != XML_ELEMENT_NODE || n->name == NULL)
		return 0;
	const unsigned char *name = n->name;
	size_t lo = 0, hi = sizeof tag_table / sizeof tag_table[0];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const unsigned char *t = (const unsigned char *)tag_table[mid].name;
		size_t i = 0;
		while (name[i] != '\0' && name[i] == t[i])
			i++;
		if (name[i] == t[i])
			return tag_table[mid].bits;
		if (name[i] < t[i])
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

/* The TAG_* bits of n: from its record when it has one. */
static unsigned
tag_of(const xmlNode *n)
{
	const struct nstat *s = nstat_of(n);
	return s != NULL ? s->tag : tag_bits(n);
}

bool
is_block_tag(const xmlNode *n)
{
	return (tag_of(n) & TAG_BLOCK) != 0;
}

bool
is_invisible_tag(const xmlNode *n)
{
	return (tag_of(n) & TAG_INVISIBLE) != 0;
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

/* Classes of bytes for count_text; 0 is any other ASCII character. */
enum { BYTE_OTHER, BYTE_SPACE, BYTE_COMMA, BYTE_END, BYTE_HIGH };
#define HIGH16 BYTE_HIGH, BYTE_HIGH, BYTE_HIGH, BYTE_HIGH, BYTE_HIGH, BYTE_HIGH, BYTE_HIGH, \
	BYTE_HIGH, BYTE_HIGH, BYTE_HIGH, BYTE_HIGH, BYTE_HIGH, BYTE_HIGH, BYTE_HIGH, BYTE_HIGH, BYTE_HIGH
static const unsigned char byte_class[256] = {
	[0] = BYTE_END, [' '] = BYTE_SPACE, ['\t'] = BYTE_SPACE, ['\n'] = BYTE_SPACE,
	['\r'] = BYTE_SPACE, ['\f'] = BYTE_SPACE, [','] = BYTE_COMMA,
	[0x80] = HIGH16, HIGH16, HIGH16, HIGH16, HIGH16, HIGH16, HIGH16, HIGH16,
};
#undef HIGH16

/* Count characters (white-space runs as one) and commas of a text node.
 * *space carries whether the previous character was white space. Counts
 * are kept in locals: stores through the pointers would alias the text. */
static void
count_text(const char *t, unsigned *chars, unsigned *commas, bool *space)
{
	const unsigned char *p = (const unsigned char *)t;
	unsigned nchars = 0, ncommas = 0;
	bool sp = *space;
	for (;;) {
		/* A run of ordinary ASCII characters, the common case. */
		const unsigned char *run = p;
		while (byte_class[*p] == BYTE_OTHER)
			p++;
		if (p != run) {
			nchars += (unsigned)(p - run);
			sp = false;
		}
		unsigned char c = byte_class[*p];
		if (c != BYTE_HIGH) {
			if (c == BYTE_END)
				break;
			if (c == BYTE_SPACE) {
				if (!sp)
					nchars++;
				sp = true;
			} else {
				nchars++;
				ncommas++;
				sp = false;
			}
			p++;
			continue;
		}
		/* A sequence cut short by the terminating NUL fails as a bad
		 * continuation byte, so the decoder needs no exact length. */
		uint32_t cp;
		size_t k = utf8_decode((const char *)p, 4, &cp);
		if (k == 0) {
			cp = 0xfffd;
			k = 1;
		}
		if (text_is_space(cp)) {
			if (!sp)
				nchars++;
			sp = true;
		} else {
			nchars++;
			sp = false;
			if (cp == ',' || cp == 0xff0c || cp == 0x060c)
				ncommas++;
		}
		p += k;
	}
	*chars += nchars;
	*commas += ncommas;
	*space = sp;
}

/* Start measuring element n: a fresh or reset record; in_link says
 * whether n sits inside a link. */
static struct nstat *
open_record(struct cx *cx, xmlNode *n, bool in_link, bool in_quote, bool in_figure)
{
	struct nstat *s = n->_private;
	if (s == NULL) {
		s = stat_new(cx);
		s->tag = (unsigned char)tag_bits(n);
		s->names = &cx->names;
		n->_private = s;
	} else {
		s->text = s->link = s->commas = s->own = s->own_commas = s->paras = s->ptext = 0;
		s->score = 0;
		s->scored = false;
	}
	s->in_link = in_link || ((s->tag & TAG_A) && dom_attr(n, "href") != NULL);
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
	if (k->tag & TAG_BLOCK) {
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
	xmlNode *c = (s->tag & TAG_INVISIBLE) ? NULL : n->children;
	for (;;) {
		if (c != NULL) {
			if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
				add_text(s, c);
				c = c->next;
			} else if (c->type == XML_ELEMENT_NODE) {
				s = open_record(cx, c, s->in_link, s->in_quote || (s->tag & TAG_BLOCKQUOTE),
				    s->in_figure || (s->tag & TAG_FIGURE));
				n = c;
				c = (s->tag & TAG_INVISIBLE) ? NULL : n->children;
			} else {
				c = c->next;
			}
			continue;
		}
		if ((s->tag & TAG_PARA) && s->text >= 25)
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
	names_free(&cx->names);
}
