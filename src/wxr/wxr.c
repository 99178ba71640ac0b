/* wxr.c — read a WordPress export. The channel gives the site's title, URL
 * and language and the authors (login → display name); each <item> is a
 * post, page, attachment, menu item, … with a type and a status. Only the
 * types and statuses asked for become items of the blog (published posts and
 * pages by default); the rest are counted by kind for the summary.
 * Attachments are kept aside (id → URL, parent) so that [gallery] can show
 * the images of a post. Bodies go through wxr_render: blocks stripped,
 * wpautop, shortcodes. */
#include "wxr.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "../blog/xml.h"
#include "text.h"
#include "util.h"

/* An attachment: its post id, its parent post, its file's URL. */
struct attachment {
	long long id, parent;
	char *url;
};

struct wxr_media {
	struct attachment *a;
	size_t n, cap;
};

/* An author: login and display name. */
struct author {
	char *login, *name;
};

/* How many items of one type/status were left out. */
struct skip_count {
	char label[48];
	size_t n;
};

/* The URL of attachment id, or NULL. */
static const char *
media_url(const struct wxr_media *m, long long id)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->a[i].id == id)
			return m->a[i].url;
	return NULL;
}

/* Up to max ids of the attachments whose parent is parent, in export order. */
static size_t
media_children(const struct wxr_media *m, long long parent, long long *ids, size_t max)
{
	size_t k = 0;
	for (size_t i = 0; i < m->n && k < max; i++)
		if (m->a[i].parent == parent && parent != 0)
			ids[k++] = m->a[i].id;
	return k;
}

/* Whether word is one of the comma-separated list. */
static bool
in_list(const char *list, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = list; *p != '\0';) {
		p += strspn(p, ", ");
		size_t k = strcspn(p, ",");
		size_t t = k;
		while (t > 0 && p[t - 1] == ' ')
			t--;
		if (t == n && strncmp(p, word, n) == 0)
			return true;
		p += k;
	}
	return false;
}

/* A number from a child's text, or 0. */
static long long
child_number(const xmlNode *n, const char *ns, const char *name)
{
	char *s = blogxml_child_text(n, ns, name);
	long long v = s != NULL ? strtoll(s, NULL, 10) : 0;
	free(s);
	return v;
}

/* The display name for login, else login itself. A login is matched as
 * given, then with stray punctuation around it trimmed (exports carry
 * ">name" from broken templating). */
static const char *
author_name(const struct author *au, size_t n, const char *login)
{
	if (login == NULL)
		return NULL;
	for (int pass = 0; pass < 2; pass++) {
		const char *s = login;
		size_t len = strlen(s);
		if (pass == 1) {
			while (len > 0 && strchr("<>\"' ", *s) != NULL) {
				s++;
				len--;
			}
			while (len > 0 && strchr("<>\"' ", s[len - 1]) != NULL)
				len--;
		}
		for (size_t i = 0; i < n; i++)
			if (au[i].login != NULL && strlen(au[i].login) == len &&
			    strncmp(au[i].login, s, len) == 0)
				return au[i].name != NULL ? au[i].name : au[i].login;
	}
	return login;
}

/* Count one left-out item under label. */
static void
count_skip(struct skip_count *sk, size_t *nsk, size_t max, const char *label)
{
	for (size_t i = 0; i < *nsk; i++)
		if (strcmp(sk[i].label, label) == 0) {
			sk[i].n++;
			return;
		}
	if (*nsk < max) {
		snprintf(sk[*nsk].label, sizeof sk[*nsk].label, "%s", label);
		sk[(*nsk)++].n = 1;
	}
}

/* Read one post or page into a new item of b. */
static void
read_item(struct blog *b, const xmlNode *item, const struct author *au, size_t nau,
    const struct wxr_shortcode_env *env)
{
	struct blog_item *it = blog_add_item(b);
	it->title = blogxml_child_text(item, NULL, "title");
	it->link = blogxml_child_text(item, NULL, "link");
	it->guid = blogxml_child_text(item, NULL, "guid");
	char *login = blogxml_child_text(item, NS_DC, "creator");
	it->author = xstrdup(author_name(au, nau, login));
	free(login);
	char *date = blogxml_child_text(item, NS_WP, "post_date_gmt");
	it->published = blogxml_date(date);
	free(date);
	if (it->published == NULL) {
		/* A post never scheduled in UTC: its pubDate, else local time. */
		date = blogxml_child_text(item, NULL, "pubDate");
		it->published = blogxml_date(date);
		free(date);
	}
	if (it->published == NULL) {
		date = blogxml_child_text(item, NS_WP, "post_date");
		it->published = blogxml_date(date);
		free(date);
	}
	date = blogxml_child_text(item, NS_WP, "post_modified_gmt");
	it->modified = blogxml_date(date);
	free(date);
	for (xmlNode *c = blogxml_child(item, NULL, "category"); c != NULL;
	    c = blogxml_next(c, NULL, "category")) {
		char *tag = blogxml_text(c);
		blog_item_add_tag(it, tag);
		free(tag);
	}
	char *content = blogxml_child_text(item, NS_CONTENT, "encoded");
	struct wxr_shortcode_env e = *env;
	e.post_id = child_number(item, NS_WP, "post_id");
	it->html = wxr_render(content != NULL ? content : "", &e);
	free(content);
}

/* Add item to m when it is an attachment with a file. */
static void
media_add(struct wxr_media *m, const xmlNode *item)
{
	char *type = blogxml_child_text(item, NS_WP, "post_type");
	if (type != NULL && strcmp(type, "attachment") == 0) {
		char *url = blogxml_child_text(item, NS_WP, "attachment_url");
		if (url != NULL) {
			if (m->n == m->cap) {
				m->cap = m->cap ? m->cap * 2 : 32;
				m->a = xreallocarray(m->a, m->cap, sizeof *m->a);
			}
			m->a[m->n++] = (struct attachment){
				.id = child_number(item, NS_WP, "post_id"),
				.parent = child_number(item, NS_WP, "post_parent"),
				.url = url,
			};
		}
	}
	free(type);
}

/* What the first pass learns of an export before any item is read. */
struct channel {
	struct author *au;
	size_t nau;
	struct wxr_media media;
	const char *types, *statuses;
};

/* Whether item is of a type and status asked for; when not, and sk is not
 * NULL, count it under the reason. */
static bool
wanted(const struct channel *ch, const xmlNode *item, struct skip_count *sk, size_t *nsk,
    size_t max)
{
	char *type = blogxml_child_text(item, NS_WP, "post_type");
	char *status = blogxml_child_text(item, NS_WP, "status");
	const char *t = type != NULL ? type : "post", *s = status != NULL ? status : "publish";
	bool yes = in_list(ch->types, t) && in_list(ch->statuses, s);
	if (!yes && sk != NULL)   /* skipped for their type unless posts or pages, else their status */
		count_skip(sk, nsk, max, in_list(ch->types, t) ? s : t);
	free(type);
	free(status);
	return yes;
}

/* Where a walk stands: inside <rss> and its <channel>. */
struct place {
	bool rss, channel;
};

/* Follow the walk to element n at depth; whether n is a child of the
 * export's <rss><channel> (an item, the site's title, an author, …). */
static bool
in_channel(struct place *at, const xmlNode *n, int depth)
{
	if (depth == 0)
		at->rss = blogxml_is(n, NULL, "rss");
	else if (depth == 1)
		at->channel = at->rss && blogxml_is(n, NULL, "channel");
	return depth == 2 && at->channel;
}

/* Set *field to n's text unless it is set. */
static void
set_once(char **field, const xmlNode *n)
{
	if (*field == NULL)
		*field = blogxml_text(n);
}

/* The first pass over x: the channel's title, link and language into b,
 * its authors and attachments into ch, and how many items there are to
 * import (b->total) and to skip. Returns 0, or -1 with *errp set. */
static int
read_channel(struct blogxml_reader *x, struct blog *b, struct channel *ch, char **errp)
{
	struct skip_count sk[16];
	size_t nsk = 0;
	struct place at = {0};
	int depth;
	for (xmlNode *n; (n = blogxml_reader_next(x, &depth)) != NULL; ) {
		bool child = in_channel(&at, n, depth);
		if (at.channel)
			b->kind = BLOG_WXR;
		if (!child)
			continue;
		if (blogxml_is(n, NULL, "title")) {
			set_once(&b->site_title, n);
		} else if (blogxml_is(n, NULL, "link")) {
			set_once(&b->site_url, n);
		} else if (blogxml_is(n, NULL, "language")) {
			set_once(&b->language, n);
		} else if (blogxml_is(n, NS_WP, "author")) {
			ch->au = xreallocarray(ch->au, ch->nau + 1, sizeof *ch->au);
			ch->au[ch->nau].login = blogxml_child_text(n, NS_WP, "author_login");
			ch->au[ch->nau].name = blogxml_child_text(n, NS_WP, "author_display_name");
			ch->nau++;
		} else if (blogxml_is(n, NULL, "item")) {
			media_add(&ch->media, n);
			if (wanted(ch, n, sk, &nsk, sizeof sk / sizeof sk[0]))
				b->total++;
			else
				b->nskipped++;
		}
	}
	for (size_t i = 0; i < nsk; i++)
		buf_printf(&b->skipped, "%s%zu %s", i ? ", " : "", sk[i].n, sk[i].label);
	if (b->kind != BLOG_WXR)
		return set_error(errp, "not a WordPress export (no <rss><channel>)");
	return 0;
}

int
wxr_read(const char *path, const char *data, size_t len, const struct wxr_options *opt,
    size_t batch, int (*fn)(struct blog *b, void *arg), void *arg, struct blog **bp,
    char **errp)
{
	*bp = NULL;
	struct channel ch = {
		.types = opt != NULL && opt->types != NULL ? opt->types : "post,page",
		.statuses = opt != NULL && opt->statuses != NULL ? opt->statuses : "publish",
	};
	struct blog *b = blog_create(BLOG_NONE);
	struct blogxml_reader *x = blogxml_reader_open(path, data, len, b, errp);
	int rc = x != NULL ? read_channel(x, b, &ch, errp) : -1;
	/* The second pass: the items, a batch at a time. */
	if (rc == 0)
		rc = blogxml_reader_rewind(x, errp);
	struct wxr_autop *ap = wxr_autop_create();
	struct wxr_shortcode_env env = {
		.autop = ap, .media = &ch.media, .url = media_url, .children = media_children,
	};
	struct place at = {0};
	bool stopped = false;
	int depth;
	for (xmlNode *n; rc == 0 && !stopped && (n = blogxml_reader_next(x, &depth)) != NULL; ) {
		if (!in_channel(&at, n, depth) || !blogxml_is(n, NULL, "item") ||
		    !wanted(&ch, n, NULL, NULL, 0))
			continue;
		read_item(b, n, ch.au, ch.nau, &env);
		if (fn != NULL && b->nitems >= batch) {
			stopped = fn(b, arg) != 0;
			blog_clear_items(b);
		}
	}
	if (blogxml_reader_close(x, rc == 0 ? errp : NULL) < 0)
		rc = -1;
	if (rc == 0 && fn != NULL && b->nitems > 0 && !stopped) {
		fn(b, arg);
		blog_clear_items(b);
	}
	wxr_autop_free(ap);
	for (size_t i = 0; i < ch.media.n; i++)
		free(ch.media.a[i].url);
	free(ch.media.a);
	for (size_t i = 0; i < ch.nau; i++) {
		free(ch.au[i].login);
		free(ch.au[i].name);
	}
	free(ch.au);
	if (rc < 0) {
		blog_free(b);
		return -1;
	}
	*bp = b;
	return 0;
}

struct blog *
wxr_parse(const char *data, size_t len, const struct wxr_options *opt, char **errp)
{
	struct blog *b;
	return wxr_read(NULL, data, len, opt, 0, NULL, NULL, &b, errp) == 0 ? b : NULL;
}
