/* hyperlink.c — OSC 8 terminal hyperlinks over the article's links. curses
 * knows nothing of OSC 8, so after each refresh the links drawn on screen
 * (p->spans, recorded by view.c) are written again, cell by cell as curses
 * holds them, between "ESC ] 8 ; id=N ; URL ESC \" and "ESC ] 8 ; ; ESC \".
 * The pass is framed by DECSC/DECRC (ESC 7 / ESC 8), which save and restore
 * the cursor and the attributes, so the terminal is left exactly where
 * curses believes it is, and the cells hold the same characters: curses's
 * picture of the screen stays true. Only http, https and mailto URLs are
 * sent, with every byte outside printable ASCII percent-encoded, so nothing
 * from a page can end the sequence early or drive the terminal. */
#include "internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "config.h"
#include "text.h"
#include "util.h"

#define HYPERLINK_MAX_URL 2000   /* terminals cap URLs near 2083 bytes */

/* Return url made safe for OSC 8, or NULL. */
char *
pager_hyperlink_url(const char *url)
{
	if (url == NULL || !(text_starts_with_ci(url, "http://") || text_starts_with_ci(url, "https://") ||
	    text_starts_with_ci(url, "mailto:")))
		return NULL;
	struct buf out = {0};
	buf_puts(&out, "");
	for (const unsigned char *s = (const unsigned char *)url; *s != '\0'; s++) {
		if (*s < 0x20 || *s == 0x7f) {
			buf_free(&out);
			return NULL;
		}
		if (*s >= 0x80 || *s == ' ')
			buf_printf(&out, "%%%02X", *s);
		else
			buf_putc(&out, (char)*s);
	}
	if (out.len > HYPERLINK_MAX_URL) {
		buf_free(&out);
		return NULL;
	}
	return buf_detach(&out);
}

/* Whether the environment names a terminal that shows OSC 8 links. */
static bool
terminal_has_hyperlinks(void)
{
	const char *tp = getenv("TERM_PROGRAM"), *term = getenv("TERM");
	/* Inside tmux only tmux's own support counts: it passes OSC 8 on from
	 * 3.4; the outer terminal's variables leak in and say nothing. */
	if (getenv("TMUX") != NULL || (tp != NULL && strcmp(tp, "tmux") == 0)) {
		const char *ver = getenv("TERM_PROGRAM_VERSION");
		int major = 0, minor = 0;
		if (tp == NULL || strcmp(tp, "tmux") != 0 || ver == NULL ||
		    sscanf(ver, "%d.%d", &major, &minor) != 2)
			return false;
		return major > 3 || (major == 3 && minor >= 4);
	}
	if (term == NULL || strcmp(term, "dumb") == 0 || strcmp(term, "linux") == 0 ||
	    strncmp(term, "screen", 6) == 0)
		return false;
	static const char *const programs[] = { "iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper" };
	for (size_t i = 0; tp != NULL && i < sizeof programs / sizeof programs[0]; i++)
		if (strcmp(tp, programs[i]) == 0)
			return true;
	const char *vte = getenv("VTE_VERSION");
	if (vte != NULL && atoi(vte) >= 5000)   /* GNOME Terminal and other VTE terminals since 0.50 */
		return true;
	if (getenv("KONSOLE_VERSION") != NULL || getenv("KITTY_WINDOW_ID") != NULL ||
	    getenv("WT_SESSION") != NULL || getenv("WEZTERM_EXECUTABLE") != NULL)
		return true;
	static const char *const terms[] = { "xterm-kitty", "foot", "alacritty", "wezterm", "xterm-ghostty" };
	for (size_t i = 0; i < sizeof terms / sizeof terms[0]; i++)
		if (strncmp(term, terms[i], strlen(terms[i])) == 0)
			return true;
	return false;
}

/* Decide whether OSC 8 links are used. */
int
pager_hyperlinks_wanted(int setting)
{
	if (setting == CONFIG_ON)
		return 1;
	if (setting == CONFIG_OFF)
		return 0;
	return terminal_has_hyperlinks();
}

/* Append the SGR sequence for attr and colour pair to out. */
static void
sgr_of(struct buf *out, attr_t attr, short pair)
{
	buf_puts(out, "\033[0");
	if (attr & A_BOLD)
		buf_puts(out, ";1");
	if (attr & A_DIM)
		buf_puts(out, ";2");
	if (attr & A_ITALIC)
		buf_puts(out, ";3");
	if (attr & A_UNDERLINE)
		buf_puts(out, ";4");
	if (attr & (A_REVERSE | A_STANDOUT))
		buf_puts(out, ";7");
	short fg = -1, bg = -1;
	if (pair > 0)
		pair_content(pair, &fg, &bg);
	if (fg >= 0)
		buf_printf(out, fg < 8 ? ";%d" : fg < 16 ? ";%d" : ";38;5;%d",
		    fg < 8 ? 30 + fg : fg < 16 ? 90 + fg - 8 : fg);
	if (bg >= 0)
		buf_printf(out, bg < 8 ? ";%d" : bg < 16 ? ";%d" : ";48;5;%d",
		    bg < 8 ? 40 + bg : bg < 16 ? 100 + bg - 8 : bg);
	buf_putc(out, 'm');
}

/* Append the cells of span sp as curses holds them, each run with its
 * attributes. */
static void
cells_of(struct buf *out, const struct link_span *sp)
{
	attr_t last_attr = (attr_t)-1;
	short last_pair = -1;
	for (int x = sp->x0; x < sp->x1 && x < COLS; x++) {
		cchar_t cc;
		wchar_t wc[CCHARW_MAX + 1] = { 0 };
		attr_t attr;
		short pair;
		if (mvin_wch(sp->y, x, &cc) == ERR || getcchar(&cc, wc, &attr, &pair, NULL) == ERR)
			break;
		if (attr != last_attr || pair != last_pair) {
			sgr_of(out, attr & ~A_COLOR, pair);
			last_attr = attr;
			last_pair = pair;
		}
		int w = 1;
		for (size_t k = 0; k < CCHARW_MAX && wc[k] != 0; k++) {
			char mb[MB_LEN_MAX];
			mbstate_t st;
			memset(&st, 0, sizeof st);
			size_t n = wcrtomb(mb, wc[k], &st);
			if (n == (size_t)-1) {
				mb[0] = '?';
				n = 1;
			}
			buf_append(out, mb, n);
			if (k == 0 && wcwidth(wc[0]) == 2)
				w = 2;
		}
		x += w - 1;
	}
}

/* Write the hyperlinks of the links drawn on screen. The cells the last
 * pass linked are first written again plain: curses leaves a cell alone
 * when its character did not change, and the terminal would keep the old
 * link on it. */
void
hyperlinks_emit(struct pager *p, const struct view *v)
{
	if (!p->hyperlinks || (p->nspans == 0 && p->nold == 0))
		return;
	struct buf out = {0};
	buf_puts(&out, "\0337");
	for (size_t i = 0; i < p->nold; i++) {
		buf_printf(&out, "\033[%d;%dH", p->old[i].y + 1, p->old[i].x0 + 1);
		cells_of(&out, &p->old[i]);
	}
	for (size_t i = 0; i < p->nspans; i++) {
		const struct link_span *sp = &p->spans[i];
		if (sp->link < 0 || (size_t)sp->link >= v->a->nlinks)
			continue;
		char *url = pager_hyperlink_url(v->a->links[sp->link].url);
		if (url == NULL)
			continue;
		buf_printf(&out, "\033[%d;%dH\033]8;id=quire-%lld-%d;%s\033\\", sp->y + 1, sp->x0 + 1,
		    v->id, sp->link, url);
		free(url);
		cells_of(&out, sp);
		buf_puts(&out, "\033]8;;\033\\");
	}
	buf_puts(&out, "\0338");
	fwrite(out.data, 1, out.len, stdout);
	fflush(stdout);
	buf_free(&out);
	p->old = xreallocarray(p->old, p->nspans ? p->nspans : 1, sizeof *p->old);
	if (p->nspans > 0)
		memcpy(p->old, p->spans, p->nspans * sizeof *p->spans);
	p->nold = p->nspans;
}

/* Forget the linked cells: the whole screen is about to be redrawn. */
void
hyperlinks_forget(struct pager *p)
{
	if (!p->hyperlinks || p->nold == 0)
		return;
	p->nold = 0;
	clearok(curscr, TRUE);
}
