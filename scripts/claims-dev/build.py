#!/usr/bin/env python3
"""Build corpus/claims-dev.jsonl (set a) and corpus/claims-dev-b.jsonl (set b)
from the hand annotations in ann/NN.txt and ann-b/NN.txt.

The annotations are typed by hand as text snippets; this script only finds
where each snippet is in the article and records code point offsets.

Annotation file format (one file per article, NN = rank in select.py's order):

    # comment
    A | source | speaker | cue | cue lemma | D or I | content
      (cue and lemma "-": a free-standing direct quotation with no cue; the
       cue is recorded as empty, at the opening quotation mark)
    C | clause | kind | modality | subject | referent | predicate | predicate lemma | 0 or 1
    P | name | rank | roles | nationality | gender
      (a person record: the name as written at its fullest; the rank, "-" when
       none; the roles separated by " ; ", "-" when none; the ISO 3166-1 code
       the article states, or "-"; m, f or "-". The name, the rank and each
       role must occur in the text as written)

Fields are separated by " | ". A snippet may end with "#N" to pick its N-th
occurrence (0-based). How snippets are found:
  * content (A) and clause (C): must be unique in the text unless "#N"
    is given (N-th occurrence in the whole text);
  * source and cue (A): with "#N", the N-th occurrence in the whole text;
    otherwise the occurrence nearest to the content that does not overlap it;
  * subject and predicate (C): with "#N", the N-th occurrence inside the
    clause; otherwise the first occurrence inside the clause, or, when the
    clause has none (a verb sharing the subject of a previous coordinated
    verb), the nearest occurrence before the clause.
Every match must start and end on word boundaries.

Usage: build.py [--set a|b] [--render] [NN ...]
  writes ../../corpus/claims-dev.jsonl (set a; claims-dev-b.jsonl for set b)
  unless --render is given, in which case it prints the annotations in
  context for review.
"""
import json
import os
import re
import sys

import importlib.util

HERE = os.path.dirname(os.path.abspath(__file__))


def _load_selection_module():
    # Loaded by path: "select" is also the name of a standard library module.
    spec = importlib.util.spec_from_file_location("claims_dev_select", os.path.join(HERE, "select.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


_sel = _load_selection_module()

# Each set: its output, its annotation folder, and how many of its first articles carry claims.
SETS = {
    "a": (os.path.join(HERE, "..", "..", "corpus", "claims-dev.jsonl"), os.path.join(HERE, "ann"), 10),
    "b": (os.path.join(HERE, "..", "..", "corpus", "claims-dev-b.jsonl"), os.path.join(HERE, "ann-b"), 0),
}
WHICH = "a"
OUT, ANN, N_CLAIMS = SETS[WHICH]

KINDS = {"statement", "event", "decision", "announcement", "intention", "hope",
         "assessment", "quote", "report"}
MODALITIES = {"asserted", "certain", "uncertain", "conditional", "negated",
              "hoped", "intended"}


class AnnError(Exception):
    pass


def split_occ(snippet):
    m = re.fullmatch(r"(.*?)#(\d+)", snippet, re.S)
    if m:
        return m.group(1), int(m.group(2))
    return snippet, None


QUOTE_MARKS = "«»\"“”"


def bounded(text, start, end):
    if text[start].isalnum() and start > 0 and text[start - 1].isalnum():
        # An intertitle glued to the next sentence ("d'attenteAvec") still
        # counts as a boundary: lower case letter followed by a capital.
        if not (text[start].isupper() and text[start - 1].islower()):
            return False
    if text[end - 1].isalnum() and end < len(text) and text[end].isalnum():
        if not (text[end - 1].islower() and text[end].isupper()):
            return False
    return True


def occurrences(text, snippet, lo=0, hi=None):
    hi = len(text) if hi is None else hi
    out = []
    i = text.find(snippet, lo)
    while i != -1 and i + len(snippet) <= hi:
        if bounded(text, i, i + len(snippet)):
            out.append(i)
        i = text.find(snippet, i + 1)
    return out


def find_global(text, snippet, where):
    s, n = split_occ(snippet)
    occ = occurrences(text, s)
    if not occ:
        raise AnnError(f"{where}: not found: {s!r}")
    if n is None:
        if len(occ) > 1:
            raise AnnError(f"{where}: {len(occ)} occurrences of {s!r}, give #N")
        n = 0
    if n >= len(occ):
        raise AnnError(f"{where}: only {len(occ)} occurrences of {s!r}")
    return occ[n], occ[n] + len(s)


def find_near(text, snippet, span, where):
    s, n = split_occ(snippet)
    if n is not None:
        return find_global(text, snippet, where)
    a, b = span
    best = None
    for i in occurrences(text, s):
        j = i + len(s)
        if i < b and j > a:  # overlaps the content
            continue
        dist = a - j if j <= a else i - b
        if best is None or dist < best[0]:
            best = (dist, i)
    if best is None:
        raise AnnError(f"{where}: not found outside content: {s!r}")
    return best[1], best[1] + len(s)


def find_in_clause(text, snippet, span, where):
    s, n = split_occ(snippet)
    a, b = span
    occ = occurrences(text, s, a, b)
    if n is not None:
        if n >= len(occ):
            raise AnnError(f"{where}: only {len(occ)} occurrences of {s!r} in clause")
        return occ[n], occ[n] + len(s)
    if occ:
        return occ[0], occ[0] + len(s)
    before = [i for i in occurrences(text, s, 0, a)]
    if not before:
        raise AnnError(f"{where}: not found in or before clause: {s!r}")
    return before[-1], before[-1] + len(s)


def parse_file(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            fields = [x.strip() for x in line.split(" | ")]
            rows.append((lineno, fields))
    return rows


GENDERS = {"m", "f"}


def person(text, fields, where):
    if len(fields) != 6:
        raise AnnError(f"{where}: a P line has 6 fields, found {len(fields)}")
    _, name, rank, roles, nationality, gender = fields
    ns, ne = find_global(text, name if "#" in name else name + "#0", where + " name")
    for snippet in ([rank] if rank != "-" else []) + ([r for r in roles.split(" ; ")] if roles != "-" else []):
        if not occurrences(text, split_occ(snippet)[0]):
            raise AnnError(f"{where}: not in the text as written: {snippet!r}")
    if nationality != "-" and not re.fullmatch(r"[A-Z]{2}", nationality):
        raise AnnError(f"{where}: nationality must be an ISO 3166-1 alpha-2 code or -")
    if gender != "-" and gender not in GENDERS:
        raise AnnError(f"{where}: gender must be m, f or -")
    return {
        "name": text[ns:ne], "start": ns, "end": ne,
        "rank": None if rank == "-" else rank,
        "roles": [] if roles == "-" else roles.split(" ; "),
        "nationality": None if nationality == "-" else nationality,
        "gender": None if gender == "-" else gender,
    }


def annotate(article, path, persons=None):
    text = article["text"]
    name = os.path.basename(path)
    attributions, claims = [], []
    for lineno, f in parse_file(path):
        where = f"{name}:{lineno}"
        if f[0] == "A":
            if len(f) != 7:
                raise AnnError(f"{where}: an A line has 7 fields, found {len(f)}")
            _, src, speaker, cue, lemma, direct, content = f
            if direct not in ("D", "I"):
                raise AnnError(f"{where}: direct must be D or I")
            cs, ce = find_global(text, content, where + " content")
            ss, se = find_near(text, src, (cs, ce), where + " source")
            if cue == "-":
                # A free-standing quotation with no cue: an empty cue at the
                # opening quotation mark.
                if direct != "D" or lemma != "-":
                    raise AnnError(f"{where}: an empty cue is for direct quotes, with lemma -")
                us = cs
                if text[max(us - 1, 0)] in " \u00a0" and text[max(us - 2, 0)] == "«":
                    us -= 2
                elif us > 0 and text[us - 1] in QUOTE_MARKS:
                    us -= 1
                ue, lemma = us, ""
            else:
                us, ue = find_near(text, cue, (cs, ce), where + " cue")
            attributions.append({
                "source": {"text": text[ss:se], "start": ss, "end": se, "speaker": speaker},
                "cue": {"text": text[us:ue], "start": us, "end": ue, "lemma": lemma},
                "direct": direct == "D",
                "content": {"text": text[cs:ce], "start": cs, "end": ce},
            })
        elif f[0] == "C":
            if len(f) != 9:
                raise AnnError(f"{where}: a C line has 9 fields, found {len(f)}")
            _, clause, kind, modality, subj, referent, pred, lemma, neg = f
            if kind not in KINDS:
                raise AnnError(f"{where}: bad kind {kind!r}")
            if modality not in MODALITIES:
                raise AnnError(f"{where}: bad modality {modality!r}")
            if neg not in ("0", "1"):
                raise AnnError(f"{where}: negated must be 0 or 1")
            a, b = find_global(text, clause, where + " clause")
            ss, se = find_in_clause(text, subj, (a, b), where + " subject")
            ps, pe = find_in_clause(text, pred, (a, b), where + " predicate")
            claims.append({
                "start": a, "end": b, "text": text[a:b], "kind": kind, "modality": modality,
                "subject": {"text": text[ss:se], "start": ss, "end": se, "referent": referent},
                "predicate": {"text": text[ps:pe], "start": ps, "end": pe, "lemma": lemma,
                              "negated": neg == "1"},
            })
        elif f[0] == "P" and persons is not None:
            persons.append(person(text, f, where))
        else:
            raise AnnError(f"{where}: line must start with A or C" + (" or P" if persons is not None else ""))
    attributions.sort(key=lambda x: (x["content"]["start"], x["cue"]["start"]))
    claims.sort(key=lambda x: (x["start"], x["end"]))
    return attributions, claims


def load():
    chosen, _, _ = _sel.select(which=WHICH)
    records = []
    for rank, art in enumerate(chosen):
        path = os.path.join(ANN, f"{rank:02d}.txt")
        if not os.path.exists(path):
            raise AnnError(f"missing annotation file {path}")
        persons = [] if WHICH == "b" else None
        attributions, claims = annotate(art, path, persons)
        rec = {"id": art["id"], "date": art["date"], "title": art["title"], "text": art["text"],
               "attributions": attributions}
        if persons is not None:
            rec["persons"] = sorted(persons, key=lambda p: p["start"])
        if rank < N_CLAIMS:
            rec["claims"] = claims
        elif claims:
            raise AnnError(f"{path}: claims are annotated only in the first {N_CLAIMS} articles")
        records.append(rec)
    return records


def render(rec):
    t = rec["text"]
    print("=" * 100)
    print(rec["id"], rec["date"])
    for a in rec["attributions"]:
        s, c, q = a["source"], a["cue"], a["content"]
        lo = min(s["start"], c["start"], q["start"])
        hi = max(s["end"], c["end"], q["end"])
        marks = sorted([(s["start"], "[S:"), (s["end"], "]"), (c["start"], "<C:"), (c["end"], ">"),
                        (q["start"], "{Q:"), (q["end"], "}")], key=lambda x: (x[0], x[1] in "]>}"))
        # closing marks before opening marks at the same offset
        marks.sort(key=lambda x: (x[0], 0 if x[1] in ("]", ">", "}") else 1))
        out, pos = [], lo
        for off, m in marks:
            out.append(t[pos:off]); out.append(m); pos = off
        out.append(t[pos:hi])
        print(f"- A {'D' if a['direct'] else 'I'} speaker={s['speaker']!r} lemma={c['lemma']!r}")
        print("   ", "".join(out).replace("\n", "⏎"))
    for c in rec.get("claims", []):
        print(f"- C {c['kind']}/{c['modality']} subj={c['subject']['text']!r}->{c['subject']['referent']!r}"
              f" pred={c['predicate']['text']!r}({c['predicate']['lemma']}{', neg' if c['predicate']['negated'] else ''})")
        print("   ", c["text"].replace("\n", "⏎"))
    for p in rec.get("persons", []):
        print(f"- P {p['name']!r} rank={p['rank']!r} roles={p['roles']!r} "
              f"nationality={p['nationality']!r} gender={p['gender']!r}")


def main():
    global WHICH, OUT, ANN, N_CLAIMS
    args = sys.argv[1:]
    if "--set" in args:
        i = args.index("--set")
        WHICH = args[i + 1]
        del args[i:i + 2]
        OUT, ANN, N_CLAIMS = SETS[WHICH]
    do_render = "--render" in args
    only = {int(x) for x in args if x.isdigit()}
    try:
        if do_render:
            chosen, _, _ = _sel.select(which=WHICH)
            for rank, art in enumerate(chosen):
                if only and rank not in only:
                    continue
                path = os.path.join(ANN, f"{rank:02d}.txt")
                if not os.path.exists(path):
                    continue
                persons = [] if WHICH == "b" else None
                attributions, claims = annotate(art, path, persons)
                rec = {"id": art["id"], "date": art["date"], "text": art["text"],
                       "attributions": attributions, "persons": persons or []}
                if rank < N_CLAIMS:
                    rec["claims"] = claims
                render(rec)
            return
        records = load()
    except AnnError as e:
        sys.exit(f"error: {e}")
    with open(OUT, "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    na = sum(len(r["attributions"]) for r in records)
    nd = sum(a["direct"] for r in records for a in r["attributions"])
    nc = sum(len(r.get("claims", [])) for r in records)
    npers = sum(len(r.get("persons", [])) for r in records)
    print(f"{len(records)} articles, {na} attributions ({nd} direct, {na - nd} indirect), "
          f"{nc} claims, {npers} person records -> {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
