/* visible.c — metadata as a reader sees it rather than as markup states
 * it: the date line beside a post's title ("January 22, 2014", "26 Mai,
 * 2008 | Jo"), "Posted on …" and "Posted by …" in plain text, a kicker
 * ("Blog:") that the heading puts before the title other sources give, a
 * first name that another source gives in full, and which of a page's
 * disagreeing statements of publication the shown date backs. Candidates
 * go into the gathering context of meta.c at ranks below the markup
 * rules'. Text in a <blockquote> is someone else's post and is passed
 * over. */
#include "gather.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "dom.h"
#include "names.h"
#include "text.h"
#include "util.h"

/* Whether n sits in a <blockquote>: an embedded post quotes another
 * page's byline and date. */
static bool
in_blockquote(const xmlNode *n)
{
	for (const xmlNode *p = n->parent; p != NULL && p->type == XML_ELEMENT_NODE; p = p->parent)
		if (dom_is(p, "blockquote"))
			return true;
	return false;
}

/* Add a candidate from the visible date in element n, if it shows one;
 * returns whether it did. */
static bool
visible_date(struct ctx *x, const xmlNode *n, int rank)
{
	if (n == NULL || dom_is(n, "script") || dom_is(n, "style"))
		return false;
	char *t = meta_bounded_text(n, 300, true);
	char *d = meta_date_visible(t, false);
	free(t);
	if (d != NULL)
		meta_cand_add_from(x, F_PUBLISHED, rank, d, FROM_TEXT);
	free(d);
	return d != NULL;
}

/* Look beside the post's title heading h for the date its header shows:
 * one of the few elements right after it ("January 22, 2014", "Posted on
 * … by …", "26 Mai, 2008 | Jane"), the one right before it, or, when h
 * sits alone in a small header, the elements after that header. */
void
meta_read_title_date(struct ctx *x, const xmlNode *h)
{
	enum { RANK = 58 };
	const xmlNode *n = dom_next_element(h);
	for (int i = 0; i < 3 && n != NULL; i++, n = dom_next_element(n))
		if (visible_date(x, n, RANK))
			return;
	for (n = h->prev; n != NULL && n->type != XML_ELEMENT_NODE; n = n->prev)
		;
	if (n != NULL && visible_date(x, n, RANK))
		return;
	const xmlNode *p = h->parent;
	if (p == NULL || p->type != XML_ELEMENT_NODE || dom_is(p, "body") || dom_is(p, "article") || dom_is(p, "main"))
		return;
	int kids = 0;
	for (const xmlNode *c = dom_first_element(p); c != NULL; c = dom_next_element(c))
		kids++;
	if (kids > 4)
		return;
	n = dom_next_element(p);
	for (int i = 0; i < 2 && n != NULL; i++, n = dom_next_element(n))
		if (visible_date(x, n, RANK))
			return;
}

/* Read a text node that names publication before a date ("Veröffentlicht
 * am 16.08.2019", "This entry was posted on …", "Posted on " before a
 * <time>). */
void
meta_read_lead_date(struct ctx *x, const xmlNode *t)
{
	/* Stems of every lead-in meta_date_after_lead knows, to pass over
	 * the other text nodes cheaply. */
	static const char *const stems[] = {
		"posted", "publi", "ffentlicht", "wurde am", "erstellt am", "geschrieben am", "gepostet",
		"erschienen", "gepubliceerd", "date",
	};
	const char *s = (const char *)t->content;
	if (strlen(s) > 300)
		return;
	bool found = false;
	for (const char *p = s; *p && !found; p++) {
		int c = tolower((unsigned char)*p);
		if (c != 'p' && c != 'f' && c != 'w' && c != 'e' && c != 'g' && c != 'd')
			continue;
		for (size_t i = 0; i < sizeof stems / sizeof stems[0] && !found; i++)
			found = stems[i][0] == c && strncasecmp(p, stems[i], strlen(stems[i])) == 0;
	}
	if (!found)
		return;
	char *next = NULL;
	const xmlNode *n = t->next;
	if (n != NULL && n->type == XML_ELEMENT_NODE)
		next = meta_bounded_text(n, 100, true);
	char *d = meta_date_after_lead(s, next);
	free(next);
	if (d != NULL && in_blockquote(t)) {
		free(d);
		d = NULL;
	}
	if (d != NULL) {
		meta_cand_add_from(x, F_PUBLISHED, 68, d, FROM_TEXT);
		x->have_lead_date = true;
	}
	free(d);
}

/* Whether text s of node t is a bare "By" before a link to the author's
 * page ("By <a href=/author/tanderson/>Tim Anderson</a>"), in English,
 * German, French, Spanish, Italian or Dutch; if so, adds the name. Without
 * the author link, "By" is too common a word to trust. */
static bool
bare_by_before_author(struct ctx *x, const xmlNode *t, const char *s)
{
	static const char *const words[] = { "by", "von", "par", "por", "di", "door", "de" };
	size_t len = strlen(s);
	while (len > 0 && (isspace((unsigned char)s[len - 1]) || s[len - 1] == ':'))
		len--;
	bool bare = false;
	for (size_t i = 0; i < sizeof words / sizeof words[0] && !bare; i++)
		bare = strlen(words[i]) == len && strncasecmp(s, words[i], len) == 0;
	const xmlNode *n = t->next;
	if (!bare || n == NULL || n->type != XML_ELEMENT_NODE || in_blockquote(t))
		return false;
	if (!meta_is_author_link(n, NULL) && (n = dom_find((xmlNode *)n, meta_is_author_link, NULL)) == NULL)
		return false;
	char *name = meta_bounded_text(n, 100, false);
	if (name != NULL && *name != '\0' && !meta_author_is_noise(name)) {
		meta_cand_add(x, F_AUTHOR, 45, name);
		x->have_byline_text = true;
	}
	free(name);
	return true;
}

/* Read a text node that is a byline ("Posted by Konstantin", "Written by "
 * before a link to the author) into an author candidate. */
void
meta_read_byline_text(struct ctx *x, const xmlNode *t)
{
	static const char *const leads[] = {
		"posted by", "written by", "geschrieben von", "verfasst von", "ver\303\266ffentlicht von",
		"publi\xc3\xa9 par", "escrito por", "scritto da", "geschreven door",
	};
	const char *s = (const char *)t->content;
	while (isspace((unsigned char)*s))
		s++;
	if (strchr("pPwWgGvVeEsSbBdD", *s) == NULL || *s == '\0' || strlen(s) > 120)
		return;
	if (bare_by_before_author(x, t, s))
		return;
	for (size_t i = 0; i < sizeof leads / sizeof leads[0]; i++) {
		size_t k = strlen(leads[i]);
		if (!text_starts_with_ci(s, leads[i]) || (s[k] != '\0' && !isspace((unsigned char)s[k])))
			continue;
		char *text = NULL;
		const char *rest = s + k;
		while (isspace((unsigned char)*rest))
			rest++;
		if (*rest != '\0')
			text = xstrdup(s);
		else if (t->next != NULL && t->next->type == XML_ELEMENT_NODE) {
			char *name = meta_bounded_text(t->next, 100, false);
			if (name != NULL)
				text = xasprintf("%s %s", s, name);
			free(name);
		}
		char *name = text && !in_blockquote(t) ? meta_clean_byline(text) : NULL;
		if (name != NULL && !meta_author_is_noise(name)) {
			meta_cand_add(x, F_AUTHOR, 45, name);
			x->have_byline_text = true;
		}
		free(name);
		free(text);
		return;
	}
}

/* Return a newly allocated form of title t for comparing: ASCII lower
 * case, dashes as '-', curly quotes straight, no-break spaces plain. */
static char *
title_key(const char *t)
{
	struct buf b = {0};
	for (const unsigned char *p = (const unsigned char *)t; *p; p++) {
		if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0x93 || p[2] == 0x94)) {
			buf_putc(&b, '-');
			p += 2;
		} else if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0x98 || p[2] == 0x99)) {
			buf_putc(&b, '\'');
			p += 2;
		} else if (p[0] == 0xe2 && p[1] == 0x80 && p[2] >= 0x9c && p[2] <= 0x9e) {
			buf_putc(&b, '"');
			p += 2;
		} else if (p[0] == 0xc2 && p[1] == 0xa0) {
			buf_putc(&b, ' ');
			p++;
		} else
			buf_putc(&b, (char)tolower(*p));
	}
	return buf_detach(&b);
}

/* Whether t is a kicker ("Immobilienkrise", "Blog:") before a title that
 * other sources give without it: t is 1-3 words and a space before suffix
 * c, which at least two other candidates (og:title, the JSON-LD headline,
 * <title>) state, or one when the kicker ends with a colon. */
struct cand *
meta_drop_kicker(struct ctx *x, struct cand *t)
{
	static const char *const articles[] = { "the", "a", "an", "der", "die", "das", "le", "la", "les", "el" };
	char *tk = title_key(t->value);
	struct cand *best = NULL;
	size_t tl = strlen(tk);
	size_t vl = strlen(t->value);
	/* Pass 0 wants the heading's own bytes (its dashes and quotes). */
	for (size_t i = 0; i < 2 * x->n && best == NULL; i++) {
		struct cand *c = &x->c[i % x->n];
		size_t len = strlen(c->value);
		if (c->field != F_TITLE || c->rank >= 200 || c == t ||
		    (i < x->n && (len >= vl || strcmp(t->value + vl - len, c->value) != 0)))
			continue;
		char *ck = title_key(c->value);
		size_t cl = strlen(ck);
		if (cl >= 10 && tl > cl + 1 && strcmp(tk + tl - cl, ck) == 0 && tk[tl - cl - 1] == ' ') {
			char *kicker = xstrndup(tk, tl - cl - 1);
			size_t words = text_word_count(kicker), kl = strlen(kicker), agree = 0;
			bool colon = kl > 0 && kicker[kl - 1] == ':', article = false;
			for (size_t k = 0; k < sizeof articles / sizeof articles[0]; k++)
				article |= strcmp(kicker, articles[k]) == 0;
			for (size_t j = 0; j < x->n; j++) {
				if (x->c[j].field != F_TITLE || x->c[j].rank >= 200 || &x->c[j] == t)
					continue;
				char *jk = title_key(x->c[j].value);
				agree += strcmp(jk, ck) == 0;
				free(jk);
			}
			if (words >= 1 && words <= 3 && !article && (agree >= 2 || (colon && agree >= 1)))
				best = c;
			free(kicker);
		}
		free(ck);
	}
	free(tk);
	return best ? best : t;
}

/* Whether t is set in capitals: letters, none of them lower case. */
static bool
all_caps(const char *t)
{
	size_t upper = 0;
	for (const unsigned char *p = (const unsigned char *)t; *p; p++) {
		if (islower(*p))
			return false;
		upper += isupper(*p) != 0;
	}
	return upper >= 8;
}

/* How many of the words of a (keys: lower case, space-separated) are among
 * those of b. */
static size_t
shared_words(const char *a, const char *b)
{
	size_t n = 0;
	for (const char *p = a; *p != '\0'; ) {
		size_t k = strcspn(p, " ");
		for (const char *q = b; k > 0 && *q != '\0'; ) {
			size_t m = strcspn(q, " ");
			if (m == k && strncmp(p, q, k) == 0) {
				n++;
				break;
			}
			q += m;
			q += strspn(q, " ");
		}
		p += k;
		p += strspn(p, " ");
	}
	return n;
}

struct cand *
meta_unshout(struct ctx *x, struct cand *t)
{
	if (!all_caps(t->value))
		return t;
	char *tk = title_key(t->value);
	size_t words = text_word_count(tk);
	struct cand *best = NULL;
	for (size_t i = 0; i < x->n; i++) {
		struct cand *c = &x->c[i];
		if (c->field != F_TITLE || c->rank >= 200 || c == t || all_caps(c->value) ||
		    (best != NULL && c->rank >= best->rank))
			continue;
		char *ck = title_key(c->value);
		size_t cw = text_word_count(ck), shared = shared_words(tk, ck);
		/* The same title, give or take a word ("IN 2026" beside "2026"). */
		if (shared * 5 >= (words > cw ? words : cw) * 4)
			best = c;
		free(ck);
	}
	free(tk);
	return best != NULL ? best : t;
}

/* Return the candidate that gives author c's full name when c is a first
 * name alone ("Henry" beside "Henry Steinhau" elsewhere), else c. */
struct cand *
meta_fuller_name(struct ctx *x, struct cand *c)
{
	if (strchr(c->value, ' ') != NULL)
		return c;
	size_t k = strlen(c->value);
	for (size_t i = 0; i < x->n; i++) {
		struct cand *o = &x->c[i];
		size_t words = o->field == F_AUTHOR ? text_word_count(o->value) : 0;
		if (o != c && o->field == F_AUTHOR && o->rank < R_NOISE && words >= 2 && words <= 4 &&
		    strncasecmp(o->value, c->value, k) == 0 && o->value[k] == ' ' && strchr(o->value, ',') == NULL)
			return o;
	}
	return c;
}

/* Whether candidate c parses as a date on day (YYYY-MM-DD). */
static bool
cand_on_day(const struct cand *c, const char *day, bool have_off, int off)
{
	char *d = meta_date_normalize(c->value, have_off, off);
	bool same = d != NULL && strncmp(d, day, 10) == 0;
	free(d);
	return same;
}

/* Return the published-date candidate to take instead of best when the
 * page's own statements disagree (JSON-LD says one day, article:published_
 * time another) and the date the reader sees in the post agrees with one
 * of them: that one is the date the page presents, and the shown date
 * itself when only it gives the time. A shown date that no page-wide
 * statement of publication backs does not overrule them: themes often show
 * the modified date there, and readers cite the first publication. Else
 * returns best. */
struct cand *
meta_shown_agrees(struct ctx *x, struct cand *best, bool have_off, int off)
{
	struct cand *shown = NULL;
	char *day = NULL;
	for (size_t i = 0; i < x->n; i++) {
		struct cand *c = &x->c[i];
		if (c->field != F_PUBLISHED || c->from != FROM_TEXT || meta_date_says_updated(c->value) ||
		    (shown != NULL && (c->rank > shown->rank || (c->rank == shown->rank && c->order > shown->order))))
			continue;
		char *d = meta_date_normalize(c->value, have_off, off);
		if (d == NULL)
			continue;
		shown = c;
		free(day);
		day = d;
	}
	struct cand *pick = best;
	if (shown == NULL || cand_on_day(best, day, have_off, off))
		goto done;
	for (size_t i = 0; i < x->n; i++) {
		struct cand *c = &x->c[i];
		if (c->field == F_PUBLISHED && c->from == FROM_PAGE &&
		    (pick == best || c->rank < pick->rank) && cand_on_day(c, day, have_off, off))
			pick = c;
	}
	if (pick != best && strchr(day, 'T') != NULL) {
		char *d = meta_date_normalize(pick->value, have_off, off);
		if (strchr(d, 'T') == NULL)
			pick = shown;   /* "November 25, 2025" beside "Nov 25, 2025 5:00 am PST" */
		free(d);
	}
done:
	free(day);
	return pick;
}

/* Whether the reader sees element n labelled as an update: the text just
 * before it, in a text node or a label element, ends in "Last updated:",
 * "Updated on", "Aktualisiert am" ("Last updated: <time …>"). */
bool
meta_labelled_updated(const xmlNode *n)
{
	for (const xmlNode *p = n->prev; p != NULL; p = p->prev) {
		char *t = NULL;
		if (p->type == XML_TEXT_NODE && p->content != NULL && strlen((const char *)p->content) <= 60)
			t = text_normalize((const char *)p->content);
		else if (p->type == XML_ELEMENT_NODE)
			t = meta_bounded_text(p, 60, true);
		else if (p->type != XML_COMMENT_NODE)
			return false;
		if (t != NULL && *t == '\0') {
			free(t);
			continue;   /* whitespace between the label and the date */
		}
		bool updated = t != NULL && strpbrk(t, "0123456789") == NULL && meta_date_says_updated(t);
		free(t);
		return updated;
	}
	return false;
}
