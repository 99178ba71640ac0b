/* config.h — the configuration file: settings, key bindings and colours read
 * from $XDG_CONFIG_HOME/quire/config (else ~/.config/quire/config, or the
 * file given with --config). A file is a list of lines:
 *   set NAME VALUE            a setting (the table in config.c names them)
 *   bind [SCREENS] KEY ACTION bind a key; SCREENS is view, list, library,
 *                             results or a comma list; without it the
 *                             screens where ACTION has default keys
 *   unbind [SCREENS] KEY      remove a key's binding
 *   unbind-all                remove every binding (config --dump starts so)
 *   color ELEMENT FG BG [ATTR...]
 * Words are split at blanks; "..." quotes, a backslash escapes the next
 * character (\n, \t, \e too); # at the start of a word begins a comment.
 * Action, key and element names come from the pager's tables (pager.h), so
 * the help screen, this parser and the man page name the same things.
 * A bad line is recorded as "FILE:LINE: reason" and the rest still apply. */
#ifndef QUIRE_CONFIG_H
#define QUIRE_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum config_switch { CONFIG_OFF, CONFIG_ON, CONFIG_AUTO };

/* Attributes a colour line may add (config names: bold, dim, italic,
 * underline, reverse, normal). */
enum {
	CONFIG_ATTR_BOLD = 1 << 0,
	CONFIG_ATTR_DIM = 1 << 1,
	CONFIG_ATTR_ITALIC = 1 << 2,
	CONFIG_ATTR_UNDERLINE = 1 << 3,
	CONFIG_ATTR_REVERSE = 1 << 4,
};
#define CONFIG_COLOR_DEFAULT (-1)   /* the terminal's own colour */
#define CONFIG_TEXT_WIDTH 80        /* the defaults of text-width and reading-speed */
#define CONFIG_READING_SPEED 238

/* One bind or unbind line, applied in order over the default keys. */
struct config_bind {
	int screens;     /* pager screen mask; 0: the action's default screens (bind) or all (unbind) */
	int key;         /* pager key code (pager_key_parse) */
	int action;      /* pager action number, or -1 for unbind */
};

/* One colour line. */
struct config_color {
	int element;     /* pager_element_find */
	int fg, bg;      /* 0-255 or CONFIG_COLOR_DEFAULT */
	int attrs;       /* CONFIG_ATTR_* */
};

struct config {
	int text_width;          /* widest text column */
	int reading_speed;       /* words a minute, for "min left" */
	char *browser;           /* $BROWSER syntax; NULL: $BROWSER, else xdg-open */
	int hyperlinks;          /* enum config_switch: OSC 8 links in the article */
	bool colors;             /* false: no colours (NO_COLOR also turns them off) */
	bool unbind_all;         /* start from no keys instead of the defaults */
	struct config_bind *binds;
	size_t nbinds;
	struct config_color *colors_set;
	size_t ncolors;
	char **errors;           /* "FILE:LINE: reason" for each bad line */
	size_t nerrors;
};

/* Return a new configuration holding the defaults; free with config_free. */
struct config *config_create(void);
void config_free(struct config *c);
/* Apply one line to c. Returns 0, or -1 with *reason set (newly allocated). */
int config_line(struct config *c, const char *line, char **reason);
/* Apply the lines of f, recording each bad one as "name:LINE: reason" in
 * c->errors. Returns the number of bad lines. */
size_t config_read(struct config *c, FILE *f, const char *name);
/* Read file path into c. A missing file is fine unless must_exist. Returns
 * 0, or -1 with *errp set when the file cannot be read. */
int config_load(struct config *c, const char *path, bool must_exist, char **errp);
/* Return the default file's path (newly allocated), or NULL when there is
 * no home directory. */
char *config_default_path(void);
/* Split a line into words (quotes, escapes, comments). Returns the number
 * of words with *words newly allocated (free with config_words_free), or -1
 * with *reason set. */
int config_split(const char *line, char ***words, char **reason);
void config_words_free(char **words, int n);
/* Print every setting of c in the file's syntax, then the bindings and the
 * colours in effect (from the pager's tables), so reading it back gives the
 * same configuration. */
void config_dump(const struct config *c, FILE *f);
/* Print word quoted when it needs it to read back as one word. */
void config_put_word(FILE *f, const char *word);
/* Names: a setting's name by index (NULL past the last), for documentation
 * checks; a colour number's name ("default", "red", ... or the number). */
const char *config_setting_name(size_t i);
const char *config_color_name(int color, char buf[8]);

#endif
