#!/usr/bin/env python3
"""seeds.py — write the fuzzers' seed corpora from quire's own fixtures.

usage: seeds.py OUT_DIR FIXTURE_DIR...

Every *.html under the fixture folders becomes seeds for each harness, in
the input format that harness reads (see tests/fuzz/fuzz_*.c): pages with a
leading selector byte for fuzz_extract and fuzz_html, the JSON-LD blocks for
fuzz_jsonparse, paragraph text for fuzz_text, and the line format of
fuzz_quotes; fuzz_query gets search queries. A few hand-written hostile strings are added. Nothing is taken
from outside the tree."""
import hashlib
import html
import os
import re
import sys
from html.parser import HTMLParser

HARNESSES = ("fuzz_extract", "fuzz_html", "fuzz_jsonparse", "fuzz_text", "fuzz_quotes",
             "fuzz_url", "fuzz_wxr", "fuzz_query", "fuzz_layout")


def write(out, harness, data):
    """Store data under out/harness/, named by its hash as libFuzzer does."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogateescape")
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(out, harness, name), "wb") as f:
        f.write(data)


class Lines(HTMLParser):
    """Turn a page into fuzz_quotes' line format: one line per block."""
    BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "figcaption", "dd", "dt"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.cur, self.quote, self.prefix = [], None, 0, ""
        self.skip = 0

    def flush(self):
        if self.cur is not None and "".join(self.cur).strip():
            self.lines.append(self.prefix + " ".join("".join(self.cur).split()))
        self.cur = None

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "blockquote":
            self.flush()
            self.quote += 1
        elif tag in self.BLOCKS:
            self.flush()
            self.cur = []
            if tag[0] == "h" and tag[1:].isdigit():
                self.prefix = "#" * int(tag[1:]) + " "
            elif tag == "li":
                self.prefix = "- "
            else:
                self.prefix = ">" * self.quote
        elif tag == "cite" and self.quote:
            self.flush()
            self.cur, self.prefix = [], "~ "
        elif tag == "q" and self.cur is not None:
            self.cur.append("{")
        elif tag == "br" and self.cur is not None:
            self.cur.append("\x01")
        elif tag == "hr":
            self.flush()
            self.lines.append("---")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag == "blockquote":
            self.flush()
            self.quote = max(0, self.quote - 1)
        elif tag in self.BLOCKS or (tag == "cite" and self.prefix == "~ "):
            self.flush()
        elif tag == "q" and self.cur is not None:
            self.cur.append("}")

    def handle_data(self, data):
        if self.cur is not None and not self.skip:
            self.cur.append(data)


HOSTILE_TEXT = [
    "plain words, then\x1b[31mred\x1b[0m and an OSC \x1b]0;title\x07 end",
    "C1 controls \xc2\x9b31m and \xc2\x85 next line; DEL \x7f",
    "overlong \xc0\xaf and \xe0\x80\xaf, surrogate \xed\xa0\x80, past range \xf4\x90\x80\x80",
    "truncated \xe2\x80",
    "spaces\u00a0\u2003\u200b\u3000 joiners \u200d\u200c soft\u00adhyphen \u2028line\u2029para",
    "\ufeffbom at the start",
    "json \"quotes\" \\ backslash \t tab \n newline \r return \x08 backspace",
]

HOSTILE_JSON = [
    '{"@context":"https://schema.org","@type":"BlogPosting","headline":"A \\u00e9t\\u00e9",'
    '"author":[{"@type":"Person","name":"Ann Example"}],"datePublished":"2024-03-23T19:05:31+00:00"}',
    '<!--//--><![CDATA[//><!--\n{"@graph":[{"@type":"WebPage"},{"@type":"Article","name":"x",}]}\n//--><!]]>',
    '{"a":"\\ud83d\\ude00 \\ud800 lone \\udc00 low \\u0000 nul"} ; [1,2,] {"b":-1.5e+3}',
    '/* comment */ {"k": "raw\tcontrol\x01 and \xc3\x28 bad utf-8", "n": [true, false, null]}',
    "[" * 70 + "]" * 70,
]

HOSTILE_URLS = [
    b"HTTP://WWW.www.Example.COM:0080/a//?utm_source=x&&id=%7e%2f%zz#frag",
    b"https://user:pw@[::1]:443/caf\xc3\xa9 x/?CMP=a&fbclid=b&x\0https://[::1]/caf%C3%A9%20x",
    b"http://%57ww.example.com:%38%30/%41?utm%5Fmedium=1",
    b"  mailto:a@b#c  ",
    b"http://",
    b"http:///?#",
]

QUERIES = [
    "wagner", "\"window was prepared\"", "absurd*", "cats AND dogs OR mice NOT rats",
    "(cats OR dogs) NOT (mice OR \"old rats\"*)", "NEAR(cats dogs, 5)", "NEAR(", "a OR", "\"",
    "*", "-", ":", "(", ")", "title:cats", "\u201ccurly phrase\u201d", "caf\u00e9 cr\u00e8me",
    "ab\udcff\udcfecd", "NEAR(\"a b\"* c,)", "((a)) OR (", "don't e-mail e.g.",
    "(a OR " * 40 + "z" + ")" * 40,
]

HOSTILE_PAGES = [
    b"<html><body><article><h1>T</h1><p>" + b"x" * 3000 + b"</p></article></body></html>",
    b"\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00",
    b"<meta charset=shift_jis><p>\x82\xa0\x82\xa2</p>",
    b"<meta http-equiv=Content-Type content='text/html; charset=koi8-r'><p>\xf0\xd2\xc9</p>",
    b"<?xml version='1.0' encoding='iso-8859-2'?><html><p>\xb1\xe6</p></html>",
    b"<div>" * 200 + b"<p>deep paragraph of enough words to be text</p>" + b"</div>" * 200,
    b"<p>NUL \x00 inside</p><a href='javascript:alert(1)'>js</a><a href='data:x'>d</a>",
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
]


def main():
    out, dirs = sys.argv[1], sys.argv[2:]
    for h in HARNESSES:
        os.makedirs(os.path.join(out, h), exist_ok=True)
    pages = []
    # fuzz_wxr: exports and feeds (*.xml), selector byte 0 (WXR), 2 (WXR, all
    # statuses), 1 (feed); post bodies from the exports under 0xf0.
    for d in dirs:
        for root, _, files in os.walk(d):
            for f in sorted(files):
                if f.endswith(".xml"):
                    with open(os.path.join(root, f), "rb") as fh:
                        doc = fh.read()
                    for sel in (b"\x00", b"\x02", b"\x01"):
                        write(out, "fuzz_wxr", sel + doc)
                    for m in re.finditer(rb"<content:encoded><!\[CDATA\[(.*?)\]\]>", doc, re.S):
                        write(out, "fuzz_wxr", b"\xf0" + m.group(1))
    for d in dirs:
        for root, _, files in os.walk(d):
            for f in sorted(files):
                if f.endswith(".html"):
                    with open(os.path.join(root, f), "rb") as fh:
                        pages.append(fh.read())
    pages += HOSTILE_PAGES
    for i, page in enumerate(pages):
        # fuzz_extract: byte = charset index (low 4 bits) + URL index (next 2).
        write(out, "fuzz_extract", b"\x10" + page)
        write(out, "fuzz_extract", bytes([(i * 37) & 0x3f]) + page)
        write(out, "fuzz_html", b"\x00" + page)
        write(out, "fuzz_html", bytes([(i * 7) % 20]) + page)
        text = page.decode("utf-8", "surrogateescape")
        for m in re.finditer(r'<script[^>]*ld\+json[^>]*>(.*?)</script>', text, re.S | re.I):
            write(out, "fuzz_jsonparse", m.group(1))
        parser = Lines()
        try:
            parser.feed(text)
            parser.close()
        except Exception:
            continue
        parser.flush()
        if parser.lines:
            write(out, "fuzz_quotes", "\n".join(parser.lines)[:60000])
            # fuzz_layout: two widths and the flags, then the same lines.
            write(out, "fuzz_layout", bytes([8 + 20 + i % 90, 8 + 40 + (i * 13) % 120, i % 8])
                  + "\n".join(parser.lines)[:60000].encode("utf-8", "surrogateescape"))
            for line in parser.lines[:40]:
                if len(line) > 40:
                    write(out, "fuzz_text", html.unescape(line))
    for i, page in enumerate(pages[:200]):
        # fuzz_url: each link's href, with the next one after a NUL.
        hrefs = re.findall(rb'href=["\']([^"\']{1,300})', page)
        for a, b in zip(hrefs[:20], hrefs[1:21]):
            write(out, "fuzz_url", a + b"\0" + b)
    for u in HOSTILE_URLS:
        write(out, "fuzz_url", u)
    for s in HOSTILE_TEXT:
        write(out, "fuzz_text", s.encode("latin-1", "surrogateescape")
              if all(ord(c) < 256 for c in s) else s.encode("utf-8"))
    for s in HOSTILE_JSON:
        write(out, "fuzz_jsonparse", s.encode("latin-1") if all(ord(c) < 256 for c in s) else s)
    for q in QUERIES:
        write(out, "fuzz_query", q)
    write(out, "fuzz_quotes", "As Ann Example writes in The Weekly Review, in an article entitled "
          "Lanterns; \u201cthe first paragraph of a long quotation\n\u201cthe second one reopens\n"
          "and the third closes it.\u201d\n> a block quote\n~ Ann Example, The Weekly Review, 1999\n"
          "= a pull quote of some words\n# Heading\n- a {short quoted phrase} item\n---\n")
    write(out, "fuzz_layout", b"\x1c\x58\x04# A *heading* with [a link]\n>> quoted _strong_ words\n"
          b"-- a nested item\n1. first\n` pre\tformatted\x01second line\n! an image's alt\n---\n"
          b"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e wide and e\xcc\x81 combining \xff\x1b[31m\n")


if __name__ == "__main__":
    main()
