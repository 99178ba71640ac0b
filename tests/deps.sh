#!/bin/sh
# Make sure everything the build and the tests need is here (Debian 12 names).
# As root, install the missing packages with apt-get; otherwise print the
# exact command to run and stop. Exit 0 when nothing is missing.
#
# usage: sh tests/deps.sh [--list | --list-ci]
#   --list     print every package the build and the tests need, and exit
#   --list-ci  the same plus OPTIONAL, for CI images (.ci/run installs these)
PACKAGES="make gcc libc6-dev pkg-config libncurses-dev libxml2-dev libsqlite3-dev \
libcurl4-openssl-dev python3 groff-base"
# Not required: tests/t_fuzz.sh skips without clang and its fuzzer runtime,
# tests/t_valgrind.sh without valgrind; tests/t_hostile.sh compares
# libraries with the sqlite3 shell when it is there.
# make check-clang without clang; t_completion.sh skips a shell that is
# missing, t_install.sh its man check without man-db, t_export.sh renders
# Markdown with cmark when it is here; the pager tests (t_pager*.sh) skip
# without tmux.
OPTIONAL="clang libclang-rt-14-dev bash-completion zsh man-db cmark valgrind sqlite3 tmux"

case "${1:-}" in
--list) echo $PACKAGES; exit 0 ;;
--list-ci) echo $PACKAGES $OPTIONAL; exit 0 ;;
esac

need=""
add() {  # package
	case " $need " in *" $1 "*) ;; *) need="$need $1" ;; esac
}

# Tools, found by command.
command -v make >/dev/null 2>&1 || add make
command -v cc >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || add gcc
[ -f /usr/include/stdio.h ] || add libc6-dev
command -v pkg-config >/dev/null 2>&1 || add pkg-config
command -v python3 >/dev/null 2>&1 || add python3   # test servers, fixture and corpus scorers
command -v groff >/dev/null 2>&1 || add groff-base  # tests/t_man.sh renders man/quire.1

# Libraries, found by pkg-config module (each -dev package ships its .pc file).
# Without pkg-config every module counts as missing, which is right: the
# Makefile cannot find them either.
for pair in ncursesw:libncurses-dev libxml-2.0:libxml2-dev sqlite3:libsqlite3-dev \
    libcurl:libcurl4-openssl-dev; do
	mod=${pair%%:*} pkg=${pair#*:}
	pkg-config --exists "$mod" >/dev/null 2>&1 || add "$pkg"
done

[ -z "$need" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
	echo "quire: missing build dependencies (Debian package names):$need" >&2
	echo "quire: install their equivalents with your system's package manager." >&2
	exit 1
fi
if [ "$(id -u 2>/dev/null)" != 0 ]; then
	echo "quire: missing build dependencies. Run:" >&2
	echo "  sudo apt-get update && sudo apt-get install -y$need" >&2
	exit 1
fi
echo "quire: installing build dependencies:$need"
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -q $need; then
	# A fresh image has no package lists yet: fetch them and try once more.
	apt-get update -q && apt-get install -y -q $need || {
		echo "quire: could not install:$need" >&2
		exit 1
	}
fi
echo "quire: build dependencies installed."
