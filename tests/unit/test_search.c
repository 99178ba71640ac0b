/* test_search.c — the query sanitiser (a table of user text and the FTS5
 * expression it must become, each also run through MATCH on an in-memory
 * table), the matcher's folding and boundaries, and search_run over a small
 * library built here. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "search.h"
#include "store.h"
#include "test.h"
#include "util.h"

/* User text → the expression it must give ("" for nothing to search). */
static const struct {
	const char *in, *out;
} sanitise_cases[] = {
	{ "wagner", "\"wagner\"" },
	{ "Voltaire absurdities", "\"Voltaire\" AND \"absurdities\"" },
	{ "\"window was prepared\"", "\"window was prepared\"" },
	{ "“window was prepared”", "\"window was prepared\"" },
	{ "absurd*", "\"absurd\"*" },
	{ "\"grimly prop\"*", "\"grimly prop\"*" },
	{ "cats AND dogs", "\"cats\" AND \"dogs\"" },
	{ "cats OR dogs", "\"cats\" OR \"dogs\"" },
	{ "cats NOT dogs", "\"cats\" NOT \"dogs\"" },
	{ "cats and dogs", "\"cats\" AND \"and\" AND \"dogs\"" },
	{ "(cats OR dogs) NOT mice", "(\"cats\" OR \"dogs\") NOT \"mice\"" },
	{ "birds (cats OR dogs)", "\"birds\" AND (\"cats\" OR \"dogs\")" },
	{ "NEAR(cats dogs)", "NEAR(\"cats\" \"dogs\")" },
	{ "NEAR(cats \"old dogs\", 5)", "NEAR(\"cats\" \"old dogs\", 5)" },
	{ "NEAR(cats dogs, 99999999999)", "NEAR(\"cats\" \"dogs\", 9999)" },
	/* Not valid FTS5: taken as plain words. */
	{ "\"", "" },
	{ "*", "" },
	{ "-", "" },
	{ ":", "" },
	{ "(", "" },
	{ ")", "" },
	{ "()", "" },
	{ "", "" },
	{ "   ", "" },
	{ "NEAR(", "\"NEAR\"" },
	{ "NEAR(cats", "\"NEAR\" AND \"cats\"" },
	{ "NEAR(cats,)", "\"NEAR\" AND (\"cats\")" },
	{ "a OR", "\"a\" AND \"OR\"" },
	{ "OR a", "\"OR\" AND \"a\"" },
	{ "AND", "\"AND\"" },
	{ "a OR AND b", "\"a\" AND \"OR\" AND \"b\"" },
	{ "NOT cats", "\"NOT\" AND \"cats\"" },
	{ "\"unbalanced quote", "\"unbalanced\" AND \"quote\"" },
	{ "title:cats", "\"title\" AND \"cats\"" },
	{ "-cats +dogs ^mice", "\"cats\" AND \"dogs\" AND \"mice\"" },
	{ "cats (", "\"cats\"" },
	{ "(cats", "\"cats\"" },
	{ "cats)", "\"cats\"" },
	{ "(cats OR)", "(\"cats\" AND \"OR\")" },
	{ "(( ))", "" },
	{ "((((((((((a))))))))))", "((((((((\"a\"))))))))" },
	{ "don't", "\"don't\"" },
	{ "e-mail", "\"e-mail\"" },
	{ "café crème", "\"café\" AND \"crème\"" },
	{ "\"\"", "" },
	{ "\"  \"", "" },
	{ "cats*dogs", "\"cats\"* AND \"dogs\"" },
	{ "ab\xff\xfe" "cd", "\"ab\" AND \"cd\"" },
	{ "tab\there", "\"tab\" AND \"here\"" },
	{ "AND*", "\"AND\"*" },
	{ "\"a\"\"b\"", "\"a\" AND \"b\"" },
};

/* Whether FTS5 accepts expr as a MATCH on db's table t. */
static bool
fts_accepts(sqlite3 *db, const char *expr)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?1", -1, &s, NULL) !=
	    SQLITE_OK)
		return false;
	sqlite3_bind_text(s, 1, expr, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW;
}

/* Every case gives its expression, and FTS5 accepts every non-empty one. */
static void
test_sanitise(sqlite3 *db)
{
	for (size_t i = 0; i < sizeof sanitise_cases / sizeof sanitise_cases[0]; i++) {
		char *got = search_query_sanitize(sanitise_cases[i].in);
		CHECK_STR(got, sanitise_cases[i].out);
		char *again = search_query_sanitize(got);     /* idempotent */
		CHECK_STR(again, got);
		free(again);
		if (got[0] != '\0' && !fts_accepts(db, got)) {
			fprintf(stderr, "FTS5 refused \"%s\" from \"%s\": %s\n", got,
			    sanitise_cases[i].in, sqlite3_errmsg(db));
			CHECK(false);
		}
		free(got);
	}
	/* 10 kB of text: kept short enough, still valid. */
	struct buf big = {0};
	while (big.len < 10240)
		buf_puts(&big, "the quick \"brown fox (jumps* OR over NEAR( the -lazy: dog ");
	char *got = search_query_sanitize(buf_str(&big));
	CHECK(got[0] != '\0');
	CHECK(strlen(got) < 10240);
	CHECK(fts_accepts(db, got));
	free(got);
	buf_free(&big);
	/* Deep nesting and long operator chains stay inside FTS5's parser
	 * stack. */
	static const char *const ops[] = { " OR ", " AND ", " NOT ", " " };
	struct buf deep = {0}, chain = {0};
	for (int i = 0; i < 300; i++)
		buf_printf(&deep, "(w%d%s", i, ops[i % 4]);
	buf_puts(&deep, "end");
	for (int i = 0; i < 300; i++)
		buf_putc(&deep, ')');
	for (int i = 0; i < 200; i++)
		buf_printf(&chain, "w%d%sNEAR(x y, 2)%s", i, ops[i % 4], ops[(i + 1) % 4]);
	const char *hard[] = { buf_str(&deep), buf_str(&chain) };
	for (size_t i = 0; i < 2; i++) {
		got = search_query_sanitize(hard[i]);
		CHECK(got[0] != '\0');
		char *again = search_query_sanitize(got);
		CHECK_STR(again, got);
		free(again);
		if (!fts_accepts(db, got)) {
			fprintf(stderr, "FTS5 refused a hard query: %s\n", sqlite3_errmsg(db));
			CHECK(false);
		}
		free(got);
	}
	buf_free(&deep);
	buf_free(&chain);
	got = search_query_sanitize(NULL);
	CHECK_STR(got, "");
	free(got);
}

/* The matcher folds case and diacritics, keeps word boundaries, honours
 * prefixes and phrases, and leaves out NOT terms. */
static void
test_matcher(void)
{
	static const struct {
		const char *query, *text;
		size_t from;
		int start, end;      /* -1: no match */
	} cases[] = {
		{ "cafe", "A Café in town", 0, 2, 7 },
		{ "CAFÉ", "a cafe", 0, 2, 6 },
		{ "wagner", "The Wagner Group", 0, 4, 10 },
		{ "wag*", "The Wagner Group", 0, 4, 10 },
		{ "agner", "The Wagner Group", 0, -1, -1 },
		{ "\"window was prepared\"", "a window, was prepared here", 0, 2, 22 },
		{ "\"window prepared\"", "a window was prepared", 0, -1, -1 },
		{ "cats NOT dogs", "dogs and cats", 0, 9, 13 },
		{ "cats", "cats and cats", 1, 9, 13 },
		{ "cats", "cats and cats", 4, 9, 13 },
		{ "NEAR(cats dogs)", "dogs", 0, 0, 4 },
		{ "\"", "anything", 0, -1, -1 },
		{ "ÆSIR", "the æsir", 0, 4, 9 },
		{ "москва", "в Москве и МОСКВА", 0, 19, 31 },
		{ "don't", "I don’t know", 0, 2, 9 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct search_matcher *m = search_matcher_create(cases[i].query);
		size_t s = 0, e = 0;
		bool found = search_matcher_find(m, cases[i].text, cases[i].from, &s, &e);
		if (cases[i].start < 0) {
			CHECK(!found);
		} else {
			CHECK(found);
			CHECK_INT(s, cases[i].start);
			CHECK_INT(e, cases[i].end);
		}
		search_matcher_free(m);
	}
	struct search_matcher *m = search_matcher_create("cats \"old dogs\" NOT mice cats");
	CHECK_INT(search_matcher_count(m), 2);
	CHECK_STR(search_matcher_term(m, 0), "cats");
	CHECK_STR(search_matcher_term(m, 1), "old dogs");
	CHECK(search_matcher_term(m, 2) == NULL);
	search_matcher_free(m);
	search_matcher_free(NULL);
	search_results_free(NULL);
}

/* Add an article to st: title, then kind/text pairs ("h" heading, "p"
 * paragraph), then its quotes. */
static long long
put(struct store *st, const char *url, const char *title, const char *const *blocks,
    const char *quote, size_t quote_block, const char *author)
{
	struct article *a = article_create();
	a->url = xstrdup(url);
	a->title = xstrdup(title);
	a->site_name = xstrdup("Test Site");
	for (size_t i = 0; blocks[i] != NULL; i += 2)
		article_add_block(a, blocks[i][0] == 'h' ? BLOCK_HEADING : BLOCK_PARAGRAPH,
		    blocks[i][0] == 'h' ? 2 : 0, 0, blocks[i + 1]);
	if (quote != NULL) {
		struct quote *q = article_add_quote(a, QUOTE_INLINE, quote, quote_block, quote_block);
		q->author = xstrdup(author);
		q->year = 1900;
		q->cite_url = xstrdup("https://example.org/source");
	}
	long long id = 0;
	char *err = NULL;
	if (store_article_put(st, a, "x", 1, NULL, &id, NULL, &err) < 0) {
		fprintf(stderr, "put: %s\n", err);
		free(err);
	}
	article_free(a);
	return id;
}

/* Whether FTS5's integrity check, index against content, passes for every
 * index of the library at path. */
static bool
integrity(const char *path)
{
	sqlite3 *db;
	bool ok = sqlite3_open(path, &db) == SQLITE_OK &&
	    sqlite3_exec(db,
	    "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1);"
	    "INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1);",
	    NULL, NULL, NULL) == SQLITE_OK;
	if (!ok)
		fprintf(stderr, "integrity: %s\n", sqlite3_errmsg(db));
	sqlite3_close(db);
	return ok;
}

/* search_run ranks, places and snippets hits; quotes stay in quotes. */
static void
test_run(void)
{
	char path[] = "/tmp/quire-test-search-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	close(fd);
	unlink(path);
	char *err = NULL;
	struct store *st = store_open(path, &err);
	CHECK(st != NULL);
	static const char *const body1[] = {
		"p", "An essay about gardens and the patience they teach.",
		"h", "Of lanterns",
		"p", "The old keeper said “a lantern is a promise kept at night” and went on.",
		NULL,
	};
	static const char *const body2[] = {
		"p", "Lanterns everywhere: lanterns on the quay, lanterns in the square.",
		NULL,
	};
	static const char *const body3[] = {
		"p", "Nothing here but turnips.",
		NULL,
	};
	long long a1 = put(st, "https://example.org/1", "Gardens", body1,
	    "a lantern is a promise kept at night", 2, "The Keeper");
	long long a2 = put(st, "https://example.org/2", "Harbour Lanterns", body2, NULL, 0, NULL);
	long long a3 = put(st, "https://example.org/3", "Turnips", body3, NULL, 0, NULL);
	(void)a3;

	struct search_results *r = NULL;
	CHECK(search_run(st, "lantern*", SEARCH_ALL, 10, &r, &err) == 0);
	CHECK(r != NULL && r->n == 2);
	if (r != NULL && r->n == 2) {
		CHECK_INT(r->hits[0].article_id, a2);   /* title and body: ranks first */
		CHECK_INT(r->hits[1].article_id, a1);
		CHECK_INT(r->hits[1].block, 1);         /* the heading ranks above body */
		CHECK_STR(r->hits[1].heading, "Of lanterns");
		CHECK(strstr(r->hits[0].snippet, SEARCH_MARK_ON_S "Lanterns" SEARCH_MARK_OFF_S) != NULL);
		CHECK_INT(r->hits[1].quote, -1);
	}
	search_results_free(r);

	CHECK(search_run(st, "promise", SEARCH_ALL, 0, &r, &err) == 0);
	CHECK(r != NULL && r->n == 1);
	if (r != NULL && r->n == 1) {
		CHECK_INT(r->hits[0].block, 2);
		CHECK_INT(r->hits[0].offset, 36);       /* characters, “ counts one */
		CHECK_STR(r->hits[0].title, "Gardens");
		CHECK_STR(r->hits[0].site, "Test Site");
	}
	search_results_free(r);

	CHECK(search_run(st, "promise", SEARCH_QUOTES, 0, &r, &err) == 0);
	CHECK(r != NULL && r->n == 1);
	if (r != NULL && r->n == 1) {
		CHECK_INT(r->hits[0].quote, 0);
		CHECK_STR(r->hits[0].author, "The Keeper");
		CHECK_INT(r->hits[0].year, 1900);
		CHECK_STR(r->hits[0].source_url, "https://example.org/source");
		CHECK_INT(r->hits[0].block, 2);
		CHECK_INT(r->hits[0].offset, 36);
		CHECK_STR(r->hits[0].heading, "Of lanterns");
	}
	search_results_free(r);

	/* "keeper" is in the paragraph but not the quote (nor its author,
	 * "The Keeper" — so search a word only outside): "went". */
	CHECK(search_run(st, "went", SEARCH_QUOTES, 0, &r, &err) == 0);
	CHECK(r != NULL && r->n == 0);
	search_results_free(r);
	CHECK(search_run(st, "went", SEARCH_ALL, 0, &r, &err) == 0);
	CHECK(r != NULL && r->n == 1);
	search_results_free(r);

	/* Title only. */
	CHECK(search_run(st, "harbour", SEARCH_ALL, 0, &r, &err) == 0);
	CHECK(r != NULL && r->n == 1 && r->hits[0].in_title);
	search_results_free(r);

	/* Nothing to search for is an error, with a message. */
	CHECK(search_run(st, "\"*:(", SEARCH_ALL, 0, &r, &err) == -1);
	CHECK(r == NULL);
	CHECK_STR(err, "nothing to search for");
	free(err);
	err = NULL;

	/* The terms of an AND may sit in different blocks; NOT leaves out
	 * the article with the word anywhere. */
	CHECK(search_run(st, "gardens keeper", SEARCH_ALL, 0, &r, &err) == 0);
	CHECK(r != NULL && r->n == 1 && r->hits[0].article_id == a1);
	search_results_free(r);
	CHECK(search_run(st, "lanterns NOT gardens", SEARCH_ALL, 0, &r, &err) == 0);
	CHECK(r != NULL && r->n == 1 && r->hits[0].article_id == a2);
	search_results_free(r);

	/* Re-import in place: the old words leave the index, new ones come. */
	static const char *const body1b[] = {
		"p", "An essay about orchards.",
		NULL,
	};
	CHECK(put(st, "https://example.org/1", "Orchards", body1b, NULL, 0, NULL) == a1);
	CHECK(search_run(st, "gardens", SEARCH_ALL, 0, &r, &err) == 0);
	CHECK(r != NULL && r->n == 0);
	search_results_free(r);
	CHECK(search_run(st, "promise", SEARCH_QUOTES, 0, &r, &err) == 0);
	CHECK(r != NULL && r->n == 0);
	search_results_free(r);
	CHECK(search_run(st, "orchards", SEARCH_ALL, 0, &r, &err) == 0);
	CHECK(r != NULL && r->n == 1 && !r->hits[0].in_title && r->hits[0].block == 0);
	search_results_free(r);
	CHECK(integrity(path));

	/* Deleting an article takes it out of the index. */
	CHECK(store_article_delete(st, a2, &err) == 0);
	CHECK(search_run(st, "lanterns", SEARCH_ALL, 0, &r, &err) == 0);
	CHECK(r != NULL && r->n == 0);
	search_results_free(r);
	CHECK(integrity(path));

	store_close(st);
	unlink(path);
	char side[sizeof path + 8];
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

/* The ids (and quote indexes) and bm25 scores of FTS5's own ranking: sql
 * selects id, quote index and score, best first, with ?1 the MATCH
 * expression and ?2 the limit. Returns how many were stored (at most max). */
static size_t
bm25_top(sqlite3 *db, const char *sql, const char *match, int limit, long long *ids,
    long long *idxs, double *scores, size_t max)
{
	sqlite3_stmt *s;
	size_t n = 0;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
		fprintf(stderr, "bm25_top: %s\n", sqlite3_errmsg(db));
		return 0;
	}
	sqlite3_bind_text(s, 1, match, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, limit);
	while (n < max && sqlite3_step(s) == SQLITE_ROW) {
		ids[n] = sqlite3_column_int64(s, 0);
		idxs[n] = sqlite3_column_int64(s, 1);
		scores[n++] = sqlite3_column_double(s, 2);
	}
	sqlite3_finalize(s);
	return n;
}

/* Search ranks exactly as FTS5's bm25 does, with the same weights, though
 * it skips the length lookup of rows that cannot make the top N: for a
 * word in every article, for OR, for two words, for quotes, at several N. */
static void
test_rank_matches_bm25(void)
{
	char path[] = "/tmp/quire-test-rank-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	close(fd);
	unlink(path);
	char *err = NULL;
	struct store *st = store_open(path, &err);
	CHECK(st != NULL);
	static const char *const vocab[] = {
		"meadow", "river", "stone", "wall", "sheep", "hedge", "gate", "lane", "barn", "field",
		"orchard", "rain", "frost", "hill", "well", "mill",
	};
	unsigned long long seed = 12345;
	for (int k = 0; k < 160; k++) {
		struct buf title = {0}, b = {0};
		buf_printf(&title, "Notes %d on the %s", k, vocab[k % 16]);
		struct article *a = article_create();
		a->url = xasprintf("https://rank.example.org/%d", k);
		a->title = buf_detach(&title);
		int nblocks = 2 + k % 5;
		for (int i = 0; i < nblocks; i++) {
			int nwords = 10 + (int)((seed >> 33) % 60);
			for (int w = 0; w < nwords; w++) {
				seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
				/* plover: in every article, often; lapwing: now and then. */
				unsigned r = (unsigned)(seed >> 40) % 40;
				buf_printf(&b, "%s%s", w > 0 ? " " : "",
				    r < 3 ? "plover" : r == 3 ? "lapwing" : vocab[r % 16]);
			}
			if (i == 1 && k % 3 == 0)
				buf_puts(&b, " plover");
			article_add_block(a, i == 1 && k % 4 == 0 ? BLOCK_HEADING : BLOCK_PARAGRAPH,
			    i == 1 && k % 4 == 0 ? 2 : 0, 0, buf_str(&b));
			if (i == 0) {
				struct quote *q = article_add_quote(a, QUOTE_INLINE, buf_str(&b), 0, 0);
				q->author = xstrdup(k % 2 ? "Plover Hall" : "Ann Lane");
			}
			buf_truncate(&b, 0);
		}
		buf_free(&b);
		CHECK(store_article_put(st, a, "x", 1, NULL, NULL, NULL, &err) == 0);
		article_free(a);
	}
	sqlite3 *db;
	CHECK(sqlite3_open(path, &db) == SQLITE_OK);
	static const char *const text_sql =
	    "SELECT rowid, -1, bm25(articles_fts, 4.0, 2.0, 1.0) AS score FROM articles_fts"
	    " WHERE articles_fts MATCH ?1 ORDER BY score, rowid LIMIT ?2";
	static const char *const quotes_sql =
	    "SELECT q.article_id, q.idx, bm25(quotes_fts, 1.0, 0.5, 0.3, 0.3, 0.0, 0.0) AS score"
	    " FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid"
	    " WHERE quotes_fts MATCH ?1 ORDER BY score, q.id LIMIT ?2";
	static const struct {
		const char *query;
		bool quotes;
	} cases[] = {
		{ "plover", false },
		{ "plover OR lapwing", false },
		{ "plover lapwing", false },
		{ "plover NOT frost", false },
		{ "\"plover meadow\"", false },
		{ "NEAR(plover lapwing, 4)", false },
		{ "plo*", false },
		{ "meadow", false },
		{ "plover", true },
		{ "plover hall", true },
	};
	static const int limits[] = { 1, 3, 10, 50 };
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		for (size_t l = 0; l < sizeof limits / sizeof limits[0]; l++) {
			long long ids[64], idxs[64];
			double scores[64];
			char *match = search_query_sanitize(cases[c].query);
			size_t n = bm25_top(db, cases[c].quotes ? quotes_sql : text_sql, match, limits[l],
			    ids, idxs, scores, 64);
			free(match);
			struct search_results *r = NULL;
			CHECK(search_run(st, cases[c].query, cases[c].quotes ? SEARCH_QUOTES : SEARCH_ALL,
			    (size_t)limits[l], &r, &err) == 0);
			CHECK(n > 0 && r != NULL && r->n == n);
			for (size_t i = 0; r != NULL && i < n && i < r->n; i++) {
				if (r->hits[i].article_id != ids[i] ||
				    (cases[c].quotes && r->hits[i].quote != idxs[i]) ||
				    r->hits[i].score != scores[i]) {
					fprintf(stderr, "rank: %s%s top %d, #%zu: %lld %.17g, bm25 %lld %.17g\n",
					    cases[c].quotes ? "quotes " : "", cases[c].query, limits[l], i,
					    r->hits[i].article_id, r->hits[i].score, ids[i], scores[i]);
					CHECK(false);
					break;
				}
			}
			search_results_free(r);
		}
	}
	sqlite3_close(db);
	store_close(st);
	unlink(path);
	char side[sizeof path + 8];
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

int
main(void)
{
	sqlite3 *db;
	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2');"
	    "INSERT INTO t VALUES ('cats and dogs');", NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "cannot make an FTS5 table\n");
		return 1;
	}
	test_sanitise(db);
	sqlite3_close(db);
	test_matcher();
	test_run();
	test_rank_matches_bm25();
	return test_done("test_search");
}
