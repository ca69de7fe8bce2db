"""English antonyms from WordNet 3.0 (Debian `wordnet-base`), read from its own data
files: the lexical `!` pointers of adjectives, adverbs, verbs and nouns. Other languages
reach them through the bilingual dictionaries (a word's English translations)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

WORDNET_DIR = Path("/usr/share/wordnet")
_FILES = ("data.adj", "data.adv", "data.verb", "data.noun")


def available() -> bool:
    return (WORDNET_DIR / "data.adj").is_file()


@lru_cache(maxsize=1)
def table() -> dict[str, frozenset[str]]:
    """lemma → its antonyms (single words only), both directions."""
    from tqcheck.cache.derived import cached
    return cached("wordnet-antonyms", [WORDNET_DIR / n for n in _FILES], _parse) if available() else {}


def _parse() -> dict[str, frozenset[str]]:
    pairs: dict[str, set[str]] = {}
    if not available():
        return {}
    words_at: dict[tuple[str, str], list[str]] = {}
    pointers: list[tuple[list[str], int, str, str, str]] = []
    for name in _FILES:
        path = WORDNET_DIR / name
        if not path.is_file():
            continue
        with path.open(encoding="latin-1") as fh:
            for line in fh:
                if line.startswith(" "):
                    continue
                f = line.split(" ")
                offset, pos = f[0], f[2]
                n = int(f[3], 16)
                words = [f[4 + 2 * k].split("(")[0].lower() for k in range(n)]
                words_at[(offset, "a" if pos == "s" else pos)] = words
                if " ! " not in line:
                    continue
                at = 4 + 2 * n
                for k in range(int(f[at])):
                    sym, off, ptr_pos, st = f[at + 1 + 4 * k: at + 5 + 4 * k]
                    if sym == "!":
                        pointers.append((words, int(st[:2], 16), off, "a" if ptr_pos == "s" else ptr_pos, st))
    for words, src_no, off, ptr_pos, st in pointers:
        target = words_at.get((off, ptr_pos))
        if not target:
            continue
        a = words[src_no - 1] if src_no else None
        b = target[int(st[2:], 16) - 1] if int(st[2:], 16) else None
        if a and b and "_" not in a and "_" not in b:
            pairs.setdefault(a, set()).add(b)
            pairs.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in pairs.items()}


def opposite(a: str, b: str) -> bool:
    return b.lower() in table().get(a.lower(), frozenset())
