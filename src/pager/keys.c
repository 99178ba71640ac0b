/* keys.c — the key table: every action a key can do, with its config name
 * and help text (one table, read by the help screen, the configuration file
 * parser, config --dump and the man page check), and the default keys of
 * every screen. The pager's keymap starts from the defaults (or from nothing
 * after unbind-all) and applies the configuration's bind and unbind lines in
 * order; a bind takes its key away from whatever it did on those screens.
 * Keys are code points, or curses key codes with KEY_FUNC set. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "config.h"
#include "text.h"
#include "util.h"

#define F(k) ((k) | KEY_FUNC)
#define CTRL(c) ((c) & 0x1f)

struct action_info {
	action act;
	const char *name;    /* in the configuration file */
	const char *help;
};

#define V SCREEN_VIEW
#define L SCREEN_LIST
#define B SCREEN_LIBRARY
#define R SCREEN_RESULTS   /* shown with the list keys: menu_run gets L | R */

/* Every action, in the order the help lists them. */
static const struct action_info actions[] = {
	{ ACT_DOWN, "down", "down one line (a count moves more)" },
	{ ACT_UP, "up", "up one line" },
	{ ACT_PAGE_DOWN, "page-down", "down one page" },
	{ ACT_PAGE_UP, "page-up", "up one page" },
	{ ACT_HALF_DOWN, "half-page-down", "down half a page" },
	{ ACT_HALF_UP, "half-page-up", "up half a page" },
	{ ACT_TOP, "top", "to the top (5g: to line 5)" },
	{ ACT_BOTTOM, "bottom", "to the end" },
	{ ACT_PERCENT, "percent", "to N percent (50p)" },
	{ ACT_NEXT_HEADING, "next-heading", "next heading" },
	{ ACT_PREV_HEADING, "prev-heading", "previous heading" },
	{ ACT_TOC, "toc", "table of contents" },
	{ ACT_SEARCH, "search", "search forward; a capital makes it case-sensitive" },
	{ ACT_SEARCH_BACK, "search-back", "search backward" },
	{ ACT_NEXT_MATCH, "next-match", "next match" },
	{ ACT_PREV_MATCH, "prev-match", "previous match" },
	{ ACT_LIBRARY_SEARCH, "library-search", "search the library: words, \"a phrase\", pre*, OR, NOT" },
	{ ACT_TOGGLE_QUOTES, "toggle-quotes", "switch between all text and quotations only" },
	{ ACT_QUOTES, "quotes", "list the article's quotations; Enter jumps to one" },
	{ ACT_MARK, "mark", "m + letter: set a bookmark here" },
	{ ACT_GOTO_MARK, "goto-mark", "' + letter: go to a bookmark; '' goes back" },
	{ ACT_MARKS, "marks", "list this article's bookmarks" },
	{ ACT_ALL_MARKS, "all-marks", "list the bookmarks of the whole library" },
	{ ACT_LINKS, "links", "list the links, grouped by heading" },
	{ ACT_OPEN_LINK, "open-link", "open link N (3o), else the highlighted link" },
	{ ACT_NEXT_LINK, "next-link", "highlight the next link on screen" },
	{ ACT_PREV_LINK, "prev-link", "highlight the previous link on screen" },
	{ ACT_SOURCE, "source", "open the source of the quotation at the top of the screen" },
	{ ACT_CITED_BY, "cited-by", "list the library articles that cite this one" },
	{ ACT_COPY_LINK, "copy-link", "copy link N or the highlighted one (OSC 52)" },
	{ ACT_BACK_ARTICLE, "back", "back from a link: within the article, to the article it came from, or to the results" },
	{ ACT_OPEN, "open", "open the selected entry" },
	{ ACT_SORT, "sort", "sort: added, published, title, progress" },
	{ ACT_FILTER, "filter", "show only titles containing a text" },
	{ ACT_DELETE, "delete", "delete the selected article (asks first)" },
	{ ACT_HELP, "help", "this help" },
	{ ACT_REDRAW, "redraw", "redraw the screen" },
	{ ACT_QUIT, "quit", "back a screen, then quit" },
};

static const struct binding defaults[] = {
	{ V | L | B, 'j', ACT_DOWN },
	{ V | L | B, F(KEY_DOWN), ACT_DOWN },
	{ V, '\n', ACT_DOWN },
	{ V, '\r', ACT_DOWN },
	{ V, F(KEY_ENTER), ACT_DOWN },
	{ V | L | B, 'k', ACT_UP },
	{ V | L | B, F(KEY_UP), ACT_UP },
	{ V | L | B, ' ', ACT_PAGE_DOWN },
	{ V | L | B, 'f', ACT_PAGE_DOWN },
	{ V | L | B, F(KEY_NPAGE), ACT_PAGE_DOWN },
	{ V | L | B, CTRL('f'), ACT_PAGE_DOWN },
	{ V | L | B, 'b', ACT_PAGE_UP },
	{ V | L | B, F(KEY_PPAGE), ACT_PAGE_UP },
	{ V | L | B, CTRL('b'), ACT_PAGE_UP },
	{ V | L, 'd', ACT_HALF_DOWN },
	{ V | L | B, CTRL('d'), ACT_HALF_DOWN },
	{ V | L, 'u', ACT_HALF_UP },
	{ V | L | B, CTRL('u'), ACT_HALF_UP },
	{ V | L | B, 'g', ACT_TOP },
	{ V | L | B, F(KEY_HOME), ACT_TOP },
	{ V | L | B, '<', ACT_TOP },
	{ V | L | B, 'G', ACT_BOTTOM },
	{ V | L | B, F(KEY_END), ACT_BOTTOM },
	{ V | L | B, '>', ACT_BOTTOM },
	{ V, 'p', ACT_PERCENT },
	{ V, '%', ACT_PERCENT },
	{ V, ']', ACT_NEXT_HEADING },
	{ V, '[', ACT_PREV_HEADING },
	{ V, 't', ACT_TOC },
	{ V | L, '/', ACT_SEARCH },
	{ V, '?', ACT_SEARCH_BACK },
	{ V, 'n', ACT_NEXT_MATCH },
	{ V, 'N', ACT_PREV_MATCH },
	{ V | B | R, 'S', ACT_LIBRARY_SEARCH },
	{ R, 't', ACT_TOGGLE_QUOTES },
	{ R, '\t', ACT_TOGGLE_QUOTES },
	{ V, 'Q', ACT_QUOTES },
	{ V, 'm', ACT_MARK },
	{ V, '\'', ACT_GOTO_MARK },
	{ V, 'M', ACT_MARKS },
	{ V, 'B', ACT_ALL_MARKS },
	{ V, 'L', ACT_LINKS },
	{ V, 'o', ACT_OPEN_LINK },
	{ V, '\t', ACT_NEXT_LINK },
	{ V, F(KEY_BTAB), ACT_PREV_LINK },
	{ V, 's', ACT_SOURCE },
	{ V, 'c', ACT_CITED_BY },
	{ V | L, 'y', ACT_COPY_LINK },
	{ V, F(KEY_BACKSPACE), ACT_BACK_ARTICLE },
	{ V, 127, ACT_BACK_ARTICLE },
	{ V, CTRL('h'), ACT_BACK_ARTICLE },
	{ L | B, '\n', ACT_OPEN },
	{ L | B, '\r', ACT_OPEN },
	{ L | B, F(KEY_ENTER), ACT_OPEN },
	{ L, 'o', ACT_OPEN },
	{ B, 's', ACT_SORT },
	{ B, '/', ACT_FILTER },
	{ B, 'd', ACT_DELETE },
	{ V | L | B, 'h', ACT_HELP },
	{ V | L | B, F(KEY_F(1)), ACT_HELP },
	{ V | L | B, CTRL('l'), ACT_REDRAW },
	{ V | L | B, 'q', ACT_QUIT },
	{ L, 27, ACT_QUIT },
	{ L | B, F(KEY_BACKSPACE), ACT_QUIT },
	{ L | B, 127, ACT_QUIT },
	{ L | B, 'Q', ACT_QUIT },
};
#define NACTIONS (sizeof actions / sizeof actions[0])
#define NDEFAULTS (sizeof defaults / sizeof defaults[0])

/* Screen names for bind lines, in mask bit order. */
static const struct {
	int screen;
	const char *name;
} screen_names[] = {
	{ V, "view" }, { L, "list" }, { B, "library" }, { R, "results" },
};

#undef V
#undef L
#undef B
#undef R

/* Key names beside single characters, ^X and F1-F12. The first name of a
 * key is the one shown. */
static const struct {
	int key;
	const char *name;
} key_names[] = {
	{ '\n', "Enter" }, { ' ', "Space" }, { '\t', "Tab" }, { 27, "Esc" },
	{ F(KEY_BACKSPACE), "Backspace" }, { F(KEY_UP), "Up" }, { F(KEY_DOWN), "Down" },
	{ F(KEY_LEFT), "Left" }, { F(KEY_RIGHT), "Right" }, { F(KEY_PPAGE), "PgUp" },
	{ F(KEY_NPAGE), "PgDn" }, { F(KEY_HOME), "Home" }, { F(KEY_END), "End" },
	{ F(KEY_IC), "Insert" }, { F(KEY_DC), "Delete" }, { F(KEY_BTAB), "Shift-Tab" },
	{ F(KEY_ENTER), "KeypadEnter" },
};
#define NKEYNAMES (sizeof key_names / sizeof key_names[0])

/* Return the action called name, or -1. */
int
pager_action_find(const char *name)
{
	for (size_t i = 0; i < NACTIONS; i++)
		if (strcmp(actions[i].name, name) == 0)
			return (int)actions[i].act;
	return -1;
}

/* Return the name of the i-th action of the table, or NULL past the end. */
const char *
pager_action_name(int i)
{
	return i >= 0 && (size_t)i < NACTIONS ? actions[i].name : NULL;
}

/* Return the table entry of act. */
static const struct action_info *
action_info_of(action act)
{
	for (size_t i = 0; i < NACTIONS; i++)
		if (actions[i].act == act)
			return &actions[i];
	fatal("no entry for action %d", (int)act);
}

/* Parse a key name. */
int
pager_key_parse(const char *name)
{
	for (size_t i = 0; i < NKEYNAMES; i++)
		if (strcasecmp(key_names[i].name, name) == 0)
			return key_names[i].key;
	size_t len = strlen(name);
	if (len == 2 && name[0] == '^') {
		int c = name[1];
		if (c == '?')
			return 127;
		if (c >= 'a' && c <= 'z')
			c -= 'a' - 'A';
		if (c >= '@' && c <= '_')
			return CTRL(c);
		return -1;
	}
	if ((name[0] == 'F' || name[0] == 'f') && len >= 2 && len <= 3 && name[1] >= '1' && name[1] <= '9') {
		char *end;
		long n = strtol(name + 1, &end, 10);
		if (*end == '\0' && n >= 1 && n <= 12)
			return F(KEY_F(n));
		return -1;
	}
	uint32_t cp;
	if (len > 0 && utf8_decode(name, len, &cp) == len && cp > ' ' && cp != 127 &&
	    !(cp >= 0x80 && cp < 0xa0))
		return (int)cp;
	return -1;
}

/* Write key's name into buf. */
const char *
pager_key_name(int key, char *buf)
{
	for (size_t i = 0; i < NKEYNAMES; i++)
		if (key_names[i].key == key) {
			snprintf(buf, 16, "%s", key_names[i].name);
			return buf;
		}
	if (key >= 0 && key < 32)
		snprintf(buf, 16, "^%c", key + '@');
	else if (key == 127)
		snprintf(buf, 16, "^?");
	else if ((key & KEY_FUNC) && (key & ~KEY_FUNC) >= KEY_F(1) && (key & ~KEY_FUNC) <= KEY_F(12))
		snprintf(buf, 16, "F%d", (key & ~KEY_FUNC) - KEY_F0);
	else if (!(key & KEY_FUNC) && key > 0 && key < 0x110000) {
		size_t n = utf8_encode((uint32_t)key, buf);
		buf[n] = '\0';
	} else
		snprintf(buf, 16, "?");
	return buf;
}

/* Whether a key is an alias the help does not show: the other codes a
 * terminal may send for Enter and Backspace. */
static bool
key_hidden(int key)
{
	return key == '\r' || key == F(KEY_ENTER) || key == 127 || key == CTRL('h');
}

/* Parse a screen list: view,list,library,results. */
int
pager_screens_parse(const char *list)
{
	int mask = 0;
	const char *s = list;
	while (*s != '\0') {
		size_t n = strcspn(s, ",");
		size_t i = 0;
		while (i < sizeof screen_names / sizeof screen_names[0] &&
		    !(strlen(screen_names[i].name) == n && strncmp(screen_names[i].name, s, n) == 0))
			i++;
		if (i == sizeof screen_names / sizeof screen_names[0])
			return -1;
		mask |= screen_names[i].screen;
		s += n;
		if (*s == ',')
			s++;
	}
	return mask != 0 ? mask : -1;
}

/* The screens where act has default keys (all but results when none). */
static int
default_screens(int act)
{
	int mask = 0;
	for (size_t i = 0; i < NDEFAULTS; i++)
		if ((int)defaults[i].act == act)
			mask |= defaults[i].screens;
	return mask != 0 ? mask : SCREEN_VIEW | SCREEN_LIST | SCREEN_LIBRARY;
}

/* Build the keymap cfg gives: *n bindings, newly allocated. */
static struct binding *
keymap_build(const struct config *cfg, size_t *n)
{
	size_t cap = NDEFAULTS + (cfg != NULL ? cfg->nbinds : 0) + 1, len = 0;
	struct binding *k = xcalloc(cap, sizeof *k);
	if (cfg == NULL || !cfg->unbind_all) {
		memcpy(k, defaults, sizeof defaults);
		len = NDEFAULTS;
	}
	for (size_t b = 0; cfg != NULL && b < cfg->nbinds; b++) {
		const struct config_bind *cb = &cfg->binds[b];
		int screens = cb->screens;
		if (screens == 0)
			screens = cb->action >= 0 ? default_screens(cb->action) : ~0;
		/* The key leaves whatever it did on these screens. */
		size_t out = 0;
		for (size_t i = 0; i < len; i++) {
			if (k[i].key == cb->key)
				k[i].screens &= ~screens;
			if (k[i].screens != 0)
				k[out++] = k[i];
		}
		len = out;
		if (cb->action >= 0)
			k[len++] = (struct binding){ screens & (SCREEN_VIEW | SCREEN_LIST | SCREEN_LIBRARY |
			    SCREEN_RESULTS), cb->key, (action)cb->action };
	}
	*n = len;
	return k;
}

/* Set up p's keymap from its configuration. */
void
keys_init(struct pager *p)
{
	free(p->keys);
	p->keys = keymap_build(p->cfg, &p->nkeys);
}

/* Print the keymap cfg gives as bind lines. */
void
pager_keys_dump(const struct config *cfg, FILE *f)
{
	size_t n;
	struct binding *k = keymap_build(cfg, &n);
	for (size_t i = 0; i < n; i++) {
		fputs("bind ", f);
		const char *sep = "";
		for (size_t s = 0; s < sizeof screen_names / sizeof screen_names[0]; s++)
			if (k[i].screens & screen_names[s].screen) {
				fprintf(f, "%s%s", sep, screen_names[s].name);
				sep = ",";
			}
		char name[16];
		fputc(' ', f);
		config_put_word(f, pager_key_name(k[i].key, name));
		fprintf(f, " %s\n", action_info_of(k[i].act)->name);
	}
	free(k);
}

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
key_action(const struct pager *p, int screen, int key)
{
	for (size_t i = 0; i < p->nkeys; i++)
		if ((p->keys[i].screens & screen) && p->keys[i].key == key)
			return p->keys[i].act;
	return ACT_NONE;
}

/* Add one screen's section of the help to m. */
static void
help_section(const struct pager *p, struct menu *m, int screen, const char *title)
{
	menu_add(m, ROLE_H2, 0, 0, "%s", title);
	for (size_t a = 0; a < NACTIONS; a++) {
		/* Gather every shown key of this action on this screen. */
		struct buf keys = {0};
		for (size_t k = 0; k < p->nkeys; k++) {
			const struct binding *o = &p->keys[k];
			char name[16];
			if ((o->screens & screen) && o->act == actions[a].act && !key_hidden(o->key))
				buf_printf(&keys, "%s%s", keys.len ? ", " : "", pager_key_name(o->key, name));
		}
		if (keys.len > 0) {
			char *col = text_fit(buf_str(&keys), 18);
			menu_add(m, ROLE_TEXT, 2, 0, "%s  %s", col, actions[a].help);
			free(col);
		}
		buf_free(&keys);
	}
	menu_add(m, ROLE_TEXT, 0, 0, "%s", "");
}

/* Build the help screen from the keymap and the action table. */
void
key_help(const struct pager *p, struct menu *m)
{
	free(m->title);
	m->title = xstrdup("Help — keys (q to leave)");
	m->hint = "j/k, Space/b move · / finds · q back";
	help_section(p, m, SCREEN_VIEW, "Reading an article");
	help_section(p, m, SCREEN_LIST, "Lists: links, contents, bookmarks");
	help_section(p, m, SCREEN_LIBRARY, "The library");
	help_section(p, m, SCREEN_RESULTS, "Search results (and the list keys)");
	menu_add(m, ROLE_DIM, 0, 0, "%s", "A number typed before a key is its count: 5j, 50p, 3o.");
}
