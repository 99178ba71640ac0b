/* json.c — streaming JSON writer. Keeps, per nesting level, whether the next
 * value is the first so it can place commas; output is always valid JSON as
 * long as begin/end calls pair up. */
#include "json.h"

#include <stdio.h>
#include <string.h>

#include "text.h"

void
json_init(struct json *j, struct buf *out, bool pretty)
{
	j->out = out;
	j->depth = 0;
	j->first[0] = true;
	j->pretty = pretty;
	j->after_key = false;
}

static void
newline(struct json *j)
{
	if (!j->pretty)
		return;
	buf_putc(j->out, '\n');
	for (int i = 0; i < j->depth; i++)
		buf_puts(j->out, "  ");
}

/* Before any value: a comma unless first, nothing if it follows a key. */
static void
before_value(struct json *j)
{
	if (j->after_key) {
		j->after_key = false;
		return;
	}
	if (!j->first[j->depth])
		buf_putc(j->out, ',');
	j->first[j->depth] = false;
	if (j->depth > 0)
		newline(j);
}

static void
open(struct json *j, char c)
{
	before_value(j);
	buf_putc(j->out, c);
	if (j->depth + 1 >= (int)(sizeof j->first / sizeof j->first[0]))
		fatal("JSON nested too deep");
	j->depth++;
	j->first[j->depth] = true;
}

static void
close(struct json *j, char c)
{
	bool empty = j->first[j->depth];
	j->depth--;
	if (!empty)
		newline(j);
	buf_putc(j->out, c);
}

void json_object_begin(struct json *j) { open(j, '{'); }
void json_object_end(struct json *j) { close(j, '}'); }
void json_array_begin(struct json *j) { open(j, '['); }
void json_array_end(struct json *j) { close(j, ']'); }

void
json_key(struct json *j, const char *key)
{
	if (!j->first[j->depth])
		buf_putc(j->out, ',');
	j->first[j->depth] = false;
	newline(j);
	json_escape(j->out, key);
	buf_puts(j->out, j->pretty ? ": " : ":");
	j->after_key = true;
}

void
json_escape(struct buf *out, const char *s)
{
	size_t n = strlen(s), i = 0;
	buf_putc(out, '"');
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			switch (c) {
			case '"': buf_puts(out, "\\\""); break;
			case '\\': buf_puts(out, "\\\\"); break;
			case '\n': buf_puts(out, "\\n"); break;
			case '\r': buf_puts(out, "\\r"); break;
			case '\t': buf_puts(out, "\\t"); break;
			default:
				if (c < 0x20 || c == 0x7f)
					buf_printf(out, "\\u%04x", c);
				else
					buf_putc(out, (char)c);
			}
			i++;
			continue;
		}
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (k == 0) {
			buf_puts(out, "\xef\xbf\xbd");
			i++;
			continue;
		}
		if (cp == 0x2028 || cp == 0x2029)
			buf_printf(out, "\\u%04x", cp);
		else
			buf_append(out, s + i, k);
		i += k;
	}
	buf_putc(out, '"');
}

void
json_string(struct json *j, const char *s)
{
	before_value(j);
	if (s == NULL)
		buf_puts(j->out, "null");
	else
		json_escape(j->out, s);
}

void
json_int(struct json *j, long long v)
{
	before_value(j);
	buf_printf(j->out, "%lld", v);
}

void
json_bool(struct json *j, bool v)
{
	before_value(j);
	buf_puts(j->out, v ? "true" : "false");
}

void
json_null(struct json *j)
{
	before_value(j);
	buf_puts(j->out, "null");
}

void
json_kv_string(struct json *j, const char *key, const char *s)
{
	json_key(j, key);
	json_string(j, s);
}

void
json_kv_int(struct json *j, const char *key, long long v)
{
	json_key(j, key);
	json_int(j, v);
}
