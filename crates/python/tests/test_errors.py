"""Bad input raises a clear Python exception or gives an error object; nothing crashes."""

from __future__ import annotations

import datetime
import re

import fouille
import pytest


def test_extract_rejects_non_str_text():
    with pytest.raises(TypeError, match=r'fouille.extract: "text" must be a string, found a number'):
        fouille.extract(42)
    with pytest.raises(TypeError, match=r"found a bytes"):
        fouille.extract("Bonjour.".encode())
    with pytest.raises(TypeError, match=r'"text" is null'):
        fouille.extract(None)


def test_extract_rejects_bad_dates():
    with pytest.raises(ValueError, match=r'invalid date "2023-13-01"'):
        fouille.extract("Bonjour.", date="2023-13-01")
    with pytest.raises(ValueError, match=r"no such day in the calendar"):
        fouille.extract("Bonjour.", date="2023-02-29")
    with pytest.raises(ValueError, match=r"expected YYYY-MM-DD"):
        fouille.extract("Bonjour.", date="hier")
    with pytest.raises(TypeError, match=r'"date" must be a string YYYY-MM-DD, found a number'):
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
    # A number is written as the command line writes a JSON number.
    assert fouille.extract("Bonjour.", id=1.5)["id"] == "1.5"
    with pytest.raises(TypeError, match='"id" must be a string or a number, found a boolean'):
        fouille.extract("Bonjour.", id=True)
    with pytest.raises(TypeError, match="found a list"):
        fouille.extract("Bonjour.", id=[1])
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


@pytest.mark.parametrize(
    "bad, kind, message",
    [
        ("Bonjour.", "not_an_object", r'expected a dict with a "text" key, found a str'),
        ([1, 2], "not_an_object", r'expected a dict with a "text" key, found a list'),
        ({"text": 3}, "invalid_text", r'"text" must be a string, found a number'),
        ({"text": b"Bonjour."}, "invalid_text", r'"text" must be a string, found a bytes'),
        ({"text": "Bonjour.", "id": [1]}, "invalid_id", r'"id" must be a string or a number, found a list'),
        ({"text": "Bonjour.", "id": True}, "invalid_id", r'found a boolean'),
        ({"text": "Bonjour.", "date": 2023}, "invalid_date", r'"date" must be a string YYYY-MM-DD, found a number'),
    ],
)
def test_records_of_wrong_types_give_error_objects_at_their_place(bad, kind, message):
    """As the command line writes an error line for a record of the wrong JSON type, and goes
    on: one odd record in a corpus must not stop the run."""
    good = [{"id": i, "text": f"Le Mali a reçu {i} visiteurs."} for i in range(300)]
    results = list(fouille.extract_many([*good, bad, {"text": "Lu après."}], threads=2))
    assert len(results) == 302
    assert [r["id"] for r in results[:300]] == [str(i) for i in range(300)]
    error = results[300]["error"]
    assert error["kind"] == kind
    assert error["message"].startswith("record 301: ")
    assert re.search(message, error["message"]), error["message"]
    assert results[301]["error"] is None and results[301]["id"] == "302"


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
