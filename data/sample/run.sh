#!/bin/sh
# Open quire on the bundled sample library: a throwaway library at DB, made
# afresh from the pages in this folder, then quire itself on it: the library
# screen on a terminal when quire has a pager; otherwise the first sample
# article printed with `quire show` (through less when on a terminal).
#
# usage: sh data/sample/run.sh QUIRE DB
#   QUIRE  the quire binary (./quire after `make`)
#   DB     the library file to create; any old one is removed first
# Exits with quire's status when a step fails.
#
# The pages are our own prose, marked up as browsers save WordPress posts:
# 01 a classic theme (Twenty Sixteen style, Jetpack share/like/related,
# comments, sidebar, WordPress.com bars), 02 a block theme (wp-site-blocks,
# template parts, wp-block-* content), 03 a short reply on another classic
# theme that quotes and cites 01 by its canonical URL.
set -eu

if [ $# -ne 2 ]; then
	echo "usage: sh data/sample/run.sh QUIRE DB" >&2
	exit 2
fi
quire=$1 db=$2
here=$(cd "$(dirname "$0")" && pwd)

if [ ! -x "$quire" ]; then
	echo "run.sh: no quire binary at $quire (run 'make' first)" >&2
	exit 1
fi
mkdir -p "$(dirname "$db")"
rm -f "$db" "$db-wal" "$db-shm" "$db-journal"

# QUIRE_DB picks the library for every command below (same as --db DB).
QUIRE_DB=$db
export QUIRE_DB

# One import for all pages; quire prints ID<TAB>TITLE<TAB>N blocks per page.
out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
"$quire" import "$here"/*.html >"$out" || status=$?
cat "$out"
if [ "$status" -ne 0 ]; then
	echo "run.sh: importing the sample pages failed (exit $status)" >&2
	exit "$status"
fi
first=$(head -n 1 "$out" | cut -f 1)
if [ -z "$first" ]; then
	echo "run.sh: quire import printed no article id" >&2
	exit 1
fi
echo "Sample library: $db ($(wc -l <"$out") articles)."
echo

# On a terminal, quire's library screen once quire has a pager (it has
# when it has `quire read`); else print the first article.
if [ -t 0 ] && [ -t 1 ] && "$quire" help read >/dev/null 2>&1; then
	exec "$quire"
elif [ -t 1 ] && command -v less >/dev/null 2>&1; then
	"$quire" show "$first" | less -R
else
	"$quire" show "$first"
fi
