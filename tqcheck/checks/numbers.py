"""Numbers in the source missing or changed in the translation, and the reverse."""
from __future__ import annotations

from tqcheck.checks.base import Check, Context, register
from tqcheck.checks.numparse import find_numbers
from tqcheck.checks.quantities import annotate, reconcile
from tqcheck.model import AlignedUnit, Finding, Severity


@register
class Numbers(Check):
    id = "numbers"
    title = "Numbers differ"
    severity = Severity.ERROR
    description = (
        "A number in the source has no equal in the translation, or the reverse; "
        "locale forms (2,500 = 2.500 = 2 500 = ٢٬٥٠٠, 3.5 = 3,5) count as equal, and so do "
        "scale words ($2 billion = 2000 millones), decades (1930s = años 30), converted units "
        "(200 miles ≈ 321 km) and small numbers spelled out."
    )

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        if not unit.source or not unit.target:
            return []
        s_text, t_text = unit.source_text, unit.target_text
        src = annotate(s_text, find_numbers(s_text), ctx.src_lang)
        tgt = annotate(t_text, find_numbers(t_text), ctx.tgt_lang)
        missing, extra = reconcile(src, tgt, s_text, t_text, ctx.src_lang, ctx.tgt_lang)
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
