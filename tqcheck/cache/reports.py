"""Finished reports, cached next to the translations: a re-run over unchanged articles
costs a hash and a look-up instead of detection, alignment and scoring again.

Keyed by both files' bytes and read formats, the options and the tqcheck version; on a
hit the engine's current model and version must still match the report's, so upgrading a
model never serves a stale report. What is stored names no file: the same content under
another name or in another folder is the same report, and `Report.named` gives it the
names of the run that asks.
"""
from __future__ import annotations

import functools
import hashlib
import pickle
import sqlite3
import warnings
from dataclasses import replace
from typing import TYPE_CHECKING
from collections.abc import Callable
from pathlib import Path

from tqcheck import __version__
from tqcheck.result import Report
from tqcheck.cache.translations import default_path
from tqcheck.errors import TqcheckError
from tqcheck.glossary import mtime
from tqcheck.read import format_for
from tqcheck.translate.base import EngineInfo
from tqcheck.translate.registry import get_engine

if TYPE_CHECKING:
    from tqcheck.options import CheckOptions

SCHEMA = "CREATE TABLE IF NOT EXISTS reports (key TEXT PRIMARY KEY, report BLOB NOT NULL) WITHOUT ROWID"


PACKAGE = Path(__file__).resolve().parents[1]  # the whole tqcheck package, not just cache/


def code_files() -> list[Path]:
    """tqcheck's own code and shipped calibrations: what a report depends on."""
    return [p for p in sorted(PACKAGE.rglob("*"))
            if p.suffix in (".py", ".json") and "__pycache__" not in p.parts]


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of code_files(): a report made by other checks (an upgrade, a local edit)
    must never be served from the cache."""
    h = hashlib.sha256(__version__.encode())
    for path in code_files():
        h.update(str(path.relative_to(PACKAGE)).encode() + b"\x00" + path.read_bytes())
    return h.hexdigest()


def report_key(src: str | Path, tgt: str | Path | None, options_repr: str,
               formats: tuple[str, str]) -> str | None:
    """None when an input cannot be hashed (stdin, unreadable): such runs are not cached.

    `formats` are the readers the two sides go through: a name's suffix picks the reader,
    so the same bytes as .md and as .txt are different articles."""
    h = hashlib.sha256(f"{code_fingerprint()}\x1f{options_repr}\x1f{formats}".encode())
    for p in (src, tgt):
        if p is None:
            h.update(b"\x00")
            continue
        if str(p) == "-":
            return None
        try:
            h.update(Path(p).read_bytes())
        except OSError:
            return None
        h.update(b"\x1f")
    return h.hexdigest()


class ReportCache:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None

    def _conn(self) -> sqlite3.Connection | None:
        if self._db is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
                db.execute("PRAGMA busy_timeout = 30000")
                db.execute("PRAGMA journal_mode = WAL")
                db.execute(SCHEMA)
                self._db = db
            except (sqlite3.Error, OSError):
                return None  # the translation cache reports cache trouble; this one just skips
        return self._db

    def get(self, key: str, engine_info: Callable[[str, str], EngineInfo | None],
            names: tuple[str, str]) -> Report | None:
        """The cached report for `key`, named `names` (source, translation)."""
        db = self._conn()
        if db is None:
            return None
        try:
            row = db.execute("SELECT report FROM reports WHERE key = ?", (key,)).fetchone()
            report = pickle.loads(row[0]) if row else None
        except (sqlite3.Error, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
            return None
        if not isinstance(report, Report):
            return None
        if engine_info(report.translation.lang, report.source.lang) != report.engine:
            return None
        return report.named(*names)

    def put(self, key: str, report: Report) -> None:
        db = self._conn()
        if db is None:
            return
        try:
            stored = report.named("", "")
            db.execute("INSERT OR REPLACE INTO reports VALUES (?, ?)", (key, pickle.dumps(stored)))
        except sqlite3.Error:
            return


# The pipeline's calls: the cache, the key and the engine check for a run's options.
def for_options(opts: CheckOptions) -> ReportCache | None:
    """The report cache a run's options ask for, or None (--no-cache)."""
    if opts.cache is False:
        return None
    return ReportCache(default_path() if opts.cache is True else Path(opts.cache))


def key_for(opts: CheckOptions, src: str | Path, tgt: str | Path | None) -> str | None:
    # Cache and thread settings change nothing in a report, so they stay out of the key;
    # the glossary and word list are files whose content does.
    try:
        formats = ("bilingual", "bilingual") if tgt is None else (
            format_for(src, opts.src_format), format_for(tgt, opts.tgt_format))
    except TqcheckError:
        return None
    files = "".join(f"|{p}@{mtime(p)}" for p in (opts.glossary, opts.words) if p)
    return report_key(src, tgt, repr(replace(opts, cache=True, threads=None)) + files, formats)


def engine_info_for(opts: CheckOptions) -> Callable[[str, str], EngineInfo | None]:
    """Which engine and model would translate now: a cached report made by another one is
    stale. Memoised, so a batch of cached articles loads each engine once."""
    @functools.lru_cache(maxsize=None)
    def info(tgt: str, src: str) -> EngineInfo | None:
        try:
            with warnings.catch_warnings():  # the run itself warns when it falls back
                warnings.simplefilter("ignore")
                return get_engine(opts.engine, tgt, src, cache=False, threads=opts.threads,
                                  require=opts.require_engine, **opts.engine_options()).info(tgt, src)
        except TqcheckError:
            return None
    return info
