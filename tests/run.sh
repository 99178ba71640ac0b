#!/bin/sh
# Run every test: the C unit tests, then the shell tests (tests/t_*.sh).
# usage: tests/run.sh QUIRE BUILD_DIR
# Each test prints "NAME: N passed, N failed"; this script sums them and
# prints the total as its last line, exiting non-zero on any failure.
QUIRE=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
BUILD=$(cd "$2" && pwd)
TOP=$(cd "$(dirname "$0")/.." && pwd)
export QUIRE BUILD TOP
passed=0 failed=0 skipped=0 broken=""
log=$(mktemp)
trap 'rm -f "$log"' EXIT

tally() {  # name status
	p=$(sed -n 's/.*: \([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed.*/\1/p' "$log" | tail -n 1)
	f=$(sed -n 's/.*: \([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed.*/\2/p' "$log" | tail -n 1)
	s=$(sed -n 's/.*, \([0-9][0-9]*\) skipped.*/\1/p' "$log" | tail -n 1)
	passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
	if [ "$2" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then
		failed=$((failed + 1))   # crashed or exited non-zero without saying why
	fi
	if [ "$2" -ne 0 ]; then broken="$broken $1"; fi
}

for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	"$t" >"$log" 2>&1; st=$?
	cat "$log"; tally "$(basename "$t")" $st
done
for t in "$TOP"/tests/t_*.sh; do
	[ -f "$t" ] || continue
	sh "$t" >"$log" 2>&1; st=$?
	cat "$log"; tally "$(basename "$t")" $st
done
[ -n "$broken" ] && echo "failing:$broken"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
