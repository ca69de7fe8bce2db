"""Learned scores for a single dropped or added word: `omitted-words` and `added-words`
rank their candidates (the unaligned content words of one side) by a small logistic
regression over the word's alignment evidence, where one is shipped for the pair and
engine (trained/*.json, by benchmarks/train_word_checks.py), and flag those at or over
its threshold. Without a model the checks keep their hand rules.

Why a model: the hand rules needed every signal at once (the unit aligned at 80% or
more, the neighbours' counterparts touching, nothing unaligned near), and a weak signal
could not make up for another. Trained on human and on Apertium's own translations; for
`omitted-words`, shipped where it beat the hand rule on dev at the hand rule's
own false-flag rate: en→es, es→en, ca→en (en→ca keeps the hand rule). `added-words` sets
its threshold by the unit's count of candidates (`for_count`): a sentence threshold flagged
paragraphs, with many more candidates, far too often. Its model is shipped for en→es and
es→en; en→ca and ca→en raised false flags on test with it and keep the hand rule.

No part of speech is a feature: the training perturbations add adjectives and drop
nouns, verbs and adjectives only, and a model that learnt which parts of speech the
generator picks would miss an added noun or a dropped name. The model file is the
verdict's format (tqcheck.verdict.model): JSON coefficients, never a pickle.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from tqcheck.align.words import WordAlignment, fold
from tqcheck.checks.base import Context
from tqcheck.checks.wordspan import coverage, forms, gap, hand_rule, meaning, reliable
from tqcheck.lexicon import wordlist
from tqcheck.model import AlignedUnit

SHIPPED = Path(__file__).resolve().parent / "trained"
SIDES = {"src": "omitted-words", "tgt": "added-words"}
STEM = 5  # letters of a dictionary translation looked for in a text: inflections aside
MAX_GAP = 6


def candidates(wa: WordAlignment, side: str) -> list[int]:
    """The unaligned meaning words of one side (no numbers; on the translation side no
    names, which the name checks read)."""
    if side == "src":
        return [i for i in wa.unaligned_src if meaning(wa.src_words[i], wa.src_lang) and wa.src_words[i].pos != "num"]
    return [j for j in wa.unaligned_tgt if meaning(wa.tgt_words[j], wa.tgt_lang)
            and wa.tgt_words[j].pos not in ("num", "np") and not wa.tgt_words[j].name_like]


def _zipf(text: str, lang: str) -> float:
    """How common the word is (wordfreq's Zipf); for a word of several parts (Apertium's
    multiwords `took place`, `face-to-face`, `u.s.`) the rarest part's, which the derived
    table answers: wordfreq itself, imported for them, cost more than the whole model."""
    return min((wordlist.zipf(p, lang) for p in re.findall(r"[^\W\d_]+", text.lower())), default=0.0)


def _stems(words: tuple[str, ...]) -> list[str]:
    return [fold(t)[:STEM] for t in words if len(t) > 3]


def features(unit: AlignedUnit, wa: WordAlignment, side: str) -> list[tuple[int, dict[str, float]]]:
    """(candidate, what the model reads of it) for every candidate of one side. Shares,
    not counts, of the unit: the models are trained on sentences and run on paragraphs
    too. What the candidates share (folded texts, linked words) is made once a unit."""
    src_side = side == "src"
    ws = wa.src_words if src_side else wa.tgt_words
    lang = wa.src_lang if src_side else wa.tgt_lang
    own, other = coverage(wa, side)
    # "well_aligned" is the hand rule's condition, which a linear model cannot draw from the two.
    aligned = reliable(wa, None, side)
    common = {"coverage_own": own, "coverage_other": other, "well_aligned": float(aligned),
              "chrf": (unit.scores.chrf or 0.0) / 100}
    if src_side:
        target = fold(unit.target_text)
    else:
        back_tokens, src_forms = forms(unit, wa)
        back, source = fold(unit.back_translation), fold(unit.source_text)
    out = []
    for i in candidates(wa, side):
        w, g = ws[i], gap(wa, i, side)
        f = {**common,
             "gap_none": float(g is None), "gap_width": float(min(MAX_GAP, g[0]) if g else MAX_GAP),
             "gap_hole": float(g is not None and g[0] <= 1), "stand_in_distance": g[1] if g else 1.0,
             "zipf": _zipf(w.text, lang), "length": float(min(12, len(w.text))),
             "known": float(w.known), "capitalised": float(w.text[:1].isupper()),
             "position": i / max(1, len(ws) - 1), "has_translations": float(bool(w.translations))}
        f["hand_rule"] = float(hand_rule(wa, i, side, aligned))
        stems = _stems(w.translations)
        if src_side:
            f["in_back"] = float(wa.src_in_back[i])
            f["translation_in_target"] = float(any(s in target for s in stems))
        else:
            rendered = {fold(t) for t in w.translations}
            f["rendered_in_back"] = float(bool(rendered & back_tokens))
            f["rendered_in_source"] = float(bool(rendered & src_forms))
            f["rendered_stem_in_back"] = float(any(s in back for s in stems))
            f["rendered_stem_in_source"] = float(any(s in source for s in stems))
        out.append((i, f))
    return out


@lru_cache(maxsize=None)
def _shipped() -> tuple:
    from tqcheck.verdict.model import load

    return tuple(load(p) for p in sorted(SHIPPED.glob("*.json")))


def model_for(ctx: Context, side: str):  # type: ignore[no-untyped-def]
    """The shipped model for this pair, engine and side, or None."""
    check = SIDES[side]
    for m in _shipped():
        if m.pair == (ctx.src_lang, ctx.tgt_lang) and m.engine == ctx.engine and m.meta.get("check") == check:
            return m
    return None


def for_count(n: int, tail: list[float], clean: int, alpha: float) -> float:
    """The threshold for a unit of n candidates: the score that at most alpha / n of the
    clean dev candidates reach (`tail`: the highest clean scores, `clean`: how many there
    were), so that a unit's chance of a false flag stays about alpha however many
    candidates it has. A paragraph has four times a sentence's, and a sentence's threshold
    flagged clean paragraphs four times as often."""
    k = int(alpha * clean / max(1, n))
    return min(1.0, (tail[k] if k < len(tail) else tail[-1]) + 1e-6)


def scored(unit: AlignedUnit, wa: WordAlignment, ctx: Context, side: str) -> list[tuple[int, dict]] | None:
    """(candidate, evidence: its score, the threshold and what drove it) of the candidates
    at or over the model's threshold (a calibration file's `<check>_score` threshold, e.g.
    `omitted_words_score`, overrides it); None without a model. A model that keeps its
    clean dev tail (`alpha` among its thresholds) sets the threshold by the unit's count
    of candidates."""
    m = model_for(ctx, side)
    if m is None:
        return None
    rows = features(unit, wa, side)
    flag = m.thresholds["flag"]
    if "alpha" in m.thresholds:
        flag = for_count(len(rows), m.meta["clean_tail"], m.meta["clean_candidates"], m.thresholds["alpha"])
    flag = ctx.threshold(SIDES[side].replace("-", "_") + "_score", flag)
    out = []
    for i, f in rows:
        z = m.risk(f)
        if z >= flag:
            out.append((i, {"score": round(z, 4), "threshold": round(flag, 4), "drivers": dict(m.drivers(f)),
                            "model": Path(m.path).name}))
    return out
