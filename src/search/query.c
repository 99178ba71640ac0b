/* query.c — the query sanitiser. User text is lexed into words, "phrases",
 * prefix*, AND/OR/NOT, NEAR(...) groups and parentheses, then made valid:
 * unmatched or empty parentheses are dropped, an operator without an operand
 * on each side becomes a plain word, and operands side by side are joined
 * with an explicit AND (FTS5 accepts implicit AND only between phrases).
 * Every word and phrase is rendered as a quoted string, so no character a
 * user types can be read as FTS5 syntax: what MATCH receives is valid by
 * construction. */
#include "search.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "text.h"

/* The query as clean code points: invalid UTF-8 and control characters
 * become spaces, curly double quotes straight ones. */
struct cps {
	uint32_t *c;
	size_t n;
};

/* Decode at most SEARCH_MAX_QUERY bytes of s into clean code points. */
static struct cps
decode(const char *s)
{
	size_t len = strnlen(s, SEARCH_MAX_QUERY);
	struct cps out = { xcalloc(len + 1, sizeof(uint32_t)), 0 };
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (k == 0) {
			cp = ' ';
			k = 1;
		}
		i += k;
		if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
			cp = ' ';
		else if (cp == 0x201c || cp == 0x201d || cp == 0x201e)
			cp = '"';
		out.c[out.n++] = cp;
	}
	return out;
}

/* Return c[from..to) as newly allocated UTF-8. */
static char *
encode(const uint32_t *c, size_t from, size_t to)
{
	struct buf b = {0};
	for (size_t i = from; i < to; i++) {
		char enc[4];
		buf_append(&b, enc, utf8_encode(c[i], enc));
	}
	return buf_detach(&b);
}

/* Whether cp may join two parts of one word (don't, e-mail, e.g). */
static bool
is_joiner(uint32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == '-' || cp == '.' || cp == '_';
}

/* Return the end of the word starting at c[i] (a word character). */
static size_t
word_end(const struct cps *q, size_t i)
{
	while (i < q->n) {
		if (fold_is_word(q->c[i]) || fold_is_mark(q->c[i]))
			i++;
		else if (is_joiner(q->c[i]) && i + 1 < q->n && fold_is_word(q->c[i + 1]))
			i++;
		else
			break;
	}
	return i;
}

/* Whether c[from..to) holds a word character. */
static bool
has_word(const uint32_t *c, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (fold_is_word(c[i]))
			return true;
	return false;
}

/* Whether c[i..) starts with the ASCII word w, followed by no word character. */
static bool
is_keyword(const struct cps *q, size_t i, size_t end, const char *w)
{
	size_t n = strlen(w);
	if (end - i != n)
		return false;
	for (size_t k = 0; k < n; k++)
		if (q->c[i + k] != (uint32_t)(unsigned char)w[k])
			return false;
	return true;
}

/* Skip spaces from i. */
static size_t
skip_space(const struct cps *q, size_t i)
{
	while (i < q->n && (q->c[i] == ' ' || text_is_space(q->c[i])))
		i++;
	return i;
}

/* Lex a quoted phrase at c[i] == '"' into t; returns the index after it, or
 * 0 when the quote is not closed. t->text is NULL when it holds no word. */
static size_t
lex_phrase(const struct cps *q, size_t i, struct qtok *t)
{
	size_t j = i + 1;
	while (j < q->n && q->c[j] != '"')
		j++;
	if (j >= q->n)
		return 0;
	memset(t, 0, sizeof *t);
	t->kind = Q_PHRASE;
	t->text = has_word(q->c, i + 1, j) ? encode(q->c, i + 1, j) : NULL;
	j++;
	if (j < q->n && q->c[j] == '*') {
		t->prefix = true;
		j++;
	}
	return j;
}

/* Lex a bare word at c[i] into t; returns the index after it. */
static size_t
lex_word(const struct cps *q, size_t i, struct qtok *t)
{
	size_t end = word_end(q, i);
	memset(t, 0, sizeof *t);
	t->kind = Q_WORD;
	t->text = encode(q->c, i, end);
	if (end < q->n && q->c[end] == '*') {
		t->prefix = true;
		end++;
	}
	return end;
}

/* Free what token t owns. */
static void
qtok_clear(struct qtok *t)
{
	free(t->text);
	for (size_t i = 0; i < t->nitems; i++)
		qtok_clear(&t->items[i]);
	free(t->items);
}

/* Lex NEAR(phrase phrase ... [, N]) from c[i] == '(' into t; returns the
 * index after ')' or 0 when it is not a well-formed group with a word. */
static size_t
lex_near(const struct cps *q, size_t i, struct qtok *t)
{
	memset(t, 0, sizeof *t);
	t->kind = Q_NEAR;
	t->distance = -1;
	i++;
	for (;;) {
		i = skip_space(q, i);
		if (i >= q->n)
			goto fail;
		uint32_t c = q->c[i];
		struct qtok item;
		if (c == ')') {
			i++;
			break;
		} else if (c == ',') {
			i = skip_space(q, i + 1);
			long d = 0;
			size_t digits = 0;
			while (i < q->n && q->c[i] >= '0' && q->c[i] <= '9') {
				if (d < 100000)
					d = d * 10 + (long)(q->c[i] - '0');
				i++;
				digits++;
			}
			i = skip_space(q, i);
			if (digits == 0 || i >= q->n || q->c[i] != ')')
				goto fail;
			t->distance = d > 9999 ? 9999 : (int)d;
			i++;
			break;
		} else if (c == '"') {
			size_t j = lex_phrase(q, i, &item);
			if (j == 0)
				goto fail;
			i = j;
		} else if (fold_is_word(c)) {
			i = lex_word(q, i, &item);
		} else {
			goto fail;
		}
		if (item.text == NULL)
			continue;
		t->items = xreallocarray(t->items, t->nitems + 1, sizeof *t->items);
		t->items[t->nitems++] = item;
	}
	if (t->nitems == 0)
		goto fail;
	return i;
fail:
	qtok_clear(t);
	return 0;
}

/* Append t to q. */
static void
push(struct query *q, const struct qtok *t)
{
	q->toks = xreallocarray(q->toks, q->n + 1, sizeof *q->toks);
	q->toks[q->n++] = *t;
}

/* Lex the whole query into tokens. */
static void
lex(struct query *out, const struct cps *q)
{
	size_t i = 0;
	while (i < q->n) {
		uint32_t c = q->c[i];
		struct qtok t;
		memset(&t, 0, sizeof t);
		if (c == '"') {
			size_t j = lex_phrase(q, i, &t);
			if (j == 0) {           /* an unbalanced quote is a space */
				i++;
				continue;
			}
			i = j;
			if (t.text == NULL)
				continue;
			push(out, &t);
		} else if (c == '(' || c == ')') {
			t.kind = c == '(' ? Q_LPAREN : Q_RPAREN;
			push(out, &t);
			i++;
		} else if (fold_is_word(c)) {
			size_t end = word_end(q, i);
			static const struct { const char *word; qtok_kind kind; } ops[] = {
				{ "AND", Q_AND }, { "OR", Q_OR }, { "NOT", Q_NOT },
			};
			bool star = end < q->n && q->c[end] == '*';
			bool done = false;
			for (size_t k = 0; k < sizeof ops / sizeof ops[0] && !star; k++) {
				if (is_keyword(q, i, end, ops[k].word)) {
					t.kind = ops[k].kind;
					t.text = xstrdup(ops[k].word);
					push(out, &t);
					i = end;
					done = true;
				}
			}
			if (!done && !star && is_keyword(q, i, end, "NEAR") && end < q->n &&
			    q->c[end] == '(') {
				size_t j = lex_near(q, end, &t);
				if (j != 0) {
					push(out, &t);
					i = j;
					done = true;
				}
			}
			if (!done) {
				i = lex_word(q, i, &t);
				push(out, &t);
			}
		} else {
			i++;                    /* anything else separates words */
		}
	}
}

bool
query_is_operand(const struct qtok *t)
{
	return t->kind == Q_WORD || t->kind == Q_PHRASE || t->kind == Q_NEAR || t->as_word;
}

/* Index of the next token after i not dropped, or q->n. */
static size_t
next_live(const struct query *q, size_t i)
{
	for (i++; i < q->n && q->toks[i].dropped; i++)
		;
	return i;
}

/* Drop parentheses without a partner, pairs with nothing between them and
 * pairs nested deeper than QUERY_MAX_DEPTH (their contents stay). */
static void
fix_parens(struct query *q)
{
	size_t *stack = xcalloc(q->n + 1, sizeof *stack);
	size_t depth = 0;
	for (size_t i = 0; i < q->n; i++) {
		struct qtok *t = &q->toks[i];
		if (t->dropped)
			continue;
		if (t->kind == Q_LPAREN) {
			stack[depth++] = i;
		} else if (t->kind == Q_RPAREN) {
			if (depth == 0) {
				t->dropped = true;
				continue;
			}
			size_t open = stack[--depth];
			if (next_live(q, open) == i) {
				q->toks[open].dropped = true;
				t->dropped = true;
			}
		}
	}
	while (depth > 0)
		q->toks[stack[--depth]].dropped = true;
	free(stack);
	/* Depth is counted over the pairs that are left. */
	depth = 0;
	size_t *open_deep = xcalloc(q->n + 1, sizeof *open_deep);
	for (size_t i = 0; i < q->n; i++) {
		struct qtok *t = &q->toks[i];
		if (t->dropped)
			continue;
		if (t->kind == Q_LPAREN) {
			open_deep[depth] = depth >= QUERY_MAX_DEPTH;
			if (open_deep[depth])
				t->dropped = true;
			depth++;
		} else if (t->kind == Q_RPAREN) {
			depth--;
			if (open_deep[depth])
				t->dropped = true;
		}
	}
	free(open_deep);
}

/* Make each operator without an operand on both sides a plain word. */
static void
fix_operators(struct query *q)
{
	bool after_operand = false;
	for (size_t i = 0; i < q->n; i++) {
		struct qtok *t = &q->toks[i];
		if (t->dropped)
			continue;
		if (t->kind == Q_AND || t->kind == Q_OR || t->kind == Q_NOT) {
			size_t j = next_live(q, i);
			bool before_operand = j < q->n &&
			    (q->toks[j].kind == Q_WORD || q->toks[j].kind == Q_PHRASE ||
			    q->toks[j].kind == Q_NEAR || q->toks[j].kind == Q_LPAREN);
			if (!after_operand || !before_operand)
				t->as_word = true;
		}
		after_operand = query_is_operand(t) || t->kind == Q_RPAREN;
	}
}

/* Keep the first QUERY_MAX_OPERANDS operands: drop everything after them,
 * then what that leaves unmatched or dangling. Done on the valid query, so
 * that sanitising a sanitised query changes nothing. */
static void
truncate_operands(struct query *q)
{
	size_t count = 0;
	for (size_t i = 0; i < q->n; i++) {
		struct qtok *t = &q->toks[i];
		if (t->dropped)
			continue;
		if (count == QUERY_MAX_OPERANDS)
			t->dropped = true;
		else if (query_is_operand(t))
			count++;
	}
	if (count < QUERY_MAX_OPERANDS)
		return;
	fix_parens(q);
	for (size_t i = q->n; i-- > 0;) {
		struct qtok *t = &q->toks[i];
		if (t->dropped)
			continue;
		if (query_is_operand(t) || t->kind == Q_RPAREN)
			break;
		t->dropped = true;      /* an operator left at the end */
	}
}

/* Mark the operand of each NOT (a group: all of it) as negated. */
static void
mark_negated(struct query *q)
{
	for (size_t i = 0; i < q->n; i++) {
		struct qtok *t = &q->toks[i];
		if (t->dropped || t->kind != Q_NOT || t->as_word)
			continue;
		size_t j = next_live(q, i);
		int depth = 0;
		for (; j < q->n; j = next_live(q, j)) {
			struct qtok *u = &q->toks[j];
			u->negated = true;
			if (u->kind == Q_LPAREN)
				depth++;
			else if (u->kind == Q_RPAREN)
				depth--;
			if (depth <= 0)
				break;
		}
	}
}

struct query *
query_parse(const char *text)
{
	struct query *q = xcalloc(1, sizeof *q);
	struct cps c = decode(text != NULL ? text : "");
	lex(q, &c);
	free(c.c);
	fix_parens(q);
	fix_operators(q);
	truncate_operands(q);
	mark_negated(q);
	return q;
}

void
query_free(struct query *q)
{
	if (q == NULL)
		return;
	for (size_t i = 0; i < q->n; i++)
		qtok_clear(&q->toks[i]);
	free(q->toks);
	free(q);
}

/* Append a word or phrase as a quoted FTS5 string. */
static void
render_string(struct buf *b, const struct qtok *t)
{
	buf_putc(b, '"');
	buf_puts(b, t->text);
	buf_putc(b, '"');
	if (t->prefix)
		buf_putc(b, '*');
}

char *
search_query_sanitize(const char *query)
{
	struct query *q = query_parse(query);
	struct buf b = {0};
	bool after_operand = false, any = false;
	for (size_t i = 0; i < q->n; i++) {
		const struct qtok *t = &q->toks[i];
		if (t->dropped)
			continue;
		bool operand = query_is_operand(t);
		if ((operand || t->kind == Q_LPAREN) && after_operand)
			buf_puts(&b, " AND ");
		else if (b.len > 0 && t->kind != Q_RPAREN && b.data[b.len - 1] != '(')
			buf_putc(&b, ' ');
		if (t->kind == Q_NEAR) {
			buf_puts(&b, "NEAR(");
			for (size_t k = 0; k < t->nitems; k++) {
				if (k > 0)
					buf_putc(&b, ' ');
				render_string(&b, &t->items[k]);
			}
			if (t->distance >= 0)
				buf_printf(&b, ", %d", t->distance);
			buf_putc(&b, ')');
		} else if (operand) {
			render_string(&b, t);
		} else {
			buf_puts(&b, t->kind == Q_LPAREN ? "(" : t->kind == Q_RPAREN ? ")" : t->text);
		}
		any = any || operand;
		after_operand = operand || t->kind == Q_RPAREN;
	}
	query_free(q);
	if (!any) {
		buf_free(&b);
		return xstrdup("");
	}
	return buf_detach(&b);
}
