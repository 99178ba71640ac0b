/* pager.h — the interactive reader: a curses pager over the library. It
 * shows the library screen or one article, laid out by layout.h, and keeps
 * reading positions and bookmarks in the store. Nothing in the import path
 * depends on it. */
#ifndef QUIRE_PAGER_H
#define QUIRE_PAGER_H

#include "store.h"

/* Run the pager on the terminal over library st: the article with id, or the
 * library screen when id is 0. Returns 0 when the reader quits, or -1 with
 * *errp set when the terminal cannot be used or the article cannot be read. */
int pager_run(struct store *st, long long id, char **errp);

#endif
