/* internal.h — what the exporters share (src/export/): the plan that says
 * which blocks stand in a quotation shown as a block quote, and the split of
 * a block's text into runs of one inline style. */
#ifndef QUIRE_EXPORT_INTERNAL_H
#define QUIRE_EXPORT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "article.h"

/* Where one block stands in a quotation shown as a block quote. A block in
 * no such quotation has quote -1 and is written whole at its own depth.
 * Otherwise its text splits into up to three byte ranges: an introduction
 * [0, intro_end) written before the quote ("As X wrote:"), the quoted part
 * [from, to) written at depth, and the rest [rest_from, len) written after
 * the attribution. Empty ranges are not written. */
struct quote_place {
	int quote;          /* index into the article's quotes, or -1 */
	size_t intro_end;
	size_t from, to;
	size_t rest_from;
	int depth;          /* block quote depth of the quoted part */
	bool last;          /* the quotation's last block: the attribution follows */
	int attr_depth;     /* depth of the attribution line (on the last block) */
};

/* Return a newly allocated array of a->nblocks places (NULL when there are
 * no blocks). */
struct quote_place *export_quote_plan(const struct article *a);

/* Return a newly allocated attribution for q without the dash — "Author,
 * Publication, Title (Year)" from what q knows — or NULL when it knows none. */
char *export_attribution(const struct quote *q);

/* A stretch of a block's text in one inline style. */
struct export_run {
	size_t start, end;  /* bytes of the block's text */
	int style;          /* SPAN_* bits */
	int link;           /* index into the article's links, or -1 */
};

/* Split b->text[from, to) into maximal runs of one style and link. Returns a
 * newly allocated array of *n runs. */
struct export_run *export_runs(const struct block *b, size_t from, size_t to, size_t *n);

/* Whether url may become a link: http(s), mailto or ftp only. */
bool export_safe_url(const char *url);

/* Move *from forward and *to back over ASCII white space. */
void export_trim(const char *text, size_t *from, size_t *to);

#endif
