/* draw.c — how text looks and how it reaches the screen. Every character
 * drawn goes through layout_next_char, which turns control characters and
 * ill-formed bytes into U+FFFD, so nothing from a page can drive the
 * terminal; combining marks join the character before them in one cell.
 * Colours are used only when the terminal has them and NO_COLOR is unset,
 * on the terminal's own background. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "text.h"
#include "util.h"

/* Colour pair numbers are role + 1. */
static const struct {
	attr_t attr;      /* always */
	short fg;         /* with colour; -1 for the default */
	attr_t mono;      /* added without colour */
} looks[ROLE_COUNT] = {
	[ROLE_TEXT] = { A_NORMAL, -1, A_NORMAL },
	[ROLE_H1] = { A_BOLD, COLOR_YELLOW, A_UNDERLINE },
	[ROLE_H2] = { A_BOLD, COLOR_CYAN, A_NORMAL },
	[ROLE_H3] = { A_BOLD, -1, A_NORMAL },
	[ROLE_BAR] = { A_NORMAL, COLOR_GREEN, A_DIM },
	[ROLE_ATTRIB] = { A_ITALIC, COLOR_GREEN, A_NORMAL },
	[ROLE_MARK] = { A_NORMAL, COLOR_BLUE, A_DIM },
	[ROLE_LINK] = { A_UNDERLINE, -1, A_NORMAL },
	[ROLE_MATCH] = { A_REVERSE, COLOR_YELLOW, A_NORMAL },
	[ROLE_SELECT] = { A_REVERSE, -1, A_NORMAL },
	[ROLE_STATUS] = { A_REVERSE, -1, A_NORMAL },
	[ROLE_TITLE] = { A_BOLD, -1, A_NORMAL },
	[ROLE_DIM] = { A_NORMAL, COLOR_MAGENTA, A_DIM },
	[ROLE_CODE] = { A_NORMAL, COLOR_GREEN, A_NORMAL },
	/* A link that opens in quire: bold as well as underlined, so it stands
	 * apart from one that leaves quire without colour too. */
	[ROLE_LIBLINK] = { A_UNDERLINE | A_BOLD, COLOR_GREEN, A_NORMAL },
	[ROLE_LIBMARK] = { A_BOLD, COLOR_GREEN, A_NORMAL },
};

/* Choose colours or plain attributes for this terminal. */
void
style_init(struct pager *p)
{
	const char *nc = getenv("NO_COLOR");
	p->color = (nc == NULL || nc[0] == '\0') && has_colors();
	if (!p->color)
		return;
	start_color();
	use_default_colors();
	for (int r = 0; r < ROLE_COUNT; r++)
		init_pair((short)(r + 1), looks[r].fg, -1);
}

/* Look up the attributes and colour pair of a role. */
void
style_of(const struct pager *p, role r, attr_t *attr, short *pair)
{
	*attr = looks[r].attr;
	*pair = 0;
	if (p->color && looks[r].fg >= 0)
		*pair = (short)(r + 1);
	else if (!p->color)
		*attr |= looks[r].mono;
}

/* Return an ASCII stand-in for cp (typographic marks have close ones). */
static uint32_t
ascii_of(uint32_t cp)
{
	switch (cp) {
	case 0x2018: case 0x2019: case 0x201a: case 0x2032: return '\'';
	case 0x201c: case 0x201d: case 0x201e: case 0x2033: return '"';
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: return '-';
	case 0x2026: return '~';
	case 0x00b7: case 0x2022: case 0x25e6: case 0x2023: return '*';
	case 0x2502: case 0x2503: return '|';
	case 0x2500: return '-';
	case 0x00a0: return ' ';
	default: return cp < 0x80 ? cp : '?';
	}
}

/* Draw text safely at (y, x), clipped at maxx. */
int
draw_text(const struct pager *p, int y, int x, int maxx, const char *s, size_t n, attr_t attr,
    short pair)
{
	size_t i = 0;
	while (i < n && x < maxx) {
		uint32_t cp;
		int w;
		size_t k = layout_next_char(s + i, n - i, &cp, &w);
		if (p->ascii) {
			/* The C locale cannot decode UTF-8: do it here, one column each
			 * as the layout counted. */
			uint32_t u;
			size_t ku = utf8_decode(s + i, n - i, &u);
			if (ku > 0 && u >= 0x80) {
				k = ku;
				cp = u;
				w = 1;
			}
			if (cp >= 0x80) {
				cp = ascii_of(cp);
				w = 1;
			}
		}
		i += k;
		wchar_t wc[6] = { 0 };
		size_t nw = 0;
		if (w <= 0) {
			/* A combining mark with nothing to join: show it alone. */
			cp = p->ascii ? '?' : 0xfffd;
			w = 1;
		}
		if (x + w > maxx)
			break;
		wc[nw++] = (wchar_t)cp;
		/* Following combining marks share the cell. */
		while (i < n && !p->ascii) {
			uint32_t cp2;
			int w2;
			size_t k = layout_next_char(s + i, n - i, &cp2, &w2);
			if (w2 != 0)
				break;
			if (nw < 5)
				wc[nw++] = (wchar_t)cp2;
			i += k;
		}
		cchar_t cc;
		setcchar(&cc, wc, attr, pair, NULL);
		mvadd_wch(y, x, &cc);
		x += w;
	}
	return x;
}

/* Cut or pad sanitised text to a number of columns. */
char *
text_fit(const char *s, int width)
{
	char *clean = text_sanitize(s != NULL ? s : "", false);
	struct buf out = {0};
	size_t i = 0, len = strlen(clean);
	bool cut = layout_text_width(clean, len) > width;
	int room = cut ? width - 1 : width, used = 0;
	while (i < len) {
		uint32_t cp;
		int w;
		size_t k = layout_next_char(clean + i, len - i, &cp, &w);
		if (used + w > room)
			break;
		buf_append(&out, clean + i, k);
		used += w;
		i += k;
	}
	if (cut && width > 0) {
		buf_puts(&out, "…");
		used++;
	}
	while (used++ < width)
		buf_putc(&out, ' ');
	free(clean);
	return buf_detach(&out);
}
