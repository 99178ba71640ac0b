/* rank.h — the store's private ranking function for FTS5 (rank.c). */
#ifndef QUIRE_STORE_RANK_H
#define QUIRE_STORE_RANK_H

#include <sqlite3.h>

/* Register the FTS5 auxiliary function quire_bm25 on db. Returns 0, or -1
 * with *errp set. */
int rank_register(sqlite3 *db, char **errp);

#endif
