/* meta/date.h — the metadata stage's date reader (private to meta). */
#ifndef QUIRE_META_DATE_H
#define QUIRE_META_DATE_H

#include <stdbool.h>

/* Return s as a newly allocated ISO 8601 date, or NULL when s holds none. A
 * time without a zone takes default_off (minutes east of UTC) when
 * have_default, else UTC; a date without a time stays a bare date. */
char *meta_date_normalize(const char *s, bool have_default, int default_off);
/* Whether s is a numeric date that states its zone; sets *off (minutes). */
bool meta_date_zone(const char *s, int *off);
/* Return a newly allocated ISO date from visible text that holds a date and
 * nothing else, after an optional lead-in ("Posted on", "Veröffentlicht
 * am") and before a byline separator ("|", " by "), or NULL. With
 * need_lead, only text opening with a lead-in that names publication. */
char *meta_date_visible(const char *text, bool need_lead);
/* Return a newly allocated ISO date that follows a publication lead-in at
 * the start of text or inside it ("… was posted on May 19th, 2010 at …"),
 * or that next holds when the lead-in ends text; NULL when there is none. */
char *meta_date_after_lead(const char *text, const char *next);
/* Whether the text before the first digit of s labels the date after it
 * as an update ("Last updated: …", "Aktualisiert am …"). */
bool meta_date_says_updated(const char *s);
/* Return a newly allocated YYYY-MM-DD from a /YYYY/MM/DD/ path in url, or
 * NULL when it has none. */
char *meta_date_from_url(const char *url);

#endif
