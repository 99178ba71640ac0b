/* library.c — the library screen: every stored article with its title,
 * site, date, length in reading minutes and how far it has been read,
 * sorted by date added, date published, title or progress, filtered by a
 * text in the title; S searches the text of them all (results.c).
 * Entries are copied out of the store when the screen is (re)loaded, after
 * an article is read or deleted. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"


struct entry {
	long long id;
	char *title, *site, *date, *added;
	long long words;
	int progress;        /* percent read, as the pager last saved it */
};

struct library {
	struct entry *e;
	size_t n, cap;
	int sort;            /* index into sort_names */
	char *filter;
};

static const char *const sort_names[] = { "date added", "date published", "title", "progress" };

/* Copy one summary into the library. */
static int
add_entry(const struct store_summary *s, void *arg)
{
	struct library *lib = arg;
	if (lib->n == lib->cap) {
		lib->cap = lib->cap ? lib->cap * 2 : 32;
		lib->e = xreallocarray(lib->e, lib->cap, sizeof *lib->e);
	}
	char day[11];   /* the date part of an ISO 8601 timestamp */
	snprintf(day, sizeof day, "%s", s->published != NULL && s->published[0] ? s->published :
	    s->added != NULL ? s->added : "");
	lib->e[lib->n++] = (struct entry){
		.id = s->id,
		.title = xstrdup(s->title != NULL && s->title[0] ? s->title : "(untitled)"),
		.site = xstrdup(s->site_name != NULL ? s->site_name : ""),
		.date = xstrdup(day),
		.added = xstrdup(s->added != NULL ? s->added : ""),
		.words = s->word_count,
		.progress = 0,                 /* filled in below */
	};
	return 0;
}

/* Free the entries. */
static void
entries_free(struct library *lib)
{
	for (size_t i = 0; i < lib->n; i++) {
		free(lib->e[i].title);
		free(lib->e[i].site);
		free(lib->e[i].date);
		free(lib->e[i].added);
	}
	free(lib->e);
	lib->e = NULL;
	lib->n = lib->cap = 0;
}

/* Compare entries under the current sort (qsort_r's context). */
static int
compare(const void *x, const void *y, void *arg)
{
	const struct entry *a = x, *b = y;
	int sort = *(const int *)arg, c = 0;
	switch (sort) {
	case 0: c = strcmp(b->added, a->added); break;
	case 1: c = strcmp(b->date, a->date); break;   /* the added day when unpublished */
	case 2: c = strcoll(a->title, b->title); break;
	default: c = b->progress - a->progress; break;
	}
	return c != 0 ? c : (a->id < b->id ? -1 : a->id > b->id);
}

/* Read the entries and their progress from the store. */
static void
load(struct pager *p, struct library *lib)
{
	entries_free(lib);
	char *err = NULL;
	if (store_article_list(p->st, add_entry, lib, &err) < 0) {
		pager_message(p, "%s", err);
		free(err);
	}
	for (size_t i = 0; i < lib->n; i++) {
		struct entry *e = &lib->e[i];
		int pct = 0;
		e->progress = store_progress_get(p->st, e->id, &pct, NULL) == 1 ? pct : 0;
	}
	qsort_r(lib->e, lib->n, sizeof *lib->e, compare, &lib->sort);
}

/* Fill m with the entries that pass the filter, keeping the selection on id. */
static void
build(const struct pager *p, struct library *lib, struct menu *m, long long keep)
{
	menu_clear(m);
	m->title = xasprintf("quire — %zu article%s, by %s%s%s%s", lib->n, lib->n == 1 ? "" : "s",
	    sort_names[lib->sort], lib->filter ? " — titles with \"" : "", lib->filter ? lib->filter : "",
	    lib->filter ? "\"" : "");
	int tw = COLS - (16 + 10 + 7 + 5 + 5);
	if (tw < 10)
		tw = 10;
	for (size_t i = 0; i < lib->n; i++) {
		const struct entry *e = &lib->e[i];
		if (lib->filter != NULL && !text_contains_ci(e->title, lib->filter))
			continue;
		if (e->id == keep)
			m->sel = m->n;
		char *title = text_fit(e->title, tw), *site = text_fit(e->site, 16);
		char *date = text_fit(e->date, 10);
		char len[32], prog[8];
		snprintf(len, sizeof len, "%lld min", (e->words + p->cfg->reading_speed - 1) /
		    p->cfg->reading_speed);
		snprintf(prog, sizeof prog, e->progress > 0 ? "%d%%" : "new", e->progress);
		menu_add(m, ROLE_TEXT, 0, (long)e->id, "%s %s %s %7s %5s", title, site, date, len, prog);
		free(title);
		free(site);
		free(date);
	}
	if (m->n == 0)
		menu_add(m, ROLE_DIM, 0, -1, "%s", lib->n == 0 ?
		    "The library is empty: add articles with 'quire import URL'." : "No title matches.");
}

/* Run the library screen until the reader quits. */
int
library_run(struct pager *p)
{
	struct library lib = { 0 };
	struct menu m = {0};
	long long keep = 0;
	load(p, &lib);
	for (;;) {
		build(p, &lib, &m, keep);
		long value;
		action act = menu_run(p, &m, SCREEN_LIBRARY, &value);
		keep = value;
		if (act == ACT_QUIT)
			break;
		switch (act) {
		case ACT_OPEN: {
			char *err = NULL;
			p->view = view_open(p, value, &err);
			if (p->view == NULL) {
				pager_message(p, "%s", err);
				free(err);
				break;
			}
			view_run(p);
			load(p, &lib);
			break;
		}
		case ACT_LIBRARY_SEARCH:
			results_run(p);
			load(p, &lib);   /* reading a hit moves its progress */
			break;
		case ACT_SORT:
			lib.sort = (lib.sort + 1) % (int)(sizeof sort_names / sizeof sort_names[0]);
			qsort_r(lib.e, lib.n, sizeof *lib.e, compare, &lib.sort);
			pager_message(p, "Sorted by %s", sort_names[lib.sort]);
			break;
		case ACT_FILTER: {
			char *f = prompt_read(p, "Titles containing: ");
			if (f != NULL) {
				free(lib.filter);
				lib.filter = f[0] != '\0' ? f : NULL;
				if (f[0] == '\0')
					free(f);
			}
			break;
		}
		case ACT_DELETE: {
			if (value < 0)
				break;
			const char *title = "";
			for (size_t i = 0; i < lib.n; i++)
				if (lib.e[i].id == value)
					title = lib.e[i].title;
			char *q = xasprintf("Delete \"%s\"? (y/n)", title);
			if (prompt_yes(p, q)) {
				char *err = NULL;
				if (store_article_delete(p->st, value, &err) < 0) {
					pager_message(p, "%s", err);
					free(err);
				} else {
					pager_message(p, "Deleted");
				}
				load(p, &lib);
			}
			free(q);
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
	entries_free(&lib);
	free(lib.filter);
	return 0;
}
