#!/bin/sh
# Installs what a fresh Debian machine lacks, builds diligo, and assesses the
# bundled example questionnaires. Run from the repository root.
set -eu
SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
# printing (tests/print/print.sh): LibreOffice headless, pdftotext, and Carlito, whose widths
# match Excel's Calibri so that workbooks print in LibreOffice as they do in Excel
PKGS="cmake make gcc pkg-config e2fsprogs bsdutils lua-check cppcheck python3-jsonschema liblua5.4-dev libyaml-dev libxlsxwriter-dev libcmocka-dev libseccomp-dev libminizip-dev libexpat1-dev libgettextpo-dev gettext iso-codes python3 python3-openpyxl python3-yaml libreoffice-calc-nogui poppler-utils fonts-crosextra-carlito"
missing=
for p in $PKGS; do
	dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
	$SUDO apt-get update
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $missing
fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j "$(nproc)"
rm -rf out && mkdir out
./build/diligo assess examples -o out -p out/portfolio.xlsx --json out/results.json
echo "diligo: supplier workbooks, portfolio.xlsx and results.json are in $(pwd)/out/"
