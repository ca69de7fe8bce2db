"""Numbers in the source missing or changed in the translation, and the reverse."""
from __future__ import annotations

from tqcheck.checks.base import Check, Context, register
from tqcheck.checks.numparse import find_numbers, unmatched
from tqcheck.model import AlignedUnit, Finding, Severity


@register
class Numbers(Check):
    id = "numbers"
    title = "Numbers differ"
    severity = Severity.ERROR
    description = (
        "A number in the source has no equal in the translation, or the reverse; "
        "locale forms (2,500 = 2.500 = 2 500 = ٢٬٥٠٠, 3.5 = 3,5) count as equal."
    )

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        if not unit.source or not unit.target:
            return []
        src = find_numbers(unit.source_text)
        tgt = find_numbers(unit.target_text)
        missing, extra = unmatched(src, tgt)
        if not missing and not extra:
            return []
        parts = []
        if missing:
            parts.append("source has " + ", ".join(n.text for n in missing))
        if extra:
            parts.append("translation has " + ", ".join(n.text for n in extra))
        line = unit.target[0].line
        return [
            self.finding(
                f"numbers differ at line {line}: " + "; ".join(parts),
                target_line=line,
                source_numbers=[n.text for n in missing],
                target_numbers=[n.text for n in extra],
                source_spans=[[n.start, n.end] for n in missing],
                target_spans=[[n.start, n.end] for n in extra],
            )
        ]
