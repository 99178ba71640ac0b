/* json.h — a small streaming JSON writer into a struct buf. The caller lays
 * out objects and arrays; these helpers escape strings and place commas. */
#ifndef QUIRE_JSON_H
#define QUIRE_JSON_H

#include <stdbool.h>

#include "util.h"

/* Writer state: depth-indexed "first member" flags so commas come right. */
struct json {
	struct buf *out;
	int depth;
	bool first[64];
	bool pretty;
	bool after_key;
};

void json_init(struct json *j, struct buf *out, bool pretty);
void json_object_begin(struct json *j);
void json_object_end(struct json *j);
void json_array_begin(struct json *j);
void json_array_end(struct json *j);
/* Write a member key inside an object; the value follows with one of the
 * value functions below. */
void json_key(struct json *j, const char *key);
void json_string(struct json *j, const char *s);   /* NULL writes null */
void json_int(struct json *j, long long v);
void json_bool(struct json *j, bool v);
void json_null(struct json *j);
/* Shorthands for key + value. */
void json_kv_string(struct json *j, const char *key, const char *s);
void json_kv_int(struct json *j, const char *key, long long v);
/* Append s as a JSON string literal (quoted, escaped) to out. Ill-formed
 * UTF-8 becomes U+FFFD. */
void json_escape(struct buf *out, const char *s);

#endif
