"""Stages 1–3, everything before the engine: read both sides, resolve their languages,
segment them, detect each passage's language, and run the source-side work the engine
does not wait for (`source_side`, while the engine translates).

The stages themselves are imported by the functions that run them, so a cached re-run
imports none of them.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from tqcheck.backtranslate import Progress
from tqcheck.model import Document
from tqcheck.options import CheckOptions, Prepared

# Up to this many passages, every passage's n-grams are made while the engine runs and
# kept for the aligner; longer files make them as the aligner's band reaches them.
PREFILL_PASSAGES = 5000
# Passages (or units) read or checked between progress reports.
READ_PROGRESS_EVERY = 500


# Source-side work that needs no back-translation, run while the engine works:
# name -> stage(prepared) -> anything; the result is in Prepared.pre[name] for later
# stages (and in Context.pre for the checks).
PRE_ENGINE_STAGES: dict[str, Callable[[Prepared], Any]] = {}


def no_progress(stage: str, done: int, total: int) -> None:
    return None


def read_and_segment(src_path: str | Path, tgt_path: str | Path | None, opts: CheckOptions) -> Prepared:
    """What the engine needs: both sides read, their languages, the translation's sentences."""
    from tqcheck.languages import resolve_pair
    from tqcheck.read import read_pair

    src_doc, tgt_doc = read_pair(src_path, tgt_path, opts.src_format, opts.tgt_format)
    src_lang, tgt_lang = resolve_pair(src_doc, tgt_doc, opts.src_lang, opts.tgt_lang)
    tgt_doc = _segment(replace(tgt_doc, lang=tgt_lang))
    return Prepared(replace(src_doc, lang=src_lang), tgt_doc, src_lang, tgt_lang,
                    tuple(p.sentences for p in tgt_doc.passages))


def source_side(prep: Prepared, progress: Progress = no_progress) -> Prepared:
    """Everything before the back-translation that the engine does not wait for."""
    from tqcheck.align.aligner import ngram_set

    candidates = tuple(sorted({prep.src_lang, prep.tgt_lang, "en"}))
    n_src = len(prep.source.passages)
    total = n_src + len(prep.translation.passages)
    progress("read", 0, total)
    source = _detect(_segment(prep.source), candidates, lambda k: progress("read", k, total))
    translation = _detect(prep.translation, candidates, lambda k: progress("read", n_src + k, total))
    progress("read", total, total)
    out = replace(prep, source=source, translation=translation)
    out.pre.update({name: stage(out) for name, stage in PRE_ENGINE_STAGES.items()})
    if len(out.source.passages) + len(out.translation.passages) <= PREFILL_PASSAGES:
        for p in out.source.passages:
            out.grams[p.text] = ngram_set(p.text)
    return out


def prepare(src_path: str | Path, tgt_path: str | Path | None, opts: CheckOptions) -> Prepared:
    """Read, detect languages and segment both sides: everything before the engine."""
    return source_side(read_and_segment(src_path, tgt_path, opts))


def _segment(doc: Document) -> Document:
    from tqcheck.segment import split_sentences

    return replace(doc, passages=tuple(replace(p, sentences=tuple(split_sentences(p.text, doc.lang)))
                                       for p in doc.passages))


def _detect(doc: Document, candidates: tuple[str, ...], tick: Callable[[int], None]) -> Document:
    """Each passage's language; `tick(done)` every READ_PROGRESS_EVERY passages."""
    from tqcheck import detect

    passages = []
    for k, p in enumerate(doc.passages):
        passages.append(replace(p, lang=detect.detect(p.text, candidates)))
        if k % READ_PROGRESS_EVERY == 0:
            tick(k)
    return replace(doc, passages=tuple(passages))
