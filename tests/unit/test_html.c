/* test_html.c — encoding detection and decoding (html_detect_charset,
 * html_to_utf8) and what html_parse hands on to the rest of the pipeline. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "html.h"
#include "test.h"
#include "text.h"

/* One detection case: bytes (with their length, for NULs), transport
 * charset, expected charset name and origin, expected UTF-8 text. */
struct detect_case {
	const char *what;
	const char *bytes;
	size_t len;
	const char *transport;
	const char *name;
	html_charset_origin origin;
	const char *want;
};

#define B(s) s, sizeof s - 1

static const struct detect_case cases[] = {
	{ "transport beats meta", B("<meta charset=\"utf-8\"><p>\xf0\xd2\xc9\xd7\xc5\xd4</p>"), "KOI8-R",
	  "koi8-r", HTML_CHARSET_TRANSPORT, "<meta charset=\"utf-8\"><p>Привет</p>" },
	{ "transport latin1 beats meta koi8-r", B("<meta charset=koi8-r><p>caf\xe9</p>"), "iso-8859-1",
	  "windows-1252", HTML_CHARSET_TRANSPORT, "<meta charset=koi8-r><p>café</p>" },
	{ "quoted transport label", B("<p>caf\xe9</p>"), "\"ISO-8859-1\"",
	  "windows-1252", HTML_CHARSET_TRANSPORT, "<p>café</p>" },
	{ "unknown transport falls through to meta", B("<meta charset=windows-1252><p>\x93q\x94</p>"), "x-bogus",
	  "windows-1252", HTML_CHARSET_META, "<meta charset=windows-1252><p>“q”</p>" },
	{ "transport UTF-16 on 8-bit bytes is ignored", B("<meta charset=koi8-r><p>\xf0\xd2</p>"), "utf-16",
	  "koi8-r", HTML_CHARSET_META, "<meta charset=koi8-r><p>Пр</p>" },
	{ "transport UTF-16 without BOM", B("<\0p\0>\0\xe9\0"), "UTF-16LE",
	  "utf-16le", HTML_CHARSET_TRANSPORT, "<p>é" },
	{ "UTF-8 BOM", B("\xef\xbb\xbf<p>caf\xc3\xa9</p>"), NULL,
	  "utf-8", HTML_CHARSET_BOM, "<p>café</p>" },
	{ "UTF-8 BOM beats transport", B("\xef\xbb\xbf<p>caf\xc3\xa9</p>"), "iso-8859-1",
	  "utf-8", HTML_CHARSET_BOM, "<p>café</p>" },
	{ "UTF-16LE BOM", B("\xff\xfe<\0p\0>\0\xe9\0\x1c\x20"), NULL,
	  "utf-16le", HTML_CHARSET_BOM, "<p>é“" },
	{ "UTF-16BE BOM", B("\xfe\xff\0<\0p\0>\0\xe9"), NULL,
	  "utf-16be", HTML_CHARSET_BOM, "<p>é" },
	{ "meta charset", B("<head><meta charset=\"windows-1252\"><p>\x93hi\x94 \x97 caf\xe9</p>"), NULL,
	  "windows-1252", HTML_CHARSET_META, "<head><meta charset=\"windows-1252\"><p>“hi” — café</p>" },
	{ "http-equiv", B("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">caf\xe9 \x80"), NULL,
	  "windows-1252", HTML_CHARSET_META, "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">café €" },
	{ "http-equiv, attributes reversed, unquoted",
	  B("<META CONTENT='text/html;charset=koi8-r' HTTP-EQUIV=content-type>\xf0\xd2\xc9"), NULL,
	  "koi8-r", HTML_CHARSET_META, "<META CONTENT='text/html;charset=koi8-r' HTTP-EQUIV=content-type>При" },
	{ "content without http-equiv is no declaration",
	  B("<meta content=\"text/html; charset=koi8-r\"><p>caf\xe9</p>"), NULL,
	  "windows-1252", HTML_CHARSET_SNIFFED, "<meta content=\"text/html; charset=koi8-r\"><p>café</p>" },
	{ "meta in a comment is skipped",
	  B("<!-- <meta charset=koi8-r> --><meta charset=windows-1252>\xe9"), NULL,
	  "windows-1252", HTML_CHARSET_META, "<!-- <meta charset=koi8-r> --><meta charset=windows-1252>é" },
	{ "meta inside another tag's attribute is skipped",
	  B("<div title=\"<meta charset=koi8-r>\"><meta charset=cp1252>\xe9"), NULL,
	  "windows-1252", HTML_CHARSET_META, "<div title=\"<meta charset=koi8-r>\"><meta charset=cp1252>é" },
	{ "meta utf-16 means utf-8", B("<meta charset=utf-16><p>caf\xc3\xa9</p>"), NULL,
	  "utf-8", HTML_CHARSET_META, "<meta charset=utf-16><p>café</p>" },
	{ "xml declaration", B("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>caf\xe9</rss>"), NULL,
	  "windows-1252", HTML_CHARSET_META, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>café</rss>" },
	{ "undeclared UTF-8", B("<p>caf\xc3\xa9 \xe2\x80\x9cok\xe2\x80\x9d</p>"), NULL,
	  "utf-8", HTML_CHARSET_SNIFFED, "<p>café “ok”</p>" },
	{ "undeclared ASCII", B("<p>plain</p>"), NULL,
	  "utf-8", HTML_CHARSET_SNIFFED, "<p>plain</p>" },
	{ "undeclared windows-1252", B("<p>\x93smart\x94 caf\xe9 \x97 it\x92s</p>"), NULL,
	  "windows-1252", HTML_CHARSET_SNIFFED, "<p>“smart” café — it’s</p>" },
	{ "undeclared German windows-1252 with a UTF-8-looking pair",
	  B("<p>\x84Stra\xdf\x93 und \xe4 \xf6 \xfc</p>"), NULL,
	  "windows-1252", HTML_CHARSET_SNIFFED, "<p>„Straß“ und ä ö ü</p>" },
	{ "declared UTF-8 holding windows-1252",
	  B("<meta charset=utf-8><p>\x93smart\x94 it\x92s caf\xc3\xa9</p>"), NULL,
	  "utf-8", HTML_CHARSET_META, "<meta charset=utf-8><p>“smart” it’s café</p>" },
	{ "transport UTF-8 holding windows-1252", B("<p>\x93q\x94 \xe2\x80\x94</p>"), "utf-8",
	  "utf-8", HTML_CHARSET_TRANSPORT, "<p>“q” —</p>" },
	{ "mostly UTF-8 with a stray byte", B("<p>\xe2\x80\x9cone\xe2\x80\x9d caf\xc3\xa9 na\xc3\xafve it\x92s</p>"), NULL,
	  "utf-8", HTML_CHARSET_SNIFFED, "<p>“one” café naïve it’s</p>" },
	{ "C1 controls in UTF-8 read as windows-1252", B("<p>\xc2\x93hi\xc2\x94</p>"), NULL,
	  "utf-8", HTML_CHARSET_SNIFFED, "<p>“hi”</p>" },
	{ "iso-8859-1 declared is windows-1252", B("<meta charset=iso-8859-1>\x80 \x85 \xe9"), NULL,
	  "windows-1252", HTML_CHARSET_META, "<meta charset=iso-8859-1>€ … é" },
	{ "us-ascii declared is windows-1252", B("<meta charset=us-ascii>\x93"), NULL,
	  "windows-1252", HTML_CHARSET_META, "<meta charset=us-ascii>“" },
	{ "latin1 declared on UTF-8 bytes is UTF-8", B("<meta charset=iso-8859-1><p>caf\xc3\xa9</p>"), NULL,
	  "utf-8", HTML_CHARSET_SNIFFED, "<meta charset=iso-8859-1><p>café</p>" },
	{ "koi8-r via iconv", B("<meta charset=\"koi8-r\"><p>\xf0\xd2\xc9\xd7\xc5\xd4</p>"), NULL,
	  "koi8-r", HTML_CHARSET_META, "<meta charset=\"koi8-r\"><p>Привет</p>" },
	{ "shift_jis via iconv", B("<meta charset=Shift_JIS><p>\x93\xfa\x96\x7b\x8c\xea</p>"), NULL,
	  "cp932", HTML_CHARSET_META, "<meta charset=Shift_JIS><p>日本語</p>" },
	{ "iconv: a bad byte becomes U+FFFD", B("<meta charset=shift_jis>\x93\xfa\xff!"), NULL,
	  "cp932", HTML_CHARSET_META, "<meta charset=shift_jis>日\xef\xbf\xbd!" },
	{ "NUL bytes are dropped, not the end", B("<p>one\0two\0</p><p>three</p>"), NULL,
	  "utf-8", HTML_CHARSET_SNIFFED, "<p>onetwo</p><p>three</p>" },
	{ "NUL bytes in windows-1252", B("<p>caf\xe9\0!</p>"), NULL,
	  "windows-1252", HTML_CHARSET_SNIFFED, "<p>café!</p>" },
	{ "NUL bytes via iconv", B("<meta charset=koi8-r>\xf0\0\xd2"), NULL,
	  "koi8-r", HTML_CHARSET_META, "<meta charset=koi8-r>Пр" },
	{ "truncated UTF-8 at the end", B("<p>ok\xe2\x80"), "utf-8",
	  "utf-8", HTML_CHARSET_TRANSPORT, "<p>ok\xc3\xa2\xe2\x82\xac" },
	{ "empty", B(""), NULL, "utf-8", HTML_CHARSET_SNIFFED, "" },
};
#define NCASES (sizeof cases / sizeof cases[0])

/* Check detection and decoding of every case in the table. */
static void
test_cases(void)
{
	for (size_t i = 0; i < NCASES; i++) {
		const struct detect_case *c = &cases[i];
		struct html_charset cs;
		html_detect_charset(c->bytes, c->len, c->transport, &cs);
		if (strcmp(cs.name, c->name) != 0 || cs.origin != c->origin)
			fprintf(stderr, "case: %s\n", c->what);
		CHECK_STR(cs.name, c->name);
		CHECK_INT(cs.origin, c->origin);
		size_t n = 0;
		char *out = html_to_utf8(c->bytes, c->len, c->transport, &n);
		if (strcmp(out, c->want) != 0)
			fprintf(stderr, "case: %s\n", c->what);
		CHECK_STR(out, c->want);
		CHECK_INT(n, strlen(c->want));
		free(out);
	}
}

/* Check label canonicalisation. */
static void
test_canonical(void)
{
	char out[HTML_CHARSET_NAME_MAX];
	CHECK_STR(html_charset_canonical("UTF8", out), "utf-8");
	CHECK_STR(html_charset_canonical(" Latin1 ", out), "windows-1252");
	CHECK_STR(html_charset_canonical("'ISO-8859-1'", out), "windows-1252");
	CHECK_STR(html_charset_canonical("euc-kr", out), "cp949");
	CHECK_STR(html_charset_canonical("ISO-8859-5", out), "iso-8859-5");
	CHECK(html_charset_canonical("no-such-charset", out) == NULL);
	CHECK(html_charset_canonical("utf-8//TRANSLIT", out) == NULL);
	CHECK(html_charset_canonical("", out) == NULL);
	CHECK(html_charset_canonical(NULL, out) == NULL);
}

/* Return the text content of the first element named tag, newly allocated. */
static char *
first_text(htmlDocPtr doc, const char *tag)
{
	xmlNode *n = xmlDocGetRootElement(doc);
	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, tag) == 0) {
			xmlChar *t = xmlNodeGetContent(n);
			char *s = strdup((const char *)t);
			xmlFree(t);
			return s;
		}
		if (n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != NULL && n->next == NULL)
			n = n->parent;
		if (n != NULL)
			n = n->next;
	}
	return strdup("");
}

/* Check that html_parse decodes once, keeps going past NULs and the base URL. */
static void
test_parse(void)
{
	static const struct {
		const char *what;
		const char *bytes;
		size_t len;
		const char *transport;
		const char *want;
	} pages[] = {
		{ "transport UTF-8 beats a stale meta",
		  B("<html><head><meta charset=iso-8859-1></head><body><p>caf\xc3\xa9</p></body></html>"),
		  "utf-8", "café" },
		{ "a later meta does not re-decode",
		  B("<html><head><meta charset=windows-1252><meta charset=koi8-r></head><body><p>\x93q\x94</p></body></html>"),
		  NULL, "“q”" },
		{ "declared UTF-8 holding windows-1252",
		  B("<html><head><meta charset=\"utf-8\"></head><body><p>It\x92s \x93" "fine\x94.</p></body></html>"),
		  NULL, "It’s “fine”." },
		{ "references to C1 controls mean windows-1252",
		  B("<html><body><p>&#147;Old&#148; &#x96 style&#X92;s &#0150; &#128;5 &#147x</p></body></html>"),
		  NULL, "“Old” – style’s – €5 “x" },
		{ "other references are left to libxml2",
		  B("<html><body><p>&#8220;a&#8221; &#x201C;b&#x201D; &#160;&amp;</p></body></html>"),
		  NULL, "“a” “b” \xc2\xa0&" },
		{ "NUL does not truncate",
		  B("<html><body><p>before\0after</p></body></html>"), NULL, "beforeafter" },
		{ "koi8-r",
		  B("<html><head><meta http-equiv=content-type content='text/html; charset=koi8-r'></head><body><p>\xf0\xd2\xc9\xd7\xc5\xd4</p></body></html>"),
		  NULL, "Привет" },
		{ "UTF-8 BOM",
		  B("\xef\xbb\xbf<html><body><p>na\xc3\xafve</p></body></html>"), NULL, "naïve" },
	};
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		char *err = NULL;
		htmlDocPtr doc = html_parse(pages[i].bytes, pages[i].len, pages[i].transport,
		    "https://example.org/a/", &err);
		CHECK(doc != NULL);
		if (doc == NULL) {
			fprintf(stderr, "page: %s: %s\n", pages[i].what, err);
			free(err);
			continue;
		}
		char *text = first_text(doc, "p");
		if (strcmp(text, pages[i].want) != 0)
			fprintf(stderr, "page: %s\n", pages[i].what);
		CHECK_STR(text, pages[i].want);
		CHECK_STR((const char *)doc->URL, "https://example.org/a/");
		free(text);
		xmlFreeDoc(doc);
	}
	char *err = NULL;
	CHECK(html_parse("", 0, NULL, NULL, &err) == NULL);
	CHECK(err != NULL);
	free(err);
}

/* Random bytes through every decoder always come out well-formed UTF-8 with
 * no NUL inside. */
static void
test_random(void)
{
	static const char *transports[] = { NULL, "utf-8", "windows-1252", "koi8-r", "shift_jis",
		"utf-16le", "gb2312", "euc-jp" };
	uint32_t seed = 12345;
	char buf[512];
	int bad = 0;
	for (int round = 0; round < 400; round++) {
		size_t n = (size_t)(round * 7 % (int)sizeof buf);
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			buf[i] = (char)(seed >> 16);
		}
		const char *t = transports[round % (sizeof transports / sizeof transports[0])];
		size_t len = 0;
		char *out = html_to_utf8(buf, n, t, &len);
		if (!utf8_valid(out, len) || strlen(out) != len)
			bad++;
		free(out);
	}
	CHECK_INT(bad, 0);
}

int
main(void)
{
	test_cases();
	test_canonical();
	test_parse();
	test_random();
	return test_done("test_html");
}
