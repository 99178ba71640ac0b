/* fuzz_quotes.c — the quotation finder (quotes_find) on an article built
 * from the input, one block per line, marked up by a line prefix:
 *   ">"… block quote (one '>' per level; a run of them is one block quote)
 *   "~ " the attribution (<cite>, one line) of the block quote just before
 *   "= " a pull quote        "#"… heading (level = count)
 *   "- " list item           "---" rule           anything else: paragraph
 * "{…}" inside a line is a <q> span; a 0x01 byte is a <br> ('\n').
 * Properties: quotes stay in block order and point at blocks that exist;
 * every string is clean UTF-8; a second run gives the same quotes. */
#include "article.h"
#include "fuzz.h"
#include "quotes.h"
#include "util.h"

/* Normalise line[0..n) as the block walker would: each 0x01-separated piece
 * normalised, pieces joined by '\n'. Returns a new string. */
static char *
block_text(const char *line, size_t n)
{
	struct buf b = {0};
	buf_puts(&b, "");
	size_t start = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && line[i] != '\x01')
			continue;
		char *piece = xstrndup(line + start, i - start);
		char *norm = text_normalize(piece);
		if (norm[0] != '\0') {
			if (b.len > 0)
				buf_putc(&b, '\n');
			buf_puts(&b, norm);
		}
		free(norm);
		free(piece);
		start = i + 1;
	}
	return buf_detach(&b);
}

/* Normalise a <cite>'s text as the block walker does: one line. */
static char *
cite_text(const char *line, size_t n)
{
	char *raw = xstrndup(line, n);
	char *norm = text_normalize(raw);
	free(raw);
	return norm;
}

/* Add a block, with <q> spans and quotes for its "{…}" pairs. */
static size_t
add_block(struct article *a, block_kind kind, int level, int quote, const char *text)
{
	size_t bi = article_add_block(a, kind, level, quote, text);
	const char *open = NULL;
	for (const char *p = text; *p != '\0'; p++) {
		if (*p == '{') {
			open = p + 1;
		} else if (*p == '}' && open != NULL) {
			size_t s = (size_t)(open - text), e = (size_t)(p - text);
			article_add_span(a, bi, s, e, SPAN_QUOTE, -1);
			char *qt = xstrndup(open, e - s);
			article_add_quote(a, QUOTE_Q, qt, bi, bi);
			free(qt);
			open = NULL;
		}
	}
	return bi;
}

static struct article *
build(const char *s, size_t n)
{
	struct article *a = article_create();
	size_t open_block = SIZE_MAX;   /* index of the block quote being extended */
	size_t i = 0;
	while (i < n) {
		size_t e = i;
		while (e < n && s[e] != '\n')
			e++;
		const char *line = s + i;
		size_t len = e - i;
		i = e + 1;
		int depth = 0;
		while ((size_t)depth < len && line[depth] == '>')
			depth++;
		char *text = NULL;
		if (depth == 0 && len >= 2 && line[0] == '~' && line[1] == ' ') {
			if (a->nquotes > 0 && a->quotes[a->nquotes - 1].kind != QUOTE_Q &&
			    a->quotes[a->nquotes - 1].cite_raw == NULL)
				a->quotes[a->nquotes - 1].cite_raw = cite_text(line + 2, len - 2);
			open_block = SIZE_MAX;
			continue;
		}
		if (depth > 0) {
			text = block_text(line + depth, len - depth);
			if (text[0] != '\0') {
				size_t bi = add_block(a, BLOCK_PARAGRAPH, 0, depth, text);
				struct quote *last = a->nquotes > 0 ? &a->quotes[a->nquotes - 1] : NULL;
				if (open_block == a->nquotes - 1 && last != NULL && last->last_block + 1 == bi) {
					char *joined = xasprintf("%s %s", last->text, text);
					free(last->text);
					last->text = joined;
					last->last_block = bi;
				} else {
					article_add_quote(a, QUOTE_BLOCK, text, bi, bi);
					open_block = a->nquotes - 1;
				}
			}
			free(text);
			continue;
		}
		open_block = SIZE_MAX;
		if (len >= 3 && memcmp(line, "---", 3) == 0) {
			article_add_block(a, BLOCK_RULE, 0, 0, "");
			continue;
		}
		block_kind kind = BLOCK_PARAGRAPH;
		int level = 0, skip = 0;
		if (len >= 2 && line[0] == '=' && line[1] == ' ') {
			text = block_text(line + 2, len - 2);
			if (text[0] != '\0') {
				size_t bi = article_add_block(a, BLOCK_PARAGRAPH, 0, 1, text);
				article_add_quote(a, QUOTE_PULL, text, bi, bi);
			}
			free(text);
			continue;
		}
		if (len >= 1 && line[0] == '#') {
			while (skip < (int)len && skip < 6 && line[skip] == '#')
				skip++;
			kind = BLOCK_HEADING;
			level = skip;
		} else if (len >= 2 && line[0] == '-' && line[1] == ' ') {
			kind = BLOCK_LIST_ITEM;
			level = 1;
			skip = 2;
		}
		text = block_text(line + skip, len - (size_t)skip);
		if (text[0] != '\0')
			add_block(a, kind, level, 0, text);
		free(text);
	}
	return a;
}

/* Check the quotes of a against its blocks. */
static void
check_quotes(const struct article *a)
{
	for (size_t i = 0; i < a->nquotes; i++) {
		const struct quote *q = &a->quotes[i];
		FUZZ_CHECK(q->text != NULL);
		fuzz_check_clean(q->text, "\n\t");
		FUZZ_CHECK(q->first_block <= q->last_block && q->last_block < a->nblocks);
		if (i > 0)
			FUZZ_CHECK(a->quotes[i - 1].first_block <= q->first_block);
		fuzz_check_clean(q->author, "");
		fuzz_check_clean(q->publication, "");
		fuzz_check_clean(q->title, "");
		fuzz_check_clean(q->cite_url, "");
		FUZZ_CHECK(q->year >= 0 && q->year < 10000);
	}
}

static bool
same_str(const char *x, const char *y)
{
	return (x == NULL && y == NULL) || (x != NULL && y != NULL && strcmp(x, y) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct article *a = build((const char *)data, size);
	quotes_find(a);
	check_quotes(a);

	/* A second pass replaces the first pass's inline quotations. */
	size_t n = a->nquotes;
	struct quote *saved = xreallocarray(NULL, n ? n : 1, sizeof *saved);
	for (size_t i = 0; i < n; i++) {
		saved[i] = a->quotes[i];
		saved[i].text = xstrdup(a->quotes[i].text);
		saved[i].author = xstrdup(a->quotes[i].author);
		saved[i].publication = xstrdup(a->quotes[i].publication);
		saved[i].title = xstrdup(a->quotes[i].title);
	}
	quotes_find(a);
	check_quotes(a);
	FUZZ_CHECK(a->nquotes == n);
	for (size_t i = 0; i < n; i++) {
		const struct quote *q = &a->quotes[i];
		FUZZ_CHECK(q->kind == saved[i].kind && q->first_block == saved[i].first_block &&
		    q->last_block == saved[i].last_block && q->year == saved[i].year);
		FUZZ_CHECK(same_str(q->text, saved[i].text));
		FUZZ_CHECK(same_str(q->author, saved[i].author));
		FUZZ_CHECK(same_str(q->publication, saved[i].publication));
		FUZZ_CHECK(same_str(q->title, saved[i].title));
		free(saved[i].text);
		free(saved[i].author);
		free(saved[i].publication);
		free(saved[i].title);
	}
	free(saved);
	article_free(a);
	return 0;
}
