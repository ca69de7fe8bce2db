"""English WordNet 3.0 (Debian `wordnet-base`) from its own index files: which synsets a
lemma belongs to, so that a translator's synonym ("catástrofe" → catastrophe ~ disaster)
counts as a counterpart. Other languages reach it through their English dictionary
translations."""
from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

WORDNET_DIR = Path("/usr/share/wordnet")
_INDEXES = ("index.noun", "index.verb", "index.adj", "index.adv")
# Senses per lemma kept, most frequent first: rare senses make everything a synonym.
MAX_SENSES = 3


@lru_cache(maxsize=1)
def available() -> bool:
    return (WORDNET_DIR / "index.noun").is_file()


def cached(name: str, files: tuple[str, ...], build: Callable[[], T]) -> T:
    """`build()`, kept as a pickle next to the translation cache and rebuilt when the
    WordNet files change: parsing them takes ~1 s, loading the pickle ~0.1 s."""
    stamp = [(n, (WORDNET_DIR / n).stat().st_size, (WORDNET_DIR / n).stat().st_mtime_ns)
             for n in files if (WORDNET_DIR / n).is_file()]
    base = Path(os.environ.get("TQCHECK_CACHE_DIR", Path.home() / ".cache" / "tqcheck"))
    path = base / f"{name}.pickle"
    try:
        with path.open("rb") as fh:
            got_stamp, table = pickle.load(fh)
        if got_stamp == stamp:
            return table
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError):
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


@lru_cache(maxsize=1)
def _synsets() -> dict[str, frozenset[str]]:
    return cached("wordnet-synsets", _INDEXES, _parse)


def _parse() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for name in _INDEXES:
        path = WORDNET_DIR / name
        if not path.is_file():
            continue
        pos = name.split(".")[1][0]
        with path.open(encoding="latin-1") as fh:
            for line in fh:
                if line.startswith(" "):
                    continue
                f = line.split()
                n = int(f[2])
                offsets = f[-n:][:MAX_SENSES]
                out.setdefault(f[0], set()).update(pos + o for o in offsets)
    return {k: frozenset(v) for k, v in out.items()}


def synsets(lemma: str) -> frozenset[str]:
    return _synsets().get(lemma.lower().replace(" ", "_"), frozenset())


def senses(lemmas: set[str]) -> frozenset[str]:
    """The synsets of any of these English lemmas (none without WordNet)."""
    if not available() or not lemmas:
        return frozenset()
    return frozenset().union(*(synsets(x) for x in lemmas))

