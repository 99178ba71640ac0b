/* article.c — the article model: growing its arrays, freeing it, and writing
 * it out as plain text or JSON. Blocks, links and quotes live in arrays owned
 * by the article; every string in it is a separate allocation it owns. */
#include "article.h"

#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "url.h"
#include "text.h"

struct article *
article_create(void)
{
	return xcalloc(1, sizeof(struct article));
}

void
article_free(struct article *a)
{
	if (a == NULL)
		return;
	free(a->title);
	free(a->author);
	free(a->published);
	free(a->modified);
	free(a->site_name);
	free(a->url);
	free(a->canonical_url);
	free(a->language);
	free(a->description);
	for (size_t i = 0; i < a->ntags; i++)
		free(a->tags[i]);
	free(a->tags);
	for (size_t i = 0; i < a->nblocks; i++) {
		free(a->blocks[i].text);
		free(a->blocks[i].src);
		free(a->blocks[i].spans);
	}
	free(a->blocks);
	for (size_t i = 0; i < a->nlinks; i++) {
		free(a->links[i].url);
		free(a->links[i].text);
	}
	free(a->links);
	for (size_t i = 0; i < a->nquotes; i++) {
		struct quote *q = &a->quotes[i];
		free(q->text);
		free(q->author);
		free(q->publication);
		free(q->title);
		free(q->cite_url);
		free(q->cite_raw);
	}
	free(a->quotes);
	for (size_t i = 0; i < a->nanchors; i++)
		free(a->anchors[i].name);
	free(a->anchors);
	free(a);
}

void
article_add_anchor(struct article *a, const char *name, size_t block)
{
	if (a->nanchors == a->anchors_cap) {
		a->anchors_cap = a->anchors_cap ? a->anchors_cap * 2 : 16;
		a->anchors = xreallocarray(a->anchors, a->anchors_cap, sizeof *a->anchors);
	}
	a->anchors[a->nanchors].name = xstrdup(name);
	a->anchors[a->nanchors++].block = block;
}

bool
article_find_anchor(const struct article *a, const char *name, size_t *block)
{
	char *want = url_fragment_decode(name);
	bool found = false;
	for (size_t i = 0; i < a->nanchors && !found; i++)
		if (strcmp(a->anchors[i].name, want) == 0) {
			*block = a->anchors[i].block;
			found = true;
		}
	free(want);
	return found;
}

void
article_set(char **field, const char *value)
{
	char *copy = xstrdup(value);
	free(*field);
	*field = copy;
}

size_t
article_add_block(struct article *a, block_kind kind, int level, int quote, const char *text)
{
	if (a->nblocks == a->blocks_cap) {
		a->blocks_cap = a->blocks_cap ? a->blocks_cap * 2 : 32;
		a->blocks = xreallocarray(a->blocks, a->blocks_cap, sizeof *a->blocks);
	}
	struct block *b = &a->blocks[a->nblocks];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->level = level;
	b->quote = quote;
	b->text = xstrdup(text ? text : "");
	return a->nblocks++;
}

struct block *
article_block(struct article *a, size_t i)
{
	if (i >= a->nblocks)
		fatal("block %zu of %zu", i, a->nblocks);
	return &a->blocks[i];
}

void
article_add_span(struct article *a, size_t block, size_t start, size_t end, int style, int link)
{
	struct block *b = article_block(a, block);
	if (start > end || end > strlen(b->text))
		fatal("span %zu-%zu outside block of %zu bytes", start, end, strlen(b->text));
	/* Spans are few per block: grow one at a time, doubling at powers of two. */
	if ((b->nspans & (b->nspans - 1)) == 0)
		b->spans = xreallocarray(b->spans, b->nspans ? b->nspans * 2 : 1, sizeof *b->spans);
	b->spans[b->nspans++] = (struct span){ start, end, style, link };
}

size_t
article_add_link(struct article *a, const char *url, const char *text, size_t block, int heading)
{
	if (a->nlinks == a->links_cap) {
		a->links_cap = a->links_cap ? a->links_cap * 2 : 16;
		a->links = xreallocarray(a->links, a->links_cap, sizeof *a->links);
	}
	struct link *l = &a->links[a->nlinks];
	l->url = xstrdup(url);
	l->text = xstrdup(text ? text : "");
	l->block = block;
	l->heading = heading;
	return a->nlinks++;
}

struct quote *
article_add_quote(struct article *a, quote_kind kind, const char *text, size_t first_block,
    size_t last_block)
{
	if (a->nquotes == a->quotes_cap) {
		a->quotes_cap = a->quotes_cap ? a->quotes_cap * 2 : 8;
		a->quotes = xreallocarray(a->quotes, a->quotes_cap, sizeof *a->quotes);
	}
	struct quote *q = &a->quotes[a->nquotes++];
	memset(q, 0, sizeof *q);
	q->kind = kind;
	q->text = xstrdup(text ? text : "");
	q->first_block = first_block;
	q->last_block = last_block;
	return q;
}

void
article_add_tag(struct article *a, const char *tag)
{
	for (size_t i = 0; i < a->ntags; i++)
		if (strcasecmp(a->tags[i], tag) == 0)
			return;
	a->tags = xreallocarray(a->tags, a->ntags + 1, sizeof *a->tags);
	a->tags[a->ntags++] = xstrdup(tag);
}

bool
block_is_text(block_kind kind)
{
	return kind != BLOCK_IMAGE && kind != BLOCK_RULE;
}

static const char *const block_names[] = {
	[BLOCK_PARAGRAPH] = "paragraph",
	[BLOCK_HEADING] = "heading",
	[BLOCK_LIST_ITEM] = "list_item",
	[BLOCK_PREFORMATTED] = "preformatted",
	[BLOCK_IMAGE] = "image",
	[BLOCK_RULE] = "rule",
};

static const char *const quote_names[] = {
	[QUOTE_BLOCK] = "block",
	[QUOTE_PULL] = "pull",
	[QUOTE_INLINE] = "inline",
	[QUOTE_Q] = "q",
};

const char *
block_kind_name(block_kind kind)
{
	return block_names[kind];
}

int
block_kind_parse(const char *name)
{
	for (size_t i = 0; i < sizeof block_names / sizeof block_names[0]; i++)
		if (strcmp(block_names[i], name) == 0)
			return (int)i;
	return -1;
}

const char *
quote_kind_name(quote_kind kind)
{
	return quote_names[kind];
}

int
quote_kind_parse(const char *name)
{
	for (size_t i = 0; i < sizeof quote_names / sizeof quote_names[0]; i++)
		if (strcmp(quote_names[i], name) == 0)
			return (int)i;
	return -1;
}

size_t
article_word_count(const struct article *a)
{
	size_t n = 0;
	for (size_t i = 0; i < a->nblocks; i++)
		if (block_is_text(a->blocks[i].kind))
			n += text_word_count(a->blocks[i].text);
	return n;
}

void
article_to_text(const struct article *a, struct buf *out)
{
	bool first = true;
	for (size_t i = 0; i < a->nblocks; i++) {
		const struct block *b = &a->blocks[i];
		if (!block_is_text(b->kind) || b->text[0] == '\0')
			continue;
		if (!first)
			buf_putc(out, '\n');
		first = false;
		buf_puts(out, b->text);
		buf_putc(out, '\n');
	}
}

static void
quote_to_json(struct json *j, const struct quote *q)
{
	json_object_begin(j);
	json_kv_string(j, "kind", quote_kind_name(q->kind));
	json_kv_string(j, "text", q->text);
	json_kv_int(j, "first_block", (long long)q->first_block);
	json_kv_int(j, "last_block", (long long)q->last_block);
	json_kv_string(j, "author", q->author);
	json_kv_string(j, "publication", q->publication);
	json_kv_string(j, "title", q->title);
	json_key(j, "year");
	if (q->year)
		json_int(j, q->year);
	else
		json_null(j);
	json_kv_string(j, "cite_url", q->cite_url);
	json_object_end(j);
}

void
article_to_json(const struct article *a, long long id, struct buf *out)
{
	struct json j;
	json_init(&j, out, true);
	json_object_begin(&j);
	if (id > 0)
		json_kv_int(&j, "id", id);
	json_kv_string(&j, "title", a->title);
	json_kv_string(&j, "author", a->author);
	json_kv_string(&j, "published", a->published);
	json_kv_string(&j, "modified", a->modified);
	json_kv_string(&j, "site_name", a->site_name);
	json_kv_string(&j, "url", a->url);
	json_kv_string(&j, "canonical_url", a->canonical_url);
	json_kv_string(&j, "language", a->language);
	json_kv_string(&j, "description", a->description);
	json_key(&j, "tags");
	json_array_begin(&j);
	for (size_t i = 0; i < a->ntags; i++)
		json_string(&j, a->tags[i]);
	json_array_end(&j);
	json_kv_int(&j, "word_count", (long long)article_word_count(a));

	json_key(&j, "blocks");
	json_array_begin(&j);
	for (size_t i = 0; i < a->nblocks; i++) {
		const struct block *b = &a->blocks[i];
		json_object_begin(&j);
		json_kv_string(&j, "kind", block_kind_name(b->kind));
		json_kv_int(&j, "level", b->level);
		json_kv_int(&j, "quote", b->quote);
		json_kv_string(&j, "text", b->text);
		if (b->kind == BLOCK_IMAGE)
			json_kv_string(&j, "src", b->src);
		if (b->kind == BLOCK_LIST_ITEM) {
			json_key(&j, "ordered");
			json_bool(&j, b->ordered);
		}
		if (b->nspans > 0) {
			json_key(&j, "spans");
			json_array_begin(&j);
			for (size_t k = 0; k < b->nspans; k++) {
				const struct span *s = &b->spans[k];
				json_object_begin(&j);
				json_kv_int(&j, "start", (long long)s->start);
				json_kv_int(&j, "end", (long long)s->end);
				json_key(&j, "style");
				json_array_begin(&j);
				if (s->style & SPAN_EMPHASIS) json_string(&j, "emphasis");
				if (s->style & SPAN_STRONG) json_string(&j, "strong");
				if (s->style & SPAN_CODE) json_string(&j, "code");
				if (s->style & SPAN_LINK) json_string(&j, "link");
				if (s->style & SPAN_QUOTE) json_string(&j, "quote");
				json_array_end(&j);
				if (s->style & SPAN_LINK)
					json_kv_int(&j, "link", s->link);
				json_object_end(&j);
			}
			json_array_end(&j);
		}
		json_object_end(&j);
	}
	json_array_end(&j);

	json_key(&j, "links");
	json_array_begin(&j);
	for (size_t i = 0; i < a->nlinks; i++) {
		const struct link *l = &a->links[i];
		json_object_begin(&j);
		json_kv_string(&j, "url", l->url);
		json_kv_string(&j, "text", l->text);
		json_kv_int(&j, "block", (long long)l->block);
		json_kv_string(&j, "heading", l->heading >= 0 ? a->blocks[l->heading].text : NULL);
		json_object_end(&j);
	}
	json_array_end(&j);

	json_key(&j, "quotes");
	json_array_begin(&j);
	for (size_t i = 0; i < a->nquotes; i++)
		quote_to_json(&j, &a->quotes[i]);
	json_array_end(&j);
	json_object_end(&j);
	buf_putc(out, '\n');
}
