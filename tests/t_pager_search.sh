#!/bin/sh
# t_pager_search.sh — the pager's library search and quotation list, driven
# in a real terminal (tmux, as t_pager.sh): S from the library and from an
# article, the results list and its all-text / quotes-only toggle, Enter at
# the highlighted match, n to the next one, q and Backspace back to the
# list and then to where the search began, Q listing an article's
# quotations and jumping to one, the help, NO_COLOR and the C locale.
# Uses its own articles in tests/fixtures/pager_search/. Skips without tmux.
: "${QUIRE:?set QUIRE to the quire binary}" "${TOP:?set TOP to the source tree}"
FIX="$TOP/tests/fixtures/pager_search"
if ! command -v tmux >/dev/null 2>&1; then
	echo "t_pager_search.sh: 0 passed, 0 failed, 1 skipped (no tmux)"
	exit 0
fi

. "$TOP/tests/tmux_lib.sh"
BROWSER_SPEC=true
ESC=$(printf '\033')

"$QUIRE" --db "$DB" import "$FIX/orchard.html" "$FIX/mill.html" >"$T/import" 2>&1
check "the fixtures import" grep -q "The Orchard Ledger" "$T/import"
ORCH=$(grep "Orchard Ledger" "$T/import" | cut -f 1)

tm new-session -d -s keep -x 80 -y 24 "sleep 600"
tm set-option -g status off >/dev/null 2>&1

# The number of the current match on the status line ("Match K of N").
match_no() { sed -n 's/.*Match \([0-9]*\) of [0-9]*.*/\1/p' "$T/screen" | tail -n 1; }
# Whether the first line of the screen holds text, case ignored.
top_has() { head -n 1 "$T/screen" | grep -qi -- "$1"; }
# Whether the first line shows text in reverse video (a highlighted match).
top_marked() {
	tm capture-pane -e -p -t q >"$T/escaped"
	head -n 1 "$T/escaped" | grep -qi "$ESC\[7m[^ ]*$1"
}

# From the library: S, a query, the list of hits.
start
check "the library opens" wait_for "quire — 2 articles"
keys S
check "S asks for a query" wait_for "Search the library:"
keys g r a f t i n g Enter
check "S from the library lists the hits" wait_for "Search “grafting” — 2 articles"
check "a hit names its article and site" grep -q "^The Orchard Ledger — Fernhollow Journal" "$T/screen"
check "every article with the word is listed" grep -q "^The Mill Race — Fernhollow Journal" "$T/screen"
check "a hit shows the heading it sits under" grep -q "^  § " "$T/screen"
check "the status line counts hits, not rows" sh -c "tail -n 1 '$T/screen' | grep -q ' 1/2\$'"
tm capture-pane -e -p -t q >"$T/escaped"
check "the snippet highlights the matched word" grep -q "$ESC\[7m[^ ]*grafting" "$T/escaped"

# The toggle: quotations only, with who is quoted; and back.
keys t
check "t switches to quotations only" wait_for "Search “grafting” — 1 quotation · t: all text"
check "a quotation hit shows its attribution" grep -q "— Eliza Marrow, The Pomona Gazette" "$T/screen"
check "the quoted words are in the snippet" grep -q "patience from grafting" "$T/screen"
check "an article whose quotations lack the word is not listed" sh -c "! grep -q 'The Mill Race' '$T/screen'"
keys t
check "t switches back to all text" wait_for "Search “grafting” — 2 articles · t: quotes only"

# Enter opens the article at the hit, the match highlighted; n goes on.
keys / O r c h a r d Enter Enter
check "Enter opens the article at the match" wait_for "of 5 · n next"
check "the match is on the top line" top_has grafting
check "the match is highlighted" top_marked grafting
first=$(head -n 1 "$T/screen")
k=$(match_no)
keys n
check "n goes to the next match of the query" wait_for "Match $((k % 5 + 1)) of 5"
check "which is on the new top line" top_has grafting
check "the top line moved" sh -c "[ \"\$(head -n 1 '$T/screen')\" != '$first' ]"
check "and it is highlighted too" top_marked grafting
keys N
check "N goes back" wait_for "Match $k of 5"

# q goes back to the list, the selection kept; Backspace too; q again leaves.
keys q
check "q goes back to the results" wait_for "Search “grafting” — 2 articles"
keys Enter
check "Enter opens the same hit again" wait_for "of 5 · n next"
keys BSpace
check "Backspace goes back to the results" wait_for "Search “grafting” — 2 articles"
keys q
check "q leaves the results for the library" wait_for "quire — 2 articles"
keys S
check "S offers the last search again" wait_for "Search the library (Enter: grafting):"
keys Enter
check "Enter on an empty query repeats it" wait_for "Search “grafting” — 2 articles"
keys q

# A query with nothing to search for says so and stays on the library.
keys S '"' Enter
check "a query of punctuation only is refused with a message" wait_for "nothing to search for"
check "on the library screen" grep -q "quire — 2 articles" "$T/screen"
keys S N E A R '(' Space '*' Enter
check "a broken query still searches its words" wait_for "Search “NEAR( *” — 0 articles"
keys q

# Case and diacritics are folded: "naive" finds and highlights "naïve".
keys S N a i v e Enter
check "a folded query finds its article" wait_for "Search “Naive” — 1 article"
keys Enter
check "the article opens at the accented word" wait_for "of 2 · n next"
check "the accented word is highlighted" top_marked "naïve"
keys q q
check "back at the library" wait_for "quire — 2 articles"
quit_and_wait

# Q: the article's quotations, with attribution; Enter jumps to one.
start read "$ORCH"
check "the article opens (where the last hit read was left)" wait_for "min left"
keys g
check "at the top" wait_top "The Orchard Ledger"
keys Q
check "Q lists the quotations" wait_for "Quotations (2)"
check "each with the start of its text" grep -q "“Whoever learns patience from grafting" "$T/screen"
check "and who is quoted, where" grep -q "— Eliza Marrow, The Pomona Gazette" "$T/screen"
check "an inline quotation is listed with its attribution" grep -q "— Jonas Whitlow, The Valley Chronicle" "$T/screen"
keys j Enter
check "Enter jumps to the quotation" wait_top "As Jonas Whitlow wrote"
check "and names it" wait_for "Quotation 2 of 2 — Jonas Whitlow"
keys Q
check "the list opens on the quotation at the top" wait_for "Quotations (2)"
keys k Enter
check "Enter jumps to a block quotation" wait_top "│ Whoever learns patience"
keys Q q
check "q leaves the list where it was" wait_top "│ Whoever learns patience"

# S from an article: the hit, back to the list, then back to the article.
keys S r i v e r Enter
check "S from an article lists the hits" wait_for "Search “river” — 1 article"
check "under the article it is in" grep -q "^The Mill Race" "$T/screen"
keys Enter
check "the hit opens at its line" wait_top "The river owes nothing"
check "with the word highlighted" top_marked river
keys q
check "q returns to the results" wait_for "Search “river”"
keys q
check "and q again to the article the search began in" wait_top "│ Whoever learns patience"

# The help lists the new keys (it is made from the key table).
keys h
check "the help names S" wait_for "search the library"
check "the help names Q" grep -q "^  Q  *list the article's quotations" "$T/screen"
keys G
check "the help has the results keys" wait_for "switch between all text and quotations only"
keys q
quit_and_wait
check "quits cleanly" grep -q "QUIRE-EXITED-0" "$T/screen"

# A tiny terminal: the screens still work and nothing crashes.
start
check "the library opens for the tiny terminal" wait_for "quire — 2 articles"
tm resize-window -t q -x 20 -y 5
keys S g r a f t i n g Enter t t j Enter n N Q j Enter q q
tm resize-window -t q -x 80 -y 24
keys s   # sorting says so: every key before it has been read
check "a 20x5 terminal goes through search, hit and quotations and back" wait_for "Sorted by date published"
check "to the library" grep -q "quire — 2 articles" "$T/screen"
quit_and_wait
check "and quits cleanly" grep -q "QUIRE-EXITED-0" "$T/screen"

# NO_COLOR and the C locale: the results in ASCII, the match in reverse video.
LOCALE=C NOCOLOR=1 start
check "the C locale shows the library" wait_for "quire - 2 articles"
keys S g r a f t i n g Enter
check "the C locale lists the hits" wait_for "Search \"grafting\" - 2 articles"
check "with nothing but ASCII" sh -c "! LC_ALL=C grep -q '[^ -~]' '$T/screen'"
tm capture-pane -e -p -t q >"$T/escaped"
check "NO_COLOR marks the match in reverse video" grep -q "$ESC\[7m[^ ]*grafting" "$T/escaped"
check "NO_COLOR sets no colour" sh -c "! grep -q '$ESC\[[0-9;]*3[0-7][;m]' '$T/escaped'"
keys t
check "the C locale shows the attribution in ASCII" wait_for "- Eliza Marrow, The Pomona Gazette"
keys Enter
check "the C locale opens the hit" wait_for "Match "
check "at the match" top_has grafting
keys q q
check "and goes back" wait_for "quire - 2 articles"
quit_and_wait

# The shared seed article, when present: Voltaire's line among its quotations.
SEED="$TOP/../shared/fixtures/seed-classic/source.html"
if [ -f "$SEED" ]; then
	"$QUIRE" --db "$DB" import "$SEED" >"$T/seed" 2>&1
	SID=$(cut -f 1 "$T/seed")
	start read "$SID"
	check "the seed article opens" wait_for "min left"
	keys S a b s u r d i t i e s Enter t
	check "the seed's quotation is found among quotations" wait_for "1 quotation · t: all text"
	check "attributed to Voltaire and his work" grep -q "— Voltaire, “Questions sur les miracles”, 1765" "$T/screen"
	keys Enter
	check "it opens at the quoted words" wait_for "Match 1 of"
	check "highlighted on the top line" top_marked absurdities
	keys q q
	check "and comes back to the article" wait_for "min left"
	NQ=$("$QUIRE" --db "$DB" quotes --json "$SID" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))')
	keys Q
	check "Q lists as many quotations as quire quotes" wait_for "Quotations ($NQ)"
	check "the first with Voltaire's attribution" grep -q "^      — Voltaire, “Questions sur les miracles”, 1765" "$T/screen"
	keys q
	quit_and_wait
else
	skipped=$((skipped + 1))
fi

echo "t_pager_search.sh: $pass passed, $fail failed, $skipped skipped"
[ "$fail" -eq 0 ]
