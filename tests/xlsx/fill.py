#!/usr/bin/env python3
"""Fill a questionnaire workbook (diligo template -o q.xlsx) with the answers of a YAML
questionnaire, with openpyxl, as a supplier (or another tool) would: independently of diligo's own
writer, reading only what the workbook shows (the Allowed answers column, the dropdown lists).

usage: fill.py TEMPLATE.xlsx ANSWERS.yaml OUT.xlsx [--variant NAME]...

Variants write the same answers differently, as real files differ:
  values      option values instead of labels, maturity in lower case
  text        numbers and dates as text, booleans for Confidential, spaces around answers
  percent     percentages as fractions formatted 0%
  1904        the 1904 date system
  shuffle     question rows in reverse order, some hidden, an extra sheet, a note row
  country     the country as its dropdown entry ("Chile (CL)")
The YAML is read with BaseLoader: every scalar stays a string, as diligo reads it.
"""
import argparse
import datetime
import openpyxl
import yaml
from openpyxl.utils.datetime import CALENDAR_MAC_1904

MATURITY = {"yes": "Yes", "partial": "Partial", "no": "No", "unknown": "Unknown",
            "na": "Not applicable"}


def heads(ws, first):
    for row in ws.iter_rows(min_row=1, max_row=20):
        names = {str(c.value).strip().lower(): c.column for c in row if c.value is not None}
        if first.lower() in names:
            return row[0].row, names
    raise SystemExit("no heading row with %r" % first)


def lists(wb):
    """Dropdown entries per question id (and "Maturity") from the hidden Lists sheet."""
    out = {}
    ws = wb["Lists"]
    for col in ws.iter_cols(min_row=1):
        if col[0].value:
            out[col[0].value] = [c.value for c in col[1:] if c.value is not None]
    return out


def number(s):
    v = float(s)
    return int(v) if v.is_integer() and "e" not in s.lower() and abs(v) < 1e15 else v


def date(s):
    return datetime.date.fromisoformat(s)


def answer_cell(ws, row, allowed, qid, value, lst, variants):
    """The answer cell of one question."""
    cell = ws.cell(row=row, column=ANS)
    kind = ("maturity" if allowed.startswith("yes |") else
            "choice" if allowed.startswith("one of: ") else
            "multi" if allowed.startswith("a list of: ") else
            "number" if allowed.startswith("a number") else
            "percent" if allowed.startswith("a percentage") else
            "date" if allowed.startswith("a date") else "text")
    pad = "  %s " if "text" in variants else "%s"
    if kind in ("choice", "multi"):
        values = allowed.split(": ", 1)[1].split(" | ")
        labels = lst[qid]

        def label(v):
            if v in values and "values" not in variants:
                return labels[values.index(v)]
            return v
    if isinstance(value, str) and value == "unknown" and kind != "maturity" and \
            (kind not in ("choice", "multi") or "unknown" not in values):
        cell.value = pad % ("unknown" if "values" in variants else "Unknown")
    elif isinstance(value, str) and value.lower() == "na" and kind != "maturity":
        cell.value = pad % "na"  # every kind takes na where the pack allows it
    elif kind == "maturity":
        cell.value = pad % (value if "values" in variants else MATURITY.get(value.lower(), value))
    elif kind == "choice":
        cell.value = pad % label(value)
    elif kind == "multi":
        cell.value = "; ".join(label(v) for v in value) if value else "(none)"
    elif kind in ("number", "percent"):
        if "text" in variants:
            cell.value = pad % value
        elif kind == "percent" and "percent" in variants:
            cell.value = number(value) / 100
            cell.number_format = "0%"
        else:
            cell.value = number(value)
    elif kind == "date":
        if "text" in variants:
            cell.value = pad % value
        else:
            cell.value = date(value)
            cell.number_format = "yyyy-mm-dd"
    else:
        cell.value = value


def fill(template, answers, out, variants=()):
    q = yaml.load(open(answers, encoding="utf-8"), Loader=yaml.BaseLoader)
    wb = openpyxl.load_workbook(template)
    if "1904" in variants:
        wb.epoch = CALENDAR_MAC_1904
    lst = lists(wb)

    # Supplier: the value beside each label
    ws = wb["Supplier"]
    sup = q.get("supplier", {})
    resp = q.get("respondent", {}) or {}
    fields = {"Supplier id": sup.get("id"), "Supplier name": sup.get("name"),
              "Country": sup.get("country"), "Employees": sup.get("employees"),
              "Tier": sup.get("tier"), "Reporting period": q.get("period"),
              "Respondent name": resp.get("name"), "Respondent role": resp.get("role"),
              "Respondent email": resp.get("email")}
    for row in ws.iter_rows(min_row=2):
        label = row[0].value
        v = fields.get(label)
        if v is None:
            continue
        if label == "Country" and "country" in variants:
            v = next(e for e in lst["Countries (ISO 3166-1)"] if e.endswith("(%s)" % v))
        elif label in ("Employees", "Tier", "Reporting period") and "text" not in variants:
            v = int(v)
        row[1].value = v

    # Answers: by question id
    ws = wb["Answers"]
    head, names = heads(ws, "Question id")
    global ANS
    ANS = names["answer"]
    idc, evc, cmc, cfc, alc = (names["question id"], names["evidence ids"], names["comment"],
                               names["confidential"], names["allowed answers"])
    rows = {ws.cell(row=r, column=idc).value: r for r in range(head + 1, ws.max_row + 1)}
    for qid, a in (q.get("answers") or {}).items():
        if a in ("", None):
            continue
        r = rows[qid]
        allowed = ws.cell(row=r, column=alc).value
        value = a["value"] if isinstance(a, dict) else a
        answer_cell(ws, r, allowed, qid, value, lst, variants)
        if isinstance(a, dict):
            ev = a.get("evidence")
            if ev:
                ws.cell(row=r, column=evc).value = ", ".join(ev if isinstance(ev, list) else [ev])
            if a.get("comment"):
                ws.cell(row=r, column=cmc).value = a["comment"]
            if a.get("confidential") in ("true", "yes"):
                ws.cell(row=r, column=cfc).value = True if "text" in variants else "Yes"
    if "shuffle" in variants:
        # rows in reverse order (values only: validations stay where they are, as when a
        # supplier sorts), every third hidden, a note below, an extra sheet
        data = [[c.value for c in ws[r]] for r in range(head + 1, ws.max_row + 1)]
        fmts = [[c.number_format for c in ws[r]] for r in range(head + 1, ws.max_row + 1)]
        for i, (vals, nf) in enumerate(zip(reversed(data), reversed(fmts))):
            for j, v in enumerate(vals):
                c = ws.cell(row=head + 1 + i, column=j + 1)
                c.value = v
                c.number_format = nf[j]
            if i % 3 == 0:
                ws.row_dimensions[head + 1 + i].hidden = True
        ws.cell(row=ws.max_row + 2, column=1).value = "Notes from the supplier: none"
        wb.create_sheet("Our notes")["A1"] = "internal"

    # Evidence: one row each, from the top
    ws = wb["Evidence"]
    head, names = heads(ws, "Evidence id")
    for i, (eid, ev) in enumerate((q.get("evidence") or {}).items()):
        r = head + 1 + i
        ws.cell(row=r, column=names["evidence id"]).value = eid
        ws.cell(row=r, column=names["title"]).value = ev.get("title")
        ws.cell(row=r, column=names["kind"]).value = ev.get("kind")
        if ev.get("date"):
            c = ws.cell(row=r, column=names["date"])
            c.value = ev["date"] if "text" in variants else date(ev["date"])
            c.number_format = "yyyy-mm-dd"
        ws.cell(row=r, column=names["url"]).value = ev.get("url")
    wb.save(out)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("template")
    ap.add_argument("answers")
    ap.add_argument("out")
    ap.add_argument("--variant", action="append", default=[])
    a = ap.parse_args()
    fill(a.template, a.answers, a.out, a.variant)
