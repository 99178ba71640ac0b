/* export.c — `quire export`'s formats by name, the two simple ones (text as
 * `quire show` prints it; JSON as `quire extract --format json` prints it,
 * plus the bookmarks), safe file names for exporting a whole library, and
 * the atomic write. The output of every format is valid UTF-8 with no
 * control characters but newlines and tabs. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export.h"
#include "json.h"
#include "text.h"

/* Format names, the extension of each format's files, and its writer. */
static const struct {
	const char *name;
	export_format format;
	const char *extension;
	void (*write)(const struct export_input *in, struct buf *out);
} formats[] = {
	{ "markdown", EXPORT_MARKDOWN, "md", export_markdown },
	{ "md", EXPORT_MARKDOWN, "md", export_markdown },
	{ "html", EXPORT_HTML, "html", export_html },
	{ "text", EXPORT_TEXT, "txt", export_text },
	{ "json", EXPORT_JSON, "json", export_json },
};

/* Longest slug in a file name, in bytes. */
#define SLUG_MAX 60

/* Parse a format name; -1 if unknown. */
int
export_format_parse(const char *name)
{
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (strcmp(formats[i].name, name) == 0)
			return (int)formats[i].format;
	return -1;
}

/* The file name extension for format f. */
const char *
export_format_extension(export_format f)
{
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (formats[i].format == f)
			return formats[i].extension;
	fatal("unknown export format %d", (int)f);
}

/* Append the article as text: a header as `quire show` prints it, then the body. */
void
export_text(const struct export_input *in, struct buf *out)
{
	const struct article *a = in->article;
	buf_puts(out, a->title != NULL ? a->title : "(untitled)");
	buf_putc(out, '\n');
	const char *parts[3] = { a->author, a->published, a->site_name };
	bool any = false;
	for (int i = 0; i < 3; i++) {
		if (parts[i] == NULL || parts[i][0] == '\0')
			continue;
		buf_puts(out, any ? " · " : "");
		if (i == 0)
			buf_puts(out, "by ");
		if (i == 1)
			buf_append(out, parts[i], strnlen(parts[i], 10));   /* the day */
		else
			buf_puts(out, parts[i]);
		any = true;
	}
	if (any)
		buf_putc(out, '\n');
	const char *url = a->canonical_url != NULL ? a->canonical_url : a->url;
	if (url != NULL) {
		buf_puts(out, url);
		buf_putc(out, '\n');
	}
	buf_putc(out, '\n');
	article_to_text(a, out);
}

/* Append the article as the JSON of `extract --format json` with one more
 * member, "bookmarks", before the closing brace. */
void
export_json(const struct export_input *in, struct buf *out)
{
	struct buf obj = {0};
	article_to_json(in->article, in->id, &obj);
	/* article_to_json ends "\n}\n"; reopen the object after its last member. */
	size_t end = obj.len;
	while (end > 0 && obj.data[end - 1] != '}')
		end--;
	if (end == 0)
		fatal("article_to_json wrote no object");
	end--;
	while (end > 0 && (obj.data[end - 1] == '\n' || obj.data[end - 1] == ' '))
		end--;
	buf_append(out, obj.data, end);
	buf_free(&obj);
	buf_puts(out, ",\n  \"bookmarks\": [");
	for (size_t i = 0; i < in->nbookmarks; i++) {
		const struct export_bookmark *bm = &in->bookmarks[i];
		buf_puts(out, i > 0 ? ",\n    " : "\n    ");
		struct json j;
		json_init(&j, out, false);
		json_object_begin(&j);
		json_kv_string(&j, "name", bm->name);
		json_kv_int(&j, "block", (long long)bm->block);
		json_kv_int(&j, "offset", (long long)bm->offset);
		json_kv_string(&j, "created", bm->created);
		json_object_end(&j);
	}
	buf_puts(out, in->nbookmarks > 0 ? "\n  ]\n}\n" : "]\n}\n");
}

/* Append in's article in format f to out. */
void
export_article(const struct export_input *in, export_format f, struct buf *out)
{
	size_t i = 0;
	while (i < sizeof formats / sizeof formats[0] && formats[i].format != f)
		i++;
	if (i == sizeof formats / sizeof formats[0])
		fatal("unknown export format %d", (int)f);
	struct buf raw = {0};
	formats[i].write(in, &raw);
	/* Page text is hostile: no escape sequences in a file someone will cat. */
	char *clean = text_sanitize(buf_str(&raw), true);
	buf_puts(out, clean);
	free(clean);
	buf_free(&raw);
}

/* Return a newly allocated file name: ASCII slug of title, -ID, .ext. */
char *
export_file_name(const char *title, long long id, const char *ext)
{
	struct buf b = {0};
	bool dash = false;
	for (const char *p = title != NULL ? title : ""; *p != '\0' && b.len < SLUG_MAX; p++) {
		unsigned char c = (unsigned char)*p;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && b.len > 0)
				buf_putc(&b, '-');
			dash = false;
			buf_putc(&b, (char)c);
		} else if (c >= 'A' && c <= 'Z') {
			if (dash && b.len > 0)
				buf_putc(&b, '-');
			dash = false;
			buf_putc(&b, (char)(c - 'A' + 'a'));
		} else if (c >= 0x80 && (c & 0xc0) != 0x80) {
			/* A letter we cannot spell in ASCII: a word break, at most. */
			dash = true;
		} else if (c < 0x80) {
			dash = true;
		}
	}
	if (b.len > SLUG_MAX)
		buf_truncate(&b, SLUG_MAX);
	while (b.len > 0 && b.data[b.len - 1] == '-')
		buf_truncate(&b, b.len - 1);
	if (b.len == 0)
		buf_puts(&b, "article");
	if (id > 0)
		buf_printf(&b, "-%lld", id);
	buf_printf(&b, ".%s", ext);
	return buf_detach(&b);
}

/* Write data to path through a temporary file renamed over it. */
int
export_write_file(const char *path, const char *data, size_t len, char **errp)
{
	char *tmp = xasprintf("%s.XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		int e = errno;
		free(tmp);
		return set_error(errp, "%s: %s", path, strerror(e));
	}
	/* mkstemp makes the file 0600; give it what a new file would get. */
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	FILE *f = fdopen(fd, "w");
	if (f == NULL) {
		int e = errno;
		close(fd);
		unlink(tmp);
		free(tmp);
		return set_error(errp, "%s: %s", path, strerror(e));
	}
	bool ok = fwrite(data, 1, len, f) == len;
	ok = fflush(f) == 0 && ok;
	ok = fsync(fileno(f)) == 0 && ok;
	int e = errno;
	ok = fclose(f) == 0 && ok;
	if (ok && rename(tmp, path) < 0) {
		e = errno;
		ok = false;
	}
	if (!ok) {
		unlink(tmp);
		free(tmp);
		return set_error(errp, "%s: %s", path, strerror(e != 0 ? e : EIO));
	}
	free(tmp);
	return 0;
}
