/* coauthors.c — bylines that name several authors. A post written by more
 * than one person (Co-Authors Plus, a theme's "Written by A, B and C")
 * prints each name in an element of its own, a link to the author's page or
 * a span, with separators between them: ", ", " & ", " and ". Metadata tags
 * usually carry only the first name; when the author chosen from them is
 * one of such a list's names, the whole list is the author. */
#include "gather.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dom.h"
#include "text.h"
#include "util.h"

/* Words that join the names of a list, in the languages of our bylines. */
static const char *const joiners[] = { "and", "und", "et", "y", "e", "en", "og", "och", "i" };

/* Whether t (normalised, not empty) is only separators: commas,
 * semicolons, ampersands and joining words. */
static bool
only_separators(const char *t)
{
	for (const char *p = t; *p != '\0'; ) {
		if (*p == ' ') {
			p++;
			continue;
		}
		if (*p == ',' || *p == '&' || *p == ';') {
			p++;
			continue;
		}
		size_t n = strcspn(p, " ,&;");
		bool joiner = false;
		for (size_t i = 0; i < sizeof joiners / sizeof joiners[0]; i++)
			if (strlen(joiners[i]) == n && strncasecmp(p, joiners[i], n) == 0)
				joiner = true;
		if (!joiner)
			return false;
		p += n;
	}
	return true;
}

/* Words of a job title, which may follow a name as if it were another
 * ("Audrey Huang, Managing Editor"). */
static const char *const roles[] = {
	"editor", "writer", "reporter", "correspondent", "contributor", "columnist", "staff",
	"manager", "director", "chief", "head", "senior", "photographer", "producer", "intern",
	"founder", "author", "redakteur", "redakteurin", "redaktion", "autor", "autorin",
	"journalist", "journalistin", "rédacteur", "rédactrice", "redactor", "redattore",
	"team", "desk", "news", "media", "press",
};

/* Whether t (normalised) looks like one person's name: two to six words,
 * the first capitalised, no digits, no sentence punctuation, no job title. */
static bool
name_like(const char *t)
{
	size_t len = strlen(t);
	if (len < 3 || len > 60 || !(isupper((unsigned char)t[0]) || (unsigned char)t[0] >= 0x80))
		return false;
	if (strpbrk(t, "0123456789:|!?@/()[]\"") != NULL)
		return false;
	size_t words = 1;
	for (const char *p = t; *p != '\0'; p++)
		if (*p == ' ')
			words++;
	return words >= 2 && words <= 6 &&
	    !text_has_word_ci(t, " -", roles, sizeof roles / sizeof roles[0]);
}

/* Add the separator text sep (normalised) to out between two names. */
static void
put_separator(struct buf *out, const char *sep)
{
	while (*sep == ' ')
		sep++;
	if (*sep == ',' || *sep == ';')
		buf_printf(out, "%c ", *sep);
	else
		buf_printf(out, " %s ", sep);
	/* "Mendez &" or ", and": the separator's own words, spaced once. */
	while (out->len > 0 && out->data[out->len - 1] == ' ' && out->len > 1 &&
	    out->data[out->len - 2] == ' ')
		out->len--;
}

void
meta_read_name_list(struct ctx *x, const xmlNode *n)
{
	if (x->nlists >= META_MAX_LISTS || dom_first_element(n) == NULL)
		return;
	struct meta_name_list l = {0};
	struct buf text = {0};
	char *sep = NULL;            /* separators since the last name */
	bool ok = true, label_done = false;
	for (const xmlNode *c = n->children; c != NULL && ok; c = c->next) {
		if (c->type == XML_COMMENT_NODE)
			continue;
		char *t = NULL;
		/* Separators and labels are short: a long text is prose. */
		if (c->type == XML_TEXT_NODE && c->content != NULL &&
		    strlen((const char *)c->content) > 120) {
			ok = false;
			break;
		}
		if (c->type == XML_TEXT_NODE)
			t = c->content != NULL ? text_normalize((const char *)c->content) : xstrdup("");
		else if (c->type == XML_ELEMENT_NODE && (dom_is(c, "a") || dom_is(c, "span") ||
		    dom_is(c, "strong") || dom_is(c, "b") || dom_is(c, "em")))
			t = meta_bounded_text(c, 100, false);
		if (t == NULL) {
			ok = false;
			break;
		}
		if (*t == '\0') {
			free(t);
			continue;
		}
		if (only_separators(t)) {
			if (l.n == 0) {
				ok = false;   /* a list starts with a name (or a label) */
			} else {
				char *joined = sep ? xasprintf("%s %s", sep, t) : xstrdup(t);
				free(sep);
				sep = joined;
			}
		} else if (c->type == XML_ELEMENT_NODE && name_like(t)) {
			if (l.n > 0 && sep == NULL)
				ok = false;   /* two names with nothing between them */
			else if (l.n == META_MAX_NAMES)
				ok = false;
			else {
				if (l.n > 0)
					put_separator(&text, sep);
				buf_puts(&text, t);
				l.names[l.n++] = t;
				t = NULL;
				free(sep);
				sep = NULL;
			}
		} else if (c->type == XML_TEXT_NODE && l.n == 0 && !label_done &&
		    strlen(t) <= 24 && strpbrk(t, "0123456789") == NULL) {
			label_done = true;   /* "Written by", "Authors:" */
		} else {
			ok = false;
		}
		free(t);
	}
	if (ok && l.n >= 2 && sep == NULL) {
		l.text = buf_detach(&text);
		x->lists[x->nlists++] = l;
		return;
	}
	free(sep);
	buf_free(&text);
	for (size_t i = 0; i < l.n; i++)
		free(l.names[i]);
}

const char *
meta_coauthors(const struct ctx *x, const char *name)
{
	size_t len = strlen(name);
	for (size_t i = 0; i < x->nlists; i++)
		for (size_t k = 0; k < x->lists[i].n; k++) {
			const char *v = x->lists[i].names[k];
			size_t vl = strlen(v);
			/* The name itself, or with a title before it ("Dr Jane Roe"). */
			if (strcasecmp(v, name) == 0 ||
			    (vl > len && v[vl - len - 1] == ' ' && strcasecmp(v + vl - len, name) == 0))
				return x->lists[i].text;
		}
	return NULL;
}

void
meta_name_lists_free(struct ctx *x)
{
	for (size_t i = 0; i < x->nlists; i++) {
		free(x->lists[i].text);
		for (size_t k = 0; k < x->lists[i].n; k++)
			free(x->lists[i].names[k]);
	}
	x->nlists = 0;
}
