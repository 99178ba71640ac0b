/* meta.c — article metadata from a whole page. One walk over the tree
 * gathers candidates for each field from every source the web uses — <meta>
 * (og:, article:, twitter:, Dublin Core, name=author), <link rel=canonical>,
 * JSON-LD (also inside @graph, with @id references), microdata and the
 * markup WordPress themes print (h1.entry-title, .author.vcard .fn,
 * time.entry-date, rel="category tag") — each with a rank saying how far it
 * is trusted. A field takes the best-ranked candidate that passes its checks
 * (an author that is a URL or a login like "admin" ranks below every real
 * name). Candidate strings are owned by the gathering context and freed
 * with it; the article gets copies.
 *
 * Titles trust the post's visible heading most (h1.entry-title,
 * .wp-block-post-title, an h1 in the article), then the JSON-LD headline,
 * the first other h1, og:title, twitter:title and last <title>: SEO plugins
 * often rewrite og:title and <title> into something the post never shows.
 * Every title candidate loses a leading or trailing site name; <title> is
 * split at its separators, and a part equal to a heading of the page wins.
 *
 * Regions that hold other people's or other posts' text (comments,
 * sidebars, widgets, related posts, menus) give no markup candidates —
 * unless the parser's recovery from broken markup has nested the post
 * itself inside one. Dates are read by meta/date.c (see meta.h for their
 * form), bylines and other strings cleaned by meta/names.c; what only the
 * visible text says (a date line beside the title, "Posted by …", a
 * kicker before the title) is read by meta/visible.c. */
#include "meta.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/uri.h>

#include "dom.h"
#include "jsonparse.h"
#include "meta/classes.h"
#include "meta/date.h"
#include "meta/names.h"
#include "text.h"

#include "meta/gather.h"

/* ---- candidates ---- */

/* Append the text under n to out, stopping once out holds more than max
 * bytes; returns false then. spaced puts a space around each element, so
 * that a date badge's <span>Feb</span><span>18</span><span>2009</span>
 * reads as three words. */
static bool
text_upto(const xmlNode *n, struct buf *out, size_t max, bool spaced, int depth)
{
	if (depth > MAX_WALK_DEPTH)
		return true;
	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content != NULL)
				buf_puts(out, (const char *)c->content);
		} else if (c->type == XML_ELEMENT_NODE && !dom_is(c, "script") && !dom_is(c, "style") &&
		    !dom_is(c, "template")) {
			if (spaced)
				buf_putc(out, ' ');
			if (!text_upto(c, out, max, spaced, depth + 1))
				return false;
			if (spaced)
				buf_putc(out, ' ');
		}
		if (out->len > max)
			return false;
	}
	return true;
}

/* Return the normalised text under n (newly allocated), or NULL when it is
 * longer than max bytes: metadata lives in short elements, and a long one
 * is a container, not worth gathering. spaced: see text_upto. */
char *
meta_bounded_text(const xmlNode *n, size_t max, bool spaced)
{
	struct buf b = {0};
	char *s = NULL;
	if (text_upto(n, &b, max * 2, spaced, 0))
		s = text_normalize(buf_str(&b));
	buf_free(&b);
	if (s != NULL && strlen(s) > max) {
		free(s);
		s = NULL;
	}
	return s;
}

/* Return the normalised text under n (newly allocated), or NULL when it is
 * longer than max bytes. */
static char *
bounded_text(const xmlNode *n, size_t max)
{
	return meta_bounded_text(n, max, false);
}

/* Add a candidate for field f; value is normalised and copied. */
void
meta_cand_add(struct ctx *x, enum field f, int rank, const char *value)
{
	if (value == NULL || x->n >= MAX_CANDIDATES)
		return;
	char *v = text_normalize(value);
	if (f == F_AUTHOR)
		meta_drop_handles(v);
	if (*v == '\0') {
		free(v);
		return;
	}
	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 64;
		x->c = xreallocarray(x->c, x->cap, sizeof *x->c);
	}
	x->c[x->n++] = (struct cand){ f, rank, x->order++, v, FROM_PAGE };
}

/* Add a candidate as meta_cand_add does, saying where it came from. */
void
meta_cand_add_from(struct ctx *x, enum field f, int rank, const char *value, enum cand_from from)
{
	size_t n = x->n;
	meta_cand_add(x, f, rank, value);
	if (x->n > n)
		x->c[n].from = from;
}

/* Return the best candidate for f (lowest rank, then earliest), or NULL. */
static struct cand *
cand_best(struct ctx *x, enum field f)
{
	struct cand *best = NULL;
	for (size_t i = 0; i < x->n; i++) {
		struct cand *c = &x->c[i];
		if (c->field == f && (best == NULL || c->rank < best->rank ||
		    (c->rank == best->rank && c->order < best->order)))
			best = c;
	}
	return best;
}

/* Add a candidate from text that may hold character references. */
static void
cand_add_decoded(struct ctx *x, enum field f, int rank, const char *value)
{
	if (value == NULL)
		return;
	char *d = meta_decode_entities(value);
	meta_cand_add(x, f, rank, d);
	free(d);
}

/* ---- dates ---- */

/* Find the zone offset of any date candidate that states one. */
static bool
page_offset(struct ctx *x, int *off)
{
	for (size_t i = 0; i < x->n; i++) {
		if ((x->c[i].field == F_PUBLISHED || x->c[i].field == F_MODIFIED) && meta_date_zone(x->c[i].value, off))
			return true;
	}
	return false;
}

/* Set *field from the best candidate for f that parses as a date. */
static void
choose_date(struct ctx *x, enum field f, char **field)
{
	int off = 0;
	bool have = page_offset(x, &off);
	for (;;) {
		struct cand *c = cand_best(x, f);
		if (c == NULL)
			return;
		char *d = meta_date_normalize(c->value, have, off);
		struct cand *a = d != NULL && f == F_PUBLISHED ? meta_shown_agrees(x, c, have, off) : c;
		if (a != c) {
			free(d);
			d = meta_date_normalize(a->value, have, off);
		}
		if (d != NULL) {
			free(*field);
			*field = d;
			return;
		}
		c->field = F_COUNT;   /* unparseable: drop it and look again */
	}
}

/* ---- <title> and site names ---- */

static const char *const title_seps[] = {
	" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ", " \xc2\xb7 ", " \xe2\x80\xa2 ",
	" \xc2\xbb ", " \xe2\x80\xba ", " \xc2\xab ", " \xe2\x80\xb9 ", " // ", " : ", " / ", " ~ ",
	" \\ ", " > ",
};
#define NSEPS (sizeof title_seps / sizeof title_seps[0])

/* Find the last (or first) title separator in t; sets *seplen. */
static const char *
find_sep(const char *t, bool last, size_t *seplen)
{
	const char *best = NULL;
	for (size_t i = 0; i < NSEPS; i++) {
		for (const char *p = t; (p = strstr(p, title_seps[i])) != NULL; p++) {
			if (best == NULL || (last ? p > best : p < best)) {
				best = p;
				*seplen = strlen(title_seps[i]);
			}
			if (!last)
				break;
		}
	}
	return best;
}

/* Strip a leading or trailing site name with its separator from t, in
 * place. Returns whether anything was stripped. */
static bool
strip_site(char *t, const char *site)
{
	if (site == NULL || *site == '\0')
		return false;
	size_t n = strlen(t), k = strlen(site);
	for (size_t i = 0; i < NSEPS; i++) {
		size_t sl = strlen(title_seps[i]);
		if (n > k + sl && strcasecmp(t + n - k, site) == 0 && memcmp(t + n - k - sl, title_seps[i], sl) == 0) {
			t[n - k - sl] = '\0';
			return true;
		}
		if (n > k + sl && strncasecmp(t, site, k) == 0 && memcmp(t + k, title_seps[i], sl) == 0) {
			memmove(t, t + k + sl, n - k - sl + 1);
			return true;
		}
	}
	return false;
}

/* Whether heading text h is the site's name rather than a post title. */
static bool
heading_is_site(struct ctx *x, size_t i)
{
	return x->h1_site != NULL && x->h1_site[i];
}

/* Whether s[0..len) is a host name standing for the site ("example.de",
 * "www.example.com"): no space, a dot, letters after the last dot. */
static bool
is_hostname_n(const char *s, size_t len)
{
	const char *dot = NULL;
	if (len < 4 || len > 80)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '.')
			dot = s + i;
		else if (!isalnum((unsigned char)s[i]) && s[i] != '-')
			return false;
	}
	size_t tld = dot ? len - (size_t)(dot - s) - 1 : 0;
	if (dot == NULL || dot == s || tld < 2 || tld > 12)
		return false;
	for (size_t i = 0; i < tld; i++)
		if (!isalpha((unsigned char)dot[1 + i]))
			return false;
	return true;
}

/* Whether s is a host name standing for the site. */
static bool
is_hostname(const char *s)
{
	return is_hostname_n(s, strlen(s));
}

/* Split a <title> text into the post's title and (into *site, newly
 * allocated) the site part, when separators divide it. A part equal to a
 * heading of the page that is not the site's own heading wins (the first
 * such part); otherwise the text before the last separator, unless that
 * leaves fewer than three words, when the text after the first one. */
static char *
split_title(struct ctx *x, const char *title, char **site)
{
	*site = NULL;
	size_t seplen = 0;
	for (size_t i = 0; i < x->nh1; i++)
		if (heading_is_site(x, i) && strcasecmp(title, x->h1[i]) == 0) {
			*site = xstrdup(title);
			return xstrdup(title);
		}
	const char *last = find_sep(title, true, &seplen);
	if (last == NULL)
		return xstrdup(title);
	/* Try each prefix ending at a separator, then each suffix starting
	 * after one: titles lead more often than they trail. */
	for (int pass = 0; pass < 2; pass++)
		for (const char *p = title; (p = find_sep(p, false, &seplen)) != NULL; p += seplen) {
			size_t k = (size_t)(p - title);
			for (size_t i = 0; i < x->nh1; i++) {
				if (heading_is_site(x, i))
					continue;
				if (pass == 0 && strlen(x->h1[i]) == k && strncasecmp(title, x->h1[i], k) == 0) {
					*site = xstrdup(p + seplen);
					return xstrndup(title, k);
				}
				if (pass == 1 && strcasecmp(p + seplen, x->h1[i]) == 0) {
					*site = xstrndup(title, k);
					return xstrdup(p + seplen);
				}
			}
		}
	/* "Site » Blog Archive » Post": a leading site name puts the title last. */
	size_t lastlen = seplen;
	const char *first = find_sep(title, false, &seplen);
	size_t firstlen = seplen;
	for (size_t i = 0; i < x->nh1; i++) {
		size_t k = strlen(x->h1[i]);
		if (heading_is_site(x, i) && k == (size_t)(first - title) && strncasecmp(title, x->h1[i], k) == 0) {
			*site = xstrndup(title, k);
			return xstrdup(last + lastlen);
		}
	}
	if (is_hostname(last + lastlen) || is_hostname_n(title, (size_t)(first - title))) {
		bool site_last = is_hostname(last + lastlen);
		*site = site_last ? xstrdup(last + lastlen) : xstrndup(title, (size_t)(first - title));
		return site_last ? xstrndup(title, (size_t)(last - title)) : xstrdup(first + firstlen);
	}
	char *head = xstrndup(title, (size_t)(last - title));
	if (text_word_count(head) >= 3) {
		*site = xstrdup(last + lastlen);
		return head;
	}
	free(head);
	if (text_word_count(first + firstlen) >= 3) {
		*site = xstrndup(title, (size_t)(first - title));
		return xstrdup(first + firstlen);
	}
	return xstrdup(title);
}

/* ---- <meta> ---- */

/* <meta> keys (property, name or itemprop) and the field each feeds. */
static const struct meta_rule {
	const char *key;
	enum field field;
	int rank;
} meta_rules[] = {
	{ "og:title", F_TITLE, 20 },
	{ "twitter:title", F_TITLE, 40 },
	{ "headline", F_TITLE, 35 },
	{ "parsely-title", F_TITLE, 42 },
	{ "sailthru.title", F_TITLE, 44 },
	{ "dc.title", F_TITLE, 46 },
	{ "author", F_AUTHOR, 26 },
	{ "article:author", F_AUTHOR, 18 },
	{ "parsely-author", F_AUTHOR, 27 },
	{ "sailthru.author", F_AUTHOR, 28 },
	{ "dc.creator", F_AUTHOR, 29 },
	{ "dcterms.creator", F_AUTHOR, 29 },
	{ "byl", F_AUTHOR, 45 },
	{ "article:published_time", F_PUBLISHED, 20 },
	{ "og:published_time", F_PUBLISHED, 21 },
	{ "datepublished", F_PUBLISHED, 35 },
	{ "article:published", F_PUBLISHED, 40 },
	{ "parsely-pub-date", F_PUBLISHED, 40 },
	{ "sailthru.date", F_PUBLISHED, 41 },
	{ "pubdate", F_PUBLISHED, 41 },
	{ "publishdate", F_PUBLISHED, 41 },
	{ "publish-date", F_PUBLISHED, 41 },
	{ "publish_date", F_PUBLISHED, 41 },
	{ "date", F_PUBLISHED, 42 },
	{ "dc.date", F_PUBLISHED, 43 },
	{ "dc.date.issued", F_PUBLISHED, 43 },
	{ "dcterms.date", F_PUBLISHED, 43 },
	{ "dcterms.issued", F_PUBLISHED, 43 },
	{ "dcterms.created", F_PUBLISHED, 44 },
	{ "article.published", F_PUBLISHED, 44 },
	{ "article:modified_time", F_MODIFIED, 20 },
	{ "og:updated_time", F_MODIFIED, 22 },
	{ "datemodified", F_MODIFIED, 35 },
	{ "dcterms.modified", F_MODIFIED, 40 },
	{ "og:site_name", F_SITE, 10 },
	{ "application-name", F_SITE, 35 },
	{ "og:url", F_CANONICAL, 50 },
	{ "og:locale", F_LANG, 20 },
	{ "content-language", F_LANG, 30 },
	{ "dc.language", F_LANG, 30 },
	{ "description", F_DESC, 10 },
	{ "og:description", F_DESC, 20 },
	{ "twitter:description", F_DESC, 30 },
	{ "article:tag", F_TAG, 10 },
	{ "article:section", F_TAG, 12 },
};

/* Whether microdata property n belongs to the page's article: its nearest
 * itemscope is an article or web page (or there is none), not a teaser
 * of another post. */
static bool
itemscope_is_article(const xmlNode *n)
{
	for (const xmlNode *p = n->parent; p != NULL && p->type == XML_ELEMENT_NODE; p = p->parent) {
		if (dom_attr(p, "itemscope") == NULL)
			continue;
		const char *t = dom_attr(p, "itemtype");
		return t == NULL || strstr(t, "Article") != NULL || strstr(t, "BlogPosting") != NULL ||
		    strstr(t, "WebPage") != NULL || strstr(t, "Posting") != NULL;
	}
	return true;
}

/* Keep a twitter:labelN / twitter:dataN pair's half: SEO plugins label
 * the post's author "Written by" there. */
static void
read_twitter_label(struct ctx *x, const char *name, const char *content)
{
	static const char *const labels[] = {
		"written by", "verfasst von", "geschrieben von", "\303\251crit par", "escrito por", "scritto da",
		"geschreven door", "author", "autor",
	};
	bool label = text_starts_with_ci(name, "twitter:label");
	const char *num = name + (label ? 13 : 12);
	if (num[0] < '1' || num[0] > '4' || num[1] != '\0')
		return;
	int i = num[0] - '1';
	if (!label) {
		if (x->tw_data[i] == NULL)
			x->tw_data[i] = xstrdup(content);
		return;
	}
	for (size_t k = 0; k < sizeof labels / sizeof labels[0]; k++)
		if (text_eq_ci(content, labels[k]))
			x->tw_author[i] = true;
}

/* Add the candidate a <meta> element gives. */
static void
read_meta(struct ctx *x, const xmlNode *n)
{
	const char *content = dom_attr(n, "content");
	const char *name = dom_attr(n, "name");
	if (content == NULL && name != NULL && text_starts_with_ci(name, "twitter:"))
		content = dom_attr(n, "value");   /* Twitter's early card markup */
	if (content == NULL)
		return;
	if (name != NULL && (text_starts_with_ci(name, "twitter:label") || text_starts_with_ci(name, "twitter:data")))
		read_twitter_label(x, name, content);
	if (dom_attr(n, "itemprop") != NULL && !itemscope_is_article(n))
		return;
	const char *keys[] = { dom_attr(n, "property"), dom_attr(n, "name"), dom_attr(n, "itemprop"),
		dom_attr(n, "http-equiv") };
	for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
		if (keys[k] == NULL)
			continue;
		for (size_t i = 0; i < sizeof meta_rules / sizeof meta_rules[0]; i++) {
			const struct meta_rule *r = &meta_rules[i];
			if (!text_eq_ci(keys[k], r->key))
				continue;
			if (r->field == F_AUTHOR && meta_is_url(content))
				continue;   /* article:author is often the author's page */
			if (r->field == F_LANG) {
				char *l = xstrdup(content);
				for (char *p = l; *p; p++)
					if (*p == '_')
						*p = '-';
				meta_cand_add(x, F_LANG, r->rank, l);
				free(l);
				continue;
			}
			cand_add_decoded(x, r->field, r->rank, content);
		}
	}
}

/* ---- JSON-LD ---- */

static const char *const article_types[] = {
	"Article", "BlogPosting", "NewsArticle", "TechArticle", "ScholarlyArticle", "Report",
	"SocialMediaPosting", "LiveBlogPosting", "OpinionNewsArticle", "ReportageNewsArticle",
	"AnalysisNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "AdvertiserContentArticle",
	"SatiricalArticle", "DiscussionForumPosting", "Review", "Recipe", "HowTo", "Posting", "Blog",
};

/* Whether JSON-LD type name t (maybe "schema:X" or a schema.org URL) is name. */
static bool
type_is(const char *t, const char *name)
{
	const char *slash = strrchr(t, '/'), *colon = strrchr(t, ':');
	if (slash != NULL)
		t = slash + 1;
	else if (colon != NULL)
		t = colon + 1;
	return strcmp(t, name) == 0;
}

/* Whether object o has @type name (the type may be a string or an array). */
static bool
has_type(const struct jvalue *o, const char *name)
{
	const struct jvalue *t = jsonparse_get(o, "@type");
	if (t == NULL)
		return false;
	if (t->type == JSON_STRING)
		return type_is(t->str, name);
	for (size_t i = 0; t->type == JSON_ARRAY && i < t->n; i++)
		if (t->items[i]->type == JSON_STRING && type_is(t->items[i]->str, name))
			return true;
	return false;
}

/* Whether o is an article of some kind. */
static bool
is_article(const struct jvalue *o)
{
	for (size_t i = 0; i < sizeof article_types / sizeof article_types[0]; i++)
		if (has_type(o, article_types[i]))
			return true;
	return false;
}

/* Record every object under v, pre-order. */
static void
collect_objects(struct ctx *x, const struct jvalue *v)
{
	if (v == NULL || x->nobj >= MAX_LD_OBJECTS)
		return;
	if (v->type == JSON_OBJECT) {
		if (x->nobj == x->obj_cap) {
			x->obj_cap = x->obj_cap ? x->obj_cap * 2 : 32;
			x->obj = xreallocarray(x->obj, x->obj_cap, sizeof *x->obj);
		}
		x->obj[x->nobj++] = v;
		for (size_t i = 0; i < v->n; i++)
			collect_objects(x, v->members[i].value);
	} else if (v->type == JSON_ARRAY) {
		for (size_t i = 0; i < v->n; i++)
			collect_objects(x, v->items[i]);
	}
}

/* The object with @id id other than self, holding more than the @id, or NULL. */
static const struct jvalue *
find_by_id(struct ctx *x, const char *id, const struct jvalue *self)
{
	for (size_t i = 0; i < x->nobj; i++) {
		const struct jvalue *o = x->obj[i];
		const char *oid = jsonparse_get_str(o, "@id");
		if (o != self && o->n > 1 && oid != NULL && strcmp(oid, id) == 0)
			return o;
	}
	return NULL;
}

/* Append the names a JSON-LD author/publisher value holds to out, joined by
 * ", ": a string, an object with a name, an @id reference, or an array. */
static void
ld_names(struct ctx *x, const struct jvalue *v, struct buf *out, int hops)
{
	if (v == NULL || hops > 4 || x->ld_budget <= 0)
		return;
	x->ld_budget--;
	const char *name = NULL;
	if (v->type == JSON_STRING)
		name = v->str;
	else if (v->type == JSON_ARRAY) {
		for (size_t i = 0; i < v->n && i < 16; i++)
			ld_names(x, v->items[i], out, hops + 1);
		return;
	} else if (v->type == JSON_OBJECT) {
		const struct jvalue *nv = jsonparse_get(v, "name");
		name = jsonparse_str(nv);
		if (nv != NULL && nv->type == JSON_ARRAY && nv->n > 0)
			name = jsonparse_str(nv->items[0]);
		if (name == NULL) {
			const char *id = jsonparse_get_str(v, "@id");
			if (id != NULL)
				ld_names(x, find_by_id(x, id, v), out, hops + 1);
			return;
		}
	}
	if (name == NULL)
		return;
	char *d = meta_decode_entities(name);
	char *t = text_normalize(d);
	free(d);
	if (*t != '\0' && !meta_is_url(t) && !text_contains_ci(buf_str(out), t)) {
		if (out->len > 0)
			buf_putc(out, '\x1f');
		buf_puts(out, t);
	}
	free(t);
}

/* Return the names ld_names gathered (separated by U+001F) as one newly
 * allocated byline: "A", "A and B", "A, B, C". */
static char *
join_names(const struct buf *names)
{
	const char *s = buf_str(names);
	size_t count = 1;
	for (const char *p = s; *p; p++)
		count += *p == '\x1f';
	struct buf b = {0};
	for (const char *p = s; *p; p++) {
		if (*p == '\x1f')
			buf_puts(&b, count == 2 ? " and " : ", ");
		else
			buf_putc(&b, *p);
	}
	return buf_detach(&b);
}

/* Add the tags a keywords or articleSection value holds. */
static void
ld_tags(struct ctx *x, const struct jvalue *v, int rank)
{
	if (v == NULL)
		return;
	if (v->type == JSON_ARRAY) {
		for (size_t i = 0; i < v->n && i < MAX_TAGS; i++)
			if (v->items[i]->type == JSON_STRING)
				cand_add_decoded(x, F_TAG, rank, v->items[i]->str);
		return;
	}
	if (v->type != JSON_STRING)
		return;
	char *s = xstrdup(v->str);
	char *save = NULL;
	for (char *tok = strtok_r(s, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
		cand_add_decoded(x, F_TAG, rank, tok);
	free(s);
}

/* Add candidates from a JSON-LD article object; rank_base shifts them when
 * the object is a web page rather than an article. */
static void
ld_article(struct ctx *x, const struct jvalue *o, int rank_base)
{
	const char *headline = jsonparse_get_str(o, "headline");
	cand_add_decoded(x, F_TITLE, 10 + rank_base, headline);
	if (headline == NULL && rank_base == 0)
		cand_add_decoded(x, F_TITLE, 15, jsonparse_get_str(o, "name"));
	struct buf b = {0};
	ld_names(x, jsonparse_get(o, "author"), &b, 0);
	if (b.len == 0)
		ld_names(x, jsonparse_get(o, "creator"), &b, 0);
	if (b.len > 0) {
		char *names = join_names(&b);
		meta_cand_add(x, F_AUTHOR, 10 + rank_base, names);
		free(names);
	}
	buf_free(&b);
	meta_cand_add(x, F_PUBLISHED, 10 + rank_base, jsonparse_get_str(o, "datePublished"));
	meta_cand_add(x, F_PUBLISHED, 30 + rank_base, jsonparse_get_str(o, "dateCreated"));
	meta_cand_add(x, F_MODIFIED, 10 + rank_base, jsonparse_get_str(o, "dateModified"));
	struct buf p = {0};
	ld_names(x, jsonparse_get(o, "publisher"), &p, 0);
	if (p.len > 0 && strchr(p.data, '\x1f') == NULL)
		meta_cand_add(x, F_SITE, 20 + rank_base, buf_str(&p));
	buf_free(&p);
	cand_add_decoded(x, F_DESC, 15 + rank_base, jsonparse_get_str(o, "description"));
	if (rank_base == 0) {
		ld_tags(x, jsonparse_get(o, "keywords"), 20);
		ld_tags(x, jsonparse_get(o, "articleSection"), 22);
		meta_cand_add(x, F_LANG, 25, jsonparse_get_str(o, "inLanguage"));
	}
}

/* Parse one JSON-LD script's text and keep it. */
static void
read_jsonld(struct ctx *x, const xmlNode *script)
{
	struct buf b = {0};
	for (const xmlNode *c = script->children; c != NULL; c = c->next)
		if (c->content != NULL)
			buf_puts(&b, (const char *)c->content);
	struct jvalue *v = b.len > 0 ? jsonparse(b.data, b.len, NULL) : NULL;
	buf_free(&b);
	if (v == NULL)
		return;
	x->ld = xreallocarray(x->ld, x->nld + 1, sizeof *x->ld);
	x->ld[x->nld++] = v;
	collect_objects(x, v);
}

/* Add candidates from all JSON-LD on the page: the first article object
 * (else a web page) and the web site. */
static void
use_jsonld(struct ctx *x)
{
	const struct jvalue *article = NULL, *page = NULL;
	for (size_t i = 0; i < x->nobj; i++) {
		const struct jvalue *o = x->obj[i];
		if (article == NULL && is_article(o) &&
		    (jsonparse_get(o, "headline") || jsonparse_get(o, "datePublished") || jsonparse_get(o, "author")))
			article = o;
		if (page == NULL && (has_type(o, "WebPage") || has_type(o, "ItemPage") || has_type(o, "ProfilePage")))
			page = o;
		if (has_type(o, "WebSite"))
			cand_add_decoded(x, F_SITE, 22, jsonparse_get_str(o, "name"));
	}
	if (article != NULL)
		ld_article(x, article, 0);
	if (page != NULL)
		ld_article(x, page, 15);
}

/* ---- markup ---- */

/* A compound selector: tag, class words and one attribute test; NULL parts
 * match anything. attr_word tests a space-separated word of the attribute. */
struct compound {
	const char *tag;
	const char *cls[3];
	const char *attr, *value;
	bool attr_word;
	const char *cls_part;     /* a substring of the class attribute */
	const char *cls_not;      /* a substring the class attribute must not hold */
};

/* Markup rules: a node matching `self` inside an ancestor matching `within`
 * (when given) gives field its text, or attribute `take` when set. */
static const struct markup_rule {
	enum field field;
	int rank;
	struct compound self, within;
	const char *take;
	bool visible;             /* a date as a reader sees it: only a date, maybe in a byline */
} markup_rules[] = {
	{ F_TITLE, 5, { .tag = "h1", .cls = { "entry-title" } }, {0}, NULL, false },
	{ F_TITLE, 5, { .tag = "h1", .cls = { "post-title" } }, {0}, NULL, false },
	{ F_TITLE, 5, { .tag = "h1", .cls = { "wp-block-post-title" } }, {0}, NULL, false },
	{ F_TITLE, 6, { .tag = "h1", .cls = { "single-post-title" } }, {0}, NULL, false },
	{ F_TITLE, 6, { .tag = "h1", .cls = { "article-title" } }, {0}, NULL, false },
	{ F_TITLE, 6, { .tag = "h1", .attr = "itemprop", .value = "headline", .attr_word = true }, {0}, NULL, false },
	{ F_TITLE, 7, { .tag = "h1" }, { .tag = "article" }, NULL, false },
	{ F_TITLE, 7, { .tag = "h1" }, { .cls = { "entry-header" } }, NULL, false },
	{ F_TITLE, 8, { .tag = "h1", .cls = { "page-title" } }, {0}, NULL, false },
	{ F_TITLE, 34, { .cls = { "wp-block-post-title" } }, {0}, NULL, false },
	{ F_TITLE, 34, { .tag = "h2", .cls = { "entry-title" } }, {0}, NULL, false },
	{ F_TITLE, 34, { .tag = "h2", .cls = { "post-title" } }, {0}, NULL, false },
	{ F_TITLE, 58, { .tag = "a", .attr = "rel", .value = "bookmark", .attr_word = true }, { .tag = "h2" }, NULL, false },
	{ F_TITLE, 35, { .attr = "itemprop", .value = "headline", .attr_word = true }, {0}, NULL, false },
	{ F_AUTHOR, 30, { .cls = { "fn" } }, { .cls = { "author", "vcard" } }, NULL, false },
	{ F_AUTHOR, 30, { .cls = { "entry-author-name" } }, {0}, NULL, false },
	{ F_AUTHOR, 30, { .cls = { "wp-block-post-author-name" } }, {0}, NULL, false },
	{ F_AUTHOR, 30, { .cls = { "wp-block-post-author__name" } }, {0}, NULL, false },
	{ F_AUTHOR, 31, { .cls = { "fn" } }, { .cls = { "vcard" } }, NULL, false },
	{ F_AUTHOR, 31, { .tag = "a", .attr = "rel", .value = "author", .attr_word = true }, { .cls = { "byline" } }, NULL, false },
	{ F_AUTHOR, 32, { .tag = "a", .attr = "rel", .value = "author", .attr_word = true }, {0}, NULL, false },
	{ F_AUTHOR, 33, { .attr = "itemprop", .value = "name", .attr_word = true },
	  { .attr = "itemprop", .value = "author", .attr_word = true }, NULL, false },
	{ F_AUTHOR, 34, { .attr = "itemprop", .value = "author", .attr_word = true }, {0}, NULL, false },
	{ F_AUTHOR, 35, { .tag = "a" }, { .cls = { "author" } }, NULL, false },
	{ F_AUTHOR, 36, { .cls = { "author-name" } }, {0}, NULL, false },
	{ F_AUTHOR, 36, { .cls = { "post-author-name" } }, {0}, NULL, false },
	{ F_AUTHOR, 37, { .cls = { "byline" } }, {0}, NULL, false },
	{ F_AUTHOR, 38, { .cls = { "post-author" } }, {0}, NULL, false },
	{ F_AUTHOR, 38, { .cls = { "entry-author" } }, {0}, NULL, false },
	{ F_AUTHOR, 39, { .cls = { "author" } }, {0}, NULL, false },
	{ F_AUTHOR, 33, { .cls_part = "name" }, { .cls_part = "author", .cls_not = "comment" }, NULL, false },
	{ F_AUTHOR, 40, { .cls_part = "author", .cls_not = "comment" }, {0}, NULL, false },
	{ F_PUBLISHED, 30, { .tag = "time", .cls = { "published" } }, {0}, "datetime", false },
	{ F_PUBLISHED, 30, { .tag = "abbr", .cls = { "published" } }, {0}, "title", false },
	{ F_PUBLISHED, 31, { .tag = "time", .cls = { "entry-date" } }, {0}, "datetime", false },
	{ F_PUBLISHED, 32, { .tag = "time", .attr = "pubdate" }, {0}, "datetime", false },
	{ F_PUBLISHED, 31, { .tag = "time", .cls = { "wp-block-post-date" } }, {0}, "datetime", false },
	{ F_PUBLISHED, 31, { .tag = "time" }, { .cls = { "wp-block-post-date" } }, "datetime", false },
	{ F_PUBLISHED, 34, { .attr = "itemprop", .value = "datePublished", .attr_word = true }, {0}, "datetime", false },
	{ F_PUBLISHED, 34, { .attr = "itemprop", .value = "datePublished", .attr_word = true }, {0}, "content", false },
	{ F_PUBLISHED, 35, { .attr = "itemprop", .value = "datePublished", .attr_word = true }, {0}, NULL, true },
	{ F_PUBLISHED, 50, { .tag = "time" }, { .cls = { "entry-meta" } }, "datetime", false },
	{ F_PUBLISHED, 50, { .tag = "time" }, { .cls = { "post-meta" } }, "datetime", false },
	{ F_PUBLISHED, 51, { .tag = "time" }, { .tag = "header" }, "datetime", false },
	{ F_PUBLISHED, 52, { .tag = "time" }, { .tag = "article" }, "datetime", false },
	{ F_PUBLISHED, 55, { .tag = "time" }, {0}, "datetime", false },
	{ F_PUBLISHED, 56, { .tag = "time" }, { .tag = "header" }, NULL, true },
	{ F_PUBLISHED, 57, { .tag = "time" }, { .tag = "article" }, NULL, true },
	{ F_PUBLISHED, 60, { .cls = { "entry-date" } }, {0}, NULL, false },
	{ F_PUBLISHED, 61, { .cls = { "posted-on" } }, {0}, NULL, false },
	{ F_PUBLISHED, 61, { .cls = { "post-date" } }, {0}, NULL, false },
	{ F_PUBLISHED, 62, { .cls = { "published" } }, {0}, NULL, false },
	{ F_PUBLISHED, 63, { .cls = { "entry-meta" } }, {0}, NULL, false },
	{ F_PUBLISHED, 64, { .cls = { "date" } }, {0}, NULL, false },
	{ F_PUBLISHED, 64, { .cls = { "datum" } }, {0}, NULL, true },
	{ F_PUBLISHED, 64, { .cls = { "fecha" } }, {0}, NULL, true },
	{ F_PUBLISHED, 65, { .cls_part = "meta", .cls_not = "comment" }, {0}, NULL, true },
	{ F_PUBLISHED, 65, { .cls_part = "byline" }, {0}, NULL, true },
	{ F_PUBLISHED, 66, { .cls_part = "date" }, {0}, NULL, false },
	{ F_PUBLISHED, 67, { .cls_part = "date" }, {0}, "title", false },
	{ F_MODIFIED, 30, { .tag = "time", .cls = { "updated" } }, {0}, "datetime", false },
	{ F_MODIFIED, 34, { .attr = "itemprop", .value = "dateModified", .attr_word = true }, {0}, "datetime", false },
	{ F_MODIFIED, 34, { .attr = "itemprop", .value = "dateModified", .attr_word = true }, {0}, "content", false },
	{ F_SITE, 40, { .cls = { "site-title" } }, {0}, NULL, false },
	{ F_SITE, 41, { .cls = { "wp-block-site-title" } }, {0}, NULL, false },
	{ F_TAG, 30, { .tag = "a", .attr = "rel", .value = "tag", .attr_word = true }, {0}, NULL, false },
};
#define NMARKUP (sizeof markup_rules / sizeof markup_rules[0])

/* Whether class list cls holds the word w. */
static bool
has_word(const char *list, const char *w)
{
	if (list == NULL)
		return false;
	size_t len = strlen(w);
	for (const char *p = list; (p = strstr(p, w)) != NULL; p += len) {
		bool start = p == list || isspace((unsigned char)p[-1]);
		if (start && (p[len] == '\0' || isspace((unsigned char)p[len])))
			return true;
	}
	return false;
}

/* Whether element n, whose classes are ct, matches compound c. */
static bool
compound_match_cls(const xmlNode *n, const struct compound *c, const struct classes *ct)
{
	if (c->tag != NULL && (c->tag[0] != n->name[0] || strcmp((const char *)n->name, c->tag) != 0))
		return false;
	const char *cls = ct->cls;
	if ((c->cls[0] != NULL || c->cls_part != NULL) && cls == NULL)
		return false;
	if (c->attr != NULL && n->properties == NULL)
		return false;
	if (c->cls[0] != NULL) {
		for (size_t i = 0; i < 3 && c->cls[i] != NULL; i++)
			if (!meta_classes_have(ct, c->cls[i]))
				return false;
	}
	if (c->cls_part != NULL) {
		if (!meta_classes_contain(ct, c->cls_part))
			return false;
		if (c->cls_not != NULL && meta_classes_contain(ct, c->cls_not))
			return false;
	}
	if (c->attr != NULL) {
		const char *v = dom_attr(n, c->attr);
		if (v == NULL || (c->value != NULL && (c->attr_word ? !has_word(v, c->value) : strcmp(v, c->value) != 0)))
			return false;
	}
	return true;
}

/* Whether element n matches compound c. */
static bool
compound_match(const xmlNode *n, const struct compound *c)
{
	if (n->type != XML_ELEMENT_NODE || n->name == NULL)
		return false;
	if (c->tag != NULL && strcmp((const char *)n->name, c->tag) != 0)
		return false;
	if (c->attr != NULL && n->properties == NULL)
		return false;
	const char *cls = NULL;
	if (c->cls[0] != NULL || c->cls_part != NULL) {
		/* A class word or part of the class text is a substring of it:
		 * dismiss most elements before splitting. */
		cls = dom_attr(n, "class");
		if (cls == NULL || (c->cls[0] != NULL && strstr(cls, c->cls[0]) == NULL))
			return false;
	}
	struct classes ct;
	meta_classes_split(&ct, cls != NULL ? cls : dom_attr(n, "class"));
	return compound_match_cls(n, c, &ct);
}

/* Whether compound c is empty (matches any element). */
static bool
compound_empty(const struct compound *c)
{
	return c->tag == NULL && c->cls[0] == NULL && c->attr == NULL && c->cls_part == NULL;
}

/* Whether a class attribute holds any of the stems the region words below
 * start with: one pass, so most elements are dismissed cheaply. */
static bool
has_region_hint(const char *cls)
{
	static const char *const hints[] = {
		"side", "widget", "comment", "relat", "navigation", "yarpp", "suggest", "recommend", "trend",
		"recent", "popular", "more-stories", "jp-",
	};
	for (const char *p = cls; *p; p++) {
		int c = tolower((unsigned char)*p);
		switch (c) {   /* the hints' first letters */
		case 's': case 'w': case 'c': case 'r': case 'n': case 'y': case 't': case 'p': case 'm': case 'j':
			break;
		default:
			continue;
		}
		for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++)
			if (hints[i][0] == c && strncasecmp(p, hints[i], strlen(hints[i])) == 0)
				return true;
	}
	return false;
}

/* Whether an element is a region that holds other posts' or readers' text:
 * comments, sidebars, widgets, related posts, navigation. Layout classes on
 * wrappers ("has-sidebar", "right-sidebar") do not count. */
static bool
is_foreign_region(const xmlNode *n)
{
	static const char *const words[] = {
		"sidebar", "widget", "widgets", "widget-area", "comments", "comment", "comments-area",
		"comment-list", "commentlist", "comment-respond", "related", "related-posts",
		"jp-relatedposts", "navigation",
	};
	static const char *const prefixes[] = { "widget_", "widget-", "jp-relatedposts", "yarpp", "sidebar-widget" };
	static const char *const parts[] = {
		"related-", "suggested", "recommended", "trending", "recent-post", "popular-post", "more-stories",
	};
	if (dom_is(n, "aside") || dom_is(n, "nav"))
		return true;
	if (dom_is(n, "body") || dom_is(n, "main") || dom_is(n, "article"))
		return false;
	const char *id = dom_attr(n, "id");
	if (id != NULL && (text_eq_ci(id, "comments") || text_eq_ci(id, "respond") ||
	    text_eq_ci(id, "secondary")))
		return true;
	const char *cls = dom_attr(n, "class");
	if (cls == NULL)
		return false;
	if (!has_region_hint(cls))
		return false;
	for (const char *p = cls; *p; ) {
		while (isspace((unsigned char)*p))
			p++;
		const char *w = p;
		while (*p && !isspace((unsigned char)*p))
			p++;
		size_t len = (size_t)(p - w);
		char word[64];
		if (len == 0 || len >= sizeof word)
			continue;
		memcpy(word, w, len);
		word[len] = '\0';
		for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
			if (text_eq_ci(word, words[i]))
				return true;
		for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
			if (text_starts_with_ci(word, prefixes[i]))
				return true;
		for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
			if (strcasestr(word, parts[i]) != NULL)
				return true;
	}
	return false;
}

/* Whether n is a link to an author's page: rel="author" or an /author/ path. */
bool
meta_is_author_link(const xmlNode *n, const void *arg)
{
	const char *rel = dom_attr(n, "rel"), *href = dom_attr(n, "href");
	return dom_is(n, "a") && ((rel != NULL && has_word(rel, "author")) ||
	    (href != NULL && (strstr(href, "/author/") != NULL || strstr(href, "/autor/") != NULL)));
}

/* What a markup rule's `self` part needs of an element before it is worth
 * testing: one of a few tags, and the attributes below. */
enum { NEED_CLASS = 1, NEED_ITEMPROP = 2, NEED_REL = 4, NEED_PUBDATE = 8 };
static const char *const need_tags[] = { "h1", "h2", "a", "time", "abbr" };
#define NNEED_TAGS (sizeof need_tags / sizeof need_tags[0])

/* The index + 1 in need_tags of tag name, or 0 when it is not there. */
static unsigned
need_tag_of(const char *name)
{
	for (size_t i = 0; i < NNEED_TAGS; i++)
		if (name[0] == need_tags[i][0] && strcmp(name, need_tags[i]) == 0)
			return (unsigned)i + 1;
	return 0;
}

/* The NEED_ bit attribute name stands for, or 0. */
static unsigned
need_attr_of(const char *name)
{
	return strcmp(name, "itemprop") == 0 ? NEED_ITEMPROP : strcmp(name, "rel") == 0 ? NEED_REL :
	    strcmp(name, "pubdate") == 0 ? NEED_PUBDATE : 0;
}

/* Per markup rule: the tag (need_tags index + 1, 0 for any) and NEED_ bits
 * its self part needs; filled once. A shortcut only: compound_match_cls
 * still decides. */
static struct { unsigned char tag, need; } markup_need[NMARKUP];
static bool markup_need_ready;

/* Per tag (need_tags index + 1, 0 for others) and NEED_ bits an element
 * has: the rules, in order, whose needs it meets. */
static unsigned char markup_list[NNEED_TAGS + 1][16][NMARKUP];
static unsigned char markup_nlist[NNEED_TAGS + 1][16];
_Static_assert(NMARKUP < 256, "markup rule indexes fit in unsigned char");

/* The distinct first class words of the rules' self parts (up to 64), and
 * per rule the bit of its word in a node's word set, 0 when not kept. */
static const char *markup_word[64];
static size_t markup_word_len[64], markup_nword;
static uint64_t markup_word_bit[NMARKUP];

/* Fill markup_need and markup_list from markup_rules. */
static void
markup_need_init(void)
{
	for (size_t i = 0; i < NMARKUP; i++) {
		const struct compound *c = &markup_rules[i].self;
		markup_need[i].tag = c->tag != NULL ? (unsigned char)need_tag_of(c->tag) : 0;
		unsigned need = 0;
		if (c->cls[0] != NULL || c->cls_part != NULL)
			need |= NEED_CLASS;
		if (c->attr != NULL)
			need |= need_attr_of(c->attr);
		markup_need[i].need = (unsigned char)need;
		if (c->cls[0] == NULL)
			continue;
		size_t w = 0;
		while (w < markup_nword && strcmp(markup_word[w], c->cls[0]) != 0)
			w++;
		if (w == markup_nword && w < 64) {
			markup_word[w] = c->cls[0];
			markup_word_len[w] = strlen(c->cls[0]);
			markup_nword++;
		}
		if (w < markup_nword)
			markup_word_bit[i] = (uint64_t)1 << w;
	}
	for (unsigned t = 0; t <= NNEED_TAGS; t++)
		for (unsigned h = 0; h < 16; h++)
			for (size_t i = 0; i < NMARKUP; i++)
				if ((markup_need[i].tag == 0 || markup_need[i].tag == t) && (markup_need[i].need & ~h) == 0)
					markup_list[t][h][markup_nlist[t][h]++] = (unsigned char)i;
	markup_need_ready = true;
}

/* Add the candidates markup rules give for element n. */
static void
read_markup(struct ctx *x, const xmlNode *n, bool *seen)
{
	if (n->properties == NULL && !dom_is(n, "h1") && !dom_is(n, "time"))
		return;   /* every rule but "h1 or time inside the post" needs an attribute */
	if (!markup_need_ready)
		markup_need_init();
	struct classes ct;
	meta_classes_split(&ct, dom_attr(n, "class"));
	unsigned tag = need_tag_of((const char *)n->name), have = 0;
	if (ct.cls != NULL)
		have |= NEED_CLASS;
	if (n->properties != NULL) {
		if (dom_attr(n, "itemprop") != NULL)
			have |= NEED_ITEMPROP;
		if (dom_attr(n, "rel") != NULL)
			have |= NEED_REL;
		if (dom_attr(n, "pubdate") != NULL)
			have |= NEED_PUBDATE;
	}
	if (ct.cls != NULL)
		meta_classes_fold(&ct);
	uint64_t words = 0;   /* which of markup_word the element's classes hold */
	for (size_t k = 0; k < ct.n; k++)
		for (size_t w = 0; w < markup_nword; w++)
			if (ct.len[k] == markup_word_len[w] && memcmp(ct.word[k], markup_word[w], ct.len[k]) == 0)
				words |= (uint64_t)1 << w;
	const unsigned char *list = markup_list[tag][have];
	for (size_t k = 0; k < markup_nlist[tag][have]; k++) {
		size_t i = list[k];
		const struct markup_rule *r = &markup_rules[i];
		if ((seen[i] && r->field != F_TAG) || (markup_word_bit[i] != 0 && (words & markup_word_bit[i]) == 0) ||
		    !compound_match_cls(n, &r->self, &ct))
			continue;
		if (r->self.attr != NULL && strcmp(r->self.attr, "itemprop") == 0 && !itemscope_is_article(n))
			continue;
		if (!compound_empty(&r->within)) {
			const xmlNode *p = n->parent;
			while (p != NULL && p->type == XML_ELEMENT_NODE && !compound_match(p, &r->within))
				p = p->parent;
			if (p == NULL || p->type != XML_ELEMENT_NODE)
				continue;
		}
		char *text = NULL;
		const xmlNode *link;
		if (r->take != NULL) {
			const char *v = dom_attr(n, r->take);
			if (v == NULL)
				continue;
			text = xstrdup(v);
		} else if (r->field == F_AUTHOR && !dom_is(n, "a") && (link = dom_find((xmlNode *)n, meta_is_author_link, NULL)) != NULL)
			text = bounded_text(link, MAX_FIELD_TEXT);
		else
			text = meta_bounded_text(n, r->visible ? 300 : MAX_FIELD_TEXT, r->field == F_PUBLISHED || r->field == F_MODIFIED);
		if (text == NULL)
			continue;
		if (r->visible) {
			char *d = meta_date_visible(text, false);
			free(text);
			text = d;
			if (text == NULL)
				continue;
		}
		if (r->field == F_AUTHOR) {
			char *name = meta_clean_byline(text);
			free(text);
			text = name;
		} else if (r->field == F_PUBLISHED || r->field == F_MODIFIED) {
			char *d = strlen(text) <= 200 ? meta_date_normalize(text, false, 0) : NULL;
			free(d);
			if (d == NULL) {
				free(text);   /* not a date: let a later element of the kind try */
				continue;
			}
		}
		if (text != NULL && *text != '\0') {
			if (r->field == F_AUTHOR && meta_author_is_noise(text))
				meta_cand_add(x, r->field, r->rank + R_NOISE, text);
			else if (r->field == F_PUBLISHED && ((r->take == NULL && meta_date_says_updated(text)) ||
			    meta_labelled_updated(n)))   /* "Last updated: …" */
				meta_cand_add_from(x, F_MODIFIED, r->rank, text, r->take == NULL ? FROM_TEXT : FROM_ELEMENT);
			else if (r->field == F_PUBLISHED || r->field == F_MODIFIED)
				meta_cand_add_from(x, r->field, r->rank, text, r->take != NULL ? FROM_ELEMENT : FROM_TEXT);
			else if (r->field != F_TITLE || strlen(text) < 400)
				meta_cand_add(x, r->field, r->rank, text);
			seen[i] = true;
		}
		free(text);
	}
	meta_classes_release(&ct);
}

/* Whether href points at a site's home page: nothing after the host but
 * "/" (the last "://" counts, so archived copies of a home link qualify). */
static bool
is_home_link(const char *href)
{
	if (href == NULL)
		return false;
	if (strcmp(href, "/") == 0)
		return true;
	const char *p = NULL;
	for (const char *q = href; (q = strstr(q, "://")) != NULL; q += 3)
		p = q + 3;
	if (p == NULL)
		return false;
	p += strcspn(p, "/?#");
	return *p == '\0' || strcmp(p, "/") == 0;
}

/* dom_find matcher: a link. */
static bool
is_a(const xmlNode *n, const void *arg)
{
	return dom_is(n, "a");
}

/* Whether heading n is the site's name or a hidden label, not a title: a
 * logo or site-title class on it, its parent or its link, or a heading that
 * is a link to the home page. */
static bool
is_site_heading(const xmlNode *n)
{
	static const char *const parts[] = {
		"logo", "site-title", "site-name", "sitename", "blog-title", "blog-name", "brand",
		"screen-reader", "sr-only", "visually-hidden",
	};
	const xmlNode *link = dom_find((xmlNode *)n, is_a, NULL);
	const xmlNode *check[] = { n, n->parent, link };
	for (size_t k = 0; k < 3; k++) {
		if (check[k] == NULL || check[k]->type != XML_ELEMENT_NODE)
			continue;
		for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
			if (dom_class_id_contains(check[k], parts[i]))
				return true;
	}
	return link != NULL && is_home_link(dom_attr(link, "href"));
}

/* Keep the text of an h1 or h2 for splitting <title>; the first h1 that is
 * not the site's name is a title candidate of its own. */
static void
read_heading(struct ctx *x, const xmlNode *n)
{
	char *t = bounded_text(n, MAX_FIELD_TEXT);
	if (t == NULL)
		return;
	if (*t == '\0') {
		free(t);
		return;
	}
	bool site = is_site_heading(n);
	x->h1 = xreallocarray(x->h1, x->nh1 + 1, sizeof *x->h1);
	x->h1_site = xreallocarray(x->h1_site, x->nh1 + 1, sizeof *x->h1_site);
	x->h1_site[x->nh1] = site;
	x->h1[x->nh1++] = t;
	if (dom_is(n, "h1") && !x->have_h1 && !site) {
		meta_cand_add(x, F_TITLE, 12, t);
		x->have_h1 = true;
	}
}

/* Whether n holds comments (never the post, however the tree nests). */
static bool
is_comment_region(const xmlNode *n)
{
	const char *id = dom_attr(n, "id");
	return (id != NULL && (text_eq_ci(id, "comments") || text_eq_ci(id, "respond"))) ||
	    dom_class_id_contains(n, "comment");
}

/* Whether n is the post itself: the parser's recovery from broken markup
 * can leave a whole post inside a menu or sidebar, which then is not
 * foreign after all. */
static bool
is_post_container(const xmlNode *n, const void *arg)
{
	return dom_is(n, "main") || dom_has_class(n, "entry-content") ||
	    dom_has_class(n, "post-content") || dom_has_class(n, "wp-block-post-content");
}

/* dom_find matcher: an <article>. */
static bool
is_article_elem(const xmlNode *n, const void *arg)
{
	return dom_is(n, "article");
}

/* dom_find matcher: an h1. */
static bool
is_h1(const xmlNode *n, const void *arg)
{
	return dom_is(n, "h1");
}

/* Whether region n holds the post: its content container, or an <article>
 * and an h1 (a list of other posts has articles, but not the page's h1). */
static bool
holds_post(const xmlNode *n)
{
	xmlNode *m = (xmlNode *)n;
	return dom_find(m, is_post_container, NULL) != NULL ||
	    (dom_find(m, is_article_elem, NULL) != NULL && dom_find(m, is_h1, NULL) != NULL);
}

/* Walk the tree under n, gathering candidates; foreign is set inside
 * comment, sidebar and related-post regions, which only <meta> and JSON-LD
 * are read from. */
static void
walk(struct ctx *x, const xmlNode *n, bool foreign, int depth, bool *seen)
{
	for (; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE && !foreign && !x->have_lead_date && n->content != NULL)
			meta_read_lead_date(x, n);
		if (n->type == XML_TEXT_NODE && !foreign && !x->have_byline_text && n->content != NULL)
			meta_read_byline_text(x, n);
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (dom_is(n, "meta")) {
			if (!foreign || dom_attr(n, "itemprop") == NULL)
				read_meta(x, n);
			continue;
		}
		if (dom_is(n, "script")) {
			const char *type = dom_attr(n, "type");
			if (type != NULL && text_starts_with_ci(type, "application/ld+json"))
				read_jsonld(x, n);
			continue;
		}
		if (dom_is(n, "style") || dom_is(n, "template") || dom_is(n, "noscript") || dom_is(n, "svg"))
			continue;
		if (dom_is(n, "link")) {
			const char *rel = dom_attr(n, "rel"), *href = dom_attr(n, "href");
			if (rel != NULL && href != NULL && has_word(rel, "canonical"))
				meta_cand_add(x, F_CANONICAL, 10, href);
			continue;
		}
		if (dom_is(n, "title")) {   /* <svg> titles are skipped with their <svg> */
			char *t = bounded_text(n, MAX_FIELD_TEXT);
			cand_add_decoded(x, F_TITLE, 90, t);
			free(t);
			continue;
		}
		bool f = foreign || (is_foreign_region(n) &&
		    (is_comment_region(n) || x->post_checks-- <= 0 || !holds_post(n)));
		if (!f) {
			if ((dom_is(n, "h1") || dom_is(n, "h2")) && x->nh1 < 32)
				read_heading(x, n);
			if (dom_is(n, "h1") && !x->have_title_date && !is_site_heading(n)) {
				x->have_title_date = true;
				meta_read_title_date(x, n);
			}
			read_markup(x, n, seen);
			meta_read_name_list(x, n);
		}
		if (depth < MAX_WALK_DEPTH)
			walk(x, n->children, f, depth + 1, seen);
	}
}

/* ---- choosing ---- */

/* Return a newly allocated absolute form of href against base. */
static char *
resolve_url(const char *href, const char *base)
{
	if (base == NULL)
		return xstrdup(href);
	xmlChar *u = xmlBuildURI((const xmlChar *)href, (const xmlChar *)base);
	if (u == NULL)
		return xstrdup(href);
	char *s = xstrdup((const char *)u);
	xmlFree(u);
	return s;
}

/* Take back headings judged to be the site's name that are the post's title
 * after all: a theme may style the post heading as .site-title, and then
 * the heading differs from the site's name and opens og:title. */
static void
reclaim_site_headings(struct ctx *x, const char *site_name)
{
	char *og = NULL;
	for (size_t i = 0; i < x->n && og == NULL; i++)
		if (x->c[i].field == F_TITLE && x->c[i].rank == 20)
			og = xstrdup(x->c[i].value);
	if (og == NULL || site_name == NULL)
		goto done;
	for (size_t i = 0; i < x->nh1; i++) {
		const char *h = x->h1[i];
		if (!x->h1_site[i] || strlen(h) < 10 || text_eq_ci(h, site_name) || !text_starts_with_ci(og, h))
			continue;
		x->h1_site[i] = false;
		meta_cand_add(x, F_TITLE, 13, h);
	}
done:
	free(og);
}

/* Whether long extends short past its end without a separator: a
 * headline cut short ("... (Including") against the full title. */
static bool
is_cut_of(const char *shorter, const char *longer)
{
	size_t k = strlen(shorter), seplen;
	int open = 0;
	for (const char *p = shorter; *p; p++)
		open += *p == '(' ? 1 : *p == ')' ? -1 : 0;
	bool looks_cut = open > 0 || (k > 3 && strcmp(shorter + k - 3, "...") == 0) ||
	    (k > 3 && strcmp(shorter + k - 3, "\xe2\x80\xa6") == 0);
	return looks_cut && k >= 20 && strlen(longer) > k + 3 && strncasecmp(shorter, longer, k) == 0 &&
	    longer[k] == ' ' && find_sep(longer + k, false, &seplen) != longer + k;
}

/* Choose the site name, then strip it (or a separator pattern) from the
 * title candidates, then choose the title: the site's own name never wins
 * while another candidate exists. */
static void
choose_title(struct ctx *x)
{
	struct cand *site = cand_best(x, F_SITE);
	char *site_name = site ? xstrdup(site->value) : NULL;
	char *title_site = NULL;
	reclaim_site_headings(x, site_name);
	for (size_t i = 0; i < x->n; i++) {
		struct cand *c = &x->c[i];
		if (c->field != F_TITLE || c->rank != 90 || strip_site(c->value, site_name))
			continue;
		char *s = NULL;
		char *t = split_title(x, c->value, &s);
		free(c->value);
		c->value = t;
		if (s != NULL && title_site == NULL) {
			meta_trim_separators(s);
			title_site = s;
		} else
			free(s);
	}
	if (title_site != NULL && *title_site != '\0') {
		meta_cand_add(x, F_SITE, 90, title_site);
		if (site_name == NULL)
			site_name = xstrdup(title_site);
	}
	for (size_t i = 0; i < x->n; i++) {
		struct cand *c = &x->c[i];
		if (c->field != F_TITLE)
			continue;
		if (c->rank != 90)
			strip_site(c->value, site_name);
		meta_trim_separators(c->value);
		if (c->value[0] == '\0')
			c->field = F_COUNT;
		else if ((site_name != NULL && text_eq_ci(c->value, site_name)) ||
		    (title_site != NULL && text_eq_ci(c->value, title_site)))
			c->rank += 200;   /* the site's name, not the post's */
	}
	struct cand *t = cand_best(x, F_TITLE);
	if (t != NULL) {
		for (size_t i = 0; i < x->n; i++)
			if (x->c[i].field == F_TITLE && x->c[i].rank < 200 && is_cut_of(t->value, x->c[i].value))
				t = &x->c[i];
		t = meta_unshout(x, meta_drop_kicker(x, t));
		article_set(&x->a->title, t->value);
	}
	site = cand_best(x, F_SITE);
	if (site != NULL)
		article_set(&x->a->site_name, site->value);
	free(site_name);
	free(title_site);
}

/* Choose every field from the gathered candidates. */
static void
choose(struct ctx *x)
{
	choose_title(x);
	for (size_t i = 0; i < x->n; i++)
		if (x->c[i].field == F_AUTHOR && x->c[i].rank < R_NOISE && meta_author_is_noise(x->c[i].value))
			x->c[i].rank += R_NOISE;
		else if (x->c[i].field == F_AUTHOR && x->c[i].rank < R_NOISE && meta_author_is_login(x->c[i].value))
			x->c[i].rank += R_NOISE / 2;
	struct cand *c = cand_best(x, F_AUTHOR);
	if (c != NULL)
		c = meta_fuller_name(x, c);
	if (c != NULL) {
		char *name = xstrdup(c->value);
		if (x->a->site_name != NULL)
			strip_site(name, x->a->site_name);   /* "Site - Jane Doe" */
		const char *all = meta_coauthors(x, name);
		article_set(&x->a->author, all != NULL ? all : name);
		free(name);
	}
	c = cand_best(x, F_CANONICAL);
	if (c != NULL) {
		char *u = resolve_url(c->value, x->url);
		article_set(&x->a->canonical_url, u);
		free(u);
	}
	char *ud = meta_date_from_url(x->a->canonical_url ? x->a->canonical_url : x->url);
	meta_cand_add(x, F_PUBLISHED, 80, ud);   /* the last resort */
	free(ud);
	choose_date(x, F_PUBLISHED, &x->a->published);
	choose_date(x, F_MODIFIED, &x->a->modified);
	if (x->a->published == NULL && x->a->modified != NULL)
		article_set(&x->a->published, x->a->modified);
	if ((c = cand_best(x, F_LANG)) != NULL)
		article_set(&x->a->language, c->value);
	if ((c = cand_best(x, F_DESC)) != NULL)
		article_set(&x->a->description, c->value);
	for (size_t i = 0; i < x->n && x->a->ntags < MAX_TAGS; i++)
		if (x->c[i].field == F_TAG && strlen(x->c[i].value) <= 80)
			article_add_tag(x->a, x->c[i].value);
}

/* Gather every candidate in one walk plus the JSON-LD, then choose. */
void
meta_extract(htmlDocPtr doc, const char *url, struct article *a)
{
	struct ctx x = { .a = a, .url = url, .ld_budget = 256, .post_checks = 64 };
	xmlNode *root = dom_root(doc);
	if (root == NULL)
		return;
	const char *lang = dom_attr(root, "lang");
	if (lang == NULL)
		lang = dom_attr(root, "xml:lang");
	meta_cand_add(&x, F_LANG, 10, lang);
	bool seen[NMARKUP] = {0};
	walk(&x, root, false, 0, seen);
	use_jsonld(&x);
	for (int i = 0; i < 4; i++)
		if (x.tw_author[i] && x.tw_data[i] != NULL && !meta_author_is_noise(x.tw_data[i]))
			cand_add_decoded(&x, F_AUTHOR, 25, x.tw_data[i]);
	choose(&x);
	for (int i = 0; i < 4; i++)
		free(x.tw_data[i]);
	for (size_t i = 0; i < x.n; i++)
		free(x.c[i].value);
	free(x.c);
	for (size_t i = 0; i < x.nld; i++)
		jsonparse_free(x.ld[i]);
	free(x.ld);
	free(x.obj);
	for (size_t i = 0; i < x.nh1; i++)
		free(x.h1[i]);
	free(x.h1);
	free(x.h1_site);
	meta_name_lists_free(&x);
}
