"""fouille.extract and fouille.extract_many give the objects that `fouille extract` writes."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import fouille
import pytest

from conftest import CORPUS, FIXTURES, fixture_dates, run_cli

TXT = sorted(FIXTURES.glob("*.txt"))


def test_there_are_fixtures():
    assert TXT


@pytest.mark.parametrize("path", TXT, ids=[p.stem for p in TXT])
@pytest.mark.parametrize("dated", [True, False], ids=["dated", "undated"])
def test_extract_equals_cli_on_fixtures(cli, path: Path, dated: bool):
    date = fixture_dates().get(path.stem) if dated else None
    args = [path] + (["--date", date] if date else [])
    [expected] = run_cli(cli, *args)
    # The CLI reads the file's bytes as they are: no newline translation.
    text = path.read_bytes().decode("utf-8")
    result = fouille.extract(text, id=path.stem, date=date)
    assert result == expected
    # Same keys in the same order, as in the line.
    assert list(result) == list(expected)
    assert result["mentions"] and result["claims"]


def test_tokens_equal_cli(cli):
    path = TXT[0]
    [expected] = run_cli(cli, path, "--tokens")
    result = fouille.extract(path.read_bytes().decode("utf-8"), id=path.stem, tokens=True)
    assert result["tokens"] and result == expected


def test_extract_many_equals_cli_on_corpus(cli, corpus_records):
    expected = run_cli(cli, CORPUS)
    results = list(fouille.extract_many(corpus_records, threads=2))
    assert len(results) == len(expected) == len(corpus_records) == 1000
    for got, want in zip(results, expected):
        assert got == want, got["id"]
    # The corpus has fields fouille does not use: both carry them under meta.
    assert all(r["meta"] for r in results)


@pytest.mark.parametrize("threads", [1, 2])
def test_extract_many_equals_extract(corpus_records, threads):
    records = corpus_records[:40]
    many = list(fouille.extract_many(records, threads=threads))
    for record, got in zip(records, many):
        one = fouille.extract(record["text"], id=record["id"], date=record["date"], title=record["title"])
        meta = {k: v for k, v in record.items() if k not in ("id", "text", "date", "title")}
        assert got == {**one, "meta": meta}


def test_failed_records_follow_cli(cli, tmp_path):
    """Records the CLI writes error lines for give error objects of the same kind and id."""
    records = [
        {"id": "ok", "text": "Le Burkina Faso a signé un accord avec la Russie.", "date": "2023-11-30"},
        {"id": "empty", "text": "  \n "},
        {"id": "bad-date", "text": "Bonjour.", "date": "30/11/2023"},
        {"id": "no-such-day", "text": "Bonjour.", "date": "2023-02-30"},
        {"id": "no-text", "title": "Un titre"},
        {"id": 42, "text": "Le Mali et le Niger.", "date": "2023-11-30T08:00:00Z", "url": "u"},
        {"text": "Emmanuel Macron est à Paris.", "title": None},
    ]
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    expected = run_cli(cli, path)
    results = list(fouille.extract_many(records))
    assert len(results) == len(expected) == len(records)
    for position, (got, want) in enumerate(zip(results, expected), start=1):
        if want["error"] is None:
            if want["id"] == "records:7":
                # An id-less record is named by its place: "<file>:<line>" for the CLI, the
                # position for Python.
                assert got["id"] == "7"
                got = {**got, "id": want["id"]}
            assert got == want
        else:
            assert got["error"]["kind"] == want["error"]["kind"]
            assert got["id"] == want["id"]
            assert got["schema"] == want["schema"]
            assert got["error"]["message"].startswith(f"record {position}: ")
    kinds = [r["error"] and r["error"]["kind"] for r in results]
    assert kinds == [None, "empty_text", "invalid_date", "invalid_date", "missing_text", None, None]
    assert results[5]["id"] == "42" and results[5]["date"] == "2023-11-30"
    assert results[6]["meta"] == {"title": None}


def cli_lines(cli: Path, *args: str | Path) -> list[str]:
    proc = subprocess.run(
        [str(cli), "extract", *map(str, args)], capture_output=True, text=True, encoding="utf-8"
    )
    assert proc.returncode in (0, 2), proc.stderr
    return proc.stdout.splitlines()


@pytest.mark.parametrize("threads", [1, 2])
def test_json_text_is_the_cli_line(cli, corpus_records, threads):
    """With json=True, each result is the CLI's line byte for byte, meta included."""
    expected = cli_lines(cli, CORPUS)
    lines = list(fouille.extract_many(corpus_records, threads=threads, json=True))
    assert len(lines) == len(expected) == 1000
    for got, want in zip(lines, expected):
        assert isinstance(got, str)
        assert got == want
    assert all('"meta":' in line for line in lines)


def test_json_text_of_one_article_and_of_failures(cli):
    path = TXT[0]
    [expected] = cli_lines(cli, path)
    text = path.read_bytes().decode("utf-8")
    assert fouille.extract(text, id=path.stem, json=True) == expected
    [failure] = fouille.extract_many([{"id": "e", "text": " "}], json=True)
    assert json.loads(failure)["error"]["kind"] == "empty_text"


def test_json_meta_takes_json_values_only():
    record = {"text": "Le Mali.", "n": 3, "x": 1.5, "ok": True, "none": None, "l": [1, "a", (2,)], "d": {1: "un"}}
    [line] = fouille.extract_many([record], json=True)
    assert json.loads(line)["meta"] == {"n": 3, "x": 1.5, "ok": True, "none": None, "l": [1, "a", [2]], "d": {"1": "un"}}
    # A value JSON has no form for fails its record, not the run.
    lines = list(fouille.extract_many([record, {"id": "s", "text": "Le Mali.", "when": {1}}, record], json=True))
    error = json.loads(lines[1])
    assert error["id"] == "s" and error["error"]["kind"] == "invalid_meta"
    assert error["error"]["message"] == 'record 2: meta "when": a set has no JSON form; convert it, or leave out json=True'
    assert json.loads(lines[2])["error"] is None
