"""Training and evaluation units for the verdict: clean passage pairs, their perturbed
copies (perturb/), each checked as a 1-1 aligned unit inside its article the way the
pipeline checks one (detect, segment, back-translate, score, checks, verdict).

Used by the sentence suite in benchmarks/ and by `tqcheck calibrate --refit` on a user's
own known-good pairs. The article chrF and usual length ratio the checks compare
against come from the article's clean units of the same kind, as in a real article
where most passages are fine.
"""
from __future__ import annotations

import random
import statistics
from dataclasses import dataclass, field, replace

from tqcheck import calibrate, detect, lexicon
from tqcheck.align import wordlayer
from tqcheck.checks import Context, build_checks, plan_checks, run_checks
from tqcheck.model import AlignedUnit, Finding, Passage
from tqcheck.score import Scorer
from tqcheck.segment import split_sentences
from tqcheck.translate.base import Engine
from tqcheck.verdict import Status, apply
from tqcheck.verdict.perturb import KINDS, Pending, Sentence, tokenize
from tqcheck.verdict.perturb.resources import Resources


@dataclass
class Item:
    direction: str  # "en-es": source language, translation language
    split: str
    doc: str
    index: int
    clean: str  # "human" or "mt" (or "good" for a user's pairs): the clean translation it comes from
    kind: str  # "clean" or a perturbation kind
    src: str
    tgt: str
    checked: AlignedUnit | None = field(default=None, repr=False)
    before: tuple[Finding, ...] = ()  # findings of the checks alone, before the verdict
    ctx: Context | None = field(default=None, repr=False)

    @property
    def key(self) -> tuple[str, str, int, str]:
        return (self.direction, self.doc, self.index, self.clean)


def perturbed(clean: list[Item], back: Engine, seed: int, kinds: list[str] | None = None) -> list[Item]:
    """The clean items and every perturbation that applies to each (seeded per item and kind)."""
    if not clean:
        return []
    src_lang, tgt_lang = clean[0].direction.split("-")
    res = Resources(src_lang, tgt_lang)
    tagged = res.lex.tag([u.tgt for u in clean])
    sentences = [Sentence(u.tgt, tgt_lang, u.src, src_lang, u.doc, tokenize(u.tgt, t)) for u, t in zip(clean, tagged)]
    res.index(sentences)
    made: dict[tuple[int, str], object] = {}
    # Twice: the first pass collects what the kinds ask the lexicon, answered in batches.
    for collecting in (True, False):
        res.collecting = collecting
        for k, (u, s) in enumerate(zip(clean, sentences)):
            for name in kinds or list(KINDS):
                rng = random.Random(f"{seed}:{u.doc}:{u.index}:{u.clean}:{name}")
                made[(k, name)] = KINDS[name].make(s, res, rng)
        if collecting:
            res.flush()
    pending = [(key, p) for key, p in made.items() if isinstance(p, Pending)]
    if pending:
        spans = back.translate_batch([p.text[p.start:p.end] for _, p in pending], tgt_lang, src_lang)
        for (key, p), b in zip(pending, spans):
            made[key] = p.text[:p.start] + b + p.text[p.end:]
    out = list(clean)
    for (k, name), text in made.items():
        if isinstance(text, str) and text.strip() and text != clean[k].tgt:
            out.append(replace(clean[k], kind=name, tgt=text))
    return out


def check(items: list[Item], back: Engine, verdict: Status | None = None, words: bool = False,
          decide: bool = True) -> None:
    """Fill `checked` (after the verdict, when one is given) and `before` of every item.
    `words`: run the word layer too, as `--enable all` does (every check, the units with
    their word alignment), so the verdict's word features are real. `decide`: the verdict
    decides at its own sentence threshold; else it does what `check` does without a
    calibrated threshold (risk only; a words model confirms the word checks' findings)."""
    if not items:
        return
    src_lang, tgt_lang = items[0].direction.split("-")
    candidates = tuple(sorted({src_lang, tgt_lang, "en"}))
    # One analyser process per side for all items, started before the engine runs.
    pending_lex = lexicon.start([u.src for u in items], [u.tgt for u in items], src_lang, tgt_lang) if words else None
    tgt_sents = [tuple(split_sentences(u.tgt, tgt_lang)) or (u.tgt,) for u in items]
    flat = back.translate_batch([s for ss in tgt_sents for s in ss], tgt_lang, src_lang)
    pos, aligned = 0, []
    for k, (u, ss) in enumerate(zip(items, tgt_sents)):
        bt = tuple(flat[pos:pos + len(ss)])
        pos += len(ss)
        # Passage k of the "article" of all items: the word layer finds its words by index.
        src_p = Passage(k, u.src, 1, sentences=tuple(split_sentences(u.src, src_lang)),
                        lang=detect.detect(u.src, candidates))
        tgt_p = Passage(k, u.tgt, 1, sentences=ss, lang=detect.detect(u.tgt, candidates))
        aligned.append(AlignedUnit(k, "1-1", (src_p,), (tgt_p,), " ".join(bt), back_sentences=bt))
    scores, _ = Scorer().score([a.back_translation for a in aligned], [u.src for u in items])
    aligned = [replace(a, scores=sc) for a, sc in zip(aligned, scores)]
    layer: dict[str, object] = {}
    if pending_lex is not None:
        lex = pending_lex.result()
        aligned, layer = wordlayer.attach(aligned, lex), wordlayer.context(lex)
    info = back.info(tgt_lang, src_lang)
    cal = calibrate.find(src_lang, tgt_lang, info.name, info.model, [])
    thresholds = {**calibrate.DEFAULTS, **(cal.thresholds if cal else {})}
    if verdict is not None and verdict.model is not None and decide:
        # Sentence units: the model's own threshold, set at 1 false flag per 100 dev sentences.
        thresholds["verdict_flag"] = verdict.model.thresholds["flag"]
    by_doc: dict[tuple[str, str], list[int]] = {}
    for k, u in enumerate(items):
        by_doc.setdefault((u.doc, u.clean), []).append(k)
    for members in by_doc.values():
        clean = [k for k in members if items[k].kind == "clean"] or members
        ctx = Context(src_lang, tgt_lang, article_chrf=statistics.fmean(aligned[k].scores.chrf or 0 for k in clean),
                      thresholds=thresholds, engine=info.name,
                      length_ratio=statistics.median(len(items[k].tgt) / max(1, len(items[k].src)) for k in clean),
                      **layer)  # type: ignore[arg-type]
        checks, _ = plan_checks(build_checks(["all"] if words else None), ctx)
        done = [replace(aligned[k], findings=run_checks(aligned[k], checks, ctx)) for k in members]
        after = apply(done, ctx, info, verdict) if verdict is not None else done
        for k, a, b in zip(members, after, done):
            items[k].checked, items[k].before, items[k].ctx = a, b.findings, ctx
