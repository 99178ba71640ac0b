#!/bin/sh
# t_feed.sh — quire import of RSS 2.0 and Atom feeds (issue 6): our own RSS
# (WordPress /feed/ style, content:encoded) and Atom (html, xhtml and text
# content) fixtures, re-import adding new and updating changed items, and a
# paginated WordPress-style feed served by tests/tools/httpd.py on
# 127.0.0.1: --all follows ?paged=N until a page is missing or repeats,
# --full fetches the page of an item that carries only a summary.
# Env: QUIRE (binary under test), TOP (repository root).
: "${QUIRE:?}" "${TOP:?}"
FIX="$TOP/tests/fixtures/blog"
T=$(mktemp -d "${TMPDIR:-/tmp}/quire-t-feed.XXXXXX") || exit 1
server=
cleanup() {
	[ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
HOME="$T/home" XDG_DATA_HOME="$T/xdg"
export HOME XDG_DATA_HOME
passed=0 failed=0 skipped=0

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() {
	d=$1; shift
	if "$@"; then ok; else fail "$d"; fi
}
q() { "$QUIRE" --db "$DB" "$@" >"$T/out" 2>"$T/err"; rc=$?; }
count() { "$QUIRE" --db "$DB" list --json | grep -c '"id":'; }
has() { grep -q -- "$2" "$1"; }
dump() {
	for id in $("$QUIRE" --db "$DB" list --json | sed -n 's/.*"id": \([0-9]*\).*/\1/p'); do
		"$QUIRE" --db "$DB" show --format json "$id" | python3 -c \
		    'import json, sys; print(json.dumps(json.load(sys.stdin)))'
	done >"$1"
}
pycheck() {
	name=$1 file=$2 code=$3
	python3 -c "import json, sys
arts = [json.loads(l) for l in open(sys.argv[1])]
by_title = {a['title']: a for a in arts}
def text(a): return '\n'.join(b['text'] for b in a['blocks'])
$code" "$file" >"$T/py" 2>&1
	if [ -s "$T/py" ]; then fail "$name: $(head -n 5 "$T/py")"; else ok; fi
}

# --- RSS and Atom from files ------------------------------------------------
DB="$T/feeds.db"
q import "$FIX/feed.rss.xml" "$FIX/feed.atom.xml"
check "feeds import (rc $rc: $(cat "$T/err"))" [ "$rc" = 0 ]
check "six items" [ "$(count)" = 6 ]
check "RSS summary" has "$T/err" 'RSS feed "Allotment Diary": 3 items: 3 added, 0 updated, 0 unchanged, 0 failed; 1 with only a summary'
check "Atom summary" has "$T/err" 'Atom feed "Notes on Clocks": 3 items: 3 added'
dump "$T/feeds.json"
pycheck "feed metadata" "$T/feeds.json" '
want = {
    "Runner Beans \u2013 A Second Sowing": ("Priya Hale", "2021-06-12T07:00:00+00:00", ["Beans", "Sowing"],
        "https://allotment.example.net/2021/06/12/runner-beans/", "Allotment Diary", "en-US"),
    "Compost Has Opinions": ("Priya Hale", "2021-06-05T09:30:00+01:00", ["Soil"],
        "https://allotment.example.net/2021/06/05/compost/", "Allotment Diary", "en-US"),
    "The Escapement, Explained Badly": ("Jonas Ibsen", "2020-10-03T11:00:00+02:00", ["Mechanisms", "repair"],
        "https://clocks.example.com/2020/10/escapement", "Notes on Clocks", "en"),
    "Oiling, in XHTML": ("Jonas Ibsen", "2020-09-20T16:45:00+00:00", [],
        "https://clocks.example.com/2020/09/oiling", "Notes on Clocks", "en"),
}
for t, exp in want.items():
    a = by_title.get(t)
    if a is None: print("missing", t); continue
    got = (a["author"], a["published"], a["tags"], a["canonical_url"], a["site_name"], a["language"])
    if got != exp: print(t, got)
'
pycheck "feed bodies" "$T/feeds.json" '
beans = by_title["Runner Beans \u2013 A Second Sowing"]
if "hooked themselves around the canes" not in text(beans): print("beans: content:encoded not used")
if "[&" in text(beans) or "\u2026" in text(beans): print("beans: the description was used")
q = beans["quotes"]
if len(q) != 1 or q[0]["text"] != "Never sow beans before the oak is in leaf.": print("beans quote", q)
compost = by_title["Compost Has Opinions"]
if [b["kind"] for b in compost["blocks"]] != ["paragraph", "list_item", "list_item"]: print("compost", compost["blocks"])
esc = by_title["The Escapement, Explained Badly"]
if [b["quote"] for b in esc["blocks"]] != [0, 1]: print("escapement", esc["blocks"])
oil = by_title["Oiling, in XHTML"]
if [b["text"] for b in oil["blocks"]] != ["One drop on each pivot, and none anywhere else.", "Too much oil gathers dust into a paste."]:
    print("xhtml", oil["blocks"])
if not any(s["style"] for s in oil["blocks"][0]["spans"]): print("xhtml lost its <em>")
plain = by_title["Plain Text Entry"]
if text(plain) != "Just a summary with a <tag> in it.": print("text summary", text(plain))
summ = by_title["Only a Summary Here"]
if text(summ) != "This feed gives only the opening of this post about leeks.": print("summary", text(summ))
'

# Re-import: unchanged; then one item changed and one new.
q import "$FIX/feed.rss.xml"
check "re-import: unchanged" has "$T/err" '3 items: 0 added, 0 updated, 3 unchanged, 0 failed'
sed -e 's/in a paste/in a paste/' -e 's/tell you everything you did wrong/tell you most of what you did wrong/' \
    -e 's|</channel>|<item><title>Leeks at Last</title><link>https://allotment.example.net/2021/06/19/leeks/</link><pubDate>Sat, 19 Jun 2021 07:00:00 +0000</pubDate><content:encoded><![CDATA[<p>The leeks came up.</p>]]></content:encoded></item></channel>|' \
    "$FIX/feed.rss.xml" >"$T/feed2.xml"
q import "$T/feed2.xml"
check "re-import: one added, one updated" has "$T/err" '4 items: 1 added, 1 updated, 2 unchanged, 0 failed'
check "re-import: no duplicates" [ "$(count)" = 7 ]

# --- a paginated feed over HTTP -------------------------------------------------
if ! command -v python3 >/dev/null 2>&1; then
	skipped=$((skipped + 9))
	echo "t_feed: $passed passed, $failed failed, $skipped skipped"
	[ "$failed" -eq 0 ]
	exit
fi
mkfifo "$T/port"
python3 "$TOP/tests/tools/httpd.py" "$FIX" >"$T/port" 2>"$T/httpd.err" &
server=$!
read -r port <"$T/port"
case $port in
''|*[!0-9]*)
	fail "the test server did not start: $(cat "$T/httpd.err")"
	echo "t_feed: $passed passed, $failed failed, $skipped skipped"
	exit 1 ;;
esac
base=http://127.0.0.1:$port
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
NO_PROXY='*'
QUIRE_FETCH_TIMEOUT=30
export NO_PROXY QUIRE_FETCH_TIMEOUT

DB="$T/one.db"
q import "$base/blog/feed/"
check "feed URL without --all: first page only (rc $rc)" [ "$rc" = 0 ] && [ "$(count)" = 3 ]

DB="$T/paged.db"
q import --all "$base/blog/feed/"
check "--all: three pages, eight items ($(cat "$T/err"))" has "$T/err" \
    'RSS feed "Paged Garden" (3 pages): 8 items: 8 added, 0 updated, 0 unchanged, 0 failed; 1 with only a summary'
check "--all: eight articles" [ "$(count)" = 8 ]
"$QUIRE" --db "$DB" show --format json 8 >"$T/cloche"
check "without --full the summary is kept" has "$T/cloche" 'Only the start of the cloche post.'
check "relative links resolved against the feed" has "$T/cloche" "\"canonical_url\": \"$base/blog/post/cloche\""

q import --all --full "$base/blog/feed/"
check "--all --full: the summary-only item is updated from its page" has "$T/err" \
    '8 items: 0 added, 1 updated, 7 unchanged, 0 failed'
"$QUIRE" --db "$DB" show --format json 8 >"$T/cloche"
check "--full: the page's text" has "$T/cloche" 'keeps the frost off young lettuces'
check "--full: the item's author fills what the page lacks" has "$T/cloche" '"author": "Ola Berg"'
check "--full: still eight" [ "$(count)" = 8 ]

DB="$T/same.db"
q import --all "$base/blog/same/feed/"
check "--all stops at a page that repeats (rc $rc)" has "$T/err" '3 items: 3 added' && [ "$(count)" = 3 ]

echo "t_feed: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
