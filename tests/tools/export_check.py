#!/usr/bin/env python3
"""export_check.py — checks on `quire export --format markdown` output that
are easier in Python than in sh.

  export_check.py corpus MDDIR JSONDIR
      For every ID.json in JSONDIR (`quire show ID --format json`), the
      Markdown file in MDDIR ending in -ID.md: valid UTF-8, no control
      characters but newline and tab, and the first 40 characters of every
      paragraph, heading, list item and preformatted block appear in it once
      rendered by cmark, the CommonMark reference implementation, when it is
      installed: character for character (white space folded), except in
      passages quoted in running text, whose quotation marks move when they
      become block quotes, and preformatted text, compared on letters and
      digits only. Without cmark, Markdown's escapes, emphasis and link
      brackets are taken out by hand and every block compared on letters and
      digits.
  export_check.py seed MD EXPECTED_JSON
      The seed fixture: each expected quotation with an author is a '>'
      block whose text holds the quotation's start and is followed by a
      '> — Author' line; each expected link is a reference [text][n] with
      its "[n]: URL" line.
Prints one line per failure and "checked N" at the end; exits 1 on failure.
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys

CMARK = shutil.which('cmark')


def plain(md):
    """Markdown text with escapes, emphasis, code marks and link brackets out."""
    md = re.sub(r'(?<!\\)\]\[\d+\]', '', md)
    md = re.sub(r'(?<!\\)[\[*`]', '', md)
    return re.sub(r'\\([!-/:-@\[-`{-~])', r'\1', md)


def rendered(md):
    """The text a reader sees: through cmark (the CommonMark reference
    implementation) when it is installed, tags and entities taken out; else
    plain() of the Markdown."""
    if CMARK is None:
        return plain(md)
    m = re.match(r'---\n.*?\n---\n', md, re.S)
    body = md[m.end():] if m else md
    out = subprocess.run([CMARK], input=body.encode('utf-8'), stdout=subprocess.PIPE,
                         check=True).stdout.decode('utf-8')
    out = re.sub(r'</?(a|em|strong|code|img)\b[^>]*>', '', out)
    return html.unescape(re.sub(r'<[^>]*>', ' ', out))


def alnum(s):
    return ''.join(c for c in s if c.isalnum())


def corpus(mddir, jsondir):
    bad = checked = 0
    names = {}
    for n in os.listdir(mddir):
        m = re.search(r'-(\d+)\.md$', n)
        if m:
            names[m.group(1)] = os.path.join(mddir, n)
    for j in sorted(os.listdir(jsondir)):
        if not j.endswith('.json'):
            continue
        aid = j[:-5]
        art = json.load(open(os.path.join(jsondir, j), encoding='utf-8'))
        path = names.get(aid)
        if path is None:
            print('no Markdown file for article %s' % aid)
            bad += 1
            continue
        raw = open(path, 'rb').read()
        try:
            text = raw.decode('utf-8')
        except UnicodeDecodeError as e:
            print('%s: not UTF-8: %s' % (path, e))
            bad += 1
            continue
        ctl = [c for c in text if (ord(c) < 32 and c not in '\n\t') or 0x7f <= ord(c) < 0xa0]
        if ctl:
            print('%s: control characters %r' % (path, ctl[:3]))
            bad += 1
        shown = rendered(text)
        body = alnum(shown)
        words = ' '.join(shown.split())
        # Passages quoted in running text lose their quotation marks when they
        # become block quotes; elsewhere cmark must give back the very text.
        moved = set()
        for q in art.get('quotes', []):
            if q['kind'] == 'inline':
                moved.update(range(q['first_block'], q['last_block'] + 1))
        for i, b in enumerate(art['blocks']):
            if b['kind'] not in ('paragraph', 'heading', 'list_item', 'preformatted'):
                continue
            want = alnum(b['text'][:40])
            exact = CMARK and b['kind'] != 'preformatted' and i not in moved
            checked += 1
            if exact and ' '.join(b['text'][:40].split()) not in words:
                print('%s: block %d (%s) not rendered as written: %r' % (path, i, b['kind'],
                      b['text'][:40]))
                bad += 1
            elif want and want not in body:
                print('%s: block %d (%s) missing: %r' % (path, i, b['kind'], b['text'][:40]))
                bad += 1
    print('checked %d blocks in %d articles%s' % (checked, len(names),
          ' rendered by cmark' if CMARK else ''))
    return bad == 0 and checked > 0


def seed(mdpath, expected):
    text = open(mdpath, encoding='utf-8').read()
    exp = json.load(open(expected, encoding='utf-8'))
    lines = text.split('\n')
    bad = checked = 0
    quoted = alnum(plain(' '.join(l for l in lines if l.startswith('>'))))
    for q in exp.get('quotes', []):
        author = (q.get('attribution') or {}).get('author')
        if not author:
            continue
        checked += 1
        if alnum(q['first_60'][:40]) not in quoted:
            print('quotation not in a > block: %r' % q['first_60'])
            bad += 1
        if not any(re.match(r'^(> )+— ' + re.escape(author) + r'\b', l) for l in lines):
            print('no "> — %s" attribution line' % author)
            bad += 1
    refs = {}
    for l in lines:
        m = re.match(r'^\[(\d+)\]: <?(.*?)>?$', l)
        if m:
            refs.setdefault(m.group(2), []).append(m.group(1))
    unescaped = re.sub(r'\\([!-/:-@\[-`{-~])', r'\1', text)
    for link in exp.get('links', []):
        checked += 1
        nums = refs.get(link['url'])
        if not nums:
            print('no reference line for %s' % link['url'])
            bad += 1
            continue
        label = link['text']
        if not any('[%s][%s]' % (label, n) in unescaped for n in nums):
            print('no [%s][n] reference to %s' % (label, link['url']))
            bad += 1
    print('checked %d quotations and links' % checked)
    return bad == 0 and checked > 0


if __name__ == '__main__':
    if len(sys.argv) == 4 and sys.argv[1] == 'corpus':
        sys.exit(0 if corpus(sys.argv[2], sys.argv[3]) else 1)
    if len(sys.argv) == 4 and sys.argv[1] == 'seed':
        sys.exit(0 if seed(sys.argv[2], sys.argv[3]) else 1)
    sys.exit(__doc__)
