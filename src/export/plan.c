/* plan.c — the layout decisions every export format shares. A quotation the
 * quote finder recorded becomes a block quote in the export when it is one
 * on the page (<blockquote>, pull quote) or when a quoted passage in running
 * text fills whole paragraphs: it runs over several paragraphs, or it ends
 * its paragraph and is long. Its introduction ("As X wrote in Y:") stays a
 * paragraph before it and its attribution follows it. Inline runs split a
 * block's text wherever its set of spans changes. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "quotes.h"
#include "text.h"
#include "util.h"

/* Bytes of a quote's text used to find where it starts and ends in a block. */
#define PROBE 24
/* A quotation alone in one paragraph becomes a block quote from this long. */
#define MIN_BLOCK_QUOTE 60

/* Whether cp opens or closes a quotation. */
static bool
is_quote_mark(uint32_t cp)
{
	switch (cp) {
	case '"': case '\'': case 0x201c: case 0x201d: case 0x201e: case 0x2018:
	case 0x2019: case 0x201a: case 0x00ab: case 0x00bb: case 0x2039: case 0x203a:
		return true;
	default:
		return false;
	}
}

/* Return the length of the UTF-8 character that ends at text[end). */
static size_t
char_before(const char *text, size_t end, uint32_t *cp)
{
	size_t start = end;
	while (start > 0 && end - start < 4) {
		start--;
		if (((unsigned char)text[start] & 0xc0) != 0x80)
			break;
	}
	size_t k = utf8_decode(text + start, end - start, cp);
	return k == end - start ? k : 0;
}

/* Whether text[from, to) holds only white space, punctuation and marks. */
static bool
only_punctuation(const char *text, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		unsigned char c = (unsigned char)text[i];
		if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
			return false;
		if (c >= 0x80) {
			uint32_t cp;
			size_t k = utf8_decode(text + i, to - i, &cp);
			if (k == 0 || !is_quote_mark(cp))
				return false;
			i += k - 1;
		}
	}
	return true;
}

/* Return how many leading bytes of s (at most max) end on a character. */
static size_t
cut_utf8(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	return max;
}

/* Find where inline quotation q starts in its first block and ends in its
 * last: *start in the first block's text, *end in the last's. Returns
 * false when its text is not found there. */
static bool
locate_inline(const struct article *a, const struct quote *q, size_t *start, size_t *end)
{
	const char *qt = q->text;
	size_t qlen = strlen(qt);
	if (qlen == 0)
		return false;
	const char *first = a->blocks[q->first_block].text;
	const char *last = a->blocks[q->last_block].text;
	size_t hn = cut_utf8(qt, qlen, PROBE);
	char *head = xstrndup(qt, hn);
	const char *hit = strstr(first, head);
	free(head);
	if (hit == NULL)
		return false;
	*start = (size_t)(hit - first);
	size_t tn = qlen <= PROBE ? qlen : qlen - PROBE;
	while (tn < qlen && ((unsigned char)qt[tn] & 0xc0) == 0x80)
		tn++;
	const char *tail = qt + (qlen <= PROBE ? 0 : tn);
	size_t taillen = strlen(tail);
	/* The last occurrence at or after the start. */
	const char *from = q->first_block == q->last_block ? last + *start : last;
	const char *found = NULL;
	for (const char *p = strstr(from, tail); p != NULL; p = strstr(p + 1, tail))
		found = p;
	if (found == NULL)
		return false;
	*end = (size_t)(found - last) + taillen;
	return true;
}

/* Plan quotation qi, a passage in running text, when it fills paragraphs. */
static void
plan_inline(const struct article *a, int qi, struct quote_place *plan)
{
	const struct quote *q = &a->quotes[qi];
	size_t start, end;
	if (!locate_inline(a, q, &start, &end))
		return;
	const struct block *lb = &a->blocks[q->last_block];
	size_t lastlen = strlen(lb->text);
	/* After the passage: its closing mark, then the rest of the paragraph. */
	size_t rest = end;
	uint32_t cp;
	size_t k = rest < lastlen ? utf8_decode(lb->text + rest, lastlen - rest, &cp) : 0;
	if (k > 0 && is_quote_mark(cp))
		rest += k;
	if (q->first_block == q->last_block &&
	    (end - start < MIN_BLOCK_QUOTE || !only_punctuation(lb->text, rest, lastlen)))
		return;   /* a quotation inside a sentence stays there */
	for (size_t i = q->first_block; i <= q->last_block; i++) {
		const struct block *b = &a->blocks[i];
		struct quote_place *p = &plan[i];
		size_t len = strlen(b->text);
		p->quote = qi;
		p->depth = b->quote + 1;
		p->intro_end = 0;
		p->from = 0;
		p->to = len;
		p->rest_from = len;
		if (i == q->first_block) {
			p->from = start;
			p->intro_end = start;
			size_t m = char_before(b->text, start, &cp);
			if (m > 0 && is_quote_mark(cp))
				p->intro_end = start - m;
		}
		if (i == q->last_block) {
			p->to = end;
			p->rest_from = only_punctuation(b->text, rest, len) ? len : rest;
			p->last = true;
			p->attr_depth = a->blocks[q->first_block].quote + 1;
		}
	}
}

/* Plan quotation qi, a block quote on the page, over its whole blocks. */
static void
plan_block(const struct article *a, int qi, struct quote_place *plan)
{
	const struct quote *q = &a->quotes[qi];
	int outer = 0;
	for (size_t i = q->first_block; i <= q->last_block; i++) {
		const struct block *b = &a->blocks[i];
		int depth = b->quote > 0 ? b->quote : 1;
		if (outer == 0 || depth < outer)
			outer = depth;
		plan[i] = (struct quote_place){ .quote = qi, .from = 0, .to = strlen(b->text),
			.rest_from = strlen(b->text), .depth = depth };
	}
	plan[q->last_block].last = true;
	plan[q->last_block].attr_depth = outer;
}

/* Return a newly allocated array of a->nblocks places. */
struct quote_place *
export_quote_plan(const struct article *a)
{
	if (a->nblocks == 0)
		return NULL;
	struct quote_place *plan = xcalloc(a->nblocks, sizeof *plan);
	for (size_t i = 0; i < a->nblocks; i++) {
		size_t len = strlen(a->blocks[i].text);
		plan[i] = (struct quote_place){ .quote = -1, .to = len, .rest_from = len,
			.depth = a->blocks[i].quote };
	}
	for (size_t qi = 0; qi < a->nquotes; qi++) {
		const struct quote *q = &a->quotes[qi];
		if (q->kind == QUOTE_Q || q->first_block > q->last_block || q->last_block >= a->nblocks)
			continue;
		bool taken = false;
		for (size_t i = q->first_block; i <= q->last_block; i++)
			taken = taken || plan[i].quote >= 0;
		if (taken)
			continue;   /* one quotation per block; the first wins */
		if (q->kind == QUOTE_INLINE)
			plan_inline(a, (int)qi, plan);
		else
			plan_block(a, (int)qi, plan);
	}
	return plan;
}

/* Return a newly allocated "Author, Publication, Title (Year)", or NULL; a
 * full date the cite wrote follows the title instead: "Title, 9 May 1912". */
char *
export_attribution(const struct quote *q)
{
	struct buf b = {0};
	const char *parts[3] = { q->author, q->publication, q->title };
	for (int i = 0; i < 3; i++) {
		if (parts[i] == NULL || parts[i][0] == '\0')
			continue;
		if (b.len > 0)
			buf_puts(&b, ", ");
		buf_puts(&b, parts[i]);
	}
	char *date = quotes_full_date(q->cite_raw, q->year);
	if (date != NULL)
		buf_printf(&b, b.len > 0 ? ", %s" : "%s", date);
	else if (q->year != 0)
		buf_printf(&b, b.len > 0 ? " (%d)" : "%d", q->year);
	free(date);
	if (b.len == 0)
		return NULL;
	return buf_detach(&b);
}

/* A span's edge inside the range being split: where it opens or closes. */
struct edge {
	size_t at;
	size_t span;
	bool opens;
};

/* Order edges by position. */
static int
edge_cmp(const void *a, const void *b)
{
	const struct edge *x = a, *y = b;
	return x->at < y->at ? -1 : x->at > y->at;
}

/* Split b->text[from, to) into maximal runs of one style and link: one
 * sweep over the spans' edges, so a block with many spans stays fast. */
struct export_run *
export_runs(const struct block *b, size_t from, size_t to, size_t *n)
{
	struct edge *edges = xreallocarray(NULL, 2 * b->nspans + 1, sizeof *edges);
	size_t nedges = 0;
	for (size_t i = 0; i < b->nspans; i++) {
		size_t st = b->spans[i].start > from ? b->spans[i].start : from;
		size_t en = b->spans[i].end < to ? b->spans[i].end : to;
		if (st >= en)
			continue;
		edges[nedges++] = (struct edge){ st, i, true };
		edges[nedges++] = (struct edge){ en, i, false };
	}
	qsort(edges, nedges, sizeof *edges, edge_cmp);
	/* Open spans: a count per style bit, and the open link spans in the
	 * order they opened (the latest is the run's link). */
	int counts[8] = {0};
	size_t *links = xreallocarray(NULL, b->nspans + 1, sizeof *links);
	size_t nlinks = 0;
	struct export_run *runs = xreallocarray(NULL, nedges + 1, sizeof *runs);
	size_t nr = 0, e = 0, x = from;
	while (x < to) {
		for (; e < nedges && edges[e].at == x; e++) {
			const struct span *sp = &b->spans[edges[e].span];
			for (int bit = 0; bit < 8; bit++)
				if (sp->style & (1 << bit))
					counts[bit] += edges[e].opens ? 1 : -1;
			if (!(sp->style & SPAN_LINK))
				continue;
			if (edges[e].opens) {
				links[nlinks++] = edges[e].span;
			} else {
				for (size_t k = nlinks; k > 0; k--)
					if (links[k - 1] == edges[e].span) {
						memmove(links + k - 1, links + k, (nlinks - k) * sizeof *links);
						nlinks--;
						break;
					}
			}
		}
		size_t y = e < nedges ? edges[e].at : to;
		int style = 0;
		for (int bit = 0; bit < 8; bit++)
			if (counts[bit] > 0)
				style |= 1 << bit;
		int link = nlinks > 0 ? b->spans[links[nlinks - 1]].link : -1;
		if (link < 0)
			style &= ~SPAN_LINK;
		if (nr > 0 && runs[nr - 1].style == style && runs[nr - 1].link == link)
			runs[nr - 1].end = y;
		else
			runs[nr++] = (struct export_run){ x, y, style, link };
		x = y;
	}
	free(links);
	free(edges);
	*n = nr;
	return runs;
}

/* Move *from forward and *to back over ASCII white space. */
void
export_trim(const char *text, size_t *from, size_t *to)
{
	while (*from < *to && (text[*from] == ' ' || text[*from] == '\n' || text[*from] == '\t'))
		(*from)++;
	while (*to > *from && (text[*to - 1] == ' ' || text[*to - 1] == '\n' || text[*to - 1] == '\t'))
		(*to)--;
}

/* Whether url may become a link: http(s), mailto or ftp only. */
bool
export_safe_url(const char *url)
{
	return url != NULL && (text_starts_with_ci(url, "http://") ||
	    text_starts_with_ci(url, "https://") || text_starts_with_ci(url, "mailto:") ||
	    text_starts_with_ci(url, "ftp://"));
}
