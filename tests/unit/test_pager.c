/* test_pager.c — the pager's pure parts: byte ↔ character offsets (the
 * store keeps characters, the layout bytes), the key table's lookups, and
 * the help generated from it. The screens themselves are tested in a real
 * terminal by tests/t_pager.sh. */
#include <locale.h>
#include <string.h>

#include "../../src/pager/internal.h"
#include "test.h"

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
	menu_clear(&m);
	return test_done("test_pager");
}
