#!/usr/bin/env python3
"""Annotation helper (a second-reading aid, not an annotator): list the
quotation marks and common cue words of each article that no attribution
covers, so that the annotator rereads those places. Whatever it lists is
judged by reading; many are correctly left out (titles, scare quotes).

Usage: coverage.py [NN ...]
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from build import ANN, _sel, annotate  # noqa: E402

CUES = re.compile(
    r"\b(selon|d'après|pour (?:lui|elle|eux|elles)|"
    r"\w+(?:e|ent|é|ée|és|ées|ant)\b-t-(?:il|elle|ils|elles)|"
    r"(?:dé)?clar\w*|affirm\w*|estim\w*|assur\w*|annon\w*|reconn\w*|admi[st]\w*|dément\w*|dénon\w*|"
    r"soulign\w*|précis\w*|indiqu\w*|jug\w*|avert\w*|promi?\w*|expliqu\w*|ajout\w*|confirm\w*|"
    r"rappel\w*|insist\w*|dit|dire|raconte\w*|rapport\w*|révèl\w*|explique\w*|prévien\w*|regrett\w*|"
    r"déplor\w*|craint\w*|esp[eè]r\w*|souhait\w*|nie|ni[ée]\w*|accus\w*)\b",
    re.I)


def main():
    only = {int(x) for x in sys.argv[1:]}
    chosen, _, _ = _sel.select()
    for rank, art in enumerate(chosen):
        if only and rank not in only:
            continue
        text = art["text"]
        atts, _ = annotate(art, os.path.join(ANN, f"{rank:02d}.txt"))
        covered = [False] * (len(text) + 1)
        for a in atts:
            for part in ("content", "cue", "source"):
                lo = a[part]["start"]
                hi = max(a[part]["end"], lo + 1)
                for i in range(max(lo - 1, 0), min(hi + 1, len(text))):
                    covered[i] = True
        hits = []
        for m in re.finditer(r"[«»\"“”]", text):
            if not covered[m.start()]:
                hits.append((m.start(), m.group()))
        for m in CUES.finditer(text):
            if not covered[m.start()]:
                hits.append((m.start(), m.group()))
        if hits:
            print(f"== {rank:02d} {art['id']}")
            for off, w in sorted(hits):
                ctx = text[max(0, off - 50):off + 50].replace("\n", "⏎")
                print(f"   {w!r:18} …{ctx}…")


if __name__ == "__main__":
    main()
