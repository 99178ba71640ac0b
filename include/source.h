/* source.h — where a page comes from: a file, standard input ("-"), or an
 * http(s) URL fetched with libcurl. Loading gives the raw bytes plus what the
 * transport said about them. */
#ifndef QUIRE_SOURCE_H
#define QUIRE_SOURCE_H

#include <stddef.h>

/* Largest page quire reads, from a file or the network. */
#define SOURCE_MAX_BYTES ((size_t)64 * 1024 * 1024)

struct source {
	char *name;      /* as the user gave it, for messages */
	char *data;      /* raw page bytes, NUL-terminated */
	size_t len;
	char *url;       /* final URL after redirects, or NULL for files and stdin */
	char *charset;   /* transport charset (Content-Type), or NULL */
	char *content_type; /* media type without parameters, or NULL */
};

/* Load spec (path, "-" or URL) into *s. An "http://" or "https://" spec
 * (any case) is fetched; another URL scheme is refused; anything else is a
 * file. Refuses empty input, binary data, and responses whose Content-Type
 * is not HTML, XHTML or XML. Returns 0, or -1 with *errp set to a one-line
 * reason (without the source's name; the caller adds it) and *s zeroed. */
int source_load(const char *spec, struct source *s, char **errp);
struct fetch_response;
/* Make *s from a response fetched elsewhere (fetch_multi), named name,
 * taking r's strings (r is left zeroed), and refuse it as source_load
 * refuses a fetched page. Returns 0, or -1 with *errp set and *s zeroed. */
int source_from_response(const char *name, struct fetch_response *r, struct source *s,
    char **errp);
/* What binary data the bytes look like ("PNG image", "PDF document",
 * "binary data", …) by magic numbers and the density of NUL and control
 * bytes, or NULL when they look like text. Returns a static string. */
const char *source_binary_kind(const char *data, size_t len);
/* Free what s holds and zero it; safe on a zeroed struct. */
void source_clear(struct source *s);

#endif
