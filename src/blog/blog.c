/* blog.c — a blog's items and the bulk importer. A blog holds the items a
 * WordPress export or a feed gave (each an HTML body with its metadata) and
 * what parsing had to skip. Each item is kept in the library as a small HTML
 * page of its own (body plus <meta> tags), so the stored page alone gives
 * the article again and an unchanged item is recognised by comparing pages.
 * The importer stores one item per transaction, so an interrupted import
 * keeps every item committed before it and a second run adds the rest. */
#include "blog.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "blocks.h"
#include "dom.h"
#include "extract.h"
#include "html.h"
#include "quotes.h"
#include "source.h"
#include "text.h"
#include "util.h"

/* How many leading bytes blog_detect reads. */
#define DETECT_BYTES 65536

/* Skip white space, the XML declaration, comments, processing instructions
 * and a doctype (with its internal subset) from p; return the first
 * element's '<', or NULL. */
static const char *
first_element(const char *p, const char *end)
{
	while (p < end) {
		while (p < end && strchr(" \t\r\n", *p) != NULL && *p != '\0')
			p++;
		if (p >= end || *p != '<')
			return NULL;
		if (end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
			const char *q = memmem(p + 4, (size_t)(end - p - 4), "-->", 3);
			if (q == NULL)
				return NULL;
			p = q + 3;
		} else if (end - p >= 2 && p[1] == '?') {
			const char *q = memmem(p + 2, (size_t)(end - p - 2), "?>", 2);
			if (q == NULL)
				return NULL;
			p = q + 2;
		} else if (end - p >= 2 && p[1] == '!') {
			/* A doctype: skip quoted strings and a [...] subset. */
			char quote = 0;
			int depth = 0;
			for (p += 2; p < end; p++) {
				if (quote) {
					if (*p == quote)
						quote = 0;
				} else if (*p == '"' || *p == '\'') {
					quote = *p;
				} else if (*p == '[') {
					depth++;
				} else if (*p == ']') {
					depth--;
				} else if (*p == '>' && depth <= 0) {
					break;
				}
			}
			if (p >= end)
				return NULL;
			p++;
		} else {
			return p;
		}
	}
	return NULL;
}

blog_kind
blog_detect(const char *data, size_t len)
{
	const char *p = data, *end = data + (len < DETECT_BYTES ? len : DETECT_BYTES);
	if (end - p >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	p = first_element(p, end);
	if (p == NULL)
		return BLOG_NONE;
	const char *tag_end = memchr(p, '>', (size_t)(end - p));
	if (tag_end == NULL)
		return BLOG_NONE;
	size_t namelen = strcspn(p + 1, " \t\r\n/>");
	const char *name = p + 1;
	if (namelen == 3 && memcmp(name, "rss", 3) == 0) {
		char *tag = xstrndup(p, (size_t)(tag_end - p));
		bool wxr = strstr(tag, "wordpress.org/export/") != NULL;
		free(tag);
		return wxr ? BLOG_WXR : BLOG_RSS;
	}
	if (namelen == 4 && memcmp(name, "feed", 4) == 0) {
		char *tag = xstrndup(p, (size_t)(tag_end - p));
		bool atom = strstr(tag, "www.w3.org/2005/Atom") != NULL;
		free(tag);
		return atom ? BLOG_ATOM : BLOG_NONE;
	}
	if (namelen == 7 && memcmp(name, "rdf:RDF", 7) == 0 &&
	    memmem(p, (size_t)(end - p), "purl.org/rss/1.0/", 17) != NULL)
		return BLOG_RSS;
	return BLOG_NONE;
}

const char *
blog_kind_name(blog_kind kind)
{
	switch (kind) {
	case BLOG_WXR: return "WordPress export";
	case BLOG_RSS: return "RSS feed";
	case BLOG_ATOM: return "Atom feed";
	case BLOG_NONE: break;
	}
	return "page";
}

struct blog *
blog_create(blog_kind kind)
{
	struct blog *b = xcalloc(1, sizeof *b);
	b->kind = kind;
	return b;
}

/* Free what an item holds. */
static void
item_clear(struct blog_item *it)
{
	free(it->title);
	free(it->author);
	free(it->published);
	free(it->modified);
	free(it->link);
	free(it->guid);
	free(it->html);
	for (size_t i = 0; i < it->ntags; i++)
		free(it->tags[i]);
	free(it->tags);
}

void
blog_free(struct blog *b)
{
	if (b == NULL)
		return;
	for (size_t i = 0; i < b->nitems; i++)
		item_clear(&b->items[i]);
	free(b->items);
	free(b->site_title);
	free(b->site_url);
	free(b->language);
	free(b->next_page);
	buf_free(&b->skipped);
	buf_free(&b->warnings);
	free(b);
}

void
blog_clear_items(struct blog *b)
{
	for (size_t i = 0; i < b->nitems; i++)
		item_clear(&b->items[i]);
	b->first += b->nitems;
	b->nitems = 0;
}

struct blog_item *
blog_add_item(struct blog *b)
{
	if (b->nitems == b->items_cap) {
		b->items_cap = b->items_cap ? b->items_cap * 2 : 64;
		b->items = xreallocarray(b->items, b->items_cap, sizeof *b->items);
	}
	struct blog_item *it = &b->items[b->nitems++];
	memset(it, 0, sizeof *it);
	return it;
}

void
blog_item_add_tag(struct blog_item *it, const char *tag)
{
	if (tag == NULL || tag[0] == '\0')
		return;
	for (size_t i = 0; i < it->ntags; i++)
		if (text_eq_ci(it->tags[i], tag))
			return;
	it->tags = xreallocarray(it->tags, it->ntags + 1, sizeof *it->tags);
	it->tags[it->ntags++] = xstrdup(tag);
}

void
blog_warn(struct blog *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	buf_printf(&b->warnings, "%s\n", msg);
	b->nwarnings++;
	free(msg);
}

/* Append s with the characters HTML gives meaning escaped. */
static void
put_escaped(struct buf *out, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&': buf_puts(out, "&amp;"); break;
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		case '"': buf_puts(out, "&quot;"); break;
		default: buf_putc(out, *s);
		}
	}
}

/* Append <meta ATTR="key" content="value"> when value is set. */
static void
put_meta(struct buf *out, const char *attr, const char *key, const char *value)
{
	if (value == NULL)
		return;
	buf_printf(out, "<meta %s=\"%s\" content=\"", attr, key);
	put_escaped(out, value);
	buf_puts(out, "\">\n");
}

char *
blog_item_page(const struct blog *b, const struct blog_item *it, size_t *lenp)
{
	struct buf out = {0};
	buf_puts(&out, "<!DOCTYPE html>\n<html");
	if (b->language != NULL) {
		buf_puts(&out, " lang=\"");
		put_escaped(&out, b->language);
		buf_putc(&out, '"');
	}
	buf_puts(&out, "><head><meta charset=\"utf-8\">\n<title>");
	put_escaped(&out, it->title != NULL ? it->title : "");
	buf_puts(&out, "</title>\n");
	put_meta(&out, "name", "author", it->author);
	put_meta(&out, "property", "article:published_time", it->published);
	put_meta(&out, "property", "article:modified_time", it->modified);
	put_meta(&out, "property", "og:site_name", b->site_title);
	for (size_t i = 0; i < it->ntags; i++)
		put_meta(&out, "property", "article:tag", it->tags[i]);
	if (it->link != NULL) {
		buf_puts(&out, "<link rel=\"canonical\" href=\"");
		put_escaped(&out, it->link);
		buf_puts(&out, "\">\n");
	}
	buf_puts(&out, "</head>\n<body><article><div class=\"entry-content\">\n");
	buf_puts(&out, it->html != NULL ? it->html : "");
	buf_puts(&out, "\n</div></article></body></html>\n");
	*lenp = out.len;
	return buf_detach(&out);
}

/* The first element called name under n, depth first, or NULL. */
static xmlNode *
find_element(xmlNode *n, const char *name)
{
	for (xmlNode *c = n; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)c->name, name) == 0)
			return c;
		xmlNode *f = find_element(c->children, name);
		if (f != NULL)
			return f;
	}
	return NULL;
}

/* Return the text of a title that may hold markup ("Title <em>With</em>
 * Markup", "A &amp; B"), as a theme would show it; newly allocated. */
static char *
title_text(const char *title)
{
	if (strpbrk(title, "<&") == NULL)
		return xstrdup(title);
	char *doc = xasprintf("<html><body><p>%s</p></body></html>", title);
	htmlDocPtr d = html_parse(doc, strlen(doc), "utf-8", NULL, NULL);
	free(doc);
	xmlNode *body = d != NULL ? find_element(xmlDocGetRootElement(d), "body") : NULL;
	char *text = body != NULL ? dom_text(body) : NULL;
	xmlFreeDoc(d);
	return text != NULL ? text : xstrdup(title);
}

/* Fill a's metadata from the item where a lacks it (or always, if force). */
static void
fill_meta(struct article *a, const struct blog *b, const struct blog_item *it, bool force)
{
	struct { char **field; const char *value; } f[] = {
		{ &a->title, it->title }, { &a->author, it->author },
		{ &a->published, it->published }, { &a->modified, it->modified },
		{ &a->site_name, b->site_title }, { &a->canonical_url, it->link },
		{ &a->language, b->language },
	};
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
		if (f[i].value == NULL || (!force && *f[i].field != NULL))
			continue;
		/* Export text is not page text: fold its white space and drop
		 * control characters, as meta does for a page. */
		char *raw = f[i].field == &a->title ? title_text(f[i].value) : xstrdup(f[i].value);
		char *v = text_normalize(raw);
		free(raw);
		article_set(f[i].field, v[0] != '\0' ? v : NULL);
		free(v);
	}
	for (size_t i = 0; i < it->ntags; i++) {
		char *tag = text_normalize(it->tags[i]);
		if (tag[0] != '\0')
			article_add_tag(a, tag);
		free(tag);
	}
}

struct article *
blog_item_article(const struct blog *b, const struct blog_item *it, const char *page, size_t len)
{
	struct article *a = article_create();
	const char *id = it->link != NULL ? it->link : it->guid;
	article_set(&a->url, id);
	fill_meta(a, b, it, true);
	htmlDocPtr doc = html_parse(page, len, "utf-8", it->link, NULL);
	if (doc != NULL) {
		xmlNode *body = find_element(xmlDocGetRootElement(doc), "body");
		if (body != NULL)
			blocks_build(body, it->link, a);
		quotes_find(a);
		xmlFreeDoc(doc);
	}
	return a;
}

/* Seconds on the monotonic clock. */
static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Whether the library holds id with exactly this page. */
static bool
page_unchanged(struct store *st, long long id, const char *page, size_t len)
{
	char *data = NULL, *charset = NULL, *url = NULL;
	size_t n = 0;
	bool same = false;
	if (store_page_get(st, id, &data, &n, &charset, &url, NULL) == 0)
		same = n == len && memcmp(data, page, len) == 0;
	free(data);
	free(charset);
	free(url);
	return same;
}

/* Fetch item it's link and extract it as a page, the item's metadata
 * filling what the page lacks. Returns the article with *src filled, or
 * NULL with *errp set. */
static struct article *
fetch_full(const struct blog *b, const struct blog_item *it, struct source *src, char **errp)
{
	if (it->link == NULL) {
		set_error(errp, "summary only and no link to fetch");
		return NULL;
	}
	if (source_load(it->link, src, errp) < 0)
		return NULL;
	struct article *a = extract_page(src->data, src->len, src->url, src->charset, errp);
	if (a == NULL) {
		source_clear(src);
		return NULL;
	}
	fill_meta(a, b, it, false);
	return a;
}

/* Store one item; returns 0 added, 1 updated, 2 unchanged, -1 failed. */
static int
import_item(struct store *st, const struct blog *b, const struct blog_item *it, bool full,
    FILE *out)
{
	const char *key = it->link != NULL ? it->link : it->guid;
	struct source src = {0};
	char *err = NULL, *page = NULL;
	size_t len = 0;
	struct article *a = NULL;
	long long id = 0;
	int found = 0, result = -1;
	if (full && it->summary_only) {
		if ((a = fetch_full(b, it, &src, &err)) == NULL)
			goto fail;
		page = src.data;
		len = src.len;
	} else {
		page = blog_item_page(b, it, &len);
	}
	if (key != NULL && (found = store_find_by_url(st, key, &id, &err)) < 0)
		goto fail;
	if (found && page_unchanged(st, id, page, len)) {
		result = 2;
		goto done;
	}
	if (a == NULL)
		a = blog_item_article(b, it, page, len);
	bool created = false;
	if (store_article_put(st, a, page, len, src.charset != NULL ? src.charset : "utf-8", &id,
	    &created, &err) < 0)
		goto fail;
	result = created ? 0 : 1;
	if (out != NULL) {
		char *title = text_sanitize(a->title != NULL && a->title[0] ? a->title : "(untitled)",
		    false);
		fprintf(out, "%lld\t%s\t%zu blocks\n", id, title, a->nblocks);
		fflush(out);   /* one line as each item is committed */
		free(title);
	}
	goto done;
fail: {
		char *what = text_sanitize(key != NULL ? key : it->title != NULL ? it->title : "item",
		    false);
		char *why = text_sanitize(err != NULL ? err : "failed", false);
		fprintf(stderr, "quire: %s: %s\n", what, why);
		free(what);
		free(why);
	}
done:
	free(err);
	article_free(a);
	if (page != src.data)
		free(page);
	source_clear(&src);
	return result;
}

/* Draw "importing: done/total, rate" over the previous progress line. */
static void
show_progress(FILE *f, size_t done, size_t total, double elapsed)
{
	double rate = elapsed > 0 ? (double)done / elapsed : 0;
	fprintf(f, "\rquire: importing %zu/%zu items, %.0f/s ", done, total, rate);
	fflush(f);
}

void
blog_import(struct store *st, const struct blog *b, bool full, FILE *out, FILE *progress,
    const volatile sig_atomic_t *stop, struct blog_tally *t)
{
	if (t->started == 0 || b->first == 0)
		t->started = now();   /* a document's first batch: its rate starts here */
	double start = t->started, last = 0;
	size_t total = b->total > b->first + b->nitems ? b->total : b->first + b->nitems;
	/* Item lines and the progress line share a terminal: clear the
	 * progress line before each item and draw it again after. */
	bool shared = progress != NULL && out != NULL && isatty(fileno(out));
	for (size_t i = 0; i < b->nitems && (stop == NULL || !*stop); i++) {
		if (shared && b->first + i > 0) {
			fputs("\r\033[K", progress);
			fflush(progress);
		}
		switch (import_item(st, b, &b->items[i], full, out)) {
		case 0: t->added++; break;
		case 1: t->updated++; break;
		case 2: t->unchanged++; break;
		default: t->failed++; break;
		}
		if (progress != NULL) {
			double tnow = now();
			if (shared || tnow - last >= 0.1 || b->first + i + 1 == total) {
				show_progress(progress, b->first + i + 1, total, tnow - start);
				last = tnow;
			}
		}
	}
	/* The progress line ends with the document, or where it stopped. */
	if (progress != NULL && b->nitems > 0 &&
	    (b->first + b->nitems >= total || (stop != NULL && *stop)))
		fputc('\n', progress);
}
