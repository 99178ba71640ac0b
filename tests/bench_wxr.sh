#!/bin/sh
# The WordPress-export benchmark behind `make bench` (issue 6): a generated
# export of BENCH_POSTS (default 10,000) posts (tests/tools/wxrgen.py) is
# imported into a fresh library, twice; prints the best posts per second
# (by wall and by CPU time) and the peak RSS, from build/tools/runstat.
# Target: at least 1,000 posts per second. Never fails on timing.
#
# usage: sh tests/bench_wxr.sh QUIRE BUILD_DIR
set -u
if [ $# -ne 2 ]; then
	echo "usage: sh tests/bench_wxr.sh QUIRE BUILD_DIR" >&2
	exit 2
fi
QUIRE=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
BUILD=$(cd "$2" && pwd)
TOP=$(cd "$(dirname "$0")/.." && pwd)
runstat=$BUILD/tools/runstat
posts=${BENCH_POSTS:-10000}
if [ ! -x "$runstat" ] || ! command -v python3 >/dev/null 2>&1; then
	echo "bench-wxr: needs $runstat and python3 (skipped)"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$TOP/tests/tools/wxrgen.py" "$posts" >"$tmp/export.xml"
echo "bench-wxr: $posts generated posts, $(($(wc -c <"$tmp/export.xml") / 1024)) KiB of WXR"
best_wall="" best_cpu="" peak=0
for run in 1 2; do
	rm -f "$tmp/lib.db" "$tmp/lib.db-wal" "$tmp/lib.db-shm"
	"$runstat" "$QUIRE" --db "$tmp/lib.db" import "$tmp/export.xml" >/dev/null 2>"$tmp/err"
	line=$(grep '^runstat: ' "$tmp/err" | tail -n 1)
	wall=$(echo "$line" | sed -n 's/.*wall=\([0-9.]*\).*/\1/p')
	cpu=$(echo "$line" | sed -n 's/.*cpu=\([0-9.]*\).*/\1/p')
	rss=$(echo "$line" | sed -n 's/.*maxrss_kb=\([0-9]*\).*/\1/p')
	status=$(echo "$line" | sed -n 's/.*status=\([0-9]*\).*/\1/p')
	grep '^quire: .*items:' "$tmp/err" | sed 's/^/  /'
	printf '  run %d: wall %6.2f s  cpu %6.2f s  peak RSS %6d KiB  exit %s\n' \
	    "$run" "$wall" "$cpu" "$rss" "$status"
	best_wall=$(awk -v a="$wall" -v b="${best_wall:-$wall}" 'BEGIN { print (a < b ? a : b) }')
	best_cpu=$(awk -v a="$cpu" -v b="${best_cpu:-$cpu}" 'BEGIN { print (a < b ? a : b) }')
	[ "${rss:-0}" -gt "$peak" ] && peak=$rss
done
awk -v n="$posts" -v w="$best_wall" -v c="$best_cpu" -v r="$peak" 'BEGIN {
	printf "bench-wxr: %.0f posts/s by wall time, %.0f posts/s by CPU time (target 1000); peak RSS %.1f MiB\n",
	    n / w, n / c, r / 1024 }'
