#!/usr/bin/env python3
"""Check a PDF printed from a workbook: no two words overprint, every page has
the same paper size and a "Page X of Y" footer; optionally that a sheet prints
on exactly N pages.

usage: pdfcheck.py [--sheet-pages NAME=N]... [--report] FILE.pdf

Word boxes come from `pdftotext -bbox` (poppler-utils). Two words overprint
when their boxes intersect by more than TOL points in both directions: text of
one row printed over the next, or a cell's text running into its neighbour.
The sheet a page belongs to is read from the page header, which diligo ends
with the sheet's name (&A), so every page must carry the header too.
"""
import argparse, collections, html, re, subprocess, sys

TOL = 0.5  # points: boxes that only touch are not an overlap
# pdftotext's boxes span the font's whole bounding box (Carlito: 1.3 em)
# while LibreOffice sets lines 1.0 em apart, so the boxes of consecutive
# lines of one cell intersect. Each box is therefore shrunk to the middle
# KEEP of its height (0.8 em): the lines of one cell no longer touch, while
# text printed over other text still does.
KEEP = 0.6


def pages(pdf):
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True, capture_output=True).stdout.decode()
    pg = None
    for line in out.splitlines():
        m = re.match(r'\s*<page width="([\d.]+)" height="([\d.]+)">', line)
        if m:
            if pg is not None:
                yield pg
            # the paper, whatever the orientation
            pg = {"size": tuple(sorted((round(float(m[1])), round(float(m[2]))))), "words": []}
            continue
        m = re.match(r'\s*<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*)</word>', line)
        if m and pg is not None:
            y0, y1 = float(m[2]), float(m[4])
            cut = (y1 - y0) * (1 - KEEP) / 2
            pg["words"].append((float(m[1]), y0 + cut, float(m[3]), y1 - cut, html.unescape(m[5])))
    if pg is not None:
        yield pg


def overlaps(words):
    """Pairs of words whose boxes intersect (a sweep over x)."""
    ws = sorted(words)
    found = []
    for i, a in enumerate(ws):
        for b in ws[i + 1:]:
            if b[0] >= a[2] - TOL:
                break
            if min(a[2], b[2]) - max(a[0], b[0]) > TOL and min(a[3], b[3]) - max(a[1], b[1]) > TOL:
                found.append((a, b))
    return found


def page_text(pg):
    """The page's words in reading order, as lines (rounded y)."""
    lines = collections.defaultdict(list)
    for w in pg["words"]:
        lines[round(w[1])].append(w)
    return [" ".join(w[4] for w in sorted(ws)) for _, ws in sorted(lines.items())]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sheet-pages", action="append", default=[])
    ap.add_argument("--report", action="store_true", help="print every overlapping pair")
    ap.add_argument("pdf")
    a = ap.parse_args()
    fails, sizes, per_sheet, total = [], collections.Counter(), collections.Counter(), 0
    for n, pg in enumerate(pages(a.pdf), 1):
        sizes[pg["size"]] += 1
        text = page_text(pg)
        ov = overlaps(pg["words"])
        total += len(ov)
        if ov:
            fails.append("page %d: %d overlapping word pairs, e.g. %r over %r" % (n, len(ov), ov[0][0][4], ov[0][1][4]))
            if a.report:
                for x, y in ov:
                    print("page %d: %r %s over %r %s" % (n, x[4], x[:4], y[4], y[:4]))
        if not any(re.search(r"Page %d of \d+" % 0 if False else r"Page \d+ of \d+", t) for t in text):
            fails.append("page %d: no 'Page X of Y' footer" % n)
        sheet = text[0].rsplit(" ", 1)[-1] if text else ""
        m = re.search(r"\| ([^|]+)$", text[0]) if text else None
        if m:
            sheet = m[1].strip()
        per_sheet[sheet] += 1
    if len(sizes) != 1:
        fails.append("pages of different sizes: %s" % dict(sizes))
    for spec in a.sheet_pages:
        name, want = spec.rsplit("=", 1)
        if per_sheet[name] != int(want):
            fails.append("sheet %s prints on %d pages, expected %s" % (name, per_sheet[name], want))
    print("%s: %d pages %s, %d overlapping word pairs; pages per sheet %s" %
          (a.pdf, sum(sizes.values()), dict(sizes), total, dict(per_sheet)))
    for f in fails[:40]:
        print("FAIL " + f)
    if len(fails) > 40:
        print("FAIL ... %d more" % (len(fails) - 40))
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
