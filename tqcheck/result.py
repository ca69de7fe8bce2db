"""The result of checking one article pair, and the CI gate over it."""
from __future__ import annotations

from dataclasses import dataclass, field

from tqcheck.model import AlignedUnit, Finding, Severity
from tqcheck.score import ArticleScores
from tqcheck.translate.base import EngineInfo


@dataclass(frozen=True)
class Side:
    path: str
    lang: str
    encoding: str
    format: str
    passages: int
    sentences: int


@dataclass(frozen=True)
class Report:
    source: Side
    translation: Side
    engine: EngineInfo
    signature: str
    scores: ArticleScores
    units: tuple[AlignedUnit, ...]
    thresholds: dict[str, float] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict, compare=False)
    cache: dict[str, int] = field(default_factory=dict, compare=False)

    @property
    def findings(self) -> list[tuple[AlignedUnit, Finding]]:
        return [(u, f) for u in self.units for f in u.findings]

    def counts(self) -> dict[str, int]:
        out = {s.value: 0 for s in Severity}
        for _, f in self.findings:
            out[f.severity.value] += 1
        return out

    @property
    def flagged_units(self) -> int:
        return sum(1 for u in self.units if u.findings)

    def alignment_counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for u in self.units:
            out[u.kind] = out.get(u.kind, 0) + 1
        return out


@dataclass(frozen=True)
class GateResult:
    passed: bool
    reasons: tuple[str, ...]


def gate(report: Report, fail_on: Severity = Severity.ERROR, min_chrf: float | None = None
         ) -> GateResult:
    """Fail on findings at or above `fail_on`, or an article chrF under `min_chrf`."""
    reasons = []
    hits = [f for _, f in report.findings if f.severity.rank >= fail_on.rank]
    if hits:
        reasons.append(f"{len(hits)} finding(s) at or above {fail_on.value}")
    if min_chrf is not None and report.scores.chrf < min_chrf:
        reasons.append(f"article chrF {report.scores.chrf:.1f} is below --min-chrf {min_chrf:g}")
    return GateResult(passed=not reasons, reasons=tuple(reasons))
