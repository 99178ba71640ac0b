/* common.c — helpers every command uses: error messages on stderr without
 * control characters, id parsing, opening the library on first need,
 * printing page text sanitised, and loading a source into an article. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "extract.h"
#include "paths.h"
#include "text.h"
#include "util.h"

/* The value of an option given to this run, or NULL. */
const char *
cli_opt(const struct context *ctx, int flag)
{
	for (size_t i = 0; i < cli_noptions; i++)
		if (cli_options[i].flag == flag)
			return ctx->opts[i];
	return NULL;
}

/* Print "quire: MESSAGE" on stderr, without control characters: messages
 * carry file names, URLs and server replies. */
void
cli_complain(const char *fmt, ...)
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
int
cli_usage_error(const struct command *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	cli_complain("%s: %s", c->name, msg);
	free(msg);
	cli_usage_line(c, stderr);
	return EXIT_USAGE;
}

/* Parse a library id: a positive decimal integer. Returns it, or 0. */
long long
cli_parse_id(const char *s)
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
struct store *
cli_library(struct context *ctx)
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
		cli_complain("%s", err);
		free(err);
	}
	free(path);
	return ctx->store;
}

/* Print s to f with control characters removed. */
void
cli_put_clean(FILE *f, const char *s, bool keep_newlines)
{
	char *clean = text_sanitize(s != NULL ? s : "", keep_newlines);
	fputs(clean, f);
	free(clean);
}

/* Flush stdout; a write error (full disk, closed pipe) is a failure. */
int
cli_finish_output(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_complain("error writing output");
		return EXIT_FAIL;
	}
	return status;
}

/* Load spec and extract its article. Returns the article with *src filled,
 * or NULL after printing "quire: SOURCE: reason". */
struct article *
cli_load_article(const char *spec, struct source *src)
{
	char *err = NULL;
	if (source_load(spec, src, &err) < 0) {
		cli_complain("%s: %s", spec, err);
		free(err);
		return NULL;
	}
	struct article *a = extract_page(src->data, src->len, src->url, src->charset, &err);
	if (a == NULL) {
		cli_complain("%s: %s", spec, err);
		free(err);
		source_clear(src);
	}
	return a;
}
