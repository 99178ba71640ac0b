/* keys.c — the key table: every key of every screen bound to a named action
 * with its help text. Key lookup and the help screen both read this table,
 * so the help can never disagree with what the keys do. Keys are code points,
 * or curses key codes with KEY_FUNC set. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

#define F(k) ((k) | KEY_FUNC)
#define CTRL(c) ((c) & 0x1f)

struct binding {
	int screens;
	int key;
	const char *name;    /* as the help shows it */
	action act;
	const char *help;    /* said once per action and screen set: on its first key */
};

#define V SCREEN_VIEW
#define L SCREEN_LIST
#define B SCREEN_LIBRARY
#define R SCREEN_RESULTS   /* shown with the list keys: menu_run gets L | R */

static const struct binding bindings[] = {
	{ V | L | B, 'j', "j", ACT_DOWN, "down one line (a count moves more)" },
	{ V | L | B, F(KEY_DOWN), "Down", ACT_DOWN, NULL },
	{ V, '\n', "Enter", ACT_DOWN, NULL },
	{ V, '\r', NULL, ACT_DOWN, NULL },
	{ V, F(KEY_ENTER), NULL, ACT_DOWN, NULL },
	{ V | L | B, 'k', "k", ACT_UP, "up one line" },
	{ V | L | B, F(KEY_UP), "Up", ACT_UP, NULL },
	{ V | L | B, ' ', "Space", ACT_PAGE_DOWN, "down one page" },
	{ V | L | B, 'f', "f", ACT_PAGE_DOWN, NULL },
	{ V | L | B, F(KEY_NPAGE), "PgDn", ACT_PAGE_DOWN, NULL },
	{ V | L | B, CTRL('f'), "^F", ACT_PAGE_DOWN, NULL },
	{ V | L | B, 'b', "b", ACT_PAGE_UP, "up one page" },
	{ V | L | B, F(KEY_PPAGE), "PgUp", ACT_PAGE_UP, NULL },
	{ V | L | B, CTRL('b'), "^B", ACT_PAGE_UP, NULL },
	{ V | L, 'd', "d", ACT_HALF_DOWN, "down half a page" },
	{ V | L | B, CTRL('d'), "^D", ACT_HALF_DOWN, NULL },
	{ V | L, 'u', "u", ACT_HALF_UP, "up half a page" },
	{ V | L | B, CTRL('u'), "^U", ACT_HALF_UP, NULL },
	{ V | L | B, 'g', "g", ACT_TOP, "to the top (5g: to line 5)" },
	{ V | L | B, F(KEY_HOME), "Home", ACT_TOP, NULL },
	{ V | L | B, '<', "<", ACT_TOP, NULL },
	{ V | L | B, 'G', "G", ACT_BOTTOM, "to the end" },
	{ V | L | B, F(KEY_END), "End", ACT_BOTTOM, NULL },
	{ V | L | B, '>', ">", ACT_BOTTOM, NULL },
	{ V, 'p', "p", ACT_PERCENT, "to N percent (50p)" },
	{ V, '%', "%", ACT_PERCENT, NULL },
	{ V, ']', "]", ACT_NEXT_HEADING, "next heading" },
	{ V, '[', "[", ACT_PREV_HEADING, "previous heading" },
	{ V, 't', "t", ACT_TOC, "table of contents" },
	{ V | L, '/', "/", ACT_SEARCH, "search forward; a capital makes it case-sensitive" },
	{ V, '?', "?", ACT_SEARCH_BACK, "search backward" },
	{ V, 'n', "n", ACT_NEXT_MATCH, "next match" },
	{ V, 'N', "N", ACT_PREV_MATCH, "previous match" },
	{ V | B | R, 'S', "S", ACT_LIBRARY_SEARCH, "search the library: words, \"a phrase\", pre*, OR, NOT" },
	{ R, 't', "t", ACT_TOGGLE_QUOTES, "switch between all text and quotations only" },
	{ R, '\t', "Tab", ACT_TOGGLE_QUOTES, NULL },
	{ V, 'Q', "Q", ACT_QUOTES, "list the article's quotations; Enter jumps to one" },
	{ V, 'm', "m", ACT_MARK, "m + letter: set a bookmark here" },
	{ V, '\'', "'", ACT_GOTO_MARK, "' + letter: go to a bookmark; '' goes back" },
	{ V, 'M', "M", ACT_MARKS, "list this article's bookmarks" },
	{ V, 'B', "B", ACT_ALL_MARKS, "list the bookmarks of the whole library" },
	{ V, 'L', "L", ACT_LINKS, "list the links, grouped by heading" },
	{ V, 'o', "o", ACT_OPEN_LINK, "open link N (3o), else the highlighted link" },
	{ V, '\t', "Tab", ACT_NEXT_LINK, "highlight the next link on screen" },
	{ V, F(KEY_BTAB), "Shift-Tab", ACT_PREV_LINK, "highlight the previous link on screen" },
	{ V, 's', "s", ACT_SOURCE, "open the source of the quotation at the top of the screen" },
	{ V, 'c', "c", ACT_CITED_BY, "list the library articles that cite this one" },
	{ V | L, 'y', "y", ACT_COPY_LINK, "copy link N or the highlighted one (OSC 52)" },
	{ V, F(KEY_BACKSPACE), "Backspace", ACT_BACK_ARTICLE, "back to the article a link came from, or to the results" },
	{ V, 127, NULL, ACT_BACK_ARTICLE, NULL },
	{ V, CTRL('h'), NULL, ACT_BACK_ARTICLE, NULL },
	{ L | B, '\n', "Enter", ACT_OPEN, "open the selected entry" },
	{ L | B, '\r', NULL, ACT_OPEN, NULL },
	{ L | B, F(KEY_ENTER), NULL, ACT_OPEN, NULL },
	{ L, 'o', "o", ACT_OPEN, NULL },
	{ B, 's', "s", ACT_SORT, "sort: added, published, title, progress" },
	{ B, '/', "/", ACT_FILTER, "show only titles containing a text" },
	{ B, 'd', "d", ACT_DELETE, "delete the selected article (asks first)" },
	{ V | L | B, 'h', "h", ACT_HELP, "this help" },
	{ V | L | B, F(KEY_F(1)), "F1", ACT_HELP, NULL },
	{ V | L | B, CTRL('l'), "^L", ACT_REDRAW, "redraw the screen" },
	{ V | L | B, 'q', "q", ACT_QUIT, "back a screen, then quit" },
	{ L, 27, "Esc", ACT_QUIT, NULL },
	{ L | B, F(KEY_BACKSPACE), NULL, ACT_QUIT, NULL },
	{ L | B, 127, NULL, ACT_QUIT, NULL },
	{ L | B, 'Q', "Q", ACT_QUIT, NULL },
};
#define NBINDINGS (sizeof bindings / sizeof bindings[0])

#undef V
#undef L
#undef B
#undef R

/* Read a key: a code point, or a curses key code | KEY_FUNC. */
int
key_read(void)
{
	wint_t c;
	int r = get_wch(&c);
	if (r == ERR)
		return -1;
	if (r == KEY_CODE_YES)
		return (int)c | KEY_FUNC;
	return (int)c;
}

/* Read a key, waiting as long as it takes. */
int
key_wait(void)
{
	int k = -1;
	/* Blocking reads fail only when the terminal is gone: give up then. */
	for (int tries = 0; tries < 100 && k == -1 && isatty(STDIN_FILENO); tries++)
		k = key_read();
	return k;
}

/* Find the action a key has on a screen. */
action
key_action(int screen, int key)
{
	for (size_t i = 0; i < NBINDINGS; i++)
		if ((bindings[i].screens & screen) && bindings[i].key == key)
			return bindings[i].act;
	return ACT_NONE;
}

/* Add one screen's section of the help to m. */
static void
help_section(struct menu *m, int screen, const char *title)
{
	menu_add(m, ROLE_H2, 0, 0, "%s", title);
	for (size_t i = 0; i < NBINDINGS; i++) {
		const struct binding *b = &bindings[i];
		if (!(b->screens & screen) || b->name == NULL || b->help == NULL)
			continue;
		/* Gather every named key of this action on this screen. */
		struct buf keys = {0};
		for (size_t k = 0; k < NBINDINGS; k++) {
			const struct binding *o = &bindings[k];
			if ((o->screens & screen) && o->act == b->act && o->name != NULL)
				buf_printf(&keys, "%s%s", keys.len ? ", " : "", o->name);
		}
		char *col = text_fit(buf_str(&keys), 18);
		menu_add(m, ROLE_TEXT, 2, 0, "%s  %s", col, b->help);
		free(col);
		buf_free(&keys);
	}
	menu_add(m, ROLE_TEXT, 0, 0, "%s", "");
}

/* Build the help screen from the key table. */
void
key_help(struct menu *m)
{
	free(m->title);
	m->title = xstrdup("Help — keys (q to leave)");
	m->hint = "j/k, Space/b move · / finds · q back";
	help_section(m, SCREEN_VIEW, "Reading an article");
	help_section(m, SCREEN_LIST, "Lists: links, contents, bookmarks");
	help_section(m, SCREEN_LIBRARY, "The library");
	help_section(m, SCREEN_RESULTS, "Search results (and the list keys)");
	menu_add(m, ROLE_DIM, 0, 0, "%s", "A number typed before a key is its count: 5j, 50p, 3o.");
}
