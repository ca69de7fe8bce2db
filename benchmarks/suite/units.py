"""The suite's units: sentences sampled from one split, clean of two kinds (the human
translation, and the engine's own forward translation, "mt"), and their perturbed
copies; checked by tqcheck.verdict.training as the pipeline checks an aligned unit."""
from __future__ import annotations

import random
from pathlib import Path

from suite import split as splits

from tqcheck import verdict
from tqcheck.translate.registry import get_engine
from tqcheck.verdict.training import Item, check as check_items, perturbed

DIRECTIONS = ("en-es", "en-ca", "es-en", "ca-en")
MIN_WORDS, MAX_WORDS = 5, 60
Unit = Item


def sample_pairs(direction: str, split: str, n: int, seed: int, root: Path | None) -> list[splits.SentencePair]:
    src, tgt = direction.split("-")
    lang = tgt if src == "en" else src
    pool = [p for p in splits.load(lang, root) if p.split == split
            and MIN_WORDS <= len(p.en.split()) <= MAX_WORDS and p.xx.strip()]
    return sorted(random.Random(f"{seed}:{direction}:{split}").sample(pool, min(n, len(pool))),
                  key=lambda p: (p.doc_key, p.index))


def build(direction: str, split: str, n: int, seed: int, root: Path | None = None,
          cache: str | bool = False, kinds: list[str] | None = None) -> list[Item]:
    """The clean units of `n` sampled sentences and every perturbation that applies."""
    src_lang, tgt_lang = direction.split("-")
    pairs = sample_pairs(direction, split, n, seed, root)
    sources = [p.en if src_lang == "en" else p.xx for p in pairs]
    human = [p.xx if src_lang == "en" else p.en for p in pairs]
    forward = get_engine("apertium", src_lang, tgt_lang, cache=cache).translate_batch(sources, src_lang, tgt_lang)
    clean = [Item(direction, split, p.doc_key, p.index, kind, "clean", s, t)
             for p, s, h, f in zip(pairs, sources, human, forward) for kind, t in (("human", h), ("mt", f))]
    return perturbed(clean, get_engine("apertium", tgt_lang, src_lang, cache=cache), seed, kinds)


def check(items: list[Item], direction: str, cache: str | bool = False, apply_verdict: bool = True,
          status: verdict.Status | None = None, words: bool = False) -> None:
    """`words`: with the word layer and every check (`--enable all`); the verdict is then
    the words model where one is trained, as in the pipeline."""
    src_lang, tgt_lang = direction.split("-")
    back = get_engine("apertium", tgt_lang, src_lang, cache=cache)
    if apply_verdict and status is None:
        status = verdict.status(src_lang, tgt_lang, back.info(tgt_lang, src_lang), words=words)
    check_items(items, back, status if apply_verdict else None, words=words)
