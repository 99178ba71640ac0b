#!/usr/bin/env python3
"""wxrgen.py — write a WordPress export of N generated posts to stdout, for
`make bench` and the resume test of tests/t_wxr.sh. Posts are stored the way
WordPress stores them: classic posts with blank lines between paragraphs and
[caption] shortcodes, block-editor posts with <!-- wp: --> comments. The
prose is shuffled from a few sentences written for this file; the output is
the same for the same N.

usage: wxrgen.py N [SITE_TITLE] [PAD_BYTES]

With PAD_BYTES, revisions (items quire skips) of 100 KB each follow the posts
until the export is at least that long: a large export with few posts.
"""
import random
import sys

SENTENCES = [
    "The ferry left late because the harbour master could not find his whistle.",
    "Nobody on the island owns a car, but everyone owns a wheelbarrow.",
    "In the spring the school closes for a week so the children can count puffins.",
    "The baker rises at four and the fishermen at five, which settles most arguments.",
    "A letter posted on Monday reaches the mainland on Thursday if the sea allows.",
    "The chapel bell is cracked, and the island has agreed to like the sound it makes.",
    "Visitors ask about the weather; islanders answer with the tide tables.",
    "There is one shop, and it sells everything except what you came for.",
    "The lighthouse was automated years ago, yet someone still polishes the brass.",
    "At low water you can walk to the seal rocks, and at high water you wait.",
]
TAGS = ["harbour", "weather", "school", "ferry", "birds", "letters", "chapel", "shop"]


def body(rng, i):
    paras = [" ".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 5)))
             for _ in range(rng.randint(3, 8))]
    if i % 2:
        out = "\n\n".join(paras)
        if i % 10 == 1:
            out += ('\n\n[caption id="attachment_%d" width="300"]<img src="https://isle.example.org/'
                    'files/%d.jpg" alt="" width="300" height="200" /> A view from the quay[/caption]'
                    % (i, i))
        return out
    return "\n\n".join("<!-- wp:paragraph -->\n<p>%s</p>\n<!-- /wp:paragraph -->" % p
                       for p in paras)


def main():
    n = int(sys.argv[1])
    site = sys.argv[2] if len(sys.argv) > 2 else "Island Notes"
    rng = random.Random(n)
    w = sys.stdout.write
    w('<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0"'
      ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
      ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
      ' xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
      '<title>%s</title>\n<link>https://isle.example.org</link>\n<language>en</language>\n'
      '<wp:wxr_version>1.2</wp:wxr_version>\n'
      '<wp:author><wp:author_login>ed</wp:author_login>'
      '<wp:author_display_name><![CDATA[Edith Quayle]]></wp:author_display_name></wp:author>\n'
      % site)
    for i in range(1, n + 1):
        day = 1 + i % 28
        month = 1 + (i // 28) % 12
        year = 2000 + i // 336
        tags = "".join('<category domain="post_tag" nicename="%s"><![CDATA[%s]]></category>' % (t, t)
                       for t in rng.sample(TAGS, 2))
        w('<item><title>Island note %d</title>\n'
          '<link>https://isle.example.org/%d/%02d/%02d/note-%d/</link>\n'
          '<dc:creator><![CDATA[ed]]></dc:creator>\n'
          '<guid isPermaLink="false">https://isle.example.org/?p=%d</guid>\n'
          '<content:encoded><![CDATA[%s]]></content:encoded>\n'
          '<wp:post_id>%d</wp:post_id>\n'
          '<wp:post_date_gmt><![CDATA[%d-%02d-%02d 12:%02d:00]]></wp:post_date_gmt>\n'
          '<wp:status><![CDATA[publish]]></wp:status>\n'
          '<wp:post_type><![CDATA[post]]></wp:post_type>\n%s</item>\n'
          % (i, year, month, day, i, i, body(rng, i), i, year, month, day, i % 60, tags))
    pad = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    text = " ".join(SENTENCES)
    chunk = "\n\n".join([text] * (100000 // (len(text) + 2)))
    written, r = 0, 0
    while written < pad:
        r += 1
        item = ('<item><title>Revision %d</title>\n'
                '<content:encoded><![CDATA[%s]]></content:encoded>\n'
                '<wp:post_id>%d</wp:post_id>\n<wp:status><![CDATA[inherit]]></wp:status>\n'
                '<wp:post_type><![CDATA[revision]]></wp:post_type>\n</item>\n'
                % (r, chunk, n + r))
        w(item)
        written += len(item.encode())
    w("</channel>\n</rss>\n")


if __name__ == "__main__":
    main()
