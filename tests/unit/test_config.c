/* test_config.c — the configuration parser: splitting words (quotes,
 * escapes, comments), every kind of setting and its bad values, bind and
 * unbind against the pager's action and key names, colour lines, errors
 * carrying FILE:LINE, the keymap a configuration gives, --dump read back
 * giving the same dump, and the URLs OSC 8 hyperlinks may carry. */
#include <stdlib.h>
#include <string.h>

#include "../../src/pager/internal.h"
#include "config.h"
#include "pager.h"
#include "test.h"
#include "util.h"

/* Apply line to c; return the reason it was refused (newly allocated) or NULL. */
static char *
refused(struct config *c, const char *line)
{
	char *reason = NULL;
	if (config_line(c, line, &reason) == 0)
		return NULL;
	return reason != NULL ? reason : xstrdup("(no reason)");
}

/* Whether line is refused with a reason containing want. */
static bool
refused_with(const char *line, const char *want)
{
	struct config *c = config_create();
	char *r = refused(c, line);
	bool ok = r != NULL && strstr(r, want) != NULL;
	if (!ok)
		fprintf(stderr, "line '%s': got reason '%s', want '%s'\n", line, r ? r : "(accepted)", want);
	free(r);
	config_free(c);
	return ok;
}

static void
test_split(void)
{
	char **w;
	char *reason = NULL;
	int n = config_split("  set browser \"w3m -o a=b %s\"  # a comment", &w, &reason);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_STR(w[0], "set");
		CHECK_STR(w[2], "w3m -o a=b %s");
	}
	config_words_free(w, n);
	n = config_split("a\\ b \"q\\\"uote\\\\\" x\"y z\"w \\#not \"\"", &w, &reason);
	CHECK_INT(n, 5);
	if (n == 5) {
		CHECK_STR(w[0], "a b");
		CHECK_STR(w[1], "q\"uote\\");
		CHECK_STR(w[2], "xy zw");
		CHECK_STR(w[3], "#not");
		CHECK_STR(w[4], "");
	}
	config_words_free(w, n);
	n = config_split("\"tab\\there\\n\"", &w, &reason);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(w[0], "tab\there\n");
	config_words_free(w, n);
	CHECK_INT(config_split("# only a comment", &w, &reason), 0);
	config_words_free(w, 0);
	CHECK_INT(config_split("   ", &w, &reason), 0);
	config_words_free(w, 0);
	CHECK_INT(config_split("set browser \"open", &w, &reason), -1);
	CHECK(reason != NULL && strstr(reason, "not closed") != NULL);
	free(reason);
	reason = NULL;
	CHECK_INT(config_split("set x \\", &w, &reason), -1);
	free(reason);
}

static void
test_settings(void)
{
	struct config *c = config_create();
	CHECK_INT(c->text_width, 80);
	CHECK_INT(c->reading_speed, 238);
	CHECK(c->browser == NULL);
	CHECK_INT(c->hyperlinks, CONFIG_AUTO);
	CHECK(c->colors);
	CHECK(refused(c, "set text-width 72") == NULL);
	CHECK_INT(c->text_width, 72);
	CHECK(refused(c, "set reading-speed 230") == NULL);
	CHECK_INT(c->reading_speed, 230);
	CHECK(refused(c, "set browser \"w3m %s\"") == NULL);
	CHECK_STR(c->browser, "w3m %s");
	CHECK(refused(c, "set browser \"\"") == NULL);
	CHECK(c->browser == NULL);
	CHECK(refused(c, "set hyperlinks on") == NULL);
	CHECK_INT(c->hyperlinks, CONFIG_ON);
	CHECK(refused(c, "set hyperlinks off") == NULL);
	CHECK_INT(c->hyperlinks, CONFIG_OFF);
	CHECK(refused(c, "set colors off") == NULL);
	CHECK(!c->colors);
	config_free(c);
	config_free(NULL);

	CHECK(refused_with("set text-size 72", "unknown setting 'text-size'"));
	CHECK(refused_with("set text-width wide", "text-width must be a number from 20 to 1000"));
	CHECK(refused_with("set text-width 72x", "text-width must be a number"));
	CHECK(refused_with("set text-width 5", "text-width must be a number"));
	CHECK(refused_with("set text-width 99999999999999999999", "text-width must be a number"));
	CHECK(refused_with("set reading-speed 0", "reading-speed must be a number"));
	CHECK(refused_with("set hyperlinks maybe", "on, off or auto"));
	CHECK(refused_with("set colors auto", "on or off"));
	CHECK(refused_with("set text-width", "usage: set NAME VALUE"));
	CHECK(refused_with("set browser \"w3m\\e[31m\"", "control character"));
	CHECK(refused_with("frobnicate all", "unknown command 'frobnicate'"));
}

static void
test_binds(void)
{
	CHECK_INT(pager_key_parse("j"), 'j');
	CHECK_INT(pager_key_parse("^F"), 6);
	CHECK_INT(pager_key_parse("^f"), 6);
	CHECK_INT(pager_key_parse("^?"), 127);
	CHECK_INT(pager_key_parse("Enter"), '\n');
	CHECK_INT(pager_key_parse("space"), ' ');
	CHECK_INT(pager_key_parse("Tab"), '\t');
	CHECK_INT(pager_key_parse("Backspace"), KEY_BACKSPACE | KEY_FUNC);
	CHECK_INT(pager_key_parse("PgDn"), KEY_NPAGE | KEY_FUNC);
	CHECK_INT(pager_key_parse("F1"), KEY_F(1) | KEY_FUNC);
	CHECK_INT(pager_key_parse("F12"), KEY_F(12) | KEY_FUNC);
	CHECK_INT(pager_key_parse("é"), 0xe9);
	CHECK_INT(pager_key_parse("F13"), -1);
	CHECK_INT(pager_key_parse("jj"), -1);
	CHECK_INT(pager_key_parse("^"), '^');
	CHECK_INT(pager_key_parse("^1"), -1);
	CHECK_INT(pager_key_parse(""), -1);
	CHECK_INT(pager_key_parse("Hyper-X"), -1);
	/* Every name a key is printed with parses back to it. */
	int sample[] = { 'j', '#', 6, 127, '\n', '\r', ' ', KEY_BTAB | KEY_FUNC, KEY_F(5) | KEY_FUNC,
	    KEY_ENTER | KEY_FUNC, 0x263a, '"', '\\' };
	for (size_t i = 0; i < sizeof sample / sizeof sample[0]; i++) {
		char name[16];
		CHECK_INT(pager_key_parse(pager_key_name(sample[i], name)), sample[i]);
	}
	CHECK_INT(pager_action_find("next-heading"), ACT_NEXT_HEADING);
	CHECK_INT(pager_action_find("page-down"), ACT_PAGE_DOWN);
	CHECK_INT(pager_action_find("open-link"), ACT_OPEN_LINK);
	CHECK_INT(pager_action_find("fly"), -1);
	for (int i = 0; pager_action_name(i) != NULL; i++)
		CHECK(pager_action_find(pager_action_name(i)) >= 0);

	CHECK(refused_with("bind J fly-away", "unknown action 'fly-away'"));
	CHECK(refused_with("bind Hyper-J next-heading", "bad key name 'Hyper-J'"));
	CHECK(refused_with("bind attic J next-heading", "unknown screen 'attic'"));
	CHECK(refused_with("bind J", "usage: bind"));
	CHECK(refused_with("unbind", "usage: unbind"));
	CHECK(refused_with("unbind a b c", "usage: unbind"));
	CHECK(refused_with("unbind-all now", "usage: unbind-all"));

	/* The keymap a configuration gives. */
	struct config *c = config_create();
	CHECK(refused(c, "bind J next-heading") == NULL);
	CHECK(refused(c, "bind view,library x quit") == NULL);
	CHECK(refused(c, "bind j page-down   # j now pages") == NULL);
	CHECK(refused(c, "unbind view k") == NULL);
	CHECK(refused(c, "unbind G") == NULL);
	CHECK(refused(c, "bind \"#\" toc") == NULL);
	struct pager p = { .cfg = c };
	keys_init(&p);
	CHECK_INT(key_action(&p, SCREEN_VIEW, 'J'), ACT_NEXT_HEADING);
	CHECK_INT(key_action(&p, SCREEN_LIST, 'J'), ACT_NONE);     /* next-heading is a view key */
	CHECK_INT(key_action(&p, SCREEN_VIEW, 'x'), ACT_QUIT);
	CHECK_INT(key_action(&p, SCREEN_LIBRARY, 'x'), ACT_QUIT);
	CHECK_INT(key_action(&p, SCREEN_LIST, 'x'), ACT_NONE);
	CHECK_INT(key_action(&p, SCREEN_VIEW, 'j'), ACT_PAGE_DOWN);
	CHECK_INT(key_action(&p, SCREEN_LIST, 'j'), ACT_PAGE_DOWN);
	CHECK_INT(key_action(&p, SCREEN_VIEW, KEY_DOWN | KEY_FUNC), ACT_DOWN);   /* untouched */
	CHECK_INT(key_action(&p, SCREEN_VIEW, 'k'), ACT_NONE);
	CHECK_INT(key_action(&p, SCREEN_LIST, 'k'), ACT_UP);
	CHECK_INT(key_action(&p, SCREEN_VIEW, 'G'), ACT_NONE);
	CHECK_INT(key_action(&p, SCREEN_LIBRARY, 'G'), ACT_NONE);
	CHECK_INT(key_action(&p, SCREEN_VIEW, '#'), ACT_TOC);
	struct menu m = {0};
	key_help(&p, &m);
	bool shown = false;
	for (size_t i = 0; i < m.n; i++)
		if (strstr(m.rows[i].text, "], J") != NULL && strstr(m.rows[i].text, "next heading") != NULL)
			shown = true;
	CHECK(shown);   /* the help shows the new key beside the old */
	menu_clear(&m);
	free(p.keys);
	config_free(c);

	c = config_create();
	CHECK(refused(c, "unbind-all") == NULL);
	CHECK(refused(c, "bind q quit") == NULL);
	p = (struct pager){ .cfg = c };
	keys_init(&p);
	CHECK_INT(p.nkeys, 1);
	CHECK_INT(key_action(&p, SCREEN_VIEW, 'j'), ACT_NONE);
	CHECK_INT(key_action(&p, SCREEN_LIST, 'q'), ACT_QUIT);
	free(p.keys);
	config_free(c);
}

static void
test_colors(void)
{
	CHECK_INT(pager_element_find("quote-bar"), ROLE_BAR);
	CHECK_INT(pager_element_find("link-library"), ROLE_LIBLINK);
	CHECK_INT(pager_element_find("heading"), ROLE_H1);
	CHECK_INT(pager_element_find("wallpaper"), -1);
	struct config *c = config_create();
	CHECK(refused(c, "color quote-bar cyan default") == NULL);
	CHECK(refused(c, "color match 16 226 bold reverse") == NULL);
	CHECK_INT(c->ncolors, 2);
	CHECK_INT(c->colors_set[0].element, ROLE_BAR);
	CHECK_INT(c->colors_set[0].fg, 6);
	CHECK_INT(c->colors_set[0].bg, CONFIG_COLOR_DEFAULT);
	CHECK_INT(c->colors_set[1].fg, 16);
	CHECK_INT(c->colors_set[1].bg, 226);
	CHECK_INT(c->colors_set[1].attrs, CONFIG_ATTR_BOLD | CONFIG_ATTR_REVERSE);
	config_free(c);
	CHECK(refused_with("color wallpaper red default", "unknown colour element 'wallpaper'"));
	CHECK(refused_with("color link mauve default", "bad colour 'mauve'"));
	CHECK(refused_with("color link red 256", "bad colour '256'"));
	CHECK(refused_with("color link red -2", "bad colour '-2'"));
	CHECK(refused_with("color link red default blinking", "unknown attribute 'blinking'"));
	CHECK(refused_with("color link red", "usage: color"));
}

/* Dump c into a newly allocated string. */
static char *
dump_of(const struct config *c)
{
	char *data = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&data, &len);
	config_dump(c, f);
	fclose(f);
	return data;
}

static void
test_file_and_dump(void)
{
	const char *text =
	    "# a comment\n"
	    "set text-width 64\n"
	    "set reading-speed 150\n"
	    "set browser \"my browser --tab %s\"\n"
	    "set hyperlinks on\n"
	    "set colors off\n"
	    "bind J next-heading\n"
	    "bind nonsense\n"
	    "unbind view Tab\n"
	    "color link blue default underline bold\n"
	    "set reading-speed fast\n";
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	struct config *c = config_create();
	CHECK_INT(config_read(c, f, "cfg"), 2);
	fclose(f);
	CHECK_INT(c->nerrors, 2);
	if (c->nerrors == 2) {
		CHECK_STR(c->errors[0], "cfg:8: usage: bind [SCREENS] KEY ACTION");
		CHECK(strncmp(c->errors[1], "cfg:11: reading-speed must be", 29) == 0);
	}
	CHECK_INT(c->text_width, 64);
	CHECK_INT(c->reading_speed, 150);   /* the bad line left it as it was */
	char *d1 = dump_of(c);
	CHECK(strstr(d1, "set text-width 64\n") != NULL);
	CHECK(strstr(d1, "set browser \"my browser --tab %s\"\n") != NULL);
	CHECK(strstr(d1, "set hyperlinks on\n") != NULL);
	CHECK(strstr(d1, "set colors off\n") != NULL);
	CHECK(strstr(d1, "bind view J next-heading\n") != NULL);
	CHECK(strstr(d1, "bind view Tab") == NULL);
	CHECK(strstr(d1, "bind results Tab toggle-quotes\n") != NULL);
	CHECK(strstr(d1, "color link blue default bold underline\n") != NULL);
	CHECK(strstr(d1, "color quote-bar green default normal\n") != NULL);
	/* Read back, the dump gives the same configuration. */
	f = fmemopen(d1, strlen(d1), "r");
	struct config *c2 = config_create();
	CHECK_INT(config_read(c2, f, "dump"), 0);
	fclose(f);
	char *d2 = dump_of(c2);
	CHECK_STR(d2, d1);
	struct pager p1 = { .cfg = c }, p2 = { .cfg = c2 };
	keys_init(&p1);
	keys_init(&p2);
	CHECK_INT(p1.nkeys, p2.nkeys);
	CHECK(p1.nkeys == p2.nkeys && memcmp(p1.keys, p2.keys, p1.nkeys * sizeof *p1.keys) == 0);
	free(p1.keys);
	free(p2.keys);
	free(d1);
	free(d2);
	config_free(c);
	config_free(c2);

	c = config_create();
	char *err = NULL;
	CHECK_INT(config_load(c, "/nonexistent/quire/config", false, &err), 0);
	CHECK_INT(config_load(c, "/nonexistent/quire/config", true, &err), -1);
	CHECK(err != NULL && strstr(err, "/nonexistent/quire/config") != NULL);
	free(err);
	config_free(c);

	setenv("XDG_CONFIG_HOME", "/xdg", 1);
	char *path = config_default_path();
	CHECK_STR(path, "/xdg/quire/config");
	free(path);
	setenv("XDG_CONFIG_HOME", "relative", 1);
	setenv("HOME", "/home/reader", 1);
	path = config_default_path();
	CHECK_STR(path, "/home/reader/.config/quire/config");
	free(path);
}

static void
test_hyperlinks(void)
{
	char *u = pager_hyperlink_url("https://example.org/a?b=c;d#e");
	CHECK_STR(u, "https://example.org/a?b=c;d#e");
	free(u);
	u = pager_hyperlink_url("HTTP://example.org/caf\xc3\xa9 x");
	CHECK_STR(u, "HTTP://example.org/caf%C3%A9%20x");
	free(u);
	u = pager_hyperlink_url("mailto:keeper@example.org");
	CHECK_STR(u, "mailto:keeper@example.org");
	free(u);
	/* A C1 string terminator in UTF-8 cannot reach the terminal raw. */
	u = pager_hyperlink_url("https://example.org/\xc2\x9c");
	CHECK_STR(u, "https://example.org/%C2%9C");
	free(u);
	CHECK(pager_hyperlink_url("javascript:alert(1)") == NULL);
	CHECK(pager_hyperlink_url("file:///etc/passwd") == NULL);
	CHECK(pager_hyperlink_url("https://example.org/\033\\evil") == NULL);
	CHECK(pager_hyperlink_url("https://example.org/\007bell") == NULL);
	CHECK(pager_hyperlink_url("https://example.org/\x7f") == NULL);
	CHECK(pager_hyperlink_url("https://example.org/a\nb") == NULL);
	CHECK(pager_hyperlink_url(NULL) == NULL);
	struct buf big = {0};
	buf_puts(&big, "https://example.org/");
	for (int i = 0; i < 2100; i++)
		buf_putc(&big, 'a');
	CHECK(pager_hyperlink_url(buf_str(&big)) == NULL);
	buf_free(&big);

	CHECK_INT(pager_hyperlinks_wanted(CONFIG_ON), 1);
	CHECK_INT(pager_hyperlinks_wanted(CONFIG_OFF), 0);
	unsetenv("TMUX");
	unsetenv("TERM_PROGRAM");
	unsetenv("VTE_VERSION");
	unsetenv("KONSOLE_VERSION");
	unsetenv("KITTY_WINDOW_ID");
	unsetenv("WT_SESSION");
	unsetenv("WEZTERM_EXECUTABLE");
	setenv("TERM", "xterm-256color", 1);
	CHECK_INT(pager_hyperlinks_wanted(CONFIG_AUTO), 0);
	setenv("VTE_VERSION", "7200", 1);
	CHECK_INT(pager_hyperlinks_wanted(CONFIG_AUTO), 1);
	setenv("TERM", "dumb", 1);
	CHECK_INT(pager_hyperlinks_wanted(CONFIG_AUTO), 0);
	setenv("TERM", "xterm-kitty", 1);
	unsetenv("VTE_VERSION");
	CHECK_INT(pager_hyperlinks_wanted(CONFIG_AUTO), 1);
	/* Inside tmux, tmux's version decides. */
	setenv("TMUX", "/tmp/tmux-0/default,1,0", 1);
	setenv("TERM", "tmux-256color", 1);
	setenv("TERM_PROGRAM", "tmux", 1);
	setenv("TERM_PROGRAM_VERSION", "3.3a", 1);
	setenv("VTE_VERSION", "7200", 1);
	CHECK_INT(pager_hyperlinks_wanted(CONFIG_AUTO), 0);
	setenv("TERM_PROGRAM_VERSION", "3.4", 1);
	CHECK_INT(pager_hyperlinks_wanted(CONFIG_AUTO), 1);
	setenv("TERM_PROGRAM_VERSION", "3.10", 1);
	CHECK_INT(pager_hyperlinks_wanted(CONFIG_AUTO), 1);
}

int
main(void)
{
	test_split();
	test_settings();
	test_binds();
	test_colors();
	test_file_and_dump();
	test_hyperlinks();
	return test_done("test_config");
}
