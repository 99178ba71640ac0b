/* wxr.h — WordPress exports (WXR, "WordPress eXtended RSS"): the posts and
 * pages of a blog with their metadata, and WordPress's own text filters that
 * turn a stored post body into the HTML a theme shows: block comments
 * removed, wpautop's paragraphs, and shortcodes expanded. */
#ifndef QUIRE_WXR_H
#define QUIRE_WXR_H

#include <stddef.h>

#include "blog.h"

/* Which items to take: wp:post_type and wp:status lists, comma-separated
 * (NULL: "post,page" and "publish"). */
struct wxr_options {
	const char *types;
	const char *statuses;
};

/* Parse len bytes of a WordPress export into a new blog (free with
 * blog_free). XML is read leniently (recovery on; what it dropped is in
 * the blog's warnings), with no network, no DTD loading and no external or
 * expanded entities. Returns NULL with *errp set when nothing readable is
 * left or it is not a WXR file. */
struct blog *wxr_parse(const char *data, size_t len, const struct wxr_options *opt, char **errp);

/* Read a WordPress export element by element, so that it never has to be
 * in memory whole: from the file at path, or else len bytes at data. A
 * first pass reads the channel (site, authors, attachments) and counts the
 * items; the second gives the items to fn in batches of batch, each batch
 * the items of a blog whose first and total say where it stands; fn
 * returning non-zero stops the read. With fn NULL every item stays in the
 * blog, as wxr_parse gives it. Either way *bp gets the blog (its warnings,
 * skipped counts and total; free with blog_free). Returns 0, or -1 with
 * *errp set (and *bp NULL) when it is not a WXR file or not one element
 * of it could be read; then fn was never called. */
int wxr_read(const char *path, const char *data, size_t len, const struct wxr_options *opt,
    size_t batch, int (*fn)(struct blog *b, void *arg), void *arg, struct blog **bp,
    char **errp);

/* wpautop's patterns, compiled once; free with wxr_autop_free. */
struct wxr_autop;
struct wxr_autop *wxr_autop_create(void);
void wxr_autop_free(struct wxr_autop *ap);   /* wxr_autop_free(NULL) does nothing */
/* WordPress's wpautop: blank lines become paragraphs, single newlines <br />,
 * block-level tags keep their own lines, <pre> is left alone. Returns a
 * newly allocated string. */
char *wxr_autop_run(const struct wxr_autop *ap, const char *text);
/* The same with patterns compiled for this call only. */
char *wxr_autop(const char *text);

/* Where shortcodes find the export's attachments: id → URL, and the
 * attachments of a post (for a [gallery] without ids). */
struct wxr_media;
typedef const char *(*wxr_media_url_fn)(const struct wxr_media *m, long long id);
typedef size_t (*wxr_media_children_fn)(const struct wxr_media *m, long long parent,
    long long *ids, size_t max);

struct wxr_shortcode_env {
	const struct wxr_autop *autop;   /* for wxr_render; may be NULL */
	const struct wxr_media *media;   /* may be NULL */
	wxr_media_url_fn url;
	wxr_media_children_fn children;
	long long post_id;
};

/* Expand shortcodes in html: [caption] becomes a figure with its image and
 * caption, [gallery] image elements, [embed], [video], [audio] and their
 * kind a link to the media, an unknown enclosing or attributed shortcode its
 * inner content, [[x]] the literal [x]. A bare [word] that names no known
 * shortcode is prose and stays. env may be NULL. Returns a newly allocated
 * string. */
char *wxr_shortcodes(const char *html, const struct wxr_shortcode_env *env);

/* Remove block-editor comments (<!-- wp:name {...} -->, <!-- /wp:name -->).
 * Returns a newly allocated string; *had_blocks says whether there were
 * any (WordPress then skips wpautop). */
char *wxr_strip_blocks(const char *text, int *had_blocks);

/* A post body as a theme would show it: blocks stripped, then wpautop when
 * there were no blocks, then shortcodes. Newly allocated. */
char *wxr_render(const char *content, const struct wxr_shortcode_env *env);

#endif
