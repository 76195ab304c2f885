#!/usr/bin/env python3
"""Select the articles of the claims development sets, reproducibly.

Set a (corpus/claims-dev.jsonl): among OrangeSum articles whose text is
1,200-3,500 characters long (Python len, i.e. code points) and that contain a
quotation mark (« or ") or one of "selon", "a déclaré", "a affirmé",
"a indiqué", shuffle with random.Random(20231130) and take the first 30.

Set b (corpus/claims-dev-b.jsonl): the same rule over the articles of the
years set a has fewest of (2016, 2017, 2019; set a is 24 of 30 from 2018 and
2020), set a's articles left out, shuffled with random.Random(20261203); the
first 30. It was annotated before any rule was changed for it, to show
whether the rules generalise.

Nothing is skipped by hand in either set.

Usage: select.py [--set a|b] [path/to/orangesum.jsonl.gz] > selection.jsonl
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


SETS = {
    "a": {"seed": 20231130, "years": None},
    "b": {"seed": 20261203, "years": ("2016", "2017", "2019")},
}


def select(path=DEFAULT, n=30, which="a"):
    rule = SETS[which]
    with gzip.open(path, "rt", encoding="utf-8") as f:
        articles = [json.loads(line) for line in f]
    pool = [a for a in articles if eligible(a)]
    if rule["years"]:
        taken = {a["id"] for a in select(path, n, "a")[0]}
        pool = [a for a in pool if a["date"][:4] in rule["years"] and a["id"] not in taken]
    rng = random.Random(rule["seed"])
    rng.shuffle(pool)
    return pool[:n], len(articles), len(pool)


def main():
    args = sys.argv[1:]
    which = "a"
    if args[:1] == ["--set"]:
        which, args = args[1], args[2:]
    path = args[0] if args else DEFAULT
    chosen, total, pool = select(path, which=which)
    print(f"{total} articles, {pool} eligible, {len(chosen)} chosen", file=sys.stderr)
    for a in chosen:
        print(json.dumps({"id": a["id"], "date": a["date"], "title": a["title"], "text": a["text"]},
                         ensure_ascii=False))


if __name__ == "__main__":
    main()
