"""Stage 5: the passages of both sides aligned into units (tqcheck/align/aligner.py), each
unit carrying its passages' back-translation, whole and sentence by sentence."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tqcheck.model import AlignedUnit
from tqcheck.translate.none import NAME as NONE

if TYPE_CHECKING:
    from tqcheck.backtranslate import Progress
    from tqcheck.options import Prepared
    from tqcheck.translate.base import EngineInfo


def aligned_units(prep: Prepared, back_sentences: Sequence[str], info: EngineInfo,
                  progress: Progress | None = None) -> list[AlignedUnit]:
    """The passages of both sides aligned into units, each with its back-translation."""
    from tqcheck.align.aligner import align

    back: list[str] = []
    back_split: list[tuple[str, ...]] = []
    pos = 0
    for sents in prep.tgt_sentences:
        back_split.append(tuple(back_sentences[pos : pos + len(sents)]))
        back.append(" ".join(back_split[-1]).strip())
        pos += len(sents)
    src_passages = prep.source.passages
    tgt_passages = prep.translation.passages
    has_back = info.name != NONE
    beads = align([p.text for p in src_passages], [p.text for p in tgt_passages],
                  back if has_back else None, use_anchors=not has_back,
                  src_kinds=[p.kind for p in src_passages], tgt_kinds=[p.kind for p in tgt_passages],
                  grams=prep.grams,
                  progress=(lambda done, total: progress("align", done, total)) if progress else None)
    units = []
    for i, bead in enumerate(beads):
        src = tuple(src_passages[k] for k in bead.src)
        tgt = tuple(tgt_passages[k] for k in bead.tgt)
        units.append(AlignedUnit(i, bead.kind, src, tgt, " ".join(back[k] for k in bead.tgt).strip(),
                                 back_sentences=tuple(b for k in bead.tgt for b in back_split[k])))
    return units
