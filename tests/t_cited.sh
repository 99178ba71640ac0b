#!/bin/sh
# t_cited.sh — `quire links` and `quire import --cited` against
# tests/tools/httpd.py on 127.0.0.1 serving tests/fixtures/cited/: an essay
# citing three HTML pages (one twice with different tracking parameters, one
# through a redirect), a 404, a PDF by extension, a PDF behind an .html
# address, a same-page anchor and a mailto link; a third essay cites six
# pages on one host, which must be fetched two at a time. The cited import must bring
# in exactly the three pages, once each, and report the rest; links then
# show their library ids and --to finds the essay from each. A second
# essay cites a page the server holds for a minute: a SIGINT and a SIGKILL
# during that import leave a library that passes PRAGMA integrity_check and
# holds every article the import reported. Skips without python3.
set -u
: "${QUIRE:?QUIRE must name the quire binary}"
TOP=${TOP:-$(cd "$(dirname "$0")/.." && pwd)}
BUILD=${BUILD:-$TOP/build}
passed=0 failed=0 skipped=0

if ! command -v python3 >/dev/null 2>&1; then
	echo "t_cited: 0 passed, 0 failed, 1 skipped (no python3)"
	exit 0
fi
dbquery=$BUILD/tools/dbquery
if [ ! -x "$dbquery" ]; then
	make -C "$TOP" --no-print-directory "$BUILD/tools/dbquery" >/dev/null 2>&1 ||
		dbquery=$TOP/build/tools/dbquery
fi

tmp=$(mktemp -d)
server= job=
cleanup() {
	[ -n "$job" ] && kill -KILL "$job" 2>/dev/null
	[ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

mkfifo "$tmp/port"
python3 "$TOP/tests/tools/httpd.py" "$TOP/tests/fixtures/cited" >"$tmp/port" 2>"$tmp/httpd.err" &
server=$!
read -r port <"$tmp/port"
case $port in
''|*[!0-9]*)
	echo "FAIL: the test server did not start: $(cat "$tmp/httpd.err")"
	echo "t_cited: 0 passed, 1 failed"
	exit 1 ;;
esac
base=http://127.0.0.1:$port
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
NO_PROXY='*'
QUIRE_FETCH_TIMEOUT=30
export NO_PROXY QUIRE_FETCH_TIMEOUT

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
# check NAME COMMAND...: pass if the command succeeds.
check() {
	name=$1
	shift
	if "$@"; then pass; else fail "$name"; fi
}
# has FILE REGEX: the file has a line matching the extended regex.
has() { grep -Eq -- "$2" "$1"; }
# count FILE REGEX: how many lines match.
count() { n=$(grep -Ec -- "$2" "$1" 2>/dev/null); echo "${n:-0}"; }
# id_of DB TITLE: the library id of the article with that title.
id_of() { "$dbquery" "$1" "SELECT id FROM articles WHERE title = '$2'"; }

db=$tmp/lib.db
q() { "$QUIRE" --db "$db" "$@"; }

# The essay itself, then everything it cites.
if ! q import "$base/cited/essay.html" >"$tmp/essay.out" 2>"$tmp/essay.err"; then
	fail "import essay: $(cat "$tmp/essay.err")"
	echo "t_cited: $passed passed, $failed failed"
	exit 1
fi
essay=$(cut -f1 "$tmp/essay.out")

q import --cited "$essay" >"$tmp/cited.out" 2>"$tmp/cited.err"
rc=$?
check "import --cited exits 1 when a page failed (got $rc)" [ "$rc" -eq 1 ]
check "exactly three pages imported" [ "$(count "$tmp/cited.out" '^imported	')" -eq 3 ]
check "the library holds the essay and three pages" \
    [ "$("$dbquery" "$db" 'SELECT count(*) FROM articles')" -eq 4 ]
for t in "Lamplighters of the Old Town" "A Short History of the Ferry Bell" \
    "Counting Swifts from the Church Tower"; do
	check "imported once: $t" [ "$(count "$tmp/cited.out" "^imported	[0-9]+	.*	$t\$")" -eq 1 ]
	check "stored once: $t" [ "$("$dbquery" "$db" "SELECT count(*) FROM articles WHERE title = '$t'")" -eq 1 ]
done
check "the page cited twice is listed once" [ "$(count "$tmp/cited.out" 'page-a\.html')" -eq 1 ]
check "the 404 is reported" has "$tmp/cited.out" "^failed	-	$base/cited/page-missing\.html	HTTP 404 Not Found\$"
check "the PDF by extension is reported" has "$tmp/cited.out" "^skipped	-	$base/cited/report\.pdf	a file \(\.pdf\), not a page\$"
check "the PDF behind an .html address is reported" \
    has "$tmp/cited.out" "^failed	-	$base/cited-as-pdf/page-b\.html	not an HTML page \(application/pdf\)\$"
check "the same-page anchor is skipped" has "$tmp/cited.out" "^skipped	-	$base/cited/essay\.html#birds	same-page anchor\$"
check "the mailto link is skipped" has "$tmp/cited.out" "^skipped	-	mailto:editor@example\.org	not an http\(s\) link\$"
check "the summary counts" has "$tmp/cited.out" '^8 cited: 3 imported, 0 already present, 3 skipped, 2 failed$'
check "the summary says why the 404 failed" has "$tmp/cited.out" '^  failed: .*page-missing\.html \(HTTP 404 Not Found\)$'
check "no terminal codes when not on a terminal" [ "$(cat "$tmp/cited.out" "$tmp/cited.err" | tr -d '\033' | wc -c)" -eq "$(cat "$tmp/cited.out" "$tmp/cited.err" | wc -c)" ]

a=$(id_of "$db" "Lamplighters of the Old Town")
b=$(id_of "$db" "A Short History of the Ferry Bell")
c=$(id_of "$db" "Counting Swifts from the Church Tower")

# links shows the library ids, by URL identity and through the redirect.
q links "$essay" >"$tmp/links.out" 2>"$tmp/links.err"
check "links exits 0" [ $? -eq 0 ]
check "link 1 (tracking parameters) names page A" has "$tmp/links.out" "^ +1  #$a +lamplighter's round  $base/cited/page-a\.html\?utm_source"
check "link 2 names page B" has "$tmp/links.out" "^ +2  #$b +ferry bell  "
check "link 3 (redirect) names page C" has "$tmp/links.out" "^ +3  #$c +swift count  $base/cited-redirect/page-c\.html\$"
check "link 5 (other tracking parameters) names page A" has "$tmp/links.out" "^ +5  #$a +a second account"
check "the 404 link has no id" has "$tmp/links.out" '^ +6 {10}history of the trades  '
check "links sit under their headings" has "$tmp/links.out" '^Birds and bells$'
q links --json "$essay" >"$tmp/links.json"
check "links --json gives number, heading, text, url and id" python3 - "$tmp/links.json" "$a" "$b" "$c" <<'EOF'
import json, sys
links = json.load(open(sys.argv[1]))
a, b, c = map(int, sys.argv[2:5])
ids = [l["id"] for l in links]
assert [l["number"] for l in links] == list(range(1, 10)), links
assert ids[:3] == [a, b, c] and ids[4] == a and ids[5:] == [None] * 4, ids
assert links[2]["heading"] == "Birds and bells" and links[2]["text"] == "swift count", links[2]
assert links[0]["url"].endswith("page-a.html?utm_source=newsletter&utm_medium=email")
EOF
for id in "$a" "$b" "$c"; do
	q links --to "$id" >"$tmp/to.out" 2>&1
	check "links --to $id finds the essay" has "$tmp/to.out" "^$essay	Small Trades of a River Town	$base/cited/essay\.html\$"
	check "links --to $id finds only the essay" [ "$(wc -l <"$tmp/to.out")" -eq 1 ]
done
q links --to --json "$a" >"$tmp/to.json"
check "links --to --json" python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert [x['id'] for x in d]==[$essay], d" "$tmp/to.json"
q links --to "$essay" >"$tmp/to.out"
check "nothing cites the essay" [ ! -s "$tmp/to.out" ]

# Again: everything is already there, nothing is fetched twice.
q import --cited "$essay" >"$tmp/again.out" 2>&1
check "a second cited import imports nothing" has "$tmp/again.out" '^8 cited: 0 imported, 3 already present, 3 skipped, 2 failed$'
check "a second cited import names the library ids" has "$tmp/again.out" "^present	$c	$base/cited-redirect/page-c\.html	already in the library\$"
check "still four articles" [ "$("$dbquery" "$db" 'SELECT count(*) FROM articles')" -eq 4 ]

# Usage and errors.
q import --cited >/dev/null 2>&1
check "import --cited without an ID is a usage error" [ $? -eq 2 ]
q import --cited 1 2 >/dev/null 2>&1
check "import --cited with two IDs is a usage error" [ $? -eq 2 ]
q import --cited abc >/dev/null 2>&1
check "import --cited abc is a usage error" [ $? -eq 2 ]
q import --cited 999 >/dev/null 2>"$tmp/err"
check "import --cited 999 fails" [ $? -eq 1 ]
check "import --cited 999 says why" has "$tmp/err" '^quire: no article 999$'
q links 999 >/dev/null 2>"$tmp/err"
check "links 999 fails with a reason" has "$tmp/err" '^quire: no article 999$'
q links --to 999 >/dev/null 2>"$tmp/err"
check "links --to 999 fails with a reason" has "$tmp/err" '^quire: no article 999$'

# Six pages from one host: fetched two at a time, never more. The server
# holds each request until two are open at once, so a fetcher that did one
# at a time would show 1.
db=$tmp/many.db
q import "$base/cited/essay-many.html" >"$tmp/many.out" 2>&1
many=$(cut -f1 "$tmp/many.out")
q import --cited "$many" >"$tmp/many.out" 2>&1
check "six pages from one host imported" has "$tmp/many.out" '^6 cited: 6 imported, 0 already present, 0 skipped, 0 failed$'
most=$(python3 -c "import urllib.request,sys; print(urllib.request.urlopen(sys.argv[1]).read().decode())" "$base/cited-most")
check "two transfers at a time to one host, not more (got $most)" [ "$most" = 2 ]

# On a terminal, a progress bar on stderr.
db=$tmp/bar.db
q import "$base/cited/essay.html" >/dev/null 2>&1
check "progress bar on a terminal" python3 - "$QUIRE" "$db" <<'EOF'
import os, pty, subprocess, sys
master, slave = pty.openpty()
p = subprocess.Popen([sys.argv[1], "--db", sys.argv[2], "import", "--cited", "1"],
                     stdout=subprocess.DEVNULL, stderr=slave)
os.close(slave)
seen = b""
while True:
    try:
        chunk = os.read(master, 4096)
    except OSError:
        break
    if not chunk:
        break
    seen += chunk
p.wait()
assert b"fetched" in seen and b"\r\x1b[K" in seen and b"3 imported" in seen, seen
EOF

# poll_imported FILE N: wait (at most 30 s) until FILE has N imported lines.
poll_imported() {
	i=0
	while [ "$(count "$1" '^imported	')" -lt "$2" ] && [ $i -lt 300 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	[ "$(count "$1" '^imported	')" -ge "$2" ]
}
# reported_kept DB FILE: every id reported imported is in the library.
reported_kept() {
	for id in $(grep -E '^imported	' "$2" | cut -f2); do
		[ "$("$dbquery" "$1" "SELECT count(*) FROM articles WHERE id = $id")" -eq 1 ] || return 1
	done
}

# A page that does not come in time fails with the reason, the rest stay.
db=$tmp/timeout.db
q import "$base/cited/essay-slow.html" >"$tmp/slow.out" 2>&1
slow=$(cut -f1 "$tmp/slow.out")
QUIRE_FETCH_TIMEOUT=2 q import --cited "$slow" >"$tmp/timeout.out" 2>&1
rc=$?
check "a timeout makes the import exit 1 (got $rc)" [ "$rc" -eq 1 ]
check "the timeout is reported" has "$tmp/timeout.out" "^failed	-	$base/cited-slow/page-d\.html	timed out after 2 s\$"
check "the other pages are imported" has "$tmp/timeout.out" '^4 cited: 3 imported, 0 already present, 0 skipped, 1 failed$'

# Interrupted with SIGINT while the slow page is still coming.
for sig in INT KILL; do
	db=$tmp/slow-$sig.db
	q import "$base/cited/essay-slow.html" >"$tmp/slow.out" 2>&1
	slow=$(cut -f1 "$tmp/slow.out")
	# Not through q: $! must be quire itself, not a subshell.
	: >"$tmp/int.out"
	"$QUIRE" --db "$db" import --cited "$slow" >"$tmp/int.out" 2>"$tmp/int.err" &
	job=$!
	if poll_imported "$tmp/int.out" 3; then
		pass
	else
		fail "SIG$sig: the three quick pages did not arrive: $(cat "$tmp/int.err")"
	fi
	kill -"$sig" "$job"
	{ wait "$job"; } 2>/dev/null
	rc=$?
	job=
	check "SIG$sig: the import exits non-zero (got $rc)" [ "$rc" -ne 0 ]
	check "SIG$sig: integrity_check passes" [ "$("$dbquery" "$db" 'PRAGMA integrity_check')" = ok ]
	check "SIG$sig: every page reported imported is in the library" reported_kept "$db" "$tmp/int.out"
	check "SIG$sig: the slow page is not" [ "$("$dbquery" "$db" "SELECT count(*) FROM articles WHERE title = 'The Slow Page'")" -eq 0 ]
	check "SIG$sig: the library is usable" q list >/dev/null
	if [ "$sig" = INT ]; then
		check "SIGINT: the summary says it was interrupted" \
		    has "$tmp/int.out" '^4 cited: 3 imported, 0 already present, 0 skipped, 0 failed, 1 not fetched \(interrupted\)$'
		check "SIGINT: the summary names the page not fetched" \
		    has "$tmp/int.out" "^  not fetched: $base/cited-slow/page-d\\.html\$"
		check "SIGINT: stderr says so" has "$tmp/int.err" '^quire: interrupted; 3 pages imported are kept$'
		check "SIGINT: the exit status is 1 (got $rc)" [ "$rc" -eq 1 ]
	fi
done

echo "t_cited: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
