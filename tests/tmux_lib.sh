# tmux_lib.sh — sourced by the pager tests (t_pager*.sh): a private tmux
# server, and helpers to start quire in an 80x24 window, type keys, and wait
# (polling a bounded number of times) for what the screen must show.
# Expects QUIRE and TOP set, and defines pass/fail counters, T (a temporary
# folder removed on exit), DB (a library in it), check, snap, settle,
# wait_for, wait_gone, wait_top, keys, start and quit_and_wait.
pass=0 fail=0 skipped=0
# How many 50 ms polls a wait makes before it gives up: 30 s, since a
# sanitizer build on a loaded machine can take seconds to draw a screen.
WAIT_TRIES=${WAIT_TRIES:-600}
T=$(mktemp -d)
SOCK="quire-test-$$"
DB="$T/library.db"
tm() { tmux -L "$SOCK" "$@"; }
# kill-server leaves the socket file behind: remove it too.
trap 'tm kill-server >/dev/null 2>&1; rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK"; rm -rf "$T"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; if [ -f "$T/screen" ]; then sed 's/^/  | /' "$T/screen"; fi; }
check() {  # description command...
	d=$1; shift
	if "$@"; then ok; else bad "$d"; fi
}

# Capture the screen into $T/screen.
snap() { tm capture-pane -p -t q >"$T/screen" 2>/dev/null; }
# A capture can catch curses half-way through a redraw (the body drawn, the
# status line not yet): after a wait matches, capture again until two
# captures in a row agree, so the checks that follow read a finished screen.
settle() {
	j=0
	while [ $j -lt 40 ]; do
		cp "$T/screen" "$T/screen.prev"
		sleep 0.05
		snap
		if cmp -s "$T/screen" "$T/screen.prev"; then return 0; fi
		j=$((j + 1))
	done
	return 0
}
# Wait until the screen holds text (grep -F), up to WAIT_TRIES polls.
wait_for() {
	i=0
	while [ $i -lt "$WAIT_TRIES" ]; do
		snap
		if grep -qF -- "$1" "$T/screen"; then settle; return 0; fi
		i=$((i + 1))
		sleep 0.05
	done
	return 1
}
# Wait until the screen no longer holds text.
wait_gone() {
	i=0
	while [ $i -lt "$WAIT_TRIES" ]; do
		snap
		if ! grep -qF -- "$1" "$T/screen"; then settle; return 0; fi
		i=$((i + 1))
		sleep 0.05
	done
	return 1
}
# Wait until the first line of the screen contains text.
wait_top() {
	i=0
	while [ $i -lt "$WAIT_TRIES" ]; do
		snap
		if head -n 1 "$T/screen" | grep -qF -- "$1"; then settle; return 0; fi
		i=$((i + 1))
		sleep 0.05
	done
	return 1
}
keys() { tm send-keys -t q "$@"; }
# Start quire with arguments in a fresh 80x24 window; it prints a marker when it ends.
# The reader's own ~/.config never counts: XDG_CONFIG_HOME points into $T
# (empty unless a test writes $T/xdg/quire/config), or CONFIG names a file.
start() {
	tm kill-session -t q >/dev/null 2>&1
	tm new-session -d -s q -x 80 -y 24 \
	    "env LANG=C.UTF-8 LC_ALL=${LOCALE:-C.UTF-8} XDG_CONFIG_HOME='$T/xdg' ${NOCOLOR:+NO_COLOR=1} ${WIDTH:+QUIRE_WIDTH=$WIDTH} BROWSER='$BROWSER_SPEC' '$QUIRE' --db '$DB' ${CONFIG:+--config '$CONFIG'} $*; echo QUIRE-EXITED-\$?; sleep 600"
}
quit_and_wait() { keys q; wait_for "QUIRE-EXITED-0"; }

