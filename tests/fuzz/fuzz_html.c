/* fuzz_html.c — decoding pages to UTF-8: html_detect_charset, html_to_utf8
 * and html_charset_canonical. The first input byte picks the transport
 * charset; the rest is the page. Properties: the detected name is a
 * canonical charset quire can decode, the byte-order mark lies inside the
 * input, and the decoded text is NUL-terminated, well-formed UTF-8 with no
 * NUL byte inside. */
#include "fuzz.h"
#include "html.h"

static const char *const charsets[] = {
	NULL, NULL, NULL, NULL, "utf-8", "UTF8", "windows-1252", "latin1",
	"utf-16le", "utf-16be", "utf-16", "shift_jis", "euc-jp", "gb18030",
	"koi8-r", "iso-2022-jp", "x-user-defined", "no-such-charset", "", "\"utf-8\"",
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const char *transport = charsets[data[0] % (sizeof charsets / sizeof charsets[0])];
	const char *page = (const char *)data + 1;
	size_t len = size - 1;

	struct html_charset cs;
	html_detect_charset(page, len, transport, &cs);
	FUZZ_CHECK(memchr(cs.name, '\0', sizeof cs.name) != NULL);
	FUZZ_CHECK(cs.name[0] != '\0');
	FUZZ_CHECK(cs.bom_len <= len && cs.bom_len <= 4);
	FUZZ_CHECK(cs.origin >= HTML_CHARSET_BOM && cs.origin <= HTML_CHARSET_SNIFFED);
	char canon[HTML_CHARSET_NAME_MAX];
	FUZZ_CHECK(html_charset_canonical(cs.name, canon) != NULL);
	FUZZ_CHECK(strcmp(canon, cs.name) == 0);

	size_t outlen = (size_t)-1;
	char *out = html_to_utf8(page, len, transport, &outlen);
	FUZZ_CHECK(out != NULL);
	FUZZ_CHECK(out[outlen] == '\0');
	FUZZ_CHECK(strlen(out) == outlen);
	FUZZ_CHECK(utf8_valid(out, outlen));
	free(out);

	/* The first line of the input read as a charset label. */
	size_t n = 0;
	while (n < len && n < 64 && page[n] != '\n')
		n++;
	char *label = fuzz_cstr((const uint8_t *)page, n);
	memset(canon, 0x55, sizeof canon);
	const char *c = html_charset_canonical(label, canon);
	if (c != NULL) {
		FUZZ_CHECK(c == canon);
		FUZZ_CHECK(memchr(canon, '\0', sizeof canon) != NULL && canon[0] != '\0');
		char again[HTML_CHARSET_NAME_MAX];
		FUZZ_CHECK(html_charset_canonical(canon, again) != NULL);
		FUZZ_CHECK(strcmp(again, canon) == 0);
	}
	free(label);
	return 0;
}
