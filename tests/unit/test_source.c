/* test_source.c — the loader's checks before anything parses a page:
 * Content-Type parsing and acceptance (fetch.c), binary sniffing and
 * refusals of files and URL schemes (source.c). Nothing here uses the
 * network; tests/t_fetch.sh covers fetching. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fetch.h"
#include "source.h"
#include "test.h"

/* Check Content-Type splitting into media type and charset. */
static void
test_content_type(void)
{
	static const struct {
		const char *value, *type, *charset;
	} cases[] = {
		{ "text/html; charset=UTF-8", "text/html", "UTF-8" },
		{ "Text/HTML;Charset=\"windows-1252\"", "text/html", "windows-1252" },
		{ "  application/xhtml+xml ; foo=bar ; charset='koi8-r' ", "application/xhtml+xml", "koi8-r" },
		{ "text/html", "text/html", NULL },
		{ "text/html; charset=", "text/html", NULL },
		{ "", NULL, NULL },
		{ "text/\x1b]0;pwned\x07html; charset=utf-8", NULL, "utf-8" },
		{ "text/html; charset=\"ut\x1b" "f-8\"", "text/html", NULL },
		{ NULL, NULL, NULL },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *type, *charset;
		fetch_parse_content_type(cases[i].value, &type, &charset);
		CHECK_STR(type, cases[i].type);
		CHECK_STR(charset, cases[i].charset);
		free(type);
		free(charset);
	}
}

/* Check which media types may hold a page or feed. */
static void
test_types(void)
{
	CHECK(fetch_type_is_markup("text/html"));
	CHECK(fetch_type_is_markup("application/xhtml+xml"));
	CHECK(fetch_type_is_markup("application/rss+xml"));
	CHECK(fetch_type_is_markup("application/atom+xml"));
	CHECK(fetch_type_is_markup("text/xml"));
	CHECK(!fetch_type_is_markup("text/plain"));
	CHECK(!fetch_type_is_markup(NULL));
	CHECK(fetch_type_acceptable(NULL));
	CHECK(fetch_type_acceptable("text/plain"));
	CHECK(fetch_type_acceptable("application/octet-stream"));
	CHECK(!fetch_type_acceptable("application/pdf"));
	CHECK(!fetch_type_acceptable("image/png"));
	CHECK(!fetch_type_acceptable("application/json"));
	CHECK(!fetch_type_acceptable("xml"));
}

/* Check binary sniffing by magic number and byte density. */
static void
test_binary(void)
{
	CHECK_STR(source_binary_kind("\x89PNG\r\n\x1a\n\0\0", 10), "PNG image");
	CHECK_STR(source_binary_kind("%PDF-1.7\n", 9), "PDF document");
	CHECK_STR(source_binary_kind("\xff\xd8\xff\xe0", 4), "JPEG image");
	CHECK_STR(source_binary_kind("RIFF\0\0\0\0WEBPVP8 ", 16), "WebP image");
	CHECK_STR(source_binary_kind("\x1f\x8b\x08\0", 4), "gzip-compressed data");
	CHECK(source_binary_kind("<html><p>text</p></html>", 24) == NULL);
	CHECK(source_binary_kind("<?xml version=\"1.0\"?><rss/>", 27) == NULL);
	CHECK(source_binary_kind("\xff\xfe<\0p\0>\0", 8) == NULL);   /* UTF-16 with BOM */
	CHECK(source_binary_kind("<p>one\0stray NUL in a long enough line of text, fine</p>", 56) == NULL);
	char junk[1024];
	for (size_t i = 0; i < sizeof junk; i++)
		junk[i] = (char)((i * 7919u + 13u) % 256u);
	CHECK_STR(source_binary_kind(junk, sizeof junk), "binary data");
}

/* Check refusals that need no network. */
static void
test_refusals(void)
{
	static const struct {
		const char *spec, *reason;
	} cases[] = {
		{ "/nonexistent/quire/page.html", "No such file or directory" },
		{ "/", "is a directory" },
		{ "ftp://example.org/a.html", "unsupported URL scheme 'ftp:' (only http and https)" },
		{ "FILE:///etc/hostname", "unsupported URL scheme 'FILE:' (only http and https)" },
		{ "javascript:alert(1)", "unsupported URL scheme 'javascript:' (only http and https)" },
		{ "/dev/null", "empty file" },
		{ "https:/example.org/a", "malformed URL (want http:// or https://)" },
		{ "quire-no-such.example.org/a/post", "No such file or directory (for a web page, give its http:// or https:// URL)" },
		{ "www.quire-no-such.example.org", "No such file or directory (for a web page, give its http:// or https:// URL)" },
		{ "no-such-dir/page.html", "No such file or directory" },
		{ "no-such-page.html", "No such file or directory" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct source s;
		char *err = NULL;
		CHECK_INT(source_load(cases[i].spec, &s, &err), -1);
		CHECK_STR(err, cases[i].reason);
		CHECK(s.data == NULL && s.name == NULL);
		free(err);
		source_clear(&s);
	}
}

/* Write text to a new temporary file; returns its path (static storage). */
static const char *
temp_file(const char *text, size_t len)
{
	static char path[64];
	snprintf(path, sizeof path, "/tmp/quire-test-source-XXXXXX");
	int fd = mkstemp(path);
	if (fd < 0)
		return NULL;
	FILE *f = fdopen(fd, "wb");
	fwrite(text, 1, len, f);
	fclose(f);
	return path;
}

/* Check that pages and feeds load, bytes intact, with no transport facts. */
static void
test_loads(void)
{
	static const struct {
		const char *what, *text;
	} cases[] = {
		{ "RSS feed", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel/></rss>\n" },
		{ "HTML page", "<!DOCTYPE html><html><body><p>Hello.</p></body></html>" },
		{ "fragment after white space", "\n\n   <p>caf\xe9</p>" },
		{ "UTF-16 page", "\xff\xfe<\0p\0>\0h\0i\0" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t len = strlen(cases[i].text);
		if (i == 3)
			len = 12;
		const char *path = temp_file(cases[i].text, len);
		CHECK(path != NULL);
		if (path == NULL)
			continue;
		struct source s;
		char *err = NULL;
		int rc = source_load(path, &s, &err);
		if (rc != 0)
			fprintf(stderr, "%s: %s\n", cases[i].what, err);
		CHECK_INT(rc, 0);
		if (rc == 0) {
			CHECK_INT(s.len, len);
			CHECK(memcmp(s.data, cases[i].text, len) == 0 && s.data[len] == '\0');
			CHECK(s.url == NULL && s.charset == NULL && s.content_type == NULL);
			CHECK_STR(s.name, path);
		}
		free(err);
		source_clear(&s);
		remove(path);
	}
}

int
main(void)
{
	test_content_type();
	test_types();
	test_binary();
	test_refusals();
	test_loads();
	return test_done("test_source");
}
