#!/bin/sh
# t_concurrency.sh — several quire processes on one library at once.
#   1. A fresh library: two imports and two readers start together on a file
#      that does not exist yet (creating it, switching it to WAL and
#      migrating it race).
#   2. A process holding the write lock for 8 s (as storing a very large
#      article does): an import and a list started meanwhile wait, and
#      succeed once it lets go.
#   3. Two imports writing at once (100 template pages each, from
#      tests/fixtures/crash/gen.py, each import re-run until the readers are
#      done), while readers run `quire list`, `list --json`, `show`,
#      `show --format json`, `bookmarks` and, when this quire has it,
#      `quire search`, over and over; and, with tmux, the pager (reading an
#      article, setting a bookmark, quitting) and its library screen.
# Every process must exit 0 with nothing on stderr (no "database is locked"
# reaches the user), and every article a reader shows must be whole: its
# blocks, links and quotes as many as `quire extract --format json` finds
# in its page. At the end build/tools/dbcheck finds the library intact.
set -u
: "${QUIRE:?QUIRE must name the quire binary}"
TOP=${TOP:-$(cd "$(dirname "$0")/.." && pwd)}
BUILD=${BUILD:-$TOP/build}
READS=${CONCURRENCY_READS:-12}
passed=0 failed=0 skipped=0

if ! command -v python3 >/dev/null 2>&1; then
	echo "t_concurrency: 0 passed, 0 failed, 1 skipped (no python3)"
	exit 0
fi

tmp=$(mktemp -d)
pids=
cleanup() {
	: >"$tmp/stop" 2>/dev/null
	for p in $pids; do kill "$p" 2>/dev/null; done
	wait 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

python3 "$TOP/tests/fixtures/crash/gen.py" "$tmp/pages" 400
db=$tmp/library.db
has_search=0
"$QUIRE" help search >/dev/null 2>&1 && has_search=1

# What each page holds: "CANONICAL BLOCKS LINKS QUOTES".
cat >"$tmp/counts.py" <<'EOF'
import json, sys
dec = json.JSONDecoder()
text, i = sys.stdin.read(), 0
while True:
    while i < len(text) and text[i].isspace():
        i += 1
    if i >= len(text):
        break
    d, i = dec.raw_decode(text, i)
    print("%s %d %d %d" % (d["canonical_url"], len(d["blocks"]), len(d["links"]), len(d["quotes"])))
EOF
for f in "$tmp"/pages/*.html; do
	"$QUIRE" extract --format json "$f"
done | python3 "$tmp/counts.py" | sort >"$tmp/expected"

# quiet NAME CMD...: run a quire command; it must exit 0 and say nothing on
# stderr. Output in $tmp/NAME.out.
quiet() {
	name=$1
	shift
	"$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
	st=$?
	if [ "$st" -ne 0 ] || [ -s "$tmp/$name.err" ]; then
		echo "$name: quire ${4:-} ... exit $st: $(head -c 300 "$tmp/$name.err")" >>"$tmp/problems"
		return 1
	fi
	return 0
}

# 1. Four processes start together on a library that does not exist yet.
fresh=$tmp/fresh.db
quiet f1 "$QUIRE" --db "$fresh" import "$tmp/pages/page-0001.html" "$tmp/pages/page-0002.html" &
p1=$!
quiet f2 "$QUIRE" --db "$fresh" import "$tmp/pages/page-0003.html" "$tmp/pages/page-0004.html" &
p2=$!
quiet f3 "$QUIRE" --db "$fresh" list &
p3=$!
quiet f4 "$QUIRE" --db "$fresh" list --json &
p4=$!
wait $p1 $p2 $p3 $p4
if [ -s "$tmp/problems" ]; then
	fail "processes racing on a new library: $(cat "$tmp/problems")"
	rm -f "$tmp/problems"
elif [ "$("$QUIRE" --db "$fresh" list --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" != 4 ]; then
	fail "the new library does not hold the 4 articles imported into it"
else
	pass
fi

# 2. Another process holds the write lock for 8 s (as storing a very large
#    article does): an import and a read started meanwhile wait for it and
#    succeed, and the import finishes only after the lock is let go.
"$QUIRE" --db "$db" import "$tmp/pages/page-0001.html" >/dev/null 2>&1
python3 -c '
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
db.execute("UPDATE articles SET title = title")
open(sys.argv[2], "w").close()
time.sleep(8)
db.execute("COMMIT")
open(sys.argv[3], "w").close()
' "$db" "$tmp/locked" "$tmp/unlocked" &
holder=$!
k=0
while [ ! -e "$tmp/locked" ] && [ $k -lt 200 ]; do sleep 0.05; k=$((k + 1)); done
quiet held1 "$QUIRE" --db "$db" import "$tmp/pages/page-0002.html" &
h1=$!
quiet held2 "$QUIRE" --db "$db" list --json &
h2=$!
wait $h1 $h2
if [ -s "$tmp/problems" ]; then
	fail "while another process held the write lock: $(cat "$tmp/problems")"
	rm -f "$tmp/problems"
elif [ ! -e "$tmp/unlocked" ]; then
	fail "the import did not wait for the lock to be let go"
else
	pass
fi
wait $holder

# 3. Two writers and a reader.
"$QUIRE" --db "$db" import "$tmp"/pages/page-000*.html >/dev/null 2>&1
writer() {  # name files...
	name=$1
	shift
	n=0
	while [ ! -e "$tmp/stop" ]; do
		quiet "$name" "$QUIRE" --db "$db" import "$@" || break
		n=$((n + 1))
	done
	echo "$n" >"$tmp/$name.rounds"
}
writer w1 "$tmp"/pages/page-00*.html &
pids="$pids $!"
writer w2 "$tmp"/pages/page-03*.html "$tmp"/pages/page-0400.html &
pids="$pids $!"

# The pager, when tmux is here: open an article being rewritten, move to its
# end, set a bookmark (a write), quit (another: the reading position);
# then the library screen. No error may show and quire must exit 0.
pager_pass=0 pager_fail=0
if command -v tmux >/dev/null 2>&1; then
	. "$TOP/tests/tmux_lib.sh"   # its own counters and temporary folder
	trap 'cleanup; tm kill-server >/dev/null 2>&1; rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK"; rm -rf "$T"' EXIT
	DB=$db BROWSER_SPEC=true
	tm new-session -d -s keep -x 80 -y 24 "sleep 600"
	id=$("$QUIRE" --db "$db" list --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[4]["id"])')
	for k in 1 2 3; do
		start read "$id"
		check "the pager opens an article being imported ($k)" wait_for "Keeper's Log, Entry"
		keys G m a
		check "a bookmark is set while imports run ($k)" wait_for "Bookmark a set"
		keys q
		check "the pager quits cleanly while imports run ($k)" wait_for "QUIRE-EXITED-0"
		if grep -qi "locked\|busy\|quire:" "$T/screen"; then bad "the pager showed an error ($k)"; fi
	done
	start
	check "the library screen opens while imports run" wait_for "Keeper's Log, Entry"
	keys q
	check "and quits cleanly" wait_for "QUIRE-EXITED-0"
	pager_pass=$pass pager_fail=$fail
else
	skipped=$((skipped + 1))
fi

# A reader: list, then show articles and check they are whole.
i=0 shown=0
while [ "$i" -lt "$READS" ] && [ ! -s "$tmp/problems" ]; do
	quiet list "$QUIRE" --db "$db" list || break
	quiet listj "$QUIRE" --db "$db" list --json || break
	quiet marks "$QUIRE" --db "$db" bookmarks || break
	if [ "$has_search" = 1 ]; then
		quiet search "$QUIRE" --db "$db" search lantern || break
	fi
	# The newest article (likely being written) and two others.
	python3 -c 'import json,sys; [print(a["id"]) for a in json.load(open(sys.argv[1]))]' \
	    "$tmp/listj.out" >"$tmp/ids"
	n=$(wc -l <"$tmp/ids")
	for id in $(awk -v n="$n" -v i="$i" 'NR == n || NR == 1 + i % n || NR == 1 + (i * 7) % n' "$tmp/ids"); do
		quiet show "$QUIRE" --db "$db" show "$id" || break
		quiet showj "$QUIRE" --db "$db" show --format json "$id" || break
		python3 "$tmp/counts.py" <"$tmp/showj.out" >"$tmp/seen"
		if ! grep -qxF -f "$tmp/seen" "$tmp/expected"; then
			echo "article $id seen incomplete: $(cat "$tmp/seen")" >>"$tmp/problems"
			break
		fi
		shown=$((shown + 1))
	done
	i=$((i + 1))
done
: >"$tmp/stop"
wait
pids=
if [ -s "$tmp/problems" ]; then
	fail "while two imports ran: $(head -n 3 "$tmp/problems")"
else
	pass
fi
echo "t_concurrency: $i rounds of reads, $shown articles shown whole, imports ran $(cat "$tmp/w1.rounds" 2>/dev/null) and $(cat "$tmp/w2.rounds" 2>/dev/null) times"
if [ "$(cat "$tmp/w1.rounds" 2>/dev/null || echo 0)" -ge 1 ]; then
	pass
else
	fail "the first import never finished while the readers ran"
fi

if [ -x "$BUILD/tools/dbcheck" ]; then
	if "$BUILD/tools/dbcheck" "$db" >"$tmp/got" 2>"$tmp/dbcheck.err" &&
	    [ "$(wc -l <"$tmp/got")" -eq 200 ]; then
		pass
	else
		fail "the library after the run: $(wc -l <"$tmp/got") articles; $(head -n 3 "$tmp/dbcheck.err")"
	fi
else
	skipped=$((skipped + 1))
fi

passed=$((passed + pager_pass)) failed=$((failed + pager_fail))
echo "t_concurrency: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
