/* cite.c — the commands that follow what an article cites: `links` lists an
 * article's links with the library article each names (or, with --to, the
 * library articles citing one), and `import --cited` fetches every page an
 * article cites, in parallel, and imports each as it arrives.
 *
 * A cited import first sorts the links: each URL identity (url.h) is
 * fetched once; same-page anchors, links that are not http(s), files (by
 * extension) and pages already in the library are settled without a fetch.
 * Every fetched page is stored in its own transaction the moment it
 * arrives, and its line is printed only after the commit, so a line saying
 * "imported" is always true, even if the process is killed right after.
 * SIGINT sets a flag that the fetch loop polls every 100 ms; then the
 * transfers still running are abandoned and the summary says so. */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "extract.h"
#include "fetch.h"
#include "json.h"
#include "source.h"
#include "store.h"
#include "text.h"
#include "url.h"
#include "util.h"

/* Parallel bounds for a cited import. */
#define CITED_MAX_TOTAL 8
#define CITED_MAX_PER_HOST 2

/* How a cited link ended up. */
typedef enum {
	CITED_QUEUED, CITED_IMPORTED, CITED_PRESENT, CITED_SKIPPED, CITED_FAILED, CITED_NKINDS
} cited_outcome;

static const char *const outcome_words[CITED_NKINDS] = {
	[CITED_QUEUED] = "not fetched", [CITED_IMPORTED] = "imported",
	[CITED_PRESENT] = "present", [CITED_SKIPPED] = "skipped", [CITED_FAILED] = "failed",
};

/* One cited URL and what became of it. */
struct cited {
	char *url;            /* as the article has it */
	cited_outcome outcome;
	long long id;         /* library id when imported or present */
	char *why;            /* reason when skipped or failed */
};

/* A cited import in progress. */
struct cited_run {
	struct context *ctx;
	struct cited *items;
	size_t n;
	size_t nfetch, nfetched;   /* queued for fetching; finished */
	size_t count[CITED_NKINDS];
	bool bar;                  /* a progress bar on stderr (a terminal) */
};

/* Set by SIGINT; read by the fetch loop. */
static volatile sig_atomic_t interrupted;

/* SIGINT: ask the fetch loop to stop. */
static void
on_interrupt(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* Erase the progress bar's line on stderr, if one is shown. */
static void
bar_clear(const struct cited_run *run)
{
	if (run->bar)
		fputs("\r\033[K", stderr);
}

/* Draw the progress bar: fetched of total, and the counts so far. */
static void
bar_draw(const struct cited_run *run)
{
	if (!run->bar || run->nfetch == 0)
		return;
	enum { WIDTH = 24 };
	size_t filled = run->nfetched * WIDTH / run->nfetch;
	char bar[WIDTH + 1];
	for (size_t i = 0; i < WIDTH; i++)
		bar[i] = i < filled ? '#' : '-';
	bar[WIDTH] = '\0';
	fprintf(stderr, "\r\033[K[%s] %zu/%zu fetched, %zu imported, %zu failed", bar,
	    run->nfetched, run->nfetch, run->count[CITED_IMPORTED], run->count[CITED_FAILED]);
	fflush(stderr);
}

/* Settle item i with outcome, id and reason (copied), and print its line:
 * OUTCOME, library id or "-", URL, then the title or reason. */
static void
settle(struct cited_run *run, size_t i, cited_outcome outcome, long long id, const char *why,
    const char *title)
{
	struct cited *c = &run->items[i];
	c->outcome = outcome;
	c->id = id;
	free(c->why);
	c->why = xstrdup(why);
	run->count[outcome]++;
	bar_clear(run);
	printf("%s\t", outcome_words[outcome]);
	if (id > 0)
		printf("%lld", id);
	else
		putchar('-');
	putchar('\t');
	cli_put_clean(stdout, c->url, false);
	putchar('\t');
	cli_put_clean(stdout, why != NULL ? why : title != NULL ? title : "", false);
	putchar('\n');
	fflush(stdout);   /* the line is out once the article is committed */
	bar_draw(run);
}

/* fetch_multi callback: check, extract and store one fetched page. */
static void
on_fetched(void *arg, void *tag, const char *url, struct fetch_response *r, const char *err)
{
	struct cited_run *run = arg;
	size_t i = (size_t)(uintptr_t)tag;
	run->nfetched++;
	if (r == NULL) {
		settle(run, i, CITED_FAILED, 0, err, NULL);
		return;
	}
	struct source src;
	char *why = NULL;
	if (source_from_response(url, r, &src, &why) < 0) {
		settle(run, i, CITED_FAILED, 0, why, NULL);
		free(why);
		return;
	}
	struct article *a = extract_page(src.data, src.len, src.url, src.charset, &why);
	if (a == NULL) {
		settle(run, i, CITED_FAILED, 0, why, NULL);
		free(why);
		source_clear(&src);
		return;
	}
	long long id = 0;
	bool created = false;
	/* Remember the URL asked for when a redirect led elsewhere. */
	const char *requested = url_same(url, src.url) ? NULL : url;
	if (store_article_put_from(run->ctx->store, a, src.data, src.len, src.charset, requested, &id,
	    &created, &why) < 0) {
		char *m = xasprintf("cannot store: %s", why);
		settle(run, i, CITED_FAILED, 0, m, NULL);
		free(m);
		free(why);
	} else {
		settle(run, i, created ? CITED_IMPORTED : CITED_PRESENT, id, NULL,
		    a->title != NULL && a->title[0] ? a->title : "(untitled)");
	}
	article_free(a);
	source_clear(&src);
}

/* Return the extension of url's path for a message ("pdf"), newly
 * allocated, or NULL. */
static char *
file_extension(const char *url)
{
	char *key = url_key(url);
	size_t start = strstr(key, "://") != NULL ? (size_t)(strstr(key, "://") - key) + 3 : 0;
	start += strcspn(key + start, "/?");
	size_t end = start + strcspn(key + start, "?");
	char *ext = NULL;
	for (size_t i = end; i > start; i--) {
		if (key[i - 1] == '/')
			break;
		if (key[i - 1] == '.') {
			ext = xstrndup(key + i, end - i);
			break;
		}
	}
	free(key);
	return ext;
}

/* Sort article id's links into run->items: what to fetch is queued on m,
 * the rest settled now. Returns 0, or -1 after complaining. */
static int
plan(struct cited_run *run, long long id, struct fetch_multi *m)
{
	struct store *st = run->ctx->store;
	char *err = NULL;
	struct article *a = store_article_get(st, id, &err);
	struct store_link *links = NULL;
	size_t n = 0;
	if (a == NULL || store_links_get(st, id, &links, &n, &err) < 0) {
		cli_complain("%s", err);
		free(err);
		article_free(a);
		return -1;
	}
	char **seen = xcalloc(n + 1, sizeof *seen);
	size_t nseen = 0;
	run->items = xcalloc(n + 1, sizeof *run->items);
	for (size_t k = 0; k < n; k++) {
		const char *url = links[k].url;
		char *key = url_key(url);
		bool dup = false;
		for (size_t s = 0; s < nseen && !dup; s++)
			dup = strcmp(seen[s], key) == 0;
		if (dup) {
			/* Each identity once: a repeat is not even listed. */
			free(key);
			continue;
		}
		seen[nseen++] = key;
		size_t i = run->n++;
		run->items[i].url = xstrdup(url);
		if (url_is_same_page(url, a->url) || url_is_same_page(url, a->canonical_url)) {
			settle(run, i, CITED_SKIPPED, 0, "same-page anchor", NULL);
		} else if (!url_is_http(url)) {
			settle(run, i, CITED_SKIPPED, 0, "not an http(s) link", NULL);
		} else if (url_is_file(url)) {
			char *ext = file_extension(url);
			char *why = xasprintf("a file (.%s), not a page", ext != NULL ? ext : "?");
			settle(run, i, CITED_SKIPPED, 0, why, NULL);
			free(why);
			free(ext);
		} else if (links[k].target > 0) {
			settle(run, i, CITED_PRESENT, links[k].target, "already in the library", NULL);
		} else {
			fetch_multi_add(m, url, (void *)(uintptr_t)i);
			run->nfetch++;
		}
	}
	for (size_t s = 0; s < nseen; s++)
		free(seen[s]);
	free(seen);
	store_links_free(links, n);
	article_free(a);
	return 0;
}

/* Print the summary: counts, then each link skipped, failed or left
 * unfetched by an interrupt, and why. */
static void
summary(const struct cited_run *run, bool was_interrupted)
{
	size_t queued = run->nfetch - run->nfetched;
	printf("%zu cited: %zu imported, %zu already present, %zu skipped, %zu failed", run->n,
	    run->count[CITED_IMPORTED], run->count[CITED_PRESENT], run->count[CITED_SKIPPED],
	    run->count[CITED_FAILED]);
	if (was_interrupted)
		printf(", %zu not fetched (interrupted)", queued);
	putchar('\n');
	for (size_t i = 0; i < run->n; i++) {
		const struct cited *c = &run->items[i];
		if (c->outcome == CITED_IMPORTED || c->outcome == CITED_PRESENT)
			continue;
		printf("  %s: ", outcome_words[c->outcome]);
		cli_put_clean(stdout, c->url, false);
		if (c->why != NULL) {
			fputs(" (", stdout);
			cli_put_clean(stdout, c->why, false);
			fputc(')', stdout);
		}
		putchar('\n');
	}
}

/* import --cited ID: fetch and import every page article ID cites. */
int
cmd_import_cited(struct context *ctx)
{
	if (ctx->argc != 1)
		return cli_usage_error(ctx->cmd, "--cited takes one article ID");
	long long id = cli_parse_id(ctx->argv[0]);
	if (id == 0)
		return cli_usage_error(ctx->cmd, "not an article ID: %s", ctx->argv[0]);
	if (cli_library(ctx) == NULL)
		return EXIT_FAIL;
	struct fetch_limits lim;
	fetch_limits_default(&lim);
	lim.max_bytes = SOURCE_MAX_BYTES;
	char *err = NULL;
	struct fetch_multi *m = fetch_multi_create(&lim, CITED_MAX_TOTAL, CITED_MAX_PER_HOST, &err);
	if (m == NULL) {
		cli_complain("%s", err);
		free(err);
		return EXIT_FAIL;
	}
	struct cited_run run = { .ctx = ctx, .bar = isatty(STDERR_FILENO) };
	int status = EXIT_OK;
	if (plan(&run, id, m) < 0) {
		fetch_multi_free(m);
		return EXIT_FAIL;
	}
	struct sigaction sa = { .sa_handler = on_interrupt }, old_int;
	sigemptyset(&sa.sa_mask);
	interrupted = 0;
	sigaction(SIGINT, &sa, &old_int);
	bar_draw(&run);
	int pending = (int)run.nfetch;
	while (pending > 0 && !interrupted) {
		pending = fetch_multi_run(m, 100, on_fetched, &run, &err);
		if (pending < 0) {
			bar_clear(&run);
			cli_complain("%s", err);
			free(err);
			status = EXIT_FAIL;
			break;
		}
	}
	bool was_interrupted = interrupted != 0;
	sigaction(SIGINT, &old_int, NULL);
	fetch_multi_free(m);   /* abandons what an interrupt left running */
	bar_clear(&run);
	summary(&run, was_interrupted);
	if (run.count[CITED_FAILED] > 0 || was_interrupted)
		status = EXIT_FAIL;
	if (was_interrupted)
		cli_complain("interrupted; %zu pages imported are kept", run.count[CITED_IMPORTED]);
	for (size_t i = 0; i < run.n; i++) {
		free(run.items[i].url);
		free(run.items[i].why);
	}
	free(run.items);
	return cli_finish_output(status);
}

/* links --to: one line (or JSON object) per citing article. */
static int
citing_one(const struct store_summary *s, void *arg)
{
	struct json *j = arg;
	if (j != NULL) {
		json_object_begin(j);
		json_kv_int(j, "id", s->id);
		json_kv_string(j, "title", s->title);
		json_kv_string(j, "url", s->canonical_url != NULL ? s->canonical_url : s->url);
		json_object_end(j);
		return 0;
	}
	printf("%lld\t", s->id);
	cli_put_clean(stdout, s->title != NULL && s->title[0] ? s->title : "(untitled)", false);
	putchar('\t');
	cli_put_clean(stdout, s->canonical_url != NULL ? s->canonical_url : s->url, false);
	putchar('\n');
	return 0;
}

/* Print links as JSON: number, heading, text, url, id (null if none). */
static void
links_json(const struct store_link *links, size_t n)
{
	struct buf out = {0};
	struct json j;
	json_init(&j, &out, true);
	json_array_begin(&j);
	for (size_t i = 0; i < n; i++) {
		const struct store_link *l = &links[i];
		json_object_begin(&j);
		json_kv_int(&j, "number", (long long)l->idx + 1);
		json_kv_string(&j, "heading", l->heading_text);
		json_kv_string(&j, "text", l->text);
		json_kv_string(&j, "url", l->url);
		json_key(&j, "id");
		if (l->target > 0)
			json_int(&j, l->target);
		else
			json_null(&j);
		json_object_end(&j);
	}
	json_array_end(&j);
	buf_putc(&out, '\n');
	fwrite(buf_str(&out), 1, out.len, stdout);
	buf_free(&out);
}

/* Print links as text: each heading once, then its links as "N  #ID
 * text  URL", the id column blank for links that leave the library (the
 * pager writes link numbers in brackets; ids are told apart by '#'). */
static void
links_text(const struct store_link *links, size_t n)
{
	int heading = -2;
	for (size_t i = 0; i < n; i++) {
		const struct store_link *l = &links[i];
		if (l->heading != heading) {
			heading = l->heading;
			cli_put_clean(stdout, l->heading_text != NULL && l->heading_text[0] ?
			    l->heading_text : "(before any heading)", false);
			putchar('\n');
		}
		printf("%4zu  ", l->idx + 1);
		if (l->target > 0) {
			char id[32];
			snprintf(id, sizeof id, "#%lld", l->target);
			printf("%-7s ", id);
		} else {
			printf("%-7s ", "");
		}
		cli_put_clean(stdout, l->text != NULL && l->text[0] ? l->text : "(no text)", false);
		fputs("  ", stdout);
		cli_put_clean(stdout, l->url, false);
		putchar('\n');
	}
}

/* links ID: the article's links; links --to ID: the articles citing it. */
int
cmd_links(struct context *ctx)
{
	long long id = cli_parse_id(ctx->argv[0]);
	if (id == 0)
		return cli_usage_error(ctx->cmd, "not an article ID: %s", ctx->argv[0]);
	if (cli_library(ctx) == NULL)
		return EXIT_FAIL;
	char *err = NULL;
	if (cli_opt(ctx, OPT_TO) != NULL) {
		struct buf out = {0};
		struct json j;
		if (ctx->json) {
			json_init(&j, &out, true);
			json_array_begin(&j);
		}
		int rc = store_citing_list(ctx->store, id, citing_one, ctx->json ? &j : NULL, &err);
		if (ctx->json) {
			json_array_end(&j);
			buf_putc(&out, '\n');
			if (rc == 0)
				fwrite(buf_str(&out), 1, out.len, stdout);
			buf_free(&out);
		}
		if (rc < 0) {
			cli_complain("%s", err);
			free(err);
			return EXIT_FAIL;
		}
		return cli_finish_output(EXIT_OK);
	}
	struct store_link *links = NULL;
	size_t n = 0;
	if (store_links_get(ctx->store, id, &links, &n, &err) < 0) {
		cli_complain("%s", err);
		free(err);
		return EXIT_FAIL;
	}
	if (ctx->json)
		links_json(links, n);
	else
		links_text(links, n);
	store_links_free(links, n);
	return cli_finish_output(EXIT_OK);
}
