"""Bad input raises a clear Python exception or gives an error object; nothing crashes."""

from __future__ import annotations

import datetime

import fouille
import pytest


def test_extract_rejects_non_str_text():
    with pytest.raises(TypeError, match=r"fouille.extract: the text must be a str, not int"):
        fouille.extract(42)
    with pytest.raises(TypeError, match=r"not bytes"):
        fouille.extract("Bonjour.".encode())
    with pytest.raises(TypeError, match=r"not NoneType"):
        fouille.extract(None)


def test_extract_rejects_bad_dates():
    with pytest.raises(ValueError, match=r'invalid date "2023-13-01"'):
        fouille.extract("Bonjour.", date="2023-13-01")
    with pytest.raises(ValueError, match=r"no such day in the calendar"):
        fouille.extract("Bonjour.", date="2023-02-29")
    with pytest.raises(ValueError, match=r"expected YYYY-MM-DD"):
        fouille.extract("Bonjour.", date="hier")
    with pytest.raises(TypeError, match=r"the date must be a str \(YYYY-MM-DD\) or a datetime.date, not int"):
        fouille.extract("Bonjour.", date=20231130)


def test_extract_accepts_dates_and_times():
    text = "Le sommet a eu lieu hier à Paris."
    expected = fouille.extract(text, date="2023-11-30")
    assert [m["value"] for m in expected["mentions"] if m["type"] == "date"] == ["2023-11-29"]
    assert fouille.extract(text, date=datetime.date(2023, 11, 30)) == expected
    assert fouille.extract(text, date=datetime.datetime(2023, 11, 30, 10, 5)) == expected
    assert fouille.extract(text, date="2023-11-30T10:05:00Z") == expected


def test_extract_rejects_empty_text_and_surrogates():
    with pytest.raises(ValueError, match="the text is empty"):
        fouille.extract("")
    with pytest.raises(ValueError, match="the text is empty"):
        fouille.extract(" \n\t ")
    with pytest.raises(ValueError, match="not valid Unicode"):
        fouille.extract("Paris \udc80 Londres")


def test_extract_ids():
    assert fouille.extract("Bonjour.")["id"] == ""
    assert fouille.extract("Bonjour.", id="a1")["id"] == "a1"
    assert fouille.extract("Bonjour.", id=12)["id"] == "12"
    assert fouille.extract("Bonjour.", id=2**70)["id"] == str(2**70)
    with pytest.raises(TypeError, match="the id must be a str or an int, not bool"):
        fouille.extract("Bonjour.", id=True)
    with pytest.raises(TypeError, match="not float"):
        fouille.extract("Bonjour.", id=1.5)
    with pytest.raises(TypeError, match="title"):
        fouille.extract("Bonjour.", title=3)
    assert fouille.extract("Bonjour.", title="Un titre")["title"] == "Un titre"


def test_extract_many_rejects_non_iterables():
    with pytest.raises(TypeError, match="records must be an iterable of dicts, not int"):
        fouille.extract_many(3)
    with pytest.raises(TypeError, match="not one dict .for one article, use fouille.extract"):
        fouille.extract_many({"text": "Bonjour."})
    with pytest.raises(TypeError, match="not one str"):
        fouille.extract_many("Bonjour.")
    with pytest.raises(ValueError, match="threads must be 1 or more, not 0"):
        fouille.extract_many([], threads=0)
    with pytest.raises(ValueError, match="invalid date"):
        fouille.extract_many([], date="2023-11-31")


def records_then(bad, n=300):
    """n good records, then a bad one, then a good one that must never be read."""
    read = []

    def gen():
        for i in range(n):
            read.append(i)
            yield {"id": i, "text": f"Le Mali a reçu {i} visiteurs."}
        read.append("bad")
        yield bad
        read.append("after")
        yield {"text": "Jamais lu."}

    return gen(), read


@pytest.mark.parametrize(
    "bad, message",
    [
        ("Bonjour.", r"record 301: expected a dict with a \"text\" key, not str"),
        ({"text": 3}, r"record 301: the text must be a str, not int"),
        ({"text": b"Bonjour."}, r"record 301: the text must be a str, not bytes"),
        ({"text": "Bonjour.", "id": [1]}, r"record 301: the id must be a str or an int, not list"),
        ({"text": "Bonjour.", "date": 2023}, r"record 301: the date must be a str"),
    ],
)
def test_extract_many_raises_type_errors_at_their_place(bad, message):
    records, read = records_then(bad)
    results = fouille.extract_many(records, threads=2)
    got = []
    with pytest.raises(TypeError, match="fouille.extract_many: " + message):
        for r in results:
            got.append(r)
    # Every record before the bad one gave its result, in order; none after it was read.
    assert [r["id"] for r in got] == [str(i) for i in range(300)]
    assert read[-1] == "bad"
    assert next(results, None) is None


def test_exceptions_of_the_input_are_raised_at_their_place():
    def gen():
        yield {"text": "Le Mali."}
        yield {"text": "Le Niger."}
        raise KeyError("lost")

    results = fouille.extract_many(gen())
    assert next(results)["id"] == "1"
    assert next(results)["id"] == "2"
    with pytest.raises(KeyError, match="lost"):
        next(results)


def test_extract_many_gives_error_objects_for_bad_values():
    records = [
        {"text": ""},
        {"text": None, "id": "none"},
        {"id": "missing"},
        {"text": "Bonjour.", "date": "2023-11-31"},
        {"text": "Paris \udc80"},
        {"text": "Bonjour.", "id": "id\udc80"},
        {"text": "Le Burkina Faso.", "date": None},
    ]
    results = list(fouille.extract_many(records))
    assert [r["error"] and r["error"]["kind"] for r in results] == [
        "empty_text",
        "missing_text",
        "missing_text",
        "invalid_date",
        "invalid_utf8",
        "invalid_id",
        None,
    ]
    assert results[0] == {
        "id": "1",
        "schema": "fouille/1",
        "error": {"kind": "empty_text", "message": "record 1: the text is empty"},
    }
    assert results[1]["id"] == "none" and results[2]["id"] == "missing"
    assert results[3]["error"]["message"] == 'record 4: invalid date "2023-11-31": no such day in the calendar'
    assert results[5]["id"] == "6"


def test_records_may_be_any_mapping():
    from collections import OrderedDict
    from types import MappingProxyType

    records = [OrderedDict(text="Le Mali."), MappingProxyType({"text": "Le Niger.", "x": 1})]
    results = list(fouille.extract_many(records))
    assert [r["mentions"][0]["value"] for r in results] == ["ML", "NE"]
    assert results[1]["meta"] == {"x": 1}
