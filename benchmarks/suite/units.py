"""Evaluation units: clean sentence pairs of two kinds (the human translation, and the
engine's own forward translation, "mt") and their perturbed copies; checked the way the
pipeline checks an aligned unit (detect, segment, back-translate, score, checks, verdict).

A sentence pair is checked as a 1-1 aligned unit inside its document: the article chrF
and usual length ratio the checks compare against come from the document's clean units
of the same kind, as they would in a real article where most passages are fine.
"""
from __future__ import annotations

import random
import statistics
from dataclasses import dataclass, field, replace
from pathlib import Path

from suite import split as splits
from suite.perturb import KINDS, Pending, Sentence, tokenize
from suite.resources import Resources

from tqcheck import detect, verdict
from tqcheck.checks import Context, build_checks, run_checks
from tqcheck.model import AlignedUnit, Passage
from tqcheck.score import Scorer
from tqcheck.segment import split_sentences
from tqcheck.translate.registry import get_engine

DIRECTIONS = ("en-es", "en-ca", "es-en", "ca-en")
MIN_WORDS, MAX_WORDS = 5, 60


@dataclass
class Unit:
    direction: str
    split: str
    doc: str
    index: int
    clean: str  # "human" or "mt": which clean translation it is, or was perturbed from
    kind: str  # "clean" or a perturbation kind
    src: str
    tgt: str
    checked: AlignedUnit | None = field(default=None, repr=False)
    before: tuple = ()  # findings of the checks alone, before the verdict

    @property
    def key(self) -> tuple[str, str, int, str]:
        return (self.direction, self.doc, self.index, self.clean)


def sample_pairs(direction: str, split: str, n: int, seed: int, root: Path | None) -> list[splits.SentencePair]:
    src, tgt = direction.split("-")
    lang = tgt if src == "en" else src
    pool = [p for p in splits.load(lang, root) if p.split == split
            and MIN_WORDS <= len(p.en.split()) <= MAX_WORDS and p.xx.strip()]
    return sorted(random.Random(f"{seed}:{direction}:{split}").sample(pool, min(n, len(pool))),
                  key=lambda p: (p.doc_key, p.index))


def build(direction: str, split: str, n: int, seed: int, root: Path | None = None,
          cache: str | bool = False, kinds: list[str] | None = None) -> list[Unit]:
    """The clean units of `n` sampled sentences and every perturbation that applies."""
    src_lang, tgt_lang = direction.split("-")
    pairs = sample_pairs(direction, split, n, seed, root)
    sources = [p.en if src_lang == "en" else p.xx for p in pairs]
    human = [p.xx if src_lang == "en" else p.en for p in pairs]
    forward = get_engine("apertium", src_lang, tgt_lang, cache=cache).translate_batch(sources, src_lang, tgt_lang)
    clean = [Unit(direction, split, p.doc_key, p.index, kind_, "clean", s, t)
             for p, s, h, f in zip(pairs, sources, human, forward) for kind_, t in (("human", h), ("mt", f))]
    res = Resources(src_lang, tgt_lang)
    tagged = res.lex.tag([u.tgt for u in clean])
    sentences = [Sentence(u.tgt, tgt_lang, u.src, src_lang, u.doc, tokenize(u.tgt, t)) for u, t in zip(clean, tagged)]
    res.index(sentences)
    chosen = kinds or list(KINDS)
    made: dict[tuple[int, str], object] = {}
    for collecting in (True, False):
        res.collecting = collecting
        for k, (u, s) in enumerate(zip(clean, sentences)):
            for name in chosen:
                rng = random.Random(f"{seed}:{u.doc}:{u.index}:{u.clean}:{name}")
                made[(k, name)] = KINDS[name].make(s, res, rng)
        if collecting:
            res.flush()
    pending = [(key, p) for key, p in made.items() if isinstance(p, Pending)]
    if pending:
        spans = [p.text[p.start:p.end] for _, p in pending]
        back = get_engine("apertium", tgt_lang, src_lang, cache=cache).translate_batch(spans, tgt_lang, src_lang)
        for (key, p), b in zip(pending, back):
            made[key] = p.text[:p.start] + b + p.text[p.end:]
    out = list(clean)
    for (k, name), text in made.items():
        if isinstance(text, str) and text.strip() and text != clean[k].tgt:
            out.append(replace(clean[k], kind=name, tgt=text))
    return out


def check(units: list[Unit], direction: str, cache: str | bool = False, apply_verdict: bool = True) -> None:
    """Fill `checked` (findings after the verdict) and `before` (checks alone) of every unit."""
    src_lang, tgt_lang = direction.split("-")
    candidates = tuple(sorted({src_lang, tgt_lang, "en"}))
    tgt_sents = [tuple(split_sentences(u.tgt, tgt_lang)) or (u.tgt,) for u in units]
    engine = get_engine("apertium", tgt_lang, src_lang, cache=cache)
    flat = engine.translate_batch([s for ss in tgt_sents for s in ss], tgt_lang, src_lang)
    pos, aligned = 0, []
    for k, (u, ss) in enumerate(zip(units, tgt_sents)):
        back = tuple(flat[pos:pos + len(ss)])
        pos += len(ss)
        src_p = Passage(0, u.src, 1, sentences=tuple(split_sentences(u.src, src_lang)),
                        lang=detect.detect(u.src, candidates))
        tgt_p = Passage(0, u.tgt, 1, sentences=ss, lang=detect.detect(u.tgt, candidates))
        aligned.append(AlignedUnit(k, "1-1", (src_p,), (tgt_p,), " ".join(back), back_sentences=back))
    scores, _ = Scorer().score([a.back_translation for a in aligned], [u.src for u in units])
    aligned = [replace(a, scores=sc) for a, sc in zip(aligned, scores)]
    info = engine.info(tgt_lang, src_lang)
    checks = build_checks()
    by_doc: dict[tuple[str, str], list[int]] = {}
    for k, u in enumerate(units):
        by_doc.setdefault((u.doc, u.clean), []).append(k)
    for members in by_doc.values():
        clean = [k for k in members if units[k].kind == "clean"] or members
        ctx = Context(src_lang, tgt_lang, article_chrf=statistics.fmean(aligned[k].scores.chrf or 0 for k in clean),
                      thresholds=_thresholds(src_lang, tgt_lang, info),
                      length_ratio=statistics.median(len(units[k].tgt) / max(1, len(units[k].src)) for k in clean))
        done = [replace(aligned[k], findings=run_checks(aligned[k], checks, ctx)) for k in members]
        after = verdict.apply(done, ctx, info) if apply_verdict else done
        for k, a, b in zip(members, after, done):
            units[k].checked, units[k].before = a, b.findings


def _thresholds(src: str, tgt: str, info) -> dict[str, float]:  # type: ignore[no-untyped-def]
    from tqcheck import calibrate

    cal = calibrate.find(src, tgt, info.name, info.model, [])
    return {**calibrate.DEFAULTS, **(cal.thresholds if cal else {})}
