/* html.h — bytes to DOM: find the page's character encoding, decode it to
 * UTF-8, and parse it with libxml2's HTML parser with network access off. */
#ifndef QUIRE_HTML_H
#define QUIRE_HTML_H

#include <stddef.h>
#include <libxml/HTMLparser.h>

/* Where a page's encoding was learnt. */
typedef enum html_charset_origin {
	HTML_CHARSET_BOM,        /* a byte-order mark */
	HTML_CHARSET_TRANSPORT,  /* the HTTP Content-Type charset */
	HTML_CHARSET_META,       /* <meta charset>, http-equiv, or an <?xml encoding?> */
	HTML_CHARSET_SNIFFED,    /* undeclared (or a declaration the bytes belie) */
} html_charset_origin;

#define HTML_CHARSET_NAME_MAX 40

/* A page's encoding. name is lower case: "utf-8" (ill-formed bytes in it are
 * read as windows-1252), "windows-1252" (also for latin1, iso-8859-1 and
 * us-ascii, as browsers do), "utf-16le", "utf-16be", or a name iconv knows. */
struct html_charset {
	char name[HTML_CHARSET_NAME_MAX];
	size_t bom_len;              /* bytes of byte-order mark to skip */
	html_charset_origin origin;
};

/* Find the encoding of len bytes of a page: byte-order mark, then the
 * transport charset (may be NULL), then a prescan of the first bytes for
 * <meta charset> or http-equiv Content-Type, then a check for UTF-8, else
 * windows-1252. A declaration of a single-byte or legacy charset on bytes that
 * are well-formed UTF-8 with non-ASCII text in them is overruled (UTF-8). */
void html_detect_charset(const char *bytes, size_t len, const char *transport_charset,
    struct html_charset *cs);

/* Return the canonical name of a charset label ("latin1" → "windows-1252",
 * "UTF8" → "utf-8"), written into out, or NULL when quire cannot decode it. */
const char *html_charset_canonical(const char *label, char out[HTML_CHARSET_NAME_MAX]);

/* Decode len bytes of a page to UTF-8 with its detected encoding (as
 * html_detect_charset). Returns a newly allocated, NUL-terminated, well-formed
 * UTF-8 string with no NUL bytes inside; *outlen gets its length. */
char *html_to_utf8(const char *bytes, size_t len, const char *transport_charset, size_t *outlen);

/* Parse len bytes of an HTML page. transport_charset is the charset from the
 * HTTP Content-Type (or NULL); url is the page's address (or NULL), used as
 * the document's base. Returns a document to free with xmlFreeDoc, or NULL
 * with *errp set. */
htmlDocPtr html_parse(const char *bytes, size_t len, const char *transport_charset,
    const char *url, char **errp);

#endif
