/* fuzz_query.c — the search query sanitiser and matcher. The input up to
 * its first NUL is what a user typed. Properties: the sanitised expression is
 * well-formed UTF-8 without control characters; it is "" or accepted by FTS5
 * MATCH on an in-memory table with quire's tokenizer (never a syntax error);
 * sanitising it again gives it back unchanged; the matcher built from the
 * input finds matches only inside the text it searches, in order. */
#include <sqlite3.h>

#include "fuzz.h"
#include "search.h"
#include "util.h"

/* The in-memory FTS5 table, made once for the whole run. */
static sqlite3 *db;
static sqlite3_stmt *match;

static void
setup(void)
{
	if (db != NULL)
		return;
	FUZZ_CHECK(sqlite3_open(":memory:", &db) == SQLITE_OK);
	FUZZ_CHECK(sqlite3_exec(db,
	    "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2');"
	    "INSERT INTO t VALUES ('the quick brown fox jumps over the lazy dog');"
	    "INSERT INTO t VALUES ('Café crème, naïve façade — “quoted” words and NEAR or AND');",
	    NULL, NULL, NULL) == SQLITE_OK);
	FUZZ_CHECK(sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?1", -1, &match,
	    NULL) == SQLITE_OK);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	setup();
	char *in = fuzz_cstr(data, size);
	char *expr = search_query_sanitize(in);
	size_t n = strlen(expr);
	FUZZ_CHECK(utf8_valid(expr, n));
	for (size_t i = 0; i < n; i++)
		FUZZ_CHECK((unsigned char)expr[i] >= 0x20 && expr[i] != 0x7f);
	if (n > 0) {
		sqlite3_reset(match);
		sqlite3_bind_text(match, 1, expr, -1, SQLITE_STATIC);
		int rc = sqlite3_step(match);
		if (rc != SQLITE_ROW)
			fprintf(stderr, "MATCH refused '%s': %s\n", expr, sqlite3_errmsg(db));
		FUZZ_CHECK(rc == SQLITE_ROW);
		sqlite3_reset(match);
	}
	char *again = search_query_sanitize(expr);
	FUZZ_CHECK(strcmp(again, expr) == 0);
	free(again);

	struct search_matcher *m = search_matcher_create(in);
	static const char text[] = "The quick brown fox — café crème, naïve façade; “quoted” words.";
	const char *texts[] = { text, in };
	for (size_t t = 0; t < 2; t++) {
		size_t len = strlen(texts[t]), from = 0, s, e, last = 0;
		int steps = 0;
		while (steps++ < 64 && search_matcher_find(m, texts[t], from, &s, &e)) {
			FUZZ_CHECK(s >= from && s < e && e <= len && s >= last);
			last = s;
			from = e;
		}
	}
	for (size_t i = 0; i < search_matcher_count(m); i++)
		FUZZ_CHECK(search_matcher_term(m, i) != NULL);
	search_matcher_free(m);
	free(expr);
	free(in);
	return 0;
}
