"""Edit a supplier workbook's Action plan as people do in Excel: rows sorted
another way, a blank row and a row typed by hand inserted, a column added,
Owner, Due date, Status and Notes filled in. Used by this case and by
tests/baseline_libreoffice.sh. Usage: edit.py IN.xlsx OUT.xlsx"""
import datetime, sys
import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Action plan"]
head = [c.value for c in ws[1]]
col = {h: i for i, h in enumerate(head)}
rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
ws.delete_rows(2, ws.max_row)
rows.reverse()  # sorted the other way
rows.insert(1, [None] * len(head))  # a blank row
hand = [None] * len(head)
hand[col["Finding"]], hand[col["Owner"]], hand[col["Status"]] = "Visit the mine with the union", "M. Diaz", "Open"
rows.append(hand)
for r in rows:
    if r[col["Rule id"]] == "tiny.no_audit":
        r[col["Owner"]] = "A. Auditor"
        r[col["Due date"]] = datetime.date(2026, 3, 31)
        r[col["Status"]] = "In progress"
        r[col["Notes"]] = "Tender out"
    if r[col["Rule id"]] == "tiny.no_policy":
        r[col["Owner"]], r[col["Status"]] = "P. Policy", "Done"
for i, r in enumerate(rows):
    for j, v in enumerate(r):
        ws.cell(row=i + 2, column=j + 1, value=v)
ws.cell(row=1, column=len(head) + 1, value="Budget")
for i, r in enumerate(rows):
    if r[col["Rule id"]] == "tiny.no_audit":
        ws.cell(row=i + 2, column=len(head) + 1, value="5000 EUR")
wb.save(sys.argv[2])
