/* quotes.c — quotations and attribution (placeholder). */
#include "quotes.h"

void
quotes_find(struct article *a)
{
	(void)a;
}
