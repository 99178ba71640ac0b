/* test_sql.h — for the store's unit tests: a second sqlite3 connection that
 * looks under the store's API (test_query_int) or changes a library behind
 * its back (test_exec_raw), as a library from another quire would be. */
#ifndef QUIRE_TEST_SQL_H
#define QUIRE_TEST_SQL_H

#include <sqlite3.h>
#include <stdio.h>

/* Run a query returning one integer through a read-only connection; -1 when
 * it returns no row, -2 when the file cannot be opened. */
static inline long long
test_query_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	long long v = -1;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return -2;
	}
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			v = sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
	} else {
		fprintf(stderr, "query failed: %s: %s\n", sql, sqlite3_errmsg(db));
	}
	sqlite3_close(db);
	return v;
}

/* Run SQL through a read-write connection; 0, or -1 after saying why. */
static inline int
test_exec_raw(const char *path, const char *sql)
{
	sqlite3 *db;
	char *msg = NULL;
	if (sqlite3_open(path, &db) != SQLITE_OK) {
		sqlite3_close(db);
		return -1;
	}
	int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK)
		fprintf(stderr, "exec failed: %s\n", msg ? msg : "?");
	sqlite3_free(msg);
	sqlite3_close(db);
	return rc == SQLITE_OK ? 0 : -1;
}

#endif
