/* search.h — full-text search over the library: all text (titles, headings,
 * body) or the quoted passages only, ranked by bm25, with snippets; the query
 * sanitiser that turns anything a user types into a valid FTS5 expression;
 * and a matcher that finds a query's words in an article's text, folding case
 * and diacritics as the index does, so the pager can highlight them and step
 * through them with n/N. */
#ifndef QUIRE_SEARCH_H
#define QUIRE_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

struct store;

/* Match markers in search_hit.snippet: SEARCH_MARK_ON before each matched
 * word, SEARCH_MARK_OFF after it. They are control characters, which never
 * occur otherwise in a snippet (it is sanitised: no other control character,
 * no newline), so a caller can split on them safely: bold on a terminal,
 * "[" and "]" when piped. */
#define SEARCH_MARK_ON '\x02'
#define SEARCH_MARK_OFF '\x03'
/* The same as strings, for strchr/strcspn and printing. */
#define SEARCH_MARK_ON_S "\x02"
#define SEARCH_MARK_OFF_S "\x03"

/* The longest query, in bytes, that is searched; the rest is ignored. */
#define SEARCH_MAX_QUERY 4096

/* What to search. */
typedef enum search_scope {
	SEARCH_ALL,      /* titles, headings and body text: one hit per article */
	SEARCH_QUOTES,   /* quoted passages only: one hit per quotation */
} search_scope;

/* Turn what a user typed into a valid FTS5 MATCH expression. Kept as typed:
 * words, "exact phrases", prefix* (a word then *), AND, OR, NOT (upper case)
 * between two operands, NEAR(a b[, N]) when well formed, and balanced
 * parentheses. Everything else — an unbalanced quote, a lone * - : ( ), a
 * column filter, a dangling operator, punctuation, invalid UTF-8 — is taken as
 * plain words. Words are always emitted as quoted strings, so the output is
 * accepted by MATCH whatever the input (the fuzz harness checks this).
 * Returns a newly allocated string, "" when the query holds no word to search
 * for (MATCH must not be run with ""). */
char *search_query_sanitize(const char *query);

/* One hit. All strings are owned by the results and are sanitised for a
 * terminal (no control characters; the snippet keeps only its markers).
 * Strings are NULL where unknown. */
struct search_hit {
	long long article_id;
	char *title;             /* the article's title */
	char *site;              /* its site name */
	char *heading;           /* text of the nearest heading above the hit's
	                            block, NULL when the hit is above every heading */
	size_t block;            /* index of the block the snippet comes from: the
	                            one where most of the query's different terms
	                            are together (a heading wins a tie, then the
	                            earlier block); for a quote, within the quote */
	size_t offset;           /* character (code point) offset in that block's
	                            text of the match the snippet is built around,
	                            as bookmarks count */
	bool in_title;           /* only the title matched: block 0, offset 0 */
	char *snippet;           /* text around that match, one line, with
	                            SEARCH_MARK_ON/OFF around matched words, "…" where cut */
	double score;            /* bm25 after weighting; lower is better */
	/* For quote hits (SEARCH_QUOTES); quote is -1 for text hits. */
	long long quote;         /* the quote's index in its article (quire quotes) */
	char *author;            /* who is quoted */
	char *publication;       /* where it appeared */
	char *work;              /* the title of the quoted work */
	int year;                /* its year, 0 when unknown */
	char *date;              /* its full date as the cite wrote it, NULL
	                            when only the year is known */
	char *source_url;        /* the quote's source (cite URL) */
};

struct search_results {
	struct search_hit *hits; /* best first */
	size_t n;
};

/* Search st for query (raw user text; sanitised here) in scope — all text:
 * articles holding every term anywhere (title, headings, body; "every term"
 * as the query's AND, OR, NOT and NEAR say), ranked by
 * bm25 with a title match counting four times and a heading twice; quotes:
 * quoted passages and their attribution — returning at
 * most limit hits (0: a default of 20) in *out (free with
 * search_results_free). A query with nothing to search for is an error
 * ("nothing to search for"); no hits is not. Returns 0, or -1 with *errp set
 * and *out NULL. */
int search_run(struct store *st, const char *query, search_scope scope, size_t limit,
    struct search_results **out, char **errp);
void search_results_free(struct search_results *r);   /* NULL: no-op */

/* A query's match terms, compiled for finding them in text: each word or
 * phrase it looks for (words under NOT are left out), folded like the index
 * (case, diacritics), with prefix terms matching any word they begin. */
struct search_matcher;

/* Compile the terms of query (raw user text). Never fails; a query with no
 * term gives a matcher that finds nothing. Free with search_matcher_free. */
struct search_matcher *search_matcher_create(const char *query);
void search_matcher_free(struct search_matcher *m);   /* NULL: no-op */
/* The number of terms, and term i as written (folded), valid until the
 * matcher is freed; for a prompt or a status line. */
size_t search_matcher_count(const struct search_matcher *m);
const char *search_matcher_term(const struct search_matcher *m, size_t i);
/* Find the first match in text at or after byte offset from: returns true
 * with [*start, *end) its byte range (a word, or a whole phrase), false when
 * there is none. Matches start on word boundaries. To go backwards (N), walk
 * forwards from 0 and keep the last match before the current one. */
bool search_matcher_find(const struct search_matcher *m, const char *text, size_t from,
    size_t *start, size_t *end);

#endif
