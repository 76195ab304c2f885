#!/usr/bin/env python3
"""Speed of spaCy's fr_core_news_md (full default pipeline) over the bundled corpus sample.

Usage (from the repository root, spaCy in the virtual environment that spacy_predictions.py
describes; peak memory from GNU time):

    /usr/bin/time -v /tmp/spacy-venv/bin/python scripts/baselines/spacy_speed.py \
        [corpus/orangesum-sample.jsonl.gz] [--batch-size 64]

Reads every record's `text`, runs `nlp.pipe` over all texts in one process, and prints the model
load time, then characters, UTF-8 bytes, seconds (model load excluded), characters per second and
MB/s (10^6 bytes of UTF-8 text per second).
"""
import argparse
import gzip
import json
import time

import spacy


def main():
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("corpus", nargs="?", default="corpus/orangesum-sample.jsonl.gz")
    args.add_argument("--batch-size", type=int, default=64)
    args = args.parse_args()

    with gzip.open(args.corpus, "rt", encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    chars = sum(len(t) for t in texts)
    size = sum(len(t.encode("utf-8")) for t in texts)

    start = time.perf_counter()
    nlp = spacy.load("fr_core_news_md")
    loaded = time.perf_counter()
    entities = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=args.batch_size))
    seconds = time.perf_counter() - loaded

    print(f"spacy {spacy.__version__}, {nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}")
    print(f"pipeline: {', '.join(nlp.pipe_names)}; batch size {args.batch_size}")
    print(f"model load: {loaded - start:.2f} s")
    print(f"documents: {len(texts)}, entities: {entities}")
    print(f"characters: {chars}, UTF-8 bytes: {size}")
    print(f"seconds: {seconds:.2f}")
    print(f"characters/s: {chars / seconds:,.0f}")
    print(f"MB/s: {size / seconds / 1e6:.3f}")


if __name__ == "__main__":
    main()
