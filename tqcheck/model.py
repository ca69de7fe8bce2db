"""Frozen result types shared by every pipeline stage. Rendering lives in report/."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return ("info", "warning", "error").index(self.value)


@dataclass(frozen=True)
class Passage:
    """One paragraph, heading or list item of an article."""

    index: int
    text: str
    line: int  # 1-based line number in its file
    kind: str = "paragraph"  # paragraph | heading | list_item | unit
    sentences: tuple[str, ...] = ()
    lang: str | None = None  # None: no letters, or too little text to tell
    meta: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Document:
    path: str
    passages: tuple[Passage, ...]
    encoding: str = "utf-8"
    lang: str | None = None
    fmt: str = "text"


@dataclass(frozen=True)
class Finding:
    check: str
    severity: Severity
    message: str
    evidence: dict[str, object] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Scores:
    chrf: float | None = None
    bleu: float | None = None
    ter: float | None = None


@dataclass(frozen=True)
class AlignedUnit:
    """One bead of the alignment: 1-1, 1-0 (omitted), 0-1 (added), 1-2 (split), 2-1 (merged)."""

    index: int
    kind: str  # "1-1", "1-0", "0-1", "1-2", "2-1"
    source: tuple[Passage, ...]
    target: tuple[Passage, ...]
    back_translation: str = ""
    scores: Scores = Scores()
    # One back-translation per sentence of the target passages, for sentence-level checks.
    back_sentences: tuple[str, ...] = field(default=(), compare=False)
    findings: tuple[Finding, ...] = ()
    # The word alignment (tqcheck.align.words.WordAlignment), when both sides have a
    # lexicon; None otherwise.
    words: object | None = field(default=None, compare=False)
    # The verdict's probability that the unit is wrong (0..1); None: no verdict for the pair.
    risk: float | None = None

    @property
    def source_text(self) -> str:
        return "\n".join(p.text for p in self.source)

    @property
    def target_text(self) -> str:
        return "\n".join(p.text for p in self.target)

    @property
    def size(self) -> int:
        """Characters on both sides: how much work the unit is (tqcheck/parallel.py's weights)."""
        return sum(len(p.text) for p in self.source) + sum(len(p.text) for p in self.target)
