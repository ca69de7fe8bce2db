"""A fast first opinion on a passage's language, among the few languages a pair makes
plausible; langdetect decides whatever this cannot call.

langdetect costs 1–5 ms a call (random n-gram trials over every candidate profile), and a
check calls it for each passage of both sides: on a 50,000-passage file that was most of
the run. Most passages are settled by their script (English against Arabic) or by
their function words (Spanish prose is full of "de", "la", "que", "los"), which costs
microseconds. Only clear cases are decided here; mixed or short text returns None.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from tqcheck.lang import get as get_language
from tqcheck.lang import languages

QUICK_ID = "quick1"

# Frequent closed-class words, chosen to tell the languages apart (shared words such as
# "a", "de", "que" still count, for every language that has them); from tqcheck/lang.
FUNCTION_WORDS: dict[str, frozenset[str]] = {lng.code: lng.function_words for lng in languages()
                                             if lng.function_words}
MIN_HITS = 3
MIN_SHARE = 0.15
MARGIN = 2.0
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def script_of(code: str) -> str:
    return get_language(code).script


_SCRIPT_RANGES = {
    "LATIN": "A-Za-z\u00c0-\u024f\u1e00-\u1eff", "ARABIC": "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff",
    "CYRILLIC": "\u0400-\u04ff", "GREEK": "\u0370-\u03ff", "HEBREW": "\u0590-\u05ff",
    "DEVANAGARI": "\u0900-\u097f", "CJK": "\u3040-\u30ff\u4e00-\u9fff", "HANGUL": "\uac00-\ud7af",
    "THAI": "\u0e00-\u0e7f",
}
# Runs of characters, counted by their lengths: a list per run, not per character, is
# 2-3x faster, and these run several times on every passage.
_SCRIPT_RES = {name: re.compile(f"[{chars}]+") for name, chars in _SCRIPT_RANGES.items()}
_LETTERS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=4096)
def letters(text: str) -> int:
    return sum(map(len, _LETTERS.findall(text)))


@lru_cache(maxsize=4096)
def dominant_script(text: str) -> str | None:
    """The script of at least 80% of the letters, by character ranges (regexes, not
    unicodedata.name per character: this runs on every passage, for several checks)."""
    total = letters(text)
    if not total:
        return None
    for name, pattern in _SCRIPT_RES.items():
        if sum(map(len, pattern.findall(text))) >= 0.8 * total:
            return name
    return None


def decide(text: str, candidates: Iterable[str]) -> str | None:
    """The candidate language `text` clearly is in, or None when langdetect must decide."""
    return _decide(text, tuple(dict.fromkeys(candidates)))


# The pipeline and several checks ask about the same passage among the same pair.
@lru_cache(maxsize=4096)
def _decide(text: str, langs: tuple[str, ...]) -> str | None:
    script = dominant_script(text)
    if script is None:
        return None
    same_script = [lang for lang in langs if script_of(lang) == script]
    if len(same_script) == 1 and len(langs) > 1:
        return same_script[0]
    if not same_script or any(lang not in FUNCTION_WORDS for lang in same_script):
        return None
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return None
    hits = sorted(((sum(w in FUNCTION_WORDS[lang] for w in words), lang) for lang in same_script), reverse=True)
    best, lang = hits[0]
    second = hits[1][0] if len(hits) > 1 else 0
    if best >= MIN_HITS and best / len(words) >= MIN_SHARE and best >= MARGIN * second + 1:
        return lang
    return None


@lru_cache(maxsize=64)
def _distinct_words(langs: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Each language's function words that none of the others has (made once per set:
    this runs for every passage)."""
    return {lng: FUNCTION_WORDS[lng] - frozenset().union(*(FUNCTION_WORDS[o] for o in langs if o != lng))
            for lng in langs}


def rival_evidence(text: str, lang: str, rivals: Iterable[str]) -> bool:
    """Whether `text` shows words that only a rival language uses, at least as many as
    words only `lang` uses: a reason to ask langdetect whether it is `lang` at all."""
    pool = [r for r in dict.fromkeys(rivals) if r in FUNCTION_WORDS and r != lang]
    if lang not in FUNCTION_WORDS or not pool:
        return True
    own = _distinct_words((lang, *pool))
    words = [w.lower() for w in _WORD.findall(text)]
    mine = sum(w in own[lang] for w in words)
    best_rival = max(sum(w in own[r] for w in words) for r in pool)
    return best_rival >= 1 and best_rival >= mine
