#!/bin/sh
# A supplier workbook and a portfolio open in LibreOffice: headless conversion
# succeeds and the converted text holds the values diligo wrote. Every XML
# part of the workbooks is well-formed.
# usage: tests/libreoffice.sh DILIGO SOURCE_DIR
set -eu
diligo=$1 src=$2
out=$(mktemp -d /tmp/diligo-lo-XXXXXX)
trap 'rm -rf "$out"' EXIT
SOURCE_DATE_EPOCH=1767225600 "$diligo" assess -q "$src/examples/mining" -o "$out" -p "$out/portfolio.xlsx"
for f in "$out"/*.xlsx; do
	python3 - "$f" <<'PY'
import sys, zipfile
from xml.dom import minidom
with zipfile.ZipFile(sys.argv[1]) as z:
    for part in z.namelist():
        if part.endswith(".xml") or part.endswith(".rels"):
            minidom.parseString(z.read(part))
PY
done
HOME=$out soffice --headless --norestore --convert-to csv --outdir "$out/csv" "$out/SUP-CL-0107-2025.xlsx" >/dev/null 2>&1
grep -q 'SUP-CL-0107' "$out/csv/SUP-CL-0107-2025.csv"
grep -q 'Overall score' "$out/csv/SUP-CL-0107-2025.csv"
HOME=$out soffice --headless --norestore --convert-to csv --outdir "$out/csv" "$out/portfolio.xlsx" >/dev/null 2>&1
grep -q 'SUP-CD-0042' "$out/csv/portfolio.csv"
echo "LibreOffice opened the workbooks"
