#!/bin/sh
# Print workbooks as a compliance officer would — through LibreOffice to PDF —
# and check the pages (tests/print/pdfcheck.py): no word printed over another,
# one paper size, "Page X of Y" on every page, the audience's marking and the
# sheet in every page header, Summary on one page, an empty Errors sheet not
# printed at all.
#
#   tests/print/print.sh DILIGO SOURCE_DIR
#
# Printed: a supplier workbook (company, A4), a pseudonymised stakeholder copy
# on Letter, a portfolio of 60 generated suppliers and a broken input, and a
# stakeholder portfolio of the examples (no errors). Needs soffice
# (libreoffice-calc-nogui), pdftotext (poppler-utils) and Carlito
# (fonts-crosextra-carlito); without them it is skipped (exit 77) — except in
# CI (CI=true), where it fails.
set -eu
diligo=$1 src=$2
missing=
command -v soffice >/dev/null 2>&1 || missing="$missing soffice (libreoffice-calc-nogui)"
command -v pdftotext >/dev/null 2>&1 || missing="$missing pdftotext (poppler-utils)"
fc-list 2>/dev/null | grep -q Carlito || missing="$missing Carlito (fonts-crosextra-carlito)"
if [ -n "$missing" ]; then
	if [ "${CI:-}" = true ]; then
		echo "print.sh: missing$missing: printing cannot be checked, and CI must check it" >&2
		exit 1
	fi
	echo "print.sh: skipped, missing$missing" >&2
	exit 77
fi
out=$(mktemp -d /tmp/diligo-print-XXXXXX)
trap 'rm -rf "$out"' EXIT
export SOURCE_DATE_EPOCH=1767225600 DILIGO_PATH=
python3 "$src/bench/gen.py" --diligo "$diligo" --sector mining --count 60 --out "$out/in" --seed 7 >/dev/null
printf 'diligo: 1\nsupplier: {id: BROKEN, name: Broken, sector: mining}\nanswers:\n  core.policy.commitment: yes\n  core.policy.commitment: no\n' >"$out/in/zz-broken.yaml"
"$diligo" assess -q "$src/examples/mining/redflag.yaml" -o "$out/supplier.xlsx"
printf '%s\n' 0123456789abcdef0123456789abcdef >"$out/key" && chmod 600 "$out/key"
"$diligo" assess -q -a stakeholder --pseudonymise --pseudonym-key "$out/key" --paper letter \
	"$src/examples/mining/redflag.yaml" -o "$out/stakeholder.xlsx"
"$diligo" assess -q "$out/in" -p "$out/portfolio.xlsx" || [ $? = 1 ] # the broken input
"$diligo" assess -q -a stakeholder --pseudonymise --pseudonym-key "$out/key" "$src/examples" \
	-p "$out/portfolio-stakeholder.xlsx"
(cd "$out" && HOME="$out" soffice --headless --norestore --convert-to pdf supplier.xlsx \
	stakeholder.xlsx portfolio.xlsx portfolio-stakeholder.xlsx >/dev/null 2>&1)
rc=0
check() {
	book=$1
	shift
	python3 "$src/tests/print/pdfcheck.py" --xlsx "$out/$book.xlsx" "$@" "$out/$book.pdf" || rc=1
}
check supplier --paper a4 --sheet-pages Summary=1
check stakeholder --paper letter --sheet-pages Summary=1
check portfolio --paper a4 --sheet-pages Errors=1
check portfolio-stakeholder --paper a4 --sheet-pages Errors=0
exit $rc
