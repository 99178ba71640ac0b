/* html.c — bytes to DOM. A page arrives as bytes in some encoding; this
 * module decides which (byte-order mark, transport charset, a prescan for
 * <meta>, a UTF-8 check, else windows-1252), turns the bytes into well-formed
 * UTF-8 with no NUL bytes, and hands that to libxml2 with the encoding forced
 * to UTF-8, so a <meta> inside the page cannot make it decode them again.
 *
 * "utf-8" here always means the lenient reading browsers' users expect of
 * pages that declare UTF-8 but hold windows-1252 bytes: each well-formed
 * sequence is UTF-8, each ill-formed byte is windows-1252, and the C1
 * controls U+0080–U+009F (windows-1252 text pushed through a latin1 → UTF-8
 * conversion) become the windows-1252 characters they stood for.
 *
 * Speed matters (this runs on every import): bytes that are already clean
 * UTF-8 are parsed in place, without a copy. */
#include "html.h"

#include <errno.h>
#include <iconv.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "text.h"
#include "util.h"

/* The HTML standard prescans 1024 bytes; real WordPress heads often put
 * <meta charset> after kilobytes of inline style, so look further. */
#define PRESCAN_BYTES 16384

#define PARSE_OPTIONS (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
	HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE | HTML_PARSE_COMPACT)

/* windows-1252 bytes 0x80–0x9F; the five undefined ones map to C1 controls,
 * as the Encoding Standard says. */
static const uint16_t cp1252_high[32] = {
	0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
	0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
};

/* Charset labels quire maps itself (after the Encoding Standard); any other
 * label is passed to iconv if iconv knows it. */
static const struct {
	const char *label;
	const char *name;
} charset_labels[] = {
	{ "utf-8", "utf-8" }, { "utf8", "utf-8" }, { "unicode-1-1-utf-8", "utf-8" },
	{ "unicode11utf8", "utf-8" }, { "unicode20utf8", "utf-8" }, { "x-unicode20utf8", "utf-8" },
	{ "windows-1252", "windows-1252" }, { "cp1252", "windows-1252" },
	{ "x-cp1252", "windows-1252" }, { "iso-8859-1", "windows-1252" },
	{ "iso8859-1", "windows-1252" }, { "iso88591", "windows-1252" },
	{ "iso_8859-1", "windows-1252" }, { "iso_8859-1:1987", "windows-1252" },
	{ "iso-ir-100", "windows-1252" }, { "latin1", "windows-1252" }, { "latin-1", "windows-1252" },
	{ "l1", "windows-1252" }, { "csisolatin1", "windows-1252" }, { "cp819", "windows-1252" },
	{ "ibm819", "windows-1252" }, { "us-ascii", "windows-1252" }, { "ascii", "windows-1252" },
	{ "ansi_x3.4-1968", "windows-1252" }, { "x-user-defined", "windows-1252" },
	{ "utf-16", "utf-16le" }, { "utf-16le", "utf-16le" }, { "unicode", "utf-16le" },
	{ "ucs-2", "utf-16le" }, { "csunicode", "utf-16le" }, { "iso-10646-ucs-2", "utf-16le" },
	{ "unicodefeff", "utf-16le" }, { "utf-16be", "utf-16be" }, { "unicodefffe", "utf-16be" },
	{ "iso-8859-9", "windows-1254" }, { "iso8859-9", "windows-1254" }, { "latin5", "windows-1254" },
	{ "l5", "windows-1254" }, { "tis-620", "windows-874" }, { "iso-8859-11", "windows-874" },
	{ "dos-874", "windows-874" }, { "gb2312", "gb18030" }, { "gbk", "gb18030" },
	{ "x-gbk", "gb18030" }, { "csgb2312", "gb18030" }, { "chinese", "gb18030" },
	{ "cp936", "gb18030" }, { "ms936", "gb18030" }, { "windows-936", "gb18030" },
	{ "big5", "big5-hkscs" }, { "x-x-big5", "big5-hkscs" }, { "cn-big5", "big5-hkscs" },
	{ "csbig5", "big5-hkscs" }, { "shift_jis", "cp932" }, { "shift-jis", "cp932" },
	{ "sjis", "cp932" }, { "x-sjis", "cp932" }, { "ms_kanji", "cp932" }, { "ms932", "cp932" },
	{ "csshiftjis", "cp932" }, { "windows-31j", "cp932" }, { "euc-kr", "cp949" },
	{ "cseuckr", "cp949" }, { "ks_c_5601-1987", "cp949" }, { "ksc5601", "cp949" },
	{ "korean", "cp949" }, { "windows-949", "cp949" }, { "x-euc-jp", "euc-jp" },
};
#define NLABELS (sizeof charset_labels / sizeof charset_labels[0])

/* What one pass over the bytes found, read as UTF-8. */
struct utf8_scan {
	size_t nul;        /* NUL bytes */
	size_t multibyte;  /* well-formed sequences of 2–4 bytes */
	size_t invalid;    /* bytes that start no well-formed sequence */
	size_t c1;         /* well-formed U+0080–U+009F */
};

#define ONES  0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/* Whether 8 bytes at s are all ASCII and none is NUL. */
static inline bool
plain_ascii8(const unsigned char *s)
{
	uint64_t v;
	memcpy(&v, s, sizeof v);
	return (v & HIGHS) == 0 && ((v - ONES) & ~v & HIGHS) == 0;
}

/* Whether c is HTML white space. */
static bool
is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* ASCII lower case. */
static unsigned char
lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Whether c is an ASCII letter. */
static bool
is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Whether s[0..n) starts with lower-case prefix p, ignoring ASCII case. */
static bool
starts_ci(const unsigned char *s, size_t n, const char *p)
{
	size_t k = strlen(p);
	if (n < k)
		return false;
	for (size_t i = 0; i < k; i++)
		if (lower(s[i]) != (unsigned char)p[i])
			return false;
	return true;
}

/* Count NULs, well-formed multi-byte sequences and ill-formed bytes. */
static void
scan_utf8(const unsigned char *s, size_t n, struct utf8_scan *sc)
{
	memset(sc, 0, sizeof *sc);
	size_t i = 0;
	uint32_t cp;
	while (i < n) {
		if (i + 8 <= n && plain_ascii8(s + i)) {
			i += 8;
			continue;
		}
		if (s[i] < 0x80) {
			if (s[i] == 0)
				sc->nul++;
			i++;
			continue;
		}
		size_t k = utf8_decode((const char *)s + i, n - i, &cp);
		if (k == 0) {
			sc->invalid++;
			i++;
			continue;
		}
		sc->multibyte++;
		if (cp < 0xa0)
			sc->c1++;
		i += k;
	}
}

/* Map a charset label to the name quire decodes it by, or NULL. */
const char *
html_charset_canonical(const char *label, char out[HTML_CHARSET_NAME_MAX])
{
	if (label == NULL)
		return NULL;
	char buf[HTML_CHARSET_NAME_MAX];
	size_t n = 0;
	const unsigned char *s = (const unsigned char *)label;
	while (is_ws(*s) || *s == '"' || *s == '\'')
		s++;
	for (; *s != '\0' && !is_ws(*s) && *s != '"' && *s != '\'' && *s != ';'; s++) {
		unsigned char c = lower(*s);
		/* Letters, digits and . _ : - only: nothing iconv would read as a flag. */
		if (!(is_alpha(c) || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == ':' || c == '-'))
			return NULL;
		if (n + 1 >= sizeof buf)
			return NULL;
		buf[n++] = (char)c;
	}
	buf[n] = '\0';
	if (n == 0)
		return NULL;
	for (size_t i = 0; i < NLABELS; i++) {
		if (strcmp(buf, charset_labels[i].label) == 0) {
			strcpy(out, charset_labels[i].name);
			return out;
		}
	}
	iconv_t cd = iconv_open("UTF-8", buf);
	if (cd == (iconv_t)-1)
		return NULL;
	iconv_close(cd);
	strcpy(out, buf);
	return out;
}

/* Encoding Standard: extract a charset from a meta content attribute. */
static bool
charset_from_content(const char *v, char *out, size_t outsz)
{
	const char *p = v;
	for (;;) {
		const char *c = strstr(p, "charset");   /* v is already lower case */
		if (c == NULL)
			return false;
		p = c + 7;
		while (is_ws((unsigned char)*p))
			p++;
		if (*p != '=')
			continue;
		p++;
		while (is_ws((unsigned char)*p))
			p++;
		size_t n;
		if (*p == '"' || *p == '\'') {
			const char *end = strchr(p + 1, *p);
			if (end == NULL)
				return false;
			p++;
			n = (size_t)(end - p);
		} else {
			n = strcspn(p, " \t\n\r\f;");
		}
		if (n == 0 || n >= outsz)
			return false;
		memcpy(out, p, n);
		out[n] = '\0';
		return true;
	}
}

/* Encoding Standard "get an attribute": read one attribute of a tag at *pos
 * into name and value (lower case, truncated to fit); false at '>' or end. */
static bool
get_attribute(const unsigned char *s, size_t n, size_t *pos, char *name, size_t namesz,
    char *value, size_t valsz)
{
	size_t i = *pos, nl = 0, vl = 0;
	name[0] = value[0] = '\0';
	while (i < n && (is_ws(s[i]) || s[i] == '/'))
		i++;
	if (i >= n || s[i] == '>') {
		*pos = i;
		return false;
	}
	for (; i < n; i++) {
		unsigned char c = s[i];
		if ((c == '=' && nl > 0) || is_ws(c))
			break;
		if (c == '/' || c == '>') {
			name[nl] = '\0';
			*pos = i;
			return true;
		}
		if (nl + 1 < namesz)
			name[nl++] = (char)lower(c);
	}
	name[nl] = '\0';
	while (i < n && is_ws(s[i]))
		i++;
	if (i >= n || s[i] != '=') {
		*pos = i;
		return true;
	}
	i++;
	while (i < n && is_ws(s[i]))
		i++;
	if (i < n && (s[i] == '"' || s[i] == '\'')) {
		unsigned char q = s[i++];
		for (; i < n && s[i] != q; i++)
			if (vl + 1 < valsz)
				value[vl++] = (char)lower(s[i]);
		if (i < n)
			i++;
	} else {
		for (; i < n && !is_ws(s[i]) && s[i] != '>'; i++)
			if (vl + 1 < valsz)
				value[vl++] = (char)lower(s[i]);
	}
	value[vl] = '\0';
	*pos = i;
	return true;
}

/* Read the attributes of one <meta> at *pos; true with out set when it
 * declares a charset quire can decode. */
static bool
meta_charset(const unsigned char *s, size_t n, size_t *pos, char out[HTML_CHARSET_NAME_MAX])
{
	char name[32], value[256], charset[64] = "";
	bool seen_equiv = false, seen_content = false, seen_charset = false;
	bool got_pragma = false, need_pragma = false;
	while (get_attribute(s, n, pos, name, sizeof name, value, sizeof value)) {
		if (strcmp(name, "http-equiv") == 0 && !seen_equiv) {
			seen_equiv = true;
			got_pragma = strcmp(value, "content-type") == 0;
		} else if (strcmp(name, "content") == 0 && !seen_content) {
			seen_content = true;
			if (!seen_charset && charset_from_content(value, charset, sizeof charset))
				need_pragma = true;
		} else if (strcmp(name, "charset") == 0 && !seen_charset) {
			seen_charset = true;
			size_t k = strlen(value);
			if (k < sizeof charset)
				memcpy(charset, value, k + 1);
			need_pragma = false;
		}
	}
	if (charset[0] == '\0' || (need_pragma && !got_pragma))
		return false;
	if (html_charset_canonical(charset, out) == NULL)
		return false;
	/* A page that can say "utf-16" in ASCII is not UTF-16. */
	if (strncmp(out, "utf-16", 6) == 0)
		strcpy(out, "utf-8");
	return true;
}

/* Encoding Standard prescan: find a charset in <meta> among the first bytes,
 * skipping comments and the attributes of other tags. */
static bool
prescan_meta(const unsigned char *s, size_t n, char out[HTML_CHARSET_NAME_MAX])
{
	char name[32], value[256];
	size_t i = 0;
	while (i < n) {
		const unsigned char *lt = memchr(s + i, '<', n - i);
		if (lt == NULL)
			break;
		i = (size_t)(lt - s);
		if (starts_ci(s + i, n - i, "<!--")) {
			size_t j = i + 2;
			while (j + 3 <= n && memcmp(s + j, "-->", 3) != 0)
				j++;
			i = j + 3;
		} else if (starts_ci(s + i, n - i, "<meta") && i + 5 < n &&
		    (is_ws(s[i + 5]) || s[i + 5] == '/')) {
			i += 6;
			if (meta_charset(s, n, &i, out))
				return true;
		} else if (i + 2 < n && (is_alpha(s[i + 1]) || (s[i + 1] == '/' && is_alpha(s[i + 2])))) {
			while (i < n && !is_ws(s[i]) && s[i] != '>')
				i++;
			while (get_attribute(s, n, &i, name, sizeof name, value, sizeof value))
				;
			i++;
		} else if (i + 1 < n && (s[i + 1] == '!' || s[i + 1] == '/' || s[i + 1] == '?')) {
			const unsigned char *gt = memchr(s + i, '>', n - i);
			i = gt ? (size_t)(gt - s) + 1 : n;
		} else {
			i++;
		}
	}
	return false;
}

/* The encoding an opening <?xml ... encoding="..."?> declares, if any. */
static bool
xml_declaration(const unsigned char *s, size_t n, char out[HTML_CHARSET_NAME_MAX])
{
	char name[32], value[64];
	if (!starts_ci(s, n, "<?xml") || n < 6 || !is_ws(s[5]))
		return false;
	size_t i = 5;
	while (get_attribute(s, n, &i, name, sizeof name, value, sizeof value)) {
		if (strcmp(name, "encoding") != 0)
			continue;
		if (html_charset_canonical(value, out) == NULL)
			return false;
		if (strncmp(out, "utf-16", 6) == 0)   /* it was readable as ASCII */
			strcpy(out, "utf-8");
		return true;
	}
	return false;
}

/* Detect the encoding; fill *sc with a scan of the bytes after any BOM
 * (zeroed when the page is UTF-16, which is never scanned). */
static void
detect(const char *bytes, size_t len, const char *transport, struct html_charset *cs,
    struct utf8_scan *sc)
{
	const unsigned char *s = (const unsigned char *)bytes;
	bool declared = true;
	memset(cs, 0, sizeof *cs);
	memset(sc, 0, sizeof *sc);
	if (len >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf) {
		strcpy(cs->name, "utf-8");
		cs->bom_len = 3;
		cs->origin = HTML_CHARSET_BOM;
	} else if (len >= 2 && ((s[0] == 0xfe && s[1] == 0xff) || (s[0] == 0xff && s[1] == 0xfe))) {
		strcpy(cs->name, s[0] == 0xfe ? "utf-16be" : "utf-16le");
		cs->bom_len = 2;
		cs->origin = HTML_CHARSET_BOM;
		return;
	} else if (html_charset_canonical(transport, cs->name) != NULL &&
	    (strncmp(cs->name, "utf-16", 6) != 0 || memchr(s, 0, len < 1024 ? len : 1024) != NULL)) {
		/* (UTF-16 markup is full of NULs; without them the label is wrong.) */
		cs->origin = HTML_CHARSET_TRANSPORT;
		if (strncmp(cs->name, "utf-16", 6) == 0)
			return;
	} else {
		size_t n = len < PRESCAN_BYTES ? len : PRESCAN_BYTES;
		cs->origin = HTML_CHARSET_META;
		declared = prescan_meta(s, n, cs->name) || xml_declaration(s, n, cs->name);
	}
	scan_utf8(s + cs->bom_len, len - cs->bom_len, sc);
	if (declared && strcmp(cs->name, "utf-8") == 0)
		return;
	/* Well-formed UTF-8 beside few or no ill-formed bytes is UTF-8, whatever
	 * a (usually stale) declaration says: legacy-encoded text almost never
	 * forms UTF-8 sequences, let alone mostly. */
	bool utf8 = sc->invalid == 0 ? sc->multibyte > 0 || !declared : sc->multibyte >= 4 * sc->invalid;
	if (utf8) {
		strcpy(cs->name, "utf-8");
		cs->origin = HTML_CHARSET_SNIFFED;
	} else if (!declared) {
		strcpy(cs->name, "windows-1252");
		cs->origin = HTML_CHARSET_SNIFFED;
	}
}

/* Detect a page's encoding (the public face of detect). */
void
html_detect_charset(const char *bytes, size_t len, const char *transport_charset,
    struct html_charset *cs)
{
	struct utf8_scan sc;
	detect(bytes, len, transport_charset, cs, &sc);
}

/* Append the UTF-8 of windows-1252 byte c at *o (3 bytes at most); NUL is dropped. */
static inline char *
put_cp1252(char *o, unsigned char c)
{
	if (c >= 0x80 && c < 0xa0)
		return o + utf8_encode(cp1252_high[c - 0x80], o);
	if (c >= 0xa0)
		return o + utf8_encode(c, o);
	if (c != 0)
		*o++ = (char)c;
	return o;
}

/* Decode as UTF-8, reading ill-formed bytes and C1 controls as windows-1252
 * and dropping NULs. sc is the scan of the same bytes, used to size the
 * result exactly. */
static char *
decode_utf8_lenient(const unsigned char *s, size_t n, const struct utf8_scan *sc, size_t *outlen)
{
	char *out = xmalloc(n - sc->nul + 2 * sc->invalid + sc->c1 + 1);
	char *o = out;
	size_t i = 0;
	uint32_t cp;
	while (i < n) {
		if (i + 8 <= n && plain_ascii8(s + i)) {
			memcpy(o, s + i, 8);
			o += 8;
			i += 8;
			continue;
		}
		if (s[i] < 0x80) {
			if (s[i] != 0)
				*o++ = (char)s[i];
			i++;
			continue;
		}
		size_t k = utf8_decode((const char *)s + i, n - i, &cp);
		if (k == 0) {
			o = put_cp1252(o, s[i]);
			i++;
		} else if (cp < 0xa0) {
			o = put_cp1252(o, (unsigned char)cp);
			i += k;
		} else {
			memcpy(o, s + i, k);
			o += k;
			i += k;
		}
	}
	*o = '\0';
	*outlen = (size_t)(o - out);
	return out;
}

/* Decode windows-1252, dropping NULs. */
static char *
decode_cp1252(const unsigned char *s, size_t n, size_t *outlen)
{
	size_t need = 1;
	for (size_t i = 0; i < n; i++)
		need += s[i] < 0x80 ? 1 : s[i] < 0xa0 ? 3 : 2;
	char *out = xmalloc(need);
	char *o = out;
	for (size_t i = 0; i < n; i++)
		o = put_cp1252(o, s[i]);
	*o = '\0';
	*outlen = (size_t)(o - out);
	return out;
}

/* Decode with iconv from charset name; a byte iconv cannot read becomes
 * U+FFFD. Returns NULL when iconv does not know the name. */
static char *
decode_iconv(const char *name, const char *s, size_t n, size_t *outlen)
{
	iconv_t cd = iconv_open("UTF-8", name);
	if (cd == (iconv_t)-1)
		return NULL;
	struct buf b = {0};
	buf_reserve(&b, n * 2 + 64);
	char *in = (char *)s;
	size_t inleft = n;
	for (;;) {
		char *op = b.data + b.len;
		size_t opleft = b.cap - b.len - 1;
		size_t r = inleft > 0 ? iconv(cd, &in, &inleft, &op, &opleft) : iconv(cd, NULL, NULL, &op, &opleft);
		int err = errno;
		b.len = (size_t)(op - b.data);
		b.data[b.len] = '\0';
		if (r != (size_t)-1) {
			if (inleft == 0)
				break;
			continue;
		}
		if (err == E2BIG) {
			buf_reserve(&b, b.cap);
		} else if (err == EILSEQ) {
			buf_append(&b, "\xef\xbf\xbd", 3);
			in++;
			inleft--;
		} else {
			buf_append(&b, "\xef\xbf\xbd", 3);   /* truncated sequence at the end */
			inleft = 0;
		}
	}
	iconv_close(cd);
	size_t j = 0;
	for (size_t i = 0; i < b.len; i++)
		if (b.data[i] != '\0')
			b.data[j++] = b.data[i];
	b.len = j;
	b.data[j] = '\0';
	*outlen = j;
	return buf_detach(&b);
}

/* Decode to UTF-8 as cs says. Returns NULL when the bytes after the BOM are
 * already clean UTF-8 and can be used as they are; otherwise a newly
 * allocated string. */
static char *
decode(const char *bytes, size_t len, const struct html_charset *cs, const struct utf8_scan *sc,
    size_t *outlen)
{
	const unsigned char *s = (const unsigned char *)bytes + cs->bom_len;
	size_t n = len - cs->bom_len;
	if (strcmp(cs->name, "utf-8") == 0) {
		if (sc->nul == 0 && sc->invalid == 0 && sc->c1 == 0)
			return NULL;
		return decode_utf8_lenient(s, n, sc, outlen);
	}
	if (strcmp(cs->name, "windows-1252") == 0)
		return decode_cp1252(s, n, outlen);
	char *out = decode_iconv(cs->name, (const char *)s, n, outlen);
	if (out == NULL)
		return decode_cp1252(s, n, outlen);
	struct utf8_scan check;
	scan_utf8((const unsigned char *)out, *outlen, &check);
	if (check.invalid > 0) {
		char *clean = decode_utf8_lenient((const unsigned char *)out, *outlen, &check, outlen);
		free(out);
		out = clean;
	}
	return out;
}

/* If s[i..n) starts a numeric character reference ("&#147;", "&#x93",
 * with or without its ';') to U+0080–U+009F, return its length and set *cp. */
static size_t
c1_reference(const char *s, size_t n, size_t i, uint32_t *cp)
{
	size_t j = i + 2;
	uint32_t v = 0;
	bool hex = j < n && (s[j] == 'x' || s[j] == 'X');
	if (i + 2 >= n || s[i + 1] != '#')
		return 0;
	if (hex)
		j++;
	size_t digits = j;
	for (; j < n && v < 0x100; j++) {
		char c = s[j];
		if (c >= '0' && c <= '9')
			v = v * (hex ? 16 : 10) + (uint32_t)(c - '0');
		else if (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
			v = v * 16 + (uint32_t)((c | 0x20) - 'a' + 10);
		else
			break;
	}
	if (j == digits || v < 0x80 || v > 0x9f)
		return 0;
	if (j < n && s[j] == ';')
		j++;
	*cp = v;
	return j - i;
}

/* Whether text holds a reference c1_reference would rewrite. */
static bool
has_c1_references(const char *s, size_t n)
{
	uint32_t cp;
	for (const char *p = s; (p = memchr(p, '&', n - (size_t)(p - s))) != NULL; p++)
		if (c1_reference(s, n, (size_t)(p - s), &cp) > 0)
			return true;
	return false;
}

/* HTML reads &#128;–&#159; as windows-1252 (&#147; is “), libxml2 as C1
 * controls: rewrite them in place as the characters they mean. Returns the
 * new length (never longer: a reference is 4+ bytes, its UTF-8 at most 3). */
static size_t
rewrite_c1_references(char *s, size_t n)
{
	size_t i = 0, o = 0;
	uint32_t cp;
	while (i < n) {
		size_t k;
		if (s[i] == '&' && (k = c1_reference(s, n, i, &cp)) > 0) {
			o += (size_t)(put_cp1252(s + o, (unsigned char)cp) - (s + o));
			i += k;
		} else {
			s[o++] = s[i++];
		}
	}
	s[o] = '\0';
	return o;
}

/* Detect and decode a page to clean UTF-8, always as a new string. */
char *
html_to_utf8(const char *bytes, size_t len, const char *transport_charset, size_t *outlen)
{
	struct html_charset cs;
	struct utf8_scan sc;
	detect(bytes, len, transport_charset, &cs, &sc);
	char *out = decode(bytes, len, &cs, &sc, outlen);
	if (out == NULL) {
		*outlen = len - cs.bom_len;
		out = xmemdup(bytes + cs.bom_len, *outlen);
	}
	return out;
}

/* Decode a page to UTF-8 and parse it, encoding forced, network off. */
htmlDocPtr
html_parse(const char *bytes, size_t len, const char *transport_charset, const char *url,
    char **errp)
{
	struct html_charset cs;
	struct utf8_scan sc;
	detect(bytes, len, transport_charset, &cs, &sc);
	size_t n;
	char *converted = decode(bytes, len, &cs, &sc, &n);
	const char *text = converted;
	if (converted == NULL) {
		text = bytes + cs.bom_len;
		n = len - cs.bom_len;
	}
	if (has_c1_references(text, n)) {
		if (converted == NULL)
			text = converted = xmemdup(text, n);
		n = rewrite_c1_references(converted, n);
	}
	htmlDocPtr doc = NULL;
	if (n > INT_MAX)
		set_error(errp, "page too large");
	else if ((doc = htmlReadMemory(text, (int)n, url, "UTF-8", PARSE_OPTIONS)) == NULL ||
	    xmlDocGetRootElement(doc) == NULL) {
		xmlFreeDoc(doc);
		doc = NULL;
		set_error(errp, "cannot parse as HTML");
	}
	free(converted);
	return doc;
}
