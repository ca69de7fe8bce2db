"""Consistency within one article: a segment translated two ways, two segments given one
translation, a key term rendered by two of its allowed translations."""
from __future__ import annotations

from collections.abc import Sequence

from tqcheck.checks.base import ArticleCheck, Context, register
from tqcheck.consistency import conflicts, message, unit_segments
from tqcheck.glossary import find
from tqcheck.model import AlignedUnit, Finding, Severity


def article_segments(units: Sequence[AlignedUnit], file: str = ""):  # type: ignore[no-untyped-def]
    return unit_segments(((u.index, [s for p in u.source for s in p.sentences],
                           [s for p in u.target for s in p.sentences], u.source[0].line,
                           u.target[0].line, u.source_text, u.target_text)
                          for u in units if u.kind == "1-1"), file)


@register
class Consistency(ArticleCheck):
    id = "consistency"
    title = "Inconsistent translation"
    severity = Severity.WARNING
    description = ("The same source segment is translated two ways in the article, two different "
                   "source segments get the same translation (info), or a glossary term is rendered "
                   "by two of its allowed translations; the evidence gives both lines.")

    def run_article(self, units: Sequence[AlignedUnit], ctx: Context) -> dict[int, list[Finding]]:
        out: dict[int, list[Finding]] = {}
        for c in conflicts(article_segments(units)):
            f = self.finding(message(c), target_line=c.second.target_line, kind=c.kind,
                             first=c.first.where(), second=c.second.where())
            if c.kind == "same-translation":
                f = Finding(f.check, Severity.INFO, f.message, f.evidence)
            out.setdefault(c.second.unit, []).append(f)
        if ctx.glossary is not None:
            for unit, f in self._terms(units, ctx):
                out.setdefault(unit, []).append(f)
        return out

    def _terms(self, units: Sequence[AlignedUnit], ctx: Context) -> list[tuple[int, Finding]]:
        out = []
        for term in ctx.glossary.terms if ctx.glossary else ():
            if len(term.allowed) < 2:
                continue
            first: tuple[str, AlignedUnit] | None = None
            for u in units:
                if not u.source or not u.target or find(term.source, u.source_text, ctx.src_lang) is None:
                    continue
                used = next((a for a in term.allowed if find(a, u.target_text, ctx.tgt_lang)), None)
                if used is None:
                    continue
                if first is None:
                    first = (used, u)
                elif used != first[0]:
                    a, b = first[1].target[0].line, u.target[0].line
                    out.append((u.index, self.finding(
                        f"key term {term.source!r} is {first[0]!r} at line {a} and {used!r} at line {b}",
                        target_line=b, kind="key-term-two-ways", term=term.source,
                        first={"line": a, "translation": first[0]}, second={"line": b, "translation": used})))
        return out
