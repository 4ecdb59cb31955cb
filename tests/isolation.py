#!/usr/bin/env python3
"""50 hostile assessments among 1,000 leave the other 950 reports unchanged.

The third-party pack tests/packs/isolation/isolation.lua attacks the run for
suppliers whose id starts with EVIL- (hangs in C, a lying __len, a huge
detail, state written for later suppliers) and keeps state of its own that an
in-process run without a snapshot would carry from one assessment to the next (a counter).
Run A assesses 950 good questionnaires and 50 hostile ones with -j 2; run B
the 950 good ones alone. Every good supplier's workbook (bytes, with
SOURCE_DATE_EPOCH set) and JSON entry must be the same in both runs, and
every hostile one must fail alone with its message.

usage: tests/isolation.py DILIGO
"""
import json, os, random, shutil, subprocess, sys, tempfile

ATTACKS = "HMLDSR"


def questionnaire(sid, rnd):
    policy = rnd.choice(["yes", "no", "partial", "unknown"])
    workers = rnd.randint(0, 5000)
    return (f"diligo: 1\nsupplier:\n  id: {sid}\n  name: Supplier {sid}\n  country: FR\n"
            f"  sector: isolation\n  employees: 250\nperiod: 2025\nanswers:\n  isolation.policy: {policy}\n"
            f"  isolation.workers: {workers}\n")


def run(diligo, pack, root, names, rnd_seed):
    os.makedirs(os.path.join(root, "in"))
    os.makedirs(os.path.join(root, "out"))
    rnd = random.Random(rnd_seed)
    for sid in names:
        text = questionnaire(sid, random.Random(sid))
        with open(os.path.join(root, "in", sid + ".yaml"), "w") as f:
            f.write(text)
    env = dict(os.environ, SOURCE_DATE_EPOCH="1780000000")
    p = subprocess.run([diligo, "assess", "--plugin-path", pack, "in", "-o", "out", "--json",
                        "r.json", "-j", "2", "--max-seconds", "10", "-q"], cwd=root, env=env,
                       capture_output=True, text=True)
    with open(os.path.join(root, "r.json")) as f:
        doc = json.load(f)
    return p, doc


def main():
    diligo = os.path.abspath(sys.argv[1])
    pack = os.path.join(os.path.dirname(os.path.abspath(__file__)), "packs", "isolation")
    good = [f"GOOD-{i:04d}" for i in range(950)]
    evil = [f"EVIL-{ATTACKS[i % len(ATTACKS)]}{i:03d}" for i in range(50)]
    tmp = tempfile.mkdtemp(prefix="diligo-isolation.")
    failures = []
    try:
        pa, da = run(diligo, pack, os.path.join(tmp, "a"), good + evil, 1)
        pb, db = run(diligo, pack, os.path.join(tmp, "b"), good, 1)
        if pb.returncode != 0:
            failures.append(f"run B (good only) exited {pb.returncode}: {pb.stderr[:500]}")
        if pa.returncode != 3:
            failures.append(f"run A exited {pa.returncode}, expected 3 (pack errors)")
        errs = pa.stderr.splitlines()
        for sid in evil:
            if sid[5] in "HMR" and not any(f"in/{sid}.yaml:" in l for l in errs):
                failures.append(f"{sid}: no error line")
        ja = {s["id"]: s for s in da["suppliers"]}
        jb = {s["id"]: s for s in db["suppliers"]}
        for sid in good:
            if sid not in ja or sid not in jb:
                failures.append(f"{sid}: missing from a JSON")
                continue
            if ja[sid] != jb[sid]:
                failures.append(f"{sid}: JSON entry differs")
            wa = [n for n in os.listdir(os.path.join(tmp, "a", "out")) if n.startswith(sid)]
            wb = [n for n in os.listdir(os.path.join(tmp, "b", "out")) if n.startswith(sid)]
            if len(wa) != 1 or wa != wb:
                failures.append(f"{sid}: workbooks {wa} vs {wb}")
                continue
            with open(os.path.join(tmp, "a", "out", wa[0]), "rb") as f1, \
                    open(os.path.join(tmp, "b", "out", wb[0]), "rb") as f2:
                if f1.read() != f2.read():
                    failures.append(f"{sid}: workbook differs")
        details = {f.get("detail") for s in jb.values() for f in s["findings"]
                   if f["rule"] == "isolation.no_policy"}
        if not details or any(not d.endswith("state: nil 0 1") for d in details):
            failures.append(f"pack state carried between assessments: {sorted(details)[:3]}")
    finally:
        shutil.rmtree(tmp)
    for f in failures[:20]:
        print("FAIL", f)
    if failures:
        print(f"{len(failures)} failures")
        return 1
    print(f"ok: {len(good)} good suppliers identical with and without {len(evil)} hostile ones")
    return 0


if __name__ == "__main__":
    sys.exit(main())
