/* fuzz_extract.c — the HTML importer end to end without SQLite: bytes →
 * extract_page → article_to_json and article_to_text. The first input byte
 * picks the transport charset and the page URL; the rest is the page.
 * Besides the sanitizers, it checks the article model's invariants: every
 * string well-formed UTF-8 without terminal control characters, spans inside
 * their block's text, links and quotes pointing at blocks that exist, and
 * JSON output that reads back (jsonparse) with the same title and counts. */
#include <libxml/parser.h>

#include "article.h"
#include "extract.h"
#include "fuzz.h"
#include "jsonparse.h"
#include "util.h"

static const char *const charsets[] = {
	NULL, NULL, NULL, NULL, "utf-8", "UTF8", "windows-1252", "iso-8859-1",
	"utf-16le", "utf-16be", "utf-16", "shift_jis", "koi8-r", "gb18030",
	"no-such-charset", "",
};

static const char *const urls[] = {
	NULL,
	"https://example.org/2024/03/a-post/",
	"http://example.com",
	"https://example.net/blog/?p=12#x",
};

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	xmlInitParser();
	return 0;
}

/* Check the model's invariants on a. */
static void
check_article(const struct article *a)
{
	fuzz_check_clean(a->title, "");
	fuzz_check_clean(a->author, "");
	fuzz_check_clean(a->published, "");
	fuzz_check_clean(a->modified, "");
	fuzz_check_clean(a->site_name, "");
	fuzz_check_clean(a->url, "");
	fuzz_check_clean(a->canonical_url, "");
	fuzz_check_clean(a->language, "");
	fuzz_check_clean(a->description, "");
	for (size_t i = 0; i < a->ntags; i++) {
		FUZZ_CHECK(a->tags[i] != NULL);
		fuzz_check_clean(a->tags[i], "");
	}
	FUZZ_CHECK(a->nblocks > 0);
	for (size_t i = 0; i < a->nblocks; i++) {
		const struct block *b = &a->blocks[i];
		FUZZ_CHECK(b->text != NULL);
		fuzz_check_clean(b->text, "\n\t");
		fuzz_check_clean(b->src, "");
		FUZZ_CHECK(b->quote >= 0);
		if (b->kind == BLOCK_HEADING)
			FUZZ_CHECK(b->level >= 1 && b->level <= 6);
		size_t n = strlen(b->text);
		for (size_t k = 0; k < b->nspans; k++) {
			const struct span *s = &b->spans[k];
			FUZZ_CHECK(s->start <= s->end && s->end <= n);
			if (s->style & SPAN_LINK)
				FUZZ_CHECK(s->link >= 0 && (size_t)s->link < a->nlinks);
		}
	}
	for (size_t i = 0; i < a->nlinks; i++) {
		const struct link *l = &a->links[i];
		FUZZ_CHECK(l->url != NULL);
		fuzz_check_clean(l->url, "");
		fuzz_check_clean(l->text, "");
		FUZZ_CHECK(l->block < a->nblocks);
		FUZZ_CHECK(l->heading >= -1 && l->heading < (int)a->nblocks);
		if (l->heading >= 0)
			FUZZ_CHECK((size_t)l->heading <= l->block &&
			    a->blocks[l->heading].kind == BLOCK_HEADING);
	}
	for (size_t i = 0; i < a->nquotes; i++) {
		const struct quote *q = &a->quotes[i];
		FUZZ_CHECK(q->text != NULL);
		fuzz_check_clean(q->text, "\n\t");
		FUZZ_CHECK(q->first_block <= q->last_block && q->last_block < a->nblocks);
		fuzz_check_clean(q->author, "");
		fuzz_check_clean(q->publication, "");
		fuzz_check_clean(q->title, "");
		fuzz_check_clean(q->cite_url, "");
		FUZZ_CHECK(q->year >= 0);
		if (i > 0)
			FUZZ_CHECK(a->quotes[i - 1].first_block <= q->first_block);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const char *charset = charsets[data[0] % (sizeof charsets / sizeof charsets[0])];
	const char *url = urls[(data[0] >> 4) % (sizeof urls / sizeof urls[0])];
	char *err = NULL;
	struct article *a = extract_page((const char *)data + 1, size - 1, url, charset, &err);
	if (a == NULL) {
		FUZZ_CHECK(err != NULL);
		fuzz_check_clean(err, "");
		free(err);
		return 0;
	}
	FUZZ_CHECK(err == NULL);
	check_article(a);

	struct buf out = {0};
	article_to_json(a, 0, &out);
	FUZZ_CHECK(out.len > 0 && utf8_valid(out.data, out.len));
	FUZZ_CHECK(memchr(out.data, '\0', out.len) == NULL);
	struct jvalue *v = jsonparse(out.data, out.len, &err);
	if (v == NULL) {
		/* Only the reader's node bound may refuse what the writer wrote. */
		FUZZ_CHECK(err != NULL && strstr(err, "too many values") != NULL);
		free(err);
	} else {
		FUZZ_CHECK(v->type == JSON_OBJECT);
		const char *title = jsonparse_get_str(v, "title");
		FUZZ_CHECK((title == NULL) == (a->title == NULL));
		FUZZ_CHECK(title == NULL || strcmp(title, a->title) == 0);
		const struct jvalue *blocks = jsonparse_get(v, "blocks");
		FUZZ_CHECK(blocks != NULL && blocks->type == JSON_ARRAY && blocks->n == a->nblocks);
		const struct jvalue *quotes = jsonparse_get(v, "quotes");
		FUZZ_CHECK(quotes != NULL && quotes->type == JSON_ARRAY && quotes->n == a->nquotes);
		jsonparse_free(v);
	}
	buf_free(&out);
	article_to_text(a, &out);
	FUZZ_CHECK(out.len == 0 || utf8_valid(out.data, out.len));
	buf_free(&out);
	article_free(a);
	return 0;
}
