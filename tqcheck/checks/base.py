"""The check contract and its registry (a plain dict, as pofilter's checkers are)."""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tqcheck.glossary import Glossary
from tqcheck.model import AlignedUnit, Finding, Severity
from tqcheck.score.stats import ChrfStore


@dataclass(frozen=True)
class Context:
    """What a check may know beyond its unit: the pair, the article, the thresholds."""

    src_lang: str
    tgt_lang: str
    article_chrf: float = 0.0
    thresholds: Mapping[str, float] = field(default_factory=dict)
    # Median translation/source length ratio of the article's paired units: each
    # article is its own reference for what "much shorter" means.
    length_ratio: float = 1.0
    # The word layer (tqcheck.lexicon): which backend analyses each side (None: none is
    # installed), and whether the source words carry dictionary translations.
    lexicon_src: str | None = None
    lexicon_tgt: str | None = None
    dictionary: bool = False
    # The engine that made the back-translations ("none": there are none).
    engine: str = ""
    # The article's chrF n-grams, shared with the scorer: a check compares texts through
    # it and never builds a sacreBLEU metric of its own.
    chrf: ChrfStore = field(default_factory=ChrfStore, compare=False, repr=False)
    # What the pipeline's PRE_ENGINE_STAGES returned, by stage name.
    pre: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    glossary: Glossary | None = None  # key terms (--glossary)
    # Words the spelling check accepts (--words), case-folded.
    words: frozenset[str] = frozenset()

    @property
    def has_back_translation(self) -> bool:
        return self.engine != "none"

    def threshold(self, name: str, default: float) -> float:
        return float(self.thresholds.get(name, default))


class Check(ABC):
    id: str = ""
    title: str = ""
    severity: Severity = Severity.WARNING
    description: str = ""
    # Checks whose findings on the same unit are a consequence of this one's
    # (pofilter's preconditions): an untranslated passage is not also "low score".
    implies: tuple[str, ...] = ()
    # Run without being named in `enable`. The word-level checks are opt-in: on whole
    # articles they still raise false flags (README, "Word layer").
    default: bool = True

    def __init__(self, severity: Severity | None = None) -> None:
        if severity is not None:
            self.severity = severity

    # Checks that judge by the back-translation cannot run without one (--engine none).
    needs_back_translation: bool = False

    def unavailable(self, ctx: Context) -> str | None:
        """Why this check cannot run on this pair at all (no engine, no dictionary for the
        language...), or None. Asked once per report; the report lists the reasons."""
        if self.needs_back_translation and not ctx.has_back_translation:
            return "no back-translation with engine none"
        return None

    @abstractmethod
    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        """Findings for one aligned unit; [] when it looks fine."""

    def finding(self, message: str, **evidence: object) -> Finding:
        return Finding(check=self.id, severity=self.severity, message=message, evidence=evidence)


CHECKS: dict[str, type[Check]] = {}


def register(cls: type[Check]) -> type[Check]:
    if not cls.id or cls.id in CHECKS:
        raise ValueError(f"check id {cls.id!r} is empty or registered twice")
    CHECKS[cls.id] = cls
    return cls


class ArticleCheck(Check):
    """A check that needs the whole article at once (consistency between passages)."""

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        return []

    @abstractmethod
    def run_article(self, units: Sequence[AlignedUnit], ctx: Context) -> dict[int, list[Finding]]:
        """Findings by aligned unit index."""
