/* main.c — the entry point: takes the global --db and --config options out
 * of argv, finds the command in the table (src/cli/table.c), parses its
 * options into a context and runs it. `quire` alone on a terminal opens the
 * library screen. Exit status: 0 ok, 1 failure, 2 usage. */
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "util.h"

/* getopt values for table options: OPTION_BASE + row, clear of any letter. */
#define OPTION_BASE 256

/* The cli_options row of short option letter for command c, or -1. */
static int
short_row(const struct command *c, int letter)
{
	for (size_t k = 0; k < cli_nshort_options; k++)
		if (cli_short_options[k].letter == letter)
			for (size_t i = 0; i < cli_noptions; i++)
				if ((c->options & cli_options[i].flag) &&
				    cli_options[i].flag == cli_short_options[k].flag)
					return (int)i;
	return -1;
}

/* Parse a command's options and arguments into ctx, then run it. */
static int
run_command(struct context *ctx, int argc, char **argv)
{
	const struct command *c = ctx->cmd;
	struct option longopts[CLI_MAX_OPTIONS + 2];
	size_t n = 0;
	for (size_t i = 0; i < cli_noptions; i++)
		if (c->options & cli_options[i].flag)
			longopts[n++] = (struct option){ cli_options[i].name, cli_options[i].has_arg,
			    NULL, OPTION_BASE + (int)i };
	longopts[n++] = (struct option){ "help", no_argument, NULL, 'h' };
	longopts[n] = (struct option){ NULL, 0, NULL, 0 };
	/* Short spellings: "h" and each one-letter option the command takes. */
	char shortopts[2 * CLI_MAX_OPTIONS + 2] = "h";
	size_t ns = 1;
	for (size_t k = 0; k < cli_nshort_options; k++) {
		int row = short_row(c, cli_short_options[k].letter);
		if (row < 0)
			continue;
		shortopts[ns++] = cli_short_options[k].letter;
		if (cli_options[row].has_arg == required_argument)
			shortopts[ns++] = ':';
	}
	shortopts[ns] = '\0';
	char *name = xasprintf("quire %s", c->name);
	char *saved = argv[0];
	argv[0] = name;   /* for getopt's own messages */
	optind = 1;
	opterr = 1;
	int opt, status = -1;
	ctx->format = "text";
	while (status < 0 && (opt = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		if (opt == 'h') {
			cli_help_command(c);
			status = cli_finish_output(EXIT_OK);
		} else if (opt > 0 && opt < OPTION_BASE && short_row(c, opt) >= 0) {
			ctx->opts[short_row(c, opt)] = optarg != NULL ? optarg : "";
		} else if (opt >= OPTION_BASE && (size_t)(opt - OPTION_BASE) < cli_noptions) {
			ctx->opts[opt - OPTION_BASE] = optarg != NULL ? optarg : "";
		} else {
			cli_usage_line(c, stderr);
			status = EXIT_USAGE;
		}
	}
	if (status < 0 && cli_opt(ctx, OPT_FORMAT) != NULL) {
		ctx->format = cli_opt(ctx, OPT_FORMAT);
		if (strcmp(ctx->format, "text") != 0 && strcmp(ctx->format, "json") != 0)
			status = cli_usage_error(c, "unknown format '%s' (text or json)", ctx->format);
	}
	ctx->json = cli_opt(ctx, OPT_JSON) != NULL;
	argv[0] = saved;
	free(name);
	if (status >= 0)
		return status;
	ctx->argc = argc - optind;
	ctx->argv = argv + optind;
	if (ctx->argc < c->min_args)
		return cli_usage_error(c, "too few arguments");
	if (c->max_args >= 0 && ctx->argc > c->max_args)
		return cli_usage_error(c, "too many arguments");
	return c->run(ctx);
}

/* Take the global options --db PATH and --config FILE (or --db=PATH,
 * --config=FILE) out of argv wherever they stand before "--". Returns 0, or
 * -1 with *bad naming the option whose value is missing. */
static int
take_global_options(int *argc, char **argv, struct context *ctx, const char **bad)
{
	static const struct {
		const char *name;
		size_t field;
	} globals[] = {
		{ "--db", offsetof(struct context, db_option) },
		{ "--config", offsetof(struct context, config_option) },
	};
	int out = 1;
	for (int i = 1; i < *argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			while (i < *argc)
				argv[out++] = argv[i++];
			break;
		}
		size_t g = 0, n = 0;
		for (; g < sizeof globals / sizeof globals[0]; g++) {
			n = strlen(globals[g].name);
			if (strncmp(argv[i], globals[g].name, n) == 0 && (argv[i][n] == '\0' || argv[i][n] == '='))
				break;
		}
		if (g == sizeof globals / sizeof globals[0]) {
			argv[out++] = argv[i];
			continue;
		}
		const char *value;
		if (argv[i][n] == '=')
			value = argv[i] + n + 1;
		else
			value = i + 1 < *argc ? argv[++i] : "";
		if (value[0] == '\0') {
			*bad = globals[g].name;
			return -1;
		}
		*(const char **)((char *)ctx + globals[g].field) = value;
	}
	*argc = out;
	argv[out] = NULL;
	return 0;
}

int
main(int argc, char **argv)
{
	struct context ctx = {0};
	const char *bad = NULL;
	if (take_global_options(&argc, argv, &ctx, &bad) < 0) {
		cli_complain("%s needs a %s", bad, strcmp(bad, "--db") == 0 ? "path" : "file");
		return EXIT_USAGE;
	}
	if (argc < 2) {
		/* Alone on a terminal: the library screen; else say how to use it. */
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			cli_usage_all(stderr);
			return EXIT_USAGE;
		}
		int status = cli_open_pager(&ctx, 0);
		store_close(ctx.store);
		return status;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		cli_print_version(stdout);
		return cli_finish_output(EXIT_OK);
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		cli_usage_all(stdout);
		return cli_finish_output(EXIT_OK);
	}
	ctx.cmd = cli_command_find(argv[1]);
	if (ctx.cmd == NULL) {
		cli_complain("unknown command '%s'; see 'quire --help'", argv[1]);
		return EXIT_USAGE;
	}
	int status = run_command(&ctx, argc - 1, argv + 1);
	store_close(ctx.store);
	return status;
}
