"""Spelling of the translation with Hunspell dictionaries (Debian's hunspell-xx packages;
speller.py holds the dictionary side).

Never misspellings: names and acronyms (any capital letter), URLs, e-mails, handles,
numbers and anything with a digit, words that also appear in the source, words of the
user's list (`--words`), words common in the language by wordfreq (a dictionary lacks
many inflections and loanwords that professional text uses), and cognates of a source
word ("viriones" for "virions"). A word is flagged when it looks like a slip: a
dictionary word is one edit away, and no source word is closer to it than that word is.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from tqcheck import lang
from tqcheck.align.words import distance, fold
from tqcheck.checks.base import Check, Context, register
from tqcheck.checks.speller import (COMMON_ZIPF, PACKAGE, dictionary_files, known, listed, neighbours,
                                    run_together, skeleton)
from tqcheck.lexicon.wordlist import zipf
from tqcheck.model import AlignedUnit, Finding, Severity

_SKIP = re.compile(r"\w*\d\w*|(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[@#]\w+"
                   r"|\{[^{}]*\}|%\S+|&\w+;|<[^<>]*>")
# Letters, with the joiners words keep inside: apostrophes of elision ("l'home"),
# hyphens, the Catalan middle dot ("col·legi").
_WORD = re.compile(r"[^\W\d_]+(?:['’·-][^\W\d_]+)*")
_ELISION = re.compile(r"['’]")
CASELESS = frozenset({"ARABIC", "HEBREW", "DEVANAGARI", "HAN", "THAI"})
MIN_STEM, MAX_PREFIX = 7, 5
MIN_COGNATE = 5  # letters of a source word a target word may mirror
MAX_COGNATE_EDITS = 2  # "jiadistas" for "jihadists"
MIN_SKELETON = 4  # consonants of a source name a transliteration must share (one may differ from 5)
# wordfreq Zipf: a rival this much commoner (1,000 times) beats an explanation; a rival
# this common (once in 100,000 words) beats a cognate.
GAP_ZIPF = 3.0
# A prefix or a plural explains less: any letters make a prefix ("ubi" + "accions").
GAP_DERIVED = 1.0
LOANWORD_ZIPF = 2.0  # an English word at least once in a million words ("amicus", "tippy")
# Words this short are abbreviations ("dra."), symbols, particles of other languages
# ("sij", "lan") far more often than slips, and every edit of them is a word.
MAX_SHORT = 3
DOMINANT_ZIPF = 4.0


def _plain(text: str) -> str:
    """Arabic without its optional marks: short vowels, tanwin, shadda (combining marks,
    which would cut a word in two) and the tatweel that only stretches a line."""
    return "".join(c for c in text if c != "\u0640" and unicodedata.category(c) != "Mn")


def derived(word: str, code: str) -> float | None:
    """A known word behind a short prefix ("reinyectar", "procatalanistas",
    "coprotagoniza"; dictionaries list few of the words productive prefixes make), or the
    plural of a known word ("confirmatórios"; a doubled "ss" is no plural): how common
    that word is (Zipf), or None."""
    stems = [word[k:] for k in range(2, MAX_PREFIX + 1) if len(word) - k >= MIN_STEM]
    if len(word) > 4 and word[-1] == "s" and word[-2] != "s":
        stems.append(word[:-1])
    # A stem the dictionary lists counts as common, however rare wordfreq finds it.
    found = [max(zipf(s, code), COMMON_ZIPF if listed(s, code) else 0.0) for s in stems if known(s, code)]
    return max(found) if found else None


def cognate(word: str, near: tuple[str, ...], source: frozenset[str]) -> bool:
    """A word that mirrors a source word (two edits at most) more closely than any
    dictionary word one edit away does: "viriones" (virions), "lectinas" (lectins);
    not "parecetamol" (paracetamol is that dictionary word)."""
    w = fold(word)
    for s in source:
        if len(s) < MIN_COGNATE or abs(len(s) - len(w)) > MAX_COGNATE_EDITS:
            continue
        d = distance(w, s)
        if d <= MAX_COGNATE_EDITS and all(distance(fold(n), s) > d for n in near):
            return True
    return False


def _explanations(word: str, code: str) -> Iterator[tuple[float, float]]:
    """(how common an explanation of the word is, how much commoner a rival may be), in
    turn: each is looked up only when the ones before did not settle it (the English
    word list is then often never loaded)."""
    yield zipf(word.lower(), code), GAP_ZIPF
    yield derived(word, code) or 0.0, GAP_DERIVED
    english = zipf(word, "en") if code != "en" else 0.0
    yield (english if english >= LOANWORD_ZIPF else 0.0), GAP_ZIPF


def slip(word: str, code: str, source: frozenset[str]) -> bool:
    """Whether a word the dictionary does not list looks like a slip: a dictionary word
    (the rival) is one edit away, and nothing explains the word better. Names, rare
    derivations and compounds ("autosátira", "microlitro") are further than one edit
    from every dictionary word. An explanation (in use by wordfreq, an English loanword,
    a prefix or plural of a known word) must be nearly as common as the rival:
    "cuadno" is in wordfreq's web text, but "cuando" is 20,000 times commoner, while
    "triaje" holds against "traje", 140 times commoner. A cognate of a source word only
    holds against a rival that is not common."""
    if len(word) <= MAX_SHORT or listed(word, code):
        return False
    near = neighbours(word, code)
    if not near:
        return False
    rival = zipf(near[0], code)
    if any(z >= COMMON_ZIPF and z > rival - gap for z, gap in _explanations(word, code)):
        return False
    return not (rival < DOMINANT_ZIPF and cognate(word, near, source))


def transliterated(word: str, names: frozenset[str]) -> bool:
    """A source name written in another script: "دونغالا" for Donggala, "لانجون" for
    Langone (the same consonants; one apart from five on; an article or "li-" before it
    aside). Short consonant skeletons of common words match too often by chance."""
    k = skeleton(word)
    forms = {k, k[1:]} if k.startswith("l") else {k}
    for name in names:
        ks = skeleton(name)
        if len(ks) >= MIN_SKELETON and any(distance(c, ks) <= (len(ks) > MIN_SKELETON) for c in forms):
            return True
    return False


def misspelt(text: str, code: str, accepted: frozenset[str], source: frozenset[str] = frozenset(),
             names: frozenset[str] = frozenset()) -> list[str]:
    """Words of `text` the dictionary does not know and that look like slips, in order,
    each once. `accepted`: case-folded words never flagged; `source`: the source words,
    folded, for cognates; `names`: its capitalised words, for transliterations. A script
    without capitals cannot tell names from words, and transliterated names are all
    unknown: there only words run together count (Arabic letter slips are not looked for:
    tried on NTREX-128 train, they flagged 24 in 100 clean passages, nearly all names)."""
    cased = lang.get(code).script not in CASELESS
    out: list[str] = []
    for m in _WORD.finditer(_SKIP.sub(" ", text if cased else _plain(text))):
        word = m.group()
        # An elided article or pronoun ("l'", "d'", "qu'") is checked with its word, or
        # not at all: the word after it is what may be misspelt.
        head = _ELISION.split(word)[-1]
        if word in out or word.casefold() in accepted or head.casefold() in accepted:
            continue
        if not cased:
            if not known(word, code) and run_together(word, code) and not transliterated(word, names):
                out.append(word)
            continue
        if any(c.isupper() for c in word):
            continue  # a name, an acronym, a code ("hECA", "batCoV")
        if listed(word, code) or listed(head, code):
            continue
        if any(slip(p, code, source) for p in head.split("-")):
            out.append(word)
    return out


def suggestions(word: str, code: str) -> tuple[str, ...]:
    if lang.get(code).script in CASELESS:
        joined = run_together(_plain(word), code)
        return (joined,) if joined else ()
    head = _ELISION.split(word)
    tail, elided = head[-1], word[: len(word) - len(head[-1])]
    parts = tail.split("-")
    for i, p in enumerate(parts):
        near = neighbours(p, code) if not listed(p, code) else ()
        if near:
            return tuple(elided + "-".join([*parts[:i], n, *parts[i + 1:]]) for n in near[:3])
    return ()


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
        source_words = _WORD.findall(unit.source_text)
        accepted = ctx.words | {w.casefold() for w in source_words}
        folded = frozenset(fold(p) for w in source_words for p in re.split(r"['’-]", w))
        names = frozenset(w for w in source_words if w[0].isupper())
        out = []
        for p in unit.target:
            if p.lang not in (None, ctx.tgt_lang):
                continue  # a passage left in another language is another check's finding
            bad = misspelt(p.text, ctx.tgt_lang, accepted, folded, names)
            if not bad:
                continue
            suggested = {w: list(suggestions(w, ctx.tgt_lang)) for w in bad}
            shown = ", ".join(f"{w} ({' / '.join(suggested[w]) or 'no suggestion'})" for w in bad)
            out.append(self.finding(f"possible misspelling at line {p.line}: {shown}", target_line=p.line,
                                    words=bad, suggestions=suggested))
        return out
