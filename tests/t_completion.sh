#!/bin/sh
# t_completion.sh — the shell completion scripts in data/completions/:
# sourced in bash (COMP_WORDS/COMP_CWORD set by hand, _quire called, the
# answer read from COMPREPLY) and in zsh (a real interactive zsh driven
# through zsh/zpty by tests/zsh_complete.zsh, with compinit loading _quire),
# each completing a command, an option, an option's value and an article id
# (with its title in zsh). Also the hidden `quire __complete` they use.
# Skips bash or zsh when it is not installed.
# env: QUIRE (binary under test), TOP (repository root)
: "${QUIRE:?}" "${TOP:?}"
T=$(mktemp -d "${TMPDIR:-/tmp}/quire-t-completion.XXXXXX") || exit 1
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
has() {  # file, fixed line it must hold
	grep -qxF -- "$2" "$1"
}

# The completing shells find `quire` on $PATH: this binary.
mkdir -p "$T/bin" "$T/dir" && : >"$T/dirt.txt" && ln -s "$QUIRE" "$T/bin/quire"
PATH="$T/bin:$PATH"
export PATH
DB="$T/lib.db"
quire --db "$DB" import "$TOP/tests/fixtures/export/every-block.html" \
    "$TOP"/data/sample/*.html >/dev/null 2>"$T/err"
check "import the completion library" [ -s "$DB" ]

# 1. The hidden helper.
quire __complete commands >"$T/c" 2>&1
check "__complete commands lists export with its arguments" \
    grep -q "^export	ID | --all DIR	" "$T/c"
check "__complete commands lists every command of --help" sh -c \
    "quire --help | sed -n '/^commands:/,/^\$/s/^  \([a-z]*\) .*/\1/p' | while read c; do grep -q \"^\$c	\" '$T/c' || exit 1; done"
check "--help does not list __complete" sh -c "! quire --help | grep -q __complete"
quire __complete options export >"$T/o" 2>&1
check "__complete options export: --format with its choices" \
    grep -q "^--format	markdown|html|text|json	" "$T/o"
check "__complete options export: -o FILE" grep -q "^-o	FILE	" "$T/o"
quire --db "$DB" __complete ids >"$T/i" 2>&1
check "__complete ids: id and title" grep -q "^1	On Keeping a Ledger of Small Things\$" "$T/i"
check "__complete ids: one line per article" [ "$(wc -l <"$T/i")" -eq 4 ]
quire --db "$T/none.db" __complete ids >"$T/i" 2>&1
check "__complete ids without a library prints nothing" [ ! -s "$T/i" ]
check "__complete ids does not create a library" [ ! -e "$T/none.db" ]

# 2. bash.
if command -v bash >/dev/null 2>&1; then
	cat >"$T/complete.bash" <<EOS
[ -f /usr/share/bash-completion/bash_completion ] && . /usr/share/bash-completion/bash_completion
. "$TOP/data/completions/quire.bash"
complete -p quire
t() {  # print what completing the words (the last one being typed) offers
	COMP_WORDS=("\$@"); COMP_CWORD=\$((\${#COMP_WORDS[@]} - 1))
	COMP_LINE="\$*"; COMP_POINT=\${#COMP_LINE}
	_quire
	printf '== %s\n' "\$*"; printf '%s\n' "\${COMPREPLY[@]}"
}
t quire ex
t quire export --fo
t quire export --format h
t quire export -
t quire --db "$DB" show ""
t quire --db "$DB" show 3
t quire --db "$DB" export --format html 2
t quire help bo
t quire export --all "$T/di"
t quire import "$TOP/tests/fixtures/export/every"
EOS
	bash "$T/complete.bash" >"$T/bash.out" 2>&1
	section() {  # the answer to one line
		awk -v h="== $1" '$0 == h { on = 1; next } /^== / { on = 0 } on' "$T/bash.out"
	}
	check "bash: complete -p names _quire" grep -q -- "-F _quire quire\$" "$T/bash.out"
	section "quire ex" >"$T/a"
	check "bash: command 'ex' → extract, export" sh -c "has() { grep -qxF \"\$2\" \"\$1\"; }; has '$T/a' extract && has '$T/a' export && [ \$(wc -l <'$T/a') -eq 2 ]"
	section "quire export --fo" >"$T/a"
	check "bash: option --fo → --format" has "$T/a" --format
	section "quire export --format h" >"$T/a"
	check "bash: --format value h → html" has "$T/a" html
	section "quire export -" >"$T/a"
	check "bash: export's options include -o and --all" sh -c "grep -qx -- -o '$T/a' && grep -qx -- --all '$T/a'"
	section "quire --db $DB show " >"$T/a"
	check "bash: ids shown with titles" has "$T/a" "2  The Long Way Through a Book"
	check "bash: every article offered" [ "$(wc -l <"$T/a")" -eq 4 ]
	section "quire --db $DB show 3" >"$T/a"
	check "bash: id 3 completes alone" sh -c "[ \"\$(cat '$T/a')\" = 3 ]"
	section "quire --db $DB export --format html 2" >"$T/a"
	check "bash: id after an option's value" sh -c "[ \"\$(cat '$T/a')\" = 2 ]"
	section "quire help bo" >"$T/a"
	check "bash: help completes commands" has "$T/a" bookmarks
	section "quire export --all $T/di" >"$T/a"
	check "bash: export --all completes a folder" sh -c "[ \"\$(cat '$T/a')\" = '$T/dir' ]"
	section "quire import $TOP/tests/fixtures/export/every" >"$T/a"
	check "bash: import completes files" has "$T/a" "$TOP/tests/fixtures/export/every-block.html"
else
	skip "bash not installed"
fi

# 3. zsh: the script parses, then real completion through a pty.
if command -v zsh >/dev/null 2>&1; then
	check "zsh: _quire parses" zsh -n "$TOP/data/completions/_quire"
	zsh -f "$TOP/tests/zsh_complete.zsh" "$TOP/data/completions" "quire ex" \
	    "quire export --fo" "quire export --format " "quire --db $DB show " \
	    "quire --db $DB rm 4" "quire export --all $T/di" >"$T/zsh.out" 2>&1
	st=$?
	if [ "$st" -eq 3 ]; then
		skip "zsh has no zsh/zpty module"
	else
		check "zsh: the pty session ran (exit $st)" [ "$st" -eq 0 ]
		section() {
			awk -v h="== $1" '$0 == h { on = 1; next } /^== / { on = 0 } on' "$T/zsh.out"
		}
		section "quire ex" >"$T/a"
		check "zsh: command 'ex' → extract, export" sh -c "grep -qx extract '$T/a' && grep -qx export '$T/a'"
		check "zsh: commands described" grep -q "^desc: export .*-- write an article" "$T/a"
		section "quire export --fo" >"$T/a"
		check "zsh: option --fo → --format" grep -qx -- --format "$T/a"
		section "quire export --format " >"$T/a"
		check "zsh: --format values" sh -c "grep -qx markdown '$T/a' && grep -qx json '$T/a'"
		section "quire --db $DB show " >"$T/a"
		check "zsh: ids offered" sh -c "grep -qx 1 '$T/a' && grep -qx 4 '$T/a'"
		check "zsh: ids described by title" grep -q "^desc: 4 .*-- In Defence of Skimming\$" "$T/a"
		section "quire --db $DB rm 4" >"$T/a"
		check "zsh: id 4 completes" grep -qx 4 "$T/a"
		section "quire export --all $T/di" >"$T/a"
		check "zsh: export --all completes a folder, not a file" sh -c "grep -qx dir '$T/a' && ! grep -q dirt '$T/a'"
		[ "$failed" -eq 0 ] || cat "$T/zsh.out"
	fi
else
	skip "zsh not installed"
fi

echo "t_completion: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
