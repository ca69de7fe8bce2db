"""Spelling of the translation with Hunspell dictionaries (Debian's hunspell-xx packages).

The binding is PyPI's `hunspell` (C, built against libhunspell): measured on NTREX-128
(benchmarks/bench_spelling.py, README) it is as fast as Debian's python3-hunspell, which
only the system Python can import, and 25–50 times faster than spylls, the pure-Python port.

Never misspellings: names (capitalised words), URLs, e-mails, handles, numbers and
anything with a digit, words that also appear in the source, words of the user's list
(`--words`), and words common in the language by wordfreq (a dictionary lacks many
inflections and loanwords that professional text uses).
"""
from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import Any

from tqcheck import lang
from tqcheck.checks.base import Check, Context, register
from tqcheck.model import AlignedUnit, Finding, Severity

DICT_DIRS = ("/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts")
_SKIP = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[@#]\w+|\{[^{}]*\}|%\S+|&\w+;|<[^<>]*>")
_WORD = re.compile(r"[^\W\d_]+(?:['’·-][^\W\d_]+)*")
CASELESS = frozenset({"ARABIC", "HEBREW", "DEVANAGARI", "HAN", "THAI"})
MIN_STEM, MAX_PREFIX = 7, 5
MIN_PART = 3  # letters of each word in a run-together pair ("و" + "…" is a prefix, not two words)
# wordfreq's Zipf scale: 1 is once in 100 million words. Above this, a word is in use.
COMMON_ZIPF = 1.5
FREQUENT_ZIPF = 3.5  # about once in 300,000 words
FREQUENT_ZIPF_SHORT = 4.5
PACKAGE = {"es": "hunspell-es", "ca": "hunspell-ca", "en": "hunspell-en-us", "fr": "hunspell-fr",
           "pt": "hunspell-pt-pt", "gl": "hunspell-gl", "ar": "hunspell-ar"}


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


@functools.lru_cache(maxsize=100_000)
def _common(word: str, code: str) -> bool:
    from wordfreq import zipf_frequency

    try:
        return zipf_frequency(word, lang.get(code).wordfreq or code) >= COMMON_ZIPF
    except LookupError:
        return False


@functools.lru_cache(maxsize=200_000)
def _frequent(word: str, code: str) -> bool:
    from wordfreq import zipf_frequency

    # Names cut into short syllables that are words too ("هال" + "كيت" = Halkett).
    floor = FREQUENT_ZIPF_SHORT if len(word) <= MIN_PART else FREQUENT_ZIPF
    return zipf_frequency(word, lang.get(code).wordfreq or code) >= floor


@functools.lru_cache(maxsize=200_000)
def known(word: str, code: str) -> bool:
    h = speller(code)
    return bool(h.spell(word) or h.spell(word.lower())) or _common(word.lower(), code)


@functools.lru_cache(maxsize=20_000)
def suggestions(word: str, code: str) -> tuple[str, ...]:
    joined = run_together(word, code) if lang.get(code).script in CASELESS else None
    return (joined,) if joined else tuple(speller(code).suggest(word)[:3])


def _distance(a: str, b: str) -> int:
    """Damerau–Levenshtein distance (adjacent transpositions count one)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def derived(word: str, code: str) -> bool:
    """A known word behind a short prefix: "reinyectar", "procatalanistas",
    "coprotagoniza". Dictionaries list few of the words productive prefixes make."""
    return any(len(word) - k >= MIN_STEM and known(word[k:], code) for k in range(2, MAX_PREFIX + 1))


def typo(word: str, code: str) -> bool:
    """Whether an unknown word looks like a slip: one edit from a word the dictionary
    suggests, or two words run together. Names, rare derivations ("reinyectar",
    "organizadísimo") and transliterations are far from every suggestion."""
    low = word.lower()
    return any(_distance(low, s.lower()) <= 1 or s.replace(" ", "").lower() == low and " " in s
               for s in suggestions(word, code))


def run_together(word: str, code: str) -> str | None:
    """"مجلسالأمن" → "مجلس الأمن": two known words with the space lost, or None."""
    # Both halves must be frequent words: the Arabic dictionary accepts many short
    # fragments, and a transliterated name often cuts into two of those.
    for i in range(MIN_PART, len(word) - MIN_PART + 1):
        if _frequent(word[:i], code) and _frequent(word[i:], code):
            return f"{word[:i]} {word[i:]}"
    return None


def misspelt(text: str, code: str, accepted: frozenset[str]) -> list[str]:
    """Words of `text` the dictionary does not know and that look like slips, in order,
    each once. A script without capitals cannot tell names from words, and
    transliterated names are all unknown: there only words run together count."""
    cased = lang.get(code).script not in CASELESS
    out: list[str] = []
    for m in _WORD.finditer(_SKIP.sub(" ", text)):
        word = m.group()
        # "l'Hibernian", "d'Andorra": an elided article before a name.
        head = re.split(r"['’]", word)[-1] or word
        if head[0].isupper() or word[0].isupper() or word.casefold() in accepted or word in out \
                or known(word, code):
            continue
        if not cased:
            if run_together(word, code):
                out.append(word)
            continue
        if any(len(p) > 1 and not known(p, code) and not derived(p, code) and typo(p, code)
               for p in re.split(r"[-·]", word)):
            out.append(word)
    return out


@register
class Spelling(Check):
    id = "spelling"
    title = "Misspelt word"
    severity = Severity.WARNING
    description = ("A word of the translation that the language's Hunspell dictionary does not know, "
                   "with its suggestions; names, URLs, numbers, words of the source and of --words "
                   "are never misspellings.")

    def unavailable(self, ctx: Context) -> str | None:
        try:
            import hunspell  # noqa: F401
        except ImportError:
            return "the hunspell Python binding is not installed (pip install hunspell)"
        if dictionary_files(ctx.tgt_lang) is None:
            pkg = PACKAGE.get(ctx.tgt_lang, f"hunspell-{ctx.tgt_lang}")
            return f"no Hunspell dictionary for {ctx.tgt_lang} (apt-get install {pkg})"
        return None

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        if not unit.source or not unit.target:
            return []
        accepted = ctx.words | {w.casefold() for w in _WORD.findall(unit.source_text)}
        out = []
        for p in unit.target:
            if p.lang not in (None, ctx.tgt_lang):
                continue  # a passage left in another language is another check's finding
            bad = misspelt(p.text, ctx.tgt_lang, accepted)
            if not bad:
                continue
            suggested = {w: list(suggestions(w, ctx.tgt_lang)) for w in bad}
            shown = ", ".join(f"{w} ({' / '.join(s) or 'no suggestion'})" if w in suggested else w
                              for w, s in ((w, suggested.get(w, [])) for w in bad))
            out.append(self.finding(f"possible misspelling at line {p.line}: {shown}", target_line=p.line,
                                    words=bad, suggestions=suggested))
        return out
