"""Where Apertium has no analyser: wordfreq says whether a word is a word of the
language (and how common), simplemma gives its lemma. No parts of speech and no
dictionary translations, so the checks that need them are skipped for such a side."""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from tqcheck.lexicon import frequency
from tqcheck.lexicon.base import Backend, Pending, Ready, Word

# A word is "known" when wordfreq has seen it at least this often (Zipf scale: 1 is once
# per 10^8 words); below that its lists hold mostly typos and fragments.
MIN_ZIPF = 1.5
# The language's most frequent words stand in for its function words.
FUNCTION_TOP_N = 150
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def code(lang: str) -> str:
    """The language's wordfreq code (tqcheck/lang/<code>.py), else the ISO code itself."""
    from tqcheck import lang as languages
    return languages.get(lang).wordfreq or lang


@lru_cache(maxsize=64)
def available(lang: str) -> bool:
    return frequency.available(code(lang))


@lru_cache(maxsize=None)
def _function_words(lang: str) -> frozenset[str]:
    import wordfreq
    return frozenset(wordfreq.top_n_list(code(lang), FUNCTION_TOP_N))


def zipf(word: str, lang: str) -> float:
    return frequency.zipf(word, code(lang))


def _lemma(word: str, lang: str) -> str:
    try:
        from tqcheck.lexicon.lemmas import lemmatize
        return lemmatize(word, lang).lower()
    except (ImportError, ValueError):
        return word


class WordfreqLexicon(Backend):
    name = "wordfreq"

    def describe(self) -> str:
        return "wordfreq + simplemma"

    def known(self, word: str) -> bool | None:
        return zipf(word.lower(), self.lang) >= MIN_ZIPF

    def start(self, texts: Sequence[str]) -> Pending:
        return Ready([self.words(t) for t in texts])

    def words(self, text: str) -> tuple[Word, ...]:
        fw = _function_words(self.lang)
        out = []
        for m in _WORD.finditer(text):
            w = m.group()
            low = w.lower()
            if low.isdigit():
                out.append(Word(w, m.start(), m.end(), low, "num", True))
                continue
            known = self.known(w) or False
            pos = "fw" if low in fw else ""
            out.append(Word(w, m.start(), m.end(), _lemma(low, self.lang) if known else low, pos, known))
        return tuple(out)


def known_word(word: str, lang: str) -> bool | None:
    """Whether wordfreq has ever seen the word or its simplemma lemma (None: no list for
    the language): the second dictionary that rare but real words pass."""
    if not available(lang):
        return None
    low = word.lower()
    return zipf(low, lang) > 0 or zipf(_lemma(low, lang), lang) > 0
