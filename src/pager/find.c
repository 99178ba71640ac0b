/* find.c — finding text in the article. Matches are found in the blocks'
 * own text (never in layout markers), as (block, byte range) in reading
 * order, so they survive a relayout; the view turns them into rows. A
 * pattern typed after / is a plain string, its case ignored unless it has a
 * capital letter, as in less -i. An article opened from a library search
 * looks for that query's terms instead, through search.h's matcher, which
 * folds case and diacritics as the index does. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "search.h"
#include "text.h"
#include "util.h"

/* Decode s into code points (folded when fold); returns a new array, *n set. */
static uint32_t *
decode_all(const char *s, bool fold, size_t *n)
{
	size_t len = strlen(s), k = 0;
	uint32_t *out = xcalloc(len + 1, sizeof *out);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t step = utf8_decode(s + i, len - i, &cp);
		if (step == 0) {
			cp = 0xfffd;
			step = 1;
		}
		out[k++] = fold ? (uint32_t)towlower((wint_t)cp) : cp;
		i += step;
	}
	*n = k;
	return out;
}

/* If pat matches text at byte i, return the byte just after the match, else 0. */
static size_t
match_at(const char *text, size_t len, size_t i, const uint32_t *pat, size_t np, bool fold)
{
	for (size_t k = 0; k < np; k++) {
		if (i >= len)
			return 0;
		uint32_t cp;
		size_t step = utf8_decode(text + i, len - i, &cp);
		if (step == 0) {
			cp = 0xfffd;
			step = 1;
		}
		if (fold)
			cp = (uint32_t)towlower((wint_t)cp);
		if (cp != pat[k])
			return 0;
		i += step;
	}
	return i;
}

/* Add match [start, end) of block b to the view's list (cap its room). */
static void
match_add(struct view *v, size_t *cap, size_t b, size_t start, size_t end)
{
	if (v->nmatches == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		v->matches = xreallocarray(v->matches, *cap, sizeof *v->matches);
	}
	v->matches[v->nmatches++] = (struct match){ b, start, end };
}

/* The matcher reads from its start offset to the end of the text on every
 * call, so one call per match over a long block would be quadratic (a 280 KB
 * paragraph with 20,000 matches took half a minute). Blocks longer than
 * WINDOW are searched through copies of WINDOW bytes (extended to a space
 * or a newline, so no word is cut) that overlap by REACH bytes: a match is taken from a
 * window only when it starts before the overlap, so any match shorter than
 * REACH bytes is found whole in some window, once. */
#define WINDOW 512
#define REACH 192

/* Whether c separates words wherever it is (no word holds it). */
static bool
is_gap(char c)
{
	return c == ' ' || c == '\n' || c == '\t';
}

/* Find the matcher's terms in t[0, len), window by window. */
static void
run_windows(struct view *v, size_t *cap, size_t b, const char *t, size_t len)
{
	size_t ws = 0, pos = 0;
	while (ws < len) {
		size_t we = ws + WINDOW;
		while (we < len && !is_gap(t[we]))
			we++;
		if (we > len)
			we = len;
		bool last = we == len;
		char *w = xstrndup(t + ws, we - ws);
		size_t from = pos - ws, start, end, limit = last ? we - ws : we - ws - REACH;
		while (from < we - ws && search_matcher_find(v->matcher, w, from, &start, &end)) {
			if (end <= start || start < from || end > we - ws || start >= limit)
				break;
			match_add(v, cap, b, ws + start, ws + end);
			from = end;
		}
		free(w);
		pos = ws + from;
		if (last)
			break;
		/* The next window starts at a space inside the overlap. */
		size_t next = we - REACH;
		while (next > ws && !is_gap(t[next]))
			next--;
		if (next <= ws)
			next = we;
		ws = next;
		if (pos < ws)
			pos = ws;
	}
}

/* Find the matcher's terms in every block. */
static size_t
run_matcher(struct view *v)
{
	size_t cap = 0;
	for (size_t b = 0; b < v->a->nblocks; b++) {
		const char *t = v->a->blocks[b].text;
		if (t == NULL)
			continue;
		run_windows(v, &cap, b, t, strlen(t));
	}
	return v->nmatches;
}

/* Find every match of the view's matcher or pattern in the blocks. */
size_t
find_run(struct view *v)
{
	free(v->matches);
	v->matches = NULL;
	v->nmatches = 0;
	v->cur_match = -1;
	if (v->matcher != NULL)
		return run_matcher(v);
	if (v->pattern == NULL || v->pattern[0] == '\0')
		return 0;
	bool fold = true;
	size_t np;
	uint32_t *raw = decode_all(v->pattern, false, &np);
	for (size_t k = 0; k < np; k++)
		if (iswupper((wint_t)raw[k]))
			fold = false;
	free(raw);
	uint32_t *pat = decode_all(v->pattern, fold, &np);
	size_t cap = 0;
	for (size_t b = 0; b < v->a->nblocks; b++) {
		const char *t = v->a->blocks[b].text;
		if (t == NULL)
			continue;
		size_t len = strlen(t);
		for (size_t i = 0; i < len;) {
			size_t end = match_at(t, len, i, pat, np, fold);
			if (end > i) {
				match_add(v, &cap, b, i, end);
				i = end;
				continue;
			}
			uint32_t cp;
			size_t step = utf8_decode(t + i, len - i, &cp);
			i += step ? step : 1;
		}
	}
	free(pat);
	return v->nmatches;
}

/* Return the line showing (block, off): its text, never the blank before it. */
size_t
find_line(const struct layout *l, size_t block, size_t off)
{
	size_t line = layout_line_of(l, block, off);
	while (line + 1 < l->nlines && l->lines[line].kind == LINE_BLANK &&
	    l->lines[line + 1].block == block)
		line++;
	return line;
}

/* Return the row showing match m. */
static size_t
match_row(const struct view *v, const struct match *m)
{
	return v->nheader + find_line(v->l, m->block, m->start);
}

/* Return the first match that ends after (block, off). */
size_t
find_nearest(const struct match *m, size_t n, size_t block, size_t off)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m[mid].block < block || (m[mid].block == block && m[mid].end <= off))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Show (block, off), on its match when it has one. */
void
find_goto(struct pager *p, struct view *v, size_t block, size_t off)
{
	size_t i = find_nearest(v->matches, v->nmatches, block, off);
	if (i < v->nmatches && v->matches[i].block == block) {
		v->cur_match = (long)i;
		view_jump(v, match_row(v, &v->matches[i]));
		pager_message(p, "Match %zu of %zu · n next, N previous", i + 1, v->nmatches);
		return;
	}
	view_jump(v, block < v->a->nblocks ? v->nheader + find_line(v->l, block, off) : 0);
	if (v->nmatches > 0)
		pager_message(p, "%zu match%s · n next, N previous", v->nmatches, v->nmatches == 1 ? "" : "es");
}

/* Jump to the next or previous match, wrapping at the ends. */
void
find_next(struct pager *p, struct view *v, bool backward)
{
	if (v->pattern == NULL) {
		pager_message(p, "No previous search");
		return;
	}
	if (v->nmatches == 0) {
		pager_message(p, "Pattern not found: %s", v->pattern);
		return;
	}
	/* The next match below (or above) the top row; less starts after it. */
	long found = -1;
	bool wrapped = false;
	if (v->cur_match >= 0 && (size_t)v->cur_match < v->nmatches) {
		/* The last match still on screen: step from it (the top may be
		 * held back at the end of the article). */
		const struct match *c = &v->matches[v->cur_match];
		size_t row = match_row(v, c);
		if (row >= v->top && row < v->top + (size_t)view_rows()) {
			found = v->cur_match + (backward ? -1 : 1);
			if (found < 0 || (size_t)found >= v->nmatches) {
				found = backward ? (long)v->nmatches - 1 : 0;
				wrapped = true;
			}
		}
	}
	if (found >= 0) {
		/* stepped from the current match */
	} else if (!backward) {
		for (size_t i = 0; i < v->nmatches; i++)
			if (match_row(v, &v->matches[i]) > v->top) {
				found = (long)i;
				break;
			}
		if (found < 0) {
			found = 0;
			wrapped = true;
		}
	} else {
		for (size_t i = v->nmatches; i-- > 0;)
			if (match_row(v, &v->matches[i]) < v->top) {
				found = (long)i;
				break;
			}
		if (found < 0) {
			found = (long)v->nmatches - 1;
			wrapped = true;
		}
	}
	v->cur_match = found;
	const struct match *m = &v->matches[found];
	view_jump(v, match_row(v, m));
	if (wrapped)
		pager_message(p, backward ? "Search hit the top, continuing at the bottom (match %ld of %zu)"
		    : "Search hit the bottom, continuing at the top (match %ld of %zu)", found + 1, v->nmatches);
	else
		pager_message(p, "Match %ld of %zu", found + 1, v->nmatches);
}

/* Tell whether a block byte lies inside a match. */
bool
find_hit(const struct view *v, size_t block, size_t off, size_t *hint)
{
	if (*hint < v->nmatches) {
		const struct match *h = &v->matches[*hint];
		if (h->block == block && h->start <= off && off < h->end)
			return true;
	}
	size_t i = find_nearest(v->matches, v->nmatches, block, off);
	if (i < v->nmatches) {
		const struct match *m = &v->matches[i];
		*hint = i;
		return m->block == block && m->start <= off && off < m->end;
	}
	return false;
}
