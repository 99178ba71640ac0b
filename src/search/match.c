/* match.c — a query's terms, found in an article's text. A term is a word or
 * a phrase (several words in a row), its last word matched as a prefix when
 * the query said word*; NEAR groups give one term per phrase, and operands of
 * NOT give none, since they are what the reader does not want. Text and
 * terms are folded alike (fold.c), so a match starts and ends on word
 * boundaries and ignores case and diacritics as the index does. */
#include "search.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct term {
	char **words;            /* folded */
	size_t nwords;
	bool prefix;
	char *display;           /* the words joined by spaces, '*' if prefix */
};

struct search_matcher {
	struct term *terms;
	size_t n;
};

/* Add the term for a word or phrase token, unless it has no word or is
 * already there. */
static void
add_term(struct search_matcher *m, const struct qtok *t)
{
	struct fold_tokens toks;
	fold_tokenize(t->text, 0, &toks);
	if (toks.n == 0) {
		fold_tokens_free(&toks);
		return;
	}
	struct term term = { xcalloc(toks.n, sizeof(char *)), toks.n, t->prefix, NULL };
	struct buf b = {0};
	for (size_t i = 0; i < toks.n; i++) {
		term.words[i] = xstrdup(toks.t[i].folded);
		if (i > 0)
			buf_putc(&b, ' ');
		buf_puts(&b, term.words[i]);
	}
	if (t->prefix)
		buf_putc(&b, '*');
	term.display = buf_detach(&b);
	fold_tokens_free(&toks);
	for (size_t i = 0; i < m->n; i++) {
		if (strcmp(m->terms[i].display, term.display) == 0) {
			for (size_t k = 0; k < term.nwords; k++)
				free(term.words[k]);
			free(term.words);
			free(term.display);
			return;
		}
	}
	m->terms = xreallocarray(m->terms, m->n + 1, sizeof *m->terms);
	m->terms[m->n++] = term;
}

struct search_matcher *
search_matcher_create(const char *query)
{
	struct search_matcher *m = xcalloc(1, sizeof *m);
	struct query *q = query_parse(query);
	for (size_t i = 0; i < q->n; i++) {
		const struct qtok *t = &q->toks[i];
		if (t->dropped || t->negated || !query_is_operand(t))
			continue;
		if (t->kind == Q_NEAR)
			for (size_t k = 0; k < t->nitems; k++)
				add_term(m, &t->items[k]);
		else
			add_term(m, t);
	}
	query_free(q);
	return m;
}

void
search_matcher_free(struct search_matcher *m)
{
	if (m == NULL)
		return;
	for (size_t i = 0; i < m->n; i++) {
		for (size_t k = 0; k < m->terms[i].nwords; k++)
			free(m->terms[i].words[k]);
		free(m->terms[i].words);
		free(m->terms[i].display);
	}
	free(m->terms);
	free(m);
}

size_t
search_matcher_count(const struct search_matcher *m)
{
	return m != NULL ? m->n : 0;
}

const char *
search_matcher_term(const struct search_matcher *m, size_t i)
{
	return m != NULL && i < m->n ? m->terms[i].display : NULL;
}

/* Whether term matches the words of text starting at toks[i]. */
static bool
term_at(const struct term *term, const struct fold_token *toks, size_t ntoks, size_t i)
{
	if (ntoks - i < term->nwords)
		return false;
	for (size_t k = 0; k < term->nwords; k++) {
		const char *w = term->words[k], *t = toks[i + k].folded;
		bool last = k + 1 == term->nwords;
		if (last && term->prefix ? strncmp(t, w, strlen(w)) != 0 : strcmp(t, w) != 0)
			return false;
	}
	return true;
}

size_t
matcher_all(const struct search_matcher *m, const char *text, size_t from, struct match *out,
    size_t max)
{
	if (m == NULL || m->n == 0 || text == NULL || max == 0)
		return 0;
	size_t found = 0;
	struct fold_tokens toks;
	fold_tokenize(text, from, &toks);
	for (size_t i = 0; i < toks.n && found < max;) {
		size_t longest = 0, which = 0;
		for (size_t k = 0; k < m->n; k++) {
			if (m->terms[k].nwords > longest && term_at(&m->terms[k], toks.t, toks.n, i)) {
				longest = m->terms[k].nwords;
				which = k;
			}
		}
		if (longest == 0) {
			i++;
			continue;
		}
		out[found].start = toks.t[i].start;
		out[found].end = toks.t[i + longest - 1].end;
		out[found].term = which;
		found++;
		i += longest;
	}
	fold_tokens_free(&toks);
	return found;
}

bool
search_matcher_find(const struct search_matcher *m, const char *text, size_t from,
    size_t *start, size_t *end)
{
	struct match one;
	if (matcher_all(m, text, from, &one, 1) == 0)
		return false;
	*start = one.start;
	*end = one.end;
	return true;
}
