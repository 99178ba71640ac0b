/* cite.c — what an article cites and what cites it, from the article view.
 * `s` opens the source of a quotation (its cite_url, found by the importer):
 * the quotation is the one holding the top line of the screen (the
 * innermost, one with a source first), else the first that starts on the
 * screen. A source in the library opens inside quire at the quoted passage
 * when its first words are found there; any other goes to the browser as a
 * link would. `c` lists the library articles with a link to this one (by
 * URL identity, from the store); Enter opens one at that link, highlighted,
 * and Backspace comes back. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

enum {
	NEEDLE_MAX = 60,      /* bytes of a quotation looked for in its source */
	NEEDLE_MIN = 12,      /* fewer than this is too little to go by */
};

/* Choose the quotation `s` acts on (see internal.h). */
long
cite_quote_at(const struct article *a, size_t top_block, size_t bottom_block)
{
	long best = -1;
	for (size_t i = 0; i < a->nquotes; i++) {
		const struct quote *q = &a->quotes[i];
		if (q->first_block > top_block || q->last_block < top_block)
			continue;
		if (best < 0) {
			best = (long)i;
			continue;
		}
		const struct quote *b = &a->quotes[best];
		bool qs = q->cite_url != NULL, bs = b->cite_url != NULL;
		size_t qspan = q->last_block - q->first_block, bspan = b->last_block - b->first_block;
		if ((qs && !bs) || (qs == bs && qspan <= bspan))
			best = (long)i;
	}
	if (best >= 0)
		return best;
	for (size_t i = 0; i < a->nquotes; i++) {
		const struct quote *q = &a->quotes[i];
		if (q->first_block <= top_block || q->first_block > bottom_block)
			continue;
		if (q->cite_url != NULL)
			return (long)i;
		if (best < 0)
			best = (long)i;
	}
	return best;
}

/* Block of the last row on v's screen. */
static size_t
bottom_block(const struct view *v)
{
	size_t rows = (size_t)view_rows(), total = v->nheader + v->l->nlines;
	size_t last = v->top + rows - 1 < total ? v->top + rows - 1 : total - 1;
	if (last < v->nheader || v->l->nlines == 0)
		return 0;
	return v->l->lines[last - v->nheader].block;
}

/* Move v's top to the first place its text holds the opening words of
 * quotation text; leaves it where it is when they are not found. */
static void
show_passage(struct view *v, const char *text)
{
	size_t n = strlen(text);
	if (n > NEEDLE_MAX) {
		n = NEEDLE_MAX;
		while (n > 0 && text[n] != ' ')
			n--;
	}
	if (n < NEEDLE_MIN)
		return;
	char *needle = xstrndup(text, n);
	for (size_t i = 0; i < v->a->nblocks; i++) {
		const char *t = v->a->blocks[i].text;
		const char *at = t != NULL ? strstr(t, needle) : NULL;
		if (at != NULL) {
			view_jump(v, view_row_of(v, i, (size_t)(at - t)));
			break;
		}
	}
	free(needle);
}

/* Open the source of the quotation at the top of the screen. */
void
cite_open_source(struct pager *p, struct view *v)
{
	size_t block = 0, offset = 0;
	view_position(v, &block, &offset);
	long k = cite_quote_at(v->a, block, bottom_block(v));
	if (k < 0) {
		pager_message(p, "No quotation on this screen");
		return;
	}
	const struct quote *q = &v->a->quotes[k];
	if (q->cite_url == NULL) {
		pager_message(p, "This quotation links to no source");
		return;
	}
	char *text = xstrdup(q->text);
	struct view *next = links_follow(p, q->cite_url, "The quotation's source");
	if (next != NULL) {
		show_passage(next, text);
		pager_message(p, "Opened the quotation's source from the library; Backspace goes back");
	}
	free(text);
}

/* Add one citing article to the list screen. */
static int
add_citing(const struct store_summary *s, void *ctx)
{
	struct menu *m = ctx;
	const char *title = s->title != NULL && s->title[0] ? s->title : "(untitled)";
	if (s->site_name != NULL && s->site_name[0])
		menu_add(m, ROLE_TEXT, 2, (long)s->id, "%s — %s", title, s->site_name);
	else
		menu_add(m, ROLE_TEXT, 2, (long)s->id, "%s", title);
	return 0;
}

/* Return the first link of stored article id that names article target,
 * or -1. */
static long
first_link_to(struct pager *p, long long id, long long target)
{
	struct store_link *links = NULL;
	size_t n = 0;
	char *err = NULL;
	long found = -1;
	if (store_links_get(p->st, id, &links, &n, &err) < 0) {
		free(err);
		return -1;
	}
	for (size_t i = 0; i < n && found < 0; i++)
		if (links[i].target == target)
			found = (long)links[i].idx;
	store_links_free(links, n);
	return found;
}

/* Open library article id from v, at its first link to v's article. */
static void
open_citing(struct pager *p, struct view *v, long long id)
{
	char *err = NULL;
	view_save(p, v);
	struct view *next = view_open(p, id, &err);
	if (next == NULL) {
		pager_message(p, "%s", err);
		free(err);
		return;
	}
	long link = first_link_to(p, id, v->id);
	if (link >= 0 && (size_t)link < next->a->nlinks) {
		const struct link *lk = &next->a->links[link];
		const struct block *b = lk->block < next->a->nblocks ? &next->a->blocks[lk->block] : NULL;
		size_t off = 0;
		for (size_t s = 0; b != NULL && s < b->nspans; s++)
			if ((b->spans[s].style & SPAN_LINK) && b->spans[s].link == (int)link) {
				off = b->spans[s].start;
				break;
			}
		if (b != NULL)
			view_jump(next, view_row_of(next, lk->block, off));
		next->link_sel = (int)link;
	}
	next->prev = v;
	p->view = next;
	pager_message(p, "Opened from the library; Backspace goes back");
}

/* List the articles that cite v's; Enter opens one. */
void
cite_list_citing(struct pager *p, struct view *v)
{
	struct menu m = {0};
	char *err = NULL;
	if (store_citing_list(p->st, v->id, add_citing, &m, &err) < 0) {
		pager_message(p, "%s", err);
		free(err);
		menu_clear(&m);
		return;
	}
	size_t n = m.n;
	m.title = xasprintf("Cited by (%zu) — Enter opens, q back", n);
	if (n == 0)
		menu_add(&m, ROLE_DIM, 0, -1, "%s", "No article in the library links to this one.");
	for (;;) {
		long value;
		action act = menu_run(p, &m, SCREEN_LIST, &value);
		if (act == ACT_OPEN && value > 0) {
			open_citing(p, v, value);
			break;
		}
		if (act == ACT_QUIT)
			break;
		if (act == ACT_HELP) {
			struct menu h = {0};
			key_help(p, &h);
			while (menu_run(p, &h, SCREEN_LIST, &value) != ACT_QUIT)
				;
			menu_clear(&h);
		}
	}
	menu_clear(&m);
}
