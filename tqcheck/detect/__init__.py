"""Stage 3: which language is each document and each passage in (langdetect, seeded).

Clear cases among a pair's languages are settled first by script and function words
(quick.py, microseconds); langdetect decides the rest. Documents are detected open-set against all 55 langdetect profiles. Passages are
decided among the languages the pair makes plausible (source, target, and English,
which leaks through pivot translation): choosing between a few known languages is far
more robust on short text than open-set detection, and 8× faster.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from tqcheck.detect.quick import QUICK_ID, decide, letters

SEED = 0
# Fewer letters than this and langdetect is a coin toss: the passage gets no language.
MIN_LETTERS = 4


# langdetect is imported on first use (DETECTOR_ID and ALL_PROFILES too): a cached
# re-run or `--help` never needs it.
def __getattr__(name: str) -> Any:
    if name == "DETECTOR_ID":
        return _detector_id()
    if name == "ALL_PROFILES":
        return _all_profiles()
    raise AttributeError(name)


@lru_cache(maxsize=1)
def _detector_id() -> str:
    from importlib.metadata import version

    return f"langdetect-{version('langdetect')}+seed{SEED}+{QUICK_ID}"


@lru_cache(maxsize=1)
def _all_profiles() -> tuple[str, ...]:
    from langdetect.detector_factory import PROFILES_DIRECTORY

    return tuple(sorted(p.name for p in Path(PROFILES_DIRECTORY).iterdir()))


@lru_cache(maxsize=16)
def _factory(langs: tuple[str, ...]) -> Any:
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.seed = SEED
    profiles = [json.loads((Path(PROFILES_DIRECTORY) / lang).read_text(encoding="utf-8")) for lang in langs]
    factory.langlist = [p["name"] for p in profiles]
    factory.word_lang_prob_map = _Rows([(p["freq"], p["n_words"]) for p in profiles])
    return factory


class _Rows(dict):  # type: ignore[type-arg]
    """The table DetectorFactory.load_json_profile builds (n-gram → its probability in
    each profile), each row made the first time a detector asks for it: a detector only
    asks about the n-grams of its text, and building every row of the 55 profiles took
    0.25 s of each run that detects a document's language. The same numbers, from the
    same formula."""

    def __init__(self, profiles: list[tuple[dict[str, int], list[int]]]) -> None:
        super().__init__()
        self.profiles = profiles
        self.known = frozenset().union(*(freq for freq, _ in profiles))

    def __contains__(self, word: object) -> bool:
        return word in self.known

    def __getitem__(self, word: str) -> list[float]:
        row = self.get(word)
        if row is None:
            if word not in self.known:
                raise KeyError(word)
            row = [0.0] * len(self.profiles)
            n = len(word)
            if 1 <= n <= 3:
                for index, (freq, n_words) in enumerate(self.profiles):
                    count = freq.get(word)
                    if count is not None:
                        row[index] = 1.0 * count / n_words[n - 1]
            self[word] = row
        return row


def probabilities(text: str, langs: Iterable[str] | None = None) -> list[tuple[str, float]]:
    """Language probabilities, best first; [] when the text has too few letters."""
    if letters(text) < MIN_LETTERS:
        return []
    from langdetect.lang_detect_exception import LangDetectException

    every = _all_profiles()
    chosen = tuple(sorted({_profile(lang) for lang in langs})) if langs else every
    if len(chosen) < 2 or any(lang not in every for lang in chosen):
        chosen = every
    detector = _factory(chosen).create()
    detector.append(text)
    try:
        return [(_iso(p.lang), p.prob) for p in detector.get_probabilities()]
    except LangDetectException:
        return []


def detect(text: str, langs: Iterable[str] | None = None) -> str | None:
    """The most likely language, or None for text with no letters ("no language").

    Among given candidates, clear cases (script, function words) are settled by
    tqcheck.detect.quick without langdetect's random trials."""
    if langs is not None:
        langs = tuple(langs)
        if letters(text) >= MIN_LETTERS and (quick := decide(text, langs)):
            return quick
    probs = probabilities(text, langs)
    return probs[0][0] if probs else None


def supported(lang: str) -> bool:
    return _profile(lang) in _all_profiles()


def _profile(lang: str) -> str:
    return {"zh": "zh-cn"}.get(lang, lang)


def _iso(profile: str) -> str:
    return profile.split("-")[0]


