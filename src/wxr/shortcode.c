/* shortcode.c — WordPress shortcodes in a post body, expanded the way a
 * reader needs them: [caption] a figure with its caption, [gallery] the
 * gallery's images, media shortcodes a link to the media, anything else its
 * inner content. The grammar is WordPress's get_shortcode_regex(): a name
 * of letters, digits, '_' and '-', attributes up to ']', an optional '/'
 * before it, and an optional [/name] closing it; [[name]] is the escaped,
 * literal [name]. WordPress leaves names nobody registered as literal text;
 * quire does not know what a blog registered, so an unknown name counts as a
 * shortcode when it encloses content, has name=value attributes or closes
 * itself, and a bare "[word]" is left as the prose it most likely is. */
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "wxr.h"

/* Deepest shortcode nesting expanded; deeper ones give their content. */
#define MAX_DEPTH 16
/* Most images one [gallery] gives. */
#define MAX_GALLERY 200

/* One parsed shortcode occurrence. */
struct shortcode {
	char name[64];
	const char *attrs;       /* after the name, up to ']' */
	size_t attrs_len;
	const char *content;     /* enclosing shortcodes: the inner text */
	size_t content_len;
	bool enclosing, self_closing, escaped;
	size_t len;              /* bytes of the whole occurrence */
};

typedef void (*handler_fn)(const struct shortcode *sc, const struct wxr_shortcode_env *env,
    int depth, struct buf *out);

static void expand(const char *s, size_t n, const struct wxr_shortcode_env *env, int depth,
    struct buf *out);

/* Append s with HTML's special characters escaped, for an attribute. */
static void
put_attr(struct buf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '&': buf_puts(out, "&amp;"); break;
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		case '"': buf_puts(out, "&quot;"); break;
		default: buf_putc(out, s[i]);
		}
	}
}

/* The value of attribute key in sc (shortcode_parse_atts: key="v", key='v'
 * or key=v), newly allocated, or NULL. */
static char *
attr(const struct shortcode *sc, const char *key)
{
	const char *p = sc->attrs, *end = sc->attrs + sc->attrs_len;
	size_t klen = strlen(key);
	while (p < end) {
		while (p < end && isspace((unsigned char)*p))
			p++;
		const char *name = p;
		while (p < end && (isalnum((unsigned char)*p) || *p == '_' || *p == '-'))
			p++;
		size_t nlen = (size_t)(p - name);
		while (p < end && isspace((unsigned char)*p))
			p++;
		const char *v = NULL;
		size_t vlen = 0;
		if (p < end && *p == '=') {
			p++;
			while (p < end && isspace((unsigned char)*p))
				p++;
			if (p < end && (*p == '"' || *p == '\'')) {
				char q = *p++;
				v = p;
				while (p < end && *p != q)
					p++;
				vlen = (size_t)(p - v);
				if (p < end)
					p++;
			} else {
				v = p;
				while (p < end && !isspace((unsigned char)*p))
					p++;
				vlen = (size_t)(p - v);
			}
		} else if (p < end && (*p == '"' || *p == '\'')) {
			char q = *p++;   /* a positional "value" */
			while (p < end && *p != q)
				p++;
			if (p < end)
				p++;
		} else if (nlen == 0 && p < end) {
			p++;
		}
		if (v != NULL && nlen == klen && strncasecmp(name, key, klen) == 0)
			return xstrndup(v, vlen);
	}
	return NULL;
}

/* Parse a shortcode at s[0] == '['; returns false when there is none. */
static bool
parse(const char *s, size_t n, struct shortcode *sc)
{
	memset(sc, 0, sizeof *sc);
	size_t i = 1;
	bool double_open = i < n && s[i] == '[';
	if (double_open)
		i++;
	size_t start = i;
	while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == '-'))
		i++;
	size_t nlen = i - start;
	if (nlen == 0 || nlen >= sizeof sc->name || !isalpha((unsigned char)s[start]))
		return false;
	if (i >= n || (s[i] != ']' && s[i] != '/' && !isspace((unsigned char)s[i])))
		return false;
	memcpy(sc->name, s + start, nlen);
	sc->name[nlen] = '\0';
	const char *close = memchr(s + i, ']', n - i);
	if (close == NULL)
		return false;
	const char *lt = memchr(s + i, '[', (size_t)(close - (s + i)));
	if (lt != NULL)
		return false;   /* '[' before ']': not a tag */
	sc->attrs = s + i;
	sc->attrs_len = (size_t)(close - (s + i));
	if (sc->attrs_len > 0 && sc->attrs[sc->attrs_len - 1] == '/') {
		sc->self_closing = true;
		sc->attrs_len--;
	}
	size_t after = (size_t)(close - s) + 1;
	if (!sc->self_closing) {
		char end_tag[72];
		int k = snprintf(end_tag, sizeof end_tag, "[/%s]", sc->name);
		const char *e = memmem(s + after, n - after, end_tag, (size_t)k);
		if (e != NULL) {
			sc->enclosing = true;
			sc->content = s + after;
			sc->content_len = (size_t)(e - (s + after));
			after = (size_t)(e - s) + (size_t)k;
		}
	}
	if (double_open && after < n && s[after] == ']') {
		sc->escaped = true;
		after++;
	} else if (double_open) {
		return false;   /* "[[x]" : the first '[' is text */
	}
	sc->len = after;
	return true;
}

/* [caption]: the image (with its link) then the caption, as a figure. */
static void
do_caption(const struct shortcode *sc, const struct wxr_shortcode_env *env, int depth,
    struct buf *out)
{
	struct buf inner = {0};
	expand(sc->content != NULL ? sc->content : "", sc->content_len, env, depth + 1, &inner);
	char *caption = attr(sc, "caption");
	const char *s = buf_str(&inner);
	const char *img = strstr(s, "<img");
	const char *media_end = img != NULL ? strchr(img, '>') : NULL;
	buf_puts(out, "<figure class=\"wp-caption\">");
	if (media_end != NULL) {
		media_end++;
		const char *rest = media_end;
		while (isspace((unsigned char)*rest))
			rest++;
		if (strncmp(rest, "</a>", 4) == 0)
			media_end = rest + 4;
		buf_append(out, s, (size_t)(media_end - s));
		if (caption == NULL)
			caption = xstrdup(media_end);
	} else if (caption == NULL) {
		caption = xstrdup(s);
	}
	buf_puts(out, "<figcaption class=\"wp-caption-text\">");
	buf_puts(out, caption);
	buf_puts(out, "</figcaption></figure>");
	free(caption);
	buf_free(&inner);
}

/* Append an <img> for attachment id, when the export has it. */
static void
gallery_image(const struct wxr_shortcode_env *env, long long id, struct buf *out)
{
	const char *url = env != NULL && env->url != NULL ? env->url(env->media, id) : NULL;
	if (url == NULL)
		return;
	buf_puts(out, "<img src=\"");
	put_attr(out, url, strlen(url));
	buf_puts(out, "\" alt=\"\">");
}

/* [gallery]: its ids (or include), else the post's attached images. */
static void
do_gallery(const struct shortcode *sc, const struct wxr_shortcode_env *env, int depth,
    struct buf *out)
{
	(void)depth;
	char *ids = attr(sc, "ids");
	if (ids == NULL)
		ids = attr(sc, "include");
	size_t mark = out->len;
	buf_puts(out, "<figure class=\"gallery\">");
	size_t opened = out->len;
	if (ids != NULL) {
		int k = 0;
		for (char *p = ids; *p != '\0' && k < MAX_GALLERY; k++) {
			char *end;
			long long id = strtoll(p, &end, 10);
			if (end == p)
				break;
			gallery_image(env, id, out);
			p = end + strspn(end, ", ");
		}
	} else if (env != NULL && env->children != NULL) {
		long long kids[MAX_GALLERY];
		size_t nk = env->children(env->media, env->post_id, kids, MAX_GALLERY);
		for (size_t i = 0; i < nk; i++)
			gallery_image(env, kids[i], out);
	}
	if (out->len == opened)
		buf_truncate(out, mark);   /* no images: nothing at all */
	else
		buf_puts(out, "</figure>");
	free(ids);
}

/* [embed]URL[/embed], [video], [audio] and kin: a link to the media, or
 * nothing when there is no URL. */
static void
do_media(const struct shortcode *sc, const struct wxr_shortcode_env *env, int depth,
    struct buf *out)
{
	(void)env;
	(void)depth;
	static const char *const keys[] = { "src", "url", "mp4", "m4v", "webm", "ogv", "wmv",
		"flv", "mp3", "m4a", "ogg", "wav", "wma" };
	char *url = NULL;
	for (size_t i = 0; i < sizeof keys / sizeof keys[0] && url == NULL; i++)
		url = attr(sc, keys[i]);
	if (url == NULL) {
		/* A positional URL: [audio https://…/a.mp3]. */
		const char *h = sc->attrs, *end = sc->attrs + sc->attrs_len;
		while (h < end && url == NULL) {
			h += strspn(h, " \t\n\"'");
			if (h >= end)
				break;
			size_t k = strcspn(h, " \t\n\"'");
			if (h + k > end)
				k = (size_t)(end - h);
			if (k > 8 && (strncmp(h, "http://", 7) == 0 || strncmp(h, "https://", 8) == 0))
				url = xstrndup(h, k);
			h += k;
			if (k == 0)
				break;
		}
	}
	if (url == NULL && sc->content != NULL) {
		size_t a = 0, z = sc->content_len;
		while (a < z && isspace((unsigned char)sc->content[a]))
			a++;
		while (z > a && isspace((unsigned char)sc->content[z - 1]))
			z--;
		if (z - a > 7 && memchr(sc->content + a, '<', z - a) == NULL)
			url = xstrndup(sc->content + a, z - a);
	}
	if (url == NULL || (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0 &&
	    strncmp(url, "//", 2) != 0)) {
		free(url);
		return;
	}
	buf_puts(out, "<p><a href=\"");
	put_attr(out, url, strlen(url));
	buf_puts(out, "\">");
	put_attr(out, url, strlen(url));
	buf_puts(out, "</a></p>");
	free(url);
}

/* Anything else: its inner content, expanded. */
static void
do_content(const struct shortcode *sc, const struct wxr_shortcode_env *env, int depth,
    struct buf *out)
{
	if (sc->content != NULL)
		expand(sc->content, sc->content_len, env, depth + 1, out);
}

/* The shortcodes WordPress and WordPress.com register that quire treats
 * specially or knows to be shortcodes even when bare. */
static const struct {
	const char *name;
	handler_fn fn;
} handlers[] = {
	{ "caption", do_caption }, { "wp_caption", do_caption },
	{ "gallery", do_gallery },
	{ "embed", do_media }, { "video", do_media }, { "audio", do_media },
	{ "wpvideo", do_media }, { "youtube", do_media }, { "vimeo", do_media },
	{ "playlist", do_content }, { "video-playlist", do_content },
	{ "contact-form", do_content }, { "archives", do_content }, { "sitemap", do_content },
	{ "googlemaps", do_content }, { "slideshow", do_content }, { "tweet", do_media },
	{ "soundcloud", do_media }, { "instagram", do_media }, { "dailymotion", do_media },
	{ "ted", do_media }, { "polldaddy", do_content }, { "crowdsignal", do_content },
};

/* The handler for name, or NULL when quire does not know it. */
static handler_fn
find_handler(const char *name)
{
	for (size_t i = 0; i < sizeof handlers / sizeof handlers[0]; i++)
		if (strcmp(handlers[i].name, name) == 0)
			return handlers[i].fn;
	return NULL;
}

/* Whether an unknown bracketed name is a shortcode rather than prose. */
static bool
looks_like_shortcode(const struct shortcode *sc)
{
	return sc->enclosing || sc->self_closing || memchr(sc->attrs, '=', sc->attrs_len) != NULL;
}

/* Append s[0..n) to out with its shortcodes expanded. */
static void
expand(const char *s, size_t n, const struct wxr_shortcode_env *env, int depth, struct buf *out)
{
	size_t i = 0;
	while (i < n) {
		const char *lb = memchr(s + i, '[', n - i);
		if (lb == NULL) {
			buf_append(out, s + i, n - i);
			break;
		}
		buf_append(out, s + i, (size_t)(lb - (s + i)));
		i = (size_t)(lb - s);
		struct shortcode sc;
		if (!parse(s + i, n - i, &sc)) {
			buf_putc(out, '[');
			i++;
			continue;
		}
		handler_fn fn = find_handler(sc.name);
		if (sc.escaped) {
			/* [[x]] is the literal [x]. */
			buf_append(out, s + i + 1, sc.len - 2);
			i += sc.len;
			continue;
		}
		if (fn == NULL && !looks_like_shortcode(&sc)) {
			buf_putc(out, '[');
			i++;
			continue;
		}
		if (depth >= MAX_DEPTH || fn == NULL) {
			if (sc.content != NULL && depth < MAX_DEPTH)
				expand(sc.content, sc.content_len, env, depth + 1, out);
			else if (sc.content != NULL)
				buf_append(out, sc.content, sc.content_len);
		} else {
			fn(&sc, env, depth, out);
		}
		i += sc.len;
	}
}

char *
wxr_shortcodes(const char *html, const struct wxr_shortcode_env *env)
{
	struct buf out = {0};
	expand(html, strlen(html), env, 0, &out);
	return buf_detach(&out);
}

char *
wxr_strip_blocks(const char *text, int *had_blocks)
{
	struct buf out = {0};
	const char *p = text;
	*had_blocks = 0;
	const char *c;
	while ((c = strstr(p, "<!--")) != NULL) {
		const char *q = c + 4;
		while (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r')
			q++;
		const char *end = strstr(q, "-->");
		if (end == NULL || (strncmp(q, "wp:", 3) != 0 && strncmp(q, "/wp:", 4) != 0)) {
			buf_append(&out, p, (size_t)(c - p) + 4);
			p = c + 4;
			continue;
		}
		if (strncmp(q, "wp:", 3) == 0)
			*had_blocks = 1;
		buf_append(&out, p, (size_t)(c - p));
		p = end + 3;
	}
	buf_puts(&out, p);
	return buf_detach(&out);
}

char *
wxr_render(const char *content, const struct wxr_shortcode_env *env)
{
	int had_blocks;
	char *s = wxr_strip_blocks(content, &had_blocks);
	if (!had_blocks) {
		char *p = env != NULL && env->autop != NULL ? wxr_autop_run(env->autop, s) : wxr_autop(s);
		free(s);
		s = p;
	}
	char *out = wxr_shortcodes(s, env);
	free(s);
	return out;
}
