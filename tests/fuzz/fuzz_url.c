/* fuzz_url.c — URL identity (url.c). The input up to its first NUL is the
 * URL; after it, if present, a second URL for url_same. Properties: no crash;
 * url_key is idempotent (key(key(u)) == key(u)) and never longer than three
 * times its input plus a "/"; a key is url_same as its URL; url_same is
 * symmetric and agrees with comparing keys; url_is_page is url_is_http and
 * not url_is_file, and a URL and its key agree on url_is_http. */
#include "fuzz.h"
#include "url.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	size_t n = strlen(s);
	const char *other = n + 1 < size ? s + n + 1 : "https://example.com/";
	char *key = url_key(s);
	FUZZ_CHECK(key != NULL);
	FUZZ_CHECK(strlen(key) <= 3 * n + 1);
	char *again = url_key(key);
	if (strcmp(again, key) != 0) {
		fputs("url: ", stderr);
		fuzz_dump(s);
		fputs("key: ", stderr);
		fuzz_dump(key);
		fputs("key of key: ", stderr);
		fuzz_dump(again);
	}
	FUZZ_CHECK(strcmp(again, key) == 0);
	FUZZ_CHECK(url_same(s, key));
	bool same = url_same(s, other);
	FUZZ_CHECK(same == url_same(other, s));
	char *okey = url_key(other);
	FUZZ_CHECK(same == (strcmp(key, okey) == 0));
	FUZZ_CHECK(url_is_page(s) == (url_is_http(s) && !url_is_file(s)));
	FUZZ_CHECK(url_is_http(s) == url_is_http(key) || !url_is_http(s));
	(void)url_is_same_page(s, other);
	free(okey);
	free(again);
	free(key);
	free(s);
	return 0;
}
