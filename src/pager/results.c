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
		if (h->snippet != NULL && h->snippet[0] != '\0')
			menu_add_marked(m, ROLE_TEXT, 4, -1, true, h->snippet);
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

/* Read a query; returns it newly allocated, or NULL when none was typed. */
static char *
ask(struct pager *p)
{
	char *q = prompt_read(p, "Search the library: ");
	if (q != NULL && q[0] == '\0') {
		free(q);
		q = NULL;
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
		case ACT_HELP: {
			struct menu h = {0};
			key_help(&h);
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
	free(rs.query);
}
