/* main.c — the command line: a table of subcommands, each wiring the
 * pipeline's stages together. Exit status: 0 ok, 1 failure, 2 usage. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "extract.h"
#include "source.h"
#include "util.h"

#define QUIRE_VERSION "0.1.0"

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

struct command {
	const char *name;
	const char *usage;
	const char *summary;
	int (*run)(int argc, char **argv);
};

static int cmd_extract(int argc, char **argv);
static int cmd_help(int argc, char **argv);

static const struct command commands[] = {
	{ "extract", "extract [--format text|json] SOURCE",
	  "print the article in a page without storing it", cmd_extract },
	{ "help", "help [COMMAND]", "show help for quire or a command", cmd_help },
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static const struct command *
command_find(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static void
usage_all(FILE *f)
{
	fprintf(f, "usage: quire [--version] [--help] COMMAND [ARGS]\n\ncommands:\n");
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "\nRun 'quire COMMAND --help' for a command's options. See quire(1).\n");
}

static int
usage_command(const char *name, FILE *f, int status)
{
	const struct command *c = command_find(name);
	if (c != NULL)
		fprintf(f, "usage: quire %s\n%s\n", c->usage, c->summary);
	return status;
}

static bool
wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return false;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return true;
	}
	return false;
}

static int
cmd_extract(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = "text";
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "f:", opts, NULL)) != -1) {
		if (c == 'f')
			format = optarg;
		else
			return usage_command("extract", stderr, EXIT_USAGE);
	}
	if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0) {
		fprintf(stderr, "quire: extract: unknown format '%s' (text or json)\n", format);
		return EXIT_USAGE;
	}
	if (argc - optind != 1)
		return usage_command("extract", stderr, EXIT_USAGE);
	const char *spec = argv[optind];
	char *err = NULL;
	struct source src;
	if (source_load(spec, &src, &err) < 0) {
		fprintf(stderr, "quire: %s: %s\n", spec, err);
		free(err);
		return EXIT_FAIL;
	}
	struct article *a = extract_page(src.data, src.len, src.url, src.charset, &err);
	if (a == NULL) {
		fprintf(stderr, "quire: %s: %s\n", spec, err);
		free(err);
		source_clear(&src);
		return EXIT_FAIL;
	}
	struct buf out = {0};
	if (strcmp(format, "json") == 0)
		article_to_json(a, 0, &out);
	else
		article_to_text(a, &out);
	fwrite(buf_str(&out), 1, out.len, stdout);
	buf_free(&out);
	article_free(a);
	source_clear(&src);
	return ferror(stdout) ? EXIT_FAIL : EXIT_OK;
}

static int
cmd_help(int argc, char **argv)
{
	if (argc > 1) {
		if (command_find(argv[1]) == NULL) {
			fprintf(stderr, "quire: no command '%s'\n", argv[1]);
			return EXIT_USAGE;
		}
		return usage_command(argv[1], stdout, EXIT_OK);
	}
	usage_all(stdout);
	return EXIT_OK;
}

int
main(int argc, char **argv)
{
	if (argc < 2) {
		usage_all(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("quire %s\n", QUIRE_VERSION);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage_all(stdout);
		return EXIT_OK;
	}
	const struct command *c = command_find(argv[1]);
	if (c == NULL) {
		fprintf(stderr, "quire: unknown command '%s'; see 'quire --help'\n", argv[1]);
		return EXIT_USAGE;
	}
	if (wants_help(argc - 1, argv + 1))
		return usage_command(c->name, stdout, EXIT_OK);
	return c->run(argc - 1, argv + 1);
}
