/* date.c — dates as pages write them, read into ISO 8601: numeric forms
 * (2024-03-23T19:05:31Z, "2024-03-23 19:05:31", +0000 zones, 23.03.2024),
 * written ones in English, German, French, Spanish, Italian and Dutch
 * ("March 23, 2024", "23. März 2024", RFC 2822, "5:00 am PST") and a
 * URL's /yyyy/mm/dd/. Output is YYYY-MM-DDTHH:MM:SS±HH:MM, or YYYY-MM-DD
 * when the page gives no time. */
#include "date.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text.h"
#include "util.h"

/* Month names and abbreviations in the languages of the pages quire meets
 * most: English, German, French, Spanish, Italian, Dutch, Portuguese. */
static const struct month_name {
	const char *name;
	int month;
} month_names[] = {
	{ "january", 1 }, { "february", 2 }, { "march", 3 }, { "april", 4 }, { "may", 5 }, { "june", 6 },
	{ "july", 7 }, { "august", 8 }, { "september", 9 }, { "october", 10 }, { "november", 11 },
	{ "december", 12 },
	{ "jan", 1 }, { "feb", 2 }, { "mar", 3 }, { "apr", 4 }, { "jun", 6 }, { "jul", 7 }, { "aug", 8 },
	{ "sep", 9 }, { "sept", 9 }, { "oct", 10 }, { "nov", 11 }, { "dec", 12 },
	{ "januar", 1 }, { "februar", 2 }, { "m\xc3\xa4rz", 3 }, { "maerz", 3 }, { "m\xc3\xa4r", 3 }, { "mai", 5 },
	{ "juni", 6 }, { "juli", 7 }, { "oktober", 10 }, { "okt", 10 }, { "dezember", 12 }, { "dez", 12 },
	{ "j\xc3\xa4nner", 1 },
	{ "janvier", 1 }, { "f\xc3\xa9vrier", 2 }, { "mars", 3 }, { "avril", 4 }, { "juin", 6 },
	{ "juillet", 7 }, { "ao\xc3\xbbt", 8 }, { "septembre", 9 }, { "octobre", 10 }, { "novembre", 11 },
	{ "d\xc3\xa9" "cembre", 12 },
	{ "enero", 1 }, { "febrero", 2 }, { "marzo", 3 }, { "abril", 4 }, { "mayo", 5 }, { "junio", 6 },
	{ "julio", 7 }, { "agosto", 8 }, { "septiembre", 9 }, { "setiembre", 9 }, { "octubre", 10 },
	{ "noviembre", 11 }, { "diciembre", 12 },
	{ "gennaio", 1 }, { "febbraio", 2 }, { "aprile", 4 }, { "maggio", 5 }, { "giugno", 6 },
	{ "luglio", 7 }, { "settembre", 9 }, { "ottobre", 10 }, { "dicembre", 12 },
	{ "januari", 1 }, { "februari", 2 }, { "maart", 3 }, { "mei", 5 }, { "augustus", 8 }, { "juli", 7 },
	{ "janeiro", 1 }, { "fevereiro", 2 }, { "mar\xc3\xa7o", 3 }, { "maio", 5 }, { "junho", 6 }, { "julho", 7 },
	{ "setembro", 9 }, { "outubro", 10 }, { "novembro", 11 }, { "dezembro", 12 },
	/* Abbreviations that are no English word ("ago", "gen", "mag", "set", "out" are). */
	{ "janv", 1 }, { "f\xc3\xa9vr", 2 }, { "avr", 4 }, { "juil", 7 }, { "d\xc3\xa9" "c", 12 },
	{ "ene", 1 }, { "abr", 4 }, { "dic", 12 }, { "giu", 6 }, { "lug", 7 }, { "ott", 10 }, { "mrt", 3 },
	{ "fev", 2 },
};

/* Read n digits at *p into *v; advances *p. */
static bool
digits(const char **p, int n, int *v)
{
	int x = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return false;
		x = x * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*v = x;
	return true;
}

/* Zone abbreviations bylines write after a time ("5:00 am PST", "15:25
 * MESZ"), in minutes east of UTC. Only unambiguous ones and the North
 * American set English news sites use; IST, say, is three zones. */
static const struct zone_name {
	const char *name;
	int off;
} zone_names[] = {
	{ "utc", 0 }, { "gmt", 0 }, { "est", -300 }, { "edt", -240 }, { "cst", -360 }, { "cdt", -300 },
	{ "mst", -420 }, { "mdt", -360 }, { "pst", -480 }, { "pdt", -420 }, { "akst", -540 },
	{ "akdt", -480 }, { "hst", -600 }, { "cet", 60 }, { "cest", 120 }, { "mez", 60 }, { "mesz", 120 },
	{ "bst", 60 }, { "wet", 0 }, { "west", 60 }, { "eet", 120 }, { "eest", 180 }, { "aest", 600 },
	{ "aedt", 660 }, { "nzst", 720 }, { "nzdt", 780 },
};

/* Set *off from the zone abbreviation w[0..len); returns whether it is one. */
static bool
zone_of(const char *w, size_t len, int *off)
{
	for (size_t i = 0; i < sizeof zone_names / sizeof zone_names[0]; i++)
		if (strlen(zone_names[i].name) == len && strncasecmp(w, zone_names[i].name, len) == 0) {
			*off = zone_names[i].off;
			return true;
		}
	return false;
}

/* Parse a zone at p: Z, UTC, GMT, +HH, +HHMM, +HH:MM. Sets *off in minutes;
 * returns false when there is none. */
static bool
parse_zone(const char *p, int *off)
{
	while (*p == ' ')
		p++;
	if (*p == 'Z' || *p == 'z' || text_starts_with_ci(p, "UTC") || text_starts_with_ci(p, "GMT")) {
		if (*p != 'Z' && *p != 'z' && (p[3] == '+' || p[3] == '-'))
			return parse_zone(p + 3, off);
		*off = 0;
		return true;
	}
	if (*p != '+' && *p != '-')
		return false;
	int sign = *p == '-' ? -1 : 1, h, m = 0;
	p++;
	if (!digits(&p, 2, &h))
		return false;
	if (*p == ':')
		p++;
	if (isdigit((unsigned char)*p) && !digits(&p, 2, &m))
		return false;
	if (h > 14 || m > 59)
		return false;
	*off = sign * (h * 60 + m);
	return true;
}

struct date {
	int y, mo, d, h, mi, s;
	bool has_time, has_zone;
	int off;                  /* minutes east of UTC */
};

/* Parse a European numeric date at p: 23.03.2024 or 3.4.2024, with an
 * optional time ("23.03.2024 19:05"). */
static bool
parse_dotted_date(const char *p, struct date *dt)
{
	char *end;
	long d = strtol(p, &end, 10);
	if (*end != '.' || !isdigit((unsigned char)end[1]))
		return false;
	long m = strtol(end + 1, &end, 10);
	if (*end != '.' || !isdigit((unsigned char)end[1]))
		return false;
	const char *q = end + 1;
	if (!digits(&q, 4, &dt->y) || isdigit((unsigned char)*q))
		return false;
	dt->d = (int)d;
	dt->mo = (int)m;
	while (*q == ' ' || *q == ',')
		q++;
	if (isdigit((unsigned char)q[0]) && (q[1] == ':' || q[2] == ':')) {
		long h = strtol(q, &end, 10);
		q = end + 1;
		if (digits(&q, 2, &dt->mi)) {
			dt->h = (int)h;
			dt->has_time = true;
			dt->has_zone = parse_zone(q, &dt->off);
		}
	}
	return true;
}

/* Parse a numeric date: 2024-03-23, 2024/03/23, with an optional time and
 * zone ("T19:05:31Z", " 19:05:31", "+0000", ".123+02:00"). */
static bool
parse_numeric_date(const char *p, struct date *dt)
{
	while (isspace((unsigned char)*p))
		p++;
	if (isdigit((unsigned char)p[0]) && (p[1] == '.' || (isdigit((unsigned char)p[1]) && p[2] == '.')))
		return parse_dotted_date(p, dt);
	if (!digits(&p, 4, &dt->y) || (*p != '-' && *p != '/'))
		return false;
	char sep = *p++;
	if (!digits(&p, 2, &dt->mo) || *p++ != sep || !digits(&p, 2, &dt->d))
		return false;
	if ((*p == 'T' || *p == 't' || *p == ' ') && isdigit((unsigned char)p[1])) {
		const char *q = p + 1;
		if (digits(&q, 2, &dt->h) && *q == ':' && (q++, digits(&q, 2, &dt->mi))) {
			dt->has_time = true;
			if (*q == ':' && isdigit((unsigned char)q[1])) {
				q++;
				digits(&q, 2, &dt->s);
			}
			if (*q == '.' || *q == ',')
				for (q++; isdigit((unsigned char)*q); q++)
					;
			dt->has_zone = parse_zone(q, &dt->off);
		}
	}
	return true;
}

/* The month word w[0..len) names, 1-12, else 0. */
static int
month_of(const char *w, size_t len)
{
	for (size_t i = 0; i < sizeof month_names / sizeof month_names[0]; i++)
		if (strlen(month_names[i].name) == len && strncasecmp(w, month_names[i].name, len) == 0)
			return month_names[i].month;
	/* Capitalised non-ASCII names ("März") compare after the first letter. */
	for (size_t i = 0; i < sizeof month_names / sizeof month_names[0]; i++)
		if (strlen(month_names[i].name) == len && len > 1 &&
		    tolower((unsigned char)w[0]) == month_names[i].name[0] && memcmp(w + 1, month_names[i].name + 1, len - 1) == 0)
			return month_names[i].month;
	return 0;
}

/* Parse a written date: "March 23, 2024", "23 March 2024", "Sat, 23 Mar
 * 2024 19:05:31 +0000", "Mar 23 2024 7:05 pm". */
static bool
parse_text_date(const char *s, struct date *dt)
{
	int day = 0, year = 0, month = 0, pm = -1;
	const char *p = s;
	while (*p) {
		if (isalpha((unsigned char)*p) || (unsigned char)*p >= 0x80) {
			const char *w = p;
			while (isalpha((unsigned char)*p) || (unsigned char)*p >= 0x80)
				p++;
			size_t len = (size_t)(p - w);
			int m = month_of(w, len);
			if (m && month == 0)
				month = m;
			else if (dt->has_time && !dt->has_zone && zone_of(w, len, &dt->off))
				dt->has_zone = true;   /* "5:00 am PST" */
			else if ((len == 2 && strncasecmp(w, "pm", 2) == 0))
				pm = 1;
			else if (len == 2 && strncasecmp(w, "am", 2) == 0)
				pm = 0;
		} else if (isdigit((unsigned char)*p)) {
			const char *w = p;
			while (isdigit((unsigned char)*p))
				p++;
			size_t len = (size_t)(p - w);
			int v = atoi(w);
			if (*p == ':' && len <= 2 && isdigit((unsigned char)p[1]) && !dt->has_time) {
				const char *q = p + 1;
				if (digits(&q, 2, &dt->mi)) {
					dt->h = v;
					dt->has_time = true;
					if (*q == ':' && digits(&(const char *){ q + 1 }, 2, &dt->s))
						q += 3;
					p = q;
					dt->has_zone = parse_zone(p, &dt->off);
				}
			} else if (len == 4 && year == 0)
				year = v;
			else if (len <= 2 && day == 0 && v >= 1 && v <= 31)
				day = v;
		} else
			p++;
	}
	if (!month || !day || year < 1900 || year > 2100)
		return false;
	dt->y = year;
	dt->mo = month;
	dt->d = day;
	if (dt->has_time && pm == 1 && dt->h < 12)
		dt->h += 12;
	if (dt->has_time && pm == 0 && dt->h == 12)
		dt->h = 0;
	return true;
}

/* Return s as a newly allocated ISO 8601 date, or NULL when s holds none.
 * A time without a zone takes default_off (minutes) when have_default, else
 * UTC; a date without a time stays a date. */
char *
meta_date_normalize(const char *s, bool have_default, int default_off)
{
	struct date dt = {0};
	if (s == NULL || (!parse_numeric_date(s, &dt) && (memset(&dt, 0, sizeof dt), !parse_text_date(s, &dt))))
		return NULL;
	if (dt.y < 1900 || dt.y > 2100 || dt.mo < 1 || dt.mo > 12 || dt.d < 1 || dt.d > 31 ||
	    dt.h > 23 || dt.mi > 59 || dt.s > 60)
		return NULL;
	if (!dt.has_time)
		return xasprintf("%04d-%02d-%02d", dt.y, dt.mo, dt.d);
	int off = dt.has_zone ? dt.off : have_default ? default_off : 0;
	int a = off < 0 ? -off : off;
	return xasprintf("%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", dt.y, dt.mo, dt.d, dt.h, dt.mi, dt.s,
	    off < 0 ? '-' : '+', a / 60, a % 60);
}

bool
meta_date_zone(const char *s, int *off)
{
	struct date dt = {0};
	if (!parse_numeric_date(s, &dt) || !dt.has_zone)
		return false;
	*off = dt.off;
	return true;
}

/* Words that may stand in a written date besides month names and numbers:
 * weekdays, ordinal suffixes, fillers ("22nd of May", "5 de mayo", "um
 * 23:03 Uhr") and zone names, in the languages of month_names. */
static const char *const date_words[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
	"mo", "di", "mi", "do", "fr", "sa", "so",
	"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
	"lunes", "martes", "mi\xc3\xa9rcoles", "jueves", "viernes", "s\303\241bado", "domingo",
	"luned\xc3\xac", "marted\xc3\xac", "mercoled\xc3\xac", "gioved\xc3\xac", "venerd\xc3\xac", "sabato", "domenica",
	"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
	"segunda", "ter\303\247a", "quarta", "quinta", "sexta", "feira",
	"st", "nd", "rd", "th", "er", "of", "de", "del", "at", "um", "\xc3\xa0", "a", "las", "uhr", "h", "om",
	"am", "pm", "utc", "gmt", "cet", "cest", "mez", "mesz", "est", "edt", "cst", "cdt", "mst", "mdt",
	"pst", "pdt", "bst", "akst", "akdt", "hst", "wet", "west", "eet", "eest", "aest", "aedt", "nzst", "nzdt", "z",
};

/* Lead-ins before a visible publication date. The strong ones say so
 * outright; the weak ones ("on", "am") only count in a post's header. */
static const struct lead_in {
	const char *text;
	bool strong;
} lead_ins[] = {
	{ "posted on", true }, { "published on", true }, { "first published on", true },
	{ "originally published on", true }, { "date posted:", true }, { "publication date:", true },
	{ "published:", true }, { "posted:", true }, { "published", true }, { "posted", true },
	{ "ver\xc3\xb6" "ffentlicht am", true }, { "ver\xc3\xb6" "ffentlicht:", true },
	{ "erstellt am", true }, { "geschrieben am", true }, { "gepostet am", true }, { "erschienen am", true },
	{ "publi\xc3\xa9 le", true }, { "publicado el", true }, { "publicado em", true },
	{ "pubblicato il", true }, { "gepubliceerd op", true }, { "date:", false }, { "datum:", false },
	{ "on", false }, { "am", false }, { "le", false }, { "el", false }, { "il", false }, { "op", false },
};

/* Whether word w[0..len) may stand in a written date. */
static bool
is_date_word(const char *w, size_t len)
{
	if (month_of(w, len))
		return true;
	for (size_t i = 0; i < sizeof date_words / sizeof date_words[0]; i++)
		if (strlen(date_words[i]) == len && strncasecmp(w, date_words[i], len) == 0)
			return true;
	return false;
}

/* Whether s[0..len) holds a date and nothing else: numbers, month names,
 * the words of date_words and punctuation. */
static bool
only_date(const char *s, size_t len)
{
	bool month = false, number = false;
	for (size_t i = 0; i < len; ) {
		unsigned char c = (unsigned char)s[i];
		if (isalpha(c) || c >= 0x80) {
			size_t k = i;
			while (k < len && (isalpha((unsigned char)s[k]) || (unsigned char)s[k] >= 0x80 || s[k] == '.'))
				k++;
			size_t wl = k - i;
			while (wl > 0 && s[i + wl - 1] == '.')
				wl--;   /* "Jan." and "a.m." */
			bool ok = is_date_word(s + i, wl) || (wl == 3 && strncasecmp(s + i, "a.m", 3) == 0) ||
			    (wl == 3 && strncasecmp(s + i, "p.m", 3) == 0);
			if (!ok)
				return false;
			month |= month_of(s + i, wl) != 0;
			i = k;
		} else if (isdigit(c)) {
			number = true;
			i++;
		} else if (strchr(" ,.:/-+()'", c) != NULL)
			i++;
		else
			return false;
	}
	return number && (month || len >= 8);
}

/* Separators that end a date in a byline: "January 3, 2024 | Jane Doe". */
static const char *const date_seps[] = {
	"|", " \xe2\x80\xa2 ", " \xc2\xb7 ", " \xe2\x80\x94 ", " \xe2\x80\x93 ", " - ", " / ", " by ", " von ",
	" par ", " por ", " door ", " di ", " in ", " \xe2\x80\x94", "\xe2\x80\xa2", "\xc2\xb7", ";",
	" and ", " und ", " et ", " y ", " e ", " en ",
};

/* Length of the segment of s up to its first separator; *seplen gets the
 * separator's length (0 at the end). */
static size_t
segment_len(const char *s, size_t *seplen)
{
	size_t best = strlen(s);
	*seplen = 0;
	for (size_t i = 0; i < sizeof date_seps / sizeof date_seps[0]; i++) {
		const char *p = strcasestr(s, date_seps[i]);
		if (p != NULL && (size_t)(p - s) < best) {
			best = (size_t)(p - s);
			*seplen = strlen(date_seps[i]);
		}
	}
	return best;
}

/* Skip a lead-in at the start of s; returns where the date may begin, or
 * NULL when s has no lead-in and need_lead is set. */
static const char *
skip_lead_in(const char *s, bool need_lead)
{
	for (size_t i = 0; i < sizeof lead_ins / sizeof lead_ins[0]; i++) {
		const char *l = lead_ins[i].text;
		size_t k = strlen(l);
		if ((lead_ins[i].strong || !need_lead) && text_starts_with_ci(s, l) &&
		    (s[k] == ' ' || l[k - 1] == ':')) {
			s += k;
			while (*s == ' ')
				s++;
			return s;
		}
	}
	return need_lead ? NULL : s;
}

/* Return a newly allocated ISO date from visible text holding a date and
 * nothing else, after an optional lead-in and before a separator ("Posted
 * on January 22, 2014 by Jane" gives 2014-01-22), or NULL. With need_lead
 * the text must open with a lead-in that names publication outright. */
char *
meta_date_visible(const char *text, bool need_lead)
{
	if (text == NULL || strlen(text) > 300 || strpbrk(text, "0123456789") == NULL)
		return NULL;
	char *t = text_normalize(text);
	char *out = NULL;
	const char *s = skip_lead_in(t, need_lead);
	for (int seg = 0; s != NULL && *s && seg < (need_lead ? 1 : 6) && out == NULL; seg++) {
		while (*s == ' ' || *s == ',')
			s++;
		if (seg > 0)
			s = skip_lead_in(s, false);
		size_t seplen, len = segment_len(s, &seplen);
		while (len > 0 && strchr(" ,.:", s[len - 1]) != NULL && !isdigit((unsigned char)s[len - 1]))
			len--;
		if (len >= 6 && len <= 60 && only_date(s, len)) {
			char *d = xstrndup(s, len);
			out = meta_date_normalize(d, false, 0);
			free(d);
		}
		if (seplen == 0)
			break;
		s += len + seplen;
	}
	free(t);
	return out;
}

/* Lead-ins that may stand inside a sentence, with the date after them:
 * "This entry was posted on Wednesday, May 19th, 2010 at 11:03 pm and is
 * filed under …", "… wurde am <nobr>19. Mai 2010</nobr> gepostet". */
static const struct inner_lead {
	const char *text;
	bool mid;                 /* may the date follow in the same text */
} inner_leads[] = {
	{ "was posted on", true }, { "was published on", true }, { "posted on", false },
	{ "published on", false }, { "wurde am", false }, { "ver\xc3\xb6" "ffentlicht am", false },
	{ "erschienen am", false }, { "publi\xc3\xa9 le", false }, { "publicado el", false },
	{ "pubblicato il", false },
};

/* Return a newly allocated ISO date that follows a publication lead-in
 * in text ("Veröffentlicht am 16.08.2019", "This entry was posted on May
 * 19th, 2010 at 11:03 pm and is filed under"), or, when the lead-in ends
 * text, that next (the text of the element after it) holds; else NULL. */
char *
meta_date_after_lead(const char *text, const char *next)
{
	if (text == NULL || strlen(text) > 300)
		return NULL;
	char *t = text_normalize(text);
	char *out = meta_date_visible(t, true);
	for (size_t i = 0; out == NULL && i < sizeof inner_leads / sizeof inner_leads[0]; i++) {
		const char *p = strcasestr(t, inner_leads[i].text);
		size_t k = strlen(inner_leads[i].text);
		if (p == NULL || (p > t && p[-1] != ' ') || (p[k] != ' ' && p[k] != '\0'))
			continue;
		const char *rest = p + k;
		while (*rest == ' ')
			rest++;
		if (*rest != '\0' && !inner_leads[i].mid)
			continue;   /* "… published on May 3 in the Times" is running text */
		const char *src = *rest != '\0' ? rest : next;
		if (src == NULL)
			break;
		char *r = text_normalize(src);
		size_t seplen, len = segment_len(r, &seplen);
		while (len > 0 && strchr(" ,.:", r[len - 1]) != NULL && !isdigit((unsigned char)r[len - 1]))
			len--;
		if (len >= 6 && len <= 60 && only_date(r, len)) {
			r[len] = '\0';
			out = meta_date_normalize(r, false, 0);
		}
		free(r);
		break;
	}
	free(t);
	return out;
}

/* Words that label a date as the last change, not the publication. */
static const char *const update_words[] = {
	"updated", "update", "modified", "aktualisiert", "ge\xc3\xa4ndert", "mis \xc3\xa0 jour",
	"actualizado", "aggiornato", "bijgewerkt", "atualizado",
};

/* Whether the text before the first digit of s labels the date after it
 * as an update ("Last Updated: August 5, 2025", "Aktualisiert am 3.4.2024");
 * "Published May 1, 2024 (updated June 2)" is a publication date. */
bool
meta_date_says_updated(const char *s)
{
	size_t len = strcspn(s, "0123456789");
	for (size_t i = 0; i < sizeof update_words / sizeof update_words[0]; i++) {
		const char *p = strcasestr(s, update_words[i]);
		if (p != NULL && (size_t)(p - s) < len)
			return true;
	}
	return false;
}

/* Return a newly allocated YYYY-MM-DD from a /YYYY/MM/DD/ path in url, or
 * NULL when it has none. */
char *
meta_date_from_url(const char *url)
{
	if (url == NULL)
		return NULL;
	for (const char *p = strchr(url, '/'); p != NULL; p = strchr(p + 1, '/')) {
		int y, m, d;
		char tail;
		if (sscanf(p, "/%4d/%2d/%2d%c", &y, &m, &d, &tail) == 4 && tail == '/' &&
		    isdigit((unsigned char)p[1]) && isdigit((unsigned char)p[4]) && p[5] == '/' &&
		    p[8] == '/' && p[11] == '/' && y >= 1995 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31)
			return xasprintf("%04d-%02d-%02d", y, m, d);
	}
	return NULL;
}
