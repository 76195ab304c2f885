#!/usr/bin/env python3
"""Annotation helper: list the occurrences of a snippet in article NN with context.

Usage: occ.py [--set b] NN SNIPPET   (prints index, offset and surrounding text)
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from build import _sel, occurrences  # noqa: E402


def main():
    args = sys.argv[1:]
    which = "a"
    if args[:1] == ["--set"]:
        which, args = args[1], args[2:]
    rank, snippet = int(args[0]), args[1]
    chosen, _, _ = _sel.select(which=which)
    text = chosen[rank]["text"]
    for n, i in enumerate(occurrences(text, snippet)):
        ctx = text[max(0, i - 40):i] + "[" + snippet + "]" + text[i + len(snippet):i + len(snippet) + 40]
        print(n, i, json.dumps(ctx, ensure_ascii=False))


if __name__ == "__main__":
    main()
