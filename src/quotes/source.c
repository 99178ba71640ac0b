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
 * prefix of the other, when the shorter has at least MIN_PREFIX_WORDS words
 * and the longer breaks there with punctuation (a headline that the
 * quotation's lead-in runs on past into the standfirst, a title with
 * "| Site" after it) — "Colonial Van Lines" names a company, not the work
 * "Colonial Van Lines customer testimonial"; a name cut short with an
 * ellipsis may end anywhere. A longer agreement beats a shorter one; among
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

/* A name folded for comparison (fold_name). */
struct folded {
	char *text;              /* lower-case words, one space between */
	char *breaks;            /* as long as text: 'p' beside a punctuated break */
	size_t len, words;
	bool cut;                /* the name ended in an ellipsis */
};

/* A name a link goes by. */
struct candidate {
	struct folded name;
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

/* Whether cp is part of a word: a letter, a digit, or a symbol outside
 * the punctuation, dashes and quotation marks that separate words. */
static bool
word_char(uint32_t cp)
{
	return qt_is_letter(cp) || qt_is_digit(cp) || (cp >= 0x80 && !qt_is_space(cp) &&
	    !qt_is_dash(cp) && !(cp >= 0x2000 && cp <= 0x206f) && cp != 0xab && cp != 0xbb &&
	    cp != 0xa0 && cp != 0xb7);
}

/* Fold s[0, n) into f: lower-case words joined by one space, and beside
 * each of those spaces in f->breaks a 'p' when the page broke the words
 * there with punctuation and a space ("attack? Islamic", "Reach” (The",
 * "owns – who"), where one title may end and more text begin. */
static void
fold_name(const char *s, size_t n, struct folded *f)
{
	struct buf out = {0}, breaks = {0};
	buf_puts(&out, "");
	buf_puts(&breaks, "");
	size_t i = 0;
	bool in_word = false, spaced = false, punct = false;
	f->words = 0;
	f->cut = false;
	while (i < n) {
		size_t len;
		uint32_t cp = qt_cp_at(s, n, i, &len);
		i += len;
		if (word_char(cp)) {
			if (!in_word && out.len > 0) {
				buf_putc(&out, ' ');
				buf_putc(&breaks, spaced && punct ? 'p' : ' ');
			}
			if (!in_word)
				f->words++;
			in_word = true;
			spaced = punct = false;
			char enc[4];
			size_t k = utf8_encode(fold_cp(cp), enc);
			buf_append(&out, enc, k);
			buf_append(&breaks, "    ", k);
			f->cut = false;
			continue;
		}
		if (apostrophe(cp) && in_word && i < n && qt_is_letter(qt_cp_at(s, n, i, NULL)))
			continue;
		in_word = false;
		if (qt_is_space(cp)) {
			spaced = true;
			continue;
		}
		if (cp != ',')
			punct = true;
		if (cp == 0x2026 || (cp == '.' && i + 1 < n && s[i] == '.' && s[i + 1] == '.')) {
			f->cut = true;
			if (cp == '.')
				i += 2;
		} else {
			f->cut = false;
		}
	}
	f->text = buf_detach(&out);
	f->breaks = buf_detach(&breaks);
	f->len = strlen(f->text);
}

/* How well folded names a and b agree: 0 for not at all, else the length
 * of the agreement, doubled when they are equal so that an exact match
 * beats a prefix of the same length. A prefix must end where the longer
 * name breaks with punctuation (a headline, then its standfirst; a title,
 * then "| Site"), or where the shorter was cut with an ellipsis. */
static size_t
agreement(const struct folded *a, const struct folded *b)
{
	if (a->len == 0 || b->len == 0)
		return 0;
	if (a->len == b->len && memcmp(a->text, b->text, a->len) == 0)
		return 2 * a->len;
	const struct folded *s = a->len < b->len ? a : b, *l = s == a ? b : a;
	if (s->words < MIN_PREFIX_WORDS || memcmp(s->text, l->text, s->len) != 0)
		return 0;
	if (s->cut || (l->text[s->len] == ' ' && l->breaks[s->len] == 'p'))
		return s->len;
	return 0;
}

/* Free f's strings. */
static void
folded_clear(struct folded *f)
{
	free(f->text);
	free(f->breaks);
}

/* Whether the works named by work and text agree by the rules above. */
bool
quotes_title_matches(const char *work, const char *text)
{
	struct folded a, b;
	fold_name(work, strlen(work), &a);
	fold_name(text, strlen(text), &b);
	bool ok = agreement(&a, &b) > 0;
	folded_clear(&a);
	folded_clear(&b);
	return ok;
}

/* Whether a link's text is only an address (its URL, or one like it). */
static bool
text_is_address(const struct link *lk)
{
	const char *t = lk->text;
	return strcmp(t, lk->url) == 0 ||
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
	fold_name(s + b, e - b, &c.name);
	if (c.name.words == 0 || c.name.words > max_words) {
		folded_clear(&c.name);
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
	size_t best = SIZE_MAX, best_score = 0, best_dist = SIZE_MAX;
	struct folded name;
	fold_name(work, strlen(work), &name);
	for (size_t i = 0; i < n; i++) {
		size_t score = agreement(&name, &c[i].name);
		if (score == 0 || (exact_only && score != 2 * name.len))
			continue;
		size_t d = distance(q, &a->links[c[i].link]);
		if (score > best_score || (score == best_score && d < best_dist)) {
			best = c[i].link;
			best_score = score;
			best_dist = d;
		}
	}
	folded_clear(&name);
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
		if (lk->text == NULL || lk->text[0] == '\0')
			continue;   /* an image or an empty anchor names nothing */
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
		folded_clear(&c[i].name);
	free(c);
}
