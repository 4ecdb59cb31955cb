#!/usr/bin/env python3
"""Run one end-to-end case of diligo (tests/e2e/NNNN-area-what/).

A case folder holds:
  cmd        the command line, one line, starting with `diligo` (run in the case folder)
  exit       the expected exit code
  stderr     the expected stderr, exactly (optional)
  stdout     lines that must each appear in stdout (optional)
  cells      expected workbook cells, one per line: FILE:Sheet!B3<TAB>value
             (numbers compare to 0.05; `*` matches any non-empty value)
  absent     strings that must appear in no part of the listed files: FILE<TAB>string
             (every part of a zip such as a workbook, or the whole of a plain file)
  files      FILE<TAB>content: a file that must hold exactly this text ("(missing)" = absent)
  setup      optional shell script run first, with -e (in the case folder; $DILIGO is the binary)
  check      optional shell script run last, with -e (any command that fails fails the
             case; a script turns it off with set +e around commands that must fail)
  json       FILE<TAB>schema<TAB>SCHEMA (validate with jsonschema) or FILE<TAB>count<TAB>KEY<TAB>N
Outputs go to the case's out/ folder, which is emptied first.
--update rewrites exit and stderr from the actual run.
"""
import argparse, os, shlex, shutil, subprocess, sys, zipfile


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def cell_value(book_cache, case, spec):
    import openpyxl
    fname, ref = spec.split(":", 1)
    sheet, addr = ref.rsplit("!", 1)
    path = os.path.join(case, fname)
    if path not in book_cache:
        book_cache[path] = openpyxl.load_workbook(path)
    return book_cache[path][sheet][addr].value


def same(actual, expected):
    if expected == "*":
        return actual not in (None, "")
    if actual is None:
        return expected == ""
    if isinstance(actual, (int, float)) and not isinstance(actual, bool):
        try:
            return abs(float(expected) - actual) < 0.05
        except ValueError:
            return False
    return str(actual) == expected


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--diligo", required=True)
    ap.add_argument("--update", action="store_true")
    ap.add_argument("case")
    a = ap.parse_args()
    case = os.path.abspath(a.case)
    out = os.path.join(case, "out")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    # setup and check scripts get this interpreter first on PATH (it has openpyxl)
    # XDG_DATA_HOME: no per-user packs of the machine running the tests leak in
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600", DILIGO_PATH="",
               XDG_DATA_HOME=os.path.join(out, "xdg-data-home"),
               DILIGO=os.path.abspath(a.diligo),
               PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    if os.path.exists(os.path.join(case, "setup")):
        subprocess.run(["bash", "-e", "setup"], cwd=case, check=True, env=env)
    argv = shlex.split(read(os.path.join(case, "cmd")).strip())
    assert argv[0] == "diligo", "cmd must start with diligo"
    argv[0] = os.path.abspath(a.diligo)
    p = subprocess.run(argv, cwd=case, env=env, capture_output=True, timeout=120)
    stderr = p.stderr.decode("utf-8", "replace")
    stdout = p.stdout.decode("utf-8", "replace")
    fails = []
    if a.update:
        with open(os.path.join(case, "exit"), "w") as f:
            f.write("%d\n" % p.returncode)
        with open(os.path.join(case, "stderr"), "w") as f:
            f.write(stderr)
    want = int(read(os.path.join(case, "exit")))
    if p.returncode != want:
        fails.append("exit code %d, expected %d" % (p.returncode, want))
    if os.path.exists(os.path.join(case, "stderr")) and read(os.path.join(case, "stderr")) != stderr:
        fails.append("stderr differs:\n--- expected\n%s--- actual\n%s" % (read(os.path.join(case, "stderr")), stderr))
    if os.path.exists(os.path.join(case, "stdout")):
        for line in read(os.path.join(case, "stdout")).splitlines():
            if line and line not in stdout:
                fails.append("stdout lacks %r" % line)
    books = {}
    if os.path.exists(os.path.join(case, "cells")):
        for line in read(os.path.join(case, "cells")).splitlines():
            if not line.strip():
                continue
            spec, expected = line.split("\t", 1)
            try:
                got = cell_value(books, case, spec)
            except Exception as e:  # a missing file or sheet is a failure too
                fails.append("%s: %s" % (spec, e))
                continue
            if not same(got, expected):
                fails.append("%s = %r, expected %r" % (spec, got, expected))
    if os.path.exists(os.path.join(case, "absent")):
        for line in read(os.path.join(case, "absent")).splitlines():
            if not line.strip():
                continue
            fname, needle = line.split("\t", 1)
            path = os.path.join(case, fname)
            if not os.path.exists(path):
                fails.append("%s is missing" % fname)
            elif zipfile.is_zipfile(path):
                with zipfile.ZipFile(path) as z:
                    for part in z.namelist():
                        if needle.encode() in z.read(part):
                            fails.append("%r found in %s:%s" % (needle, fname, part))
            elif needle.encode() in open(path, "rb").read():
                fails.append("%r found in %s" % (needle, fname))
    if os.path.exists(os.path.join(case, "files")):
        for line in read(os.path.join(case, "files")).splitlines():
            fname, content = line.split("\t", 1)
            path = os.path.join(case, fname)
            got = read(path).rstrip("\n") if os.path.exists(path) else "(missing)"
            if got != content:
                fails.append("%s holds %r, expected %r" % (fname, got[:80], content))
    if os.path.exists(os.path.join(case, "json")):
        import json
        for line in read(os.path.join(case, "json")).splitlines():
            parts = line.split("\t")
            try:
                doc = json.load(open(os.path.join(case, parts[0]), encoding="utf-8"))
            except Exception as e:
                fails.append("%s: %s" % (parts[0], e))
                continue
            if parts[1] == "schema":
                import jsonschema
                schema = json.load(open(os.path.join(case, parts[2]), encoding="utf-8"))
                try:
                    jsonschema.validate(doc, schema)
                except jsonschema.ValidationError as e:
                    fails.append("%s does not match %s: %s" % (parts[0], parts[2], e.message))
            elif parts[1] == "count" and len(doc[parts[2]]) != int(parts[3]):
                fails.append("%s: %d %s, expected %s" % (parts[0], len(doc[parts[2]]), parts[2], parts[3]))
    if os.path.exists(os.path.join(case, "check")):
        c = subprocess.run(["bash", "-e", "check"], cwd=case, env=env, capture_output=True, timeout=300)
        if c.returncode:
            fails.append("check failed:\n" + c.stdout.decode() + c.stderr.decode())
    if fails:
        print("FAIL %s\n  %s" % (os.path.basename(case), "\n  ".join(fails)))
        print("stderr was:\n" + stderr)
        sys.exit(1)
    print("ok %s" % os.path.basename(case))


if __name__ == "__main__":
    main()
