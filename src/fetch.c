/* fetch.c — one page over http(s) with libcurl's easy interface. A transfer
 * owns its curl handle and a body buffer that never grows past the size cap:
 * the cap is enforced on decoded bytes in the write callback, because
 * Content-Length may lie and gzip may expand. The first body bytes also
 * settle whether the response is worth reading (status below 400, a document
 * media type), so a large PDF or error page is not downloaded to be thrown
 * away. curl_global_init is reference-counted and thread-safe in the libcurl
 * we need (7.84+), so each fetch brackets itself with init and cleanup (a
 * mere count once main has called fetch_global_init) and no global state is
 * kept here. */
#include "fetch.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fetch_internal.h"
#include "text.h"
#include "util.h"

#ifndef QUIRE_VERSION
#define QUIRE_VERSION "0.1.0"
#endif

#define USER_AGENT "quire/" QUIRE_VERSION

/* Reason phrases (RFC 9110), since HTTP/2 sends none. */
static const struct {
	long code;
	const char *reason;
} http_reasons[] = {
	{ 204, "No Content" }, { 300, "Multiple Choices" }, { 301, "Moved Permanently" },
	{ 302, "Found" }, { 303, "See Other" }, { 304, "Not Modified" },
	{ 307, "Temporary Redirect" }, { 308, "Permanent Redirect" }, { 400, "Bad Request" },
	{ 401, "Unauthorized" }, { 402, "Payment Required" }, { 403, "Forbidden" },
	{ 404, "Not Found" }, { 405, "Method Not Allowed" }, { 406, "Not Acceptable" },
	{ 407, "Proxy Authentication Required" }, { 408, "Request Timeout" }, { 409, "Conflict" },
	{ 410, "Gone" }, { 411, "Length Required" }, { 412, "Precondition Failed" },
	{ 413, "Content Too Large" }, { 414, "URI Too Long" }, { 415, "Unsupported Media Type" },
	{ 416, "Range Not Satisfiable" }, { 417, "Expectation Failed" }, { 418, "I'm a teapot" },
	{ 421, "Misdirected Request" }, { 422, "Unprocessable Content" }, { 425, "Too Early" },
	{ 426, "Upgrade Required" }, { 428, "Precondition Required" }, { 429, "Too Many Requests" },
	{ 431, "Request Header Fields Too Large" }, { 451, "Unavailable For Legal Reasons" },
	{ 500, "Internal Server Error" }, { 501, "Not Implemented" }, { 502, "Bad Gateway" },
	{ 503, "Service Unavailable" }, { 504, "Gateway Timeout" },
	{ 505, "HTTP Version Not Supported" },
};

/* Return the standard reason phrase for an HTTP status, or "". */
static const char *
http_reason(long code)
{
	for (size_t i = 0; i < sizeof http_reasons / sizeof http_reasons[0]; i++)
		if (http_reasons[i].code == code)
			return http_reasons[i].reason;
	return "";
}

/* Return a newly allocated "HTTP 404 Not Found"-style message. */
static char *
http_status_message(long code)
{
	const char *r = http_reason(code);
	return *r ? xasprintf("HTTP %ld %s", code, r) : xasprintf("HTTP %ld", code);
}

/* Initialise libcurl for the whole program. */
int
fetch_global_init(char **errp)
{
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return set_error(errp, "cannot initialise libcurl");
	return 0;
}

/* Undo fetch_global_init. */
void
fetch_global_cleanup(void)
{
	curl_global_cleanup();
}

/* Fill in the default limits, then QUIRE_FETCH_TIMEOUT. */
void
fetch_limits_default(struct fetch_limits *lim)
{
	lim->connect_timeout = 15;
	lim->timeout = 60;
	lim->low_speed_time = 20;
	lim->low_speed_limit = 512;
	lim->max_redirects = 10;
	lim->max_bytes = (size_t)64 * 1024 * 1024;
	const char *env = getenv("QUIRE_FETCH_TIMEOUT");
	if (env != NULL && *env != '\0') {
		char *end;
		long v = strtol(env, &end, 10);
		if (*end == '\0' && v > 0 && v <= 86400) {
			lim->timeout = v;
			if (lim->connect_timeout > v)
				lim->connect_timeout = v;
			if (lim->low_speed_time > v)
				lim->low_speed_time = v;
		}
	}
}

/* Whether s[0..n) is an HTTP token (RFC 9110), '/' allowed: nothing a
 * terminal or a message could be tricked by. */
static bool
is_token(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    strchr("!#$%&'*+-.^_`|~/", c) != NULL) || c == '\0')
			return false;
	}
	return n > 0;
}

/* Return a newly allocated copy of a URL from the network with bytes that
 * are not printable ASCII percent-encoded. */
static char *
clean_url(const char *url)
{
	struct buf b = {0};
	for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
		if (*p <= 0x20 || *p >= 0x7f)
			buf_printf(&b, "%%%02X", *p);
		else
			buf_putc(&b, (char)*p);
	}
	return buf_detach(&b);
}

/* Split a Content-Type value into media type and charset. */
void
fetch_parse_content_type(const char *value, char **media_type, char **charset)
{
	*media_type = *charset = NULL;
	if (value == NULL)
		return;
	const char *p = value;
	while (*p == ' ' || *p == '\t')
		p++;
	size_t n = strcspn(p, ";");
	size_t m = n;
	while (m > 0 && (p[m - 1] == ' ' || p[m - 1] == '\t'))
		m--;
	if (is_token(p, m)) {
		*media_type = xstrndup(p, m);
		for (char *c = *media_type; *c; c++)
			if (*c >= 'A' && *c <= 'Z')
				*c += 'a' - 'A';
	}
	p += n;
	while (*p == ';') {
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		size_t len = strcspn(p, ";");
		if (len > 8 && text_starts_with_ci(p, "charset=")) {
			const char *v = p + 8;
			size_t vl = len - 8;
			while (vl > 0 && (v[vl - 1] == ' ' || v[vl - 1] == '\t'))
				vl--;
			if (vl >= 2 && (v[0] == '"' || v[0] == '\'') && v[vl - 1] == v[0]) {
				v++;
				vl -= 2;
			}
			if (is_token(v, vl) && *charset == NULL)
				*charset = xstrndup(v, vl);
		}
		p += len;
	}
}

/* Whether a media type is HTML, XHTML or XML. */
bool
fetch_type_is_markup(const char *t)
{
	if (t == NULL)
		return false;
	size_t n = strlen(t);
	return strcmp(t, "text/html") == 0 || strcmp(t, "application/xhtml+xml") == 0 ||
	    strcmp(t, "application/xml") == 0 || strcmp(t, "text/xml") == 0 ||
	    (n > 4 && strcmp(t + n - 4, "+xml") == 0);
}

/* Whether a media type may hold a page, perhaps after sniffing. */
bool
fetch_type_acceptable(const char *t)
{
	return t == NULL || *t == '\0' || fetch_type_is_markup(t) || strcmp(t, "text/plain") == 0 ||
	    strcmp(t, "application/octet-stream") == 0 || strcmp(t, "binary/octet-stream") == 0;
}

/* Decide from the final response's status and type whether to read its body;
 * returns false with t->refusal set when not. */
static bool
response_wanted(struct transfer *t)
{
	long code = 0;
	char *type = NULL;
	curl_easy_getinfo(t->curl, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_getinfo(t->curl, CURLINFO_CONTENT_TYPE, &type);
	if (code >= 300) {
		t->refusal = http_status_message(code);
		return false;
	}
	char *media, *charset;
	fetch_parse_content_type(type, &media, &charset);
	bool ok = fetch_type_acceptable(media);
	if (!ok)
		t->refusal = xasprintf("not an HTML page (%s)", media);
	free(media);
	free(charset);
	return ok;
}

/* libcurl write callback: keep at most max_bytes of decoded body. */
static size_t
write_body(char *data, size_t size, size_t nmemb, void *userdata)
{
	struct transfer *t = userdata;
	size_t n = size * nmemb;
	if (!t->checked) {
		t->checked = true;
		if (!response_wanted(t))
			return 0;
	}
	if (n > t->max_bytes - t->body.len) {
		t->too_large = true;
		return 0;
	}
	buf_append(&t->body, data, n);
	return n;
}

/* Return the host name in url, newly allocated, or a copy of url. */
static char *
url_host(const char *url)
{
	char *host = NULL;
	CURLU *u = curl_url();
	if (u != NULL && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK) {
		char *copy = xstrdup(host);
		curl_free(host);
		curl_url_cleanup(u);
		return copy;
	}
	curl_url_cleanup(u);
	return xstrdup(url);
}

/* Whether libcurl's URL parser accepts url. */
static bool
url_parses(const char *url)
{
	CURLU *u = curl_url();
	bool ok = u != NULL && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK;
	curl_url_cleanup(u);
	return ok;
}

/* Return a newly allocated one-line message for a failed transfer. */
static char *
failure_message(struct transfer *t, CURLcode rc, const char *url, const struct fetch_limits *lim,
    const char *errbuf)
{
	if (t->refusal != NULL) {
		char *m = t->refusal;
		t->refusal = NULL;
		return m;
	}
	if (t->too_large || rc == CURLE_FILESIZE_EXCEEDED)
		return xasprintf("larger than %zu MB", lim->max_bytes / (1024 * 1024));
	char *where = NULL;
	curl_easy_getinfo(t->curl, CURLINFO_EFFECTIVE_URL, &where);
	char *host = url_host(where != NULL ? where : url);
	char *m;
	long os_errno = 0;
	switch (rc) {
	case CURLE_OPERATION_TIMEDOUT:
		if (strstr(errbuf, "too slow") != NULL)
			m = xasprintf("timed out: less than %ld bytes/s for %ld s", lim->low_speed_limit,
			    lim->low_speed_time);
		else if (strstr(errbuf, "onnection") != NULL || strstr(errbuf, "esolv") != NULL)
			m = xasprintf("timed out connecting to %s", host);
		else
			m = xasprintf("timed out after %ld s", lim->timeout);
		break;
	case CURLE_COULDNT_RESOLVE_HOST:
		m = xasprintf("cannot resolve host %s", host);
		break;
	case CURLE_COULDNT_RESOLVE_PROXY:
		m = xasprintf("cannot resolve proxy (%s)", errbuf);
		break;
	case CURLE_COULDNT_CONNECT:
		curl_easy_getinfo(t->curl, CURLINFO_OS_ERRNO, &os_errno);
		m = os_errno != 0 ? xasprintf("cannot connect to %s: %s", host, strerror((int)os_errno)) :
		    xasprintf("cannot connect to %s", host);
		break;
	case CURLE_TOO_MANY_REDIRECTS:
		m = xasprintf("too many redirects (more than %ld)", lim->max_redirects);
		break;
	case CURLE_UNSUPPORTED_PROTOCOL:
		m = xstrdup("redirected to a URL that is not http or https");
		break;
	case CURLE_URL_MALFORMAT:
		m = xstrdup(url_parses(url) ? "redirected to a malformed URL" : "malformed URL");
		break;
	case CURLE_PEER_FAILED_VERIFICATION:
		m = xasprintf("TLS certificate of %s not trusted (%s)", host, errbuf);
		break;
	case CURLE_SSL_CONNECT_ERROR:
		m = xasprintf("TLS handshake with %s failed (%s)", host, errbuf);
		break;
	case CURLE_GOT_NOTHING:
		m = xasprintf("%s closed the connection without replying", host);
		break;
	case CURLE_BAD_CONTENT_ENCODING:
		m = xstrdup("cannot decode the compressed response");
		break;
	case CURLE_PARTIAL_FILE:
		m = xstrdup("the response ended early");
		break;
	default:
		m = *errbuf ? xasprintf("%s (%s)", curl_easy_strerror(rc), errbuf) :
		    xstrdup(curl_easy_strerror(rc));
		break;
	}
	free(host);
	return m;
}

/* Set every option of a transfer; false if libcurl refuses one. */
bool
fetch_transfer_setup(CURL *c, const char *url, const struct fetch_limits *lim, struct transfer *t,
    struct curl_slist *headers, char *errbuf)
{
	return curl_easy_setopt(c, CURLOPT_URL, url) == CURLE_OK &&
	    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf) == CURLE_OK &&
	    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https") == CURLE_OK &&
	    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https") == CURLE_OK &&
	    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L) == CURLE_OK &&
	    curl_easy_setopt(c, CURLOPT_MAXREDIRS, lim->max_redirects) == CURLE_OK &&
	    curl_easy_setopt(c, CURLOPT_AUTOREFERER, 1L) == CURLE_OK &&
	    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, lim->connect_timeout) == CURLE_OK &&
	    curl_easy_setopt(c, CURLOPT_TIMEOUT, lim->timeout) == CURLE_OK &&
	    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, lim->low_speed_limit) == CURLE_OK &&
	    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, lim->low_speed_time) == CURLE_OK &&
	    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)lim->max_bytes) == CURLE_OK &&
	    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "") == CURLE_OK &&
	    curl_easy_setopt(c, CURLOPT_USERAGENT, USER_AGENT) == CURLE_OK &&
	    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers) == CURLE_OK &&
	    curl_easy_setopt(c, CURLOPT_COOKIEFILE, "") == CURLE_OK &&
	    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L) == CURLE_OK &&
	    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, write_body) == CURLE_OK &&
	    curl_easy_setopt(c, CURLOPT_WRITEDATA, t) == CURLE_OK;
}

/* Turn a finished transfer into *r, or a message in *errp. */
int
fetch_transfer_result(struct transfer *t, CURLcode rc, const char *url,
    const struct fetch_limits *lim, const char *errbuf, struct fetch_response *r, char **errp)
{
	memset(r, 0, sizeof *r);
	if (rc != CURLE_OK) {
		char *m = failure_message(t, rc, url, lim, errbuf);
		set_error(errp, "%s", m);
		free(m);
		return -1;
	}
	/* An empty body never reached the write callback's checks. */
	if (!t->checked && !response_wanted(t))
		return set_error(errp, "%s", t->refusal);
	char *final = NULL, *type = NULL;
	curl_easy_getinfo(t->curl, CURLINFO_EFFECTIVE_URL, &final);
	curl_easy_getinfo(t->curl, CURLINFO_RESPONSE_CODE, &r->status);
	curl_easy_getinfo(t->curl, CURLINFO_CONTENT_TYPE, &type);
	r->url = clean_url(final != NULL ? final : url);
	fetch_parse_content_type(type, &r->content_type, &r->charset);
	r->len = t->body.len;
	r->data = buf_detach(&t->body);
	return 0;
}

/* Fetch one URL within the limits. */
int
fetch_url(const char *url, const struct fetch_limits *lim, struct fetch_response *r, char **errp)
{
	memset(r, 0, sizeof *r);
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return set_error(errp, "cannot initialise libcurl");
	char errbuf[CURL_ERROR_SIZE] = "";
	struct transfer t = { .max_bytes = lim->max_bytes };
	struct curl_slist *headers = curl_slist_append(NULL, FETCH_ACCEPT);
	int status = -1;
	t.curl = curl_easy_init();
	if (t.curl == NULL || headers == NULL) {
		set_error(errp, "cannot initialise libcurl");
		goto out;
	}
	if (!fetch_transfer_setup(t.curl, url, lim, &t, headers, errbuf)) {
		set_error(errp, "this libcurl lacks a needed option (libcurl 7.85 or later is required)");
		goto out;
	}
	CURLcode rc = curl_easy_perform(t.curl);
	status = fetch_transfer_result(&t, rc, url, lim, errbuf, r, errp);
out:
	buf_free(&t.body);
	free(t.refusal);
	curl_slist_free_all(headers);
	curl_easy_cleanup(t.curl);
	curl_global_cleanup();
	return status;
}

/* Free a response's strings and zero it. */
void
fetch_response_clear(struct fetch_response *r)
{
	free(r->data);
	free(r->url);
	free(r->content_type);
	free(r->charset);
	memset(r, 0, sizeof *r);
}
