/* view.c — one open article on screen. A view owns its article and its
 * layout for the current width; its rows are a few header rows (title,
 * byline) followed by the layout's lines. The place in the article is the
 * top row, and whenever it must outlive the layout (a resize, a save, a jump
 * record) it is turned into (block, byte offset) with layout_position_of and
 * back with layout_line_of. The store keeps (block, character offset). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "search.h"
#include "text.h"
#include "util.h"

#define SAVE_EVERY 2         /* seconds between position saves while reading */
#define IDLE_MS 1000         /* after this long without a key, save the place */

/* Return the number of text rows on the screen. */
int
view_rows(void)
{
	return LINES > 1 ? LINES - 1 : 1;
}

/* Number of rows: header rows plus layout lines. */
static size_t
total_rows(const struct view *v)
{
	return v->nheader + v->l->nlines;
}

/* The greatest top row: the last screenful. */
static size_t
max_top(const struct view *v)
{
	size_t rows = (size_t)view_rows(), total = total_rows(v);
	return total > rows ? total - rows : 0;
}

/* Keep top within the article: a jump may show its target on top with
 * empty rows below the end, but never a row past the last. */
static void
clamp_top(struct view *v)
{
	size_t total = total_rows(v);
	if (v->top >= total)
		v->top = total > 0 ? total - 1 : 0;
}

/* Return the row that shows (block, byte offset). */
size_t
view_row_of(const struct view *v, size_t block, size_t offset)
{
	/* The very start is the top of the page, header and all: what
	 * view_position gives for a top inside the header. */
	if (block == 0 && offset == 0)
		return 0;
	return v->nheader + layout_line_of(v->l, block, offset);
}

/* Return the (block, byte offset) of the top row. */
void
view_position(const struct view *v, size_t *block, size_t *offset)
{
	*block = 0;
	*offset = 0;
	if (v->top < v->nheader || v->l->nlines == 0)
		return;
	size_t line = v->top - v->nheader;
	layout_position_of(v->l, line, block, offset);
	/* Point at the first character shown, not the space a wrap left at the
	 * line's start, so another width finds the same line. */
	const struct layout_line *ln = &v->l->lines[line];
	const char *t = *block < v->a->nblocks ? v->a->blocks[*block].text : NULL;
	if (t != NULL && ln->block == *block)
		while (*offset < ln->end && (t[*offset] == ' ' || t[*offset] == '\n'))
			(*offset)++;
}

/* Move the top to a row, remembering the place for ''. */
void
view_jump(struct view *v, size_t row)
{
	view_position(v, &v->jump_block, &v->jump_offset);
	v->have_jump = true;
	v->anchor_back = false;   /* set again by a link followed into the article */
	v->top = row;
	clamp_top(v);
}

/* Add a header row (sanitised) with its look. */
static void
header_add(struct view *v, const char *s, size_t n, role r)
{
	v->header = xreallocarray(v->header, v->nheader + 1, sizeof *v->header);
	v->header_role = xreallocarray(v->header_role, v->nheader + 1, sizeof *v->header_role);
	char *raw = xstrndup(s, n);
	v->header[v->nheader] = text_sanitize(raw, false);
	v->header_role[v->nheader++] = r;
	free(raw);
}

/* Add s as header rows wrapped at width columns, breaking at spaces. */
static void
header_wrap(struct view *v, const char *text, int width, role r)
{
	char *s = text_sanitize(text, false);
	size_t len = strlen(s), start = 0;
	while (start < len) {
		size_t i = start, brk = 0;
		int w = 0;
		while (i < len) {
			uint32_t cp;
			int cw;
			size_t k = layout_next_char(s + i, len - i, &cp, &cw);
			if (w + cw > width)
				break;
			if (cp == ' ')
				brk = i;
			w += cw;
			i += k;
		}
		size_t end = i;
		if (i < len && brk > start)
			end = brk;
		if (end == start)   /* one character wider than the column */
			end = start + (layout_next_char(s + start, len - start, &(uint32_t){0}, &(int){0}));
		header_add(v, s + start, end - start, r);
		start = end;
		while (start < len && s[start] == ' ')
			start++;
	}
	free(s);
}

/* Build the header rows: title, then author · date · site, then a blank. */
static void
header_build(struct view *v)
{
	for (size_t i = 0; i < v->nheader; i++)
		free(v->header[i]);
	v->nheader = 0;
	const struct article *a = v->a;
	header_wrap(v, a->title != NULL && a->title[0] ? a->title : "(untitled)", v->width, ROLE_H1);
	struct buf by = {0};
	if (a->author != NULL && a->author[0])
		buf_printf(&by, "by %s", a->author);
	if (a->published != NULL && a->published[0])
		buf_printf(&by, "%s%.10s", by.len ? " · " : "", a->published);
	if (a->site_name != NULL && a->site_name[0])
		buf_printf(&by, "%s%s", by.len ? " · " : "", a->site_name);
	if (by.len > 0)
		header_wrap(v, buf_str(&by), v->width, ROLE_DIM);
	buf_free(&by);
	header_add(v, "", 0, ROLE_TEXT);
}

/* Lay the article out again when the width changed. */
void
view_relayout(struct pager *p, struct view *v)
{
	int width = COLS < p->max_width ? COLS : p->max_width;
	if (width < 1)
		width = 1;
	if (v->l != NULL && width == v->width) {
		clamp_top(v);
		return;
	}
	/* A header row stays a header row; a text row keeps its text on top. */
	size_t block = 0, offset = 0;
	bool keep = v->l != NULL && v->top >= v->nheader;
	if (keep)
		view_position(v, &block, &offset);
	layout_free(v->l);
	struct layout_opts o = { width, p->ascii ? LAYOUT_ASCII : 0 };
	v->l = layout_build(v->a, &o);
	v->width = width;
	header_build(v);
	if (keep)
		v->top = view_row_of(v, block, offset);
	clamp_top(v);
}

/* Open a stored article at its saved place. */
struct view *
view_open(struct pager *p, long long id, char **errp)
{
	struct article *a = store_article_get(p->st, id, errp);
	return a != NULL ? view_create(p, id, a) : NULL;
}

/* Make a view of article a (taken over) at its saved place. */
struct view *
view_create(struct pager *p, long long id, struct article *a)
{
	struct view *v = xcalloc(1, sizeof *v);
	v->id = id;
	v->a = a;
	v->link_sel = -1;
	v->cur_match = -1;
	links_resolve(p, v);
	view_relayout(p, v);
	size_t block, chars;
	char *err = NULL;
	int rc = store_position_get(p->st, id, &block, &chars, &err);
	if (rc < 0) {
		pager_message(p, "%s", err);
		free(err);
	} else if (rc == 1 && block < a->nblocks && (block > 0 || chars > 0)) {
		/* (0, 0) is the very top: show the title too. */
		const char *text = a->blocks[block].text;
		v->top = view_row_of(v, block, text != NULL ? bytes_of_chars(text, chars) : 0);
		clamp_top(v);
	}
	v->saved_at = time(NULL);
	return v;
}

/* Store the top row's place as (block, character offset). */
void
view_save(struct pager *p, struct view *v)
{
	if (store_readonly(p->st)) {   /* said once at start: nothing to save into */
		v->saved_at = time(NULL);
		v->saved_top = v->top;
		return;
	}
	size_t block, offset;
	view_position(v, &block, &offset);
	const char *text = block < v->a->nblocks ? v->a->blocks[block].text : NULL;
	char *err = NULL;
	size_t total = total_rows(v), bottom = v->top + (size_t)view_rows();
	int pct = bottom >= total ? 100 : (int)(bottom * 100 / total);
	if (store_position_set(p->st, v->id, block, text ? chars_of_bytes(text, offset) : 0, &err) < 0 ||
	    store_progress_set(p->st, v->id, pct, &err) < 0) {
		pager_message(p, "cannot save the position: %s", err);
		free(err);
	}
	v->saved_at = time(NULL);
	v->saved_top = v->top;
}

/* Save the place and free the view. */
void
view_close(struct pager *p, struct view *v)
{
	if (v == NULL)
		return;
	view_save(p, v);
	for (size_t i = 0; i < v->nheader; i++)
		free(v->header[i]);
	free(v->header);
	free(v->header_role);
	free(v->words_from);
	free(v->matches);
	free(v->pattern);
	free(v->link_lib);
	search_matcher_free(v->matcher);
	layout_free(v->l);
	article_free(v->a);
	free(v);
}

/* Return the look of text in a line of kind/level. */
static role
line_role(const struct layout_line *ln)
{
	if (ln->kind == LINE_HEADING)
		return ln->level <= 1 ? ROLE_H1 : ln->level == 2 ? ROLE_H2 : ROLE_H3;
	if (ln->kind == LINE_ATTRIBUTION)
		return ROLE_ATTRIB;
	if (ln->kind == LINE_PRE)
		return ROLE_CODE;
	if (ln->kind == LINE_IMAGE || ln->kind == LINE_RULE)
		return ROLE_DIM;
	return ROLE_TEXT;
}

/* Draw one segment at x; returns the column after it. */
static int
draw_seg(struct pager *p, struct view *v, const struct layout_line *ln,
    const struct layout_seg *sg, int y, int x, int maxx, size_t *hint)
{
	role r = line_role(ln);
	bool lib = links_in_library(v, sg->link);
	if (sg->style & LAYOUT_STYLE_MARK)
		r = sg->link < 0 ? ROLE_DIM : lib ? ROLE_LIBMARK : ROLE_MARK;
	else if ((sg->style & SPAN_LINK) && r == ROLE_TEXT)
		r = lib ? ROLE_LIBLINK : ROLE_LINK;
	else if ((sg->style & SPAN_CODE) && r == ROLE_TEXT)
		r = ROLE_CODE;
	attr_t attr;
	short pair;
	style_of(p, r, &attr, &pair);
	if (sg->style & SPAN_STRONG)
		attr |= A_BOLD;
	if (sg->style & SPAN_EMPHASIS)
		attr |= A_ITALIC;
	if (sg->link >= 0 && sg->link == v->link_sel)
		attr |= A_REVERSE;
	bool exact = !sg->synthetic && sg->len == sg->end - sg->start;
	if (!exact || v->nmatches == 0)
		return draw_text(p, y, x, maxx, sg->text, sg->len, attr, pair);
	/* Split the segment into runs inside and outside matches. */
	attr_t mattr;
	short mpair;
	style_of(p, ROLE_MATCH, &mattr, &mpair);
	size_t i = 0;
	while (i < sg->len && x < maxx) {
		bool hit = find_hit(v, ln->block, sg->start + i, hint);
		size_t j = i;
		while (j < sg->len && find_hit(v, ln->block, sg->start + j, hint) == hit) {
			uint32_t cp;
			int w;
			j += layout_next_char(sg->text + j, sg->len - j, &cp, &w);
		}
		x = hit ? draw_text(p, y, x, maxx, sg->text + i, j - i, mattr | (attr & A_BOLD), mpair)
		        : draw_text(p, y, x, maxx, sg->text + i, j - i, attr, pair);
		i = j;
	}
	return x;
}

/* Record that link occupies columns [x0, x1) of row y, for OSC 8; a span
 * right after one of the same link joins it. */
static void
span_add(struct pager *p, int y, int x0, int x1, int link)
{
	if (p->nspans > 0) {
		struct link_span *last = &p->spans[p->nspans - 1];
		if (last->y == y && last->link == link && last->x1 == x0) {
			last->x1 = x1;
			return;
		}
	}
	if (p->nspans == p->spans_cap) {
		p->spans_cap = p->spans_cap ? 2 * p->spans_cap : 64;
		p->spans = xreallocarray(p->spans, p->spans_cap, sizeof *p->spans);
	}
	p->spans[p->nspans++] = (struct link_span){ y, x0, x1, link };
}

/* Draw row (a header row or a layout line) at screen line y. */
static void
draw_row(struct pager *p, struct view *v, size_t row, int y, int left)
{
	attr_t attr;
	short pair;
	if (row < v->nheader) {
		style_of(p, v->header_role[row], &attr, &pair);
		draw_text(p, y, left, COLS, v->header[row], strlen(v->header[row]), attr, pair);
		return;
	}
	const struct layout_line *ln = &v->l->lines[row - v->nheader];
	int x = left;
	if (ln->prefix[0] != '\0') {
		role r = ln->quote > 0 ? ROLE_BAR : line_role(ln);
		style_of(p, r, &attr, &pair);
		x = draw_text(p, y, x, COLS, ln->prefix, strlen(ln->prefix), attr, pair);
	}
	x += ln->indent;
	size_t hint = 0;
	for (size_t s = ln->seg; s < ln->seg + ln->nsegs && x < COLS; s++) {
		int x0 = x;
		x = draw_seg(p, v, ln, &v->l->segs[s], y, x, COLS, &hint);
		if (p->hyperlinks && v->l->segs[s].link >= 0 && x > x0)
			span_add(p, y, x0, x, v->l->segs[s].link);
	}
}

/* Return the text of the heading of the section holding the top row, or NULL. */
static const char *
section_of(const struct view *v)
{
	if (v->top < v->nheader || v->l->nlines == 0)
		return NULL;
	long h = layout_section_of(v->l, v->top - v->nheader);
	if (h < 0)
		return NULL;
	size_t block = v->l->lines[v->l->headings[h]].block;
	return block < v->a->nblocks ? v->a->blocks[block].text : NULL;
}

/* Count the words from each block to the end, for the minutes left. Done
 * after the first screen is up: it reads the whole text. */
static void
count_words(struct view *v)
{
	const struct article *a = v->a;
	v->words_from = xcalloc(a->nblocks + 1, sizeof *v->words_from);
	for (size_t i = a->nblocks; i-- > 0;) {
		const struct block *b = &a->blocks[i];
		v->words_from[i] = v->words_from[i + 1] +
		    (block_is_text(b->kind) && b->text != NULL ? text_word_count(b->text) : 0);
	}
}

/* Draw the article rows and the status line. */
static void
view_draw(struct pager *p, struct view *v)
{
	erase();
	p->nspans = 0;
	int rows = view_rows();
	int left = COLS > v->width ? (COLS - v->width) / 2 : 0;
	for (int y = 0; y < rows && v->top + (size_t)y < total_rows(v); y++)
		draw_row(p, v, v->top + (size_t)y, y, left);
	struct buf l = {0};
	buf_puts(&l, v->a->title != NULL && v->a->title[0] ? v->a->title : "(untitled)");
	const char *sec = section_of(v);
	if (sec != NULL)
		buf_printf(&l, " — %s", sec);
	char right[64];
	size_t total = total_rows(v), bottom = v->top + (size_t)rows;
	int pct = bottom >= total ? 100 : (int)(bottom * 100 / total);
	size_t block, offset;
	view_position(v, &block, &offset);
	size_t words = block < v->a->nblocks && v->words_from ? v->words_from[block] : 0;
	size_t wpm = (size_t)p->cfg->reading_speed;
	size_t mins = (words + wpm - 1) / wpm;
	if (bottom >= total)
		snprintf(right, sizeof right, "%d%% (END)", pct);
	else if (v->words_from == NULL)
		snprintf(right, sizeof right, "%d%%", pct);
	else
		snprintf(right, sizeof right, "%d%%  %zu min left", pct, mins);
	status_draw(p, buf_str(&l), right);
	buf_free(&l);
	refresh();
	hyperlinks_emit(p, v);
}

/* Scroll down by n rows, stopping at the last screenful (or where a jump
 * past it left the top). */
static void
scroll_down(struct view *v, size_t n)
{
	size_t limit = max_top(v) > v->top ? max_top(v) : v->top;
	v->top = n < limit - v->top ? v->top + n : limit;
}

/* Move to the next (dir 1) or previous (dir -1) heading, n times. */
static void
heading_move(struct pager *p, struct view *v, int dir, long n)
{
	const struct layout *l = v->l;
	size_t row = v->top;
	bool moved = false;
	while (n-- > 0) {
		bool found = false;
		if (dir > 0) {
			for (size_t i = 0; i < l->nheadings; i++)
				if (v->nheader + l->headings[i] > row) {
					row = v->nheader + l->headings[i];
					found = true;
					break;
				}
		} else {
			for (size_t i = l->nheadings; i-- > 0;)
				if (v->nheader + l->headings[i] < row) {
					row = v->nheader + l->headings[i];
					found = true;
					break;
				}
		}
		if (!found)
			break;
		moved = true;
	}
	if (moved)
		view_jump(v, row);
	else
		pager_message(p, dir > 0 ? "No next heading" : "No previous heading");
}

/* Collect the links with a segment on screen, in order, into out (cap n). */
static size_t
links_on_screen(const struct view *v, int *out, size_t cap)
{
	size_t n = 0, rows = (size_t)view_rows();
	for (size_t r = v->top; r < v->top + rows && r < total_rows(v); r++) {
		if (r < v->nheader)
			continue;
		const struct layout_line *ln = &v->l->lines[r - v->nheader];
		for (size_t s = ln->seg; s < ln->seg + ln->nsegs; s++) {
			int k = v->l->segs[s].link;
			if (k >= 0 && (n == 0 || out[n - 1] != k) && n < cap)
				out[n++] = k;
		}
	}
	return n;
}

/* Move the link highlight among the links on screen. */
static void
link_cycle(struct pager *p, struct view *v, int dir)
{
	int on[512];
	size_t n = links_on_screen(v, on, sizeof on / sizeof on[0]);
	if (n == 0) {
		v->link_sel = -1;
		pager_message(p, "No links on this screen");
		return;
	}
	size_t at = n;
	for (size_t i = 0; i < n; i++)
		if (on[i] == v->link_sel)
			at = i;
	if (at == n)
		v->link_sel = dir > 0 ? on[0] : on[n - 1];
	else
		v->link_sel = on[(at + n + (size_t)(dir > 0 ? 1 : n - 1)) % n];
	const struct link *lk = &v->a->links[v->link_sel];
	pager_message(p, "[%d] %s%s", v->link_sel + 1, links_where(v, v->link_sel),
	    lk->url != NULL ? lk->url : "");
}

/* Leave the open articles above stop, saving where each was. */
static void
close_to(struct pager *p, struct view *stop)
{
	while (p->view != NULL && p->view != stop) {
		struct view *prev = p->view->prev;
		view_close(p, p->view);
		p->view = prev;
	}
}

/* Read the letter after m or '; -1 when it is not one. */
static int
mark_name(struct pager *p, const char *what)
{
	pager_message(p, "%s", what);
	view_draw(p, p->view);
	int k = key_wait();
	free(p->msg);
	p->msg = NULL;
	if ((k >= 'a' && k <= 'z') || (k >= 'A' && k <= 'Z') || k == '\'')
		return k;
	return -1;
}

/* Ask for a pattern and search for it. */
static void
find_start(struct pager *p, struct view *v, bool backward)
{
	char *pat = prompt_read(p, backward ? "?" : "/");
	if (pat == NULL)
		return;
	if (pat[0] == '\0') {
		free(pat);
		if (v->pattern == NULL)
			return;
	} else {
		free(v->pattern);
		v->pattern = pat;
		search_matcher_free(v->matcher);   /* a typed pattern replaces a library query */
		v->matcher = NULL;
		find_run(v);
	}
	v->backward = backward;
	find_next(p, v, backward);
}

/* Leave view v for the one below it (the article a link came from, or the
 * search results when v->prev is stop). */
static void
pop_view(struct pager *p, struct view *v, struct view *stop)
{
	p->view = v->prev;
	view_close(p, v);
	if (p->view != NULL && p->view != stop)
		view_relayout(p, p->view);
}

/* Show the article views until the reader leaves them all. */
int
view_run(struct pager *p)
{
	return view_loop(p, NULL);
}

/* Read keys and act on the article view until the reader is back at stop. */
int
view_loop(struct pager *p, struct view *stop)
{
	long count = 0;
	for (;;) {
		struct view *v = p->view;
		if (v == NULL || v == stop)
			return 0;
		/* Cheap unless the width changed (a resize, maybe inside a list). */
		view_relayout(p, v);
		view_draw(p, v);
		if (v->words_from == NULL) {
			count_words(v);
			view_draw(p, v);
		}
		timeout(IDLE_MS);
		int k = key_read();
		timeout(-1);
		if (k == -1 && !isatty(STDIN_FILENO)) {
			close_to(p, stop);   /* the terminal went away */
			return 0;
		}
		if (k == -1) {
			/* Idle: keep the stored place current. */
			if (v->top != v->saved_top)
				view_save(p, v);
			continue;
		}
		if (k == (KEY_RESIZE | KEY_FUNC))
			continue;
		free(p->msg);
		p->msg = NULL;
		if (k >= '0' && k <= '9') {
			count = count * 10 + (k - '0');
			if (count > 100000000)
				count = 100000000;
			continue;
		}
		bool had_count = count > 0;
		long n = had_count ? count : 1;
		count = 0;
		size_t rows = (size_t)view_rows();
		size_t half = rows / 2 ? rows / 2 : 1;
		switch (key_action(p, SCREEN_VIEW, k)) {
		case ACT_DOWN:
			scroll_down(v, (size_t)n);
			break;
		case ACT_UP:
			v->top = v->top > (size_t)n ? v->top - (size_t)n : 0;
			break;
		case ACT_PAGE_DOWN:
			scroll_down(v, (size_t)n * rows);
			break;
		case ACT_PAGE_UP:
			v->top = v->top > (size_t)n * rows ? v->top - (size_t)n * rows : 0;
			break;
		case ACT_HALF_DOWN:
			scroll_down(v, (size_t)n * half);
			break;
		case ACT_HALF_UP:
			v->top = v->top > (size_t)n * half ? v->top - (size_t)n * half : 0;
			break;
		case ACT_TOP:
			view_jump(v, had_count ? (size_t)n - 1 : 0);
			break;
		case ACT_BOTTOM:
			view_jump(v, had_count ? (size_t)n - 1 : max_top(v));
			break;
		case ACT_PERCENT:
		{
			size_t row = (size_t)(n > 100 ? 100 : (had_count ? n : 0)) * total_rows(v) / 100;
			view_jump(v, row < max_top(v) ? row : max_top(v));
		}
			break;
		case ACT_NEXT_HEADING:
			heading_move(p, v, 1, n);
			break;
		case ACT_PREV_HEADING:
			heading_move(p, v, -1, n);
			break;
		case ACT_SEARCH:
			find_start(p, v, false);
			break;
		case ACT_SEARCH_BACK:
			find_start(p, v, true);
			break;
		case ACT_NEXT_MATCH:
			find_next(p, v, v->backward);
			break;
		case ACT_PREV_MATCH:
			find_next(p, v, !v->backward);
			break;
		case ACT_MARK: {
			int name = mark_name(p, "Set bookmark: type a letter");
			if (name > 0 && name != '\'')
				marks_set(p, v, name);
			break;
		}
		case ACT_GOTO_MARK: {
			int name = mark_name(p, "Go to bookmark: type a letter");
			if (name > 0)
				marks_goto(p, v, name);
			break;
		}
		case ACT_MARKS:
			marks_list(p, v);
			break;
		case ACT_ALL_MARKS:
			marks_all(p, v);
			break;
		case ACT_TOC:
			toc_run(p, v);
			break;
		case ACT_LINKS: {
			long chosen = links_list(p, v);
			if (chosen >= 0)
				links_open(p, chosen);
			break;
		}
		case ACT_OPEN_LINK:
			if (had_count && (size_t)n <= v->a->nlinks)
				links_open(p, n - 1);
			else if (had_count)
				pager_message(p, "No link %ld", n);
			else if (v->link_sel >= 0)
				links_open(p, v->link_sel);
			else
				pager_message(p, "Type a link's number, then o (or Tab to a link)");
			break;
		case ACT_COPY_LINK:
			if (had_count && (size_t)n <= v->a->nlinks)
				links_copy(p, v, n - 1);
			else if (!had_count && v->link_sel >= 0)
				links_copy(p, v, v->link_sel);
			else
				pager_message(p, "No link to copy");
			break;
		case ACT_SOURCE:
			cite_open_source(p, v);
			break;
		case ACT_CITED_BY:
			cite_list_citing(p, v);
			break;
		case ACT_NEXT_LINK:
			link_cycle(p, v, 1);
			break;
		case ACT_PREV_LINK:
			link_cycle(p, v, -1);
			break;
		case ACT_BACK_ARTICLE:
			if (v->anchor_back && v->have_jump) {
				view_jump(v, view_row_of(v, v->jump_block, v->jump_offset));
				break;
			}
			if (v->prev == NULL && !v->from_results) {
				pager_message(p, "No article to go back to");
				break;
			}
			pop_view(p, v, stop);
			break;
		case ACT_LIBRARY_SEARCH:
			view_save(p, v);
			results_run(p);
			break;
		case ACT_QUOTES:
			quote_list_run(p, v);
			break;
		case ACT_HELP: {
			struct menu m = {0};
			long value;
			key_help(p, &m);
			while (menu_run(p, &m, SCREEN_LIST, &value) != ACT_QUIT)
				;
			menu_clear(&m);
			break;
		}
		case ACT_REDRAW:
			clearok(curscr, TRUE);
			break;
		case ACT_QUIT:
			/* q goes back a screen: to the article a link came from or
			 * the search results, then out of the pager. */
			if (v->prev != NULL || v->from_results) {
				pop_view(p, v, stop);
				break;
			}
			close_to(p, stop);
			return 0;
		default:
			break;
		}
		v = p->view;
		if (v == NULL || v == stop)
			continue;
		clamp_top(v);
		if (time(NULL) - v->saved_at >= SAVE_EVERY)
			view_save(p, v);
	}
}
