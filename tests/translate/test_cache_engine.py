"""The translation cache: only misses reach the engine; safe across processes; self-healing."""
from __future__ import annotations

import multiprocessing as mp
import sqlite3

import pytest

from tests.translate.fake_engines import ReversingEngine
from tqcheck.cache.translations import CachedEngine


def test_only_misses_reach_the_engine(tmp_path):
    inner = ReversingEngine()
    cached = CachedEngine(inner, tmp_path / "c.sqlite3")
    assert cached.translate_batch(["a b", "c d", "a b"], "es", "en") == ["b a", "d c", "b a"]
    assert inner.calls == [["a b", "c d"]]  # one batch, duplicates sent once
    assert cached.translate_batch(["c d", "e f"], "es", "en") == ["d c", "f e"]
    assert inner.calls[-1] == ["e f"]
    assert cached.stats == {"hits": 2, "misses": 3}


def test_a_new_model_version_is_a_miss(tmp_path):
    path = tmp_path / "c.sqlite3"
    CachedEngine(ReversingEngine(version="1"), path).translate_batch(["a b"], "es", "en")
    newer = ReversingEngine(version="2")
    CachedEngine(newer, path).translate_batch(["a b"], "es", "en")
    assert newer.calls == [["a b"]]


def _writer(path: str, start: int, n: int) -> None:
    engine = CachedEngine(ReversingEngine(), path)
    for i in range(start, start + n, 50):
        engine.translate_batch([f"text {j} here" for j in range(i, i + 50)], "es", "en")


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    path = str(tmp_path / "c.sqlite3")
    # Overlapping ranges: both processes insert many of the same keys at the same time.
    procs = [mp.get_context("spawn").Process(target=_writer, args=(path, s, 2000)) for s in (0, 1000)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    db = sqlite3.connect(path)
    assert db.execute("SELECT count(*) FROM translations").fetchone()[0] == 3000
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = dict(db.execute("SELECT text_hash, translation FROM translations").fetchall())
    engine = CachedEngine(ReversingEngine(), path)
    assert engine.translate_batch(["text 2999 here"], "es", "en") == ["here 2999 text"]
    assert engine.stats["misses"] == 0 and len(rows) == 3000


@pytest.mark.parametrize("damage", [b"this is not a database at all" * 100,
                                    b"SQLite format 3\x00" + b"\xff" * 4000],
                         ids=["garbage", "bad-pages"])
def test_corrupt_cache_is_moved_aside_and_rebuilt(tmp_path, damage):
    path = tmp_path / "c.sqlite3"
    path.write_bytes(damage)
    engine = CachedEngine(ReversingEngine(), path)
    with pytest.warns(RuntimeWarning, match="corrupt"):
        assert engine.translate_batch(["a b"], "es", "en") == ["b a"]
    assert list(tmp_path.glob("c.sqlite3.corrupt-*"))
    assert CachedEngine(ReversingEngine(), path).translate_batch(["a b"], "es", "en") == ["b a"]
