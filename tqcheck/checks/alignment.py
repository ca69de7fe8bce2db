"""Passages that the aligner could not pair: dropped from, or added to, the translation."""
from __future__ import annotations

from tqcheck.checks.base import Check, Context, register
from tqcheck.model import AlignedUnit, Finding, Severity


@register
class Omission(Check):
    id = "omission"
    title = "Source passage missing from the translation"
    severity = Severity.ERROR
    description = "A source passage has no counterpart in the translation (a 1-0 alignment)."
    implies = ("low-score",)

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        if unit.kind != "1-0":
            return []
        p = unit.source[0]
        return [
            self.finding(
                f"source passage at line {p.line} is missing from the translation",
                source_line=p.line,
                source_span=p.text,
            )
        ]


@register
class Addition(Check):
    id = "addition"
    title = "Translation passage with no source"
    severity = Severity.ERROR
    description = "A translation passage matches nothing in the source (a 0-1 alignment)."
    implies = ("low-score",)

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        if unit.kind != "0-1":
            return []
        p = unit.target[0]
        return [
            self.finding(
                f"translation passage at line {p.line} has no counterpart in the source",
                target_line=p.line,
                target_span=p.text,
                back_translation=unit.back_translation,
            )
        ]
