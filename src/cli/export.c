/* export.c — `quire export`, which writes one article, or every article of
 * the library into a folder, in one of the formats of src/export/; and the
 * hidden `quire __complete`, which tells the shell completion scripts
 * (data/completions/) the commands, each command's options and the
 * library's article ids with their titles, straight from the tables, so the
 * scripts never fall out of step with the binary. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "export.h"
#include "paths.h"
#include "store.h"
#include "text.h"
#include "util.h"

/* Export article id from the store in format f into out. Returns 0, or -1
 * with *errp set. *title (when not NULL) gets a copy of its title. */
static int
export_one(struct store *st, long long id, export_format f, struct buf *out, char **title,
    char **errp)
{
	struct article *a = store_article_get(st, id, errp);
	if (a == NULL)
		return -1;
	struct store_bookmark *b = NULL;
	size_t n = 0;
	if (store_bookmarks_get(st, id, &b, &n, errp) < 0) {
		article_free(a);
		return -1;
	}
	struct export_bookmark *eb = n > 0 ? xreallocarray(NULL, n, sizeof *eb) : NULL;
	for (size_t i = 0; i < n; i++)
		eb[i] = (struct export_bookmark){ b[i].name, b[i].block, b[i].offset, b[i].created };
	struct export_input in = { a, id, eb, n };
	export_article(&in, f, out);
	if (title != NULL)
		*title = xstrdup(a->title);
	free(eb);
	store_bookmarks_free(b, n);
	article_free(a);
	return 0;
}

/* The library's article ids, gathered before the walk that reads each. */
struct ids {
	long long *id;
	char **title;
	size_t n;
};

/* Add one article to a struct ids. */
static int
collect(const struct store_summary *s, void *arg)
{
	struct ids *l = arg;
	l->id = xreallocarray(l->id, l->n + 1, sizeof *l->id);
	l->title = xreallocarray(l->title, l->n + 1, sizeof *l->title);
	l->id[l->n] = s->id;
	l->title[l->n] = xstrdup(s->title != NULL ? s->title : "");
	l->n++;
	return 0;
}

/* Free a struct ids' arrays. */
static void
ids_clear(struct ids *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->title[i]);
	free(l->title);
	free(l->id);
}

/* export --all DIR: every article into its own file in dir. */
static int
export_all(struct context *ctx, export_format f, const char *dir)
{
	if (mkdir(dir, 0777) < 0 && errno != EEXIST) {
		cli_complain("%s: %s", dir, strerror(errno));
		return EXIT_FAIL;
	}
	struct stat sb;
	if (stat(dir, &sb) < 0 || !S_ISDIR(sb.st_mode)) {
		cli_complain("%s: not a folder", dir);
		return EXIT_FAIL;
	}
	if (cli_library(ctx) == NULL)
		return EXIT_FAIL;
	struct ids l = {0};
	char *err = NULL;
	int status = EXIT_OK;
	if (store_article_list(ctx->store, collect, &l, &err) < 0) {
		cli_complain("%s", err);
		free(err);
		return EXIT_FAIL;
	}
	for (size_t i = 0; i < l.n; i++) {
		struct buf out = {0};
		char *title = NULL;
		if (export_one(ctx->store, l.id[i], f, &out, &title, &err) == 0) {
			/* The id in the name keeps names apart when titles collide. */
			char *name = export_file_name(title, l.id[i], export_format_extension(f));
			char *path = xasprintf("%s/%s", dir, name);
			if (export_write_file(path, buf_str(&out), out.len, &err) == 0) {
				printf("%lld\t", l.id[i]);
				cli_put_clean(stdout, path, false);
				fputc('\n', stdout);
			}
			free(name);
			free(path);
		}
		if (err != NULL) {
			cli_complain("article %lld: %s", l.id[i], err);
			free(err);
			err = NULL;
			status = EXIT_FAIL;
		}
		free(title);
		buf_free(&out);
	}
	ids_clear(&l);
	return cli_finish_output(status);
}

/* export: one article (or with --all the library) in a chosen format. */
int
cmd_export(struct context *ctx)
{
	const char *name = cli_opt(ctx, OPT_EXPORT_FORMAT);
	int f = export_format_parse(name != NULL ? name : "markdown");
	if (f < 0)
		return cli_usage_error(ctx->cmd, "unknown format '%s' (markdown, html, text or json)",
		    name);
	const char *output = cli_opt(ctx, OPT_OUTPUT);
	if (output != NULL && output[0] == '\0')
		return cli_usage_error(ctx->cmd, "-o needs a file name");
	if (cli_opt(ctx, OPT_ALL) != NULL) {
		if (output != NULL)
			return cli_usage_error(ctx->cmd, "--all writes into DIR; -o is for one article");
		return export_all(ctx, (export_format)f, ctx->argv[0]);
	}
	long long id = cli_parse_id(ctx->argv[0]);
	if (id == 0)
		return cli_usage_error(ctx->cmd, "not an article id: '%s'", ctx->argv[0]);
	if (cli_library(ctx) == NULL)
		return EXIT_FAIL;
	struct buf out = {0};
	char *err = NULL;
	int status = EXIT_OK;
	if (export_one(ctx->store, id, (export_format)f, &out, NULL, &err) < 0 ||
	    (output != NULL && export_write_file(output, buf_str(&out), out.len, &err) < 0)) {
		cli_complain("%s", err);
		free(err);
		status = EXIT_FAIL;
	} else if (output == NULL) {
		fwrite(buf_str(&out), 1, out.len, stdout);
		status = cli_finish_output(EXIT_OK);
	}
	buf_free(&out);
	return status;
}

/* Print s on one line: control characters, tabs and newlines become spaces. */
static void
put_field(const char *s)
{
	char *clean = text_sanitize(s != NULL ? s : "", true);
	for (char *p = clean; *p != '\0'; p++)
		if (*p == '\t' || *p == '\n')
			*p = ' ';
	fputs(clean, stdout);
	free(clean);
}

/* __complete ids: "ID<tab>TITLE" for each article; nothing without a library. */
static int
complete_ids(struct context *ctx)
{
	const char *env = getenv("QUIRE_DB");
	char *path = ctx->db_option != NULL ? xstrdup(ctx->db_option) :
	    env != NULL && env[0] != '\0' ? xstrdup(env) : paths_default_library(NULL);
	/* Completing must never create a library. */
	bool exists = path != NULL && access(path, F_OK) == 0;
	free(path);
	if (!exists)
		return EXIT_OK;
	if (cli_library(ctx) == NULL)
		return EXIT_FAIL;
	struct ids l = {0};
	if (store_article_list(ctx->store, collect, &l, NULL) == 0)
		for (size_t i = 0; i < l.n; i++) {
			printf("%lld\t", l.id[i]);
			put_field(l.title[i][0] != '\0' ? l.title[i] : "(untitled)");
			fputc('\n', stdout);
		}
	ids_clear(&l);
	return cli_finish_output(EXIT_OK);
}

/* __complete: the candidates the completion scripts offer, one a line.
 *   commands         NAME<tab>ARGUMENTS<tab>SUMMARY (ARGUMENTS as in usage:
 *                    ID, SOURCE..., [COMMAND]; the scripts complete ids for
 *                    ID, files for SOURCE or FILE, commands for COMMAND)
 *   options COMMAND  OPTION<tab>ARGUMENT<tab>HELP (ARGUMENT empty or e.g.
 *                    "markdown|html|text|json", "FILE", "DIR")
 *   ids              ID<tab>TITLE */
int
cmd_complete(struct context *ctx)
{
	const char *what = ctx->argv[0];
	if (strcmp(what, "ids") == 0 && ctx->argc == 1)
		return complete_ids(ctx);
	if (strcmp(what, "commands") == 0 && ctx->argc == 1) {
		for (size_t i = 0; i < cli_ncommands; i++)
			if (cli_commands[i].name[0] != '_')
				printf("%s\t%s\t%s\n", cli_commands[i].name, cli_commands[i].args,
				    cli_commands[i].summary);
		return cli_finish_output(EXIT_OK);
	}
	if (strcmp(what, "options") == 0 && ctx->argc == 2) {
		const struct command *c = cli_command_find(ctx->argv[1]);
		if (c == NULL)
			return EXIT_OK;
		for (size_t i = 0; i < cli_noptions; i++) {
			if (!(c->options & cli_options[i].flag))
				continue;
			/* The argument is what the synopsis shows after the name. */
			const char *syn = cli_options[i].synopsis;
			const char *arg = strchr(syn, ' ');
			arg = arg != NULL ? arg + 1 : "";
			printf("--%s\t%s\t%s\n", cli_options[i].name, arg, cli_options[i].help);
			for (size_t k = 0; k < cli_nshort_options; k++)
				if (cli_short_options[k].flag == cli_options[i].flag)
					printf("-%c\t%s\t%s\n", cli_short_options[k].letter, arg,
					    cli_options[i].help);
		}
		printf("--db\tPATH\tthe library file\n--help\t\tshow help\n");
		return cli_finish_output(EXIT_OK);
	}
	return cli_usage_error(ctx->cmd, "unknown request");
}
