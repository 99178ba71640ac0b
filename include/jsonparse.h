/* jsonparse.h — a small, bounded JSON reader for the JSON-LD that pages
 * embed in <script type="application/ld+json">. It builds a tree of values,
 * refuses input nested deeper than JSONPARSE_MAX_DEPTH or holding more than
 * JSONPARSE_MAX_NODES values, and tolerates what pages get wrong: raw
 * control characters in strings, trailing commas, comment and CDATA
 * wrappers, several top-level values in a row. */
#ifndef QUIRE_JSONPARSE_H
#define QUIRE_JSONPARSE_H

#include <stdbool.h>
#include <stddef.h>

#define JSONPARSE_MAX_DEPTH 64
#define JSONPARSE_MAX_NODES 100000
#define JSONPARSE_MAX_INPUT (4u << 20)

typedef enum jtype {
	JSON_NULL,
	JSON_BOOL,
	JSON_NUMBER,
	JSON_STRING,
	JSON_ARRAY,
	JSON_OBJECT,
} jtype;

struct jmember;

/* One value. Strings are valid UTF-8 (ill-formed bytes and lone surrogates
 * become U+FFFD) and may hold U+0000 only as the escape was dropped: a
 * "\u0000" escape is skipped, so every string is a C string. A number keeps
 * its source text in str as well. */
struct jvalue {
	jtype type;
	bool boolean;
	double number;
	char *str;                  /* JSON_STRING, JSON_NUMBER */
	struct jvalue **items;      /* JSON_ARRAY */
	struct jmember *members;    /* JSON_OBJECT, in source order */
	size_t n;                   /* items or members */
};

struct jmember {
	char *key;
	struct jvalue *value;
};

/* Parse s[0..len). Several top-level values (separated by white space,
 * commas or semicolons) come back wrapped in one array. Returns a newly
 * allocated tree to free with jsonparse_free, or NULL with *errp set when the
 * input holds no value or breaks a bound; text after the last complete value
 * is ignored. */
struct jvalue *jsonparse(const char *s, size_t len, char **errp);
void jsonparse_free(struct jvalue *v);   /* jsonparse_free(NULL) does nothing */

/* The value of member key in object v (the first, when repeated), or NULL
 * when v is not an object or lacks it. Points into v. */
const struct jvalue *jsonparse_get(const struct jvalue *v, const char *key);
/* v's text when v is a string, else NULL. Points into v. */
const char *jsonparse_str(const struct jvalue *v);
/* The string member key of object v, or NULL. Points into v. */
const char *jsonparse_get_str(const struct jvalue *v, const char *key);

#endif
