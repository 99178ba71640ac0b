/* content.c — find the element that holds the article body, then prune it.
 * WordPress marks the post body with a handful of class names that themes
 * and page builders keep for compatibility (.entry-content and its cousins,
 * the block theme's .wp-block-post-content, Elementor's post-content widget,
 * Divi's et_pb_post_content); when several elements carry them (archive
 * excerpts, related posts, widgets reusing a class) the main post is the one
 * with the most prose outside sidebars, footers and comment areas, inside
 * the innermost match that still holds most of the text. Pages without such
 * markup go to the readability scorer (content/score.c). Measurements ride
 * on the elements' _private pointers (content/measure.c) and are detached
 * before returning. */
#include "content.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "content/content.h"
#include "dom.h"
#include "text.h"

/* Class tokens that WordPress themes and builders put on the post body;
 * a lower rank is the more specific name. */
static const struct {
	const char *cls;
	int rank;
} body_classes[] = {
	{"elementor-widget-theme-post-content", 0}, {"wp-block-post-content", 0},
	{"et_pb_post_content", 0}, {"fl-post-content", 0}, {"tdb_single_content", 0},
	{"entry-content", 1}, {"post-content", 1}, {"td-post-content", 1}, {"single-content", 1},
	{"et-l--post", 1}, {"article-content", 2}, {"post-entry", 2}, {"entry-body", 2}, {"post-body", 2},
	{"article-body", 2}, {"post-text", 2}, {"the-content", 2}, {"single-post-content", 2},
	{"post_content", 2}, {"postcontent", 2}, {"storycontent", 2}, {"entrytext", 2},
	{"entry", 3},
};

#define MAX_CANDIDATES 256

struct candidate {
	xmlNode *node;
	int rank;
	double prose;     /* characters outside links */
	double weight;    /* where the candidate sits (context_weight) */
	double value;     /* prose times weight */
	bool dropped;
};

/* Themes prefix their own names to the usual ones: "ofd-post-content". */
static const char *const body_suffixes[] = {
	"-post-content", "-entry-content", "_post_content", "-article-content", "-article-body",
	"-post-body",
};

/* Return the rank of one class token as a post-body name, or -1. */
static int
token_rank(const char *tok, size_t len)
{
	int best = -1;
	/* Most tokens are not body names: compare first bytes before paying
	 * for strlen and strncasecmp (the names are lower case). */
	char first = (char)tolower((unsigned char)tok[0]);
	for (size_t i = 0; i < sizeof body_classes / sizeof body_classes[0]; i++)
		if (body_classes[i].cls[0] == first && strlen(body_classes[i].cls) == len &&
		    strncasecmp(tok, body_classes[i].cls, len) == 0 &&
		    (best < 0 || body_classes[i].rank < best))
			best = body_classes[i].rank;
	for (size_t i = 0; best < 0 && i < sizeof body_suffixes / sizeof body_suffixes[0]; i++) {
		size_t k = strlen(body_suffixes[i]);
		if (len > k && strncasecmp(tok + len - k, body_suffixes[i], k) == 0)
			best = 2;
	}
	return best;
}

/* Return the rank of n as a post-body element, or -1. */
static int
body_rank(const xmlNode *n)
{
	if (!dom_is(n, "div") && !dom_is(n, "article") && !dom_is(n, "section") &&
	    !dom_is(n, "main") && !dom_is(n, "td"))
		return -1;
	int best = -1;
	const char *c = dom_attr(n, "class");
	for (const char *p = c; p != NULL && *p != '\0'; ) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		size_t k = strcspn(p, " \t\n\r");
		int r = k > 0 ? token_rank(p, k) : -1;
		if (r >= 0 && (best < 0 || r < best))
			best = r;
		p += k;
	}
	if (best < 0) {
		const char *ip = dom_attr(n, "itemprop");
		if (ip != NULL && strcmp(ip, "articleBody") == 0)
			best = 1;
	}
	/* Elementor renders the post's own content as a document of type
	 * wp-post or wp-page (headers, footers and templates have others). */
	if (best < 0) {
		const char *et = dom_attr(n, "data-elementor-type");
		if (et != NULL && (strcmp(et, "wp-post") == 0 || strcmp(et, "wp-page") == 0))
			best = 2;
	}
	return best;
}

/* Weigh where n sits: inside a sidebar, footer, comment area or related
 * posts block it is almost certainly not the main post; inside an article
 * or main element it likely is. */
static double
context_weight(const xmlNode *n)
{
	double w = 1;
	bool good = false;
	for (const xmlNode *p = n->parent; p != NULL && p->type == XML_ELEMENT_NODE; p = p->parent) {
		if (dom_is(p, "aside") || dom_is(p, "footer") || dom_is(p, "nav") || class_aside(p))
			w = 0.05;
		if (dom_is(p, "article") || dom_is(p, "main") || dom_has_class(p, "hentry") ||
		    dom_has_class(p, "type-post") || dom_has_class(p, "single"))
			good = true;
	}
	return good ? w * 1.3 : w;
}

/* Whether a is an ancestor of b (or b itself). */
static bool
contains(const xmlNode *a, const xmlNode *b)
{
	for (const xmlNode *p = b; p != NULL; p = p->parent)
		if (p == a)
			return true;
	return false;
}

/* Find the WordPress post body under body, or NULL. */
static xmlNode *
wordpress_root(xmlNode *body)
{
	struct candidate c[MAX_CANDIDATES];
	size_t n = 0;
	for (xmlNode *e = body; e != NULL && n < MAX_CANDIDATES; e = dom_next_in(e, body, false)) {
		int rank = body_rank(e);
		if (rank < 0)
			continue;
		const struct nstat *s = nstat_of(e);
		c[n].node = e;
		c[n].rank = rank;
		c[n].prose = s != NULL ? (double)s->text - s->link : 0;
		c[n].weight = context_weight(e);
		c[n].value = c[n].prose * c[n].weight;
		c[n].dropped = false;
		n++;
	}
	/* Nested matches: the inner one wins when it holds half the outer's
	 * prose (the outer adds a header, meta and footer); else the outer. */
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			if (i == j || c[i].dropped || c[j].dropped || !contains(c[i].node, c[j].node))
				continue;
			if (c[j].prose >= 0.5 * c[i].prose)
				c[i].dropped = true;
			else
				c[j].dropped = true;
		}
	struct candidate *best = NULL;
	for (size_t i = 0; i < n; i++)
		if (!c[i].dropped && (best == NULL || c[i].value > best->value ||
		    (c[i].value == best->value && c[i].rank < best->rank)))
			best = &c[i];
	/* The best one inside a sidebar, footer or comment area is a widget or
	 * a teaser: the post itself is marked some other way. */
	return best != NULL && best->prose > 0 && best->weight >= 0.5 ? best->node : NULL;
}

/* Prose characters of n as last measured. */
static unsigned
prose_of(const xmlNode *n)
{
	const struct nstat *s = nstat_of(n);
	return s != NULL ? s->text - s->link : 0;
}

/* Parts of a class name that mark a post's lead paragraph (its
 * standfirst or excerpt), compared whole between "-" and "_". */
static const char *const lead_parts[] = {
	"lead", "lede", "intro", "excerpt", "chapo", "standfirst", "summary", "dek", "sommario",
};

/* Whether a class or id value has a part naming a lead paragraph. */
static bool
lead_name(const char *v)
{
	return text_has_word_ci(v, " \t\n\r-_", lead_parts, sizeof lead_parts / sizeof lead_parts[0]);
}

/* Whether e is a lead paragraph by name and size. */
static bool
is_lead(xmlNode *e)
{
	const struct nstat *s = nstat_of(e);
	return (lead_name(dom_attr(e, "class")) || lead_name(dom_attr(e, "id"))) && s != NULL &&
	    s->text >= 40 && s->text <= 1500 && link_density(e) < 0.3 && !dom_is(e, "a") &&
	    !dom_is(e, "span") && !dom_is(e, "h1");
}

/* The first lead under n (n included), in document order, or NULL. */
static xmlNode *
lead_under(xmlNode *n)
{
	for (xmlNode *e = n; e != NULL; e = dom_next_in(e, n, false)) {
		if (class_aside(e) || dom_is(e, "aside") || dom_is(e, "nav"))
			return NULL;
		if (is_lead(e))
			return e;
	}
	return NULL;
}

/* Themes print the post's lead (the excerpt or standfirst) in the article
 * header, above the body element, sometimes outside the <article>: move
 * it into root as its first child, unless the body repeats it. Looks in
 * the elements just before root and before its nearest ancestors, the
 * nearest first, no further than the parent of the post's own <article>
 * (or .hentry) and its parent, or a few levels up when there is none. */
static void
adopt_lead(xmlNode *root)
{
	xmlNode *lead = NULL, *post = NULL;
	int levels = 0;
	for (xmlNode *at = root; lead == NULL && at->parent != NULL &&
	    at->parent->type == XML_ELEMENT_NODE && !dom_is(at->parent, "body") && levels < 6;
	    at = at->parent, levels++) {
		if (post != NULL && at != post && at != post->parent)
			break;
		for (xmlNode *p = at->prev; lead == NULL && p != NULL; p = p->prev)
			if (p->type == XML_ELEMENT_NODE)
				lead = lead_under(p);
		if (post == NULL && (dom_is(at->parent, "article") || class_has_token(at->parent, "hentry")))
			post = at->parent;
	}
	if (lead == NULL)
		return;
	char *t = dom_text(lead), *body = dom_text(root);
	bool repeated = t[0] == '\0' || strstr(body, t) != NULL;
	free(t);
	free(body);
	if (repeated)
		return;
	xmlUnlinkNode(lead);
	xmlNode *first = root->children;
	if (first != NULL)
		xmlAddPrevSibling(first, lead);
	else
		xmlAddChild(root, lead);
}

/* Whether n sits in the page's header, footer or navigation. */
static bool
in_landmark(const xmlNode *n)
{
	for (const xmlNode *p = n; p != NULL && p->type == XML_ELEMENT_NODE; p = p->parent) {
		const char *role = dom_attr(p, "role");
		if (dom_is(p, "footer") || dom_is(p, "header") || dom_is(p, "nav") ||
		    (role != NULL && (strcmp(role, "contentinfo") == 0 || strcmp(role, "banner") == 0 ||
		    strcmp(role, "navigation") == 0)))
			return true;
	}
	return false;
}

/* readability: the generic candidate under body, or NULL. When the strict
 * pass finds little, try again letting chrome-looking names count (some
 * themes wrap the whole page in one). Leaves scores on the records. */
static xmlNode *
generic_root(struct cx *cx, xmlNode *body)
{
	xmlNode *root = score_find(cx, body, true);
	if (root != NULL && score_gathered_prose(root) >= 500)
		return root;
	unsigned strict = root != NULL ? score_gathered_prose(root) : 0;
	scores_reset(body);
	xmlNode *again = score_find(cx, body, false);
	if (again != NULL && score_gathered_prose(again) > strict && (root == NULL || !in_landmark(again)))
		return again;
	if (root == NULL)
		return NULL;
	/* Scores were reset: score the strict way again. */
	scores_reset(body);
	return score_find(cx, body, true);
}

xmlNode *
content_extract(htmlDocPtr doc, const struct article *a)
{
	struct cx cx = {.a = a};
	xmlNode *body = dom_body(doc);
	if (body == NULL)
		body = dom_root(doc);
	if (body == NULL)
		return NULL;
	measure(&cx, body);
	xmlNode *root = wordpress_root(body);
	xmlNode *generic = generic_root(&cx, body);
	/* Trust the WordPress body unless the scorer found an unrelated block
	 * with far more prose, or the marked body is a scrap next to it: then
	 * it is a teaser, a widget or a header, and the post itself is built
	 * some other way. */
	if (root != NULL && generic != NULL && !contains(root, generic)) {
		unsigned g = score_gathered_prose(generic), w = prose_of(root);
		if ((!contains(generic, root) && g > 3 * w) || (w < 400 && g > 6 * w))
			root = NULL;
	}
	if (root != NULL) {
		adopt_lead(root);
		measure(&cx, root);
		prune(&cx, root);
		measure(&cx, root);
		/* A post body that is nearly empty (a gallery, a video, a theme
		 * that puts the text elsewhere) leaves the choice to the scorer. */
		unsigned kept = prose_of(root);
		if (kept >= 140)
			goto done;
		measure(&cx, body);
		generic = generic_root(&cx, body);
		/* A short post is still the post unless the scorer finds far
		 * more text elsewhere. */
		if (kept > 0 && (generic == NULL || score_gathered_prose(generic) < 3 * kept))
			goto done;
	}
	root = generic != NULL ? score_gather(&cx, generic) : prose_of(body) > 0 ? body : NULL;
	if (root != NULL)
		prune(&cx, root);
	/* A page that is not an article at all (a portfolio, a landing page)
	 * still shows what text it has rather than nothing. */
	if (root != NULL && root != body) {
		measure(&cx, root);
		if (prose_of(root) == 0) {
			measure(&cx, body);
			if (prose_of(body) > 0) {
				root = body;
				prune(&cx, root);
			}
		}
	}
done:
	measure_clear(dom_root(doc));
	measure_free(&cx);
	return root;
}
