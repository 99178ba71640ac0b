/* cli.h — the command line's shared parts: the command and option tables
 * (src/cli/table.c), what one run of a command works with, and the helpers
 * every command uses to open the library, report errors and print page text
 * safely (src/cli/common.c). Each command lives in a file of src/cli/ and is
 * one row of the table; main.c only parses argv and dispatches. */
#ifndef QUIRE_CLI_H
#define QUIRE_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "article.h"
#include "source.h"
#include "store.h"

#define QUIRE_VERSION "0.1.0"

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

/* Options a command may accept; a command lists the ones it takes as a mask.
 * Add one: a flag here, a row in option_table (src/cli/table.c); read its
 * value with cli_opt(). */
enum {
	OPT_FORMAT = 1 << 0,   /* --format text|json */
	OPT_JSON = 1 << 1,     /* --json */
	OPT_EXPORT_FORMAT = 1 << 16,   /* export --format markdown|html|text|json */
	OPT_OUTPUT = 1 << 17,          /* -o FILE, --output FILE */
	OPT_ALL = 1 << 18,             /* export --all */
	OPT_CITED = 1 << 6,    /* import --cited: the pages an article cites */
	OPT_TO = 1 << 7,       /* links --to: the articles citing one */
	OPT_STATUS = 1 << 10,  /* --status LIST: WordPress statuses to import */
	OPT_FULL = 1 << 11,    /* --full: fetch pages of summary-only feed items */
	OPT_FEED_ALL = 1 << 12,   /* import --all: follow a feed's pages */
	OPT_QUOTES = 1 << 2,   /* --quotes (search) */
	OPT_LIMIT = 1 << 3,    /* --limit N (search) */
	OPT_DUMP = 1 << 22,    /* config --dump */
};
#define CLI_MAX_OPTIONS 32

struct cli_option {
	int flag;
	const char *name;
	int has_arg;             /* getopt's no_argument / required_argument */
	const char *synopsis;
	const char *help;
};
extern const struct cli_option cli_options[];
extern const size_t cli_noptions;

/* One-letter spellings of table options (-o for --output). */
struct cli_short_option {
	char letter;
	int flag;
};
extern const struct cli_short_option cli_short_options[];
extern const size_t cli_nshort_options;

/* What one run of a command works with: the parsed options, the positional
 * arguments, and the library, opened on first need. */
struct context {
	const struct command *cmd;
	const char *db_option;   /* --db PATH, or NULL */
	const char *config_option;   /* --config FILE, or NULL */
	struct store *store;     /* owned; closed by main */
	const char *format;      /* --format, default "text" */
	bool json;               /* --json */
	const char *opts[CLI_MAX_OPTIONS];   /* by option_table row: value, "" if
	                                        given without one, NULL if absent */
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
extern const struct command cli_commands[];
extern const size_t cli_ncommands;

/* The command called name, or NULL. */
const struct command *cli_command_find(const char *name);
/* Print the overview: global options and every command's summary. */
void cli_usage_all(FILE *f);
/* Print the usage line for c: name, options, arguments. */
void cli_usage_line(const struct command *c, FILE *f);
/* Print a command's full help on stdout. */
void cli_help_command(const struct command *c);

/* The value of option flag in ctx ("" for one without an argument), or NULL
 * when it was not given. */
const char *cli_opt(const struct context *ctx, int flag);
/* Print "quire: MESSAGE" on stderr, control characters removed. */
void cli_complain(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Report a usage error for c on stderr; returns EXIT_USAGE. */
int cli_usage_error(const struct command *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Parse a library id: a positive decimal integer. Returns it, or 0. */
long long cli_parse_id(const char *s);
/* Open the library (once) from --db, $QUIRE_DB or the XDG default. Prints
 * the reason and returns NULL on failure; ctx owns the store. */
struct store *cli_library(struct context *ctx);
/* Print s to f with control characters removed (newlines kept if asked). */
void cli_put_clean(FILE *f, const char *s, bool keep_newlines);
/* Flush stdout; a write error (full disk, closed pipe) is a failure.
 * Returns status, or EXIT_FAIL after saying so. */
int cli_finish_output(int status);
/* Load spec (file, "-", URL) and extract its article. Returns the article
 * (caller frees) with *src filled, or NULL after printing "quire: SPEC: why". */
struct article *cli_load_article(const char *spec, struct source *src);

/* The commands (src/cli/library.c). */
int cmd_import(struct context *ctx);
int cmd_extract(struct context *ctx);
int cmd_list(struct context *ctx);
int cmd_show(struct context *ctx);
int cmd_bookmarks(struct context *ctx);
int cmd_rm(struct context *ctx);
int cmd_read(struct context *ctx);
int cmd_help(struct context *ctx);
/* Print quire's version and its libraries' run-time versions (version.c). */
void cli_print_version(FILE *f);
/* src/cli/export.c: export, and the completion scripts' helper __complete. */
int cmd_export(struct context *ctx);
int cmd_complete(struct context *ctx);
/* The commands that follow citations (src/cli/cite.c). */
int cmd_links(struct context *ctx);
int cmd_import_cited(struct context *ctx);   /* import --cited ID */
/* import of a WordPress export or a feed (src/cli/blog.c): load spec into
 * *src; when it is a blog document, import its items and return the exit
 * status; else return -1 with *ap the page's article, or NULL after saying
 * why it has none. */
int cli_import_blog(struct context *ctx, const char *spec, struct source *src,
    struct article **ap);
/* The commands that search (src/cli/search.c). */
int cmd_search(struct context *ctx);
int cmd_quotes(struct context *ctx);
/* The configuration: config --dump (src/cli/config.c). */
int cmd_config(struct context *ctx);
struct config;
/* Read the configuration from --config FILE, else the default file (a
 * missing default is fine). Bad lines are printed as "quire: FILE:LINE:
 * reason" and skipped. Returns a new configuration (free with config_free),
 * or NULL after printing why the file cannot be read. */
struct config *cli_config(const struct context *ctx);
/* Run the pager on article id (0: the library screen). */
int cli_open_pager(struct context *ctx, long long id);

#endif
