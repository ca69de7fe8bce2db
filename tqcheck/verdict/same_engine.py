"""A round trip through the engine that made the translation mirrors itself: Apertium's
en→es output of a news article, poor in places, round-trips through spa-eng at chrF 75.
Detect it by translating a sample of the source forward with the same engine and
comparing with the translation; deterministic engines reproduce their own output.
"""
from __future__ import annotations

from collections.abc import Sequence

from sacrebleu.metrics import CHRF

from tqcheck.errors import TqcheckError
from tqcheck.model import AlignedUnit
from tqcheck.translate.base import Engine, EngineInfo

SAMPLE_UNITS = 6
# The engine's own output scores ~100 against itself; a human or another engine's
# translation of news scores 30-60 against it (NTREX en→es, Apertium: 38 on average).
SAME_CHRF = 85.0
# Only a round trip that scores this high can be a mirror worth the extra engine call:
# human translations of news round-trip through Apertium at article chrF 45-60.
SUSPECT_ARTICLE_CHRF = 62.0


def sample(units: Sequence[AlignedUnit]) -> list[AlignedUnit]:
    paired = [u for u in units if u.kind == "1-1" and u.source_text.strip()]
    step = max(1, len(paired) // SAMPLE_UNITS)
    return paired[::step][:SAMPLE_UNITS]


def probe(units: Sequence[AlignedUnit], src: str, tgt: str, forward: Engine | None) -> float | None:
    """chrF of the engine's forward translation of sampled source passages against the
    translation; None when the engine cannot translate forward."""
    chosen = sample(units)
    if forward is None or not chosen:
        return None
    sentences = [list(p.sentences or (p.text,)) for u in chosen for p in u.source]
    try:
        flat = forward.translate_batch([s for ss in sentences for s in ss], src, tgt)
    except TqcheckError:
        return None
    hyps, pos = [], 0
    for ss in sentences:
        hyps.append(" ".join(flat[pos:pos + len(ss)]))
        pos += len(ss)
    return CHRF().corpus_score(hyps, [[u.target_text for u in chosen]]).score


def note(score: float | None, info: EngineInfo) -> str | None:
    if score is None or score < SAME_CHRF:
        return None
    return (f"the translation looks like {info.name}'s own output (its forward translation of a sample of "
            f"the source matches at chrF {score:.0f}): a round trip through the same engine mirrors itself, "
            "so round-trip scores are optimistic; back-translate with another engine (--engine)")


def forward_engine(info: EngineInfo, src: str, tgt: str, **kwargs: object) -> Engine | None:
    from tqcheck.translate.registry import ENGINES, get_engine

    if info.name not in ENGINES:
        return None
    try:
        return get_engine(info.name, src, tgt, **kwargs)  # type: ignore[arg-type]
    except TqcheckError:
        return None


def other_engine(current: str, src: str, tgt: str, **kwargs: object) -> Engine | None:
    """Under `auto`: another installed engine that back-translates tgt→src, if any."""
    from tqcheck.translate.registry import AUTO_ORDER, get_engine

    for name in AUTO_ORDER:
        if name == current:
            continue
        try:
            return get_engine(name, tgt, src, **kwargs)  # type: ignore[arg-type]
        except TqcheckError:
            continue
    return None
