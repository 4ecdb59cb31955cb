#!/usr/bin/env python3
"""Questionnaires that try to game a sector pack, for tests/e2e/03xx-evasion-*.

    variants.py --diligo BIN --sector S --strong FILE --out DIR

Writes four questionnaires into DIR, each with the supplier block of FILE (a strong example):
  allyes.yaml    every question answered with its best-sounding value, no evidence cited:
                 maturity yes, choice and multi the first option, numbers 0, percents 100,
                 dates in the period (a bare claim of everything);
  allna.yaml     every question answered na;
  unknown.yaml   FILE with every required question answered unknown (the red-flag triggers
                 are required questions);
  omitted.yaml   FILE with every required question left out.
The questions and which are required come from `BIN template -s S`.
"""
import argparse
import os
import re
import subprocess


def template(diligo, sector):
    out = subprocess.run([diligo, "template", "-s", sector], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    qs, allowed, required = [], None, False
    for line in out:
        s = line.strip()
        if s.startswith("# allowed: "):
            allowed, required = s[len("# allowed: "):], False
        elif s == "# required":
            required = True
        m = re.match(r"^  ([a-z][a-z0-9_]*\.[a-z0-9_.]+):\s*$", line)
        if m and allowed is not None:
            qs.append((m.group(1), allowed, required))
            allowed = None
    return qs


def best(allowed):
    spec = re.sub(r" \| unknown( \| na \(only when .*\))?$", "", allowed)
    if spec == "yes | partial | no":
        return "yes"
    if spec.startswith("one of: "):
        return spec[len("one of: "):].split(" | ")[0]
    if spec.startswith("a list of: "):
        return "[%s]" % spec[len("a list of: "):].split(" | ")[0]
    if spec.startswith("a number"):
        m = re.search(r"at least (-?[0-9.]+)", spec)
        return m.group(1) if m else "0"
    if spec.startswith("a percentage"):
        return "100"
    if spec.startswith("a date"):
        return "2025-06-30"
    return '"as required"'


def header(strong):
    text = open(strong, encoding="utf-8").read()
    return text[:text.index("\nanswers:")] + "\nanswers:\n", text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--diligo", required=True)
    ap.add_argument("--sector", required=True)
    ap.add_argument("--strong", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    qs = template(a.diligo, a.sector)
    head, strong = header(a.strong)
    head = re.sub(r"(\n  id: )(\S+)", r"\1\2-VARIANT", head, count=1)
    with open(os.path.join(a.out, "allyes.yaml"), "w", encoding="utf-8") as f:
        f.write(head.replace("-VARIANT", "-ALLYES"))
        for qid, allowed, _ in qs:
            f.write("  %s: %s\n" % (qid, best(allowed)))
    with open(os.path.join(a.out, "allna.yaml"), "w", encoding="utf-8") as f:
        f.write(head.replace("-VARIANT", "-ALLNA"))
        for qid, _, _ in qs:
            f.write("  %s: na\n" % qid)
    required = {qid for qid, _, req in qs if req}
    for name, mode in (("unknown", "unknown"), ("omitted", None)):
        lines, skip = [], False
        text = re.sub(r"(\n  id: )(\S+)", r"\1\2-%s" % name.upper(), strong, count=1)
        for line in text.split("\n"):
            m = re.match(r"^  ([a-z][a-z0-9_]*\.[a-z0-9_.]+):(.*)$", line)
            if m and m.group(1) in required:
                skip = True
                if mode:
                    lines.append("  %s: %s" % (m.group(1), mode))
                continue
            if skip and line.startswith("    "):
                continue          # the rest of a long-form answer
            skip = False
            lines.append(line)
        with open(os.path.join(a.out, name + ".yaml"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines))


if __name__ == "__main__":
    main()
