#!/usr/bin/env python3
"""Rate the calibration profiles and compare with the expert expectations (expected.tsv).

    run.py --diligo BIN [--report]

Exit status 1 when a profile's rating or its confirmed red flags differ from expected.tsv; each
difference is listed. --report prints the Markdown table of docs/scoring.md (section 8).
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def expected():
    rows = {}
    for line in open(os.path.join(HERE, "expected.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        pid, rating, flags, why = line.rstrip("\n").split("\t")
        rows[pid] = (rating, set() if flags == "-" else set(flags.split(",")), why)
    return rows


def accepted():
    out = set()
    for line in open(os.path.join(HERE, "disagreements.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        pid, what, _ = line.rstrip("\n").split("\t")
        out.add("%s: %s" % (pid, what))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--diligo", required=True)
    ap.add_argument("--report", action="store_true")
    a = ap.parse_args()
    r = subprocess.run([a.diligo, "assess", "-q", os.path.join(HERE, "profiles"), "--json", "-"],
                       capture_output=True, text=True)
    if r.returncode not in (0, 1):
        sys.exit("run.py: diligo failed: " + r.stderr)
    doc = json.loads(r.stdout)
    if doc["errors"]:
        sys.exit("run.py: profiles do not validate: %s" % doc["errors"])
    got = {s["id"]: s for s in doc["suppliers"]}
    exp, diffs = expected(), []
    if a.report:
        print("| profile | expected | diligo | process rating (score) | red flags expected | red flags found (groups, unresolved) | rating reason |")
        print("|---|---|---|---|---|---|---|")
    for pid, (rating, flags, why) in sorted(exp.items()):
        s = got[pid]
        found = {f["rule"] for f in s["findings"] if f["red_flag"]}
        if s["rating"] != rating:
            diffs.append("%s: rating %s, expected %s (%s)" % (pid, s["rating"], rating, s["rating_reason"]))
        if found != flags:
            diffs.append("%s: red flags %s, expected %s" % (pid, sorted(found) or "-", sorted(flags) or "-"))
        if a.report:
            print("| %s | %s | %s | %s (%.1f) | %d | %d (%d, %d) | %s |" % (
                pid, rating, s["rating"], s["process_rating"], s["score"], len(flags), len(found),
                s["red_flags"], s["red_flags_unresolved"], s["rating_reason"]))
    known = accepted()
    for d in diffs:
        print(("documented: " if d in known else "NEW: ") + d)
    unused = known - set(diffs)
    for d in sorted(unused):
        print("no longer differs (remove from disagreements.tsv): " + d)
    sys.exit(1 if set(diffs) - known or unused else 0)


if __name__ == "__main__":
    main()
