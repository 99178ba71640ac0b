/* export.h — an article (with its library id and bookmarks) written out as
 * Markdown, a standalone HTML page, plain text or JSON: pure functions from
 * the article model to bytes, plus the safe file names and the atomic write
 * `quire export` uses. Nothing here touches SQLite or a terminal. */
#ifndef QUIRE_EXPORT_H
#define QUIRE_EXPORT_H

#include <stddef.h>

#include "article.h"
#include "util.h"

typedef enum export_format {
	EXPORT_MARKDOWN,
	EXPORT_HTML,
	EXPORT_TEXT,
	EXPORT_JSON,
} export_format;

/* A bookmark as exported: a place (block, character offset) with a name.
 * The strings belong to the caller. */
struct export_bookmark {
	const char *name;      /* may be NULL */
	size_t block;
	size_t offset;         /* characters into the block's text */
	const char *created;   /* may be NULL */
};

/* What to export: the article, its library id (0: none) and bookmarks. */
struct export_input {
	const struct article *article;
	long long id;
	const struct export_bookmark *bookmarks;
	size_t nbookmarks;
};

/* Parse a format name (markdown, md, html, text, json); -1 if unknown. */
int export_format_parse(const char *name);
/* The file name extension for format f, without the dot ("md", "html", …). */
const char *export_format_extension(export_format f);

/* Append in's article in format f to out. */
void export_article(const struct export_input *in, export_format f, struct buf *out);
/* The formats one by one (src/export/markdown.c, html.c, export.c). */
void export_markdown(const struct export_input *in, struct buf *out);
void export_html(const struct export_input *in, struct buf *out);
void export_text(const struct export_input *in, struct buf *out);
void export_json(const struct export_input *in, struct buf *out);

/* Return a newly allocated file name for an article: an ASCII slug of title
 * (letters, digits and '-', at most 60 bytes, never empty, no '/' and no
 * leading '.'), then "-ID" when id > 0, then "." ext. */
char *export_file_name(const char *title, long long id, const char *ext);

/* Write len bytes of data to path atomically: a temporary file in the same
 * folder, flushed, then renamed over path. Returns 0, or -1 with *errp set
 * (and no temporary file left behind). */
int export_write_file(const char *path, const char *data, size_t len, char **errp);

#endif
