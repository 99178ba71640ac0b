/* fetch_multi.c — many pages at once with libcurl's multi interface. A
 * fetch_multi owns a queue of jobs in the order they were added and the jobs
 * running; a job moves from the queue to running when fewer than max_total
 * run and fewer than max_per_host run for its host, so a site never sees
 * more than max_per_host requests from us at a time and later hosts are not
 * held up behind a busy one. Queued jobs have no curl handle yet: time
 * limits start when a transfer starts, not when it is queued. libcurl's own
 * connection limits are set to the same bounds as a second guard, and
 * multiplexing is off so one connection carries one transfer. */
#include "fetch.h"

#include <stdlib.h>
#include <string.h>

#include "fetch_internal.h"
#include "util.h"

/* One URL to fetch. */
struct job {
	char *url;
	char *host;                  /* lower-cased, for the per-host bound */
	void *tag;
	struct transfer t;
	char errbuf[CURL_ERROR_SIZE];
};

struct fetch_multi {
	CURLM *multi;
	struct fetch_limits lim;
	int max_total, max_per_host;
	struct curl_slist *headers;
	struct job **queue;          /* waiting, oldest first */
	size_t nqueue;
	struct job **running;
	size_t nrunning;
};

/* Return the lower-cased host of url (newly allocated), or "" if none. */
static char *
job_host(const char *url)
{
	const char *p = strstr(url, "://");
	p = p != NULL ? p + 3 : url;
	size_t n = strcspn(p, "/?#");
	const char *at = NULL;
	for (size_t i = 0; i < n; i++)
		if (p[i] == '@')
			at = p + i;
	if (at != NULL) {
		n -= (size_t)(at + 1 - p);
		p = at + 1;
	}
	char *h = xstrndup(p, n);
	for (char *c = h; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c += 'a' - 'A';
	return h;
}

/* Free a job and its transfer. */
static void
job_free(struct job *j)
{
	if (j == NULL)
		return;
	if (j->t.curl != NULL)
		curl_easy_cleanup(j->t.curl);
	buf_free(&j->t.body);
	free(j->t.refusal);
	free(j->url);
	free(j->host);
	free(j);
}

struct fetch_multi *
fetch_multi_create(const struct fetch_limits *lim, int max_total, int max_per_host, char **errp)
{
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		set_error(errp, "cannot initialise libcurl");
		return NULL;
	}
	struct fetch_multi *m = xcalloc(1, sizeof *m);
	m->lim = *lim;
	m->max_total = max_total > 0 ? max_total : 1;
	m->max_per_host = max_per_host > 0 ? max_per_host : 1;
	m->multi = curl_multi_init();
	m->headers = curl_slist_append(NULL, FETCH_ACCEPT);
	if (m->multi == NULL || m->headers == NULL ||
	    curl_multi_setopt(m->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, (long)m->max_total) != CURLM_OK ||
	    curl_multi_setopt(m->multi, CURLMOPT_MAX_HOST_CONNECTIONS, (long)m->max_per_host) != CURLM_OK ||
	    curl_multi_setopt(m->multi, CURLMOPT_PIPELINING, (long)CURLPIPE_NOTHING) != CURLM_OK) {
		set_error(errp, "cannot initialise libcurl's multi interface");
		fetch_multi_free(m);
		return NULL;
	}
	return m;
}

void
fetch_multi_free(struct fetch_multi *m)
{
	if (m == NULL)
		return;
	for (size_t i = 0; i < m->nrunning; i++) {
		curl_multi_remove_handle(m->multi, m->running[i]->t.curl);
		job_free(m->running[i]);
	}
	for (size_t i = 0; i < m->nqueue; i++)
		job_free(m->queue[i]);
	free(m->running);
	free(m->queue);
	if (m->multi != NULL)
		curl_multi_cleanup(m->multi);
	curl_slist_free_all(m->headers);
	free(m);
	curl_global_cleanup();
}

void
fetch_multi_add(struct fetch_multi *m, const char *url, void *tag)
{
	struct job *j = xcalloc(1, sizeof *j);
	j->url = xstrdup(url);
	j->host = job_host(url);
	j->tag = tag;
	j->t.max_bytes = m->lim.max_bytes;
	m->queue = xreallocarray(m->queue, m->nqueue + 1, sizeof *m->queue);
	m->queue[m->nqueue++] = j;
}

/* How many running jobs fetch from host. */
static int
host_running(const struct fetch_multi *m, const char *host)
{
	int n = 0;
	for (size_t i = 0; i < m->nrunning; i++)
		if (strcmp(m->running[i]->host, host) == 0)
			n++;
	return n;
}

/* Report job j as failed with message msg and free it. */
static void
fail_job(struct job *j, const char *msg, fetch_multi_done_fn *done, void *ctx)
{
	done(ctx, j->tag, j->url, NULL, msg);
	job_free(j);
}

/* Move queued jobs to running while the bounds allow, oldest first. */
static void
start_jobs(struct fetch_multi *m, fetch_multi_done_fn *done, void *ctx)
{
	size_t kept = 0;
	for (size_t i = 0; i < m->nqueue; i++) {
		struct job *j = m->queue[i];
		if ((int)m->nrunning >= m->max_total || host_running(m, j->host) >= m->max_per_host) {
			m->queue[kept++] = j;
			continue;
		}
		j->t.curl = curl_easy_init();
		if (j->t.curl == NULL) {
			fail_job(j, "cannot initialise libcurl", done, ctx);
			continue;
		}
		if (!fetch_transfer_setup(j->t.curl, j->url, &m->lim, &j->t, m->headers, j->errbuf) ||
		    curl_easy_setopt(j->t.curl, CURLOPT_PRIVATE, j) != CURLE_OK) {
			fail_job(j, "this libcurl lacks a needed option (libcurl 7.85 or later is required)",
			    done, ctx);
			continue;
		}
		if (curl_multi_add_handle(m->multi, j->t.curl) != CURLM_OK) {
			fail_job(j, "cannot start the transfer", done, ctx);
			continue;
		}
		m->running = xreallocarray(m->running, m->nrunning + 1, sizeof *m->running);
		m->running[m->nrunning++] = j;
	}
	m->nqueue = kept;
}

/* Hand every finished transfer to done; returns how many finished. */
static int
collect_done(struct fetch_multi *m, fetch_multi_done_fn *done, void *ctx)
{
	int finished = 0;
	CURLMsg *msg;
	int left;
	while ((msg = curl_multi_info_read(m->multi, &left)) != NULL) {
		if (msg->msg != CURLMSG_DONE)
			continue;
		CURL *c = msg->easy_handle;
		CURLcode rc = msg->data.result;
		struct job *j = NULL;
		curl_easy_getinfo(c, CURLINFO_PRIVATE, (char **)&j);
		curl_multi_remove_handle(m->multi, c);
		for (size_t i = 0; i < m->nrunning; i++) {
			if (m->running[i] == j) {
				m->running[i] = m->running[--m->nrunning];
				break;
			}
		}
		if (j == NULL)
			fatal("finished transfer without its job");
		struct fetch_response r;
		char *err = NULL;
		if (fetch_transfer_result(&j->t, rc, j->url, &m->lim, j->errbuf, &r, &err) == 0) {
			done(ctx, j->tag, j->url, &r, NULL);
			fetch_response_clear(&r);
		} else {
			done(ctx, j->tag, j->url, NULL, err);
			free(err);
		}
		job_free(j);
		finished++;
	}
	return finished;
}

int
fetch_multi_run(struct fetch_multi *m, int wait_ms, fetch_multi_done_fn *done, void *ctx,
    char **errp)
{
	start_jobs(m, done, ctx);
	int still = 0;
	if (curl_multi_perform(m->multi, &still) != CURLM_OK)
		return set_error(errp, "libcurl's multi interface failed");
	if (collect_done(m, done, ctx) == 0 && m->nrunning > 0) {
		CURLMcode mc = curl_multi_poll(m->multi, NULL, 0, wait_ms, NULL);
		if (mc != CURLM_OK && mc != CURLM_UNRECOVERABLE_POLL)
			return set_error(errp, "libcurl's multi interface failed");
		if (curl_multi_perform(m->multi, &still) != CURLM_OK)
			return set_error(errp, "libcurl's multi interface failed");
		collect_done(m, done, ctx);
	}
	start_jobs(m, done, ctx);
	return (int)(m->nqueue + m->nrunning);
}
