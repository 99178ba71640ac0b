/* draw.c — how text looks and how it reaches the screen. Every character
 * drawn goes through layout_next_char, which turns control characters and
 * ill-formed bytes into U+FFFD, so nothing from a page can drive the
 * terminal; combining marks join the character before them in one cell.
 * Colours are used only when the terminal has them, NO_COLOR is unset and
 * the configuration has not turned them off; by default on the terminal's
 * own background. Each role is an element a color line can restyle: its
 * attributes then replace the default ones. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "config.h"
#include "text.h"
#include "util.h"

/* Colour pair numbers are role + 1. */
static const struct {
	const char *element;   /* its name in a color line */
	attr_t attr;      /* always */
	short fg;         /* with colour; -1 for the default */
	attr_t mono;      /* added without colour */
} looks[ROLE_COUNT] = {
	[ROLE_TEXT] = { "text", A_NORMAL, -1, A_NORMAL },
	[ROLE_H1] = { "heading", A_BOLD, COLOR_YELLOW, A_UNDERLINE },
	[ROLE_H2] = { "heading2", A_BOLD, COLOR_CYAN, A_NORMAL },
	[ROLE_H3] = { "heading3", A_BOLD, -1, A_NORMAL },
	[ROLE_BAR] = { "quote-bar", A_NORMAL, COLOR_GREEN, A_DIM },
	[ROLE_ATTRIB] = { "attribution", A_ITALIC, COLOR_GREEN, A_NORMAL },
	[ROLE_MARK] = { "link-number", A_NORMAL, COLOR_BLUE, A_DIM },
	[ROLE_LINK] = { "link", A_UNDERLINE, -1, A_NORMAL },
	[ROLE_MATCH] = { "match", A_REVERSE, COLOR_YELLOW, A_NORMAL },
	[ROLE_SELECT] = { "selection", A_REVERSE, -1, A_NORMAL },
	[ROLE_STATUS] = { "status", A_REVERSE, -1, A_NORMAL },
	[ROLE_TITLE] = { "title", A_BOLD, -1, A_NORMAL },
	[ROLE_DIM] = { "dim", A_NORMAL, COLOR_MAGENTA, A_DIM },
	[ROLE_CODE] = { "code", A_NORMAL, COLOR_GREEN, A_NORMAL },
	/* A link that opens in quire: bold as well as underlined, so it stands
	 * apart from one that leaves quire without colour too. */
	[ROLE_LIBLINK] = { "link-library", A_UNDERLINE | A_BOLD, COLOR_GREEN, A_NORMAL },
	[ROLE_LIBMARK] = { "link-library-number", A_BOLD, COLOR_GREEN, A_NORMAL },
};

/* Attribute bits for config attributes and back. */
static const struct {
	int config;
	attr_t curses;
} attr_map[] = {
	{ CONFIG_ATTR_BOLD, A_BOLD }, { CONFIG_ATTR_DIM, A_DIM }, { CONFIG_ATTR_ITALIC, A_ITALIC },
	{ CONFIG_ATTR_UNDERLINE, A_UNDERLINE }, { CONFIG_ATTR_REVERSE, A_REVERSE },
};
#define NATTRS (sizeof attr_map / sizeof attr_map[0])

/* Return the element called name, or -1. */
int
pager_element_find(const char *name)
{
	for (int r = 0; r < ROLE_COUNT; r++)
		if (strcmp(looks[r].element, name) == 0)
			return r;
	return -1;
}

/* The last color line for role r in cfg, or NULL. */
static const struct config_color *
color_of(const struct config *cfg, int r)
{
	const struct config_color *cc = NULL;
	for (size_t i = 0; cfg != NULL && i < cfg->ncolors; i++)
		if (cfg->colors_set[i].element == r)
			cc = &cfg->colors_set[i];
	return cc;
}

/* Print every element's colours and attributes as color lines. */
void
pager_colors_dump(const struct config *cfg, FILE *f)
{
	for (int r = 0; r < ROLE_COUNT; r++) {
		const struct config_color *cc = color_of(cfg, r);
		int fg = cc != NULL ? cc->fg : looks[r].fg, bg = cc != NULL ? cc->bg : CONFIG_COLOR_DEFAULT;
		int attrs = 0;
		if (cc != NULL)
			attrs = cc->attrs;
		else
			for (size_t i = 0; i < NATTRS; i++)
				if (looks[r].attr & attr_map[i].curses)
					attrs |= attr_map[i].config;
		char b1[8], b2[8];
		fprintf(f, "color %s %s %s", looks[r].element, config_color_name(fg, b1),
		    config_color_name(bg, b2));
		if (attrs == 0)
			fputs(" normal", f);
		for (size_t i = 0; i < NATTRS; i++)
			if (attrs & attr_map[i].config) {
				static const char *const names[] = { "bold", "dim", "italic", "underline", "reverse" };
				fprintf(f, " %s", names[i]);
			}
		fputc('\n', f);
	}
}

/* Choose colours or plain attributes for this terminal. */
void
style_init(struct pager *p)
{
	const char *nc = getenv("NO_COLOR");
	p->color = (nc == NULL || nc[0] == '\0') && (p->cfg == NULL || p->cfg->colors) && has_colors();
	if (p->color) {
		start_color();
		use_default_colors();
	}
	for (int r = 0; r < ROLE_COUNT; r++) {
		const struct config_color *cc = color_of(p->cfg, r);
		struct look *lk = &p->looks[r];
		lk->attr = looks[r].attr;
		lk->pair = 0;
		if (cc != NULL) {
			lk->attr = A_NORMAL;
			for (size_t i = 0; i < NATTRS; i++)
				if (cc->attrs & attr_map[i].config)
					lk->attr |= attr_map[i].curses;
		}
		if (!p->color) {
			/* Without colour, some elements need an attribute to stand apart. */
			lk->attr |= looks[r].mono;
			continue;
		}
		/* A colour the terminal lacks falls back to its default. */
		int fg = cc != NULL ? cc->fg : looks[r].fg, bg = cc != NULL ? cc->bg : -1;
		if (fg >= COLORS)
			fg = -1;
		if (bg >= COLORS)
			bg = -1;
		if (fg >= 0 || bg >= 0) {
			init_pair((short)(r + 1), (short)fg, (short)bg);
			lk->pair = (short)(r + 1);
		}
	}
}

/* Look up the attributes and colour pair of a role. */
void
style_of(const struct pager *p, role r, attr_t *attr, short *pair)
{
	*attr = p->looks[r].attr;
	*pair = p->looks[r].pair;
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
