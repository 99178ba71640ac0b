/* html.c — an article as one standalone HTML page: its own small style
 * sheet, a header with the title and byline, the blocks as HTML elements
 * (block quotes nested by depth, each quotation closed by a <footer> with
 * its <cite>, lists nested inside their parent items), inline emphasis,
 * code and links, then the article's numbered links and its bookmarks.
 * Every piece of page text is escaped; only http(s), mailto and ftp URLs
 * become links. Each block carries id="bN" so bookmarks can point at it. */
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "internal.h"
#include "quotes.h"
#include "text.h"

/* List nesting supported; deeper items are written at this depth. */
#define MAX_LIST 16

static const char style_sheet[] =
    "body{max-width:40em;margin:2em auto;padding:0 1em;font:18px/1.6 Georgia,serif;"
    "color:#222;background:#fdfcf8}\n"
    "h1,h2,h3,h4,h5,h6{line-height:1.25;font-family:Helvetica,Arial,sans-serif}\n"
    ".byline{color:#666;font-size:.9em}\n"
    "blockquote{margin:1em 0;padding:0 0 0 1em;border-left:3px solid #bbb;color:#444}\n"
    "blockquote footer{font-size:.9em;color:#666}\n"
    "pre{overflow-x:auto;background:#f2f0ea;padding:.6em;font-size:.85em}\n"
    "code{font-family:Menlo,Consolas,monospace}\n"
    "img{max-width:100%;height:auto}\n"
    "a{color:#1a5490}\n"
    "nav.links,nav.bookmarks{font-size:.9em;border-top:1px solid #ddd;margin-top:2em}\n";

/* The writer's state: the output, open block quotes and lists. */
struct page {
	struct buf *out;
	const struct article *a;
	int depth;                       /* open <blockquote>s */
	int lists;                       /* open lists */
	bool ordered[MAX_LIST + 1];      /* kind of each open list */
	size_t next_id;                  /* blocks below this have their id="bN" */
};

/* Write block i's id attribute, once: a block split around a quotation
 * is written in pieces, and only the first carries it. */
static void
put_id(struct page *p, size_t i)
{
	if (i < p->next_id)
		return;
	buf_printf(p->out, " id=\"b%zu\"", i);
	p->next_id = i + 1;
}

/* Append s[0, n) with &, <, >, " and ' escaped. */
static void
put_text(struct buf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '&': buf_puts(out, "&amp;"); break;
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		case '"': buf_puts(out, "&quot;"); break;
		case '\'': buf_puts(out, "&#39;"); break;
		default: buf_putc(out, s[i]);
		}
	}
}

/* Append s escaped; NULL appends nothing. */
static void
put_str(struct buf *out, const char *s)
{
	if (s != NULL)
		put_text(out, s, strlen(s));
}

/* Close open lists down to keep. */
static void
close_lists(struct page *p, int keep)
{
	while (p->lists > keep) {
		buf_puts(p->out, p->ordered[p->lists] ? "</li></ol>\n" : "</li></ul>\n");
		p->lists--;
	}
}

/* Open or close <blockquote>s to reach depth (closing any list first). */
static void
set_depth(struct page *p, int depth)
{
	if (depth != p->depth && p->lists > 0)
		close_lists(p, 0);
	for (; p->depth > depth; p->depth--)
		buf_puts(p->out, "</blockquote>\n");
	for (; p->depth < depth; p->depth++)
		buf_puts(p->out, "<blockquote>\n");
}

/* Write b->text[from, to) with its inline styles and links. */
static void
put_inline(struct page *p, const struct block *b, size_t from, size_t to)
{
	size_t n;
	struct export_run *runs = export_runs(b, from, to, &n);
	for (size_t r = 0; r < n; r++) {
		int style = runs[r].style, link = runs[r].link;
		const char *url = link >= 0 && (size_t)link < p->a->nlinks ? p->a->links[link].url : NULL;
		bool linked = export_safe_url(url);
		if (linked) {
			buf_puts(p->out, "<a href=\"");
			put_str(p->out, url);
			buf_puts(p->out, "\">");
		}
		if (style & SPAN_STRONG) buf_puts(p->out, "<strong>");
		if (style & SPAN_EMPHASIS) buf_puts(p->out, "<em>");
		if (style & SPAN_CODE) buf_puts(p->out, "<code>");
		if (style & SPAN_QUOTE) buf_puts(p->out, "<q>");
		/* A <br> in the page is a newline in the block. */
		const char *t = b->text;
		size_t x = runs[r].start;
		for (size_t i = x; i < runs[r].end; i++)
			if (t[i] == '\n') {
				put_text(p->out, t + x, i - x);
				buf_puts(p->out, "<br>\n");
				x = i + 1;
			}
		put_text(p->out, t + x, runs[r].end - x);
		if (style & SPAN_QUOTE) buf_puts(p->out, "</q>");
		if (style & SPAN_CODE) buf_puts(p->out, "</code>");
		if (style & SPAN_EMPHASIS) buf_puts(p->out, "</em>");
		if (style & SPAN_STRONG) buf_puts(p->out, "</strong>");
		if (linked)
			buf_puts(p->out, "</a>");
	}
	free(runs);
}

/* Write a list item of b at its level, opening and closing lists. */
static void
put_item(struct page *p, const struct block *b, size_t i, size_t from, size_t to)
{
	int level = b->level < 1 ? 1 : b->level;
	if (level > p->lists + 1)
		level = p->lists + 1;
	if (level > MAX_LIST)
		level = MAX_LIST;
	if (p->lists >= level) {
		close_lists(p, level);
		if (p->ordered[level] != b->ordered) {
			close_lists(p, level - 1);
		} else {
			buf_puts(p->out, "</li>\n");
		}
	}
	if (p->lists < level) {
		p->lists = level;
		p->ordered[level] = b->ordered;
		if (b->ordered && b->number > 1)
			buf_printf(p->out, "<ol start=\"%d\">\n", b->number);
		else
			buf_puts(p->out, b->ordered ? "<ol>\n" : "<ul>\n");
	}
	buf_puts(p->out, "<li");
	put_id(p, i);
	buf_putc(p->out, '>');
	put_inline(p, b, from, to);
}

/* Write the part b->text[from, to) of block i at quote depth. */
static void
put_piece(struct page *p, const struct block *b, size_t i, size_t from, size_t to, int depth)
{
	if (b->kind != BLOCK_PREFORMATTED)
		export_trim(b->text, &from, &to);
	if (b->kind != BLOCK_RULE && from == to &&
	    !(b->kind == BLOCK_IMAGE && export_safe_url(b->src)))
		return;
	set_depth(p, depth);
	if (b->kind == BLOCK_LIST_ITEM) {
		put_item(p, b, i, from, to);
		return;
	}
	close_lists(p, 0);
	switch (b->kind) {
	case BLOCK_HEADING: {
		int level = b->level < 1 ? 1 : b->level > 6 ? 6 : b->level;
		buf_printf(p->out, "<h%d", level);
		put_id(p, i);
		buf_putc(p->out, '>');
		put_inline(p, b, from, to);
		buf_printf(p->out, "</h%d>\n", level);
		break;
	}
	case BLOCK_PREFORMATTED:
		buf_puts(p->out, "<pre");
		put_id(p, i);
		buf_puts(p->out, "><code>");
		put_text(p->out, b->text + from, to - from);
		buf_puts(p->out, "</code></pre>\n");
		break;
	case BLOCK_IMAGE:
		buf_puts(p->out, "<figure");
		put_id(p, i);
		buf_putc(p->out, '>');
		if (export_safe_url(b->src)) {
			buf_puts(p->out, "<img src=\"");
			put_str(p->out, b->src);
			buf_puts(p->out, "\" alt=\"");
			put_text(p->out, b->text + from, to - from);
			buf_puts(p->out, "\">");
		} else {
			put_text(p->out, b->text + from, to - from);
		}
		buf_puts(p->out, "</figure>\n");
		break;
	case BLOCK_RULE:
		buf_puts(p->out, "<hr");
		put_id(p, i);
		buf_puts(p->out, ">\n");
		break;
	case BLOCK_PARAGRAPH:
	default:
		buf_puts(p->out, "<p");
		put_id(p, i);
		buf_putc(p->out, '>');
		put_inline(p, b, from, to);
		buf_puts(p->out, "</p>\n");
		break;
	}
}

/* Write quotation q's attribution as the <footer> of its block quote. */
static void
put_attribution(struct page *p, const struct quote *q, int depth)
{
	if (q->author == NULL && q->publication == NULL && q->title == NULL && q->year == 0)
		return;
	set_depth(p, depth > 0 ? depth : 1);
	close_lists(p, 0);
	buf_puts(p->out, "<footer>— ");
	bool any = false;
	if (q->author != NULL) {
		put_str(p->out, q->author);
		any = true;
	}
	const char *works[2] = { q->publication, q->title };
	for (int k = 0; k < 2; k++) {
		if (works[k] == NULL)
			continue;
		buf_puts(p->out, any ? ", <cite>" : "<cite>");
		put_str(p->out, works[k]);
		buf_puts(p->out, "</cite>");
		any = true;
	}
	char *date = quotes_full_date(q->cite_raw, q->year);
	if (date != NULL) {
		buf_puts(p->out, any ? ", " : "");
		put_str(p->out, date);
	} else if (q->year != 0) {
		buf_printf(p->out, any ? " (%d)" : "%d", q->year);
	}
	free(date);
	buf_puts(p->out, "</footer>\n");
}

/* Write the page head and the article header. */
static void
put_header(const struct article *a, struct buf *out)
{
	buf_puts(out, "<!DOCTYPE html>\n<html");
	if (a->language != NULL) {
		buf_puts(out, " lang=\"");
		put_str(out, a->language);
		buf_putc(out, '"');
	}
	buf_puts(out, ">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	put_str(out, a->title != NULL ? a->title : "(untitled)");
	buf_puts(out, "</title>\n");
	if (a->author != NULL) {
		buf_puts(out, "<meta name=\"author\" content=\"");
		put_str(out, a->author);
		buf_puts(out, "\">\n");
	}
	const char *url = a->canonical_url != NULL ? a->canonical_url : a->url;
	if (export_safe_url(url)) {
		buf_puts(out, "<link rel=\"canonical\" href=\"");
		put_str(out, url);
		buf_puts(out, "\">\n");
	}
	buf_printf(out, "<style>\n%s</style>\n</head>\n<body>\n<article>\n<header>\n<h1>", style_sheet);
	put_str(out, a->title != NULL ? a->title : "(untitled)");
	buf_puts(out, "</h1>\n<p class=\"byline\">");
	bool any = false;
	if (a->author != NULL) {
		buf_puts(out, "by ");
		put_str(out, a->author);
		any = true;
	}
	if (a->published != NULL) {
		buf_puts(out, any ? " · <time datetime=\"" : "<time datetime=\"");
		put_str(out, a->published);
		buf_puts(out, "\">");
		put_text(out, a->published, strnlen(a->published, 10));
		buf_puts(out, "</time>");
		any = true;
	}
	if (a->site_name != NULL || export_safe_url(url)) {
		buf_puts(out, any ? " · " : "");
		if (export_safe_url(url)) {
			buf_puts(out, "<a href=\"");
			put_str(out, url);
			buf_puts(out, "\">");
		}
		put_str(out, a->site_name != NULL ? a->site_name : url);
		if (export_safe_url(url))
			buf_puts(out, "</a>");
	}
	buf_puts(out, "</p>\n</header>\n");
}

/* Append the article as a standalone HTML page. */
void
export_html(const struct export_input *in, struct buf *out)
{
	const struct article *a = in->article;
	put_header(a, out);
	struct page p = { .out = out, .a = a };
	struct quote_place *plan = export_quote_plan(a);
	/* The title is in the header already. */
	size_t start = 0;
	if (a->nblocks > 0 && a->blocks[0].kind == BLOCK_HEADING && a->title != NULL &&
	    strcmp(a->blocks[0].text, a->title) == 0)
		start = 1;
	for (size_t i = start; i < a->nblocks; i++) {
		const struct block *b = &a->blocks[i];
		const struct quote_place *q = &plan[i];
		size_t len = strlen(b->text);
		if (q->quote < 0) {
			put_piece(&p, b, i, 0, len, b->quote);
			continue;
		}
		if (q->intro_end > 0)
			put_piece(&p, b, i, 0, q->intro_end, b->quote);
		put_piece(&p, b, i, q->from, q->to, q->depth);
		if (q->last) {
			put_attribution(&p, &a->quotes[q->quote], q->attr_depth);
			if (q->rest_from < len)
				put_piece(&p, b, i, q->rest_from, len, b->quote);
		}
	}
	free(plan);
	set_depth(&p, 0);
	close_lists(&p, 0);
	if (a->nlinks > 0) {
		buf_puts(out, "<nav class=\"links\">\n<h2>Links</h2>\n<ol>\n");
		for (size_t i = 0; i < a->nlinks; i++) {
			const struct link *l = &a->links[i];
			buf_puts(out, "<li>");
			if (export_safe_url(l->url)) {
				buf_puts(out, "<a href=\"");
				put_str(out, l->url);
				buf_puts(out, "\">");
				put_str(out, l->url);
				buf_puts(out, "</a>");
			} else {
				put_str(out, l->url);
			}
			buf_puts(out, "</li>\n");
		}
		buf_puts(out, "</ol>\n</nav>\n");
	}
	if (in->nbookmarks > 0) {
		buf_puts(out, "<nav class=\"bookmarks\">\n<h2>Bookmarks</h2>\n<ul>\n");
		for (size_t i = 0; i < in->nbookmarks; i++) {
			const struct export_bookmark *bm = &in->bookmarks[i];
			buf_printf(out, "<li><a href=\"#b%zu\">", bm->block);
			if (bm->name != NULL && bm->name[0] != '\0')
				put_str(out, bm->name);
			else
				buf_printf(out, "block %zu", bm->block);
			buf_puts(out, "</a>");
			if (bm->created != NULL) {
				buf_puts(out, " <small>");
				put_str(out, bm->created);
				buf_puts(out, "</small>");
			}
			buf_puts(out, "</li>\n");
		}
		buf_puts(out, "</ul>\n</nav>\n");
	}
	buf_puts(out, "</article>\n</body>\n</html>\n");
}
