"""What tqcheck knows about one language: the `Language` record every module fills in."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


def words(text: str) -> frozenset[str]:
    """A word set from a space-separated string (modules stay readable as prose)."""
    return frozenset(text.split())


def frozen(mapping: Mapping | None = None) -> Mapping:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class Negation:
    """Negation markers, as regular expressions (matched case-insensitively).

    `strong` markers almost always negate; `weak` ones are ambiguous or negate only in
    form ("sin embargo" = however, "ne ... que" = only): they never raise a finding on
    their own, but their presence on the other side is enough to keep quiet. `filler`:
    words that sit between a negation and what it negates ("did not even have").
    `attenuators` turn an adjective toward its opposite without negating anything
    ("poco profundo" = shallow, "little known"): a litotes, not an antonym swap."""
    strong: str
    weak: str = ""
    filler: frozenset[str] = frozenset()
    attenuators: str = ""


@dataclass(frozen=True, eq=False)
class Clock:
    """How the language writes a time of day."""
    # Words before an hour that make a bare number a time ("a las 7").
    articles: tuple[str, ...] = ()
    # Phrases after an hour that say which half of the day it is, mapped to "am"/"pm".
    day_parts: Mapping[str, str] = field(default_factory=frozen)
    # Words after an hour that make it a time without saying which half ("18:55 h").
    hour_words: tuple[str, ...] = ()
    # The hour is an ordinal with the article: Arabic "الساعة السادسة" (the sixth hour) = 6.
    ordinal_hours: str = ""


# Compared by identity: there is one record per language, and tables are not hashable.
@dataclass(frozen=True, eq=False)
class Language:
    code: str                     # ISO 639-1 where there is one
    name: str                     # English name, as reports print it
    script: str = "LATIN"         # a key of tqcheck.detect.quick's script ranges
    families: frozenset[str] = frozenset()  # close relatives share a family name
    # Frequent closed-class words that tell the language apart (passage detection).
    function_words: frozenset[str] = frozenset()
    # Function words that mark a phrase as written in this language, and not in its
    # neighbours (code-mixing); `common_words` are this language's ordinary short words,
    # which discount another language's markers ("has" is Spanish for "you have").
    marker_words: frozenset[str] = frozenset()
    common_words: frozenset[str] = frozenset()
    # A sentence does not end on these: a translation that does was cut off.
    final_words: frozenset[str] = frozenset()
    negation: Negation | None = None
    # Scale words after a number ("2 billion"), longest first where one contains another.
    scales: tuple[tuple[str, float], ...] = ()
    # Fractions in words ("half", "la mitad") and what links a ratio ("four in ten").
    fractions: Mapping[str, float] = field(default_factory=frozen)
    ratio_links: tuple[str, ...] = ()
    # Counting words no number library spells ("a dozen").
    count_words: Mapping[str, float] = field(default_factory=frozen)
    # Rewrites of num2words' output into the forms it does not generate: feminine
    # cardinals ("dos" → "dues"), inflected ordinals ("è" → "ena": cinquè → cinquena),
    # decades from tens ("y" → "ies": ninety → nineties).
    feminine: tuple[tuple[str, str], ...] = ()
    ordinal_endings: tuple[tuple[str, str], ...] = ()
    decades: tuple[tuple[str, str], ...] = ()
    # Words that join the parts of a number after a scale word ("ستة آلاف و أربعمائة").
    number_links: tuple[str, ...] = ()
    # Word-final rewrites for every word of a number, for the cases and genders num2words
    # does not write (Arabic ثلاثون → ثلاثين, ثلاثة → ثلاث, رابع → رابعة), and prefixes a
    # number word may carry ("ال", "ب", "و": الخمسين, بعشرين).
    inflections: tuple[tuple[str, str], ...] = ()
    clitics: tuple[str, ...] = ()
    clock: Clock = Clock()
    # A capital inside a sentence marks a name: not in English ("on Saturday", "the
    # French") or German, which capitalise common words too.
    capital_is_name: bool = True
    # Words the grammar writes twice in a row ("nous nous levons", "had had"): never a slip.
    doubled_words: frozenset[str] = frozenset()
    # How this language writes acronyms of another: {"BC": ("aC", "a. C."), "UN": ("ONU",)}.
    acronyms: Mapping[str, tuple[str, ...]] = field(default_factory=frozen)
    # Backend codes; None where the backend has nothing for the language.
    text2num: str | None = None     # text_to_num.alpha2digit language
    num2words: str | None = None    # num2words `lang`, for languages text2num lacks
    apertium: str | None = None     # three-letter code of Debian apertium-xxx-yyy pairs
    apertium2: str | None = None    # two-letter code of the older pairs (apertium-es-ro)
    hunspell: str | None = None     # dictionary name in /usr/share/hunspell (es_ES.dic)
    wordfreq: str | None = None
    simplemma: str | None = None
