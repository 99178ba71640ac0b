#!/bin/sh
# t_crash.sh — crash safety. A bulk `quire import` of 400 pages (made from a
# template by tests/fixtures/crash/gen.py) is killed with SIGKILL at a
# random moment, 20 times over, on the same library. After every kill
# build/tools/dbcheck must find PRAGMA integrity_check and foreign_key_check
# clean, the FTS5 integrity-check of the search indexes (articles_fts,
# quotes_fts) passing, and every article present complete: its stored block count, and
# its numbers of blocks, links and quotes, equal to what `quire extract
# --format json` gives for its page; no article committed before a kill may
# be missing after it. Finally the import is run to the end and must
# complete the library. The kill moments are spread over the time one
# uninterrupted import takes, measured first.
set -u
: "${QUIRE:?QUIRE must name the quire binary}"
TOP=${TOP:-$(cd "$(dirname "$0")/.." && pwd)}
BUILD=${BUILD:-$TOP/build}
ROUNDS=${CRASH_ROUNDS:-20}
PAGES=${CRASH_PAGES:-400}
passed=0 failed=0 skipped=0

if ! command -v python3 >/dev/null 2>&1; then
	echo "t_crash: 0 passed, 0 failed, 1 skipped (no python3)"
	exit 0
fi
dbcheck=$BUILD/tools/dbcheck
if [ ! -x "$dbcheck" ]; then
	echo "FAIL: $dbcheck is missing (make $dbcheck)"
	echo "t_crash: 0 passed, 1 failed"
	exit 1
fi

tmp=$(mktemp -d)
pid=
cleanup() {
	[ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

python3 "$TOP/tests/fixtures/crash/gen.py" "$tmp/pages" "$PAGES"
db=$tmp/library.db

# What each page holds: "CANONICAL<TAB>BLOCKS<TAB>LINKS<TAB>QUOTES".
for f in "$tmp"/pages/*.html; do
	"$QUIRE" extract --format json "$f"
done | python3 -c '
import json, sys
dec = json.JSONDecoder()
text, i = sys.stdin.read(), 0
while True:
    while i < len(text) and text[i].isspace():
        i += 1
    if i >= len(text):
        break
    d, i = dec.raw_decode(text, i)
    print("%s\t%d\t%d\t%d" % (d["canonical_url"], len(d["blocks"]), len(d["links"]), len(d["quotes"])))
' | sort >"$tmp/expected"
if [ "$(wc -l <"$tmp/expected")" -ne "$PAGES" ]; then
	fail "extract did not describe every page ($(wc -l <"$tmp/expected") of $PAGES)"
fi

# How long an uninterrupted import takes, in milliseconds.
t0=$(date +%s%N)
"$QUIRE" --db "$tmp/timing.db" import "$tmp"/pages/*.html >/dev/null 2>"$tmp/err" ||
	fail "an uninterrupted import failed: $(head -c 300 "$tmp/err")"
span=$((($(date +%s%N) - t0) / 1000000))
[ "$span" -lt 200 ] && span=200

# check ROUND: the library is whole; sets have (articles present).
check() {
	if ! "$dbcheck" "$db" >"$tmp/got" 2>"$tmp/problems"; then
		fail "round $1: the library is damaged:"
		head -n 5 "$tmp/problems"
		have=0
		return
	fi
	# Each present article against its page: identity, stored block count
	# and counted blocks, links, quotes.
	bad=$(awk -F '\t' 'NR == FNR { want[$1] = $2 "\t" $3 "\t" $4; next }
	    { got = $3 "\t" $4 "\t" $5
	      if (!($1 in want)) print "unknown article " $1
	      else if ($2 != $3 || got != want[$1]) print $1 ": block_count " $2 ", rows " got ", page " want[$1] }' \
	    "$tmp/expected" "$tmp/got" | head -n 3)
	have=$(wc -l <"$tmp/got")
	if [ -n "$bad" ]; then
		fail "round $1: incomplete articles: $bad"
	elif [ "$have" -lt "$had" ]; then
		fail "round $1: $have articles after the kill, $had before it"
	else
		pass
	fi
}

had=0
r=1
while [ "$r" -le "$ROUNDS" ]; do
	ms=$(($(od -An -N4 -tu4 /dev/urandom | tr -d ' ') % span))
	"$QUIRE" --db "$db" import "$tmp"/pages/*.html >/dev/null 2>"$tmp/import.err" &
	pid=$!
	sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	pid=
	check "$r (killed after $ms ms)"
	had=$have
	r=$((r + 1))
done
echo "t_crash: $had of $PAGES articles present after $ROUNDS kills (import takes ~$span ms)"

# The import, run to its end, completes the library.
if "$QUIRE" --db "$db" import "$tmp"/pages/*.html >/dev/null 2>"$tmp/err"; then
	pass
else
	fail "the import after the kills failed: $(head -c 300 "$tmp/err")"
fi
check final
if [ "$have" -eq "$PAGES" ]; then
	pass
else
	fail "$have of $PAGES articles after the completed import"
fi

echo "t_crash: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
