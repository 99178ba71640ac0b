/* rank.c — quire_bm25(fts, K, w0, w1, ...), FTS5's bm25 ranking with column
 * weights w0.. (as bm25(fts, w0, w1, ...)), computed the same way and giving
 * the same scores to the rows that can be among the K best, but cheaper for
 * a word found in most of the library.
 *
 * What bm25 costs per matching row is mostly the row's length in tokens
 * (xColumnSize): one lookup in the index's docsize table, a statement run
 * per row; the term counts come from the position lists already in memory.
 * So this is max-score pruning (Turtle and Flood, 1995): a row's positions
 * give a lower bound on its length (each column is at least as long as the
 * end of its last match), and with it an upper bound on its score. The K best
 * exact scores so far are kept in a heap; a row whose bound cannot beat the
 * K-th of them is not looked up and gets its bound as its score, which sorts
 * after the K best. Thus `ORDER BY quire_bm25(...) LIMIT K` returns the same
 * rows, in the same order and with the same scores, as `ORDER BY bm25(...)
 * LIMIT K`, while most rows of a common word skip the lookup. Scores
 * returned for rows past the K-th are bounds, not exact: only the first K of
 * such a query are meaningful. K of 0 or less or over MAX_K, or a negative
 * weight, computes every row exactly. */
#include "rank.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* The largest K pruned for; a larger one computes every row exactly. */
#define MAX_K 100000

/* bm25's constants, as in FTS5. */
#define K1 1.2
#define B 0.75

/* What one query needs across its rows: per-phrase IDF and frequencies,
 * per-column weights and match ends, and the heap of the best scores. */
struct rank_data {
	int nphrase, ncol;
	double avgdl;
	double *idf;             /* [nphrase] */
	double *freq;            /* [nphrase], this row's weighted counts */
	double *weight;          /* [ncol] */
	int *col_end;            /* [ncol], this row's furthest match end */
	bool prune;              /* weights allow the bound */
	size_t k;                /* heap capacity: the LIMIT */
	double *heap;            /* max-heap of the best (lowest) exact scores */
	size_t nheap;
	sqlite3_int64 last_rowid;/* the row last put in the heap */
	bool any;                /* whether a row was put in the heap */
};

/* Free a rank_data (the auxdata destructor). */
static void
rank_data_free(void *p)
{
	struct rank_data *d = p;
	if (d == NULL)
		return;
	free(d->idf);
	free(d->freq);
	free(d->weight);
	free(d->col_end);
	free(d->heap);
	free(d);
}

/* xQueryPhrase callback: count the rows holding a phrase. */
static int
count_row(const Fts5ExtensionApi *api, Fts5Context *fts, void *ctx)
{
	(void)api;
	(void)fts;
	(*(sqlite3_int64 *)ctx)++;
	return SQLITE_OK;
}

/* Build the query's rank_data from the first row's call; NULL on error
 * (*rc set). */
static struct rank_data *
rank_data_create(const Fts5ExtensionApi *api, Fts5Context *fts, int nval, sqlite3_value **vals,
    int *rc)
{
	struct rank_data *d = xcalloc(1, sizeof *d);
	d->nphrase = api->xPhraseCount(fts);
	d->ncol = api->xColumnCount(fts);
	d->idf = xcalloc((size_t)d->nphrase + 1, sizeof *d->idf);
	d->freq = xcalloc((size_t)d->nphrase + 1, sizeof *d->freq);
	d->weight = xcalloc((size_t)d->ncol + 1, sizeof *d->weight);
	d->col_end = xcalloc((size_t)d->ncol + 1, sizeof *d->col_end);
	sqlite3_int64 limit = nval > 0 ? sqlite3_value_int64(vals[0]) : 0;
	d->prune = limit > 0 && limit <= MAX_K;
	d->k = d->prune ? (size_t)limit : 0;
	d->heap = xcalloc(d->k + 1, sizeof *d->heap);
	for (int c = 0; c < d->ncol; c++) {
		d->weight[c] = c + 1 < nval ? sqlite3_value_double(vals[c + 1]) : 1.0;
		if (!(d->weight[c] >= 0.0))
			d->prune = false;
	}
	sqlite3_int64 nrow = 0, ntoken = 0;
	*rc = api->xRowCount(fts, &nrow);
	if (*rc == SQLITE_OK)
		*rc = api->xColumnTotalSize(fts, -1, &ntoken);
	d->avgdl = (double)ntoken / (double)nrow;
	for (int i = 0; *rc == SQLITE_OK && i < d->nphrase; i++) {
		sqlite3_int64 nhit = 0;
		*rc = api->xQueryPhrase(fts, i, &nhit, count_row);
		/* Okapi IDF, floored just above zero as FTS5 does. */
		double idf = log(((double)nrow - (double)nhit + 0.5) / ((double)nhit + 0.5));
		d->idf[i] = idf <= 0.0 ? 1e-6 : idf;
	}
	if (*rc != SQLITE_OK) {
		rank_data_free(d);
		return NULL;
	}
	return d;
}

/* The bm25 score (negated: lower is better) of a row of length dl whose
 * weighted phrase counts are in d->freq. */
static double
score_of(const struct rank_data *d, double dl)
{
	double score = 0.0;
	for (int i = 0; i < d->nphrase; i++)
		score += d->idf[i] * ((d->freq[i] * (K1 + 1.0)) /
		    (d->freq[i] + K1 * (1 - B + B * dl / d->avgdl)));
	return -1.0 * score;
}

/* Put exact score s into the heap of the k best, dropping the worst. */
static void
heap_put(struct rank_data *d, double s)
{
	size_t i;
	if (d->nheap < d->k) {
		i = d->nheap++;
		while (i > 0 && d->heap[(i - 1) / 2] < s) {      /* sift up */
			d->heap[i] = d->heap[(i - 1) / 2];
			i = (i - 1) / 2;
		}
		d->heap[i] = s;
		return;
	}
	if (s >= d->heap[0])
		return;
	i = 0;                                                  /* sift down */
	for (;;) {
		size_t c = 2 * i + 1;
		if (c >= d->nheap)
			break;
		if (c + 1 < d->nheap && d->heap[c + 1] > d->heap[c])
			c++;
		if (d->heap[c] <= s)
			break;
		d->heap[i] = d->heap[c];
		i = c;
	}
	d->heap[i] = s;
}

/* The auxiliary function: see the top of the file. */
static void
quire_bm25(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nval,
    sqlite3_value **vals)
{
	int rc = SQLITE_OK;
	struct rank_data *d = api->xGetAuxdata(fts, 0);
	if (d == NULL) {
		if ((d = rank_data_create(api, fts, nval, vals, &rc)) == NULL) {
			sqlite3_result_error_code(ctx, rc);
			return;
		}
		if ((rc = api->xSetAuxdata(fts, d, rank_data_free)) != SQLITE_OK) {
			sqlite3_result_error_code(ctx, rc);
			return;
		}
	}
	memset(d->freq, 0, (size_t)d->nphrase * sizeof *d->freq);
	memset(d->col_end, 0, (size_t)d->ncol * sizeof *d->col_end);
	/* Each phrase's matches in this row, in order, as bm25 adds them up. */
	for (int i = 0; i < d->nphrase; i++) {
		Fts5PhraseIter it;
		int col, off;
		int size = api->xPhraseSize(fts, i);
		if ((rc = api->xPhraseFirst(fts, i, &it, &col, &off)) != SQLITE_OK) {
			sqlite3_result_error_code(ctx, rc);
			return;
		}
		for (; col >= 0; api->xPhraseNext(fts, &it, &col, &off)) {
			if (col >= d->ncol)
				continue;
			d->freq[i] += d->weight[col];
			if (off + size > d->col_end[col])
				d->col_end[col] = off + size;
		}
	}
	sqlite3_int64 rowid = api->xRowid(fts);
	bool again = d->any && rowid == d->last_rowid;
	if (d->prune && !again && d->nheap == d->k) {
		double lower = 0.0;             /* the row is at least this long */
		for (int c = 0; c < d->ncol; c++)
			lower += d->col_end[c];
		double bound = score_of(d, lower);
		if (bound > d->heap[0]) {       /* cannot be among the k best */
			sqlite3_result_double(ctx, bound);
			return;
		}
	}
	int ntok = 0;
	if ((rc = api->xColumnSize(fts, -1, &ntok)) != SQLITE_OK) {
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	double s = score_of(d, (double)ntok);
	if (d->k > 0 && !again) {
		heap_put(d, s);
		d->last_rowid = rowid;
		d->any = true;
	}
	sqlite3_result_double(ctx, s);
}

int
rank_register(sqlite3 *db, char **errp)
{
	fts5_api *api = NULL;
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &s, NULL) != SQLITE_OK)
		return set_error(errp, "library: %s", sqlite3_errmsg(db));
	sqlite3_bind_pointer(s, 1, &api, "fts5_api_ptr", NULL);
	sqlite3_step(s);
	sqlite3_finalize(s);
	if (api == NULL || api->iVersion < 2)
		return set_error(errp, "library: SQLite has no usable FTS5");
	if (api->xCreateFunction(api, "quire_bm25", NULL, quire_bm25, NULL) != SQLITE_OK)
		return set_error(errp, "library: %s", sqlite3_errmsg(db));
	return 0;
}
