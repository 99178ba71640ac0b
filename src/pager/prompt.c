/* prompt.c — the bottom line: the status (title, section, position), a
 * message that stays until the next key, and line input for searches and
 * filters. Input is kept as UTF-8; control keys other than the editing ones
 * are ignored, so the prompt never holds a control character. */
#include "internal.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

/* Set the message shown on the status line until the next key. */
void
pager_message(struct pager *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	free(p->msg);
	p->msg = xvasprintf(fmt, ap);
	va_end(ap);
}

/* Draw the status line: the message, or left and right texts. */
void
status_draw(struct pager *p, const char *left, const char *right)
{
	int y = LINES - 1;
	if (y < 0)
		return;
	attr_t attr;
	short pair;
	style_of(p, ROLE_STATUS, &attr, &pair);
	const char *l = p->msg != NULL ? p->msg : left;
	int rw = right != NULL ? layout_text_width(right, strlen(right)) : 0;
	int lw = COLS - rw - 1;
	if (lw < 1) {
		lw = COLS;
		right = NULL;
	}
	char *fit = text_fit(l != NULL ? l : "", lw);
	move(y, 0);
	int x = draw_text(p, y, 0, COLS, fit, strlen(fit), attr, pair);
	if (right != NULL) {
		x = draw_text(p, y, x, COLS, " ", 1, attr, pair);
		draw_text(p, y, x, COLS, right, strlen(right), attr, pair);
	}
	free(fit);
}

/* Draw the prompt line: prompt then the text typed so far. */
static void
prompt_draw(struct pager *p, const char *prompt, const struct buf *in)
{
	int y = LINES - 1;
	move(y, 0);
	clrtoeol();
	int x = draw_text(p, y, 0, COLS, prompt, strlen(prompt), A_NORMAL, 0);
	const char *s = buf_str(in);
	size_t n = in->len;
	/* Show the end of a long input. */
	while (n > 0 && layout_text_width(s, n) > COLS - x - 1) {
		uint32_t cp;
		size_t k = utf8_decode(s, n, &cp);
		s += k ? k : 1;
		n -= k ? k : 1;
	}
	x = draw_text(p, y, x, COLS, s, n, A_NORMAL, 0);
	move(y, x < COLS ? x : COLS - 1);
	refresh();
}

/* Read a line of input on the bottom line. */
char *
prompt_read(struct pager *p, const char *prompt)
{
	struct buf in = {0};
	buf_puts(&in, "");
	curs_set(1);
	char *result = NULL;
	for (;;) {
		prompt_draw(p, prompt, &in);
		int k = key_wait();
		if (k == -1 || k == 27 || k == 7)
			break;
		if (k == '\n' || k == '\r' || k == (KEY_ENTER | KEY_FUNC)) {
			result = buf_detach(&in);
			break;
		}
		if (k == 127 || k == 8 || k == (KEY_BACKSPACE | KEY_FUNC)) {
			if (in.len == 0)
				break;
			size_t n = in.len - 1;
			while (n > 0 && ((unsigned char)in.data[n] & 0xc0) == 0x80)
				n--;
			buf_truncate(&in, n);
			continue;
		}
		if (k == 21) {   /* ^U */
			buf_truncate(&in, 0);
			continue;
		}
		if ((k & KEY_FUNC) || k < 0x20 || (k >= 0x7f && k < 0xa0) || k > 0x10ffff)
			continue;
		char enc[4];
		buf_append(&in, enc, utf8_encode((uint32_t)k, enc));
	}
	curs_set(0);
	buf_free(&in);
	return result;
}

/* Ask a yes/no question on the bottom line. */
bool
prompt_yes(struct pager *p, const char *question)
{
	int y = LINES - 1;
	move(y, 0);
	clrtoeol();
	char *q = text_fit(question, COLS > 1 ? COLS - 1 : 1);
	draw_text(p, y, 0, COLS, q, strlen(q), A_BOLD, 0);
	free(q);
	refresh();
	int k = key_wait();
	return k == 'y' || k == 'Y';
}
