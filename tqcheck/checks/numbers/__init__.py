"""The `numbers` check: numbers in the source missing or changed in the translation,
and the reverse.

parse.py reads numbers as written in many locales into the values they can mean;
compare.py gives each the values its sentence allows (scales, decades, ranges, units
in units.py, times in clock.py, words through tqcheck.lang) and matches the two sides.
"""
from __future__ import annotations

from tqcheck.checks.base import Check, Context, register
from tqcheck.checks.numbers.compare import differences
from tqcheck.model import AlignedUnit, Finding, Severity


@register
class Numbers(Check):
    id = "numbers"
    title = "Numbers differ"
    severity = Severity.ERROR
    description = (
        "A number in the source has no equal in the translation, or the reverse; "
        "locale forms (2,500 = 2.500 = 2 500 = ٢٬٥٠٠, 3.5 = 3,5) count as equal, and so do "
        "scale words ($2 billion = 2000 millones, N585m = 585 millones), decades (1930s = años 30), "
        "year ranges (1981-87 = de 1981 a 1987), converted units (200 miles ≈ 321 km), clock "
        "times (6 pm = 18:00), fractions (half = 50 %) and numbers written in words."
    )

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        if not unit.source or not unit.target:
            return []
        missing, extra = differences(unit.source_text, unit.target_text, ctx.src_lang, ctx.tgt_lang)
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
