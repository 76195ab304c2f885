#!/usr/bin/env python3
"""Select the 30 articles of the claims development set, reproducibly.

Rule: among OrangeSum articles whose text is 1,200-3,500 characters long
(Python len, i.e. code points) and that contain a quotation mark (« or ")
or one of "selon", "a déclaré", "a affirmé", "a indiqué", shuffle with
random.Random(20231130) and take the first 30. Nothing is skipped by hand.

Usage: select.py [path/to/orangesum.jsonl.gz] > selection.jsonl
"""
import gzip
import json
import random
import sys

DEFAULT = "/work/shared/data/news/orangesum.jsonl.gz"
CUES = ("«", '"', "selon", "a déclaré", "a affirmé", "a indiqué")


def eligible(article):
    text = article["text"]
    return 1200 <= len(text) <= 3500 and any(c in text for c in CUES)


def select(path=DEFAULT, n=30, seed=20231130):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        articles = [json.loads(line) for line in f]
    pool = [a for a in articles if eligible(a)]
    rng = random.Random(seed)
    rng.shuffle(pool)
    return pool[:n], len(articles), len(pool)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    chosen, total, pool = select(path)
    print(f"{total} articles, {pool} eligible, {len(chosen)} chosen", file=sys.stderr)
    for a in chosen:
        print(json.dumps({"id": a["id"], "date": a["date"], "title": a["title"], "text": a["text"]},
                         ensure_ascii=False))


if __name__ == "__main__":
    main()
