/* fuzz_text.c — the UTF-8 helpers every stored string passes through:
 * utf8_decode/utf8_encode, text_normalize, text_sanitize, text_word_count and
 * json_escape. The input up to its first NUL is the string. Properties:
 * outputs are well-formed UTF-8; normalize leaves no control character, no
 * white space but single inner U+0020, and is idempotent; sanitize leaves no
 * C0/C1 control but '\n' and '\t' (when asked) and is idempotent; a string
 * json_escape writes reads back through jsonparse as the same text (with
 * ill-formed bytes as U+FFFD). */
#include "fuzz.h"
#include "json.h"
#include "jsonparse.h"
#include "util.h"

/* Return s with every ill-formed byte replaced by U+FFFD (newly allocated). */
static char *
repair(const char *s)
{
	struct buf b = {0};
	size_t n = strlen(s), i = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (k == 0) {
			buf_puts(&b, "\xef\xbf\xbd");
			i++;
		} else {
			buf_append(&b, s + i, k);
			i += k;
		}
	}
	return buf_detach(&b);
}

static void
check_codec(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		uint32_t cp = 0;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (k == 0) {
			i++;
			continue;
		}
		FUZZ_CHECK(k <= 4 && k <= n - i);
		FUZZ_CHECK(cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff));
		char enc[4];
		FUZZ_CHECK(utf8_encode(cp, enc) == k);
		FUZZ_CHECK(memcmp(enc, s + i, k) == 0);
		i += k;
	}
}

static void
check_normalize(const char *s)
{
	char *out = text_normalize(s);
	size_t n = strlen(out);
	FUZZ_CHECK(utf8_valid(out, n));
	FUZZ_CHECK(!fuzz_has_control(out, n, ""));
	if (n > 0)
		FUZZ_CHECK(out[0] != ' ' && out[n - 1] != ' ');
	FUZZ_CHECK(strstr(out, "  ") == NULL);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(out + i, n - i, &cp);
		FUZZ_CHECK(k > 0);
		FUZZ_CHECK(cp == ' ' || !text_is_space(cp));
		i += k;
	}
	char *again = text_normalize(out);
	FUZZ_CHECK(strcmp(again, out) == 0);
	free(again);
	free(out);
}

static void
check_sanitize(const char *s, bool keep)
{
	char *out = text_sanitize(s, keep);
	size_t n = strlen(out);
	FUZZ_CHECK(utf8_valid(out, n));
	FUZZ_CHECK(!fuzz_has_control(out, n, keep ? "\n\t" : ""));
	char *again = text_sanitize(out, keep);
	FUZZ_CHECK(strcmp(again, out) == 0);
	free(again);
	free(out);
}

static void
check_escape(const char *s)
{
	struct buf b = {0};
	json_escape(&b, s);
	FUZZ_CHECK(b.len >= 2 && b.data[0] == '"' && b.data[b.len - 1] == '"');
	FUZZ_CHECK(utf8_valid(b.data, b.len));
	for (size_t i = 0; i < b.len; i++)
		FUZZ_CHECK((unsigned char)b.data[i] >= 0x20 && b.data[i] != 0x7f);
	char *err = NULL;
	struct jvalue *v = jsonparse(b.data, b.len, &err);
	FUZZ_CHECK(v != NULL);
	FUZZ_CHECK(v->type == JSON_STRING && v->str != NULL);
	char *want = repair(s);
	FUZZ_CHECK(strcmp(v->str, want) == 0);
	free(want);
	jsonparse_free(v);
	buf_free(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	check_codec(s, strlen(s));
	(void)utf8_valid((const char *)data, size);
	check_normalize(s);
	check_sanitize(s, true);
	check_sanitize(s, false);
	check_escape(s);
	(void)text_word_count(s);
	free(s);
	return 0;
}
