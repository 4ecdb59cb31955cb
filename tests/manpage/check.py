#!/usr/bin/env python3
"""Check the OPTIONS section of docs/diligo.1 against the option tables.

usage: tests/manpage/check.py OPTDUMP MANPAGE

OPTDUMP is tests/manpage/optdump.c built: it prints every command's option table (the one source
of getopt's options and of the option lines of `diligo help CMD`). In the man page, every option
is a .TP entry (further tags of the same entry: .TQ) under a .SS heading that names the commands
it is for ("validate, template, sectors, plugin"; "global" = the options before a command).

The rule, for every command:
  1. the same options: each row of the command's table has an entry under a heading naming the
     command, and each such entry is a row of the table;
  2. the same short letter and the same argument name;
  3. the same facts: every number of the row (range, default, repeat limit, and any number in its
     help line), every all-capitals word (DILIGO_PATH, LEVEL), dotted name (supplier.sector) and
     value of an a|b|c list in its help line or argument name appears, as a word, in the text of
     the entry. An entry that says "As for CMD" also has the text of CMD's entry for the same
     option.
Every disagreement is printed; the exit status is 1 when there is any.
"""
import re
import subprocess
import sys


class Row:
    def __init__(self, f):
        (self.cmd, letter, self.name, self.arg, self.min, self.max, self.default, self.repeat,
         self.help) = f
        self.letter = "" if letter == "-" else letter

    def facts(self):
        f = set()
        if self.min != "":
            f |= {self.min, self.max}
        if self.default != "0":
            f.add(self.default)
        if self.repeat != "0":
            f.add(self.repeat)
        f |= set(re.findall(r"\d+", self.help))
        f |= set(re.findall(r"\b[A-Z][A-Z0-9_]+\b", self.help))
        f |= set(re.findall(r"\b[a-z]+(?:\.[a-z_]+)+\b", self.help))
        for alt in re.findall(r"[\w-]+(?:\|[\w-]+)+", self.help + " " + self.arg):
            f |= set(alt.split("|"))
        return f


def tables(optdump):
    out = subprocess.run([optdump], capture_output=True, text=True, check=True).stdout
    cmds, rows = [], {}
    for line in out.splitlines():
        f = line.split("\t")
        if f[0] == "command":
            cmds.append(f[1])
            rows[f[1]] = []
        elif f[0] == "option" and len(f) == 10:
            rows[f[1]].append(Row(f[1:]))
        else:
            sys.exit("check.py: unexpected optdump line: %r" % line)
    return cmds, rows


def roff_args(s):
    return [m.group(1).replace('""', '"') if m.group(1) is not None else m.group(2)
            for m in re.finditer(r'"((?:[^"]|"")*)"?|(\S+)', s)]


def roff_text(line):
    """The text a line of roff shows, or None for a request without text."""
    if line.startswith("."):
        m = re.match(r"\.(\w+)\s*(.*)", line)
        if not m:
            return None
        macro, rest = m.groups()
        if macro in ("B", "I", "SB", "SM"):
            line = " ".join(roff_args(rest))
        elif macro in ("BR", "BI", "IR", "IB", "RB", "RI"):
            line = "".join(roff_args(rest))
        else:
            return None
    line = re.sub(r"\\f(?:[BIRP]|\(\w\w|\[\w*\])", "", line)
    for esc, ch in (("\\-", "-"), ("\\(dq", '"'), ("\\(aq", "'"), ("\\&", ""), ("\\ ", " "),
                    ("\\e", "\\")):
        line = line.replace(esc, ch)
    return line


class Entry:
    def __init__(self, cmds, line):
        self.cmds, self.line, self.tags, self.body = cmds, line, [], []


def man_entries(path):
    """The .TP/.TQ entries of the OPTIONS section, each with the commands of its heading."""
    entries, section, cmds, entry, want_tag = [], None, [], None, False
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for n, line in enumerate(lines, 1):
        if line.startswith('.\\"'):
            continue
        m = re.match(r'\.(SH|SS)\s+"?([^"]*)"?', line)
        if m:
            entry = None
            if m.group(1) == "SH":
                section = m.group(2).strip()
            else:
                cmds = [c for c in re.split(r"\s*,\s*|\s+and\s+", m.group(2).strip()) if c]
            continue
        if section != "OPTIONS":
            continue
        if line.startswith((".TP", ".TQ")):
            if line.startswith(".TP") or entry is None:
                entry = Entry(cmds, n)
                entries.append(entry)
            want_tag = True
            continue
        if line.startswith((".PP", ".LP", ".P ")) or line == ".P":
            entry = None
            continue
        text = roff_text(line)
        if text is None or entry is None:
            continue
        if want_tag:
            entry.tags.append((n, text.strip()))
            want_tag = False
        else:
            entry.body.append(text)
    return entries


def parse_tag(tag):
    """(letter, long name, argument) of a tag such as "-s, --sector NAME" or "--version, -V"."""
    letter = name = arg = ""
    for part in tag.split(", "):
        m = re.fullmatch(r"--([a-z][a-z0-9-]*)(?: (\S+))?", part)
        if m:
            name, arg = m.group(1), m.group(2) or arg
            continue
        m = re.fullmatch(r"-(\w)(?: (\S+))?", part)
        if m:
            letter, arg = m.group(1), m.group(2) or arg
            continue
        return None
    return (letter, name, arg) if name else None


def has_word(text, word):
    return re.search(r"(?<![\w.])" + re.escape(word) + r"(?!\w)", text) is not None


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: tests/manpage/check.py OPTDUMP MANPAGE")
    optdump, manpage = sys.argv[1:]
    cmds, rows = tables(optdump)
    problems = []
    man = {c: {} for c in cmds}  # command -> long name -> (letter, arg, text, line)
    for e in man_entries(manpage):
        text = " ".join(" ".join(e.body).split())
        for c in e.cmds:
            if c not in man:
                problems.append("%s:%d: heading names '%s', not a command" % (manpage, e.line, c))
        for n, tag in e.tags:
            t = parse_tag(tag)
            if not t:
                problems.append("%s:%d: cannot read the option in %r" % (manpage, n, tag))
                continue
            for c in e.cmds:
                if c not in man:
                    continue
                if t[1] in man[c]:
                    problems.append("%s:%d: --%s is documented twice for %s" % (manpage, n, t[1], c))
                man[c][t[1]] = (t[0], t[2], text, n)
    count = 0
    for c in cmds:
        table = {r.name: r for r in rows[c]}
        for name, (letter, arg, text, n) in man[c].items():
            if name not in table:
                problems.append("%s:%d: documents --%s for %s, which has no such option"
                                % (manpage, n, name, c))
        for r in rows[c]:
            count += 1
            if r.name not in man[c]:
                problems.append("%s lacks --%s for %s (its table has it)" % (manpage, r.name, c))
                continue
            letter, arg, text, n = man[c][r.name]
            if letter != r.letter:
                problems.append("%s:%d: --%s of %s: short option '%s' in the man page, '%s' in the table"
                                % (manpage, n, r.name, c, letter, r.letter))
            if arg != r.arg:
                problems.append("%s:%d: --%s of %s: argument '%s' in the man page, '%s' in the table"
                                % (manpage, n, r.name, c, arg, r.arg))
            m = re.search(r"\b[Aa]s for (\w+)", text)
            if m:
                other = man.get(m.group(1), {}).get(r.name)
                if not other:
                    problems.append("%s:%d: --%s of %s says 'as for %s', which does not document it"
                                    % (manpage, n, r.name, c, m.group(1)))
                else:
                    text += " " + other[2]
            for fact in sorted(r.facts()):
                if not has_word(text, fact):
                    problems.append("%s:%d: --%s of %s: the help line says '%s', the man page does not"
                                    % (manpage, n, r.name, c, fact))
    for p in problems:
        print(p)
    if problems:
        print("check.py: %d disagreements between the option tables and %s" % (len(problems), manpage))
        return 1
    print("check.py: %d options of %d commands agree with %s" % (count, len(cmds), manpage))
    return 0


if __name__ == "__main__":
    sys.exit(main())
