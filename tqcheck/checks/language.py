"""Translation passages still in the source language, or copied from it."""
from __future__ import annotations

from sacrebleu.metrics import CHRF

from tqcheck.checks.base import Check, Context, register
from tqcheck.detect import letters
from tqcheck.model import AlignedUnit, Finding, Severity

# Headings and bylines under this many letters are too short to call: names and
# brand words legitimately stay the same in both languages.
MIN_LETTERS_UNTRANSLATED = 20
COPY_CHRF = 85.0

_chrf = CHRF()


@register
class Untranslated(Check):
    id = "untranslated"
    title = "Passage left in the source language"
    severity = Severity.ERROR
    description = (
        "A translation passage is detected as the source language, or is a near copy "
        "of its source passage."
    )
    implies = ("low-score",)

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        out = []
        source = unit.source_text
        for p in unit.target:
            if letters(p.text) < MIN_LETTERS_UNTRANSLATED:
                continue
            copied = _chrf.sentence_score(p.text, [source]).score if source else 0.0
            if p.lang == ctx.src_lang or copied >= COPY_CHRF:
                why = (
                    f"detected as {p.lang}" if p.lang == ctx.src_lang
                    else f"chrF {copied:.0f} against the source: a copy"
                )
                out.append(
                    self.finding(
                        f"translation passage at line {p.line} is not translated ({why})",
                        target_line=p.line,
                        target_span=p.text,
                        detected_language=p.lang,
                        copy_chrf=round(copied, 2),
                    )
                )
        return out
