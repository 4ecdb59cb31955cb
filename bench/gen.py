#!/usr/bin/env python3
"""Generate N realistic diligo questionnaires for any sector pack.

    gen.py --diligo BIN --sector mining --count N --out DIR [--seed S] [--jobs J]

The questions come from `BIN template -s SECTOR`: each question block there is a
run of comment lines (text, help), then `# allowed: ...`, `# duties: ...`, an
optional `# required`, and the `  id:` key line (see engine/cli/cmd_template.c).
Answers are drawn from each question's allowed values, biased by a per-supplier
maturity level (strong, medium, weak, red flag): strong suppliers answer yes with
evidence, weak ones partial/no/unknown and leave more out, red-flag suppliers add
incidents, child labour, unconsented waste exports and the like. Some answers use
the long form with evidence, a comment and the confidential flag; evidence items
carry dates (some stale), kinds and URLs. Supplier ids are unique; the output is
a function of (pack, count, seed) only, whatever --jobs is.

Python standard library only.
"""
import argparse
import hashlib
import multiprocessing
import os
import random
import re
import subprocess
import sys

# --------------------------------------------------------------------------
# Template parsing

ALLOWED = "# allowed: "
DUTIES = "# duties: "


class Question:
    __slots__ = ("id", "section", "text", "kind", "options", "min", "max", "unit",
                 "duties", "required", "na_when", "evidence")

    def __init__(self):
        self.id = self.section = self.text = self.kind = self.unit = None
        self.options = []
        self.min = self.max = None
        self.duties = []
        self.required = False
        self.na_when = None     # list of (question id or None for "small", none_of, values)
        self.evidence = False


def parse_na(text):
    """The conditions of '| na (only when a is x or y, or b is none of z, or the supplier
    is small)' as (id, none_of, values); id None for the small-supplier condition."""
    conds = []
    for part in text.split(", or "):
        if part == "the supplier is small":
            conds.append((None, False, []))
            continue
        qid, rest = part.split(" is ", 1)
        none_of = rest.startswith("none of ")
        if none_of:
            rest = rest[len("none of "):]
        conds.append((qid, none_of, rest.split(" or ")))
    return conds


def parse_allowed(q, spec):
    m = re.search(r" \| na \(only when (.*)\)$", spec)
    if m:
        q.na_when = parse_na(m.group(1))
        spec = spec[:m.start()]
    if spec.endswith(" | unknown"):
        spec = spec[:-len(" | unknown")]
    if spec == "yes | partial | no":
        q.kind = "maturity"
    elif spec.startswith("one of: "):
        q.kind = "choice"
        q.options = spec[len("one of: "):].split(" | ")
    elif spec.startswith("a list of: "):
        q.kind = "multi"
        q.options = spec[len("a list of: "):].split(" | ")
    elif spec.startswith("a number"):
        q.kind = "number"
        m = re.search(r"at least (-?[0-9.e+]+)", spec)
        q.min = float(m.group(1)) if m else None
        m = re.search(r"at most (-?[0-9.e+]+)", spec)
        q.max = float(m.group(1)) if m else None
        m = re.search(r"\(([^)]*)\)\s*$", spec)
        q.unit = m.group(1) if m else ""
    elif spec.startswith("a percentage"):
        q.kind = "percent"
    elif spec.startswith("a date"):
        q.kind = "date"
    elif spec.startswith("free text"):
        q.kind = "text"
    else:
        raise ValueError("unknown allowed-values line: %r" % spec)


def parse_template(text):
    """Questions, in template order, from `diligo template` output."""
    questions = []
    section = None
    block = []          # comment lines of the current question block
    cur = None          # the question once its '# allowed:' line is seen
    in_answers = False
    for line in text.splitlines():
        if line == "answers:":
            in_answers = True
            continue
        if not in_answers:
            continue
        if line.startswith("evidence:"):
            break
        s = line.strip()
        m = re.match(r"^# ==== (.*) ====$", s)
        if m:
            section = m.group(1)
            block, cur = [], None
        elif not s:
            block, cur = [], None
        elif s.startswith(ALLOWED) and cur is None:
            cur = Question()
            cur.section = section
            cur.text = block[0] if block else ""
            parse_allowed(cur, s[len(ALLOWED):])
        elif s.startswith(DUTIES) and cur is not None:
            cur.duties = [d.strip() for d in s[len(DUTIES):].split(",") if d.strip()]
        elif s == "# required" and cur is not None:
            cur.required = True
        elif s.startswith("# evidence:") and cur is not None:
            cur.evidence = True
        elif s.startswith("#"):
            if cur is None:
                # text continues with "#   " lines; keep the first line of each comment
                body = s[1:].strip()
                if not s.startswith("#   ") and not body.startswith("help:"):
                    block.append(body)
        elif line.startswith("  ") and s.endswith(":") and cur is not None:
            cur.id = s[:-1]
            questions.append(cur)
            block, cur = [], None
    if not questions:
        raise ValueError("no questions found in the template")
    return questions


def load_questions(diligo, sector):
    r = subprocess.run([diligo, "template", "-s", sector], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("gen.py: '%s template -s %s' failed (exit %d): %s"
                 % (diligo, sector, r.returncode, r.stderr.strip()))
    return parse_template(r.stdout)


# --------------------------------------------------------------------------
# Realistic supplier data

# (country code, weight) per sector; others fall back to a general list.
COUNTRIES = {
    "mining": [("CD", 9), ("CL", 9), ("PE", 8), ("AU", 8), ("ZA", 7), ("ZM", 5), ("ID", 6),
               ("CN", 6), ("BR", 5), ("CA", 5), ("GH", 4), ("MN", 3), ("PH", 3), ("KZ", 3),
               ("BO", 3), ("MX", 4), ("GN", 3), ("NO", 1), ("SE", 2), ("FI", 1), ("TZ", 3),
               ("ZW", 2), ("MM", 1), ("RW", 1), ("PG", 2), ("MA", 1), ("AR", 2)],
    "tech": [("CN", 12), ("TW", 8), ("VN", 7), ("MY", 6), ("KR", 5), ("MX", 5), ("IN", 6),
             ("TH", 4), ("PH", 3), ("JP", 3), ("DE", 3), ("US", 4), ("CZ", 2), ("HU", 2),
             ("PL", 2), ("BR", 1), ("ID", 2), ("SG", 2), ("IE", 1), ("NL", 1), ("IL", 1)],
    "extractives": [("NG", 6), ("AO", 4), ("NO", 5), ("SA", 4), ("US", 7), ("KZ", 3),
                    ("BR", 4), ("GB", 3), ("AE", 3), ("QA", 2), ("MZ", 3), ("GY", 2),
                    ("CA", 4), ("AZ", 2), ("DZ", 2), ("EG", 2), ("IQ", 2), ("MY", 2),
                    ("AU", 3), ("AR", 2), ("CO", 2), ("EC", 1), ("TT", 1), ("SN", 1)],
}
GENERAL = [("DE", 3), ("FR", 2), ("IT", 2), ("ES", 2), ("US", 3), ("CN", 3), ("IN", 2),
           ("TR", 2), ("MX", 1), ("BR", 1), ("ZA", 1), ("VN", 1), ("BD", 1), ("PK", 1)]

NAME_PARTS = {
    "first": ["Kivu", "Cordillera", "Atacama", "Andes", "Zambezi", "Katanga", "Pilbara",
              "Sierra", "Boreal", "Kalahari", "Mekong", "Altai", "Sahel", "Volta", "Nordic",
              "Pacific", "Baltic", "Orinoco", "Taiga", "Coral", "Great Rift", "Highveld",
              "Lualaba", "Copperbelt", "Tarkwa", "Sulawesi", "Mindanao", "Gobi", "Yukon",
              "Lapland", "Shenzhen", "Penang", "Hsinchu", "Bac Ninh", "Guadalajara", "Niger Delta",
              "Cabinda", "Caspian", "Permian", "North Sea", "Rovuma", "Stabroek"],
    "mining": ["Minerals", "Mining", "Metals", "Resources", "Cobre", "Gold", "Lithium",
               "Cobalt", "Nickel", "Smelting", "Refining", "Tin", "Mineração"],
    "tech": ["Electronics", "Components", "Circuits", "Semiconductor", "Devices", "Assembly",
             "Precision", "Display", "Batteries", "Cables", "Systems", "Optics"],
    "extractives": ["Petroleum", "Energy", "Oil & Gas", "Offshore", "Drilling", "Hydrocarbons",
                    "LNG", "Pipelines", "Exploration", "Upstream"],
}
SUFFIX = {"CD": "SARL", "CL": "S.A.", "PE": "S.A.C.", "AU": "Pty Ltd", "ZA": "(Pty) Ltd",
          "CN": "Co., Ltd.", "BR": "Ltda.", "CA": "Inc.", "MX": "S.A. de C.V.", "NO": "AS",
          "SE": "AB", "FI": "Oy", "DE": "GmbH", "FR": "SAS", "TW": "Corp.", "VN": "JSC",
          "KR": "Co., Ltd.", "JP": "K.K.", "US": "LLC", "GB": "Ltd", "NG": "Ltd", "ID": "PT",
          "MY": "Sdn Bhd", "IN": "Pvt Ltd", "KZ": "LLP", "AR": "S.A.", "CO": "S.A.S."}
PEOPLE = ["M. Ibáñez", "A. Mwamba", "J. Nkosi", "L. Chen", "T. Nguyen", "K. Haugen",
          "S. Okafor", "R. Quispe", "D. Kowalski", "P. Müller", "N. Tanaka", "F. Al-Mansouri",
          "E. Mensah", "H. Park", "C. Oliveira", "B. Ndlovu", "O. Sato", "I. Petrova",
          "G. Batbayar", "V. Ramírez", "Y. Lim", "Z. Haddad", "W. Kamau", "U. Sørensen"]
ROLES = ["Head of Sustainability", "Sustainability manager", "Compliance officer",
         "HSE director", "Chief Operating Officer", "Human rights lead",
         "Supply chain due-diligence analyst", "ESG reporting manager", "General counsel",
         "Community relations manager", "Procurement director", "Managing director"]

EVIDENCE_TITLES = [
    ("policy", "Human rights and environment policy {y}"),
    ("policy", "Supplier code of conduct"),
    ("policy", "Responsible sourcing policy"),
    ("procedure", "Community and worker grievance procedure"),
    ("procedure", "Risk assessment methodology"),
    ("procedure", "Corrective action and remediation procedure"),
    ("procedure", "Recruitment and labour agency vetting procedure"),
    ("audit", "Third-party social audit report, main site"),
    ("audit", "RBA validated audit {y}"),
    ("audit", "Environmental compliance audit {y}"),
    ("certificate", "ISO 14001 certificate"),
    ("certificate", "ISO 45001 certificate"),
    ("certificate", "International Cyanide Management Code certificate"),
    ("certificate", "RMAP conformant smelter certificate"),
    ("report", "Salient human rights risk assessment {y}"),
    ("report", "Sustainability report {y}"),
    ("report", "Tailings facility disclosure {y}"),
    ("report", "Voluntary Principles implementation report {y}"),
    ("report", "Water balance and discharge monitoring report {y}"),
    ("other", "Board minutes approving the policy (extract)"),
    ("other", "Consent agreement and engagement record"),
    ("other", "Training attendance records {y}"),
]

COMMENTS = {
    "good": [
        "Implemented at all sites; reviewed by internal audit in {y}.",
        "Covers own operations and all direct partners; high-risk indirect partners added in {y}.",
        "Approved by the board on {d}; the Chief Operating Officer is accountable.",
        "Verified through desk reviews and {n} on-site audits in {y}.",
        "Independent assurance by an external firm; the statement is public.",
        "Procedure available in {lang} and English; free phone line and community liaison offices.",
    ],
    "mid": [
        "In place at the main site; roll-out to contractors planned for {y1}.",
        "Covers about {p}% of spend so far; the remaining contracts are updated at renewal.",
        "Draft procedure exists; board approval expected in {y1}.",
        "Checked by self-assessment questionnaires only; no on-site verification yet.",
        "Reviewed in {y0}; an update is due after the new risk assessment.",
        "Partially implemented: {n} of {m} sites comply.",
    ],
    "bad": [
        "Not in place; we rely on the contractor's own procedures.",
        "No records are kept at the site level.",
        "Under discussion with the owners; no decision yet.",
        "We do not have information about our sub-suppliers.",
        "An allegation was received in {y}: investigation still open.",
        "Local management says this is not applicable to our operations.",
    ],
}
LANGS = ["Spanish", "French", "Swahili", "Portuguese", "Bahasa Indonesia", "Vietnamese",
         "Mandarin", "Quechua", "Tagalog", "Kazakh", "Arabic", "Hindi"]

# Maturity levels: weight, share of questions left out, answer distribution for
# maturity questions (yes, partial, no, unknown, na), share of long-form answers,
# share of choice answers drawn from the first option (in the packs mostly the
# lowest-risk one, such as none / no / no_asm), evidence items.
LEVELS = {
    "strong":  dict(w=25, skip=0.03, mat=(70, 20, 4, 2, 4), longf=0.35, first=0.65,
                    ev=(8, 18), stale=0.10, recent=(2024, 2025)),
    "medium":  dict(w=40, skip=0.10, mat=(40, 35, 14, 7, 4), longf=0.20, first=0.45,
                    ev=(3, 9), stale=0.25, recent=(2022, 2025)),
    "weak":    dict(w=25, skip=0.25, mat=(12, 33, 35, 17, 3), longf=0.10, first=0.30,
                    ev=(0, 4), stale=0.50, recent=(2019, 2024)),
    "redflag": dict(w=10, skip=0.15, mat=(15, 25, 40, 18, 2), longf=0.25, first=0.10,
                    ev=(0, 5), stale=0.40, recent=(2018, 2024)),
}
MATURITY = ("yes", "partial", "no", "unknown", "na")
PERIOD = 2025


def wchoice(rng, pairs):
    total = sum(w for _, w in pairs)
    x = rng.random() * total
    for v, w in pairs:
        x -= w
        if x < 0:
            return v
    return pairs[-1][0]


def yq(s):
    """A YAML double-quoted scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def fmt_num(x):
    if abs(x - round(x)) < 1e-9:
        return str(int(round(x)))
    return ("%.2f" % x).rstrip("0").rstrip(".")


def rand_date(rng, y0, y1):
    y = rng.randint(y0, y1)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    return "%04d-%02d-%02d" % (y, m, d)


# --------------------------------------------------------------------------
# One questionnaire

def applies(q, given, employees):
    """False when one of q's na_when conditions holds for the answers given so far (a dict of
    id -> YAML text), None when one reads an answer that is missing or unknown, else True."""
    if not q.na_when:
        return True
    unsure = False
    for qid, none_of, values in q.na_when:
        if qid is None:
            if 1 <= employees < 50:
                return False
            continue
        v = given.get(qid)
        if v is None or v == "unknown":
            unsure = True
            continue
        items = [x.strip() for x in v.strip("[]").split(",")] if v.startswith("[") else [v]
        hit = any(x in values or (x.replace(".", "", 1).isdigit() and
                                  any(_same_num(x, y) for y in values)) for x in items)
        if hit != none_of:
            return False
    return None if unsure else True


def _same_num(x, y):
    try:
        return float(x) == float(y)
    except ValueError:
        return False


def answer_value(rng, q, lv, level):
    """The value of one answer, as YAML text (a scalar or a flow list)."""
    k = q.kind
    if k == "maturity":
        return rng.choices(MATURITY[:4], weights=lv["mat"][:4])[0]
    if k != "text" and rng.random() < lv["mat"][3] / 100.0 / 2:
        return "unknown"
    if k == "choice":
        opts = q.options
        real = [o for o in opts if o != "unknown"]
        if rng.random() < lv["first"]:
            return real[0]
        if level == "redflag":
            # red flags sit in the later options (confirmed, uncontrolled, ...)
            return real[rng.randint(len(real) // 2, len(real) - 1)]
        return rng.choice(real)
    if k == "multi":
        opts = q.options
        nones = [o for o in opts if o.startswith("none") or o == "not_assessed"]
        real = [o for o in opts if o not in nones]
        if nones and rng.random() < lv["first"]:
            return "[%s]" % nones[0]
        n = rng.randint(1, min(3 if level != "redflag" else 4, len(real)))
        return "[%s]" % ", ".join(sorted(rng.sample(real, n), key=opts.index))
    if k == "number":
        lo = q.min if q.min is not None else 0.0
        hi = q.max
        unit = (q.unit or "").lower()
        if unit in ("incidents", "deaths", "impacts", "facilities"):
            scale = {"strong": 0.4, "medium": 1.2, "weak": 2.5, "redflag": 6.0}[level]
            x = lo + int(rng.expovariate(1.0 / scale)) if unit != "facilities" \
                else lo + rng.randint(0, 6)
            if unit == "deaths" and level == "strong":
                x = lo
        elif "hours" in unit:       # injury rates such as LTIFR
            x = round(rng.uniform(0.2, 2.0) * (1 if level == "strong" else 3), 2)
        elif hi is not None:
            x = rng.randint(int(lo), int(hi))
        else:
            x = lo + int(rng.lognormvariate(3, 1.2))
        if hi is not None:
            x = min(x, hi)
        return fmt_num(max(x, lo))
    if k == "percent":
        span = {"strong": (60, 100), "medium": (30, 90), "weak": (0, 60), "redflag": (0, 40)}
        a, b = span[level]
        if rng.random() < 0.3:
            return str(rng.randint(a, b))
        return fmt_num(round(rng.uniform(a, b), 1))
    if k == "date":
        y0, y1 = lv["recent"]
        return rand_date(rng, y0, y1)
    return yq(rng.choice(COMMENTS["mid"]).format(y=PERIOD, y0=PERIOD - 1, y1=PERIOD + 1,
                                                 d="2024-03-12", n=3, m=5, p=60,
                                                 lang="Spanish"))


def comment_text(rng, value, level):
    if value in ("yes", "none") or (level == "strong" and value not in ("no", "unknown")):
        pool = COMMENTS["good"]
    elif value in ("partial",) or level == "medium":
        pool = COMMENTS["mid"]
    else:
        pool = COMMENTS["bad"]
    t = rng.choice(pool).format(y=rng.randint(PERIOD - 2, PERIOD), y0=rng.randint(2019, 2023),
                                y1=PERIOD + 1, d=rand_date(rng, PERIOD - 2, PERIOD),
                                n=rng.randint(2, 60), m=rng.randint(6, 80),
                                p=rng.randint(20, 95), lang=rng.choice(LANGS))
    if rng.random() < 0.3:
        t += " " + rng.choice(pool).format(y=PERIOD, y0=2022, y1=PERIOD + 1, d="2025-01-15",
                                           n=4, m=9, p=55, lang=rng.choice(LANGS))
    return t


def supplier_name(rng, sector, cc):
    first = rng.choice(NAME_PARTS["first"])
    second = rng.choice(NAME_PARTS.get(sector, NAME_PARTS["mining"] + NAME_PARTS["tech"]))
    return "%s %s %s" % (first, second, SUFFIX.get(cc, "Ltd"))


def questionnaire(seed, index, sector, questions):
    """The YAML text of questionnaire number `index` (0-based)."""
    h = hashlib.sha256(("%s/%s/%d" % (seed, sector, index)).encode()).digest()
    rng = random.Random(int.from_bytes(h[:8], "little"))
    level = wchoice(rng, [(k, v["w"]) for k, v in LEVELS.items()])
    lv = LEVELS[level]
    cc = wchoice(rng, COUNTRIES.get(sector, GENERAL))
    sid = "SUP-%s-%06d" % (cc, index + 1)
    out = []
    w = out.append
    w("# Generated by bench/gen.py (seed %s, supplier %d, maturity %s). Fictional company.\n"
      % (seed, index + 1, level))
    w("diligo: 1\nsupplier:\n")
    w("  id: %s\n" % sid)
    w("  name: %s\n" % yq(supplier_name(rng, sector, cc)))
    w("  country: %s\n" % cc)
    w("  sector: %s\n" % sector)
    employees = int(rng.lognormvariate(6.0, 1.4) + 5)
    w("  employees: %d\n" % employees)
    w("  tier: %d\n" % rng.choices((1, 2, 3), weights=(70, 22, 8))[0])
    w("period: %d\n" % PERIOD)
    w("respondent:\n  name: %s\n  role: %s\n" % (yq(rng.choice(PEOPLE)), yq(rng.choice(ROLES))))
    if rng.random() < 0.5:
        w("  email: sustainability@%s.example\n" % sid.lower())

    # evidence first (ids are needed by the answers), written after them
    nev = rng.randint(*lv["ev"])
    ev_ids = ["E%d" % (i + 1) for i in range(nev)]
    ev_text = []
    for eid in ev_ids:
        kind, title = rng.choice(EVIDENCE_TITLES)
        y0, y1 = lv["recent"]
        date = rand_date(rng, 2016, PERIOD - 3) if rng.random() < lv["stale"] \
            else rand_date(rng, y0, y1)
        title = title.format(y=date[:4])
        ev_text.append("  %s:\n    title: %s\n    kind: %s\n    date: %s\n" %
                       (eid, yq(title), kind, date))
        if rng.random() < 0.6:
            slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
            ev_text.append("    url: https://example.org/%s/%s.pdf\n" % (sid.lower(), slug))

    w("answers:\n")
    section = None
    given = {}
    for q in questions:
        appl = applies(q, given, employees)
        if appl is False and rng.random() < 0.5:
            continue                                     # does not apply: left out
        if not (q.required and appl is True) and rng.random() < lv["skip"]:
            continue                                     # unanswered: a gap
        if q.section != section:
            section = q.section
            w("  # %s\n" % section)
        if appl is not True and rng.random() < 0.7:
            value = "na"                                 # valid: it does not apply
        else:
            value = answer_value(rng, q, lv, level)
        given[q.id] = value
        cite = q.evidence and value not in ("no", "unknown", "na") and ev_ids and \
            rng.random() < {"strong": 0.9, "medium": 0.5, "weak": 0.2, "redflag": 0.3}[level]
        if rng.random() >= lv["longf"] and not cite:
            w("  %s: %s\n" % (q.id, value))
            continue
        w("  %s:\n    value: %s\n" % (q.id, value))
        if ev_ids and (cite or rng.random() < 0.7):
            cited = sorted(rng.sample(ev_ids, min(len(ev_ids), rng.randint(1, 3))),
                           key=lambda e: int(e[1:]))
            w("    evidence: [%s]\n" % ", ".join(cited))
        if rng.random() < 0.6:
            text = comment_text(rng, value, level)
            if len(text) > 90:
                # folded block scalar, as people write long comments
                words, lines, cur = text.split(), [], ""
                for word in words:
                    if cur and len(cur) + 1 + len(word) > 88:
                        lines.append(cur)
                        cur = word
                    else:
                        cur = cur + " " + word if cur else word
                lines.append(cur)
                w("    comment: >-\n" + "".join("      %s\n" % ln for ln in lines))
            else:
                w("    comment: %s\n" % yq(text))
        if rng.random() < (0.25 if level == "redflag" else 0.08):
            w("    confidential: true\n")
    if ev_text:
        w("evidence:\n")
        out.extend(ev_text)
    return sid, "".join(out)


# --------------------------------------------------------------------------
# Driver

_STATE = {}


def _init(seed, sector, questions, outdir, width):
    _STATE.update(seed=seed, sector=sector, questions=questions, outdir=outdir, width=width)


def _write_range(bounds):
    a, b = bounds
    s = _STATE
    for i in range(a, b):
        _, text = questionnaire(s["seed"], i, s["sector"], s["questions"])
        path = os.path.join(s["outdir"], "%s-%0*d.yaml" % (s["sector"], s["width"], i + 1))
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    return b - a


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--diligo", required=True, help="the diligo binary")
    ap.add_argument("--sector", required=True, help="sector pack, as listed by 'diligo sectors'")
    ap.add_argument("--count", type=int, required=True, help="number of questionnaires")
    ap.add_argument("--out", required=True, help="output directory (created)")
    ap.add_argument("--seed", default="1", help="seed (default 1)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                    help="writer processes (the output does not depend on it)")
    a = ap.parse_args(argv)
    if a.count < 0:
        ap.error("--count must not be negative")
    questions = load_questions(a.diligo, a.sector)
    os.makedirs(a.out, exist_ok=True)
    width = max(6, len(str(a.count)))
    chunk = 500
    ranges = [(i, min(i + chunk, a.count)) for i in range(0, a.count, chunk)]
    init = (a.seed, a.sector, questions, a.out, width)
    if a.jobs > 1 and len(ranges) > 1:
        with multiprocessing.Pool(a.jobs, _init, init) as pool:
            done = sum(pool.imap_unordered(_write_range, ranges))
    else:
        _init(*init)
        done = sum(map(_write_range, ranges))
    print("gen.py: %d %s questionnaires (%d questions each) in %s"
          % (done, a.sector, len(questions), a.out), file=sys.stderr)


if __name__ == "__main__":
    main()
