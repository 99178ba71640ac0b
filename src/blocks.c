/* blocks.c — walk an article root into blocks, spans, links and marked-up
 * quotations, in one pass over the tree.
 *
 * The walk is iterative (parent/next pointers plus an explicit frame stack),
 * so a page nested 10,000 deep costs memory, not C stack. Each element's
 * behaviour comes from the tag table below: a role (skip, inline, block,
 * container, ...) and enter/leave handlers.
 *
 * Text is gathered into one inline buffer that is already normalised as it
 * grows: white space is folded lazily (a pending space, line break or table
 * cell separator is written only before the next visible character), so span
 * offsets recorded while walking are offsets into the final block text. A
 * "flush" turns the buffer into a block under the current context (its kind,
 * level, quote depth), or drops it when empty.
 *
 * Links are added to the article as soon as their <a> opens, so they stay in
 * document order; their block and heading indexes are fixed up when the block
 * they sit in is flushed. <q> quotations are fixed up the same way.
 *
 * Quote frames, attributions and captions live in blocks/attrib.c; the walk's
 * types are in the private header blocks/walk.h. The choices where HTML
 * leaves room (list items holding paragraphs, tables, captions, inline
 * images) are listed in blocks.h. */
#include "blocks.h"
#include "blocks/walk.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dom.h"
#include "text.h"
#include "url.h"
#include "util.h"

/* ---------- writing text ---------- */

/* Whether cp is a C0 or C1 control character (or DEL). */
static bool
is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
}

/* Give waiting spans their start: the next character goes at text.len. */
static void
settle_starts(struct walk *w)
{
	for (size_t i = w->nopen < OPEN_MAX ? w->nopen : OPEN_MAX; i > 0 && w->unset > 0; i--) {
		if (w->open[i - 1].start == UNSET) {
			w->open[i - 1].start = w->text.len;
			w->unset--;
		}
	}
}

/* Write whatever separator is pending before a visible character. */
static void
put_separator(struct walk *w)
{
	if (w->text.len > 0) {
		if (w->pending_sep)
			buf_append(&w->text, " | ", 3);
		else if (w->pending_newline)
			buf_putc(&w->text, '\n');
		else if (w->pending_space)
			buf_putc(&w->text, ' ');
	}
	w->pending_sep = w->pending_newline = w->pending_space = false;
	if (w->unset > 0)
		settle_starts(w);
}

/* Append n bytes of raw text, folding white space (or keeping it in <pre>). */
static void
append_text(struct walk *w, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t k;
		if (c > 0x20 && c < 0x7f && !w->ctx.pre) {
			/* Fast path: a run of visible ASCII goes in at once. */
			size_t j = i + 1;
			while (j < n && (unsigned char)s[j] > 0x20 && (unsigned char)s[j] < 0x7f)
				j++;
			put_separator(w);
			buf_append(&w->text, s + i, j - i);
			i = j;
			continue;
		}
		if (c < 0x80) {
			cp = c;
			k = 1;
		} else if ((k = utf8_decode(s + i, n - i, &cp)) == 0) {
			cp = 0xfffd;
			k = 1;
		}
		if (w->ctx.pre) {
			if (cp == '\r' || (is_control(cp) && cp != '\n' && cp != '\t')) {
				i += k;
				continue;
			}
			if (cp == '\n' && w->text.len == 0) {
				i += k;
				continue;
			}
			put_separator(w);
			if (cp == 0xfffd && k == 1)
				buf_append(&w->text, "\xef\xbf\xbd", 3);
			else
				buf_append(&w->text, s + i, k);
		} else if (cp == ' ' || cp == '\n' || cp == '\t' || (cp >= 0x80 && text_is_space(cp)) ||
		    cp == '\r' || cp == '\f' || cp == '\v') {
			if (w->text.len > 0)
				w->pending_space = true;
		} else if (cp == 0x200c || cp == 0x200d) {
			buf_append(&w->text, s + i, k);   /* joiners: kept, as text_normalize does */
		} else if (!is_control(cp) && cp != 0xad) {
			put_separator(w);
			if (cp == 0xfffd && k == 1)
				buf_append(&w->text, "\xef\xbf\xbd", 3);
			else
				buf_append(&w->text, s + i, k);
		}
		i += k;
	}
}

/* Append a NUL-terminated string of raw text. */
static void
append_str(struct walk *w, const char *s)
{
	append_text(w, s, strlen(s));
}

/* A <br>, or a block boundary inside an <li>: start a new line. */
static void
line_break(struct walk *w)
{
	if (w->ctx.pre) {
		if (w->text.len > 0)
			buf_putc(&w->text, '\n');
		return;
	}
	if (w->text.len > 0)
		w->pending_newline = true;
}

/* A block boundary inside an <li> or <pre>: a new line, never an empty one. */
static void
soft_line_break(struct walk *w)
{
	if (!w->ctx.pre)
		line_break(w);
	else if (w->text.len > 0 && w->text.data[w->text.len - 1] != '\n')
		buf_putc(&w->text, '\n');
}

/* ---------- spans, links, quotes ---------- */

/* Open a span (a style, a link, a <q>) at the next character written. */
static void
push_open(struct walk *w, int style, int link, int q)
{
	if (w->nopen == w->open_cap) {
		w->open_cap = w->open_cap ? w->open_cap * 2 : 16;
		w->open = xreallocarray(w->open, w->open_cap, sizeof *w->open);
	}
	/* A style inside the same style adds nothing (nor does a link inside a
	 * link, which HTML does not allow): leaving it out keeps <em><p>… nested
	 * 10,000 deep from making a span per level per block. Past OPEN_MAX open
	 * elements nothing more is tracked at all. */
	for (int b = 0; b < SPAN_BITS; b++)
		if ((style >> b & 1) && w->style_open[b] > 0)
			style = 0;
	if (w->nopen >= OPEN_MAX)
		style = 0, link = -1, q = -1;
	for (int b = 0; b < SPAN_BITS; b++)
		w->style_open[b] += style >> b & 1;
	bool none = style == 0 && link < 0 && q < 0;
	w->open[w->nopen++] = (struct open_span){ style, none ? 0 : UNSET, link, false, q };
	if (!none)
		w->unset++;
}

/* Whether an open span can produce nothing (a repeated style). */
static bool
inert(const struct open_span *o)
{
	return o->style == 0 && o->link < 0 && o->q < 0;
}

/* How many open spans can matter: every one past OPEN_MAX is inert. */
static size_t
live_open(const struct walk *w)
{
	return w->nopen < OPEN_MAX ? w->nopen : OPEN_MAX;
}

/* Keep a closed span until its block is flushed. */
static void
add_pending_span(struct walk *w, size_t start, size_t end, int style, int link)
{
	if (w->nspans == w->spans_cap) {
		w->spans_cap = w->spans_cap ? w->spans_cap * 2 : 16;
		w->spans = xreallocarray(w->spans, w->spans_cap, sizeof *w->spans);
	}
	w->spans[w->nspans++] = (struct pending_span){ start, end, style, link };
}

/* Return a newly allocated, normalised copy of text[start, end). */
static char *
text_slice(struct walk *w, size_t start, size_t end)
{
	if (start == UNSET || start >= end || end > w->text.len)
		return xstrdup("");
	char *raw = xstrndup(w->text.data + start, end - start);
	char *s = text_normalize(raw);
	free(raw);
	return s;
}

/* Take the text of an open link or <q> ending at end. */
static void
settle_open_text(struct walk *w, struct open_span *o, size_t end)
{
	if (o->link >= 0 && !o->link_text_set) {
		struct link *l = &w->a->links[o->link];
		free(l->text);
		l->text = text_slice(w, o->start, end);
		o->link_text_set = true;
	}
	if (o->q >= 0) {
		struct quote *q = &w->a->quotes[o->q];
		char *t = text_slice(w, o->start, end);
		if (q->text[0] == '\0') {
			free(q->text);
			q->text = t;
		} else
			free(t);
	}
}

/* Close the innermost open span. */
static void
pop_open(struct walk *w)
{
	struct open_span *o = &w->open[--w->nopen];
	if (o->start == UNSET)
		w->unset--;
	for (int b = 0; b < SPAN_BITS; b++)
		w->style_open[b] -= o->style >> b & 1;
	size_t end = w->text.len;
	settle_open_text(w, o, end);
	if (o->q >= 0 && (size_t)o->q + 1 == w->a->nquotes && w->a->quotes[o->q].text[0] == '\0') {
		w->a->nquotes--;   /* an empty <q> quotes nothing */
		free(w->a->quotes[o->q].text);
	}
	if (o->start != UNSET && end > o->start && o->style != 0)
		add_pending_span(w, o->start, end, o->style, o->link);
}

/* Return href resolved against the base when it then is an http, https or
 * mailto URL, else NULL: javascript:, data:, file: and the like, and relative
 * links with no base to resolve them against, are not links to follow.
 * Returns a newly allocated string. */
static char *
link_target(const struct walk *w, const char *href)
{
	char *url = dom_resolve_url(w->base, href);
	if (text_starts_with_ci(url, "http://") || text_starts_with_ci(url, "https://") ||
	    text_starts_with_ci(url, "mailto:"))
		return url;
	free(url);
	return NULL;
}

/* ---------- flushing blocks ---------- */

/* Append an image block with its absolute src and alt text. */
static void
emit_image(struct walk *w, const char *src, const char *alt)
{
	size_t i = article_add_block(w->a, BLOCK_IMAGE, 0, w->ctx.quote, alt);
	w->a->blocks[i].src = xstrdup(src);
}

/* Links and <q>s opened since the last settled block sit in block i. */
void
walk_settle_links(struct walk *w, size_t i)
{
	struct article *a = w->a;
	for (size_t k = w->links_from; k < a->nlinks; k++) {
		a->links[k].block = i;
		a->links[k].heading = w->last_heading;
	}
	for (size_t k = w->quotes_from; k < a->nquotes; k++)
		if (a->quotes[k].kind == QUOTE_Q)
			a->quotes[k].first_block = a->quotes[k].last_block = i;
	w->links_from = a->nlinks;
	w->quotes_from = a->nquotes;
}

/* The item's number is used: text after a nested list continues the item
 * unnumbered, so clear it in the contexts saved inside the item too. */
static void
unnumber_item(struct walk *w)
{
	int level = w->ctx.level;
	w->ctx.number = 0;
	for (size_t i = w->nframes; i > 0; i--) {
		struct ctx *c = &w->frames[i - 1].saved;
		if (c->kind != BLOCK_LIST_ITEM || c->level != level)
			break;
		c->number = 0;
	}
}

/* Turn the inline buffer into a block (or drop it when empty), emit images
 * that waited for it, and fix up the links and <q>s that sit in it. */
void
walk_flush(struct walk *w)
{
	struct article *a = w->a;
	if (w->ctx.pre) {
		size_t n = w->text.len;
		while (n > 0 && (w->text.data[n - 1] == ' ' || w->text.data[n - 1] == '\n' ||
		    w->text.data[n - 1] == '\t'))
			n--;
		buf_truncate(&w->text, n);
		size_t lead = 0;   /* a <pre> of only white space is empty */
		while (lead < n && (w->text.data[lead] == ' ' || w->text.data[lead] == '\t' ||
		    w->text.data[lead] == '\n'))
			lead++;
		if (lead == n)
			buf_truncate(&w->text, 0);
	}
	size_t len = w->text.len;
	/* Links and <q>s still open take the text written so far. */
	for (size_t i = 0; i < live_open(w); i++)
		if (w->open[i].start != UNSET)
			settle_open_text(w, &w->open[i], len);
	long idx = -1;
	if (len > 0) {
		idx = (long)article_add_block(a, w->ctx.kind, w->ctx.level, w->ctx.quote, buf_str(&w->text));
		struct block *b = &a->blocks[idx];
		if (w->ctx.kind == BLOCK_LIST_ITEM) {
			b->ordered = w->ctx.ordered;
			b->number = w->ctx.number;
			if (w->ctx.number != 0)
				unnumber_item(w);
		}
		for (size_t i = 0; i < w->nspans; i++) {
			struct pending_span *s = &w->spans[i];
			size_t end = s->end > len ? len : s->end;
			if (s->start < end)
				article_add_span(a, (size_t)idx, s->start, end, s->style, s->link);
		}
		for (size_t i = 0; i < live_open(w); i++) {
			struct open_span *o = &w->open[i];
			if (o->start != UNSET && o->start < len && o->style != 0)
				article_add_span(a, (size_t)idx, o->start, len, o->style, o->link);
		}
	}
	size_t first_image = a->nblocks;
	for (size_t i = 0; i < w->nimages; i++) {
		emit_image(w, w->images[i].src, w->images[i].alt);
		free(w->images[i].src);
		free(w->images[i].alt);
	}
	if (idx >= 0 && w->ctx.kind == BLOCK_HEADING) {
		w->last_heading = (int)idx;
		walk_settle_links(w, (size_t)idx);
	} else if (idx >= 0)
		walk_settle_links(w, (size_t)idx);
	else if (w->nimages > 0)
		walk_settle_links(w, first_image);
	/* else: links opened here hold no text yet; the next block takes them. */
	w->nimages = 0;
	w->nspans = 0;
	buf_truncate(&w->text, 0);
	w->pending_space = w->pending_newline = w->pending_sep = false;
	for (size_t i = 0; i < live_open(w); i++) {
		if (w->open[i].start != UNSET && !inert(&w->open[i])) {
			w->open[i].start = UNSET;
			w->unset++;
		}
	}
}

/* ---------- handlers ---------- */

/* Start a block or container: a soft break inside list items and table rows,
 * else a flush. Returns whether it flushed. */
static bool
open_box(struct walk *w, struct frame *f)
{
	if (w->ctx.soft == SOFT_LINE) {
		soft_line_break(w);
		f->flags |= F_SOFT;
		return false;
	}
	if (w->ctx.soft == SOFT_CELL) {
		if (w->text.len > 0)
			w->pending_space = true;
		f->flags |= F_SOFT;
		return false;
	}
	walk_flush(w);
	return true;
}

/* End a block or container: a soft break or a flush, as it began. */
static void
close_box(struct walk *w, xmlNode *n, struct frame *f)
{
	if (f->flags & F_SOFT) {
		if (f->saved.soft == SOFT_LINE)
			soft_line_break(w);
		else if (w->text.len > 0)
			w->pending_space = true;
		return;
	}
	walk_flush(w);
}

/* div, section, article...: a box whose loose text is an anonymous paragraph. */
static bool
enter_container(struct walk *w, xmlNode *n, struct frame *f)
{
	if (!open_box(w, f))
		return true;
	w->ctx.kind = BLOCK_PARAGRAPH;
	w->ctx.level = 0;
	w->ctx.anon = true;
	if (attrib_is_pullquote(n) && !dom_is(n, "blockquote")) {
		attrib_push_quote(w, n, QUOTE_PULL);
		f->flags |= F_QUOTE;
	}
	return true;
}

/* Leave a container, closing the pull quote it opened. */
static void
leave_container(struct walk *w, xmlNode *n, struct frame *f)
{
	close_box(w, n, f);
	if (f->flags & F_QUOTE)
		attrib_pop_quote(w);
}

/* p, dt, dd, summary, caption: a paragraph. */
static bool
enter_paragraph(struct walk *w, xmlNode *n, struct frame *f)
{
	if (open_box(w, f)) {
		w->ctx.kind = BLOCK_PARAGRAPH;
		w->ctx.level = 0;
		w->ctx.anon = false;
	}
	return true;
}

/* Whether s is only a number label: "1.", "2)", "3:", "#4", "12". */
static bool
number_label(const char *s)
{
	if (*s == '#')
		s++;
	size_t digits = strspn(s, "0123456789");
	if (digits == 0 || digits > 3)
		return false;
	s += digits;
	if (*s == '.' || *s == ')' || *s == ':')
		s++;
	return *s == '\0';
}

/* h1–h6: a heading of that level. A number label set just before it, loose
 * in the same box (<span class="rank">1.</span> <h3>…</h3>), numbers the
 * heading rather than standing as a paragraph of its own. */
static bool
enter_heading(struct walk *w, xmlNode *n, struct frame *f)
{
	char *label = NULL;
	if (w->ctx.anon && !w->ctx.pre && w->ctx.soft == SOFT_NONE && w->nspans == 0 &&
	    w->nimages == 0 && number_label(buf_str(&w->text))) {
		bool open = false;
		for (size_t i = 0; i < live_open(w); i++)
			open |= w->open[i].start != UNSET;
		if (!open) {
			label = xstrdup(buf_str(&w->text));
			buf_truncate(&w->text, 0);
		}
	}
	if (open_box(w, f)) {
		w->ctx.kind = BLOCK_HEADING;
		w->ctx.level = n->name[1] - '0';
		w->ctx.anon = false;
	}
	if (label != NULL) {
		append_str(w, label);
		w->pending_space = true;
		free(label);
	}
	return true;
}

/* <pre>: one preformatted block, white space kept. */
static bool
enter_pre(struct walk *w, xmlNode *n, struct frame *f)
{
	walk_flush(w);
	w->ctx.kind = BLOCK_PREFORMATTED;
	w->ctx.level = 0;
	w->ctx.pre = true;
	w->ctx.anon = false;
	w->ctx.soft = SOFT_LINE;   /* a <p> or <div> inside a <pre> is one more line */
	return true;
}

/* Leave an element that ends its block. */
static void
leave_flush(struct walk *w, xmlNode *n, struct frame *f)
{
	walk_flush(w);
}

/* ul, ol, menu, dir: one list level deeper. */
static bool
enter_list(struct walk *w, xmlNode *n, struct frame *f)
{
	walk_flush(w);
	if (w->nlists == w->lists_cap) {
		w->lists_cap = w->lists_cap ? w->lists_cap * 2 : 8;
		w->lists = xreallocarray(w->lists, w->lists_cap, sizeof *w->lists);
	}
	bool ordered = dom_is(n, "ol");
	const char *start = dom_attr(n, "start");
	int first = start ? atoi(start) : 1;
	w->lists[w->nlists++] = (struct list){ ordered, first };
	w->ctx.kind = BLOCK_PARAGRAPH;
	w->ctx.anon = true;
	w->ctx.pre = false;
	w->ctx.soft = SOFT_NONE;
	return true;
}

/* Leave a list, back to the outer level. */
static void
leave_list(struct walk *w, xmlNode *n, struct frame *f)
{
	walk_flush(w);
	w->nlists--;
}

/* <li>: a list item at the current depth, numbered in an <ol>. */
static bool
enter_item(struct walk *w, xmlNode *n, struct frame *f)
{
	walk_flush(w);
	struct list *l = w->nlists > 0 ? &w->lists[w->nlists - 1] : NULL;
	const char *value = dom_attr(n, "value");
	if (l != NULL && value != NULL)
		l->next = atoi(value);
	w->ctx.kind = BLOCK_LIST_ITEM;
	w->ctx.level = w->nlists > 0 ? (int)w->nlists : 1;
	w->ctx.ordered = l != NULL && l->ordered;
	w->ctx.number = w->ctx.ordered ? l->next++ : 0;
	w->ctx.anon = false;
	w->ctx.pre = false;
	w->ctx.soft = SOFT_LINE;
	return true;
}

/* <tr>: one paragraph per row of a data table. */
static bool
enter_row(struct walk *w, xmlNode *n, struct frame *f)
{
	if (w->ctx.table != TABLE_DATA)
		return enter_container(w, n, f);
	walk_flush(w);
	w->ctx.kind = BLOCK_PARAGRAPH;
	w->ctx.level = 0;
	w->ctx.anon = false;
	w->ctx.pre = false;
	w->ctx.soft = SOFT_CELL;
	return true;
}

/* td, th: a " | " between the cells of a data table row. */
static bool
enter_cell(struct walk *w, xmlNode *n, struct frame *f)
{
	if (w->ctx.table != TABLE_DATA || w->ctx.soft != SOFT_CELL)
		return enter_container(w, n, f);
	if (w->text.len > 0)
		w->pending_sep = true;
	f->flags |= F_SOFT;
	return true;
}

/* Leave a cell or row: data rows flush, layout cells act as boxes. */
static void
leave_cell(struct walk *w, xmlNode *n, struct frame *f)
{
	if (!(f->flags & F_SOFT))
		leave_container(w, n, f);
}

/* <blockquote>: one level of quote, and a quote when outermost. */
static bool
enter_blockquote(struct walk *w, xmlNode *n, struct frame *f)
{
	walk_flush(w);
	w->ctx.kind = BLOCK_PARAGRAPH;
	w->ctx.level = 0;
	w->ctx.anon = true;
	w->ctx.pre = false;
	w->ctx.soft = SOFT_NONE;
	struct quote_frame *top = w->nquotes > 0 ? &w->quotes[w->nquotes - 1] : NULL;
	if (top != NULL && top->kind == QUOTE_PULL && !top->absorbed && !dom_is(top->node, "blockquote")) {
		top->absorbed = true;   /* <figure class="wp-block-pullquote"><blockquote> is one quote */
		const char *cite = dom_attr(n, "cite");
		if (cite != NULL && *cite != '\0' && top->cite_url == NULL)
			top->cite_url = dom_resolve_url(w->base, cite);
		return true;
	}
	attrib_push_quote(w, n, attrib_is_pullquote(n) ? QUOTE_PULL : QUOTE_BLOCK);
	f->flags |= F_QUOTE;
	return true;
}

/* Leave a <blockquote>, closing its quote. */
static void
leave_blockquote(struct walk *w, xmlNode *n, struct frame *f)
{
	walk_flush(w);
	if (f->flags & F_QUOTE)
		attrib_pop_quote(w);
}

/* <cite> and <footer>: the attribution of the quote they end, else inline. */
static bool
enter_cite(struct walk *w, xmlNode *n, struct frame *f)
{
	if (w->nquotes == 1 && attrib_line_is_empty_or_dash(w) && !attrib_text_after(n, w->quotes[0].node)) {
		struct quote_frame *qf = &w->quotes[0];
		attrib_begin(w, n, f, &qf->cite_raw, &qf->cite_url);
		return true;
	}
	if (dom_is(n, "footer"))
		return enter_container(w, n, f);
	push_open(w, SPAN_EMPHASIS, -1, -1);
	f->flags |= F_SPAN;
	return true;
}

/* Leave a <cite> or <footer> in whichever role it took. */
static void
leave_cite(struct walk *w, xmlNode *n, struct frame *f)
{
	if (f->flags & F_CITE)
		attrib_end(w);
	else if (!(f->flags & F_SPAN))
		leave_container(w, n, f);
}

/* <figcaption> right after a quote in a figure is its attribution. */
static bool
enter_figcaption(struct walk *w, xmlNode *n, struct frame *f)
{
	xmlNode *prev = n->prev;
	while (prev != NULL && prev->type != XML_ELEMENT_NODE)
		prev = prev->prev;
	if (prev != NULL && prev == w->last_quote_node && w->last_quote >= 0 && w->nquotes == 0) {
		struct quote *q = &w->a->quotes[w->last_quote];
		attrib_begin(w, n, f, &q->cite_raw, &q->cite_url);
		return true;
	}
	attrib_begin(w, n, f, &w->caption, &w->caption_url);
	f->flags |= F_CAPTION;
	return true;
}

/* Leave a <figcaption> that was a quote's attribution (captions end in leave). */
static void
leave_figcaption(struct walk *w, xmlNode *n, struct frame *f)
{
	attrib_end(w);
}

/* em, strong, code...: a styled span. */
static bool
enter_style(struct walk *w, xmlNode *n, struct frame *f)
{
	push_open(w, f->tag->style, -1, -1);
	f->flags |= F_SPAN;
	return true;
}

/* Close the span the element opened. */
static void
leave_span(struct walk *w, xmlNode *n, struct frame *f)
{
	if (f->flags & F_SPAN)
		pop_open(w);
}

/* <a href>: a link, added at once so links stay in document order. */
static bool
enter_link(struct walk *w, xmlNode *n, struct frame *f)
{
	const char *href = dom_attr(n, "href");
	char *url = href != NULL ? link_target(w, href) : NULL;
	if (url == NULL)
		return true;
	size_t li = article_add_link(w->a, url, "", w->a->nblocks, w->last_heading);
	free(url);
	push_open(w, SPAN_LINK, (int)li, -1);
	f->flags |= F_SPAN;
	return true;
}

/* Whether the first text inside n starts with a quotation mark. */
static bool
starts_quoted(const xmlNode *n)
{
	size_t budget = 64;
	for (const xmlNode *c = n->children; c != NULL && budget-- > 0; c = c->children ? c->children : c->next) {
		if (c->type == XML_TEXT_NODE && c->content != NULL) {
			const char *s = (const char *)c->content;
			s += strspn(s, " \t\n");
			if (*s == '\0')
				continue;
			return *s == '"' || strncmp(s, "\xe2\x80\x9c", 3) == 0 || strncmp(s, "\xe2\x80\x98", 3) == 0;
		}
	}
	return false;
}

/* <q>: an inline quotation between curly quotation marks. */
static bool
enter_q(struct walk *w, xmlNode *n, struct frame *f)
{
	if (w->nopen >= OPEN_MAX) {
		push_open(w, 0, -1, -1);   /* too deep to track: plain text */
		f->flags |= F_SPAN;
		return true;
	}
	bool marks = !starts_quoted(n);
	if (marks)
		append_str(w, "\xe2\x80\x9c");
	if (w->style_open[4] > 0) {
		push_open(w, 0, -1, -1);   /* a <q> inside a <q> is part of the outer quote */
		f->flags |= F_SPAN | (marks ? F_MARKS : 0);
		return true;
	}
	size_t qi = w->a->nquotes;
	struct quote *q = article_add_quote(w->a, QUOTE_Q, "", w->a->nblocks, w->a->nblocks);
	const char *cite = dom_attr(n, "cite");
	if (cite != NULL && *cite != '\0')
		q->cite_url = dom_resolve_url(w->base, cite);   /* <q cite=URL>: its source */
	push_open(w, SPAN_QUOTE, -1, (int)qi);
	f->flags |= F_SPAN | (marks ? F_MARKS : 0);
	return true;
}

/* Close a <q> and its quotation mark. */
static void
leave_q(struct walk *w, xmlNode *n, struct frame *f)
{
	pop_open(w);
	if (f->flags & F_MARKS)
		append_str(w, "\xe2\x80\x9d");
}

/* <br>: a line break, or a paragraph break in loose text at <br><br>. */
static bool
enter_br(struct walk *w, xmlNode *n, struct frame *f)
{
	if (w->ctx.anon && !w->ctx.pre && w->pending_newline)
		walk_flush(w);   /* <br><br> between anonymous paragraphs */
	else if (w->ctx.soft == SOFT_CELL) {
		if (w->text.len > 0)
			w->pending_space = true;
	} else
		line_break(w);
	return false;
}

/* <hr>: a rule. */
static bool
enter_hr(struct walk *w, xmlNode *n, struct frame *f)
{
	walk_flush(w);
	article_add_block(w->a, BLOCK_RULE, 0, w->ctx.quote, "");
	return false;
}

/* An <img> in a <noscript> right after an image placeholder. */
static xmlNode *
noscript_image(const xmlNode *img)
{
	const xmlNode *s = img->next;
	while (s != NULL && s->type != XML_ELEMENT_NODE)
		s = s->next;
	if (!dom_is(s, "noscript"))
		return NULL;
	for (xmlNode *c = s->children; c != NULL; c = c->next)
		if (dom_is(c, "img"))
			return c;
	return NULL;
}

/* Add an <img>: inline alt text for emoji, else an image block. */
static void
add_image(struct walk *w, xmlNode *n)
{
	const char *alt = dom_attr(n, "alt");
	const char *cls = dom_attr(n, "class");
	if (cls != NULL && (strstr(cls, "emoji") || strstr(cls, "wp-smiley"))) {
		if (alt != NULL)
			append_str(w, alt);   /* emoji drawn as images are text */
		return;
	}
	const char *wd = dom_attr(n, "width"), *ht = dom_attr(n, "height");
	if (wd && ht && atoi(wd) <= 1 && atoi(ht) <= 1 && *wd >= '0' && *wd <= '9')
		return;   /* tracking pixel */
	char *src = dom_image_src(n);
	if (src == NULL) {
		xmlNode *fallback = noscript_image(n);
		if (fallback != NULL) {
			src = dom_image_src(fallback);
			if (alt == NULL || *alt == '\0')
				alt = dom_attr(fallback, "alt");
		}
	}
	if (src == NULL)
		return;
	char *abs = dom_resolve_url(w->base, src);
	free(src);
	char *text = text_normalize(alt ? alt : "");
	if (w->text.len == 0) {
		emit_image(w, abs, text);
		walk_settle_links(w, w->a->nblocks - 1);
		free(abs);
		free(text);
		return;
	}
	if (w->nimages == w->images_cap) {
		w->images_cap = w->images_cap ? w->images_cap * 2 : 4;
		w->images = xreallocarray(w->images, w->images_cap, sizeof *w->images);
	}
	w->images[w->nimages++] = (struct pending_image){ abs, text };
}

/* <img>: an image. */
static bool
enter_img(struct walk *w, xmlNode *n, struct frame *f)
{
	add_image(w, n);
	return false;
}

/* Whether n is an <img> or <picture> (a dom_find matcher). */
static bool
is_image(const xmlNode *n, const void *arg)
{
	return dom_is(n, "img") || dom_is(n, "picture");
}

/* <noscript>: skipped, except an image it holds that no placeholder before
 * it stands for (the lazy-loaded copy is then the only one). */
static bool
enter_noscript(struct walk *w, xmlNode *n, struct frame *f)
{
	const xmlNode *prev = n->prev;
	while (prev != NULL && prev->type != XML_ELEMENT_NODE)
		prev = prev->prev;
	size_t budget = 64;   /* the placeholder is the sibling or close inside it */
	for (const xmlNode *c = prev; c != NULL && budget-- > 0; c = dom_next_in(c, prev, false))
		if (is_image(c, NULL))
			return false;
	for (xmlNode *c = n->children; c != NULL; c = c->next)
		if (dom_is(c, "img"))
			add_image(w, c);
	return false;
}

/* <math>: its alttext when given, else its text without annotations. */
static bool
enter_math(struct walk *w, xmlNode *n, struct frame *f)
{
	const char *alt = dom_attr(n, "alttext");
	if (alt != NULL && *alt != '\0') {
		append_str(w, alt);
		return false;
	}
	return true;
}

/* Whether n is an element that makes blocks (a layout-table hint). */
static bool
is_block_name(const xmlNode *n, const void *arg)
{
	static const char *const names[] = { "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
		"blockquote", "pre", "table", "section", "article", "dl" };
	if (n->name == NULL)
		return false;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp((const char *)n->name, names[i]) == 0)
			return true;
	return false;
}

/* A table whose cells hold blocks lays out the page; one that holds only
 * inline text is data. */
static bool
enter_table(struct walk *w, xmlNode *n, struct frame *f)
{
	walk_flush(w);
	bool layout = false;
	size_t budget = 4000;
	for (xmlNode *c = dom_first_element(n); c != NULL && budget > 0; c = dom_next_in(c, n, false), budget--) {
		if (is_block_name(c, NULL)) {
			layout = true;
			break;
		}
	}
	w->ctx.table = layout || budget == 0 ? TABLE_LAYOUT : TABLE_DATA;
	w->ctx.kind = BLOCK_PARAGRAPH;
	w->ctx.level = 0;
	w->ctx.anon = true;
	w->ctx.pre = false;
	w->ctx.soft = SOFT_NONE;
	return true;
}

/* ---------- the tag table ---------- */

/* Sorted by name for bsearch. Tags not listed are inline. */
static const struct tag tags[] = {
	{ "a", R_INLINE, enter_link, leave_span, 0 },
	{ "address", R_CONTAINER, enter_container, leave_container, 0 },
	{ "annotation", R_SKIP, NULL, NULL, 0 },
	{ "annotation-xml", R_SKIP, NULL, NULL, 0 },
	{ "article", R_CONTAINER, enter_container, leave_container, 0 },
	{ "aside", R_CONTAINER, enter_container, leave_container, 0 },
	{ "audio", R_SKIP, NULL, NULL, 0 },
	{ "b", R_INLINE, enter_style, leave_span, SPAN_STRONG },
	{ "blockquote", R_BLOCK, enter_blockquote, leave_blockquote, 0 },
	{ "body", R_CONTAINER, enter_container, leave_container, 0 },
	{ "br", R_VOID, enter_br, NULL, 0 },
	{ "button", R_SKIP, NULL, NULL, 0 },
	{ "canvas", R_SKIP, NULL, NULL, 0 },
	{ "caption", R_BLOCK, enter_paragraph, close_box, 0 },
	{ "center", R_CONTAINER, enter_container, leave_container, 0 },
	{ "cite", R_INLINE, enter_cite, leave_cite, 0 },
	{ "code", R_INLINE, enter_style, leave_span, SPAN_CODE },
	{ "datalist", R_SKIP, NULL, NULL, 0 },
	{ "dd", R_BLOCK, enter_paragraph, close_box, 0 },
	{ "details", R_CONTAINER, enter_container, leave_container, 0 },
	{ "dialog", R_SKIP, NULL, NULL, 0 },
	{ "dir", R_BLOCK, enter_list, leave_list, 0 },
	{ "div", R_CONTAINER, enter_container, leave_container, 0 },
	{ "dl", R_CONTAINER, enter_container, leave_container, 0 },
	{ "dt", R_BLOCK, enter_paragraph, close_box, 0 },
	{ "em", R_INLINE, enter_style, leave_span, SPAN_EMPHASIS },
	{ "embed", R_SKIP, NULL, NULL, 0 },
	{ "fieldset", R_CONTAINER, enter_container, leave_container, 0 },
	{ "figcaption", R_BLOCK, enter_figcaption, leave_figcaption, 0 },
	{ "figure", R_CONTAINER, enter_container, leave_container, 0 },
	{ "footer", R_CONTAINER, enter_cite, leave_cite, 0 },
	{ "form", R_CONTAINER, enter_container, leave_container, 0 },
	{ "frame", R_SKIP, NULL, NULL, 0 },
	{ "frameset", R_SKIP, NULL, NULL, 0 },
	{ "h1", R_BLOCK, enter_heading, close_box, 0 },
	{ "h2", R_BLOCK, enter_heading, close_box, 0 },
	{ "h3", R_BLOCK, enter_heading, close_box, 0 },
	{ "h4", R_BLOCK, enter_heading, close_box, 0 },
	{ "h5", R_BLOCK, enter_heading, close_box, 0 },
	{ "h6", R_BLOCK, enter_heading, close_box, 0 },
	{ "head", R_SKIP, NULL, NULL, 0 },
	{ "header", R_CONTAINER, enter_container, leave_container, 0 },
	{ "hgroup", R_CONTAINER, enter_container, leave_container, 0 },
	{ "hr", R_VOID, enter_hr, NULL, 0 },
	{ "html", R_CONTAINER, enter_container, leave_container, 0 },
	{ "i", R_INLINE, enter_style, leave_span, SPAN_EMPHASIS },
	{ "iframe", R_SKIP, NULL, NULL, 0 },
	{ "img", R_VOID, enter_img, NULL, 0 },
	{ "input", R_SKIP, NULL, NULL, 0 },
	{ "kbd", R_INLINE, enter_style, leave_span, SPAN_CODE },
	{ "li", R_BLOCK, enter_item, leave_flush, 0 },
	{ "link", R_SKIP, NULL, NULL, 0 },
	{ "main", R_CONTAINER, enter_container, leave_container, 0 },
	{ "map", R_SKIP, NULL, NULL, 0 },
	{ "math", R_INLINE, enter_math, NULL, 0 },
	{ "menu", R_BLOCK, enter_list, leave_list, 0 },
	{ "meta", R_SKIP, NULL, NULL, 0 },
	{ "nav", R_CONTAINER, enter_container, leave_container, 0 },
	{ "noembed", R_SKIP, NULL, NULL, 0 },
	{ "noframes", R_SKIP, NULL, NULL, 0 },
	{ "noscript", R_VOID, enter_noscript, NULL, 0 },
	{ "object", R_SKIP, NULL, NULL, 0 },
	{ "ol", R_BLOCK, enter_list, leave_list, 0 },
	{ "optgroup", R_SKIP, NULL, NULL, 0 },
	{ "option", R_SKIP, NULL, NULL, 0 },
	{ "output", R_SKIP, NULL, NULL, 0 },
	{ "p", R_BLOCK, enter_paragraph, close_box, 0 },
	{ "param", R_SKIP, NULL, NULL, 0 },
	{ "pre", R_BLOCK, enter_pre, leave_flush, 0 },
	{ "progress", R_SKIP, NULL, NULL, 0 },
	{ "q", R_INLINE, enter_q, leave_q, 0 },
	{ "rp", R_SKIP, NULL, NULL, 0 },
	{ "s", R_INLINE, NULL, NULL, 0 },
	{ "samp", R_INLINE, enter_style, leave_span, SPAN_CODE },
	{ "script", R_SKIP, NULL, NULL, 0 },
	{ "section", R_CONTAINER, enter_container, leave_container, 0 },
	{ "select", R_SKIP, NULL, NULL, 0 },
	{ "source", R_SKIP, NULL, NULL, 0 },
	{ "strong", R_INLINE, enter_style, leave_span, SPAN_STRONG },
	{ "style", R_SKIP, NULL, NULL, 0 },
	{ "summary", R_BLOCK, enter_paragraph, close_box, 0 },
	{ "svg", R_SKIP, NULL, NULL, 0 },
	{ "table", R_BLOCK, enter_table, leave_flush, 0 },
	{ "tbody", R_CONTAINER, NULL, NULL, 0 },
	{ "td", R_BLOCK, enter_cell, leave_cell, 0 },
	{ "template", R_SKIP, NULL, NULL, 0 },
	{ "textarea", R_SKIP, NULL, NULL, 0 },
	{ "tfoot", R_CONTAINER, NULL, NULL, 0 },
	{ "th", R_BLOCK, enter_cell, leave_cell, 0 },
	{ "thead", R_CONTAINER, NULL, NULL, 0 },
	{ "title", R_SKIP, NULL, NULL, 0 },
	{ "tr", R_BLOCK, enter_row, leave_cell, 0 },
	{ "track", R_SKIP, NULL, NULL, 0 },
	{ "tt", R_INLINE, enter_style, leave_span, SPAN_CODE },
	{ "ul", R_BLOCK, enter_list, leave_list, 0 },
	{ "var", R_INLINE, enter_style, leave_span, SPAN_EMPHASIS },
	{ "video", R_SKIP, NULL, NULL, 0 },
};

static const struct tag inline_tag = { "", R_INLINE, NULL, NULL, 0 };

/* Compare a tag name with a table entry, for bsearch. */
static int
tag_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct tag *)elem)->name);
}

/* Return n's entry in the tag table (unlisted tags are inline). */
const struct tag *
walk_tag(const xmlNode *n)
{
	const struct tag *t = bsearch(n->name, tags, sizeof tags / sizeof tags[0], sizeof tags[0], tag_cmp);
	return t ? t : &inline_tag;
}

/* Whether the page hides n from readers (hidden, display:none, screen-reader
 * only text). */
static bool
hidden(const xmlNode *n)
{
	static const char *const classes[] = { "screen-reader-text", "sr-only", "visually-hidden" };
	for (const xmlAttr *p = n->properties; p != NULL; p = p->next) {
		const char *name = (const char *)p->name;
		if (strcmp(name, "hidden") == 0)
			return true;
		if (strcmp(name, "style") == 0) {
			const char *v = dom_attr(n, "style");
			if (strcasestr(v, "display:none") || strcasestr(v, "display: none"))
				return true;
		} else if (strcmp(name, "class") == 0) {
			for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
				if (dom_has_class(n, classes[i]))
					return true;
		}
	}
	return false;
}

/* Most ids of one page kept as anchors before the article's links pick
 * theirs: a bound for hostile pages. */
#define MAX_ANCHOR_CANDIDATES 20000

/* Note element n's id (or an <a name>) as an anchor starting in the block
 * written next. */
static void
note_anchor(struct walk *w, const xmlNode *n)
{
	const char *name = dom_attr(n, "id");
	if ((name == NULL || name[0] == '\0') && dom_is(n, "a"))
		name = dom_attr(n, "name");
	if (name != NULL && name[0] != '\0' && strlen(name) <= 200 &&
	    w->a->nanchors - w->anchors_from < MAX_ANCHOR_CANDIDATES)
		article_add_anchor(w->a, name, w->a->nblocks);
}

/* strcmp for qsort and bsearch over an array of strings. */
static int
compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Keep, of the anchors noted since from, those that a link of this
 * article names (its URL this page's, with that fragment), each name once,
 * in a block that exists. */
static void
keep_linked_anchors(struct walk *w, size_t from)
{
	struct article *a = w->a;
	char **frags = NULL;
	size_t nfrags = 0;
	for (size_t i = w->links_start; i < a->nlinks; i++) {
		const char *hash = strchr(a->links[i].url, '#');
		if (hash == NULL || hash[1] == '\0')
			continue;
		if (!url_is_same_page(a->links[i].url, w->base))
			continue;
		frags = xreallocarray(frags, nfrags + 1, sizeof *frags);
		frags[nfrags++] = url_fragment_decode(hash + 1);
	}
	if (nfrags > 1)
		qsort(frags, nfrags, sizeof *frags, compare_strings);
	size_t kept = from;
	for (size_t i = from; i < a->nanchors; i++) {
		struct anchor *an = &a->anchors[i];
		bool linked = nfrags > 0 && a->nblocks > 0 &&
		    bsearch(&an->name, frags, nfrags, sizeof *frags, compare_strings) != NULL;
		for (size_t k = from; linked && k < kept; k++)
			linked = strcmp(a->anchors[k].name, an->name) != 0;   /* the first wins */
		if (!linked) {
			free(an->name);
			continue;
		}
		if (an->block >= a->nblocks)
			an->block = a->nblocks - 1;
		a->anchors[kept++] = *an;
	}
	a->nanchors = kept;
	for (size_t i = 0; i < nfrags; i++)
		free(frags[i]);
	free(frags);
}

/* ---------- the walk ---------- */

/* Enter n; returns whether to walk its children (a frame was pushed). */
static bool
enter(struct walk *w, xmlNode *n)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content == NULL)
			return false;
		if (w->cite_node != NULL)
			buf_puts(&w->cite, (const char *)n->content);
		else
			append_text(w, (const char *)n->content, strlen((const char *)n->content));
		return false;
	}
	if (n->type != XML_ELEMENT_NODE || n->name == NULL)
		return false;
	const struct tag *t = walk_tag(n);
	if (t->role == R_SKIP || hidden(n))
		return false;
	if (w->cite_node != NULL) {
		/* Inside an attribution: only text, line breaks and its link. */
		if (dom_is(n, "br"))
			buf_putc(&w->cite, ' ');
		const char *href = dom_attr(n, "href");
		char *url = dom_is(n, "a") && href != NULL ? link_target(w, href) : NULL;
		if (url != NULL) {
			char *text = dom_text(n);
			struct article *a = w->a;
			article_add_link(a, url, text, a->nblocks, w->last_heading);
			if (*w->cite_url_to == NULL)
				*w->cite_url_to = url;
			else
				free(url);
			free(text);
		}
		if (t->role == R_VOID || dom_is(n, "noscript"))
			return false;
		t = &inline_tag;
	}
	if (w->nframes == w->frames_cap) {
		w->frames_cap = w->frames_cap ? w->frames_cap * 2 : 64;
		w->frames = xreallocarray(w->frames, w->frames_cap, sizeof *w->frames);
	}
	struct frame *f = &w->frames[w->nframes++];
	f->node = n;
	f->tag = t;
	f->saved = w->ctx;
	f->nspans = w->nopen;
	f->flags = 0;
	bool descend;
	if (t->role != R_INLINE && t->role != R_VOID && (dom_has_class(n, "wp-caption-text") ||
	    dom_has_class(n, "gallery-caption"))) {
		attrib_begin(w, n, f, &w->caption, &w->caption_url);   /* classic themes' captions */
		f->flags |= F_CAPTION;
		descend = true;
	} else
		descend = t->enter ? t->enter(w, n, f) : true;
	/* After enter, which may have ended the block before: the element
	 * starts in the block written next. */
	note_anchor(w, n);
	if (!descend || t->role == R_VOID) {
		w->nframes--;
		w->ctx = f->saved;
		return false;
	}
	return true;
}

/* Leave n, whose frame is on top. */
static void
leave(struct walk *w, xmlNode *n)
{
	struct frame *f = &w->frames[w->nframes - 1];
	if (f->node != n)
		fatal("frame for <%s> closed by <%s>", f->node->name, n->name);
	if (f->flags & F_CAPTION)
		attrib_end_caption(w);
	else if (f->tag->leave)
		f->tag->leave(w, n, f);
	if (f->flags & F_CITE)
		w->cite_node = NULL;
	while (w->nopen > f->nspans)
		pop_open(w);
	w->ctx = f->saved;
	w->nframes--;
}

/* Walk root into blocks, spans, links and quotes (see blocks.h). */
void
blocks_build(xmlNode *root, const char *base_url, struct article *a)
{
	if (root == NULL)
		return;
	struct walk w = {0};
	w.a = a;
	w.base = base_url;
	w.ctx.kind = BLOCK_PARAGRAPH;
	w.ctx.anon = true;
	w.last_heading = -1;
	w.last_quote = -1;
	w.links_from = w.links_start = a->nlinks;
	w.quotes_from = a->nquotes;
	w.anchors_from = a->nanchors;
	for (size_t i = a->nblocks; i > 0; i--) {
		if (a->blocks[i - 1].kind == BLOCK_HEADING) {
			w.last_heading = (int)(i - 1);
			break;
		}
	}

	xmlNode *n = root;
	for (;;) {
		if (enter(&w, n) && n->children != NULL) {
			n = n->children;
			continue;
		} else if (w.nframes > 0 && w.frames[w.nframes - 1].node == n) {
			leave(&w, n);
		}
		while (n != root && n->next == NULL) {
			n = n->parent;
			leave(&w, n);
		}
		if (n == root)
			break;
		n = n->next;
	}
	while (w.nframes > 0)
		leave(&w, w.frames[w.nframes - 1].node);
	walk_flush(&w);
	while (w.nquotes > 0)
		attrib_pop_quote(&w);
	if (a->nblocks > 0)
		walk_settle_links(&w, a->nblocks - 1);
	keep_linked_anchors(&w, w.anchors_from);

	buf_free(&w.text);
	buf_free(&w.cite);
	free(w.open);
	free(w.spans);
	free(w.images);
	free(w.frames);
	free(w.quotes);
	free(w.lists);
}
