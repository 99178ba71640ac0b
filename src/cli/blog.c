/* blog.c — `quire import` of a whole blog: a source whose content is a
 * WordPress export or an RSS/Atom feed is handed here instead of to the page
 * extractor. Items go into the library one transaction each (blog_import),
 * with progress on a terminal and one summary line at the end; --status
 * picks the WordPress statuses, --full fetches the pages of summary-only feed
 * items, --all follows a feed's pages (?paged=2, …) until one fails, is
 * empty or repeats an earlier one. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "blog.h"
#include "cli.h"
#include "extract.h"
#include "feed.h"
#include "source.h"
#include "text.h"
#include "util.h"
#include "wxr.h"

/* Most feed pages --all reads. */
#define MAX_FEED_PAGES 1000

/* Set by SIGINT or SIGTERM during a blog import: stop after the item in
 * hand, so the summary can say how far it got. A signal handler can only
 * reach a file-scope flag; nothing else is kept here. */
static volatile sig_atomic_t interrupted;

/* Note the signal; the import loop stops at the next item. */
static void
on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* The identities already seen in this run, to notice a repeated page. */
struct seen {
	char **keys;
	size_t n, cap;
};

/* Whether key is in s. */
static bool
seen_has(const struct seen *s, const char *key)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->keys[i], key) == 0)
			return true;
	return false;
}

/* Record b's item identities in s; returns how many were new. */
static size_t
seen_add(struct seen *s, const struct blog *b)
{
	size_t fresh = 0;
	for (size_t i = 0; i < b->nitems; i++) {
		const char *k = b->items[i].link != NULL ? b->items[i].link : b->items[i].guid;
		if (k == NULL || seen_has(s, k))
			continue;
		if (s->n == s->cap) {
			s->cap = s->cap ? s->cap * 2 : 64;
			s->keys = xreallocarray(s->keys, s->cap, sizeof *s->keys);
		}
		s->keys[s->n++] = xstrdup(k);
		fresh++;
	}
	return fresh;
}

/* Free what s holds. */
static void
seen_clear(struct seen *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->keys[i]);
	free(s->keys);
}

/* Print b's parse warnings, one "quire: SPEC: warning" line each. */
static void
print_warnings(const char *spec, const struct blog *b)
{
	const char *p = buf_str(&b->warnings);
	while (*p != '\0') {
		size_t k = strcspn(p, "\n");
		char *line = xstrndup(p, k);
		cli_complain("%s: %s", spec, line);
		free(line);
		p += k + (p[k] == '\n');
	}
}

/* Parse src as the feed it is; NULL after complaining. */
static struct blog *
parse_feed(const char *spec, const struct source *src)
{
	char *err = NULL;
	struct blog *b = feed_parse(src->data, src->len, src->url, &err);
	if (b == NULL) {
		cli_complain("%s: %s", spec, err);
		free(err);
		return NULL;
	}
	print_warnings(spec, b);
	return b;
}

/* How many of b's items carry only a summary. */
static size_t
count_summaries(const struct blog *b)
{
	size_t n = 0;
	for (size_t i = 0; i < b->nitems; i++)
		n += b->items[i].summary_only;
	return n;
}

/* What an import of several feed pages adds up to. */
struct totals {
	size_t nitems, npages, nsummary;
};

/* Follow a feed's pages after the first, importing each. */
static void
follow_pages(struct context *ctx, const char *spec, const struct source *first,
    const struct blog *b, struct seen *seen, struct blog_tally *t, struct totals *tot)
{
	const char *base = first->url != NULL ? first->url : spec;
	char *next = b->next_page != NULL ? xstrdup(b->next_page) : NULL;
	bool full = cli_opt(ctx, OPT_FULL) != NULL;
	FILE *progress = isatty(STDERR_FILENO) ? stderr : NULL;
	for (int n = 2; n <= MAX_FEED_PAGES; n++) {
		char *url = next != NULL ? next : feed_page_url(base, n);
		next = NULL;
		if (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0) {
			free(url);
			break;   /* a feed read from a file has no pages to follow */
		}
		struct source src = {0};
		char *err = NULL;
		struct blog *page = NULL;
		if (source_load(url, &src, &err) < 0) {
			free(err);   /* the page after the last: the usual end */
		} else if (blog_detect(src.data, src.len) == BLOG_RSS ||
		    blog_detect(src.data, src.len) == BLOG_ATOM) {
			page = feed_parse(src.data, src.len, src.url, &err);
			free(err);
		}
		bool more = !interrupted && page != NULL && page->nitems > 0 &&
		    seen_add(seen, page) > 0;
		if (more) {
			print_warnings(url, page);
			blog_import(ctx->store, page, full, stdout, progress, &interrupted, t);
			tot->nitems += page->nitems;
			tot->npages++;
			tot->nsummary += count_summaries(page);
			if (page->next_page != NULL)
				next = xstrdup(page->next_page);
		}
		blog_free(page);
		source_clear(&src);
		free(url);
		if (!more)
			break;
	}
	free(next);
}

/* Catch SIGINT and SIGTERM in interrupted while an import runs (on), or
 * give them back (off). */
static void
catch_signals(bool on, struct sigaction *old_int, struct sigaction *old_term)
{
	if (on) {
		struct sigaction sa = { .sa_handler = on_signal };
		sigemptyset(&sa.sa_mask);
		interrupted = 0;
		sigaction(SIGINT, &sa, old_int);
		sigaction(SIGTERM, &sa, old_term);
	} else {
		sigaction(SIGINT, old_int, NULL);
		sigaction(SIGTERM, old_term, NULL);
	}
}

/* The one summary line of a blog import. */
static void
summarize(const char *spec, const struct blog *b, const struct blog_tally *t,
    const struct totals *tot, bool full)
{
	fflush(stdout);
	struct buf line = {0};
	buf_printf(&line, "%s: %s", spec, blog_kind_name(b->kind));
	if (b->site_title != NULL)
		buf_printf(&line, " \"%s\"", b->site_title);
	if (tot->npages > 1)
		buf_printf(&line, " (%zu pages)", tot->npages);
	buf_printf(&line, ": %zu items: %zu added, %zu updated, %zu unchanged, %zu failed",
	    tot->nitems, t->added, t->updated, t->unchanged, t->failed);
	if (b->nskipped > 0)
		buf_printf(&line, "; skipped %zu (%s)", b->nskipped, buf_str(&b->skipped));
	if (tot->nsummary > 0 && !full)
		buf_printf(&line, "; %zu with only a summary (--full fetches their pages)",
		    tot->nsummary);
	size_t done = t->added + t->updated + t->unchanged + t->failed;
	if (interrupted)
		buf_printf(&line, "; interrupted after %zu of %zu items: the same import again"
		    " picks up the rest", done, tot->nitems);
	cli_complain("%s", buf_str(&line));
	buf_free(&line);
}

/* Items of a WordPress export imported at a time: its memory is one batch,
 * whatever the size of the export. */
#define WXR_BATCH 256

/* What the batches of one export share. */
struct wxr_run {
	struct context *ctx;
	struct blog_tally t;
	bool no_library;   /* the library could not be opened (said once) */
};

/* Import one batch of an export; non-zero stops the read. */
static int
import_batch(struct blog *b, void *arg)
{
	struct wxr_run *run = arg;
	/* Opened only now: an unreadable export leaves no new library behind. */
	if (cli_library(run->ctx) == NULL) {
		run->no_library = true;
		return 1;
	}
	blog_import(run->ctx->store, b, false, stdout, isatty(STDERR_FILENO) ? stderr : NULL,
	    &interrupted, &run->t);
	return interrupted != 0;
}

/* Import a WordPress export, from the file at path or else len bytes at
 * data, a batch at a time. Returns the exit status. */
static int
import_wxr(struct context *ctx, const char *spec, const char *path, const char *data, size_t len)
{
	struct wxr_options opt = { .statuses = cli_opt(ctx, OPT_STATUS) };
	struct wxr_run run = { .ctx = ctx };
	struct sigaction old_int, old_term;
	catch_signals(true, &old_int, &old_term);
	struct blog *b = NULL;
	char *err = NULL;
	int rc = wxr_read(path, data, len, &opt, WXR_BATCH, import_batch, &run, &b, &err);
	catch_signals(false, &old_int, &old_term);
	if (rc < 0) {
		cli_complain("%s: %s", spec, err);
		free(err);
		return EXIT_FAIL;
	}
	print_warnings(spec, b);
	if (run.no_library) {
		blog_free(b);
		return EXIT_FAIL;
	}
	struct totals tot = { .nitems = b->total, .npages = 1 };
	summarize(spec, b, &run.t, &tot, false);
	blog_free(b);
	return run.t.failed > 0 || interrupted ? EXIT_FAIL : EXIT_OK;
}

/* Whether spec names a regular file too large to load whole
 * (SOURCE_MAX_BYTES) that begins as a WordPress export: such a file is
 * streamed as it is imported, so no size limit applies to it. A smaller
 * one is parsed whole, for libxml2's fuller recovery from broken XML. */
static bool
large_wxr_file(const char *spec)
{
	if (strcmp(spec, "-") == 0 || strstr(spec, "://") != NULL)
		return false;
	struct stat st;
	if (stat(spec, &st) < 0 || !S_ISREG(st.st_mode) ||
	    (unsigned long long)st.st_size <= SOURCE_MAX_BYTES)
		return false;
	FILE *f = fopen(spec, "rb");
	if (f == NULL)
		return false;
	char head[65536];
	size_t n = fread(head, 1, sizeof head, f);
	fclose(f);
	return blog_detect(head, n) == BLOG_WXR;
}

int
cli_import_blog(struct context *ctx, const char *spec, struct source *src, struct article **ap)
{
	*ap = NULL;
	char *err = NULL;
	if (large_wxr_file(spec))
		return import_wxr(ctx, spec, spec, NULL, 0);
	if (source_load(spec, src, &err) < 0) {
		cli_complain("%s: %s", spec, err);
		free(err);
		return -1;
	}
	blog_kind kind = blog_detect(src->data, src->len);
	if (kind == BLOG_NONE) {
		*ap = extract_page(src->data, src->len, src->url, src->charset, &err);
		if (*ap == NULL) {
			cli_complain("%s: %s", spec, err);
			free(err);
		}
		return -1;
	}
	if (kind == BLOG_WXR)
		return import_wxr(ctx, spec, NULL, src->data, src->len);
	struct blog *b = parse_feed(spec, src);
	if (b == NULL)
		return EXIT_FAIL;
	if (cli_library(ctx) == NULL) {
		blog_free(b);
		return EXIT_FAIL;
	}
	struct blog_tally t = {0};
	struct seen seen = {0};
	struct totals tot = { .nitems = b->nitems, .npages = 1, .nsummary = count_summaries(b) };
	bool full = cli_opt(ctx, OPT_FULL) != NULL;
	seen_add(&seen, b);
	struct sigaction old_int, old_term;
	catch_signals(true, &old_int, &old_term);
	blog_import(ctx->store, b, full, stdout, isatty(STDERR_FILENO) ? stderr : NULL, &interrupted,
	    &t);
	if (cli_opt(ctx, OPT_FEED_ALL) != NULL)
		follow_pages(ctx, spec, src, b, &seen, &t, &tot);
	catch_signals(false, &old_int, &old_term);
	summarize(spec, b, &t, &tot, full);
	seen_clear(&seen);
	blog_free(b);
	return t.failed > 0 || interrupted ? EXIT_FAIL : EXIT_OK;
}
