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

#endif
