/* names.c — text clean-ups the metadata stage applies to what pages give:
 * character references left encoded, bylines ("By Jane Doe on March 3"),
 * handles, URLs and logins where a name belongs, separators around titles. */
#include "names.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "text.h"
#include "util.h"

/* Drop "@handle" words from an author name that has other words, in place:
 * "Jane Doe @janedoe" becomes "Jane Doe". */
void
meta_drop_handles(char *v)
{
	if (strchr(v, '@') == NULL || strchr(v, ' ') == NULL)
		return;
	char *out = v;
	for (char *p = v; *p; ) {
		char *w = p;
		while (*p && *p != ' ')
			p++;
		size_t len = (size_t)(p - w);
		if (*w != '@') {
			if (out != v)
				*out++ = ' ';
			memmove(out, w, len);
			out += len;
		}
		while (*p == ' ')
			p++;
	}
	*out = '\0';
}

/* Return a newly allocated copy of s with HTML character references decoded
 * (JSON-LD and <title> text sometimes carry them still encoded). */
char *
meta_decode_entities(const char *s)
{
	if (strchr(s, '&') == NULL)
		return xstrdup(s);
	struct buf b = {0};
	while (*s) {
		if (*s != '&') {
			buf_putc(&b, *s++);
			continue;
		}
		const char *semi = strchr(s, ';');
		size_t len = semi ? (size_t)(semi - s) : 0;
		uint32_t cp = 0;
		if (semi && len >= 3 && len <= 10 && s[1] == '#') {
			char *end;
			unsigned long v = (s[2] == 'x' || s[2] == 'X') ? strtoul(s + 3, &end, 16) : strtoul(s + 2, &end, 10);
			if (end == semi && v > 0 && v <= 0x10ffff)
				cp = (uint32_t)v;
		} else if (semi && len >= 2 && len <= 32) {
			char name[33];
			memcpy(name, s + 1, len - 1);
			name[len - 1] = '\0';
			const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
			if (e != NULL)
				cp = e->value;
		}
		if (cp == 0) {
			buf_putc(&b, *s++);
			continue;
		}
		char enc[4];
		buf_append(&b, enc, utf8_encode(cp, enc));
		s = semi + 1;
	}
	return buf_detach(&b);
}

/* Whether s looks like a URL rather than a name. */
bool
meta_is_url(const char *s)
{
	return text_starts_with_ci(s, "http:") || text_starts_with_ci(s, "https:") ||
	    text_starts_with_ci(s, "www.") || strstr(s, "://") != NULL ||
	    (strchr(s, '/') != NULL && strchr(s, ' ') == NULL);
}

/* Whether an author string is noise: a URL, a login, a handle or an address. */
bool
meta_author_is_noise(const char *s)
{
	static const char *const logins[] = {
		"admin", "administrator", "webmaster", "root", "user", "guest", "editor",
		"author", "unknown", "anonymous", "null", "wordpress",
	};
	if (meta_is_url(s) || s[0] == '@' || strchr(s, '@') != NULL)
		return true;
	for (size_t i = 0; i < sizeof logins / sizeof logins[0]; i++)
		if (text_eq_ci(s, logins[i]))
			return true;
	bool digits = true;
	for (const char *p = s; *p; p++)
		if (!isdigit((unsigned char)*p))
			digits = false;
	return digits || strlen(s) > 120;
}

/* Whether an author string looks like a login ("jdoe", "jane.doe",
 * "CC7567"): one word, with no capital letter or with a digit. A display
 * name ranks above it. */
bool
meta_author_is_login(const char *s)
{
	if (strchr(s, ' ') != NULL)
		return false;
	bool letter = false, digit = false;
	for (const char *p = s; *p; p++) {
		letter |= isalpha((unsigned char)*p) != 0;
		digit |= isdigit((unsigned char)*p) != 0;
	}
	if (letter && digit)
		return true;   /* "CC7567", "jane84": names hold no digits */
	for (const char *p = s; *p; p++)
		if (isupper((unsigned char)*p) || (unsigned char)*p >= 0x80)
			return false;
	return true;
}

/* Return a newly allocated author name from byline text: "By Jane Doe on
 * March 3" becomes "Jane Doe". NULL when nothing name-like is left. */
char *
meta_clean_byline(const char *text)
{
	/* Byline lead-ins; the short foreign ones only in lower case, so that
	 * "Di Stefano" or "Von Arx" keep their first word. */
	static const struct { const char *text; bool any_case; } prefixes[] = {
		{ "view all posts by", true }, { "all posts by", true }, { "more posts by", true },
		{ "posts by", true }, { "written by", true }, { "posted by", true }, { "published by", true },
		{ "story by", true }, { "words by", true }, { "authored by", true }, { "more from", true },
		{ "more by", true }, { "by:", true }, { "by", true }, { "author:", true }, { "author", true },
		{ "zeige alle beitr\xc3\xa4ge von", true }, { "alle beitr\xc3\xa4ge von", true },
		{ "beitr\xc3\xa4ge von", true }, { "artikel von", true }, { "alles von", true },
		{ "mehr von", true }, { "geschrieben von", true }, { "ver\xc3\xb6" "ffentlicht von", true },
		{ "autor:", true }, { "autorin:", true }, { "autor", true }, { "autorin", true }, { "von:", true },
		{ "publi\xc3\xa9 par", true }, { "escrito por", true }, { "publicado por", true },
		{ "scritto da", true }, { "von", false }, { "par", false }, { "por", false }, { "di", false },
		{ "door", false },
	};
	char *t = text_normalize(text);
	meta_trim_separators(t);
	char *s = t;
	for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
		const char *pre = prefixes[i].text;
		size_t k = strlen(pre);
		bool starts = prefixes[i].any_case ? text_starts_with_ci(s, pre) : strncmp(s, pre, k) == 0;
		if (starts && (s[k] == ' ' || pre[k - 1] == ':')) {
			s += k;
			while (*s == ' ')
				s++;
			break;
		}
	}
	static const char *const cuts[] = {
		" on ", " | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " \xe2\x80\xa2 ", " \xc2\xb7 ",
		" posted ", " published ", " updated ", " in ", " under ", "\n",
	};
	size_t end = strlen(s);
	for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
		const char *p = strstr(s, cuts[i]);
		if (p != NULL && (size_t)(p - s) < end)
			end = (size_t)(p - s);
	}
	while (end > 0 && strchr(" ,;:|", s[end - 1]) != NULL)
		end--;
	/* A byline cut off before its link: "Posted by Jo under <a>News</a>". */
	static const char *const tails[] = { " under", " in", " on", " am", " um", " at" };
	for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
		size_t k = strlen(tails[i]);
		if (end > k && strncmp(s + end - k, tails[i], k) == 0) {
			end -= k;
			break;
		}
	}
	char *out = NULL;
	if (end > 0 && end <= 80 && text_word_count(s) > 0) {
		char *name = xstrndup(s, end);
		if (text_word_count(name) <= 6)
			out = name;
		else
			free(name);
	}
	free(t);
	return out;
}

/* Trim separator marks standing apart (with a space between them and the
 * text) and space from both ends of t, in place: "Title |" loses its bar,
 * "«Quote»" keeps its guillemets. */
void
meta_trim_separators(char *t)
{
	static const char *const marks[] = {
		"|", "-", "\xe2\x80\x93", "\xe2\x80\x94", ":", "\xc2\xb7", "\xe2\x80\xa2", "\xc2\xbb", "\xe2\x80\xba",
		"\xc2\xab", "\xe2\x80\xb9", "/", "~", "//",
	};
	bool again = true;
	while (again && *t) {
		again = false;
		size_t n = strlen(t);
		if (t[n - 1] == ' ' || t[0] == ' ') {
			size_t s = 0;
			while (t[s] == ' ')
				s++;
			while (n > s && t[n - 1] == ' ')
				n--;
			memmove(t, t + s, n - s);
			t[n - s] = '\0';
			again = true;
			continue;
		}
		for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
			size_t k = strlen(marks[i]);
			if (n == k && memcmp(t, marks[i], k) == 0) {
				t[0] = '\0';
				break;
			}
			if (n > k && memcmp(t + n - k, marks[i], k) == 0 && t[n - k - 1] == ' ') {
				t[n - k] = '\0';
				again = true;
				break;
			}
			if (n > k && memcmp(t, marks[i], k) == 0 && t[k] == ' ') {
				memmove(t, t + k, n - k + 1);
				again = true;
				break;
			}
		}
	}
}
