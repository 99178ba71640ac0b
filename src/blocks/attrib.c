/* attrib.c — the blocks walk's quotations and their attributions. A quote
 * frame is open for each <blockquote> or pull quote being walked; the
 * outermost one becomes a quote in the article when it closes, spanning the
 * blocks made inside it. A <cite>, <footer>, figcaption or trailing "— Name"
 * line that attributes it is collected into cite_raw (and a link in it into
 * cite_url) instead of the body; image captions are collected the same way. */
#include "walk.h"

#include <stdlib.h>
#include <string.h>

#include "dom.h"
#include "text.h"

/* Whether s starts with an attribution dash; returns its length or 0. */
static size_t
dash_prefix(const char *s)
{
	static const char *const dashes[] = { "\xe2\x80\x94", "\xe2\x80\x95", "\xe2\x80\x93 ", "-- ", "- ", "~ " };
	for (size_t i = 0; i < sizeof dashes / sizeof dashes[0]; i++)
		if (strncmp(s, dashes[i], strlen(dashes[i])) == 0)
			return strlen(dashes[i]);
	return 0;
}

/* Return a newly allocated copy of attribution text without its leading dash. */
static char *
strip_dash(const char *s)
{
	char *n = text_normalize(s);
	const char *p = n;
	size_t k;
	while ((k = dash_prefix(p)) > 0 || *p == ' ')
		p += k ? k : 1;
	char *r = xstrdup(p);
	free(n);
	return r;
}

/* Whether there is visible text after n inside top. Looks at no more than
 * a few thousand nodes, and says yes when it gives up. */
bool
attrib_text_after(const xmlNode *n, const xmlNode *top)
{
	size_t budget = 4000;
	for (; n != NULL && n != top; n = n->parent) {
		for (const xmlNode *s = n->next; s != NULL; s = s->next) {
			const xmlNode *c = s;
			while (c != NULL) {
				if (budget-- == 0)
					return true;
				if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
					char *t = text_normalize((const char *)c->content);
					bool any = t[0] != '\0';
					free(t);
					if (any)
						return true;
				}
				bool skip = c->type != XML_ELEMENT_NODE || walk_tag(c)->role == R_SKIP;
				if (!skip && c->children != NULL) {
					c = c->children;
					continue;
				}
				while (c != s && c->next == NULL)
					c = c->parent;
				c = c == s ? NULL : c->next;
			}
		}
	}
	return false;
}

/* The outermost quote's last paragraph, or the last line of it, that starts
 * with a dash is its attribution: move it out of the body. */
static void
take_trailing_attribution(struct walk *w, struct quote_frame *qf)
{
	struct article *a = w->a;
	if (qf->cite_raw != NULL || a->nblocks <= qf->first_block)
		return;
	size_t last = a->nblocks - 1;
	struct block *b = &a->blocks[last];
	if (b->kind != BLOCK_PARAGRAPH)
		return;
	char *nl = strrchr(b->text, '\n');
	const char *line = nl ? nl + 1 : b->text;
	if (dash_prefix(line) == 0 || strlen(line) > 300)
		return;
	if (nl == NULL && last == qf->first_block)
		return;   /* a quote that is nothing but a dash line keeps it */
	qf->cite_raw = strip_dash(line);
	for (size_t i = a->nlinks; i > 0 && a->links[i - 1].block == last; i--) {
		struct link *l = &a->links[i - 1];
		if (strstr(line, l->text) != NULL && qf->cite_url == NULL && l->text[0] != '\0')
			qf->cite_url = xstrdup(l->url);
	}
	if (nl != NULL) {
		size_t cut = (size_t)(nl - b->text);
		b->text[cut] = '\0';
		size_t k = 0;
		for (size_t i = 0; i < b->nspans; i++) {
			if (b->spans[i].start >= cut)
				continue;
			if (b->spans[i].end > cut)
				b->spans[i].end = cut;
			b->spans[k++] = b->spans[i];
		}
		b->nspans = k;
		return;
	}
	free(b->text);
	free(b->src);
	free(b->spans);
	a->nblocks--;
	for (size_t i = a->nlinks; i > 0 && a->links[i - 1].block >= last; i--)
		a->links[i - 1].block = last - 1;
	for (size_t i = a->nquotes; i > 0; i--)
		if (a->quotes[i - 1].first_block >= last) {
			a->quotes[i - 1].first_block = a->quotes[i - 1].last_block = last - 1;
		}
}

/* Open a quote frame for a <blockquote> or pull quote. */
void
attrib_push_quote(struct walk *w, xmlNode *n, quote_kind kind)
{
	if (w->nquotes == w->quotes_cap) {
		w->quotes_cap = w->quotes_cap ? w->quotes_cap * 2 : 8;
		w->quotes = xreallocarray(w->quotes, w->quotes_cap, sizeof *w->quotes);
	}
	struct quote_frame *qf = &w->quotes[w->nquotes++];
	memset(qf, 0, sizeof *qf);
	qf->node = n;
	qf->kind = kind;
	qf->first_block = w->a->nblocks;
	const char *cite = dom_attr(n, "cite");
	if (cite != NULL && *cite != '\0')
		qf->cite_url = dom_resolve_url(w->base, cite);
	w->ctx.quote++;
}

/* Close the innermost quote frame; the outermost one becomes a quote. */
void
attrib_pop_quote(struct walk *w)
{
	struct quote_frame *qf = &w->quotes[w->nquotes - 1];
	struct article *a = w->a;
	if (w->nquotes == 1) {
		take_trailing_attribution(w, qf);
		if (a->nblocks > qf->first_block) {
			struct buf t = {0};
			for (size_t i = qf->first_block; i < a->nblocks; i++) {
				if (!block_is_text(a->blocks[i].kind))
					continue;
				if (t.len > 0)
					buf_putc(&t, ' ');
				buf_puts(&t, a->blocks[i].text);
			}
			char *text = text_normalize(buf_str(&t));
			buf_free(&t);
			struct quote *q = article_add_quote(a, qf->kind, text, qf->first_block, a->nblocks - 1);
			free(text);
			q->cite_raw = qf->cite_raw;
			q->cite_url = qf->cite_url;
			qf->cite_raw = qf->cite_url = NULL;
			w->last_quote = (int)(a->nquotes - 1);
			w->last_quote_node = qf->node;
			w->quotes_from = a->nquotes;
		}
	}
	free(qf->cite_raw);
	free(qf->cite_url);
	w->nquotes--;
}

/* Whether n is a pull quote by its class. */
bool
attrib_is_pullquote(const xmlNode *n)
{
	return dom_has_class(n, "wp-block-pullquote") || dom_has_class(n, "pullquote") ||
	    dom_has_class(n, "pull-quote");
}

/* Where the current line starts when it holds nothing but dashes (the
 * bytes of - – — ― and spaces), else SIZE_MAX. Looks back only over those. */
static size_t
dash_line_start(const struct walk *w)
{
	size_t i = w->text.len;
	while (i > 0 && w->text.data[i - 1] != '\n' &&
	    strchr("-\xe2\x80\x94\x95\x93 ", w->text.data[i - 1]) != NULL)
		i--;
	return i == 0 || w->text.data[i - 1] == '\n' ? i : SIZE_MAX;
}

/* Whether the current line holds nothing but a dash (or nothing). */
bool
attrib_line_is_empty_or_dash(struct walk *w)
{
	return w->text.len == 0 || w->pending_newline || dash_line_start(w) != SIZE_MAX;
}

/* Start collecting attribution text into *raw (and a link into *url). */
void
attrib_begin(struct walk *w, xmlNode *n, struct frame *f, char **raw, char **url)
{
	/* A dash alone on the line before <cite> belongs to the attribution. */
	size_t line = w->text.len > 0 && !w->pending_newline ? dash_line_start(w) : SIZE_MAX;
	if (line != SIZE_MAX)
		buf_truncate(&w->text, line > 0 ? line - 1 : 0);
	if (w->ctx.soft == SOFT_NONE)
		walk_flush(w);
	w->cite_node = n;
	w->cite_raw_to = raw;
	w->cite_url_to = url;
	buf_truncate(&w->cite, 0);
	f->flags |= F_CITE;
}

/* Finish an attribution: store its text where begin_cite said. */
void
attrib_end(struct walk *w)
{
	char *raw = strip_dash(buf_str(&w->cite));
	if (raw[0] != '\0' && *w->cite_raw_to == NULL)
		*w->cite_raw_to = raw;
	else
		free(raw);
	w->cite_node = NULL;
	/* Its links sit in the block before it, unless a block is still open. */
	if (w->text.len == 0 && w->a->nblocks > 0)
		walk_settle_links(w, w->a->nblocks - 1);
}

/* A caption is not body text: it names the image it follows when that
 * image has no alt text, else it is dropped. */
void
attrib_end_caption(struct walk *w)
{
	attrib_end(w);
	struct article *a = w->a;
	struct block *b = a->nblocks > 0 ? &a->blocks[a->nblocks - 1] : NULL;
	if (b != NULL && b->kind == BLOCK_IMAGE && b->text[0] == '\0' && w->caption != NULL) {
		free(b->text);
		b->text = w->caption;
		w->caption = NULL;
	}
	free(w->caption);
	free(w->caption_url);
	w->caption = w->caption_url = NULL;
}
