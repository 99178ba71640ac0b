/* store.c — the library in SQLite. This module alone holds the sqlite3 handle.
 * Searching it (the FTS5 queries behind search.h) is in search.c.
 *
 * An article row is keyed by its identity (the url_key of its canonical URL,
 * else of its source URL, else "sha256:" and the page hash); the keys of both
 * URLs, of every link, and of URLs that redirected to an article
 * (url_aliases) are kept in indexed columns, so the same page is found
 * whichever way it was written and links meet the articles they name in one
 * indexed lookup. Its children — blocks (with spans encoded in one column),
 * links, quotations, tags — are replaced wholesale on re-import, while
 * bookmarks and the reading position survive, clamped to the new text. The
 * two FTS5 tables are external-content indexes, in step with their content
 * inside the same transaction. quotes_fts indexes quotations: triggers
 * remove its rows when quotes are updated or deleted (cascades included);
 * new quotes are indexed by put_children in one statement per article,
 * because FTS5 flushes its pending terms at the end of every statement and
 * a per-row trigger made an import four times slower. articles_fts holds
 * each whole article (title, headings, body) read from the article_text
 * view; a view fires no triggers, so its row is deleted with the old text
 * before an article changes or goes (unindex) and added again by
 * put_children. Search ranks both with quire_bm25 (rank.c). Every write of an article happens inside one
 * transaction: a failure rolls it all back. Statements are prepared once and
 * cached in the handle. */
#include "store.h"

#include <errno.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"
#include "internal.h"
#include "rank.h"
#include "schema.h"
#include "sha256.h"
#include "url.h"
#include "util.h"


/* How long to wait for a lock another process holds. */
#define STORE_BUSY_TIMEOUT_MS 60000

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ','now')"


static const char *const stmt_sql[ST_COUNT] = {
	[ST_BEGIN] = "BEGIN IMMEDIATE",
	[ST_COMMIT] = "COMMIT",
	[ST_ROLLBACK] = "ROLLBACK",
	/* ?1 is the identity key, ?2 the key of the source URL, ?3 whether
	 * the page named no canonical URL: then an article from the same
	 * source URL is this one even if it named a canonical URL before. */
	[ST_FIND_IDENTITY] =
	    "SELECT id FROM articles WHERE identity = ?1 OR canonical_key = ?1"
	    " OR (url_key = ?2 AND (?3 OR canonical_key IS NULL))"
	    " ORDER BY identity = ?1 DESC, canonical_key = ?1 DESC, id LIMIT 1",
	[ST_INSERT_ARTICLE] =
	    "INSERT INTO articles (identity, url, canonical_url, title, author, published, modified,"
	    " site_name, language, description, word_count, block_count, content_hash, added, updated,"
	    " url_key, canonical_key)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, " NOW ", " NOW ","
	    " ?15, ?16)",
	[ST_UPDATE_ARTICLE] =
	    "UPDATE articles SET url = ?2, canonical_url = ?3, title = ?4, author = ?5,"
	    " published = ?6, modified = ?7, site_name = ?8, language = ?9, description = ?10,"
	    " word_count = ?11, block_count = ?12, content_hash = ?13, identity = ?14,"
	    " url_key = ?15, canonical_key = ?16, updated = " NOW " WHERE id = ?1",
	[ST_PUT_PAGE] =
	    "INSERT INTO pages (article_id, bytes, charset, url) VALUES (?1, ?2, ?3, ?4)"
	    " ON CONFLICT (article_id) DO UPDATE SET bytes = excluded.bytes,"
	    " charset = excluded.charset, url = excluded.url",
	[ST_DELETE_BLOCKS] = "DELETE FROM blocks WHERE article_id = ?1",
	[ST_DELETE_LINKS] = "DELETE FROM links WHERE article_id = ?1",
	[ST_DELETE_QUOTES] = "DELETE FROM quotes WHERE article_id = ?1",
	[ST_DELETE_ANCHORS] = "DELETE FROM anchors WHERE article_id = ?1",
	[ST_INSERT_ANCHOR] =
	    "INSERT INTO anchors (article_id, name, block) VALUES (?1, ?2, ?3)"
	    " ON CONFLICT DO NOTHING",
	[ST_GET_ANCHORS] = "SELECT name, block FROM anchors WHERE article_id = ?1",
	[ST_DELETE_ARTICLE_TAGS] = "DELETE FROM article_tags WHERE article_id = ?1",
	[ST_INSERT_BLOCK] =
	    "INSERT INTO blocks (article_id, idx, kind, level, quote, ordered, number, text, src, spans)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	[ST_INSERT_LINK] =
	    "INSERT INTO links (article_id, idx, url, text, block, heading, url_key)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[ST_INSERT_QUOTE] =
	    "INSERT INTO quotes (article_id, idx, kind, text, first_block, last_block, author,"
	    " publication, title, year, cite_url, cite_raw)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
	[ST_INSERT_TAG] = "INSERT INTO tags (name) VALUES (?1) ON CONFLICT (name) DO NOTHING",
	[ST_FIND_TAG] = "SELECT id FROM tags WHERE name = ?1",
	[ST_INSERT_ARTICLE_TAG] =
	    "INSERT OR IGNORE INTO article_tags (article_id, idx, tag_id) VALUES (?1, ?2, ?3)",
	[ST_INDEX_QUOTES] =
	    "INSERT INTO quotes_fts (rowid, text, author, publication, title, article_id, idx)"
	    " SELECT id, text, author, publication, title, article_id, idx FROM quotes"
	    " WHERE article_id = ?1",
	[ST_DELETE_ORPHAN_TAGS] =
	    "DELETE FROM tags WHERE NOT EXISTS"
	    " (SELECT 1 FROM article_tags a WHERE a.tag_id = tags.id)",
	/* ?2 is the new block count; a place past the end moves to the last
	 * block, an offset past a block's end to that end. */
	[ST_CLAMP_BOOKMARKS] =
	    "UPDATE bookmarks SET block = min(block, max(?2 - 1, 0)),"
	    " char_offset = min(char_offset, coalesce((SELECT length(b.text) FROM blocks b"
	    "  WHERE b.article_id = ?1 AND b.idx = min(bookmarks.block, max(?2 - 1, 0))), 0))"
	    " WHERE article_id = ?1",
	[ST_CLAMP_POSITION] =
	    "UPDATE reading_positions SET block = min(block, max(?2 - 1, 0)),"
	    " char_offset = min(char_offset, coalesce((SELECT length(b.text) FROM blocks b"
	    "  WHERE b.article_id = ?1 AND b.idx = min(reading_positions.block, max(?2 - 1, 0))), 0))"
	    " WHERE article_id = ?1",
	[ST_GET_ARTICLE] =
	    "SELECT title, author, published, modified, site_name, url, canonical_url, language,"
	    " description FROM articles WHERE id = ?1",
	[ST_GET_TAGS] =
	    "SELECT t.name FROM article_tags a JOIN tags t ON t.id = a.tag_id"
	    " WHERE a.article_id = ?1 ORDER BY a.idx",
	[ST_GET_BLOCKS] =
	    "SELECT kind, level, quote, ordered, number, text, src, spans FROM blocks"
	    " WHERE article_id = ?1 ORDER BY idx",
	[ST_GET_LINKS] =
	    "SELECT url, text, block, heading FROM links WHERE article_id = ?1 ORDER BY idx",
	[ST_GET_QUOTES] =
	    "SELECT kind, text, first_block, last_block, author, publication, title, year,"
	    " cite_url, cite_raw FROM quotes WHERE article_id = ?1 ORDER BY idx",
	[ST_LIST] =
	    "SELECT id, title, author, site_name, published, url, canonical_url, added, updated,"
	    " word_count, block_count FROM articles ORDER BY id",
	[ST_DELETE_ARTICLE] = "DELETE FROM articles WHERE id = ?1",
	[ST_FIND_URL] =
	    "SELECT id FROM articles WHERE identity = ?1 OR canonical_key = ?1 OR url_key = ?1"
	    " OR id IN (SELECT article_id FROM url_aliases WHERE key = ?1)"
	    " ORDER BY identity = ?1 DESC, canonical_key = ?1 DESC, url_key = ?1 DESC, id LIMIT 1",
	[ST_GET_PAGE] = "SELECT bytes, charset, url FROM pages WHERE article_id = ?1",
	[ST_ADD_BOOKMARK] =
	    "INSERT INTO bookmarks (article_id, name, block, char_offset, created)"
	    " VALUES (?1, ?2, ?3, ?4, " NOW ")",
	[ST_GET_BOOKMARKS] =
	    "SELECT id, name, block, char_offset, created FROM bookmarks WHERE article_id = ?1"
	    " ORDER BY id",
	[ST_SET_POSITION] =
	    "INSERT INTO reading_positions (article_id, block, char_offset, updated)"
	    " VALUES (?1, ?2, ?3, " NOW ") ON CONFLICT (article_id) DO UPDATE SET"
	    " block = excluded.block, char_offset = excluded.char_offset, updated = excluded.updated",
	[ST_GET_POSITION] =
	    "SELECT block, char_offset FROM reading_positions WHERE article_id = ?1",
	[ST_SET_PROGRESS] =
	    "UPDATE reading_positions SET progress = ?2 WHERE article_id = ?1",
	[ST_GET_PROGRESS] =
	    "SELECT progress FROM reading_positions WHERE article_id = ?1",
	[ST_PUT_ALIAS] =
	    "INSERT INTO url_aliases (key, article_id) VALUES (?1, ?2)"
	    " ON CONFLICT (key) DO UPDATE SET article_id = excluded.article_id",
	[ST_ARTICLE_EXISTS] = "SELECT 1 FROM articles WHERE id = ?1",
	/* Each link with the heading it sits under and the library article
	 * it names, found by identity, canonical or source URL, or alias. */
	[ST_LINKS] =
	    "SELECT l.idx, l.url, l.text, l.block, l.heading, h.text,"
	    " coalesce((SELECT id FROM articles WHERE identity = l.url_key),"
	    "  (SELECT min(id) FROM articles WHERE canonical_key = l.url_key),"
	    "  (SELECT min(id) FROM articles WHERE url_key = l.url_key),"
	    "  (SELECT article_id FROM url_aliases WHERE key = l.url_key), 0)"
	    " FROM links l LEFT JOIN blocks h ON h.article_id = l.article_id AND h.idx = l.heading"
	    " WHERE l.article_id = ?1 ORDER BY l.idx",
	/* The other articles with a link whose key is one of article ?1's. */
	[ST_CITING] =
	    "SELECT id, title, author, site_name, published, url, canonical_url, added, updated,"
	    " word_count, block_count FROM articles WHERE id <> ?1 AND id IN"
	    " (SELECT l.article_id FROM links l WHERE l.url_key IN"
	    "  (SELECT identity FROM articles WHERE id = ?1"
	    "   UNION SELECT canonical_key FROM articles WHERE id = ?1"
	    "   UNION SELECT url_key FROM articles WHERE id = ?1"
	    "   UNION SELECT key FROM url_aliases WHERE article_id = ?1))"
	    " ORDER BY id",
	/* bm25 is negative, lower is better: a heading's score counts twice,
	 * a title match three times, and an article ranks by its best block
	 * plus its title. */
	[ST_INDEX_ARTICLE] =
	    "INSERT INTO articles_fts (rowid, title, headings, body)"
	    " SELECT id, title, headings, body FROM article_text WHERE id = ?1",
	[ST_UNINDEX_ARTICLE] =
	    "INSERT INTO articles_fts (articles_fts, rowid, title, headings, body)"
	    " SELECT 'delete', id, title, headings, body FROM article_text WHERE id = ?1",
	/* bm25 is negative, lower is better; a title counts four times, a
	 * heading twice, body text once. quire_bm25 (rank.c) is bm25 for the
	 * best ?2 rows, which it told to skip the others' length lookups. */
	[ST_SEARCH_TEXT] =
	    "SELECT rowid, NULL, quire_bm25(articles_fts, ?2, 4.0, 2.0, 1.0) AS score"
	    " FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY score, rowid LIMIT ?2",
	/* The passage itself counts most; who said it and where, less. Only
	 * the best ?2 meet their quotes row (quotes.id is the index's rowid). */
	[ST_SEARCH_QUOTES] =
	    "SELECT q.article_id, q.idx, r.score FROM"
	    " (SELECT rowid AS id, quire_bm25(quotes_fts, ?2, 1.0, 0.5, 0.3, 0.3, 0.0, 0.0) AS score"
	    "  FROM quotes_fts WHERE quotes_fts MATCH ?1 ORDER BY score, rowid LIMIT ?2) r"
	    " JOIN quotes q ON q.id = r.id ORDER BY r.score, r.id",
	[ST_HIT_ARTICLE] = "SELECT title, site_name FROM articles WHERE id = ?1",
	[ST_HIT_HEADING] =
	    "SELECT text FROM blocks WHERE article_id = ?1 AND idx <= ?2 AND kind = 'heading'"
	    " ORDER BY idx DESC LIMIT 1",
	[ST_HIT_BLOCKS] =
	    "SELECT text, kind = 'heading' FROM blocks WHERE article_id = ?1 AND idx BETWEEN ?2 AND ?3"
	    " ORDER BY idx",
	[ST_HIT_QUOTE] =
	    "SELECT text, first_block, last_block, author, publication, title, year, cite_url,"
	    " cite_raw FROM quotes WHERE article_id = ?1 AND idx = ?2",
	[ST_LIST_QUOTES] =
	    "SELECT q.article_id, a.title, q.idx, q.kind, q.text, q.author, q.publication, q.title,"
	    " q.year, q.cite_url, q.first_block, q.last_block, q.cite_raw FROM quotes q"
	    " JOIN articles a ON a.id = q.article_id"
	    " WHERE ?1 = 0 OR q.article_id = ?1 ORDER BY q.article_id, q.idx",
};


/* Set *errp to what SQLite says went wrong, prefixed by what we were doing;
 * an I/O error names the system's reason ("File too large" when a file size
 * limit is reached, for one), which "disk I/O error" alone does not. */
int
store_db_error(struct store *st, char **errp, const char *what)
{
	int os = sqlite3_system_errno(st->db);
	if ((sqlite3_errcode(st->db) & 0xff) == SQLITE_IOERR && os != 0)
		return set_error(errp, "%s: %s (%s)", what, sqlite3_errmsg(st->db), strerror(os));
	return set_error(errp, "%s: %s", what, sqlite3_errmsg(st->db));
}

/* Return statement id, prepared and reset with no bindings, or NULL with
 * *errp set. */
sqlite3_stmt *
store_stmt(struct store *st, enum stmt id, char **errp)
{
	sqlite3_stmt *s = st->stmts[id];
	if (s == NULL) {
		if (sqlite3_prepare_v3(st->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &s,
		    NULL) != SQLITE_OK) {
			store_db_error(st, errp, "library");
			return NULL;
		}
		st->stmts[id] = s;
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return s;
}

/* Run a statement that returns no rows, then reset it. Returns 0 or -1. */
static int
step_done(struct store *st, sqlite3_stmt *s, char **errp)
{
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return store_db_error(st, errp, "library");
	return 0;
}

/* Begin, commit or roll back with a cached statement. */
static int
transaction(struct store *st, enum stmt id, char **errp)
{
	sqlite3_stmt *s = store_stmt(st, id, errp);
	return s != NULL ? step_done(st, s, errp) : -1;
}

/* Run statement id with one integer parameter and no result rows. */
static int
exec_id(struct store *st, enum stmt id, long long arg, char **errp)
{
	sqlite3_stmt *s = store_stmt(st, id, errp);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, arg);
	return step_done(st, s, errp);
}

/* Bind a C string or NULL; the string must outlive the step. */
void
store_bind_text(sqlite3_stmt *s, int i, const char *text)
{
	sqlite3_bind_text(s, i, text, -1, SQLITE_STATIC);
}

/* Return column i as a C string, or NULL when it is NULL. */
const char *
store_column_text(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

/* Return url's identity key (url.h), newly allocated, or NULL when url is
 * NULL or its key is empty. */
static char *
key_of(const char *url)
{
	char *key = url_key(url);
	if (key != NULL && key[0] == '\0') {
		free(key);
		key = NULL;
	}
	return key;
}

/* SQL quire_url_key(url): key_of as a function, for the migration. */
static void
sql_url_key(sqlite3_context *c, int argc, sqlite3_value **argv)
{
	(void)argc;
	char *key = key_of((const char *)sqlite3_value_text(argv[0]));
	if (key == NULL)
		sqlite3_result_null(c);
	else
		sqlite3_result_text(c, key, -1, free);
}

/* Set *errp for a failure to open the library, with the OS's reason when
 * SQLite could not open the file ("unable to open database file" alone says
 * little). */
static int
open_error(struct store *st, char **errp)
{
	int os = sqlite3_system_errno(st->db);
	if ((sqlite3_errcode(st->db) & 0xff) == SQLITE_CANTOPEN && os != 0)
		return set_error(errp, "cannot open library %s: %s", st->path, strerror(os));
	return set_error(errp, "%s: %s", st->path, sqlite3_errmsg(st->db));
}

/* Read PRAGMA user_version into *version. */
static int
user_version(struct store *st, int *version, char **errp)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL) != SQLITE_OK)
		return open_error(st, errp);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*version = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return open_error(st, errp);
	return 0;
}

/* Execute SQL text with no parameters (pragmas, schema, transactions). */
static int
exec_sql(struct store *st, const char *sql, char **errp)
{
	char *msg = NULL;
	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		set_error(errp, "%s: %s", st->path, msg ? msg : sqlite3_errmsg(st->db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

/* Bring the schema up to STORE_SCHEMA_VERSION in one transaction. */
static int
migrate(struct store *st, char **errp)
{
	if (exec_sql(st, "BEGIN IMMEDIATE", errp) < 0)
		return -1;
	int version;
	/* Read again under the write lock: another quire may have migrated. */
	if (user_version(st, &version, errp) < 0)
		goto fail;
	if (version > STORE_SCHEMA_VERSION) {
		set_error(errp, "%s: library has schema version %d; this quire knows up to %d",
		    st->path, version, STORE_SCHEMA_VERSION);
		goto fail;
	}
	for (int v = version; v < STORE_SCHEMA_VERSION; v++)
		if (exec_sql(st, schema_migrations[v], errp) < 0)
			goto fail;
	if (version < STORE_SCHEMA_VERSION) {
		char pragma[64];
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", STORE_SCHEMA_VERSION);
		if (exec_sql(st, pragma, errp) < 0)
			goto fail;
	}
	if (exec_sql(st, "COMMIT", errp) < 0)
		goto fail;
	return 0;
fail:
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* A single integer from a pragma, or -1. */
static long long
pragma_int(struct store *st, const char *sql)
{
	sqlite3_stmt *s;
	long long v = -1;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* A migration that drops tables (schema 5 dropped two old search indexes)
 * leaves their pages free inside the file: when they are more than a
 * quarter of it, give them back once with VACUUM. Not needed for anything
 * to work, so a failure (another quire reading, no room for the copy) is
 * leaves the file as it is, never reported. */
static void
compact_after_migration(struct store *st)
{
	long long pages = pragma_int(st, "PRAGMA page_count");
	long long free_pages = pragma_int(st, "PRAGMA freelist_count");
	if (pages > 0 && free_pages > 0 && free_pages * 4 > pages)
		sqlite3_exec(st->db, "VACUUM", NULL, NULL, NULL);
}

/* access(W_OK | X_OK) of the folder path's file is in: 0, or -1 with errno. */
static int
folder_access(const char *path)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (slash == dir)
		slash[1] = '\0';
	else if (slash != NULL)
		*slash = '\0';
	int ok = access(slash != NULL ? dir : ".", W_OK | X_OK);
	int saved = errno;
	free(dir);
	errno = saved;
	return ok;
}

/* Refuse early, with the OS's reason, a new library in a directory we cannot
 * write: SQLite would only say "unable to open database file". */
static int
check_creatable(const char *path, char **errp)
{
	struct stat sb;
	if (stat(path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode))
			return set_error(errp, "%s: is a directory", path);
		return 0;
	}
	if (errno != ENOENT)
		return set_error(errp, "%s: %s", path, strerror(errno));
	if (paths_make_parents(path, errp) < 0)
		return -1;
	if (folder_access(path) < 0)
		return set_error(errp, "cannot create library %s: %s", path, strerror(errno));
	return 0;
}

/* Whether an existing library at path is one we may only read: the file,
 * or the folder its WAL files live in, is not writable by us. */
static bool
read_only_library(const char *path)
{
	if (access(path, F_OK) < 0)
		return false;
	if (access(path, W_OK) < 0)
		return true;
	return folder_access(path) < 0;
}

/* Open path read-only. A WAL library in a folder we cannot write can only be
 * read as "immutable" (SQLite cannot make its -shm file there): then the
 * file is taken as it is, which is all a reader who cannot write it needs. */
static int
open_read_only(struct store *st, char **errp)
{
	if (sqlite3_open_v2(st->path, &st->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		if (st->db == NULL)
			fatal("sqlite3_open_v2: out of memory");
		return open_error(st, errp);
	}
	int version;
	char *err = NULL;
	if (user_version(st, &version, &err) == 0)
		return 0;
	free(err);
	sqlite3_close(st->db);
	st->db = NULL;
	/* file: URI, with the characters URIs reserve escaped. */
	struct buf uri = {0};
	buf_puts(&uri, "file:");
	for (const char *c = st->path; *c != '\0'; c++) {
		if (*c == '%' || *c == '?' || *c == '#' || (unsigned char)*c < 0x20)
			buf_printf(&uri, "%%%02X", (unsigned char)*c);
		else
			buf_putc(&uri, *c);
	}
	buf_puts(&uri, "?immutable=1");
	int rc = sqlite3_open_v2(buf_str(&uri), &st->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
	    NULL);
	buf_free(&uri);
	if (rc != SQLITE_OK) {
		if (st->db == NULL)
			fatal("sqlite3_open_v2: out of memory");
		return open_error(st, errp);
	}
	return 0;
}

struct store *
store_open(const char *path, char **errp)
{
	if (path == NULL || path[0] == '\0') {
		set_error(errp, "no library path");
		return NULL;
	}
	struct store *st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	st->readonly = read_only_library(path);
	if (st->readonly) {
		if (open_read_only(st, errp) < 0)
			goto fail;
	} else {
		if (check_creatable(path, errp) < 0)
			goto fail;
		if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
		    != SQLITE_OK) {
			if (st->db == NULL)
				fatal("sqlite3_open_v2: out of memory");
			open_error(st, errp);
			goto fail;
		}
	}
	/* Wait for another quire's write rather than fail with "database is
	 * locked": storing one very large article (a 50 MB page has some
	 * 230,000 blocks) holds the write lock for several seconds. */
	sqlite3_busy_timeout(st->db, STORE_BUSY_TIMEOUT_MS);
	if (sqlite3_create_function_v2(st->db, "quire_url_key", 1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL, sql_url_key, NULL, NULL,
	    NULL) != SQLITE_OK) {
		open_error(st, errp);
		goto fail;
	}
	if (rank_register(st->db, errp) < 0)
		goto fail;
	int version;
	/* Check the version before anything writes: a newer library stays as it is. */
	if (user_version(st, &version, errp) < 0)
		goto fail;
	if (version > STORE_SCHEMA_VERSION) {
		set_error(errp, "%s: library has schema version %d; this quire knows up to %d",
		    path, version, STORE_SCHEMA_VERSION);
		goto fail;
	}
	/* WAL lets a reader and an importer work at once; NORMAL sync is
	 * durable enough in WAL mode and keeps one import from costing a fsync.
	 * Every commit rewrites the b-tree and index pages it touches, so a
	 * long import appends the same pages to the WAL many times: checkpoint
	 * every 8,000 pages (32 MB at 4 KB) rather than SQLite's 1,000, which
	 * copies each such page back once instead of every few articles and
	 * halves the checkpoints' fsyncs. */
	if (st->readonly) {
		/* Read what is there; change nothing, not even the journal mode. */
		if (version < STORE_SCHEMA_VERSION) {
			set_error(errp, "%s: library is read-only and needs upgrading from schema "
			    "version %d to %d: open it once with write access", path, version,
			    STORE_SCHEMA_VERSION);
			goto fail;
		}
		sqlite3_exec(st->db, "PRAGMA mmap_size = 1073741824;", NULL, NULL, NULL);
		return st;
	}
	if (exec_sql(st, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
	    " PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = 8000;", errp) < 0)
		goto fail;
	/* Searching reads large parts of the FTS indexes: map the file rather
	 * than copy each page through read() into a small cache (a search for
	 * a common word spent a quarter of its time there). */
	sqlite3_exec(st->db, "PRAGMA mmap_size = 1073741824;", NULL, NULL, NULL);
	if (version < STORE_SCHEMA_VERSION) {
		if (migrate(st, errp) < 0)
			goto fail;
		compact_after_migration(st);
	}
	return st;
fail:
	store_close(st);
	return NULL;
}

bool
store_readonly(const struct store *st)
{
	return st->readonly;
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	for (int i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(st->stmts[i]);
	sqlite3_close(st->db);
	free(st->path);
	free(st);
}

/* Return the article's identity, newly allocated. Only a page without URLs
 * is named by its hash (hashing every page would cost a tenth of an
 * import); then hash gets the hex SHA-256, else it is set to "". */
static char *
identity(const struct article *a, const char *raw, size_t rawlen, char hash[65])
{
	hash[0] = '\0';
	char *key = key_of(a->canonical_url);
	if (key == NULL)
		key = key_of(a->url);
	if (key == NULL) {
		sha256_hex(raw != NULL ? raw : "", raw != NULL ? rawlen : 0, hash);
		key = xasprintf("sha256:%s", hash);
	}
	return key;
}

/* Encode a block's spans as "start,end,style,link;" each, or NULL if none. */
static char *
spans_encode(const struct block *b)
{
	if (b->nspans == 0)
		return NULL;
	struct buf out = {0};
	for (size_t i = 0; i < b->nspans; i++) {
		const struct span *sp = &b->spans[i];
		buf_printf(&out, "%zu,%zu,%d,%d;", sp->start, sp->end, sp->style, sp->link);
	}
	return buf_detach(&out);
}

/* Parse one non-negative (or -1 when allow_minus) decimal from *p up to sep. */
static int
parse_field(const char **p, char sep, bool allow_minus, long long *out)
{
	char *end;
	errno = 0;
	long long v = strtoll(*p, &end, 10);
	if (end == *p || *end != sep || errno != 0 || v < (allow_minus ? -1 : 0) || v > INT_MAX)
		return -1;
	*out = v;
	*p = end + 1;
	return 0;
}

/* Decode spans into block i of a, checking them against its text and the
 * article's link count. Returns 0, or -1 when the encoding is damaged. */
static int
spans_decode(struct article *a, size_t i, const char *enc)
{
	size_t len = strlen(a->blocks[i].text);
	const char *p = enc;
	while (*p != '\0') {
		long long start, end, style, link;
		if (parse_field(&p, ',', false, &start) < 0 || parse_field(&p, ',', false, &end) < 0 ||
		    parse_field(&p, ',', false, &style) < 0 || parse_field(&p, ';', true, &link) < 0)
			return -1;
		if (start > end || (size_t)end > len || link >= (long long)a->nlinks)
			return -1;
		article_add_span(a, i, (size_t)start, (size_t)end, (int)style, (int)link);
	}
	return 0;
}

/* Bind the article columns shared by insert and update (?2..?13). */
static void
bind_article(sqlite3_stmt *s, const struct article *a, const char *hash)
{
	store_bind_text(s, 2, a->url);
	store_bind_text(s, 3, a->canonical_url);
	store_bind_text(s, 4, a->title);
	store_bind_text(s, 5, a->author);
	store_bind_text(s, 6, a->published);
	store_bind_text(s, 7, a->modified);
	store_bind_text(s, 8, a->site_name);
	store_bind_text(s, 9, a->language);
	store_bind_text(s, 10, a->description);
	sqlite3_bind_int64(s, 11, (long long)article_word_count(a));
	sqlite3_bind_int64(s, 12, (long long)a->nblocks);
	store_bind_text(s, 13, hash[0] != '\0' ? hash : NULL);
	sqlite3_bind_text(s, 15, key_of(a->url), -1, free);
	sqlite3_bind_text(s, 16, key_of(a->canonical_url), -1, free);
}

/* Insert the blocks, links, quotes and tags of a as article id's children. */
static int
put_children(struct store *st, long long id, const struct article *a, char **errp)
{
	sqlite3_stmt *s;
	for (size_t i = 0; i < a->nblocks; i++) {
		const struct block *b = &a->blocks[i];
		if ((s = store_stmt(st, ST_INSERT_BLOCK, errp)) == NULL)
			return -1;
		char *spans = spans_encode(b);
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, (long long)i);
		store_bind_text(s, 3, block_kind_name(b->kind));
		sqlite3_bind_int(s, 4, b->level);
		sqlite3_bind_int(s, 5, b->quote);
		sqlite3_bind_int(s, 6, b->ordered);
		sqlite3_bind_int(s, 7, b->number);
		store_bind_text(s, 8, b->text);
		store_bind_text(s, 9, b->src);
		store_bind_text(s, 10, spans);
		int rc = step_done(st, s, errp);
		free(spans);
		if (rc < 0)
			return -1;
	}
	for (size_t i = 0; i < a->nlinks; i++) {
		const struct link *l = &a->links[i];
		if ((s = store_stmt(st, ST_INSERT_LINK, errp)) == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, (long long)i);
		store_bind_text(s, 3, l->url);
		store_bind_text(s, 4, l->text);
		sqlite3_bind_int64(s, 5, (long long)l->block);
		if (l->heading >= 0)
			sqlite3_bind_int(s, 6, l->heading);
		sqlite3_bind_text(s, 7, key_of(l->url), -1, free);
		if (step_done(st, s, errp) < 0)
			return -1;
	}
	for (size_t i = 0; i < a->nquotes; i++) {
		const struct quote *q = &a->quotes[i];
		if ((s = store_stmt(st, ST_INSERT_QUOTE, errp)) == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, (long long)i);
		store_bind_text(s, 3, quote_kind_name(q->kind));
		store_bind_text(s, 4, q->text);
		sqlite3_bind_int64(s, 5, (long long)q->first_block);
		sqlite3_bind_int64(s, 6, (long long)q->last_block);
		store_bind_text(s, 7, q->author);
		store_bind_text(s, 8, q->publication);
		store_bind_text(s, 9, q->title);
		if (q->year != 0)
			sqlite3_bind_int(s, 10, q->year);
		store_bind_text(s, 11, q->cite_url);
		store_bind_text(s, 12, q->cite_raw);
		if (step_done(st, s, errp) < 0)
			return -1;
	}
	for (size_t i = 0; i < a->nanchors; i++) {
		if ((s = store_stmt(st, ST_INSERT_ANCHOR, errp)) == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, id);
		store_bind_text(s, 2, a->anchors[i].name);
		sqlite3_bind_int64(s, 3, (long long)a->anchors[i].block);
		if (step_done(st, s, errp) < 0)
			return -1;
	}
	for (size_t i = 0; i < a->ntags; i++) {
		if ((s = store_stmt(st, ST_INSERT_TAG, errp)) == NULL)
			return -1;
		store_bind_text(s, 1, a->tags[i]);
		if (step_done(st, s, errp) < 0)
			return -1;
		if ((s = store_stmt(st, ST_FIND_TAG, errp)) == NULL)
			return -1;
		store_bind_text(s, 1, a->tags[i]);
		if (sqlite3_step(s) != SQLITE_ROW) {
			store_db_error(st, errp, "library");
			sqlite3_reset(s);
			return -1;
		}
		long long tag = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
		if ((s = store_stmt(st, ST_INSERT_ARTICLE_TAG, errp)) == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, (long long)i);
		sqlite3_bind_int64(s, 3, tag);
		if (step_done(st, s, errp) < 0)
			return -1;
	}
	if (exec_id(st, ST_INDEX_QUOTES, id, errp) < 0 || exec_id(st, ST_INDEX_ARTICLE, id, errp) < 0)
		return -1;
	return 0;
}

/* Look up the article a with identity key names: 1 with *idp set, 0 if
 * absent, -1 on error. */
static int
find_identity(struct store *st, const struct article *a, const char *key, long long *idp,
    char **errp)
{
	sqlite3_stmt *s = store_stmt(st, ST_FIND_IDENTITY, errp);
	if (s == NULL)
		return -1;
	store_bind_text(s, 1, key);
	sqlite3_bind_text(s, 2, key_of(a->url), -1, free);
	sqlite3_bind_int(s, 3, a->canonical_url == NULL || a->canonical_url[0] == '\0');
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*idp = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_db_error(st, errp, "library");
	return rc == SQLITE_ROW;
}

/* Record that url (when its key is not empty) names article id. */
static int
put_alias(struct store *st, long long id, const char *url, char **errp)
{
	char *key = key_of(url);
	if (key == NULL)
		return 0;
	sqlite3_stmt *s = store_stmt(st, ST_PUT_ALIAS, errp);
	if (s == NULL) {
		free(key);
		return -1;
	}
	sqlite3_bind_text(s, 1, key, -1, free);
	sqlite3_bind_int64(s, 2, id);
	return step_done(st, s, errp);
}

int
store_article_put(struct store *st, const struct article *a, const char *raw, size_t rawlen,
    const char *charset, long long *idp, bool *createdp, char **errp)
{
	return store_article_put_from(st, a, raw, rawlen, charset, NULL, idp, createdp, errp);
}

int
store_article_put_from(struct store *st, const struct article *a, const char *raw, size_t rawlen,
    const char *charset, const char *requested, long long *idp, bool *createdp, char **errp)
{
	char hash[65];
	char *key = identity(a, raw, rawlen, hash);
	long long id = 0;
	bool created = false;
	sqlite3_stmt *s;
	if (transaction(st, ST_BEGIN, errp) < 0) {
		free(key);
		return -1;
	}
	/* An article known by its source URL before its page named a
	 * canonical one is the same article, which now takes the better
	 * identity. */
	int found = find_identity(st, a, key, &id, errp);
	if (found < 0)
		goto fail;
	if (found) {
		/* Out of the article index while its old text is still there. */
		if (exec_id(st, ST_UNINDEX_ARTICLE, id, errp) < 0)
			goto fail;
		if ((s = store_stmt(st, ST_UPDATE_ARTICLE, errp)) == NULL)
			goto fail;
		sqlite3_bind_int64(s, 1, id);
		bind_article(s, a, hash);
		store_bind_text(s, 14, key);
		if (step_done(st, s, errp) < 0)
			goto fail;
		if (exec_id(st, ST_DELETE_BLOCKS, id, errp) < 0 ||
		    exec_id(st, ST_DELETE_LINKS, id, errp) < 0 ||
		    exec_id(st, ST_DELETE_QUOTES, id, errp) < 0 ||
		    exec_id(st, ST_DELETE_ANCHORS, id, errp) < 0 ||
		    exec_id(st, ST_DELETE_ARTICLE_TAGS, id, errp) < 0)
			goto fail;
	} else {
		if ((s = store_stmt(st, ST_INSERT_ARTICLE, errp)) == NULL)
			goto fail;
		store_bind_text(s, 1, key);
		bind_article(s, a, hash);
		if (step_done(st, s, errp) < 0)
			goto fail;
		id = sqlite3_last_insert_rowid(st->db);
		created = true;
	}
	if ((s = store_stmt(st, ST_PUT_PAGE, errp)) == NULL)
		goto fail;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_blob64(s, 2, raw != NULL ? raw : "", raw != NULL ? rawlen : 0, SQLITE_STATIC);
	store_bind_text(s, 3, charset);
	store_bind_text(s, 4, a->url);
	if (step_done(st, s, errp) < 0)
		goto fail;
	if (put_children(st, id, a, errp) < 0)
		goto fail;
	if (requested != NULL && put_alias(st, id, requested, errp) < 0)
		goto fail;
	if (!created) {
		for (enum stmt c = ST_CLAMP_BOOKMARKS; c <= ST_CLAMP_POSITION; c++) {
			if ((s = store_stmt(st, c, errp)) == NULL)
				goto fail;
			sqlite3_bind_int64(s, 1, id);
			sqlite3_bind_int64(s, 2, (long long)a->nblocks);
			if (step_done(st, s, errp) < 0)
				goto fail;
		}
		if ((s = store_stmt(st, ST_DELETE_ORPHAN_TAGS, errp)) == NULL || step_done(st, s, errp) < 0)
			goto fail;
	}
	if (transaction(st, ST_COMMIT, errp) < 0)
		goto fail;
	free(key);
	if (idp != NULL)
		*idp = id;
	if (createdp != NULL)
		*createdp = created;
	return 0;
fail:
	transaction(st, ST_ROLLBACK, NULL);
	free(key);
	return -1;
}

/* Fail a read of article id whose stored rows do not make a valid article. */
static int
corrupt(long long id, const char *what, char **errp)
{
	return set_error(errp, "library is damaged: article %lld has a bad %s", id, what);
}

/* Step s, whose rows are article summaries (id, title, author, site_name,
 * published, url, canonical_url, added, updated, word_count, block_count),
 * calling fn on each until it returns non-zero; returns that value, 0, or -1
 * with *errp set. */
static int
each_summary(struct store *st, sqlite3_stmt *s,
    int (*fn)(const struct store_summary *s, void *ctx), void *ctx, char **errp)
{
	int rc, ret = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_summary sum = {
			.id = sqlite3_column_int64(s, 0),
			.title = store_column_text(s, 1),
			.author = store_column_text(s, 2),
			.site_name = store_column_text(s, 3),
			.published = store_column_text(s, 4),
			.url = store_column_text(s, 5),
			.canonical_url = store_column_text(s, 6),
			.added = store_column_text(s, 7),
			.updated = store_column_text(s, 8),
			.word_count = sqlite3_column_int64(s, 9),
			.nblocks = sqlite3_column_int64(s, 10),
		};
		if ((ret = fn(&sum, ctx)) != 0)
			break;
	}
	sqlite3_reset(s);
	if (ret == 0 && rc != SQLITE_DONE)
		return store_db_error(st, errp, "library");
	return ret;
}

/* Load links, blocks (with spans), quotes and tags of article id into a. */
static int
get_children(struct store *st, long long id, struct article *a, char **errp)
{
	sqlite3_stmt *s;
	int rc;
	/* Links first, so spans can be checked against the link count. */
	if ((s = store_stmt(st, ST_GET_LINKS, errp)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		long long block = sqlite3_column_int64(s, 2);
		int heading = sqlite3_column_type(s, 3) == SQLITE_NULL ? -1 : sqlite3_column_int(s, 3);
		article_add_link(a, store_column_text(s, 0), store_column_text(s, 1), block < 0 ? 0 : (size_t)block,
		    heading);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_db_error(st, errp, "library");

	if ((s = store_stmt(st, ST_GET_BLOCKS, errp)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int kind = block_kind_parse(store_column_text(s, 0));
		if (kind < 0) {
			sqlite3_reset(s);
			return corrupt(id, "block kind", errp);
		}
		size_t i = article_add_block(a, (block_kind)kind, sqlite3_column_int(s, 1),
		    sqlite3_column_int(s, 2), store_column_text(s, 5));
		struct block *b = &a->blocks[i];
		b->ordered = sqlite3_column_int(s, 3) != 0;
		b->number = sqlite3_column_int(s, 4);
		b->src = xstrdup(store_column_text(s, 6));
		const char *spans = store_column_text(s, 7);
		if (spans != NULL && spans_decode(a, i, spans) < 0) {
			sqlite3_reset(s);
			return corrupt(id, "span", errp);
		}
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_db_error(st, errp, "library");
	for (size_t i = 0; i < a->nlinks; i++)
		if (a->links[i].block >= a->nblocks || a->links[i].heading >= (int)a->nblocks)
			return corrupt(id, "link", errp);

	if ((s = store_stmt(st, ST_GET_QUOTES, errp)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int kind = quote_kind_parse(store_column_text(s, 0));
		long long first = sqlite3_column_int64(s, 2), last = sqlite3_column_int64(s, 3);
		if (kind < 0 || first < 0 || last < first) {
			sqlite3_reset(s);
			return corrupt(id, "quote", errp);
		}
		struct quote *q = article_add_quote(a, (quote_kind)kind, store_column_text(s, 1),
		    (size_t)first, (size_t)last);
		q->author = xstrdup(store_column_text(s, 4));
		q->publication = xstrdup(store_column_text(s, 5));
		q->title = xstrdup(store_column_text(s, 6));
		q->year = sqlite3_column_int(s, 7);
		q->cite_url = xstrdup(store_column_text(s, 8));
		q->cite_raw = xstrdup(store_column_text(s, 9));
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_db_error(st, errp, "library");

	if ((s = store_stmt(st, ST_GET_ANCHORS, errp)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		long long block = sqlite3_column_int64(s, 1);
		if (block < 0 || (size_t)block >= a->nblocks) {
			sqlite3_reset(s);
			return corrupt(id, "anchor", errp);
		}
		article_add_anchor(a, store_column_text(s, 0), (size_t)block);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_db_error(st, errp, "library");

	if ((s = store_stmt(st, ST_GET_TAGS, errp)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		article_add_tag(a, store_column_text(s, 0));
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_db_error(st, errp, "library");
	return 0;
}

struct article *
store_article_get(struct store *st, long long id, char **errp)
{
	sqlite3_stmt *s = store_stmt(st, ST_GET_ARTICLE, errp);
	if (s == NULL)
		return NULL;
	/* One read transaction, so the article and its children agree. */
	if (exec_sql(st, "BEGIN", errp) < 0)
		return NULL;
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		if (rc == SQLITE_DONE)
			set_error(errp, "no article %lld", id);
		else
			store_db_error(st, errp, "library");
		sqlite3_reset(s);
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return NULL;
	}
	struct article *a = article_create();
	char **fields[] = {
		&a->title, &a->author, &a->published, &a->modified, &a->site_name, &a->url,
		&a->canonical_url, &a->language, &a->description,
	};
	for (int i = 0; i < (int)(sizeof fields / sizeof fields[0]); i++)
		*fields[i] = xstrdup(store_column_text(s, i));
	sqlite3_reset(s);
	if (get_children(st, id, a, errp) < 0) {
		article_free(a);
		a = NULL;
	}
	sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	return a;
}

int
store_article_delete(struct store *st, long long id, char **errp)
{
	/* Children go by ON DELETE CASCADE, their index rows by trigger. */
	if (exec_sql(st, "BEGIN IMMEDIATE", errp) < 0)
		return -1;
	if (exec_id(st, ST_UNINDEX_ARTICLE, id, errp) < 0 ||
	    exec_id(st, ST_DELETE_ARTICLE, id, errp) < 0)
		goto fail;
	if (sqlite3_changes(st->db) == 0) {
		set_error(errp, "no article %lld", id);
		goto fail;
	}
	sqlite3_stmt *s = store_stmt(st, ST_DELETE_ORPHAN_TAGS, errp);
	if (s == NULL || step_done(st, s, errp) < 0)
		goto fail;
	if (exec_sql(st, "COMMIT", errp) < 0)
		goto fail;
	return 0;
fail:
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

int
store_article_list(struct store *st, int (*fn)(const struct store_summary *s, void *ctx),
    void *ctx, char **errp)
{
	sqlite3_stmt *s = store_stmt(st, ST_LIST, errp);
	if (s == NULL)
		return -1;
	return each_summary(st, s, fn, ctx, errp);
}

int
store_find_by_url(struct store *st, const char *url, long long *idp, char **errp)
{
	char *key = key_of(url);
	if (key == NULL)
		return 0;
	sqlite3_stmt *s = store_stmt(st, ST_FIND_URL, errp);
	if (s == NULL) {
		free(key);
		return -1;
	}
	store_bind_text(s, 1, key);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*idp = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	free(key);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_db_error(st, errp, "library");
	return rc == SQLITE_ROW;
}

/* Whether article id exists. */
int
store_article_exists(struct store *st, long long id, char **errp)
{
	sqlite3_stmt *s = store_stmt(st, ST_ARTICLE_EXISTS, errp);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_db_error(st, errp, "library");
	return rc == SQLITE_ROW;
}

/* Fail with "no article N" unless article id exists. */
static int
need_article(struct store *st, long long id, char **errp)
{
	int rc = store_article_exists(st, id, errp);
	if (rc == 0)
		return set_error(errp, "no article %lld", id);
	return rc < 0 ? -1 : 0;
}

int
store_links_get(struct store *st, long long id, struct store_link **out, size_t *n,
    char **errp)
{
	*out = NULL;
	*n = 0;
	if (need_article(st, id, errp) < 0)
		return -1;
	sqlite3_stmt *s = store_stmt(st, ST_LINKS, errp);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		struct store_link *l = &(*out)[(*n)++];
		l->idx = (size_t)sqlite3_column_int64(s, 0);
		l->url = xstrdup(store_column_text(s, 1));
		l->text = xstrdup(store_column_text(s, 2));
		l->block = (size_t)sqlite3_column_int64(s, 3);
		l->heading = sqlite3_column_type(s, 4) == SQLITE_NULL ? -1 : sqlite3_column_int(s, 4);
		l->heading_text = xstrdup(store_column_text(s, 5));
		l->target = sqlite3_column_int64(s, 6);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_links_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_db_error(st, errp, "library");
	}
	return 0;
}

void
store_links_free(struct store_link *l, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(l[i].url);
		free(l[i].text);
		free(l[i].heading_text);
	}
	free(l);
}

int
store_citing_list(struct store *st, long long id,
    int (*fn)(const struct store_summary *s, void *ctx), void *ctx, char **errp)
{
	if (need_article(st, id, errp) < 0)
		return -1;
	sqlite3_stmt *s = store_stmt(st, ST_CITING, errp);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	return each_summary(st, s, fn, ctx, errp);
}

int
store_page_get(struct store *st, long long id, char **data, size_t *len, char **charset,
    char **url, char **errp)
{
	sqlite3_stmt *s = store_stmt(st, ST_GET_PAGE, errp);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(s);
		if (rc == SQLITE_DONE)
			return set_error(errp, "no article %lld", id);
		return store_db_error(st, errp, "library");
	}
	size_t n = (size_t)sqlite3_column_bytes(s, 0);
	const void *bytes = sqlite3_column_blob(s, 0);
	*data = xmalloc(n + 1);
	if (n > 0)
		memcpy(*data, bytes, n);
	(*data)[n] = '\0';
	*len = n;
	*charset = xstrdup(store_column_text(s, 1));
	*url = xstrdup(store_column_text(s, 2));
	sqlite3_reset(s);
	return 0;
}

int
store_bookmark_add(struct store *st, long long id, const char *name, size_t block,
    size_t offset, long long *bookmark_id, char **errp)
{
	sqlite3_stmt *s = store_stmt(st, ST_ADD_BOOKMARK, errp);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	store_bind_text(s, 2, name);
	sqlite3_bind_int64(s, 3, (long long)block);
	sqlite3_bind_int64(s, 4, (long long)offset);
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc == SQLITE_CONSTRAINT)
		return set_error(errp, "no article %lld", id);
	if (rc != SQLITE_DONE)
		return store_db_error(st, errp, "library");
	if (bookmark_id != NULL)
		*bookmark_id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

int
store_bookmarks_get(struct store *st, long long id, struct store_bookmark **out, size_t *n,
    char **errp)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = store_stmt(st, ST_GET_BOOKMARKS, errp);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		struct store_bookmark *b = &(*out)[(*n)++];
		b->id = sqlite3_column_int64(s, 0);
		b->name = xstrdup(store_column_text(s, 1));
		b->block = (size_t)sqlite3_column_int64(s, 2);
		b->offset = (size_t)sqlite3_column_int64(s, 3);
		b->created = xstrdup(store_column_text(s, 4));
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_bookmarks_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_db_error(st, errp, "library");
	}
	return 0;
}

void
store_bookmarks_free(struct store_bookmark *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(b[i].name);
		free(b[i].created);
	}
	free(b);
}

int
store_position_set(struct store *st, long long id, size_t block, size_t offset, char **errp)
{
	sqlite3_stmt *s = store_stmt(st, ST_SET_POSITION, errp);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, (long long)block);
	sqlite3_bind_int64(s, 3, (long long)offset);
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc == SQLITE_CONSTRAINT)
		return set_error(errp, "no article %lld", id);
	if (rc != SQLITE_DONE)
		return store_db_error(st, errp, "library");
	return 0;
}

int
store_position_get(struct store *st, long long id, size_t *block, size_t *offset, char **errp)
{
	sqlite3_stmt *s = store_stmt(st, ST_GET_POSITION, errp);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*block = (size_t)sqlite3_column_int64(s, 0);
		*offset = (size_t)sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_db_error(st, errp, "library");
	return rc == SQLITE_ROW;
}

int
store_progress_set(struct store *st, long long id, int percent, char **errp)
{
	sqlite3_stmt *s = store_stmt(st, ST_SET_PROGRESS, errp);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, percent < 0 ? 0 : percent > 100 ? 100 : percent);
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_db_error(st, errp, "library");
}

int
store_progress_get(struct store *st, long long id, int *percent, char **errp)
{
	sqlite3_stmt *s = store_stmt(st, ST_GET_PROGRESS, errp);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*percent = sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_db_error(st, errp, "library");
	return rc == SQLITE_ROW;
}
