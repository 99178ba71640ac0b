/* search.c — the commands that search the library and list its quotations:
 * `quire search [--quotes] [--limit N] [--json] QUERY` and
 * `quire quotes [ID] [--json]`. Matched words are bold on a terminal and in
 * [brackets] when piped or under NO_COLOR, so a script can see them too. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "json.h"
#include "quotes.h"
#include "search.h"
#include "text.h"
#include "util.h"

#define MAX_LIMIT 1000

/* How matched words are marked in printed snippets. */
struct marks {
	const char *on, *off;
};

/* Bold on a terminal that may have colour, brackets otherwise. */
static struct marks
choose_marks(void)
{
	const char *nc = getenv("NO_COLOR");
	if (isatty(STDOUT_FILENO) && (nc == NULL || nc[0] == '\0'))
		return (struct marks){ "\033[1m", "\033[0m" };
	return (struct marks){ "[", "]" };
}

/* Append snippet s to out with its match markers replaced by mk. */
static void
put_snippet(struct buf *out, const char *s, struct marks mk)
{
	for (; *s != '\0'; s++) {
		if (*s == SEARCH_MARK_ON)
			buf_puts(out, mk.on);
		else if (*s == SEARCH_MARK_OFF)
			buf_puts(out, mk.off);
		else
			buf_putc(out, *s);
	}
}

/* Return snippet s with [ ] for its markers, newly allocated. */
static char *
bracketed(const char *s)
{
	struct buf b = {0};
	put_snippet(&b, s, (struct marks){ "[", "]" });
	return buf_detach(&b);
}

/* Append "Author, Publication, “Work” (Year)" for a quote, or with the full
 * date the cite wrote, "“Work”, 9 January 1912"; nothing when nothing is
 * known. Strings may be NULL. */
static void
put_attribution(struct buf *out, const char *author, const char *publication,
    const char *work, int year, const char *date)
{
	const char *sep = "";
	if (author != NULL && author[0] != '\0') {
		buf_puts(out, author);
		sep = ", ";
	}
	if (publication != NULL && publication[0] != '\0') {
		buf_printf(out, "%s%s", sep, publication);
		sep = ", ";
	}
	if (work != NULL && work[0] != '\0') {
		buf_printf(out, "%s“%s”", sep, work);
		sep = " ";
	}
	if (date != NULL)
		buf_printf(out, "%s%s", sep[0] == ' ' ? ", " : sep, date);
	else if (year != 0)
		buf_printf(out, "%s(%d)", sep, year);
}

/* Print one hit as text. */
static void
put_hit_text(struct buf *out, const struct search_hit *h, bool quotes, struct marks mk)
{
	buf_printf(out, "%lld  %s", h->article_id, h->title != NULL ? h->title : "(untitled)");
	if (h->site != NULL && h->site[0] != '\0')
		buf_printf(out, " — %s", h->site);
	buf_putc(out, '\n');
	if (h->heading != NULL)
		buf_printf(out, "    § %s\n", h->heading);
	buf_puts(out, "    ");
	put_snippet(out, h->snippet, mk);
	buf_putc(out, '\n');
	if (quotes) {
		struct buf who = {0};
		put_attribution(&who, h->author, h->publication, h->work, h->year, h->date);
		if (who.len > 0)
			buf_printf(out, "    — %s\n", buf_str(&who));
		buf_free(&who);
		if (h->source_url != NULL)
			buf_printf(out, "    %s\n", h->source_url);
	}
}

/* Print one hit as a JSON object. */
static void
put_hit_json(struct json *j, const struct search_hit *h, bool quotes)
{
	json_object_begin(j);
	json_kv_int(j, "article_id", h->article_id);
	json_kv_string(j, "title", h->title);
	json_kv_string(j, "site", h->site);
	json_kv_string(j, "heading", h->heading);
	json_kv_int(j, "block", (long long)h->block);
	json_kv_int(j, "offset", (long long)h->offset);
	json_key(j, "in_title");
	json_bool(j, h->in_title);
	char *snip = bracketed(h->snippet);
	json_kv_string(j, "snippet", snip);
	free(snip);
	if (quotes) {
		json_kv_int(j, "quote", h->quote);
		json_kv_string(j, "author", h->author);
		json_kv_string(j, "publication", h->publication);
		json_kv_string(j, "work", h->work);
		json_key(j, "year");
		if (h->year != 0)
			json_int(j, h->year);
		else
			json_null(j);
		json_kv_string(j, "date", h->date);
		json_kv_string(j, "source_url", h->source_url);
	}
	json_object_end(j);
}

/* Parse --limit: 1..MAX_LIMIT. Returns it, or 0. */
static size_t
parse_limit(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (end == s || *end != '\0' || v < 1 || v > MAX_LIMIT)
		return 0;
	return (size_t)v;
}

int
cmd_search(struct context *ctx)
{
	size_t limit = 20;
	const char *lim = cli_opt(ctx, OPT_LIMIT);
	if (lim != NULL && (limit = parse_limit(lim)) == 0)
		return cli_usage_error(ctx->cmd, "--limit wants a number from 1 to %d, not '%s'",
		    MAX_LIMIT, lim);
	bool quotes = cli_opt(ctx, OPT_QUOTES) != NULL;
	struct buf q = {0};
	for (int i = 0; i < ctx->argc; i++) {
		if (i > 0)
			buf_putc(&q, ' ');
		buf_puts(&q, ctx->argv[i]);
	}
	if (cli_library(ctx) == NULL) {
		buf_free(&q);
		return EXIT_FAIL;
	}
	struct search_results *r;
	char *err = NULL;
	int rc = search_run(ctx->store, buf_str(&q), quotes ? SEARCH_QUOTES : SEARCH_ALL, limit, &r,
	    &err);
	buf_free(&q);
	if (rc < 0) {
		cli_complain("search: %s", err);
		free(err);
		return EXIT_FAIL;
	}
	struct buf out = {0};
	if (ctx->json) {
		struct json j;
		json_init(&j, &out, true);
		json_array_begin(&j);
		for (size_t i = 0; i < r->n; i++)
			put_hit_json(&j, &r->hits[i], quotes);
		json_array_end(&j);
		buf_putc(&out, '\n');
	} else {
		struct marks mk = choose_marks();
		for (size_t i = 0; i < r->n; i++) {
			if (i > 0)
				buf_putc(&out, '\n');
			put_hit_text(&out, &r->hits[i], quotes, mk);
		}
	}
	fwrite(buf_str(&out), 1, out.len, stdout);
	buf_free(&out);
	search_results_free(r);
	return cli_finish_output(EXIT_OK);
}

/* What the quotes listing carries from row to row. */
struct quotes_list {
	struct buf out;
	struct json j;
	bool json;
	long long last_article;
};

/* Print one quotation. */
static int
put_quote(const struct store_quote_row *q, void *arg)
{
	struct quotes_list *l = arg;
	char *title = text_sanitize(q->article_title != NULL ? q->article_title : "", false);
	char *text = text_sanitize(q->text, false);
	char *author = q->author ? text_sanitize(q->author, false) : NULL;
	char *publication = q->publication ? text_sanitize(q->publication, false) : NULL;
	char *work = q->work ? text_sanitize(q->work, false) : NULL;
	char *url = q->cite_url ? text_sanitize(q->cite_url, false) : NULL;
	char *full = quotes_full_date(q->cite_raw, q->year);
	char *date = full != NULL ? text_sanitize(full, false) : NULL;
	free(full);
	if (l->json) {
		struct json *j = &l->j;
		json_object_begin(j);
		json_kv_int(j, "article_id", q->article_id);
		json_kv_string(j, "article_title", title);
		json_kv_int(j, "index", q->idx);
		json_kv_string(j, "kind", q->kind);
		json_kv_string(j, "text", text);
		json_kv_string(j, "author", author);
		json_kv_string(j, "publication", publication);
		json_kv_string(j, "work", work);
		json_key(j, "year");
		if (q->year != 0)
			json_int(j, q->year);
		else
			json_null(j);
		json_kv_string(j, "date", date);
		json_kv_string(j, "source_url", url);
		json_kv_int(j, "first_block", q->first_block);
		json_object_end(j);
	} else {
		if (q->article_id != l->last_article)
			buf_printf(&l->out, "%s%lld  %s\n", l->last_article != 0 ? "\n" : "",
			    q->article_id, title);
		buf_printf(&l->out, "  %lld  %s  “%s”\n", q->idx, q->kind, text);
		struct buf who = {0};
		put_attribution(&who, author, publication, work, q->year, date);
		if (who.len > 0)
			buf_printf(&l->out, "        — %s\n", buf_str(&who));
		buf_free(&who);
		if (url != NULL)
			buf_printf(&l->out, "        %s\n", url);
	}
	l->last_article = q->article_id;
	free(title);
	free(text);
	free(author);
	free(publication);
	free(work);
	free(url);
	free(date);
	return 0;
}

int
cmd_quotes(struct context *ctx)
{
	long long only = 0;
	if (ctx->argc == 1 && (only = cli_parse_id(ctx->argv[0])) == 0)
		return cli_usage_error(ctx->cmd, "not an article id: '%s'", ctx->argv[0]);
	if (cli_library(ctx) == NULL)
		return EXIT_FAIL;
	char *err = NULL;
	if (only != 0) {
		struct article *a = store_article_get(ctx->store, only, &err);
		if (a == NULL) {
			cli_complain("%s", err);
			free(err);
			return EXIT_FAIL;
		}
		article_free(a);
	}
	struct quotes_list l = { .json = ctx->json };
	json_init(&l.j, &l.out, true);
	if (l.json)
		json_array_begin(&l.j);
	if (store_quotes_list(ctx->store, only, put_quote, &l, &err) < 0) {
		buf_free(&l.out);
		cli_complain("%s", err);
		free(err);
		return EXIT_FAIL;
	}
	if (l.json) {
		json_array_end(&l.j);
		buf_putc(&l.out, '\n');
	}
	fwrite(buf_str(&l.out), 1, l.out.len, stdout);
	buf_free(&l.out);
	return cli_finish_output(EXIT_OK);
}
