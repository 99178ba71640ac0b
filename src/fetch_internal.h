/* fetch_internal.h — what fetch.c shares with fetch_multi.c: one transfer's
 * state, its libcurl options and the reading of its result, so a parallel
 * fetch applies exactly the limits and checks of a single one. */
#ifndef QUIRE_FETCH_INTERNAL_H
#define QUIRE_FETCH_INTERNAL_H

#include <curl/curl.h>
#include <stdbool.h>

#include "fetch.h"
#include "util.h"

#define FETCH_ACCEPT "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5"

/* A transfer in progress: its handle and a body that never grows past
 * max_bytes. Zero it, then set max_bytes. */
struct transfer {
	CURL *curl;
	struct buf body;
	size_t max_bytes;
	bool checked;     /* the response's status and type have been looked at */
	bool too_large;
	char *refusal;    /* why the body was refused before it was read */
};

/* Set every option of transfer t on handle c for url within lim: protocols,
 * redirects, timeouts, size cap, headers (which must outlive the transfer),
 * errbuf (CURL_ERROR_SIZE bytes). False if libcurl refuses one. */
bool fetch_transfer_setup(CURL *c, const char *url, const struct fetch_limits *lim,
    struct transfer *t, struct curl_slist *headers, char *errbuf);

/* Read the result of finished transfer t (libcurl's code rc) into *r, moving
 * the body out of t. Returns 0 for a wanted response, or -1 with *errp set
 * to the one-line reason fetch_url gives and *r zeroed. */
int fetch_transfer_result(struct transfer *t, CURLcode rc, const char *url,
    const struct fetch_limits *lim, const char *errbuf, struct fetch_response *r, char **errp);

#endif
