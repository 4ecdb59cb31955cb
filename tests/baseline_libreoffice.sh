#!/bin/sh
# A supplier workbook edited as people do (tests/e2e/0403-baseline-workbook-edited/edit.py),
# then re-saved by LibreOffice, is read back as the baseline of the next year:
# Owner, Due date, Status and Notes carried over, the resolved finding with its
# last status. The policy cites the same current evidence both years (method v2
# gives a bare claim half credit), so the policy answer is the only change.
# usage: tests/baseline_libreoffice.sh DILIGO SOURCE_DIR [PYTHON3]
set -eu
diligo=$1 src=$2 py=${3:-python3}
out=$(mktemp -d /tmp/diligo-lo-baseline-XXXXXX)
trap 'rm -rf "$out"' EXIT
q() { # file period policy
	printf 'diligo: 1\nsupplier: { id: SUP-1, name: Example Ltd, sector: tiny, employees: 40 }\nperiod: %s\n' "$2" > "$out/$1.yaml"
	printf 'answers:\n  tiny.policy: {value: %s, evidence: [E1]}\n  tiny.grievance: yes\n  tiny.audit: no\n' "$3" >> "$out/$1.yaml"
	printf 'evidence:\n  E1: {title: Human rights policy, kind: policy, date: 2025-06-01}\n' >> "$out/$1.yaml"
}
q q2025 2025 partial
q q2026 2026 yes
export SOURCE_DATE_EPOCH=1767225600 DILIGO_PATH=
"$diligo" assess -q --plugin-path "$src/tests/packs" "$out/q2025.yaml" -o "$out/written.xlsx"
"$py" "$src/tests/e2e/0403-baseline-workbook-edited/edit.py" "$out/written.xlsx" "$out/edited.xlsx"
mkdir "$out/lo"
HOME=$out soffice --headless --norestore --convert-to xlsx --outdir "$out/lo" "$out/edited.xlsx" >/dev/null 2>&1
test -s "$out/lo/edited.xlsx"
"$diligo" assess -q --plugin-path "$src/tests/packs" "$out/q2026.yaml" --baseline "$out/lo" \
	-o "$out/SUP-1-2026.xlsx" --json "$out/r.json"
"$py" - "$out" <<'PY'
import datetime, json, sys, openpyxl
out = sys.argv[1]
s = json.load(open(out + "/r.json"))["suppliers"][0]
c = s["change"]
assert c["from"]["source"] == "workbook" and c["from_period"] == 2025 and c["score"] == 25.0, c
assert [(f["rule"], f["status"], f["open_since"], f["action_plan"]) for f in s["findings"]] == [
    ("tiny.no_audit", "persisting", 2025, {"status": "In progress", "owner": "A. Auditor",
     "due": "2026-03-31", "notes": "Tender out; Budget: 5000 EUR"})], s["findings"]
assert [(r["rule"], r["action_plan"]["status"], r["action_plan"]["owner"]) for r in s["resolved"]] == [
    ("tiny.no_policy", "Done", "P. Policy")], s["resolved"]
ws = openpyxl.load_workbook(out + "/SUP-1-2026.xlsx")["Action plan"]
assert (ws["G2"].value, ws["H2"].value, ws["I2"].value) == (
    "A. Auditor", datetime.datetime(2026, 3, 31), "In progress"), [c.value for c in ws[2]]
assert (ws["C3"].value, ws["G3"].value) == ("Visit the mine with the union", "M. Diaz")
PY
echo "a baseline re-saved by LibreOffice carried its Action plan over"
