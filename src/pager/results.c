/* results.c — searching the library from the pager (S). The query is read
 * on the bottom line and run through search.h over all text or over the
 * quoted passages only (t switches and searches again). Each hit is an
 * entry of the list screen: the article's title and site, the heading the
 * hit sits under, the snippet with the matched words marked, and for a
 * quotation who is quoted and where. Enter opens the article on a view
 * pushed above the screen the search came from, at the hit's match, with
 * the query's terms highlighted and n/N stepping through them; leaving
 * that view comes back to the list, and leaving the list to where S was
 * typed. The results own their strings; the list rows are sanitised copies. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#include "search.h"
#include "text.h"
#include "util.h"

#define RESULTS_LIMIT 100
#define SNIPPET_ROWS 2       /* rows a snippet may take in the list */

/* One character of a snippet: its bytes, columns and whether it is marked. */
struct unit {
	size_t at, len;
	int width;
	bool marked, space;
};

/* Split a marked snippet into characters, the markers turned into flags. */
static struct unit *
units_of(const char *s, size_t *n)
{
	size_t len = strlen(s), count = 0;
	struct unit *u = xcalloc(len + 1, sizeof *u);
	bool marked = false;
	for (size_t i = 0; i < len;) {
		if (s[i] == SEARCH_MARK_ON || s[i] == SEARCH_MARK_OFF) {
			marked = s[i] == SEARCH_MARK_ON;
			i++;
			continue;
		}
		uint32_t cp;
		int w;
		size_t k = layout_next_char(s + i, len - i, &cp, &w);
		u[count++] = (struct unit){ i, k, w, marked, cp == ' ' };
		i += k;
	}
	*n = count;
	return u;
}

/* Append units [from, to) of s to b with markers around marked runs. */
static void
emit(struct buf *b, const char *s, const struct unit *u, size_t from, size_t to)
{
	bool on = false;
	for (size_t i = from; i < to; i++) {
		if (u[i].marked != on) {
			buf_putc(b, on ? SEARCH_MARK_OFF : SEARCH_MARK_ON);
			on = u[i].marked;
		}
		buf_append(b, s + u[i].at, u[i].len);
	}
	if (on)
		buf_putc(b, SEARCH_MARK_OFF);
}

/* Wrap a marked snippet into at most rows rows of width columns, breaking
 * at spaces, each row with its own markers. When it does not fit, the text
 * before the first mark is cut (with "…") so the mark shows, and the end is
 * cut with "…". Returns a newly allocated array of *n newly allocated rows. */
char **
snippet_wrap(const char *snippet, int width, int rows, size_t *n)
{
	size_t nu;
	const char *s = snippet != NULL ? snippet : "";
	struct unit *u = units_of(s, &nu);
	if (width < 8)
		width = 8;
	if (rows < 1)
		rows = 1;
	int total = 0, before = 0;
	size_t first = nu;
	for (size_t i = 0; i < nu; i++) {
		if (u[i].marked && first == nu)
			first = i;
		if (first == nu)
			before += u[i].width;
		total += u[i].width;
	}
	size_t start = 0;
	bool cut_start = false;
	if (total > width * rows && first < nu && before > width / 3) {
		/* Start at a space about a third of a row before the mark. */
		int back = 0;
		start = first;
		while (start > 0 && back < width / 3) {
			start--;
			back += u[start].width;
		}
		while (start < first && !u[start].space)
			start++;
		while (start < first && u[start].space)
			start++;
		cut_start = start > 0;
	}
	char **out = xcalloc((size_t)rows, sizeof *out);
	size_t count = 0, i = start;
	while (i < nu && count < (size_t)rows) {
		bool last_row = count + 1 == (size_t)rows;
		int room = width - (count == 0 && cut_start ? 1 : 0);
		int used = 0;
		size_t j = i, brk = i;
		while (j < nu && used + u[j].width <= room) {
			used += u[j].width;
			j++;
			if (j < nu && u[j].space)
				brk = j;
		}
		bool more = j < nu;
		if (more && last_row) {
			/* Make room for the "…" that says the text goes on. */
			while (j > i && used + 1 > room) {
				j--;
				used -= u[j].width;
			}
			while (j > i + 1 && u[j - 1].space)
				j--;
		} else if (more && brk > i) {
			j = brk;
		}
		if (j == i)
			j = i + 1;   /* one character wider than the row */
		struct buf b = {0};
		buf_puts(&b, count == 0 && cut_start ? "…" : "");
		emit(&b, s, u, i, j);
		if (more && last_row)
			buf_puts(&b, "…");
		out[count++] = buf_detach(&b);
		i = j;
		while (i < nu && u[i].space)
			i++;
	}
	free(u);
	*n = count;
	return out;
}

struct results {
	char *query;
	search_scope scope;
	struct search_results *r;   /* NULL when the search failed */
};

/* Run the search again for the current query and scope. */
static void
results_load(struct pager *p, struct results *rs)
{
	search_results_free(rs->r);
	rs->r = NULL;
	char *err = NULL;
	if (search_run(p->st, rs->query, rs->scope, RESULTS_LIMIT, &rs->r, &err) < 0) {
		pager_message(p, "%s", err != NULL ? err : "the search failed");
		free(err);
	}
}

/* Fill m with the hits: each an entry of a title row and continuation rows. */
static void
results_build(const struct results *rs, struct menu *m)
{
	menu_clear(m);
	size_t n = rs->r != NULL ? rs->r->n : 0;
	bool quotes = rs->scope == SEARCH_QUOTES;
	m->title = xasprintf("Search “%s” — %zu %s%s · t: %s", rs->query, n,
	    quotes ? "quotation" : "article", n == 1 ? "" : "s", quotes ? "all text" : "quotes only");
	m->hint = "Enter open · t all text/quotes · S search again · q back";
	for (size_t i = 0; i < n; i++) {
		const struct search_hit *h = &rs->r->hits[i];
		const char *title = h->title != NULL && h->title[0] ? h->title : "(untitled)";
		if (h->site != NULL && h->site[0] != '\0')
			menu_add(m, ROLE_H3, 0, (long)i, "%s — %s", title, h->site);
		else
			menu_add(m, ROLE_H3, 0, (long)i, "%s", title);
		if (h->in_title)
			menu_add_marked(m, ROLE_DIM, 2, -1, true, "in the title");
		else if (h->heading != NULL && h->heading[0] != '\0') {
			char *under = xasprintf("§ %s", h->heading);
			menu_add_marked(m, ROLE_DIM, 2, -1, true, under);
			free(under);
		}
		if (h->snippet != NULL && h->snippet[0] != '\0') {
			size_t nrows;
			char **rows = snippet_wrap(h->snippet, COLS - 4, SNIPPET_ROWS, &nrows);
			for (size_t k = 0; k < nrows; k++) {
				menu_add_marked(m, ROLE_TEXT, 4, -1, true, rows[k]);
				free(rows[k]);
			}
			free(rows);
		}
		if (quotes) {
			char *who = quote_attribution(h->author, h->publication, h->work, h->year);
			menu_add_marked(m, ROLE_ATTRIB, 4, -1, true, who != NULL ? who : "(not attributed)");
			free(who);
		}
	}
	if (n == 0)
		menu_add(m, ROLE_DIM, 0, -1, "%s", rs->r == NULL ? "The search failed (the message is below)." :
		    quotes ? "No quotation matches; t searches all text." : "No article matches.");
}

/* Open hit h on a view above the current one and read it until the reader
 * leaves it. */
static void
open_hit(struct pager *p, const struct results *rs, const struct search_hit *h)
{
	struct view *base = p->view;
	char *err = NULL;
	struct view *v = view_open(p, h->article_id, &err);
	if (v == NULL) {
		pager_message(p, "%s", err != NULL ? err : "cannot open the article");
		free(err);
		return;
	}
	v->prev = base;
	v->from_results = true;
	v->pattern = xstrdup(rs->query);
	v->matcher = search_matcher_create(rs->query);
	find_run(v);
	p->view = v;
	const struct article *a = v->a;
	if (h->in_title || h->block >= a->nblocks) {
		view_jump(v, 0);
		pager_message(p, "%zu match%s in the text · n next · q back to the results", v->nmatches,
		    v->nmatches == 1 ? "" : "es");
	} else {
		const char *text = a->blocks[h->block].text;
		find_goto(p, v, h->block, text != NULL ? bytes_of_chars(text, h->offset) : 0);
	}
	view_loop(p, base);
}

/* Read a query; an empty one is the last search again. Returns it newly
 * allocated, or NULL when cancelled or when there is nothing to repeat. */
static char *
ask(struct pager *p)
{
	char *prompt;
	if (p->last_query != NULL) {
		char *last = text_fit(p->last_query, 24);
		size_t len = strlen(last);
		while (len > 0 && last[len - 1] == ' ')
			last[--len] = '\0';
		prompt = xasprintf("Search the library (Enter: %s): ", last);
		free(last);
	} else {
		prompt = xstrdup("Search the library: ");
	}
	char *q = prompt_read(p, prompt);
	free(prompt);
	if (q != NULL && q[0] == '\0') {
		free(q);
		q = xstrdup(p->last_query);   /* NULL when there is none */
	}
	return q;
}

/* Search the library and show the hits until the reader leaves. */
void
results_run(struct pager *p)
{
	struct results rs = { .scope = SEARCH_ALL };
	rs.query = ask(p);
	if (rs.query == NULL)
		return;
	if (p->last_query != NULL && strcmp(rs.query, p->last_query) == 0 && p->last_quotes)
		rs.scope = SEARCH_QUOTES;   /* the same search, as it was left */
	results_load(p, &rs);
	if (rs.r == NULL) {
		/* Nothing to list: stay where S was typed, with the message. */
		free(rs.query);
		return;
	}
	struct menu m = {0};
	results_build(&rs, &m);
	for (;;) {
		long value;
		action act = menu_run(p, &m, SCREEN_LIST | SCREEN_RESULTS, &value);
		if (act == ACT_QUIT)
			break;
		switch (act) {
		case ACT_OPEN:
			if (rs.r != NULL && value >= 0 && (size_t)value < rs.r->n)
				open_hit(p, &rs, &rs.r->hits[value]);
			break;
		case ACT_TOGGLE_QUOTES:
			rs.scope = rs.scope == SEARCH_ALL ? SEARCH_QUOTES : SEARCH_ALL;
			results_load(p, &rs);
			results_build(&rs, &m);
			break;
		case ACT_LIBRARY_SEARCH: {
			char *q = ask(p);
			if (q == NULL)
				break;
			free(rs.query);
			rs.query = q;
			results_load(p, &rs);
			results_build(&rs, &m);
			break;
		}
		case ACT_REDRAW: {
			/* A new width: wrap the snippets again, keeping the selection. */
			long keep = m.sel < m.n ? m.rows[m.sel].value : -1;
			results_build(&rs, &m);
			for (size_t i = 0; i < m.n; i++)
				if (keep >= 0 && m.rows[i].value == keep)
					m.sel = i;
			break;
		}
		case ACT_HELP: {
			struct menu h = {0};
			key_help(p, &h);
			while (menu_run(p, &h, SCREEN_LIST, &value) != ACT_QUIT)
				;
			menu_clear(&h);
			break;
		}
		default:
			break;
		}
	}
	menu_clear(&m);
	search_results_free(rs.r);
	free(p->last_query);
	p->last_query = rs.query;
	p->last_quotes = rs.scope == SEARCH_QUOTES;
}
