/* library.c — the commands that import, print, list and remove articles
 * and open the pager: import, extract, list, show, bookmarks, rm, read and
 * help. Everything printed that came from a page goes through text_sanitize
 * first; web text is hostile. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "cli.h"
#include "extract.h"
#include "json.h"
#include "pager.h"
#include "source.h"
#include "store.h"
#include "text.h"
#include "util.h"

/* import: extract each source and store it; report and skip the bad ones. */
int
cmd_import(struct context *ctx)
{
	if (cli_opt(ctx, OPT_CITED) != NULL)
		return cmd_import_cited(ctx);
	struct buf failed = {0};
	int nfailed = 0;
	for (int i = 0; i < ctx->argc; i++) {
		const char *spec = ctx->argv[i];
		struct source src = {0};
		struct article *a = NULL;
		int blog = cli_import_blog(ctx, spec, &src, &a);
		if (blog >= 0) {   /* a WordPress export or a feed: done */
			source_clear(&src);
			if (blog != EXIT_OK) {
				buf_printf(&failed, "%s%s", nfailed ? ", " : "", spec);
				nfailed++;
			}
			continue;
		}
		long long id = 0;
		char *err = NULL;
		bool stored = false;
		if (a != NULL) {
			/* Opened only now, so bad sources alone never create a library. */
			if (cli_library(ctx) == NULL) {
				article_free(a);
				source_clear(&src);
				buf_free(&failed);
				return EXIT_FAIL;
			}
			if (store_article_put(ctx->store, a, src.data, src.len, src.charset, &id, NULL,
			    &err) == 0) {
				stored = true;
				printf("%lld\t", id);
				cli_put_clean(stdout, a->title != NULL && a->title[0] ? a->title : "(untitled)",
				    false);
				printf("\t%zu blocks\n", a->nblocks);
				fflush(stdout);   /* one line as each source is done */
			} else {
				cli_complain("%s: cannot store: %s", spec, err);
				free(err);
			}
		}
		if (!stored) {
			buf_printf(&failed, "%s%s", nfailed ? ", " : "", spec);
			nfailed++;
		}
		article_free(a);
		source_clear(&src);
	}
	int status = EXIT_OK;
	if (nfailed > 0 && ctx->argc > 1) {
		/* With one source its own line already said it all. */
		fflush(stdout);
		cli_complain("%d of %d sources failed: %s", nfailed, ctx->argc, buf_str(&failed));
	}
	if (nfailed > 0)
		status = EXIT_FAIL;
	buf_free(&failed);
	return cli_finish_output(status);
}

/* extract: print a page's article as text or JSON, touching no library. */
int
cmd_extract(struct context *ctx)
{
	struct source src = {0};
	struct article *a = cli_load_article(ctx->argv[0], &src);
	if (a == NULL)
		return EXIT_FAIL;
	struct buf out = {0};
	if (strcmp(ctx->format, "json") == 0)
		article_to_json(a, 0, &out);
	else
		article_to_text(a, &out);
	if (strcmp(ctx->format, "json") == 0)
		fwrite(buf_str(&out), 1, out.len, stdout);
	else
		cli_put_clean(stdout, buf_str(&out), true);
	buf_free(&out);
	article_free(a);
	source_clear(&src);
	return cli_finish_output(EXIT_OK);
}

/* list: one JSON object per article. */
static int
list_json_one(const struct store_summary *s, void *arg)
{
	struct json *j = arg;
	json_object_begin(j);
	json_kv_int(j, "id", s->id);
	json_kv_string(j, "title", s->title);
	json_kv_string(j, "author", s->author);
	json_kv_string(j, "site_name", s->site_name);
	json_kv_string(j, "published", s->published);
	json_kv_string(j, "url", s->url);
	json_kv_string(j, "canonical_url", s->canonical_url);
	json_kv_string(j, "added", s->added);
	json_kv_int(j, "word_count", s->word_count);
	json_object_end(j);
	return 0;
}

/* Print s, cut or padded to width characters (code points). */
static void
put_column(const char *s, size_t width)
{
	char *clean = text_sanitize(s != NULL ? s : "", false);
	size_t n = 0, i = 0, len = strlen(clean);
	while (i < len && n < width) {
		uint32_t cp;
		size_t k = utf8_decode(clean + i, len - i, &cp);
		i += k ? k : 1;
		n++;
	}
	if (i < len && n == width) {
		/* Too long: end with an ellipsis in the last column. */
		size_t back = i;
		while (back > 0 && ((unsigned char)clean[--back] & 0xc0) == 0x80)
			;
		fwrite(clean, 1, back, stdout);
		fputs("…", stdout);
	} else {
		fwrite(clean, 1, i, stdout);
		for (; n < width; n++)
			fputc(' ', stdout);
	}
	free(clean);
}

/* list: one table row per article — id, date, site, title. */
static int
list_text_one(const struct store_summary *s, void *arg)
{
	int *rows = arg;
	if ((*rows)++ == 0)
		printf("%5s  %-10s  %-20s  %s\n", "ID", "DATE", "SITE", "TITLE");
	const char *date = s->published != NULL ? s->published : s->added;
	printf("%5lld  %-10.10s  ", s->id, date != NULL ? date : "");
	put_column(s->site_name, 20);
	fputs("  ", stdout);
	cli_put_clean(stdout, s->title != NULL ? s->title : "(untitled)", false);
	fputc('\n', stdout);
	return 0;
}

/* list: the library as a table or a JSON array. */
int
cmd_list(struct context *ctx)
{
	if (cli_library(ctx) == NULL)
		return EXIT_FAIL;
	char *err = NULL;
	int rc;
	if (ctx->json) {
		struct buf out = {0};
		struct json j;
		json_init(&j, &out, true);
		json_array_begin(&j);
		rc = store_article_list(ctx->store, list_json_one, &j, &err);
		json_array_end(&j);
		buf_putc(&out, '\n');
		if (rc == 0)
			fwrite(buf_str(&out), 1, out.len, stdout);
		buf_free(&out);
	} else {
		int rows = 0;
		rc = store_article_list(ctx->store, list_text_one, &rows, &err);
	}
	if (rc < 0) {
		cli_complain("%s", err);
		free(err);
		return EXIT_FAIL;
	}
	return cli_finish_output(EXIT_OK);
}

/* show: a header (title, byline, source) then the body as plain text. */
static void
show_text(const struct article *a)
{
	cli_put_clean(stdout, a->title != NULL ? a->title : "(untitled)", false);
	fputc('\n', stdout);
	const char *parts[3] = { a->author, a->published, a->site_name };
	bool any = false;
	for (int i = 0; i < 3; i++) {
		if (parts[i] == NULL || parts[i][0] == '\0')
			continue;
		fputs(any ? " · " : "", stdout);
		if (i == 0)
			fputs("by ", stdout);
		if (i == 1) {
			/* The day is enough here; JSON has the full timestamp. */
			char day[11];
			snprintf(day, sizeof day, "%s", parts[i]);
			cli_put_clean(stdout, day, false);
		} else {
			cli_put_clean(stdout, parts[i], false);
		}
		any = true;
	}
	if (any)
		fputc('\n', stdout);
	const char *url = a->canonical_url != NULL ? a->canonical_url : a->url;
	if (url != NULL) {
		cli_put_clean(stdout, url, false);
		fputc('\n', stdout);
	}
	fputc('\n', stdout);
	struct buf body = {0};
	article_to_text(a, &body);
	cli_put_clean(stdout, buf_str(&body), true);
	buf_free(&body);
}

/* show: one article from the library as text or JSON. */
int
cmd_show(struct context *ctx)
{
	long long id = cli_parse_id(ctx->argv[0]);
	if (id == 0)
		return cli_usage_error(ctx->cmd, "not an article id: '%s'", ctx->argv[0]);
	if (cli_library(ctx) == NULL)
		return EXIT_FAIL;
	char *err = NULL;
	struct article *a = store_article_get(ctx->store, id, &err);
	if (a == NULL) {
		cli_complain("%s", err);
		free(err);
		return EXIT_FAIL;
	}
	if (strcmp(ctx->format, "json") == 0) {
		struct buf out = {0};
		article_to_json(a, id, &out);
		fwrite(buf_str(&out), 1, out.len, stdout);
		buf_free(&out);
	} else {
		show_text(a);
	}
	article_free(a);
	return cli_finish_output(EXIT_OK);
}

/* The ids and titles of the library's articles, gathered for a walk that
 * needs the store again for each (a listing callback may not). */
struct id_list {
	long long *ids;
	char **titles;
	size_t n;
};

/* Collect one article into an id_list. */
static int
collect_id(const struct store_summary *s, void *arg)
{
	struct id_list *l = arg;
	l->ids = xreallocarray(l->ids, l->n + 1, sizeof *l->ids);
	l->titles = xreallocarray(l->titles, l->n + 1, sizeof *l->titles);
	l->ids[l->n] = s->id;
	l->titles[l->n] = xstrdup(s->title != NULL ? s->title : "(untitled)");
	l->n++;
	return 0;
}

/* Return a newly allocated excerpt of up to 60 characters of block text
 * from character offset off. */
static char *
bookmark_excerpt(const struct article *a, size_t block, size_t off)
{
	if (a == NULL || block >= a->nblocks)
		return xstrdup("");
	const char *t = a->blocks[block].text;
	size_t len = strlen(t), i = 0, chars = 0;
	uint32_t cp;
	while (i < len && chars < off) {
		size_t k = utf8_decode(t + i, len - i, &cp);
		i += k ? k : 1;
		chars++;
	}
	size_t start = i;
	for (chars = 0; i < len && chars < 60; chars++) {
		size_t k = utf8_decode(t + i, len - i, &cp);
		i += k ? k : 1;
	}
	char *raw = xstrndup(t + start, i - start);
	char *clean = text_sanitize(raw, false);
	free(raw);
	return clean;
}

/* bookmarks: every bookmark of article ID, or of the whole library, with the
 * text it points at. */
int
cmd_bookmarks(struct context *ctx)
{
	long long only = 0;
	if (ctx->argc == 1 && (only = cli_parse_id(ctx->argv[0])) == 0)
		return cli_usage_error(ctx->cmd, "not an article id: '%s'", ctx->argv[0]);
	if (cli_library(ctx) == NULL)
		return EXIT_FAIL;
	char *err = NULL;
	struct id_list l = {0};
	int status = EXIT_OK;
	if (store_article_list(ctx->store, collect_id, &l, &err) < 0)
		goto fail;
	bool found = only == 0;
	struct buf out = {0};
	struct json j;
	json_init(&j, &out, true);
	if (ctx->json)
		json_array_begin(&j);
	for (size_t i = 0; i < l.n; i++) {
		if (only != 0 && l.ids[i] != only)
			continue;
		found = true;
		struct store_bookmark *b = NULL;
		size_t n = 0;
		if (store_bookmarks_get(ctx->store, l.ids[i], &b, &n, &err) < 0) {
			buf_free(&out);
			goto fail;
		}
		struct article *a = n > 0 ? store_article_get(ctx->store, l.ids[i], NULL) : NULL;
		for (size_t k = 0; k < n; k++) {
			char *text = bookmark_excerpt(a, b[k].block, b[k].offset);
			if (ctx->json) {
				json_object_begin(&j);
				json_kv_int(&j, "article_id", l.ids[i]);
				json_kv_string(&j, "title", l.titles[i]);
				json_kv_string(&j, "name", b[k].name);
				json_kv_int(&j, "block", (long long)b[k].block);
				json_kv_int(&j, "offset", (long long)b[k].offset);
				json_kv_string(&j, "created", b[k].created);
				json_kv_string(&j, "text", text);
				json_object_end(&j);
			} else {
				char *title = text_sanitize(l.titles[i], false);
				char *name = text_sanitize(b[k].name != NULL ? b[k].name : "", false);
				buf_printf(&out, "%lld\t%s\t%s\t%s\n", l.ids[i], name, title, text);
				free(title);
				free(name);
			}
			free(text);
		}
		article_free(a);
		store_bookmarks_free(b, n);
	}
	if (ctx->json) {
		json_array_end(&j);
		buf_putc(&out, '\n');
	}
	if (!found) {
		buf_free(&out);
		err = xasprintf("no article %lld", only);
		goto fail;
	}
	fwrite(buf_str(&out), 1, out.len, stdout);
	buf_free(&out);
	status = cli_finish_output(EXIT_OK);
	goto done;
fail:
	cli_complain("%s", err);
	free(err);
	status = EXIT_FAIL;
done:
	for (size_t i = 0; i < l.n; i++)
		free(l.titles[i]);
	free(l.titles);
	free(l.ids);
	return status;
}

/* rm: delete articles by id; an unknown id fails but the others go. */
int
cmd_rm(struct context *ctx)
{
	/* Check every id first: a typo must not leave half the list removed. */
	for (int i = 0; i < ctx->argc; i++)
		if (cli_parse_id(ctx->argv[i]) == 0)
			return cli_usage_error(ctx->cmd, "not an article id: '%s'", ctx->argv[i]);
	if (cli_library(ctx) == NULL)
		return EXIT_FAIL;
	int status = EXIT_OK;
	for (int i = 0; i < ctx->argc; i++) {
		char *err = NULL;
		if (store_article_delete(ctx->store, cli_parse_id(ctx->argv[i]), &err) < 0) {
			cli_complain("%s", err);
			free(err);
			status = EXIT_FAIL;
		}
	}
	return status;
}

/* Run the pager on article id (0: the library screen). */
int
cli_open_pager(struct context *ctx, long long id)
{
	struct config *cfg = cli_config(ctx);
	if (cfg == NULL)
		return EXIT_FAIL;
	if (cli_library(ctx) == NULL) {
		config_free(cfg);
		return EXIT_FAIL;
	}
	char *err = NULL;
	int rc = pager_run(ctx->store, id, cfg, &err);
	config_free(cfg);
	if (rc < 0) {
		cli_complain("%s", err);
		free(err);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

/* read: one article, by id or by its (canonical or source) URL, in the pager. */
int
cmd_read(struct context *ctx)
{
	const char *arg = ctx->argv[0];
	long long id = cli_parse_id(arg);
	if (id == 0 && strstr(arg, "://") == NULL)
		return cli_usage_error(ctx->cmd, "not an article id or URL: '%s'", arg);
	if (cli_library(ctx) == NULL)
		return EXIT_FAIL;
	if (id == 0) {
		char *err = NULL;
		int rc = store_find_by_url(ctx->store, arg, &id, &err);
		if (rc < 0) {
			cli_complain("%s", err);
			free(err);
			return EXIT_FAIL;
		}
		if (rc == 0) {
			cli_complain("no article from %s in the library (import it first)", arg);
			return EXIT_FAIL;
		}
	}
	return cli_open_pager(ctx, id);
}

/* help: the overview, or one command's help. */
int
cmd_help(struct context *ctx)
{
	if (ctx->argc == 0) {
		cli_usage_all(stdout);
		return cli_finish_output(EXIT_OK);
	}
	const struct command *c = cli_command_find(ctx->argv[0]);
	if (c == NULL)
		return cli_usage_error(ctx->cmd, "no command '%s'", ctx->argv[0]);
	cli_help_command(c);
	return cli_finish_output(EXIT_OK);
}
