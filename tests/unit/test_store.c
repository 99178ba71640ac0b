/* test_store.c — the library store with articles built by hand: round trips
 * of every field, re-import in place, cascading deletes, FTS rows following
 * the content, refused schema versions and unusable paths. A second sqlite3
 * connection looks under the store's API where the API has no query. */
#include <errno.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../src/store/sha256.h"
#include "article.h"
#include "store.h"
#include "test.h"
#include "test_sql.h"
#include "util.h"

static char tmpdir[] = "/tmp/quire-test-store-XXXXXX";

/* Return the library's journal mode (static buffer). */
static const char *
query_text_journal(const char *path)
{
	static char mode[16];
	sqlite3 *db;
	sqlite3_stmt *s;
	mode[0] = '\0';
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			snprintf(mode, sizeof mode, "%s", (const char *)sqlite3_column_text(s, 0));
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	return mode;
}

/* Count the articles articles_fts finds for term (an FTS5 expression,
 * column filters allowed), only article id unless id is 0. */
static long long
block_matches(const char *path, const char *term, long long id)
{
	char *sql = xasprintf("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '%s'"
	    " AND (%lld = 0 OR rowid = %lld)", term, id, id);
	long long n = test_query_int(path, sql);
	free(sql);
	return n;
}

/* Whether FTS5's integrity check (index against content) passes for both
 * indexes search uses. */
static bool
fts_intact(const char *path)
{
	return test_exec_raw(path,
	    "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1);"
	    "INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1);") == 0;
}

/* Build the full test article: every block kind, spans, links, quotes, tags. */
static struct article *
sample_article(const char *canonical)
{
	struct article *a = article_create();
	article_set(&a->title, "On Keeping Commonplace Books");
	article_set(&a->author, "Ada Example");
	article_set(&a->published, "2024-03-23T19:05:31+01:00");
	article_set(&a->modified, "2024-03-24T08:00:00+01:00");
	article_set(&a->site_name, "The Margin");
	article_set(&a->url, "https://example.org/2024/03/commonplace/?utm=x");
	article_set(&a->canonical_url, canonical);
	article_set(&a->language, "en");
	article_set(&a->description, "Why copy passages by hand.");
	article_add_tag(a, "Reading");
	article_add_tag(a, "Notebooks");

	article_add_block(a, BLOCK_HEADING, 2, 0, "Why copy by hand");
	size_t p = article_add_block(a, BLOCK_PARAGRAPH, 0, 0,
	    "Copying slows the eye; the naïve reader skims. See the archive.");
	size_t l = article_add_link(a, "https://example.org/archive", "the archive", p, 0);
	article_add_span(a, p, 0, 7, SPAN_EMPHASIS, -1);
	article_add_span(a, p, 48, 59, SPAN_LINK | SPAN_STRONG, (int)l);
	size_t q = article_add_block(a, BLOCK_PARAGRAPH, 0, 1, "A line kept is a line understood.");
	size_t li = article_add_block(a, BLOCK_LIST_ITEM, 1, 0, "First, choose a notebook.");
	article_block(a, li)->ordered = true;
	article_block(a, li)->number = 1;
	li = article_add_block(a, BLOCK_LIST_ITEM, 2, 0, "Then a pen.");
	article_block(a, li)->ordered = false;
	article_add_block(a, BLOCK_PREFORMATTED, 0, 0, "index:\n  page 12");
	size_t img = article_add_block(a, BLOCK_IMAGE, 0, 0, "A notebook, open");
	article_block(a, img)->src = xstrdup("https://example.org/nb.jpg");
	article_add_block(a, BLOCK_RULE, 0, 0, "");
	article_add_link(a, "https://example.net/top", "top", 1, -1);

	struct quote *qt = article_add_quote(a, QUOTE_BLOCK, "A line kept is a line understood.", q, q);
	qt->author = xstrdup("Marcus Scribe");
	qt->publication = xstrdup("The Quarterly");
	qt->title = xstrdup("Of Copying");
	qt->year = 1765;
	qt->cite_url = xstrdup("https://example.com/copying");
	qt->cite_raw = xstrdup("— Marcus Scribe, The Quarterly");
	article_add_quote(a, QUOTE_INLINE, "the naïve reader skims", p, p);
	article_add_anchor(a, "why", 0);
	article_add_anchor(a, "fn:1", q);
	return a;
}

/* Compare two articles field by field. */
static void
check_same(const struct article *got, const struct article *want)
{
	CHECK_STR(got->title, want->title);
	CHECK_STR(got->author, want->author);
	CHECK_STR(got->published, want->published);
	CHECK_STR(got->modified, want->modified);
	CHECK_STR(got->site_name, want->site_name);
	CHECK_STR(got->url, want->url);
	CHECK_STR(got->canonical_url, want->canonical_url);
	CHECK_STR(got->language, want->language);
	CHECK_STR(got->description, want->description);
	CHECK_INT(got->ntags, want->ntags);
	for (size_t i = 0; i < got->ntags && i < want->ntags; i++)
		CHECK_STR(got->tags[i], want->tags[i]);
	CHECK_INT(got->nblocks, want->nblocks);
	for (size_t i = 0; i < got->nblocks && i < want->nblocks; i++) {
		const struct block *g = &got->blocks[i], *w = &want->blocks[i];
		CHECK_INT(g->kind, w->kind);
		CHECK_INT(g->level, w->level);
		CHECK_INT(g->quote, w->quote);
		CHECK_INT(g->ordered, w->ordered);
		CHECK_INT(g->number, w->number);
		CHECK_STR(g->text, w->text);
		CHECK_STR(g->src, w->src);
		CHECK_INT(g->nspans, w->nspans);
		for (size_t k = 0; k < g->nspans && k < w->nspans; k++) {
			CHECK_INT(g->spans[k].start, w->spans[k].start);
			CHECK_INT(g->spans[k].end, w->spans[k].end);
			CHECK_INT(g->spans[k].style, w->spans[k].style);
			CHECK_INT(g->spans[k].link, w->spans[k].link);
		}
	}
	CHECK_INT(got->nlinks, want->nlinks);
	for (size_t i = 0; i < got->nlinks && i < want->nlinks; i++) {
		CHECK_STR(got->links[i].url, want->links[i].url);
		CHECK_STR(got->links[i].text, want->links[i].text);
		CHECK_INT(got->links[i].block, want->links[i].block);
		CHECK_INT(got->links[i].heading, want->links[i].heading);
	}
	CHECK_INT(got->nquotes, want->nquotes);
	for (size_t i = 0; i < got->nquotes && i < want->nquotes; i++) {
		const struct quote *g = &got->quotes[i], *w = &want->quotes[i];
		CHECK_INT(g->kind, w->kind);
		CHECK_STR(g->text, w->text);
		CHECK_INT(g->first_block, w->first_block);
		CHECK_INT(g->last_block, w->last_block);
		CHECK_STR(g->author, w->author);
		CHECK_STR(g->publication, w->publication);
		CHECK_STR(g->title, w->title);
		CHECK_INT(g->year, w->year);
		CHECK_STR(g->cite_url, w->cite_url);
		CHECK_STR(g->cite_raw, w->cite_raw);
	}
	CHECK_INT(got->nanchors, want->nanchors);
	for (size_t i = 0; i < want->nanchors; i++) {
		size_t block = 999;
		CHECK(article_find_anchor(got, want->anchors[i].name, &block));
		CHECK_INT(block, want->anchors[i].block);
	}
}

/* Count the library's articles through store_article_list. */
static int
count_one(const struct store_summary *s, void *ctx)
{
	(*(int *)ctx)++;
	return 0;
}

static int
count_articles(struct store *st)
{
	int n = 0;
	char *err = NULL;
	if (store_article_list(st, count_one, &n, &err) < 0) {
		fprintf(stderr, "list: %s\n", err);
		free(err);
		return -1;
	}
	return n;
}

static void
test_sha256(void)
{
	char hex[65];
	sha256_hex("", 0, hex);
	CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	sha256_hex("abc", 3, hex);
	CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	sha256_hex(two, strlen(two), hex);
	CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

/* Put, get, re-import, bookmarks, FTS and delete on one library. */
static void
test_round_trip(void)
{
	char *path = xasprintf("%s/deep/er/library.db", tmpdir);
	char *err = NULL;
	struct store *st = store_open(path, &err);
	CHECK(st != NULL);
	if (st == NULL) {
		fprintf(stderr, "open: %s\n", err);
		free(err);
		free(path);
		return;
	}
	CHECK_INT(test_query_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	CHECK_INT(count_articles(st), 0);

	struct article *a = sample_article("https://example.org/commonplace/");
	static const char raw[] = "<html>page\0with a NUL</html>";
	long long id = 0;
	bool created = false;
	CHECK_INT(store_article_put(st, a, raw, sizeof raw - 1, "utf-8", &id, &created, &err), 0);
	CHECK(id > 0);
	CHECK(created);
	struct article *got = store_article_get(st, id, &err);
	CHECK(got != NULL);
	if (got != NULL)
		check_same(got, a);
	article_free(got);
	CHECK_INT(count_articles(st), 1);

	/* The page comes back byte for byte. */
	char *data = NULL, *charset = NULL, *url = NULL;
	size_t len = 0;
	CHECK_INT(store_page_get(st, id, &data, &len, &charset, &url, &err), 0);
	CHECK_INT(len, sizeof raw - 1);
	CHECK(data != NULL && memcmp(data, raw, len) == 0);
	CHECK_STR(charset, "utf-8");
	CHECK_STR(url, a->url);
	free(data); free(charset); free(url);

	/* Found by canonical URL (fragment ignored), by source URL, not by others. */
	long long found = 0;
	CHECK_INT(store_find_by_url(st, "https://example.org/commonplace/#part-2", &found, &err), 1);
	CHECK_INT(found, id);
	CHECK_INT(store_find_by_url(st, a->url, &found, &err), 1);
	CHECK_INT(store_find_by_url(st, "https://example.org/other/", &found, &err), 0);

	/* FTS: text by part (diacritics folded), and quotes, are indexed. */
	CHECK_INT(block_matches(path, "skims", id), 1);
	CHECK_INT(block_matches(path, "naive", id), 1);
	CHECK_INT(test_query_int(path, "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'understood'"), 1);
	CHECK_INT(test_query_int(path, "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'author:scribe'"), 1);
	CHECK_INT(block_matches(path, "title:commonplace", 0), 1);
	CHECK_INT(block_matches(path, "body:notebook", id), 1);
	CHECK_INT(block_matches(path, "headings:(copy hand)", id), 1);
	CHECK_INT(block_matches(path, "headings:notebook", id), 0);

	/* Bookmarks and the reading position, far into the article. */
	long long bm = 0;
	CHECK_INT(store_bookmark_add(st, id, "pen", 4, 5, &bm, &err), 0);
	CHECK_INT(store_bookmark_add(st, id, "rule", 7, 0, NULL, &err), 0);
	CHECK_INT(store_bookmark_add(st, id, "early", 1, 30, NULL, &err), 0);
	CHECK_INT(store_position_set(st, id, 6, 3, &err), 0);
	CHECK_INT(store_bookmark_add(st, 9999, "none", 0, 0, NULL, &err), -1);
	free(err);
	err = NULL;

	/* Re-import a shorter, changed version under the same canonical URL:
	 * same id, new text, bookmarks kept but clamped. */
	struct article *b = article_create();
	article_set(&b->title, "Commonplace Books, Revised");
	article_set(&b->canonical_url, "https://example.org/commonplace/");
	article_add_block(b, BLOCK_HEADING, 2, 0, "Revised");
	article_add_block(b, BLOCK_PARAGRAPH, 0, 0, "Twelve letters");
	article_add_tag(b, "Reading");
	long long id2 = 0;
	CHECK_INT(store_article_put(st, b, "<p>v2</p>", 9, NULL, &id2, &created, &err), 0);
	CHECK_INT(id2, id);
	CHECK(!created);
	CHECK_INT(count_articles(st), 1);
	got = store_article_get(st, id, &err);
	CHECK(got != NULL);
	if (got != NULL)
		check_same(got, b);
	article_free(got);
	CHECK_INT(block_matches(path, "skims", 0), 0);
	CHECK_INT(block_matches(path, "twelve", id), 1);
	CHECK_INT(test_query_int(path, "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'understood'"), 0);
	CHECK_INT(block_matches(path, "title:commonplace", 0), 1);
	CHECK_INT(block_matches(path, "title:keeping", 0), 0);
	CHECK_INT(test_query_int(path, "SELECT count(*) FROM tags"), 1);

	struct store_bookmark *marks = NULL;
	size_t nmarks = 0;
	CHECK_INT(store_bookmarks_get(st, id, &marks, &nmarks, &err), 0);
	CHECK_INT(nmarks, 3);
	if (nmarks == 3) {
		CHECK_INT(marks[0].id, bm);
		CHECK_STR(marks[0].name, "pen");
		CHECK_INT(marks[0].block, 1);   /* past the end → last block */
		CHECK_INT(marks[0].offset, 5);
		CHECK_INT(marks[1].block, 1);
		CHECK_INT(marks[1].offset, 0);
		CHECK_INT(marks[2].block, 1);
		CHECK_INT(marks[2].offset, 14);  /* clamped to "Twelve letters" */
		CHECK(marks[2].created != NULL && strlen(marks[2].created) == 20);
	}
	store_bookmarks_free(marks, nmarks);
	size_t pb = 99, po = 99;
	CHECK_INT(store_position_get(st, id, &pb, &po, &err), 1);
	CHECK_INT(pb, 1);
	CHECK_INT(po, 3);
	/* Progress rides with the position and is clamped to 0–100. */
	int pct = -1;
	CHECK_INT(store_progress_get(st, id, &pct, &err), 1);
	CHECK_INT(pct, 0);
	CHECK_INT(store_progress_set(st, id, 140, &err), 0);
	CHECK_INT(store_progress_get(st, id, &pct, &err), 1);
	CHECK_INT(pct, 100);
	CHECK_INT(store_progress_set(st, id, 37, &err), 0);
	CHECK_INT(store_progress_get(st, id, &pct, &err), 1);
	CHECK_INT(pct, 37);
	CHECK_INT(store_progress_get(st, id + 1000, &pct, &err), 0);

	/* A failure midway (a link without URL breaks NOT NULL) changes nothing. */
	struct article *bad = sample_article("https://example.org/commonplace/");
	free(bad->links[1].url);
	bad->links[1].url = NULL;
	CHECK_INT(store_article_put(st, bad, "x", 1, NULL, NULL, NULL, &err), -1);
	CHECK(err != NULL);
	free(err);
	err = NULL;
	got = store_article_get(st, id, &err);
	CHECK(got != NULL);
	if (got != NULL)
		check_same(got, b);
	article_free(got);
	CHECK_INT(block_matches(path, "skims", 0), 0);
	article_set(&bad->canonical_url, "https://example.org/elsewhere/");
	CHECK_INT(store_article_put(st, bad, "x", 1, NULL, NULL, NULL, &err), -1);
	free(err);
	err = NULL;
	CHECK_INT(count_articles(st), 1);
	CHECK_INT(block_matches(path, "skims", 0), 0);
	article_free(bad);

	/* A reader in the middle of a transaction does not block a writer (WAL). */
	sqlite3 *reader;
	CHECK(sqlite3_open(path, &reader) == SQLITE_OK);
	CHECK(sqlite3_exec(reader, "BEGIN; SELECT count(*) FROM blocks;", NULL, NULL, NULL) == SQLITE_OK);
	CHECK_INT(store_article_put(st, b, "<p>v2</p>", 9, NULL, &id2, &created, &err), 0);
	CHECK_INT(id2, id);
	sqlite3_exec(reader, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(reader);
	CHECK_STR(query_text_journal(path), "wal");

	/* A second identity is a second article. */
	long long other = 0;
	article_set(&a->canonical_url, "https://example.org/another/");
	CHECK_INT(store_article_put(st, a, raw, sizeof raw - 1, NULL, &other, &created, &err), 0);
	CHECK(other != id);
	CHECK(created);
	CHECK_INT(count_articles(st), 2);

	/* Delete cascades to children, index rows, bookmarks, orphan tags. */
	CHECK_INT(store_article_delete(st, id, &err), 0);
	CHECK_INT(count_articles(st), 1);
	CHECK(store_article_get(st, id, &err) == NULL);
	CHECK_STR(err, "no article 1");
	free(err);
	err = NULL;
	CHECK_INT(store_article_delete(st, id, &err), -1);
	CHECK_STR(err, "no article 1");
	free(err);
	err = NULL;
	CHECK_INT(block_matches(path, "twelve", 0), 0);
	CHECK_INT(block_matches(path, "skims", other), 1);
	CHECK_INT(block_matches(path, "title:revised", 0), 0);
	char *sql = xasprintf("SELECT (SELECT count(*) FROM blocks WHERE article_id = %lld)"
	    " + (SELECT count(*) FROM bookmarks WHERE article_id = %lld)"
	    " + (SELECT count(*) FROM reading_positions WHERE article_id = %lld)"
	    " + (SELECT count(*) FROM pages WHERE article_id = %lld)", id, id, id, id);
	CHECK_INT(test_query_int(path, sql), 0);
	free(sql);
	CHECK_INT(test_query_int(path, "SELECT count(*) FROM tags"), 2);
	CHECK_INT(store_article_delete(st, other, &err), 0);
	CHECK_INT(test_query_int(path, "SELECT count(*) FROM tags"), 0);
	CHECK_INT(test_query_int(path, "SELECT count(*) FROM links"), 0);
	CHECK_INT(test_query_int(path, "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'naive'"), 0);

	CHECK(fts_intact(path));
	/* Only the indexes search uses are kept (schema 5). */
	CHECK_INT(test_query_int(path, "SELECT count(*) FROM sqlite_master"
	    " WHERE name LIKE 'blocks_fts%' OR name LIKE 'titles_fts%'"), 0);

	/* Closing and opening again keeps the schema and migrates nothing. */
	store_close(st);
	st = store_open(path, &err);
	CHECK(st != NULL);
	CHECK_INT(test_query_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	store_close(st);
	article_free(a);
	article_free(b);
	free(path);
}

/* Pages with no URL are identified by the hash of their bytes. */
static void
test_hash_identity(void)
{
	char *path = xasprintf("%s/hash.db", tmpdir);
	char *err = NULL;
	struct store *st = store_open(path, &err);
	CHECK(st != NULL);
	if (st == NULL) {
		free(err);
		free(path);
		return;
	}
	struct article *a = article_create();
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "Local words.");
	long long id1 = 0, id2 = 0, id3 = 0;
	bool created = false;
	CHECK_INT(store_article_put(st, a, "same bytes", 10, NULL, &id1, &created, &err), 0);
	CHECK(created);
	CHECK_INT(store_article_put(st, a, "same bytes", 10, NULL, &id2, &created, &err), 0);
	CHECK_INT(id2, id1);
	CHECK(!created);
	CHECK_INT(store_article_put(st, a, "other bytes", 11, NULL, &id3, &created, &err), 0);
	CHECK(id3 != id1);
	CHECK_INT(count_articles(st), 2);
	CHECK_INT(test_query_int(path, "SELECT count(*) FROM articles WHERE identity LIKE 'sha256:%'"), 2);
	article_free(a);
	store_close(st);
	free(path);
}

/* An article first known by its source URL keeps its id when its page later
 * names a canonical URL, and is then found by that. */
static void
test_url_identity(void)
{
	char *path = xasprintf("%s/url.db", tmpdir);
	char *err = NULL;
	struct store *st = store_open(path, &err);
	CHECK(st != NULL);
	if (st == NULL) {
		free(err);
		free(path);
		return;
	}
	struct article *a = article_create();
	article_set(&a->url, "https://example.org/p/?ref=feed#top");
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "Words.");
	long long id1 = 0, id2 = 0, id3 = 0, id4 = 0;
	bool created = false;
	CHECK_INT(store_article_put(st, a, "v1", 2, NULL, &id1, &created, &err), 0);
	CHECK(created);
	article_set(&a->url, "https://example.org/p/?ref=feed");
	CHECK_INT(store_article_put(st, a, "v2", 2, NULL, &id2, &created, &err), 0);
	CHECK_INT(id2, id1);   /* the fragment is not part of the identity */
	article_set(&a->canonical_url, "https://example.org/p/");
	CHECK_INT(store_article_put(st, a, "v3", 2, NULL, &id3, &created, &err), 0);
	CHECK_INT(id3, id1);
	CHECK(!created);
	article_set(&a->url, "https://example.org/p/?ref=mail");
	CHECK_INT(store_article_put(st, a, "v4", 2, NULL, &id4, &created, &err), 0);
	CHECK_INT(id4, id1);
	CHECK_INT(count_articles(st), 1);
	CHECK_INT(test_query_int(path, "SELECT count(*) FROM articles WHERE content_hash IS NULL"), 1);
	article_free(a);
	store_close(st);
	free(path);
}

/* A schema-4 library, with the per-block and per-title indexes of schema
 * 1 and their triggers, loses them on opening (5), in one step, keeping
 * articles, search and the indexes search uses; imports and deletes then
 * keep those indexes in step. */
static void
test_migrate_from_4(void)
{
	char *path = xasprintf("%s/v4.db", tmpdir);
	char *err = NULL;
	struct store *st = store_open(path, &err);
	CHECK(st != NULL);
	if (st == NULL) {
		free(err);
		free(path);
		return;
	}
	struct article *a = sample_article("https://example.org/commonplace/");
	long long id = 0;
	CHECK_INT(store_article_put(st, a, "<p>x</p>", 8, NULL, &id, NULL, &err), 0);
	store_close(st);
	/* Back to schema 4: the schema-1 indexes as they were, filled, and
	 * no anchors (schema 6). */
	CHECK_INT(test_exec_raw(path,
	    "BEGIN;"
	    "DROP TABLE anchors;"
	    "CREATE VIRTUAL TABLE blocks_fts USING fts5(text, article_id UNINDEXED, idx UNINDEXED,"
	    " content='blocks', content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
	    "CREATE TRIGGER blocks_fts_delete AFTER DELETE ON blocks BEGIN"
	    " INSERT INTO blocks_fts(blocks_fts, rowid, text, article_id, idx)"
	    "  VALUES ('delete', old.id, old.text, old.article_id, old.idx); END;"
	    "CREATE TRIGGER blocks_fts_update AFTER UPDATE ON blocks BEGIN"
	    " INSERT INTO blocks_fts(blocks_fts, rowid, text, article_id, idx)"
	    "  VALUES ('delete', old.id, old.text, old.article_id, old.idx);"
	    " INSERT INTO blocks_fts(rowid, text, article_id, idx)"
	    "  VALUES (new.id, new.text, new.article_id, new.idx); END;"
	    "CREATE VIRTUAL TABLE titles_fts USING fts5(title,"
	    " content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
	    "CREATE TRIGGER titles_fts_insert AFTER INSERT ON articles BEGIN"
	    " INSERT INTO titles_fts(rowid, title) VALUES (new.id, new.title); END;"
	    "CREATE TRIGGER titles_fts_delete AFTER DELETE ON articles BEGIN"
	    " INSERT INTO titles_fts(titles_fts, rowid, title) VALUES ('delete', old.id, old.title); END;"
	    "CREATE TRIGGER titles_fts_update AFTER UPDATE OF title ON articles BEGIN"
	    " INSERT INTO titles_fts(titles_fts, rowid, title) VALUES ('delete', old.id, old.title);"
	    " INSERT INTO titles_fts(rowid, title) VALUES (new.id, new.title); END;"
	    "INSERT INTO blocks_fts(blocks_fts) VALUES ('rebuild');"
	    "INSERT INTO titles_fts(titles_fts) VALUES ('rebuild');"
	    "PRAGMA user_version = 4; COMMIT;"), 0);
	CHECK_INT(test_query_int(path, "PRAGMA user_version"), 4);
	CHECK_INT(test_query_int(path, "SELECT count(*) FROM blocks_fts WHERE blocks_fts MATCH 'skims'"), 1);
	CHECK_INT(test_query_int(path, "SELECT count(*) FROM titles_fts WHERE titles_fts MATCH 'commonplace'"), 1);

	st = store_open(path, &err);
	CHECK(st != NULL);
	if (st == NULL) {
		fprintf(stderr, "open: %s\n", err);
		free(err);
		article_free(a);
		free(path);
		return;
	}
	CHECK_INT(test_query_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	CHECK_INT(test_query_int(path, "SELECT count(*) FROM sqlite_master"
	    " WHERE name LIKE 'blocks_fts%' OR name LIKE 'titles_fts%'"), 0);
	CHECK_INT(test_query_int(path, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
	    " AND name LIKE 'quotes_fts%'"), 2);
	CHECK_INT(count_articles(st), 1);
	CHECK(fts_intact(path));
	CHECK_INT(block_matches(path, "skims", id), 1);
	CHECK_INT(block_matches(path, "title:commonplace", id), 1);
	CHECK_INT(test_query_int(path, "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'understood'"), 1);
	/* Re-import changed, add another, delete one: the indexes follow. */
	article_set(&a->title, "Commonplace Books, Revised");
	struct article *b = sample_article("https://example.org/other/");
	long long id2 = 0, other = 0;
	CHECK_INT(store_article_put(st, a, "<p>y</p>", 8, NULL, &id2, NULL, &err), 0);
	CHECK_INT(id2, id);
	CHECK_INT(store_article_put(st, b, "<p>z</p>", 8, NULL, &other, NULL, &err), 0);
	CHECK_INT(block_matches(path, "title:revised", 0), 1);
	CHECK_INT(store_article_delete(st, id, &err), 0);
	CHECK_INT(block_matches(path, "title:revised", 0), 0);
	CHECK_INT(block_matches(path, "skims", 0), 1);
	CHECK_INT(test_query_int(path, "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'understood'"), 1);
	CHECK(fts_intact(path));
	store_close(st);
	article_free(a);
	article_free(b);
	free(path);
}

/* Read a whole file for before/after comparisons; NULL if unreadable. */
static char *
slurp(const char *path, size_t *len)
{
	char *data = NULL, *err = NULL;
	if (read_file(path, 1 << 24, &data, len, &err) < 0) {
		free(err);
		return NULL;
	}
	return data;
}

/* Libraries quire must refuse, each with a clear message and no change. */
static void
test_refusals(void)
{
	char *err = NULL;
	/* A newer schema: refused, the file left byte for byte. */
	char *newer = xasprintf("%s/newer.db", tmpdir);
	sqlite3 *db;
	CHECK(sqlite3_open(newer, &db) == SQLITE_OK);
	CHECK(sqlite3_exec(db, "CREATE TABLE t (x); PRAGMA user_version = 99;", NULL, NULL, NULL)
	    == SQLITE_OK);
	sqlite3_close(db);
	size_t len1 = 0, len2 = 0;
	char *before = slurp(newer, &len1);
	struct store *st = store_open(newer, &err);
	CHECK(st == NULL);
	CHECK(err != NULL && strstr(err, "schema version 99") != NULL);
	free(err);
	err = NULL;
	char *after = slurp(newer, &len2);
	CHECK(before != NULL && after != NULL && len1 == len2 && memcmp(before, after, len1) == 0);
	char *wal = xasprintf("%s-wal", newer);
	CHECK(access(wal, F_OK) != 0);
	free(wal);
	free(before);
	free(after);
	free(newer);

	/* Not a database at all. */
	char *junk = xasprintf("%s/junk.db", tmpdir);
	FILE *f = fopen(junk, "w");
	fputs("this is not a database, only some words that go on long enough\n", f);
	fclose(f);
	CHECK(store_open(junk, &err) == NULL);
	CHECK(err != NULL && strstr(err, "not a database") != NULL);
	free(err);
	err = NULL;
	free(junk);

	/* A parent that is a file, not a directory. */
	char *under = xasprintf("%s/plain/lib.db", tmpdir);
	char *plain = xasprintf("%s/plain", tmpdir);
	f = fopen(plain, "w");
	fclose(f);
	CHECK(store_open(under, &err) == NULL);
	CHECK(err != NULL && strstr(err, "ot a directory") != NULL);
	free(err);
	err = NULL;
	free(under);
	free(plain);

	/* A directory we may not write (root may write anything: skip). */
	if (geteuid() != 0) {
		char *ro = xasprintf("%s/ro", tmpdir);
		char *inro = xasprintf("%s/ro/sub/lib.db", tmpdir);
		char *inro2 = xasprintf("%s/ro/lib.db", tmpdir);
		mkdir(ro, 0500);
		CHECK(store_open(inro, &err) == NULL);
		CHECK(err != NULL && strstr(err, "Permission denied") != NULL);
		free(err);
		err = NULL;
		CHECK(store_open(inro2, &err) == NULL);
		CHECK(err != NULL && strstr(err, "Permission denied") != NULL);
		free(err);
		err = NULL;
		chmod(ro, 0700);
		free(ro);
		free(inro);
		free(inro2);
	}
	/* A directory that cannot be made, even by root. */
	if (access("/proc/self", F_OK) == 0) {
		CHECK(store_open("/proc/self/quire-test/lib.db", &err) == NULL);
		CHECK(err != NULL && strstr(err, "cannot create directory /proc/self/quire-test") != NULL);
		free(err);
		err = NULL;
	}
	/* A directory given as the library. */
	CHECK(store_open(tmpdir, &err) == NULL);
	CHECK(err != NULL && strstr(err, "is a directory") != NULL);
	free(err);
}

int
main(void)
{
	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	test_sha256();
	test_round_trip();
	test_hash_identity();
	test_url_identity();
	test_migrate_from_4();
	test_refusals();
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmpdir);
	free(cmd);
	return test_done("test_store");
}
