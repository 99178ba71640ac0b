/* table.c — the command line's tables: every option and every command, in
 * the order help lists them, and the usage and help text made from them. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Every option any command takes; a command names its own by flag. */
const struct cli_option cli_options[] = {
	{ OPT_FORMAT, "format", required_argument, "--format text|json",
	  "print plain text (the default) or one JSON object" },
	{ OPT_JSON, "json", no_argument, "--json", "print a JSON array" },
	{ OPT_EXPORT_FORMAT, "format", required_argument, "--format markdown|html|text|json",
	  "the format to write (default markdown)" },
	{ OPT_OUTPUT, "output", required_argument, "-o FILE",
	  "write to FILE (replaced atomically) instead of stdout; also --output" },
	{ OPT_ALL, "all", no_argument, "--all", "export every article, one file each, into DIR" },
	{ OPT_CITED, "cited", no_argument, "--cited",
	  "SOURCE is an article ID: import every page it cites" },
	{ OPT_TO, "to", no_argument, "--to", "list the library articles citing ID instead" },
	{ OPT_STATUS, "status", required_argument, "--status LIST",
	  "WordPress export: the statuses to import (default publish; e.g. publish,private,draft)" },
	{ OPT_FULL, "full", no_argument, "--full",
	  "feeds: fetch the page of each item that carries only a summary" },
	{ OPT_FEED_ALL, "all", no_argument, "--all",
	  "feeds: follow the feed's pages (?paged=2, ...) to its end" },
	{ OPT_QUOTES, "quotes", no_argument, "--quotes",
	  "search only quoted passages (and who is quoted)" },
	{ OPT_LIMIT, "limit", required_argument, "--limit N", "show at most N hits (default 20)" },
	{ OPT_DUMP, "dump", no_argument, "--dump",
	  "print every setting, binding and colour in effect, in the file's syntax" },
};
const size_t cli_noptions = sizeof cli_options / sizeof cli_options[0];
/* Options with a one-letter spelling too. */
const struct cli_short_option cli_short_options[] = {
	{ 'o', OPT_OUTPUT },
};
const size_t cli_nshort_options = sizeof cli_short_options / sizeof cli_short_options[0];

_Static_assert(sizeof cli_options / sizeof cli_options[0] <= CLI_MAX_OPTIONS,
    "raise CLI_MAX_OPTIONS");

/* One entry per command, in the order help lists them. */
const struct command cli_commands[] = {
	{ "import", "SOURCE...",
	  "add pages (files, -, http(s) URLs) or whole blogs (WordPress exports, feeds)",
	  OPT_CITED | OPT_STATUS | OPT_FULL | OPT_FEED_ALL, 1, -1, cmd_import },
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
	{ "links", "ID",
	  "list an article's links and the library articles they name",
	  OPT_JSON | OPT_TO, 1, 1, cmd_links },
	{ "search", "QUERY...",
	  "search the library: words, \"phrases\", prefix*, AND, OR, NOT, NEAR",
	  OPT_QUOTES | OPT_LIMIT | OPT_JSON, 1, -1, cmd_search },
	{ "quotes", "[ID]",
	  "list the quotations of one article or of the whole library",
	  OPT_JSON, 0, 1, cmd_quotes },
	{ "rm", "ID...",
	  "remove articles from the library",
	  0, 1, -1, cmd_rm },
	{ "export", "ID | --all DIR",
	  "write an article as Markdown, HTML, text or JSON, or the whole library into DIR",
	  OPT_EXPORT_FORMAT | OPT_OUTPUT | OPT_ALL, 1, 1, cmd_export },
	{ "config", "",
	  "show the configuration in effect (config --dump)",
	  OPT_DUMP, 0, 0, cmd_config },
	{ "help", "[COMMAND]",
	  "show help for quire or a command",
	  0, 0, 1, cmd_help },
	/* Hidden (a leading '_'): what the shell completion scripts ask for. */
	{ "__complete", "commands | options COMMAND | ids",
	  "print completion candidates, one a line", 0, 1, 2, cmd_complete },
};
const size_t cli_ncommands = sizeof cli_commands / sizeof cli_commands[0];

/* Return the command called name, or NULL. */
const struct command *
cli_command_find(const char *name)
{
	for (size_t i = 0; i < cli_ncommands; i++)
		if (strcmp(cli_commands[i].name, name) == 0)
			return &cli_commands[i];
	return NULL;
}

/* Print the overview: global options and every command's summary. */
void
cli_usage_all(FILE *f)
{
	fprintf(f, "usage: quire [--db PATH] [--config FILE] [COMMAND [OPTIONS] [ARGS]]\n"
	    "       quire --version | --help\n\ncommands:\n");
	for (size_t i = 0; i < cli_ncommands; i++)
		if (cli_commands[i].name[0] != '_')
			fprintf(f, "  %-9s %s\n", cli_commands[i].name, cli_commands[i].summary);
	fprintf(f, "\nglobal options:\n"
	    "  --db PATH  the library file (default $QUIRE_DB, else\n"
	    "             $XDG_DATA_HOME/quire/library.db or ~/.local/share/quire/library.db)\n"
	    "  --config FILE  the configuration file (default\n"
	    "             $XDG_CONFIG_HOME/quire/config or ~/.config/quire/config)\n"
	    "  --help     show help (also after a command)\n"
	    "  --version  print the version\n"
	    "\nRun 'quire COMMAND --help' for a command's options. See quire(1).\n");
}

/* Print the usage line for c: name, options, arguments. */
void
cli_usage_line(const struct command *c, FILE *f)
{
	fprintf(f, "usage: quire %s", c->name);
	for (size_t i = 0; i < cli_noptions; i++)
		if (c->options & cli_options[i].flag)
			fprintf(f, " [%s]", cli_options[i].synopsis);
	if (c->args[0] != '\0')
		fprintf(f, " %s", c->args);
	fputc('\n', f);
}

/* Print a command's full help on stdout. */
void
cli_help_command(const struct command *c)
{
	cli_usage_line(c, stdout);
	printf("%s\n\noptions:\n", c->summary);
	for (size_t i = 0; i < cli_noptions; i++)
		if (c->options & cli_options[i].flag)
			printf("  %-20s %s\n", cli_options[i].synopsis, cli_options[i].help);
	printf("  %-20s %s\n  %-20s %s\n", "--db PATH", "the library file", "--help",
	    "show this help");
}
