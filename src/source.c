/* source.c — load a page's bytes from a file or stdin (placeholder). */
#include "source.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

int
source_load(const char *spec, struct source *s, char **errp)
{
	memset(s, 0, sizeof *s);
	s->name = xstrdup(spec);
	if (read_file(spec, SOURCE_MAX_BYTES, &s->data, &s->len, errp) < 0) {
		source_clear(s);
		return -1;
	}
	return 0;
}

void
source_clear(struct source *s)
{
	free(s->name);
	free(s->data);
	free(s->url);
	free(s->charset);
	free(s->content_type);
	memset(s, 0, sizeof *s);
}
