#!/bin/sh
# t_pager.sh — drive the real pager inside tmux: type keys with send-keys,
# read the screen with capture-pane, and wait for each expected screen by
# polling a bounded number of times. Uses a throwaway library made from
# tests/fixtures/pager/ and a private tmux server (its own socket).
# Skips cleanly when tmux is missing.
: "${QUIRE:?set QUIRE to the quire binary}" "${TOP:?set TOP to the source tree}"
FIX="$TOP/tests/fixtures/pager"
if ! command -v tmux >/dev/null 2>&1; then
	echo "t_pager.sh: 0 passed, 0 failed, 1 skipped (no tmux)"
	exit 0
fi

. "$TOP/tests/tmux_lib.sh"

# The recording browser: writes each argument on its own line, uses no shell from quire.
cat >"$T/browser" <<EOF
#!/bin/sh
for a in "\$@"; do printf '%s\n' "\$a"; done >>"$T/opened"
EOF
chmod +x "$T/browser"
BROWSER_SPEC="$T/no-such-browser:$T/browser --new-tab %s"

"$QUIRE" --db "$DB" import "$FIX/fogsignal.html" "$FIX/hostile.html" "$FIX/lighthouse.html" \
    >"$T/import" 2>&1
check "the fixtures import" grep -q "Keeping the Lighthouse Log" "$T/import"
ID=$(grep "Lighthouse" "$T/import" | cut -f 1)
FOG=$(grep "Fog Signal" "$T/import" | cut -f 1)
BAD=$(grep "Hostile" "$T/import" | cut -f 1)

# A session that outlives the test sessions keeps the server up between them.
tm new-session -d -s keep -x 80 -y 24 "sleep 600"
tm set-option -g status off >/dev/null 2>&1
tm set-option -s set-clipboard on >/dev/null 2>&1

# First screen: the title, byline, the text and a status line.
start read "$ID"
check "the title shows on the first line" wait_top "Keeping the Lighthouse Log"
check "the byline shows" grep -q "by Morwenna Hale · 2024-03-02 · Tidewater Notes" "$T/screen"
check "link markers follow their text" grep -q "digitised archive\[1\]" "$T/screen"
check "the status line shows title and percentage" sh -c "tail -n 1 '$T/screen' | grep -q 'Keeping the Lighthouse Log.*[0-9]%'"
check "the text column is centred (80 columns, no margin at 80)" grep -q "^The keepers wrote" "$T/screen"
# The whole first screen, as it should look (update first-screen.txt on purpose only).
check "the first screen matches tests/fixtures/pager/first-screen.txt" cmp -s "$T/screen" "$FIX/first-screen.txt"

# Moving: j, a count, Space, G, g.
keys j
check "j moves down one line" wait_top "by Morwenna Hale"
keys 2 j
check "a count moves several lines" wait_top "The keepers wrote"
keys g
check "g goes to the top" wait_top "Keeping the Lighthouse Log"
keys Space
check "Space moves a page" wait_gone "Keeping the Lighthouse Log ·"
check "Space shows later text" wait_for "Birds killed against the lantern glass"
keys G
check "G shows the end" wait_for "(END)"
check "the end of the article is on screen" grep -q "combining accent in café" "$T/screen"
check "wide characters are drawn" grep -q "灯台守の日誌" "$T/screen"
keys g

# Headings.
keys ']'
check "] jumps to the next heading" wait_top "The first entries"
keys ']'
check "] again to the next" wait_top "What the keeper counted"
keys '['
check "[ goes back a heading" wait_top "The first entries"
check "the status line names the section" sh -c "tail -n 1 '$T/screen' | grep -q 'The first entries'"

# Search: highlighted matches, n and N.
keys g / s t o r m Enter
check "/ finds the first match" wait_top "The storm in January"
check "the match count is shown" wait_for "Match 1 of"
tm capture-pane -e -p -t q >"$T/escaped"
check "matches are highlighted" grep -q "$(printf '\033')\[7m[^ ]*storm" "$T/escaped"
keys n
check "n goes to the next match" wait_top "storm entries so hard to read"
keys N
check "N goes back" wait_top "The storm in January"
keys n n
check "n wraps at the end with a message" wait_for "continuing at the top"
keys g / W I N D Enter
check "a capital makes the search case-sensitive" wait_for "Pattern not found: WIND"
keys g / 灯台守 Enter
check "a search for wide characters finds them" wait_for "Match 1 of 1"
keys g ? k e e p e r Enter
check "? searches backward, wrapping" wait_for "continuing at the bottom"

# Quotes: a bar on every line and the attribution on its own line.
keys g / W i n d Space r i s i n g Enter
check "the quote is found" wait_top "Wind rising all night"
snap
check "every line of the quote has its bar" sh -c "sed -n '1,5p' '$T/screen' | grep -vc '^│ ' | grep -qx 0"
check "the attribution has its own line" grep -q "^│ — Thomas Penhale" "$T/screen"

# Keeping the place: quit, reopen, same top line.
keys g ']' ']' ']'
check "at the storm heading" wait_top "The storm in January"
quit_and_wait
check "q quits" grep -q "QUIRE-EXITED-0" "$T/screen"
start read "$ID"
check "reopening returns to the last position" wait_top "The storm in January"

# Bookmarks: m a, move away, ' a.
keys j j m a
check "m sets a bookmark" wait_for "Bookmark a set"
keys g
check "moved away" wait_top "Keeping the Lighthouse Log"
keys "'" a
check "' returns to the bookmark" wait_top "The great gale arrives"
keys g "'" "'"
check "'' returns to the place before the last jump" wait_top "The great gale arrives"
keys M
check "M lists the bookmarks with their text" wait_for "a   The great gale arrives"
keys q
# The same bookmark from the command line (the pager's write is committed).
"$QUIRE" --db "$DB" bookmarks --json >"$T/bm.json" 2>"$T/bm.err"
check "bookmarks --json succeeds" [ $? -eq 0 ]
check "bookmarks --json names the letter and its article" python3 -c "
import json, sys
b = json.load(open(sys.argv[1]))
sys.exit(0 if any(x['name'] == 'a' and x['article_id'] == int(sys.argv[2]) and
    x['text'].startswith('The great gale arrives') for x in b) else 1)" "$T/bm.json" "$ID"
"$QUIRE" --db "$DB" bookmarks "$ID" >"$T/bm.txt" 2>&1
check "bookmarks ID lists it with its text" grep -q "^$ID	a	Keeping the Lighthouse Log	The great gale arrives" "$T/bm.txt"
"$QUIRE" --db "$DB" bookmarks 9999 >/dev/null 2>"$T/bm.err"
check "bookmarks of an unknown article fails" [ $? -eq 1 ]
"$QUIRE" --db "$DB" bookmarks nope >/dev/null 2>&1
check "bookmarks with a bad id is a usage error" [ $? -eq 2 ]
keys B
check "B lists the library's bookmarks under article titles" wait_for "Bookmarks in the library (1)"
check "with the article's title" grep -q "^Keeping the Lighthouse Log" "$T/screen"
keys q
quit_and_wait
start read "$FOG"
keys B Enter
check "a bookmark in another article opens it" wait_top "The great gale arrives"
keys BSpace
check "and Backspace returns" wait_top "The Fog Signal"
quit_and_wait
start read "$ID"
keys g
check "after a restart at the top" wait_top "Keeping the Lighthouse Log"
keys "'" a
check "the bookmark survives a restart" wait_top "The great gale arrives"
keys j j j j m a M
check "setting a letter again replaces the bookmark" wait_for "a   Wind rising all night"
check "the old place is no longer listed" sh -c "! grep -q 'The great gale' '$T/screen'"
keys q

# Resize: the top line's text stays on top at 60 columns, and after a restart.
keys g / b a r q u e Enter
check "at the barque line" wait_top "barque standing off"
tm resize-window -t q -x 60 -y 24
check "after a resize the top line keeps its text" wait_top "barque standing off"
check "the text is rewrapped to 60 columns" sh -c "awk 'length > 62' '$T/screen' | grep -qv '│' && exit 1 || exit 0"
quit_and_wait
start read "$ID"
# At 60 columns the top line began at "the south-west"; at 80 that text is on the line above.
check "the position after a resize survives a restart" wait_top "breeze from the south-west"

# Help, generated from the key table.
keys h
check "h shows the help" wait_for "Help — keys"
check "the help lists keys and actions" grep -q "\]  *next heading" "$T/screen"
keys q
check "q leaves the help" wait_gone "Help — keys"

# Table of contents.
keys t
check "t shows the contents" wait_for "Contents (4 headings)"
check "the contents indent subheadings" grep -q "^    What the keeper counted" "$T/screen"
keys G Enter
check "Enter in the contents jumps to the heading" wait_top "After the gale"

# The link list, grouped under headings.
keys L
check "L shows the link list" wait_for "Links (4)"
awk '/\(before the first heading\)/{h=NR} /\[1\] digitised archive — https:\/\/archive/{if (h && NR==h+1) f=1} END{exit !f}' "$T/screen"
check "links before any heading are grouped first" [ $? -eq 0 ]
awk '/^The storm in January/{h=NR} /\[3\] writing about Penhale — https:\/\/coasthistory/{if (h && NR==h+1) f=1} END{exit !f}' "$T/screen"
check "a link is listed under its heading" [ $? -eq 0 ]
keys q

# Following a link to an article in the library, and Backspace.
keys g 2 o
check "a link to a stored article opens inside quire" wait_top "The Fog Signal"
check "it says how to go back" wait_for "Backspace goes back"
keys BSpace
check "Backspace returns to the article" wait_top "Keeping the Lighthouse Log"
keys L j Enter
check "Enter in the link list opens the selected link" wait_top "The Fog Signal"
keys BSpace
check "and Backspace returns again" wait_top "Keeping the Lighthouse Log"
keys 2 o
check "the stored article opens once more" wait_top "The Fog Signal"
keys q
check "q goes back a screen, to the article the link came from" wait_top "Keeping the Lighthouse Log"

# External links through $BROWSER, fork/exec, %s, the first command missing.
rm -f "$T/opened"
keys 1 o
check "an external link runs the browser" wait_for "Opened https://archive.tidewater.example/logs/1911"
check "the browser got its words and the URL" sh -c "printf -- '--new-tab\nhttps://archive.tidewater.example/logs/1911\n' | cmp -s - '$T/opened'"
keys 5 o
check "an ftp: link is not kept as a link" wait_for "No link 5"
keys 1 y
check "y says it copied" wait_for "Copied link 1"
check "y copies the URL with OSC 52" sh -c "[ \"\$(tmux -L '$SOCK' show-buffer 2>/dev/null)\" = https://archive.tidewater.example/logs/1911 ]"
keys Tab
check "Tab highlights a link on screen" wait_for "[1] https://archive.tidewater.example"
quit_and_wait

# The library screen: every article; Enter opens; filter.
start
check "the library lists the articles" wait_for "quire — 3 articles"
check "with titles and sites" grep -q "Keeping the Lighthouse Log.*Tidewater Notes.*2024-03-02" "$T/screen"
keys / L i g h t Enter
check "/ filters by title" wait_gone "The Fog Signal"
keys Enter
check "Enter opens the article" wait_top "Keeping the Lighthouse Log"
keys G
check "and reads to the end" wait_for "(END)"
keys q
check "q goes back to the library" wait_for "quire — 3 articles"
check "read to the end, it shows 100%" grep -q "Keeping the Lighthouse Log.*100%" "$T/screen"
keys / Enter
check "an empty filter shows all" wait_for "The Fog Signal"
keys g d
check "d asks before deleting" wait_for "Delete \""
keys n
check "answering n keeps it" wait_for "quire — 3 articles"
quit_and_wait

# A hostile page: no control character reaches the terminal.
tm select-pane -t q -T clean >/dev/null 2>&1
start read "$BAD"
check "the hostile page shows" wait_for "Body with an escape"
check "the text around the escapes shows, the escapes do not act" grep -q "Body with an escape .\{0,2\}\[2J clear" "$T/screen"
check "the title was not set by the page" sh -c "[ \"\$(tmux -L '$SOCK' display -p -t q '#{pane_title}')\" != pwned ]"
check "nothing cleared the screen" grep -q "Hostile page" "$T/screen"
quit_and_wait

# A tiny terminal does not crash.
start read "$ID"
tm resize-window -t q -x 20 -y 5
keys G g j Space L q t q h q
check "a 20x5 terminal works" wait_for "%"
tm resize-window -t q -x 80 -y 24
quit_and_wait
check "and quits cleanly" grep -q "QUIRE-EXITED-0" "$T/screen"

# NO_COLOR: attributes, no colours. The C locale: ASCII only.
NOCOLOR=1 start read "$ID"
check "NO_COLOR shows the article" wait_top "Keeping the Lighthouse Log"
tm capture-pane -e -p -t q >"$T/escaped"
check "NO_COLOR sets no colour" sh -c "! grep -q '$(printf '\033')\[[0-9;]*3[0-7][;m]' '$T/escaped'"
check "NO_COLOR keeps bold" grep -q "$(printf '\033')\[1m" "$T/escaped"
quit_and_wait
LOCALE=C start read "$ID"
check "the C locale shows the article" wait_top "Keeping the Lighthouse Log"
keys G
check "the C locale draws wide characters as ASCII" wait_for "Wide letters for the measuring: ??????"
keys g / W i n d Space r i s i n g Enter
check "the C locale draws ASCII quote bars" wait_top "| Wind rising all night"
check "the C locale draws the attribution in ASCII" grep -q "^| -\{1,2\} Thomas Penhale" "$T/screen"
keys g
check "the C locale draws typographic marks as ASCII" wait_for "by Morwenna Hale * 2024-03-02 * Tidewater"
check "the C locale draws nothing but ASCII" sh -c "! LC_ALL=C grep -q '[^ -~]' '$T/screen'"
quit_and_wait

# The shared seed fixture, when present: quotations with bars, 32 links under headings.
SEED="$TOP/../shared/fixtures/seed-classic/source.html"
if [ -f "$SEED" ]; then
	"$QUIRE" --db "$DB" import "$SEED" >"$T/seed" 2>&1
	SID=$(cut -f 1 "$T/seed")
	start read "$SID"
	check "the seed article opens" wait_for "min left"
	keys / P j o t r Enter
	check "the running Guardian quotation has the bar" wait_top "│ As written by Pjotr Sauer"
	check "on every line of the screen" sh -c "sed -n '1,23p' '$T/screen' | grep -v '^│' | grep -q . && exit 1 || exit 0"
	keys L
	check "the seed's 32 links are listed" wait_for "Links (32)"
	check "under their headings" grep -q "^The Wagner Group in Africa" "$T/screen"
	keys q
	quit_and_wait
else
	skipped=$((skipped + 1))
fi

# QUIRE_WIDTH narrows the text column, centred.
WIDTH=40 start read "$ID"
keys g
check "QUIRE_WIDTH sets the column" wait_for "                    The keepers wrote in the log every four"
quit_and_wait
WIDTH=x start read "$ID"
check "a bad QUIRE_WIDTH is refused" wait_for "QUIRE-EXITED-1"
check "with a message" grep -q "QUIRE_WIDTH must be a number" "$T/screen"

# The place is saved while reading, not only on q: after a second without a
# key, then the terminal is closed under quire and the place is still there.
if command -v sqlite3 >/dev/null 2>&1; then
	saved_block() { sqlite3 "$DB" "SELECT block FROM reading_positions WHERE article_id = $ID" 2>/dev/null; }
	wait_saved() {  # test on the saved block, e.g. "= 0"
		i=0
		while [ $i -lt "$WAIT_TRIES" ]; do
			b=$(saved_block)
			if [ -n "$b" ] && [ "$b" "$1" "$2" ]; then return 0; fi
			i=$((i + 1)); sleep 0.05
		done
		return 1
	}
	start read "$ID"
	keys g
	check "at the top" wait_top "Keeping the Lighthouse Log"
	check "the top is saved while idle" wait_saved -eq 0
	keys ']'
	check "at the first heading" wait_top "The first entries"
	check "the new place is saved while idle" wait_saved -gt 0
	tm kill-session -t q
	start read "$ID"
	check "and survives the terminal closing" wait_top "The first entries"
	quit_and_wait
else
	skipped=$((skipped + 1))
fi

# An unknown article or URL fails before the screen is taken.
start read 999
check "read of an unknown id fails" wait_for "QUIRE-EXITED-1"
check "and names it" grep -q "no article 999" "$T/screen"
start read https://tidewater.example/2023/11/the-fog-signal/
check "read by canonical URL opens the article" wait_top "The Fog Signal"
quit_and_wait

# Without a terminal, read fails with a message.
"$QUIRE" --db "$DB" read "$ID" </dev/null >"$T/out" 2>"$T/err"
check "read without a terminal fails" [ $? -eq 1 ]
check "and says why" grep -q "needs a terminal" "$T/err"

echo "t_pager.sh: $pass passed, $fail failed, $skipped skipped"
[ "$fail" -eq 0 ]
