/* internal.h — the search module's private parts: the query as parsed from
 * user text (query.c), the word folding and tokenising that mirror FTS5's
 * unicode61 tokenizer with remove_diacritics 2 (fold.c), shared by the
 * sanitiser, the matcher (match.c) and the search run (run.c). */
#ifndef QUIRE_SEARCH_INTERNAL_H
#define QUIRE_SEARCH_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* The most operands (words, phrases, NEAR groups) a query keeps, and the
 * deepest parentheses: FTS5's parser has a fixed stack. */
#define QUERY_MAX_OPERANDS 64
#define QUERY_MAX_DEPTH 8

typedef enum qtok_kind {
	Q_WORD,      /* a bare word, possibly prefix* */
	Q_PHRASE,    /* "an exact phrase", possibly prefix* */
	Q_NEAR,      /* NEAR(phrase phrase ..., N) */
	Q_AND, Q_OR, Q_NOT,
	Q_LPAREN, Q_RPAREN,
} qtok_kind;

/* One token of a query. Words and phrases hold clean UTF-8 text with no
 * double quote and no control character. */
struct qtok {
	qtok_kind kind;
	char *text;              /* Q_WORD, Q_PHRASE, operators: as typed */
	bool prefix;             /* followed by '*' */
	bool dropped;            /* removed while making the query valid */
	bool as_word;            /* an operator or NEAR taken as a plain word */
	bool negated;            /* inside the operand of a NOT */
	struct qtok *items;      /* Q_NEAR: its phrases */
	size_t nitems;
	int distance;            /* Q_NEAR: N, or -1 when not given */
};

/* A query parsed and made valid: every token not dropped renders to FTS5
 * syntax that MATCH accepts. */
struct query {
	struct qtok *toks;
	size_t n;
};

/* Parse user text into a valid query; newly allocated (query_free). */
struct query *query_parse(const char *text);
void query_free(struct query *q);
/* Whether token t is an operand (word, phrase, NEAR group or an operator
 * taken as a word) rather than an operator or parenthesis. */
bool query_is_operand(const struct qtok *t);

/* Whether code point cp is part of a word, as unicode61 sees it (letters,
 * digits, private use; not spaces, punctuation or symbols). */
bool fold_is_word(uint32_t cp);
/* Whether cp is a combining mark, which unicode61 folds away. */
bool fold_is_mark(uint32_t cp);
/* Fold cp as the index does: lower case, diacritics removed. */
uint32_t fold_char(uint32_t cp);

/* A word of a text: byte range and its folded form. */
struct fold_token {
	size_t start, end;       /* bytes in the text */
	const char *folded;      /* NUL-terminated, in the fold_tokens' buffer */
};
/* The words of a text. */
struct fold_tokens {
	struct fold_token *t;
	size_t n;
	char *buf;               /* every folded word, NUL after each */
};
/* Split text[from..] into words; a word that began before from is skipped.
 * Fills *out (free with fold_tokens_free). */
void fold_tokenize(const char *text, size_t from, struct fold_tokens *out);
void fold_tokens_free(struct fold_tokens *t);

/* One match of a matcher's term in a text. */
struct match {
	size_t start, end;       /* bytes */
	size_t term;             /* which term */
};
struct search_matcher;
/* Find up to max matches in text at or after byte from, in order, without
 * overlaps; returns how many were stored in out. */
size_t matcher_all(const struct search_matcher *m, const char *text, size_t from,
    struct match *out, size_t max);

#endif
