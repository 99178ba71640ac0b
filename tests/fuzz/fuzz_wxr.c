/* fuzz_wxr.c — WordPress exports and feeds, from bytes to articles, without
 * SQLite. The first input byte picks the path: even, wxr_parse (odd bit 1
 * also takes private and draft items); odd, feed_parse with a URL; then
 * every item becomes its stored page (blog_item_page) and its article
 * (blog_item_article), which is written as JSON. Byte values ≥ 0xf0 instead
 * run wxr_render (block comments, wpautop, shortcodes) on the rest as a post
 * body. Besides the sanitizers, it checks: every article string well-formed
 * UTF-8 without terminal control characters, spans inside their text, links
 * and quotes pointing at blocks that exist, and the rendered body free of
 * block comments whenever the input had none to begin with. */
#include <libxml/parser.h>

#include "article.h"
#include "blog.h"
#include "feed.h"
#include "fuzz.h"
#include "util.h"
#include "wxr.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	xmlInitParser();
	return 0;
}

/* Check the article model's invariants on a. */
static void
check_article(const struct article *a)
{
	fuzz_check_clean(a->title, "");
	fuzz_check_clean(a->author, "");
	fuzz_check_clean(a->published, "");
	fuzz_check_clean(a->modified, "");
	fuzz_check_clean(a->site_name, "");
	fuzz_check_clean(a->language, "");
	for (size_t i = 0; i < a->ntags; i++)
		fuzz_check_clean(a->tags[i], "");
	for (size_t i = 0; i < a->nblocks; i++) {
		const struct block *b = &a->blocks[i];
		FUZZ_CHECK(b->text != NULL);
		fuzz_check_clean(b->text, "\n\t");
		size_t len = strlen(b->text);
		for (size_t k = 0; k < b->nspans; k++) {
			FUZZ_CHECK(b->spans[k].start <= b->spans[k].end);
			FUZZ_CHECK(b->spans[k].end <= len);
			FUZZ_CHECK(b->spans[k].link < (int)a->nlinks);
		}
	}
	for (size_t i = 0; i < a->nlinks; i++)
		FUZZ_CHECK(a->links[i].block < a->nblocks);
	for (size_t i = 0; i < a->nquotes; i++) {
		FUZZ_CHECK(a->quotes[i].first_block <= a->quotes[i].last_block);
		FUZZ_CHECK(a->quotes[i].last_block < a->nblocks);
	}
}

/* Turn every item of b into its page and article, and check them. */
static void
check_blog(const struct blog *b)
{
	FUZZ_CHECK(b->nitems <= b->items_cap || b->items_cap == 0);
	for (size_t i = 0; i < b->nitems; i++) {
		size_t len;
		char *page = blog_item_page(b, &b->items[i], &len);
		FUZZ_CHECK(strlen(page) == len);
		struct article *a = blog_item_article(b, &b->items[i], page, len);
		check_article(a);
		struct buf json = {0};
		article_to_json(a, 1, &json);
		FUZZ_CHECK(json.len > 0);
		buf_free(&json);
		article_free(a);
		free(page);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned sel = data[0];
	char *s = fuzz_cstr(data + 1, size - 1);
	char *err = NULL;
	if (sel >= 0xf0) {
		char *out = wxr_render(s, NULL);
		FUZZ_CHECK(out != NULL);
		if (strstr(s, "<!--") == NULL)
			FUZZ_CHECK(strstr(out, "<!-- wp:") == NULL);
		free(out);
	} else if (sel % 2 == 0) {
		struct wxr_options opt = { .statuses = (sel & 2) ? "publish,private,draft" : NULL };
		struct blog *b = wxr_parse(s, size - 1, &opt, &err);
		if (b != NULL)
			check_blog(b);
		blog_free(b);
	} else {
		struct blog *b = feed_parse(s, size - 1, "https://feed.example/blog/feed/", &err);
		if (b != NULL)
			check_blog(b);
		blog_free(b);
	}
	free(err);
	free(s);
	return 0;
}
