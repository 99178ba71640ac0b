#!/bin/sh
# The import-speed benchmark behind `make bench`. Prints figures; never fails
# on timing (only when a tool is missing or quire crashes outright).
#
#   parse   build/tools/parsebench: libxml2's htmlReadMemory over every dev
#           corpus page, with quire's parser options, in one process
#   import  quire import --db NEW.db PAGE... : every page into one fresh
#           library, in one process
#   extract quire extract --format text PAGE, one process per page
#
# parse and import are run 3 times each and the best wall and CPU times kept;
# the import/parse ratio is the figure to watch (target: at most 2.5).
# Times, CPU and peak RSS come from build/tools/runstat (wait4's rusage).
#
# usage: sh tests/bench.sh QUIRE BUILD_DIR
set -u
if [ $# -ne 2 ]; then
	echo "usage: sh tests/bench.sh QUIRE BUILD_DIR" >&2
	exit 2
fi
QUIRE=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
BUILD=$(cd "$2" && pwd)
TOP=$(cd "$(dirname "$0")/.." && pwd)
corpus=$TOP/../shared/corpus/dev
runstat=$BUILD/tools/runstat
parsebench=$BUILD/tools/parsebench
runs=3

if ! ls "$corpus"/*/source.html >/dev/null 2>&1; then
	echo "bench: no corpus at $corpus; nothing to measure (skipped)"
	exit 0
fi
for tool in "$QUIRE" "$runstat" "$parsebench"; do
	if [ ! -x "$tool" ]; then
		echo "bench: missing $tool (run 'make bench')" >&2
		exit 1
	fi
done

set -- "$corpus"/*/source.html
pages=$#
bytes=$(cat "$@" | wc -c)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# field NAME LINE: print NAME's value from a runstat line.
field() {
	echo "$2" | sed -n "s/.*[ :]$1=\([0-9.]*\).*/\1/p"
}

# measure LABEL COMMAND...: run COMMAND $runs times; set best_wall, best_cpu,
# peak_rss (largest over the runs) and last_status; print each run.
measure() {
	label=$1; shift
	best_wall="" best_cpu="" peak_rss=0 last_status=0
	i=1
	while [ "$i" -le "$runs" ]; do
		rm -f "$tmp/lib.db" "$tmp/lib.db-wal" "$tmp/lib.db-shm"
		"$runstat" "$@" >"$tmp/out" 2>"$tmp/err"
		line=$(grep '^runstat: ' "$tmp/err" | tail -n 1)
		wall=$(field wall "$line") cpu=$(field cpu "$line")
		rss=$(field maxrss_kb "$line") last_status=$(field status "$line")
		printf '  %-8s run %d: wall %6.3f s  cpu %6.3f s  peak RSS %6d KiB  exit %s\n' \
		    "$label" "$i" "$wall" "$cpu" "$rss" "$last_status"
		best_wall=$(awk -v a="$wall" -v b="${best_wall:-$wall}" 'BEGIN { print (a < b ? a : b) }')
		best_cpu=$(awk -v a="$cpu" -v b="${best_cpu:-$cpu}" 'BEGIN { print (a < b ? a : b) }')
		[ "$rss" -gt "$peak_rss" ] && peak_rss=$rss
		i=$((i + 1))
	done
}

echo "bench: $pages pages, $((bytes / 1024)) KiB of HTML from $corpus"
echo "bench: best of $runs runs"

measure parse "$parsebench" "$@"
parse_wall=$best_wall parse_cpu=$best_cpu parse_rss=$peak_rss
sed -n 's/^/  parse:   /p' "$tmp/out"

measure import "$QUIRE" import --db "$tmp/lib.db" "$@"
import_wall=$best_wall import_cpu=$best_cpu import_rss=$peak_rss import_status=$last_status
imported=$(grep -c '	' "$tmp/out")
echo "  import:  $imported of $pages pages imported (exit $import_status)"
grep -v '^runstat: ' "$tmp/err" | head -n 5 | sed 's/^/    stderr: /'
db_kib=0
[ -f "$tmp/lib.db" ] && db_kib=$(( $(wc -c <"$tmp/lib.db") / 1024 ))

# One process per page, once: what the corpus scorer pays.
"$runstat" sh -c 'q=$1; shift; bad=0
	for f do "$q" extract --format text "$f" >/dev/null 2>&1 || bad=$((bad + 1)); done
	echo "$bad"' sh "$QUIRE" "$@" >"$tmp/out" 2>"$tmp/err"
line=$(grep '^runstat: ' "$tmp/err" | tail -n 1)
extract_wall=$(field wall "$line") extract_cpu=$(field cpu "$line")
extract_rss=$(field maxrss_kb "$line") extract_bad=$(cat "$tmp/out")

echo
echo "results ($pages pages):"
awk -v pw="$parse_wall" -v pc="$parse_cpu" -v pr="$parse_rss" \
    -v iw="$import_wall" -v ic="$import_cpu" -v ir="$import_rss" \
    -v ew="$extract_wall" -v ec="$extract_cpu" -v er="$extract_rss" \
    -v n="$pages" -v dbk="$db_kib" -v bad="$extract_bad" -v imported="$imported" 'BEGIN {
	printf "  libxml2 parse only   wall %7.3f s  cpu %7.3f s  %6.2f ms/page  peak RSS %6d KiB\n", pw, pc, pw * 1000 / n, pr
	printf "  quire import         wall %7.3f s  cpu %7.3f s  %6.2f ms/page  peak RSS %6d KiB  library %d KiB\n", iw, ic, iw * 1000 / n, ir, dbk
	printf "  quire extract x%d   wall %7.3f s  cpu %7.3f s  %6.2f ms/page  peak RSS %6d KiB  %d failed\n", n, ew, ec, ew * 1000 / n, er, bad
	if (pw > 0 && pc > 0 && imported > 0)
		printf "  import / parse ratio: wall %.2f, cpu %.2f (target <= 2.5)\n", iw / pw, ic / pc
}'
echo "(a benchmark, not a test: timings never fail it; wall times grow when the machine is busy, CPU times are steadier)"
if [ "$imported" -eq 0 ] || [ "$import_status" -gt 1 ]; then
	echo "bench: quire import did not run properly (exit $import_status); no ratio" >&2
	exit 1
fi
