#!/bin/sh
# t_badinput.sh — `quire extract` on input that is not an article: each must
# print exactly one line on stderr naming the source and the reason, nothing
# on stdout, and exit 1. As a control, the encoding fixtures in
# tests/fixtures/html extract and read as their pages meant.
# Needs QUIRE (the binary under test) and TOP (the source tree).
set -u
: "${QUIRE:?QUIRE must name the quire binary}"
TOP=${TOP:-$(cd "$(dirname "$0")/.." && pwd)}
fix=$TOP/tests/fixtures/html
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0 skipped=0

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

# refuse NAME REASON QUIRE-ARGS... [< input]: run quire extract and check the
# refusal. The source named on stderr is the last argument.
refuse() {
	name=$1 reason=$2
	shift 2
	for last; do :; done
	"$QUIRE" extract "$@" >"$tmp/out" 2>"$tmp/err"
	st=$?
	lines=$(wc -l <"$tmp/err")
	if [ "$st" -ne 1 ]; then
		fail "$name: exit status $st, want 1"
	elif [ -s "$tmp/out" ]; then
		fail "$name: wrote to stdout: $(head -c 200 "$tmp/out")"
	elif [ "$lines" -ne 1 ]; then
		fail "$name: $lines lines on stderr, want 1: $(head -c 400 "$tmp/err")"
	elif ! grep -qF -- "quire: $last: " "$tmp/err"; then
		fail "$name: stderr does not name the source: $(cat "$tmp/err")"
	elif ! grep -qF -- "$reason" "$tmp/err"; then
		fail "$name: want reason '$reason', got: $(cat "$tmp/err")"
	else
		pass
	fi
}

# Inputs, each made here.
: >"$tmp/empty.html"
printf '  \n\t\n\n' >"$tmp/blank.html"
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\020\000\000\000\020\010\006\000\000\000' >"$tmp/image.html"
printf '%%PDF-1.4\n%%\342\343\317\323\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' >"$tmp/doc.pdf"
head -c 16384 /dev/urandom >"$tmp/random.bin"
printf 'Just some words in a text file, with no markup at all.\n' >"$tmp/notes.txt"
printf 'PK\003\004\024\000\000\000\010\000' >"$tmp/archive.html"

refuse "missing file" "No such file or directory" "$tmp/no-such-page.html"
refuse "empty file" "empty file" "$tmp/empty.html"
refuse "blank file" "empty file" "$tmp/blank.html"
refuse "PNG" "not an HTML page (looks like PNG image)" "$tmp/image.html"
refuse "PDF" "not an HTML page (looks like PDF document)" "$tmp/doc.pdf"
refuse "ZIP" "not an HTML page (looks like ZIP archive)" "$tmp/archive.html"
refuse "random bytes" "not an HTML page" "$tmp/random.bin"
refuse "plain text" "not an HTML page (no markup in it)" "$tmp/notes.txt"
refuse "directory" "is a directory" "$tmp"
refuse "page with no article" "no article found" "$fix/no-article.html"
refuse "ftp URL" "unsupported URL scheme 'ftp:'" "ftp://example.org/page.html"
refuse "file URL" "unsupported URL scheme 'file:'" "file:///etc/hostname"
refuse "javascript URL" "unsupported URL scheme 'javascript:'" "javascript:alert(1)"
refuse "empty stdin" "empty input" - </dev/null
refuse "PNG on stdin" "looks like PNG image" - <"$tmp/image.html"
refuse "JSON format, missing file" "No such file or directory" --format json "$tmp/gone.html"

if [ "$(id -u)" -ne 0 ]; then
	printf '<p>secret</p>' >"$tmp/locked.html"
	chmod 000 "$tmp/locked.html"
	refuse "unreadable file" "Permission denied" "$tmp/locked.html"
else
	skipped=$((skipped + 1))   # root reads any file
fi

# extracts NAME FILE STRING...: the page extracts, is valid UTF-8, and holds
# every STRING.
extracts() {
	name=$1 file=$2
	shift 2
	if ! "$QUIRE" extract --format text "$file" >"$tmp/out" 2>"$tmp/err"; then
		fail "$name: extract failed: $(cat "$tmp/err")"
		return
	fi
	if ! iconv -f UTF-8 -t UTF-8 "$tmp/out" >/dev/null 2>&1; then
		fail "$name: output is not valid UTF-8"
		return
	fi
	for s; do
		if ! grep -qF -- "$s" "$tmp/out"; then
			fail "$name: output lacks '$s'"
			return
		fi
	done
	pass
}

extracts "windows-1252 declared" "$fix/cp1252-declared.html" \
	"The café on the corner" "bakery does — which is, I’m told" "“the early shift,”" \
	"A résumé of the menu" "crème brûlée" "a €2 coffee"
extracts "windows-1252 undeclared" "$fix/cp1252-undeclared.html" \
	"The café on the corner" "“It’s a breakfast dessert,” she says — and"
extracts "UTF-8 declared, windows-1252 bytes" "$fix/utf8-declared-cp1252.html" \
	"“things worth remembering,”" "froze — once" "It’s a strange" "“naïve daffodils again.”"
extracts "UTF-8 with BOM and a stale latin1 meta" "$fix/bom-utf8.html" \
	"forty minutes — long enough" "“You get used to it,” the deckhand" "I don’t think"
extracts "windows-1252 on stdin" - "The café on the corner" <"$fix/cp1252-undeclared.html"

if "$QUIRE" extract --format json "$fix/utf8-declared-cp1252.html" 2>&1 |
    grep -qF '"title": "My Grandmother’s Weather Notebook"'; then
	pass
else
	fail "title of a UTF-8 page holding windows-1252 bytes"
fi

echo "t_badinput: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
