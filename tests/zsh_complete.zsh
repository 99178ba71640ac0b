# zsh_complete.zsh — complete command lines in a real interactive zsh, driven
# through a pseudo-terminal (zsh/zpty), and print what the completion system
# offered: for each line, "== LINE" then one match a line, then each match's
# description (when the completer gave some) as "desc: TEXT".
# compadd is wrapped to record its matches; the completion itself is the
# real compinit machinery loading _quire from COMPDIR.
# usage: zsh -f tests/zsh_complete.zsh COMPDIR LINE...   (exit 3: no zpty)
zmodload zsh/zpty 2>/dev/null || exit 3
compdir=$1; shift
out=$(mktemp "${TMPDIR:-/tmp}/quire-zc.XXXXXX") || exit 1
zpty z zsh -f -i || exit 3
n=0
# Send a command and wait (bounded) until its output, not its echo, shows.
sync_shell() {
	local mark="__quire_mark_$((++n))__" buf="" chunk i
	zpty -w z "print -r -- __quire_mark_''$n''__"
	for (( i = 0; i < 400; i++ )); do
		zpty -r -t z chunk && buf+=$chunk
		[[ $buf == *$mark* ]] && return 0
		sleep 0.05
	done
	print -u2 "zsh_complete: no answer from the shell"
	return 1
}
# -D alone: no dump file is read or written (a -d after it would turn
# dumping back on, and compdump replaces the file it is given).
zdot=$(mktemp -d "${TMPDIR:-/tmp}/quire-zdot.XXXXXX") || exit 1
trap 'zpty -d z 2>/dev/null; rm -rf "$out" "$zdot"' EXIT
zpty -w z "ZDOTDIR=$zdot; PS1='' PS2=''; fpath=($compdir \$fpath); autoload -Uz compinit; compinit -u -D"
zpty -w z "zstyle ':completion:*' menu no; zstyle ':completion:*' list-prompt ''"
zpty -w z "compadd() { builtin compadd \"\$@\"; local -a m; builtin compadd -O m \"\$@\"; print -rl -- \$m >>$out; local d=\${@[(i)-d]}; (( d < \$# )) && print -rl -- \"desc: \"\${(P)@[d+1]} >>$out; }"
sync_shell || exit 1
for line in "$@"; do
	: >"$out"
	zpty -w -n z "$line"$'\t'
	zpty -w -n z $'\C-u'
	sync_shell || exit 1
	print -r -- "== $line"
	cat "$out"
done
