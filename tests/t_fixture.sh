#!/bin/sh
# t_fixture.sh — acceptance fixtures through `quire extract`: the shared
# seed-classic page held against its expected.json by check_fixture.py
# (skipped when ../shared is absent), and our own block-theme page, whose
# plain text must match tests/fixtures/blocks/block-theme.txt exactly.
# Needs QUIRE and TOP (tests/run.sh sets them).
: "${QUIRE:?QUIRE not set}" "${TOP:?TOP not set}"
SHARED="$TOP/../shared"
passed=0 failed=0 skipped=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Our own page: WordPress block-theme markup, chrome around the post.
page="$TOP/tests/fixtures/blocks/block-theme"
if "$QUIRE" extract --format text "$page.html" >"$tmp/block-theme.txt" 2>"$tmp/err" &&
    cmp -s "$tmp/block-theme.txt" "$page.txt"; then
	passed=$((passed + 1))
else
	failed=$((failed + 1))
	echo "block-theme: text differs from $page.txt"
	cat "$tmp/err"
	diff "$page.txt" "$tmp/block-theme.txt" | head -n 20
fi

# The shared acceptance fixture.
seed="$SHARED/fixtures/seed-classic"
check="$SHARED/tools/check_fixture.py"
if [ -f "$seed/source.html" ] && [ -f "$check" ] && command -v python3 >/dev/null 2>&1; then
	if "$QUIRE" extract --format json "$seed/source.html" >"$tmp/seed.json" 2>"$tmp/err"; then
		python3 "$check" "$seed/expected.json" "$tmp/seed.json" >"$tmp/log" 2>&1
		st=$?
		cat "$tmp/log"
		line=$(sed -n 's/.*: \([0-9][0-9]*\)\/\([0-9][0-9]*\) checks hold.*/\1 \2/p' "$tmp/log" | tail -n 1)
		if [ -n "$line" ]; then
			set -- $line
			passed=$((passed + $1))
			failed=$((failed + $2 - $1))
		fi
		if [ "$st" -ne 0 ] && { [ -z "$line" ] || [ "$1" -eq "$2" ]; }; then
			failed=$((failed + 1))   # check_fixture failed without saying how many
		fi
	else
		echo "seed-classic: quire extract failed"
		cat "$tmp/err"
		failed=$((failed + 1))
	fi
else
	echo "seed-classic: $SHARED not found, skipped"
	skipped=$((skipped + 1))
fi

echo "fixture: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
