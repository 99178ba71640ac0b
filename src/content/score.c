/* score.c — the generic content scorer for pages without recognisable
 * WordPress markup, after Mozilla's Readability (grabArticle). Paragraphs
 * earn points for their length and commas; the points flow to their parent,
 * grandparent and further ancestors with falling weight; every scored
 * ancestor starts from a weight for its tag and its class and id names and
 * ends scaled by how much of it is not links. The best ancestor, or a parent
 * that scores better, is the article; siblings that score well enough join
 * it. Scores live in the nstat records (measure.c), so the whole pass is
 * linear in the size of the page. */
#include "content.h"

#include <stdlib.h>
#include <string.h>

#include "dom.h"

/* readability: the starting score of a node by its tag and class weight. */
static double
tag_base(const xmlNode *n)
{
	static const struct { const char *tag; int score; } table[] = {
		{"div", 5}, {"pre", 3}, {"td", 3}, {"blockquote", 3}, {"address", -3}, {"ol", -3},
		{"ul", -3}, {"dl", -3}, {"dd", -3}, {"dt", -3}, {"li", -3}, {"form", -3}, {"h1", -5},
		{"h2", -5}, {"h3", -5}, {"h4", -5}, {"h5", -5}, {"h6", -5}, {"th", -5},
		/* Not in readability: HTML5 sectioning that themes use for the post. */
		{"article", 10}, {"main", 5}, {"section", 2},
	};
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		if (dom_is(n, table[i].tag))
			return table[i].score;
	return 0;
}

/* readability: initialise a node's score the first time it is touched. */
static struct nstat *
touch(xmlNode *n)
{
	struct nstat *s = nstat_of(n);
	if (s != NULL && !s->scored) {
		s->scored = true;
		s->score = tag_base(n) + class_weight(n);
	}
	return s;
}

/* Whether the node is chrome for the purpose of scoring: a landmark that
 * is never the article, or a name readability calls unlikely. */
static bool
unlikely_node(const xmlNode *n, bool strip)
{
	static const char *const roles[] = {
		"menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog",
		"banner", "contentinfo", "search",
	};
	if (is_hidden(n))
		return true;
	if (!strip)
		return false;
	/* Not in readability: landmarks that never hold the article. A page
	 * whose markup nests everything in one of them gets the second,
	 * lenient pass. */
	if (dom_is(n, "nav") || dom_is(n, "aside") || dom_is(n, "footer") || dom_is(n, "form") ||
	    dom_is(n, "header"))
		return true;
	const char *role = dom_attr(n, "role");
	for (size_t i = 0; role != NULL && i < sizeof roles / sizeof roles[0]; i++)
		if (strcmp(role, roles[i]) == 0)
			return true;
	if (dom_is(n, "body") || dom_is(n, "a") || dom_is(n, "article") || dom_is(n, "main"))
		return false;
	return class_unlikely(n);
}

/* readability: give a paragraph's points to up to five ancestors; start is
 * the first ancestor (the paragraph's parent, or the element itself for an
 * inline run directly inside a block). */
static void
credit(xmlNode *start, xmlNode *body, unsigned chars, unsigned commas)
{
	double points = 1 + commas + (chars / 100 < 3 ? chars / 100 : 3);
	int level = 0;
	for (xmlNode *p = start; p != NULL && level < 5; p = p->parent, level++) {
		if (p->type != XML_ELEMENT_NODE)
			break;
		struct nstat *s = touch(p);
		if (s == NULL)
			break;
		double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
		s->score += points / divider;
		if (p == body)
			break;
	}
}

/* Count a paragraph's characters on n and its ancestors up to body, at
 * most 32 levels up (so that deep nesting costs no more than that). */
static void
add_ptext(xmlNode *n, xmlNode *body, unsigned chars)
{
	int level = 0;
	for (xmlNode *p = n; p != NULL && p->type == XML_ELEMENT_NODE && level < 32;
	    p = p->parent, level++) {
		struct nstat *s = nstat_of(p);
		if (s != NULL)
			s->ptext += chars;
		if (p == body)
			break;
	}
}

/* Walk body and score every paragraph outside unlikely subtrees. */
static void
score_paragraphs(xmlNode *body, bool strip)
{
	for (xmlNode *n = dom_first_element(body); n != NULL; ) {
		struct nstat *s = nstat_of(n);
		if (s == NULL || unlikely_node(n, strip)) {
			n = dom_next_in(n, body, true);
			continue;
		}
		/* Not in readability: a list item of prose counts too (some
		 * posts are mostly lists); link-heavy items (menus) do not. */
		bool para = dom_is(n, "p") || dom_is(n, "pre") || dom_is(n, "td") ||
		    (dom_is(n, "li") && link_density(n) < 0.5);
		if (para) {
			if (s->text >= 25 && n->parent != NULL) {
				credit(n->parent, body, s->text, s->commas);
				add_ptext(n, body, s->text - s->link);
			}
			/* td and li may hold paragraphs of their own. */
			n = dom_next_in(n, body, !dom_is(n, "td") && !dom_is(n, "li"));
			continue;
		}
		/* readability turns inline runs inside a div into paragraphs: a
		 * run directly inside a block scores for that block. */
		if (is_block_tag(n) && s->own >= 25 && !dom_is(n, "li") && !dom_is(n, "a")) {
			credit(n, body, s->own, s->own_commas);
			add_ptext(n, body, s->own);
		}
		n = dom_next_in(n, body, false);
	}
}

#define TOP_N 5

/* Scale every score by link density and keep the TOP_N best under body,
 * best first; returns how many were kept. */
static size_t
top_candidates(xmlNode *body, xmlNode **top)
{
	size_t n = 0;
	for (xmlNode *e = body; e != NULL; e = dom_next_in(e, body, false)) {
		struct nstat *s = nstat_of(e);
		if (s == NULL || !s->scored)
			continue;
		s->score *= 1 - link_density(e);
		size_t i = n < TOP_N ? n++ : TOP_N;
		while (i > 0 && nstat_of(top[i - 1])->score < s->score) {
			if (i < TOP_N)
				top[i] = top[i - 1];
			i--;
		}
		if (i < TOP_N)
			top[i] = e;
	}
	return n;
}

/* Whether a is an ancestor of b (or b itself). */
static bool
holds_node(const xmlNode *a, const xmlNode *b)
{
	for (; b != NULL; b = b->parent)
		if (a == b)
			return true;
	return false;
}

/* Whether text ends a sentence somewhere ("." followed by space or end). */
static bool
has_sentence(const xmlNode *n)
{
	char *t = dom_text(n);
	size_t len = strlen(t);
	bool yes = (len > 0 && t[len - 1] == '.') || strstr(t, ". ") != NULL;
	free(t);
	return yes;
}

/* readability: whether sibling s of the top candidate belongs to the article. */
static bool
sibling_joins(xmlNode *s, xmlNode *top, double threshold)
{
	const struct nstat *st = nstat_of(s);
	if (st == NULL)
		return false;
	double bonus = 0;
	const char *c1 = dom_attr(s, "class"), *c2 = dom_attr(top, "class");
	if (c1 != NULL && c2 != NULL && *c1 != '\0' && strcmp(c1, c2) == 0)
		bonus = nstat_of(top)->score * 0.2;
	if (st->scored && st->score + bonus >= threshold)
		return true;
	if (!dom_is(s, "p") || unlikely_node(s, true))
		return false;
	double ld = link_density(s);
	if (st->text > 80)
		return ld < 0.25;
	return st->text > 0 && ld == 0 && has_sentence(s);
}

xmlNode *
score_find(struct cx *cx, xmlNode *body, bool strip_unlikely)
{
	if (body == NULL)
		return NULL;
	score_paragraphs(body, strip_unlikely);
	xmlNode *cands[TOP_N];
	size_t ncands = top_candidates(body, cands);
	if (ncands == 0)
		return NULL;
	xmlNode *top = cands[0];
	double best = nstat_of(top)->score;
	/* readability: when three or more of the other top candidates score
	 * nearly as well, the article is their common ancestor (a page split
	 * into many blocks). */
	size_t close = 0;
	for (size_t i = 1; i < ncands; i++)
		if (best > 0 && nstat_of(cands[i])->score / best >= 0.75)
			close++;
	if (close >= 3) {
		/* Only measured ancestors: when the parser puts the candidates
		 * outside body's subtree, climbing must not reach unmeasured nodes. */
		for (xmlNode *p = top->parent; p != NULL && p != body && nstat_of(p) != NULL;
		    p = p->parent) {
			size_t within = 0;
			for (size_t i = 1; i < ncands; i++)
				if (nstat_of(cands[i])->score / best >= 0.75 && holds_node(p, cands[i]))
					within++;
			if (within >= 3) {
				top = p;
				touch(top);
				break;
			}
		}
	}
	/* readability: climb while a parent scores better, but not past one
	 * that scores below a third of the best. */
	double last = nstat_of(top)->score, threshold = last / 3;
	for (xmlNode *p = top->parent; p != NULL && p != body && p->type == XML_ELEMENT_NODE;
	    p = p->parent) {
		const struct nstat *s = nstat_of(p);
		if (s == NULL || !s->scored)
			continue;
		if (s->score < threshold)
			break;
		if (s->score > last) {
			top = p;
			break;
		}
		last = s->score;
	}
	/* Not in readability: a post split into sections (page builders,
	 * custom fields) leaves each section a candidate of its own. Climb
	 * to an ancestor that stays mostly paragraphs and holds at least
	 * twice the paragraphs of the candidate. */
	for (xmlNode *p = top->parent; p != NULL && p != body && p->type == XML_ELEMENT_NODE;
	    p = p->parent) {
		const struct nstat *ps = nstat_of(p), *cs = nstat_of(top);
		if (ps == NULL || cs == NULL)
			break;
		unsigned prose = ps->text - ps->link;
		if (ps->ptext < 0.6 * prose || link_density(p) > 0.35 || unlikely_node(p, true) ||
		    dom_is(p, "nav") || dom_is(p, "aside") || dom_is(p, "footer") || dom_is(p, "header"))
			break;
		if (ps->ptext >= cs->ptext + 200 && ps->ptext >= 2 * cs->ptext)
			top = p;
	}
	/* readability: an only child stands for its parent. */
	while (top != body && top->parent != NULL && top->parent != body &&
	    nstat_of(top->parent) != NULL && dom_first_element(top->parent) == top &&
	    dom_next_element(top) == NULL)
		top = top->parent;
	(void)cx;
	return top;
}

unsigned
score_gathered_prose(xmlNode *top)
{
	const struct nstat *ts = nstat_of(top);
	if (ts == NULL)
		return 0;
	unsigned prose = ts->text - ts->link;
	if (top->parent == NULL || top->parent->type != XML_ELEMENT_NODE || !ts->scored)
		return prose;
	double sib = ts->score * 0.2 > 10 ? ts->score * 0.2 : 10;
	for (xmlNode *s = dom_first_element(top->parent); s != NULL; s = dom_next_element(s))
		if (s != top && nstat_of(s) != NULL && sibling_joins(s, top, sib))
			prose += nstat_of(s)->text - nstat_of(s)->link;
	return prose;
}

xmlNode *
score_gather(struct cx *cx, xmlNode *top)
{
	struct nstat *ts = touch(top);
	xmlNode *parent = top->parent;
	if (ts == NULL || parent == NULL || parent->type != XML_ELEMENT_NODE || dom_is(parent, "html") ||
	    nstat_of(parent) == NULL)
		return top;
	/* readability: gather siblings that score well enough. Those that do
	 * not are removed, and the parent becomes the root. */
	double sib = ts->score * 0.2 > 10 ? ts->score * 0.2 : 10;
	bool any = false;
	for (xmlNode *s = dom_first_element(parent); s != NULL; s = dom_next_element(s))
		if (s != top && sibling_joins(s, top, sib))
			any = true;
	if (!any)
		return top;
	xmlNode *next;
	for (xmlNode *s = parent->children; s != NULL; s = next) {
		next = s->next;
		if (s == top)
			continue;
		if (s->type == XML_ELEMENT_NODE ? !sibling_joins(s, top, sib) : s->type != XML_TEXT_NODE)
			dom_remove(s);
	}
	measure(cx, parent);
	return parent;
}
