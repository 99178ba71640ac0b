#!/bin/sh
# t_noshell.sh — never a shell, never a format string from a page.
#   1. A page links to an https URL full of shell metacharacters ($(...),
#      backquotes, | ; & ' " < > and a glob). In the pager (tmux, as
#      t_pager.sh drives it) `o` hands it to $BROWSER, a recording script:
#      it must arrive as one argument, byte for byte the URL the library
#      holds and the page wrote, and none of the commands in it may have run.
#      Both $BROWSER forms are tried: with "%s" and with the URL appended.
#   2. The source: src/ calls no system(), popen(), exec*l*() or /bin/sh;
#      every variadic function of ours that takes a format has
#      __attribute__((format(printf, ...))); and src/ compiles clean with
#      -Wformat=2 -Werror (which includes -Wformat-nonliteral and
#      -Wformat-security), so no printf-family call takes a format that is
#      not a string literal.
: "${QUIRE:?set QUIRE to the quire binary}" "${TOP:?set TOP to the source tree}"
pass=0 fail=0 skipped=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }

# 2. The source.
cd "$TOP" || exit 1
if grep -rnE '(^|[^_a-zA-Z0-9.>])(system|popen|execl|execlp|execle|wordexp)[[:space:]]*\(' \
    src include >"${TMPDIR:-/tmp}/noshell.$$" 2>&1; then
	bad "src/ calls a shell: $(head -n 3 "${TMPDIR:-/tmp}/noshell.$$")"
else
	ok
fi
if grep -rnE '"/bin/sh"|"sh",[[:space:]]*"-c"' src include >"${TMPDIR:-/tmp}/noshell.$$" 2>&1; then
	bad "src/ names a shell: $(head -n 3 "${TMPDIR:-/tmp}/noshell.$$")"
else
	ok
fi
rm -f "${TMPDIR:-/tmp}/noshell.$$"
# Every "NAME(..., const char *fmt, ...)" is declared somewhere with a
# format attribute (on its line or the next).
missing=$(cat include/*.h src/*.h src/*/*.h src/*.c src/*/*.c 2>/dev/null | awk '
	{ if (prev != "") { if ($0 ~ /format\(printf/) has[prev] = 1; prev = "" } }
	/const char \*fmt, \.\.\.\)/ {
		line = $0
		sub(/\(.*/, "", line); n = split(line, w, /[ *]+/); name = w[n]
		seen[name] = 1
		if ($0 ~ /format\(printf/) has[name] = 1; else prev = name
	}
	END { for (f in seen) if (!(f in has)) print f }')
if [ -z "$missing" ]; then ok; else bad "format functions without a format attribute: $missing"; fi
CFLAGS_CHECK="-std=c11 -D_GNU_SOURCE -Iinclude $(pkg-config --cflags ncursesw libxml-2.0 sqlite3 libcurl 2>/dev/null)"
fmt_bad=0
for f in src/*.c src/*/*.c; do
	# shellcheck disable=SC2086
	if ! ${CC:-cc} $CFLAGS_CHECK -fsyntax-only -Wformat=2 -Wno-format-y2k -Werror "$f" \
	    >"${TMPDIR:-/tmp}/noshell-cc.$$" 2>&1; then
		fmt_bad=1
		bad "$f does not compile clean with -Wformat=2: $(grep -m 2 -E 'warning|error' "${TMPDIR:-/tmp}/noshell-cc.$$")"
	fi
done
rm -f "${TMPDIR:-/tmp}/noshell-cc.$$"
[ $fmt_bad = 0 ] && ok

# 1. The URL reaches the browser untouched.
if ! command -v tmux >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1; then
	skipped=$((skipped + 4))
	echo "t_noshell: $pass passed, $fail failed, $skipped skipped (no tmux or python3)"
	[ "$fail" -eq 0 ]
	exit
fi
before_pass=$pass before_fail=$fail
. "$TOP/tests/tmux_lib.sh"   # resets the counters: carry ours over
pass=$before_pass fail=$before_fail

# The recording browser: each argument it gets on its own line, NUL-safe
# enough for this (the URL has no newline).
cat >"$T/browser" <<EOF
#!/bin/sh
printf '%s\n' "\$#" >>"$T/opened"
for a in "\$@"; do printf '%s\n' "\$a"; done >>"$T/opened"
EOF
chmod +x "$T/browser"

url="https://example.org/a?q=\$(touch\${IFS}$T/pwned1)&b=\`touch\${IFS}$T/pwned2\`;touch\${IFS}$T/pwned3|tee\${IFS}$T/pwned4&c='x'\"y\"<z>*"
python3 - "$T/page.html" "$url" <<'EOF'
import html, sys
path, url = sys.argv[1], sys.argv[2]
prose = ("The harbour master kept a ledger of every ship that came in, and a second "
         "ledger, smaller, of every ship that did not.")
body = "\n".join("<p>%s %d</p>" % (prose, i) for i in range(5))
body += '\n<p>%s <a href="%s">the dangerous link</a>.</p>' % (prose, html.escape(url, quote=True))
open(path, "w").write("<!DOCTYPE html><html><head><meta charset=utf-8><title>Metacharacters"
                      "</title></head><body><article><h1>Metacharacters</h1>%s</article>"
                      "</body></html>" % body)
EOF
"$QUIRE" --db "$DB" import "$T/page.html" >"$T/import" 2>&1
ID=$(cut -f 1 "$T/import")
stored=$("$QUIRE" --db "$DB" show --format json "$ID" |
	python3 -c 'import json,sys; print(json.load(sys.stdin)["links"][0]["url"])')
check "the library holds the URL as the page wrote it" [ "$stored" = "$url" ]

tm new-session -d -s keep -x 80 -y 24 "sleep 600"
for spec in "$T/browser %s" "$T/browser"; do
	rm -f "$T/opened"
	BROWSER_SPEC=$spec
	start read "$ID"
	check "the article opens ($spec)" wait_top "Metacharacters"
	keys 1 o
	check "the browser ran ($spec)" wait_for "Opened https://example.org/a"
	printf '1\n%s\n' "$url" >"$T/want"
	check "the browser got the URL as one untouched argument ($spec)" cmp -s "$T/want" "$T/opened"
	quit_and_wait
done
if ls "$T"/pwned* >/dev/null 2>&1; then
	bad "a command inside the URL ran: $(ls "$T"/pwned*)"
else
	ok
fi

echo "t_noshell: $pass passed, $fail failed, $skipped skipped"
[ "$fail" -eq 0 ]
