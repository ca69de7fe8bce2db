"""A word written twice in a row ("the the", "de de"), pofilter's doublewords."""
from __future__ import annotations

import re

from tqcheck.checks.base import Check, Context, register
from tqcheck.lang import get as get_language
from tqcheck.model import AlignedUnit, Finding, Severity

_DOUBLE = re.compile(r"(?<![\w-])([^\W\d_][\w’']*)\s+(\1)(?![\w-])", re.IGNORECASE)


def doubled(text: str, lang: str | None = None) -> list[re.Match[str]]:
    # Scripts without capitals spell acronyms out letter by letter: BBC is "بي بي سي".
    allowed = get_language(lang).doubled_words if lang else frozenset()
    return [m for m in _DOUBLE.finditer(text)
            if len(m.group(1)) > (1 if m.group(1)[0] < "\u0250" else 2) and m.group(1).lower() not in allowed]


@register
class DoubledWord(Check):
    id = "doubled-word"
    title = "Word doubled"
    severity = Severity.WARNING
    description = "The same word twice in a row in the translation where the source has no doubled word."

    def run(self, unit: AlignedUnit, ctx: Context) -> list[Finding]:
        if not unit.source or not unit.target:
            return []
        # "very, very" or a doubled word that the source doubles too is style, not a slip.
        if doubled(re.sub(r"[,;:]", " ", unit.source_text)):
            return []
        out = []
        for p in unit.target:
            for m in doubled(p.text, ctx.tgt_lang):
                out.append(self.finding(f"'{m.group(1)}' is doubled at line {p.line}: {m.group()!r}",
                                        target_line=p.line, target_span=m.group(),
                                        span=[m.start(), m.end()]))
        return out
