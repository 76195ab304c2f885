"""Shared fixtures: the repository, the command line to compare with, the corpus sample."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "corpus" / "orangesum-sample.jsonl.gz"
FIXTURES = ROOT / "fixtures"


def cli_path() -> Path:
    """The `fouille` binary: $FOUILLE_CLI, else target/release/fouille, built when missing."""
    if os.environ.get("FOUILLE_CLI"):
        return Path(os.environ["FOUILLE_CLI"])
    path = ROOT / "target" / "release" / "fouille"
    if not path.exists():
        subprocess.run(
            ["cargo", "build", "--release", "--quiet", "--bin", "fouille"], cwd=ROOT, check=True
        )
    return path


@pytest.fixture(scope="session")
def cli() -> Path:
    return cli_path()


def run_cli(cli: Path, *args: str | Path) -> list[dict]:
    """Runs `fouille extract ARGS` and parses its JSON lines (exit status 2 means some records
    failed, which some tests want)."""
    proc = subprocess.run(
        [str(cli), "extract", *map(str, args)], capture_output=True, text=True, encoding="utf-8"
    )
    assert proc.returncode in (0, 2), proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


def read_jsonl(path: Path) -> list[dict]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="session")
def corpus_records() -> list[dict]:
    return read_jsonl(CORPUS)


def fixture_dates() -> dict[str, str]:
    dates = {}
    path = FIXTURES / "dates.tsv"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                name, date = line.split("\t")[:2]
                dates[name] = date.strip()
    return dates
