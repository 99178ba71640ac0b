#!/bin/sh
# t_pager_notes.sh — links into the same article in a real terminal: a
# footnote reference opens the footnote at the end of the essay, Backspace
# comes back to the reference, the footnote's own "Back" link returns to the
# paragraph that cites it, and Backspace again to the footnote. The link
# list marks such links "(here)". Uses
# tests/fixtures/pager_notes/ and a private tmux server (tests/tmux_lib.sh);
# skips cleanly when tmux is missing.
: "${QUIRE:?set QUIRE to the quire binary}" "${TOP:?set TOP to the source tree}"
FIX="$TOP/tests/fixtures/pager_notes"
if ! command -v tmux >/dev/null 2>&1; then
	echo "t_pager_notes.sh: 0 passed, 0 failed, 1 skipped (no tmux)"
	exit 0
fi

. "$TOP/tests/tmux_lib.sh"
# A browser that records: nothing here may reach it.
BROWSER_SPEC="$T/browser %s"
printf '#!/bin/sh\nprintf "%%s\\n" "$@" >>"%s/opened"\n' "$T" >"$T/browser"
chmod +x "$T/browser"

"$QUIRE" --db "$DB" import "$FIX/ledger.html" >"$T/import" 2>&1
check "the fixture imports" grep -q "The Green Ledger" "$T/import"
ID=$(cut -f 1 "$T/import")

start read "$ID"
check "the essay opens at its start" wait_top "The Green Ledger"
check "the footnote is off screen" sh -c "! grep -q 'GREEN LEDGER NOTE' '$T/screen'"
keys L
check "the link list marks a place in this article (here)" wait_for "[1] (here) 1"
keys q
wait_top "The Green Ledger"
keys 1 o
check "1o: the footnote reference opens the footnote" wait_for "GREEN LEDGER NOTE"
check "it says so, and how to come back" wait_for "here in this article; Backspace goes back"
check "the start of the essay has scrolled away" sh -c "! head -n 1 '$T/screen' | grep -q 'The Green Ledger'"
keys BSpace
check "Backspace returns to where the link was followed" wait_top "The Green Ledger"
keys 1 o
wait_for "GREEN LEDGER NOTE"
keys 3 o
check "the footnote's Back link returns to the citing paragraph" wait_for "The harbour log was kept"
keys BSpace
check "Backspace goes back to the footnote" wait_for "GREEN LEDGER NOTE"
check "no link of this article went to the browser" [ ! -e "$T/opened" ]
quit_and_wait
check "q quits" grep -q "QUIRE-EXITED-0" "$T/screen"

echo "t_pager_notes.sh: $pass passed, $fail failed, $skipped skipped"
[ "$fail" -eq 0 ]
