#!/usr/bin/env python3
"""Translations end to end (docs/translating.md).

    check.py --diligo BIN --root SRC TEST

TEST is one of:
  pot        every committed template (DIR/po/NAME/NAME.pot, plugins/po/diligo/diligo.pot) is what
             `diligo i18n extract` writes now: a text changed in a pack without its template
             fails here.
  po         every PO file passes `msgfmt -c --check-format` and translates every text of its
             template (no untranslated or fuzzy entry): the bundled packs ship fr, es and pt.
  roundtrip  for every sector and language: an example's answers written into a workbook in
             that language (`convert --lang`), and into the YAML questionnaire in that language
             (`template --lang --from`), score exactly as the YAML does, read by an
             English run and by a run in another language (score, rating, every finding and
             answer); the JSON names the language.
  workbook   for every sector and language: the questionnaire workbook (`template --lang`)
             shows each question's translation where the PO file has one, never the English,
             and its dropdowns list the translated option labels and country names; the YAML
             questionnaire's own words and question texts are in the language; the report's Method sheet
             names the language and its coverage.
Exit status 1 on any failure, each listed.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

LANGS = ("fr", "es", "pt")
SECTORS = ("mining", "tech", "extractives", "agriculture", "textiles")


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def parse_po(path):
    """{(ctx, msgid): (msgstr, fuzzy)} of a PO file (the PO grammar we write: msgctxt, msgid,
    msgstr, each a run of quoted strings)."""
    out, cur, key, fuzzy = {}, {}, None, False

    def unq(s):
        return bytes(s[1:-1], "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")

    def flush():
        nonlocal cur, fuzzy
        if "msgid" in cur:
            out[(cur.get("msgctxt"), cur["msgid"])] = (cur.get("msgstr", ""), fuzzy)
        cur, fuzzy = {}, False

    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        if line.startswith("#~"):
            continue
        m = re.match(r'^(msgctxt|msgid|msgstr) (".*")$', line)
        if m:
            if m.group(1) == "msgctxt" or (m.group(1) == "msgid" and "msgid" in cur):
                if m.group(1) == "msgctxt" or "msgstr" in cur:
                    flush()
            key = m.group(1)
            cur[key] = unq(m.group(2))
        elif line.startswith('"') and key:
            cur[key] += unq(line)
        elif not line.strip():
            flush()
            key = None
    flush()
    return out


def templates(root):
    return sorted(glob.glob(os.path.join(root, "plugins/po/*/*.pot")) +
                  glob.glob(os.path.join(root, "sectors/po/*/*.pot")))


def test_pot(a, fails):
    with tempfile.TemporaryDirectory() as tmp:
        for pot in templates(a.root):
            name = os.path.basename(pot)[:-4]
            out = os.path.join(tmp, name + ".pot")
            if name == "diligo":
                r = run([a.diligo, "i18n", "extract", "--reports", "-o", out])
            else:
                lua = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(pot))),
                                   name + ".lua")
                r = run([a.diligo, "i18n", "extract", lua, "-o", out])
            if r.returncode:
                fails.append("%s: extract failed: %s" % (pot, r.stderr.strip()))
                continue
            if open(out, encoding="utf-8").read() != open(pot, encoding="utf-8").read():
                fails.append("%s: not what `diligo i18n extract` writes now (run it with "
                             "--update and msgmerge the PO files)" % pot)
        lua_files = glob.glob(os.path.join(a.root, "plugins/*.lua")) + \
            glob.glob(os.path.join(a.root, "sectors/*.lua"))
        for lua in lua_files:
            name = os.path.basename(lua)[:-4]
            pot = os.path.join(os.path.dirname(lua), "po", name, name + ".pot")
            r = run([a.diligo, "i18n", "extract", lua, "-o", os.path.join(tmp, "x.pot")])
            texts = open(os.path.join(tmp, "x.pot"), encoding="utf-8").read().count("msgctxt")
            if texts and not os.path.exists(pot):
                fails.append("%s: %d texts and no template %s" % (lua, texts, pot))


def test_po(a, fails):
    for pot in templates(a.root):
        d = os.path.dirname(pot)
        want = {k for k in parse_po(pot) if k[0]}
        for lang in LANGS:
            po = os.path.join(d, lang + ".po")
            if not os.path.exists(po):
                fails.append("%s: missing" % po)
                continue
            r = run(["msgfmt", "-c", "--check-format", "-o", os.devnull, po])
            if r.returncode or r.stderr.strip():
                fails.append("%s: msgfmt: %s" % (po, r.stderr.strip()))
            have = parse_po(po)
            for k in sorted(want, key=str):
                s, fuzzy = have.get(k, ("", False))
                if not s or fuzzy:
                    fails.append("%s: %s %s" % (po, "fuzzy" if fuzzy else "untranslated", k[0]))
            if "X-Review-Status: awaiting review" not in open(po, encoding="utf-8").read():
                fails.append("%s: the header does not say the translation awaits review" % po)


def assess_json(a, path, tmp, lang=None, name="r"):
    out = os.path.join(tmp, name + ".json")
    cmd = [a.diligo, "assess", path, "--json", out, "-q"]
    if lang:
        cmd += ["--lang", lang]
    r = run(cmd)
    if r.returncode not in (0, 1):
        raise RuntimeError("assess %s: %s" % (path, r.stderr.strip()))
    return json.load(open(out, encoding="utf-8"))["suppliers"][0]


def essence(s):
    return {
        "score": s["score"], "rating": s["rating"], "coverage": s["coverage"],
        "evidenced": s["evidenced"], "red_flags": s["red_flags"],
        "findings": sorted((f["rule"], f["level"], f.get("severity")) for f in s["findings"]),
        "answers": s["answers"],
    }


def test_roundtrip(a, fails):
    with tempfile.TemporaryDirectory() as tmp:
        # every example at once, on several workers, each loading its packs in French
        out = os.path.join(tmp, "all.json")
        r = run([a.diligo, "assess", os.path.join(a.root, "examples"), "-j", "3", "--lang", "fr",
                 "--json", out, "-q"])
        if r.returncode not in (0, 1):
            fails.append("assess examples/ -j 3 --lang fr: exit %d: %s" % (r.returncode,
                                                                          r.stderr.strip()))
        else:
            got = {s["input"]: s for s in json.load(open(out, encoding="utf-8"))["suppliers"]}
            for ex in sorted(glob.glob(os.path.join(a.root, "examples", "*", "*.yaml"))):
                s = [v for k, v in got.items() if k.endswith(os.path.relpath(ex, a.root))]
                if len(s) != 1 or essence(s[0]) != essence(assess_json(a, ex, tmp)):
                    fails.append("%s: in a batch in French, scores differ" % ex)
        for sector in SECTORS:
            for ex in sorted(glob.glob(os.path.join(a.root, "examples", sector, "*.yaml"))):
                base = essence(assess_json(a, ex, tmp, name="base"))
                for i, lang in enumerate(LANGS):
                    wb = os.path.join(tmp, "%s-%s-%s.xlsx" % (sector, lang, os.path.basename(ex)))
                    r = run([a.diligo, "convert", "--lang", lang, ex, "-o", wb])
                    if r.returncode:
                        fails.append("convert --lang %s %s: %s" % (lang, ex, r.stderr.strip()))
                        continue
                    # the YAML questionnaire in that language, filled with the answers
                    y = wb[:-5] + ".yaml"
                    r = run([a.diligo, "template", "--lang", lang, "--from", ex, "-o", y])
                    if r.returncode or essence(assess_json(a, y, tmp, name="y")) != base:
                        fails.append("template --lang %s --from %s: not the same answers (%s)" % (
                            lang, ex, r.stderr.strip()))
                    other = LANGS[(i + 1) % len(LANGS)]
                    for reader in (None, other, lang):
                        s = assess_json(a, wb, tmp, lang=reader, name="wb")
                        if essence(s) != base:
                            fails.append("%s in %s, read by a run in %s: scores differ from the "
                                         "YAML" % (ex, lang, reader or "en"))
                        if s["language"] != (reader or "en"):
                            fails.append("%s: JSON language %r, not %r" % (ex, s["language"],
                                                                           reader or "en"))


def read_sheet(path, sheet):
    import openpyxl
    wb = openpyxl.load_workbook(path, read_only=True)
    return [list(r) for r in wb[sheet].iter_rows(values_only=True)]


def test_workbook(a, fails):
    seen_info = dict.fromkeys(LANGS, 0)
    with tempfile.TemporaryDirectory() as tmp:
        for sector in SECTORS:
            en = os.path.join(tmp, sector + "-en.xlsx")
            run([a.diligo, "template", "-s", sector, "-o", en], check=True)
            en_rows = read_sheet(en, "Answers")
            pos = {}
            for lang in LANGS:
                trans = {}
                for po in glob.glob(os.path.join(a.root, "*/po/*/%s.po" % lang)):
                    for (ctx, msgid), (s, fuzzy) in parse_po(po).items():
                        if ctx and s and not fuzzy:
                            trans[(ctx, msgid)] = s
                pos[lang] = trans
                wb = os.path.join(tmp, "%s-%s.xlsx" % (sector, lang))
                r = run([a.diligo, "template", "-s", sector, "--lang", lang, "-o", wb])
                if r.returncode:
                    fails.append("template --lang %s -s %s: %s" % (lang, sector, r.stderr))
                    continue
                rows = read_sheet(wb, "Answers")
                if len(rows) != len(en_rows):
                    fails.append("%s %s: %d rows, English has %d" % (sector, lang, len(rows),
                                                                     len(en_rows)))
                    continue
                checked = 0
                for er, lr in zip(en_rows, rows):
                    qid = er[1] if len(er) > 3 else None
                    if not isinstance(qid, str) or "." not in qid:
                        continue
                    for col, field in ((2, "text"), (3, "help")):
                        t = trans.get(("question|%s|%s" % (qid, field), er[col]))
                        if t is None:
                            continue
                        checked += 1
                        if lr[col] != t:
                            fails.append("%s %s: %s %s shows %r, not its translation %r" % (
                                sector, lang, qid, field, lr[col], t))
                        elif lr[col] == er[col]:
                            fails.append("%s %s: %s %s is in English" % (sector, lang, qid,
                                                                        field))
                if checked < 100:
                    fails.append("%s %s: only %d translated question texts found in the "
                                 "workbook" % (sector, lang, checked))
                lists = read_sheet(wb, "Lists")
                labels = {v for r in lists for v in r if isinstance(v, str)}
                # the country dropdown in the language (iso-codes' translations)
                if "Germany (DE)" in labels or not any(v.endswith("(DE)") for v in labels):
                    fails.append("%s %s: the country list is not translated" % (sector, lang))
                # the YAML questionnaire: its own words translated, the question texts too
                y = run([a.diligo, "template", "-s", sector, "--lang", lang]).stdout
                if "# allowed:" in y or "# help:" in y or "# duties:" in y:
                    fails.append("%s %s: the YAML questionnaire's words are English" % (
                        sector, lang))
                texts = [s for (ctx, _), s in trans.items()
                         if ctx.startswith("question|%s." % sector) and ctx.endswith("|text")]
                if not texts or not all(t.replace("\n", "\n  #   ") in y for t in texts[:20]):
                    fails.append("%s %s: the YAML questionnaire lacks translated questions" % (
                        sector, lang))
                opts = [s for (ctx, _), s in trans.items() if ctx.startswith("option|")]
                if not labels & set(opts):
                    fails.append("%s %s: the dropdowns list no translated option label" % (
                        sector, lang))
            # a report in each language: Method names the language and every coverage
            ex = os.path.join(a.root, "examples", sector, "strong.yaml")
            for lang in LANGS:
                out = os.path.join(tmp, "%s-%s-report.xlsx" % (sector, lang))
                run([a.diligo, "assess", ex, "--lang", lang, "-o", out, "-q"])
                rep = parse_po(os.path.join(a.root, "plugins/po/diligo/%s.po" % lang))
                method = rep.get(("report|SHEET_METHOD", "Method"), ("Method",))[0]
                flat = [v for r in read_sheet(out, method) for v in r if isinstance(v, str)]
                if not any(v.startswith(("French", "Spanish", "Portuguese")) and
                           lang_name(lang) in v for v in flat):
                    fails.append("%s %s: the Method sheet does not name the language" % (
                        sector, lang))
                if sum(1 for v in flat if re.match(r"^\d+ .* \d+ .*\(\d+%\)", v)) < 3:
                    fails.append("%s %s: the Method sheet lacks a coverage per language" % (
                        sector, lang))
                # the Summary names duty areas and levels in the language
                duties = parse_po(os.path.join(a.root, "plugins/po/duties/%s.po" % lang))
                areas = {m: s for (c, m), (s, _) in duties.items() if c == "area|catalogue"}
                summary = rep.get(("report|SHEET_SUMMARY", "Summary"), ("Summary",))[0]
                cells = {v for r in read_sheet(out, summary) for v in r if isinstance(v, str)}
                if not areas or set(areas) & cells or not set(areas.values()) & cells:
                    fails.append("%s %s: the Summary's duty areas are not translated" % (
                        sector, lang))
            # findings the engine words (information needed, assumed) in the language
            for ex in glob.glob(os.path.join(a.root, "examples", sector, "*.yaml")):
                for lang in LANGS:
                    s = assess_json(a, ex, tmp, lang=lang, name="engine")
                    info = [f["detail"] for f in s["findings"]
                            if f["information_needed"] or f["assumed"]]
                    seen_info[lang] += len(info)
                    if any(d.startswith(("Information needed:", "Assumed:")) for d in info):
                        fails.append("%s %s: information-needed findings in English" % (
                            ex, lang))
    for lang, n in seen_info.items():
        if not n:
            fails.append("%s: no example raised an information-needed finding to check" % lang)


def lang_name(lang):
    return {"fr": "French", "es": "Spanish", "pt": "Portuguese"}[lang]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--diligo", required=True)
    p.add_argument("--root", required=True)
    p.add_argument("test", choices=("pot", "po", "roundtrip", "workbook"))
    a = p.parse_args()
    fails = []
    globals()["test_" + a.test](a, fails)
    for f in fails:
        print("FAIL", f)
    print("%s: %d failure(s)" % (a.test, len(fails)))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
