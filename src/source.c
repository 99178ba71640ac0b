/* source.c — where a page comes from. A spec is "-" (standard input), an
 * http(s) URL (fetched, see fetch.c) or a file path; other URL schemes are
 * refused. Whatever the origin, the bytes must look like a document before
 * anything parses them: not empty, not a known binary format, not dense in
 * NUL and control bytes, and with some markup in them. A loaded source owns
 * its bytes (always NUL-terminated) and the transport's facts about them. */
#include "source.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fetch.h"
#include "text.h"
#include "util.h"

/* How many leading bytes the binary sniffer looks at. */
#define SNIFF_BYTES 8192

/* Magic numbers of formats people mistake for pages. */
static const struct {
	size_t offset;
	const char *magic;
	size_t len;
	const char *kind;
} magics[] = {
	{ 0, "\x89PNG\r\n\x1a\n", 8, "PNG image" },
	{ 0, "\xff\xd8\xff", 3, "JPEG image" },
	{ 0, "GIF87a", 6, "GIF image" },
	{ 0, "GIF89a", 6, "GIF image" },
	{ 8, "WEBP", 4, "WebP image" },
	{ 0, "II*\0", 4, "TIFF image" },
	{ 0, "MM\0*", 4, "TIFF image" },
	{ 0, "%PDF-", 5, "PDF document" },
	{ 0, "%!PS", 4, "PostScript document" },
	{ 0, "{\\rtf", 5, "RTF document" },
	{ 0, "PK\x03\x04", 4, "ZIP archive" },
	{ 0, "\x1f\x8b", 2, "gzip-compressed data" },
	{ 0, "BZh", 3, "bzip2-compressed data" },
	{ 0, "\xfd" "7zXZ\0", 6, "xz-compressed data" },
	{ 0, "7z\xbc\xaf\x27\x1c", 6, "7-Zip archive" },
	{ 0, "\x28\xb5\x2f\xfd", 4, "zstd-compressed data" },
	{ 0, "\x7f" "ELF", 4, "executable" },
	{ 0, "SQLite format 3", 16, "SQLite database" },
	{ 0, "ID3", 3, "MP3 audio" },
	{ 0, "OggS", 4, "Ogg media" },
	{ 4, "ftyp", 4, "MP4 video" },
	{ 0, "\x1a\x45\xdf\xa3", 4, "Matroska/WebM video" },
	{ 0, "wOFF", 4, "WOFF font" },
	{ 0, "wOF2", 4, "WOFF font" },
	{ 0, "\0asm", 4, "WebAssembly module" },
	{ 0, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, "Microsoft Office document" },
};

/* Name the binary format the bytes look like, or NULL. */
const char *
source_binary_kind(const char *data, size_t len)
{
	for (size_t i = 0; i < sizeof magics / sizeof magics[0]; i++)
		if (len >= magics[i].offset + magics[i].len &&
		    memcmp(data + magics[i].offset, magics[i].magic, magics[i].len) == 0)
			return magics[i].kind;
	/* UTF-16 text has a NUL in every other byte; its BOM says so. */
	if (len >= 2 && ((data[0] == '\xff' && data[1] == '\xfe') || (data[0] == '\xfe' && data[1] == '\xff')))
		return NULL;
	size_t n = len < SNIFF_BYTES ? len : SNIFF_BYTES, nul = 0, control = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)data[i];
		if (c == 0)
			nul++;
		else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' &&
		    c != 0x1b) || c == 0x7f)
			control++;
	}
	/* Text pages may carry a stray NUL or control byte; binary data is thick
	 * with them (random bytes: about 0.4% NUL, 10% control). */
	if ((nul >= 4 && nul * 200 > n) || (nul + control >= 4 && (nul + control) * 20 > n))
		return "binary data";
	return NULL;
}

/* Whether the bytes hold markup: a '<' opening a tag, comment, doctype or
 * processing instruction somewhere. */
static bool
has_markup(const char *data, size_t len)
{
	const char *p = data, *end = data + len;
	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL && p + 1 < end) {
		const char *q = p + 1;
		while (q + 1 < end && *q == '\0')   /* UTF-16 */
			q++;
		unsigned char c = (unsigned char)*q;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '!' || c == '?')
			return true;
		p++;
	}
	return false;
}

/* Whether the bytes, after a BOM and white space, begin with '<'. */
static bool
starts_with_markup(const char *data, size_t len)
{
	size_t i = 0;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r' ||
	    data[i] == '\f'))
		i++;
	return i < len && data[i] == '<';
}

/* Whether the bytes are nothing but white space. */
static bool
is_blank(const char *data, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (data[i] != ' ' && data[i] != '\t' && data[i] != '\n' && data[i] != '\r' &&
		    data[i] != '\f' && data[i] != '\v')
			return false;
	return true;
}

/* Read a whole stream into *data (NUL-terminated) and *len, at most max
 * bytes; size_hint (the file's size, or 0) sizes the first allocation. */
static int
read_stream(FILE *f, size_t size_hint, size_t max, char **data, size_t *len, char **errp)
{
	size_t cap = (size_hint < max ? size_hint : max) + 2, n = 0;   /* room to see EOF */
	if (cap < 65536)
		cap = 65536;
	char *p = xmalloc(cap);
	for (;;) {
		if (n + 1 == cap)
			p = xrealloc(p, cap *= 2);
		size_t got = fread(p + n, 1, cap - n - 1, f);
		n += got;
		if (n > max) {
			free(p);
			return set_error(errp, "larger than %zu MB", max / (1024 * 1024));
		}
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		int e = errno;
		free(p);
		return set_error(errp, "%s", strerror(e));
	}
	p[n] = '\0';
	*len = n;
	*data = p;
	return 0;
}

/* Whether a missing path looks like a web address typed without its scheme
 * ("www.example.org", "example.org/a/post"). */
static bool
looks_like_address(const char *path)
{
	if (path[0] == '/' || path[0] == '.' || path[0] == '~')
		return false;
	if (text_starts_with_ci(path, "www."))
		return true;
	const char *slash = strchr(path, '/');
	const char *dot = memchr(path, '.', slash ? (size_t)(slash - path) : 0);
	return dot != NULL && dot + 1 < slash;
}

/* Read the file at path into s. */
static int
load_file(const char *path, struct source *s, char **errp)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL && errno == ENOENT && looks_like_address(path))
		return set_error(errp, "%s (for a web page, give its http:// or https:// URL)", strerror(errno));
	if (f == NULL)
		return set_error(errp, "%s", strerror(errno));
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		return set_error(errp, "is a directory");
	}
	size_t hint = 0;
	if (S_ISREG(st.st_mode)) {
		if ((unsigned long long)st.st_size > SOURCE_MAX_BYTES) {
			fclose(f);
			return set_error(errp, "larger than %zu MB", SOURCE_MAX_BYTES / (1024 * 1024));
		}
		hint = (size_t)st.st_size;
	}
	int rc = read_stream(f, hint, SOURCE_MAX_BYTES, &s->data, &s->len, errp);
	fclose(f);
	return rc;
}

/* Fetch the URL into s. */
static int
load_url(const char *url, struct source *s, char **errp)
{
	struct fetch_limits lim;
	struct fetch_response r;
	fetch_limits_default(&lim);
	lim.max_bytes = SOURCE_MAX_BYTES;
	if (fetch_url(url, &lim, &r, errp) < 0)
		return -1;
	s->data = r.data;
	s->len = r.len;
	s->url = r.url;
	s->charset = r.charset;
	s->content_type = r.content_type;
	return 0;
}

/* Length of a URL scheme and its colon at the start of spec, or 0. */
static size_t
scheme_len(const char *spec)
{
	size_t i = 0;
	if (!((spec[0] >= 'a' && spec[0] <= 'z') || (spec[0] >= 'A' && spec[0] <= 'Z')))
		return 0;
	while (spec[i] != '\0' && spec[i] != ':') {
		char c = spec[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '+' || c == '-' || c == '.'))
			return 0;
		i++;
	}
	return spec[i] == ':' && i >= 2 ? i + 1 : 0;
}

/* Refuse bytes that cannot be a page; what names the input ("file",
 * "input", "response"). */
static int
check_bytes(const struct source *s, const char *what, char **errp)
{
	if (s->len == 0 || is_blank(s->data, s->len))
		return set_error(errp, "empty %s", what);
	const char *kind = source_binary_kind(s->data, s->len);
	if (kind != NULL)
		return set_error(errp, "not an HTML page (looks like %s)", kind);
	/* A server that does not say what it sent must have sent markup. */
	if (s->url != NULL && !fetch_type_is_markup(s->content_type) && !starts_with_markup(s->data, s->len))
		return set_error(errp, "not an HTML page (%s)", s->content_type ? s->content_type : "no Content-Type");
	if (!has_markup(s->data, s->len))
		return set_error(errp, "not an HTML page (no markup in it)");
	return 0;
}

/* Load a file, standard input or URL, and refuse what is not a page. */
int
source_load(const char *spec, struct source *s, char **errp)
{
	memset(s, 0, sizeof *s);
	s->name = xstrdup(spec);
	const char *what = "file";
	int rc;
	size_t sl = scheme_len(spec);
	struct stat st;
	if (strcmp(spec, "-") == 0) {
		what = "input";
		rc = read_stream(stdin, 0, SOURCE_MAX_BYTES, &s->data, &s->len, errp);
	} else if (text_starts_with_ci(spec, "http://") || text_starts_with_ci(spec, "https://")) {
		what = "response";
		rc = load_url(spec, s, errp);
	} else if (sl > 0 && stat(spec, &st) != 0) {
		if (text_starts_with_ci(spec, "http:") || text_starts_with_ci(spec, "https:"))
			rc = set_error(errp, "malformed URL (want http:// or https://)");
		else
			rc = set_error(errp, "unsupported URL scheme '%.*s' (only http and https)", (int)sl, spec);
	} else {
		rc = load_file(spec, s, errp);
	}
	if (rc == 0)
		rc = check_bytes(s, what, errp);
	if (rc < 0)
		source_clear(s);
	return rc;
}

/* Make a source from a fetched response and check it as load_url's. */
int
source_from_response(const char *name, struct fetch_response *r, struct source *s, char **errp)
{
	memset(s, 0, sizeof *s);
	s->name = xstrdup(name);
	s->data = r->data;
	s->len = r->len;
	s->url = r->url;
	s->charset = r->charset;
	s->content_type = r->content_type;
	memset(r, 0, sizeof *r);
	if (check_bytes(s, "response", errp) < 0) {
		source_clear(s);
		return -1;
	}
	return 0;
}

/* Free a source's bytes and strings and zero it. */
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
