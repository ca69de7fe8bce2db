"""The result of checking one article pair, and the CI gate over it."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from tqcheck.baseline import Triage, triage
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
    calibration: str = "default"  # the calibration file the thresholds came from
    timings: dict[str, float] = field(default_factory=dict, compare=False)
    cache: dict[str, int] = field(default_factory=dict, compare=False)
    verdict: str = ""  # the verdict model used, or why the checks decide alone
    notes: tuple[str, ...] = ()  # warnings about the whole report (e.g. a same-engine round trip)
    mirrored: bool = False  # the translation is the back-translating engine's own output
    # Which checks ran on this pair, and why the others did not (missing engine or data).
    checks_ran: tuple[str, ...] = ()
    checks_skipped: dict[str, str] = field(default_factory=dict)

    def named(self, source: str, translation: str) -> Report:
        """The same report for files of these names: reports are cached by content, and a
        served report must name the files of the run that asked for it."""
        return replace(self, source=replace(self.source, path=source),
                       translation=replace(self.translation, path=translation))

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
        """Units with a warning or an error: information (e.g. a finding the verdict did
        not confirm) does not flag a unit."""
        return sum(1 for u in self.units if any(f.severity is not Severity.INFO for f in u.findings))

    def alignment_counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for u in self.units:
            out[u.kind] = out.get(u.kind, 0) + 1
        return out


@dataclass(frozen=True)
class GateResult:
    passed: bool
    reasons: tuple[str, ...]
    # How findings were triaged against a baseline and suppressions (all new without one).
    new: int = 0
    known: int = 0
    suppressed: int = 0
    fixed: int = 0


def gate(report: Report, fail_on: Severity = Severity.ERROR, min_chrf: float | None = None,
         max_flagged_ratio: float | None = None, triaged: Triage | None = None) -> GateResult:
    """Fail on new findings at or above `fail_on`, an article chrF under `min_chrf`, or
    more than `max_flagged_ratio` of the aligned units flagged."""
    triaged = triaged or triage(report.findings)
    reasons = []
    hits = [f for _, f in triaged.new if f.severity.rank >= fail_on.rank]
    if hits:
        label = "new finding(s)" if triaged.known or triaged.fixed else "finding(s)"
        reasons.append(f"{len(hits)} {label} at or above {fail_on.value}")
    if min_chrf is not None and report.scores.chrf is not None and report.scores.chrf < min_chrf:
        reasons.append(f"article chrF {report.scores.chrf:.1f} is below --min-chrf {min_chrf:g}")
    if max_flagged_ratio is not None and report.units:
        ratio = report.flagged_units / len(report.units)
        if ratio > max_flagged_ratio:
            reasons.append(f"{ratio:.0%} of units flagged, over --max-flagged-ratio {max_flagged_ratio:g}")
    return GateResult(not reasons, tuple(reasons), len(triaged.new), len(triaged.known),
                      len(triaged.suppressed), len(triaged.fixed))
