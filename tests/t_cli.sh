#!/bin/sh
# t_cli.sh — the command line itself: --help for every command, --version,
# usage errors (exit 2) against failures (exit 1), choosing the library with
# --db (before or after the command), $QUIRE_DB and the XDG default, and the
# list/show output shapes.
# Env: QUIRE (binary under test), TOP (repository root).
: "${QUIRE:?}" "${TOP:?}"
FIX="$TOP/tests/fixtures/cli"
T=$(mktemp -d "${TMPDIR:-/tmp}/quire-t-cli.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
HOME="$T/home" XDG_DATA_HOME="$T/xdg"
export HOME XDG_DATA_HOME
unset QUIRE_DB
passed=0 failed=0

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() {  # description, then a command that must succeed
	d=$1; shift
	if "$@"; then ok; else fail "$d"; fi
}
q() { "$QUIRE" "$@" >"$T/out" 2>"$T/err"; rc=$?; }
# Expect status $1 from quire with the remaining arguments.
status() {
	want=$1; shift
	q "$@"
	check "quire $* exits $want (got $rc)" [ "$rc" -eq "$want" ]
}

# --version and --help.
status 0 --version
check "--version prints the version" grep -q '^quire [0-9][0-9.]*$' "$T/out"
status 0 --help
check "--help lists commands" grep -q '^  import ' "$T/out"
status 0 help
for cmd in import extract list show rm help; do
	status 0 "$cmd" --help
	check "$cmd --help prints its usage" grep -q "^usage: quire $cmd" "$T/out"
	check "$cmd --help is listed in --help" sh -c "\"$QUIRE\" --help | grep -q '^  $cmd '"
	status 0 help "$cmd"
	check "help $cmd prints its usage" grep -q "^usage: quire $cmd" "$T/out"
	status 0 "$cmd" -h
done
check "--help does not create a library" [ ! -e "$XDG_DATA_HOME/quire/library.db" ]

# Usage errors exit 2, with a message on stderr and nothing on stdout.
status 2
status 2 frobnicate
status 2 import
status 2 extract
status 2 extract a b
status 2 extract --format yaml "$FIX/kettle.html"
status 2 list extra
status 2 list --bogus
status 2 show
status 2 show 1 2
status 2 show abc
status 2 show 0
status 2 show -- -3
status 2 show 1 --format xml
status 2 rm
status 2 rm 1 x
status 2 help nosuchcommand
status 2 --db
status 2 list --db=
check "a usage error says why on stderr" [ -s "$T/err" ]
check "a usage error prints nothing on stdout" [ ! -s "$T/out" ]

# The XDG default library, created on first use.
status 0 import "$FIX/kettle.html"
check "XDG_DATA_HOME/quire/library.db is the default" [ -f "$XDG_DATA_HOME/quire/library.db" ]
check "no ~/.local library while XDG_DATA_HOME is set" [ ! -e "$HOME/.local/share/quire/library.db" ]
(unset XDG_DATA_HOME; "$QUIRE" import "$FIX/ferns.html" >/dev/null 2>&1)
check "without XDG_DATA_HOME the default is ~/.local/share/quire" \
	[ -f "$HOME/.local/share/quire/library.db" ]
(XDG_DATA_HOME=relative/path; export XDG_DATA_HOME; cd "$T" && "$QUIRE" list >/dev/null 2>&1)
check "a relative XDG_DATA_HOME is ignored" [ ! -e "$T/relative" ]

# QUIRE_DB beats the default, --db beats QUIRE_DB, before or after the command.
QUIRE_DB="$T/env.db" "$QUIRE" import "$FIX/lanterns.html" >/dev/null 2>&1
check "QUIRE_DB chooses the library" [ -f "$T/env.db" ]
QUIRE_DB="$T/env.db" "$QUIRE" --db "$T/opt.db" import "$FIX/ferns.html" >/dev/null 2>&1
check "--db before the command beats QUIRE_DB" [ -f "$T/opt.db" ]
QUIRE_DB="$T/env.db" "$QUIRE" list --db "$T/opt.db" --json >"$T/out"
check "--db after the command works" grep -q Ferns "$T/out"
check "--db library holds only its own" sh -c "! grep -q Lanterns \"$T/out\""
"$QUIRE" --db="$T/opt.db" list >"$T/out"
check "--db=PATH works" grep -q Ferns "$T/out"
status 1 --db "$T/home" list
check "a directory as library is a clear failure" grep -q "is a directory" "$T/err"
: >"$T/plainfile"
status 1 --db "$T/plainfile/lib.db" list
check "a library under a file is a clear failure" grep -qi "not a directory" "$T/err"
printf 'not a database at all, just words going on and on\n' >"$T/junk.db"
status 1 --db "$T/junk.db" list
check "a non-database file is a clear failure" grep -q "not a database" "$T/err"

# list and show shapes on a fresh library.
D="$T/shapes.db"
status 0 --db "$D" list
check "empty library lists nothing" [ ! -s "$T/out" ]
status 0 --db "$D" list --json
check "empty library lists [] as JSON" [ "$(tr -d ' \n' <"$T/out")" = "[]" ]
"$QUIRE" --db "$D" import "$FIX/lanterns.html" "$FIX/ferns.html" >"$T/imported"
id=$(head -n 1 "$T/imported" | cut -f1)
status 0 --db "$D" list --json
for key in id title author site_name published url canonical_url added word_count; do
	check "list --json has $key" grep -q "\"$key\":" "$T/out"
done
check "list --json has both articles" [ "$(grep -c '"id":' "$T/out")" -eq 2 ]
status 0 --db "$D" list
check "list has a header and two rows" [ "$(wc -l <"$T/out")" -eq 3 ]
check "list row has id and title" grep -q "^ *$id  .*Paper Lanterns" "$T/out"
status 0 --db "$D" show "$id"
check "show starts with the title" [ "$(head -n 1 "$T/out")" = "Paper Lanterns on a Wet Evening" ]
check "show has the canonical URL" grep -qx "https://cli.example.org/2024/05/paper-lanterns/" "$T/out"
check "show has the body" grep -q "^The lanterns went up along the canal" "$T/out"
status 0 --db "$D" show --format json "$id"
check "show json begins with the id" [ "$(sed -n 2p "$T/out")" = "  \"id\": $id," ]
status 1 --db "$D" show 999
check "show of an unknown id names it" grep -qx "quire: no article 999" "$T/err"
status 1 --db "$D" rm 999 "$id"
check "rm goes on past an unknown id" sh -c "! \"$QUIRE\" --db \"$D\" show $id >/dev/null 2>&1"
check "rm names the unknown id" grep -qx "quire: no article 999" "$T/err"

# extract touches no library.
rm -rf "$XDG_DATA_HOME" "$HOME/.local"
status 0 extract "$FIX/kettle.html"
check "extract prints text" grep -q "second kettle" "$T/out"
status 0 extract --format json "$FIX/kettle.html"
check "extract json has blocks" grep -q '"blocks":' "$T/out"
check "extract creates no XDG library" [ ! -e "$XDG_DATA_HOME" ]
check "extract creates no ~/.local library" [ ! -e "$HOME/.local" ]
status 1 extract "$T/missing.html"
check "extract failure names the source" grep -q "^quire: $T/missing.html: " "$T/err"

echo "t_cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
