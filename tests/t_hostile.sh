#!/bin/sh
# t_hostile.sh — `quire import` on hostile pages (made at test time by
# tests/fixtures/hostile/gen.py) and hostile HTTP responses (tests/tools/
# httpd.py on 127.0.0.1). Each is either imported sanely or refused:
#   imported  exit 0, one "ID<TAB>TITLE<TAB>N blocks" line, and what `show`,
#             `show --format json`, `list`, `list --json` and `extract` print
#             is well-formed UTF-8 with no control character but newline and
#             tab, raw or inside JSON strings (no ESC, CSI, OSC, C1, NUL);
#   refused   exit 1, nothing on stdout, one line "quire: SOURCE: reason" on
#             stderr, and the library exactly as it was (a dump of it, taken
#             with sqlite3, else quire's own JSON, compares equal).
# Always: done within `timeout` (300 s, generous: a guard against hangs, not
# a speed test) and peak RSS, measured by build/tools/runstat, under
# 10 x the input size + 64 MB for a file, and under the 64 MB fetch cap +
# 64 MB for a URL (a 4 GiB gzip bomb included). The memory bound is not
# checked in the sanitizer pass, where ASan's shadow memory and quarantine
# dominate. Skips without python3.
set -u
: "${QUIRE:?QUIRE must name the quire binary}"
TOP=${TOP:-$(cd "$(dirname "$0")/.." && pwd)}
BUILD=${BUILD:-$TOP/build}
passed=0 failed=0 skipped=0

if ! command -v python3 >/dev/null 2>&1; then
	echo "t_hostile: 0 passed, 0 failed, 1 skipped (no python3)"
	exit 0
fi
runstat=$BUILD/tools/runstat
if [ ! -x "$runstat" ]; then
	echo "FAIL: $runstat is missing (make $runstat)"
	echo "t_hostile: 0 passed, 1 failed"
	exit 1
fi

tmp=$(mktemp -d)
server=
cleanup() {
	[ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

db=$tmp/library.db
cap=$((64 * 1024 * 1024))   # the fetch cap
pages=$tmp/pages
python3 "$TOP/tests/fixtures/hostile/gen.py" "$pages" || { fail "gen.py failed"; pages=; }

# clean FILE [json]: FILE is well-formed UTF-8 without control characters but
# \n and \t; with json, also every string inside the JSON document.
cat >"$tmp/clean.py" <<'EOF'
import json, sys
data = open(sys.argv[1], "rb").read()
def bad(s):
    for i, ch in enumerate(s):
        c = ord(ch)
        if (c < 0x20 and ch not in "\n\t") or 0x7f <= c <= 0x9f:
            return "U+%04X at %d: %r" % (c, i, s[max(0, i - 20):i + 20])
    return None
try:
    text = data.decode("utf-8")
except UnicodeDecodeError as e:
    sys.exit("ill-formed UTF-8: %s" % e)
why = bad(text)
if why:
    sys.exit("raw control character " + why)
if len(sys.argv) > 2:
    def walk(v):
        if isinstance(v, str):
            w = bad(v)
            if w:
                sys.exit("control character in a JSON string: " + w)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, dict):
            for k, x in v.items():
                walk(k)
                walk(x)
    walk(json.loads(text))
EOF
clean() {  # file [json]
	python3 "$tmp/clean.py" "$@" 2>&1
}

# A fingerprint of everything in the library.
if command -v sqlite3 >/dev/null 2>&1; then
	fingerprint() { sqlite3 "$db" .dump 2>&1 | cksum; }
else
	fingerprint() {
		"$QUIRE" --db "$db" list --json 2>&1
		for id in $("$QUIRE" --db "$db" list 2>/dev/null | cut -f 1); do
			"$QUIRE" --db "$db" show --format json "$id" 2>&1
		done | cksum
	}
fi

# A library with an article in it, so refusals have something to spoil.
if ! "$QUIRE" --db "$db" import "$TOP/tests/fixtures/cli/kettle.html" >/dev/null 2>"$tmp/err"; then
	fail "the control page does not import: $(cat "$tmp/err")"
fi

# run SIZE_BYTES|url SOURCE: import SOURCE under timeout and runstat; sets st,
# rss_kb; stdout in $tmp/out, stderr (without runstat's line) in $tmp/err.
# Checks the time and memory bounds.
run() {
	size=$1 src=$2
	timeout 300 "$runstat" "$QUIRE" --db "$db" import "$src" >"$tmp/out" 2>"$tmp/err.all"
	st=$?
	grep -v '^runstat: ' "$tmp/err.all" >"$tmp/err"
	rss_kb=$(sed -n 's/^runstat: .*maxrss_kb=\([0-9]*\).*/\1/p' "$tmp/err.all")
	sed -n "s|^runstat: wall=\([0-9.]*\).*maxrss_kb=\([0-9]*\).*|  ${src##*/}: \2 KB peak, \1 s|p" \
	    "$tmp/err.all" >>"$tmp/figures"
	if [ "$st" -eq 124 ] || [ -z "$rss_kb" ]; then
		fail "$src: not done within 300 s"
		return 1
	fi
	if [ "$st" -gt 1 ]; then
		fail "$src: exit status $st: $(head -c 300 "$tmp/err")"
		return 1
	fi
	if [ "$size" = url ]; then
		limit=$((cap / 1024 + 65536))
	else
		limit=$((size / 1024 * 10 + 65536))
	fi
	if [ "${QUIRE_SANITIZED:-0}" != 1 ] && [ "$rss_kb" -gt "$limit" ]; then
		fail "$src: peak RSS $rss_kb KB over the bound $limit KB"
		return 1
	fi
	return 0
}

# imports NAME FILE STRING...: FILE imports; everything printed about it is
# clean; `show` prints every STRING.
imports() {
	name=$1 file=$2
	shift 2
	set +f
	size=url
	[ -f "$file" ] && size=$(wc -c <"$file")
	run "$size" "$file" || return
	if [ "$st" -ne 0 ]; then
		fail "$name: refused: $(head -c 300 "$tmp/err")"
		return
	fi
	if ! grep -qE '^[0-9]+	.*	[1-9][0-9]* blocks$' "$tmp/out" || [ "$(wc -l <"$tmp/out")" -ne 1 ]; then
		fail "$name: import printed: $(head -c 300 "$tmp/out")"
		return
	fi
	id=$(cut -f 1 "$tmp/out")
	cmds="show $id|show --format json $id|list|list --json|extract $file|extract --format json $file"
	big=0
	[ -f "$file" ] && [ "$size" -gt 20000000 ] && big=1
	[ $big = 1 ] && cmds="list|show $id"   # a 50 MB page: enough, show last
	oldifs=$IFS
	IFS='|'
	set -f
	for cmd in $cmds; do
		IFS=$oldifs

		# shellcheck disable=SC2086  # cmd is words
		if ! "$QUIRE" --db "$db" $cmd >"$tmp/shown" 2>"$tmp/err"; then
			fail "$name: quire $cmd failed: $(head -c 300 "$tmp/err")"
			return
		fi
		case $cmd in *json*) why=$(clean "$tmp/shown" json) ;; *) why=$(clean "$tmp/shown") ;; esac
		if [ -n "$why" ]; then
			fail "$name: quire $cmd: $why"
			return
		fi
	done
	set +f
	[ $big = 1 ] || "$QUIRE" --db "$db" show "$id" >"$tmp/shown" 2>&1
	for s; do
		if ! grep -qF -- "$s" "$tmp/shown"; then
			fail "$name: show lacks '$s'"
			return
		fi
	done
	pass
}

# refuses NAME SOURCE SIZE REASON: exit 1, one line naming SOURCE and
# REASON, library untouched.
refuses() {
	name=$1 src=$2 size=$3 reason=$4
	before=$(fingerprint)
	run "$size" "$src" || return
	after=$(fingerprint)
	if [ "$st" -ne 1 ]; then
		fail "$name: exit status $st, want 1 (stdout: $(head -c 200 "$tmp/out"))"
	elif [ -s "$tmp/out" ]; then
		fail "$name: wrote to stdout: $(head -c 200 "$tmp/out")"
	elif [ "$(wc -l <"$tmp/err")" -ne 1 ]; then
		fail "$name: want one line on stderr: $(head -c 400 "$tmp/err")"
	elif ! grep -qF -- "quire: $src: $reason" "$tmp/err"; then
		fail "$name: want 'quire: $src: $reason', got: $(cat "$tmp/err")"
	elif [ "$before" != "$after" ]; then
		fail "$name: the library changed"
	else
		pass
	fi
}

if [ -n "$pages" ]; then
	imports "100,000 nested divs" "$pages/nested.html" "Deep Water" "Deep 5."
	imports "10 MB paragraph without a space" "$pages/nospace.html" "xxxxxxxxxxxxxxxxxxxx" "After 3."
	# The long word is kept whole.
	id=$(cut -f 1 "$tmp/out" 2>/dev/null)
	if [ -n "$id" ] && "$QUIRE" --db "$db" show --format json "$id" |
	    python3 -c 'import json,sys; sys.exit(0 if any(len(b["text"]) == 10485760 for b in json.load(sys.stdin)["blocks"]) else 1)'; then
		pass
	else
		fail "the 10 MB word is not kept whole"
	fi
	imports "stray NUL bytes" "$pages/nul.html" "Nul Title" "After the nul." "it out past"
	imports "ill-formed and overlong UTF-8" "$pages/utf8.html" "overlong" "truncated" "here."
	imports "ESC, CSI, OSC and C1 in title, byline, text, links" "$pages/controls.html" \
		"Title" "Body" "link" "referenced"
	# Links: only http, https and mailto are kept; relative ones are resolved
	# against the canonical URL of a saved page.
	imports "javascript:, data:, file: and relative links" "$pages/schemes.html" "Where Links Lead"
	id=$(cut -f 1 "$tmp/out" 2>/dev/null)
	"$QUIRE" --db "$db" show --format json "${id:-0}" >"$tmp/links.json" 2>&1
	want='https://example.org/archive/2024/ferry https://example.org/2024/notes/gulls https://example.org/2024/ferry/islands.html?x=1#top https://cdn.example.net/map mailto:captain@example.org https://example.org/abs https://example.org/2024/ferry/#section'
	got=$(python3 -c 'import json,sys; print(" ".join(l["url"] for l in json.load(open(sys.argv[1]))["links"]))' "$tmp/links.json" 2>&1)
	if [ "$got" = "$want" ]; then
		pass
	else
		fail "links kept: got '$got', want '$want'"
	fi
	if grep -qF "js4 link" "$tmp/links.json" && grep -qF "data link" "$tmp/links.json"; then
		pass   # the text of a dropped link stays in the paragraph
	else
		fail "the text of dropped links is gone"
	fi
	refuses "a PNG named .html" "$pages/png.html" "$(wc -c <"$pages/png.html")" \
		"not an HTML page (looks like PNG image)"
	refuses "an empty <html>" "$pages/empty.html" 13 "no article found"
	# Under ASan too (some 11 s; its memory bound is checked in the plain pass).
	imports "a 50 MB page" "$pages/big.html" "A Very Long Crossing" "Big."
	rm -f "$pages/big.html" "$pages/nospace.html"
fi

# Over HTTP. No proxy may stand between quire and the local server.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
NO_PROXY='*'
export NO_PROXY
mkfifo "$tmp/port"
python3 "$TOP/tests/tools/httpd.py" "$TOP/tests/fixtures/html" >"$tmp/port" 2>"$tmp/httpd.err" &
server=$!
read -r port <"$tmp/port"
case $port in
''|*[!0-9]*)
	fail "the test server did not start: $(cat "$tmp/httpd.err")" ;;
*)
	base=http://127.0.0.1:$port
	QUIRE_FETCH_TIMEOUT=30
	export QUIRE_FETCH_TIMEOUT
	refuses "gzip that expands to 4 GiB" "$base/gigabomb" url "larger than 64 MB"
	refuses "Content-Length of a terabyte" "$base/terabyte" url "larger than 64 MB"
	refuses "redirect loop" "$base/loop" url "too many redirects"
	QUIRE_FETCH_TIMEOUT=3
	refuses "a byte a second" "$base/slow" url "timed out"
	QUIRE_FETCH_TIMEOUT=30
	imports "a page over HTTP, as a control" "$base/page" "The café on the corner" ;;
esac

echo "t_hostile: peak RSS and wall time of each import:"
cat "$tmp/figures" 2>/dev/null
echo "t_hostile: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
