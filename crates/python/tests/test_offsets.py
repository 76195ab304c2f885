"""Code point offsets slice Python strings, whatever the characters before a span."""

from __future__ import annotations

import fouille

# Emoji outside the Basic Multilingual Plane (one code point, four UTF-8 bytes, two UTF-16
# units), a flag (two code points), a ZWJ sequence, combining marks (decomposed "é", "ï"), a
# byte order mark and CRLF line ends.
TEXT = (
    "\ufeff🇫🇷 Le président Emmanuel Macron 😀 a reçu mardi à Paris le chancelier allemand "
    "Olaf Scholz.\r\n"
    "👩\u200d👩\u200d👧 Selon le ministe\u0300re, la De\u0301le\u0301gation du Burkina Faso "
    "arrivera le 5 décembre 2023 à Ouagadougou.\r\n"
    "« Nous sommes prêts », a déclaré le ministre burkinabè de la Défense, Kassoum Coulibaly, "
    "cité par l'AFP 🎉.\n"
    "Hérve\u0301 Le Mai\u0308tre a rappelé que la France et le Mali avaient rompu en 2022."
)


def spans(result):
    """Every span of the result: sentences, tokens, mentions, claims and their parts."""
    for s in result["sentences"]:
        yield s, None
    for t in result.get("tokens", []):
        yield t, t["text"]
    for m in result["mentions"]:
        yield m, m["text"]
    for c in result["claims"]:
        yield c, c["text"]
        for part in ("subject", "predicate", "object", "source", "cue"):
            if c[part]:
                yield c[part], c[part]["text"]
        if c["content"]:
            yield c["content"], None


def test_offsets_slice_python_strings():
    result = fouille.extract(TEXT, id="unicode", date="2023-11-30", tokens=True)
    data = TEXT.encode("utf-8")
    n = 0
    for span, text in spans(result):
        by_chars = TEXT[span["start"] : span["end"]]
        by_bytes = data[span["byte_start"] : span["byte_end"]].decode("utf-8")
        assert by_chars == by_bytes
        if text is not None:
            assert by_chars == text
        n += 1
    assert n > 50
    # Spans after the emoji and combining marks were found, so their offsets were tested
    # where code points, bytes and UTF-16 units all differ.
    last_emoji = TEXT.index("🎉")
    late = [m for m in result["mentions"] if m["start"] > last_emoji]
    assert late, result["mentions"]
    assert all(m["byte_start"] > m["start"] for m in late)
    names = {m["text"] for m in result["mentions"] if m["type"] == "person"}
    assert "Emmanuel Macron" in names and "Olaf Scholz" in names


def test_text_is_never_rewritten():
    result = fouille.extract(TEXT)
    ends = [s["end"] for s in result["sentences"]]
    assert max(ends) <= len(TEXT)
    # The byte order mark and the carriage returns are still where they were.
    assert all(TEXT[s["start"] : s["end"]].strip() for s in result["sentences"])
