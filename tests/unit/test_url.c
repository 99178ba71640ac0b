/* test_url.c — URL identity: a table of URLs and their keys, pairs that do
 * and do not name the same page, and the page/file tests. */
#include <stdlib.h>

#include "test.h"
#include "url.h"

/* A URL and the key it must give. */
static const struct {
	const char *url, *key;
} keys[] = {
	{ "http://example.com/a", "http://example.com/a" },
	{ "HTTP://Example.COM/a", "http://example.com/a" },
	{ "http://example.com/A", "http://example.com/A" },   /* path case counts */
	{ "http://example.com:80/a", "http://example.com/a" },
	{ "https://example.com:443/a", "https://example.com/a" },
	{ "http://example.com:443/a", "http://example.com:443/a" },
	{ "https://example.com:8443/a", "https://example.com:8443/a" },
	{ "http://example.com:/a", "http://example.com/a" },
	{ "http://example.com:0080/a", "http://example.com/a" },
	{ "http://www.example.com/a", "http://example.com/a" },
	{ "http://WWW.Example.com/a", "http://example.com/a" },
	{ "http://www.com/", "http://www.com/" },
	{ "http://www.www.example.com/", "http://example.com/" },
	{ "http://wwwexample.com/", "http://wwwexample.com/" },
	{ "http://example.com", "http://example.com/" },
	{ "http://example.com/", "http://example.com/" },
	{ "http://example.com/a/", "http://example.com/a" },
	{ "http://example.com/a//", "http://example.com/a" },
	{ "http://example.com/a#part", "http://example.com/a" },
	{ "http://example.com/a/#part", "http://example.com/a" },
	{ "http://example.com#top", "http://example.com/" },
	{ "http://example.com/a?utm_source=x&utm_medium=y", "http://example.com/a" },
	{ "http://example.com/a?UTM_Campaign=z", "http://example.com/a" },
	{ "http://example.com/a?id=3&utm_source=x&page=2", "http://example.com/a?id=3&page=2" },
	{ "http://example.com/a?page=2&id=3", "http://example.com/a?page=2&id=3" },  /* order kept */
	{ "http://example.com/a?fbclid=abc", "http://example.com/a" },
	{ "http://example.com/a?gclid=abc&x=1", "http://example.com/a?x=1" },
	{ "https://www.theguardian.com/a/b?CMP=share_btn_tw", "https://theguardian.com/a/b" },
	{ "http://example.com/a?mc_cid=1&mc_eid=2", "http://example.com/a" },
	{ "http://example.com/a?_ga=2.1&igshid=q&ref_src=twsrc", "http://example.com/a" },
	{ "http://example.com/a?utm%5Fsource=x", "http://example.com/a" },
	{ "http://example.com/a?ref=home", "http://example.com/a?ref=home" },
	{ "http://example.com/a?", "http://example.com/a" },
	{ "http://example.com/a?&&x=1&&", "http://example.com/a?x=1" },
	{ "http://example.com/a?x", "http://example.com/a?x" },
	{ "http://example.com/%7euser", "http://example.com/~user" },
	{ "http://example.com/%2f%3a", "http://example.com/%2F%3A" },
	{ "http://example.com/caf%c3%a9", "http://example.com/caf%C3%A9" },
	{ "http://example.com/caf\xc3\xa9", "http://example.com/caf%C3%A9" },
	{ "http://example.com/a b", "http://example.com/a%20b" },
	{ "http://example.com/%zz", "http://example.com/%25zz" },
	{ "http://example.com/%e%36", "http://example.com/%25e6" },
	{ "http://example.com/100%", "http://example.com/100%25" },
	{ "  http://example.com/a  ", "http://example.com/a" },
	{ "http://User:Pw@www.Example.com:80/a", "http://User:Pw@example.com/a" },
	{ "http://[::1]:8080/a", "http://[::1]:8080/a" },
	{ "http://127.0.0.1:80/x", "http://127.0.0.1/x" },
	{ "ftp://Example.com/a/", "ftp://example.com/a" },
	{ "mailto:someone@example.com", "mailto:someone@example.com" },
	{ "/relative/path#x", "/relative/path" },
	{ "#only", "" },
	{ "", "" },
};

/* Pairs: do they name the same page? */
static const struct {
	const char *a, *b;
	bool same;
} pairs[] = {
	{ "https://example.com/essay?utm_source=a", "https://www.example.com/essay/?utm_medium=b", true },
	{ "https://example.com/essay", "https://example.com/essay#notes", true },
	{ "http://example.com/essay", "https://example.com/essay", false },
	{ "https://example.com/essay?id=1", "https://example.com/essay?id=2", false },
	{ "https://example.com/a?x=1&y=2", "https://example.com/a?y=2&x=1", false },
	{ "https://example.com/a", "https://example.org/a", false },
	{ "https://EXAMPLE.com:443/a%7Eb", "https://example.com/a~b", true },
	{ NULL, "https://example.com/", false },
};

/* Which URLs are pages worth fetching as HTML. */
static const struct {
	const char *url;
	bool http, file;
} kinds[] = {
	{ "https://example.com/essay", true, false },
	{ "HTTPS://example.com/essay.html", true, false },
	{ "http://example.com/paper.pdf", true, true },
	{ "http://example.com/paper.PDF?download=1#page=2", true, true },
	{ "http://example.com/photo.jpg", true, true },
	{ "http://example.com/a/b.tar.gz", true, true },
	{ "http://example.com/talk.mp3", true, true },
	{ "http://example.com/v1.2/", true, false },
	{ "http://example.com/file.pdf/", true, true },
	{ "http://example.com/index.php?file=x.pdf", true, false },
	{ "ftp://example.com/a", false, false },
	{ "mailto:a@example.com", false, false },
	{ "/local/page", false, false },
	{ "http://", false, false },
	{ "http:///path", false, false },
	{ "javascript:alert(1)", false, false },
};

int
main(void)
{
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		char *k = url_key(keys[i].url);
		CHECK_STR(k, keys[i].key);
		char *kk = url_key(k);
		CHECK_STR(kk, k);   /* idempotent */
		free(k);
		free(kk);
	}
	CHECK(url_key(NULL) == NULL);
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		if (url_same(pairs[i].a, pairs[i].b) != pairs[i].same)
			fprintf(stderr, "pair %zu: %s / %s\n", i, pairs[i].a ? pairs[i].a : "(null)",
			    pairs[i].b);
		CHECK(url_same(pairs[i].a, pairs[i].b) == pairs[i].same);
	}
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		if (url_is_http(kinds[i].url) != kinds[i].http || url_is_file(kinds[i].url) != kinds[i].file)
			fprintf(stderr, "kind %zu: %s\n", i, kinds[i].url);
		CHECK(url_is_http(kinds[i].url) == kinds[i].http);
		CHECK(url_is_file(kinds[i].url) == kinds[i].file);
		CHECK(url_is_page(kinds[i].url) == (kinds[i].http && !kinds[i].file));
	}
	CHECK(url_is_same_page("#notes", NULL));
	CHECK(url_is_same_page("https://example.com/e#n", "https://www.example.com/e"));
	CHECK(!url_is_same_page("https://example.com/f#n", "https://example.com/e"));
	CHECK(!url_is_same_page("https://example.com/f", NULL));
	/* Fragments as ids are written: escapes decoded, a stray % left. */
	static const struct { const char *in, *out; } frags[] = {
		{ "fn%3A2", "fn:2" }, { "caf%C3%A9", "caf\xc3\xa9" }, { "100%", "100%" },
		{ "a%2", "a%2" }, { "%zz", "%zz" }, { "", "" }, { "plain", "plain" },
	};
	for (size_t i = 0; i < sizeof frags / sizeof frags[0]; i++) {
		char *d = url_fragment_decode(frags[i].in);
		CHECK_STR(d, frags[i].out);
		free(d);
	}
	return test_done("test_url");
}
