"""The pipeline, stage by stage: read → segment → detect → translate → align → score → check.

`check_pair` is the library entry point; `check_pairs` runs many pairs and sends all
their sentences for one language pair to the engine in one batch, because an engine
call has a fixed start-up cost (≈130 ms for an Apertium process).

The engine is the slow stage, so it starts as soon as the translation side is
segmented (`read_and_segment`, tqcheck/prepare.py) and runs in a thread of its own while everything that
does not need the back-translation is done (`source_side`: language of every passage,
source sentences, the registered PRE_ENGINE_STAGES, the n-grams of the source side).
Its output is taken chunk by chunk (`_collect`) into what the aligner and the scorer
need, and `analyse` does the rest.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tqcheck
from tqcheck.backtranslate import ENGINE_CHUNK, BackTranslation, Progress, back_translate
from tqcheck.errors import TqcheckError
from tqcheck.glossary import for_options as glossary_for
from tqcheck.model import AlignedUnit, Document
from tqcheck.options import CheckOptions, Prepared
from tqcheck.prepare import (PRE_ENGINE_STAGES, PREFILL_PASSAGES, READ_PROGRESS_EVERY, no_progress, prepare,
                             read_and_segment, source_side)
from tqcheck.read import side_names
from tqcheck.result import Report, Side
from tqcheck.translate.base import Engine, EngineInfo
from tqcheck.cache import reports as reports_cache
from tqcheck.align.units import aligned_units
from tqcheck.translate.none import NAME as NONE
from tqcheck.translate.registry import get_engine

if TYPE_CHECKING:  # the word layer is imported when it runs
    from concurrent.futures import Future

    from tqcheck.align.wordlayer import Done, PendingLexical

# The stages themselves (readers, detection, segmentation, aligner, scorer, checks,
# calibration) are imported by the functions that run them, so a cached re-run, whose
# report comes from the cache, imports none of them (and none of their libraries).

__all__ = ["ENGINE_CHUNK", "PRE_ENGINE_STAGES", "CheckOptions", "Prepared", "Progress", "analyse",
           "back_translate", "check_pair", "check_pairs", "prepare"]


def _collect(preps: Sequence[Prepared], chunks: Iterable[Sequence[str]]) -> list[str]:
    """The back-translation of the preps' sentences, in order, chunk by chunk: each
    passage's n-grams are made as soon as all its sentences are back, while the engine
    goes on with the next chunk."""
    from tqcheck.align.aligner import ngram_set

    back: list[str] = []
    passages = [(prep, len(sents)) for prep in preps for sents in prep.tgt_sentences
                if len(prep.tgt_sentences) <= PREFILL_PASSAGES]
    done, end = 0, 0
    for chunk in chunks:
        back.extend(chunk)
        while done < len(passages) and end + passages[done][1] <= len(back):
            prep, size = passages[done]
            text = " ".join(back[end:end + size])
            prep.grams[text] = ngram_set(text)
            end, done = end + size, done + 1
    return back


def analyse(
    prep: Prepared,
    back_sentences: Sequence[str],
    engine: Engine,
    opts: CheckOptions,
    progress: Progress = no_progress,
    lexical: PendingLexical | Done | None = None,
    *,
    units: list[AlignedUnit] | None = None,
    pending: Future[Any] | None = None,
) -> Report:
    """Everything after the engine: align, score, check, and assemble the report.

    `lexical` is the word layer's analysis if check_pair started it before the engine;
    `units` and `pending` (the verdict's features), what check_pairs made for a batch."""
    from tqcheck import verdict
    from tqcheck.align import wordlayer
    from tqcheck.checks import Context, build_checks, plan_checks, run_article_checks, run_checks
    from tqcheck.parallel import split_map
    from tqcheck.score import Scorer

    t0 = time.perf_counter()
    info = engine.info(prep.tgt_lang, prep.src_lang)
    has_back = info.name != NONE
    if units is None:
        units = aligned_units(prep, back_sentences, info, progress)
        started = verdict.prefetch([units], info, opts, prep.src_lang, prep.tgt_lang)
        pending = started[0] if started else None
    t_align = time.perf_counter()
    paired = [i for i, u in enumerate(units) if u.source and u.target]
    progress("score", 0, len(units))
    if has_back:
        scores, article = Scorer(store=prep.chrf).score(
            [units[i].back_translation for i in paired],
            [" ".join(p.text for p in units[i].source) for i in paired])
        for i, sc in zip(paired, scores):
            units[i] = replace(units[i], scores=sc)
    else:
        article = Scorer().unscored()
    progress("score", len(units), len(units))

    thresholds, calibrated = effective_thresholds(prep, info, opts)
    chosen = build_checks(opts.enable or None, opts.disable, opts.severities)
    units, lexicons = wordlayer.on_units(prep, units, chosen, lexical)
    glossary, words = glossary_for(opts, prep.src_lang, prep.tgt_lang)
    ctx = Context(prep.src_lang, prep.tgt_lang, article.chrf or 0.0, thresholds=thresholds,
                  length_ratio=_length_ratio(units), engine=info.name, chrf=prep.chrf,
                  pre=prep.pre, glossary=glossary, words=words, **lexicons)
    checks, skipped = plan_checks(chosen, ctx)
    def tick(k: int) -> None:
        if k % READ_PROGRESS_EVERY == 0:
            progress("check", k, len(units))

    found = split_map(lambda u: run_checks(u, checks, ctx), units,
                      [u.size for u in units], tick)
    checked = [replace(u, findings=f) for u, f in zip(units, found)]
    progress("check", len(units), len(units))
    units = run_article_checks(checked, checks, ctx)
    # The learned verdict and the same-engine probe (tqcheck/verdict): one call.
    units, judged = verdict.judge(units, ctx, info, opts, prep.src_lang, prep.tgt_lang, pending=pending)
    t_end = time.perf_counter()

    return Report(
        source=_side(prep.source),
        translation=_side(prep.translation),
        engine=info,
        signature=signature(info.name, info.model, info.version, article.signatures["chrf"],
                            thresholds, calibrated) + f"|verdict:{judged.status.signature}",
        scores=article,
        units=tuple(units),
        thresholds=thresholds,
        calibration=calibrated,
        timings={"align": round(t_align - t0, 4), "score_check": round(t_end - t_align, 4)},
        cache=dict(getattr(engine, "stats", {}) or {}),
        checks_ran=tuple(c.id for c in checks),
        checks_skipped=skipped,
        verdict=judged.status.note,
        notes=judged.notes,
        mirrored=judged.mirrored,
    )


def _length_ratio(units: Sequence[AlignedUnit]) -> float:
    ratios = sorted(len(u.target_text) / len(u.source_text) for u in units
                    if u.source and u.target and len(u.source_text) >= 40)
    return ratios[len(ratios) // 2] if ratios else 1.0


def _side(doc: Document) -> Side:
    return Side(doc.path, doc.lang or "", doc.encoding, doc.fmt, len(doc.passages),
                sum(len(p.sentences) for p in doc.passages))


def effective_thresholds(prep: Prepared, info: EngineInfo, opts: CheckOptions
                         ) -> tuple[dict[str, float], str]:
    """Defaults for the route < the matching calibration file < options; and where they came from."""
    from tqcheck import calibrate

    base, source = calibrate.thresholds_for(prep.src_lang, prep.tgt_lang, info,
                                            [Path(p) for p in opts.calibrations])
    if opts.thresholds:
        source += "+options"
    return {**base, **opts.thresholds}, source


def signature(engine: str, model: str, version: str, chrf_sig: str,
              thresholds: Mapping[str, float], calibrated: str = "default") -> str:
    """sacreBLEU-style reproducibility string: what must match for the same result."""
    from tqcheck import detect, segment

    chrf = chrf_sig.replace("|", ",")
    thr = ",".join(f"{k}={v:g}" for k, v in sorted(thresholds.items())) + f"@{calibrated}"
    return "|".join([
        f"tqcheck:{tqcheck.__version__}", f"engine:{engine}", f"model:{model or '-'}",
        f"model_version:{version or '-'}", f"seg:{segment.SEGMENTER_ID}", f"det:{detect.DETECTOR_ID}",
        f"chrf:{chrf}", f"thresholds:{thr}",
    ])


def check_pair(
    src_path: str | Path,
    tgt_path: str | Path | None,
    opts: CheckOptions = CheckOptions(),
    *,
    engine: Engine | None = None,
    progress: Progress = no_progress,
) -> Report:
    """Check one article pair end to end and return the report (raises TqcheckError)."""
    t0 = time.perf_counter()
    cache = reports_cache.for_options(opts) if engine is None else None
    key = reports_cache.key_for(opts, src_path, tgt_path) if cache is not None else None
    if cache is not None and key is not None:
        hit = cache.get(key, reports_cache.engine_info_for(opts), side_names(src_path, tgt_path))
        if hit is not None:
            return replace(hit, timings={"total": round(time.perf_counter() - t0, 4), "cached": 1.0})
    prep = read_and_segment(src_path, tgt_path, opts)
    glossary_for(opts, prep.src_lang, prep.tgt_lang)  # a bad glossary fails before the engine runs
    engine = engine or get_engine(opts.engine, prep.tgt_lang, prep.src_lang, cache=opts.cache,
                                  threads=opts.threads, require=opts.require_engine,
                                  **opts.engine_options())
    t1 = time.perf_counter()
    job = BackTranslation([s for sents in prep.tgt_sentences for s in sents], engine,
                          prep.tgt_lang, prep.src_lang, progress)
    from tqcheck.align import wordlayer

    lexical = wordlayer.start_for(prep, opts)
    prep = source_side(prep, progress)
    t2 = time.perf_counter()
    back = _collect([prep], job)
    t3 = time.perf_counter()
    report = _unmirrored(prep, analyse(prep, back, engine, opts, progress, lexical), opts, progress)
    # The engine ran from t1 to t3, beside the source side (t1 to t2).
    timings = {"read_segment": round(t1 - t0, 4), "source_side": round(t2 - t1, 4),
               "translate": round(t3 - t1, 4), "engine_wait": round(t3 - t2, 4),
               **report.timings, "total": round(time.perf_counter() - t0, 4)}
    report = replace(report, timings=timings)
    if cache is not None and key is not None:
        cache.put(key, report)
    return report


def _unmirrored(prep: Prepared, report: Report, opts: CheckOptions, progress: Progress) -> Report:
    """Under `auto`, a translation made by the back-translating engine itself is checked
    again through another installed engine, when there is one (tqcheck/verdict/same_engine.py)."""
    if not report.mirrored or opts.engine != "auto":
        return report
    from tqcheck.verdict.same_engine import other_engine

    other = other_engine(report.engine.name, prep.src_lang, prep.tgt_lang, cache=opts.cache,
                         threads=opts.threads, **opts.engine_options())
    if other is None:
        return report
    flat = [s for sents in prep.tgt_sentences for s in sents]
    return analyse(prep, back_translate(flat, other, prep.tgt_lang, prep.src_lang, progress), other, opts, progress)


def check_pairs(
    pairs: Sequence[tuple[str | Path, str | Path]],
    opts: CheckOptions = CheckOptions(),
    *,
    engine_for: Callable[[str, str], Engine] | None = None,
) -> list[Report | TqcheckError]:
    """Check many pairs, translating all sentences of one language pair in one engine batch.

    One bad pair does not stop the others: its slot holds the error instead of a report.
    """
    results: list[Report | TqcheckError | None] = [None] * len(pairs)
    prepared: dict[int, Prepared] = {}
    keys: dict[int, str] = {}
    # One cache connection and one engine look-up for the whole batch, not one per pair.
    cache = reports_cache.for_options(opts) if engine_for is None else None
    info = reports_cache.engine_info_for(opts)
    for i, (s, t) in enumerate(pairs):
        if cache is not None:
            key = reports_cache.key_for(opts, s, t)
            if key is not None:
                hit = cache.get(key, info, side_names(s, t))
                if hit is not None:
                    results[i] = replace(hit, timings={"cached": 1.0})
                    continue
                keys[i] = key
        try:
            prepared[i] = read_and_segment(s, t, opts)
            glossary_for(opts, prepared[i].src_lang, prepared[i].tgt_lang)
        except TqcheckError as exc:
            results[i] = exc
    by_pair: dict[tuple[str, str], list[int]] = {}
    for i, prep in prepared.items():
        by_pair.setdefault((prep.tgt_lang, prep.src_lang), []).append(i)
    make = engine_for or _default_engine(opts)
    from tqcheck.align import wordlayer

    for (tgt, src), members in by_pair.items():
        words = wordlayer.start_batch([prepared[i] for i in members], src, tgt, opts)
        try:
            engine = make(tgt, src)
            flat = [s for i in members for sents in prepared[i].tgt_sentences for s in sents]
            job = BackTranslation(flat, engine, tgt, src, no_progress)
        except TqcheckError as exc:
            for i in members:
                results[i] = exc
            continue
        for i in members:  # while the engine works
            try:
                prepared[i] = source_side(prepared[i])
            except TqcheckError as exc:
                results[i] = exc
        try:
            out = _collect([prepared[i] for i in members], job)
        except TqcheckError as exc:
            for i in members:
                results[i] = results[i] or exc
            continue
        # Each article's slice of the batch's back-translation.
        backs, pos = {}, 0
        for i in members:
            n = sum(len(sents) for sents in prepared[i].tgt_sentences)
            backs[i], pos = out[pos : pos + n], pos + n
        units = {}
        info = engine.info(tgt, src)
        for i in members:
            if results[i] is None:
                try:
                    units[i] = aligned_units(prepared[i], backs[i], info)
                except TqcheckError as exc:
                    results[i] = exc
        from tqcheck import verdict

        # The verdict's analysers once for the whole batch, beside the articles' checks.
        rates = dict(zip(units, verdict.prefetch(list(units.values()), info, opts, src, tgt) or []))
        for i, lexical in zip(members, words.parts() if words else [None] * len(members)):
            if results[i] is None:
                try:
                    report = analyse(prepared[i], backs[i], engine, opts, lexical=lexical,
                                     units=units[i], pending=rates.get(i))
                    results[i] = report = _unmirrored(prepared[i], report, opts, no_progress)
                    if cache is not None and i in keys:
                        cache.put(keys[i], report)
                except TqcheckError as exc:
                    results[i] = exc
    return [r for r in results if r is not None]


def _default_engine(opts: CheckOptions) -> Callable[[str, str], Engine]:
    return lambda src, tgt: get_engine(opts.engine, src, tgt, cache=opts.cache, threads=opts.threads,
                                       require=opts.require_engine, **opts.engine_options())
