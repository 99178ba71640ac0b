#!/bin/sh
# t_quickstart.sh — what a fresh machine would do, checked without root:
# tests/deps.sh passes here and, on a machine missing packages, prints the
# apt-get command (as a user) or runs it (as root), tested with stand-in
# commands; `make run` and `make check` plan the dependency step first;
# data/sample/run.sh imports every sample page and shows the first one; the
# README's quick start is exactly `make run` and `make check`, and .ci/run
# runs the README's test command.
# env: QUIRE (binary under test), TOP (repository root)
TOP=${TOP:-$(cd "$(dirname "$0")/.." && pwd)}
QUIRE=${QUIRE:-$TOP/quire}
passed=0 failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() {  # description command...: passes when the command succeeds
	what=$1; shift
	if "$@"; then ok; else bad "$what"; fi
}

# 1. Dependencies: nothing is missing on this machine.
out=$(sh "$TOP/tests/deps.sh" 2>&1)
st=$?
if [ "$st" -eq 0 ]; then ok; else bad "tests/deps.sh exited $st: $out"; fi
list=$(sh "$TOP/tests/deps.sh" --list)
for pkg in make gcc pkg-config libncurses-dev libxml2-dev libsqlite3-dev libcurl4-openssl-dev python3; do
	case " $list " in *" $pkg "*) ok ;; *) bad "deps.sh --list lacks $pkg" ;; esac
done

# 2. deps.sh on a machine without pkg-config or the -dev packages, with
# stand-in commands on PATH: `id` says who we are, `apt-get` logs its arguments.
shell=$(command -v sh)
mkdir -p "$tmp/bin"
for tool in make cc python3 groff; do
	printf '#!/bin/sh\nexit 0\n' >"$tmp/bin/$tool"
done
printf '#!/bin/sh\necho "$*" >>"%s/apt.log"\nexit 0\n' "$tmp" >"$tmp/bin/apt-get"
printf '#!/bin/sh\necho 1000\n' >"$tmp/bin/id"
chmod +x "$tmp/bin"/*
out=$(PATH="$tmp/bin" "$shell" "$TOP/tests/deps.sh" 2>&1)
st=$?
check "deps.sh as a user with packages missing must fail (got $st)" [ "$st" -ne 0 ]
case "$out" in
*"sudo apt-get"*"install -y"*pkg-config*libxml2-dev*) ok ;;
*) bad "deps.sh as a user should print the apt-get command; said: $out" ;;
esac
check "deps.sh as a user must not run apt-get" [ ! -f "$tmp/apt.log" ]
printf '#!/bin/sh\necho 0\n' >"$tmp/bin/id"
out=$(PATH="$tmp/bin" "$shell" "$TOP/tests/deps.sh" 2>&1)
st=$?
check "deps.sh as root with a working apt-get should succeed (got $st: $out)" [ "$st" -eq 0 ]
if grep -q 'install -y.*pkg-config.*libncurses-dev.*libsqlite3-dev.*libcurl4-openssl-dev' \
    "$tmp/apt.log" 2>/dev/null; then
	ok
else
	bad "deps.sh as root should apt-get install the missing packages; apt-get saw: $(cat "$tmp/apt.log" 2>/dev/null)"
fi

# 3. `make run` and `make check` install dependencies before anything else.
for target in run check; do
	first=$(env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -C "$TOP" --no-print-directory -n "$target" 2>/dev/null | sed -n '/./{p;q;}')
	case "$first" in
	*tests/deps.sh*) ok ;;
	*) bad "make -n $target should start with tests/deps.sh; starts with: $first" ;;
	esac
done
if env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -C "$TOP" --no-print-directory -n run 2>/dev/null | grep -q 'data/sample/run.sh'; then
	ok
else
	bad "make run does not call data/sample/run.sh"
fi

# 4. The sample library: every page imported, the first one shown.
npages=$(ls "$TOP"/data/sample/*.html | wc -l)
check "data/sample holds at least two pages" [ "$npages" -ge 2 ]
out=$(sh "$TOP/data/sample/run.sh" "$QUIRE" "$tmp/lib/sample.db" 2>"$tmp/err")
st=$?
if [ "$st" -eq 0 ]; then ok; else bad "data/sample/run.sh exited $st: $(cat "$tmp/err")"; fi
ids=$(printf '%s\n' "$out" | grep -c '^[0-9][0-9]*	[^	][^	]*	[0-9][0-9]* blocks$')
check "run.sh should print one ID line per sample page ($ids of $npages)" [ "$ids" -eq "$npages" ]
case "$out" in
*"The Long Way Through a Book"*"What a reading speed measures"*"Books must be read as deliberately"*) ok ;;
*) bad "run.sh should show the first sample with its title, a heading and a quote" ;;
esac
case "$out" in
*"Leave a Reply"*|*"Share this:"*|*"Recent Posts"*) bad "the sample article shows page furniture" ;;
*) ok ;;
esac
# The block-theme sample keeps its cited links under their heading.
second=$(printf '%s\n' "$out" | sed -n 2p | cut -f 1)
if QUIRE_DB="$tmp/lib/sample.db" "$QUIRE" show --format json "${second:-2}" 2>/dev/null |
    python3 -c 'import json, sys
links = json.load(sys.stdin)["links"]
sys.exit(0 if sum(1 for l in links if l["heading"] == "Further reading") >= 3 else 1)'; then
	ok
else
	bad "sample 2's three links under 'Further reading' are not all in quire show --format json"
fi
# Run again: the old library is replaced, so the same ids come back.
again=$(sh "$TOP/data/sample/run.sh" "$QUIRE" "$tmp/lib/sample.db" 2>/dev/null)
check "a second run.sh should print the same output" [ "$again" = "$out" ]
sh "$TOP/data/sample/run.sh" "$QUIRE" >/dev/null 2>&1
st=$?
check "run.sh with a missing argument should exit 2 (got $st)" [ "$st" -eq 2 ]

# 5. The README's quick start block is exactly the two commands.
quick=$(sed -n '/^## Quick start/,/^## /p' "$TOP/README.md" |
    sed -n '/^```/,/^```/p' | sed -n '2,/^```/p' | sed '/^```/d')
check "README quick start should be 'make run' then 'make check'; is: $quick" \
    [ "$quick" = "make run
make check" ]

# 6. .ci/run installs what deps.sh lists and runs the README's test command.
check ".ci/run should be executable" [ -x "$TOP/.ci/run" ]
check ".ci/run should parse as bash" bash -n "$TOP/.ci/run"
testcmd=$(printf '%s\n' "$quick" | sed -n 2p)
check ".ci/run should run the README's test command '$testcmd'" \
    grep -q "^${testcmd:-no test command}\\( \\|\$\\)" "$TOP/.ci/run"
check ".ci/run should install deps.sh's list" grep -q 'apt-get install -y.*deps.sh --list' "$TOP/.ci/run"
check ".ci/run should set -eu" grep -q '^set -eu' "$TOP/.ci/run"

# 7. The README names every command the binary has.
for cmd in $("$QUIRE" --help 2>&1 | sed -n '/^commands:/,/^$/s/^  \([a-z][a-z0-9-]*\) .*/\1/p'); do
	if grep -q "quire $cmd" "$TOP/README.md"; then ok; else bad "README does not show 'quire $cmd'"; fi
done

echo "t_quickstart: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
