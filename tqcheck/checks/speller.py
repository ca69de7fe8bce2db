"""What the spelling check asks of a language: Hunspell dictionaries (Debian's hunspell-xx),
wordfreq, and the words one slip away from an unknown one.

The binding is PyPI's `hunspell` (C, built against libhunspell): measured on NTREX-128
(benchmarks/bench_spelling.py, README) it is as fast as Debian's python3-hunspell, which
only the system Python can import, and 25–50 times faster than spylls, the pure-Python port.

Hunspell's own `suggest` is not used: it costs 40–130 ms a word, and the check only needs
the dictionary words one edit away (a letter dropped, added, changed, or two swapped),
which `spell` finds in 1–2 ms from the letters of the dictionary's TRY line.
"""
from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

from tqcheck import lang
from tqcheck.lexicon.wordlist import zipf  # wordfreq's Zipf frequency; 0 where it has no list

DICT_DIRS = ("/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts")
PACKAGE = {"es": "hunspell-es", "ca": "hunspell-ca", "en": "hunspell-en-us", "fr": "hunspell-fr",
           "pt": "hunspell-pt-pt", "gl": "hunspell-gl", "ar": "hunspell-ar"}
# wordfreq's Zipf scale: 1 is once in 100 million words. Above this, a word is in use.
COMMON_ZIPF = 1.5
FREQUENT_ZIPF = 3.5  # about once in 300,000 words
FREQUENT_ZIPF_SHORT = 4.5
MIN_PART = 3  # letters of each word in a run-together pair ("و" + "…" is a prefix, not two words)


def dictionary_dirs() -> list[Path]:
    extra = os.environ.get("TQCHECK_HUNSPELL_DIRS", "")
    return [Path(d) for d in [*extra.split(os.pathsep), *DICT_DIRS] if d]


def dictionary_files(code: str) -> tuple[Path, Path] | None:
    """(.dic, .aff) for a language, or None when no dictionary is installed."""
    name = lang.get(code).hunspell
    for folder in dictionary_dirs():
        for stem in (name, code) if name else (code,):
            dic, aff = folder / f"{stem}.dic", folder / f"{stem}.aff"
            if dic.is_file() and aff.is_file():
                return dic, aff
    return None


@functools.lru_cache(maxsize=8)
def speller(code: str) -> Any:
    import hunspell

    files = dictionary_files(code)
    if files is None:
        return None
    return hunspell.HunSpell(str(files[0]), str(files[1]))


@functools.lru_cache(maxsize=8)
def alphabet(code: str) -> str:
    """The lower-case letters of the dictionary's TRY line (the letters Hunspell itself
    tries when it corrects), in its order: most frequent first."""
    files = dictionary_files(code)
    text = files[1].read_text(encoding="utf-8", errors="replace") if files else ""
    try_line = next((line.split(None, 1)[1] for line in text.splitlines()
                     if line.startswith("TRY") and len(line.split(None, 1)) == 2), "")
    return "".join(dict.fromkeys(c for c in try_line.strip() if c.isalpha() and c == c.lower()))


@functools.lru_cache(maxsize=100_000)
def common(word: str, code: str) -> bool:
    return zipf(word, code) >= COMMON_ZIPF


@functools.lru_cache(maxsize=200_000)
def frequent(word: str, code: str) -> bool:
    # Names cut into short syllables that are words too ("هال" + "كيت" = Halkett).
    return zipf(word, code) >= (FREQUENT_ZIPF_SHORT if len(word) <= MIN_PART else FREQUENT_ZIPF)


@functools.lru_cache(maxsize=200_000)
def listed(word: str, code: str) -> bool:
    """In the Hunspell dictionary (as written, or in lower case)."""
    h = speller(code)
    return bool(h.spell(word) or h.spell(word.lower()))


def known(word: str, code: str) -> bool:
    return listed(word, code) or common(word.lower(), code)


def _edits(word: str, letters: str) -> dict[str, None]:
    """Every string one edit from `word`, likeliest slips first (swaps, drops)."""
    n = len(word)
    out = [word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(n - 1) if word[i] != word[i + 1]]
    out += [word[:i] + word[i + 1:] for i in range(n)]
    out += [word[:i] + c + word[i + 1:] for i in range(n) for c in letters if c != word[i]]
    out += [word[:i] + c + word[i:] for i in range(n + 1) for c in letters]
    return dict.fromkeys(w for w in out if w and w != word)


@functools.lru_cache(maxsize=50_000)
def neighbours(word: str, code: str) -> tuple[str, ...]:
    """Dictionary words one edit from `word` (lower case), the most frequent first."""
    h = speller(code)
    found = [w for w in _edits(word.lower(), alphabet(code)) if h.spell(w)]
    return tuple(sorted(found, key=lambda w: -zipf(w, code)))


def run_together(word: str, code: str) -> str | None:
    """"مجلسالأمن" → "مجلس الأمن": two frequent words with the space lost, or None."""
    # Both halves must be frequent words: the Arabic dictionary accepts many short
    # fragments, and a transliterated name often cuts into two of those.
    for i in range(MIN_PART, len(word) - MIN_PART + 1):
        if frequent(word[:i], code) and frequent(word[i:], code):
            return f"{word[:i]} {word[i:]}"
    return None


# Sounds a script without Latin letters writes alike, as romanised by anyascii: Arabic
# writes g as غ or ج, p as ب, v as ف, and the vowels, w, y and h as letters or not at all.
_DIGRAPHS = (("x", "ks"), ("sh", "s"), ("kh", "k"), ("gh", "g"), ("th", "t"), ("dh", "d"), ("ch", "s"),
             ("ph", "f"))
_SOUND = str.maketrans("pvdzxcqgj", "bftsskkkk", "aeiouywh'`")


@functools.lru_cache(maxsize=100_000)
def skeleton(word: str) -> str:
    """The consonants of a word, in coarse classes, doubled letters once: "Donggala" and
    "دونغالا" are both "tnkl". For telling a transliterated name in any script."""
    from anyascii import anyascii

    s = anyascii(word).lower()
    for a, b in _DIGRAPHS:
        s = s.replace(a, b)
    s = "".join(c for c in s.translate(_SOUND) if c.isalpha())
    return "".join(c for i, c in enumerate(s) if i == 0 or c != s[i - 1])


