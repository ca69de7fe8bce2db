"""Tables derived from installed resource files (WordNet's indexes, simplemma's
dictionaries), kept as pickles in tqcheck's cache folder: building one takes about a
second of Python, loading it a small part of that. A table is rebuilt when any of its
files changes (size or time), so it is never stale; it holds nothing of the user's text,
so `--no-cache` (which is about translations and reports) does not touch it."""
from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    """$TQCHECK_CACHE_DIR, else tqcheck's cache folder. Not beside a `--cache FILE`: the
    tables are the same for every translation cache, and each test has one of its own."""
    from tqcheck.cache.translations import cache_home

    return Path(os.environ.get("TQCHECK_CACHE_DIR") or cache_home())


def cached(name: str, files: Sequence[Path], build: Callable[[], T]) -> T:
    """`build()`, from `<cache dir>/<name>.pickle` while `files` are unchanged."""
    stamp = [(p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in files if p.is_file()]
    path = cache_dir() / f"{name}.pickle"
    try:
        with path.open("rb") as fh:
            got_stamp, table = pickle.load(fh)
        if got_stamp == stamp:
            return table  # type: ignore[no-any-return]
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
        pass
    table = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump((stamp, table), fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass
    return table
