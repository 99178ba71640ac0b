/* blocks.c — article root to blocks (placeholder: paragraphs and headings). */
#include "blocks.h"

#include <stdlib.h>

#include "dom.h"

void
blocks_build(xmlNode *root, const char *base_url, struct article *a)
{
	for (xmlNode *n = root; n != NULL; ) {
		bool p = dom_is(n, "p"), h = n->name && n->name[0] == 'h' && n->name[1] >= '1' &&
		    n->name[1] <= '6' && n->name[2] == '\0';
		if (p || h) {
			char *t = dom_text(n);
			if (t[0])
				article_add_block(a, h ? BLOCK_HEADING : BLOCK_PARAGRAPH, h ? n->name[1] - '0' : 0, 0, t);
			free(t);
		}
		n = dom_next_in(n, root, p || h);
	}
}
