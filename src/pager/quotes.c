/* quotes.c — the article's quotations as a list screen (Q): the start of
 * each quoted passage and, below it, who is quoted and where, in the order
 * they appear; Enter jumps to the chosen one. The quotations come with the
 * article (a->quotes, found by the importer); a quotation's place is its
 * first block and, for one that starts inside a paragraph, the offset where
 * its text begins there. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

/* Build "— Author, Publication, “Work”, Year" from what is known. */
char *
quote_attribution(const char *author, const char *publication, const char *work, int year)
{
	struct buf b = {0};
	const char *parts[] = { author, publication };
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
		if (parts[i] != NULL && parts[i][0] != '\0')
			buf_printf(&b, "%s%s", b.len ? ", " : "— ", parts[i]);
	/* A work named like the publication says nothing new. */
	if (work != NULL && work[0] != '\0' && (publication == NULL || strcmp(work, publication) != 0))
		buf_printf(&b, "%s“%s”", b.len ? ", " : "— ", work);
	if (year > 0)
		buf_printf(&b, "%s%d", b.len ? ", " : "— ", year);
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

/* Find where the quotation's text begins in its first block: the first
 * words of the quotation, found in the block; 0 when they are not there
 * (a passage joined from several paragraphs starts at its first one). */
size_t
quote_start(const char *block_text, const char *quote_text)
{
	if (block_text == NULL || quote_text == NULL || quote_text[0] == '\0')
		return 0;
	/* Up to 40 bytes, cut at a character boundary. */
	size_t n = strlen(quote_text);
	if (n > 40) {
		n = 40;
		while (n > 0 && ((unsigned char)quote_text[n] & 0xc0) == 0x80)
			n--;
	}
	char *head = xstrndup(quote_text, n);
	const char *at = strstr(block_text, head);
	free(head);
	return at != NULL ? (size_t)(at - block_text) : 0;
}

/* Show the quotations and jump to the chosen one. */
void
quote_list_run(struct pager *p, struct view *v)
{
	const struct article *a = v->a;
	struct menu m = {0};
	m.title = xasprintf("Quotations (%zu) — Enter jumps, q back", a->nquotes);
	m.hint = "Enter jump · q back · h help";
	int width = COLS - 4 > 20 ? COLS - 4 : 20;
	for (size_t i = 0; i < a->nquotes; i++) {
		const struct quote *q = &a->quotes[i];
		char *head = xasprintf("“%s”", q->text != NULL ? q->text : "");
		char *fit = text_fit(head, width);
		/* text_fit pads: drop the trailing spaces. */
		size_t len = strlen(fit);
		while (len > 0 && fit[len - 1] == ' ')
			fit[--len] = '\0';
		menu_add(&m, ROLE_TEXT, 2, (long)i, "%s", fit);
		free(fit);
		free(head);
		char *who = quote_attribution(q->author, q->publication, q->title, q->year);
		menu_add_marked(&m, ROLE_ATTRIB, 6, -1, true, who != NULL ? who : "(not attributed)");
		free(who);
	}
	if (a->nquotes == 0)
		menu_add(&m, ROLE_DIM, 0, -1, "%s", "This article has no quotations.");
	/* Start on the first quotation at or below the top of the screen. */
	size_t block, offset;
	view_position(v, &block, &offset);
	for (size_t i = 0; i < m.n; i++)
		if (m.rows[i].value >= 0 && a->quotes[m.rows[i].value].last_block >= block) {
			m.sel = i;
			break;
		}
	long value;
	action act;
	while ((act = menu_run(p, &m, SCREEN_LIST, &value)) != ACT_QUIT && act != ACT_OPEN)
		if (act == ACT_HELP) {
			struct menu h = {0};
			key_help(p, &h);
			while (menu_run(p, &h, SCREEN_LIST, &value) != ACT_QUIT)
				;
			menu_clear(&h);
		}
	if (act == ACT_OPEN && value >= 0 && (size_t)value < a->nquotes) {
		const struct quote *q = &a->quotes[value];
		size_t b = q->first_block < a->nblocks ? q->first_block : 0;
		size_t off = a->nblocks > 0 ? quote_start(a->blocks[b].text, q->text) : 0;
		view_jump(v, a->nblocks > 0 ? v->nheader + find_line(v->l, b, off) : 0);
		pager_message(p, "Quotation %ld of %zu%s%s", value + 1, a->nquotes,
		    q->author != NULL ? " — " : "", q->author != NULL ? q->author : "");
	}
	menu_clear(&m);
}
