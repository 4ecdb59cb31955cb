#!/usr/bin/env python3
"""Check a PDF printed from a workbook: no two words overprint, every page has
the same paper size and a "Page X of Y" footer; optionally that a sheet prints
on exactly N pages.

usage: pdfcheck.py --xlsx BOOK.xlsx [--paper a4|letter] [--sheet-pages NAME=N]... [--report] FILE.pdf

Word boxes come from `pdftotext -bbox` (poppler-utils). Two words overprint
when their boxes intersect by more than TOL points in both directions: text of
one row printed over the next, or a cell's text running into its neighbour.
The sheet a page belongs to is read from the page header, which diligo ends
with the sheet's name (&A), so every page must carry the header too.
"""
import argparse, collections, html, re, subprocess, sys, zipfile

PAPERS = {"a4": (595, 842), "letter": (612, 792)}  # points, rounded
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


def sheet_names(xlsx):
    book = zipfile.ZipFile(xlsx).read("xl/workbook.xml").decode()
    return [html.unescape(n) for n in re.findall(r'<sheet name="([^"]*)"', book)]


def header_line(pg):
    """The words of the page header: the top-most line, left to right."""
    if not pg["words"]:
        return ""
    top = min(w[1] for w in pg["words"])
    return " ".join(w[4] for w in sorted(w for w in pg["words"] if w[1] - top < 3))


def page_text(pg):
    """The page's words in reading order, as lines (rounded y)."""
    lines = collections.defaultdict(list)
    for w in pg["words"]:
        lines[round(w[1])].append(w)
    return [" ".join(w[4] for w in sorted(ws)) for _, ws in sorted(lines.items())]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--xlsx", required=True, help="the workbook the PDF was printed from")
    ap.add_argument("--paper", choices=sorted(PAPERS))
    ap.add_argument("--sheet-pages", action="append", default=[], help="NAME=N: the sheet prints on N pages")
    ap.add_argument("--report", action="store_true", help="print every overlapping pair")
    ap.add_argument("pdf")
    a = ap.parse_args()
    names = sorted(sheet_names(a.xlsx), key=len, reverse=True)
    fails, sizes, per_sheet, total, n = [], collections.Counter(), collections.Counter(), 0, 0
    for n, pg in enumerate(pages(a.pdf), 1):
        sizes[pg["size"]] += 1
        ov = overlaps(pg["words"])
        total += len(ov)
        if ov:
            fails.append("page %d: %d overlapping word pairs, e.g. %r over %r" % (n, len(ov), ov[0][0][4], ov[0][1][4]))
            if a.report:
                for x, y in ov:
                    print("page %d: %r %s over %r %s" % (n, x[4], x[:4], y[4], y[:4]))
        if not any(re.search(r"Page %d of \d+" % n, t) for t in page_text(pg)):
            fails.append("page %d: no 'Page %d of N' footer" % (n, n))
        head = header_line(pg)
        sheet = next((s for s in names if head.endswith(" " + s) or head == s), None)
        if sheet is None:
            fails.append("page %d: the header %r names no sheet" % (n, head))
        elif not re.match(r"(Company confidential|Prepared for stakeholder dialogue) ", head):
            fails.append("page %d: the header %r has no audience marking" % (n, head))
        per_sheet[sheet] += 1
    if len(sizes) != 1:
        fails.append("pages of different paper sizes: %s" % dict(sizes))
    elif a.paper and PAPERS[a.paper] not in sizes:
        fails.append("paper %s expected, the pages are %s" % (a.paper, list(sizes)))
    for spec in a.sheet_pages:
        name, want = spec.rsplit("=", 1)
        if per_sheet[name] != int(want):
            fails.append("sheet %s prints on %d pages, expected %s" % (name, per_sheet[name], want))
    print("%s: %d pages %s, %d overlapping word pairs; pages per sheet %s" %
          (a.pdf, n, dict(sizes), total, dict(per_sheet)))
    for f in fails[:40]:
        print("FAIL " + f)
    if len(fails) > 40:
        print("FAIL ... %d more" % (len(fails) - 40))
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
