#!/bin/sh
# t_man.sh — man/quire.1 renders without warnings and documents what the
# binary offers: every command `quire --help` lists has a ".SS name" entry
# under COMMANDS, every long option a command's usage line shows is in the
# page, and the page's version is the binary's. Fails when a command or an
# option is added without documentation.
# env: QUIRE (binary under test), TOP (repository root)
TOP=${TOP:-$(cd "$(dirname "$0")/.." && pwd)}
QUIRE=${QUIRE:-$TOP/quire}
page=$TOP/man/quire.1
passed=0 failed=0 skipped=0

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }
finish() {
	echo "t_man: $passed passed, $failed failed, $skipped skipped"
	[ "$failed" -eq 0 ]
	exit
}

if [ ! -f "$page" ]; then
	bad "no man page at $page"
	finish
fi

# 1. It renders cleanly. groff (Debian's groff-base, which tests/deps.sh
# installs) with every warning on; mandoc's linter too when it is installed.
if command -v groff >/dev/null 2>&1; then
	warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
	if [ -z "$warnings" ]; then ok; else bad "groff warns: $warnings"; fi
	text=$(groff -man -Tutf8 "$page" 2>/dev/null | sed 's/.\x08//g')
	if [ -n "$text" ]; then ok; else bad "groff rendered nothing"; fi
elif ! command -v mandoc >/dev/null 2>&1; then
	echo "skip: neither groff nor mandoc installed; render check skipped"
	skipped=$((skipped + 1))
fi
if command -v mandoc >/dev/null 2>&1; then
	warnings=$(mandoc -Tlint -W warning "$page" 2>&1)
	if [ -z "$warnings" ]; then ok; else bad "mandoc warns: $warnings"; fi
fi

# 2. The sections a man page owes its reader.
for section in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS ENVIRONMENT FILES \
    EXIT_STATUS EXAMPLES SEE_ALSO; do
	section=$(echo "$section" | tr _ ' ')
	if grep -q "^\.SH \"\{0,1\}$section\"\{0,1\}\$" "$page"; then
		ok
	else
		bad "no .SH $section section"
	fi
done

# 3. The environment and files quire reads.
for word in QUIRE_DB XDG_DATA_HOME HOME library.db; do
	if grep -q "$word" "$page"; then ok; else bad "$word not documented"; fi
done
for word in '\\-\\-db' '\\-\\-help' '\\-\\-version'; do
	if grep -q "^\.[BI]R\{0,1\} $word" "$page"; then ok; else bad "global option $word not documented"; fi
done

# 4. Every command the binary lists, and every long option in its usage line.
help=$("$QUIRE" --help 2>&1)
st=$?
if [ "$st" -ne 0 ]; then bad "quire --help exited $st"; finish; fi
commands=$(printf '%s\n' "$help" | sed -n '/^commands:/,/^$/s/^  \([a-z][a-z0-9-]*\) .*/\1/p')
if [ -n "$commands" ]; then ok; else bad "found no commands in quire --help"; fi
for cmd in $commands; do
	if grep -q "^\.SS \"\{0,1\}$cmd\"\{0,1\}\$" "$page"; then
		ok
	else
		bad "command '$cmd' (in quire --help) has no '.SS $cmd' entry in man/quire.1"
	fi
	usage=$("$QUIRE" "$cmd" --help 2>&1)
	for opt in $(printf '%s\n' "$usage" | grep -o -- '--[a-z][a-z-]*' | sort -u); do
		escaped=$(printf '%s' "$opt" | sed 's/-/\\\\-/g')
		if grep -q -- "$escaped" "$page"; then
			ok
		else
			bad "option $opt of '$cmd' is not in man/quire.1"
		fi
	done
done

# 5. The page documents this version.
version=$("$QUIRE" --version 2>&1 | sed -n 's/^quire \([0-9][0-9.]*\).*/\1/p')
if [ -n "$version" ] && grep -q "^\.TH QUIRE 1 .*\"quire $version\"" "$page"; then
	ok
else
	bad "man page .TH does not name quire ${version:-?} (quire --version)"
fi

finish
