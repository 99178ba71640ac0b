/* source.c — a quotation meets its source. When the work a quotation's
 * attribution names is what a link in the same article is called, the
 * link's URL becomes the quotation's cite_url. A link is called by its own
 * anchor text, or — when its text is just its URL, as in a post's list of
 * sources — by the headline printed on the line just before it (or before
 * it on the same line). A URL the page gave the quotation itself (a cite=
 * attribute, a link inside its attribution) is never replaced.
 *
 * The work is the quotation's title; only a quotation with no title is
 * matched by its publication, and then only exactly, so a headline that
 * finds no link never falls back to a newspaper's front page.
 *
 * Names are compared as folded word sequences: case folded, apostrophes
 * dropped inside words, every other mark (quotation marks, dashes,
 * punctuation) a word break. Equal sequences match; so does one that is a
 * prefix of the other at a word boundary (a headline that the quotation's
 * lead-in runs on past, or a title with the site's name after it) when the
 * shorter has at least MIN_PREFIX_WORDS words; a name cut short with an
 * ellipsis may end mid-word. A longer agreement beats a shorter one; among
 * equals the link nearest the quotation wins. */
#include "attrib.h"
#include "quotes.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

enum {
	MIN_PREFIX_WORDS = 3,    /* a prefix match needs at least this many words */
	MAX_HEADLINE_WORDS = 40, /* a line longer than this is prose, not a headline */
};

/* A name a link goes by, folded. */
struct candidate {
	char *name;
	size_t words;
	bool cut;                /* the name ended in an ellipsis */
	size_t link;
};

/* Return cp in lower case for the scripts qt_is_letter knows. */
static uint32_t
fold_cp(uint32_t cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 0x20;
	if (cp >= 0xc0 && cp <= 0xde && cp != 0xd7)
		return cp + 0x20;
	if (cp >= 0x100 && cp <= 0x17f && qt_is_upper(cp))
		return cp + 1;
	if (cp >= 0x391 && cp <= 0x3a9)
		return cp + 0x20;
	if (cp >= 0x410 && cp <= 0x42f)
		return cp + 0x20;
	if (cp >= 0x400 && cp <= 0x40f)
		return cp + 0x50;
	return cp;
}

/* Whether cp is an apostrophe, which joins a word rather than breaking it. */
static bool
apostrophe(uint32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x02bc;
}

/* Return s[0, n) folded to lower-case words joined by one space (newly
 * allocated); *words gets their number and *cut whether s ended in an
 * ellipsis ("…" or "..."). */
static char *
fold_name(const char *s, size_t n, size_t *words, bool *cut)
{
	struct buf out = {0};
	buf_puts(&out, "");
	size_t w = 0, i = 0;
	bool in_word = false;
	*cut = false;
	while (i < n) {
		size_t len;
		uint32_t cp = qt_cp_at(s, n, i, &len);
		i += len;
		if (qt_is_letter(cp) || qt_is_digit(cp) || (cp >= 0x80 && !qt_is_space(cp) &&
		    !qt_is_dash(cp) && !(cp >= 0x2000 && cp <= 0x206f) && cp != 0xab && cp != 0xbb &&
		    cp != 0xa0 && cp != 0xb7)) {
			if (!in_word && out.len > 0)
				buf_putc(&out, ' ');
			if (!in_word)
				w++;
			in_word = true;
			char enc[4];
			buf_append(&out, enc, utf8_encode(fold_cp(cp), enc));
			*cut = false;
			continue;
		}
		if (apostrophe(cp) && in_word && i < n && qt_is_letter(qt_cp_at(s, n, i, NULL)))
			continue;
		in_word = false;
		if (cp == 0x2026 || (cp == '.' && i + 1 < n && s[i] == '.' && s[i + 1] == '.')) {
			*cut = true;
			if (cp == '.')
				i += 2;
		} else if (!qt_is_space(cp)) {
			*cut = false;
		}
	}
	*words = w;
	return buf_detach(&out);
}

/* How well folded names a (aw words, cut short if acut) and b agree: 0 for
 * not at all, else the length of the agreement, doubled when they are
 * equal so that an exact match beats a prefix of the same length. */
static size_t
agreement(const char *a, size_t aw, bool acut, const char *b, size_t bw, bool bcut)
{
	size_t al = strlen(a), bl = strlen(b);
	if (al == 0 || bl == 0)
		return 0;
	if (al == bl && memcmp(a, b, al) == 0)
		return 2 * al;
	const char *s = a, *l = b;
	size_t sl = al, sw = aw;
	bool scut = acut;
	if (al > bl) {
		s = b, l = a, sl = bl, sw = bw, scut = bcut;
	}
	if (sw < MIN_PREFIX_WORDS || memcmp(s, l, sl) != 0)
		return 0;
	return l[sl] == ' ' || scut ? sl : 0;
}

/* Whether the works named by work and text agree by the rules above. */
bool
quotes_title_matches(const char *work, const char *text)
{
	size_t ww, tw;
	bool wc, tc;
	char *a = fold_name(work, strlen(work), &ww, &wc);
	char *b = fold_name(text, strlen(text), &tw, &tc);
	bool ok = agreement(a, ww, wc, b, tw, tc) > 0;
	free(a);
	free(b);
	return ok;
}

/* Whether a link's text is only an address (its URL, or one like it). */
static bool
text_is_address(const struct link *lk)
{
	const char *t = lk->text;
	return t == NULL || t[0] == '\0' || strcmp(t, lk->url) == 0 ||
	    text_starts_with_ci(t, "http://") || text_starts_with_ci(t, "https://") ||
	    text_starts_with_ci(t, "www.");
}

/* Add s[b, e) as a name of link k when it is short enough to be one. */
static void
add_candidate(struct candidate **v, size_t *n, size_t *cap, const char *s, size_t b, size_t e,
    size_t k, size_t max_words)
{
	qt_trim(s, &b, &e);
	if (e <= b)
		return;
	struct candidate c = { .link = k };
	c.name = fold_name(s + b, e - b, &c.words, &c.cut);
	if (c.words == 0 || c.words > max_words) {
		free(c.name);
		return;
	}
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[(*n)++] = c;
}

/* Return the byte offset in block b's text where link k's text starts, or
 * SIZE_MAX when no span of it is there. */
static size_t
link_start(const struct block *b, size_t k)
{
	for (size_t i = 0; i < b->nspans; i++)
		if ((b->spans[i].style & SPAN_LINK) && b->spans[i].link == (int)k)
			return b->spans[i].start;
	return SIZE_MAX;
}

/* Add the headline of bare link k: the text before it on its line, else the
 * line before that (in its block, or the last line of the block before). */
static void
add_headline(const struct article *a, size_t k, struct candidate **v, size_t *n, size_t *cap)
{
	const struct link *lk = &a->links[k];
	if (lk->block >= a->nblocks)
		return;
	const struct block *bl = &a->blocks[lk->block];
	size_t at = link_start(bl, k);
	if (at == SIZE_MAX)
		return;
	const char *s = bl->text;
	size_t line = at;
	while (line > 0 && s[line - 1] != '\n')
		line--;
	size_t b = line, e = at;
	qt_trim(s, &b, &e);
	if (e > b) {
		add_candidate(v, n, cap, s, line, at, k, MAX_HEADLINE_WORDS);
		return;
	}
	if (line > 0) {
		size_t end = line - 1, start = end;
		while (start > 0 && s[start - 1] != '\n')
			start--;
		add_candidate(v, n, cap, s, start, end, k, MAX_HEADLINE_WORDS);
		return;
	}
	if (lk->block == 0)
		return;
	const struct block *pb = &a->blocks[lk->block - 1];
	if (pb->kind != BLOCK_PARAGRAPH && pb->kind != BLOCK_HEADING && pb->kind != BLOCK_LIST_ITEM)
		return;
	s = pb->text;
	size_t end = strlen(s), start = end;
	while (start > 0 && s[start - 1] != '\n')
		start--;
	if (text_starts_with_ci(s + start, "http://") || text_starts_with_ci(s + start, "https://"))
		return;
	add_candidate(v, n, cap, s, start, end, k, MAX_HEADLINE_WORDS);
}

/* Distance in blocks between quotation q and link lk. */
static size_t
distance(const struct quote *q, const struct link *lk)
{
	if (lk->block < q->first_block)
		return q->first_block - lk->block;
	return lk->block > q->last_block ? lk->block - q->last_block : 0;
}

/* Return the link whose name best agrees with work (exact only when
 * exact_only), or SIZE_MAX. */
static size_t
best_link(const struct article *a, const struct quote *q, const char *work, bool exact_only,
    const struct candidate *c, size_t n)
{
	size_t ww, best = SIZE_MAX, best_score = 0, best_dist = SIZE_MAX;
	bool wc;
	char *name = fold_name(work, strlen(work), &ww, &wc);
	for (size_t i = 0; i < n; i++) {
		size_t score = agreement(name, ww, wc, c[i].name, c[i].words, c[i].cut);
		if (score == 0 || (exact_only && score != 2 * strlen(name)))
			continue;
		size_t d = distance(q, &a->links[c[i].link]);
		if (score > best_score || (score == best_score && d < best_dist)) {
			best = c[i].link;
			best_score = score;
			best_dist = d;
		}
	}
	free(name);
	return best;
}

/* Give each quotation without a source the URL of the link named like the
 * work it cites. */
void
quotes_link_sources(struct article *a)
{
	struct candidate *c = NULL;
	size_t n = 0, cap = 0;
	bool wanted = false;
	for (size_t i = 0; i < a->nquotes && !wanted; i++)
		wanted = a->quotes[i].cite_url == NULL &&
		    (a->quotes[i].title != NULL || a->quotes[i].publication != NULL);
	if (!wanted)
		return;
	for (size_t k = 0; k < a->nlinks; k++) {
		const struct link *lk = &a->links[k];
		if (lk->url == NULL || lk->url[0] == '\0' || lk->url[0] == '#')
			continue;
		if (!text_is_address(lk))
			add_candidate(&c, &n, &cap, lk->text, 0, strlen(lk->text), k, SIZE_MAX);
		else
			add_headline(a, k, &c, &n, &cap);
	}
	for (size_t i = 0; i < a->nquotes; i++) {
		struct quote *q = &a->quotes[i];
		if (q->cite_url != NULL)
			continue;
		size_t k = SIZE_MAX;
		if (q->title != NULL)
			k = best_link(a, q, q->title, false, c, n);
		else if (q->publication != NULL)
			k = best_link(a, q, q->publication, true, c, n);
		if (k != SIZE_MAX)
			q->cite_url = xstrdup(a->links[k].url);
	}
	for (size_t i = 0; i < n; i++)
		free(c[i].name);
	free(c);
}
