"""Perturbations of a human translation, each a known error at a known passage.

Each perturbation takes an article (paragraphs as lists of sentences, both sides) and
returns the damaged pair, where the damage is, and which checks should find it; or None
when the article offers no place for it (no number to change, no long paragraph). The
headline (paragraph 0) is never touched: one-line headlines are where round-trip scores
are least reliable, and the evaluation should measure the checks, not that.
"""
from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass

Paras = list[list[str]]


@dataclass(frozen=True)
class Case:
    perturbation: str  # "clean" for the untouched pair
    src: Paras
    tgt: Paras
    src_at: tuple[int, ...] = ()  # source paragraphs the damage concerns
    tgt_at: tuple[int, ...] = ()  # translation paragraphs (after the damage)
    expected: frozenset[str] = frozenset()


Perturb = Callable[[Paras, Paras, random.Random, list[str]], "Case | None"]
PERTURBATIONS: dict[str, Perturb] = {}
# Perturbations written for some translation languages only (the negation inserts a
# Spanish/Catalan "no").
ONLY_FOR = {"negate": ("es", "ca")}

NUMBER = re.compile(r"(?<![\d.,])\d+(?![\d.,]*\d)")
# Spanish/Catalan verbs common in news prose, before which a "no" flips the meaning.
VERB = re.compile(r"\b(es|está|están|son|ha|han|fue|era|eran|tiene|tienen|puede|pueden|dijo|va|van|"
                  r"és|són|va|té|tenen|pot|poden)\b")
NEGATION = re.compile(r"\b(no|nunca|jamás|ni|mai|cap)\b", re.IGNORECASE)


def perturbation(*expected: str) -> Callable[[Callable[..., tuple | None]], Perturb]:
    def wrap(fn: Callable[..., tuple | None]) -> Perturb:
        def run(src: Paras, tgt: Paras, rng: random.Random, donor: list[str]) -> Case | None:
            got = fn([list(p) for p in src], [list(p) for p in tgt], rng, donor)
            if got is None:
                return None
            new_tgt, src_at, tgt_at = got
            return Case(fn.__name__, src, new_tgt, tuple(src_at), tuple(tgt_at), frozenset(expected))
        PERTURBATIONS[fn.__name__] = run
        return run
    return wrap


def _body(paras: Paras, rng: random.Random, ok: Callable[[int], bool] = lambda i: True) -> int | None:
    choices = [i for i in range(1, len(paras)) if ok(i)]
    return rng.choice(choices) if choices else None


@perturbation("omission", "omitted-sentence")
def omit_passage(src, tgt, rng, donor):
    i = _body(tgt, rng)
    if i is None:
        return None
    del tgt[i]
    return tgt, [i], []


@perturbation("omitted-sentence", "omission", "low-score")
def omit_sentence(src, tgt, rng, donor):
    i = _body(tgt, rng, lambda i: len(tgt[i]) >= 3)
    if i is None:
        return None
    del tgt[i][rng.randrange(len(tgt[i]))]
    return tgt, [i], [i]


@perturbation("untranslated")
def untranslated(src, tgt, rng, donor):
    i = _body(tgt, rng)
    if i is None:
        return None
    tgt[i] = list(src[i])
    return tgt, [i], [i]


@perturbation("partly-untranslated", "untranslated", "code-mixing", "low-score")
def partly_untranslated(src, tgt, rng, donor):
    i = _body(tgt, rng, lambda i: len(tgt[i]) >= 2 and len(src[i]) == len(tgt[i]))
    if i is None:
        return None
    j = rng.randrange(len(tgt[i]))
    tgt[i][j] = src[i][j]
    return tgt, [i], [i]


@perturbation("numbers")
def change_number(src, tgt, rng, donor):
    def has_shared_number(i: int) -> bool:
        src_numbers = set(NUMBER.findall(" ".join(src[i])))
        return any(n in src_numbers for n in NUMBER.findall(" ".join(tgt[i])))

    i = _body(tgt, rng, has_shared_number)
    if i is None:
        return None
    text = " ".join(tgt[i])
    src_numbers = set(NUMBER.findall(" ".join(src[i])))
    spots = [m for m in NUMBER.finditer(text) if m.group() in src_numbers]
    m = rng.choice(spots)
    value = int(m.group())
    new = str(value + rng.randint(1, 9)) if value < 1000 else str(value - rng.randint(1, 9))
    tgt[i] = [text[: m.start()] + new + text[m.end():]]
    return tgt, [i], [i]


@perturbation("repetition", "addition", "low-score")
def duplicate_sentence(src, tgt, rng, donor):
    i = _body(tgt, rng)
    if i is None:
        return None
    j = rng.randrange(len(tgt[i]))
    tgt[i].insert(j + 1, tgt[i][j])
    return tgt, [i], [i]


@perturbation("omission", "addition", "low-score")
def swap_passages(src, tgt, rng, donor):
    i = _body(tgt, rng, lambda i: i + 1 < len(tgt))
    if i is None:
        return None
    tgt[i], tgt[i + 1] = tgt[i + 1], tgt[i]
    return tgt, [i, i + 1], [i, i + 1]


@perturbation("added-sentence", "addition", "low-score")
def insert_unrelated(src, tgt, rng, donor):
    i = _body(tgt, rng)
    if i is None or not donor:
        return None
    tgt[i].insert(rng.randrange(len(tgt[i]) + 1), rng.choice(donor))
    return tgt, [i], [i]


@perturbation("truncation", "omitted-sentence", "omission", "low-score")
def truncate(src, tgt, rng, donor):
    last = len(tgt) - 1
    text = " ".join(tgt[last])
    words = text.split()
    if last < 1 or len(words) < 12:
        return None
    # Cut mid-sentence, as a crashed or length-limited engine does.
    tgt[last] = [" ".join(words[: len(words) * rng.randint(35, 65) // 100])]
    return tgt, [last], [last]


@perturbation("polarity")
def negate(src, tgt, rng, donor):
    def negatable(i: int) -> bool:
        text = " ".join(tgt[i])
        return bool(VERB.search(text)) and not NEGATION.search(text)

    i = _body(tgt, rng, negatable)
    if i is None:
        return None
    text = " ".join(tgt[i])
    m = rng.choice(list(VERB.finditer(text)))
    tgt[i] = [text[: m.start()] + "no " + text[m.start():]]
    return tgt, [i], [i]


# A word a misspelling may land on: letters only, not touching an apostrophe or hyphen
# ("l'home", "co-autor" are tokenised apart), long enough to keep a letter inside.
PLAIN_WORD = re.compile(r"(?<![\w'’·-])[^\W\d_]{5,}(?![\w'’·-])")
# Opt-in: only evaluate.py --with misspell (and benchmarks/spelling_eval.py) run these.
OPT_IN = frozenset({"misspell"})


@perturbation("spelling")
def misspell(src, tgt, rng, donor):
    """A slip inside one lower-case word that the source does not have: two adjacent inner
    letters swapped, or one inner letter dropped ("gobierno" → "gobireno", "gobirno")."""
    def spots(i: int) -> list[re.Match]:
        seen = {w.casefold() for w in re.findall(r"[^\W\d_]+", " ".join(src[i]))}
        return [m for m in PLAIN_WORD.finditer(" ".join(tgt[i]))
                if m.group() == m.group().lower() and m.group().casefold() not in seen]

    i = _body(tgt, rng, lambda i: bool(spots(i)))
    if i is None:
        return None
    m = rng.choice(spots(i))
    w = m.group()
    k = rng.randrange(1, len(w) - 2)
    new = w[:k] + w[k + 1] + w[k] + w[k + 2:] if rng.random() < 0.5 and w[k] != w[k + 1] else w[:k] + w[k + 1:]
    text = " ".join(tgt[i])
    tgt[i] = [text[: m.start()] + new + text[m.end():]]
    return tgt, [i], [i]
