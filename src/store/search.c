/* search.c — the store's search queries: ranked FTS5 hits over whole
 * articles or quotations (ranked by quire_bm25, rank.c), what each hit needs
 * to be shown, and the listing of quotations. */
#include "store.h"

#include <limits.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "util.h"

/* Search: the ranked hits, then what each needs to be shown. */

int
store_search(struct store *st, const char *match, bool quotes, size_t limit,
    struct store_hit **hits, size_t *n, char **errp)
{
	*hits = NULL;
	*n = 0;
	sqlite3_stmt *s = store_stmt(st, quotes ? ST_SEARCH_QUOTES : ST_SEARCH_TEXT, errp);
	if (s == NULL)
		return -1;
	store_bind_text(s, 1, match);
	sqlite3_bind_int64(s, 2, limit > INT_MAX ? INT_MAX : (long long)limit);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*hits = xreallocarray(*hits, *n + 1, sizeof **hits);
		struct store_hit *h = &(*hits)[(*n)++];
		h->article_id = sqlite3_column_int64(s, 0);
		h->idx = sqlite3_column_type(s, 1) == SQLITE_NULL ? -1 : sqlite3_column_int64(s, 1);
		h->score = sqlite3_column_double(s, 2);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		free(*hits);
		*hits = NULL;
		*n = 0;
		return store_db_error(st, errp, "library");
	}
	return 0;
}

/* Step s for one row; 1 on a row, 0 on none, -1 with *errp set. */
static int
step_row(struct store *st, sqlite3_stmt *s, char **errp)
{
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		return 1;
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_db_error(st, errp, "library");
}

int
store_hit_info_get(struct store *st, const struct store_hit *h, bool quote,
    struct store_hit_info *info, char **errp)
{
	memset(info, 0, sizeof *info);
	sqlite3_stmt *s;
	int rc;
	/* A text hit gets all its article's blocks; a quote, its own. */
	long long first = 0, last = LLONG_MAX;
	if ((s = store_stmt(st, ST_HIT_ARTICLE, errp)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, h->article_id);
	if ((rc = step_row(st, s, errp)) <= 0)
		return rc < 0 ? -1 : set_error(errp, "no article %lld", h->article_id);
	info->title = xstrdup(store_column_text(s, 0));
	info->site = xstrdup(store_column_text(s, 1));
	sqlite3_reset(s);
	if (quote) {
		if ((s = store_stmt(st, ST_HIT_QUOTE, errp)) == NULL)
			goto fail;
		sqlite3_bind_int64(s, 1, h->article_id);
		sqlite3_bind_int64(s, 2, h->idx);
		if ((rc = step_row(st, s, errp)) <= 0) {
			if (rc == 0)
				set_error(errp, "no quote %lld in article %lld", h->idx, h->article_id);
			goto fail;
		}
		info->quote_text = xstrdup(store_column_text(s, 0));
		first = sqlite3_column_int64(s, 1);
		last = sqlite3_column_int64(s, 2);
		info->author = xstrdup(store_column_text(s, 3));
		info->publication = xstrdup(store_column_text(s, 4));
		info->work = xstrdup(store_column_text(s, 5));
		info->year = sqlite3_column_int(s, 6);
		info->cite_url = xstrdup(store_column_text(s, 7));
		info->cite_raw = xstrdup(store_column_text(s, 8));
		sqlite3_reset(s);
	}
	info->first_block = first < 0 ? 0 : (size_t)first;
	if (quote) {
		if ((s = store_stmt(st, ST_HIT_HEADING, errp)) == NULL)
			goto fail;
		sqlite3_bind_int64(s, 1, h->article_id);
		sqlite3_bind_int64(s, 2, first);
		if ((rc = step_row(st, s, errp)) < 0)
			goto fail;
		if (rc > 0) {
			info->heading = xstrdup(store_column_text(s, 0));
			sqlite3_reset(s);
		}
	}
	{
		if ((s = store_stmt(st, ST_HIT_BLOCKS, errp)) == NULL)
			goto fail;
		sqlite3_bind_int64(s, 1, h->article_id);
		sqlite3_bind_int64(s, 2, first);
		sqlite3_bind_int64(s, 3, last);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			info->texts = xreallocarray(info->texts, info->ntexts + 1, sizeof *info->texts);
			info->is_heading = xreallocarray(info->is_heading, info->ntexts + 1,
			    sizeof *info->is_heading);
			info->is_heading[info->ntexts] = sqlite3_column_int(s, 1) != 0;
			info->texts[info->ntexts++] = xstrdup(store_column_text(s, 0));
		}
		sqlite3_reset(s);
		if (rc != SQLITE_DONE) {
			store_db_error(st, errp, "library");
			goto fail;
		}
	}
	return 0;
fail:
	store_hit_info_clear(info);
	return -1;
}

void
store_hit_info_clear(struct store_hit_info *info)
{
	char *fields[] = {
		info->title, info->site, info->heading, info->quote_text, info->author,
		info->publication, info->work, info->cite_url, info->cite_raw,
	};
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		free(fields[i]);
	for (size_t i = 0; i < info->ntexts; i++)
		free(info->texts[i]);
	free(info->texts);
	free(info->is_heading);
	memset(info, 0, sizeof *info);
}

int
store_quotes_list(struct store *st, long long id,
    int (*fn)(const struct store_quote_row *q, void *ctx), void *ctx, char **errp)
{
	sqlite3_stmt *s = store_stmt(st, ST_LIST_QUOTES, errp);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	int rc, ret = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_quote_row q = {
			.article_id = sqlite3_column_int64(s, 0),
			.article_title = store_column_text(s, 1),
			.idx = sqlite3_column_int64(s, 2),
			.kind = store_column_text(s, 3),
			.text = store_column_text(s, 4),
			.author = store_column_text(s, 5),
			.publication = store_column_text(s, 6),
			.work = store_column_text(s, 7),
			.year = sqlite3_column_int(s, 8),
			.cite_url = store_column_text(s, 9),
			.first_block = sqlite3_column_int64(s, 10),
			.last_block = sqlite3_column_int64(s, 11),
			.cite_raw = store_column_text(s, 12),
		};
		if ((ret = fn(&q, ctx)) != 0)
			break;
	}
	sqlite3_reset(s);
	if (ret == 0 && rc != SQLITE_DONE)
		return store_db_error(st, errp, "library");
	return ret;
}
