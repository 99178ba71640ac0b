/* pager.h — the interactive reader: a curses pager over the library. It
 * shows the library screen or one article, laid out by layout.h, and keeps
 * reading positions and bookmarks in the store. Nothing in the import path
 * depends on it. Its key, action and colour-element tables are also what a
 * configuration file (config.h) names. */
#ifndef QUIRE_PAGER_H
#define QUIRE_PAGER_H

#include <stddef.h>
#include <stdio.h>

#include "config.h"
#include "store.h"

/* Run the pager on the terminal over library st with configuration cfg:
 * the article with id, or the library screen when id is 0. Returns 0 when
 * the reader quits, or -1 with *errp set when the terminal cannot be used
 * or the article cannot be read. */
int pager_run(struct store *st, long long id, const struct config *cfg, char **errp);

/* keys.c: the names a configuration file uses. */
/* Return the action called name, or -1. */
int pager_action_find(const char *name);
/* Return action number i's name, or NULL past the last action. */
const char *pager_action_name(int i);
/* Return the key code named name (a, ^X, Enter, Space, Tab, Esc, Backspace,
 * Up, Down, Left, Right, PgUp, PgDn, Home, End, Insert, Delete, Shift-Tab,
 * KeypadEnter, F1-F12), or -1. */
int pager_key_parse(const char *name);
/* Write the name of key into buf (at least 16 bytes); returns buf. */
const char *pager_key_name(int key, char *buf);
/* Return the screen mask of a list like "view,list", or -1. */
int pager_screens_parse(const char *list);
/* Print every binding cfg leaves in effect as "bind SCREENS KEY ACTION". */
void pager_keys_dump(const struct config *cfg, FILE *f);

/* draw.c: colour elements. */
/* Return the element called name, or -1. */
int pager_element_find(const char *name);
/* Print the colour of every element under cfg as "color ELEMENT FG BG ATTR...". */
void pager_colors_dump(const struct config *cfg, FILE *f);

/* hyperlink.c */
/* Return url made safe to send in an OSC 8 hyperlink (newly allocated):
 * http, https or mailto only, bytes outside printable ASCII percent-encoded,
 * at most 2000 bytes; NULL when it may not be sent (another scheme, a
 * control character, too long). */
char *pager_hyperlink_url(const char *url);
/* Decide whether OSC 8 links are used: setting (enum config_switch); auto
 * looks at the environment for a terminal known to support them. */
int pager_hyperlinks_wanted(int setting);

#endif
