#!/usr/bin/env python3
"""Questionnaire workbooks against YAML, for every bundled example (examples/*/*.yaml).

usage: roundtrip.py --diligo BIN --source DIR [--libreoffice]

For each example: `diligo template -s SECTOR -o t.xlsx`, filled with openpyxl from the YAML answers
(fill.py, and again in each of its variants: labels or values, numbers and dates as text, percent
formats, the 1904 date system, sorted and hidden rows, an extra sheet, the country's dropdown
entry); each filled workbook must assess exactly as the YAML does (the JSON results, scores and
findings, the same but for the input's name) and convert back to the same YAML as the YAML itself
converts to (every answer, comment, evidence item and flag). `template --from` and `convert` must
round-trip.

With --libreoffice, the same after LibreOffice re-saves the filled workbooks (soffice --headless
--convert-to xlsx; labels, percent formats and the combined variant), and on the re-saved blank template openpyxl must still see a data validation on
every answer cell, every sheet protected, and no cell unlocked but the answer, evidence and
supplier cells. Without soffice this test is skipped (exit 77) unless CI=true, where it fails.
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fill  # noqa: E402

VARIANTS = [[], ["values"], ["text"], ["percent"], ["1904"], ["shuffle"], ["country"],
            ["values", "text", "shuffle", "1904"]]
# re-saved by LibreOffice (the others add little but time)
LO_VARIANTS = [[], ["values", "text", "shuffle", "1904"]]
FAILS = []


def run(argv, **kw):
    p = subprocess.run(argv, capture_output=True, text=True, **kw)
    if p.returncode != 0:
        raise SystemExit("%s: exit %d\n%s%s" % (" ".join(argv), p.returncode, p.stdout,
                                                p.stderr))
    return p


def results(diligo, path, tmp):
    out = os.path.join(tmp, "r.json")
    run([diligo, "assess", "-q", "-j", "1", path, "--json", out])
    with open(out, encoding="utf-8") as f:
        r = json.load(f)
    assert not r["errors"], r["errors"]
    s = r["suppliers"][0]
    s.pop("input")
    return s


def as_yaml(diligo, path, tmp):
    out = os.path.join(tmp, "c.yaml")
    run([diligo, "convert", path, "-o", out])
    with open(out, encoding="utf-8") as f:
        return f.read()


def same(what, a, b):
    if a != b:
        FAILS.append(what)
        print("FAIL", what)
        return False
    return True


def check_locks(path, what):
    """Data validation on every answer cell, protection on, only the cells to fill unlocked."""
    wb = openpyxl.load_workbook(path)
    ok = True
    ws = wb["Answers"]
    n = sum(1 for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=2).value)
    allowed = set()
    for r in range(2, n + 2):
        for col in "EFGH":
            allowed.add(("Answers", "%s%d" % (col, r)))
        ref = "E%d" % r
        if not any(ref in dv.sqref for dv in ws.data_validations.dataValidation):
            print("  %s: no data validation on Answers!%s" % (what, ref))
            ok = False
    for r in range(2, 12):
        if r != 5:  # the sector is filled in
            allowed.add(("Supplier", "B%d" % r))
    ev = wb["Evidence"]
    for r in range(2, ev.max_row + 1):
        for col in "ABCDE":
            allowed.add(("Evidence", "%s%d" % (col, r)))
    for name in wb.sheetnames:
        sh = wb[name]
        if not sh.protection.sheet:
            print("  %s: sheet %s is not protected" % (what, name))
            ok = False
        for row in sh.iter_rows():
            for c in row:
                if not c.protection.locked and (name, c.coordinate) not in allowed:
                    print("  %s: %s!%s is unlocked" % (what, name, c.coordinate))
                    ok = False
    for name, ref in sorted(allowed):
        if wb[name][ref].protection.locked:
            print("  %s: %s!%s is locked" % (what, name, ref))
            ok = False
    same("locks and validations of " + what, ok, True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--diligo", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--libreoffice", action="store_true")
    a = ap.parse_args()
    soffice = shutil.which("soffice")
    if a.libreoffice and not soffice:
        if os.environ.get("CI") == "true":
            print("FAIL: soffice is not installed (CI=true: LibreOffice tests may not skip)")
            return 1
        print("skipped: soffice is not installed")
        return 77
    env_keep = dict(os.environ, SOURCE_DATE_EPOCH="1767225600", DILIGO_PATH="")
    os.environ.update(env_keep)
    tmp = tempfile.mkdtemp(prefix="diligo-xlsx-")
    try:
        examples = sorted(glob.glob(os.path.join(a.source, "examples", "*", "*.yaml")))
        assert examples, "no examples"
        filled = []
        for ex in examples:
            sector = os.path.basename(os.path.dirname(ex))
            name = "%s-%s" % (sector, os.path.splitext(os.path.basename(ex))[0])
            tpl = os.path.join(tmp, "%s-template.xlsx" % sector)
            if not os.path.exists(tpl):
                run([a.diligo, "template", "-s", sector, "-o", tpl])
            want = results(a.diligo, ex, tmp)
            want_yaml = as_yaml(a.diligo, ex, tmp)
            # every example with labels and with everything at once; each variant alone on
            # the strong examples
            for v in (VARIANTS if name.endswith("-strong") else [VARIANTS[0], VARIANTS[-1]]):
                out = os.path.join(tmp, "%s%s.xlsx" % (name, "".join("-" + x for x in v)))
                fill.fill(tpl, ex, out, v)
                tag = "%s (%s)" % (name, "+".join(v) or "labels")
                if same("scores of " + tag, results(a.diligo, out, tmp), want) and \
                        same("answers of " + tag, as_yaml(a.diligo, out, tmp), want_yaml):
                    print("ok  ", tag)
                if v in LO_VARIANTS:
                    filled.append((out, tag, want, want_yaml))
            # template --from and convert, both ways
            fr = os.path.join(tmp, name + "-from.xlsx")
            run([a.diligo, "template", "--from", ex, "-o", fr])
            back = os.path.join(tmp, name + "-back.yaml")
            run([a.diligo, "convert", fr, "-o", back])
            fr2 = os.path.join(tmp, name + "-from2.xlsx")
            run([a.diligo, "convert", back, "-o", fr2])
            if same("template --from / convert round trip of " + name,
                    as_yaml(a.diligo, fr2, tmp), want_yaml) and \
                    same("scores after the round trip of " + name,
                         results(a.diligo, fr2, tmp), want):
                print("ok  ", name, "template --from, convert both ways")
        if a.libreoffice:
            lo = os.path.join(tmp, "lo")
            files = [f for f, _, _, _ in filled] + sorted(glob.glob(os.path.join(tmp, "*-template.xlsx")))
            run([soffice, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", lo]
                + files, env=dict(os.environ, HOME=tmp))
            for f, tag, want, want_yaml in filled:
                re = os.path.join(lo, os.path.basename(f))
                if same("scores of %s re-saved by LibreOffice" % tag, results(a.diligo, re, tmp),
                        want) and same("answers of %s re-saved by LibreOffice" % tag,
                                       as_yaml(a.diligo, re, tmp), want_yaml):
                    print("ok  ", tag, "re-saved by LibreOffice")
            for t in sorted(glob.glob(os.path.join(tmp, "*-template.xlsx"))):
                check_locks(t, os.path.basename(t))
                check_locks(os.path.join(lo, os.path.basename(t)),
                            os.path.basename(t) + " re-saved by LibreOffice")
                print("ok  ", os.path.basename(t), "locks and validations, before and after "
                      "LibreOffice")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if FAILS:
        print("%d failures" % len(FAILS))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
