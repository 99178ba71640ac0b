#!/bin/sh
# t_pager_cite.sh — following what an article cites, in the real pager under
# tmux: links to library articles marked apart from links that leave quire
# (in the text and in the link list, with colour, NO_COLOR and the C
# locale), opening a cited article from the link list and Backspace back to
# the same place, `s` on a quotation opening its source inside quire at the
# quoted passage or through a recording $BROWSER, and `c` listing the
# articles that cite the one being read. Our own pages in
# tests/fixtures/pager_cite/. Skips cleanly when tmux is missing.
: "${QUIRE:?set QUIRE to the quire binary}" "${TOP:?set TOP to the source tree}"
FIX="$TOP/tests/fixtures/pager_cite"
if ! command -v tmux >/dev/null 2>&1; then
	echo "t_pager_cite.sh: 0 passed, 0 failed, 1 skipped (no tmux)"
	exit 0
fi

. "$TOP/tests/tmux_lib.sh"

# The recording browser: each argument on its own line; quire runs it without a shell.
cat >"$T/browser" <<EOT
#!/bin/sh
for a in "\$@"; do printf '%s\n' "\$a"; done >>"$T/opened"
EOT
chmod +x "$T/browser"
BROWSER_SPEC="$T/browser"

# The look of a text on an escaped capture (capture-pane -e): prints the
# SGR state in force where text first starts, as "bold underline fg=N".
cat >"$T/sgr.py" <<'EOT'
import re, sys
esc = open(sys.argv[1], encoding='utf-8', errors='replace').read()
want = sys.argv[2]
state = {'bold': False, 'underline': False, 'fg': None}
plain, looks = [], []
pos = 0
for m in re.finditer(r'\x1b\[([0-9;]*)m|([^\x1b]+)', esc):
    if m.group(2) is not None:
        for ch in m.group(2):
            plain.append(ch)
            looks.append(dict(state))
        continue
    codes = [int(c) if c else 0 for c in m.group(1).split(';')]
    for c in codes:
        if c == 0:
            state = {'bold': False, 'underline': False, 'fg': None}
        elif c == 1:
            state['bold'] = True
        elif c == 22:
            state['bold'] = False
        elif c == 4:
            state['underline'] = True
        elif c == 24:
            state['underline'] = False
        elif 30 <= c <= 37:
            state['fg'] = c - 30
        elif c == 39:
            state['fg'] = None
at = ''.join(plain).find(want)
if at < 0:
    sys.exit(1)
s = looks[at]
print(' '.join([k for k in ('bold', 'underline') if s[k]] + (['fg=%d' % s['fg']] if s['fg'] is not None else [])))
EOT
look() { tm capture-pane -e -p -t q >"$T/escaped"; python3 "$T/sgr.py" "$T/escaped" "$1"; }

"$QUIRE" --db "$DB" import "$FIX/essay.html" "$FIX/barges.html" >"$T/import" 2>&1
check "the fixtures import" grep -q "The Salt Barges Come Home" "$T/import"
ESSAY=$(grep "The Salt Road" "$T/import" | cut -f 1)
BARGES=$(grep "The Salt Barges" "$T/import" | cut -f 1)

tm new-session -d -s keep -x 80 -y 24 "sleep 600"
tm set-option -g status off >/dev/null 2>&1

# Marking: a link to a library article is bold and green, its number too;
# a link that leaves quire is only underlined, its number blue.
start read "$ESSAY"
check "the essay opens" wait_top "The Salt Road"
check "both links are on screen" grep -q "the barges coming home\[2\]" "$T/screen"
got=$(look "the barges coming home")
check "a library link is bold, underlined and green ($got)" [ "$got" = "bold underline fg=2" ]
got=$(look "[2] this spring")
check "its number is bold and green ($got)" [ "$got" = "bold fg=2" ]
got=$(look "a county archive site")
check "a link that leaves quire is only underlined ($got)" [ "$got" = "underline" ]
got=$(look "[1], and")
check "its number is blue ($got)" [ "$got" = "fg=4" ]

# Tab names the highlighted link, (library) before one that opens in quire.
keys Tab
check "Tab on a link that leaves quire shows its URL" wait_for "[1] https://elsewhere.example/salt-history"
keys Tab
check "Tab on a library link says (library)" wait_for "[2] (library) https://harbour.example/2024/05/the-salt-barges/"

# The link list says which links open in quire.
keys L
check "L lists the links" wait_for "Links (3)"
check "a library link is marked (library), tracking parameters and all" grep -q "\[2\] (library) the barges coming home — https://harbour" "$T/screen"
check "a bare URL to a library article too" grep -q "\[3\] (library) https://harbour.example" "$T/screen"
check "a link that leaves quire is not" grep -q "\[1\] a county archive site — https://elsewhere" "$T/screen"
got=$(look "(library) the barges")
check "library rows are bold and green ($got)" [ "$got" = "bold underline fg=2" ]
keys q
check "q leaves the list" wait_gone "Links (3)"

# Open the cited article from the link list; Backspace comes back to the same place.
keys ']' ']'
check "at the second heading" wait_top "The barges"
keys L j Enter
check "Enter on a library link opens it inside quire" wait_top "The Salt Barges Come Home"
check "it says how to go back" grep -q "Backspace goes back" "$T/screen"
keys BSpace
check "Backspace returns to the same place" wait_top "The barges"
check "with nothing else moved" grep -q "^Flat barges with a single brown sail" "$T/screen"

# s on a quotation whose source is in the library: opens it at the passage.
keys s
check "s opens the quotation's source inside quire at the quoted passage" wait_top "Three salt barges tied up at the old wharf"
check "and says so" grep -q "Opened the quotation's source from the library; Backspace goes back" "$T/screen"
keys BSpace
check "Backspace returns from the source" wait_top "The barges"

# The quotation holding the top line counts, not only one starting below it.
keys / A s Space w r i t t e n Enter
check "the quotation is on the top line" wait_top "As written by Odile Brandt"
keys s
check "s on the top line's quotation opens its source" wait_top "Three salt barges tied up"
keys BSpace
check "and Backspace comes back to the quotation" wait_top "As written by Odile Brandt"

# s on a quotation whose source is not in the library: the browser gets it.
rm -f "$T/opened"
keys ']'
check "at the ferry" wait_top "The ferry"
keys s
check "s hands a source outside the library to the browser" wait_for "Opened https://elsewhere.example/ferry-book"
check "the browser got the cite= URL" sh -c "printf 'https://elsewhere.example/ferry-book\n' | cmp -s - '$T/opened'"
check "the article stays open" grep -q "^The ferry" "$T/screen"

# c where nothing cites the article.
keys c
check "c lists no citing article here" wait_for "Cited by (0)"
check "and says so" grep -q "No article in the library links to this one." "$T/screen"
keys q
check "quire quits with status 0" quit_and_wait

# c lists the articles that cite this one; Enter opens one at its link; Backspace back.
start read "$BARGES"
keys g
check "the cited article opens" wait_top "The Salt Barges Come Home"
keys s
check "s with no quotation on screen says so" wait_for "No quotation on this screen"
keys ']'
check "at its heading" wait_top "Sunday at the wharf"
keys c
check "c lists the citing articles" wait_for "Cited by (1)"
check "with title and site" grep -q "The Salt Road — Inland Waters" "$T/screen"
keys Enter
check "Enter opens the citing article at its link" wait_top "the harbour paper's report on the barges coming home"
check "it says how to go back" grep -q "Backspace goes back" "$T/screen"
keys BSpace
check "Backspace returns to the place c was typed" wait_top "Sunday at the wharf"
check "quire quits with status 0" quit_and_wait

# NO_COLOR: the marking stays, by bold alone.
NOCOLOR=1 start read "$ESSAY"
keys g
check "NO_COLOR shows the essay" wait_top "The Salt Road"
got=$(look "the barges coming home")
check "NO_COLOR: a library link is bold and underlined ($got)" [ "$got" = "bold underline" ]
got=$(look "a county archive site")
check "NO_COLOR: a link that leaves quire is underlined only ($got)" [ "$got" = "underline" ]
check "quire quits with status 0" quit_and_wait

# The C locale: the list marking is ASCII and nothing else is drawn.
LOCALE=C start read "$ESSAY"
keys g
check "the C locale shows the essay" wait_top "The Salt Road"
keys L
check "the C locale lists the links" wait_for "Links (3)"
check "with the (library) mark" grep -q "\[2\] (library) the barges coming home" "$T/screen"
check "in ASCII only" sh -c "! LC_ALL=C grep -q '[^ -~]' '$T/screen'"
keys q
check "quire quits with status 0" quit_and_wait

# The shared seed fixture, when present: s on a Guardian quotation hands the
# browser the URL listed under its headline in the post's sources.
SEED="$TOP/../shared/fixtures/seed-classic/source.html"
if [ -f "$SEED" ]; then
	"$QUIRE" --db "$DB" import "$SEED" >"$T/seed" 2>&1
	SID=$(cut -f 1 "$T/seed")
	rm -f "$T/opened"
	start read "$SID"
	check "the seed article opens" wait_for "min left"
	keys / W h o Space i s Space t h o u g h t Enter
	check "at the second Guardian quotation" wait_top "As written by Jason Burke in The Guardian"
	keys j j j s
	check "s opens its source in the browser" wait_for "Opened https://www.theguardian.com/world/2024/mar/23/who-is-th"
	check "the URL under its headline in the sources" sh -c "printf 'https://www.theguardian.com/world/2024/mar/23/who-is-thought-to-be-behind-the-moscow-attack?CMP=share_btn_url\n' | cmp -s - '$T/opened'"
	check "quire quits with status 0" quit_and_wait
else
	skipped=$((skipped + 1))
fi

echo "t_pager_cite.sh: $pass passed, $fail failed, $skipped skipped"
[ "$fail" -eq 0 ]
