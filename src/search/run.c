/* run.c — a search from query to hits: sanitise the query, let the store
 * rank the hits with FTS5 (whole articles, or quotations), then for each
 * find the block where most of the query's terms are together and the match
 * there (its character offset, for the pager to open at), and cut a snippet
 * around it with every match marked. Matching uses the folding of fold.c;
 * when it disagrees with SQLite's tokenizer the hit still comes, with its
 * snippet from the first block and offset 0. */
#include "search.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "quotes.h"
#include "store.h"
#include "text.h"

#define DEFAULT_LIMIT 20
/* Characters of context in a snippet before its match, and in all. */
#define SNIPPET_BEFORE 60
#define SNIPPET_LENGTH 200

/* Return s (may be NULL) sanitised for a terminal, one line; or NULL. */
static char *
clean(const char *s)
{
	if (s == NULL)
		return NULL;
	char *flat = xstrdup(s);
	for (char *p = flat; *p != '\0'; p++)
		if (*p == '\n' || *p == '\t' || *p == '\r')
			*p = ' ';
	char *out = text_sanitize(flat, false);
	free(flat);
	return out;
}

/* Count the code points in s[0..n). */
static size_t
chars_in(const char *s, size_t n)
{
	size_t count = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			count++;
	return count;
}

/* Move byte offset i back or forward (by dir) over n code points, not past
 * the ends of s (length len). */
static size_t
step_chars(const char *s, size_t len, size_t i, size_t n, int dir)
{
	while (n > 0) {
		if (dir < 0 ? i == 0 : i >= len)
			break;
		i += dir;
		while (i > 0 && i < len && ((unsigned char)s[i] & 0xc0) == 0x80)
			i += dir;
		n--;
	}
	return i;
}

/* Append text[from..to) to b, sanitised, on one line. */
static void
put_clean(struct buf *b, const char *text, size_t from, size_t to)
{
	char *piece = xstrndup(text + from, to - from);
	char *c = clean(piece);
	buf_puts(b, c);
	free(c);
	free(piece);
}

/* Return the snippet of text around match ms[best] (one of nm, in order),
 * sanitised, one line, with every match inside it marked; newly allocated. */
static char *
snippet(const char *text, const struct match *ms, size_t nm, size_t best)
{
	size_t len = strlen(text);
	size_t anchor = nm > 0 ? ms[best].start : 0;
	size_t start = step_chars(text, len, anchor, SNIPPET_BEFORE, -1);
	if (start > 0) {                 /* begin on a word */
		size_t k = start;
		while (k < anchor && text[k] != ' ')
			k++;
		start = k < anchor ? k + 1 : anchor;
	}
	size_t end = step_chars(text, len, start, SNIPPET_LENGTH, 1);
	if (end < len) {                 /* end on a word */
		size_t k = end;
		while (k > start && text[k] != ' ')
			k--;
		if (k > start)
			end = k;
	}
	if (nm > 0 && end < ms[best].end)
		end = ms[best].end;
	struct buf b = {0};
	if (start > 0)
		buf_puts(&b, "…");
	size_t at = start;
	for (size_t j = 0; j < nm; j++) {
		if (ms[j].start < at || ms[j].end > end)
			continue;
		put_clean(&b, text, at, ms[j].start);
		buf_putc(&b, SEARCH_MARK_ON);
		put_clean(&b, text, ms[j].start, ms[j].end);
		buf_putc(&b, SEARCH_MARK_OFF);
		at = ms[j].end;
	}
	put_clean(&b, text, at, end);
	if (end < len)
		buf_puts(&b, "…");
	return buf_detach(&b);
}

/* The most matches looked at in one block, and the bytes a window spans. */
#define MAX_MATCHES 256
#define WINDOW 160

/* Return the index of the match in ms[0..n) that begins the window holding
 * the most different terms (the earliest such); *score set to that count. */
static size_t
best_window(const struct match *ms, size_t n, size_t *score)
{
	size_t best = 0;
	*score = 0;
	for (size_t i = 0; i < n; i++) {
		size_t distinct = 0;
		for (size_t j = i; j < n && ms[j].start < ms[i].start + WINDOW; j++) {
			bool seen = false;
			for (size_t k = i; k < j && !seen; k++)
				seen = ms[k].term == ms[j].term;
			distinct += !seen;
		}
		if (distinct > *score) {
			*score = distinct;
			best = i;
		}
	}
	return best;
}

/* Where in its first block t a quote's text begins (an inline quote sits
 * inside its paragraph), found by its first word; 0 for text hits. */
static size_t
quote_start(const struct store_hit_info *info, const char *t)
{
	if (info->quote_text == NULL)
		return 0;
	size_t n = strcspn(info->quote_text, " ");
	char *head = xstrndup(info->quote_text, n < 24 ? n : 24);
	const char *p = head[0] != '\0' ? strstr(t, head) : NULL;
	free(head);
	return p != NULL ? (size_t)(p - t) : 0;
}

/* Set hit->block, ->offset, ->heading and ->snippet from the blocks of
 * info: the block where most of the query's different terms are together
 * (a heading wins a tie, then the earlier block); for a quote, only its own
 * blocks, from where its text begins. */
static void
place(struct search_hit *hit, const struct store_hit_info *info, const struct search_matcher *m)
{
	struct match *ms = xcalloc(MAX_MATCHES, sizeof *ms);
	size_t best_score = 0, best_block = 0, best = 0;
	bool best_heading = false;
	hit->block = info->first_block;
	hit->offset = 0;
	for (size_t i = 0; i < info->ntexts; i++) {
		const char *t = info->texts[i];
		size_t score;
		size_t n = matcher_all(m, t, i == 0 ? quote_start(info, t) : 0, ms, MAX_MATCHES);
		size_t w = best_window(ms, n, &score);
		bool heading = info->is_heading[i];
		if (score > best_score || (score == best_score && score > 0 && heading && !best_heading)) {
			best_score = score;
			best_block = i;
			best = w;
			best_heading = heading;
		}
	}
	if (info->quote_text == NULL && info->ntexts > 0) {
		for (size_t i = best_block + 1; i-- > 0;) {
			if (info->is_heading[i]) {
				hit->heading = clean(info->texts[i]);
				break;
			}
		}
	}
	if (best_score > 0) {
		const char *t = info->texts[best_block];
		/* Find them again: the array holds the last block's matches. */
		size_t n = matcher_all(m, t, best_block == 0 ? quote_start(info, t) : 0, ms,
		    MAX_MATCHES);
		hit->block = info->first_block + best_block;
		hit->offset = chars_in(t, ms[best].start);
		hit->snippet = snippet(t, ms, n, best);
	} else {
		size_t n = info->title != NULL ? matcher_all(m, info->title, 0, ms, MAX_MATCHES) : 0;
		const char *t;
		if (info->quote_text != NULL) {
			t = info->quote_text;
			n = matcher_all(m, t, 0, ms, MAX_MATCHES);
		} else if (n > 0 || info->ntexts == 0) {
			hit->in_title = true;
			t = info->title != NULL ? info->title : "";
		} else {
			t = info->texts[0];
			n = 0;
		}
		hit->snippet = snippet(t, ms, n, 0);
	}
	free(ms);
}

int
search_run(struct store *st, const char *query, search_scope scope, size_t limit,
    struct search_results **out, char **errp)
{
	*out = NULL;
	char *match = search_query_sanitize(query);
	if (match[0] == '\0') {
		free(match);
		return set_error(errp, "nothing to search for");
	}
	bool quotes = scope == SEARCH_QUOTES;
	struct store_hit *hits;
	size_t n;
	int rc = store_search(st, match, quotes, limit == 0 ? DEFAULT_LIMIT : limit, &hits, &n,
	    errp);
	free(match);
	if (rc < 0)
		return -1;
	struct search_results *r = xcalloc(1, sizeof *r);
	r->hits = xcalloc(n + 1, sizeof *r->hits);
	struct search_matcher *m = search_matcher_create(query);
	for (size_t i = 0; i < n; i++) {
		struct store_hit_info info;
		if (store_hit_info_get(st, &hits[i], quotes, &info, errp) < 0) {
			search_matcher_free(m);
			search_results_free(r);
			free(hits);
			return -1;
		}
		struct search_hit *hit = &r->hits[r->n++];
		hit->article_id = hits[i].article_id;
		hit->score = hits[i].score;
		hit->title = clean(info.title);
		hit->site = clean(info.site);
		if (info.heading != NULL)
			hit->heading = clean(info.heading);
		hit->quote = quotes ? hits[i].idx : -1;
		hit->author = clean(info.author);
		hit->publication = clean(info.publication);
		hit->work = clean(info.work);
		hit->year = info.year;
		char *date = quotes_full_date(info.cite_raw, info.year);
		hit->date = clean(date);
		free(date);
		hit->source_url = clean(info.cite_url);
		place(hit, &info, m);
		store_hit_info_clear(&info);
	}
	search_matcher_free(m);
	free(hits);
	*out = r;
	return 0;
}

void
search_results_free(struct search_results *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->n; i++) {
		struct search_hit *h = &r->hits[i];
		char *fields[] = {
			h->title, h->site, h->heading, h->snippet, h->author, h->publication, h->work,
			h->date, h->source_url,
		};
		for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++)
			free(fields[k]);
	}
	free(r->hits);
	free(r);
}
