/* url.h — URL identity: when two URLs name the same page, and what kind of
 * thing a URL points to. Pure string functions: no network, no allocation
 * beyond the strings they return. */
#ifndef QUIRE_URL_H
#define QUIRE_URL_H

#include <stdbool.h>

/* Return a URL's identity key, newly allocated: scheme and host lower-cased,
 * default port (:80 for http, :443 for https) dropped, a leading "www."
 * dropped from the host, the fragment removed, tracking parameters (utm_*,
 * fbclid, gclid, CMP, mc_cid, mc_eid, _ga, igshid, ref_src, … from a table)
 * removed with the remaining query kept in order, percent-escapes written in
 * upper case (and unreserved characters decoded), an empty path written "/"
 * and a trailing slash after a non-empty path dropped. Two URLs name the same
 * page when their keys are equal, and url_key(url_key(u)) equals url_key(u).
 * For text that is not an absolute http(s)-like URL (no "scheme://"), the
 * key is the text with its fragment removed. Returns NULL only for NULL. */
char *url_key(const char *url);

/* Whether a and b name the same page (their url_key strings are equal).
 * NULL names nothing: url_same(NULL, x) is false. */
bool url_same(const char *a, const char *b);

/* Whether url is absolute with scheme http or https (any case) and a host
 * without spaces or control characters. */
bool url_is_http(const char *url);

/* Whether url's path ends in an extension that names a file rather than a
 * page: documents (.pdf, .doc, .epub, …), images, archives, audio, video,
 * data and executables. Case-insensitive; the query and fragment are
 * ignored. */
bool url_is_file(const char *url);

/* Whether url looks like a web page worth fetching as HTML: http(s) and not
 * url_is_file. */
bool url_is_page(const char *url);

/* Whether url, as written in a page whose address is base, points into that
 * same page: it starts with '#', or it differs from base only by its
 * fragment. base may be NULL (then only "#..." counts). */
bool url_is_same_page(const char *url, const char *base);

/* A URL fragment (what follows '#') with its %XX escapes decoded, as an
 * element id is written. Newly allocated. */
char *url_fragment_decode(const char *fragment);

#endif
