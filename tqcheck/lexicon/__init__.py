"""The lexicon layer: for each side of a pair, the best analyser installed here.

Apertium's analyser, tagger and bilingual dictionary where a pair's data is installed;
else wordfreq (known words) with simplemma (lemmas); else nothing, and the checks that
need words say so in the report instead of running.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from tqcheck.lexicon import wordlist
from tqcheck.lexicon.apertium import ApertiumLexicon, mode_for_language
from tqcheck.lexicon.base import CONTENT_POS, Backend, Pending, Word
from tqcheck.lexicon.langs import grammar_lemmas


__all__ = ["Backend", "CONTENT_POS", "Lexical", "PendingLexical", "Word", "backend_for", "describe", "start",
           "grammar_lemmas"]


def backend_for(lang: str, other: str) -> Backend | None:
    found = mode_for_language(lang, other)
    if found is not None:
        return ApertiumLexicon(lang, other, *found)
    if wordlist.available(lang):
        return wordlist.WordfreqLexicon(lang, other)
    return None


def describe(lang: str, other: str) -> str:
    """One line for `tqcheck doctor`: what analyses `lang` in a pair with `other`."""
    b = backend_for(lang, other)
    if b is None:
        return (f"none: apt-get install apertium-{lang}-… (Apertium data) or pip install wordfreq "
                "simplemma; word-level checks are skipped")
    return b.describe()


def status() -> list[str]:
    """What `tqcheck engines` prints about the word layer: per language, its analyser;
    then the bilingual dictionaries and WordNet."""
    from tqcheck import lang
    from tqcheck.lexicon import antonyms
    from tqcheck.translate.apertium import installed_modes
    lines = []
    for code in lang.known():
        found = mode_for_language(code, "")
        if found is not None:
            lines.append(f"  {code}: apertium {found[0]} (lemma, part of speech, known words)")
        elif wordlist.available(code):
            lines.append(f"  {code}: wordfreq + simplemma (known words, lemmas; no dictionary)")
        else:
            lines.append(f"  {code}: none (word-level checks are skipped)")
    dicts = sorted(m for m in installed_modes() if mode_for_language(m.split("-")[0], "") is not None)
    lines.append("  dictionaries: " + (", ".join(dicts) or "none (apt-get install apertium-eng-spa …)"))
    lines.append("  antonyms: " + ("WordNet 3.0 (wordnet-base)" if antonyms.available()
                                   else "none (apt-get install wordnet-base)"))
    return lines


@dataclass(frozen=True)
class Lexical:
    """Words of every source and translation passage, and which backend made them."""

    src_backend: str | None
    tgt_backend: str | None
    src_dictionary: bool  # source words carry dictionary translations into the target
    tgt_dictionary: bool
    src_words: tuple[tuple[Word, ...], ...] = ()
    tgt_words: tuple[tuple[Word, ...], ...] = ()
    src_lang: str = ""
    tgt_lang: str = ""
    notes: tuple[str, ...] = field(default=())


class PendingLexical:
    def __init__(self, src_lang: str, tgt_lang: str, src: Backend | None, tgt: Backend | None,
                 src_job: Pending | None, tgt_job: Pending | None) -> None:
        self.args = (src_lang, tgt_lang, src, tgt)
        self.jobs = (src_job, tgt_job)

    def result(self) -> Lexical:
        src_lang, tgt_lang, src, tgt = self.args
        src_words = tuple(self.jobs[0].result()) if self.jobs[0] else ()
        tgt_words = tuple(self.jobs[1].result()) if self.jobs[1] else ()
        return Lexical(src.describe() if src else None, tgt.describe() if tgt else None,
                       bool(src and src.translations), bool(tgt and tgt.translations),
                       src_words, tgt_words, src_lang, tgt_lang)


def start(src_texts: Sequence[str], tgt_texts: Sequence[str], src_lang: str, tgt_lang: str
          ) -> PendingLexical:
    """Start analysing both sides (one process per side), to collect with .result()."""
    src = backend_for(src_lang, tgt_lang)
    tgt = backend_for(tgt_lang, src_lang)
    return PendingLexical(src_lang, tgt_lang, src, tgt,
                          src.start(src_texts) if src else None,
                          tgt.start(tgt_texts) if tgt else None)
