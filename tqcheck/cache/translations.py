"""A translation cache that wraps any engine: SQLite, shared safely between processes.

Keyed by engine, model package and version, languages and the text's SHA-256, so a new
model version never serves old translations. WAL mode and INSERT OR IGNORE keep two
tqcheck processes writing at once from losing or corrupting entries.
"""
from __future__ import annotations

import hashlib
import os
import random
import sqlite3
import time
import warnings
from collections.abc import Sequence
from pathlib import Path

from tqcheck.errors import EngineError
from tqcheck.settings import core
from tqcheck.translate.base import Engine, EngineInfo

SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    engine TEXT NOT NULL, model TEXT NOT NULL, version TEXT NOT NULL,
    src TEXT NOT NULL, tgt TEXT NOT NULL, text_hash TEXT NOT NULL,
    translation TEXT NOT NULL, created REAL NOT NULL,
    PRIMARY KEY (engine, model, version, src, tgt, text_hash)
) WITHOUT ROWID;
"""
# SQLite caps host parameters per statement; look-ups go in slices below it.
OPEN_TIMEOUT_S = 30
_SLICE = 500


def cache_home() -> Path:
    """tqcheck's folder in the user's cache ($XDG_CACHE_HOME or ~/.cache)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")) / "tqcheck"


def default_path() -> Path:
    env = os.environ.get(str(core("cache").env))
    if env:
        return Path(env)
    return cache_home() / "translations.sqlite3"


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class CachedEngine(Engine):
    def __init__(self, inner: Engine, path: Path | None = None) -> None:
        self.inner = inner
        self.name = inner.name
        self.path = Path(path) if path else default_path()
        self.stats = {"hits": 0, "misses": 0}
        self._db: sqlite3.Connection | None = None

    # -- the Engine contract, delegated -------------------------------------------
    def supports(self, src: str, tgt: str) -> bool:
        return self.inner.supports(src, tgt)

    def info(self, src: str, tgt: str) -> EngineInfo:
        return self.inner.info(src, tgt)

    def pairs(self) -> list[tuple[str, str]]:
        return self.inner.pairs()

    def translate_batch(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        info = self.inner.info(src, tgt)
        key = (info.name, info.model, info.version, src, tgt)
        hashes = [_hash(t) for t in texts]
        found = self._lookup(key, sorted(set(hashes)))
        first: dict[str, int] = {}
        for i, h in enumerate(hashes):
            if h not in found:
                first.setdefault(h, i)  # duplicates go to the engine once, in input order
        missing = sorted(first.values())
        self.stats["hits"] += len(texts) - len(missing)
        self.stats["misses"] += len(missing)
        if missing:
            fresh = self.inner.translate_batch([texts[i] for i in missing], src, tgt)
            new = {hashes[i]: out for i, out in zip(missing, fresh)}
            self._store(key, new)
            found.update(new)
        return [found[h] for h in hashes]

    # -- storage ------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        if self._db is not None:
            return self._db
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = self._open()
        except sqlite3.DatabaseError as exc:
            if not self._is_corruption(exc):
                raise EngineError(f"translation cache {self.path}: {exc}") from exc
            self._db = self._rebuild(exc)
        except OSError as exc:
            raise EngineError(f"translation cache {self.path}: {exc.strerror or exc}; "
                              "use --no-cache or --cache PATH") from exc
        return self._db

    def _open(self) -> sqlite3.Connection:
        # Switching a new file to WAL and creating the schema take locks for which SQLite
        # does not always call the busy handler: two processes opening a fresh cache at
        # once get "database is locked" at once. Retry the whole opening for a while.
        deadline = time.monotonic() + OPEN_TIMEOUT_S
        delay = 0.02
        while True:
            db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            try:
                db.execute("PRAGMA busy_timeout = 30000")
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = NORMAL")
                db.executescript(SCHEMA)
                break
            except sqlite3.OperationalError as exc:
                db.close()
                busy = "locked" in str(exc).lower() or "busy" in str(exc).lower()
                if not busy or time.monotonic() > deadline:
                    raise
                time.sleep(delay + random.random() * delay)
                delay = min(delay * 2, 0.5)
        # Reads the whole b-tree cheaply enough to catch a damaged file up front.
        row = db.execute("PRAGMA quick_check").fetchone()
        if row is None or row[0] != "ok":
            db.close()
            raise sqlite3.DatabaseError(f"database disk image is malformed ({row})")
        return db

    @staticmethod
    def _is_corruption(exc: sqlite3.DatabaseError) -> bool:
        msg = str(exc).lower()
        return "not a database" in msg or "malformed" in msg or "corrupt" in msg

    def _rebuild(self, exc: Exception) -> sqlite3.Connection:
        aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
        for suffix in ("", "-wal", "-shm"):
            p = Path(str(self.path) + suffix)
            if p.exists():
                p.replace(Path(str(aside) + suffix))
        warnings.warn(f"translation cache {self.path} was corrupt ({exc}); moved it to {aside} "
                      "and started a new one", RuntimeWarning, stacklevel=3)
        return self._open()

    def _lookup(self, key: tuple[str, ...], hashes: list[str]) -> dict[str, str]:
        db = self._connect()
        out: dict[str, str] = {}
        for start in range(0, len(hashes), _SLICE):
            part = hashes[start : start + _SLICE]
            marks = ",".join("?" * len(part))
            rows = db.execute(
                "SELECT text_hash, translation FROM translations WHERE engine=? AND model=? "
                f"AND version=? AND src=? AND tgt=? AND text_hash IN ({marks})", (*key, *part))
            out.update(rows.fetchall())
        return out

    def _store(self, key: tuple[str, ...], new: dict[str, str]) -> None:
        db = self._connect()
        now = time.time()
        rows = [(*key, h, t, now) for h, t in new.items()]
        # One short transaction per slice: another process is never blocked for long,
        # and what was translated before an interruption is already saved.
        for start in range(0, len(rows), _SLICE):
            with db:
                db.execute("BEGIN IMMEDIATE")
                db.executemany("INSERT OR IGNORE INTO translations VALUES (?,?,?,?,?,?,?,?)",
                               rows[start : start + _SLICE])

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
