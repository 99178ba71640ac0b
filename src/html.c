/* html.c — bytes to DOM. */
#include "html.h"

#include "util.h"

htmlDocPtr
html_parse(const char *bytes, size_t len, const char *transport_charset, const char *url,
    char **errp)
{
	if (len > 0x7fffffff) {
		set_error(errp, "page too large");
		return NULL;
	}
	htmlDocPtr doc = htmlReadMemory(bytes, (int)len, url, transport_charset ? transport_charset : "UTF-8",
	    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	if (doc == NULL)
		set_error(errp, "cannot parse as HTML");
	return doc;
}
