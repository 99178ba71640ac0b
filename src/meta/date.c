/* date.c — dates as pages write them, read into ISO 8601: numeric forms
 * (2024-03-23T19:05:31Z, "2024-03-23 19:05:31", +0000 zones, 23.03.2024)
 * and written ones in English, German, French, Spanish, Italian and Dutch
 * ("March 23, 2024", "23. März 2024", RFC 2822). Output is
 * YYYY-MM-DDTHH:MM:SS±HH:MM, or YYYY-MM-DD when the page gives no time. */
#include "date.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text.h"
#include "util.h"

/* Month names and abbreviations in the languages of the pages quire meets
 * most: English, German, French, Spanish, Italian, Dutch. */
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
