/* fuzz_jsonparse.c — the JSON-LD reader (jsonparse). Properties: it returns
 * a tree or an error message, never both; the tree keeps the bounds (nodes,
 * depth); every string and key is well-formed UTF-8; jsonparse_get finds a
 * key's first member; and the tree written back out as JSON (keys and
 * strings through json_escape, numbers as their source text) reads back as
 * the same tree. */
#include "fuzz.h"
#include "json.h"
#include "jsonparse.h"
#include "util.h"

/* Check v and what it holds; count its values into *nodes and return how
 * deep its deepest value sits below it (0 for a scalar or empty container). */
static int
check_tree(const struct jvalue *v, size_t *nodes)
{
	FUZZ_CHECK(v != NULL);
	(*nodes)++;
	int deepest = 0;
	switch (v->type) {
	case JSON_NULL:
	case JSON_BOOL:
		break;
	case JSON_NUMBER:
		FUZZ_CHECK(v->str != NULL && v->str[0] != '\0');
		FUZZ_CHECK(utf8_valid(v->str, strlen(v->str)));
		break;
	case JSON_STRING:
		FUZZ_CHECK(v->str != NULL);
		FUZZ_CHECK(utf8_valid(v->str, strlen(v->str)));
		FUZZ_CHECK(jsonparse_str(v) == v->str);
		break;
	case JSON_ARRAY:
		FUZZ_CHECK(v->n == 0 || v->items != NULL);
		for (size_t i = 0; i < v->n; i++) {
			int d = check_tree(v->items[i], nodes) + 1;
			if (d > deepest)
				deepest = d;
		}
		return deepest;
	case JSON_OBJECT:
		FUZZ_CHECK(v->n == 0 || v->members != NULL);
		for (size_t i = 0; i < v->n; i++) {
			const char *key = v->members[i].key;
			FUZZ_CHECK(key != NULL && utf8_valid(key, strlen(key)));
			const struct jvalue *got = jsonparse_get(v, key);
			size_t first = 0;
			while (strcmp(v->members[first].key, key) != 0)
				first++;
			FUZZ_CHECK(got == v->members[first].value);
			int d = check_tree(v->members[i].value, nodes) + 1;
			if (d > deepest)
				deepest = d;
		}
		return deepest;
	default:
		FUZZ_CHECK(!"unknown value type");
	}
	return 0;
}

/* Write v as JSON to out. */
static void
write_tree(const struct jvalue *v, struct buf *out)
{
	switch (v->type) {
	case JSON_NULL: buf_puts(out, "null"); break;
	case JSON_BOOL: buf_puts(out, v->boolean ? "true" : "false"); break;
	case JSON_NUMBER: buf_puts(out, v->str); break;
	case JSON_STRING: json_escape(out, v->str); break;
	case JSON_ARRAY:
		buf_putc(out, '[');
		for (size_t i = 0; i < v->n; i++) {
			if (i > 0)
				buf_putc(out, ',');
			write_tree(v->items[i], out);
		}
		buf_putc(out, ']');
		break;
	case JSON_OBJECT:
		buf_putc(out, '{');
		for (size_t i = 0; i < v->n; i++) {
			if (i > 0)
				buf_putc(out, ',');
			json_escape(out, v->members[i].key);
			buf_putc(out, ':');
			write_tree(v->members[i].value, out);
		}
		buf_putc(out, '}');
		break;
	}
}

/* Whether trees a and b hold the same values. */
static bool
same_tree(const struct jvalue *a, const struct jvalue *b)
{
	if (a->type != b->type)
		return false;
	switch (a->type) {
	case JSON_NULL: return true;
	case JSON_BOOL: return a->boolean == b->boolean;
	case JSON_NUMBER:
	case JSON_STRING: return strcmp(a->str, b->str) == 0;
	case JSON_ARRAY:
		if (a->n != b->n)
			return false;
		for (size_t i = 0; i < a->n; i++)
			if (!same_tree(a->items[i], b->items[i]))
				return false;
		return true;
	case JSON_OBJECT:
		if (a->n != b->n)
			return false;
		for (size_t i = 0; i < a->n; i++)
			if (strcmp(a->members[i].key, b->members[i].key) != 0 ||
			    !same_tree(a->members[i].value, b->members[i].value))
				return false;
		return true;
	}
	return false;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *err = NULL;
	struct jvalue *v = jsonparse((const char *)data, size, &err);
	if (v == NULL) {
		FUZZ_CHECK(err != NULL && utf8_valid(err, strlen(err)));
		free(err);
		return 0;
	}
	FUZZ_CHECK(err == NULL);
	size_t nodes = 0;
	int depth = check_tree(v, &nodes);
	FUZZ_CHECK(nodes <= JSONPARSE_MAX_NODES);
	/* Values sit at depths 0..MAX_DEPTH, one more when several top-level
	 * values were wrapped in an array; only those within the bound can be
	 * read back. */
	FUZZ_CHECK(depth <= JSONPARSE_MAX_DEPTH + 1);
	FUZZ_CHECK(jsonparse_get(v, "@type") == NULL || v->type == JSON_OBJECT);

	if (depth <= JSONPARSE_MAX_DEPTH) {
		struct buf out = {0};
		write_tree(v, &out);
		struct jvalue *w = jsonparse(out.data, out.len, &err);
		if (w == NULL)
			fprintf(stderr, "re-read failed: %s\n", err);
		FUZZ_CHECK(w != NULL);
		FUZZ_CHECK(same_tree(v, w));
		jsonparse_free(w);
		buf_free(&out);
	}
	jsonparse_free(v);
	return 0;
}
