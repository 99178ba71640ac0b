/* toc.c — places to jump to: the table of contents (the layout's headings)
 * and bookmarks. A bookmark is stored as (block, character offset) under a
 * one-letter name; setting a letter again adds a newer one, and the newest
 * of a name wins. The view remembers the place before each jump, which ''
 * returns to. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

/* Show the table of contents and jump to the chosen heading. */
void
toc_run(struct pager *p, struct view *v)
{
	const struct layout *l = v->l;
	struct menu m = {0};
	m.title = xasprintf("Contents (%zu headings) — Enter jumps, q back", l->nheadings);
	long here = layout_section_of(l, v->top > v->nheader ? v->top - v->nheader : 0);
	for (size_t i = 0; i < l->nheadings; i++) {
		const struct layout_line *ln = &l->lines[l->headings[i]];
		const char *t = ln->block < v->a->nblocks ? v->a->blocks[ln->block].text : "";
		int level = ln->level > 0 ? ln->level : 1;
		menu_add(&m, level <= 2 ? ROLE_H2 : ROLE_TEXT, 2 * (level - 1), (long)i, "%s", t);
	}
	if (l->nheadings == 0)
		menu_add(&m, ROLE_DIM, 0, -1, "%s", "This article has no headings.");
	if (here >= 0)
		m.sel = (size_t)here;
	long value;
	action act;
	while ((act = menu_run(p, &m, SCREEN_LIST, &value)) != ACT_QUIT && act != ACT_OPEN)
		;
	if (act == ACT_OPEN && value >= 0 && (size_t)value < l->nheadings)
		view_jump(v, v->nheader + l->headings[value]);
	menu_clear(&m);
}

/* Store a bookmark at the top line. */
void
marks_set(struct pager *p, struct view *v, int name)
{
	size_t block, offset;
	view_position(v, &block, &offset);
	const char *text = block < v->a->nblocks ? v->a->blocks[block].text : NULL;
	char label[2] = { (char)name, '\0' };
	char *err = NULL;
	if (store_bookmark_add(p->st, v->id, label, block, text ? chars_of_bytes(text, offset) : 0,
	    NULL, &err) < 0) {
		pager_message(p, "%s", err);
		free(err);
		return;
	}
	pager_message(p, "Bookmark %c set", name);
}

/* Jump to a stored bookmark. */
static void
goto_bookmark(struct view *v, const struct store_bookmark *b)
{
	size_t block = b->block < v->a->nblocks ? b->block : 0;
	const char *text = v->a->nblocks > 0 ? v->a->blocks[block].text : NULL;
	view_jump(v, view_row_of(v, block, text ? bytes_of_chars(text, b->offset) : 0));
}

/* Jump to a bookmark, or back to before the last jump. */
void
marks_goto(struct pager *p, struct view *v, int name)
{
	if (name == '\'') {
		if (!v->have_jump) {
			pager_message(p, "No jump to return from");
			return;
		}
		size_t row = view_row_of(v, v->jump_block, v->jump_offset);
		view_jump(v, row);
		return;
	}
	struct store_bookmark *b;
	size_t n;
	char *err = NULL;
	if (store_bookmarks_get(p->st, v->id, &b, &n, &err) < 0) {
		pager_message(p, "%s", err);
		free(err);
		return;
	}
	size_t found = n;
	for (size_t i = 0; i < n; i++)
		if (b[i].name != NULL && b[i].name[0] == name && b[i].name[1] == '\0')
			found = i;
	if (found < n)
		goto_bookmark(v, &b[found]);
	else
		pager_message(p, "No bookmark %c", name);
	store_bookmarks_free(b, n);
}

/* Whether a later bookmark has the same name as b[i] (the newest wins). */
static bool
superseded(const struct store_bookmark *b, size_t n, size_t i)
{
	for (size_t k = i + 1; k < n; k++)
		if (b[i].name != NULL && b[k].name != NULL && strcmp(b[i].name, b[k].name) == 0)
			return true;
	return false;
}

/* List this article's bookmarks and jump to the chosen one. */
void
marks_list(struct pager *p, struct view *v)
{
	struct store_bookmark *b;
	size_t n;
	char *err = NULL;
	if (store_bookmarks_get(p->st, v->id, &b, &n, &err) < 0) {
		pager_message(p, "%s", err);
		free(err);
		return;
	}
	struct menu m = {0};
	m.title = xstrdup("Bookmarks — Enter jumps, q back");
	size_t shown = 0;
	for (size_t i = 0; i < n; i++) {
		if (superseded(b, n, i))
			continue;
		shown++;
		const char *text = b[i].block < v->a->nblocks ? v->a->blocks[b[i].block].text : NULL;
		size_t off = text ? bytes_of_chars(text, b[i].offset) : 0;
		char *excerpt = text_fit(text ? text + off : "", 60);
		menu_add(&m, ROLE_TEXT, 1, (long)i, "%-3s %s", b[i].name ? b[i].name : "", excerpt);
		free(excerpt);
	}
	if (shown == 0)
		menu_add(&m, ROLE_DIM, 0, -1, "%s", "No bookmarks yet: m then a letter sets one.");
	long value;
	action act;
	while ((act = menu_run(p, &m, SCREEN_LIST, &value)) != ACT_QUIT && act != ACT_OPEN)
		;
	if (act == ACT_OPEN && value >= 0 && (size_t)value < n)
		goto_bookmark(v, &b[value]);
	menu_clear(&m);
	store_bookmarks_free(b, n);
}

/* The articles of the library, for the library-wide bookmark list. */
struct titles {
	long long *ids;
	char **titles;
	long long *nblocks;
	size_t n;
};

/* Collect one article's id, title and size. */
static int
add_title(const struct store_summary *s, void *arg)
{
	struct titles *t = arg;
	t->ids = xreallocarray(t->ids, t->n + 1, sizeof *t->ids);
	t->titles = xreallocarray(t->titles, t->n + 1, sizeof *t->titles);
	t->nblocks = xreallocarray(t->nblocks, t->n + 1, sizeof *t->nblocks);
	t->ids[t->n] = s->id;
	t->titles[t->n] = xstrdup(s->title != NULL && s->title[0] ? s->title : "(untitled)");
	t->nblocks[t->n++] = s->nblocks;
	return 0;
}

/* List the whole library's bookmarks and open the chosen one. */
void
marks_all(struct pager *p, struct view *v)
{
	struct titles t = {0};
	char *err = NULL;
	if (store_article_list(p->st, add_title, &t, &err) < 0) {
		pager_message(p, "%s", err);
		free(err);
	}
	struct menu m = {0};
	/* Row values index marks: the article and place of each row. */
	struct { long long id; size_t block, offset; } *marks = NULL;
	size_t nmarks = 0;
	for (size_t i = 0; i < t.n; i++) {
		struct store_bookmark *b;
		size_t n;
		if (store_bookmarks_get(p->st, t.ids[i], &b, &n, NULL) < 0 || n == 0)
			continue;
		menu_add(&m, ROLE_H2, 0, -1, "%s", t.titles[i]);
		for (size_t k = 0; k < n; k++) {
			if (superseded(b, n, k))
				continue;
			marks = xreallocarray(marks, nmarks + 1, sizeof *marks);
			marks[nmarks].id = t.ids[i];
			marks[nmarks].block = b[k].block;
			marks[nmarks].offset = b[k].offset;
			long long pct = t.nblocks[i] > 0 ? ((long long)b[k].block * 100) / t.nblocks[i] : 0;
			menu_add(&m, ROLE_TEXT, 2, (long)nmarks, "%-3s %lld%% through, set %.16s", b[k].name ?
			    b[k].name : "", pct, b[k].created != NULL ? b[k].created : "");
			nmarks++;
		}
		store_bookmarks_free(b, n);
	}
	m.title = xasprintf("Bookmarks in the library (%zu) — Enter opens, q back", nmarks);
	if (nmarks == 0)
		menu_add(&m, ROLE_DIM, 0, -1, "%s", "No bookmarks yet: m then a letter sets one.");
	long value;
	action act;
	while ((act = menu_run(p, &m, SCREEN_LIST, &value)) != ACT_QUIT && act != ACT_OPEN)
		;
	if (act == ACT_OPEN && value >= 0 && (size_t)value < nmarks) {
		struct store_bookmark one = { .block = marks[value].block, .offset = marks[value].offset };
		struct view *target = v;
		if (marks[value].id != v->id) {
			view_save(p, v);
			target = view_open(p, marks[value].id, &err);
			if (target == NULL) {
				pager_message(p, "%s", err);
				free(err);
			} else {
				target->prev = v;
				p->view = target;
				pager_message(p, "Backspace goes back");
			}
		}
		if (target != NULL)
			goto_bookmark(target, &one);
	}
	menu_clear(&m);
	free(marks);
	for (size_t i = 0; i < t.n; i++)
		free(t.titles[i]);
	free(t.titles);
	free(t.ids);
	free(t.nblocks);
}
