/* fetch.h — get a page over http(s) with libcurl: redirects followed and
 * bounded, time and size bounded, gzip/deflate decoded, and the final URL,
 * status and Content-Type kept. Nothing but http and https, ever. */
#ifndef QUIRE_FETCH_H
#define QUIRE_FETCH_H

#include <stdbool.h>
#include <stddef.h>

/* How far a fetch may go. fetch_limits_default fills in the defaults and
 * lets QUIRE_FETCH_TIMEOUT (seconds) shorten or lengthen the time allowed. */
struct fetch_limits {
	long connect_timeout;  /* seconds to connect */
	long timeout;          /* seconds for the whole transfer */
	long low_speed_time;   /* seconds below low_speed_limit before giving up */
	long low_speed_limit;  /* bytes per second */
	long max_redirects;
	size_t max_bytes;      /* of the decoded body */
};

/* What came back. All strings are newly allocated (or NULL); free with
 * fetch_response_clear. */
struct fetch_response {
	char *data;          /* body, NUL-terminated */
	size_t len;
	char *url;           /* final URL after redirects */
	long status;         /* HTTP status of the final response */
	char *content_type;  /* media type, lower case, without parameters */
	char *charset;       /* the Content-Type's charset parameter */
};

/* Initialise libcurl once for the program (main's start-up), paired with
 * fetch_global_cleanup at exit. Optional: fetch_url brackets each fetch with
 * libcurl's reference-counted init/cleanup itself, which costs nothing more
 * once this has run. Returns 0, or -1 with *errp set. */
int fetch_global_init(char **errp);
void fetch_global_cleanup(void);

/* Fill lim with quire's defaults, then QUIRE_FETCH_TIMEOUT if set. */
void fetch_limits_default(struct fetch_limits *lim);

/* Fetch url (http or https) into *r. Returns 0 for a 2xx response with a
 * document body, or -1 with *errp set to a one-line reason ("HTTP 404 Not
 * Found", "timed out after 30 s", "not an HTML page (application/pdf)", …)
 * and *r cleared. */
int fetch_url(const char *url, const struct fetch_limits *lim, struct fetch_response *r, char **errp);

/* Free what r holds and zero it; safe on a zeroed struct. */
void fetch_response_clear(struct fetch_response *r);

/* Whether a media type (lower case, no parameters; NULL when the server sent
 * none) may hold a page or feed: HTML, XHTML, XML and +xml types, and the
 * types servers give files they do not know (text/plain,
 * application/octet-stream, none), whose bytes the caller must sniff. */
bool fetch_type_acceptable(const char *media_type);

/* Whether a media type is unambiguously HTML, XHTML or XML. */
bool fetch_type_is_markup(const char *media_type);

/* Parallel fetching (fetch_multi.c): URLs queued on a fetch_multi run with
 * curl's multi interface, at most max_total at once and max_per_host at once
 * to the same host (of the URL asked for), each under the same limits and
 * checks as fetch_url. */
struct fetch_multi;

/* Called once per queued URL when it is done: r holds the response (the
 * callee may take its strings and must leave r zeroed or cleared) and err is
 * NULL, or r is NULL and err says why, as fetch_url would. url is the URL
 * as queued. */
typedef void fetch_multi_done_fn(void *ctx, void *tag, const char *url, struct fetch_response *r,
    const char *err);

/* Return a new parallel fetcher with limits lim (copied), or NULL with *errp
 * set. Free with fetch_multi_free, which abandons unfinished transfers. */
struct fetch_multi *fetch_multi_create(const struct fetch_limits *lim, int max_total,
    int max_per_host, char **errp);
void fetch_multi_free(struct fetch_multi *m);   /* fetch_multi_free(NULL) does nothing */

/* Queue url (copied) with tag, returned to the done callback. */
void fetch_multi_add(struct fetch_multi *m, const char *url, void *tag);

/* Start what the bounds allow, move transfers along, wait up to wait_ms for
 * activity, and call done for each transfer that finished. Returns how many
 * URLs are still queued or running (0: all done), or -1 with *errp set. */
int fetch_multi_run(struct fetch_multi *m, int wait_ms, fetch_multi_done_fn *done, void *ctx,
    char **errp);

/* Split a Content-Type header value into its media type (lower case) and
 * charset parameter; each is newly allocated or NULL. */
void fetch_parse_content_type(const char *value, char **media_type, char **charset);

#endif
