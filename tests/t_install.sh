#!/bin/sh
# t_install.sh — `make install` into a temporary DESTDIR (the default PREFIX,
# then another): every file lands where it should, the installed binary runs
# (--version with its libraries' versions, --help, import of the installed
# sample pages and list on a temporary library), `man -l` renders the
# installed page (skipped without man), the installed bash completion loads;
# then `make uninstall` leaves no file behind.
# env: QUIRE (binary under test, for its version), TOP (repository root)
: "${QUIRE:?}" "${TOP:?}"
T=$(mktemp -d "${TMPDIR:-/tmp}/quire-t-install.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
HOME="$T/home" XDG_DATA_HOME="$T/xdg"
export HOME XDG_DATA_HOME
unset QUIRE_DB
passed=0 failed=0 skipped=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
skip() { skipped=$((skipped + 1)); echo "skip: $*"; }
check() {  # description, then a command that must succeed
	d=$1; shift
	if "$@"; then ok; else fail "$d"; fi
}
finish() {
	echo "t_install: $passed passed, $failed failed, $skipped skipped"
	[ "$failed" -eq 0 ]
	exit
}
if ! command -v make >/dev/null 2>&1; then
	skip "make not installed"
	finish
fi
# make's own MAKEFLAGS (when run from make check) must not leak in.
unset MAKEFLAGS MFLAGS MAKELEVEL

D="$T/dest"
if ! make -s -C "$TOP" DESTDIR="$D" install >"$T/log" 2>&1; then
	fail "make install: $(tail -n 5 "$T/log")"
	finish
fi
ok
P="$D/usr/local"
check "binary installed, executable" [ -x "$P/bin/quire" ]
check "man page installed" [ -f "$P/share/man/man1/quire.1" ]
check "bash completion installed" [ -f "$P/share/bash-completion/completions/quire" ]
check "zsh completion installed" [ -f "$P/share/zsh/site-functions/_quire" ]
check "sample pages installed" [ "$(ls "$P"/share/quire/sample/*.html | wc -l)" -eq 3 ]

# The installed binary runs.
"$P/bin/quire" --version >"$T/v" 2>&1
check "--version exits 0" [ $? -eq 0 ]
check "--version: quire and its version first" sh -c "head -n 1 '$T/v' | grep -qx 'quire [0-9][0-9.]*'"
check "--version: the same as the binary under test" sh -c "[ \"\$(head -n 1 '$T/v')\" = \"\$('$QUIRE' --version | head -n 1)\" ]"
for lib in SQLite libxml2 ncurses libcurl; do
	check "--version names $lib" grep -q "^$lib [0-9][0-9.]*\$" "$T/v"
done
# Built and run on the same system, the run-time versions are pkg-config's.
if command -v pkg-config >/dev/null 2>&1; then
	for pair in SQLite:sqlite3 libxml2:libxml-2.0 ncurses:ncursesw libcurl:libcurl; do
		want=$(pkg-config --modversion "${pair#*:}" 2>/dev/null)
		[ -n "$want" ] || continue
		check "--version: ${pair%%:*} $want" grep -qx "${pair%%:*} $want" "$T/v"
	done
fi
"$P/bin/quire" --help >"$T/h" 2>&1
check "--help lists export" grep -q "^  export " "$T/h"
"$P/bin/quire" --db "$T/lib.db" import "$P"/share/quire/sample/*.html >"$T/i" 2>&1
check "import the installed samples" [ "$(wc -l <"$T/i")" -eq 3 ]
"$P/bin/quire" --db "$T/lib.db" list >"$T/l" 2>&1
check "list shows them" [ "$(grep -c '^ *[0-9]' "$T/l")" -eq 3 ]

# The installed page renders.
if command -v man >/dev/null 2>&1; then
	MANWIDTH=80 man -l "$P/share/man/man1/quire.1" >"$T/man" 2>"$T/manerr"
	check "man -l exits 0 ($(head -c 200 "$T/manerr"))" [ $? -eq 0 ]
	check "man -l renders EXAMPLES" grep -q "^EXAMPLES" "$T/man"
	check "man -l renders the export command" grep -q "quire export" "$T/man"
else
	skip "man not installed (Debian: man-db)"
fi
if command -v bash >/dev/null 2>&1; then
	check "installed bash completion loads" bash -c ". '$P/share/bash-completion/completions/quire' && complete -p quire | grep -q _quire"
fi

# Uninstall leaves no file.
make -s -C "$TOP" DESTDIR="$D" uninstall >"$T/log" 2>&1
check "make uninstall exits 0" [ $? -eq 0 ]
left=$(find "$D" ! -type d)
check "nothing left after uninstall: $left" [ -z "$left" ]

# Another PREFIX, and BINDIR under it.
make -s -C "$TOP" DESTDIR="$D" PREFIX=/opt/quire install >"$T/log" 2>&1
check "install with PREFIX=/opt/quire" sh -c "[ -x '$D/opt/quire/bin/quire' ] && [ -f '$D/opt/quire/share/man/man1/quire.1' ]"
make -s -C "$TOP" DESTDIR="$D" PREFIX=/opt/quire uninstall >"$T/log" 2>&1
left=$(find "$D" ! -type d)
check "nothing left after uninstall from /opt/quire: $left" [ -z "$left" ]

finish
