#!/bin/sh
# t_pager_polish.sh — the pager on screen for what t_pager.sh does not show:
# a <pre> line longer than the text column is cut with a marker (→, or > in
# the C locale) and not wrapped, an image is shown as "[image: alt]", and a
# cite that writes a full date keeps its work and its date on the
# attribution line. Uses tests/fixtures/pager_polish/ and a private tmux
# server (tests/tmux_lib.sh); skips cleanly when tmux is missing.
: "${QUIRE:?set QUIRE to the quire binary}" "${TOP:?set TOP to the source tree}"
FIX="$TOP/tests/fixtures/pager_polish"
if ! command -v tmux >/dev/null 2>&1; then
	echo "t_pager_polish.sh: 0 passed, 0 failed, 1 skipped (no tmux)"
	exit 0
fi

. "$TOP/tests/tmux_lib.sh"
BROWSER_SPEC=true

"$QUIRE" --db "$DB" import "$FIX/tidegauge.html" >"$T/import" 2>&1
check "the fixture imports" grep -q "Reading the Tide Gauge" "$T/import"
ID=$(cut -f 1 "$T/import")

tm new-session -d -s keep -x 80 -y 24 "sleep 600"
tm set-option -g status off >/dev/null 2>&1

# The fixture's long <pre> line (ASCII, 105 columns), and the line after it on screen.
PRE="high water  03:12  4.1m  wind SW 4  swell 2m  float sticking near the top of the well again CUTAWAYTAIL"
pre_next() { grep -A 1 -m 1 "^high water  03:12" "$T/screen" | sed -n 2p; }

# Checks shared by both locales; $1 is the cut marker, $2 the quote bar,
# $3 the attribution dash.
screen_checks() {
	mark=$1 bar=$2 dash=$3
	check "[$LOCALE] the long <pre> line shows" wait_for "high water  03:12  4.1m"
	# The first 79 columns of the source line, then the marker in column 80.
	check "[$LOCALE] it is cut at the 80th column with the marker" \
	    grep -qxF "$(printf '%s' "$PRE" | cut -c 1-79)$mark" "$T/screen"
	check "[$LOCALE] what lies past the cut is not shown" sh -c "! grep -q CUTAWAYTAIL '$T/screen'"
	check "[$LOCALE] nor wrapped onto the next line" [ "$(pre_next)" = "low water   09:40  0.9m" ]
	check "[$LOCALE] the image shows as [image: alt]" \
	    grep -qx "\[image: The gauge well with its float and wire\]" "$T/screen"
	check "[$LOCALE] the attribution keeps the work and the full date" \
	    grep -qF "$bar $dash Edith Varco, harbourmaster's daybook, 14 March 1908" "$T/screen"
}

LOCALE=C.UTF-8
start read "$ID"
check "the article opens" wait_top "Reading the Tide Gauge"
screen_checks "→" "│" "—"
quit_and_wait

LOCALE=C
start read "$ID"
check "the article opens in the C locale" wait_top "Reading the Tide Gauge"
screen_checks ">" "|" "--"
check "[C] the screen is ASCII only" sh -c "! LC_ALL=C grep -q '[^ -~]' '$T/screen'"
quit_and_wait

echo "t_pager_polish.sh: $pass passed, $fail failed, $skipped skipped"
[ "$fail" -eq 0 ]
