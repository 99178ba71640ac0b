/* pager.c — starting and stopping the pager: the locale (UTF-8, else ASCII
 * only), curses on the terminal, colours, then the library screen or one
 * article; the terminal is always given back as it was. Also the conversion
 * between the layout's byte offsets and the store's character offsets. */
#include "internal.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "text.h"
#include "util.h"

/* Count the characters in text[0, bytes). */
size_t
chars_of_bytes(const char *text, size_t bytes)
{
	size_t chars = 0, len = strlen(text);
	if (bytes > len)
		bytes = len;
	for (size_t i = 0; i < bytes; i++)
		if (((unsigned char)text[i] & 0xc0) != 0x80)
			chars++;
	return chars;
}

/* Return the byte offset of character chars in text. */
size_t
bytes_of_chars(const char *text, size_t chars)
{
	size_t i = 0;
	while (text[i] != '\0') {
		if (((unsigned char)text[i] & 0xc0) != 0x80) {
			if (chars == 0)
				break;
			chars--;
		}
		i++;
	}
	return i;
}

/* Run the pager over the library: one article or the library screen. */
int
pager_run(struct store *st, long long id, const struct config *cfg, char **errp)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return set_error(errp, "the reader needs a terminal (use 'quire show' to print an article)");
	setlocale(LC_ALL, "");
	struct config *defaults = cfg == NULL ? config_create() : NULL;
	struct pager p = { .st = st, .cfg = cfg != NULL ? cfg : defaults };
	p.max_width = p.cfg->text_width;
	/* The environment wins over the file: QUIRE_WIDTH is for one run. */
	const char *w = getenv("QUIRE_WIDTH");
	if (w != NULL && w[0] != '\0') {
		char *end;
		long v = strtol(w, &end, 10);
		if (*end != '\0' || v < LAYOUT_MIN_WIDTH || v > 1000) {
			config_free(defaults);
			return set_error(errp, "QUIRE_WIDTH must be a number of columns from %d to 1000",
			    LAYOUT_MIN_WIDTH);
		}
		p.max_width = (int)v;
	}
	const char *codeset = nl_langinfo(CODESET);
	p.ascii = codeset == NULL || strcmp(codeset, "UTF-8") != 0;
	/* Read the article before taking over the screen, so a bad id is
	 * reported on a normal terminal. */
	struct article *a = NULL;
	if (id > 0 && (a = store_article_get(st, id, errp)) == NULL) {
		config_free(defaults);
		return -1;
	}
	SCREEN *screen = newterm(NULL, stdout, stdin);
	if (screen == NULL) {
		article_free(a);
		config_free(defaults);
		const char *term = getenv("TERM");
		return set_error(errp, "cannot use the terminal (TERM=%s)", term != NULL ? term : "");
	}
	set_escdelay(25);
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	style_init(&p);
	keys_init(&p);
	p.hyperlinks = !p.ascii && pager_hyperlinks_wanted(p.cfg->hyperlinks);
	/* stderr has had the details; curses hides it, so say it here too. */
	if (store_readonly(p.st))
		pager_message(&p, "The library is read-only: your place and bookmarks are not kept");
	if (p.cfg->nerrors > 0) {
		/* The status line is narrow: name the file, not its folders. */
		const char *e = p.cfg->errors[0], *colon = strstr(e, ":");
		const char *base = e;
		for (const char *s = e; colon != NULL && s < colon; s++)
			if (*s == '/')
				base = s + 1;
		pager_message(&p, "Config: %s%s", base,
		    p.cfg->nerrors > 1 ? " (and more: see quire config --dump)" : "");
	}
	if (id > 0) {
		p.view = view_create(&p, id, a);
		view_run(&p);
	} else {
		library_run(&p);
	}
	endwin();
	delscreen(screen);
	free(p.msg);
	free(p.last_query);
	free(p.keys);
	free(p.spans);
	free(p.old);
	config_free(defaults);
	return 0;
}
