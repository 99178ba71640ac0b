/* url.c — URL identity. A URL's key is a canonical spelling of it in which
 * the differences that do not change the page are gone: scheme and host case,
 * default ports, "www.", fragments, trailing slashes, tracking parameters and
 * percent-escape spelling. The key is built in one pass over the parts of the
 * URL; every rewrite produces text the next pass leaves alone, which is what
 * makes url_key idempotent (tests/fuzz/fuzz_url.c checks it). */
#include "url.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

/* Query parameters that only say where a reader came from. Names are
 * compared without regard to case, after percent-escapes are normalised. */
static const char *const tracking_names[] = {
	"fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
	"cmp", "cmpid", "mc_cid", "mc_eid", "_ga", "_gl", "igshid", "ref_src", "ref_url",
	"_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv",
	"wickedid", "s_cid", "at_medium", "at_campaign", "ito", "spm", "si",
};

/* Prefixes of tracking parameter names (utm_source, utm_medium, …). */
static const char *const tracking_prefixes[] = { "utm_", "pk_", "mtm_", "hsa_" };

/* Path extensions that name a file rather than a page. */
static const char *const file_extensions[] = {
	"pdf", "doc", "docx", "odt", "rtf", "epub", "mobi", "ps", "djvu", "xls", "xlsx", "ods",
	"csv", "ppt", "pptx", "odp", "key",
	"png", "jpg", "jpeg", "gif", "webp", "svg", "bmp", "tif", "tiff", "ico", "avif", "heic",
	"zip", "gz", "tgz", "bz2", "xz", "zst", "7z", "rar", "tar", "dmg", "iso", "deb", "rpm",
	"mp3", "ogg", "oga", "opus", "wav", "flac", "m4a", "aac",
	"mp4", "m4v", "mkv", "webm", "mov", "avi", "wmv", "mpg", "mpeg",
	"exe", "msi", "apk", "bin", "jar", "json", "xml", "rss", "atom", "txt", "ics",
	"css", "js", "woff", "woff2", "ttf", "otf",
};

/* ASCII lower case of c. */
static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
}

/* Value of hex digit c, or -1. */
static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = lower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Whether byte c is unreserved in RFC 3986 (never needs an escape). */
static bool
unreserved(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	    c == '-' || c == '.' || c == '_' || c == '~';
}

/* Append s[0..n) to out with escapes normalised: %xx of an unreserved byte
 * decoded, other escapes in upper case, bytes that may not appear in a URL
 * (controls, space, non-ASCII, a '%' that starts no escape) escaped. */
static void
put_normalised(struct buf *out, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '%' && i + 2 < n && hexval(s[i + 1]) >= 0 &&
		    hexval(s[i + 2]) >= 0) {
			unsigned char v = (unsigned char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
			if (unreserved(v)) {
				buf_putc(out, (char)v);
			} else {
				char esc[3] = { '%', hex[v >> 4], hex[v & 15] };
				buf_append(out, esc, 3);
			}
			i += 2;
		} else if (c <= 0x20 || c >= 0x7f || c == '%') {
			/* A '%' that starts no escape is written %25, or a decoded
			 * digit after it could make one on the next pass. */
			char esc[3] = { '%', hex[c >> 4], hex[c & 15] };
			buf_append(out, esc, 3);
		} else {
			buf_putc(out, (char)c);
		}
	}
}

/* Length of the scheme at the start of s when "scheme://" follows, else 0. */
static size_t
scheme_length(const char *s)
{
	size_t i = 0;
	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
		return 0;
	while ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
	    (s[i] >= '0' && s[i] <= '9') || s[i] == '+' || s[i] == '-' || s[i] == '.')
		i++;
	return strncmp(s + i, "://", 3) == 0 ? i : 0;
}

/* Whether the query parameter name[0..n) (already normalised) tracks. */
static bool
tracking_param(const char *name, size_t n)
{
	for (size_t i = 0; i < sizeof tracking_names / sizeof tracking_names[0]; i++) {
		const char *t = tracking_names[i];
		if (strlen(t) == n && strncasecmp(name, t, n) == 0)
			return true;
	}
	for (size_t i = 0; i < sizeof tracking_prefixes / sizeof tracking_prefixes[0]; i++) {
		size_t pl = strlen(tracking_prefixes[i]);
		if (n >= pl && strncasecmp(name, tracking_prefixes[i], pl) == 0)
			return true;
	}
	return false;
}

/* Append the query q[0..n) to out without its tracking and empty parameters,
 * with '?' in front when anything is left. */
static void
put_query(struct buf *out, const char *q, size_t n)
{
	bool first = true;
	struct buf param = {0};
	size_t i = 0;
	while (i <= n) {
		size_t j = i;
		while (j < n && q[j] != '&')
			j++;
		buf_truncate(&param, 0);
		put_normalised(&param, q + i, j - i);
		if (param.len > 0) {
			size_t name = strcspn(buf_str(&param), "=");
			if (!tracking_param(buf_str(&param), name)) {
				buf_putc(out, first ? '?' : '&');
				buf_append(out, param.data, param.len);
				first = false;
			}
		}
		i = j + 1;
	}
	buf_free(&param);
}

/* Append the authority a[0..n) to out: host lower-cased, leading "www."
 * labels and the scheme's default port dropped. */
static void
put_authority(struct buf *out, const char *scheme, const char *a, size_t n)
{
	const char *at = NULL;
	/* The last '@' ends the user information. */
	for (const char *p = a; p < a + n; p++)
		if (*p == '@')
			at = p;
	if (at != NULL) {
		put_normalised(out, a, (size_t)(at - a) + 1);
		n -= (size_t)(at - a) + 1;
		a = at + 1;
	}
	size_t hostlen = n;
	const char *port = NULL;
	const char *close = n > 0 && a[0] == '[' ? memchr(a, ']', n) : NULL;
	if (close != NULL) {
		hostlen = (size_t)(close - a) + 1;
		if (hostlen < n && a[hostlen] == ':')
			port = a + hostlen + 1;
	} else {
		const char *colon = memchr(a, ':', n);
		if (colon != NULL) {
			hostlen = (size_t)(colon - a);
			port = colon + 1;
		}
	}
	/* Normalise and lower-case first, so that "www." spelt with escapes or
	 * capitals goes too, and a second pass finds nothing left to do. */
	struct buf host = {0};
	put_normalised(&host, a, hostlen);
	for (size_t i = 0; i < host.len; i++)
		host.data[i] = lower(host.data[i]);
	const char *h = buf_str(&host);
	size_t hl = host.len;
	/* "www." goes only while a dotted name is left (www.com stays), and
	 * never before a '[', which would make the rest read as an IPv6
	 * address on the next pass. */
	while (hl > 4 && strncmp(h, "www.", 4) == 0 && memchr(h + 4, '.', hl - 4) != NULL &&
	    h[4] != '[') {
		h += 4;
		hl -= 4;
	}
	buf_append(out, h, hl);
	buf_free(&host);
	if (port != NULL) {
		struct buf pb = {0};
		put_normalised(&pb, port, (size_t)(a + n - port));
		const char *pp = buf_str(&pb);
		size_t plen = pb.len;
		/* Leading zeros do not change a port. */
		while (plen > 1 && pp[0] == '0') {
			pp++;
			plen--;
		}
		bool dflt = plen == 0 || (strcmp(scheme, "http") == 0 && plen == 2 &&
		    memcmp(pp, "80", 2) == 0) || (strcmp(scheme, "https") == 0 && plen == 3 &&
		    memcmp(pp, "443", 3) == 0);
		if (!dflt) {
			buf_putc(out, ':');
			buf_append(out, pp, plen);
		}
		buf_free(&pb);
	}
}

/* Build the identity key of url. */
char *
url_key(const char *url)
{
	if (url == NULL)
		return NULL;
	while (*url == ' ' || *url == '\t' || *url == '\n' || *url == '\r' || *url == '\f')
		url++;
	size_t len = strcspn(url, "#");
	while (len > 0 && (url[len - 1] == ' ' || url[len - 1] == '\t' || url[len - 1] == '\n' ||
	    url[len - 1] == '\r' || url[len - 1] == '\f'))
		len--;
	size_t sl = scheme_length(url);
	if (sl == 0 || sl >= len)
		return xstrndup(url, len);
	struct buf out = {0};
	for (size_t i = 0; i < sl; i++)
		buf_putc(&out, lower(url[i]));
	char *scheme = xstrdup(buf_str(&out));
	buf_puts(&out, "://");
	const char *p = url + sl + 3, *end = url + len;
	size_t alen = 0;
	while (p + alen < end && p[alen] != '/' && p[alen] != '?')
		alen++;
	put_authority(&out, scheme, p, alen);
	p += alen;
	size_t plen = 0;
	while (p + plen < end && p[plen] != '?')
		plen++;
	size_t path_start = out.len;
	put_normalised(&out, p, plen);
	while (out.len > path_start + 1 && out.data[out.len - 1] == '/')
		buf_truncate(&out, out.len - 1);
	if (out.len == path_start)
		buf_putc(&out, '/');
	p += plen;
	if (p < end)
		put_query(&out, p + 1, (size_t)(end - p - 1));
	free(scheme);
	return buf_detach(&out);
}

/* Whether a and b have the same key. */
bool
url_same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return false;
	char *ka = url_key(a), *kb = url_key(b);
	bool same = strcmp(ka, kb) == 0;
	free(ka);
	free(kb);
	return same;
}

/* Whether url is absolute http(s) with a host. */
bool
url_is_http(const char *url)
{
	if (url == NULL)
		return false;
	size_t skip;
	if (strncasecmp(url, "http://", 7) == 0)
		skip = 7;
	else if (strncasecmp(url, "https://", 8) == 0)
		skip = 8;
	else
		return false;
	const char *host = url + skip;
	const char *at = NULL;
	size_t alen = strcspn(host, "/?#");
	for (size_t i = 0; i < alen; i++)
		if (host[i] == '@')
			at = host + i;
	if (at != NULL) {
		alen -= (size_t)(at + 1 - host);
		host = at + 1;
	}
	for (size_t i = 0; i < alen; i++)
		if ((unsigned char)host[i] <= 0x20)
			return false;
	return alen > 0 && host[0] != ':';
}

/* Whether url's last path segment has a file extension from the table. */
bool
url_is_file(const char *url)
{
	if (url == NULL)
		return false;
	size_t sl = scheme_length(url);
	const char *p = url + (sl ? sl + 3 : 0);
	if (sl)
		p += strcspn(p, "/?#");
	size_t plen = strcspn(p, "?#");
	while (plen > 0 && p[plen - 1] == '/')
		plen--;
	size_t dot = plen;
	while (dot > 0 && p[dot - 1] != '.' && p[dot - 1] != '/')
		dot--;
	if (dot == 0 || p[dot - 1] != '.')
		return false;
	size_t elen = plen - dot;
	for (size_t i = 0; i < sizeof file_extensions / sizeof file_extensions[0]; i++)
		if (strlen(file_extensions[i]) == elen &&
		    strncasecmp(p + dot, file_extensions[i], elen) == 0)
			return true;
	return false;
}

/* Whether url is an http(s) page rather than a file. */
bool
url_is_page(const char *url)
{
	return url_is_http(url) && !url_is_file(url);
}

/* Whether url points into the page at base. */
bool
url_is_same_page(const char *url, const char *base)
{
	if (url == NULL)
		return false;
	if (url[0] == '#')
		return true;
	return base != NULL && url_same(url, base);
}

char *
url_fragment_decode(const char *s)
{
	char *out = xmalloc(strlen(s) + 1), *o = out;
	for (; *s != '\0'; s++) {
		if (s[0] == '%' && isxdigit((unsigned char)s[1]) && isxdigit((unsigned char)s[2])) {
			char hex[3] = { s[1], s[2], '\0' };
			*o++ = (char)strtol(hex, NULL, 16);
			s += 2;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
	return out;
}
