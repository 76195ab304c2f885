"""Runs examples/spark/extract.py on the corpus sample with local[2] and checks its Parquet
output against the command line's output on the same file."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CORPUS = ROOT / "corpus" / "orangesum-sample.jsonl.gz"


def cli_path() -> Path:
    if os.environ.get("FOUILLE_CLI"):
        return Path(os.environ["FOUILLE_CLI"])
    path = ROOT / "target" / "release" / "fouille"
    if not path.exists():
        subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "fouille"], cwd=ROOT, check=True)
    return path


def spark_env() -> dict:
    env = dict(os.environ)
    # The workers run the same Python (and so the same fouille) as this test; Spark stays on
    # the loopback interface and starts no web UI.
    env["PYSPARK_PYTHON"] = sys.executable
    env["PYSPARK_DRIVER_PYTHON"] = sys.executable
    env["SPARK_LOCAL_IP"] = "127.0.0.1"
    env["PYSPARK_SUBMIT_ARGS"] = "--conf spark.ui.enabled=false --conf spark.ui.showConsoleProgress=false pyspark-shell"
    return env


def run_job(input_path: Path, output: Path, *extra: str) -> None:
    proc = subprocess.run(
        [sys.executable, str(HERE / "extract.py"), str(input_path), str(output), "--master", "local[2]", *extra],
        env=spark_env(),
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr[-5000:]


@pytest.fixture(scope="module")
def spark():
    os.environ.update({k: v for k, v in spark_env().items() if k.startswith(("PYSPARK", "SPARK"))})
    from pyspark.sql import SparkSession

    session = SparkSession.builder.master("local[1]").appName("fouille-test").getOrCreate()
    yield session
    session.stop()


MIXED = [
    json.dumps({"id": "a", "text": "Le Burkina Faso a signé un accord avec la Russie.", "date": "2023-11-30"}),
    "{not json",
    "",
    "[1, 2]",
    "\ufeff" + json.dumps({"id": "bom", "text": "Le Mali et le Niger."}),
    json.dumps({"id": "e", "text": "   "}),
    json.dumps({"id": "d", "text": "Bonjour.", "date": "31/11/2023"}),
    json.dumps({"text": "Emmanuel Macron est à Paris."}),
    json.dumps({"id": "t", "text": 3}),
    json.dumps({"id": 1.5, "text": "Le Tchad."}),
    json.dumps({"id": True, "text": "Le Tchad."}),
    json.dumps({"id": "n", "text": None}),
    json.dumps({"id": "dn", "text": "Le Tchad.", "date": 12}),
    json.dumps({"id": "l", "text": ["Le Tchad."]}),
    json.dumps({"id": "bad-day", "text": "Le Tchad.", "date": "2023-13-45"}),
    json.dumps({"id": "meta", "text": "Le Tchad.", "title": 3, "tags": ["a"]}),
]


@pytest.fixture(scope="module")
def job(tmp_path_factory):
    """One run of the job over a directory holding the corpus sample and a file of bad lines."""
    tmp = tmp_path_factory.mktemp("spark")
    inputs = tmp / "in"
    (inputs / "sub").mkdir(parents=True)
    (inputs / "sub" / CORPUS.name).write_bytes(CORPUS.read_bytes())
    (inputs / "mixed.jsonl").write_text("\n".join(MIXED) + "\n", encoding="utf-8")
    (inputs / "notes.txt").write_text("not an input", encoding="utf-8")
    out = tmp / "out"
    run_job(inputs, out)
    return inputs, out


def articles_of(spark, out: Path, name: str) -> list:
    rows = spark.read.parquet(str(out / "articles")).collect()
    assert {Path(r["file"]).name for r in rows} == {CORPUS.name, "mixed.jsonl"}
    return [r for r in rows if Path(r["file"]).name == name]


def test_corpus_sample(job, spark):
    inputs, out = job
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        input_ids = [json.loads(line)["id"] for line in f if line.strip()]
    proc = subprocess.run(
        [str(cli_path()), "extract", str(CORPUS), "--quiet"], capture_output=True, text=True, check=True
    )
    expected = {r["id"]: r for r in map(json.loads, proc.stdout.splitlines())}
    assert len(expected) == len(input_ids) == 1000

    articles = articles_of(spark, out, CORPUS.name)
    # Every input article exactly once.
    ids = [a["id"] for a in articles]
    assert len(ids) == len(set(ids)) == 1000
    assert sorted(ids) == sorted(input_ids)
    for a in articles:
        want = expected[a["id"]]
        assert a["error_kind"] is None
        assert a["line"] == input_ids.index(a["id"]) + 1
        assert a["date"] == want["date"] and a["title"] == want.get("title")
        assert a["mentions"] == len(want["mentions"])
        assert a["sentences"] == len(want["sentences"])
        assert a["entities"] == len(want["entities"])
        assert a["claims"] == len(want["claims"])
        assert dict(a["mention_types"]) == dict(Counter(m["type"] for m in want["mentions"]))
        assert json.loads(a["claims_json"]) == want["claims"]
        assert json.loads(a["meta_json"]) == want["meta"]

    mentions = [m for m in spark.read.parquet(str(out / "mentions")).collect() if m["article_id"] in expected]
    # The mention counts equal the CLI's, per article, and every mention row is the CLI's.
    assert len(mentions) == sum(len(r["mentions"]) for r in expected.values())
    assert Counter(m["article_id"] for m in mentions) == Counter(
        {i: len(r["mentions"]) for i, r in expected.items() if r["mentions"]}
    )
    want_rows = {
        (i, m["id"]): (m["type"], m["text"], m["value"], m["start"], m["end"], m["entity"])
        for i, r in expected.items()
        for m in r["mentions"]
    }
    got_rows = {
        (m["article_id"], m["mention_id"]): (m["type"], m["text"], m["value"], m["start"], m["end"], m["entity"])
        for m in mentions
    }
    assert len(got_rows) == len(mentions)
    assert got_rows == want_rows


def test_bad_lines_give_error_rows(job, spark):
    inputs, out = job
    path = inputs / "mixed.jsonl"
    proc = subprocess.run([str(cli_path()), "extract", str(path), "--quiet"], capture_output=True, text=True)
    assert proc.returncode == 2
    expected = [json.loads(line) for line in proc.stdout.splitlines()]
    articles = {a["line"]: a for a in articles_of(spark, out, "mixed.jsonl")}
    # One row per line that is not blank, numbered as in the file.
    numbers = [n for n, line in enumerate(MIXED, start=1) if line.strip()]
    assert sorted(articles) == numbers
    assert len(expected) == len(numbers)
    for line, want in zip(numbers, expected):
        got = articles[line]
        assert got["id"] == want["id"], line
        assert got["error_kind"] == (want["error"] and want["error"]["kind"]), line
        if want["error"] is None:
            assert got["mentions"] == len(want["mentions"])
        else:
            # The command line's message, naming the file's line, not the record's place in a
            # partition.
            where = f'{path}:{line}: '
            assert want["error"]["message"].startswith(where)
            assert got["error_message"].endswith(f"mixed.jsonl:{line}: " + want["error"]["message"][len(where):])


def test_the_same_records_give_the_same_results_through_all_three(job, spark):
    """The command line on the file, the Spark job on the file, and fouille.extract_many on the
    records as Python reads them (json.loads; fouille.parse_record for the lines that are not
    JSON) give every line the same id and the same result or error kind."""
    import fouille

    inputs, out = job
    path = inputs / "mixed.jsonl"
    proc = subprocess.run([str(cli_path()), "extract", str(path), "--quiet"], capture_output=True, text=True)
    cli = [json.loads(line) for line in proc.stdout.splitlines()]
    numbers = [n for n, line in enumerate(MIXED, start=1) if line.strip()]
    spark_rows = {a["line"]: a for a in articles_of(spark, out, "mixed.jsonl")}

    def python_record(number: int, line: str):
        try:
            record = json.loads(line.lstrip("\ufeff"))
        except ValueError:
            return fouille.parse_record(line, file=str(path), line=number)
        if isinstance(record, dict) and record.get("id") is None:
            record["id"] = f"mixed:{number}"
        return record

    records = [python_record(n, MIXED[n - 1]) for n in numbers]
    # Lines that parse_record refused are already error objects; the rest go to extract_many.
    given = iter(fouille.extract_many([r for r in records if not (isinstance(r, dict) and "error" in r)]))
    python = [r if isinstance(r, dict) and "error" in r else next(given) for r in records]

    kinds = lambda r: r["error"] and r["error"]["kind"]
    assert [kinds(r) for r in cli] == [kinds(r) for r in python] == [spark_rows[n]["error_kind"] for n in numbers]
    assert [r["id"] for r in cli] == [spark_rows[n]["id"] for n in numbers]
    # A record that cannot name itself (its id is the problem, or it is not an object) is named
    # by its place: its line for the command line and the Spark job, which read lines, its
    # position among the records given to extract_many for Python.
    given_positions = iter(range(1, len(records) + 1))
    for record, want, got in zip(records, cli, python):
        position = None if isinstance(record, dict) and "error" in record else next(given_positions)
        if kinds(want) in ("invalid_id", "not_an_object"):
            assert want["id"].startswith("mixed:") and got["id"] == str(position)
        else:
            assert got["id"] == want["id"]
    assert [kinds(r) for r in cli] == [
        None, "invalid_json", "not_an_object", None, "empty_text", "invalid_date", None, "invalid_text",
        None, "invalid_id", "missing_text", "invalid_date", "invalid_text", "invalid_date", None,
    ]
    for want, got in zip(cli, python):
        if want["error"] is None:
            assert got == want
    # parse_record gives the command line's own error object for a line.
    assert fouille.parse_record(MIXED[1], file=str(path), line=2) == cli[1]
