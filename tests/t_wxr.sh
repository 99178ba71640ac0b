#!/bin/sh
# t_wxr.sh — quire import of WordPress exports (issue 6): our own small
# export (metadata, wpautop, shortcodes, block comments, what is skipped,
# --status), re-import (unchanged, updated, never duplicated), an import
# interrupted and resumed, progress on a terminal, broken XML recovered,
# entity traps (an external entity naming /etc/passwd, nested "billion
# laughs" entities) imported safely in bounded memory, and the WordPress
# theme unit test export from ../shared when it is there.
# Env: QUIRE (binary under test), TOP (repository root), BUILD.
: "${QUIRE:?}" "${TOP:?}"
BUILD=${BUILD:-$TOP/build}
FIX="$TOP/tests/fixtures/blog"
SHARED="$TOP/../shared/corpus/wxr/themeunittestdata.wordpress.xml"
T=$(mktemp -d "${TMPDIR:-/tmp}/quire-t-wxr.XXXXXX") || exit 1
pid=
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
HOME="$T/home" XDG_DATA_HOME="$T/xdg"
export HOME XDG_DATA_HOME
passed=0 failed=0 skipped=0

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() {  # description, then a command that must succeed
	d=$1; shift
	if "$@"; then ok; else fail "$d"; fi
}
# Run quire on library $DB, keeping stdout, stderr and status in $T/out, $T/err, $rc.
q() { "$QUIRE" --db "$DB" "$@" >"$T/out" 2>"$T/err"; rc=$?; }
count() { "$QUIRE" --db "$DB" list --json | grep -c '"id":'; }
has() { grep -q -- "$2" "$1"; }
# dump FILE: every article of $DB as one JSON object a line.
dump() {
	for id in $("$QUIRE" --db "$DB" list --json | sed -n 's/.*"id": \([0-9]*\).*/\1/p'); do
		"$QUIRE" --db "$DB" show --format json "$id" | python3 -c \
		    'import json, sys; print(json.dumps(json.load(sys.stdin)))'
	done >"$1"
}
# pycheck NAME FILE PYTHON: run PYTHON with the articles of FILE in `arts`;
# it prints problems, one a line; none is a pass.
pycheck() {
	name=$1 file=$2 code=$3
	python3 -c "import json, sys
arts = [json.loads(l) for l in open(sys.argv[1])]
by_title = {a['title']: a for a in arts}
def text(a, kinds=None):
    return '\n'.join(b['text'] for b in a['blocks'] if kinds is None or b['kind'] in kinds)
$code" "$file" >"$T/py" 2>&1
	if [ -s "$T/py" ]; then fail "$name: $(head -n 5 "$T/py")"; else ok; fi
}

# --- our own export -------------------------------------------------------
DB="$T/own.db"
q import "$FIX/site.wxr.xml"
check "own export imports (rc $rc: $(cat "$T/err"))" [ "$rc" = 0 ]
check "three items stored" [ "$(count)" = 3 ]
check "stdout names each item" [ "$(grep -c "$(printf '\t')" "$T/out")" = 3 ]
check "summary counts" has "$T/err" '3 items: 3 added, 0 updated, 0 unchanged, 0 failed'
check "summary names the skipped" has "$T/err" 'skipped 6 (1 draft, 1 private, 1 revision, 2 attachment, 1 nav_menu_item)'
dump "$T/own.json"
pycheck "own export metadata" "$T/own.json" '
want = [
    ("The Lamp Room in Winter", "Maud Farrow", "2021-01-14T18:30:00+00:00",
     ["Weather", "lamp", "winter"], "https://keeper.example.org/2021/01/14/lamp-room-winter/"),
    ("What the Inspector Said", "Tobias Wren", "2021-03-02T10:15:00+00:00",
     ["Visitors"], "https://keeper.example.org/2021/03/02/inspector/"),
    ("About This Log", "Maud Farrow", "2020-11-30T08:00:00+00:00", [],
     "https://keeper.example.org/about/"),
]
for title, author, date, tags, url in want:
    a = by_title.get(title)
    if a is None:
        print("missing", title); continue
    got = (a["author"], a["published"], a["tags"], a["canonical_url"], a["site_name"], a["language"])
    exp = (author, date, tags, url, "The Lighthouse Keeper'"'"'s Log", "en-GB")
    if got != exp: print(title, got, "!=", exp)
    if a["modified"] is None and title.startswith("The Lamp"): print("no modified date")
'
pycheck "own export bodies" "$T/own.json" '
lamp = by_title["The Lamp Room in Winter"]
kinds = [b["kind"] for b in lamp["blocks"]]
body = text(lamp)
# wpautop: a single newline is a line break, a blank line a new paragraph.
if lamp["blocks"][0]["text"] != "The wind came round to the north-east before dawn, and by eight the spray was reaching the gallery rail.\nI climbed the stairs twice to check the lantern glass.":
    print("first paragraph:", repr(lamp["blocks"][0]["text"]))
# [caption]: the image with its caption as text.
caps = [b for b in lamp["blocks"] if b["kind"] == "image" and b["text"] == "The lamp at dusk, before the shutters went up"]
if len(caps) != 1 or not caps[0]["src"].endswith("lamp-300x200.jpg"): print("caption image:", caps)
# [gallery ids] and [gallery] (the post'"'"'s attachments): two images each.
gal = [b["src"] for b in lamp["blocks"] if b["kind"] == "image" and b["text"] == ""]
if gal != ["https://keeper.example.org/files/lamp.jpg", "https://keeper.example.org/files/rocks.jpg"] * 2:
    print("gallery images:", gal)
for bad in ("[caption", "[/caption", "[gallery ids", "[highlight", "[/highlight", "[embed", "[audio", "[contact-form", "<!--"):
    if bad in body: print("literal", bad)
for good in ("Oil is measured in gallons, never in hopes.", "rule [sic] that", "type [gallery] and",
             "https://video.example.org/watch/lamp-room", "https://keeper.example.org/files/foghorn.mp3",
             "The relief boat did not come."):
    if good not in body: print("missing", good)
pre = [b["text"] for b in lamp["blocks"] if b["kind"] == "preformatted"]
if pre != [" wind   NE 7\n sea    rough\n\n glass  falling"]: print("pre:", pre)
insp = by_title["What the Inspector Said"]
if [b["quote"] for b in insp["blocks"]] != [0, 1, 0]: print("quote depths", [b["quote"] for b in insp["blocks"]])
q = insp["quotes"]
if len(q) != 1 or q[0]["author"] != "Captain Ada Merrow" or q[0]["title"] != "Notes on Coastal Lights":
    print("quote:", q)
if insp["blocks"][2]["text"] != "He wrote that down twice, and underlined it.":
    print("block post: no wpautop inside blocks:", repr(insp["blocks"][2]["text"]))
about = by_title["About This Log"]
if [b["kind"] for b in about["blocks"]] != ["paragraph", "paragraph"]: print("page:", about["blocks"])
'

# --status takes private and draft items as well.
DB="$T/status.db"
q import --status publish,private,draft "$FIX/site.wxr.xml"
check "--status publish,private,draft: five items (rc $rc)" [ "$rc" = 0 ] && [ "$(count)" = 5 ]
check "--status summary" has "$T/err" 'skipped 4 (1 revision, 2 attachment, 1 nav_menu_item)'

# --- re-import: unchanged, then one changed and one new ----------------------
DB="$T/own.db"
q import "$FIX/site.wxr.xml"
check "re-import leaves all unchanged" has "$T/err" '3 items: 0 added, 0 updated, 3 unchanged, 0 failed'
check "re-import prints no item lines" [ ! -s "$T/out" ]
sed -e 's/He wrote that down twice,/He wrote that down three times,/' \
    -e 's|<title>A Draft About Gulls</title>|<title>Gulls, Published</title>|' \
    -e 's|<wp:status><!\[CDATA\[draft\]\]></wp:status>|<wp:status><![CDATA[publish]]></wp:status>|' \
    "$FIX/site.wxr.xml" >"$T/site2.xml"
q import "$T/site2.xml"
check "changed export: one updated, one added" has "$T/err" '4 items: 1 added, 1 updated, 2 unchanged, 0 failed'
check "no duplicates" [ "$(count)" = 4 ]
"$QUIRE" --db "$DB" show 2 >"$T/show2"
check "updated text is there" has "$T/show2" 'three times'

# --- broken XML: recovered, reported ----------------------------------------
DB="$T/broken.db"
sed -e 's|<title>About This Log</title>|<title>About This Log</titel>|' \
    -e 's|Nothing in it is secret|Nothing in it is secret \x01|' "$FIX/site.wxr.xml" >"$T/broken.xml"
q import "$T/broken.xml"
check "broken XML: reported (rc $rc)" has "$T/err" 'XML line [0-9]*: .*(skipped)'
check "broken XML: the items before the damage are kept" [ "$(count)" -ge 2 ]
check "broken XML: summary line" has "$T/err" 'WordPress export "The Lighthouse Keeper.s Log"'

# --- entity traps --------------------------------------------------------------
for trap_ in xxe laughs; do
	DB="$T/$trap_.db"
	if [ -x "$BUILD/tools/runstat" ]; then
		"$BUILD/tools/runstat" "$QUIRE" --db "$DB" import "$FIX/$trap_.wxr.xml" >"$T/out" 2>"$T/err"
		rss=$(sed -n 's/.*maxrss_kb=\([0-9]*\).*/\1/p' "$T/err" | tail -n 1)
		check "$trap_: peak RSS ${rss:-?} KiB under 100 MiB" [ "${rss:-999999}" -lt 102400 ]
	else
		"$QUIRE" --db "$DB" import "$FIX/$trap_.wxr.xml" >"$T/out" 2>"$T/err"
		skipped=$((skipped + 1))
	fi
	# Imported or refused, but never with the file's contents or a blow-up.
	if [ -f "$DB" ]; then
		check "$trap_: no /etc/passwd line in the library" sh -c \
		    "! cat '$DB' '$DB-wal' 2>/dev/null | grep -a -q 'root:'"
		check "$trap_: no expanded entities in the library" sh -c \
		    "! cat '$DB' '$DB-wal' 2>/dev/null | grep -a -q 'lollollol'"
	fi
	check "$trap_: nothing of /etc/passwd printed" sh -c "! grep -a -q 'root:' '$T/out' '$T/err'"
	check "$trap_: said why ($(head -n 1 "$T/err"))" grep -q -e 'not expanded' -e 'entity' "$T/err"
	if [ "$trap_" = laughs ]; then
		check "laughs: says the expansion was refused" grep -q "nested entity expansion refused" "$T/err"
	fi
done
DB="$T/xxe.db"
"$QUIRE" --db "$DB" show 1 >"$T/show" 2>&1
check "xxe: the ordinary text is imported" has "$T/show" 'This body is ordinary text.'

# --- an export larger than a page may be: streamed ---------------------------
# Over SOURCE_MAX_BYTES (64 MB) a file is not loaded whole but read as it is
# imported: it imports, in memory far below its size (not checked under the
# sanitizers, whose shadow memory dwarfs it), and an external entity in such
# a file is no more expanded than in a small one.
DB="$T/large.db"
python3 "$TOP/tests/tools/wxrgen.py" 5 "Big Island" 70000000 >"$T/large.xml"
if [ -x "$BUILD/tools/runstat" ]; then
	"$BUILD/tools/runstat" "$QUIRE" --db "$DB" import "$T/large.xml" >"$T/out" 2>"$T/err"
	rc=$(sed -n 's/.*status=\([0-9]*\).*/\1/p' "$T/err" | tail -n 1)
	rss=$(sed -n 's/.*maxrss_kb=\([0-9]*\).*/\1/p' "$T/err" | tail -n 1)
	if [ "${QUIRE_SANITIZED:-0}" = 1 ]; then
		skipped=$((skipped + 1))
	else
		check "70 MB export: peak RSS ${rss:-?} KiB under 48 MiB" [ "${rss:-999999}" -lt 49152 ]
	fi
else
	q import "$T/large.xml"
	skipped=$((skipped + 1))
fi
check "70 MB export: imported (rc $rc: $(head -c 200 "$T/err"))" [ "$rc" = 0 ]
check "70 MB export: its five posts" has "$T/err" '"Big Island": 5 items: 5 added, 0 updated'
check "70 MB export: its revisions skipped" has "$T/err" 'skipped [0-9]* ([0-9]* revision)'
check "70 MB export: five articles" [ "$(count)" = 5 ]
rm -f "$T/large.xml"
DB="$T/large-xxe.db"
python3 - "$FIX/xxe.wxr.xml" "$T/large-xxe.xml" <<'PY'
import sys
s = open(sys.argv[1]).read()
text = "The ferry left late because the harbour master could not find his whistle. " * 1300
pad = "".join("<item><title>R%d</title><content:encoded><![CDATA[%s]]></content:encoded>"
              "<wp:post_type>revision</wp:post_type></item>\n" % (i, text) for i in range(700))
i = s.rindex("</channel>")
open(sys.argv[2], "w").write(s[:i] + pad + s[i:])
PY
q import "$T/large-xxe.xml"
check "70 MB xxe: imported (rc $rc)" [ "$rc" = 0 ]
check "70 MB xxe: said the entities stay" has "$T/err" 'entity references not expanded'
check "70 MB xxe: no /etc/passwd line in the library" sh -c \
    "! cat '$DB' '$DB-wal' 2>/dev/null | grep -a -q 'root:'"
"$QUIRE" --db "$DB" show 1 >"$T/show" 2>&1
check "70 MB xxe: the ordinary text is imported" has "$T/show" 'This body is ordinary text.'
rm -f "$T/large-xxe.xml"

# --- interrupted import, resumed --------------------------------------------
N=3000
python3 "$TOP/tests/tools/wxrgen.py" $N >"$T/big.xml"
DB="$T/big.db"
# Empty first: the wait below must not find an earlier command's item line
# before this import has even opened its output.
: >"$T/out"
: >"$T/err"
"$QUIRE" --db "$DB" import "$T/big.xml" >"$T/out" 2>"$T/err" &
pid=$!
# Wait (bounded) until some items are committed, then interrupt (TERM:
# a background job of a non-interactive shell ignores SIGINT).
i=0
while [ $i -lt 600 ] && ! grep -q "$(printf '\t')" "$T/out" 2>/dev/null; do
	sleep 0.05
	i=$((i + 1))
done
kill -TERM "$pid" 2>/dev/null
wait "$pid"
irc=$?
pid=
done_before=$(count)
check "interrupted import exits 1 (rc $irc)" [ "$irc" = 1 ]
check "interrupted import says how far it got ($(tail -n 1 "$T/err"))" has "$T/err" \
    "interrupted after $done_before of $N items: the same import again picks up the rest"
check "interrupted import printed a line for each committed item" \
    [ "$(grep -c "$(printf '\t')" "$T/out")" = "$done_before" ]
check "interrupted import kept committed items ($done_before of $N)" [ "$done_before" -ge 1 ]
echo "t_wxr: interrupted after $done_before of $N items"
q import "$T/big.xml"
check "resumed import completes (rc $rc)" [ "$rc" = 0 ]
check "resumed import: $((N - done_before)) added, $done_before unchanged" has "$T/err" \
    "$N items: $((N - done_before)) added, 0 updated, $done_before unchanged, 0 failed"
check "resumed import: no duplicates" [ "$(count)" = $N ]

# --- progress on a terminal --------------------------------------------------
if command -v script >/dev/null 2>&1; then
	DB="$T/tty.db"
	script -qec "'$QUIRE' --db '$DB' import '$FIX/site.wxr.xml'" /dev/null >"$T/tty" 2>&1
	check "progress on a terminal" grep -q 'importing 3/3 items, [0-9]*/s' "$T/tty"
	DB="$T/notty.db"
	q import "$FIX/site.wxr.xml"
	check "no progress when stderr is not a terminal" sh -c "! grep -q importing '$T/err'"
else
	skipped=$((skipped + 2))
fi

# --- the WordPress theme unit test export -------------------------------------
if [ ! -f "$SHARED" ]; then
	skipped=$((skipped + 6))
else
	DB="$T/theme.db"
	q import "$SHARED"
	check "theme unit test imports (rc $rc)" [ "$rc" = 0 ]
	# From the file (counted with xml.etree): 49 published posts and 21
	# published pages; left out: 70 nav_menu_item, 38 attachment, one
	# future post and one draft.
	check "70 published posts and pages" has "$T/err" '70 items: 70 added, 0 updated, 0 unchanged, 0 failed'
	check "110 skipped" has "$T/err" 'skipped 110 (38 attachment, 70 nav_menu_item, 1 future, 1 draft)'
	check "library holds 70" [ "$(count)" = 70 ]
	dump "$T/theme.json"
	check "49 posts have a date path in their permalink" [ \
	    "$(grep -c '"canonical_url": "https://wpthemetestdata.wordpress.com/20[0-9][0-9]/' "$T/theme.json")" = 49 ]
	# Checked by hand against the export: title, wp:post_date_gmt, the
	# display name of dc:creator's wp:author, categories then tags.
	pycheck "theme unit test table" "$T/theme.json" '
rows = """Keyboard navigation|2018-10-21T03:03:48+00:00|Theme Reviewer|Codex
Post Format: Standard|2010-10-05T07:27:25+00:00|Theme Buster|Classic,Post Formats,readability,standard
Post Format: Gallery|2010-09-10T14:24:14+00:00|Theme Buster|Classic,gallery,Post Formats,shortcode
Post Format: Quote|2010-02-05T15:13:15+00:00|Theme Buster|Classic,Post Formats,Quote
Template: Excerpt (Defined)|2012-03-15T21:38:08+00:00|Theme Buster|Classic,content περιεχόμενο,excerpt,template,Uncategorized
Edge Case: Nested And Mixed Lists|2009-05-15T21:48:32+00:00|Theme Buster|Classic,content περιεχόμενο,css,edge case,lists,markup
Post Format: Video (YouTube)|2010-06-02T09:00:58+00:00|Theme Buster|Classic,Post Formats,Video
Markup: Image Alignment|2013-01-11T03:15:40+00:00|Theme Buster|Classic,alignment,captions,content περιεχόμενο,css,image,Markup
Markup: HTML Tags and Formatting|2013-01-12T03:22:19+00:00|Theme Buster|Classic,content περιεχόμενο,css,formatting,html,Markup
Template: Sticky|2012-01-07T14:07:21+00:00|Theme Buster|Classic,sticky,template,Uncategorized
Block category: Common|2018-11-01T07:10:43+00:00|Theme Reviewer|Block,image,embeds,gallery,video,content περιεχόμενο
Block: Quote|2018-11-01T15:28:56+00:00|Theme Reviewer|Block,content περιεχόμενο
Ελληνικά-Greek|2020-02-14T10:31:00+00:00|Theme Reviewer|"""
for row in rows.split("\n"):
    title, date, author, tags = row.split("|")
    a = by_title.get(title)
    if a is None:
        print("missing", title); continue
    got = (a["published"], a["author"], ",".join(a["tags"]), a["site_name"])
    if got != (date, author, tags, "Theme Unit Test Data"): print(title, got)
'
	pycheck "theme unit test: titles with markup read as shown" "$T/theme.json" '
for t in ("Markup: Title With Markup",
          "Markup: Title With Special Characters ~`!@#$%^&*()-_=+{}[]/\\;:\x27\"?,.>"):
    if t not in by_title: print("missing title", repr(t))
'
	pycheck "theme unit test quotes" "$T/theme.json" '
def quotes(title): return by_title[title]["quotes"]
html = quotes("Markup: HTML Tags and Formatting")
if not any(q["kind"] == "block" and q["text"] == "Stay hungry. Stay foolish." for q in html): print("Stay hungry")
if not any(q["kind"] == "block" and q.get("cite_url") == "https://developer.mozilla.org/en-US/docs/Web/HTML/Element/blockquote" for q in html): print("MDN cite")
pf = quotes("Post Format: Quote")
if not any(q["kind"] == "block" and q["author"] == "Mark Twain" and "copyright law" in q["text"] for q in pf): print("Twain", pf)
bq = quotes("Block: Quote")
if not any(q["author"] == "Johannes Gutenberg" and q["text"].startswith("Yes, it is a press") for q in bq): print("Gutenberg", bq)
if not any(q["kind"] == "pull" for q in bq): print("no pull quote")
'
	pycheck "theme unit test: no shortcode or block comment in a body" "$T/theme.json" '
import re
for a in arts:
    # One post shows a block comment as code, escaped: only <pre> may hold one.
    body = text(a, ("paragraph", "heading", "list_item", "image"))
    for m in re.finditer(r"\[/?(caption|gallery|embed|video|audio|playlist|wp_caption)\b|<!-- /?wp:", body):
        print(a["title"], "has", m.group(0))
'
fi

echo "t_wxr: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
