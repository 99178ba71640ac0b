#!/bin/sh
# t_valgrind.sh — quire under valgrind memcheck: importing, showing (text and
# JSON), listing and extracting our own fixtures (tests/fixtures/pager/
# lighthouse.html: quotations, links, headings, lists; tests/fixtures/cli/
# hostile.html: control characters) and, when ../shared is present, the
# seed fixture ../shared/fixtures/seed-classic/source.html; `quire search`
# too when this quire has it. Every run must report no error and no
# definitely or indirectly lost block (--leak-check=full
# --errors-for-leak-kinds=definite,indirect --error-exitcode=99).
# Skips without valgrind, and in the sanitizer pass of make check (ASan and
# valgrind do not mix).
set -u
: "${QUIRE:?QUIRE must name the quire binary}"
TOP=${TOP:-$(cd "$(dirname "$0")/.." && pwd)}
passed=0 failed=0 skipped=0

if [ "${QUIRE_SANITIZED:-0}" = 1 ]; then
	echo "t_valgrind: 0 passed, 0 failed, 1 skipped (the sanitizer build; valgrind ran in the plain pass)"
	exit 0
fi
if ! command -v valgrind >/dev/null 2>&1; then
	echo "t_valgrind: 0 passed, 0 failed, 1 skipped (no valgrind; Debian: apt-get install valgrind)"
	exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

db=$tmp/library.db
# vg ARGS...: run quire under memcheck; it must exit 0 and memcheck say nothing.
vg() {
	valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect \
	    --errors-for-leak-kinds=definite,indirect --log-file="$tmp/vg.log" \
	    "$QUIRE" --db "$db" "$@" >"$tmp/out" 2>"$tmp/err"
	st=$?
	if [ "$st" -eq 99 ] || [ -s "$tmp/vg.log" ]; then
		fail "valgrind quire $*: $(head -n 30 "$tmp/vg.log")"
	elif [ "$st" -ne 0 ]; then
		fail "quire $* exited $st: $(head -c 300 "$tmp/err")"
	else
		pass
	fi
}

pages="$TOP/tests/fixtures/pager/lighthouse.html $TOP/tests/fixtures/cli/hostile.html"
seed=$TOP/../shared/fixtures/seed-classic/source.html
if [ -f "$seed" ]; then
	pages="$pages $seed"
else
	skipped=$((skipped + 1))
fi
has_search=0
"$QUIRE" help search >/dev/null 2>&1 && has_search=1

for page in $pages; do
	vg import "$page"
	id=$(cut -f 1 "$tmp/out")
	vg show "${id:-0}"
	vg show --format json "${id:-0}"
	vg extract --format json "$page"
done
vg list --json
[ "$has_search" = 1 ] && vg search harbour
# Re-importing replaces an article's children: the update path.
vg import "$TOP/tests/fixtures/pager/lighthouse.html"

echo "t_valgrind: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
