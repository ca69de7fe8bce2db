"""The part-of-speech sequence of a tagged text, and how often each step of it occurs in
the language.

A dropped noun leaves its article before a preposition ("en la de guardaparques"), a
scrambled sentence puts a conjunction before the full stop: steps a reviewer reads as
broken. The tables count, per Apertium mode (its tagger's tagset), how often one class
follows another in professional human text of the train split
(`benchmarks/train_grammar.py`). A step seen far less often than its two classes'
frequencies predict is the evidence; no table, no evidence.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tqcheck.lexicon.base import Word

DATA = Path(__file__).parent / "data"
START, END = "<s>", "</s>"
# The verb's form says where it may stand: an infinitive after a subject noun is rare, a
# finite verb is not.
VERB_POS = frozenset({"vblex", "vbser", "vbhaver", "vbmod", "vaux"})
VERB_FORMS = frozenset({"inf", "ger", "pp", "pprs", "imp"})
# Punctuation between two words that ends a clause, or separates items.
STOPS = frozenset(".!?;:")


def word_class(w: Word) -> str:
    if not w.pos:
        return "name" if w.text[:1].isupper() else "unknown"
    if w.pos in VERB_POS:
        form = next((t for t in w.tags if t in VERB_FORMS), "fin")
        return f"{w.pos}.{form}"
    if w.pos in ("det", "prn") and w.tags:
        # "the of" is broken, "some of" is not: the kind of determiner (or pronoun) decides.
        return f"{w.pos}.{w.tags[0]}"
    return w.pos


# How a reviewer names each class (Apertium's tag names otherwise).
NAMES = {"det.def": "an article", "det.ind": "an article", "det.dem": "a demonstrative",
         "det.pos": "a possessive", "det.qnt": "a quantifier", "pr": "a preposition",
         "cnjcoo": "a conjunction", "cnjsub": "a conjunction", "cnjadv": "a conjunction",
         "rel": "a relative", "n": "a noun", "adj": "an adjective", "adv": "an adverb",
         "num": "a number", "stop": "the end of the clause", "comma": "a comma",
         START: "the start", END: "the end"}


def describe(cls: str) -> str:
    if cls in NAMES:
        return NAMES[cls]
    pos, _, form = cls.partition(".")
    if pos in VERB_POS:
        return {"inf": "an infinitive", "ger": "a gerund", "pp": "a participle"}.get(form, "a verb")
    return "a pronoun" if pos == "prn" else f"“{cls}”"


def _gap_class(between: str) -> str | None:
    if any(c in STOPS for c in between):
        return "stop"
    if "," in between:
        return "comma"
    return None


def sequence(words: Sequence[Word], text: str) -> list[tuple[str, int | None]]:
    """(class, word index) from the start to the end of `text`; punctuation and the
    boundaries have no index."""
    out: list[tuple[str, int | None]] = [(START, None)]
    at = 0
    for i, w in enumerate(words):
        if i:
            gap = _gap_class(text[at:w.start])
            if gap:
                out.append((gap, None))
        out.append((word_class(w), i))
        at = w.end
    if words and any(c in STOPS for c in text[at:]):
        out.append(("stop", None))
    out.append((END, None))
    return out


# Names and unknown words follow anything: a step to or from one is no evidence.
ANY_STEP = frozenset({"name", "unknown", "np"})
# The table must predict a step this many times by chance before its absence says anything.
MIN_EXPECTED = 20.0
# Ceiling on the operating point, whatever the dev rate allows.
MAX_SURPRISE = 0.02
# Passages of up to this many sentences get an operating point of their own.
LONGEST = 4


@dataclass(frozen=True)
class Table:
    """Counts of classes and of steps (a, b) in one tagger's output; `max_surprise` is
    its operating point, chosen on dev text (benchmarks/train_grammar.py)."""

    mode: str
    signature: str
    unigrams: dict[str, int]
    bigrams: dict[str, int]  # "a b"
    total: int
    max_surprise: float = 0.01
    min_expected: float = MIN_EXPECTED
    # The operating points for passages of 2, 3, … LONGEST or more sentences, each at the
    # same rate per passage (-1: none: never flag).
    longer: tuple[float, ...] = ()

    def limit(self, sentences: int) -> float:
        """The operating point for a passage of this many sentences."""
        if sentences <= 1 or not self.longer:
            return self.max_surprise
        return self.longer[min(sentences, LONGEST) - 2]

    def worst_step(self, seq: Sequence[tuple[str, int | None]], min_expected: float | None = None
                   ) -> tuple[float, int, str] | None:
        """(surprise, position k: seq[k] → seq[k + 1], its description) of the sequence's
        rarest step, if any is rated."""
        worst = None
        min_expected = self.min_expected if min_expected is None else min_expected
        for k, ((a, _), (b, _)) in enumerate(zip(seq, seq[1:])):
            if a in ANY_STEP or b in ANY_STEP:
                continue
            s = self.surprise(a, b, min_expected)
            if s is not None and (worst is None or s < worst[0]):
                worst = (s, k, f"{describe(a)} before {describe(b)}")
        return worst

    def surprise(self, a: str, b: str, min_expected: float) -> float | None:
        """Observed over expected count of the step a → b, when the table is big enough
        to expect it at least `min_expected` times by chance alone; else None."""
        ca, cb = self.unigrams.get(a, 0), self.unigrams.get(b, 0)
        expected = ca * cb / max(1, self.total)
        if expected < min_expected:
            return None
        return self.bigrams.get(f"{a} {b}", 0) / expected

    def to_json(self) -> dict[str, object]:
        return {"mode": self.mode, "signature": self.signature, "total": self.total,
                "max_surprise": self.max_surprise, "min_expected": self.min_expected,
                "longer": list(self.longer),
                "unigrams": dict(sorted(self.unigrams.items())),
                "bigrams": dict(sorted(self.bigrams.items()))}


def count(mode: str, signature: str, sequences: Sequence[Sequence[tuple[str, int | None]]]) -> Table:
    uni: dict[str, int] = {}
    bi: dict[str, int] = {}
    total = 0
    for seq in sequences:
        for (a, _), (b, _) in zip(seq, seq[1:]):
            key = f"{a} {b}"
            bi[key] = bi.get(key, 0) + 1
        for c, _ in seq:
            uni[c] = uni.get(c, 0) + 1
            total += 1
    return Table(mode, signature, uni, bi, total)


def path_for(mode: str) -> Path:
    return DATA / f"tagsteps-{mode}.json"


@lru_cache(maxsize=None)
def table_for_pair(lang: str, other: str) -> Table | None:
    """The table of the tagger that analyses `lang` in a pair with `other` (the lexicon
    layer's choice, tqcheck.lexicon.backend_for), looked up once per pair."""
    from tqcheck.lexicon.apertium import mode_for_language

    found = mode_for_language(lang, other)
    return table_for(found[0]) if found else None


@lru_cache(maxsize=None)
def table_for(mode: str) -> Table | None:
    p = path_for(mode)
    if not p.is_file():
        return None
    d = json.loads(p.read_text(encoding="utf-8"))
    return Table(d["mode"], d["signature"], d["unigrams"], d["bigrams"], d["total"], d["max_surprise"], d["min_expected"],
                 tuple(d.get("longer", ())))
