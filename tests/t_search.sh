#!/bin/sh
# t_search.sh — quire search and quire quotes on our own pages
# (tests/fixtures/search/) and, when ../shared is present, on the seed
# fixture: ranking, quotes only, attribution, snippets and markers, --json
# with block and offset, the index kept in step on import, re-import and rm,
# and hostile queries that must give results or one clear message.
# Env: QUIRE (binary under test), TOP (repository root).
: "${QUIRE:?}" "${TOP:?}"
FIX="$TOP/tests/fixtures/search"
SEED="$TOP/../shared/fixtures/seed-classic/source.html"
T=$(mktemp -d "${TMPDIR:-/tmp}/quire-t-search.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
HOME="$T/home" XDG_DATA_HOME="$T/xdg" QUIRE_DB="$T/lib/library.db"
export HOME XDG_DATA_HOME QUIRE_DB
unset NO_COLOR
passed=0 failed=0 skipped=0

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() {  # description, then a command that must succeed
	d=$1; shift
	if "$@"; then ok; else fail "$d"; fi
}
# Run quire, keeping stdout, stderr and the status in $T/out, $T/err, $rc.
q() { "$QUIRE" "$@" >"$T/out" 2>"$T/err"; rc=$?; }
has() { grep -qF -- "$1" "$T/out"; }
hits() { grep -c '"article_id":' "$T/out"; }
# The id quire import printed for a page.
import_id() { "$QUIRE" import "$1" | sed -n 's/^\([0-9][0-9]*\)[^0-9].*/\1/p' | head -n 1; }

bells=$(import_id "$FIX/bells.html")
orchard=$(import_id "$FIX/orchard.html")
check "import gives ids" [ -n "$bells" ] && [ -n "$orchard" ] && [ "$bells" != "$orchard" ]

# Ranking: the title and body of one beat the body of the other.
q search --json bells
check "search bells: two hits" [ "$rc" -eq 0 ] && [ "$(hits)" -eq 2 ]
first=$(sed -n 's/.*"article_id": \([0-9]*\).*/\1/p' "$T/out" | head -n 1)
check "search bells: the orchard (title and body) ranks first" [ "$first" = "$orchard" ]
q search --json Casting
check "search: a heading hit names its heading" has '"heading": "Casting in the pit"'

# Piped: [ ] markers, title, site.
q search tinsmith
check "search tinsmith: marked in brackets when piped" has "[tinsmith]"
check "search: title and site" has "$bells  The Bell Founders of Greyhithe — Quiet Trades"
NO_COLOR=1 q search tinsmith
check "NO_COLOR: brackets" has "[tinsmith]"
if command -v script >/dev/null 2>&1; then
	script -qec "\"$QUIRE\" search tinsmith" /dev/null >"$T/out" 2>&1
	check "terminal: bold, no brackets" grep -q "$(printf '\033\\[1mtinsmith\033\\[0m')" "$T/out"
else
	skipped=$((skipped + 1))
fi

# --json: block index and character offset of the first match.
q search --json tinsmith
check "json: block 0" has '"block": 0,'
# "The foundry stands at the bottom of Tallow Lane, behind a " is 58 characters.
check "json: character offset" has '"offset": 58,'
check "json: snippet marked" has '[tinsmith]'
q search --json 'Tallow Lane'
check "json: diacritics and case folded (tallow lane)" has '"offset": 36,'

# Quotes only, with attribution.
q search --quotes crucible
check "quotes: block quote found" has "[crucible]"
check "quotes: attribution from <cite>" has "— Tobias Venn, “Notes on Founding” (1871)"
q search --quotes --json patience
check "quotes json: author" has '"author": "Mara Linden"'
check "quotes json: publication" has '"publication": "The Foundry Review"'
check "quotes json: work" has '"work": "The Weight of Bronze"'
check "quotes json: quote index" has '"quote": 0'
check "quotes json: block of the match" has '"block": 1,'
q search --quotes --json tinsmith
check "quotes: a word only outside quotations is not returned" [ "$rc" -eq 0 ] && [ "$(hits)" -eq 0 ]
q search --json tinsmith
check "all text: that word is found" [ "$(hits)" -eq 1 ]
q search --quotes --json '"orchard legs"'
check "quotes: a scare-quoted phrase is no quotation" [ "$(hits)" -eq 0 ]

# Operators, phrases, prefixes.
# A hit is a block (or the title): NOT leaves out the blocks that have the word.
q search --json 'bells NOT parish'
check "NOT" [ "$(hits)" -eq 1 ] && has "\"article_id\": $orchard"
q search --json 'cider OR tea'
check "OR" [ "$(hits)" -eq 2 ]
q search --json '"pressed from brass"'
check "phrase" [ "$(hits)" -eq 1 ] && has '[pressed from brass]'
q search --json 'verdi*'
check "prefix" [ "$(hits)" -eq 1 ] && has '[verdigris]'
q search --json 'NEAR(apple bells, 6)'
check "NEAR within 6" [ "$(hits)" -eq 1 ]
q search --json 'NEAR(apple bells, 2)'
check "NEAR not within 2" [ "$rc" -eq 0 ] && [ "$(hits)" -eq 0 ]
q search --limit 1 --json bells
check "--limit 1" [ "$(hits)" -eq 1 ]
q search --limit 0 bells
check "--limit 0 is a usage error" [ "$rc" -eq 2 ]

# quire quotes.
q quotes "$bells"
check "quotes ID: both quotations" [ "$rc" -eq 0 ] && has "0  inline  “A bell is tuned twice" &&
    has "1  block  “Never pour while"
check "quotes ID: attribution" has "— Mara Linden, The Foundry Review, “The Weight of Bronze”"
q quotes --json
check "quotes --json: whole library" [ "$(hits)" -eq 2 ]
for f in '"article_title": "The Bell Founders of Greyhithe"' '"index": 1' '"kind": "block"' \
    '"author": "Tobias Venn"' '"work": "Notes on Founding"' '"year": 1871' '"source_url": null' \
    '"first_block": 4' '"publication": null'; do
	check "quotes --json: $f" has "$f"
done
q quotes 999
check "quotes 999: no such article" [ "$rc" -eq 1 ] && grep -q 'no article 999' "$T/err"
q quotes abc
check "quotes abc: usage" [ "$rc" -eq 2 ]

# Hostile queries: results or one clear message; never a crash, never SQL.
long=$(awk 'BEGIN { for (i = 0; i < 1100; i++) printf "bells%s ", (i % 3 ? "(" : "\"") }')
bad=$(printf 'bel\377\376ls \300\257')
deep=$(awk 'BEGIN { for (i = 0; i < 300; i++) printf "(bells OR "; printf "x"; for (i = 0; i < 300; i++) printf ")" }')
for query in '"' '*' 'NEAR(' 'a OR' '-' ':' '(' ')' 'NOT' '' '   ' "$long" "$bad" "$deep" \
    'title:bells' '^bells' 'bells*)' 'AND OR NOT' '"bells' "'; DROP TABLE blocks; --"; do
	q search "$query"
	n=$(wc -l <"$T/err")
	if [ "$rc" -eq 0 ] && [ "$n" -eq 0 ]; then
		ok
	elif [ "$rc" -eq 1 ] && [ "$n" -eq 1 ] && grep -q '^quire: search: nothing to search for$' "$T/err"; then
		ok
	else
		fail "hostile query '$(printf %s "$query" | head -c 40)': status $rc: $(head -c 200 "$T/err")"
	fi
	if grep -qiE 'fts5|sql|syntax|stack' "$T/err"; then fail "hostile query leaked SQL: $(cat "$T/err")"; fi
done
q search "$long"
check "10 kB query still finds" [ "$rc" -eq 0 ] && has "[bells]"
q search "$bad"
check "invalid UTF-8 query: words around it searched" [ "$rc" -eq 0 ]
q search --json bells
check "library intact after hostile queries" [ "$(hits)" -eq 2 ]

# The index in step: re-import replaces words, rm removes them.
q import "$FIX/bells-v2.html"
check "re-import keeps the id" grep -q "^$bells" "$T/out"
q search --json tinsmith
check "re-import: the old word is gone" [ "$(hits)" -eq 0 ]
q search --json cooper
check "re-import: the new word is found" [ "$(hits)" -eq 1 ] && has "\"article_id\": $bells"
q search --quotes --json crucible
check "re-import: quotes indexed once" [ "$(hits)" -eq 1 ]
q rm "$bells"
q search --json cooper
check "rm: the article's words are gone" [ "$rc" -eq 0 ] && [ "$(hits)" -eq 0 ]
q search --quotes --json crucible
check "rm: its quotations are gone" [ "$(hits)" -eq 0 ]
q quotes --json
check "rm: quotes lists none" [ "$(hits)" -eq 0 ]
q search --json bells
check "rm: the other article remains" [ "$(hits)" -eq 1 ] && has "\"article_id\": $orchard"

# The seed fixture (shared; skipped when absent).
if [ -f "$SEED" ]; then
	seed=$(import_id "$SEED")
	q search --quotes --json absurdities
	check "seed: absurdities → Voltaire" has '"author": "Voltaire"' && has '[absurdities]'
	check "seed: work Questions sur les miracles" has '"work": "Questions sur les miracles"'
	q search --quotes --json '"window was prepared"'
	check "seed: window was prepared → Pjotr Sauer" has '"author": "Pjotr Sauer"'
	check "seed: … in The Guardian" has '"publication": "The Guardian"'
	check "seed: phrase marked" has '[window was prepared]'
	q search --quotes 'window was prepared'
	check "seed: as words too" has "— Pjotr Sauer, The Guardian"
	q search --json Wagner
	first=$(sed -n 's/.*"article_id": \([0-9]*\).*/\1/p' "$T/out" | head -n 1)
	check "seed: Wagner ranks the seed article" [ "$first" = "$seed" ]
	check "seed: Wagner snippet" has '[Wagner]'
	# "Crocus" appears only in the quoted Guardian passages; "Wagner" only
	# outside any quotation.
	q search --quotes --json Wagner
	check "seed: a word only outside quotations is not returned by --quotes" \
	    [ "$rc" -eq 0 ] && [ "$(hits)" -eq 0 ]
	q quotes --json "$seed"
	check "seed: quotes lists Voltaire's line" has '"text": "Those who can make you believe absurdities, can make you commit atrocities."'
	# Issue 5: each Guardian quotation's source is the URL listed under its
	# headline in the post's sources section; Voltaire's has none.
	for pair in "Pjotr Sauer:/2024/mar/23/russia-fsb-tries-to-link-ukraine-to-moscow-attack" \
	    "Jason Burke:/2024/mar/23/who-is-thought-to-be-behind-the-moscow-attack" \
	    "Dan Sabbagh:/2024/mar/23/moscow-attack-is-grim-reminder-that-large-scale-acts" \
	    "Voltaire:"; do
		check "seed: the source of ${pair%%:*}'s quotation" python3 -c '
import json, sys
who, path = sys.argv[2].split(":", 1)
qs = [q for q in json.load(open(sys.argv[1])) if q["author"] == who]
url = qs[0]["source_url"] if qs else "missing"
ok = url is None if not path else (url or "").startswith("https://www.theguardian.com/world" + path)
sys.exit(0 if qs and ok else 1)
' "$T/out" "$pair"
	done
else
	skipped=$((skipped + 14))
fi

# A cite that writes a full date ("keeper's log, 9 January 1912"): the
# attribution shows it as written after the work, as the pager does, not
# "(1912)"; --json gives it as "date" beside the year.
QUIRE_DB="$T/dated.db" q import "$TOP/tests/fixtures/pager/lighthouse.html"
QUIRE_DB="$T/dated.db" q quotes
check "quotes: a full date as the cite wrote it" has "— Thomas Penhale, “keeper's log”, 9 January 1912"
check "quotes: no year in parentheses beside it" sh -c "! grep -q '(1912)' '$T/out'"
QUIRE_DB="$T/dated.db" q search --quotes wind
check "search --quotes: a full date as the cite wrote it" has "— Thomas Penhale, “keeper's log”, 9 January 1912"
QUIRE_DB="$T/dated.db" q quotes --json
check "quotes --json: date" has '"date": "9 January 1912"'
check "quotes --json: no date where the cite gives none" has '"date": null'
QUIRE_DB="$T/dated.db" q search --quotes --json wind
check "search --quotes --json: date" has '"date": "9 January 1912"'

echo "t_search: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
