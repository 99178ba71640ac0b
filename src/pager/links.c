/* links.c — the article's links: the list grouped under the heading each
 * link sits under, following a link (inside quire when the library holds the
 * page, else in the browser setting, $BROWSER or xdg-open), and copying a URL with OSC 52.
 * When a view opens, each http(s) link is looked up in the library once
 * (v->link_lib): a link that opens a library article is drawn bold as well
 * as underlined, its number in green, and the link list and the Tab message
 * say "(library)" before it.
 * Browsers run with fork/exec and never through a shell: $BROWSER is split
 * on ':' into commands and each command on spaces into words, "%s" in a
 * word is replaced by the URL, else the URL is the last word. Only http,
 * https and mailto URLs leave quire. */
#include "internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "text.h"
#include "url.h"
#include "util.h"

/* Show the link list grouped by heading; return the chosen link or -1. */
long
links_list(struct pager *p, struct view *v)
{
	const struct article *a = v->a;
	struct menu m = {0};
	m.title = xasprintf("Links (%zu) — Enter opens, y copies, q back", a->nlinks);
	int heading = -2;
	for (size_t i = 0; i < a->nlinks; i++) {
		const struct link *lk = &a->links[i];
		if (lk->heading != heading) {
			heading = lk->heading;
			const char *h = heading >= 0 && (size_t)heading < a->nblocks ?
			    a->blocks[heading].text : "(before the first heading)";
			menu_add(&m, ROLE_H2, 0, -1, "%s", h != NULL ? h : "");
		}
		const char *url = lk->url != NULL ? lk->url : "";
		bool lib = links_in_library(v, (long)i);
		role look = lib ? ROLE_LIBLINK : ROLE_TEXT;
		const char *where = links_where(v, (long)i);
		if (lk->text == NULL || lk->text[0] == '\0' || strcmp(lk->text, url) == 0)
			menu_add(&m, look, 2, (long)i, "[%zu] %s%s", i + 1, where, url);
		else
			menu_add(&m, look, 2, (long)i, "[%zu] %s%s — %s", i + 1, where, lk->text, url);
	}
	if (a->nlinks == 0)
		menu_add(&m, ROLE_DIM, 0, -1, "%s", "This article has no links.");
	long chosen = -1;
	for (;;) {
		long value;
		action act = menu_run(p, &m, SCREEN_LIST, &value);
		if (act == ACT_OPEN) {
			chosen = value;
			break;
		}
		if (act == ACT_QUIT)
			break;
		if (act == ACT_COPY_LINK && value >= 0)
			links_copy(p, v, value);
		if (act == ACT_HELP) {
			struct menu h = {0};
			key_help(p, &h);
			while (menu_run(p, &h, SCREEN_LIST, &value) != ACT_QUIT)
				;
			menu_clear(&h);
		}
	}
	menu_clear(&m);
	return chosen;
}

/* Whether url may be handed to a browser: http, https or mailto. */
static bool
url_allowed(const char *url)
{
	return text_starts_with_ci(url, "http://") || text_starts_with_ci(url, "https://") ||
	    text_starts_with_ci(url, "mailto:");
}

/* Run argv with the terminal handed over; returns its exit status, 127 when
 * it could not be started, -1 when fork failed. */
static int
run_program(char **argv)
{
	def_prog_mode();
	endwin();
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	int status = -1;
	if (pid > 0) {
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		status = WIFEXITED(status) ? WEXITSTATUS(status) : 1;
	}
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	return status;
}

/* Run one browser command (words separated by spaces) on url. Returns its
 * status as run_program does, 127 for an empty command. */
static int
run_browser(const char *command, const char *url)
{
	char *copy = xstrdup(command);
	char **argv = NULL;
	size_t n = 0;
	bool substituted = false;
	for (char *save = NULL, *w = strtok_r(copy, " \t", &save); w != NULL;
	    w = strtok_r(NULL, " \t", &save)) {
		struct buf word = {0};
		buf_puts(&word, "");
		for (const char *s = w; *s != '\0'; s++) {
			if (s[0] == '%' && s[1] == 's') {
				buf_puts(&word, url);
				substituted = true;
				s++;
			} else {
				buf_putc(&word, *s);
			}
		}
		argv = xreallocarray(argv, n + 3, sizeof *argv);
		argv[n++] = buf_detach(&word);
	}
	int status = 127;
	if (n > 0) {
		if (!substituted)
			argv[n++] = xstrdup(url);
		argv[n] = NULL;
		status = run_program(argv);
	}
	for (size_t i = 0; i < n; i++)
		free(argv[i]);
	free(argv);
	free(copy);
	return status;
}

/* Open url outside quire. */
static void
open_external(struct pager *p, const char *url)
{
	if (!url_allowed(url)) {
		pager_message(p, "Not opened: only http, https and mailto links leave quire");
		return;
	}
	/* The configuration file names quire's own choice: it wins over the
	 * environment's $BROWSER, as in newsboat. */
	const char *env = p->cfg->browser != NULL ? p->cfg->browser : getenv("BROWSER");
	char *list = xstrdup(env != NULL && env[0] != '\0' ? env : "xdg-open");
	int status = 127;
	for (char *save = NULL, *cmd = strtok_r(list, ":", &save); cmd != NULL && status == 127;
	    cmd = strtok_r(NULL, ":", &save))
		status = run_browser(cmd, url);
	free(list);
	if (status == 127 || status < 0)
		pager_message(p, "Could not start a browser (set $BROWSER)");
	else if (status != 0)
		pager_message(p, "The browser exited with status %d", status);
	else
		pager_message(p, "Opened %s", url);
}

/* Look up which links of v name a library article, once per view: the
 * store keeps each stored link's target by URL identity. */
void
links_resolve(struct pager *p, struct view *v)
{
	free(v->link_lib);
	v->link_lib = xcalloc(v->a->nlinks ? v->a->nlinks : 1, sizeof *v->link_lib);
	struct store_link *links = NULL;
	size_t n = 0;
	char *err = NULL;
	if (store_links_get(p->st, v->id, &links, &n, &err) < 0) {
		pager_message(p, "%s", err);
		free(err);
		return;
	}
	for (size_t i = 0; i < n; i++)
		if (links[i].idx < v->a->nlinks && links[i].target > 0 && links[i].target != v->id &&
		    links[i].url != NULL && url_is_http(links[i].url))
			v->link_lib[links[i].idx] = links[i].target;
	store_links_free(links, n);
}

/* Whether link n of v opens a library article. */
bool
links_in_library(const struct view *v, long n)
{
	return n >= 0 && (size_t)n < v->a->nlinks && v->link_lib != NULL && v->link_lib[n] > 0;
}

/* How the link list and Tab's message mark link n: "(here) " for a place in
 * this article, "(library) " for another article of the library, else "". */
const char *
links_where(const struct view *v, long n)
{
	if (links_in_library(v, n))
		return "(library) ";
	const char *url = n >= 0 && (size_t)n < v->a->nlinks ? v->a->links[n].url : NULL;
	const char *hash = url != NULL ? strchr(url, '#') : NULL;
	size_t block;
	if (hash != NULL && (url_is_same_page(url, v->a->canonical_url) ||
	    url_is_same_page(url, v->a->url)) && article_find_anchor(v->a, hash + 1, &block))
		return "(here) ";
	return "";
}

/* Open url inside quire when stored (returning the new view), else in a browser. */
struct view *
links_follow(struct pager *p, const char *url, const char *what)
{
	struct view *v = p->view;
	if (url == NULL || url[0] == '\0') {
		pager_message(p, "%s has no address", what);
		return NULL;
	}
	long long id;
	char *err = NULL;
	int rc = store_find_by_url(p->st, url, &id, &err);
	if (rc < 0) {
		pager_message(p, "%s", err);
		free(err);
		return NULL;
	}
	if (rc == 1 && id == v->id) {
		/* A footnote or a section of this article: go there, and let
		 * Backspace (or '') come back. */
		const char *hash = strchr(url, '#');
		size_t block;
		if (hash != NULL && article_find_anchor(v->a, hash + 1, &block)) {
			view_jump(v, view_row_of(v, block, 0));
			v->anchor_back = true;
			pager_message(p, "%s: here in this article; Backspace goes back", what);
		} else {
			pager_message(p, "%s points to this article", what);
		}
		return NULL;
	}
	if (rc == 1) {
		view_save(p, v);
		struct view *next = view_open(p, id, &err);
		if (next == NULL) {
			pager_message(p, "%s", err);
			free(err);
			return NULL;
		}
		next->prev = v;
		p->view = next;
		pager_message(p, "Opened from the library; Backspace goes back");
		return next;
	}
	open_external(p, url);
	return NULL;
}

/* Follow link n: inside quire when stored, else in a browser. */
void
links_open(struct pager *p, long n)
{
	struct view *v = p->view;
	if (n < 0 || (size_t)n >= v->a->nlinks)
		return;
	char what[32];
	snprintf(what, sizeof what, "Link %ld", n + 1);
	links_follow(p, v->a->links[n].url, what);
}

/* Copy link n's URL to the clipboard with OSC 52. */
void
links_copy(struct pager *p, struct view *v, long n)
{
	if (n < 0 || (size_t)n >= v->a->nlinks || v->a->links[n].url == NULL)
		return;
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *s = (const unsigned char *)v->a->links[n].url;
	size_t len = strlen((const char *)s);
	struct buf out = {0};
	buf_puts(&out, "\033]52;c;");
	for (size_t i = 0; i < len; i += 3) {
		unsigned x = (unsigned)s[i] << 16 | (i + 1 < len ? (unsigned)s[i + 1] << 8 : 0) |
		    (i + 2 < len ? s[i + 2] : 0);
		buf_putc(&out, b64[x >> 18 & 63]);
		buf_putc(&out, b64[x >> 12 & 63]);
		buf_putc(&out, i + 1 < len ? b64[x >> 6 & 63] : '=');
		buf_putc(&out, i + 2 < len ? b64[x & 63] : '=');
	}
	buf_putc(&out, '\a');
	/* Base64 and the fixed frame only: nothing from the page goes raw. */
	fwrite(out.data, 1, out.len, stdout);
	fflush(stdout);
	buf_free(&out);
	pager_message(p, "Copied link %ld to the clipboard", n + 1);
}
