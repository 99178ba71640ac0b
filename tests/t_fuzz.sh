#!/bin/sh
# t_fuzz.sh — the libFuzzer harnesses of tests/fuzz/ as a regression test:
# build them (make fuzz-build, clang), replay every input kept in
# tests/fuzz/crashers/ (named HARNESS-what), each of which must now run
# clean, then fuzz each harness for FUZZ_CHECK_SECONDS (default 10) from
# the seeds alone. Skips cleanly when clang or its fuzzer runtime is missing
# (Debian: clang and libclang-rt-14-dev), and in the sanitizer pass of make
# check, since the harnesses carry ASan and UBSan themselves.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/.." && pwd)}
harnesses="fuzz_extract fuzz_html fuzz_jsonparse fuzz_text fuzz_quotes fuzz_url fuzz_wxr fuzz_query fuzz_layout"
seconds=${FUZZ_CHECK_SECONDS:-10}
fuzz=$TOP/build/fuzz
passed=0 failed=0 skipped=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
done_() { echo "t_fuzz: $passed passed, $failed failed, $skipped skipped"; [ "$failed" -eq 0 ]; exit; }
skip_all() {  # reason
	echo "t_fuzz: skipped: $1"
	skipped=$(($(ls "$TOP"/tests/fuzz/crashers | wc -l) + 6))
	done_
}

[ "${QUIRE_SANITIZED:-0}" = 1 ] && skip_all "the harnesses are ASan/UBSan builds; they ran in the plain pass"
cc=${FUZZ_CC:-clang}
command -v "$cc" >/dev/null 2>&1 || skip_all "no $cc (Debian: apt-get install clang libclang-rt-14-dev)"
printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { return 0; }\n' >"$tmp/probe.c"
"$cc" -fsanitize=fuzzer,address,undefined -o "$tmp/probe" "$tmp/probe.c" >"$tmp/probe.log" 2>&1 ||
	skip_all "$cc has no fuzzer runtime (Debian: apt-get install libclang-rt-14-dev)"

if ! make -C "$TOP" --no-print-directory fuzz-build >"$tmp/build.log" 2>&1; then
	fail "make fuzz-build failed:"
	tail -n 20 "$tmp/build.log"
	done_
fi
pass

# Every kept crasher must run clean now.
for f in "$TOP"/tests/fuzz/crashers/*; do
	[ -f "$f" ] || continue
	name=$(basename "$f")
	h=${name%%-*}
	if [ ! -x "$fuzz/$h" ]; then
		fail "crasher $name: no harness $h"
		continue
	fi
	if "$fuzz/$h" -timeout=25 -rss_limit_mb=2048 "$f" >"$tmp/replay.log" 2>&1; then
		pass
	else
		fail "crasher $name still crashes $h:"
		grep -E 'ERROR|runtime error|property failed|SUMMARY' "$tmp/replay.log" | head -n 4
	fi
done

# A short run of each harness from its seeds.
for h in $harnesses; do
	if FUZZ_FRESH=1 FUZZ_ARGS=-seed=1 sh "$TOP/tests/fuzz/run.sh" "$fuzz" "$seconds" "$h" >"$tmp/run.log" 2>&1; then
		pass
		cat "$tmp/run.log"
	else
		fail "$h found a crash in ${seconds}s:"
		cat "$tmp/run.log"
	fi
done
done_
