#!/bin/sh
# Make sure the build dependencies are here. As root, install the missing
# Debian packages; otherwise print the exact command to run and stop.
need=""
command -v pkg-config >/dev/null 2>&1 || need="$need pkg-config"
command -v cc >/dev/null 2>&1 || need="$need gcc"
command -v make >/dev/null 2>&1 || need="$need make"
for pair in ncursesw:libncurses-dev libxml-2.0:libxml2-dev sqlite3:libsqlite3-dev \
    libcurl:libcurl4-openssl-dev; do
	mod=${pair%%:*} pkg=${pair#*:}
	pkg-config --exists "$mod" 2>/dev/null || need="$need $pkg"
done
command -v python3 >/dev/null 2>&1 || need="$need python3"
[ -z "$need" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
	echo "quire: installing build dependencies:$need"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q && apt-get install -y -q $need || {
		echo "quire: could not install:$need" >&2; exit 1; }
else
	echo "quire: missing build dependencies. Run:" >&2
	echo "  sudo apt-get install -y$need" >&2
	exit 1
fi
