#!/usr/bin/env python3
"""Draws corpus/orangesum-sample.jsonl.gz: 1,000 articles of OrangeSum, reproducibly.

Usage: python3 scripts/corpus/sample-orangesum.py ../shared/data/news/orangesum.jsonl.gz

The articles are drawn uniformly with a fixed seed and kept in their original order and form
(one JSON object a line: id, text, source, date, title, category, url). Licence: CC BY-SA 4.0,
see corpus/orangesum-LICENSE.txt.
"""
import gzip
import random
import sys

SIZE = 1000
SEED = 20231130


def main(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        lines = f.readlines()
    keep = sorted(random.Random(SEED).sample(range(len(lines)), SIZE))
    # mtime=0 makes the gzip bytes depend on the content only.
    with open("corpus/orangesum-sample.jsonl.gz", "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out:
            for i in keep:
                out.write(lines[i].encode("utf-8"))


if __name__ == "__main__":
    main(sys.argv[1])
