#!/bin/sh
# t_disk.sh — the library file under adverse conditions, from the command
# line. Each refusal prints one line "quire: ..." and exits 1, and the
# library is left as it was (its dump through Python's sqlite3 module, or the
# file's bytes, compare equal) and intact (build/tools/dbcheck).
#   - a full disk: a file size limit (RLIMIT_FSIZE, with SIGXFSZ ignored, as
#     a full disk looks to a writer: write fails) that the import of a 10 MB
#     page crosses; afterwards, with no limit, the same import succeeds;
#   - a read-only library file, and a library in a read-only folder (as
#     root these run as nobody through setpriv, since root ignores modes;
#     skipped if neither works);
#   - a missing folder: created, as the README says;
#   - a library from a newer quire (user_version 99): refused, file unchanged;
#   - the read commands on a read-only library file and on a library in a
#     read-only folder: they work, changing nothing;
#   - a library from an older quire (tests/fixtures/disk/library-v2.sql, as
#     quire 0.1.0 wrote it): refused when read-only, else migrated in place, keeping its article,
#     bookmark and reading position, its text then searchable, and the
#     pages of the index the upgrade drops given back;
#   - a migration that fails half-way (a user_version 0 file that already
#     has a table the first migration makes, after others it made): rolled
#     back whole, as one transaction.
# Needs python3 with its sqlite3 module (else skips).
set -u
: "${QUIRE:?QUIRE must name the quire binary}"
TOP=${TOP:-$(cd "$(dirname "$0")/.." && pwd)}
BUILD=${BUILD:-$TOP/build}
passed=0 failed=0 skipped=0

if ! python3 -c 'import sqlite3' >/dev/null 2>&1; then
	echo "t_disk: 0 passed, 0 failed, 1 skipped (no python3 with sqlite3)"
	exit 0
fi

tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP
chmod 755 "$tmp"

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

python3 "$TOP/tests/fixtures/hostile/gen.py" "$tmp/pages" >/dev/null
rm -f "$tmp/pages/big.html"
page=$TOP/tests/fixtures/cli/kettle.html

# sql DB SQL: run SQL with Python's sqlite3 and print the rows, one a line.
sql() {
	python3 -c '
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
for row in db.execute(sys.argv[2]):
    print("|".join(str(x) for x in row))
' "$1" "$2"
}
# dump DB: everything in the library, as SQL text, then a checksum of it.
dump() {
	python3 -c '
import sqlite3, sys
db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
for line in db.iterdump():
    print(line)
print(db.execute("PRAGMA user_version").fetchone()[0])
' "$1" 2>&1 | cksum
}
intact() {  # DB
	if [ -x "$BUILD/tools/dbcheck" ]; then
		"$BUILD/tools/dbcheck" "$1" >/dev/null 2>"$tmp/dbcheck.err"
	else
		sql "$1" "PRAGMA integrity_check" | grep -qx ok
	fi
}

# refused NAME WANT STATUS: the last command's exit STATUS and $tmp/err hold
# one line "quire: ..." containing WANT.
refused() {
	if [ "$3" -ne 1 ]; then
		fail "$1: exit status $3, want 1 ($(head -c 300 "$tmp/err"))"
		return 1
	elif [ "$(wc -l <"$tmp/err")" -ne 1 ] || ! grep -q '^quire: ' "$tmp/err"; then
		fail "$1: want one line 'quire: ...' on stderr: $(head -c 400 "$tmp/err")"
		return 1
	elif ! grep -qF -- "$2" "$tmp/err"; then
		fail "$1: want '$2', got: $(cat "$tmp/err")"
		return 1
	fi
	return 0
}

# The read commands on a library opened read-only ($as and $db set): list,
# show and search succeed and print the article.
reads_ok() {  # what
	for cmd in "list" "show 1" "search kettle" "search --json kettle"; do
		# shellcheck disable=SC2086  # $as and $cmd are words
		if $as "$QUIRE" --db "$db" $cmd >"$tmp/out" 2>"$tmp/err" && [ -s "$tmp/out" ] &&
		    [ ! -s "$tmp/err" ]; then
			pass
		else
			fail "$1: quire $cmd: $(head -c 300 "$tmp/err")"
		fi
	done
}

# A full disk: a file size limit of 256 KB, which a 10 MB page crosses.
cat >"$tmp/limit.py" <<'EOF'
import os, resource, signal, sys
n = int(sys.argv[1])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (n, n))
os.execvp(sys.argv[2], sys.argv[2:])
EOF
db=$tmp/full/library.db
"$QUIRE" --db "$db" import "$page" "$tmp/pages/nested.html" >/dev/null 2>&1
before=$(dump "$db")
python3 "$tmp/limit.py" 262144 "$QUIRE" --db "$db" import "$tmp/pages/nospace.html" >"$tmp/out" 2>"$tmp/err"
st=$?
if refused "full disk" "cannot store" $st; then
	if [ "$(dump "$db")" != "$before" ]; then
		fail "full disk: the library changed"
	elif ! intact "$db"; then
		fail "full disk: the library is damaged: $(head -n 3 "$tmp/dbcheck.err")"
	else
		pass
	fi
fi
if "$QUIRE" --db "$db" import "$tmp/pages/nospace.html" >/dev/null 2>"$tmp/err" && intact "$db"; then
	pass
else
	fail "full disk: the import fails once there is room again: $(cat "$tmp/err")"
fi

# A read-only library file, and a library in a read-only folder. Root
# ignores file modes, so as root run quire as nobody.
as=
if [ "$(id -u)" -eq 0 ]; then
	if command -v setpriv >/dev/null 2>&1 &&
	    setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
		as="setpriv --reuid=65534 --regid=65534 --clear-groups"
	else
		as=none
	fi
fi
if [ "$as" = none ]; then
	skipped=$((skipped + 2))
else
	mkdir -p "$tmp/ro"
	chmod 777 "$tmp/ro"
	db=$tmp/ro/library.db
	# shellcheck disable=SC2086  # $as is words
	$as "$QUIRE" --db "$db" import "$page" >/dev/null 2>"$tmp/err" ||
		fail "cannot make the library for the read-only tests: $(cat "$tmp/err")"
	chmod 444 "$db"
	before=$(cksum <"$db")
	# shellcheck disable=SC2086
	$as "$QUIRE" --db "$db" import "$tmp/pages/nested.html" >"$tmp/out" 2>"$tmp/err"
	st=$?
	if refused "read-only library file" "readonly database" $st; then
		if [ "$(cksum <"$db")" = "$before" ]; then pass; else fail "read-only file: it changed"; fi
	fi
	# Reading still works: the library opens read-only.
	reads_ok "read-only library file"
	if [ "$(cksum <"$db")" = "$before" ]; then pass; else fail "read-only file: reading changed it"; fi
	chmod 644 "$db"
	# No -wal or -shm beside it (as after a clean close): a reader in a
	# folder it cannot write must still manage.
	rm -f "$db-wal" "$db-shm"
	chmod 555 "$tmp/ro"
	before=$(cksum <"$db")
	# shellcheck disable=SC2086
	$as "$QUIRE" --db "$db" import "$tmp/pages/nested.html" >"$tmp/out" 2>"$tmp/err"
	st=$?
	if refused "library in a read-only folder" "readonly database" $st; then
		if [ "$(cksum <"$db")" = "$before" ]; then pass; else fail "read-only folder: the library changed"; fi
	fi
	reads_ok "library in a read-only folder"
	if [ "$(cksum <"$db")" = "$before" ]; then pass; else fail "read-only folder: reading changed it"; fi
	# shellcheck disable=SC2086
	$as "$QUIRE" --db "$tmp/ro/new.db" list >"$tmp/out" 2>"$tmp/err"
	st=$?
	if refused "a new library in a read-only folder" "cannot create library $tmp/ro/new.db: Permission denied" $st; then
		pass
	fi
	chmod 755 "$tmp/ro"
fi

# A missing folder is made.
if "$QUIRE" --db "$tmp/a/b/c/library.db" import "$page" >/dev/null 2>"$tmp/err" &&
    [ -f "$tmp/a/b/c/library.db" ]; then
	pass
else
	fail "a library in a missing folder: $(cat "$tmp/err")"
fi

# A library from a newer quire.
db=$tmp/newer.db
"$QUIRE" --db "$db" import "$page" >/dev/null 2>&1
sql "$db" "PRAGMA user_version = 99" >/dev/null
before=$(cksum <"$db")
for cmd in list "show 1" "import $tmp/pages/nested.html"; do
	# shellcheck disable=SC2086
	"$QUIRE" --db "$db" $cmd >"$tmp/out" 2>"$tmp/err"
	st=$?
	if refused "newer library, $cmd" "library has schema version 99; this quire knows up to" $st; then
		if [ "$(cksum <"$db")" = "$before" ] && [ ! -e "$db-wal" ]; then
			pass
		else
			fail "newer library, $cmd: the file changed"
		fi
	fi
done

# A library from an older quire, as quire 0.1.0 wrote it (schema 2, before
# URL identity keys and the whole-article search index): opened by today's
# quire it is migrated in place, keeps its article, bookmark and reading
# position, and its text becomes searchable.
db=$tmp/older.db
python3 -c '
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executescript(open(sys.argv[2]).read())
db.close()
' "$db" "$TOP/tests/fixtures/disk/library-v2.sql"
# Read-only, it cannot be upgraded: refused, saying so, and left as it was.
if [ "$as" != none ]; then
	chmod 444 "$db"
	before=$(cksum <"$db")
	# shellcheck disable=SC2086  # $as is words
	$as "$QUIRE" --db "$db" list >"$tmp/out" 2>"$tmp/err"
	st=$?
	if refused "an older read-only library" "library is read-only and needs upgrading from schema version 2" $st; then
		if [ "$(cksum <"$db")" = "$before" ]; then pass; else fail "older read-only library: it changed"; fi
	fi
	chmod 644 "$db"
fi
if "$QUIRE" --db "$db" show --format json 1 >"$tmp/show.after" 2>"$tmp/err" &&
    grep -q '"title": "The Long Way Through a Book"' "$tmp/show.after" &&
    [ "$(sql "$db" "PRAGMA user_version")" -gt 2 ] &&
    [ "$(sql "$db" "SELECT count(*) FROM blocks WHERE article_id = 1")" = 32 ] &&
    "$QUIRE" --db "$db" bookmarks 1 2>>"$tmp/err" | grep -q "^1	a	" &&
    [ "$(sql "$db" "SELECT block || ',' || char_offset || ',' || progress FROM reading_positions")" = "9,3,40" ] &&
    "$QUIRE" --db "$db" search --json rebuke 2>>"$tmp/err" | grep -q '"article_id": 1' &&
    intact "$db"; then
	pass
else
	fail "an older library is not migrated in place: $(cat "$tmp/err")"
fi

# An upgrade that drops an old index (schema 5 dropped blocks_fts) gives its
# pages back: a library whose old index held 8 MB is small afterwards.
db=$tmp/bloated.db
python3 -c '
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executescript(open(sys.argv[2]).read())
db.executemany("INSERT INTO blocks_fts_data(block) VALUES (randomblob(4000))", [()] * 2000)
db.commit()
db.close()
' "$db" "$TOP/tests/fixtures/disk/library-v2.sql"
if "$QUIRE" --db "$db" list >/dev/null 2>"$tmp/err" &&
    [ "$(sql "$db" "PRAGMA freelist_count")" = 0 ] &&
    [ "$(sql "$db" "PRAGMA page_count")" -lt 500 ] && intact "$db"; then
	pass
else
	fail "an upgraded library keeps the dropped index's pages: $(sql "$db" "PRAGMA page_count") pages, $(sql "$db" "PRAGMA freelist_count") free $(cat "$tmp/err")"
fi

# A migration that fails after it has made tables leaves none of them.
db=$tmp/half.db
sql "$db" "CREATE TABLE bookmarks (x)" >/dev/null
before=$(dump "$db")
"$QUIRE" --db "$db" list >"$tmp/out" 2>"$tmp/err"
st=$?
if refused "a migration that fails half-way" "bookmarks already exists" $st; then
	if [ "$(dump "$db")" = "$before" ] && [ "$(sql "$db" "SELECT count(*) FROM sqlite_master")" = 1 ]; then
		pass
	else
		fail "a failed migration left: $(sql "$db" "SELECT name FROM sqlite_master" | tr '\n' ' ')"
	fi
fi

echo "t_disk: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
