/* classes.c — what an element's class and id names say about it. WordPress
 * themes and plugins name their chrome consistently (sharedaddy, jp-*,
 * entry-meta, post-navigation, author-box, ...): chrome is recognised one
 * class token at a time, so "shared" inside an unrelated word of another
 * token does not count. Elementor wraps every piece of a page in
 * "elementor-widget-NAME": the NAME is what matters, so that prefix is
 * stripped before matching. The readability weights use the published
 * regular expressions as substrings of the whole class and id. */
#include "content.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dom.h"
#include "util.h"

struct pattern {
	const char *part;     /* substring of one token */
	chrome_kind kind;
};

/* Chrome named by a substring of a class or id token. */
static const struct pattern patterns[] = {
	/* Comments, Jetpack's flair and text meant only for screen readers are
	 * never body text, however long. */
	{"comments", CHROME_HARD}, {"comment-", CHROME_HARD}, {"commentlist", CHROME_HARD},
	{"comment", CHROME_STRONG}, {"respond", CHROME_HARD}, {"disqus", CHROME_HARD},
	{"sharedaddy", CHROME_HARD}, {"jp-post-flair", CHROME_HARD}, {"jp-relatedposts", CHROME_HARD},
	{"screen-reader", CHROME_HARD}, {"sr-only", CHROME_HARD}, {"visually-hidden", CHROME_HARD},
	{"cookie", CHROME_HARD}, {"wpcnt", CHROME_HARD}, {"wordads", CHROME_HARD},
	{"adsbygoogle", CHROME_HARD},
	/* Share, like and related-post widgets. */
	{"share", CHROME_STRONG}, {"sharing", CHROME_STRONG}, {"social", CHROME_STRONG},
	{"addtoany", CHROME_STRONG}, {"a2a_", CHROME_STRONG}, {"shariff", CHROME_STRONG},
	{"sociable", CHROME_STRONG}, {"ssba", CHROME_STRONG}, {"heateor", CHROME_STRONG},
	{"sd-like", CHROME_STRONG}, {"sd-block", CHROME_STRONG}, {"likes", CHROME_STRONG},
	{"like-button", CHROME_STRONG}, {"wpl-like", CHROME_STRONG}, {"jp-related", CHROME_STRONG},
	{"related", CHROME_STRONG}, {"yarpp", CHROME_STRONG}, {"crp_", CHROME_STRONG},
	{"you-may-like", CHROME_STRONG}, {"more-posts", CHROME_STRONG}, {"recent-posts", CHROME_STRONG},
	/* Newsletter and subscription boxes. */
	{"newsletter", CHROME_STRONG}, {"subscribe", CHROME_STRONG}, {"subscription", CHROME_STRONG},
	{"mc4wp", CHROME_STRONG}, {"mailchimp", CHROME_STRONG}, {"optin", CHROME_STRONG},
	{"opt-in", CHROME_STRONG}, {"signup", CHROME_STRONG}, {"sign-up", CHROME_STRONG},
	/* Navigation. */
	{"breadcrumb", CHROME_STRONG}, {"post-navigation", CHROME_STRONG}, {"post-nav", CHROME_STRONG},
	{"nav-links", CHROME_STRONG}, {"navigation", CHROME_STRONG}, {"pagination", CHROME_STRONG},
	{"page-links", CHROME_STRONG}, {"skip-link", CHROME_STRONG}, {"menu", CHROME_WEAK},
	/* Author boxes, bylines and post meta. */
	{"author-box", CHROME_STRONG}, {"author-bio", CHROME_STRONG}, {"authorbox", CHROME_STRONG},
	{"author_box", CHROME_STRONG}, {"about-author", CHROME_STRONG}, {"author-info", CHROME_STRONG},
	{"saboxplugin", CHROME_STRONG}, {"author-description", CHROME_STRONG},
	{"entry-meta", CHROME_STRONG}, {"post-meta", CHROME_STRONG}, {"entry-footer", CHROME_STRONG},
	{"post-footer", CHROME_STRONG}, {"article-footer", CHROME_STRONG}, {"byline", CHROME_STRONG},
	{"cat-links", CHROME_STRONG}, {"tags-links", CHROME_STRONG}, {"tag-links", CHROME_STRONG},
	{"post-tags", CHROME_STRONG}, {"entry-tags", CHROME_STRONG}, {"post-categories", CHROME_STRONG},
	{"entry-categories", CHROME_STRONG}, {"tagcloud", CHROME_STRONG}, {"post-date", CHROME_WEAK},
	{"posted-on", CHROME_STRONG}, {"entry-date", CHROME_WEAK}, {"post-info", CHROME_WEAK},
	/* Ads and promotions. */
	{"advert", CHROME_STRONG}, {"adsense", CHROME_STRONG}, {"sponsor", CHROME_WEAK},
	{"promo", CHROME_WEAK}, {"gpt-ad", CHROME_STRONG}, {"ad-slot", CHROME_STRONG},
	{"ad-container", CHROME_STRONG}, {"adunit", CHROME_STRONG},
	/* Pop-ups, print buttons, tables of contents, widget areas. */
	{"popup", CHROME_STRONG}, {"modal", CHROME_STRONG}, {"printfriendly", CHROME_STRONG},
	{"print-button", CHROME_STRONG}, {"toc_container", CHROME_STRONG}, {"ez-toc", CHROME_STRONG},
	{"lwptoc", CHROME_STRONG}, {"rank-math-toc", CHROME_STRONG}, {"table-of-contents", CHROME_STRONG},
	{"widget_", CHROME_LIGHT}, {"widget-area", CHROME_STRONG}, {"sidebar", CHROME_STRONG},
	{"jetpack-likes", CHROME_STRONG}, {"jetpack_subscription", CHROME_STRONG},
	/* Embeds of other posts, call-to-action boxes, buttons, ratings, and
	 * footers and tag rows under theme-specific names. */
	{"wp-embedded-content", CHROME_STRONG}, {"embed-article", CHROME_STRONG},
	{"embedded-article", CHROME_STRONG}, {"embedded-post", CHROME_STRONG}, {"footer", CHROME_WEAK}, {"tags", CHROME_WEAK},
	{"button", CHROME_WEAK}, {"cta-", CHROME_WEAK}, {"-cta", CHROME_WEAK},
	{"call-to-action", CHROME_WEAK}, {"-category", CHROME_WEAK},
	{"rating", CHROME_WEAK}, {"post-ratings", CHROME_STRONG},
	{"disclaimer", CHROME_WEAK}, {"disclosure", CHROME_WEAK}, {"post-author", CHROME_WEAK},
	{"entry-author", CHROME_WEAK}, {"tableofcontent", CHROME_STRONG},
	{"table_of_content", CHROME_STRONG}, {"recirculation", CHROME_STRONG},
	{"aside", CHROME_WEAK}, {"caption", CHROME_WEAK}, {"banner", CHROME_WEAK},
	{"paywall", CHROME_STRONG}, {"restricted", CHROME_WEAK}, {"jump-link", CHROME_STRONG},
	{"contributor", CHROME_WEAK},
};

/* Chrome named by a whole token. */
static const struct pattern tokens[] = {
	{"widget", CHROME_LIGHT}, {"nav", CHROME_WEAK},
	{"tags", CHROME_WEAK}, {"categories", CHROME_WEAK}, {"meta", CHROME_WEAK},
	{"ad", CHROME_STRONG}, {"ads", CHROME_STRONG}, {"adv", CHROME_STRONG},
	{"masthead", CHROME_STRONG}, {"footer", CHROME_WEAK},
	{"site-footer", CHROME_STRONG}, {"site-header", CHROME_STRONG}, {"header", CHROME_WEAK},
	{"entry-header", CHROME_WEAK}, {"post-header", CHROME_WEAK}, {"toc", CHROME_STRONG},
	{"print", CHROME_WEAK}, {"cta", CHROME_WEAK},
};

/* The more certain of two verdicts. */
static chrome_kind
stronger(chrome_kind a, chrome_kind b)
{
	return a > b ? a : b;
}

/* Whether token tok (length n, lower case) is an advertising name:
 * ad-*, ads-*, *-ad, *-ads, *-ad-*, and the same with underscores. */
static bool
ad_token(const char *tok, size_t n)
{
	if (n > 3 && (strncmp(tok, "ad-", 3) == 0 || strncmp(tok, "ad_", 3) == 0))
		return true;
	if (n > 4 && (strncmp(tok, "ads-", 4) == 0 || strncmp(tok, "ads_", 4) == 0))
		return true;
	if (n > 3 && (strcmp(tok + n - 3, "-ad") == 0 || strcmp(tok + n - 3, "_ad") == 0))
		return true;
	if (n > 4 && (strcmp(tok + n - 4, "-ads") == 0 || strcmp(tok + n - 4, "_ads") == 0))
		return true;
	return strstr(tok, "-ad-") != NULL || strstr(tok, "_ad_") != NULL;
}

/* Which pairs of adjacent bytes a string holds, hashed into 1024 bits: a
 * string that lacks a pair of a pattern cannot hold the pattern, so most
 * patterns need no strstr. */
struct bigrams {
	uint64_t bits[16];
};

/* The bit of the pair of bytes a, b. */
static unsigned
bigram(unsigned char a, unsigned char b)
{
	return (a * 31u + b) & 1023;
}

/* Fill g with the pairs of the n bytes at s. */
static void
bigrams_of(const char *s, size_t n, struct bigrams *g)
{
	memset(g, 0, sizeof *g);
	for (size_t i = 0; i + 1 < n; i++) {
		unsigned h = bigram((unsigned char)s[i], (unsigned char)s[i + 1]);
		g->bits[h >> 6] |= (uint64_t)1 << (h & 63);
	}
}

/* Whether a string with pairs g may hold part: false only when it cannot. */
static bool
may_hold(const struct bigrams *g, const char *part)
{
	for (size_t i = 0; i < 2 && part[i] != '\0' && part[i + 1] != '\0'; i++) {
		unsigned h = bigram((unsigned char)part[i], (unsigned char)part[i + 1]);
		if ((g->bits[h >> 6] & ((uint64_t)1 << (h & 63))) == 0)
			return false;
	}
	return true;
}

/* Classify one lower-case token. */
static chrome_kind
token_chrome(const char *tok, size_t n)
{
	chrome_kind k = CHROME_NONE;
	struct bigrams g;
	bigrams_of(tok, n, &g);
	for (size_t i = 0; i < sizeof tokens / sizeof tokens[0]; i++)
		if (tok[0] == tokens[i].part[0] && strcmp(tok, tokens[i].part) == 0)
			k = stronger(k, tokens[i].kind);
	for (size_t i = 0; i < sizeof patterns / sizeof patterns[0]; i++)
		if (may_hold(&g, patterns[i].part) && strstr(tok, patterns[i].part) != NULL)
			k = stronger(k, patterns[i].kind);
	if (ad_token(tok, n))
		k = stronger(k, CHROME_STRONG);
	/* Author cards: author-box, author-bio, author-section, ... */
	if (strncmp(tok, "author-", 7) == 0 || strncmp(tok, "author_", 7) == 0)
		k = stronger(k, CHROME_STRONG);
	/* Ad Inserter wraps each inserted block in "code-block code-block-N". */
	if (strncmp(tok, "code-block-", 11) == 0 && tok[11] >= '0' && tok[11] <= '9')
		k = stronger(k, CHROME_STRONG);
	return k;
}

/* Classify the white-space separated tokens of one attribute value. */
static chrome_kind
value_chrome(const char *v)
{
	chrome_kind k = CHROME_NONE;
	char tok[128];
	while (v != NULL && *v != '\0') {
		while (*v != '\0' && isspace((unsigned char)*v))
			v++;
		size_t n = 0;
		while (v[n] != '\0' && !isspace((unsigned char)v[n]))
			n++;
		if (n == 0)
			break;
		if (n < sizeof tok) {
			for (size_t i = 0; i < n; i++)
				tok[i] = (char)tolower((unsigned char)v[i]);
			tok[n] = '\0';
			const char *t = tok;
			size_t len = n;
			/* Elementor: the widget's own name follows the prefix; its
			 * bare wrappers say nothing. */
			if (strncmp(t, "elementor-widget-", 17) == 0) {
				t += 17;
				len -= 17;
				if (strcmp(t, "container") == 0 || strcmp(t, "wrap") == 0)
					len = 0;
			} else if (strcmp(t, "elementor-widget") == 0) {
				len = 0;
			}
			if (len > 0)
				k = stronger(k, token_chrome(t, len));
		}
		v += n;
	}
	return k;
}

/* Whether class value v hides the element at every screen size: a
 * "hidden" or "d-none" token (Tailwind, Bootstrap) with no responsive
 * token that shows it again ("md:block", "d-lg-flex"). */
static bool
hidden_class(const char *v)
{
	bool hidden = false, shown = false;
	char tok[64];
	while (v != NULL && *v != '\0') {
		while (*v != '\0' && isspace((unsigned char)*v))
			v++;
		size_t n = 0;
		while (v[n] != '\0' && !isspace((unsigned char)v[n]))
			n++;
		if (n > 0 && n < sizeof tok) {
			memcpy(tok, v, n);
			tok[n] = '\0';
			if (strcmp(tok, "hidden") == 0 || strcmp(tok, "d-none") == 0)
				hidden = true;
			else if ((strchr(tok, ':') != NULL && strstr(tok, "hidden") == NULL) ||
			    (strncmp(tok, "d-", 2) == 0 && strstr(tok, "none") == NULL))
				shown = true;
		}
		v += n;
	}
	return hidden && !shown;
}

/* readability: REGEXPS.positive, as substrings. */
static const char *const positive[] = {
	"article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination",
	"post", "text", "blog", "story",
};
/* readability: REGEXPS.negative, as substrings (the "hid" variants are
 * matched as a whole token below). */
static const char *const negative[] = {
	"-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr",
	"masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox",
	"sidebar", "skyscraper", "sponsor", "shopping", "tags", "widget",
};
/* readability: REGEXPS.unlikelyCandidates. */
static const char *const unlikely[] = {
	"-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap",
	"disqus", "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark",
	"replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental",
	"ad-break", "agegate", "pagination", "pager", "popup", "yom-remote",
};
/* readability: REGEXPS.okMaybeItsACandidate. */
static const char *const maybe[] = {
	"and", "article", "body", "column", "content", "main", "mathjax", "shadow",
};

/* Copy v lower-cased into out (truncated to size); returns out, or NULL
 * when v is NULL. */
static const char *
lower(const char *v, char *out, size_t size)
{
	if (v == NULL)
		return NULL;
	size_t i = 0;
	for (; v[i] != '\0' && i + 1 < size; i++)
		out[i] = (char)tolower((unsigned char)v[i]);
	out[i] = '\0';
	return out;
}

/* Whether lower-case v, with pairs g, contains any of the lower-case
 * strings in list. */
static bool
any_in(const char *v, const struct bigrams *g, const char *const *list, size_t count)
{
	if (v == NULL)
		return false;
	for (size_t i = 0; i < count; i++)
		if (may_hold(g, list[i]) && strstr(v, list[i]) != NULL)
			return true;
	return false;
}

/* Whether lower-case v holds the whole token "hid". */
static bool
has_hid(const char *v)
{
	for (const char *p = v; p != NULL && (p = strstr(p, "hid")) != NULL; p += 3)
		if ((p == v || p[-1] == ' ') && (p[3] == '\0' || p[3] == ' '))
			return true;
	return false;
}

/* readability: the weight of one attribute value. */
static int
value_weight(const char *v, const struct bigrams *g)
{
	if (v == NULL || *v == '\0')
		return 0;
	int w = 0;
	if (any_in(v, g, negative, sizeof negative / sizeof negative[0]) || has_hid(v))
		w -= 25;
	if (any_in(v, g, positive, sizeof positive / sizeof positive[0]))
		w += 25;
	return w;
}

/* Whether value v holds token as a whole white-space separated token,
 * ASCII case-insensitively. */
static bool
has_token(const char *v, const char *token)
{
	size_t len = strlen(token);
	for (const char *p = v; p != NULL && *p != '\0'; ) {
		while (*p != '\0' && isspace((unsigned char)*p))
			p++;
		size_t k = 0;
		while (p[k] != '\0' && !isspace((unsigned char)p[k]))
			k++;
		if (k == len && strncasecmp(p, token, len) == 0)
			return true;
		p += k;
	}
	return false;
}

/* Names of the page's side areas: a post body is never inside one. Whole
 * tokens, since layouts also say "has-sidebar" or "sidebar-content". */
static const char *const aside_tokens[] = {
	"sidebar", "widget", "widget-area", "secondary", "comments", "comment-list", "related-posts",
	"jp-relatedposts", "site-footer", "footer-widgets", "yarpp-related",
};

/* What one class or id value says, before it is combined with the other.
 * Each group of verdicts is worked out when first asked for. */
struct name_verdict {
	unsigned char known;  /* VERDICT_* groups worked out */
	unsigned char chrome; /* VERDICT_CHROME: chrome_kind of its tokens */
	bool hidden;          /* VERDICT_CHROME: a class that hides the element */
	signed char weight;   /* VERDICT_READABILITY: readability weight */
	bool unlikely;        /* VERDICT_READABILITY: an unlikely-candidate name */
	bool maybe;           /* VERDICT_READABILITY: an ok-maybe name */
	bool aside;           /* VERDICT_ASIDE: names a side area of the page */
};

enum {
	VERDICT_CHROME = 1 << 0,
	VERDICT_READABILITY = 1 << 1,
	VERDICT_ASIDE = 1 << 2,
};

struct name_entry {
	char *key;            /* a copy of the value; NULL in an empty slot */
	uint64_t hash;
	bool is_id;
	struct name_verdict v;
};

/* Work out the groups need of what value v (not NULL) of the class (or,
 * with is_id, the id) attribute says, where out lacks them. The lower-case
 * copies are as long as readability's buffers allow for each attribute. */
static void
judge_value(const char *v, bool is_id, unsigned need, struct name_verdict *out)
{
	need &= ~(unsigned)out->known;
	if (need & VERDICT_CHROME) {
		out->chrome = (unsigned char)value_chrome(v);
		out->hidden = !is_id && hidden_class(v);
	}
	if (need & VERDICT_READABILITY) {
		char buf[512];
		const char *low = lower(v, buf, is_id ? 256 : 512);
		struct bigrams g;
		bigrams_of(low, strlen(low), &g);
		out->weight = (signed char)value_weight(low, &g);
		out->unlikely = any_in(low, &g, unlikely, sizeof unlikely / sizeof unlikely[0]);
		out->maybe = any_in(low, &g, maybe, sizeof maybe / sizeof maybe[0]);
	}
	if (need & VERDICT_ASIDE) {
		out->aside = false;
		for (size_t i = 0; !out->aside && i < sizeof aside_tokens / sizeof aside_tokens[0]; i++)
			out->aside = is_id ? strcasecmp(v, aside_tokens[i]) == 0 :
			    has_token(v, aside_tokens[i]);
	}
	out->known |= (unsigned char)need;
}

/* FNV-1a hash of value v for the class or the id attribute. */
static uint64_t
name_hash(const char *v, bool is_id)
{
	uint64_t h = is_id ? 0x84222325cbf29ce4ULL : 0xcbf29ce484222325ULL;
	for (const unsigned char *p = (const unsigned char *)v; *p != '\0'; p++)
		h = (h ^ *p) * 0x100000001b3ULL;
	return h;
}

/* Double the memo's table (or make its first one). */
static void
names_grow(struct names *m)
{
	size_t cap = m->cap ? m->cap * 2 : 256;
	struct name_entry *slots = xcalloc(cap, sizeof *slots);
	for (size_t i = 0; i < m->cap; i++) {
		struct name_entry *e = &m->slots[i];
		if (e->key == NULL)
			continue;
		size_t j = (size_t)e->hash & (cap - 1);
		while (slots[j].key != NULL)
			j = (j + 1) & (cap - 1);
		slots[j] = *e;
	}
	free(m->slots);
	m->slots = slots;
	m->cap = cap;
}

/* The memo's verdict on value v (not NULL) of the class or id attribute,
 * added empty if new; points into m, valid until the next lookup. */
static struct name_verdict *
names_lookup(struct names *m, const char *v, bool is_id)
{
	uint64_t h = name_hash(v, is_id);
	if (m->cap > 0) {
		for (size_t j = (size_t)h & (m->cap - 1); m->slots[j].key != NULL; j = (j + 1) & (m->cap - 1)) {
			struct name_entry *e = &m->slots[j];
			if (e->hash == h && e->is_id == is_id && strcmp(e->key, v) == 0)
				return &e->v;
		}
	}
	if (2 * (m->count + 1) > m->cap)
		names_grow(m);
	size_t j = (size_t)h & (m->cap - 1);
	while (m->slots[j].key != NULL)
		j = (j + 1) & (m->cap - 1);
	struct name_entry *e = &m->slots[j];
	e->key = xstrdup(v);
	e->hash = h;
	e->is_id = is_id;
	m->count++;
	return &e->v;
}

void
names_free(struct names *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	m->slots = NULL;
	m->cap = m->count = 0;
}

/* The groups need of what n's class (or, with is_id, its id) says, through
 * the memo of n's record s when it has one (s may be NULL). */
static struct name_verdict
verdict_of(const xmlNode *n, const struct nstat *s, bool is_id, unsigned need)
{
	struct name_verdict v = {0};
	const char *value = dom_attr(n, is_id ? "id" : "class");
	if (value == NULL)
		return v;     /* no name says nothing */
	if (s == NULL || s->names == NULL) {
		judge_value(value, is_id, need, &v);
		return v;
	}
	struct name_verdict *e = names_lookup(s->names, value, is_id);
	judge_value(value, is_id, need, e);
	return *e;
}

chrome_kind
class_chrome(const xmlNode *n)
{
	struct nstat *s = nstat_of(n);
	if (s != NULL && (s->known & KNOWN_CHROME))
		return (chrome_kind)s->chrome;
	struct name_verdict c = verdict_of(n, s, false, VERDICT_CHROME);
	struct name_verdict i = verdict_of(n, s, true, VERDICT_CHROME);
	chrome_kind k = c.hidden ? CHROME_HARD : stronger((chrome_kind)c.chrome, (chrome_kind)i.chrome);
	if (s != NULL) {
		s->chrome = (unsigned char)k;
		s->known |= KNOWN_CHROME;
	}
	return k;
}

int
class_weight(const xmlNode *n)
{
	struct nstat *s = nstat_of(n);
	if (s != NULL && (s->known & KNOWN_WEIGHT))
		return s->weight;
	int w = verdict_of(n, s, false, VERDICT_READABILITY).weight +
	    verdict_of(n, s, true, VERDICT_READABILITY).weight;
	if (s != NULL) {
		s->weight = (signed char)w;
		s->known |= KNOWN_WEIGHT;
	}
	return w;
}

bool
class_unlikely(const xmlNode *n)
{
	struct nstat *s = nstat_of(n);
	if (s != NULL && (s->known & KNOWN_UNLIKELY))
		return s->unlikely;
	struct name_verdict c = verdict_of(n, s, false, VERDICT_READABILITY);
	struct name_verdict i = verdict_of(n, s, true, VERDICT_READABILITY);
	bool bad = c.unlikely || i.unlikely;
	bool ok = bad && (c.maybe || i.maybe);
	if (s != NULL) {
		s->unlikely = bad && !ok;
		s->known |= KNOWN_UNLIKELY;
	}
	return bad && !ok;
}

bool
class_has_token(const xmlNode *n, const char *token)
{
	return has_token(dom_attr(n, "class"), token);
}

bool
class_aside(const xmlNode *n)
{
	struct nstat *s = nstat_of(n);
	if (s != NULL && (s->known & KNOWN_ASIDE))
		return s->aside;
	bool aside = verdict_of(n, s, false, VERDICT_ASIDE).aside ||
	    verdict_of(n, s, true, VERDICT_ASIDE).aside;
	if (s != NULL) {
		s->aside = aside;
		s->known |= KNOWN_ASIDE;
	}
	return aside;
}

/* Whether an inline style sets property to value (spaces ignored). */
static bool
style_sets(const char *style, const char *property, const char *value)
{
	char flat[256];
	size_t n = 0;
	for (const char *p = style; *p != '\0' && n + 1 < sizeof flat; p++)
		if (!isspace((unsigned char)*p))
			flat[n++] = (char)tolower((unsigned char)*p);
	flat[n] = '\0';
	char want[64];
	int w = snprintf(want, sizeof want, "%s:%s", property, value);
	if (w < 0 || (size_t)w >= sizeof want)
		return false;
	for (const char *p = flat; (p = strstr(p, want)) != NULL; p++)
		if (p == flat || p[-1] == ';' || p[-1] == '{')
			return true;
	return false;
}

/* Whether n's own attributes hide it. */
static bool
attrs_hide(const xmlNode *n)
{
	if (dom_attr(n, "hidden") != NULL)
		return true;
	const char *style = dom_attr(n, "style");
	return style != NULL && (style_sets(style, "display", "none") ||
	    style_sets(style, "visibility", "hidden"));
}

bool
is_hidden(const xmlNode *n)
{
	struct nstat *s = nstat_of(n);
	if (s == NULL)
		return attrs_hide(n);
	if (!(s->known & KNOWN_HIDDEN)) {
		s->hidden = attrs_hide(n);
		s->known |= KNOWN_HIDDEN;
	}
	return s->hidden;
}
