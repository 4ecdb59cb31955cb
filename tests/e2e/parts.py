#!/usr/bin/env python3
"""Check that files diligo wrote hold only text a reader accepts as it is.

    parts.py [--replaced] FILE...

  *.xlsx  every XML part (.xml, .rels, .vml) is UTF-8 that xml.etree parses
  *.json  the bytes are valid UTF-8 and parse with json.loads in strict mode
  and in both, no noncharacter (U+FDD0-U+FDEF, U+xFFFE, U+xFFFF) and no
  surrogate appears in any text, attribute or string.
--replaced: U+FFFD appears in every file (the writer replaced something).
Prints one line per problem; exits 1 if there is any.
"""
import json, sys, zipfile
import xml.etree.ElementTree as ET


def bad_char(s):
    for ch in s:
        c = ord(ch)
        if 0xFDD0 <= c <= 0xFDEF or (c & 0xFFFE) == 0xFFFE or 0xD800 <= c <= 0xDFFF:
            return "U+%04X" % c
    return None


def strings(v):
    if isinstance(v, str):
        yield v
    elif isinstance(v, list):
        for x in v:
            yield from strings(x)
    elif isinstance(v, dict):
        for k, x in v.items():
            yield k
            yield from strings(x)


def check_xlsx(path, problems):
    texts = []
    with zipfile.ZipFile(path) as z:
        for part in z.namelist():
            if not part.endswith((".xml", ".rels", ".vml")):
                continue
            raw = z.read(part)
            try:
                text = raw.decode("utf-8")
                root = ET.fromstring(raw)
            except Exception as e:  # not UTF-8, or not well-formed XML
                problems.append("%s:%s: %s" % (path, part, e))
                continue
            for el in root.iter():
                for s in [el.text or "", el.tail or ""] + list(el.attrib.values()):
                    c = bad_char(s)
                    if c:
                        problems.append("%s:%s: %s in %r" % (path, part, c, s[:60]))
            texts.append(text)
    return "".join(texts)


def check_json(path, problems):
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8")
        doc = json.loads(text, strict=True)
    except Exception as e:
        problems.append("%s: %s" % (path, e))
        return ""
    for s in strings(doc):
        c = bad_char(s)
        if c:
            problems.append("%s: %s in %r" % (path, c, s[:60]))
    return text


def main():
    args = sys.argv[1:]
    replaced = "--replaced" in args
    files = [a for a in args if a != "--replaced"]
    problems = []
    if not files:
        problems.append("no file to check")
    for f in files:
        text = check_xlsx(f, problems) if f.endswith(".xlsx") else check_json(f, problems)
        if replaced and "\ufffd" not in text:
            problems.append("%s: no U+FFFD: nothing was replaced" % f)
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
