/* version.c — `quire --version`: quire's own version, then the versions of
 * the libraries it runs with, as each reports itself at run time (which may
 * differ from the headers it was built against). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>
#include <curses.h>
#include <libxml/parser.h>
#include <sqlite3.h>

#include "cli.h"

/* Print the version lines to f. */
void
cli_print_version(FILE *f)
{
	fprintf(f, "quire %s\n", QUIRE_VERSION);
	fprintf(f, "SQLite %s\n", sqlite3_libversion());
	/* xmlParserVersion is "20914" for 2.9.14. */
	long v = strtol(xmlParserVersion, NULL, 10);
	fprintf(f, "libxml2 %ld.%ld.%ld\n", v / 10000, v / 100 % 100, v % 100);
	const char *nc = curses_version();   /* "ncurses 6.4.20221231" */
	if (strncmp(nc, "ncurses ", 8) == 0)
		nc += 8;
	fprintf(f, "ncurses %s\n", nc);
	const curl_version_info_data *cv = curl_version_info(CURLVERSION_NOW);
	fprintf(f, "libcurl %s\n", cv != NULL ? cv->version : "unknown");
}
