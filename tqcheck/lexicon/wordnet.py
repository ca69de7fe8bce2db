"""English WordNet 3.0 (Debian `wordnet-base`) from its own index files: which synsets a
lemma belongs to, so that a translator's synonym ("catástrofe" → catastrophe ~ disaster)
counts as a counterpart. Other languages reach it through their English dictionary
translations."""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

WORDNET_DIR = Path("/usr/share/wordnet")
_INDEXES = ("index.noun", "index.verb", "index.adj", "index.adv")
# Senses per lemma kept, most frequent first: rare senses make everything a synonym.
MAX_SENSES = 3


@lru_cache(maxsize=1)
def available() -> bool:
    return (WORDNET_DIR / "index.noun").is_file()


@lru_cache(maxsize=1)
def _synsets() -> dict[str, str]:
    from tqcheck.cache.derived import cached

    # Each lemma's synsets as one space-separated string: the pickle of 147,000 small
    # frozensets took 0.17 s to load, of strings 0.05 s; a lemma's set is made when asked.
    return cached("wordnet-synsets-v2", [WORDNET_DIR / n for n in _INDEXES], _parse)


def _entries() -> Iterator[tuple[str, list[str]]]:
    """(part of speech letter, fields) of every lemma line of the index files: lemma,
    pos, synset count, …, the synset offsets."""
    for name in _INDEXES:
        path = WORDNET_DIR / name
        if not path.is_file():
            continue
        pos = name.split(".")[1][0]
        with path.open(encoding="latin-1") as fh:
            for line in fh:
                if not line.startswith(" "):  # the licence header
                    yield pos, line.split()


def _parse() -> dict[str, str]:
    out: dict[str, set[str]] = {}
    for pos, f in _entries():
        offsets = f[-int(f[2]):][:MAX_SENSES]
        out.setdefault(f[0], set()).update(pos + o for o in offsets)
    return {k: " ".join(sorted(v)) for k, v in out.items()}


# Apertium's parts of speech as WordNet's index letters.
_POS_LETTER = {"n": "n", "vblex": "v", "adj": "a", "adv": "r"}


@lru_cache(maxsize=1)
def _sense_counts() -> dict[str, int]:
    from tqcheck.cache.derived import cached

    return cached("wordnet-sense-counts", [WORDNET_DIR / n for n in _INDEXES],
                  lambda: {f"{pos}:{f[0]}": int(f[2]) for pos, f in _entries()})


def sense_count(lemma: str, pos: str) -> int:
    """How many senses WordNet gives the lemma as this (Apertium) part of speech; 0 when
    it does not know it, or without WordNet."""
    letter = _POS_LETTER.get(pos)
    if letter is None or not available():
        return 0
    return _sense_counts().get(f"{letter}:{lemma.lower().replace(' ', '_')}", 0)


@lru_cache(maxsize=100_000)
def synsets(lemma: str) -> frozenset[str]:
    got = _synsets().get(lemma.lower().replace(" ", "_"))
    return frozenset(got.split()) if got else frozenset()


def senses(lemmas: set[str]) -> frozenset[str]:
    """The synsets of any of these English lemmas (none without WordNet)."""
    if not available() or not lemmas:
        return frozenset()
    return frozenset().union(*(synsets(x) for x in lemmas))

