/* main.c — the command line: a table of subcommands, each wiring the
 * pipeline's stages together. The table gives each command its usage, its
 * options, how many arguments it takes and what it runs; the help text and
 * argument checks come from it. The global option --db PATH (before or after
 * the command) or $QUIRE_DB picks the library, else the XDG default.
 * Exit status: 0 ok, 1 failure, 2 usage. Everything printed that came from a
 * page goes through text_sanitize first; web text is hostile. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "extract.h"
#include "json.h"
#include "pager.h"
#include "paths.h"
#include "source.h"
#include "store.h"
#include "text.h"
#include "util.h"

#define QUIRE_VERSION "0.1.0"

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

/* Options a command may accept; a command lists the ones it takes. */
enum {
	OPT_FORMAT = 1 << 0,   /* --format text|json */
	OPT_JSON = 1 << 1,     /* --json */
};

static const struct option_info {
	int flag;
	const char *name;
	int has_arg;
	const char *synopsis;
	const char *help;
} option_table[] = {
	{ OPT_FORMAT, "format", required_argument, "--format text|json",
	  "print plain text (the default) or one JSON object" },
	{ OPT_JSON, "json", no_argument, "--json", "print a JSON array" },
};
#define NOPTIONS (sizeof option_table / sizeof option_table[0])

/* What one run of a command works with: the parsed options, the positional
 * arguments, and the library, opened on first need. */
struct context {
	const struct command *cmd;
	const char *db_option;   /* --db PATH, or NULL */
	struct store *store;
	const char *format;      /* --format, default "text" */
	bool json;               /* --json */
	int argc;                /* positional arguments */
	char **argv;
};

struct command {
	const char *name;
	const char *args;        /* positional arguments for the usage line */
	const char *summary;
	int options;             /* OPT_* flags it accepts */
	int min_args, max_args;  /* max_args -1: no limit */
	int (*run)(struct context *ctx);
};

static int cmd_import(struct context *ctx);
static int cmd_extract(struct context *ctx);
static int cmd_list(struct context *ctx);
static int cmd_show(struct context *ctx);
static int cmd_bookmarks(struct context *ctx);
static int cmd_rm(struct context *ctx);
static int cmd_read(struct context *ctx);
static int cmd_help(struct context *ctx);

/* One entry per command, in the order help lists them. */
static const struct command commands[] = {
	{ "import", "SOURCE...",
	  "add pages (files, - for stdin, http(s) URLs) to the library, or update them",
	  0, 1, -1, cmd_import },
	{ "extract", "SOURCE",
	  "print the article in a page without storing it",
	  OPT_FORMAT, 1, 1, cmd_extract },
	{ "list", "",
	  "list the articles in the library",
	  OPT_JSON, 0, 0, cmd_list },
	{ "show", "ID",
	  "print an article from the library",
	  OPT_FORMAT, 1, 1, cmd_show },
	{ "read", "ID|URL",
	  "read an article in the pager (quire alone opens the library screen)",
	  0, 1, 1, cmd_read },
	{ "bookmarks", "[ID]",
	  "list the bookmarks of one article or of the whole library",
	  OPT_JSON, 0, 1, cmd_bookmarks },
	{ "rm", "ID...",
	  "remove articles from the library",
	  0, 1, -1, cmd_rm },
	{ "help", "[COMMAND]",
	  "show help for quire or a command",
	  0, 0, 1, cmd_help },
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

/* Return the command called name, or NULL. */
static const struct command *
command_find(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* Print the overview: global options and every command's summary. */
static void
usage_all(FILE *f)
{
	fprintf(f, "usage: quire [--db PATH] [COMMAND [OPTIONS] [ARGS]]\n"
	    "       quire --version | --help\n\ncommands:\n");
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "\nglobal options:\n"
	    "  --db PATH  the library file (default $QUIRE_DB, else\n"
	    "             $XDG_DATA_HOME/quire/library.db or ~/.local/share/quire/library.db)\n"
	    "  --help     show help (also after a command)\n"
	    "  --version  print the version\n"
	    "\nRun 'quire COMMAND --help' for a command's options. See quire(1).\n");
}

/* Print the usage line for c: name, options, arguments. */
static void
usage_line(const struct command *c, FILE *f)
{
	fprintf(f, "usage: quire %s", c->name);
	for (size_t i = 0; i < NOPTIONS; i++)
		if (c->options & option_table[i].flag)
			fprintf(f, " [%s]", option_table[i].synopsis);
	if (c->args[0] != '\0')
		fprintf(f, " %s", c->args);
	fputc('\n', f);
}

/* Print a command's full help on stdout. */
static void
help_command(const struct command *c)
{
	usage_line(c, stdout);
	printf("%s\n\noptions:\n", c->summary);
	for (size_t i = 0; i < NOPTIONS; i++)
		if (c->options & option_table[i].flag)
			printf("  %-20s %s\n", option_table[i].synopsis, option_table[i].help);
	printf("  %-20s %s\n  %-20s %s\n", "--db PATH", "the library file", "--help",
	    "show this help");
}

/* Print "quire: MESSAGE" on stderr, without control characters: messages
 * carry file names, URLs and server replies. */
static void __attribute__((format(printf, 1, 2)))
complain(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	char *clean = text_sanitize(msg, false);
	fprintf(stderr, "quire: %s\n", clean);
	free(clean);
	free(msg);
}

/* Report a usage error for c and return EXIT_USAGE. */
static int
usage_error(const struct command *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	complain("%s: %s", c->name, msg);
	free(msg);
	usage_line(c, stderr);
	return EXIT_USAGE;
}

/* Parse a library id: a positive decimal integer. Returns it, or 0. */
static long long
parse_id(const char *s)
{
	if (s[0] < '0' || s[0] > '9')
		return 0;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (*end != '\0' || errno != 0 || v <= 0)
		return 0;
	return v;
}

/* Open the library (once) from --db, $QUIRE_DB or the XDG default. Prints
 * the reason and returns NULL on failure. */
static struct store *
library(struct context *ctx)
{
	if (ctx->store != NULL)
		return ctx->store;
	char *err = NULL, *path = NULL;
	const char *env = getenv("QUIRE_DB");
	if (ctx->db_option != NULL)
		path = xstrdup(ctx->db_option);
	else if (env != NULL && env[0] != '\0')
		path = xstrdup(env);
	else
		path = paths_default_library(&err);
	if (path != NULL)
		ctx->store = store_open(path, &err);
	if (ctx->store == NULL) {
		complain("%s", err);
		free(err);
	}
	free(path);
	return ctx->store;
}

/* Print s to f with control characters removed. */
static void
put_clean(FILE *f, const char *s, bool keep_newlines)
{
	char *clean = text_sanitize(s != NULL ? s : "", keep_newlines);
	fputs(clean, f);
	free(clean);
}

/* Flush stdout; a write error (full disk, closed pipe) is a failure. */
static int
finish_output(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		complain("error writing output");
		return EXIT_FAIL;
	}
	return status;
}

/* Load spec and extract its article. Returns the article with *src filled,
 * or NULL after printing "quire: SOURCE: reason". */
static struct article *
load_article(const char *spec, struct source *src)
{
	char *err = NULL;
	if (source_load(spec, src, &err) < 0) {
		complain("%s: %s", spec, err);
		free(err);
		return NULL;
	}
	struct article *a = extract_page(src->data, src->len, src->url, src->charset, &err);
	if (a == NULL) {
		complain("%s: %s", spec, err);
		free(err);
		source_clear(src);
	}
	return a;
}

/* import: extract each source and store it; report and skip the bad ones. */
static int
cmd_import(struct context *ctx)
{
	struct buf failed = {0};
	int nfailed = 0;
	for (int i = 0; i < ctx->argc; i++) {
		const char *spec = ctx->argv[i];
		struct source src = {0};
		struct article *a = load_article(spec, &src);
		long long id = 0;
		char *err = NULL;
		bool stored = false;
		if (a != NULL) {
			/* Opened only now, so bad sources alone never create a library. */
			if (library(ctx) == NULL) {
				article_free(a);
				source_clear(&src);
				buf_free(&failed);
				return EXIT_FAIL;
			}
			if (store_article_put(ctx->store, a, src.data, src.len, src.charset, &id, NULL,
			    &err) == 0) {
				stored = true;
				printf("%lld\t", id);
				put_clean(stdout, a->title != NULL && a->title[0] ? a->title : "(untitled)",
				    false);
				printf("\t%zu blocks\n", a->nblocks);
				fflush(stdout);   /* one line as each source is done */
			} else {
				complain("%s: cannot store: %s", spec, err);
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
		complain("%d of %d sources failed: %s", nfailed, ctx->argc, buf_str(&failed));
	}
	if (nfailed > 0)
		status = EXIT_FAIL;
	buf_free(&failed);
	return finish_output(status);
}

/* extract: print a page's article as text or JSON, touching no library. */
static int
cmd_extract(struct context *ctx)
{
	struct source src = {0};
	struct article *a = load_article(ctx->argv[0], &src);
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
		put_clean(stdout, buf_str(&out), true);
	buf_free(&out);
	article_free(a);
	source_clear(&src);
	return finish_output(EXIT_OK);
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
	put_clean(stdout, s->title != NULL ? s->title : "(untitled)", false);
	fputc('\n', stdout);
	return 0;
}

/* list: the library as a table or a JSON array. */
static int
cmd_list(struct context *ctx)
{
	if (library(ctx) == NULL)
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
		complain("%s", err);
		free(err);
		return EXIT_FAIL;
	}
	return finish_output(EXIT_OK);
}

/* show: a header (title, byline, source) then the body as plain text. */
static void
show_text(const struct article *a)
{
	put_clean(stdout, a->title != NULL ? a->title : "(untitled)", false);
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
			put_clean(stdout, day, false);
		} else {
			put_clean(stdout, parts[i], false);
		}
		any = true;
	}
	if (any)
		fputc('\n', stdout);
	const char *url = a->canonical_url != NULL ? a->canonical_url : a->url;
	if (url != NULL) {
		put_clean(stdout, url, false);
		fputc('\n', stdout);
	}
	fputc('\n', stdout);
	struct buf body = {0};
	article_to_text(a, &body);
	put_clean(stdout, buf_str(&body), true);
	buf_free(&body);
}

/* show: one article from the library as text or JSON. */
static int
cmd_show(struct context *ctx)
{
	long long id = parse_id(ctx->argv[0]);
	if (id == 0)
		return usage_error(ctx->cmd, "not an article id: '%s'", ctx->argv[0]);
	if (library(ctx) == NULL)
		return EXIT_FAIL;
	char *err = NULL;
	struct article *a = store_article_get(ctx->store, id, &err);
	if (a == NULL) {
		complain("%s", err);
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
	return finish_output(EXIT_OK);
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
static int
cmd_bookmarks(struct context *ctx)
{
	long long only = 0;
	if (ctx->argc == 1 && (only = parse_id(ctx->argv[0])) == 0)
		return usage_error(ctx->cmd, "not an article id: '%s'", ctx->argv[0]);
	if (library(ctx) == NULL)
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
	status = finish_output(EXIT_OK);
	goto done;
fail:
	complain("%s", err);
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
static int
cmd_rm(struct context *ctx)
{
	/* Check every id first: a typo must not leave half the list removed. */
	for (int i = 0; i < ctx->argc; i++)
		if (parse_id(ctx->argv[i]) == 0)
			return usage_error(ctx->cmd, "not an article id: '%s'", ctx->argv[i]);
	if (library(ctx) == NULL)
		return EXIT_FAIL;
	int status = EXIT_OK;
	for (int i = 0; i < ctx->argc; i++) {
		char *err = NULL;
		if (store_article_delete(ctx->store, parse_id(ctx->argv[i]), &err) < 0) {
			complain("%s", err);
			free(err);
			status = EXIT_FAIL;
		}
	}
	return status;
}

/* Run the pager on article id (0: the library screen). */
static int
open_pager(struct context *ctx, long long id)
{
	if (library(ctx) == NULL)
		return EXIT_FAIL;
	char *err = NULL;
	if (pager_run(ctx->store, id, &err) < 0) {
		complain("%s", err);
		free(err);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

/* read: one article, by id or by its (canonical or source) URL, in the pager. */
static int
cmd_read(struct context *ctx)
{
	const char *arg = ctx->argv[0];
	long long id = parse_id(arg);
	if (id == 0 && strstr(arg, "://") == NULL)
		return usage_error(ctx->cmd, "not an article id or URL: '%s'", arg);
	if (library(ctx) == NULL)
		return EXIT_FAIL;
	if (id == 0) {
		char *err = NULL;
		int rc = store_find_by_url(ctx->store, arg, &id, &err);
		if (rc < 0) {
			complain("%s", err);
			free(err);
			return EXIT_FAIL;
		}
		if (rc == 0) {
			complain("no article from %s in the library (import it first)", arg);
			return EXIT_FAIL;
		}
	}
	return open_pager(ctx, id);
}

/* help: the overview, or one command's help. */
static int
cmd_help(struct context *ctx)
{
	if (ctx->argc == 0) {
		usage_all(stdout);
		return finish_output(EXIT_OK);
	}
	const struct command *c = command_find(ctx->argv[0]);
	if (c == NULL)
		return usage_error(ctx->cmd, "no command '%s'", ctx->argv[0]);
	help_command(c);
	return finish_output(EXIT_OK);
}

/* Parse a command's options and arguments into ctx, then run it. */
static int
run_command(struct context *ctx, int argc, char **argv)
{
	const struct command *c = ctx->cmd;
	struct option longopts[NOPTIONS + 2];
	size_t n = 0;
	for (size_t i = 0; i < NOPTIONS; i++)
		if (c->options & option_table[i].flag)
			longopts[n++] = (struct option){ option_table[i].name, option_table[i].has_arg,
			    NULL, option_table[i].flag };
	longopts[n++] = (struct option){ "help", no_argument, NULL, 'h' };
	longopts[n] = (struct option){ NULL, 0, NULL, 0 };
	char *name = xasprintf("quire %s", c->name);
	char *saved = argv[0];
	argv[0] = name;   /* for getopt's own messages */
	optind = 1;
	opterr = 1;
	int opt, status = -1;
	ctx->format = "text";
	while (status < 0 && (opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			help_command(c);
			status = finish_output(EXIT_OK);
			break;
		case OPT_FORMAT:
			ctx->format = optarg;
			if (strcmp(optarg, "text") != 0 && strcmp(optarg, "json") != 0)
				status = usage_error(c, "unknown format '%s' (text or json)", optarg);
			break;
		case OPT_JSON:
			ctx->json = true;
			break;
		default:
			usage_line(c, stderr);
			status = EXIT_USAGE;
			break;
		}
	}
	argv[0] = saved;
	free(name);
	if (status >= 0)
		return status;
	ctx->argc = argc - optind;
	ctx->argv = argv + optind;
	if (ctx->argc < c->min_args)
		return usage_error(c, "too few arguments");
	if (c->max_args >= 0 && ctx->argc > c->max_args)
		return usage_error(c, "too many arguments");
	return c->run(ctx);
}

/* Take the global --db PATH / --db=PATH out of argv wherever it stands
 * before "--". Returns 0, or -1 when its value is missing. */
static int
take_db_option(int *argc, char **argv, const char **db)
{
	int out = 1;
	for (int i = 1; i < *argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			while (i < *argc)
				argv[out++] = argv[i++];
			break;
		}
		if (strcmp(argv[i], "--db") == 0) {
			if (i + 1 >= *argc || argv[i + 1][0] == '\0')
				return -1;
			*db = argv[++i];
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			if (argv[i][5] == '\0')
				return -1;
			*db = argv[i] + 5;
		} else {
			argv[out++] = argv[i];
		}
	}
	*argc = out;
	argv[out] = NULL;
	return 0;
}

int
main(int argc, char **argv)
{
	struct context ctx = {0};
	if (take_db_option(&argc, argv, &ctx.db_option) < 0) {
		complain("--db needs a path");
		return EXIT_USAGE;
	}
	if (argc < 2) {
		/* Alone on a terminal: the library screen; else say how to use it. */
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			usage_all(stderr);
			return EXIT_USAGE;
		}
		int status = open_pager(&ctx, 0);
		store_close(ctx.store);
		return status;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("quire %s\n", QUIRE_VERSION);
		return finish_output(EXIT_OK);
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage_all(stdout);
		return finish_output(EXIT_OK);
	}
	ctx.cmd = command_find(argv[1]);
	if (ctx.cmd == NULL) {
		complain("unknown command '%s'; see 'quire --help'", argv[1]);
		return EXIT_USAGE;
	}
	int status = run_command(&ctx, argc - 1, argv + 1);
	store_close(ctx.store);
	return status;
}
