/* test_quotes.c — the quote finder on articles built by hand: attribution
 * parsed from cite text, inline quotations in one paragraph and across
 * many, lead-in and trailing attribution, and what must not count as a
 * quotation (scare quotes, apostrophes, quotes inside block quotes). The
 * prose is our own. */
#include <stdlib.h>
#include <time.h>

#include "article.h"
#include "extract.h"
#include "quotes.h"
#include "test.h"
#include "util.h"

/* Build an article from paragraphs (NULL-terminated); "#" starts a heading. */
static struct article *
make(const char *const *paras)
{
	struct article *a = article_create();
	for (; *paras; paras++) {
		if ((*paras)[0] == '#')
			article_add_block(a, BLOCK_HEADING, 2, 0, *paras + 1);
		else
			article_add_block(a, BLOCK_PARAGRAPH, 0, 0, *paras);
	}
	return a;
}

/* Whether s ends with suffix. */
static bool
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Return the first quote of kind, or NULL. */
static const struct quote *
first_of(const struct article *a, quote_kind kind)
{
	for (size_t i = 0; i < a->nquotes; i++)
		if (a->quotes[i].kind == kind)
			return &a->quotes[i];
	return NULL;
}

/* Count the quotes of kind. */
static size_t
count_of(const struct article *a, quote_kind kind)
{
	size_t n = 0;
	for (size_t i = 0; i < a->nquotes; i++)
		n += a->quotes[i].kind == kind;
	return n;
}

static void
test_blockquote_cite(void)
{
	static const char *const p[] = {
		"The harbour board met on Tuesday.",
		"The tide tables were wrong for most of the spring, and nobody noticed until the ferry ran aground.",
		"Afterwards the board promised a review.",
		NULL
	};
	struct article *a = make(p);
	a->blocks[1].quote = 1;
	struct quote *q = article_add_quote(a, QUOTE_BLOCK, a->blocks[1].text, 1, 1);
	q->cite_raw = xstrdup("— Mara Ellison, The Harbour Courier");
	q->cite_url = xstrdup("https://example.org/tides");
	quotes_find(a);
	CHECK_INT(a->nquotes, 1);
	q = &a->quotes[0];
	CHECK_STR(q->author, "Mara Ellison");
	CHECK_STR(q->publication, "The Harbour Courier");
	CHECK_STR(q->title, NULL);
	CHECK_INT(q->year, 0);
	CHECK_STR(q->cite_url, "https://example.org/tides");
	article_free(a);

	/* A person, a work and a year in parentheses. */
	a = article_create();
	article_add_block(a, BLOCK_PARAGRAPH, 0, 1, "A city is a conversation that never quite ends.");
	q = article_add_quote(a, QUOTE_BLOCK, a->blocks[0].text, 0, 0);
	q->cite_raw = xstrdup("Ines Calder, Notes from the Lower Town (1962)");
	quotes_find(a);
	CHECK_STR(a->quotes[0].author, "Ines Calder");
	CHECK_STR(a->quotes[0].title, "Notes from the Lower Town");
	CHECK_STR(a->quotes[0].publication, NULL);
	CHECK_INT(a->quotes[0].year, 1962);
	article_free(a);

	/* A title-case work with a year is a title, not an outlet. */
	a = article_create();
	article_add_block(a, BLOCK_PARAGRAPH, 0, 1, "Every map is an argument about what matters.");
	q = article_add_quote(a, QUOTE_BLOCK, a->blocks[0].text, 0, 0);
	q->cite_raw = xstrdup("Ines Calder, The Drowned Atlas, 1971");
	quotes_find(a);
	CHECK_STR(a->quotes[0].author, "Ines Calder");
	CHECK_STR(a->quotes[0].title, "The Drowned Atlas");
	CHECK_INT(a->quotes[0].year, 1971);
	article_free(a);

	/* A <cite> alone: a person's name, or a work's title, by its shape. */
	static const struct { const char *cite, *author, *title, *publication; } alone[] = {
		{ "Tomas Reyes", "Tomas Reyes", NULL, NULL },
		{ "The Book of Small Hours and Other Stories", NULL, "The Book of Small Hours and Other Stories", NULL },
		{ "a letter to the harbour board", NULL, "a letter to the harbour board", NULL },
		{ "The Northern Ledger", NULL, NULL, "The Northern Ledger" },
		{ "Jason Wu in The Valley Times", "Jason Wu", NULL, "The Valley Times" },
		{ "by Ruth Okafor", "Ruth Okafor", NULL, NULL },
	};
	for (size_t i = 0; i < sizeof alone / sizeof alone[0]; i++) {
		a = article_create();
		article_add_block(a, BLOCK_PARAGRAPH, 0, 1, "Words.");
		q = article_add_quote(a, QUOTE_BLOCK, "Words.", 0, 0);
		q->cite_raw = xstrdup(alone[i].cite);
		quotes_find(a);
		CHECK_STR(a->quotes[0].author, alone[i].author);
		CHECK_STR(a->quotes[0].title, alone[i].title);
		CHECK_STR(a->quotes[0].publication, alone[i].publication);
		article_free(a);
	}
}

static void
test_blockquote_leadin(void)
{
	/* No <cite>: the paragraph before introduces the block quote. */
	static const char *const p[] = {
		"As Montaigne reminds us in his 1580 essay Of Idleness:",
		"The mind that has no fixed aim loses itself.",
		NULL
	};
	struct article *a = make(p);
	a->blocks[1].quote = 1;
	article_add_quote(a, QUOTE_BLOCK, a->blocks[1].text, 1, 1);
	quotes_find(a);
	CHECK_INT(a->nquotes, 1);
	CHECK_STR(a->quotes[0].author, "Montaigne");
	CHECK_STR(a->quotes[0].title, "Of Idleness");
	CHECK_INT(a->quotes[0].year, 1580);
	article_free(a);
}

static void
test_blockquote_dash_after(void)
{
	/* The attribution printed as a paragraph of its own after the quote. */
	static const char *const p[] = {
		"A harbour is a promise that the sea will be kept out.",
		"— Tomas Reyes, The Northern Ledger",
		NULL
	};
	struct article *a = make(p);
	a->blocks[0].quote = 1;
	article_add_quote(a, QUOTE_BLOCK, a->blocks[0].text, 0, 0);
	quotes_find(a);
	CHECK_INT(a->nquotes, 1);
	CHECK_STR(a->quotes[0].author, "Tomas Reyes");
	CHECK_STR(a->quotes[0].publication, "The Northern Ledger");
	article_free(a);
}

static void
test_pullquote(void)
{
	static const char *const p[] = {
		"We rebuilt the pier with the wood from the old cannery.",
		"Nothing here is wasted, not even the storms.",
		NULL
	};
	struct article *a = make(p);
	a->blocks[1].quote = 1;
	struct quote *q = article_add_quote(a, QUOTE_PULL, a->blocks[1].text, 1, 1);
	q->cite_raw = xstrdup("Tomas Reyes, harbourmaster");
	quotes_find(a);
	CHECK_INT(a->nquotes, 1);
	CHECK_INT(a->quotes[0].kind, QUOTE_PULL);
	CHECK_STR(a->quotes[0].author, "Tomas Reyes");
	article_free(a);
}

static void
test_q_element(void)
{
	const char *text = "Ada Moreau said, the lighthouse is older than the town and will outlast it.";
	struct article *a = article_create();
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, text);
	size_t start = strlen("Ada Moreau said, ");
	article_add_span(a, 0, start, strlen(text), SPAN_QUOTE, -1);
	article_add_quote(a, QUOTE_Q, text + start, 0, 0);
	quotes_find(a);
	CHECK_INT(a->nquotes, 1);
	CHECK_INT(a->quotes[0].kind, QUOTE_Q);
	CHECK_STR(a->quotes[0].author, "Ada Moreau");
	article_free(a);

	/* A <q> printed with marks is not found a second time as inline. */
	text = "She wrote “the lighthouse is older than the town and will outlast it” in 1990.";
	a = article_create();
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, text);
	start = strlen("She wrote ");
	size_t end = strstr(text, " in 1990") - text;
	article_add_span(a, 0, start, end, SPAN_QUOTE, -1);
	article_add_quote(a, QUOTE_Q, "the lighthouse is older than the town and will outlast it", 0, 0);
	quotes_find(a);
	CHECK_INT(a->nquotes, 1);
	CHECK_INT(count_of(a, QUOTE_INLINE), 0);
	article_free(a);

	/* Even when the block walker left no span for it. */
	a = article_create();
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, text);
	article_add_quote(a, QUOTE_Q, "the lighthouse is older than the town and will outlast it", 0, 0);
	quotes_find(a);
	CHECK_INT(a->nquotes, 1);
	article_free(a);
}

static void
test_inline_said(void)
{
	static const char *const p[] = {
		"The water rose overnight.",
		"“The river has not come this high in forty years, and the levee was never built for it,” "
		    "said Ruth Okafor, the town’s mayor.",
		"Ruth Okafor said: “We will rebuild the bridge before the first snow.”",
		"“Everyone who could carry sandbags came out,” Piet Janssen said.",
		NULL
	};
	struct article *a = make(p);
	quotes_find(a);
	CHECK_INT(count_of(a, QUOTE_INLINE), 3);
	const struct quote *q = &a->quotes[0];
	CHECK_STR(q->text, "The river has not come this high in forty years, and the levee was never built for it,");
	CHECK_INT(q->first_block, 1);
	CHECK_INT(q->last_block, 1);
	CHECK_STR(q->author, "Ruth Okafor");
	CHECK_STR(a->quotes[1].text, "We will rebuild the bridge before the first snow.");
	CHECK_STR(a->quotes[1].author, "Ruth Okafor");
	CHECK_STR(a->quotes[2].author, "Piet Janssen");
	article_free(a);

	/* The second quotation of a paragraph keeps the first one's speaker. */
	static const char *const p2[] = {
		"“The ferry will run again on Monday, weather permitting,” Piet Janssen said on Friday. "
		    "“After that we go back to the summer timetable and the extra evening crossing.”",
		"“Nobody told us about the new timetable before it was printed,” said Ines Calder. "
		    "“We found out from the notice on the pier like everyone else,” Tomas Reyes added.",
		NULL
	};
	a = make(p2);
	quotes_find(a);
	CHECK_INT(a->nquotes, 4);
	CHECK_STR(a->quotes[1].author, "Piet Janssen");
	CHECK_STR(a->quotes[2].author, "Ines Calder");
	CHECK_STR(a->quotes[3].author, "Tomas Reyes");
	article_free(a);
}

static void
test_straight_quotes(void)
{
	static const char *const p[] = {
		"Lena Park wrote: \"The archive holds more letters than anyone has had time to read.\"",
		"The 12\" records and the 7\" singles were stacked by the door.",
		"He called it a \"deal\" and left.",
		NULL
	};
	struct article *a = make(p);
	quotes_find(a);
	CHECK_INT(a->nquotes, 1);
	CHECK_STR(a->quotes[0].text, "The archive holds more letters than anyone has had time to read.");
	CHECK_STR(a->quotes[0].author, "Lena Park");
	article_free(a);
}

static void
test_reopened_closed(void)
{
	/* Newspaper style: each paragraph reopens, the last one closes. */
	static const char *const p[] = {
		"The surveyor described what she found.",
		"“We walked the length of the dyke in the rain and counted every crack we could see.",
		"“Some were old and had been patched with tar a long time ago.",
		"“Others were new, and those worried us more than anything,” she said.",
		"The council has not replied.",
		NULL
	};
	struct article *a = make(p);
	quotes_find(a);
	CHECK_INT(a->nquotes, 1);
	const struct quote *q = &a->quotes[0];
	CHECK_INT(q->first_block, 1);
	CHECK_INT(q->last_block, 3);
	CHECK_STR(q->text, "We walked the length of the dyke in the rain and counted every crack we could see. "
	    "Some were old and had been patched with tar a long time ago. "
	    "Others were new, and those worried us more than anything,");
	article_free(a);
}

static void
test_reopened_unclosed(void)
{
	/* Reopened paragraphs, never closed: ends at the first that does not reopen. */
	static const char *const p[] = {
		"“The orchard was planted by my grandfather in the year the railway came.",
		"“He chose the pears because they kept through the winter.",
		"The orchard was sold in 1998.",
		"#Later years",
		NULL
	};
	struct article *a = make(p);
	quotes_find(a);
	CHECK_INT(a->nquotes, 1);
	CHECK_INT(a->quotes[0].first_block, 0);
	CHECK_INT(a->quotes[0].last_block, 1);
	CHECK_STR(a->quotes[0].text, "The orchard was planted by my grandfather in the year the railway came. "
	    "He chose the pears because they kept through the winter.");
	article_free(a);
}

static void
test_speaker_unclosed(void)
{
	/* A speaker's quotation left open, then plain narration: the quotation
	 * is the rest of its own paragraph only. */
	static const char *const p[] = {
		"Ruth Okafor said: “We will rebuild the bridge before the first snow, whatever it costs.",
		"The council meets again on Thursday to discuss the budget.",
		"Most of the town expects the vote to go her way.",
		NULL
	};
	struct article *a = make(p);
	quotes_find(a);
	CHECK_INT(a->nquotes, 1);
	CHECK_INT(a->quotes[0].last_block, 0);
	CHECK_STR(a->quotes[0].text, "We will rebuild the bridge before the first snow, whatever it costs.");
	CHECK_STR(a->quotes[0].author, "Ruth Okafor");
	article_free(a);
}

static void
test_written_by_runs(void)
{
	/* Continuing paragraphs carry no marks; one run closes, the next never
	 * does and ends at the following lead-in; a heading inside a closed
	 * run's text is not a heading block here, but a real heading ends an
	 * unclosed run. Inner quotations are balanced per paragraph. */
	static const char *const p[] = {
		"I have read a great deal about the canal this year.",
		"As written by Odile Brandt in The Valley Times, in an article entitled The canal that "
		    "nobody owns: who pays for the locks?; “The locks at Ferris Bend were built in 1851 "
		    "and have been repaired eleven times since.",
		"Each repair was paid for by a different body, and the “temporary” arrangement of 1974 is still in force.",
		"“It is nobody’s canal,” one lock keeper said.",
		"Who owns the water?",
		"The answer, it turns out, depends on which bank you stand on.”",
		"That was the spring.",
		"As written by Kofi Mensah in The Northern Ledger, in an article entitled Barges return to "
		    "the upper reach; “Three barges passed the upper lock last week, the first since the floods.",
		"The operators say the channel is deep enough again for loaded boats.",
		"A fourth is expected in May, according to the harbour office.",
		"As written by Sunita Rao in The Valley Times; “The towpath reopened on Saturday after two years.",
		"Cyclists and walkers were back within the hour.",
		"#Sources",
		"The towpath is a public right of way.",
		NULL
	};
	struct article *a = make(p);
	quotes_find(a);
	CHECK_INT(count_of(a, QUOTE_INLINE), 3);
	const struct quote *q = &a->quotes[0];
	CHECK_INT(q->first_block, 1);
	CHECK_INT(q->last_block, 5);
	CHECK(strncmp(q->text, "The locks at Ferris Bend", 24) == 0);
	CHECK(ends_with(q->text, "depends on which bank you stand on."));
	CHECK_STR(q->author, "Odile Brandt");
	CHECK_STR(q->publication, "The Valley Times");
	CHECK_STR(q->title, "The canal that nobody owns: who pays for the locks?");
	q = &a->quotes[1];
	CHECK_INT(q->first_block, 7);
	CHECK_INT(q->last_block, 9);
	CHECK_STR(q->author, "Kofi Mensah");
	CHECK_STR(q->publication, "The Northern Ledger");
	CHECK_STR(q->title, "Barges return to the upper reach");
	CHECK(strstr(q->text, "according to the harbour office.") != NULL);
	q = &a->quotes[2];
	CHECK_INT(q->first_block, 10);
	CHECK_INT(q->last_block, 11);
	CHECK_STR(q->author, "Sunita Rao");
	CHECK_STR(q->publication, "The Valley Times");
	CHECK_STR(q->title, NULL);
	article_free(a);
}

static void
test_quoted_title(void)
{
	/* A long title in quotation marks is the work, not a quotation; an
	 * unclosed run ends at a "— X" line. */
	static const char *const p[] = {
		"As written by Odile Brandt in The Valley Times, in an article entitled “Who pays for the "
		    "locks when nobody owns the canal and the water belongs to everyone?”; “The locks at "
		    "Ferris Bend were built in 1851.",
		"They have been repaired eleven times since.",
		"— Odile Brandt, The Valley Times",
		"The council has not replied to our letters.",
		NULL
	};
	struct article *a = make(p);
	quotes_find(a);
	CHECK_INT(a->nquotes, 1);
	CHECK_STR(a->quotes[0].text, "The locks at Ferris Bend were built in 1851. They have been repaired eleven times since.");
	CHECK_STR(a->quotes[0].title, "Who pays for the locks when nobody owns the canal and the water belongs to everyone?");
	CHECK_INT(a->quotes[0].last_block, 1);
	article_free(a);
}

static void
test_excerpt_with_quotes(void)
{
	/* An excerpt's own paragraphs may open with a quotation of their own;
	 * that does not make them a reopened speaker's quotation. */
	static const char *const p[] = {
		"As written by Kofi Mensah in The Northern Ledger, in an article entitled Barges return; "
		    "“Three barges passed the upper lock last week, the first since the floods.",
		"“We have waited two years for this,” one skipper said as she tied up at the wharf.",
		"The operators say the channel is now deep enough for loaded boats.”",
		"The harbour office would not comment.",
		NULL
	};
	struct article *a = make(p);
	quotes_find(a);
	CHECK_INT(a->nquotes, 1);
	CHECK_INT(a->quotes[0].first_block, 0);
	CHECK_INT(a->quotes[0].last_block, 2);
	CHECK(ends_with(a->quotes[0].text, "deep enough for loaded boats."));
	article_free(a);
}

static void
test_teaches_us(void)
{
	static const char *const p[] = {
		"As Montaigne reminds us in his 1580 essay Of Cannibals; “Each man calls barbarism whatever "
		    "is not his own practice.”",
		"In her 1949 book The Long Quiet, Hedda Lind wrote: “Silence is not the absence of news but its slowest form.”",
		NULL
	};
	struct article *a = make(p);
	quotes_find(a);
	CHECK_INT(a->nquotes, 2);
	CHECK_STR(a->quotes[0].text, "Each man calls barbarism whatever is not his own practice.");
	CHECK_STR(a->quotes[0].author, "Montaigne");
	CHECK_STR(a->quotes[0].title, "Of Cannibals");
	CHECK_STR(a->quotes[0].publication, NULL);
	CHECK_INT(a->quotes[0].year, 1580);
	CHECK_STR(a->quotes[1].author, "Hedda Lind");
	CHECK_STR(a->quotes[1].title, "The Long Quiet");
	CHECK_INT(a->quotes[1].year, 1949);
	article_free(a);
}

/* "As X <verb> [object words] in his YEAR <work>[,] T; “…”" lead-ins. */
static void
test_verb_object_leadin(void)
{
	static const char *const p[] = {
		"As Odile Ferrand warned the engineers of Lyon in her 1912 lecture, On Bridges; “A "
		    "span is only as honest as its weakest rivet.”",
		"As Tobias Marr put it in his 1988 column Small Hours; “The night shift sees the city "
		    "with its make-up off.”",
		"As Ines Calder told her readers in their 2003 report The Dry Years; “Wells fail "
		    "slowly, then all at once.”",
		"As Pell Norquist noted in his sermon, Low Water; “Patience is a river that forgets "
		    "its source.”",
		"As the rain fell in the 1990s remake, “Everything on the screen looked wetter than it should.”",
		"As Maria Quint walked home in her 1998 coat; “The hill was longer than it looked "
		    "from the bus.”",
		"As Dov Lerner argued, in his 1950 essay Glass; “Clarity is a kind of courage.”",
		NULL
	};
	struct article *a = make(p);
	quotes_find(a);
	CHECK_INT(a->nquotes, 7);
	if (a->nquotes != 7) {
		article_free(a);
		return;
	}
	CHECK_STR(a->quotes[0].text, "A span is only as honest as its weakest rivet.");
	CHECK_STR(a->quotes[0].author, "Odile Ferrand");
	CHECK_STR(a->quotes[0].title, "On Bridges");
	CHECK_INT(a->quotes[0].year, 1912);
	CHECK_STR(a->quotes[1].author, "Tobias Marr");
	CHECK_STR(a->quotes[1].title, "Small Hours");
	CHECK_INT(a->quotes[1].year, 1988);
	CHECK_STR(a->quotes[2].author, "Ines Calder");
	CHECK_STR(a->quotes[2].title, "The Dry Years");
	CHECK_INT(a->quotes[2].year, 2003);
	CHECK_STR(a->quotes[3].author, "Pell Norquist");
	CHECK_STR(a->quotes[3].title, "Low Water");
	CHECK_INT(a->quotes[3].year, 0);
	/* Not a verb of saying, not a year, not a person: no attribution. */
	CHECK_STR(a->quotes[4].author, NULL);
	CHECK_STR(a->quotes[4].title, NULL);
	CHECK_INT(a->quotes[4].year, 0);
	CHECK_STR(a->quotes[5].author, NULL);
	CHECK_STR(a->quotes[5].title, NULL);
	CHECK_INT(a->quotes[5].year, 0);
	/* A comma between the verb and "in" is punctuation the template lacks. */
	CHECK_STR(a->quotes[6].author, NULL);
	CHECK_STR(a->quotes[6].title, NULL);
	article_free(a);
}

static void
test_according_and_told(void)
{
	static const char *const p[] = {
		"According to Hal Brenner, “the grain store will be empty by March unless the road reopens.”",
		"“Nobody expected the frost to last into the second week of April,” Mira Holt told the Valley Times.",
		"Mira Holt wrote in The Northern Ledger: “Frost in April is a gardener’s oldest enemy and newest surprise.”",
		NULL
	};
	struct article *a = make(p);
	quotes_find(a);
	CHECK_INT(a->nquotes, 3);
	CHECK_STR(a->quotes[0].author, "Hal Brenner");
	CHECK_STR(a->quotes[1].author, "Mira Holt");
	CHECK_STR(a->quotes[1].publication, "The Valley Times");
	CHECK_STR(a->quotes[2].author, "Mira Holt");
	CHECK_STR(a->quotes[2].publication, "The Northern Ledger");
	article_free(a);
}

static void
test_trailing_dash(void)
{
	static const char *const p[] = {
		"“A library is the one building in town where nobody asks you to buy anything.”",
		"— Greta Vos, The Valley Times",
		"“The best bread is the bread you share with a neighbour on a cold morning.” — Abel Ferro, Notes on Baking",
		NULL
	};
	struct article *a = make(p);
	quotes_find(a);
	CHECK_INT(a->nquotes, 2);
	CHECK_STR(a->quotes[0].author, "Greta Vos");
	CHECK_STR(a->quotes[0].publication, "The Valley Times");
	CHECK_STR(a->quotes[1].author, "Abel Ferro");
	CHECK_STR(a->quotes[1].title, "Notes on Baking");
	article_free(a);
}

static void
test_scare_quotes(void)
{
	static const char *const p[] = {
		"The so-called “experts” were nowhere to be seen when the “deal” fell apart.",
		"The committee called the plan “a fig leaf” and moved on.",
		"It was, as they say, “the done thing”.",
		NULL
	};
	struct article *a = make(p);
	quotes_find(a);
	CHECK_INT(a->nquotes, 0);
	article_free(a);
}

static void
test_nested(void)
{
	static const char *const p[] = {
		"“My father used to say ‘never trust a calm sea’ and he was right every single time,” said Jonas Eke.",
		"“She told me, “Take the early boat, the late one never comes,” and I listened to her,” Ada Moreau said.",
		NULL
	};
	struct article *a = make(p);
	quotes_find(a);
	CHECK_INT(a->nquotes, 2);
	CHECK_STR(a->quotes[0].text, "My father used to say ‘never trust a calm sea’ and he was right every single time,");
	CHECK_STR(a->quotes[0].author, "Jonas Eke");
	CHECK_STR(a->quotes[1].text, "She told me, “Take the early boat, the late one never comes,” and I listened to her,");
	CHECK_STR(a->quotes[1].author, "Ada Moreau");
	article_free(a);
}

static void
test_apostrophes(void)
{
	static const char *const p[] = {
		"‘It’s the workers’ own money, and they’ll decide how it’s spent in the end,’ said Nora Quist.",
		"The ’90s were hard on the mill; the owners’ sons sold it in ’03.",
		"“We didn’t know the ferry’s engine had failed until we’d already left the pier,” said Jonas Eke.",
		NULL
	};
	struct article *a = make(p);
	quotes_find(a);
	CHECK_INT(a->nquotes, 2);
	CHECK_STR(a->quotes[0].text, "It’s the workers’ own money, and they’ll decide how it’s spent in the end,");
	CHECK_STR(a->quotes[0].author, "Nora Quist");
	CHECK_STR(a->quotes[1].text, "We didn’t know the ferry’s engine had failed until we’d already left the pier,");
	article_free(a);
}

static void
test_inside_blockquote(void)
{
	static const char *const p[] = {
		"The mayor read from the letter.",
		"“We ask the council to keep the library open on Sundays, for the sake of the children.”",
		"“And for the sake of everyone else who has nowhere warm to sit,” she added.",
		NULL
	};
	struct article *a = make(p);
	a->blocks[1].quote = 1;
	article_add_quote(a, QUOTE_BLOCK, a->blocks[1].text, 1, 1);
	quotes_find(a);
	CHECK_INT(a->nquotes, 2);
	CHECK_INT(a->quotes[0].kind, QUOTE_BLOCK);
	CHECK_INT(a->quotes[1].kind, QUOTE_INLINE);
	CHECK_INT(a->quotes[1].first_block, 2);
	article_free(a);
}

static void
test_stray_mark(void)
{
	/* An unclosed mark without a lead-in does not swallow the article. */
	static const char *const p[] = {
		"He left a note that began “dear all and ended abruptly.",
		"The rest of the week passed quietly enough for the whole village.",
		"On Friday the bakery reopened and the queue reached the church.",
		NULL
	};
	struct article *a = make(p);
	quotes_find(a);
	CHECK_INT(a->nquotes, 0);
	article_free(a);
}

static void
test_other_languages(void)
{
	/* German „…“ and ‚…‘, French « … »: the same quotation rules. */
	static const char *const p[] = {
		"Die Bürgermeisterin sagte: „Wir werden die Brücke noch vor dem ersten Schnee wieder aufbauen.“",
		"Er nannte das „Provisorium“ und ging. Danach „schwieg“ er lange Zeit über alles.",
		"Le maire a déclaré : « Nous reconstruirons le pont avant la première neige de l’hiver. »",
		NULL
	};
	struct article *a = make(p);
	quotes_find(a);
	CHECK_INT(a->nquotes, 2);
	CHECK_STR(a->quotes[0].text, "Wir werden die Brücke noch vor dem ersten Schnee wieder aufbauen.");
	CHECK_STR(a->quotes[1].text, "Nous reconstruirons le pont avant la première neige de l’hiver.");
	article_free(a);
}

static void
test_author_shapes(void)
{
	static const struct { const char *para, *author; } cases[] = {
		{ "“The ward has had no power for three days and the generators are failing,” said Dr. Ines Calder.",
		    "Dr. Ines Calder" },
		{ "“We will open the new terminal before the end of the summer season,” said Harbour Authority "
		    "President Tomas Reyes.", "Tomas Reyes" },
		{ "“We will open the new terminal before the end of the summer season,” the Prime Minister said.", NULL },
		{ "“We will open the new terminal before the end of the summer season,” a Maryland-based analyst said.", NULL },
		{ "“We will open the new terminal before the end of the summer season,” It’s said.", NULL },
		{ "“The terminal opens in June, well before the end of the summer season,” Reyes said in June.",
		    "Reyes" },
		{ "“We are not closing the terminal, whatever the rumours in town say” – the rumours persisted anyway.",
		    NULL },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *const p[] = { cases[i].para, NULL };
		struct article *a = make(p);
		quotes_find(a);
		CHECK_INT(a->nquotes, 1);
		if (a->nquotes == 1) {
			CHECK_STR(a->quotes[0].author, cases[i].author);
			CHECK_STR(a->quotes[0].publication, NULL);
			CHECK_STR(a->quotes[0].title, NULL);
		}
		article_free(a);
	}

	/* A lead-in that ended its sentence does not attribute the next one. */
	static const char *const p[] = {
		"Reyes spoke in June. “The terminal opens well before the end of the summer season.”",
		NULL
	};
	struct article *a = make(p);
	quotes_find(a);
	CHECK_INT(a->nquotes, 1);
	CHECK_STR(a->quotes[0].author, NULL);
	article_free(a);
}

static void
test_cite_shapes(void)
{
	static const struct { const char *cite, *author, *publication; int year; } cases[] = {
		{ "Harbour Office (@harbouroffice) March 3, 2021", "Harbour Office", NULL, 2021 },
		{ "Source: The Valley Times", NULL, "The Valley Times", 0 },
		{ "Augusta Lind, Writer", "Augusta Lind", NULL, 0 },
		{ "— Kofi Mensah, valleytimes.example", "Kofi Mensah", "valleytimes.example", 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct article *a = article_create();
		article_add_block(a, BLOCK_PARAGRAPH, 0, 1, "Words.");
		struct quote *q = article_add_quote(a, QUOTE_BLOCK, "Words.", 0, 0);
		q->cite_raw = xstrdup(cases[i].cite);
		quotes_find(a);
		CHECK_STR(a->quotes[0].author, cases[i].author);
		CHECK_STR(a->quotes[0].publication, cases[i].publication);
		CHECK_STR(a->quotes[0].title, NULL);
		CHECK_INT(a->quotes[0].year, cases[i].year);
		article_free(a);
	}
}

/* A cite text split at commas: a person, a work, then a written date. The
 * date is a date (its year the year), and it does not push the work out. */
static void
test_cite_dates(void)
{
	static const struct { const char *cite, *author, *title, *publication; int year; const char *date; } cases[] = {
		{ "Edith Varco, harbourmaster's daybook, 14 March 1908", "Edith Varco",
		  "harbourmaster's daybook", NULL, 1908, "14 March 1908" },
		{ "Owen Tregear, notes on the reef, March 3, 1899", "Owen Tregear",
		  "notes on the reef", NULL, 1899, "March 3, 1899" },
		{ "Owen Tregear, a letter to his sister, Tuesday, 2 June 1925", "Owen Tregear",
		  "a letter to his sister", NULL, 1925, "Tuesday, 2 June 1925" },
		{ "Edith Varco, harbourmaster's daybook (14 March 1908)", "Edith Varco",
		  "harbourmaster's daybook", NULL, 1908, "14 March 1908" },
		{ "Edith Varco, 14th of March 1908", "Edith Varco", NULL, NULL, 1908, "14th of March 1908" },
		{ "Edith Varco, The Quay Gazette, 14 March 1908", "Edith Varco",
		  NULL, "The Quay Gazette", 1908, "14 March 1908" },
		/* A year alone, or a month in a work's name, is no full date. */
		{ "Ines Calder, The Drowned Atlas, 1971", "Ines Calder", "The Drowned Atlas", NULL, 1971, NULL },
		{ "May Lowen, Songs for May, 1971", "May Lowen", "Songs for May", NULL, 1971, NULL },
		{ "Edith Varco, the March crossing (1908)", "Edith Varco", "The March crossing", NULL, 1908, NULL },
		{ "Ruth Okafor, The 1st of May, 1886", "Ruth Okafor", "The 1st of May", NULL, 1886, NULL },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct article *a = article_create();
		article_add_block(a, BLOCK_PARAGRAPH, 0, 1, "Words.");
		struct quote *q = article_add_quote(a, QUOTE_BLOCK, "Words.", 0, 0);
		q->cite_raw = xstrdup(cases[i].cite);
		quotes_find(a);
		CHECK_STR(a->quotes[0].author, cases[i].author);
		CHECK_STR(a->quotes[0].title, cases[i].title);
		CHECK_STR(a->quotes[0].publication, cases[i].publication);
		CHECK_INT(a->quotes[0].year, cases[i].year);
		char *date = quotes_cite_date(cases[i].cite);
		CHECK_STR(date, cases[i].date);
		free(date);
		/* How the attribution is dated: that date, when it is in the
		 * quotation's year; never one of another year. */
		date = quotes_full_date(cases[i].cite, a->quotes[0].year);
		CHECK_STR(date, cases[i].date);
		free(date);
		date = quotes_full_date(cases[i].cite, cases[i].year + 1);
		CHECK_STR(date, NULL);
		free(date);
		article_free(a);
	}
	CHECK_STR(quotes_cite_date(NULL), NULL);
	CHECK_STR(quotes_full_date(NULL, 1912), NULL);
	CHECK_STR(quotes_full_date("Thomas Penhale, keeper's log, 9 January 1912", 0), NULL);
}

static void
test_json(void)
{
	static const char *const p[] = {
		"As written by Odile Brandt in The Valley Times, in an article entitled Locks and keys; "
		    "“The locks at Ferris Bend were built in 1851 and still work.”",
		NULL
	};
	struct article *a = make(p);
	quotes_find(a);
	quotes_find(a);
	CHECK_INT(a->nquotes, 1);
	struct buf out = { 0 };
	article_to_json(a, 0, &out);
	const char *j = buf_str(&out);
	CHECK(strstr(j, "\"kind\": \"inline\"") != NULL || strstr(j, "\"kind\":\"inline\"") != NULL);
	CHECK(strstr(j, "The locks at Ferris Bend were built in 1851 and still work.") != NULL);
	CHECK(strstr(j, "Odile Brandt") != NULL);
	CHECK(strstr(j, "Locks and keys") != NULL);
	buf_free(&out);
	article_free(a);
}

static void
test_fixture_page(void)
{
	/* Through the whole pipeline: our own WordPress-style page. */
	const char *top = getenv("TOP");
	char *path = xasprintf("%s/tests/fixtures/quotes/newspaper.html", top ? top : ".");
	char *data = NULL, *err = NULL;
	size_t len = 0;
	if (read_file(path, 1 << 20, &data, &len, &err) != 0) {
		fprintf(stderr, "%s\n", err);
		CHECK(0);
		free(err);
		free(path);
		return;
	}
	struct article *a = extract_page(data, len, NULL, NULL, &err);
	CHECK(a != NULL);
	if (a != NULL) {
		const struct quote *q = first_of(a, QUOTE_INLINE);
		CHECK(q != NULL);
		if (q != NULL) {
			CHECK_STR(q->author, "Odile Brandt");
			CHECK_STR(q->publication, "The Valley Times");
			CHECK_INT(q->last_block - q->first_block + 1, 4);
		}
	}
	free(err);
	article_free(a);
	free(data);
	free(path);
}

/* Add a link over the whole of block i's text, or over [start, end) when
 * end > 0, with text as its anchor text. Returns its index. */
static size_t
add_link(struct article *a, size_t i, const char *url, const char *text, size_t start, size_t end)
{
	size_t k = article_add_link(a, url, text, i, -1);
	article_add_span(a, i, start, end > 0 ? end : strlen(a->blocks[i].text), SPAN_LINK, (int)k);
	return k;
}

static void
test_title_matches(void)
{
	/* Case, punctuation, dashes, curly quotes, apostrophes; prefixes at a
	 * word boundary of three words or more; an ellipsis may cut a word. */
	static const struct { const char *work, *name; bool match; } cases[] = {
		{ "The canal that nobody owns: who pays for the locks?",
		  "The Canal That Nobody Owns — Who Pays For The Locks", true },
		{ "Barges return to the upper reach", "“Barges Return to the Upper Reach” | The Northern Ledger", true },
		{ "Barges return to the upper reach", "Barges return to the up…", true },
		{ "Barges return to the upper reach", "Barges return to the up", false },
		{ "Barges return to the upper reach", "Barges return", false },
		{ "The ferry’s last run", "The ferry's last run", true },
		{ "The ferry’s last run", "The ferrys last run", true },
		{ "Low Water", "low water", true },
		{ "Low Water", "Low Water Mark", false },
		{ "Who owns the river? A long answer in five parts", "Who owns the river?", true },
		{ "The Drowned Atlas", "Atlas of drowned towns", false },
		{ "Harbour Rowing Club annual report", "Harbour Rowing Club", false },
		{ "Harbour Rowing Club: the annual report", "Harbour Rowing Club", true },
		{ "The ferry’s last run", "The ferry's last run | Inland Waters", true },
		{ "The ferry’s last run", "The ferry's last run and other stories", false },
		{ "Moscow attack is grim reminder that large-scale acts", "Moscow attack is grim reminder that large", false },
		{ "The Drowned Atlas", "https://example.org/the-drowned-atlas", false },
		{ "", "", false },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		bool got = quotes_title_matches(cases[i].work, cases[i].name);
		if (got != cases[i].match)
			fprintf(stderr, "title case %zu: %s / %s\n", i, cases[i].work, cases[i].name);
		CHECK(got == cases[i].match);
	}
}

static void
test_source_headline(void)
{
	/* A sources list: each headline on its own line, the bare URL on the
	 * next, in the next paragraph or after a <br> in the same one. */
	static const char *const p[] = {
		"As written by Odile Brandt in The Valley Times, in an article entitled The canal that "
		    "nobody owns: who pays for the locks?; “The locks at Ferris Bend were built in 1851 "
		    "and have been repaired eleven times since.”",
		"As written by Kofi Mensah in The Northern Ledger, in an article entitled Barges return to "
		    "the upper reach; “Three barges passed the upper lock last week, the first since the floods.”",
		"#Sources",
		"The Canal That Nobody Owns – Who Pays for the Locks",
		"https://valley.example/2024/canal-owners?utm_source=share",
		"Barges return to the upper…\nhttps://ledger.example/barges",
		NULL
	};
	struct article *a = make(p);
	add_link(a, 4, "https://valley.example/2024/canal-owners?utm_source=share",
	    "https://valley.example/2024/canal-owners?utm_source=share", 0, 0);
	const char *t = a->blocks[5].text;
	size_t at = (size_t)(strchr(t, '\n') + 1 - t);
	add_link(a, 5, "https://ledger.example/barges", "https://ledger.example/barges", at, strlen(t));
	quotes_find(a);
	CHECK_INT(a->nquotes, 2);
	CHECK_STR(a->quotes[0].title, "The canal that nobody owns: who pays for the locks?");
	CHECK_STR(a->quotes[0].cite_url, "https://valley.example/2024/canal-owners?utm_source=share");
	CHECK_STR(a->quotes[1].title, "Barges return to the upper reach");
	CHECK_STR(a->quotes[1].cite_url, "https://ledger.example/barges");
	/* A second pass finds the same. */
	quotes_find(a);
	CHECK_INT(a->nquotes, 2);
	CHECK_STR(a->quotes[1].cite_url, "https://ledger.example/barges");
	article_free(a);
}

static void
test_source_link_text(void)
{
	/* The work's title is a link's text elsewhere in the article; of two
	 * links that agree, the longer agreement wins. */
	static const char *const p[] = {
		"As written by Kofi Mensah in The Northern Ledger, in an article entitled Barges return to "
		    "the upper reach; “Three barges passed the upper lock last week, the first since the floods.”",
		"Read “Barges Return to the Upper Reach” (The Northern Ledger) for the whole story.",
		"Mensah also wrote about barges for years before that.",
		NULL
	};
	struct article *a = make(p);
	const char *t = a->blocks[1].text;
	const char *b = strstr(t, "“Barges");
	size_t end = (size_t)(strstr(t, " for the whole") - t);
	add_link(a, 2, "https://ledger.example/tag/barges", "Mensah also wrote about barges", 0, 30);
	add_link(a, 1, "https://ledger.example/barges-return",
	    "“Barges Return to the Upper Reach” (The Northern Ledger)", (size_t)(b - t), end);
	quotes_find(a);
	CHECK_INT(a->nquotes, 1);
	CHECK_STR(a->quotes[0].cite_url, "https://ledger.example/barges-return");
	article_free(a);
}

static void
test_source_cite_attr(void)
{
	/* cite= on <blockquote> and <q> is the quotation's source and wins over
	 * a link named like the work; a quotation without one gets the link. */
	static const char page[] =
	    "<html><head><title>Lamps</title></head><body><article><h1>Lamps</h1>"
	    "<p>The keeper told us <q cite=\"/notes/lamp\">the lamp has burned every night for forty "
	    "years without a single miss</q> and went back up the stairs.</p>"
	    "<blockquote cite=\"https://archive.example/log\"><p>We logged every ship that passed the "
	    "point in the long winter of that year, and there were fewer than in any year before.</p>"
	    "<cite>Mara Ellison, The Lighthouse Log (1911)</cite></blockquote>"
	    "<p>The keepers wrote many things down over the years, and little of it was dull.</p>"
	    "<blockquote><p>No lamp was lit on the night of the storm, and the keeper was never "
	    "found, though his boots were on the landing.</p>"
	    "<cite>Mara Ellison, The Lighthouse Log (1911)</cite></blockquote>"
	    "<p>The whole log is online as <a href=\"https://library.example/lighthouse-log\">The "
	    "Lighthouse Log</a>, and it is worth an evening of anyone’s time.</p>"
	    "</article></body></html>";
	char *err = NULL;
	struct article *a = extract_page(page, sizeof page - 1, "https://lamps.example/essay", NULL, &err);
	CHECK(a != NULL);
	if (a == NULL) {
		fprintf(stderr, "%s\n", err);
		free(err);
		return;
	}
	const struct quote *q = first_of(a, QUOTE_Q);
	CHECK(q != NULL);
	if (q != NULL)
		CHECK_STR(q->cite_url, "https://lamps.example/notes/lamp");
	CHECK_INT(count_of(a, QUOTE_BLOCK), 2);
	size_t seen = 0;
	for (size_t i = 0; i < a->nquotes; i++) {
		if (a->quotes[i].kind != QUOTE_BLOCK)
			continue;
		CHECK_STR(a->quotes[i].title, "The Lighthouse Log");
		CHECK_STR(a->quotes[i].cite_url, seen++ == 0 ? "https://archive.example/log" :
		    "https://library.example/lighthouse-log");
	}
	article_free(a);
}

static void
test_source_no_match(void)
{
	/* Links named otherwise, too short a prefix, a publication's name that
	 * is not exact, prose before a bare URL: no source. */
	static const char *const p[] = {
		"As written by Odile Brandt in The Valley Times, in an article entitled The drowned atlas "
		    "of the lower valley; “Nine villages lie under the reservoir, and their maps were never redrawn.”",
		"As written by Sunita Rao in The Valley Times; “The towpath reopened on Saturday after two years.”",
		"Atlas of drowned towns",
		"The drowned atlas of the valley is a phrase people here use for the reservoir, and it "
		    "turns up in every guidebook, every sermon and every pub conversation in the county, "
		    "usually at length and usually late in the evening, with much feeling and few facts.",
		"https://valley.example/reservoir-guide",
		"The drowned, the lost and the found",
		NULL
	};
	struct article *a = make(p);
	add_link(a, 2, "https://maps.example/atlas", "Atlas of drowned towns", 0, 0);
	add_link(a, 4, "https://valley.example/reservoir-guide", "https://valley.example/reservoir-guide", 0, 0);
	add_link(a, 5, "https://valley.example/drowned", "The drowned", 0, 11);
	add_link(a, 5, "https://valley.example/", "The Valley Times front page", 13, 21);
	quotes_find(a);
	CHECK_INT(a->nquotes, 2);
	CHECK_STR(a->quotes[0].title, "The drowned atlas of the lower valley");
	CHECK_STR(a->quotes[0].cite_url, NULL);
	CHECK_STR(a->quotes[1].publication, "The Valley Times");
	CHECK_STR(a->quotes[1].cite_url, NULL);
	article_free(a);
}

/* The issue's cases, each through the whole pipeline (extract_page on a
 * page of our own): what kind of quotation is found, its words, and its
 * attribution. want_quotes 0 means none must be found. */
static const struct page_case {
	const char *name;
	const char *body;           /* inside <div class="entry-content"> */
	int want_quotes;
	quote_kind kind;
	const char *text_start;     /* the quote's text begins so */
	const char *author, *publication, *work;
	int year;
	const char *cite_url;
	int nblocks;                /* paragraphs it spans, 0: do not check */
} page_cases[] = {
	{ "block quote with <cite>",
	  "<blockquote class=\"wp-block-quote\"><p>Salt keeps the fish and the fishermen both.</p>"
	  "<cite>Lena Varga, The Coastal Ledger</cite></blockquote>",
	  1, QUOTE_BLOCK, "Salt keeps the fish", "Lena Varga", "The Coastal Ledger", NULL, 0, NULL, 1 },
	{ "pull quote",
	  "<figure class=\"wp-block-pullquote\"><blockquote><p>The net is only as strong as its "
	  "weakest knot.</p><cite>Ivo Marsh</cite></blockquote></figure>",
	  1, QUOTE_PULL, "The net is only", "Ivo Marsh", NULL, NULL, 0, NULL, 1 },
	{ "<q> with a said lead-in",
	  "<p>Mira Tal said <q>the smokehouse has burned its oak for a hundred winters</q> and "
	  "laughed.</p>",
	  1, QUOTE_Q, "the smokehouse has burned", "Mira Tal", NULL, NULL, 0, NULL, 1 },
	{ "long inline quotation in curly quotes, said X",
	  "<p>\u201cWe mend the nets in the morning and sell the catch by noon, and that has not "
	  "changed since my grandmother\u2019s day,\u201d said Bram Olt.</p>",
	  1, QUOTE_INLINE, "We mend the nets", "Bram Olt", NULL, NULL, 0, NULL, 1 },
	{ "long inline quotation in straight quotes, X said",
	  "<p>\"The gulls know the boats better than the harbour office does, every single one of "
	  "them,\" Bram Olt said.</p>",
	  1, QUOTE_INLINE, "The gulls know", "Bram Olt", NULL, NULL, 0, NULL, 1 },
	{ "a quotation across paragraphs",
	  "<p>Tove Lind, who ran the cannery for thirty years, put it this way: \u201cThe first "
	  "season we lost money on every tin we sealed.</p>"
	  "<p>\u201cThe second season we lost less, and the third we broke even on the herring "
	  "alone.</p>"
	  "<p>By the fourth we could pay everyone on time.\u201d</p>",
	  1, QUOTE_INLINE, "The first season", "Tove Lind", NULL, NULL, 0, NULL, 3 },
	{ "a quotation across paragraphs, each reopening",
	  "<p>Tove Lind put it this way: \u201cThe first season we lost money on every tin we "
	  "sealed.</p>"
	  "<p>\u201cThe second season we lost less, and the third we broke even.</p>"
	  "<p>\u201cBy the fourth we could pay everyone on time.\u201d</p>",
	  1, QUOTE_INLINE, "The first season", "Tove Lind", NULL, NULL, 0, NULL, 3 },
	{ "<cite> with a link, a work and a year",
	  "<blockquote><p>Never pour while the bronze still sings in the crucible.</p>"
	  "<cite><a href=\"https://example.org/founding\">Tobias Venn</a>, <em>Notes on "
	  "Founding</em>, 1871</cite></blockquote>",
	  1, QUOTE_BLOCK, "Never pour", "Tobias Venn", NULL, "Notes on Founding", 1871,
	  "https://example.org/founding", 1 },
	{ "As written by X in P, in an article entitled T;",
	  "<p>As written by Hanne Dahl in The Fjord Weekly, in an article entitled The Last "
	  "Cannery; \u201cWhen the cannery closed, the town lost its clock: nobody knew any more "
	  "when the day began.\u201d</p>",
	  1, QUOTE_INLINE, "When the cannery closed", "Hanne Dahl", "The Fjord Weekly",
	  "The Last Cannery", 0, NULL, 1 },
	{ "As X teaches us in his 1765 essay T;",
	  "<p>As Arno Pell teaches us in his 1765 essay On Tides; \u201cThe sea keeps no accounts, "
	  "yet it always collects what it is owed.\u201d</p>",
	  1, QUOTE_INLINE, "The sea keeps no accounts", "Arno Pell", NULL, "On Tides", 1765,
	  NULL, 1 },
	{ "according to X",
	  "<p>\u201cThe quay will be closed to cars from June until the new wall is finished,\u201d "
	  "according to Lena Varga.</p>",
	  1, QUOTE_INLINE, "The quay will be closed", "Lena Varga", NULL, NULL, 0, NULL, 1 },
	{ "a closing \u2014 X line",
	  "<p>\u201cA harbour without boats is only a puddle with a wall around it, however fine "
	  "the wall may be.\u201d</p><p>\u2014 Ivo Marsh, The Coastal Ledger</p>",
	  1, QUOTE_INLINE, "A harbour without boats", "Ivo Marsh", "The Coastal Ledger", NULL, 0,
	  NULL, 1 },
	{ "scare quotes are not quotations",
	  "<p>The so-called \u201cexperts\u201d left before the \u201cdeal\u201d was signed, and "
	  "the \u201cnew\u201d harbour looked much like the old one.</p>",
	  0, QUOTE_INLINE, NULL, NULL, NULL, NULL, 0, NULL, 0 },
};

/* Wrap body in a page of our own: a post with a title and plain paragraphs
 * around it, so extraction finds the article. Newly allocated. */
static char *
page_for(const char *body)
{
	return xasprintf("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
	    "<title>Notes from the Quay</title></head><body><article class=\"post\">"
	    "<h1 class=\"entry-title\">Notes from the Quay</h1><div class=\"entry-content\">"
	    "<p>The harbour wakes before the town does, and the first sound is always the winch on "
	    "the old slipway, complaining in the cold.</p>%s"
	    "<p>By evening the boats are in, the quay is hosed down, and the gulls have the last "
	    "word as they always do.</p></div></article></body></html>", body);
}

static void
test_issue_cases(void)
{
	for (size_t i = 0; i < sizeof page_cases / sizeof page_cases[0]; i++) {
		const struct page_case *c = &page_cases[i];
		char *page = page_for(c->body), *err = NULL;
		struct article *a = extract_page(page, strlen(page), NULL, NULL, &err);
		free(page);
		if (a == NULL) {
			fprintf(stderr, "%s: %s\n", c->name, err);
			free(err);
			CHECK(0);
			continue;
		}
		int failed = test_failed;
		CHECK_INT(a->nquotes, c->want_quotes);
		if (c->want_quotes > 0 && a->nquotes > 0) {
			const struct quote *q = &a->quotes[0];
			CHECK_INT(q->kind, c->kind);
			CHECK(strncmp(q->text, c->text_start, strlen(c->text_start)) == 0);
			CHECK_STR(q->author, c->author);
			CHECK_STR(q->publication, c->publication);
			CHECK_STR(q->title, c->work);
			CHECK_INT(q->year, c->year);
			CHECK_STR(q->cite_url, c->cite_url);
			if (c->nblocks > 0)
				CHECK_INT(q->last_block - q->first_block + 1, c->nblocks);
		}
		if (test_failed != failed)
			fprintf(stderr, "  in case: %s (quote text: %s)\n", c->name,
			    a->nquotes > 0 ? a->quotes[0].text : "none");
		article_free(a);
	}
}

/* The CPU seconds quotes_find may take on 10,000 paragraphs (more when
 * built with the sanitizers). */
static double
time_limit(void)
{
	return getenv("QUIRE_SANITIZED") ? 10.0 : 2.0;
}

/* Time quotes_find on a; returns seconds of CPU. */
static double
timed_find(struct article *a)
{
	clock_t t0 = clock();
	quotes_find(a);
	return (double)(clock() - t0) / CLOCKS_PER_SEC;
}

static void
test_speed(void)
{
	/* 10,000 paragraphs of quotations, runs and sections. */
	struct article *a = article_create();
	for (int i = 0; i < 10000; i++) {
		switch (i % 5) {
		case 0:
			article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "“The water came up to the second step and "
			    "stayed there all night long,” said Ruth Okafor.");
			break;
		case 1:
			article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "As written by Odile Brandt in The Valley "
			    "Times; “The locks were built in 1851 and still hold the river back.");
			break;
		case 2:
		case 3:
			article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "An ordinary paragraph of running text "
			    "with a “scare” quote and nothing else in it to speak of.");
			break;
		default:
			article_add_block(a, BLOCK_HEADING, 2, 0, "A section");
		}
	}
	double secs = timed_find(a);
	CHECK_INT(a->nquotes, 4000);
	CHECK_INT(a->quotes[1].last_block - a->quotes[1].first_block, 2);
	if (secs >= time_limit())
		fprintf(stderr, "quotes_find on 10,000 paragraphs took %.2f s\n", secs);
	CHECK(secs < time_limit());
	article_free(a);

	/* 10,000 paragraphs that each leave a mark open and never close it. */
	a = article_create();
	for (int i = 0; i < 10000; i++)
		article_add_block(a, BLOCK_PARAGRAPH, 0, 0, "He began “Dear all, I have nothing to add today except");
	secs = timed_find(a);
	CHECK_INT(a->nquotes, 10000);
	if (secs >= time_limit())
		fprintf(stderr, "quotes_find on 10,000 paragraphs took %.2f s\n", secs);
	CHECK(secs < time_limit());
	article_free(a);

	/* One paragraph of 5,000 quotations. */
	struct buf big = { 0 };
	for (int i = 0; i < 5000; i++)
		buf_puts(&big, "“The tide turned at noon and the boats came home one by one,” said Ruth Okafor. ");
	a = article_create();
	article_add_block(a, BLOCK_PARAGRAPH, 0, 0, buf_str(&big));
	buf_free(&big);
	secs = timed_find(a);
	CHECK_INT(a->nquotes, 5000);
	CHECK_STR(a->quotes[4999].author, "Ruth Okafor");
	if (secs >= time_limit())
		fprintf(stderr, "quotes_find on 10,000 paragraphs took %.2f s\n", secs);
	CHECK(secs < time_limit());
	article_free(a);
}

int
main(void)
{
	test_blockquote_cite();
	test_blockquote_leadin();
	test_blockquote_dash_after();
	test_pullquote();
	test_q_element();
	test_inline_said();
	test_straight_quotes();
	test_reopened_closed();
	test_reopened_unclosed();
	test_speaker_unclosed();
	test_written_by_runs();
	test_teaches_us();
	test_verb_object_leadin();
	test_excerpt_with_quotes();
	test_quoted_title();
	test_according_and_told();
	test_trailing_dash();
	test_scare_quotes();
	test_nested();
	test_apostrophes();
	test_inside_blockquote();
	test_stray_mark();
	test_other_languages();
	test_author_shapes();
	test_cite_shapes();
	test_cite_dates();
	test_json();
	test_fixture_page();
	test_issue_cases();
	test_speed();
	test_title_matches();
	test_source_headline();
	test_source_link_text();
	test_source_cite_attr();
	test_source_no_match();
	return test_done("test_quotes");
}
