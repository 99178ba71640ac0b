#!/bin/sh
# t_config.sh — the configuration file in a real terminal (tmux) and through
# `quire config --dump`: every setting and a rebinding take effect in the
# pager (text width, reading speed in "min left", the rebound and unbound
# keys, colours and NO_COLOR, the browser setting, OSC 8 hyperlinks in the
# raw output), a file with bad lines is reported as FILE:LINE: reason while
# quire still starts with the rest, --dump read back gives the same dump,
# and the man page names every setting, action and colour element.
# Skips the terminal part cleanly when tmux is missing.
: "${QUIRE:?set QUIRE to the quire binary}" "${TOP:?set TOP to the source tree}"
FIX="$TOP/tests/fixtures/config"
PAGE="$TOP/man/quire.1"
ESC=$(printf '\033')

if command -v tmux >/dev/null 2>&1; then
	. "$TOP/tests/tmux_lib.sh"
	have_tmux=1
else
	pass=0 fail=0 skipped=0
	T=$(mktemp -d)
	trap 'rm -rf "$T"' EXIT
	DB="$T/library.db"
	ok() { pass=$((pass + 1)); }
	bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
	check() { d=$1; shift; if "$@"; then ok; else bad "$d"; fi; }
	have_tmux=0
fi

# Two recording browsers: $BROWSER's and the config file's.
for b in env-browser conf-browser; do
	cat >"$T/$b" <<EOF2
#!/bin/sh
for a in "\$@"; do printf '%s\n' "\$a"; done >>"$T/opened-$b"
EOF2
	chmod +x "$T/$b"
done
BROWSER_SPEC="$T/env-browser %s"
sed "s|@BROWSER@|$T/conf-browser|" "$FIX/full.conf" >"$T/full.conf"

"$QUIRE" --db "$DB" import "$TOP/tests/fixtures/pager/lighthouse.html" >"$T/import" 2>&1
check "the fixture imports" grep -q "Keeping the Lighthouse Log" "$T/import"
ID=$(cut -f 1 "$T/import")
WORDS=$("$QUIRE" --db "$DB" list --json | sed -n 's/.*"word_count": \([0-9]*\).*/\1/p')

# --- config --dump -------------------------------------------------------
"$QUIRE" --config "$T/full.conf" config --dump >"$T/dump1" 2>"$T/dump1.err"
check "config --dump succeeds on a good file" test $? -eq 0
check "a good file gives no complaints" test ! -s "$T/dump1.err"
for want in "set text-width 60" "set reading-speed 60" \
    "set browser \"$T/conf-browser --from-config %s\"" "set hyperlinks on" "set colors on" \
    "bind view J next-heading" "bind view x quit" "bind list,library x quit" "bind view \"#\" toc" \
    "color quote-bar red default bold" "color heading2 magenta default bold underline" \
    "color link-number 208 default normal"; do
	check "the dump holds: $want" grep -qxF -- "$want" "$T/dump1"
done
check "G is no longer bound in the view" sh -c "! grep -q '^bind view[a-z,]* G ' '$T/dump1'"
check "G still moves lists" grep -qxF "bind list,library G bottom" "$T/dump1"
"$QUIRE" --config "$T/dump1" config --dump >"$T/dump2" 2>&1
check "the dump read back gives the same dump" cmp -s "$T/dump1" "$T/dump2"
XDG_CONFIG_HOME="$T/xdg-default" "$QUIRE" config --dump >"$T/dump0" 2>&1
check "no file at all: the defaults" grep -qxF "set text-width 80" "$T/dump0"
mkdir -p "$T/xdg/quire"
cp "$T/full.conf" "$T/xdg/quire/config"
XDG_CONFIG_HOME="$T/xdg" "$QUIRE" config --dump >"$T/dump3" 2>&1
check "\$XDG_CONFIG_HOME/quire/config is read" cmp -s "$T/dump1" "$T/dump3"
rm -rf "$T/xdg"
"$QUIRE" --config "$T/no-such-file" config --dump >/dev/null 2>"$T/missing.err"
check "a missing --config file is an error" test $? -eq 1
check "and says which file" grep -q "^quire: $T/no-such-file: No such file" "$T/missing.err"

"$QUIRE" --config "$FIX/bad.conf" config --dump >"$T/bad.dump" 2>"$T/bad.err"
check "config --dump exits 1 on bad lines" test $? -eq 1
check "a bad value names FILE:LINE: reason" \
    grep -qxF "quire: $FIX/bad.conf:2: text-width must be a number from 20 to 1000, not 'nineteen'" "$T/bad.err"
check "a bad colour names FILE:LINE: reason" grep -qF "quire: $FIX/bad.conf:4: bad colour 'mauve'" "$T/bad.err"
check "the good lines still apply" grep -qxF "bind view J next-heading" "$T/bad.dump"

# --- the man page names everything the tables hold -----------------------
section=$(sed -n '/^\.SH CONFIGURATION/,/^\.SH /p' "$PAGE")
check "the man page has a CONFIGURATION section" test -n "$section"
names=$( (sed -n 's/^set \([a-z-]*\) .*/\1/p; s/^bind [a-z,]* [^ ]* \([a-z-]*\)$/\1/p; s/^color \([a-z0-9-]*\) .*/\1/p') <"$T/dump0" | sort -u)
for n in $names; do
	esc=$(printf '%s' "$n" | sed 's/-/\\\\-/g')
	if printf '%s\n' "$section" | grep -q -e "^\.B[RI]* $esc\( \|\$\)" -e "^\.B[RI]* \"set $esc[ \"]"; then ok; else
		bad "'$n' (from config --dump) is not a .B entry in the man page's CONFIGURATION"
	fi
done

if [ "$have_tmux" -eq 0 ]; then
	skipped=$((skipped + 1))
	echo "t_config.sh: $pass passed, $fail failed, $skipped skipped (no tmux)"
	[ "$fail" -eq 0 ]
	exit
fi

# --- the pager -------------------------------------------------------------
tm new-session -d -s keep -x 80 -y 24 "sleep 600"
tm set-option -g status off >/dev/null 2>&1

# Defaults first, to compare: 80 columns, the usual speed.
CONFIG=/dev/null start read "$ID"
check "the article opens with an empty config" wait_top "Keeping the Lighthouse Log"
check "the default reading speed" grep -q "$(( (WORDS + 237) / 238 )) min left" "$T/screen"
quit_and_wait

CONFIG="$T/full.conf" start read "$ID"
check "the article opens with the full config" wait_top "Keeping the Lighthouse Log"
check "text-width 60 centres a 60-column text" grep -q "^          Keeping the Lighthouse Log" "$T/screen"
check "no text line is wider than 60 columns" \
    sh -c "head -n 23 '$T/screen' | sed 's/^ *//' | awk 'length > 60 { bad = 1 } END { exit bad }'"
check "reading-speed 60 gives the minutes left" grep -q "$(( (WORDS + 59) / 60 )) min left" "$T/screen"
# Colours: the quote bar red and bold, headings magenta (capture with escapes).
keys J
check "J (bound to next-heading) moves to a heading" wait_top "The first entries"
tm capture-pane -e -p -t q >"$T/screen-e"
check "the heading is drawn magenta" grep -q "${ESC}\[[0-9;]*35m[^$ESC]*The first entries" "$T/screen-e"
wait_for "│" >/dev/null || keys Space
wait_for "│"
tm capture-pane -e -p -t q >"$T/screen-e"
check "the quote bar is drawn red" grep -q "${ESC}\[[0-9;]*31m[^$ESC]*│" "$T/screen-e"
# G is unbound in the view: the end does not show.
keys G
keys j
wait_for "min left"
check "G (unbound) does not go to the end" sh -c "! grep -q '(END)' '$T/screen'"
# OSC 8: the raw output carries the links as hyperlinks.
tm pipe-pane -t q "cat >>'$T/raw'"
keys g
wait_top "Keeping the Lighthouse Log"
keys C-l
i=0
# Wait for both the hyperlinks and the plain rewrite of the cells linked in
# the frame before: pipe-pane may hand over a frame's bytes in pieces.
while [ $i -lt "$WAIT_TRIES" ] && ! { grep -q "]8;id=quire-$ID-[0-9]*;https://archive.tidewater.example/logs/1911" "$T/raw" &&
    grep -q "${ESC}7${ESC}\[[0-9]*;[0-9]*H${ESC}\[[0-9;]*m[a-zA-Z]" "$T/raw"; } 2>/dev/null; do
	sleep 0.05
	i=$((i + 1))
done
check "links are sent as OSC 8 hyperlinks" \
    grep -q "]8;id=quire-$ID-[0-9]*;https://archive.tidewater.example/logs/1911${ESC}\\\\${ESC}\[[0-9;]*mdigitised archive" "$T/raw"
check "a link's cells are written again inside it" grep -q "digitised archive${ESC}\[[0-9;]*m\[1\]${ESC}]8;;${ESC}" "$T/raw"
check "each hyperlink is closed" grep -q "]8;;${ESC}" "$T/raw"
check "the cells linked before are written again plain first" \
    grep -q "${ESC}7${ESC}\[[0-9]*;[0-9]*H${ESC}\[[0-9;]*m[a-zA-Z]" "$T/raw"
tm pipe-pane -t q
# The browser setting wins over $BROWSER.
keys 1 o
i=0
while [ $i -lt "$WAIT_TRIES" ] && [ ! -s "$T/opened-conf-browser" ]; do sleep 0.05; i=$((i + 1)); done
check "the browser setting is used" grep -qxF -- "--from-config" "$T/opened-conf-browser"
check "and \$BROWSER is not" test ! -e "$T/opened-env-browser"
# The help shows the rebound key; x (bound to quit) leaves.
keys h
check "the help opens" wait_for "Help — keys"
check "the help lists J beside ]" grep -q "\], J  *next heading" "$T/screen"
keys x
check "x (bound to quit) leaves the help" wait_gone "Help — keys"
keys x
check "x quits the pager" wait_for "QUIRE-EXITED-0"

# NO_COLOR wins over set colors on.
NOCOLOR=1 CONFIG="$T/full.conf" start read "$ID"
check "the article opens under NO_COLOR" wait_top "Keeping the Lighthouse Log"
tm capture-pane -e -p -t q >"$T/screen-e"
check "NO_COLOR: no colour at all" sh -c "! grep -q '${ESC}\[[0-9;]*3[0-7]m\|38;5' '$T/screen-e'"
quit_and_wait

# set hyperlinks off: no OSC 8; auto inside this tmux follows its version.
printf 'set hyperlinks off\n' >"$T/off.conf"
CONFIG="$T/off.conf" start read "$ID"
wait_top "Keeping the Lighthouse Log"
: >"$T/raw-off"
tm pipe-pane -t q "cat >>'$T/raw-off'"
keys C-l
keys j
wait_top "by Morwenna Hale"
tm pipe-pane -t q
check "hyperlinks off: the redraw reached the log" grep -q "digitised" "$T/raw-off"
check "hyperlinks off: no OSC 8" sh -c "! grep -q ']8;' '$T/raw-off'"
quit_and_wait

# A file with bad lines: the pager still starts, says so, and works.
# It lives in a deep folder, as a clone may: the status line still shows
# the file's name, line and reason within 80 columns.
LONGDIR="$T/a-rather-long-folder-name/for-the-configuration/of-this-reader"
mkdir -p "$LONGDIR"
cp "$FIX/bad.conf" "$LONGDIR/bad.conf"
CONFIG="$LONGDIR/bad.conf" start read "$ID"
check "quire starts despite the bad lines" wait_top "Keeping the Lighthouse Log"
check "the status line names FILE:LINE: reason" wait_for "bad.conf:2: text-"
keys J
check "the good lines still apply (J)" wait_top "The first entries"
quit_and_wait
tm kill-session -t q >/dev/null 2>&1
tm new-session -d -s q -x 80 -y 24 "'$QUIRE' --db '$DB' --config '$T/no-such-file' read $ID; echo QUIRE-EXITED-\$?; sleep 600"
check "a missing --config file stops the pager" wait_for "QUIRE-EXITED-1"
check "and says why" grep -q "quire: $T/no-such-file: No such file" "$T/screen"

echo "t_config.sh: $pass passed, $fail failed, $skipped skipped"
[ "$fail" -eq 0 ]
