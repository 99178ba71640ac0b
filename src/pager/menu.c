/* menu.c — the list screen the link list, the table of contents, the
 * bookmark lists, the quotations, the search results, the help and the
 * library share: a title line, rows (some of them headings that cannot be
 * selected, some continuing the entry above), a selection and a status
 * line. Rows hold sanitised text, so drawing them is safe; a row's marks
 * are byte ranges of that sanitised text. */
#include "internal.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "search.h"
#include "text.h"
#include "util.h"

/* Make room for one more row. */
static struct menu_row *
row_new(struct menu *m)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 32;
		m->rows = xreallocarray(m->rows, m->cap, sizeof *m->rows);
	}
	struct menu_row *r = &m->rows[m->n++];
	*r = (struct menu_row){0};
	return r;
}

/* Append a row (formatted, sanitised) to a list screen. */
void
menu_add(struct menu *m, role look, int indent, long value, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *raw = xvasprintf(fmt, ap);
	va_end(ap);
	struct menu_row *r = row_new(m);
	*r = (struct menu_row){ .text = text_sanitize(raw, false), .look = look, .indent = indent,
	    .value = value };
	free(raw);
}

/* Append a row with marked matches, each piece sanitised on its own. */
void
menu_add_marked(struct menu *m, role look, int indent, long value, bool cont, const char *text)
{
	struct buf out = {0};
	struct range *marks = NULL;
	size_t nmarks = 0;
	bool on = false;
	size_t mark_start = 0;
	buf_puts(&out, "");
	for (const char *s = text != NULL ? text : ""; *s != '\0';) {
		size_t n = strcspn(s, SEARCH_MARK_ON_S SEARCH_MARK_OFF_S);
		char *piece = xstrndup(s, n);
		char *clean = text_sanitize(piece, false);
		buf_puts(&out, clean);
		free(clean);
		free(piece);
		s += n;
		if (*s == '\0')
			break;
		bool opens = *s == SEARCH_MARK_ON;
		s++;
		if (opens && !on) {
			on = true;
			mark_start = out.len;
		} else if (!opens && on) {
			on = false;
			if (out.len > mark_start) {
				marks = xreallocarray(marks, nmarks + 1, sizeof *marks);
				marks[nmarks++] = (struct range){ mark_start, out.len };
			}
		}
	}
	if (on && out.len > mark_start) {   /* a mark left open runs to the end */
		marks = xreallocarray(marks, nmarks + 1, sizeof *marks);
		marks[nmarks++] = (struct range){ mark_start, out.len };
	}
	struct menu_row *r = row_new(m);
	*r = (struct menu_row){ .text = buf_detach(&out), .look = look, .indent = indent,
	    .value = cont ? -1 : value, .cont = cont, .marks = marks, .nmarks = nmarks };
}

/* Free a list screen's rows and title. */
void
menu_clear(struct menu *m)
{
	for (size_t i = 0; i < m->n; i++) {
		free(m->rows[i].text);
		free(m->rows[i].marks);
	}
	free(m->rows);
	free(m->title);
	*m = (struct menu){0};
}

/* Rows of the list area (below the title, above the status line). */
static int
list_rows(void)
{
	return LINES > 2 ? LINES - 2 : 1;
}

/* Move the selection by delta selectable rows' worth of rows, stopping on a
 * selectable row; keep it on screen. */
static void
select_move(struct menu *m, long delta)
{
	if (m->n == 0)
		return;
	long s = (long)m->sel + delta;
	if (s < 0)
		s = 0;
	if (s >= (long)m->n)
		s = (long)m->n - 1;
	/* Skip headings in the direction of travel, else the other way. */
	long dir = delta < 0 ? -1 : 1;
	long t = s;
	while (t >= 0 && t < (long)m->n && m->rows[t].value < 0)
		t += dir;
	if (t < 0 || t >= (long)m->n) {
		t = s;
		while (t >= 0 && t < (long)m->n && m->rows[t].value < 0)
			t -= dir;
	}
	if (t >= 0 && t < (long)m->n)
		m->sel = (size_t)t;
	size_t rows = (size_t)list_rows();
	/* The entry is its row and the continuation rows after it. */
	size_t last = m->sel;
	while (last + 1 < m->n && m->rows[last + 1].cont && last + 1 - m->sel < rows)
		last++;
	if (m->sel < m->top)
		m->top = m->sel;
	if (last >= m->top + rows)
		m->top = last - rows + 1;
	/* Show the heading above the first entry. */
	if (m->top > 0 && m->top == m->sel && m->rows[m->top - 1].value < 0 && !m->rows[m->top - 1].cont)
		m->top--;
}

/* Draw a row's text at (y, x), its marks in the match look. */
static void
draw_row_text(struct pager *p, const struct menu_row *row, int y, int x, attr_t attr, short pair)
{
	size_t len = strlen(row->text), at = 0;
	attr_t mattr;
	short mpair;
	style_of(p, ROLE_MATCH, &mattr, &mpair);
	for (size_t k = 0; k < row->nmarks && x < COLS; k++) {
		const struct range *r = &row->marks[k];
		if (r->start < at || r->end > len)
			continue;   /* marks are in order and inside the text */
		x = draw_text(p, y, x, COLS, row->text + at, r->start - at, attr, pair);
		x = draw_text(p, y, x, COLS, row->text + r->start, r->end - r->start, mattr | (attr & A_BOLD),
		    mpair);
		at = r->end;
	}
	draw_text(p, y, x, COLS, row->text + at, len - at, attr, pair);
}

/* Draw the title, the visible rows and the status line. */
static void
menu_draw(struct pager *p, struct menu *m)
{
	erase();
	attr_t attr;
	short pair;
	style_of(p, ROLE_TITLE, &attr, &pair);
	const char *title = m->title != NULL ? m->title : "";
	draw_text(p, 0, 0, COLS, title, strlen(title), attr, pair);
	int rows = list_rows();
	for (int r = 0; r < rows && m->top + (size_t)r < m->n; r++) {
		size_t i = m->top + (size_t)r;
		const struct menu_row *row = &m->rows[i];
		style_of(p, i == m->sel && row->value >= 0 ? ROLE_SELECT : row->look, &attr, &pair);
		int x = row->indent < COLS ? row->indent : 0;
		if (i == m->sel && row->value >= 0) {
			/* The whole row shows the selection. */
			for (int c = 0; c < COLS; c++)
				draw_text(p, r + 1, c, COLS, " ", 1, attr, pair);
		}
		draw_row_text(p, row, r + 1, x, attr, pair);
	}
	char pos[48];
	/* A list of entries over several rows counts entries, not rows. */
	size_t at = m->sel + 1, total = m->n;
	bool entries = false;
	for (size_t i = 0; i < m->n && !entries; i++)
		entries = m->rows[i].cont;
	if (entries) {
		at = total = 0;
		for (size_t i = 0; i < m->n; i++)
			if (m->rows[i].value >= 0) {
				total++;
				at += i <= m->sel;
			}
	}
	if (m->n > 0 && total > 0)
		snprintf(pos, sizeof pos, "%zu/%zu", at, total);
	else
		snprintf(pos, sizeof pos, "empty");
	status_draw(p, m->hint != NULL ? m->hint : "Enter open · q back · h help", pos);
	refresh();
}

/* Show a list screen until a key picks an action. */
action
menu_run(struct pager *p, struct menu *m, int screen, long *value)
{
	long count = 0;
	int errors = 0;
	hyperlinks_forget(p);   /* the article's links must not linger under the list */
	select_move(m, 0);   /* onto an entry, and on screen */
	for (;;) {
		menu_draw(p, m);
		int k = key_read();
		if (k == -1 && ++errors >= 100)
			return ACT_QUIT;   /* blocking reads fail only when the terminal is gone */
		if (k == -1)
			continue;
		errors = 0;
		if (k == (KEY_RESIZE | KEY_FUNC))
			return ACT_REDRAW;   /* the caller may rebuild rows for the new width */
		free(p->msg);
		p->msg = NULL;
		if (k >= '0' && k <= '9' && !(k == '0' && count == 0)) {
			count = count * 10 + (k - '0');
			if (count > 1000000)
				count = 1000000;
			continue;
		}
		long n = count > 0 ? count : 1;
		bool had_count = count > 0;
		count = 0;
		long page = list_rows();
		action a = key_action(p, screen, k);
		*value = m->n > 0 && m->sel < m->n ? m->rows[m->sel].value : -1;
		switch (a) {
		case ACT_DOWN: select_move(m, n); break;
		case ACT_UP: select_move(m, -n); break;
		case ACT_PAGE_DOWN: select_move(m, n * page); break;
		case ACT_PAGE_UP: select_move(m, -n * page); break;
		case ACT_HALF_DOWN: select_move(m, n * (page / 2 ? page / 2 : 1)); break;
		case ACT_HALF_UP: select_move(m, -n * (page / 2 ? page / 2 : 1)); break;
		case ACT_TOP:
			m->sel = 0;
			m->top = 0;
			select_move(m, had_count ? n - 1 : 0);
			break;
		case ACT_BOTTOM: select_move(m, (long)m->n); break;
		case ACT_REDRAW: clearok(curscr, TRUE); break;
		case ACT_SEARCH: {
			char *pat = prompt_read(p, "/");
			if (pat != NULL && pat[0] != '\0') {
				size_t i;
				for (i = 1; i <= m->n; i++) {
					size_t r = (m->sel + i) % m->n;
					if (m->rows[r].value >= 0 && text_contains_ci(m->rows[r].text, pat)) {
						select_move(m, (long)r - (long)m->sel);
						break;
					}
				}
				if (i > m->n)
					pager_message(p, "Not found: %s", pat);
			}
			free(pat);
			break;
		}
		case ACT_NONE:
			break;
		case ACT_OPEN:
			if (*value < 0)
				break;
			return a;
		case ACT_QUIT:
			return a;
		default:
			return a;
		}
	}
}
