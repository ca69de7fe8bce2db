"""Low round-trip score: the back-translation drifted far from the original, judged
against the pair's calibrated threshold and against the article's own level."""
from __future__ import annotations

from tqcheck.checks.base import Check, Context, register
from tqcheck.model import AlignedUnit, Finding, Severity


SHORT_CHARS = 60
SHORT_FACTOR = 0.5


@register
class LowScore(Check):
    id = "low-score"
    title = "Low round-trip chrF"
    severity = Severity.WARNING
    needs_back_translation = True
    description = (
        "The passage's back-translation scores below the calibrated passage chrF threshold "
        "for the pair and engine, or far below the article's own chrF; passages under "
        f"{SHORT_CHARS} characters (headlines) must fall twice as far."
    )

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        chrf = unit.scores.chrf
        if chrf is None or not unit.source or not unit.target:
            return []
        floor = ctx.threshold("min_passage_chrf", 30.0)
        drop = ctx.threshold("max_drop_below_article", 30.0)
        if len(unit.source_text) < SHORT_CHARS:
            # Headlines and bylines are short and freely rephrased: chrF on a few words
            # is noise (on NTREX, every clean-article flag of this check was a headline).
            floor, drop = floor * SHORT_FACTOR, drop / SHORT_FACTOR
        if chrf < floor:
            why = f"round-trip chrF {chrf:.2f} is below {floor:.2f}"
        elif ctx.article_chrf - chrf > drop:
            why = (f"round-trip chrF {chrf:.1f} is {ctx.article_chrf - chrf:.1f} below the "
                   f"article's {ctx.article_chrf:.1f} (limit {drop:g})")
        else:
            return []
        return [self.finding(why, chrf=chrf, threshold=floor, article_chrf=ctx.article_chrf,
                             target_line=unit.target[0].line, back_translation=unit.back_translation)]
