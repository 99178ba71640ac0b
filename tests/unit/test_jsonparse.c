/* test_jsonparse.c — the bounded JSON reader: values, escapes, the leniency
 * pages need (trailing commas, comments, wrappers, several values), the
 * bounds (depth, node count, size) and random hostile input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jsonparse.h"
#include "test.h"

/* Parse a C string; NULL on error (the message is freed). */
static struct jvalue *
parse(const char *s)
{
	char *err = NULL;
	struct jvalue *v = jsonparse(s, strlen(s), &err);
	if (v == NULL)
		CHECK(err != NULL);
	free(err);
	return v;
}

static void
test_values(void)
{
	struct jvalue *v = parse("{\"a\": [1, -2.5e3, true, false, null, \"x\"], \"b\": {\"c\": \"d\"}}");
	CHECK(v != NULL && v->type == JSON_OBJECT && v->n == 2);
	const struct jvalue *a = jsonparse_get(v, "a");
	CHECK(a != NULL && a->type == JSON_ARRAY && a->n == 6);
	if (a != NULL && a->n == 6) {
		CHECK(a->items[0]->type == JSON_NUMBER && a->items[0]->number == 1);
		CHECK(a->items[1]->number == -2500);
		CHECK_STR(a->items[1]->str, "-2.5e3");
		CHECK(a->items[2]->type == JSON_BOOL && a->items[2]->boolean);
		CHECK(a->items[3]->type == JSON_BOOL && !a->items[3]->boolean);
		CHECK(a->items[4]->type == JSON_NULL);
		CHECK_STR(jsonparse_str(a->items[5]), "x");
	}
	CHECK_STR(jsonparse_get_str(jsonparse_get(v, "b"), "c"), "d");
	CHECK(jsonparse_get(v, "missing") == NULL);
	CHECK(jsonparse_get_str(v, "a") == NULL);          /* not a string */
	CHECK(jsonparse_get(a, "a") == NULL);              /* not an object */
	jsonparse_free(v);
	jsonparse_free(NULL);

	v = parse("{\"k\": 1, \"k\": 2}");
	CHECK(v != NULL && jsonparse_get(v, "k")->number == 1);   /* first wins */
	jsonparse_free(v);
}

static void
test_escapes(void)
{
	struct jvalue *v = parse("\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\u2019\\ud83d\\ude00\"");
	CHECK_STR(jsonparse_str(v), "a\"b\\c/d\n\t\xc3\xa9\xe2\x80\x99\xf0\x9f\x98\x80");
	jsonparse_free(v);
	v = parse("\"lone \\ud800 high, lone \\udc00 low, bad \\uzzzz\"");
	CHECK_STR(jsonparse_str(v), "lone \xef\xbf\xbd high, lone \xef\xbf\xbd low, bad \xef\xbf\xbdzzzz");
	jsonparse_free(v);
	v = parse("\"nul \\u0000 dropped\"");
	CHECK_STR(jsonparse_str(v), "nul  dropped");
	jsonparse_free(v);
	v = parse("\"bad \xff byte, raw\nnewline, \\q unknown\"");
	CHECK_STR(jsonparse_str(v), "bad \xef\xbf\xbd byte, raw\nnewline, q unknown");
	jsonparse_free(v);
	/* A NUL byte inside the input does not end the string early. */
	char with_nul[] = "\"a\0b\"";
	struct jvalue *w = jsonparse(with_nul, sizeof with_nul - 1, NULL);
	CHECK_STR(jsonparse_str(w), "ab");
	jsonparse_free(w);
}

static void
test_lenient(void)
{
	struct jvalue *v = parse("<!--\n/*<![CDATA[*/ {\"a\": [1, 2, ], \"b\": 3,} /*]]>*/ -->");
	CHECK(v != NULL && v->type == JSON_OBJECT);
	CHECK(v != NULL && jsonparse_get(v, "a")->n == 2);
	jsonparse_free(v);
	v = parse("// a comment\n{\"a\": 1}");
	CHECK(v != NULL && jsonparse_get(v, "a") != NULL);
	jsonparse_free(v);
	v = parse("\xef\xbb\xbf{\"bom\": true}");
	CHECK(v != NULL && jsonparse_get(v, "bom") != NULL);
	jsonparse_free(v);
	/* Several top-level values become one array. */
	v = parse("{\"a\": 1}\n{\"b\": 2};[3]");
	CHECK(v != NULL && v->type == JSON_ARRAY && v->n == 3);
	jsonparse_free(v);
	/* A broken second value keeps the first. */
	v = parse("{\"a\": 1} {\"b\": ");
	CHECK(v != NULL && v->type == JSON_OBJECT);
	jsonparse_free(v);
	/* Text after the value is ignored. */
	v = parse("{\"a\": 1} trailing words");
	CHECK(v != NULL && v->type == JSON_OBJECT);
	jsonparse_free(v);
}

static void
test_errors(void)
{
	const char *bad[] = {
		"", "   ", "{", "[1, 2", "{\"a\" 1}", "{a: 1}", "\"open", "{\"a\": }", "@", "{\"a\": [}",
		"{\"a\":", "[\"x\\", "}",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct jvalue *v = parse(bad[i]);
		CHECK(v == NULL);
		jsonparse_free(v);
	}
}

/* Return a string of n opening brackets, a value, and n closing ones. */
static char *
nested(size_t n, char open, char close)
{
	char *s = malloc(2 * n + 2);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		s[k++] = open;
	s[k++] = '1';
	for (size_t i = 0; i < n; i++)
		s[k++] = close;
	s[k] = '\0';
	return s;
}

static void
test_bounds(void)
{
	char *s = nested(JSONPARSE_MAX_DEPTH, '[', ']');
	struct jvalue *v = parse(s);
	CHECK(v != NULL);
	jsonparse_free(v);
	free(s);
	s = nested(JSONPARSE_MAX_DEPTH + 2, '[', ']');
	CHECK(parse(s) == NULL);
	free(s);
	/* Very deep input: refused quickly, without exhausting the stack. */
	s = nested(1000000, '[', ']');
	CHECK(parse(s) == NULL);
	free(s);
	/* Deep objects. */
	size_t depth = 5000, k = 0;
	s = malloc(depth * 6 + 8);
	for (size_t i = 0; i < depth; i++) {
		memcpy(s + k, "{\"a\":", 5);
		k += 5;
	}
	s[k++] = '1';
	memset(s + k, '}', depth);
	k += depth;
	s[k] = '\0';
	CHECK(parse(s) == NULL);
	free(s);
	/* Too many values. */
	size_t n = JSONPARSE_MAX_NODES + 10;
	s = malloc(n * 2 + 3);
	k = 0;
	s[k++] = '[';
	for (size_t i = 0; i < n; i++) {
		s[k++] = '0';
		s[k++] = ',';
	}
	s[k++] = ']';
	s[k] = '\0';
	CHECK(parse(s) == NULL);
	free(s);
	/* Too large. */
	char *err = NULL;
	CHECK(jsonparse("{}", (size_t)JSONPARSE_MAX_INPUT + 1, &err) == NULL);
	CHECK(err != NULL);
	free(err);
}

/* A small deterministic generator for the random tests. */
static uint32_t
next_random(uint32_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 17;
	*state ^= *state << 5;
	return *state;
}

static void
test_random(void)
{
	static const char seed[] =
	    "{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"Article\",\"headline\":\"H\\u00e9\","
	    "\"author\":{\"@id\":\"#p\"},\"keywords\":[\"a\",\"b\"],\"n\":-1.5e2},{\"@id\":\"#p\",\"name\":\"N\"}]}";
	static const char alphabet[] = "{}[]\":,\\u0123456789abcdefnrtl -+.eE\xff\xc3\xa9/*<!->";
	uint32_t state = 0x9e3779b9;
	char buf[sizeof seed + 64];
	int survived = 0;
	for (int round = 0; round < 20000; round++) {
		size_t len = sizeof seed - 1;
		memcpy(buf, seed, len);
		int edits = 1 + (int)(next_random(&state) % 8);
		for (int e = 0; e < edits; e++) {
			size_t at = next_random(&state) % len;
			uint32_t op = next_random(&state) % 3;
			char c = alphabet[next_random(&state) % (sizeof alphabet - 1)];
			if (op == 0)
				buf[at] = c;
			else if (op == 1 && len > 1) {
				memmove(buf + at, buf + at + 1, len - at - 1);
				len--;
			} else if (len + 1 < sizeof buf) {
				memmove(buf + at + 1, buf + at, len - at);
				buf[at] = c;
				len++;
			}
		}
		if (round % 4 == 0)
			len = next_random(&state) % (len + 1);   /* truncated input */
		char *err = NULL;
		struct jvalue *v = jsonparse(buf, len, &err);
		jsonparse_free(v);
		free(err);
		survived++;
	}
	CHECK_INT(survived, 20000);
}

int
main(void)
{
	test_values();
	test_escapes();
	test_lenient();
	test_errors();
	test_bounds();
	test_random();
	return test_done("test_jsonparse");
}
