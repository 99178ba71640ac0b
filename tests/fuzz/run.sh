#!/bin/sh
# run.sh — run the libFuzzer harnesses built in FUZZ_DIR (make fuzz-build).
#
# usage: tests/fuzz/run.sh FUZZ_DIR SECONDS [HARNESS...]
#   Runs each harness (all of them by default) for SECONDS, one at a time,
#   growing the corpus FUZZ_DIR/corpus/HARNESS from the seeds in
#   FUZZ_DIR/seeds/HARNESS; a crash is written to FUZZ_DIR/artifacts/. Prints
#   each harness's final figures (executions, cov, ft, corpus) and exits
#   non-zero if any harness crashed.
# FUZZ_FRESH=1 starts from the seeds alone in a throwaway corpus (make check);
# FUZZ_ARGS adds libFuzzer flags (e.g. -seed=1). One process at a time: the
# machine is shared.
set -u
dir=$1 seconds=$2
shift 2
top=$(cd "$(dirname "$0")/../.." && pwd)
harnesses=${*:-"fuzz_extract fuzz_html fuzz_jsonparse fuzz_text fuzz_quotes fuzz_url fuzz_wxr fuzz_query fuzz_layout"}

# Per-harness options: the longest input worth trying and a dictionary.
options() {  # harness
	case $1 in
	fuzz_extract) echo "-max_len=262144 -dict=$top/tests/fuzz/html.dict -timeout=25" ;;
	fuzz_html) echo "-max_len=262144 -dict=$top/tests/fuzz/html.dict -timeout=10" ;;
	fuzz_jsonparse) echo "-max_len=65536 -dict=$top/tests/fuzz/json.dict -timeout=10" ;;
	fuzz_text) echo "-max_len=16384 -timeout=10" ;;
	fuzz_quotes) echo "-max_len=65536 -dict=$top/tests/fuzz/quotes.dict -timeout=10" ;;
	fuzz_url) echo "-max_len=4096 -dict=$top/tests/fuzz/url.dict -timeout=10" ;;
	fuzz_wxr) echo "-max_len=262144 -dict=$top/tests/fuzz/wxr.dict -timeout=25" ;;
	fuzz_query) echo "-max_len=8192 -dict=$top/tests/fuzz/query.dict -timeout=10" ;;
	fuzz_layout) echo "-max_len=65536 -dict=$top/tests/fuzz/layout.dict -timeout=10" ;;
	*) echo "-timeout=10" ;;
	esac
}

status=0
mkdir -p "$dir/artifacts"
for h in $harnesses; do
	bin=$dir/$h
	if [ ! -x "$bin" ]; then
		echo "$h: not built ($bin)" >&2
		status=1
		continue
	fi
	if [ "${FUZZ_FRESH:-0}" = 1 ]; then
		corpus=$(mktemp -d)
		log=$corpus.log
	else
		corpus=$dir/corpus/$h
		log=$dir/$h.log
		mkdir -p "$corpus"
	fi
	# shellcheck disable=SC2046
	"$bin" $(options "$h") ${FUZZ_ARGS:-} -max_total_time="$seconds" -rss_limit_mb=2048 \
	    -print_final_stats=1 -artifact_prefix="$dir/artifacts/$h-" \
	    "$corpus" "$dir/seeds/$h" >"$log" 2>&1
	st=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	last=$(grep -aE '^#[0-9]+' "$log" | tail -n 1 | sed 's/^\(#[0-9]*\)[[:space:]]*[A-Z]*[[:space:]]*/\1 /')
	if [ $st -eq 0 ]; then
		echo "$h: ok, ${runs:-?} runs in ${seconds}s: $last"
	else
		echo "$h: CRASH (exit $st)"
		grep -aE '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|.*property failed|Test unit written)' "$log" | head -n 8
		status=1
	fi
	[ "${FUZZ_FRESH:-0}" = 1 ] && rm -rf "$corpus" "$log"
done
exit $status
