/* quotes.c — quotations and their attribution.
 *
 * Two jobs, run once over the finished article:
 *  1. Every quote the block walker recorded (<blockquote>, pull quote, <q>)
 *     carries cite_raw, the attribution as the page printed it; we parse it
 *     into author / publication / title / year by its shape.
 *  2. Quotations the markup does not mark: quotation marks in running text.
 *     A quotation is kept when it is worth finding again: at least
 *     MIN_WORDS words, or a whole sentence of at least MIN_SENTENCE_WORDS
 *     words (capital first, sentence punctuation last). Shorter ones are
 *     scare quotes or titles. A quotation may run across paragraphs in two
 *     newspaper styles:
 *       (a) every continuing paragraph reopens with the opening mark and
 *           only the last one closes; the run ends at the first paragraph
 *           that closes it or does not reopen (a last paragraph that
 *           closes without reopening still belongs to it);
 *       (b) continuing paragraphs do not reopen at all. This is only
 *           believed when a lead-in introduces an excerpt (it names who
 *           wrote it and where or what, or ends in ';': "As written by X
 *           in P, in an article entitled T; “…"), or when the passage
 *           closes within MAX_LOOSE_RUN paragraphs. It ends at the first
 *           unmatched closing mark, or before a heading, list, rule,
 *           bare-URL paragraph, "— X" line or the next lead-in that opens
 *           a quotation. After an excerpt lead-in, a next paragraph that
 *           opens with a quotation is the excerpt's own, not style (a).
 *     Quotation marks nested inside a running quotation are balanced per
 *     paragraph; they never end it.
 *
 * Attribution comes from the text before the quotation (same paragraph,
 * or the previous one when it ends with ':', ';' or ','), then from the
 * text after it; quotes/attrib.c reads both. What is learnt about a
 * paragraph a run may cross is cached per block, so the whole pass is
 * linear in the article. Inline quotations are merged with the block
 * walker's quotes in block order. Last, a quotation whose work a link in
 * the article names gets that link as its source (quotes/source.c). */
#include "quotes.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "quotes/attrib.h"
#include "text.h"

enum {
	MIN_WORDS = 8,          /* a quotation at least this long is always kept */
	MIN_SENTENCE_WORDS = 4, /* a whole quoted sentence may be this short */
	MAX_LOOSE_RUN = 12,     /* style (b) without an excerpt lead-in: paragraphs to look ahead */
	MAX_DEPTH = 16,         /* nesting of quotation marks tracked */
};

/* Families of quotation marks; a closing mark only closes its own family. */
enum family { FAM_CURLY, FAM_STRAIGHT, FAM_GUILLEMET, FAM_SINGLE, NFAM };

struct mark {
	size_t off;             /* byte offset of the mark in the block text */
	unsigned char len;      /* its length in bytes */
	unsigned char fam;
	bool open;
};

struct marks {
	struct mark *v;
	size_t n, cap;
};

/* A top-level quotation within one paragraph: indexes into marks; close is
 * SIZE_MAX when the paragraph ends with it still open. */
struct top {
	size_t open, close;
};

struct tops {
	struct top *v;
	size_t n, cap;
	size_t unmatched[NFAM];  /* first closing mark with nothing open, or SIZE_MAX */
};

/* What a running quotation needs to know about a paragraph it may cross,
 * worked out once per block so that looking ahead stays linear. */
struct para_info {
	bool known;
	bool opens_new;          /* a lead-in here opens a quotation of its own */
	size_t close_off[NFAM];  /* first closing mark with nothing open, or SIZE_MAX */
	unsigned char close_len[NFAM];
};

/* Scratch state for one quotes_find pass. */
struct finder {
	struct article *a;
	bool *covered;           /* blocks inside a block or pull quote */
	struct para_info *info;  /* per block, filled on demand */
	size_t *q_head, *q_next; /* <q> quotes by block: first index, next index */
	struct marks m;
	struct tops t;
	struct quote *found;     /* inline quotations, in block order */
	size_t nfound, capfound;
};

/* ---- quotation marks ---- */

/* Append a mark to m. */
static void
marks_push(struct marks *m, size_t off, size_t len, int fam, bool open)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 32;
		m->v = xreallocarray(m->v, m->cap, sizeof *m->v);
	}
	m->v[m->n++] = (struct mark){ off, (unsigned char)len, (unsigned char)fam, open };
}

/* Whether cp may stand before an opening mark. */
static bool
opens_after(uint32_t cp)
{
	return cp == 0 || qt_is_space(cp) || cp == '(' || cp == '[' || cp == '{' || cp == '/' ||
	    cp == '-' || cp == 0x2014 || cp == 0x2013 || cp == 0x201c || cp == 0x2018 || cp == 0xab ||
	    cp == 0x201e || cp == 0x201a;
}

/* Whether cp may follow a closing mark. */
static bool
closes_before(uint32_t cp)
{
	return cp == 0 || qt_is_space(cp) || (cp < 0x80 && strchr(".,;:!?)]}-/", (int)cp)) ||
	    cp == 0x2014 || cp == 0x2013 || cp == 0x2026 || cp == 0x201d || cp == 0x2019 || cp == 0xbb;
}

/* Whether some mark of family fam is open on stack[0..depth). */
static bool
stack_has(const unsigned char *stack, int depth, int fam)
{
	for (int i = 0; i < depth; i++)
		if (stack[i] == fam)
			return true;
	return false;
}

/* Collect the quotation marks of s into m, deciding for straight quotes and
 * ’ whether they open, close or are something else (inch marks,
 * apostrophes). The nesting seen so far decides the single-quote cases. */
static void
scan_marks(const char *s, struct marks *m)
{
	size_t n = strlen(s);
	unsigned char stack[MAX_DEPTH];
	int depth = 0;
	m->n = 0;
	for (size_t i = 0; i < n;) {
		/* Every mark is '"', '\'' or starts with byte C2 (« ») or E2
		 * (the curly ones): skip other bytes without decoding. */
		unsigned char byte = (unsigned char)s[i];
		if (byte != '"' && byte != '\'' && byte != 0xc2 && byte != 0xe2) {
			i++;
			continue;
		}
		size_t len;
		uint32_t cp = qt_cp_at(s, n, i, &len);
		int fam = -1;
		bool open = false;
		uint32_t prev = qt_cp_before(s, i), next = qt_cp_at(s, n, i + len, NULL);
		switch (cp) {
		case 0x201c:
			/* English opens with “; German („…“) closes with it. */
			fam = FAM_CURLY;
			open = opens_after(prev) || !closes_before(next);
			break;
		case 0x201e: fam = FAM_CURLY; open = true; break;
		case 0x201d: fam = FAM_CURLY; break;
		case 0xab:
			/* French « … », German » … «: the side with the space decides. */
			fam = FAM_GUILLEMET;
			open = opens_after(prev) || !closes_before(next);
			break;
		case 0xbb:
			fam = FAM_GUILLEMET;
			open = opens_after(prev) && next != 0 && !qt_is_space(next) &&
			    !stack_has(stack, depth, FAM_GUILLEMET);
			break;
		case 0x201a: fam = FAM_SINGLE; open = true; break;
		case '"':
			if (opens_after(prev) && next != 0 && !qt_is_space(next))
				fam = FAM_STRAIGHT, open = true;
			else if (prev != 0 && !qt_is_space(prev) && closes_before(next))
				fam = FAM_STRAIGHT;
			break;
		case 0x2018:
		case '\'':
			if (opens_after(prev) && (qt_is_letter(next) || next == 0x201c || next == '"'))
				fam = FAM_SINGLE, open = true;
			else if (cp == '\'' && stack_has(stack, depth, FAM_SINGLE) && !qt_is_letter(next) &&
			    prev != 0 && !qt_is_space(prev))
				fam = FAM_SINGLE;
			break;
		case 0x2019:
			/* Between letters it is an apostrophe (don’t, Russia’s); after
			 * an s before a lower-case word it is a plural possessive. */
			if (!stack_has(stack, depth, FAM_SINGLE) || prev == 0 || qt_is_space(prev))
				break;
			if (qt_is_letter(prev) && (qt_is_letter(next) || qt_is_digit(next)))
				break;
			if ((prev == 's' || prev == 'S') && next == ' ' && i + len + 1 < n &&
			    !qt_is_upper(qt_cp_at(s, n, i + len + 1, NULL)) &&
			    qt_is_letter(qt_cp_at(s, n, i + len + 1, NULL)))
				break;
			fam = FAM_SINGLE;
			break;
		}
		if (fam >= 0) {
			marks_push(m, i, len, fam, open);
			if (open && depth < MAX_DEPTH)
				stack[depth++] = (unsigned char)fam;
			else if (!open && stack_has(stack, depth, fam)) {
				while (depth > 0 && stack[depth - 1] != fam)
					depth--;
				depth--;
			}
		}
		i += len;
	}
}

/* Pair the marks of one paragraph into top-level quotations, starting with
 * nothing open. */
static void
pair_marks(const struct marks *m, struct tops *t)
{
	unsigned char stack[MAX_DEPTH];
	int depth = 0;
	t->n = 0;
	for (int f = 0; f < NFAM; f++)
		t->unmatched[f] = SIZE_MAX;
	for (size_t i = 0; i < m->n; i++) {
		const struct mark *k = &m->v[i];
		if (k->open) {
			if (depth == 0) {
				if (t->n == t->cap) {
					t->cap = t->cap ? t->cap * 2 : 8;
					t->v = xreallocarray(t->v, t->cap, sizeof *t->v);
				}
				t->v[t->n++] = (struct top){ i, SIZE_MAX };
			}
			if (depth < MAX_DEPTH)
				stack[depth++] = k->fam;
		} else if (stack_has(stack, depth, k->fam)) {
			while (stack[depth - 1] != k->fam)
				depth--;
			if (--depth == 0)
				t->v[t->n - 1].close = i;
		} else if (depth == 0 && t->unmatched[k->fam] == SIZE_MAX)
			t->unmatched[k->fam] = i;
	}
}

/* ---- finding inline quotations ---- */

/* Whether block i may hold an inline quotation (running text outside any
 * block quote). */
static bool
eligible(const struct finder *f, size_t i)
{
	const struct block *b = &f->a->blocks[i];
	return (b->kind == BLOCK_PARAGRAPH || b->kind == BLOCK_LIST_ITEM) && b->quote == 0 &&
	    !f->covered[i];
}

/* Whether block i is skipped over by a running quotation (image, empty). */
static bool
transparent(const struct article *a, size_t i)
{
	const struct block *b = &a->blocks[i];
	return b->kind == BLOCK_IMAGE || (b->kind == BLOCK_PARAGRAPH && b->text[0] == '\0');
}

/* Index of the first block after i that is not transparent, or nblocks. */
static size_t
next_block(const struct article *a, size_t i)
{
	for (i++; i < a->nblocks && transparent(a, i); i++)
		;
	return i;
}

/* Whether the text is a bare URL (a source list, not prose). */
static bool
bare_url(const char *t)
{
	return (strncmp(t, "http://", 7) == 0 || strncmp(t, "https://", 8) == 0) && !strchr(t, ' ');
}

/* Whether the quotation text s[b, e) is long enough to be worth finding. */
static bool
worth_keeping(const char *s, size_t b, size_t e)
{
	qt_trim(s, &b, &e);
	if (e <= b)
		return false;
	char *t = xstrndup(s + b, e - b);
	size_t words = text_word_count(t);
	free(t);
	if (words >= MIN_WORDS)
		return true;
	uint32_t last = qt_cp_before(s, e);
	return words >= MIN_SENTENCE_WORDS && qt_is_upper(qt_cp_at(s, e, b, NULL)) &&
	    (last == '.' || last == '!' || last == '?' || last == 0x2026 || last == ',');
}

/* Whether block bi has a <q> span overlapping [b, e). */
static bool
overlaps_q(const struct block *bl, size_t b, size_t e)
{
	for (size_t k = 0; k < bl->nspans; k++)
		if ((bl->spans[k].style & SPAN_QUOTE) && bl->spans[k].start < e && bl->spans[k].end > b)
			return true;
	return false;
}

/* Whether the text before offset off ends with a word that makes what
 * follows a title ("an article entitled “…”"), not a quotation. */
static bool
names_a_title(const char *s, size_t off)
{
	static const char *const words[] = { "entitled", "titled", "called", "headlined", "named",
		"headline", "title", NULL };
	size_t e = off;
	while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == ','))
		e--;
	size_t b = e;
	while (b > 0 && s[b - 1] != ' ')
		b--;
	return qt_word_in(s + b, e - b, words);
}

/* Whether t is a short line that opens with a dash: "— X, P". */
static bool
dash_line(const char *t)
{
	uint32_t first = qt_cp_at(t, strlen(t), 0, NULL);
	return (qt_is_dash(first) || (t[0] == '-' && (t[1] == '-' || t[1] == ' '))) &&
	    text_word_count(t) <= ATTRIB_MAX_TRAIL_WORDS;
}

/* Whether block i already has a <q> quote with the text s[b, e). */
static bool
known_q(const struct finder *f, size_t i, const char *s, size_t b, size_t e)
{
	for (size_t k = f->q_head[i]; k != SIZE_MAX; k = f->q_next[k]) {
		const char *t = f->a->quotes[k].text;
		if (strlen(t) == e - b && memcmp(t, s + b, e - b) == 0)
			return true;
	}
	return false;
}

/* Read the lead-in before offset off of block i: its own text, else the
 * previous paragraph when that ends with ':', ';' or ','. *sep gets the
 * punctuation right before the quotation (0 if none). */
static bool
leadin_of(const struct article *a, size_t i, size_t off, struct attrib *at, uint32_t *sep)
{
	const char *s = a->blocks[i].text;
	size_t b = 0, e = off;
	qt_trim(s, &b, &e);
	*sep = 0;
	if (e > b) {
		uint32_t last = qt_cp_before(s, e);
		if (last == ';' || last == ':' || last == ',' || qt_is_dash(last)) {
			*sep = last;
			e -= last < 0x80 ? 1 : 3;
			qt_trim(s, &b, &e);
		} else if (last == '.' || last == '!' || last == '?')
			return false;   /* the quotation starts a sentence of its own */
		return e > b && attrib_leadin(s, b, e, at);
	}
	if (i == 0 || a->blocks[i - 1].kind != BLOCK_PARAGRAPH)
		return false;
	s = a->blocks[i - 1].text;
	b = 0, e = strlen(s);
	qt_trim(s, &b, &e);
	uint32_t last = qt_cp_before(s, e);
	if (e <= b || !(last == ':' || last == ';' || last == ','))
		return false;
	*sep = last;
	e--;
	qt_trim(s, &b, &e);
	return attrib_leadin(s, b, e, at);
}

/* Read attribution after a quotation that closes at offset off of block i
 * (or ends the block): the rest of the sentence, else a short "— X, P"
 * paragraph next. */
static void
trailing_of(const struct article *a, size_t i, size_t off, struct attrib *at)
{
	const char *s = a->blocks[i].text;
	size_t n = off + strnlen(s + off, ATTRIB_MAX_TRAIL), b = off;
	while (b < n && (s[b] == ' ' || s[b] == ',' || s[b] == '.'))
		b++;
	if (b < n) {
		if (s[off] != '.')
			attrib_trailing(s, off, n, at);
		return;
	}
	size_t j = i + 1;
	if (j >= a->nblocks || a->blocks[j].kind != BLOCK_PARAGRAPH)
		return;
	s = a->blocks[j].text;
	if (dash_line(s))
		attrib_dash(s, 0, strlen(s), at);
}

/* Record an inline quotation found over blocks first..last. */
static void
add_found(struct finder *f, char *text, size_t first, size_t last, struct attrib *at)
{
	if (f->nfound == f->capfound) {
		f->capfound = f->capfound ? f->capfound * 2 : 8;
		f->found = xreallocarray(f->found, f->capfound, sizeof *f->found);
	}
	struct quote *q = &f->found[f->nfound++];
	memset(q, 0, sizeof *q);
	q->kind = QUOTE_INLINE;
	q->text = text;
	q->first_block = first;
	q->last_block = last;
	attrib_apply(q, at);
}

/* Append s[b, e), trimmed, to out with one space between pieces. */
static void
append_piece(struct buf *out, const char *s, size_t b, size_t e)
{
	qt_trim(s, &b, &e);
	if (e <= b)
		return;
	if (out->len > 0)
		buf_putc(out, ' ');
	buf_append(out, s + b, e - b);
}

/* Whether block k opens with a quotation mark of family fam; sets *after
 * to the offset after it. */
static bool
reopens(const struct article *a, size_t k, int fam, size_t *after)
{
	const char *s = a->blocks[k].text;
	size_t n = strlen(s), i = 0, l;
	while (i < n && qt_is_space(qt_cp_at(s, n, i, &l)))
		i += l;
	uint32_t cp = qt_cp_at(s, n, i, &l);
	bool ok = (fam == FAM_CURLY && (cp == 0x201c || cp == 0x201e)) ||
	    (fam == FAM_STRAIGHT && cp == '"') ||
	    (fam == FAM_GUILLEMET && cp == 0xab);
	*after = i + l;
	return ok;
}

/* Whether block k is a lead-in that opens a new quotation of its own: a
 * named author, then ':', ';' or ',' and a long or unclosed quotation. */
static bool
opens_new_quote(struct finder *f, size_t k)
{
	const char *s = f->a->blocks[k].text;
	size_t n = strlen(s);
	for (size_t t = 0; t < f->t.n; t++) {
		const struct mark *o = &f->m.v[f->t.v[t].open];
		if (o->off == 0 || o->fam == FAM_SINGLE)
			continue;
		bool unclosed = f->t.v[t].close == SIZE_MAX;
		size_t qe = unclosed ? n : f->m.v[f->t.v[t].close].off;
		if (!unclosed && !worth_keeping(s, o->off + o->len, qe))
			continue;
		struct attrib at = { 0 };
		uint32_t sep;
		bool named = leadin_of(f->a, k, o->off, &at, &sep);
		bool strong = at.publication || at.title || unclosed;
		attrib_clear(&at);
		if (named && sep != 0 && strong)
			return true;
	}
	return false;
}

/* Return what a running quotation needs to know about block k. */
static const struct para_info *
para_info(struct finder *f, size_t k)
{
	struct para_info *in = &f->info[k];
	if (in->known)
		return in;
	scan_marks(f->a->blocks[k].text, &f->m);
	pair_marks(&f->m, &f->t);
	for (int fam = 0; fam < NFAM; fam++) {
		size_t u = f->t.unmatched[fam];
		in->close_off[fam] = u == SIZE_MAX ? SIZE_MAX : f->m.v[u].off;
		in->close_len[fam] = u == SIZE_MAX ? 0 : f->m.v[u].len;
	}
	in->opens_new = opens_new_quote(f, k);
	in->known = true;
	return in;
}

/* How a quotation left open at the end of its paragraph was introduced. */
enum intro {
	INTRO_NONE,       /* no lead-in naming who speaks */
	INTRO_SPEAKER,    /* "Smith said:" */
	INTRO_EXCERPT,    /* "As written by X in P, in an article entitled T;": an
	                   * excerpt, whose paragraphs keep their own quotations */
};

/* Follow a quotation left open at the end of block i (opening mark o) over
 * the paragraphs after it. Returns the last block it spans and fills out
 * (the text after the opening paragraph's part) and *close_end (offset
 * after the closing mark in the last block, SIZE_MAX if it never closes).
 * Returns i when it does not run on. */
static size_t
run_on(struct finder *f, size_t i, const struct mark *o, enum intro intro, struct buf *out,
    size_t *close_end)
{
	struct article *a = f->a;
	int fam = o->fam;
	bool excerpt = intro == INTRO_EXCERPT;
	size_t j = next_block(a, i), after;
	*close_end = SIZE_MAX;
	if (intro != INTRO_EXCERPT && j < a->nblocks && eligible(f, j) &&
	    a->blocks[j].kind == BLOCK_PARAGRAPH && reopens(a, j, fam, &after)) {
		/* Style (a): every continuing paragraph reopens. */
		size_t last = i;
		for (size_t k = j; k < a->nblocks;) {
			const char *s = a->blocks[k].text;
			scan_marks(s, &f->m);
			pair_marks(&f->m, &f->t);
			last = k;
			if (f->t.n > 0 && f->t.v[0].close != SIZE_MAX) {
				const struct mark *c = &f->m.v[f->t.v[0].close];
				append_piece(out, s, after, c->off);
				*close_end = c->off + c->len;
				break;
			}
			append_piece(out, s, after, strlen(s));
			k = next_block(a, k);
			if (k >= a->nblocks || !eligible(f, k) || a->blocks[k].kind != BLOCK_PARAGRAPH)
				break;
			if (!reopens(a, k, fam, &after)) {
				/* A last paragraph written without its opening mark
				 * still ends the run when it closes it. */
				const struct para_info *in = para_info(f, k);
				if (in->close_off[fam] != SIZE_MAX && !in->opens_new) {
					append_piece(out, a->blocks[k].text, 0, in->close_off[fam]);
					*close_end = in->close_off[fam] + in->close_len[fam];
					last = k;
				}
				break;
			}
		}
		return last;
	}
	/* Style (b): continuing paragraphs carry no mark. Find the end first,
	 * then copy the text. */
	size_t last = i, count = 0, close_off = SIZE_MAX;
	for (size_t k = j; k < a->nblocks; k = next_block(a, k)) {
		const struct block *b = &a->blocks[k];
		if (!eligible(f, k) || b->kind != BLOCK_PARAGRAPH || bare_url(b->text) ||
		    dash_line(b->text))
			break;
		const struct para_info *in = para_info(f, k);
		if (in->close_off[fam] != SIZE_MAX) {
			close_off = in->close_off[fam];
			*close_end = close_off + in->close_len[fam];
			last = k;
			break;
		}
		if (in->opens_new)
			break;
		last = k;
		if (!excerpt && ++count >= MAX_LOOSE_RUN)
			break;
	}
	if (!excerpt && close_off == SIZE_MAX)
		return i;
	for (size_t k = j; k <= last && last != i; k = next_block(a, k)) {
		const char *t = a->blocks[k].text;
		append_piece(out, t, 0, k == last && close_off != SIZE_MAX ? close_off : strlen(t));
	}
	return last;
}

/* Find the inline quotations of block i and the runs starting in it;
 * returns the next block to look at. */
static size_t
scan_block(struct finder *f, size_t i)
{
	struct article *a = f->a;
	const struct block *bl = &a->blocks[i];
	const char *s = bl->text;
	size_t n = strlen(s);
	scan_marks(s, &f->m);
	pair_marks(&f->m, &f->t);
	/* “A,” she said. “B.”: B is hers too, unless it says otherwise. */
	const char *speaker = NULL;
	for (size_t t = 0; t < f->t.n; t++) {
		/* run_on rescans other blocks into f->m: copy what we need. */
		struct mark o = f->m.v[f->t.v[t].open];
		size_t qb = o.off + o.len;
		struct attrib at = { 0 };
		uint32_t sep = 0;
		if (f->t.v[t].close != SIZE_MAX) {
			const struct mark *c = &f->m.v[f->t.v[t].close];
			size_t b = qb, e = c->off;
			qt_trim(s, &b, &e);
			if (!worth_keeping(s, qb, c->off) || overlaps_q(bl, o.off, c->off + c->len) ||
			    known_q(f, i, s, b, e) || names_a_title(s, o.off))
				continue;
			leadin_of(a, i, o.off, &at, &sep);
			if (at.author == NULL)
				trailing_of(a, i, c->off + c->len, &at);
			if (at.author == NULL && speaker != NULL)
				at.author = xstrdup(speaker);
			add_found(f, xstrndup(s + b, e - b), i, i, &at);
			speaker = f->found[f->nfound - 1].author;
			attrib_clear(&at);
			continue;
		}
		if (o.fam == FAM_SINGLE || overlaps_q(bl, o.off, n))
			break;
		/* Left open at the end of the paragraph: the last top-level one. */
		bool named = leadin_of(a, i, o.off, &at, &sep);
		enum intro intro = !named ? INTRO_NONE :
		    (at.publication || at.title || sep == ';') ? INTRO_EXCERPT :
		    sep != 0 ? INTRO_SPEAKER : INTRO_NONE;
		struct buf out = { 0 };
		append_piece(&out, s, qb, n);
		size_t close_end, last = run_on(f, i, &o, intro, &out, &close_end);
		if (last == i && !worth_keeping(s, qb, n)) {
			attrib_clear(&at);
			buf_free(&out);
			break;
		}
		if (at.author == NULL)
			trailing_of(a, last, close_end == SIZE_MAX ? strlen(a->blocks[last].text) :
			    close_end, &at);
		if (at.author == NULL && speaker != NULL)
			at.author = xstrdup(speaker);
		add_found(f, buf_detach(&out), i, last, &at);
		attrib_clear(&at);
		return last + 1;
	}
	return i + 1;
}

/* ---- quotes from the markup ---- */

/* Fill a marked-up quote's attribution from its cite text, else from a
 * lead-in in the paragraph before it or a "— X" line after it (block
 * quotes), or from the words around it (<q>). */
static void
attribute_marked(struct article *a, struct quote *q)
{
	struct attrib at = { 0 };
	if (q->cite_raw != NULL)
		attrib_cite(q->cite_raw, 0, strlen(q->cite_raw), &at);
	if (at.author == NULL && q->kind == QUOTE_Q && q->first_block < a->nblocks) {
		const struct block *b = &a->blocks[q->first_block];
		for (size_t k = 0; k < b->nspans; k++) {
			const struct span *sp = &b->spans[k];
			if (!(sp->style & SPAN_QUOTE) || sp->end - sp->start < strlen(q->text) ||
			    memmem(b->text + sp->start, sp->end - sp->start, q->text, strlen(q->text)) == NULL)
				continue;
			uint32_t sep;
			if (!leadin_of(a, q->first_block, sp->start, &at, &sep))
				trailing_of(a, q->first_block, sp->end, &at);
			break;
		}
	} else if (at.author == NULL && q->kind != QUOTE_Q && q->first_block > 0 &&
	    q->first_block <= a->nblocks) {
		/* "As Voltaire wrote in his 1765 essay T:" and then the block quote. */
		size_t p = q->first_block - 1;
		const char *s = a->blocks[p].text;
		size_t b = 0, e = strlen(s);
		qt_trim(s, &b, &e);
		uint32_t last = qt_cp_before(s, e);
		if (a->blocks[p].kind == BLOCK_PARAGRAPH && a->blocks[p].quote == 0 &&
		    (last == ':' || last == ';' || last == ',')) {
			e--;
			qt_trim(s, &b, &e);
			attrib_leadin(s, b, e, &at);
		}
	}
	size_t next = q->last_block + 1;
	if (at.author == NULL && q->kind != QUOTE_Q && next < a->nblocks &&
	    a->blocks[next].kind == BLOCK_PARAGRAPH && dash_line(a->blocks[next].text))
		attrib_dash(a->blocks[next].text, 0, strlen(a->blocks[next].text), &at);
	attrib_apply(q, &at);
}

/* Merge the inline quotations into a's quotes in block order. */
static void
merge_found(struct finder *f)
{
	struct article *a = f->a;
	if (f->nfound == 0)
		return;
	size_t n = a->nquotes + f->nfound, i = 0, j = 0, k = 0;
	struct quote *all = xreallocarray(NULL, n, sizeof *all);
	while (i < a->nquotes || j < f->nfound) {
		if (j == f->nfound || (i < a->nquotes && a->quotes[i].first_block <= f->found[j].first_block))
			all[k++] = a->quotes[i++];
		else
			all[k++] = f->found[j++];
	}
	free(a->quotes);
	a->quotes = all;
	a->nquotes = a->quotes_cap = n;
}

/* Drop the inline quotations of an earlier pass, so that a second pass
 * over the same article finds them once. */
static void
drop_inline(struct article *a)
{
	size_t k = 0;
	for (size_t i = 0; i < a->nquotes; i++) {
		struct quote *q = &a->quotes[i];
		if (q->kind != QUOTE_INLINE) {
			a->quotes[k++] = *q;
			continue;
		}
		free(q->text);
		free(q->author);
		free(q->publication);
		free(q->title);
		free(q->cite_url);
		free(q->cite_raw);
	}
	a->nquotes = k;
}

/* Put a's quotes in block order, a quote before those it contains: the
 * block walker records a <blockquote> when it closes, after the <q>s and
 * inner block quotes inside it. Insertion sort, stable; quotes are nearly
 * in order already, out of place only by the nesting. */
static void
sort_quotes(struct article *a)
{
	for (size_t i = 1; i < a->nquotes; i++) {
		struct quote q = a->quotes[i];
		size_t j = i;
		while (j > 0 && (a->quotes[j - 1].first_block > q.first_block ||
		    (a->quotes[j - 1].first_block == q.first_block &&
		    a->quotes[j - 1].last_block < q.last_block))) {
			a->quotes[j] = a->quotes[j - 1];
			j--;
		}
		a->quotes[j] = q;
	}
}

/* Attribute the marked-up quotes, then find and merge the inline ones. */
void
quotes_find(struct article *a)
{
	drop_inline(a);
	sort_quotes(a);
	struct finder f = { .a = a };
	f.covered = xcalloc(a->nblocks ? a->nblocks : 1, sizeof *f.covered);
	f.info = xcalloc(a->nblocks ? a->nblocks : 1, sizeof *f.info);
	f.q_head = xreallocarray(NULL, a->nblocks ? a->nblocks : 1, sizeof *f.q_head);
	f.q_next = xreallocarray(NULL, a->nquotes ? a->nquotes : 1, sizeof *f.q_next);
	for (size_t i = 0; i < a->nblocks; i++)
		f.q_head[i] = SIZE_MAX;
	for (size_t i = 0; i < a->nquotes; i++) {
		struct quote *q = &a->quotes[i];
		attribute_marked(a, q);
		if (q->kind == QUOTE_Q && q->first_block < a->nblocks) {
			f.q_next[i] = f.q_head[q->first_block];
			f.q_head[q->first_block] = i;
		}
		if (q->kind == QUOTE_BLOCK || q->kind == QUOTE_PULL)
			for (size_t k = q->first_block; k <= q->last_block && k < a->nblocks; k++) {
				if (f.covered[k])
					break;
				f.covered[k] = true;
			}
	}
	for (size_t i = 0; i < a->nblocks;)
		i = eligible(&f, i) ? scan_block(&f, i) : i + 1;
	merge_found(&f);
	quotes_link_sources(a);
	free(f.found);
	free(f.m.v);
	free(f.t.v);
	free(f.covered);
	free(f.info);
	free(f.q_head);
	free(f.q_next);
}
