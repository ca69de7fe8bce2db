"""What a lexicon backend returns for one text: its words, with offsets, lemma, part of
speech, whether the language's dictionary knows them, and their dictionary translations."""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass

# Apertium's part-of-speech tags that carry meaning (the other backends map onto them):
# nouns, lexical verbs, adjectives, adverbs, proper nouns, numerals.
CONTENT_POS = frozenset({"n", "vblex", "adj", "adv", "np", "num"})


@dataclass(frozen=True)
class Word:
    """One word of a text. `start`/`end` are character offsets into the analysed text."""

    text: str
    start: int
    end: int
    lemma: str
    pos: str = ""  # "" when the backend has no part of speech or does not know the word
    known: bool = True
    # Dictionary translations (lemmas) into the other language of the pair, best first.
    translations: tuple[str, ...] = ()
    # Dictionary translations of its WordNet antonyms (English words only).
    opposites: tuple[str, ...] = ()
    # The tagger's tags after the part of speech ("def", "f", "sg"); () without a tagger.
    tags: tuple[str, ...] = ()

    @property
    def content(self) -> bool:
        if self.pos:
            return self.pos in CONTENT_POS
        return not self.known or len(self.text) > 3

    @property
    def name_like(self) -> bool:
        """Proper nouns, capitalised unknown words, and tokens with digits."""
        return (self.pos == "np" or any(c.isdigit() for c in self.text)
                or (not self.known and self.text[:1].isupper()))


class Backend(ABC):
    """One language's analyser; `translations` is true when it also gives dictionary
    translations into `other`."""

    name: str = ""
    translations: bool = False

    def __init__(self, lang: str, other: str) -> None:
        self.lang, self.other = lang, other

    @abstractmethod
    def start(self, texts: Sequence[str]) -> "Pending":
        """Begin analysing `texts` (one process per call, not per text)."""

    def known(self, word: str) -> bool | None:
        """Whether `word` is a word of the language (None: this backend cannot say)."""
        return None

    def describe(self) -> str:
        return self.name


class Pending(ABC):
    @abstractmethod
    def result(self) -> list[tuple[Word, ...]]:
        """The words of each text, in order."""


class Ready(Pending):
    def __init__(self, words: list[tuple[Word, ...]]) -> None:
        self.words = words

    def result(self) -> list[tuple[Word, ...]]:
        return self.words
