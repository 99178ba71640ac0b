/* jsonparse.c — a recursive-descent JSON reader for embedded JSON-LD. The
 * recursion is bounded by JSONPARSE_MAX_DEPTH and the tree by
 * JSONPARSE_MAX_NODES, so hostile input costs at most linear time and
 * bounded memory and stack. Every value is its own allocation owned by its
 * parent; jsonparse_free releases a whole tree. The reader is lenient where
 * pages are sloppy (raw control characters in strings, trailing commas,
 * comments, wrappers) and strict where leniency would misread (unterminated
 * strings and containers are errors). */
#include "jsonparse.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

struct reader {
	const char *s;
	size_t len, pos;
	size_t nodes;
	const char *error;
};

static struct jvalue *parse_value(struct reader *r, int depth);

/* Allocate a value of type t, counting it against the node bound. */
static struct jvalue *
new_value(struct reader *r, jtype t)
{
	if (++r->nodes > JSONPARSE_MAX_NODES) {
		r->error = "too many values";
		return NULL;
	}
	struct jvalue *v = xcalloc(1, sizeof *v);
	v->type = t;
	return v;
}

/* Skip white space and comments (slash-star, slash-slash, and the <!-- -->
 * and CDATA markers pages wrap scripts in). */
static void
skip_space(struct reader *r)
{
	while (r->pos < r->len) {
		const char *p = r->s + r->pos;
		size_t left = r->len - r->pos;
		char c = *p;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
			r->pos++;
		} else if (left >= 2 && p[0] == '/' && p[1] == '*') {
			const char *e = memmem(p + 2, left - 2, "*/", 2);
			r->pos = e ? (size_t)(e - r->s) + 2 : r->len;
		} else if (left >= 2 && p[0] == '/' && p[1] == '/') {
			const char *e = memchr(p, '\n', left);
			r->pos = e ? (size_t)(e - r->s) + 1 : r->len;
		} else if (left >= 4 && memcmp(p, "<!--", 4) == 0) {
			r->pos += 4;
		} else if (left >= 3 && memcmp(p, "-->", 3) == 0) {
			r->pos += 3;
		} else if (left >= 9 && memcmp(p, "<![CDATA[", 9) == 0) {
			r->pos += 9;
		} else if (left >= 3 && memcmp(p, "]]>", 3) == 0) {
			r->pos += 3;
		} else if (left >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
			r->pos += 3;   /* a byte-order mark */
		} else {
			break;
		}
	}
}

/* Read 4 hex digits at the reader's position into *cp. */
static bool
read_hex4(struct reader *r, uint32_t *cp)
{
	if (r->len - r->pos < 4)
		return false;
	uint32_t v = 0;
	for (int i = 0; i < 4; i++) {
		char c = r->s[r->pos + i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (uint32_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (uint32_t)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (uint32_t)(c - 'A' + 10);
		else
			return false;
	}
	r->pos += 4;
	*cp = v;
	return true;
}

/* Parse a string at the opening quote; returns a new C string or NULL. */
static char *
parse_string(struct reader *r)
{
	struct buf b = {0};
	r->pos++;   /* the opening quote */
	while (r->pos < r->len) {
		char c = r->s[r->pos];
		if (c == '"') {
			r->pos++;
			return buf_detach(&b);
		}
		if (c != '\\') {
			uint32_t cp;
			size_t k = (unsigned char)c < 0x80 ? 1 : utf8_decode(r->s + r->pos, r->len - r->pos, &cp);
			if (c == '\0') {
				r->pos++;
			} else if (k == 0) {
				buf_puts(&b, "\xef\xbf\xbd");
				r->pos++;
			} else {
				buf_append(&b, r->s + r->pos, k);
				r->pos += k;
			}
			continue;
		}
		if (++r->pos >= r->len)
			break;
		c = r->s[r->pos++];
		uint32_t cp;
		char enc[4];
		switch (c) {
		case 'b': buf_putc(&b, '\b'); break;
		case 'f': buf_putc(&b, '\f'); break;
		case 'n': buf_putc(&b, '\n'); break;
		case 'r': buf_putc(&b, '\r'); break;
		case 't': buf_putc(&b, '\t'); break;
		case 'u':
			if (!read_hex4(r, &cp)) {
				buf_puts(&b, "\xef\xbf\xbd");
				break;
			}
			if (cp >= 0xd800 && cp <= 0xdbff) {
				uint32_t lo;
				size_t save = r->pos;
				if (r->len - r->pos >= 2 && r->s[r->pos] == '\\' && r->s[r->pos + 1] == 'u') {
					r->pos += 2;
					if (read_hex4(r, &lo) && lo >= 0xdc00 && lo <= 0xdfff)
						cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
					else {
						r->pos = save;
						cp = 0xfffd;
					}
				} else
					cp = 0xfffd;
			} else if (cp >= 0xdc00 && cp <= 0xdfff)
				cp = 0xfffd;
			if (cp != 0)
				buf_append(&b, enc, utf8_encode(cp, enc));
			break;
		default:
			/* \" \\ \/ and, leniently, any other escaped character as itself. */
			if ((unsigned char)c < 0x80 && c != '\0')
				buf_putc(&b, c);
			else
				r->pos--;   /* let the main loop copy the UTF-8 sequence */
			break;
		}
	}
	buf_free(&b);
	r->error = "unterminated string";
	return NULL;
}

/* Parse a number, or a bare word (true, false, null). */
static struct jvalue *
parse_scalar(struct reader *r)
{
	static const struct { const char *word; jtype type; bool val; } words[] = {
		{ "true", JSON_BOOL, true }, { "false", JSON_BOOL, false }, { "null", JSON_NULL, false },
	};
	size_t left = r->len - r->pos;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t k = strlen(words[i].word);
		if (left >= k && memcmp(r->s + r->pos, words[i].word, k) == 0) {
			struct jvalue *v = new_value(r, words[i].type);
			if (v != NULL) {
				v->boolean = words[i].val;
				r->pos += k;
			}
			return v;
		}
	}
	size_t start = r->pos;
	while (r->pos < r->len && strchr("+-0123456789.eE", r->s[r->pos]) != NULL && r->s[r->pos] != '\0')
		r->pos++;
	if (r->pos == start) {
		r->error = "unexpected character";
		return NULL;
	}
	struct jvalue *v = new_value(r, JSON_NUMBER);
	if (v != NULL) {
		v->str = xstrndup(r->s + start, r->pos - start);
		v->number = strtod(v->str, NULL);
	}
	return v;
}

/* Parse an array at '['. */
static struct jvalue *
parse_array(struct reader *r, int depth)
{
	struct jvalue *v = new_value(r, JSON_ARRAY);
	if (v == NULL)
		return NULL;
	size_t cap = 0;
	r->pos++;
	for (;;) {
		skip_space(r);
		if (r->pos >= r->len)
			break;
		char c = r->s[r->pos];
		if (c == ']') {
			r->pos++;
			return v;
		}
		if (c == ',') {   /* separators, including stray and trailing ones */
			r->pos++;
			continue;
		}
		struct jvalue *item = parse_value(r, depth + 1);
		if (item == NULL)
			goto fail;
		if (v->n == cap) {
			cap = cap ? cap * 2 : 4;
			v->items = xreallocarray(v->items, cap, sizeof *v->items);
		}
		v->items[v->n++] = item;
	}
	r->error = "unterminated array";
fail:
	jsonparse_free(v);
	return NULL;
}

/* Parse an object at '{'. */
static struct jvalue *
parse_object(struct reader *r, int depth)
{
	struct jvalue *v = new_value(r, JSON_OBJECT);
	if (v == NULL)
		return NULL;
	size_t cap = 0;
	r->pos++;
	for (;;) {
		skip_space(r);
		if (r->pos >= r->len)
			break;
		char c = r->s[r->pos];
		if (c == '}') {
			r->pos++;
			return v;
		}
		if (c == ',') {
			r->pos++;
			continue;
		}
		if (c != '"') {
			r->error = "expected a member name";
			goto fail;
		}
		char *key = parse_string(r);
		if (key == NULL)
			goto fail;
		skip_space(r);
		if (r->pos >= r->len || r->s[r->pos] != ':') {
			free(key);
			r->error = "expected ':'";
			goto fail;
		}
		r->pos++;
		struct jvalue *val = parse_value(r, depth + 1);
		if (val == NULL) {
			free(key);
			goto fail;
		}
		if (v->n == cap) {
			cap = cap ? cap * 2 : 4;
			v->members = xreallocarray(v->members, cap, sizeof *v->members);
		}
		v->members[v->n].key = key;
		v->members[v->n].value = val;
		v->n++;
	}
	r->error = "unterminated object";
fail:
	jsonparse_free(v);
	return NULL;
}

/* Parse any value at the reader's position; depth counts open containers. */
static struct jvalue *
parse_value(struct reader *r, int depth)
{
	if (depth > JSONPARSE_MAX_DEPTH) {
		r->error = "nested too deeply";
		return NULL;
	}
	skip_space(r);
	if (r->pos >= r->len) {
		r->error = "unexpected end of input";
		return NULL;
	}
	switch (r->s[r->pos]) {
	case '{':
		return parse_object(r, depth);
	case '[':
		return parse_array(r, depth);
	case '"': {
		char *s = parse_string(r);
		if (s == NULL)
			return NULL;
		struct jvalue *v = new_value(r, JSON_STRING);
		if (v == NULL) {
			free(s);
			return NULL;
		}
		v->str = s;
		return v;
	}
	default:
		return parse_scalar(r);
	}
}

struct jvalue *
jsonparse(const char *s, size_t len, char **errp)
{
	if (len > JSONPARSE_MAX_INPUT) {
		set_error(errp, "JSON too large");
		return NULL;
	}
	struct reader r = { .s = s, .len = len };
	struct jvalue *first = parse_value(&r, 0), *all = NULL;
	if (first == NULL)
		goto fail;
	for (;;) {
		skip_space(&r);
		while (r.pos < r.len && (r.s[r.pos] == ',' || r.s[r.pos] == ';')) {
			r.pos++;
			skip_space(&r);
		}
		if (r.pos >= r.len || (r.s[r.pos] != '{' && r.s[r.pos] != '['))
			break;
		struct jvalue *next = parse_value(&r, 1);
		if (next == NULL)
			break;   /* keep what was complete */
		if (all == NULL) {
			all = new_value(&r, JSON_ARRAY);
			if (all == NULL) {
				jsonparse_free(next);
				break;
			}
			all->items = xreallocarray(NULL, 2, sizeof *all->items);
			all->items[all->n++] = first;
		} else
			all->items = xreallocarray(all->items, all->n + 1, sizeof *all->items);
		all->items[all->n++] = next;
	}
	return all ? all : first;
fail:
	set_error(errp, "bad JSON at byte %zu: %s", r.pos, r.error ? r.error : "syntax error");
	return NULL;
}

void
jsonparse_free(struct jvalue *v)
{
	if (v == NULL)
		return;
	free(v->str);
	for (size_t i = 0; v->type == JSON_ARRAY && i < v->n; i++)
		jsonparse_free(v->items[i]);
	for (size_t i = 0; v->type == JSON_OBJECT && i < v->n; i++) {
		free(v->members[i].key);
		jsonparse_free(v->members[i].value);
	}
	free(v->items);
	free(v->members);
	free(v);
}

const struct jvalue *
jsonparse_get(const struct jvalue *v, const char *key)
{
	if (v == NULL || v->type != JSON_OBJECT)
		return NULL;
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->members[i].key, key) == 0)
			return v->members[i].value;
	return NULL;
}

const char *
jsonparse_str(const struct jvalue *v)
{
	return v != NULL && v->type == JSON_STRING ? v->str : NULL;
}

const char *
jsonparse_get_str(const struct jvalue *v, const char *key)
{
	return jsonparse_str(jsonparse_get(v, key));
}
