/* store/internal.h — what the store's files share (store.c, search.c): the
 * handle, its cached statements, and the helpers that run them. Private to
 * the store module. */
#ifndef QUIRE_STORE_INTERNAL_H
#define QUIRE_STORE_INTERNAL_H

#include <stdbool.h>
#include <sqlite3.h>

/* Every statement the store runs, prepared on first use. */
enum stmt {
	ST_BEGIN, ST_COMMIT, ST_ROLLBACK,
	ST_FIND_IDENTITY, ST_INSERT_ARTICLE, ST_UPDATE_ARTICLE, ST_PUT_PAGE,
	ST_DELETE_BLOCKS, ST_DELETE_LINKS, ST_DELETE_QUOTES, ST_DELETE_ARTICLE_TAGS,
	ST_INSERT_BLOCK, ST_INSERT_LINK, ST_INSERT_QUOTE, ST_INSERT_TAG, ST_FIND_TAG,
	ST_INSERT_ARTICLE_TAG, ST_INDEX_QUOTES, ST_DELETE_ORPHAN_TAGS, ST_CLAMP_BOOKMARKS, ST_CLAMP_POSITION,
	ST_GET_ARTICLE, ST_GET_TAGS, ST_GET_BLOCKS, ST_GET_LINKS, ST_GET_QUOTES,
	ST_LIST, ST_DELETE_ARTICLE, ST_FIND_URL, ST_GET_PAGE,
	ST_ADD_BOOKMARK, ST_GET_BOOKMARKS, ST_SET_POSITION, ST_GET_POSITION, ST_SET_PROGRESS,
	ST_GET_PROGRESS, ST_PUT_ALIAS, ST_ARTICLE_EXISTS, ST_LINKS, ST_CITING,
	ST_INDEX_ARTICLE, ST_UNINDEX_ARTICLE, ST_SEARCH_TEXT, ST_SEARCH_QUOTES, ST_HIT_ARTICLE, ST_HIT_HEADING, ST_HIT_BLOCKS, ST_HIT_QUOTE,
	ST_LIST_QUOTES, ST_DELETE_ANCHORS, ST_INSERT_ANCHOR, ST_GET_ANCHORS,
	ST_COUNT
};

struct store {
	sqlite3 *db;
	char *path;
	bool readonly;   /* opened read-only: the file or its folder is not ours to write */
	sqlite3_stmt *stmts[ST_COUNT];
};

/* Return statement id, prepared and reset with no bindings, or NULL with
 * *errp set. */
sqlite3_stmt *store_stmt(struct store *st, enum stmt id, char **errp);
/* Set *errp to what SQLite says went wrong, prefixed by what; returns -1. */
int store_db_error(struct store *st, char **errp, const char *what);
/* Bind a C string or NULL; the string must outlive the step. */
void store_bind_text(sqlite3_stmt *s, int i, const char *text);
/* Return column i as a C string, or NULL when it is NULL. */
const char *store_column_text(sqlite3_stmt *s, int i);

#endif
