#!/usr/bin/env python3
"""Check the gazetteer files in crates/entities/data/.

Checks: UTF-8, one TAB-separated entry per line, no header or blank line, no
trailing spaces, final newline, lines sorted by byte order (LC_ALL=C sort),
unique first column, right column counts and values, valid ISO 3166-1 alpha-2
codes (pycountry) plus XK, every country with a name variant and nationality
forms, no country name repeated in locations.tsv, ASCII apostrophes only.

Usage:  pip install pycountry && python3 scripts/data/check_gazetteers.py
Exit status 1 and one message per problem when something is wrong.
"""

import os
import sys

import pycountry

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "crates", "entities", "data")

GENDERS = {"m", "f", "mp", "fp", "n"}
LOCATION_KINDS = {"continent", "region", "subdivision", "city", "island", "sea", "river", "mountain"}
ORG_KINDS = {"international", "institution", "party", "company", "media", "armed_group",
             "union", "sport", "ngo", "university"}
ARTICLES = ("le ", "la ", "les ", "l'", "Le ", "La ", "Les ", "L'")

problems = []


def problem(file, lineno, msg):
    problems.append(f"{file}:{lineno}: {msg}")


def load(file, min_cols, max_cols):
    path = os.path.join(DATA, file)
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        problem(file, 0, f"not UTF-8: {e}")
        return []
    if not text.endswith("\n"):
        problem(file, 0, "no final newline")
    lines = text.split("\n")[:-1]
    rows = []
    seen = set()
    prev = None
    for i, line in enumerate(lines, 1):
        if line != line.strip() or line == "":
            problem(file, i, "blank line or leading/trailing spaces")
        if "\r" in line or "’" in line:
            problem(file, i, "carriage return or typographic apostrophe")
        cols = line.split("\t")
        if not min_cols <= len(cols) <= max_cols:
            problem(file, i, f"{len(cols)} columns, want {min_cols}-{max_cols}")
        if any(c != c.strip() or c == "" for c in cols):
            problem(file, i, "empty column or spaces around a column")
        if prev is not None and prev.encode("utf-8") >= line.encode("utf-8"):
            problem(file, i, "not sorted by byte order (LC_ALL=C sort)")
        prev = line
        if cols[0] in seen:
            problem(file, i, f"duplicate key {cols[0]!r}")
        seen.add(cols[0])
        rows.append((i, cols))
    return rows


def valid_code(code):
    return code == "XK" or pycountry.countries.get(alpha_2=code) is not None


def main():
    countries = load("countries.tsv", 3, 3)
    codes = set()
    for i, (code, name, gender) in countries:
        codes.add(code)
        if not valid_code(code):
            problem("countries.tsv", i, f"unknown code {code}")
        if gender not in GENDERS:
            problem("countries.tsv", i, f"bad gender {gender!r}")

    names = load("country-names.tsv", 2, 3)
    named = set()
    country_names = set()
    for i, cols in names:
        variant, code = cols[0], cols[1]
        country_names.add(variant)
        named.add(code)
        if code not in codes:
            problem("country-names.tsv", i, f"code {code} not in countries.tsv")
        if len(cols) == 3 and cols[2] != "ambiguous":
            problem("country-names.tsv", i, f"third column must be 'ambiguous', got {cols[2]!r}")
        if variant.startswith(ARTICLES):
            problem("country-names.tsv", i, f"variant starts with an article: {variant!r}")
    for i, (code, name, _) in countries:
        if (name, code) not in {(c[0], c[1]) for _, c in names}:
            problem("countries.tsv", i, f"short name {name!r} missing from country-names.tsv")
    for code in sorted(codes - named):
        problem("country-names.tsv", 0, f"no variant for {code}")

    nats = load("nationalities.tsv", 2, 2)
    with_forms = set()
    for i, (form, code) in nats:
        with_forms.add(code)
        if code not in codes:
            problem("nationalities.tsv", i, f"code {code} not in countries.tsv")
        if form != form.lower():
            problem("nationalities.tsv", i, f"form not lowercase: {form!r}")
    for code in sorted(codes - with_forms):
        problem("nationalities.tsv", 0, f"no nationality form for {code}")

    for i, cols in load("locations.tsv", 2, 3):
        if cols[1] not in LOCATION_KINDS:
            problem("locations.tsv", i, f"bad kind {cols[1]!r}")
        if len(cols) == 3 and cols[2] != "ambiguous":
            problem("locations.tsv", i, f"third column must be 'ambiguous', got {cols[2]!r}")
        if len(cols[0]) <= 2:
            problem("locations.tsv", i, f"name of one or two letters: {cols[0]!r}")
        if cols[0] in country_names:
            problem("locations.tsv", i, f"{cols[0]!r} is a country name (country-names.tsv)")

    for i, cols in load("organizations.tsv", 2, 3):
        if cols[1] not in ORG_KINDS:
            problem("organizations.tsv", i, f"bad kind {cols[1]!r}")
        if len(cols) == 3 and cols[2] != "ambiguous":
            problem("organizations.tsv", i, f"third column must be 'ambiguous', got {cols[2]!r}")

    for p in problems:
        print(p)
    if problems:
        sys.exit(1)
    print("gazetteers OK")


if __name__ == "__main__":
    main()
