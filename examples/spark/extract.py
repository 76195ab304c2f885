"""Runs fouille over JSON Lines with Spark and writes two Parquet datasets.

    python examples/spark/extract.py INPUT OUTPUT [--master local[2]] [--date YYYY-MM-DD]
    spark-submit examples/spark/extract.py INPUT OUTPUT          # on a cluster

INPUT is a JSON Lines file (plain or gzipped), a directory of them (walked for .jsonl,
.jsonl.gz, .ndjson, .ndjson.gz) or a glob, on any file system Spark reads (local, HDFS, S3).
Each line is a record as ``fouille extract`` reads it: ``text``, optionally ``id``, ``date``,
``title``; other fields are kept as ``meta``.

OUTPUT receives

* ``OUTPUT/articles``: one row per input line, whatever happened to it: ``id``, ``date``,
  ``title``, ``file`` and ``line`` (where the record came from), the counts (``sentences``,
  ``mentions``, ``entities``, ``claims``, and ``mention_types``: mentions per type), ``claims_json``
  (the claims as a JSON array, as in the fouille/1 contract), ``meta_json``, and ``error_kind``,
  ``error_message`` (null unless the record could not be analysed: bad JSON, no text, an empty
  text, a bad date...: the kind and message ``fouille extract`` gives the same line, naming the
  file and line);
* ``OUTPUT/mentions``: one row per mention: ``article_id``, ``mention_id``, ``type``, ``text``,
  ``value``, ``start``, ``end`` (code points: Spark's ``substring(text, start + 1, end - start)``),
  ``byte_start``, ``byte_end``, ``sentence``, ``entity`` (its entity's id) and ``entity_name``.

Each partition is analysed by ``fouille.extract_many`` (bounded batches, the GIL released), in
the Python worker, whose fouille pipeline is built once per process. Spark already runs one
task per core, so each task uses ``spark.task.cpus`` analysis threads (1 by default).

Every node needs the ``fouille`` package in the Python that runs the workers
(``pip install ./crates/python``, or a packed environment given with ``--archives``).
"""

from __future__ import annotations

import argparse
import json
import posixpath
import re
import sys
from collections import deque
from typing import Iterable, Iterator

from pyspark import StorageLevel
from pyspark.sql import SparkSession
from pyspark.sql.types import (
    IntegerType,
    LongType,
    MapType,
    StringType,
    StructField,
    StructType,
)

INPUT_NAME = re.compile(r"\.(jsonl|ndjson)(\.gz)?$", re.IGNORECASE)

ARTICLES = StructType(
    [
        StructField("id", StringType()),
        StructField("date", StringType()),
        StructField("title", StringType()),
        StructField("file", StringType()),
        StructField("line", LongType()),
        StructField("sentences", IntegerType()),
        StructField("mentions", IntegerType()),
        StructField("entities", IntegerType()),
        StructField("claims", IntegerType()),
        StructField("mention_types", MapType(StringType(), IntegerType())),
        StructField("claims_json", StringType()),
        StructField("meta_json", StringType()),
        StructField("error_kind", StringType()),
        StructField("error_message", StringType()),
    ]
)

MENTIONS = StructType(
    [
        StructField("article_id", StringType()),
        StructField("mention_id", StringType()),
        StructField("type", StringType()),
        StructField("text", StringType()),
        StructField("value", StringType()),
        StructField("start", IntegerType()),
        StructField("end", IntegerType()),
        StructField("byte_start", IntegerType()),
        StructField("byte_end", IntegerType()),
        StructField("sentence", IntegerType()),
        StructField("entity", StringType()),
        StructField("entity_name", StringType()),
    ]
)


def input_files(spark: SparkSession, path: str) -> list[str]:
    """The files a path names, through Hadoop's file system API (so any file system Spark
    reads): a file, a glob, or a directory walked for JSON Lines files, in name order."""
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    hpath = jvm.org.apache.hadoop.fs.Path(path)
    fs = hpath.getFileSystem(conf)
    files = []
    for status in fs.globStatus(hpath) or []:
        if status.isDirectory():
            found = fs.listFiles(status.getPath(), True)
            while found.hasNext():
                f = found.next().getPath()
                if INPUT_NAME.search(f.getName()):
                    files.append(f.toString())
        else:
            files.append(status.getPath().toString())
    return sorted(files)


def read_lines(spark: SparkSession, files: list[str]):
    """(file, line number, line) for every line of every file. Line numbers are the file's
    own, counted from 1, as in the CLI's ids and messages. Spark's text reader decodes lines
    as UTF-8 with replacement: where the CLI reports a line that is not UTF-8 as an
    `invalid_utf8` error, this job analyses it with U+FFFD in place of the bad bytes."""
    sc = spark.sparkContext

    def tag(path: str):
        return lambda pair: (path, pair[1] + 1, pair[0])

    rdds = [sc.textFile(f).zipWithIndex().map(tag(f)) for f in files]
    return sc.union(rdds).filter(lambda t: t[2].strip() != "")


def analyse_partition(lines: Iterable[tuple], threads: int, date: str | None) -> Iterator[tuple]:
    """Runs in the Python workers: one extract_many over the partition's records, so that the
    analysis runs in bounded batches with the GIL released and nothing is set up per row."""
    import fouille

    # The records fouille will see, and where each came from, in order. Each line is read by
    # fouille.parse_record, the command line's own reading: a line that is not a record (not
    # JSON, not an object, fields of the wrong type, an empty text, a bad date) gives the
    # command line's error object, naming its file and line, at once.
    origins: deque[tuple[str, int]] = deque()
    failed: deque[tuple] = deque()

    def records() -> Iterator[dict]:
        for path, number, line in lines:
            record = fouille.parse_record(line, file=path, line=number)
            if "error" in record:
                failed.append((record, path, number))
            else:
                origins.append((path, number))
                yield record

    for result in fouille.extract_many(records(), threads=threads, date=date):
        while failed:
            yield from rows(*failed.popleft())
        yield from rows(result, *origins.popleft())
    while failed:
        yield from rows(*failed.popleft())


def rows(result: dict, path: str, number: int) -> Iterator[tuple]:
    """The article row and the mention rows of one result, tagged "a" and "m"."""
    error = result.get("error")
    if error:
        yield (
            "a",
            (result.get("id"), None, None, path, number, None, None, None, None, None, None, None,
             error["kind"], error["message"]),
        )
        return
    mentions = result["mentions"]
    types: dict[str, int] = {}
    for m in mentions:
        types[m["type"]] = types.get(m["type"], 0) + 1
    meta = result.get("meta")
    yield (
        "a",
        (
            result["id"],
            result["date"],
            result.get("title"),
            path,
            number,
            len(result["sentences"]),
            len(mentions),
            len(result["entities"]),
            len(result["claims"]),
            types,
            json.dumps(result["claims"], ensure_ascii=False),
            json.dumps(meta, ensure_ascii=False) if meta else None,
            None,
            None,
        ),
    )
    names = {e["id"]: e["name"] for e in result["entities"]}
    for m in mentions:
        yield (
            "m",
            (
                result["id"],
                m["id"],
                m["type"],
                m["text"],
                m["value"],
                m["start"],
                m["end"],
                m["byte_start"],
                m["byte_end"],
                m["sentence"],
                m["entity"],
                names.get(m["entity"]),
            ),
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Runs fouille over JSON Lines with Spark; writes Parquet.")
    parser.add_argument("input", help="a JSON Lines file (.jsonl, .jsonl.gz), a directory of them, or a glob")
    parser.add_argument("output", help="the output directory: OUTPUT/articles and OUTPUT/mentions (overwritten)")
    parser.add_argument("--master", help="Spark master (e.g. local[2]); by default spark-submit's")
    parser.add_argument("--date", help="publication date (YYYY-MM-DD) of articles that give none")
    parser.add_argument(
        "--partitions",
        type=int,
        help="partitions to analyse (default: 4 per core of the cluster); a gzipped file is read "
        "by one task, so its lines are spread out before the analysis",
    )
    args = parser.parse_args(argv)

    builder = SparkSession.builder.appName("fouille-extract")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    try:
        files = input_files(spark, args.input)
        if not files:
            print(f"extract.py: {args.input}: no JSON Lines files", file=sys.stderr)
            return 1
        threads = int(sc.getConf().get("spark.task.cpus", "1"))
        partitions = args.partitions or 4 * sc.defaultParallelism
        date = args.date
        tagged = (
            read_lines(spark, files)
            .repartition(partitions)
            .mapPartitions(lambda part: analyse_partition(part, threads, date))
            .persist(StorageLevel.MEMORY_AND_DISK)
        )
        articles = spark.createDataFrame(tagged.filter(lambda t: t[0] == "a").map(lambda t: t[1]), ARTICLES)
        mentions = spark.createDataFrame(tagged.filter(lambda t: t[0] == "m").map(lambda t: t[1]), MENTIONS)
        articles.write.mode("overwrite").parquet(posixpath.join(args.output, "articles"))
        mentions.write.mode("overwrite").parquet(posixpath.join(args.output, "mentions"))
        tagged.unpersist()
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
