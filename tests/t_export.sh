#!/bin/sh
# t_export.sh — `quire export`: our fixture with every block kind in each
# format (Markdown escaping, lists, quotations with attribution, references;
# HTML well-formed; text as `show`; JSON as `show --format json` plus the
# bookmarks), -o written atomically, usage errors, --all into a folder with
# safe unique names; then, when ../shared is here, the seed fixture's
# quotations and links and the whole dev corpus exported and checked by
# tests/tools/export_check.py.
# env: QUIRE (binary under test), TOP (repository root)
: "${QUIRE:?}" "${TOP:?}"
FIX="$TOP/tests/fixtures/export"
SHARED="$TOP/../shared"
T=$(mktemp -d "${TMPDIR:-/tmp}/quire-t-export.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
HOME="$T/home" XDG_DATA_HOME="$T/xdg" QUIRE_DB="$T/lib.db"
export HOME XDG_DATA_HOME QUIRE_DB
passed=0 failed=0 skipped=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
skip() { skipped=$((skipped + 1)); echo "skip: $*"; }
check() {  # description, then a command that must succeed
	d=$1; shift
	if "$@"; then ok; else fail "$d"; fi
}
line() {  # file, exact line it must hold
	grep -qxF -- "$2" "$1"
}
q() { "$QUIRE" "$@" >"$T/out" 2>"$T/err"; rc=$?; }
status() {  # expected status, then quire's arguments
	want=$1; shift
	q "$@"
	check "quire $* exits $want (got $rc: $(head -c 200 "$T/err"))" [ "$rc" -eq "$want" ]
}

status 0 import "$FIX/every-block.html"
# A bookmark, as the pager would store it.
python3 - "$QUIRE_DB" <<'EOF2'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("INSERT INTO bookmarks(article_id, name, block, char_offset, created) "
           "VALUES (1, 'the nested quote', 14, 5, '2025-03-01 10:00:00')")
db.commit()
EOF2

# 1. Markdown of our fixture.
status 0 export 1
cp "$T/out" "$T/a.md"
check "markdown is the default format" [ -s "$T/a.md" ]
status 0 export 1 --format markdown
check "--format markdown is the default's output" cmp -s "$T/out" "$T/a.md"
M="$T/a.md"
check "front matter opens the file" sh -c "head -n 1 '$M' | grep -qx -- ---"
check "front matter: title" line "$M" 'title: "On Keeping a Ledger of Small Things"'
check "front matter: author" line "$M" 'author: "Ada Quill"'
check "front matter: date" line "$M" 'date: "2025-02-14T09:30:00+00:00"'
check "front matter: site" line "$M" 'site: "The Margin Gazette"'
check "front matter: canonical_url" line "$M" 'canonical_url: "https://margin.example/2025/02/ledger-of-small-things/"'
check "front matter: tags" line "$M" 'tags: ["notebooks", "habits"]'
check "front matter: the bookmark" sh -c "grep -A3 -x 'bookmarks:' '$M' | grep -qx '    name: \"the nested quote\"'"
check "front matter: bookmark block" line "$M" "  - block: 14"
check "title heading" line "$M" "# On Keeping a Ledger of Small Things"
check "emphasis, strong and a reference link" line "$M" "A ledger of small things is a notebook in which you record what would otherwise slip past: the price of bread, the first frost, the title of a song overheard on a tram. It asks for *nothing* but attention, and it repays that attention **many times over**, as [the old diarists][1] knew well."
check "heading with escaped markup" line "$M" '## Why bother with \*stars\* and\_underscores\_?'
check "special characters escaped" line "$M" 'Plain text has its hazards. A line may begin with # a hash, or hold \[brackets\], a back\`tick, a \<angle\>, 5 \* 3 = 15, snake\_case\_names and a trailing backslash \\ that a careless converter would swallow whole.'
check "a number at a line's start is no list" line "$M" '1\. This paragraph starts like a numbered list but is not one, and the converter must say so plainly.'
check "nested bulleted list" sh -c "grep -A4 -x -- '- Weather, briefly noted.' '$M' | tr '\n' '|' | grep -qF -- '- Weather, briefly noted.|- Prices, with the shop named.|  - Bread and milk.|  - Stamps, which rise every spring.|- Overheard sentences.|'"
check "numbered list" sh -c "grep -A2 -x -- '1. Open the book at the same hour each day.' '$M' | tr '\n' '|' | grep -qF -- '1. Open the book at the same hour each day.|2. Write one line, no more.|3. Close it before you can revise.|'"
check "block quote" line "$M" "> The habit of the notebook is the habit of looking twice, and looking twice is most of what we mean by paying attention to the world."
check "nested block quote" line "$M" "> > Look once to see; look again to know."
check "attribution line" line "$M" "> — Mabel Thorn, The Commonplace Quarterly"
check "fenced code keeps its spacing and outfences backticks" sh -c "grep -A4 -x '\`\`\`\`' '$M' | tr '\n' '|' | grep -qF 'Mon  frost   bread 1.20|Tue  rain    bread 1.20|Wed  \`\`\`fog\`\`\`   bread 1.25|\`\`\`\`|'"
check "image" line "$M" '![A ledger page \[with\] pencilled columns](https://margin.example/img/ledger-page.jpg)'
check "rule" line "$M" "* * *"
check "inline code and more references" line "$M" 'Use `grep` on a typed copy if you must, but the pleasure is in the [paper][2] itself, and in [attention][3] once more.'
check "reference list" sh -c "tail -n 3 '$M' | tr '\n' '|' | grep -qxF '[1]: https://notes.example/attention|[2]: https://notes.example/paper?a=1&b=2|[3]: https://notes.example/attention|'"

# The same through cmark, the CommonMark reference implementation: what a
# Markdown reader shows is the page's text and structure.
if command -v cmark >/dev/null 2>&1; then
	# Without the front matter, which is YAML, not CommonMark.
	awk 'NR == 1 && $0 == "---" { fm = 1; next } fm && $0 == "---" { fm = 0; next } !fm' "$M" |
	    cmark >"$T/a.cm.html"
	C="$T/a.cm.html"
	check "cmark: escaped heading reads as written" line "$C" '<h2>Why bother with *stars* and_underscores_?</h2>'
	check "cmark: escaped paragraph reads as written" line "$C" '<p>Plain text has its hazards. A line may begin with # a hash, or hold [brackets], a back`tick, a &lt;angle&gt;, 5 * 3 = 15, snake_case_names and a trailing backslash \ that a careless converter would swallow whole.</p>'
	check "cmark: no list from '1.'" line "$C" '<p>1. This paragraph starts like a numbered list but is not one, and the converter must say so plainly.</p>'
	check "cmark: nested list" sh -c "tr -d '
' <'$C' | grep -qF '<li>Prices, with the shop named.<ul><li>Bread and milk.</li><li>Stamps, which rise every spring.</li></ul></li>'"
	check "cmark: numbered list" sh -c "tr -d '
' <'$C' | grep -qF '<ol><li>Open the book at the same hour each day.</li>'"
	check "cmark: nested block quote with attribution" sh -c "tr -d '
' <'$C' | grep -qF '<blockquote><p>The habit of the notebook is the habit of looking twice, and looking twice is most of what we mean by paying attention to the world.</p><blockquote><p>Look once to see; look again to know.</p></blockquote><p>— Mabel Thorn, The Commonplace Quarterly</p></blockquote>'"
	check "cmark: code block" sh -c "tr -d '
' <'$C' | grep -qF '<pre><code>Mon  frost   bread 1.20Tue  rain    bread 1.20Wed  \`\`\`fog\`\`\`   bread 1.25</code></pre>'"
	check "cmark: links resolved" grep -qF 'in the <a href="https://notes.example/paper?a=1&amp;b=2">paper</a> itself' "$C"
	check "cmark: emphasis" grep -qF 'It asks for <em>nothing</em> but attention, and it repays that attention <strong>many times over</strong>, as <a href="https://notes.example/attention">the old diarists</a> knew well.' "$C"
	check "cmark: image" grep -qF '<img src="https://margin.example/img/ledger-page.jpg" alt="A ledger page [with] pencilled columns" />' "$C"
else
	skip "cmark not installed: Markdown not rendered"
fi

# 2. HTML, text, JSON.
status 0 export 1 --format html
cp "$T/out" "$T/a.html"
check "html: a standalone page" sh -c "head -n 1 '$T/a.html' | grep -qx '<!DOCTYPE html>' && grep -q '<style>' '$T/a.html'"
check "html: quotation with footer and cite" grep -qF '<footer>— Mabel Thorn, <cite>The Commonplace Quarterly</cite></footer>' "$T/a.html"
check "html: escaped text" grep -qF 'a &lt;angle&gt;, 5 * 3 = 15' "$T/a.html"
check "html: links" grep -qF '<a href="https://notes.example/paper?a=1&amp;b=2">paper</a>' "$T/a.html"
check "html: bookmark" grep -qF '<a href="#b14">the nested quote</a>' "$T/a.html"
# Every element closed in order, every id once.
cat >"$T/html_ok.py" <<'EOF2'
import html.parser, sys
VOID = {'meta', 'img', 'br', 'hr', 'link'}
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.stack = []; self.bad = 0; self.ids = set()
    def handle_starttag(self, t, a):
        for k, v in a:
            if k == 'id':
                self.bad += v in self.ids
                self.ids.add(v)
        if t not in VOID: self.stack.append(t)
    def handle_endtag(self, t):
        if self.stack and self.stack[-1] == t: self.stack.pop()
        else: self.bad += 1
for f in sys.argv[1:]:
    p = P(); p.feed(open(f, encoding='utf-8').read())
    if p.bad or p.stack:
        print('%s: %d misplaced tags or repeated ids, %d left open' % (f, p.bad, len(p.stack)))
        sys.exit(1)
EOF2
check "html: elements nest properly, ids are unique" python3 "$T/html_ok.py" "$T/a.html"
status 0 export 1 --format text
cp "$T/out" "$T/a.txt"
status 0 show 1
check "text is what show prints" cmp -s "$T/out" "$T/a.txt"
status 0 export 1 --format json
cp "$T/out" "$T/a.json"
status 0 show 1 --format json
check "json is show's object plus the bookmarks" python3 - "$T/a.json" "$T/out" <<'EOF2'
import json, sys
e = json.load(open(sys.argv[1])); s = json.load(open(sys.argv[2]))
b = e.pop('bookmarks')
ok = e == s and len(b) == 1 and b[0]['name'] == 'the nested quote' and b[0]['block'] == 14 \
    and b[0]['offset'] == 5
sys.exit(0 if ok else 1)
EOF2

# 3. -o: atomic, replaces, leaves no temporary file; usage errors.
mkdir "$T/o"
echo old >"$T/o/a.md"
status 0 export 1 -o "$T/o/a.md"
check "-o writes nothing to stdout" [ ! -s "$T/out" ]
check "-o writes the export" cmp -s "$T/o/a.md" "$M"
status 0 export 1 --format html --output "$T/o/a.html"
check "--output writes the export" cmp -s "$T/o/a.html" "$T/a.html"
check "-o leaves no temporary file" [ "$(ls "$T/o" | wc -l)" -eq 2 ]
status 1 export 1 -o "$T/o/missing/a.md"
check "-o into a missing folder says why" grep -q "missing/a.md" "$T/err"
check "a failed -o leaves nothing" [ "$(ls "$T/o" | wc -l)" -eq 2 ]
status 2 export 1 --format yaml
status 2 export abc
status 2 export
status 2 export 1 2
status 2 export --all "$T/o" -o "$T/x"
status 1 export 99

# 4. --all: one file per article, names from titles, unique.
sed 's|ledger-of-small-things/|ledger-of-small-things-again/|' "$FIX/every-block.html" >"$T/same-title.html"
status 0 import "$T/same-title.html"
status 0 import "$TOP/tests/fixtures/cli/hostile.html"
status 0 export --all --format markdown "$T/all"
check "--all: one file per article" [ "$(ls "$T/all" | wc -l)" -eq 3 ]
check "--all: the title's slug with the id" [ -f "$T/all/on-keeping-a-ledger-of-small-things-1.md" ]
check "--all: same title, another name" [ -f "$T/all/on-keeping-a-ledger-of-small-things-2.md" ]
check "--all: names are safe" sh -c "ls '$T/all' | grep -v '^[a-z0-9][a-z0-9-]*\.md\$' | grep -q . && exit 1; exit 0"
check "--all: lists what it wrote" [ "$(wc -l <"$T/out")" -eq 3 ]
check "--all: the file is the single export" cmp -s "$T/all/on-keeping-a-ledger-of-small-things-1.md" "$M"
status 0 export --all --format html "$T/all"
check "--all --format html adds .html files" [ "$(ls "$T/all"/*.html | wc -l)" -eq 3 ]
check "hostile page: no escape characters exported" sh -c "! cat '$T/all'/* | grep -q \"\$(printf '\033')\""

# A cite with a full date keeps it as written, in every format.
QUIRE_DB="$T/dated.db" q import "$TOP/tests/fixtures/pager/lighthouse.html"
QUIRE_DB="$T/dated.db" q export 1
check "markdown: a full date as the cite wrote it" line "$T/out" "> — Thomas Penhale, keeper's log, 9 January 1912"
QUIRE_DB="$T/dated.db" q export --format html 1
check "html: a full date as the cite wrote it" grep -qF "<footer>— Thomas Penhale, <cite>keeper&#39;s log</cite>, 9 January 1912</footer>" "$T/out"

# 5. The seed fixture and the dev corpus.
SEED="$SHARED/fixtures/seed-classic"
if [ -f "$SEED/source.html" ] && [ -f "$SEED/expected.json" ]; then
	QUIRE_DB="$T/seed.db" "$QUIRE" import "$SEED/source.html" >/dev/null 2>&1
	QUIRE_DB="$T/seed.db" "$QUIRE" export 1 -o "$T/seed.md" 2>"$T/err"
	if python3 "$TOP/tests/tools/export_check.py" seed "$T/seed.md" "$SEED/expected.json" >"$T/check" 2>&1; then
		ok
	else
		fail "seed fixture: $(cat "$T/check")"
	fi
	QUIRE_DB="$T/seed.db" "$QUIRE" export 1 --format html -o "$T/seed.html" 2>"$T/err"
	check "seed fixture as HTML: well formed ($(cat "$T/err"))" python3 "$T/html_ok.py" "$T/seed.html"
	check "seed fixture as HTML: attributions" sh -c "[ \$(grep -c '^<footer>— ' '$T/seed.html') -eq 4 ]"
else
	skip "no seed fixture at $SEED"
fi
if ls "$SHARED"/corpus/dev/*/source.html >/dev/null 2>&1; then
	QUIRE_DB="$T/dev.db"
	"$QUIRE" import "$SHARED"/corpus/dev/*/source.html >"$T/imported" 2>/dev/null
	check "dev corpus: pages imported" [ "$(wc -l <"$T/imported")" -gt 100 ]
	status 0 export --all "$T/dev"
	status 0 export --all --format html "$T/devhtml"
	check "dev corpus as HTML: well formed" python3 "$T/html_ok.py" "$T/devhtml"/*.html
	mkdir "$T/devjson"
	for id in $(cut -f1 "$T/imported"); do
		"$QUIRE" show "$id" --format json >"$T/devjson/$id.json"
	done
	if python3 "$TOP/tests/tools/export_check.py" corpus "$T/dev" "$T/devjson" >"$T/check" 2>&1; then
		ok
	else
		fail "dev corpus: $(head -n 20 "$T/check")"
	fi
	tail -n 1 "$T/check"
else
	skip "no dev corpus under $SHARED/corpus/dev"
fi

echo "t_export: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
