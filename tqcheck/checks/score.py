"""Low round-trip score: the back-translation drifted far from the original."""
from __future__ import annotations

from tqcheck.checks.base import Check, Context, register
from tqcheck.model import AlignedUnit, Finding, Severity

# Used when no calibration file matches the pair and engine (see `tqcheck calibrate`).
DEFAULT_MIN_PASSAGE_CHRF = 30.0


@register
class LowScore(Check):
    id = "low-score"
    title = "Low round-trip chrF"
    severity = Severity.WARNING
    description = (
        "The passage's back-translation scores below the passage chrF threshold "
        "against the source passage."
    )

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        chrf = unit.scores.chrf
        if chrf is None or not unit.source or not unit.target:
            return []
        threshold = ctx.threshold("min_passage_chrf", DEFAULT_MIN_PASSAGE_CHRF)
        if chrf >= threshold:
            return []
        return [
            self.finding(
                f"round-trip chrF {chrf:.1f} is below {threshold:g}",
                chrf=chrf,
                threshold=threshold,
                back_translation=unit.back_translation,
            )
        ]
