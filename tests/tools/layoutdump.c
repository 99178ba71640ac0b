/* layoutdump.c — extract an HTML page and print its layout as the pager
 * would draw it (prefix, indent, text; no colour), for eyeballing the layout
 * and timing it.
 *   layoutdump [-w WIDTH] [-a] [-m] [-k] FILE
 *   -a ASCII markers, -m heading marks, -k print each line's kind, block and
 *   byte range; layoutdump -t FILE times layouts at widths 40 to 120. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "extract.h"
#include "layout.h"
#include "util.h"

/* Print line i of l as drawn, control characters replaced by U+FFFD. */
static void
print_line(const struct layout *l, size_t i, bool kinds)
{
	static const char *names[] = { "blank", "text", "heading", "item", "pre", "image", "rule", "attrib" };
	const struct layout_line *ln = &l->lines[i];
	if (kinds)
		printf("%-7s %4zu %6zu-%-6zu ", names[ln->kind], ln->block, ln->start, ln->end);
	fputs(ln->prefix, stdout);
	printf("%*s", ln->indent, "");
	for (size_t s = ln->seg; s < ln->seg + ln->nsegs; s++) {
		const struct layout_seg *sg = &l->segs[s];
		size_t k = 0;
		while (k < sg->len) {
			uint32_t cp;
			int w;
			size_t n = layout_next_char(sg->text + k, sg->len - k, &cp, &w);
			if (cp == 0xfffd)
				fputs("\xef\xbf\xbd", stdout);
			else
				fwrite(sg->text + k, 1, n, stdout);
			k += n;
		}
	}
	putchar('\n');
}

/* Return CPU seconds used so far. */
static double
cpu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	struct layout_opts o = { 80, 0 };
	bool kinds = false, timing = false;
	int c;
	setlocale(LC_CTYPE, "");
	while ((c = getopt(argc, argv, "w:amkt")) != -1) {
		switch (c) {
		case 'w': o.width = atoi(optarg); break;
		case 'a': o.flags |= LAYOUT_ASCII; break;
		case 'm': o.flags |= LAYOUT_HEADING_MARKS; break;
		case 'k': kinds = true; break;
		case 't': timing = true; break;
		default:
			fprintf(stderr, "usage: layoutdump [-w WIDTH] [-a] [-m] [-k] [-t] FILE\n");
			return 2;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "usage: layoutdump [-w WIDTH] [-a] [-m] [-k] [-t] FILE\n");
		return 2;
	}
	char *err = NULL, *data;
	size_t len;
	if (read_file(argv[optind], 64u << 20, &data, &len, &err) < 0) {
		fprintf(stderr, "layoutdump: %s\n", err);
		return 1;
	}
	struct article *a = extract_page(data, len, NULL, NULL, &err);
	free(data);
	if (a == NULL) {
		fprintf(stderr, "layoutdump: %s\n", err);
		free(err);
		return 1;
	}
	if (timing) {
		size_t bytes = 0;
		for (size_t i = 0; i < a->nblocks; i++)
			bytes += strlen(a->blocks[i].text);
		for (int w = 40; w <= 120; w += 40) {
			o.width = w;
			double t0 = cpu_now();
			struct layout *l = layout_build(a, &o);
			printf("layout: %zu blocks, %zu KB of text into %zu lines at width %d in %.1f ms\n",
			    a->nblocks, bytes / 1024, l->nlines, w, (cpu_now() - t0) * 1e3);
			layout_free(l);
		}
	} else {
		struct layout *l = layout_build(a, &o);
		for (size_t i = 0; i < l->nlines; i++)
			print_line(l, i, kinds);
		layout_free(l);
	}
	article_free(a);
	return 0;
}
