/* dbquery.c — run one read-only SQL query on a library file and print each
 * row's columns separated by tabs, for shell tests that check the library
 * under the store's API (tests/t_cited.sh: PRAGMA integrity_check after an
 * interrupted import) without needing the sqlite3 program.
 *
 * usage: dbquery DB SQL */
#include <sqlite3.h>
#include <stdio.h>

int
main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: dbquery DB SQL\n");
		return 2;
	}
	sqlite3 *db;
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		fprintf(stderr, "dbquery: %s: %s\n", argv[1], sqlite3_errmsg(db));
		sqlite3_close(db);
		return 1;
	}
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(db, argv[2], -1, &s, NULL) != SQLITE_OK) {
		fprintf(stderr, "dbquery: %s\n", sqlite3_errmsg(db));
		sqlite3_close(db);
		return 1;
	}
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		for (int i = 0; i < sqlite3_column_count(s); i++) {
			const unsigned char *v = sqlite3_column_text(s, i);
			printf("%s%s", i ? "\t" : "", v != NULL ? (const char *)v : "NULL");
		}
		putchar('\n');
	}
	int status = rc == SQLITE_DONE ? 0 : 1;
	if (status != 0)
		fprintf(stderr, "dbquery: %s\n", sqlite3_errmsg(db));
	sqlite3_finalize(s);
	sqlite3_close(db);
	return status;
}
