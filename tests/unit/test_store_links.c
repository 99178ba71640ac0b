/* test_store_links.c — the store's URL identity: re-import by URL key, links
 * resolved to library articles, the articles citing one, redirect aliases,
 * and the migration of a version-2 library (made by stripping a new one back
 * to the version-2 schema) to keyed columns in one step. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "store.h"
#include "test.h"
#include "test_sql.h"
#include "util.h"

static char tmpdir[] = "/tmp/quire-test-links-XXXXXX";

/* Make an article at url (canonical may be NULL) with one heading, one
 * paragraph and links to each of the NULL-terminated urls. */
static struct article *
make_article(const char *url, const char *canonical, const char *title, const char *const *links)
{
	struct article *a = article_create();
	article_set(&a->url, url);
	article_set(&a->canonical_url, canonical);
	article_set(&a->title, title);
	article_add_block(a, BLOCK_HEADING, 2, 0, "Sources");
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "Words that cite.");
	for (size_t i = 0; links != NULL && links[i] != NULL; i++)
		article_add_link(a, links[i], "a source", 1, 0);
	return a;
}

/* Store a and return its id (0 on failure). */
static long long
put(struct store *st, struct article *a, const char *requested)
{
	long long id = 0;
	char *err = NULL;
	if (store_article_put_from(st, a, "<p>x</p>", 8, NULL, requested, &id, NULL, &err) < 0) {
		fprintf(stderr, "put: %s\n", err);
		free(err);
	}
	article_free(a);
	return id;
}

/* Collect citing ids into a fixed array. */
struct ids {
	long long id[8];
	size_t n;
};

static int
collect(const struct store_summary *s, void *arg)
{
	struct ids *ids = arg;
	if (ids->n < 8)
		ids->id[ids->n++] = s->id;
	return 0;
}

/* Identity by URL key, links with library ids, citing articles, aliases. */
static void
test_links(void)
{
	char *path = xasprintf("%s/links.db", tmpdir);
	char *err = NULL;
	struct store *st = store_open(path, &err);
	CHECK(st != NULL);
	if (st == NULL)
		return;
	long long a = put(st, make_article("https://www.example.org/a/?utm_source=feed", NULL, "A",
	    NULL), NULL);
	long long b = put(st, make_article("https://example.org/b?x=1", "https://example.org/b",
	    "B", NULL), NULL);
	long long c = put(st, make_article("https://example.org/c", NULL, "C", NULL),
	    "https://example.org/old-c");
	static const char *const cites[] = {
		"https://example.org/a?fbclid=9", "HTTPS://EXAMPLE.org/b/#part", "#notes",
		"https://example.org/old-c?utm_medium=x", "https://example.org/elsewhere", NULL,
	};
	long long e = put(st, make_article("https://example.org/essay", NULL, "Essay", cites), NULL);
	CHECK(a > 0 && b > 0 && c > 0 && e > 0);

	/* Re-import with other tracking parameters and case: the same article. */
	long long a2 = put(st, make_article("https://EXAMPLE.org:443/a?CMP=share#top", NULL, "A",
	    NULL), NULL);
	CHECK_INT(a2, a);
	CHECK_INT(test_query_int(path, "SELECT count(*) FROM articles"), 4);

	long long found = 0;
	CHECK_INT(store_find_by_url(st, "http://example.org/a", &found, &err), 0);  /* scheme counts */
	CHECK_INT(store_find_by_url(st, "https://example.org/a/?mc_cid=1", &found, &err), 1);
	CHECK_INT(found, a);
	CHECK_INT(store_find_by_url(st, "https://www.example.org/b?x=1", &found, &err), 1);
	CHECK_INT(found, b);
	CHECK_INT(store_find_by_url(st, "https://example.org/old-c/", &found, &err), 1);
	CHECK_INT(found, c);

	struct store_link *links = NULL;
	size_t n = 0;
	CHECK_INT(store_links_get(st, e, &links, &n, &err), 0);
	if (err != NULL)
		fprintf(stderr, "links: %s\n", err);
	CHECK_INT(n, 5);
	if (n == 5) {
		CHECK_INT(links[0].target, a);
		CHECK_INT(links[1].target, b);
		CHECK_INT(links[2].target, 0);
		CHECK_INT(links[3].target, c);
		CHECK_INT(links[4].target, 0);
		CHECK_INT(links[4].idx, 4);
		CHECK_STR(links[0].heading_text, "Sources");
		CHECK_INT(links[0].heading, 0);
		CHECK_STR(links[1].url, "HTTPS://EXAMPLE.org/b/#part");
	}
	store_links_free(links, n);
	CHECK_INT(store_links_get(st, 999, &links, &n, &err), -1);
	CHECK_STR(err, "no article 999");
	free(err);
	err = NULL;

	long long targets[] = { a, b, c };
	for (size_t i = 0; i < 3; i++) {
		struct ids ids = {0};
		CHECK_INT(store_citing_list(st, targets[i], collect, &ids, &err), 0);
		CHECK_INT(ids.n, 1);
		CHECK_INT(ids.id[0], e);
	}
	struct ids none = {0};
	CHECK_INT(store_citing_list(st, e, collect, &none, &err), 0);
	CHECK_INT(none.n, 0);

	/* Deleting an article takes its aliases with it. */
	CHECK_INT(store_article_delete(st, c, &err), 0);
	CHECK_INT(test_query_int(path, "SELECT count(*) FROM url_aliases"), 0);
	CHECK_INT(store_find_by_url(st, "https://example.org/old-c", &found, &err), 0);
	store_close(st);
	free(path);
}

/* A version-2 library: made with this store, then stripped back to the
 * version-2 schema with identities as version 2 wrote them (the URL without
 * its fragment). Opening it migrates, keys every row and keeps every id. */
static void
test_migration(void)
{
	char *path = xasprintf("%s/v2.db", tmpdir);
	char *err = NULL;
	struct store *st = store_open(path, &err);
	CHECK(st != NULL);
	if (st == NULL)
		return;
	static const char *const cites[] = { "https://example.org/d?utm_source=x", NULL };
	long long d = put(st, make_article("https://www.example.org/d/", NULL, "D", NULL), NULL);
	long long d2 = put(st, make_article("https://example.org/d2", NULL, "D2", NULL), NULL);
	long long e = put(st, make_article("https://example.org/e#x", NULL, "E", cites), NULL);
	store_close(st);
	CHECK_INT(test_exec_raw(path,
	    "BEGIN;"
	    "DROP TABLE anchors;"
	    "DROP TABLE articles_fts; DROP VIEW article_text;"
	    "DROP INDEX articles_url_key; DROP INDEX articles_canonical_key; DROP INDEX links_url_key;"
	    "DROP TABLE url_aliases;"
	    "ALTER TABLE articles DROP COLUMN url_key; ALTER TABLE articles DROP COLUMN canonical_key;"
	    "ALTER TABLE links DROP COLUMN url_key;"
	    "UPDATE articles SET identity = 'https://www.example.org/d/' WHERE title = 'D';"
	    /* Two rows whose keys are the same: the second keeps its identity. */
	    "UPDATE articles SET identity = 'https://example.org/d?utm_source=y',"
	    " url = 'https://example.org/d?utm_source=y' WHERE title = 'D2';"
	    "UPDATE articles SET identity = 'https://example.org/e' WHERE title = 'E';"
	    "PRAGMA user_version = 2; COMMIT;"), 0);
	CHECK_INT(test_query_int(path, "PRAGMA user_version"), 2);

	st = store_open(path, &err);
	CHECK(st != NULL);
	if (st == NULL) {
		fprintf(stderr, "open: %s\n", err);
		free(err);
		return;
	}
	CHECK_INT(test_query_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	CHECK_INT(test_query_int(path, "SELECT count(*) FROM articles WHERE url_key IS NULL"), 0);
	CHECK_INT(test_query_int(path, "SELECT count(*) FROM links WHERE url_key IS NULL"), 0);
	CHECK_INT(test_query_int(path,
	    "SELECT count(*) FROM articles WHERE identity = 'https://example.org/d'"), 1);
	CHECK_INT(test_query_int(path,
	    "SELECT count(*) FROM articles WHERE identity = 'https://example.org/e'"), 1);
	CHECK_INT(test_query_int(path, "SELECT count(*) FROM articles"), 3);
	CHECK_INT(test_query_int(path, "SELECT count(*) FROM pragma_index_list('links')"
	    " WHERE name = 'links_url_key'"), 1);
	long long found = 0;
	CHECK_INT(store_find_by_url(st, "https://example.org/e/#y", &found, &err), 1);
	CHECK_INT(found, e);
	CHECK_INT(store_find_by_url(st, "https://example.org/d", &found, &err), 1);
	CHECK(found == d || found == d2);
	struct store_link *links = NULL;
	size_t n = 0;
	CHECK_INT(store_links_get(st, e, &links, &n, &err), 0);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK(links[0].target == d || links[0].target == d2);
	store_links_free(links, n);
	/* Re-importing D after the migration finds it, not a new row. */
	long long again = put(st, make_article("https://example.org/d", NULL, "D", NULL), NULL);
	CHECK_INT(again, d);
	CHECK_INT(test_query_int(path, "SELECT count(*) FROM articles"), 3);
	CHECK_INT(test_query_int(path, "SELECT count(*) FROM pragma_integrity_check"
	    " WHERE integrity_check <> 'ok'"), 0);
	store_close(st);
	free(path);
}

int
main(void)
{
	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	test_links();
	test_migration();
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmpdir);
	free(cmd);
	return test_done("test_store_links");
}
