/* dbcheck.c — check a quire library file for the crash and concurrency
 * tests, with SQLite directly (no sqlite3 shell needed): PRAGMA
 * integrity_check, foreign_key_check, and the FTS5 'integrity-check' of
 * the search indexes articles_fts and quotes_fts (against their content
 * where this SQLite can). Then, per article, one line on stdout:
 *   URL<TAB>BLOCK_COUNT<TAB>BLOCKS<TAB>LINKS<TAB>QUOTES
 * URL being its canonical URL, else its source URL, else its identity
 * where BLOCK_COUNT is what the article row says and the others count its
 * rows. Problems go to stderr, one a line; exits 1 if there were any.
 * A file with no tables at all (a library killed before its first
 * migration committed) passes with no articles.
 * Opens the file read-write (FTS5 checks are writes that change nothing) and
 * waits up to 10 s for a lock.
 * usage: dbcheck DB */
#include <sqlite3.h>
#include <stdio.h>

/* Run sql and report an error as a problem; returns 1 on error, else 0. */
static int
run(sqlite3 *db, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK)
		return 0;
	fprintf(stderr, "dbcheck: %s: %s\n", sql, msg ? msg : sqlite3_errmsg(db));
	sqlite3_free(msg);
	return 1;
}

/* Run a check whose every result row must be "ok" (or which returns no
 * rows, as foreign_key_check does when all is well). */
static int
rows_ok(sqlite3 *db, const char *sql, const char *ok)
{
	sqlite3_stmt *s;
	int bad = 0, rc;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
		fprintf(stderr, "dbcheck: %s: %s\n", sql, sqlite3_errmsg(db));
		return 1;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(s, 0);
		if (ok == NULL || v == NULL || sqlite3_stricmp(v, ok) != 0) {
			fprintf(stderr, "dbcheck: %s: %s\n", sql, v ? v : "(row)");
			bad = 1;
		}
	}
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "dbcheck: %s: %s\n", sql, sqlite3_errmsg(db));
		bad = 1;
	}
	sqlite3_finalize(s);
	return bad;
}

/* Check the FTS5 index fts: against its content table when this SQLite
 * takes a rank argument (3.44 and later), else internally. */
static int
fts_ok(sqlite3 *db, const char *fts)
{
	char sql[256];
	snprintf(sql, sizeof sql, "INSERT INTO %s(%s, rank) VALUES ('integrity-check', 1)", fts, fts);
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK)
		return 0;
	if (sqlite3_errcode(db) == SQLITE_CORRUPT_VTAB || sqlite3_errcode(db) == SQLITE_CORRUPT) {
		fprintf(stderr, "dbcheck: %s: %s\n", sql, sqlite3_errmsg(db));
		return 1;
	}
	snprintf(sql, sizeof sql, "INSERT INTO %s(%s) VALUES ('integrity-check')", fts, fts);
	return run(db, sql);
}

/* Check the library and print its articles' counts. */
int
main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: dbcheck DB\n");
		return 2;
	}
	sqlite3 *db;
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		fprintf(stderr, "dbcheck: %s: %s\n", argv[1], sqlite3_errmsg(db));
		return 1;
	}
	sqlite3_busy_timeout(db, 10000);
	int bad = rows_ok(db, "PRAGMA integrity_check", "ok");
	bad |= rows_ok(db, "PRAGMA foreign_key_check", NULL);
	/* Killed before its first migration committed, a new library is an
	 * empty file: whole, with no articles; the next quire migrates it. */
	sqlite3_stmt *e;
	int tables = -1;
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master", -1, &e, NULL) == SQLITE_OK &&
	    sqlite3_step(e) == SQLITE_ROW)
		tables = sqlite3_column_int(e, 0);
	sqlite3_finalize(e);
	if (tables == 0) {
		sqlite3_close(db);
		return bad;
	}
	bad |= fts_ok(db, "articles_fts");
	bad |= fts_ok(db, "quotes_fts");

	/* Index rows and content rows agree in number. */
	bad |= rows_ok(db, "SELECT 'articles_fts has ' || (SELECT count(*) FROM articles_fts_docsize)"
	    " || ' rows for ' || (SELECT count(*) FROM articles) || ' articles'"
	    " WHERE (SELECT count(*) FROM articles_fts_docsize) != (SELECT count(*) FROM articles)",
	    NULL);
	bad |= rows_ok(db, "SELECT 'quotes_fts has ' || (SELECT count(*) FROM quotes_fts_docsize)"
	    " || ' rows for ' || (SELECT count(*) FROM quotes) || ' quotes'"
	    " WHERE (SELECT count(*) FROM quotes_fts_docsize) != (SELECT count(*) FROM quotes)", NULL);

	sqlite3_stmt *s;
	const char *sql =
	    "SELECT coalesce(canonical_url, url, identity) AS name, block_count,"
	    " (SELECT count(*) FROM blocks b WHERE b.article_id = a.id),"
	    " (SELECT count(*) FROM links l WHERE l.article_id = a.id),"
	    " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id)"
	    " FROM articles a ORDER BY name";
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
		fprintf(stderr, "dbcheck: %s\n", sqlite3_errmsg(db));
		sqlite3_close(db);
		return 1;
	}
	while (sqlite3_step(s) == SQLITE_ROW)
		printf("%s\t%lld\t%lld\t%lld\t%lld\n", (const char *)sqlite3_column_text(s, 0),
		    sqlite3_column_int64(s, 1), sqlite3_column_int64(s, 2),
		    sqlite3_column_int64(s, 3), sqlite3_column_int64(s, 4));
	sqlite3_finalize(s);
	sqlite3_close(db);
	return bad;
}
