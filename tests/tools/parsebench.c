/* parsebench.c — the baseline for `make bench`: read each page given on the
 * command line and parse it with libxml2's HTML parser, with the parser
 * options quire's html_parse uses (recover, no errors or warnings, no
 * network, compact, huge), then throw the tree away. libxml2 finds the
 * encoding itself (quire does its own detection and conversion first). Nothing else: no
 * extraction, no store. Prints the page count, bytes read and the time spent
 * parsing (excluding process start-up) on stdout.
 * usage: parsebench FILE... */
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* Read a whole file into a newly allocated buffer; NULL on error. */
static char *
slurp(const char *path, size_t *lenp)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	size_t cap = 1 << 16, len = 0;
	char *data = malloc(cap);
	size_t n;
	while (data != NULL && (n = fread(data + len, 1, cap - len, f)) > 0) {
		len += n;
		if (len == cap) {
			char *bigger = realloc(data, cap *= 2);
			if (bigger == NULL)
				free(data);
			data = bigger;
		}
	}
	fclose(f);
	*lenp = len;
	return data;
}

/* Return the monotonic clock in seconds. */
static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Parse every file named on the command line; exit 1 if any failed. */
int
main(int argc, char **argv)
{
	const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE;
	size_t total = 0;
	int pages = 0, failed = 0;
	double start = now();

	xmlInitParser();
	for (int i = 1; i < argc; i++) {
		size_t len = 0;
		char *data = slurp(argv[i], &len);
		if (data == NULL || len > 0x7fffffff) {
			fprintf(stderr, "parsebench: %s: cannot read\n", argv[i]);
			free(data);
			failed++;
			continue;
		}
		htmlDocPtr doc = htmlReadMemory(data, (int)len, argv[i], NULL, options);
		if (doc == NULL)
			failed++;
		else
			pages++;
		xmlFreeDoc(doc);
		free(data);
		total += len;
	}
	xmlCleanupParser();
	printf("parsed %d pages, %zu bytes, %d failed, %.3f s\n", pages, total, failed, now() - start);
	return failed > 0;
}
