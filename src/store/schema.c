/* schema.c — the library's schema as ordered migrations, each taking one
 * user_version to the next; store.c runs the ones a library lacks in one
 * transaction. */
#include "schema.h"

#include "store.h"

/* Ordered migrations: migrations[i] takes user_version i to i + 1. Never edit
 * one that has shipped; append a new one and bump STORE_SCHEMA_VERSION. */
const char *const schema_migrations[] = {
	/* 0 → 1: the first schema. */
	"CREATE TABLE articles ("
	" id INTEGER PRIMARY KEY,"
	" identity TEXT NOT NULL UNIQUE,"
	" url TEXT, canonical_url TEXT, title TEXT, author TEXT,"
	" published TEXT, modified TEXT, site_name TEXT, language TEXT, description TEXT,"
	" word_count INTEGER NOT NULL DEFAULT 0,"
	" block_count INTEGER NOT NULL DEFAULT 0,"
	" content_hash TEXT," /* SHA-256 of the page when it is the identity */
	" added TEXT NOT NULL, updated TEXT NOT NULL);"
	"CREATE INDEX articles_url ON articles(url);"
	"CREATE INDEX articles_canonical_url ON articles(canonical_url);"
	"CREATE TABLE pages ("
	" article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
	" bytes BLOB NOT NULL, charset TEXT, url TEXT);"
	"CREATE TABLE blocks ("
	" id INTEGER PRIMARY KEY,"
	" article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
	" idx INTEGER NOT NULL, kind TEXT NOT NULL,"
	" level INTEGER NOT NULL DEFAULT 0, quote INTEGER NOT NULL DEFAULT 0,"
	" ordered INTEGER NOT NULL DEFAULT 0, number INTEGER NOT NULL DEFAULT 0,"
	" text TEXT NOT NULL, src TEXT,"
	" spans TEXT," /* "start,end,style,link;" per span, NULL when none */
	" UNIQUE (article_id, idx));"
	"CREATE TABLE links ("
	" article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
	" idx INTEGER NOT NULL, url TEXT NOT NULL, text TEXT NOT NULL,"
	" block INTEGER NOT NULL, heading INTEGER,"
	" PRIMARY KEY (article_id, idx)) WITHOUT ROWID;"
	"CREATE TABLE quotes ("
	" id INTEGER PRIMARY KEY,"
	" article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
	" idx INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,"
	" first_block INTEGER NOT NULL, last_block INTEGER NOT NULL,"
	" author TEXT, publication TEXT, title TEXT, year INTEGER, cite_url TEXT, cite_raw TEXT,"
	" UNIQUE (article_id, idx));"
	"CREATE TABLE tags ("
	" id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
	"CREATE TABLE article_tags ("
	" article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
	" idx INTEGER NOT NULL,"
	" tag_id INTEGER NOT NULL REFERENCES tags(id),"
	" PRIMARY KEY (article_id, idx)) WITHOUT ROWID;"
	"CREATE INDEX article_tags_tag ON article_tags(tag_id);"
	"CREATE TABLE bookmarks ("
	" id INTEGER PRIMARY KEY,"
	" article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
	" name TEXT, block INTEGER NOT NULL, char_offset INTEGER NOT NULL,"
	" created TEXT NOT NULL);"
	"CREATE INDEX bookmarks_article ON bookmarks(article_id);"
	"CREATE TABLE reading_positions ("
	" article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
	" block INTEGER NOT NULL, char_offset INTEGER NOT NULL, updated TEXT NOT NULL);"
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
	"CREATE VIRTUAL TABLE quotes_fts USING fts5(text, author, publication, title,"
	" article_id UNINDEXED, idx UNINDEXED,"
	" content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
	"CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN"
	" INSERT INTO quotes_fts(quotes_fts, rowid, text, author, publication, title, article_id, idx)"
	"  VALUES ('delete', old.id, old.text, old.author, old.publication, old.title,"
	"  old.article_id, old.idx); END;"
	"CREATE TRIGGER quotes_fts_update AFTER UPDATE ON quotes BEGIN"
	" INSERT INTO quotes_fts(quotes_fts, rowid, text, author, publication, title, article_id, idx)"
	"  VALUES ('delete', old.id, old.text, old.author, old.publication, old.title,"
	"  old.article_id, old.idx);"
	" INSERT INTO quotes_fts(rowid, text, author, publication, title, article_id, idx)"
	"  VALUES (new.id, new.text, new.author, new.publication, new.title, new.article_id, new.idx); END;"
	"CREATE VIRTUAL TABLE titles_fts USING fts5(title,"
	" content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
	"CREATE TRIGGER titles_fts_insert AFTER INSERT ON articles BEGIN"
	" INSERT INTO titles_fts(rowid, title) VALUES (new.id, new.title); END;"
	"CREATE TRIGGER titles_fts_delete AFTER DELETE ON articles BEGIN"
	" INSERT INTO titles_fts(titles_fts, rowid, title) VALUES ('delete', old.id, old.title); END;"
	"CREATE TRIGGER titles_fts_update AFTER UPDATE OF title ON articles BEGIN"
	" INSERT INTO titles_fts(titles_fts, rowid, title) VALUES ('delete', old.id, old.title);"
	" INSERT INTO titles_fts(rowid, title) VALUES (new.id, new.title); END;",
	/* 1 → 2: how far through an article the reader has got, in percent of
	 * its lines as last laid out; the top line's block alone reads short
	 * at the end of an article. */
	"ALTER TABLE reading_positions ADD COLUMN progress INTEGER NOT NULL DEFAULT 0;",
	/* 2 → 3: URL identity (url.h). Articles and links carry the identity
	 * keys of their URLs, indexed, so links find library articles and
	 * articles find the ones citing them; url_aliases keeps the URL a page
	 * was asked for when a redirect led elsewhere. Identities made from a
	 * URL take its key, unless that would merge two existing articles.
	 * quire_url_key is url_key as an SQL function (store_open). */
	"ALTER TABLE articles ADD COLUMN url_key TEXT;"
	"ALTER TABLE articles ADD COLUMN canonical_key TEXT;"
	"ALTER TABLE links ADD COLUMN url_key TEXT;"
	"CREATE TABLE url_aliases ("
	" key TEXT PRIMARY KEY,"
	" article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE) WITHOUT ROWID;"
	"CREATE INDEX url_aliases_article ON url_aliases(article_id);"
	"UPDATE articles SET url_key = quire_url_key(url), canonical_key = quire_url_key(canonical_url);"
	"UPDATE OR IGNORE articles SET identity = coalesce(canonical_key, url_key)"
	" WHERE content_hash IS NULL AND coalesce(canonical_key, url_key) IS NOT NULL;"
	"UPDATE links SET url_key = quire_url_key(url);"
	"CREATE INDEX articles_url_key ON articles(url_key);"
	"CREATE INDEX articles_canonical_key ON articles(canonical_key);"
	"CREATE INDEX links_url_key ON links(url_key);",
	/* 3 → 4: search whole articles, so AND, OR, NOT and NEAR hold across
	 * an article's blocks and bm25 weighs title, headings and body apart.
	 * The index reads its text from a view; it is kept in step by
	 * put_children (insert) and unindex_article (delete, with the old
	 * text), since a view fires no triggers. */
	"CREATE VIEW article_text AS SELECT a.id AS id, coalesce(a.title, '') AS title,"
	" coalesce((SELECT group_concat(text, ' ') FROM (SELECT text FROM blocks"
	"  WHERE article_id = a.id AND kind = 'heading' ORDER BY idx)), '') AS headings,"
	" coalesce((SELECT group_concat(text, ' ') FROM (SELECT text FROM blocks"
	"  WHERE article_id = a.id AND kind <> 'heading' ORDER BY idx)), '') AS body"
	" FROM articles a;"
	"CREATE VIRTUAL TABLE articles_fts USING fts5(title, headings, body,"
	" content='article_text', content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
	"INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');",
	/* 4 → 5: search reads only articles_fts and quotes_fts (since 4); the
	 * per-block and per-title indexes of schema 1 made every import index
	 * all its text twice. Drop them, their triggers first. IF EXISTS: a
	 * test library stripped back to an older schema may lack them. */
	"DROP TRIGGER IF EXISTS blocks_fts_delete;"
	"DROP TRIGGER IF EXISTS blocks_fts_update;"
	"DROP TRIGGER IF EXISTS titles_fts_insert;"
	"DROP TRIGGER IF EXISTS titles_fts_delete;"
	"DROP TRIGGER IF EXISTS titles_fts_update;"
	"DROP TABLE IF EXISTS blocks_fts;"
	"DROP TABLE IF EXISTS titles_fts;",
	/* 5 → 6: the places the article's own links point to (footnotes,
	 * sections), so the pager follows them without leaving the article.
	 * Articles stored before have none until imported again. */
	"CREATE TABLE anchors ("
	" article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
	" name TEXT NOT NULL, block INTEGER NOT NULL,"
	" PRIMARY KEY (article_id, name)) WITHOUT ROWID;",
};
_Static_assert(sizeof schema_migrations / sizeof schema_migrations[0] == STORE_SCHEMA_VERSION,
    "one migration per schema version");
