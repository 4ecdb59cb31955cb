#!/bin/sh
# cmake --install into a temporary prefix; the installed binary must find
# its packs and its country-risk file without any flag, from any directory, and the man page
# must be there.
# usage: tests/install.sh CMAKE BUILD_DIR SOURCE_DIR
set -eu
cmake=$1 build=$2 src=$3
prefix=$(mktemp -d /tmp/diligo-install-XXXXXX)
trap 'rm -rf "$prefix"' EXIT
"$cmake" --install "$build" --prefix "$prefix" >/dev/null
test -x "$prefix/bin/diligo"
test -f "$prefix/share/man/man1/diligo.1"
test -f "$prefix/share/diligo/plugins/duties.lua"
test -f "$prefix/share/diligo/sectors/mining.lua"
test -f "$prefix/share/diligo/plugins/country-risk.csv"
cd "$prefix"
env -u DILIGO_PATH "$prefix/bin/diligo" sectors | grep -q '^mining '
env -u DILIGO_PATH "$prefix/bin/diligo" assess -q "$src/examples/mining/strong.yaml" -o "$prefix/r.xlsx"
test -s "$prefix/r.xlsx"
# the Method sheet names the installed files, relative to their directory
python3 -c "import sys, zipfile; sys.exit(b'sectors/mining.lua' not in zipfile.ZipFile(sys.argv[1]).read('xl/sharedStrings.xml'))" "$prefix/r.xlsx"
# and the installed country-risk file is the one read: named, with its SHA-256
sum=$(sha256sum "$prefix/share/diligo/plugins/country-risk.csv" | cut -c1-64)
python3 -c "import sys, zipfile; s = zipfile.ZipFile(sys.argv[1]).read('xl/sharedStrings.xml'); sys.exit(not (b'plugins/country-risk.csv' in s and sys.argv[2].encode() in s))" "$prefix/r.xlsx" "$sum"
echo "installed diligo works from $prefix"
