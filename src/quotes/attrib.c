/* attrib.c — who is quoted: attribution read from the text around a
 * quotation and from attribution lines as pages print them.
 *
 * Lead-ins before a quotation ("As written by X in P, in an article
 * entitled T;") and the words after it ("…,” said X") are matched against
 * tables of templates with typed holes: {A} author, {P} publication,
 * {T} title, {Y} year, {D} determiner, {W} work noun, {V} verb of saying,
 * {O} verb of saying with object words, {X} anything. A small backtracking
 * matcher tries each template; every hole has a byte bound, so the work
 * per quotation is bounded, and cheap necessary conditions (a template's
 * longest literal, a verb of saying, the reach of a name) skip most tries. Printed
 * attributions ("— Jason Burke, The Guardian", "Voltaire, Questions sur
 * les miracles (1765)", a <cite> alone) are read by the shape of their
 * comma-separated parts: a person's name, an outlet, a work, a year.
 * Shapes are judged on capitalisation, so only scripts with case
 * (Latin, Greek, Cyrillic) yield names. */
#include "attrib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

enum {
	MAX_LEADIN = 600,       /* bytes of lead-in looked at before a quotation */
};

/* ---- characters ---- */

/* Decode the code point at s[i] (0 at or past n). */
uint32_t
qt_cp_at(const char *s, size_t n, size_t i, size_t *len)
{
	uint32_t cp = 0;
	size_t l = i < n ? utf8_decode(s + i, n - i, &cp) : 0;
	if (len)
		*len = l ? l : 1;
	return l ? cp : 0;
}

/* Decode the code point that ends just before s[i] (0 at the start). */
uint32_t
qt_cp_before(const char *s, size_t i)
{
	size_t j = i;
	while (j > 0) {
		j--;
		if (((unsigned char)s[j] & 0xc0) != 0x80)
			break;
	}
	if (j == i)
		return 0;
	uint32_t cp = 0;
	return utf8_decode(s + j, i - j, &cp) ? cp : 0xfffd;
}

/* Whether cp is a letter (ASCII, Latin-1, Latin Extended, Greek, Cyrillic). */
bool
qt_is_letter(uint32_t cp)
{
	if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
		return true;
	if (cp >= 0xc0 && cp <= 0x24f)
		return cp != 0xd7 && cp != 0xf7;
	return (cp >= 0x370 && cp <= 0x52f) || (cp >= 0x1e00 && cp <= 0x1fff);
}

/* Whether cp is an upper-case letter in the scripts qt_is_letter knows. */
bool
qt_is_upper(uint32_t cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return true;
	if (cp >= 0xc0 && cp <= 0xde)
		return cp != 0xd7;
	if (cp >= 0x100 && cp <= 0x17f) {
		if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17e))
			return cp & 1;
		return !(cp & 1) && cp != 0x138;
	}
	if (cp >= 0x1e00 && cp <= 0x1eff)
		return !(cp & 1);
	return (cp >= 0x391 && cp <= 0x3a9) || (cp >= 0x400 && cp <= 0x42f);
}

/* Whether cp is an ASCII digit. */
bool
qt_is_digit(uint32_t cp)
{
	return cp >= '0' && cp <= '9';
}

/* Whether cp is white space, including a kept line break. */
bool
qt_is_space(uint32_t cp)
{
	return cp == '\n' || text_is_space(cp);
}

/* Whether cp is a dash that introduces an attribution. */
bool
qt_is_dash(uint32_t cp)
{
	return cp == 0x2014 || cp == 0x2013 || cp == 0x2015 || cp == '~';
}

/* ---- words and shapes ---- */

/* Trim white space from both ends of s[*b, *e). */
void
qt_trim(const char *s, size_t *b, size_t *e)
{
	size_t l;
	while (*b < *e && qt_is_space(qt_cp_at(s, *e, *b, &l)))
		*b += l;
	while (*e > *b && qt_is_space(qt_cp_before(s, *e))) {
		size_t j = *e - 1;
		while (j > *b && ((unsigned char)s[j] & 0xc0) == 0x80)
			j--;
		*e = j;
	}
}

/* Whether the n bytes at s equal word w, ASCII case-insensitively. */
static bool
word_is(const char *s, size_t n, const char *w)
{
	unsigned char a = (unsigned char)s[0], b = (unsigned char)w[0];
	if (n > 0 && (a >= 'A' && a <= 'Z' ? a + 32 : a) != (b >= 'A' && b <= 'Z' ? b + 32 : b))
		return false;   /* cheap first-letter test before strlen */
	return strlen(w) == n && strncasecmp(s, w, n) == 0;
}

/* Whether s[0..n) is one of the words of list (NULL-terminated). */
bool
qt_word_in(const char *s, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (word_is(s, n, *list))
			return true;
	return false;
}

static const char *const name_particles[] = {
	"de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la", "le", "al",
	"bin", "ibn", "y", "ter", "dos", "das", NULL
};

/* Capitalised words that begin sentences, not names. */
static const char *const name_stopwords[] = {
	"the", "a", "an", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i",
	"you", "in", "on", "at", "as", "and", "but", "or", "so", "then", "when", "while", "if",
	"according", "some", "many", "most", "our", "his", "her", "their", "its", "one", "both",
	"each", "after", "before", "yet", "also", "meanwhile", "however", "still", "there", "here",
	"what", "who", "why", "how", "where", "said", "says", "for", "from", "with", "by", "to",
	"no", "not", "all", NULL
};

/* Words whose presence makes a capitalised phrase a publication. */
static const char *const publication_words[] = {
	"times", "post", "news", "journal", "magazine", "review", "guardian", "herald", "tribune",
	"gazette", "daily", "weekly", "economist", "press", "telegraph", "independent", "observer",
	"reuters", "bbc", "cnn", "npr", "monthly", "quarterly", "chronicle", "standard", "mail",
	"express", "atlantic", "yorker", "bulletin", "blog", "radio", "television", "tv", "online",
	"today", "globe", "mirror", "sun", "star", "record", "register", "inquirer", "examiner",
	"spectator", "statesman", "nation", "politico", "wired", "vox", "axios", "bloomberg",
	"forbes", "fortune", "associated", "agency", "network", "broadcasting", "report", "digest",
	"insider", "intercept", "substack", NULL
};

static const char *const determiners[] = {
	"his", "her", "their", "its", "the", "a", "an", "my", "our", "your", "this", "that", NULL
};

/* Nouns for a written or spoken work: "in his 1765 essay". */
static const char *const work_nouns[] = {
	"essay", "book", "article", "novel", "poem", "letter", "speech", "treatise", "column",
	"piece", "op-ed", "paper", "study", "report", "memoir", "play", "sermon", "lecture",
	"address", "post", "review", "interview", "editorial", "story", "tract", "pamphlet",
	"manifesto", "work", "dialogue", "diary", "journal", "blog", "thread", "tweet", "opinion",
	"commentary", "analysis", "feature", "account", "testimony", "statement", "book,", NULL
};

/* Stems of verbs that report speech or writing. */
static const char *const speech_stems[] = {
	"said", "say", "wrote", "writ", "teach", "taught", "tell", "told", "put", "observ", "note",
	"argu", "add", "explain", "warn", "declar", "remark", "recall", "insist", "state", "ask",
	"repl", "answer", "remind", "comment", "quip", "conclud", "continu", "tweet", "posted",
	"report", "claim", "suggest", "admit", "acknowledg", "announc", "describ", "urg", "reflect",
	"muse", "recount", "confess", "exclaim", "shout", "whisper", "cried", "cries", "opin",
	"pointed", "predict", "conced", "testif", "promis", "vow", "thunder", "sigh", "laugh",
	"joke", "lament", "complain", NULL
};

/* Advance *i past one space-separated word of s[..e); returns its end
 * (the word is s[start, end)). */
static size_t
next_word(const char *s, size_t *i, size_t e)
{
	while (*i < e && s[*i] == ' ')
		(*i)++;
	size_t start = *i;
	while (*i < e && s[*i] != ' ')
		(*i)++;
	return start;
}

/* Whether the word w[0..n) is shaped like part of a person's name. */
static bool
name_word(const char *w, size_t n, bool first)
{
	if (n == 0)
		return false;
	uint32_t c0 = qt_cp_at(w, n, 0, NULL);
	if (!qt_is_upper(c0))
		return !first && qt_word_in(w, n, name_particles);
	if (first && qt_word_in(w, n, name_stopwords))
		return false;
	size_t upper = 0, letters = 0;
	bool dot = false;
	for (size_t i = 0; i < n;) {
		size_t l;
		uint32_t cp = qt_cp_at(w, n, i, &l);
		if (qt_is_letter(cp)) {
			letters++;
			upper += qt_is_upper(cp);
		} else if (cp == '.')
			dot = true;
		else if (cp == '-' && i + 1 < n && !qt_is_upper(qt_cp_at(w, n, i + 1, NULL)))
			return false;   /* Maryland-based */
		else if (cp != '-' && cp != '\'' && cp != 0x2019)
			return false;
		i += l;
	}
	if (n > 2 && (w[n - 1] == 's' || w[n - 1] == 'S') &&
	    (w[n - 2] == '\'' || (n > 4 && memcmp(w + n - 4, "\xe2\x80\x99", 3) == 0)))
		return false;   /* It’s, Smith’s */
	/* ISKP, US: acronyms are organisations, not people; J. and J.R.R. pass. */
	return dot || upper < 2 || upper * 2 < letters;
}

/* Titles and roles that stand before a name ("Prime Minister", "Detective"). */
static const char *const role_words[] = {
	"president", "minister", "prime", "founder", "co-founder", "ceo", "director", "chairman",
	"chairwoman", "chair", "senator", "sen.", "governor", "gov.", "mayor", "secretary", "general",
	"chief", "officer", "professor", "prof.", "detective", "sergeant", "sgt.", "captain",
	"lieutenant", "commissioner", "spokesman", "spokeswoman", "spokesperson", "representative",
	"rep.", "judge", "justice", "attorney", "councillor", "councilman", "councilwoman", "editor",
	"writer", "author", "reporter", "correspondent", "analyst", "manager", "head", "leader",
	"chancellor", "ambassador", "coach", "police", "pope", "king", "queen", "prince", "princess",
	"executive", "vice", "deputy", "owner", "partner", "researcher", "scientist", "doctor",
	"officials", "official", NULL
};

/* Whether s[0..n) is shaped like a person's name: one to five capitalised
 * words, name particles inside, no digits, no sentence-opening word, not
 * ending in a role ("Prime Minister"). */
static bool
name_shaped(const char *s, size_t n)
{
	size_t i = 0, words = 0;
	bool last_capital = false, last_role = false;
	while (i < n) {
		size_t b = next_word(s, &i, n);
		if (i == b)
			break;
		if (!name_word(s + b, i - b, words == 0))
			return false;
		last_capital = qt_is_upper(qt_cp_at(s + b, i - b, 0, NULL));
		last_role = qt_word_in(s + b, i - b, role_words);
		if (++words > 5)
			return false;
	}
	return words > 0 && last_capital && !last_role;
}

/* Move *b past the words of s[*b, e) up to the last role word, so that
 * "Microsoft President Brad Smith" gives "Brad Smith". */
static void
skip_roles(const char *s, size_t *b, size_t e)
{
	size_t i = *b, after = *b;
	while (i < e) {
		size_t w = next_word(s, &i, e);
		if (i == w)
			break;
		if (qt_word_in(s + w, i - w, role_words))
			after = i;
	}
	*b = after;
}

/* Whether s[0..n) is shaped like a publication: an optional "the", then
 * capitalised words with connectors, or a domain name. */
static bool
publication_shaped(const char *s, size_t n)
{
	static const char *const connectors[] = { "of", "and", "&", "for", "on", "de", "la", "du",
		"des", "der", "die", "das", "el", "the", "in", "at", NULL };
	size_t i = 0, words = 0;
	bool last_capital = false, space = false;
	for (size_t k = 0; k < n; k++)
		space |= s[k] == ' ';
	if (!space && memchr(s, '.', n) && n > 3 && s[n - 1] != '.')
		return true;
	while (i < n) {
		size_t b = next_word(s, &i, n);
		if (i == b)
			break;
		uint32_t c0 = qt_cp_at(s + b, i - b, 0, NULL);
		bool cap = qt_is_upper(c0) || qt_is_digit(c0);
		if (!cap && !qt_word_in(s + b, i - b, connectors))
			return false;
		if (words == 0 && !cap && !word_is(s + b, i - b, "the"))
			return false;
		for (size_t k = b; k < i; k++)
			if (strchr(",;:!?\"", s[k]))
				return false;
		last_capital = cap;
		if (++words > 8)
			return false;
	}
	return words > 0 && last_capital;
}

/* Whether a publication-shaped phrase names an outlet rather than a work. */
static bool
looks_like_outlet(const char *s, size_t n)
{
	if (!publication_shaped(s, n))
		return false;
	size_t i = 0, words = 0;
	bool space = false;
	for (size_t k = 0; k < n; k++)
		space |= s[k] == ' ';
	if (!space && memchr(s, '.', n))
		return true;
	while (i < n) {
		size_t b = next_word(s, &i, n);
		if (i == b)
			break;
		words++;
		if (qt_word_in(s + b, i - b, publication_words))
			return true;
	}
	return words <= 3 && text_starts_with_ci(s, "the ");
}

/* Whether s[0..n) starts with a month or weekday name ("in June"). */
static bool
starts_with_date_word(const char *s, size_t n)
{
	static const char *const words[] = { "january", "february", "march", "april", "may",
		"june", "july", "august", "september", "october", "november", "december", "monday",
		"tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "jan.", "feb.",
		"aug.", "sept.", "sep.", "oct.", "nov.", "dec.", NULL };
	size_t i = 0, w = next_word(s, &i, n);
	while (i > w && strchr(".,", s[i - 1]))
		i--;
	return qt_word_in(s + w, i - w, words);
}

/* Parse a four-digit year 1000–2099 from s[0..n); returns 0 otherwise. */
static int
parse_year(const char *s, size_t n)
{
	if (n != 4)
		return 0;
	int y = 0;
	for (size_t i = 0; i < 4; i++) {
		if (!qt_is_digit((unsigned char)s[i]))
			return 0;
		y = y * 10 + (s[i] - '0');
	}
	return y >= 1000 && y <= 2099 ? y : 0;
}

/* Whether s[0..n) is one to four lower-case words with a verb of saying. */
static bool
verb_phrase(const char *s, size_t n)
{
	size_t i = 0, words = 0;
	bool speech = false;
	while (i < n) {
		size_t b = next_word(s, &i, n);
		if (i == b)
			break;
		for (size_t k = b; k < i; k++) {
			uint32_t cp = (unsigned char)s[k];
			if (!(cp >= 'a' && cp <= 'z') && cp != '-' && cp < 0x80)
				return false;
		}
		for (const char *const *st = speech_stems; *st && !speech; st++)
			speech = s[b] == (*st)[0] && strncmp(s + b, *st, strlen(*st)) == 0;
		if (++words > 4)
			return false;
	}
	return words > 0 && speech;
}

/* Whether s[0..n) is a verb of saying and up to six words after it, any
 * case, no punctuation ("warned the students of Harvard", "put it"). */
static bool
verb_object(const char *s, size_t n)
{
	size_t i = 0, words = 0;
	while (i < n) {
		size_t b = next_word(s, &i, n);
		if (i == b)
			break;
		for (size_t k = b; k < i; k++)
			if (strchr(",;:.!?()\"", s[k]) || qt_is_digit((unsigned char)s[k]))
				return false;
		if (words == 0 && !verb_phrase(s + b, i - b))
			return false;
		if (++words > 7)
			return false;
	}
	return words > 1;
}

/* ---- attribution patterns ---- */

/* Holes: A author, P publication, T title, Y year, D determiner, W work
 * noun, V verb phrase of saying, O verb of saying with object words ("warned
 * the students of Harvard"), X anything (an appositive). Lead-in
 * patterns must match up to the quotation; trailing patterns start right
 * after it. Most specific first. */
static const char *const leadin_patterns[] = {
	"as written by {A} in {P}, in {D} {W} entitled {T}",
	"as written by {A} in {P}, in {D} {W} titled {T}",
	"as written by {A} in {P}, in {D} {W} called {T}",
	"as written by {A} in {P}",
	"as written by {A}",
	"as {A} {V} in {D} {Y} {W} {T}",
	"as {A} {V} in {D} {Y} {W}, {T}",
	"as {A} {V} in {D} {Y} {W}",
	"as {A} {V} in {D} {W} {T}",
	"as {A} {V} in {D} {W}, {T}",
	"as {A} {O} in {D} {Y} {W} {T}",
	"as {A} {O} in {D} {Y} {W}, {T}",
	"as {A} {O} in {D} {Y} {W}",
	"as {A} {O} in {D} {W} {T}",
	"as {A} {O} in {D} {W}, {T}",
	"as {A} {V} in {P}, in {D} {W} entitled {T}",
	"as {A} {V} in {P}",
	"as {A} {V}",
	"in {D} {Y} {W} {T}, {A} {V}",
	"in {D} {Y} {W}, {A} {V}",
	"in {D} {W} {T}, {A} {V}",
	"{A} wrote in {P}, in {D} {W} entitled {T}",
	"{A} wrote in {D} {Y} {W} {T}",
	"{A} wrote in {D} {W} {T}",
	"{A} {V} in {P}",
	"{A} told {P}",
	"according to {A} in {P}",
	"according to {A}",
	"{A}, {X}, {V}",
	"{A} {V}",
	NULL
};

static const char *const trailing_patterns[] = {
	"{V} {A}, writing in {P}",
	"{V} {A} in {P}",
	"{A} told {P}",
	"{A} wrote in {P}",
	"according to {A}",
	"{A}, {X}, {V}",
	"{V} {A}",
	"{A} {V}",
	NULL
};

/* The spans a match captured, as [start, end) byte ranges. */
struct caps {
	size_t a[2], p[2], t[2];
	int year;
};

/* Whether the hole kind holds exactly one word. */
static bool
one_word_hole(char kind)
{
	return kind == 'Y' || kind == 'D' || kind == 'W';
}

/* The longest span in bytes a hole of kind may take. */
static size_t
hole_max(char kind)
{
	switch (kind) {
	case 'A': return 100;
	case 'P': return 120;
	case 'V': return 60;
	case 'O': return 100;
	case 'X': return 200;
	default: return 400;
	}
}

/* Check that s[b, e) fits hole kind and record it in c. */
static bool
hole_fits(char kind, const char *s, size_t b, size_t e, struct caps *c)
{
	size_t n = e - b;
	if (n == 0)
		return false;
	switch (kind) {
	case 'A':
		if (!name_shaped(s + b, n))
			return false;
		c->a[0] = b, c->a[1] = e;
		return true;
	case 'P':
		if (!publication_shaped(s + b, n) || starts_with_date_word(s + b, n))
			return false;
		c->p[0] = b, c->p[1] = e;
		return true;
	case 'T': {
		uint32_t c0 = qt_cp_at(s, e, b, NULL);
		if (n > 400 || !(qt_is_upper(c0) || qt_is_digit(c0) || c0 == 0x201c || c0 == '"' ||
		    c0 == 0x2018 || c0 == 0xab))
			return false;
		c->t[0] = b, c->t[1] = e;
		return true;
	}
	case 'Y':
		c->year = parse_year(s + b, n);
		return c->year != 0;
	case 'D':
		return qt_word_in(s + b, n, determiners);
	case 'W':
		return qt_word_in(s + b, n, work_nouns);
	case 'V':
		return verb_phrase(s + b, n);
	case 'O':
		return verb_object(s + b, n);
	case 'X':
		return n <= 200;
	}
	return false;
}

/* The furthest end a name hole starting at pos of s[..e) can reach: past
 * the end of a word that cannot be part of a name, or into a sixth word,
 * name_shaped fails whatever follows. */
static size_t
name_limit(const char *s, size_t pos, size_t e)
{
	size_t i = pos, words = 0;
	while (i < e) {
		size_t b = next_word(s, &i, e);
		if (i == b)
			break;
		if (words == 5)
			return b;
		if (!name_word(s + b, i - b, words == 0))
			return i;
		words++;
	}
	return e;
}

/* Whether position i of s[..e) ends a clause for an open-ended hole. */
static bool
clause_end(const char *s, size_t i, size_t e)
{
	return i == e || strchr(" ,.;:!?(", s[i]) != NULL;
}

/* Match pattern pat against s[pos, e). With anchored, the match must use
 * all of it; otherwise a hole at the end takes the longest fitting prefix
 * that ends a clause. */
static bool
pat_match(const char *pat, const char *s, size_t pos, size_t e, bool anchored, struct caps *c)
{
	if (*pat == '\0')
		return !anchored || pos == e;
	if (*pat == '{') {
		char kind = pat[1];
		const char *rest = pat + 3;
		struct caps save = *c;
		if (one_word_hole(kind)) {
			size_t we = pos;
			while (we < e && !strchr(" ,;:", s[we]))
				we++;
			if (hole_fits(kind, s, pos, we, c) && pat_match(rest, s, we, e, anchored, c))
				return true;
			*c = save;
			return false;
		}
		/* Spans of a name hole beyond lim cannot fit (name_limit). */
		size_t lim = kind == 'A' ? name_limit(s, pos, e) : e;
		if (*rest == '\0') {
			if (anchored)
				return e <= lim && hole_fits(kind, s, pos, e, c);
			for (size_t end = lim; end > pos; end--) {
				if (!clause_end(s, end, e))
					continue;
				if (hole_fits(kind, s, pos, end, c))
					return true;
				*c = save;
			}
			return false;
		}
		if ((kind == 'A' || kind == 'P') && !qt_is_upper(qt_cp_at(s, e, pos, NULL)) &&
		    !(kind == 'P' && strncasecmp(s + pos, "the ", 4) == 0))
			return false;
		size_t litlen = strcspn(rest, "{");
		size_t max = pos + hole_max(kind);
		if (max > lim)
			max = lim;
		for (size_t o = pos + 1; o + litlen <= e && o <= max; o++) {
			if (strncasecmp(s + o, rest, litlen) != 0)
				continue;
			if (hole_fits(kind, s, pos, o, c) && pat_match(rest, s, o, e, anchored, c))
				return true;
			*c = save;
		}
		return false;
	}
	size_t litlen = strcspn(pat, "{");
	if (pos + litlen > e || strncasecmp(s + pos, pat, litlen) != 0)
		return false;
	/* A literal that ends in a letter must end a word. */
	if (pat[litlen] == '\0' && litlen > 0 && pat[litlen - 1] != ' ' && pos + litlen < e &&
	    qt_is_letter(qt_cp_at(s, e, pos + litlen, NULL)))
		return false;
	return pat_match(pat + litlen, s, pos + litlen, e, anchored, c);
}

/* Return a newly allocated copy of s[b, e) with enclosing quotation marks
 * and trailing punctuation removed, on one line (a <br> kept as '\n' in
 * the block text becomes a space); NULL when empty. */
static char *
clean_copy(const char *s, size_t b, size_t e)
{
	qt_trim(s, &b, &e);
	for (;;) {
		size_t l;
		uint32_t first = qt_cp_at(s, e, b, &l), last = qt_cp_before(s, e);
		if (e > b && last < 0x80 && strchr(".,;:", (int)last) && last != 0) {
			e--;
		} else if (e - b > 2 && (first == 0x201c || first == '"' || first == 0x2018 ||
		    first == 0xab) && (last == 0x201d || last == '"' || last == 0x2019 || last == 0xbb)) {
			b += l;
			while (e > b && ((unsigned char)s[e - 1] & 0xc0) == 0x80)
				e--;
			e--;
		} else
			break;
		qt_trim(s, &b, &e);
	}
	if (e <= b)
		return NULL;
	char *raw = xstrndup(s + b, e - b);
	char *out = text_normalize(raw);
	free(raw);
	if (out[0] == '\0') {
		free(out);
		return NULL;
	}
	if (strncmp(out, "the ", 4) == 0)
		out[0] = 'T';
	return out;
}

/* Move the captures of a match into at, keeping what at already has. */
static void
take_caps(struct attrib *at, const char *s, const struct caps *c)
{
	if (at->author == NULL && c->a[1] > c->a[0]) {
		size_t b = c->a[0];
		skip_roles(s, &b, c->a[1]);
		at->author = clean_copy(s, b, c->a[1]);
	}
	if (at->publication == NULL && c->p[1] > c->p[0])
		at->publication = clean_copy(s, c->p[0], c->p[1]);
	if (at->title == NULL && c->t[1] > c->t[0])
		at->title = clean_copy(s, c->t[0], c->t[1]);
	if (at->year == 0)
		at->year = c->year;
}

/* Whether position i of s starts a word. */
static bool
word_start(const char *s, size_t i)
{
	return i == 0 || s[i - 1] == ' ' || s[i - 1] == '(';
}

/* Whether pattern pat has a verb hole ({V} or {O}). */
static bool
pattern_needs_verb(const char *pat)
{
	return strstr(pat, "{V}") != NULL || strstr(pat, "{O}") != NULL;
}

/* Where the last word of s[b, e) that starts with a stem of a verb of
 * saying begins (the test verb_phrase makes); SIZE_MAX when none does. */
static size_t
last_verb_start(const char *s, size_t b, size_t e)
{
	for (size_t p = e; p-- > b;) {
		if ((p > b && s[p - 1] != ' ') || s[p] < 'a' || s[p] > 'z')
			continue;
		for (const char *const *st = speech_stems; *st; st++)
			if (s[p] == (*st)[0] && strncmp(s + p, *st, strlen(*st)) == 0)
				return p;
	}
	return SIZE_MAX;
}

/* Where the last copy (ASCII case-insensitive) of pattern pat's longest
 * literal starts in s[b, e): SIZE_MAX when there is none; e when the
 * literal is too short to be worth looking for. */
static size_t
last_literal_start(const char *pat, const char *s, size_t b, size_t e)
{
	const char *best = NULL;
	size_t bestlen = 0;
	for (const char *q = pat; *q;) {
		if (*q == '{') {
			q += 3;
			continue;
		}
		size_t l = strcspn(q, "{");
		if (l > bestlen)
			best = q, bestlen = l;
		q += l;
	}
	if (bestlen < 4)
		return e;
	unsigned char f0 = (unsigned char)best[0];
	unsigned char f1 = f0 >= 'a' && f0 <= 'z' ? f0 - 32 : f0 >= 'A' && f0 <= 'Z' ? f0 + 32 : f0;
	for (size_t p = e - b >= bestlen ? e - bestlen + 1 : b; p-- > b;)
		if (((unsigned char)s[p] == f0 || (unsigned char)s[p] == f1) &&
		    strncasecmp(s + p, best, bestlen) == 0)
			return p;
	return SIZE_MAX;
}

/* Match the lead-in patterns against the end of s[b, e), leftmost start
 * first; fills at and returns true when one names an author. */
bool
attrib_leadin(const char *s, size_t b, size_t e, struct attrib *at)
{
	if (e - b > MAX_LEADIN) {
		b = e - MAX_LEADIN;
		while (b < e && !word_start(s, b))
			b++;
	}
	/* Necessary conditions, found once: where the last verb of saying and
	 * the last copy of each template's longest literal start. A template
	 * cannot match at pos when either lies before pos. */
	enum { NPAT = sizeof leadin_patterns / sizeof *leadin_patterns };
	size_t need[NPAT];
	bool verbal[NPAT];
	size_t verb = last_verb_start(s, b, e);
	for (size_t k = 0; leadin_patterns[k]; k++) {
		need[k] = SIZE_MAX - 1;   /* not looked for yet */
		verbal[k] = pattern_needs_verb(leadin_patterns[k]);
	}
	for (size_t pos = b; pos < e; pos++) {
		if (!word_start(s, pos))
			continue;
		for (const char *const *p = leadin_patterns; *p; p++) {
			size_t k = (size_t)(p - leadin_patterns);
			if (need[k] == SIZE_MAX - 1)
				need[k] = last_literal_start(*p, s, b, e);
			if (need[k] < pos || need[k] == SIZE_MAX ||
			    (verbal[k] && (verb == SIZE_MAX || verb < pos)))
				continue;
			struct caps c = { 0 };
			if (pat_match(*p, s, pos, e, true, &c) && c.a[1] > c.a[0]) {
				take_caps(at, s, &c);
				return true;
			}
		}
	}
	return false;
}


/* Read a "— X, P" attribution from s[b, e) into at when it names a person;
 * a dash followed by anything else is punctuation. */
bool
attrib_dash(const char *s, size_t b, size_t e, struct attrib *at)
{
	struct attrib tmp = { 0 };
	attrib_cite(s, b, e, &tmp);
	bool ok = tmp.author != NULL;
	if (ok) {
		if (at->author == NULL)
			at->author = tmp.author, tmp.author = NULL;
		if (at->publication == NULL)
			at->publication = tmp.publication, tmp.publication = NULL;
		if (at->title == NULL)
			at->title = tmp.title, tmp.title = NULL;
		if (at->year == 0)
			at->year = tmp.year;
	}
	attrib_clear(&tmp);
	return ok;
}

/* Whether the '.' at s[i] ends an abbreviation or initial (Dr., J.), not a
 * sentence. */
static bool
abbreviation_before(const char *s, size_t b, size_t i)
{
	static const char *const abbrevs[] = { "mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep",
		"gov", "gen", "lt", "col", "capt", "rev", "jr", "sr", "sgt", "mt", "ft", NULL };
	if (s[i] != '.')
		return false;
	size_t w = i;
	while (w > b && s[w - 1] != ' ')
		w--;
	return (i - w == 1 && qt_is_upper((unsigned char)s[w])) || qt_word_in(s + w, i - w, abbrevs);
}

/* Match the trailing patterns at the start of s[b, e) (text after a
 * quotation); a leading dash means a "— X, P" attribution. */
bool
attrib_trailing(const char *s, size_t b, size_t e, struct attrib *at)
{
	while (b < e && (s[b] == ' ' || s[b] == ',' || s[b] == ';' || s[b] == ':'))
		b++;
	if (e - b > ATTRIB_MAX_TRAIL)
		e = b + ATTRIB_MAX_TRAIL;
	size_t l;
	uint32_t cp = qt_cp_at(s, e, b, &l);
	if (qt_is_dash(cp) || (cp == '-' && b + 1 < e && (s[b + 1] == '-' || s[b + 1] == ' ')))
		return attrib_dash(s, b, e, at);
	/* The clause after the quotation ends at the sentence's end. */
	size_t end = b;
	while (end < e && !(strchr(".;!?", s[end]) && !abbreviation_before(s, b, end)) &&
	    qt_cp_at(s, e, end, NULL) != 0x201c)
		end += (qt_cp_at(s, e, end, &l), l);
	for (const char *const *p = trailing_patterns; *p; p++) {
		struct caps c = { 0 };
		if (pat_match(*p, s, b, end, false, &c) && c.a[1] > c.a[0]) {
			take_caps(at, s, &c);
			return true;
		}
	}
	return false;
}

/* ---- cite text ---- */

/* Split s[b, e) at ", " outside parentheses and quotation marks into at most
 * max parts; returns the count. */
static size_t
split_parts(const char *s, size_t b, size_t e, size_t parts[][2], size_t max)
{
	size_t n = 0, start = b;
	int depth = 0;
	for (size_t i = b; i < e;) {
		size_t l;
		uint32_t cp = qt_cp_at(s, e, i, &l);
		if (cp == '(' || cp == 0x201c || cp == 0xab)
			depth++;
		else if ((cp == ')' || cp == 0x201d || cp == 0xbb) && depth > 0)
			depth--;
		else if (depth == 0 && (cp == ',' || cp == ';') && n + 1 < max) {
			parts[n][0] = start, parts[n][1] = i, n++;
			start = i + 1;
		}
		i += l;
	}
	parts[n][0] = start, parts[n][1] = e, n++;
	for (size_t k = 0; k < n; k++)
		qt_trim(s, &parts[k][0], &parts[k][1]);
	return n;
}

/* Take a year from the end of part p ("(1765)", "1765"), shrinking it. */
static int
take_year(const char *s, size_t p[2])
{
	size_t b = p[0], e = p[1];
	bool paren = e > b && s[e - 1] == ')';
	if (paren)
		e--;
	if (e - b < 4)
		return 0;
	int y = parse_year(s + e - 4, 4);
	if (y == 0 || (e - 4 > b && qt_is_digit((unsigned char)s[e - 5])))
		return 0;
	e -= 4;
	if (paren) {
		if (e == b || s[e - 1] != '(')
			return 0;
		e--;
	}
	p[1] = e;
	qt_trim(s, &p[0], &p[1]);
	return y;
}

/* What a date part holds: a part of a cite text made only of date words. */
struct date_shape {
	bool month, day, year, weekday;
};

/* Whether s[0..n) is made only of date words (a month or weekday name, a
 * day 1-31 with an optional ordinal suffix, "of", one four-digit year),
 * filling *d with which it has; "9 January 1912", "January 9", "Tuesday",
 * "1912" and "9th of January" are; "keeper's log" is not. */
static bool
date_part(const char *s, size_t n, struct date_shape *d)
{
	static const char *const months[] = { "january", "february", "march", "april", "may",
		"june", "july", "august", "september", "october", "november", "december", "jan",
		"feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", NULL };
	static const char *const weekdays[] = { "monday", "tuesday", "wednesday", "thursday",
		"friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun", NULL };
	static const char *const fillers[] = { "of", NULL };   /* not "the": "The 1st of May" is a title */
	*d = (struct date_shape){ 0 };
	size_t i = 0, words = 0;
	while (i < n) {
		size_t w = next_word(s, &i, n), we = i;
		while (we > w && strchr(".,()", s[we - 1]))
			we--;
		while (w < we && s[w] == '(')
			w++;
		if (we == w) {
			if (i == w)
				break;
			continue;
		}
		size_t digits = 0;
		while (w + digits < we && qt_is_digit((unsigned char)s[w + digits]))
			digits++;
		if (digits == 4 && we - w == 4 && parse_year(s + w, 4) && !d->year)
			d->year = true;
		else if (digits >= 1 && digits <= 2 && !d->day && atoi(s + w) >= 1 && atoi(s + w) <= 31 &&
		    (we - w == digits || (we - w == digits + 2 && qt_word_in(s + w + digits, 2,
		    (const char *const[]){ "st", "nd", "rd", "th", NULL }))))
			d->day = true;
		else if (digits == 0 && qt_word_in(s + w, we - w, months) && !d->month)
			d->month = true;
		else if (digits == 0 && qt_word_in(s + w, we - w, weekdays) && !d->weekday)
			d->weekday = true;
		else if (digits > 0 || !qt_word_in(s + w, we - w, fillers))
			return false;
		words++;
	}
	return words > 0 && (d->month || d->weekday || d->year);
}

/* The first four-digit year standing alone in s[b, e), or 0. */
static int
year_in(const char *s, size_t b, size_t e)
{
	for (size_t i = b; i + 4 <= e; i++)
		if ((i == b || !qt_is_digit((unsigned char)s[i - 1])) &&
		    (i + 4 == e || !qt_is_digit((unsigned char)s[i + 4])) && parse_year(s + i, 4))
			return parse_year(s + i, 4);
	return 0;
}

/* Whether part p ends in a full date in parentheses ("keeper's log (9
 * January 1912)"); sets [*ib, *ie) to the date inside them. */
static bool
paren_date(const char *s, const size_t p[2], size_t *ib, size_t *ie)
{
	size_t b = p[0], e = p[1];
	if (e - b < 3 || s[e - 1] != ')')
		return false;
	size_t o = e - 1;
	while (o > b && s[o - 1] != '(')
		o--;
	if (o == b)
		return false;
	struct date_shape d;
	if (!date_part(s + o, e - 1 - o, &d) || !d.day || !d.month || !d.year)
		return false;
	*ib = o, *ie = e - 1;
	return true;
}

/* Find the run of parts[from..n) that writes a full date (a day, a month and a
 * year, in one part or over neighbouring ones: "9 January 1912", "January 9,
 * 1912", "Tuesday, 9 January 1912"); sets *first and *last and returns true. */
static bool
find_full_date(const char *s, size_t parts[][2], size_t n, size_t *first, size_t *last)
{
	for (size_t k = 0; k < n; k++) {
		struct date_shape all = { 0 }, d;
		for (size_t j = k; j < n && date_part(s + parts[j][0], parts[j][1] - parts[j][0], &d); j++) {
			if ((d.year && all.year) || (d.month && all.month) || (d.day && all.day))
				break;
			all.month |= d.month, all.day |= d.day, all.year |= d.year;
			if (all.month && all.day && all.year) {
				*first = k, *last = j;
				return true;
			}
		}
	}
	return false;
}

/* Return the full date a cite text writes ("9 January 1912" in "Thomas
 * Penhale, keeper's log, 9 January 1912"), as written and newly allocated,
 * or NULL when it writes none (a year alone is not a full date). */
char *
quotes_cite_date(const char *cite)
{
	if (cite == NULL)
		return NULL;
	size_t parts[8][2], first, last;
	size_t n = split_parts(cite, 0, strlen(cite), parts, 8);
	if (!find_full_date(cite, parts, n, &first, &last)) {
		for (size_t k = 0; k < n; k++)
			if (paren_date(cite, parts[k], &first, &last))
				return clean_copy(cite, first, last);
		return NULL;
	}
	size_t b = parts[first][0], e = parts[last][1];
	if (cite[b] == '(' && e > b && cite[e - 1] == ')')
		b++, e--;
	return clean_copy(cite, b, e);
}

char *
quotes_full_date(const char *cite, int year)
{
	if (year <= 0)
		return NULL;
	char *date = quotes_cite_date(cite);
	char digits[16];
	snprintf(digits, sizeof digits, "%d", year);
	if (date != NULL && strstr(date, digits) == NULL) {
		free(date);
		date = NULL;
	}
	return date;
}

/* Whether part p is wrapped in quotation marks. */
static bool
is_quoted(const char *s, const size_t p[2])
{
	uint32_t first = qt_cp_at(s, p[1], p[0], NULL), last = qt_cp_before(s, p[1]);
	return (first == 0x201c || first == '"' || first == 0xab) &&
	    (last == 0x201d || last == '"' || last == 0xbb);
}

/* Whether s[0..n) is nothing but role words ("Writer", "Chief Executive"). */
static bool
role_only(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		size_t w = next_word(s, &i, n);
		if (i > w && !qt_word_in(s + w, i - w, role_words))
			return false;
	}
	return true;
}

/* Parse an attribution as printed ("Jason Burke, The Guardian", "Voltaire,
 * Questions sur les miracles (1765)", "<cite>Title</cite>") by the shape of
 * its comma-separated parts, filling what at does not have yet. */
void
attrib_cite(const char *s, size_t b, size_t e, struct attrib *at)
{
	size_t l;
	qt_trim(s, &b, &e);
	while (b < e && (qt_is_dash(qt_cp_at(s, e, b, &l)) || s[b] == '-' || s[b] == ' '))
		b += qt_is_dash(qt_cp_at(s, e, b, NULL)) ? l : 1;
	if (e - b > 3 && strncasecmp(s + b, "by ", 3) == 0)
		b += 3;
	qt_trim(s, &b, &e);
	/* "Source: Outlet", "Via Outlet": where it was printed. */
	static const char *const source_prefixes[] = { "source:", "sources:", "via ", "from ", NULL };
	for (const char *const *p = source_prefixes; *p; p++) {
		size_t pl = strlen(*p);
		if (e - b > pl && strncasecmp(s + b, *p, pl) == 0) {
			if (at->publication == NULL)
				at->publication = clean_copy(s, b + pl, e);
			return;
		}
	}
	/* An embedded post: "Name (@handle) Month D, YYYY". */
	const char *handle = memmem(s + b, e - b, " (@", 3);
	if (handle != NULL) {
		size_t hb = (size_t)(handle - s);
		if (at->author == NULL)
			at->author = clean_copy(s, b, hb);
		size_t parts[6][2];
		size_t n = split_parts(s, hb, e, parts, 6);
		if (at->year == 0)
			at->year = take_year(s, parts[n - 1]);
		return;
	}
	while (e > b && strchr(".;:", s[e - 1]))
		e--;
	if (e <= b || e - b > 600)
		return;
	/* "X in P", "X, writing in P", "X in his 1765 essay T" read as lead-ins. */
	static const char *const cite_patterns[] = {
		"{A} in {D} {Y} {W} {T}", "{A} in {D} {Y} {W}", "{A} in {D} {W} {T}",
		"{A}, writing in {P}", "{A} writing in {P}", "{A}, in {P}", "{A} in {P}",
		"{A} for {P}", NULL
	};
	for (const char *const *p = cite_patterns; *p; p++) {
		struct caps c = { 0 };
		if (pat_match(*p, s, b, e, true, &c)) {
			take_caps(at, s, &c);
			return;
		}
	}
	size_t parts[6][2];
	size_t n = split_parts(s, b, e, parts, 6);
	int year = 0;
	/* A written date ("9 January 1912", "January 9, 1912") is a date: its
	 * year is the year and its day and month are neither work nor outlet. */
	size_t df, dl;
	bool full_date = find_full_date(s, parts, n, &df, &dl);
	if (full_date) {
		for (size_t k = df; k <= dl; k++) {
			if (year == 0)
				year = year_in(s, parts[k][0], parts[k][1]);
			parts[k][1] = parts[k][0];
		}
	} else {
		/* "keeper's log (9 January 1912)": the date in parentheses goes. */
		for (size_t k = 0; k < n && !full_date; k++) {
			size_t ib, ie;
			if (paren_date(s, parts[k], &ib, &ie)) {
				year = year_in(s, ib, ie);
				parts[k][1] = ib - 1;
				qt_trim(s, &parts[k][0], &parts[k][1]);
				full_date = true;
			}
		}
	}
	for (size_t k = 0; k < n && !year; k++) {
		if (parse_year(s + parts[k][0], parts[k][1] - parts[k][0])) {
			year = parse_year(s + parts[k][0], 4);
			parts[k][1] = parts[k][0];
		} else
			year = take_year(s, parts[k]);
	}
	if (at->year == 0)
		at->year = year;
	size_t k = 0;
	while (k < n && parts[k][1] == parts[k][0])
		k++;
	if (k == n)
		return;
	bool author_first = name_shaped(s + parts[k][0], parts[k][1] - parts[k][0]) &&
	    !looks_like_outlet(s + parts[k][0], parts[k][1] - parts[k][0]);
	if (author_first) {
		if (at->author == NULL)
			at->author = clean_copy(s, parts[k][0], parts[k][1]);
		k++;
	}
	bool title_done = at->title != NULL, pub_done = at->publication != NULL;
	for (; k < n; k++) {
		size_t pb = parts[k][0], pe = parts[k][1];
		if (pe == pb || (author_first && role_only(s + pb, pe - pb)))
			continue;
		bool outlet = !is_quoted(s, parts[k]) && looks_like_outlet(s + pb, pe - pb) &&
		    !(year && !full_date && !title_done);   /* a dated issue is an outlet's */
		if (outlet && !pub_done) {
			at->publication = clean_copy(s, pb, pe);
			pub_done = true;
		} else if (!title_done) {
			at->title = clean_copy(s, pb, pe);
			title_done = true;
		} else if (!pub_done && publication_shaped(s + pb, pe - pb)) {
			at->publication = clean_copy(s, pb, pe);
			pub_done = true;
		}
	}
}

/* Give q the fields of at it lacks; at's strings are taken or freed. */
void
attrib_apply(struct quote *q, struct attrib *at)
{
	char **dst[] = { &q->author, &q->publication, &q->title };
	char **src[] = { &at->author, &at->publication, &at->title };
	for (size_t i = 0; i < 3; i++) {
		if (*dst[i] == NULL) {
			*dst[i] = *src[i];
			*src[i] = NULL;
		}
		free(*src[i]);
		*src[i] = NULL;
	}
	if (q->year == 0)
		q->year = at->year;
	at->year = 0;
}

/* Free at's strings and empty it. */
void
attrib_clear(struct attrib *at)
{
	free(at->author);
	free(at->publication);
	free(at->title);
	*at = (struct attrib){ 0 };
}
