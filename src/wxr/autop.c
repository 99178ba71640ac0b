/* autop.c — a port of WordPress's wpautop() (wp-includes/formatting.php):
 * the filter that turns a post body as WordPress stores it (blank lines
 * between paragraphs, no <p> tags) into HTML. The steps and their order are
 * WordPress's; its PCRE patterns become POSIX extended expressions compiled
 * once per struct wxr_autop, and the three that POSIX cannot say (a
 * lookbehind and two lazy matches) are written out by hand. */
#include "wxr.h"

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* wpautop's $allblocks, as one ERE group. */
#define ALLBLOCKS "(table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li" \
	"|pre|form|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article" \
	"|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)"
#define SP "[[:space:]]"

/* The substitutions, in the order wpautop applies them (each names when it
 * runs: see autop_run). */
enum {
	R_BR_BR, R_BLOCK_OPEN, R_BLOCK_CLOSE, R_HR,
	R_OPTION_BEFORE, R_OPTION_AFTER,
	R_OBJECT_OPEN, R_OBJECT_CLOSE, R_PARAM,
	R_MEDIA_OPEN, R_MEDIA_CLOSE, R_SOURCE,
	R_FIGCAPTION_BEFORE, R_FIGCAPTION_AFTER,
	R_NEWLINES, R_EMPTY_P, R_P_IN_DIV, R_P_AROUND_BLOCK, R_P_BLOCKQUOTE,
	R_P_BEFORE_BLOCK, R_P_AFTER_BLOCK, R_BR_AFTER_BLOCK, R_BR_BEFORE_BLOCK,
	R_COUNT
};

static const struct {
	const char *pattern;
	const char *replacement;
	int flags;
} rules[R_COUNT] = {
	[R_BR_BR] = { "<br" SP "*/?>" SP "*<br" SP "*/?>", "\n\n", 0 },
	[R_BLOCK_OPEN] = { "(<" ALLBLOCKS "[[:space:]/>])", "\n\n\\1", 0 },
	[R_BLOCK_CLOSE] = { "(</" ALLBLOCKS ">)", "\\1\n\n", 0 },
	[R_HR] = { "(<hr" SP "*/?>)", "\\1\n\n", 0 },
	[R_OPTION_BEFORE] = { SP "*<option", "<option", 0 },
	[R_OPTION_AFTER] = { "</option>" SP "*", "</option>", 0 },
	[R_OBJECT_OPEN] = { "(<object[^>]*>)" SP "*", "\\1", 0 },
	[R_OBJECT_CLOSE] = { SP "*</object>", "</object>", 0 },
	[R_PARAM] = { SP "*(</?(param|embed)[^>]*>)" SP "*", "\\1", 0 },
	[R_MEDIA_OPEN] = { "([<[](audio|video)[^]>]*[]>])" SP "*", "\\1", 0 },
	[R_MEDIA_CLOSE] = { SP "*([<[]/(audio|video)[]>])", "\\1", 0 },
	[R_SOURCE] = { SP "*(<(source|track)[^>]*>)" SP "*", "\\1", 0 },
	[R_FIGCAPTION_BEFORE] = { SP "*(<figcaption[^>]*>)", "\\1", 0 },
	[R_FIGCAPTION_AFTER] = { "</figcaption>" SP "*", "</figcaption>", 0 },
	[R_NEWLINES] = { "\n\n+", "\n\n", 0 },
	[R_EMPTY_P] = { "<p>" SP "*</p>", "", 0 },
	[R_P_IN_DIV] = { "<p>([^<]+)</(div|address|form)>", "<p>\\1</p></\\2>", 0 },
	[R_P_AROUND_BLOCK] = { "<p>" SP "*(</?" ALLBLOCKS "[^>]*>)" SP "*</p>", "\\1", 0 },
	[R_P_BLOCKQUOTE] = { "<p><blockquote([^>]*)>", "<blockquote\\1><p>", REG_ICASE },
	[R_P_BEFORE_BLOCK] = { "<p>" SP "*(</?" ALLBLOCKS "[^>]*>)", "\\1", 0 },
	[R_P_AFTER_BLOCK] = { "(</?" ALLBLOCKS "[^>]*>)" SP "*</p>", "\\1", 0 },
	[R_BR_AFTER_BLOCK] = { "(</?" ALLBLOCKS "[^>]*>)" SP "*<br />", "\\1", 0 },
	[R_BR_BEFORE_BLOCK] = { "<br />(" SP "*</?(p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)",
	    "\\1", 0 },
};

struct wxr_autop {
	regex_t re[R_COUNT];
};

struct wxr_autop *
wxr_autop_create(void)
{
	struct wxr_autop *ap = xcalloc(1, sizeof *ap);
	for (int i = 0; i < R_COUNT; i++)
		if (regcomp(&ap->re[i], rules[i].pattern, REG_EXTENDED | rules[i].flags) != 0)
			fatal("bad autop pattern %d", i);
	return ap;
}

void
wxr_autop_free(struct wxr_autop *ap)
{
	if (ap == NULL)
		return;
	for (int i = 0; i < R_COUNT; i++)
		regfree(&ap->re[i]);
	free(ap);
}

/* Replace every match of rule r in s (freed) and return the new string. */
static char *
sub(const struct wxr_autop *ap, int r, char *s)
{
	regmatch_t m[10];
	const char *p = s;
	int eflags = 0;
	if (regexec(&ap->re[r], p, 10, m, 0) != 0)
		return s;   /* the common case: nothing to do, no copy */
	struct buf out = {0};
	while (regexec(&ap->re[r], p, 10, m, eflags) == 0) {
		buf_append(&out, p, (size_t)m[0].rm_so);
		for (const char *t = rules[r].replacement; *t != '\0'; t++) {
			if (t[0] == '\\' && t[1] >= '0' && t[1] <= '9') {
				int g = t[1] - '0';
				if (m[g].rm_so >= 0)
					buf_append(&out, p + m[g].rm_so, (size_t)(m[g].rm_eo - m[g].rm_so));
				t++;
			} else {
				buf_putc(&out, *t);
			}
		}
		if (m[0].rm_eo == m[0].rm_so) {
			if (p[m[0].rm_eo] == '\0') {
				p += m[0].rm_eo;
				break;
			}
			buf_putc(&out, p[m[0].rm_eo]);
			p += m[0].rm_eo + 1;
		} else {
			p += m[0].rm_eo;
		}
		eflags = REG_NOTBOL;
		if (*p == '\0')
			break;
	}
	buf_puts(&out, p);
	free(s);
	return buf_detach(&out);
}

/* Replace every fixed string from in s (freed) by to. */
static char *
replace(char *s, const char *from, const char *to)
{
	const char *p = strstr(s, from);
	if (p == NULL)
		return s;
	struct buf out = {0};
	const char *q = s;
	size_t n = strlen(from);
	for (; p != NULL; q = p + n, p = strstr(q, from)) {
		buf_append(&out, q, (size_t)(p - q));
		buf_puts(&out, to);
	}
	buf_puts(&out, q);
	free(s);
	return buf_detach(&out);
}

/* Whether c is PCRE's \s. */
static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* wp_replace_in_html_tags(text, "\n" => " <!-- wpnl --> "): newlines inside
 * tags and comments become placeholders. */
static char *
newlines_in_tags(char *s)
{
	struct buf out = {0};
	const char *p = s;
	while (*p != '\0') {
		if (*p != '<') {
			buf_putc(&out, *p++);
			continue;
		}
		const char *end;
		if (strncmp(p, "<!--", 4) == 0) {
			end = strstr(p + 4, "-->");
			end = end != NULL ? end + 3 : p + strlen(p);
		} else if (strncmp(p, "<![CDATA[", 9) == 0) {
			end = strstr(p + 9, "]]>");
			end = end != NULL ? end + 3 : p + strlen(p);
		} else {
			end = strchr(p, '>');
			/* wp_html_split: a '<' that opens no tag is text. */
			const char *next = strchr(p + 1, '<');
			if (end == NULL || (next != NULL && next < end)) {
				buf_putc(&out, *p++);
				continue;
			}
			end++;
		}
		for (; p < end; p++) {
			if (*p == '\n')
				buf_puts(&out, " <!-- wpnl --> ");
			else
				buf_putc(&out, *p);
		}
	}
	free(s);
	return buf_detach(&out);
}

/* preg_split('/\n\s*\n/', text, -1, PREG_SPLIT_NO_EMPTY) wrapped in <p>:
 * each part becomes "<p>" . trim(part, "\n") . "</p>\n". */
static char *
wrap_paragraphs(char *s)
{
	struct buf out = {0};
	const char *p = s, *start = s;
	for (;;) {
		const char *split = NULL, *after = NULL;
		for (const char *q = p; *q != '\0'; q++) {
			if (*q != '\n')
				continue;
			const char *r = q + 1;
			const char *last_nl = NULL;
			while (is_space(*r)) {
				if (*r == '\n')
					last_nl = r;
				r++;
			}
			if (last_nl != NULL) {
				split = q;
				after = last_nl + 1;
				break;
			}
		}
		const char *end = split != NULL ? split : start + strlen(start);
		if (end > start) {
			const char *a = start, *z = end;
			while (a < z && *a == '\n')
				a++;
			while (z > a && z[-1] == '\n')
				z--;
			buf_puts(&out, "<p>");
			buf_append(&out, a, (size_t)(z - a));
			buf_puts(&out, "</p>\n");
		}
		if (split == NULL)
			break;
		start = p = after;
	}
	free(s);
	return buf_detach(&out);
}

/* preg_replace('|<p>(<li.+?)</p>|', '$1'): '.' stops at a newline. */
static char *
unwrap_li(char *s)
{
	if (strstr(s, "<p><li") == NULL)
		return s;
	struct buf out = {0};
	const char *p = s;
	for (;;) {
		const char *m = strstr(p, "<p><li");
		if (m == NULL)
			break;
		const char *body = m + 3;        /* "<li" */
		const char *close = NULL;
		for (const char *q = body + 4; *q != '\0' && *q != '\n'; q++)
			if (strncmp(q, "</p>", 4) == 0) {
				close = q;
				break;
			}
		if (body[3] == '\0' || body[3] == '\n' || close == NULL) {
			buf_append(&out, p, (size_t)(m - p) + 1);
			p = m + 1;
			continue;
		}
		buf_append(&out, p, (size_t)(m - p));
		buf_append(&out, body, (size_t)(close - body));
		p = close + 4;
	}
	buf_puts(&out, p);
	free(s);
	return buf_detach(&out);
}

/* _autop_newline_preservation_helper over <(script|style|svg|math).*?</\1>
 * (with /s): newlines inside become <WPPreserveNewline />. */
static char *
preserve_newlines(char *s)
{
	static const char *const tags[] = { "script", "style", "svg", "math" };
	struct buf out = {0};
	const char *p = s;
	while (*p != '\0') {
		const char *lt = strchr(p, '<');
		if (lt == NULL)
			break;
		const char *name = NULL;
		for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
			if (strncmp(lt + 1, tags[i], strlen(tags[i])) == 0)
				name = tags[i];
		char close[16];
		const char *end = NULL;
		if (name != NULL) {
			snprintf(close, sizeof close, "</%s>", name);
			end = strstr(lt + 1 + strlen(name), close);
		}
		if (end == NULL) {
			buf_append(&out, p, (size_t)(lt - p) + 1);
			p = lt + 1;
			continue;
		}
		end += strlen(close);
		buf_append(&out, p, (size_t)(lt - p));
		for (const char *q = lt; q < end; q++) {
			if (*q == '\n')
				buf_puts(&out, "<WPPreserveNewline />");
			else
				buf_putc(&out, *q);
		}
		p = end;
	}
	buf_puts(&out, p);
	free(s);
	return buf_detach(&out);
}

/* preg_replace('|(?<!<br />)\s*\n|', "<br />\n"): PCRE tries each start
 * position in turn; \s* is greedy and gives back up to the last newline of
 * the run; the lookbehind looks at the six bytes before the start. */
static char *
newlines_to_br(char *s)
{
	struct buf out = {0};
	size_t n = strlen(s), i = 0;
	while (i < n) {
		bool behind = i >= 6 && memcmp(s + i - 6, "<br />", 6) == 0;
		if (!behind && is_space(s[i])) {
			size_t j = i, last = (size_t)-1;
			while (j < n && is_space(s[j])) {
				if (s[j] == '\n')
					last = j;
				j++;
			}
			if (last != (size_t)-1) {
				buf_puts(&out, "<br />\n");
				i = last + 1;
				continue;
			}
		}
		buf_putc(&out, s[i++]);
	}
	free(s);
	return buf_detach(&out);
}

/* Take each <pre>…</pre> out into pre[] and leave a placeholder. */
static char *
take_pre(char *s, char ***pre, size_t *npre)
{
	*pre = NULL;
	*npre = 0;
	if (strstr(s, "<pre") == NULL)
		return s;
	/* explode('</pre>'): every part but the last ends a <pre>. */
	struct buf out = {0};
	const char *p = s;
	const char *close;
	while ((close = strstr(p, "</pre>")) != NULL) {
		const char *start = NULL;
		for (const char *q = p; q + 4 <= close; q++)
			if (strncmp(q, "<pre", 4) == 0) {
				start = q;
				break;
			}
		if (start == NULL) {
			buf_append(&out, p, (size_t)(close - p));
		} else {
			*pre = xreallocarray(*pre, *npre + 1, sizeof **pre);
			char *orig = xasprintf("%.*s</pre>", (int)(close - start), start);
			(*pre)[(*npre)++] = orig;
			buf_append(&out, p, (size_t)(start - p));
			buf_printf(&out, "<pre wp-pre-tag-%zu></pre>", *npre - 1);
		}
		p = close + 6;
	}
	buf_puts(&out, p);
	free(s);
	return buf_detach(&out);
}

/* Put the <pre> elements back in place of their placeholders. */
static char *
restore_pre(char *s, char **pre, size_t npre)
{
	for (size_t i = 0; i < npre; i++) {
		char name[48];
		snprintf(name, sizeof name, "<pre wp-pre-tag-%zu></pre>", i);
		s = replace(s, name, pre[i]);
		free(pre[i]);
	}
	free(pre);
	return s;
}

char *
wxr_autop_run(const struct wxr_autop *ap, const char *text)
{
	const char *t = text;
	while (is_space(*t))
		t++;
	if (*t == '\0')
		return xstrdup("");
	char *s = xasprintf("%s\n", text);
	char **pre;
	size_t npre;
	s = take_pre(s, &pre, &npre);
	s = sub(ap, R_BR_BR, s);
	s = sub(ap, R_BLOCK_OPEN, s);
	s = sub(ap, R_BLOCK_CLOSE, s);
	s = sub(ap, R_HR, s);
	s = replace(s, "\r\n", "\n");
	s = replace(s, "\r", "\n");
	s = newlines_in_tags(s);
	if (strstr(s, "<option") != NULL) {
		s = sub(ap, R_OPTION_BEFORE, s);
		s = sub(ap, R_OPTION_AFTER, s);
	}
	if (strstr(s, "</object>") != NULL) {
		s = sub(ap, R_OBJECT_OPEN, s);
		s = sub(ap, R_OBJECT_CLOSE, s);
		s = sub(ap, R_PARAM, s);
	}
	if (strstr(s, "<source") != NULL || strstr(s, "<track") != NULL) {
		s = sub(ap, R_MEDIA_OPEN, s);
		s = sub(ap, R_MEDIA_CLOSE, s);
		s = sub(ap, R_SOURCE, s);
	}
	if (strstr(s, "<figcaption") != NULL) {
		s = sub(ap, R_FIGCAPTION_BEFORE, s);
		s = sub(ap, R_FIGCAPTION_AFTER, s);
	}
	s = sub(ap, R_NEWLINES, s);
	s = wrap_paragraphs(s);
	s = sub(ap, R_EMPTY_P, s);
	s = sub(ap, R_P_IN_DIV, s);
	s = sub(ap, R_P_AROUND_BLOCK, s);
	s = unwrap_li(s);
	s = sub(ap, R_P_BLOCKQUOTE, s);
	s = replace(s, "</blockquote></p>", "</p></blockquote>");
	s = sub(ap, R_P_BEFORE_BLOCK, s);
	s = sub(ap, R_P_AFTER_BLOCK, s);
	s = preserve_newlines(s);
	s = replace(s, "<br>", "<br />");
	s = replace(s, "<br/>", "<br />");
	s = newlines_to_br(s);
	s = replace(s, "<WPPreserveNewline />", "\n");
	s = sub(ap, R_BR_AFTER_BLOCK, s);
	s = sub(ap, R_BR_BEFORE_BLOCK, s);
	size_t n = strlen(s);
	/* preg_replace("|\n</p>$|", '</p>'): $ also before a final newline. */
	if (n >= 5 && memcmp(s + n - 5, "\n</p>", 5) == 0)
		memmove(s + n - 5, "</p>", 5);
	else if (n >= 6 && memcmp(s + n - 6, "\n</p>\n", 6) == 0)
		memmove(s + n - 6, "</p>\n", 6);
	s = restore_pre(s, pre, npre);
	s = replace(s, " <!-- wpnl --> ", "\n");
	s = replace(s, "<!-- wpnl -->", "\n");
	return s;
}

char *
wxr_autop(const char *text)
{
	struct wxr_autop *ap = wxr_autop_create();
	char *s = wxr_autop_run(ap, text);
	wxr_autop_free(ap);
	return s;
}
