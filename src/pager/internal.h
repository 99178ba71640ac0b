/* internal.h — what the pager's files share: the pager context, the open
 * article views (a stack: following a link to a stored article or opening a
 * search hit pushes one, Backspace pops it), the key → action table, text
 * styles, and the generic list screen used by the link list, the table of
 * contents, bookmarks, quotations, search results, help and the library. */
#ifndef QUIRE_PAGER_INTERNAL_H
#define QUIRE_PAGER_INTERNAL_H

#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "article.h"
#include "layout.h"
#include "pager.h"
#include "store.h"

#define KEY_FUNC (1 << 24)      /* set on curses key codes, beside code points */

/* The named actions keys are bound to. */
typedef enum action {
	ACT_NONE,
	ACT_DOWN, ACT_UP, ACT_PAGE_DOWN, ACT_PAGE_UP, ACT_HALF_DOWN, ACT_HALF_UP,
	ACT_TOP, ACT_BOTTOM, ACT_PERCENT, ACT_NEXT_HEADING, ACT_PREV_HEADING,
	ACT_SEARCH, ACT_SEARCH_BACK, ACT_NEXT_MATCH, ACT_PREV_MATCH,
	ACT_MARK, ACT_GOTO_MARK, ACT_MARKS, ACT_ALL_MARKS,
	ACT_LINKS, ACT_OPEN_LINK, ACT_NEXT_LINK, ACT_PREV_LINK, ACT_COPY_LINK,
	ACT_TOC, ACT_HELP, ACT_BACK_ARTICLE, ACT_QUIT, ACT_REDRAW,
	ACT_SOURCE, ACT_CITED_BY,
	ACT_OPEN, ACT_DELETE, ACT_SORT, ACT_FILTER,
	ACT_LIBRARY_SEARCH, ACT_TOGGLE_QUOTES, ACT_QUOTES,
} action;

/* Screens a binding applies to (a mask). */
enum {
	SCREEN_VIEW = 1 << 0,      /* the article */
	SCREEN_LIST = 1 << 1,      /* link list, contents, bookmarks, help */
	SCREEN_LIBRARY = 1 << 2,
	SCREEN_RESULTS = 1 << 3,   /* library search results (with the list keys) */
};

/* One key of the keymap: what it does on a set of screens. */
struct binding {
	int screens;
	int key;
	action act;
};

/* What a piece of text is, for its look. */
typedef enum role {
	ROLE_TEXT, ROLE_H1, ROLE_H2, ROLE_H3, ROLE_BAR, ROLE_ATTRIB, ROLE_MARK,
	ROLE_LINK, ROLE_MATCH, ROLE_SELECT, ROLE_STATUS, ROLE_TITLE, ROLE_DIM,
	ROLE_CODE, ROLE_LIBLINK, ROLE_LIBMARK, ROLE_COUNT
} role;

/* One search match: block bytes [start, end). */
struct match {
	size_t block, start, end;
};

/* Bytes [start, end) of a string. */
struct range {
	size_t start, end;
};

struct search_matcher;

/* One open article. Rows are the header rows (title, byline, blank) then
 * the layout's lines; top is the first row on screen. */
struct view {
	long long id;
	struct article *a;
	struct layout *l;
	int width;                  /* text column laid out for */
	char **header;              /* header rows, sanitised */
	int *header_role;
	size_t nheader;
	size_t top;
	size_t *words_from;         /* words in blocks i.. to the end */
	struct match *matches;
	size_t nmatches;
	long cur_match;
	char *pattern;              /* what n/N look for, as typed */
	struct search_matcher *matcher;  /* a library search's terms, else NULL */
	bool backward;
	int link_sel;               /* highlighted link, or -1 */
	long long *link_lib;        /* per link: the library article it opens, 0 if none */
	bool have_jump;             /* the place before the last jump, for '' */
	bool anchor_back;           /* that jump followed a link into this article:
	                               Backspace returns from it */
	size_t jump_block, jump_offset;
	time_t saved_at;
	size_t saved_top;           /* top when last saved */
	struct view *prev;          /* the article this one was opened from */
	bool from_results;          /* opened from search results: q returns there */
};

/* How a role is drawn: attributes, and colours when p->color. */
struct look {
	attr_t attr;
	short pair;                 /* 0: the terminal's colours */
};

/* A link drawn on screen, for the OSC 8 pass after the screen is drawn. */
struct link_span {
	int y, x0, x1;              /* columns [x0, x1) of row y */
	int link;
};

struct pager {
	struct store *st;
	const struct config *cfg;
	struct binding *keys;       /* the keymap (keys.c) */
	size_t nkeys;
	struct look looks[ROLE_COUNT];
	bool hyperlinks;            /* emit OSC 8 around links in the article */
	struct link_span *spans;    /* links drawn by the last view_draw */
	size_t nspans, spans_cap;
	struct link_span *old;      /* linked by the last OSC 8 pass */
	size_t nold;
	bool color;
	bool ascii;                 /* not a UTF-8 locale: draw ASCII only */
	int max_width;
	char *msg;                  /* status message, shown until the next key */
	struct view *view;
	char *last_query;           /* the last library search, for S then Enter */
	bool last_quotes;           /* and whether it was over quotations only */
};

/* A row of a list screen; value < 0 rows are headings, not selectable.
 * A continuation row (cont) belongs to the entry above it: it scrolls into
 * view with it. marks are byte ranges of text drawn as matches. */
struct menu_row {
	char *text;
	role look;
	int indent;
	long value;
	bool cont;
	struct range *marks;
	size_t nmarks;
};

struct menu {
	char *title;
	const char *hint;           /* status line text; NULL for the usual one */
	struct menu_row *rows;
	size_t n, cap;
	size_t sel, top;
};

/* keys.c */
/* Read one key: a code point, or a curses key code | KEY_FUNC. */
int key_read(void);
/* Read one key, waiting however long it takes. */
int key_wait(void);
/* Build p->keys from the defaults and p->cfg's bind lines. */
void keys_init(struct pager *p);
/* Return the action key has on screen. */
action key_action(const struct pager *p, int screen, int key);
/* Fill m with the help: every screen's keys, generated from the keymap. */
void key_help(const struct pager *p, struct menu *m);

/* draw.c */
/* Set up colours (none under NO_COLOR, with set colors off or on a
 * terminal without them), with the configuration's color lines. */
void style_init(struct pager *p);
/* Return the attributes and colour pair of r in *attr and *pair. */
void style_of(const struct pager *p, role r, attr_t *attr, short *pair);
/* Draw s[0, n) at (y, x) with attr/pair, not past column maxx; control
 * characters show as U+FFFD. Returns the column after it. */
int draw_text(const struct pager *p, int y, int x, int maxx, const char *s, size_t n,
    attr_t attr, short pair);
/* Return a newly allocated copy of s cut or padded to width columns. */
char *text_fit(const char *s, int width);

/* hyperlink.c */
/* Write the OSC 8 hyperlinks of the links in p->spans over what curses
 * drew (call after refresh). */
void hyperlinks_emit(struct pager *p, const struct view *v);
/* Before another screen draws over the article: have curses repaint every
 * cell, so no cell keeps a link the article gave it. */
void hyperlinks_forget(struct pager *p);

/* prompt.c */
/* Set the status message (formatted, sanitised when shown). */
void pager_message(struct pager *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Draw the bottom line: left text, right text, or the pending message. */
void status_draw(struct pager *p, const char *left, const char *right);
/* Read a line after prompt on the bottom line. Returns a newly allocated
 * string, or NULL when cancelled with Escape. */
char *prompt_read(struct pager *p, const char *prompt);
/* Ask a yes/no question on the bottom line; true for y. */
bool prompt_yes(struct pager *p, const char *question);

/* menu.c */
void menu_add(struct menu *m, role look, int indent, long value, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Append a row whose text (sanitised here) marks matches between
 * SEARCH_MARK_ON and SEARCH_MARK_OFF; cont rows continue the entry above. */
void menu_add_marked(struct menu *m, role look, int indent, long value, bool cont,
    const char *text);
void menu_clear(struct menu *m);
/* Show m until a key chooses: returns ACT_OPEN with *value the selected row's
 * value, ACT_QUIT when left, or another action of screen (with *value the
 * selection, -1 if none). */
action menu_run(struct pager *p, struct menu *m, int screen, long *value);

/* view.c */
/* Open article id into a new view. Returns it, or NULL with *errp set. */
struct view *view_open(struct pager *p, long long id, char **errp);
/* Make a view of article a, which it takes over (freed with the view). */
struct view *view_create(struct pager *p, long long id, struct article *a);
/* Save the view's position and free it. */
void view_close(struct pager *p, struct view *v);
/* Show p->view and its stack until the reader leaves. Returns 0. */
int view_run(struct pager *p);
/* Show p->view and the views above stop until the reader leaves them, back
 * to stop (NULL: all of them). Returns 0. */
int view_loop(struct pager *p, struct view *stop);
/* Record the current position in the store. */
void view_save(struct pager *p, struct view *v);
/* Lay the view out again for the current terminal, keeping the top line. */
void view_relayout(struct pager *p, struct view *v);
/* Return the row of block position (block, byte offset); (0, 0) is row 0,
 * the top of the page with its header. */
size_t view_row_of(const struct view *v, size_t block, size_t offset);
/* Move the top to row, remembering where it was for ''. */
void view_jump(struct view *v, size_t row);
/* Set *block and *offset to the position of the top row. */
void view_position(const struct view *v, size_t *block, size_t *offset);
/* Number of text rows on screen. */
int view_rows(void);

/* find.c */
/* Find every match of v->matcher, else of v->pattern; returns how many. */
size_t find_run(struct view *v);
/* Go to the next match in direction (backward or not); sets a message. */
void find_next(struct pager *p, struct view *v, bool backward);
/* Whether byte off of block lies in a match; *hint speeds up scans. */
bool find_hit(const struct view *v, size_t block, size_t off, size_t *hint);
/* Return the index of the match holding (block, off) or the first after
 * it, or n when there is none. m is in text order. */
size_t find_nearest(const struct match *m, size_t n, size_t block, size_t off);
/* Return the layout line showing (block, off): the text, never the blank
 * line before a block. */
size_t find_line(const struct layout *l, size_t block, size_t off);
/* Show the view at (block, byte off): on the match there when there is one
 * (it becomes the current match, for n and N), else on its line. */
void find_goto(struct pager *p, struct view *v, size_t block, size_t off);

/* results.c */
/* Wrap a snippet marked with SEARCH_MARK_ON/OFF into at most rows rows of
 * width columns, each row marked on its own; when it does not fit, the
 * start is cut so the first mark shows, and cuts are shown with "…".
 * Returns a newly allocated array of *n newly allocated rows. */
char **snippet_wrap(const char *snippet, int width, int rows, size_t *n);
/* Ask for a query and search the library from the current screen: a list
 * of hits, all text or quotes only; Enter opens one at its match. Returns
 * when the reader leaves the list, to p->view as it was. */
void results_run(struct pager *p);

/* quotes.c */
/* Return "— Author, Publication, “Work”, Year" with what is known (newly
 * allocated), or NULL when nothing is. */
char *quote_attribution(const char *author, const char *publication, const char *work, int year);
/* Return the byte offset in block text where quotation text begins (0
 * when it cannot be found there). */
size_t quote_start(const char *block_text, const char *quote_text);
/* List the view's quotations with their attribution; jumps to the chosen one. */
void quote_list_run(struct pager *p, struct view *v);

/* links.c */
/* Show the link list; returns the link chosen, or -1. */
long links_list(struct pager *p, struct view *v);
/* Open link n of the view: in quire when stored, else in the browser. */
void links_open(struct pager *p, long n);
/* Copy link n's URL to the clipboard with OSC 52. */
void links_copy(struct pager *p, struct view *v, long n);
/* Look up which of v's links open a library article, into v->link_lib. */
void links_resolve(struct pager *p, struct view *v);
/* Whether link n of v opens an article in the library. */
bool links_in_library(const struct view *v, long n);
/* "(here) ", "(library) " or "": how lists and messages mark link n. */
const char *links_where(const struct view *v, long n);
/* Open url from p->view: inside quire when the library holds it (pushing a
 * view and returning it), else in a browser (returning NULL). what names
 * the link in messages ("link 3", "the quotation's source"). */
struct view *links_follow(struct pager *p, const char *url, const char *what);

/* cite.c */
/* Return the quotation of a that `s` acts on, given the blocks at the top
 * and the bottom of the screen: among those holding the top block the
 * innermost with a source, else the innermost; else the first that starts
 * on screen, one with a source first. -1 when none is on screen. */
long cite_quote_at(const struct article *a, size_t top_block, size_t bottom_block);
/* Open the source of the quotation at the top of the screen. */
void cite_open_source(struct pager *p, struct view *v);
/* List the library articles that cite v's article; Enter opens one. */
void cite_list_citing(struct pager *p, struct view *v);

/* toc.c */
/* Show the table of contents; jumps the view to the chosen heading. */
void toc_run(struct pager *p, struct view *v);
/* Show the view's bookmarks; jumps to the chosen one. */
void marks_list(struct pager *p, struct view *v);
/* Show the bookmarks of the whole library; opens the chosen one (pushing a
 * view when it is in another article). */
void marks_all(struct pager *p, struct view *v);
/* Set bookmark name at the top position. */
void marks_set(struct pager *p, struct view *v, int name);
/* Jump to bookmark name ('\'' returns to the place before the last jump). */
void marks_goto(struct pager *p, struct view *v, int name);

/* library.c */
/* Show the library screen until the reader quits. */
int library_run(struct pager *p);

/* pager.c */
/* Convert a byte offset in text to a character offset and back. */
size_t chars_of_bytes(const char *text, size_t bytes);
size_t bytes_of_chars(const char *text, size_t chars);

#endif
