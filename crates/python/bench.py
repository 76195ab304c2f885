"""Throughput of fouille.extract_many against the command line's, on the same articles.

Usage (from the repository root, with the package installed and the CLI built):

    python crates/python/bench.py [--input corpus/orangesum-sample.jsonl.gz]
        [--cli target/release/fouille] [--threads 1 2] [--repeat 9] [--copies 4]

For each thread count it prints the MB/s of article text (UTF-8 bytes) of

* ``extract_many``: records already in memory as dicts (as a caller holds them), every result
  dict built and handed out; the pipeline is built before timing;
* ``extract_many(json=True)``: the same, each result handed out as JSON text;
* the CLI, ``fouille extract INPUT.jsonl -o /dev/null --threads N`` on the same records
  written as JSON Lines: the process's wall time less that of a one-record run (process
  start and pipeline construction), so that both figures count the same work; the CLI also
  reads and parses its input, which the Python figure leaves to the caller;

and their ratio. Each figure is the median of ``--repeat`` runs, alternated, each over
``--copies`` copies of the input (so that a run lasts long enough for the figure to mean
something on a shared machine, whose speed moves from one second to the next).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import fouille

ROOT = Path(__file__).resolve().parents[2]


def read_records(path: Path) -> list[dict]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def time_python(records: list[dict], threads: int, json: bool = False) -> float:
    start = time.perf_counter()
    n = 0
    for result in fouille.extract_many(records, threads=threads, json=json):
        n += len(result) if json else len(result.get("mentions", ()))
    elapsed = time.perf_counter() - start
    assert n > 0
    return elapsed


def time_cli(cli: Path, path: Path, threads: int) -> float:
    start = time.perf_counter()
    subprocess.run(
        [str(cli), "extract", str(path), "-o", os.devnull, "--threads", str(threads), "--quiet"],
        check=True,
    )
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=ROOT / "corpus/orangesum-sample.jsonl.gz")
    parser.add_argument("--cli", type=Path, default=ROOT / "target/release/fouille")
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--copies", type=int, default=4)
    args = parser.parse_args()

    records = read_records(args.input) * args.copies
    mb = sum(len(r["text"].encode("utf-8")) for r in records) / 1e6
    fouille.extract("Le Burkina Faso.")  # builds the shared pipeline before timing

    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.jsonl"
        one.write_text(json.dumps(records[0], ensure_ascii=False) + "\n", encoding="utf-8")
        every = Path(tmp) / "input.jsonl"
        with open(every, "w", encoding="utf-8") as f:
            for record in records:
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(
            f"{len(records)} articles ({args.copies} copies of {args.input.name}), "
            f"{mb:.2f} MB of text; {os.cpu_count()} cores; median of {args.repeat} runs"
        )
        print(
            f"{'threads':>7}  {'dicts MB/s':>10}  {'json MB/s':>9}  {'CLI MB/s':>8}"
            f"  {'dicts/CLI time':>14}  {'json/CLI time':>13}"
        )
        for threads in args.threads:
            py_times, json_times, cli_times, start_times = [], [], [], []
            for _ in range(args.repeat):
                py_times.append(time_python(records, threads))
                json_times.append(time_python(records, threads, json=True))
                cli_times.append(time_cli(args.cli, every, threads))
                start_times.append(time_cli(args.cli, one, threads))
            py = statistics.median(py_times)
            js = statistics.median(json_times)
            cli = statistics.median(cli_times) - statistics.median(start_times)
            print(
                f"{threads:>7}  {mb / py:>10.2f}  {mb / js:>9.2f}  {mb / cli:>8.2f}"
                f"  {py / cli:>13.2f}x  {js / cli:>12.2f}x"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
