#!/bin/sh
# t_import.sh — quire import into a library: the ID line, re-import in place
# (by canonical URL and by page hash), rm, bad sources leaving the library
# byte for byte as it was, and several sources with one bad.
# Env: QUIRE (binary under test), TOP (repository root).
: "${QUIRE:?}" "${TOP:?}"
FIX="$TOP/tests/fixtures/cli"
T=$(mktemp -d "${TMPDIR:-/tmp}/quire-t-import.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
# Never touch the real library of whoever runs the tests.
HOME="$T/home" XDG_DATA_HOME="$T/xdg"
export HOME XDG_DATA_HOME
QUIRE_DB="$T/lib/library.db"
export QUIRE_DB
passed=0 failed=0

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() {  # description, then a command that must succeed
	d=$1; shift
	if "$@"; then ok; else fail "$d"; fi
}
# Run quire, keeping stdout, stderr and the status in $T/out, $T/err, $rc.
q() { "$QUIRE" "$@" >"$T/out" 2>"$T/err"; rc=$?; }
count() { "$QUIRE" list --json | grep -c '"id":'; }
lines() { wc -l <"$1" | tr -d ' '; }
# The library's state: the listing, every article in full, the file itself.
snapshot() {
	{
		"$QUIRE" list --json
		for id in $("$QUIRE" list --json | sed -n 's/.*"id": \([0-9]*\).*/\1/p'); do
			"$QUIRE" show --format json "$id"
		done
		cksum <"$QUIRE_DB"
		ls "$T/lib"
	} >"$1" 2>&1
}
tab=$(printf '\t')

# A bad source before the library exists does not create it.
q import "$T/nothing-here.html"
check "missing file before any import exits 1" [ "$rc" -eq 1 ]
check "no library created by a failed import" [ ! -e "$QUIRE_DB" ]

# First import: one line, ID<TAB>TITLE<TAB>N blocks.
q import "$FIX/lanterns.html"
check "import exits 0" [ "$rc" -eq 0 ]
check "import prints one line" [ "$(lines "$T/out")" -eq 1 ]
check "import is quiet on stderr" [ ! -s "$T/err" ]
check "import line is ID<TAB>TITLE<TAB>N blocks" \
	grep -q "^[1-9][0-9]*${tab}[^${tab}][^${tab}]*${tab}[1-9][0-9]* blocks\$" "$T/out"
id=$(cut -f1 "$T/out")
nblocks=$(cut -f3 "$T/out" | cut -d' ' -f1)
check "the library file is created under new directories" [ -f "$QUIRE_DB" ]
check "list has one article" [ "$(count)" -eq 1 ]
q show --format json "$id"
check "show --format json has the id" grep -q "\"id\": $id," "$T/out"
check "show --format json has as many blocks as import said" \
	[ "$(grep -c '"kind":' "$T/out")" -ge "$nblocks" ]

# Same page again: same id, no duplicate, same content.
"$QUIRE" show --format json "$id" >"$T/show-first"
q import "$FIX/lanterns.html"
check "re-import exits 0" [ "$rc" -eq 0 ]
check "re-import keeps the id" [ "$(cut -f1 "$T/out")" = "$id" ]
check "re-import does not duplicate" [ "$(count)" -eq 1 ]
"$QUIRE" show --format json "$id" >"$T/show-again"
check "re-import gives the same article" cmp -s "$T/show-first" "$T/show-again"
# show --format json is extract --format json plus the id.
"$QUIRE" extract --format json "$FIX/lanterns.html" >"$T/extracted"
grep -v "^  \"id\": $id,\$" "$T/show-again" >"$T/show-noid"
check "show json is extract json plus id" cmp -s "$T/extracted" "$T/show-noid"

# A changed page under the same canonical URL updates in place.
q import "$FIX/lanterns-v2.html"
check "changed page imports" [ "$rc" -eq 0 ]
check "changed page keeps the id" [ "$(cut -f1 "$T/out")" = "$id" ]
check "changed page does not duplicate" [ "$(count)" -eq 1 ]
q show "$id"
check "show has the new text" grep -q zephyrine "$T/out"
check "show lost the removed paragraph" sh -c "! grep -q 'By nine' \"$T/out\""
check "list shows the new title" sh -c "\"$QUIRE\" list | grep -q Revisited"

# No canonical URL: the page's bytes are its identity, whatever the file name.
q import "$FIX/kettle.html"
kid=$(cut -f1 "$T/out")
check "page without canonical URL imports" [ "$rc" -eq 0 ]
check "page without canonical URL is a new article" [ "$kid" != "$id" ]
cp "$FIX/kettle.html" "$T/renamed.html"
q import "$T/renamed.html"
check "same bytes under another name keep the id" [ "$(cut -f1 "$T/out")" = "$kid" ]
q import - <"$FIX/kettle.html"
check "stdin imports" [ "$rc" -eq 0 ]
check "same bytes from stdin keep the id" [ "$(cut -f1 "$T/out")" = "$kid" ]
check "hash identity does not duplicate" [ "$(count)" -eq 2 ]
sed 's/halved the waiting/halved the queue/' "$FIX/kettle.html" >"$T/kettle2.html"
q import "$T/kettle2.html"
check "different bytes without canonical URL are a new article" [ "$(cut -f1 "$T/out")" != "$kid" ]
check "different bytes without canonical URL: three articles" [ "$(count)" -eq 3 ]
k2=$(cut -f1 "$T/out")

# rm removes it, and only it.
q rm "$k2"
check "rm exits 0" [ "$rc" -eq 0 ]
check "rm removes one article" [ "$(count)" -eq 2 ]
q show "$k2"
check "show of a removed article exits 1" [ "$rc" -eq 1 ]
check "show of a removed article says so" grep -q "no article $k2" "$T/err"
q rm "$k2"
check "rm of a removed article exits 1" [ "$rc" -eq 1 ]
check "others survive rm" sh -c "\"$QUIRE\" show $kid >/dev/null"

# Bad sources: exit 1, one stderr line naming the source, library untouched.
: >"$T/empty.html"
printf '\211PNG\r\n\032\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\10\6\0\0\0' >"$T/image.html"
head -c 3000 /dev/urandom >"$T/noise.html" 2>/dev/null || printf '\0\1\2\3\0\0\7' >"$T/noise.html"
printf '<!DOCTYPE html><html><head><title>Nothing</title></head><body><nav><a href="/">Home</a></nav><script>var a = 1;</script></body></html>\n' >"$T/noarticle.html"
snapshot "$T/before"
for bad in "$T/missing.html" "$T/empty.html" "$T/image.html" "$T/noise.html" "$T/noarticle.html"; do
	name=$(basename "$bad")
	q import "$bad"
	check "$name: exit 1" [ "$rc" -eq 1 ]
	check "$name: nothing on stdout" [ ! -s "$T/out" ]
	check "$name: one line on stderr" [ "$(lines "$T/err")" -eq 1 ]
	check "$name: stderr names the source" grep -q "^quire: $bad: ." "$T/err"
	snapshot "$T/after"
	check "$name: library unchanged" cmp -s "$T/before" "$T/after"
done

# Several sources, one bad: the good ones go in, the summary names the bad.
q import "$FIX/ferns.html" "$T/noarticle.html" "$FIX/hostile.html"
check "mixed sources exit 1" [ "$rc" -eq 1 ]
check "mixed sources import the good ones" [ "$(lines "$T/out")" -eq 2 ]
check "mixed sources: library grew by two" [ "$(count)" -eq 4 ]
check "mixed sources: error line for the bad one" grep -q "^quire: $T/noarticle.html: " "$T/err"
check "mixed sources: summary names it" \
	grep -q "^quire: 1 of 3 sources failed: $T/noarticle.html\$" "$T/err"
check "mixed sources: two stderr lines" [ "$(lines "$T/err")" -eq 2 ]

# Hostile text never reaches the terminal with its control characters.
hid=$(grep -v Ferns "$T/out" | cut -f1)
esc=$(printf '\033')
bel=$(printf '\007')
"$QUIRE" show "$hid" >"$T/hostile" 2>&1
"$QUIRE" list >>"$T/hostile" 2>&1
cat "$T/out" >>"$T/hostile"
"$QUIRE" import "$T/bad${esc}[31mname${bel}.html" "$FIX/ferns.html" >>"$T/hostile" 2>&1
check "no escape characters printed" sh -c "! grep -q \"[$esc$bel]\" \"$T/hostile\""

# From the network (tests/tools/httpd.py on 127.0.0.1): the final URL after
# redirects is the identity; HTTP failures leave the library as it was.
skipped=0
if command -v python3 >/dev/null 2>&1; then
	mkfifo "$T/port"
	python3 "$TOP/tests/tools/httpd.py" "$TOP/tests/fixtures/html" >"$T/port" 2>"$T/httpd.err" &
	server=$!
	trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$T"' EXIT
	read -r port <"$T/port"
	unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
	NO_PROXY='*'
	export NO_PROXY
	base=http://127.0.0.1:$port
	q import "$base/page"
	check "import from a URL exits 0" [ "$rc" -eq 0 ]
	uid=$(cut -f1 "$T/out")
	q import "$base/moved"
	check "a redirect to the same page keeps the id" [ "$(cut -f1 "$T/out")" = "$uid" ]
	q show --format json "$uid"
	check "the final URL is kept" grep -q "\"url\": \"$base/page\"" "$T/out"
	snapshot "$T/before"
	for path in missing error doc.pdf empty; do
		q import "$base/$path"
		check "$path: exit 1" [ "$rc" -eq 1 ]
		check "$path: one line on stderr" [ "$(lines "$T/err")" -eq 1 ]
		check "$path: stderr names the URL" grep -q "^quire: $base/$path: " "$T/err"
		snapshot "$T/after"
		check "$path: library unchanged" cmp -s "$T/before" "$T/after"
	done
	q import "$base/missing" "$base/page" "$base/error"
	check "mixed URLs exit 1" [ "$rc" -eq 1 ]
	check "mixed URLs import the good one" [ "$(cut -f1 "$T/out")" = "$uid" ]
	check "mixed URLs: summary names both failures" \
		grep -q "^quire: 2 of 3 sources failed: $base/missing, $base/error\$" "$T/err"
else
	skipped=1
fi

echo "t_import: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
