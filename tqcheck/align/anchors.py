"""Lexical anchors: what a passage and its translation share without any translation.

Numbers (any locale or digit script), URLs, e-mail addresses, placeholders and names
written in Latin script survive translation unchanged, so two passages that share them
are likely counterparts. With no back-translation (`--engine none`) they are the
aligner's evidence besides length.
"""
from __future__ import annotations

import re

from tqcheck.checks.numbers.parse import find_numbers

_TOKEN = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\{[^{}\s]+\}|%\w+%"
                    r"|[^\W\d_][\w-]*\w")
_POSSESSIVE = re.compile(r"['’]s$")
# Sentence-initial capitals are not names; anything after these may be a sentence start.
_SENTENCE_END = re.compile(r"[.!?¿¡:;\"“”«»()\[\]]\s*$")
_SENTENCE = re.compile(r"[.!?؟。](?:[\"'”’»)\]]*)\s")
_QUOTE = re.compile(r"[\"“”«»]")
MIN_NUMBER = 10  # small numbers are often spelled out ("two" → "dos")


def anchors(text: str) -> frozenset[str]:
    """The anchor tokens of one passage."""
    out: set[str] = set()
    for n in find_numbers(text):
        if all(v >= MIN_NUMBER for v in n.values):
            out.update(f"#{v:g}" for v in n.values)
    for m in _TOKEN.finditer(text):
        tok = m.group()
        if tok[0].isalpha() and tok[0].islower():
            continue
        if tok[0].isalpha() and (m.start() == 0 or _SENTENCE_END.search(text[: m.start()])):
            continue  # a capital that any sentence start has
        if len(tok) >= 3 or tok[0] in "{%":
            out.add(_POSSESSIVE.sub("", tok.lower().rstrip(".,;:!?)")))
    # Translators keep sentences and quotations: how many there are is shared too.
    out.add(f"¶{len(_SENTENCE.findall(text.strip() + ' '))}")
    quotes = len(_QUOTE.findall(text))
    if quotes:
        out.add(f"\"{quotes}")
    return frozenset(out)


def evidence(a: frozenset[str], b: frozenset[str]) -> tuple[int, int]:
    """(anchors shared, numbers of one side missing from the other)."""
    nums_a = {x for x in a if x[0] == "#"}
    nums_b = {x for x in b if x[0] == "#"}
    return len(a & b), len(nums_a - nums_b) + len(nums_b - nums_a)
