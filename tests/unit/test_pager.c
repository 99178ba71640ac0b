/* test_pager.c — the pager's pure parts: byte ↔ character offsets (the
 * store keeps characters, the layout bytes), the key table's lookups, and
 * the help generated from it, and which quotation `s` acts on. The screens
 * themselves are tested in a real terminal by tests/t_pager.sh and
 * tests/t_pager_cite.sh. */
#include <locale.h>
#include <string.h>

#include "../../src/pager/internal.h"
#include "test.h"
#include "util.h"

/* Add a quotation over blocks first..last, with a source when url. */
static void
add_quote(struct article *a, size_t first, size_t last, const char *url)
{
	struct quote *q = article_add_quote(a, QUOTE_INLINE, "words", first, last);
	q->cite_url = url != NULL ? xstrdup(url) : NULL;
}

static void
test_quote_at(void)
{
	struct article *a = article_create();
	for (int i = 0; i < 30; i++)
		article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "text");
	add_quote(a, 2, 9, NULL);                       /* 0: outer, no source */
	add_quote(a, 4, 5, "https://a.example/");       /* 1: inner, with one */
	add_quote(a, 4, 4, NULL);                       /* 2: innermost, none */
	add_quote(a, 12, 14, NULL);                     /* 3 */
	add_quote(a, 16, 16, "https://b.example/");     /* 4 */
	add_quote(a, 20, 20, NULL);                     /* 5 */
	static const struct { size_t top, bottom; long want; } cases[] = {
		{ 0, 1, -1 },     /* nothing on screen */
		{ 0, 3, 0 },      /* the first that starts on screen */
		{ 2, 3, 0 },      /* the one holding the top */
		{ 4, 6, 1 },      /* of those holding the top, the innermost with a source */
		{ 6, 8, 0 },
		{ 10, 18, 4 },    /* starting on screen: one with a source first */
		{ 10, 13, 3 },    /* else the first */
		{ 17, 25, 5 },
		{ 21, 29, -1 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		long got = cite_quote_at(a, cases[i].top, cases[i].bottom);
		if (got != cases[i].want)
			fprintf(stderr, "quote_at case %zu: got %ld\n", i, got);
		CHECK_INT(got, cases[i].want);
	}
	article_free(a);
}

/* Return whether some help row contains s. */
static bool
help_has(const struct menu *m, const char *s)
{
	for (size_t i = 0; i < m->n; i++)
		if (strstr(m->rows[i].text, s) != NULL)
			return true;
	return false;
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const char *t = "café 灯台";
	CHECK_INT(chars_of_bytes(t, 0), 0);
	CHECK_INT(chars_of_bytes(t, 5), 4);          /* "café" is 5 bytes, 4 characters */
	CHECK_INT(chars_of_bytes(t, 100), 7);        /* clamped to the end */
	CHECK_INT(bytes_of_chars(t, 4), 5);
	CHECK_INT(bytes_of_chars(t, 6), 9);          /* after "灯" */
	CHECK_INT(bytes_of_chars(t, 99), strlen(t));
	for (size_t i = 0; i <= strlen(t); i++)
		if ((t[i] & 0xc0) != 0x80)
			CHECK_INT(bytes_of_chars(t, chars_of_bytes(t, i)), i);

	CHECK_INT(key_action(SCREEN_VIEW, 'j'), ACT_DOWN);
	CHECK_INT(key_action(SCREEN_VIEW, KEY_DOWN | KEY_FUNC), ACT_DOWN);
	CHECK_INT(key_action(SCREEN_VIEW, 'd'), ACT_HALF_DOWN);
	CHECK_INT(key_action(SCREEN_LIBRARY, 'd'), ACT_DELETE);
	CHECK_INT(key_action(SCREEN_VIEW, '\n'), ACT_DOWN);
	CHECK_INT(key_action(SCREEN_LIST, '\n'), ACT_OPEN);
	CHECK_INT(key_action(SCREEN_VIEW, ']'), ACT_NEXT_HEADING);
	CHECK_INT(key_action(SCREEN_VIEW, 'z'), ACT_NONE);
	CHECK_INT(key_action(SCREEN_VIEW, KEY_DOWN), ACT_NONE);   /* a code point, not the key */

	struct menu m = {0};
	key_help(&m);
	CHECK(help_has(&m, "Reading an article"));
	CHECK(help_has(&m, "The library"));
	CHECK(help_has(&m, "next heading"));
	CHECK(help_has(&m, "Space, f, PgDn"));
	CHECK(help_has(&m, "Shift-Tab"));
	CHECK(!help_has(&m, "(null)"));
	CHECK(help_has(&m, "open the source of the quotation"));
	CHECK(help_has(&m, "cite this one"));
	menu_clear(&m);

	CHECK_INT(key_action(SCREEN_VIEW, 's'), ACT_SOURCE);
	CHECK_INT(key_action(SCREEN_VIEW, 'c'), ACT_CITED_BY);
	CHECK_INT(key_action(SCREEN_LIBRARY, 's'), ACT_SORT);   /* s still sorts the library */
	test_quote_at();
	return test_done("test_pager");
}
