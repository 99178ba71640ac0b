#!/bin/sh
# t_fetch.sh — `quire extract URL` against tests/tools/httpd.py on 127.0.0.1:
# a page with a charset in its Content-Type, redirects, gzip, and every way a
# fetch can fail (404, 500, redirect loop, non-http redirect, PDF, image, a
# slow drip, a lying Content-Length, a gzip bomb, an empty body, refused
# connection, unresolvable host). Successes print the article; failures
# print one line on stderr naming the URL and the reason, and exit 1.
# QUIRE_FETCH_TIMEOUT keeps the slow drip short. Skips without python3.
set -u
: "${QUIRE:?QUIRE must name the quire binary}"
TOP=${TOP:-$(cd "$(dirname "$0")/.." && pwd)}
passed=0 failed=0 skipped=0

if ! command -v python3 >/dev/null 2>&1; then
	echo "t_fetch: 0 passed, 0 failed, 1 skipped (no python3)"
	exit 0
fi

tmp=$(mktemp -d)
server=
cleanup() {
	[ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# The server prints its port when it is listening; read it through a FIFO.
mkfifo "$tmp/port"
python3 "$TOP/tests/tools/httpd.py" "$TOP/tests/fixtures/html" >"$tmp/port" 2>"$tmp/httpd.err" &
server=$!
read -r port <"$tmp/port"
case $port in
''|*[!0-9]*)
	echo "FAIL: the test server did not start: $(cat "$tmp/httpd.err")"
	echo "t_fetch: 0 passed, 1 failed"
	exit 1 ;;
esac
base=http://127.0.0.1:$port

# No proxy may stand between quire and the local server.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
NO_PROXY='*'
export NO_PROXY
# Generous for everything (a sanitizer build under load is slow), short only
# for the slow drip.
QUIRE_FETCH_TIMEOUT=30
export QUIRE_FETCH_TIMEOUT

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

# fetches NAME URL STRING...: extract succeeds and prints every STRING.
fetches() {
	name=$1 url=$2
	shift 2
	if ! "$QUIRE" extract "$url" >"$tmp/out" 2>"$tmp/err"; then
		fail "$name: extract failed: $(cat "$tmp/err")"
		return
	fi
	if [ -s "$tmp/err" ]; then
		fail "$name: wrote to stderr: $(cat "$tmp/err")"
		return
	fi
	for s; do
		if ! grep -qF -- "$s" "$tmp/out"; then
			fail "$name: output lacks '$s': $(head -c 300 "$tmp/out")"
			return
		fi
	done
	pass
}

# refuses NAME URL REASON...: exit 1, nothing on stdout, one line on stderr
# naming the URL and one of the REASONs.
refuses() {
	name=$1 url=$2
	shift 2
	"$QUIRE" extract "$url" >"$tmp/out" 2>"$tmp/err"
	st=$?
	lines=$(wc -l <"$tmp/err")
	if [ "$st" -ne 1 ]; then
		fail "$name: exit status $st, want 1 ($(head -c 300 "$tmp/err"))"
		return
	elif [ -s "$tmp/out" ]; then
		fail "$name: wrote to stdout: $(head -c 200 "$tmp/out")"
		return
	elif [ "$lines" -ne 1 ]; then
		fail "$name: $lines lines on stderr, want 1: $(head -c 400 "$tmp/err")"
		return
	elif ! grep -qF -- "quire: $url: " "$tmp/err"; then
		fail "$name: stderr does not name the URL: $(cat "$tmp/err")"
		return
	fi
	for r; do
		if grep -qF -- "$r" "$tmp/err"; then
			pass
			return
		fi
	done
	fail "$name: want reason '$1', got: $(cat "$tmp/err")"
}

fetches "page with a charset in Content-Type" "$base/page" \
	"The café on the corner" "which is, I’m told" "“the early shift,”" "a €2 coffee"
fetches "transport charset beats a wrong <meta>" "$base/koi8" \
	"Утром над рекой стоял туман" "пошёл ставить самовар"
fetches "301 redirect" "$base/moved" "The café on the corner"
fetches "gzip" "$base/gzip" "crème brûlée"
fetches "HTML served as text/plain" "$base/plain-html" "whatever label the server puts on it"
fetches "HTML with no Content-Type" "$base/notype" "whatever label the server puts on it"
fetches "upper-case scheme" "HTTP://127.0.0.1:$port/page" "The café on the corner"
fetches "User-Agent" "$base/ua" "calls itself quire/"

# The final URL is kept: after a redirect the article's url is /page.
if "$QUIRE" extract --format json "$base/moved" 2>&1 | grep -qF "\"url\": \"$base/page\""; then
	pass
else
	fail "final URL after a redirect is not the article's url"
fi

# A redirect's raw bytes and spaces come back percent-encoded.
if "$QUIRE" extract --format json "$base/odd-redirect" 2>&1 | grep -qF "\"url\": \"$base/page?q=caf%"; then
	pass
else
	fail "final URL after a redirect to a raw latin1 query is not percent-encoded"
fi

refuses "404" "$base/missing" "HTTP 404 Not Found"
refuses "500" "$base/error" "HTTP 500 Internal Server Error"
refuses "redirect loop" "$base/loop" "too many redirects"
refuses "redirect to a malformed URL" "$base/bad-redirect" "redirected to a malformed URL"
refuses "malformed URL" "http://[::1/" "malformed URL"
refuses "redirect to ftp" "$base/to-ftp" "redirected to a URL that is not http or https"
refuses "PDF" "$base/doc.pdf" "not an HTML page (application/pdf)"
refuses "image" "$base/image" "not an HTML page (image/png)"
refuses "plain text" "$base/plain-text" "not an HTML page (text/plain)"
refuses "empty body" "$base/empty" "empty response"
QUIRE_FETCH_TIMEOUT=2
refuses "slow drip" "$base/slow" "timed out"
QUIRE_FETCH_TIMEOUT=30
refuses "Content-Length over the cap" "$base/liar" "larger than 64 MB"
refuses "gzip bomb" "$base/bomb" "larger than 64 MB"
refuses "connection refused" "http://127.0.0.1:1/" "cannot connect to 127.0.0.1"
refuses "unresolvable host" "http://no-such-host.invalid/" "cannot resolve host no-such-host.invalid" "timed out"

echo "t_fetch: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
