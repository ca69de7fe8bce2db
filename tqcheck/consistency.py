"""Consistency: the same source segment translated two ways, and two different source
segments given one translation, within an article (a check) or across a batch
(tqcheck/batch/consistency.py). Segments are aligned passages, and their sentences
where a passage and its translation have as many sentences.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Shorter segments ("Photo", "Read more", a byline) are translated by context.
MIN_WORDS = 4
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Segment:
    source: str
    target: str
    source_line: int
    target_line: int
    file: str = ""  # the translation file, when segments of several articles meet
    unit: int = -1  # aligned unit index in its report

    def where(self) -> dict[str, object]:
        return {"file": self.file, "source_line": self.source_line, "line": self.target_line,
                "unit": self.unit, "source": self.source, "translation": self.target}


@dataclass(frozen=True)
class Conflict:
    kind: str  # "source-two-ways" | "same-translation"
    first: Segment
    second: Segment


def normalise(text: str) -> str:
    return _EDGES.sub("", _SPACE.sub(" ", text.casefold())).strip()


def unit_segments(pairs: Iterable[tuple[int, Sequence[str], Sequence[str], int, int, str, str]],
                  file: str = "") -> list[Segment]:
    """Segments of aligned 1-1 units given as (unit, source sentences, target sentences,
    source line, target line, source text, target text)."""
    out = []
    for unit, s_sents, t_sents, s_line, t_line, s_text, t_text in pairs:
        out.append(Segment(s_text, t_text, s_line, t_line, file, unit))
        if len(s_sents) == len(t_sents) > 1:
            out += [Segment(s, t, s_line, t_line, file, unit) for s, t in zip(s_sents, t_sents)]
    return out


def conflicts(segments: Iterable[Segment]) -> list[Conflict]:
    """Each later segment that disagrees with the first one seen: by source (one source,
    another translation) or by translation (another source, one translation)."""
    by_source: dict[str, Segment] = {}
    by_target: dict[str, Segment] = {}
    out = []
    for seg in segments:
        src, tgt = normalise(seg.source), normalise(seg.target)
        if len(src.split()) < MIN_WORDS or not tgt:
            continue
        first = by_source.setdefault(src, seg)
        if first is not seg and normalise(first.target) != tgt:
            out.append(Conflict("source-two-ways", first, seg))
        if len(tgt.split()) >= MIN_WORDS:
            other = by_target.setdefault(tgt, seg)
            if other is not seg and normalise(other.source) != src and not _numbers_only(other.source, seg.source):
                out.append(Conflict("same-translation", other, seg))
    return out


def _numbers_only(a: str, b: str) -> bool:
    # "Chapter 1" and "Chapter 2" both as "Capítulo" is a lost number, the numbers check's business.
    return re.sub(r"\d+", "#", normalise(a)) == re.sub(r"\d+", "#", normalise(b))


def message(c: Conflict, here: str = "line") -> str:
    a, b = c.first, c.second
    at_a = f"{a.file}:{a.target_line}" if a.file else f"line {a.target_line}"
    at_b = f"{b.file}:{b.target_line}" if b.file else f"line {b.target_line}"
    if c.kind == "source-two-ways":
        return (f"the same source is translated two ways, at {at_a} and {at_b}: "
                f"{_short(a.target)!r} / {_short(b.target)!r}")
    return (f"two different sources have the same translation, at {at_a} and {at_b}: "
            f"{_short(a.source)!r} / {_short(b.source)!r} → {_short(b.target)!r}")


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
