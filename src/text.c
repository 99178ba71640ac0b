/* text.c — UTF-8 decoding and the text clean-ups every stage relies on. All
 * strings quire stores are valid UTF-8 without control characters; the
 * functions here are how they get that way. */
#include "text.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "util.h"

size_t
utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	size_t len;
	uint32_t c, min;
	if ((s[0] & 0xe0) == 0xc0) {
		len = 2; c = s[0] & 0x1f; min = 0x80;
	} else if ((s[0] & 0xf0) == 0xe0) {
		len = 3; c = s[0] & 0x0f; min = 0x800;
	} else if ((s[0] & 0xf8) == 0xf0) {
		len = 4; c = s[0] & 0x07; min = 0x10000;
	} else
		return 0;
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

size_t
utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = 0xfffd;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xc0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xe0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (unsigned char)(0xf0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
	o[3] = (unsigned char)(0x80 | (cp & 0x3f));
	return 4;
}

bool
utf8_valid(const char *s, size_t n)
{
	size_t i = 0;
	uint32_t cp;
	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (k == 0)
			return false;
		i += k;
	}
	return true;
}

bool
text_is_space(uint32_t cp)
{
	switch (cp) {
	case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
	case 0xa0: case 0x1680: case 0x202f: case 0x205f: case 0x3000:
	case 0x2028: case 0x2029: case 0xfeff:
		return true;
	}
	return cp >= 0x2000 && cp <= 0x200b;
}

static bool
is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
}

char *
text_normalize(const char *s)
{
	struct buf b = {0};
	size_t n = strlen(s), i = 0;
	bool pending_space = false;
	buf_reserve(&b, n);
	b.data[0] = '\0';
	while (i < n) {
		/* A run of printable ASCII is copied as it is: no byte of it is a
		 * space, a control or a joiner. */
		size_t j = i;
		while (j < n && (unsigned char)s[j] > 0x20 && (unsigned char)s[j] < 0x7f)
			j++;
		if (j > i) {
			if (pending_space)
				buf_putc(&b, ' ');
			pending_space = false;
			buf_append(&b, s + i, j - i);
			i = j;
			continue;
		}
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (k == 0) {
			cp = 0xfffd;
			k = 1;
		}
		if (text_is_space(cp)) {
			pending_space = b.len > 0;
		} else if (!is_control(cp) && cp != 0x200c && cp != 0x200d && cp != 0xad) {
			char enc[4];
			if (pending_space)
				buf_putc(&b, ' ');
			pending_space = false;
			buf_append(&b, enc, utf8_encode(cp, enc));
		} else if (cp == 0x200c || cp == 0x200d) {
			/* Joiners matter inside words of some scripts: keep them. */
			char enc[4];
			buf_append(&b, enc, utf8_encode(cp, enc));
		}
		i += k;
	}
	return buf_detach(&b);
}

char *
text_sanitize(const char *s, bool keep_newlines)
{
	struct buf b = {0};
	size_t n = strlen(s), i = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (k == 0) {
			cp = 0xfffd;
			k = 1;
		}
		i += k;
		if (is_control(cp)) {
			if (keep_newlines && (cp == '\n' || cp == '\t'))
				buf_putc(&b, (char)cp);
			continue;
		}
		char enc[4];
		buf_append(&b, enc, utf8_encode(cp, enc));
	}
	return buf_detach(&b);
}

/* Non-ASCII letters without a locale: everything but spaces and the
 * punctuation blocks counts as part of a word. */
static bool
is_word_char(uint32_t cp)
{
	if (text_is_space(cp) || is_control(cp))
		return false;
	if (cp >= 0xa1 && cp <= 0xbf && cp != 0xaa && cp != 0xb5 && cp != 0xba)
		return false;
	if (cp == 0xd7 || cp == 0xf7)
		return false;
	if (cp >= 0x2000 && cp <= 0x2bff)
		return false;
	if (cp >= 0x3000 && cp <= 0x303f)
		return false;
	return true;
}

size_t
text_word_count(const char *s)
{
	size_t n = strlen(s), i = 0, words = 0;
	bool in_word = false;
	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (k == 0) {
			cp = 0xfffd;
			k = 1;
		}
		i += k;
		if (in_word && (cp == '\'' || cp == 0x2019))
			continue;   /* an apostrophe inside a word does not end it */
		bool w = cp < 0x80 ? isalnum((int)cp) != 0 : is_word_char(cp);
		if (w && !in_word)
			words++;
		in_word = w;
	}
	return words;
}

bool
text_starts_with_ci(const char *s, const char *prefix)
{
	return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

bool
text_eq_ci(const char *a, const char *b)
{
	return strcasecmp(a, b) == 0;
}

bool
text_contains_ci(const char *hay, const char *needle)
{
	return strcasestr(hay, needle) != NULL;
}

bool
text_has_word_ci(const char *s, const char *seps, const char *const *words, size_t count)
{
	for (const char *p = s; p != NULL && *p != '\0'; ) {
		size_t n = strcspn(p, seps);
		for (size_t i = 0; n > 0 && i < count; i++)
			if (strlen(words[i]) == n && strncasecmp(p, words[i], n) == 0)
				return true;
		p += n;
		p += strspn(p, seps);
	}
	return false;
}
