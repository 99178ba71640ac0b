/* searchbench.c — the search benchmark behind `make bench`: builds (once,
 * resuming if cut short) a library of generated articles — Zipf-distributed
 * made-up words, headings, paragraphs with inline quotations and their
 * attribution — then runs a fixed set of queries through search_run (top 20
 * with snippets, as quire search does) and prints p50 and p99 latency,
 * whether each query's top 20 is what FTS5's own bm25 ranks first, and the
 * library's size on disk against the text it holds.
 *
 * usage: searchbench DB [ARTICLES] [RUNS]   (defaults 20000 and 15) */
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "article.h"
#include "search.h"
#include "store.h"
#include "util.h"

#define NWORDS 30000
#define NAUTHORS 200

static const char *const syllables[40] = {
	"ba", "ke", "lo", "mi", "nu", "ra", "se", "ti", "vo", "zu", "da", "fe", "go", "hi", "ju",
	"ka", "le", "mo", "ni", "po", "ru", "sa", "te", "vi", "wo", "ya", "ze", "bo", "ci", "du",
	"fa", "gi", "ho", "ke", "lu", "ma", "ne", "pi", "ro", "su",
};

/* The made-up language: words by rank, and the Zipf weights to draw them. */
struct lang {
	char *words[NWORDS];
	double cum[NWORDS];
	char *authors[NAUTHORS];
};

/* Return word number i: its base-40 digits as syllables, from 2 of them. */
static char *
make_word(unsigned i)
{
	char buf[32];
	size_t n = 0;
	unsigned v = i + 40;
	while (v > 0 && n + 3 < sizeof buf) {
		const char *s = syllables[v % 40];
		/* syllables[33] repeats "ke": make it distinct. */
		if (v % 40 == 33)
			s = "ku";
		memcpy(buf + n, s, 2);
		n += 2;
		v /= 40;
	}
	buf[n] = '\0';
	return xstrdup(buf);
}

static void
lang_init(struct lang *l)
{
	double total = 0;
	for (unsigned i = 0; i < NWORDS; i++) {
		l->words[i] = make_word(i);
		total += 1.0 / pow(i + 1, 1.05);
		l->cum[i] = total;
	}
	for (unsigned i = 0; i < NAUTHORS; i++) {
		char *first = make_word(5000 + i * 7), *last = make_word(9000 + i * 13);
		first[0] = (char)(first[0] - 32);
		last[0] = (char)(last[0] - 32);
		l->authors[i] = xasprintf("%s %s", first, last);
		free(first);
		free(last);
	}
}

/* xorshift64*: a fixed sequence per article. */
static unsigned long long
rnd(unsigned long long *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ULL;
}

static const char *
draw(const struct lang *l, unsigned long long *s)
{
	double u = (double)(rnd(s) >> 11) / 9007199254740992.0 * l->cum[NWORDS - 1];
	size_t lo = 0, hi = NWORDS - 1;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (l->cum[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return l->words[lo];
}

/* Append n words to b as sentences. */
static void
words(struct buf *b, const struct lang *l, unsigned long long *s, int n, bool capital)
{
	for (int i = 0; i < n; i++) {
		const char *w = draw(l, s);
		if (i > 0)
			buf_putc(b, ' ');
		if ((capital && i == 0) || (i > 0 && b->data[b->len - 2] == '.'))
			buf_printf(b, "%c%s", w[0] - 32, w + 1);
		else
			buf_puts(b, w);
		if (i + 1 < n && rnd(s) % 12 == 0)
			buf_putc(b, rnd(s) % 2 ? ',' : '.');
	}
}

/* Build article number k. */
static struct article *
generate(const struct lang *l, unsigned k)
{
	unsigned long long s = 0x9e3779b97f4a7c15ULL ^ ((unsigned long long)k * 0x100000001b3ULL);
	rnd(&s);
	struct article *a = article_create();
	struct buf b = {0};
	a->url = xasprintf("https://bench.example.org/%u/", k);
	words(&b, l, &s, 4 + (int)(rnd(&s) % 5), true);
	a->title = buf_detach(&b);
	a->site_name = xstrdup("Bench");
	int nblocks = 16 + (int)(rnd(&s) % 8);
	for (int i = 0; i < nblocks; i++) {
		if (i > 0 && i % 6 == 0) {
			words(&b, l, &s, 3 + (int)(rnd(&s) % 4), true);
			article_add_block(a, BLOCK_HEADING, 2, 0, buf_str(&b));
		} else if (i == 3 || i == 11) {
			/* An inline quotation with its attribution in the lead-in. */
			const char *who = l->authors[rnd(&s) % NAUTHORS];
			struct buf q = {0};
			words(&q, l, &s, 20 + (int)(rnd(&s) % 25), true);
			int year = 1700 + (int)(rnd(&s) % 320);
			buf_printf(&b, "As %s wrote in %d, \u201c%s.\u201d ", who, year, buf_str(&q));
			words(&b, l, &s, 15 + (int)(rnd(&s) % 20), true);
			buf_putc(&b, '.');
			size_t bi = article_add_block(a, BLOCK_PARAGRAPH, 0, 0, buf_str(&b));
			struct quote *qt = article_add_quote(a, QUOTE_INLINE, buf_str(&q), bi, bi);
			qt->author = xstrdup(who);
			qt->year = year;
			buf_free(&q);
		} else {
			words(&b, l, &s, 25 + (int)(rnd(&s) % 45), true);
			buf_putc(&b, '.');
			article_add_block(a, BLOCK_PARAGRAPH, 0, 0, buf_str(&b));
		}
		buf_truncate(&b, 0);
	}
	buf_free(&b);
	return a;
}

/* Count the articles in st. */
static int
count_one(const struct store_summary *s, void *ctx)
{
	(*(long long *)ctx)++;
	return 0;
}

/* Milliseconds on clock (wall: CLOCK_MONOTONIC; CPU: this process's). */
static double
clock_ms(clockid_t clock)
{
	struct timespec ts;
	clock_gettime(clock, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double
now_ms(void)
{
	return clock_ms(CLOCK_MONOTONIC);
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* The value at fraction p of sorted v[0..n). */
static double
pct(const double *v, size_t n, double p)
{
	size_t i = (size_t)ceil(p * (double)n) - 1;
	return v[i < n ? i : n - 1];
}

/* One integer from SQL on db. */
static long long
sql_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s;
	long long v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	else
		fprintf(stderr, "searchbench: %s: %s\n", sql, sqlite3_errmsg(db));
	sqlite3_finalize(s);
	return v;
}

/* Whether search_run's top 20 for query are the articles (for quotes, the
 * quotations) that FTS5's bm25 ranks first, in the same order. */
static bool
same_as_bm25(struct store *st, sqlite3 *db, const char *query, search_scope scope)
{
	static const char *const sql[] = {
		[SEARCH_ALL] = "SELECT rowid, -1 FROM articles_fts WHERE articles_fts MATCH ?1"
		    " ORDER BY bm25(articles_fts, 4.0, 2.0, 1.0), rowid LIMIT 20",
		[SEARCH_QUOTES] = "SELECT q.article_id, q.idx FROM quotes_fts"
		    " JOIN quotes q ON q.id = quotes_fts.rowid WHERE quotes_fts MATCH ?1"
		    " ORDER BY bm25(quotes_fts, 1.0, 0.5, 0.3, 0.3, 0.0, 0.0), q.id LIMIT 20",
	};
	struct search_results *r;
	char *err = NULL;
	if (search_run(st, query, scope, 20, &r, &err) < 0) {
		fprintf(stderr, "searchbench: %s: %s\n", query, err);
		free(err);
		return false;
	}
	char *match = search_query_sanitize(query);
	sqlite3_stmt *s;
	bool same = sqlite3_prepare_v2(db, sql[scope], -1, &s, NULL) == SQLITE_OK;
	sqlite3_bind_text(s, 1, match, -1, SQLITE_STATIC);
	size_t n = 0;
	while (same && sqlite3_step(s) == SQLITE_ROW) {
		same = n < r->n && r->hits[n].article_id == sqlite3_column_int64(s, 0) &&
		    r->hits[n].quote == sqlite3_column_int64(s, 1);
		n++;
	}
	same = same && n == r->n;
	if (!same)
		fprintf(stderr, "searchbench: %s: ranked differently from bm25\n", query);
	sqlite3_finalize(s);
	free(match);
	search_results_free(r);
	return same;
}

int
main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: searchbench DB [ARTICLES] [RUNS]\n");
		return 2;
	}
	const char *path = argv[1];
	long long want = argc > 2 ? atoll(argv[2]) : 20000;
	int runs = argc > 3 ? atoi(argv[3]) : 15;
	static struct lang l;
	lang_init(&l);
	char *err = NULL;
	struct store *st = store_open(path, &err);
	if (st == NULL) {
		fprintf(stderr, "searchbench: %s\n", err);
		return 1;
	}
	long long have = 0;
	store_article_list(st, count_one, &have, NULL);
	if (have < want) {
		printf("search: building %lld articles in %s (once; reused next time)\n", want - have,
		    path);
		fflush(stdout);
		double t0 = now_ms();
		for (long long k = have; k < want; k++) {
			struct article *a = generate(&l, (unsigned)k);
			if (store_article_put(st, a, "generated", 9, NULL, NULL, NULL, &err) < 0) {
				fprintf(stderr, "searchbench: %s\n", err);
				return 1;
			}
			article_free(a);
		}
		printf("search: built in %.0f s\n", (now_ms() - t0) / 1e3);
	}

	/* The phrase: two words in a row from a generated paragraph. */
	struct article *sample = generate(&l, 7);
	char w1[32], w2[32];
	sscanf(sample->blocks[1].text, "%*s %*s %31s %31s", w1, w2);
	for (char *p = w1; *p; p++)
		if (*p == ',' || *p == '.')
			*p = '\0';
	for (char *p = w2; *p; p++)
		if (*p == ',' || *p == '.')
			*p = '\0';
	article_free(sample);
	char prefix[8];
	snprintf(prefix, sizeof prefix, "%.4s*", l.words[3000]);
	struct {
		const char *what;
		char *query;
		search_scope scope;
	} queries[] = {
		{ "rare word", xstrdup(l.words[29500]), SEARCH_ALL },
		{ "rare word", xstrdup(l.words[12000]), SEARCH_ALL },
		{ "middling word", xstrdup(l.words[800]), SEARCH_ALL },
		{ "common word", xstrdup(l.words[100]), SEARCH_ALL },
		{ "very common word", xstrdup(l.words[5]), SEARCH_ALL },
		{ "two words", xasprintf("%s %s", l.words[200], l.words[1500]), SEARCH_ALL },
		{ "phrase", xasprintf("\"%s %s\"", w1, w2), SEARCH_ALL },
		{ "prefix", xstrdup(prefix), SEARCH_ALL },
		{ "OR", xasprintf("%s OR %s", l.words[5000], l.words[6000]), SEARCH_ALL },
		{ "NOT", xasprintf("%s NOT %s", l.words[900], l.words[50]), SEARCH_ALL },
		{ "quotes: word", xstrdup(l.words[300]), SEARCH_QUOTES },
		{ "quotes: author", xstrdup(l.authors[17]), SEARCH_QUOTES },
		{ "quotes: common", xstrdup(l.words[20]), SEARCH_QUOTES },
	};
	size_t nq = sizeof queries / sizeof queries[0];
	/* Wall time is what a reader waits; CPU time shows what the search
	 * itself costs on a machine shared with other work. */
	double *all = xcalloc(nq * (size_t)runs, sizeof *all), *one = xcalloc((size_t)runs, sizeof *one);
	double *cpu_all = xcalloc(nq * (size_t)runs, sizeof *cpu_all);
	double *cpu = xcalloc((size_t)runs, sizeof *cpu);
	size_t nall = 0;
	printf("search: %lld articles; %zu queries x %d runs, top 20 with snippets\n", want, nq, runs);
	for (size_t i = 0; i < nq; i++) {
		struct search_results *r;
		size_t hits = 0;
		if (search_run(st, queries[i].query, queries[i].scope, 20, &r, &err) < 0) {
			fprintf(stderr, "searchbench: %s: %s\n", queries[i].query, err);
			return 1;
		}
		hits = r->n;
		search_results_free(r);          /* warm-up run, not counted */
		for (int k = 0; k < runs; k++) {
			double t0 = now_ms(), c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
			search_run(st, queries[i].query, queries[i].scope, 20, &r, NULL);
			one[k] = now_ms() - t0;
			cpu[k] = clock_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
			cpu_all[nall] = cpu[k];
			all[nall++] = one[k];
			search_results_free(r);
		}
		qsort(one, (size_t)runs, sizeof *one, cmp_double);
		qsort(cpu, (size_t)runs, sizeof *cpu, cmp_double);
		printf("  %-17s %-24.24s %6zu hits  p50 %6.2f ms  max %6.2f ms  (CPU p50 %6.2f ms)\n",
		    queries[i].what, queries[i].query, hits, pct(one, (size_t)runs, 0.5),
		    one[runs - 1], pct(cpu, (size_t)runs, 0.5));
	}
	qsort(all, nall, sizeof *all, cmp_double);
	qsort(cpu_all, nall, sizeof *cpu_all, cmp_double);
	/* What search ranks first must be what FTS5's own bm25 ranks first,
	 * with the same weights: quire_bm25 only skips work. */
	sqlite3 *check;
	size_t same = 0;
	if (sqlite3_open_v2(path, &check, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		return 1;
	for (size_t i = 0; i < nq; i++)
		same += same_as_bm25(st, check, queries[i].query, queries[i].scope);
	sqlite3_close(check);
	printf("search ranking: top 20 the same as FTS5's bm25 for %zu of %zu queries\n", same, nq);
	printf("search latency: p50 %.2f ms, p99 %.2f ms (targets: p50 < 10 ms, p99 < 50 ms);"
	    " CPU p50 %.2f ms, p99 %.2f ms\n", pct(all, nall, 0.5), pct(all, nall, 0.99),
	    pct(cpu_all, nall, 0.5), pct(cpu_all, nall, 0.99));
	store_close(st);

	sqlite3 *db;
	if (sqlite3_open(path, &db) != SQLITE_OK)
		return 1;
	sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
	long long text = sql_int(db, "SELECT sum(length(CAST(text AS BLOB))) FROM blocks") +
	    sql_int(db, "SELECT sum(length(CAST(title AS BLOB))) FROM articles");
	long long fts = sql_int(db, "SELECT sum(pgsize) FROM dbstat WHERE name LIKE '%fts%'");
	/* Pages a migration freed stay in the file until a VACUUM. */
	long long used = sql_int(db, "SELECT (SELECT page_count FROM pragma_page_count)"
	    " - (SELECT freelist_count FROM pragma_freelist_count)") *
	    sql_int(db, "PRAGMA page_size");
	sqlite3_close(db);
	struct stat sb;
	long long disk = stat(path, &sb) == 0 ? (long long)sb.st_size : -1;
	printf("search size: library %.1f MB on disk (%.1f MB in use), text %.1f MB:"
	    " %.2fx the text (%.2fx in use)\n", disk / 1e6, used / 1e6, text / 1e6,
	    (double)disk / (double)text, (double)used / (double)text);
	printf("search index: FTS5 tables (articles_fts, quotes_fts) %.1f MB: %.2fx the text"
	    " (target < 1.5x)\n", fts / 1e6, (double)fts / (double)text);
	for (size_t i = 0; i < nq; i++)
		free(queries[i].query);
	free(all);
	free(one);
	free(cpu_all);
	free(cpu);
	return 0;
}
