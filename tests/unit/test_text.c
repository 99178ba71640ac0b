/* test_text.c — UTF-8 decoding, white-space folding, control stripping,
 * word counts and the JSON writer's escaping. */
#include <stdlib.h>

#include "json.h"
#include "test.h"
#include "text.h"

static void
test_decode(void)
{
	uint32_t cp = 0;
	CHECK_INT(utf8_decode("\xc3\xa9", 2, &cp), 2);
	CHECK_INT(cp, 0xe9);
	CHECK_INT(utf8_decode("\xe2\x80\x9c", 3, &cp), 3);
	CHECK_INT(cp, 0x201c);
	CHECK_INT(utf8_decode("\xc0\xaf", 2, &cp), 0);          /* overlong */
	CHECK_INT(utf8_decode("\xed\xa0\x80", 3, &cp), 0);      /* surrogate */
	CHECK_INT(utf8_decode("\xe2\x80", 2, &cp), 0);          /* truncated */
	CHECK_INT(utf8_decode("\xf4\x90\x80\x80", 4, &cp), 0);  /* > U+10FFFF */
	CHECK(utf8_valid("plain \xe2\x80\x94 dash", 14));
	CHECK(!utf8_valid("caf\xe9", 4));
}

static void
test_normalize(void)
{
	char *s = text_normalize("  a \t\n b\xc2\xa0\xc2\xa0" "c  ");
	CHECK_STR(s, "a b c");
	free(s);
	s = text_normalize("bell\x07 and \x1b[31mred\xc2\x9b");
	CHECK_STR(s, "bell and [31mred");
	free(s);
	s = text_normalize("bad \xff byte");
	CHECK_STR(s, "bad \xef\xbf\xbd byte");
	free(s);
	s = text_sanitize("line\none\x1b]0;title\x07", true);
	CHECK_STR(s, "line\none]0;title");
	free(s);
}

static void
test_words(void)
{
	CHECK_INT(text_word_count("It’s a test — of words, 2024."), 6);
	CHECK_INT(text_word_count(""), 0);
	CHECK_INT(text_word_count("Paweł Wójcik"), 2);
}

static void
test_json(void)
{
	struct buf b = {0};
	json_escape(&b, "q\"\\\n\x01\xe2\x80\xa8");
	CHECK_STR(buf_str(&b), "\"q\\\"\\\\\\n\\u0001\\u2028\"");
	buf_free(&b);
	struct json j;
	json_init(&j, &b, false);
	json_object_begin(&j);
	json_kv_string(&j, "a", "x");
	json_key(&j, "b");
	json_array_begin(&j);
	json_int(&j, 1);
	json_null(&j);
	json_array_end(&j);
	json_kv_string(&j, "c", NULL);
	json_object_end(&j);
	CHECK_STR(buf_str(&b), "{\"a\":\"x\",\"b\":[1,null],\"c\":null}");
	buf_free(&b);
}

int
main(void)
{
	test_decode();
	test_normalize();
	test_words();
	test_json();
	return test_done("text");
}
