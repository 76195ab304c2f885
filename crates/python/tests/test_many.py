"""extract_many: input order over many batches, ids, meta, default date, lazy reading, the GIL."""

from __future__ import annotations

import threading
import time

import fouille
import pytest

COUNTRIES = ["Mali", "Niger", "Burkina Faso", "Sénégal", "Tchad", "Bénin", "Togo", "Ghana"]
CODES = ["ML", "NE", "BF", "SN", "TD", "BJ", "TG", "GH"]


def record(i: int) -> dict:
    # Texts of very different lengths, so that threads finish out of order.
    filler = " Le président a parlé longuement de la situation." * (i % 17) * 3
    return {"id": f"r{i}", "text": f"Le {COUNTRIES[i % 8]} a reçu {i} visiteurs.{filler}"}


@pytest.mark.parametrize("threads", [1, 2, 3])
def test_order_is_kept_across_batches(threads):
    n = 1100  # more than four batches of 256
    results = list(fouille.extract_many((record(i) for i in range(n)), threads=threads))
    assert [r["id"] for r in results] == [f"r{i}" for i in range(n)]
    for i, r in enumerate(results):
        assert r["mentions"][0]["value"] == CODES[i % 8]
        number = str(i)
        assert r["claims"][0]["text"].split(" a reçu ")[1].startswith(number + " ")


def test_positions_name_records_without_id():
    results = list(fouille.extract_many([{"text": "Le Mali."}, {"text": "Le Tchad.", "id": None}, {"text": "Le Togo.", "id": "t"}]))
    assert [r["id"] for r in results] == ["1", "2", "t"]


def test_meta_carries_the_records_own_objects():
    tags = ["a", "b"]
    records = [{"text": "Le Mali.", "url": "https://example.org", "tags": tags, "n": 1.5, "title": "T"}]
    [result] = fouille.extract_many(records)
    assert result["title"] == "T"
    assert result["meta"] == {"url": "https://example.org", "tags": ["a", "b"], "n": 1.5}
    assert result["meta"]["tags"] is tags
    # meta comes where the CLI writes it: just before error.
    assert list(result)[-2:] == ["meta", "error"]
    [plain] = fouille.extract_many([{"text": "Le Mali."}])
    assert "meta" not in plain and "title" not in plain


def test_default_date():
    records = [{"text": "Il est arrivé hier."}, {"text": "Il est arrivé hier.", "date": "2020-01-01"}]
    results = list(fouille.extract_many(records, date="2023-11-30"))
    assert [r["date"] for r in results] == ["2023-11-30", "2020-01-01"]
    assert [r["mentions"][0]["value"] for r in results] == ["2023-11-29", "2019-12-31"]


def test_empty_input():
    assert list(fouille.extract_many([])) == []
    assert list(fouille.extract_many(iter(()))) == []


def test_records_are_read_lazily_in_bounded_batches():
    read = 0

    def gen():
        nonlocal read
        for i in range(10_000):
            read += 1
            yield {"text": f"Le Mali, {i}."}

    results = fouille.extract_many(gen(), threads=1)
    assert read == 0
    next(results)
    # The first batch, and the next one started while the first is handed out.
    assert read <= 2 * 256
    results = None  # dropping a half-read iterator is fine


def test_dropping_an_iterator_mid_batch_is_safe():
    for _ in range(5):
        it = fouille.extract_many(record(i) for i in range(2000))
        next(it)
        del it


def test_results_is_an_iterator():
    it = fouille.extract_many([{"text": "Le Mali."}])
    assert iter(it) is it
    assert isinstance(it, fouille.Results)
    assert next(it)["id"] == "1"
    with pytest.raises(StopIteration):
        next(it)


class Counter(threading.Thread):
    """A Python thread that counts as long as it holds the GIL."""

    def __init__(self):
        super().__init__(daemon=True)
        self.count = 0
        self.stop = False

    def run(self):
        while not self.stop:
            self.count += 1


def counted_while(call):
    """Runs call() while a Counter runs; returns call's value, the time it took and how far the
    counter went meanwhile, as a share of how far it goes in that time when nothing else wants
    the GIL (the main thread asleep)."""
    counter = Counter()
    counter.start()
    time.sleep(0.05)
    before = counter.count
    time.sleep(0.2)
    rate = (counter.count - before) / 0.2
    before = counter.count
    start = time.perf_counter()
    value = call()
    elapsed = time.perf_counter() - start
    during = counter.count - before
    counter.stop = True
    counter.join()
    return value, elapsed, during / (rate * elapsed)


def long_text() -> str:
    return " ".join(record(i)["text"] for i in range(3000))


# A call that held the GIL throughout would let the counter run only at the switch interval's
# edges (5 ms) before and after it: a share of about 1 %, where these calls last a second or
# more. With the GIL released the counter shares the CPUs with the analysis threads.


def test_extract_releases_the_gil():
    text = long_text()
    result, elapsed, share = counted_while(lambda: fouille.extract(text))
    assert result["mentions"]
    assert elapsed > 0.3
    assert share > 0.15, (share, elapsed)


def test_extract_many_releases_the_gil():
    # One call to next() analyses the whole first batch: the counter must go on meanwhile.
    records = [{"text": long_text()}] + [record(i) for i in range(600)]
    results = fouille.extract_many(records, threads=2)
    first, elapsed, share = counted_while(lambda: next(results))
    assert first["mentions"]
    assert elapsed > 0.3
    assert share > 0.1, (share, elapsed)
    assert len(list(results)) == 600
