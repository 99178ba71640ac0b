/* fold.c — words as the index sees them. FTS5's unicode61 tokenizer with
 * remove_diacritics 2 splits text at everything that is not a letter, digit
 * or private-use character and folds case and diacritics; this is a close
 * copy for the scripts articles are mostly written in (Latin, Greek,
 * Cyrillic), without a locale. Where it differs from SQLite the only cost is
 * a highlight or snippet offset that falls back to the block's start. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "text.h"

bool
fold_is_mark(uint32_t cp)
{
	return (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x1ab0 && cp <= 0x1aff) ||
	    (cp >= 0x1dc0 && cp <= 0x1dff) || (cp >= 0x20d0 && cp <= 0x20ff) ||
	    (cp >= 0xfe20 && cp <= 0xfe2f);
}

/* Ranges of non-ASCII code points that separate words: spaces,
 * punctuation, symbols, emoji. */
static const struct { uint32_t lo, hi; } separators[] = {
	{ 0x80, 0xa9 }, { 0xab, 0xb1 }, { 0xb4, 0xb4 }, { 0xb6, 0xb8 }, { 0xbb, 0xbb },
	{ 0xbf, 0xbf }, { 0xd7, 0xd7 }, { 0xf7, 0xf7 }, { 0x2c2, 0x2c5 }, { 0x2d2, 0x2df },
	{ 0x37e, 0x37e }, { 0x387, 0x387 }, { 0x55a, 0x55f }, { 0x589, 0x58a },
	{ 0x5be, 0x5be }, { 0x5c0, 0x5c0 }, { 0x5c3, 0x5c3 }, { 0x5f3, 0x5f4 },
	{ 0x60c, 0x60d }, { 0x61b, 0x61f }, { 0x66a, 0x66d }, { 0x6d4, 0x6d4 },
	{ 0x964, 0x965 }, { 0x1680, 0x1680 }, { 0x2000, 0x206f }, { 0x20a0, 0x20cf },
	{ 0x2100, 0x2101 }, { 0x2190, 0x245f }, { 0x2500, 0x2775 }, { 0x2794, 0x2bff },
	{ 0x2e00, 0x2e7f }, { 0x3000, 0x3004 }, { 0x3008, 0x3020 }, { 0x3030, 0x3030 },
	{ 0xfd3e, 0xfd3f }, { 0xfe10, 0xfe1f }, { 0xfe30, 0xfe6f }, { 0xfeff, 0xfeff },
	{ 0xff00, 0xff0f }, { 0xff1a, 0xff20 }, { 0xff3b, 0xff40 }, { 0xff5b, 0xff65 },
	{ 0xffe0, 0xffff }, { 0x1f000, 0x1faff }, { 0xe0000, 0xe007f },
};

bool
fold_is_word(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	if (fold_is_mark(cp) || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return false;
	size_t lo = 0, hi = sizeof separators / sizeof separators[0];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < separators[mid].lo)
			hi = mid;
		else if (cp > separators[mid].hi)
			lo = mid + 1;
		else
			return false;
	}
	return true;
}

/* Base letters of U+00C0..U+00FF and U+0100..U+017F; '\0' where a letter
 * has no decomposition (it is only lowered). */
static const char latin1[64 + 1] =
    "aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0\0aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0y";
static const char latin_ext_a[128 + 1] =
    "aaaaaacccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh" "iiiiiiiiii" "\0\0" "jj" "kk" "\0"
    "llllllllll" "nnnnnn" "\0\0\0" "oooooo" "\0\0" "rrrrrr" "ssssssss" "tttttt"
    "uuuuuuuuuuuu" "ww" "yyy" "zzzzzz" "\0";

uint32_t
fold_char(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
	if (cp >= 0xc0 && cp <= 0xff) {
		char base = latin1[cp - 0xc0];
		if (base != '\0')
			return (uint32_t)base;
		return cp < 0xe0 && cp != 0xd7 && cp != 0xdf ? cp + 32 : cp;
	}
	if (cp >= 0x100 && cp <= 0x17f) {
		char base = latin_ext_a[cp - 0x100];
		if (base != '\0')
			return (uint32_t)base;
		return cp == 0x132 || cp == 0x14a || cp == 0x152 ? cp + 1 : cp;
	}
	static const struct { uint32_t from, to; } greek[] = {
		{ 0x386, 0x3b1 }, { 0x388, 0x3b5 }, { 0x389, 0x3b7 }, { 0x38a, 0x3b9 },
		{ 0x38c, 0x3bf }, { 0x38e, 0x3c5 }, { 0x38f, 0x3c9 }, { 0x3ac, 0x3b1 },
		{ 0x3ad, 0x3b5 }, { 0x3ae, 0x3b7 }, { 0x3af, 0x3b9 }, { 0x3cc, 0x3bf },
		{ 0x3cd, 0x3c5 }, { 0x3ce, 0x3c9 }, { 0x3c2, 0x3c3 },
	};
	for (size_t i = 0; i < sizeof greek / sizeof greek[0]; i++)
		if (cp == greek[i].from)
			return greek[i].to;
	if (cp >= 0x391 && cp <= 0x3a9)
		return cp + 0x20;
	if (cp >= 0x400 && cp <= 0x40f)
		cp += 0x50;
	else if (cp >= 0x410 && cp <= 0x42f)
		cp += 0x20;
	if (cp == 0x439)
		return 0x438;            /* й → и */
	if (cp == 0x451)
		return 0x435;            /* ё → е */
	if (cp >= 0x1e00 && cp <= 0x1eff && cp % 2 == 0 && !(cp >= 0x1e96 && cp <= 0x1e9f))
		return cp + 1;
	return cp;
}

/* Whether the code point ending just before byte i of s is part of a word. */
static bool
word_before(const char *s, size_t i)
{
	if (i == 0)
		return false;
	size_t k = i - 1;
	while (k > 0 && i - k < 4 && ((unsigned char)s[k] & 0xc0) == 0x80)
		k--;
	uint32_t cp;
	if (utf8_decode(s + k, i - k, &cp) != i - k)
		return false;
	return fold_is_word(cp) || fold_is_mark(cp);
}

void
fold_tokenize(const char *text, size_t from, struct fold_tokens *out)
{
	size_t len = strlen(text), cap = 0;
	memset(out, 0, sizeof *out);
	if (from > len)
		from = len;
	/* Folding never lengthens a character's encoding: the buffer holds
	 * every word and its NUL. */
	out->buf = xmalloc(2 * (len - from) + 1);
	char *w = out->buf;
	bool skipping = word_before(text, from), in_word = false;
	size_t start = 0;
	const char *word = w;
	for (size_t i = from; i <= len;) {
		uint32_t cp = ' ';
		size_t k = 1;
		unsigned char c = i < len ? (unsigned char)text[i] : ' ';
		if (c < 0x80)
			cp = c;
		else if ((k = utf8_decode(text + i, len - i, &cp)) == 0)
			cp = ' ', k = 1;
		bool mark = cp >= 0x300 && fold_is_mark(cp);
		bool is_word = cp < 0x80 ? ((cp | 32) >= 'a' && (cp | 32) <= 'z') ||
		    (cp >= '0' && cp <= '9') : fold_is_word(cp) || (in_word && mark);
		if (skipping) {
			if (!is_word && !mark)
				skipping = false;
		} else if (is_word) {
			if (!in_word) {
				in_word = true;
				start = i;
				word = w;
			}
			if (cp < 0x80)
				*w++ = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
			else if (!mark)
				w += utf8_encode(fold_char(cp), w);
		} else if (in_word) {
			in_word = false;
			*w++ = '\0';
			if (out->n == cap) {
				cap = cap ? cap * 2 : 32;
				out->t = xreallocarray(out->t, cap, sizeof *out->t);
			}
			out->t[out->n++] = (struct fold_token){ start, i, word };
		}
		i += k;
	}
}

void
fold_tokens_free(struct fold_tokens *t)
{
	free(t->t);
	free(t->buf);
	memset(t, 0, sizeof *t);
}
