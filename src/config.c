/* config.c — reading the configuration file into a struct config. The
 * settings are one table (name, kind, bounds, help); bind, unbind and color
 * lines are checked against the pager's own tables (pager.h) and kept as a
 * list the pager applies over its defaults in order. Parsing never stops at
 * a bad line: it records "FILE:LINE: reason" and goes on, so quire starts
 * with the rest. Nothing is read from the environment except the default
 * file's place. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pager.h"
#include "util.h"

#define CONFIG_MAX_LINE 4096

enum setting_kind { SET_NUMBER, SET_STRING, SET_SWITCH3, SET_BOOL };

/* Every setting: the parser, --dump and the man page check read this. */
static const struct setting {
	const char *name;
	enum setting_kind kind;
	long min, max;
	size_t field;            /* offset in struct config */
} settings[] = {
	{ "text-width", SET_NUMBER, 20, 1000, offsetof(struct config, text_width) },
	{ "reading-speed", SET_NUMBER, 50, 2000, offsetof(struct config, reading_speed) },
	{ "browser", SET_STRING, 0, 0, offsetof(struct config, browser) },
	{ "hyperlinks", SET_SWITCH3, 0, 0, offsetof(struct config, hyperlinks) },
	{ "colors", SET_BOOL, 0, 0, offsetof(struct config, colors) },
};
#define NSETTINGS (sizeof settings / sizeof settings[0])

static const char *const color_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};
static const struct {
	const char *name;
	int attr;
} attr_names[] = {
	{ "bold", CONFIG_ATTR_BOLD }, { "dim", CONFIG_ATTR_DIM }, { "italic", CONFIG_ATTR_ITALIC },
	{ "underline", CONFIG_ATTR_UNDERLINE }, { "reverse", CONFIG_ATTR_REVERSE }, { "normal", 0 },
};

/* Return setting i's name, or NULL past the last. */
const char *
config_setting_name(size_t i)
{
	return i < NSETTINGS ? settings[i].name : NULL;
}

/* Return the defaults. */
struct config *
config_create(void)
{
	struct config *c = xcalloc(1, sizeof *c);
	c->text_width = CONFIG_TEXT_WIDTH;
	c->reading_speed = CONFIG_READING_SPEED;
	c->hyperlinks = CONFIG_AUTO;
	c->colors = true;
	return c;
}

/* Free c and all it holds. */
void
config_free(struct config *c)
{
	if (c == NULL)
		return;
	free(c->browser);
	free(c->binds);
	free(c->colors_set);
	for (size_t i = 0; i < c->nerrors; i++)
		free(c->errors[i]);
	free(c->errors);
	free(c);
}

/* Free n words. */
void
config_words_free(char **words, int n)
{
	for (int i = 0; i < n; i++)
		free(words[i]);
	free(words);
}

/* Split line into words: blanks separate, "..." quotes, \ escapes. */
int
config_split(const char *line, char ***words, char **reason)
{
	char **w = NULL;
	int n = 0;
	const char *s = line;
	*words = NULL;
	for (;;) {
		while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
			s++;
		if (*s == '\0' || *s == '#')
			break;
		struct buf word = {0};
		buf_puts(&word, "");
		bool quoted = false;
		while (*s != '\0' && (quoted || (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n'))) {
			if (*s == '"') {
				quoted = !quoted;
				s++;
			} else if (*s == '\\') {
				s++;
				char e = *s;
				if (e == '\0') {
					buf_free(&word);
					config_words_free(w, n);
					set_error(reason, "a backslash ends the line");
					return -1;
				}
				buf_putc(&word, e == 'n' ? '\n' : e == 't' ? '\t' : e == 'e' ? '\033' : e);
				s++;
			} else {
				buf_putc(&word, *s++);
			}
		}
		if (quoted) {
			buf_free(&word);
			config_words_free(w, n);
			set_error(reason, "a quotation mark is not closed");
			return -1;
		}
		w = xreallocarray(w, (size_t)n + 1, sizeof *w);
		w[n++] = buf_detach(&word);
	}
	*words = w;
	return n;
}

/* Parse a whole decimal number in [min, max]; -1 when it is not one. */
static int
parse_number(const char *s, long min, long max, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (s[0] == '\0' || *end != '\0' || errno != 0 || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

/* set NAME VALUE */
static int
do_set(struct config *c, char **w, int n, char **reason)
{
	if (n != 3)
		return set_error(reason, "usage: set NAME VALUE");
	const struct setting *st = NULL;
	for (size_t i = 0; i < NSETTINGS; i++)
		if (strcmp(settings[i].name, w[1]) == 0)
			st = &settings[i];
	if (st == NULL)
		return set_error(reason, "unknown setting '%s'", w[1]);
	void *field = (char *)c + st->field;
	const char *v = w[2];
	long num;
	switch (st->kind) {
	case SET_NUMBER:
		if (parse_number(v, st->min, st->max, &num) < 0)
			return set_error(reason, "%s must be a number from %ld to %ld, not '%s'", st->name,
			    st->min, st->max, v);
		*(int *)field = (int)num;
		break;
	case SET_STRING:
		for (const char *q = v; *q != '\0'; q++)
			if ((unsigned char)*q < 0x20 || *q == 0x7f)
				return set_error(reason, "%s holds a control character", st->name);
		free(*(char **)field);
		*(char **)field = v[0] != '\0' ? xstrdup(v) : NULL;
		break;
	case SET_SWITCH3:
		if (strcmp(v, "on") == 0)
			*(int *)field = CONFIG_ON;
		else if (strcmp(v, "off") == 0)
			*(int *)field = CONFIG_OFF;
		else if (strcmp(v, "auto") == 0)
			*(int *)field = CONFIG_AUTO;
		else
			return set_error(reason, "%s must be on, off or auto, not '%s'", st->name, v);
		break;
	case SET_BOOL:
		if (strcmp(v, "on") == 0)
			*(bool *)field = true;
		else if (strcmp(v, "off") == 0)
			*(bool *)field = false;
		else
			return set_error(reason, "%s must be on or off, not '%s'", st->name, v);
		break;
	}
	return 0;
}

/* Add a bind or unbind line. */
static void
add_bind(struct config *c, int screens, int key, int act)
{
	c->binds = xreallocarray(c->binds, c->nbinds + 1, sizeof *c->binds);
	c->binds[c->nbinds++] = (struct config_bind){ screens, key, act };
}

/* bind [SCREENS] KEY ACTION, unbind [SCREENS] KEY */
static int
do_bind(struct config *c, char **w, int n, bool unbind, char **reason)
{
	int want = unbind ? 2 : 3;
	if (n != want && n != want + 1)
		return set_error(reason, unbind ? "usage: unbind [SCREENS] KEY" :
		    "usage: bind [SCREENS] KEY ACTION");
	int screens = 0;
	int at = 1;
	if (n == want + 1) {
		screens = pager_screens_parse(w[1]);
		if (screens < 0)
			return set_error(reason, "unknown screen '%s' (view, list, library, results)", w[1]);
		at = 2;
	}
	int key = pager_key_parse(w[at]);
	if (key < 0)
		return set_error(reason, "bad key name '%s'", w[at]);
	int act = -1;
	if (!unbind && (act = pager_action_find(w[at + 1])) < 0)
		return set_error(reason, "unknown action '%s'", w[at + 1]);
	add_bind(c, screens, key, act);
	return 0;
}

/* Parse a colour: a name, default, or 0-255. */
static int
parse_color(const char *s, int *out)
{
	if (strcmp(s, "default") == 0) {
		*out = CONFIG_COLOR_DEFAULT;
		return 0;
	}
	for (int i = 0; i < 8; i++)
		if (strcmp(s, color_names[i]) == 0) {
			*out = i;
			return 0;
		}
	long v;
	if (parse_number(s, 0, 255, &v) < 0)
		return -1;
	*out = (int)v;
	return 0;
}

/* Return color's config name: default, a name, or its number. */
const char *
config_color_name(int color, char buf[8])
{
	if (color < 0)
		return "default";
	if (color < 8)
		return color_names[color];
	snprintf(buf, 8, "%d", color & 0xff);
	return buf;
}

/* color ELEMENT FG BG [ATTR...] */
static int
do_color(struct config *c, char **w, int n, char **reason)
{
	if (n < 4)
		return set_error(reason, "usage: color ELEMENT FG BG [ATTR...]");
	struct config_color cc = { .element = pager_element_find(w[1]) };
	if (cc.element < 0)
		return set_error(reason, "unknown colour element '%s'", w[1]);
	if (parse_color(w[2], &cc.fg) < 0)
		return set_error(reason, "bad colour '%s' (a name, default or 0-255)", w[2]);
	if (parse_color(w[3], &cc.bg) < 0)
		return set_error(reason, "bad colour '%s' (a name, default or 0-255)", w[3]);
	for (int i = 4; i < n; i++) {
		size_t k = 0;
		while (k < sizeof attr_names / sizeof attr_names[0] && strcmp(attr_names[k].name, w[i]) != 0)
			k++;
		if (k == sizeof attr_names / sizeof attr_names[0])
			return set_error(reason, "unknown attribute '%s' (bold, dim, italic, underline, "
			    "reverse, normal)", w[i]);
		cc.attrs |= attr_names[k].attr;
	}
	c->colors_set = xreallocarray(c->colors_set, c->ncolors + 1, sizeof *c->colors_set);
	c->colors_set[c->ncolors++] = cc;
	return 0;
}

/* Apply one line. */
int
config_line(struct config *c, const char *line, char **reason)
{
	char **w;
	int n = config_split(line, &w, reason);
	if (n < 0)
		return -1;
	int rc = 0;
	if (n == 0)
		rc = 0;
	else if (strcmp(w[0], "set") == 0)
		rc = do_set(c, w, n, reason);
	else if (strcmp(w[0], "bind") == 0)
		rc = do_bind(c, w, n, false, reason);
	else if (strcmp(w[0], "unbind") == 0)
		rc = do_bind(c, w, n, true, reason);
	else if (strcmp(w[0], "unbind-all") == 0) {
		if (n == 1) {
			c->unbind_all = true;
			c->nbinds = 0;
		} else {
			rc = set_error(reason, "usage: unbind-all");
		}
	} else if (strcmp(w[0], "color") == 0)
		rc = do_color(c, w, n, reason);
	else
		rc = set_error(reason, "unknown command '%s' (set, bind, unbind, unbind-all, color)", w[0]);
	config_words_free(w, n);
	return rc;
}

/* Record a bad line. */
static void
add_error(struct config *c, const char *name, size_t lineno, const char *reason)
{
	c->errors = xreallocarray(c->errors, c->nerrors + 1, sizeof *c->errors);
	c->errors[c->nerrors++] = xasprintf("%s:%zu: %s", name, lineno, reason);
}

/* Apply every line of f. */
size_t
config_read(struct config *c, FILE *f, const char *name)
{
	char line[CONFIG_MAX_LINE];
	size_t lineno = 0, bad = 0;
	while (fgets(line, sizeof line, f) != NULL) {
		lineno++;
		size_t len = strlen(line);
		if (len == sizeof line - 1 && line[len - 1] != '\n') {
			add_error(c, name, lineno, "line too long");
			bad++;
			int ch;
			while ((ch = getc(f)) != EOF && ch != '\n')
				;
			continue;
		}
		char *reason = NULL;
		if (config_line(c, line, &reason) < 0) {
			add_error(c, name, lineno, reason);
			free(reason);
			bad++;
		}
	}
	return bad;
}

/* Read a configuration file. */
int
config_load(struct config *c, const char *path, bool must_exist, char **errp)
{
	FILE *f = fopen(path, "r");
	if (f == NULL) {
		if (errno == ENOENT && !must_exist)
			return 0;
		return set_error(errp, "%s: %s", path, strerror(errno));
	}
	config_read(c, f, path);
	bool failed = ferror(f);
	fclose(f);
	if (failed)
		return set_error(errp, "%s: cannot read it", path);
	return 0;
}

/* Return the default file: $XDG_CONFIG_HOME/quire/config, else ~/.config/quire/config. */
char *
config_default_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	if (xdg != NULL && xdg[0] == '/')   /* XDG: relative values are ignored */
		return xasprintf("%s/quire/config", xdg);
	const char *home = getenv("HOME");
	if (home == NULL || home[0] == '\0') {
		struct passwd *pw = getpwuid(getuid());
		home = pw != NULL ? pw->pw_dir : NULL;
	}
	if (home == NULL || home[0] == '\0')
		return NULL;
	return xasprintf("%s/.config/quire/config", home);
}

/* Print word, quoted and escaped when it must be to read back as itself. */
void
config_put_word(FILE *f, const char *word)
{
	bool plain = word[0] != '\0' && word[0] != '#';
	for (const char *s = word; *s != '\0' && plain; s++)
		if (*s == ' ' || *s == '\t' || *s == '"' || *s == '\\' || (unsigned char)*s < 0x20)
			plain = false;
	if (plain) {
		fputs(word, f);
		return;
	}
	fputc('"', f);
	for (const char *s = word; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			fprintf(f, "\\%c", *s);
		else if (*s == '\n')
			fputs("\\n", f);
		else if (*s == '\t')
			fputs("\\t", f);
		else if (*s == '\033')
			fputs("\\e", f);
		else
			fputc(*s, f);
	}
	fputc('"', f);
}

/* Print the whole configuration in the file's syntax. */
void
config_dump(const struct config *c, FILE *f)
{
	fputs("# quire configuration in effect (quire config --dump)\n", f);
	for (size_t i = 0; i < NSETTINGS; i++) {
		const struct setting *st = &settings[i];
		const void *field = (const char *)c + st->field;
		fprintf(f, "set %s ", st->name);
		switch (st->kind) {
		case SET_NUMBER:
			fprintf(f, "%d", *(const int *)field);
			break;
		case SET_STRING: {
			const char *s = *(char *const *)field;
			config_put_word(f, s != NULL ? s : "");
			break;
		}
		case SET_SWITCH3: {
			int v = *(const int *)field;
			fputs(v == CONFIG_ON ? "on" : v == CONFIG_OFF ? "off" : "auto", f);
			break;
		}
		case SET_BOOL:
			fputs(*(const bool *)field ? "on" : "off", f);
			break;
		}
		fputc('\n', f);
	}
	fputs("unbind-all\n", f);
	pager_keys_dump(c, f);
	pager_colors_dump(c, f);
}
