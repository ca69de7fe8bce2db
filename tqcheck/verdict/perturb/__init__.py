"""Sentence perturbations by MQM error kind, each a known error in one translation sentence.

Every kind is a registered function `(sentence, resources, rng) -> str | Pending | None`
(None: the sentence offers no place for it). Words are found with Apertium's analysers,
forms made with its generators, translations of words with its bilingual dictionaries,
real-word misspellings with wordfreq (lexicon.py); only the few function words that carry
negation are written here. A `Pending` asks the runner to translate a span with the engine
(an untranslated phrase is the source-language rendering of the span).
"""
from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from tqcheck.verdict.lexicon import WORD, lemma, pos, tags

CONTENT = {"n", "vblex", "adj"}
FINITE = {"pri", "ifi", "pii", "fti", "cni", "prs", "pis", "pres", "past"}
VERBS = {"vblex", "vbser", "vbhaver", "vbmod", "vaux", "vbdo"}
# The negators the polarity kinds add and remove (the only hand-written words).
NEGATOR = {"es": "no", "ca": "no", "en": "not"}
NEGATIONS = {"es": {"no", "nunca", "jamás"}, "ca": {"no", "mai"}, "en": {"not", "never", "n't"}}
EN_AUX = {"vbser", "vbhaver", "vaux", "vbmod"}


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    readings: tuple[str, ...]

    @property
    def pos(self) -> str:
        return pos(self.readings[0]) if self.readings else ""

    def has(self, *poss: str) -> bool:
        return any(pos(r) in poss for r in self.readings)


@dataclass
class Sentence:
    text: str
    lang: str
    src: str  # the source sentence it translates
    src_lang: str
    doc: str
    tokens: list[Token] = field(default_factory=list)


@dataclass(frozen=True)
class Pending:
    """Replace text[start:end] with the engine's translation of it into the source language."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Kind:
    name: str
    category: str  # MQM: omission, addition, mistranslation, untranslated, polarity, ...
    critical: bool
    make: Callable[..., "str | Pending | None"]


KINDS: dict[str, Kind] = {}


def kind(category: str, critical: bool = False) -> Callable[[Callable], Callable]:
    def wrap(fn: Callable) -> Callable:
        KINDS[fn.__name__] = Kind(fn.__name__, category, critical, fn)
        return fn
    return wrap


def tokenize(text: str, tagged: list[tuple[int, int, str]]) -> list[Token]:
    """Words with the tagger's reading where it read exactly that word (not inside a
    multiword or a contraction: those words stay unread, and the kinds leave them alone)."""
    reading = {(a, b): r for a, b, r in tagged}
    return [Token(m.start(), m.end(), m.group(), tuple(filter(None, [reading.get((m.start(), m.end()), "")])))
            for m in WORD.finditer(text)]


def replace_span(text: str, start: int, end: int, new: str) -> str:
    if new:
        return text[:start] + new + text[end:]
    # Deleting: take one neighbouring space with it; re-capitalise a new first word.
    left, right = text[:start], text[end:]
    if left.endswith(" "):
        left = left[:-1]
    elif right.startswith(" "):
        right = right[1:]
    out = left + right
    if not left.strip() and out.strip() and text[:1].isupper():
        i = len(out) - len(out.lstrip())
        out = out[:i] + out[i].upper() + out[i + 1:]
    return out


def _pick(rng: random.Random, items: list):
    return rng.choice(items) if items else None


def _finite(tok: Token) -> bool:
    return any(pos(r) in VERBS and FINITE & set(tags(r)) for r in tok.readings)


def _is_negation(tok: Token, lang: str) -> bool:
    return tok.text.lower() in NEGATIONS[lang]


# --- omission -------------------------------------------------------------------------

@kind("omission", critical=True)
def omit_content_word(s: Sentence, res, rng):
    tok = _pick(rng, [t for t in s.tokens if t.has(*CONTENT) and not t.has("np") and len(t.text) > 2])
    return replace_span(s.text, tok.start, tok.end, "") if tok else None


@kind("omission")
def omit_phrase(s: Sentence, res, rng):
    spans = []
    for i, t in enumerate(s.tokens):
        if t.pos == "pr":
            for j in range(i + 1, min(i + 5, len(s.tokens))):
                if s.tokens[j].has("n", "np"):
                    spans.append((t.start, s.tokens[j].end))
                    break
    span = _pick(rng, spans)
    return replace_span(s.text, *span, "") if span else None


def entity_spans(s: Sentence) -> list[tuple[int, int]]:
    """Runs of proper nouns (or of capitalised words the analyser does not know)."""
    spans, run = [], None
    for i, t in enumerate(s.tokens):
        name = t.has("np") or (i > 0 and t.text[:1].isupper() and not t.readings)
        if name and run and s.text[run[1]:t.start] == " ":
            run = (run[0], t.end)
        elif name:
            if run:
                spans.append(run)
            run = (t.start, t.end)
        elif run:
            spans.append(run)
            run = None
    return spans + ([run] if run else [])


@kind("omission")
def omit_entity(s: Sentence, res, rng):
    span = _pick(rng, entity_spans(s))
    return replace_span(s.text, *span, "") if span else None


@kind("omission")
def omit_subject(s: Sentence, res, rng):
    verb = next((i for i, t in enumerate(s.tokens) if _finite(t)), None)
    if verb is None or not 1 <= verb <= 5 or not any(t.has("n", "np", "prn") for t in s.tokens[:verb]):
        return None
    return replace_span(s.text, s.tokens[0].start, s.tokens[verb - 1].end, "")


# --- addition -------------------------------------------------------------------------

@kind("addition")
def add_word(s: Sentence, res, rng):
    """A frequent adverb of the language before a finite verb, or a frequent adjective
    beside a noun (after it in Spanish and Catalan, before it in English)."""
    slots = [("adv", t.start) for t in s.tokens if _finite(t)]
    slots += [("adj", t.start if s.lang == "en" else t.end) for t in s.tokens if t.pos == "n"]
    slot = _pick(rng, slots)
    if slot is None:
        return None
    word = _pick(rng, res.frequent(s.lang, slot[0]))
    if word is None:
        return None
    at = slot[1]
    return s.text[:at] + (f"{word} " if at == 0 or s.text[at - 1] == " " else f" {word}") + s.text[at:]


@kind("addition")
def add_phrase(s: Sentence, res, rng):
    phrase = _pick(rng, res.phrases(s.lang, s.doc))
    nouns = [t.end for t in s.tokens if t.pos == "n"]
    at = _pick(rng, nouns)
    return s.text[:at] + " " + phrase + s.text[at:] if phrase and at is not None else None


# --- untranslated ---------------------------------------------------------------------

@kind("untranslated", critical=True)
def untranslated_word(s: Sentence, res, rng):
    """A content word replaced by its dictionary translation into the source language,
    preferring words whose translation is in the source sentence (a copied word)."""
    options = []
    src_words = {w.lower() for w in WORD.findall(s.src)}
    for t in s.tokens:
        if t.has(*CONTENT) and not t.has("np"):
            other = res.translation(s.lang, s.src_lang, t.readings[0])
            if other and other.lower() != t.text.lower():
                options.append((other.lower() in src_words, t, other))
    copied = [o for o in options if o[0]]
    choice = _pick(rng, copied or options)
    if choice is None:
        return None
    _, t, other = choice
    return replace_span(s.text, t.start, t.end, other)


@kind("untranslated")
def untranslated_phrase(s: Sentence, res, rng):
    if len(s.tokens) < 6:
        return None
    n = rng.randint(3, 5)
    i = rng.randrange(0, len(s.tokens) - n)
    return Pending(s.text, s.tokens[i].start, s.tokens[i + n - 1].end)


@kind("untranslated")
def untranslated_sentence(s: Sentence, res, rng):
    return s.src if s.src.strip() != s.text.strip() else None


# --- polarity -------------------------------------------------------------------------

@kind("polarity", critical=True)
def negation_added(s: Sentence, res, rng):
    if any(_is_negation(t, s.lang) for t in s.tokens):
        return None
    verbs = [t for t in s.tokens if _finite(t)]
    if s.lang == "en":
        aux = [t for t in verbs if t.has(*EN_AUX) and not t.has("vblex")]
        t = _pick(rng, aux)
        return replace_span(s.text, t.end, t.end, " not") if t else None
    t = _pick(rng, verbs)
    return replace_span(s.text, t.start, t.start, "no ") if t else None


@kind("polarity", critical=True)
def negation_removed(s: Sentence, res, rng):
    t = _pick(rng, [t for i, t in enumerate(s.tokens) if t.text.lower() == NEGATOR[s.lang]
                    and any(_finite(n) for n in s.tokens[i + 1:i + 3])])
    return replace_span(s.text, t.start, t.end, "") if t else None


# --- fluency-side kinds ---------------------------------------------------------------

@kind("word-order", critical=True)
def word_order(s: Sentence, res, rng):
    if len(s.tokens) < 6:
        return None
    n = min(len(s.tokens), rng.randint(4, 6))
    i = rng.randrange(0, len(s.tokens) - n + 1)
    window = s.tokens[i:i + n]
    words = [t.text for t in window]
    for _ in range(10):
        rng.shuffle(words)
        if words != [t.text for t in window]:
            break
    else:
        return None
    out, last = [], 0
    for t, w in zip(window, words):
        out += [s.text[last:t.start], w]
        last = t.end
    return "".join(out) + s.text[last:]


@kind("word-order", critical=True)
def scramble(s: Sentence, res, rng):
    """Every word shuffled, the final punctuation kept: garbled output, not a reordering."""
    body = s.text.rstrip(".!?")
    words = body.split()
    if len(words) < 6:
        return None
    for _ in range(5):
        shuffled = words[:]
        rng.shuffle(shuffled)
        if shuffled != words:
            return " ".join(shuffled) + s.text[len(body):]
    return None


@kind("repetition")
def repetition(s: Sentence, res, rng):
    if len(s.tokens) < 3:
        return None
    n = rng.choice([1, 2, 3])
    i = rng.randrange(0, len(s.tokens) - n + 1)
    start, end = s.tokens[i].start, s.tokens[i + n - 1].end
    return s.text[:end] + " " + s.text[start:end] + s.text[end:]


@kind("truncation")
def truncation(s: Sentence, res, rng):
    words = s.text.split()
    if len(words) < 8:
        return None
    return " ".join(words[: len(words) * rng.randint(40, 70) // 100]).rstrip(",;:")


from tqcheck.verdict.perturb import mistranslate  # noqa: E402,F401  (registers the mistranslation kinds)

__all__ = ["KINDS", "Kind", "Pending", "Sentence", "Token", "tokenize", "replace_span", "entity_spans",
           "lemma", "tags"]
