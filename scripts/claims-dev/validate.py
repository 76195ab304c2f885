#!/usr/bin/env python3
"""Validate corpus/claims-dev.jsonl: every offset, every field, and the
article texts against the source corpus (through select.py).

Usage: validate.py [path/to/claims-dev.jsonl]
Exits 1 and lists the problems when anything is wrong; warnings (a source
or cue far from its content) are printed for a reader to check.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from build import KINDS, MODALITIES, N_CLAIMS, OUT, QUOTE_MARKS, _sel  # noqa: E402

FAR = 250  # characters between a source or cue and its content worth a look


class Checker:
    def __init__(self):
        self.errors, self.warnings = [], []

    def err(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    def span(self, text, obj, where, allow_empty=False):
        if not isinstance(obj, dict):
            self.err(where, "not an object")
            return False
        s, e, t = obj.get("start"), obj.get("end"), obj.get("text")
        if not (isinstance(s, int) and isinstance(e, int) and isinstance(t, str)):
            self.err(where, "start/end must be integers and text a string")
            return False
        if not (0 <= s <= e <= len(text)):
            self.err(where, f"bad offsets {s}..{e} (text has {len(text)} code points)")
            return False
        if text[s:e] != t:
            self.err(where, f"text[{s}:{e}] = {text[s:e]!r} != {t!r}")
            return False
        if s == e and not allow_empty:
            self.err(where, "empty span")
            return False
        if t != t.strip():
            self.err(where, f"span has surrounding white space: {t!r}")
        return True

    def nonempty(self, obj, key, where):
        v = obj.get(key)
        if not isinstance(v, str) or not v.strip():
            self.err(where, f"{key} must be a non-empty string")


def check_attribution(c, text, a, where):
    if set(a) != {"source", "cue", "direct", "content"}:
        c.err(where, f"keys {sorted(a)}")
        return
    if not isinstance(a["direct"], bool):
        c.err(where, "direct must be a boolean")
    c.span(text, a["source"], where + ".source")
    c.nonempty(a["source"], "speaker", where + ".source")
    empty_cue = isinstance(a["cue"], dict) and a["cue"].get("text") == ""
    c.span(text, a["cue"], where + ".cue", allow_empty=True)
    if empty_cue:
        if a["cue"].get("lemma") != "" or not a["direct"]:
            c.err(where, "an empty cue is only for a free-standing direct quotation, with an empty lemma")
    else:
        c.nonempty(a["cue"], "lemma", where + ".cue")
    if not c.span(text, a["content"], where + ".content"):
        return
    q = a["content"]
    if a["direct"]:
        before = text[:q["start"]].rstrip(" \u00a0")
        after = text[q["end"]:].lstrip(" \u00a0\n")
        if not ((before and before[-1] in QUOTE_MARKS) or (after and after[0] in QUOTE_MARKS)):
            c.err(where, "direct content is not next to a quotation mark")
        if q["text"][0] in QUOTE_MARKS or q["text"][-1] in QUOTE_MARKS:
            c.err(where, "direct content must not include its quotation marks")
    for part in ("source", "cue"):
        p = a[part]
        if empty_cue and part == "cue":
            continue
        if q["start"] < p["end"] and p["start"] < q["end"]:
            c.err(where, f"{part} overlaps the content")
        gap = q["start"] - p["end"] if p["end"] <= q["start"] else p["start"] - q["end"]
        if gap > FAR:
            c.warnings.append(f"{where}: {part} {p['text']!r} is {gap} characters from its content")


def check_claim(c, text, cl, where):
    keys = {"start", "end", "text", "kind", "modality", "subject", "predicate"}
    if set(cl) != keys:
        c.err(where, f"keys {sorted(cl)}")
        return
    c.span(text, cl, where)
    if cl["kind"] not in KINDS:
        c.err(where, f"kind {cl['kind']!r}")
    if cl["modality"] not in MODALITIES:
        c.err(where, f"modality {cl['modality']!r}")
    if c.span(text, cl["subject"], where + ".subject"):
        c.nonempty(cl["subject"], "referent", where + ".subject")
    if c.span(text, cl["predicate"], where + ".predicate"):
        p = cl["predicate"]
        c.nonempty(p, "lemma", where + ".predicate")
        if not isinstance(p.get("negated"), bool):
            c.err(where, "predicate.negated must be a boolean")
        if not (cl["start"] <= p["start"] and p["end"] <= cl["end"]):
            c.err(where, "predicate outside its clause")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else OUT
    c = Checker()
    chosen, _, _ = _sel.select()
    with open(path, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    if len(records) != len(chosen):
        c.err(path, f"{len(records)} articles, expected {len(chosen)}")
    for rank, (rec, src) in enumerate(zip(records, chosen)):
        where = f"line {rank + 1} ({rec.get('id')})"
        for key in ("id", "date", "title", "text"):
            if rec.get(key) != src[key]:
                c.err(where, f"{key} differs from the source article")
        expected = {"id", "date", "title", "text", "attributions"} | ({"claims"} if rank < N_CLAIMS else set())
        if set(rec) != expected:
            c.err(where, f"keys {sorted(rec)}, expected {sorted(expected)}")
        text = rec["text"]
        atts = rec.get("attributions", [])
        seen = set()
        for i, a in enumerate(atts):
            check_attribution(c, text, a, f"{where} attribution {i}")
            try:
                key = (a["source"]["start"], a["cue"]["start"], a["content"]["start"], a["content"]["end"])
            except (KeyError, TypeError):
                continue
            if key in seen:
                c.err(where, f"attribution {i} is a duplicate")
            seen.add(key)
        for i, cl in enumerate(rec.get("claims", [])):
            check_claim(c, text, cl, f"{where} claim {i}")
    for w in c.warnings:
        print("warning:", w)
    if c.errors:
        for e in c.errors:
            print("error:", e)
        sys.exit(1)
    na = sum(len(r["attributions"]) for r in records)
    nd = sum(a["direct"] for r in records for a in r["attributions"])
    nc = sum(len(r.get("claims", [])) for r in records)
    print(f"ok: {len(records)} articles, {na} attributions ({nd} direct, {na - nd} indirect), {nc} claims")


if __name__ == "__main__":
    main()
