/* markdown.c — an article as CommonMark: YAML front matter with the metadata
 * and bookmarks, then the blocks (ATX headings, '>' block quotes nested by
 * depth with an "— Author, Publication" line after each quotation, '-' and
 * numbered lists indented under their parents, fenced code for preformatted
 * text, images), inline emphasis, code and reference-style links ([text][n],
 * the list of [n]: URL at the end, n the article's link number). Text from
 * the page is escaped so that it reads back as the same text. One paragraph
 * is one line: no hard wrapping. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "internal.h"
#include "json.h"
#include "text.h"

/* List nesting supported; deeper items are written at this depth. */
#define MAX_LIST 16

/* The writer's state: the output, and where a list stands. */
struct md {
	struct buf *out;
	const struct article *a;
	int list_level;                  /* level of the last list item, 0 after other blocks */
	size_t indent[MAX_LIST + 2];     /* column where items of each level start */
	size_t width[MAX_LIST + 2];      /* marker width of the last item of each level */
	int depth;                       /* quote depth of the last block written, -1 before any */
	bool ordered;                    /* the top-level list is numbered */
};

/* Write depth quote markers ("> > "). */
static void
put_prefix(struct buf *out, int depth)
{
	for (int i = 0; i < depth; i++)
		buf_puts(out, "> ");
}

/* End the last line and separate the next block from the previous one with
 * a blank line, kept inside the quote levels both share. */
static void
separate(struct md *m, int depth, bool tight)
{
	if (m->depth < 0) {
		m->depth = depth;
		return;
	}
	if (!tight) {
		int shared = depth < m->depth ? depth : m->depth;
		for (int i = 0; i < shared; i++)
			buf_puts(m->out, i ? " >" : ">");
		buf_putc(m->out, '\n');
	}
	m->depth = depth;
}

/* Whether c is ASCII punctuation that Markdown may read as markup anywhere. */
static bool
always_escaped(char c)
{
	return strchr("\\`*_[]<>|", c) != NULL;
}

/* Write text[from, to) escaped for Markdown. A newline becomes a hard break
 * (or a space when breaks is false) and the next line starts with cont. */
static void
put_escaped(struct buf *out, const char *text, size_t from, size_t to, bool *line_start,
    bool breaks, const char *cont)
{
	for (size_t i = from; i < to; i++) {
		char c = text[i];
		if (c == '\n') {
			if (breaks) {
				buf_puts(out, "\\\n");
				buf_puts(out, cont);
				*line_start = true;
			} else {
				buf_putc(out, ' ');
			}
			continue;
		}
		if (*line_start) {
			/* What would open a heading, list, quote or rule at a line's start. */
			if (c == '#' || c == '-' || c == '+' || c == '=' || c == '~') {
				buf_putc(out, '\\');
			} else if (c >= '0' && c <= '9') {
				size_t k = i;
				while (k < to && text[k] >= '0' && text[k] <= '9')
					k++;
				if (k < to && (text[k] == '.' || text[k] == ')')) {
					buf_append(out, text + i, k - i);
					buf_putc(out, '\\');
					i = k - 1;
					*line_start = false;
					continue;
				}
			}
			if (c != ' ')
				*line_start = false;
		}
		if (always_escaped(c) ||
		    (c == '&' && i + 1 < to && (text[i + 1] == '#' ||
		    (text[i + 1] >= 'a' && text[i + 1] <= 'z') || (text[i + 1] >= 'A' && text[i + 1] <= 'Z'))) ||
		    (c == '!' && i + 1 < to && text[i + 1] == '['))
			buf_putc(out, '\\');
		buf_putc(out, c);
	}
}

/* Write text[from, to) as a code span, fenced by more backticks than it holds. */
static void
put_code_span(struct buf *out, const char *text, size_t from, size_t to)
{
	size_t longest = 0, run = 0;
	for (size_t i = from; i < to; i++) {
		run = text[i] == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	bool pad = text[from] == '`' || text[to - 1] == '`';
	for (size_t i = 0; i <= longest; i++)
		buf_putc(out, '`');
	if (pad)
		buf_putc(out, ' ');
	for (size_t i = from; i < to; i++)
		buf_putc(out, text[i] == '\n' ? ' ' : text[i]);
	if (pad)
		buf_putc(out, ' ');
	for (size_t i = 0; i <= longest; i++)
		buf_putc(out, '`');
}

/* Inline markup is a stack of open elements, closed in reverse order:
 * SPAN_STRONG, SPAN_EMPHASIS, or LINK_BASE + a link's index. */
#define LINK_BASE 0x10000
#define MAX_OPEN 3

struct inline_state {
	int stack[MAX_OPEN];
	int depth;
};

/* Whether c is ASCII punctuation. */
static bool
is_punct(char c)
{
	return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
	    (c >= '{' && c <= '~');
}

/* Whether c may be part of a word: a letter, a digit, any non-ASCII byte. */
static bool
is_word(char c)
{
	unsigned char u = (unsigned char)c;
	return u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Whether run r carries element e. */
static bool
run_has(const struct export_run *run, int link, int e)
{
	return e >= LINK_BASE ? link == e - LINK_BASE : (run->style & e) != 0;
}

/* Write the opening (or closing) of element e. */
static void
put_mark(struct buf *out, int e, bool open)
{
	if (e >= LINK_BASE) {
		/* A '!' just before a link would make it an image: "stronger![8]". */
		if (open && out->len > 0 && out->data[out->len - 1] == '!' &&
		    (out->len < 2 || out->data[out->len - 2] != '\\')) {
			out->len--;
			buf_puts(out, "\\!");
		}
		buf_printf(out, open ? "[" : "][%d]", e - LINK_BASE + 1);
	} else
		buf_puts(out, e == SPAN_STRONG ? "**" : "*");
}

/* The link of run r that may be written: -1 for none or an unsafe URL. */
static int
run_link(const struct md *m, const struct export_run *run)
{
	int link = run->link;
	if (link < 0 || (size_t)link >= m->a->nlinks || !export_safe_url(m->a->links[link].url))
		return -1;   /* no javascript: links */
	return link;
}

/* Return how many runs from r on carry element e (runs of white space
 * alone do not interrupt it). */
static size_t
lasts(const struct md *m, const char *text, const struct export_run *runs, size_t n, size_t r,
    int e)
{
	size_t k = r;
	for (; k < n; k++) {
		size_t x = runs[k].start, y = runs[k].end;
		export_trim(text, &x, &y);
		if (x < y && !run_has(&runs[k], run_link(m, &runs[k]), e))
			break;
	}
	return k - r;
}

/* Write b->text[from, to) with its inline styles; links become [text][n].
 * cont starts each continuation line after a hard break. Markers hug the
 * text: white space at a run's edges goes outside them, and markers stay
 * open over a run of white space alone. */
static void
put_inline(struct md *m, const struct block *b, size_t from, size_t to, bool breaks,
    const char *cont)
{
	size_t n;
	struct export_run *runs = export_runs(b, from, to, &n);
	const char *t = b->text;
	bool line_start = true;
	struct inline_state st = { .depth = 0 };
	size_t pending_from = 0, pending_to = 0;   /* text written after the next closing */
	for (size_t r = 0; r < n; r++) {
		size_t x = runs[r].start, y = runs[r].end;
		size_t lx = x, ly = y;
		export_trim(t, &lx, &ly);
		int link = run_link(m, &runs[r]);
		int style = runs[r].style & (SPAN_STRONG | SPAN_EMPHASIS);
		bool code = (runs[r].style & SPAN_CODE) != 0;
		/* CommonMark does not let "*" open between a letter and punctuation
		 * ("a*(b") nor close between punctuation and a letter ("b)*c"):
		 * such punctuation goes outside the markers. */
		if (style != 0 && !code && lx < ly) {
			if (lx == x && x > from && is_word(t[x - 1]))
				while (lx < ly && (is_punct(t[lx]) || t[lx] == ' '))
					lx++;
			if (ly == y && y < to && is_word(t[y]))
				while (ly > lx && (is_punct(t[ly - 1]) || t[ly - 1] == ' '))
					ly--;
		}
		if (lx == ly) {
			/* White space or punctuation alone: after whatever closes next. */
			if (pending_to == pending_from)
				pending_from = x;
			pending_to = y;
			continue;
		}
		/* Close what this run does not carry, and all inside it. */
		int keep = 0;
		while (keep < st.depth && run_has(&runs[r], link, st.stack[keep]))
			keep++;
		while (st.depth > keep)
			put_mark(m->out, st.stack[--st.depth], false);
		if (pending_to > pending_from)
			put_escaped(m->out, t, pending_from, pending_to, &line_start, breaks, cont);
		pending_from = pending_to = 0;
		put_escaped(m->out, t, x, lx, &line_start, breaks, cont);
		/* Open what it adds, what lasts longer outside. */
		int want[MAX_OPEN], nwant = 0;
		int candidates[3] = { link >= 0 ? LINK_BASE + link : -1, SPAN_STRONG, SPAN_EMPHASIS };
		for (int c = 0; c < 3; c++) {
			int e = candidates[c];
			if (e < 0 || !run_has(&runs[r], link, e))
				continue;
			bool open = false;
			for (int k = 0; k < st.depth; k++)
				open = open || st.stack[k] == e;
			if (!open)
				want[nwant++] = e;
		}
		for (int a = 1; a < nwant; a++)
			for (int c = a; c > 0 && lasts(m, t, runs, n, r, want[c]) >
			    lasts(m, t, runs, n, r, want[c - 1]); c--) {
				int tmp = want[c];
				want[c] = want[c - 1];
				want[c - 1] = tmp;
			}
		for (int a = 0; a < nwant; a++) {
			put_mark(m->out, want[a], true);
			st.stack[st.depth++] = want[a];
		}
		if (st.depth > 0)
			line_start = false;
		if (code)
			put_code_span(m->out, t, lx, ly);
		else
			put_escaped(m->out, t, lx, ly, &line_start, breaks, cont);
		line_start = false;
		if (ly < y) {
			pending_from = ly;
			pending_to = y;
		}
	}
	while (st.depth > 0)
		put_mark(m->out, st.stack[--st.depth], false);
	if (pending_to > pending_from)
		put_escaped(m->out, t, pending_from, pending_to, &line_start, breaks, cont);
	free(runs);
}

/* Write url as a link destination: bare when it can be, else in <>. */
static void
put_url(struct buf *out, const char *url)
{
	bool plain = url[0] != '\0' && strpbrk(url, " <>()\t\n") == NULL;
	if (!plain)
		buf_putc(out, '<');
	for (const char *p = url; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;
		if (c <= ' ' || c == '<' || c == '>' || c == 0x7f)
			buf_printf(out, "%%%02X", c);
		else
			buf_putc(out, (char)c);
	}
	if (!plain)
		buf_putc(out, '>');
}

/* Write text[0, len) as fenced code at quote depth. */
static void
put_code_block(struct md *m, const char *text, size_t len, int depth)
{
	size_t longest = 0, run = 0;
	for (size_t i = 0; i < len; i++) {
		run = text[i] == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	size_t fence = longest >= 3 ? longest + 1 : 3;
	put_prefix(m->out, depth);
	for (size_t i = 0; i < fence; i++)
		buf_putc(m->out, '`');
	buf_putc(m->out, '\n');
	const char *line = text, *end = text + len;
	while (line < end) {
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		size_t n = nl != NULL ? (size_t)(nl - line) : (size_t)(end - line);
		put_prefix(m->out, depth);
		buf_append(m->out, line, n);
		buf_putc(m->out, '\n');
		line += n + (nl != NULL);
	}
	put_prefix(m->out, depth);
	for (size_t i = 0; i < fence; i++)
		buf_putc(m->out, '`');
	buf_putc(m->out, '\n');
}

/* Write the part b->text[from, to) of block b at quote depth. */
static void
put_piece(struct md *m, const struct block *b, size_t from, size_t to, int depth)
{
	if (b->kind != BLOCK_PREFORMATTED)
		export_trim(b->text, &from, &to);
	if (b->kind != BLOCK_RULE && from == to &&
	    !(b->kind == BLOCK_IMAGE && export_safe_url(b->src)))
		return;
	bool item = b->kind == BLOCK_LIST_ITEM;
	/* Items of one list are tight; a list of the other kind starts apart. */
	bool tight = item && m->list_level > 0 && m->depth == depth &&
	    !(b->level <= 1 && m->ordered != b->ordered);
	separate(m, depth, tight);
	if (!item)
		m->list_level = 0;
	struct buf cont = {0};
	for (int i = 0; i < depth; i++)
		buf_puts(&cont, "> ");
	if (b->kind != BLOCK_PREFORMATTED)
		put_prefix(m->out, depth);
	switch (b->kind) {
	case BLOCK_HEADING: {
		int level = b->level < 1 ? 1 : b->level > 6 ? 6 : b->level;
		for (int i = 0; i < level; i++)
			buf_putc(m->out, '#');
		buf_putc(m->out, ' ');
		put_inline(m, b, from, to, false, "");
		break;
	}
	case BLOCK_LIST_ITEM: {
		int level = b->level < 1 ? 1 : b->level;
		if (level > m->list_level + 1)
			level = m->list_level + 1;
		if (level > MAX_LIST)
			level = MAX_LIST;
		if (level == 1)
			m->indent[1] = 0;
		else
			m->indent[level] = m->indent[level - 1] + m->width[level - 1];
		char marker[32];
		if (b->ordered)
			snprintf(marker, sizeof marker, "%d. ", b->number > 0 ? b->number : 1);
		else
			snprintf(marker, sizeof marker, "- ");
		m->width[level] = strlen(marker);
		m->list_level = level;
		if (level == 1)
			m->ordered = b->ordered;
		for (size_t i = 0; i < m->indent[level]; i++)
			buf_putc(m->out, ' ');
		buf_puts(m->out, marker);
		for (size_t i = 0; i < m->indent[level] + m->width[level]; i++)
			buf_putc(&cont, ' ');
		put_inline(m, b, from, to, true, buf_str(&cont));
		break;
	}
	case BLOCK_PREFORMATTED:
		put_code_block(m, b->text + from, to - from, depth);
		buf_free(&cont);
		return;
	case BLOCK_IMAGE:
		if (export_safe_url(b->src)) {
			bool ls = false;
			buf_puts(m->out, "![");
			put_escaped(m->out, b->text, from, to, &ls, false, "");
			buf_puts(m->out, "](");
			put_url(m->out, b->src);
			buf_putc(m->out, ')');
		} else if (from < to) {
			put_inline(m, b, from, to, false, "");
		}
		break;
	case BLOCK_RULE:
		buf_puts(m->out, "* * *");
		break;
	case BLOCK_PARAGRAPH:
	default:
		put_inline(m, b, from, to, true, buf_str(&cont));
		break;
	}
	buf_putc(m->out, '\n');
	buf_free(&cont);
}

/* Write the attribution line of quotation q at depth. */
static void
put_attribution(struct md *m, const struct quote *q, int depth)
{
	char *who = export_attribution(q);
	if (who == NULL)
		return;
	separate(m, depth, false);
	m->list_level = 0;
	put_prefix(m->out, depth);
	buf_puts(m->out, "— ");
	bool ls = false;
	put_escaped(m->out, who, 0, strlen(who), &ls, false, "");
	buf_putc(m->out, '\n');
	free(who);
}

/* Write a YAML key with a string value (JSON strings are YAML scalars). */
static void
yaml_string(struct buf *out, const char *indent, const char *key, const char *value)
{
	if (value == NULL || value[0] == '\0')
		return;
	buf_printf(out, "%s%s: ", indent, key);
	json_escape(out, value);
	buf_putc(out, '\n');
}

/* Write the front matter: metadata, tags and bookmarks. */
static void
put_front_matter(const struct export_input *in, struct buf *out)
{
	const struct article *a = in->article;
	buf_puts(out, "---\n");
	yaml_string(out, "", "title", a->title);
	yaml_string(out, "", "author", a->author);
	yaml_string(out, "", "date", a->published);
	yaml_string(out, "", "modified", a->modified);
	yaml_string(out, "", "site", a->site_name);
	yaml_string(out, "", "url", a->url);
	yaml_string(out, "", "canonical_url", a->canonical_url);
	yaml_string(out, "", "language", a->language);
	yaml_string(out, "", "description", a->description);
	if (in->id > 0)
		buf_printf(out, "id: %lld\n", in->id);
	buf_puts(out, "tags: [");
	for (size_t i = 0; i < a->ntags; i++) {
		if (i > 0)
			buf_puts(out, ", ");
		json_escape(out, a->tags[i]);
	}
	buf_puts(out, "]\n");
	if (in->nbookmarks == 0) {
		buf_puts(out, "bookmarks: []\n");
	} else {
		buf_puts(out, "bookmarks:\n");
		for (size_t i = 0; i < in->nbookmarks; i++) {
			const struct export_bookmark *bm = &in->bookmarks[i];
			buf_printf(out, "  - block: %zu\n    offset: %zu\n", bm->block, bm->offset);
			yaml_string(out, "    ", "name", bm->name);
			yaml_string(out, "    ", "created", bm->created);
		}
	}
	buf_puts(out, "---\n\n");
}

/* Append the article as Markdown with front matter. */
void
export_markdown(const struct export_input *in, struct buf *out)
{
	const struct article *a = in->article;
	put_front_matter(in, out);
	struct md m = { .out = out, .a = a, .depth = -1 };
	/* The title, unless the body opens with it. */
	bool titled = false;
	for (size_t i = 0; i < a->nblocks && !titled; i++) {
		if (a->blocks[i].kind != BLOCK_HEADING)
			continue;
		titled = a->title != NULL && strcmp(a->blocks[i].text, a->title) == 0;
		break;
	}
	if (!titled && a->title != NULL && a->title[0] != '\0') {
		struct block title = { .kind = BLOCK_HEADING, .level = 1, .text = a->title };
		put_piece(&m, &title, 0, strlen(a->title), 0);
	}
	struct quote_place *plan = export_quote_plan(a);
	for (size_t i = 0; i < a->nblocks; i++) {
		const struct block *b = &a->blocks[i];
		const struct quote_place *p = &plan[i];
		if (p->quote < 0) {
			put_piece(&m, b, 0, strlen(b->text), b->quote);
			continue;
		}
		if (p->intro_end > 0)
			put_piece(&m, b, 0, p->intro_end, b->quote);
		put_piece(&m, b, p->from, p->to, p->depth);
		if (p->last) {
			put_attribution(&m, &a->quotes[p->quote], p->attr_depth);
			if (p->rest_from < strlen(b->text))
				put_piece(&m, b, p->rest_from, strlen(b->text), b->quote);
		}
	}
	free(plan);
	if (a->nlinks > 0) {
		buf_putc(out, '\n');
		for (size_t i = 0; i < a->nlinks; i++) {
			if (!export_safe_url(a->links[i].url))
				continue;
			buf_printf(out, "[%zu]: ", i + 1);
			put_url(out, a->links[i].url != NULL ? a->links[i].url : "");
			buf_putc(out, '\n');
		}
	}
}
